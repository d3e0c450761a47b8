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

The working-day calendar covers the years 2013 (the first Tết with five days
off) to 2099. The announced arrangements are recorded from 2019 onwards (and the
swaps of 2013-2015); for other years the rules give the days the law fixes and
the usual placement of Tết.

Lunar dates
-----------
Tết and Giỗ Tổ follow the Vietnamese lunar calendar, reckoned at UTC+7; it
differs from the Chinese calendar (UTC+8) in some years (Tết 2030 is on
2 February in Vietnam and 3 February in China). This module implements the
conversion itself, with the rules Hồ Ngọc Đức states
(https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html) and the
astronomy of Meeus's *Astronomical Algorithms* (the full new-moon series, the
sun from VSOP87 with nutation and aberration), instead of depending on the
``holidays`` package: the core stays offline and free of extra dependencies.
It covers every day from 1 January 1900 to 31 December 2199
(:data:`FIRST_LUNAR_DAY`, :data:`LAST_LUNAR_DAY`); the tests compare every month
of that range with a calendar built from PyEphem's new moons and solar terms,
the Tết and Giỗ Tổ dates of 1901-2099 with those of the ``holidays`` package,
and the published dates of 1990-2050 (``tests/cases/vn_lunar_new_year.csv``,
``tests/cases/vn_vs_chinese_lunar.csv``). Outside the range every function
raises :class:`~parplan.errors.InvariantError`.

Counting convention
-------------------
Working days are counted as the Civil Code 2015 counts days: the first day is
not counted. ``add_working_days(d, 2)`` is the second working day after ``d``;
``working_days_between(a, b)`` counts the working days after ``a`` up to and
including ``b``, so the two agree: ``working_days_between(d, add_working_days(d, n)) == n``.

Modules: :mod:`parplan.calendar.lunar` (lunar dates), :mod:`parplan.calendar.holidays`
(holiday rules and the announced days) and :mod:`parplan.calendar.workdays`
(the working-day calendar).
"""

from parplan.calendar.holidays import (
    ANNOUNCED_SWAPS,
    ANNOUNCED_TET,
    CULTURE_DAY,
    GIO_TO,
    LABOUR_CODE_HOLIDAYS,
    LABOUR_DAY,
    NATIONAL_DAY,
    NATIONAL_DAY_ADJACENT,
    NEW_YEAR,
    TET,
    VICTORY_DAY,
    AdjacentDay,
    DayOff,
    FixedHoliday,
    HolidayRule,
    LunarHoliday,
    Swap,
    TetDays,
    TetRule,
)
from parplan.calendar.lunar import (
    FIRST_LUNAR_DAY,
    FIRST_LUNAR_YEAR,
    LAST_LUNAR_DAY,
    LAST_LUNAR_YEAR,
    LunarDate,
    lunar_new_year,
    lunar_to_solar,
    solar_to_lunar,
)
from parplan.calendar.workdays import FIRST_YEAR, LAST_YEAR, WorkCalendar, official_calendar

__all__ = [
    "ANNOUNCED_SWAPS",
    "ANNOUNCED_TET",
    "CULTURE_DAY",
    "FIRST_LUNAR_DAY",
    "FIRST_LUNAR_YEAR",
    "FIRST_YEAR",
    "GIO_TO",
    "LABOUR_CODE_HOLIDAYS",
    "LABOUR_DAY",
    "LAST_LUNAR_DAY",
    "LAST_LUNAR_YEAR",
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
