"""Reporting periods: years, halves, quarters, months and the nine-month report.

A period has a compact identifier that files and command lines use:

========== ==================================
identifier period
========== ==================================
``2022``   the year 2022
``2022S1`` first half (``S2``: second half)
``2022Q3`` third quarter
``2022M01`` January (``M01`` … ``M12``)
``2022Q1-Q3`` the nine months January-September
========== ==================================

``str(period)`` gives the identifier back; :meth:`ReportingPeriod.parse` reads it.
"""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, datetime
from enum import StrEnum

import attrs

from parplan._values import field_name
from parplan.errors import InvariantError

__all__ = ["PeriodKind", "ReportingPeriod"]


class PeriodKind(StrEnum):
    """The length of a reporting period."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    NINE_MONTHS = "nine_months"

    @property
    def per_year(self) -> int:
        """How many periods of this kind a year has."""
        return _KIND_COUNT[self]


_KIND_COUNT = {
    PeriodKind.YEAR: 1,
    PeriodKind.HALF: 2,
    PeriodKind.QUARTER: 4,
    PeriodKind.MONTH: 12,
    PeriodKind.NINE_MONTHS: 1,
}
_KIND_MONTHS = {
    PeriodKind.YEAR: 12,
    PeriodKind.HALF: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
    PeriodKind.NINE_MONTHS: 9,
}

_ID = re.compile(
    r"(?P<year>\d{4})(?:(?P<half>S[12])|(?P<quarter>Q[1-4])|(?P<month>M(?:0[1-9]|1[0-2]))|(?P<nine>Q1-Q3))?\Z",
    re.ASCII,
)


def _check_index(instance: ReportingPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= instance.kind.per_year:
        raise InvariantError(
            field_name(instance, attribute),
            value,
            f"must be between 1 and {instance.kind.per_year} for a {instance.kind.value} period",
        )


def _check_year(instance: ReportingPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1900 <= value <= 2200:
        raise InvariantError(field_name(instance, attribute), value, "must be a year between 1900 and 2200")


@attrs.frozen(kw_only=True)
class ReportingPeriod:
    """A calendar period of the reporting regime: year, half, quarter, month or nine months."""

    kind: PeriodKind
    year: int = attrs.field(validator=_check_year)
    index: int = attrs.field(default=1, validator=_check_index)

    @classmethod
    def parse(cls, identifier: str) -> ReportingPeriod:
        """Read a compact identifier such as ``"2022Q1"`` or ``"2022S2"``."""
        match = _ID.match(identifier) if isinstance(identifier, str) else None
        if match is None:
            raise InvariantError(
                "ReportingPeriod",
                identifier,
                "must be an identifier like '2022', '2022S1', '2022Q1', '2022M01' or '2022Q1-Q3'",
            )
        year = int(match["year"])
        if match["half"]:
            return cls(kind=PeriodKind.HALF, year=year, index=int(match["half"][1]))
        if match["quarter"]:
            return cls(kind=PeriodKind.QUARTER, year=year, index=int(match["quarter"][1]))
        if match["month"]:
            return cls(kind=PeriodKind.MONTH, year=year, index=int(match["month"][1:]))
        if match["nine"]:
            return cls(kind=PeriodKind.NINE_MONTHS, year=year)
        return cls(kind=PeriodKind.YEAR, year=year)

    @classmethod
    def year_of(cls, year: int) -> ReportingPeriod:
        """The whole ``year``."""
        return cls(kind=PeriodKind.YEAR, year=year)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReportingPeriod:
        """Quarter 1-4 of ``year``."""
        return cls(kind=PeriodKind.QUARTER, year=year, index=quarter)

    @classmethod
    def half(cls, year: int, half: int) -> ReportingPeriod:
        """Half 1 or 2 of ``year``."""
        return cls(kind=PeriodKind.HALF, year=year, index=half)

    @classmethod
    def month(cls, year: int, month: int) -> ReportingPeriod:
        """Month 1-12 of ``year``."""
        return cls(kind=PeriodKind.MONTH, year=year, index=month)

    @classmethod
    def nine_months(cls, year: int) -> ReportingPeriod:
        """January to September of ``year``."""
        return cls(kind=PeriodKind.NINE_MONTHS, year=year)

    def __str__(self) -> str:
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return f"{self.year:04d}"
        if kind is PeriodKind.HALF:
            return f"{self.year:04d}S{self.index}"
        if kind is PeriodKind.QUARTER:
            return f"{self.year:04d}Q{self.index}"
        if kind is PeriodKind.MONTH:
            return f"{self.year:04d}M{self.index:02d}"
        return f"{self.year:04d}Q1-Q3"

    @property
    def first_month(self) -> int:
        """The calendar month the period starts in."""
        if self.kind is PeriodKind.YEAR or self.kind is PeriodKind.NINE_MONTHS:
            return 1
        return (self.index - 1) * _KIND_MONTHS[self.kind] + 1

    @property
    def last_month(self) -> int:
        """The calendar month the period ends in."""
        return self.first_month + _KIND_MONTHS[self.kind] - 1

    @property
    def start(self) -> date:
        """First calendar day of the period."""
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """Last calendar day of the period."""
        last = self.last_month
        return date(self.year, last, _calendar.monthrange(self.year, last)[1])

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):  # a moment is in the period when its calendar day is
            day = day.date()
        return isinstance(day, date) and self.start <= day <= self.end
