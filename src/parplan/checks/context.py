"""What the rules read: the document under check, the settings, the date of the check, and indexes built once.

A plan (:class:`PlanContext`), a progress report with its plan
(:class:`ReportContext`) or a score sheet with its framework
(:class:`SheetContext`).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import NamedTuple

import attrs

from parplan.checks.config import CheckConfig
from parplan.errors import InvariantError
from parplan.indicators import IndexFramework, IndexNode, ScoringMethod
from parplan.legal import DocumentSymbol, LegalReference
from parplan.plan import Plan, Task
from parplan.progress.report import ProgressReport
from parplan.progress.sheet import ScoreSheet
from parplan.source import SourceLocation
from parplan.targets import Target
from parplan.timeframes import Compound, SimpleTimeframe

__all__ = ["Deadline", "PlanContext", "Reference", "ReportContext", "SheetContext"]


class Reference(NamedTuple):
    """A document the plan cites, with the JSON path of the citation.

    ``is_basis`` is True for the legal bases, the plans implemented and the
    tasks' bases; False for the adopting act and the sources of results.
    """

    path: str
    reference: LegalReference
    is_basis: bool


class Deadline(NamedTuple):
    """A simple timeframe of a task (a compound cell gives one per step), with its first and last day."""

    task_index: int
    step: int | None
    timeframe: SimpleTimeframe
    earliest: date | None
    latest: date | None

    @property
    def path(self) -> str:
        """The JSON path of the timeframe."""
        if self.step is None:
            return f"$.tasks[{self.task_index}].timeframe"
        return f"$.tasks[{self.task_index}].timeframe.steps[{self.step}].timeframe"


class PlanContext:
    """A plan under check, with the settings and the date of the check.

    Indexes (references, deadlines) are built on first use and shared by the
    rules of one run, so no rule scans the plan more than once for them.
    """

    def __init__(
        self, plan: Plan, config: CheckConfig, as_of: date | None = None, *, parent: Plan | None = None
    ) -> None:
        self.plan = plan
        self.config = config
        self.as_of = as_of
        self._parent = parent
        self.cache: dict[str, object] = {}
        """Results shared between the rules of one run (the task alignment, say)."""
        self.plan_start = date(plan.first_year, 1, 1)
        self.plan_end = date(plan.last_year, 12, 31)

    @property
    def parent(self) -> Plan:
        """The higher-level plan the plan is aligned with (alignment rules only)."""
        if self._parent is None:
            raise InvariantError("PlanContext.parent", None, "is only set by check_alignment")
        return self._parent

    @property
    def reference_day(self) -> date:
        """The day the plan speaks for: its date, else 1 January of its first year."""
        return self.plan.issued_on if self.plan.issued_on is not None else self.plan_start

    def locate(self, source: SourceLocation | None) -> SourceLocation | None:
        """``source`` with the plan's source file filled in when it names none."""
        file = self.plan.source_file
        if file is None:
            return source
        if source is None:
            return SourceLocation(file=file)
        if source.file is None:
            return attrs.evolve(source, file=file)
        return source

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        """Every citation in the plan, in document order."""
        plan = self.plan
        found: list[Reference] = []
        if plan.adopted_by is not None:
            found.append(Reference(path="$.adopted_by", reference=plan.adopted_by, is_basis=False))
        found.extend(Reference(f"$.legal_bases[{i}]", ref, is_basis=True) for i, ref in enumerate(plan.legal_bases))
        found.extend(
            Reference(path=f"$.implements[{i}]", reference=ref, is_basis=True) for i, ref in enumerate(plan.implements)
        )
        found.extend(
            Reference(path=f"$.results[{i}].source", reference=result.source, is_basis=False)
            for i, result in enumerate(plan.results)
            if result.source is not None
        )
        for i, task in enumerate(plan.tasks):
            if task.legal_bases:
                found.extend(
                    Reference(path=f"$.tasks[{i}].legal_bases[{k}]", reference=ref, is_basis=True)
                    for k, ref in enumerate(task.legal_bases)
                )
        return tuple(found)

    @cached_property
    def symbols(self) -> tuple[tuple[str, DocumentSymbol, LegalReference | None], ...]:
        """Every document symbol: the plan's own (``$.symbol``) and each citation's, with its path."""
        found: list[tuple[str, DocumentSymbol, LegalReference | None]] = []
        if self.plan.symbol is not None:
            found.append(("$.symbol", self.plan.symbol, None))
        found.extend(
            (f"{ref.path}.symbol", ref.reference.symbol, ref.reference)
            for ref in self.references
            if ref.reference.symbol is not None
        )
        return tuple(found)

    @cached_property
    def deadlines(self) -> tuple[Deadline, ...]:
        """The simple timeframes of every task, a compound cell's steps one by one, each day computed once."""
        found: list[Deadline] = []
        append = found.append
        for i, task in enumerate(self.plan.tasks):
            timeframe = task.timeframe
            if timeframe is None:
                continue
            if isinstance(timeframe, Compound):
                for k, step in enumerate(timeframe.steps):
                    simple = step.timeframe
                    append(Deadline(i, k, simple, simple.earliest, simple.latest))
            else:
                append(Deadline(i, None, timeframe, timeframe.earliest, timeframe.latest))
        return tuple(found)


class ReportContext(PlanContext):
    """A progress report under check against the plan it reports on.

    ``plan`` is the plan and ``report`` the report; findings point into the
    report (``$.updates[3].done_on``). Indexes of the plan (its tasks and
    targets by id, the units of its indicators) are built once per run.
    """

    def __init__(self, plan: Plan, report: ProgressReport, config: CheckConfig) -> None:
        super().__init__(plan, config)
        self.report = report

    def locate(self, source: SourceLocation | None) -> SourceLocation | None:
        """``source`` with the report's source file filled in when it names none."""
        file = self.report.source_file
        if file is None:
            return source
        if source is None:
            return SourceLocation(file=file)
        return source if source.file is not None else attrs.evolve(source, file=file)

    @cached_property
    def tasks(self) -> dict[str, Task]:
        """The plan's tasks by id (the first of each id)."""
        found: dict[str, Task] = {}
        for task in self.plan.tasks:
            found.setdefault(task.id, task)
        return found

    @cached_property
    def targets(self) -> dict[str, Target]:
        """The plan's targets by id (the first of each id)."""
        found: dict[str, Target] = {}
        for _, target in self.plan.targets():
            if target.id is not None:
                found.setdefault(target.id, target)
        return found

    @cached_property
    def indicators(self) -> dict[str, tuple[Target, ...]]:
        """The plan's targets by the indicator code they measure."""
        found: dict[str, list[Target]] = {}
        for _, target in self.plan.targets():
            if target.indicator is not None:
                found.setdefault(target.indicator, []).append(target)
        for task in self.plan.tasks:
            for code in task.indicators:
                found.setdefault(code, [])
        return {code: tuple(targets) for code, targets in found.items()}


class SheetContext:
    """A score sheet under check against its index framework.

    ``nodes`` maps each code of the framework to its node, ``methods`` to the
    way it is scored (inherited from the nodes above it) and ``parents`` to the
    code of the node above it.
    """

    def __init__(self, sheet: ScoreSheet, framework: IndexFramework, config: CheckConfig) -> None:
        self.sheet = sheet
        self.framework = framework
        self.config = config
        self.cache: dict[str, object] = {}
        """Results shared between the rules of one run."""
        self.nodes: dict[str, IndexNode] = {}
        self.methods: dict[str, ScoringMethod | None] = {}
        self.parents: dict[str, str | None] = {}
        stack: list[tuple[IndexNode, ScoringMethod | None, str | None]] = [
            (node, None, None) for node in framework.nodes
        ]
        while stack:
            node, method, parent = stack.pop()
            method = node.method or method
            self.nodes[node.code] = node
            self.methods[node.code] = method
            self.parents[node.code] = parent
            stack.extend((child, method, node.code) for child in node.children)

    def locate(self, source: SourceLocation | None) -> SourceLocation | None:
        """``source`` with the sheet's source file filled in when it names none."""
        file = self.sheet.source_file
        if file is None:
            return source
        if source is None:
            return SourceLocation(file=file)
        return source if source.file is not None else attrs.evolve(source, file=file)
