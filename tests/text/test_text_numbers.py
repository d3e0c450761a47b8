"""Vietnamese numbers: the corpus, the documented rule for ambiguous forms, round trips and totality."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import ParseError, parse_number
from parplan.text.numbers import read_number
from test_text_support import check_error, params


@pytest.mark.parametrize("case", params("numbers"))
def test_corpus(case: dict[str, Any]) -> None:
    reading = read_number(case["text"], locale=case.get("locale", "vi"))
    assert str(reading.value) == case["value"]
    assert reading.ambiguous == case.get("ambiguous", False)
    assert (reading.note is not None) == reading.ambiguous
    assert parse_number(case["text"], locale=case.get("locale", "vi")) == reading.value


@pytest.mark.parametrize("case", params("numbers", "error"))
def test_corpus_errors(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as raised:
        parse_number(case["text"])
    assert raised.value.position == case["position"]
    check_error(raised.value)


def test_scanned_look_alikes_are_repaired_and_reported() -> None:
    reading = read_number("l.O5O,7")
    assert reading.value == Decimal("1050.7")
    assert reading.ocr_repaired
    assert not read_number("1.050,7").ocr_repaired


def test_unknown_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="locale"):
        parse_number("1,5", locale="fr")


def test_text_that_is_not_a_string_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_number(3)  # type: ignore[arg-type]


def _vi(value: Decimal) -> str:
    whole, _, fraction = f"{value:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


@given(value=st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_vietnamese_round_trip(value: Decimal) -> None:
    assert parse_number(_vi(value)) == value


@given(value=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_english_round_trip(value: Decimal) -> None:
    assert parse_number(f"{value:,f}", locale="en") == value


@given(value=st.integers(min_value=0, max_value=99), width=st.integers(min_value=1, max_value=4))
def test_leading_zeros_round_trip(value: int, width: int) -> None:
    assert parse_number(f"{value:0{width}d}") == value


@given(text=st.text(max_size=30))
def test_any_text_reads_or_raises_parse_error(text: str) -> None:
    try:
        parse_number(text)
    except ParseError as error:
        check_error(error)
