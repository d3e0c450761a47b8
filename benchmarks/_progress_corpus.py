"""A synthetic national data set of commune plans and their quarterly progress reports, seeded and deterministic.

After 1 July 2025 Vietnam has 3,321 communes, wards and special zones under 34
provinces. Each unit here has a 2026 CCHC plan of 30-70 tasks (50 on average)
in the mix of deadlines real plans show (months, quarters, "Trong năm",
"Thường xuyên", events, dates, compound cells) and about ten objectives with a
target each, half of them with a baseline value from 2025. Each unit sends
its reports for the first and the second quarter of 2026, each around the 20th
of the quarter's last month (some late, a few never); each report updates
about half of the tasks (so about 50 updates per unit in all: 166,000 for the
country) and gives a value for every target (about 20 per unit: 66,000).
Statuses follow the deadlines: most tasks due by the end of a window are done,
some late, some not; a task due later is mostly in progress or not started,
a few blocked or postponed, a few already done. One value in a hundred is
given in another unit than its target's.

Everything is built through the parplan model, so it is valid.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from _corpus import _COLLECTIVES, _LEADS, _OBJECTIVES, _PROVINCES, _SYLLABLES, _timeframe, _title

from parplan import (
    AdminUnit,
    Baseline,
    CollectiveParty,
    Comparator,
    DocumentSymbol,
    Evidence,
    JointParty,
    Objective,
    Organisation,
    Plan,
    PlanReference,
    ProgressReport,
    ReformArea,
    ReportingLine,
    ReportingPeriod,
    Responsibility,
    Target,
    Task,
    TaskStatus,
    TaskUpdate,
    Unit,
    UnitKind,
    ValueUpdate,
)

__all__ = ["AS_OF", "YEAR", "national"]

YEAR = 2026
"""The plan year of the data set."""
AS_OF = date(2026, 6, 30)
"""The day the data set is evaluated on: the end of the second quarter."""

_AREAS = tuple(ReformArea)
_WEIGHTS = (6, 3, 10, 2, 5, 5, 8, 1)
_QUARTERS = (ReportingPeriod.quarter(YEAR, 1), ReportingPeriod.quarter(YEAR, 2))


def _lead(rng: random.Random) -> Responsibility | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.10:
        first, second = rng.sample(_LEADS, 2)
        return Responsibility(lead=JointParty(members=(Organisation(name=first), Organisation(name=second))))
    if roll < 0.20:
        return Responsibility(lead=CollectiveParty(name=rng.choice(_COLLECTIVES)))
    return Responsibility(lead=Organisation(name=rng.choice(_LEADS)))


def _task(rng: random.Random, index: int) -> Task:
    area = rng.choices(_AREAS, weights=_WEIGHTS)[0]
    budget = None
    return Task(
        id=f"t{index}",
        title=_title(rng, YEAR),
        area=area,
        responsibility=_lead(rng),
        timeframe=_timeframe(rng, YEAR),
        budget=budget,
    )


def _objective(rng: random.Random, index: int) -> Objective:
    template, unit_name = rng.choice(_OBJECTIVES)
    unit = Unit(unit_name)
    if unit is Unit.COUNT:
        value = Decimal(rng.randint(2, 8))
    else:
        value = Decimal(rng.choice(("50", "60", "75", "80", "90", "95", "100")))
    baseline = None
    if rng.random() < 0.5:
        start = (value * Decimal(rng.randint(40, 90)) / 100).quantize(Decimal("0.1"))
        baseline = Baseline(value=start, year=YEAR - 1)
    comparator = Comparator.GE if rng.random() < 0.85 else Comparator.EQ
    text = template.format(v=value)
    return Objective(
        id=f"o{index}",
        text=text,
        area=rng.choices(_AREAS, weights=_WEIGHTS)[0],
        targets=(
            Target(id=f"o{index}.t", comparator=comparator, value=value, unit=unit, baseline=baseline, text=text),
        ),
    )


def _plan(rng: random.Random, number: int, province: AdminUnit) -> Plan:
    kind = rng.choices((UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE), weights=(2636, 672, 13))[0]
    name = " ".join(rng.sample(_SYLLABLES, 2))
    unit = AdminUnit(name=name, kind=kind, parent=province, code=f"{number:05d}")
    return Plan(
        title=f"Kế hoạch cải cách hành chính năm {YEAR}",
        issuer=Organisation(name=f"UBND {unit.full_name}"),
        unit=unit,
        year=YEAR,
        symbol=DocumentSymbol(number=f"{rng.randint(1, 99):02d}", doc_type="KH", issuer="UBND"),
        issued_on=date(YEAR, 1, rng.randint(5, 25)),
        objectives=tuple(_objective(rng, i) for i in range(1, rng.randint(8, 12) + 1)),
        tasks=tuple(_task(rng, i) for i in range(1, rng.randint(30, 70) + 1)),
        reporting=tuple(ReportingLine(period=ReportingPeriod.quarter(YEAR, q)) for q in (1, 2, 3, 4)),
    )


def _status(rng: random.Random, deadline: date | None, window_end: date) -> tuple[TaskStatus, date | None]:
    if deadline is not None and deadline <= window_end:
        roll = rng.random()
        if roll < 0.70:
            return TaskStatus.DONE, deadline - timedelta(days=rng.randint(0, 20))
        if roll < 0.80:
            return TaskStatus.DONE_LATE if rng.random() < 0.5 else TaskStatus.DONE, deadline + timedelta(
                days=rng.randint(1, 15)
            )
        if roll < 0.95:
            return TaskStatus.IN_PROGRESS, None
        return TaskStatus.BLOCKED, None
    roll = rng.random()
    if roll < 0.60:
        return TaskStatus.IN_PROGRESS, None
    if roll < 0.80:
        return TaskStatus.NOT_STARTED, None
    if roll < 0.95:
        return TaskStatus.DONE, window_end - timedelta(days=rng.randint(1, 40))
    return (TaskStatus.BLOCKED if rng.random() < 0.5 else TaskStatus.POSTPONED), None


def _reports(rng: random.Random, plan: Plan) -> list[ProgressReport]:
    reports: list[ProgressReport] = []
    targets = [target for objective in plan.objectives for target in objective.targets]
    progress = {target.id: Decimal(rng.randint(35, 100)) / 100 for target in targets}
    for number, period in enumerate(_QUARTERS):
        if number == 1 and rng.random() < 0.02:
            continue  # a report never sent
        window = period.data_window
        due = period.due
        submitted = due + timedelta(days=rng.randint(-6, 3))
        updates = []
        for task in plan.tasks:
            if rng.random() >= 0.5:
                continue
            latest = None if task.timeframe is None else task.timeframe.latest
            status, done_on = _status(rng, latest, window.end)
            evidence = (Evidence(file=f"{task.id}-{period}.pdf"),) if done_on is not None and rng.random() < 0.3 else ()
            updates.append(TaskUpdate(task=task.id, status=status, done_on=done_on, evidence=evidence))
        values = []
        for target in targets:
            start = target.baseline.value if target.baseline is not None and target.baseline.value is not None else None
            goal = target.value if target.value is not None else Decimal(0)
            base = start if start is not None else goal * Decimal("0.5")
            share = progress[target.id] * (number + 1) / 4
            value = (base + (goal - base) * share).quantize(Decimal("0.1"))
            unit = target.unit
            if rng.random() < 0.01:
                unit = Unit.COUNT if unit is Unit.PERCENT else Unit.PERCENT
            values.append(ValueUpdate(target=target.id, value=value, unit=unit, on=window.end))
        reports.append(
            ProgressReport(
                unit=plan.unit,
                plan=PlanReference(symbol=plan.symbol, year=YEAR),
                period=period,
                submitted_on=submitted,
                updates=tuple(updates),
                values=tuple(values),
            )
        )
    return reports


def national(seed: int, communes: int = 3321) -> list[tuple[Plan, list[ProgressReport]]]:
    """``communes`` units of 34 provinces, each with its 2026 plan and its reports for Q1 and Q2 2026."""
    rng = random.Random(seed)
    provinces = [AdminUnit(name=name, kind=UnitKind.PROVINCE, code=f"{i:02d}") for i, name in enumerate(_PROVINCES)]
    while len(provinces) < 34:
        provinces.append(
            AdminUnit(name=f"Tỉnh {len(provinces) + 1}", kind=UnitKind.PROVINCE, code=f"{len(provinces):02d}")
        )
    data = []
    for number in range(communes):
        plan = _plan(rng, number + 1, provinces[number % 34])
        data.append((plan, _reports(rng, plan)))
    return data
