"""The one day grammar (parplan.text.dates) and the readers that share it: deadlines, citations, target horizons."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import ParseError, extract_references, parse_target, parse_timeframe
from parplan.text._scan import Failure
from parplan.text.dates import day_parts, day_source, make_date, read_date, year_written

OPTIONAL = re.compile(day_source(), re.ASCII)
REQUIRED = re.compile(day_source(year="required"), re.ASCII)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12/2020", date(2020, 12, 31)),
        ("31.12.2020", date(2020, 12, 31)),
        ("31-12-2020", date(2020, 12, 31)),
        ("31 / 12 / 2020", date(2020, 12, 31)),
        ("19 thang 6 nam 2015", date(2015, 6, 19)),
        ("19 thang 6/2015", date(2015, 6, 19)),
        ("19 thang 6, 2015", date(2015, 6, 19)),
        ("19thang6nam2015", date(2015, 6, 19)),
    ],
)
def test_days_in_figures_and_in_words(text: str, expected: date) -> None:
    found = REQUIRED.fullmatch(text)
    assert found is not None
    assert year_written(found)
    assert read_date(found) == expected


@pytest.mark.parametrize("text", ["31/12.2020", "31.12/2020", "31-12/2020", "31/12/20", "31/12/20201", "thang 6/2015"])
def test_not_a_day(text: str) -> None:
    assert REQUIRED.fullmatch(text) is None


def test_the_year_may_be_left_out_where_the_reader_allows_it() -> None:
    found = OPTIONAL.fullmatch("15/3")
    assert found is not None
    assert not year_written(found)
    assert day_parts(found) == (15, 3, None, 0)
    assert make_date(day_parts(found), 2022) == date(2022, 3, 15)
    assert REQUIRED.fullmatch("15/3") is None


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("31/13/2020", 3, "a month between 1 and 12"),
        ("32/12/2020", 0, "a day between 1 and 31"),
        ("31/12/1800", 6, "a year between 1945 and 2200"),
        ("31/02/2020", 0, "a real date (month 2 of 2020 has no day 31)"),
        ("29 thang 2 nam 2021", 0, "a real date (month 2 of 2021 has no day 29)"),
        ("1 thang 0 nam 2021", 8, "a month between 1 and 12"),
    ],
)
def test_precise_failures(text: str, position: int, expected: str) -> None:
    found = REQUIRED.fullmatch(text)
    assert found is not None
    with pytest.raises(Failure) as caught:
        read_date(found)
    assert (caught.value.position, caught.value.expected) == (position, expected)


def test_prefixes_let_two_days_share_one_regex() -> None:
    both = re.compile(rf"tu {day_source('a_')} den {day_source('b_', year='required')}", re.ASCII)
    found = both.fullmatch("tu 15/12 den 14 thang 3 nam 2022")
    assert found is not None
    assert day_parts(found, "a_") == (15, 12, None, 3)
    assert read_date(found, "b_") == date(2022, 3, 14)


days = st.dates(min_value=date(1945, 1, 1), max_value=date(2200, 12, 31))


@given(day=days, separator=st.sampled_from("/.-"), words=st.booleans())
def test_every_reader_reads_a_day_the_same_way(day: date, separator: str, words: bool) -> None:
    written = (
        f"{day.day} tháng {day.month} năm {day.year}"
        if words
        else f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year}"
    )
    assert parse_timeframe(f"Trước ngày {written}").latest == day
    [reference] = extract_references(f"Quyết định số 12/QĐ-UBND ngày {written} của UBND tỉnh")
    assert reference.date == day
    assert parse_target(f"Tỷ lệ hồ sơ đạt 80% (đến {written})").horizon == day


# -- what sharing the grammar changed, on purpose ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hồ sơ đạt 80% (đến 31.12.2025)",
        "Tỷ lệ hồ sơ đạt 80% (đến 31-12-2025)",
        "Tỷ lệ hồ sơ đạt 80% đến ngày 31 tháng 12 năm 2025",
    ],
)
def test_target_horizons_are_read_in_every_form_of_a_day(text: str) -> None:
    # Before the day grammar was shared, a horizon was read only as "31/12/2025".
    target = parse_target(text)
    assert (target.horizon, target.subject) == (date(2025, 12, 31), "Tỷ lệ hồ sơ")


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("Tỷ lệ đạt 80% (đến 31/13/2025)", 22, "a month between 1 and 12"),
        ("Tỷ lệ đạt 80% (đến 32/12/2025)", 19, "a day between 1 and 31"),
        ("Tỷ lệ đạt 80% (đến 31/02/2025)", 19, "a real date (month 2 of 2025 has no day 31)"),
        ("Tỷ lệ đạt 80% (đến 31/12/1800)", 25, "a year between 1945 and 2200"),
    ],
)
def test_a_target_horizon_that_is_not_a_day_is_an_error_at_the_part_that_is_wrong(
    text: str, position: int, expected: str
) -> None:
    # Before: "a real date" at the day for every one of these, and the year 1800 was read as a horizon.
    with pytest.raises(ParseError) as caught:
        parse_target(text)
    assert (caught.value.position, caught.value.expected) == (position, expected)


def test_a_citation_date_may_write_its_year_after_a_mark() -> None:
    # Before: "ngày 05 tháng 8/2024" was not read, and neither was the issuer after it.
    [reference] = extract_references("Quyết định số 12/QĐ-UBND ngày 05 tháng 8/2024 của UBND tỉnh")
    assert (reference.date, reference.issuer_name) == (date(2024, 8, 5), "UBND tỉnh")


def test_a_citation_date_outside_the_years_of_documents_is_not_read() -> None:
    # Before: 23/4/1890 was read as the date; a symbol's year is held to the same bounds.
    [reference] = extract_references("Nghị định số 61/2018/NĐ-CP ngày 23/4/1890 của Chính phủ")
    assert reference.date is None
    assert str(reference.symbol) == "61/2018/NĐ-CP"
