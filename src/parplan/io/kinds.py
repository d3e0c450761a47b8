"""The kinds of document parplan reads and writes, in one registry.

Every document starts with a header: ``"format_version"`` (the version of its
kind's format) and ``"document"`` (which kind it holds). A plan file written
before documents had kinds (format version 1) has no ``"document"`` key and is
read as a plan. An editor's ``"$schema"`` key is accepted and ignored.

=================== ================================================= =======
``document``        model class                                       version
=================== ================================================= =======
``plan``            :class:`parplan.plan.Plan`                        2
``framework``       :class:`parplan.indicators.IndexFramework`        1
``reading``         :class:`parplan.read.reading.Reading`             1
``progress_report`` :class:`parplan.progress.report.ProgressReport`   1
``score_sheet``     :class:`parplan.progress.sheet.ScoreSheet`        1
=================== ================================================= =======

A kind names its class by module path, so nothing is imported until a
document of that kind is read.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["DocumentKind", "kind_for", "kind_named", "kinds", "register_kind"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A function that turns a document of version ``n`` of its kind into one of version ``n + 1``."""


@attrs.define(kw_only=True, eq=False)
class DocumentKind:
    """One kind of document: its name in files, its model class, its format version and migrations.

    ``target`` is the model class as ``"module:Class"``, imported on first use.
    ``migrations`` maps a version ``n`` to the function that turns a document
    of version ``n`` into one of version ``n + 1``.
    """

    name: str
    target: str
    version: int
    title: str
    migrations: dict[int, Migration] = attrs.field(factory=dict)
    _cls: type | None = attrs.field(default=None, alias="_cls")

    @property
    def cls(self) -> type:
        """The model class of this kind (imported on first use)."""
        if self._cls is None:
            module, _, name = self.target.partition(":")
            self._cls = getattr(importlib.import_module(module), name)
        return self._cls

    def register_migration(self, from_version: int) -> Callable[[Migration], Migration]:
        """Register a migration from ``from_version`` to ``from_version + 1`` of this kind (a decorator)."""

        def decorate(function: Migration) -> Migration:
            if from_version in self.migrations:
                raise ValueError(f"a migration from {self.name} format version {from_version} is already registered")
            self.migrations[from_version] = function
            return function

        return decorate


_KINDS: dict[str, DocumentKind] = {}


def register_kind(kind: DocumentKind) -> DocumentKind:
    """Add ``kind`` to the registry (once per name); return it."""
    if kind.name in _KINDS:
        raise ValueError(f"a document kind named {kind.name!r} is already registered")
    _KINDS[kind.name] = kind
    return kind


def kinds() -> tuple[DocumentKind, ...]:
    """Every registered kind, in the order registered."""
    return tuple(_KINDS.values())


def kind_named(name: str) -> DocumentKind | None:
    """The kind called ``name`` in files, or None."""
    return _KINDS.get(name)


def kind_for(cls: type) -> DocumentKind | None:
    """The kind whose model class is ``cls``, or None (classes are compared without importing other kinds)."""
    wanted = f"{cls.__module__}:{cls.__qualname__}"
    for kind in _KINDS.values():
        if kind.target == wanted or (kind._cls is cls):  # noqa: SLF001 - the registry's own record
            return kind
    return None


PLAN = register_kind(DocumentKind(name="plan", target="parplan.plan:Plan", version=2, title="parplan plan document"))
"""Plans: the CCHC plans of provinces, districts and communes."""

FRAMEWORK = register_kind(
    DocumentKind(
        name="framework",
        target="parplan.indicators:IndexFramework",
        version=1,
        title="parplan index framework (a PAR Index or a local criteria set)",
    )
)
"""Index frameworks: the PAR Index and the criteria sets provinces define for their communes."""


READING = register_kind(
    DocumentKind(
        name="reading",
        target="parplan.read.reading:Reading",
        version=1,
        title="parplan reading of a plan document (a draft plan with each field's source and certainty)",
    )
)
"""Readings of plan documents: a draft plan with the source and certainty of each field."""

PROGRESS_REPORT = register_kind(
    DocumentKind(
        name="progress_report",
        target="parplan.progress.report:ProgressReport",
        version=1,
        title="parplan progress report (a unit's periodic report on its plan)",
    )
)
"""Progress reports: a unit's quarterly, six-monthly or yearly report on the plan it carries out."""

SCORE_SHEET = register_kind(
    DocumentKind(
        name="score_sheet",
        target="parplan.progress.sheet:ScoreSheet",
        version=1,
        title="parplan score sheet (a unit's self-assessment of an index)",
    )
)
"""Score sheets: a unit's yearly self-assessment of an index, with the appraisal and survey points."""


@PLAN.register_migration(1)
def _plan_1_to_2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 writes the ``"document"`` header, a signature's lines of authority and the kind of a span.

    A version 1 signature ``{"capacity": "TM", "on_behalf_of": "ỦY BAN NHÂN DÂN",
    "position": …}`` becomes ``{"authorities": [{"capacity": "TM", "of": "ỦY BAN
    NHÂN DÂN"}], "position": …}``; a plan's ``span`` (which may now also be open
    ended) gets its ``"kind": "span"``. Everything else version 2 adds is optional.
    """
    span = document.get("span")
    if span.__class__ is dict and "kind" not in span:
        document["span"] = {"kind": "span", **span}
    signature = document.get("signature")
    if signature.__class__ is dict and ("capacity" in signature or "on_behalf_of" in signature):
        signature = dict(signature)
        capacity = signature.pop("capacity", None)
        of = signature.pop("on_behalf_of", None)
        authority = {"capacity": capacity} if of is None else {"capacity": capacity, "of": of}
        document["signature"] = {"authorities": [authority], **signature}
    return document
