"""Format versions and migrations, proved with private registries."""

from __future__ import annotations

import json
from typing import Any

import pytest

import parplan
from parplan import FORMAT_VERSION, PlanFormatError, loads
from parplan.io.migrations import Migration, migrate, register_migration

DOCUMENT: dict[str, Any] = {
    "format_version": 1,
    "title": "Kế hoạch cải cách hành chính năm 2022",
    "issuer": {"name": "UBND xã Sơn Châu"},
    "unit": {"name": "Sơn Châu", "kind": "xa"},
    "year": 2022,
}


def test_this_release_writes_version_2_with_the_kind_of_document() -> None:
    assert FORMAT_VERSION == 2
    assert parplan.FORMAT_VERSION is FORMAT_VERSION
    written = json.loads(parplan.dumps(loads(json.dumps(DOCUMENT))))
    assert list(written)[:2] == ["format_version", "document"]
    assert (written["format_version"], written["document"]) == (2, "plan")


def test_a_version_1_plan_loads_as_it_did() -> None:
    plan = loads(json.dumps(DOCUMENT))
    assert loads(json.dumps({**DOCUMENT, "format_version": 2, "document": "plan"})) == plan


def test_the_current_version_needs_no_migration() -> None:
    document = {**DOCUMENT, "format_version": 2, "document": "plan", "$schema": "plan.schema.json"}
    assert migrate(document, registry={}) == {key: value for key, value in DOCUMENT.items() if key != "format_version"}


def test_migrations_run_in_order_up_to_the_current_version() -> None:
    registry: dict[int, Migration] = {}
    calls: list[int] = []

    @register_migration(1, registry=registry)
    def rename_ten(document: dict[str, Any]) -> dict[str, Any]:
        # version 2 renamed "ten" to "title"
        calls.append(document["format_version"])
        document["title"] = document.pop("ten")
        return document

    @register_migration(2, registry=registry)
    def split_name(document: dict[str, Any]) -> dict[str, Any]:
        # version 3 moved the unit name from "don_vi" into "unit"
        calls.append(document["format_version"])
        name = document.pop("don_vi")
        return {**document, "unit": {"name": name, "kind": "xa"}}

    assert registry == {1: rename_ten, 2: split_name}
    old = {"format_version": 1, "ten": "Kế hoạch", "don_vi": "Sơn Châu"}
    assert migrate(old, current=3, registry=registry) == {
        "title": "Kế hoạch",
        "unit": {"name": "Sơn Châu", "kind": "xa"},
    }
    assert calls == [1, 2]
    calls.clear()
    middle = {"format_version": 2, "title": "Kế hoạch", "don_vi": "Sơn Châu"}
    assert migrate(middle, current=3, registry=registry)["unit"]["name"] == "Sơn Châu"
    assert calls == [2]


def test_a_missing_step_is_reported() -> None:
    registry: dict[int, Migration] = {}
    register_migration(1, registry=registry)(lambda document: document)
    with pytest.raises(PlanFormatError) as caught:
        migrate({"format_version": 1}, current=3, registry=registry, source="old.json")
    assert str(caught.value) == "old.json: $.format_version: no migration from version 2"


def test_a_step_is_registered_once() -> None:
    registry: dict[int, Migration] = {}
    register_migration(1, registry=registry)(lambda document: document)
    with pytest.raises(ValueError, match="a migration from format version 1 is already registered"):
        register_migration(1, registry=registry)(lambda document: document)


def test_private_registries_leave_the_shared_one_alone() -> None:
    registry: dict[int, Migration] = {}
    register_migration(1, registry=registry)(lambda document: document)
    # the shared registry has no step from version 2 (this release writes version 2)
    with pytest.raises(PlanFormatError) as caught:
        migrate({"format_version": 2, "document": "plan"}, current=3)
    assert [str(p) for p in caught.value.problems] == ["$.format_version: no migration from version 2"]


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (3, "version 3 is newer than this release reads (2); upgrade parplan"),
        (0, "expected a positive integer, got 0"),
        ("1", "expected a positive integer, got '1'"),
        (None, "expected a positive integer, got null"),
        (True, "expected a positive integer, got true"),
    ],
)
def test_versions_that_cannot_be_read(version: object, message: str) -> None:
    with pytest.raises(PlanFormatError) as caught:
        migrate({"format_version": version})
    assert [str(p) for p in caught.value.problems] == [f"$.format_version: {message}"]


def test_a_document_without_a_version() -> None:
    with pytest.raises(PlanFormatError) as caught:
        migrate({"title": "Kế hoạch"}, source="a.json")
    assert caught.value.describe() == "a.json: $.format_version: required field is missing (this release writes 2)"


def test_migrated_documents_are_structured_after_migration() -> None:
    # a private registry proves the hook: an old document loads once migrated
    registry: dict[int, Migration] = {}

    @register_migration(1, registry=registry)
    def to_two(document: dict[str, Any]) -> dict[str, Any]:
        document["title"] = document.pop("ten")
        return document

    old = {**DOCUMENT, "ten": DOCUMENT["title"]}
    del old["title"]
    data = migrate(json.loads(json.dumps(old)), current=2, registry=registry)
    plan = parplan.io.converter.structure(data, parplan.Plan)
    assert plan == loads(json.dumps(DOCUMENT))
