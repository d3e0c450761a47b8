"""Parts lettered in capitals, a task's "Chỉ tiêu" line, and a time closing the lead's clause, in small plans."""

from __future__ import annotations

import pytest

import parplan
from builders import TAN_LAP_HEAD as HEAD
from builders import TAN_LAP_TAIL as TAIL
from builders import tasks_as_read
from parplan.read.items import _marker
from parplan.read.parties import read_assignment


def _reading(body: str) -> parplan.Reading:
    reading = parplan.read_text(HEAD + body + TAIL, name="tan-lap.txt")
    assert reading.plan is not None, reading.doubts
    return reading


# -- parts lettered in capitals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("A. MỤC ĐÍCH, YÊU CẦU", ("phan", "A", "MỤC ĐÍCH, YÊU CẦU")),
        ("B. NHIỆM VỤ TRỌNG TÂM", ("phan", "B", "NHIỆM VỤ TRỌNG TÂM")),
        ("C) TỔ CHỨC THỰC HIỆN", ("phan", "C", "TỔ CHỨC THỰC HIỆN")),
        ("D.  ĐIỀU KHOẢN THI HÀNH", ("phan", "D", "ĐIỀU KHOẢN THI HÀNH")),
    ],
)
def test_a_capital_letter_over_words_in_capitals_opens_a_part(line: str, marker: tuple[str, str, str]) -> None:
    assert _marker(line) == marker


@pytest.mark.parametrize(
    "line",
    [
        "A. Nguyễn Văn Bình",  # a person in a list of members
        "B. Nhiệm vụ cụ thể",  # words not in capitals
        "a. NÂNG CAO CHẤT LƯỢNG",  # a lower-case letter: a point, not a part
        "K. KIỂM TRA",  # past the letters parts use
        "A.MỤC ĐÍCH",  # no space after the mark
    ],
)
def test_other_lettered_lines_open_no_part(line: str) -> None:
    assert _marker(line)[0] != "phan"


def test_lettered_parts_hold_the_roman_areas_and_a_lower_case_list_is_no_part() -> None:
    reading = _reading(
        """A. MỤC ĐÍCH, YÊU CẦU
a. Nâng cao chất lượng phục vụ người dân.
b. Giữ vững kết quả Chỉ số cải cách hành chính.

B. NHIỆM VỤ TRỌNG TÂM
I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
1. Niêm yết thủ tục hành chính tại Bộ phận Một cửa (công chức Văn phòng - Thống kê; quý I/2024).
II. CẢI CÁCH TÀI CHÍNH CÔNG
1. Công khai dự toán ngân sách xã (công chức Tài chính - Kế toán; tháng 01/2024).

C. TỔ CHỨC THỰC HIỆN
Các bộ phận triển khai Kế hoạch này.
"""
    )
    assert reading.plan is not None
    assert [(s.id, s.heading) for s in reading.plan.sections] == [
        ("A", "MỤC ĐÍCH, YÊU CẦU"),
        ("B", "NHIỆM VỤ TRỌNG TÂM"),
        ("B.I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("B.II", "CẢI CÁCH TÀI CHÍNH CÔNG"),
        ("C", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [task.section for task in reading.plan.tasks[:2]] == ["B.I", "B.II"]


# -- a "Chỉ tiêu" line between a task and its field line --------------------------------------------

MEASURED = """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
a) Tiếp nhận hồ sơ trực tuyến tại Bộ phận Một cửa.
{label}: {measure}
- Thực hiện: công chức Văn phòng - Thống kê chủ trì; thời gian: cả năm.
"""


@pytest.mark.parametrize(
    ("label", "measure"),
    [
        ("- Chỉ tiêu", "tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên."),
        ("+ Chỉ tiêu phấn đấu", "100% hồ sơ được giải quyết đúng hạn."),
        ("- Chỉ tiêu đánh giá", "không có hồ sơ trễ hạn."),
        ("Chỉ tiêu", "ít nhất 80% người dân hài lòng."),
    ],
)
def test_a_measure_line_is_the_tasks_target_and_the_field_line_still_its_own(label: str, measure: str) -> None:
    reading = _reading(MEASURED.format(label=label, measure=measure))
    assert reading.plan is not None
    (task,) = [task for task in reading.plan.tasks if task.title.startswith("Tiếp nhận")]
    assert [target.text for target in task.targets] == [measure]
    assert tasks_as_read(reading.plan)[0][1:] == ("công chức Văn phòng - Thống kê", "cả năm")
    assert not any("Chỉ tiêu" in line.text for line in reading.unplaced)


@pytest.mark.parametrize("measure", ["Theo hướng dẫn của Phòng Nội vụ.", "Như kế hoạch năm trước."])
def test_a_measure_no_target_reads_is_kept_among_the_unplaced_lines(measure: str) -> None:
    reading = _reading(MEASURED.format(label="- Chỉ tiêu", measure=measure))
    assert reading.plan is not None
    assert reading.plan.tasks[0].targets == ()
    assert f"- Chỉ tiêu: {measure}" in [line.text for line in reading.unplaced]
    assert tasks_as_read(reading.plan)[0][1:] == ("công chức Văn phòng - Thống kê", "cả năm")


def test_a_measure_under_the_objectives_belongs_to_no_task() -> None:
    reading = _reading(
        """I. MỤC TIÊU
Chỉ tiêu: 100% thủ tục hành chính được công khai đúng quy định.

II. NHIỆM VỤ
1. Niêm yết thủ tục hành chính tại Bộ phận Một cửa (công chức Văn phòng - Thống kê; quý I/2024).
"""
    )
    assert reading.plan is not None
    assert all(task.targets == () for task in reading.plan.tasks)


# -- a time closing the lead's clause after a comma keeps no verb ------------------------------------


@pytest.mark.parametrize(
    ("field", "lead", "time"),
    [
        (
            "- Thực hiện: công chức Tư pháp - Hộ tịch chủ trì, hoàn thành trong quý III/2024.",
            "công chức Tư pháp - Hộ tịch",
            "trong quý III/2024",
        ),
        ("+ Phân công: Văn phòng - Thống kê chủ trì, thực hiện thường xuyên.", "Văn phòng - Thống kê", "thường xuyên"),
        ("- Trách nhiệm: Công an xã chủ trì, triển khai hằng tháng.", "Công an xã", "hằng tháng"),
        # in a segment of its own the time keeps its verb
        (
            "- Thực hiện: công chức Tư pháp - Hộ tịch chủ trì; hoàn thành trong quý II/2024.",
            "công chức Tư pháp - Hộ tịch",
            "hoàn thành trong quý II/2024",
        ),
    ],
)
def test_a_field_lines_time_after_the_leads_clause(field: str, lead: str, time: str) -> None:
    reading = _reading(f"II. NHIỆM VỤ\n1. Rà soát quy trình nội bộ giải quyết thủ tục hành chính.\n{field}\n")
    assert reading.plan is not None
    assert tasks_as_read(reading.plan)[0] == ("Rà soát quy trình nội bộ giải quyết thủ tục hành chính.", lead, time)


@pytest.mark.parametrize(
    ("item", "read"),
    [
        (
            (
                "Tổ chức đối thoại với người dân về thủ tục đất đai; công chức Địa chính - Xây dựng chủ trì, hoàn"
                " thành trong quý III/2024."
            ),
            (
                "Tổ chức đối thoại với người dân về thủ tục đất đai",
                "công chức Địa chính - Xây dựng",
                "trong quý III/2024",
            ),
        ),
        # a sentence led by its subject keeps the verb of its time, as plans label it
        (
            (
                "Công chức Văn hóa - Xã hội cập nhật tin bài về cải cách hành chính lên trang thông tin của xã, thực"
                " hiện thường xuyên."
            ),
            (
                (
                    "Công chức Văn hóa - Xã hội cập nhật tin bài về cải cách hành chính lên trang thông tin của xã,"
                    " thực hiện thường xuyên."
                ),
                "Công chức Văn hóa - Xã hội",
                "thực hiện thường xuyên",
            ),
        ),
    ],
)
def test_a_sentences_time_after_the_leads_clause(item: str, read: tuple[str, str, str]) -> None:
    reading = _reading(f"II. NHIỆM VỤ\n1. {item}\n")
    assert reading.plan is not None
    assert tasks_as_read(reading.plan)[0] == read


@pytest.mark.parametrize(
    ("clause", "lead", "partners", "time"),
    [
        ("Phòng Tư pháp chủ trì, hoàn thành trong quý III/2025.", ["Phòng Tư pháp"], [], "trong quý III/2025"),
        ("Văn phòng Sở chủ trì, thực hiện thường xuyên.", ["Văn phòng Sở"], [], "thường xuyên"),
        (
            "Phòng Nội vụ chủ trì; Phòng Tài chính - Kế hoạch cùng phối hợp; quý II/2025.",
            ["Phòng Nội vụ"],
            ["Phòng Tài chính - Kế hoạch"],
            "quý II/2025",
        ),
        (
            "Phòng Nội vụ chủ trì; hoàn thành trước ngày 20/12/2025.",
            ["Phòng Nội vụ"],
            [],
            "hoàn thành trước ngày 20/12/2025",
        ),
        # partners after the lead's comma, then the time closing the clause
        (
            "Phòng Nội vụ chủ trì, phối hợp Phòng Tài chính, hoàn thành trong quý II/2025.",
            ["Phòng Nội vụ"],
            ["Phòng Tài chính"],
            "trong quý II/2025",
        ),
        (
            "Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch, Công an huyện.",
            ["Phòng Nội vụ"],
            ["Phòng Tài chính - Kế hoạch", "Công an huyện"],
            None,
        ),
        ("Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp thực hiện.", ["Phòng Nội vụ"], ["Phòng Tư pháp"], None),
        ("Phòng Nội vụ chủ trì, phối hợp thực hiện.", ["Phòng Nội vụ"], [], None),  # no one named after the verb
        # words after the lead's clause that are no time are no time
        ("Phòng Nội vụ chủ trì, thực hiện việc rà soát.", ["Phòng Nội vụ"], [], None),
        ("Phòng Nội vụ chủ trì, triển khai đến các thôn.", ["Phòng Nội vụ"], [], None),
    ],
)
def test_an_assignment_clause_closed_by_a_time(
    clause: str, lead: list[str], partners: list[str], time: str | None
) -> None:
    assignment = read_assignment(clause)
    assert assignment is not None
    assert [p.label for p in assignment.lead] == lead
    assert [p.label for p in assignment.coordinating] == partners
    assert assignment.time == time
    assert assignment.implementing == []


def test_points_lettered_with_a_stop_are_items_and_no_part_of_the_heading_above() -> None:
    reading = _reading(
        """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
a. Niêm yết thủ tục hành chính tại Bộ phận Một cửa (công chức Văn phòng - Thống kê; quý I/2024).
b. Khảo sát sự hài lòng của người dân (công chức Văn hóa - Xã hội; quý III/2024).
"""
    )
    assert reading.plan is not None
    assert [s.heading for s in reading.plan.sections] == ["NHIỆM VỤ", "Cải cách thủ tục hành chính"]
    assert tasks_as_read(reading.plan) == [
        ("Niêm yết thủ tục hành chính tại Bộ phận Một cửa.", "công chức Văn phòng - Thống kê", "quý I/2024"),
        ("Khảo sát sự hài lòng của người dân.", "công chức Văn hóa - Xã hội", "quý III/2024"),
    ]


@pytest.mark.parametrize(
    ("fields", "lead", "time"),
    [
        # the measure after the field line
        (
            [
                "- Thực hiện: công chức Văn phòng - Thống kê chủ trì; thời gian: cả năm.",
                "- Chỉ tiêu: tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên.",
            ],
            "công chức Văn phòng - Thống kê",
            "cả năm",
        ),
        # between field lines of their own
        (
            [
                "- Thời gian: quý III/2024.",
                "- Chỉ tiêu: tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên.",
                "- Chủ trì: công chức Văn hóa - Xã hội.",
            ],
            "công chức Văn hóa - Xã hội",
            "quý III/2024",
        ),
        # the measure alone: no lead or time is made up
        (["- Chỉ tiêu: tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên."], None, None),
    ],
)
def test_a_measure_line_among_the_tasks_field_lines_in_any_order(
    fields: list[str], lead: str | None, time: str | None
) -> None:
    body = "\n".join(["II. NHIỆM VỤ", "1. Cải cách thủ tục hành chính", "a) Tiếp nhận hồ sơ trực tuyến.", *fields])
    reading = _reading(body + "\nb) Khảo sát sự hài lòng của người dân (công chức Tư pháp - Hộ tịch; quý IV/2024).\n")
    assert reading.plan is not None
    first, second = reading.plan.tasks
    assert [target.text for target in first.targets] == ["tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên."]
    assert second.targets == ()
    assert tasks_as_read(reading.plan) == [
        ("Tiếp nhận hồ sơ trực tuyến.", lead, time),
        ("Khảo sát sự hài lòng của người dân.", "công chức Tư pháp - Hộ tịch", "quý IV/2024"),
    ]
