"""Reports on time: the deadline (moved off days off), late by working days, missing, not yet due, no date."""

from __future__ import annotations

from datetime import date

from parplan import ReportingLine, ReportingPeriod, Timeliness, WorkCalendar, evaluate
from progress.support import plan, report, task

CALENDAR = WorkCalendar()


def _rows(reports: list[object], as_of: date, **plan_options: object) -> dict[str, tuple[Timeliness, date, int | None]]:
    status = evaluate(plan([task("t1")], **plan_options), reports, as_of=as_of)  # type: ignore[arg-type]
    return {str(row.period): (row.state, row.due, row.days_late) for row in status.reports}


def test_the_deadline_is_the_20th_moved_off_a_weekend() -> None:
    assert not CALENDAR.is_working_day(date(2026, 6, 20))  # a Saturday
    rows = _rows([report("2026Q2", submitted_on=date(2026, 6, 22))], date(2026, 7, 1))
    assert rows["2026Q2"] == (Timeliness.ON_TIME, date(2026, 6, 22), None)


def test_on_the_deadline_is_on_time_and_a_working_day_later_is_late_by_one() -> None:
    assert (
        _rows([report("2026Q1", submitted_on=date(2026, 3, 20))], date(2026, 4, 1))["2026Q1"][0] is Timeliness.ON_TIME
    )
    late = _rows([report("2026Q1", submitted_on=date(2026, 3, 23))], date(2026, 4, 1))["2026Q1"]  # Friday, then Monday
    assert late == (Timeliness.LATE, date(2026, 3, 20), 1)


def test_missing_once_the_deadline_has_passed_not_yet_due_before() -> None:
    assert _rows([], date(2026, 3, 20))["2026Q1"][0] is Timeliness.NOT_YET_DUE
    assert _rows([], date(2026, 3, 21))["2026Q1"][0] is Timeliness.MISSING


def test_a_report_with_no_day_of_submission_is_received_on_an_unknown_day() -> None:
    rows = _rows([report("2026Q1")], date(2026, 4, 1))
    assert rows["2026Q1"][0] is Timeliness.NO_DATE


def test_the_plans_own_deadline_counts() -> None:
    lines = [ReportingLine(period=ReportingPeriod.quarter(2026, 1), due=date(2026, 3, 17))]
    rows = _rows([report("2026Q1", submitted_on=date(2026, 3, 18))], date(2026, 4, 1), reporting=lines)
    assert rows == {"2026Q1": (Timeliness.LATE, date(2026, 3, 17), 1)}


def test_without_reporting_lines_the_par_reporting_set_is_expected() -> None:
    rows = _rows([], date(2026, 1, 5), reporting=[])
    assert list(rows) == ["2026Q1", "2026S1", "2026Q3", "2026"]


def test_a_report_the_schedule_does_not_ask_for_is_listed_as_unexpected() -> None:
    status = evaluate(plan([task("t1")]), [report("2026M01", submitted_on=date(2026, 1, 16))], as_of=date(2026, 2, 1))
    extra = [row for row in status.reports if not row.expected]
    assert [(str(row.period), row.state, row.report) for row in extra] == [("2026M01", Timeliness.ON_TIME, 0)]


def test_the_first_report_of_a_period_counts_and_a_repeat_is_unexpected() -> None:
    reports = [report("2026Q1", submitted_on=date(2026, 3, 25)), report("2026Q1", submitted_on=date(2026, 3, 19))]
    status = evaluate(plan([task("t1")]), reports, as_of=date(2026, 4, 1))
    q1 = [row for row in status.reports if str(row.period) == "2026Q1"]
    assert [(row.expected, row.report, row.state) for row in q1] == [
        (True, 1, Timeliness.ON_TIME),
        (False, 0, Timeliness.LATE),
    ]
