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

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from parplan.text._lexicon import ABBREVIATIONS, PLAN_SYLLABLES

__all__ = [
    "COLLOCATIONS",
    "KEYWORDS",
    "KNOWN_WORDS",
    "PHRASES",
    "Repair",
    "collapse_spaces",
    "fold",
    "fold_aligned",
    "is_syllable",
    "nfc",
    "repair_ocr",
    "repair_text",
]

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


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, no diacritics, ``đ`` as ``d``, single spaces.

    For Vietnamese text the folded text has as many characters as the NFC
    text with collapsed spaces, so positions found in one point into the other.
    Remembered for the last 8,192 texts: reading one plan folds each title,
    lead and line about eight times over.
    """
    decomposed = unicodedata.normalize("NFD", collapse_spaces(text).translate(_FOLD_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


@functools.cache
def _aligned_table() -> dict[int, str]:
    """Character map of :func:`fold_aligned`: one character in, one character out (built on first use)."""
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
    table[0x2044] = "/"  # the fraction slash scanning reads for "/" ("Quý I⁄2020")
    return table


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
    return nfc(text).translate(_aligned_table()).lower()


def _fold_nfc(text: str) -> str:
    """:func:`fold_aligned` of ``text`` known to be in NFC already (the phrase readers' case)."""
    return text.translate(_aligned_table()).lower()


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
_CODE = re.compile(r"[a-z]{2,}[0-9]{2,}|[0-9]{1,2}h(?:[0-9]{2})?", re.ASCII)
"""An abbreviation and a number ("qh15", "ubtvqh14") or an hour ("17h00"): no letter or digit to repair."""
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


# -- words scanning damaged: the plan vocabulary read through the letters OCR confuses ------------

KEYWORDS: Final[tuple[str, ...]] = (
    # time
    "trước", "sau", "năm", "tháng", "ngày", "quý", "tuần", "cuối", "đầu", "giữa", "nửa", "thường", "xuyên",
    "hằng", "hàng", "mỗi", "định", "kỳ", "đột", "xuất", "kể", "từ", "đến", "tới", "hết", "chậm", "nhất", "trong",
    "vòng", "suốt", "những", "các", "tiếp", "theo", "trở", "về", "thượng", "trung", "hạ", "hạn", "chốt", "liệu",
    "việc", "làm", "lộ", "trình", "giai", "đoạn", "nhiệm", "hoàn", "thành", "khi", "liên", "tục", "sáu", "chín",
    # targets
    "số", "với", "tối", "đa", "thiểu", "không", "dưới", "trên", "nhóm", "lên", "giảm", "tăng", "thấp", "hơn",
    "quá", "có", "thứ", "tổ", "chức", "lớp", "vững", "mức", "duy", "trì", "đạt", "ít", "tỷ", "lệ", "xếp",
    "hạng", "điểm", "đồng", "triệu", "được", "trực",
    # references
    "thông", "tư", "công", "văn", "luận", "nghị", "thị", "quyết", "kế", "hoạch", "của", "chỉ", "luật",
    "hướng", "dẫn", "báo", "cáo",
    # roles
    "chủ", "phối", "hợp", "thời", "gian", "thực", "hiện",
    # labels of a plan's items ("Giải pháp:", "Hạn chế:", "Giao:")
    "giải", "pháp", "chế", "giao",
)  # fmt: skip
"""The words of plan phrases the parsers look for, as written: a scanned token that is none of the
plan's syllables but one of these read through OCR's confusions ("truéc", "nărn", "cudi") is read as it."""

PHRASES: Final[tuple[str, ...]] = (
    # roles
    "chủ trì", "phối hợp với", "phối hợp", "thời gian", "thời hạn", "thực hiện", "hoàn thành",
    # times
    "trước ngày", "đến hết", "trong tháng", "trong quý", "trong năm", "hằng tháng", "hằng quý", "hằng năm", "hằng tuần",
    "thường xuyên", "định kỳ", "chậm nhất", "khi có", "lộ trình", "kế hoạch", "hằng ngày",
)  # fmt: skip
"""Phrases of roles and times whose words, read through OCR's confusions, are words too ("chu tri", "chi tri",
"phoi hop", "thoi gian", "thuc hién", "truéc ngay"): read as the phrase when every word of it is a scanned
form of the phrase's word (:data:`KEYWORDS` each) and the words stand together, never one word alone."""

COLLOCATIONS: Final[tuple[str, ...]] = (
    # whose plan, whose guidance: the words of events and schedules
    "của huyện", "của tỉnh", "của thành phố", "của thị xã", "ubnd huyện", "ubnd tỉnh", "hướng dẫn",
    "đợt kiểm tra", "đợt điều tra", "điều tra", "xã hội học", "xã hội", "kết thúc", "kết luận", "thông báo",
    "ngày làm việc", "kể từ ngày", "ngày nhận", "công bố", "quyết định", "chủ tịch", "lộ trình",
    "và những năm tiếp theo", "những năm tiếp theo", "rà soát", "theo dõi", "thi hành pháp luật", "tuần đầu",
    "tuần cuối", "nhiệm vụ tại", "đột xuất",
    # the items an area's lead line gives ("… chủ trì thực hiện các nhiệm vụ sau:", "… các nội dung trên")
    "các nhiệm vụ sau", "những nhiệm vụ sau", "các nội dung sau", "những nội dung sau", "các công việc sau",
    "các nhiệm vụ trên", "các nội dung trên", "sau đây", "dưới đây",
    # the verbs after a sentence's subject, which make it the lead ("Phòng Nội vụ tham mưu …")
    "tham mưu", "cập nhật", "là đầu mối", "là cơ quan thường trực", "chịu trách nhiệm", "có trách nhiệm",
    "xây dựng", "triển khai", "kiểm tra", "căn cứ", "chủ động", "tổng hợp", "tiếp nhận", "đăng tải", "chuẩn bị",
    "trên cơ sở", "đề xuất", "tuyên truyền", "phổ biến", "báo cáo", "như sau", "trình ủy ban nhân dân", "trình ubnd",
    "trình hội đồng nhân dân", "trình hđnd",
    # the labels of who does a task
    "trách nhiệm thực hiện", "trách nhiệm", "phân công", "đơn vị thực hiện", "tổ chức thực hiện",
    "cơ quan chủ trì", "cơ quan phối hợp", "đơn vị chủ trì", "đơn vị phối hợp", "thời gian thực hiện",
    "người thực hiện", "bộ phận thực hiện",
    "ban giám đốc", "giám đốc",
    # the words of departments' names
    "môi trường", "tài nguyên và môi trường", "kế hoạch và đầu tư", "hiệp hội doanh nghiệp",
    # the headings of a plan by the criteria of the reform index
    "tiêu chí", "lĩnh vực", "tiêu chí thành phần",
    # the offices and posts of a commune or district
    "văn phòng", "thống kê", "tư pháp", "hộ tịch", "văn hóa", "tài chính", "kế toán", "địa chính", "nội vụ",
    "công chức", "phòng nội vụ", "phòng tư pháp", "phòng văn hóa và thông tin", "hđnd và ubnd", "thủ trưởng",
    "các cơ quan", "cơ quan chuyên môn", "đơn vị", "bộ phận một cửa", "cán bộ, công chức", "hiệu trưởng",
    # a school's times
    "học kỳ", "năm học",
)  # fmt: skip
"""Words of plan text that stand together ("của huyện", "hướng dẫn", "Văn hóa - Xã hội"), read with their
marks when a model without Vietnamese wrote every word of one in plain letters ("cua huyén", "hung dan",
"Xa hdi"): what an event or a schedule says ("theo kế hoạch của huyện") is kept as the plan wrote it.
Words a model that knows the marks wrote ("cửa", "Từ") are left as written."""

LABELS: Final[tuple[str, ...]] = ("người thực hiện", "thực hiện", "thời hạn", "thời gian", "chủ trì", "phối hợp")
"""The labels of a task's fields ("Thực hiện: Công chức Tư pháp", "Thời hạn: quý II"): before their colon, read
as long phrases are, their words' last consonant lost or their "ư" read "y" ("Thu hién:", "Thyc hién:")."""

_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:[ou]?(?:ieu|ie|ia|uo|ua|uye|uy|ye|ya|yeu|uu|uoi|a|e|i|o|u|y)(?:ch|ng|nh|[cmnpt]|[iouy])?)",
    re.ASCII,
)


def is_syllable(word: str) -> bool:
    """True when a folded word has the shape of a Vietnamese syllable (an onset, a rhyme).

    The shape only: "xong" and "ia" are syllables, "truece", "thudng" and "ndm"
    (scanned "trước", "thường", "năm") are not.

    >>> is_syllable("xong"), is_syllable("thudng")
    (True, False)
    """
    return _SYLLABLE.fullmatch(word) is not None


_CONTEXT: Final[Mapping[str, tuple[frozenset[str], str]]] = {
    "trước": (frozenset({"truc", "true", "truoe"}), r"[ \n]*(?:ngay|thang|quy|nam|[0-9])"),
    "số": (frozenset({"se"}), r"[ \n]*[0-9]"),
    "thường": (frozenset({"thong"}), r"[ \n]*xuyen(?![a-z])"),
    "từ": (frozenset({"ti", "tt", "tir", "tiv", "tv"}), r"[ \n]+(?:thang|ngay|nam|quy|[0-9])"),
    # and before a department's name; "so" too: on a scanned line, "Sở" in plain letters
    "sở": (frozenset({"se", "sd", "sg", "sa", "so", "s@", "s\u00a2"}), r"[ \n]*,[ \n]*ban[ \n]*,"),
    # the label of a task's bodies, its "Đ" read as a "B": "(Bon vi chu tri: …)"
    "đơn": (frozenset({"bon"}), r"[ \n]+vi[ \n]+(?:ch[a-z]{0,2}[ \n]+tri|ph[a-z]{1,3}[ \n]+h|thuc[ \n]+hien)"),
    # joining two posts or bodies: "công chức …", "cán bộ …", "Phòng …", "Công an …", "Trung tâm …", "Bộ phận …"
    "và": (
        frozenset({"va"}),
        (
            r"[ \n]+(?:c[a-z0-9@]{1,3}[ \n]*ch[a-z0-9@]{1,4}|c[a-z0-9@]n[ \n]*b[a-z0-9@]{1,2}|ph[a-z0-9@]{1,3}ng"
            r"|c[a-z0-9@]{1,3}[ \n]+an|tr[a-z0-9@]{1,3}[ \n]*t[a-z0-9@]{1,3}m|b[a-z0-9@]{1,2}[ \n]*ph[a-z0-9@]{1,3}n)"
            r"(?![a-z])"
        ),
    ),
}
"""Scanned forms of a keyword that are words too ("truc" is "trực", "se" is "sẽ", "thong" is "thông"): read as
the keyword only when what follows is what follows the keyword ("Truc ngày 05/9" is "Trước ngày 05/9", "thong
xuyén" is "thường xuyên": "thông" never stands before "xuyên"; "Sd Nội vụ", "các sé, ban, ngành": a department,
"Sở", before a department's name or "ban, ngành"; "Ti tháng 3" is "Từ tháng 3"; "Bon vi chu tri" is "Đơn vị chủ
trì": "bốn vị" never names a task's bodies)."""

_HORNED_U: Final = (
    *("u", "w", "ir", "tr", "it", "tt", "ti", "ut", "v", "i", "ur", "iu", "ii", "u'", "w'", "t", "if", "tf", "iv"),
    *("i?", "u?", "uw"),  # the horn read as a "?" or a "w" beside the "u"
)
_BY_MARK: Final[Mapping[str, tuple[str, ...]]] = {
    # what OCR writes, folded, for a letter with a horn, a breve, a circumflex (tone marks aside)
    "u\u031b": _HORNED_U,
    "o\u031b": ("o", "e", "d", "g", "@", "a", "q", "oe", "ee", "de", ""),
    "o\u0302": ("o", "e", "d", "a", "oe", "de", "g", "@", ""),
    "a\u0306": ("a", "i", "d", "e"),
    "a\u0302": ("a", "e", "d", "\u00a7", "\u20ac"),
    "e\u0302": ("e", "\u20ac", "\u00a7", "o", "ee"),
}
_BY_TONE: Final[Mapping[str, tuple[str, ...]]] = {
    # what OCR writes for a plain vowel carrying a tone mark
    "a": ("a", "d", "ae", "e"),
    "i": ("i", "j", "l"),
    "o": ("o", "e", "d", "oe"),
    "u": ("u", "i", "ti", "t", "a", "ii", "ui", "it"),
    "y": ("y", "v"),
    "e": ("e",),
}
_PLAIN: Final[Mapping[str, tuple[str, ...]]] = {"m": ("m", "rn"), "i": ("i", "l"), "c": ("c", "e"), "g": ("g", "e")}
_MARKS = frozenset("\u031b\u0306\u0302")
_SIGNS = frozenset("wfjz@'?\u00a7\u20ac\u00a2")
_NO_SIGNS: Final = str.maketrans(dict.fromkeys("@\u00a7\u20ac\u00a2"))
"""The signs OCR writes for a marked vowel ("S@" for "Sở"): no mark a writer typed."""
_OCR_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u00c9")
"""What a scanning model without Vietnamese writes a word with: plain letters and "é"."""
"""Characters no Vietnamese word has: a token holding one was damaged."""
_WORD = re.compile(r"[a-z0-9@|!\u00a7\u20ac\u00a2]+(?:['?][a-z0-9@\u00a7\u20ac\u00a2]+)*")
_LONGEST = 9


def _slot(char: str) -> tuple[str, ...]:
    """What OCR may write, folded, for one letter of a keyword as written."""
    if char == "đ":
        return ("d",)
    parts = unicodedata.normalize("NFD", char)
    base, marks = parts[0], set(parts[1:])
    shape = base + "".join(m for m in parts[1:] if m in _MARKS)
    if shape in _BY_MARK:
        return _BY_MARK[shape]
    if marks:
        return _BY_TONE.get(base, (base,))
    return _PLAIN.get(base, (base,))


def _variants(keyword: str, *, losing: bool) -> str:
    """Regex source for the scanned forms of a keyword; with ``losing``, a letter may be lost."""
    slots: list[str] = []
    for char in keyword:
        options = _slot(char)
        kept = [re.escape(option) for option in options if option]
        optional = "?" if losing and "" in options else ""
        slots.append("(?:" + "|".join(sorted(kept, key=len, reverse=True)) + ")" + optional)
    return "".join(slots)


@functools.cache
def _keyword_table() -> dict[str, tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]]:
    """The keywords by the first character of their scanned forms: (written, folded, strict, losing).

    Built on first use: two patterns for each keyword, which only the repair of scanned text needs.
    """
    table: dict[str, list[tuple[str, str, re.Pattern[str], re.Pattern[str]]]] = {}
    for keyword in KEYWORDS:
        entry = (
            keyword,
            fold(keyword),
            re.compile(_variants(keyword, losing=False)),
            re.compile(_variants(keyword, losing=True)),
        )
        for first in {option[:1] for option in _slot(keyword[0])}:
            table.setdefault(first, []).append(entry)
    return {first: tuple(entries) for first, entries in table.items()}


KNOWN_WORDS: Final[frozenset[str]] = PLAN_SYLLABLES | ABBREVIATIONS | frozenset(fold(keyword) for keyword in KEYWORDS)
"""The folded words of plan phrases: the plan's syllables, its abbreviations and the keywords."""
_KNOWN = KNOWN_WORDS
_FOLDED = {keyword: fold(keyword) for keyword in KEYWORDS}
_BY_FOLDED: dict[str, str] = {}
for _keyword in KEYWORDS:
    _BY_FOLDED.setdefault(_FOLDED[_keyword], _keyword)


@functools.cache
def _context_follow() -> dict[str, tuple[frozenset[str], re.Pattern[str]]]:
    """The keywords that are words too, with the pattern of what must follow them to be the keyword."""
    follow = dict(_CONTEXT)
    forms, after = follow["sở"]
    # a name OCR ran together ("N6ivu") as well
    names = "|".join(r"[ \n]*".join(_variants(word, losing=True) for word in name.split()) for name in _DEPARTMENTS)
    follow["sở"] = (forms, rf"{after}|[ \n]+(?:{names})(?![a-z])")
    return {keyword: (forms, re.compile(after)) for keyword, (forms, after) in follow.items()}


_DEPARTMENTS: Final = (
    "nội vụ", "tư pháp", "tài chính", "tài nguyên", "xây dựng", "y tế", "giáo dục", "văn hóa", "thông tin",
    "công thương", "nông nghiệp", "lao động", "giao thông", "khoa học", "ngoại vụ", "kế hoạch và đầu tư", "dân tộc",
)  # fmt: skip
"""The names of a province's departments (folded in :func:`_context_follow`, read through OCR's confusions): a "Sở"
OCR damaged before one ("Sd Tw phap") is "Sở"."""


_CONTEXT_FORMS = frozenset().union(*(forms for forms, _ in _CONTEXT.values()))
_KNOWN_PLAIN = _KNOWN - _CONTEXT_FORMS
"""The known words that are nothing else: a phrase of these and numbers has no keyword to repair."""


@functools.lru_cache(maxsize=4096)
def _keyword_of(token: str) -> str | None:
    """The one keyword a token not of the plan's syllables is a scanned form of, or None."""
    entries = _keyword_table().get(token[0])
    if entries is None:
        return None
    found: set[str] = set()
    written: str | None = None
    losing = len(token) >= 4
    for keyword, folded, strict, loose in entries:
        if (loose if losing else strict).fullmatch(token) is not None and folded != token:
            found.add(folded)
            written = written or keyword  # the first of those folding alike ("thường", not "thượng")
    return written if len(found) == 1 else None


def _cased(keyword: str, written: str) -> str:
    """``keyword`` in the case of the token it replaces."""
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return keyword.upper()
    if written[:1].isupper():
        return keyword[:1].upper() + keyword[1:]
    return keyword


_Edit = tuple[int, int, str, str]
"""A stretch of the text read as other text: start, end, the text read (as written) and folded."""

_UNFINISHED = re.compile(
    r"(?<![a-z])(?:trong|truoc|tu|den|toi|cua|vao|theo|sau|ngay|thang|quy|hang|moi|ke|cham\s+nhat)"
    r"(?P<mark>[,;.])[ \t]*\n"
)
"""Punctuation scanning put after a word that cannot end a clause, before a line break ("trong,⏎tháng")."""
_GLUED_QUOTE = re.compile(r"(?<=[a-z])'(?=[\s,.;:]|\Z)")
"""An apostrophe after a word's last letter ("Thong tu’ số"), with no quote opened before it."""
_DAYS_AFTER_NUMBER = re.compile(r"(?<![0-9/.,])[0-9]{1,3}[ \n]+(?P<word>ngay)(?![a-z0-9])")
"""A count followed by "ngay", which after a number is "ngày" ("15 ngay kể từ"), never "ngay" ("at once")."""
_SPLIT_WORD = re.compile(r"(?P<head>[BCDGHKLMNPQRSTVX]) (?P<rest>[a-zđ][^\W\d_]*)")
"""A capital consonant standing alone before the rest of its word ("N ghị"): a space scanning put in."""


def _phrase_pattern(phrase: str, *, glued: bool = False, label: bool = False) -> re.Pattern[str]:
    """The scanned forms of a phrase of :data:`PHRASES`, each word in a group, in folded text.

    With ``glued``, the words OCR ran together ("Xahdi") as well; with ``label``, the phrase before a colon
    only, read as a long phrase is (:data:`LABELS`).
    """
    commas = [word.endswith(",") for word in phrase.split()]  # "cán bộ, công chức": the comma kept, OCR's or not
    words = [word.rstrip(",") for word in phrase.split()]
    parts = [f"(?P<w{index}>{_variants(word, losing=True)})" for index, word in enumerate(words)]
    if glued and (len(words) >= _LONG_PHRASE or label):  # a word of a long phrase may lose its final consonant
        parts = [
            f"(?P<w{index}>{_variants(word[:-1], losing=True)}(?:{_variants(word[-1], losing=True)})?{_merged(word)})"
            if len(word) >= _LONG_PHRASE and word[-1] in "cmnpt"
            else part
            for index, (word, part) in enumerate(zip(words, parts, strict=True))
        ]
    parts = [part + ("," if comma else "") for part, comma in zip(parts, commas, strict=True)]
    after = r"(?=[ \n]*:)" if label else r"(?![a-z0-9])"
    return re.compile(r"(?<![a-z0-9])" + (r"[ \n]*" if glued else r"[ \n]+").join(parts) + after)


def _merged(word: str) -> str:
    """The forms of a word whose "ư" before its final consonant OCR read as "y" ("thực" read "thyc", "thy").

    As an alternative of a regex group, the consonant kept or run into the "y"; empty for other words.
    """
    vowel = unicodedata.normalize("NFD", word[-2])
    if vowel[:1] != "u" or "\u031b" not in vowel:
        return ""
    return f"|{_variants(word[:-2], losing=True)}y(?:{_variants(word[-1], losing=True)})?"


@functools.cache
def _phrase_patterns() -> tuple[re.Pattern[str], tuple[tuple[list[str], re.Pattern[str], bool], ...]]:
    """The patterns of :data:`PHRASES` and :data:`COLLOCATIONS` scanned, built on first use.

    First the hint: the last words of the phrases, scanned (a text holding none
    of them holds no phrase); then each phrase's words with its pattern, longest
    first, and whether it is a collocation (read only where written in plain letters).
    """
    every = [(phrase, False) for phrase in PHRASES] + [(phrase, True) for phrase in COLLOCATIONS]
    every.sort(key=lambda pair: -len(pair[0]))
    hint = re.compile("|".join(sorted({_variants(p.split()[-1], losing=True) for p, _ in every})))
    labels = tuple(
        ([word.rstrip(",") for word in label.split()], _phrase_pattern(label, glued=True, label=True), True)
        for label in LABELS
    )
    return hint, labels + tuple(
        ([word.rstrip(",") for word in phrase.split()], _phrase_pattern(phrase, glued=plain), plain)
        for phrase, plain in every
    )


def _plain(written: str) -> bool:
    """True when a word is written as a model without Vietnamese writes it: plain letters, "é", digits, signs."""
    return all(c in _OCR_LETTERS or c.isdigit() or c in _SIGNS for c in written)


_LONG_PHRASE = 3
"""Words in a collocation long enough that a word of it losing its last letter leaves no doubt; and letters in
such a word."""
_NAME_BEFORE = re.compile(r"(?:^|[\s(])[A-ZĐÉ][a-zé\u0300-\u036f]*[ ]+$")


def _in_name(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """True when words are capitalised after a capitalised word: a person's name ("Nguyen Van Hoa"), not a phrase."""
    if not all(text[start : start + 1].isupper() and not text[start:end].isupper() for start, end in spans):
        return False
    return _NAME_BEFORE.search(nfc(text[max(0, spans[0][0] - 20) : spans[0][0]])) is not None


def _read_otherwise(read: Mapping[tuple[int, int], str], taken: set[int], word: str, span: tuple[int, int]) -> bool:
    """True when a longer phrase read the word at ``span``, or words over it, as another."""
    if span in read:
        return read[span] != word
    return not taken.isdisjoint(range(*span))


_SHORT_CAPITALS: Final = 2
"""A word this short in capitals among words in lower case ("BO phan Mot cira") is a capitalised word."""


def _phrase_edits(text: str, folded: str) -> list[_Edit]:
    """The words of role and time phrases and of collocations scanning damaged, to read as written.

    "chu tri", "phéi hgp", "cua huyén"; a longer phrase before a shorter one over the same words.
    """
    hint, patterns = _phrase_patterns()
    if hint.search(folded) is None:
        return []
    edits: list[_Edit] = []
    read: dict[tuple[int, int], str] = {}  # the words read so far, by their span
    taken: set[int] = set()
    for words, compiled, plain in patterns:
        for match in compiled.finditer(folded):
            pairs = list(zip(words, (match.span(f"w{index}") for index in range(len(words))), strict=True))
            if any(_read_otherwise(read, taken, word, span) for word, span in pairs):
                continue  # words a longer phrase read otherwise
            if plain and (
                not all(_plain(text[s:e]) or text[s:e].lower() == word for word, (s, e) in pairs)
                or _in_name(text, [span for _, span in pairs])
            ):
                continue
            before = -1
            mixed = any(any(c.islower() for c in text[s:e]) for _, (s, e) in pairs)
            for word, (start, end) in pairs:
                space = " " if start == before else ""  # words OCR ran together, parted again
                before = end
                if (start, end) in read:
                    continue
                read[start, end] = word
                taken.update(range(start, end))
                written = text[start:end]
                if mixed and written.isupper() and len(written) <= _SHORT_CAPITALS:
                    written = written.capitalize()  # "BO phan": a capital and a vowel read as one, not capitals
                if space or text[start:end].lower() != word:
                    edits.append((start, end, space + _cased(word, written), space + fold(word)))
    return edits


def _keyword_edits(text: str, folded: str, *, phrases: bool) -> list[_Edit]:
    """The tokens of a phrase to read as keywords of plan phrases; with ``phrases``, its role and time phrases."""
    edits = _phrase_edits(text, folded) if phrases else []
    pieces = set(folded.split()) - _KNOWN_PLAIN  # C-speed: most pieces are words of plan text
    if all(token in _KNOWN_PLAIN or token.isdigit() for piece in pieces for token in _WORD.findall(piece)):
        return edits  # the commonest case: words of plan text and numbers, nothing to repair
    taken = {position for start, end, _, _ in edits for position in range(start, end)}
    for match in _WORD.finditer(folded):
        token = match.group()
        if token in _KNOWN_PLAIN or token.isdigit() or len(token) > _LONGEST or match.start() in taken:
            continue  # a word of plan text, or a number, or a word of a phrase read already
        keyword = _keyword_at(text, folded, match)
        if keyword is not None:
            start, end = match.span()
            written = text[start:end]
            following = text[end:].split(maxsplit=1)
            if written.isupper() and len(written) <= _SHORT_CAPITALS and following and not following[0].isupper():
                written = written.capitalize()  # "SG Xây dựng": a capital and a vowel read as one, not capitals
            edits.append((start, end, _cased(keyword, written), _FOLDED.get(keyword) or fold(keyword)))
            edits += _companion_edits(text, folded, end, keyword)
    return edits


_COMPANIONS: Final[Mapping[str, str]] = {"thường": "xuyên"}
"""A keyword read from its context and the word its context is ("thong xuyén": "thường" because "xuyên" follows)."""


@functools.cache
def _companion_pattern(companion: str) -> re.Pattern[str]:
    return re.compile(r"[ \n]+(" + _variants(companion, losing=True) + r")(?![a-z])")


def _companion_edits(text: str, folded: str, end: int, keyword: str) -> list[_Edit]:
    """The word after a keyword read from its context, read as the word that context is, where OCR damaged it."""
    companion = _COMPANIONS.get(keyword)
    found = _companion_pattern(companion).match(folded, end) if companion else None
    if companion is None or found is None:
        return []
    start, stop = found.span(1)
    written = text[start:stop]
    if written.lower() == companion:
        return []
    return [(start, stop, _cased(companion, written), fold(companion))]


def _scanned(text: str, start: int, end: int) -> bool:
    """Whether a keyword written in plain letters ("So") and the words after it were scanned, not typed without marks.

    A model without Vietnamese writes a capital and a vowel as two capitals ("SO Nội vụ") and leaves an "é" or
    a sign among plain letters ("So Tai nguyén"); a plan typed without marks writes "So Noi vu" all plain.
    """
    written = text[start:end]
    return written[:2].isupper() or not written.isascii()


def _department_before(folded: str, token: str, end: int) -> bool:
    """Whether ``token`` is a scanned "Sở" before a department's name."""
    forms, after = _context_follow()["sở"]
    return token in forms and after.match(folded, end) is not None


def _keyword_at(text: str, folded: str, match: re.Match[str]) -> str | None:
    """The keyword a token not of plan text stands for, or None to leave it as written."""
    token = match.group()
    start, end = match.span()
    if (start and folded[start - 1] in "/-") or (end < len(folded) and folded[end] in "/-"):
        return None  # a part of a document symbol ("TT-BNV")
    if text[start:end].isupper() and len(token) <= 3 and not _department_before(folded, token, end):
        return None  # an abbreviation, unless a "Sở" before a department's name ("SG Xây dựng")
    if token in _KNOWN or token in _CONTEXT_FORMS:  # a word too: the keyword only where its context says so
        if not _OCR_LETTERS.issuperset(text[start:end].translate(_NO_SIGNS)):
            return None  # "sẽ" written with its own mark is the word "sẽ"
        for candidate, (forms, after) in _context_follow().items():
            following = after.match(folded, end) if token in forms else None
            if following is None or (token == fold(candidate) and not _scanned(text, start, following.end())):
                continue
            return candidate
        if token in _KNOWN:
            return None
    if len(token) >= 3 or not _SIGNS.isdisjoint(token):
        return _keyword_of(token)
    return None


_SCANNED_VOWELS: Final[Mapping[str, tuple[str, ...]]] = {
    # what a model without Vietnamese writes, folded, for a vowel with a horn, breve or circumflex: the plain vowel
    "w": ("u",), "ir": ("u",), "it": ("u",), "tt": ("u",), "ti": ("u",), "ur": ("u",), "v": ("u",), "i": ("u",),
    "if": ("u",), "d": ("o", "a"), "6": ("o",), "0": ("o",), "@": ("o",), "g": ("o",), "e": ("o",), "6e": ("o",),
    "de": ("o",), "ee": ("o",), "oe": ("o",),
}  # fmt: skip
"""The letters :data:`_BY_MARK` and :data:`_BY_TONE` say OCR writes for a marked vowel, read back as the vowel."""
_SYLLABLE_TOKEN = re.compile(r"[a-z0-9@]{3,12}")


def _respelled(token: str) -> set[str]:
    """The plan syllables ``token`` is with one of OCR's vowel confusions undone ("hdi" → "hoi", "tw" → "tu")."""
    found: set[str] = set()
    for position in range(1, len(token)):  # never the first letter: a syllable's onset is a consonant as written
        for size in (1, 2):
            written = token[position : position + size]
            for vowel in _SCANNED_VOWELS.get(written, ()) if len(written) == size else ():
                candidate = token[:position] + vowel + token[position + size :]
                if candidate in PLAN_SYLLABLES:
                    found.add(candidate)
    return found


def _syllables_of(token: str) -> str | None:
    """The one reading of a scanned token that is no word as plan syllables: one respelled, or two run together.

    "hdi" is "hoi" (hội), "xahdi" is "xa hoi", "twphap" is "tu phap", "cengchitc" is "cong chuc";
    a token read more than one way is left as written.
    """
    readings = set(_respelled(token))
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        lefts = {left} if left in PLAN_SYLLABLES else _respelled(left)
        rights = {right} if right in PLAN_SYLLABLES else _respelled(right)
        readings.update(f"{one} {two}" for one in lefts for two in rights)
    return readings.pop() if len(readings) == 1 else None


def _syllable_edits(text: str, folded: str, taken: set[int]) -> list[_Edit]:
    """Words of plan text a model without Vietnamese damaged past its keywords ("Xahdi", "Twphap"), read as syllables.

    Only tokens written in the letters such a model writes (a word with Vietnamese marks was read by one
    that knows them), that are none of the plan's words, and read exactly one way.
    """
    edits: list[_Edit] = []
    for match in _SYLLABLE_TOKEN.finditer(folded):
        token = match.group()
        start, end = match.span()
        if token in _KNOWN or token.isdigit() or start in taken or is_syllable(token):
            continue  # a word of plan text, a number, or one shaped as a syllable (a name: "Hoang", "Bong")
        if (start and folded[start - 1].isalnum()) or (end < len(folded) and folded[end].isalnum()):
            continue
        if (start and folded[start - 1] in "/-") or (end < len(folded) and folded[end] in "/-"):
            continue  # a part of a document symbol
        written = text[start:end]
        if not _OCR_LETTERS.issuperset(c for c in written if not c.isdigit()) or _capitals(written):
            continue  # a word in capitals keeps its letters: OCR's small "i" in one is a capital "Í" ("CHIiNH")
        reading = _syllables_of(token)
        if reading is not None:
            edits.append((start, end, _cased(reading, written), reading))
    return edits


_SMALL_I_WORD = re.compile(r"(?<![^\W\d_])(?=[^\W\d_]*[^\W\d_]i)(?=[^\W\d_]*[A-Z].*[A-Z])[^\W\d_i][^\W\d_]+")
"""A word opening with a capital that holds a small "i" after a letter: a candidate for :func:`_capital_i_edits`."""


def _capital_i_edits(text: str) -> list[_Edit]:
    """A word in capitals with OCR's small "i" in it ("CHiNH", "CHIiNH"): read with the capital "I".

    OCR writes the marked capital "Í", "Ỉ" as a small "i", or as "I" and "i" together ("CHiINH"); the mark it lost is
    not known ("CHi SỐ" is "CHỈ SỐ", "HÀNH CHiNH" is "HÀNH CHÍNH"), so the word is read as plain capitals,
    as the other capitals OCR wrote without their marks.
    """
    edits: list[_Edit] = []
    for match in _SMALL_I_WORD.finditer(text):
        word = match.group()
        if not _capitals(word) or word.isupper():
            continue
        read = re.sub(r"Ii|iI|i", "I", word)
        edits.append((match.start(), match.end(), read, fold(read)))
    return edits


def _capitals(written: str) -> bool:
    """Whether a word is written in capitals, a small "i" inside it (OCR's "Í": "CHIiNH", "CHi") counted so."""
    return written.isupper() or (
        not written.startswith("i") and written.replace("i", "I").isupper() and sum(c.isupper() for c in written) >= 2
    )


def _day_edits(text: str, folded: str) -> list[_Edit]:
    """A count of days read as "ngay" ("15 ngay"): "ngày", since "ngay" ("at once") follows no count."""
    return [
        (match.start("word"), match.end("word"), "ngày", "ngay")
        for match in _DAYS_AFTER_NUMBER.finditer(folded)
        if text[match.start("word") : match.end("word")].islower()
    ]


_UNIT_BEFORE_NUMBER = re.compile(
    r"(?<![a-z0-9])(?<!viet )(?P<word>thang|nam|quy|khoan)"
    r"(?=[ \n]+(?:[0-9]|[ivx]{1,4}(?:/|[ \n]*[,;.)]|[ \n]+nam\b|[ \n]+va[ \n]+(?:quy|thang)[ \n]+[0-9ivx])))"
    r"|(?<![a-z0-9])(?P<part>muc)(?=[ \n]+[ivx]{1,4}(?![a-z0-9]))"
)
"""A word of time or of a plan's numbering followed by a number ("thang 11/2023", "nam 2023", "quy II/2023",
"khoan 3", "Muc II"): "tháng", "năm", "quý", "khoản", "Mục" with their marks lost, since "thang" (a ladder),
"nam" (south), "quy" (a rule) and "khoan" (a drill) stand before no number, nor "muc" before a Roman numeral
("mức 3", a level, may stand before a digit). Not "ngay": "hoàn thành ngay 15/3" may be "at once"."""
_TIME_WORDS: Final[Mapping[str, str]] = {
    "thang": "tháng", "nam": "năm", "quy": "quý", "khoan": "khoản", "muc": "mục"
}  # fmt: skip


_ROADMAP = re.compile(r"(?<=theo )[1l][6o0](?P<space>[ \n]+)trinh(?![a-z])(?![ \n]+do(?![a-z]))")
""""theo lộ trình" with its "lộ" read as digits ("theo 16 trinh của tỉnh"): no count stands between "theo" and
"trình" (but "16 trình độ" might be one)."""


_COMMUNE = re.compile(r"(?<![a-z0-9/.\-])x4(?![a-z0-9/\-])(?P<next>[ \n]+[^\W\d_]+)?")
""""xã" with its "ã" read as a "4" ("UBND x4 Tân Lập", "các x4, phường"), folded: no other word is written so."""


def _commune_edits(text: str, folded: str) -> list[_Edit]:
    """The token "x4" read as "xã" (:data:`_COMMUNE`), in capitals before a word in capitals ("X4 TÂN LẬP")."""
    edits: list[_Edit] = []
    for match in _COMMUNE.finditer(folded):
        following = text[match.start("next") : match.end("next")].strip() if match["next"] else ""
        capitals = text[match.start()] == "X" and following.isupper()
        written = "XÃ" if capitals else "Xã" if text[match.start()] == "X" else "xã"
        edits.append((match.start(), match.start() + 2, written, "xa"))
    return edits


def _unit_edits(text: str, folded: str) -> list[_Edit]:
    """Words of time and numbering without their marks before a number, and "theo 16 trinh", read as written.

    See :data:`_UNIT_BEFORE_NUMBER` and :data:`_ROADMAP`.
    """
    edits: list[_Edit] = [
        (match.start(), match.end(), f"lộ{match['space']}trình", f"lo{match['space']}trinh")
        for match in _ROADMAP.finditer(folded)
        if text[match.start() : match.start() + 2] != "lộ"
    ]
    for match in _UNIT_BEFORE_NUMBER.finditer(folded):
        group = "word" if match["word"] else "part"
        start, end = match.span(group)
        written = text[start:end]
        if _OCR_LETTERS.issuperset(written) and written.lower() != _TIME_WORDS[match[group]]:
            edits.append((start, end, _cased(_TIME_WORDS[match[group]], written), match[group]))
    for match in _AND_BETWEEN_TIMES.finditer(folded):
        start, end = match.span("and")
        if text[start:end] == "va":
            edits.append((start, end, "và", "va"))
    return edits


_AND_BETWEEN_TIMES = re.compile(
    r"(?<![a-z0-9])(?:quy|thang)[ \n]+(?:[0-9]{1,2}|[ivx]{1,4})[ \n]+(?P<and>va)(?=[ \n]+(?:quy|thang)[ \n]+[0-9ivx])"
)
""""và" with its mark lost between two quarters or months ("quý II va quý IV", "tháng 6 va tháng 12"), folded:
"va" stands between two times as nothing else."""


def _mark_edits(text: str, folded: str) -> list[_Edit]:
    """Characters scanning doubled, put in or read as others, outside words."""
    edits: list[_Edit] = []
    position = text.find("\u2044")
    while position >= 0:  # a fraction slash beside a slash is the slash read twice
        if text[position - 1 : position] == "/" or text[position + 1 : position + 2] == "/":
            edits.append((position, position + 1, "", ""))
        else:
            edits.append((position, position + 1, "/", "/"))
        position = text.find("\u2044", position + 1)
    position = text.find("\u00d0")
    while position >= 0:  # "QĐÐ": Đ read twice, the second time as the Icelandic eth
        if position and text[position - 1] in "ĐđD":
            edits.append((position, position + 1, "", ""))
        position = text.find("\u00d0", position + 1)
    if "\n" in folded:
        edits.extend((m.start("mark"), m.end("mark"), "", "") for m in _UNFINISHED.finditer(folded))
    if "'" in folded:  # an apostrophe glued to a word: Vietnamese has none, scanning put it there ("tu’")
        edits.extend(
            (m.start(), m.end(), "", "") for m in _GLUED_QUOTE.finditer(folded) if folded.rfind("'", 0, m.start()) < 0
        )
    for match in _SPLIT_WORD.finditer(text):
        before = text[match.start() - 1 : match.start()]
        if before.isalpha():
            continue  # the last letter of a word, not a letter standing alone
        joined = fold(match["head"] + match["rest"])
        if joined in _KNOWN and fold(match["rest"]) != joined:
            space = match.end("head")
            edits.append((space, space + 1, "", ""))
    return edits


def _digit_word_edits(text: str, folded: str, repaired: Sequence[int]) -> list[_Edit]:
    """Keywords whose letters :func:`repair_ocr` read from digits ("Th6ng", "s6"), to read as written too."""
    edits: list[_Edit] = []
    end = -1
    for position in repaired:
        if position < end:
            continue  # a second repair in the same word
        start = end = position
        while start > 0 and folded[start - 1].isalpha():
            start -= 1
        while end < len(folded) and folded[end].isalpha():
            end += 1
        keyword = _BY_FOLDED.get(folded[start:end])
        if keyword is not None:
            edits.append((start, end, _cased(keyword, text[start:end]), folded[start:end]))
    return edits


def word_edits(text: str, folded: str, repaired: Sequence[int] = (), *, phrases: bool = False) -> list[_Edit]:
    """The stretches of scanned text to read as other text, in order, none overlapping.

    ``text`` is NFC, ``folded`` its :func:`fold_aligned` form with :func:`repair_ocr`
    applied (so as long as ``text``). Each edit is (start, end, read as written, read
    folded): a keyword damaged by scanning ("Truéc" → "Trước", "nărn" → "năm"), a
    character doubled or put in ("QĐÐ", "II/⁄2027", "trong,⏎", "N ghị"). ``repaired``
    are the positions where :func:`repair_ocr` read a digit as a letter: a keyword
    so repaired ("Th6ng", "s6") is read as written as well ("Thông", "số"). With
    ``phrases``, the role and time phrases of :data:`PHRASES` whose words are words
    too ("chu tri", "thoi gian") are read as written: for scanned text only, since
    a plan typed without marks writes them so.
    """
    edits = _keyword_edits(text, folded, phrases=phrases) + _mark_edits(text, folded)
    if repaired:
        edits += _digit_word_edits(text, folded, repaired)
    if phrases:
        taken = {position for start, end, _, _ in edits for position in range(start, end)}
        edits += _syllable_edits(text, folded, taken)
        edits += [edit for edit in _day_edits(text, folded) if edit[0] not in taken]
        edits += [edit for edit in _unit_edits(text, folded) if edit[0] not in taken]
        edits += [edit for edit in _commune_edits(text, folded) if edit[0] not in taken]
        edits += [edit for edit in _capital_i_edits(text) if edit[0] not in taken]
    if len(edits) < 2:
        return edits
    edits.sort()
    kept: list[_Edit] = []
    for edit in edits:
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    return kept


def repair_text(text: str) -> tuple[str, tuple[Repair, ...]]:
    """``text`` (NFC) with the words and marks scanning damaged read as the plan wrote them.

    The repairs the phrase parsers make before reading: a keyword of plan phrases
    whose letters OCR confused ("Truéc" → "Trước", "nărn" → "năm", "cudi" →
    "cuối", "Thudng" → "Thường") when the token is none of the plan's syllables
    and the confusion classes of its letters allow exactly one keyword; a
    doubled "Đ" ("QĐÐ"), a fraction slash beside a slash, punctuation after a
    word that cannot end a clause before a line break, a space inside a word
    ("N ghị"); and, which the phrase parsers do not need (they read folded text),
    the role and time phrases of :data:`PHRASES` whose every word is a scanned
    form of the phrase's ("chu tri", "cht tri", "phéi hgp", "thoi gian", "truéc
    ngay"), words that alone are words too; and words of plan text damaged past
    the keywords, read as the plan's syllables when exactly one reading fits
    ("Twphap" → "Tu phap", "chifc" → "chuc"; never a token shaped as a syllable,
    which may be a name). Returns the text read and the
    repairs, at their positions in ``text``. Letters read as digits are
    :func:`repair_ocr`'s. Meant for scanned text: a plan typed without marks is
    read as written by the parsers, not repaired.

    >>> repair_text("Truéc nărn 2025")
    ('Trước năm 2025', (Repair(position=0, found='Truéc', read_as='Trước'), \
Repair(position=6, found='nărn', read_as='năm')))
    >>> repair_text("Văn phòng chu tri; thdi gian: quý II")[0]
    'Văn phòng chủ trì; thời gian: quý II'
    """
    text = nfc(text)
    folded, letters = repair_ocr(_fold_nfc(text))
    edits = word_edits(text, folded, [r.position for r in letters if r.read_as.isalpha()], phrases=True)
    if not edits:
        return text, ()
    pieces: list[str] = []
    repairs: list[Repair] = []
    position = 0
    for start, end, written, _folded in edits:
        pieces.append(text[position:start])
        pieces.append(written)
        repairs.append(Repair(position=start, found=text[start:end], read_as=written))
        position = end
    pieces.append(text[position:])
    return "".join(pieces), tuple(repairs)
