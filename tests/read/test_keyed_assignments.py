"""Tasks written as numbered items, assigned by a separate table (or list) that names them by their numbers."""

from __future__ import annotations

import pytest

import parplan
from parplan.plan import Plan
from parplan.read.reading import Reading

HEAD = [
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "HUYỆN NGỌC LẶC\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 15/KH-UBND\tNgọc Lặc, ngày 10 tháng 01 năm 2027",
    "",
    "KẾ HOẠCH",
    "Nâng cao Chỉ số PAPI năm 2027",
    "",
]
TASKS = [
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Tham gia của người dân ở cơ sở",
    "1.1. Hướng dẫn các thôn tổ chức họp dân đúng quy trình.",
    "1.2. Công khai các khoản đóng góp của nhân dân tại nhà văn hóa.",
    "2. Công khai, minh bạch",
    "2.1. Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn.",
    "2.2. Công khai bảng giá đất trên Cổng thông tin điện tử.",
    "2.3. Công khai kết quả giải quyết khiếu nại, tố cáo.",
    "3. Thủ tục hành chính công",
    "3.1. Rà soát việc trả kết quả đúng hẹn tại Bộ phận Một cửa.",
    "",
]
CLOSING = ["", "IV. TỔ CHỨC THỰC HIỆN", "Các cơ quan báo cáo kết quả về Phòng Nội vụ trước ngày 30/11/2027./.", ""]


def _read(assignment: list[str], tasks: list[str] = TASKS) -> Reading:
    reading = parplan.read_text("\n".join([*HEAD, *tasks, *assignment, *CLOSING]), name="ngoc-lac.txt")
    assert reading.plan is not None
    return reading


def _fields(plan: Plan | None) -> list[tuple[str, str | None, str | None]]:
    assert plan is not None
    return [
        (task.id, task.lead.label if task.lead else None, task.timeframe.text if task.timeframe else None)
        for task in plan.tasks
        if task.id.startswith("II.")
    ]


EXPECTED = [
    ("II.1.1", "Phòng Nội vụ", "Quý II/2027"),
    ("II.1.2", "Phòng Nội vụ", "Quý II/2027"),
    ("II.2.1", "Phòng Lao động - Thương binh và Xã hội", "Tháng 3/2027"),
    ("II.2.2", "Văn phòng HĐND và UBND huyện", "Tháng 5/2027"),
    ("II.2.3", "Văn phòng HĐND và UBND huyện", "Tháng 5/2027"),
    ("II.3.1", "Văn phòng HĐND và UBND huyện", "Thường xuyên"),
]


@pytest.mark.parametrize(
    "assignment",
    [
        pytest.param(
            [
                "III. PHÂN CÔNG THỰC HIỆN",
                "Nhiệm vụ (mục II)\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn",
                "1.1, 1.2\tPhòng Nội vụ\tUBND các xã\tQuý II/2027",
                "2.1\tPhòng Lao động - Thương binh và Xã hội\tUBND các xã\tTháng 3/2027",
                "2.2 - 2.3\tVăn phòng HĐND và UBND huyện\t\tTháng 5/2027",
                "3.1\tVăn phòng HĐND và UBND huyện\tChi nhánh Văn phòng đăng ký đất đai\tThường xuyên",
            ],
            id="tabs-numbers-listed-and-a-range",
        ),
        pytest.param(
            [
                "III. PHÂN CÔNG THỰC HIỆN",
                "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |",
                "|---|---|---|---|",
                "| 1 | Nhiệm vụ 1.1 và 1.2 | Phòng Nội vụ | Quý II/2027 |",
                "| 2 | Nhiệm vụ 2.1 | Phòng Lao động - Thương binh và Xã hội | Tháng 3/2027 |",
                "| 3 | Nhiệm vụ 2.2, 2.3 | Văn phòng HĐND và UBND huyện | Tháng 5/2027 |",
                "| 4 | Nhiệm vụ 3.1 | Văn phòng HĐND và UBND huyện | Thường xuyên |",
            ],
            id="pipes-with-the-tables-own-numbers",
        ),
        pytest.param(
            [
                "III. PHÂN CÔNG THỰC HIỆN",
                "- Nhiệm vụ 1.1, 1.2: Phòng Nội vụ chủ trì, phối hợp UBND các xã; thời gian: Quý II/2027.",
                "- Nhiệm vụ 2.1: Phòng Lao động - Thương binh và Xã hội; Tháng 3/2027.",
                "- Nhiệm vụ 2.2 đến 2.3: Chủ trì: Văn phòng HĐND và UBND huyện; thời hạn: Tháng 5/2027.",
                "- Nhiệm vụ 3.1: Văn phòng HĐND và UBND huyện; Thường xuyên.",
            ],
            id="a-list-of-lines",
        ),
    ],
)
def test_the_numbered_tasks_take_the_lead_and_time_of_the_row_naming_them(assignment: list[str]) -> None:
    reading = _read(assignment)
    assert _fields(reading.plan) == EXPECTED
    assert reading.plan is not None
    assert not any("1.1" in task.title or "2.1" in task.title for task in reading.plan.tasks)
    assert not [line for line in reading.unplaced if "1.1" in line.text]


def test_the_fields_cite_the_row_and_the_table_cells_are_sure() -> None:
    reading = _read(
        [
            "Nhiệm vụ\tChủ trì\tThời hạn",
            "1.1, 1.2\tPhòng Nội vụ\tQuý II/2027",
            "2.1-2.3\tVăn phòng HĐND và UBND huyện\tTháng 5/2027",
            "3.1\tVăn phòng HĐND và UBND huyện\tThường xuyên",
        ]
    )
    assert reading.plan is not None
    sources = {source.path: source for source in reading.plan.sources}
    lead = sources["$.tasks[1].responsibility"]
    time = sources["$.tasks[1].timeframe"]
    assert lead.origin is not None
    assert time.origin is not None
    assert lead.origin.line == time.origin.line  # the row "2.1-2.3"
    assert (lead.origin.column, time.origin.column) == ("2", "3")
    assert lead.confidence is not None
    assert lead.confidence >= 0.9


def test_a_number_naming_a_heading_gives_each_task_under_it_with_a_doubt() -> None:
    reading = _read(
        [
            "Nội dung\tCơ quan chủ trì\tThời hạn",
            "1.1\tPhòng Nội vụ\tQuý II/2027",
            "2\tPhòng Tư pháp\tQuý III/2027",
        ]
    )
    fields = _fields(reading.plan)
    assert [lead for _, lead, _ in fields[2:5]] == ["Phòng Tư pháp"] * 3
    assert reading.plan is not None
    source = next(s for s in reading.plan.sources if s.path == "$.tasks[2].responsibility")
    assert source.confidence is not None
    assert source.confidence < 0.9
    assert any("names a group" in doubt for doubt in source.doubts)


def test_a_number_that_names_no_task_is_a_doubt_and_its_row_unplaced() -> None:
    reading = _read(
        [
            "Nhiệm vụ\tChủ trì\tThời hạn",
            "1.1\tPhòng Nội vụ\tQuý II/2027",
            "4.2\tPhòng Tư pháp\tQuý III/2027",
        ]
    )
    assert _fields(reading.plan)[0] == ("II.1.1", "Phòng Nội vụ", "Quý II/2027")
    assert not any(lead == "Phòng Tư pháp" for _, lead, _ in _fields(reading.plan))
    assert any("4.2" in doubt for doubt in reading.doubts)
    assert any(line.text == "4.2" for line in reading.unplaced)


def test_numbers_of_the_part_most_keys_name_when_two_parts_number_alike() -> None:
    tasks = [*TASKS[:-1], "III. GIẢI PHÁP HỖ TRỢ", "1. Kinh phí", "1.1. Bố trí kinh phí khảo sát.", ""]
    reading = _read(
        [
            "IV. PHÂN CÔNG",
            "Nhiệm vụ\tChủ trì\tThời hạn",
            "1.1\tPhòng Nội vụ\tQuý II/2027",
            "2.1\tPhòng Tư pháp\tQuý III/2027",
            "3.1\tVăn phòng HĐND và UBND huyện\tThường xuyên",
        ],
        tasks=tasks,
    )
    assert reading.plan is not None
    by_id = {task.id: task for task in reading.plan.tasks}
    assert by_id["II.1.1"].lead is not None
    assert by_id["II.1.1"].lead.label == "Phòng Nội vụ"
    assert by_id["III.1.1"].lead is None
    index = [task.id for task in reading.plan.tasks].index("II.1.1")
    source = next(s for s in reading.plan.sources if s.path == f"$.tasks[{index}].responsibility")
    assert any("part III" in doubt for doubt in source.doubts)  # which part "1.1" means was the reader's choice
    unique = [task.id for task in reading.plan.tasks].index("II.2.1")
    sure = next(s for s in reading.plan.sources if s.path == f"$.tasks[{unique}].responsibility")
    assert not sure.doubts
    assert source.confidence is not None
    assert sure.confidence is not None
    assert source.confidence < sure.confidence
    assert source.confidence < 0.9


def test_a_task_table_with_row_numbers_and_titles_is_read_as_tasks() -> None:
    reading = _read(
        [
            "Nhiệm vụ\tChủ trì\tThời hạn",
            "Rà soát quy chế làm việc\tPhòng Nội vụ\tQuý II/2027",
            "Tập huấn kỹ năng số\tPhòng Văn hóa và Thông tin\tQuý III/2027",
        ],
        tasks=["II. NHIỆM VỤ"],
    )
    assert reading.plan is not None
    assert [task.title for task in reading.plan.tasks][:2] == ["Rà soát quy chế làm việc", "Tập huấn kỹ năng số"]


SINGLE = [
    "II. NHIỆM VỤ",
    "1. Rà soát quy chế làm việc của UBND huyện.",
    "2. Tổ chức tập huấn kỹ năng số cho công chức.",
    "3. Kiểm tra công vụ tại UBND các xã.",
    "",
]


@pytest.mark.parametrize(
    "assignment",
    [
        pytest.param(
            [
                "III. PHÂN CÔNG",
                "Nhiệm vụ\tChủ trì\tThời hạn",
                "Nhiệm vụ 1\tVăn phòng HĐND và UBND huyện\tQuý I/2027",
                "Nhiệm vụ 2, 3\tPhòng Nội vụ\tQuý III/2027",
            ],
            id="a-table",
        ),
        pytest.param(
            [
                "III. PHÂN CÔNG",
                "- Nhiệm vụ 1: Văn phòng HĐND và UBND huyện chủ trì; thời gian: Quý I/2027.",
                "- Nhiệm vụ 2, 3: Phòng Nội vụ chủ trì; thời gian: Quý III/2027.",
            ],
            id="a-list",
        ),
    ],
)
def test_single_numbers_name_tasks_when_a_word_says_so(assignment: list[str]) -> None:
    reading = _read(assignment, tasks=SINGLE)
    assert _fields(reading.plan) == [
        ("II.1", "Văn phòng HĐND và UBND huyện", "Quý I/2027"),
        ("II.2", "Phòng Nội vụ", "Quý III/2027"),
        ("II.3", "Phòng Nội vụ", "Quý III/2027"),
    ]


def test_a_column_of_the_tables_own_row_numbers_names_no_task() -> None:
    reading = _read(
        [
            "III. PHÂN CÔNG",
            "Nhiệm vụ\tChủ trì\tThời hạn",
            "1\tVăn phòng HĐND và UBND huyện\tQuý I/2027",
            "2\tPhòng Nội vụ\tQuý III/2027",
        ],
        tasks=SINGLE,
    )
    assert [lead for _, lead, _ in _fields(reading.plan)] == [None, None, None]


def test_a_list_line_opening_with_the_numbers_it_names() -> None:
    reading = _read(
        [
            "III. PHÂN CÔNG THỰC HIỆN",
            "1.1, 1.2: Phòng Nội vụ chủ trì; thời gian: Quý II/2027.",
            "2.1 - 2.3: Văn phòng HĐND và UBND huyện; Tháng 5/2027.",
            "3.1: Văn phòng HĐND và UBND huyện; Thường xuyên.",
        ]
    )
    assert (
        _fields(reading.plan)
        == [
            *EXPECTED[:2],
            ("II.2.1", "Văn phòng HĐND và UBND huyện", "Tháng 5/2027"),  # in the range this time
            *EXPECTED[3:],
        ]
    )
    assert reading.plan is not None
    assert not any(task.id.startswith("III") for task in reading.plan.tasks)


@pytest.mark.parametrize("heading", ["Mục", "", "Số hiệu"])
def test_a_column_of_task_numbers_under_a_heading_the_lexicon_does_not_know(heading: str) -> None:
    reading = _read(
        [
            "III. PHÂN CÔNG THỰC HIỆN",
            f"TT\t{heading}\tCơ quan chủ trì\tThời hạn",
            "1\t1.1, 1.2\tPhòng Nội vụ\tQuý II/2027",
            "2\t2.1\tPhòng Lao động - Thương binh và Xã hội\tTháng 3/2027",
        ]
    )
    assert _fields(reading.plan)[:3] == EXPECTED[:3]


def test_numbers_with_a_points_letter() -> None:
    tasks = [
        "II. NHIỆM VỤ",
        "1. Cải cách thủ tục hành chính",
        "a) Rà soát quy trình nội bộ giải quyết hồ sơ đất đai.",
        "b) Niêm yết số điện thoại đường dây nóng.",
        "c) Khảo sát sự hài lòng của tổ chức, công dân.",
        "",
    ]
    reading = _read(
        [
            "III. PHÂN CÔNG",
            "Nhiệm vụ\tCơ quan chủ trì\tThời hạn",
            "1.a, 1.c\tVăn phòng HĐND và UBND huyện\tQuý II/2027",
            "1.b\tPhòng Nội vụ\tTháng 4/2027",
        ],
        tasks=tasks,
    )
    assert _fields(reading.plan) == [
        ("II.1.a", "Văn phòng HĐND và UBND huyện", "Quý II/2027"),
        ("II.1.b", "Phòng Nội vụ", "Tháng 4/2027"),
        ("II.1.c", "Văn phòng HĐND và UBND huyện", "Quý II/2027"),
    ]
