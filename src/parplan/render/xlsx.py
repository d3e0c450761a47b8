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
amount ("Theo dự trù") is its text. Every text is stored as text (a title
that starts with "=" never becomes a formula), control characters are shown
as U+FFFD.

The workbook is written as SpreadsheetML text (:mod:`parplan.render._ooxml`):
nothing else is needed, no file is opened and the clock is never read. Excel,
LibreOffice, openpyxl and python-calamine read it.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from parplan.locale import Locale
from parplan.org import JointParty, Party
from parplan.plan import Plan
from parplan.render._ooxml import (
    APP_PROPERTIES,
    APP_TYPE,
    CORE_TYPE,
    PACKAGE_PROPERTIES,
    RELATIONSHIPS,
    content_types,
    core_properties,
    package,
    relationships,
    xml_text,
)
from parplan.render.format import format_timeframe, millions
from parplan.render.layout import Document, SectionRow, TaskRow, TaskTable, printable
from parplan.render.messages import message

__all__ = [
    "COLUMN_WIDTHS",
    "HEADER_ROW",
    "PROGRESS_COLUMNS",
    "PROGRESS_HEADER_ROW",
    "PROGRESS_WIDTHS",
    "budget_value",
    "progress_statuses",
    "write",
    "write_progress_template",
]

COLUMN_WIDTHS = (6.0, 46.0, 26.0, 20.0, 24.0, 18.0, 12.0)
"""Widths of the seven columns, in Excel's character units."""

HEADER_ROW = 5
"""The row of the column headings (rows 1-3 hold the label, title and reference, row 4 is blank)."""

_FONT = "Times New Roman"
_EXACT_DIGITS = 15
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


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


# --- styles: fonts, borders and the cell formats that combine them ----------------------------------

_FONTS = (
    '<font><sz val="12"/><name val="{f}"/></font>',  # 0 plain
    '<font><b/><sz val="12"/><name val="{f}"/></font>',  # 1 bold
    '<font><b/><i/><sz val="12"/><name val="{f}"/></font>',  # 2 bold italic
    '<font><i/><sz val="12"/><name val="{f}"/></font>',  # 3 italic
    '<font><b/><sz val="13"/><name val="{f}"/></font>',  # 4 title
)
_THIN = "".join(f'<{side} style="thin"><color rgb="FF000000"/></{side}>' for side in ("left", "right", "top", "bottom"))
_FORMATS = (  # (font, border, horizontal, vertical)
    (0, 0, None, None),  # 0 default
    (4, 0, "center", "center"),  # 1 label and title
    (3, 0, "center", "center"),  # 2 the plan it is attached to
    (1, 1, "center", "center"),  # 3 column headings
    (1, 1, "center", "top"),  # 4 area number
    (1, 1, "left", "top"),  # 5 area heading
    (2, 1, "center", "top"),  # 6 sub-area letter
    (2, 1, "left", "top"),  # 7 sub-area heading
    (0, 1, "center", "top"),  # 8 task number
    (0, 1, "left", "top"),  # 9 task text
    (0, 1, "right", "top"),  # 10 budget
)
_TITLE, _ATTACHED, _HEADING, _AREA_NUMBER, _AREA, _SUB_NUMBER, _SUB, _NUMBER, _CELL, _BUDGET = range(1, 11)


def _styles() -> str:
    fonts = "".join(font.format(f=_FONT) for font in _FONTS)
    formats = []
    for font, border, horizontal, vertical in _FORMATS:
        if horizontal is None:
            formats.append(f'<xf numFmtId="0" fontId="{font}" fillId="0" borderId="{border}" xfId="0"/>')
            continue
        formats.append(
            f'<xf numFmtId="0" fontId="{font}" fillId="0" borderId="{border}" xfId="0" applyFont="1" '
            f'applyBorder="1" applyAlignment="1"><alignment horizontal="{horizontal}" vertical="{vertical}" '
            'wrapText="1"/></xf>'
        )
    return (
        f'{_XML}<styleSheet xmlns="{_MAIN}">'
        f'<fonts count="{len(_FONTS)}">{fonts}</fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        f"<border>{_THIN}<diagonal/></border></borders>"
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(formats)}">{"".join(formats)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


# --- the sheet ---------------------------------------------------------------------------------------

_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
"""Text that reads as SpreadsheetML's escape of a character ("_x000D_"): its "_" is escaped in turn."""


def _column(number: int) -> str:
    return chr(ord("A") + number - 1)


def _string(strings: dict[str, int], ref: str, text: str, style: int) -> str:
    """A text cell: an index into the shared strings (as Excel writes them; readers parse them fastest)."""
    index = strings.setdefault(text, len(strings))
    return f'<c r="{ref}" s="{style}" t="s"><v>{index}</v></c>'


def _shared_strings(strings: dict[str, int], uses: int) -> str:
    items = "".join(
        # "_x000D_" in a text would read as an escaped character: its "_" is escaped in turn; a CR stays a CR
        '<si><t xml:space="preserve">'
        + _ESCAPE_LIKE.sub(r"_x005F_\1", xml_text(text)).replace("\r", "&#13;")
        + "</t></si>"
        for text in strings
    )
    return f'{_XML}<sst xmlns="{_MAIN}" count="{uses}" uniqueCount="{len(strings)}">{items}</sst>'


def _cell(strings: dict[str, int], ref: str, value: str | int | Decimal | None, style: int) -> str:
    if value is None:
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, str):
        return _string(strings, ref, value, style)
    return f'<c r="{ref}" s="{style}"><v>{format(value, "f") if isinstance(value, Decimal) else value}</v></c>'


def _budget(row: TaskRow) -> Decimal | str | None:
    if row.amount is not None:
        return budget_value(row.amount)
    cell = row.cells[6]
    return _text(cell) if cell else None


_LINE_POINTS = 15.6
"""The height of one line of 12-point Times New Roman, in points."""


def _height(cells: list[tuple[float, str | int | Decimal | None]]) -> str:
    """A row's height attribute, from the lines its widest-wrapping cell needs (``(column width, value)`` pairs).

    Excel and LibreOffice keep the height a file gives, and LibreOffice does not
    fit a row to its wrapped text when it opens a file: the rows are sized here
    so that the printed table shows every line.
    """
    lines = 1
    for width, value in cells:
        if not isinstance(value, str):
            continue
        per_line = max(int(width * 0.9) - 1, 1)
        needed = sum(max(1, math.ceil(len(part) * 1.1 / per_line)) for part in value.split("\n"))
        lines = max(lines, needed)
    return f' ht="{lines * _LINE_POINTS:.1f}" customHeight="1"'


def _rows(table: TaskTable, strings: dict[str, int]) -> tuple[list[str], list[str]]:
    """The rows of the sheet's XML and its merged ranges; texts go into ``strings``."""
    width = len(table.columns)
    last = _column(width)
    rows: list[str] = []
    merged: list[str] = []
    heads = ((table.label, _TITLE), (table.title, _TITLE), (table.attached, _ATTACHED))
    for number, (text, style) in enumerate(heads, start=1):
        height = _height([(sum(COLUMN_WIDTHS) * 0.9, text)])
        rows.append(f'<row r="{number}"{height}>{_string(strings, f"A{number}", text, style)}</row>')
        merged.append(f"A{number}:{last}{number}")
    headings = "".join(
        _string(strings, f"{_column(c)}{HEADER_ROW}", h, _HEADING) for c, h in enumerate(table.columns, 1)
    )
    height = _height(list(zip(COLUMN_WIDTHS, table.columns, strict=False)))
    rows.append(f'<row r="{HEADER_ROW}"{height}>{headings}</row>')
    for number, row in enumerate(table.rows, start=HEADER_ROW + 1):
        if isinstance(row, SectionRow):
            label_style, text_style = (_AREA_NUMBER, _AREA) if row.level == 1 else (_SUB_NUMBER, _SUB)
            rest = "".join(_cell(strings, f"{_column(c)}{number}", None, text_style) for c in range(3, width + 1))
            cells = (
                _string(strings, f"A{number}", row.label, label_style)
                + _string(strings, f"B{number}", row.text, text_style)
                + rest
            )
            merged.append(f"B{number}:{last}{number}")
            height = _height([(sum(COLUMN_WIDTHS[1:]), row.text)])
        else:
            values: list[str | int | Decimal | None] = [
                row.number if row.number is not None else _text(row.cells[0]),
                *(_text(row.cells[c]) if row.cells[c] else None for c in range(1, 6)),
                _budget(row),
            ]
            styles = (_NUMBER, _CELL, _CELL, _CELL, _CELL, _CELL, _BUDGET)
            cells = "".join(
                _cell(strings, f"{_column(c)}{number}", value, style)
                for c, (value, style) in enumerate(zip(values, styles, strict=True), 1)
            )
            height = _height(list(zip(COLUMN_WIDTHS, values, strict=True)))
        rows.append(f'<row r="{number}"{height}>{cells}</row>')
    return rows, merged


def _sheet(table: TaskTable, strings: dict[str, int]) -> str:
    rows, merged = _rows(table, strings)
    last_row = HEADER_ROW + len(table.rows)
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>' for n, width in enumerate(COLUMN_WIDTHS, 1)
    )
    first = f"A{HEADER_ROW + 1}"
    return (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{RELATIONSHIPS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{_column(len(table.columns))}{last_row}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        f'<pane ySplit="{HEADER_ROW}" topLeftCell="{first}" activePane="bottomLeft" state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="{first}" sqref="{first}"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{columns}</cols>"
        f"<sheetData>{''.join(rows)}</sheetData>"
        f'<mergeCells count="{len(merged)}">{"".join(f"<mergeCell ref={chr(34)}{m}{chr(34)}/>" for m in merged)}'
        "</mergeCells>"
        '<printOptions horizontalCentered="1"/>'
        '<pageMargins left="0.79" right="0.59" top="0.59" bottom="0.59" header="0.3" footer="0.3"/>'  # 20, 15 mm
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        "</worksheet>"
    )


def _workbook(sheet_name: str, header_row: int = HEADER_ROW) -> str:
    quoted = sheet_name.replace("'", "''")
    return (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f'<sheets><sheet name="{xml_text(sheet_name)}" sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'
        f"{xml_text(f'{chr(39)}{quoted}{chr(39)}')}!${header_row}:${header_row}</definedName></definedNames>"
        "</workbook>"
    )


_SHEET_NAMES = {"vi": "Phụ lục", "en": "Appendix"}
_LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}
_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def write(document: Document) -> bytes:
    """The .xlsx bytes of ``document``'s appendix: one sheet laid out as offices lay it out.

    A plan without tasks has no appendix: its sheet holds the label and title
    rows and the header row only. The same document gives the same bytes.
    """
    table = next((block for block in document.blocks if isinstance(block, TaskTable)), None)
    if table is None:
        table = TaskTable(
            label=message("appendix.label", document.locale),
            title=document.title.upper(),
            attached="",
            columns=tuple(
                message(f"column.{name}", document.locale)
                for name in ("number", "task", "output", "lead", "coordinating", "timeframe", "budget")
            ),
            rows=(),
        )
    strings: dict[str, int] = {}
    sheet = _sheet(table, strings)
    return _workbook_package(_SHEET_NAMES[document.locale], sheet, strings, document.title, document.locale)


def _workbook_package(  # noqa: PLR0913 - the parts of one workbook
    name: str, sheet: str, strings: dict[str, int], title: str, locale: Locale, *, header_row: int = HEADER_ROW
) -> bytes:
    return package(
        (
            (
                "[Content_Types].xml",
                content_types(
                    (
                        ("xl/workbook.xml", f"{_SPREADSHEET}.sheet.main+xml"),
                        ("xl/worksheets/sheet1.xml", f"{_SPREADSHEET}.worksheet+xml"),
                        ("xl/styles.xml", f"{_SPREADSHEET}.styles+xml"),
                        ("xl/sharedStrings.xml", f"{_SPREADSHEET}.sharedStrings+xml"),
                        ("docProps/core.xml", CORE_TYPE),
                        ("docProps/app.xml", APP_TYPE),
                    )
                ),
            ),
            (
                "_rels/.rels",
                relationships(((f"{RELATIONSHIPS}/officeDocument", "xl/workbook.xml"), *PACKAGE_PROPERTIES)),
            ),
            ("xl/workbook.xml", _workbook(name, header_row)),
            (
                "xl/_rels/workbook.xml.rels",
                relationships(
                    (
                        (f"{RELATIONSHIPS}/worksheet", "worksheets/sheet1.xml"),
                        (f"{RELATIONSHIPS}/styles", "styles.xml"),
                        (f"{RELATIONSHIPS}/sharedStrings", "sharedStrings.xml"),
                    )
                ),
            ),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/styles.xml", _styles()),
            ("xl/sharedStrings.xml", _shared_strings(strings, sheet.count(' t="s"'))),
            ("docProps/core.xml", core_properties(title, _LANGUAGES[locale])),
            ("docProps/app.xml", APP_PROPERTIES),
        )
    )


# --- the progress template ---------------------------------------------------------------------------

PROGRESS_COLUMNS = ("number", "task_id", "task", "lead", "deadline", "state", "done_on", "evidence", "note")
"""The columns of the progress template, in order: the plan's part, then the four the office fills in."""

PROGRESS_WIDTHS = (6.0, 10.0, 46.0, 22.0, 18.0, 18.0, 14.0, 30.0, 20.0)
"""Widths of the progress template's columns, in Excel's character units."""

PROGRESS_HEADER_ROW = 4
"""The row of the progress template's headings (rows 1-2 hold its title and the plan, row 3 is blank)."""

_PROGRESS_HEADINGS = {
    "vi": (
        "TT",
        "Mã",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Thời hạn",
        "Tình trạng",
        "Ngày hoàn thành",
        "Minh chứng",
        "Ghi chú",
    ),
    "en": ("No.", "Id", "Task", "Lead", "Deadline", "Status", "Done on", "Evidence", "Note"),
}
_PROGRESS_TITLE = {"vi": "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", "en": "PROGRESS OF THE TASKS"}
_PROGRESS_SHEET = {"vi": "Tiến độ", "en": "Progress"}
_STATUSES = ("not_started", "in_progress", "done", "done_late", "postponed", "cancelled", "blocked")


def progress_statuses(locale: Locale) -> tuple[str, ...]:
    """The words the template offers in its status column (a drop-down list), one per :class:`TaskStatus`.

    >>> progress_statuses("vi")[:3]
    ('Chưa triển khai', 'Đang triển khai', 'Đã hoàn thành')
    """
    return tuple(message(f"task_status.{status}", locale).capitalize() for status in _STATUSES)


def write_progress_template(plan: Plan, locale: Locale = "vi") -> bytes:
    """The .xlsx bytes of a progress template for ``plan``: one row per task for the office to fill in.

    The columns TT, Mã (the task's id, which the reader of the filled
    template matches), Nhiệm vụ, Cơ quan chủ trì and Thời hạn come from the
    plan; Tình trạng (a drop-down list of the statuses), Ngày hoàn thành,
    Minh chứng and Ghi chú are left empty. The same plan gives the same bytes.
    """
    strings: dict[str, int] = {}
    headings = _PROGRESS_HEADINGS[locale]
    last = _column(len(headings))
    title = f"{_PROGRESS_TITLE[locale]}: {printable(plan.title).upper()}"
    rows = [
        f'<row r="1"{_height([(sum(PROGRESS_WIDTHS) * 0.9, title)])}>{_string(strings, "A1", title, _TITLE)}</row>',
        f'<row r="2">{_string(strings, "A2", _progress_reference(plan, locale), _ATTACHED)}</row>',
    ]
    merged = [f"A1:{last}1", f"A2:{last}2"]
    cells = "".join(
        _string(strings, f"{_column(c)}{PROGRESS_HEADER_ROW}", h, _HEADING) for c, h in enumerate(headings, 1)
    )
    rows.append(
        f'<row r="{PROGRESS_HEADER_ROW}"{_height(list(zip(PROGRESS_WIDTHS, headings, strict=True)))}>{cells}</row>'
    )
    for number, task in enumerate(plan.tasks, start=1):
        row = PROGRESS_HEADER_ROW + number
        responsibility = plan.responsibility_of(task)
        timeframe = plan.timeframe_of(task)
        lead = () if responsibility is None or responsibility.lead is None else _lead_lines(responsibility.lead)
        deadline = "" if timeframe is None else format_timeframe(timeframe, locale=locale, as_written=locale == "vi")
        values: list[str | int | Decimal | None] = [
            number,
            task.id,
            printable(task.title),
            _text(lead) or None,
            _text(deadline.split("\n")) or None,
            None,
            None,
            None,
            None,
        ]
        styles = (_NUMBER, _NUMBER, _CELL, _CELL, _CELL, _CELL, _NUMBER, _CELL, _CELL)
        cells = "".join(
            _cell(strings, f"{_column(c)}{row}", value, style)
            for c, (value, style) in enumerate(zip(values, styles, strict=True), 1)
        )
        rows.append(f'<row r="{row}"{_height(list(zip(PROGRESS_WIDTHS, values, strict=True)))}>{cells}</row>')
    last_row = PROGRESS_HEADER_ROW + max(len(plan.tasks), 1)
    statuses = xml_text('"' + ",".join(progress_statuses(locale)) + '"')
    validation = (
        f'<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" '
        f'sqref="F{PROGRESS_HEADER_ROW + 1}:F{last_row}"><formula1>{statuses}</formula1></dataValidation>'
        "</dataValidations>"
    )
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>' for n, width in enumerate(PROGRESS_WIDTHS, 1)
    )
    sheet = (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f'<dimension ref="A1:{last}{last_row}"/>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{columns}</cols>"
        f"<sheetData>{''.join(rows)}</sheetData>"
        f'<mergeCells count="{len(merged)}">{"".join(f"<mergeCell ref={chr(34)}{m}{chr(34)}/>" for m in merged)}'
        f"</mergeCells>{validation}"
        '<pageMargins left="0.79" right="0.59" top="0.59" bottom="0.59" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape"/>'
        "</worksheet>"
    )
    return _workbook_package(_PROGRESS_SHEET[locale], sheet, strings, title, locale, header_row=PROGRESS_HEADER_ROW)


def _lead_lines(lead: Party) -> tuple[str, ...]:
    if isinstance(lead, JointParty):
        return tuple(member.label for member in lead.members)
    return (lead.label,)


def _progress_reference(plan: Plan, locale: Locale) -> str:
    symbol = "" if plan.symbol is None else f" {plan.symbol}"
    if locale == "vi":
        return f"(Thực hiện Kế hoạch{' số' + symbol if symbol else ''} của {plan.issuer.name})"
    return f"(Plan{symbol} of {plan.issuer.name})"
