"""Format versions and the migrations that bring older documents up to date.

Every document carries ``"format_version"`` at its top level. When the format
changes, the version goes up by one and a migration from the previous version
is registered here, so files written by older parplan releases keep loading.
Migrations work on the raw JSON-like data, before structuring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parplan.errors import PlanFormatError, Problem
from parplan.io.converter import describe

__all__ = ["FORMAT_VERSION", "Migration", "migrate", "register_migration"]

FORMAT_VERSION = 1
"""The format version this release writes."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A function that turns a document of version ``n`` into one of version ``n + 1``."""

_MIGRATIONS: dict[int, Migration] = {}


def register_migration(
    from_version: int, *, registry: dict[int, Migration] | None = None
) -> Callable[[Migration], Migration]:
    """Register a migration from ``from_version`` to ``from_version + 1`` (a decorator)."""
    target = _MIGRATIONS if registry is None else registry

    def decorate(function: Migration) -> Migration:
        if from_version in target:
            raise ValueError(f"a migration from format version {from_version} is already registered")
        target[from_version] = function
        return function

    return decorate


def migrate(
    document: dict[str, Any],
    *,
    source: str | None = None,
    current: int = FORMAT_VERSION,
    registry: dict[int, Migration] | None = None,
) -> dict[str, Any]:
    """Bring ``document`` to the ``current`` format version and drop the version key.

    Raises :class:`PlanFormatError` when the version is missing, not an
    integer, newer than this release, or has no migration path.
    """
    migrations = _MIGRATIONS if registry is None else registry
    if "format_version" not in document:
        raise PlanFormatError(
            [Problem(path="$.format_version", message=f"required field is missing (this release writes {current})")],
            source,
        )
    version = document["format_version"]
    if version.__class__ is not int or version < 1:
        raise PlanFormatError(
            [Problem(path="$.format_version", message=f"expected a positive integer, got {describe(version)}")], source
        )
    if version > current:
        raise PlanFormatError(
            [
                Problem(
                    path="$.format_version",
                    message=f"version {version} is newer than this release reads ({current}); upgrade parplan",
                )
            ],
            source,
        )
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise PlanFormatError(
                [Problem(path="$.format_version", message=f"no migration from version {version}")], source
            )
        document = step(document)
        version += 1
        document["format_version"] = version
    del document["format_version"]
    return document
