"""What the rules read: the document under check, the settings, the date of the check, and indexes built once.

A plan (:class:`PlanContext`), a progress report with its plan
(:class:`ReportContext`) or a score sheet with its framework
(:class:`SheetContext`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

import attrs

from parplan.areas import ReformArea
from parplan.checks.config import CheckConfig
from parplan.errors import InvariantError
from parplan.indicators import IndexFramework, IndexNode, ScoringMethod
from parplan.legal import DocumentSymbol, LegalReference
from parplan.org import Party, Responsibility
from parplan.plan import Plan, Section, SectionKind, Task
from parplan.source import SourceLocation
from parplan.targets import Target
from parplan.text.normalize import fold
from parplan.timeframes import Compound, SimpleTimeframe, Timeframe

if TYPE_CHECKING:  # a plan's checks need no progress model
    from parplan.progress.report import ProgressReport
    from parplan.progress.sheet import ScoreSheet

__all__ = ["Deadline", "PlanContext", "Reference", "ReportContext", "SheetContext", "assigns", "section_kind"]

_PART_HEADING = re.compile(
    r"\b(?:muc dich|yeu cau|muc tieu|to chuc thuc hien|kinh phi|che do bao cao|can cu|phu luc|"
    r"nhiem vu va giai phap|noi dung|ket qua|nguyen nhan|han che|giai phap)\b"
)
"""Headings of the parts of a plan (folded): purposes, objectives, tasks, budget, implementation, appendix."""

_IMPLEMENTATION_HEADING = re.compile(r"\b(?:to chuc thuc hien|trach nhiem thi hanh|dieu khoan thi hanh)\b")
"""Headings (folded) of the part that assigns the plan as a whole: "Tổ chức thực hiện"."""

_ARTICLE = re.compile(r"(?:Điều|Dieu)\s*\d", re.IGNORECASE)


def section_kind(section: Section) -> SectionKind:
    """What ``section`` holds: its stated kind, else read from what it names and its heading.

    A section naming an area is an area, one naming a criterion a criterion; a
    heading such as "MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN" or "KINH PHÍ" is a
    part of the document; anything else is a group of items.
    """
    if section.kind is not None:
        return section.kind
    if section.area is not None:
        return SectionKind.AREA
    if section.criterion is not None:
        return SectionKind.CRITERION
    return SectionKind.PART if _PART_HEADING.search(fold(section.heading)) else SectionKind.GROUP


def _chain(by_id: dict[str, Section], section_id: str) -> tuple[Section, ...]:
    """The section ``section_id`` and those above it, innermost first, as :meth:`Plan.section_chain` gives them."""
    chain: list[Section] = []
    seen: set[str] = set()
    current: str | None = section_id
    while current is not None and current not in seen:
        seen.add(current)
        section = by_id.get(current)
        if section is None:
            break
        chain.append(section)
        current = section.parent
    return tuple(chain)


def assigns(responsibility: Responsibility | None) -> bool:
    """Whether ``responsibility`` gives work to somebody: a request to an outside body alone does not."""
    if responsibility is None:
        return False
    return bool(
        responsibility.lead is not None
        or responsibility.coordinating
        or responsibility.implementing
        or responsibility.reporting
    )


class Reference(NamedTuple):
    """A document the plan cites, with the JSON path of the citation.

    ``is_basis`` is True for the legal bases, the plans implemented and the
    tasks' bases; False for the adopting act and the sources of results.
    """

    path: str
    reference: LegalReference
    is_basis: bool
    citation: int = -1
    """The citation the reference is part of: references of one citation ("Quyết định số 12/QĐ-UBND và
    số 15/QĐ-UBND ngày …", :attr:`LegalReference.with_previous`) share it."""


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
        last = plan.last_year
        self.plan_end: date | None = None if last is None else date(last, 12, 31)
        """The last day of the plan's period; None for an open-ended plan ("năm 2024 và những năm tiếp theo")."""

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
        citations: list[Reference] = []
        citation = -1
        previous_list = ""
        for entry in found:
            listed = entry.path.rsplit("[", 1)[0]
            if not (entry.reference.with_previous and listed == previous_list and citation >= 0):
                citation += 1
            previous_list = listed
            citations.append(entry._replace(citation=citation))
        return tuple(citations)

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

    # --- where each task stands --------------------------------------------------------------

    @cached_property
    def _sections_by_place(self) -> dict[str, int]:
        """Sections by the place their heading stands ("III", "III.1", "table:Phụ lục"), for unlinked tasks."""
        places: dict[str, int] = {}
        for index, section in enumerate(self.plan.sections):
            source = section.source
            if source is None:
                continue
            if source.table is not None:
                if source.row is None:
                    places.setdefault(f"table:{source.table}", index)
                continue
            if source.section is not None:
                place = source.section if source.item is None else f"{source.section}.{source.item}"
                places.setdefault(place, index)
        return places

    @cached_property
    def task_sections(self) -> tuple[tuple[Section, ...], ...]:
        """For each task, its section and the sections above it, innermost first.

        A task linked to a section (``Task.section``) follows the plan's tree. A
        task of a plan that records no links is placed by its source location:
        the prose item "III.1" stands under the section whose heading is item 1
        of section III, and under III; a table row under the section that heads
        the table.
        """
        plan = self.plan
        places = self._sections_by_place
        by_id: dict[str, Section] = {}
        for section in plan.sections:
            if section.id is not None:
                by_id.setdefault(section.id, section)
        linked: dict[str, tuple[Section, ...]] = {}
        chains: list[tuple[Section, ...]] = []
        for task in plan.tasks:
            if task.section is not None:
                chain = linked.get(task.section)
                if chain is None:
                    chain = linked[task.section] = _chain(by_id, task.section)
                chains.append(chain)
                continue
            chains.append(self._placed(task.source, places))
        return tuple(chains)

    def _placed(self, source: SourceLocation | None, places: dict[str, int]) -> tuple[Section, ...]:
        """The sections a task stands under, read from where it was found (a prose item, a table row)."""
        sections = self.plan.sections
        if source is None:
            return ()
        if source.table is not None:
            index = places.get(f"table:{source.table}")
            return () if index is None else (sections[index],)
        if source.section is None:
            return ()
        parts = source.section.split(".")
        found = (places.get(".".join(parts[:end])) for end in range(len(parts), 0, -1))
        return tuple(sections[index] for index in found if index is not None)

    def task_list(self, index: int) -> Hashable:
        """The list task ``index`` stands in: its top section, else its table, else its top prose section.

        Completeness rules compare a task with the other items of its list:
        a table whose rows name leads, or a part whose items give deadlines.
        """
        task = self.plan.tasks[index]
        chain = self.task_sections[index]
        if task.section is not None and chain:
            top = chain[-1]
            return ("section", top.id or top.heading)
        source = task.source
        if source is not None and source.table is not None:
            return ("table", source.table)
        if source is not None and source.section is not None:
            return ("section", source.section.split(".")[0])
        return ("plan",)

    @cached_property
    def _lists(self) -> dict[Hashable, list[int]]:
        """The tasks of each list, directions left out, in plan order."""
        lists: dict[Hashable, list[int]] = {}
        directions = self.directions
        for index in range(len(self.plan.tasks)):
            if index not in directions:
                lists.setdefault(self.task_list(index), []).append(index)
        return lists

    @cached_property
    def directions(self) -> frozenset[int]:
        """The tasks that direct the plan's implementation as a whole rather than do a piece of its work.

        Items of "Tổ chức thực hiện" (and of "trách nhiệm thi hành") and the
        articles of a decision promulgating the plan ("Điều 2", "Điều 3").
        """
        found: set[int] = set()
        for index, task in enumerate(self.plan.tasks):
            source = task.source
            if (
                source is not None
                and (
                    (source.item is not None and _ARTICLE.match(source.item))
                    or (source.section is not None and fold(source.section) == "quyet dinh")
                )
            ) or any(_IMPLEMENTATION_HEADING.search(fold(section.heading)) for section in self.task_sections[index]):
                found.add(index)
        return frozenset(found)

    def responsibility_of(self, index: int) -> Responsibility | None:
        """Who answers for task ``index``: its own responsibility, else the nearest its sections state."""
        task = self.plan.tasks[index]
        if task.responsibility is not None:
            return task.responsibility
        return next((s.responsibility for s in self.task_sections[index] if s.responsibility is not None), None)

    def lead_of(self, index: int) -> Party | None:
        """The lead of task ``index``: its own, else the nearest lead its sections state for the group."""
        own = self.plan.tasks[index].responsibility
        if own is not None and own.lead is not None:
            return own.lead
        return next(
            (s.responsibility.lead for s in self.task_sections[index] if s.responsibility and s.responsibility.lead),
            None,
        )

    def timeframe_of(self, index: int) -> Timeframe | None:
        """When task ``index`` is due: its own timeframe, else the nearest its sections state."""
        task = self.plan.tasks[index]
        if task.timeframe is not None:
            return task.timeframe
        return next((s.timeframe for s in self.task_sections[index] if s.timeframe is not None), None)

    def written_unread(self, path: str) -> bool:
        """True when a draft read from a document records a value written at ``path`` that was not read.

        A task's time "Định kỳ 02 lần/tháng" the phrase parser cannot read leaves the task's
        ``timeframe`` empty with the text and the doubt in ``Plan.sources``: the plan states the
        fact, the reading doubts it, so a rule reporting it missing would be wrong. False for a
        plan typed by hand (no sources) and for a field left empty because nothing was written.
        """
        unread = self.cache.get("written_unread")
        if not isinstance(unread, frozenset):
            unread = frozenset(s.path for s in self.plan.sources if s.written and s.doubts)
            self.cache["written_unread"] = unread
        return path in unread

    def area_of(self, index: int) -> ReformArea | None:
        """The area of task ``index``: its own, else the nearest its sections name."""
        task: Task = self.plan.tasks[index]
        if task.area is not None:
            return task.area
        return next((s.area for s in self.task_sections[index] if s.area is not None), None)

    def gaps(self, states: Callable[[int], bool]) -> list[int]:
        """The tasks that lack what most other items of their list state, in plan order.

        ``states(index)`` says whether task ``index`` states the thing (a lead,
        a deadline, an output). A task is a gap when the tasks of its list that
        state it outnumber those that do not: a table whose rows name leads but
        for three, a part whose items give deadlines but for one. A list whose
        items mostly state nothing (prose directions restated in a table, say)
        has no gaps; whole lists and areas without are for the rules that
        report them once. Directions of the plan's implementation are left out.
        """
        lists: dict[Hashable, list[tuple[int, bool]]] = {}
        for key, members in self._lists.items():
            lists[key] = [(index, states(index)) for index in members]
        found: list[int] = []
        for items in lists.values():
            stated = sum(1 for _, has in items if has)
            if stated > len(items) - stated:
                found.extend(index for index, has in items if not has)
        return sorted(found)


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
