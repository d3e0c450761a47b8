"""Reading who does a task: a cell or clause of parties, split as plans write them (tests/cases/parties.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from parplan.org import CollectiveParty, Official, Organisation
from parplan.read.parties import parse_parties, read_assignment

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


@pytest.mark.parametrize(
    ("clause", "role", "who"),
    [
        ("Giao công chức Văn phòng - Thống kê tham mưu thực hiện.", "implementing", ["công chức Văn phòng - Thống kê"]),
        ("Giao Văn phòng HĐND và UBND xã tham mưu, thực hiện.", "implementing", ["Văn phòng HĐND và UBND xã"]),
        ("Giao Phòng Nội vụ tham mưu UBND huyện tổ chức thực hiện.", "implementing", ["Phòng Nội vụ"]),
        ("Giao Văn phòng Sở tổ chức thực hiện.", "implementing", ["Văn phòng Sở"]),
        (
            "Giao Trung tâm Phục vụ hành chính công chủ động triển khai thực hiện.",
            "implementing",
            ["Trung tâm Phục vụ hành chính công"],
        ),
        # a group whose name holds the words: kept whole
        ("Mặt trận và các tổ chức thực hiện.", "implementing", ["Mặt trận và các tổ chức"]),
        ("Phòng Tổ chức - Hành chính chủ trì.", "lead", ["Phòng Tổ chức - Hành chính"]),
    ],
)
def test_what_a_doer_does_is_not_its_name(clause: str, role: str, who: list[str]) -> None:
    assignment = read_assignment(clause)
    assert assignment is not None
    assert [party.label for party in getattr(assignment, role)] == who
