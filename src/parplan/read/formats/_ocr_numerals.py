"""The Roman numeral of a quarter counted by its width, when scanning damaged its strokes.

OCR reads the strokes of "Quý III/2022" as "Il", "IT", "TI", "11" or a whole "II", and those of
"Quý II" as "11", "Il" or "I": the letters alone do not say how many strokes were printed
(``docs/reading.md``, "Scanned plans"). The word's box does: a stroke "I" is a third of an em
wide in Times New Roman, the face plans are printed in, and the word "Quý" just before it
gives the em. When the box holds exactly one count of strokes with the year and marks after
them, and the letters read say another, the numeral is written back with that count and one
stroke as scanning leaves it ("IIl"), so that the time parser reads it as a repaired numeral,
with its doubt (never a sure reading); a box that fits no count well is left as read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Final

from parplan.read.formats._ocr_tables import Word
from parplan.text.periods import ROMAN_REPAIR

__all__ = ["measure_quarters", "strokes_measured"]

_EM: Final[Mapping[str, float]] = {
    "I": 0.333, "/": 0.278, ".": 0.25, ",": 0.25, ";": 0.278, ":": 0.278, ")": 0.333,
    **dict.fromkeys("0123456789", 0.5),
    "Q": 0.722, "q": 0.5, "U": 0.722, "u": 0.5, "Y": 0.722, "y": 0.5, "Ý": 0.722, "ý": 0.5,
}  # fmt: skip
"""Advance widths in Times New Roman, in ems, of the characters measured."""
_QUARTER_WORD: Final = re.compile(r"^(?:Q|q)(?:U|u)(?:Ý|ý|Y|y)$")
"""The word "Quý" as scanning leaves it (its accent may be lost), any case."""
_NUMERAL: Final = re.compile(r"^(?P<strokes>[Il1|!Tt\[]{1,3})(?P<rest>(?:/[0-9]{4})?[.,;:)]?)$")
"""Strokes only (a "V" is counted by no width here), then the year and a mark, or nothing."""
_FIT: Final = 0.1
"""How far, in ems, a box may be from a count's width and still be read as that count (a stroke is 0.333)."""
_OTHER: Final = 0.22
"""How far, in ems, every other count's width must then be."""


def _width(text: str) -> float:
    return sum(_EM[char] for char in text)


def strokes_measured(quarter_word: str, quarter_width: float, numeral: str, width: float) -> int | None:
    """The strokes (1 to 3) a numeral's box of ``width`` holds, the word "Quý" before it ``quarter_width`` wide.

    None when the word is not "Quý", the numeral is not strokes with a year or a mark
    after them, or no count fits the box alone.

    >>> strokes_measured("Quy", 69, "Il/2022", 132)
    3
    >>> strokes_measured("quy", 66, "I/2025.", 140)
    2
    >>> strokes_measured("quy", 66, "II/2024.", 131) is None
    True
    """
    found = _NUMERAL.match(numeral)
    if found is None or _QUARTER_WORD.match(quarter_word) is None or quarter_width <= 0 or width <= 0:
        return None
    em = quarter_width / _width(quarter_word)
    rest = _width(found["rest"])
    measured = width / em
    gaps = {count: abs(measured - (count * _EM["I"] + rest)) for count in (1, 2, 3)}
    best = min(gaps, key=gaps.__getitem__)
    if gaps[best] > _FIT or any(gap < _OTHER for count, gap in gaps.items() if count != best):
        return None
    return best


def _quarter_above(words: Sequence[Word], word: Word) -> Word | None:
    """The word "Quý" a table's cell wrapped over ``word``: on the line above in its paragraph, where it starts."""
    for other in words:
        if other.line[:2] != word.line[:2] or other.line[2] != word.line[2] - 1 or not _QUARTER_WORD.match(other.text):
            continue
        if abs(other.x0 - word.x0) <= (other.x1 - other.x0) / 2:
            return other
    return None


def measure_quarters(words: Sequence[Word]) -> None:
    """Write back, in ``words`` (in reading order), the numerals after "Quý" whose box counts other strokes.

    "Quý" stands before its numeral on a line or, in a table's narrow cell, over it ("Quý" / "III/2023").
    """
    for before, word in itertools.pairwise(words):
        if _NUMERAL.match(word.text) is None:
            continue
        quarter = before
        if before.line[:2] != word.line[:2] or not _QUARTER_WORD.match(before.text):
            quarter = _quarter_above(words, word) or before  # the word "Quý" a cell wrapped over it
        if quarter.line[:2] != word.line[:2]:
            continue  # "Quý" ends the line before at times, but in the same paragraph, so in the same face
        count = strokes_measured(quarter.text, quarter.x1 - quarter.x0, word.text, word.x1 - word.x0)
        if count is None:
            continue
        found = _NUMERAL.match(word.text)
        if found is None or found["strokes"].lower().translate(ROMAN_REPAIR) == "i" * count:
            continue  # the letters say what the box does
        word.text = "I" * (count - 1) + "l" + found["rest"]
