"""The Vietnamese lunar calendar: published dates, the rules, the range and the close calls."""

from __future__ import annotations

import csv
import math
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import InvariantError, LunarDate, lunar_to_solar, solar_to_lunar
from parplan.calendar import (
    FIRST_LUNAR_DAY,
    FIRST_LUNAR_YEAR,
    LAST_LUNAR_DAY,
    LAST_LUNAR_YEAR,
    _astronomy,
    lunar_new_year,
)
from parplan.calendar import lunar as lunar_module
from parplan.calendar._astronomy import delta_t, new_moon, sun_longitude

CASES = Path(__file__).parent.parent / "cases"


def read_cases(name: str) -> list[dict[str, str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def iso(text: str) -> date:
    return date.fromisoformat(text)


LUNAR_ROWS = read_cases("vn_lunar_new_year.csv")
DIFFERING_ROWS = read_cases("vn_vs_chinese_lunar.csv")
days_in_range = st.dates(min_value=FIRST_LUNAR_DAY, max_value=LAST_LUNAR_DAY)


# --- published dates ----------------------------------------------------------------------------


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


def test_the_days_where_the_new_moon_estimate_used_to_be_corrected_once() -> None:
    # The mean lunation put the month of these days one month late; the old code corrected the guess once
    # and built a day 0. Both are the 30th, the last day of a long month.
    assert solar_to_lunar(date(2054, 5, 7)) == LunarDate(year=2054, month=3, day=30)
    assert solar_to_lunar(date(2054, 5, 8)) == LunarDate(year=2054, month=4, day=1)
    assert solar_to_lunar(date(2062, 4, 9)) == LunarDate(year=2062, month=2, day=30)
    assert lunar_to_solar(2054, 3, 30) == date(2054, 5, 7)
    assert lunar_to_solar(2062, 2, 30) == date(2062, 4, 9)


def test_a_moment_has_the_lunar_date_of_its_day() -> None:
    assert solar_to_lunar(datetime(2030, 2, 2, 23, 59)) == LunarDate(year=2030, month=1, day=1)  # noqa: DTZ001


# --- the rules ------------------------------------------------------------------------------


def test_impossible_lunar_dates_are_refused() -> None:
    with pytest.raises(InvariantError, match=r"no leap month 5 \(its leap month is 6\)"):
        lunar_to_solar(2025, 5, 1, leap=True)
    with pytest.raises(InvariantError, match="lunar year 2024 has no leap month, got"):
        lunar_to_solar(2024, 6, 1, leap=True)
    with pytest.raises(InvariantError, match="has 29 days"):
        lunar_to_solar(2025, 6, 30, leap=True)
    with pytest.raises(InvariantError, match=r"lunar_to_solar\.month: must be a month between 1 and 12, got 13"):
        lunar_to_solar(2025, 13, 1)
    with pytest.raises(InvariantError, match=r"lunar_to_solar\.day: must be a day between 1 and 30, got 0"):
        lunar_to_solar(2025, 1, 0)
    with pytest.raises(InvariantError, match="between 1 and 30"):
        LunarDate(year=2025, month=1, day=0)
    with pytest.raises(InvariantError, match="between 1 and 12"):
        LunarDate(year=2025, month=0, day=1)
    assert str(LunarDate(year=2025, month=6, day=8, leap=True)) == "08/06 nhuận/2025 âm lịch"


@given(days_in_range)
def test_solar_to_lunar_and_back(day: date) -> None:
    lunar = solar_to_lunar(day)
    assert lunar.to_solar() == day
    if day == LAST_LUNAR_DAY:
        return
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


@given(st.integers(min_value=FIRST_LUNAR_YEAR, max_value=LAST_LUNAR_YEAR))
def test_each_lunar_year_has_twelve_or_thirteen_months(year: int) -> None:
    tet = lunar_new_year(year)
    assert date(year, 1, 21) <= tet <= date(year, 2, 20)
    assert lunar_to_solar(year, 3, 10) - tet >= timedelta(days=2 * 29 + 9)
    if year < LAST_LUNAR_YEAR:
        assert (lunar_new_year(year + 1) - tet).days in (353, 354, 355, 383, 384, 385)
    leap_months = lunar_module._leap_months(year)
    assert len(leap_months) <= 1
    for month in leap_months:
        assert lunar_to_solar(year, month, 1, leap=True) > lunar_to_solar(year, month, 1)


def test_month_11_holds_the_winter_solstice() -> None:
    for year in range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1):
        # the solstice falls on 20-23 December at UTC+7 in these years
        months = {solar_to_lunar(date(year, 12, day)).month for day in (20, 21, 22, 23)}
        assert 11 in months, year


# --- the range ------------------------------------------------------------------------------


def test_the_range_and_its_edges() -> None:
    assert (date(1900, 1, 1), date(2199, 12, 31)) == (FIRST_LUNAR_DAY, LAST_LUNAR_DAY)
    assert (FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR) == (1900, 2199)
    first = solar_to_lunar(FIRST_LUNAR_DAY)
    assert (first.year, first.month) == (1899, 12)
    assert first.to_solar() == FIRST_LUNAR_DAY
    assert solar_to_lunar(LAST_LUNAR_DAY).to_solar() == LAST_LUNAR_DAY
    assert lunar_new_year(1900) == date(1900, 1, 31)
    assert lunar_new_year(2199) == date(2199, 1, 26)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: solar_to_lunar(date(1899, 12, 31)),
            (
                r"solar_to_lunar\.day: must be a day between 1900-01-01 and 2199-12-31, the days the lunar calendar "
                r"covers, got '1899-12-31'"
            ),
        ),
        (lambda: solar_to_lunar(date(2200, 1, 1)), r"solar_to_lunar\.day: .* got '2200-01-01'"),
        (lambda: solar_to_lunar(date(1, 1, 1)), r"solar_to_lunar\.day: .* got '0001-01-01'"),
        (lambda: solar_to_lunar("2020-01-01"), r"solar_to_lunar\.day: must be a date, got '2020-01-01'"),  # type: ignore[arg-type]
        (
            lambda: lunar_to_solar(2**40, 1, 1),
            (
                r"lunar_to_solar\.year: must be a lunar year between 1899 and 2199, those with days between "
                r"1900-01-01 and 2199-12-31, the days the lunar calendar covers, got 1099511627776"
            ),
        ),
        (lambda: lunar_to_solar(10**100, 1, 1), r"lunar_to_solar\.year: .* got 'an int of about 101 digits'"),
        (lambda: lunar_to_solar(1899, 1, 1), r"lunar_to_solar\.year: falls on 1899-02-10, not between"),
        (lambda: lunar_to_solar(2199, 12, 1), r"lunar_to_solar\.year: falls on 2200-01-.., not between"),
        (lambda: lunar_to_solar(2025, 1, 1, leap=1), r"lunar_to_solar\.leap: must be a bool, got 1"),  # type: ignore[arg-type]
        (lambda: lunar_to_solar(2025.0, 1, 1), r"lunar_to_solar\.year: must be an int, got 2025\.0"),  # type: ignore[arg-type]
        (lambda: lunar_new_year(0), r"lunar_new_year\.year: must be a year between 1900 and 2199, whose Tết"),
        (lambda: lunar_new_year(2200), r"lunar_new_year\.year: .* got 2200"),
        (lambda: lunar_new_year(True), r"lunar_new_year\.year: must be an int, got True"),  # noqa: FBT003
        (lambda: LunarDate(year=-5, month=1, day=1), r"LunarDate\.year: must be a lunar year between 1899 and 2199"),
    ],
)
def test_outside_the_range_a_parplan_error_names_the_argument(call: object, message: str) -> None:
    with pytest.raises(InvariantError, match=message):
        call()  # type: ignore[operator]


def test_lunar_year_1899_has_only_its_last_month_in_range() -> None:
    assert lunar_to_solar(1899, 12, 1) == date(1900, 1, 1)
    with pytest.raises(InvariantError, match="falls on 1899-12-31"):
        lunar_to_solar(1899, 11, 29)


# --- the close calls --------------------------------------------------------------------------


def _new_moon_numbers() -> range:
    first = lunar_module._month_holding(FIRST_LUNAR_DAY.toordinal()) - 1
    last = lunar_module._month_holding(date(2200, 2, 28).toordinal()) + 1
    return range(first, last + 1)


def _seconds_from_midnight(days: float) -> float:
    return abs(days - round(days)) * 86400


def test_the_settled_new_moons_are_exactly_the_close_calls_of_the_range() -> None:
    close = {
        k
        for k in _new_moon_numbers()
        if _seconds_from_midnight(lunar_module._new_moon_local(k)) < lunar_module._CLOSE_CALL * 86400
    }
    assert close == set(lunar_module._SETTLED_NEW_MOONS)
    for k, settled in lunar_module._SETTLED_NEW_MOONS.items():
        # each settled day is one of the two days the series hesitates between
        assert abs(settled.toordinal() - lunar_module._new_moon_local(k)) < 1


def test_the_settled_terms_are_exactly_the_close_calls_of_the_range() -> None:
    sixth = math.pi / 6
    close = set()
    for k in _new_moon_numbers():
        start = lunar_module._new_moon_day(k)
        longitude = lunar_module._sun_at_midnight(start)
        nearest = round(longitude / sixth) * sixth
        # the sun moves about 2π in 365.25 days
        seconds = abs(longitude - nearest) / (2 * math.pi) * 365.25 * 86400
        if seconds < lunar_module._CLOSE_CALL * 86400:
            close.add(date.fromordinal(start))
    assert close == set(lunar_module._SETTLED_TERMS)


def test_the_short_solar_formula_is_trusted_only_far_from_a_term() -> None:
    # solar_term takes the short formula's sign when it puts the sun more than 0.1° from a boundary:
    # over every month start of the range it is within 0.02° of the full theory
    worst = 0.0
    for k in _new_moon_numbers():
        ut = lunar_module._new_moon_day(k) + lunar_module._JD_OFFSET - lunar_module._TIME_ZONE
        jde = ut + delta_t(ut)
        difference = abs(_astronomy._rough_sun_longitude(jde) - sun_longitude(jde))
        worst = max(worst, min(difference, 2 * math.pi - difference))
    assert math.degrees(worst) < 0.02
    assert pytest.approx(math.radians(0.1)) == _astronomy._ROUGH_MARGIN


def test_the_astronomy_at_known_instants() -> None:
    # Meeus, Astronomical Algorithms, example 49.a: the new moon of February 1977 at JDE 2443192.65118.
    assert new_moon(-283) == pytest.approx(2443192.65118, abs=0.5 / 86400)
    # example 25.b: the sun's apparent longitude on 1992 October 13.0 TD is 199°54'21.818" (VSOP87).
    assert math.degrees(sun_longitude(2448908.5)) == pytest.approx(199 + 54 / 60 + 21.818 / 3600, abs=0.5 / 3600)
    # ΔT: 63.8 s in 2000, about 69 s in 2020-2025 (observed), a prediction after
    assert delta_t(2451545.0) * 86400 == pytest.approx(63.8, abs=0.2)
    assert 60 < delta_t(2459000.5) * 86400 < 80
