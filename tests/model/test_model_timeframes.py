"""Timeframes: the fuzzy deadlines of real plans, their earliest and latest days, overdue checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import (
    Before,
    Between,
    Compound,
    Frequency,
    OnDate,
    OnEvent,
    OpenEnded,
    Part,
    PerSchedule,
    Recurring,
    ReportingPeriod,
    SchoolTerm,
    SimpleTimeframe,
    Span,
    SpanKind,
    Step,
    Timeframe,
    Within,
    WithinWorkingDays,
)
from strategies import dates, reporting_periods, simple_timeframes, timeframes, within_working_days, years

ONE_DAY = timedelta(days=1)


def period(identifier: str) -> ReportingPeriod:
    return ReportingPeriod.parse(identifier)


# Phrases of the seeds with the timeframe they state and its earliest and latest days.
SEED_TIMEFRAMES: list[tuple[Timeframe, date | None, date | None]] = [
    (Before(day=date(2020, 12, 31), text="Trước ngày 31/12/2020"), None, date(2020, 12, 31)),
    (OnDate(day=date(2022, 3, 15), text="Ngày 15/3/2022"), date(2022, 3, 15), date(2022, 3, 15)),
    (
        Between(start=date(2021, 12, 15), end=date(2022, 3, 14), text="Từ ngày 15/12/2021 đến ngày 14/3/2022"),
        date(2021, 12, 15),
        date(2022, 3, 14),
    ),
    (Within(periods=[period("2022M01")], text="Tháng 01/2022"), date(2022, 1, 1), date(2022, 1, 31)),
    (Within(periods=[period("2022Q1")], text="Quý I/2022"), date(2022, 1, 1), date(2022, 3, 31)),
    (Within(periods=[period("2021")], text="Trong năm 2021"), date(2021, 1, 1), date(2021, 12, 31)),
    (
        Within(periods=[period("2022Q1"), period("2022Q2"), period("2022Q3")], text="Quý I, II, III/2022"),
        date(2022, 1, 1),
        date(2022, 9, 30),
    ),
    (Span(start_year=2021, end_year=2025, text="giai đoạn 2021 - 2025"), date(2021, 1, 1), date(2025, 12, 31)),
    (
        Span(start_year=2021, end_year=2026, span_kind=SpanKind.TERM, text="nhiệm kỳ 2021 - 2026"),
        date(2021, 1, 1),
        date(2026, 12, 31),
    ),
    (OpenEnded(from_year=2021, text="qua các năm tiếp theo"), date(2021, 1, 1), None),
    (Recurring(frequencies=[Frequency.CONTINUOUS], text="Thường xuyên"), None, None),
    (
        Recurring(frequencies=[Frequency.CONTINUOUS], within=period("2022"), text="Thường xuyên trong năm 2022"),
        date(2022, 1, 1),
        date(2022, 12, 31),
    ),
    (
        Recurring(
            frequencies=[Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY],
            within=period("2022"),
            text="(định kỳ hàng quý, 6 tháng và năm 2022)",
        ),
        date(2022, 1, 1),
        date(2022, 12, 31),
    ),
    (OnEvent(event="Khi có hướng dẫn, chỉ đạo của cấp trên"), None, None),
    (PerSchedule(schedule="Theo kế hoạch của huyện"), None, None),
    (
        PerSchedule(schedule="theo VB của huyện", within=period("2022"), text="Trong năm (theo VB của huyện)"),
        date(2022, 1, 1),
        date(2022, 12, 31),
    ),
    (
        Compound(
            steps=[
                Step(action="Ban hành Kế hoạch", timeframe=Within(periods=[period("2021M01")])),
                Step(action="Báo cáo kết quả thực hiện Kế hoạch", timeframe=Within(periods=[period("2021Q4")])),
            ],
            text="- Ban hành Kế hoạch trong tháng 01/2021. - Báo cáo kết quả thực hiện Kế hoạch trong quý IV năm 2021.",
        ),
        date(2021, 1, 1),
        date(2021, 12, 31),
    ),
    (
        Compound(
            steps=[
                Step(action="Ban hành kế hoạch", timeframe=Within(periods=[period("2021Q1")])),
                Step(action="Báo cáo định kỳ hàng quý", timeframe=Recurring(frequencies=[Frequency.QUARTERLY])),
            ],
            text="- Ban hành kế hoạch trong Quý I/2021. - Báo cáo định kỳ hàng quý trong năm",
        ),
        date(2021, 1, 1),
        None,
    ),
]


@pytest.mark.parametrize(("timeframe", "earliest", "latest"), SEED_TIMEFRAMES)
def test_earliest_and_latest_days_of_seed_phrases(
    timeframe: Timeframe, earliest: date | None, latest: date | None
) -> None:
    assert timeframe.earliest == earliest
    assert timeframe.latest == latest


@pytest.mark.parametrize(("timeframe", "latest"), [(tf, latest) for tf, _, latest in SEED_TIMEFRAMES])
def test_overdue_only_after_the_latest_day(timeframe: Timeframe, latest: date | None) -> None:
    if latest is None:
        assert not timeframe.is_overdue(date(2200, 1, 1))
        return
    assert not timeframe.is_overdue(latest - ONE_DAY)
    assert not timeframe.is_overdue(latest)
    assert timeframe.is_overdue(latest + ONE_DAY)


@given(timeframes(), dates())
def test_overdue_means_after_the_latest_day(timeframe: Timeframe, as_of: date) -> None:
    latest = timeframe.latest
    assert timeframe.is_overdue(as_of) == (latest is not None and as_of > latest)


@given(timeframes())
def test_earliest_never_after_latest(timeframe: Timeframe) -> None:
    if timeframe.earliest is not None and timeframe.latest is not None:
        assert timeframe.earliest <= timeframe.latest


# --- invariants -------------------------------------------------------------------------


@given(dates(), st.integers(min_value=0, max_value=400))
def test_between_accepts_ordered_days_and_refuses_reversed_ones(start: date, length: int) -> None:
    try:
        end = start + timedelta(days=length)
    except OverflowError:
        return
    assert Between(start=start, end=end).latest == end
    if length:
        check_invariant(
            lambda: Between(start=end, end=start),
            "Between.start",
            end.isoformat(),
            f"must not be after the end {start.isoformat()}",
        )


def test_between_boundaries() -> None:
    day = date(2022, 3, 14)
    assert Between(start=day, end=day).earliest == day
    assert Between(start=day - ONE_DAY, end=day).earliest == day - ONE_DAY
    check_invariant(
        lambda: Between(start=day + ONE_DAY, end=day),
        "Between.start",
        "2022-03-15",
        "must not be after the end 2022-03-14",
    )


@given(years(), years())
def test_span_years_in_order(first: int, second: int) -> None:
    if first <= second:
        span = Span(start_year=first, end_year=second)
        assert list(span.years) == list(range(first, second + 1))
        assert span.earliest == date(first, 1, 1)
        assert span.latest == date(second, 12, 31)
    else:
        check_invariant(
            lambda: Span(start_year=first, end_year=second),
            "Span.end_year",
            second,
            f"must not be before the start year {first}",
        )


@pytest.mark.parametrize(
    ("build", "field", "value"),
    [
        (lambda: Span(start_year=1944, end_year=2025), "Span.start_year", 1944),
        (lambda: Span(start_year=2021, end_year=2201), "Span.end_year", 2201),
        (lambda: OpenEnded(from_year=1944), "OpenEnded.from_year", 1944),
        (lambda: OpenEnded(from_year=2201), "OpenEnded.from_year", 2201),
    ],
)
def test_year_bounds_of_spans(build: Callable[[], object], field: str, value: int) -> None:
    check_invariant(build, field, value, "must be a year between 1945 and 2200")


def test_span_and_open_ended_at_the_year_bounds() -> None:
    assert Span(start_year=1945, end_year=2200).latest == date(2200, 12, 31)
    assert OpenEnded(from_year=2200).earliest == date(2200, 1, 1)


def test_within_needs_distinct_periods() -> None:
    check_invariant(lambda: Within(periods=[]), "Within.periods", (), "must name at least one period")
    check_invariant(
        lambda: Within(periods=[period("2022Q1"), period("2022Q2"), period("2022Q1")]),
        "Within.periods",
        ["2022Q1", "2022Q2", "2022Q1"],
        "must not repeat a period",
    )
    # the same months under different kinds are different periods
    assert len(Within(periods=[period("2022"), period("2022S1"), period("2022Q1-Q3")]).periods) == 3


@given(st.lists(reporting_periods(), min_size=1, max_size=4, unique_by=str))
def test_within_spans_its_periods_in_any_order(periods: list[ReportingPeriod]) -> None:
    within = Within(periods=periods)
    assert within.periods == tuple(periods)
    assert within.earliest == min(p.start for p in periods)
    assert within.latest == max(p.end for p in periods)


def test_recurring_needs_distinct_frequencies() -> None:
    check_invariant(lambda: Recurring(frequencies=[]), "Recurring.frequencies", (), "must name at least one frequency")
    check_invariant(
        lambda: Recurring(frequencies=[Frequency.WEEKLY, Frequency.MONTHLY, Frequency.WEEKLY]),
        "Recurring.frequencies",
        ["weekly", "monthly", "weekly"],
        "must not repeat a frequency",
    )
    assert Recurring(frequencies=[Frequency.WEEKLY, Frequency.MONTHLY]).frequencies == (
        Frequency.WEEKLY,
        Frequency.MONTHLY,
    )


def test_events_and_schedules_are_named() -> None:
    check_invariant(lambda: OnEvent(event=" "), "OnEvent.event", " ", "must not be empty")
    check_invariant(lambda: PerSchedule(schedule=""), "PerSchedule.schedule", "", "must not be empty")
    check_invariant(lambda: Before(day=date(2022, 1, 1), text=""), "Before.text", "", "must be absent or not empty")


@pytest.mark.parametrize(
    ("term", "earliest", "latest"),
    [
        (SchoolTerm(school_year=2025, text="Năm học 2025-2026"), date(2025, 8, 1), date(2026, 7, 31)),
        (SchoolTerm(school_year=2025, term=1, text="Học kỳ I năm học 2025-2026"), date(2025, 8, 1), date(2026, 1, 31)),
        (SchoolTerm(school_year=2024, term=2), date(2025, 1, 1), date(2025, 7, 31)),
        (
            SchoolTerm(school_year=2024, term=2, part=Part.END, text="Cuối học kỳ II"),
            date(2025, 1, 1),
            date(2025, 7, 31),
        ),
        (
            SchoolTerm(school_year=2026, part=Part.START, text="Đầu năm học 2026-2027"),
            date(2026, 8, 1),
            date(2027, 7, 31),
        ),
    ],
)
def test_a_school_term_is_bounded_wide_enough_for_any_year_s_calendar(
    term: SchoolTerm, earliest: date, latest: date
) -> None:
    assert (term.earliest, term.latest) == (earliest, latest)
    assert not term.is_overdue(latest)
    assert term.is_overdue(latest + timedelta(days=1))


def test_a_school_term_is_the_first_or_the_second_and_its_part_a_third() -> None:
    terms = "must be 1 or 2 (học kỳ I or II), or absent"
    check_invariant(lambda: SchoolTerm(school_year=2025, term=3), "SchoolTerm.term", 3, terms)
    check_invariant(lambda: SchoolTerm(school_year=2025, term=0), "SchoolTerm.term", 0, terms)
    check_invariant(
        lambda: SchoolTerm(school_year=2025, part=Part.WEEK),
        "SchoolTerm.part",
        "week",
        "must be one of end, middle, start, or absent",
    )
    years = "must be a year between 1945 and 2200"
    check_invariant(lambda: SchoolTerm(school_year=1900), "SchoolTerm.school_year", 1900, years)
    check_invariant(lambda: SchoolTerm(school_year=2200), "SchoolTerm.school_year", 2200, "must end by 2200")


def test_compound_needs_a_step() -> None:
    check_invariant(lambda: Compound(steps=[]), "Compound.steps", (), "must hold at least one step")
    check_invariant(
        lambda: Step(action=" ", timeframe=Before(day=date(2022, 1, 1))),
        "Step.action",
        " ",
        "must be absent or not empty",
    )


def test_compound_overdue_steps() -> None:
    issue = Step(action="Ban hành Kế hoạch", timeframe=Within(periods=[period("2021M01")]))
    report = Step(action="Báo cáo kết quả", timeframe=Within(periods=[period("2021Q4")]))
    recurring = Step(action="Báo cáo định kỳ", timeframe=Recurring(frequencies=[Frequency.QUARTERLY]))
    compound = Compound(steps=[issue, report, recurring])
    assert compound.overdue_steps(date(2021, 1, 31)) == ()
    assert compound.overdue_steps(date(2021, 2, 1)) == (issue,)
    assert compound.overdue_steps(date(2022, 1, 1)) == (issue, report)
    assert compound.latest is None
    assert not compound.is_overdue(date(2030, 1, 1))


@given(st.lists(simple_timeframes(), min_size=1, max_size=4))
def test_compound_bounds_follow_its_steps(parts: list[SimpleTimeframe]) -> None:
    compound = Compound(steps=[Step(timeframe=part) for part in parts])
    known = [part.earliest for part in parts if part.earliest is not None]
    assert compound.earliest == (min(known) if known else None)
    latest = [part.latest for part in parts]
    if any(day is None for day in latest):
        assert compound.latest is None
    else:
        assert compound.latest == max(day for day in latest if day is not None)


# --- working days -----------------------------------------------------------------------


def test_within_working_days_after_a_cutoff() -> None:
    # "trong 02 ngày làm việc kể từ ngày chốt số liệu" of the Q1 2022 report (cut-off Monday 14/3/2022)
    deadline = WithinWorkingDays(days=2, cutoff_of=period("2022Q1"))
    assert deadline.counted_from == date(2022, 3, 14)
    assert deadline.earliest == date(2022, 3, 15)
    assert deadline.latest == date(2022, 3, 16)
    assert not deadline.is_overdue(date(2022, 3, 16))
    assert deadline.is_overdue(date(2022, 3, 17))


def test_within_working_days_skips_days_off() -> None:
    # Friday 29/4/2022: 30/4 and 1/5 fall on a weekend and are given back on 2/5 and 3/5
    deadline = WithinWorkingDays(days=1, after=date(2022, 4, 29))
    assert deadline.latest == date(2022, 5, 4)


@pytest.mark.parametrize(
    ("fields", "field", "value", "message"),
    [
        ({"days": 0, "after": date(2022, 1, 3)}, "WithinWorkingDays.days", 0, "must be at least 1"),
        ({"days": 2}, "WithinWorkingDays.after", None, "exactly one of 'after' and 'cutoff_of' must be given"),
        (
            {"days": 2, "after": date(2022, 1, 3), "cutoff_of": ReportingPeriod.parse("2022Q1")},
            "WithinWorkingDays.after",
            "2022-01-03",
            "must be absent when 'cutoff_of' is given",
        ),
        (
            {"days": 2, "after": date(2012, 12, 31)},
            "WithinWorkingDays.after",
            "2012-12-31",
            "must fall between 2013 and 2098, the years the working-day calendar covers",
        ),
        (
            {"days": 2, "after": date(2099, 1, 1)},
            "WithinWorkingDays.after",
            "2099-01-01",
            "must fall between 2013 and 2098, the years the working-day calendar covers",
        ),
    ],
)
def test_within_working_days_invariants(fields: dict[str, object], field: str, value: object, message: str) -> None:
    check_invariant(lambda: WithinWorkingDays(**fields), field, value, message)  # type: ignore[arg-type]


def test_within_working_days_at_the_calendar_bounds() -> None:
    assert WithinWorkingDays(days=1, after=date(2013, 1, 1)).earliest == date(2013, 1, 2)
    assert WithinWorkingDays(days=1, after=date(2098, 12, 31)).earliest == date(2099, 1, 1)


@given(within_working_days())
def test_working_days_never_end_before_the_next_day(deadline: WithinWorkingDays) -> None:
    assert deadline.earliest is not None
    assert deadline.latest is not None
    assert deadline.earliest <= deadline.latest
    assert (deadline.latest - deadline.counted_from).days >= deadline.days
