"""Numbers, percentages and money in Vietnamese and English: exact, with each language's separators."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parplan import InvariantError, format_money, format_number, format_percent
from parplan.render.format import millions

# Values as plans write them (seed 000 "90,73 điểm", seed 004 "3.773 triệu đồng", "02 sáng kiến"),
# with the values varied.
NUMBERS = [
    (Decimal("90.73"), "90,73", "90.73"),
    (Decimal("88.37"), "88,37", "88.37"),
    (Decimal("96.17"), "96,17", "96.17"),
    (3773, "3.773", "3,773"),
    (3000, "3.000", "3,000"),
    (2, "2", "2"),
    (999, "999", "999"),
    (1000, "1.000", "1,000"),
    (1234567, "1.234.567", "1,234,567"),
    (Decimal("1234.5"), "1.234,5", "1,234.5"),
    (Decimal("-12.5"), "-12,5", "-12.5"),
    (Decimal("0.05"), "0,05", "0.05"),
    (Decimal("90.70"), "90,70", "90.70"),
    (Decimal("1E+3"), "1.000", "1,000"),
    (Decimal("-0"), "0", "0"),
    (0, "0", "0"),
]


@pytest.mark.parametrize(("value", "vi", "en"), NUMBERS)
def test_format_number(value: Decimal | int, vi: str, en: str) -> None:
    assert format_number(value, locale="vi") == vi
    assert format_number(value, locale="en") == en


def test_format_number_keeps_every_digit_of_long_decimals() -> None:
    value = Decimal("12345678901234567890.123456789")
    assert format_number(value, locale="vi") == "12.345.678.901.234.567.890,123456789"
    assert format_number(value, locale="en") == "12,345,678,901,234,567,890.123456789"


PERCENTS = [
    (Decimal(50), "50%", "50%"),
    (Decimal("90.5"), "90,5%", "90.5%"),
    (Decimal(35), "35%", "35%"),
    (Decimal(100), "100%", "100%"),
    (Decimal("82.66"), "82,66%", "82.66%"),
    (Decimal("0.001"), "0,001%", "0.001%"),
    (Decimal(1200), "1.200%", "1,200%"),
]


@pytest.mark.parametrize(("value", "vi", "en"), PERCENTS)
def test_format_percent(value: Decimal, vi: str, en: str) -> None:
    assert format_percent(value, locale="vi") == vi
    assert format_percent(value, locale="en") == en


MONEY = [
    (3_773_000_000, "3.773 triệu đồng", "VND 3,773 million"),
    (3_000_000_000, "3.000 triệu đồng", "VND 3,000 million"),
    (150_000_000, "150 triệu đồng", "VND 150 million"),
    (40_000_000, "40 triệu đồng", "VND 40 million"),
    (1_000_000, "1 triệu đồng", "VND 1 million"),
    (1_500_000, "1,5 triệu đồng", "VND 1.5 million"),
    (2_345_000, "2,345 triệu đồng", "VND 2.345 million"),
    (999_000, "999.000 đồng", "VND 999,000"),
    (1_234_567, "1.234.567 đồng", "VND 1,234,567"),
    (500, "500 đồng", "VND 500"),
    (0, "0 đồng", "VND 0"),
    (-2_000_000, "-2 triệu đồng", "VND -2 million"),
]


@pytest.mark.parametrize(("amount", "vi", "en"), MONEY)
def test_format_money_auto(amount: int, vi: str, en: str) -> None:
    assert format_money(amount, locale="vi") == vi
    assert format_money(amount, locale="en") == en


def test_format_money_forced_scales() -> None:
    assert format_money(1_234_567, locale="vi", scale="million") == "1,234567 triệu đồng"
    assert format_money(150_000_000, locale="vi", scale="dong") == "150.000.000 đồng"
    assert format_money(150_000_000, locale="en", scale="dong") == "VND 150,000,000"
    assert format_money(999_000, locale="en", scale="million") == "VND 0.999 million"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(150_000_000, Decimal(150)), (1_500_000, Decimal("1.5")), (10**12, Decimal(1_000_000)), (1, Decimal("0.000001"))],
)
def test_millions_is_exact(amount: int, expected: Decimal) -> None:
    assert millions(amount) == expected
    assert str(millions(amount)) == str(expected)


@pytest.mark.parametrize("locale", ["", "fr", "vie", "zh_VN", None, 1])
def test_locale_must_be_vi_or_en(locale: object) -> None:
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'"):
        format_number(1, locale=locale)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [1.5, "1,5", True, None, Decimal("NaN"), Decimal("Infinity")])
def test_number_must_be_a_finite_decimal_or_int(value: object) -> None:
    with pytest.raises(InvariantError, match=r"format_number\.value"):
        format_number(value, locale="vi")  # type: ignore[arg-type]


@pytest.mark.parametrize(("amount", "scale"), [(1.5, "auto"), (Decimal(5), "auto"), (True, "auto"), (5, "billion")])
def test_money_arguments_are_checked(amount: object, scale: object) -> None:
    with pytest.raises(InvariantError):
        format_money(amount, locale="vi", scale=scale)  # type: ignore[arg-type]


def _read(text: str, *, group: str, decimal: str) -> Decimal:
    """Undo a formatted number with known separators (independent of parplan's parsers)."""
    assert re.fullmatch(rf"-?\d{{1,3}}(\{group}\d{{3}})*(\{decimal}\d+)?", text), text
    return Decimal(text.replace(group, "").replace(decimal, "."))


decimals = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=None)


@given(decimals)
@example(Decimal("0.000000001"))
@example(Decimal(-1000))
def test_formatted_numbers_keep_the_exact_value_and_digits(value: Decimal) -> None:
    vi = format_number(value, locale="vi")
    en = format_number(value, locale="en")
    assert _read(vi, group=".", decimal=",") == value
    assert _read(en, group=",", decimal=".") == value
    # The same digits in both languages, only the separators differ.
    assert vi.translate(str.maketrans(".,", ",.")) == en
    # No digit after the decimal separator is invented or dropped.
    places = max(0, -int(value.as_tuple().exponent))
    assert len(vi.partition(",")[2]) == places


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_money_reads_back_exactly(amount: int) -> None:
    text = format_money(amount, locale="vi")
    number, _, unit = text.partition(" ")
    value = _read(number, group=".", decimal=",")
    if unit == "triệu đồng":
        assert value * 1_000_000 == amount
        assert abs(amount) >= 1_000_000
    else:
        assert unit == "đồng"
        assert value == amount
