"""Holiday rules: one contract for every rule, the Labour Code's days, Tết by rule and their years."""

from __future__ import annotations

import itertools
import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import CULTURE_DAY, InvariantError, Swap, WorkCalendar
from parplan.calendar import (
    FIRST_LUNAR_YEAR,
    FIRST_YEAR,
    GIO_TO,
    LABOUR_CODE_HOLIDAYS,
    LAST_LUNAR_YEAR,
    LAST_YEAR,
    NATIONAL_DAY_ADJACENT,
    NEW_YEAR,
    TET,
    AdjacentDay,
    FixedHoliday,
    HolidayRule,
    LunarHoliday,
    TetDays,
    TetRule,
    lunar_new_year,
    lunar_to_solar,
    solar_to_lunar,
)

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
    with pytest.raises(InvariantError, match=r"TetRule\.length: must be between 1 and 30 days, got 0"):
        TetRule(length=0)
    with pytest.raises(
        InvariantError, match=r"TetRule\.length: must be an int between -10\^18 and 10\^18, got 'an int of"
    ):
        TetRule(length=10**100)
    with pytest.raises(InvariantError, match=r"FixedHoliday\.day: is not a day of month 1, got 2147483648"):
        FixedHoliday(month=1, day=2**31, vi="x", en="x")
    with pytest.raises(InvariantError, match=r"AdjacentDay\.day: is not a day of month 9, got 31"):
        AdjacentDay(month=9, day=31, vi="x", en="x")
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


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: f"{rule.vi}/{type(rule).__name__}")
def test_every_rule_gives_the_days_of_the_lunar_range_and_refuses_other_years(rule: HolidayRule) -> None:
    for year in (FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR):
        assert all(day.year == year for day in rule.dates(year))
    for year in (FIRST_LUNAR_YEAR - 1, LAST_LUNAR_YEAR + 1, 0, -120, 2**40):
        with pytest.raises(InvariantError, match=r"\.dates\.year: must be an int year between 1900 and 2199"):
            rule.dates(year)
    with pytest.raises(InvariantError, match=r"\.dates\.year: must be an int year"):
        rule.dates("2024")  # type: ignore[arg-type]


def test_lunar_holidays_at_the_edges_of_the_range() -> None:
    assert GIO_TO.dates(2199) == (lunar_to_solar(2199, 3, 10),)
    assert GIO_TO.dates(1900) == ()  # since 2007
    assert LunarHoliday(month=3, day=10, vi="x", en="x").dates(1900) == (lunar_to_solar(1900, 3, 10),)
    # 1 tháng Chạp of lunar 1899 is the first day of the range; that of lunar 1900 falls in 1901
    assert LunarHoliday(month=12, day=1, vi="x", en="x").dates(1900) == (date(1900, 1, 1),)
    assert lunar_to_solar(1900, 12, 1).year == 1901
    first = solar_to_lunar(TetRule().dates(1900)[0])
    assert (first.year, first.month, first.day) == (1899, 12, 29)
    assert NEW_YEAR.dates(2199) == (date(2199, 1, 1),)


def test_tet_days_are_announced_for_a_year_of_the_lunar_calendar() -> None:
    with pytest.raises(InvariantError, match=r"TetDays\.year: must be a year between 1900 and 2199"):
        TetDays(year=-120, days=(date(2025, 1, 29),))
    with pytest.raises(InvariantError, match=r"TetDays\.year: must be a year between 1900 and 2199"):
        TetDays(year=2200, days=(date(2200, 2, 1),))
    with pytest.raises(InvariantError, match=r"TetDays\.year: must be an int"):
        TetDays(year="2025", days=(date(2025, 1, 29),))  # type: ignore[arg-type]
    with pytest.raises(
        InvariantError, match=r"WorkCalendar\.with_tet\.year: must be an int year between 2013 and 2099"
    ):
        WorkCalendar().with_tet(-120, [date(2025, 1, 29)])
    with pytest.raises(InvariantError, match=r"WorkCalendar\.with_tet\.year: .* got 2100"):
        WorkCalendar().with_tet(2100, [date(2100, 2, 9)])
    assert Swap(day_off=date(2025, 5, 2), working_day=date(2025, 4, 26)).day_off == date(2025, 5, 2)
