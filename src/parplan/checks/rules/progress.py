"""Progress rules (PP8xx): progress reports against their plan (PP801-PP849), score sheets (PP850-PP899).

Report rules read a :class:`~parplan.checks.context.ReportContext` and run in
:func:`parplan.check_report`; their findings point into the report
(``$.updates[3].done_on``). Sheet rules read a
:class:`~parplan.checks.context.SheetContext` and run in
:func:`parplan.check_sheet`; their findings point into the sheet
(``$.entries[2].self_score``). A report or a sheet that breaks these rules
still loads, so that nothing it says is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from parplan.calendar import official_calendar
from parplan.checks.context import ReportContext, SheetContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, Subject, rule
from parplan.checks.rules.reporting import period_param
from parplan.errors import InvariantError
from parplan.indicators import IndexNode, ScoringMethod
from parplan.legal import DocumentSymbol
from parplan.periods import DataWindow
from parplan.plan import Plan, Task
from parplan.targets import Target, Unit
from parplan.timeframes import Compound, Recurring

if TYPE_CHECKING:  # the progress model is imported when a report or a sheet is checked, not with the rules
    from parplan.progress.report import TaskStatus, TaskUpdate, ValueUpdate
    from parplan.progress.sheet import SheetEntry

__all__: list[str] = []

_REPORT = Subject.REPORT
_SHEET = Subject.SHEET

_UNIT_NAMES = {
    Unit.PERCENT: ("%", "%"),
    Unit.COUNT: ("số lượng", "a count"),
    Unit.POINTS: ("điểm", "points"),
    Unit.RANK: ("thứ hạng", "a rank"),
    Unit.VND: ("đồng", "đồng"),
    Unit.DAYS: ("ngày", "days"),
}


def _unit(unit: Unit) -> Localized:
    vi, en = _UNIT_NAMES[unit]
    return Localized(vi=vi, en=en, key=unit.value)


def _subject(value: ValueUpdate) -> str:
    if value.target is not None:
        return value.target
    return value.indicator or ""


def _subject_path(value: ValueUpdate) -> str:
    return "target" if value.target is not None else "indicator"


def _targets_of(context: ReportContext, value: ValueUpdate) -> tuple[Target, ...]:
    if value.target is not None:
        found = context.targets.get(value.target)
        return () if found is None else (found,)
    if value.indicator is not None:
        return context.indicators.get(value.indicator, ())
    return ()  # pragma: no cover - a value names a target or an indicator


def _window(context: ReportContext) -> DataWindow:
    return context.report.data_window


def _deadline(task: Task) -> date | None:
    """The task's last day for finishing, moved to the next working day (None for recurring work or none)."""
    timeframe = task.timeframe
    if timeframe is None or isinstance(timeframe, Recurring):
        return None
    if isinstance(timeframe, Compound) and any(isinstance(step.timeframe, Recurring) for step in timeframe.steps):
        return None
    latest = timeframe.latest
    if latest is None:
        return None
    try:
        return official_calendar().roll_forward(latest)
    except InvariantError:  # a year the working-day calendar does not cover
        return latest


def _status(status: TaskStatus) -> Localized:
    vi, en = _STATUS_WORDS[status.value]
    return Localized(vi=vi, en=en, key=status.value)


_STATUS_WORDS = {  # by TaskStatus value
    "not_started": ("chưa triển khai", "not started"),
    "in_progress": ("đang triển khai", "in progress"),
    "done": ("đã hoàn thành", "done"),
    "done_late": ("hoàn thành chậm", "done late"),
    "postponed": ("tạm hoãn", "postponed"),
    "cancelled": ("không thực hiện", "cancelled"),
    "blocked": ("vướng mắc", "blocked"),
}


# --- the plan and the period -------------------------------------------------------------


def _last(plan: Plan) -> str:
    """The plan's last year as a message shows it; "…" for an open-ended plan."""
    return "…" if plan.last_year is None else str(plan.last_year)


@rule(
    "PP801",
    "update-for-unknown-task",
    Severity.ERROR,
    en="The report updates task {task}, which the plan does not have.",
    vi="Báo cáo cập nhật nhiệm vụ {task} nhưng kế hoạch không có nhiệm vụ này.",
    subject=_REPORT,
)
def update_for_unknown_task(context: ReportContext, report: Report) -> None:
    """An update of a task the plan does not have.

    Every update names a task by its id in the plan. An id the plan does not
    know is a typo, a task of another plan, or a task added since the plan was
    issued without amending it; the update is left out of the evaluation, so
    the work it reports is not counted. Correct the id, or amend the plan.
    """
    tasks = context.tasks
    for index, update in enumerate(context.report.updates):
        if update.task not in tasks:
            report(f"$.updates[{index}].task", task=update.task)


@rule(
    "PP802",
    "value-for-unknown-target",
    Severity.ERROR,
    en="The report gives a value for {subject}, which no target of the plan measures.",
    vi="Báo cáo nêu giá trị của {subject} nhưng không chỉ tiêu nào của kế hoạch đo chỉ số này.",
    subject=_REPORT,
)
def value_for_unknown_target(context: ReportContext, report: Report) -> None:
    """A value of a target id, or of an indicator code, that the plan does not have.

    A value counts towards a target when it names the target's id, or the
    indicator the target measures. A value that names neither of the plan's
    is not compared with anything: correct the id or the code.
    """
    for index, value in enumerate(context.report.values):
        known = value.target in context.targets if value.target is not None else value.indicator in context.indicators
        if not known:
            report(f"$.values[{index}].{_subject_path(value)}", subject=_subject(value))


@rule(
    "PP803",
    "value-in-wrong-unit",
    Severity.ERROR,
    en="The value of {subject} is given in {unit}, but its target is in {expected}.",
    vi="Giá trị của {subject} được tính theo {unit} nhưng chỉ tiêu tính theo {expected}.",
    subject=_REPORT,
)
def value_in_wrong_unit(context: ReportContext, report: Report) -> None:
    """A value given in another unit than the target it measures.

    "62,5" as a count where the target is a share in % cannot be compared
    with it: the evaluation leaves such values out and says so. Give the
    value in the target's unit, or leave the unit out when it is the target's.
    """
    for index, value in enumerate(context.report.values):
        if value.unit is None:
            continue
        for target in _targets_of(context, value):
            if target.unit is not None and target.unit is not value.unit:
                report(
                    f"$.values[{index}].unit",
                    subject=_subject(value),
                    unit=_unit(value.unit),
                    expected=_unit(target.unit),
                )
                break


@rule(
    "PP804",
    "period-outside-plan",
    Severity.ERROR,
    en="The report is for {period}, outside the years of the plan ({first}-{last}).",
    vi="Báo cáo {period} nằm ngoài thời gian của kế hoạch ({first}-{last}).",
    subject=_REPORT,
)
def period_outside_plan(context: ReportContext, report: Report) -> None:
    """A report for a period outside the plan's years.

    A 2026 plan is reported on in 2026: a report for the fourth quarter of
    2025 belongs to the plan of 2025. Check the period, or the plan the report
    is checked against.
    """
    plan = context.plan
    period = context.report.period
    last = plan.last_year
    if period.year < plan.first_year or (last is not None and period.year > last):
        report("$.period", period=period_param(period), first=str(plan.first_year), last=_last(plan))


def _same_symbol(first: DocumentSymbol, second: DocumentSymbol) -> bool:
    def number(symbol: DocumentSymbol) -> str | None:
        return None if symbol.number is None else symbol.number.lstrip("0") or "0"

    return (
        number(first) == number(second)
        and first.year == second.year
        and (first.doc_type or "").casefold() == (second.doc_type or "").casefold()
        and first.issuer.casefold() == second.issuer.casefold()
    )


@rule(
    "PP805",
    "report-for-another-plan",
    Severity.ERROR,
    en="The report cites plan {cited}, but is checked against plan {plan}.",
    vi="Báo cáo dẫn kế hoạch {cited} nhưng được đối chiếu với kế hoạch {plan}.",
    subject=_REPORT,
)
def report_for_another_plan(context: ReportContext, report: Report) -> None:
    """A report that cites another plan than the one it is checked against.

    The report's plan reference (its symbol, "06/KH-UBND", and its year) must
    match the plan: leading zeros of the number and the case of the letters
    aside. A report checked against the wrong plan gives every task a wrong
    state. Check the pairing of the files.
    """
    plan = context.plan
    cited = context.report.plan
    if cited.symbol is not None and plan.symbol is not None and not _same_symbol(cited.symbol, plan.symbol):
        report("$.plan.symbol", cited=cited.symbol.as_written, plan=plan.symbol.as_written)
    elif cited.year is not None and (
        cited.year < plan.first_year or (plan.last_year is not None and cited.year > plan.last_year)
    ):
        years = str(plan.year) if plan.year is not None else f"{plan.first_year}-{_last(plan)}"
        report("$.plan.year", cited=str(cited.year), plan=years)


@rule(
    "PP806",
    "report-from-another-unit",
    Severity.ERROR,
    en="The report is from {unit}, but the plan is of {plan_unit}.",
    vi="Báo cáo của {unit} nhưng kế hoạch của {plan_unit}.",
    subject=_REPORT,
)
def report_from_another_unit(context: ReportContext, report: Report) -> None:
    """A report from another unit than the plan's.

    Units are the same when their statistical codes are (when both have one),
    else when their kind and name are, case aside. A commune reports on its
    own plan; a district's plan is carried out by its own offices.
    """
    unit, own = context.report.unit, context.plan.unit
    if unit.code is not None and own.code is not None:
        same = unit.code == own.code
    else:
        same = unit.kind is own.kind and (unit.name or "").casefold() == (own.name or "").casefold()
    if not same:
        report("$.unit", unit=unit.full_name, plan_unit=own.full_name)


# --- updates -----------------------------------------------------------------------------


def _repeats(updates: tuple[TaskUpdate, ...]) -> Iterator[tuple[int, int]]:
    """``(first, later)`` positions of each later update of a task already updated."""
    first: dict[str, int] = {}
    for index, update in enumerate(updates):
        seen = first.get(update.task)
        if seen is None:
            first[update.task] = index
        else:
            yield seen, index


def _conflicts(first: TaskUpdate, later: TaskUpdate) -> bool:
    return first.status is not later.status or first.done_on != later.done_on or first.spent != later.spent


@rule(
    "PP807",
    "duplicate-update",
    Severity.WARNING,
    en="Task {task} is updated again with the same news (first at {first}).",
    vi="Nhiệm vụ {task} được cập nhật lặp lại với cùng nội dung (lần đầu tại {first}).",
    subject=_REPORT,
)
def duplicate_update(context: ReportContext, report: Report) -> None:
    """A task updated twice in one report with the same status, day done and money spent.

    Repeats are harmless to the evaluation (the last update counts) but make
    the report longer and its tables count the task twice. Remove the repeat,
    or merge the notes and evidence into one update.
    """
    updates = context.report.updates
    for first, later in _repeats(updates):
        if not _conflicts(updates[first], updates[later]):
            report(f"$.updates[{later}]", task=updates[later].task, first=f"$.updates[{first}]")


@rule(
    "PP808",
    "conflicting-updates",
    Severity.ERROR,
    en="Task {task} is updated twice with different news: {status} at {first}, {later_status} here.",
    vi="Nhiệm vụ {task} được cập nhật hai lần với nội dung khác nhau: {status} tại {first}, {later_status} tại đây.",
    subject=_REPORT,
)
def conflicting_updates(context: ReportContext, report: Report) -> None:
    """A task updated twice in one report with a different status, day done or money spent.

    One of the two is wrong, and parplan does not guess which: the evaluation
    takes the last one written. Keep the update that is right.
    """
    updates = context.report.updates
    for first, later in _repeats(updates):
        if _conflicts(updates[first], updates[later]):
            report(
                f"$.updates[{later}]",
                task=updates[later].task,
                status=_status(updates[first].status),
                first=f"$.updates[{first}]",
                later_status=_status(updates[later].status),
            )


@rule(
    "PP809",
    "done-without-date",
    Severity.WARNING,
    en="Task {task} is reported done without the day it was done.",
    vi="Nhiệm vụ {task} được báo cáo đã hoàn thành nhưng không ghi ngày hoàn thành.",
    subject=_REPORT,
)
def done_without_date(context: ReportContext, report: Report) -> None:
    """A task reported done, or done late, with no day done.

    Without the day, nobody can tell whether the task was done by its
    deadline: the evaluation takes the office's word ("done", not "done
    late"). Give ``done_on``.
    """
    for index, update in enumerate(context.report.updates):
        if update.status.is_done and update.done_on is None:
            report(f"$.updates[{index}]", task=update.task)


@rule(
    "PP810",
    "done-after-report",
    Severity.ERROR,
    en="Task {task} is reported done on {day}, after the report was written ({written}).",
    vi="Nhiệm vụ {task} được báo cáo hoàn thành ngày {day}, sau ngày lập báo cáo ({written}).",
    subject=_REPORT,
)
def done_after_report(context: ReportContext, report: Report) -> None:
    """A day done after the report was submitted (or, with no day of submission, after its window).

    A report cannot tell of work done after it was sent: the day is a typo
    (a wrong month or year, most often) or a plan for the future. Correct
    the day, or report the task as in progress.
    """
    written = context.report.known_on
    for index, update in enumerate(context.report.updates):
        if update.status.is_done and update.done_on is not None and update.done_on > written:
            report(f"$.updates[{index}].done_on", task=update.task, day=update.done_on, written=written)


@rule(
    "PP811",
    "date-without-done",
    Severity.WARNING,
    en="Task {task} has a day done ({day}) but is reported {status}.",
    vi="Nhiệm vụ {task} có ngày hoàn thành ({day}) nhưng được báo cáo là {status}.",
    subject=_REPORT,
)
def date_without_done(context: ReportContext, report: Report) -> None:
    """A day done on a task that is not reported done.

    Either the status or the day is wrong. The evaluation follows the status
    and ignores the day.
    """
    for index, update in enumerate(context.report.updates):
        if update.done_on is not None and not update.status.is_done:
            report(f"$.updates[{index}].done_on", task=update.task, day=update.done_on, status=_status(update.status))


@rule(
    "PP812",
    "done-late-before-deadline",
    Severity.INFO,
    en="Task {task} is reported done late, but its day done {day} is not after its deadline {deadline}.",
    vi="Nhiệm vụ {task} được báo cáo hoàn thành chậm nhưng ngày hoàn thành {day} không sau thời hạn {deadline}.",
    subject=_REPORT,
)
def done_late_before_deadline(context: ReportContext, report: Report) -> None:
    """A task reported done late whose day done is on or before the plan's deadline.

    The plan's deadline (its timeframe's last day, moved off days off) was
    met; the office may know of an earlier deadline the plan does not state.
    The evaluation keeps "done late", as reported.
    """
    for index, update in enumerate(context.report.updates):
        task = context.tasks.get(update.task)
        if task is None or update.status != "done_late" or update.done_on is None:
            continue
        deadline = _deadline(task)
        if deadline is not None and update.done_on <= deadline:
            report(f"$.updates[{index}].status", task=update.task, day=update.done_on, deadline=deadline)


@rule(
    "PP813",
    "done-after-deadline",
    Severity.INFO,
    en="Task {task} is reported done on {day}, after its deadline {deadline}: it counts as done late.",
    vi="Nhiệm vụ {task} hoàn thành ngày {day}, sau thời hạn {deadline}: được tính là hoàn thành chậm.",
    subject=_REPORT,
)
def done_after_deadline(context: ReportContext, report: Report) -> None:
    """A task reported done (not late) on a day after its deadline.

    The deadline is the last day of the task's timeframe, moved to the next
    working day when it is a day off. The evaluation counts the task as done
    late; say so in the report ("hoàn thành chậm") with the reason.
    """
    for index, update in enumerate(context.report.updates):
        task = context.tasks.get(update.task)
        if task is None or update.status != "done" or update.done_on is None:
            continue
        deadline = _deadline(task)
        if deadline is not None and update.done_on > deadline:
            report(f"$.updates[{index}].done_on", task=update.task, day=update.done_on, deadline=deadline)


@rule(
    "PP814",
    "done-without-evidence",
    Severity.INFO,
    en="Task {task} is reported done with no evidence.",
    vi="Nhiệm vụ {task} được báo cáo hoàn thành nhưng không có tài liệu kiểm chứng.",
    subject=_REPORT,
)
def done_without_evidence(context: ReportContext, report: Report) -> None:
    """A task reported done with no document to prove it.

    The PAR Index appraisal counts only what documents prove (tài liệu kiểm
    chứng): a decision, a report, minutes. Name the document, or the file
    kept with the report.
    """
    for index, update in enumerate(context.report.updates):
        if update.status.is_done and not update.evidence:
            report(f"$.updates[{index}].evidence", task=update.task)


@rule(
    "PP815",
    "spent-above-budget",
    Severity.WARNING,
    en="The report says {spent} đồng were spent on task {task}, more than its budget of {budget} đồng.",
    vi="Báo cáo ghi đã chi {spent} đồng cho nhiệm vụ {task}, vượt dự toán {budget} đồng.",
    subject=_REPORT,
)
def spent_above_budget(context: ReportContext, report: Report) -> None:
    """Money spent on a task, in one report, beyond the task's whole budget.

    The plan's budget is for the whole task; spending beyond it needs an
    amended budget. The amounts are in đồng, so a figure written in millions
    ("150" for 150 million) shows here as a tiny amount, and one written in
    đồng where millions were meant as a huge one.
    """
    totals: dict[str, tuple[int, int]] = {}
    for index, update in enumerate(context.report.updates):
        if update.spent is not None:
            spent, _ = totals.get(update.task, (0, index))
            totals[update.task] = (spent + update.spent, index)
    for task_id, (spent, index) in totals.items():
        task = context.tasks.get(task_id)
        if task is None or task.budget is None:
            continue
        budget = task.budget.amount if task.budget.amount is not None else task.budget.lines_total
        if budget is not None and spent > budget:
            report(f"$.updates[{index}].spent", task=task_id, spent=str(spent), budget=str(budget))


# --- values ------------------------------------------------------------------------------


@rule(
    "PP816",
    "conflicting-values",
    Severity.ERROR,
    en="{subject} is given two different values for {day}: {first} and {second}.",
    vi="{subject} có hai giá trị khác nhau cho ngày {day}: {first} và {second}.",
    subject=_REPORT,
)
def conflicting_values(context: ReportContext, report: Report) -> None:
    """Two different values of one target or indicator for the same day.

    One is wrong, and parplan does not guess which: the evaluation takes the
    last one written. Keep the right one.
    """
    _values_twice(context, report, conflicting=True)


@rule(
    "PP817",
    "duplicate-value",
    Severity.WARNING,
    en="{subject} is given the same value for {day} twice ({first}).",
    vi="{subject} được nêu giá trị cho ngày {day} hai lần ({first}).",
    subject=_REPORT,
)
def duplicate_value(context: ReportContext, report: Report) -> None:
    """The same value of one target or indicator given twice for the same day.

    Harmless to the evaluation, but the report's tables show the value
    twice. Remove the repeat.
    """
    _values_twice(context, report, conflicting=False)


def _values_twice(context: ReportContext, report: Report, *, conflicting: bool) -> None:
    end = _window(context).end
    seen: dict[tuple[str, str, date], int] = {}
    values = context.report.values
    for index, value in enumerate(values):
        day = value.on if value.on is not None else end
        key = (_subject_path(value), _subject(value), day)
        first = seen.get(key)
        if first is None:
            seen[key] = index
            continue
        differs = values[first].value != value.value
        if differs and conflicting:
            report(
                f"$.values[{index}].value",
                subject=_subject(value),
                day=day,
                first=str(values[first].value),
                second=str(value.value),
            )
        elif not differs and not conflicting:
            report(f"$.values[{index}]", subject=_subject(value), day=day, first=f"$.values[{first}]")


@rule(
    "PP818",
    "value-outside-window",
    Severity.WARNING,
    en="The value of {subject} is dated {day}, outside the report's data window {start} to {end}.",
    vi="Giá trị của {subject} tính đến ngày {day}, ngoài thời gian chốt số liệu từ {start} đến {end}.",
    subject=_REPORT,
)
def value_outside_window(context: ReportContext, report: Report) -> None:
    """A value dated outside the report's data window.

    A report speaks for its window (15/12 to 14/3 for the first quarter): an
    older value is stale, a later one cannot be known yet. Date the value
    within the window, or leave its day out (it then holds at the window's
    end).
    """
    window = _window(context)
    for index, value in enumerate(context.report.values):
        if value.on is not None and value.on not in window:
            report(f"$.values[{index}].on", subject=_subject(value), day=value.on, start=window.start, end=window.end)


# --- the report's own dates --------------------------------------------------------------


def _declared_window(context: ReportContext) -> DataWindow | None:
    """The window the plan's reporting line for the period states, when it states one that holds together."""
    for line in context.plan.reporting:
        if line.period == context.report.period and line.data_from is not None:
            end = line.estimate_to if line.estimate_to is not None else line.data_to
            if end is None:
                return None
            try:
                return DataWindow(start=line.data_from, end=end, estimate_from=line.estimate_from)
            except InvariantError:
                return None
    return None


@rule(
    "PP819",
    "window-differs-from-schedule",
    Severity.WARNING,
    en=(
        "The report's data window {start} to {end} differs from the one for {period}: "
        "{expected_start} to {expected_end}."
    ),
    vi=(
        "Thời gian chốt số liệu của báo cáo từ {start} đến {end} khác với {period}: "
        "từ {expected_start} đến {expected_end}."
    ),
    subject=_REPORT,
)
def window_differs_from_schedule(context: ReportContext, report: Report) -> None:
    """A stated data window that differs from the plan's, or the reporting regime's, for the period.

    The window is the plan's reporting line for the period when it states
    one, else the regime's 15th-to-14th window (Q1: 15/12 of the year before
    to 14/3). Reports of one period compare only when they count the same days.
    """
    report_ = context.report
    if report_.window is None:
        return
    expected = _declared_window(context) or report_.period.data_window
    window = report_.window
    if (window.start, window.end, window.estimate_from) != (expected.start, expected.end, expected.estimate_from):
        report(
            "$.window",
            start=window.start,
            end=window.end,
            period=period_param(report_.period),
            expected_start=expected.start,
            expected_end=expected.end,
        )


@rule(
    "PP820",
    "submitted-before-cutoff",
    Severity.WARNING,
    en="The report was submitted on {day}, before its data cut-off {cutoff}.",
    vi="Báo cáo được gửi ngày {day}, trước ngày chốt số liệu {cutoff}.",
    subject=_REPORT,
)
def submitted_before_cutoff(context: ReportContext, report: Report) -> None:
    """A report submitted before the last day of its actual data.

    A report sent before its cut-off cannot count the days after it; the
    submission date (or the period) is wrong, or the days left should be an
    estimated tail ("ước đạt").
    """
    submitted = context.report.submitted_on
    cutoff = _window(context).cutoff
    if submitted is not None and submitted < cutoff:
        report("$.submitted_on", day=submitted, cutoff=cutoff)


# --- score sheets ------------------------------------------------------------------------

_SCORE_FIELDS = (
    ("self_score", "điểm tự đánh giá", "self-score"),
    ("appraised", "điểm thẩm định", "appraisal"),
    ("survey", "điểm điều tra xã hội học", "survey points"),
)


def _scores(entry: SheetEntry) -> Iterator[tuple[str, Decimal, Localized]]:
    for name, vi, en in _SCORE_FIELDS:
        value: Decimal | None = getattr(entry, name)
        if value is not None:
            yield name, value, Localized(vi=vi, en=en, key=name)


@rule(
    "PP851",
    "sheet-score-out-of-range",
    Severity.ERROR,
    en="The {which} of {node} is {score}, outside 0-{maximum}.",
    vi="Tiêu chí {node}: {which} là {score}, ngoài khoảng 0-{maximum}.",
    subject=_SHEET,
)
def sheet_score_out_of_range(context: SheetContext, report: Report) -> None:
    """A self-score, appraisal or survey score above its criterion's maximum, or below zero.

    The framework gives each criterion its maximum points; no score may pass
    it. A score below zero is a deduction the framework must provide for.
    """
    for index, entry in enumerate(context.sheet.entries):
        node = context.nodes.get(entry.node)
        if node is None or node.max_points is None:
            continue
        for name, value, which in _scores(entry):
            if value < 0 or value > node.max_points:
                report(
                    f"$.entries[{index}].{name}",
                    which=which,
                    node=entry.node,
                    score=str(value),
                    maximum=str(node.max_points),
                )


def _first_entries(context: SheetContext) -> dict[str, SheetEntry]:
    found: dict[str, SheetEntry] = {}
    for entry in context.sheet.entries:
        found.setdefault(entry.node, entry)
    return found


@rule(
    "PP852",
    "sub-scores-do-not-add-up",
    Severity.ERROR,
    en="The {which} of {node} is {score}, but its parts add up to {total}.",
    vi="Tiêu chí {node}: {which} là {score} nhưng các tiêu chí thành phần cộng lại là {total}.",
    subject=_SHEET,
)
def sub_scores_do_not_add_up(context: SheetContext, report: Report) -> None:
    """A criterion's score that differs from the sum of its sub-criteria's scores.

    When a sheet scores both a criterion and every one of its parts, the
    parts must add up to the criterion, score by score (self-score,
    appraisal, survey). Compared exactly unless ``CheckConfig.score_tolerance``
    allows for rounding.
    """
    entries = _first_entries(context)
    tolerance = context.config.score_tolerance
    for index, entry in enumerate(context.sheet.entries):
        node = context.nodes.get(entry.node)
        if node is None or not node.children or entries.get(entry.node) is not entry:
            continue
        parts = [entries.get(child.code) for child in node.children]
        for name, value, which in _scores(entry):
            values: list[Decimal | None] = [None if part is None else getattr(part, name) for part in parts]
            if any(part is None for part in values):
                continue
            total = sum((part for part in values if part is not None), Decimal(0))
            if abs(total - value) > tolerance:
                report(f"$.entries[{index}].{name}", which=which, node=entry.node, score=str(value), total=str(total))


@rule(
    "PP853",
    "score-without-evidence",
    Severity.WARNING,
    en="{node} is self-scored {score} points with no evidence.",
    vi="Tiêu chí {node} tự chấm {score} điểm nhưng không có tài liệu kiểm chứng.",
    subject=_SHEET,
)
def score_without_evidence(context: SheetContext, report: Report) -> None:
    """A self-score above zero with no document to prove it.

    The appraising body scores only what the evidence (tài liệu kiểm chứng)
    proves: a self-score without it is likely to be cut. A criterion scored
    by survey needs none, nor does a criterion scored through its parts.
    """
    for index, entry in enumerate(context.sheet.entries):
        node = context.nodes.get(entry.node)
        if node is not None and node.children:
            continue
        if context.methods.get(entry.node) is ScoringMethod.SURVEY:
            continue
        if entry.self_score is not None and entry.self_score > 0 and not entry.evidence:
            report(f"$.entries[{index}].evidence", node=entry.node, score=str(entry.self_score))


@rule(
    "PP854",
    "unknown-criterion",
    Severity.ERROR,
    en="{node} is not a criterion of the framework {framework}.",
    vi="{node} không phải tiêu chí của bộ chỉ số {framework}.",
    subject=_SHEET,
)
def unknown_criterion(context: SheetContext, report: Report) -> None:
    """An entry for a criterion code the framework does not have.

    Its points count nowhere. The code is mistyped, or the sheet follows
    another year's framework: criteria are renumbered from year to year.
    """
    for index, entry in enumerate(context.sheet.entries):
        if entry.node not in context.nodes:
            report(f"$.entries[{index}].node", node=entry.node, framework=context.framework.code)


@rule(
    "PP855",
    "duplicate-criterion",
    Severity.ERROR,
    en="{node} is scored again (first at {first}).",
    vi="Tiêu chí {node} được chấm lặp lại (lần đầu tại {first}).",
    subject=_SHEET,
)
def duplicate_criterion(context: SheetContext, report: Report) -> None:
    """A criterion scored twice on one sheet.

    Only the first entry counts towards the total; keep one.
    """
    first: dict[str, int] = {}
    for index, entry in enumerate(context.sheet.entries):
        seen = first.setdefault(entry.node, index)
        if seen != index:
            report(f"$.entries[{index}]", node=entry.node, first=f"$.entries[{seen}]")


@rule(
    "PP856",
    "criterion-not-scored",
    Severity.INFO,
    en="{node} is not scored: the sheet's total is incomplete.",
    vi="Tiêu chí {node} chưa được chấm điểm: tổng điểm chưa đầy đủ.",
    subject=_SHEET,
)
def criterion_not_scored(context: SheetContext, report: Report) -> None:  # noqa: C901 - walks the tree as score_sheet does
    """A criterion of the framework with no score on the sheet, itself or through the node above it.

    A missing score is not a zero: the total counts what is scored, and the
    sheet gets no group and no rank until every criterion has its points.
    """
    entries = _first_entries(context)

    def scored_below(node: IndexNode) -> bool:
        return any(child.code in entries or scored_below(child) for child in node.children)

    def has_points(node: IndexNode) -> bool:
        entry = entries.get(node.code)
        if entry is None:
            return False
        if context.methods.get(node.code) is ScoringMethod.SURVEY:
            return entry.survey is not None
        return entry.self_score is not None or entry.appraised is not None

    def unscored(node: IndexNode) -> Iterator[str]:
        # as parplan.score_sheet walks the tree: a node scored as a whole, none of its parts scored, is a leaf
        if not node.children or (node.code in entries and not scored_below(node)):
            if not has_points(node):
                yield node.code
            return
        for child in node.children:
            yield from unscored(child)

    for top in context.framework.nodes:
        for code in unscored(top):
            report("$.entries", node=code)


@rule(
    "PP857",
    "score-of-the-wrong-kind",
    Severity.WARNING,
    en="{node} is scored by {method}; the sheet's {which} for it is not counted.",
    vi="Tiêu chí {node} được chấm bằng {method}; {which} ghi trên phiếu cho tiêu chí này không được tính.",
    subject=_SHEET,
)
def score_of_the_wrong_kind(context: SheetContext, report: Report) -> None:
    """Survey points on a criterion scored by appraisal, or a self-score on one scored by survey.

    The framework says how each criterion is scored: by the unit and the
    appraising body, or by the sociological survey. Points of the other kind
    are not counted.
    """
    for index, entry in enumerate(context.sheet.entries):
        if entry.node not in context.nodes:
            continue
        survey = context.methods.get(entry.node) is ScoringMethod.SURVEY
        for name, _, which in _scores(entry):
            if (name == "survey") != survey:
                method = (
                    Localized(vi="điều tra xã hội học", en="survey", key="survey")
                    if survey
                    else Localized(vi="thẩm định", en="appraisal", key="appraisal")
                )
                report(f"$.entries[{index}].{name}", node=entry.node, method=method, which=which)
