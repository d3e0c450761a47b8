"""Reading sheets: cells with their provenance, merged ranges resolved, doubts named by sheet and cell."""

from __future__ import annotations

import pickle
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import parplan
from office_samples import office_plan
from parplan.errors import MissingExtraError, ParplanError
from parplan.io.sheets import ENGINES, Cell, SheetError, column_letter, read_appendix, read_sheets


def _workbook(tmp_path: Path, fill: dict[str, object], *, title: str = "Phụ lục", merge: tuple[str, ...] = ()) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for ref, value in fill.items():
        sheet[ref] = value  # type: ignore[assignment]
    for cells in merge:
        sheet.merge_cells(cells)
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_cells_know_where_they_are(tmp_path: Path, engine: str) -> None:
    path = _workbook(tmp_path, {"A1": "TT", "C12": "Kế hoạch", "B3": 150.5, "D4": 7, "E5": True})
    (sheet,) = read_sheets(path, engine=engine)  # type: ignore[arg-type]
    assert sheet.name == "Phụ lục"
    assert sheet.path == str(path)
    cells = {cell.ref: cell for cell in sheet.cells()}
    assert cells["C12"] == Cell(sheet="Phụ lục", ref="C12", row=12, column=3, value="Kế hoạch")
    assert cells["B3"].value == Decimal("150.5")
    assert cells["D4"].value == Decimal(7)
    assert cells["E5"].value is True
    assert [row[0].row for row in sheet.rows] == [1, 3, 4, 5, 12]
    assert sheet.cell("C12") == cells["C12"]
    assert sheet.cell("Z99") is None
    location = cells["C12"].location("book.xlsx")
    assert (location.file, location.table, location.row, location.column) == ("book.xlsx", "Phụ lục", "12", "C")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_merged_value_appears_once_with_its_span(tmp_path: Path, engine: str) -> None:
    path = _workbook(tmp_path, {"B2": "CÔNG TÁC CHỈ ĐẠO", "A4": "x"}, merge=("B2:G3",))
    (sheet,) = read_sheets(path, engine=engine)  # type: ignore[arg-type]
    merged = sheet.cell("B2")
    assert merged is not None
    assert (merged.merged, merged.rows_spanned, merged.columns_spanned) == ("B2:G3", 2, 6)
    assert [cell.ref for cell in sheet.cells()] == ["B2", "A4"]
    assert sheet.merged == ("B2:G3",)


@pytest.mark.parametrize("engine", ENGINES)
def test_dates_stored_as_numbers_are_read_with_a_doubt(tmp_path: Path, engine: str) -> None:
    moment = datetime(2022, 12, 31, 8, 30)  # noqa: DTZ001 - a time typed in a cell
    path = _workbook(tmp_path, {"F7": date(2022, 12, 31), "F8": moment})
    (sheet,) = read_sheets(path, engine=engine)  # type: ignore[arg-type]
    day, time = sheet.cell("F7"), sheet.cell("F8")
    assert day is not None
    assert time is not None
    assert (day.value, time.value) == (date(2022, 12, 31), moment)
    assert len(day.doubts) == 1
    assert day.doubts[0].startswith("Phụ lục!F7: a date stored as a number (serial 44926)")
    assert day.doubts[0].endswith("read as 2022-12-31; the text as typed is not kept")
    assert time.doubts[0].startswith("Phụ lục!F8: a date stored as a number (serial 44926.3541666666")


def test_formulas_are_named_with_their_computed_value_or_its_absence(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {"G5": 100, "G6": 50, "G7": "=SUM(G5:G6)"})
    (sheet,) = read_sheets(path)
    cell = sheet.cell("G7")
    assert cell is not None
    assert (cell.value, cell.formula) == (None, "=SUM(G5:G6)")  # openpyxl computes nothing: no value to read
    assert cell.doubts == ("Phụ lục!G7: a formula (=SUM(G5:G6)) the file holds no computed value for",)


def test_a_formula_with_a_computed_value(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {"G7": "=SUM(G5:G6)"})
    # write the value Excel would have stored beside the formula
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    sheet_xml = entries["xl/worksheets/sheet1.xml"].decode()
    entries["xl/worksheets/sheet1.xml"] = (
        sheet_xml.replace("</f><v></v>", "</f><v>150</v>").replace("</f><v/>", "</f><v>150</v>").encode()
    )
    if b"<v>150</v>" not in entries["xl/worksheets/sheet1.xml"]:
        entries["xl/worksheets/sheet1.xml"] = sheet_xml.replace("</f>", "</f><v>150</v>").encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)
    (sheet,) = read_sheets(path)
    cell = sheet.cell("G7")
    assert cell is not None
    assert (cell.value, cell.formula) == (Decimal(150), "=SUM(G5:G6)")
    assert cell.doubts == ("Phụ lục!G7: a formula (=SUM(G5:G6)); its computed value is read",)
    (fast,) = read_sheets(path, engine="calamine")
    assert fast.cell("G7") == Cell(sheet="Phụ lục", ref="G7", row=7, column=7, value=Decimal(150))


def _error_workbook(tmp_path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["B2"] = "#DIV/0!"
    sheet["B2"].data_type = "e"
    path = tmp_path / "errors.xlsx"
    workbook.save(path)
    return path


def test_error_values_are_doubts(tmp_path: Path) -> None:
    (read,) = read_sheets(_error_workbook(tmp_path))
    cell = read.cell("B2")
    assert cell is not None
    assert cell.value == "#DIV/0!"
    assert cell.doubts == ("Sheet!B2: an error value (#DIV/0!)",)


def test_calamine_does_not_see_error_values(tmp_path: Path) -> None:
    """A documented limit of the fast engine: python-calamine gives an error cell no value."""
    (read,) = read_sheets(_error_workbook(tmp_path), engine="calamine")
    assert read.rows == ()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sheet_that_is_not_an_appendix_is_refused_by_name(tmp_path: Path, engine: str) -> None:
    path = _workbook(tmp_path, {"A1": "Họ và tên", "B1": "Ngày sinh", "A2": "Nguyễn Văn A"}, title="Danh sách")
    (sheet,) = read_sheets(path, engine=engine)  # type: ignore[arg-type]
    with pytest.raises(SheetError) as caught:
        read_appendix(sheet)
    assert caught.value.sheet == "Danh sách"
    assert str(caught.value).startswith(f"{path}: sheet 'Danh sách': is not an appendix table")


@pytest.mark.parametrize("engine", ENGINES)
def test_files_that_are_not_workbooks(tmp_path: Path, engine: str) -> None:
    text = tmp_path / "plan.xlsx"
    text.write_text("không phải bảng tính", encoding="utf-8")
    with pytest.raises(SheetError, match="not an Excel workbook"):
        read_sheets(text, engine=engine)  # type: ignore[arg-type]
    with pytest.raises(SheetError, match="cannot be read"):
        read_sheets(tmp_path / "missing.xlsx", engine=engine)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_unknown_sheet_names_are_refused(tmp_path: Path, engine: str) -> None:
    path = _workbook(tmp_path, {"A1": "x"})
    with pytest.raises(SheetError, match="has no sheet 'Sheet9'; its sheets are 'Phụ lục'"):
        read_sheets(path, sheets=["Sheet9"], engine=engine)  # type: ignore[arg-type]
    assert [sheet.name for sheet in read_sheets(path, sheets="Phụ lục", engine=engine)] == ["Phụ lục"]  # type: ignore[arg-type]


def test_unknown_engine() -> None:
    with pytest.raises(SheetError, match="unknown engine 'xlrd'"):
        read_sheets("x.xlsx", engine="xlrd")  # type: ignore[arg-type]


def test_both_engines_read_the_same_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(parplan.render(office_plan(), format="xlsx", locale="vi"))
    assert read_sheets(path, engine="openpyxl") == read_sheets(path, engine="calamine")


def test_errors_are_parplan_errors_and_pickle() -> None:
    error = SheetError("is not an appendix table", "a.xlsx", "Sheet1", "B2")
    assert isinstance(error, ParplanError)
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (again.path, again.sheet, again.cell, str(again)) == (
        "a.xlsx",
        "Sheet1",
        "B2",
        "a.xlsx: sheet 'Sheet1', cell B2: is not an appendix table",
    )


@pytest.mark.parametrize(("number", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
def test_column_letters(number: int, letters: str) -> None:
    assert column_letter(number) == letters


def test_appendix_rows_by_kind(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(parplan.render(office_plan(), format="xlsx", locale="vi"))
    table = read_appendix(read_sheets(path)[0])
    assert table.header_row == 5
    assert [row.kind for row in table.rows] == [
        "area", "task", "subarea", "task", "area", "task", "area", "task", "area", "task",
    ]  # fmt: skip
    assert table.rows[2].text("task") == "Tuyên truyền"


@pytest.mark.parametrize(
    ("engine", "module", "package"),
    [("openpyxl", "openpyxl", "openpyxl"), ("calamine", "python_calamine", "python-calamine")],
)
def test_a_missing_reader_says_what_to_install(
    tmp_path: Path, engine: str, module: str, package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _workbook(tmp_path, {"A1": "x"})
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError) as caught:
        read_sheets(path, engine=engine)  # type: ignore[arg-type]
    assert str(caught.value).endswith(f"needs {package}, which is not installed: pip install 'parplan[xlsx]'")


def test_an_appendix_headed_in_other_words_and_order_shares_the_tables_lexicon(tmp_path: Path) -> None:
    fill: dict[str, object] = {
        "A1": "STT",
        "B1": "Nội dung công việc",
        "C1": "Sản phẩm dự kiến",
        "D1": "Tiến độ",
        "E1": "Người thực hiện",
        "F1": "Ghi chú",
        "A2": "1",
        "B2": "Rà soát quy chế làm việc",
        "C2": "Quy chế sửa đổi",
        "D2": "Quý II/2026",
        "E2": "Công chức Văn phòng - Thống kê",
        "F2": "Phó Chủ tịch kiểm tra",
    }
    table = read_appendix(read_sheets(_workbook(tmp_path, fill))[0])
    assert table.columns == {"number": 1, "task": 2, "output": 3, "timeframe": 4, "lead": 5}
    assert table.rows[0].text("lead") == "Công chức Văn phòng - Thống kê"


def test_a_remedial_appendix_takes_the_remedy_for_the_task(tmp_path: Path) -> None:
    fill: dict[str, object] = {"A1": "TT", "B1": "Giải pháp khắc phục", "C1": "Nội dung bị trừ điểm", "D1": "Thời hạn"}
    table = read_appendix(read_sheets(_workbook(tmp_path, fill))[0])
    assert table.columns == {"number": 1, "task": 2, "timeframe": 4}
