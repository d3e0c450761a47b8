"""The JSON Schema (draft 2020-12) of the parplan document format.

Generated from the model classes with the same rules the converter applies, so
the schema and the loader cannot drift apart: strict types, no unknown keys,
``kind`` tags on unions, decimals as strings, ISO dates, period identifiers.
Invariants that span several fields (a lead is not also a coordinator …) are
beyond JSON Schema; the loader checks them.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from parplan import indicators, legal, org, plan, source, targets, timeframes
from parplan._values import (
    _IDENTIFIER,
    DECIMAL_DIGITS,
    DECIMAL_PLACES,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_INT,
    TypeChecked,
    identifier,
    identifier_or_none,
    non_empty,
    non_empty_items,
    non_empty_or_none,
    positive_int,
    positive_int_or_none,
    year_range,
    year_range_or_none,
)
from parplan.errors import InvariantError
from parplan.io.converter import _DEFAULT_TAG, TAGS, _fields, _is_required, _is_union, _optional_inner, _tuple_item
from parplan.io.kinds import PLAN, DocumentKind, kind_for
from parplan.periods import ReportingPeriod
from parplan.plan import MAX_AMOUNT, Plan

__all__ = ["SCHEMA_ID", "json_schema", "schema_id"]


def schema_id(kind: DocumentKind = PLAN) -> str:
    """The ``$id`` of the schema of ``kind`` (an identifier, not a download location)."""
    return f"https://parplan.invalid/schema/{kind.name}-v{kind.version}.json"


SCHEMA_ID = schema_id()
"""The ``$id`` of the plan schema."""

_PERIOD_PATTERN = r"^(19\d\d|2[01]\d\d|2200)(S[12]|Q[1-4]|M(0[1-9]|1[0-2])|Q1-Q3)?$"
_DECIMAL_PATTERN = rf"^-?(0|[1-9]\d{{0,{DECIMAL_DIGITS - 1}}})(\.\d{{1,{DECIMAL_PLACES}}})?$"
_DECIMAL_INTEGER = {"type": "integer", "minimum": -(10**DECIMAL_DIGITS) + 1, "maximum": 10**DECIMAL_DIGITS - 1}
_NOT_BLANK = {"pattern": r"\S"}
_IDENTIFIER_PATTERN = {"pattern": "^" + _IDENTIFIER.pattern.removesuffix(r"\Z") + "$"}


def _anchored(pattern: re.Pattern[str]) -> dict[str, Any]:
    return {"pattern": "^" + pattern.pattern.removesuffix(r"\Z") + "$"}


_CONSTRAINTS: dict[Any, dict[str, Any]] = {
    non_empty: _NOT_BLANK,
    non_empty_or_none: _NOT_BLANK,
    non_empty_items: {"items": _NOT_BLANK},
    identifier: _IDENTIFIER_PATTERN,
    identifier_or_none: _IDENTIFIER_PATTERN,
    year_range: {"minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    year_range_or_none: {"minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    positive_int: {"minimum": 1},
    positive_int_or_none: {"minimum": 1},
    plan._check_codes: {"items": _IDENTIFIER_PATTERN},
    plan._check_level: {"minimum": 1, "maximum": 8},
    legal._check_number: _anchored(legal._NUMBER),
    legal._check_doc_type: _anchored(legal._ABBREVIATION),
    legal._check_issuer: _anchored(legal._ISSUER),
    org._at_least_two: {"minItems": 2},
    timeframes._check_periods: {"minItems": 1, "uniqueItems": True},
    timeframes._check_frequencies: {"minItems": 1, "uniqueItems": True},
    timeframes._check_steps: {"minItems": 1},
    timeframes._check_term: {"minimum": 1, "maximum": 2},
    timeframes._check_school_part: {"enum": sorted(part.value for part in timeframes._SCHOOL_PARTS)},
    targets._check_flags: {"uniqueItems": True},
    source._check_cell: _anchored(source._CELL),
    source._check_path: _anchored(source._PATH),
}
"""What each validator of the model requires, said in JSON Schema (merged into the field's schema)."""

_NUMBER_CONSTRAINTS: dict[Any, tuple[str, dict[str, Any]]] = {
    plan._check_amount: ("integer", {"minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT}),
    plan._check_amount_or_none: ("integer", {"minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT}),
    indicators._points: ("decimal", {"minimum": 0}),
    source._check_confidence: ("decimal", {"minimum": 0, "maximum": 1}),
}
"""Bounds on numbers: for an integer field, its range; for a decimal field, the range of its integer form
and a pattern for its string form."""

_LOADER_ONLY = (
    "rules that tie several fields together (a plan has a year or a span, never both; a lead is not also a "
    "coordinator; a window starts before it ends; a rank target names its size only with the unit rank …), "
    "milestones in date order, parties named once in a joint lead, objective ids not repeated, and real "
    "calendar dates (the schema checks the shape YYYY-MM-DD)"
)
"""What only the loader checks (the schema says so in its description)."""


_PRIMITIVE_SCHEMAS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer", "minimum": -MAX_INT, "maximum": MAX_INT},
    bool: {"type": "boolean"},
    Decimal: {"oneOf": [{"type": "string", "pattern": _DECIMAL_PATTERN}, _DECIMAL_INTEGER]},
    date: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ReportingPeriod: {"type": "string", "pattern": _PERIOD_PATTERN},
}


def _doc(cls: type) -> str:
    text = (cls.__doc__ or "").strip()
    return text.split("\n\n", 1)[0].replace("\n", " ")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder for recursive types
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = TAGS.get(cls)
        if tag is not None:
            properties["kind"] = {"const": tag}
            if cls not in _DEFAULT_TAG:
                required.append("kind")
        for field in _fields(cls):
            properties[field.name] = _constrained(self.schema(field.type), field)
            if _is_required(field):
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "description": _doc(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        if cls is Plan:  # a year or a span, never both
            schema["oneOf"] = [
                {"required": ["year"], "properties": {"year": {"type": "integer"}, "span": {"type": "null"}}},
                {"required": ["span"], "properties": {"span": {"type": "object"}, "year": {"type": "null"}}},
            ]
        return schema

    def schema(self, tp: Any) -> dict[str, Any]:
        primitive = _PRIMITIVE_SCHEMAS.get(tp)
        if primitive is not None:
            return dict(primitive)
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [member.value for member in tp]}
        inner = _optional_inner(tp)
        if inner is not None:
            return {"anyOf": [self.schema(inner), {"type": "null"}]}
        item = _tuple_item(tp)
        if item is not None:
            return {"type": "array", "items": self.schema(item)}
        if _is_union(tp):
            return {"oneOf": [self.ref(member) for member in typing.get_args(tp)]}
        if attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"no schema rule for {tp!r}")  # pragma: no cover - every model type is covered


def _constrained(schema: dict[str, Any], field: attrs.Attribute[Any]) -> dict[str, Any]:
    """``schema`` of a field with what the field's validator requires, where JSON Schema can say it."""
    validator = field.validator
    own = validator.inner if isinstance(validator, TypeChecked) else validator
    extra = _CONSTRAINTS.get(own)
    number = _NUMBER_CONSTRAINTS.get(own)
    if extra is None and number is None:
        return schema
    return _apply(schema, extra or {}, number)


def _apply(schema: dict[str, Any], extra: dict[str, Any], number: tuple[str, dict[str, Any]] | None) -> dict[str, Any]:
    """Merge the constraints into the non-null branch of ``schema``."""
    if "anyOf" in schema:  # an optional field: constrain the value, not the null
        return {
            "anyOf": [
                _apply(branch, extra, number) if branch != {"type": "null"} else branch for branch in schema["anyOf"]
            ]
        }
    if "oneOf" in schema and number is not None and number[0] == "decimal":  # a decimal: its string and integer forms
        bounds = number[1]
        minimum, maximum = bounds.get("minimum"), bounds.get("maximum")
        string = _bounded_decimal_pattern(minimum, maximum)
        integer = dict(_DECIMAL_INTEGER)
        integer.update(bounds)
        return {"oneOf": [{"type": "string", "pattern": string}, integer]}
    merged = dict(schema)
    for key, value in extra.items():
        if key == "items":  # a constraint on each item joins the item's own schema
            merged["items"] = {**merged.get("items", {}), **value}
        else:
            merged[key] = value
    if number is not None:
        merged.update(number[1])
    return merged


def _bounded_decimal_pattern(minimum: int | None, maximum: int | None) -> str:
    if minimum == 0 and maximum == 1:  # a confidence
        return rf"^(0(\.\d{{1,{DECIMAL_PLACES}}})?|1(\.0{{1,{DECIMAL_PLACES}}})?)$"
    return _DECIMAL_PATTERN.replace("^-?", "^")  # not negative


def json_schema(kind: type = Plan) -> dict[str, Any]:
    """The JSON Schema of a document of ``kind`` (a plan by default), as a JSON-like dict.

    The header comes first: ``format_version`` (this release's version of the
    kind's format), ``document`` (the kind's name) and, optionally, the
    ``$schema`` key editors use to find this schema.
    """
    document_kind = kind_for(kind) if isinstance(kind, type) else None
    if document_kind is None:
        raise InvariantError("json_schema.kind", kind, "must be the model class of a kind of document")
    builder = _Builder()
    root = builder.object_schema(document_kind.cls)
    header = {
        "$schema": {"type": "string", "description": "The address of this schema, for editors."},
        "format_version": {"const": document_kind.version},
        "document": {"const": document_kind.name},
    }
    root["properties"] = {**header, **root["properties"]}
    root["required"] = ["format_version", "document", *root.get("required", [])]
    root["description"] = f"{root['description']} Beyond this schema, the loader also checks {_LOADER_ONLY}."
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(document_kind),
        "title": document_kind.title,
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
