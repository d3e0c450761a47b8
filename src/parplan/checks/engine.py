"""Running the rules: :func:`check` for one plan, :func:`check_alignment` for a pair."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from parplan.checks.config import DEFAULT_CONFIG, CheckConfig
from parplan.checks.context import PlanContext
from parplan.checks.finding import Finding, path_key
from parplan.checks.registry import Family, Rule, select_rules
from parplan.errors import InvariantError
from parplan.plan import Plan

__all__ = ["check", "check_alignment"]


def _sorted(findings: list[Finding]) -> list[Finding]:
    keys: dict[str, tuple[int, ...]] = {}

    def key(finding: Finding) -> tuple[tuple[int, ...], str]:
        path = finding.path
        found = keys.get(path)
        if found is None:
            found = keys[path] = path_key(path)
        return found, finding.code

    findings.sort(key=key)
    return findings


def _require_plan(value: object, name: str) -> Plan:
    if not isinstance(value, Plan):
        raise InvariantError(name, type(value).__name__, "must be a Plan")
    return value


def _run(rules: Iterable[Rule], context: PlanContext) -> list[Finding]:
    # The garbage collector is left alone: switching it off is process-wide state that
    # another thread could find switched off (a library call must not toggle it).
    findings: list[Finding] = []
    for entry in rules:
        entry.run(context, findings)
    return _sorted(findings)


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
    Alignment rules (PP9xx) need two plans and run in :func:`check_alignment`.
    """
    plan = _require_plan(plan, "check.plan")
    if isinstance(as_of, datetime):  # a moment counts as its day
        as_of = as_of.date()
    elif as_of is not None and not isinstance(as_of, date):
        raise InvariantError("check.as_of", as_of, "must be a date")
    chosen = [
        entry
        for entry in select_rules(select, ignore)
        if entry.family is not Family.ALIGNMENT and (as_of is not None or not entry.needs_as_of)
    ]
    return _run(chosen, PlanContext(plan, config or DEFAULT_CONFIG, as_of))


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
