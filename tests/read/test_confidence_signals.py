"""The field signals: a field lowered when its reading is not backed by evidence that holds on any layout.

Each signal has cases where it must speak and cases where it must stay silent (a clean reading keeps its
confidence); the held-out figures it was measured on are in ``docs/reading.md``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import minimal_plan
from parplan.org import Organisation, Responsibility
from parplan.plan import Signature, Task
from parplan.read.confidence import (
    apply_field_signals,
    closing_parties,
    cut_title,
    doubtful_plan_title,
    field_factors,
    general_duty,
    group_heading,
    heading_title,
    mixed_lead,
    motto_in_head,
    names_a_lead,
    opening_parties,
    opens_with_party,
    quoted_title,
    reads_as_time,
    time_in_title,
    wordless_title,
)
from parplan.source import FieldSource

SURE = Decimal("0.95")

# -- each signal alone -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Kiểm tra việc niêm yết thủ tục hành chính. Giao công chức Văn phòng - Thống kê tham mưu thực hiện.",
        "Xây dựng kế hoạch tuyên truyền. Phân công Bộ phận Một cửa thực hiện.",
        "Cập nhật danh mục thủ tục hành chính. Đơn vị thực hiện: Phòng Tư pháp",
        "Số hóa kết quả giải quyết thủ tục hành chính – Công chức Tư pháp - Hộ tịch – Quý III/2025.",
        "Rà soát quy chế làm việc của UBND xã. Văn phòng HĐND và UBND xã chủ trì.",
    ],
)
def test_a_lead_left_in_the_title_is_seen(title: str) -> None:
    assert names_a_lead(title)


@pytest.mark.parametrize(
    "title",
    [
        # the subject form: plans keep the lead in the title, and the reader reads it
        "Phòng Nội vụ chủ trì, phối hợp các phòng tổ chức kiểm tra công tác cải cách hành chính",
        "Rà soát văn bản do công chức Tư pháp - Hộ tịch chủ trì thực hiện trong quý II",
        "Tổ chức hội nghị đối thoại với người dân về thủ tục hành chính",
        "Niêm yết thủ tục hành chính. Cập nhật kịp thời khi có thay đổi.",
        "Duy trì hệ thống quản lý chất lượng – ISO 9001:2015 – tại cơ quan",
    ],
)
def test_a_whole_title_names_no_lead(title: str) -> None:
    assert not names_a_lead(title)


def test_a_body_before_a_colon_opens_the_title() -> None:
    assert opens_with_party("Phòng Văn hóa và Thông tin: Cập nhật tin, bài về cải cách hành chính.")
    assert opens_with_party("UBND các xã, thị trấn: Bố trí máy tra cứu tại Bộ phận Một cửa.")
    assert not opens_with_party("Cải cách thủ tục hành chính: rà soát, đơn giản hóa thủ tục")
    assert not opens_with_party("Thời gian: quý II")  # a label line: looks_like_label's concern


def test_a_closing_bracket_of_bodies_only() -> None:
    assert closing_parties("Tự kiểm tra công tác cải cách hành chính (Văn phòng Sở, Thanh tra Sở).")
    assert not closing_parties("Rà soát văn bản (theo Kế hoạch số 12/KH-UBND)")
    assert not closing_parties("Triển khai dịch vụ công trực tuyến (toàn trình)")


@pytest.mark.parametrize(
    "name",
    [
        "Phòng Tài chính - Kế hoạch Văn phòng HĐND và UBND huyện",  # two cells ran together
        "Công chức Địa chính (Đ/c Nam) Công chức Tư pháp (Đ/c Hà)",
        "Sở Khoa học và",  # cut at the line's end
        "- Các văn bản hướng dẫn",  # a list item read as a lead
        "UBND các xã thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đúng thời hạn theo hướng dẫn",
    ],
)
def test_a_lead_that_is_not_one_party(name: str) -> None:
    assert mixed_lead(name)


@pytest.mark.parametrize(
    "name",
    [
        "Văn phòng HĐND và UBND huyện",
        "Chi nhánh Văn phòng đăng ký đất đai huyện",
        "Công chức Văn phòng - Thống kê",
        "Đ/c Lê Văn Bình, công chức Văn phòng - Thống kê",
        "Bộ phận Một cửa",  # "cửa" is not "của"
        "Thủ trưởng các cơ quan được giao nhiệm vụ tại Mục II",
        "Chánh Văn phòng UBND tỉnh",
    ],
)
def test_a_clean_lead_is_one_party(name: str) -> None:
    assert not mixed_lead(name)


def test_a_heading_is_written_in_capitals() -> None:
    assert heading_title("CẢI CÁCH TỔ CHỨC BỘ MÁY")
    assert not heading_title("Cải cách tổ chức bộ máy")
    assert not heading_title("Triển khai ứng dụng VNeID")
    assert not heading_title("ISO 9001")


def test_a_title_cut_where_the_text_wrapped() -> None:
    assert cut_title("hành chính nhà nước của tỉnh")
    assert cut_title("Kết nối hệ thống thông tin giải quyết thủ tục hành chính với")
    assert cut_title("Triển khai thanh toán trực tuyến phí, lệ phí", "thủ tục hành chính trên Cổng")
    assert not cut_title("Triển khai thanh toán trực tuyến phí, lệ phí", "Số hóa hồ sơ")
    assert not cut_title("Kiện toàn Bộ phận Một cửa")
    assert not cut_title("Nâng cao Chỉ số hài lòng năm 2025 và những năm tiếp theo")


def test_a_plan_title_holding_other_fields() -> None:
    assert doubtful_plan_title("CẢI CÁCH HÀNH CHÍNH NĂM 2026 SỐ 12/KH-UBND NGÀY 05 THÁNG 01 NĂM 2026")
    assert doubtful_plan_title("CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ")
    assert doubtful_plan_title("Thực hiện nhiệm vụ năm 2026, UBND xã xác định các nhiệm vụ như sau:")
    assert not doubtful_plan_title("Cải cách hành chính năm 2026 của Ủy ban nhân dân xã An Phú")
    assert not doubtful_plan_title(
        "Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm 2026"
    )


def test_the_motto_inside_the_issuer() -> None:
    assert motto_in_head("ỦY BAN NHÂN DÂN / HUYỆN AN LÃO / CỘNG HÒA XÃ HỘI")
    assert motto_in_head("UBND XÃ AN PHÚ / Độc lập - Tự do")
    assert not motto_in_head("ỦY BAN NHÂN DÂN / HUYỆN AN LÃO")
    assert not motto_in_head(None)


# -- the shape of a task's title ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "has_time"),
    [
        ("[Phòng Tư pháp] Rà soát văn bản quy phạm pháp luật. – Hạn: quý II/2026.", False),
        ("Cập nhật danh mục thủ tục hành chính; tiến độ: tháng 6/2025", False),
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, thời hạn: 30/11/2024", True),
        ("Hạn: quý I/2026.", False),  # a field line read as a task
        ("Tháng 02/2023: Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023", True),
        ("Thường xuyên: Kiểm tra việc chấp hành giờ giấc làm việc", False),
        ("Quý III/2025: Tổ chức đối thoại với người dân", True),
        ("Nâng cấp Trang thông tin điện tử của huyện (Cả năm).", False),
        ("Tổ chức tập huấn kỹ năng số cho công chức (tháng 10/2024)", False),
    ],
)
def test_a_time_left_in_the_title_is_seen(title: str, *, has_time: bool) -> None:
    assert time_in_title(title, 2025, has_time=has_time)


@pytest.mark.parametrize(
    ("title", "has_time"),
    [
        # a time inside the task's own words is the task's, not a slot left in the title
        ("Ban hành kế hoạch kiểm tra trong quý I", False),
        ("Lấy ý kiến người dân về chất lượng phục vụ 6 tháng đầu năm", False),
        ("Kết quả: 100% hồ sơ được số hóa (theo Kế hoạch số 12/KH-UBND)", False),
        ("Duy trì hệ thống quản lý chất lượng ISO 9001:2015 tại cơ quan", False),
        ("Nâng cấp Trang thông tin điện tử của huyện (Cả năm).", True),  # the time was read: the bracket is kept
        ("Rà soát thủ tục hành chính (lĩnh vực đất đai)", False),
    ],
)
def test_a_title_without_its_time_is_left_alone(title: str, *, has_time: bool) -> None:
    assert not time_in_title(title, 2025, has_time=has_time)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("quý II/2026", None, True),
        ("Cả năm", 2025, True),
        ("(6 tháng đầu năm)", 2024, True),
        ("Trước ngày 15/12/2025.", None, True),
        ("theo kế hoạch", 2025, True),
        ("theo Quyết định số 12/QĐ-UBND", 2025, False),
        ("Văn phòng HĐND và UBND xã", 2025, False),
        ("Ban hành kế hoạch trong quý I", 2025, False),
        ("Rà soát, cập nhật, công khai đầy đủ thủ tục hành chính của xã trong năm 2025", 2025, False),
    ],
)
def test_what_reads_as_a_time(text: str, year: int | None, *, expected: bool) -> None:
    assert reads_as_time(text, year) is expected


def test_bodies_in_an_opening_bracket() -> None:
    assert opening_parties("[Văn phòng HĐND và UBND] Tham mưu ban hành Kế hoạch kiểm tra")
    assert opening_parties("[Phòng Kinh tế; Trung tâm Phục vụ hành chính công] Hướng dẫn người dân")
    assert opening_parties("(Công chức Tư pháp - Hộ tịch) Rà soát văn bản")
    assert not opening_parties("(Tiếp theo) Rà soát thủ tục hành chính")
    assert not opening_parties("[Dự thảo] Kế hoạch tuyên truyền")
    assert not opening_parties("Rà soát thủ tục hành chính (Văn phòng)")


@pytest.mark.parametrize("title", ["1.1, 1.2", "2.1", "x", "III", "4.2.", "Mục 3"])
def test_a_number_or_a_mark_is_no_title(title: str) -> None:
    assert wordless_title(title)


@pytest.mark.parametrize("title", ["Số hóa hồ sơ", "Kiện toàn Tổ công nghệ số cộng đồng", "Tuyên truyền CCHC"])
def test_two_words_make_a_title(title: str) -> None:
    assert not wordless_title(title)


@pytest.mark.parametrize(
    "title",
    [
        "Yếu tố Tiếp cận dịch vụ",
        "Yếu tố Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị",
        "Lĩnh vực đất đai",
        "Nhóm nhiệm vụ về chuyển đổi số",
        "Tiêu chí 3.2: Công khai thủ tục hành chính",
        "Nội dung 2: Công khai, minh bạch",
        "Chỉ số thành phần Trách nhiệm giải trình với người dân",
    ],
)
def test_a_group_heading_read_as_a_task(title: str) -> None:
    assert group_heading(title)


@pytest.mark.parametrize(
    "title",
    [
        "Lĩnh vực đất đai: rà soát, đơn giản hóa 05 thủ tục hành chính có thời hạn giải quyết dài.",
        "Nhóm Zalo của thôn được duy trì để hướng dẫn người dân nộp hồ sơ trực tuyến và tra cứu kết quả giải quyết",
        "Tổ chức lấy ý kiến người dân về chất lượng phục vụ",
        "Nâng cao Chỉ số thành phần về thủ tục hành chính",
    ],
)
def test_a_task_opening_like_a_group_is_left_alone(title: str) -> None:
    assert not group_heading(title)


@pytest.mark.parametrize(
    "title",
    [
        "Cải cách thể chế",
        "Hiện đại hóa hành chính",
        "Chuyển đổi số",
        "Cải cách tổ chức bộ máy, công vụ",
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "Công tác chỉ đạo, điều hành",
    ],
)
def test_a_title_that_is_only_an_areas_name(title: str) -> None:
    """A heading or a group column's cell read as a task: its title names an area and nothing else."""
    plan = minimal_plan(tasks=[Task(id="1", title=title), Task(id="2", title="Rà soát thủ tục hành chính")])
    factors = field_factors(plan)
    assert factors["$.tasks[0].title"][0] == Decimal("0.7")
    assert "name of a reform area" in factors["$.tasks[0].title"][1]
    assert "$.tasks[1].title" not in factors


@pytest.mark.parametrize(
    "title",
    [
        "Cải cách thủ tục hành chính trong giải quyết hồ sơ đất đai.",
        "Rà soát văn bản quy phạm pháp luật",
        "Chuyển đổi số trong hoạt động khám, chữa bệnh",
        "Tuyên truyền về cải cách hành chính",
    ],
)
def test_a_task_naming_an_area_among_its_words_is_left_alone(title: str) -> None:
    assert "$.tasks[0].title" not in field_factors(minimal_plan(tasks=[Task(id="1", title=title)]))


def test_a_quoted_task() -> None:
    assert quoted_title("“Mở lớp bồi dưỡng kỹ năng số cho công chức”.")
    assert quoted_title('"Rà soát quy chế làm việc"')
    assert quoted_title("Nhiệm vụ “Xây dựng cơ sở dữ liệu cán bộ” (điểm c khoản 3 Mục II): điều chỉnh thời gian")
    assert not quoted_title("Triển khai mô hình “Cà phê doanh nhân” tại xã")
    assert not quoted_title("Tuyên truyền về “Ngày Chuyển đổi số quốc gia”")


def test_the_shape_signals_lower_their_fields() -> None:
    lead = Responsibility(lead=Organisation(name="Văn phòng HĐND và UBND xã"))
    timed = Responsibility(lead=Organisation(name="Quý II"))
    plan = minimal_plan(
        tasks=[
            Task(id="1", title="[Phòng Tư pháp] Rà soát văn bản quy phạm pháp luật. – Hạn: quý II/2026."),
            Task(id="2", title="1.1, 1.2", responsibility=lead),
            Task(id="3", title="Yếu tố Tiếp cận dịch vụ"),
            Task(id="4", title="“Mở lớp bồi dưỡng kỹ năng số cho công chức”.", responsibility=lead),
            Task(id="5", title="Lắp đặt biển chỉ dẫn tại Bộ phận Một cửa", responsibility=timed),
            Task(id="6", title="Kiện toàn Bộ phận Một cửa", responsibility=lead),
        ]
    )
    factors = field_factors(plan)
    assert set(factors) == {
        "$.tasks[0].title",
        *(f"$.tasks[{index}].{field}" for index in (1, 2) for field in ("title", "responsibility", "timeframe")),
        "$.tasks[3].title",
        "$.tasks[4].responsibility",
    }
    assert factors["$.tasks[0].title"][0] == Decimal("0.49")  # its time and its lead: two signals
    assert "reads as a time" in factors["$.tasks[4].responsibility"][1]


def test_a_signature_without_the_signer_is_doubted() -> None:
    unsigned = minimal_plan(signature=Signature(position="CHỦ TỊCH"))
    signed = minimal_plan(signature=Signature(position="CHỦ TỊCH", name="Nguyễn Văn An"))
    assert "$.signature" in field_factors(unsigned)
    assert "$.signature" not in field_factors(signed)


# -- the post-pass over a reading ---------------------------------------------------------------------


def _sources(count: int) -> list[FieldSource]:
    return [
        FieldSource(path=f"$.tasks[{index}].{field}", confidence=SURE)
        for index in range(count)
        for field in ("title", "responsibility", "timeframe")
    ] + [FieldSource(path="$.title", confidence=SURE), FieldSource(path="$.issuer", confidence=SURE, written="UBND")]


def test_a_clean_reading_keeps_every_confidence() -> None:
    lead = Responsibility(lead=Organisation(name="Văn phòng HĐND và UBND xã"))
    plan = minimal_plan(
        tasks=[
            Task(id="1", title="Rà soát thủ tục hành chính thuộc thẩm quyền của xã", responsibility=lead),
            Task(id="2", title="Phòng Nội vụ chủ trì tổ chức kiểm tra công tác cải cách hành chính"),
            Task(id="3", title="Kiện toàn Bộ phận Một cửa", responsibility=lead),
        ]
    )
    sources = _sources(3)
    assert field_factors(plan) == {}
    assert apply_field_signals(sources, plan) == tuple(sources)


def test_a_lead_left_in_the_title_lowers_the_title_and_the_missing_lead() -> None:
    plan = minimal_plan(
        tasks=[
            Task(id="1", title="Sở Tư pháp: Rà soát văn bản quy phạm pháp luật."),
            Task(id="2", title="Số hóa hồ sơ. Giao Văn phòng Sở tham mưu thực hiện."),
            Task(id="3", title="Cập nhật thủ tục hành chính"),
        ]
    )
    lowered = {source.path: source for source in apply_field_signals(_sources(3), plan)}
    for index in (0, 1):
        for field in ("title", "responsibility"):
            source = lowered[f"$.tasks[{index}].{field}"]
            assert source.confidence == Decimal("0.665")  # 0.95 × 0.7
            assert source.doubts
        assert lowered[f"$.tasks[{index}].timeframe"].confidence == SURE  # the time is another question
    assert all(lowered[f"$.tasks[2].{field}"].confidence == SURE for field in ("title", "responsibility", "timeframe"))


def test_a_body_before_a_colon_is_not_doubted_when_the_lead_was_read() -> None:
    """A plan may keep the body before the colon in the title (as the Sơn Châu plan does); read, it is no sign."""
    lead = Responsibility(lead=Organisation(name="Văn phòng UBND"))
    plan = minimal_plan(tasks=[Task(id="1", title="Văn phòng UBND: Chủ trì xây dựng kế hoạch", responsibility=lead)])
    assert field_factors(plan) == {}


def test_a_mixed_lead_lowers_the_lead_only() -> None:
    lead = Responsibility(lead=Organisation(name="Phòng Nội vụ Văn phòng HĐND và UBND huyện"))
    plan = minimal_plan(tasks=[Task(id="1", title="Khảo sát mức độ hài lòng", responsibility=lead)])
    lowered = {source.path: source for source in apply_field_signals(_sources(1), plan)}
    assert lowered["$.tasks[0].responsibility"].confidence == Decimal("0.665")
    assert lowered["$.tasks[0].title"].confidence == SURE


def test_a_heading_read_as_a_task_and_the_halves_of_a_cut_title() -> None:
    plan = minimal_plan(
        tasks=[
            Task(id="1", title="CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
            Task(id="2", title="Rà soát, đơn giản hóa thủ tục hành chính nội bộ giữa các cơ quan"),
            Task(id="3", title="hành chính nhà nước của tỉnh"),
            Task(id="4", title="Cập nhật thủ tục hành chính"),
        ]
    )
    factors = field_factors(plan)
    assert set(factors) == {
        "$.tasks[0].title",
        "$.tasks[0].responsibility",
        "$.tasks[0].timeframe",
        "$.tasks[1].title",
        "$.tasks[2].title",
    }


def test_header_signals() -> None:
    plan = minimal_plan(title="CỦA ỦY BAN NHÂN DÂN XÃ SỐ 05/KH-UBND")
    sources = [
        FieldSource(path="$.title", confidence=SURE),
        FieldSource(path="$.issuer", confidence=SURE, written="ỦY BAN NHÂN DÂN / XÃ AN PHÚ / CHỦ NGHĨA VIỆT NAM"),
        FieldSource(path="$.unit", confidence=SURE),
        FieldSource(path="$.symbol", confidence=SURE),
    ]
    plan = minimal_plan(title=plan.title, sources=tuple(sources))
    lowered = {source.path: source.confidence for source in apply_field_signals(sources, plan)}
    assert lowered == {
        "$.title": Decimal("0.665"),
        "$.issuer": Decimal("0.665"),
        "$.unit": Decimal("0.665"),
        "$.symbol": SURE,
    }


# -- through the reader ---------------------------------------------------------------------------

HEAD = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN AN LÃO | Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND | An Lão, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ
"""
# the tasks in a way the reader does not split: the lead as a label before a colon, the time in a bracket
UNSPLIT_TEXT = (
    HEAD
    + """1. Cải cách thủ tục hành chính
- Phòng Tư pháp: Rà soát, công bố thủ tục hành chính được sửa đổi (quý II/2026).
- Văn phòng HĐND và UBND huyện: Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa (tháng 3/2026).
2. Cải cách chế độ công vụ
- Phòng Nội vụ: Đánh giá, xếp loại công chức theo quy định (tháng 12/2026).
"""
)
# the same tasks written the way the reader splits
SPLIT_TEXT = (
    HEAD
    + """1. Cải cách thủ tục hành chính
- Rà soát, công bố thủ tục hành chính được sửa đổi (Phòng Tư pháp chủ trì; quý II/2026).
- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa (Văn phòng HĐND và UBND huyện chủ trì; tháng 3/2026).
2. Cải cách chế độ công vụ
- Đánh giá, xếp loại công chức theo quy định (Phòng Nội vụ chủ trì; tháng 12/2026).
"""
)


def _task_sources(text: str) -> tuple[parplan.Plan, dict[str, FieldSource]]:
    reading = parplan.read_text(text, name="an-lao.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan, {s.path: s for s in reading.plan.sources if s.path.startswith("$.tasks[")}


def test_an_unsplit_lead_is_not_read_with_confidence() -> None:
    plan, sources = _task_sources(UNSPLIT_TEXT)
    assert len(plan.tasks) == 3
    for index, task in enumerate(plan.tasks):
        title = sources[f"$.tasks[{index}].title"]
        if plan.responsibility_of(task) is not None:  # read some day: then no sign is needed
            continue
        assert title.confidence is not None
        assert title.confidence < Decimal("0.9")
        assert any("who leads" in doubt for doubt in title.doubts)


def test_a_split_reading_is_left_alone() -> None:
    plan, sources = _task_sources(SPLIT_TEXT)
    assert len(plan.tasks) == 3
    signals = ("who leads", "one party's name", "capitals", "looks cut", "another field", "motto")
    for source in sources.values():
        assert not any(word in doubt for doubt in source.doubts for word in signals), source
    titles = [sources[f"$.tasks[{index}].title"].confidence for index in range(3)]
    assert all(confidence is not None and confidence >= Decimal("0.9") for confidence in titles)


def test_a_responsibility_without_a_lead_is_doubted() -> None:
    partners = Responsibility(coordinating=(Organisation(name="Văn phòng Sở"),))
    lead = Responsibility(lead=Organisation(name="Phòng Pháp chế"))
    plan = minimal_plan(
        tasks=[
            Task(id="1", title="Rà soát thủ tục cấp giấy phép khai thác khoáng sản", responsibility=partners),
            Task(id="2", title="Cập nhật cơ sở dữ liệu quốc gia về thủ tục hành chính", responsibility=lead),
        ]
    )
    factors = field_factors(plan)
    assert factors["$.tasks[0].responsibility"][0] == Decimal("0.9")
    assert "no lead" in factors["$.tasks[0].responsibility"][1]
    assert "$.tasks[1].responsibility" not in factors


@pytest.mark.parametrize(
    ("title", "duty"),
    [
        ("Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở kết quả thực hiện Kế hoạch.", True),
        ("Các cơ quan, đơn vị căn cứ nhiệm vụ được giao chủ động tổ chức thực hiện.", True),
        ("Thủ trưởng các phòng chịu trách nhiệm trước Chủ tịch UBND huyện về kết quả thực hiện.", True),
        ("Kế hoạch này được phổ biến đến toàn thể công chức của Sở.", True),
        # tasks, even when they name who does them or speak of reports
        ("Phòng Tư pháp rà soát văn bản quy phạm pháp luật do UBND huyện ban hành.", False),
        ("Tổng hợp, báo cáo kết quả tự đánh giá Chỉ số cải cách hành chính.", False),
        ("Xây dựng báo cáo cải cách hành chính định kỳ hằng quý.", False),
    ],
)
def test_a_general_duty_read_as_a_task(title: str, *, duty: bool) -> None:
    assert general_duty(title) is duty
