"""Presenting progress: the report offices submit, and status tables for dashboards.

:func:`render_report` writes "Báo cáo kết quả thực hiện công tác cải cách hành
chính quý I năm 2026" from an evaluated plan (:func:`parplan.evaluate`) and
the report it is written for: the masthead of Decree 30/2020/NĐ-CP (issuer,
national motto, number, place and date), the plan reported on and the data
window, an overview of where the tasks stand, the results by area, the table
of tasks done (with the day and the evidence), the table of tasks not done
with their reasons, the targets and the money, then the signature and the
recipients. In Vietnamese or English; task titles and notes are data and stay
as written.

Which tasks each table holds:

* **done**: every task done (on time or late) by the day of the evaluation;
* **not done**: every task due by the end of the report's data window and not
  done (overdue, due soon, not started, with no information), and every task
  reported blocked, postponed or cancelled, with the reason the office gave.

Tasks in progress and not yet due are counted in the overview only.

:func:`render_status` writes the status table of one plan or many: a row per
task (unit, task, area, lead, deadline, state, latest status reported,
working days left or late), as Markdown, HTML or plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Literal, TypeAlias

from parplan._values import EN_MONTHS
from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.locale import Locale, check_locale
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.progress.evaluate import PlanStatus, TargetProgress, TaskCounts, TaskProgress, TaskState
from parplan.progress.report import ProgressReport
from parplan.progress.rollup import RollupKey, rollup
from parplan.render.format import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_target,
    quantity,
    roman,
)
from parplan.render.layout import (
    Block,
    Bullets,
    Closing,
    Document,
    Heading,
    Masthead,
    Paragraph,
    Table,
    Title,
    _signature,
    printable,
    unit_name,
)
from parplan.render.messages import message

__all__ = ["StatusFormat", "render_report", "render_status", "report_layout", "status_rows"]

StatusFormat: TypeAlias = Literal["markdown", "html", "text"]
"""A format :func:`render_status` writes."""

_STATUS_FORMATS: tuple[StatusFormat, ...] = ("markdown", "html", "text")
_CENT = Decimal("0.01")
_NOT_DONE = frozenset(
    {TaskState.OVERDUE, TaskState.DUE_SOON, TaskState.NOT_STARTED, TaskState.NO_INFORMATION, TaskState.ON_TRACK}
)
_ALWAYS_NOT_DONE = frozenset({TaskState.AT_RISK, TaskState.CANCELLED})


def period_words(period: ReportingPeriod, locale: Locale) -> str:
    """A period as a report's title names it: "quý I năm 2026", "6 tháng đầu năm 2026" / "Q1 2026"."""
    kind = period.kind
    if kind is PeriodKind.YEAR:
        return message("progress.period.year", locale, year=period.year)
    if kind is PeriodKind.HALF:
        return message(f"progress.period.half.{period.index}", locale, year=period.year)
    if kind is PeriodKind.QUARTER:
        return message(
            "progress.period.quarter", locale, roman=roman(period.index), index=period.index, year=period.year
        )
    if kind is PeriodKind.MONTH:
        return message(
            "progress.period.month",
            locale,
            month=period.index,
            month_name=EN_MONTHS[period.index - 1],
            year=period.year,
        )
    return message("progress.period.nine_months", locale, year=period.year)


def _day(day: date | None, locale: Locale) -> str:
    return "" if day is None else format_date(day, locale=locale, style="short")


def _state(state: TaskState, locale: Locale) -> str:
    return message(f"task_state.{state.value}", locale)


def _plan_reference(status: PlanStatus, locale: Locale) -> str:
    plan = status.plan
    day = ""
    if plan.issued_on is not None:
        day = " " + message("progress.plan_date", locale, date=_day(plan.issued_on, locale))
    title = plan.title[0].lower() + plan.title[1:] if locale == "vi" and plan.title[:1].isupper() else plan.title
    if plan.symbol is None:
        return message("progress.plan_unnumbered", locale, date=day, issuer=plan.issuer.name, title=title)
    symbol = plan.symbol.as_written if locale == "vi" else str(plan.symbol)
    return message("progress.plan", locale, symbol=symbol, date=day, issuer=plan.issuer.name, title=title)


def _masthead(status: PlanStatus, report: ProgressReport, locale: Locale) -> Masthead:
    unit = report.unit
    parent = None if unit.parent is None else message("doc.committee", locale, unit=unit_name(unit.parent, locale))
    issuer = report.issuer.name if report.issuer is not None else status.plan.issuer.name
    if locale == "en":
        issuer = message("doc.committee_of", locale, unit=unit_name(unit, locale))
    number = None
    if report.symbol is not None:
        symbol = report.symbol.as_written if locale == "vi" else str(report.symbol)
        number = message("doc.number", locale, symbol=symbol)
    place = report.place or unit.name
    if report.submitted_on is not None:
        when = format_date(report.submitted_on, locale=locale)
    else:
        when = message("doc.undated", locale, blank="\u00a0" * 8)
    return Masthead(
        parent=None if parent is None else parent.upper(),
        issuer=issuer.upper(),
        country=message("doc.country", locale),
        motto=message("doc.motto", locale),
        number=number,
        place_date=message("doc.place_date", locale, place=place, date=when),
    )


def _window_line(report: ProgressReport, locale: Locale) -> str:
    window = report.data_window
    if window.estimate_from is None:
        return message("progress.window", locale, start=_day(window.start, locale), end=_day(window.end, locale))
    return message(
        "progress.window_estimated",
        locale,
        start=_day(window.start, locale),
        cutoff=_day(window.cutoff, locale),
        estimate=_day(window.estimate_from, locale),
        end=_day(window.end, locale),
    )


def _summary(status: PlanStatus, locale: Locale) -> list[Block]:
    counts = status.task_counts
    items = tuple(
        message(
            "progress.count",
            locale,
            label=_state(state, locale),
            count=format_number(counts.count(state), locale=locale),
        )
        for state in TaskState
        if counts.count(state)
    )
    intro = message(
        "progress.summary",
        locale,
        total=format_number(counts.total, locale=locale),
        day=_day(status.as_of, locale),
    )
    return [Paragraph(text=intro), Bullets(items=items)] if items else [Paragraph(text=intro)]


def _share(counts: TaskCounts, locale: Locale) -> str:
    share = counts.done_share
    return "" if share is None else format_percent(share.quantize(_CENT), locale=locale)


def _by_area(status: PlanStatus, locale: Locale) -> Table:
    rows = []
    for row in rollup([status], by=RollupKey.AREA):
        counts = row.tasks
        label = message("section.other_tasks", locale) if row.key is None else ReformArea(row.key).label(locale)
        rows.append(
            (
                (label,),
                (format_number(counts.total, locale=locale),),
                (format_number(counts.completed, locale=locale),),
                (_share(counts, locale),),
                (format_number(counts.overdue, locale=locale),),
                (format_number(counts.no_information, locale=locale),),
            )
        )
    return Table(
        caption=None,
        columns=tuple(
            message(f"column.{name}", locale)
            for name in ("area", "tasks", "done", "done_share", "overdue", "no_information")
        ),
        align=("left", "right", "right", "right", "right", "right"),
        rows=tuple(rows),
    )


def _evidence(row: TaskProgress) -> tuple[str, ...]:
    outputs = tuple(row.task.outputs)
    update = row.update
    evidence = () if update is None else tuple(item.label for item in update.evidence)
    return outputs + evidence


def _done_table(rows: Sequence[TaskProgress], locale: Locale) -> Table:
    body = []
    for number, row in enumerate(rows, start=1):
        note: list[str] = []
        if row.state is TaskState.DONE_LATE:
            note.append(_state(row.state, locale))
            if row.days_late:
                note.append(message("progress.late_by", locale, days=format_number(row.days_late, locale=locale)))
        if row.note:
            note.append(row.note)
        body.append(
            (
                (format_number(number, locale=locale),),
                (row.task.title,),
                (_day(row.done_on, locale),),
                _evidence(row),
                tuple(note),
            )
        )
    return Table(
        caption=None,
        columns=tuple(message(f"column.{name}", locale) for name in ("number", "task", "done_on", "evidence", "note")),
        align=("right", "left", "center", "left", "left"),
        rows=tuple(body),
    )


def _when(row: TaskProgress, locale: Locale) -> tuple[str, ...]:
    if row.deadline is None:
        return (message("progress.no_deadline", locale),)
    lines = [_day(row.deadline, locale)]
    if row.days_late:
        lines.append(message("progress.late_by", locale, days=format_number(row.days_late, locale=locale)))
    elif row.days_left == 0:
        lines.append(message("progress.due_today", locale))
    return tuple(lines)


def _not_done_table(rows: Sequence[TaskProgress], locale: Locale) -> Table:
    body = []
    for number, row in enumerate(rows, start=1):
        state = [_state(row.state, locale)]
        if row.reported is not None and row.state is TaskState.NO_INFORMATION:
            state.append(f"({message(f'task_status.{row.reported.value}', locale)}, {_day(row.reported_to, locale)})")
        body.append(
            (
                (format_number(number, locale=locale),),
                (row.task.title,),
                _when(row, locale),
                tuple(state),
                (row.note,) if row.note else (),
            )
        )
    return Table(
        caption=None,
        columns=tuple(message(f"column.{name}", locale) for name in ("number", "task", "deadline", "state", "reason")),
        align=("right", "left", "center", "left", "left"),
        rows=tuple(body),
    )


def _target_table(rows: Sequence[TargetProgress], locale: Locale) -> Table:
    body = []
    for number, row in enumerate(rows, start=1):
        target = row.target
        planned = format_target(target, locale=locale, as_written=locale == "vi")
        actual = () if row.latest is None else (quantity(row.latest, target.unit, locale, out_of=target.out_of),)
        if row.latest_on is not None:
            actual = (*actual, f"({_day(row.latest_on, locale)})")
        body.append(
            (
                (format_number(number, locale=locale),),
                (planned,),
                actual,
                (message(f"target_state.{row.state.value}", locale),),
            )
        )
    return Table(
        caption=None,
        columns=tuple(message(f"column.{name}", locale) for name in ("number", "target", "actual", "assessment")),
        align=("right", "left", "right", "left"),
        rows=tuple(body),
    )


def _money(amount: int | None, locale: Locale) -> str:
    return message("progress.not_reported", locale) if amount is None else format_money(amount, locale=locale)


def _closing(report: ProgressReport, locale: Locale) -> Closing:
    signature = report.signature
    lines: list[str] = []
    signer = None
    if signature is not None:
        drawn, signer = _signature(signature, locale)  # the plan's signature block, drawn the same way
        lines = list(drawn)
    return Closing(
        recipients_label=message("section.recipients", locale),
        recipients=report.recipients,
        signature=tuple(lines),
        signer=signer,
    )


def report_layout(status: PlanStatus, report: ProgressReport, locale: Locale) -> Document:
    """The report laid out as a document in ``locale`` (see :mod:`parplan.render.progress`)."""
    period = period_words(report.period, locale)
    window_end = report.data_window.end
    done = [row for row in status.tasks if row.state.is_done]
    not_done = [
        row
        for row in status.tasks
        if row.state in _ALWAYS_NOT_DONE
        or (row.state in _NOT_DONE and row.deadline is not None and row.deadline <= window_end)
    ]
    blocks: list[Block] = [
        _masthead(status, report, locale),
        Title(
            kind=message("progress.kind", locale),
            title=report.title if locale == "vi" and report.title else message("progress.title", locale, period=period),
            notes=() if locale == "vi" else (message("doc.english_note", locale),),
        ),
        Paragraph(
            text=message(
                "progress.intro",
                locale,
                plan=_plan_reference(status, locale),
                issuer=(report.issuer.name if report.issuer is not None else status.plan.issuer.name),
                period=period,
            )
        ),
        Paragraph(text=_window_line(report, locale), italic=True),
        Heading(level=1, number="I", text=message("progress.section.results", locale)),
        Heading(level=2, number="1", text=message("progress.section.summary", locale)),
        *_summary(status, locale),
    ]
    number = 1
    if status.tasks:
        number += 1
        blocks.append(Heading(level=2, number=str(number), text=message("progress.section.by_area", locale)))
        blocks.append(_by_area(status, locale))
    number += 1
    blocks.append(Heading(level=2, number=str(number), text=message("progress.section.done", locale)))
    blocks.append(_done_table(done, locale) if done else Paragraph(text=message("progress.none", locale)))
    number += 1
    blocks.append(Heading(level=2, number=str(number), text=message("progress.section.not_done", locale)))
    blocks.append(Paragraph(text=message("progress.not_done_note", locale, end=_day(window_end, locale)), italic=True))
    blocks.append(_not_done_table(not_done, locale) if not_done else Paragraph(text=message("progress.none", locale)))
    if status.targets:
        number += 1
        blocks.append(Heading(level=2, number=str(number), text=message("progress.section.targets", locale)))
        blocks.append(_target_table(status.targets, locale))
    if status.budget_planned is not None or status.budget_spent is not None:
        number += 1
        blocks.append(Heading(level=2, number=str(number), text=message("progress.section.budget", locale)))
        blocks.append(
            Paragraph(
                text=message(
                    "progress.budget",
                    locale,
                    planned=_money(status.budget_planned, locale),
                    spent=_money(status.budget_spent, locale),
                )
            )
        )
    blocks.append(_closing(report, locale))
    title = blocks[1].title if isinstance(blocks[1], Title) else period
    return Document(locale=locale, title=title, blocks=tuple(blocks))


def render_report(
    status: PlanStatus,
    report: ProgressReport,
    *,
    format: Literal["markdown", "html"] = "markdown",  # noqa: A002 - the name render() uses
    locale: Locale,
) -> str:
    """The progress report ``report`` as the document offices submit, from the evaluated ``status`` of its plan.

    ``status`` is :func:`parplan.evaluate` of the plan as of the day the
    report speaks for (usually the report's own reports and the earlier ones);
    ``format`` is ``"markdown"`` or ``"html"``, ``locale`` ``"vi"`` or ``"en"``.
    """
    from parplan.render import html, markdown

    loc = check_locale(locale, "render_report.locale")
    if format not in ("markdown", "html"):
        raise InvariantError("render_report.format", format, "must be 'markdown' or 'html'")
    if not isinstance(status, PlanStatus):
        raise InvariantError(
            "render_report.status", type(status).__name__, "must be a PlanStatus from parplan.evaluate"
        )
    if not isinstance(report, ProgressReport):
        raise InvariantError("render_report.report", type(report).__name__, "must be a ProgressReport")
    document = report_layout(status, report, loc)
    return html.write(document) if format == "html" else markdown.write(document)


# --- status tables ---------------------------------------------------------------------


def _days(row: TaskProgress, locale: Locale) -> str:
    if row.days_late:
        return message("progress.late_by", locale, days=format_number(row.days_late, locale=locale))
    if row.days_left is not None:
        if row.days_left == 0:
            return message("progress.due_today", locale)
        return message("progress.days_left", locale, days=format_number(row.days_left, locale=locale))
    return ""


def status_rows(statuses: Iterable[PlanStatus], locale: Locale) -> Table:
    """The status table of ``statuses`` in ``locale``: a row per task of every plan."""
    loc = check_locale(locale, "status_rows.locale")
    body = []
    for status in statuses:
        if not isinstance(status, PlanStatus):
            raise InvariantError("status_rows.statuses", type(status).__name__, "must hold only PlanStatus")
        unit = unit_name(status.plan.unit, loc)
        for row in status.tasks:
            area = "" if row.area is None else row.area.label(loc)
            reported = "" if row.reported is None else message(f"task_status.{row.reported.value}", loc)
            body.append(
                (
                    (unit,),
                    (row.task.id,),
                    (row.task.title,),
                    (area,),
                    ("; ".join(row.leads),),
                    (_day(row.deadline, loc),),
                    (_state(row.state, loc),),
                    (reported,),
                    (_days(row, loc),),
                )
            )
    names = ("unit", "task_id", "task", "area", "lead", "deadline", "state", "reported", "days")
    return Table(
        caption=None,
        columns=tuple(message(f"column.{name}", loc) for name in names),
        align=("left", "left", "left", "left", "left", "center", "left", "left", "left"),
        rows=tuple(body),
    )


_TEXT_CELL = 60
"""The widest cell of a plain-text table; longer texts are cut with an ellipsis."""


def _cut(text: str) -> str:
    return text if len(text) <= _TEXT_CELL else text[: _TEXT_CELL - 1].rstrip() + "…"


def _text_table(table: Table) -> str:
    """A table as plain text: columns padded to their widest cell, one line per row, long cells cut."""
    cells = [list(table.columns)] + [
        [_cut(" ".join(printable(line) for line in cell)) for cell in row] for row in table.rows
    ]
    widths = [max(len(row[index]) for row in cells) for index in range(len(table.columns))]
    lines = []
    for row in cells:
        padded = [
            cell.rjust(width) if align == "right" else cell.ljust(width)
            for cell, width, align in zip(row, widths, table.align, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def render_status(statuses: Iterable[PlanStatus] | PlanStatus, *, format: StatusFormat = "text", locale: Locale) -> str:  # noqa: A002
    """The status table of ``statuses`` (a row per task) as plain text, Markdown or HTML, in ``locale``.

    Plain text pads the columns for a terminal; Markdown and HTML write a
    table a dashboard or a page can show.
    """
    from parplan.render import html, markdown

    loc = check_locale(locale, "render_status.locale")
    if format not in _STATUS_FORMATS:
        raise InvariantError("render_status.format", format, "must be 'text', 'markdown' or 'html'")
    if isinstance(statuses, PlanStatus):
        statuses = [statuses]
    table = status_rows(statuses, loc)
    if format == "text":
        return _text_table(table)
    document = Document(locale=loc, title=message("column.state", loc), blocks=(table,))
    if format == "html":
        return html.write(document)
    return markdown.write(document)
