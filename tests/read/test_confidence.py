"""The reader's trust in task fields: titles that still hold their lead or time are not trusted."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import minimal_plan
from parplan.plan import Task
from parplan.read.confidence import apply_document_factor, holds_fields, looks_like_label
from parplan.source import FieldSource

UNSPLIT = [
    "Tổ chức phổ biến văn bản pháp luật mới. Giao: Văn phòng - Thống kê; thời gian: quý II/2026",
    "Rà soát thủ tục hành chính (Phòng Tư pháp chủ trì; hằng năm)",
    "Kiểm tra công tác một cửa (chủ trì: Phòng Nội vụ)",
    "Rà soát văn bản quy phạm pháp luật; thời gian thực hiện: quý III",
    "Số hóa hồ sơ; Thời hạn hoàn thành: tháng 10/2025",
    "Giao Văn phòng chủ trì tham mưu; thời gian thực hiện: cả năm 2025",
]
WHOLE = [
    "Phòng Nội vụ chủ trì, phối hợp các phòng tổ chức kiểm tra công tác cải cách hành chính",
    "Thủ trưởng các cơ quan chủ trì tiêu chí tự chấm điểm tiêu chí được giao",
    "Rà soát, hệ thống hóa văn bản quy phạm pháp luật (theo Kế hoạch số 12/KH-UBND)",
    "Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập",
    "Cắt giảm ít nhất 20% thời gian giải quyết thủ tục hành chính nội bộ",
    "Thời gian: quý II",  # a label line: looks_like_label's concern, not this one
    "; thời gian: quý II",  # a label with no text before it
]


@pytest.mark.parametrize("title", UNSPLIT)
def test_a_title_holding_its_lead_or_time_is_seen(title: str) -> None:
    assert holds_fields(title)


@pytest.mark.parametrize("title", WHOLE)
def test_a_whole_title_is_left_alone(title: str) -> None:
    assert not holds_fields(title)


def test_a_label_line_is_a_label() -> None:
    assert looks_like_label("Thời gian: quý II")
    assert not looks_like_label(UNSPLIT[0])


TEXT = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN PHÚ | Độc lập - Tự do - Hạnh phúc
Số: 05/KH-UBND | An Phú, ngày 06 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ
1. Cải cách thể chế
- Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành. Văn phòng - Thống kê chủ trì; thời gian: quý II/2026.
- Tổ chức phổ biến văn bản pháp luật mới cho cán bộ, công chức xã, Giao: Tư pháp - Hộ tịch; thời gian: quý III/2026.
"""


def test_an_unsplit_item_is_not_trusted_and_says_why() -> None:
    reading = parplan.read_text(TEXT, name="an-phu.txt")
    assert reading.plan is not None, reading.doubts
    plan = reading.plan
    for index, task in enumerate(plan.tasks):
        title = next(s for s in plan.sources if s.path == f"$.tasks[{index}].title")
        assert title.confidence is not None
        if holds_fields(task.title):
            assert title.confidence < Decimal("0.9")
            assert any("not split" in doubt for doubt in title.doubts)
        else:
            assert not any("not split" in doubt for doubt in title.doubts)
    assert any(not holds_fields(task.title) for task in plan.tasks)  # the well-formed item is read whole


def test_the_factor_lowers_only_the_fields_of_unsplit_tasks() -> None:
    plan = minimal_plan(tasks=[Task(id="1", title=WHOLE[0]), Task(id="2", title=UNSPLIT[0])])
    sure = Decimal("0.95")
    sources = [
        FieldSource(path=f"$.tasks[{index}].{field}", confidence=sure)
        for index in range(2)
        for field in ("title", "timeframe")
    ]
    lowered = {source.path: source for source in apply_document_factor(sources, plan, Decimal(1))}
    assert lowered["$.tasks[0].title"].confidence == sure
    assert lowered["$.tasks[0].timeframe"].confidence == sure
    assert lowered["$.tasks[1].title"].confidence == Decimal("0.665")  # 0.95 × 0.7
    assert lowered["$.tasks[1].timeframe"].confidence == Decimal("0.665")
    assert lowered["$.tasks[1].title"].doubts
    assert not lowered["$.tasks[1].timeframe"].doubts  # the doubt is said once, on the title


def _plan_text(items: list[str]) -> str:
    head = ["ỦY BAN NHÂN DÂN", "XÃ HÒA AN", "Số: 09/KH-UBND", "Hòa An, ngày 08 tháng 01 năm 2024", "KẾ HOẠCH"]
    return "\n".join([*head, "Cải cách hành chính năm 2024", "I. NHIỆM VỤ", *items])


def _title_confidences(text: str) -> list[Decimal]:
    plan = parplan.read_text(text).plan
    assert plan is not None
    return [
        s.confidence
        for s in plan.sources
        if s.path.startswith("$.tasks[") and s.path.endswith(".title") and s.confidence is not None
    ]


def test_a_plan_whose_tasks_mostly_say_neither_who_nor_when_is_read_less_surely() -> None:
    bare = _plan_text(
        [
            "1. Rà soát thủ tục hành chính thuộc thẩm quyền của xã.",
            "2. Cập nhật hồ sơ cán bộ, công chức.",
            "3. Tuyên truyền về dịch vụ công trực tuyến.",
            "4. Kiểm tra việc niêm yết thủ tục hành chính.",
        ]
    )
    stated = _plan_text(
        [
            "1. Rà soát thủ tục hành chính thuộc thẩm quyền của xã (Văn phòng - Thống kê; Quý I/2024).",
            "2. Cập nhật hồ sơ cán bộ, công chức (Văn phòng - Thống kê; Quý II/2024).",
            "3. Tuyên truyền về dịch vụ công trực tuyến (Văn hóa - Xã hội; Quý III/2024).",
            "4. Kiểm tra việc niêm yết thủ tục hành chính (Tư pháp - Hộ tịch; Quý IV/2024).",
        ]
    )
    assert all(confidence < Decimal("0.9") for confidence in _title_confidences(bare))
    assert any("neither a lead nor a time" in doubt for doubt in parplan.read_text(bare).doubts)
    assert all(confidence >= Decimal("0.9") for confidence in _title_confidences(stated))
