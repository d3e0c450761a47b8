"""Word documents (``.docx``): paragraphs as lines and tables as tables, as the author wrote them.

Needs python-docx (``pip install 'parplan[docx]'``), used to open the package; the document's
XML is then read directly, so that nothing Word shows is lost and nothing is repeated:

* **Paragraphs** become :class:`~parplan.read.source.Line` objects in reading order, empty ones
  left out. A soft line break (Shift+Enter) starts a new line, as it does on the page. The
  number or bullet Word's automatic numbering prints ("I.", "1.", "a)", "1.2.", "Điều 3.",
  "-") is written before the text, followed by one space, as a reader of the page sees it.
* **Tables** become :class:`~parplan.read.source.Table` objects: each cell once, at its
  top-left place, with its span (``gridSpan`` across, ``vMerge`` down); a cell's paragraphs and
  line breaks are joined by newlines.
* **Layout tables** (the masthead: issuer and number beside the national motto and the date;
  the closing: recipients beside the signature) are not data: they are read as lines, column
  by column (the left column top to bottom, then the right), which is the order of a Word copy
  made column by column and the order the PDF reader gives too. A table is a layout table when
  it has at most three columns and four rows and holds the motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
  "Độc lập"), a number line ("Số:"), the recipients ("Nơi nhận") or a signature line ("TM.",
  "KT.", "TL.", "TUQ.", "Q.").
* **Left out**: page headers and footers (page numbers, running titles), footnotes, comments,
  deleted text of tracked changes, hidden text. Text boxes are read after the paragraph that
  anchors them. Word files carry no pages (their layout is made when shown), so lines have no
  page number.

Refused with :class:`~parplan.errors.ReadError` before anything is expanded: a file larger
than ``max_bytes``, an encrypted (password-protected) file, an old binary ``.doc``, a zip bomb
(see :func:`parplan.read.formats._limits.check_zip`), a damaged file.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from parplan.errors import ReadError
from parplan.read.formats._limits import MAX_TEXT_CHARACTERS, check_file, check_zip, missing_extra
from parplan.read.source import Block, Cell, DocumentFormat, Line, SourceDocument, Table

__all__ = ["load"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FALLBACK: Final = f"{_MC}Fallback"
_CFB_MAGIC: Final = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_PACKAGE: Final = "EncryptedPackage".encode("utf-16-le")

Element = Any
"""An lxml element of the document (python-docx's own classes derive from it)."""

# containers whose children are read as if they stood in their parent's place
_TRANSPARENT: Final = frozenset(
    f"{_W}{name}" for name in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "dir", "bdo", "moveTo")
)
_SKIPPED: Final = frozenset(f"{_W}{name}" for name in ("del", "moveFrom", "pPr", "rPr"))
_SYMBOL_BULLETS: Final = {
    "\uf0b7": "•",
    "\uf02d": "-",
    "\uf0a7": "▪",
    "\uf0d8": "➢",
    "\uf076": "❖",
    "\uf0fc": "✓",
    "\uf0e0": "→",
    "\uf0a8": "•",
    "\uf06e": "■",
    "\uf071": "❑",
}


def load(path: Path, *, max_bytes: int) -> SourceDocument:
    """The Word document at ``path`` as lines and tables; :class:`ReadError` when it cannot be read."""
    size = check_file(path, max_bytes)
    _refuse_compound_file(path, size)
    try:
        import docx
        import docx.opc.exceptions
    except ImportError:
        raise missing_extra(path, "a Word document", "docx", "python-docx") from None
    from lxml import etree

    archive = check_zip(path, size)
    with archive:
        if "word/document.xml" not in archive.namelist() and "[Content_Types].xml" not in archive.namelist():
            raise ReadError(str(path), "is a zip file but not a Word document (no word/document.xml)")
    try:
        document = docx.Document(str(path))
        body = document.element.body
        numbering = _Numbering.of(document)
        styles = _StyleNumbering.of(document)
    except (
        docx.opc.exceptions.PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        OSError,
        EOFError,
        zlib.error,
        NotImplementedError,
        etree.LxmlError,
    ) as error:
        raise ReadError(str(path), f"is not a valid Word document: {_describe(error)}") from None
    reader = _Reader(path, numbering, styles)
    reader.read_body(body)
    return SourceDocument(blocks=reader.blocks, format=DocumentFormat.DOCX, name=path.name, notes=reader.notes())


def _describe(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _refuse_compound_file(path: Path, size: int) -> None:
    """An OLE compound file is a password-protected Word file or an old ``.doc``: say which."""
    with path.open("rb") as handle:
        head = handle.read(8)
        if head != _CFB_MAGIC:
            return
        # the directory of a small compound file sits in its first megabytes; look for the stream name
        data = handle.read(min(size, 8 * 1024 * 1024))
    if _ENCRYPTED_PACKAGE in data:
        raise ReadError(
            str(path),
            "is encrypted (password-protected): open it in Word, save it without a password and read it again",
        )
    raise ReadError(
        str(path), "is an old binary Word file (.doc) or another OLE file: save it as .docx (Word 2007 or later) first"
    )


# --- automatic numbering --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None
    legal: bool = False


@dataclass
class _Numbering:
    """Word's numbering definitions and the counters of each list as the document goes."""

    abstracts: dict[str, dict[int, _Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    unknown_formats: set[str] = field(default_factory=set)
    written: int = 0

    @classmethod
    def of(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            part = document.part.part_related_by(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
            )
        except KeyError:
            return numbering
        root = part.element
        for abstract in root.iterchildren(f"{_W}abstractNum"):
            numbering.abstracts[abstract.get(f"{_W}abstractNumId", "")] = dict(_levels(abstract))
        for num in root.iterchildren(f"{_W}num"):
            abstract_id = _val(num.find(f"{_W}abstractNumId")) or ""
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for override in num.iterchildren(f"{_W}lvlOverride"):
                level_number = _int(override.get(f"{_W}ilvl"), 0)
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    starts[level_number] = _int(_val(start), 1)
                level = override.find(f"{_W}lvl")
                if level is not None:
                    overrides[level_number] = _level(level)
            numbering.instances[num.get(f"{_W}numId", "")] = (abstract_id, starts, overrides)
        return numbering

    def label(self, num_id: str, level_number: int) -> tuple[str, str] | None:  # noqa: C901 - Word's counting rules
        """The label Word prints for the next paragraph of list ``num_id`` at ``level_number``, and its suffix."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        abstract_id, starts, overrides = instance
        levels = self.abstracts.get(abstract_id, {})

        def level_of(number: int) -> _Level:
            return overrides.get(number) or levels.get(number) or _Level(text=f"%{number + 1}.")

        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for number, start in starts.items():
                counters[number] = start - 1
                for lower in [key for key in counters if key > number]:
                    del counters[lower]
        level = level_of(level_number)
        counters[level_number] = counters.get(level_number, level.start - 1) + 1
        for lower in [key for key in counters if key > level_number]:
            restart = level_of(lower).restart
            if restart is None or restart != 0:
                del counters[lower]
        if level.format == "none":
            return None
        if level.format == "bullet":
            text = "".join(
                _SYMBOL_BULLETS.get(char, "•" if 0xE000 <= ord(char) <= 0xF8FF else char) for char in level.text
            )
            return (text.strip() or "•", level.suffix)

        def number_text(match: re.Match[str]) -> str:
            number = int(match.group(1)) - 1
            referenced = level_of(number)
            value = counters.get(number, referenced.start)
            fmt = "decimal" if level.legal and referenced.format != "decimalZero" else referenced.format
            return self._format(value, fmt)

        label = re.sub(r"%([1-9])", number_text, level.text).strip()
        return (label, level.suffix) if label else None

    def _format(self, value: int, fmt: str) -> str:
        if fmt == "decimal":
            return str(value)
        if fmt == "decimalZero":
            return f"{value:02d}"
        if fmt in {"upperRoman", "lowerRoman"}:
            roman = _roman(value)
            return roman if fmt == "upperRoman" else roman.lower()
        if fmt in {"upperLetter", "lowerLetter"}:
            letters = _letters(value)
            return letters if fmt == "upperLetter" else letters.lower()
        self.unknown_formats.add(fmt)
        return str(value)


def _levels(abstract: Element) -> Iterator[tuple[int, _Level]]:
    for level in abstract.iterchildren(f"{_W}lvl"):
        yield _int(level.get(f"{_W}ilvl"), 0), _level(level)


def _level(level: Element) -> _Level:
    start = level.find(f"{_W}start")
    fmt = level.find(f"{_W}numFmt")
    text = level.find(f"{_W}lvlText")
    suffix = level.find(f"{_W}suff")
    restart = level.find(f"{_W}lvlRestart")
    legal = level.find(f"{_W}isLgl")
    return _Level(
        start=_int(_val(start), 1),
        format=_val(fmt) or "decimal",
        text=_val(text) or "",
        suffix=_val(suffix) or "tab",
        restart=_int(_val(restart), 1) if restart is not None else None,
        legal=legal is not None and _val(legal) not in {"0", "false", "off"},
    )


def _val(element: Element | None) -> str | None:
    if element is None:
        return None
    value = element.get(f"{_W}val")
    return None if value is None else str(value)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    out = []
    for amount, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _letters(value: int) -> str:
    """Word's letters: A … Z, then AA … ZZ, then AAA …."""
    if value <= 0:
        return str(value)
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


@dataclass
class _StyleNumbering:
    """The numbering each paragraph style gives, following ``basedOn``."""

    own: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> _StyleNumbering:
        styles = cls()
        try:
            root = document.styles.element
        except (KeyError, NotImplementedError):
            return styles
        for style in root.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            if not style_id:
                continue
            based = style.find(f"{_W}basedOn")
            if based is not None and _val(based):
                styles.based_on[style_id] = str(_val(based))
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(f"{_W}numId"))
                level = _val(num_pr.find(f"{_W}ilvl"))
                styles.own[style_id] = (num_id, _int(level, 0) if level is not None else None)
        return styles

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.own:
                return self.own[style_id]
            style_id = self.based_on.get(style_id)
        return (None, None)


# --- reading the body -----------------------------------------------------------------------------


_LAYOUT_MARKERS: Final = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–—]|^\s*Số\s*:|Nơi nhận|^\s*(?:TM|KT|TL|TUQ|Q)\.\s",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class _Cell:
    lines: list[str]
    row: int
    column: int
    rows: int = 1
    columns: int = 1


class _Reader:
    def __init__(self, path: Path, numbering: _Numbering, styles: _StyleNumbering) -> None:
        self.path = path
        self.numbering = numbering
        self.styles = styles
        self.blocks: list[Block] = []
        self.line_number = 0
        self.table_number = 0
        self.characters = 0
        self.layout_tables = 0
        self.text_boxes = 0
        self.deleted = 0

    def notes(self) -> tuple[str, ...]:
        notes = ["page headers and footers left out"]
        if self.numbering.written:
            notes.append(f"automatic numbering written out on {self.numbering.written} paragraphs")
        if self.numbering.unknown_formats:
            formats = ", ".join(sorted(self.numbering.unknown_formats))
            notes.append(f"numbering formats read as decimal numbers: {formats}")
        if self.layout_tables:
            notes.append(f"{self.layout_tables} layout tables (masthead, signature) read as lines, column by column")
        if self.text_boxes:
            notes.append(f"{self.text_boxes} text boxes read after the paragraph that holds them")
        if self.deleted:
            notes.append(f"deleted text of tracked changes left out in {self.deleted} places")
        return tuple(notes)

    def _count(self, text: str) -> None:
        self.characters += len(text)
        if self.characters > MAX_TEXT_CHARACTERS:
            raise ReadError(str(self.path), f"is refused: it holds more than {MAX_TEXT_CHARACTERS} characters of text")

    def add_line(self, text: str) -> None:
        text = _tidy(text)
        if not text:
            return
        self._count(text)
        self.line_number += 1
        self.blocks.append(Line(text=text, number=self.line_number))

    def read_body(self, body: Element) -> None:
        for child in body.iterchildren():
            self.read_block(child)

    def read_block(self, element: Element) -> None:
        tag = element.tag
        if tag == f"{_W}p":
            lines, boxes = self.paragraph(element)
            for text in lines:
                self.add_line(text)
            for box in boxes:
                self.read_body(box)
        elif tag == f"{_W}tbl":
            self.table(element)
        elif tag in {f"{_W}sdt", f"{_W}customXml"}:
            content = element.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else element
            if content is not None:
                self.read_body(content)

    # -- paragraphs

    def paragraph(self, paragraph: Element) -> tuple[list[str], list[Element]]:
        """The lines of a paragraph (split at soft line breaks), numbered, and the text boxes it holds."""
        parts: list[str] = []
        boxes: list[Element] = []
        self._runs(paragraph, parts, boxes)
        text = "".join(parts)
        label = self._label(paragraph)
        if label is not None:
            mark, suffix = label
            text = mark + ("" if suffix == "nothing" else " ") + text.lstrip()
            self.numbering.written += 1
        return text.split("\n"), boxes

    def _label(self, paragraph: Element) -> tuple[str, str] | None:
        properties = paragraph.find(f"{_W}pPr")
        num_id: str | None = None
        level: int | None = None
        if properties is not None:
            num_pr = properties.find(f"{_W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(f"{_W}numId"))
                level_text = _val(num_pr.find(f"{_W}ilvl"))
                level = _int(level_text, 0) if level_text is not None else None
            if num_id is None:
                style = _val(properties.find(f"{_W}pStyle"))
                style_num, style_level = self.styles.numbering(style)
                num_id = style_num
                level = level if level is not None else style_level
        if num_id is None or num_id == "0":
            return None
        return self.numbering.label(num_id, level or 0)

    def _runs(self, element: Element, parts: list[str], boxes: list[Element]) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str):  # comments and processing instructions
                continue
            if tag == f"{_W}r":
                if not _hidden(child):
                    self._run(child, parts, boxes)
            elif tag in _TRANSPARENT:
                self._runs(child, parts, boxes)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self._runs(content, parts, boxes)
            elif tag in {f"{_W}del", f"{_W}moveFrom"}:
                self.deleted += 1

    def _run(self, run: Element, parts: list[str], boxes: list[Element]) -> None:  # noqa: C901 - one branch per element
        for child in run.iterchildren():
            tag = child.tag
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in {f"{_W}tab", f"{_W}ptab"}:
                parts.append("\t")
            elif tag == f"{_W}br":
                if child.get(f"{_W}type") in {None, "textWrapping"}:
                    parts.append("\n")
            elif tag == f"{_W}cr":
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}sym":
                char = _symbol(child.get(f"{_W}char"))
                if char:
                    parts.append(char)
            else:
                for box in child.iter(f"{_W}txbxContent"):
                    if not any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
                        boxes.append(box)
                        self.text_boxes += 1

    # -- tables

    def table(self, table: Element) -> None:
        cells = self._cells(table)
        if not cells:
            return
        if _is_layout(cells):
            self.layout_tables += 1
            for cell in sorted(cells, key=lambda c: (c.column, c.row)):
                for text in cell.lines:
                    self.add_line(text)
            return
        self.table_number += 1
        self.line_number += 1
        built: list[Cell] = []
        for cell in cells:
            text = "\n".join(cell.lines)
            self._count(text)
            built.append(Cell(text=text, row=cell.row, column=cell.column, rows=cell.rows, columns=cell.columns))
        self.blocks.append(Table(cells=built, number=self.table_number, line=self.line_number))

    def _cells(self, table: Element) -> list[_Cell]:
        cells: list[_Cell] = []
        open_cells: dict[int, _Cell] = {}  # grid column → the cell a vertical merge continues
        row_number = 0
        for row in _children(table, "tr"):
            row_number += 1
            column = 1 + _int(_val(row.find(f"{_W}trPr/{_W}gridBefore")), 0)
            for cell in _children(row, "tc"):
                properties = cell.find(f"{_W}tcPr")
                span = max(1, _int(_val(properties.find(f"{_W}gridSpan")), 1)) if properties is not None else 1
                merge = properties.find(f"{_W}vMerge") if properties is not None else None
                above = open_cells.get(column)
                continues = merge is not None and _val(merge) in {None, "continue"}
                if continues and above is not None and above.columns == span and above.row + above.rows == row_number:
                    above.rows += 1
                    column += span
                    continue
                entry = _Cell(lines=self._cell_lines(cell), row=row_number, column=column, columns=span)
                cells.append(entry)
                for covered in range(column, column + span):
                    open_cells.pop(covered, None)
                if merge is not None and _val(merge) == "restart":
                    open_cells[column] = entry
                column += span
        return cells

    def _cell_lines(self, cell: Element) -> list[str]:
        lines: list[str] = []
        for child in cell.iterchildren():
            if child.tag == f"{_W}p":
                texts, boxes = self.paragraph(child)
                lines.extend(texts)
                for box in boxes:
                    lines.extend(self._box_lines(box))
            elif child.tag == f"{_W}tbl":  # a table inside a cell: its rows as lines, cells joined by tabs
                nested = self._cells(child)
                lines.extend(
                    "\t".join("\n".join(c.lines) for c in nested if c.row == row)
                    for row in sorted({c.row for c in nested})
                )
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    lines.extend(self._cell_lines(content))
        return [text for text in (_tidy(line) for line in lines) if text]

    def _box_lines(self, box: Element) -> list[str]:
        lines: list[str] = []
        for paragraph in box.iter(f"{_W}p"):
            texts, _ = self.paragraph(paragraph)
            lines.extend(texts)
        return lines


def _children(element: Element, name: str) -> Iterator[Element]:
    """The ``w:name`` children of ``element``, looking through content controls and custom XML."""
    for child in element.iterchildren():
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _children(content, name)
        elif child.tag == f"{_W}customXml":
            yield from _children(child, name)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and _val(vanish) not in {"0", "false", "off"}


def _symbol(code: str | None) -> str:
    if not code:
        return ""
    try:
        char = chr(int(code, 16))
    except (ValueError, OverflowError):
        return ""
    if 0xF000 <= ord(char) <= 0xF0FF:
        return _SYMBOL_BULLETS.get(char, "")
    return char


def _tidy(text: str) -> str:
    """A line as shown: tabs kept (one for a run of them), other spaces as written, ends trimmed."""
    text = re.sub(r"\t+", "\t", text.replace("\u00ad", ""))
    text = "".join(char for char in text if char in "\t\n" or unicodedata.category(char) != "Cc")
    return text.strip()


def _is_layout(cells: list[_Cell]) -> bool:
    columns = max(cell.column + cell.columns - 1 for cell in cells)
    rows = max(cell.row + cell.rows - 1 for cell in cells)
    if columns > 3 or rows > 4 or columns < 2:
        return False
    return any(_LAYOUT_MARKERS.search(line) for cell in cells for line in cell.lines)
