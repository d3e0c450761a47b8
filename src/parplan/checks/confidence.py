"""How sure the reading of a draft plan is of what each finding rests on.

A plan read from a document (:func:`parplan.read`) records, for each field it
read, a :class:`~parplan.source.FieldSource` with a calibrated confidence. A
finding about such a plan is no surer than the reading it rests on: a task
with no lead may have a lead the reader did not see. :func:`with_reading_confidence`
gives each finding the least confidence of the fields read at its path or
under it (``$.tasks[3]``: the task's title, lead, deadline …), or, when nothing
was read there (``$.tasks[3].responsibility`` left empty), of the item that
holds it. Findings about the plan as a whole (``$``) get the confidence of a
source recorded at ``$`` only, usually none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from parplan.checks.finding import Finding
from parplan.plan import Plan
from parplan.source import FieldSource

__all__ = ["confidence_by_path", "with_reading_confidence"]

_STEP_START = re.compile(r"(?=[.\[])")


def confidence_by_path(sources: Iterable[FieldSource]) -> dict[str, Decimal]:
    """For each path a source was read at, or that holds one, the least confidence read there or under it."""
    least: dict[str, Decimal] = {}
    for source in sources:
        confidence = source.confidence
        if confidence is None:
            continue
        for path in (source.path, *_holders(source.path)):
            known = least.get(path)
            if known is None or confidence < known:
                least[path] = confidence
    return least


def _holders(path: str) -> list[str]:
    """The paths that hold ``path``, nearest first, ``$`` left out: for ``$.a[1].b``, ``$.a[1]`` and ``$.a``."""
    return [path[: match.start()] for match in reversed(list(_STEP_START.finditer(path, 2)))]


def _confidence(least: dict[str, Decimal], path: str) -> Decimal | None:
    if path == "$":
        return least.get("$")
    for candidate in (path, *_holders(path)):
        found = least.get(candidate)
        if found is not None:
            return found
    return None


def with_reading_confidence(plan: Plan, findings: list[Finding]) -> list[Finding]:
    """``findings`` about ``plan``, each with the confidence of the reading it rests on (see the module)."""
    least = confidence_by_path(plan.sources)
    if not least:
        return findings
    return [attrs.evolve(finding, confidence=_confidence(least, finding.path)) for finding in findings]
