"""Tables copied one cell a line: between lone "|" lines, or as cards of "Column: value" lines."""

from __future__ import annotations

from parplan.read.cell_lines import card_table, pipe_cell_table
from parplan.read.lines import Grid, Para, TextLine, blocks


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def _pipe_rows(rows: list[list[str]]) -> list[str]:
    texts: list[str] = []
    for row in rows:
        texts.append("|")
        for cell in row:
            texts.extend([*cell.split("\n")] if cell else [""])
            texts.append("|")
    return texts


_HEADER = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]


def test_pipe_cells_rebuild_rows_with_groups_empty_and_wrapped_cells() -> None:
    texts = _pipe_rows(
        [
            _HEADER,
            ["A", "THỂ CHẾ", "", "", ""],
            ["1", "Rà soát văn bản\ncủa thị xã", "Phòng Tư pháp", "", "Quý I/2020"],
            ["2", "Lập danh mục", "Văn phòng", "Các phòng;\nUBND các phường", "Năm 2020"],
        ]
    )
    texts += ["3. Tổ chức thực hiện", "Các phòng triển khai."]
    found = pipe_cell_table(_lines(texts), 0, "table 1")
    assert found is not None
    grid, end = found
    assert [cell.text for cell in grid.rows[0]] == _HEADER
    assert [cell.text for cell in grid.rows[2]] == [
        "1",
        "Rà soát văn bản của thị xã",
        "Phòng Tư pháp",
        "",
        "Quý I/2020",
    ]
    assert grid.rows[3][3].text == "Các phòng; UBND các phường"
    assert texts[end] == "3. Tổ chức thực hiện"
    assert grid.rows[2][1].line == texts.index("Rà soát văn bản") + 1  # the cell's own line, for its source


def test_the_last_row_ends_at_its_closing_bar_when_text_follows() -> None:
    texts = _pipe_rows([_HEADER, ["1", "Một", "Văn phòng", "", "Năm 2020"]])
    texts += ["|", "2", "|", "Hai", "|", "Văn phòng", "|", "", "|", "Năm 2020", "|"]
    texts += ["III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "|", "TM. ỦY BAN NHÂN DÂN", "|"]
    found = pipe_cell_table(_lines(texts), 0, "table 1")
    assert found is not None
    grid, end = found
    assert len(grid.rows) == 3
    assert texts[end] == "III. TỔ CHỨC THỰC HIỆN"


def test_blocks_read_a_pipe_cell_table_as_one_grid_and_the_text_after() -> None:
    texts = ["II. NHIỆM VỤ"]
    texts += _pipe_rows(
        [_HEADER, ["1", "Một", "Văn phòng", "", "Năm 2020"], ["2", "Hai", "Phòng Nội vụ", "", "Quý II/2020"]]
    )
    texts += ["III. TỔ CHỨC THỰC HIỆN"]
    result = blocks(_lines(texts))
    assert [type(block).__name__ for block in result] == ["Para", "Grid", "Para"]
    grid = result[1]
    assert isinstance(grid, Grid)
    assert grid.name == "table 1"
    assert {cell.table for row in grid.rows for cell in row} == {"table 1"}


def test_bar_lines_of_a_masthead_are_no_table() -> None:
    texts = [
        "ỦY BAN NHÂN DÂN",
        "THỊ XÃ AN NHƠN",
        "|",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "|",
        "Số: 15/KH-UBND",
        "|",
        "An Nhơn, ngày 02 tháng 3 năm 2020",
        "|",
    ]
    lines = _lines(texts)
    assert all(pipe_cell_table(lines, index, "t") is None for index in range(len(lines)))
    assert not any(isinstance(block, Grid) for block in blocks(lines))


def test_bar_lines_with_one_row_or_no_task_column_stay_silent() -> None:
    one_row = _pipe_rows([_HEADER, ["1", "Một", "Văn phòng", "", "Năm 2020"]])
    assert pipe_cell_table(_lines(one_row), 0, "t") is None
    no_tasks = _pipe_rows([["Họ và tên", "Chức vụ", "Ghi chú"], ["Lê Văn A", "Chủ tịch", ""], ["Trần B", "Phó", ""]])
    assert pipe_cell_table(_lines(no_tasks), 0, "t") is None


_CARDS = [
    "Lĩnh vực: Thể chế",
    "STT: 1",
    "Nội dung công việc: Rà soát văn bản",
    "Đơn vị chủ trì: Phòng Tư pháp",
    "Đơn vị phối hợp:",
    "Thời gian hoàn thành: Quý II/2020",
    "STT: 2",
    "Nội dung công việc: Lập danh mục",
    "Đơn vị chủ trì: Văn phòng",
    "Đơn vị phối hợp: Các phòng",
    "Thời gian hoàn thành: Năm 2020",
    "III. TỔ CHỨC THỰC HIỆN",
]


def test_cards_are_rows_with_their_group_and_an_empty_cell() -> None:
    found = card_table(_lines(_CARDS), 0, "table 1")
    assert found is not None
    grid, end = found
    assert [cell.text for cell in grid.rows[0]] == [
        "STT",
        "Nội dung công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    ]
    assert [cell.text for cell in grid.rows[1]] == ["Thể chế"]
    assert grid.rows[1][0].columns == 5
    assert [cell.text for cell in grid.rows[2]] == ["1", "Rà soát văn bản", "Phòng Tư pháp", "", "Quý II/2020"]
    assert grid.rows[2][2].line == 4  # each cell's own line
    assert _CARDS[end] == "III. TỔ CHỨC THỰC HIỆN"


def test_label_value_paragraphs_are_no_cards() -> None:
    for texts in (
        ["Kinh phí: bố trí trong dự toán ngân sách năm 2020.", "Nơi nhận:"],
        ["Chủ trì: Phòng Nội vụ; phối hợp: các phòng.", "Thời gian: Quý I/2020."],
        ["Nhiệm vụ: rà soát văn bản.", "Chủ trì: Phòng Tư pháp.", "Thời gian: Quý I/2020.", "Trên đây là kế hoạch."],
        [*_CARDS[:6], "III. TỔ CHỨC THỰC HIỆN"],  # one card is no table
    ):
        lines = _lines(texts)
        assert all(card_table(lines, index, "t") is None for index in range(len(lines)))
        assert all(isinstance(block, Para) for block in blocks(lines))
