"""The progress template: written for a plan, filled in by an office, read back into a progress report."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

import parplan
from office_samples import office_plan
from parplan.errors import ReadError
from parplan.progress.report import TaskStatus
from parplan.render.xlsx import PROGRESS_HEADER_ROW, progress_statuses

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install 'parplan[xlsx]'")

PLAN = office_plan()
PERIOD = parplan.ReportingPeriod.quarter(2023, 1)


def _template(tmp_path: Path) -> Path:
    path = tmp_path / "tien-do.xlsx"
    path.write_bytes(parplan.write_progress_template(PLAN))
    return path


def _filled(tmp_path: Path, values: dict[str, object]) -> Path:
    path = _template(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Tiến độ"]
    for ref, value in values.items():
        sheet[ref] = value
    workbook.save(path)
    return path


def test_the_template_has_a_row_per_task_and_empty_columns_to_fill(tmp_path: Path) -> None:
    path = _template(tmp_path)
    assert parplan.write_progress_template(PLAN) == path.read_bytes()
    (sheet,) = parplan.read_sheets(path)
    header = [cell.text for cell in sheet.rows[2]]
    plan_part = ["TT", "Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]
    assert header == [*plan_part, "Tình trạng", "Ngày hoàn thành", "Minh chứng", "Ghi chú"]
    task_rows = [row for row in sheet.rows if row[0].row > PROGRESS_HEADER_ROW]
    assert [row[1].text for row in task_rows] == [task.id for task in PLAN.tasks]
    assert all(cell.column <= 5 for row in task_rows for cell in row)  # the office's columns are empty
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<dataValidation type="list"' in sheet_xml
    assert all(status in sheet_xml for status in progress_statuses("vi"))


def test_a_filled_template_reads_into_a_progress_report(tmp_path: Path) -> None:
    first, second = PLAN.tasks[0].id, PLAN.tasks[1].id
    path = _filled(
        tmp_path,
        {
            "F5": "Đã hoàn thành",
            "G5": datetime(2023, 3, 10),  # noqa: DTZ001 - a day as Excel stores it
            "H5": "- Quyết định số 05/QĐ-UBND\n- Báo cáo kết quả",
            "I5": "đúng hạn",
            "F6": "dang trien khai",
        },
    )
    report = parplan.read_progress_template(path, PLAN, period=PERIOD, submitted_on=date(2023, 3, 14))
    assert report.period == PERIOD
    assert report.unit == PLAN.unit
    assert report.plan.symbol == PLAN.symbol
    done, going = report.updates
    assert (done.task, done.status, done.done_on) == (first, TaskStatus.DONE, date(2023, 3, 10))
    assert done.note == "đúng hạn\nMinh chứng: Báo cáo kết quả"  # a line that names no document is kept, not lost
    (evidence,) = done.evidence
    assert evidence.reference is not None
    assert str(evidence.reference.symbol) == "05/QĐ-UBND"
    assert (going.task, going.status, going.done_on) == (second, TaskStatus.IN_PROGRESS, None)


def test_every_cell_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    path = _filled(
        tmp_path,
        {"F5": "xong rồi", "F6": "Hoàn thành", "G6": "32/13/2023", "B7": "khong-co", "F7": "Chưa triển khai"},
    )
    with pytest.raises(ReadError) as raised:
        parplan.read_progress_template(path, PLAN, period=PERIOD)
    reason = raised.value.reason
    assert "3 cells cannot be read" in reason
    assert "Tiến độ!F5: 'xong rồi' is not a status" in reason
    assert "Tiến độ!G6: '32/13/2023' is not a day" in reason
    assert "Tiến độ!B7: the plan has no task 'khong-co'" in reason


def test_a_workbook_that_is_not_a_template_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "khac.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(("TT", "Nhiệm vụ"))
    workbook.save(path)
    with pytest.raises(ReadError, match="no progress template"):
        parplan.read_progress_template(path, PLAN, period=PERIOD)
