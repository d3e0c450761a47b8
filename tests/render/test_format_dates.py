"""Dates as official documents write them (Decree 30/2020/NĐ-CP), and in English."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import InvariantError, format_date
from parplan.render.format import ordinal_en, roman

# Decree 30: days 1-9 and months 1-2 take a leading zero; months 3-12 do not.
# Place-and-date lines of the seeds ("ngày 19 tháng 3 năm 2021", "ngày 08/01/2022") with neighbours varied.
LONG = [
    (date(2021, 3, 19), "ngày 19 tháng 3 năm 2021", "19 March 2021"),
    (date(2022, 1, 8), "ngày 08 tháng 01 năm 2022", "8 January 2022"),
    (date(2023, 2, 1), "ngày 01 tháng 02 năm 2023", "1 February 2023"),
    (date(2023, 7, 5), "ngày 05 tháng 7 năm 2023", "5 July 2023"),
    (date(2020, 12, 31), "ngày 31 tháng 12 năm 2020", "31 December 2020"),
    (date(2024, 2, 29), "ngày 29 tháng 02 năm 2024", "29 February 2024"),
    (date(2025, 3, 9), "ngày 09 tháng 3 năm 2025", "9 March 2025"),
    (date(2025, 3, 10), "ngày 10 tháng 3 năm 2025", "10 March 2025"),
]


@pytest.mark.parametrize(("day", "vi", "en"), LONG)
def test_long_dates(day: date, vi: str, en: str) -> None:
    assert format_date(day, locale="vi") == vi
    assert format_date(day, locale="vi", style="long") == vi
    assert format_date(day, locale="en") == en


SHORT = [
    # seed 004's reporting windows: "15/12/2021", "14/3/2022", "03/12/2021", "01/12/2022"
    (date(2021, 12, 15), "15/12/2021", "15 Dec 2021"),
    (date(2022, 3, 14), "14/3/2022", "14 Mar 2022"),
    (date(2021, 12, 3), "03/12/2021", "3 Dec 2021"),
    (date(2022, 1, 8), "08/01/2022", "8 Jan 2022"),
    (date(2022, 2, 28), "28/02/2022", "28 Feb 2022"),
    (date(2019, 9, 27), "27/9/2019", "27 Sep 2019"),
]


@pytest.mark.parametrize(("day", "vi", "en"), SHORT)
def test_short_dates(day: date, vi: str, en: str) -> None:
    assert format_date(day, locale="vi", style="short") == vi
    assert format_date(day, locale="en", style="short") == en


@pytest.mark.parametrize("style", ["full", "", None])
def test_style_is_checked(style: object) -> None:
    with pytest.raises(InvariantError, match=r"format_date\.style"):
        format_date(date(2022, 1, 1), locale="vi", style=style)  # type: ignore[arg-type]


def test_day_is_checked() -> None:
    with pytest.raises(InvariantError, match=r"format_date\.day"):
        format_date("2022-01-01", locale="vi")  # type: ignore[arg-type]


_LONG_VI = re.compile(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})")


@given(st.dates(min_value=date(1945, 1, 1), max_value=date(2200, 12, 31)))
def test_vietnamese_dates_read_back_and_follow_decree_30(day: date) -> None:
    match = _LONG_VI.fullmatch(format_date(day, locale="vi"))
    assert match is not None
    assert date(int(match[3]), int(match[2]), int(match[1])) == day
    assert len(match[2]) == (2 if day.month < 3 else len(str(day.month)))
    short = format_date(day, locale="vi", style="short")
    assert short == f"{match[1]}/{match[2]}/{match[3]}"


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@given(st.dates(min_value=date(1945, 1, 1), max_value=date(2200, 12, 31)))
def test_english_dates_name_the_month(day: date) -> None:
    assert format_date(day, locale="en") == f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (8, "VIII"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman(number: int, expected: str) -> None:
    assert roman(number) == expected


@pytest.mark.parametrize("number", [0, -1, 4000, True])
def test_roman_range(number: int) -> None:
    with pytest.raises(InvariantError, match=r"roman\.number"):
        roman(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (112, "112th"),
    ],
)
def test_ordinal_en(number: int, expected: str) -> None:
    assert ordinal_en(number) == expected
