"""The parts of a document that Decree 30/2020/NĐ-CP fixes: masthead, kind and title, signature, recipients.

Copies flatten the masthead's two columns in several ways (both columns on one
line, cells separated by tabs, ``|`` or wide gaps, every cell on its own lines,
column after column) or drop it; :func:`read_head` accepts them all by taking
the motto, the number and the place-and-date line out of the text wherever they
stand, and reading what is left of the upper-case lines as the issuer.
:func:`read_tail` reads the recipients and the signature block, side by side or
one after the other.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Final

import attrs

from parplan.org import UnitKind
from parplan.plan import Authority, Signature, SigningCapacity
from parplan.read.accents import vi_compile
from parplan.read.lines import TextLine, glyph_bullet, split_cells
from parplan.text import fold as _fold_text
from parplan.text.normalize import fold_aligned, repair_ocr

fold = functools.lru_cache(maxsize=8192)(_fold_text)

__all__ = [
    "CENTRAL_CITIES",
    "UNIT_WORDS",
    "Head",
    "Tail",
    "find_kind_line",
    "read_head",
    "read_tail",
    "title_case",
    "unit_from_words",
]

_KIND_WORDS: Final = {
    "ke hoach": "KH",
    "quyet dinh": "QD",
    "bao cao": "BC",
    "chuong trinh": "CTR",
    "de an": "DA",
    "phuong an": "PA",
}
_KIND_LINE: Final = vi_compile(
    r"^\s*(?P<kind>K[ẾE]\s*HO[ẠA]CH|QUY[ẾE]T\s*[ĐD][ỊI]NH|B[ÁA]O\s*C[ÁA]O|CH[ƯU][ƠO]NG\s*TR[ÌI]NH|[ĐD][ỀE]\s*[ÁA]N|PH[ƯU][ƠO]NG\s*[ÁA]N)"
    r"\s*:?\s*(?P<rest>.*)$"
)
_MOTTO_1: Final = re.compile(
    r"c\s*o\s*n\s*g\s*h\s*o\s*a\s+x\s*a\s+h\s*o\s*i(?:\s+c\s*h\s*u\s+n\s*g\s*h\s*i\s*a\s+v\s*i\s*e\s*t\s+n\s*a\s*m)?"
)
_MOTTO_1B: Final = re.compile(r"chu\s*nghia\s*viet(?:\s*nam)?")
_MOTTO_CUT: Final = re.compile(r"chu\s*nghia\s*viet\s*$")
"""The motto's first line cut before its last word: the next fragment "NAM" is the motto's, not the issuer's."""
_MOTTO_2: Final = re.compile(r"doc\s*lap\s*[-–—\s]*\s*tu\s*do\s*[-–—\s]*\s*hanh\s*phuc")
_NUMBER: Final = vi_compile(
    r"(?:S(?:[ốo]|[ốoóòôồổộ0O6é]{2}|[óòôồổộ06éO])\s*:?|S[dđe]\s*:|[§$][0-9oóô]{1,2}\s*[:;])\s*(?P<sym>(?:[0-9]{1,5}[a-z]?)?\s*(?:/\s*[0-9]{4})?\s*/\s*[A-ZĐ][A-ZĐa-z0-9&]*(?:\s*[-–.]\s*[A-ZĐ][A-ZĐa-z0-9&]*)*)"
)
_PLACE_DATE: Final = vi_compile(
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'.]*\s+){0,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ'.]*)?\s*,?\s*ng[àa]y\s*(?P<d>[0-9lIO]?[0-9][0-9lIO]?(?![0-9]))?[\s.…_]*"
    r"th(?:[áa]|[^\W\d_]{1,2})ng\s*(?P<m>[0-9lIO]?[0-9][0-9lIO]?(?![0-9]))?[\s.…_]*n(?:[ăa]|[^\W\d_]{1,2})m\s*(?P<y>[0-9]{4})"
)
"""A place-and-date line ("Lạng Sơn, ngày 10 tháng 01 năm 2025"); its "tháng" and "năm" as OCR may leave them ("théng",
"thdng", "ndm") between the day and the year, where nothing else stands."""
_OCR_DIGITS: Final = str.maketrans("lIO", "110")
UNIT_WORDS: Final = (
    ("thanh pho truc thuoc trung uong", UnitKind.CENTRAL_CITY),
    ("thi tran", UnitKind.TOWNSHIP),
    ("thi xa", UnitKind.TOWN),
    ("dac khu", UnitKind.SPECIAL_ZONE),
    ("phuong", UnitKind.WARD),
    ("xa", UnitKind.COMMUNE),
    ("huyen", UnitKind.DISTRICT),
    ("quan", UnitKind.URBAN_DISTRICT),
    ("thanh pho", UnitKind.PROVINCIAL_CITY),
    ("tinh", UnitKind.PROVINCE),
    ("tp", UnitKind.PROVINCIAL_CITY),
)
"""The words that name a unit's kind (folded), each before the shorter words it holds, with the kind each names."""
_METADATA_LINE: Final = re.compile(
    r"^(?:so ky hieu|so hieu|ngay ban hanh|trich yeu|co quan ban hanh|nguoi ky|tep dinh kem|loai van ban"
    r"|ngay (?:co )?hieu luc)\s*:|^(?:thong tin van ban|noi dung van ban|toan van(?: van ban)?)\s*:?$"
)
"""A document system's line about the document before its masthead ("Số ký hiệu: …", "THÔNG TIN VĂN BẢN")."""
_AGGREGATOR: Final = re.compile(
    r"so hieu|so/ky hieu|trich yeu|ngay ban hanh|loai van ban|co quan ban hanh|nguoi ky|linh vuc|tinh trang"
)

_RUN_FIELD: Final = re.compile(
    r"(so hieu|so/ky hieu|so ky hieu|loai van ban|noi ban hanh|co quan ban hanh|nguoi ky|ngay ban hanh"
    r"|ngay (?:co )?hieu luc|ngay cong bao|so cong bao|tinh trang(?: hieu luc)?|linh vuc)\s*:"
)
"""A legal database's field name with its colon, anywhere in a line: two in one line are its metadata, the names
and values run together when the page's layout was lost ("Số hiệu:12/KH-UBNDLoại văn bản:Kế hoạch…")."""
_FIELD_CELL: Final = re.compile(
    r"^(?:so hieu|so/ky hieu|so ky hieu|loai van ban|noi ban hanh|co quan ban hanh|nguoi ky|ngay ban hanh"
    r"|ngay (?:co )?hieu luc|ngay cong bao|so cong bao|tinh trang(?: hieu luc)?|linh vuc|trich yeu)$"
)
"""A legal database's field name alone in the first cell of its row ("Số hiệu" | "12/KH-UBND"), folded: a scan
reads the table's rule between name and value as a gap, a copy as a tab."""
_TAB_NAMES: Final = re.compile(
    r"^(?:\s*(?:van ban goc|vb goc|tieng anh|luoc do|thuoc tinh|noi dung|tai ve|lien quan|hieu luc|"
    r"van ban lien quan|ban in|luu|theo doi van ban|bao loi|in|chia se)\s*[|•·]?\s*){2,}$"
)
"""A legal database's tabs and buttons on one line ("Văn bản gốcTiếng AnhLược đồ", "Thuộc tính Nội dung Tải về")."""
_LOGIN_NOTICE: Final = re.compile(
    r"\b(?:dang nhap|dang ky thanh vien|tai khoan)\b.{0,80}\b(?:xem|tai|toan van|dang nhap)\b"
)
"""A legal database's notice that asks to log in to see or download the text."""


def title_case(text: str) -> str:
    """Upper-case words in title case, as place names are written: "XUÂN LÃNH" -> "Xuân Lãnh"."""
    return " ".join(word[:1] + word[1:].lower() if word.isupper() else word for word in text.split())


def unit_from_words(text: str) -> tuple[UnitKind, str | None] | None:
    """The kind and name of a unit written "xã Sơn Châu", "HUYỆN MANG YANG", "tỉnh Hà Tĩnh".

    "Thành phố" (or "TP.") before the name of a city run by the centre names that city, not a city of a
    province: no city of a province bears those names.

    >>> unit_from_words("TP. HỒ CHÍ MINH"), unit_from_words("thành phố Bảo Lộc")[0].value
    ((<UnitKind.CENTRAL_CITY: 'thanh_pho_truc_thuoc_trung_uong'>, 'Hồ Chí Minh'), 'thanh_pho_thuoc_tinh')
    """
    text = _TP_DOT.sub("TP ", text)
    words = text.strip(" ,.;:").split()
    folded = fold(text).strip(" ,.;:").split()
    for key, kind in UNIT_WORDS:
        size = len(key.split())
        if folded[:size] == key.split():
            name = " ".join(words[size:]).strip(" ,.;:")
            central = kind is UnitKind.PROVINCIAL_CITY and " ".join(folded[size:]).strip(" ,.;:") in CENTRAL_CITIES
            return (UnitKind.CENTRAL_CITY if central else kind), (title_case(name) if name else None)
    return None


_TP_DOT: Final = re.compile(r"^\s*(?:TP|Tp|tp)\.\s*")
CENTRAL_CITIES: Final = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho"})
"""The cities run by the centre that no city of a province shares a name with, folded (Huế was a province's
city until 2025, so "thành phố Huế" alone does not say which it is)."""


@attrs.frozen
class Head:
    """What the head of a document says, as written, with the lines each part came from."""

    kind: str | None = None
    kind_line: int | None = None
    body_start: int = 0
    issuer_lines: tuple[str, ...] = ()
    issuer_line_numbers: tuple[int, ...] = ()
    number: str | None = None
    number_line: int | None = None
    number_text: str | None = None
    place: str | None = None
    issued_on: date | None = None
    place_date: str | None = None
    place_line: int | None = None
    date_blank: bool = False
    title: str | None = None
    title_lines: tuple[int, int] | None = None
    aside: tuple[TextLine, ...] = ()
    posted: date | None = None
    """The day a portal posted the copy ("Ngày đăng: 16/01/2023"): the year of a day written without one."""


def without_emoji(text: str) -> str:
    """A line without the emoji a social-network post puts before it ("📢📢 KẾ HOẠCH …"); other lines as they are.

    >>> without_emoji("📢📢 KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH"), without_emoji("- Kế hoạch số 12")
    ('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH', '- Kế hoạch số 12')
    """
    glyph = glyph_bullet(text)
    if glyph is None or not all(unicodedata.category(char) in {"So", "Mn", "Cf"} for char in glyph[0]):
        return text
    return glyph[1]


def find_kind_line(lines: Sequence[TextLine], start: int = 0, limit: int = 60) -> int | None:
    """The index of the line naming the document's kind ("KẾ HOẠCH", "QUYẾT ĐỊNH"), upper case, near the top."""
    for index in range(start, min(len(lines), start + limit)):
        text = without_emoji(lines[index].text.strip())
        found = _KIND_LINE.match(text)
        if found and text[: found.end("kind")].isupper() and not found["rest"][:1].islower():
            rest = found["rest"]
            if not rest or rest[:1].isupper() or rest[:1] == "":
                return index
        if _lone_kind_word(lines, index):
            return index
    return None


def masthead_printed_after(lines: Sequence[TextLine]) -> tuple[list[TextLine], TextLine | None]:
    """The lines with a masthead printed after the text moved before it, and the masthead's first line.

    A plain-text extractor gives a Word file's paragraphs first and its tables after them: the plan
    then opens with its kind line ("KẾ HOẠCH") and its masthead table (issuer, "Số: …", the motto, the
    place and date) stands later, among the other tables. When nothing before the kind line is a
    masthead, a later block of lines (no blank line inside) holding the motto and a "Số:" line is that
    masthead: it is read where a masthead stands, its lines keeping their numbers. Otherwise the lines
    are given back as they are, with None.
    """
    kind = find_kind_line(lines)
    if kind is None or any(_masthead_word(line.text) for line in lines[:kind]):
        return list(lines), None
    for index in range(kind + 1, len(lines)):
        if _MOTTO.search(fold(lines[index].text)) is None:
            continue
        first = index
        while first > kind + 1 and lines[first - 1].text.strip():
            first -= 1
        last = index
        while last + 1 < len(lines) and lines[last + 1].text.strip():
            last += 1
        block = lines[first : last + 1]
        if len(block) > _MASTHEAD_LINES or not any(_NUMBER_LINE.match(fold(line.text)) for line in block):
            return list(lines), None
        return [*block, *lines[:first], *lines[last + 1 :]], block[0]
    return list(lines), None


def _masthead_word(text: str) -> bool:
    folded = fold(text)
    return _MOTTO.search(folded) is not None or _NUMBER_LINE.match(folded) is not None


_MOTTO: Final = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc")
_NUMBER_LINE: Final = re.compile(r"^\s*so\s*:\s*\S")
_MASTHEAD_LINES: Final = 10


def _lone_kind_word(lines: Sequence[TextLine], index: int) -> bool:
    """A kind word alone on its line in mixed case ("Quyết định") over an upper-case subject line.

    Styled headings copied from a portal lose their capitals; an aggregator's "Loại văn bản"
    value is the same word, but over another value ("Không xác định"), never over a subject.
    """
    text = lines[index].text.strip()
    if fold(text) not in _KIND_WORDS:
        return False
    following = next((line.text.strip() for line in lines[index + 1 : index + 3] if line.text.strip()), "")
    return len(following) > 10 and _upperish(following) and not following[:1].isdigit()


def _kind_code(text: str) -> str | None:
    folded = fold(text)
    for word, code in _KIND_WORDS.items():
        if folded.startswith(word):
            return code
    return None


def read_head(lines: Sequence[TextLine]) -> Head:  # noqa: C901, PLR0912
    """The masthead, kind and title at the top of ``lines``; ``body_start`` is the first line after them."""
    kind_index = find_kind_line(lines)
    aside: list[TextLine] = []
    masthead_end = kind_index if kind_index is not None else _masthead_guess(lines)
    start = 0
    # an aggregator's block of metadata before the masthead
    for index in range(masthead_end):
        text = lines[index].text
        if (
            ("|" in text and _AGGREGATOR.search(fold(text)))
            or _METADATA_LINE.match(fold(text).strip())
            or len(set(_RUN_FIELD.findall(fold(text)))) >= 2
            or _field_row(text)
        ):
            start = index + 1
    if start:
        aside.extend(line for line in lines[:start] if line.text.strip())
    fragments: list[tuple[str, int]] = []
    posted: date | None = None
    chromes = _page_lines([line for line in lines[start:masthead_end] if line.text.strip()])
    for line in lines[start:masthead_end]:
        if not line.text.strip():
            continue
        chrome = chromes.get(line.number)
        if chrome is not None:  # a portal's name, breadcrumb or posting line: the page's, not the document's
            aside.append(line)
            posted = posted or chrome[1]
            continue
        cells = _place_rejoined(split_cells(line.text) or [c for c in re.split(r"\s{3,}", line.text.strip()) if c])
        fragments.extend((cell.strip(), line.number) for cell in cells if cell.strip() and cell.strip() != "|")
    head = attrs.evolve(_read_masthead(fragments), posted=posted)
    if kind_index is None:
        return attrs.evolve(head, body_start=masthead_end, aside=tuple(aside))
    kind_text = without_emoji(lines[kind_index].text.strip())
    found = _KIND_LINE.match(kind_text)
    rest = found["rest"].strip() if found else ""
    title_parts: list[str] = [rest] if rest else []
    first = lines[kind_index].number
    last = first
    index = kind_index + 1
    while index < len(lines) and lines[index].text.strip() in {"", "|"} and not title_parts:
        index += 1
    while index < len(lines):
        text = lines[index].text.strip()
        if not text or text == "|":  # a lone "|": a cell border left by the copy, as good as a blank line
            nxt = next((line.text.strip() for line in lines[index + 1 : index + 3] if line.text.strip()), "")
            if nxt[:1].islower() and not _CITES.search(nxt):  # "… cứ Kế hoạch số 214/KH-UBND ngày …": a sentence
                index += 1
                continue
            break
        if _stops_title(text, title_parts):
            break
        title_parts.append(_title_part(text, title_parts))
        last = lines[index].number
        index += 1
        if len(title_parts) >= 5:
            break
    title = " ".join(" ".join(title_parts).split()) or None
    return attrs.evolve(
        head,
        kind=_kind_code(kind_text),
        kind_line=lines[kind_index].number,
        body_start=index,
        title=title,
        title_lines=(first, last) if title else None,
        aside=tuple(aside),
    )


_PORTAL_NAME: Final = re.compile(r"^(?:cong thong tin|trang thong tin|trang tin|cong tt)(?: dien tu)?\b")
_PORTAL_AFTER_NAME: Final = re.compile(
    r"\s[-–—|:»]+\s*(?:cong thong tin|trang thong tin|trang tin|(?:cong|trang) ttdt|cong tt)(?: dien tu)?\b"
)
"""A portal's name after its owner's ("SỞ NỘI VỤ TỈNH … - CỔNG THÔNG TIN ĐIỆN TỬ", "UBND xã … | Trang TTĐT"), folded."""
_BREADCRUMB: Final = re.compile(r"^trang chu\s*[»>/|›]")
_POSTED: Final = re.compile(
    r"^(?:ngay dang|dang ngay|ngay cap nhat|cap nhat|thoi gian dang|ngay xuat ban|luot xem)\b[^0-9]{0,6}"
    r"(?:(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4}))?"
)


_BARE_PORTAL_NAME: Final = re.compile(
    r"^(?:cong thong tin|trang thong tin|trang tin|(?:cong|trang) ttdt)(?: dien tu)?[\s.:|]*$"
)
"""A portal's name with no owner on its line ("CỔNG THÔNG TIN ĐIỆN TỬ"), folded: the owner is on the line beside."""


def _page_lines(lines: Sequence[TextLine]) -> dict[int, tuple[str, date | None]]:
    """The lines above a masthead that are a page's, by number: what each is (:func:`_portal_chrome`) and its day.

    Besides a portal's name, breadcrumb and posting line, a post's headline ("📢 UBND XÃ … BAN HÀNH KẾ HOẠCH …",
    no masthead cell holds a verb) and the owner's name written beside a bare portal name are the page's.
    """
    found: dict[int, tuple[str, date | None]] = {line.number: ("portal", None) for line in _portal_owner_lines(lines)}
    for line in lines:
        chrome = _portal_chrome(line.text)
        if chrome is None and _HEADLINE.search(fold(line.text)):
            chrome = ("headline", None)
        if chrome is not None and line.number not in found:
            found[line.number] = chrome
    return found


def _portal_owner_lines(lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines naming a portal's owner beside its bare name, above the page's breadcrumb or posting line.

    "SỞ NỘI VỤ TỈNH …" over "CỔNG THÔNG TIN ĐIỆN TỬ" (or under it), then "Trang chủ » …" or "Ngày đăng: …": the
    owner's line is the portal's name written on two lines, the page's, not the masthead's. Without a
    breadcrumb or posting line after it, a line beside a bare portal name may be the masthead's and is kept.
    """
    owners: list[TextLine] = []
    kinds = [_portal_chrome(line.text) for line in lines]
    for index, line in enumerate(lines):
        if not _BARE_PORTAL_NAME.match(fold(line.text).strip()):
            continue
        for beside in (index - 1, index + 1):
            if not 0 <= beside < len(lines) or kinds[beside] is not None:
                continue
            later = max(index, beside) + 1
            if any(kind is not None and kind[0] in {"breadcrumb", "posted"} for kind in kinds[later : later + 3]):
                owners.append(lines[beside])
    return owners


_HEADLINE: Final = re.compile(r"\b(?:ban hanh|trien khai|xay dung|thong qua)\s+(?:ban\s+)?ke hoach\b")
"""A headline saying what the post is ("UBND XÃ … BAN HÀNH KẾ HOẠCH …"): a masthead's cells never hold a verb."""
_SOCIAL_POSTED: Final = re.compile(
    r"^(?P<d>[0-9]{1,2})\s+thang\s+(?P<m>[0-9]{1,2})(?:,?\s+(?:nam\s+)?(?P<y>[0-9]{4}))?\s+luc\s+[0-9]{1,2}:[0-9]{2}\b"
)
"""A social network's posting line ("14 tháng 3 lúc 08:15 · 🌏", "2 tháng 1, 2024 lúc 7:30"), folded."""


def _portal_chrome(text: str) -> tuple[str, date | None] | None:
    """What a portal page prints around a copied document: its name, breadcrumb or posting line, and the posting day.

    >>> _portal_chrome("Ngày đăng: 16/01/2023 08:42 | Lượt xem: 274")
    ('posted', datetime.date(2023, 1, 16))
    >>> _portal_chrome("Trang chủ » Cải cách hành chính")
    ('breadcrumb', None)
    >>> _portal_chrome("SỞ NỘI VỤ TỈNH LAI CHÂU") is None
    True
    >>> _portal_chrome("SỞ NỘI VỤ TỈNH LAI CHÂU - CỔNG THÔNG TIN ĐIỆN TỬ")
    ('portal', None)
    """
    folded = fold(text)
    if _PORTAL_NAME.match(folded) or _PORTAL_AFTER_NAME.search(folded):
        return "portal", None
    social = _SOCIAL_POSTED.match(folded.strip())
    if social is not None:
        try:
            return "posted", date(int(social["y"]), int(social["m"]), int(social["d"])) if social["y"] else None
        except ValueError:
            return "posted", None
    if _TAB_NAMES.match(folded.strip()) or _LOGIN_NOTICE.search(folded):
        return "database", None  # a legal database's tabs or its request to log in
    if _BREADCRUMB.match(folded):
        return "breadcrumb", None
    found = _POSTED.match(folded)
    if found is None:
        return None
    day = None
    if found["y"]:
        try:
            day = date(int(found["y"]), int(found["m"]), int(found["d"]))
        except ValueError:
            day = None
    return "posted", day


def _field_row(text: str) -> bool:
    r"""A row of a legal database's metadata as a scan or a copy leaves it: a field's name, then its value in a cell.

    >>> _field_row("Số hiệu\t12/KH-UBND"), _field_row("Ngay co hiéu luc\t09/01/2026")
    (True, True)
    >>> _field_row("Số: 12/KH-UBND\tGia Lai, ngày 09 tháng 01 năm 2026"), _field_row("Lĩnh vực cải cách thể chế")
    (False, False)
    """
    cells = [cell.strip(" |:") for cell in text.split("\t") if cell.strip(" |:")]
    return len(cells) == 2 and _FIELD_CELL.match(" ".join(fold(cells[0]).split())) is not None


_PLACE_WORDS: Final = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\W\d_]*\s+){0,2}[A-ZĐÀ-Ỹ][^\W\d_]*$")
_PLACE_GOES_ON: Final = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,2}\s*,\s*ng\S{1,3}\s")


def _place_rejoined(cells: list[str]) -> list[str]:
    """The cells of a masthead's line with a place name OCR parted by a gap put together ("Lao" | "Cai, ngày …").

    >>> _place_rejoined(["Lao", "Cai, ngay 14 thang 3 nam 2025"])
    ['Lao Cai, ngay 14 thang 3 nam 2025']
    >>> _place_rejoined(["Số: 12/KH-UBND", "An Phú, ngày 10 tháng 01 năm 2025"])
    ['Số: 12/KH-UBND', 'An Phú, ngày 10 tháng 01 năm 2025']
    """
    result: list[str] = []
    for cell in cells:
        if result and _PLACE_WORDS.match(result[-1].strip()) and _PLACE_GOES_ON.match(cell.strip()):
            result[-1] = f"{result[-1].strip()} {cell.strip()}"
            continue
        result.append(cell)
    return result


def _masthead_guess(lines: Sequence[TextLine]) -> int:
    """Without a kind line, the masthead ends at the place-and-date line or the first long line."""
    for index, line in enumerate(lines[:15]):
        text = line.text.strip()
        if _PLACE_DATE.search(text):
            return index + 1
        if len(text) > 120 or text.startswith(("Căn cứ", "Thực hiện")):
            return index
        if (len(text) > 40 and text.endswith(":") and not text.isupper()) or re.match(r"^[IVX]+\s*[.)]\s", text):
            return index  # "… xây dựng Kế hoạch … như sau:" or "I. NHIỆM VỤ": the body has begun
    return 0


_STOP_TITLE: Final = vi_compile(r"^(?:\(|Căn cứ|Xét |Kính gửi|[IVX]+\s*[.)]\s|Phần\s|PHẦN\s|Trên cơ sở|Ngày \d|Năm \d)")
_ACRONYM_GOES_ON: Final = re.compile(r"^\([A-Z][A-Z0-9 &-]{1,15}\)\s+\S")
"""A capital title's wrapped line that starts with the bracketed name of an index: "(SIPAS) TỈNH … NĂM 2025"."""
_CITES: Final = vi_compile(r"\bsố\s*:?\s*[0-9]+\s*/\s*[0-9A-ZĐ]|\b[0-9]{1,2}/[0-9]{1,2}/(?:19|20)[0-9]{2}\b")
""""Kế hoạch số 214/KH-UBND", "26/12/2025": a citation, never in a title's wrapped words after a blank line."""
_STOP_IF_CITING: Final = vi_compile(r"^(?:Thực hiện|Theo )")


_SCANNED_CAN_CU: Final = re.compile(r"^c\S{0,2}n\s+c\S{0,3}\s|^kinh\s+g\S{1,3}\s*:")
""""Căn cứ" as OCR leaves it, folded: "cn ct", "c&n ct?", "can cif"; and "Kính gửi:" ("Kinh giti:")."""
_SCANNED_CITING: Final = re.compile(r"^thu\S{0,2}\s+hien\s")
""""Thực hiện" as a scan without marks leaves it, folded: "thuc hien", "thu hién", "thutc hién"."""
_ENDS_WITH_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}\s*[)]?$")
_AUTHORITY: Final = re.compile(
    r"(?:chu tich|pho chu tich|uy ban nhan dan|ubnd|giam doc|truong phong|truong ban|hieu truong|bo truong"
    r"|thu truong|chanh van phong|tong giam doc|vien truong|cuc truong)(?: |$)"
)
"""The issuing authority of a decision, on its own line under the title ("TRƯỞNG PHÒNG NỘI VỤ")."""


_SMALL_I: Final = re.compile(r"(?<=[^\W\d_])i(?=[^\W\d_]*\b)")
"""An "i" after a letter in a word: OCR writes the capital "Í" as a small "i" ("CHiNH", "CHi")."""


def in_capitals(text: str) -> bool:
    """Whether a line is written in capitals, an "i" OCR made small inside a word of capitals ("CHiNH") counted so.

    >>> in_capitals("KIỂM SOÁT THỦ TỤC HÀNH CHiNH NĂM 2023"), in_capitals("Kiểm soát thủ tục hành chính")
    (True, False)
    >>> in_capitals("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), in_capitals("Mini KẾ HOẠCH")
    (True, False)
    """
    if text.isupper():
        return True
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    return bool(words) and all(word.isupper() if "i" not in word else _small_i_only(word) for word in words)


def _small_i_only(word: str) -> bool:
    """A word of capitals but for the small "i"s OCR wrote inside it ("CHiNH"), never one opening it."""
    return not word.startswith("i") and _SMALL_I.sub("I", word).isupper() and sum(c.isupper() for c in word) >= 2


_YEAR_ALONE: Final = re.compile(
    r"^(?:nam|giai doan|nhiem ky)\s+(?:19|20)[0-9]{2}(?:\s*[-–]\s*(?:19|20)[0-9]{2})?\s*[.)]?$"
)
"""A title's year or span alone on its line ("Năm 2025", "NAM 2025", "giai đoạn 2021 - 2025"), folded."""
_ANY_YEAR: Final = re.compile(r"(?<![0-9/])(?:19|20)[0-9]{2}(?![0-9])")


def _title_part(text: str, parts: Sequence[str]) -> str:
    """A line of the title as it goes on: "Năm 2025" under a title in small letters goes on in its sentence."""
    if parts and not in_capitals(parts[-1]) and _YEAR_ALONE.match(" ".join(fold(text).split())):
        return text[:1].lower() + text[1:]
    return text


def _stops_title(text: str, parts: Sequence[str]) -> bool:
    if parts and _YEAR_ALONE.match(" ".join(fold(text).split())) and not any(_ANY_YEAR.search(part) for part in parts):
        return False  # the title's year on a line of its own, where the print or OCR left it
    if _ACRONYM_GOES_ON.match(text) and parts and in_capitals(parts[-1]) and in_capitals(text):
        return bool(_ENDS_WITH_YEAR.search(parts[-1]) or parts[-1].rstrip().endswith((".", ":", ";")))
    if _STOP_TITLE.match(text) or len(text) > 220 or _SCANNED_CAN_CU.match(fold(text)):
        return True
    if (_STOP_IF_CITING.match(text) or _SCANNED_CITING.match(fold(text))) and (
        len(text) > 120 or re.search(r"[0-9]+\s*/", text) or (parts and _ENDS_WITH_YEAR.search(parts[-1]))
    ):
        return True  # "Thực hiện …", "Theo …" after a title that ended with its year: the first sentence
    if parts and in_capitals(text) and (not in_capitals(parts[-1]) or _AUTHORITY.match(fold(text))):
        return True  # "ỦY BAN NHÂN DÂN HUYỆN", "GIÁM ĐỐC SỞ …": the authority of a decision
    return bool(parts and parts[-1].rstrip().endswith((".", ":", ";")))


_MOTTO_WORDS: Final = ("cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam")


def _motto_words(text: str) -> list[str]:
    """The words of a masthead fragment as the motto is matched: folded, OCR's digits read as letters."""
    return [word.strip(".,;:") for word in repair_ocr(fold_aligned(" ".join(text.split())))[0].split()]


def _motto_unwrapped(fragments: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The fragments without the motto's words where its column wrapped it ("CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM").

    A fragment ending with the motto's first three words or more is followed, within the next two
    fragments (the other column's may stand between), by one starting with the rest: both lose them.
    """
    result: list[tuple[str, int]] = []
    pending: tuple[str, ...] = ()
    wait = 0
    for text, number in fragments:
        words = text.split()
        folded = _motto_words(text)
        if len(folded) != len(words):
            result.append((text, number))
            continue
        if pending:
            size = 0
            while size < min(len(folded), len(pending)) and folded[size] == pending[size]:
                size += 1
            if size:
                words, folded, pending, wait = words[size:], folded[size:], pending[size:], 2
            else:
                wait -= 1
                pending = pending if wait > 0 else ()
        for size in range(len(_MOTTO_WORDS) - 1, 2, -1):
            if len(folded) >= size and tuple(folded[-size:]) == _MOTTO_WORDS[:size]:
                words, pending, wait = words[:-size], _MOTTO_WORDS[size:], 2
                break
        if words:
            result.append((" ".join(words), number))
    return result


def _place_and_date(found: re.Match[str]) -> tuple[str | None, str, date | None]:
    """The place, the place-and-date line as written and the day of a :data:`_PLACE_DATE` match.

    Words before the place that are not its own (the motto's last word run into it: "…phúc Cam Lâm",
    an upper-case word, "Số", "ngày") are left out of both.
    """
    place = found["place"]
    dropped = 0
    if place:
        words = place.split()
        while words and (
            (words[0].isupper() and len(words[0]) > 1)
            or not words[0][:1].isupper()  # "…phúc Cam Lâm": the end of the motto is not the place
            or fold(words[0]) in {"so", "ngay"}
        ):
            words = words[1:]
            dropped += 1
        place = " ".join(words) or None
    place_date = " ".join(found.group(0).split()[dropped:])
    issued: date | None = None
    if found["d"] and found["m"]:
        try:
            # a scan's "0l" for 01 ("ngày 08 tháng 0l năm 2026"): l, I and O in a day or month are 1, 1 and 0
            issued = date(
                int(found["y"]), int(found["m"].translate(_OCR_DIGITS)), int(found["d"].translate(_OCR_DIGITS))
            )
        except ValueError:
            issued = None
    return place, place_date, issued


def _read_masthead(fragments: list[tuple[str, int]]) -> Head:
    fragments = _motto_unwrapped(fragments)
    number = number_text = None
    number_line = place = place_date = None
    issued: date | None = None
    place_line: int | None = None
    date_blank = False
    remaining: list[tuple[str, int]] = []
    flat = " ".join(text for text, _ in fragments)
    found_number = _NUMBER.search(flat)
    if found_number:
        number = " ".join(found_number["sym"].split()).replace(" /", "/").replace("/ ", "/")
        number_text = " ".join(found_number.group(0).split())
        flat = flat[: found_number.start()] + " | " + flat[found_number.end() :]
    found_date = _PLACE_DATE.search(flat)
    if found_date:
        place, place_date, issued = _place_and_date(found_date)
        date_blank = not (found_date["d"] and found_date["m"])
    motto_cut = 0
    for text, line_number in fragments:
        folded = fold(text)
        if motto_cut and folded.strip(" .") == "nam":
            motto_cut = 0
            continue  # "… CHỦ NGHĨA VIỆT" / "NAM": the motto wrapped in its column
        # the column's next fragment may come after the other column's ("… VIỆT" | "LỘC" | "NAM")
        motto_cut = 2 if _MOTTO_CUT.search(folded) else max(motto_cut - 1, 0)
        if found_number and (text in found_number.group(0) or folded.startswith("so")) and number_line is None:
            number_line = line_number
        if found_date and place_line is None and (("ngay" in folded and "thang" in folded) or "nam" in folded):
            place_line = line_number
        cleaned = _strip_motto_and_facts(text)
        if cleaned and number and " ".join(cleaned.split()) == number:
            cleaned = ""  # the number on the line after "Số:" (a cell cut in two)
        if cleaned:
            remaining.append((cleaned, line_number))
    issuer = _unwrapped([(text, n) for text, n in remaining if _upperish(text)])
    issuer_lines = tuple(text for text, _ in issuer)
    issuer_numbers = tuple(n for _, n in issuer)
    return Head(
        issuer_lines=issuer_lines,
        issuer_line_numbers=issuer_numbers,
        number=number,
        number_line=number_line,
        number_text=number_text,
        place=place,
        issued_on=issued,
        place_date=place_date,
        place_line=place_line,
        date_blank=date_blank,
    )


_NAMED_UNIT: Final = re.compile(
    r"^(?:uy ban nhan dan|ubnd) (?:" + "|".join(word for word, _ in UNIT_WORDS) + r") \S+(?: \S+)?$"
)
_NOT_A_NAME: Final = re.compile(r"^(?:so|ban|van phong|phong|ubnd|uy ban|thanh tra|chi cuc|truong|hoi dong|dang)\b")


def _unwrapped(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The issuer's lines with a place name its column wrapped put back on its line.

    "ỦY BAN NHÂN DÂN TỈNH HÀ" over "NAM": a line of one or two words that names no body
    ends the name of the unit on the line above, as a narrow column wraps it.
    """
    result: list[tuple[str, int]] = []
    for text, number in lines:
        folded = fold(text).strip(" .,")
        if (
            result
            and _NAMED_UNIT.match(fold(result[-1][0]).strip())
            and 1 <= len(folded.split()) <= 2
            and not _NOT_A_NAME.match(folded)
            and unit_from_words(text) is None
        ):
            result[-1] = (f"{result[-1][0].rstrip()} {text.strip()}", result[-1][1])
            continue
        result.append((text, number))
    return result


def _upperish(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _strip_motto_and_facts(text: str) -> str:
    """The part of a masthead fragment that is neither the motto, the number nor the place and date."""
    folded = fold(text)
    for pattern in (_MOTTO_2, _MOTTO_1, _MOTTO_1B):
        found = pattern.search(folded)
        if found:
            text = (text[: found.start()] + " " + text[found.end() :]).strip()
            folded = fold(text)
    found_number = _NUMBER.search(text)
    if found_number:
        text = (text[: found_number.start()] + text[found_number.end() :]).strip()
    if fold(text).startswith(("so:", "so :")) or fold(text) in {"so", "so:"}:
        return ""
    found_date = _PLACE_DATE.search(text)
    if found_date:
        text = (text[: found_date.start()] + text[found_date.end() :]).strip()
    if re.fullmatch(r"[\W_]*", text):
        return ""
    return text.strip(" |-–")


# -- the tail: recipients and signature ----------------------------------------------------------

_CAPACITY: Final = vi_compile(r"(?:^|(?<=\s))(?P<cap>TM|KT|Q|TL|TUQ|TƯQ)\s*\.\s*(?P<of>[A-ZĐÀ-Ỹ][^\n|]*)$")
_RECIPIENTS: Final = vi_compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SIGNED_MARK: Final = re.compile(r"^[(\[]\s*(?:da ky|ky|ky ten|ky va dong dau|da ky va dong dau)\s*[)\]]$")
_NAME: Final = vi_compile(
    r"^(?:[A-ZĐÀ-Ỹ](?:['’]\s?[A-ZĐÀ-Ỹ])?[a-zà-ỹđ06]*)(?:\s+[A-ZĐÀ-Ỹ](?:['’]\s?[A-ZĐÀ-Ỹ])?[a-zà-ỹđ06]+){1,5}$"
)
"""A person's name: "Y Thanh Niê", "H'Len Niê", "K' Hoàng Minh" (an apostrophe inside a name of the Central
Highlands, a space after it or not); on a scan a
vowel may be read as a digit ("H6 Văn Khải" for "Hồ")."""
_ARCHIVE_AND_NAME: Final = re.compile(
    r"^(?P<rec>[-+•]\s*L\S{1,3}\s*:(?:.*[.;](?<![\s,.][A-ZĐ]\.)|\s*VT))\s+(?P<name>[^.;]+)$"
)
"""The archive line ("- Lưu: VT.", "- Lưu: VT, VP.", the last recipient) with the signer's name printed beside it:
the name is what follows the line's last full stop (or a bare "VT"), never after an initial ("P. Nội Vụ")."""


@attrs.frozen
class Tail:
    """The recipients and signature found at the end of a document body."""

    recipients: tuple[str, ...] = ()
    archive: str | None = None
    recipient_lines: tuple[int, int] | None = None
    signature: Signature | None = None
    signature_lines: tuple[int, int] | None = None
    signature_written: str | None = None
    doubts: tuple[str, ...] = ()


LONE_POST_DOUBT: Final = (
    "the signature has no TM./KT. line and no recipients before it: read from a post alone on its line over a name"
)


def lone_post_start(lines: Sequence[TextLine], index: int) -> bool:
    """Whether ``lines[index]`` is a signer's post alone on its line ("HIỆU TRƯỞNG"), a name under it.

    The post must be one the reader knows, in capitals, after an empty line or a finished
    sentence; the signer's name (after a "(đã ký)" mark, if any) must follow within three lines.

    >>> texts = ["Các tổ thực hiện./.", "", "HIỆU TRƯỞNG", "", "Lò Thị Mai"]
    >>> lone_post_start([TextLine(t, n) for n, t in enumerate(texts, 1)], 2)
    True
    >>> lone_post_start([TextLine(t, n) for n, t in enumerate(["GIÁM ĐỐC", "Sở Nội vụ"], 1)], 0)
    False
    """
    text = lines[index].text.strip()
    if not text.isupper() or not _CAPACITY_LIKE.match(fold(text).upper()):
        return False
    before = lines[index - 1].text.strip() if index else ""
    if before and not before.endswith((".", ";", ":")):
        return False
    following = [line.text.strip() for line in lines[index + 1 : index + 5] if line.text.strip()][:2]
    following = [piece for piece in following if not _SIGNED_MARK.match(fold(piece))]
    return bool(following) and _NAME.match(following[0]) is not None and not following[0].isupper()


def is_tail_start(text: str) -> bool:
    """Whether a line opens a recipients list or a signature block."""
    stripped = text.strip().lstrip("| ")  # "| Nơi nhận:": a copy's row of two cells, recipients first
    return bool(_RECIPIENTS.match(stripped) or _CAPACITY.match(stripped))


def _undashed_recipient(piece: str, recipients: Sequence[str], *, in_recipients: bool) -> bool:
    """A recipient line without its dash: after "Nơi nhận:", closed by ";" or "." and opening a new entry.

    >>> _undashed_recipient("Sở Nội vụ;", [], in_recipients=True)
    True
    >>> _undashed_recipient("TM. ỦY BAN NHÂN DÂN", ["Sở Nội vụ;"], in_recipients=True)
    False
    """
    text = piece.strip()
    return (
        in_recipients
        and 0 < len(text) < 120
        and text.endswith((";", "."))
        and not _upperish(text)
        and (not recipients or recipients[-1].rstrip().endswith(";"))
    )


def read_tail(lines: Sequence[TextLine]) -> tuple[Tail, int]:  # noqa: C901, PLR0912, PLR0915
    """The recipients and signature in ``lines`` (which start at "Nơi nhận" or a capacity line).

    Returns the tail and how many lines it took.
    """
    lines = _rejoined_tail_row(lines)
    recipients: list[str] = []
    rec_numbers: list[int] = []
    authorities: list[Authority] = []
    position: str | None = None
    name: str | None = None
    sig_numbers: list[int] = []
    sig_written: list[str] = []
    in_recipients = False
    used = 0
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text or text == "|":  # a lone "|": a legal database's copy closing the recipients' cell
            used = index + 1
            continue
        text = text.removeprefix("|").strip()  # "| Nơi nhận:": the row's opening bar
        if fold(text).startswith("phu luc"):
            break  # the appendix starts: never a signer's post ("Q. CHỦ TỊCH" has none of its own)
        pieces = _tail_pieces(text)
        consumed = False
        for piece in pieces:
            rec = _RECIPIENTS.match(piece)
            if rec:
                in_recipients = True
                consumed = True
                if rec["rest"].strip():
                    pieces.extend(_tail_pieces(rec["rest"].strip()))
                continue
            capacity = _CAPACITY.match(piece)
            if capacity:
                cap = "TUQ" if capacity["cap"] == "TƯQ" else capacity["cap"]
                authorities.append(Authority(capacity=SigningCapacity(cap), of=capacity["of"].strip()))
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
            if piece.startswith(("-", "+", "•")) and in_recipients and not piece.lstrip("-+• ").strip():
                consumed = True  # a rule of dashes (a converter's table border), no recipient
                continue
            if piece.startswith(("-", "+", "•")) and in_recipients:
                recipients.append(piece.lstrip("-+• ").strip())
                rec_numbers.append(line.number)
                consumed = True
                continue
            if _undashed_recipient(piece, recipients, in_recipients=in_recipients and not authorities):
                # "Nơi nhận:" then "Sở Nội vụ;" … "Lưu: VT.": a copy that lost its dashes
                recipients.append(piece.strip())
                rec_numbers.append(line.number)
                consumed = True
                continue
            if authorities and position is None and _upperish(piece) and len(piece) < 80:
                position = piece
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
            if (authorities or position) and name is None and _SIGNED_MARK.match(fold(piece)):
                consumed = True  # "(Đã ký)": a copy's mark where the signature stood
                continue
            if (authorities or position) and name is None and _NAME.match(piece):
                name = piece
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
            if (
                in_recipients
                and recipients
                and not recipients[-1].rstrip().endswith((";", "."))
                and not _upperish(piece)
            ):
                recipients[-1] = f"{recipients[-1]} {piece}"
                rec_numbers.append(line.number)
                consumed = True
                continue
            if not authorities and position is None and _upperish(piece) and _CAPACITY_LIKE.match(fold(piece).upper()):
                position = piece
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
        if not consumed:
            break
        used = index + 1
        if name is not None and (position is not None) and (recipients or not in_recipients):
            # the block is complete once the signer's name is read and no recipient line follows
            following = next((x.text.strip() for x in lines[index + 1 : index + 3] if x.text.strip()), "")
            if not (following.startswith("-") and in_recipients) and not _RECIPIENTS.match(following):
                break
    archive = None
    cleaned: list[str] = []
    for recipient in recipients:
        written = recipient.strip()
        if fold(written).startswith("luu"):
            archive = written.rstrip(" .;")
        cleaned.append(written)
    signature = None
    doubts: list[str] = []
    if position is None and name is not None and authorities and authorities[-1].capacity is SigningCapacity.Q:
        # an acting head signs under "Q. CHỦ TỊCH" with no post line of their own
        position = f"Q. {authorities[-1].of}"
    if position is not None:
        signature = Signature(authorities=tuple(authorities), position=position, name=name)
        if authorities and authorities[0].capacity is SigningCapacity.KT and not single_head(authorities[0].of):
            doubts.append(
                "the signature starts with KT. without a TM. line above it: a collective body's plan is signed TM."
            )
    tail = Tail(
        recipients=tuple(cleaned),
        archive=archive,
        recipient_lines=(min(rec_numbers), max(rec_numbers)) if rec_numbers else None,
        signature=signature,
        signature_lines=(min(sig_numbers), max(sig_numbers)) if sig_numbers else None,
        signature_written=" / ".join(sig_written) if sig_written else None,
        doubts=tuple(doubts),
    )
    return tail, used


_SINGLE_HEADS: Final = (
    "giam doc",
    "tong giam doc",
    "hieu truong",
    "chanh van phong",
    "truong phong",
    "vien truong",
    "cuc truong",
    "tong cuc truong",
    "chi cuc truong",
    "chanh thanh tra",
    "bo truong",
    "truong tram",
    "truong khoa",
    "thu truong",
)
"""Posts of the one person who heads a body (a department, office, hospital, school, centre), folded."""


def single_head(post: str | None) -> bool:
    """True when ``post`` heads a body led by one person, whose deputy signs "KT." with no "TM." line above.

    A People's Committee, a council or a steering committee is a collective body: its chair's deputy
    signs "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH". A department, a hospital or a school is headed by its
    director or principal alone: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" is its normal signature.

    >>> single_head("GIÁM ĐỐC"), single_head("Hiệu trưởng"), single_head("CHỦ TỊCH"), single_head("TRƯỞNG BAN")
    (True, True, False, False)
    """
    return bool(post) and " ".join(fold(post or "").strip(" .").split()) in _SINGLE_HEADS


_CAPACITY_LIKE: Final = re.compile(
    r"^(?:CHU TICH|PHO CHU TICH|GIAM DOC|PHO GIAM DOC|TRUONG BAN|PHO TRUONG BAN|CHANH VAN PHONG|TRUONG PHONG"
    r"|PHO TRUONG PHONG|CHI CUC TRUONG|CHANH THANH TRA|HIEU TRUONG|PHO HIEU TRUONG|PHO CHANH VAN PHONG"
    r"|VIEN TRUONG|CUC TRUONG|TRUONG TRAM|THU TRUONG DON VI)$"
)
"""A post that signs alone, folded and in capitals (a scan may have lost its marks: "GIAM DOC")."""


def _post_and_name(part: str) -> list[str]:
    """A post in capitals and the signer's name on one line ("CHỦ TỊCH Y Kô Niê"), as two pieces."""
    words = part.split()
    for size in range(1, len(words) - 1):
        post, name = " ".join(words[:size]), " ".join(words[size:])
        if not post.isupper() or _NAME.match(name) is None:
            continue
        if _CAPACITY_LIKE.match(fold(post).upper()):
            return [post, name]
    return [part]


_RUN_CAPACITY: Final = vi_compile(r"(?:^|\s)(?:TM|KT|Q|TL|TUQ|TƯQ)\s*\.\s*(?=[A-ZĐÀ-Ỹ])")
_RUN_MARK: Final = vi_compile(r"\s*[(\[]\s*(?:đã ký|Đã ký|ĐÃ KÝ|ký|Ký)(?: và đóng dấu)?\s*[)\]]\s*")


def _split_post(segment: str) -> list[str]:
    """A capacity line run together with the signer's post ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH"), as two pieces."""
    words = segment.split()
    for size in range(len(words) - 1, 0, -1):
        post = " ".join(words[-size:])
        head = words[:-size]
        if len(head) >= 2 and _CAPACITY_LIKE.match(fold(post).upper()):  # "KT." and a word at least
            return [" ".join(head), post]
    return [segment]


def signature_run(part: str) -> list[str] | None:
    """A signature block flattened into one cell or line, cut into its lines; None for anything else.

    A copy that put the whole block in one table cell joins its lines with spaces: the
    capacity lines ("TM. …", "KT. …"), the signer's post, "(đã ký)" and the name. The cut
    is made only where the words leave no doubt: at each capacity mark, before a post the
    reader knows ("PHÓ CHỦ TỊCH", "HIỆU TRƯỞNG" …) and before a name in mixed case.

    >>> signature_run("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (đã ký) Đỗ Thị Hằng")
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(đã ký)', 'Đỗ Thị Hằng']
    >>> signature_run("TM. BAN CHỈ ĐẠO TRƯỞNG BAN")
    ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']
    >>> signature_run("TM. ỦY BAN NHÂN DÂN") is None
    True
    """
    text = part.strip()
    if not _RUN_CAPACITY.match(text):
        return None
    marks = [found.start() for found in _RUN_CAPACITY.finditer(text)]
    mark = _RUN_MARK.search(text)
    name = None
    words = text.split()
    for size in range(min(len(words) - 2, 6), 1, -1):  # the signer's name: the mixed-case words at the end
        tail = " ".join(words[-size:])
        if _NAME.match(tail) and not tail.isupper():
            name = tail
            text = text[: len(text) - len(tail)].rstrip()
            break
    signed = None
    if mark is not None and mark.end() >= len(text.rstrip()) - 1:
        signed = mark.group().strip()
        text = text[: mark.start()].rstrip()
    segments = [text[start:end].strip() for start, end in zip(marks, [*marks[1:], len(text)], strict=True)]
    segments = [segment for segment in segments if segment]
    if not segments or any(not segment.isupper() for segment in segments):
        return None
    pieces = [*segments[:-1], *_split_post(segments[-1])]
    if signed is not None:
        pieces.append(signed)
    if name is not None:
        pieces.append(name)
    return pieces if len(pieces) > 1 else None


_CUT_LINE: Final = 40
"""A line at least this long that a row goes on after was cut at the text's width (narrow wraps are 50-80)."""


def _rejoined_tail_row(lines: Sequence[TextLine]) -> Sequence[TextLine]:
    """The tail's first lines joined back when they are one "recipients | signature |" row a fixed-width wrap cut.

    A text wrapped at a fixed width cuts the flattened row of recipients beside the signature wherever the width
    falls: the row is the lines up to the first that closes it with "|" once two cells are closed, every line
    before that one long (cut at the width). A tail whose lines are rows of their own, or short, is left alone.
    """
    texts: list[str] = []
    for end, line in enumerate(lines[:12]):
        text = line.text.strip()
        if not text or (end == 0 and (text.startswith("|") or text.count("|") >= 2)):
            return lines
        texts.append(text)
        joined = " ".join(texts)
        if joined.endswith("|") and joined.count("|") >= 2 and re.search(r"\S\s*\|\s*\S", joined[:-1]):
            if end == 0:
                return lines
            return [attrs.evolve(lines[0], text=joined), *lines[end + 1 :]]
        if len(text) < _CUT_LINE:
            return lines
    return lines


def _tail_pieces(text: str) -> list[str]:
    """A tail line cut where recipients and signature stand side by side."""
    cells = split_cells(text)
    parts = cells if cells is not None else [text]
    pieces: list[str] = []
    if cells is None and (re.search(r"\s\|(?:\s|$)", text.strip()) or re.search(r"\S\s{3,}\S", text.strip())):
        # two columns side by side, cut by one "|" or a wide gap: recipients left, signature right; a row's
        # closing "|" after the last cell ("Lê Văn An |") is no part of it
        parts = [part for part in re.split(r"\s+\|\s*|\s{3,}", text.strip()) if part.strip()]
    for part in parts:
        part = part.strip()  # noqa: PLW2901
        if not part:
            continue
        run = signature_run(part)
        if run is not None:
            pieces.extend(run)
            continue
        if part.startswith(("-", "+", "•")) and re.search(r"[;.]\s+[-+•]\s", part):
            # the recipients of one cell run together: "- UBND tỉnh; - Sở Nội vụ; - Lưu: VT."
            pieces.extend(piece.strip() for piece in re.split(r"(?<=[;.])\s+(?=[-+•]\s)", part) if piece.strip())
            continue
        capacity = re.search(r"\s(?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐ]", part)
        if capacity and not part.startswith(("TM.", "KT.", "TL.", "TUQ.", "Q.")):
            pieces.extend([part[: capacity.start()].strip(), part[capacity.start() :].strip()])
            continue
        side = re.match(r"^(?P<rec>[-+•].*?[;.])\s+(?P<sig>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]{3,})$", part)
        if side:
            pieces.extend([side["rec"], side["sig"].strip()])
            continue
        archive = _ARCHIVE_AND_NAME.match(part)
        if archive and _NAME.match(archive["name"]):
            pieces.extend([archive["rec"], archive["name"]])
            continue
        pieces.extend(_post_and_name(part))
    return pieces
