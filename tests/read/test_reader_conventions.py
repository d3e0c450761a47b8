"""Conventions of real plans the reader follows, each in a small text of its own, and where it must stay silent."""

from __future__ import annotations

from decimal import Decimal

import parplan
from parplan.read.reader import read_source
from parplan.read.source import DocumentFormat, Line, SourceDocument

HEAD = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 05/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Lập, ngày 10 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024

"""
TAIL = """
Nơi nhận:                                 TM. ỦY BAN NHÂN DÂN
- UBND huyện;                              Q. CHỦ TỊCH
- Lưu: VT.                                 Y Bình Niê
"""


def _plan(body: str) -> parplan.Plan:
    reading = parplan.read_text(HEAD + body + TAIL, name="t.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def test_remedial_parts_make_one_task() -> None:
    plan = _plan(
        """II. NHIỆM VỤ KHẮC PHỤC
1. Lĩnh vực cải cách thủ tục hành chính
- Hạn chế: Còn hồ sơ trễ hạn.
- Giải pháp: Rà soát quy trình nội bộ.
- Giao: Bộ phận Một cửa chủ trì; thời gian: quý I/2024.
"""
    )
    assert [t.title for t in plan.tasks] == ["Rà soát quy trình nội bộ."]
    task = plan.tasks[0]
    assert task.lead is not None
    assert task.lead.label == "Bộ phận Một cửa"
    assert task.timeframe is not None
    assert task.timeframe.text == "quý I/2024"


def test_a_shortcoming_alone_is_no_task() -> None:
    plan = _plan(
        """II. NHIỆM VỤ KHẮC PHỤC
1. Lĩnh vực cải cách thể chế
- Hạn chế: Chưa rà soát văn bản.
"""
    )
    assert plan.tasks == ()


def test_group_assignment_belongs_to_the_criterion_and_the_criteria_it_names() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
Tiêu chí 3.2. Kết quả giải quyết TTHC
- TCTP 3.2.1. Giải quyết hồ sơ đúng hạn.
Tiêu chí 3.3. Phản ánh, kiến nghị
- TCTP 3.3.1. Xử lý phản ánh đúng hạn.
Trách nhiệm thực hiện (chung cho Tiêu chí 3.2 và 3.3): Văn phòng UBND xã chủ trì.
"""
    )
    assert len(plan.tasks) == 2
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None
        assert responsibility.lead is not None
        assert responsibility.lead.label == "Văn phòng UBND xã"


def test_a_task_and_its_deadline_after_a_colon() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Ban hành kế hoạch kiểm tra: trước ngày 31/3/2024.\n2. Tỷ lệ hồ sơ đúng hạn: 100%.\n")
    first, second = plan.tasks
    assert first.title == "Ban hành kế hoạch kiểm tra"
    assert first.timeframe is not None
    assert second.title == "Tỷ lệ hồ sơ đúng hạn: 100%."  # a target after the colon, not a time
    assert second.timeframe is None


def test_a_time_inside_the_sentence_is_read_with_less_confidence() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Rà soát quy trình nội bộ khi có sự thay đổi.\n2. Tuyên truyền về CCHC.\n")
    first, second = plan.tasks
    assert first.timeframe is not None
    assert first.timeframe.text == "khi có sự thay đổi"
    assert second.timeframe is None  # nothing invented
    confidence = next(s.confidence for s in plan.sources if s.path == "$.tasks[0].timeframe")
    assert confidence is not None
    assert confidence < Decimal("0.9")


def test_duties_in_the_organisation_part_are_not_sure_tasks() -> None:
    plan = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND xã theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n")
    confidence = next(s.confidence for s in plan.sources if s.path == "$.tasks[0].title")
    assert confidence is not None
    assert confidence < Decimal("0.9")


def test_header_place_after_the_motto_and_an_acting_signer_side_by_side() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Tuyên truyền về CCHC.\n")
    assert plan.place == "Tân Lập"
    assert plan.signature is not None
    assert plan.signature.position == "Q. CHỦ TỊCH"
    assert plan.signature.name == "Y Bình Niê"
    assert plan.recipients == ("UBND huyện;", "Lưu: VT.")


def test_scanned_fields_are_as_sure_as_their_ocr_lines() -> None:
    text = (HEAD + "II. NHIỆM VỤ\n1. Tuyên truyền về CCHC.\n2. Niêm yết thủ tục hành chính.\n" + TAIL).splitlines()
    low = next(i for i, line in enumerate(text, start=1) if line.startswith("2. "))

    def document(confidence_of_low: int) -> SourceDocument:
        lines = [
            Line(text=line, number=i, page=1, confidence=confidence_of_low if i == low else 96)
            for i, line in enumerate(text, start=1)
        ]
        return SourceDocument(blocks=lines, format=DocumentFormat.SCAN, name="scan.png")

    sure = read_source(document(96)).plan
    unsure = read_source(document(40)).plan
    assert sure is not None
    assert unsure is not None

    def title_confidence(plan: parplan.Plan, index: int) -> Decimal:
        value = next(s.confidence for s in plan.sources if s.path == f"$.tasks[{index}].title")
        assert value is not None
        return value

    assert title_confidence(unsure, 1) < title_confidence(sure, 1)
    assert title_confidence(unsure, 0) == title_confidence(sure, 0)


# -- heads of copies not laid out as the reader expects, and the confidence they deserve ------------

NEWS = """UBND xã Phú Lộc ban hành Kế hoạch cải cách hành chính năm 2025

Ngày 02/4/2025, UBND xã Phú Lộc đã ban hành Quyết định số 61/QĐ-UBND về việc ban hành Kế hoạch.

1. Cải cách thủ tục hành chính
- Rà soát thủ tục hành chính của xã. Công chức Tư pháp chủ trì; thời gian: quý II/2025.
"""


def _source(plan: parplan.Plan, path: str) -> parplan.FieldSource:
    return next(source for source in plan.sources if source.path == path)


def test_a_news_copy_gives_a_draft_with_doubts() -> None:
    reading = parplan.read_text(NEWS, name="tin.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.unit.name == "Phú Lộc"  # not "Phú Lộc đã"
    assert plan.title == "Cải cách hành chính năm 2025"
    assert plan.adopted_by is not None
    assert str(plan.adopted_by.symbol) == "61/QĐ-UBND"
    assert str(plan.adopted_by.date) == "2025-04-02"
    for path in ("$.title", "$.issuer", "$.adopted_by"):
        source = _source(plan, path)
        assert source.certainty is parplan.Certainty.INFERRED
        assert source.confidence is not None
        assert source.confidence < Decimal("0.9")
    # a head read without a masthead or kind line: no task field is read with full trust
    assert all(s.confidence < Decimal("0.9") for s in plan.sources if s.path.startswith("$.tasks"))  # type: ignore[operator]
    assert any("inferred" in doubt for doubt in reading.doubts)


def test_a_text_that_names_no_plan_stays_without_one() -> None:
    reading = parplan.read_text("Ngày 02/4/2025, UBND xã Phú Lộc đã tổ chức hội nghị tổng kết công tác năm.\n")
    assert reading.plan is None


def test_a_plan_without_its_title_lines() -> None:
    text = (
        HEAD.replace("KẾ HOẠCH\nCải cách hành chính năm 2024\n", "")
        + (
            "Ủy ban nhân dân xã Tân Lập xây dựng kế hoạch cải cách hành chính năm 2024 như sau:\n"
            "I. NHIỆM VỤ\n1. Rà soát thủ tục hành chính. Công chức Tư pháp chủ trì; thời gian: quý II/2024.\n"
        )
        + TAIL
    )
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.title == "Cải cách hành chính năm 2024"
    assert reading.plan.year == 2024
    assert _source(reading.plan, "$.title").certainty is parplan.Certainty.INFERRED
    assert _source(reading.plan, "$.year").confidence < Decimal("0.9")  # type: ignore[operator]


def test_a_plan_in_article_one_of_a_decision() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
SỞ TƯ PHÁP | Độc lập - Tự do - Hạnh phúc |
Số: 12/QĐ-STP | Hà Nam, ngày 10 tháng 01 năm 2023 |

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch cải cách hành chính năm 2023

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2023 của Sở Tư pháp, với các nội dung sau:
I. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật. Phòng Xây dựng văn bản chủ trì; thời gian: quý II/2023.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    reading = parplan.read_text(text, name="qd.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.title == "Cải cách hành chính năm 2023 của Sở Tư pháp"
    assert plan.unit.name == "Hà Nam"
    assert plan.adopted_by is not None
    assert str(plan.adopted_by.symbol) == "12/QĐ-STP"


def test_label_lines_read_as_tasks_stay_doubtful() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Tuyên truyền trên Đài truyền thanh xã.
Thực hiện: Công chức Văn hóa - Xã hội.
2. Tuyên truyền tại hội nghị thôn.
Thực hiện: Trưởng các thôn.
"""
    )
    for index, task in enumerate(plan.tasks):
        if task.title.startswith("Thực hiện"):
            assert _source(plan, f"$.tasks[{index}].title").confidence < Decimal("0.8")  # type: ignore[operator]
