"""Classifying section headings into the eight reform areas, in every wording used over the years.

Headings are numbered per document (Arabic in prose, Roman in tables, steering
sometimes last), so the number is ignored and the wording decides. Each area
has its names, old and new (DOMAIN §1.1): "Cải cách thể chế" and "Xây dựng và
tổ chức thực hiện văn bản QPPL" are the same area; so are "Chính phủ điện
tử", "Chính quyền điện tử, chính quyền số" and the older "Hiện đại hóa hành
chính". When no name is present, keyword cues decide ("ISO 9001", "dịch vụ
công trực tuyến" → e-government) if they point at one area only.

A heading that names a criterion of an index framework ("Tiêu chí 2.3 …",
"TCTP 2.3 …", "Tiêu chí thành phần 1.1", "Chỉ số thành phần …") is a
criterion, never an area, even when its wording is an area's name:
frameworks number their criteria their own way. :func:`match_heading` says
which of the two a heading is, with its code or area and its own label.

Matching folds diacritics and case and tolerates scanned damage.
"""

from __future__ import annotations

import re
from enum import StrEnum

import attrs

from parplan.areas import ReformArea
from parplan.text._scan import Phrase

__all__ = ["HeadingKind", "HeadingMatch", "is_area_name", "match_area", "match_areas", "match_heading"]

_X = re.ASCII


def _alternatives(*phrases: str) -> str:
    return "|".join(r"\s*".join(re.escape(word) for word in phrase.split()) for phrase in phrases)


_NAMES: dict[ReformArea, tuple[str, ...]] = {
    ReformArea.CHI_DAO_DIEU_HANH: ("chi dao dieu hanh", "chi dao, dieu hanh", "lanh dao, chi dao"),
    ReformArea.THE_CHE: (
        "the che",
        "van ban quy pham phap luat",
        "van ban qppl",
        "vb qppl",
        "vbqppl",
        "xay dung va to chuc thuc hien van ban",
        "thi hanh phap luat",
        "danh gia tac dong chinh sach",
        "danh gia tac dong cua chinh sach",
    ),
    ReformArea.THU_TUC_HANH_CHINH: ("thu tuc hanh chinh", "cai cach tthc", "tthc", "danh gia tac dong thu tuc"),
    ReformArea.TO_CHUC_BO_MAY: ("to chuc bo may", "bo may hanh chinh", "bo may nha nuoc"),
    ReformArea.CONG_VU: (
        "che do cong vu",
        "cai cach cong vu",
        "cong vu",
        "doi ngu can bo, cong chuc",
        "doi ngu can bo cong chuc",
        "doi ngu cong chuc",
        "chat luong doi ngu",
        "cbccvc",
    ),
    ReformArea.TAI_CHINH_CONG: (
        "tai chinh cong",
        "co che tai chinh",
        "quan ly tai chinh",
        "tu chu tai chinh",
        "co che tu chu",
        "tai san cong",
    ),
    ReformArea.CHINH_QUYEN_SO: (
        "chinh phu dien tu",
        "chinh phu so",
        "chinh quyen dien tu",
        "chinh quyen so",
        "hien dai hoa hanh chinh",
        "hien dai hoa nen hanh chinh",
        "chuyen doi so",
    ),
    ReformArea.TAC_DONG: ("tac dong", "su hai long"),
}
_CUES: dict[ReformArea, tuple[str, ...]] = {
    ReformArea.CHINH_QUYEN_SO: (
        "iso",
        "htqlcl",
        "he thong quan ly chat luong",
        "dich vu cong truc tuyen",
        "dvctt",
        "lgsp",
        "ngsp",
        "cong nghe thong tin",
        "cntt",
        "chu ky so",
        "ky so",
        "mot cua dien tu",
        "de an 06",
        "de an so 06",
    ),
    ReformArea.THU_TUC_HANH_CHINH: ("mot cua", "kiem soat thu tuc"),
    ReformArea.CHI_DAO_DIEU_HANH: (
        "tuyen truyen",
        "kiem tra cong tac cai cach",
        "kiem tra cai cach hanh chinh",
        "kiem tra cchc",
    ),
    ReformArea.TAC_DONG: ("phat trien kinh te",),
    ReformArea.CONG_VU: ("tuyen dung", "cong chuc", "vien chuc"),
}
_NAME = re.compile(
    "|".join(f"(?P<n{area.number}>(?<![a-z])(?:{_alternatives(*names)})(?![a-z]))" for area, names in _NAMES.items()),
    _X,
)
_CUE = re.compile(
    "|".join(f"(?P<c{area.number}>(?<![a-z])(?:{_alternatives(*cues)})(?![a-z]))" for area, cues in _CUES.items()),
    _X,
)


def _found(pattern: re.Pattern[str], prefix: str, s: str) -> list[ReformArea]:
    areas: list[ReformArea] = []
    for match in pattern.finditer(s):
        name = match.lastgroup
        if name is None:
            continue
        area = ReformArea.from_number(int(name.removeprefix(prefix)))
        if area not in areas:
            areas.append(area)
    return areas


class HeadingKind(StrEnum):
    """What a section heading names."""

    AREA = "area"
    """A reform area ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")."""
    CRITERION = "criterion"
    """A criterion of an index framework ("Tiêu chí 2", "TC 5.1")."""
    SUB_CRITERION = "sub_criterion"
    """A sub-criterion ("Tiêu chí thành phần 3.2", "TCTP 2.3", "Chỉ số thành phần 1.1")."""


@attrs.frozen(kw_only=True)
class HeadingMatch:
    """A section heading read: an area or a criterion, with the heading's own label.

    ``area`` is the reform area an AREA heading names; ``code`` the code of a
    criterion as written ("2.3", "7.2.1"); ``topic`` the area a criterion's
    wording is about, when it names one (its tasks belong there); ``label`` the
    heading's own number as written ("II", "2.3", "d", "1"), None when unnumbered.
    """

    kind: HeadingKind
    area: ReformArea | None = None
    code: str | None = None
    topic: ReformArea | None = None
    label: str | None = None


_CRITERION = re.compile(
    r"[\s(]*(?:[0-9ivx]+(?:\.[0-9]+)*[.):]\s*)?"
    r"(?:(?P<sub>tieu\s*chi\s*thanh\s*phan|tctp|chi\s*so\s*thanh\s*phan)|tieu\s*chi|tc)(?![a-z])"
    r"\s*(?:so\s*)?(?P<code>[0-9]+(?:\.[0-9]+)*)(?![0-9])",
    _X,
)
"""A criterion heading: its word ("Tiêu chí", "TC", "Tiêu chí thành phần", "TCTP") and code ("2.3")."""
_COMPONENT = re.compile(r"[\s(]*(?:[0-9ivx]+[.):]\s*)?(?:yeu\s*to|noi\s*dung\s*thanh\s*phan)\s*[0-9]", _X)
"""A component of a survey index ("Yếu tố 3: …" of SIPAS): neither an area nor a criterion of the plan."""
_LABEL = re.compile(
    r"[\s(]*(?:(?:linh\s*vuc|phan\s*thu|phan|muc|tieu\s*chi(?:\s*thanh\s*phan)?|tctp|tc)\s*)?"
    r"(?P<label>[0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-z])(?:[.):]|\s*-)",
    _X,
)
"""A heading's own number: "II.", "2.3.", "d)", "Lĩnh vực 1:", "8."."""


def match_heading(heading: str) -> HeadingMatch | None:
    """What a section heading names: a reform area or a criterion, None when neither.

    >>> match_heading("TCTP 2.3 Theo dõi thi hành pháp luật")
    HeadingMatch(kind=<HeadingKind.SUB_CRITERION: 'sub_criterion'>, area=None, code='2.3', \
topic=<ReformArea.THE_CHE: 'the_che'>, label='2.3')
    >>> match_heading("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH").area
    <ReformArea.THU_TUC_HANH_CHINH: 'thu_tuc_hanh_chinh'>
    >>> match_heading("I. MỤC ĐÍCH, YÊU CẦU") is None
    True
    """
    phrase = Phrase(heading)
    s = phrase.folded
    if _COMPONENT.match(s):
        return None
    label_found = _LABEL.match(s)
    label = phrase.text[label_found.start("label") : label_found.end("label")] if label_found else None
    criterion = _CRITERION.match(s)
    if criterion is not None:
        kind = HeadingKind.SUB_CRITERION if criterion["sub"] else HeadingKind.CRITERION
        return HeadingMatch(
            kind=kind, code=criterion["code"], topic=_area_of(s[criterion.end() :]), label=criterion["code"]
        )
    area = _area_of(s)
    if area is None:
        return None
    return HeadingMatch(kind=HeadingKind.AREA, area=area, label=label)


def _area_of(s: str) -> ReformArea | None:
    named = _NAME.search(s)
    if named is not None and named.lastgroup is not None:
        return ReformArea.from_number(int(named.lastgroup[1:]))
    cues = _found(_CUE, "c", s)
    return cues[0] if len(cues) == 1 else None


def match_areas(heading: str) -> tuple[ReformArea, ...]:
    """Every area a heading names, in the order named; keyword cues when it names none.

    >>> match_areas("Cải cách tổ chức bộ máy, công vụ")
    (<ReformArea.TO_CHUC_BO_MAY: 'to_chuc_bo_may'>, <ReformArea.CONG_VU: 'cong_vu'>)
    """
    s = Phrase(heading).folded
    if _CRITERION.match(s) or _COMPONENT.match(s):
        return ()
    named = _found(_NAME, "n", s)
    if named:
        return tuple(named)
    return tuple(_found(_CUE, "c", s))


def match_area(heading: str) -> ReformArea | None:
    """The reform area a section heading names, or None when it names none.

    Numbering (Arabic, Roman, letters), capitals, trailing punctuation and
    missing diacritics do not matter. A heading that names several areas
    gives the first one named (see :func:`match_areas` for all of them); one
    that names no area but carries keyword cues of exactly one area (say
    "Áp dụng ISO trong hoạt động cơ quan") gives that area.

    >>> match_area("II. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật")
    <ReformArea.THE_CHE: 'the_che'>
    >>> match_area("VII XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ")
    <ReformArea.CHINH_QUYEN_SO: 'chinh_quyen_so'>
    >>> match_area("I. MỤC ĐÍCH, YÊU CẦU") is None
    True
    >>> match_area("Tiêu chí 1: Công tác chỉ đạo, điều hành CCHC") is None  # a criterion, see match_heading
    True
    """
    s = Phrase(heading).folded
    if _CRITERION.match(s) or _COMPONENT.match(s):
        return None
    return _area_of(s)


_AREA_FILLER = re.compile(
    r"(?<![a-z])(?:cai cach|xay dung|phat trien|hien dai hoa|cong tac|nen hanh chinh|hanh chinh|nha nuoc|va|linh vuc"
    r"|cac)(?![a-z])|[^a-z]+",
    _X,
)


def is_area_name(text: str) -> bool:
    """Whether ``text`` is nothing but the name of one or more reform areas, as a heading writes it.

    Its number and punctuation aside, every word belongs to an area's name or to the words headings put around
    one ("Cải cách …", "Xây dựng và phát triển …", "Công tác …"); a task naming an area among its words is not one.

    >>> is_area_name("Cải cách thể chế"), is_area_name("4. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")
    (True, True)
    >>> is_area_name("Cải cách tổ chức bộ máy, công vụ")
    True
    >>> is_area_name("Rà soát văn bản quy phạm pháp luật"), is_area_name("Công khai thủ tục hành chính.")
    (False, False)
    """
    s = Phrase(text).folded
    if _CRITERION.match(s) or _COMPONENT.match(s) or _NAME.search(s) is None:
        return False
    return not _AREA_FILLER.sub("", _NAME.sub(" ", s)).strip()
