"""Grid tables drawn with "+----+" borders and "|" cells, their wrapped cells joined into rows."""

from __future__ import annotations

from pathlib import Path

import parplan
from parplan.read.lines import box_table_lines, grid_table_rows
from parplan.read.source import Line

_TABLE = [
    "+-----+---------------------+-------------+-----------+",
    "| TT  | Nhiệm vụ            | Chủ trì     | Thời hạn  |",
    "+=====+=====================+=============+===========+",
    "| 1   | Rà soát quy chế     | Văn phòng   | Quý       |",
    "|     | tiếp nhận hồ sơ     |             | II/2027   |",
    "+-----+---------------------+-------------+-----------+",
    "| 2   | Khảo sát sự hài     | Phòng Nội   | Tháng     |",
    "|     | lòng của người dân  | vụ          | 8/2027    |",
    "+-----+---------------------+-------------+-----------+",
]


def _lines(texts: list[str]) -> list[Line]:
    return [Line(text=text, number=number) for number, text in enumerate(texts, start=1)]


def test_wrapped_cells_become_one_row_at_the_first_line() -> None:
    rows = grid_table_rows(_lines(_TABLE))
    assert [(line.number, line.text) for line in rows] == [
        (2, "| TT | Nhiệm vụ | Chủ trì | Thời hạn |"),
        (4, "| 1 | Rà soát quy chế tiếp nhận hồ sơ | Văn phòng | Quý II/2027 |"),
        (7, "| 2 | Khảo sát sự hài lòng của người dân | Phòng Nội vụ | Tháng 8/2027 |"),
    ]


def test_a_two_column_layout_table_keeps_a_row_per_paragraph() -> None:
    texts = [
        "+------------------+----------------------+",
        "| ***Nơi nhận:***  | **KT. GIÁM ĐỐC**     |",
        "|                  |                      |",
        "| \\- Sở Nội vụ;    | **PHÓ GIÁM ĐỐC**     |",
        "+------------------+----------------------+",
    ]
    assert [line.text for line in grid_table_rows(_lines(texts))] == [
        "Nơi nhận: | KT. GIÁM ĐỐC |",
        "- Sở Nội vụ; | PHÓ GIÁM ĐỐC |",
    ]


def test_prose_with_plus_signs_and_bars_is_left_alone() -> None:
    texts = [
        "+ Chủ trì: Phòng Nội vụ;",
        "| Ghi chú | thêm |",
        "Tỷ lệ đạt 95% +/- 2%.",
        "+--- không phải đường kẻ",
    ]
    assert [line.text for line in grid_table_rows(_lines(texts))] == texts


def test_a_line_that_does_not_fit_the_border_ends_the_table() -> None:
    texts = [*_TABLE[:6], "Trên đây là kế hoạch."]
    rows = grid_table_rows(_lines(texts))
    assert rows[-1].text == "Trên đây là kế hoạch."
    assert len(rows) == 3


def test_a_grid_task_table_is_read_into_tasks_and_a_table_of_people_is_not(tmp_path: Path) -> None:
    people = [
        "+--------------+------------------+",
        "| Họ và tên    | Chức vụ          |",
        "+--------------+------------------+",
        "| Hà Văn Sơn   | Tổ trưởng        |",
        "+--------------+------------------+",
    ]
    text = "\n".join(
        [
            "UBND XÃ BÌNH AN",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2027",
            "",
            "I. NHIỆM VỤ",
            *people,
            "",
            *_TABLE,
            "",
        ]
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    reading = parplan.read(path)
    assert reading.plan is not None
    titles = [task.title for task in reading.plan.tasks]
    assert titles == ["Rà soát quy chế tiếp nhận hồ sơ", "Khảo sát sự hài lòng của người dân"]
    assert not any("Hà Văn Sơn" in title for title in titles)


# a text browser's dump of a web page's table: box-drawing characters where a grid table has its ASCII
_BOX = [
    "┌───┬──────────────────────┬──────────────┬───────────┐",
    "│STT│Nội dung công việc    │Cơ quan chủ   │Thời hạn   │",
    "│   │                      │trì           │           │",
    "╞═══╪══════════════════════╪══════════════╪═══════════╡",
    "│I  │CẢI CÁCH THỦ TỤC      │              │           │",
    "├───┼──────────────────────┼──────────────┼───────────┤",
    "│1  │Số hóa kết quả giải   │Bộ phận Một   │Tháng      │",
    "│   │quyết hồ sơ đất đai.  │cửa           │10/2027    │",
    "├───┼──────────────────────┼──────────────┼───────────┤",
    "│2  │Lập sổ theo dõi phản  │Văn phòng     │Quý I/2027 │",
    "│   │ánh, kiến nghị.       │HĐND và UBND  │           │",
    "└───┴──────────────────────┴──────────────┴───────────┘",
]
_HEAVY_NO_ROW_RULES = [
    "┏━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓",
    "┃ TT ┃ Nhiệm vụ            ┃ Đơn vị chủ trì┃ Thời gian  ┃",
    "┣━━━━╋━━━━━━━━━━━━━━━━━━━━━╋━━━━━━━━━━━━━━━╋━━━━━━━━━━━━┫",
    "┃ 1  ┃ Rà soát quy chế làm ┃ Văn phòng     ┃ Quý II/2028┃",
    "┃    ┃ việc của UBND xã.   ┃               ┃            ┃",
    "┃ 2  ┃ Tập huấn kỹ năng số ┃ Công chức Văn ┃ Tháng      ┃",
    "┃    ┃ cho công chức.      ┃ hóa - Xã hội  ┃ 5/2028     ┃",
    "┃ 3  ┃ Niêm yết thủ tục.   ┃ Bộ phận Một   ┃ Thường     ┃",
    "┃    ┃                     ┃ cửa           ┃ xuyên      ┃",
    "┗━━━━┻━━━━━━━━━━━━━━━━━━━━━┻━━━━━━━━━━━━━━━┻━━━━━━━━━━━━┛",
]


def test_a_box_drawn_table_becomes_rows_with_its_wrapped_cells_joined() -> None:
    rows = grid_table_rows(box_table_lines(_lines(_BOX)))
    assert [(line.number, line.text) for line in rows] == [
        (2, "| STT | Nội dung công việc | Cơ quan chủ trì | Thời hạn |"),
        (5, "| I | CẢI CÁCH THỦ TỤC |  |  |"),
        (7, "| 1 | Số hóa kết quả giải quyết hồ sơ đất đai. | Bộ phận Một cửa | Tháng 10/2027 |"),
        (10, "| 2 | Lập sổ theo dõi phản ánh, kiến nghị. | Văn phòng HĐND và UBND | Quý I/2027 |"),
    ]


def test_rows_drawn_without_rules_between_them_open_at_their_numbers() -> None:
    rows = grid_table_rows(box_table_lines(_lines(_HEAVY_NO_ROW_RULES)))
    assert [line.text for line in rows[1:]] == [
        "| 1 | Rà soát quy chế làm việc của UBND xã. | Văn phòng | Quý II/2028 |",
        "| 2 | Tập huấn kỹ năng số cho công chức. | Công chức Văn hóa - Xã hội | Tháng 5/2028 |",
        "| 3 | Niêm yết thủ tục. | Bộ phận Một cửa | Thường xuyên |",
    ]


def test_box_characters_outside_a_drawn_table_are_left_alone() -> None:
    texts = ["│ Ghi chú bên lề", "── hết ──", "Văn bản có ký hiệu │ ở giữa"]
    assert [line.text for line in box_table_lines(_lines(texts))] == texts


def test_a_box_drawn_task_table_is_read_into_tasks_with_its_groups() -> None:
    text = "\n".join(["UBND XÃ PHÚ LỘC", "KẾ HOẠCH", "Cải cách hành chính năm 2027", "", "I. NHIỆM VỤ", *_BOX, ""])
    reading = parplan.read_text(text, name="phu-loc.txt")
    assert reading.plan is not None
    tasks = reading.plan.tasks
    assert [task.title for task in tasks] == [
        "Số hóa kết quả giải quyết hồ sơ đất đai.",
        "Lập sổ theo dõi phản ánh, kiến nghị.",
    ]
    assert [task.lead.label if task.lead else None for task in tasks] == ["Bộ phận Một cửa", "Văn phòng HĐND và UBND"]
    assert [task.timeframe.text for task in tasks if task.timeframe] == ["Tháng 10/2027", "Quý I/2027"]


def test_a_text_browsers_link_marks_are_the_pages_not_the_plans() -> None:
    text = "\n".join(
        [
            "[Trang chủ] > [Văn bản] > [Kế hoạch]",
            "UBND XÃ PHÚ LỘC",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2027",
            "",
            "I. NHIỆM VỤ",
            *_BOX,
            "",
            "[Tải về: 12-KH-UBND.pdf]   [In trang]   [Chia sẻ]",
            "",
            "Các văn bản khác:",
            "  * [Kế hoạch tuyên truyền cải cách hành chính năm 2027]",
        ]
    )
    reading = parplan.read_text(text, name="phu-loc.txt")
    assert reading.plan is not None
    assert len(reading.plan.tasks) == 2
    unplaced = [line.text for line in reading.unplaced]
    assert "[Tải về: 12-KH-UBND.pdf]   [In trang]   [Chia sẻ]" in unplaced
    assert "[Trang chủ] > [Văn bản] > [Kế hoạch]" in unplaced


# a web page's table with merged cells, as a text browser draws it: a heading over its sub-columns, a group row
_MERGED = [
    "┌──┬────────────────────┬───────────┬───────────────────┐",
    "│TT│Nhiệm vụ            │Chủ trì    │Thời gian thực hiện│",
    "│  │                    │           ├────┬────┬────┬────┤",
    "│  │                    │           │Quý │Quý │Quý │Quý │",
    "│  │                    │           │I   │II  │III │IV  │",
    "├──┼────────────────────┴───────────┴────┴────┴────┴────┤",
    "│I │CẢI CÁCH THỦ TỤC HÀNH CHÍNH                         │",
    "├──┼────────────────────┬───────────┬────┬────┬────┬────┤",
    "│1 │Rà soát quy trình   │Văn phòng  │    │x   │    │    │",
    "│  │nội bộ.             │           │    │    │    │    │",
    "├──┼────────────────────┼───────────┼────┼────┼────┼────┤",
    "│2 │Số hóa hồ sơ hộ     │Công chức  │    │    │    │x   │",
    "│  │tịch.               │Tư pháp -  │    │    │    │    │",
    "│  │                    │Hộ tịch    │    │    │    │    │",
    "└──┴────────────────────┴───────────┴────┴────┴────┴────┘",
]


def test_merged_cells_of_a_drawn_table_keep_their_columns() -> None:
    rows = grid_table_rows(box_table_lines(_lines(_MERGED)))
    assert [line.text for line in rows] == [
        "| TT | Nhiệm vụ | Chủ trì | Thời gian thực hiện |  |  |  |",
        "|  |  |  | Quý I | Quý II | Quý III | Quý IV |",
        "| I | CẢI CÁCH THỦ TỤC HÀNH CHÍNH |  |  |  |  |  |",
        "| 1 | Rà soát quy trình nội bộ. | Văn phòng |  | x |  |  |",
        "| 2 | Số hóa hồ sơ hộ tịch. | Công chức Tư pháp - Hộ tịch |  |  |  | x |",
    ]


def test_a_drawn_table_with_merged_cells_is_read_into_tasks() -> None:
    text = "\n".join(["UBND XÃ PHÚ LỘC", "KẾ HOẠCH", "Cải cách hành chính năm 2027", "", "I. NHIỆM VỤ", *_MERGED, ""])
    reading = parplan.read_text(text, name="phu-loc.txt")
    assert reading.plan is not None
    tasks = reading.plan.tasks
    assert [task.title for task in tasks] == ["Rà soát quy trình nội bộ.", "Số hóa hồ sơ hộ tịch."]
    assert [task.lead.label if task.lead else None for task in tasks] == ["Văn phòng", "Công chức Tư pháp - Hộ tịch"]
    assert [task.timeframe.text if task.timeframe else None for task in tasks] == ["Quý II", "Quý IV"]
