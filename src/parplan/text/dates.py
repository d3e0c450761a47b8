"""The one grammar of days: "31/12/2020", "31.12.2020", "31-12-2020", "ngày 19 tháng 6 năm 2015".

A day is written in figures, day first, with the same separator twice ("/",
"." or "-") and the year last (left out where the reader allows it), or in
words: "19 tháng 6 năm 2015" (the year may also follow "/", ".", "," or "-").
Deadlines, legal citations and target horizons all read days here, so a
day that one of them reads, the others read the same way.

:func:`day_source` gives regex source over folded text (lower case, no
diacritics, see :func:`parplan.text.normalize.fold_aligned`) whose group
names carry a prefix, so that several days can be matched by one regex
("từ ngày … đến ngày …"). :func:`day_parts` and :func:`make_date` turn the
groups into a :class:`~datetime.date`, or into a
:class:`~parplan.text._scan.Failure` that says where and what was wrong
("a real date (month 2 of 2020 has no day 31)").

>>> import re
>>> found = re.match(day_source("a_", year="required"), "29/02/2020")
>>> read_date(found, "a_")
datetime.date(2020, 2, 29)
>>> read_date(re.match(day_source(year="required"), "19 thang 6 nam 2015"))
datetime.date(2015, 6, 19)
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, Literal, NamedTuple

from parplan._values import YEARS_EXPECTED, is_year
from parplan.text._scan import Failure
from parplan.text.periods import MONTH_WORD, YEAR_WORD

__all__ = ["DAY_WORD", "DayParts", "day_parts", "day_source", "make_date", "read_date", "year_written"]

DAY_WORD: Final = "ngay"
""""Ngày", the word before a day."""

_NUMBER = r"[0-9]{1,2}"
_YEAR = r"[0-9]{4}"


def day_source(prefix: str = "", *, year: Literal["optional", "required"] = "optional") -> str:
    """Regex source for a day in figures or in words, its groups named with ``prefix``.

    Figures fill ``{prefix}d``, ``{prefix}sep``, ``{prefix}m`` and ``{prefix}y``;
    words fill ``{prefix}wd``, ``{prefix}wm`` and ``{prefix}wy``. The year
    group is empty when ``year`` is ``"optional"`` and none is written. The
    source ends where no digit follows, and holds no word before the day
    ("ngày" is the caller's: :data:`DAY_WORD`).
    """
    p = prefix
    figures_year = rf"\s*(?P={p}sep)\s*(?P<{p}y>{_YEAR})"
    words_year = rf"\s*(?:{YEAR_WORD}|[/.,-])\s*(?P<{p}wy>{_YEAR})"
    if year == "optional":
        figures_year, words_year = f"(?:{figures_year})?", f"(?:{words_year})?"
    figures = rf"(?P<{p}d>{_NUMBER})\s*(?P<{p}sep>[/.-])\s*(?P<{p}m>{_NUMBER}){figures_year}"
    words = rf"(?P<{p}wd>{_NUMBER})\s*{MONTH_WORD}\s*(?P<{p}wm>{_NUMBER}){words_year}"
    return rf"(?:{figures}|{words})(?![0-9])"


class DayParts(NamedTuple):
    """The parts of a day as written: each in range, the year None when not written."""

    day: int
    month: int
    year: int | None
    position: int
    """Where the day's number starts: the position of an error about the whole date."""


def year_written(found: re.Match[str], prefix: str = "") -> bool:
    """True when the day :func:`day_source` matched has its year."""
    return found[f"{prefix}y"] is not None or found[f"{prefix}wy"] is not None


def day_parts(found: re.Match[str], prefix: str = "") -> DayParts:
    """The day, month and year a match of :func:`day_source` holds.

    Raises :class:`~parplan.text._scan.Failure` at the month for a month that is
    not 1 to 12, at the day for a day that is not 1 to 31, at the year for a
    year outside :data:`~parplan._values.FIRST_YEAR`-:data:`~parplan._values.LAST_YEAR`.
    """
    figures = found[f"{prefix}d"] is not None
    d, m, y = (f"{prefix}d", f"{prefix}m", f"{prefix}y") if figures else (f"{prefix}wd", f"{prefix}wm", f"{prefix}wy")
    month = int(found[m])
    if not 1 <= month <= 12:
        raise Failure(found.start(m), "a month between 1 and 12")
    day = int(found[d])
    if not 1 <= day <= 31:
        raise Failure(found.start(d), "a day between 1 and 31")
    written = found[y]
    year = None if written is None else int(written)
    if year is not None and not is_year(year):
        raise Failure(found.start(y), YEARS_EXPECTED)
    return DayParts(day, month, year, found.start(d))


def make_date(parts: DayParts, year: int | None = None) -> date:
    """The date of ``parts``, ``year`` standing in for a year not written.

    Raises :class:`~parplan.text._scan.Failure` at the day when the date does not
    exist: "a real date (month 2 of 2021 has no day 29)".
    """
    day, month, written, position = parts
    chosen = written if written is not None else year
    if chosen is None:
        raise Failure(position, "a date with its year")
    try:
        return date(chosen, month, day)
    except ValueError:
        raise Failure(position, f"a real date (month {month} of {chosen} has no day {day})") from None


def read_date(found: re.Match[str], prefix: str = "", *, year: int | None = None) -> date:
    """The date a match of :func:`day_source` holds (``year`` where none is written), or a Failure saying why not."""
    return make_date(day_parts(found, prefix), year)
