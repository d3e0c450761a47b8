"""The text of a document made ready to read: clean lines, paragraphs and tables, each with its place.

Copies of plans carry the damage of their way out of Word or a PDF: Markdown and
HTML marks (``**``, ``##``, ``<b>``), page numbers and web addresses between
paragraphs, running headers, words broken at a line end, paragraphs cut into
lines of the page's width, and tables flattened into tab- or ``|``-separated
rows. :func:`clean_lines` undoes what can be undone line by line;
:func:`blocks` then joins lines into paragraphs and rows into tables.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from parplan.read.accents import vi_compile
from parplan.read.envelope import unwrap, wrapping_marks
from parplan.read.source import Cell, DocumentFormat, Line, SourceDocument, Table
from parplan.source import SourceLocation
from parplan.text import fold as _fold_text
from parplan.text.normalize import repair_text

__all__ = [
    "Block",
    "Grid",
    "GridCell",
    "Para",
    "TextLine",
    "blocks",
    "box_table_lines",
    "clean_lines",
    "definition_lines",
    "glyph_bullet",
    "grid_table_rows",
    "layout_break_rows",
    "scan_line",
    "split_cells",
    "tab_rows",
    "text_cell",
]


@functools.lru_cache(maxsize=4096)
def _location(  # noqa: PLR0913 - the parts of a place
    file: str | None,
    line: int | None,
    line_end: int | None,
    page: int | None,
    *,
    table: str | None = None,
    row: int | None = None,
    column: int | None = None,
) -> SourceLocation:
    """A place in the text (the same places are asked for again and again: each is built once)."""
    return SourceLocation(
        file=file,
        line=line,
        line_end=line_end,
        page=page,
        table=table,
        row=None if row is None else str(row),
        column=None if column is None else str(column),
    )


@attrs.frozen
class TextLine:
    """One cleaned line: its text, its number in the source and its page.

    ``wrapping`` marks a line set aside as what the plan came wrapped in (a forwarded e-mail's, a
    signature stamp's): no line of the document, so never one it failed to place.
    """

    text: str
    number: int
    page: int | None = None
    wrapping: bool = False


@attrs.frozen
class Para:
    """A paragraph: its lines joined by single spaces, and the lines it spans."""

    text: str
    first: int
    last: int
    page: int | None = None
    indent: int = 0
    """The spaces before its first line (an online word processor's text download nests lists by them)."""

    def origin(self, file: str | None = None) -> SourceLocation:
        """Where the paragraph stands."""
        return _location(file, self.first, self.last if self.last > self.first else None, self.page)


@attrs.frozen
class GridCell:
    """One cell of a table read from the document, with its place (built when asked: most are never cited)."""

    text: str
    row: int
    column: int
    columns: int
    rows: int
    line: int | None = None
    page: int | None = None
    table: str | None = None
    place: SourceLocation | None = None
    lines: tuple[str, ...] = ()
    """The cell's lines where the document breaks them (a Word cell's paragraphs, ``<br>`` in a Markdown
    cell): a cell of parties names one on each. Empty for a cell of one line; ``text`` joins them."""

    @property
    def origin(self) -> SourceLocation:
        """Where the cell is."""
        if self.place is not None:
            return self.place
        return _location(None, self.line, None, self.page, table=self.table, row=self.row, column=self.column)


@attrs.frozen
class Grid:
    """A table: its rows of cells (row numbers from 1), where it stands, and its name for sources."""

    rows: tuple[tuple[GridCell, ...], ...]
    first: int | None
    name: str
    page: int | None = None
    rebuilt: bool = False
    """Rows rebuilt by a guess (an empty cell told only by an empty line): its cells are read less surely."""


Block = Para | Grid

_MARKUP: Final = re.compile(r"\*\*|__|</?(?:b|i|u|strong|em|span)>", re.IGNORECASE)
_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_ITALIC: Final = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_HASHES: Final = re.compile(r"^\s*#{1,6}\s+")
_ITALIC: Final = re.compile(r"^\*(?=\S)(.*\S)\*$")
_PAGE_NUMBER: Final = re.compile(
    r"^\s*(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$", re.IGNORECASE
)
fold = functools.lru_cache(maxsize=8192)(_fold_text)
_URL: Final = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_RULE: Final = re.compile(r"^\s*[-_=–—*.]{3,}\s*$")
_PAGE_CONTROLS: Final = re.compile(
    r"^(?:co chu\b|chia se\b|ban in\b|in (?:bai( viet)?|trang)\b|luot xem\b|ve dau trang\b|gui email\b"
    r"|ban quyen\b|copyright\b|©|tai ve\s*:|(?:tep|file|tai lieu)(?: tin)? dinh kem\s*:)"
)
""""Cỡ chữ: A+ A A-   In bài viết", "In trang | Gửi email", "Lượt xem: 412", "Bản quyền © …", "Tải về: …": a
portal page's controls, its copyright line and the link to its file."""
_LINK_MARK: Final = re.compile(r"\[[0-9]{1,4}\](?=\S)")
"""A text browser's number before a link's words ("[12]Kế hoạch số 09/KH-UBND", "[3]Trang chủ")."""
_LINK_LIST: Final = re.compile(r"^\s*(?:References|Visible links|Liên kết)\s*:?\s*$")
_LINK_ITEM: Final = re.compile(r"^\s*[0-9]{1,4}\.\s+(?:[a-z][a-z0-9+.-]*:|www\.)\S*\s*$", re.IGNORECASE)
_LINK_MARKS_MIN: Final = 3
"""How many lines a text browser's link numbers open, its list of addresses missing, to be taken for its marks."""


def _browser_links(raw: Sequence[Line]) -> tuple[bool, int]:
    """Whether the text is a text browser's dump that numbers its links, and where its list of addresses starts.

    A browser (lynx, w3m) writes "[12]" before each link's words and lists the addresses at the end,
    under "References", one numbered line each; the list is no part of the document (its index is
    ``len(raw)`` when there is none). Without the list, three lines opening with such a number say so.
    """
    for index in range(len(raw) - 1, -1, -1):
        if _LINK_LIST.match(raw[index].text):
            after = [line.text for line in raw[index + 1 :] if line.text.strip()]
            if after and all(_LINK_ITEM.match(text) for text in after):
                return True, index
            break
    opening = sum(1 for line in raw if _LINK_MARK.match(line.text.strip()))
    return opening >= _LINK_MARKS_MIN, len(raw)


_SOCIAL_CHROME: Final = re.compile(
    r"^(?:#\w+\s*)+$|\b[0-9]+\s+(?:binh luan|luot chia se|luot thich)\b"
    r"|^(?:thich|binh luan|chia se|phan hoi)(?:\s+(?:thich|binh luan|chia se|phan hoi))+$"
)
"""A social network's hashtags, reaction counts ("💬 4 bình luận") and buttons ("Thích Bình luận Chia sẻ"), folded."""
_LINKS_ONLY: Final = re.compile(r"^\s*(?:\[[^\[\]]{1,60}\]\s*(?:[>»|]\s*)?)+$")
"""A line of a text browser's link marks only ("[Trang chủ] > [Kế hoạch]", "[In trang]   [Chia sẻ]"): the page's."""
_CHROME_LENGTH: Final = 100
_MORE_NEWS: Final = re.compile(
    r"^(?:tin lien quan|tin moi hon|tin cu hon|tin khac|cac tin khac|bai viet lien quan|cac bai viet khac"
    r"|tin cung chuyen muc|cac tin da dua|van ban lien quan khac|cac van ban khac)\s*:?\s*$"
)
""""Tin liên quan:" after a copied document: the portal's list of other news, to the end of the page."""
_BYLINE: Final = re.compile(r"^(?:tac gia|nguoi viet|bien tap)\s*:")
""""Tác giả: Văn phòng UBND xã" after a plan carried on a portal: the page's byline, folded."""
_SPACES: Final = re.compile(r"[ \t]+")


def _clean_text(text: str) -> str:
    if "<" not in text and "*" not in text and "_" not in text and "#" not in text and "\\" not in text:
        return text.rstrip(" ")  # no mark any of the patterns below needs: nothing to remove
    row = _is_row(text)
    if row and "|" in text:
        text = "|".join(map(_marked_bodies, text.split("|")))
    text = _BREAK.sub("\n" if row else " ", text)  # a row's cell keeps its lines (GridCell.lines)
    text = _MARKUP.sub("", text)
    text = _HASHES.sub("", text)
    text = _ESCAPED.sub(r"\1", text)  # Markdown's escapes: "\- Sở Nội vụ;" is "- Sở Nội vụ;"
    text = _HARD_BREAK.sub("", text)  # Markdown's hard line break: "BỘ GIÁO DỤC VÀ ĐÀO TẠO\"
    stripped = text.strip()
    italic = _ITALIC.match(stripped)
    if italic:
        return italic.group(1)
    if "*" in text:
        # "*Nơi nhận:*     KT. HIỆU TRƯỞNG": a cell in italics beside another; a mark "(*)" is no italics
        text = _INLINE_ITALIC.sub(r"\1", text.replace("(*)", "\0")).replace("\0", "(*)")
    return text.rstrip(" ")


# -- scans: the marks and words OCR damages, read as printed --------------------------------------

_SCAN_ROMAN: Final = re.compile(
    r"^(?P<pre>\s*)(?P<mark>[IVXl1|!T]{1,4})(?P<stop>\s*[.:),/]\s+)(?P<rest>\S.*)$", re.DOTALL
)
_SCAN_ROMAN_MARK: Final = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")
_SCAN_LETTER: Final = vi_compile(r"^(?P<pre>\s*)(?P<letter>[a-zđ])\s*[}\]](?=\s)")
_SCAN_NUMBER_COMMA: Final = vi_compile(r"^(?P<pre>\s*)(?P<n>[0-9]{1,2}),(?=\s+[A-ZĐÀ-Ỹ])")
_SCAN_DASH: Final = re.compile(r"^(?P<pre>\s*)[—~_=»](?=\s+\S)")
_SCAN_PART: Final = re.compile(
    r"^(?P<pre>\s*)(?P<word>Phan|PHAN)\s+(?P<number>[IVXl|]{1,5}|[0-9]{1,2})(?P<rest>\s*[.:]?\s*)$"
)
"""A line "Phần III" as a scan without marks leaves it ("Phan III"): "Phan" alone with a number is no name."""
_SCAN_URL: Final = re.compile(
    r"^\s*(?:https?://|www\.)[A-Za-z0-9/._\-?=&%#:~+]+(?:\s(?=\S*[/.\-])[A-Za-z0-9/._\-?=&%#:~+]+)+\s*$",
    re.IGNORECASE,
)
"""A scanned line that is a web address OCR parted by a space: every piece in the letters of addresses, every
piece after the first holding a "/", "." or "-" (words after an address, "để tra cứu", are no address)."""
_TO_ROMAN: Final = str.maketrans({"l": "I", "1": "I", "|": "I", "!": "I", "T": "I"})
_SCAN_COMRADE: Final = vi_compile(
    r"(?<![\w/])(?P<and>va\s+)?[DĐ]/c(?P<name>(?:\s+[A-ZĐ][^\W\d_]*){2,5})(?:\s+[—–]\s+(?=\S))?"
)
"""A comrade named ("Đ/c Nguyễn Thị Hoa – công chức …") as a scan without marks leaves it: "D/c", "va D/c"
for "và Đ/c", the dash after the name read as a long one."""


def _upperish(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def scan_line(text: str) -> str:
    """A line of a scan with what OCR does to plans' marks and words undone where the page leaves no doubt.

    * a heading's Roman numeral whose strokes were read as ``l``, ``1``, ``|`` or ``T``
      ("Ill. NHIỆM VỤ", "1V. KINH PHÍ") is the numeral, when the heading is in capitals, and
      its stop read as a comma ("II, NỘI DUNG") is a stop;
      a lone ``l`` or ``|`` numbering a line in lower case ("l. Mục đích") is ``1``;
    * a letter item closed by a brace or bracket ("a} Rà soát") is closed by ``)``; an
      item number followed by a comma and a capital ("2, Cải cách") by a stop;
    * a long dash, tilde, underscore or guillemet opening an item is a dash;
    * "D/c Nguyen Van A — công chức …" is "Đ/c Nguyen Van A – công chức …", and "va D/c" is "và Đ/c";
    * keywords of plan phrases misread ("truéc", "s6", "nărn") are read as written
      (:func:`parplan.text.normalize.repair_text`, the phrase parsers' own repair).
    """
    return repair_text(_scan_marks(text))[0]


def _scan_marks(text: str) -> str:
    """:func:`scan_line` without the repair of words: the numbering marks of a scanned line."""
    if _SCAN_URL.match(text):
        return "".join(text.split())  # a web address OCR put a space in ("…/T CVN/linh-vuc-…"): one address
    found = _SCAN_ROMAN.match(text)
    if found:
        mark = found["mark"]
        if _upperish(found["rest"]):
            roman = mark.translate(_TO_ROMAN)
            stop = ". " if found["stop"].strip() == "," else found["stop"]  # "II, NỘI DUNG": the stop read as a comma
            if (roman != mark or stop != found["stop"]) and _SCAN_ROMAN_MARK.fullmatch(roman) and not mark.isdigit():
                text = f"{found['pre']}{roman}{stop}{found['rest']}"
        elif mark in {"l", "|", "!"} and found["stop"].strip() in {".", ")"}:
            text = f"{found['pre']}1{found['stop']}{found['rest']}"
    part = _SCAN_PART.match(text)
    if part:  # "Phan III", "PHAN 2" alone on a line: the heading "Phần" with its marks lost
        word = "PHẦN" if part["word"].isupper() else "Phần"
        number = part["number"] if part["number"].isdigit() else part["number"].translate(_TO_ROMAN)
        text = f"{part['pre']}{word} {number}{part['rest']}"
    if "/c " in text:
        text = _SCAN_COMRADE.sub(_comrade, text)
    text = _SCAN_LETTER.sub(lambda m: f"{m['pre']}{m['letter']})", text, count=1)
    text = _SCAN_NUMBER_COMMA.sub(lambda m: f"{m['pre']}{m['n']}.", text, count=1)
    return _SCAN_DASH.sub(lambda m: f"{m['pre']}-", text, count=1)


def _comrade(found: re.Match[str]) -> str:
    """:data:`_SCAN_COMRADE` as written: "và Đ/c", the name, an en dash before the post."""
    dash = " – " if found.end() > found.end("name") else ""
    return f"{'và ' if found['and'] else ''}Đ/c{found['name']}{dash}"


def _scan_lines(texts: Sequence[str]) -> list[str]:
    """Lines of a scan through :func:`scan_line`, the words repaired with the lines around them.

    A role or time phrase broken over two lines ("… UBND huyện chu" / "tri; …") is read as one
    phrase, as :func:`scan_line` reads it on one line.
    """
    marked = [_scan_marks(text) for text in texts]
    repaired = repair_text("\n".join(marked))[0].split("\n")
    if len(repaired) != len(marked):  # pragma: no cover - the repairs never add or drop a line break
        return [repair_text(text)[0] for text in marked]
    return repaired


_BOLD_LEAD_NOTE: Final = re.compile(r"\bin dam\b[^.;]{0,40}\bchu tri\b|\bchu tri\b[^.;]{0,40}\bin dam\b")
"""A note saying the bold bodies lead ("Đơn vị in đậm là đơn vị chủ trì", "đơn vị chủ trì được in đậm"), folded."""
_DOERS_FIELD: Final = re.compile(
    r"^(?P<head>\s*(?:[-+*•]\s+)?)(?:\*\*)?(?P<label>(?:Đơn vị|Cơ quan|Bộ phận)?\s*[Tt]hực hiện)\s*:?(?:\*\*)?\s*:\s*"
    r"(?P<value>.*\S)\s*$"
)
_BOLD: Final = re.compile(r"\*\*(?P<a>[^*]+?)\*\*|__(?P<b>[^_]+?)__|<(?:b|strong)>(?P<c>[^<]+?)</(?:b|strong)>")


def bold_leads(text: str) -> str:
    """A line of the bodies that carry out a task, where the bold ones lead, as a lead and partners field.

    For a plan whose note says its bold bodies lead: "- Đơn vị thực hiện: **Phòng Nội vụ**, Phòng Y tế"
    is "- Chủ trì: Phòng Nội vụ; Phối hợp: Phòng Y tế". A line with no bold body, or every body bold and
    nothing else, gives only its lead.

    >>> bold_leads("- Đơn vị thực hiện: **Phòng Nội vụ**, Phòng Y tế, Phòng Giáo dục và Đào tạo")
    '- Chủ trì: Phòng Nội vụ; Phối hợp: Phòng Y tế, Phòng Giáo dục và Đào tạo'
    >>> bold_leads("Thực hiện: **UBND các xã, thị trấn**, **Công an huyện**")
    'Chủ trì: UBND các xã, thị trấn; Công an huyện'
    >>> bold_leads("- Thời gian: **Quý I/2024**")
    '- Thời gian: **Quý I/2024**'
    """
    found = _DOERS_FIELD.match(text)
    if found is None:
        return text
    value = found["value"]
    leads = [next(group for group in bold.groups() if group).strip() for bold in _BOLD.finditer(value)]
    if not leads:
        return text
    rest = _BOLD.sub(",", value)
    partners = [piece.strip() for piece in re.split(r"\s*[,;]\s*(?:,\s*)*", rest.strip(" ,;")) if piece.strip()]
    partners_text = ", ".join(partners)
    line = f"{found['head']}Chủ trì: {'; '.join(leads)}"
    return f"{line}; Phối hợp: {partners_text}" if partners else line


def clean_lines(document: SourceDocument) -> tuple[list[TextLine], list[TextLine], list[str]]:
    """The document's lines without markup, page numbers, rules and running headers.

    Returns the kept lines, the lines set aside as not part of the text (web
    addresses left by a web page), and notes on what was removed. Tables of the
    document are left out (see :func:`blocks`). The lines of a scan are read
    through :func:`scan_line` first.
    """
    raw = [line for line in document.blocks if isinstance(line, Line)]
    raw, wrapping = unwrap(raw)
    raw = _broken_lines(layout_break_rows(grid_table_rows(box_table_lines(definition_lines(raw)))))
    if document.format is DocumentFormat.SCAN:
        texts = _scan_lines([line.text for line in raw])
        raw = [attrs.evolve(line, text=text) for line, text in zip(raw, texts, strict=True)]
    kept: list[TextLine] = []
    aside = [
        TextLine(line.text.strip(), line.number, line.page, wrapping=True) for line in wrapping if line.text.strip()
    ]
    removed_pages = 0
    more_news = False
    browser, links_at = _browser_links(raw)
    if browser:  # "[12]Kế hoạch số …": the browser's link numbers, and its list of addresses at the end, set aside
        aside.extend(
            TextLine(line.text.strip(), line.number, line.page) for line in raw[links_at:] if line.text.strip()
        )
        raw = [attrs.evolve(line, text=_LINK_MARK.sub("", line.text)) for line in raw[:links_at]]
    bold_lead = any(_BOLD_LEAD_NOTE.search(fold(line.text)) for line in raw if "đậm" in line.text.lower())
    for index, line in enumerate(raw):
        text = _clean_text(bold_leads(line.text) if bold_lead else line.text)
        if not text.strip():
            kept.append(TextLine("", line.number, line.page))
            continue
        if _RULE.match(text):
            continue
        short = len(text) < _CHROME_LENGTH  # the page's controls and headings are short lines
        folded = fold(text.strip()) if short else ""
        if more_news or (short and index > len(raw) // 2 and _MORE_NEWS.match(folded)):
            more_news = True  # the page's other news, not the document's
            aside.append(TextLine(text.strip(), line.number, line.page))
            continue
        if short and index > len(raw) // 2 and _BYLINE.match(folded):
            aside.append(TextLine(text.strip(), line.number, line.page))  # the page's byline after the plan
            continue
        if (
            _URL.match(text)
            or (short and (_PAGE_CONTROLS.match(folded) or _SOCIAL_CHROME.search(folded) or _LINKS_ONLY.match(text)))
            or (short and _gazette_heading(raw, index))
        ):
            aside.append(TextLine(text.strip(), line.number, line.page))
            continue
        if _PAGE_NUMBER.match(text) and "\t" not in line.text and _isolated(raw, index):
            removed_pages += 1
            continue
        kept.append(TextLine(text, line.number, line.page))
    kept, headers = _drop_running_headers(kept, document.pages)
    kept, numbered = _drop_numbered_heads(kept)
    headers += numbered
    return kept, aside, _cleaning_notes(removed_pages, headers, wrapping)


_GAZETTE_PART: Final = re.compile(r"^phan (?:van ban khac|van ban quy pham phap luat)$")
_GAZETTE_ISSUERS: Final = re.compile(
    r"^(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd) (?:tinh|thanh pho|huyen|quan|thi xa)$"
)


def _gazette_heading(raw: Sequence[Line], index: int) -> bool:
    """Whether a line is an official gazette's heading above a document: its part, and the issuers' kind under it.

    A provincial gazette prints "PHẦN VĂN BẢN KHÁC" and under it "ỦY BAN NHÂN DÂN TỈNH" before the documents of
    that kind; neither is the plan's masthead.
    """
    folded = fold(raw[index].text.strip())
    if _GAZETTE_PART.match(folded):
        return True
    return (
        index > 0
        and _GAZETTE_ISSUERS.match(folded) is not None
        and _GAZETTE_PART.match(fold(raw[index - 1].text.strip())) is not None
    )


def _cleaning_notes(pages: int, headers: int, wrapping: Sequence[Line]) -> list[str]:
    notes: list[str] = []
    if pages:
        notes.append(f"{pages} page numbers removed")
    if headers:
        notes.append(f"{headers} running header lines removed")
    if wrapping:
        notes.append(
            f"{len(wrapping)} lines the plan came wrapped in set aside (a forwarded e-mail, a signature stamp, a"
            " cover letter or a copy's block)"
        )
    draft, copy = wrapping_marks(wrapping)
    if draft:
        notes.append("the plan is a draft (DỰ THẢO) after the letter submitting it: its number and date may be blank")
    if copy:
        notes.append("a certified copy's block (SAO Y) after the plan was set aside: the plan's own signature is read")
    return notes


_GRID_BORDER: Final = re.compile(r"^\s*\+(?:[-=:]{2,}\+)+\s*$")
"""A border of a grid table ("+------+-------+", "+======+", reStructuredText and Pandoc's grid tables)."""


def _grid_cells(text: str, plus: Sequence[int]) -> dict[int, str]:
    """The cells of one "|" line of a grid table by where they start, cut where its border has a "+".

    A cell merged over several columns (a heading over its sub-columns, a group row across the table)
    has no bar where the border has its inner "+": the line is cut at the bars it has. A line whose
    bars stand elsewhere (letters of another width) is cut at each "|" when it has as many cells.
    """
    if len(text) >= plus[-1] and all(text[i] == "|" for i in plus[:-1]) and text[plus[-1] :].strip() in {"", "|"}:
        return {start: text[start + 1 : end].strip() for start, end in itertools.pairwise(plus)}
    bars = [i for i in plus if i < len(text) and text[i] == "|"]
    if len(bars) > 1 and bars[0] == plus[0] and bars[-1] == plus[-1] and not text[plus[-1] + 1 :].strip():
        return {start: text[start + 1 : end].strip() for start, end in itertools.pairwise(bars)}
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    return dict(zip(plus[:-1], cells, strict=True)) if len(cells) == len(plus) - 1 else {}


_PARTIAL_BORDER: Final = re.compile(r"^(?P<cells>\s*\|[^+]*)\+(?:[-=:]{2,}\+)+$")
"""A border under some columns only, after the bars of the cells merged down on its left."""
_ROW_NUMBER: Final = re.compile(r"(?:[0-9]{1,3}(?:\.[0-9]{1,2})*|[IVX]{1,5}|[A-H])\.?")
"""A row's number in a table's first column: "1", "2.3", "II", "B"."""
_LAYOUT_CELL: Final = re.compile(r"noi nhan|cong hoa xa hoi|doc lap|^\W*(?:tm|kt|tl|tuq|q)\s*\.|^\W*so\s*:")
"""Words of a masthead or a signature block: a grid table of two columns holding them is a layout table."""
_HARD_BREAK: Final = re.compile(r"(?<=\S)\\[ \t]*$")
_ESCAPED: Final = re.compile(r"\\([-.*_()\[\]#+|\\])")


_EMPHASIS: Final = re.compile(
    r"(?P<open>\*\*|__|<(?:b|strong|u)>)(?P<name>[^*_<>|]{2,120}?)(?:\*\*|__|</(?:b|strong|u)>)", re.IGNORECASE
)
_PART_EDGE: Final = re.compile(r"^\s*(?:[;,]|<br\s*/?>|$)", re.IGNORECASE)
_PART_START: Final = re.compile(r"(?:^|[;,]|<br\s*/?>)\s*$", re.IGNORECASE)


def _marked_bodies(cell: str) -> str:
    """A table cell's bodies in bold or underlined among others, each marked "(*)" as a lead's mark.

    "**Phòng Nội vụ**; Phòng Tư pháp" → "Phòng Nội vụ (*); Phòng Tư pháp": a converter's Markdown keeps
    the bold or underlined lead among the partners of one "Đơn vị thực hiện" cell. Only a part of its
    own (between ";", "," or line breaks) written with a capital is marked, and only when the cell holds
    other text beside it: a cell wholly in bold (a group row, a heading) is left as it is.
    """
    spans = [
        found
        for found in _EMPHASIS.finditer(cell)
        if found["name"].strip()[:1].isupper()
        and _PART_START.search(cell[: found.start()])
        and _PART_EDGE.match(cell[found.end() :])
    ]
    if not spans:
        return cell
    rest = cell
    for found in reversed(spans):
        rest = rest[: found.start()] + rest[found.end() :]
    if not re.search(r"[^\W\d_]", _MARKUP.sub("", _BREAK.sub(" ", rest))):
        return cell
    for found in reversed(spans):
        cell = f"{cell[: found.start()]}{found['name'].strip()} (*){cell[found.end() :]}"
    return cell


def _grid_cell_text(text: str) -> str:
    r"""A grid table's cell without its Markdown: "***Nơi nhận:***" → "Nơi nhận:", "\- Sở Nội vụ;" → "- Sở Nội vụ;"."""
    text = _MARKUP.sub("", text).strip()
    if text.startswith("*") and text.endswith("*") and len(text) > 2:  # a mark on each side
        text = text.strip("*").strip()
    return _ESCAPED.sub(r"\1", text)


_BOX_HORIZONTAL: Final = "─━┄┅┈┉╌╍"
_BOX_DOUBLE: Final = "═"
_BOX_VERTICAL: Final = "│┃┆┇┊┋╎╏║"
_BOX_BOTTOM: Final = "└┕┖┗╘╙╚╰"
_BOX: Final = str.maketrans(
    {
        **dict.fromkeys(_BOX_HORIZONTAL, "-"),
        **dict.fromkeys(_BOX_DOUBLE, "="),
        **dict.fromkeys(_BOX_VERTICAL, "|"),
        **{
            chr(code): "+"
            for code in range(0x2500, 0x2580)
            if chr(code) not in _BOX_HORIZONTAL + _BOX_DOUBLE + _BOX_VERTICAL
        },
    }
)
"""Box-drawing characters as a grid table's ASCII: rules as "-" (double ones "="), bars as "|", junctions "+"."""


def _box_char(char: str) -> bool:
    return "\u2500" <= char <= "\u257f"


def box_table_lines(raw: Sequence[Line]) -> list[Line]:
    """The document's lines with a table drawn with box-drawing characters written as a "+---+" grid table.

    A text browser (w3m, lynx) dumps a web page's table, and some converters draw a table, with
    "┌─┬─┐", "│", "├─┼─┤" and "└─┴─┘" (or their double and heavy forms): each character stands where
    a grid table's ASCII would, so a line that opens with one is written in that ASCII, character
    for character, and read by :func:`grid_table_rows`. Other lines are left as they are.

    >>> texts = ["┌──┬─────┐", "│TT│Việc │", "├──┼─────┤", "│1 │Rà   │", "│  │soát │", "└──┴─────┘", "│ x"]
    >>> [line.text for line in box_table_lines([Line(text=t, number=n) for n, t in enumerate(texts, 1)])]
    ['+--+-----+', '|TT|Việc |', '+--+-----+', '|1 |Rà   |', '|  |soát |', '+--+-----+', '│ x']
    """
    if not any(_box_char(char) for line in raw for char in line.text.lstrip()[:1]):
        return list(raw)
    result: list[Line] = []
    inside = False
    for line in raw:
        stripped = line.text.strip()
        border = bool(stripped) and all(_box_char(char) for char in stripped)
        drawn = inside or border
        if border and stripped[0] not in _BOX_VERTICAL:
            inside = stripped[0] not in _BOX_BOTTOM  # a bottom border closes the table
        elif not (inside and stripped[:1] in _BOX_VERTICAL):
            drawn = inside = False
        result.append(attrs.evolve(line, text=line.text.translate(_BOX)) if drawn else line)
    return result


def _border(text: str, *, inside: bool) -> list[int] | None:
    """Where a grid's border line cuts its columns (its "+"), or None for a line that is no border.

    Inside a table, a rule under some columns only ("|  |  +----+----+") is one too: the cells on its
    left go on (merged down), those under it start again, cut where its "+" stand.
    """
    if _GRID_BORDER.match(text):
        return [i for i, char in enumerate(text) if char == "+"]
    partial = _PARTIAL_BORDER.match(text) if inside else None
    if partial is not None and not partial["cells"].strip(" |"):
        return [i for i, char in enumerate(text) if char in "|+"]
    return None


def grid_table_rows(raw: Sequence[Line]) -> list[Line]:  # noqa: C901 - rows, parts and borders
    """The document's lines with each grid table drawn with "+---+" borders written as "|" rows.

    A grid table wraps each cell over as many lines as it needs between two borders; a
    row of the table becomes one line ``| cell | cell |`` at the number of its first line,
    each cell's pieces joined by spaces. A cell may hold several paragraphs parted by a
    line empty in every column (a masthead, a signature block beside the recipients):
    each such part becomes a row of its own, as a copy that keeps a line per paragraph
    gives it. A table of two columns holding a masthead or a signature block (a layout table)
    is written ``left | right |``, as legal databases copy them. A cell merged over columns keeps its
    first column, the ones it covers left empty, so that every row has the table's columns; a cell
    merged down over rows is given in its first row. Rows drawn without a border between them open
    where the number column holds a number. Borders are dropped; lines that do not fit the border
    above them end the table.

    >>> texts = ["+----+-----------+---------+", "| TT | Nhiệm vụ  | Chủ trì |",
    ...          "+====+===========+=========+", "| 1  | Rà soát   | Phòng   |",
    ...          "|    | thủ tục   | Tư pháp |", "+----+-----------+---------+", "Hết."]
    >>> [line.text for line in grid_table_rows([Line(text=t, number=n) for n, t in enumerate(texts, 1)])]
    ['| TT | Nhiệm vụ | Chủ trì |', '| 1 | Rà soát thủ tục | Phòng Tư pháp |', 'Hết.']
    """
    if not any(_GRID_BORDER.match(line.text) for line in raw):
        return list(raw)
    result: list[Line] = []
    plus: list[int] | None = None
    row: list[tuple[Line, dict[int, str]]] = []
    table: list[tuple[Line, dict[int, str], bool]] = []  # the rows of the table being read, and whether laid out

    def flush() -> None:
        layout = (
            bool(row)
            and len(row[0][1]) == 2  # two columns
            and any(_LAYOUT_CELL.search(fold(cell)) for _, cells in row for cell in cells.values())
        )
        parts: list[list[tuple[Line, dict[int, str]]]] = [[]]
        first = [cells.get(min(cells), "") for _, cells in row]
        numbered = [index for index, cell in enumerate(first) if cell]
        if not layout and len(numbered) > 1 and all(_ROW_NUMBER.fullmatch(first[i]) for i in numbered):
            # rows drawn without a rule between them: a row opens where the number column holds its number
            starts = [0, *numbered[1:], len(row)]
            parts = [row[start:end] for start, end in itertools.pairwise(starts)]
        else:
            for line, cells in row:
                if not any(cells.values()):
                    parts.append([])
                else:
                    parts[-1].append((line, cells))
        for part in parts:
            if not part:
                continue
            columns = sorted({start for _, cells in part for start in cells})
            joined = {
                start: _grid_cell_text(" ".join(cells[start] for _, cells in part if cells.get(start)))
                for start in columns
            }
            table.append((part[0][0], joined, layout))
        row.clear()

    def finish() -> None:
        """The table's rows as lines, each cell in its column: a merged cell's columns after it left empty."""
        columns = sorted({start for _, cells, _ in table for start in cells})
        for line, cells, layout in table:
            joined = [cells.get(start, "") for start in columns] if not layout else list(cells.values())
            # a layout table of two columns (masthead, recipients beside the signature) as a legal
            # database's copy gives it, "left | right |"; any other table as "| a | b | c |"
            opening = "" if layout and joined[0] else "| "
            result.append(attrs.evolve(line, text=opening + " | ".join(joined) + " |"))
        table.clear()

    for line in raw:
        text = line.text.rstrip()
        border = _border(text, inside=plus is not None)
        if border is not None:
            flush()
            plus = border
            continue
        if plus is not None and text.lstrip().startswith("|"):
            cells = _grid_cells(text, plus)
            if cells:
                row.append((line, cells))
                continue
        flush()
        finish()
        plus = None
        result.append(line)
    flush()
    finish()
    return result


_DEFINITION: Final = re.compile(r"^ {0,3}:[ \t]+(?=\S)")
_INDENTED: Final = re.compile(r"^(?: {2,}|\t)(?=\S)")


def definition_lines(raw: Sequence[Line]) -> list[Line]:
    r"""Markdown's definition lists with each definition on one line, its mark gone.

    A converter writes a list of terms and definitions (Pandoc's ``definition_lists``) as the term on a
    line of its own, then the definition after ":" and spaces, its wrapped lines indented under it. The
    definition is one paragraph: its lines joined into one, numbered by its first line, so that it reads
    as the line after the term (a task's field line: ":   Chủ trì: …; thời hạn: …").

    >>> lines = [Line(text=t, number=n) for n, t in enumerate(
    ...     ["Rà soát thủ tục", "", ":   Chủ trì: Phòng Đào tạo; phối hợp: Phòng", "    Công tác sinh viên."], start=1)]
    >>> [line.text for line in definition_lines(lines)]
    ['Rà soát thủ tục', '', 'Chủ trì: Phòng Đào tạo; phối hợp: Phòng Công tác sinh viên.']
    """
    if not any(_DEFINITION.match(line.text) for line in raw):
        return list(raw)
    result: list[Line] = []
    index = 0
    while index < len(raw):
        line = raw[index]
        found = _DEFINITION.match(line.text)
        if found is None:
            result.append(line)
            index += 1
            continue
        parts = [line.text[found.end() :].strip()]
        index += 1
        while index < len(raw) and _INDENTED.match(raw[index].text) and not _DEFINITION.match(raw[index].text):
            parts.append(raw[index].text.strip())
            index += 1
        result.append(attrs.evolve(line, text=" ".join(parts)))
    return result


def _broken_lines(raw: Sequence[Line]) -> list[Line]:
    """Lines outside tables holding ``<br>`` (a Markdown item with a line break) as one line per part, same number."""
    if not any("<" in line.text for line in raw):
        return list(raw)
    result: list[Line] = []
    for line in raw:
        if "<" in line.text and not _is_row(line.text) and _BREAK.search(line.text):
            result.extend(attrs.evolve(line, text=part) for part in _BREAK.split(line.text) if part.strip())
        else:
            result.append(line)
    return result


def layout_break_rows(raw: Sequence[Line]) -> list[Line]:
    """The document's lines with each two-column layout row whose cells break lines with ``<br>`` as one row a line.

    A Markdown table cannot hold a line break, so converters (and parplan's own Markdown)
    write the masthead, or the recipients beside the signature, as one row of two cells whose
    lines are parted by ``<br>``. Joined, the lines of a cell run into one another ("UBND HUYỆN
    A ỦY BAN NHÂN DÂN XÃ B"); as rows, they are the ``left | right |`` lines a legal database's
    copy gives, one line of each column side by side. Rows of other tables are left as they
    are (a cell of a task table keeps its lines together).

    >>> row = "| UBND HUYỆN A<br>**UBND XÃ B**<br>Số: 06/KH-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>*B, 8/1* |"
    >>> for line in layout_break_rows([Line(text=row, number=3)]):
    ...     print(line.text)
    UBND HUYỆN A | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
    UBND XÃ B | B, 8/1 |
    Số: 06/KH-UBND |  |
    """
    result: list[Line] = []
    for line in raw:
        text = line.text.strip()
        cells = text.strip("|").split("|") if text.startswith("|") and "<" in text else []
        if len(cells) != 2 or not _BREAK.search(text) or not _LAYOUT_CELL.search(fold(_MARKUP.sub("", text))):
            result.append(line)
            continue
        columns = [[_grid_cell_text(piece) for piece in _BREAK.split(cell)] for cell in cells]
        for left, right in itertools.zip_longest(*columns, fillvalue=""):
            if left or right:
                opening = "" if left else "| "
                result.append(attrs.evolve(line, text=f"{opening}{left} | {right} |"))
    return result


def _isolated(raw: Sequence[Line], index: int) -> bool:
    """A number alone is a page number when text runs on around it, not a table cell among cells."""
    if _in_sequence(raw, index):
        return False
    before = next((line.text for line in reversed(raw[max(0, index - 3) : index]) if line.text.strip()), "")
    after = next((line.text for line in raw[index + 1 : index + 4] if line.text.strip()), "")
    if not before or not after:
        return bool(before or after) and index > len(raw) // 2
    return not (_PAGE_NUMBER.match(before) or _PAGE_NUMBER.match(after))


_LONE_NUMBER: Final = re.compile(r"^\s*(\d{1,3})\.?\s*$")
_ROW_SPAN: Final = 25


def _in_sequence(raw: Sequence[Line], index: int) -> bool:
    """A lone number with the number before or after it close by: the row numbers of a table printed cell by cell.

    A page holds far more lines than a table row, so page numbers are never this close. A page's number
    between two rows' ("4", then "3" over the header printed again, then "5") does not part them.
    """
    found = _LONE_NUMBER.match(raw[index].text)
    if found is None:
        return False
    number = int(found[1])
    for step, wanted in ((-1, number - 1), (1, number + 1)):
        position = index + step
        while 0 <= position < len(raw) and abs(position - index) <= _ROW_SPAN:
            other = _LONE_NUMBER.match(raw[position].text)
            if other is not None and int(other[1]) == wanted:
                return True  # another lone number between (a page's) does not end the search
            position += step
    return False


def _drop_running_headers(lines: list[TextLine], pages: int | None) -> tuple[list[TextLine], int]:
    if not pages or pages < 3:
        return lines, 0
    counts = Counter(line.text.strip() for line in lines if line.text.strip() and "\t" not in line.text)
    headers = {text for text, count in counts.items() if count >= max(3, pages // 2) and len(text) <= 100}
    headers = {text for text in headers if not text.startswith(("-", "+"))}
    if not headers:
        return lines, 0
    kept = [line for line in lines if line.text.strip() not in headers]
    return kept, len(lines) - len(kept)


_NUMBERED_HEAD: Final = re.compile(
    r"^(?:(?P<before>[0-9]{1,3})(?:\s{3,}|\t+)(?P<head>\S.*?)|(?P<text>\S.*?)(?:\s{3,}|\t+)(?P<after>[0-9]{1,3}))$"
)
"""A page's head with its page number apart at one end: "CÔNG BÁO/Số 07/Ngày 05-02-2024      41"."""


def _drop_numbered_heads(lines: list[TextLine]) -> tuple[list[TextLine], int]:
    """Lines without the running heads that carry their page's number, and how many were dropped.

    A gazette or a book prints the same head on every page with the page's number at its outer end
    (first on even pages, last on odd ones). A head is told by its words coming back at least twice,
    each time beside an empty line or the document's edge, with page numbers that rise.

    >>> head = "CÔNG BÁO/Số 07/Ngày 05-02-2024"
    >>> texts = [f"{head}      41", "", "a) Rà soát văn bản", "", f"42      {head}", "", "hội."]
    >>> lines = [TextLine(t, n) for n, t in enumerate(texts, start=1)]
    >>> kept, dropped = _drop_numbered_heads(lines)
    >>> dropped, [line.text for line in kept]
    (2, ['', 'a) Rà soát văn bản', '', '', 'hội.'])
    """
    found: dict[str, list[tuple[int, int]]] = {}
    for index, line in enumerate(lines):
        head = _NUMBERED_HEAD.match(line.text.strip())
        if head is None:
            continue
        words = " ".join((head["head"] or head["text"]).split())
        edge = index in {0, len(lines) - 1} or not lines[index - 1].text.strip() or not lines[index + 1].text.strip()
        if len(words) >= 10 and sum(ch.isalpha() for ch in words) >= 5 and edge:
            found.setdefault(words, []).append((index, int(head["before"] or head["after"])))
    dropped = {
        index
        for places in found.values()
        if len(places) >= 2 and all(b[1] > a[1] for a, b in itertools.pairwise(places))
        for index, _ in places
    }
    if not dropped:
        return lines, 0
    return [line for index, line in enumerate(lines) if index not in dropped], len(dropped)


# -- tables in text -----------------------------------------------------------------------------

_PIPE_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_WIDE_GAP: Final = re.compile(r"\s{3,}")


def split_cells(text: str) -> list[str] | None:
    r"""The cells of a flattened table row (tabs, ``|`` or wide gaps), or None for a line of one cell.

    >>> split_cells("| 1 | Ban hành kế hoạch | Văn phòng |")
    ['1', 'Ban hành kế hoạch', 'Văn phòng']
    >>> split_cells("1\tBan hành\t\tTháng 01/2022")
    ['1', 'Ban hành', '', 'Tháng 01/2022']
    """
    body = text.strip("\n").lstrip()
    if "\t" in body.rstrip("\t") or body.count("\t") >= 2:
        # a row whose first cell is empty (a merged cell kept in the row above) keeps that cell
        body = text.strip("\n").lstrip(" ") if text.lstrip(" ").startswith("\t") else body
        return [cell.strip() for cell in body.split("\t")]
    if body.count("|") >= 2 or (body.startswith("|") and body.count("|") >= 1):
        inner = body.strip()
        inner = inner.removeprefix("|").removesuffix("|")
        return [cell.strip() for cell in inner.split("|")]
    return None


_GROUP_ROW: Final = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Z]|[0-9]{1,2})\.?\t[^\t]{3,}$")
""""II\tLĨNH VỰC CẢI CÁCH …" among tab-separated rows: a group row whose empty cells were not kept."""


_CHECKLIST_START: Final = re.compile(r"^(?:\[[ xX✓✔]\]|[☐☑☒□✓✔])\s")
"""A checklist's box opening a line ("[ ] …", "☐ …"): an item whose fields a "|" parts, no table row."""


def _is_row(text: str) -> bool:
    body = text.lstrip()
    if not body or _CHECKLIST_START.match(body):
        return False
    if body.count("\t") >= 2:
        return True
    return (body.startswith("|") and body.count("|") >= 3) or body.count(" | ") >= 2


def _is_wrapped(lines: Sequence[TextLine]) -> tuple[bool, int]:
    """Whether paragraphs were cut into lines of the page's width, and that width in characters."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip() and not _is_row(line.text))
    if len(lengths) < 10:
        return False, 0
    width = lengths[int(len(lengths) * 0.9)]
    texts = [line.text.strip() for line in lines if line.text.strip()]
    # a line opening in lower case continues the one before, unless it opens an item ("a/ Rà soát …", "b) …")
    cut = sum(
        1
        for one, two in itertools.pairwise(texts)
        if one and one[-1].isalpha() and two[:1].islower() and not _MARKER_START.match(two)
    )
    return cut >= max(3, len(texts) // 12) and width <= 130, width


_MARKER_START: Final = vi_compile(
    r"^\s*(?:[IVXL]{1,6}\s*[.:)]\s|[IVXL]{1,6}\s+[A-ZĐÀ-Ỹ]|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.):/]\s|[a-zđ]\s*\)\s|[a-zđ][./]\s+[A-ZĐÀ-Ỹ]|"
    r"[A-H]\s*[.)]\s+(?=[A-ZĐÀ-Ỹ]{2,}(?:[\s,]|$))|"
    r"[-–—•+*]\s|Phần\s|PHẦN\s|Điều\s+\d|Tiêu chí\s+\d|TCTP\s|Lĩnh vực\s+\d|Nơi nhận|TM\.|KT\.|TL\.|TUQ\.|Q\.\s)"
)
_GLYPH_MARKS: Final = frozenset("§•·‣⁃∙→⇒➔*-–—+")
_GLYPH_JOINERS: Final = frozenset("\ufe0f\ufe0e\u200d")
_NOT_GLYPHS: Final = frozenset("<=>|~^`$¢£¥©®°")


def _glyph(char: str) -> bool:
    """A character Word, converters or chat apps write as a list mark (a symbol, not a letter or a digit).

    Box-drawing characters and block elements (U+2500–U+259F) draw tables and rules, never a list: a line
    opening with "│" or "┃" is a row of a table drawn in text.
    """
    if "\u2500" <= char <= "\u259f":
        return False
    return char in _GLYPH_MARKS or (unicodedata.category(char) in {"So", "Sm"} and char not in _NOT_GLYPHS)


def glyph_bullet(text: str) -> tuple[str, str] | None:
    r"""The bullet a line opens with, whatever its glyph, and the text after it; None if it opens with none.

    Word's plain-text export writes list levels as "•", "o", "§", "▪", "➢", "✓" … (a tab after), chat
    apps and social networks as emoji ("📌 Chủ trì: …", "✅ …"). An "o" is a bullet only before a tab or a
    capital (the word "o" is neither); an emoji may touch the word after it, another mark may not.

    >>> glyph_bullet("o\tChủ trì: Văn phòng"), glyph_bullet("§ Phòng Tư pháp"), glyph_bullet("📌Thời gian: Quý I")
    (('o', 'Chủ trì: Văn phòng'), ('§', 'Phòng Tư pháp'), ('📌', 'Thời gian: Quý I'))
    >>> glyph_bullet("o bế em"), glyph_bullet("**Chủ trì:**"), glyph_bullet("-----"), glyph_bullet("1. Rà soát")
    (None, None, None, None)
    >>> glyph_bullet("│ 1 │ Rà soát thủ tục │ Văn phòng │"), glyph_bullet("┃ Rà soát ┃"), glyph_bullet("█ Rà soát")
    (None, None, None)
    """
    stripped = text.lstrip()
    if stripped[:1] == "o" and len(stripped) > 2 and stripped[1] in " \t":
        rest = stripped[1:].lstrip()
        return ("o", rest) if stripped[1] == "\t" or rest[:1].isupper() else None
    end = 0
    while end < len(stripped) and (_glyph(stripped[end]) or (end and stripped[end] in _GLYPH_JOINERS)):
        end += 1
    if not end or end > 4:
        return None
    glyph, rest = stripped[:end], stripped[end:]
    emoji = any(unicodedata.category(char) == "So" for char in glyph)
    if not rest.strip() or (not rest[:1].isspace() and not (emoji and rest[:1].isalpha())):
        return None
    return glyph, rest.strip()


_ENDS_SENTENCE: Final = re.compile(r"[.;:!?](?:/\.)?[\"”')]*\s*$")
_HYPHEN_END: Final = re.compile(r"(\S)-$")
_DANGLING_END: Final = vi_compile(
    r"\s(?:của|thuộc|và|với|cho|tại|trên|về|các|những|đến|từ|do|bằng|hoặc|đối với|trực thuộc|giữa|theo)$",
    re.IGNORECASE,
)
"""Words a sentence cannot end with: a line ending with one was broken before the words that complete it."""
_FIELD_START: Final = vi_compile(
    r"^(?:Giao|Chủ trì|Phối hợp|Thời gian|Thơi gian|Thời hạn|Kinh phí|Sản phẩm|Kết quả|Ghi chú"
    r"|(?:Cơ quan|Đơn vị|Bộ phận) (?:chủ trì|phối hợp|thực hiện))\b",
    re.IGNORECASE,
)


def _goes_on(text: str) -> bool:
    """True when ``text`` can complete a broken sentence: no numbering mark, bullet, field label or table row."""
    return not (
        _MARKER_START.match(text) or glyph_bullet(text) or _FIELD_START.match(text) or "\t" in text or "|" in text
    )


_LABEL_END: Final = vi_compile(
    r"(?:^|[.;]\s+)(?:Giao|Chủ trì|Phối hợp|Thời gian|Thời hạn|(?:Cơ quan|Đơn vị|Bộ phận) (?:chủ trì|thực hiện))\s*:$",
    re.IGNORECASE,
)
""""… Giao:", "…; thời gian:" ending a line cut at the page's width: a field's label, its value on the next line."""
_COLUMN_RULES: Final = re.compile(r"^\s*(?:-{3,}|={3,})(?:[ \t]+(?:-{3,}|={3,}))+\s*$")
_DASH_ITEM: Final = re.compile(r"^\s*[-–—•+*]\s")


_TAB_GROUP_ROW: Final = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Z])\.?\t[^\t]{3,}\t*$")
"""A group row of a tab table ("II\tCẢI CÁCH …"), its empty cells kept or not: a row of its own."""
_TAB_RUN_GAP: Final = 3
"""The most lines without a tab a cell of a tab table holds between two lines with tabs."""


def tab_rows(lines: Sequence[TextLine]) -> list[TextLine]:
    r"""``lines`` with the rows of tab tables whose cells hold line breaks joined back, one line a row.

    Word's plain-text export writes a table row as its cells parted by tabs and a cell's own line breaks as
    line breaks, so a row of a tab table with a wrapped cell takes several lines. Every row has as many tabs
    as the table's widest line: lines are joined (the breaks kept inside their cells) while their tabs add up
    to that count. A run of lines whose tabs do not add up row by row is left as it is.

    >>> texts = ["TT\tNhiệm vụ\tĐơn vị", "chủ trì\tThời gian", "I\tCẢI CÁCH THỂ CHẾ\t\t", "1\tRà soát văn bản",
    ...     "quy phạm pháp luật\tVăn phòng\tQuý I"]
    >>> for row in tab_rows([TextLine(text, number) for number, text in enumerate(texts, start=1)]):
    ...     print(repr(row.text))
    'TT\tNhiệm vụ\tĐơn vị\nchủ trì\tThời gian'
    'I\tCẢI CÁCH THỂ CHẾ\t\t'
    '1\tRà soát văn bản\nquy phạm pháp luật\tVăn phòng\tQuý I'

    A row cannot open with the rest of a cell: a run that would (its widest line is no whole row) is left alone.
    """
    result: list[TextLine] = []
    index = 0
    while index < len(lines):
        end = _tab_run_end(lines, index)
        if end is None:
            result.append(lines[index])
            index += 1
            continue
        result.extend(_joined_rows(lines[index:end]) or lines[index:end])
        index = end
    return result


def _tab_run_end(lines: Sequence[TextLine], start: int) -> int | None:
    """The end of the run of tab-table lines opening at ``start`` (lines with tabs, a few without between)."""
    if "\t" not in lines[start].text.strip():
        return None
    end = last = start + 1
    while end < len(lines) and lines[end].text.strip() and end - last < _TAB_RUN_GAP:
        if "\t" in lines[end].text.strip():
            last = end + 1
        end += 1
    return last if last - start >= 2 else None


_NUMBERED_ROW: Final = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Z]|[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?\t")
""""1\t…", "2.3\t…", "II\t…": a line opening with a row's number in its own cell."""


def _group_before_row(run: Sequence[TextLine], index: int) -> bool:
    r"""Whether ``run[index]``, a numbered line with fewer tabs than a row, is a row of its own.

    "1\tCông tác chỉ đạo, điều hành" over "1.1\tBan hành …": a numbered group whose empty cells were not kept,
    since the line after it opens a numbered row of its own. A numbered line whose next line goes on with the
    rest of its cell ("quy phạm pháp luật\tVăn phòng\tQuý I") is a row cut by a line break, not a group.
    """
    return index + 1 < len(run) and all(_NUMBERED_ROW.match(line.text) for line in run[index : index + 2])


def _joined_rows(run: Sequence[TextLine]) -> list[TextLine] | None:
    """The rows of a run of tab-table lines, or None when the lines do not add up to rows of one width."""
    tabs = [line.text.strip(" ").count("\t") for line in run]
    width = max(tabs)
    if width < 2 or all(count == width for count in tabs):
        return None
    rows: list[TextLine] = []
    index = 0
    while index < len(run):
        total, end = tabs[index], index + 1
        if total != width and not _TAB_GROUP_ROW.match(run[index].text) and not _group_before_row(run, index):
            if run[index].text.strip()[:1].islower():
                return None  # a row would open with the rest of a cell: the widest line is no whole row
            while total < width and end < len(run) and not _TAB_GROUP_ROW.match(run[end].text):
                total += tabs[end]
                end += 1
            if total != width:
                return None
        while end < len(run) and tabs[end] == 0 and run[end].text.strip()[:1].islower():
            end += 1  # the rest of the row's last cell: "Thời gian" / "hoàn thành"
        text = "\n".join(line.text.strip(" ") for line in run[index:end])
        rows.append(attrs.evolve(run[index], text=text) if end > index + 1 else run[index])
        index = end
    return rows


def blocks(lines: Sequence[TextLine], tables: Sequence[Table] = ()) -> list[Block]:  # noqa: C901, PLR0915
    """Paragraphs and tables in reading order.

    Consecutive table rows (blank lines between them allowed) make a table.
    Other lines are joined into paragraphs: a line that starts with a lower-case
    letter continues the one before; in text cut to the page's width a line
    also continues the one before unless it starts with a numbering mark or the
    line before ended a sentence short of the width; blank lines end a
    paragraph unless the text puts a blank line after every line. The rows of tab
    tables whose cells hold line breaks are joined first (:func:`tab_rows`).
    """
    lines = tab_rows(lines)
    copied_tables = _copied_tables(lines)
    inside = {i for start, (_, end) in copied_tables.items() for i in range(start, end)}
    wrapped, width = _is_wrapped([line for i, line in enumerate(lines) if i not in inside] if inside else lines)
    nonblank = [i for i, line in enumerate(lines) if line.text.strip()]
    blank_after = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].text.strip())
    double_spaced = len(nonblank) > 10 and blank_after > 0.8 * len(nonblank)
    result: list[Block] = []
    pending: list[TextLine] = []
    table_rows: list[TextLine] = []
    table_count = 0
    by_line = sorted(tables, key=lambda table: table.line or 0)

    def flush() -> None:
        if pending:
            result.append(_paragraph(pending))
            pending.clear()

    def flush_table() -> None:
        nonlocal table_count
        if not table_rows:
            return
        if len(table_rows) == 1:
            pending.extend(table_rows)
            table_rows.clear()
            flush()
            return
        table_count += 1
        result.append(_text_grid(table_rows, f"table {table_count}"))
        table_rows.clear()

    gap = False
    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        while by_line and (by_line[0].line or 0) <= line.number:
            flush()
            flush_table()
            result.append(_grid(by_line.pop(0)))
        text = line.text
        copied = copied_tables.get(index)
        if copied is not None:  # a table copied one cell a line: its rows rebuilt from the cells' order
            flush()
            flush_table()
            table_count += 1
            result.append(attrs.evolve(copied[0], name=f"table {table_count}", rows=_renamed(copied[0], table_count)))
            skip_to = copied[1]
            gap = True
            continue
        if not text.strip() or text.strip() == "|" or _COLUMN_RULES.match(text):
            # a lone "|": the border between two cells of a layout table; runs of dashes: a plain-text table's
            # border ("------   ------") around a layout, not a table of tasks, which was taken above
            gap = True
            continue
        cut_row = wrapped and _cut_row(text, width)
        broken = None if wrapped or not table_rows else _broken_row(lines, index, table_rows[0].text)
        if broken is not None:  # a "|" row whose cell a line break cut: the row goes on in the next line
            flush()
            table_rows.append(broken[0])
            skip_to = broken[1]
            gap = False
            continue
        if cut_row or _is_row(text) or (table_rows and _GROUP_ROW.match(text)):
            flush()
            if wrapped:  # a row cut at the text's width goes on in the lines after it
                header = split_cells(table_rows[0].text) if table_rows else None
                whole, skip_to = _whole_row(lines, index, width, len(header) if header else None)
                table_rows.append(whole)
            else:
                table_rows.append(line)
            gap = False
            continue
        flush_table()
        if pending and _continues(
            pending[-1], line, wrapped=wrapped, width=width, gap=gap and not double_spaced, item=pending[0]
        ):
            pending.append(line)
        else:
            flush()
            pending.append(line)
        gap = False
    flush()
    flush_table()
    result.extend(_grid(table) for table in by_line)
    return result


def _cut_row(text: str, width: int) -> bool:
    """Whether ``text`` opens a ``|`` row that text cut at ``width`` broke after its second bar."""
    body = text.strip()
    return body.startswith("|") and body.count("|") >= 2 and len(body) >= 0.8 * width


def _whole_row(lines: Sequence[TextLine], index: int, width: int, cells: int | None) -> tuple[TextLine, int]:
    """The ``|`` row opening at ``lines[index]`` with the lines its wrap cut off, and the index after them.

    In text cut at a fixed width a row goes on in the next line when it lacks its closing bar, or when it
    reached the width with fewer cells than the header (``cells``); the next line is taken while the row
    so far stays within the header's cells. A row that closes its bars short of the width is whole.
    """
    line = lines[index]
    text = line.text.strip()
    end = index + 1
    if not text.startswith("|"):
        return line, end
    while end < len(lines):
        nxt = lines[end].text.strip()
        if not nxt or nxt == "|":
            break
        open_row = not text.endswith("|")
        if not open_row and (len(text) < 0.8 * width or cells is None or nxt.startswith("|")):
            break  # a closed row short of the width, or a new row after it
        if not open_row and cells is not None and len(split_cells(text) or ()) >= cells:
            break
        joined = f"{text} {nxt}"
        if cells is not None and len(split_cells(joined) or ()) > cells:
            break
        if cells is None and nxt.startswith("|") and nxt.count("|") >= 3:  # a row of its own
            break
        text = joined
        end += 1
    if end == index + 1:
        return line, end
    return attrs.evolve(line, text=text), end


_BROKEN_ROW_LINES: Final = 3
"""The most lines a "|" row cut by line breaks inside its cells goes on over."""


def _broken_row(lines: Sequence[TextLine], index: int, header: str) -> tuple[TextLine, int] | None:
    """The ``|`` row opening at ``lines[index]`` joined with the lines a break inside a cell cut off, or None.

    In a table whose rows close with a bar, a row that opens with a bar and does not close ("| 6 | Thẩm định
    … của các đơn vị") goes on in the lines after it that open without one ("thuộc tỉnh | Sở Nội vụ | … |"),
    the break kept as a space, when the joined row closes with a bar and has the header's cells. A row that
    stays open, or that would have more or fewer cells, is left as it is.
    """
    cells = split_cells(header)
    text = lines[index].text.strip()
    if not cells or not header.strip().endswith("|") or not text.startswith("|") or text.endswith("|"):
        return None
    end = index + 1
    while end < len(lines) and end - index <= _BROKEN_ROW_LINES:
        nxt = lines[end].text.strip()
        if not nxt or nxt.startswith("|"):
            return None
        text, end = f"{text} {nxt}", end + 1
        if text.endswith("|"):
            joined = split_cells(text)
            whole = joined is not None and len(joined) == len(cells)
            return (attrs.evolve(lines[index], text=text), end) if whole else None
    return None


def _copied_tables(lines: Sequence[TextLine]) -> dict[int, tuple[Grid, int]]:
    """The tables copied one cell a line, by the index of their first line (with the index after them)."""
    found: dict[int, tuple[Grid, int]] = {}
    index = 0
    while index < len(lines):
        copied = _cell_lines_table(lines, index, "table")
        if copied is None:
            index += 1
            continue
        found[index] = copied
        index = max(copied[1], index + 1)
    return found


def _renamed(grid: Grid, number: int) -> tuple[tuple[GridCell, ...], ...]:
    name = f"table {number}"
    return tuple(tuple(attrs.evolve(cell, table=name) for cell in row) for row in grid.rows)


def _cell_lines_table(lines: Sequence[TextLine], index: int, name: str) -> tuple[Grid, int] | None:
    """A table copied one cell a line or as delimited records that opens at ``lines[index]``.

    See :mod:`parplan.read.cell_lines`, :mod:`parplan.read.delimited` and :mod:`parplan.read.plain_tables`.
    """
    text = lines[index].text
    if ("," in text or ";" in text) and "\t" not in text and "|" not in text:
        from parplan.read.delimited import delimited_table

        if (delimited := delimited_table(lines, index, name)) is not None:
            return delimited
    if (
        "--" in text
        or "==" in text
        or (
            (index == 0 or not lines[index - 1].text.strip())
            and text.strip()
            and any(
                "--" in lines[after].text or "==" in lines[after].text
                for after in range(index + 1, min(len(lines), index + 6))
            )
        )
    ):
        from parplan.read.plain_tables import plain_table

        if (plain := plain_table(lines, index, name)) is not None:
            return plain
    if text.strip() == "|":
        from parplan.read.cell_lines import pipe_cell_table

        return pipe_cell_table(lines, index, name)
    if index + 1 < len(lines) and lines[index + 1].text.strip() == "|" and len(text) < _CARD_LINE:
        from parplan.read.cell_lines import closed_cell_table

        if (closed := closed_cell_table(lines, index, name)) is not None:
            return closed
    if ":" in text and len(text) < _CARD_LINE:
        from parplan.read.cell_lines import card_table

        return card_table(lines, index, name)
    if text.strip() and (index == 0 or not lines[index - 1].text.strip()) and len(text) < _CARD_LINE:
        from parplan.read.cell_lines import blank_cell_table

        return blank_cell_table(lines, index, name)
    return None


_CARD_LINE: Final = 400


def _continues(  # noqa: PLR0913, C901 - the two lines and what is known of the text
    before: TextLine, line: TextLine, *, wrapped: bool, width: int, gap: bool, item: TextLine | None = None
) -> bool:
    prev = before.text.rstrip()
    text = line.text.strip()
    first = text[:1]
    marker = None  # whether the line starts with a numbering mark, found once when needed
    if first.islower():
        marker = _MARKER_START.match(text) is not None or glyph_bullet(text) is not None
        if not marker and not _ENDS_SENTENCE.search(prev):
            return True
    if wrapped and prev.count("(") > prev.count(")") and not gap:
        return True
    if not gap and _DANGLING_END.search(prev) and not _ENDS_SENTENCE.search(prev) and _goes_on(text):
        return True  # "… đơn vị thuộc" / "UBND xã.": a sentence cannot end on these words, a name goes on
    if wrapped and not gap and _LABEL_END.search(prev) and not _MARKER_START.match(text) and not glyph_bullet(text):
        return True  # "… ban hành. Giao:" cut at the page's width: the label's value is on the next line
    if gap or not wrapped:
        return False
    if marker is None:
        marker = _MARKER_START.match(text) is not None or glyph_bullet(text) is not None
    if marker:
        return False
    if len(prev.strip()) < 0.6 * width:
        return False
    if first.islower():
        return True
    if _ENDS_SENTENCE.search(prev) and len(prev.strip()) < 0.8 * width:
        return False
    if item is not None and _ENDS_SENTENCE.search(prev) and _DASH_ITEM.match(item.text):
        return False  # a "- " item ended its sentence: what follows is the text under the list, not the item's
    return not (prev.strip().isupper() and not text.isupper())


def _paragraph(lines: Sequence[TextLine]) -> Para:
    parts: list[str] = []
    for line in lines:
        text = line.text.strip()
        if "\t" in text or "  " in text:
            text = _SPACES.sub(" ", text)
        if parts and parts[-1].endswith("-") and _HYPHEN_END.search(parts[-1]):
            if text[:1].islower() and not text[:1].isdigit():
                parts[-1] = parts[-1][:-1] + text
            else:
                parts[-1] += text
            continue
        parts.append(text)
    first = lines[0].text
    indent = len(first) - len(first.lstrip(" "))
    return Para(text=" ".join(parts), first=lines[0].number, last=lines[-1].number, page=lines[0].page, indent=indent)


def _text_grid(rows: Sequence[TextLine], name: str) -> Grid:
    grid: list[tuple[GridCell, ...]] = []
    number = 0
    # a table written without outer bars ("TT | Nhiệm vụ | …"): a row opening with a bar has an empty first cell
    bare = bool(rows) and "\t" not in rows[0].text and not rows[0].text.lstrip().startswith("|")
    for line in rows:
        cells = split_cells(line.text)
        if cells is None or _PIPE_SEPARATOR.match(line.text):
            continue
        if bare and "\t" not in line.text and line.text.lstrip().startswith("|"):
            cells = ["", *cells]
        number += 1
        grid.append(tuple(text_cell(cell, number, column, line, name) for column, cell in enumerate(cells, start=1)))
    return Grid(rows=tuple(grid), first=rows[0].number, name=name, page=rows[0].page)


def _cell_lines(cell: str) -> list[str]:
    """The non-empty lines of a cell's text, each with its spaces collapsed."""
    return [part for part in (_SPACES.sub(" ", piece).strip() for piece in cell.split("\n")) if part]


def text_cell(text: str, row: int, column: int, line: TextLine, name: str) -> GridCell:
    """A cell of a table written in text, at ``line``: its lines kept where the text breaks them (one a line)."""
    parts = _cell_lines(text)
    return GridCell(
        text=" ".join(parts),
        row=row,
        column=column,
        columns=1,
        rows=1,
        line=line.number,
        page=line.page,
        table=name,
        lines=tuple(parts) if len(parts) > 1 else (),
    )


_BODY_LINE: Final = re.compile(r"^(?:phong|so|van phong|ubnd|trung tam|cong an|chi cuc|thanh tra|khoa|doan) [a-z]")
"""A cell's line opening with a body's name, folded ("Phòng Tài nguyên …", "Sở Nội vụ …")."""


def _grid_cell_lines(cell: Cell) -> tuple[str, ...]:
    """A cell's lines where its text breaks them.

    A cell OCR read is broken where the page's layout said: bodies named one a line, each line opening
    with a body's name ("Phòng Nội vụ" over "Phòng Tài nguyên và Môi trường"), are its lines; an item's
    mark opening a line is no line of its own there, as before.
    """
    parts = _cell_lines(cell.text)
    if len(parts) < 2:  # one line is no lines
        return ()
    if cell.confidence is None:
        return tuple(parts)
    read = [scan_line(part) for part in parts]
    return tuple(read) if all(_BODY_LINE.match(_fold_text(part)) for part in read) else ()


def _cell_text(cell: Cell) -> str:
    """A cell's text on one line; a cell OCR read (it has OCR's confidence) read through :func:`scan_line`."""
    text = _SPACES.sub(" ", cell.text.replace("\n", " ")).strip()
    return scan_line(text) if cell.confidence is not None else text


def _grid(table: Table) -> Grid:
    """The table as a grid; a cell merged down over rows is given again in each row it covers.

    A Word or web table gives a merged cell once, in its first row; the rows under it hold
    nothing in its columns. Each of them is given the cell again (its place still the merged
    cell's), as a reader of the page sees it: a lead merged over three tasks leads each.
    """
    name = table.sheet or f"table {table.number}"
    below: dict[int, list[GridCell]] = {}  # row -> the cells merged down into it from the rows above
    rows: list[tuple[GridCell, ...]] = []
    for row in table.rows():
        own = [
            GridCell(
                text=_cell_text(cell),
                row=cell.row,
                column=cell.column,
                columns=cell.columns,
                rows=cell.rows,
                place=table.origin(cell),
                lines=_grid_cell_lines(cell),
            )
            for cell in row
        ]
        number = row[0].row
        carried = [
            copy
            for copy in below.pop(number, [])
            if not any(cell.column <= copy.column < cell.column + cell.columns for cell in own)
        ]
        for cell in own:
            for later in range(number + 1, number + cell.rows):
                below.setdefault(later, []).append(attrs.evolve(cell, row=later, rows=1))
        rows.append(tuple(sorted([*own, *carried], key=lambda cell: cell.column)))
    return Grid(rows=tuple(rows), first=table.line, name=name, page=table.page)
