"""Roll-ups by area, lead, unit, parent and period; ranking units."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parplan
from parplan import (
    AdminUnit,
    Before,
    JointParty,
    Organisation,
    PeriodKind,
    RankMeasure,
    ReformArea,
    Responsibility,
    RollupKey,
    TaskState,
    TaskStatus,
    UnitKind,
    evaluate,
    rank_units,
    rollup,
)
from progress.support import PROVINCE, UNIT, example_plan, example_reports, led, plan, report, task, update
from strategies import examples

AS_OF = date(2026, 12, 18)


def _example() -> parplan.PlanStatus:
    return evaluate(example_plan(), example_reports(), as_of=AS_OF)


def _commune(name: str, done: int, total: int, parent: AdminUnit = PROVINCE) -> parplan.PlanStatus:
    unit = AdminUnit(name=name, kind=UnitKind.COMMUNE, parent=parent)
    tasks = [task(f"t{i}", Before(day=date(2026, 3, 31))) for i in range(total)]
    news = report("2026Q2", [update(f"t{i}", TaskStatus.DONE, date(2026, 3, 1)) for i in range(done)], unit=unit)
    return evaluate(plan(tasks, unit=unit), [news], as_of=AS_OF)


def test_every_key_counts_every_task_once_except_joint_leads() -> None:
    status = _example()
    total = len(status.tasks)
    for key in (RollupKey.AREA, RollupKey.UNIT, RollupKey.PARENT, RollupKey.PERIOD):
        rows = rollup([status], by=key)
        assert sum(row.tasks.total for row in rows) == total, key
        assert sum(row.targets.total for row in rows) == len(status.targets), key
    assert rollup([status], by=RollupKey.UNIT)[0].tasks == status.task_counts


def test_a_joint_lead_counts_for_each_member() -> None:
    joint = Responsibility(lead=JointParty(members=(Organisation(name="A"), Organisation(name="B"))))
    status = evaluate(
        plan([task("t1", responsibility=joint), task("t2", responsibility=led("A")), task("t3")]), [], as_of=AS_OF
    )
    rows = {row.key: row.tasks.total for row in rollup([status], by=RollupKey.LEAD)}
    assert rows == {"A": 2, "B": 1, None: 1}
    assert list(rows) == ["A", "B", None]


def test_areas_come_in_official_order_and_periods_in_time() -> None:
    keys = [row.key for row in rollup([_example()], by=RollupKey.AREA)]
    numbers = [ReformArea(key).number for key in keys if key is not None]
    assert numbers == sorted(numbers)
    periods = [row.key for row in rollup([_example()], by=RollupKey.PERIOD)]
    assert periods == ["2026Q1", "2026Q2", "2026Q3", "2026Q4", None]
    months = [row.key for row in rollup([_example()], by=RollupKey.PERIOD, period_kind=PeriodKind.MONTH)]
    assert months[:3] == ["2026M02", "2026M03", "2026M05"]
    assert [row.key for row in rollup([_example()], by=RollupKey.PERIOD, period_kind=PeriodKind.YEAR)] == ["2026", None]
    assert rollup([_example()], by=RollupKey.PERIOD, period_kind=PeriodKind.HALF)[0].key == "2026S1"


def test_units_of_the_same_name_under_different_parents_stay_apart() -> None:
    other = AdminUnit(name="Nghệ An", kind=UnitKind.PROVINCE)
    rows = rollup([_commune("Hưng Phú", 1, 2), _commune("Hưng Phú", 2, 2, parent=other)], by=RollupKey.UNIT)
    assert [row.key for row in rows] == ["xã Hưng Phú, tỉnh Hà Tĩnh", "xã Hưng Phú, tỉnh Nghệ An"]
    coded = attrs.evolve(UNIT, code="12345")
    assert parplan.unit_key(coded) == "12345"


def test_by_parent_puts_a_provinces_communes_together() -> None:
    statuses = [_commune("A", 1, 2), _commune("B", 2, 4)]
    [row] = rollup(statuses, by=RollupKey.PARENT)
    assert (row.key, row.plans, row.tasks.total, row.tasks.done, row.unit) == ("tỉnh Hà Tĩnh", 2, 6, 3, PROVINCE)


def test_ranks_share_ties_and_skip() -> None:
    statuses = [_commune("A", 1, 2), _commune("B", 2, 2), _commune("C", 1, 2), _commune("D", 0, 2)]
    ranked = [(rank.unit.name, rank.rank, rank.out_of, rank.value) for rank in rank_units(statuses)]
    assert ranked == [
        ("B", 1, 4, Decimal(100)),
        ("A", 2, 4, Decimal(50)),
        ("C", 2, 4, Decimal(50)),
        ("D", 4, 4, Decimal(0)),
    ]


def test_a_unit_with_nothing_to_count_is_not_ranked() -> None:
    empty = evaluate(plan([], unit=AdminUnit(name="E", kind=UnitKind.COMMUNE, parent=PROVINCE)), [], as_of=AS_OF)
    ranked = rank_units([_commune("A", 1, 2), empty])
    assert [(rank.unit.name, rank.rank, rank.out_of) for rank in ranked] == [("A", 1, 1), ("E", None, 1)]


def test_ranking_within_the_unit_above() -> None:
    other = AdminUnit(name="Nghệ An", kind=UnitKind.PROVINCE)
    statuses = [_commune("A", 1, 2), _commune("B", 2, 2), _commune("C", 0, 2, parent=other)]
    ranked = [(rank.among, rank.unit.name, rank.rank, rank.out_of) for rank in rank_units(statuses, within_parent=True)]
    assert ranked == [("tỉnh Hà Tĩnh", "B", 1, 2), ("tỉnh Hà Tĩnh", "A", 2, 2), ("tỉnh Nghệ An", "C", 1, 1)]


def test_on_time_share_ranks_late_work_lower() -> None:
    late = _commune("L", 0, 2)
    late_news = report("2026Q2", [update("t0", TaskStatus.DONE, date(2026, 4, 15))], unit=late.plan.unit)
    late = evaluate(late.plan, [late_news], as_of=AS_OF)
    ranked = rank_units([_commune("A", 1, 2), late], measure=RankMeasure.ON_TIME_SHARE)
    assert [rank.unit.name for rank in ranked] == ["A", "L"]
    assert ranked[1].value == 0


@settings(max_examples=examples(40))
@given(st.lists(st.sampled_from(list(TaskStatus)), min_size=1, max_size=12))
def test_counts_add_up_whatever_the_statuses(statuses: list[TaskStatus]) -> None:
    tasks = [task(f"t{i}", Before(day=date(2026, 9, 14)), area=list(ReformArea)[i % 8]) for i in range(len(statuses))]
    news = report(
        "2026Q3", [update(f"t{i}", status) for i, status in enumerate(statuses)], submitted_on=date(2026, 9, 15)
    )
    status = evaluate(plan(tasks), [news], as_of=date(2026, 9, 20))
    by_area = rollup([status], by=RollupKey.AREA)
    summed = by_area[0].tasks
    for row in by_area[1:]:
        summed = summed + row.tasks
    assert summed == status.task_counts
    assert summed.total == len(statuses)
    counts = status.task_counts
    assert counts.completed == sum(1 for row in status.tasks if row.state.is_done)
    assert counts.count(TaskState.CANCELLED) == statuses.count(TaskStatus.CANCELLED)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: rollup([_example()], by="area"), "rollup.by"),  # type: ignore[arg-type]
        (lambda: rollup([_example()], by=RollupKey.PERIOD, period_kind=PeriodKind.NINE_MONTHS), "rollup.period_kind"),
        (lambda: rollup(_example(), by=RollupKey.AREA), "rollup.statuses"),  # type: ignore[arg-type]
        (lambda: rollup([1], by=RollupKey.AREA), "rollup.statuses"),  # type: ignore[list-item]
        (lambda: rank_units([_example()], measure="done"), "rank_units.measure"),  # type: ignore[arg-type]
        (lambda: rank_units([_example()], within_parent=1), "rank_units.within_parent"),  # type: ignore[arg-type]
    ],
)
def test_wrong_arguments_are_refused(call: object, field: str) -> None:
    with pytest.raises(parplan.InvariantError) as raised:
        call()  # type: ignore[operator]
    assert raised.value.field == field
