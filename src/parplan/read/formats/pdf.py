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
Limits: a page turned by its ``/Rotate`` entry is read in its own, unturned space (as its text
runs); text set vertically is read as it lies; a table row cut by a page break is two rows.
"""

from __future__ import annotations

import bisect
import ctypes
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from parplan.errors import ReadError
from parplan.read.formats._layout import Glyph, Page, PageTable, assemble, cell_text, rows_of
from parplan.read.formats._limits import MAX_PAGES, MAX_TEXT_CHARACTERS, check_file, missing_extra
from parplan.read.source import DocumentFormat, SourceDocument

__all__ = ["load"]

_MAX_OBJECTS_FOR_RULINGS: Final = 50_000


def load(path: Path, *, max_bytes: int) -> SourceDocument:
    """The PDF at ``path`` as paragraphs and tables; :class:`ReadError` when it cannot be read."""
    check_file(path, max_bytes)
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise missing_extra(path, "a PDF document", "pdf", "pypdfium2") from None
    document = _open(path, pdfium)
    notes: list[str] = []
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
        scanned = [page.number for page in pages if page.glyphs == 0 and page.images > 0]
        document_format = DocumentFormat.PDF
        if scanned:
            from parplan.read.formats import ocr

            if len(scanned) == len([page for page in pages if page.glyphs or page.images]):
                # a scan: OCR is the only way, and its absence is an error
                read, ocr_notes = ocr.read_pdf_pages(path, document, scanned, whole=True)
                document_format = DocumentFormat.SCAN
                notes.extend(ocr_notes)
            else:
                read = _ocr_some(path, document, scanned, notes)
            pages = [read.get(page.number, page) for page in pages]
    finally:
        document.close()
    return assemble(path.name, pages, notes, document_format)


def _open(path: Path, pdfium: Any) -> Any:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise ReadError(
                str(path),
                "is an encrypted PDF (it asks for a password): save or print it without one and read it again",
            ) from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise ReadError(str(path), "is a PDF protected by a security handler parplan cannot open") from None
        raise ReadError(str(path), "is not a valid PDF (damaged or cut: its structure cannot be read)") from None
    except (OSError, ValueError) as error:
        raise ReadError(str(path), f"cannot be read as a PDF: {error}") from None


def _ocr_some(path: Path, document: Any, numbers: list[int], notes: list[str]) -> dict[int, Page]:
    """Pages without a text layer in a PDF that has text elsewhere: read by OCR when it can be, else noted."""
    from parplan.read.formats import ocr

    listed = ", ".join(str(number) for number in numbers)
    try:
        pages, ocr_notes = ocr.read_pdf_pages(path, document, numbers, whole=False)
    except ReadError as error:
        notes.append(f"pages without a text layer left unread ({listed}): {error.reason}")
        return {}
    notes.append(f"pages without a text layer read by OCR: {listed}")
    notes.extend(ocr_notes)
    return pages


# --- characters and rows of a page ----------------------------------------------------------------


def _read_page(path: Path, document: Any, index: int) -> Page:
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    try:
        page = document[index]
    except pdfium.PdfiumError:
        raise ReadError(str(path), f"is a damaged PDF: page {index + 1} cannot be read") from None
    try:
        return _page_content(raw, page, index + 1)
    except pdfium.PdfiumError:
        raise ReadError(str(path), f"is a damaged PDF: the text of page {index + 1} cannot be read") from None
    finally:
        page.close()


def _page_content(raw: Any, page: Any, number: int) -> Page:
    """The rows and ruled tables of a page of text, in the page's own (unrotated) space."""
    width, height = page.get_size()
    if page.get_rotation() in {90, 270}:  # the characters' boxes are given before the page is turned
        width, height = height, width
    result = Page(number=number, width=width, height=height)
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
    rest: list[Glyph] = []
    boxes: list[tuple[_Grid, list[Glyph]]] = [(table, []) for table in tables]
    for glyph in glyphs:
        for table, inside in boxes:
            if table.contains(glyph.cx, glyph.cy):
                inside.append(glyph)
                break
        else:
            rest.append(glyph)
    for table, inside in boxes:
        result.tables.append(table.build(inside, result.number))
    result.rows = rows_of(rest, result.number)
    return result


def _glyphs(raw: Any, textpage: Any, height: float) -> list[Glyph]:
    count = raw.FPDFText_CountChars(textpage.raw)
    if count <= 0:
        return []
    if count > MAX_TEXT_CHARACTERS:
        return []
    rect = raw.FS_RECTF()
    x = ctypes.c_double()
    y = ctypes.c_double()
    glyphs: list[Glyph] = []
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
            Glyph(
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

    def build(self, glyphs: list[Glyph], page: int) -> PageTable:
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
        contents: dict[tuple[int, int, int, int], list[Glyph]] = {span: [] for span in spans}
        for glyph in glyphs:
            i = min(max(bisect.bisect_right(self.ys, glyph.cy) - 1, 0), rows - 1)
            j = min(max(bisect.bisect_right(self.xs, glyph.cx) - 1, 0), columns - 1)
            contents[owner[(i, j)]].append(glyph)
        cells: list[tuple[int, int, int, int, str]] = []
        for i, j, height, width in spans:
            left, right = self.xs[j], self.xs[j + width]
            text = cell_text(contents[(i, j, height, width)], left, right)
            cells.append((i + 1, j + 1, height, width, text))
        return PageTable(cells=cells, columns=self.xs, top=self.ys[0], bottom=self.ys[-1], page=page)


def _tables(  # noqa: C901 - lines, their crossings, their groups, the grids
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
