"""A task table's column headings known by one lexicon (tests/cases/table_headings.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from parplan.io.headings import heading_role

_CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parents[1] / "cases" / "table_headings.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", _CASES, ids=[case["heading"] or "(empty)" for case in _CASES])
def test_a_heading_names_its_role(case: dict[str, Any]) -> None:
    role, exact = heading_role(case["heading"])
    assert (role or "") == case["role"]
    assert exact is case.get("exact", True)


def test_a_long_cell_is_no_heading() -> None:
    assert heading_role("Thời gian " + "rất dài " * 20) == (None, True)
