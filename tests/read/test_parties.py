"""Reading who does a task: a cell or clause of parties, split as plans write them (tests/cases/parties.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from parplan.org import CollectiveParty, Official, Organisation
from parplan.read.parties import parse_parties

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "cases" / "parties.toml").read_text(encoding="utf-8")
)["case"]
KINDS = {Organisation: "organisation", CollectiveParty: "collective", Official: "official"}


@pytest.mark.parametrize("case", CASES, ids=[case["text"] for case in CASES])
def test_parties_as_plans_write_them(case: dict[str, Any]) -> None:
    read = [[KINDS[type(party)], party.label] for party in parse_parties(case["text"])]
    assert read == case["parties"]


@pytest.mark.parametrize("case", CASES, ids=[case["text"] for case in CASES])
def test_nothing_written_is_lost(case: dict[str, Any]) -> None:
    """Every word of the cell is in some party's name (a repeat marker aside)."""
    names = " ".join(party.label for party in parse_parties(case["text"]))
    for word in case["text"].replace(";", " ").replace(",", " ").split():
        if word not in {"-nt-", "và", "–"}:
            assert word in names, word
