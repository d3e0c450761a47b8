"""Duties to report stated in a plan's sentences, read as reporting obligations, and where they are not."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import parplan
from parplan.timeframes import OnEvent

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
- UBND huyện;                              CHỦ TỊCH
- Lưu: VT.                                 Nguyễn Văn An
"""
CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parents[1] / "cases" / "reporting_duties.toml").read_text(encoding="utf-8")
)["case"]


def _plan(body: str) -> parplan.Plan:
    reading = parplan.read_text(HEAD + body + TAIL, name="t.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def _label(value: object) -> str:
    if value is None:
        return ""
    members = getattr(value, "members", None)
    if members:
        return " và ".join(m.label for m in members)
    return str(getattr(value, "label", ""))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_a_sentence_of_the_organisation_part(case: dict[str, Any]) -> None:
    tasks = "II. NHIỆM VỤ\n1. Rà soát quy trình nội bộ (quý II/2024).\n"
    plan = _plan(f"{tasks}III. TỔ CHỨC THỰC HIỆN\n1. {case['text']}\n")
    if not case["obligation"]:
        assert plan.obligations == ()
        return
    assert len(plan.obligations) == 1
    obligation = plan.obligations[0]
    assert obligation.text is not None
    assert obligation.source is not None
    if "reporter" in case:
        assert _label(obligation.reporter) == case["reporter"]
    if "recipient" in case:
        assert _label(obligation.recipient) == case["recipient"]
    if "timeframe" in case:
        kind = type(obligation.timeframe).__name__ if obligation.timeframe is not None else ""
        assert kind == case["timeframe"]


def test_the_duty_is_also_read_when_the_sentence_is_a_task() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Rà soát quy trình nội bộ (quý II/2024).
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng - Thống kê tham mưu xây dựng báo cáo CCHC năm 2024 gửi UBND huyện trước ngày 05/12/2024.
"""
    )
    assert any(t.title.startswith("Văn phòng - Thống kê tham mưu") for t in plan.tasks)
    [obligation] = plan.obligations
    assert _label(obligation.recipient) == "UBND huyện"
    sources = {s.path: s for s in plan.sources}
    assert "$.obligations[0].timeframe" in sources
    confidence = sources["$.obligations[0].recipient"].confidence
    assert confidence is not None
    assert confidence < 1


def test_a_report_among_the_tasks_is_no_obligation() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Báo cáo kết quả rà soát thủ tục hành chính gửi UBND huyện (quý II/2024).
2. Tổng hợp báo cáo kết quả CCHC năm 2024 gửi UBND huyện; thời gian: trước ngày 10/12/2024.
"""
    )
    assert len(plan.tasks) == 2
    assert plan.obligations == ()


def test_the_closing_sentence_names_whom_to_report_to() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Rà soát quy trình nội bộ (quý II/2024).
III. TỔ CHỨC THỰC HIỆN
Các bộ phận căn cứ Kế hoạch này triển khai thực hiện.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận báo cáo UBND xã để xem xét.
"""
    )
    [obligation] = plan.obligations
    assert _label(obligation.recipient) == "UBND xã"
    assert isinstance(obligation.timeframe, OnEvent)


def test_a_plan_without_headings_states_its_duty_in_a_paragraph() -> None:
    plan = _plan(
        """UBND xã ban hành Kế hoạch cải cách hành chính năm 2024 với các nhiệm vụ tại Phụ lục kèm theo.

Các công chức được giao chịu trách nhiệm về tiến độ; báo cáo hằng quý về Văn phòng UBND xã.

Văn phòng UBND xã có báo cáo tổng kết năm 2023 gửi các bộ phận.
"""
    )
    [obligation] = plan.obligations  # the last paragraph names no schedule: a fact, not a duty
    assert _label(obligation.recipient) == "Văn phòng UBND xã"
    assert "PP503" not in {f.code for f in parplan.check(plan)}


def test_no_reporting_schedule_stays_reported_when_nothing_is_stated() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Rà soát quy trình nội bộ (quý II/2024).
III. TỔ CHỨC THỰC HIỆN
1. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện các nhiệm vụ.
"""
    )
    assert plan.obligations == ()
    assert "PP503" in {f.code for f in parplan.check(plan)}
