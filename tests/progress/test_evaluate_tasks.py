"""Task states: every state, and the boundaries (a deadline today, the last day of a window, a holiday)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

import parplan
from parplan import (
    DUE_SOON_WORKING_DAYS,
    Before,
    DataWindow,
    DayOff,
    Frequency,
    OnEvent,
    Recurring,
    ReportingPeriod,
    TaskState,
    TaskStatus,
    Within,
    WithinWorkingDays,
    WorkCalendar,
    evaluate,
)
from progress.support import led, plan, report, task, update

CALENDAR = WorkCalendar()
S = TaskStatus
# 2026 facts of the official calendar, checked here so that the tests below rest on them.
LABOUR_DAY_MONDAY = date(2026, 5, 4)  # 30 April (Thu) and 1 May (Fri) are holidays, then a weekend


def test_the_calendar_facts_the_tests_rest_on() -> None:
    assert not CALENDAR.is_working_day(date(2026, 4, 30))
    assert not CALENDAR.is_working_day(date(2026, 5, 1))
    assert CALENDAR.roll_forward(date(2026, 4, 30)) == LABOUR_DAY_MONDAY
    assert CALENDAR.is_working_day(date(2026, 9, 14))
    assert CALENDAR.is_working_day(date(2026, 3, 31))


def _row(tasks: Any, reports: Any, as_of: date, **options: Any) -> parplan.TaskProgress:
    status = evaluate(plan(tasks), reports, as_of=as_of, **options)
    assert len(status.tasks) == 1
    return status.tasks[0]


BY_MARCH_31 = Before(day=date(2026, 3, 31))
BY_APRIL_30 = Before(day=date(2026, 4, 30))
BY_SEPTEMBER_14 = Before(day=date(2026, 9, 14))


# --- no news ---------------------------------------------------------------------------


def test_a_task_no_report_mentions_has_no_information() -> None:
    row = _row([task("t1", BY_MARCH_31)], [report("2026Q1", submitted_on=date(2026, 3, 18))], date(2026, 12, 1))
    assert row.state is TaskState.NO_INFORMATION
    assert row.update is None
    assert row.reported is None
    assert row.deadline == date(2026, 3, 31)


def test_a_report_submitted_after_the_day_is_not_known_yet() -> None:
    late = report("2026Q1", [update("t1", S.DONE, date(2026, 3, 2))], submitted_on=date(2026, 3, 20))
    assert _row([task("t1", BY_MARCH_31)], [late], date(2026, 3, 19)).state is TaskState.NO_INFORMATION
    assert _row([task("t1", BY_MARCH_31)], [late], date(2026, 3, 20)).state is TaskState.DONE


def test_a_report_without_a_submission_day_is_known_once_its_window_has_closed() -> None:
    undated = report("2026Q1", [update("t1", S.DONE, date(2026, 3, 2))])  # window 15/12/2025-14/3/2026
    assert _row([task("t1", BY_MARCH_31)], [undated], date(2026, 3, 13)).state is TaskState.NO_INFORMATION
    assert _row([task("t1", BY_MARCH_31)], [undated], date(2026, 3, 14)).state is TaskState.DONE


# --- done ------------------------------------------------------------------------------


def test_done_by_the_deadline_is_done() -> None:
    row = _row(
        [task("t1", BY_MARCH_31)], [report("2026Q2", [update("t1", S.DONE, date(2026, 3, 31))])], date(2026, 7, 1)
    )
    assert (row.state, row.days_late, row.done_on) == (TaskState.DONE, None, date(2026, 3, 31))


def test_done_the_day_after_the_deadline_is_done_late_by_one_working_day() -> None:
    row = _row(
        [task("t1", BY_MARCH_31)], [report("2026Q2", [update("t1", S.DONE, date(2026, 4, 1))])], date(2026, 7, 1)
    )
    assert (row.state, row.days_late) == (TaskState.DONE_LATE, 1)


def test_a_deadline_on_a_holiday_runs_to_the_next_working_day() -> None:
    on_monday = report("2026Q2", [update("t1", S.DONE, LABOUR_DAY_MONDAY)])
    row = _row([task("t1", BY_APRIL_30)], [on_monday], date(2026, 7, 1))
    assert row.deadline == LABOUR_DAY_MONDAY
    assert row.state is TaskState.DONE
    on_tuesday = report("2026Q2", [update("t1", S.DONE, date(2026, 5, 5))])
    row = _row([task("t1", BY_APRIL_30)], [on_tuesday], date(2026, 7, 1))
    assert (row.state, row.days_late) == (TaskState.DONE_LATE, 1)


def test_a_calendar_with_a_local_day_off_moves_the_deadline_further() -> None:
    local = CALENDAR.with_days_off(DayOff(day=LABOUR_DAY_MONDAY, vi="Nghỉ theo quyết định của tỉnh"))
    row = _row(
        [task("t1", BY_APRIL_30)],
        [report("2026Q2", [update("t1", S.DONE, date(2026, 5, 5))])],
        date(2026, 7, 1),
        calendar=local,
    )
    assert (row.deadline, row.state) == (date(2026, 5, 5), TaskState.DONE)


def test_done_late_as_reported_stays_done_late() -> None:
    row = _row(
        [task("t1", BY_MARCH_31)], [report("2026Q2", [update("t1", S.DONE_LATE, date(2026, 3, 1))])], date(2026, 7, 1)
    )
    assert (row.state, row.days_late) == (TaskState.DONE_LATE, None)


def test_done_without_a_day_is_done_as_the_office_says() -> None:
    row = _row([task("t1", BY_MARCH_31)], [report("2026Q2", [update("t1", S.DONE)])], date(2026, 7, 1))
    assert (row.state, row.done_on) == (TaskState.DONE, None)


def test_a_task_with_no_deadline_done_is_done() -> None:
    waiting = OnEvent(event="Khi có hướng dẫn của tỉnh")
    row = _row([task("t1", waiting)], [report("2026Q2", [update("t1", S.DONE, date(2026, 6, 1))])], date(2026, 7, 1))
    assert (row.state, row.deadline) == (TaskState.DONE, None)


# --- not done: overdue, due soon, on track -----------------------------------------------


def _q3(status: TaskStatus, submitted: date = date(2026, 9, 15)) -> parplan.ProgressReport:
    """The third quarter's report: its window ends on 14 September, a working day."""
    return report("2026Q3", [update("t1", status)], submitted_on=submitted)


def test_a_deadline_today_is_due_soon_with_no_day_left() -> None:
    row = _row([task("t1", BY_SEPTEMBER_14)], [_q3(S.IN_PROGRESS, date(2026, 9, 14))], date(2026, 9, 14))
    assert (row.state, row.days_left, row.days_late) == (TaskState.DUE_SOON, 0, None)


def test_the_day_after_a_deadline_on_the_windows_last_day_is_overdue() -> None:
    row = _row([task("t1", BY_SEPTEMBER_14)], [_q3(S.IN_PROGRESS)], date(2026, 9, 15))
    assert row.reported_to == date(2026, 9, 14) == row.deadline
    assert (row.state, row.days_late) == (TaskState.OVERDUE, 1)


def test_news_from_before_the_deadline_does_not_make_a_task_overdue() -> None:
    window = DataWindow(start=date(2026, 6, 15), end=date(2026, 9, 13))
    early = report("2026Q3", [update("t1", S.IN_PROGRESS)], submitted_on=date(2026, 9, 15), window=window)
    row = _row([task("t1", BY_SEPTEMBER_14)], [early], date(2026, 9, 15))
    assert row.state is TaskState.NO_INFORMATION
    assert row.reported is TaskStatus.IN_PROGRESS
    assert row.reported_to == date(2026, 9, 13)


def test_overdue_whatever_the_status_not_done() -> None:
    for status in (S.NOT_STARTED, S.IN_PROGRESS, S.BLOCKED, S.POSTPONED):
        row = _row([task("t1", BY_SEPTEMBER_14)], [_q3(status)], date(2026, 9, 30))
        assert row.state is TaskState.OVERDUE, status


def test_the_due_soon_window_counts_working_days() -> None:
    deadline = date(2026, 9, 14)
    edge = CALENDAR.add_working_days(deadline, -DUE_SOON_WORKING_DAYS)
    earlier = CALENDAR.add_working_days(deadline, -DUE_SOON_WORKING_DAYS - 1)
    news = report("2026Q2", [update("t1", S.IN_PROGRESS)], submitted_on=date(2026, 6, 19))
    at_edge = _row([task("t1", BY_SEPTEMBER_14)], [news], edge)
    before_edge = _row([task("t1", BY_SEPTEMBER_14)], [news], earlier)
    assert (at_edge.state, at_edge.days_left) == (TaskState.DUE_SOON, DUE_SOON_WORKING_DAYS)
    assert (before_edge.state, before_edge.days_left) == (TaskState.ON_TRACK, DUE_SOON_WORKING_DAYS + 1)
    wider = _row([task("t1", BY_SEPTEMBER_14)], [news], earlier, due_soon=DUE_SOON_WORKING_DAYS + 1)
    assert wider.state is TaskState.DUE_SOON


def test_not_started_far_from_the_deadline_is_not_started_and_near_it_due_soon() -> None:
    news = report("2026Q2", [update("t1", S.NOT_STARTED)], submitted_on=date(2026, 6, 19))
    assert _row([task("t1", BY_SEPTEMBER_14)], [news], date(2026, 6, 20)).state is TaskState.NOT_STARTED
    assert _row([task("t1", BY_SEPTEMBER_14)], [news], date(2026, 9, 10)).state is TaskState.DUE_SOON


@pytest.mark.parametrize("status", [S.BLOCKED, S.POSTPONED])
def test_blocked_or_postponed_before_the_deadline_is_at_risk(status: TaskStatus) -> None:
    news = report("2026Q2", [update("t1", status, note="Thiếu kinh phí")], submitted_on=date(2026, 6, 19))
    row = _row([task("t1", BY_SEPTEMBER_14)], [news], date(2026, 9, 10))
    assert (row.state, row.note) == (TaskState.AT_RISK, "Thiếu kinh phí")


def test_cancelled_is_cancelled_even_after_the_deadline() -> None:
    row = _row([task("t1", BY_MARCH_31)], [report("2026Q2", [update("t1", S.CANCELLED)])], date(2026, 12, 1))
    assert row.state is TaskState.CANCELLED


def test_recurring_work_has_no_completion_deadline() -> None:
    continuous = Recurring(frequencies=(Frequency.CONTINUOUS,), within=ReportingPeriod.year_of(2026))
    row = _row([task("t1", continuous)], [report("2026Q4", [update("t1", S.IN_PROGRESS)])], date(2027, 1, 15))
    assert (row.state, row.deadline, row.earliest) == (TaskState.ON_TRACK, None, date(2026, 1, 1))


def test_a_quarter_timeframe_ends_on_the_quarters_last_day() -> None:
    row = _row([task("t1", Within(periods=(ReportingPeriod.quarter(2026, 2),)))], [], date(2026, 1, 5))
    assert (row.earliest, row.deadline) == (date(2026, 4, 1), date(2026, 6, 30))


def test_working_day_deadlines_count_with_the_calendar_given() -> None:
    after = WithinWorkingDays(days=2, after=date(2026, 4, 29))  # Wed; Thu and Fri are holidays
    row = _row([task("t1", after)], [], date(2026, 4, 29))
    assert row.deadline == date(2026, 5, 5)


# --- which news counts ------------------------------------------------------------------


def test_the_latest_report_wins() -> None:
    reports = [
        report("2026Q2", [update("t1", S.IN_PROGRESS)], submitted_on=date(2026, 6, 19)),
        report("2026Q1", [update("t1", S.NOT_STARTED)], submitted_on=date(2026, 3, 18)),
    ]
    row = _row([task("t1", BY_SEPTEMBER_14)], reports, date(2026, 7, 1))
    assert (row.reported, row.period) == (TaskStatus.IN_PROGRESS, ReportingPeriod.quarter(2026, 2))


def test_within_one_report_the_last_update_written_wins() -> None:
    news = report("2026Q2", [update("t1", S.NOT_STARTED), update("t1", S.IN_PROGRESS)], submitted_on=date(2026, 6, 19))
    assert _row([task("t1", BY_SEPTEMBER_14)], [news], date(2026, 7, 1)).reported is TaskStatus.IN_PROGRESS


def test_an_update_of_an_unknown_task_changes_nothing() -> None:
    news = report("2026Q2", [update("t9", S.DONE, date(2026, 5, 1))], submitted_on=date(2026, 6, 19))
    assert _row([task("t1", BY_SEPTEMBER_14)], [news], date(2026, 7, 1)).state is TaskState.NO_INFORMATION


def test_a_moment_counts_as_its_day() -> None:
    news = [report("2026Q1", [update("t1", S.DONE, date(2026, 3, 2))], submitted_on=date(2026, 3, 18))]
    by_day = evaluate(plan([task("t1", BY_MARCH_31)]), news, as_of=date(2026, 3, 18))
    by_moment = evaluate(plan([task("t1", BY_MARCH_31)]), news, as_of=datetime(2026, 3, 18, 16, 30, tzinfo=UTC))
    assert by_day == by_moment


def test_rows_keep_the_tasks_area_leads_and_budget() -> None:
    costed = task("t1", BY_MARCH_31, area=parplan.ReformArea.CONG_VU, responsibility=led("Phòng Nội vụ"),
                  budget=parplan.Budget(amount=15_000_000))  # fmt: skip
    row = _row([costed], [report("2026Q1", [update("t1", S.IN_PROGRESS, spent=2_000_000)])], date(2026, 3, 20))
    assert (row.area, row.leads, row.planned, row.spent, row.task_id) == (
        parplan.ReformArea.CONG_VU, ("Phòng Nội vụ",), 15_000_000, 2_000_000, "t1",
    )  # fmt: skip


def test_money_of_overlapping_windows_is_not_counted_twice() -> None:
    costed = task("t1", BY_SEPTEMBER_14, budget=parplan.Budget(amount=50_000_000))
    reports = [
        report("2026Q1", [update("t1", S.IN_PROGRESS, spent=1_000_000)], submitted_on=date(2026, 3, 18)),
        report("2026S1", [update("t1", S.IN_PROGRESS, spent=3_000_000)], submitted_on=date(2026, 6, 19)),
        report("2026Q3", [update("t1", S.IN_PROGRESS, spent=2_000_000)], submitted_on=date(2026, 9, 15)),
    ]
    status = evaluate(plan([costed]), reports, as_of=date(2026, 9, 30))
    assert status.tasks[0].spent == 5_000_000  # the first half (which holds Q1) and Q3
    assert (status.budget_planned, status.budget_spent) == (50_000_000, 5_000_000)


def test_a_report_total_counts_over_its_updates() -> None:
    costed = task("t1", BY_SEPTEMBER_14, budget=parplan.Budget(amount=50_000_000))
    news = report("2026Q1", [update("t1", S.IN_PROGRESS, spent=1_000_000)], submitted_on=date(2026, 3, 18),
                  budget_spent=7_000_000)  # fmt: skip
    status = evaluate(plan([costed]), [news], as_of=date(2026, 3, 20))
    assert (status.tasks[0].spent, status.budget_spent) == (1_000_000, 7_000_000)
    assert evaluate(plan([task("t2")]), [], as_of=date(2026, 3, 20)).budget_spent is None


# --- the whole example and the arguments --------------------------------------------------


def test_every_state_occurs_in_one_evaluation() -> None:
    tasks = [
        task("done", BY_SEPTEMBER_14),
        task("late", BY_MARCH_31),
        task("track", Before(day=date(2026, 12, 31))),
        task("soon", Before(day=date(2026, 9, 25))),
        task("risk", Before(day=date(2026, 12, 31))),
        task("overdue", BY_SEPTEMBER_14),
        task("idle", Before(day=date(2026, 12, 31))),
        task("cancel", BY_MARCH_31),
        task("silent", BY_MARCH_31),
    ]
    news = report(
        "2026Q3",
        [
            update("done", S.DONE, date(2026, 9, 1)),
            update("late", S.DONE, date(2026, 4, 2)),
            update("track", S.IN_PROGRESS),
            update("soon", S.IN_PROGRESS),
            update("risk", S.BLOCKED),
            update("overdue", S.IN_PROGRESS),
            update("idle", S.NOT_STARTED),
            update("cancel", S.CANCELLED),
        ],
        submitted_on=date(2026, 9, 15),
    )
    status = evaluate(plan(tasks), [news], as_of=date(2026, 9, 16))
    assert {row.task.id: row.state.value for row in status.tasks} == {
        "done": "done", "late": "done_late", "track": "on_track", "soon": "due_soon", "risk": "at_risk",
        "overdue": "overdue", "idle": "not_started", "cancel": "cancelled", "silent": "no_information",
    }  # fmt: skip
    assert status.task_counts.total == len(TaskState)
    assert status.task("soon") is status.tasks[3]
    assert status.task("nope") is None


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"plan": "plan"}, "evaluate.plan"),
        ({"reports": parplan.ProgressReport}, "evaluate.reports"),
        ({"reports": "2026Q1"}, "evaluate.reports"),
        ({"reports": [1]}, "evaluate.reports"),
        ({"as_of": "2026-03-01"}, "evaluate.as_of"),
        ({"calendar": "official"}, "evaluate.calendar"),
        ({"due_soon": -1}, "evaluate.due_soon"),
        ({"due_soon": True}, "evaluate.due_soon"),
        ({"thresholds": 0.95}, "evaluate.thresholds"),
    ],
)
def test_wrong_arguments_are_refused_with_their_name(arguments: dict[str, Any], field: str) -> None:
    given: dict[str, Any] = {"plan": plan([task("t1")]), "reports": [], "as_of": date(2026, 3, 1)} | arguments
    if given["reports"] is parplan.ProgressReport:
        given["reports"] = report("2026Q1")
    with pytest.raises(parplan.InvariantError) as raised:
        evaluate(given.pop("plan"), given.pop("reports"), **given)
    assert raised.value.field == field
