"""Working days: the calendar that says which days are worked, and deadline arithmetic over it.

When a public holiday falls on a weekly rest day, the next working day is a
substitute day off (nghỉ bù, Labour Code 2019 Art. 111(3)). Working days are
counted as the Civil Code 2015 counts days: the first day is not counted.
``add_working_days(d, 2)`` is the second working day after ``d``;
``working_days_between(a, b)`` counts the working days after ``a`` up to and
including ``b``, so the two agree: ``working_days_between(d, add_working_days(d, n)) == n``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any, Final

import attrs

from parplan._values import EN_MONTHS, field_name, to_frozenset, to_tuple, typed_fields
from parplan.calendar.holidays import (
    ANNOUNCED_SWAPS,
    LABOUR_CODE_HOLIDAYS,
    DayOff,
    HolidayRule,
    Swap,
    TetDays,
    TetRule,
)
from parplan.calendar.lunar import _shown
from parplan.errors import InvariantError
from parplan.locale import LOCALES, check_locale

__all__ = ["FIRST_YEAR", "LAST_YEAR", "WorkCalendar", "official_calendar"]

FIRST_YEAR: Final = 2013
"""The first year a :class:`WorkCalendar` covers (the first Tết with five days off)."""
LAST_YEAR: Final = 2099
"""The last year a :class:`WorkCalendar` covers."""

_YEARS: Final = range(FIRST_YEAR, LAST_YEAR + 1)
_COVERS: Final = f"between {FIRST_YEAR} and {LAST_YEAR}, the years the calendar covers"
_SPAN: Final = f"the calendar covers the years between {FIRST_YEAR} and {LAST_YEAR}"
_FIRST_ORDINAL: Final = date(FIRST_YEAR, 1, 1).toordinal()
_LAST_ORDINAL: Final = date(LAST_YEAR, 12, 31).toordinal()


def _check_day(where: str, day: object) -> date:
    """``day`` when it is a date of the years covered; :class:`InvariantError` naming ``where`` otherwise."""
    if not isinstance(day, date):
        raise InvariantError(where, _shown(day), "must be a date")
    if not _FIRST_ORDINAL <= day.toordinal() <= _LAST_ORDINAL:
        raise InvariantError(where, day.isoformat(), f"must be a day of a year {_COVERS}")
    return day


def _check_year(where: str, year: object) -> int:
    if year.__class__ is not int or year not in _YEARS:
        raise InvariantError(where, _shown(year), f"must be an int year {_COVERS}")
    return year


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
    return to_frozenset(values)


def _weekday_set(values: Iterable[int]) -> frozenset[int]:
    return to_frozenset(values)


def _rule_tuple(values: Iterable[HolidayRule]) -> tuple[HolidayRule, ...]:
    return to_tuple(values)


def _swap_tuple(values: Iterable[Swap]) -> tuple[Swap, ...]:
    return to_tuple(values)


def _day_off_tuple(values: Iterable[DayOff]) -> tuple[DayOff, ...]:
    return to_tuple(values)


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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class WorkCalendar:
    """Working days of Vietnamese state offices: Monday to Friday less days off, plus days worked in exchange.

    >>> calendar = WorkCalendar()
    >>> calendar.is_working_day(date(2024, 4, 29))  # off, swapped for Saturday 4 May
    False
    >>> calendar.add_working_days(date(2022, 3, 14), 2)
    datetime.date(2022, 3, 16)

    Days and years outside :data:`FIRST_YEAR`-:data:`LAST_YEAR`, and counts
    that run out of them, raise :class:`~parplan.errors.InvariantError` naming
    the argument. Each year is computed once and kept, so long spans cost one
    table per year.
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
        """The table of ``year``, one of the years covered (the callers check)."""
        table = self._years.get(year)
        if table is None:
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
        _check_day("WorkCalendar.is_working_day.day", day)
        return day.toordinal() in self._year(day.year).working_set

    def holidays(self, year: int, locale: str) -> dict[date, str]:
        """Every day off of ``year`` other than plain weekend days, in date order, named in ``locale`` ("vi" or "en").

        Public holidays are listed even when they fall on a weekend; substitute
        days, swapped days and extra days off are listed too.

        >>> WorkCalendar().holidays(2022, "vi")[date(2022, 5, 3)]
        'Nghỉ bù Ngày Quốc tế lao động'
        """
        _check_year("WorkCalendar.holidays.year", year)
        index = LOCALES.index(check_locale(locale))
        return {day: names[index] for day, names in self._year(year).days_off.items()}

    def roll_forward(self, day: date) -> date:
        """``day`` when it is a working day, else the next working day.

        A deadline that falls on a day off ends on the next working day (Civil
        Code 2015, on the end of a time limit).
        """
        _check_day("WorkCalendar.roll_forward.day", day)
        return day if self.is_working_day(day) else self._add(day, 1, "WorkCalendar.roll_forward.day")

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (before it when ``count`` is negative).

        ``day`` itself is never counted; ``count == 0`` gives ``day`` back.
        """
        _check_day("WorkCalendar.add_working_days.day", day)
        if count.__class__ is not int:
            raise InvariantError("WorkCalendar.add_working_days.count", _shown(count), "must be an int")
        return self._add(day, count, "WorkCalendar.add_working_days.count")

    def _add(self, day: date, count: int, where: str) -> date:
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
                if year > LAST_YEAR:
                    raise InvariantError(where, _shown(count), f"counts past {LAST_YEAR}-12-31: {_SPAN}")
                table = self._year(year)
                position = 0
            return date.fromordinal(table.working[position + remaining - 1])
        position = bisect_left(table.working, ordinal)
        remaining = -count
        while remaining > position:
            remaining -= position
            year -= 1
            if year < FIRST_YEAR:
                raise InvariantError(where, _shown(count), f"counts back past {FIRST_YEAR}-01-01: {_SPAN}")
            table = self._year(year)
            position = len(table.working)
        return date.fromordinal(table.working[position - remaining])

    def working_days_between(self, start: date, end: date) -> int:
        """The working days after ``start`` up to and including ``end``; negative when ``end`` comes first.

        >>> WorkCalendar().working_days_between(date(2022, 4, 29), date(2022, 5, 6))
        3
        """
        _check_day("WorkCalendar.working_days_between.start", start)
        _check_day("WorkCalendar.working_days_between.end", end)
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
        """This calendar with the Tết days announced for ``year`` (one of the years it covers)."""
        _check_year("WorkCalendar.with_tet.year", year)
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
