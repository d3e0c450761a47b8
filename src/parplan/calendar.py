"""Vietnam's working-day calendar: weekends, public holidays, substitute days off and swaps.

The public holidays are those of the Labour Code 2019 (Bộ luật Lao động
45/2019/QH14), Art. 112(1): 1 January; Tết Nguyên đán (five days); Giỗ Tổ Hùng
Vương on the 10th day of the 3rd lunar month; 30 April; 1 May; Quốc khánh on
2 September plus an adjacent day (from 2021; one day under the Labour Code 2012).
When a public holiday falls on a weekly rest day, the next working day is a
substitute day off (nghỉ bù, Art. 111(3)). The Government fixes each year which
five days make up Tết and which day joins 2 September, and it announces swaps
(a weekday off in exchange for a Saturday worked): those are data
(:data:`ANNOUNCED_TET`, :data:`ANNOUNCED_SWAPS`) that a user can extend with
:meth:`WorkCalendar.with_tet`, :meth:`WorkCalendar.with_swaps`,
:meth:`WorkCalendar.with_days_off` and :meth:`WorkCalendar.with_working_days`.

The calendar covers the years 2013 (the first Tết with five days off) to 2099.
The announced arrangements are recorded from 2019 onwards (and the swaps of
2013-2015); for other years the rules give the days the law fixes and the
usual placement of Tết.

Lunar dates
-----------
Tết and Giỗ Tổ follow the Vietnamese lunar calendar, reckoned at UTC+7; it
differs from the Chinese calendar (UTC+8) in some years (Tết 2030 is on
2 February in Vietnam and 3 February in China). This module implements the
conversion itself, with the astronomical algorithm published by Hồ Ngọc Đức
(new moons and solar terms after Meeus, *Astronomical Algorithms*; see
https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html), instead of
depending on the ``holidays`` package: the core stays offline and free of extra
dependencies, the conversion is about a hundred lines, and it is tested against
the published Tết and Giỗ Tổ dates of 1990-2050 and every year of 1901-2099
where Vietnam and China differ (``tests/cases/vn_lunar_new_year.csv``,
``tests/cases/vn_vs_chinese_lunar.csv``).

Counting convention
-------------------
Working days are counted as the Civil Code 2015 counts days: the first day is
not counted. ``add_working_days(d, 2)`` is the second working day after ``d``;
``working_days_between(a, b)`` counts the working days after ``a`` up to and
including ``b``, so the two agree: ``working_days_between(d, add_working_days(d, n)) == n``.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from parplan._values import EN_MONTHS, field_name, nfc, nfc_or_none, non_empty, non_empty_or_none, to_tuple
from parplan.errors import InvariantError

__all__ = [
    "ANNOUNCED_SWAPS",
    "ANNOUNCED_TET",
    "CULTURE_DAY",
    "FIRST_YEAR",
    "GIO_TO",
    "LABOUR_CODE_HOLIDAYS",
    "LABOUR_DAY",
    "LAST_YEAR",
    "NATIONAL_DAY",
    "NATIONAL_DAY_ADJACENT",
    "NEW_YEAR",
    "TET",
    "VICTORY_DAY",
    "AdjacentDay",
    "DayOff",
    "FixedHoliday",
    "HolidayRule",
    "LunarDate",
    "LunarHoliday",
    "Swap",
    "TetDays",
    "TetRule",
    "WorkCalendar",
    "lunar_new_year",
    "lunar_to_solar",
    "official_calendar",
    "solar_to_lunar",
]

FIRST_YEAR: Final = 2013
"""The first year a :class:`WorkCalendar` covers (the first Tết with five days off)."""
LAST_YEAR: Final = 2099
"""The last year a :class:`WorkCalendar` covers."""

_LOCALES = ("vi", "en")


def _check_locale(locale: str) -> str:
    if locale not in _LOCALES:
        raise InvariantError("locale", locale, "must be 'vi' or 'en'")
    return locale


# --- the Vietnamese lunar calendar ------------------------------------------------------

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


@attrs.frozen(kw_only=True, order=True)
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


# --- holiday rules ------------------------------------------------------------------------


@runtime_checkable
class HolidayRule(Protocol):
    """What every holiday rule offers: its names and the days it gives in a year."""

    @property
    def vi(self) -> str:
        """The Vietnamese name."""
        ...  # pragma: no cover

    @property
    def en(self) -> str:
        """The English name."""
        ...  # pragma: no cover

    def dates(self, year: int) -> tuple[date, ...]:
        """The days of Gregorian ``year`` that the rule makes public holidays, in order."""
        ...  # pragma: no cover


def _in_years(since: int | None, until: int | None, year: int) -> bool:
    return (since is None or year >= since) and (until is None or year <= until)


def _check_since_until(owner: str, since: int | None, until: int | None) -> None:
    if since is not None and until is not None and since > until:
        raise InvariantError(f"{owner}.until", until, f"must not be before since={since}")


def _name_field() -> Any:
    return attrs.field(converter=nfc, validator=non_empty)


def _check_month(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 12:
        raise InvariantError(field_name(instance, attribute), value, "must be a month between 1 and 12")


@attrs.frozen(kw_only=True)
class FixedHoliday:
    """A public holiday on the same Gregorian day every year: "01/01", "30/4", "02/9".

    ``since`` and ``until`` bound the years it applies to (both included).
    """

    month: int = attrs.field(validator=_check_month)
    day: int
    vi: str = _name_field()
    en: str = _name_field()
    since: int | None = None
    until: int | None = None

    def __attrs_post_init__(self) -> None:
        try:
            date(2000, self.month, self.day)
        except ValueError:
            raise InvariantError("FixedHoliday.day", self.day, f"is not a day of month {self.month}") from None
        _check_since_until("FixedHoliday", self.since, self.until)

    def dates(self, year: int) -> tuple[date, ...]:
        """The day in ``year`` (none outside ``since``-``until``, or on 29 February of a common year)."""
        if not _in_years(self.since, self.until, year):
            return ()
        try:
            return (date(year, self.month, self.day),)
        except ValueError:
            return ()


@attrs.frozen(kw_only=True)
class LunarHoliday:
    """A public holiday on a lunar day: Giỗ Tổ Hùng Vương on 10/3 âm lịch."""

    month: int = attrs.field(validator=_check_month)
    day: int
    vi: str = _name_field()
    en: str = _name_field()
    since: int | None = None
    until: int | None = None

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.day <= 29:
            raise InvariantError("LunarHoliday.day", self.day, "must be between 1 and 29 (every lunar month has them)")
        _check_since_until("LunarHoliday", self.since, self.until)

    def dates(self, year: int) -> tuple[date, ...]:
        """The Gregorian day(s) in ``year`` this lunar day falls on."""
        if not _in_years(self.since, self.until, year):
            return ()
        found = (lunar_to_solar(lunar_year, self.month, self.day) for lunar_year in (year - 1, year))
        return tuple(day for day in found if day.year == year)


@attrs.frozen(kw_only=True)
class AdjacentDay:
    """The day that joins a fixed holiday, chosen by the weekday it falls on: Quốc khánh's second day.

    ``offsets[w]`` is the shift from the holiday (−1 the day before, +1 the day
    after) when the holiday falls on weekday ``w`` (Monday is 0). The Prime
    Minister fixes the day each year; the default offsets reproduce the days
    announced for 2021-2026 (a Monday or Thursday holiday is followed by the next
    day, any other weekday is preceded by the day before, a Sunday is followed by
    Monday).
    """

    month: int = attrs.field(validator=_check_month)
    day: int
    offsets: tuple[int, int, int, int, int, int, int] = (1, -1, -1, 1, -1, -1, 1)
    vi: str = _name_field()
    en: str = _name_field()
    since: int | None = None
    until: int | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.offsets) != 7 or any(o not in (-1, 1) for o in self.offsets):
            raise InvariantError("AdjacentDay.offsets", self.offsets, "must be seven shifts of -1 or +1")
        _check_since_until("AdjacentDay", self.since, self.until)

    def dates(self, year: int) -> tuple[date, ...]:
        """The adjacent day in ``year``."""
        if not _in_years(self.since, self.until, year):
            return ()
        anchor = date(year, self.month, self.day)
        return (anchor + timedelta(days=self.offsets[anchor.weekday()]),)


def _sorted_dates(values: Iterable[date]) -> tuple[date, ...]:
    return tuple(sorted(set(values)))


@attrs.frozen(kw_only=True)
class TetDays:
    """The Tết days off the Government announced for one year, and the announcement."""

    year: int
    days: tuple[date, ...] = attrs.field(converter=_sorted_dates)
    source: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        if not self.days:
            raise InvariantError("TetDays.days", (), "must name at least one day")
        tet = lunar_new_year(self.year)
        for day in self.days:
            if abs((day - tet).days) > 15:
                raise InvariantError(
                    "TetDays.days", day.isoformat(), f"must lie within 15 days of Tết {self.year} ({tet.isoformat()})"
                )


def _check_positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise InvariantError(field_name(instance, attribute), value, "must be at least 1")


def _check_tet_start(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 30:
        raise InvariantError(field_name(instance, attribute), value, "must be a day of the lunar month, 1 to 30")


def _unique_years(
    instance: object, attribute: attrs.Attribute[tuple[TetDays, ...]], value: tuple[TetDays, ...]
) -> None:
    years = [entry.year for entry in value]
    if len(set(years)) != len(years):
        raise InvariantError(field_name(instance, attribute), years, "must not announce a year twice")


@attrs.frozen(kw_only=True)
class TetRule:
    """Where the five days of Tết Nguyên đán fall.

    By rule, Tết starts on day ``from_day`` of the last month of the old lunar
    year (on its last day when the month is shorter) and lasts ``length``
    consecutive days. The default, from 29 tháng Chạp, reproduces the days
    announced for 2019-2024 and 2026; ``from_day=30`` gives "the last day of the
    old year and the first four days of the new one". For the years in
    ``announced`` the announced days replace the rule.
    """

    from_day: int = attrs.field(default=29, validator=_check_tet_start)
    length: int = attrs.field(default=5, validator=_check_positive)
    announced: tuple[TetDays, ...] = attrs.field(default=(), converter=to_tuple, validator=_unique_years)
    vi: str = attrs.field(default="Tết Nguyên đán", converter=nfc, validator=non_empty)
    en: str = attrs.field(default="Lunar New Year (Tết)", converter=nfc, validator=non_empty)

    def dates(self, year: int) -> tuple[date, ...]:
        """The Tết days of ``year``: announced ones when known, else by rule."""
        for entry in self.announced:
            if entry.year == year:
                return entry.days
        tet = lunar_new_year(year)
        last_month_length = solar_to_lunar(tet - timedelta(days=1)).day
        first = tet - timedelta(days=last_month_length - min(self.from_day, last_month_length) + 1)
        return tuple(first + timedelta(days=i) for i in range(self.length))

    def with_announced(self, entry: TetDays) -> TetRule:
        """This rule with ``entry`` replacing any announcement for the same year."""
        kept = tuple(e for e in self.announced if e.year != entry.year)
        return attrs.evolve(self, announced=(*kept, entry))


@attrs.frozen(kw_only=True)
class Swap:
    """A day off given in exchange for a rest day worked (hoán đổi ngày làm việc)."""

    day_off: date
    working_day: date
    source: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        if self.day_off == self.working_day:
            raise InvariantError("Swap.working_day", self.working_day.isoformat(), "must differ from the day off")


@attrs.frozen(kw_only=True)
class DayOff:
    """One extra day off with its names: a local holiday, an announced break."""

    day: date
    vi: str = _name_field()
    en: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    """The English name; the Vietnamese one is used when absent."""


# --- the official data --------------------------------------------------------------------

_SOURCE_2019 = "Thông báo 3238/TB-LĐTBXH (2018); Công văn 6519/VPCP-KGVX (2018)"

ANNOUNCED_TET: Final[tuple[TetDays, ...]] = (
    TetDays(
        year=2025,
        days=tuple(date(2025, 1, d) for d in range(27, 32)),
        source="Thông báo 6150/TB-BLĐTBXH (2024): 27/01-31/01/2025, 28 tháng Chạp to mùng 3",
    ),
)
"""The Tết days announced where they differ from :class:`TetRule`'s default.

The announced breaks of 2019-2024 and 2026 match the rule (five days from
29 tháng Chạp, with substitute days for those falling on a weekend); 2025
started on 28 tháng Chạp.
"""

ANNOUNCED_SWAPS: Final[tuple[Swap, ...]] = (
    Swap(day_off=date(2013, 4, 29), working_day=date(2013, 5, 4), source="holidays 0.108, VietnamStaticHolidays"),
    Swap(day_off=date(2014, 5, 2), working_day=date(2014, 4, 26), source="holidays 0.108, VietnamStaticHolidays"),
    Swap(day_off=date(2014, 9, 1), working_day=date(2014, 9, 6), source="holidays 0.108, VietnamStaticHolidays"),
    Swap(day_off=date(2015, 1, 2), working_day=date(2014, 12, 27), source="holidays 0.108, VietnamStaticHolidays"),
    Swap(day_off=date(2015, 2, 16), working_day=date(2015, 2, 14), source="holidays 0.108, VietnamStaticHolidays"),
    Swap(day_off=date(2015, 4, 29), working_day=date(2015, 4, 25), source="holidays 0.108, VietnamStaticHolidays"),
    Swap(day_off=date(2018, 12, 31), working_day=date(2019, 1, 5), source=_SOURCE_2019),
    Swap(day_off=date(2019, 4, 29), working_day=date(2019, 5, 4), source=_SOURCE_2019),
    Swap(day_off=date(2024, 4, 29), working_day=date(2024, 5, 4), source="Công văn 2450/VPCP-KGVX (2024)"),
    Swap(day_off=date(2025, 5, 2), working_day=date(2025, 4, 26), source="announced for 30/4-1/5/2025"),
    Swap(day_off=date(2026, 8, 31), working_day=date(2026, 8, 22), source="announced for Quốc khánh 2026"),
)
"""Weekdays off the Government exchanged for Saturdays worked, for state offices."""

NEW_YEAR: Final = FixedHoliday(month=1, day=1, vi="Tết Dương lịch", en="New Year's Day")
TET: Final = TetRule(announced=ANNOUNCED_TET)
GIO_TO: Final = LunarHoliday(month=3, day=10, vi="Giỗ Tổ Hùng Vương", en="Hung Kings' Commemoration Day", since=2007)
VICTORY_DAY: Final = FixedHoliday(month=4, day=30, vi="Ngày Chiến thắng", en="Victory Day")
LABOUR_DAY: Final = FixedHoliday(month=5, day=1, vi="Ngày Quốc tế lao động", en="International Labour Day")
NATIONAL_DAY: Final = FixedHoliday(month=9, day=2, vi="Quốc khánh", en="National Day")
NATIONAL_DAY_ADJACENT: Final = AdjacentDay(month=9, day=2, vi="Quốc khánh", en="National Day", since=2021)

LABOUR_CODE_HOLIDAYS: Final[tuple[HolidayRule, ...]] = (
    NEW_YEAR,
    TET,
    GIO_TO,
    VICTORY_DAY,
    LABOUR_DAY,
    NATIONAL_DAY,
    NATIONAL_DAY_ADJACENT,
)
"""The eleven paid public holidays of the Labour Code 2019, Art. 112(1)."""

CULTURE_DAY: Final = FixedHoliday(month=11, day=24, vi="Ngày Văn hóa Việt Nam", en="Vietnamese Culture Day", since=2026)
"""24 November, adopted as a paid day off by Resolution 80-NQ/TW (2026) but not yet in the Labour Code.

Not part of the default calendar: add it with ``WorkCalendar().with_rules(CULTURE_DAY)``.
"""


# --- the calendar -------------------------------------------------------------------------


@attrs.frozen
class _Year:
    """Everything about one Gregorian year, computed once."""

    days_off: dict[date, tuple[str, str]]
    """Every day off that is not a plain weekend day, with its names (vi, en)."""
    working: list[int]
    """The ordinals of the working days, ascending."""
    working_set: frozenset[int]


def _check_weekend(instance: object, attribute: attrs.Attribute[frozenset[int]], value: frozenset[int]) -> None:
    if any(day not in range(7) for day in value) or len(value) > 6:
        raise InvariantError(
            field_name(instance, attribute), sorted(value), "must hold weekday numbers 0 (Monday) to 6, not all seven"
        )


def _check_rules(instance: object, attribute: attrs.Attribute[tuple[Any, ...]], value: tuple[Any, ...]) -> None:
    for rule in value:
        if not isinstance(rule, HolidayRule):
            raise InvariantError(field_name(instance, attribute), rule, "must hold holiday rules (vi, en, dates)")


def _date_set(values: Iterable[date]) -> frozenset[date]:
    return frozenset(values)


def _weekday_set(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


def _rule_tuple(values: Iterable[HolidayRule]) -> tuple[HolidayRule, ...]:
    return tuple(values)


def _swap_tuple(values: Iterable[Swap]) -> tuple[Swap, ...]:
    return tuple(values)


def _day_off_tuple(values: Iterable[DayOff]) -> tuple[DayOff, ...]:
    return tuple(values)


def _en_day(day: date) -> str:
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def _substitutes(holidays: Iterable[date], weekend: frozenset[int], blocked: set[date]) -> dict[date, date]:
    """Substitute days off: each holiday on a rest day gives the next free working day (substitute → holiday)."""
    found: dict[date, date] = {}
    step = timedelta(days=1)
    for day in sorted(holidays):
        if day.weekday() not in weekend:
            continue
        candidate = day + step
        while candidate.weekday() in weekend or candidate in blocked or candidate in found:
            candidate += step
        found[candidate] = day
    return found


@attrs.frozen(kw_only=True)
class WorkCalendar:
    """Working days of Vietnamese state offices: Monday to Friday less days off, plus days worked in exchange.

    >>> calendar = WorkCalendar()
    >>> calendar.is_working_day(date(2024, 4, 29))  # off, swapped for Saturday 4 May
    False
    >>> calendar.add_working_days(date(2022, 3, 14), 2)
    datetime.date(2022, 3, 16)

    Years outside :data:`FIRST_YEAR`-:data:`LAST_YEAR` raise
    :class:`~parplan.errors.InvariantError`. Each year is computed once and
    kept, so long spans cost one table per year.
    """

    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekday_set, validator=_check_weekend)
    """Weekly rest days as weekday numbers (Monday is 0): Saturday and Sunday."""
    rules: tuple[HolidayRule, ...] = attrs.field(
        default=LABOUR_CODE_HOLIDAYS, converter=_rule_tuple, validator=_check_rules
    )
    """The public holidays."""
    swaps: tuple[Swap, ...] = attrs.field(default=ANNOUNCED_SWAPS, converter=_swap_tuple)
    """Weekdays off exchanged for rest days worked."""
    extra_days_off: tuple[DayOff, ...] = attrs.field(default=(), converter=_day_off_tuple)
    """Further days off (a local holiday, an announced break)."""
    extra_working_days: frozenset[date] = attrs.field(default=frozenset(), converter=_date_set)
    """Days worked whatever else the calendar says."""
    substitute_days: bool = True
    """Give the next working day off when a public holiday falls on a weekly rest day (nghỉ bù)."""
    _years: dict[int, _Year] = attrs.field(factory=dict, init=False, repr=False, eq=False, hash=False)

    # -- building a year --

    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is None:
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise InvariantError(
                    "WorkCalendar.year",
                    year,
                    f"must be between {FIRST_YEAR} and {LAST_YEAR}, the years the calendar covers",
                )
            table = self._years[year] = self._build(year)
        return table

    def _holidays_around(self, year: int) -> dict[date, tuple[str, str]]:
        found: dict[date, tuple[str, str]] = {}
        for y in (year - 1, year):
            for rule in self.rules:
                for day in rule.dates(y):
                    found.setdefault(day, (rule.vi, rule.en))
        return found

    def _build(self, year: int) -> _Year:
        weekend = self.weekend
        holidays = self._holidays_around(year)
        swapped_off = {s.day_off: s for s in self.swaps}
        extra_off = {d.day: d for d in self.extra_days_off}
        days_off: dict[date, tuple[str, str]] = {day: names for day, names in holidays.items() if day.year == year}
        if self.substitute_days:
            blocked = holidays.keys() | swapped_off.keys() | extra_off.keys()
            for substitute, holiday in _substitutes(holidays, weekend, blocked).items():
                if substitute.year == year:
                    vi, en = holidays[holiday]
                    days_off.setdefault(substitute, (f"Nghỉ bù {vi}", f"{en} (substitute day off)"))
        swapped_on = {s.working_day for s in self.swaps}
        for day, swap in swapped_off.items():
            if day.year == year:
                worked = swap.working_day
                days_off.setdefault(
                    day,
                    (
                        f"Ngày nghỉ hoán đổi (làm bù ngày {worked:%d/%m/%Y})",
                        f"Swapped day off (worked on {_en_day(worked)})",
                    ),
                )
        for day, extra in extra_off.items():
            if day.year == year:
                days_off.setdefault(day, (extra.vi, extra.en or extra.vi))
        working_anyway = self.extra_working_days | swapped_on
        for day in working_anyway:
            days_off.pop(day, None)
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        working = [
            ordinal
            for ordinal in range(first, last + 1)
            if (day := date.fromordinal(ordinal)) in working_anyway
            or (day.weekday() not in weekend and day not in days_off)
        ]
        ordered = dict(sorted(days_off.items()))
        return _Year(days_off=ordered, working=working, working_set=frozenset(working))

    # -- questions --

    def is_working_day(self, day: date) -> bool:
        """True when state offices work on ``day``."""
        return day.toordinal() in self._year(day.year).working_set

    def holidays(self, year: int, locale: str) -> dict[date, str]:
        """Every day off of ``year`` other than plain weekend days, in date order, named in ``locale`` ("vi" or "en").

        Public holidays are listed even when they fall on a weekend; substitute
        days, swapped days and extra days off are listed too.

        >>> WorkCalendar().holidays(2022, "vi")[date(2022, 5, 3)]
        'Nghỉ bù Ngày Quốc tế lao động'
        """
        index = _LOCALES.index(_check_locale(locale))
        return {day: names[index] for day, names in self._year(year).days_off.items()}

    def roll_forward(self, day: date) -> date:
        """``day`` when it is a working day, else the next working day.

        A deadline that falls on a day off ends on the next working day (Civil
        Code 2015, on the end of a time limit).
        """
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (before it when ``count`` is negative).

        ``day`` itself is never counted; ``count == 0`` gives ``day`` back.
        """
        if count == 0:
            return day
        year = day.year
        ordinal = day.toordinal()
        table = self._year(year)
        if count > 0:
            position = bisect_right(table.working, ordinal)
            remaining = count
            while remaining > len(table.working) - position:
                remaining -= len(table.working) - position
                year += 1
                table = self._year(year)
                position = 0
            return date.fromordinal(table.working[position + remaining - 1])
        position = bisect_left(table.working, ordinal)
        remaining = -count
        while remaining > position:
            remaining -= position
            year -= 1
            table = self._year(year)
            position = len(table.working)
        return date.fromordinal(table.working[position - remaining])

    def working_days_between(self, start: date, end: date) -> int:
        """The working days after ``start`` up to and including ``end``; negative when ``end`` comes first.

        >>> WorkCalendar().working_days_between(date(2022, 4, 29), date(2022, 5, 6))
        3
        """
        if start > end:
            return -self.working_days_between(end, start)
        total = 0
        low, high = start.toordinal(), end.toordinal()
        for year in range(start.year, end.year + 1):
            working = self._year(year).working
            first = bisect_right(working, low) if year == start.year else 0
            last = bisect_right(working, high) if year == end.year else len(working)
            total += last - first
        return total

    # -- changes --

    def with_rules(self, *rules: HolidayRule) -> WorkCalendar:
        """This calendar with more public holidays, e.g. ``with_rules(CULTURE_DAY)``."""
        return attrs.evolve(self, rules=(*self.rules, *rules))

    def with_swaps(self, *swaps: Swap) -> WorkCalendar:
        """This calendar with more announced swaps."""
        return attrs.evolve(self, swaps=(*self.swaps, *swaps))

    def with_days_off(self, *days: DayOff) -> WorkCalendar:
        """This calendar with more days off."""
        return attrs.evolve(self, extra_days_off=(*self.extra_days_off, *days))

    def with_working_days(self, *days: date) -> WorkCalendar:
        """This calendar with days that are worked whatever else it says."""
        return attrs.evolve(self, extra_working_days=self.extra_working_days | set(days))

    def with_tet(self, year: int, days: Iterable[date], source: str | None = None) -> WorkCalendar:
        """This calendar with the Tết days announced for ``year``."""
        entry = TetDays(year=year, days=tuple(days), source=source)
        rules = list(self.rules)
        for i, rule in enumerate(rules):
            if isinstance(rule, TetRule):
                rules[i] = rule.with_announced(entry)
                return attrs.evolve(self, rules=tuple(rules))
        return attrs.evolve(self, rules=(*rules, TetRule(announced=(entry,))))


@cache
def official_calendar() -> WorkCalendar:
    """The shared default :class:`WorkCalendar` (built once, its year tables shared)."""
    return WorkCalendar()
