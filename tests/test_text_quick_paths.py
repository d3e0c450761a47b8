"""The shortcuts of the phrase readers agree with the plain forms they stand for.

The readers take shortcuts for speed: a fold table that states ASCII outright,
a damage check led by digits, one search for where a time may begin. Each is
held here to the straightforward form it replaces, over text built from the
words that matter to it.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from parplan.text import timeframes
from parplan.text.normalize import _MIXED, fold_aligned, repair_ocr

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


def _first_start(stretch: str) -> tuple[int, int] | None:
    """The plain form: the first start word or number for which ``_kinds_at`` names a kind."""
    for candidate in timeframes._STARTS.finditer(stretch):
        if timeframes._kinds_at(stretch, candidate, 0, len(stretch)):
            return candidate.span()
    return None


@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=8), glue=st.sampled_from(["", " "]))
@example(pieces=["trong", "x"], glue="")
@example(pieces=["han", "g", "nam"], glue="")
@example(pieces=["ca", "c", "nam"], glue="")
@example(pieces=["tron", "g", "nam"], glue="")
@example(pieces=["2022", "/", "6", "thang"], glue="")
@example(pieces=["x", "/", "6", "thang", "1"], glue="")
@example(pieces=["nam"], glue="")
def test_one_search_finds_where_the_full_reader_starts(pieces: list[str], glue: str) -> None:
    stretch = glue.join(pieces)
    found = timeframes._CANDIDATE.search(stretch)
    assert (None if found is None else found.span()) == _first_start(stretch)
