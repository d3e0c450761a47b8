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

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

import attrs

from parplan._values import field_name
from parplan.areas import ReformArea
from parplan.calendar import WorkCalendar, official_calendar
from parplan.errors import InvariantError
from parplan.org import JointParty, Party
from parplan.periods import ReportingPeriod
from parplan.plan import Plan, Task
from parplan.progress._fast import maker
from parplan.progress._fields import instance, instance_or_none
from parplan.progress.report import ProgressReport, TaskStatus, TaskUpdate, ValueUpdate
from parplan.schedule import par_periods
from parplan.targets import Comparator, Target, Unit
from parplan.timeframes import Compound, Recurring, Timeframe, WithinWorkingDays

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


@attrs.frozen(kw_only=True)
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


def _opt_date() -> Any:
    return attrs.field(validator=instance_or_none(date, "a date"))


def _opt_int() -> Any:
    return attrs.field(validator=instance_or_none(int, "an int"))


def _labels() -> Any:
    return attrs.field(validator=instance(tuple, "a tuple of names"))


@attrs.frozen(kw_only=True)
class TaskProgress:
    """The state of one task on the day of the evaluation, and what it rests on.

    ``deadline`` is the last day allowed, moved to the next working day when it
    is a day off (None: no completion deadline); ``earliest`` the first day the
    timeframe allows. ``reported`` is the latest status reported,
    ``reported_to`` the day that news holds to (the end of its report's data
    window) and ``period`` its report's period. ``days_left`` counts the
    working days after the day of the evaluation up to the deadline (0: due
    today) for a task not done; ``days_late`` the working days past the
    deadline of a task overdue or done late. ``planned`` is the task's budget
    and ``spent`` the money reported spent on it, in đồng.
    """

    task: str = attrs.field(validator=instance(str, "a task id"))
    state: TaskState = attrs.field(validator=instance(TaskState, "a TaskState"))
    area: ReformArea | None = attrs.field(validator=instance_or_none(ReformArea, "a ReformArea"))
    leads: tuple[str, ...] = _labels()
    earliest: date | None = _opt_date()
    deadline: date | None = _opt_date()
    reported: TaskStatus | None = attrs.field(validator=instance_or_none(TaskStatus, "a TaskStatus"))
    reported_to: date | None = _opt_date()
    period: ReportingPeriod | None = attrs.field(validator=instance_or_none(ReportingPeriod, "a ReportingPeriod"))
    done_on: date | None = _opt_date()
    days_left: int | None = _opt_int()
    days_late: int | None = _opt_int()
    planned: int | None = _opt_int()
    spent: int | None = _opt_int()
    note: str | None = attrs.field(validator=instance_or_none(str, "text"))


@attrs.frozen(kw_only=True)
class TargetProgress:
    """The attainment of one target on the day of the evaluation.

    ``target`` is the target's id (None for a target without one) and
    ``owner`` the objective or task it belongs to (``task:<id>``). ``latest``
    is the latest actual value and ``latest_on`` its day; ``threshold`` the
    value the target sets; ``gap`` their difference (positive: above it).
    ``ratio`` is R, the observed over the needed rate, when a trend was
    measured, and ``band`` its :class:`ProgressBand`. ``observations`` counts
    the values used; ``basis`` says what the state rests on.
    """

    target: str | None = attrs.field(validator=instance_or_none(str, "a target id"))
    owner: str = attrs.field(validator=instance(str, "an owner id"))
    state: TargetState = attrs.field(validator=instance(TargetState, "a TargetState"))
    basis: TargetBasis = attrs.field(validator=instance(TargetBasis, "a TargetBasis"))
    band: ProgressBand | None = attrs.field(validator=instance_or_none(ProgressBand, "a ProgressBand"))
    ratio: Decimal | None = attrs.field(validator=instance_or_none(Decimal, "a Decimal"))
    area: ReformArea | None = attrs.field(validator=instance_or_none(ReformArea, "a ReformArea"))
    leads: tuple[str, ...] = _labels()
    unit: Unit | None = attrs.field(validator=instance_or_none(Unit, "a Unit"))
    threshold: Decimal | None = attrs.field(validator=instance_or_none(Decimal, "a Decimal"))
    latest: Decimal | None = attrs.field(validator=instance_or_none(Decimal, "a Decimal"))
    latest_on: date | None = _opt_date()
    gap: Decimal | None = attrs.field(validator=instance_or_none(Decimal, "a Decimal"))
    horizon: date = attrs.field(validator=instance(date, "a date"))
    observations: int = attrs.field(validator=instance(int, "an int"))


@attrs.frozen(kw_only=True)
class ReportTimeliness:
    """Whether one report came in on time.

    ``due`` is the deadline, moved to the next working day when it is a day
    off; ``days_late`` the working days after it the report came. ``expected``
    is False for a report the schedule does not ask for (a monthly report, a
    second report of a period); ``report`` is the position of the report among
    those given to :func:`evaluate`, None when none was received.
    """

    period: ReportingPeriod = attrs.field(validator=instance(ReportingPeriod, "a ReportingPeriod"))
    state: Timeliness = attrs.field(validator=instance(Timeliness, "a Timeliness"))
    due: date = attrs.field(validator=instance(date, "a date"))
    submitted_on: date | None = _opt_date()
    days_late: int | None = _opt_int()
    expected: bool = attrs.field(validator=instance(bool, "true or false"))
    report: int | None = _opt_int()


def _count() -> Any:
    return attrs.field(default=0, validator=instance(int, "an int"))


_HUNDRED = Decimal(100)


def _share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * _HUNDRED / Decimal(whole)


@attrs.frozen(kw_only=True)
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
        count: int = getattr(self, state.value)
        return count

    def __add__(self, other: TaskCounts) -> TaskCounts:
        if not isinstance(other, TaskCounts):
            return NotImplemented
        return _make_task_counts(*(self.count(state) + other.count(state) for state in _TASK_STATES))

    @property
    def total(self) -> int:
        """Every task counted."""
        return sum(self.count(state) for state in _TASK_STATES)

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
_make_task_counts = maker(TaskCounts)


@attrs.frozen(kw_only=True)
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
        count: int = getattr(self, state.value)
        return count

    def __add__(self, other: TargetCounts) -> TargetCounts:
        if not isinstance(other, TargetCounts):
            return NotImplemented
        return _make_target_counts(*(self.count(state) + other.count(state) for state in _TARGET_STATES))

    @property
    def total(self) -> int:
        """Every target counted."""
        return sum(self.count(state) for state in _TARGET_STATES)


_TARGET_STATES = tuple(TargetState)
_make_target_counts = maker(TargetCounts)


@attrs.frozen(kw_only=True)
class PlanStatus:
    """Where one plan stands on ``as_of``: its tasks, targets and reports, and its money.

    ``budget_planned`` is the sum of the tasks' budgets that state an amount
    (None when none does); ``budget_spent`` the money the reports say was
    spent, in đồng (None when none says). Reports whose windows overlap (the
    first half and its first quarter) are not added twice: the latest-ending,
    longest windows are taken first.
    """

    plan: Plan = attrs.field(validator=instance(Plan, "a Plan"))
    as_of: date = attrs.field(validator=instance(date, "a date"))
    tasks: tuple[TaskProgress, ...] = attrs.field(validator=instance(tuple, "a tuple"))
    targets: tuple[TargetProgress, ...] = attrs.field(validator=instance(tuple, "a tuple"))
    reports: tuple[ReportTimeliness, ...] = attrs.field(validator=instance(tuple, "a tuple"))
    budget_planned: int | None = _opt_int()
    budget_spent: int | None = _opt_int()

    @property
    def unit(self) -> Any:
        """The plan's administrative unit."""
        return self.plan.unit

    @property
    def task_counts(self) -> TaskCounts:
        """How many tasks are in each state."""
        return TaskCounts.of(row.state for row in self.tasks)

    @property
    def target_counts(self) -> TargetCounts:
        """How many targets are in each state."""
        return TargetCounts.of(row.state for row in self.targets)

    def task(self, task_id: str) -> TaskProgress | None:
        """The row of the task ``task_id`` (the first when ids repeat), or None."""
        return next((row for row in self.tasks if row.task == task_id), None)

    def target(self, target_id: str) -> TargetProgress | None:
        """The row of the target ``target_id``, or None."""
        return next((row for row in self.targets if row.target == target_id), None)


_make_task = maker(TaskProgress)
_make_target = maker(TargetProgress)
_make_timeliness = maker(ReportTimeliness)


# --- parties ---------------------------------------------------------------------------


def _leads(party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    if isinstance(party, JointParty):
        return tuple(member.label for member in party.members)
    return (party.label,)


# --- deadlines -------------------------------------------------------------------------


class _Days:
    """Deadlines and working days, each computed once per evaluation."""

    __slots__ = ("_between", "_calendar", "_rolled")

    def __init__(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar
        self._rolled: dict[date, date] = {}
        self._between: dict[tuple[date, date], int | None] = {}

    def roll(self, day: date) -> date:
        """``day``, or the next working day when it is a day off (the day itself outside the calendar's years)."""
        found = self._rolled.get(day)
        if found is None:
            try:
                found = self._calendar.roll_forward(day)
            except InvariantError:  # a year the working-day calendar does not cover
                found = day
            self._rolled[day] = found
        return found

    def between(self, start: date, end: date) -> int | None:
        """Working days after ``start`` up to and including ``end``; None outside the calendar's years."""
        key = (start, end)
        if key in self._between:
            return self._between[key]
        try:
            found: int | None = self._calendar.working_days_between(start, end)
        except InvariantError:
            found = None
        self._between[key] = found
        return found

    def latest(self, timeframe: Timeframe) -> date | None:
        """The last day a timeframe allows for finishing the work; None for recurring work and open timeframes."""
        if isinstance(timeframe, Recurring):
            return None
        if isinstance(timeframe, WithinWorkingDays):
            try:
                return timeframe.latest_on(self._calendar)
            except InvariantError:
                return timeframe.latest
        if isinstance(timeframe, Compound) and any(isinstance(s.timeframe, Recurring) for s in timeframe.steps):
            days = [self.latest(s.timeframe) for s in timeframe.steps if not isinstance(s.timeframe, Recurring)]
            return None if not days or any(d is None for d in days) else max(d for d in days if d is not None)
        return timeframe.latest


# --- tasks -----------------------------------------------------------------------------

_DONE = TaskStatus.DONE
_DONE_LATE = TaskStatus.DONE_LATE
_CANCELLED = TaskStatus.CANCELLED
_NOT_STARTED = TaskStatus.NOT_STARTED
_HELD_UP = frozenset({TaskStatus.BLOCKED, TaskStatus.POSTPONED})


def _budget(task: Task) -> int | None:
    budget = task.budget
    if budget is None:
        return None
    return budget.amount if budget.amount is not None else budget.lines_total


def _task_row(  # noqa: PLR0913 - the task, its news, and the evaluation's settings
    task: Task,
    news: tuple[TaskUpdate, ProgressReport] | None,
    spent: int | None,
    as_of: date,
    days: _Days,
    due_soon: int,
) -> TaskProgress:
    timeframe = task.timeframe
    earliest = latest = None
    if timeframe is not None:
        earliest = timeframe.earliest
        latest = days.latest(timeframe)
    deadline = None if latest is None else days.roll(latest)
    responsibility = task.responsibility
    leads = () if responsibility is None else _leads(responsibility.lead)
    days_left = days_late = None
    if news is None:
        return _make_task(
            task.id, TaskState.NO_INFORMATION, task.area, leads, earliest, deadline,
            None, None, None, None, None, None, _budget(task), spent, None,
        )  # fmt: skip
    update, report = news
    status = update.status
    done_on = update.done_on
    reported_to = report.data_window.end
    if status is _DONE or status is _DONE_LATE:
        late = status is _DONE_LATE or (deadline is not None and done_on is not None and done_on > deadline)
        state = TaskState.DONE_LATE if late else TaskState.DONE
        if late and deadline is not None and done_on is not None and done_on > deadline:
            days_late = days.between(deadline, done_on)
    elif status is _CANCELLED:
        state = TaskState.CANCELLED
    elif deadline is not None and as_of > deadline:
        if reported_to >= deadline:
            state = TaskState.OVERDUE
            days_late = days.between(deadline, as_of)
        else:
            state = TaskState.NO_INFORMATION
    else:
        if deadline is not None:
            days_left = days.between(as_of, deadline)
        if status in _HELD_UP:
            state = TaskState.AT_RISK
        elif days_left is not None and days_left <= due_soon:
            state = TaskState.DUE_SOON
        elif status is _NOT_STARTED:
            state = TaskState.NOT_STARTED
        else:
            state = TaskState.ON_TRACK
    return _make_task(
        task.id, state, task.area, leads, earliest, deadline, status, reported_to, report.period,
        done_on, days_left, days_late, _budget(task), spent, update.note,
    )  # fmt: skip


# --- targets ---------------------------------------------------------------------------

_LOWER_IS_BETTER = frozenset({Comparator.LE, Comparator.LT, Comparator.DECREASE})


def _direction(target: Target, start: Decimal, threshold: Decimal) -> int:
    """+1 when higher values are better, -1 when lower are, 0 when already at an exact target."""
    comparator = target.comparator
    if comparator is Comparator.EQ:
        return (threshold > start) - (threshold < start)
    lower = comparator in _LOWER_IS_BETTER
    if target.unit is Unit.RANK and comparator.is_relative:
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


def _reaches(value: Decimal, wanted: Decimal, direction: int) -> bool:
    return value >= wanted if direction >= 0 else value <= wanted


def _attainment(  # noqa: PLR0911 - one return per verdict
    target: Target,
    observations: list[tuple[date, Decimal]],
    skipped_units: bool,
    as_of: date,
    horizon: date,
    plan_start: date,
    thresholds: TrendThresholds,
) -> tuple[TargetState, TargetBasis, ProgressBand | None, Decimal | None, Decimal | None]:
    """The state, its basis, the band, R and the threshold of ``target`` given its values in date order."""
    threshold = target.threshold()
    if threshold is None:
        return TargetState.NO_DATA, TargetBasis.BASELINE_UNKNOWN, None, None, None
    if not observations:
        basis = TargetBasis.OTHER_UNIT if skipped_units else TargetBasis.NO_VALUES
        return TargetState.NO_DATA, basis, None, None, threshold
    latest_on, latest = observations[-1]
    met = target.evaluate(latest).met
    if as_of > horizon:
        state = TargetState.MET if met else TargetState.NOT_MET
        return state, TargetBasis.FINAL, ProgressBand.ACHIEVED if met else None, None, threshold
    if met:
        return TargetState.MET, TargetBasis.REACHED, ProgressBand.ACHIEVED, None, threshold
    start: tuple[date, Decimal] | None = observations[0] if observations[0][0] < latest_on else None
    if start is None:
        point = _baseline_point(target, plan_start)
        if point is not None and point[0] < latest_on:
            start = point
    direction = _direction(target, start[1] if start is not None else latest, threshold)
    due = [m for m in target.milestones if m.by <= latest_on]
    if due and not _reaches(latest, due[-1].value, direction):
        band = None if start is None else _band(start, (latest_on, latest), threshold, horizon, direction, thresholds)[0]
        return TargetState.AT_RISK, TargetBasis.MILESTONE_MISSED, band, None, threshold
    if start is None:
        if due:
            return TargetState.ON_TRACK, TargetBasis.MILESTONE_MET, None, None, threshold
        return TargetState.NO_DATA, TargetBasis.SINGLE_VALUE, None, None, threshold
    band, ratio = _band(start, (latest_on, latest), threshold, horizon, direction, thresholds)
    state = TargetState.ON_TRACK if band is ProgressBand.ON_TRACK else TargetState.AT_RISK
    return state, TargetBasis.TREND, band, ratio, threshold


def _band(  # noqa: PLR0913 - two points, the goal and the bands
    start: tuple[date, Decimal],
    latest: tuple[date, Decimal],
    threshold: Decimal,
    horizon: date,
    direction: int,
    thresholds: TrendThresholds,
) -> tuple[ProgressBand, Decimal | None]:
    """The band and R from ``start`` to ``latest`` towards ``threshold`` by ``horizon``."""
    needed = (threshold - start[1]) * direction
    remaining_days = (horizon - start[0]).days
    if needed <= 0 or remaining_days <= 0:  # the start already reached it (and the latest does not): moving away
        return ProgressBand.DETERIORATION, None
    observed = (latest[1] - start[1]) * direction
    elapsed_days = (latest[0] - start[0]).days
    ratio = (observed * remaining_days) / (needed * elapsed_days)
    return thresholds.band(ratio), ratio


# --- reports ---------------------------------------------------------------------------


def _non_overlapping(reports: Sequence[ProgressReport]) -> list[ProgressReport]:
    """Reports whose windows do not overlap, the latest-ending and longest first (money is not counted twice)."""
    chosen: list[ProgressReport] = []
    taken: list[tuple[date, date]] = []
    ordered = sorted(reports, key=lambda r: (r.data_window.end, -r.data_window.start.toordinal()), reverse=True)
    for report in ordered:
        window = report.data_window
        if all(window.end < start or window.start > end for start, end in taken):
            chosen.append(report)
            taken.append((window.start, window.end))
    return chosen


def _report_spent(report: ProgressReport) -> int | None:
    if report.budget_spent is not None:
        return report.budget_spent
    amounts = [update.spent for update in report.updates if update.spent is not None]
    return sum(amounts) if amounts else None


def _expected(plan: Plan) -> list[tuple[ReportingPeriod, date]]:
    """The reports the plan's schedule asks for, with their deadlines (not yet moved off days off)."""
    if plan.reporting:
        found: dict[ReportingPeriod, date] = {}
        for line in plan.reporting:
            if line.period not in found:
                found[line.period] = line.due if line.due is not None else line.period.due
        return list(found.items())
    return [(period, period.due) for year in range(plan.first_year, plan.last_year + 1) for period in par_periods(year)]


def _timeliness(
    plan: Plan, reports: Sequence[ProgressReport], as_of: date, days: _Days
) -> tuple[ReportTimeliness, ...]:
    rows: list[ReportTimeliness] = []
    used: set[int] = set()

    def row(period: ReportingPeriod, due: date, index: int | None, *, expected: bool) -> ReportTimeliness:
        rolled = days.roll(due)
        if index is None:
            state = Timeliness.MISSING if as_of > rolled else Timeliness.NOT_YET_DUE
            return _make_timeliness(period, state, rolled, None, None, expected, None)
        submitted = reports[index].submitted_on
        if submitted is None:
            return _make_timeliness(period, Timeliness.NO_DATE, rolled, None, None, expected, index)
        if submitted <= rolled:
            return _make_timeliness(period, Timeliness.ON_TIME, rolled, submitted, None, expected, index)
        late = days.between(rolled, submitted)
        return _make_timeliness(period, Timeliness.LATE, rolled, submitted, late, expected, index)

    received: dict[ReportingPeriod, list[int]] = {}
    for index, report in enumerate(reports):
        if report.known_on <= as_of:
            received.setdefault(report.period, []).append(index)
    for period, due in _expected(plan):
        indexes = received.get(period)
        index = None
        if indexes:
            index = min(indexes, key=lambda i: (reports[i].known_on, i))
            used.add(index)
        rows.append(row(period, due, index, expected=True))
    for index, report in enumerate(reports):
        if index not in used and report.known_on <= as_of:
            rows.append(row(report.period, report.period.due, index, expected=False))
    return tuple(rows)


# --- the evaluation --------------------------------------------------------------------


def _check_arguments(
    plan: object, reports: object, as_of: object, calendar: object, due_soon: object, thresholds: object
) -> tuple[Plan, tuple[ProgressReport, ...], date]:
    if not isinstance(plan, Plan):
        raise InvariantError("evaluate.plan", type(plan).__name__, "must be a parplan.Plan")
    if isinstance(reports, ProgressReport) or isinstance(reports, str | bytes) or not isinstance(reports, Iterable):
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
    if due_soon.__class__ is not int or due_soon < 0:  # type: ignore[operator]  # an int, checked first
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
    days = _Days(official_calendar() if calendar is None else calendar)
    known = [report for report in given if report.known_on <= as_of]
    known.sort(key=lambda r: (r.data_window.end, r.known_on))
    news: dict[str, tuple[TaskUpdate, ProgressReport]] = {}
    for report in known:
        for update in report.updates:
            news[update.task] = (update, report)
    money = _non_overlapping(known)
    task_spent: dict[str, int] = {}
    for report in money:
        last: dict[str, int] = {}
        for update in report.updates:
            if update.spent is not None:
                last[update.task] = update.spent
        for task_id, amount in last.items():
            task_spent[task_id] = task_spent.get(task_id, 0) + amount
    tasks = tuple(
        [_task_row(task, news.get(task.id), task_spent.get(task.id), as_of, days, due_soon) for task in plan.tasks]
    )
    targets = _targets(plan, known, as_of, thresholds)
    planned = [amount for amount in (_budget(task) for task in plan.tasks) if amount is not None]
    spent = [amount for amount in (_report_spent(report) for report in money) if amount is not None]
    return PlanStatus(
        plan=plan,
        as_of=as_of,
        tasks=tasks,
        targets=targets,
        reports=_timeliness(plan, given, as_of, days),
        budget_planned=sum(planned) if planned else None,
        budget_spent=sum(spent) if spent else None,
    )


def _observations(
    known: Sequence[ProgressReport], as_of: date
) -> tuple[dict[str, list[tuple[date, int, ValueUpdate]]], dict[str, list[tuple[date, int, ValueUpdate]]]]:
    by_target: dict[str, list[tuple[date, int, ValueUpdate]]] = {}
    by_indicator: dict[str, list[tuple[date, int, ValueUpdate]]] = {}
    order = 0
    for report in known:
        end = report.data_window.end
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


def _targets(
    plan: Plan, known: Sequence[ProgressReport], as_of: date, thresholds: TrendThresholds
) -> tuple[TargetProgress, ...]:
    by_target, by_indicator = _observations(known, as_of)
    plan_start = date(plan.first_year, 1, 1)
    plan_end = date(plan.last_year, 12, 31)
    rows: list[TargetProgress] = []
    tasks_by_id = {task.id: task for task in plan.tasks}
    for owner, target, area, leads in _plan_targets(plan, tasks_by_id):
        found: list[tuple[date, int, ValueUpdate]] = []
        if target.id is not None and target.id in by_target:
            found.extend(by_target[target.id])
        if target.indicator is not None and target.indicator in by_indicator:
            found.extend(by_indicator[target.indicator])
        wanted = target.unit
        usable = [entry for entry in found if entry[2].unit is None or wanted is None or entry[2].unit is wanted]
        usable.sort(key=lambda entry: (entry[0], entry[1]))
        series: dict[date, Decimal] = {}
        for day, _, value in usable:
            series[day] = value.value  # the last written for a day wins
        observations = list(series.items())
        horizon = target.horizon if target.horizon is not None else plan_end
        state, basis, band, ratio, threshold = _attainment(
            target, observations, len(usable) < len(found), as_of, horizon, plan_start, thresholds
        )
        latest_on, latest = observations[-1] if observations else (None, None)
        gap = None if latest is None or threshold is None else latest - threshold
        rows.append(
            _make_target(
                target.id, owner, state, basis, band, ratio, area, leads, target.unit, threshold,
                latest, latest_on, gap, horizon, len(observations),
            )  # fmt: skip
        )
    return tuple(rows)


def _plan_targets(
    plan: Plan, tasks_by_id: dict[str, Task]
) -> Iterator[tuple[str, Target, ReformArea | None, tuple[str, ...]]]:
    for index, objective in enumerate(plan.objectives):
        owner = objective.id or f"objective:{index}"
        for target in objective.targets:
            yield owner, target, objective.area, ()
    for task in plan.tasks:
        if task.targets:
            responsibility = task.responsibility
            leads = () if responsibility is None else _leads(responsibility.lead)
            for target in task.targets:
                yield f"task:{task.id}", target, task.area, leads


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
                    "task": row.task,
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
