"""Tables copied one cell a line whose rows are parted only by empty lines (no "|" lines, no tabs)."""

from __future__ import annotations

from parplan.read.cell_lines import blank_cell_table
from parplan.read.lines import Grid, TextLine, blocks

_HEADER = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def _texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


def test_rows_parted_by_empty_lines_with_a_group_row() -> None:
    texts = [
        *_HEADER,
        "",
        "A",
        "THỂ CHẾ",
        "",
        "1",
        "Rà soát quy chế làm việc",
        "Văn phòng",
        "Phòng Tư pháp",
        "Quý I/2028",
        "",
        "2",
        "Kiểm tra việc ban hành văn bản",
        "Phòng Tư pháp",
        "Các xã",
        "Quý III/2028",
        "",
        "Nơi nhận:",
    ]
    found = blank_cell_table(_lines(texts), 0, "table 1")
    assert found is not None
    grid, end = found
    assert _texts(grid)[0] == _HEADER
    assert _texts(grid)[1] == ["A", "THỂ CHẾ", "", "", ""]
    assert _texts(grid)[3] == ["2", "Kiểm tra việc ban hành văn bản", "Phòng Tư pháp", "Các xã", "Quý III/2028"]
    assert texts[end] == ""
    assert texts[end + 1] == "Nơi nhận:"
    assert not grid.rebuilt  # every row had all its lines: nothing guessed


def test_an_empty_cell_inside_a_row_is_guessed_and_the_table_marked() -> None:
    texts = [
        *_HEADER,
        "",
        "1",
        "Tập huấn nghiệp vụ một cửa",
        "Phòng Nội vụ",
        "",
        "Tháng 5/2028",
        "",
        "2",
        "Đo mức độ hài lòng",
        "Văn phòng",
        "Các phòng",
        "Tháng 11/2028",
    ]
    found = blank_cell_table(_lines(texts), 0, "table 1")
    assert found is not None
    grid, _ = found
    assert _texts(grid)[1] == ["1", "Tập huấn nghiệp vụ một cửa", "Phòng Nội vụ", "", "Tháng 5/2028"]
    assert grid.rebuilt


def test_a_wrapped_cell_going_on_in_lower_case_is_joined() -> None:
    texts = [
        "TT",
        "Nhiệm vụ",
        "Chủ trì",
        "Thời hạn",
        "",
        "1",
        "Cập nhật cơ sở dữ liệu",
        "cán bộ, công chức",
        "Phòng Nội vụ",
        "Quý II/2028",
        "",
        "2",
        "Niêm yết thủ tục",
        "Văn phòng",
        "Năm 2028",
    ]
    found = blank_cell_table(_lines(texts), 0, "table 1")
    assert found is not None
    assert _texts(found[0])[1] == ["1", "Cập nhật cơ sở dữ liệu cán bộ, công chức", "Phòng Nội vụ", "Quý II/2028"]


def test_a_list_of_people_is_no_task_table() -> None:
    texts = ["Họ và tên", "Chức vụ", "Ghi chú", "", "Nguyễn Văn A", "Tổ trưởng", "", "", "Trần Thị B", "Tổ viên", ""]
    assert blank_cell_table(_lines(texts), 0, "table 1") is None


def test_short_paragraphs_are_no_table() -> None:
    texts = [
        "Nhiệm vụ trọng tâm",
        "Phòng Nội vụ chủ trì",
        "Thời gian thực hiện cả năm",
        "",
        "Các đơn vị triển khai đúng tiến độ.",
        "",
        "Trên đây là kế hoạch.",
    ]
    assert blank_cell_table(_lines(texts), 0, "table 1") is None


def test_one_row_only_is_not_enough() -> None:
    texts = [*_HEADER, "", "1", "Rà soát", "Văn phòng", "Các phòng", "Năm 2028", "", "Nơi nhận:"]
    assert blank_cell_table(_lines(texts), 0, "table 1") is None


def test_blocks_read_the_table_as_one_grid() -> None:
    texts = [
        "PHỤ LỤC",
        "",
        *_HEADER,
        "",
        "1",
        "Rà soát quy chế làm việc",
        "Văn phòng",
        "Phòng Tư pháp",
        "Quý I/2028",
        "",
        "2",
        "Kiểm tra việc ban hành văn bản",
        "Phòng Tư pháp",
        "Các xã",
        "Quý III/2028",
    ]
    grids = [block for block in blocks(_lines(texts), []) if isinstance(block, Grid)]
    assert len(grids) == 1
    assert len(grids[0].rows) == 3
