"""The one builder of minimal plans for tests: a 2022 plan of xã Sơn Châu with only what a plan needs."""

from __future__ import annotations

from typing import Any

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
