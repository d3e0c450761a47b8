"""Writing a plan's appendix as an Excel workbook, laid out as offices lay it out.

One sheet ("Phụ lục" / "Appendix"): the appendix label, its title and the plan
it is attached to, merged across the table; the header row TT, Nhiệm vụ, Kết
quả đầu ra, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Kinh phí
(triệu đồng); one row per area (Roman number, the heading merged across the
row, bold) and sub-area (letter, bold italic), and one per task. Cells wrap,
texts hold one line per item, the columns have the widths offices use, and the
page is set for printing: A4 landscape, the header row repeated on every page,
fitted to the width of the page.

Values are exact. The TT column holds integers; the budget column holds the
amount in millions of đồng, written exactly as the plan's đồng divided by a
million (a number when it has at most 15 significant digits, which Excel keeps
exactly, else the exact decimal as text); a budget the plan states without an
amount ("Theo dự trù") is its text. Text that starts with "=" is stored as
text, never as a formula, and control characters are shown as U+FFFD.

Needs openpyxl: ``pip install 'parplan[xlsx]'``.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from parplan.errors import MissingExtraError
from parplan.render._zip import repack
from parplan.render.format import millions
from parplan.render.layout import Document, SectionRow, TaskRow, TaskTable, printable

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["COLUMN_WIDTHS", "HEADER_ROW", "budget_value", "write"]

COLUMN_WIDTHS = (6.0, 46.0, 26.0, 20.0, 24.0, 18.0, 12.0)
"""Widths of the seven columns, in Excel's character units."""

HEADER_ROW = 5
"""The row of the column headings (rows 1-3 hold the label, title and reference, row 4 is blank)."""

_FONT = "Times New Roman"
_EXACT_DIGITS = 15


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError("writing Excel workbooks", "openpyxl", "xlsx") from None
    return openpyxl


def _text(lines: tuple[str, ...] | list[str]) -> str:
    return "\n".join(printable(line) for line in lines)


def budget_value(amount: int) -> Decimal | str:
    """The amount of đồng in millions as an Excel cell holds it exactly: a number, or the exact text.

    >>> budget_value(150_000_000), budget_value(1_234_567)
    (Decimal('150'), Decimal('1.234567'))
    >>> budget_value(10**22 + 1)
    '10000000000000000.000001'
    """
    value = millions(amount)
    if len(value.as_tuple().digits) <= _EXACT_DIGITS:
        return value
    return format(value, "f")


class _Styles:
    """The few styles of the sheet, made once and shared by every cell."""

    def __init__(self, openpyxl: Any) -> None:
        styles = openpyxl.styles
        side = styles.Side(style="thin", color="000000")
        self.border = styles.Border(left=side, right=side, top=side, bottom=side)
        self.plain = styles.Font(name=_FONT, size=12)
        self.bold = styles.Font(name=_FONT, size=12, bold=True)
        self.bold_italic = styles.Font(name=_FONT, size=12, bold=True, italic=True)
        self.italic = styles.Font(name=_FONT, size=12, italic=True)
        self.title = styles.Font(name=_FONT, size=13, bold=True)
        self.center = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.top = styles.Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.top_center = styles.Alignment(horizontal="center", vertical="top", wrap_text=True)
        self.top_right = styles.Alignment(horizontal="right", vertical="top", wrap_text=True)


_Style = tuple[Any, Any, Any]
"""A cell's font, alignment and border (None for no border)."""


def _put(sheet: Worksheet, where: tuple[int, int], value: str | int | Decimal | None, style: _Style) -> None:
    row, column = where
    cell: Any = sheet.cell(row=row, column=column)
    cell.value = value
    if cell.data_type == "f":  # text that looks like a formula stays text
        cell.data_type = "s"
    font, alignment, border = style
    cell.font = font
    cell.alignment = alignment
    if border is not None:
        cell.border = border


def _merge_across(sheet: Worksheet, row: int, columns: tuple[int, int], border: Any = None) -> None:
    first, last = columns
    if border is not None:  # the border of a merged range is drawn from each of its cells
        for column in range(first + 1, last + 1):
            sheet.cell(row=row, column=column).border = border
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _budget(row: TaskRow) -> Decimal | str | None:
    if row.amount is not None:
        return budget_value(row.amount)
    cell = row.cells[6]
    return _text(cell) if cell else None


def _sheet(sheet: Worksheet, table: TaskTable, styles: _Styles) -> None:
    width = len(table.columns)
    for line, (text, font) in enumerate(
        ((table.label, styles.title), (table.title, styles.title), (table.attached, styles.italic)), start=1
    ):
        _put(sheet, (line, 1), printable(text), (font, styles.center, None))
        _merge_across(sheet, line, (1, width))
    sheet.row_dimensions[2].height = 36
    header = (styles.bold, styles.center, styles.border)
    for column, heading in enumerate(table.columns, start=1):
        _put(sheet, (HEADER_ROW, column), printable(heading), header)
    plain = (styles.plain, styles.top, styles.border)
    for row_number, row in enumerate(table.rows, start=HEADER_ROW + 1):
        if isinstance(row, SectionRow):
            font = styles.bold if row.level == 1 else styles.bold_italic
            _put(sheet, (row_number, 1), printable(row.label), (font, styles.top_center, styles.border))
            _put(sheet, (row_number, 2), printable(row.text), (font, styles.top, styles.border))
            _merge_across(sheet, row_number, (2, width), styles.border)
            continue
        number = row.number if row.number is not None else _text(row.cells[0])
        _put(sheet, (row_number, 1), number, (styles.plain, styles.top_center, styles.border))
        for column in range(1, 6):
            _put(sheet, (row_number, column + 1), _text(row.cells[column]) if row.cells[column] else None, plain)
        _put(sheet, (row_number, 7), _budget(row), (styles.plain, styles.top_right, styles.border))
    for index, column_width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[chr(ord("A") + index - 1)].width = column_width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left, margins.right, margins.top, margins.bottom = 0.79, 0.59, 0.59, 0.59  # 20, 15, 15, 15 mm
    margins.header = margins.footer = 0.3


_SHEET_NAMES = {"vi": "Phụ lục", "en": "Appendix"}


def write(document: Document) -> bytes:
    """The .xlsx bytes of ``document``'s appendix: one sheet laid out as offices lay it out.

    A plan without tasks has no appendix: its sheet holds the label and title
    rows and the header row only.
    """
    openpyxl = _openpyxl()
    table = next((block for block in document.blocks if isinstance(block, TaskTable)), None)
    if table is None:
        from parplan.render.layout import TaskTable as _Table
        from parplan.render.messages import message

        table = _Table(
            label=message("appendix.label", document.locale),
            title=document.title.upper(),
            attached="",
            columns=tuple(
                message(f"column.{name}", document.locale)
                for name in ("number", "task", "output", "lead", "coordinating", "timeframe", "budget")
            ),
            rows=(),
        )
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _SHEET_NAMES[document.locale]
    _sheet(sheet, table, _Styles(openpyxl))
    workbook.properties.creator = "parplan"
    workbook.properties.title = printable(document.title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return repack(buffer.getvalue())
