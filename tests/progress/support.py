"""Builders for the progress tests: a unit, a plan of chosen tasks, reports, and the example files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import parplan
from parplan import (
    AdminUnit,
    DataWindow,
    DocumentSymbol,
    IndexFramework,
    Objective,
    Organisation,
    Plan,
    PlanReference,
    ProgressReport,
    ReportingLine,
    ReportingPeriod,
    Responsibility,
    ScoreSheet,
    Target,
    Task,
    TaskStatus,
    TaskUpdate,
    Timeframe,
    UnitKind,
    ValueUpdate,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "progress-example"
PROVINCE = AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
UNIT = AdminUnit(name="Hương Đô", kind=UnitKind.COMMUNE, parent=PROVINCE)
SYMBOL = DocumentSymbol(number="05", doc_type="KH", issuer="UBND")


def task(task_id: str, timeframe: Timeframe | None = None, **fields: Any) -> Task:
    """A task with a title made from its id."""
    return Task(id=task_id, title=f"Nhiệm vụ {task_id}", timeframe=timeframe, **fields)


def led(name: str) -> Responsibility:
    """A responsibility led by the body ``name``."""
    return Responsibility(lead=Organisation(name=name))


def plan(
    tasks: Sequence[Task] = (),
    targets: Sequence[Target] = (),
    *,
    year: int = 2026,
    unit: AdminUnit = UNIT,
    reporting: Sequence[ReportingLine] | None = None,
) -> Plan:
    """A 2026 commune plan with ``tasks``, one objective holding ``targets``, and quarterly reporting lines."""
    objectives = (Objective(id="o1", text="Mục tiêu", targets=tuple(targets)),) if targets else ()
    lines = (
        tuple(ReportingLine(period=ReportingPeriod.quarter(year, q)) for q in (1, 2, 3, 4))
        if reporting is None
        else tuple(reporting)
    )
    return Plan(
        title=f"Kế hoạch cải cách hành chính năm {year}",
        issuer=Organisation(name=f"UBND {unit.full_name}"),
        unit=unit,
        year=year,
        symbol=SYMBOL,
        tasks=tuple(tasks),
        objectives=objectives,
        reporting=lines,
    )


def report(
    period: str,
    updates: Sequence[TaskUpdate] = (),
    values: Sequence[ValueUpdate] = (),
    *,
    submitted_on: date | None = None,
    window: DataWindow | None = None,
    unit: AdminUnit = UNIT,
    **fields: Any,
) -> ProgressReport:
    """A report of ``UNIT`` on the plan ``05/KH-UBND`` for ``period`` ("2026Q1")."""
    return ProgressReport(
        unit=unit,
        plan=PlanReference(symbol=SYMBOL, year=2026),
        period=ReportingPeriod.parse(period),
        submitted_on=submitted_on,
        window=window,
        updates=tuple(updates),
        values=tuple(values),
        **fields,
    )


def update(task_id: str, status: TaskStatus, done_on: date | None = None, **fields: Any) -> TaskUpdate:
    """An update of ``task_id``."""
    return TaskUpdate(task=task_id, status=status, done_on=done_on, **fields)


def example_plan() -> Plan:
    """The tutorial's plan."""
    return parplan.load(EXAMPLES / "plan-2026.json")


def example_reports() -> list[ProgressReport]:
    """The tutorial's four quarterly reports."""
    return [parplan.load(EXAMPLES / f"report-2026Q{q}.json", kind=ProgressReport) for q in (1, 2, 3, 4)]


def example_framework() -> IndexFramework:
    """The tutorial's local framework."""
    return parplan.load(EXAMPLES / "framework-vi-du-xa-2026.json", kind=IndexFramework)


def example_sheet() -> ScoreSheet:
    """The tutorial's year-end score sheet."""
    return parplan.load(EXAMPLES / "sheet-2026.json", kind=ScoreSheet)
