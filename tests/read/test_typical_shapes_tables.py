"""Typical shapes of appendix tables: a column grouping the tasks beside theirs, a group's row naming their lead."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import parplan
from parplan.areas import ReformArea
from parplan.plan import Plan
from parplan.read.confidence import DocumentSigns, document_factor
from parplan.read.reading import Reading
from parplan.read.tables import table_note


def _head(level: str, place: str, year: int) -> list[str]:
    return [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        f"{level} {place.upper()}\tĐộc lập - Tự do - Hạnh phúc",
        f"Số: 11/KH-UBND\t{place}, ngày 06 tháng 01 năm {year}",
        "",
        "KẾ HOẠCH",
        f"Cải cách hành chính năm {year}",
        "",
        "I. NHIỆM VỤ",
        "Nhiệm vụ cụ thể tại Phụ lục kèm theo.",
        "",
        "PHỤ LỤC",
        f"NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
        "",
    ]


def _read(rows: list[str], *, level: str = "XÃ", place: str = "Tân Phú", year: int = 2025) -> tuple[Plan, Reading]:
    """The plan with only the tasks of its appendix table."""
    text = "\n".join([*_head(level, place, year), *rows, ""])
    reading = parplan.read_text(text, name=f"{place.lower().replace(' ', '-')}.txt")
    assert reading.plan is not None
    rows_only = tuple(task for task in reading.plan.tasks if task.id.startswith("pl-"))
    return attrs.evolve(reading.plan, tasks=rows_only), reading


def _leads(plan: Plan) -> list[list[str]]:
    result: list[list[str]] = []
    for task in plan.tasks:
        lead = task.responsibility.lead if task.responsibility else None
        result.append([] if lead is None else [one.strip() for one in lead.label.split(";")])
    return result


def _times(plan: Plan) -> list[str | None]:
    return [task.timeframe.text if task.timeframe else None for task in plan.tasks]


def _confidence(reading: Reading, index: int, field: str) -> float:
    """The confidence of a field of the ``index``-th task of the table."""
    assert reading.plan is not None
    index += next(n for n, task in enumerate(reading.plan.tasks) if task.id.startswith("pl-"))
    source = next(s for s in reading.plan.sources if s.path == f"$.tasks[{index}].{field}")
    assert source.confidence is not None
    return float(source.confidence)


# -- a column grouping the tasks before the tasks' own ----------------------------------------------

GROUPED = [
    pytest.param(
        ("XÃ", "Phước Hòa", 2024),
        [
            "STT\tNội dung\tNhiệm vụ cụ thể\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
            "1\tCải cách thể chế\tRà soát quy chế làm việc của Ủy ban nhân dân xã\tVăn phòng - Thống kê\t\tQuý I/2024",
            "2\t\tTheo dõi thi hành pháp luật về hộ tịch\tTư pháp - Hộ tịch\tCông an xã\tQuý III/2024",
            "3\tCải cách thủ tục hành chính\tNiêm yết thủ tục tại Bộ phận Một cửa\tVăn phòng - Thống kê\t\tHằng tháng",
            "4\t\tGửi tin nhắn hẹn trả kết quả cho người dân\tVăn phòng - Thống kê\t\tCả năm 2024",
        ],
        ["Cải cách thể chế", "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính"],
        [ReformArea.THE_CHE, ReformArea.THE_CHE, ReformArea.THU_TUC_HANH_CHINH, ReformArea.THU_TUC_HANH_CHINH],
        id="tab-area-printed-once-commune-2024",
    ),
    pytest.param(
        ("TỈNH", "Bình Định", 2025),
        [
            "| STT | Nhóm nhiệm vụ | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |",
            (
                "| 1 | Kiểm soát thủ tục hành chính | Công bố thủ tục được sửa đổi | Các sở, ban, ngành |"
                " Văn phòng UBND tỉnh | Thường xuyên |"
            ),
            (
                "| 2 | Kiểm soát thủ tục hành chính | Đánh giá tác động thủ tục trong dự thảo văn bản | Sở Tư pháp | |"
                " Quý II/2025 |"
            ),
            (
                "| 3 | Chuyển đổi số | Tái sử dụng dữ liệu đã số hóa khi giải quyết hồ sơ | Sở Khoa học và Công nghệ |"
                " UBND các huyện, thị xã, thành phố | Cả năm 2025 |"
            ),
            (
                "| 4 | Chuyển đổi số | Kết nối phần mềm một cửa với dữ liệu dân cư | Sở Khoa học và Công nghệ | Công an"
                " tỉnh | Tháng 9/2025 |"
            ),
        ],
        [
            "Kiểm soát thủ tục hành chính",
            "Kiểm soát thủ tục hành chính",
            "Chuyển đổi số",
            "Chuyển đổi số",
        ],
        None,
        id="bars-group-repeated-province-2025",
    ),
    pytest.param(
        ("PHƯỜNG", "Hòa Khánh", 2026),
        [
            "TT\tNhiệm vụ\tHoạt động cụ thể\tChủ trì\tThời gian",
            (
                "1\tI. Cải cách tổ chức bộ máy\tRà soát chức năng của các phòng sau sắp xếp\tVăn phòng HĐND và UBND\t"
                "Quý I/2026"
            ),
            "2\t\tCập nhật quy chế làm việc của Ủy ban nhân dân phường\tVăn phòng HĐND và UBND\tQuý II/2026",
            "3\t\tRà soát vị trí việc làm của công chức phường\tPhòng Nội vụ\tTháng 5/2026",
            (
                "4\tII. Xây dựng chính quyền số\tDuy trì tổ công nghệ số cộng đồng ở khu phố\tPhòng Văn hóa - Xã hội\t"
                "Cả năm 2026"
            ),
            "5\t\tHướng dẫn người dân nộp hồ sơ trực tuyến\tTrung tâm Phục vụ hành chính công\tThường xuyên",
        ],
        [
            "Cải cách tổ chức bộ máy",
            "Cải cách tổ chức bộ máy",
            "Cải cách tổ chức bộ máy",
            "Xây dựng chính quyền số",
            "Xây dựng chính quyền số",
        ],
        [
            ReformArea.TO_CHUC_BO_MAY,
            ReformArea.TO_CHUC_BO_MAY,
            ReformArea.TO_CHUC_BO_MAY,
            ReformArea.CHINH_QUYEN_SO,
            ReformArea.CHINH_QUYEN_SO,
        ],
        id="tab-roman-group-printed-once-ward-2026",
    ),
    pytest.param(
        ("HUYỆN", "Krông Pắc", 2023),
        [
            "| TT | Nội dung công việc | Nội dung chi tiết | Đơn vị thực hiện | Thời gian thực hiện |",
            "|---|---|---|---|---|",
            "| 1 | Cải cách chế độ công vụ | Đánh giá, xếp loại công chức hằng tháng | Phòng Nội vụ | Hằng tháng |",
            "| 2 | Cải cách chế độ công vụ | Kiểm tra công vụ đột xuất tại các xã | Phòng Nội vụ | Quý III/2023 |",
            "| 3 | Cải cách tài chính công | Công khai dự toán ngân sách | Phòng Tài chính - Kế hoạch | Tháng 1/2023 |",
        ],
        ["Cải cách chế độ công vụ", "Cải cách chế độ công vụ", "Cải cách tài chính công"],
        [ReformArea.CONG_VU, ReformArea.CONG_VU, ReformArea.TAI_CHINH_CONG],
        id="markdown-group-repeated-district-2023",
    ),
]


@pytest.mark.parametrize(("head", "rows", "groups", "areas"), GROUPED)
def test_a_column_grouping_the_tasks_is_no_task(
    head: tuple[str, str, int], rows: list[str], groups: list[str], areas: list[ReformArea] | None
) -> None:
    level, place, year = head
    plan, reading = _read(rows, level=level, place=place, year=year)
    tasks = [row for row in rows if row[:1].isdigit() or (row.startswith("| ") and row[2:3].isdigit())]
    assert len(plan.tasks) == len(tasks)
    assert [task.general_task for task in plan.tasks] == groups
    assert not any(task.title in groups for task in plan.tasks)  # the group names no task
    for task, row in zip(plan.tasks, tasks, strict=True):
        assert task.title in row
    if areas is not None:
        assert [task.area for task in plan.tasks] == areas
    assert all(task.timeframe is not None for task in plan.tasks)
    assert _confidence(reading, 1, "title") >= 0.9


@pytest.mark.parametrize(
    "header",
    [
        "TT\tNhóm nhiệm vụ\tNội dung\tChủ trì\tThời hạn",
        "TT\tNội dung\tNhiệm vụ cụ thể\tChủ trì\tThời hạn",
        "TT\tNội dung công việc\tHoạt động chi tiết\tChủ trì\tThời hạn",
    ],
    ids=["left-names-a-group", "right-names-specific-tasks", "right-names-details"],
)
def test_headings_that_name_the_group_decide_when_each_group_has_one_task(header: str) -> None:
    plan, _ = _read(
        [
            header,
            "1\tCải cách thể chế\tRà soát quy chế làm việc của thị trấn\tVăn phòng - Thống kê\tQuý I/2023",
            "2\tCải cách công vụ\tĐánh giá công chức hằng tháng\tVăn phòng - Thống kê\tHằng tháng",
            "3\tChính quyền số\tDuy trì tổ công nghệ số cộng đồng\tVăn hóa - Xã hội\tCả năm 2023",
        ],
        level="THỊ TRẤN",
        place="Phong Điền",
        year=2023,
    )
    assert [task.title for task in plan.tasks] == [
        "Rà soát quy chế làm việc của thị trấn",
        "Đánh giá công chức hằng tháng",
        "Duy trì tổ công nghệ số cộng đồng",
    ]
    assert [task.general_task for task in plan.tasks] == ["Cải cách thể chế", "Cải cách công vụ", "Chính quyền số"]


def test_the_group_column_keeps_each_row_s_lead_and_time() -> None:
    plan, _ = _read(
        [
            "STT\tNội dung\tNhiệm vụ cụ thể\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
            "1\tCải cách thể chế\tRà soát văn bản quy phạm pháp luật của xã\tTư pháp - Hộ tịch\t\tQuý II/2025",
            "2\t\tTheo dõi thi hành pháp luật\tVăn phòng - Thống kê; Tư pháp - Hộ tịch\tCông an xã\tTháng 10/2025",
        ]
    )
    assert [task.title for task in plan.tasks] == [
        "Rà soát văn bản quy phạm pháp luật của xã",
        "Theo dõi thi hành pháp luật",
    ]
    assert _leads(plan) == [["Tư pháp - Hộ tịch"], ["Văn phòng - Thống kê", "Tư pháp - Hộ tịch"]]
    assert _times(plan) == ["Quý II/2025", "Tháng 10/2025"]


@pytest.mark.parametrize(
    ("rows", "titles"),
    [
        pytest.param(
            [
                "STT\tNhiệm vụ\tNội dung thực hiện\tChủ trì\tThời gian",
                "1\tRà soát thủ tục hành chính\tLập danh mục thủ tục cần rà soát\tVăn phòng\tQuý I/2025",
                "2\tKiểm tra công vụ\tKiểm tra việc chấp hành giờ giấc\tPhòng Nội vụ\tQuý II/2025",
                "3\tTuyên truyền cải cách hành chính\tĐăng tin trên trang thông tin điện tử\tVăn phòng\tHằng tháng",
            ],
            ["Rà soát thủ tục hành chính", "Kiểm tra công vụ", "Tuyên truyền cải cách hành chính"],
            id="each-row-its-own-task-and-detail",
        ),
        pytest.param(
            [
                "| TT | Nội dung | Nội dung chi tiết | Chủ trì | Thời hạn |",
                "| 1 | Niêm yết thủ tục hành chính | | Văn phòng | Quý I/2025 |",
                "| 2 | Khảo sát sự hài lòng | | Văn phòng | Quý III/2025 |",
            ],
            ["Niêm yết thủ tục hành chính", "Khảo sát sự hài lòng"],
            id="right-column-empty",
        ),
    ],
)
def test_two_task_columns_that_do_not_group_leave_the_first_the_task(rows: list[str], titles: list[str]) -> None:
    plan, _ = _read(rows)
    assert [task.title for task in plan.tasks] == titles
    assert all(task.general_task is None for task in plan.tasks)


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param(
            [
                "STT\tLĩnh vực\tNhiệm vụ\tChủ trì\tThời gian",
                "1\tCải cách thể chế\tRà soát văn bản của xã\tTư pháp - Hộ tịch\tQuý II/2025",
                "2\t\tTheo dõi thi hành pháp luật\tTư pháp - Hộ tịch\tQuý IV/2025",
                "3\tCải cách tài chính công\tCông khai dự toán ngân sách xã\tTài chính - Kế toán\tTháng 1/2025",
                "4\t\tCông khai quyết toán ngân sách xã\tTài chính - Kế toán\tTháng 6/2025",
                "5\tVăn hóa\tTổ chức ngày hội đọc sách\tVăn hóa - Xã hội\tTháng 4/2025",
                "6\t\tTuyên truyền cải cách hành chính\tVăn hóa - Xã hội\tHằng tháng",
            ],
            id="tab-area-column-merged",
        ),
        pytest.param(
            [
                "| STT | Lĩnh vực | Nhiệm vụ | Chủ trì | Thời gian |",
                "| 1 | Cải cách thể chế | Rà soát văn bản của xã | Tư pháp - Hộ tịch | Quý II/2025 |",
                "| 2 | | Theo dõi thi hành pháp luật | Tư pháp - Hộ tịch | Quý IV/2025 |",
                "| 3 | Cải cách tài chính công | Công khai dự toán ngân sách xã | Tài chính - Kế toán | Tháng 1/2025 |",
                "| 4 | | Công khai quyết toán ngân sách xã | Tài chính - Kế toán | Tháng 6/2025 |",
                "| 5 | Văn hóa | Tổ chức ngày hội đọc sách | Văn hóa - Xã hội | Tháng 4/2025 |",
                "| 6 | | Tuyên truyền cải cách hành chính | Văn hóa - Xã hội | Hằng tháng |",
            ],
            id="bars-area-column-merged",
        ),
    ],
)
def test_an_area_column_merged_over_its_rows_gives_each_row_its_area(rows: list[str]) -> None:
    plan, _ = _read(rows)
    assert [task.area for task in plan.tasks] == [
        ReformArea.THE_CHE,
        ReformArea.THE_CHE,
        ReformArea.TAI_CHINH_CONG,
        ReformArea.TAI_CHINH_CONG,
        None,  # an area the reform does not name is no reform area, and the one above is not carried past it
        None,
    ]


# -- a group's row naming the lead of its tasks ----------------------------------------------------

GROUP_LEADS = [
    "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
    "I\tCẢI CÁCH THỂ CHẾ\tPhòng Tư pháp\t\t",
    "1\tRà soát văn bản quy phạm pháp luật của huyện\t\tCác cơ quan chuyên môn\tQuý II/2024",
    "2\tKiểm tra văn bản của các xã\t\t\tTháng 9/2024",
    "II\tCẢI CÁCH CHẾ ĐỘ CÔNG VỤ\tPhòng Nội vụ; Văn phòng HĐND và UBND huyện\t\t",
    "3\tĐánh giá cán bộ, công chức theo quý\t\tUBND các xã, thị trấn\tHằng quý",
    "4\tTuyển dụng công chức cấp huyện\tPhòng Nội vụ\t\tQuý III/2024",
    "III\tHIỆN ĐẠI HÓA NỀN HÀNH CHÍNH\tPhòng Văn hóa và Thông tin\t\t",
    "5\tVận hành hệ thống quản lý văn bản điều hành\tVăn phòng HĐND và UBND huyện\t\tCả năm 2024",
    "6\tDuy trì tổ công nghệ số cộng đồng\t\tUBND các xã, thị trấn\tThường xuyên",
]
GROUP_LEADS_READ = [
    ["Phòng Tư pháp"],
    ["Phòng Tư pháp"],
    ["Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"],
    ["Phòng Nội vụ"],
    ["Văn phòng HĐND và UBND huyện"],
    ["Phòng Văn hóa và Thông tin"],
]


@pytest.mark.parametrize(
    "note",
    [
        "Ghi chú: Cơ quan chủ trì ghi tại dòng lĩnh vực là cơ quan chủ trì các nhiệm vụ thuộc lĩnh vực đó.",
        "(Đơn vị chủ trì nêu ở hàng tiêu đề của mỗi nhóm là đơn vị chủ trì chung cho các nhiệm vụ trong nhóm)",
        "Lưu ý: nhiệm vụ để trống cột chủ trì do cơ quan chủ trì của lĩnh vực thực hiện.",
    ],
    ids=["written-on-the-area-row", "stated-on-the-group-heading", "empty-cell-is-the-area-s"],
)
def test_a_group_row_s_lead_leads_its_tasks_a_note_says_so(note: str) -> None:
    plan, reading = _read([note, "", *GROUP_LEADS], level="HUYỆN", place="Lâm Hà", year=2024)
    assert len(plan.tasks) == 6  # the group rows are no tasks
    assert _leads(plan) == GROUP_LEADS_READ
    assert _times(plan) == ["Quý II/2024", "Tháng 9/2024", "Hằng quý", "Quý III/2024", "Cả năm 2024", "Thường xuyên"]
    assert [task.area for task in plan.tasks][:2] == [ReformArea.THE_CHE, ReformArea.THE_CHE]
    assert _confidence(reading, 0, "responsibility") >= 0.9  # the note says so
    assert _confidence(reading, 3, "responsibility") >= 0.9  # its own cell
    assert reading.plan is not None
    assert not any(task.title == note for task in reading.plan.tasks)  # the note is no task


def test_a_group_row_s_lead_without_a_note_is_read_with_a_doubt() -> None:
    bars = [f"| {row.replace(chr(9), ' | ')} |" for row in GROUP_LEADS]
    plan, reading = _read(bars, level="TỈNH", place="Đắk Nông", year=2024)
    assert _leads(plan) == GROUP_LEADS_READ
    assert _confidence(reading, 0, "responsibility") < 0.9
    assert _confidence(reading, 3, "responsibility") >= 0.9  # its own cell, no doubt
    assert reading.plan is not None
    sources = [s for s in reading.plan.sources if s.doubts and "group's row above" in " ".join(s.doubts)]
    assert len(sources) == 4  # the four tasks whose lead is their group's


def test_a_group_row_s_time_and_a_sub_group_under_it() -> None:
    plan, reading = _read(
        [
            "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn",
            "A\tCÔNG KHAI, MINH BẠCH\tVăn phòng - Thống kê\t\tThường xuyên",
            "1\tNiêm yết thủ tục hành chính tại trụ sở xã\t\t\t",
            "2\tCông khai kết quả giải quyết hồ sơ\tTư pháp - Hộ tịch\t\tQuý IV/2023",
            "B\tSỐ HÓA HỒ SƠ\tĐịa chính - Xây dựng\t\tCả năm 2023",
            "3\tSố hóa sổ địa chính của xã\t\tVăn phòng - Thống kê\t",
        ],
        year=2023,
    )
    assert _leads(plan) == [["Văn phòng - Thống kê"], ["Tư pháp - Hộ tịch"], ["Địa chính - Xây dựng"]]
    assert _times(plan) == ["Thường xuyên", "Quý IV/2023", "Cả năm 2023"]
    assert _confidence(reading, 0, "timeframe") < 0.9


def test_a_note_on_the_group_s_lead_says_nothing_of_its_time() -> None:
    plan, reading = _read(
        [
            "Ghi chú: đơn vị chủ trì ghi ở dòng nhóm nhiệm vụ là đơn vị chủ trì các nhiệm vụ trong nhóm.",
            "",
            "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn |",
            "| I | SỐ HÓA | Văn phòng HĐND và UBND | | Năm 2026 |",
            "| 1 | Số hóa sổ hộ tịch lưu tại phường | | Phòng Văn hóa - Xã hội | |",
            "| 2 | Số hóa hồ sơ đất đai | Phòng Kinh tế, Hạ tầng và Đô thị | | Quý IV/2026 |",
        ],
        level="PHƯỜNG",
        place="Xuân Hòa",
        year=2026,
    )
    assert _leads(plan) == [["Văn phòng HĐND và UBND"], ["Phòng Kinh tế, Hạ tầng và Đô thị"]]
    assert _times(plan) == ["Năm 2026", "Quý IV/2026"]
    assert _confidence(reading, 0, "responsibility") >= 0.9
    assert _confidence(reading, 0, "timeframe") < 0.9
    assert _confidence(reading, 1, "timeframe") >= 0.9


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param(
            [
                "TT\tNội dung\tChủ trì\tThời gian",
                "I\tRà soát quy chế làm việc\tVăn phòng\tQuý I/2025",
                "II\tKiểm tra công vụ\tPhòng Nội vụ\tQuý II/2025",
                "III\tKhảo sát sự hài lòng\tVăn phòng\tQuý III/2025",
            ],
            id="tasks-numbered-in-roman",
        ),
        pytest.param(
            [
                "TT\tNội dung\tChủ trì\tPhối hợp\tThời gian",
                "I\tCẢI CÁCH THỂ CHẾ\t\t\t",
                "1\tRà soát quy chế làm việc\t\tVăn phòng\tQuý I/2025",
                "2\tKiểm tra văn bản\tPhòng Tư pháp\t\tQuý II/2025",
            ],
            id="group-row-naming-no-lead",
        ),
    ],
)
def test_rows_that_are_no_group_giving_a_lead(rows: list[str]) -> None:
    plan, reading = _read(rows)
    assert reading.plan is not None
    assert not any("group's row above" in d for s in reading.plan.sources for d in s.doubts)
    if rows[1].startswith("I\tRà"):
        assert _leads(plan) == [["Văn phòng"], ["Phòng Nội vụ"], ["Văn phòng"]]  # each row a task
    else:
        assert _leads(plan) == [[], ["Phòng Tư pháp"]]  # nobody named, nobody invented


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ghi chú: Cơ quan chủ trì ghi tại dòng lĩnh vực là cơ quan chủ trì các nhiệm vụ thuộc lĩnh vực đó.", "group"),
        ("Đơn vị chủ trì được ghi ở dòng số La Mã của từng phần.", "group"),
        ("Nhiệm vụ không ghi đơn vị chủ trì thì do đơn vị chủ trì của nhóm đảm nhận.", "group"),
        ("Ghi chú: các ô đã gộp được ghi một lần ở hàng đầu tiên của nhóm nhiệm vụ.", "merged"),
        ("Phòng Nội vụ chủ trì rà soát các dòng nhóm dữ liệu.", None),
        ("Phòng Tư pháp chủ trì, phối hợp các đơn vị thuộc lĩnh vực tư pháp.", None),
    ],
    ids=["area-row", "roman-row", "empty-means-group-s", "merged-cells", "prose-rows-of-data", "prose-area"],
)
def test_notes_about_a_group_s_lead(text: str, kind: str | None) -> None:
    assert table_note(text) == kind


# -- how sure a plan whose tasks are all in its appendix is ----------------------------------------

_SIGNS = DocumentSigns(lines=20, unplaced=0, leads_named=3, masthead=True)
"""A document read whole: every line placed, a masthead and a kind line."""
BODY = [
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "{level} {place}\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 21/KH-UBND\t{town}, ngày 10 tháng 01 năm {year}",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính năm {year}",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Thực hiện đồng bộ các nội dung cải cách hành chính; nâng cao chất lượng phục vụ người dân.",
    "II. NHIỆM VỤ",
    "Các nhiệm vụ, cơ quan chủ trì và thời gian hoàn thành tại Phụ lục kèm theo.",
    "III. KINH PHÍ",
    "Kinh phí thực hiện bố trí trong dự toán năm {year} của các cơ quan.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan căn cứ nhiệm vụ được giao tổ chức thực hiện.",
    "",
]


@pytest.mark.parametrize(
    ("level", "place", "year", "table"),
    [
        pytest.param(
            "HUYỆN",
            "Di Linh",
            2024,
            [
                "PHỤ LỤC",
                "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian",
                "1\tRà soát quy chế làm việc\tVăn phòng HĐND và UBND huyện\tQuý I/2024",
                "2\tKiểm tra công vụ tại các xã\tPhòng Nội vụ\tQuý III/2024",
                "3\tKhảo sát sự hài lòng của người dân\tVăn phòng HĐND và UBND huyện\tTháng 10/2024",
            ],
            id="tab-appendix-district-2024",
        ),
        pytest.param(
            "XÃ",
            "Tà Nung",
            2026,
            [
                "PHỤ LỤC",
                "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời hạn |",
                "| 1 | Niêm yết thủ tục hành chính | Văn phòng HĐND và UBND | Thường xuyên |",
                "| 2 | Số hóa hồ sơ hộ tịch | Phòng Văn hóa - Xã hội | Quý II/2026 |",
                "| 3 | Đánh giá công chức hằng quý | Văn phòng HĐND và UBND | Hằng quý |",
            ],
            id="bars-appendix-commune-2026",
        ),
    ],
)
def test_the_body_s_parts_pointing_to_the_appendix_lower_no_task(
    level: str, place: str, year: int, table: list[str]
) -> None:
    body = [line.format(level=level, place=place.upper(), town=place, year=year) for line in BODY]
    reading = parplan.read_text("\n".join([*body, *table, ""]), name=f"{place}.txt")
    assert reading.plan is not None
    assert len(reading.plan.tasks) == 3
    assert document_factor(reading.plan, _SIGNS) == (Decimal(1), ())
    for index in range(3):
        assert _confidence(reading, index, "responsibility") >= 0.9
        assert _confidence(reading, index, "timeframe") >= 0.9


def test_parts_holding_no_task_still_lower_a_plan_whose_tasks_are_in_them() -> None:
    body = [line.format(level="XÃ", place="ĐINH LẠC", town="Đinh Lạc", year=2025) for line in BODY]
    tasks = ["V. NHIỆM VỤ KHÁC", "1. Rà soát quy chế làm việc của xã.", "2. Kiểm tra hồ sơ một cửa.", ""]
    reading = parplan.read_text("\n".join([*body, *tasks]), name="dinh-lac.txt")
    assert reading.plan is not None
    assert len(reading.plan.tasks) == 2
    factor, reasons = document_factor(reading.plan, _SIGNS)
    assert factor < 1
    assert any("sections hold no task" in reason for reason in reasons)


@pytest.mark.parametrize(
    "pointer",
    [
        "Nhiệm vụ cụ thể tại Phụ lục kèm theo.",
        (
            "Các nhiệm vụ cải cách hành chính năm 2025 của xã, cơ quan chủ trì, phối hợp và thời gian hoàn thành"
            " được giao tại Phụ lục kèm theo Kế hoạch này."
        ),
        (
            "Ủy ban nhân dân xã giao nhiệm vụ cụ thể cho từng công chức chuyên môn, bộ phận và thôn, tổ dân phố,"
            " kèm thời hạn hoàn thành, theo Phụ lục kèm theo."
        ),
    ],
    ids=["short", "long-naming-the-columns", "long-naming-who"],
)
def test_a_sentence_pointing_to_the_appendix_is_no_task(pointer: str) -> None:
    body = [line.format(level="XÃ", place="GIA HIỆP", town="Gia Hiệp", year=2025) for line in BODY]
    body = [pointer if line.startswith("Các nhiệm vụ, cơ quan") else line for line in body]
    table = ["PHỤ LỤC", "TT\tNhiệm vụ\tChủ trì\tThời gian", "1\tRà soát quy chế làm việc\tVăn phòng\tQuý I/2025"]
    reading = parplan.read_text("\n".join([*body, *table, ""]), name="gia-hiep.txt")
    assert reading.plan is not None
    assert not any(task.title == pointer for task in reading.plan.tasks)
    assert [task.title for task in reading.plan.tasks if task.id.startswith("pl-")] == ["Rà soát quy chế làm việc"]


# -- the same shapes in a workbook's appendix sheet ------------------------------------------------


def test_a_sheet_s_merged_group_column_and_a_group_row_s_lead(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install 'parplan[xlsx]'")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet["A1"] = "PHỤ LỤC"
    sheet["A2"] = "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    sheet["A3"] = "(Kèm theo Kế hoạch số 08/KH-UBND ngày 12/01/2025 của UBND xã Ea Tiêu)"
    for column, text in enumerate(("STT", "Nội dung", "Nhiệm vụ cụ thể", "Chủ trì", "Thời gian"), start=1):
        sheet.cell(row=4, column=column, value=text)
    sheet.append((1, "Cải cách thể chế", "Rà soát văn bản của xã", "Tư pháp - Hộ tịch", "Quý II/2025"))
    sheet.append((2, None, "Theo dõi thi hành pháp luật", "Tư pháp - Hộ tịch", "Quý IV/2025"))
    sheet.merge_cells("B5:B6")
    sheet.append(
        (3, "Cải cách tài chính công", "Công khai dự toán ngân sách xã", "Tài chính - Kế toán", "Tháng 1/2025")
    )
    sheet.append((4, None, "Công khai quyết toán ngân sách xã", "Tài chính - Kế toán", "Tháng 6/2025"))
    sheet.merge_cells("B7:B8")
    path = tmp_path / "ea-tieu.xlsx"
    workbook.save(path)
    reading = parplan.read(path)
    assert reading.plan is not None, reading.doubts
    assert [task.title for task in reading.plan.tasks] == [
        "Rà soát văn bản của xã",
        "Theo dõi thi hành pháp luật",
        "Công khai dự toán ngân sách xã",
        "Công khai quyết toán ngân sách xã",
    ]
    assert [task.general_task for task in reading.plan.tasks] == [
        "Cải cách thể chế",
        "Cải cách thể chế",
        "Cải cách tài chính công",
        "Cải cách tài chính công",
    ]
    assert not any("Nội dung" in doubt for doubt in reading.doubts)  # the group column is known
    assert not any(line.text == "Cải cách thể chế" for line in reading.unplaced)
