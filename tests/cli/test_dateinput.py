"""Dates typed by people (``--as-of``): day first, every part required, the clock never read."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan.cli._dates import parse_typed_date
from parplan.errors import ParseError

READ = [
    ("2022-06-30", date(2022, 6, 30)),
    ("30/6/2022", date(2022, 6, 30)),
    ("3/12/2021", date(2021, 12, 3)),  # day first, as seed 004 writes "03/12/2021"
    ("03/12/2021", date(2021, 12, 3)),
    ("30.06.2022", date(2022, 6, 30)),
    ("30-6-2022", date(2022, 6, 30)),
    (" 1 January 2023 ", date(2023, 1, 1)),
    ("14 Mar 2022", date(2022, 3, 14)),
    ("2022-1-7", date(2022, 1, 7)),  # year first: the year is written first
    ("2022/03/04", date(2022, 3, 4)),
    ("2022.12.5", date(2022, 12, 5)),
]
REFUSED = [
    "",
    "2022",
    "June 2022",
    "30/6",
    "abc",
    "31/02/2022",
    "30/6/2022 10:00",
    "2022-06-30T00:00+07:00",
    "32/1/2022",
    "2022-13-01",  # no month 13: not read as 13 January
    "30/6/75",  # a two-digit year: not completed from today's century
    "30 June 75",
    "2022-06/30",  # mixed separators
    "1/2/3",
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_typed_dates(text: str, expected: date) -> None:
    assert parse_typed_date(text) == expected


@pytest.mark.parametrize("text", REFUSED)
def test_incomplete_or_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ParseError) as raised:
        parse_typed_date(text)
    assert raised.value.expected.startswith("a date with day, month and year, such as 2022-06-30 or 30/6/2022")


@given(st.dates(min_value=date(1945, 1, 1), max_value=date(2200, 12, 31)))
def test_vietnamese_and_iso_forms_read_back(day: date) -> None:
    assert parse_typed_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_typed_date(f"{day.day:02d}.{day.month:02d}.{day.year}") == day
    assert parse_typed_date(day.isoformat()) == day
