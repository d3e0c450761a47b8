"""Example plans bundled with parplan, for trying it out and for documentation."""

from __future__ import annotations

from importlib import resources

from parplan.io.document import loads
from parplan.plan import Plan

__all__ = ["EXAMPLE_NAMES", "example_text", "load_example"]

EXAMPLE_NAMES: tuple[str, ...] = ("son-chau-2022",)
"""Names of the bundled examples; the first is the default."""


def example_text(name: str = EXAMPLE_NAMES[0]) -> str:
    """The JSON text of a bundled example plan."""
    if name not in EXAMPLE_NAMES:
        raise ValueError(f"unknown example {name!r}; bundled: {', '.join(EXAMPLE_NAMES)}")
    return resources.files("parplan").joinpath("data", f"{name}.json").read_text(encoding="utf-8")


def load_example(name: str = EXAMPLE_NAMES[0]) -> Plan:
    """A bundled example plan: seed 004, the 2022 CCHC plan of xã Sơn Châu (Hà Tĩnh)."""
    return loads(example_text(name), source=f"<example {name}>")
