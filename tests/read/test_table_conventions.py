"""Conventions of task tables: two-row headers, lead marks in one bodies column, merged cells, a late masthead."""

from __future__ import annotations

import attrs
import pytest

import parplan
from parplan.plan import Plan
from parplan.read.parties import marked_leads
from parplan.read.reading import Reading

HEAD = ["ỦY BAN NHÂN DÂN", "HUYỆN YÊN THÀNH", "KẾ HOẠCH", "Cải cách hành chính năm 2025", "", "II. NHIỆM VỤ"]


def _read(rows: list[str], head: list[str] | None = None) -> tuple[Plan, Reading]:
    """The plan with only the tasks of its table (a note over the table is read as an item of its part)."""
    reading = parplan.read_text("\n".join([*(HEAD if head is None else head), *rows, ""]), name="yen-thanh.txt")
    assert reading.plan is not None
    rows_only = tuple(task for task in reading.plan.tasks if task.id.startswith("pl-"))
    return attrs.evolve(reading.plan, tasks=rows_only), reading


def _leads(plan: Plan) -> list[list[str]]:
    result: list[list[str]] = []
    for task in plan.tasks:
        lead = task.responsibility.lead if task.responsibility else None
        result.append([] if lead is None else [one.strip() for one in lead.label.split(";")])
    return result


def _partners(plan: Plan) -> list[list[str]]:
    return [
        [one.label for one in task.responsibility.coordinating] if task.responsibility else [] for task in plan.tasks
    ]


def _times(plan: Plan) -> list[str | None]:
    return [task.timeframe.text if task.timeframe else None for task in plan.tasks]


def _confidence(reading: Reading, index: int, field: str) -> float:
    """The confidence of a field of the ``index``-th task of the table."""
    assert reading.plan is not None
    index += next(n for n, task in enumerate(reading.plan.tasks) if task.id.startswith("pl-"))
    source = next(s for s in reading.plan.sources if s.path == f"$.tasks[{index}].{field}")
    assert source.confidence is not None
    return float(source.confidence)


# -- two-row headers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "times"),
    [
        pytest.param(
            [
                "TT\tNội dung\tĐơn vị thực hiện\t\tThời gian thực hiện\t",
                "\t\tChủ trì\tPhối hợp\tBắt đầu\tHoàn thành",
                "(1)\t(2)\t(3)\t(4)\t(5)\t(6)",
                "1\tRà soát quy chế một cửa\tVăn phòng HĐND và UBND huyện\tPhòng Tư pháp\tTháng 2/2025\tTháng 4/2025",
                "2\tKiểm tra hồ sơ trễ hạn\tPhòng Nội vụ\t\tQuý I/2025\tQuý III/2025",
            ],
            ["Tháng 4/2025", "Quý III/2025"],
            id="start-and-end-with-numbered-columns",
        ),
        pytest.param(
            [
                "STT\tNhiệm vụ\tCơ quan thực hiện\t\tThời gian\t",
                "\t\tChủ trì\tPhối hợp\tTừ ngày\tĐến ngày",
                "1\tCấp phiếu lý lịch tư pháp trực tuyến\tPhòng Tư pháp\tCông an huyện\t01/3/2025\t30/6/2025",
                "2\tSố hóa sổ hộ tịch\tPhòng Tư pháp\tUBND các xã, thị trấn\t01/5/2025\t31/10/2025",
            ],
            ["30/6/2025", "31/10/2025"],
            id="from-and-to-days-no-number-row",
        ),
        pytest.param(
            [
                "| TT | Nội dung | Thời gian | | Đơn vị thực hiện | |",
                "|---|---|---|---|---|---|",
                "| | | Khởi công | Kết thúc | Chủ trì | Phối hợp |",
                "| 1 | 2 | 3 | 4 | 5 | 6 |",
                (
                    "| 1 | Rà soát quy chế một cửa | Quý I/2025 | Quý II/2025 | Văn phòng HĐND và UBND huyện"
                    " | Phòng Tư pháp |"
                ),
                "| 2 | Kiểm tra hồ sơ trễ hạn | Tháng 3/2025 | Tháng 9/2025 | Phòng Nội vụ | |",
            ],
            ["Quý II/2025", "Tháng 9/2025"],
            id="markdown-time-before-bodies-bare-numbers",
        ),
    ],
)
def test_a_header_of_two_rows_gives_its_roles_from_the_lower_row(rows: list[str], times: list[str]) -> None:
    plan, reading = _read(rows)
    assert _times(plan) == times  # the end, not the start
    assert len(plan.tasks) == len(times)  # the numbers row is no task
    assert plan.tasks[0].responsibility is not None
    assert plan.tasks[0].responsibility.coordinating  # "Phối hợp" under "Đơn vị thực hiện": the partners
    assert _confidence(reading, 0, "timeframe") >= 0.9
    assert not any("no heading the reader knows" in doubt for doubt in reading.doubts)


def test_month_numbers_under_a_heading_are_no_row_of_column_numbers() -> None:
    plan, _ = _read(
        [
            "TT\tCông việc\tPhụ trách\tThực hiện trong tháng\t\t",
            "\t\t\t1\t2\t3",
            "1\tNiêm yết mẫu tờ khai\tPhòng Tư pháp\t\t•\t",
        ]
    )
    assert _times(plan) == ["Tháng 2"]


def test_a_single_role_word_under_the_header_is_no_lower_header() -> None:
    plan, _ = _read(
        [
            "TT\tNội dung\tĐơn vị thực hiện\tThời gian",
            "1\tRà soát quy chế một cửa\tPhòng Tư pháp\tQuý II/2025",
            "\t\tPhối hợp\t",
        ]
    )
    assert _times(plan) == ["Quý II/2025"]


# -- lead marks in one column ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "leads", "partners"),
    [
        ("Phòng Nội vụ (*); Văn phòng HĐND và UBND huyện", "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"),
        ("Phòng Tư pháp; Phòng Nội vụ (*)", "Phòng Nội vụ", "Phòng Tư pháp"),
        ("Phòng Nội vụ (*), UBND các xã, thị trấn", "Phòng Nội vụ", "UBND các xã, thị trấn"),
        ("UBND các xã, thị trấn (*), Phòng Tư pháp", "UBND các xã, thị trấn", "Phòng Tư pháp"),
        ("Phòng Kinh tế, Hạ tầng và Đô thị (*); Phòng Tư pháp", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Tư pháp"),
        ("Phòng Nội vụ (*); Phòng Tư pháp (*); Công an huyện", "Phòng Nội vụ; Phòng Tư pháp", "Công an huyện"),
        ("Phòng Nội vụ(*)\nPhòng Tư pháp", "Phòng Nội vụ", "Phòng Tư pháp"),
    ],
)
def test_the_marked_bodies_of_one_column_lead(cell: str, leads: str, partners: str) -> None:
    assert marked_leads(cell) == (leads, partners)


@pytest.mark.parametrize("cell", ["Phòng Nội vụ; Phòng Tư pháp", "Phòng Nội vụ", ""])
def test_a_cell_without_marks_is_left_as_it_is(cell: str) -> None:
    assert marked_leads(cell) is None


MARKED = [
    "TT\tNội dung\tĐơn vị thực hiện\tThời gian",
    "1\tBố trí ghế chờ ưu tiên\tVăn phòng HĐND và UBND huyện (*); Phòng Tài chính - Kế hoạch\tQuý I/2025",
    "2\tKhảo sát người dân về hồ sơ đất đai\tPhòng Tài nguyên và Môi trường; Phòng Nội vụ (*)\tQuý II/2025",
    "3\tTập huấn kỹ năng giao tiếp\tPhòng Nội vụ (*)\tTháng 5/2025",
]


@pytest.mark.parametrize(
    ("note", "sure"),
    [
        pytest.param(["Ghi chú: đơn vị có dấu (*) là đơn vị chủ trì; các đơn vị còn lại phối hợp."], True, id="note"),
        pytest.param(["(*) Đơn vị chủ trì thực hiện."], True, id="footnote-style"),
        pytest.param([], False, id="no-note"),
    ],
)
def test_a_table_marking_its_leads_reads_the_others_as_partners(note: list[str], sure: bool) -> None:
    plan, reading = _read([*note, *MARKED])
    assert _leads(plan) == [["Văn phòng HĐND và UBND huyện"], ["Phòng Nội vụ"], ["Phòng Nội vụ"]]
    assert _partners(plan) == [["Phòng Tài chính - Kế hoạch"], ["Phòng Tài nguyên và Môi trường"], []]
    assert (_confidence(reading, 0, "responsibility") >= 0.9) is sure


def test_marks_stay_in_a_markdown_cell() -> None:
    plan, _ = _read(
        [
            "*Đơn vị có dấu (\\*) chủ trì.*",
            "",
            "| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |",
            "|---|---|---|---|",
            (
                "| 1 | Tập huấn kỹ năng | Phòng Nội vụ (*); Văn phòng HĐND và UBND huyện (*); Phòng Tư pháp"
                " | Quý II/2025 |"
            ),
        ]
    )
    assert _leads(plan) == [["Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"]]
    assert _partners(plan) == [["Phòng Tư pháp"]]


# -- merged cells printed in the group's first row -------------------------------------------------

GROUPS = [
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn",
    "1\tRà soát thủ tục cấp giấy phép xây dựng\tPhòng Kinh tế, Hạ tầng và Đô thị\tVăn phòng\tQuý II/2025",
    "2\tCông khai tiến độ hồ sơ cấp phép\t\t\t",
    "3\tRút ngắn thời gian thẩm định hồ sơ\t\tPhòng Tư pháp\tTháng 8/2025",
    "4\tSố hóa hồ sơ hộ tịch\tPhòng Tư pháp\t\tCả năm",
    "5\tCấp bản sao trích lục điện tử\t\t\t",
]


@pytest.mark.parametrize(
    "note",
    [
        "(Bảng sao từ tệp Excel: ô gộp chỉ ghi ở dòng đầu của nhóm)",
        "Ghi chú: các ô đã gộp được ghi một lần ở hàng đầu tiên của nhóm nhiệm vụ.",
        "Lưu ý: cột chủ trì và thời hạn trộn ô, chỉ ghi tại dòng đầu.",
    ],
)
def test_merged_cells_a_note_names_carry_down_in_their_group(note: str) -> None:
    plan, reading = _read([note, *GROUPS])
    infra = "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert _leads(plan) == [[infra], [infra], [infra], ["Phòng Tư pháp"], ["Phòng Tư pháp"]]
    assert _times(plan) == ["Quý II/2025", "Quý II/2025", "Tháng 8/2025", "Cả năm", "Cả năm"]
    assert _partners(plan)[1] == []  # partner cells are not carried
    assert _confidence(reading, 1, "responsibility") < 0.9  # carried: with a doubt
    assert _confidence(reading, 1, "timeframe") < 0.9
    assert _confidence(reading, 2, "timeframe") >= 0.9  # its own cell


def test_without_a_note_empty_cells_stay_empty() -> None:
    plan, _ = _read(GROUPS)
    assert _leads(plan)[1] == []
    assert _times(plan)[1] is None


# -- a masthead printed after the text -------------------------------------------------------------

LATE = [
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2025",
    "",
    "Thực hiện Kế hoạch số 15/KH-UBND ngày 05/01/2025 của UBND huyện Nghi Lộc, UBND xã Nghi Phong ban hành Kế hoạch:",
    "",
    "II. NHIỆM VỤ",
    "Nhiệm vụ và thời gian theo bảng dưới đây./.",
    "",
]


@pytest.mark.parametrize(
    "masthead",
    [
        pytest.param(
            [
                "ỦY BAN NHÂN DÂN",
                "XÃ NGHI PHONG",
                "Số: 07/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Nghi Phong, ngày 12 tháng 01 năm 2025",
            ],
            id="cells-on-lines",
        ),
        pytest.param(
            [
                "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "XÃ NGHI PHONG\tĐộc lập - Tự do - Hạnh phúc",
                "Số: 07/KH-UBND\tNghi Phong, ngày 12 tháng 01 năm 2025",
            ],
            id="tab-rows",
        ),
    ],
)
def test_a_masthead_printed_after_the_text_is_read_as_the_masthead(masthead: list[str]) -> None:
    table = ["", "TT\tNội dung\tChủ trì\tThời gian", "1\tNiêm yết thủ tục\tCông chức Tư pháp - Hộ tịch\tQuý I/2025"]
    plan, reading = _read([*masthead, *table], head=LATE)
    assert plan.symbol is not None
    assert plan.symbol.number == "07"
    assert plan.place == "Nghi Phong"
    assert plan.issued_on is not None
    assert plan.issued_on.isoformat() == "2025-01-12"
    assert any("masthead stands after the text" in doubt for doubt in reading.doubts)
    assert [task.title for task in plan.tasks] == ["Niêm yết thủ tục"]


def test_a_masthead_at_the_top_is_not_moved() -> None:
    top = ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ NGHI PHONG", "Số: 07/KH-UBND", "", *LATE]
    later = ["", "Kèm theo: Số: 07/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    _, reading = _read(later, head=top)
    assert not any("masthead stands after the text" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize(
    "note",
    [
        "Ghi chú: đơn vị có dấu (*) là đơn vị chủ trì; các đơn vị còn lại phối hợp.",
        "Ghi chú: các ô đã gộp được ghi một lần ở hàng đầu tiên của nhóm nhiệm vụ.",
    ],
)
def test_a_note_about_the_table_is_no_task(note: str) -> None:
    reading = parplan.read_text("\n".join([*HEAD, note, *GROUPS, ""]), name="yen-thanh.txt")
    assert reading.plan is not None
    assert [task.id for task in reading.plan.tasks] == [f"pl-{n}" for n in range(1, 6)]


BOLD = [
    "| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |",
    "|---|---|---|---|",
    "| **I** | **CẢI CÁCH THỦ TỤC HÀNH CHÍNH** | | |",
    "| 1 | Triển khai **Đề án 06** tại Bộ phận Một cửa | **Phòng Tư pháp**; Công an huyện | Quý I/2025 |",
    "| 2 | Khảo sát người dân | Phòng Nội vụ, __UBND các xã, thị trấn__ | Quý II/2025 |",
    "| 3 | Tập huấn kỹ năng | <u>Phòng Nội vụ</u><br>Văn phòng HĐND và UBND huyện | Tháng 5/2025 |",
    "| 4 | Sơ kết công tác | **Văn phòng HĐND và UBND huyện** | Tháng 7/2025 |",
]


@pytest.mark.parametrize(
    ("note", "sure"),
    [
        pytest.param(["Ghi chú: đơn vị in đậm hoặc gạch chân là đơn vị chủ trì."], True, id="note"),
        pytest.param([], False, id="no-note"),
    ],
)
def test_bold_or_underlined_bodies_of_a_markdown_cell_lead(note: list[str], sure: bool) -> None:
    plan, reading = _read([*note, "", *BOLD])
    assert plan.tasks[0].title == "Triển khai Đề án 06 tại Bộ phận Một cửa"  # a title keeps no mark
    assert _leads(plan) == [
        ["Phòng Tư pháp"],
        ["UBND các xã, thị trấn"],
        ["Phòng Nội vụ"],
        ["Văn phòng HĐND và UBND huyện"],
    ]
    assert _partners(plan) == [["Công an huyện"], ["Phòng Nội vụ"], ["Văn phòng HĐND và UBND huyện"], []]
    assert (_confidence(reading, 0, "responsibility") >= 0.9) is sure
    assert _confidence(reading, 3, "responsibility") >= 0.9  # one body alone in bold: no mark read


# -- a numbered row with only a title over lettered rows; a bare row among assigned ones -------------

GROUPED = {
    "tabs": [
        "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
        "1\tCải cách thủ tục hành chính\t\t",
        "a\tRà soát quy trình nội bộ\tVăn phòng HĐND và UBND huyện\tQuý I/2025",
        "b\tKhảo sát sự hài lòng của người dân\tPhòng Nội vụ\tQuý III/2025",
        "2\tHiện đại hóa hành chính\t\t",
        "a\tSố hóa hồ sơ thủ tục hành chính\tPhòng Văn hóa và Thông tin\tTháng 10/2025",
    ],
    "stops": [
        "STT\tNội dung\tCơ quan chủ trì, phối hợp\tThời hạn",
        "1.\tCải cách thủ tục hành chính\t\t",
        "a)\tRà soát quy trình nội bộ\tVăn phòng HĐND và UBND huyện chủ trì; Phòng Tư pháp phối hợp\tQuý I/2025",
        "b)\tKhảo sát sự hài lòng của người dân\tPhòng Nội vụ\tQuý III/2025",
        "2.\tHiện đại hóa hành chính\t\t",
        "a)\tSố hóa hồ sơ thủ tục hành chính\tPhòng Văn hóa và Thông tin\tTháng 10/2025",
    ],
    "pipes": [
        "| TT | Nhiệm vụ | Đơn vị chủ trì/phối hợp | Thời gian |",
        "|---|---|---|---|",
        "| 1 | Cải cách thủ tục hành chính | | |",
        "| a. | Rà soát quy trình nội bộ | Văn phòng HĐND và UBND huyện | Quý I/2025 |",
        "| b. | Khảo sát sự hài lòng của người dân | Phòng Nội vụ chủ trì, phối hợp UBND các xã | Quý III/2025 |",
        "| 2 | Hiện đại hóa hành chính | | |",
        "| a. | Số hóa hồ sơ thủ tục hành chính | Phòng Văn hóa và Thông tin | Tháng 10/2025 |",
    ],
}


@pytest.mark.parametrize("rows", GROUPED.values(), ids=GROUPED.keys())
def test_a_numbered_title_over_lettered_rows_is_their_group(rows: list[str]) -> None:
    plan, _ = _read(rows)
    assert [task.title for task in plan.tasks] == [
        "Rà soát quy trình nội bộ",
        "Khảo sát sự hài lòng của người dân",
        "Số hóa hồ sơ thủ tục hành chính",
    ]
    assert _leads(plan) == [["Văn phòng HĐND và UBND huyện"], ["Phòng Nội vụ"], ["Phòng Văn hóa và Thông tin"]]
    assert _times(plan) == ["Quý I/2025", "Quý III/2025", "Tháng 10/2025"]


def test_a_numbered_title_over_numbered_rows_stays_a_task_and_is_doubted() -> None:
    plan, reading = _read(
        [
            "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
            "1\tRà soát quy trình nội bộ\tVăn phòng HĐND và UBND huyện\tQuý I/2025",
            "2\tTổ chức đối thoại với doanh nghiệp\t\t",
            "3\tKhảo sát sự hài lòng của người dân\tPhòng Nội vụ\tQuý III/2025",
            "4\tSố hóa hồ sơ thủ tục hành chính\tPhòng Văn hóa và Thông tin\tTháng 10/2025",
        ]
    )
    assert [task.title for task in plan.tasks][1] == "Tổ chức đối thoại với doanh nghiệp"
    assert _leads(plan)[1] == []
    assert _confidence(reading, 1, "title") < 0.9  # a group's title, perhaps: no lead, time or output
    assert len(_bare_row_doubts(reading)) == 1
    assert all(_confidence(reading, index, "title") >= 0.9 for index in (0, 2, 3))


def test_a_lettered_group_row_keeps_its_lead_when_it_names_one() -> None:
    plan, _ = _read(
        [
            "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
            "1\tRà soát quy trình nội bộ\tVăn phòng HĐND và UBND huyện\tQuý I/2025",
            "a\tRà soát thủ tục lĩnh vực hộ tịch\tPhòng Tư pháp\tQuý II/2025",
        ]
    )
    assert [task.title for task in plan.tasks] == ["Rà soát quy trình nội bộ", "Rà soát thủ tục lĩnh vực hộ tịch"]


def _bare_row_doubts(reading: Reading) -> list[str]:
    """The paths of the fields doubted as a bare row among rows that name their lead or time."""
    assert reading.plan is not None
    return [s.path for s in reading.plan.sources if any("the table's other rows do" in d for d in s.doubts)]


def test_bare_rows_in_a_table_where_few_rows_name_a_lead_are_not_doubted_as_groups() -> None:
    _, reading = _read(
        [
            "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
            "1\tRà soát quy trình nội bộ\tVăn phòng HĐND và UBND huyện\tQuý I/2025",
            "2\tTổ chức đối thoại với doanh nghiệp\t\t",
            "3\tKhảo sát sự hài lòng của người dân\t\t",
            "4\tSố hóa hồ sơ thủ tục hành chính\t\t",
        ]
    )
    assert _bare_row_doubts(reading) == []


def test_a_bare_row_among_lettered_rows_is_doubted_whatever_the_group_rows() -> None:
    plan, reading = _read(
        [
            "STT\tNội dung\tCơ quan chủ trì, phối hợp\tThời hạn",
            "1\tCải cách thủ tục hành chính\t\t",
            "a\tRà soát quy trình nội bộ\tVăn phòng HĐND và UBND huyện chủ trì; Phòng Tư pháp phối hợp\tQuý I/2025",
            "b\tLấy ý kiến người dân về chất lượng giải quyết hồ sơ\t\t",
            "2\tCải cách tổ chức bộ máy\t\t",
            "a\tCập nhật bản mô tả vị trí việc làm\tPhòng Nội vụ\tQuý II/2025",
            "3\tHiện đại hóa hành chính\t\t",
            "a\tSố hóa hồ sơ thủ tục\tPhòng Văn hóa và Thông tin chủ trì, phối hợp Công an huyện\tTháng 10/2025",
        ]
    )
    assert len(plan.tasks) == 4
    assert _bare_row_doubts(reading) == ["$.tasks[1].title"]
    assert _confidence(reading, 1, "title") < 0.9
    assert _partners(plan) == [["Phòng Tư pháp"], [], [], ["Công an huyện"]]
