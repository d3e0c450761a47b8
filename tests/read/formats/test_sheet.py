"""The Excel reader: appendices written by parplan read back field for field, and sheets as offices type them."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import parplan
from office_samples import many_tasks, office_plan
from parplan.cli import main
from parplan.errors import ReadError
from parplan.plan import Plan, Task
from parplan.read import read_source
from parplan.read.formats import DEFAULT_MAX_BYTES, load_source
from parplan.read.formats import sheet as sheet_format
from parplan.read.reading import Reading
from parplan.read.source import DocumentFormat
from parplan.render.format import format_timeframe
from parplan.render.layout import TaskRow, TaskTable, layout, printable
from parplan.source import FieldSource

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install 'parplan[xlsx]'")

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ATTACHED = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND xã Hòa Bình)"


def _plans() -> dict[str, Plan]:
    plans = {path.stem: parplan.load(path) for path in sorted(EXAMPLES.glob("*.json"))}
    plans["office"] = office_plan()
    plans["office-many"] = office_plan(tasks=many_tasks(60))
    return plans


PLANS = _plans()


def _written(plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "phu-luc.xlsx"
    path.write_bytes(parplan.render(plan, format="xlsx", locale="vi"))
    return path


def _sources(reading: Reading, index: int) -> dict[str, FieldSource]:
    assert reading.plan is not None
    prefix = f"$.tasks[{index}]."
    return {s.path.removeprefix(prefix): s for s in reading.plan.sources if s.path.startswith(prefix)}


def _labels(task: Task) -> tuple[tuple[str, ...], tuple[str, ...]]:
    responsibility = task.responsibility
    if responsibility is None:
        return (), ()
    lead = responsibility.lead
    leads = () if lead is None else tuple(member.label for member in getattr(lead, "members", (lead,)))
    partners = tuple(party.label for party in (*responsibility.coordinating, *responsibility.implementing))
    return leads, partners


# --- (1) round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PLANS))
def test_an_appendix_written_by_parplan_reads_back_field_for_field(name: str, tmp_path: Path) -> None:
    plan = PLANS[name]
    reading = parplan.read(_written(plan, tmp_path))
    assert reading.format is DocumentFormat.XLSX
    assert reading.plan is not None, reading.doubts
    assert reading.unplaced == ()
    table = next(block for block in layout(plan, "vi").blocks if isinstance(block, TaskTable))
    rows = [row for row in table.rows if isinstance(row, TaskRow)]
    by_id = {task.id: task for task in plan.tasks}
    assert len(reading.plan.tasks) == len(rows)
    for index, (row, read) in enumerate(zip(rows, reading.plan.tasks, strict=True)):
        task = by_id[row.task_id]
        sources = _sources(reading, index)
        excel_row = str(6 + table.rows.index(row))
        assert read.title == printable(task.title)
        assert sources["title"].origin is not None
        assert (sources["title"].origin.sheet, sources["title"].origin.cell) == ("Phụ lục", f"B{excel_row}")
        assert read.outputs == task.outputs
        if task.outputs:
            assert sources["outputs"].origin is not None
            assert sources["outputs"].origin.cell == f"C{excel_row}"
        assert _labels(read) == _labels(task)
        if task.responsibility is not None and task.responsibility.lead is not None:
            assert sources["responsibility"].origin is not None
            assert sources["responsibility"].origin.cell == f"D{excel_row}"
        if _labels(task)[1]:
            assert sources["responsibility.coordinating"].origin is not None
            assert sources["responsibility.coordinating"].origin.cell == f"E{excel_row}"
        if task.timeframe is None:
            assert read.timeframe is None
        else:
            cell = "\n".join(row.cells[5])
            assert sources["timeframe"].written == cell
            assert sources["timeframe"].origin is not None
            assert sources["timeframe"].origin.cell == f"F{excel_row}"
            assert read.timeframe is not None
            assert format_timeframe(read.timeframe, locale="vi") == format_timeframe(task.timeframe, locale="vi")
        if row.amount is None:
            assert read.budget is None or read.budget.amount is None
        else:
            assert read.budget is not None
            assert read.budget.amount == row.amount
            assert sources["budget"].origin is not None
            assert sources["budget"].origin.cell == f"G{excel_row}"


def test_calamine_reads_the_same_tasks_as_openpyxl(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine", reason="python-calamine is not installed: pip install 'parplan[xlsx]'")
    path = _written(PLANS["office-many"], tmp_path)
    slow = read_source(sheet_format.load(path, max_bytes=DEFAULT_MAX_BYTES))
    fast = read_source(sheet_format.load(path, max_bytes=DEFAULT_MAX_BYTES, engine="calamine"))
    assert slow.plan is not None
    assert fast.plan is not None
    assert fast.plan.tasks == slow.plan.tasks


# --- (2) sheets as offices type them ----------------------------------------------------------------


def _office_sheet(tmp_path: Path, *, extra_sheet: bool = False) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet["A1"] = "PHỤ LỤC"
    sheet["A2"] = "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    sheet["A3"] = ATTACHED
    header = ("STT", "Nội dung", "Sản phẩm đầu ra", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành")
    for column, text in enumerate((*header, "Kinh phí (triệu đồng)", "Ghi chú"), start=1):
        sheet.cell(row=5, column=column, value=text)
    sheet["A6"] = "I"
    sheet["B6"] = "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    sheet.merge_cells("B6:H6")
    sheet.append((1, "Rà soát thủ tục hành chính", "- Kế hoạch\n- Báo cáo", "Văn phòng", "Tư pháp\nCông an xã"))
    sheet["F7"] = "Quý II/2024"
    sheet["G7"] = 12.5
    sheet["H7"] = "đã giao"
    sheet.append((2, "Niêm yết thủ tục hành chính", "Bảng niêm yết", "Văn phòng", None, None, "=10+5"))
    sheet["F8"] = datetime(2024, 6, 30)  # noqa: DTZ001 - a day as Excel stores it
    sheet["B9"] = "II. CẢI CÁCH TỔ CHỨC BỘ MÁY"
    sheet.append((3, "Sắp xếp các thôn", "Đề án", "Nội vụ", "Các thôn", "Năm 2024", 5))
    sheet.append((None, "Tổng cộng", None, None, None, None, 17.5))
    if extra_sheet:
        notes = workbook.create_sheet("Ghi chú")
        notes["A1"] = "Số liệu tổng hợp đến ngày 15/12"
    path = tmp_path / "van-phong.xlsx"
    workbook.save(path)
    return path


def _task(reading: Reading, title: str) -> tuple[int, Task]:
    assert reading.plan is not None, reading.doubts
    return next((i, task) for i, task in enumerate(reading.plan.tasks) if task.title == title)


def test_an_office_sheet_with_other_wording_merged_areas_and_lines_in_cells(tmp_path: Path) -> None:
    reading = parplan.read(_office_sheet(tmp_path))
    assert reading.plan is not None, reading.doubts
    plan = reading.plan
    assert plan.year == 2024
    assert plan.unit.name == "Hòa Bình"
    assert str(plan.symbol) == "15/KH-UBND"
    assert [task.title for task in plan.tasks] == [
        "Rà soát thủ tục hành chính",
        "Niêm yết thủ tục hành chính",
        "Sắp xếp các thôn",
    ]
    index, first = _task(reading, "Rà soát thủ tục hành chính")
    assert first.outputs == ("Kế hoạch", "Báo cáo")
    assert _labels(first) == (("Văn phòng",), ("Tư pháp", "Công an xã"))
    assert first.budget is not None
    assert first.budget.amount == 12_500_000
    assert first.area is parplan.ReformArea.THU_TUC_HANH_CHINH
    assert _sources(reading, index)["budget"].origin.cell == "G7"  # type: ignore[union-attr]
    _, third = _task(reading, "Sắp xếp các thôn")
    assert third.area is parplan.ReformArea.TO_CHUC_BO_MAY
    # the column nobody knows: its cells are unplaced, named by cell, and the doubt names its heading
    assert any("Phụ lục!H5" in doubt and "Ghi chú" in doubt for doubt in reading.doubts)
    unplaced = {(line.origin.sheet, line.origin.cell): line.text for line in reading.unplaced}
    assert unplaced[("Phụ lục", "H7")] == "đã giao"
    # the total row is not a task, and is not dropped
    assert unplaced[("Phụ lục", "B11")] == "Tổng cộng"
    assert unplaced[("Phụ lục", "G11")] == "17,5"


def test_a_formula_without_a_value_and_a_date_stored_as_a_number_are_doubted_by_cell(tmp_path: Path) -> None:
    reading = parplan.read(_office_sheet(tmp_path))
    index, second = _task(reading, "Niêm yết thủ tục hành chính")
    assert any(doubt.startswith("Phụ lục!G8: a formula (=10+5)") for doubt in reading.doubts)
    assert second.budget is None  # no computed value: never a guessed amount
    date_doubts = [doubt for doubt in reading.doubts if doubt.startswith("Phụ lục!F8: a date stored as a number")]
    assert date_doubts
    timeframe = _sources(reading, index)["timeframe"]
    assert timeframe.written == "30/06/2024"
    assert any("Phụ lục!F8" in doubt for doubt in timeframe.doubts)


def test_a_formula_with_its_computed_value_is_read_with_a_doubt(tmp_path: Path) -> None:
    path = _office_sheet(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert "<f>10+5</f><v></v>" in sheet_xml or "<f>10+5</f><v/>" in sheet_xml
    parts["xl/worksheets/sheet1.xml"] = (
        sheet_xml.replace("<f>10+5</f><v></v>", "<f>10+5</f><v>15</v>")
        .replace("<f>10+5</f><v/>", "<f>10+5</f><v>15</v>")
        .encode()
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    reading = parplan.read(path)
    index, second = _task(reading, "Niêm yết thủ tục hành chính")
    assert second.budget is not None
    assert second.budget.amount == 15_000_000
    budget = _sources(reading, index)["budget"]
    assert any("Phụ lục!G8: a formula (=10+5)" in doubt for doubt in budget.doubts)


@pytest.mark.parametrize(
    ("typed", "amount", "doubt"),
    [
        (12.5, 12_500_000, None),  # a number: exact
        ("12,5", 12_500_000, None),  # text with a decimal comma, as Vietnamese writes
        ("1.250", 1_250_000_000, "may mean 1,250"),  # text: a point groups thousands, or is a decimal point?
        ("1.250.000", 1_250_000_000_000, None),  # several groups: thousands, without doubt
        ("0,0000005", None, "not a whole number of đồng"),  # half a đồng: kept as written
        ("Theo dự toán", None, None),  # a note, not an amount
    ],
)
def test_budget_cells_are_exact_or_doubted(
    tmp_path: Path, typed: object, amount: int | None, doubt: str | None
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append(("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",))
    sheet.append((ATTACHED,))
    sheet.append(("STT", "Nhiệm vụ", "Kết quả đầu ra", "Cơ quan chủ trì", "Thời gian", "Kinh phí (triệu đồng)"))
    sheet.append((1, "Rà soát thủ tục hành chính", "Báo cáo", "Văn phòng", "Quý II/2024", typed))
    path = tmp_path / "kinh-phi.xlsx"
    workbook.save(path)
    reading = parplan.read(path)
    index, task = _task(reading, "Rà soát thủ tục hành chính")
    assert task.budget is not None
    assert task.budget.amount == amount
    assert task.budget.text == (str(typed).replace(".", ",") if isinstance(typed, float) else str(typed))
    source = _sources(reading, index)["budget"]
    assert source.origin is not None
    assert source.origin.cell == "F4"
    if doubt is None:
        assert not source.doubts
    else:
        assert any(doubt in text for text in source.doubts), source.doubts
        assert source.confidence is not None
        assert source.confidence < Decimal("0.9")


def test_a_sheet_that_is_not_an_appendix_is_unplaced_with_its_cells(tmp_path: Path) -> None:
    reading = parplan.read(_office_sheet(tmp_path, extra_sheet=True))
    assert reading.plan is not None
    assert any("'Ghi chú' is not an appendix" in doubt for doubt in reading.doubts)
    (line,) = [line for line in reading.unplaced if line.origin.sheet == "Ghi chú"]
    assert line.origin.cell == "A1"
    assert line.text == "Số liệu tổng hợp đến ngày 15/12"


def test_a_workbook_without_any_appendix_is_no_plan_and_keeps_every_cell(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Danh sách"
    workbook.active.append(("Họ và tên", "Chức vụ"))
    workbook.active.append(("Nguyễn Văn A", "Công chức"))
    path = tmp_path / "danh-sach.xlsx"
    workbook.save(path)
    reading = parplan.read(path)
    assert reading.plan is None
    assert any("'Danh sách' is not an appendix" in doubt for doubt in reading.doubts)
    assert {line.origin.cell for line in reading.unplaced} == {"A1", "B1", "A2", "B2"}


def test_a_sheet_that_names_no_plan_is_no_plan_and_keeps_its_tasks_cells(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"))
    sheet.append((1, "Rà soát thủ tục", "Văn phòng", "Quý I"))
    path = tmp_path / "khong-ten.xlsx"
    workbook.save(path)
    reading = parplan.read(path)
    assert reading.plan is None
    assert any("which plan it belongs to" in doubt for doubt in reading.doubts)
    assert ("Sheet", "B2") in {(line.origin.sheet, line.origin.cell) for line in reading.unplaced}


def test_missing_columns_and_a_budget_without_its_unit_are_said(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "PL"
    sheet["A1"] = "NHIỆM VỤ NĂM 2024"
    sheet["A2"] = ATTACHED
    sheet.append(("TT", "Nhiệm vụ", "Thời gian", "Kinh phí"))
    sheet.append((1, "Rà soát thủ tục", "Quý I/2024", 3))
    path = tmp_path / "thieu-cot.xlsx"
    workbook.save(path)
    reading = parplan.read(path)
    assert reading.plan is not None
    assert any("no column 'Cơ quan chủ trì'" in doubt for doubt in reading.doubts)
    assert any(doubt.startswith("PL!D3: the budget column does not say its unit") for doubt in reading.doubts)


# --- bad files ----------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_workbook_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError, match="Excel workbook"):
        load_source(path)
    other = tmp_path / "khac.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(ReadError, match="not an Excel workbook"):
        load_source(other)


def test_an_old_xls_or_an_encrypted_workbook_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "cu.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    with pytest.raises(ReadError, match=r"\.xls"):
        load_source(path)


def test_without_openpyxl_the_error_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _written(PLANS["office"], tmp_path)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ReadError, match=r"pip install 'parplan\[xlsx\]'"):
        load_source(path)


def test_a_larger_file_than_allowed_is_refused(tmp_path: Path) -> None:
    path = _written(PLANS["office"], tmp_path)
    with pytest.raises(ReadError, match="larger than the limit"):
        load_source(path, max_bytes=1000)


# --- (3) the command line ---------------------------------------------------------------------------


def test_parplan_read_writes_the_reading_of_a_workbook(tmp_path: Path) -> None:
    path = _written(PLANS["office"], tmp_path)
    out, err = io.StringIO(), io.StringIO()
    code = main(["read", str(path), "-o", str(tmp_path / "doc.json")], out=out, err=err)
    assert code in {0, 1}, err.getvalue()
    data: dict[str, Any] = json.loads((tmp_path / "doc.json").read_text(encoding="utf-8"))
    assert data["document"] == "reading"
    assert len(data["plan"]["tasks"]) == len(PLANS["office"].tasks)
    cells = {(s["origin"].get("sheet"), s["origin"].get("cell")) for s in data["plan"]["sources"] if s.get("origin")}
    assert ("Phụ lục", "B6") in cells or ("Phụ lục", "B7") in cells
