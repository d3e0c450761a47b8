"""A document as the readers of formats give it to the plan reader: lines and tables with their places.

Every format reader (plain text, Word, PDF with a text layer, scans through OCR,
spreadsheets) turns its file into one :class:`SourceDocument`: the blocks of the
document in reading order, each :class:`Line` with its line number (and page),
each :class:`Table` with its cells (and their row, column, span and, in a
spreadsheet, their cell reference). The plan reader never sees the file; it reads
these blocks and points every field it fills at the line, page or cell it came
from.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeAlias

import attrs

from parplan._values import (
    lets_none_through,
    nfc,
    nfc_or_none,
    nfc_tuple,
    non_empty_items,
    non_empty_or_none,
    to_tuple,
    typed_fields,
)
from parplan.errors import InvariantError
from parplan.source import SourceLocation

__all__ = ["Block", "Cell", "DocumentFormat", "Line", "SourceDocument", "Table"]


class DocumentFormat(StrEnum):
    """The format a document was read from."""

    TEXT = "text"
    """Plain text (``.txt``, ``.md``), as copied from a Word file or a web page."""
    DOCX = "docx"
    """A Word document."""
    PDF = "pdf"
    """A PDF with a text layer."""
    SCAN = "scan"
    """A scanned PDF or an image, read by OCR."""
    XLSX = "xlsx"
    """A spreadsheet (an appendix of tasks)."""
    HTML = "html"
    """A web page (``.html``, ``.htm``), saved from a portal or written by parplan."""


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise InvariantError(f"{type(instance).__name__}.{attribute.name}", value, "must be at least 1")


@lets_none_through
def _positive_or_none(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value < 1:
        raise InvariantError(f"{type(instance).__name__}.{attribute.name}", value, "must be at least 1")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Line:
    """One line of text: its text in NFC, its line number in the extracted text (from 1), its page (from 1).

    ``confidence`` is the OCR engine's own confidence in the line (0 to 100),
    for scans.
    """

    text: str = attrs.field(converter=nfc)
    number: int = attrs.field(validator=_positive)
    page: int | None = attrs.field(default=None, validator=_positive_or_none)
    confidence: int | None = None

    @property
    def origin(self) -> SourceLocation:
        """Where the line is, as a field's source names it."""
        return SourceLocation(line=self.number, page=self.page)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Cell:
    """One cell of a table: its text (lines joined by newlines), its row and column (from 1) and its span.

    A merged cell is given once, at its top-left position, with ``rows`` and
    ``columns`` its span; the cells it covers are not repeated. ``ref`` is the
    spreadsheet reference ("C12") when the table is a sheet; ``doubts`` say,
    naming the sheet and the cell, why its text may not be what the sheet shows
    (a formula, a date stored as a number, an error value). ``confidence`` is the
    OCR engine's own confidence in the cell's words (0 to 100), for scans.
    ``line`` is the line of the source file where the cell's row starts (a web page's
    ``<tr>``), so that a reviewer can find it.
    """

    text: str = attrs.field(converter=nfc)
    row: int = attrs.field(validator=_positive)
    column: int = attrs.field(validator=_positive)
    rows: int = attrs.field(default=1, validator=_positive)
    columns: int = attrs.field(default=1, validator=_positive)
    ref: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    doubts: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    confidence: int | None = None
    line: int | None = attrs.field(default=None, validator=_positive_or_none)


def _cells(values: Iterable[Cell]) -> tuple[Cell, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Table:
    """A table: its cells in reading order, the line it stands at, its page and, for a sheet, its name.

    ``number`` counts the tables of the document from 1; ``line`` is the line
    number the table takes the place of in the document's reading order.
    """

    cells: tuple[Cell, ...] = attrs.field(converter=_cells)
    number: int = attrs.field(validator=_positive)
    line: int | None = attrs.field(default=None, validator=_positive_or_none)
    page: int | None = attrs.field(default=None, validator=_positive_or_none)
    sheet: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    @property
    def row_count(self) -> int:
        """How many rows the table has."""
        return max((cell.row + cell.rows - 1 for cell in self.cells), default=0)

    def rows(self) -> tuple[tuple[Cell, ...], ...]:
        """The cells grouped by the row they start on, in column order."""
        grouped: dict[int, list[Cell]] = {}
        for cell in self.cells:
            grouped.setdefault(cell.row, []).append(cell)
        return tuple(tuple(sorted(grouped[row], key=lambda c: c.column)) for row in sorted(grouped))

    def origin(self, cell: Cell) -> SourceLocation:
        """Where ``cell`` is, as a field's source names it."""
        return SourceLocation(
            table=self.sheet or f"table {self.number}",
            row=str(cell.row),
            column=str(cell.column),
            page=self.page,
            sheet=self.sheet,
            cell=cell.ref,
            line=cell.line,
        )


Block: TypeAlias = Line | Table
"""A line or a table of a document."""


def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SourceDocument:
    """A document read from a file, in reading order, before any of it is understood.

    ``name`` is the file's name; ``format`` what it was read from; ``pages``
    how many pages it has (None for text); ``notes`` what the format reader
    did or doubts ("legacy TCVN3 encoding converted", "page numbers removed
    from 12 lines", "OCR: tesseract 5.3, vie").
    """

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks)
    format: DocumentFormat
    name: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    pages: int | None = attrs.field(default=None, validator=_positive_or_none)
    notes: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)

    def lines(self) -> tuple[Line, ...]:
        """The lines of the document, tables left out."""
        return tuple(block for block in self.blocks if isinstance(block, Line))

    def tables(self) -> tuple[Table, ...]:
        """The tables of the document."""
        return tuple(block for block in self.blocks if isinstance(block, Table))
