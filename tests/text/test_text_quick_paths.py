"""The shortcuts of the phrase readers agree with the plain forms they stand for.

The readers take shortcuts for speed: a fold table that states ASCII outright,
a damage check led by digits, one search for where a time may begin (and one
for words that name a time), a check of repeated periods that compares periods
rather than their identifiers, and leaving untried the kinds of timeframe that a
start word's ``ahead`` says cannot begin there. Each is held here to the
straightforward form it replaces. (There is no quicker second reader of common
deadlines any more: one grammar reads every phrase.)
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import ReportingPeriod, Within
from parplan.errors import ParseError
from parplan.text import timeframes
from parplan.text._scan import Phrase, Scanner
from parplan.text.normalize import _MIXED, fold_aligned, repair_ocr
from strategies import reporting_periods

# -- folding ------------------------------------------------------------------------------------


def test_ascii_folds_to_itself_in_lower_case() -> None:
    spaces = {chr(code) for code in range(0x80) if chr(code).isspace() and chr(code) != "\n"}
    for code in range(0x80):
        char = chr(code)
        expected = " " if char in spaces else "'" if char == "`" else char.lower()
        assert fold_aligned(f"A{char}Đ") == f"a{expected}d", repr(char)


# -- the damage check ---------------------------------------------------------------------------

_MIXED_PLAIN = re.compile(r"[a-z|!][0-9]|[0-9][a-z|!]|[|!]", re.ASCII)
"""A letter or bar beside a digit, or a bar: text without one is not damaged."""

folded_text = st.text(alphabet="ab zl0o19|!/-.\n", max_size=16)


@given(text=folded_text)
@example(text="s6")
@example(text="2o21")
@example(text="ab 12 cd")
@example(text="1")
@example(text="|")
def test_damage_check_finds_what_the_plain_form_finds(text: str) -> None:
    assert (_MIXED.search(text) is None) == (_MIXED_PLAIN.search(text) is None)
    if _MIXED_PLAIN.search(text) is None:
        assert repair_ocr(text) == (text, ())


# -- where a time may begin ---------------------------------------------------------------------

_START_WORDS = {start.word: start for start in timeframes._START_WORDS}
_PIECES = (
    *_START_WORDS,
    *("nhat", "la", "chot", "xuyen", "khi", "ky", "doan", "thanh", "tuc", "xuat", "hien", "g", "c", "x"),
    *("0", "1", "6", "9", "2022", "i", "iv", "/", ".", "-", ":", "(", " ", " ", "\n"),
    *("tu", "tuan", "ngay", "15", "l", "|"),
)
_WORDS_PLAIN = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(_START_WORDS, key=len, reverse=True)) + r"|[0-9])", re.ASCII
)
_FOLLOW_PLAIN = {
    word: re.compile(start.follow, re.ASCII) for word, start in _START_WORDS.items() if start.follow is not None
}
_Start = tuple[tuple[int, int], tuple[object, ...]]


def _starts_plain(s: str, start: int, end: int) -> list[_Start]:
    """The plain form: each start word or number, its follower checked apart, and the kinds it may begin."""
    found: list[_Start] = []
    for candidate in _WORDS_PLAIN.finditer(s, start, end):
        word, position = candidate.group(), candidate.start()
        if word.isdigit():
            if position > start and s[position - 1] in "/.":
                continue
            kinds = timeframes._NUMBER_KINDS
        else:
            follow = _FOLLOW_PLAIN.get(word)
            if follow is not None and follow.match(s, candidate.end(), end) is None:
                continue
            kinds = _START_WORDS[word].kinds
        found.append((candidate.span(), kinds))
    return found


def _starts(s: str, start: int, end: int) -> list[_Start]:
    found: list[_Start] = []
    for candidate in timeframes._STARTS.finditer(s, start, end):
        kinds = timeframes._kinds_at(s, candidate, start, end, every_kind=True)
        if kinds:
            found.append((candidate.span(), kinds))
    return found


pieces = st.lists(st.sampled_from(_PIECES), max_size=8)
glues = st.sampled_from(["", " "])


@given(pieces=pieces, glue=glues, cut=st.integers(min_value=0, max_value=4))
@example(pieces=["trong", "x"], glue="", cut=0)
@example(pieces=["han", "g", "nam"], glue="", cut=0)
@example(pieces=["ca", "c", "nam"], glue="", cut=0)
@example(pieces=["tron", "g", "nam"], glue="", cut=0)
@example(pieces=["x", "/", "6", "thang", "1"], glue="", cut=0)
@example(pieces=["x", "/", "6", "thang", "1"], glue="", cut=2)
@example(pieces=["nam", "2022"], glue=" ", cut=0)
def test_start_words_and_their_followers_in_one_search(pieces: list[str], glue: str, cut: int) -> None:
    s = glue.join(pieces)
    for start, end in ((0, len(s)), (min(cut, len(s)), len(s)), (0, max(0, len(s) - cut))):
        assert _starts(s, start, end) == _starts_plain(s, start, end)


# -- the kinds a start word's "ahead" rules out --------------------------------------------------

_PHRASE_WORDS = st.sampled_from(
    [*_START_WORDS, "thời gian", "thời hạn", "thời kỳ", "vòng", "suốt", "giai đoạn", "nhiệm kỳ", "kế hoạch",
     "các năm", "những năm tiếp theo", "ngày", "tháng", "quý", "năm", "nay", "I", "IV", "l", "6 tháng đầu", "9 tháng",
     "nửa", "cuối",
     "khi", "sau khi", "có", "hướng dẫn", "đến", "hết", "-", ",", "và", ":", "(", ")", ".", "làm việc", "ngày làm việc",
     "kể từ", "chốt số liệu", "trở đi", "định kỳ", "hàng quý", "đột xuất", "thường xuyên", "chậm nhất là", "hạn chót",
     "15/3/2022", "31/12", "2022", "2021 - 2025", "01/2022", "05", "3", "13", "0"]
)  # fmt: skip


def _first_reading(text: str, year: int | None, *, every_kind: bool) -> object:
    """What the first reading of a phrase is: where, the action, the doubts and the value; or the error."""
    phrase = Phrase(text)
    start, end = timeframes._trim(phrase.folded, phrase.start, phrase.end)
    try:
        part = timeframes._first_reading(phrase, Scanner(phrase.folded, start, end), year, every_kind=every_kind)
    except ParseError as error:
        return repr(error)
    if part is None:
        return None
    return (part.expr_start, part.end, part.action, part.ctx.flags, part.ctx.notes, part.maker("text"))


@given(words=st.lists(_PHRASE_WORDS, min_size=1, max_size=7), year=st.none() | st.just(2022))
@example(words=["trong", "năm", "2021"], year=None)
@example(words=["trong", "thời gian", "05", "ngày làm việc", "kể từ", "ngày", "15/3/2022"], year=None)
@example(words=["trong", "giai đoạn", "2021 - 2025"], year=None)
@example(words=["trong", "các năm", "tiếp theo"], year=2022)
@example(words=["vào", "ngày", "15/3/2022"], year=None)
@example(words=["ngày", "sau khi", "có", "hướng dẫn"], year=None)
@example(words=["kể từ", "khi", "có"], year=None)
@example(words=["theo", "định kỳ"], year=2022)
def test_kinds_ruled_out_ahead_could_not_have_begun_there(words: list[str], year: int | None) -> None:
    text = " ".join(words)
    assert _first_reading(text, year, every_kind=False) == _first_reading(text, year, every_kind=True)


def _names_a_time_plain(s: str) -> bool:
    """The plain form: a start word, not inside a word, followed by what names a time; or a count of days."""
    for word, start in _START_WORDS.items():
        if start.timeish is None:
            continue
        timeish = re.compile(start.timeish, re.ASCII)
        for found in re.finditer(re.escape(word), s):
            if found.start() and "a" <= s[found.start() - 1] <= "z":
                continue
            if timeish.match(s, found.end()):
                return True
    return re.search(r"(?<![a-z0-9])[0-9]+\s*ngay(?![a-z])", s, re.ASCII) is not None


@given(pieces=pieces, glue=glues)
@example(pieces=["quy", "l"], glue=" ")
@example(pieces=["hang", "tuan"], glue="")
@example(pieces=["15", "ngay"], glue=" ")
@example(pieces=["x", "15", "ngay"], glue="")
@example(pieces=["ke", "tu"], glue=" ")
@example(pieces=["trong", "nam", "x"], glue="")
def test_words_that_name_a_time_in_one_search(pieces: list[str], glue: str) -> None:
    s = glue.join(pieces)
    assert (timeframes._TIMEISH.search(s) is not None) == _names_a_time_plain(s)


# -- repeated periods ---------------------------------------------------------------------------


@given(st.lists(reporting_periods(), min_size=1, max_size=4), st.data())
def test_periods_repeat_when_their_identifiers_do(periods: list[ReportingPeriod], data: st.DataObject) -> None:
    if len(periods) > 1 and data.draw(st.booleans()):
        periods.append(periods[data.draw(st.integers(min_value=0, max_value=len(periods) - 1))])
    ids = [str(p) for p in periods]
    if len(set(ids)) == len(ids):
        assert Within(periods=periods).periods == tuple(periods)
    else:
        check_invariant(lambda: Within(periods=periods), "Within.periods", ids, "must not repeat a period")
