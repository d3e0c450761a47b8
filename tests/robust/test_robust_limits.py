"""Limits: the largest document and the deepest nesting read, at their boundaries, from every entry point."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from parplan import AdminUnit, IndexNode, NodeKind, Plan, PlanBatchError, PlanFormatError, UnitKind, dump, load, loads
from parplan.io import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, load_many
from parplan.io.converter import depth_bound, nesting_depth, structure, too_deep, unstructure
from robust_support import example_texts
from strategies import examples, plans


def _messages(error: PlanFormatError) -> list[str]:
    return [str(problem) for problem in error.problems]


def test_the_defaults() -> None:
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    assert DEFAULT_MAX_DEPTH == 64
    assert depth_bound(Plan) < DEFAULT_MAX_DEPTH  # every valid plan is within the default


# --- size --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_size_at_the_boundary(name: str) -> None:
    text = example_texts()[name]
    size = len(text.encode("utf-8"))
    assert size > len(text)  # Vietnamese letters take more than one byte: the limit counts bytes
    plan = loads(text)
    assert loads(text, max_bytes=size) == plan
    assert loads(text, max_bytes=size + 1) == plan
    assert loads(text.encode("utf-8"), max_bytes=size) == plan
    for document in (text, text.encode("utf-8")):
        with pytest.raises(PlanFormatError) as caught:
            loads(document, max_bytes=size - 1)
        assert _messages(caught.value) == [f"$: document of {size} bytes is larger than the limit of {size - 1}"]


def test_file_size_at_the_boundary(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(example_texts()["son-giang-2021.json"], encoding="utf-8")
    size = path.stat().st_size
    plan = load(path)
    assert load(path, max_bytes=size) == plan
    assert load(path, max_bytes=size + 1) == plan
    with pytest.raises(PlanFormatError) as caught:
        load(path, max_bytes=size - 1)
    assert _messages(caught.value) == [f"$: file of {size} bytes is larger than the limit of {size - 1}"]
    assert caught.value.source == str(path)
    with pytest.raises(PlanBatchError) as batch:
        list(load_many(tmp_path, max_bytes=size - 1))
    [(where, error)] = batch.value.failures
    assert where == str(path)
    assert isinstance(error, PlanFormatError)
    assert _messages(error) == [f"$: file of {size} bytes is larger than the limit of {size - 1}"]
    assert [p for _, p in load_many(tmp_path, max_bytes=size)] == [plan]


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(2**40)  # one tebibyte, sparse: reading it would exhaust memory
    with pytest.raises(PlanFormatError) as caught:
        load(path)
    assert _messages(caught.value) == [f"$: file of {2**40} bytes is larger than the limit of {DEFAULT_MAX_BYTES}"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_stream_is_read_up_to_the_limit_only() -> None:
    with pytest.raises(PlanFormatError) as caught:
        load("/dev/zero", max_bytes=4096)
    assert _messages(caught.value) == ["$: file of more than 4096 bytes is larger than the limit of 4096"]


# --- depth -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_depth_at_the_boundary(name: str, tmp_path: Path) -> None:
    text = example_texts()[name]
    depth = nesting_depth(json.loads(text))
    plan = loads(text)
    assert loads(text, max_depth=depth) == plan  # read by the detailed pass alone, to the same plan
    assert loads(text, max_depth=depth + 1) == plan
    with pytest.raises(PlanFormatError) as caught:
        loads(text, max_depth=depth - 1)
    assert caught.value.problems
    assert {p.message for p in caught.value.problems} == {too_deep(depth, depth - 1)}
    for problem in caught.value.problems:  # each where the limit is passed: an object or array at that level
        assert problem.path.count(".") + problem.path.count("[") == depth - 1
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert load(path, max_depth=depth) == plan
    with pytest.raises(PlanFormatError):
        load(path, max_depth=depth - 1)
    with pytest.raises(PlanBatchError):
        list(load_many(tmp_path, max_depth=depth - 1))
    assert [p for _, p in load_many(tmp_path, max_depth=depth)] == [plan]


TOML = """format_version = 1
title = "Kế hoạch cải cách hành chính năm 2023"
year = 2023
[issuer]
name = "UBND xã Cẩm Lạc"
[unit]
name = "Cẩm Lạc"
kind = "xa"
[unit.parent]
name = "Cẩm Xuyên"
kind = "huyen"
[unit.parent.parent]
name = "Hà Tĩnh"
kind = "tinh"
"""


def test_toml_depth_at_the_boundary() -> None:
    plan = loads(TOML, format="toml")
    assert plan.unit.chain()[-1].name == "Hà Tĩnh"
    assert loads(TOML, format="toml", max_depth=4) == plan
    with pytest.raises(PlanFormatError) as caught:
        loads(TOML, format="toml", max_depth=3)
    assert _messages(caught.value) == [f"$.unit.parent.parent: {too_deep(4, 3)}"]


def test_nesting_beyond_what_the_reader_follows() -> None:
    deep = '{"format_version": 1, "title": ' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(PlanFormatError) as caught:
        loads(deep, max_depth=10_000)  # a limit the JSON reader cannot honour: said so, not a RecursionError
    assert _messages(caught.value) == ["$: nested 5001 levels deep, deeper than the reader can follow"]
    with pytest.raises(PlanFormatError) as caught:
        loads(deep)
    assert _messages(caught.value) == [f"$: {too_deep(5001, 64)}"]


def test_a_limit_too_low_for_any_plan() -> None:
    with pytest.raises(PlanFormatError) as caught:
        loads(example_texts()["son-giang-2021.json"], max_depth=0)
    assert _messages(caught.value) == [
        f"$: {too_deep(nesting_depth(json.loads(example_texts()['son-giang-2021.json'])), 0)}"
    ]


# --- the bound that lets valid documents skip the depth count ------------------------------


def _deepest_unit() -> dict[str, Any]:
    country = {"name": "Việt Nam", "kind": "ca_nuoc"}
    province = {"name": "Hà Tĩnh", "kind": "tinh", "parent": country}
    district = {"name": "Hương Sơn", "kind": "huyen", "parent": province}
    return {"name": "Sơn Châu", "kind": "xa", "parent": district}


def _deepest_node() -> dict[str, Any]:
    sub = {"code": "c111", "name": "Tiêu chí thành phần", "kind": "sub_criterion", "children": []}
    criterion = {"code": "c11", "name": "Tiêu chí", "kind": "criterion", "children": [sub]}
    return {"code": "c1", "name": "Lĩnh vực", "kind": "area", "children": [criterion]}


def test_the_bound_of_recursive_classes_is_reached_by_the_deepest_valid_value() -> None:
    for cls, data in ((AdminUnit, _deepest_unit()), (IndexNode, _deepest_node())):
        value = structure(data, cls)
        assert nesting_depth(data) == depth_bound(cls)
        assert nesting_depth(unstructure(value)) <= depth_bound(cls)
    with pytest.raises(ValueError, match="higher tier"):  # one more unit cannot be valid: the bound holds
        AdminUnit(name="Khu phố", kind=UnitKind.COMMUNE, parent=structure(_deepest_unit(), AdminUnit))
    assert len(NodeKind) == 3


def test_every_example_is_within_the_bound() -> None:
    for text in example_texts().values():
        assert nesting_depth(json.loads(text)) <= depth_bound(Plan)


@settings(max_examples=examples(60))
@given(plans(max_tasks=4))
def test_every_generated_plan_is_within_the_bound(plan: Plan) -> None:
    data = unstructure(plan)
    assert nesting_depth(data) <= depth_bound(Plan)
    text = json.dumps({"format_version": 1, **data}, ensure_ascii=False)
    limit = nesting_depth(json.loads(text))
    assert loads(text, max_depth=limit) == plan  # the detailed pass alone gives the same plan
    assert loads(text) == plan


def test_dump_writes_what_load_reads_back_at_its_own_depth(tmp_path: Path) -> None:
    plan = loads(example_texts()["son-chau-2022.json"])
    path = tmp_path / "plan.json"
    dump(plan, path)
    depth = nesting_depth(json.loads(path.read_text(encoding="utf-8")))
    assert load(os.fspath(path), max_depth=depth) == plan
