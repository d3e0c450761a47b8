"""Reporting periods, their data cut-off windows and submission deadlines.

A period has a compact identifier that files and command lines use:

============= ==================================
identifier    period
============= ==================================
``2022``      the year 2022
``2022S1``    first half (``S2``: second half)
``2022Q3``    third quarter
``2022M01``   January (``M01`` … ``M12``)
``2022Q1-Q3`` the nine months January-September
============= ==================================

``str(period)`` gives the identifier back; :meth:`ReportingPeriod.parse` reads it.
:meth:`ReportingPeriod.label` names a period as documents do ("Quý I/2022",
"6 tháng đầu năm 2022", "Q1 2022"); :func:`parplan.text.parse_period_label`
reads such names back, with or without diacritics.

The state reporting regime (Decree 09/2019/NĐ-CP) does not count calendar
periods: a report's data run from the 15th of the month before the period to the
14th of the period's last month (:attr:`ReportingPeriod.data_window`), and the
report is due by the 20th of that month (:attr:`ReportingPeriod.due`). Both
rules are values, :class:`CutoffRule` and :data:`DuePolicy`, so that an issuer
can state its own: an earlier cut-off with an estimated tail ("ước đạt"), a
deadline N working days after the cut-off.
"""

from __future__ import annotations

import calendar as _calendar
import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

from parplan._values import EN_MONTHS, FIRST_PERIOD_YEAR, LAST_YEAR, field_name, typed_fields
from parplan.calendar import official_calendar
from parplan.errors import InvariantError
from parplan.locale import check_locale

if TYPE_CHECKING:
    from parplan.calendar import WorkCalendar

__all__ = [
    "CALENDAR_CUTOFF",
    "STANDARD_CUTOFF",
    "STANDARD_DUE",
    "CutoffRule",
    "DataWindow",
    "DateRange",
    "DueAfterCutoff",
    "DueOnDay",
    "DuePolicy",
    "PeriodKind",
    "ReportingPeriod",
]


def _as_date(day: object) -> date | None:
    if isinstance(day, datetime):  # a moment is in a range when its calendar day is
        return day.date()
    return day if isinstance(day, date) else None


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


_PERIOD_YEARS = f"a year between {FIRST_PERIOD_YEAR} and {LAST_YEAR}"


def _check_year(instance: ReportingPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    if not FIRST_PERIOD_YEAR <= value <= LAST_YEAR:
        raise InvariantError(field_name(instance, attribute), value, f"must be {_PERIOD_YEARS}")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DateRange:
    """The days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise InvariantError(
                "DateRange.start", self.start.isoformat(), f"must not be after the end {self.end.isoformat()}"
            )

    def __contains__(self, day: object) -> bool:
        found = _as_date(day)
        return found is not None and self.start <= found <= self.end

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def days(self) -> int:
        """How many days the range holds."""
        return (self.end - self.start).days + 1

    def dates(self) -> Iterator[date]:
        """Every day of the range, in order."""
        day = self.start
        step = timedelta(days=1)
        while day <= self.end:
            yield day
            day += step

    def overlaps(self, other: DateRange | DataWindow) -> bool:
        """True when the two ranges share a day."""
        return self.start <= other.end and other.start <= self.end


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DataWindow:
    """The days a report covers: actual data up to the cut-off, then an estimated tail when declared.

    ``start`` and ``end`` bound the whole window. When ``estimate_from`` is set,
    the data from that day to ``end`` are estimated ("ước đạt"): the
    annual report of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) counts actual
    data 15/12/2021-30/11/2022 and estimates
    01/12-14/12/2022.
    """

    start: date
    end: date
    estimate_from: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise InvariantError(
                "DataWindow.start", self.start.isoformat(), f"must not be after the end {self.end.isoformat()}"
            )
        tail = self.estimate_from
        if tail is not None and not self.start < tail <= self.end:
            raise InvariantError(
                "DataWindow.estimate_from",
                tail.isoformat(),
                f"must fall after the start {self.start.isoformat()} and not after the end {self.end.isoformat()}",
            )

    def __contains__(self, day: object) -> bool:
        found = _as_date(day)
        return found is not None and self.start <= found <= self.end

    def __str__(self) -> str:
        whole = f"{self.start.isoformat()}/{self.end.isoformat()}"
        if self.estimate_from is None:
            return whole
        return f"{whole} (estimated from {self.estimate_from.isoformat()})"

    @property
    def cutoff(self) -> date:
        """The data cut-off: the last day of actual data (``end`` when there is no estimated tail)."""
        return self.end if self.estimate_from is None else self.estimate_from - timedelta(days=1)

    @property
    def actual(self) -> DateRange:
        """The days of actual data."""
        return DateRange(start=self.start, end=self.cutoff)

    @property
    def estimated(self) -> DateRange | None:
        """The estimated tail, or None."""
        return None if self.estimate_from is None else DateRange(start=self.estimate_from, end=self.end)

    @property
    def range(self) -> DateRange:
        """The whole window as a :class:`DateRange`."""
        return DateRange(start=self.start, end=self.end)

    @property
    def days(self) -> int:
        """How many days the whole window holds."""
        return (self.end - self.start).days + 1


def _check_cutoff_day(instance: object, attribute: Any, value: int | None) -> None:
    if value is not None and not 1 <= value <= 28:
        raise InvariantError(
            field_name(instance, attribute), value, "must be a day between 1 and 28 (every month has it), or None"
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CutoffRule:
    """How a period's data window is cut: the 15th-to-14th rule by default.

    A window ends on day ``cutoff_day`` of the period's last month and starts
    the day after the same day of the month before the period: Q1 2022 runs
    15/12/2021-14/03/2022, the first half 15/12/2021-14/06/2022 and the year
    15/12/2021-14/12/2022. ``cutoff_day=None`` cuts at month ends, giving the
    calendar period (:data:`CALENDAR_CUTOFF`).

    ``estimate_from_day`` declares an estimated tail: the data from that day of
    the last month to the window's end are estimated ("ước đạt"), so the
    actual data stop the day before. ``CutoffRule(estimate_from_day=1)`` is
    the annual rule of xã Sơn Châu 2022: actual data to 30/11, estimated 01/12-14/12.
    """

    cutoff_day: int | None = attrs.field(default=14, validator=_check_cutoff_day)
    estimate_from_day: int | None = attrs.field(default=None, validator=_check_cutoff_day)

    def __attrs_post_init__(self) -> None:
        tail = self.estimate_from_day
        if tail is not None and self.cutoff_day is not None and tail > self.cutoff_day:
            raise InvariantError(
                "CutoffRule.estimate_from_day", tail, f"must not be after the cut-off day {self.cutoff_day}"
            )

    def window(self, period: ReportingPeriod) -> DataWindow:
        """The data window of ``period`` under this rule."""
        year, first, last = period.year, period.first_month, period.last_month
        cut = self.cutoff_day
        if cut is None:
            start, end = period.start, period.end
        else:
            end = date(year, last, cut)
            before = date(year - 1, 12, cut) if first == 1 else date(year, first - 1, cut)
            start = before + timedelta(days=1)
        estimate_from = None
        if self.estimate_from_day is not None:
            estimate_from = date(year, last, self.estimate_from_day)
            if estimate_from <= start:
                raise InvariantError(
                    "CutoffRule.estimate_from_day",
                    self.estimate_from_day,
                    f"leaves no actual data in the window of {period} starting {start.isoformat()}",
                )
        return DataWindow(start=start, end=end, estimate_from=estimate_from)


STANDARD_CUTOFF: Final = CutoffRule()
"""The 15th-to-14th rule of the state reporting regime."""
CALENDAR_CUTOFF: Final = CutoffRule(cutoff_day=None)
"""Windows that are the calendar periods themselves."""


def _check_due_day(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 31:
        raise InvariantError(field_name(instance, attribute), value, "must be a day between 1 and 31")


def _check_working_days(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise InvariantError(field_name(instance, attribute), value, "must be at least 1")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DueOnDay:
    """Reports are due on a fixed day of the period's last month: the 20th by default.

    A ``day`` beyond the month's length means its last day. With a working-day
    ``calendar``, a deadline that falls on a day off (a weekend, a public
    holiday, a substitute or swapped day off) moves to the next working day, as
    the Civil Code 2015 (Art. 148) ends a time limit whose last day is a day off;
    a Saturday worked in exchange is a working day and keeps the deadline.
    Without a calendar the deadline is the day itself.
    """

    day: int = attrs.field(default=20, validator=_check_due_day)

    def due(self, period: ReportingPeriod, window: DataWindow, calendar: WorkCalendar | None = None) -> date:  # noqa: ARG002 - one signature for every policy
        """The deadline of ``period``: the day, or with ``calendar`` the first working day from it."""
        last = period.last_month
        day = date(period.year, last, min(self.day, _calendar.monthrange(period.year, last)[1]))
        if calendar is None:
            return day
        return calendar.roll_forward(day)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DueAfterCutoff:
    """Reports are due a number of working days after the data cut-off.

    "02 ngày làm việc kể từ ngày chốt số liệu": the cut-off day itself is not
    counted. Without a calendar, the official one (:func:`parplan.calendar.official_calendar`)
    counts the days. The deadline is always a working day of the calendar that
    counted, so it never needs moving; a cut-off on a day off is counted from
    all the same (the first working day after it is day 1).
    """

    working_days: int = attrs.field(validator=_check_working_days)

    def due(self, period: ReportingPeriod, window: DataWindow, calendar: WorkCalendar | None = None) -> date:  # noqa: ARG002 - one signature for every policy
        """The deadline of a report whose data window is ``window``."""
        counting = official_calendar() if calendar is None else calendar
        return counting.add_working_days(window.cutoff, self.working_days)


DuePolicy: TypeAlias = DueOnDay | DueAfterCutoff
"""When a report is due."""

STANDARD_DUE: Final = DueOnDay()
"""The 20th of the period's last month."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
        found = _as_date(day)
        return found is not None and self.start <= found <= self.end

    # -- the reporting regime --

    @property
    def data_window(self) -> DataWindow:
        """The data cut-off window by the 15th-to-14th rule: Q1 2022 is 15/12/2021-14/03/2022."""
        return STANDARD_CUTOFF.window(self)

    def window(self, rule: CutoffRule = STANDARD_CUTOFF) -> DataWindow:
        """The data window under ``rule`` (an issuer's own cut-off, an estimated tail)."""
        return rule.window(self)

    @property
    def due(self) -> date:
        """The submission deadline by default: the 20th of the period's last month."""
        return self.due_date()

    def due_date(
        self,
        policy: DuePolicy = STANDARD_DUE,
        *,
        cutoff: CutoffRule = STANDARD_CUTOFF,
        calendar: WorkCalendar | None = None,
    ) -> date:
        """The submission deadline under ``policy``, the window cut by ``cutoff``.

        ``calendar`` counts working days for :class:`DueAfterCutoff` (the
        official calendar when None) and moves a :class:`DueOnDay` deadline that
        falls on a day off to the next working day (none when None):
        ``ReportingPeriod.quarter(2026, 3).due_date(calendar=WorkCalendar())`` is
        Monday 21/09/2026, the 20th being a Sunday. A deadline before the data cut-off is
        refused: a report cannot be due before its data are closed, unless an
        estimated tail moves the cut-off earlier.
        """
        window = cutoff.window(self)
        day = policy.due(self, window, calendar)
        if day < window.cutoff:
            raise InvariantError(
                "ReportingPeriod.due",
                day.isoformat(),
                f"falls before the data cut-off {window.cutoff.isoformat()} of {self}; "
                "declare an estimated tail or choose a later day",
            )
        return day

    # -- labels --

    def label(self, locale: str) -> str:
        """The period as documents name it, in ``locale`` ("vi" or "en").

        >>> ReportingPeriod.parse("2022Q1").label("vi")
        'Quý I/2022'
        >>> ReportingPeriod.parse("2022S1").label("en")
        'First half of 2022'
        """
        locale = check_locale(locale)
        kind, year, index = self.kind, self.year, self.index
        if locale == "vi":
            if kind is PeriodKind.YEAR:
                return f"Năm {year}"
            if kind is PeriodKind.HALF:
                return f"6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"
            if kind is PeriodKind.QUARTER:
                return f"Quý {_ROMAN[index - 1]}/{year}"
            if kind is PeriodKind.MONTH:
                return f"Tháng {index:02d}/{year}"
            return f"9 tháng năm {year}"
        if kind is PeriodKind.YEAR:
            return f"Year {year}"
        if kind is PeriodKind.HALF:
            return f"{'First' if index == 1 else 'Second'} half of {year}"
        if kind is PeriodKind.QUARTER:
            return f"Q{index} {year}"
        if kind is PeriodKind.MONTH:
            return f"{EN_MONTHS[index - 1]} {year}"
        return f"Nine months of {year}"

    @classmethod
    def parse_label(cls, text: str, *, locale: str) -> ReportingPeriod:
        """Deprecated: use :func:`parplan.text.parse_period_label`, which reads the same labels.

        The model writes labels (:meth:`label`); reading them is the text layer's
        work. This wrapper will be removed in 0.3.
        """
        warnings.warn(
            "ReportingPeriod.parse_label moved to parplan.text.parse_period_label; it will be removed in 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        from parplan.text.periods import parse_period_label  # the text layer reads; the model does not import it

        return parse_period_label(text, locale=locale)


_ROMAN = ("I", "II", "III", "IV")
