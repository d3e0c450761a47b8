"""Adding statuses up: by area, by lead body, by unit, by the unit above and by period; ranking units.

:func:`rollup` counts the tasks in each :class:`~parplan.progress.evaluate.TaskState`
and the targets in each :class:`~parplan.progress.evaluate.TargetState` of
many evaluated plans (:class:`~parplan.progress.evaluate.PlanStatus`) under
one key:

============ ================================================================
``area``     the reform area of the task (or target); tasks with none apart
``lead``     each lead body of the task: a task led jointly counts for each
``unit``     the plan's unit (its statistical code, else its name and those
             of the units above it, so that two communes of the same name in
             different districts stay apart)
``parent``   the unit above the plan's unit: a district's or a province's
             communes together
``period``   the period (a quarter by default) the task's deadline falls in;
             for targets, their horizon; tasks with no deadline apart
============ ================================================================

Money: ``budget_planned`` adds the budgets of the tasks counted; ``budget_spent``
adds what the reports say was spent on them, or, by unit and by the unit above,
what the reports say was spent in all (their totals).

:func:`rank_units` ranks units by the share of their tasks done, the
highest first. Ties share a rank and the next rank skips ("1, 2, 2, 4", as
published rankings count), units tied are listed by name, and a unit with no
task to count is not ranked rather than put last.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.org import AdminUnit
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.progress._fast import maker
from parplan.progress._fields import instance, instance_or_none
from parplan.progress.evaluate import (
    PlanStatus,
    TargetCounts,
    TargetProgress,
    TargetState,
    TaskCounts,
    TaskProgress,
    TaskState,
)

__all__ = ["RankMeasure", "RollupKey", "RollupRow", "UnitRank", "rank_units", "rollup", "unit_key"]


class RollupKey(StrEnum):
    """What :func:`rollup` groups by."""

    AREA = "area"
    LEAD = "lead"
    UNIT = "unit"
    PARENT = "parent"
    PERIOD = "period"


@attrs.frozen(kw_only=True)
class RollupRow:
    """The counts of one group: its key, the tasks and targets in each state, the plans counted, the money.

    ``key`` is the area code, the lead's name, the unit's key
    (:func:`unit_key`), or the period's identifier ("2026Q1"); None for the
    group of tasks with no area, no lead, no unit above or no deadline.
    ``unit`` is the unit itself when grouping by unit or by the unit above.
    """

    key: str | None = attrs.field(validator=instance_or_none(str, "text"))
    tasks: TaskCounts = attrs.field(validator=instance(TaskCounts, "TaskCounts"))
    targets: TargetCounts = attrs.field(validator=instance(TargetCounts, "TargetCounts"))
    plans: int = attrs.field(validator=instance(int, "an int"))
    budget_planned: int | None = attrs.field(validator=instance_or_none(int, "an int"))
    budget_spent: int | None = attrs.field(validator=instance_or_none(int, "an int"))
    unit: AdminUnit | None = attrs.field(default=None, validator=instance_or_none(AdminUnit, "an AdminUnit"))


_make_row = maker(RollupRow)
_make_task_counts = maker(TaskCounts)
_make_target_counts = maker(TargetCounts)
_TASK_INDEX = {state: index for index, state in enumerate(TaskState)}
_TARGET_INDEX = {state: index for index, state in enumerate(TargetState)}


def unit_key(unit: AdminUnit) -> str:
    """How a unit is told apart: its statistical code, else its name with the names of the units above it.

    >>> from parplan import AdminUnit, UnitKind
    >>> unit_key(AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE, parent=AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)))
    'xã Sơn Châu, tỉnh Hà Tĩnh'
    """
    if unit.code is not None:
        return unit.code
    return ", ".join(part.full_name for part in unit.chain())


class _Group:
    __slots__ = ("planned", "plans", "spent", "targets", "tasks", "unit")

    def __init__(self, unit: AdminUnit | None) -> None:
        self.tasks = [0] * len(_TASK_INDEX)
        self.targets = [0] * len(_TARGET_INDEX)
        self.plans: set[int] = set()
        self.planned: int | None = None
        self.spent: int | None = None
        self.unit = unit

    def add_money(self, planned: int | None, spent: int | None) -> None:
        if planned is not None:
            self.planned = planned if self.planned is None else self.planned + planned
        if spent is not None:
            self.spent = spent if self.spent is None else self.spent + spent

    def row(self, key: str | None) -> RollupRow:
        return _make_row(
            key,
            _make_task_counts(*self.tasks),
            _make_target_counts(*self.targets),
            len(self.plans),
            self.planned,
            self.spent,
            self.unit,
        )


def _period_of(day: date | None, kind: PeriodKind) -> str | None:
    if day is None:
        return None
    if kind is PeriodKind.YEAR:
        return f"{day.year:04d}"
    if kind is PeriodKind.HALF:
        return f"{day.year:04d}S{1 if day.month <= 6 else 2}"
    if kind is PeriodKind.QUARTER:
        return f"{day.year:04d}Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}M{day.month:02d}"


def _check(statuses: object, by: object, period_kind: object) -> tuple[Sequence[PlanStatus], RollupKey, PeriodKind]:
    if not isinstance(by, RollupKey):
        raise InvariantError("rollup.by", by, f"must be a RollupKey: {', '.join(key.value for key in RollupKey)}")
    if not isinstance(period_kind, PeriodKind) or period_kind is PeriodKind.NINE_MONTHS:
        raise InvariantError("rollup.period_kind", period_kind, "must be PeriodKind.YEAR, HALF, QUARTER or MONTH")
    if not isinstance(statuses, Iterable) or isinstance(statuses, PlanStatus | str | bytes):
        raise InvariantError("rollup.statuses", type(statuses).__name__, "must be an iterable of PlanStatus")
    given = statuses if isinstance(statuses, list | tuple) else list(statuses)
    for status in given:
        if not isinstance(status, PlanStatus):
            raise InvariantError("rollup.statuses", type(status).__name__, "must hold only PlanStatus")
    return given, by, period_kind


def rollup(
    statuses: Iterable[PlanStatus], *, by: RollupKey, period_kind: PeriodKind = PeriodKind.QUARTER
) -> tuple[RollupRow, ...]:
    """The tasks and targets of ``statuses`` counted by state, grouped ``by`` a key (see :mod:`parplan.progress.rollup`).

    Groups come in a stable order: areas in official order, periods in time,
    units and leads by key; the group with no key last. ``period_kind`` sets
    the length of the periods when grouping ``by=RollupKey.PERIOD``.
    """
    given, key, kind = _check(statuses, by, period_kind)
    groups: dict[Any, _Group] = {}
    task_index = _TASK_INDEX
    target_index = _TARGET_INDEX
    for number, status in enumerate(given):
        if key is RollupKey.UNIT or key is RollupKey.PARENT:
            unit = status.plan.unit if key is RollupKey.UNIT else status.plan.unit.parent
            name = None if unit is None else unit_key(unit)
            group = groups.get(name)
            if group is None:
                group = groups[name] = _Group(unit)
            group.plans.add(number)
            tally = group.tasks
            for row in status.tasks:
                tally[task_index[row.state]] += 1
            targets = group.targets
            for target in status.targets:
                targets[target_index[target.state]] += 1
            group.add_money(status.budget_planned, status.budget_spent)
            continue
        for row in status.tasks:
            for name in _task_keys(row, key, kind):
                group = groups.get(name)
                if group is None:
                    group = groups[name] = _Group(None)
                group.plans.add(number)
                group.tasks[task_index[row.state]] += 1
                group.add_money(row.planned, row.spent)
        for target in status.targets:
            for name in _target_keys(target, key, kind):
                group = groups.get(name)
                if group is None:
                    group = groups[name] = _Group(None)
                group.plans.add(number)
                group.targets[target_index[target.state]] += 1
    return tuple(groups[name].row(name) for name in _ordered(groups, key))


def _task_keys(row: TaskProgress, key: RollupKey, kind: PeriodKind) -> tuple[str | None, ...]:
    if key is RollupKey.AREA:
        return (None if row.area is None else row.area.value,)
    if key is RollupKey.LEAD:
        return row.leads or (None,)
    return (_period_of(row.deadline, kind),)


def _target_keys(row: TargetProgress, key: RollupKey, kind: PeriodKind) -> tuple[str | None, ...]:
    if key is RollupKey.AREA:
        return (None if row.area is None else row.area.value,)
    if key is RollupKey.LEAD:
        return row.leads or (None,)
    return (_period_of(row.horizon, kind),)


_AREA_ORDER = {area.value: area.number for area in ReformArea}


def _ordered(groups: dict[Any, _Group], key: RollupKey) -> list[str | None]:
    names = [name for name in groups if name is not None]
    if key is RollupKey.AREA:
        names.sort(key=lambda name: _AREA_ORDER[name])
    elif key is RollupKey.PERIOD:
        names.sort(key=lambda name: (ReportingPeriod.parse(name).start, name))
    else:
        names.sort(key=lambda name: (name.casefold(), name))
    if None in groups:
        return [*names, None]
    return list(names)


# --- ranking ---------------------------------------------------------------------------


class RankMeasure(StrEnum):
    """What :func:`rank_units` ranks units by."""

    DONE_SHARE = "done_share"
    """Tasks done, on time or late, in percent of the tasks not cancelled."""
    ON_TIME_SHARE = "on_time_share"
    """Tasks done on time, in percent of the tasks not cancelled."""


@attrs.frozen(kw_only=True)
class UnitRank:
    """One unit's place: the value of the measure, its rank (None: not ranked) and how many were ranked.

    ``among`` is the key of the unit above when units are ranked within it
    (:func:`unit_key`), else None.
    """

    unit: AdminUnit = attrs.field(validator=instance(AdminUnit, "an AdminUnit"))
    value: Decimal | None = attrs.field(validator=instance_or_none(Decimal, "a Decimal"))
    rank: int | None = attrs.field(validator=instance_or_none(int, "an int"))
    out_of: int = attrs.field(validator=instance(int, "an int"))
    among: str | None = attrs.field(default=None, validator=instance_or_none(str, "text"))


_make_rank = maker(UnitRank)


def rank_units(
    statuses: Iterable[PlanStatus], *, measure: RankMeasure = RankMeasure.DONE_SHARE, within_parent: bool = False
) -> tuple[UnitRank, ...]:
    """Units ranked by ``measure``, the highest first; ``within_parent`` ranks each unit among its siblings.

    "xếp thứ 4/25 toàn huyện": with ``within_parent=True`` the communes of
    each district are ranked among themselves. Ties share a rank and the
    next rank skips; a unit with no task to count has no rank. Several plans
    of one unit count together.
    """
    if not isinstance(measure, RankMeasure):
        raise InvariantError("rank_units.measure", measure, "must be a RankMeasure")
    if within_parent is not True and within_parent is not False:
        raise InvariantError("rank_units.within_parent", within_parent, "must be true or false")
    rows = rollup(statuses, by=RollupKey.UNIT)
    scored: dict[str | None, list[tuple[Decimal | None, str, AdminUnit]]] = {}
    for row in rows:
        unit = row.unit
        if unit is None:  # pragma: no cover - every plan has a unit
            continue
        value = row.tasks.done_share if measure is RankMeasure.DONE_SHARE else row.tasks.on_time_share
        among = None
        if within_parent and unit.parent is not None:
            among = unit_key(unit.parent)
        scored.setdefault(among, []).append((value, row.key or "", unit))
    ranked: list[UnitRank] = []
    for among in sorted(scored, key=lambda name: (name is None, (name or "").casefold(), name or "")):
        entries = scored[among]
        valued = sorted(
            (entry for entry in entries if entry[0] is not None),
            key=lambda entry: (-entry[0], entry[1].casefold(), entry[1]),  # type: ignore[operator]  # not None here
        )
        out_of = len(valued)
        previous: Decimal | None = None
        rank = 0
        for position, (value, _, unit) in enumerate(valued, start=1):
            if value != previous:
                rank = position
                previous = value
            ranked.append(_make_rank(unit, value, rank, out_of, among))
        unvalued = sorted((entry for entry in entries if entry[0] is None), key=lambda e: (e[1].casefold(), e[1]))
        ranked.extend(_make_rank(unit, None, None, out_of, among) for _, _, unit in unvalued)
    return tuple(ranked)
