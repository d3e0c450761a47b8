"""Target attainment: met, the Open SDG bands at their thresholds, milestones, no data, units, the horizon."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import (
    Baseline,
    Comparator,
    InvariantError,
    Milestone,
    ProgressBand,
    Target,
    TargetBasis,
    TargetState,
    TrendThresholds,
    Unit,
    ValueUpdate,
    evaluate,
)
from parplan.progress.evaluate import _meets
from progress.support import plan, report

D = Decimal
HORIZON = date(2026, 12, 31)
START = date(2026, 3, 14)


def share(value: str, *, comparator: Comparator = Comparator.GE, **fields: Any) -> Target:
    return Target(id="t", comparator=comparator, value=D(value), unit=Unit.PERCENT, **fields)


def values(*points: tuple[date, str], unit: Unit | None = Unit.PERCENT, target: str = "t") -> list[Any]:
    return [ValueUpdate(target=target, value=D(value), unit=unit, on=day) for day, value in points]


def attain(target: Target, points: list[Any], as_of: date = date(2026, 12, 1), **options: Any) -> Any:
    news = report("2026Q4", values=points, submitted_on=date(2026, 11, 30))
    status = evaluate(plan(targets=[target]), [news], as_of=as_of, **options)
    assert len(status.targets) == 1
    return status.targets[0]


def point_for_ratio(ratio: Decimal) -> tuple[date, Decimal]:
    """A latest value whose R is exactly ``ratio`` from 50 towards 80: half of the way to the horizon in time."""
    start, goal = D(50), D(80)
    half = date.fromordinal(START.toordinal() + (HORIZON - START).days // 2)
    elapsed = (half - START).days
    remaining = (HORIZON - START).days
    value = start + ratio * (goal - start) * elapsed / remaining
    return half, value


def test_a_target_reached_is_met() -> None:
    row = attain(share("80"), values((START, "60"), (date(2026, 6, 14), "80")))
    assert (row.state, row.basis, row.band, row.gap) == (
        TargetState.MET,
        TargetBasis.REACHED,
        ProgressBand.ACHIEVED,
        D(0),
    )


def test_after_the_horizon_the_latest_value_decides() -> None:
    points = values((START, "60"), (date(2026, 12, 14), "79.9"))
    row = attain(share("80"), points, as_of=date(2027, 1, 1))
    assert (row.state, row.basis) == (TargetState.NOT_MET, TargetBasis.FINAL)
    on_horizon = attain(share("80"), points, as_of=HORIZON)
    assert on_horizon.state is not TargetState.NOT_MET  # the horizon is the last day, not past
    reached = attain(share("80"), values((START, "60"), (date(2026, 12, 14), "80")), as_of=date(2027, 1, 1))
    assert (reached.state, reached.basis) == (TargetState.MET, TargetBasis.FINAL)


@pytest.mark.parametrize(
    ("ratio", "band", "state"),
    [
        (D("0.95"), ProgressBand.ON_TRACK, TargetState.ON_TRACK),
        (D("1.5"), ProgressBand.ON_TRACK, TargetState.ON_TRACK),
        (D("0.9499"), ProgressBand.ACCELERATION_NEEDED, TargetState.AT_RISK),
        (D("0.60"), ProgressBand.ACCELERATION_NEEDED, TargetState.AT_RISK),
        (D("0.5999"), ProgressBand.LIMITED, TargetState.AT_RISK),
        (D("0"), ProgressBand.LIMITED, TargetState.AT_RISK),
        (D("-0.1"), ProgressBand.DETERIORATION, TargetState.AT_RISK),
    ],
)
def test_the_bands_at_their_thresholds(ratio: Decimal, band: ProgressBand, state: TargetState) -> None:
    day, value = point_for_ratio(ratio)
    row = attain(share("80"), [*values((START, "50")), ValueUpdate(target="t", value=value, unit=Unit.PERCENT, on=day)])
    assert (row.band, row.state, row.basis) == (band, state, TargetBasis.TREND)
    assert row.ratio == ratio


def test_thresholds_are_settings() -> None:
    day, value = point_for_ratio(D("0.9"))
    points = [*values((START, "50")), ValueUpdate(target="t", value=value, unit=Unit.PERCENT, on=day)]
    lenient = TrendThresholds(on_track=D("0.9"), progress=D("0.5"))
    assert attain(share("80"), points, thresholds=lenient).state is TargetState.ON_TRACK
    with pytest.raises(InvariantError, match=r"TrendThresholds\.progress"):
        TrendThresholds(on_track=D("0.5"), progress=D("0.6"))


def test_one_value_trends_from_the_baseline() -> None:
    with_baseline = share("80", baseline=Baseline(value=D(50), year=2025))
    row = attain(with_baseline, values((date(2026, 6, 30), "70")))
    assert row.basis is TargetBasis.TREND
    assert row.ratio is not None
    assert row.ratio > 1  # 20 of 30 points in half of the days


def test_one_value_and_nothing_to_trend_from_is_no_data() -> None:
    row = attain(share("80"), values((date(2026, 6, 30), "70")))
    assert (row.state, row.basis, row.latest, row.observations) == (
        TargetState.NO_DATA, TargetBasis.SINGLE_VALUE, D(70), 1,
    )  # fmt: skip


def test_no_value_is_no_data() -> None:
    row = attain(share("80"), [])
    assert (row.state, row.basis, row.latest, row.gap) == (TargetState.NO_DATA, TargetBasis.NO_VALUES, None, None)


def test_values_in_another_unit_are_left_out_and_said_to_be() -> None:
    row = attain(share("80"), values((START, "60"), (date(2026, 6, 14), "70"), unit=Unit.COUNT))
    assert (row.state, row.basis, row.observations) == (TargetState.NO_DATA, TargetBasis.OTHER_UNIT, 0)
    unitless = attain(share("80"), values((START, "60"), (date(2026, 6, 14), "70"), unit=None))
    assert unitless.observations == 2


def test_a_baseline_of_unknown_value_is_no_data() -> None:
    relative = Target(id="t", comparator=Comparator.INCREASE, unit=Unit.PERCENT, baseline=Baseline(year=2025))
    row = attain(relative, values((START, "60")))
    assert (row.state, row.basis, row.threshold) == (TargetState.NO_DATA, TargetBasis.BASELINE_UNKNOWN, None)


def test_a_missed_milestone_puts_a_target_at_risk() -> None:
    staged = share("80", milestones=(Milestone(by=date(2026, 6, 30), value=D(70)),))
    fast = values((START, "50"), (date(2026, 7, 1), "69"))
    row = attain(staged, fast)
    assert (row.state, row.basis) == (TargetState.AT_RISK, TargetBasis.MILESTONE_MISSED)
    assert row.band is ProgressBand.ON_TRACK  # the trend alone would be on track
    met = attain(staged, values((date(2026, 7, 1), "71")))
    assert (met.state, met.basis) == (TargetState.ON_TRACK, TargetBasis.MILESTONE_MET)
    missed_alone = attain(staged, values((date(2026, 7, 1), "60")))
    assert (missed_alone.state, missed_alone.basis) == (TargetState.AT_RISK, TargetBasis.MILESTONE_MISSED)


def test_lower_is_better_for_an_at_most_target() -> None:
    at_most = share("5", comparator=Comparator.LE)
    row = attain(at_most, values((START, "12"), (date(2026, 8, 1), "8")))
    assert row.state is TargetState.ON_TRACK
    worse = attain(at_most, values((START, "12"), (date(2026, 8, 1), "14")))
    assert worse.band is ProgressBand.DETERIORATION


def test_a_start_that_had_reached_the_target_and_a_latest_that_has_not_is_deterioration() -> None:
    row = attain(share("80"), values((START, "85"), (date(2026, 6, 14), "78")))
    assert (row.band, row.ratio, row.state) == (ProgressBand.DETERIORATION, None, TargetState.AT_RISK)


def test_values_by_indicator_count_for_every_target_of_it() -> None:
    by_indicator = share("80", indicator="ty-le")
    news = [ValueUpdate(indicator="ty-le", value=D(82), unit=Unit.PERCENT, on=START)]
    assert attain(by_indicator, news).state is TargetState.MET


def test_values_dated_after_the_day_are_left_out_and_the_last_of_a_day_wins() -> None:
    later = attain(share("80"), values((START, "60"), (date(2026, 12, 20), "90")), as_of=date(2026, 12, 1))
    assert (later.latest, later.observations) == (D(60), 1)
    twice = attain(share("80"), values((START, "60"), (START, "81")))
    assert (twice.latest, twice.state) == (D(81), TargetState.MET)


_COMPARATORS = [Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LE, Comparator.LT]
_NUMBERS = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)


@given(st.sampled_from(_COMPARATORS), _NUMBERS, _NUMBERS)
def test_the_fast_comparison_agrees_with_target_evaluate(
    comparator: Comparator, goal: Decimal, actual: Decimal
) -> None:
    target = Target(comparator=comparator, value=goal, unit=Unit.PERCENT)
    assert _meets(target, actual, goal) is target.evaluate(actual).met
