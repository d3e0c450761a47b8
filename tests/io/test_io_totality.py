"""Totality: any input either loads or raises a parplan error with located problems, never a stray exception."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from parplan import Plan, PlanFormatError, Problem, loads
from parplan.io.converter import structure
from strategies import plan_documents

# The detailed pass found nothing although the fast pass refused: the report then names an exception class.
DISAGREEMENT = re.compile(r"_?[A-Z]\w*(Error|Exception|Invalid)?: ")

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "2022", "2022Q1", "2022-01-08", "90.73", "xa", "organisation", "within", "compound"])
    | st.floats(allow_nan=False)
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
PLAN_KEYS = st.sampled_from(
    ["title", "issuer", "unit", "year", "span", "tasks", "objectives", "symbol", "issued_on", "kind", "results"]
)


def check_outcome(load: Any) -> None:
    problems: tuple[Problem, ...] | None = None
    try:
        plan = load()
    except PlanFormatError as error:
        problems = error.problems
    if problems is None:
        assert isinstance(plan, Plan)
        return
    assert problems
    for problem in problems:
        assert problem.path.startswith("$")
        assert problem.message
        assert not DISAGREEMENT.match(problem.message), problem


@given(st.dictionaries(PLAN_KEYS, JSON_VALUES, max_size=6), st.booleans())
def test_junk_documents(data: dict[str, Any], versioned: bool) -> None:
    if versioned:
        data = {"format_version": 1, **data}
    text = json.dumps(data)
    check_outcome(lambda: loads(text))


@given(JSON_VALUES)
def test_junk_json_values(data: Any) -> None:
    text = json.dumps(data)
    check_outcome(lambda: loads(text))


@given(st.binary(max_size=64))
def test_junk_bytes(data: bytes) -> None:
    check_outcome(lambda: loads(data))
    check_outcome(lambda: loads(data, format="toml"))


@given(st.text(max_size=64))
def test_junk_text(text: str) -> None:
    check_outcome(lambda: loads(text))
    check_outcome(lambda: loads(text, format="toml"))


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*path, index)))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(draw(plan_documents()))
    where = draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    action = draw(st.sampled_from(["replace", "delete", "extra"]))
    if action == "delete" and isinstance(parent, dict):
        del parent[last]
    elif action == "extra" and isinstance(parent[last], dict):
        parent[last][draw(st.text(max_size=6))] = draw(JSON_VALUES)
    else:
        parent[last] = draw(JSON_VALUES)
    return document


@given(mutated_documents())
def test_valid_documents_with_one_change(document: dict[str, Any]) -> None:
    text = json.dumps(document, ensure_ascii=False)
    check_outcome(lambda: loads(text))


PYTHON_SCALARS = SCALARS | st.dates() | st.datetimes() | st.decimals() | st.just(dt.time(8, 0))
PYTHON_VALUES = st.recursive(
    PYTHON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(st.dictionaries(PLAN_KEYS, PYTHON_VALUES, max_size=6))
def test_python_data_given_to_the_converter(data: dict[str, Any]) -> None:
    check_outcome(lambda: structure(data, Plan))


@given(st.dates(), st.decimals(min_value=-(10**15) + 1, max_value=10**15 - 1, places=2))
def test_python_dates_and_decimals_are_accepted_by_both_passes(day: dt.date, score: Decimal) -> None:
    data = {
        "title": "Kế hoạch",
        "issuer": {"name": "UBND xã"},
        "unit": {"name": "Sơn Châu", "kind": "xa"},
        "year": 2022,
        "issued_on": day,
        "results": [{"framework": "par", "year": 2021, "score": score}],
    }
    plan = structure(data, Plan)
    assert plan.issued_on == day
    assert plan.results[0].score == score
