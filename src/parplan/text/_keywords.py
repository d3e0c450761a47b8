"""Keywords as scanned text damages them, and words a scan left unreadable.

An OCR model trained on English ("eng") reads Vietnamese letters it does not
know as others: "với" becomes "vdi", "véi" or "vi", "thứ" becomes "thir",
"giảm" becomes "gidm", "số" becomes "sé" or "56". The vowels are hit, the
consonants mostly survive. :func:`tolerant` turns a Vietnamese keyword into
regex source over folded text (:func:`~parplan.text.normalize.fold_aligned`,
OCR repaired) that also matches the ways such a model writes it;
:class:`Rules` rewrites the keywords a reader needs, where the words around
them say they are meant, into their folded spelling, keeping every position;
:func:`unread_words` lists the words of a phrase that are not Vietnamese
syllables at all (nor numbers, abbreviations or a few loanwords), the trace of
damage a reader could not undo.

Every rewrite is recorded as a :class:`~parplan.text.normalize.Repair` (the
damaged word, the word read), so a reading built on one says it was repaired.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from parplan.text._scan import Phrase
from parplan.text.normalize import Repair, fold

__all__ = ["Respelled", "Rules", "rule", "tolerant", "unread_words"]

_X = re.ASCII

# What an English-trained model writes for each kind of Vietnamese vowel, as folded text after the
# letter/digit repair of parplan.text.normalize ("6" inside a word is already "o"). Measured on the
# scanned corpus (tests/scans), see /docs/parsing.md.
_U_HORN = r"(?:u'|ur|ir|it|if|tf|iv|ii|tr|tt|t\?|t'|i\?|[uwvi?'])?"
"""ư: u, w, v, i, "ir", "it", "tf", "tr", "tt", "i?" … or nothing ("Truc" for "trước")."""
_O_HORN = r"(?:oe|de|[oedga@])?"
"""ơ: o, é, d, g, @ … or nothing ("vi" for "với")."""
_O_HAT = r"(?:oe|eo|[oed])"
"""ô: o, é, 6 (then o), d ("khéng", "kh6éng", "t6 chitc")."""
_A_HAT = r"[aed§€]?"
"""â: a, é, d, §, € … or nothing ("lun" for "luận")."""
_E_HAT = r"[eo€§]"
"""ê: é, 6 (then o), €."""
_A_BREVE = r"[aide]"
"""ă: a, i, d, é ("ting" for "tăng", "nim", "ndm" for "năm")."""
_TONED = {"a": "[ad]", "e": "e", "i": "[ijl]", "o": "[oed]", "u": "(?:ti|ii|[uita])", "y": "y"}
"""Vowels with a tone mark only: "gidi" for "giải", "thj" for "thị", "cia", "ctia" for "của"."""
_PLAIN = {"i": "[il]"}

_HORN, _HAT, _BREVE = "\u031b", "\u0302", "\u0306"
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _letter(char: str, *, first: bool) -> str:
    """Regex source for one letter of a keyword as the model may write it."""
    if char == " ":
        return r"\s*"
    if char == "đ":
        return "d"
    parts = unicodedata.normalize("NFD", char)
    base, marks = parts[0], set(parts[1:])
    if not marks:
        if base == "l" and first:
            return "[li]"
        return _PLAIN.get(base, re.escape(base))
    if _HORN in marks:
        return _U_HORN if base == "u" else _O_HORN
    if _HAT in marks:
        return {"o": _O_HAT, "a": _A_HAT, "e": _E_HAT}[base]
    if _BREVE in marks:
        return _A_BREVE
    return _TONED.get(base, base)


def tolerant(words: str) -> str:
    """Regex source matching ``words`` (Vietnamese, with diacritics) in folded text, also as a scan damages it.

    Spaces between words may be missing or doubled; a word must end where it
    ends. ``tolerant("với")`` matches "voi", "vdi", "vei", "vgi" and "vi".

    >>> re.fullmatch(tolerant("thứ"), "thir") is not None, re.fullmatch(tolerant("thứ"), "tha") is None
    (True, True)
    """
    source = []
    first = True
    for char in unicodedata.normalize("NFC", words.lower()):
        source.append(_letter(char, first=first))
        first = char == " "
    return "".join(source) + "(?![a-z])"


class Rules:
    """Keywords to read in damaged text, each where the words around it say it is meant.

    Built from :func:`rule` entries; :meth:`apply` rewrites every damaged
    keyword it finds into its folded spelling, keeping every position.
    """

    __slots__ = ("_canonical", "_pattern")

    def __init__(self, rules: Iterable[tuple[str, str, str, str]]) -> None:
        alternatives = []
        self._canonical: dict[str, str] = {}
        for index, (before, words, after, canonical) in enumerate(rules):
            group = f"k{index}"
            self._canonical[group] = canonical
            alternatives.append(f"{before}(?P<{group}>{words}){after}")
        # Every keyword starts where no letter stands before it: tested once for all of them, not once for each.
        self._pattern = re.compile("(?<![a-z])(?:" + "|".join(alternatives) + ")", _X)

    def apply(self, folded: str, start: int = 0, end: int | None = None) -> tuple[str, tuple[Repair, ...]]:
        """``folded`` with the damaged keywords between ``start`` and ``end`` written as they should be.

        A keyword is written in its place: padded with spaces when the damage
        was longer, without its inner spaces or taking two spaces after it
        when shorter. A keyword already written right is left alone, and one
        that cannot fit is left damaged (:meth:`room` says where it needs room).
        """
        folded, repairs, _ = self.scan(folded, start, end)
        return folded, repairs

    def room(self, folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Where keywords damaged shorter than their spelling need room: (position after the word, characters)."""
        return self.scan(folded, start, end)[2]

    def scan(
        self, folded: str, start: int = 0, end: int | None = None
    ) -> tuple[str, tuple[Repair, ...], list[tuple[int, int]]]:
        """:meth:`apply` and :meth:`room` in one pass: the text written, its repairs, and the room needed."""
        stop = len(folded) if end is None else end
        edits: list[tuple[int, int, str]] = []
        needed: list[tuple[int, int]] = []
        for found in self._pattern.finditer(folded, start, stop):
            group = found.lastgroup
            if group is None:  # pragma: no cover - every alternative has a group
                continue
            canonical = self._canonical[group]
            begin, finish = found.span(group)
            written = folded[begin:finish]
            if " ".join(written.split()) == canonical:
                continue
            edit = _fit(folded, begin, finish, canonical)
            if edit is not None:
                edits.append(edit)
            else:
                needed.append((finish, len(canonical.replace(" ", "")) - (finish - begin)))
        if not edits:
            return folded, (), needed
        chars = list(folded)
        repairs = []
        for begin, finish, replacement in edits:
            repairs.append(Repair(position=begin, found=folded[begin:finish].rstrip(), read_as=replacement.rstrip()))
            chars[begin:finish] = replacement
        return "".join(chars), tuple(repairs), needed


def _fit(folded: str, begin: int, finish: int, canonical: str) -> tuple[int, int, str] | None:
    """The edit that writes ``canonical`` over ``folded[begin:finish]`` keeping the length, or None."""
    room = finish - begin
    for spelled in (canonical, canonical.replace(" ", "")):
        if len(spelled) <= room:
            return begin, finish, spelled + " " * (room - len(spelled))
    glued = canonical.replace(" ", "")
    extra = len(glued) - room
    if folded[finish : finish + extra + 1].isspace() and len(folded) > finish + extra:  # a space stays after it
        return begin, finish + extra, glued
    return None


class Respelled:
    """A phrase with its damaged keywords written as they should be, and how to find the text as written.

    When a keyword was damaged shorter than its spelling ("dui" for "dưới"),
    spaces are inserted after it in a copy of the text, so that the keyword
    fits and positions still match; :meth:`original` gives back the text as
    written between two positions of the copy.
    """

    __slots__ = ("_inserted", "_original", "phrase", "repairs")

    def __init__(self, phrase: Phrase, stages: Iterable[Rules]) -> None:
        self._original = phrase.text
        stages = tuple(stages)
        written = phrase.folded
        first = [rules.scan(written, phrase.start, phrase.end) for rules in stages]
        needed = [need for _, _, room in first for need in room]
        self._inserted: list[tuple[int, int]] = []
        if needed:
            phrase = Phrase(_padded(phrase.text, needed, self._inserted))
        found: list[Repair] = []
        for rules, scanned in zip(stages, first, strict=True):
            result = scanned
            if needed or phrase.folded != written:  # the text has changed since the first pass: read it again
                result = rules.scan(phrase.folded, phrase.start, phrase.end)
            phrase.folded = result[0]
            found += result[1]
        self.phrase = phrase
        self.repairs = tuple(found)

    def origin(self, position: int) -> int:
        """The position in the text as written of a position in the respelled phrase."""
        return position - sum(count for at, count in self._inserted if at < position)

    def original(self, start: int, end: int) -> str:
        """The text as written between two positions of the respelled phrase, without outer spaces."""
        return self._original[self.origin(start) : self.origin(end)].strip()


def _padded(text: str, needed: list[tuple[int, int]], inserted: list[tuple[int, int]]) -> str:
    """``text`` with spaces after each keyword that needs room (and the insertions, in the new positions)."""
    pieces = []
    position = 0
    shift = 0
    for at, count in sorted(needed):
        pieces += [text[position:at], " " * (count + 1)]
        inserted.append((at + shift, count + 1))
        shift += count + 1
        position = at
    pieces.append(text[position:])
    return "".join(pieces)


def rule(words: str, *, before: str = "", after: str = "") -> tuple[str, str, str, str]:
    """A keyword to read in damaged text: ``words`` (Vietnamese), after ``before`` and before ``after``.

    ``before`` is regex source matched (and kept) in front of the keyword,
    ``after`` regex source that must follow it (not consumed).
    """
    return (before, tolerant(words), f"(?={after})" if after else "", fold(words))


# -- words that are not Vietnamese -----------------------------------------------------------------

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
_RHYMES = (
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec", "ech", "em",
    "en", "eng", "enh", "eo", "ep", "et", "eu", "i", "ia", "ich", "iec", "iem", "ien", "ieng", "iep", "iet",
    "ieu", "im", "in", "inh", "ip", "it", "iu", "o", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh",
    "oao", "oap", "oat", "oay", "oc", "oe", "oem", "oen", "oeo", "oet", "oi", "om", "on", "ong", "ooc", "oong",
    "op", "ot", "u", "ua", "uan", "uang", "uanh", "uat", "uay", "uc", "ue", "uech", "uenh", "ui", "um", "un",
    "ung", "uo", "uoc", "uoi", "uom", "uon", "uong", "uop", "uot", "uou", "up", "ut", "uu", "uy", "uya", "uych",
    "uyen", "uyet", "uynh", "uyt", "uyu", "y", "yem", "yen", "yet", "yeu",
)  # fmt: skip
"""The rhymes of Vietnamese syllables, folded (no tone, no hat): what may follow a syllable's onset."""
_SYLLABLE = re.compile(_ONSET + "(?:" + "|".join(sorted(_RHYMES, key=len, reverse=True)) + ")", _X)
_FRONT = frozenset("eiy")
_LOANWORDS = frozenset(
    (
        "online", "email", "e-mail", "website", "web", "internet", "zalo", "facebook", "fanpage", "smartphone",
        "camera", "wifi", "video", "clip", "iso", "covid", "top", "sms", "app", "mobile", "portal", "chatbot",
        # abbreviations that hold a vowel, written in lower case by some ("ubnd", "bcci"); those without one
        # ("tthc", "cchc", "qppl") are never Vietnamese words and are let through as a class
        "ubnd", "hdnd", "bcci", "sipas", "papi", "pci", "dti", "ubmttq", "ubtvqh", "ubdt", "tandtc", "vksnd",
        "tand", "egov", "ioc", "hcc", "vneid", "ipv6",
    )
)  # fmt: skip
_INITIALS = frozenset(
    (
        "tthc",
        "cchc",
        "qppl",
        "vbqppl",
        "dvc",
        "dvctt",
        "cbcc",
        "cbccvc",
        "cbcnv",
        "cntt",
        "ktxh",
        "hcc",
        "csdl",
        "bhxh",
        "bhyt",
        "ttg",
        "vpcp",
        "ttr",
        "qyd",
        "ttlt",
        "bnv",
        "btc",
        "btp",
        "bct",
        "bbt",
        "snv",
        "stp",
        "stc",
        "sxd",
        "sgtvt",
        "nhnn",
        "ttcp",
        "tnmt",
        "gddt",
        "ldtbxh",
        "nnptnt",
        "khdt",
        "tttt",
        "vhttdl",
        "khcn",
        "gtvt",
        "hctc",
        "tckt",
        "ptnt",
        "dtxhh",
        "dvsncl",
        "dvsnc",
        "cqhc",
        "qlnn",
        "ttdt",
        "mttq",
        "ptth",
        "pccc",
        "htx",
        "lgsp",
        "ngsp",
        "vnpt",
        "bccp",
        "kgvx",
        "ncs",
        "thcs",
        "thpt",
        "gdnn",
        "dtdd",
    )
)
"""Abbreviations without a vowel, as some type them in lower case; others (a scan's "ddt", "thw") are not words."""
_VOWELS = frozenset("aeiouy")
_ROMAN = re.compile(r"[ivxl]+", _X)
_TOKEN = re.compile(r"[^\s,;:.()\[\]\"/\-+*=<>]+", _X)
_NUMBER = re.compile(r"[0-9][0-9.,%]*[a-z]?", _X)
"""A number, with its unit sign or the letter a document's number may carry ("30c")."""


def _syllable(token: str) -> bool:
    """True when ``token`` (folded, letters only) is a Vietnamese syllable by its spelling."""
    found = _SYLLABLE.fullmatch(token)
    if found is None:
        return False
    onset = token[: len(token) - len(token.lstrip("bcdghklmnpqrstvx"))]
    rest = token[len(onset) :]
    if onset in {"c", "g", "ng"} and rest[:1] in _FRONT and not (onset == "g" and rest.startswith("i")):
        return False  # "ce", "ci", "nge" are written "ke", "ki", "nghe"
    return not (onset in {"k", "gh", "ngh"} and rest[:1] not in _FRONT)


def unread_words(text: str, folded: str, start: int, end: int) -> list[str]:
    """The words between ``start`` and ``end`` that no reading can hold: not Vietnamese, not numbers, not abbreviations.

    ``text`` is the phrase as written, ``folded`` its folded and repaired form
    (the same length). Words written in capitals ("TTHC", "UBND", "TTg"),
    single letters, Roman numerals and a few loanwords ("online", "website")
    are not counted.
    """
    found: list[str] = []
    for match in _TOKEN.finditer(folded, start, end):
        token = match.group().strip("'!?")
        if not any(c.isalnum() for c in token) or _NUMBER.fullmatch(token):
            continue  # a mark ("•", "–") or a number
        written = text[match.start() : match.end()]
        letters = [c for c in written if c.isalpha()]
        if len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2:
            continue
        if (
            token.isascii()
            and token.isalpha()
            and (
                len(token) == 1
                or _ROMAN.fullmatch(token)
                or token in _LOANWORDS
                or (not _VOWELS.intersection(token) and (len(token) <= 2 or token in _INITIALS))
                or _syllable(token)
            )
        ):
            continue
        found.append(written.strip("'!?"))
    return found
