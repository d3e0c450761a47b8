"""``parplan status``: where a plan stands, from its progress reports.

``status PLAN REPORT...`` loads a plan and the progress reports of its unit,
evaluates them as of a day (``--as-of``; without it, the day the latest
report was submitted, else the end of its data window: nothing reads the
clock), checks each report against the plan (the report rules, PP801-PP849)
and writes the status table, the counts, the reports' timeliness and the
findings, as text or JSON. Exit codes as for ``check``: 0 when no finding of
error severity remains, 1 when one does, 2 for usage errors and files that
cannot be read or are not a plan or a progress report. Problems with the files
go to standard error, one line each, naming the file and the JSON path.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from parplan.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Commands, add_selection_arguments, parse_day
from parplan.locale import LOCALES, Locale

if TYPE_CHECKING:
    from parplan.checks.finding import Finding
    from parplan.progress.evaluate import PlanStatus

__all__ = ["OUTPUT_FORMATS", "add_command", "run_status"]

OUTPUT_FORMATS = ("text", "json")
"""The formats ``status`` writes."""

_CENT = Decimal("0.01")


def add_command(commands: Commands) -> None:
    """Add ``status`` to the command line's subcommands."""
    status = commands.add_parser(
        "status",
        help="evaluate a plan from its progress reports",
        description=(
            "Evaluate a plan from its progress reports as of a day: each task's state, each target's attainment, "
            "each report's timeliness; check the reports against the plan."
        ),
    )
    status.add_argument("plan", metavar="PLAN", help="plan file (.json or .toml)")
    status.add_argument("reports", nargs="+", metavar="REPORT", help="progress report files (.json or .toml)")
    status.add_argument(
        "--as-of",
        type=parse_day,
        metavar="DATE",
        help="the day of the evaluation (default: the day the latest report was submitted)",
    )
    add_selection_arguments(status)
    status.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text", help="default: text")
    status.add_argument("--locale", choices=LOCALES, default="vi", help="language of the text (default: vi)")
    status.add_argument("--exit-zero", action="store_true", help="exit 0 even when error findings remain")
    status.set_defaults(handler=run_status)


def load_documents(paths: list[str], kind: type, what: str, err: TextIO) -> tuple[list[Any], bool]:
    """The documents of ``kind`` in ``paths`` (a plan may be a reading): problems to ``err``; True if any failed."""
    from parplan.cli._common import load_plan
    from parplan.errors import PlanFileError, PlanFormatError
    from parplan.io.document import load
    from parplan.plan import Plan

    loaded: list[Any] = []
    failed = False
    for path in paths:
        try:
            loaded.append(load_plan(path)[0] if kind is Plan else load(path, kind=kind))
        except PlanFileError as error:
            err.write(f"{path}: cannot be read: {error.reason}\n")
            failed = True
        except PlanFormatError as error:
            count = len(error.problems)
            err.write(f"{path}: not a valid {what} ({count} {'problem' if count == 1 else 'problems'})\n")
            err.writelines(f"{path}: {problem}\n" for problem in error.problems)
            failed = True
    return loaded, failed


def _counts(status: PlanStatus) -> dict[str, int]:
    from parplan.progress.evaluate import TaskState

    counts = status.task_counts
    return {state.value: counts.count(state) for state in TaskState}


def _json(status: PlanStatus, results: list[tuple[str, list[Finding]]], plan_path: str, locale: str) -> str:
    from parplan.progress.evaluate import TargetState, status_table
    from parplan.render.findings import finding_dict

    targets = status.target_counts
    document = {
        "plan": plan_path,
        "unit": status.plan.unit.full_name,
        "as_of": status.as_of.isoformat(),
        "tasks": _counts(status),
        "targets": {state.value: targets.count(state) for state in TargetState},
        "budget_planned": status.budget_planned,
        "budget_spent": status.budget_spent,
        "reports": [
            {
                "period": str(row.period),
                "state": row.state.value,
                "due": row.due.isoformat(),
                "submitted_on": None if row.submitted_on is None else row.submitted_on.isoformat(),
                "days_late": row.days_late,
                "expected": row.expected,
            }
            for row in status.reports
        ],
        "task_rows": status_table([status]),
        "target_rows": [
            {
                "target": row.target.id,
                "owner": row.owner,
                "state": row.state.value,
                "basis": row.basis.value,
                "band": None if row.band is None else row.band.value,
                "ratio": None if row.ratio is None else str(row.ratio),
                "latest": None if row.latest is None else str(row.latest),
                "latest_on": None if row.latest_on is None else row.latest_on.isoformat(),
                "threshold": None if row.threshold is None else str(row.threshold),
                "horizon": row.horizon.isoformat(),
            }
            for row in status.targets
        ],
        "findings": [finding_dict(name, finding, locale) for name, findings in results for finding in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(status: PlanStatus, results: list[tuple[str, list[Finding]]], plan_path: str, locale: str) -> str:
    from parplan.render.findings import format_text
    from parplan.render.format import format_date
    from parplan.render.messages import message
    from parplan.render.progress import render_status

    loc: Locale = "vi" if locale == "vi" else "en"
    lines = [f"{plan_path}: {status.plan.unit.full_name}, {format_date(status.as_of, locale=loc, style='short')}"]
    text = render_status([status], format="text", locale=loc)
    counts = status.task_counts
    summary = "; ".join(
        message("progress.count", loc, label=message(f"task_state.{state}", loc), count=count)
        for state, count in _counts(status).items()
        if count
    )
    lines.append(summary or message("progress.none", loc))
    if counts.done_share is not None:
        lines.append(f"{message('column.done_share', loc)}: {counts.done_share.quantize(_CENT)}%")
    for row in status.reports:
        due = format_date(row.due, locale=loc, style="short")
        state = message(f"timeliness.{row.state.value}", loc)
        lines.append(f"{row.period.label(loc)}: {state} ({message('column.deadline', loc)} {due})")
    return "\n".join(lines) + "\n\n" + text + "\n" + format_text(results, loc)


def _default_day(reports: list[Any]) -> date:
    day: date = max(report.known_on for report in reports)
    return day


def run_status(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan status``: the exit code."""
    from parplan.checks.engine import check_report
    from parplan.checks.finding import Severity
    from parplan.checks.registry import UnknownRuleError, select_rules
    from parplan.errors import ParplanError
    from parplan.plan import Plan
    from parplan.progress.evaluate import evaluate
    from parplan.progress.report import ProgressReport

    try:
        select_rules(args.select, args.ignore)
    except UnknownRuleError as error:
        err.write(f"parplan status: {error}\n")
        return EXIT_USAGE
    plans, plan_failed = load_documents([args.plan], Plan, "plan document", err)
    reports, failed = load_documents(args.reports, ProgressReport, "progress report", err)
    if plan_failed or failed:
        return EXIT_USAGE
    plan = plans[0]
    as_of = args.as_of if args.as_of is not None else _default_day(reports)
    try:
        status = evaluate(plan, reports, as_of=as_of)
    except ParplanError as error:
        err.write(f"parplan status: {error}\n")
        return EXIT_USAGE
    results = [
        (path, check_report(plan, report, select=args.select, ignore=args.ignore))
        for path, report in zip(args.reports, reports, strict=True)
    ]
    writer = _json if args.output_format == "json" else _text
    out.write(writer(status, results, args.plan, args.locale))
    errors = any(finding.severity is Severity.ERROR for _, findings in results for finding in findings)
    return EXIT_FINDINGS if errors and not args.exit_zero else EXIT_OK
