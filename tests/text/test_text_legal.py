"""Document symbols and citations: the corpus, damaged forms, round trips and totality."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import ParseError, SymbolForm, extract_references, parse_document_symbol
from parplan.text.normalize import fold, nfc
from test_text_support import check_error, damage, describe_reference, describe_symbol, noise, params, strip_accents


@pytest.mark.parametrize("case", params("legal", "symbol"))
def test_symbol_corpus(case: dict[str, Any]) -> None:
    symbol = parse_document_symbol(case["text"])
    assert describe_symbol(symbol) == case["expect"]
    assert symbol.text == case.get("written")
    assert symbol.as_written == case.get("written", case["expect"]["canonical"])


@pytest.mark.parametrize("case", params("legal", "symbol"))
def test_symbol_corpus_damaged(case: dict[str, Any]) -> None:
    rng = noise(case["text"])
    for _ in range(8):
        damaged = damage(case["text"], rng, bullets=False)
        symbol = parse_document_symbol(damaged)
        assert describe_symbol(symbol) == case["expect"], damaged


@pytest.mark.parametrize("case", params("legal", "symbol"))
def test_symbol_corpus_without_diacritics(case: dict[str, Any]) -> None:
    for variant in (strip_accents(case["text"]), strip_accents(case["text"]).upper()):
        assert describe_symbol(parse_document_symbol(variant)) == case["expect"], variant


@pytest.mark.parametrize("case", params("legal", "reference"))
def test_reference_corpus_without_diacritics(case: dict[str, Any]) -> None:
    found = [describe_reference(r, free_text=False) for r in extract_references(strip_accents(case["text"]))]
    expected = [{k: v for k, v in entry.items() if k in {"symbol", "date"}} for entry in case["expect"]]
    assert [{k: v for k, v in entry.items() if k in {"symbol", "date"}} for entry in found] == expected
    assert [fold(r.kind or "") for r in extract_references(strip_accents(case["text"]))] == [
        fold(entry.get("kind", "")) for entry in case["expect"]
    ]


@pytest.mark.parametrize("case", params("legal", "error"))
def test_symbol_errors(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as raised:
        parse_document_symbol(case["text"])
    assert case["expected"] in raised.value.expected
    assert raised.value.text == nfc(case["text"])
    if "position" in case:
        assert raised.value.position == case["position"]
    check_error(raised.value)


@pytest.mark.parametrize("case", params("legal", "reference"))
def test_reference_corpus(case: dict[str, Any]) -> None:
    references = extract_references(case["text"])
    assert [describe_reference(r) for r in references] == case["expect"]
    for reference in references:
        assert reference.text is not None
        assert reference.text in nfc(case["text"])


@pytest.mark.parametrize("case", params("legal", "reference"))
def test_reference_corpus_damaged(case: dict[str, Any]) -> None:
    """Kinds, symbols and dates survive damage; the bodies and subjects are then free text."""
    rng = noise(case["text"])
    expected = [{k: v for k, v in entry.items() if k in {"symbol", "date"}} for entry in case["expect"]]
    for _ in range(6):
        damaged = damage(case["text"], rng, bullets=False)
        found = [describe_reference(r, free_text=False) for r in extract_references(damaged)]
        assert [{k: v for k, v in entry.items() if k in {"symbol", "date"}} for entry in found] == expected, damaged


def test_reference_fields_are_as_written() -> None:
    [reference] = extract_references("theo Nghị định số 61/2018/ND-CP ngày 23/4/2018 của Chính phủ về một cửa.")
    assert reference.text == "Nghị định số 61/2018/ND-CP ngày 23/4/2018 của Chính phủ về một cửa"
    assert reference.symbol is not None
    assert reference.symbol.text == "61/2018/ND-CP"
    assert reference.label == "Nghị định số 61/2018/ND-CP"


def test_national_assembly_symbols_have_no_type() -> None:
    [reference] = extract_references("theo Luật số 72/2025/QH15 của Quốc hội;")
    assert reference.symbol is not None
    assert (reference.symbol.form.value, str(reference.symbol), reference.symbol.doc_type) == (
        "assembly",
        "72/2025/QH15",
        None,
    )
    assert reference.text == "Luật số 72/2025/QH15 của Quốc hội"
    assert (reference.kind, reference.issuer_name) == ("Luật", "Quốc hội")


def test_a_law_named_before_its_symbol_is_one_citation() -> None:
    text = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025; Luật Cán bộ, công chức năm 2008"
    first, second = extract_references(text)
    assert (first.kind, first.title, str(first.symbol), first.date) == (
        "Luật",
        "Tổ chức chính quyền địa phương",
        "72/2025/QH15",
        date(2025, 6, 16),
    )
    assert (second.kind, second.symbol, second.title) == ("Luật", None, "Cán bộ, công chức năm 2008")


# -- round trips -----------------------------------------------------------------------------------

numbers = st.integers(min_value=1, max_value=9999)
years = st.integers(min_value=1946, max_value=2199)
state_types = st.sampled_from(["NĐ", "QĐ", "NQ", "TT", "CT", "KH", "TB", "BC", "HD", "CTr", "ĐA"])
issuers = st.sampled_from(["CP", "TTg", "UBND", "HĐND", "BNV", "BTC", "VPCP", "SNV"])


@given(number=numbers, year=st.none() | years, doc_type=state_types, issuer=issuers, padded=st.booleans())
def test_state_symbol_round_trip(number: int, year: int | None, doc_type: str, issuer: str, padded: bool) -> None:
    written = f"{number:02d}" if padded else str(number)
    text = f"{written}/{year}/{doc_type}-{issuer}" if year else f"{written}/{doc_type}-{issuer}"
    symbol = parse_document_symbol(text)
    assert (symbol.number, symbol.year, symbol.doc_type, symbol.issuer, symbol.form) == (
        written,
        year,
        doc_type,
        issuer,
        SymbolForm.STATE,
    )
    assert str(symbol) == text
    assert symbol.text is None


@given(number=numbers, doc_type=st.sampled_from(["NQ", "KL", "CT", "QĐ"]), issuer=st.sampled_from(["TW", "TU", "HU"]))
def test_party_symbol_round_trip(number: int, doc_type: str, issuer: str) -> None:
    symbol = parse_document_symbol(f"{number}-{doc_type}/{issuer}")
    assert (symbol.form, symbol.number, symbol.doc_type, symbol.issuer) == (
        SymbolForm.PARTY,
        str(number),
        doc_type,
        issuer,
    )


@given(
    number=numbers,
    year=years,
    day=st.dates(min_value=date(1945, 1, 1), max_value=date(2199, 12, 31)),
    issuer=st.sampled_from(["Chính phủ", "UBND tỉnh", "Bộ Nội vụ", "Bộ Kế hoạch và Đầu tư"]),
)
def test_citation_round_trip(number: int, year: int, day: date, issuer: str) -> None:
    text = f"Căn cứ Nghị định số {number}/{year}/NĐ-CP ngày {day.day}/{day.month}/{day.year} của {issuer} về cải cách;"
    [reference] = extract_references(text)
    assert reference.symbol is not None
    assert str(reference.symbol) == f"{number}/{year}/NĐ-CP"
    assert (reference.kind, reference.date, reference.issuer_name, reference.title) == (
        "Nghị định",
        day,
        issuer,
        "cải cách",
    )


# -- totality --------------------------------------------------------------------------------------


@given(text=st.text(max_size=60))
def test_any_text_reads_or_raises_parse_error(text: str) -> None:
    try:
        parse_document_symbol(text)
    except ParseError as error:
        check_error(error)


@given(text=st.text(max_size=200))
def test_extraction_never_fails(text: str) -> None:
    for reference in extract_references(text):
        assert reference.text is not None
