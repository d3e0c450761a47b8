"""Reading spreadsheet cells with their provenance: a neutral table of what each cell holds and where.

:func:`read_sheets` opens an .xlsx workbook and gives, for each sheet, its
rows of non-empty cells (:class:`Cell`). Every cell knows its sheet, its reference
("C12"), its row and column, the value as written, and the merged range it
spans: a merged value appears once, at the range's first cell, with the range
("B6:G6"), never repeated over the cells it covers. What cannot be taken at
face value is said, naming the sheet and the cell: a formula (its formula and
the computed value the file holds, if any), a date stored as a number (Excel
keeps dates as day counts: the text as typed is lost), an error value.

Two engines read the same cells into the same table: ``openpyxl`` (sees
formulas and error values) and ``calamine`` (python-calamine, some ten times
faster; it sees the computed values only, so a formula is not flagged, and a
formula the file never computed or an error value such as ``#DIV/0!`` reads as
an empty cell). Both come with the ``xlsx`` extra; use openpyxl when a sheet
may hold formulas.

:func:`read_appendix` finds the appendix table of a sheet (the header row TT,
Nhiệm vụ, Kết quả đầu ra, Cơ quan chủ trì …) and gives its rows with each
column's cell; a sheet without such a header is refused with
:class:`SheetError` naming the sheet.

Numbers are read exactly as the file stores them: as :class:`~decimal.Decimal`
(the shortest decimal that is the stored double, "150.5", never
150.49999999999997).
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs

from parplan.errors import MissingExtraError, ParplanError
from parplan.io.headings import heading_role
from parplan.source import SourceLocation

__all__ = [
    "ENGINES",
    "AppendixRow",
    "AppendixTable",
    "Cell",
    "CellValue",
    "Engine",
    "Sheet",
    "SheetError",
    "column_letter",
    "read_appendix",
    "read_sheets",
]

Engine: TypeAlias = Literal["openpyxl", "calamine"]
"""The library that reads the workbook."""

ENGINES: tuple[Engine, ...] = ("openpyxl", "calamine")
"""The engines :func:`read_sheets` can use."""

CellValue: TypeAlias = str | Decimal | bool | date | datetime | time | timedelta
"""What a cell holds: text, an exact number, a truth value, or a date, time or duration."""


class SheetError(ParplanError, ValueError):
    """A workbook or a sheet cannot be read as asked: ``path``, ``sheet`` and ``cell`` say where, when known."""

    def __init__(
        self, message: str, path: str | None = None, sheet: str | None = None, cell: str | None = None
    ) -> None:
        super().__init__(message, path, sheet, cell)
        self.message = message
        self.path = path
        self.sheet = sheet
        self.cell = cell

    def __reduce__(self) -> tuple[type[SheetError], tuple[str, str | None, str | None, str | None]]:
        return (type(self), (self.message, self.path, self.sheet, self.cell))

    def __str__(self) -> str:
        where = "".join(
            part
            for part in (
                f"{self.path}: " if self.path else "",
                f"sheet {self.sheet!r}" if self.sheet is not None else "",
                f", cell {self.cell}" if self.cell else "",
                ": " if self.sheet is not None else "",
            )
        )
        return f"{where}{self.message}"


def column_letter(column: int) -> str:
    """The letters of a column number: 1 → "A", 27 → "AA".

    >>> column_letter(1), column_letter(7), column_letter(28)
    ('A', 'G', 'AB')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_REF = re.compile(r"([A-Z]{1,3})([0-9]+)\Z")


def _parse_ref(ref: str) -> tuple[int, int]:
    match = _REF.match(ref)
    if match is None:
        raise SheetError(f"{ref!r} is not a cell reference such as 'C12'")
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match[2]), column


@attrs.frozen(kw_only=True)
class Cell:
    """One non-empty cell: where it is, what it holds, what it spans and what is in doubt.

    ``merged`` is the merged range the value spans ("B6:G6"), None for a
    single cell; ``formula`` the formula when the cell holds one (openpyxl
    only); ``doubts`` say, naming the sheet and cell, why the value may not be
    what the sheet shows.
    """

    sheet: str
    ref: str
    row: int
    column: int
    value: CellValue | None
    merged: str | None = None
    formula: str | None = None
    doubts: tuple[str, ...] = ()

    @property
    def rows_spanned(self) -> int:
        """How many rows the value spans (1 unless merged)."""
        if self.merged is None:
            return 1
        first, _, last = self.merged.partition(":")
        return _parse_ref(last)[0] - _parse_ref(first)[0] + 1

    @property
    def columns_spanned(self) -> int:
        """How many columns the value spans (1 unless merged)."""
        if self.merged is None:
            return 1
        first, _, last = self.merged.partition(":")
        return _parse_ref(last)[1] - _parse_ref(first)[1] + 1

    @property
    def text(self) -> str:
        """The value as text: text as written, numbers exactly ("150.5"), dates in ISO; "" for no value."""
        value = self.value
        if value is None:
            return ""
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, date | time):
            return value.isoformat()
        return str(value)

    def location(self, file: str | None = None) -> SourceLocation:
        """Where the cell is, as the model records sources: the sheet as the table, its row and column."""
        return SourceLocation(file=file, table=self.sheet, row=str(self.row), column=column_letter(self.column))


@attrs.frozen(kw_only=True)
class Sheet:
    """A sheet's non-empty cells, row by row (rows without any value are left out), and its merged ranges."""

    name: str
    path: str | None
    rows: tuple[tuple[Cell, ...], ...]
    merged: tuple[str, ...] = ()

    def cells(self) -> Iterator[Cell]:
        """Every cell, row by row."""
        for row in self.rows:
            yield from row

    def cell(self, ref: str) -> Cell | None:
        """The cell at ``ref`` ("C12"), None when it is empty or covered by a merged range."""
        row_number, column = _parse_ref(ref)
        for row in self.rows:
            if row and row[0].row == row_number:
                return next((cell for cell in row if cell.column == column), None)
        return None

    @property
    def doubts(self) -> tuple[str, ...]:
        """Every cell's doubts, in cell order."""
        return tuple(doubt for cell in self.cells() for doubt in cell.doubts)


# --- values ------------------------------------------------------------------------------------


def _number(value: float) -> Decimal:
    if value.is_integer():
        return Decimal(int(value))
    return Decimal(repr(value))


_EXCEL_EPOCH = datetime(1899, 12, 30)  # noqa: DTZ001 - a calendar origin, not a moment


def _serial(value: date | datetime) -> str:
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)  # noqa: DTZ001
    days = (moment - _EXCEL_EPOCH) / timedelta(days=1)
    return str(_number(days))


def _date_value(sheet: str, ref: str, value: datetime | date, number_format: str | None) -> tuple[CellValue, str]:
    day: CellValue = value
    if isinstance(value, datetime) and value.time() == time() and not _shows_time(number_format):
        day = value.date()
    shown = f" with the format {number_format!r}" if number_format else ""
    written = day.isoformat() if isinstance(day, date) else str(day)
    doubt = (
        f"{sheet}!{ref}: a date stored as a number (serial {_serial(value)}){shown}, read as {written}; "
        "the text as typed is not kept"
    )
    return day, doubt


def _shows_time(number_format: str | None) -> bool:
    if not number_format:
        return False
    cleaned = re.sub(r'"[^"]*"|\[[^\]]*\]', "", number_format).lower()
    return "h" in cleaned or "s" in cleaned


def _plain(value: Any) -> CellValue | None:
    """A value of either engine as a :data:`CellValue` (floats exactly as decimals, empty text as None)."""
    cls = value.__class__
    if cls is str:
        text: str = value
        return text or None
    if cls is bool:
        flag: bool = value
        return flag
    if cls is int:
        return Decimal(value)
    if cls is float:
        return _number(value)
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, date | time | timedelta):
        return value
    return str(value)


# --- the engines -------------------------------------------------------------------------------

_Merged: TypeAlias = dict[tuple[int, int], str]
"""The first cell (row, column) of each merged range and the range."""


def _covered(ranges: Iterable[tuple[int, int, int, int]]) -> tuple[_Merged, set[tuple[int, int]], tuple[str, ...]]:
    starts: _Merged = {}
    covered: set[tuple[int, int]] = set()
    names: list[str] = []
    for first_row, first_column, last_row, last_column in sorted(ranges):
        name = f"{column_letter(first_column)}{first_row}:{column_letter(last_column)}{last_row}"
        names.append(name)
        starts[first_row, first_column] = name
        for row in range(first_row, last_row + 1):
            for column in range(first_column, last_column + 1):
                if (row, column) != (first_row, first_column):
                    covered.add((row, column))
    return starts, covered, tuple(names)


def _open_error(path: Path, error: Exception) -> SheetError:
    if isinstance(error, FileNotFoundError | IsADirectoryError | PermissionError):
        reason = error.strerror or str(error)
        return SheetError(f"cannot be read: {reason}", str(path))
    return SheetError(f"not an Excel workbook (.xlsx) that can be read: {error}", str(path))


class _Computed:
    """The values a workbook's formulas computed, read (a second time, ``data_only``) only when a formula is met."""

    def __init__(self, openpyxl: Any, path: Path) -> None:
        self._openpyxl = openpyxl
        self._path = path
        self._workbook: Any = None

    def value(self, sheet: str, ref: str) -> object:
        if self._workbook is None:
            self._workbook = self._openpyxl.load_workbook(self._path, data_only=True)
        return self._workbook[sheet][ref].value


def _openpyxl_value(
    item: Any, sheet: str, ref: str, computed: _Computed
) -> tuple[CellValue | None, str | None, list[str]]:
    """The value of an openpyxl cell, its formula and the doubts about it."""
    raw = item.value
    if item.data_type == "e":
        return str(raw), None, [f"{sheet}!{ref}: an error value ({raw})"]
    doubts: list[str] = []
    formula = None
    if item.data_type == "f":
        formula = raw if isinstance(raw, str) else str(getattr(raw, "text", raw))
        raw = computed.value(sheet, ref)
        if raw is None:
            return None, formula, [f"{sheet}!{ref}: a formula ({formula}) the file holds no computed value for"]
        doubts.append(f"{sheet}!{ref}: a formula ({formula}); its computed value is read")
    if isinstance(raw, datetime | date):
        value, doubt = _date_value(sheet, ref, raw, item.number_format)
        doubts.append(doubt)
        return value, formula, doubts
    return _plain(raw), formula, doubts


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]+)(?::([A-Z]{1,3}[0-9]+))?"')


def _merged_ranges(worksheet: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a read-only worksheet, read from its XML (read-only mode does not parse them)."""
    with worksheet.parent._archive.open(worksheet._worksheet_path) as handle:  # noqa: SLF001 - openpyxl keeps them there
        xml = handle.read()
    ranges = []
    for found in _MERGE.finditer(xml):
        first = _parse_ref(found[1].decode())
        last = _parse_ref(found[2].decode()) if found[2] else first
        ranges.append((first[0], first[1], last[0], last[1]))
    return ranges


def _openpyxl_sheets(path: Path, names: Sequence[str] | None) -> list[Sheet]:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError("reading workbooks with openpyxl", "openpyxl", "xlsx") from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise _open_error(path, error) from None
    computed = _Computed(openpyxl, path)
    sheets: list[Sheet] = []
    try:
        for name in _chosen(workbook.sheetnames, names, path):
            worksheet = workbook[name]
            starts, covered, merged = _covered(_merged_ranges(worksheet))
            rows: list[tuple[Cell, ...]] = []
            for row in worksheet.iter_rows():
                cells: list[Cell] = []
                for item in row:
                    value = item.value
                    if value is None or value == "":
                        continue
                    position = (int(item.row or 0), int(item.column or 0))  # a cell with a value has both
                    if position in covered:
                        continue
                    ref = f"{column_letter(position[1])}{position[0]}"
                    read, formula, doubts = _openpyxl_value(item, name, ref, computed)
                    cells.append(
                        Cell(
                            sheet=name,
                            ref=ref,
                            row=position[0],
                            column=position[1],
                            value=read,
                            merged=starts.get(position),
                            formula=formula,
                            doubts=tuple(doubts),
                        )
                    )
                if cells:
                    rows.append(tuple(cells))
            sheets.append(Sheet(name=name, path=str(path), rows=tuple(rows), merged=merged))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise _open_error(path, error) from None
    finally:
        workbook.close()
    return sheets


def _calamine_cell(name: str, position: tuple[int, int], raw: object, starts: _Merged) -> Cell:
    row, column = position
    ref = f"{column_letter(column)}{row}"
    doubts: tuple[str, ...] = ()
    value: CellValue | None
    if isinstance(raw, datetime | date):
        value, doubt = _date_value(name, ref, raw, None)
        doubts = (doubt,)
    else:
        value = _plain(raw)
        if isinstance(value, str) and value in _ERRORS:
            doubts = (f"{name}!{ref}: an error value ({value})",)
    return Cell(sheet=name, ref=ref, row=row, column=column, value=value, merged=starts.get(position), doubts=doubts)


def _calamine_sheets(path: Path, names: Sequence[str] | None) -> list[Sheet]:
    try:
        from python_calamine import CalamineError, CalamineWorkbook
    except ImportError:
        raise MissingExtraError("reading workbooks with calamine", "python-calamine", "xlsx") from None
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (OSError, CalamineError, ValueError) as error:
        raise _open_error(path, error) from None
    sheets: list[Sheet] = []
    for name in _chosen(workbook.sheet_names, names, path):
        try:
            worksheet = workbook.get_sheet_by_name(name)
            grid = worksheet.to_python(skip_empty_area=False)
            ranges = worksheet.merged_cell_ranges or []
        except (CalamineError, ValueError) as error:
            raise SheetError(f"cannot be read: {error}", str(path), name) from None
        starts, covered, merged = _covered((a + 1, b + 1, c + 1, d + 1) for (a, b), (c, d) in ranges)
        rows: list[tuple[Cell, ...]] = []
        for row_index, values in enumerate(grid, start=1):
            cells = [
                _calamine_cell(name, (row_index, column_index), raw, starts)
                for column_index, raw in enumerate(values, start=1)
                if raw != "" and raw is not None and (row_index, column_index) not in covered
            ]
            if cells:
                rows.append(tuple(cells))
        sheets.append(Sheet(name=name, path=str(path), rows=tuple(rows), merged=merged))
    return sheets


_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})


def _chosen(available: Sequence[str], names: Sequence[str] | None, path: Path) -> list[str]:
    if names is None:
        return list(available)
    missing = [name for name in names if name not in available]
    if missing:
        raise SheetError(f"has no sheet {missing[0]!r}; its sheets are {', '.join(map(repr, available))}", str(path))
    return list(names)


def read_sheets(
    path: str | os.PathLike[str], *, sheets: Iterable[str] | None = None, engine: Engine = "openpyxl"
) -> tuple[Sheet, ...]:
    """The sheets of the workbook at ``path`` (all, or those named in ``sheets``) as tables of cells.

    Raises :class:`SheetError` naming the file (and the sheet) when the file is
    not a readable .xlsx workbook or has no sheet of a given name.
    """
    if engine not in ENGINES:
        raise SheetError(f"unknown engine {engine!r}; the engines are {', '.join(ENGINES)}")
    file = Path(path)
    if not file.is_file():
        reason = "no such file" if not file.exists() else "not a file"
        raise SheetError(f"cannot be read: {reason}", str(file))
    names = None if sheets is None else [sheets] if isinstance(sheets, str) else list(sheets)
    if engine == "calamine":
        return tuple(_calamine_sheets(file, names))
    return tuple(_openpyxl_sheets(file, names))


# --- the appendix ------------------------------------------------------------------------------

AppendixField: TypeAlias = Literal["number", "task", "output", "lead", "coordinating", "timeframe", "budget"]
"""A column of an appendix table."""

_HEADINGS: dict[str, tuple[str, ...]] = {
    "number": ("no", "no."),
    "task": ("task",),
    "output": ("output",),
    "lead": ("lead",),
    "coordinating": ("coordinating",),
    "timeframe": ("timeframe",),
    "budget": ("budget", "budget (million vnd)"),
}
"""English headings; the Vietnamese ones are the lexicon every task table shares (:mod:`parplan.io.headings`)."""
_FIELDS: dict[str, AppendixField] = {
    "number": "number",
    "title": "task",
    "remedy": "task",
    "output": "output",
    "lead": "lead",
    "partners": "coordinating",
    "time": "timeframe",
    "budget": "budget",
}
_HEADER_SEARCH_ROWS = 30
_ROMAN = re.compile(r"[IVXLC]+\Z")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def _field_of(text: str) -> str | None:
    folded = _fold(text)
    for field, headings in _HEADINGS.items():
        if folded in headings:
            return field
    role, _ = heading_role(text)
    return _FIELDS.get(role) if role is not None else None


@attrs.frozen(kw_only=True)
class AppendixRow:
    """A row of an appendix table: an area (Roman number), a sub-area (letter) or a task, and its cells by column."""

    kind: Literal["area", "subarea", "task"]
    row: int
    cells: dict[str, Cell]

    def text(self, field: str) -> str:
        """The text of one column's cell ("" when empty)."""
        cell = self.cells.get(field)
        return "" if cell is None else cell.text


@attrs.frozen(kw_only=True)
class AppendixTable:
    """The appendix table of a sheet: where its header is, which column holds what, and its rows."""

    sheet: Sheet
    header_row: int
    columns: dict[str, int]
    rows: tuple[AppendixRow, ...]


def _header(sheet: Sheet) -> tuple[int, dict[str, int]]:
    for row in sheet.rows:
        if row[0].row > _HEADER_SEARCH_ROWS:
            break
        found: dict[str, int] = {}
        for cell in row:
            field = _field_of(cell.value) if isinstance(cell.value, str) else None
            if field is not None and field not in found:
                found[field] = cell.column
        if {"number", "task"} <= found.keys() and found.keys() & {"lead", "timeframe", "output"}:
            return row[0].row, found
    raise SheetError(
        "is not an appendix table: no row in the first 30 has the headings TT, Nhiệm vụ and "
        "Cơ quan chủ trì or Thời gian thực hiện",
        sheet.path,
        sheet.name,
    )


def _kind(row: Sequence[Cell], number: Cell | None, number_column: int) -> Literal["area", "subarea", "task"]:
    if number is not None and isinstance(number.value, str):
        label = number.value.strip()
        if _ROMAN.match(label):
            return "area"
        if len(label) == 1 and label.isalpha():
            return "subarea"
        return "task"
    if number is None and any(cell.columns_spanned > 1 for cell in row if cell.column != number_column):
        return "area"
    return "task"


def read_appendix(sheet: Sheet) -> AppendixTable:
    """The appendix table of ``sheet``: the header row found by its headings, then each row by column.

    A row is an area when its number is a Roman numeral (or it has no number
    and a cell merged across), a sub-area when its number is one letter, else a
    task. Raises :class:`SheetError` naming the sheet when no row in its first
    30 holds the headings "TT" (or "STT") and "Nhiệm vụ" (or "Nội dung") and
    one of the output, lead or timeframe columns.
    """
    header_row, columns = _header(sheet)
    by_column = {column: field for field, column in columns.items()}
    rows: list[AppendixRow] = []
    for row in sheet.rows:
        if row[0].row <= header_row:
            continue
        cells = {by_column[cell.column]: cell for cell in row if cell.column in by_column}
        if cells:
            kind = _kind(row, cells.get("number"), columns["number"])
            rows.append(AppendixRow(kind=kind, row=row[0].row, cells=cells))
    return AppendixTable(sheet=sheet, header_row=header_row, columns=columns, rows=tuple(rows))
