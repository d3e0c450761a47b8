"""Targets: their invariants and what ``Target.evaluate`` says about an actual value."""

from __future__ import annotations

import operator
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import (
    Baseline,
    Comparator,
    Evaluation,
    InvariantError,
    Milestone,
    ReportingPeriod,
    Status,
    Target,
    TargetFlag,
    Unit,
)
from parplan.errors import NO_VALUE
from strategies import decimals, targets

D = Decimal
MET, NOT_MET = Status.MET, Status.NOT_MET

# --- evaluation of seed targets, just below, at and just above the threshold -----------

EVALUATIONS: list[tuple[str, Target, str, Evaluation]] = []
"""Each row: the phrase, its target, an actual value, and the expected evaluation."""


def cases(phrase: str, target: Target, threshold: str, *rows: tuple[str, Status]) -> None:
    for actual, status in rows:
        expected = Evaluation(status=status, gap=D(actual) - D(threshold), threshold=D(threshold))
        EVALUATIONS.append((phrase, target, actual, expected))


cases(
    "đạt từ 90% trở lên",
    Target(comparator=Comparator.GE, value=D(90), unit=Unit.PERCENT, text="đạt từ 90% trở lên"),
    "90",
    ("89.99", NOT_MET),
    ("90", MET),
    ("90.00", MET),
    ("90.01", MET),
)
cases(
    "đạt trên 50%",
    Target(comparator=Comparator.GT, value=D(50), unit=Unit.PERCENT),
    "50",
    ("49.99", NOT_MET),
    ("50", NOT_MET),
    ("50.01", MET),
)
cases(
    "100% hồ sơ TTHC được giải quyết trước và đúng hạn",
    Target(comparator=Comparator.EQ, value=D(100), unit=Unit.PERCENT),
    "100",
    ("99.99", NOT_MET),
    ("100.0", MET),
    ("100.01", NOT_MET),
)
cases(
    "không có cán bộ, công chức vi phạm bị xử lý kỷ luật",
    Target(comparator=Comparator.EQ, value=D(0), unit=Unit.COUNT),
    "0",
    ("0", MET),
    ("1", NOT_MET),
)
cases(
    "không quá 15 ngày",
    Target(comparator=Comparator.LE, value=D(15), unit=Unit.DAYS),
    "15",
    ("14", MET),
    ("15", MET),
    ("16", NOT_MET),
)
cases(
    "dưới 5%",
    Target(comparator=Comparator.LT, value=D(5), unit=Unit.PERCENT),
    "5",
    ("4.99", MET),
    ("5", NOT_MET),
    ("5.01", NOT_MET),
)
cases(
    "trong nhóm 5 đơn vị dẫn đầu (of 25)",
    Target(comparator=Comparator.LE, value=D(5), unit=Unit.RANK, out_of=25),
    "5",
    ("4", MET),
    ("5", MET),
    ("6", NOT_MET),
)
cases(
    "tăng hơn so với năm trước",
    Target(comparator=Comparator.INCREASE, unit=Unit.COUNT, baseline=Baseline(value=D(12), year=2020)),
    "12",
    ("11", NOT_MET),
    ("12", NOT_MET),
    ("13", MET),
)
cases(
    "tăng ít nhất 5 điểm phần trăm so với năm 2021",
    Target(comparator=Comparator.INCREASE, value=D(5), unit=Unit.PERCENTAGE_POINT, baseline=Baseline(value=D("80.5"))),
    "85.5",
    ("85.49", NOT_MET),
    ("85.5", MET),
    ("85.51", MET),
)
cases(
    "xếp hạng ở vị trí cao hơn năm 2020 (xếp thứ 4/25)",
    Target(comparator=Comparator.INCREASE, unit=Unit.RANK, baseline=Baseline(value=D(4), out_of=25, year=2020)),
    "4",
    ("3", MET),
    ("4", NOT_MET),
    ("5", NOT_MET),
)
cases(
    "tăng 2 bậc (from 4th)",
    Target(comparator=Comparator.INCREASE, value=D(2), unit=Unit.RANK, baseline=Baseline(value=D(4))),
    "2",
    ("1", MET),
    ("2", MET),
    ("3", NOT_MET),
)
cases(
    "tăng 0 bậc is as strict as a plain increase",
    Target(comparator=Comparator.INCREASE, value=D(0), unit=Unit.RANK, baseline=Baseline(value=D(4))),
    "4",
    ("3", MET),
    ("4", NOT_MET),
)
cases(
    "giảm so với năm trước",
    Target(comparator=Comparator.DECREASE, unit=Unit.PERCENT, baseline=Baseline(value=D(20))),
    "20",
    ("19.99", MET),
    ("20", NOT_MET),
    ("20.01", NOT_MET),
)
cases(
    "giảm ít nhất 5 điểm phần trăm",
    Target(comparator=Comparator.DECREASE, value=D(5), unit=Unit.PERCENTAGE_POINT, baseline=Baseline(value=D(20))),
    "15",
    ("14.99", MET),
    ("15", MET),
    ("15.01", NOT_MET),
)
cases(
    "a fall of 2 places in rank (the position number rises)",
    Target(comparator=Comparator.DECREASE, value=D(2), unit=Unit.RANK, baseline=Baseline(value=D(4))),
    "6",
    ("5", NOT_MET),
    ("6", MET),
    ("7", MET),
)
cases(
    "giữ vững hoặc nâng cao",
    Target(comparator=Comparator.MAINTAIN, unit=Unit.PERCENT, baseline=Baseline(value=D("90.73"))),
    "90.73",
    ("90.72", NOT_MET),
    ("90.73", MET),
    ("90.74", MET),
)
cases(
    "giảm 10% so với năm 2021 (2 tỷ đồng): a share of the baseline",
    Target(
        comparator=Comparator.DECREASE,
        value=D(10),
        unit=Unit.PERCENT,
        baseline=Baseline(value=D(2_000_000_000), year=2021),
    ),
    "1800000000",
    ("1799999999", MET),
    ("1800000000", MET),
    ("1800000001", NOT_MET),
)
cases(
    "tăng 10% so với 400 hồ sơ: a count baseline for a step in %",
    Target(
        comparator=Comparator.INCREASE,
        value=D(10),
        unit=Unit.PERCENT,
        baseline=Baseline(value=D(400), unit=Unit.COUNT),
    ),
    "440",
    ("411", NOT_MET),
    ("439", NOT_MET),
    ("440", MET),
    ("441", MET),
)
cases(
    "tăng 5% so với mức 80%: a share of the baseline, not 5 points",
    Target(
        comparator=Comparator.INCREASE,
        value=D(5),
        unit=Unit.PERCENT,
        baseline=Baseline(value=D(80), unit=Unit.PERCENT),
    ),
    "84",
    ("83.99", NOT_MET),
    ("84", MET),
    ("85", MET),
)
cases(
    "giữ vững thứ hạng",
    Target(comparator=Comparator.MAINTAIN, value=D(3), unit=Unit.RANK, baseline=Baseline(value=D(4))),
    "4",
    ("3", MET),
    ("4", MET),
    ("5", NOT_MET),
)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [row[1:] for row in EVALUATIONS],
    ids=[f"{phrase} @ {actual}" for phrase, _, actual, _ in EVALUATIONS],
)
def test_evaluate(target: Target, actual: str, expected: Evaluation) -> None:
    evaluation = target.evaluate(D(actual))
    assert evaluation == expected
    assert evaluation.met is (expected.status is MET)
    assert target.threshold() == expected.threshold


def test_evaluate_takes_integers() -> None:
    target = Target(comparator=Comparator.GE, value=D(2), unit=Unit.COUNT, text="ít nhất có 02 sáng kiến")
    assert target.evaluate(2) == Evaluation(status=MET, gap=D(0), threshold=D(2))
    assert target.evaluate(1) == Evaluation(status=NOT_MET, gap=D(-1), threshold=D(2))


@pytest.mark.parametrize(
    ("target", "actual", "reason"),
    [
        (Target(comparator=Comparator.GE, value=D(90)), None, "no actual value"),
        (Target(comparator=Comparator.GE, value=D(90)), D("NaN"), "the actual value is not a finite number"),
        (Target(comparator=Comparator.GE, value=D(90)), D("-Infinity"), "the actual value is not a finite number"),
        (Target(comparator=Comparator.INCREASE), D(5), "the baseline has no value"),
        (Target(comparator=Comparator.DECREASE, baseline=Baseline(year=2020)), D(5), "the baseline has no value"),
        (
            Target(comparator=Comparator.MAINTAIN, baseline=Baseline(period=ReportingPeriod.parse("2021"))),
            D(5),
            "the baseline has no value",
        ),
    ],
)
def test_not_measurable(target: Target, actual: Decimal | None, reason: str) -> None:
    evaluation = target.evaluate(actual)
    assert evaluation == Evaluation(status=Status.NOT_MEASURABLE, reason=reason)
    assert not evaluation.met


ABSOLUTE = {
    Comparator.GE: operator.ge,
    Comparator.GT: operator.gt,
    Comparator.EQ: operator.eq,
    Comparator.LE: operator.le,
    Comparator.LT: operator.lt,
}


@given(st.sampled_from(sorted(ABSOLUTE)), decimals(), decimals(), st.sampled_from([None, *Unit]))
def test_absolute_comparators_compare_with_the_value(
    comparator: Comparator, value: Decimal, actual: Decimal, unit: Unit | None
) -> None:
    target = Target(comparator=comparator, value=value, unit=unit)
    evaluation = target.evaluate(actual)
    assert evaluation.met is ABSOLUTE[comparator](actual, value)
    assert evaluation.gap == actual - value
    assert evaluation.threshold == value


@given(
    st.sampled_from([Comparator.INCREASE, Comparator.DECREASE, Comparator.MAINTAIN]),
    st.none() | decimals(),
    decimals(),
    decimals(),
    st.sampled_from([None, Unit.PERCENT, Unit.PERCENTAGE_POINT, Unit.POINTS, Unit.RANK]),
)
def test_relative_comparators_measure_from_the_baseline(
    comparator: Comparator, step: Decimal | None, base: Decimal, actual: Decimal, unit: Unit | None
) -> None:
    target = Target(comparator=comparator, value=step, unit=unit, baseline=Baseline(value=base))
    evaluation = target.evaluate(actual)
    moved = step or D(0)
    if unit is Unit.PERCENT:  # a step in % is a share of the baseline
        moved = base * moved / 100
    rank = unit is Unit.RANK
    if comparator is Comparator.MAINTAIN:
        threshold, met = base, (actual <= base if rank else actual >= base)
    else:
        # "increase" is better: a higher value, or for ranks a lower position number
        better = comparator is Comparator.INCREASE
        wants_lower = better == rank
        threshold = base - moved if wants_lower else base + moved
        if not step:  # a plain change (no step written) is strict; a step, even of nothing, is reached
            met = actual < threshold if wants_lower else actual > threshold
        else:
            met = actual <= threshold if wants_lower else actual >= threshold
    assert evaluation.threshold == threshold
    assert evaluation.gap == actual - threshold
    assert evaluation.met is met


@given(targets())
def test_every_generated_target_evaluates(target: Target) -> None:
    evaluation = target.evaluate(D(1))
    assert evaluation.status in set(Status)
    assert (evaluation.status is Status.NOT_MEASURABLE) == (target.threshold() is None)
    assert (evaluation.reason is None) == (evaluation.status is not Status.NOT_MEASURABLE)


# --- invariants -------------------------------------------------------------------------


@pytest.mark.parametrize("comparator", sorted(ABSOLUTE))
def test_absolute_comparators_need_a_value(comparator: Comparator) -> None:
    check_invariant(
        lambda: Target(comparator=comparator),
        "Target.value",
        None,
        f"is required with the comparator {comparator.value!r}",
    )


@pytest.mark.parametrize("comparator", [Comparator.INCREASE, Comparator.DECREASE, Comparator.MAINTAIN])
def test_relative_comparators_may_leave_out_the_step(comparator: Comparator) -> None:
    target = Target(comparator=comparator)
    assert target.is_relative
    assert target.value is None


@pytest.mark.parametrize("unit", [None, Unit.PERCENT, Unit.COUNT, Unit.POINTS, Unit.VND, Unit.DAYS])
def test_out_of_only_for_ranks(unit: Unit | None) -> None:
    check_invariant(
        lambda: Target(comparator=Comparator.LE, value=D(5), unit=unit, out_of=25),
        "Target.out_of",
        25,
        "is only allowed with the unit 'rank'",
    )


@pytest.mark.parametrize(("out_of", "valid"), [(0, False), (1, True), (25, True), (-3, False)])
def test_out_of_boundaries(out_of: int, valid: bool) -> None:
    def build() -> Target:
        return Target(comparator=Comparator.LE, value=D(5), unit=Unit.RANK, out_of=out_of)

    if valid:
        assert build().out_of == out_of
    else:
        check_invariant(build, "Target.out_of", out_of, "must be at least 1")


def test_milestones_in_increasing_date_order() -> None:
    first = Milestone(by=date(2022, 6, 30), value=D(50))
    same_day = Milestone(by=date(2022, 6, 30), value=D(60))
    next_day = Milestone(by=date(2022, 7, 1), value=D(60))
    earlier = Milestone(by=date(2022, 6, 29), value=D(60))
    target = Target(comparator=Comparator.GE, value=D(90), milestones=[first, next_day])
    assert target.milestones == (first, next_day)
    for later in (same_day, earlier):
        check_invariant(
            lambda later=later: Target(comparator=Comparator.GE, value=D(90), milestones=[first, later]),  # type: ignore[misc]
            "Target.milestones",
            later.by.isoformat(),
            "must be in increasing date order (after 2022-06-30)",
        )


def test_flags_do_not_repeat() -> None:
    flags = [TargetFlag.UNIT_INFERRED, TargetFlag.AMBIGUOUS]
    target = Target(comparator=Comparator.GE, value=D(60), flags=flags, text="đạt từ 60  trở lên")
    assert target.flags == tuple(flags)
    check_invariant(
        lambda: Target(comparator=Comparator.GE, value=D(60), flags=[*flags, TargetFlag.UNIT_INFERRED]),
        "Target.flags",
        ["unit_inferred", "ambiguous", "unit_inferred"],
        "must not repeat a flag",
    )


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity")])
def test_target_values_are_finite(value: Decimal) -> None:
    with pytest.raises(InvariantError) as caught:
        Target(comparator=Comparator.GE, value=value)
    assert str(caught.value) == f"Target.value: must be a finite number, got {value!r}"


def test_target_indicator_is_an_identifier() -> None:
    assert Target(comparator=Comparator.GE, value=D(1), indicator="tthc.online").indicator == "tthc.online"
    with pytest.raises(InvariantError) as caught:
        Target(comparator=Comparator.GE, value=D(1), indicator="tỷ lệ")
    assert caught.value.field == "Target.indicator"


def test_a_baseline_needs_a_value_a_year_or_a_period() -> None:
    check_invariant(Baseline, "Baseline", NO_VALUE, "needs a value, a year, a period or the text it names")
    assert Baseline(text="kế hoạch").text == "kế hoạch"
    assert Baseline(value=D(4)).value == D(4)
    assert Baseline(year=2020).year == 2020
    assert Baseline(period=ReportingPeriod.parse("2020")).period == ReportingPeriod.year_of(2020)
    check_invariant(lambda: Baseline(year=2020, out_of=0), "Baseline.out_of", 0, "must be at least 1")
    check_invariant(lambda: Baseline(year=1944), "Baseline.year", 1944, "must be a year between 1945 and 2200")
