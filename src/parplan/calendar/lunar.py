"""The Vietnamese lunar calendar, reckoned at UTC+7.

Tết and Giỗ Tổ follow the Vietnamese lunar calendar; it differs from the
Chinese calendar (UTC+8) in some years (Tết 2030 is on 2 February in Vietnam
and 3 February in China). This module implements the conversion itself, with
the astronomical algorithm published by Hồ Ngọc Đức (new moons and solar terms
after Meeus, *Astronomical Algorithms*; see
https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html), instead of
depending on the ``holidays`` package: the core stays offline and free of extra
dependencies.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache, lru_cache

import attrs

from parplan._values import typed_fields
from parplan.errors import InvariantError

__all__ = ["LunarDate", "lunar_new_year", "lunar_to_solar", "solar_to_lunar"]

_TIME_ZONE = 7.0
"""Hours east of Greenwich: the Vietnamese calendar is reckoned at UTC+7."""
_JD_OFFSET = 1721425
"""Julian day number minus the proleptic Gregorian ordinal of the same day."""
_SYNODIC_MONTH = 29.530588853
_EPOCH_NEW_MOON = 2415021.076998695
"""The new moon of 1 January 1900, as a Julian day."""
_DEGREE = math.pi / 180


def _julian_day(day: date) -> int:
    return day.toordinal() + _JD_OFFSET


def _from_julian_day(number: int) -> date:
    return date.fromordinal(number - _JD_OFFSET)


def _new_moon(k: int) -> float:
    """The Julian day (fractional, UT) of the ``k``-th new moon after 1 January 1900."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DEGREE)
    m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _DEGREE
    mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _DEGREE
    f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _DEGREE
    c1 = (0.1734 - 0.000393 * t) * math.sin(m) + 0.0021 * math.sin(2 * m)
    c1 += -0.4068 * math.sin(mpr) + 0.0161 * math.sin(2 * mpr) - 0.0004 * math.sin(3 * mpr)
    c1 += 0.0104 * math.sin(2 * f) - 0.0051 * math.sin(m + mpr) - 0.0074 * math.sin(m - mpr)
    c1 += 0.0004 * math.sin(2 * f + m) - 0.0004 * math.sin(2 * f - m) - 0.0006 * math.sin(2 * f + mpr)
    c1 += 0.0010 * math.sin(2 * f - mpr) + 0.0005 * math.sin(2 * mpr + m)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c1 - delta_t


def _sun_longitude(jd: float) -> float:
    """The sun's apparent longitude in radians, 0 to 2π, at Julian day ``jd`` (UT)."""
    t = (jd - 2451545.0) / 36525
    t2 = t * t
    m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _DEGREE
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(m)
    dl += (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000290 * math.sin(3 * m)
    longitude = (l0 + dl) * _DEGREE
    return longitude - 2 * math.pi * math.floor(longitude / (2 * math.pi))


@lru_cache(maxsize=4096)
def _new_moon_day(k: int) -> int:
    """The Julian day number, in Vietnam, of the day the ``k``-th new moon falls on."""
    return math.floor(_new_moon(k) + 0.5 + _TIME_ZONE / 24)


def _solar_term(day_number: int) -> int:
    """Which twelfth of the ecliptic (0-11) the sun is in at the start of a day in Vietnam."""
    return math.floor(_sun_longitude(day_number - 0.5 - _TIME_ZONE / 24) / math.pi * 6)


@lru_cache(maxsize=512)
def _month_11(year: int) -> int:
    """The first day (Julian day number) of the 11th lunar month, the one holding the winter solstice."""
    k = math.floor((_julian_day(date(year, 12, 31)) - 2415021) / _SYNODIC_MONTH)
    start = _new_moon_day(k)
    if _solar_term(start) >= 9:
        start = _new_moon_day(k - 1)
    return start


def _leap_month_offset(month_11: int) -> int:
    """How many months after ``month_11`` the leap month of a 13-month year comes."""
    k = math.floor((month_11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _solar_term(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _solar_term(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


@attrs.frozen(kw_only=True, order=True, field_transformer=typed_fields)
class LunarDate:
    """A day of the Vietnamese lunar calendar: ``year`` (the lunar year that starts at its Tết), month, day.

    ``leap`` marks a day of the leap month (tháng nhuận) that repeats ``month``.
    """

    year: int
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


def lunar_to_solar(year: int, month: int, day: int, *, leap: bool = False) -> date:
    """The Gregorian date of a lunar day of the Vietnamese calendar.

    >>> lunar_to_solar(2030, 1, 1)
    datetime.date(2030, 2, 2)
    >>> lunar_to_solar(2022, 3, 10)
    datetime.date(2022, 4, 10)

    Raises :class:`~parplan.errors.InvariantError` for a month that has no
    leap month that year or a day beyond the month's length.
    """
    lunar = LunarDate(year=year, month=month, day=day, leap=leap)
    if month < 11:
        a11, b11 = _month_11(year - 1), _month_11(year)
    else:
        a11, b11 = _month_11(year), _month_11(year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    offset = (month - 11) % 12
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11)
        leap_month = (leap_offset - 2) % 12 or 12
        if leap and month != leap_month:
            raise InvariantError("LunarDate.leap", str(lunar), f"lunar year {year} has no leap month {month}")
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise InvariantError("LunarDate.leap", str(lunar), f"lunar year {year} has no leap month")
    start = _new_moon_day(k + offset)
    length = _new_moon_day(k + offset + 1) - start
    if day > length:
        raise InvariantError("LunarDate.day", str(lunar), f"that lunar month has {length} days")
    return _from_julian_day(start + day - 1)


def solar_to_lunar(day: date) -> LunarDate:
    """The Vietnamese lunar date of a Gregorian day.

    >>> solar_to_lunar(date(2022, 1, 31))
    LunarDate(year=2021, month=12, day=29, leap=False)
    """
    number = _julian_day(day)
    k = math.floor((number - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    month_start = _new_moon_day(k + 1)
    if month_start > number:
        month_start = _new_moon_day(k)
    a11 = _month_11(day.year)
    b11 = a11
    if a11 >= month_start:
        lunar_year = day.year
        a11 = _month_11(day.year - 1)
    else:
        lunar_year = day.year + 1
        b11 = _month_11(day.year + 1)
    lunar_day = number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11)
        if diff >= leap_offset:
            lunar_month = diff + 10
            leap = diff == leap_offset
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(year=lunar_year, month=lunar_month, day=lunar_day, leap=leap)


@cache
def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết: the first day of the lunar year that starts in ``year``.

    >>> lunar_new_year(2022)
    datetime.date(2022, 2, 1)
    """
    return lunar_to_solar(year, 1, 1)
