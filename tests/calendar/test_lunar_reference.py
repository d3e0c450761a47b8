"""Every day of 1900-2199 against a second, independent computation, and against the ``holidays`` package.

The second computation builds the Vietnamese calendar from PyEphem (``ephem``,
a test dependency): its new moons (within 2 seconds of the JPL ephemeris DE421)
and its solar terms, found as the instants the sun's apparent longitude crosses
each multiple of 30°, put on days at UTC+7, then the rules applied as the
calendar states them: a month starts on the day of a new moon; month 11 is the
month holding the day of the winter solstice (PyEphem's own solstice finder);
when thirteen months start from one month 11 to the next, the first month
after month 11 holding no principal term (none of the twelve crossings) is the
leap month.

ΔT (TT - UT) is shared: PyEphem's instants are moved from its ΔT to parplan's
(:func:`parplan.calendar._astronomy.delta_t`). ΔT after today is a prediction
that any calendar of the future must make, not astronomy to check; with
PyEphem's own ΔT the days agree too in this version of it, but a new one
could move a future new moon across midnight.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest

from parplan import InvariantError, LunarDate, lunar_to_solar, solar_to_lunar
from parplan.calendar import FIRST_LUNAR_DAY, FIRST_LUNAR_YEAR, LAST_LUNAR_DAY, LAST_LUNAR_YEAR, lunar_new_year
from parplan.calendar._astronomy import delta_t

pytestmark = pytest.mark.slow

_EPHEM_EPOCH = 2415020.0
"""The Julian day of PyEphem's date 0 (31 December 1899, 12:00 UT)."""
_JD_OFFSET = 1721424.5
"""The Julian day at 00:00 UT of a day, minus the day's ordinal."""
_UTC7 = 7 / 24


def _ephem() -> Any:
    return pytest.importorskip("ephem", reason="PyEphem (the test extra) computes the reference calendar")


def _local_day(ephem: Any, instant: Any) -> int:
    """The ordinal of the day at UTC+7 of a PyEphem instant (UT by PyEphem's ΔT), with parplan's ΔT."""
    jd_ut = float(instant) + _EPHEM_EPOCH
    jd_tt = jd_ut + float(ephem.delta_t(instant)) / 86400
    return math.floor(jd_tt - delta_t(jd_tt) + _UTC7 - _JD_OFFSET)


def _sun_longitude(ephem: Any, when: float) -> float:
    sun = ephem.Sun(ephem.Date(when))
    return float(ephem.Ecliptic(ephem.Equatorial(sun.ra, sun.dec, epoch=when), epoch=when).lon)


def _principal_terms(ephem: Any, first: str, last: str) -> list[int]:
    """The days (ordinals at UTC+7) on which the sun's apparent longitude crosses a multiple of 30°."""
    days = []
    step = math.pi / 6
    when = float(ephem.Date(first))
    end = float(ephem.Date(last))
    target = (math.floor(_sun_longitude(ephem, when) / step) + 1) * step
    while when < end:
        wanted = target % (2 * math.pi)

        def offset(t: float, wanted: float = wanted) -> float:
            return (_sun_longitude(ephem, t) - wanted + math.pi) % (2 * math.pi) - math.pi

        guess = when - offset(when) / (2 * math.pi) * 365.2422
        crossing = ephem.newton(offset, guess, guess + 0.01)
        days.append(_local_day(ephem, ephem.Date(crossing)))
        when = crossing + 1
        target += step
    return days


@cache
def reference_months() -> tuple[tuple[int, ...], tuple[tuple[int, int, bool], ...]]:
    """The first day (ordinal) of every month from late 1899 to early 2200, and each month's name."""
    ephem = _ephem()
    first, last = "1897/10/1", "2201/3/1"
    moons = []
    moon = ephem.previous_new_moon(first)
    while moon < ephem.Date(last):
        moons.append(_local_day(ephem, moon))
        moon = ephem.next_new_moon(ephem.Date(moon + 1))
    term_days = _principal_terms(ephem, first, last)

    def holds_a_term(i: int) -> bool:
        low = bisect_right(term_days, moons[i] - 1)
        return low < len(term_days) and term_days[low] < moons[i + 1]

    elevens = []
    for year in range(FIRST_LUNAR_YEAR - 2, LAST_LUNAR_YEAR + 2):
        solstice = _local_day(ephem, ephem.next_winter_solstice(f"{year}/12/1"))
        elevens.append((year, bisect_right(moons, solstice) - 1))
    starts: list[int] = []
    names: list[tuple[int, int, bool]] = []
    for (year, a), (_, b) in itertools.pairwise(elevens):
        leap_at = next(i for i in range(a + 1, b) if not holds_a_term(i)) if b - a == 13 else None
        number, lunar_year = 11, year
        for i in range(a, b):
            if i == leap_at:
                starts.append(moons[i])
                names.append((lunar_year, number, True))
                continue
            if i != a:
                number += 1
                if number == 13:
                    number, lunar_year = 1, year + 1
            starts.append(moons[i])
            names.append((lunar_year, number, False))
    starts.append(moons[elevens[-1][1]])
    return tuple(starts), tuple(names)


def test_every_month_of_the_range_starts_on_the_reference_day() -> None:
    starts, names = reference_months()
    checked = []
    for i, (year, month, leap) in enumerate(names):
        first, following = starts[i], starts[i + 1]
        if following <= FIRST_LUNAR_DAY.toordinal() or first > LAST_LUNAR_DAY.toordinal():
            continue
        length = following - first
        assert length in (29, 30), (year, month, leap)
        last_day = date.fromordinal(following - 1)
        if first >= FIRST_LUNAR_DAY.toordinal():
            assert lunar_to_solar(year, month, 1, leap=leap) == date.fromordinal(first), (year, month, leap)
        if last_day <= LAST_LUNAR_DAY:
            assert lunar_to_solar(year, month, length, leap=leap) == last_day, (year, month, leap)
            if length == 29:
                with pytest.raises(InvariantError, match="has 29 days"):
                    lunar_to_solar(year, month, 30, leap=leap)
        checked.append(i)
    # the months checked follow each other and cover the range
    assert checked == list(range(checked[0], checked[-1] + 1))
    assert starts[checked[0]] <= FIRST_LUNAR_DAY.toordinal() < starts[checked[0] + 1]
    assert starts[checked[-1]] <= LAST_LUNAR_DAY.toordinal() < starts[checked[-1] + 1]


def test_every_day_of_the_range_has_the_reference_lunar_date() -> None:
    starts, names = reference_months()
    wrong = []
    day = FIRST_LUNAR_DAY
    while day <= LAST_LUNAR_DAY:
        ordinal = day.toordinal()
        i = bisect_right(starts, ordinal) - 1
        year, month, leap = names[i]
        expected = LunarDate(year=year, month=month, day=ordinal - starts[i] + 1, leap=leap)
        if solar_to_lunar(day) != expected:
            wrong.append(day)
        day += timedelta(days=1)
    assert wrong == []


def test_the_leap_months_of_the_range_match_the_reference() -> None:
    _, names = reference_months()
    reference = {(year, month) for year, month, leap in names if leap and FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR}
    ours = set()
    for year in range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR):
        for month in range(1, 13):
            try:
                lunar_to_solar(year, month, 1, leap=True)
            except InvariantError:
                continue
            ours.add((year, month))
    assert ours == {(year, month) for year, month in reference if year < LAST_LUNAR_YEAR}
    assert len(ours) in range(105, 115)  # seven leap months every nineteen years


# --- the holidays package -----------------------------------------------------------------------


def _vietnamese_lunisolar() -> Any:
    holidays = pytest.importorskip("holidays", reason="the holidays package (the test extra) is the cross-check")
    try:
        from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar
    except ImportError:  # pragma: no cover - depends on the installed version
        pytest.skip(f"holidays {holidays.__version__} has no Vietnamese lunisolar tables")
    return _ChineseLunisolar(VIETNAMESE_CALENDAR)


def test_tet_and_gio_to_of_1901_to_2099_match_the_holidays_package() -> None:
    calendar = _vietnamese_lunisolar()
    differing = []
    for year in range(1901, 2100):
        tet, _ = calendar.lunar_new_year_date(year)
        gio_to, _ = calendar.hung_kings_date(year)
        if (lunar_new_year(year), lunar_to_solar(year, 3, 10)) != (tet, gio_to):
            differing.append(year)
    assert differing == []
