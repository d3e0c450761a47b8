"""Tables that give a task's time by a mark ("x", "✓", "•") in one of several period columns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import parplan
from parplan.plan import Plan
from parplan.read.reading import Reading
from parplan.timeframes import Within

HEAD = ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "KẾ HOẠCH", "Cải cách hành chính năm 2027", "", "II. NHIỆM VỤ"]


def _read(rows: list[str], name: str = "tan-phu.txt") -> tuple[Plan, Reading]:
    reading = parplan.read_text("\n".join([*HEAD, *rows, ""]), name=name)
    assert reading.plan is not None
    return reading.plan, reading


def _times(plan: Plan) -> list[str | None]:
    return [task.timeframe.text if task.timeframe else None for task in plan.tasks]


def _source(reading: Reading, index: int, field: str) -> parplan.FieldSource:
    assert reading.plan is not None
    return next(s for s in reading.plan.sources if s.path == f"$.tasks[{index}].{field}")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [
                "TT\tNội dung\tChủ trì\tThời gian thực hiện (năm 2027)\t\t\t",
                "\t\t\tQuý I\tQuý II\tQuý III\tQuý IV",
                "1\tRà soát quy chế một cửa\tVăn phòng\t\tx\t\t",
                "2\tKhảo sát ý kiến người dân\tCông chức Văn hóa - Xã hội\t\t\t\tx",
            ],
            ["Quý II", "Quý IV"],
            id="tabs-quarters-under-a-merged-heading",
        ),
        pytest.param(
            [
                "| STT | Nhiệm vụ | Đơn vị thực hiện | 6 tháng đầu năm | 6 tháng cuối năm |",
                "|---|---|---|---|---|",
                "| 1 | Cập nhật thủ tục trên Cổng | Bộ phận Một cửa | √ |  |",
                "| 2 | Tổng kết công tác năm | Văn phòng |  | ✓ |",
            ],
            ["6 tháng đầu năm", "6 tháng cuối năm"],
            id="pipes-halves-in-the-header-row",
        ),
        pytest.param(
            [
                "TT\tCông việc\tPhụ trách\tThực hiện trong tháng\t\t\t\t\t",
                "\t\t\t1\t2\t3\t4\t5\t6",
                "1\tNiêm yết mẫu tờ khai\tCông chức Tư pháp - Hộ tịch\t\t\t•\t\t\t",
                "2\tSố hóa hồ sơ tồn đọng\tCông chức Địa chính\t\t\t\t\t\t•",
            ],
            ["Tháng 3", "Tháng 6"],
            id="bare-month-numbers-under-a-heading-naming-months",
        ),
        pytest.param(
            [
                "TT | Nhiệm vụ | Chủ trì | Quý I | Quý II | Quý III | Quý IV",
                "1 | Kiểm tra công vụ | Văn phòng | X |  |  | ",
                "2 | Đối thoại với doanh nghiệp | Công chức Tài chính - Kế toán |  |  | X | ",
            ],
            ["Quý I", "Quý III"],
            id="pipes-without-outer-bars-capital-crosses",
        ),
        pytest.param(
            [
                "STT\tNhiệm vụ\tBộ phận thực hiện\t" + "\t".join(f"T{month}" for month in range(1, 13)),
                "1\tTập huấn phần mềm một cửa\tBộ phận Một cửa" + "\t" * 4 + "+" + "\t" * 8,
                "2\tSơ kết công tác cải cách\tVăn phòng" + "\t" * 6 + "+" + "\t" * 6,
            ],
            ["Tháng 4", "Tháng 6"],
            id="tabs-abbreviated-months-plus-marks",
        ),
    ],
)
def test_the_marked_column_gives_the_time_as_its_heading_is_written(rows: list[str], expected: list[str]) -> None:
    plan, reading = _read(rows)
    assert _times(plan) == expected
    assert len(plan.tasks) == len(expected)
    source = _source(reading, 0, "timeframe")
    assert not any("period" in doubt for doubt in source.doubts)  # one mark: as sure as the heading written in the cell
    assert source.origin is not None
    assert source.origin.line is not None
    timeframe = plan.tasks[0].timeframe
    assert isinstance(timeframe, Within)
    assert timeframe.periods[0].year == 2027  # read in the plan's year


def test_the_period_columns_are_no_matrix_of_bodies() -> None:
    plan, _ = _read(
        [
            "TT\tNội dung\tChủ trì\tPhối hợp\tTiến độ\t\t\t",
            "\t\t\t\tQuý I\tQuý II\tQuý III\tQuý IV",
            "1\tTập huấn kỹ năng số\tCông chức Văn phòng - Thống kê\t\t\tx\t\t",
            "2\tKiểm tra hồ sơ một cửa\tCông chức Tư pháp - Hộ tịch\t\tx\t\t\t",
        ]
    )
    assert [task.lead.label if task.lead else None for task in plan.tasks] == [
        "Công chức Văn phòng - Thống kê",
        "Công chức Tư pháp - Hộ tịch",
    ]
    assert _times(plan) == ["Quý II", "Quý I"]


def test_several_marks_are_the_periods_marked_read_with_a_doubt() -> None:
    plan, reading = _read(
        [
            "TT\tNội dung\tChủ trì\tQuý I\tQuý II\tQuý III\tQuý IV",
            "1\tTuyên truyền dịch vụ công trực tuyến\tĐoàn Thanh niên\t\tx\tx\t",
            "2\tRà soát thủ tục\tVăn phòng\tx\t\t\t",
        ]
    )
    assert _times(plan) == ["Quý II, Quý III", "Quý I"]
    timeframe = plan.tasks[0].timeframe
    assert isinstance(timeframe, Within)
    assert [period.index for period in timeframe.periods] == [2, 3]
    several = _source(reading, 0, "timeframe")
    one = _source(reading, 1, "timeframe")
    assert several.confidence is not None
    assert one.confidence is not None
    assert several.confidence < min(one.confidence, Decimal("0.9"))
    assert any("2 period columns" in doubt for doubt in several.doubts)
    assert not any("period columns" in doubt for doubt in one.doubts)


def test_a_row_without_a_mark_has_no_time() -> None:
    plan, _ = _read(
        [
            "TT\tNội dung\tChủ trì\tQuý I\tQuý II\tQuý III\tQuý IV",
            "1\tRà soát quy chế\tVăn phòng\t\t\tx\t",
            "2\tCủng cố tổ một cửa\tVăn phòng\t\t\t\t",
        ]
    )
    assert _times(plan) == ["Quý III", None]


def test_a_year_over_the_periods_other_than_the_plans_is_doubted() -> None:
    _, reading = _read(
        [
            "TT\tNội dung\tChủ trì\tThời gian (năm 2028)\t\t\t",
            "\t\t\tQuý I\tQuý II\tQuý III\tQuý IV",
            "1\tRà soát quy chế\tVăn phòng\tx\t\t\t",
            "2\tKiểm tra công vụ\tVăn phòng\t\tx\t\t",
        ]
    )
    source = _source(reading, 0, "timeframe")
    assert source.confidence is not None
    assert source.confidence < 0.9
    assert any("2028" in doubt for doubt in source.doubts)


def test_period_columns_holding_words_are_no_marks() -> None:
    plan, _ = _read(
        [
            "TT\tNội dung\tChủ trì\tQuý I\tQuý II",
            "1\tRà soát quy chế\tVăn phòng\tRà soát\t",
            "2\tKiểm tra công vụ\tVăn phòng\tx\tBáo cáo",
        ]
    )
    assert "Quý I" not in _times(plan)
    assert all(time is None or "Quý" not in time for time in _times(plan))


def _word(rows: int, columns: int) -> tuple[Any, Any]:
    """A Word document holding the plan's head and an empty table of ``rows`` by ``columns``."""
    docx = pytest.importorskip("docx", reason="writing the Word file needs python-docx (parplan[docx])")
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    return document, document.add_table(rows=rows, cols=columns)


def _read_word(document: Any, path: Path) -> Plan:
    document.save(str(path))
    reading = parplan.read(path)
    assert reading.plan is not None
    return reading.plan


def test_a_word_table_with_a_merged_heading_over_its_quarters(tmp_path: Path) -> None:
    document, table = _word(2, 7)
    for column, heading in enumerate(("TT", "Nội dung công việc", "Cơ quan chủ trì")):
        merged = table.cell(0, column).merge(table.cell(1, column))
        merged.text = heading
    time = table.cell(0, 3).merge(table.cell(0, 6))
    time.text = "Thời gian thực hiện"
    for column, name in enumerate(("Quý I", "Quý II", "Quý III", "Quý IV"), start=3):
        table.cell(1, column).text = name
    rows = (("Rà soát văn bản quy phạm", "Công chức Tư pháp - Hộ tịch", 2), ("Số hóa hồ sơ", "Bộ phận Một cửa", 4))
    for number, (task, lead, quarter) in enumerate(rows, 1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(number), task, lead
        cells[2 + quarter].text = "x"
    plan = _read_word(document, tmp_path / "tan-phu.docx")
    assert [task.title for task in plan.tasks] == ["Rà soát văn bản quy phạm", "Số hóa hồ sơ"]
    assert _times(plan) == ["Quý II", "Quý IV"]


def test_a_time_written_across_the_period_columns_is_the_rows_time(tmp_path: Path) -> None:
    document, table = _word(1, 6)
    headings = ("TT", "Nhiệm vụ", "Chủ trì", "Quý I", "Quý II", "Quý III")
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
    first = table.add_row().cells
    first[0].text, first[1].text, first[2].text, first[4].text = "1", "Rà soát quy chế", "Văn phòng", "x"
    second = table.add_row()
    second.cells[0].text, second.cells[1].text, second.cells[2].text = "2", "Tiếp dân định kỳ", "Văn phòng"
    whole = second.cells[3].merge(second.cells[5])
    whole.text = "Hằng tháng"
    assert _times(_read_word(document, tmp_path / "tan-phu.docx")) == ["Quý II", "Hằng tháng"]


def test_columns_named_by_years_with_figures_are_no_task_table() -> None:
    plan, _ = _read(
        [
            "TT\tNội dung\tNăm 2027\tNăm 2028",
            "1\tTỷ lệ hồ sơ trực tuyến\t60%\t80%",
            "2\tTỷ lệ hài lòng\t90%\t95%",
        ]
    )
    assert plan.tasks == ()
