"""Classifying section headings into the eight reform areas, in every wording used over the years.

Headings are numbered per document (Arabic in prose, Roman in tables, steering
sometimes last), so the number is ignored and the wording decides. Each area
has its names, old and new (DOMAIN §1.1): "Cải cách thể chế" and "Xây dựng và
tổ chức thực hiện văn bản QPPL" are the same area; so are "Chính phủ điện
tử", "Chính quyền điện tử, chính quyền số" and the older "Hiện đại hóa hành
chính". When no name is present, keyword cues decide ("ISO 9001", "dịch vụ
công trực tuyến" → e-government) if they point at one area only.

Matching folds diacritics and case and tolerates scanned damage.
"""

from __future__ import annotations

import re

from parplan.areas import ReformArea
from parplan.text._scan import Phrase

__all__ = ["match_area", "match_areas"]

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
        "to chuc thi hanh phap luat",
    ),
    ReformArea.THU_TUC_HANH_CHINH: ("thu tuc hanh chinh", "cai cach tthc", "tthc"),
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
    ReformArea.TAI_CHINH_CONG: ("tai chinh cong", "co che tai chinh", "quan ly tai chinh"),
    ReformArea.CHINH_QUYEN_SO: (
        "chinh phu dien tu",
        "chinh phu so",
        "chinh quyen dien tu",
        "chinh quyen so",
        "hien dai hoa hanh chinh",
        "hien dai hoa nen hanh chinh",
        "chuyen doi so",
    ),
    ReformArea.TAC_DONG: ("tac dong",),
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
        "mot cua dien tu",
    ),
    ReformArea.THU_TUC_HANH_CHINH: ("mot cua", "kiem soat thu tuc"),
    ReformArea.CHI_DAO_DIEU_HANH: ("tuyen truyen", "kiem tra cong tac cai cach"),
    ReformArea.TAC_DONG: ("phat trien kinh te", "su hai long"),
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


def match_areas(heading: str) -> tuple[ReformArea, ...]:
    """Every area a heading names, in the order named; keyword cues when it names none.

    >>> match_areas("Cải cách tổ chức bộ máy, công vụ")
    (<ReformArea.TO_CHUC_BO_MAY: 'to_chuc_bo_may'>, <ReformArea.CONG_VU: 'cong_vu'>)
    """
    s = Phrase(heading).folded
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
    """
    s = Phrase(heading).folded
    named = _NAME.search(s)
    if named is not None and named.lastgroup is not None:
        return ReformArea.from_number(int(named.lastgroup[1:]))
    cues = _found(_CUE, "c", s)
    return cues[0] if len(cues) == 1 else None
