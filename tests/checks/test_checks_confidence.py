"""Findings about a draft read from a document carry the confidence of the reading they rest on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

import parplan
from builders import minimal_plan
from parplan import Task
from parplan.checks.confidence import confidence_by_path, with_reading_confidence
from parplan.source import FieldSource


def _source(path: str, confidence: str | None) -> FieldSource:
    return FieldSource(path=path, confidence=None if confidence is None else Decimal(confidence))


def test_the_least_confidence_at_a_path_or_under_it() -> None:
    least = confidence_by_path(
        [
            _source("$.tasks[0].title", "0.95"),
            _source("$.tasks[0].timeframe", "0.55"),
            _source("$.tasks[1].title", "0.80"),
            _source("$.title", None),  # no confidence recorded: it says nothing
        ]
    )
    assert least == {
        "$.tasks[0].title": Decimal("0.95"),
        "$.tasks[0].timeframe": Decimal("0.55"),
        "$.tasks[0]": Decimal("0.55"),
        "$.tasks[1].title": Decimal("0.80"),
        "$.tasks[1]": Decimal("0.80"),
        "$.tasks": Decimal("0.55"),
    }


def _draft() -> parplan.Plan:
    tasks = (
        Task(id="1", title="Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa"),
        Task(id="2", title="Tuyên truyền cải cách hành chính trên đài truyền thanh xã"),
    )
    sources = (
        _source("$.title", "0.97"),
        _source("$.tasks[0].title", "0.96"),
        _source("$.tasks[1].title", "0.55"),
    )
    return minimal_plan(2024, tasks=tasks, sources=sources)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$.tasks[1]", Decimal("0.55")),  # the task read at 0.55
        ("$.tasks[1].responsibility", Decimal("0.55")),  # a field left empty: the task that holds it
        ("$.tasks[0].title", Decimal("0.96")),
        ("$.tasks[0].timeframe", Decimal("0.96")),
        ("$.title", Decimal("0.97")),
        ("$", None),  # the plan as a whole: no one reading it rests on
        ("$.reporting[0].due", None),  # nothing read there or around it
    ],
)
def test_a_finding_takes_the_reading_it_rests_on(path: str, expected: Decimal | None) -> None:
    finding = parplan.check(minimal_plan(2024), select="PP101")[0]
    (placed,) = with_reading_confidence(_draft(), [attrs.evolve(finding, path=path)])
    assert placed.confidence == expected


def test_check_gives_the_confidence_of_a_draft_and_none_for_a_typed_plan() -> None:
    last_year = parplan.Before(day=date(2023, 12, 31))  # outside the plan's year: PP201
    draft = attrs.evolve(_draft(), tasks=tuple(attrs.evolve(t, timeframe=last_year) for t in _draft().tasks))
    findings = parplan.check(draft, select="PP201")
    assert {f.path: f.confidence for f in findings} == {
        "$.tasks[0].timeframe": Decimal("0.96"),
        "$.tasks[1].timeframe": Decimal("0.55"),
    }
    typed = attrs.evolve(draft, sources=())
    assert [f.confidence for f in parplan.check(typed, select="PP201")] == [None, None]
