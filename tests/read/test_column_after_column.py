"""An appendix table a PDF extractor gave column after column: rebuilt by its cells' order, or left unread."""

from __future__ import annotations

from decimal import Decimal

import parplan
from parplan.read.columns import by_columns
from parplan.read.lines import TextLine

HEAD = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN QUỲ HỢP",
    "Số: 31/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quỳ Hợp, ngày 12 tháng 02 năm 2027",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2027",
    "I. NHIỆM VỤ",
    "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Phòng Nội vụ theo dõi, tổng hợp, báo cáo UBND huyện./.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Lương Văn Hải",
    "PHỤ LỤC",
    "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027",
]
NUMBERS = ["STT", "1", "2", "3"]
TASKS = [
    "Nội dung công việc",
    "Rà soát, công bố danh mục thủ tục",
    "hành chính cấp huyện.",
    "",
    "Tập huấn nghiệp vụ cho công chức",
    "Bộ phận Một cửa.",
    "",
    "Khảo sát sự hài lòng của người dân.",
]
LEADS = ["Cơ quan chủ trì", "Văn phòng HĐND và", "UBND huyện", "", "Phòng Nội vụ", "", "Phòng Văn hóa và", "Thông tin"]
TIMES = ["Thời gian hoàn", "thành", "Quý I/2027", "", "Tháng 5/2027", "", "Quý IV/2027"]


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, 1)]


def test_the_nth_cell_of_each_column_makes_the_nth_row() -> None:
    rebuilt = by_columns(_lines([*NUMBERS, *TASKS, *LEADS, *TIMES]), "appendix")
    assert rebuilt is not None
    assert rebuilt.grid is not None
    rows = [[cell.text for cell in row] for row in rebuilt.grid.rows]
    assert rows == [
        ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Rà soát, công bố danh mục thủ tục hành chính cấp huyện.", "Văn phòng HĐND và UBND huyện", "Quý I/2027"],
        ["2", "Tập huấn nghiệp vụ cho công chức Bộ phận Một cửa.", "Phòng Nội vụ", "Tháng 5/2027"],
        ["3", "Khảo sát sự hài lòng của người dân.", "Phòng Văn hóa và Thông tin", "Quý IV/2027"],
    ]
    assert rebuilt.grid.rebuilt
    assert rebuilt.doubts


def test_group_rows_leave_the_columns_after_the_task_one_cell_short() -> None:
    numbers = ["TT", "I", "1", "2", "II", "3"]
    tasks = ["Nhiệm vụ", "CẢI CÁCH THỦ TỤC", "", *TASKS[1:7], "CÔNG VỤ", "", TASKS[7]]
    rebuilt = by_columns(_lines([*numbers, *tasks, *LEADS, *TIMES]), "appendix")
    assert rebuilt is not None
    assert rebuilt.grid is not None
    rows = [[cell.text for cell in row] for row in rebuilt.grid.rows[1:]]
    assert rows[0] == ["I", "CẢI CÁCH THỦ TỤC", "", ""]
    assert rows[3] == ["II", "CÔNG VỤ", "", ""]
    assert rows[4][2:] == ["Phòng Văn hóa và Thông tin", "Quý IV/2027"]


def test_a_column_with_a_cell_too_few_leaves_the_table_unread() -> None:
    leads = ["Cơ quan chủ trì", "Văn phòng HĐND và", "UBND huyện", "", "Phòng Văn hóa và", "Thông tin"]
    assert by_columns(_lines([*NUMBERS, *TASKS, *leads, *TIMES]), "appendix") is None


def test_a_table_given_row_by_row_is_no_such_table() -> None:
    texts = ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian", "1", "Rà soát thủ tục.", "Văn phòng", "Quý I/2027"]
    assert by_columns(_lines(texts), "appendix") is None


def test_a_plan_with_such_an_appendix_reads_its_tasks_under_09_with_a_doubt() -> None:
    text = "\n".join([*HEAD, *NUMBERS, *TASKS, *LEADS, *TIMES, ""])
    reading = parplan.read_text(text, name="quy-hop.txt")
    assert reading.plan is not None
    tasks = reading.plan.tasks
    table = [task for task in tasks if task.id.startswith("pl-")]
    assert [task.lead.label if task.lead else None for task in table] == [
        "Văn phòng HĐND và UBND huyện",
        "Phòng Nội vụ",
        "Phòng Văn hóa và Thông tin",
    ]
    assert [task.timeframe.text if task.timeframe else None for task in table] == [
        "Quý I/2027",
        "Tháng 5/2027",
        "Quý IV/2027",
    ]
    assert any("column after column" in doubt for doubt in reading.doubts)
    assert all(
        source.confidence is not None and source.confidence < Decimal("0.9")
        for index, task in enumerate(tasks)
        if task.id.startswith("pl-")
        for source in reading.plan.sources
        if source.path.startswith(f"$.tasks[{index}].")
    )


def _cells(lines: list[str]) -> list[str]:
    """A column's cells without its heading: the lines after the heading."""
    heading_end = 2 if lines[1][:1].islower() else 1
    return lines[heading_end:]


def test_every_heading_first_then_the_numbers_then_each_columns_cells() -> None:
    headings = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn", "thành"]
    cells = [*_cells(TASKS), "", *_cells(LEADS), "", *_cells(TIMES)]
    rebuilt = by_columns(_lines([*headings, "1", "2", "3", *cells]), "appendix")
    assert rebuilt is not None
    assert rebuilt.grid is not None
    rows = [[cell.text for cell in row] for row in rebuilt.grid.rows]
    assert rows[0] == ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    assert rows[2] == ["2", "Tập huấn nghiệp vụ cho công chức Bộ phận Một cửa.", "Phòng Nội vụ", "Tháng 5/2027"]
    assert rows[3][2:] == ["Phòng Văn hóa và Thông tin", "Quý IV/2027"]


def test_headings_first_with_a_column_whose_last_cell_ran_into_the_next_is_unread() -> None:
    headings = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn", "thành"]
    cells = [*_cells(TASKS), *_cells(LEADS), "", *_cells(TIMES)]  # no empty line after the last task
    assert by_columns(_lines([*headings, "1", "2", "3", *cells]), "appendix") is None
