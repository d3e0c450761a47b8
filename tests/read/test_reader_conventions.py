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
