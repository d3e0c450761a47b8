"""Reporting schedules: which reports a year has, their data windows and deadlines, and how a plan differs.

Public-administration-reform reports go to the Ministry of Home Affairs four
times a year (Công văn 581/BNV-CCHC): the first quarter, the first six months,
the third quarter and the year, each due by the 20th of its last month with the
data cut by the 15th-to-14th rule. :meth:`ReportingSchedule.for_year` builds
that set; an issuer's own rules (an early cut-off with an estimated tail, a
deadline in working days) are passed per kind of period.

:meth:`ReportingSchedule.compare` sets the reporting lines a plan declares
(anything shaped like :class:`parplan.plan.ReportingLine`) against a schedule
and returns the differences as plain data: a window that starts after it ends,
a date that differs from the regime's (or differs only by its year), a deadline
before the data cut-off, a report missing or not asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

import attrs

from parplan._values import field_name, to_tuple, typed_fields
from parplan.errors import InvariantError
from parplan.periods import (
    STANDARD_CUTOFF,
    STANDARD_DUE,
    CutoffRule,
    DataWindow,
    DuePolicy,
    PeriodKind,
    ReportingPeriod,
)

if TYPE_CHECKING:
    from parplan.calendar import WorkCalendar

__all__ = [
    "LINE_FIELDS",
    "DeclaredReport",
    "DifferenceKind",
    "ReportingSchedule",
    "ScheduleDifference",
    "ScheduledReport",
    "line_defects",
    "par_periods",
]

LINE_FIELDS: Final = ("data_from", "data_to", "estimate_from", "estimate_to", "due")
"""The dates a reporting line states, in the order differences are reported."""


class DeclaredReport(Protocol):
    """A report as a plan declares it: :class:`parplan.plan.ReportingLine` has this shape."""

    @property
    def period(self) -> ReportingPeriod:
        """The period reported on."""
        ...  # pragma: no cover

    @property
    def data_from(self) -> date | None:
        """First day of actual data."""
        ...  # pragma: no cover

    @property
    def data_to(self) -> date | None:
        """Last day of actual data (the cut-off)."""
        ...  # pragma: no cover

    @property
    def estimate_from(self) -> date | None:
        """First day of estimated data, when an estimated tail is declared."""
        ...  # pragma: no cover

    @property
    def estimate_to(self) -> date | None:
        """Last day of estimated data."""
        ...  # pragma: no cover

    @property
    def due(self) -> date | None:
        """The submission deadline."""
        ...  # pragma: no cover


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScheduledReport:
    """One report of a schedule: the period, its data window and its deadline.

    Its ``data_from`` … ``due`` properties have the names of a plan's
    reporting line, so the two compare field by field.
    """

    period: ReportingPeriod
    window: DataWindow
    due: date

    def __attrs_post_init__(self) -> None:
        if self.due < self.window.cutoff:
            raise InvariantError(
                "ScheduledReport.due",
                self.due.isoformat(),
                f"must not fall before the data cut-off {self.window.cutoff.isoformat()} of {self.period}",
            )

    @classmethod
    def build(
        cls,
        period: ReportingPeriod,
        *,
        cutoff: CutoffRule = STANDARD_CUTOFF,
        due: DuePolicy = STANDARD_DUE,
        calendar: WorkCalendar | None = None,
    ) -> ScheduledReport:
        """The report of ``period`` under the given cut-off rule and due policy."""
        return cls(
            period=period, window=cutoff.window(period), due=period.due_date(due, cutoff=cutoff, calendar=calendar)
        )

    @property
    def data_from(self) -> date:
        """First day of actual data."""
        return self.window.start

    @property
    def data_to(self) -> date:
        """Last day of actual data."""
        return self.window.cutoff

    @property
    def estimate_from(self) -> date | None:
        """First day of the estimated tail, or None."""
        return self.window.estimate_from

    @property
    def estimate_to(self) -> date | None:
        """Last day of the estimated tail, or None."""
        return None if self.window.estimate_from is None else self.window.end


class DifferenceKind(StrEnum):
    """What is wrong with, or different in, a declared report."""

    START_AFTER_END = "start_after_end"
    """A window (actual or estimated) starts after it ends."""
    TAIL_NOT_ADJACENT = "tail_not_adjacent"
    """The estimated tail does not start the day after the actual data end."""
    DUE_BEFORE_CUTOFF = "due_before_cutoff"
    """The deadline falls before the data cut-off."""
    WRONG_YEAR = "wrong_year"
    """A date differs from the schedule's only by its year."""
    DIFFERENT = "different"
    """A date differs from the schedule's (or is stated where the schedule has none)."""
    MISSING = "missing"
    """The schedule has a report the plan does not declare."""
    UNEXPECTED = "unexpected"
    """The plan declares a report the schedule does not have."""
    DUPLICATE = "duplicate"
    """The plan declares the same period twice."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScheduleDifference:
    """One difference between a declared report and a schedule.

    ``field`` names the date concerned (one of :data:`LINE_FIELDS`) or is None
    for a whole report; ``index`` is the position of the declared line, None
    for a missing report. ``declared`` is the date the line states; ``expected``
    is the schedule's date, or, for a defect of the line on its own
    (``START_AFTER_END``, ``TAIL_NOT_ADJACENT``, ``DUE_BEFORE_CUTOFF``), the
    bound the declared date broke.
    """

    kind: DifferenceKind
    period: ReportingPeriod
    field: str | None = None
    expected: date | None = None
    declared: date | None = None
    index: int | None = None

    def __str__(self) -> str:
        where = str(self.period) if self.field is None else f"{self.period} {self.field}"
        detail = ""
        if self.expected is not None or self.declared is not None:
            expected = "none" if self.expected is None else self.expected.isoformat()
            declared = "none" if self.declared is None else self.declared.isoformat()
            detail = f": declared {declared}, expected {expected}"
        return f"{where}: {self.kind.value}{detail}"


def _same_but_year(declared: date, expected: date) -> bool:
    return declared.year != expected.year and (declared.month, declared.day) == (expected.month, expected.day)


def line_defects(line: DeclaredReport, index: int | None = None) -> tuple[ScheduleDifference, ...]:
    """What is wrong with a declared report on its own, whatever the schedule.

    A window that starts after it ends, an estimated tail that does not follow
    the actual data, a deadline before the data cut-off.
    """
    found: list[ScheduleDifference] = []
    period = line.period
    pairs = (("data_from", line.data_from, line.data_to), ("estimate_from", line.estimate_from, line.estimate_to))
    for name, start, end in pairs:
        if start is not None and end is not None and start > end:
            found.append(
                ScheduleDifference(
                    kind=DifferenceKind.START_AFTER_END,
                    period=period,
                    field=name,
                    expected=end,
                    declared=start,
                    index=index,
                )
            )
    if line.data_to is not None and line.estimate_from is not None:
        follows = date.fromordinal(line.data_to.toordinal() + 1)
        if line.estimate_from != follows:
            found.append(
                ScheduleDifference(
                    kind=DifferenceKind.TAIL_NOT_ADJACENT,
                    period=period,
                    field="estimate_from",
                    expected=follows,
                    declared=line.estimate_from,
                    index=index,
                )
            )
    if line.due is not None and line.data_to is not None and line.due < line.data_to:
        found.append(
            ScheduleDifference(
                kind=DifferenceKind.DUE_BEFORE_CUTOFF,
                period=period,
                field="due",
                expected=line.data_to,
                declared=line.due,
                index=index,
            )
        )
    return tuple(found)


def par_periods(year: int) -> tuple[ReportingPeriod, ...]:
    """The periods of the PAR reporting set of ``year``: Q1, first half, Q3, year."""
    return (
        ReportingPeriod.quarter(year, 1),
        ReportingPeriod.half(year, 1),
        ReportingPeriod.quarter(year, 3),
        ReportingPeriod.year_of(year),
    )


_T = TypeVar("_T", CutoffRule, DuePolicy)


def _for_kind(value: _T | Mapping[PeriodKind, _T], kind: PeriodKind, default: _T) -> _T:
    if isinstance(value, Mapping):
        return value.get(kind, default)
    return value


def _check_reports(
    instance: object, attribute: attrs.Attribute[tuple[ScheduledReport, ...]], value: tuple[ScheduledReport, ...]
) -> None:
    ids = [str(report.period) for report in value]
    if len(set(ids)) != len(ids):
        raise InvariantError(field_name(instance, attribute), ids, "must not schedule a period twice")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportingSchedule:
    """The reports an issuer owes: each period with its data window and deadline.

    >>> schedule = ReportingSchedule.for_year(2022)
    >>> [str(report.period) for report in schedule]
    ['2022Q1', '2022S1', '2022Q3', '2022']
    >>> schedule["2022S1"].window
    DataWindow(start=datetime.date(2021, 12, 15), end=datetime.date(2022, 6, 14), estimate_from=None)
    """

    reports: tuple[ScheduledReport, ...] = attrs.field(converter=to_tuple, validator=_check_reports)

    @classmethod
    def of(
        cls,
        periods: Iterable[ReportingPeriod | str],
        *,
        cutoff: CutoffRule | Mapping[PeriodKind, CutoffRule] = STANDARD_CUTOFF,
        due: DuePolicy | Mapping[PeriodKind, DuePolicy] = STANDARD_DUE,
        calendar: WorkCalendar | None = None,
    ) -> ReportingSchedule:
        """A schedule of ``periods`` (periods or identifiers such as ``"2022Q1"``).

        ``cutoff`` and ``due`` are one rule for every report or a mapping from
        the kind of period to its rule (kinds left out follow the regime).
        ``calendar`` counts working days for due dates in working days.
        """
        reports = []
        for item in periods:
            period = ReportingPeriod.parse(item) if isinstance(item, str) else item
            reports.append(
                ScheduledReport.build(
                    period,
                    cutoff=_for_kind(cutoff, period.kind, STANDARD_CUTOFF),
                    due=_for_kind(due, period.kind, STANDARD_DUE),
                    calendar=calendar,
                )
            )
        return cls(reports=tuple(reports))

    @classmethod
    def for_year(
        cls,
        year: int,
        *,
        cutoff: CutoffRule | Mapping[PeriodKind, CutoffRule] = STANDARD_CUTOFF,
        due: DuePolicy | Mapping[PeriodKind, DuePolicy] = STANDARD_DUE,
        calendar: WorkCalendar | None = None,
    ) -> ReportingSchedule:
        """The PAR reporting set of ``year``: first quarter, six months, third quarter and year.

        The plan of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) cuts its annual
        data on 30/11 and estimates the rest,
        with the report due on 3 December::

            ReportingSchedule.for_year(
                2022,
                cutoff={PeriodKind.YEAR: CutoffRule(estimate_from_day=1)},
                due={PeriodKind.YEAR: DueOnDay(day=3)},
            )
        """
        return cls.of(par_periods(year), cutoff=cutoff, due=due, calendar=calendar)

    def __iter__(self) -> Iterator[ScheduledReport]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def __getitem__(self, period: ReportingPeriod | str) -> ScheduledReport:
        found = self.get(period)
        if found is None:
            scheduled = ", ".join(str(report.period) for report in self.reports)
            raise InvariantError("ReportingSchedule", str(period), f"is not scheduled; the schedule has {scheduled}")
        return found

    def get(self, period: ReportingPeriod | str) -> ScheduledReport | None:
        """The report of ``period``, or None when the schedule has none."""
        key = period if isinstance(period, ReportingPeriod) else ReportingPeriod.parse(period)
        for report in self.reports:
            if report.period == key:
                return report
        return None

    def compare(self, lines: Iterable[DeclaredReport]) -> tuple[ScheduleDifference, ...]:
        """How declared reports differ from this schedule, line by line, then the reports missing.

        Each line is first checked on its own (:func:`line_defects`); then every
        date it states is compared with the schedule's. Dates a line leaves out
        are not differences.
        """
        found: list[ScheduleDifference] = []
        seen: set[ReportingPeriod] = set()
        for index, line in enumerate(lines):
            period = line.period
            found.extend(line_defects(line, index))
            if period in seen:
                found.append(ScheduleDifference(kind=DifferenceKind.DUPLICATE, period=period, index=index))
                continue
            seen.add(period)
            expected = self.get(period)
            if expected is None:
                found.append(ScheduleDifference(kind=DifferenceKind.UNEXPECTED, period=period, index=index))
                continue
            for name in LINE_FIELDS:
                declared: date | None = getattr(line, name)
                wanted: date | None = getattr(expected, name)
                if declared is None or declared == wanted:
                    continue
                kind = (
                    DifferenceKind.WRONG_YEAR
                    if wanted is not None and _same_but_year(declared, wanted)
                    else DifferenceKind.DIFFERENT
                )
                found.append(
                    ScheduleDifference(
                        kind=kind, period=period, field=name, expected=wanted, declared=declared, index=index
                    )
                )
        found.extend(
            ScheduleDifference(kind=DifferenceKind.MISSING, period=report.period)
            for report in self.reports
            if report.period not in seen
        )
        return tuple(found)
