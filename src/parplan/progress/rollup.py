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

from parplan._values import typed_fields
from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.org import AdminUnit, CollectiveParty, Organisation
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.progress._fast import maker
from parplan.progress.evaluate import PlanStatus, TargetCounts, TargetState, TaskCounts, TaskState

__all__ = ["RankMeasure", "RollupKey", "RollupRow", "UnitRank", "rank_units", "rollup", "unit_key"]


class RollupKey(StrEnum):
    """What :func:`rollup` groups by."""

    AREA = "area"
    LEAD = "lead"
    UNIT = "unit"
    PARENT = "parent"
    PERIOD = "period"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RollupRow:
    """The counts of one group: its key, the tasks and targets in each state, the plans counted, the money.

    ``key`` is the area code, the lead's name, the unit's key
    (:func:`unit_key`), or the period's identifier ("2026Q1"); None for the
    group of tasks with no area, no lead, no unit above or no deadline.
    ``unit`` is the unit itself when grouping by unit or by the unit above.
    """

    key: str | None
    tasks: TaskCounts
    targets: TargetCounts
    plans: int
    budget_planned: int | None
    budget_spent: int | None
    unit: AdminUnit | None = attrs.field(default=None)


_make_row = maker(RollupRow)
_make_task_counts = maker(TaskCounts)
_make_target_counts = maker(TargetCounts)
_TASK_INDEX = {state: index for index, state in enumerate(TaskState)}
_TARGET_INDEX = {state: index for index, state in enumerate(TargetState)}


def unit_key(unit: AdminUnit) -> str:
    """How a unit is told apart: its statistical code, else its name with the names of the units above it.

    >>> from parplan import AdminUnit, UnitKind
    >>> province = AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
    >>> unit_key(AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE, parent=province))
    'xã Sơn Châu, tỉnh Hà Tĩnh'
    """
    if unit.code is not None:
        return unit.code
    return ", ".join(part.full_name for part in unit.chain())


class _Group:
    __slots__ = ("last", "planned", "plans", "spent", "targets", "tasks", "unit")

    def __init__(self, unit: AdminUnit | None) -> None:
        self.tasks = [0] * len(_TASK_INDEX)
        self.targets = [0] * len(_TARGET_INDEX)
        self.plans = 0
        self.last = -1
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
            self.plans,
            self.planned,
            self.spent,
            self.unit,
        )


class _PeriodKeys(dict[date | None, str | None]):
    """The identifier of the period of each day, worked out once per day."""

    __slots__ = ("kind",)

    def __init__(self, kind: PeriodKind) -> None:
        super().__init__()
        self.kind = kind

    def __missing__(self, day: date | None) -> str | None:
        found = self[day] = _period_of(day, self.kind)
        return found


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
    """The tasks and targets of ``statuses`` counted by state, grouped ``by`` a key.

    See :mod:`parplan.progress.rollup` for the keys. Groups come in a stable
    order: areas in official order, periods in time, units and leads by key;
    the group with no key last. ``period_kind`` sets the length of the
    periods when grouping ``by=RollupKey.PERIOD``.
    """
    given, key, kind = _check(statuses, by, period_kind)
    if key is RollupKey.UNIT or key is RollupKey.PARENT:
        groups = _by_unit(given, parent=key is RollupKey.PARENT)
    else:
        groups = _by_row(given, key, kind)
    return tuple(groups[name].row(name) for name in _ordered(groups, key))


def _by_unit(given: Sequence[PlanStatus], *, parent: bool) -> dict[str | None, _Group]:
    groups: dict[str | None, _Group] = {}
    for status in given:
        unit = status.plan.unit.parent if parent else status.plan.unit
        name = None if unit is None else unit_key(unit)
        group = groups.get(name)
        if group is None:
            group = groups[name] = _Group(unit)
        group.plans += 1
        group.tasks = [a + b for a, b in zip(group.tasks, status.task_counts.values(), strict=True)]
        group.targets = [a + b for a, b in zip(group.targets, status.target_counts.values(), strict=True)]
        group.add_money(status.budget_planned, status.budget_spent)
    return groups


def _group(groups: dict[Any, _Group], name: Any, number: int) -> _Group:
    group = groups.get(name)
    if group is None:
        group = groups[name] = _Group(None)
    if group.last != number:
        group.last = number
        group.plans += 1
    return group


def _by_row(given: Sequence[PlanStatus], key: RollupKey, kind: PeriodKind) -> dict[Any, _Group]:  # noqa: C901, PLR0912 - tasks and targets, three keys, in one pass
    """Groups keyed by the area (the member itself), each lead, or the period identifier, counted row by row."""
    groups: dict[Any, _Group] = {}
    task_index = _TASK_INDEX
    target_index = _TARGET_INDEX
    periods = _PeriodKeys(kind)
    area, lead = key is RollupKey.AREA, key is RollupKey.LEAD
    for number, status in enumerate(given):
        for row in status.tasks:
            if lead:
                responsibility = row.task.responsibility
                party = None if responsibility is None else responsibility.lead
                if party is None or type(party) is Organisation or type(party) is CollectiveParty:
                    group = _group(groups, None if party is None else party.name, number)
                    group.tasks[task_index[row.state]] += 1
                    if row.spent is not None or row.task.budget is not None:
                        group.add_money(row.planned, row.spent)
                    continue
                for name in row.leads:
                    group = _group(groups, name, number)
                    group.tasks[task_index[row.state]] += 1
                    if row.spent is not None or row.task.budget is not None:
                        group.add_money(row.planned, row.spent)
                continue
            found_key = row.task.area if area else periods[row.deadline]
            found = groups.get(found_key)  # what _group() does, written out: this is the loop over every task
            if found is None:
                found = groups[found_key] = _Group(None)
            group = found
            if group.last != number:
                group.last = number
                group.plans += 1
            group.tasks[task_index[row.state]] += 1
            if row.spent is not None or row.task.budget is not None:
                group.add_money(row.planned, row.spent)
        for target in status.targets:
            if lead:
                for owner in target.leads or (None,):
                    _group(groups, owner, number).targets[target_index[target.state]] += 1
                continue
            group = _group(groups, target.area if area else periods[target.horizon], number)
            group.targets[target_index[target.state]] += 1
    if area:
        return {None if name is None else name.value: group for name, group in groups.items()}
    return groups


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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class UnitRank:
    """One unit's place: the value of the measure, its rank (None: not ranked) and how many were ranked.

    ``among`` is the key of the unit above when units are ranked within it
    (:func:`unit_key`), else None.
    """

    unit: AdminUnit
    value: Decimal | None
    rank: int | None
    out_of: int
    among: str | None = attrs.field(default=None)


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
