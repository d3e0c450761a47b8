"""The working-day calendar of state offices: announced breaks, extensions, counting, and timeframes."""

from __future__ import annotations

import csv
import pickle
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import (
    CULTURE_DAY,
    Before,
    Compound,
    DayOff,
    InvariantError,
    OnEvent,
    PlanFormatError,
    ReportingPeriod,
    Step,
    Swap,
    WithinWorkingDays,
    WorkCalendar,
)
from parplan.calendar import (
    ANNOUNCED_SWAPS,
    FIRST_YEAR,
    LABOUR_CODE_HOLIDAYS,
    LAST_YEAR,
    TetRule,
    official_calendar,
)
from parplan.io.converter import structure, unstructure

CASES = Path(__file__).parent.parent / "cases"
CALENDAR = official_calendar()


def read_cases(name: str) -> list[dict[str, str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def iso(text: str) -> date:
    return date.fromisoformat(text)


BREAKS = read_cases("vn_days_off.csv")
SATURDAYS = read_cases("vn_working_saturdays.csv")

days_in_range = st.dates(min_value=date(FIRST_YEAR + 3, 1, 1), max_value=date(LAST_YEAR - 3, 12, 31))


# --- the official calendar against announced breaks ---------------------------------------


@pytest.mark.parametrize("row", BREAKS, ids=lambda row: f"{row['year']} {row['occasion']}")
def test_announced_breaks(row: dict[str, str]) -> None:
    first, last = iso(row["first"]), iso(row["last"])
    day = first
    while day <= last:
        assert not CALENDAR.is_working_day(day), day
        day += timedelta(days=1)
    assert CALENDAR.is_working_day(first - timedelta(days=1))
    assert CALENDAR.is_working_day(last + timedelta(days=1))


@pytest.mark.parametrize("row", SATURDAYS, ids=lambda row: row["day"])
def test_saturdays_worked_in_exchange(row: dict[str, str]) -> None:
    saturday, exchanged = iso(row["day"]), iso(row["in_exchange_for"])
    assert saturday.weekday() == 5
    assert CALENDAR.is_working_day(saturday)
    assert not CALENDAR.is_working_day(exchanged)
    assert any(s.day_off == exchanged and s.working_day == saturday for s in ANNOUNCED_SWAPS)


def test_holidays_of_2022_in_both_languages() -> None:
    vi = CALENDAR.holidays(2022, "vi")
    en = CALENDAR.holidays(2022, "en")
    assert list(vi) == list(en) == sorted(vi)
    assert vi[date(2022, 1, 1)] == "Tết Dương lịch"
    assert en[date(2022, 1, 1)] == "New Year's Day"
    assert vi[date(2022, 1, 3)] == "Nghỉ bù Tết Dương lịch"
    assert en[date(2022, 1, 3)] == "New Year's Day (substitute day off)"
    assert [d for d, name in vi.items() if name == "Tết Nguyên đán"] == [
        date(2022, 1, 31) + timedelta(days=i) for i in range(5)
    ]
    assert vi[date(2022, 4, 10)] == "Giỗ Tổ Hùng Vương"
    assert en[date(2022, 4, 11)] == "Hung Kings' Commemoration Day (substitute day off)"
    assert [d for d, name in en.items() if name == "National Day"] == [date(2022, 9, 1), date(2022, 9, 2)]
    assert len(vi) == 15


def test_holidays_name_swapped_days() -> None:
    assert CALENDAR.holidays(2024, "vi")[date(2024, 4, 29)] == "Ngày nghỉ hoán đổi (làm bù ngày 04/05/2024)"
    assert CALENDAR.holidays(2024, "en")[date(2024, 4, 29)] == "Swapped day off (worked on 4 May 2024)"


def test_unknown_locale_is_refused() -> None:
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'"):
        CALENDAR.holidays(2022, "fr")


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1, 3))
def test_each_holiday_on_a_rest_day_gives_a_substitute(year: int) -> None:
    names = CALENDAR.holidays(year, "vi")
    public = [day for rule in LABOUR_CODE_HOLIDAYS for day in rule.dates(year)]
    on_rest_days = [day for day in public if day.weekday() >= 5]
    substitutes = [day for day, name in names.items() if name.startswith("Nghỉ bù")]
    assert len(substitutes) == len(on_rest_days)
    assert all(day.weekday() < 5 for day in substitutes)
    assert all(not CALENDAR.is_working_day(day) for day in public)


def test_years_outside_the_calendar_are_refused() -> None:
    for day in (date(FIRST_YEAR - 1, 12, 31), date(LAST_YEAR + 1, 1, 1)):
        with pytest.raises(InvariantError, match=f"between {FIRST_YEAR} and {LAST_YEAR}"):
            CALENDAR.is_working_day(day)
    assert CALENDAR.is_working_day(date(FIRST_YEAR, 1, 2))
    assert CALENDAR.is_working_day(date(LAST_YEAR, 12, 31))
    with pytest.raises(InvariantError, match="between 2013 and 2099"):
        CALENDAR.add_working_days(date(LAST_YEAR, 12, 20), 30)


# --- extending the calendar ---------------------------------------------------------------


def test_culture_day_is_not_included_by_default() -> None:
    assert CALENDAR.is_working_day(date(2026, 11, 24))
    with_culture_day = WorkCalendar().with_rules(CULTURE_DAY)
    assert not with_culture_day.is_working_day(date(2026, 11, 24))
    assert with_culture_day.holidays(2026, "en")[date(2026, 11, 24)] == "Vietnamese Culture Day"
    assert with_culture_day.is_working_day(date(2025, 11, 24))
    # 24/11/2029 is a Saturday: the Monday after is a substitute day.
    assert not with_culture_day.is_working_day(date(2029, 11, 26))


def test_extra_days_off_and_days_worked() -> None:
    local = WorkCalendar().with_days_off(DayOff(day=date(2022, 3, 8), vi="Ngày Quốc tế Phụ nữ"))
    assert not local.is_working_day(date(2022, 3, 8))
    assert local.holidays(2022, "en")[date(2022, 3, 8)] == "Ngày Quốc tế Phụ nữ"
    on_duty = WorkCalendar().with_working_days(date(2022, 9, 2), date(2022, 9, 3))
    assert on_duty.is_working_day(date(2022, 9, 2))
    assert on_duty.is_working_day(date(2022, 9, 3))
    assert date(2022, 9, 2) not in on_duty.holidays(2022, "vi")
    swapped = WorkCalendar().with_swaps(Swap(day_off=date(2027, 4, 30 - 1), working_day=date(2027, 5, 8)))
    assert not swapped.is_working_day(date(2027, 4, 29))
    assert swapped.is_working_day(date(2027, 5, 8))


def test_announcing_tet() -> None:
    announced = WorkCalendar().with_tet(2027, [date(2027, 2, 4) + timedelta(days=i) for i in range(5)])
    assert not announced.is_working_day(date(2027, 2, 4))
    assert announced.is_working_day(date(2027, 2, 11))
    # by rule Tết 2027 (mùng 1 on Saturday 06/02) starts on 29 tháng Chạp, Friday 05/02
    assert CALENDAR.is_working_day(date(2027, 2, 4))
    replaced = announced.with_tet(2027, [date(2027, 2, 5)])
    assert replaced.is_working_day(date(2027, 2, 4))
    no_tet_rule = WorkCalendar(rules=[rule for rule in LABOUR_CODE_HOLIDAYS if not isinstance(rule, TetRule)])
    assert no_tet_rule.is_working_day(date(2027, 2, 8))
    assert not no_tet_rule.with_tet(2027, [date(2027, 2, 8)]).is_working_day(date(2027, 2, 8))


def test_without_substitute_days() -> None:
    plain = WorkCalendar(substitute_days=False)
    assert plain.is_working_day(date(2022, 1, 3))
    assert not CALENDAR.is_working_day(date(2022, 1, 3))


def test_other_weekends() -> None:
    six_days = WorkCalendar(weekend={6})
    assert six_days.is_working_day(date(2022, 3, 12))
    assert not six_days.is_working_day(date(2022, 3, 13))
    with pytest.raises(InvariantError, match="not all seven"):
        WorkCalendar(weekend=range(7))
    with pytest.raises(InvariantError, match="weekday numbers"):
        WorkCalendar(weekend={7})
    with pytest.raises(InvariantError, match=r"WorkCalendar\.rules: must be a sequence of HolidayRule"):
        WorkCalendar(rules=["1 January"])  # type: ignore[list-item]


def test_calendars_are_values() -> None:
    assert WorkCalendar() == CALENDAR
    assert hash(WorkCalendar()) == hash(CALENDAR)
    assert WorkCalendar().with_rules(CULTURE_DAY) != CALENDAR
    copy = pickle.loads(pickle.dumps(CALENDAR))  # noqa: S301 - our own data
    assert copy == CALENDAR
    assert copy.add_working_days(date(2022, 3, 14), 2) == date(2022, 3, 16)
    assert attrs.evolve(CALENDAR, substitute_days=False).substitute_days is False


# --- counting working days ----------------------------------------------------------------


def test_counting_examples() -> None:
    # Friday 14/01/2022 + 1 working day is Monday 17/01.
    assert CALENDAR.add_working_days(date(2022, 1, 14), 1) == date(2022, 1, 17)
    # Across Tết 2024 (08/02-14/02 off): Wednesday 07/02 + 1 is Thursday 15/02.
    assert CALENDAR.add_working_days(date(2024, 2, 7), 1) == date(2024, 2, 15)
    assert CALENDAR.add_working_days(date(2024, 2, 15), -1) == date(2024, 2, 7)
    assert CALENDAR.working_days_between(date(2024, 2, 7), date(2024, 2, 15)) == 1
    # Saturday 04/05/2024 is worked.
    assert CALENDAR.add_working_days(date(2024, 5, 3), 1) == date(2024, 5, 4)
    assert CALENDAR.add_working_days(date(2022, 3, 14), 0) == date(2022, 3, 14)
    assert CALENDAR.add_working_days(date(2022, 3, 13), 0) == date(2022, 3, 13)
    assert CALENDAR.roll_forward(date(2024, 2, 10)) == date(2024, 2, 15)
    assert CALENDAR.roll_forward(date(2024, 2, 15)) == date(2024, 2, 15)
    assert CALENDAR.working_days_between(date(2022, 3, 14), date(2022, 3, 14)) == 0


def test_a_year_of_working_days() -> None:
    # the weekdays of 2022 less the weekdays the calendar lists as days off
    weekdays = sum(1 for i in range(365) if (date(2022, 1, 1) + timedelta(days=i)).weekday() < 5)
    off_on_weekdays = [d for d in CALENDAR.holidays(2022, "vi") if d.weekday() < 5]
    assert CALENDAR.working_days_between(date(2021, 12, 31), date(2022, 12, 31)) == weekdays - len(off_on_weekdays)
    assert CALENDAR.add_working_days(date(2021, 12, 31), weekdays - len(off_on_weekdays)) == date(2022, 12, 30)


@given(days_in_range, st.integers(min_value=-700, max_value=700))
def test_adding_then_counting(day: date, count: int) -> None:
    later = CALENDAR.add_working_days(day, count)
    # counting back from a day off: that day is not among the days counted
    expected = count if count >= 0 or CALENDAR.is_working_day(day) else count + 1
    assert CALENDAR.working_days_between(day, later) == expected
    if count:
        assert CALENDAR.is_working_day(later)
        assert (later > day) == (count > 0)


@given(days_in_range, st.integers(min_value=-700, max_value=700))
def test_adding_is_undone_by_subtracting_from_a_working_day(day: date, count: int) -> None:
    start = CALENDAR.roll_forward(day)
    assert CALENDAR.add_working_days(CALENDAR.add_working_days(start, count), -count) == start


@given(days_in_range, st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=120))
def test_counting_adds_up_and_matches_a_day_by_day_count(day: date, first: int, second: int) -> None:
    middle = day + timedelta(days=first)
    end = middle + timedelta(days=second)
    by_day = sum(1 for i in range(1, first + second + 1) if CALENDAR.is_working_day(day + timedelta(days=i)))
    assert CALENDAR.working_days_between(day, end) == by_day
    assert CALENDAR.working_days_between(day, middle) + CALENDAR.working_days_between(middle, end) == by_day
    assert CALENDAR.working_days_between(end, day) == -by_day


@given(days_in_range)
def test_roll_forward_finds_the_first_working_day(day: date) -> None:
    rolled = CALENDAR.roll_forward(day)
    assert CALENDAR.is_working_day(rolled)
    assert rolled >= day
    assert CALENDAR.working_days_between(day, rolled) == (0 if rolled == day else 1)


# --- timeframes meet the calendar ---------------------------------------------------------


def test_a_deadline_on_a_day_off_runs_to_the_next_working_day() -> None:
    # "Trước ngày 10/02/2024" fell in Tết: the time limit ends on Thursday 15/02
    before = Before(day=date(2024, 2, 10))
    assert before.is_overdue(date(2024, 2, 11))
    assert not before.is_overdue(date(2024, 2, 15), calendar=CALENDAR)
    assert before.is_overdue(date(2024, 2, 16), calendar=CALENDAR)
    # a deadline on a working day does not move
    working = Before(day=date(2024, 2, 7))
    assert working.is_overdue(date(2024, 2, 8), calendar=CALENDAR)
    # open timeframes are never overdue
    assert not OnEvent(event="Khi có hướng dẫn của cấp trên").is_overdue(date(2030, 1, 1), calendar=CALENDAR)


def test_compound_steps_with_a_calendar() -> None:
    steps = Compound(
        steps=[
            Step(action="Ban hành Kế hoạch", timeframe=Before(day=date(2022, 1, 1))),
            Step(action="Báo cáo", timeframe=Before(day=date(2022, 1, 5))),
        ]
    )
    assert [s.action for s in steps.overdue_steps(date(2022, 1, 3))] == ["Ban hành Kế hoạch"]
    # 01/01/2022 is a Saturday and a holiday; 03/01 is its substitute day: the limit runs to Tuesday 04/01
    assert steps.overdue_steps(date(2022, 1, 3), calendar=CALENDAR) == ()
    assert [s.action for s in steps.overdue_steps(date(2022, 1, 5), calendar=CALENDAR)] == ["Ban hành Kế hoạch"]


def test_within_working_days_after_a_cutoff() -> None:
    # "trong 02 ngày làm việc kể từ ngày chốt số liệu" of the Q1 2022 report (cut-off Monday 14/03)
    timeframe = WithinWorkingDays(days=2, cutoff_of=ReportingPeriod.parse("2022Q1"))
    assert timeframe.counted_from == date(2022, 3, 14)
    assert (timeframe.earliest, timeframe.latest) == (date(2022, 3, 15), date(2022, 3, 16))
    assert not timeframe.is_overdue(date(2022, 3, 16))
    assert timeframe.is_overdue(date(2022, 3, 17))
    # with 15/03 off the limit moves to the 17th
    local = WorkCalendar().with_days_off(DayOff(day=date(2022, 3, 15), vi="Nghỉ"))
    assert timeframe.latest_on(local) == date(2022, 3, 17)
    assert not timeframe.is_overdue(date(2022, 3, 17), calendar=local)
    after = WithinWorkingDays(days=5, after=date(2024, 2, 7), text="trong 05 ngày làm việc")
    assert after.latest == date(2024, 2, 21)


def test_within_working_days_invariants() -> None:
    with pytest.raises(InvariantError, match="exactly one of 'after' and 'cutoff_of'"):
        WithinWorkingDays(days=2)
    with pytest.raises(InvariantError, match="must be absent when 'cutoff_of' is given"):
        WithinWorkingDays(days=2, after=date(2022, 3, 14), cutoff_of=ReportingPeriod.parse("2022Q1"))
    with pytest.raises(InvariantError, match="at least 1"):
        WithinWorkingDays(days=0, after=date(2022, 3, 14))
    with pytest.raises(InvariantError, match="the years the working-day calendar covers"):
        WithinWorkingDays(days=1, after=date(2012, 12, 31))
    with pytest.raises(InvariantError, match="the years the working-day calendar covers"):
        WithinWorkingDays(days=1, cutoff_of=ReportingPeriod.parse("2099Q4"))
    assert WithinWorkingDays(days=1, after=date(2013, 1, 1)).latest == date(2013, 1, 2)
    with pytest.raises(InvariantError, match="runs past 2099"):
        WithinWorkingDays(days=300, after=date(2098, 12, 1))
    assert WithinWorkingDays(days=20, after=date(2098, 12, 1)).latest == date(2098, 12, 29)


def test_within_working_days_in_the_plan_format() -> None:
    timeframe = WithinWorkingDays(days=2, cutoff_of=ReportingPeriod.parse("2022Q1"), text="02 ngày làm việc")
    data = unstructure(timeframe)
    assert data == {"kind": "within_working_days", "days": 2, "cutoff_of": "2022Q1", "text": "02 ngày làm việc"}
    assert structure({"timeframe": data}, Step) == Step(timeframe=timeframe)
    with pytest.raises(PlanFormatError) as caught:
        structure({"timeframe": {"kind": "within_working_days", "days": 0, "after": "2022-03-14"}}, Step)
    assert [str(problem) for problem in caught.value.problems] == ["$.timeframe.days: must be at least 1, got 0"]
