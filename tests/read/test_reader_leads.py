"""Leads and times as real plans write them: a body as a task's label, and where the reader stays silent."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan

HEAD = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG BÔNG
Số: 11/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Krông Bông, ngày 08 tháng 01 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

"""
TAIL = """
Nơi nhận:                                 TM. ỦY BAN NHÂN DÂN
- UBND tỉnh;                               CHỦ TỊCH
- Lưu: VT.                                 Trần Văn Phú
"""


def _reading(body: str) -> parplan.Reading:
    return parplan.read_text(HEAD + "II. NHIỆM VỤ\n1. Cải cách thủ tục hành chính\n" + body + TAIL, name="t.txt")


def _plan(body: str) -> parplan.Plan:
    reading = _reading(body)
    assert reading.plan is not None, reading.doubts
    return reading.plan


def _confidence(reading: parplan.Reading, path: str) -> Decimal:
    assert reading.plan is not None
    found = next(s.confidence for s in reading.plan.sources if s.path == path)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("line", "lead", "title", "time"),
    [
        (
            "- Phòng Tư pháp: Rà soát thủ tục hành chính thuộc thẩm quyền của huyện (Quý III/2025).",
            "Phòng Tư pháp",
            "Rà soát thủ tục hành chính thuộc thẩm quyền của huyện",
            "Quý III/2025",
        ),
        (
            "- Văn phòng HĐND và UBND huyện: Cập nhật danh mục thủ tục trên Cổng dịch vụ công; thời gian: tháng 4/2025",
            "Văn phòng HĐND và UBND huyện",
            "Cập nhật danh mục thủ tục trên Cổng dịch vụ công",
            "tháng 4/2025",
        ),
        (
            "- Công chức Văn hóa – Xã hội: Tuyên truyền về dịch vụ công trực tuyến trên loa truyền thanh (hằng quý).",
            "Công chức Văn hóa – Xã hội",
            "Tuyên truyền về dịch vụ công trực tuyến trên loa truyền thanh",
            "hằng quý",
        ),
        (
            "- UBND các xã, thị trấn: Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (thường xuyên).",
            "UBND các xã, thị trấn",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "thường xuyên",
        ),
    ],
)
def test_a_body_before_a_colon_leads_the_task_after_it(line: str, lead: str, title: str, time: str) -> None:
    plan = _plan(line + "\n")
    [task] = plan.tasks
    assert task.lead is not None
    assert task.lead.label == lead
    assert task.title.rstrip(".") == title
    assert task.timeframe is not None
    assert task.timeframe.text == time


def test_a_body_label_is_trusted_less_than_a_stated_role() -> None:
    reading = _reading("- Phòng Nội vụ: Mở lớp bồi dưỡng kỹ năng cho công chức một cửa (Quý II/2025).\n")
    confidence = _confidence(reading, "$.tasks[0].responsibility")
    assert Decimal("0.8") <= confidence < Decimal("0.9")


@pytest.mark.parametrize(
    "line",
    [
        "- Nội dung: Tuyên truyền về cải cách hành chính trên loa truyền thanh (Quý II/2025).",
        "- Kết quả: Giải quyết đúng hạn các hồ sơ thủ tục hành chính (thường xuyên).",
        "- Mục tiêu: Nâng cao mức độ hài lòng của người dân (năm 2025).",
        "- Trên Cổng thông tin điện tử: Duy trì chuyên mục cải cách hành chính (thường xuyên).",
    ],
)
def test_a_label_that_is_no_body_leads_nothing(line: str) -> None:
    plan = _plan(line + "\n")
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is None or responsibility.lead is None
        assert not task.title.startswith(("Tuyên truyền", "Giải quyết", "Nâng cao", "Duy trì"))


def test_a_body_whose_duties_follow_its_colon_is_not_split() -> None:
    plan = _plan("- Văn phòng HĐND và UBND huyện: Chủ trì, phối hợp với các phòng xây dựng kế hoạch kiểm tra.\n")
    assert all(not t.title.startswith("Chủ trì, phối hợp") for t in plan.tasks)


@pytest.mark.parametrize(
    ("item", "title", "lead", "partners", "time"),
    [
        (
            (
                "a) Rà soát quy chế làm việc của UBND huyện. Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp"
                " thực hiện."
                " Hoàn thành trong quý III/2025."
            ),
            "Rà soát quy chế làm việc của UBND huyện.",
            "Phòng Nội vụ",
            ["Phòng Tư pháp"],
            "quý III/2025",
        ),
        (
            (
                "a) Tổ chức hội nghị đối thoại với hộ kinh doanh. Văn phòng HĐND và UBND huyện tham mưu thực hiện."
                " Thời hạn: tháng 9/2025."
            ),
            "Tổ chức hội nghị đối thoại với hộ kinh doanh.",
            "Văn phòng HĐND và UBND huyện",
            [],
            "tháng 9/2025",
        ),
        (
            "a) Kiện toàn bộ phận tiếp nhận hồ sơ. Phòng Nội vụ chủ trì thực hiện trong quý II/2025.",
            "Kiện toàn bộ phận tiếp nhận hồ sơ.",
            "Phòng Nội vụ",
            [],
            "quý II/2025",
        ),
        (
            (
                "a) Duy trì trang tin cải cách hành chính. Phòng Văn hóa và Thông tin chủ trì thực hiện."
                " Thực hiện thường xuyên."
            ),
            "Duy trì trang tin cải cách hành chính.",
            "Phòng Văn hóa và Thông tin",
            [],
            "thường xuyên",
        ),
    ],
)
def test_a_task_its_lead_and_its_time_in_sentences_of_their_own(
    item: str, title: str, lead: str, partners: list[str], time: str
) -> None:
    plan = _plan(item + "\n")
    [task] = plan.tasks
    assert task.title == title
    responsibility = plan.responsibility_of(task)
    assert responsibility is not None
    assert responsibility.lead is not None
    assert responsibility.lead.label == lead
    assert [p.label for p in responsibility.coordinating] == partners
    timeframe = plan.timeframe_of(task)
    assert timeframe is not None
    assert (timeframe.text or "").endswith(time)


def test_a_sentence_given_to_a_time_alone_is_the_deadline() -> None:
    plan = _plan("a) Hướng dẫn người dân nộp hồ sơ trực tuyến. Hoàn thành trước ngày 30/10/2025.\n")
    [task] = plan.tasks
    assert task.title == "Hướng dẫn người dân nộp hồ sơ trực tuyến."
    assert task.timeframe is not None
    assert task.timeframe.text == "trước ngày 30/10/2025"
    assert task.lead is None


def test_a_sentence_opening_with_a_body_that_assigns_nothing_stays_in_the_title() -> None:
    plan = _plan("a) Sử dụng chữ ký số trong gửi văn bản. Các xã đã triển khai tốt nội dung này năm 2024.\n")
    [task] = plan.tasks
    assert (task.title or "").endswith("đã triển khai tốt nội dung này năm 2024.")
    assert task.lead is None
    assert task.timeframe is None


@pytest.mark.parametrize(
    "label", ["Đơn vị tham mưu", "Đơn vị tham mưu thực hiện", "Cơ quan tham mưu", "Bộ phận tham mưu"]
)
def test_the_advising_unit_leads(label: str) -> None:
    """The unit a plan names as advising ("tham mưu") on a task carries it: its lead, read as stated."""
    reading = _reading(f"a) Theo dõi thi hành pháp luật ({label}: Phòng Tư pháp; Thời hạn: tháng 5/2025).\n")
    assert reading.plan is not None
    [task] = reading.plan.tasks
    assert task.lead is not None
    assert task.lead.label == "Phòng Tư pháp"
    assert _confidence(reading, "$.tasks[0].responsibility") >= Decimal("0.9")


@pytest.mark.parametrize(
    ("item", "lead", "time"),
    [
        (
            "a) Theo dõi thi hành pháp luật (Đơn vị đầu việc: Phòng Tư pháp; Thời hạn: tháng 5/2025).",
            "Phòng Tư pháp",
            "tháng 5/2025",
        ),
        (
            "a) Rà soát quy chế làm việc (Bộ phận phụ trách: Văn phòng HĐND và UBND huyện; thời gian: Quý IV/2025).",
            "Văn phòng HĐND và UBND huyện",
            "Quý IV/2025",
        ),
        ("a) Đánh giá, xếp loại công chức (Cơ quan thường trực: Phòng Nội vụ).", "Phòng Nội vụ", None),
    ],
)
def test_a_closing_bracket_under_a_label_known_by_its_shape_gives_the_lead(
    item: str, lead: str, time: str | None
) -> None:
    reading = _reading(item + "\n")
    assert reading.plan is not None
    [task] = reading.plan.tasks
    assert task.lead is not None
    assert task.lead.label == lead
    assert (task.timeframe.text if task.timeframe else None) == time
    assert "(" not in (task.title or "")
    assert _confidence(reading, "$.tasks[0].responsibility") < Decimal("0.9")  # a label read by its shape


@pytest.mark.parametrize(
    "item",
    [
        "a) Công khai thủ tục mới (Căn cứ: Quyết định công bố của Chủ tịch UBND tỉnh; thời gian: tháng 3/2025).",
        "a) Công khai thủ tục mới (Đơn vị tính: thủ tục; thời gian: tháng 3/2025).",
        "a) Công khai thủ tục mới (Người phụ trách: theo phân công của Chủ tịch; thời gian: tháng 3/2025).",
    ],
)
def test_a_bracket_label_whose_value_is_no_body_leads_nothing(item: str) -> None:
    plan = _plan(item + "\n")
    [task] = plan.tasks
    assert task.lead is None


@pytest.mark.parametrize(
    ("item", "lead", "time"),
    [
        (
            "a) Phòng Văn hóa và Thông tin trong quý II/2025 chủ trì tổ chức hội thi tìm hiểu cải cách hành chính.",
            "Phòng Văn hóa và Thông tin",
            "trong quý II/2025",
        ),
        (
            "a) UBND các xã, thị trấn, trước ngày 10/12/2025, báo cáo kết quả thực hiện về Phòng Nội vụ.",
            "UBND các xã, thị trấn",
            "trước ngày 10/12/2025",
        ),
        (
            "a) Đài Truyền thanh huyện, định kỳ hằng tháng, phát sóng chuyên mục cải cách hành chính.",
            "Đài Truyền thanh huyện",
            "hằng tháng",
        ),
    ],
)
def test_a_time_between_the_lead_and_its_verb_is_no_part_of_the_lead(item: str, lead: str, time: str) -> None:
    reading = _reading(item + "\n")
    assert reading.plan is not None
    [task] = reading.plan.tasks
    assert task.lead is not None
    assert task.lead.label == lead
    assert task.timeframe is not None
    assert time in (task.timeframe.text or "")
    assert _confidence(reading, "$.tasks[0].timeframe") < Decimal("0.9")  # a phrase inside the sentence


def test_a_sentence_telling_what_was_done_assigns_nobody() -> None:
    plan = _plan("a) Các thôn trong năm 2024 đã tuyên truyền về dịch vụ công trực tuyến.\n")
    for task in plan.tasks:
        assert task.lead is None


@pytest.mark.parametrize(
    "item",
    [
        "- Số hóa hồ sơ thủ tục hành chính – Bộ phận Một cửa – 100% hồ sơ.",
        "- Giải quyết hồ sơ đúng hạn (Bộ phận Một cửa; đạt 95%).",
        "- Phòng Tư pháp: Rà soát thủ tục hành chính; thời gian: 100% thủ tục.",
        "- Cập nhật dữ liệu dân cư. Thời gian: đạt 98%.",
    ],
)
def test_a_rate_where_the_deadline_goes_is_never_a_deadline(item: str) -> None:
    plan = _plan(item + "\n")
    [task] = plan.tasks
    assert plan.timeframe_of(task) is None


@pytest.mark.parametrize(
    ("label", "who"),
    [
        ("Người chịu trách nhiệm chính", "Phòng Nội vụ"),
        ("Người chịu trách nhiệm", "Phó Chủ tịch UBND huyện"),
        ("Bộ phận tham mưu chính", "Văn phòng HĐND và UBND huyện"),
        ("Phụ trách chính", "Trưởng phòng Tư pháp"),
        ("Đầu mối tổng hợp", "Phòng Nội vụ"),
    ],
)
def test_a_field_line_under_a_label_of_who_carries_the_task(label: str, who: str) -> None:
    """A label the reader has no word for, shaped like one naming who carries the task: its value leads, doubted."""
    reading = _reading(f"a) Rà soát quy chế làm việc của UBND huyện.\n{label}: {who}; thời gian: Quý III/2025.\n")
    assert reading.plan is not None
    [task] = reading.plan.tasks
    assert task.lead is not None
    assert task.lead.label == who
    assert task.timeframe is not None
    assert task.timeframe.text == "Quý III/2025"
    assert _confidence(reading, "$.tasks[0].responsibility") < Decimal("0.9")  # a label read by its shape


@pytest.mark.parametrize("label", ["Đơn vị phối hợp chính", "Lãnh đạo theo dõi", "Người giám sát"])
def test_a_label_of_who_takes_part_or_follows_names_no_lead(label: str) -> None:
    reading = _reading(
        f"a) Rà soát quy chế làm việc của UBND huyện.\n{label}: Phòng Nội vụ; thời gian: Quý III/2025.\n"
    )
    assert reading.plan is not None
    assert all(task.lead is None or task.lead.label != "Phòng Nội vụ" for task in reading.plan.tasks)
