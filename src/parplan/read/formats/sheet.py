"""Excel workbooks (``.xlsx``): each sheet as one table whose cells carry the sheet's name and their reference.

Needs openpyxl (``pip install 'parplan[xlsx]'``; python-calamine, in the same extra, is the faster
engine). The cells are read by :func:`parplan.io.sheets.read_sheets`:

* **Every sheet** becomes one :class:`~parplan.read.source.Table` named after the sheet, its
  non-empty cells at their row and column, each with its reference ("B7"), so that every field
  read from it names the sheet and the cell (``Phụ lục!B7``). Hidden sheets are read too.
* **Merged cells** are given once, at the range's first cell, with the range's span; the cells
  they cover are not repeated.
* **Several lines in one cell** (Alt+Enter) stay lines, joined by newlines.
* **Numbers** are written as a Vietnamese reader reads them: no thousands separator, a decimal
  comma ("1,5" for 1.5; the budget column in millions of đồng keeps every digit the file stores).
  True and false are "TRUE" and "FALSE".
* **What is not taken at face value** is said in the cell's doubts, naming the sheet and the
  cell: a formula (its computed value is read; openpyxl only), a formula without a computed
  value (the cell reads as empty), an error value (``#DIV/0!``), a date stored as a number (read
  as the day it counts, written ``30/06/2022``; the text as typed is lost).

Refused with :class:`~parplan.errors.ReadError` before anything is parsed: a file larger than
``max_bytes``, an encrypted (password-protected) workbook, an old binary ``.xls``, a zip bomb (see
:func:`parplan.read.formats._limits.check_zip`), a damaged file, more text than
:data:`~parplan.read.formats._limits.MAX_TEXT_CHARACTERS`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Final

from parplan.errors import MissingExtraError, ReadError
from parplan.io.sheets import Cell as SheetCell
from parplan.io.sheets import Engine, SheetError, read_sheets
from parplan.read.formats._limits import MAX_TEXT_CHARACTERS, check_file, check_zip, missing_extra
from parplan.read.source import Cell, DocumentFormat, SourceDocument, Table

__all__ = ["cell_text", "load"]

_CFB_MAGIC: Final = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_PACKAGE: Final = "EncryptedPackage".encode("utf-16-le")
_WHAT: Final = "Excel workbook"


def load(path: Path, *, max_bytes: int, engine: Engine = "openpyxl") -> SourceDocument:
    """The workbook at ``path``, one table per sheet; :class:`ReadError` when it cannot be read.

    ``engine`` is ``"openpyxl"`` (the default: it sees formulas) or ``"calamine"`` (faster; it
    sees computed values only).
    """
    size = check_file(path, max_bytes)
    _refuse_compound_file(path, size)
    archive = check_zip(path, size, what=_WHAT)
    with archive:
        if "xl/workbook.xml" not in archive.namelist():
            raise ReadError(str(path), "is a zip file but not an Excel workbook (no xl/workbook.xml)")
    try:
        sheets = read_sheets(path, engine=engine)
    except MissingExtraError as error:
        raise missing_extra(path, "an Excel workbook", error.extra, error.package) from None
    except SheetError as error:
        raise ReadError(str(path), _reason(error)) from None
    tables: list[Table] = []
    characters = 0
    for number, sheet in enumerate(sheets, start=1):
        cells: list[Cell] = []
        for item in sheet.cells():
            text = cell_text(item)
            characters += len(text)
            if characters > MAX_TEXT_CHARACTERS:
                raise ReadError(
                    str(path), f"is refused: its cells hold more than {MAX_TEXT_CHARACTERS} characters of text"
                )
            if not text.strip() and not item.doubts:  # an empty cell with a doubt (a formula never computed) is kept
                continue
            cells.append(
                Cell(
                    text=text,
                    row=item.row,
                    column=item.column,
                    rows=item.rows_spanned,
                    columns=item.columns_spanned,
                    ref=item.ref,
                    doubts=item.doubts,
                )
            )
        tables.append(Table(cells=cells, number=number, sheet=sheet.name or f"Sheet{number}"))
    return SourceDocument(blocks=tables, format=DocumentFormat.XLSX, name=path.name, notes=(f"read with {engine}",))


def _reason(error: SheetError) -> str:
    sheet = f"sheet {error.sheet!r}" if error.sheet is not None else ""
    cell = f", cell {error.cell}" if error.cell else ""
    message = error.message.removeprefix("cannot be read: ")
    if error.message.startswith("cannot be read"):
        return f"cannot be read: {sheet}{cell}{': ' if sheet else ''}{message}"
    return f"{sheet}{cell}{': ' if sheet else ''}{message}"


def cell_text(cell: SheetCell) -> str:
    """The text of a workbook cell as a Vietnamese reader reads it: numbers with a decimal comma, days as dd/mm/yyyy.

    >>> from decimal import Decimal
    >>> from parplan.io.sheets import Cell
    >>> cell_text(Cell(sheet="Phụ lục", ref="G7", row=7, column=7, value=Decimal("1.234567")))
    '1,234567'
    >>> cell_text(Cell(sheet="Phụ lục", ref="G8", row=8, column=7, value=Decimal("1500")))
    '1500'
    """
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, datetime):
        if value.time() == time():
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        return f"{value.day:02d}/{value.month:02d}/{value.year} {value.hour:02d}:{value.minute:02d}"
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, time | timedelta):
        return str(value)
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_compound_file(path: Path, size: int) -> None:
    """An OLE compound file is a password-protected workbook or an old ``.xls``: say which."""
    with path.open("rb") as handle:
        head = handle.read(8)
        if head != _CFB_MAGIC:
            return
        data = handle.read(min(size, 8 * 1024 * 1024))
    if _ENCRYPTED_PACKAGE in data:
        raise ReadError(
            str(path),
            "is encrypted (password-protected): open it in Excel, save it without a password and read it again",
        )
    raise ReadError(str(path), "is an old binary Excel file (.xls): save it as .xlsx (Excel 2007 or later) first")
