"""Date rules (PP2xx): deadlines, cut-off windows, report deadlines and document dates."""

from __future__ import annotations

import re
from datetime import date

from parplan.checks.context import Deadline, PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule, vi_date
from parplan.checks.rules.reporting import period_param
from parplan.text.normalize import fold
from parplan.timeframes import Before, SimpleTimeframe

__all__ = ["describe_timeframe", "plan_period"]


def describe_timeframe(timeframe: SimpleTimeframe) -> str | Localized:
    """A timeframe for a message: its text as written, else its first and last day."""
    if timeframe.text is not None:
        return repr(timeframe.text)
    earliest, latest = timeframe.earliest, timeframe.latest
    first = earliest.isoformat() if earliest is not None else "…"
    last = latest.isoformat() if latest is not None else "…"
    first_vi = vi_date(earliest) if earliest is not None else "…"
    last_vi = vi_date(latest) if latest is not None else "…"
    return Localized(vi=f"{first_vi}-{last_vi}", en=f"{first}..{last}")


def plan_period(context: PlanContext) -> str | Localized:
    """The plan's year, its span of years as ``2021-2025``, or "from 2024 on" for an open-ended plan."""
    plan = context.plan
    last = plan.last_year
    if last is None:
        return Localized(vi=f"từ năm {plan.first_year}", en=f"from {plan.first_year} on", key=f"{plan.first_year}-")
    if plan.first_year == last:
        return str(plan.first_year)
    return f"{plan.first_year}-{last}"


_PAR = r"(?:cai cach hanh chinh|cchc)"
# Year-closing work, on folded titles: the year's PAR report, the self-assessment and scoring
# of the index, its results, and summing up the year. A report on another subject ("báo cáo tình
# hình quản lý, sử dụng tài sản công") is not one of them.
_YEAR_CLOSING = re.compile(
    rf"\btong ket\b|\btu danh gia\b|\btu cham diem\b|\bcham diem\b.*\bchi so\b"
    rf"|\bbao cao\b.*\b{_PAR}\b|\bchi so\b.*\b{_PAR}\b.*\b(?:ket qua|cong bo)\b"
    rf"|\b(?:ket qua|cong bo)\b.*\bchi so\b.*\b{_PAR}\b|\bpar index\b"
)


def _year_closing(title: str) -> bool:
    """Whether a task title names year-closing work: the PAR report, self-assessment, summing up, index results."""
    return _YEAR_CLOSING.search(fold(title)) is not None


def _closes_the_year(deadline: Deadline, end: date) -> bool:
    """Whether a deadline after ``end`` falls by 31 March of the next year (its last day, or a "before" day)."""
    last = deadline.latest
    if last is None and isinstance(deadline.timeframe, Before):
        last = deadline.timeframe.day
    return last is not None and end < last <= date(end.year + 1, 3, 31)


@rule(
    "PP201",
    "deadline-outside-plan",
    Severity.WARNING,
    en="Task {task} has the deadline {deadline}, outside the plan's period {period}.",
    vi="Nhiệm vụ {task} có thời hạn {deadline}, nằm ngoài thời gian của kế hoạch ({period}).",
)
def deadline_outside_plan(context: PlanContext, report: Report) -> None:
    """A task deadline that falls wholly before or after the plan's year or span.

    "Tháng 01/2021" rows in a 2022 plan (xã Sơn Châu 2022,
    ``examples/son-chau-2022.json``, rows 24 and 29) are last
    year's rows copied over. Each step of a compound cell is checked on its
    own; open-ended and event-driven timeframes are never outside, and nothing
    is after the end of an open-ended plan. Preparation
    due before the year starts ("Ban hành kế hoạch trước 31/12/2020" in a 2021
    plan) is reported too: move it to the previous plan or say why it is here.
    A "before" deadline in a year after the plan's last year ("Trước ngày
    31/3/2023" in a 2022 plan) is outside as well: its work may start in the
    plan's year, but the plan gives it a year it does not cover. A "before"
    deadline later in the plan's own last year is not.

    Left alone: year-closing work due in the first quarter (by 31 March) of
    the year after the plan's last year, as annual plans rightly put it there:
    the year's report on administrative reform, the self-assessment and scoring
    of the index ("Tự đánh giá, chấm điểm Chỉ số CCHC năm 2024", "Quý I/2025"),
    publishing the index results, and summing up the year ("tổng kết"), read
    from the task's title. Other tasks due then (a report on public assets
    "Trước ngày 31/3/2024" in a 2023 plan), and year-closing work due later
    than 31 March, are still reported.
    """
    start, end = context.plan_start, context.plan_end
    tasks = context.plan.tasks
    period: str | Localized | None = None
    for deadline in context.deadlines:
        latest = deadline.latest
        earliest = deadline.earliest
        if latest is not None and latest < start:
            outside = True
        elif end is None:
            outside = False
        elif earliest is not None:
            outside = earliest > end
        else:
            outside = isinstance(deadline.timeframe, Before) and deadline.timeframe.day.year > end.year
        if outside and end is not None and _closes_the_year(deadline, end):
            outside = not _year_closing(tasks[deadline.task_index].title)
        if outside:
            task = tasks[deadline.task_index]
            period = period or plan_period(context)
            report(
                deadline.path,
                source=task.source,
                task=task.id,
                deadline=describe_timeframe(deadline.timeframe),
                period=period,
            )


_DATA = Localized(vi="chốt số liệu", en="data cut-off", key="data")
_ESTIMATE = Localized(vi="ước đạt số liệu", en="estimate", key="estimate")


@rule(
    "PP202",
    "window-start-after-end",
    Severity.ERROR,
    en="The {window} window of the report for {period} starts on {start}, after it ends on {end}.",
    vi="Khoảng thời gian {window} của báo cáo {period} bắt đầu ngày {start}, sau ngày kết thúc {end}.",
)
def window_start_after_end(context: PlanContext, report: Report) -> None:
    """A reporting window whose start is after its end.

    The plan of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) gives its six-month
    report the cut-off "từ ngày 15/12/2022 đến
    ngày 14/6/2022": the start year is wrong (15/12/2021 is meant). Checked for
    the data cut-off window and for the estimated tail (ước đạt).
    """
    for index, line in enumerate(context.plan.reporting):
        windows = (
            (_DATA, line.data_from, line.data_to, "data_from"),
            (_ESTIMATE, line.estimate_from, line.estimate_to, "estimate_from"),
        )
        for window, start, end, field in windows:
            if start is not None and end is not None and start > end:
                report(
                    f"$.reporting[{index}].{field}",
                    window=window,
                    period=period_param(line.period),
                    start=start,
                    end=end,
                )


@rule(
    "PP203",
    "report-due-wrong-year",
    Severity.ERROR,
    en="The report for {period} is due on {due}, not in {year}.",
    vi="Báo cáo {period} có hạn nộp ngày {due}, không thuộc năm {year}.",
)
def report_due_wrong_year(context: PlanContext, report: Report) -> None:
    """A report whose deadline is not in the year of the period it reports on.

    Under the reporting regime a periodic report is due in the last month of
    its period (by the 20th at the latest for provinces and ministries), so the
    deadline's year is the period's year. The plan of xã Sơn Châu 2022
    (``examples/son-chau-2022.json``) asks for its 2022 annual
    report "chậm nhất là ngày 03/12/2021", a year before the data exist.
    """
    for index, line in enumerate(context.plan.reporting):
        due = line.due
        if due is not None and due.year != line.period.year:
            report(
                f"$.reporting[{index}].due",
                period=period_param(line.period),
                due=due,
                year=str(line.period.year),
            )


@rule(
    "PP204",
    "report-due-before-cutoff",
    Severity.WARNING,
    en="The report for {period} is due on {due}, before its data cut-off ends on {cutoff}.",
    vi="Báo cáo {period} có hạn nộp ngày {due}, trước ngày chốt số liệu {cutoff}.",
)
def report_due_before_cutoff(context: PlanContext, report: Report) -> None:
    """A report due before the end of its data cut-off window.

    A report cannot count data after it is sent. The estimated tail (ước đạt)
    may run past the deadline; the data window may not. A deadline in the
    wrong year is reported by PP203 alone.
    """
    for index, line in enumerate(context.plan.reporting):
        due, cutoff = line.due, line.data_to
        if due is not None and cutoff is not None and due.year == line.period.year and due < cutoff:
            report(
                f"$.reporting[{index}].due",
                period=period_param(line.period),
                due=due,
                cutoff=cutoff,
            )


@rule(
    "PP205",
    "basis-after-plan",
    Severity.ERROR,
    en="{document} is dated {date}, after the plan it is cited in ({issued}).",
    vi="{document} ban hành ngày {date}, sau ngày ban hành kế hoạch ({issued}).",
)
def basis_after_plan(context: PlanContext, report: Report) -> None:
    """A legal basis or implemented plan dated after the plan that cites it.

    A plan can only rest on documents that exist when it is issued. Either the
    citation's date or the plan's date is wrong (xã Sơn Châu 2022,
    ``examples/son-chau-2022.json``, dated 08/01/2022,
    implements the district plan of 14/01/2022). Checked for the legal bases,
    the plans implemented and the tasks' own bases.
    """
    issued = context.plan.issued_on
    if issued is None:
        return
    for entry in context.references:
        ref = entry.reference
        if entry.is_basis and ref.date is not None and ref.date > issued:
            report(f"{entry.path}.date", document=ref.label, date=ref.date, issued=issued)


@rule(
    "PP206",
    "dated-after-first-deadline",
    Severity.WARNING,
    en="The plan is dated {issued}, after its first deadline {deadline} (task {task}).",
    vi="Kế hoạch ban hành ngày {issued}, sau thời hạn sớm nhất của nó là {deadline} (nhiệm vụ {task}).",
)
def dated_after_first_deadline(context: PlanContext, report: Report) -> None:
    """A plan issued after the earliest deadline it sets.

    Work cannot be due before the plan that assigns it. Either a deadline is
    wrong (a copied year) or the plan was issued late. The earliest last day
    over every task and every step of a compound cell is compared with the
    plan's date of issue.
    """
    issued = context.plan.issued_on
    if issued is None:
        return
    first: date | None = None
    first_task = -1
    for deadline in context.deadlines:
        latest = deadline.latest
        if latest is not None and (first is None or latest < first):
            first, first_task = latest, deadline.task_index
    if first is not None and first < issued:
        task = context.plan.tasks[first_task]
        report("$.issued_on", issued=issued, deadline=first, task=task.id)


@rule(
    "PP207",
    "task-without-timeframe",
    Severity.WARNING,
    en="Task {task} has no timeframe (thời gian thực hiện).",
    vi="Nhiệm vụ {task} không có thời gian thực hiện.",
)
def task_without_timeframe(context: PlanContext, report: Report) -> None:
    """A task with no timeframe in a list whose other items give theirs.

    Without a deadline, even "Thường xuyên" or "Khi có hướng dẫn của cấp
    trên", a task cannot be followed up. The plan of xã Sơn Châu 2022
    (``examples/son-chau-2022.json``) leaves the cell of row 6 empty. A task's
    timeframe is its own, else the one its section (or a
    section above it) states once for the group ("Thời gian: Quý I/2024" after
    a criterion's sub-criteria), or the dates of the objective it serves
    ("Thực hiện số hóa … theo chỉ tiêu tại Mục I", where the objective's
    target has a horizon or milestones). As for PP104, a task is compared with the
    other items of its list (a table, or a top section) and reported when the
    items that give a timeframe outnumber those that do not, whether it came
    from a table or from prose. Left alone: lists of prose directions that
    mostly give no time (they take the plan's year), the items of "Tổ chức
    thực hiện"; a plan without any deadline is PP210's; and, in a draft read from
    a document, a task whose time is written but could not be read ("Định kỳ 02
    lần/tháng", a cell run into its neighbour): the plan states it, and the
    reading's doubt on ``$.tasks[i].timeframe`` (``Plan.sources``) already says
    it must be checked by hand.
    """
    plan = context.plan
    tasks = plan.tasks
    dated = {
        objective.id
        for objective in plan.objectives
        if objective.id is not None and any(t.horizon is not None or t.milestones for t in objective.targets)
    }

    def timed(index: int) -> bool:
        return (
            context.timeframe_of(index) is not None
            or any(o in dated for o in tasks[index].objectives)
            or context.written_unread(f"$.tasks[{index}].timeframe")
        )

    for index in context.gaps(timed):
        report(f"$.tasks[{index}]", source=tasks[index].source, task=tasks[index].id)


@rule(
    "PP208",
    "overdue-task",
    Severity.INFO,
    en="Task {task} was due by {latest} ({deadline}); the check is as of {as_of}.",
    vi="Nhiệm vụ {task} có hạn đến {latest} ({deadline}); ngày kiểm tra là {as_of}.",
    needs_as_of=True,
)
def overdue_task(context: PlanContext, report: Report) -> None:
    """A task whose deadline has passed on the date of the check.

    Runs only when a date is given (``as_of``; ``--as-of`` on the command line):
    parplan never reads the clock. A plan records deadlines, not progress, so
    this lists what should be done by now; whether it was done is for the
    progress report. Each step of a compound cell counts on its own.
    """
    as_of = context.as_of
    if as_of is None:
        return
    tasks = context.plan.tasks
    for deadline in context.deadlines:
        latest = deadline.latest
        if latest is not None and as_of > latest:
            task = tasks[deadline.task_index]
            report(
                deadline.path,
                source=task.source,
                task=task.id,
                latest=latest,
                deadline=describe_timeframe(deadline.timeframe),
                as_of=as_of,
            )


@rule(
    "PP209",
    "dated-after-period",
    Severity.WARNING,
    en="The plan is dated {issued}, after the end of its period {period}.",
    vi="Kế hoạch ban hành ngày {issued}, sau khi thời gian của kế hoạch ({period}) đã kết thúc.",
)
def dated_after_period(context: PlanContext, report: Report) -> None:
    """A plan issued after the year (or span) it plans for has ended.

    Usually the plan's year or its date is mistyped. An open-ended plan has no end.
    """
    issued, end = context.plan.issued_on, context.plan_end
    if issued is not None and end is not None and issued > end:
        report("$.issued_on", issued=issued, period=plan_period(context))


@rule(
    "PP210",
    "plan-without-deadlines",
    Severity.WARNING,
    en="None of the plan's {count} tasks has a timeframe: the plan sets no deadline.",
    vi="Không nhiệm vụ nào trong {count} nhiệm vụ của kế hoạch có thời gian thực hiện: "
    "kế hoạch không đặt thời hạn nào.",
)
def plan_without_deadlines(context: PlanContext, report: Report) -> None:
    """A plan none of whose tasks has a timeframe, its own or its group's.

    A plan whose every task is open in time cannot be followed up or
    reported on: nobody is late. Give each task, or each group of tasks, a
    timeframe, even "Thường xuyên trong năm" or "Quý I/2024". A timeframe a
    section states for its group counts for its tasks. Left alone: plans
    without tasks (PP101) and plans with a single task, where the plan's year
    is the time. The directions of "Tổ chức thực hiện" count like any task:
    when only they give a time, the plan does set one.
    """
    tasks = context.plan.tasks
    if len(tasks) < 2:
        return
    if any(context.timeframe_of(index) is not None for index in range(len(tasks))):
        return
    report("$.tasks", count=len(tasks))
