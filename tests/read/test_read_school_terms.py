"""A school's plan counts school years and terms: its times are read as such, a bare term as a doubt."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from parplan import Part, SchoolTerm

SCHOOL_PLAN = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ TĨNH
TRƯỜNG THCS KỲ PHƯƠNG
Số: 18/KH-THCS
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kỳ Phương, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
Cải cách hành chính năm học 2025-2026

I. MỤC ĐÍCH, YÊU CẦU
Giảm giấy tờ cho cha mẹ học sinh khi làm thủ tục tại trường.

II. NHIỆM VỤ
1. Niêm yết thủ tục tiếp nhận học sinh chuyển đến tại phòng văn thư.
- Chủ trì: Văn phòng nhà trường.
- Thời gian: Học kỳ I năm học 2025-2026.
2. Nhập hồ sơ học sinh khối 6 lên cơ sở dữ liệu ngành.
- Chủ trì: Tổ Khoa học tự nhiên.
- Thời gian: Cuối học kỳ II năm học 2025 - 2026.
3. Lấy ý kiến cha mẹ học sinh về việc giải quyết thủ tục.
- Chủ trì: Ban đại diện cha mẹ học sinh.
- Thời gian: Cuối năm học.

Nơi nhận:                                 HIỆU TRƯỞNG
- Phòng Giáo dục;
- Lưu: VT.
                                          Lê Thị Minh
"""


@pytest.fixture(scope="module")
def plan() -> parplan.Plan:
    reading = parplan.read_text(SCHOOL_PLAN, name="ky-phuong.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def _time_confidence(plan: parplan.Plan, index: int) -> float:
    path = f"$.tasks[{index}].timeframe"
    found = [source.confidence for source in plan.sources if source.path == path]
    assert found, path
    assert found[0] is not None
    return float(found[0])


def test_the_terms_a_school_names_are_its_times(plan: parplan.Plan) -> None:
    tasks = plan.tasks
    assert tasks[0].timeframe == SchoolTerm(school_year=2025, term=1, text="Học kỳ I năm học 2025-2026")
    assert tasks[1].timeframe == SchoolTerm(
        school_year=2025, term=2, part=Part.END, text="Cuối học kỳ II năm học 2025 - 2026"
    )
    assert _time_confidence(plan, 0) >= 0.9
    assert _time_confidence(plan, 1) >= 0.9


def test_a_term_named_without_its_years_is_a_doubt(plan: parplan.Plan) -> None:
    timeframe = plan.tasks[2].timeframe
    assert isinstance(timeframe, SchoolTerm)
    assert (timeframe.term, timeframe.part, timeframe.text) == (None, Part.END, "Cuối năm học")
    assert _time_confidence(plan, 2) < 0.9


@pytest.mark.parametrize(
    ("title", "year", "doubted"),
    [
        ("Cải cách hành chính năm học 2025-2026", 2026, True),
        ("Cải cách hành chính năm học 2024 – 2025", 2025, True),
        ("Cải cách hành chính năm 2026", 2026, False),
        ("Cải cách hành chính năm 2026 của trường", 2026, False),
    ],
)
def test_a_school_year_s_plan_has_its_calendar_year_as_a_doubt(title: str, year: int, doubted: bool) -> None:
    """A plan for "năm học 2025-2026" covers no calendar year: the year the model needs is read under 0.9."""
    text = SCHOOL_PLAN.replace("Cải cách hành chính năm học 2025-2026", title)
    reading = parplan.read_text(text)
    assert reading.plan is not None, reading.doubts
    assert reading.plan.year == year
    source = next(s for s in reading.plan.sources if s.path == "$.year")
    assert source.confidence is not None
    assert (source.confidence < Decimal("0.9")) is doubted
    assert any("school year" in doubt for doubt in source.doubts) is doubted
