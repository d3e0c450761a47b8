"""The Vietnamese lunar calendar and the working-day calendar of state offices."""

from __future__ import annotations

import csv
import itertools
import pickle
import unicodedata
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
    LunarDate,
    OnEvent,
    PlanFormatError,
    ReportingPeriod,
    Step,
    Swap,
    WithinWorkingDays,
    WorkCalendar,
    lunar_to_solar,
    solar_to_lunar,
)
from parplan.calendar import (
    ANNOUNCED_SWAPS,
    FIRST_YEAR,
    LABOUR_CODE_HOLIDAYS,
    LAST_YEAR,
    NATIONAL_DAY_ADJACENT,
    TET,
    AdjacentDay,
    FixedHoliday,
    HolidayRule,
    LunarHoliday,
    TetDays,
    TetRule,
    lunar_new_year,
    official_calendar,
)
from parplan.io.converter import structure, unstructure

CASES = Path(__file__).parent / "cases"
CALENDAR = official_calendar()


def read_cases(name: str) -> list[dict[str, str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def iso(text: str) -> date:
    return date.fromisoformat(text)


LUNAR_ROWS = read_cases("vn_lunar_new_year.csv")
DIFFERING_ROWS = read_cases("vn_vs_chinese_lunar.csv")
BREAKS = read_cases("vn_days_off.csv")
SATURDAYS = read_cases("vn_working_saturdays.csv")

days_in_range = st.dates(min_value=date(FIRST_YEAR + 3, 1, 1), max_value=date(LAST_YEAR - 3, 12, 31))


# --- lunar dates -----------------------------------------------------------------------


def test_the_lunar_table_covers_1990_to_2050() -> None:
    assert [int(row["year"]) for row in LUNAR_ROWS] == list(range(1990, 2051))


@pytest.mark.parametrize("row", LUNAR_ROWS, ids=lambda row: row["year"])
def test_tet_and_gio_to_match_the_published_dates(row: dict[str, str]) -> None:
    year = int(row["year"])
    assert lunar_new_year(year) == iso(row["tet"])
    assert lunar_to_solar(year, 1, 1) == iso(row["tet"])
    assert lunar_to_solar(year, 3, 10) == iso(row["gio_to"])
    assert solar_to_lunar(iso(row["tet"])) == LunarDate(year=year, month=1, day=1)
    assert solar_to_lunar(iso(row["gio_to"])) == LunarDate(year=year, month=3, day=10)


@pytest.mark.parametrize("row", DIFFERING_ROWS, ids=lambda row: row["year"])
def test_vietnamese_dates_where_the_chinese_calendar_differs(row: dict[str, str]) -> None:
    year = int(row["year"])
    assert lunar_to_solar(year, 1, 1) == iso(row["tet"])
    assert lunar_to_solar(year, 3, 10) == iso(row["gio_to"])
    assert (lunar_to_solar(year, 1, 1), lunar_to_solar(year, 3, 10)) != (
        iso(row["chinese_tet"]),
        iso(row["chinese_gio_to"]),
    )


def test_tet_2030_is_the_second_of_february_in_vietnam() -> None:
    # DOMAIN.md 8.2: 02/02 in Vietnam, 03/02 in China.
    assert lunar_new_year(2030) == date(2030, 2, 2)
    assert solar_to_lunar(date(2030, 2, 3)) == LunarDate(year=2030, month=1, day=2)


def test_leap_sixth_month_of_2025() -> None:
    # Published: month 6 of Ất Tỵ runs 25/6-24/7/2025 (30 days), the leap month 6 runs 25/7-22/8/2025 (29 days)
    # (https://nguoi-noi-tieng.com/xa-hoi/nam-at-ty-2025-nhuan-thang-nao-1840121).
    assert lunar_to_solar(2025, 6, 1) == date(2025, 6, 25)
    assert lunar_to_solar(2025, 6, 30) == date(2025, 7, 24)
    assert lunar_to_solar(2025, 6, 1, leap=True) == date(2025, 7, 25)
    assert lunar_to_solar(2025, 6, 29, leap=True) == date(2025, 8, 22)
    assert solar_to_lunar(date(2025, 8, 1)) == LunarDate(year=2025, month=6, day=8, leap=True)
    assert solar_to_lunar(date(2025, 8, 23)) == LunarDate(year=2025, month=7, day=1)
    assert lunar_to_solar(2025, 7, 1) == date(2025, 8, 23)
    assert lunar_new_year(2026) - lunar_new_year(2025) == timedelta(days=384)


def test_impossible_lunar_dates_are_refused() -> None:
    with pytest.raises(InvariantError, match="no leap month 5"):
        lunar_to_solar(2025, 5, 1, leap=True)
    with pytest.raises(InvariantError, match="has no leap month"):
        lunar_to_solar(2024, 6, 1, leap=True)
    with pytest.raises(InvariantError, match="has 29 days"):
        lunar_to_solar(2025, 6, 30, leap=True)
    with pytest.raises(InvariantError, match="between 1 and 12"):
        lunar_to_solar(2025, 13, 1)
    with pytest.raises(InvariantError, match="between 1 and 30"):
        LunarDate(year=2025, month=1, day=0)
    assert str(LunarDate(year=2025, month=6, day=8, leap=True)) == "08/06 nhuận/2025 âm lịch"


@given(st.dates(min_value=date(1901, 3, 1), max_value=date(2099, 12, 31)))
def test_solar_to_lunar_and_back(day: date) -> None:
    lunar = solar_to_lunar(day)
    assert lunar.to_solar() == day
    following = solar_to_lunar(day + timedelta(days=1))
    if following.day != 1:
        assert (following.year, following.month, following.leap, following.day) == (
            lunar.year,
            lunar.month,
            lunar.leap,
            lunar.day + 1,
        )
    else:
        assert lunar.day in (29, 30)


@given(st.integers(min_value=1901, max_value=2099))
def test_each_lunar_year_has_twelve_or_thirteen_months(year: int) -> None:
    length = (lunar_new_year(year + 1) - lunar_new_year(year)).days if year < 2099 else None
    tet = lunar_new_year(year)
    assert date(year, 1, 21) <= tet <= date(year, 2, 20)
    assert lunar_to_solar(year, 3, 10) - tet >= timedelta(days=2 * 29 + 9)
    if length is not None:
        assert length in (353, 354, 355, 383, 384, 385)


# --- holiday rules: one contract for every rule ------------------------------------------

ALL_RULES: list[HolidayRule] = [*LABOUR_CODE_HOLIDAYS, CULTURE_DAY]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: f"{rule.vi}/{type(rule).__name__}")
@pytest.mark.parametrize("year", [2013, 2020, 2021, 2026, 2030, 2057, 2099])
def test_every_rule_follows_the_contract(rule: HolidayRule, year: int) -> None:
    assert isinstance(rule, HolidayRule)
    for name in (rule.vi, rule.en):
        assert name.strip()
        assert unicodedata.is_normalized("NFC", name)
    days = rule.dates(year)
    assert isinstance(days, tuple)
    assert list(days) == sorted(set(days))
    assert all(day.year == year for day in days)


def test_the_labour_code_has_eleven_paid_days_from_2021() -> None:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        days = [day for rule in LABOUR_CODE_HOLIDAYS for day in rule.dates(year)]
        assert len(days) == (11 if year >= 2021 else 10), year
    assert NATIONAL_DAY_ADJACENT.dates(2020) == ()


@pytest.mark.parametrize(
    ("year", "adjacent"),
    [
        (2021, date(2021, 9, 3)),  # Thursday 2/9: Friday
        (2022, date(2022, 9, 1)),  # Friday: Thursday
        (2023, date(2023, 9, 1)),  # Saturday: Friday
        (2024, date(2024, 9, 3)),  # Monday: Tuesday
        (2025, date(2025, 9, 1)),  # Tuesday: Monday
        (2026, date(2026, 9, 1)),  # Wednesday: Tuesday
        (2029, date(2029, 9, 3)),  # Sunday: Monday
    ],
)
def test_the_day_joined_to_national_day(year: int, adjacent: date) -> None:
    assert NATIONAL_DAY_ADJACENT.dates(year) == (adjacent,)


def test_rule_values_are_checked() -> None:
    with pytest.raises(InvariantError, match="not a day of month 2"):
        FixedHoliday(month=2, day=30, vi="x", en="x")
    with pytest.raises(InvariantError, match="month between 1 and 12"):
        FixedHoliday(month=13, day=1, vi="x", en="x")
    with pytest.raises(InvariantError, match="must not be empty"):
        FixedHoliday(month=1, day=1, vi=" ", en="x")
    with pytest.raises(InvariantError, match="must not be before since"):
        FixedHoliday(month=1, day=1, vi="x", en="x", since=2030, until=2029)
    with pytest.raises(InvariantError, match="between 1 and 29"):
        LunarHoliday(month=1, day=30, vi="x", en="x")
    with pytest.raises(InvariantError, match="seven shifts"):
        AdjacentDay(month=9, day=2, offsets=(1, 1, 1, 1, 1, 1, 2), vi="x", en="x")
    with pytest.raises(InvariantError, match="lunar month, 1 to 30"):
        TetRule(from_day=31)
    with pytest.raises(InvariantError, match="at least 1"):
        TetRule(length=0)
    with pytest.raises(InvariantError, match="within 15 days of Tết 2025"):
        TetDays(year=2025, days=(date(2025, 3, 1),))
    with pytest.raises(InvariantError, match="at least one day"):
        TetDays(year=2025, days=())
    with pytest.raises(InvariantError, match="must not announce a year twice"):
        TetRule(announced=(TetDays(year=2025, days=(date(2025, 1, 29),)),) * 2)
    with pytest.raises(InvariantError, match="must differ from the day off"):
        Swap(day_off=date(2025, 5, 2), working_day=date(2025, 5, 2))


def test_29_february_and_lunar_holidays_outside_their_years() -> None:
    leap_day = FixedHoliday(month=2, day=29, vi="x", en="x")
    assert leap_day.dates(2024) == (date(2024, 2, 29),)
    assert leap_day.dates(2025) == ()
    assert LunarHoliday(month=3, day=10, vi="x", en="x", until=2000).dates(2001) == ()


def test_tet_rules() -> None:
    # 2022: the old year ended on 29 tháng Chạp (31/01), so both rules start there.
    assert TetRule().dates(2022) == tuple(date(2022, 1, 31) + timedelta(days=i) for i in range(5))
    assert TetRule(from_day=30).dates(2022) == TetRule().dates(2022)
    # 2024: the old year had a 30 tháng Chạp (09/02); the default starts on the 29th (08/02).
    assert TetRule().dates(2024)[0] == date(2024, 2, 8)
    assert TetRule(from_day=30).dates(2024) == tuple(date(2024, 2, 9) + timedelta(days=i) for i in range(5))
    assert TetRule(from_day=27, length=3).dates(2024) == (date(2024, 2, 6), date(2024, 2, 7), date(2024, 2, 8))
    # 2025 was announced: 28 tháng Chạp to mùng 3.
    assert TET.dates(2025) == tuple(date(2025, 1, 27) + timedelta(days=i) for i in range(5))
    assert TetRule().dates(2025) == tuple(date(2025, 1, 28) + timedelta(days=i) for i in range(5))


@given(st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR), st.integers(min_value=1, max_value=30))
def test_tet_by_rule_is_five_days_around_new_year(year: int, from_day: int) -> None:
    days = TetRule(from_day=from_day).dates(year)
    tet = lunar_new_year(year)
    assert len(days) == 5
    assert all((b - a).days == 1 for a, b in itertools.pairwise(days))
    last_month = solar_to_lunar(days[0])
    assert last_month.month == 12
    assert last_month.day == min(from_day, solar_to_lunar(tet - timedelta(days=1)).day)


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
