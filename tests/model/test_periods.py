"""Reporting periods: data cut-off windows, due dates and labels in Vietnamese and English."""

from __future__ import annotations

import ast
import csv
import inspect
import itertools
import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import (
    CutoffRule,
    DataWindow,
    DateRange,
    DayOff,
    DueAfterCutoff,
    DueOnDay,
    InvariantError,
    ParseError,
    PeriodKind,
    ReportingPeriod,
    WorkCalendar,
)
from parplan.calendar import official_calendar
from parplan.periods import CALENDAR_CUTOFF, STANDARD_CUTOFF
from parplan.text import parse_period_label
from parplan.text.normalize import fold
from strategies import reporting_periods

CASES = Path(__file__).parent.parent / "cases"


def read_cases(name: str) -> list[dict[str, str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def d(text: str) -> date:
    """A date written as documents write it: 15/12/2021."""
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


years = st.integers(min_value=1901, max_value=2199)
cutoff_days = st.integers(min_value=1, max_value=28)


# --- windows by the 15th-to-14th rule ----------------------------------------------------

# DOMAIN.md 5.1 and 5.2 (Công văn 581/BNV-CCHC, seed 004), for the reporting year 2022
WINDOWS_2022 = [
    ("2022M01", "15/12/2021", "14/01/2022"),
    ("2022M03", "15/02/2022", "14/03/2022"),
    ("2022M12", "15/11/2022", "14/12/2022"),
    ("2022Q1", "15/12/2021", "14/03/2022"),
    ("2022Q2", "15/03/2022", "14/06/2022"),
    ("2022Q3", "15/06/2022", "14/09/2022"),
    ("2022Q4", "15/09/2022", "14/12/2022"),
    ("2022S1", "15/12/2021", "14/06/2022"),
    ("2022S2", "15/06/2022", "14/12/2022"),
    ("2022Q1-Q3", "15/12/2021", "14/09/2022"),
    ("2022", "15/12/2021", "14/12/2022"),
]


@pytest.mark.parametrize(("identifier", "start", "end"), WINDOWS_2022)
def test_windows_of_2022(identifier: str, start: str, end: str) -> None:
    window = ReportingPeriod.parse(identifier).data_window
    assert (window.start, window.end) == (d(start), d(end))
    assert window.estimate_from is None
    assert window.cutoff == window.end
    assert window.estimated is None
    assert window.actual == window.range == DateRange(start=d(start), end=d(end))


@pytest.mark.parametrize("year", [1901, 1999, 2000, 2020, 2024, 2025, 2100, 2199])
def test_windows_of_other_years(year: int) -> None:
    assert ReportingPeriod.quarter(year, 1).data_window.start == date(year - 1, 12, 15)
    assert ReportingPeriod.half(year, 2).data_window.start == date(year, 6, 15)
    assert ReportingPeriod.month(year, 3).data_window == DataWindow(start=date(year, 2, 15), end=date(year, 3, 14))
    assert ReportingPeriod.year_of(year).data_window.days == (date(year, 12, 14) - date(year - 1, 12, 14)).days


@given(years, cutoff_days)
def test_quarters_tile_the_year(year: int, cut: int) -> None:
    rule = CutoffRule(cutoff_day=cut)
    quarters = [ReportingPeriod.quarter(year, q).window(rule) for q in range(1, 5)]
    whole = ReportingPeriod.year_of(year).window(rule)
    assert quarters[0].start == whole.start == date(year - 1, 12, cut) + timedelta(days=1)
    assert quarters[-1].end == whole.end == date(year, 12, cut)
    for before, after in itertools.pairwise(quarters):
        assert after.start == before.end + timedelta(days=1)
        assert not before.range.overlaps(after.range)
    assert sum(window.days for window in quarters) == whole.days


@given(years, cutoff_days | st.none())
def test_months_halves_and_nine_months_are_unions_of_their_parts(year: int, cut: int | None) -> None:
    rule = CutoffRule(cutoff_day=cut)
    months = [ReportingPeriod.month(year, m).window(rule) for m in range(1, 13)]
    for before, after in itertools.pairwise(months):
        assert after.start == before.end + timedelta(days=1)
    quarter = [ReportingPeriod.quarter(year, q).window(rule) for q in range(1, 5)]
    half = [ReportingPeriod.half(year, h).window(rule) for h in (1, 2)]
    nine = ReportingPeriod.nine_months(year).window(rule)
    whole = ReportingPeriod.year_of(year).window(rule)
    for q in range(4):
        assert (quarter[q].start, quarter[q].end) == (months[3 * q].start, months[3 * q + 2].end)
    assert (half[0].start, half[0].end) == (quarter[0].start, quarter[1].end)
    assert (half[1].start, half[1].end) == (quarter[2].start, quarter[3].end)
    assert (nine.start, nine.end) == (quarter[0].start, quarter[2].end)
    assert (whole.start, whole.end) == (months[0].start, months[-1].end)
    assert sum(window.days for window in months) == whole.days


@given(years)
def test_consecutive_years_tile(year: int) -> None:
    this, following = ReportingPeriod.year_of(year).data_window, ReportingPeriod.year_of(year + 1).data_window
    assert following.start == this.end + timedelta(days=1)


@given(reporting_periods())
def test_calendar_cutoff_gives_the_calendar_period(period: ReportingPeriod) -> None:
    window = period.window(CALENDAR_CUTOFF)
    assert (window.start, window.end) == (period.start, period.end)


@given(reporting_periods())
def test_a_window_runs_from_the_15th_before_the_period_to_the_14th_of_its_last_month(period: ReportingPeriod) -> None:
    window = period.data_window
    month_before = period.start - timedelta(days=1)
    assert window.start == month_before.replace(day=15)
    assert window.end == period.end.replace(day=14)
    assert window.end in period
    assert window.start not in period


def test_an_estimated_tail() -> None:
    # seed 004: actual data 15/12/2021-30/11/2022, estimated 01/12-14/12/2022
    window = ReportingPeriod.year_of(2022).window(CutoffRule(estimate_from_day=1))
    assert window == DataWindow(start=d("15/12/2021"), end=d("14/12/2022"), estimate_from=d("01/12/2022"))
    assert window.cutoff == d("30/11/2022")
    assert window.actual == DateRange(start=d("15/12/2021"), end=d("30/11/2022"))
    assert window.estimated == DateRange(start=d("01/12/2022"), end=d("14/12/2022"))
    assert str(window) == "2021-12-15/2022-12-14 (estimated from 2022-12-01)"
    # February has no 30th: a tail from day 10 of a monthly window
    march = ReportingPeriod.month(2023, 3).window(CutoffRule(estimate_from_day=10))
    assert (march.cutoff, march.estimated) == (d("09/03/2023"), DateRange(start=d("10/03/2023"), end=d("14/03/2023")))


def leaves_no_actual_data(period: ReportingPeriod, cut: int | None, tail: int) -> bool:
    """Whether a tail from day ``tail`` of the last month starts on or before the window's first day."""
    start = period.start if cut is None else (period.start - timedelta(days=1)).replace(day=cut) + timedelta(days=1)
    return date(period.year, period.last_month, tail) <= start


@given(reporting_periods(), cutoff_days, cutoff_days)
def test_a_tail_splits_the_window_without_gap(period: ReportingPeriod, cut: int, tail: int) -> None:
    if tail > cut:
        with pytest.raises(InvariantError, match="must not be after the cut-off day"):
            CutoffRule(cutoff_day=cut, estimate_from_day=tail)
        return
    rule = CutoffRule(cutoff_day=cut, estimate_from_day=tail)
    if leaves_no_actual_data(period, cut, tail):
        # e.g. March 1900 cut on the 28th starts on 1 March: a tail from the 1st leaves nothing actual
        with pytest.raises(InvariantError, match="leaves no actual data"):
            period.window(rule)
        return
    window = period.window(rule)
    estimated = window.estimated
    assert estimated is not None
    assert window.actual.start == window.start
    assert estimated.start == window.actual.end + timedelta(days=1)
    assert estimated.end == window.end
    assert window.actual.days + estimated.days == window.days


def test_a_tail_must_leave_actual_data() -> None:
    with pytest.raises(InvariantError, match="leaves no actual data in the window of 2022M03"):
        ReportingPeriod.month(2022, 3).window(CutoffRule(cutoff_day=None, estimate_from_day=1))
    assert ReportingPeriod.month(2022, 3).window(CutoffRule(cutoff_day=None, estimate_from_day=2)).cutoff == d(
        "01/03/2022"
    )


@pytest.mark.parametrize(("cut", "valid"), [(0, False), (1, True), (14, True), (28, True), (29, False), (None, True)])
def test_cutoff_day_bounds(cut: int | None, valid: bool) -> None:
    if valid:
        assert CutoffRule(cutoff_day=cut).cutoff_day == cut
    else:
        with pytest.raises(InvariantError, match="between 1 and 28"):
            CutoffRule(cutoff_day=cut)
    assert CutoffRule(cutoff_day=14, estimate_from_day=14).estimate_from_day == 14
    with pytest.raises(InvariantError, match="must not be after the cut-off day 14"):
        CutoffRule(cutoff_day=14, estimate_from_day=15)


def test_ranges_and_windows_hold_their_invariants() -> None:
    day = d("14/03/2022")
    assert DateRange(start=day, end=day).days == 1
    assert list(DateRange(start=day, end=day + timedelta(days=2)).dates()) == [
        day,
        day + timedelta(days=1),
        day + timedelta(days=2),
    ]
    with pytest.raises(InvariantError, match="must not be after the end 2022-03-13"):
        DateRange(start=day, end=day - timedelta(days=1))
    with pytest.raises(InvariantError, match="must not be after the end"):
        DataWindow(start=day, end=day - timedelta(days=1))
    start, end = d("15/12/2021"), d("14/12/2022")
    for tail, valid in [
        (start, False),
        (start + timedelta(days=1), True),
        (end, True),
        (end + timedelta(days=1), False),
    ]:
        if valid:
            assert DataWindow(start=start, end=end, estimate_from=tail).estimate_from == tail
        else:
            with pytest.raises(InvariantError, match="must fall after the start"):
                DataWindow(start=start, end=end, estimate_from=tail)
    window = DataWindow(start=start, end=end)
    assert d("01/01/2022") in window
    assert datetime(2022, 12, 14, 23, 59) in window  # noqa: DTZ001 - a naive moment on the last day
    assert "2022-01-01" not in window
    assert d("15/12/2022") not in window.range
    assert str(window.range) == "2021-12-15/2022-12-14"
    assert window.range.overlaps(DateRange(start=end, end=end + timedelta(days=3)))
    assert not window.range.overlaps(DateRange(start=end + timedelta(days=1), end=end + timedelta(days=3)))


# --- due dates -----------------------------------------------------------------------------


@given(reporting_periods())
def test_due_by_default_is_the_20th_of_the_last_month(period: ReportingPeriod) -> None:
    assert period.due == date(period.year, period.last_month, 20)
    assert period.due >= period.data_window.end


@given(
    reporting_periods(),
    cutoff_days | st.none(),
    st.none() | cutoff_days,
    st.integers(min_value=1, max_value=31),
)
def test_due_is_never_before_the_window_end_unless_a_tail_is_declared(
    period: ReportingPeriod, cut: int | None, tail: int | None, due_day: int
) -> None:
    if tail is not None and cut is not None and tail > cut:
        return
    rule = CutoffRule(cutoff_day=cut, estimate_from_day=tail)
    if tail is not None and leaves_no_actual_data(period, cut, tail):
        with pytest.raises(InvariantError, match="leaves no actual data"):
            period.window(rule)
        return
    window = period.window(rule)
    policy = DueOnDay(day=due_day)
    if policy.due(period, window) < window.cutoff:
        with pytest.raises(InvariantError, match="falls before the data cut-off"):
            period.due_date(policy, cutoff=rule)
        return
    due = period.due_date(policy, cutoff=rule)
    if window.estimate_from is None:
        assert due >= window.end
    else:
        assert due >= window.cutoff


def test_a_due_day_before_the_cutoff_is_refused() -> None:
    period = ReportingPeriod.year_of(2022)
    with pytest.raises(InvariantError, match="falls before the data cut-off 2022-12-14 of 2022"):
        period.due_date(DueOnDay(day=3))
    assert period.due_date(DueOnDay(day=14)) == d("14/12/2022")
    # seed 004's annual rule: estimated from 1 December, due on 3 December
    assert period.due_date(DueOnDay(day=3), cutoff=CutoffRule(estimate_from_day=1)) == d("03/12/2022")
    # a tail from the 4th leaves the 3rd as the cut-off (allowed); from the 5th, the 4th (too late)
    assert period.due_date(DueOnDay(day=3), cutoff=CutoffRule(estimate_from_day=4)) == d("03/12/2022")
    with pytest.raises(InvariantError, match="falls before the data cut-off 2022-12-04"):
        period.due_date(DueOnDay(day=3), cutoff=CutoffRule(estimate_from_day=5))


def test_due_day_beyond_the_month_is_its_last_day() -> None:
    assert ReportingPeriod.month(2022, 2).due_date(DueOnDay(day=31)) == d("28/02/2022")
    assert ReportingPeriod.month(2024, 2).due_date(DueOnDay(day=30)) == d("29/02/2024")
    assert ReportingPeriod.quarter(2022, 2).due_date(DueOnDay(day=31)) == d("30/06/2022")
    for day in (0, 32):
        with pytest.raises(InvariantError, match="between 1 and 31"):
            DueOnDay(day=day)


def test_due_in_working_days_after_the_cutoff() -> None:
    # Q1 2022 closes on Monday 14/03: two working days later is Wednesday 16/03
    assert ReportingPeriod.quarter(2022, 1).due_date(DueAfterCutoff(working_days=2)) == d("16/03/2022")
    # the first half of 2024 closes on Friday 14/06: Tuesday 18/06
    assert ReportingPeriod.half(2024, 1).due_date(DueAfterCutoff(working_days=2)) == d("18/06/2024")
    # a calendar with Monday 17/06 off moves it on
    local = WorkCalendar().with_days_off(DayOff(day=d("17/06/2024"), vi="Ngày nghỉ của địa phương"))
    assert ReportingPeriod.half(2024, 1).due_date(DueAfterCutoff(working_days=2), calendar=local) == d("19/06/2024")
    with pytest.raises(InvariantError, match="at least 1"):
        DueAfterCutoff(working_days=0)


@given(reporting_periods().filter(lambda p: 2014 <= p.year <= 2097), st.integers(min_value=1, max_value=20))
def test_due_in_working_days_counts_from_the_actual_cutoff(period: ReportingPeriod, count: int) -> None:
    calendar = official_calendar()
    for rule in (STANDARD_CUTOFF, CutoffRule(estimate_from_day=1)):
        due = period.due_date(DueAfterCutoff(working_days=count), cutoff=rule, calendar=calendar)
        cutoff = period.window(rule).cutoff
        assert calendar.is_working_day(due)
        assert calendar.working_days_between(cutoff, due) == count


# --- labels --------------------------------------------------------------------------------

LABELS = [
    ("2022", "Năm 2022", "Year 2022"),
    ("2022S1", "6 tháng đầu năm 2022", "First half of 2022"),
    ("2022S2", "6 tháng cuối năm 2022", "Second half of 2022"),
    ("2022Q1", "Quý I/2022", "Q1 2022"),
    ("2022Q2", "Quý II/2022", "Q2 2022"),
    ("2022Q3", "Quý III/2022", "Q3 2022"),
    ("2022Q4", "Quý IV/2022", "Q4 2022"),
    ("2022M01", "Tháng 01/2022", "January 2022"),
    ("2022M09", "Tháng 09/2022", "September 2022"),
    ("2022Q1-Q3", "9 tháng năm 2022", "Nine months of 2022"),
]


@pytest.mark.parametrize(("identifier", "vi", "en"), LABELS)
def test_labels(identifier: str, vi: str, en: str) -> None:
    period = ReportingPeriod.parse(identifier)
    assert period.label("vi") == vi
    assert period.label("en") == en
    assert unicodedata.is_normalized("NFC", period.label("vi"))


@pytest.mark.parametrize("row", read_cases("period_labels.csv"), ids=lambda row: row["text"])
def test_label_corpus(row: dict[str, str]) -> None:
    expected = ReportingPeriod.parse(row["period"])
    assert parse_period_label(row["text"], locale=row["locale"]) == expected
    assert parse_period_label(fold(row["text"]), locale=row["locale"]) == expected


@pytest.mark.parametrize("row", read_cases("period_label_errors.csv"), ids=lambda row: row["text"])
def test_label_errors(row: dict[str, str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_period_label(row["text"], locale=row["locale"])
    error = caught.value
    assert error.text == row["text"]
    assert error.position == int(row["position"])
    assert error.expected.startswith(row["expected"])
    assert str(error).startswith(f"cannot read {row['text']!r} at position {row['position']}: expected ")


def variants(label: str) -> list[str]:
    return [
        label,
        label.upper(),
        label.lower(),
        fold(label),
        unicodedata.normalize("NFD", label),
        "  " + label.replace(" ", "   ") + "\t",
    ]


@given(reporting_periods(), st.sampled_from(["vi", "en"]))
def test_labels_round_trip(period: ReportingPeriod, locale: str) -> None:
    for text in variants(period.label(locale)):
        assert parse_period_label(text, locale=locale) == period


def test_error_text_is_the_label_with_spaces_collapsed() -> None:
    with pytest.raises(ParseError) as caught:
        parse_period_label("  Quý   V/2022 ", locale="vi")
    assert (caught.value.text, caught.value.position) == ("Quý V/2022", 4)
    with pytest.raises(ParseError, match="a period label as text"):
        parse_period_label(2022, locale="vi")  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", ["fr", "vie", "zh_VN", ""])
def test_unknown_locales_are_refused(locale: str) -> None:
    period = ReportingPeriod.quarter(2022, 1)
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'"):
        period.label(locale)
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'"):
        parse_period_label("Quý I/2022", locale=locale)


def test_whole_year_words_are_the_timeframe_readers_words() -> None:
    # One table of period words: "trọn năm" was read in deadlines only, now in labels too.
    assert parse_period_label("Trọn năm 2022", locale="vi") == ReportingPeriod.year_of(2022)
    assert parse_period_label("Cả năm 2022", locale="vi") == ReportingPeriod.year_of(2022)


def test_label_locale_may_carry_a_region() -> None:
    assert parse_period_label("Quý II/2022", locale="vi_VN") == ReportingPeriod.quarter(2022, 2)
    assert parse_period_label("Q2 2022", locale="en-GB") == ReportingPeriod.quarter(2022, 2)


def test_parse_label_is_deprecated_and_reads_the_same() -> None:
    message = "ReportingPeriod.parse_label moved to parplan.text.parse_period_label; it will be removed in 0.3"
    with pytest.warns(DeprecationWarning, match=re.escape(message)):
        assert ReportingPeriod.parse_label("Quý I/2022", locale="vi") == ReportingPeriod.quarter(2022, 1)
    with pytest.warns(DeprecationWarning, match="parse_period_label"), pytest.raises(ParseError) as caught:
        ReportingPeriod.parse_label("Quý V/2022", locale="vi")
    assert (caught.value.position, caught.value.expected) == (4, "a quarter number, I to IV")
    refused = pytest.raises(InvariantError, match="must be 'vi' or 'en'")
    with pytest.warns(DeprecationWarning, match="parse_period_label"), refused:
        ReportingPeriod.parse_label("Quý I/2022", locale="fr")


def test_the_model_imports_the_text_layer_only_in_its_deprecated_wrapper() -> None:
    tree = ast.parse(Path(inspect.getfile(ReportingPeriod)).read_text(encoding="utf-8"))
    text_imports = [
        node
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parplan.text"))
        or (isinstance(node, ast.Import) and any(alias.name.startswith("parplan.text") for alias in node.names))
    ]
    [wrapper] = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == "parse_label"]
    inside = set(ast.walk(wrapper))
    assert text_imports
    assert all(node in inside for node in text_imports)


@given(reporting_periods())
def test_identifiers_still_round_trip(period: ReportingPeriod) -> None:
    assert ReportingPeriod.parse(str(period)) == period


def test_kind_names_are_unchanged() -> None:
    assert [kind.value for kind in PeriodKind] == ["year", "half", "quarter", "month", "nine_months"]
