"""A small scanner shared by the phrase parsers: compiled patterns matched at a position.

Every parser works on the folded form of a phrase (``fold_aligned``, OCR
repaired), which has as many characters as the phrase as written, so a
position found here is a position in the written phrase. The scanner keeps
the furthest position any pattern failed at and what was expected there, for
the :class:`~parplan.errors.ParseError` a parser raises when nothing fits.
"""

from __future__ import annotations

import re

from parplan.errors import ParseError
from parplan.text.normalize import Repair, _fold_nfc, nfc, repair_ocr, word_edits

__all__ = ["Failure", "Phrase", "Scanner", "pattern", "words"]

_FLAGS = re.ASCII
_REST = re.compile(r"[ \n.,;:!?)]*", _FLAGS)
_TAIL = frozenset(" \n.,;:?)")
"""What may close a phrase and begin nothing: ``_REST`` without "!", which scans leave for "I"."""


def pattern(source: str) -> re.Pattern[str]:
    """Compile ``source`` to match at a position after optional spaces (ASCII classes)."""
    return re.compile(r"\s*(?:" + source + ")", _FLAGS)


def words(*phrases: str) -> str:
    """Regex source for any of ``phrases``; spaces inside may be missing or doubled, and a word must end.

    ``words("truoc ngay", "truoc")`` matches "truoc ngay", "truocngay" and
    "truoc", but not the start of "truocx".
    """
    alternatives = "|".join(p.replace(" ", r"\s*") for p in phrases)
    return rf"(?:{alternatives})(?![a-z])"


class Failure(Exception):  # noqa: N818 - an internal signal, turned into ParseError by the callers
    """Raised inside a parser when the phrase has the right shape but a wrong value (month 13)."""

    def __init__(self, position: int, expected: str) -> None:
        super().__init__(position, expected)
        self.position = position
        self.expected = expected


class Phrase:
    """A phrase ready for parsing: as written (NFC), as read (scan damage repaired), folded, with its bounds.

    ``source`` is the phrase as written; ``text`` the phrase as read, where the
    words and marks scanning damaged are read as the plan wrote them
    (:func:`~parplan.text.normalize.word_edits`: "Truéc" is "Trước", "QĐÐ" is
    "QĐ"); ``folded`` is ``text`` folded, letters read as digits repaired, as
    long as ``text``. Positions found in ``folded`` index ``text``;
    :meth:`source_position`, :meth:`written` and :meth:`error` turn them into
    positions of the phrase as written. ``repairs`` are every repair made, at
    their positions in ``source``.
    """

    __slots__ = ("_map", "end", "folded", "repairs", "source", "start", "text")

    def __init__(self, text: object) -> None:
        if not isinstance(text, str):
            raise ParseError(repr(text), 0, "a phrase as text (str)")
        self.source = self.text = nfc(text)
        folded, repairs = repair_ocr(_fold_nfc(self.text))
        found = [Repair(position=r.position, found=self.text[r.position], read_as=r.read_as) for r in repairs]
        edits = word_edits(self.text, folded, [r.position for r in repairs if r.read_as.isalpha()])
        self._map: list[int] | None = None
        if edits:
            folded = self._apply(edits, folded, found)
        self.folded = folded
        self.repairs: tuple[Repair, ...] = tuple(sorted(found, key=lambda r: r.position)) if found else ()
        stripped = folded.lstrip()
        self.start = len(folded) - len(stripped)
        self.end = len(folded.rstrip())

    def _apply(self, edits: list[tuple[int, int, str, str]], folded: str, found: list[Repair]) -> str:
        """Read the stretches ``edits`` name as the text they give; keep where each character came from."""
        source = self.source
        texts: list[str] = []
        folds: list[str] = []
        positions: list[int] = []
        position = 0
        for start, end, written, read in edits:
            texts += (source[position:start], written)
            folds += (folded[position:start], read)
            positions.extend(range(position, start))
            positions.extend(min(start + offset, end - 1) for offset in range(len(written)))
            found[:] = [r for r in found if not start <= r.position < end]
            found.append(Repair(position=start, found=source[start:end], read_as=written))
            position = end
        texts.append(source[position:])
        folds.append(folded[position:])
        positions.extend(range(position, len(source) + 1))
        self.text = "".join(texts)
        self._map = positions
        return "".join(folds)

    def source_position(self, position: int) -> int:
        """The position in the phrase as written of a position in the phrase as read."""
        if self._map is None:
            return position
        return self._map[min(max(position, 0), len(self._map) - 1)]

    def _source_end(self, position: int) -> int:
        """Where a stretch ending at ``position`` of the phrase as read ends in the phrase as written."""
        if self._map is None or position <= 0:
            return self.source_position(position)
        return self.source_position(position - 1) + 1

    def written(self, start: int, end: int) -> str:
        """The phrase as written between two positions, without outer spaces."""
        if self._map is None:
            return self.text[start:end].strip()
        if end <= start:
            return ""
        return self.source[self.source_position(start) : self._source_end(end)].strip()

    def repairs_within(self, start: int, end: int) -> tuple[Repair, ...]:
        """The repairs made between two positions."""
        if not self.repairs:
            return ()
        first, last = self.source_position(start), self._source_end(end) if end > start else self.source_position(end)
        return tuple(r for r in self.repairs if first <= r.position < last)

    def error(self, position: int, expected: str) -> ParseError:
        """A ParseError at ``position`` (moved past spaces) of this phrase, pointing into the phrase as written."""
        while position < len(self.folded) and self.folded[position].isspace():
            position += 1
        return ParseError(self.source, min(self.source_position(position), len(self.source)), expected)


class Scanner:
    """Matches compiled patterns one after another and remembers the furthest failure."""

    __slots__ = ("end", "far", "pos", "s", "tail", "want")

    def __init__(self, s: str, pos: int, end: int) -> None:
        self.s = s
        self.pos = pos
        self.end = end
        self.far = pos
        self.want: list[str] = []
        tail = end  # where the closing marks end the text: from there on nothing can begin ("2022)." at ")")
        while tail > pos and s[tail - 1] in _TAIL:
            tail -= 1
        self.tail = tail

    def eat(self, compiled: re.Pattern[str], want: str) -> re.Match[str] | None:
        """Match ``compiled`` at the position and move past it, or record what was wanted."""
        found = compiled.match(self.s, self.pos, self.end)
        if found is None:
            self.miss(self.pos, want)
            return None
        self.pos = found.end()
        return found

    def opt(self, compiled: re.Pattern[str]) -> re.Match[str] | None:
        """Match an optional ``compiled`` at the position and move past it; a miss is not recorded."""
        found = compiled.match(self.s, self.pos, self.end)
        if found is not None:
            self.pos = found.end()
        return found

    def peek(self, compiled: re.Pattern[str]) -> re.Match[str] | None:
        """Match ``compiled`` at the position without moving or recording anything."""
        return compiled.match(self.s, self.pos, self.end)

    def miss(self, position: int, want: str) -> None:
        """Record that ``want`` was expected at ``position``."""
        if position > self.far:
            self.far = position
            self.want = [want]
        elif position == self.far and want not in self.want:
            self.want.append(want)

    def at_tail(self) -> bool:
        """True when only spaces and closing marks are left, none of which can begin anything.

        A reader may skip what could only continue a phrase (a list, a trailer): it would fail here.
        """
        return self.pos >= self.tail

    def at_end(self) -> bool:
        """True when only spaces and closing punctuation are left."""
        if self.pos >= self.tail or _REST.fullmatch(self.s, self.pos, self.end) is not None:
            return True
        self.miss(self.pos, "the end of the phrase")
        return False

    def expected(self) -> str:
        """What was expected at the furthest failure, in words."""
        if not self.want:
            return "more text"
        if len(self.want) == 1:
            return self.want[0]
        return ", ".join(self.want[:-1]) + " or " + self.want[-1]
