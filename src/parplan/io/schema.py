"""The JSON Schema (draft 2020-12) of the parplan document format.

Generated from the model classes with the same rules the converter applies, so
the schema and the loader cannot drift apart: strict types, no unknown keys,
``kind`` tags on unions, decimals as strings, ISO dates, period identifiers.
Invariants that span several fields (a lead is not also a coordinator …) are
beyond JSON Schema; the loader checks them.
"""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from parplan.errors import InvariantError
from parplan.io.converter import _DEFAULT_TAG, TAGS, _fields, _is_required, _is_union, _optional_inner, _tuple_item
from parplan.io.kinds import PLAN, DocumentKind, kind_for
from parplan.periods import ReportingPeriod
from parplan.plan import Plan

__all__ = ["SCHEMA_ID", "json_schema", "schema_id"]


def schema_id(kind: DocumentKind = PLAN) -> str:
    """The ``$id`` of the schema of ``kind`` (an identifier, not a download location)."""
    return f"https://parplan.invalid/schema/{kind.name}-v{kind.version}.json"


SCHEMA_ID = schema_id()
"""The ``$id`` of the plan schema."""

_PERIOD_PATTERN = r"^\d{4}(S[12]|Q[1-4]|M(0[1-9]|1[0-2])|Q1-Q3)?$"
_DECIMAL_PATTERN = r"^-?(0|[1-9]\d*)(\.\d+)?$"


_PRIMITIVE_SCHEMAS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    Decimal: {"oneOf": [{"type": "string", "pattern": _DECIMAL_PATTERN}, {"type": "integer"}]},
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
            properties[field.name] = self.schema(field.type)
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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(document_kind),
        "title": document_kind.title,
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
