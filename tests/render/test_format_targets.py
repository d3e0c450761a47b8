"""Targets in words: comparators, units, ranks, baselines and horizons, in Vietnamese and English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import Baseline, Comparator, ReportingPeriod, Target, Unit, format_target

D = Decimal

# Targets of the seeds with values varied: "đạt từ 90% trở lên", "đạt trên 50%", "100% hồ sơ …",
# "ít nhất có 02 sáng kiến", "90,73 điểm", "3.773 triệu đồng", "không có cán bộ … vi phạm",
# "xếp thứ 4/25", "giảm 02 hạng so với năm 2019".
ABSOLUTE = [
    (Comparator.GE, D(90), Unit.PERCENT, "đạt tối thiểu 90%", "at least 90%"),
    (Comparator.GE, D(85), Unit.PERCENT, "đạt tối thiểu 85%", "at least 85%"),
    (Comparator.GT, D(50), Unit.PERCENT, "đạt trên 50%", "more than 50%"),
    (Comparator.GT, D("62.5"), Unit.PERCENT, "đạt trên 62,5%", "more than 62.5%"),
    (Comparator.EQ, D(100), Unit.PERCENT, "bằng 100%", "exactly 100%"),
    (Comparator.GE, D(2), Unit.COUNT, "đạt tối thiểu 2", "at least 2"),
    (Comparator.GE, D(3), None, "đạt tối thiểu 3", "at least 3"),
    (Comparator.GE, D("90.73"), Unit.POINTS, "đạt tối thiểu 90,73 điểm", "at least 90.73 points"),
    (Comparator.GE, D(1), Unit.POINTS, "đạt tối thiểu 1 điểm", "at least 1 point"),
    (Comparator.GE, D(3_773_000_000), Unit.VND, "đạt tối thiểu 3.773 triệu đồng", "at least VND 3,773 million"),
    (Comparator.EQ, D(3_000_000_000), Unit.VND, "bằng 3.000 triệu đồng", "exactly VND 3,000 million"),
    (Comparator.LE, D(5), Unit.DAYS, "không quá 5 ngày", "at most 5 days"),
    (Comparator.LE, D(1), Unit.DAYS, "không quá 1 ngày", "at most 1 day"),
    (Comparator.LT, D(3), Unit.PERCENT, "dưới 3%", "less than 3%"),
    (Comparator.EQ, D(0), Unit.COUNT, "không có", "none"),
    (Comparator.EQ, D(0), None, "không có", "none"),
]


@pytest.mark.parametrize(("comparator", "value", "unit", "vi", "en"), ABSOLUTE)
def test_absolute_targets(comparator: Comparator, value: Decimal, unit: Unit | None, vi: str, en: str) -> None:
    target = Target(comparator=comparator, value=value, unit=unit)
    assert format_target(target, locale="vi") == vi
    assert format_target(target, locale="en") == en


RANKS = [
    (Comparator.EQ, D(4), 25, "xếp thứ 4/25", "ranked 4th of 25"),
    (Comparator.LE, D(5), 25, "xếp trong nhóm 5/25 dẫn đầu", "in the top 5 of 25"),
    (Comparator.LE, D(3), None, "xếp trong nhóm 3 dẫn đầu", "in the top 3"),
    (Comparator.LT, D(10), 63, "xếp trên thứ 10/63", "ranked above 10th of 63"),
    (Comparator.GE, D(21), 34, "xếp từ thứ 21/34 trở xuống", "ranked 21st of 34 or lower"),
    (Comparator.GT, D(2), None, "xếp dưới thứ 2", "ranked below 2nd"),
]


@pytest.mark.parametrize(("comparator", "value", "out_of", "vi", "en"), RANKS)
def test_rank_targets(comparator: Comparator, value: Decimal, out_of: int | None, vi: str, en: str) -> None:
    target = Target(comparator=comparator, value=value, unit=Unit.RANK, out_of=out_of)
    assert format_target(target, locale="vi") == vi
    assert format_target(target, locale="en") == en


RELATIVE = [
    (
        Target(comparator=Comparator.INCREASE, value=D(2), unit=Unit.RANK, baseline=Baseline(year=2020)),
        "tăng 2 bậc so với năm 2020",
        "up 2 places compared with 2020",
    ),
    (
        Target(comparator=Comparator.INCREASE, value=D(1), unit=Unit.RANK, baseline=Baseline(year=2023)),
        "tăng 1 bậc so với năm 2023",
        "up 1 place compared with 2023",
    ),
    (
        Target(
            comparator=Comparator.INCREASE,
            value=D(3),
            unit=Unit.RANK,
            baseline=Baseline(value=D(4), out_of=25, year=2020),
        ),
        "tăng 3 bậc so với năm 2020 (4/25)",
        "up 3 places compared with 2020 (4th of 25)",
    ),
    (
        Target(comparator=Comparator.INCREASE, baseline=Baseline(year=2021)),
        "tăng so với năm 2021",
        "higher compared with 2021",
    ),
    (
        Target(comparator=Comparator.DECREASE, value=D(10), unit=Unit.PERCENT, baseline=Baseline(year=2021)),
        "giảm 10% so với năm 2021",
        "down 10% compared with 2021",
    ),
    (
        Target(comparator=Comparator.DECREASE, value=D(0), baseline=Baseline(period=ReportingPeriod.quarter(2024, 1))),
        "giảm so với Quý I/2024",
        "lower compared with Q1 2024",
    ),
    (
        Target(comparator=Comparator.MAINTAIN, unit=Unit.POINTS, baseline=Baseline(value=D("88.37"))),
        "giữ vững so với mức 88,37 điểm",
        "maintained compared with 88.37 points",
    ),
    (
        Target(comparator=Comparator.INCREASE, unit=Unit.PERCENT),
        "tăng so với kỳ trước",
        "higher compared with the previous period",
    ),
    (  # a step in % of a baseline in đồng: the baseline keeps its own unit
        Target(
            comparator=Comparator.DECREASE,
            value=D(10),
            unit=Unit.PERCENT,
            baseline=Baseline(value=D(2_000_000_000), unit=Unit.VND, year=2021),
        ),
        "giảm 10% so với năm 2021 (2.000 triệu đồng)",
        "down 10% compared with 2021 (VND 2,000 million)",
    ),
    (  # "tăng 10% so với 400 hồ sơ": not "400%"
        Target(
            comparator=Comparator.INCREASE,
            value=D(10),
            unit=Unit.PERCENT,
            baseline=Baseline(value=D(400), unit=Unit.COUNT),
        ),
        "tăng 10% so với mức 400",
        "up 10% compared with 400",
    ),
    (  # a baseline without a unit under a step in %: its number alone, never "2000000000%"
        Target(comparator=Comparator.DECREASE, value=D(10), unit=Unit.PERCENT, baseline=Baseline(value=D(2_000))),
        "giảm 10% so với mức 2.000",
        "down 10% compared with 2,000",
    ),
    (
        Target(
            comparator=Comparator.INCREASE,
            value=D(5),
            unit=Unit.PERCENTAGE_POINT,
            baseline=Baseline(value=D("80.5"), year=2023),
        ),
        "tăng 5 điểm phần trăm so với năm 2023 (80,5%)",
        "up 5 percentage points compared with 2023 (80.5%)",
    ),
    (
        Target(comparator=Comparator.INCREASE, value=D(5), unit=Unit.PERCENT, baseline=Baseline(text="kế hoạch")),
        "tăng 5% so với kế hoạch",
        "up 5% compared with “kế hoạch”",
    ),
]


@pytest.mark.parametrize(("target", "vi", "en"), RELATIVE)
def test_relative_targets(target: Target, vi: str, en: str) -> None:
    assert format_target(target, locale="vi") == vi
    assert format_target(target, locale="en") == en


SUBJECTS = [
    # The seed 004 phrases behind these: ít nhất có 02 sáng kiến; không có cán bộ, công chức vi phạm bị xử lý
    # kỷ luật; sự hài lòng của người dân, doanh nghiệp đạt từ 90% trở lên; Thu ngân sách trên địa bàn đạt 3.773
    # triệu đồng.
    (
        Target(comparator=Comparator.GE, value=D(3), unit=Unit.COUNT, subject="sáng kiến"),
        "đạt tối thiểu 3 sáng kiến",
        "sáng kiến: at least 3",
    ),
    (
        Target(comparator=Comparator.EQ, value=D(0), unit=Unit.COUNT, subject="cán bộ, công chức vi phạm"),
        "không có cán bộ, công chức vi phạm",
        "cán bộ, công chức vi phạm: none",
    ),
    (
        Target(comparator=Comparator.GE, value=D(95), unit=Unit.PERCENT, subject="sự hài lòng của người dân"),
        "sự hài lòng của người dân: đạt tối thiểu 95%",
        "sự hài lòng của người dân: at least 95%",
    ),
    (
        Target(comparator=Comparator.GE, value=D(4_120_000_000), unit=Unit.VND, subject="Thu ngân sách trên địa bàn"),
        "Thu ngân sách trên địa bàn: đạt tối thiểu 4.120 triệu đồng",
        "Thu ngân sách trên địa bàn: at least VND 4,120 million",
    ),
]


@pytest.mark.parametrize(("target", "vi", "en"), SUBJECTS)
def test_targets_with_a_subject(target: Target, vi: str, en: str) -> None:
    assert format_target(target, locale="vi") == vi
    assert format_target(target, locale="en") == en


def test_horizon_is_added() -> None:
    target = Target(comparator=Comparator.GE, value=D(80), unit=Unit.PERCENT, horizon=date(2025, 12, 31))
    assert format_target(target, locale="vi") == "đạt tối thiểu 80% (đến 31/12/2025)"
    assert format_target(target, locale="en") == "at least 80% (by 31 December 2025)"


def test_as_written_shows_the_plan_s_phrase() -> None:
    target = Target(comparator=Comparator.GE, value=D(90), unit=Unit.PERCENT, text="đạt từ 90% trở lên")
    assert format_target(target, locale="vi", as_written=True) == "đạt từ 90% trở lên"
    assert format_target(target, locale="vi") == "đạt tối thiểu 90%"
    plain = Target(comparator=Comparator.GE, value=D(90), unit=Unit.PERCENT)
    assert format_target(plain, locale="vi", as_written=True) == "đạt tối thiểu 90%"


@given(
    st.sampled_from([Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LE, Comparator.LT]),
    st.decimals(min_value=1, max_value=10**6, allow_nan=False, allow_infinity=False, places=2),
    st.sampled_from([Unit.PERCENT, Unit.COUNT, Unit.POINTS, Unit.DAYS, None]),
)
def test_every_absolute_target_states_its_value(comparator: Comparator, value: Decimal, unit: Unit | None) -> None:
    target = Target(comparator=comparator, value=value, unit=unit)
    vi = format_target(target, locale="vi")
    en = format_target(target, locale="en")
    digits = f"{value:f}"
    integral, _, fraction = digits.partition(".")
    assert fraction in vi.rpartition(",")[2] or not fraction
    assert integral[-3:] in vi
    assert integral[-3:] in en
    # Different comparators never read the same.
    others = {
        format_target(Target(comparator=other, value=value, unit=unit), locale="vi")
        for other in (Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LE, Comparator.LT)
        if other is not comparator
    }
    assert vi not in others
