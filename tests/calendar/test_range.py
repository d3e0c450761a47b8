"""Totality: whatever int or date the calendar's public functions are given, they answer or raise a parplan error."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import (
    Before,
    DueAfterCutoff,
    DueOnDay,
    LunarDate,
    ParplanError,
    PeriodKind,
    ReportingPeriod,
    WorkCalendar,
    lunar_to_solar,
    solar_to_lunar,
)
from parplan.calendar import (
    CULTURE_DAY,
    LABOUR_CODE_HOLIDAYS,
    AdjacentDay,
    FixedHoliday,
    LunarHoliday,
    TetDays,
    TetRule,
    lunar_new_year,
    official_calendar,
)

CALENDAR = official_calendar()
RULES = [*LABOUR_CODE_HOLIDAYS, CULTURE_DAY, TetRule(from_day=30, length=9)]

ints = st.one_of(
    st.integers(min_value=-3, max_value=40),
    st.integers(min_value=1890, max_value=2210),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([0, -1, 2**31, 2**63, 2**64, 10**100, -(10**100)]),
)
days = st.one_of(
    st.dates(),
    st.dates(min_value=date(1899, 12, 1), max_value=date(1900, 2, 28)),
    st.dates(min_value=date(2012, 12, 1), max_value=date(2013, 1, 31)),
    st.dates(min_value=date(2099, 12, 1), max_value=date(2100, 1, 31)),
    st.dates(min_value=date(2199, 12, 1), max_value=date(2200, 1, 31)),
    st.sampled_from([date.min, date.max]),
    st.datetimes().map(datetime.date),
)


def answers_or_refuses(call: Callable[[], object]) -> None:
    with contextlib.suppress(ParplanError):
        call()


@given(days, ints, ints, ints, st.booleans())
def test_lunar_functions_answer_or_raise_a_parplan_error(
    day: date, year: int, month: int, number: int, leap: bool
) -> None:
    answers_or_refuses(lambda: solar_to_lunar(day))
    answers_or_refuses(lambda: lunar_to_solar(year, month, number, leap=leap))
    answers_or_refuses(lambda: lunar_to_solar(year, 1, 1))
    answers_or_refuses(lambda: lunar_new_year(year))
    answers_or_refuses(lambda: LunarDate(year=year, month=month, day=number, leap=leap).to_solar())
    answers_or_refuses(lambda: LunarDate(year=year, month=1 + month % 12, day=1 + number % 30, leap=leap).to_solar())


@given(days, days, ints, st.lists(days, max_size=3))
def test_working_days_answer_or_raise_a_parplan_error(
    day: date, other: date, number: int, announced: list[date]
) -> None:
    answers_or_refuses(lambda: CALENDAR.is_working_day(day))
    answers_or_refuses(lambda: CALENDAR.roll_forward(day))
    answers_or_refuses(lambda: CALENDAR.add_working_days(day, number))
    answers_or_refuses(lambda: CALENDAR.add_working_days(day, number % 20_000 - 10_000))
    answers_or_refuses(lambda: CALENDAR.working_days_between(day, other))
    answers_or_refuses(lambda: CALENDAR.holidays(number, "vi"))
    answers_or_refuses(lambda: CALENDAR.holidays(day.year, "en"))
    answers_or_refuses(lambda: WorkCalendar().with_tet(number, announced).is_working_day(day))
    answers_or_refuses(lambda: WorkCalendar().with_tet(day.year, [day, *announced]).holidays(day.year, "vi"))
    answers_or_refuses(lambda: TetDays(year=number, days=[day]))
    answers_or_refuses(lambda: Before(day=day).is_overdue(other, calendar=CALENDAR))


@given(ints, ints, ints)
def test_holiday_rules_answer_or_raise_a_parplan_error(year: int, month: int, number: int) -> None:
    for rule in RULES:
        answers_or_refuses(lambda rule=rule: rule.dates(year))  # type: ignore[misc]
    answers_or_refuses(lambda: FixedHoliday(month=month, day=number, vi="x", en="x").dates(year))
    answers_or_refuses(lambda: LunarHoliday(month=month, day=number, vi="x", en="x").dates(year))
    answers_or_refuses(lambda: AdjacentDay(month=month, day=number, vi="x", en="x").dates(year))
    answers_or_refuses(lambda: TetRule(from_day=number, length=month).dates(year))


@given(ints, ints, st.sampled_from(list(PeriodKind)), ints)
def test_due_dates_with_a_calendar_answer_or_raise_a_parplan_error(
    year: int, index: int, kind: PeriodKind, number: int
) -> None:
    def due(policy: DueOnDay | DueAfterCutoff) -> date:
        return ReportingPeriod(kind=kind, year=year, index=index).due_date(policy, calendar=CALENDAR)

    answers_or_refuses(lambda: due(DueOnDay(day=number)))
    answers_or_refuses(lambda: due(DueOnDay(day=1 + number % 31)))
    answers_or_refuses(lambda: due(DueAfterCutoff(working_days=number)))


@pytest.mark.parametrize(
    "call",
    [
        lambda: solar_to_lunar(date(1, 1, 1)),
        lambda: lunar_to_solar(2**40, 1, 1),
        lambda: lunar_new_year(0),
        lambda: WorkCalendar().with_tet(-120, [date(2025, 1, 29)]),
        lambda: CALENDAR.add_working_days(date(2025, 1, 2), 10**100),
        lambda: CALENDAR.add_working_days(date(2025, 1, 2), -(10**100)),
        lambda: CALENDAR.working_days_between(date.min, date.max),
        lambda: CALENDAR.holidays(2**70, "vi"),
        lambda: RULES[1].dates(10**6),
        lambda: ReportingPeriod.quarter(2099, 4).due_date(DueAfterCutoff(working_days=30), calendar=CALENDAR),
    ],
)
def test_the_reported_inputs_raise_a_parplan_error(call: Callable[[], object]) -> None:
    with pytest.raises(ParplanError):
        call()
