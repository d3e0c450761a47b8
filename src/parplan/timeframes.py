"""Timeframes: the typed, fuzzy deadlines real plans use.

"Trước ngày 31/12/2020", "Quý I/2022", "Trong năm", "giai đoạn 2021 - 2025",
"Thường xuyên", "Khi có hướng dẫn của cấp trên", "Theo kế hoạch của huyện",
and cells with several actions each with its own time. Every kind exposes
``earliest`` and ``latest`` (dates, ``None`` when open or unknown) and
``is_overdue(as_of)``; given a working-day calendar, ``is_overdue(as_of,
calendar=...)`` lets a deadline that falls on a day off run to the next
working day. ``text`` keeps the phrase as written.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from enum import StrEnum
from typing import Any, TypeAlias

import attrs

from parplan._values import (
    field_name,
    nfc,
    nfc_or_none,
    non_empty,
    non_empty_or_none,
    ordered_dates,
    positive_int,
    to_tuple,
    year_range,
)
from parplan.calendar import FIRST_YEAR, LAST_YEAR, WorkCalendar, official_calendar
from parplan.errors import InvariantError
from parplan.periods import ReportingPeriod

__all__ = [
    "Before",
    "Between",
    "Compound",
    "Frequency",
    "OnDate",
    "OnEvent",
    "OpenEnded",
    "PerSchedule",
    "Recurring",
    "SimpleTimeframe",
    "Span",
    "SpanKind",
    "Step",
    "Timeframe",
    "Within",
    "WithinWorkingDays",
]


def _text_field() -> Any:
    return attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)


class _Deadline(ABC):
    """Behaviour shared by every timeframe kind."""

    __slots__ = ()

    @property
    @abstractmethod
    def earliest(self) -> date | None:
        """The first day work may fall in, or None when open or unknown."""

    @property
    @abstractmethod
    def latest(self) -> date | None:
        """The last day work may fall in, or None when open or unknown."""

    def is_overdue(self, as_of: date, *, calendar: WorkCalendar | None = None) -> bool:
        """True when ``as_of`` is after the latest day; False when there is no latest day.

        With a ``calendar``, a latest day that is a day off moves to the next
        working day, as the Civil Code ends a time limit.
        """
        latest = self.latest
        if latest is None:
            return False
        if calendar is not None:
            latest = calendar.roll_forward(latest)
        return as_of > latest


@attrs.frozen(kw_only=True)
class Before(_Deadline):
    """Done by a date, the date itself included: "Trước ngày 31/12/2020"."""

    day: date
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """Open: work may start any time."""
        return None

    @property
    def latest(self) -> date | None:
        """The day."""
        return self.day


@attrs.frozen(kw_only=True)
class OnDate(_Deadline):
    """On one day: "Ngày 15/3/2022"."""

    day: date
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """The day."""
        return self.day

    @property
    def latest(self) -> date | None:
        """The day."""
        return self.day


@attrs.frozen(kw_only=True)
class Between(_Deadline):
    """Between two dates, both included: "Từ ngày 15/12/2021 đến ngày 14/3/2022"."""

    start: date
    end: date
    text: str | None = _text_field()

    def __attrs_post_init__(self) -> None:
        ordered_dates("Between", self.start, self.end)

    @property
    def earliest(self) -> date | None:
        """The start."""
        return self.start

    @property
    def latest(self) -> date | None:
        """The end."""
        return self.end


def _check_periods(
    instance: object, attribute: attrs.Attribute[tuple[ReportingPeriod, ...]], value: tuple[ReportingPeriod, ...]
) -> None:
    if not value:
        raise InvariantError(field_name(instance, attribute), (), "must name at least one period")
    if len(value) == 1:  # the commonest case, which cannot repeat
        return
    if all(type(p) is ReportingPeriod for p in value) and len(set(value)) == len(value):
        return  # distinct periods have distinct identifiers
    ids = [str(p) for p in value]
    if len(set(ids)) != len(ids):
        raise InvariantError(field_name(instance, attribute), ids, "must not repeat a period")


@attrs.frozen(kw_only=True)
class Within(_Deadline):
    """Within calendar periods: "Tháng 01/2022", "Quý I/2021", "Trong năm 2021", "Quý I, II, III/2022".

    One or more calendar periods; several periods ("Quý I, II, III/2022") mean
    the work happens in each of them.
    """

    periods: tuple[ReportingPeriod, ...] = attrs.field(converter=to_tuple, validator=_check_periods)
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """Start of the first period."""
        return min(p.start for p in self.periods)

    @property
    def latest(self) -> date | None:
        """End of the last period."""
        return max(p.end for p in self.periods)


class SpanKind(StrEnum):
    """What a span of years is called."""

    PERIOD = "period"
    """Giai đoạn: a programme period such as 2021-2030."""
    TERM = "term"
    """Nhiệm kỳ: the term of an elected body such as 2021-2026."""


@attrs.frozen(kw_only=True)
class Span(_Deadline):
    """A span of whole years: "giai đoạn 2021 - 2025", "nhiệm kỳ 2021 - 2026"."""

    start_year: int = attrs.field(validator=year_range)
    end_year: int = attrs.field(validator=year_range)
    span_kind: SpanKind = SpanKind.PERIOD
    text: str | None = _text_field()

    def __attrs_post_init__(self) -> None:
        if self.start_year > self.end_year:
            raise InvariantError("Span.end_year", self.end_year, f"must not be before the start year {self.start_year}")

    @property
    def earliest(self) -> date | None:
        """1 January of the first year."""
        return date(self.start_year, 1, 1)

    @property
    def latest(self) -> date | None:
        """31 December of the last year."""
        return date(self.end_year, 12, 31)

    @property
    def years(self) -> range:
        """The years of the span."""
        return range(self.start_year, self.end_year + 1)


@attrs.frozen(kw_only=True)
class OpenEnded(_Deadline):
    """From a year on, with no end: "năm 2021 và những năm tiếp theo", "qua các năm tiếp theo"."""

    from_year: int = attrs.field(validator=year_range)
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """1 January of the first year."""
        return date(self.from_year, 1, 1)

    @property
    def latest(self) -> date | None:
        """Open."""
        return None


class Frequency(StrEnum):
    """How often recurring work happens."""

    CONTINUOUS = "continuous"
    """Thường xuyên."""
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    AD_HOC = "ad_hoc"
    """Đột xuất: whenever asked."""


def _check_frequencies(
    instance: object, attribute: attrs.Attribute[tuple[Frequency, ...]], value: tuple[Frequency, ...]
) -> None:
    if not value:
        raise InvariantError(field_name(instance, attribute), (), "must name at least one frequency")
    if len(set(value)) != len(value):
        raise InvariantError(field_name(instance, attribute), [f.value for f in value], "must not repeat a frequency")


@attrs.frozen(kw_only=True)
class Recurring(_Deadline):
    """Recurring work: "Thường xuyên trong năm 2022", "hàng quý", "định kỳ hàng quý, 6 tháng và năm".

    ``within`` bounds the recurrence when the text does ("trong năm 2022").
    """

    frequencies: tuple[Frequency, ...] = attrs.field(converter=to_tuple, validator=_check_frequencies)
    within: ReportingPeriod | None = None
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """Start of ``within``, else open."""
        return None if self.within is None else self.within.start

    @property
    def latest(self) -> date | None:
        """End of ``within``, else open."""
        return None if self.within is None else self.within.end


@attrs.frozen(kw_only=True)
class OnEvent(_Deadline):
    """When an event happens: "Khi có hướng dẫn, chỉ đạo của cấp trên", "Sau khi có văn bản của cấp trên".

    No date can be known until the event happens.
    """

    event: str = attrs.field(converter=nfc, validator=non_empty)
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """Unknown."""
        return None

    @property
    def latest(self) -> date | None:
        """Unknown."""
        return None


@attrs.frozen(kw_only=True)
class PerSchedule(_Deadline):
    """Set by another schedule: "Theo kế hoạch của cấp trên", "Trong năm (theo VB của huyện)".

    ``schedule`` names the other schedule; ``within`` bounds it when the text does.
    """

    schedule: str = attrs.field(converter=nfc, validator=non_empty)
    within: ReportingPeriod | None = None
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """Start of ``within``, else unknown."""
        return None if self.within is None else self.within.start

    @property
    def latest(self) -> date | None:
        """End of ``within``, else unknown."""
        return None if self.within is None else self.within.end


@attrs.frozen(kw_only=True)
class WithinWorkingDays(_Deadline):
    """Within a number of working days after a day or after a report's data cut-off.

    "trong 02 ngày làm việc kể từ ngày chốt số liệu": ``days=2`` and
    ``cutoff_of`` the period reported on (its 15th-to-14th cut-off), or
    ``after`` a given day. Days are counted as the Civil Code counts them: the
    starting day is not counted. ``latest`` counts with the official calendar;
    :meth:`latest_on` and :meth:`is_overdue` accept another one.
    """

    days: int = attrs.field(validator=positive_int)
    after: date | None = None
    cutoff_of: ReportingPeriod | None = None
    text: str | None = _text_field()

    def __attrs_post_init__(self) -> None:
        if self.after is not None and self.cutoff_of is not None:
            raise InvariantError(
                "WithinWorkingDays.after", self.after.isoformat(), "must be absent when 'cutoff_of' is given"
            )
        start = self.counted_from
        if not FIRST_YEAR <= start.year < LAST_YEAR:
            raise InvariantError(
                "WithinWorkingDays.after" if self.after is not None else "WithinWorkingDays.cutoff_of",
                start.isoformat(),
                f"must fall between {FIRST_YEAR} and {LAST_YEAR - 1}, the years the working-day calendar covers",
            )
        try:
            self.latest_on()
        except InvariantError:
            raise InvariantError(
                "WithinWorkingDays.days",
                self.days,
                f"runs past {LAST_YEAR}, the last year the working-day calendar covers",
            ) from None

    @property
    def counted_from(self) -> date:
        """The day counting starts after: ``after``, or the data cut-off of ``cutoff_of``."""
        if self.cutoff_of is not None:
            return self.cutoff_of.data_window.cutoff
        if self.after is not None:
            return self.after
        raise InvariantError("WithinWorkingDays.after", None, "exactly one of 'after' and 'cutoff_of' must be given")

    @property
    def earliest(self) -> date | None:
        """The day after counting starts."""
        return date.fromordinal(self.counted_from.toordinal() + 1)

    @property
    def latest(self) -> date | None:
        """The last working day allowed, by the official calendar."""
        return self.latest_on()

    def latest_on(self, calendar: WorkCalendar | None = None) -> date:
        """The last working day allowed, counted with ``calendar`` (the official one when None)."""
        counting = official_calendar() if calendar is None else calendar
        return counting.add_working_days(self.counted_from, self.days)

    def is_overdue(self, as_of: date, *, calendar: WorkCalendar | None = None) -> bool:
        """True when ``as_of`` is after the last working day allowed, counted with ``calendar``."""
        return as_of > self.latest_on(calendar)


SimpleTimeframe: TypeAlias = (
    Before | OnDate | Between | Within | Span | OpenEnded | Recurring | OnEvent | PerSchedule | WithinWorkingDays
)
"""A timeframe that is not compound."""


@attrs.frozen(kw_only=True)
class Step:
    """One action of a compound cell and its timeframe: "Ban hành Kế hoạch" + "trong tháng 01/2021"."""

    action: str | None = _text_field()
    timeframe: SimpleTimeframe


def _check_steps(instance: object, attribute: attrs.Attribute[tuple[Step, ...]], value: tuple[Step, ...]) -> None:
    if not value:
        raise InvariantError(field_name(instance, attribute), (), "must hold at least one step")


@attrs.frozen(kw_only=True)
class Compound(_Deadline):
    """A cell with several action-timeframe pairs.

    "- Ban hành Kế hoạch trong tháng 01/2021. - Báo cáo kết quả thực hiện Kế
    hoạch trong quý IV năm 2021." The earliest day is the first step's earliest;
    the latest day is the last step's latest, unknown when any step is open.
    """

    steps: tuple[Step, ...] = attrs.field(converter=to_tuple, validator=_check_steps)
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """The earliest known day over the steps."""
        days = [d for d in (step.timeframe.earliest for step in self.steps) if d is not None]
        return min(days) if days else None

    @property
    def latest(self) -> date | None:
        """The latest day over the steps, None when any step has no latest day."""
        days = [step.timeframe.latest for step in self.steps]
        if any(d is None for d in days):
            return None
        return max(d for d in days if d is not None)

    def overdue_steps(self, as_of: date, *, calendar: WorkCalendar | None = None) -> tuple[Step, ...]:
        """The steps whose own deadline has passed on ``as_of`` (``calendar`` as in :meth:`is_overdue`)."""
        return tuple(step for step in self.steps if step.timeframe.is_overdue(as_of, calendar=calendar))


Timeframe: TypeAlias = SimpleTimeframe | Compound
"""Any timeframe a plan can state."""
