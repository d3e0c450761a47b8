"""Running the rules: a plan, a pair of plans, a progress report with its plan, a score sheet with its framework.

:func:`check` checks one plan, :func:`check_alignment` a lower-level plan against
the plan it implements, :func:`check_report` a progress report against its plan
and :func:`check_sheet` a score sheet against its index framework.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from parplan.checks.confidence import with_reading_confidence
from parplan.checks.config import DEFAULT_CONFIG, CheckConfig
from parplan.checks.context import PlanContext, ReportContext, SheetContext
from parplan.checks.finding import Finding, path_key
from parplan.checks.registry import Family, Rule, RuleContext, Subject, select_rules
from parplan.errors import InvariantError
from parplan.frameworks import FRAMEWORKS
from parplan.indicators import IndexFramework
from parplan.plan import Plan

if TYPE_CHECKING:  # imported when a report or a sheet is checked: checking a plan needs no progress model
    from parplan.progress.report import ProgressReport
    from parplan.progress.sheet import ScoreSheet

__all__ = ["check", "check_alignment", "check_report", "check_sheet"]


def _sorted(findings: list[Finding], root: type = Plan) -> list[Finding]:
    keys: dict[str, tuple[int, ...]] = {}

    def key(finding: Finding) -> tuple[tuple[int, ...], str]:
        path = finding.path
        found = keys.get(path)
        if found is None:
            found = keys[path] = path_key(path, root)
        return found, finding.code

    findings.sort(key=key)
    return findings


def _require_plan(value: object, name: str) -> Plan:
    if not isinstance(value, Plan):
        raise InvariantError(name, type(value).__name__, "must be a Plan")
    return value


def _run(rules: Iterable[Rule], context: RuleContext, root: type = Plan) -> list[Finding]:
    # The garbage collector is left alone: switching it off is process-wide state that
    # another thread could find switched off (a library call must not toggle it).
    findings: list[Finding] = []
    for entry in rules:
        entry.run(context, findings)
    return _sorted(findings, root)


def check(
    plan: Plan,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    as_of: date | None = None,
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Run the checks over ``plan`` and return the findings in document order.

    ``select`` and ``ignore`` take rule code prefixes ("PP1", "PP104", "ALL"),
    as one comma-separated string or an iterable; the longest matching prefix
    decides (see :func:`parplan.checks.select_rules`). ``as_of`` is the date
    of the check (a ``datetime`` counts as its day): rules about overdue tasks
    run only when it is given, and nothing reads the clock. ``config`` sets the configurable rules.

    The result is deterministic: findings are sorted by the document order of
    their JSON path (``$.tasks[2]`` before ``$.tasks[10]``), then by code.
    Alignment rules (PP9xx) need two plans and run in :func:`check_alignment`;
    the rules of progress reports and score sheets (PP8xx) run in
    :func:`check_report` and :func:`check_sheet`.
    """
    plan = _require_plan(plan, "check.plan")
    if isinstance(as_of, datetime):  # a moment counts as its day
        as_of = as_of.date()
    elif as_of is not None and not isinstance(as_of, date):
        raise InvariantError("check.as_of", as_of, "must be a date")
    chosen = [
        entry
        for entry in select_rules(select, ignore)
        if entry.family is not Family.ALIGNMENT
        and entry.subject is Subject.PLAN
        and (as_of is not None or not entry.needs_as_of)
    ]
    findings = _run(chosen, PlanContext(plan, config or DEFAULT_CONFIG, as_of))
    return with_reading_confidence(plan, findings) if plan.sources else findings


def check_alignment(
    child: Plan,
    parent: Plan,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Check a lower-level plan against the higher-level plan it implements.

    A commune plan that says it implements a district plan ("Thực hiện Kế
    hoạch số …") should cite it, cover the areas and take up the tasks the
    district plan assigns to communes, and not set later deadlines for them.
    Runs the alignment rules (PP9xx); findings point into ``child``. How tasks
    are matched is described in :mod:`parplan.checks.rules.alignment`.
    """
    child = _require_plan(child, "check_alignment.child")
    parent = _require_plan(parent, "check_alignment.parent")
    chosen = [entry for entry in select_rules(select, ignore) if entry.family is Family.ALIGNMENT]
    return _run(chosen, PlanContext(child, config or DEFAULT_CONFIG, parent=parent))


def check_report(
    plan: Plan,
    report: ProgressReport,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Check a progress report against the plan it reports on; findings point into the report.

    Updates of tasks the plan does not have, values of targets it does not
    set or in another unit, a period outside the plan's years, repeated or
    conflicting updates, a task done without its day … (the report rules,
    PP801-PP849, see ``docs/rules.md``). ``select`` and ``ignore`` work as in
    :func:`check`. The result is sorted by the document order of the paths
    into the report, then by code.
    """
    from parplan.progress.report import ProgressReport

    plan = _require_plan(plan, "check_report.plan")
    if not isinstance(report, ProgressReport):
        raise InvariantError("check_report.report", type(report).__name__, "must be a ProgressReport")
    chosen = [entry for entry in select_rules(select, ignore) if entry.subject is Subject.REPORT]
    return _run(chosen, ReportContext(plan, report, config or DEFAULT_CONFIG), ProgressReport)


def check_sheet(
    sheet: ScoreSheet,
    framework: IndexFramework | None = None,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Check a self-assessment score sheet against its index framework; findings point into the sheet.

    A score above its maximum (or below zero), sub-scores that do not add up
    to their criterion, a score without evidence, a criterion the framework
    does not have … (the sheet rules, PP850-PP899). ``framework`` is the
    framework the sheet names (the bundled one when None).
    """
    from parplan.progress.sheet import ScoreSheet

    if not isinstance(sheet, ScoreSheet):
        raise InvariantError("check_sheet.sheet", type(sheet).__name__, "must be a ScoreSheet")
    if framework is None:
        found = FRAMEWORKS.get(sheet.framework)
        if found is None:
            raise InvariantError(
                "check_sheet.framework", sheet.framework, "is not bundled: load it from its data file and pass it"
            )
        framework = found
    elif not isinstance(framework, IndexFramework):
        raise InvariantError("check_sheet.framework", type(framework).__name__, "must be an IndexFramework")
    elif framework.code != sheet.framework:
        raise InvariantError(
            "check_sheet.framework", framework.code, f"must be the framework the sheet names, {sheet.framework!r}"
        )
    chosen = [entry for entry in select_rules(select, ignore) if entry.subject is Subject.SHEET]
    return _run(chosen, SheetContext(sheet, framework, config or DEFAULT_CONFIG), ScoreSheet)
