"""Reporting schedules: the PAR reporting set and the differences of a plan's reporting lines."""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parplan import (
    CutoffRule,
    DataWindow,
    DifferenceKind,
    DueAfterCutoff,
    DueOnDay,
    InvariantError,
    PeriodKind,
    ReportingLine,
    ReportingPeriod,
    ReportingSchedule,
    ScheduleDifference,
    ScheduledReport,
    WorkCalendar,
    load_example,
    parse_period_label,
)
from parplan.schedule import LINE_FIELDS, line_defects, par_periods

years = st.integers(min_value=1901, max_value=2199)

# seed 004's own rule for its annual report: actual data to 30/11, estimated 01/12-14/12, due on 3 December
SEED_004_CUTOFF = {PeriodKind.YEAR: CutoffRule(estimate_from_day=1)}
SEED_004_DUE = {PeriodKind.YEAR: DueOnDay(day=3)}


def line_of(report: ScheduledReport, **changes: object) -> ReportingLine:
    """The reporting line that states ``report`` as it is, with ``changes``."""
    fields = {name: getattr(report, name) for name in LINE_FIELDS}
    return ReportingLine(period=report.period, **{**fields, **changes})


# --- the PAR reporting set -------------------------------------------------------------------


@given(years)
def test_the_par_set_of_a_year(year: int) -> None:
    schedule = ReportingSchedule.for_year(year)
    assert [str(report.period) for report in schedule] == [f"{year}Q1", f"{year}S1", f"{year}Q3", f"{year}"]
    assert len(schedule) == 4
    assert tuple(report.period for report in schedule) == par_periods(year)
    for report in schedule:
        assert report.window == report.period.data_window
        assert report.due == date(year, report.period.last_month, 20)
        assert report.data_from == report.window.start
        assert report.data_to == report.window.end
        assert report.estimate_from is None
        assert report.estimate_to is None
    assert schedule[f"{year}S1"].window == DataWindow(start=date(year - 1, 12, 15), end=date(year, 6, 14))
    assert schedule[f"{year}Q3"].window == DataWindow(start=date(year, 6, 15), end=date(year, 9, 14))


@given(years)
def test_a_schedule_agrees_with_itself(year: int) -> None:
    for schedule in (
        ReportingSchedule.for_year(year),
        ReportingSchedule.for_year(year, cutoff=SEED_004_CUTOFF, due=SEED_004_DUE),
    ):
        assert schedule.compare(schedule) == ()
        assert schedule.compare([line_of(report) for report in schedule]) == ()


def test_rules_per_kind() -> None:
    schedule = ReportingSchedule.for_year(2022, cutoff=SEED_004_CUTOFF, due=SEED_004_DUE)
    annual = schedule["2022"]
    assert (annual.data_from, annual.data_to) == (date(2021, 12, 15), date(2022, 11, 30))
    assert (annual.estimate_from, annual.estimate_to) == (date(2022, 12, 1), date(2022, 12, 14))
    assert annual.due == date(2022, 12, 3)
    assert schedule["2022Q1"] == ReportingSchedule.for_year(2022)["2022Q1"]


def test_one_rule_for_every_report_and_working_day_deadlines() -> None:
    # Khánh Hòa's practice: due two working days after the cut-off
    schedule = ReportingSchedule.of(
        ["2024M01", "2024Q1", ReportingPeriod.half(2024, 1)], due=DueAfterCutoff(working_days=2)
    )
    # 14/01/2024 is a Sunday: Monday 15 and Tuesday 16 are the two days
    assert [report.due for report in schedule] == [date(2024, 1, 16), date(2024, 3, 18), date(2024, 6, 18)]
    six_day_week = WorkCalendar(weekend={6})
    local = ReportingSchedule.of(["2024M01"], due=DueAfterCutoff(working_days=2), calendar=six_day_week)
    assert local["2024M01"].due == date(2024, 1, 16)
    calendar_months = ReportingSchedule.of(
        ["2024M02"], cutoff=CutoffRule(cutoff_day=None), due=DueAfterCutoff(working_days=1)
    )
    assert calendar_months["2024M02"].window == DataWindow(start=date(2024, 2, 1), end=date(2024, 2, 29))
    assert calendar_months["2024M02"].due == date(2024, 3, 1)


def test_schedule_invariants_and_lookups() -> None:
    schedule = ReportingSchedule.for_year(2022)
    assert schedule.get("2022Q2") is None
    assert schedule.get(ReportingPeriod.quarter(2022, 3)) == schedule["2022Q3"]
    with pytest.raises(InvariantError, match="is not scheduled; the schedule has 2022Q1, 2022S1, 2022Q3, 2022"):
        schedule["2022Q2"]
    with pytest.raises(InvariantError, match="must not schedule a period twice"):
        ReportingSchedule(reports=(schedule["2022Q1"], schedule["2022Q1"]))
    with pytest.raises(InvariantError, match="must not fall before the data cut-off 2022-03-14 of 2022Q1"):
        attrs.evolve(schedule["2022Q1"], due=date(2022, 3, 13))
    assert attrs.evolve(schedule["2022Q1"], due=date(2022, 3, 14)).due == date(2022, 3, 14)
    with pytest.raises(InvariantError, match="falls before the data cut-off"):
        ReportingSchedule.for_year(2022, due=DueOnDay(day=3))


# --- seed 004 --------------------------------------------------------------------------------

DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"


def dates_in(text: str) -> list[date]:
    return [date(int(y), int(m), int(d)) for d, m, y in re.findall(DATE, text)]


def seed_004_lines() -> tuple[ReportingLine, ...]:
    return load_example("son-chau-2022").reporting


def test_the_transcribed_lines_say_what_the_seed_text_says() -> None:
    lines = seed_004_lines()
    assert [str(line.period) for line in lines] == ["2022Q1", "2022S1", "2022Q3", "2022"]
    for line in lines:
        assert line.text is not None
        written = dates_in(line.text)
        if line.estimate_from is None:
            assert written == [line.data_from, line.data_to]
        else:
            # "chậm nhất là ngày 03/12/2021 … từ ngày 15/12/2021 đến ngày 30/11/2022 …
            # ước đạt số liệu từ ngày 01/12/2022 đến ngày 14/12/2022"
            assert written == [line.due, line.data_from, line.data_to, line.estimate_from, line.estimate_to]
        assert (
            parse_period_label(line.text.split(":")[0].removeprefix("Báo cáo ").removeprefix("tổng hợp "), locale="vi")
            == line.period
        )


def test_the_seed_lines_are_reproduced_by_the_model() -> None:
    standard = ReportingSchedule.for_year(2022)
    own = ReportingSchedule.for_year(2022, cutoff=SEED_004_CUTOFF, due=SEED_004_DUE)
    q1, half, q3, annual = seed_004_lines()
    for line, report in ((q1, standard["2022Q1"]), (q3, standard["2022Q3"])):
        assert (line.data_from, line.data_to, line.estimate_from, line.estimate_to) == (
            report.data_from,
            report.data_to,
            report.estimate_from,
            report.estimate_to,
        )
    # the six-month line is right but for the year of its start
    assert half.data_to == standard["2022S1"].data_to
    assert half.data_from == standard["2022S1"].data_from.replace(year=2022)
    # the annual line is the issuer's own rule, but for the year of its deadline
    report = own["2022"]
    assert (annual.data_from, annual.data_to, annual.estimate_from, annual.estimate_to) == (
        report.data_from,
        report.data_to,
        report.estimate_from,
        report.estimate_to,
    )
    assert annual.due == report.due.replace(year=2021)


def test_the_two_defects_of_seed_004() -> None:
    own = ReportingSchedule.for_year(2022, cutoff=SEED_004_CUTOFF, due=SEED_004_DUE)
    found = own.compare(seed_004_lines())
    half, year = ReportingPeriod.half(2022, 1), ReportingPeriod.year_of(2022)
    assert found == (
        ScheduleDifference(
            kind=DifferenceKind.START_AFTER_END,
            period=half,
            field="data_from",
            expected=date(2022, 6, 14),
            declared=date(2022, 12, 15),
            index=1,
        ),
        ScheduleDifference(
            kind=DifferenceKind.WRONG_YEAR,
            period=half,
            field="data_from",
            expected=date(2021, 12, 15),
            declared=date(2022, 12, 15),
            index=1,
        ),
        ScheduleDifference(
            kind=DifferenceKind.DUE_BEFORE_CUTOFF,
            period=year,
            field="due",
            expected=date(2022, 11, 30),
            declared=date(2021, 12, 3),
            index=3,
        ),
        ScheduleDifference(
            kind=DifferenceKind.WRONG_YEAR,
            period=year,
            field="due",
            expected=date(2022, 12, 3),
            declared=date(2021, 12, 3),
            index=3,
        ),
    )
    assert [str(difference) for difference in found] == [
        "2022S1 data_from: start_after_end: declared 2022-12-15, expected 2022-06-14",
        "2022S1 data_from: wrong_year: declared 2022-12-15, expected 2021-12-15",
        "2022 due: due_before_cutoff: declared 2021-12-03, expected 2022-11-30",
        "2022 due: wrong_year: declared 2021-12-03, expected 2022-12-03",
    ]


def test_seed_004_against_the_national_regime() -> None:
    found = ReportingSchedule.for_year(2022).compare(seed_004_lines())
    assert [(str(f.period), f.kind.value, f.field) for f in found] == [
        ("2022S1", "start_after_end", "data_from"),
        ("2022S1", "wrong_year", "data_from"),
        ("2022", "due_before_cutoff", "due"),
        ("2022", "different", "data_to"),
        ("2022", "different", "estimate_from"),
        ("2022", "different", "estimate_to"),
        ("2022", "different", "due"),
    ]
    assert found[-1].expected == date(2022, 12, 20)
    assert found[4].expected is None


@given(st.integers(min_value=1950, max_value=2150))
def test_the_same_mistakes_are_found_in_any_year(year: int) -> None:
    own = ReportingSchedule.for_year(year, cutoff=SEED_004_CUTOFF, due=SEED_004_DUE)
    lines = [line_of(report) for report in own]
    lines[1] = attrs.evolve(lines[1], data_from=lines[1].data_from.replace(year=year))  # type: ignore[union-attr]
    lines[3] = attrs.evolve(lines[3], due=lines[3].due.replace(year=year - 1))  # type: ignore[union-attr]
    found = own.compare(lines)
    assert [(f.kind, f.index, f.field) for f in found] == [
        (DifferenceKind.START_AFTER_END, 1, "data_from"),
        (DifferenceKind.WRONG_YEAR, 1, "data_from"),
        (DifferenceKind.DUE_BEFORE_CUTOFF, 3, "due"),
        (DifferenceKind.WRONG_YEAR, 3, "due"),
    ]


# --- other differences -----------------------------------------------------------------------


def test_missing_unexpected_and_duplicate_reports() -> None:
    schedule = ReportingSchedule.for_year(2022)
    q1 = line_of(schedule["2022Q1"])
    q2 = ReportingLine(period=ReportingPeriod.quarter(2022, 2), data_from=date(2022, 3, 15))
    found = schedule.compare([q1, q2, q1])
    assert [(f.kind, str(f.period), f.index) for f in found] == [
        (DifferenceKind.UNEXPECTED, "2022Q2", 1),
        (DifferenceKind.DUPLICATE, "2022Q1", 2),
        (DifferenceKind.MISSING, "2022S1", None),
        (DifferenceKind.MISSING, "2022Q3", None),
        (DifferenceKind.MISSING, "2022", None),
    ]
    assert str(found[0]) == "2022Q2: unexpected"


def test_lines_that_state_only_some_dates() -> None:
    schedule = ReportingSchedule.for_year(2023)
    lines = [ReportingLine(period=report.period) for report in schedule]
    assert schedule.compare(lines) == ()
    late = [ReportingLine(period=ReportingPeriod.quarter(2023, 1), due=date(2023, 3, 25))]
    assert [(f.kind, f.expected, f.declared) for f in schedule.compare(late)[:1]] == [
        (DifferenceKind.DIFFERENT, date(2023, 3, 20), date(2023, 3, 25))
    ]


@pytest.mark.parametrize(
    ("data_to", "estimate_from", "estimate_to", "kinds"),
    [
        (date(2022, 11, 30), date(2022, 12, 1), date(2022, 12, 14), []),
        (date(2022, 11, 30), date(2022, 12, 2), date(2022, 12, 14), [DifferenceKind.TAIL_NOT_ADJACENT]),
        (date(2022, 11, 30), date(2022, 11, 30), date(2022, 12, 14), [DifferenceKind.TAIL_NOT_ADJACENT]),
        (
            date(2022, 11, 30),
            date(2022, 12, 14),
            date(2022, 12, 1),
            [DifferenceKind.START_AFTER_END, DifferenceKind.TAIL_NOT_ADJACENT],
        ),
    ],
)
def test_estimated_tails_on_their_own(
    data_to: date, estimate_from: date, estimate_to: date, kinds: list[DifferenceKind]
) -> None:
    line = ReportingLine(
        period=ReportingPeriod.year_of(2022),
        data_from=date(2021, 12, 15),
        data_to=data_to,
        estimate_from=estimate_from,
        estimate_to=estimate_to,
    )
    assert [f.kind for f in line_defects(line)] == kinds


@pytest.mark.parametrize(
    ("due", "defect"),
    [(date(2022, 3, 13), True), (date(2022, 3, 14), False), (date(2022, 3, 15), False)],
)
def test_a_deadline_before_the_cutoff(due: date, defect: bool) -> None:
    line = ReportingLine(
        period=ReportingPeriod.quarter(2022, 1), data_from=date(2021, 12, 15), data_to=date(2022, 3, 14), due=due
    )
    assert [f.kind for f in line_defects(line, 7)] == ([DifferenceKind.DUE_BEFORE_CUTOFF] if defect else [])
    if defect:
        assert line_defects(line, 7)[0].index == 7


@example(2022, 365)
@example(2023, 366)
@given(years, st.integers(min_value=1, max_value=400))
def test_a_shifted_date_is_different_and_a_shifted_year_is_wrong_year(year: int, shift: int) -> None:
    schedule = ReportingSchedule.for_year(year)
    report = schedule[f"{year}Q3"]
    moved = line_of(report, data_to=report.data_to + timedelta(days=shift))
    found = schedule.compare([line_of(r) if r is not report else moved for r in schedule])
    shifted = report.data_to + timedelta(days=shift)
    wrong_year = (shifted.month, shifted.day) == (report.data_to.month, report.data_to.day)
    assert [f.kind for f in found if f.field == "data_to"] == [
        DifferenceKind.WRONG_YEAR if wrong_year else DifferenceKind.DIFFERENT
    ]
