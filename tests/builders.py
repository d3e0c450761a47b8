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
