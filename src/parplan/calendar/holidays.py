"""Holiday rules: the days off the Labour Code gives, and those the Government announces each year.

The public holidays are those of the Labour Code 2019 (Bộ luật Lao động
45/2019/QH14), Art. 112(1): 1 January; Tết Nguyên đán (five days); Giỗ Tổ Hùng
Vương on the 10th day of the 3rd lunar month; 30 April; 1 May; Quốc khánh on
2 September plus an adjacent day (from 2021; one day under the Labour Code 2012).
The Government fixes each year which five days make up Tết and which day joins
2 September, and it announces swaps (a weekday off in exchange for a Saturday
worked): those are data (:data:`ANNOUNCED_TET`, :data:`ANNOUNCED_SWAPS`).
Every rule follows the :class:`HolidayRule` protocol; the rules here give the
days of the years 1900 to 2199 (:data:`~parplan.calendar.lunar.FIRST_LUNAR_YEAR`
to :data:`~parplan.calendar.lunar.LAST_LUNAR_YEAR`, the years of the lunar
calendar) and raise :class:`~parplan.errors.InvariantError` for others.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from parplan._values import field_name, nfc, nfc_or_none, non_empty, non_empty_or_none, to_tuple, typed_fields
from parplan.calendar.lunar import (
    FIRST_LUNAR_YEAR,
    LAST_LUNAR_YEAR,
    _shown,
    _solar_days,
    lunar_new_year,
    solar_to_lunar,
)
from parplan.errors import InvariantError

__all__ = [
    "ANNOUNCED_SWAPS",
    "ANNOUNCED_TET",
    "CULTURE_DAY",
    "GIO_TO",
    "LABOUR_CODE_HOLIDAYS",
    "LABOUR_DAY",
    "NATIONAL_DAY",
    "NATIONAL_DAY_ADJACENT",
    "NEW_YEAR",
    "TET",
    "VICTORY_DAY",
    "AdjacentDay",
    "DayOff",
    "FixedHoliday",
    "HolidayRule",
    "LunarHoliday",
    "Swap",
    "TetDays",
    "TetRule",
]


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


_RULE_YEARS = range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1)


def _check_rule_year(owner: str, year: object) -> int:
    """``year`` when it is a year the rules cover; :class:`InvariantError` naming ``owner.dates.year`` otherwise."""
    if year.__class__ is not int or year not in _RULE_YEARS:
        raise InvariantError(
            f"{owner}.dates.year",
            _shown(year),
            f"must be an int year between {FIRST_LUNAR_YEAR} and {LAST_LUNAR_YEAR}, the years of the lunar calendar",
        )
    return year


def _in_years(since: int | None, until: int | None, year: int) -> bool:
    return (since is None or year >= since) and (until is None or year <= until)


def _check_since_until(owner: str, since: int | None, until: int | None) -> None:
    if since is not None and until is not None and since > until:
        raise InvariantError(f"{owner}.until", until, f"must not be before since={since}")


def _check_day_of_month(owner: str, month: int, day: int) -> None:
    if not 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        raise InvariantError(f"{owner}.day", _shown(day), f"is not a day of month {month}")


def _name_field() -> Any:
    return attrs.field(converter=nfc, validator=non_empty)


def _check_month(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 12:
        raise InvariantError(field_name(instance, attribute), _shown(value), "must be a month between 1 and 12")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
        _check_day_of_month("FixedHoliday", self.month, self.day)
        _check_since_until("FixedHoliday", self.since, self.until)

    def dates(self, year: int) -> tuple[date, ...]:
        """The day in ``year`` (none outside ``since``-``until``, or on 29 February of a common year)."""
        _check_rule_year("FixedHoliday", year)
        if not _in_years(self.since, self.until, year):
            return ()
        try:
            return (date(year, self.month, self.day),)
        except ValueError:
            return ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
            raise InvariantError(
                "LunarHoliday.day", _shown(self.day), "must be between 1 and 29 (every lunar month has them)"
            )
        _check_since_until("LunarHoliday", self.since, self.until)

    def dates(self, year: int) -> tuple[date, ...]:
        """The Gregorian day(s) in ``year`` this lunar day falls on."""
        _check_rule_year("LunarHoliday", year)
        if not _in_years(self.since, self.until, year):
            return ()
        return _solar_days(year, self.month, self.day)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
        _check_day_of_month("AdjacentDay", self.month, self.day)
        if len(self.offsets) != 7 or any(o not in (-1, 1) for o in self.offsets):
            raise InvariantError("AdjacentDay.offsets", self.offsets, "must be seven shifts of -1 or +1")
        _check_since_until("AdjacentDay", self.since, self.until)

    def dates(self, year: int) -> tuple[date, ...]:
        """The adjacent day in ``year``."""
        _check_rule_year("AdjacentDay", year)
        if not _in_years(self.since, self.until, year):
            return ()
        anchor = date(year, self.month, self.day)
        return (anchor + timedelta(days=self.offsets[anchor.weekday()]),)


def _sorted_dates(values: Iterable[date]) -> tuple[date, ...]:
    found = to_tuple(values)
    if found.__class__ is not tuple or not all(value.__class__ is date for value in found):
        return found  # refused by the field's type check, with its name
    return tuple(sorted(set(found)))


def _check_tet_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value not in _RULE_YEARS:
        raise InvariantError(
            field_name(instance, attribute),
            _shown(value),
            f"must be a year between {FIRST_LUNAR_YEAR} and {LAST_LUNAR_YEAR}, the years of the lunar calendar",
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TetDays:
    """The Tết days off the Government announced for one year, and the announcement."""

    year: int = attrs.field(validator=_check_tet_year)
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


def _check_tet_length(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 30:
        raise InvariantError(field_name(instance, attribute), _shown(value), "must be between 1 and 30 days")


def _check_tet_start(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 30:
        raise InvariantError(
            field_name(instance, attribute), _shown(value), "must be a day of the lunar month, 1 to 30"
        )


def _unique_years(
    instance: object, attribute: attrs.Attribute[tuple[TetDays, ...]], value: tuple[TetDays, ...]
) -> None:
    years = [entry.year for entry in value]
    if len(set(years)) != len(years):
        raise InvariantError(field_name(instance, attribute), years, "must not announce a year twice")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
    length: int = attrs.field(default=5, validator=_check_tet_length)
    announced: tuple[TetDays, ...] = attrs.field(default=(), converter=to_tuple, validator=_unique_years)
    vi: str = attrs.field(default="Tết Nguyên đán", converter=nfc, validator=non_empty)
    en: str = attrs.field(default="Lunar New Year (Tết)", converter=nfc, validator=non_empty)

    def dates(self, year: int) -> tuple[date, ...]:
        """The Tết days of ``year``: announced ones when known, else by rule."""
        _check_rule_year("TetRule", year)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Swap:
    """A day off given in exchange for a rest day worked (hoán đổi ngày làm việc)."""

    day_off: date
    working_day: date
    source: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        if self.day_off == self.working_day:
            raise InvariantError("Swap.working_day", self.working_day.isoformat(), "must differ from the day off")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
