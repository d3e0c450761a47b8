"""The layout of printed pages, shared by the PDF and OCR readers: rows, paragraphs, furniture, columns.

A page is given as :class:`Row` objects (a line of print: its text in segments separated by
wide gaps, its box, its size) and :class:`PageTable` objects; :func:`assemble` turns the pages
into a :class:`~parplan.read.source.SourceDocument`: running headers, footers and page numbers
removed, the masthead and the signature block read column by column, the lines of a paragraph
joined, a table going on over pages made one. The rules are those a reader of the page follows;
:mod:`parplan.read.formats.pdf` describes them.

Coordinates are in points from the top-left corner of the page.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import attrs

from parplan.read.source import Block, Cell, DocumentFormat, Line, SourceDocument, Table
from parplan.text.normalize import fold, repair_text

__all__ = [
    "ITEM_START",
    "LAYOUT_MARKER",
    "PAGE_NUMBER",
    "Glyph",
    "Page",
    "PageTable",
    "Row",
    "Segment",
    "assemble",
    "cell_text",
    "cluster_rows",
    "join",
    "rows_of",
    "segments",
]

ITEM_START: Final = re.compile(
    r"^(?:[-+•–—*▪➢❖✓→]\s|[a-zđ]\)\s|\d+(?:\.\d+)*\.\s|\d+\)\s|[IVXLC]+\.\s|Điều\s+\d+|Phần\s+[IVX\d]|Chương\s+[IVX\d])",
)
SCAN_ITEM_START: Final = re.compile(
    r"^(?:(?=[IVXl1|!]*[IVXl|!])[IVXl1|!]{1,5}[.,:]\s+(?=\S)|[a-zđ]\s*[)}\]]\s|[—~_=»]\s+(?=\S)"
    r"|\d{1,2},\s+(?=[A-ZĐÀ-Ỹ])|\d{1,2}(?:\.\d{1,2})+\s+(?=[A-ZĐÀ-Ỹ][^\W_])|(?:\d{1,2}|[a-zđ])/\s+(?=[A-ZĐÀ-Ỹ][^\W_])"
    r"|(?:T[iíỉ]\S{1,2}u\s+ch\S{1,2}|L\S{1,2}nh\s+v\S{1,3}|Ph\S{1,2}n|PH\S{1,2}N|[ĐD]i\S{1,2}u)\s+(?:[0-9]|[IVX]+\b)|TCTP\s)"
)
"""Numbering marks as OCR damages them: a Roman numeral with its strokes read as ``l``, ``1`` or ``|``
("Il.", "lV."), a letter item closed by a brace ("a}"), a dash read as a long dash, tilde or underscore,
an item number followed by a comma ("2, Cải cách"), a number or letter closed by a slash before a capitalised word
("2/ Cải cách", "a/ Rà soát", as some plans number their items), one of two levels or more without its last dot before a
capitalised word ("3.2 Bố trí", as plans number without dots); the heads of criteria, fields, parts and articles
("Tiêu chí 1.2.", "Lĩnh vực 3.", "Phần II", "Điều 2") with their marks lost ("Linh vue 3.", "Tiéu chi 3.2.")."""
PAGE_NUMBER: Final = re.compile(
    r"^[-–—\s]*(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE
)
LAYOUT_MARKER: Final = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–—]|^\s*Số\s*:|Nơi nhận|^\s*(?:TM|KT|TL|TUQ|Q)\.\s",
    re.IGNORECASE,
)


class Boxed:
    """A box on a page (points from the top-left corner) and its centre: a mixin of the layout's dataclasses."""

    __slots__ = ()
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Glyph(Boxed):
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    space_before: bool = False


@dataclass(slots=True)
class Segment:
    text: str
    x0: float
    x1: float
    first_word: float = 0.0  # the width of its first word


@dataclass
class Row:
    """A visual line: its segments (text separated by wide gaps) and its place on the page."""

    segments: list[Segment]
    top: float
    bottom: float
    baseline: float
    size: float
    page: int
    confidence: float | None = None  # OCR: the mean confidence of its words (0 to 100)
    words: int = 0  # OCR: how many words the confidence is taken over

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def text(self) -> str:
        return "\t".join(segment.text for segment in self.segments)


@dataclass
class PageTable:
    cells: list[tuple[int, int, int, int, str]]  # row, column, rows, columns, text
    columns: list[float]
    top: float
    bottom: float
    page: int
    confidence: dict[tuple[int, int], float] = field(default_factory=dict)  # OCR: (row, column) -> its words' mean
    goes_on: bool = False
    """OCR: the first row is the rest of the cells of the last row of the table on the page before."""
    measured_again: bool = False
    """OCR: the table on the page before goes on here, its columns measured again with this page's rows (it ran
    to its page's foot over a few rows, too few to measure them): it goes on though its edges moved."""


@dataclass
class Page:
    number: int
    width: float
    height: float
    rows: list[Row] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    glyphs: int = 0
    images: int = 0
    slack: float = 0.0
    """How far short of the right edge a full line may end (points): a scanned page stands askew, so its
    lines end further left the further they are from the corner the skew lifts."""
    pitch: float = 0.0
    """A scanned page's line pitch (points, baseline to baseline, the median over its rows); 0 when not known.
    OCR's line boxes follow the letters of each line (accents, descenders), so on a scan a paragraph's
    break is told by a pitch longer than the page's, not by the space between two boxes."""


def cluster_rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top to bottom; each group left to right."""
    ordered = sorted(glyphs, key=lambda g: (g.baseline, g.x0))
    groups: list[list[Glyph]] = []
    baselines: list[float] = []
    for glyph in ordered:
        if groups and abs(glyph.baseline - baselines[-1]) <= 0.35 * max(glyph.size, groups[-1][0].size):
            groups[-1].append(glyph)
            continue
        groups.append([glyph])
        baselines.append(glyph.baseline)
    return [sorted(group, key=lambda g: g.x0) for group in groups]


def _word_gap(glyphs: list[Glyph]) -> float:
    """The usual gap between words of a row (justified rows stretch them all alike)."""
    gaps = [
        b.x0 - a.x1 for a, b in itertools.pairwise(glyphs) if b.space_before or b.x0 - a.x1 > 0.15 * max(a.size, b.size)
    ]
    return statistics.median(gaps) if gaps else 0.0


def segments(glyphs: list[Glyph], split: bool) -> list[Segment]:
    word_gap = _word_gap(glyphs) if split else 0.0
    segments: list[Segment] = []
    parts: list[str] = []
    start = glyphs[0].x0
    first_word_end: float | None = None
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            size = max(glyph.size, previous.size)
            if split and (gap > 1.8 * size or (gap > 0.8 * size and gap > 3 * word_gap)):
                segments.append(
                    Segment(_join_glyphs(parts), start, previous.x1, (first_word_end or previous.x1) - start)
                )
                parts = []
                start = glyph.x0
                first_word_end = None
            elif glyph.space_before or gap > 0.22 * size:
                parts.append(" ")
                if first_word_end is None:
                    first_word_end = previous.x1
        parts.append(glyph.char)
        previous = glyph
    if previous is not None:
        segments.append(Segment(_join_glyphs(parts), start, previous.x1, (first_word_end or previous.x1) - start))
    return [segment for segment in segments if segment.text]


def _join_glyphs(parts: list[str]) -> str:
    text = re.sub(r" {2,}", " ", "".join(parts)).strip()
    return unicodedata.normalize("NFC", text)


def rows_of(glyphs: list[Glyph], page: int) -> list[Row]:
    rows: list[Row] = []
    for group in cluster_rows(glyphs):
        parts = segments(group, split=True)
        if not parts:
            continue
        rows.append(
            Row(
                segments=parts,
                top=min(g.top for g in group),
                bottom=max(g.bottom for g in group),
                baseline=statistics.median(g.baseline for g in group),
                size=statistics.median(g.size for g in group),
                page=page,
            )
        )
    return rows


def cell_text(glyphs: list[Glyph], left: float, right: float) -> str:
    if not glyphs:
        return ""
    rows = []
    for group in cluster_rows(glyphs):
        [segment] = segments(group, split=False) or [Segment("", group[0].x0, group[-1].x1)]
        if segment.text:
            rows.append((segment, statistics.median(g.size for g in group)))
    if not rows:
        return ""
    pad = min(max(min(segment.x0 for segment, _ in rows) - left, 0.5), 6.0)
    available = (right - left) - 2 * pad
    text = rows[0][0].text
    previous = rows[0][0]
    for segment, size in rows[1:]:
        wrapped = (previous.x1 - previous.x0) + 0.25 * size + segment.first_word > available
        text = (
            join(text, segment.text) if wrapped and not ITEM_START.match(segment.text) else text + "\n" + segment.text
        )
        previous = segment
    return text


def join(before: str, after: str) -> str:
    """Two pieces of a paragraph broken at the end of a line, joined as one."""
    if before.endswith("\u00ad"):
        return before[:-1] + after
    if before.endswith("-") and len(before) > 1 and not before[-2].isspace():
        return before + after
    return before + " " + after


# --- furniture: running headers, footers, page numbers --------------------------------------------


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _remove_furniture(pages: list[Page], notes: list[str]) -> None:  # noqa: C901 - find, count, remove, report
    candidates: list[tuple[Page, Row, str]] = []
    for page in pages:
        rows = sorted(page.rows, key=lambda row: row.top)
        edge = 0.15 * page.height
        candidates.extend((page, row, "top") for row in rows[:2] if row.top <= edge)
        for row in rows[-2:]:
            if row.bottom >= page.height - edge and all(row is not c[1] for c in candidates):
                candidates.append((page, row, "bottom"))

    def key_of(page: Page, row: Row, band: str) -> tuple[str, str, int]:
        place = row.top if band == "top" else page.height - row.bottom
        return (band, _furniture_key(row.text), round(place / 4))

    seen: dict[tuple[str, str, int], set[int]] = {}
    for page, row, band in candidates:
        seen.setdefault(key_of(page, row, band), set()).add(page.number)
    text_pages = len([page for page in pages if page.rows])
    repeated = {key for key, numbers in seen.items() if len(numbers) >= 2 and len(numbers) >= 0.3 * text_pages}
    removed_numbers = 0
    removed_running: dict[tuple[str, str, int], tuple[str, int]] = {}
    for page, row, band in candidates:
        key = key_of(page, row, band)
        if PAGE_NUMBER.match(row.text):
            removed_numbers += 1
        elif key in repeated:
            first, count = removed_running.get(key, (row.text, 0))
            removed_running[key] = (first, count + 1)
        else:
            continue
        page.rows = [other for other in page.rows if other is not row]
    if removed_numbers:
        notes.append(f"page numbers removed from {removed_numbers} pages")
    for (band, _, _), (text, count) in removed_running.items():
        where = "header" if band == "top" else "footer"
        notes.append(f"running {where} removed from {count} pages: {text!r}")


# --- two-column blocks: the masthead and the signature --------------------------------------------


def _layout_blocks(rows: list[Row], margins: tuple[float, float]) -> list[tuple[int, int, float]]:  # noqa: C901 - grows a run both ways
    """Runs of rows (start, end exclusive, gutter x) that stand in two columns and hold a layout marker.

    A run grows from a row of two segments, up (through rows close above) and down, while each
    row's segments keep clear of a gutter between the columns; a line centred on the page (a
    title) ends it.
    """
    middle = (margins[0] + margins[1]) / 2
    tolerance = 0.03 * (margins[1] - margins[0])

    def centred(row: Row) -> bool:
        return len(row.segments) == 1 and abs((row.x0 + row.x1) / 2 - middle) < tolerance

    blocks: list[tuple[int, int, float]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        if len(row.segments) != 2:
            index += 1
            continue
        free = (row.segments[0].x1, row.segments[1].x0)
        start, end = index, index + 1

        def narrowed(candidate: Row, interval: tuple[float, float]) -> tuple[float, float] | None:
            low, high = interval
            for segment in candidate.segments:
                if segment.x0 < high and segment.x1 > low:  # the segment reaches into the free interval
                    if (segment.x0 + segment.x1) / 2 < (low + high) / 2:
                        low = max(low, segment.x1)
                    else:
                        high = min(high, segment.x0)
                if high - low < 6:
                    return None
            return (low, high)

        while end < len(rows) and rows[end].top - rows[end - 1].bottom < 3 * rows[end].size:
            interval = narrowed(rows[end], free)
            if interval is None or len(rows[end].segments) > 2 or centred(rows[end]):
                break
            free = interval
            end += 1
        while start > 0 and rows[start].top - rows[start - 1].bottom < 0.3 * rows[start].size:
            interval = narrowed(rows[start - 1], free)
            if interval is None or len(rows[start - 1].segments) > 2 or centred(rows[start - 1]):
                break
            free = interval
            start -= 1
        if any(LAYOUT_MARKER.search(segment.text) for r in rows[start:end] for segment in r.segments):
            blocks.append((start, end, (free[0] + free[1]) / 2))
            index = end
        else:
            index += 1
    return blocks


def _column_lines(rows: list[Row], gutter: float) -> list[Piece]:
    left: list[Piece] = []
    right: list[Piece] = []
    for row in rows:
        for segment in row.segments:
            side = left if segment.x1 <= gutter else right
            piece = Piece(segment.text, row.page, row.confidence, row.words)
            if side and (segment.text[:1].islower() or segment.text[:1].isdigit()):
                side[-1] = side[-1].extended(piece)
            else:
                side.append(piece)
    return left + right


# --- assembling the document ----------------------------------------------------------------------


@dataclass
class Piece:
    """Text on its way to a line: where it starts and, for OCR, its words' confidence."""

    text: str
    page: int
    confidence: float | None = None
    words: int = 0

    def extended(self, other: Piece) -> Piece:
        total = self.words + other.words
        confidence = None
        if self.confidence is not None and other.confidence is not None and total:
            confidence = (self.confidence * self.words + other.confidence * other.words) / total
        return Piece(join(self.text, other.text), self.page, confidence, total)

    def line(self, number: int) -> Line:
        text = self.text.replace("\u00ad", "").strip()
        confidence = None if self.confidence is None else round(self.confidence)
        return Line(text=text, number=number, page=self.page, confidence=confidence)


@dataclass
class Paragraph:
    piece: Piece
    last: Row | None  # the row it ends with, while it may go on
    right: float = 0.0  # the right edge of the text on the last row's page
    first_x0: float = 0.0  # where its first line starts
    continuation: float | None = None  # where its further lines start

    @property
    def text(self) -> str:
        return self.piece.text


def _piece(row: Row, slack: float = 0.0) -> Piece:
    text = " ".join(segment.text for segment in row.segments) if _prose(row, slack) else row.text
    return Piece(text, row.page, row.confidence, row.words)


_PROSE_GAP: Final = 1.8
"""On a scan, two pieces of a row closer than this many letter sizes are words of one line (OCR boxed a word
short, "UBND     huyện"), not two columns: tables and two-column blocks are laid out before paragraphs."""


def _prose(row: Row, slack: float) -> bool:
    """Whether ``row`` is one line of prose: one piece, or on a scan two pieces a short gap apart."""
    if len(row.segments) == 1:
        return True
    if not slack or len(row.segments) != 2:  # a line OCR parted once
        return False
    return row.segments[1].x0 - row.segments[0].x1 < _PROSE_GAP * row.size


def _items(pages: list[Page], geometry: dict[int, tuple[float, float]]) -> tuple[list[tuple[str, Any]], int]:
    """The rows, column pieces and tables of the pages in reading order, and how many two-column blocks."""
    items: list[tuple[str, Any]] = []  # ("row", Row) | ("layout", Piece) | ("table", PageTable)
    layout_blocks = 0
    for page in pages:
        rows = sorted(page.rows, key=lambda row: row.top)
        runs = _layout_blocks(rows, geometry[page.number])
        layout_blocks += len(runs)
        placed: list[tuple[float, str, Any]] = []
        skip: set[int] = set()
        for start, end, gutter in runs:
            placed.extend((rows[start].top, "layout", piece) for piece in _column_lines(rows[start:end], gutter))
            skip.update(range(start, end))
        placed.extend((row.top, "row", row) for index, row in enumerate(rows) if index not in skip)
        placed.extend((table.top, "table", table) for table in page.tables)
        placed.sort(key=lambda item: item[0])
        items.extend((kind, value) for _, kind, value in placed)
    return items, layout_blocks


def assemble(  # noqa: C901, PLR0915 - one pass over the page items, one branch per kind
    name: str, pages: list[Page], notes: list[str], document_format: DocumentFormat
) -> SourceDocument:
    """The document the pages make: furniture removed, two-column blocks by column, paragraphs joined, tables."""
    _remove_furniture(pages, notes)
    geometry = _margins_by_size(pages)
    items, layout_blocks = _items(pages, geometry)
    slacks = {page.number: page.slack for page in pages}
    pitches = {page.number: page.pitch for page in pages}
    if layout_blocks:
        notes.append(f"{layout_blocks} two-column blocks (masthead, signature) read column by column")
    blocks: list[Block] = []
    paragraph: Paragraph | None = None
    line_number = 0
    table_number = 0
    joined = 0
    previous_table: tuple[Table, PageTable] | None = None

    def flush() -> None:
        nonlocal paragraph, line_number
        if paragraph is not None and paragraph.text.strip():
            line_number += 1
            blocks.append(paragraph.piece.line(line_number))
        paragraph = None

    for kind, value in items:
        if kind == "row":
            row: Row = value
            left, right = geometry[row.page]
            slack = slacks.get(row.page, 0.0)
            pitch = pitches.get(row.page, 0.0)
            if paragraph is not None and paragraph.last is not None and _continues(paragraph, row, left, slack, pitch):
                paragraph.piece = paragraph.piece.extended(_piece(row, slack))
                paragraph.last = row
                paragraph.right = right
                if paragraph.continuation is None:
                    paragraph.continuation = row.x0
                joined += 1
            else:
                flush()
                paragraph = Paragraph(_piece(row, slack), row if _prose(row, slack) else None, right, row.x0)
            previous_table = None
            continue
        flush()
        if kind == "layout":
            line_number += 1
            blocks.append(value.line(line_number))
            previous_table = None
        else:
            page_table: PageTable = value
            if previous_table is not None and _same_columns(previous_table[1], page_table):
                merged = _continue_table(previous_table[0], page_table)
                blocks[blocks.index(previous_table[0])] = merged
                previous_table = (merged, page_table)
                continue
            table_number += 1
            line_number += 1
            table = Table(
                cells=[_cell(page_table, r, c, rs, cs, t) for r, c, rs, cs, t in page_table.cells],
                number=table_number,
                line=line_number,
                page=page_table.page,
            )
            blocks.append(table)
            previous_table = (table, page_table)
    flush()
    if joined:
        notes.append(f"{joined} line breaks inside paragraphs joined")
    return SourceDocument(blocks=blocks, format=document_format, name=name, pages=len(pages), notes=tuple(notes))


def _margins_by_size(pages: list[Page]) -> dict[int, tuple[float, float]]:
    """Each page's text edges, taken from all pages of its size (a page of few lines says little alone)."""
    groups: dict[tuple[int, int], list[Page]] = {}
    for page in pages:
        groups.setdefault((round(page.width), round(page.height)), []).append(page)
    margins: dict[int, tuple[float, float]] = {}
    for group in groups.values():
        merged = Page(number=0, width=group[0].width, height=group[0].height)
        merged.rows = [row for page in group for row in page.rows]
        edges = _margins(merged)
        margins.update({page.number: edges for page in group})
    return margins


def _margins(page: Page) -> tuple[float, float]:
    """The left edge of body text (where nearly all lines start or start right of) and the right edge.

    The right edge is the farthest end shared by two lines or more (justified lines end there),
    else the farthest end.
    """
    single = [row for row in page.rows if len(row.segments) == 1]
    if not single:
        return (0.0, page.width)
    starts = sorted(round(row.x0) for row in single)
    left = float(starts[len(starts) // 10])
    ends = [round(row.x1) for row in single]
    common = [end for end in set(ends) if sum(1 for other in ends if abs(other - end) <= 1) >= 2]
    right = float(max(common)) if common else max(row.x1 for row in single)
    return (left, right)


def _continues(  # noqa: C901 - one test per way a line goes on or stops
    paragraph: Paragraph, row: Row, left: float, slack: float = 0.0, pitch: float = 0.0
) -> bool:
    """Whether ``row`` goes on with ``paragraph``: the paragraph's last line was full and ``row`` is not a new one."""
    last = paragraph.last
    if last is None or not _prose(row, slack):
        return False
    if slack and _inside_parenthesis(paragraph, row, left, pitch):
        return True
    if abs(row.size - last.size) > (max(1.0, 0.3 * min(row.size, last.size)) if slack else 1.0) and not (
        slack and _x_height_only(row.text) and _LEAST_X_HEIGHT * last.size <= row.size < last.size
    ):
        return False  # a scan's sizes come from OCR's line boxes, which vary with the letters on the line
    if row.page == last.page and _spaced(last, row, pitch):
        return False
    if (ITEM_START.match(row.text) and not (slack and _YEAR_START.match(row.text))) or (
        slack and SCAN_ITEM_START.match(row.text)
    ):
        return False  # a new item (on a scan, its mark perhaps damaged); a year ending a sentence is none
    if slack and last.text.rstrip().endswith(".") and _SCAN_ASSIGNMENT.match(row.text):
        return False  # "Giao Văn phòng … chủ trì" after a sentence's end: the assignment of the items above
    if slack and last.text.rstrip().endswith(".") and _field_label(row.text):
        return False  # "Đơn vị thực hiện: …" after a sentence's end: the field of the item above
    first_word = row.segments[0].first_word
    space = 0.25 * row.size
    width = paragraph.right - left
    middle = (left + paragraph.right) / 2
    centre = 0.35 * row.size  # centred lines stand within a third of a letter of the middle
    last_middle = (last.x0 + last.x1) / 2
    row_middle = (row.x0 + row.x1) / 2
    if abs(last_middle - middle) < centre and abs(row_middle - middle) < centre:
        # centred lines (titles): wrapped when the next line's first word would not have fitted on the line
        return (last.x1 - last.x0) + space + first_word > width - 0.5
    short = 2 * row.size
    if last.x0 > left + short and last.x1 < paragraph.right - short and abs(last_middle - middle) < short:
        # a centred line on a page scanned askew (its middle moved by the skew): a title line; the
        # next line goes on with it only when centred under it and the title had to wrap
        if abs(row_middle - last_middle) >= centre:
            return False
        return (last.x1 - last.x0) + space + first_word > width - 0.5
    if not _aligned(paragraph, row, left):
        return False
    if slack and _cut_mid_sentence(last, row, left, paragraph.right):
        return True
    return last.x1 + space + first_word + slack > paragraph.right - 0.5


_X_HEIGHT_LETTERS: Final = frozenset("acemnorsuvwxz")
_LEAST_X_HEIGHT: Final = 0.45
"""How small, of a line's size, OCR boxes a line of letters without ascenders, descenders or marks ("vu sau:")."""


def _x_height_only(text: str) -> bool:
    """Whether a scanned line is all low letters ("vu sau:", "cac xa."): OCR boxes it at their height, not the font's.

    Such a line holds no capital, digit, mark, ascender or descender, only "a c e m n o r s u v w x z" and the
    stops and commas of a sentence's end: its box is the letters' height, half the font's size or a little more.
    """
    letters = [ch for ch in text if not ch.isspace()]
    return (
        bool(letters)
        and all(ch in _X_HEIGHT_LETTERS or ch in ".,:;" for ch in letters)
        and any(ch.isalpha() for ch in letters)
    )


_OPEN_TAIL: Final = 80
"""How near its end a scanned paragraph's unclosed parenthesis stands to be still open: a responsibility or a
deadline in brackets closing an item ("… (Văn phòng HĐND" / "- UBND phường; quý II)")."""


def _inside_parenthesis(paragraph: Paragraph, row: Row, left: float, pitch: float) -> bool:
    """Whether ``row`` goes on with a parenthesis the paragraph opened near its end and did not close.

    A scanned line that ends inside brackets was cut by the page's width or by a break inside a name:
    the next line, at the margin, in the paragraph's pitch (a little more: a lone word's box drops with
    its descenders and the page's skew), goes on with it, even when it opens with a dash ("HĐND" /
    "- UBND phường") or OCR boxed its word smaller ("HĐND" in capitals). A numbered line never does.
    """
    last = paragraph.last
    if last is None or row.page != last.page:
        return False
    tail = paragraph.text[-_OPEN_TAIL:]
    opened = tail.rfind("(")
    if opened < 0 or ")" in tail[opened:]:
        return False
    if pitch and not 0 < row.bottom - last.bottom <= _PARENTHESIS_PITCH * pitch:
        return False
    text = row.text
    if (ITEM_START.match(text) and not text.startswith("- ")) or SCAN_ITEM_START.match(text):
        return False
    if not any(ch.islower() for ch in text) and sum(word.isalpha() for word in text.split()) >= _HEADING_WORDS:
        return False  # a heading in capitals ("TỔ CHỨC THỰC HIỆN"), not a name's abbreviation ("HĐND - UBND")
    return abs(row.x0 - left) <= row.size or abs(row.x0 - (paragraph.continuation or paragraph.first_x0)) <= row.size


_HEADING_WORDS: Final = 3
_PARENTHESIS_PITCH: Final = 1.5
"""The farthest (in the page's line pitches) a scanned line goes on with an open parenthesis above it."""

_OBJECT_WANTED: Final = re.compile(
    r"\b(?:can cu|va|cac|nhung|theo|tai|ve|cho|voi|de|tren|trong|duoc|viec|den|(?:tinh hinh|ket qua) thuc hien)$"
)
"""The words a sentence cannot stop at, folded, their object still to come ("… căn cứ" / "Kế hoạch này …",
"… tình hình thực hiện" / "Kế hoạch …"); "của" and "từ" are left out: folded, they are "cửa" and "Tư" too."""


def _cut_mid_sentence(last: Row, row: Row, left: float, right: float) -> bool:
    """Whether a scanned line that ends short goes on, by its words, on the next line opening with a capital.

    A hard line break inside a sentence ("1. Chủ tịch UBND xã …, căn cứ" / "Kế hoạch này tập trung …")
    prints a line ending short; the sentence goes on when the line is long (three quarters of the text
    width), ends in a word that wants its object (:data:`_OBJECT_WANTED`, read through OCR's confusions)
    and the next line opens with a capitalised word (a name: "Kế hoạch", "UBND"), not in capitals.
    """
    if last.x1 - left < 0.75 * (right - left):
        return False
    text = row.text
    if not text[:1].isupper() or ITEM_START.match(text) or SCAN_ITEM_START.match(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
        return False  # a heading in capitals
    tail = last.text.rstrip()[-40:]
    if not tail[-1:].isalpha():
        return False
    return _OBJECT_WANTED.search(fold(repair_text(tail)[0])) is not None


_YEAR_START: Final = re.compile(r"^(?:19|20)[0-9]{2}\.\s")
"""A scanned line opening with a year and a stop ("2030. Phòng Tài chính chủ trì"): the end of a span cut
by the line ("giai đoạn 2026 -" / "2030."), never an item's number."""
_SCAN_ASSIGNMENT: Final = re.compile(r"^Giao\s+[A-ZĐÀ-Ỹ]")
"""A scanned line opening with "Giao" and a body: an assignment line (short lines above may seem to wrap into it)."""
_SCAN_FIELD_LABEL: Final = re.compile(
    r"^(?:[-+•]\s+)?(?:(?:don vi|co quan|bo phan|nguoi|ca nhan|trach nhiem)\b[^:.;]{0,40}"
    r"|(?:chu tri|phoi hop|thoi gian|thoi han|tien do)\b[^:.;]{0,25}):"
)
"""A line opening with the label of a task's field, folded: who carries it out ("Đơn vị tham mưu thực hiện:",
"Cơ quan chủ trì:", "Trách nhiệm:") or when ("Thời hạn:", "Thời gian thực hiện:")."""


def _field_label(text: str) -> bool:
    """Whether a scanned line opens with a task's field label (read through OCR's confusions), its colon kept."""
    head = text[:60]
    return ":" in head and _SCAN_FIELD_LABEL.match(fold(repair_text(head)[0])) is not None


_PARAGRAPH_PITCH: Final = 1.2
"""A scanned line further below the one before than this many of the page's line pitches starts a paragraph."""


def _spaced(last: Row, row: Row, pitch: float) -> bool:
    """Whether ``row`` stands further below ``last`` than a paragraph's lines (on a scan: than the page's pitch)."""
    if pitch:
        return row.bottom - last.bottom > _PARAGRAPH_PITCH * pitch
    return row.top - last.bottom > 0.9 * row.size


def _aligned(paragraph: Paragraph, row: Row, left: float) -> bool:
    """Whether ``row`` starts where a further line of ``paragraph`` starts (not indented as a new one)."""
    tolerance = 0.5 * row.size
    if paragraph.continuation is not None:
        return abs(row.x0 - paragraph.continuation) <= tolerance
    first = paragraph.first_x0
    if ITEM_START.match(paragraph.text):  # an item: further lines under its text (hanging) or at the margin
        return left - tolerance <= row.x0 <= first + 2.5 * row.size
    if first > left + tolerance:  # an indented first line: further lines start left of it
        return row.x0 < first - tolerance
    return abs(row.x0 - first) <= tolerance


def _cell(  # noqa: PLR0913, PLR0917 - a cell's place, span and text, as the page's table gives them
    table: PageTable, row: int, column: int, rows: int, columns: int, text: str, *, offset: int = 0
) -> Cell:
    confidence = table.confidence.get((row, column))
    return Cell(
        text=text,
        row=row + offset,
        column=column,
        rows=rows,
        columns=columns,
        confidence=None if confidence is None else round(confidence),
    )


def _same_columns(before: PageTable, after: PageTable) -> bool:
    if after.page != before.page + 1 or len(before.columns) != len(after.columns):
        return False
    if after.measured_again:
        return True
    return all(abs(a - b) <= 3 for a, b in zip(before.columns, after.columns, strict=True))


def _continue_table(table: Table, page_table: PageTable) -> Table:
    cells = list(page_table.cells)
    first_row = sorted((c, t) for r, c, _, _, t in cells if r == 1)
    heading = sorted((cell.column, cell.text) for cell in table.cells if cell.row == 1)
    if first_row == heading:
        cells = [cell for cell in cells if cell[0] != 1]
        offset = table.row_count - 1
    else:
        offset = table.row_count
    kept = list(table.cells)
    if page_table.goes_on and cells:
        # the rest of the last row's cells, their lines cut by the page: joined to them
        last = table.row_count
        rest = {c: t for r, c, _, _, t in cells if r == 1 and t}
        kept = [
            attrs.evolve(cell, text=join(cell.text, rest[cell.column]) if cell.text else rest[cell.column])
            if cell.row + cell.rows - 1 == last and cell.column in rest
            else cell
            for cell in kept
        ]
        cells = [cell for cell in cells if cell[0] != 1]
        offset -= 1
    added = [_cell(page_table, r, c, rs, cs, t, offset=offset) for r, c, rs, cs, t in cells]
    return Table(cells=(*kept, *added), number=table.number, line=table.line, page=table.page)
