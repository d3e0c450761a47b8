"""PDF documents with a text layer: paragraphs, tables and page numbers, the print's furniture removed.

Needs pypdfium2 (``pip install 'parplan[pdf]'``), the PDF engine of Chromium: it reads every
character of the text layer with its box, and the ruling lines of the page. From them:

* **Lines** are rebuilt from the characters (characters sharing a baseline), then **joined into
  paragraphs** the way a reader of the page joins them: a line that was full (the next line's
  first word would not have fitted after it) continues on the next line, unless the next line
  is indented, starts an item ("-", "+", "a)", "1.", "I.") or stands after a gap, a change of
  size or a page's furniture. A line that ends in a hyphen glued to a word ("…/QĐ-" then
  "UBND") is joined without a space; a soft hyphen is dropped. Each paragraph is one
  :class:`~parplan.read.source.Line` with the page it starts on.
* **Running headers and footers, page numbers** are removed: a line at the top or bottom of
  pages (the first or last two lines of a page, in its outer 15 %) that comes back at the same
  place on two pages or more and on at least 30 % of the pages (digits aside: "Trang 2", "2/6"
  and a date count as the same line), and any such line that is only a page number ("3",
  "- 3 -", "Trang 3", "3/12").
* **The masthead and the signature block**, two columns side by side, are read column by
  column: the left column's lines top to bottom, then the right column's (the order the Word
  reader gives). A column's line that continues with a small letter or a digit is joined to it
  ("…, ngày 08 tháng 01 năm" then "2022").
* **Tables** drawn with ruling lines become :class:`~parplan.read.source.Table` objects: the
  grid comes from the lines, a cell missing an inner line is a merged cell (given once with its
  span), the cell's text is joined like paragraphs; a table that goes on over the next page is
  one table, its repeated heading row dropped. Tables without ruling lines are not recovered
  as tables: their rows are lines whose columns are separated by tabs.
* **Pages without a text layer** (scans) are read by OCR (:mod:`parplan.read.formats.ocr`) when
  tesseract is installed; a PDF made only of such pages is refused otherwise, with what to
  install.

Refused with :class:`~parplan.errors.ReadError`: a file larger than ``max_bytes``, an encrypted
PDF (password to open), a damaged PDF, more than :data:`~parplan.read.formats._limits.MAX_PAGES`
pages, more than :data:`~parplan.read.formats._limits.MAX_TEXT_CHARACTERS` characters.
Limits: text in rotated pages or set vertically is read as it lies; a table row cut by a page
break is two rows.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from parplan.errors import ReadError
from parplan.read.formats._limits import MAX_PAGES, MAX_TEXT_CHARACTERS, check_file, missing_extra
from parplan.read.source import Block, Cell, DocumentFormat, Line, SourceDocument, Table

__all__ = ["load"]

_MAX_OBJECTS_FOR_RULINGS: Final = 50_000
_ITEM_START: Final = re.compile(
    r"^(?:[-+•–—*▪➢❖✓→]\s|[a-zđ]\)\s|\d+(?:\.\d+)*\.\s|\d+\)\s|[IVXLC]+\.\s|Điều\s+\d+|Phần\s+[IVX\d]|Chương\s+[IVX\d])",
)
_PAGE_NUMBER: Final = re.compile(
    r"^[-–—\s]*(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE
)
_LAYOUT_MARKER: Final = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–—]|^\s*Số\s*:|Nơi nhận|^\s*(?:TM|KT|TL|TUQ|Q)\.\s",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    space_before: bool = False

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Segment:
    text: str
    x0: float
    x1: float
    first_word: float = 0.0  # the width of its first word


@dataclass
class _Row:
    """A visual line: its segments (text separated by wide gaps) and its place on the page."""

    segments: list[_Segment]
    top: float
    bottom: float
    baseline: float
    size: float
    page: int

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
class _PageTable:
    cells: list[tuple[int, int, int, int, str]]  # row, column, rows, columns, text
    columns: list[float]
    top: float
    bottom: float
    page: int


@dataclass
class _Page:
    number: int
    width: float
    height: float
    rows: list[_Row] = field(default_factory=list)
    tables: list[_PageTable] = field(default_factory=list)
    glyphs: int = 0
    images: int = 0


def load(path: Path, *, max_bytes: int) -> SourceDocument:
    """The PDF at ``path`` as paragraphs and tables; :class:`ReadError` when it cannot be read."""
    check_file(path, max_bytes)
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise missing_extra(path, "a PDF document", "pdf", "pypdfium2") from None
    document = _open(path, pdfium)
    try:
        count = len(document)
        if count == 0:
            raise ReadError(str(path), "is a PDF without pages")
        if count > MAX_PAGES:
            raise ReadError(str(path), f"is refused: it has {count} pages (at most {MAX_PAGES} are read)")
        pages = [_read_page(path, document, index) for index in range(count)]
        characters = sum(page.glyphs for page in pages)
        if characters > MAX_TEXT_CHARACTERS:
            raise ReadError(str(path), f"is refused: it holds more than {MAX_TEXT_CHARACTERS} characters of text")
        notes: list[str] = []
        scanned = [page.number for page in pages if page.glyphs == 0 and page.images > 0]
        if scanned and len(scanned) == len([page for page in pages if page.glyphs or page.images]):
            from parplan.read.formats import ocr

            return ocr.read_pdf(path, document)
        ocr_lines: dict[int, list[Line]] = {}
        if scanned:
            ocr_lines = _ocr_some(path, document, scanned, notes)
    finally:
        document.close()
    return _assemble(path, pages, ocr_lines, notes)


def _open(path: Path, pdfium: Any) -> Any:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise ReadError(
                str(path), "is an encrypted PDF (it asks for a password): save or print it without one and read it again"
            ) from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise ReadError(str(path), "is a PDF protected by a security handler parplan cannot open") from None
        raise ReadError(str(path), "is not a valid PDF (damaged or cut: its structure cannot be read)") from None
    except (OSError, ValueError) as error:
        raise ReadError(str(path), f"cannot be read as a PDF: {error}") from None


def _ocr_some(path: Path, document: Any, numbers: list[int], notes: list[str]) -> dict[int, list[Line]]:
    from parplan.read.formats import ocr

    listed = ", ".join(str(number) for number in numbers)
    try:
        lines, ocr_notes = ocr.read_pdf_pages(path, document, numbers)
    except ReadError as error:
        notes.append(f"pages without a text layer not read ({listed}): {error.reason}")
        return {}
    notes.append(f"pages without a text layer read by OCR: {listed}")
    notes.extend(ocr_notes)
    return lines


# --- characters and rows of a page ----------------------------------------------------------------


def _read_page(path: Path, document: Any, index: int) -> _Page:
    import pypdfium2.raw as raw

    import pypdfium2 as pdfium

    try:
        page = document[index]
    except pdfium.PdfiumError:
        raise ReadError(str(path), f"is a damaged PDF: page {index + 1} cannot be read") from None
    try:
        width, height = page.get_size()
        result = _Page(number=index + 1, width=width, height=height)
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(raw, textpage, height)
        finally:
            textpage.close()
        result.glyphs = len(glyphs)
        objects = raw.FPDFPage_CountObjects(page.raw)
        horizontals: list[tuple[float, float, float]] = []
        verticals: list[tuple[float, float, float]] = []
        if objects <= _MAX_OBJECTS_FOR_RULINGS:
            for position in range(objects):
                obj = raw.FPDFPage_GetObject(page.raw, position)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_IMAGE:
                    result.images += 1
                elif kind == raw.FPDF_PAGEOBJ_PATH:
                    _ruling(raw, obj, height, horizontals, verticals)
        tables = _tables(horizontals, verticals)
        rest: list[_Glyph] = []
        boxes = [(table, []) for table in tables]
        for glyph in glyphs:
            for table, inside in boxes:
                if table.contains(glyph.cx, glyph.cy):
                    inside.append(glyph)
                    break
            else:
                rest.append(glyph)
        for table, inside in boxes:
            result.tables.append(table.build(inside, result.number))
        result.rows = _rows(rest, result.number)
        return result
    finally:
        page.close()


def _glyphs(raw: Any, textpage: Any, height: float) -> list[_Glyph]:
    count = raw.FPDFText_CountChars(textpage.raw)
    if count <= 0:
        return []
    if count > MAX_TEXT_CHARACTERS:
        return []
    rect = raw.FS_RECTF()
    x = ctypes.c_double()
    y = ctypes.c_double()
    glyphs: list[_Glyph] = []
    pending_space = False
    handle = textpage.raw
    for index in range(count):
        code = raw.FPDFText_GetUnicode(handle, index)
        if code in {0x0D, 0x0A}:
            pending_space = True
            continue
        char = chr(code) if code < 0x110000 else "\ufffd"
        if 0xD800 <= code <= 0xDFFF:
            continue
        if char == "\x02":  # pdfium's mark for a hyphen that ends a line: a hyphen drawn on the page
            char = "-"
        elif char.isspace() or unicodedata.category(char) == "Cc":
            pending_space = True
            continue
        if not raw.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(rect)):
            continue
        raw.FPDFText_GetCharOrigin(handle, index, ctypes.byref(x), ctypes.byref(y))
        size = raw.FPDFText_GetFontSize(handle, index) or (rect.top - rect.bottom)
        glyphs.append(
            _Glyph(
                char=char,
                x0=rect.left,
                x1=rect.right,
                top=height - rect.top,
                bottom=height - rect.bottom,
                baseline=height - y.value,
                size=max(size, 1.0),
                space_before=pending_space,
            )
        )
        pending_space = False
    return glyphs


def _cluster_rows(glyphs: Sequence[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped by baseline, top to bottom; each group left to right."""
    ordered = sorted(glyphs, key=lambda g: (g.baseline, g.x0))
    groups: list[list[_Glyph]] = []
    baselines: list[float] = []
    for glyph in ordered:
        if groups and abs(glyph.baseline - baselines[-1]) <= 0.35 * max(glyph.size, groups[-1][0].size):
            groups[-1].append(glyph)
            continue
        groups.append([glyph])
        baselines.append(glyph.baseline)
    return [sorted(group, key=lambda g: g.x0) for group in groups]


def _word_gap(glyphs: list[_Glyph]) -> float:
    """The usual gap between words of a row (justified rows stretch them all alike)."""
    gaps = [
        b.x0 - a.x1
        for a, b in zip(glyphs, glyphs[1:], strict=False)
        if b.space_before or b.x0 - a.x1 > 0.15 * max(a.size, b.size)
    ]
    return statistics.median(gaps) if gaps else 0.0


def _segments(glyphs: list[_Glyph], split: bool) -> list[_Segment]:
    word_gap = _word_gap(glyphs) if split else 0.0
    segments: list[_Segment] = []
    parts: list[str] = []
    start = glyphs[0].x0
    first_word_end: float | None = None
    previous: _Glyph | None = None
    for glyph in glyphs:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            size = max(glyph.size, previous.size)
            if split and (gap > 1.8 * size or (gap > 0.8 * size and gap > 3 * word_gap)):
                segments.append(_Segment(_join_glyphs(parts), start, previous.x1, (first_word_end or previous.x1) - start))
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
        segments.append(_Segment(_join_glyphs(parts), start, previous.x1, (first_word_end or previous.x1) - start))
    return [segment for segment in segments if segment.text]


def _join_glyphs(parts: list[str]) -> str:
    text = re.sub(r" {2,}", " ", "".join(parts)).strip()
    return unicodedata.normalize("NFC", text)


def _rows(glyphs: list[_Glyph], page: int) -> list[_Row]:
    rows: list[_Row] = []
    for group in _cluster_rows(glyphs):
        segments = _segments(group, split=True)
        if not segments:
            continue
        rows.append(
            _Row(
                segments=segments,
                top=min(g.top for g in group),
                bottom=max(g.bottom for g in group),
                baseline=statistics.median(g.baseline for g in group),
                size=statistics.median(g.size for g in group),
                page=page,
            )
        )
    return rows


# --- ruling lines and tables ----------------------------------------------------------------------


def _ruling(
    raw: Any,
    obj: Any,
    height: float,
    horizontals: list[tuple[float, float, float]],
    verticals: list[tuple[float, float, float]],
) -> None:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return
    x0, x1 = left.value, right.value
    y0, y1 = height - top.value, height - bottom.value
    width, tall = x1 - x0, y1 - y0
    if tall <= 2.5 and width >= 3:
        horizontals.append(((y0 + y1) / 2, x0, x1))
    elif width <= 2.5 and tall >= 3:
        verticals.append(((x0 + x1) / 2, y0, y1))
    elif width >= 3 and tall >= 3 and raw.FPDFPath_CountSegments(obj) in {4, 5}:
        # a rectangle drawn as an outline (not a filled background, not a page's frame): its four edges
        fill = ctypes.c_int()
        stroke = ctypes.c_int()
        if raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) and stroke.value and not fill.value:
            horizontals.extend([(y0, x0, x1), (y1, x0, x1)])
            verticals.extend([(x0, y0, y1), (x1, y0, y1)])


def _merge_lines(lines: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear ruling lines (same position within 1.5 pt) joined where they touch."""
    merged: list[tuple[float, float, float]] = []
    for position, start, end in sorted(lines, key=lambda line: (round(line[0]), line[1])):
        if merged:
            last_position, last_start, last_end = merged[-1]
            if abs(position - last_position) <= 1.5 and start <= last_end + 2:
                merged[-1] = (last_position, last_start, max(last_end, end))
                continue
        merged.append((position, start, end))
    return merged


@dataclass
class _Grid:
    xs: list[float]
    ys: list[float]
    horizontals: list[tuple[float, float, float]]
    verticals: list[tuple[float, float, float]]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def _vertical_at(self, x: float, y: float) -> bool:
        return any(abs(px - x) <= 2 and start - 1 <= y <= end + 1 for px, start, end in self.verticals)

    def _horizontal_at(self, y: float, x: float) -> bool:
        return any(abs(py - y) <= 2 and start - 1 <= x <= end + 1 for py, start, end in self.horizontals)

    def build(self, glyphs: list[_Glyph], page: int) -> _PageTable:
        rows, columns = len(self.ys) - 1, len(self.xs) - 1
        owner: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        spans: list[tuple[int, int, int, int]] = []
        for i in range(rows):
            middle_y = (self.ys[i] + self.ys[i + 1]) / 2
            for j in range(columns):
                if (i, j) in owner:
                    continue
                width = 1
                while j + width < columns and not self._vertical_at(self.xs[j + width], middle_y):
                    width += 1
                height = 1
                while i + height < rows and not any(
                    self._horizontal_at(self.ys[i + height], (self.xs[k] + self.xs[k + 1]) / 2)
                    for k in range(j, j + width)
                ):
                    height += 1
                span = (i, j, height, width)
                spans.append(span)
                for a in range(i, i + height):
                    for b in range(j, j + width):
                        owner[(a, b)] = span
        contents: dict[tuple[int, int, int, int], list[_Glyph]] = {span: [] for span in spans}
        for glyph in glyphs:
            i = min(max(bisect.bisect_right(self.ys, glyph.cy) - 1, 0), rows - 1)
            j = min(max(bisect.bisect_right(self.xs, glyph.cx) - 1, 0), columns - 1)
            contents[owner[(i, j)]].append(glyph)
        cells: list[tuple[int, int, int, int, str]] = []
        for i, j, height, width in spans:
            left, right = self.xs[j], self.xs[j + width]
            text = _cell_text(contents[(i, j, height, width)], left, right)
            cells.append((i + 1, j + 1, height, width, text))
        return _PageTable(cells=cells, columns=self.xs, top=self.ys[0], bottom=self.ys[-1], page=page)


def _tables(
    horizontals: list[tuple[float, float, float]], verticals: list[tuple[float, float, float]]
) -> list[_Grid]:
    if len(horizontals) < 2 or len(verticals) < 2:
        return []
    hs = _merge_lines(horizontals)
    vs = _merge_lines(verticals)
    parent = list(range(len(hs) + len(vs)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, (y, hx0, hx1) in enumerate(hs):
        for b, (x, vy0, vy1) in enumerate(vs):
            if hx0 - 2 <= x <= hx1 + 2 and vy0 - 2 <= y <= vy1 + 2:
                parent[find(a)] = find(len(hs) + b)
    groups: dict[int, tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]] = {}
    for a, line in enumerate(hs):
        groups.setdefault(find(a), ([], []))[0].append(line)
    for b, line in enumerate(vs):
        groups.setdefault(find(len(hs) + b), ([], []))[1].append(line)
    grids: list[_Grid] = []
    for group_h, group_v in groups.values():
        if len(group_h) < 2 or len(group_v) < 2:
            continue
        xs = _positions(x for x, _, _ in group_v)
        ys = _positions(y for y, _, _ in group_h)
        if len(xs) < 2 or len(ys) < 2 or len(xs) * len(ys) > 40_000:
            continue
        if len(xs) == 2 and len(ys) == 2:  # a frame around text (a page box, a bordered paragraph): not a table
            continue
        grids.append(_Grid(xs=xs, ys=ys, horizontals=group_h, verticals=group_v))
    return sorted(grids, key=lambda grid: grid.ys[0])


def _positions(values: Iterable[float]) -> list[float]:
    positions: list[float] = []
    for value in sorted(values):
        if positions and value - positions[-1] <= 2:
            continue
        positions.append(value)
    return positions


def _cell_text(glyphs: list[_Glyph], left: float, right: float) -> str:
    if not glyphs:
        return ""
    rows = []
    for group in _cluster_rows(glyphs):
        [segment] = _segments(group, split=False) or [_Segment("", group[0].x0, group[-1].x1)]
        if segment.text:
            rows.append((segment, statistics.median(g.size for g in group)))
    if not rows:
        return ""
    pad = min(max(min(segment.x0 for segment, _ in rows) - left, 0.5), 6.0)
    available = (right - left) - 2 * pad
    text = rows[0][0].text
    previous = rows[0]
    for segment, size in rows[1:]:
        previous_segment, previous_size = previous
        wrapped = (previous_segment.x1 - previous_segment.x0) + 0.25 * size + segment.first_word > available
        text = _join(text, segment.text) if wrapped and not _ITEM_START.match(segment.text) else text + "\n" + segment.text
        previous = (segment, size)
    return text


def _join(before: str, after: str) -> str:
    """Two pieces of a paragraph broken at the end of a line, joined as one."""
    if before.endswith("\u00ad"):
        return before[:-1] + after
    if before.endswith("-") and len(before) > 1 and not before[-2].isspace():
        return before + after
    return before + " " + after


# --- furniture: running headers, footers, page numbers --------------------------------------------


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _remove_furniture(pages: list[_Page], notes: list[str]) -> None:
    candidates: list[tuple[_Page, _Row, str]] = []
    for page in pages:
        rows = sorted(page.rows, key=lambda row: row.top)
        edge = 0.15 * page.height
        for row in rows[:2]:
            if row.top <= edge:
                candidates.append((page, row, "top"))
        for row in rows[-2:]:
            if row.bottom >= page.height - edge and all(row is not c[1] for c in candidates):
                candidates.append((page, row, "bottom"))
    def key_of(page: _Page, row: _Row, band: str) -> tuple[str, str, int]:
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
        if _PAGE_NUMBER.match(row.text):
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


def _layout_blocks(rows: list[_Row], margins: tuple[float, float]) -> list[tuple[int, int, float]]:
    """Runs of rows (start, end exclusive, gutter x) that stand in two columns and hold a layout marker.

    A run grows from a row of two segments, up (through rows close above) and down, while each
    row's segments keep clear of a gutter between the columns; a line centred on the page (a
    title) ends it.
    """
    middle = (margins[0] + margins[1]) / 2
    tolerance = 0.03 * (margins[1] - margins[0])

    def centred(row: _Row) -> bool:
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

        def narrowed(candidate: _Row, interval: tuple[float, float]) -> tuple[float, float] | None:
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
        if any(_LAYOUT_MARKER.search(segment.text) for r in rows[start:end] for segment in r.segments):
            blocks.append((start, end, (free[0] + free[1]) / 2))
            index = end
        else:
            index += 1
    return blocks


def _column_lines(rows: list[_Row], gutter: float) -> list[tuple[str, int]]:
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    for row in rows:
        for segment in row.segments:
            side = left if segment.x1 <= gutter else right
            if side and (segment.text[:1].islower() or segment.text[:1].isdigit()) and not side[-1][0].endswith(":"):
                side[-1] = (_join(side[-1][0], segment.text), side[-1][1])
            else:
                side.append((segment.text, row.page))
    return left + right


# --- assembling the document ----------------------------------------------------------------------


@dataclass
class _Paragraph:
    text: str
    page: int
    last: _Row | None  # the row it ends with, while it may go on
    right: float = 0.0  # the right edge of the text on the last row's page
    first_x0: float = 0.0  # where its first line starts
    continuation: float | None = None  # where its further lines start


def _assemble(path: Path, pages: list[_Page], ocr_lines: dict[int, list[Line]], notes: list[str]) -> SourceDocument:
    _remove_furniture(pages, notes)
    items: list[tuple[str, Any]] = []  # ("row", _Row) | ("layout", (text, page)) | ("table", _PageTable) | ("ocr", Line)
    layout_blocks = 0
    geometry = _margins_by_size(pages)
    for page in pages:
        if page.number in ocr_lines:
            items.extend(("ocr", line) for line in ocr_lines[page.number])
            continue
        rows = sorted(page.rows, key=lambda row: row.top)
        blocks = _layout_blocks(rows, geometry[page.number])
        layout_blocks += len(blocks)
        placed: list[tuple[float, str, Any]] = []
        skip: set[int] = set()
        for start, end, gutter in blocks:
            placed.extend((rows[start].top, "layout", line) for line in _column_lines(rows[start:end], gutter))
            skip.update(range(start, end))
        placed.extend((row.top, "row", row) for index, row in enumerate(rows) if index not in skip)
        placed.extend((table.top, "table", table) for table in page.tables)
        placed.sort(key=lambda item: item[0])
        items.extend((kind, value) for _, kind, value in placed)
    if layout_blocks:
        notes.append(f"{layout_blocks} two-column blocks (masthead, signature) read column by column")
    blocks: list[Block] = []
    paragraph: _Paragraph | None = None
    line_number = 0
    table_number = 0
    joined = 0
    previous_table: tuple[Table, _PageTable] | None = None

    def flush() -> None:
        nonlocal paragraph, line_number
        if paragraph is not None and paragraph.text.strip():
            line_number += 1
            blocks.append(Line(text=paragraph.text.replace("\u00ad", "").strip(), number=line_number, page=paragraph.page))
        paragraph = None

    for kind, value in items:
        if kind == "row":
            row: _Row = value
            left, right = geometry[row.page]
            if paragraph is not None and paragraph.last is not None and _continues(paragraph, row, left):
                paragraph.text = _join(paragraph.text, row.text)
                paragraph.last = row
                paragraph.right = right
                if paragraph.continuation is None:
                    paragraph.continuation = row.x0
                joined += 1
            else:
                flush()
                paragraph = _Paragraph(row.text, row.page, row if len(row.segments) == 1 else None, right, row.x0)
            previous_table = None
            continue
        flush()
        if kind == "layout":
            text, page_number = value
            line_number += 1
            blocks.append(Line(text=text, number=line_number, page=page_number))
            previous_table = None
        elif kind == "ocr":
            line_number += 1
            blocks.append(Line(text=value.text, number=line_number, page=value.page, confidence=value.confidence))
            previous_table = None
        else:
            page_table: _PageTable = value
            if previous_table is not None and _same_columns(previous_table[1], page_table):
                merged = _continue_table(previous_table[0], page_table)
                blocks[blocks.index(previous_table[0])] = merged
                previous_table = (merged, page_table)
                continue
            table_number += 1
            line_number += 1
            table = Table(
                cells=[Cell(text=t, row=r, column=c, rows=rs, columns=cs) for r, c, rs, cs, t in page_table.cells],
                number=table_number,
                line=line_number,
                page=page_table.page,
            )
            blocks.append(table)
            previous_table = (table, page_table)
    flush()
    if joined:
        notes.append(f"{joined} line breaks inside paragraphs joined")
    return SourceDocument(
        blocks=blocks, format=DocumentFormat.PDF, name=path.name, pages=len(pages), notes=tuple(notes)
    )


def _margins_by_size(pages: list[_Page]) -> dict[int, tuple[float, float]]:
    """Each page's text edges, taken from all pages of its size (a page of few lines says little alone)."""
    groups: dict[tuple[int, int], list[_Page]] = {}
    for page in pages:
        groups.setdefault((round(page.width), round(page.height)), []).append(page)
    margins: dict[int, tuple[float, float]] = {}
    for group in groups.values():
        merged = _Page(number=0, width=group[0].width, height=group[0].height)
        merged.rows = [row for page in group for row in page.rows]
        edges = _margins(merged)
        margins.update({page.number: edges for page in group})
    return margins


def _margins(page: _Page) -> tuple[float, float]:
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


def _continues(paragraph: _Paragraph, row: _Row, left: float) -> bool:
    """Whether ``row`` goes on with ``paragraph``: the paragraph's last line was full and ``row`` is not a new one."""
    last = paragraph.last
    if last is None or len(row.segments) != 1:
        return False
    if abs(row.size - last.size) > 1.0:
        return False
    if row.page == last.page and row.top - last.bottom > 0.9 * row.size:
        return False
    if _ITEM_START.match(row.text):
        return False
    first_word = row.segments[0].first_word
    space = 0.25 * row.size
    width = paragraph.right - left
    middle = (left + paragraph.right) / 2
    centre = 0.35 * row.size  # centred lines stand within a third of a letter of the middle
    if abs((last.x0 + last.x1) / 2 - middle) < centre and abs((row.x0 + row.x1) / 2 - middle) < centre:
        # centred lines (titles): wrapped when the next line's first word would not have fitted on the line
        return (last.x1 - last.x0) + space + first_word > width - 0.5
    if not _aligned(paragraph, row, left):
        return False
    return last.x1 + space + first_word > paragraph.right - 0.5


def _aligned(paragraph: _Paragraph, row: _Row, left: float) -> bool:
    """Whether ``row`` starts where a further line of ``paragraph`` starts (not indented as a new one)."""
    tolerance = 0.5 * row.size
    if paragraph.continuation is not None:
        return abs(row.x0 - paragraph.continuation) <= tolerance
    first = paragraph.first_x0
    if _ITEM_START.match(paragraph.text):  # an item: further lines under its text (hanging) or at the margin
        return left - tolerance <= row.x0 <= first + 2.5 * row.size
    if first > left + tolerance:  # an indented first line: further lines start left of it
        return row.x0 < first - tolerance
    return abs(row.x0 - first) <= tolerance


def _same_columns(before: _PageTable, after: _PageTable) -> bool:
    if after.page != before.page + 1 or len(before.columns) != len(after.columns):
        return False
    return all(abs(a - b) <= 3 for a, b in zip(before.columns, after.columns, strict=True))


def _continue_table(table: Table, page_table: _PageTable) -> Table:
    cells = list(page_table.cells)
    first_row = sorted((c, t) for r, c, _, _, t in cells if r == 1)
    heading = sorted((cell.column, cell.text) for cell in table.cells if cell.row == 1)
    if first_row == heading:
        cells = [cell for cell in cells if cell[0] != 1]
        offset = table.row_count - 1
    else:
        offset = table.row_count
    added = [Cell(text=t, row=r + offset, column=c, rows=rs, columns=cs) for r, c, rs, cs, t in cells]
    return Table(cells=(*table.cells, *added), number=table.number, line=table.line, page=table.page)
