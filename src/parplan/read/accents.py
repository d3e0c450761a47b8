"""Documents copied without their diacritics: the reader's patterns read them as they read the rest.

A plan copied from a PDF whose legacy font did not map, or retyped without a Vietnamese keyboard, reaches
the reader as "Phong Noi vu chu tri, phoi hop cac co quan …": every word there, none of its marks. The
reader's patterns name the words plans use as they are written ("chủ trì", "Thời gian:"); a pattern made
with :func:`vi_compile` reads both. While a document without diacritics is read (:func:`accents_lost`),
each letter of its words also matches the letter without its marks ("chủ trì" matches "chu tri"); for
every other document it is the pattern as written, so that "cửa" and "của" stay apart where the marks
are there to tell them. The text read is never changed: titles and names stay as the document writes
them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

__all__ = ["ViPattern", "accents_lost", "any_marks", "loose_source", "unaccented", "vi_compile"]

_LOOSE: ContextVar[bool] = ContextVar("parplan_read_accents_lost", default=False)

_MARKED: Final = frozenset(
    "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴĐ"
)
"""The letters of Vietnamese that carry a mark (a tone, a breve, a circumflex, a horn, the bar of đ)."""
_MARKED_LETTER: Final = re.compile("[" + "".join(sorted(_MARKED)) + "]")
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_SAMPLE: Final = 6000
"""How many characters of a text are looked at: enough for a masthead, a title and the opening parts."""
_LEAST_LETTERS: Final = 300
"""Fewer letters than this tell too little: a short text is read as written."""
_MOST_MARKED: Final = 0.01
"""A share of marked letters under this (Vietnamese text has about one in four) means the marks were lost."""
_COMMON_WORDS: Final = re.compile(r"\b(?:va|cua|cac|thuc hien|nam|ngay|thang|theo|trong|nhan dan)\b")
_LEAST_COMMON: Final = 10
"""How often the commonest Vietnamese words must stand in a text for it to be Vietnamese without its marks."""


def unaccented(text: str) -> bool:
    """Whether ``text`` is Vietnamese that lost its diacritics ("Phong Noi vu chu tri …").

    >>> unaccented("Ke hoach cai cach hanh chinh nam 2016 cua UBND huyen. " * 12)
    True
    >>> unaccented("Kế hoạch cải cách hành chính năm 2016 của UBND huyện. " * 12)
    False
    >>> unaccented("Annual plan of the district for administrative reform. " * 12)
    False
    """
    text = text[:_SAMPLE]  # a copy loses its marks throughout: its opening tells
    letters = sum(map(len, _LETTERS.findall(text)))
    if letters < _LEAST_LETTERS:
        return False
    marked = len(_MARKED_LETTER.findall(text))
    if marked >= _MOST_MARKED * letters:
        return False
    return len(_COMMON_WORDS.findall(text.lower())) >= _LEAST_COMMON


@contextmanager
def accents_lost(lost: bool) -> Iterator[None]:
    """Read with every :class:`ViPattern` tolerant of lost diacritics while ``lost`` (for one document)."""
    token = _LOOSE.set(lost)
    try:
        yield
    finally:
        _LOOSE.reset(token)


@functools.cache
def _base(char: str) -> str:
    """``char`` without its marks ("ủ" → "u", "Đ" → "D"), or ``char`` itself when it has none."""
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    stripped = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return stripped if len(stripped) == 1 else char


def _class_part(part: str) -> str:
    """The inside of a character class with each marked letter's bare letter added (ranges left as they are)."""
    out: list[str] = []
    index = 0
    while index < len(part):
        char = part[index]
        if char == "\\" and index + 1 < len(part):
            out.append(part[index : index + 2])
            index += 2
            continue
        in_range = (index + 1 < len(part) and part[index + 1] == "-") or (index > 0 and part[index - 1] == "-")
        out.append(char)
        if char in _MARKED and not in_range:
            out.append(_base(char))
        index += 1
    return "".join(out)


def _group_prefix(source: str, index: int) -> int:
    """The end of a group's opening ``(?…`` at ``index`` whose letters are syntax, not text (names, flags)."""
    rest = source[index:]
    for prefix in ("(?P<", "(?P="):
        if rest.startswith(prefix):
            return index + rest.index(">" if prefix == "(?P<" else ")") + 1
    found = re.match(r"\(\?[aiLmsux-]*[:)]", rest)
    return index + found.end() if found else index + 1


def loose_source(source: str) -> str:
    r"""The regular expression ``source`` with every marked letter matching its bare letter too.

    >>> print(loose_source(r"(?P<who>.+?)\s+chủ trì"), loose_source("[ĐD]ơn vị"))
    (?P<who>.+?)\s+ch[ủu] tr[ìi] [ĐDD][ơo]n v[ịi]
    """
    out: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            out.append(source[index : index + 2])
            index += 2
        elif char == "[":
            end = index + 1
            if end < len(source) and source[end] == "^":
                end += 1
            if end < len(source) and source[end] == "]":
                end += 1
            while end < len(source) and source[end] != "]":
                end += 2 if source[end] == "\\" else 1
            out.append("[" + _class_part(source[index + 1 : end]) + "]")
            index = end + 1
        elif char == "(" and source.startswith("(?", index):
            end = _group_prefix(source, index)
            out.append(source[index:end])
            index = end
        else:
            out.append(f"[{char}{_base(char)}]" if char in _MARKED else char)
            index += 1
    return "".join(out)


def any_marks(words: str) -> str:
    r"""A regular expression matching ``words`` with each letter under any marks or none ("thơi gian", "chu trì").

    For the few words a copy may slip on in a text that keeps its marks: a label with one mark lost or
    mistyped is still a label. ``words`` is plain text (letters and spaces), not a pattern.

    >>> import re
    >>> pattern = re.compile(any_marks("thời gian"))
    >>> [bool(pattern.fullmatch(w)) for w in ("thời gian", "thơi gian", "thoi gian", "thời giờ")]
    [True, True, True, False]
    """
    out: list[str] = []
    for char in words:
        base = _base(char).lower()
        variants = _VARIANTS.get(base)
        if variants is None:
            out.append(re.escape(char))
        else:
            out.append("[" + variants + variants.upper() + "]" if char.isupper() else "[" + variants + "]")
    return "".join(out)


_VARIANTS: Final = {
    base: base + "".join(sorted(c for c in _MARKED if c.islower() and _base(c) == base))
    for base in sorted({_base(c) for c in _MARKED if c.islower()})
}
"""Each bare letter with every marked letter written on it ("o": "oòóỏõọôốồổỗộơớờởỡợ")."""


class ViPattern:
    """A compiled pattern of Vietnamese words, as written or, while :func:`accents_lost`, without marks."""

    __slots__ = ("_loose", "strict")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.strict: re.Pattern[str] = re.compile(source, flags)
        self._loose: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        """The pattern's source as written."""
        return self.strict.pattern

    @property
    def current(self) -> re.Pattern[str]:
        """The compiled pattern for the document being read."""
        if not _LOOSE.get():
            return self.strict
        if self._loose is None:
            self._loose = re.compile(loose_source(self.strict.pattern), self.strict.flags)
        return self._loose

    def match(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        """:meth:`re.Pattern.match`."""
        return self.current.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        """:meth:`re.Pattern.fullmatch`."""
        return self.current.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        """:meth:`re.Pattern.search`."""
        return self.current.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        """:meth:`re.Pattern.finditer`."""
        return self.current.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> list[str]:
        """:meth:`re.Pattern.findall`."""
        return self.current.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        """:meth:`re.Pattern.split`."""
        return self.current.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """:meth:`re.Pattern.sub`."""
        return self.current.sub(repl, string, count)


def vi_compile(source: str, flags: int = 0) -> ViPattern:
    """A pattern of Vietnamese words that also reads documents copied without their diacritics."""
    return ViPattern(source, flags)
