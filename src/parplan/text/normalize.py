"""Normalising Vietnamese text for matching: NFC, diacritic folding, spacing.

Matching folds diacritics and case; storage never does. ``fold("Quý III/2025")``
is ``"quy iii/2025"``: the forms officials type without diacritics, or that OCR
leaves behind, compare equal to the written ones.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["collapse_spaces", "fold", "nfc"]

_SPACES = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """``text`` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Runs of whitespace (including no-break spaces) become one space; ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower case, no diacritics, ``đ`` as ``d``, single spaces.

    For Vietnamese text the folded text has as many characters as the NFC
    text with collapsed spaces, so positions found in one point into the other.
    """
    decomposed = unicodedata.normalize("NFD", collapse_spaces(text).translate(_FOLD_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()
