"""The one builder of minimal plans for tests: a 2022 plan of xã Sơn Châu with only what a plan needs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import parplan
from parplan.org import AdminUnit, Organisation, UnitKind
from parplan.plan import Plan

SON_CHAU = AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE)
"""The unit of the minimal plan."""
ISSUER = Organisation(name="UBND xã Sơn Châu")
"""The issuer of the minimal plan."""


def minimal_plan(year: int | None = 2022, **fields: Any) -> Plan:
    """A plan with a title, an issuer, a unit and a year; ``fields`` replace or add any field."""
    title = f"Kế hoạch CCHC năm {year}" if year is not None else "Kế hoạch CCHC"
    values: dict[str, Any] = {"title": title, "issuer": ISSUER, "unit": SON_CHAU, "year": year}
    values.update(fields)
    return Plan(**values)


def read_lines(folder: Path, lines: Sequence[str]) -> Plan:
    """The plan read from ``lines`` written as a text file in ``folder`` (a test fails if none is read)."""
    path = folder / "plan.txt"
    path.write_text("\n".join([*lines, ""]), encoding="utf-8")
    plan = parplan.read(path).plan
    assert plan is not None
    return plan


def tasks_as_read(plan: Plan) -> list[tuple[str, str | None, str | None]]:
    """Each task of ``plan`` as its title, its lead's label (its own or its section's) and its time as written."""
    read = []
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        timeframe = plan.timeframe_of(task)
        lead = responsibility.lead.label if responsibility is not None and responsibility.lead is not None else None
        read.append((task.title, lead, timeframe.text if timeframe is not None else None))
    return read


def task_roles(plan: Plan) -> list[tuple[str, list[str], list[str], str | None]]:
    """Each task of ``plan`` as its title, the labels of its own leads and partners, and its time as written."""
    read = []
    for task in plan.tasks:
        lead = task.lead
        members = getattr(lead, "members", None)
        leads = [one.label for one in members] if members else ([lead.label] if lead is not None else [])
        partners = [one.label for one in task.responsibility.coordinating] if task.responsibility else []
        read.append((task.title, leads, partners, task.timeframe.text if task.timeframe else None))
    return read


TAN_LAP_HEAD = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 05/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Lập, ngày 10 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024

"""
TAN_LAP_TAIL = """
Nơi nhận:                                 TM. ỦY BAN NHÂN DÂN
- UBND huyện;                              Q. CHỦ TỊCH
- Lưu: VT.                                 Y Bình Niê
"""
"""The head and the tail of a commune's plan (xã Tân Lập, 2024) around a body a reader's test writes."""
