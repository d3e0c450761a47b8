"""Reporting periods: identifiers, boundaries of every kind, calendar days."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import PeriodKind, ReportingPeriod
from strategies import reporting_periods

# identifier, kind, index, first day, last day (for the year in the identifier)
IDENTIFIERS = [
    ("2022", PeriodKind.YEAR, 1, (1, 1), (12, 31)),
    ("2022S1", PeriodKind.HALF, 1, (1, 1), (6, 30)),
    ("2022S2", PeriodKind.HALF, 2, (7, 1), (12, 31)),
    ("2022Q1", PeriodKind.QUARTER, 1, (1, 1), (3, 31)),
    ("2022Q2", PeriodKind.QUARTER, 2, (4, 1), (6, 30)),
    ("2022Q3", PeriodKind.QUARTER, 3, (7, 1), (9, 30)),
    ("2022Q4", PeriodKind.QUARTER, 4, (10, 1), (12, 31)),
    ("2022M01", PeriodKind.MONTH, 1, (1, 1), (1, 31)),
    ("2022M02", PeriodKind.MONTH, 2, (2, 1), (2, 28)),
    ("2024M02", PeriodKind.MONTH, 2, (2, 1), (2, 29)),
    ("2022M12", PeriodKind.MONTH, 12, (12, 1), (12, 31)),
    ("2022Q1-Q3", PeriodKind.NINE_MONTHS, 1, (1, 1), (9, 30)),
]


@pytest.mark.parametrize(("identifier", "kind", "index", "first", "last"), IDENTIFIERS)
def test_identifiers_and_calendar_days(
    identifier: str, kind: PeriodKind, index: int, first: tuple[int, int], last: tuple[int, int]
) -> None:
    period = ReportingPeriod.parse(identifier)
    year = int(identifier[:4])
    assert period == ReportingPeriod(kind=kind, year=year, index=index)
    assert str(period) == identifier
    assert period.start == date(year, *first)
    assert period.end == date(year, *last)


def test_named_constructors() -> None:
    assert ReportingPeriod.year_of(2021) == ReportingPeriod.parse("2021")
    assert ReportingPeriod.quarter(2022, 3) == ReportingPeriod.parse("2022Q3")
    assert ReportingPeriod.half(2022, 1) == ReportingPeriod.parse("2022S1")
    assert ReportingPeriod.month(2022, 1) == ReportingPeriod.parse("2022M01")
    assert ReportingPeriod.nine_months(2022) == ReportingPeriod.parse("2022Q1-Q3")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "22",
        "20221",
        "2022Q0",
        "2022Q5",
        "2022q1",
        "2022 Q1",
        " 2022",
        "2022\n",
        "2022S0",
        "2022S3",
        "2022M1",
        "2022M00",
        "2022M13",
        "2022Q1-Q4",
        "2022Q2-Q3",
        "2022-Q1",
        "Quý I/2022",
        "２０２２Q1",
        "٢٠٢٢",
    ],
)
def test_malformed_identifiers_are_refused(text: str) -> None:
    check_invariant(
        lambda: ReportingPeriod.parse(text),
        "ReportingPeriod",
        text,
        "must be an identifier like '2022', '2022S1', '2022Q1', '2022M01' or '2022Q1-Q3'",
    )


def test_parse_refuses_what_is_not_text() -> None:
    check_invariant(
        lambda: ReportingPeriod.parse(2022),  # type: ignore[arg-type]
        "ReportingPeriod",
        2022,
        "must be an identifier like '2022', '2022S1', '2022Q1', '2022M01' or '2022Q1-Q3'",
    )


@pytest.mark.parametrize(
    ("kind", "per_year"),
    [
        (PeriodKind.YEAR, 1),
        (PeriodKind.HALF, 2),
        (PeriodKind.QUARTER, 4),
        (PeriodKind.MONTH, 12),
        (PeriodKind.NINE_MONTHS, 1),
    ],
)
def test_index_boundaries_of_every_kind(kind: PeriodKind, per_year: int) -> None:
    assert kind.per_year == per_year
    assert ReportingPeriod(kind=kind, year=2022, index=1).index == 1
    assert ReportingPeriod(kind=kind, year=2022, index=per_year).index == per_year
    for index in (0, per_year + 1):
        check_invariant(
            lambda index=index: ReportingPeriod(kind=kind, year=2022, index=index),  # type: ignore[misc]
            "ReportingPeriod.index",
            index,
            f"must be between 1 and {per_year} for a {kind.value} period",
        )


@pytest.mark.parametrize(("year", "valid"), [(1899, False), (1900, True), (2200, True), (2201, False)])
def test_year_boundaries(year: int, valid: bool) -> None:
    if valid:
        assert ReportingPeriod.year_of(year).year == year
    else:
        check_invariant(
            lambda: ReportingPeriod.year_of(year), "ReportingPeriod.year", year, "must be a year between 1900 and 2200"
        )


@given(reporting_periods())
def test_identifier_round_trip(period: ReportingPeriod) -> None:
    assert ReportingPeriod.parse(str(period)) == period


@given(reporting_periods())
def test_a_period_is_whole_months(period: ReportingPeriod) -> None:
    months = {
        PeriodKind.YEAR: 12,
        PeriodKind.HALF: 6,
        PeriodKind.QUARTER: 3,
        PeriodKind.MONTH: 1,
        PeriodKind.NINE_MONTHS: 9,
    }[period.kind]
    assert period.start == date(period.year, period.first_month, 1)
    assert period.last_month - period.first_month + 1 == months
    assert period.end == date(period.year, period.last_month, calendar.monthrange(period.year, period.last_month)[1])


@given(reporting_periods())
def test_membership_boundaries(period: ReportingPeriod) -> None:
    assert period.start in period
    assert period.end in period
    assert period.start - timedelta(days=1) not in period
    assert period.end + timedelta(days=1) not in period


def test_membership_of_moments_and_other_values() -> None:
    quarter = ReportingPeriod.parse("2022Q1")
    vietnam = timezone(timedelta(hours=7))
    assert datetime(2022, 3, 31, 23, 59, tzinfo=vietnam) in quarter
    assert datetime(2022, 4, 1, 0, 0, tzinfo=vietnam) not in quarter
    assert "2022-02-01" not in quarter
    assert None not in quarter


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_day_lies_in_exactly_one_quarter_month_and_half(day: date) -> None:
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF):
        containing = [
            index
            for index in range(1, kind.per_year + 1)
            if day in ReportingPeriod(kind=kind, year=day.year, index=index)
        ]
        assert len(containing) == 1
    assert day in ReportingPeriod.year_of(day.year)
    assert (day in ReportingPeriod.nine_months(day.year)) == (day.month <= 9)
