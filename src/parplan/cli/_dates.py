"""Dates typed by people at the edge (the command line): one typed wrapper around python-dateutil.

The hot paths read ISO 8601 only (``date.fromisoformat``). Where a person types
a date, ``dateutil`` accepts what people write — "30/6/2022", "30.06.2022",
"30 June 2022", "2022-06-30" — read day first, as Vietnamese dates are. A date
must name its day, month and year: nothing is filled in from today, and the
clock is never read.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as _parser

from parplan.errors import ParseError

__all__ = ["parse_typed_date"]

# Two defaults that differ in every part: a part the text leaves out shows as a difference.
_DEFAULT_A = datetime(2000, 1, 1)  # noqa: DTZ001 - a placeholder, never a moment
_DEFAULT_B = datetime(2001, 2, 2, 1, 1)  # noqa: DTZ001 - a placeholder, never a moment
_EXPECTED = "a date with day, month and year, such as 2022-06-30 or 30/6/2022"

_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\Z", re.ASCII)
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})\Z", re.ASCII)
_SHORT_YEAR = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{1,2}\Z|.*(?<!\d)\d{2}\Z", re.ASCII)
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)


def parse_typed_date(text: str) -> date:
    """The date ``text`` names; raises :class:`ParseError` when a part is missing, impossible or unreadable.

    Figures are read year first when the year comes first ("2022-1-7" is 7
    January, "2022/03/04" is 4 March) and day first otherwise ("3/12/2021" is 3
    December, as Vietnamese dates are written). Month names are read by
    python-dateutil ("30 June 2022"). A two-digit year ("30/6/75") is refused
    rather than completed from the century of today.
    """
    stripped = text.strip()
    for shape, order in ((_YEAR_FIRST, (1, 3, 4)), (_DAY_FIRST, (4, 3, 1))):
        found = shape.match(stripped)
        if found is not None:
            year, month, day = (int(found[index]) for index in order)
            try:
                return date(year, month, day)
            except ValueError:
                raise ParseError(text, 0, f"{_EXPECTED} (there is no day {day} in month {month} of {year})") from None
    if _SHORT_YEAR.match(stripped) or not _FOUR_DIGITS.search(stripped):
        raise ParseError(text, 0, f"{_EXPECTED} (the year with its four digits)")
    if any(char.isdigit() for char in stripped) and not any(char.isalpha() for char in stripped):
        raise ParseError(text, 0, _EXPECTED)  # figures in any other shape: not guessed at
    try:
        first = _parser.parse(stripped, dayfirst=True, default=_DEFAULT_A)
        second = _parser.parse(stripped, dayfirst=True, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        raise ParseError(text, 0, _EXPECTED) from None
    has_time = first.time() != _DEFAULT_A.time() or second.time() != _DEFAULT_B.time()
    if first.date() != second.date() or has_time or first.tzinfo is not None:
        raise ParseError(text, 0, _EXPECTED)
    return first.date()
