"""Document symbols and legal references, with the malformed symbols of the seeds."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import DocumentSymbol, LegalReference, SymbolForm
from parplan.errors import NO_VALUE
from strategies import ISSUERS, document_symbols, years

# symbol as written in the seeds, its parts, and its canonical form
SEED_SYMBOLS = [
    ("61/2018/NĐ-CP", DocumentSymbol(number="61", year=2018, doc_type="NĐ", issuer="CP"), "61/2018/NĐ-CP"),
    ("06/KH-UBND", DocumentSymbol(number="06", doc_type="KH", issuer="UBND"), "06/KH-UBND"),
    ("208/QĐ-UBND", DocumentSymbol(number="208", doc_type="QĐ", issuer="UBND"), "208/QĐ-UBND"),
    ("26/CT-TTg", DocumentSymbol(number="26", doc_type="CT", issuer="TTg"), "26/CT-TTg"),
    ("18-NQ/TW", DocumentSymbol(number="18", doc_type="NQ", issuer="TW", form=SymbolForm.PARTY), "18-NQ/TW"),
    ("02-NQ/HU", DocumentSymbol(number="02", doc_type="NQ", issuer="HU", form=SymbolForm.PARTY), "02-NQ/HU"),
    ("581/BNV-CCHC", DocumentSymbol(number="581", issuer="BNV-CCHC", form=SymbolForm.LETTER), "581/BNV-CCHC"),
    (
        "Số:            /QĐ-UBND",
        DocumentSymbol(doc_type="QĐ", issuer="UBND", text="Số:            /QĐ-UBND"),
        "/QĐ-UBND",
    ),
    (
        "29 KL/TU",
        DocumentSymbol(number="29", doc_type="KL", issuer="TU", form=SymbolForm.PARTY, text="29 KL/TU"),
        "29-KL/TU",
    ),
    (
        "01/2018/T-VPCP",
        DocumentSymbol(number="01", year=2018, doc_type="T", issuer="VPCP", text="01/2018/T-VPCP"),
        "01/2018/T-VPCP",
    ),
    ("106/NĐ-CP", DocumentSymbol(number="106", doc_type="NĐ", issuer="CP", text="106/NĐ-CP"), "106/NĐ-CP"),
]


@pytest.mark.parametrize(("written", "symbol", "canonical"), SEED_SYMBOLS)
def test_seed_symbols(written: str, symbol: DocumentSymbol, canonical: str) -> None:
    assert str(symbol) == canonical
    assert symbol.as_written == (symbol.text if symbol.text is not None else canonical)
    if symbol.text is not None:
        assert symbol.as_written == written


def test_symbol_properties() -> None:
    decree = DocumentSymbol(number="61", year=2018, doc_type="NĐ", issuer="CP")
    assert (decree.is_normative, decree.is_blank, decree.type_name) == (True, False, "Nghị định")
    draft = DocumentSymbol(doc_type="QĐ", issuer="UBND")
    assert (draft.is_normative, draft.is_blank, draft.type_name) == (False, True, "Quyết định")
    letter = DocumentSymbol(number="581", issuer="BNV-CCHC", form=SymbolForm.LETTER)
    assert letter.type_name == "Công văn"
    assert DocumentSymbol(number="01", doc_type="T", issuer="VPCP").type_name is None


@given(
    st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    years(),
    st.sampled_from(["NĐ", "QĐ", "KH", "TT", "NQ", "CTr", "QyĐ"]),
    st.sampled_from(ISSUERS),
)
def test_canonical_form_of_state_symbols(number: str, year: int, doc_type: str, issuer: str) -> None:
    assert str(DocumentSymbol(number=number, year=year, doc_type=doc_type, issuer=issuer)) == (
        f"{number}/{year}/{doc_type}-{issuer}"
    )
    assert str(DocumentSymbol(number=number, doc_type=doc_type, issuer=issuer)) == f"{number}/{doc_type}-{issuer}"
    party = DocumentSymbol(number=number, doc_type=doc_type, issuer=issuer, form=SymbolForm.PARTY)
    assert str(party) == f"{number}-{doc_type}/{issuer}"


@given(document_symbols())
def test_every_symbol_writes_its_number_type_and_issuer(symbol: DocumentSymbol) -> None:
    text = str(symbol)
    assert text.startswith(symbol.number or "")
    assert text.endswith(symbol.issuer)
    if symbol.doc_type is not None:
        assert symbol.doc_type in text
    if symbol.year is not None:
        assert f"/{symbol.year}/" in text


@pytest.mark.parametrize("number", ["06", "123456", "12a", "1", "0"])
def test_numbers_accepted(number: str) -> None:
    assert DocumentSymbol(number=number, doc_type="KH", issuer="UBND").number == number


@pytest.mark.parametrize("number", ["", "1234567", "12A", "a12", " 06", "06 ", "٠٦", "６", "6/"])
def test_numbers_refused(number: str) -> None:
    check_invariant(
        lambda: DocumentSymbol(number=number, doc_type="KH", issuer="UBND"),
        "DocumentSymbol.number",
        number,
        "must be digits as written (e.g. '06'), or absent for a blank draft",
    )


@pytest.mark.parametrize("doc_type", ["kh", "K H", "", "K-H", "1QĐ"])
def test_type_abbreviations_refused(doc_type: str) -> None:
    check_invariant(
        lambda: DocumentSymbol(number="06", doc_type=doc_type, issuer="UBND"),
        "DocumentSymbol.doc_type",
        doc_type,
        "must be a type abbreviation such as 'NĐ', 'QĐ' or 'KH'",
    )


@pytest.mark.parametrize("issuer", ["ubnd", "UBND-", "-UBND", "UBND CCHC", "", "UBND--VP"])
def test_issuers_refused(issuer: str) -> None:
    check_invariant(
        lambda: DocumentSymbol(number="06", doc_type="KH", issuer=issuer),
        "DocumentSymbol.issuer",
        issuer,
        "must be an issuer abbreviation such as 'CP', 'UBND' or 'BNV-CCHC'",
    )


@pytest.mark.parametrize("issuer", ["CP", "UBND", "BNV-CCHC", "QĐ-TTg", "UBND-VP", "TN&MT", "SNV"])
def test_issuers_accepted(issuer: str) -> None:
    assert DocumentSymbol(number="06", doc_type="KH", issuer=issuer).issuer == issuer


def test_form_rules() -> None:
    check_invariant(
        lambda: DocumentSymbol(number="581", doc_type="CV", issuer="BNV", form=SymbolForm.LETTER),
        "DocumentSymbol.doc_type",
        "CV",
        "must be absent for a letter (công văn)",
    )
    check_invariant(
        lambda: DocumentSymbol(number="06", issuer="UBND"),
        "DocumentSymbol.doc_type",
        None,
        "is required for a state document",
    )
    check_invariant(
        lambda: DocumentSymbol(number="18", issuer="TW", form=SymbolForm.PARTY),
        "DocumentSymbol.doc_type",
        None,
        "is required for a party document",
    )
    check_invariant(
        lambda: DocumentSymbol(number="18", year=2017, doc_type="NQ", issuer="TW", form=SymbolForm.PARTY),
        "DocumentSymbol.year",
        2017,
        "must be absent for a Party document",
    )
    check_invariant(
        lambda: DocumentSymbol(number="581", year=2021, issuer="BNV-CCHC", form=SymbolForm.LETTER),
        "DocumentSymbol.year",
        2021,
        "must be absent for a letter (công văn)",
    )
    check_invariant(
        lambda: DocumentSymbol(number="61", year=1944, doc_type="NĐ", issuer="CP"),
        "DocumentSymbol.year",
        1944,
        "must be a year between 1945 and 2200",
    )


def test_legal_references() -> None:
    decree = LegalReference(
        symbol=DocumentSymbol(number="61", year=2018, doc_type="NĐ", issuer="CP"),
        kind="Nghị định",
        date=date(2018, 4, 23),
        issuer_name="Chính phủ",
        title="về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    )
    assert decree.label == "Nghị định số 61/2018/NĐ-CP"
    conclusion = LegalReference(
        symbol=DocumentSymbol(number="29", doc_type="KL", issuer="TU", form=SymbolForm.PARTY, text="29 KL/TU")
    )
    assert conclusion.label == "29 KL/TU"
    law = LegalReference(kind="Luật", title="Luật Tổ chức chính quyền địa phương")
    assert law.label == "Luật Tổ chức chính quyền địa phương"
    assert (
        LegalReference(text="Nghị quyết Đại hội đại biểu Đảng bộ xã").label == "Nghị quyết Đại hội đại biểu Đảng bộ xã"
    )
    check_invariant(
        lambda: LegalReference(kind="Nghị định", date=date(2018, 4, 23)),
        "LegalReference",
        NO_VALUE,
        "needs a symbol, a title or the text as written",
    )
