"""Format versions and the migrations that bring older documents up to date, per kind of document.

Every document carries ``"format_version"`` at its top level, and from version
2 of the plan format a ``"document"`` key naming its kind (see
:mod:`parplan.io.kinds`). When a kind's format changes, its version goes up by
one and a migration from the previous version is registered, so files written
by older parplan releases keep loading. Migrations work on the raw JSON-like
data, before structuring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parplan.errors import PlanFormatError, Problem
from parplan.io.converter import describe
from parplan.io.kinds import PLAN, DocumentKind, Migration, kind_named, kinds

__all__ = ["FORMAT_VERSION", "HEADER_KEYS", "Migration", "migrate", "read_header", "register_migration"]

FORMAT_VERSION = PLAN.version
"""The version of the plan format this release writes."""

HEADER_KEYS = frozenset({"format_version", "document", "$schema"})
"""The keys of a document's header, which are not fields of its model class."""


def register_migration(
    from_version: int, *, kind: str = "plan", registry: dict[int, Migration] | None = None
) -> Callable[[Migration], Migration]:
    """Register a migration of ``kind`` from ``from_version`` to ``from_version + 1`` (a decorator).

    ``registry`` replaces the kind's own registry (tests use private ones).
    """
    if registry is None:
        found = kind_named(kind)
        if found is None:
            raise ValueError(f"no document kind named {kind!r}")
        return found.register_migration(from_version)
    target = registry

    def decorate(function: Migration) -> Migration:
        if from_version in target:
            raise ValueError(f"a migration from format version {from_version} is already registered")
        target[from_version] = function
        return function

    return decorate


def _fail(path: str, message: str, source: str | None) -> PlanFormatError:
    return PlanFormatError([Problem(path=path, message=message)], source)


def read_header(document: dict[str, Any], *, source: str | None = None, expected: DocumentKind = PLAN) -> DocumentKind:
    """The kind a document's header names; :class:`PlanFormatError` when it is not ``expected``.

    A plan of format version 1 has no ``"document"`` key; every later
    document must name its kind.
    """
    name = document.get("document")
    if name is None:
        if "document" in document or document.get("format_version") != 1 or expected is not PLAN:
            names = ", ".join(repr(kind.name) for kind in kinds())
            message = f"required field is missing; expected {expected.name!r} (the kinds are {names})"
            if "document" in document:
                message = f"expected {expected.name!r}, got null"
            raise _fail("$.document", message, source)
        return PLAN
    if name.__class__ is not str:
        raise _fail("$.document", f"expected {expected.name!r}, got {describe(name)}", source)
    found = kind_named(name)
    if found is None:
        names = ", ".join(repr(kind.name) for kind in kinds())
        raise _fail("$.document", f"unknown kind of document {describe(name)}; the kinds are {names}", source)
    if found is not expected:
        raise _fail("$.document", f"this file holds a {found.name} document, not a {expected.name} document", source)
    return found


def migrate(
    document: dict[str, Any],
    *,
    source: str | None = None,
    current: int | None = None,
    registry: dict[int, Migration] | None = None,
    kind: DocumentKind = PLAN,
) -> dict[str, Any]:
    """Bring ``document`` (of ``kind``) to the ``current`` format version and drop its header.

    ``current`` and ``registry`` default to the kind's own. Raises
    :class:`PlanFormatError` when the version is missing, not an integer,
    newer than this release, or has no migration path, and when the header
    names another kind or a ``"$schema"`` that is not text.
    """
    current = kind.version if current is None else current
    migrations = kind.migrations if registry is None else registry
    if "format_version" not in document:
        raise _fail("$.format_version", f"required field is missing (this release writes {current})", source)
    version = document["format_version"]
    if version.__class__ is not int or version < 1:
        raise _fail("$.format_version", f"expected a positive integer, got {describe(version)}", source)
    if version > current:
        message = f"version {version} is newer than this release reads ({current}); upgrade parplan"
        raise _fail("$.format_version", message, source)
    if registry is None:
        read_header(document, source=source, expected=kind)
    schema = document.get("$schema")
    if schema is not None and schema.__class__ is not str:
        raise _fail("$['$schema']", f"expected the address of a schema as text, got {describe(schema)}", source)
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise _fail("$.format_version", f"no migration from version {version}", source)
        document = step(document)
        version += 1
        document["format_version"] = version
    return {key: value for key, value in document.items() if key not in HEADER_KEYS}
