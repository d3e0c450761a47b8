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

import calendar as _month_calendar
from abc import ABC, abstractmethod
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeAlias

import attrs

from parplan._values import (
    LAST_YEAR as LAST_DOCUMENT_YEAR,
)
from parplan._values import (
    field_name,
    nfc,
    nfc_or_none,
    non_empty,
    non_empty_or_none,
    ordered_dates,
    positive_int,
    positive_int_or_none,
    to_tuple,
    typed_fields,
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
    "Part",
    "PartOf",
    "PerSchedule",
    "Recurring",
    "SchoolTerm",
    "SimpleTimeframe",
    "Since",
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


def _periods(values: Iterable[ReportingPeriod]) -> tuple[ReportingPeriod, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Within(_Deadline):
    """Within calendar periods: "Tháng 01/2022", "Quý I/2021", "Trong năm 2021", "Quý I, II, III/2022".

    One or more calendar periods; several periods ("Quý I, II, III/2022") mean
    the work happens in each of them.
    """

    periods: tuple[ReportingPeriod, ...] = attrs.field(converter=_periods, validator=_check_periods)
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """Start of the first period."""
        return min(p.start for p in self.periods)

    @property
    def latest(self) -> date | None:
        """End of the last period."""
        return max(p.end for p in self.periods)


class Part(StrEnum):
    """A part of a period: "đầu năm", "cuối quý", "tuần đầu tháng", "10 ngày đầu tháng".

    The thirds follow Vietnamese usage for a month (thượng tuần 1-10, trung
    tuần 11-20, hạ tuần 21 to the end) and split a quarter by its months and a
    year into January-April, May-August and September-December.
    """

    START = "start"
    """Đầu, thượng tuần: the first third."""
    MIDDLE = "middle"
    """Giữa, trung tuần: the middle third."""
    END = "end"
    """Cuối, hạ tuần: the last third."""
    FIRST_HALF = "first_half"
    """Nửa đầu: the first half (of a month: days 1-15)."""
    SECOND_HALF = "second_half"
    """Nửa cuối: the second half."""
    WEEK = "week"
    """Tuần thứ n (``number``): days 7n-6 to 7n of a month."""
    LAST_WEEK = "last_week"
    """Tuần cuối: the last seven days."""
    FIRST_DAYS = "first_days"
    """``number`` ngày đầu: the first days."""
    LAST_DAYS = "last_days"
    """``number`` ngày cuối: the last days."""


_NUMBERED_PARTS = frozenset({Part.WEEK, Part.FIRST_DAYS, Part.LAST_DAYS})


def _month_end(year: int, month: int) -> date:
    return date(year, month, _month_calendar.monthrange(year, month)[1])


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PartOf(_Deadline):
    """A part of a calendar period: "Cuối năm 2024", "Tuần đầu tháng 3/2024", "10 ngày đầu tháng 7/2025".

    ``number`` is the week (1-5) of :attr:`Part.WEEK` or the count of days of
    :attr:`Part.FIRST_DAYS` and :attr:`Part.LAST_DAYS`. Weeks and days are
    parts of a month; thirds and halves are parts of any period.
    """

    period: ReportingPeriod
    part: Part
    number: int | None = attrs.field(default=None, validator=positive_int_or_none)
    text: str | None = _text_field()

    def __attrs_post_init__(self) -> None:
        part, number, period = self.part, self.number, self.period
        if part in _NUMBERED_PARTS:
            if number is None:
                raise InvariantError("PartOf.number", None, f"is required for the part {part.value!r}")
        elif number is not None:
            raise InvariantError("PartOf.number", number, f"must be absent for the part {part.value!r}")
        if part in _NUMBERED_PARTS or part is Part.LAST_WEEK:
            if period.first_month != period.last_month:
                raise InvariantError("PartOf.part", part.value, "weeks and days are parts of a month")
            if part is Part.WEEK and number is not None and number > 5:
                raise InvariantError("PartOf.number", number, "must be a week of the month, 1 to 5")
            days = period.end.day
            if number is not None and number > days:
                raise InvariantError("PartOf.number", number, f"must not exceed the {days} days of the month")

    @property
    def range(self) -> tuple[date, date]:
        """The first and last days of the part."""
        period, part, number = self.period, self.part, self.number or 1
        start, end = period.start, period.end
        if part in (Part.START, Part.MIDDLE, Part.END):
            third = (Part.START, Part.MIDDLE, Part.END).index(part)
            months = period.last_month - period.first_month + 1
            if months == 1:
                bounds = ((1, 10), (11, 20), (21, end.day))[third]
                return date(start.year, start.month, bounds[0]), date(start.year, start.month, bounds[1])
            size = months // 3  # every period of several months holds 3, 6, 9 or 12 of them
            first = period.first_month + third * size
            last = first + size - 1
            return date(start.year, first, 1), _month_end(start.year, last)
        if part in (Part.FIRST_HALF, Part.SECOND_HALF):
            middle = start + timedelta(days=(end - start).days // 2)
            return (start, middle) if part is Part.FIRST_HALF else (middle + timedelta(days=1), end)
        if part is Part.WEEK:
            first_day = 7 * number - 6
            return date(start.year, start.month, first_day), date(start.year, start.month, min(7 * number, end.day))
        if part is Part.LAST_WEEK:
            return end - timedelta(days=6), end
        if part is Part.FIRST_DAYS:
            return start, start + timedelta(days=number - 1)
        return end - timedelta(days=number - 1), end

    @property
    def earliest(self) -> date | None:
        """The first day of the part."""
        return self.range[0]

    @property
    def latest(self) -> date | None:
        """The last day of the part."""
        return self.range[1]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Since(_Deadline):
    """From a day on, with no end: "Từ ngày 01/7/2025", "kể từ ngày ký"."""

    day: date
    text: str | None = _text_field()

    @property
    def earliest(self) -> date | None:
        """The day."""
        return self.day

    @property
    def latest(self) -> date | None:
        """Open."""
        return None


class SpanKind(StrEnum):
    """What a span of years is called."""

    PERIOD = "period"
    """Giai đoạn: a programme period such as 2021-2030."""
    TERM = "term"
    """Nhiệm kỳ: the term of an elected body such as 2021-2026."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


def _frequencies(values: Iterable[Frequency]) -> tuple[Frequency, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Recurring(_Deadline):
    """Recurring work: "Thường xuyên trong năm 2022", "hàng quý", "định kỳ hàng quý, 6 tháng và năm".

    ``within`` bounds the recurrence when the text does ("trong năm 2022").
    """

    frequencies: tuple[Frequency, ...] = attrs.field(converter=_frequencies, validator=_check_frequencies)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


_SCHOOL_PARTS = frozenset({Part.START, Part.MIDDLE, Part.END})


def _check_term(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value not in (1, 2):
        raise InvariantError(field_name(instance, attribute), value, "must be 1 or 2 (học kỳ I or II), or absent")


def _check_school_part(instance: object, attribute: attrs.Attribute[Part | None], value: Part | None) -> None:
    if value is not None and value not in _SCHOOL_PARTS:
        allowed = ", ".join(sorted(part.value for part in _SCHOOL_PARTS))
        raise InvariantError(field_name(instance, attribute), value.value, f"must be one of {allowed}, or absent")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SchoolTerm(_Deadline):
    """A school year or one of its two terms: "Năm học 2025-2026", "Học kỳ II năm học 2025-2026", "Cuối học kỳ I".

    Schools and education offices plan by the school year, not the calendar year.
    ``school_year`` is the year the school year opens (2025 for "năm học
    2025-2026"); ``term`` is 1 or 2 (học kỳ I, II), or absent for the whole
    year; ``part`` is its start, middle or end ("đầu năm học", "cuối học kỳ I").

    Each year's dates are set by the education authorities, so ``earliest``
    and ``latest`` are outer bounds, wide enough for any year's calendar: a
    school year runs within 1 August to 31 July, its first term ends by
    31 January and its second starts on 1 January at the soonest. A part
    narrows nothing: the start of a term has the term's bounds.

    >>> from parplan import SchoolTerm
    >>> term = SchoolTerm(school_year=2025, term=2)
    >>> term.earliest, term.latest
    (datetime.date(2026, 1, 1), datetime.date(2026, 7, 31))
    """

    school_year: int = attrs.field(validator=year_range)
    term: int | None = attrs.field(default=None, validator=_check_term)
    part: Part | None = attrs.field(default=None, validator=_check_school_part)
    text: str | None = _text_field()

    def __attrs_post_init__(self) -> None:
        if self.school_year + 1 > LAST_DOCUMENT_YEAR:
            raise InvariantError("SchoolTerm.school_year", self.school_year, f"must end by {LAST_DOCUMENT_YEAR}")

    @property
    def earliest(self) -> date | None:
        """1 August of the opening year; 1 January of the closing year for the second term."""
        if self.term == 2:
            return date(self.school_year + 1, 1, 1)
        return date(self.school_year, 8, 1)

    @property
    def latest(self) -> date | None:
        """31 January of the closing year for the first term, else 31 July of the closing year."""
        if self.term == 1:
            return date(self.school_year + 1, 1, 31)
        return date(self.school_year + 1, 7, 31)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
    Before
    | OnDate
    | Between
    | Within
    | PartOf
    | Since
    | Span
    | OpenEnded
    | Recurring
    | OnEvent
    | PerSchedule
    | SchoolTerm
    | WithinWorkingDays
)
"""A timeframe that is not compound."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Step:
    """One action of a compound cell and its timeframe: "Ban hành Kế hoạch" + "trong tháng 01/2021"."""

    action: str | None = _text_field()
    timeframe: SimpleTimeframe


def _check_steps(instance: object, attribute: attrs.Attribute[tuple[Step, ...]], value: tuple[Step, ...]) -> None:
    if not value:
        raise InvariantError(field_name(instance, attribute), (), "must hold at least one step")


def _steps(values: Iterable[Step]) -> tuple[Step, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Compound(_Deadline):
    """A cell with several action-timeframe pairs.

    "- Ban hành Kế hoạch trong tháng 01/2021. - Báo cáo kết quả thực hiện Kế
    hoạch trong quý IV năm 2021." The earliest day is the first step's earliest;
    the latest day is the last step's latest, unknown when any step is open.
    """

    steps: tuple[Step, ...] = attrs.field(converter=_steps, validator=_check_steps)
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
