"""The Vietnamese lunar calendar, reckoned at UTC+7, from 1 January 1900 to 31 December 2199.

Tết and Giỗ Tổ follow the Vietnamese lunar calendar; it differs from the
Chinese calendar (UTC+8) in some years (Tết 2030 is on 2 February in Vietnam
and 3 February in China). The rules are those of the Chinese calendar since
1645, applied at UTC+7, as Hồ Ngọc Đức states them
(https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html):

- a month starts on the day (at UTC+7) of a new moon;
- month 11 is the month that holds the day of the winter solstice;
- when thirteen months start from one month 11 to the next, the first month
  after month 11 in which the sun enters no new sign of the zodiac (no
  principal solar term: longitudes 0°, 30°, … 330°) is a leap month and
  repeats the number of the month before it.

The astronomy is computed here, without dependencies (see
:mod:`parplan.calendar._astronomy`): new moons by the full series of Meeus's
*Astronomical Algorithms* (chapter 49), the sun's apparent longitude from a
truncated VSOP87 with nutation and aberration, and ΔT by the polynomials of
Espenak and Meeus. Both agree with the JPL ephemeris DE421 to about 20
seconds, so only an instant within seconds of midnight could land on the
wrong day: the six new moons and the one solar term of the range that the
series put within 30 seconds of midnight were settled with an ephemeris
(:data:`_SETTLED_NEW_MOONS`, :data:`_SETTLED_TERMS`). The tests compare every
month of 1900-2199 with a calendar built from PyEphem's new moons and solar
terms: every day agrees. Outside
:data:`FIRST_LUNAR_DAY`-:data:`LAST_LUNAR_DAY` the functions raise
:class:`~parplan.errors.InvariantError` rather than give dates nobody checked.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from typing import Final

import attrs

from parplan._values import field_name, typed_fields
from parplan.calendar._astronomy import delta_t, new_moon, solar_term, sun_longitude
from parplan.errors import InvariantError

__all__ = [
    "FIRST_LUNAR_DAY",
    "FIRST_LUNAR_YEAR",
    "LAST_LUNAR_DAY",
    "LAST_LUNAR_YEAR",
    "LunarDate",
    "lunar_new_year",
    "lunar_to_solar",
    "solar_to_lunar",
]

FIRST_LUNAR_DAY: Final = date(1900, 1, 1)
"""The first day the lunar calendar covers (1 tháng Chạp of lunar year 1899)."""
LAST_LUNAR_DAY: Final = date(2199, 12, 31)
"""The last day the lunar calendar covers."""
FIRST_LUNAR_YEAR: Final = 1900
"""The first lunar year whose Tết lies in the range (31 January 1900)."""
LAST_LUNAR_YEAR: Final = 2199
"""The last lunar year whose Tết lies in the range (26 January 2199)."""

_RANGE = f"{FIRST_LUNAR_DAY.isoformat()} and {LAST_LUNAR_DAY.isoformat()}, the days the lunar calendar covers"
_FIRST_ORDINAL: Final = FIRST_LUNAR_DAY.toordinal()
_LAST_ORDINAL: Final = LAST_LUNAR_DAY.toordinal()
_YEARS_WITH_DAYS = range(FIRST_LUNAR_YEAR - 1, LAST_LUNAR_YEAR + 1)
"""Lunar years with at least one day in the range: 1899 (its month 12) to 2199."""
_LUNAR_YEARS_WHY = f", those with days between {_RANGE}"
_TET_YEARS_WHY = f", whose Tết falls between {_RANGE}"

_TIME_ZONE: Final = 7 / 24
"""The Vietnamese calendar is reckoned at UTC+7, as a fraction of a day."""
_JD_OFFSET: Final = 1721424.5
"""The Julian day at midnight UT starting a day, minus that day's proleptic Gregorian ordinal."""
_SYNODIC_MONTH: Final = 29.530588861
_NEW_MOON_ZERO: Final = 2451550.09766
"""The mean new moon of 6 January 2000, number 0 (Julian day, TT)."""


def _shown(value: object) -> object:
    """A value as an error quotes it: huge integers by their size."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"an int of about {int(value.bit_length() * 0.30103) + 1} digits"
    return value


def _check_int(where: str, value: object, allowed: range, meaning: str, why: str = "") -> int:
    if value.__class__ is not int:
        raise InvariantError(where, _shown(value), "must be an int")
    if value not in allowed:
        raise InvariantError(where, _shown(value), f"must be {meaning} between {allowed[0]} and {allowed[-1]}{why}")
    return value


def _check_day(where: str, value: object) -> int:
    """The ordinal of ``value``, a day of the range; :class:`InvariantError` naming ``where`` otherwise."""
    if not isinstance(value, date):
        raise InvariantError(where, _shown(value), "must be a date")
    ordinal = value.toordinal()
    if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        raise InvariantError(where, value.isoformat(), f"must be a day between {_RANGE}")
    return ordinal


# --- the astronomy, in days of the calendar --------------------------------------------------------


_CLOSE_CALL: Final = 30 / 86400
"""Within this many days (30 seconds) of a midnight, the series cannot tell the day.

The new-moon series is within 17 seconds of DE421 over 1900-2053 and the
sun's within 20; an instant closer than this to midnight is settled by an
ephemeris instead (:data:`_SETTLED_NEW_MOONS`, :data:`_SETTLED_TERMS`).
"""

_SETTLED_NEW_MOONS: Final = {
    # new moon number: its day at UTC+7 (the series' time; the ephemeris' time, with this module's ΔT)
    -687: date(1944, 6, 20),  # series 23:59:35; DE421 23:59:33
    -402: date(1967, 7, 8),  # series 23:59:58 on 7 July; DE421 00:00:04 and PyEphem 00:00:03 on 8 July
    672: date(2054, 5, 8),  # series 00:00:22; PyEphem 00:00:29
    963: date(2077, 11, 15),  # series 23:59:50; PyEphem 23:59:52
    1061: date(2085, 10, 18),  # series 23:59:32; PyEphem 23:59:36
    2165: date(2175, 1, 22),  # series 23:59:36; PyEphem 23:59:36
}
"""The new moons of 1900-2199 that the series puts within :data:`_CLOSE_CALL` of midnight, settled.

Each was computed with the JPL ephemeris DE421 (to 2053) or PyEphem (whose
new moons are within 2 seconds of DE421), with the ΔT of
:func:`~parplan.calendar._astronomy.delta_t`. Only the 1967 one differs from the
series. The tests check that this table holds every close call of the range
and nothing else.
"""

_SETTLED_TERMS: Final = {
    date(1938, 9, 24): 6,  # the sun reached 180° at 23:59:36 on 23 September by the series, 23:59:27 by DE421
}
"""The month starts of 1900-2199 at which the sun is within :data:`_CLOSE_CALL` of a solar term, settled."""


@lru_cache(maxsize=8192)
def _new_moon_day(k: int) -> int:
    """The ordinal of the day, at UTC+7, of new moon number ``k``: the first day of a lunar month."""
    settled = _SETTLED_NEW_MOONS.get(k)
    if settled is not None:
        return settled.toordinal()
    return math.floor(_new_moon_local(k))


def _new_moon_local(k: int) -> float:
    """New moon number ``k`` in days since the start of day 0 of the ordinals, at UTC+7 (UT + 7 h)."""
    jde = new_moon(k)
    return jde - delta_t(jde) + _TIME_ZONE - _JD_OFFSET


def _sun_at_midnight(ordinal: int) -> float:
    """The sun's apparent longitude as the day ``ordinal`` starts at UTC+7, in radians."""
    ut = ordinal + _JD_OFFSET - _TIME_ZONE
    return sun_longitude(ut + delta_t(ut))


def _solar_term(ordinal: int) -> int:
    """Which twelfth of the ecliptic, 0 (0° to 30°) to 11, the sun is in as the day ``ordinal`` starts at UTC+7."""
    settled = _SETTLED_TERMS.get(date.fromordinal(ordinal))
    if settled is not None:
        return settled
    ut = ordinal + _JD_OFFSET - _TIME_ZONE
    return solar_term(ut + delta_t(ut))


def _month_holding(ordinal: int) -> int:
    """The number ``k`` of the lunar month holding the day ``ordinal``.

    The mean lunation gives a first guess; the true new moons can be half a day
    away from the mean ones, so the guess is moved until the month's first day
    is on or before ``ordinal`` and the next month's after it.
    """
    k = math.floor((ordinal + _JD_OFFSET - _NEW_MOON_ZERO) / _SYNODIC_MONTH)
    while _new_moon_day(k) > ordinal:
        k -= 1
    while _new_moon_day(k + 1) <= ordinal:
        k += 1
    return k


@lru_cache(maxsize=1024)
def _month_11(year: int) -> int:
    """The number of the month holding the winter solstice of Gregorian ``year`` (lunar month 11)."""
    k = _month_holding(date(year, 12, 31).toordinal())
    if _solar_term(_new_moon_day(k)) >= 9:  # the sun reached 270° before this month began
        k -= 1
    return k


@attrs.frozen
class _Sui:
    """The months from one month 11 to the next (a suì): their first days and their names."""

    starts: tuple[int, ...]
    """The ordinal of each month's first day, and of the first day after the last month."""
    months: tuple[tuple[int, int, bool], ...]
    """Each month's lunar year, number and leap flag."""
    index: dict[tuple[int, int, bool], int]
    """Where each month is in ``months``."""


@lru_cache(maxsize=1024)
def _sui(year: int) -> _Sui:
    """The months from month 11 of Gregorian ``year - 1`` up to month 11 of ``year``.

    They are months 11 and 12 of lunar year ``year - 1`` (with a leap 11 or 12)
    and months 1 to 10 of lunar year ``year`` (with any other leap month).
    """
    first, last = _month_11(year - 1), _month_11(year)
    starts = tuple(_new_moon_day(k) for k in range(first, last + 1))
    count = last - first
    leap_at = -1
    if count == 13:
        terms = [_solar_term(start) for start in starts]
        leap_at = next(i for i in range(1, 13) if terms[i] == terms[i + 1])
    names: list[tuple[int, bool]] = []
    number = 11
    for i in range(count):
        if i == leap_at:
            names.append((number, True))
            continue
        if i:
            number = number % 12 + 1
        names.append((number, False))
    new_year = names.index((1, False))
    months = tuple((year - 1 if i < new_year else year, n, leap) for i, (n, leap) in enumerate(names))
    return _Sui(starts=starts, months=months, index={month: i for i, month in enumerate(months)})


def _sui_of_month(year: int, month: int) -> _Sui:
    """The suì that holds month ``month`` of lunar year ``year``."""
    return _sui(year + 1) if month >= 11 else _sui(year)


def _leap_months(year: int) -> list[int]:
    return [m for y, m, leap in (*_sui(year).months, *_sui(year + 1).months) if y == year and leap]


def _first_day(year: int) -> int:
    """The ordinal of mùng 1 Tết of lunar ``year``."""
    sui = _sui(year)
    return sui.starts[sui.index[year, 1, False]]


def _solar_days(year: int, month: int, day: int) -> tuple[date, ...]:
    """The days of Gregorian ``year`` that are day ``day`` (1-29) of lunar month ``month`` (not leap)."""
    found = []
    for lunar_year in (year - 1, year):
        sui = _sui_of_month(lunar_year, month)
        ordinal = sui.starts[sui.index[lunar_year, month, False]] + day - 1
        if date.fromordinal(ordinal).year == year:
            found.append(date.fromordinal(ordinal))
    return tuple(found)


# --- the public functions ------------------------------------------------------------------------


def _check_lunar_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value not in _YEARS_WITH_DAYS:
        raise InvariantError(
            field_name(instance, attribute),
            _shown(value),
            f"must be a lunar year between {_YEARS_WITH_DAYS[0]} and {_YEARS_WITH_DAYS[-1]}{_LUNAR_YEARS_WHY}",
        )


@attrs.frozen(kw_only=True, order=True, field_transformer=typed_fields)
class LunarDate:
    """A day of the Vietnamese lunar calendar: ``year`` (the lunar year that starts at its Tết), month, day.

    ``leap`` marks a day of the leap month (tháng nhuận) that repeats ``month``.
    ``year`` is between 1899 and 2199, the lunar years with days in the range;
    :meth:`to_solar` says whether the day exists.
    """

    year: int = attrs.field(validator=_check_lunar_year)
    month: int
    day: int
    leap: bool = False

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvariantError("LunarDate.month", self.month, "must be between 1 and 12")
        if not 1 <= self.day <= 30:
            raise InvariantError("LunarDate.day", self.day, "must be between 1 and 30")

    def __str__(self) -> str:
        leap = " nhuận" if self.leap else ""
        return f"{self.day:02d}/{self.month:02d}{leap}/{self.year} âm lịch"

    def to_solar(self) -> date:
        """The Gregorian date of this lunar day."""
        return lunar_to_solar(self.year, self.month, self.day, leap=self.leap)


_set = object.__setattr__


def _lunar_date(year: int, month: int, day: int, leap: bool) -> LunarDate:
    """A :class:`LunarDate` of values already checked, built without checking them again (five times faster)."""
    lunar = object.__new__(LunarDate)
    _set(lunar, "year", year)
    _set(lunar, "month", month)
    _set(lunar, "day", day)
    _set(lunar, "leap", leap)
    return lunar


def lunar_to_solar(year: int, month: int, day: int, *, leap: bool = False) -> date:
    """The Gregorian date of a lunar day of the Vietnamese calendar.

    >>> lunar_to_solar(2030, 1, 1)
    datetime.date(2030, 2, 2)
    >>> lunar_to_solar(2022, 3, 10)
    datetime.date(2022, 4, 10)

    Raises :class:`~parplan.errors.InvariantError` for a month that has no
    leap month that year, a day beyond the month's length, or a day outside
    :data:`FIRST_LUNAR_DAY`-:data:`LAST_LUNAR_DAY`.
    """
    _check_int("lunar_to_solar.year", year, _YEARS_WITH_DAYS, "a lunar year", _LUNAR_YEARS_WHY)
    _check_int("lunar_to_solar.month", month, range(1, 13), "a month")
    _check_int("lunar_to_solar.day", day, range(1, 31), "a day")
    if leap.__class__ is not bool:
        raise InvariantError("lunar_to_solar.leap", _shown(leap), "must be a bool")
    sui = _sui_of_month(year, month)
    i = sui.index.get((year, month, leap))
    if i is None:
        leap_months = _leap_months(year)
        has = f" (its leap month is {leap_months[0]})" if leap_months else ""
        named = f" {month}" if leap_months else ""
        lunar = _lunar_date(year, month, day, leap)
        raise InvariantError("lunar_to_solar.leap", str(lunar), f"lunar year {year} has no leap month{named}{has}")
    length = sui.starts[i + 1] - sui.starts[i]
    if day > length:
        raise InvariantError(
            "lunar_to_solar.day", str(_lunar_date(year, month, day, leap)), f"that lunar month has {length} days"
        )
    ordinal = sui.starts[i] + day - 1
    if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        raise InvariantError(
            "lunar_to_solar.year",
            str(_lunar_date(year, month, day, leap)),
            f"falls on {date.fromordinal(ordinal).isoformat()}, not between {_RANGE}",
        )
    return date.fromordinal(ordinal)


def solar_to_lunar(day: date) -> LunarDate:
    """The Vietnamese lunar date of a Gregorian day (of a moment: of its day).

    >>> solar_to_lunar(date(2022, 1, 31))
    LunarDate(year=2021, month=12, day=29, leap=False)

    Raises :class:`~parplan.errors.InvariantError` for a day outside
    :data:`FIRST_LUNAR_DAY`-:data:`LAST_LUNAR_DAY`.
    """
    ordinal = _check_day("solar_to_lunar.day", day)
    year = day.year
    if ordinal >= _new_moon_day(_month_11(year)):
        year += 1
    sui = _sui(year)
    i = bisect_right(sui.starts, ordinal) - 1
    lunar_year, month, leap = sui.months[i]
    return _lunar_date(lunar_year, month, ordinal - sui.starts[i] + 1, leap)


def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết: the first day of the lunar year that starts in ``year`` (1900 to 2199).

    >>> lunar_new_year(2022)
    datetime.date(2022, 2, 1)
    """
    _check_int("lunar_new_year.year", year, range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1), "a year", _TET_YEARS_WHY)
    return date.fromordinal(_first_day(year))
