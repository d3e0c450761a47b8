"""Normalising Vietnamese text for matching: NFC, diacritic folding, spacing, OCR repair.

Matching folds diacritics and case; storage never does. ``fold("Quý III/2025")``
is ``"quy iii/2025"``: the forms officials type without diacritics, or that OCR
leaves behind, compare equal to the written ones.

The phrase parsers use :func:`fold_aligned`, a fold that keeps every character
in place (``len(fold_aligned(t)) == len(nfc(t))``), so a position found in the
folded text points at the same character of the text as written; and
:func:`repair_ocr`, which undoes the commonest confusions of scanned text
(``"s6"`` for ``"số"``, ``"2O21"`` for ``"2021"``) without moving anything.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Repair", "collapse_spaces", "fold", "fold_aligned", "nfc", "repair_ocr"]

_SPACES = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (the very same string when it already is)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
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


def _aligned_table() -> dict[int, str]:
    """Character map of :func:`fold_aligned`: one character in, one character out."""
    # ASCII is mapped to itself outright: str.translate is twice as fast when no lookup fails.
    table: dict[int, str] = {code: chr(code) for code in range(0x80)}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
        if len(base) == 1 and base != char:
            table[code] = base
    for char in "đĐðÐ":
        table[ord(char)] = "d"
    table[0x0130] = "i"  # "İ".lower() would give two characters
    for code in range(0x0300, 0x0370):  # a combining mark NFC could not attach to a letter
        table[code] = " "
    for code in range(0x3001):  # spaces of every kind (the last is U+3000), except the line break
        char = chr(code)
        if char.isspace() and char != "\n":
            table[code] = " "
    for char in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d":
        table[ord(char)] = "-"
    for char in "\u2018\u2019\u201a\u201b\u00b4\u0060":
        table[ord(char)] = "'"
    for char in "\u201c\u201d\u201e\u201f":
        table[ord(char)] = '"'
    table[0x2026] = "."  # an ellipsis character stands where "..." would
    table[0xFF05] = "%"
    table[0xFF0F] = "/"
    return table


_ALIGNED = _aligned_table()


def fold_aligned(text: str) -> str:
    """Fold ``text`` for matching, keeping every character in place.

    Like :func:`fold` (lower case, no diacritics, ``đ`` as ``d``), but spaces
    are not collapsed: every kind of space and tab becomes ``" "``, line
    breaks stay, dashes become ``"-"`` and curly quotes straight ones. The
    result has exactly as many characters as ``nfc(text)``, so a position in
    one is the same position in the other.

    >>> fold_aligned("Quý  III/2025 – Đạt")
    'quy  iii/2025 - dat'
    """
    return nfc(text).translate(_ALIGNED).lower()


def _fold_nfc(text: str) -> str:
    """:func:`fold_aligned` of ``text`` known to be in NFC already (the phrase readers' case)."""
    return text.translate(_ALIGNED).lower()


@attrs.frozen(kw_only=True)
class Repair:
    """One character of damaged text read as another: ``found`` at ``position`` read as ``read_as``."""

    position: int
    found: str
    read_as: str

    def __str__(self) -> str:
        return f"{self.found!r} read as {self.read_as!r} at {self.position}"


_TOKEN = re.compile(r"[a-z0-9|!]+", re.ASCII)
_MIXED = re.compile(r"[0-9|!](?:(?<=[|!])|(?<=[a-z][0-9])|(?=[a-z]))", re.ASCII)
"""A bar, or a digit next to a letter (led by the rarer digits and bars, so a search skips ahead)."""
_NUMBER_LOOKALIKES = frozenset("oli|!")
_CODE = re.compile(r"[a-z]{2,}[0-9]{2,}", re.ASCII)  # "qh15", "ubtvqh14": an abbreviation and a number
_TO_DIGIT = {"o": "0", "l": "1", "i": "1", "|": "1", "!": "1"}
_TO_LETTER = {"0": "o", "6": "o", "5": "s", "8": "b"}
_VOWELS = frozenset("aeiouy")


def _word_repair(token: str, index: int) -> str | None:
    """The letter a digit (or bar) inside a word stands for, None to keep it."""
    char = token[index]
    if char in _TO_LETTER:
        return _TO_LETTER[char]
    if char in "1|!":
        # In a Vietnamese syllable "l" only begins it, before a vowel; elsewhere the stroke is an "i".
        following = token[index + 1] if index + 1 < len(token) else ""
        return "l" if index == 0 and following in _VOWELS else "i"
    return None


def _token_repairs(token: str, *, keep_words: bool) -> list[tuple[int, str]]:
    """The repairs of one run of letters and digits: (offset, character read)."""
    letters = {c for c in token if not c.isdigit()}
    if letters <= _NUMBER_LOOKALIKES and any(c.isdigit() for c in token):
        return [(offset, _TO_DIGIT[char]) for offset, char in enumerate(token) if char in _TO_DIGIT]
    if keep_words or _CODE.fullmatch(token):
        return []
    repairs: list[tuple[int, str]] = []
    for offset, char in enumerate(token):
        if char.isdigit() or char in "|!":
            letter = _word_repair(token, offset)
            if letter is not None:
                repairs.append((offset, letter))
    return repairs


def repair_ocr(folded: str) -> tuple[str, tuple[Repair, ...]]:
    """Undo the letter/digit confusions of scanned text in folded text, keeping every position.

    ``folded`` is text from :func:`fold_aligned`. Each run of letters and digits
    is looked at alone:

    * a run of digits holding only the look-alikes ``o``, ``l``, ``i``, ``|``
      or ``!`` is a number: ``"2o21"`` is ``"2021"``, ``"3l"`` is ``"31"``;
    * any other run mixing letters and digits is a word: ``0`` and ``6`` are
      ``o`` (``"s6"`` is ``"so"``, the folded "số"), ``5`` is ``s``, ``8`` is
      ``b``, and a ``1`` or bar is ``l`` before a vowel at the start of the
      word, ``i`` elsewhere;
    * a run next to ``/`` or ``-`` that reads as a word is left alone: it is
      part of a document symbol such as ``"72/2025/QH15"``; so is a code of
      two letters or more and a number of two digits or more (``"ubtvqh14"``).

    Returns the repaired text (same length) and the repairs made, in order.
    Text without mixed runs comes back unchanged with no repairs.

    >>> repair_ocr("truoc ngay 3l/12/2o20, s6 06")
    ('truoc ngay 31/12/2020, so 06', (Repair(position=12, found='l', read_as='1'), \
Repair(position=18, found='o', read_as='0'), Repair(position=24, found='6', read_as='o')))
    """
    if _MIXED.search(folded) is None:
        return folded, ()
    chars = list(folded)
    repairs: list[Repair] = []
    for match in _TOKEN.finditer(folded):
        token = match.group()
        if token.isdigit() or token.isalpha():
            continue
        start, end = match.span()
        in_symbol = (start and folded[start - 1] in "/-") or (end < len(folded) and folded[end] in "/-")
        for offset, read_as in _token_repairs(token, keep_words=bool(in_symbol)):
            chars[start + offset] = read_as
            repairs.append(Repair(position=start + offset, found=token[offset], read_as=read_as))
    return "".join(chars), tuple(repairs)
