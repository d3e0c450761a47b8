"""Due dates and the working-day calendar: a deadline on a day off runs to the next working day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import (
    CutoffRule,
    DueAfterCutoff,
    DueOnDay,
    InvariantError,
    PeriodKind,
    ReportingPeriod,
    ReportingSchedule,
    Swap,
    WorkCalendar,
)
from parplan.calendar import FIRST_YEAR, LAST_YEAR, official_calendar
from parplan.periods import CALENDAR_CUTOFF

CALENDAR = official_calendar()


def first_working_day_from(calendar: WorkCalendar, day: date) -> date:
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def test_the_20th_on_a_sunday_runs_to_monday() -> None:
    q3 = ReportingPeriod.quarter(2026, 3)
    assert date(2026, 9, 20).weekday() == 6
    assert q3.due_date(calendar=WorkCalendar()) == date(2026, 9, 21)
    assert q3.due_date(calendar=CALENDAR) == date(2026, 9, 21)
    # without a calendar the deadline is the day itself, as before
    assert q3.due_date() == q3.due == date(2026, 9, 20)
    assert q3.due_date(DueOnDay()) == date(2026, 9, 20)


def test_the_20th_in_tet_runs_past_the_break() -> None:
    # Tết Bính Ngọ: mùng 1 on Tuesday 17/02/2026, the days off 16/02-20/02 and the weekend after
    february = ReportingPeriod.month(2026, 2)
    assert CALENDAR.holidays(2026, "vi")[date(2026, 2, 20)] == "Tết Nguyên đán"
    assert february.due_date(calendar=CALENDAR) == date(2026, 2, 23)
    assert february.due == date(2026, 2, 20)


def test_a_saturday_worked_in_exchange_keeps_the_deadline() -> None:
    q1 = ReportingPeriod.quarter(2027, 1)
    assert date(2027, 3, 20).weekday() == 5
    assert q1.due_date(calendar=CALENDAR) == date(2027, 3, 22)
    swapped = WorkCalendar().with_swaps(Swap(day_off=date(2027, 3, 19), working_day=date(2027, 3, 20)))
    assert q1.due_date(calendar=swapped) == date(2027, 3, 20)
    # and the weekday given off in exchange is a day off like any other
    assert ReportingPeriod.quarter(2027, 1).due_date(DueOnDay(day=19), calendar=swapped) == date(2027, 3, 20)
    given_off = WorkCalendar().with_swaps(Swap(day_off=date(2026, 4, 20), working_day=date(2026, 4, 25)))
    assert ReportingPeriod.month(2026, 4).due_date(calendar=given_off) == date(2026, 4, 21)
    assert ReportingPeriod.month(2026, 4).due_date(calendar=CALENDAR) == date(2026, 4, 20)


def test_a_deadline_on_the_last_day_of_the_window() -> None:
    # due on the cut-off day itself, Saturday 14/02/2026, then Tết: the deadline runs to Monday 23/02
    on_cutoff = DueOnDay(day=14)
    february = ReportingPeriod.month(2026, 2)
    assert february.data_window.end == date(2026, 2, 14)
    assert february.due_date(on_cutoff) == date(2026, 2, 14)
    assert february.due_date(on_cutoff, calendar=CALENDAR) == date(2026, 2, 23)
    # a calendar year due on its last day, Sunday 31/12/2028: New Year's Day follows, so Tuesday 02/01/2029
    year = ReportingPeriod.year_of(2028)
    assert year.due_date(DueOnDay(day=31), cutoff=CALENDAR_CUTOFF) == date(2028, 12, 31)
    assert year.due_date(DueOnDay(day=31), cutoff=CALENDAR_CUTOFF, calendar=CALENDAR) == date(2029, 1, 2)


def test_an_early_deadline_moved_by_the_calendar_is_still_checked_against_the_cutoff() -> None:
    early = CutoffRule(estimate_from_day=1)
    # 03/12/2022 was a Saturday: with the calendar the annual report is due on Monday 05/12
    year = ReportingPeriod.year_of(2022)
    assert year.due_date(DueOnDay(day=3), cutoff=early) == date(2022, 12, 3)
    assert year.due_date(DueOnDay(day=3), cutoff=early, calendar=CALENDAR) == date(2022, 12, 5)
    with pytest.raises(InvariantError, match="falls before the data cut-off 2022-12-14"):
        year.due_date(DueOnDay(day=3), calendar=CALENDAR)


def test_a_deadline_the_calendar_cannot_place_is_refused() -> None:
    # the calendar covers 2013-2099: a deadline of 2012 cannot be placed; Sunday 20/12/2099 runs to Monday 21/12
    with pytest.raises(InvariantError, match=r"WorkCalendar\.roll_forward\.day: must be a day of a year between 2013"):
        ReportingPeriod.quarter(2012, 4).due_date(calendar=CALENDAR)
    assert ReportingPeriod.quarter(2012, 4).due_date() == date(2012, 12, 20)
    assert ReportingPeriod.quarter(2099, 4).due_date(calendar=CALENDAR) == date(2099, 12, 21)


def test_due_after_cutoff_is_already_a_working_day() -> None:
    # "02 ngày làm việc kể từ ngày chốt số liệu": Q3 2026 closes on Monday 14/09
    policy = DueAfterCutoff(working_days=2)
    q3 = ReportingPeriod.quarter(2026, 3)
    assert q3.due_date(policy) == q3.due_date(policy, calendar=CALENDAR) == date(2026, 9, 16)
    # a cut-off on a day off (Saturday 14/02/2026, then Tết) is counted from all the same
    february = ReportingPeriod.month(2026, 2)
    assert february.due_date(DueAfterCutoff(working_days=1), calendar=CALENDAR) == date(2026, 2, 23)


def test_a_schedule_with_a_calendar_moves_its_deadlines() -> None:
    schedule = ReportingSchedule.for_year(2026, calendar=CALENDAR)
    assert [report.due for report in schedule] == [
        date(2026, 3, 20),  # Friday
        date(2026, 6, 22),  # Saturday 20/06 runs to Monday
        date(2026, 9, 21),  # Sunday 20/09 runs to Monday
        date(2026, 12, 21),  # Sunday 20/12 runs to Monday
    ]
    assert [report.due for report in ReportingSchedule.for_year(2026)] == [
        date(2026, 3, 20),
        date(2026, 6, 20),
        date(2026, 9, 20),
        date(2026, 12, 20),
    ]


@given(
    st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR - 1),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=14, max_value=31),
)
def test_with_a_calendar_the_deadline_is_the_first_working_day_from_the_day(year: int, month: int, day: int) -> None:
    period = ReportingPeriod(kind=PeriodKind.MONTH, year=year, index=month)
    plain = period.due_date(DueOnDay(day=day))
    moved = period.due_date(DueOnDay(day=day), calendar=CALENDAR)
    assert moved == first_working_day_from(CALENDAR, plain)
    assert (moved == plain) == CALENDAR.is_working_day(plain)
