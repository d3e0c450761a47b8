"""PP409: a plan resting on a document that had been replaced when it was issued."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

import parplan
from builders import minimal_plan
from parplan import DocumentSymbol, LegalReference

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


def _citing(symbol: DocumentSymbol, issued: date | None, year: int) -> parplan.Plan:
    plan = minimal_plan(year)
    basis = LegalReference(symbol=symbol, kind="Nghị quyết", issuer_name="Chính phủ")
    return attrs.evolve(plan, issued_on=issued, legal_bases=(basis,))


THIRTY_C = DocumentSymbol(number="30c", doc_type="NQ", issuer="CP")


@pytest.mark.parametrize(
    ("issued", "year", "fires"),
    [
        (date(2021, 7, 15), 2021, True),  # the day Resolution 76 was signed
        (date(2021, 7, 14), 2021, False),
        (date(2020, 12, 28), 2021, False),  # a plan for 2021 issued before the new programme existed
        (None, 2022, True),  # no date: the first day of its year
        (None, 2021, False),
    ],
)
def test_the_plan_date_against_the_replacement(issued: date | None, year: int, *, fires: bool) -> None:
    findings = parplan.check(_citing(THIRTY_C, issued, year), select="PP409")
    assert bool(findings) is fires


@pytest.mark.parametrize(
    ("symbol", "issued", "fires"),
    [
        (DocumentSymbol(number="136", year=2001, doc_type="QĐ", issuer="TTg"), date(2012, 1, 5), True),
        (DocumentSymbol(number="1149", doc_type="QĐ", issuer="BNV"), date(2023, 1, 9), True),
        (DocumentSymbol(number="1149", doc_type="QĐ", issuer="BNV"), date(2022, 1, 9), False),
        (DocumentSymbol(number="110", year=2004, doc_type="NĐ", issuer="CP"), date(2020, 3, 5), True),
        (DocumentSymbol(number="110", year=2005, doc_type="NĐ", issuer="CP"), date(2024, 1, 5), False),
        (DocumentSymbol(number="30", year=2020, doc_type="NĐ", issuer="CP"), date(2024, 1, 5), False),
        (DocumentSymbol(number="76", doc_type="NQ", issuer="CP"), date(2024, 1, 5), False),
        (DocumentSymbol(number="30c", doc_type="NQ", issuer="TW"), date(2024, 1, 5), False),
    ],
)
def test_which_documents_are_replaced(symbol: DocumentSymbol, issued: date, *, fires: bool) -> None:
    assert bool(parplan.check(_citing(symbol, issued, issued.year), select="PP409")) is fires


def test_the_source_of_last_years_results_is_no_basis() -> None:
    plan = minimal_plan(2024)
    results_only = attrs.evolve(plan, adopted_by=LegalReference(symbol=THIRTY_C, kind="Nghị quyết"))
    assert parplan.check(results_only, select="PP409") == []


def test_read_from_a_plan_of_2022_citing_the_old_programme() -> None:
    lines = (
        "ỦY BAN NHÂN DÂN",
        "XÃ AN HÒA",
        "Số: 05/KH-UBND",
        "An Hòa, ngày 10 tháng 01 năm 2022",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2022",
        "Căn cứ Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ về Chương trình cải cách hành chính;",
        "I. NHIỆM VỤ",
        "1. Rà soát thủ tục hành chính (Văn phòng - Thống kê; Quý II/2022).",
    )
    plan = parplan.read_text("\n".join(lines)).plan
    assert plan is not None
    findings = parplan.check(plan, select="PP409")
    assert [finding.path for finding in findings] == ["$.legal_bases[0].symbol"]
    assert "76/NQ-CP" in findings[0].message


OLD_PROGRAMME_YEARS = [
    "heldout3/tinh-2016-o-bang-doc.txt",
    "heldout4/tinh-2015-o-xen-ke.txt",
    "unseen/tinh-2020-co-so-du-lieu.txt",
]


@pytest.mark.parametrize("name", OLD_PROGRAMME_YEARS)
def test_plans_of_the_old_programmes_years_may_cite_it(name: str) -> None:
    plan = parplan.read(DOCUMENTS / name).plan
    assert plan is not None
    assert any(ref.symbol is not None and ref.symbol.number == "30c" for ref in (*plan.legal_bases, *plan.implements))
    assert parplan.check(plan, select="PP409") == []
