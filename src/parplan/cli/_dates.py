"""Dates typed by people at the edge (the command line): one typed wrapper around python-dateutil.

The hot paths read ISO 8601 only (``date.fromisoformat``). Where a person types
a date, ``dateutil`` accepts what people write — "30/6/2022", "30.06.2022",
"30 June 2022", "2022-06-30" — read day first, as Vietnamese dates are. A date
must name its day, month and year: nothing is filled in from today, and the
clock is never read.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil import parser as _parser

from parplan.errors import ParseError

__all__ = ["parse_typed_date"]

# Two defaults that differ in every part: a part the text leaves out shows as a difference.
_DEFAULT_A = datetime(2000, 1, 1)  # noqa: DTZ001 - a placeholder, never a moment
_DEFAULT_B = datetime(2001, 2, 2, 1, 1)  # noqa: DTZ001 - a placeholder, never a moment
_EXPECTED = "a date with day, month and year, such as 2022-06-30 or 30/6/2022"


def parse_typed_date(text: str) -> date:
    """The date ``text`` names, day first; raises :class:`ParseError` when a part is missing or unreadable."""
    stripped = text.strip()
    try:
        return date.fromisoformat(stripped)
    except ValueError:
        pass
    try:
        first = _parser.parse(stripped, dayfirst=True, default=_DEFAULT_A)
        second = _parser.parse(stripped, dayfirst=True, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        raise ParseError(text, 0, _EXPECTED) from None
    has_time = first.time() != _DEFAULT_A.time() or second.time() != _DEFAULT_B.time()
    if first.date() != second.date() or has_time or first.tzinfo is not None:
        raise ParseError(text, 0, _EXPECTED)
    return first.date()
