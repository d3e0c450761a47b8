"""Where a plan stands on a given day: each task's state, each target's attainment, each report's timeliness.

:func:`evaluate` reads a plan and the progress reports a unit has sent on it
and says, as of a day that is always given (nothing reads the clock):

**Tasks** (:class:`TaskState`). The latest news of a task is its update in
the latest report known on that day (a report is known once submitted; one
with no date of submission once its data window has closed); a report's news
holds to the end of its data window. The deadline is the last day the task's
timeframe allows (:attr:`~parplan.timeframes.Before.latest` and its kin);
when that day is a day off, the deadline runs to the next working day, as
the Civil Code ends a time limit. Recurring work ("Thường xuyên", "hằng quý")
has no completion deadline. Then:

* ``done`` / ``done_late``: reported done; late when reported so or when the
  day done is after the deadline (a task reported done without its day counts
  as done as the office says, and the checks ask for the day);
* ``cancelled``: reported cancelled;
* ``overdue``: not done, the deadline has passed, and a report whose news
  holds to the deadline or later says it was not done;
* ``no_information``: no report mentions the task; or the deadline has passed
  since the latest news, which said it was not done yet (it may have been done
  on time since: parplan does not guess);
* ``at_risk``: reported blocked or postponed, the deadline not passed;
* ``due_soon``: not done, and the deadline is today or within the next
  :data:`DUE_SOON_WORKING_DAYS` (10) working days;
* ``not_started``: reported not started, the deadline further off (or none);
* ``on_track``: reported in progress, the deadline further off (or none).

**Targets** (:class:`TargetState`), in the manner of the Open SDG progress
measure: the latest actual value is compared with the target
(:meth:`~parplan.targets.Target.evaluate`); once the horizon (the target's own,
else the plan's last day) has passed the verdict is ``met`` or ``not_met``.
Before it, a target already reached is ``met``; otherwise the observed rate of
change (from the first actual value, or from the baseline when there is only
one, to the latest) is set against the rate needed to reach the target by the
horizon, and their ratio R falls in a band (:class:`ProgressBand`): R ≥ 0.95
``on_track``, 0.60 ≤ R < 0.95 ``acceleration_needed``, 0 ≤ R < 0.60
``limited``, R < 0 ``deterioration`` (the thresholds of Open SDG, see
:class:`TrendThresholds`). Only ``on_track`` keeps the target ``on_track``;
the other bands, and a dated milestone the latest value has not reached,
make it ``at_risk``. Rates are linear (points per day) rather than Open SDG's
compound annual growth: plan indicators are shares and counts over a year or
two, often starting from zero, where a compound rate is undefined. With no
value, a baseline of unknown value, or a single value and nothing to measure a
trend from, the answer is ``no_data``.

**Reports** (:class:`Timeliness`): each report the schedule asks for (the
plan's reporting lines, else the PAR reporting set of each plan year: Q1, the
first half, Q3 and the year) is ``on_time``, ``late`` (by so many working
days), ``no_date`` (received, day unknown), ``missing`` (not received, the
deadline passed) or ``not_yet_due``; the deadline is the plan's, else the
regime's (the 20th of the period's last month), moved to the next working day
when it is a day off.

Every number is exact: days are whole, money whole đồng, values and ratios
``Decimal`` (a ratio is a quotient to 28 significant digits).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

import attrs

from parplan._values import field_name, typed_fields
from parplan.areas import ReformArea
from parplan.calendar import WorkCalendar, official_calendar
from parplan.errors import InvariantError
from parplan.org import CollectiveParty, JointParty, Organisation, Party
from parplan.periods import DataWindow, PeriodKind, ReportingPeriod
from parplan.plan import Plan, Task
from parplan.progress._fast import maker
from parplan.progress.report import ProgressReport, TaskStatus, TaskUpdate, ValueUpdate
from parplan.schedule import par_periods
from parplan.targets import Comparator, Target, Unit
from parplan.timeframes import Before, Compound, OnEvent, Recurring, Timeframe, Within, WithinWorkingDays

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DUE_SOON_WORKING_DAYS",
    "PlanStatus",
    "ProgressBand",
    "ReportTimeliness",
    "TargetBasis",
    "TargetCounts",
    "TargetProgress",
    "TargetState",
    "TaskCounts",
    "TaskProgress",
    "TaskState",
    "Timeliness",
    "TrendThresholds",
    "evaluate",
    "status_table",
]

DUE_SOON_WORKING_DAYS: Final = 10
"""A task not done is ``due_soon`` when its deadline is today or within this many working days (two working weeks)."""


class TaskState(StrEnum):
    """Where a task stands on a day (see :mod:`parplan.progress.evaluate` for how each is decided)."""

    DONE = "done"
    """Reported done, on or before the deadline (or with no deadline)."""
    DONE_LATE = "done_late"
    """Reported done late, or done on a day after the deadline."""
    ON_TRACK = "on_track"
    """Reported in progress; the deadline is more than the due-soon window away, or there is none."""
    DUE_SOON = "due_soon"
    """Not done; the deadline is today or within the due-soon window."""
    AT_RISK = "at_risk"
    """Reported blocked or postponed; the deadline has not passed."""
    OVERDUE = "overdue"
    """Not done after the deadline, by a report whose news holds to the deadline or later."""
    NOT_STARTED = "not_started"
    """Reported not started; the deadline is more than the due-soon window away, or there is none."""
    CANCELLED = "cancelled"
    """Reported cancelled."""
    NO_INFORMATION = "no_information"
    """No report mentions the task, or the deadline passed after the latest news (which said: not done yet)."""

    @property
    def is_done(self) -> bool:
        """True for ``done`` and ``done_late``."""
        return self is TaskState.DONE or self is TaskState.DONE_LATE


class TargetState(StrEnum):
    """Whether a target is reached, or on its way (see :mod:`parplan.progress.evaluate`)."""

    MET = "met"
    """The latest value reaches the target."""
    ON_TRACK = "on_track"
    """Not reached yet; the observed rate is at least 95% of the rate needed by the horizon."""
    AT_RISK = "at_risk"
    """Not reached yet; progress too slow, backwards, or a milestone missed."""
    NOT_MET = "not_met"
    """The horizon has passed and the latest value does not reach the target."""
    NO_DATA = "no_data"
    """Nothing to judge by: no value, a baseline of unknown value, or one value and no trend."""


class ProgressBand(StrEnum):
    """The Open SDG progress category of a target: the observed rate against the rate needed."""

    ACHIEVED = "achieved"
    """The target is reached."""
    ON_TRACK = "on_track"
    """R ≥ 0.95 (:attr:`TrendThresholds.on_track`)."""
    ACCELERATION_NEEDED = "acceleration_needed"
    """0.60 ≤ R < 0.95: progress made, but acceleration needed."""
    LIMITED = "limited"
    """0 ≤ R < 0.60: limited progress."""
    DETERIORATION = "deterioration"
    """R < 0: moving away from the target."""


class TargetBasis(StrEnum):
    """What a target's state rests on, or why it could not be judged."""

    FINAL = "final"
    """The horizon has passed: the latest value decides."""
    REACHED = "reached"
    """The latest value already reaches the target."""
    TREND = "trend"
    """The trend from the first value (or the baseline) to the latest."""
    MILESTONE_MISSED = "milestone_missed"
    """A dated milestone has passed and the latest value does not reach it."""
    MILESTONE_MET = "milestone_met"
    """No trend to measure, but the latest value reaches the milestone due by its date."""
    NO_VALUES = "no_values"
    """No actual value has been reported."""
    OTHER_UNIT = "other_unit"
    """Values were reported, but only in another unit than the target's."""
    BASELINE_UNKNOWN = "baseline_unknown"
    """A relative target whose baseline has no value: nothing to compare with."""
    SINGLE_VALUE = "single_value"
    """One value, no baseline value and no milestone: no trend to measure."""


class Timeliness(StrEnum):
    """Whether a report came in by its deadline."""

    ON_TIME = "on_time"
    """Submitted on or before the deadline."""
    LATE = "late"
    """Submitted after the deadline."""
    NO_DATE = "no_date"
    """Received, but the day it was submitted is not known."""
    NOT_YET_DUE = "not_yet_due"
    """Not received; the deadline has not passed."""
    MISSING = "missing"
    """Not received, and the deadline has passed."""


def _check_ratio(owner: TrendThresholds, attribute: Any, value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 < value <= 1:
        raise InvariantError(field_name(owner, attribute), value, "must be a Decimal above 0 and at most 1")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TrendThresholds:
    """The bands of the ratio R of the observed to the needed rate of progress (Open SDG's by default).

    R ≥ ``on_track`` is on track; ``progress`` ≤ R < ``on_track`` needs
    acceleration; 0 ≤ R < ``progress`` is limited progress; R < 0 is
    deterioration.
    """

    on_track: Decimal = attrs.field(default=Decimal("0.95"), validator=_check_ratio)
    progress: Decimal = attrs.field(default=Decimal("0.60"), validator=_check_ratio)

    def __attrs_post_init__(self) -> None:
        if self.progress >= self.on_track:
            raise InvariantError(
                "TrendThresholds.progress", self.progress, f"must be below the on-track threshold {self.on_track}"
            )

    def band(self, ratio: Decimal) -> ProgressBand:
        """The band of ``ratio``."""
        if ratio >= self.on_track:
            return ProgressBand.ON_TRACK
        if ratio >= self.progress:
            return ProgressBand.ACCELERATION_NEEDED
        if ratio >= 0:
            return ProgressBand.LIMITED
        return ProgressBand.DETERIORATION


DEFAULT_THRESHOLDS: Final = TrendThresholds()
"""The Open SDG thresholds: 0.95 (on track) and 0.60 (progress made, acceleration needed)."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TaskProgress:
    """The state of one task on the day of the evaluation, and what it rests on.

    ``task`` is the plan's task and ``update`` its latest news (None: no
    report mentions it), from ``report``, whose news holds to the end of its
    data window (:attr:`reported_to`). ``deadline`` is the last day allowed,
    moved to the next working day when it is a day off (None: no completion
    deadline). ``days_left`` counts the working days after the day of the
    evaluation up to the deadline (0: due today) for a task not done;
    ``days_late`` the working days past the deadline of a task overdue or done
    late. ``spent`` is the money the reports say was spent on the task, in đồng.
    """

    task: Task
    state: TaskState
    update: TaskUpdate | None
    report: ProgressReport | None
    deadline: date | None
    days_left: int | None
    days_late: int | None
    spent: int | None

    @property
    def task_id(self) -> str:
        """The task's id."""
        return self.task.id

    @property
    def period(self) -> ReportingPeriod | None:
        """The period of the report the latest news comes from, or None."""
        return None if self.report is None else self.report.period

    @property
    def reported_to(self) -> date | None:
        """The day the latest news holds to: the end of its report's data window; None without news."""
        return None if self.report is None else _window(self.report).end

    @property
    def earliest(self) -> date | None:
        """The first day the task's timeframe allows, None when open or unknown."""
        return None if self.task.timeframe is None else self.task.timeframe.earliest

    @property
    def area(self) -> ReformArea | None:
        """The task's reform area."""
        return self.task.area

    @property
    def leads(self) -> tuple[str, ...]:
        """The names of the task's lead bodies (each member of a joint lead), none when it has no lead."""
        responsibility = self.task.responsibility
        return () if responsibility is None else _leads(responsibility.lead)

    @property
    def reported(self) -> TaskStatus | None:
        """The latest status reported, or None."""
        return None if self.update is None else self.update.status

    @property
    def done_on(self) -> date | None:
        """The day the task was done, as reported."""
        return None if self.update is None else self.update.done_on

    @property
    def note(self) -> str | None:
        """The note of the latest update: what was done, or why not."""
        return None if self.update is None else self.update.note

    @property
    def planned(self) -> int | None:
        """The task's budget in đồng, None when it states no amount."""
        return _budget(self.task)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TargetProgress:
    """The attainment of one target on the day of the evaluation.

    ``target`` is the plan's target and ``owner`` the objective or task it
    belongs to (an objective's id, ``objective:<n>``, or ``task:<id>``);
    ``area`` and ``leads`` are its owner's. ``latest`` is the latest actual
    value and ``latest_on`` its day; :attr:`threshold` the value the target sets.
    ``ratio`` is R, the observed over the needed rate, when a trend was
    measured, and ``band`` its :class:`ProgressBand`. ``observations`` counts
    the values used; ``basis`` says what the state rests on.
    """

    target: Target
    owner: str
    state: TargetState
    basis: TargetBasis
    band: ProgressBand | None
    ratio: Decimal | None
    area: ReformArea | None
    leads: tuple[str, ...]
    latest: Decimal | None
    latest_on: date | None
    horizon: date
    observations: int

    @property
    def target_id(self) -> str | None:
        """The target's id, None for a target without one."""
        return self.target.id

    @property
    def threshold(self) -> Decimal | None:
        """The value the target sets (:meth:`~parplan.targets.Target.threshold`), None when it is not known."""
        return self.target.threshold()

    @property
    def gap(self) -> Decimal | None:
        """The latest value minus the threshold (positive: above it); None when either is unknown."""
        if self.latest is None or self.threshold is None:
            return None
        return self.latest - self.threshold


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportTimeliness:
    """Whether one report came in on time.

    ``due`` is the deadline, moved to the next working day when it is a day
    off; ``days_late`` the working days after it the report came. ``expected``
    is False for a report the schedule does not ask for (a monthly report, a
    second report of a period); ``report`` is the position of the report among
    those given to :func:`evaluate`, None when none was received.
    """

    period: ReportingPeriod
    state: Timeliness
    due: date
    submitted_on: date | None
    days_late: int | None
    expected: bool
    report: int | None


def _count() -> Any:
    return attrs.field(default=0)


_HUNDRED = Decimal(100)


def _share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * _HUNDRED / Decimal(whole)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TaskCounts:
    """How many tasks are in each state; shares in percent.

    ``done_share`` is the share of tasks done (on time or late) among those not
    cancelled, ``on_time_share`` the share done on time; both None when no task
    counts.
    """

    done: int = _count()
    done_late: int = _count()
    on_track: int = _count()
    due_soon: int = _count()
    at_risk: int = _count()
    overdue: int = _count()
    not_started: int = _count()
    cancelled: int = _count()
    no_information: int = _count()

    @classmethod
    def of(cls, states: Iterable[TaskState]) -> TaskCounts:
        """The counts of ``states``."""
        tally = dict.fromkeys(_TASK_STATES, 0)
        for state in states:
            tally[state] += 1
        return _make_task_counts(*tally.values())

    def count(self, state: TaskState) -> int:
        """The number of tasks in ``state``."""
        count: int = getattr(self, _TASK_FIELDS[state])
        return count

    def values(self) -> tuple[int, ...]:
        """The counts in the order of :class:`TaskState`."""
        values: tuple[int, ...] = _task_values(self)
        return values

    def __add__(self, other: TaskCounts) -> TaskCounts:
        if not isinstance(other, TaskCounts):
            return NotImplemented
        return _make_task_counts(*(self.count(state) + other.count(state) for state in _TASK_STATES))

    @property
    def total(self) -> int:
        """Every task counted."""
        return sum(_task_values(self))

    @property
    def completed(self) -> int:
        """Tasks done, on time or late."""
        return self.done + self.done_late

    @property
    def countable(self) -> int:
        """Tasks that are not cancelled."""
        return self.total - self.cancelled

    @property
    def done_share(self) -> Decimal | None:
        """Tasks done (on time or late) in percent of the tasks not cancelled; None when there are none."""
        return _share(self.completed, self.countable)

    @property
    def on_time_share(self) -> Decimal | None:
        """Tasks done on time in percent of the tasks not cancelled; None when there are none."""
        return _share(self.done, self.countable)


_TASK_STATES = tuple(TaskState)
_TASK_FIELDS = {state: state.value for state in TaskState}
_task_values = operator.attrgetter(*_TASK_FIELDS.values())
_make_task_counts = maker(TaskCounts)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TargetCounts:
    """How many targets are in each state."""

    met: int = _count()
    on_track: int = _count()
    at_risk: int = _count()
    not_met: int = _count()
    no_data: int = _count()

    @classmethod
    def of(cls, states: Iterable[TargetState]) -> TargetCounts:
        """The counts of ``states``."""
        tally = dict.fromkeys(_TARGET_STATES, 0)
        for state in states:
            tally[state] += 1
        return _make_target_counts(*tally.values())

    def count(self, state: TargetState) -> int:
        """The number of targets in ``state``."""
        count: int = getattr(self, _TARGET_FIELDS[state])
        return count

    def values(self) -> tuple[int, ...]:
        """The counts in the order of :class:`TargetState`."""
        values: tuple[int, ...] = _target_values(self)
        return values

    def __add__(self, other: TargetCounts) -> TargetCounts:
        if not isinstance(other, TargetCounts):
            return NotImplemented
        return _make_target_counts(*(self.count(state) + other.count(state) for state in _TARGET_STATES))

    @property
    def total(self) -> int:
        """Every target counted."""
        return sum(_target_values(self))


_TARGET_STATES = tuple(TargetState)
_TARGET_FIELDS = {state: state.value for state in TargetState}
_target_values = operator.attrgetter(*_TARGET_FIELDS.values())
_make_target_counts = maker(TargetCounts)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PlanStatus:
    """Where one plan stands on ``as_of``: its tasks, targets and reports, and its money.

    ``budget_planned`` is the sum of the tasks' budgets that state an amount
    (None when none does); ``budget_spent`` the money the reports say was
    spent, in đồng (None when none says). Reports whose windows overlap (the
    first half and its first quarter) are not added twice: the latest-ending,
    longest windows are taken first.
    """

    plan: Plan
    as_of: date
    tasks: tuple[TaskProgress, ...]
    targets: tuple[TargetProgress, ...]
    reports: tuple[ReportTimeliness, ...]
    budget_planned: int | None
    budget_spent: int | None

    @property
    def unit(self) -> Any:
        """The plan's administrative unit."""
        return self.plan.unit

    @functools.cached_property
    def task_counts(self) -> TaskCounts:
        """How many tasks are in each state (counted once)."""
        return TaskCounts.of(row.state for row in self.tasks)

    @functools.cached_property
    def target_counts(self) -> TargetCounts:
        """How many targets are in each state (counted once)."""
        return TargetCounts.of(row.state for row in self.targets)

    def task(self, task_id: str) -> TaskProgress | None:
        """The row of the task ``task_id`` (the first when ids repeat), or None."""
        return next((row for row in self.tasks if row.task.id == task_id), None)

    def target(self, target_id: str) -> TargetProgress | None:
        """The row of the target ``target_id``, or None."""
        return next((row for row in self.targets if row.target.id == target_id), None)


_make_task = maker(TaskProgress)
_make_status = maker(PlanStatus)
_make_target = maker(TargetProgress)
_make_timeliness = maker(ReportTimeliness)


# --- parties ---------------------------------------------------------------------------


def _leads(party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    if type(party) is Organisation or type(party) is CollectiveParty:
        return (party.name,)
    if isinstance(party, JointParty):
        return tuple(member.label for member in party.members)
    return (party.label,)


# --- deadlines -------------------------------------------------------------------------

_PERIOD_BOUNDS: dict[tuple[PeriodKind, int, int], tuple[date, date]] = {}


def _period_bounds(period: ReportingPeriod) -> tuple[date, date]:
    key = (period.kind, period.year, period.index)
    found = _PERIOD_BOUNDS.get(key)
    if found is None:
        if len(_PERIOD_BOUNDS) > _CACHE_LIMIT:
            _PERIOD_BOUNDS.clear()
        found = _PERIOD_BOUNDS[key] = (period.start, period.end)
    return found


_CACHE_LIMIT = 65536
_WINDOWS: dict[tuple[PeriodKind, int, int], DataWindow] = {}
_DUES: dict[tuple[PeriodKind, int, int], date] = {}


def _window(report: ProgressReport) -> DataWindow:
    """The report's data window (:attr:`ProgressReport.data_window`), the regime's worked out once per period."""
    if report.window is not None:
        return report.window
    period = report.period
    key = (period.kind, period.year, period.index)
    found = _WINDOWS.get(key)
    if found is None:
        if len(_WINDOWS) > _CACHE_LIMIT:
            _WINDOWS.clear()
        found = _WINDOWS[key] = period.data_window
    return found


def _known_on(report: ProgressReport) -> date:
    """:attr:`ProgressReport.known_on`, with the window worked out once per period."""
    return report.submitted_on if report.submitted_on is not None else _window(report).end


def _regime_due(period: ReportingPeriod) -> date:
    """The regime's deadline of ``period`` (:attr:`ReportingPeriod.due`), worked out once per period."""
    key = (period.kind, period.year, period.index)
    found = _DUES.get(key)
    if found is None:
        if len(_DUES) > _CACHE_LIMIT:
            _DUES.clear()
        found = _DUES[key] = period.due
    return found


class _Days:
    """Deadlines and working days of one calendar, each computed once and kept (the calendar is frozen)."""

    __slots__ = ("_between", "_calendar", "period_deadlines", "rolled")

    def __init__(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar
        self.rolled: dict[date, date] = {}
        """Each day, or the next working day when it is a day off."""
        self.period_deadlines: dict[tuple[PeriodKind, int, int], date] = {}
        """The last day of each period (by kind, year and index), moved off a day off."""
        self._between: dict[tuple[date, date], int | None] = {}

    def roll(self, day: date) -> date:
        """``day``, or the next working day when it is a day off (the day itself outside the calendar's years)."""
        found = self.rolled.get(day)
        if found is None:
            try:
                found = self._calendar.roll_forward(day)
            except InvariantError:  # a year the working-day calendar does not cover
                found = day
            if len(self.rolled) > _CACHE_LIMIT:
                self.rolled.clear()
                self.period_deadlines.clear()
            self.rolled[day] = found
        return found

    def between(self, start: date, end: date) -> int | None:
        """Working days after ``start`` up to and including ``end``; None outside the calendar's years."""
        key = (start, end)
        found = self._between.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            try:
                found = self._calendar.working_days_between(start, end)
            except InvariantError:
                found = None
            if len(self._between) > _CACHE_LIMIT:
                self._between.clear()
            self._between[key] = found
        result: int | None = found
        return result

    def bounds(self, timeframe: Timeframe) -> tuple[date | None, date | None]:
        """The first day a timeframe allows, and the last day for finishing the work.

        Recurring work has no last day for finishing; an open or unknown
        timeframe has none either.
        """
        if type(timeframe) is Within:
            periods = timeframe.periods
            if len(periods) == 1:
                return _period_bounds(periods[0])
            found = [_period_bounds(period) for period in periods]
            return min(start for start, _ in found), max(end for _, end in found)
        if type(timeframe) is Before:
            return None, timeframe.day
        if type(timeframe) is Recurring:
            within = timeframe.within
            return (None if within is None else _period_bounds(within)[0]), None
        if type(timeframe) is OnEvent:
            return None, None
        if type(timeframe) is WithinWorkingDays:
            try:
                return timeframe.earliest, timeframe.latest_on(self._calendar)
            except InvariantError:
                return timeframe.earliest, timeframe.latest
        if type(timeframe) is Compound and any(type(step.timeframe) is Recurring for step in timeframe.steps):
            return self._compound(timeframe)
        return timeframe.earliest, timeframe.latest

    def _compound(self, timeframe: Compound) -> tuple[date | None, date | None]:
        """A compound cell with recurring steps: the other steps' last day decides."""
        steps = [(step, self.bounds(step.timeframe)) for step in timeframe.steps]
        starts = [start for _, (start, _) in steps if start is not None]
        ends = [end for step, (_, end) in steps if type(step.timeframe) is not Recurring]
        latest = None if not ends or any(end is None for end in ends) else max(e for e in ends if e is not None)
        return (min(starts) if starts else None), latest


_UNKNOWN: Any = object()
_DAYS: dict[int, tuple[WorkCalendar, _Days]] = {}


def _days_of(calendar: WorkCalendar) -> _Days:
    """The shared :class:`_Days` of ``calendar`` (held with it, so that its identity is not reused)."""
    found = _DAYS.get(id(calendar))
    if found is None or found[0] is not calendar:
        if len(_DAYS) > 16:
            _DAYS.clear()
        found = _DAYS[id(calendar)] = (calendar, _Days(calendar))
    return found[1]


# --- tasks -----------------------------------------------------------------------------

_DONE = TaskStatus.DONE
_DONE_LATE = TaskStatus.DONE_LATE
_CANCELLED = TaskStatus.CANCELLED
_NOT_STARTED = TaskStatus.NOT_STARTED
_BLOCKED = TaskStatus.BLOCKED
_POSTPONED = TaskStatus.POSTPONED
_S_DONE = TaskState.DONE
_S_DONE_LATE = TaskState.DONE_LATE
_S_CANCELLED = TaskState.CANCELLED
_S_OVERDUE = TaskState.OVERDUE
_S_NO_INFORMATION = TaskState.NO_INFORMATION
_S_AT_RISK = TaskState.AT_RISK
_S_DUE_SOON = TaskState.DUE_SOON
_S_NOT_STARTED = TaskState.NOT_STARTED
_S_ON_TRACK = TaskState.ON_TRACK


def _budget(task: Task) -> int | None:
    budget = task.budget
    if budget is None:
        return None
    return budget.amount if budget.amount is not None else budget.lines_total


def _task_rows(  # noqa: C901, PLR0912, PLR0913, PLR0915, PLR0917 - the decision table of the module docstring, in one loop
    tasks: tuple[Task, ...],
    news: dict[str, tuple[TaskUpdate, ProgressReport, date]],
    task_spent: dict[str, int],
    as_of: date,
    days: _Days,
    due_soon: int,
) -> tuple[tuple[TaskProgress, ...], int | None]:
    """The rows of ``tasks``, and the sum of their budgets (None when none states an amount)."""
    rows: list[TaskProgress] = []
    append = rows.append
    make = _make_task
    bounds = days.bounds
    roll = days.roll
    rolled = days.rolled
    between = days.between
    by_period = days.period_deadlines
    planned: int | None = None
    for task in tasks:
        if task.budget is not None:
            amount = _budget(task)
            if amount is not None:
                planned = amount if planned is None else planned + amount
        timeframe = task.timeframe
        kind = type(timeframe)
        # the commonest timeframes first, each day worked out once and kept
        if kind is Within and len(timeframe.periods) == 1:  # type: ignore[union-attr]
            period = timeframe.periods[0]  # type: ignore[union-attr]
            deadline = by_period.get((period.kind, period.year, period.index))
            if deadline is None:
                deadline = by_period[(period.kind, period.year, period.index)] = roll(_period_bounds(period)[1])
        elif kind is Before:
            deadline = rolled.get(timeframe.day) or roll(timeframe.day)  # type: ignore[union-attr]
        elif timeframe is None or kind is Recurring or kind is OnEvent:
            deadline = None
        else:
            latest = bounds(timeframe)[1]
            deadline = None if latest is None else roll(latest)
        spent = task_spent.get(task.id) if task_spent else None
        found = news.get(task.id)
        if found is None:
            append(make(task, _S_NO_INFORMATION, None, None, deadline, None, None, spent))
            continue
        update, report, reported_to = found
        status = update.status
        done_on = update.done_on
        days_left = days_late = None
        if status is _DONE or status is _DONE_LATE:
            if deadline is not None and done_on is not None and done_on > deadline:
                state = _S_DONE_LATE
                days_late = between(deadline, done_on)
            else:
                state = _S_DONE_LATE if status is _DONE_LATE else _S_DONE
        elif status is _CANCELLED:
            state = _S_CANCELLED
        elif deadline is not None and as_of > deadline:
            if reported_to >= deadline:
                state = _S_OVERDUE
                days_late = between(deadline, as_of)
            else:
                state = _S_NO_INFORMATION
        else:
            if deadline is not None:
                days_left = between(as_of, deadline)
            if status is _BLOCKED or status is _POSTPONED:
                state = _S_AT_RISK
            elif days_left is not None and days_left <= due_soon:
                state = _S_DUE_SOON
            elif status is _NOT_STARTED:
                state = _S_NOT_STARTED
            else:
                state = _S_ON_TRACK
        append(make(task, state, update, report, deadline, days_left, days_late, spent))
    return tuple(rows), planned


# --- targets ---------------------------------------------------------------------------

# Enum members read through their class cost a look-up each time (about 0.4 µs on Python 3.11): the hot
# paths below read them from module constants.
_GE, _GT, _EQ, _LE, _LT = Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LE, Comparator.LT
_RELATIVE = frozenset({Comparator.INCREASE, Comparator.DECREASE, Comparator.MAINTAIN})
_RANK = Unit.RANK
_BASIS_BASELINE_UNKNOWN = TargetBasis.BASELINE_UNKNOWN
_BASIS_OTHER_UNIT = TargetBasis.OTHER_UNIT
_BASIS_NO_VALUES = TargetBasis.NO_VALUES
_BASIS_FINAL = TargetBasis.FINAL
_BASIS_REACHED = TargetBasis.REACHED
_BASIS_MILESTONE_MET = TargetBasis.MILESTONE_MET
_BASIS_MILESTONE_MISSED = TargetBasis.MILESTONE_MISSED
_BASIS_SINGLE_VALUE = TargetBasis.SINGLE_VALUE
_BASIS_TREND = TargetBasis.TREND
_ON_TIME, _LATE, _NO_DATE = Timeliness.ON_TIME, Timeliness.LATE, Timeliness.NO_DATE
_MISSING, _NOT_YET_DUE = Timeliness.MISSING, Timeliness.NOT_YET_DUE


_LOWER_IS_BETTER = frozenset({Comparator.LE, Comparator.LT, Comparator.DECREASE})


def _direction(target: Target, start: Decimal, threshold: Decimal) -> int:
    """+1 when higher values are better, -1 when lower are, 0 when already at an exact target."""
    comparator = target.comparator
    if comparator is _EQ:
        return (threshold > start) - (threshold < start)
    lower = comparator in _LOWER_IS_BETTER
    if target.unit is _RANK and comparator in _RELATIVE:
        lower = not lower
    return -1 if lower else 1


def _baseline_point(target: Target, plan_start: date) -> tuple[date, Decimal] | None:
    baseline = target.baseline
    if baseline is None or baseline.value is None:
        return None
    if baseline.period is not None:
        return baseline.period.end, baseline.value
    if baseline.year is not None:
        return date(baseline.year, 12, 31), baseline.value
    return date.fromordinal(plan_start.toordinal() - 1), baseline.value


def _meets(target: Target, actual: Decimal, threshold: Decimal) -> bool:
    """What ``target.evaluate(actual).met`` says, without building the evaluation (a test holds the two equal)."""
    comparator = target.comparator
    if comparator is _GE:
        return actual >= threshold
    if comparator is _GT:
        return actual > threshold
    if comparator is _EQ:
        return actual == threshold
    if comparator is _LE:
        return actual <= threshold
    if comparator is _LT:
        return actual < threshold
    return target.evaluate(actual).met


def _reaches(value: Decimal, wanted: Decimal, direction: int) -> bool:
    return value >= wanted if direction >= 0 else value <= wanted


_T_MET = TargetState.MET
_T_NOT_MET = TargetState.NOT_MET
_T_ON_TRACK = TargetState.ON_TRACK
_T_AT_RISK = TargetState.AT_RISK
_T_NO_DATA = TargetState.NO_DATA
_B_ACHIEVED = ProgressBand.ACHIEVED
_B_ON_TRACK = ProgressBand.ON_TRACK
_B_ACCELERATION = ProgressBand.ACCELERATION_NEEDED
_B_LIMITED = ProgressBand.LIMITED
_B_DETERIORATION = ProgressBand.DETERIORATION


def _attainment(  # noqa: C901, PLR0912, PLR0913, PLR0917 - the decision table of the module docstring
    target: Target,
    observations: list[tuple[date, Decimal]],
    skipped_units: bool,
    as_of: date,
    horizon: date,
    plan_start: date,
    thresholds: TrendThresholds,
) -> tuple[TargetState, TargetBasis, ProgressBand | None, Decimal | None]:
    """The state, its basis, the band and R of ``target`` given its values in date order."""
    threshold = target.threshold()
    if threshold is None:
        return _T_NO_DATA, _BASIS_BASELINE_UNKNOWN, None, None
    if not observations:
        return _T_NO_DATA, _BASIS_OTHER_UNIT if skipped_units else _BASIS_NO_VALUES, None, None
    latest_on, latest = observations[-1]
    met = _meets(target, latest, threshold)
    if as_of > horizon:
        return (_T_MET if met else _T_NOT_MET), _BASIS_FINAL, (_B_ACHIEVED if met else None), None
    if met:
        return _T_MET, _BASIS_REACHED, _B_ACHIEVED, None
    start: tuple[date, Decimal] | None = observations[0]
    if observations[0][0] >= latest_on:
        point = _baseline_point(target, plan_start)
        start = point if point is not None and point[0] < latest_on else None
    direction = _direction(target, latest if start is None else start[1], threshold)
    missed = False
    if target.milestones:
        due = [m for m in target.milestones if m.by <= latest_on]
        if due:
            missed = not _reaches(latest, due[-1].value, direction)
            if start is None and not missed:
                return _T_ON_TRACK, _BASIS_MILESTONE_MET, None, None
    if start is None:
        if missed:
            return _T_AT_RISK, _BASIS_MILESTONE_MISSED, None, None
        return _T_NO_DATA, _BASIS_SINGLE_VALUE, None, None
    # R: the observed rate (start to latest) over the rate needed (start to the threshold by the horizon)
    start_on, start_value = start
    needed = (threshold - start_value) * direction
    remaining_days = (horizon - start_on).days
    if needed <= 0 or remaining_days <= 0:  # the start had reached it and the latest has not: moving away
        band, ratio = _B_DETERIORATION, None
    else:
        ratio = ((latest - start_value) * direction * remaining_days) / (needed * (latest_on - start_on).days)
        if ratio >= thresholds.on_track:
            band = _B_ON_TRACK
        elif ratio >= thresholds.progress:
            band = _B_ACCELERATION
        elif ratio >= 0:
            band = _B_LIMITED
        else:
            band = _B_DETERIORATION
    if missed:
        return _T_AT_RISK, _BASIS_MILESTONE_MISSED, band, ratio
    return (_T_ON_TRACK if band is _B_ON_TRACK else _T_AT_RISK), _BASIS_TREND, band, ratio


# --- reports ---------------------------------------------------------------------------


def _non_overlapping(known: Sequence[tuple[date, date, int, ProgressReport]]) -> list[ProgressReport]:
    """Reports whose windows do not overlap, the latest-ending and longest first (money is not counted twice)."""
    chosen: list[ProgressReport] = []
    taken: list[tuple[date, date]] = []
    windows = [(_window(report), report) for _, _, _, report in known]
    windows.sort(key=lambda entry: (entry[0].end, -entry[0].start.toordinal()), reverse=True)
    for window, report in windows:
        if all(window.end < start or window.start > end for start, end in taken):
            chosen.append(report)
            taken.append((window.start, window.end))
    return chosen


def _report_spent(report: ProgressReport) -> int | None:
    if report.budget_spent is not None:
        return report.budget_spent
    amounts = [update.spent for update in report.updates if update.spent is not None]
    return sum(amounts) if amounts else None


def _period_key(period: ReportingPeriod) -> tuple[PeriodKind, int, int]:
    """A period as a key that hashes without calling Python code."""
    return (period.kind, period.year, period.index)


def _last_year(plan: Plan, as_of: date) -> int:
    """The plan's last year; for an open-ended plan, the year of ``as_of`` (or its first year, if later)."""
    return plan.last_year if plan.last_year is not None else max(plan.first_year, as_of.year)


def _expected(plan: Plan, as_of: date) -> list[tuple[ReportingPeriod, date]]:
    """The reports the plan's schedule asks for, with their deadlines (not yet moved off days off).

    An open-ended plan ("năm 2024 và những năm tiếp theo") asks for the reports
    of its years up to the year of ``as_of``.
    """
    if plan.reporting:
        found: dict[tuple[PeriodKind, int, int], tuple[ReportingPeriod, date]] = {}
        for line in plan.reporting:
            period = line.period
            key = (period.kind, period.year, period.index)
            if key not in found:
                found[key] = (period, line.due if line.due is not None else _regime_due(period))
        return list(found.values())
    years = range(plan.first_year, _last_year(plan, as_of) + 1)
    return [(period, _regime_due(period)) for year in years for period in par_periods(year)]


def _timeliness(  # noqa: C901 - expected reports, then the others
    plan: Plan, reports: Sequence[ProgressReport], as_of: date, days: _Days
) -> tuple[ReportTimeliness, ...]:
    rows: list[ReportTimeliness] = []
    used: set[int] = set()

    def row(period: ReportingPeriod, due: date, index: int | None, *, expected: bool) -> ReportTimeliness:
        rolled = days.roll(due)
        if index is None:
            state = _MISSING if as_of > rolled else _NOT_YET_DUE
            return _make_timeliness(period, state, rolled, None, None, expected, None)
        submitted = reports[index].submitted_on
        if submitted is None:
            return _make_timeliness(period, _NO_DATE, rolled, None, None, expected, index)
        if submitted <= rolled:
            return _make_timeliness(period, _ON_TIME, rolled, submitted, None, expected, index)
        late = days.between(rolled, submitted)
        return _make_timeliness(period, _LATE, rolled, submitted, late, expected, index)

    received: dict[tuple[PeriodKind, int, int], list[int]] = {}
    for position, report in enumerate(reports):
        if _known_on(report) <= as_of:
            received.setdefault(_period_key(report.period), []).append(position)
    for period, due in _expected(plan, as_of):
        indexes = received.get(_period_key(period))
        first = None
        if indexes:
            first = min(indexes, key=lambda i: (_known_on(reports[i]), i))
            used.add(first)
        rows.append(row(period, due, first, expected=True))
    for position, report in enumerate(reports):
        if position not in used and _known_on(report) <= as_of:
            rows.append(row(report.period, _regime_due(report.period), position, expected=False))
    return tuple(rows)


# --- the evaluation --------------------------------------------------------------------


def _check_arguments(  # noqa: PLR0913, PLR0917 - the arguments of evaluate(), checked in one place
    plan: object, reports: object, as_of: object, calendar: object, due_soon: object, thresholds: object
) -> tuple[Plan, tuple[ProgressReport, ...], date]:
    if not isinstance(plan, Plan):
        raise InvariantError("evaluate.plan", type(plan).__name__, "must be a parplan.Plan")
    if isinstance(reports, ProgressReport | str | bytes) or not isinstance(reports, Iterable):
        raise InvariantError("evaluate.reports", type(reports).__name__, "must be an iterable of ProgressReport")
    given = tuple(reports)
    for report in given:
        if not isinstance(report, ProgressReport):
            raise InvariantError("evaluate.reports", type(report).__name__, "must hold only ProgressReport")
    if isinstance(as_of, datetime):  # a moment counts as its day
        as_of = as_of.date()
    if not isinstance(as_of, date):
        raise InvariantError("evaluate.as_of", as_of, "must be a date")
    if calendar is not None and not isinstance(calendar, WorkCalendar):
        raise InvariantError("evaluate.calendar", type(calendar).__name__, "must be a WorkCalendar or None")
    if not isinstance(due_soon, int) or isinstance(due_soon, bool) or due_soon < 0:
        raise InvariantError("evaluate.due_soon", due_soon, "must be a whole number of working days, 0 or more")
    if not isinstance(thresholds, TrendThresholds):
        raise InvariantError("evaluate.thresholds", type(thresholds).__name__, "must be TrendThresholds")
    return plan, given, as_of


def evaluate(  # noqa: PLR0913 - the plan, its reports, the day, and the documented settings
    plan: Plan,
    reports: Iterable[ProgressReport],
    *,
    as_of: date,
    calendar: WorkCalendar | None = None,
    due_soon: int = DUE_SOON_WORKING_DAYS,
    thresholds: TrendThresholds = DEFAULT_THRESHOLDS,
) -> PlanStatus:
    """Where ``plan`` stands on ``as_of``, from the progress ``reports`` of its unit.

    ``calendar`` counts working days (the official calendar when None);
    ``due_soon`` is the due-soon window in working days; ``thresholds`` the
    bands of the ratio of observed to needed progress. Reports not yet known
    on ``as_of`` (submitted later) are left out. See
    :mod:`parplan.progress.evaluate` for how every state is decided.
    """
    plan, given, as_of = _check_arguments(plan, reports, as_of, calendar, due_soon, thresholds)
    days = _days_of(official_calendar() if calendar is None else calendar)
    known = [(_window(report).end, _known_on(report), index, report) for index, report in enumerate(given)]
    known = [entry for entry in known if entry[1] <= as_of]
    known.sort(key=lambda entry: entry[:3])
    money = _non_overlapping(known)
    counted = {id(report) for report in money}
    news: dict[str, tuple[TaskUpdate, ProgressReport, date]] = {}
    task_spent: dict[str, int] = {}
    for end, _, _, report in known:
        if id(report) not in counted:
            for update in report.updates:
                news[update.task] = (update, report, end)
            continue
        last: dict[str, int] = {}
        for update in report.updates:
            news[update.task] = (update, report, end)
            if update.spent is not None:
                last[update.task] = update.spent  # the last written for a task in one report
        for task_id, amount in last.items():
            task_spent[task_id] = task_spent.get(task_id, 0) + amount
    tasks, planned = _task_rows(plan.tasks, news, task_spent, as_of, days, due_soon)
    targets = _targets(plan, known, as_of, thresholds)
    spent = [amount for amount in (_report_spent(report) for report in money) if amount is not None]
    return _make_status(
        plan, as_of, tasks, targets, _timeliness(plan, given, as_of, days), planned, sum(spent) if spent else None
    )


def _observations(
    known: Sequence[tuple[date, date, int, ProgressReport]], as_of: date
) -> tuple[dict[str, list[tuple[date, int, ValueUpdate]]], dict[str, list[tuple[date, int, ValueUpdate]]]]:
    by_target: dict[str, list[tuple[date, int, ValueUpdate]]] = {}
    by_indicator: dict[str, list[tuple[date, int, ValueUpdate]]] = {}
    order = 0
    for end, _, _, report in known:
        for value in report.values:
            day = value.on if value.on is not None else end
            order += 1
            if day > as_of:
                continue
            if value.target is not None:
                by_target.setdefault(value.target, []).append((day, order, value))
            elif value.indicator is not None:
                by_indicator.setdefault(value.indicator, []).append((day, order, value))
    return by_target, by_indicator


_NONE_FOUND: list[tuple[date, int, ValueUpdate]] = []


def _targets(
    plan: Plan, known: Sequence[tuple[date, date, int, ProgressReport]], as_of: date, thresholds: TrendThresholds
) -> tuple[TargetProgress, ...]:
    by_target, by_indicator = _observations(known, as_of)
    plan_start = date(plan.first_year, 1, 1)
    plan_end = date(_last_year(plan, as_of), 12, 31)
    rows: list[TargetProgress] = []
    append = rows.append
    for owner, target, area, leads in _plan_targets(plan):
        found = _NONE_FOUND if target.id is None else by_target.get(target.id, _NONE_FOUND)
        if target.indicator is not None and target.indicator in by_indicator:
            found = found + by_indicator[target.indicator]
        wanted = target.unit
        usable = found
        if wanted is not None:
            for entry in found:
                if entry[2].unit is not None and entry[2].unit is not wanted:
                    usable = [entry for entry in found if entry[2].unit is None or entry[2].unit is wanted]
                    break
        if len(usable) == 1:
            observations = [(usable[0][0], usable[0][2].value)]
        elif not usable:
            observations = []
        else:
            usable = sorted(usable)  # by day, then by the order written (each entry's order is its own)
            series: dict[date, Decimal] = {}
            for day, _, value in usable:
                series[day] = value.value  # the last written for a day wins
            observations = list(series.items())
        horizon = target.horizon if target.horizon is not None else plan_end
        state, basis, band, ratio = _attainment(
            target, observations, len(usable) < len(found), as_of, horizon, plan_start, thresholds
        )
        latest_on, latest = observations[-1] if observations else (None, None)
        append(
            _make_target(
                target, owner, state, basis, band, ratio, area, leads, latest, latest_on, horizon, len(observations)
            )
        )
    return tuple(rows)


def _plan_targets(plan: Plan) -> list[tuple[str, Target, ReformArea | None, tuple[str, ...]]]:
    found: list[tuple[str, Target, ReformArea | None, tuple[str, ...]]] = [
        (objective.id or f"objective:{index}", target, objective.area, ())
        for index, objective in enumerate(plan.objectives)
        for target in objective.targets
    ]
    for task in plan.tasks:
        if task.targets:
            responsibility = task.responsibility
            leads = () if responsibility is None else _leads(responsibility.lead)
            found.extend((f"task:{task.id}", target, task.area, leads) for target in task.targets)
    return found


# --- a flat table ----------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def status_table(statuses: Iterable[PlanStatus]) -> list[dict[str, str | int | None]]:
    """One row per task of every plan: the status table dashboards show, as JSON-ready values.

    The columns are ``unit``, ``unit_code``, ``parent``, ``plan``, ``task``,
    ``area``, ``lead``, ``state``, ``reported``, ``period``, ``deadline``,
    ``done_on``, ``days_left``, ``days_late``; codes and ISO dates, no words
    of any language (a dashboard or :func:`parplan.render_status` names them).
    """
    rows: list[dict[str, str | int | None]] = []
    for status in statuses:
        if not isinstance(status, PlanStatus):
            raise InvariantError("status_table.statuses", type(status).__name__, "must hold only PlanStatus")
        unit = status.plan.unit
        parent = None if unit.parent is None else unit.parent.full_name
        plan_name = str(status.plan.symbol) if status.plan.symbol is not None else status.plan.title
        for row in status.tasks:
            rows.append(  # noqa: PERF401 - one dict per row reads best spelled out
                {
                    "unit": unit.full_name,
                    "unit_code": unit.code,
                    "parent": parent,
                    "plan": plan_name,
                    "task": row.task.id,
                    "area": None if row.area is None else row.area.value,
                    "lead": "; ".join(row.leads) or None,
                    "state": row.state.value,
                    "reported": None if row.reported is None else row.reported.value,
                    "period": None if row.period is None else str(row.period),
                    "deadline": _iso(row.deadline),
                    "done_on": _iso(row.done_on),
                    "days_left": row.days_left,
                    "days_late": row.days_late,
                }
            )
    return rows
