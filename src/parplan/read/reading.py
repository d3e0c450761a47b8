"""A reading of a plan document: the draft plan, each field's source and certainty, and what found no place.

:class:`Reading` is a document kind of its own (``"document": "reading"``): it
round-trips through JSON losslessly, so that an app can store a reading and show a
reviewer each field beside the line it came from. The draft plan carries, for every
field read, a :class:`~parplan.source.FieldSource` in ``plan.sources``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from parplan._values import nfc, nfc_or_none, nfc_tuple, non_empty_items, non_empty_or_none, to_tuple, typed_fields
from parplan.plan import Plan
from parplan.read.source import DocumentFormat
from parplan.source import SourceLocation

__all__ = ["Reading", "UnplacedLine"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class UnplacedLine:
    """A line of the document that found no place in the draft plan, with where it stands."""

    text: str = attrs.field(converter=nfc)
    origin: SourceLocation


def _unplaced(values: Iterable[UnplacedLine]) -> tuple[UnplacedLine, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Reading:
    """What a plan document says, as far as it could be read.

    ``plan`` is the draft: what could not be read stays empty, never invented,
    and ``plan.sources`` says for each field where it came from, the text as
    written, whether it is stated, inferred or uncertain, a confidence and the
    doubts. ``plan`` is None when not even a title, an issuer, a unit and a
    year could be read (a document that is not a plan): ``doubts`` then say
    why. ``unplaced`` are the lines that found no place; ``file``, ``format``
    and ``pages`` describe the document read.
    """

    plan: Plan | None
    format: DocumentFormat
    file: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    pages: int | None = None
    unplaced: tuple[UnplacedLine, ...] = attrs.field(default=(), converter=_unplaced)
    doubts: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    confidence: Decimal | None = None

    @property
    def is_plan(self) -> bool:
        """True when a draft plan could be built."""
        return self.plan is not None
