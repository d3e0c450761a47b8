"""The shared value rules of the model: NFC text, identifiers, years, counts, finite decimals."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import (
    AdminUnit,
    IndexResult,
    InvariantError,
    Milestone,
    Organisation,
    Plan,
    SourceLocation,
    Task,
    UnitKind,
)
from parplan._values import is_bounded_decimal, nfc, nfc_or_none, nfc_tuple
from strategies import vietnamese_texts

# --- NFC --------------------------------------------------------------------------------

NFD_CASES = [
    "Ủy ban nhân dân xã Sơn Châu",
    "Cải cách thủ tục hành chính",
    "Văn phòng HĐND – UBND huyện",
    "Phần đầu ít nhất có 02 sáng kiến",
    "Quý I, II, III/2022",
]


@pytest.mark.parametrize("text", NFD_CASES)
def test_nfd_input_becomes_nfc(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert nfc(decomposed) == text
    assert Organisation(name=decomposed).name == text


@pytest.mark.parametrize("text", [*NFD_CASES, "UBND", "2022"])
def test_nfc_input_is_returned_as_the_same_object(text: str) -> None:
    assert nfc(text) is text


def test_nfc_helpers_for_optional_and_tuples() -> None:
    decomposed = unicodedata.normalize("NFD", "Tư pháp – Hộ tịch")
    assert nfc_or_none(None) is None
    assert nfc_or_none(decomposed) == "Tư pháp – Hộ tịch"
    assert nfc_tuple([decomposed, "xã"]) == ("Tư pháp – Hộ tịch", "xã")
    assert nfc_tuple(iter(["a"])) == ("a",)


@given(vietnamese_texts())
def test_text_is_stored_in_nfc_whatever_the_input_form(text: str) -> None:
    organisation = Organisation(name=text)
    assert organisation.name == unicodedata.normalize("NFC", text)
    assert unicodedata.is_normalized("NFC", organisation.name)


def test_nfc_does_not_change_letters_or_spacing() -> None:
    # storage never folds diacritics, case or spaces: only the normal form changes
    name = "  Văn phòng  HDNĐ - UBND huyện "
    assert Organisation(name=unicodedata.normalize("NFD", name)).name == name


# --- non-empty text ---------------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u00a0", "\u3000 "])
def test_blank_required_text_is_refused(blank: str) -> None:
    check_invariant(lambda: Organisation(name=blank), "Organisation.name", blank, "must not be empty")


@pytest.mark.parametrize("text", ["a", " a ", "–", "0"])
def test_required_text_with_one_visible_character_is_accepted(text: str) -> None:
    assert Organisation(name=text).name == text


@pytest.mark.parametrize("blank", ["", "  "])
def test_blank_optional_text_is_refused(blank: str) -> None:
    check_invariant(
        lambda: Task(id="t1", title="Ban hành", notes=blank), "Task.notes", blank, "must be absent or not empty"
    )


def test_optional_text_may_be_absent() -> None:
    assert Task(id="t1", title="Ban hành", notes=None).notes is None


def test_blank_item_in_a_text_list_is_refused() -> None:
    issuer = Organisation(name="UBND xã")
    unit = AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE)
    check_invariant(
        lambda: Plan(title="KH", issuer=issuer, unit=unit, year=2022, purposes=("Mục đích", " ")),
        "Plan.purposes",
        ("Mục đích", " "),
        "must not hold empty strings",
    )
    plan = Plan(title="KH", issuer=issuer, unit=unit, year=2022, purposes=("Mục đích",))
    assert plan.purposes == ("Mục đích",)


# --- identifiers ------------------------------------------------------------------------

IDENTIFIER_MESSAGE = "must be an identifier of ASCII letters, digits and '._:/-', starting with a letter or digit"


@pytest.mark.parametrize("good", ["a", "0", "t1", "III.3.b", "task:12", "004/row-20", "A_b.c:d/e-f", "x" * 200])
def test_identifiers_accepted(good: str) -> None:
    assert Task(id=good, title="Ban hành").id == good


@pytest.mark.parametrize("bad", ["", "-a", ".a", "_a", "a b", "nhiệm-vụ", "a\n", "a\t", "a;b", "a#1", "１"])
def test_identifiers_refused(bad: str) -> None:
    check_invariant(lambda: Task(id=bad, title="Ban hành"), "Task.id", bad, IDENTIFIER_MESSAGE)


# --- years, counts, decimals ------------------------------------------------------------


@pytest.mark.parametrize(("year", "valid"), [(1944, False), (1945, True), (2022, True), (2200, True), (2201, False)])
def test_year_range_boundaries(year: int, valid: bool) -> None:
    def build() -> IndexResult:
        return IndexResult(framework="par_index", year=year)

    if valid:
        assert build().year == year
    else:
        check_invariant(build, "IndexResult.year", year, "must be a year between 1945 and 2200")


@pytest.mark.parametrize(("line", "valid"), [(-1, False), (0, False), (1, True), (2, True)])
def test_positive_count_boundaries(line: int, valid: bool) -> None:
    if valid:
        assert SourceLocation(line=line).line == line
    else:
        check_invariant(lambda: SourceLocation(line=line), "SourceLocation.line", line, "must be at least 1")


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_decimals_must_be_finite(value: Decimal) -> None:
    with pytest.raises(InvariantError) as caught:
        Milestone(by=date(2022, 12, 31), value=value)
    assert caught.value.field == "Milestone.value"
    assert caught.value.message == "must be a finite number"
    assert str(caught.value) == f"Milestone.value: must be a finite number, got {value!r}"


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_finite_decimals_within_the_bounds_are_kept_exactly(value: Decimal) -> None:
    if not is_bounded_decimal(value):  # at most 15 digits before the point and 12 after it
        with pytest.raises(InvariantError, match=r"Milestone\.value: must have at most 15 digits"):
            Milestone(by=date(2022, 12, 31), value=value)
        return
    kept = Milestone(by=date(2022, 12, 31), value=value).value
    assert kept == value
    assert str(kept) == str(value)
