"""The shortcuts of the phrase readers agree with the plain forms they stand for.

The readers take shortcuts for speed: a fold table that states ASCII outright,
a damage check led by digits, one search for where a time may begin, a check
of repeated periods that compares periods rather than their identifiers. Each
is held here to the straightforward form it replaces.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import ReportingPeriod, Within
from parplan.text import timeframes
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

_PIECES = (
    *timeframes._DISPATCH,
    *("nhat", "la", "chot", "xuyen", "khi", "ky", "doan", "thanh", "tuc", "xuat", "hien", "g", "c", "x"),
    *("0", "1", "6", "9", "2022", "i", "iv", "/", ".", "-", ":", "(", " ", " ", "\n"),
)
_WORDS_PLAIN = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(timeframes._DISPATCH, key=len, reverse=True)) + r"|[0-9])", re.ASCII
)
_FOLLOW_PLAIN = {word: re.compile(source, re.ASCII) for word, source in timeframes._FOLLOW_SOURCES.items()}
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
            kinds = timeframes._DISPATCH[word]
        found.append((candidate.span(), kinds))
    return found


def _starts(s: str, start: int, end: int) -> list[_Start]:
    found: list[_Start] = []
    for candidate in timeframes._STARTS.finditer(s, start, end):
        kinds = timeframes._kinds_at(s, candidate, start)
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


@given(pieces=pieces, glue=glues)
@example(pieces=["x", "/", "6", "thang", "1"], glue="")
@example(pieces=["nam"], glue="")
def test_the_quick_reader_starts_where_the_full_reader_does(pieces: list[str], glue: str) -> None:
    stretch = glue.join(pieces)
    first = timeframes._FIRST_START.search(stretch)
    starts = _starts_plain(stretch, 0, len(stretch))
    assert (None if first is None else first.span()) == (starts[0][0] if starts else None)


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
