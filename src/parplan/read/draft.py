"""The draft a reading builds.

Each field's source and confidence (:class:`_Builder`), the tree of numbered items
(:class:`_Node`), and the reader's state with its tasks (:class:`_Draft`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from parplan.areas import ReformArea
from parplan.errors import InvariantError, ParseError
from parplan.legal import LegalReference
from parplan.org import Responsibility, SingleParty
from parplan.plan import Budget, IndexResult, Objective, ReportingLine, ReportingObligation, Section, Task
from parplan.read.accents import vi_compile
from parplan.read.lines import Grid, Para
from parplan.read.parties import Assignment
from parplan.read.reading import UnplacedLine
from parplan.read.source import SourceDocument
from parplan.source import Certainty, FieldSource, SourceLocation
from parplan.targets import Target
from parplan.text import fold as _fold_text
from parplan.text import read_timeframe
from parplan.timeframes import Timeframe

fold = functools.lru_cache(maxsize=8192)(_fold_text)

# Confidence of each kind of reading before the parsers' own doubts; calibrated on the labelled
# documents of tests/documents (see docs/reading.md, "How sure the reader is").
_CONFIDENCE: Final = {
    "masthead": Decimal("0.97"),
    "inferred": Decimal("0.7"),
    "title": Decimal("0.95"),
    "item": Decimal("0.93"),
    "paragraph": Decimal("0.8"),
    "row": Decimal("0.96"),
    "cell": Decimal("0.96"),
    "rebuilt": Decimal("0.7"),  # a cell of a table rebuilt from columns of PDF text: often cut wrong
    "assignment": Decimal("0.9"),
    "subject": Decimal("0.75"),
    "label": Decimal("0.85"),  # "- Sở Tư pháp: Rà soát …": the body before the colon, known by its name
    "slot_label": Decimal("0.93"),  # "(Chủ trì: Phòng Nội vụ; thời hạn: quý II)": a slot's field under its label
    "slot": Decimal("0.85"),  # "(Trưởng các tổ dân phố, bản)": a slot's name taken whole, its parts no names
    "signature": Decimal("0.95"),
    "reference": Decimal("0.9"),
}
_SCAN_PENALTY: Final = Decimal("0.8")
_SUBJECT_TITLE: Final = Decimal("0.9")
"""The factor on the title of an item that opens with its lead ("Phòng Tư pháp tham mưu …")."""


@attrs.define
class _Node:
    style: str
    label: str | None
    text: str
    para: Para | None
    parent: _Node | None = None
    children: list[_Node] = attrs.Factory(list)
    id: str | None = None
    zone: str | None = None
    is_section: bool = False
    section_index: int | None = None
    grid: Grid | None = None
    lead: SingleParty | None = None  # the body a heading or an item names, for the items under it
    steps: bool = False  # its bullets are the steps of one task, closed by the task's own field line


@attrs.define
class _Builder:
    """Collects the plan's fields and their sources while the document is read."""

    file: str | None
    penalty: Decimal
    ocr: dict[int, int] = attrs.Factory(dict)  # line number -> the OCR engine's confidence in it (0..100), scans
    ocr_cells: dict[tuple[str, str | None, str | None], int] = attrs.Factory(dict)  # (table, row, column), scans
    sources: list[FieldSource] = attrs.Factory(list)
    doubts: list[str] = attrs.Factory(list)
    unplaced: list[UnplacedLine] = attrs.Factory(list)

    def source(  # noqa: PLR0913 - the parts of one source
        self,
        path: str,
        origin: SourceLocation | None,
        *,
        written: str | None = None,
        kind: str = "item",
        certainty: Certainty = Certainty.STATED,
        factor: float = 1.0,
        doubts: Iterable[str] = (),
    ) -> None:
        doubts = tuple(doubts)
        confidence = _CONFIDENCE[kind] * self.penalty * Decimal(str(round(factor, 4)))
        if self.ocr and origin is not None and origin.line is not None:
            # a field is as sure as the least sure line it was read from
            seen = [self.ocr[n] for n in range(origin.line, (origin.line_end or origin.line) + 1) if n in self.ocr]
            if seen:
                confidence *= Decimal(min(seen)) / 100
        elif self.ocr_cells and origin is not None and origin.table is not None:
            # a cell of a table rebuilt from a scan: as sure as its words (a row: its least sure cell)
            cell = self.ocr_cells.get((origin.table, origin.row, origin.column))
            if cell is not None:
                confidence *= Decimal(cell) / 100
        if doubts:
            confidence *= Decimal("0.8")
        if certainty is Certainty.UNCERTAIN:
            confidence = min(confidence, Decimal("0.6"))
        if origin is not None and self.file is not None and origin.file is None:
            origin = _in_file(origin, self.file)
        self.sources.append(
            FieldSource(
                path=path,
                origin=origin,
                written=written or None,
                certainty=certainty,
                confidence=min(Decimal(1), confidence).quantize(Decimal("0.001")),
                doubts=doubts,
            )
        )

    def place(self, para: Para) -> None:
        self.unplaced.append(UnplacedLine(text=para.text, origin=para.origin(self.file)))


def _line_origin(number: int | None, end: int | None = None, page: int | None = None) -> SourceLocation | None:
    if number is None:
        return None
    return SourceLocation(line=number, line_end=end if end and end > number else None, page=page)


@functools.lru_cache(maxsize=4096)
def _in_file(origin: SourceLocation, file: str) -> SourceLocation:
    """``origin`` in ``file``: several fields cite the same place, which is built once."""
    return attrs.evolve(origin, file=file)


CLAUSE_VERB: Final = vi_compile(r"^\s*(?:hoàn thành|thực hiện|triển khai)\s+(?=\S)", re.IGNORECASE)
"""The verb a time may open with ("hoàn thành trước ngày 30/6"): the time's own, or the clause's it closes."""
_VERB_OPENED_FACTOR: Final = 0.9


def _timeframe(text: str, year: int | None) -> tuple[Timeframe | None, float, tuple[str, ...]]:
    cleaned = text.strip().rstrip(".;").strip()
    if not cleaned:
        return None, 1.0, ()
    try:
        reading = read_timeframe(cleaned, year=year)
    except ParseError as error:
        return None, 0.0, (f"the time {cleaned!r} could not be read: {error}",)
    except InvariantError as error:
        return None, 0.0, (f"the time {cleaned!r} could not be read: {error}",)
    notes = tuple(f"timeframe: {flag.value}" for flag in reading.flags) + tuple(reading.notes)
    return reading.value, reading.confidence, notes


# -- the reader --------------------------------------------------------------------------------


@attrs.define
class _Draft:
    """The reader's state: what it has read so far, and the tasks it adds."""

    document: SourceDocument
    build: _Builder
    year: int | None = None
    sections: list[Section] = attrs.Factory(list)
    section_nodes: list[_Node] = attrs.Factory(list)
    tasks: list[Task] = attrs.Factory(list)
    task_ids: set[str] = attrs.Factory(set)
    objectives: list[Objective] = attrs.Factory(list)
    purposes: list[str] = attrs.Factory(list)
    requirements: list[str] = attrs.Factory(list)
    funding: list[str] = attrs.Factory(list)
    legal_bases: list[LegalReference] = attrs.Factory(list)
    implements: list[LegalReference] = attrs.Factory(list)
    results: list[IndexResult] = attrs.Factory(list)
    reporting: list[ReportingLine] = attrs.Factory(list)
    obligations: list[ReportingObligation] = attrs.Factory(list)
    closing: str | None = None
    closing_origin: SourceLocation | None = None
    preamble: list[Para] = attrs.Factory(list)
    body_text: list[str] = attrs.Factory(list)
    used_cells: set[tuple[str | None, str | None]] = attrs.Factory(set)
    remedy_parent: _Node | None = None
    cross_references: list[tuple[_Node, SingleParty, list[str]]] = attrs.Factory(list)

    # -- tasks ----------------------------------------------------------------------------------

    def give_task(  # noqa: PLR0913 - a task and what it is given, with where each part was read
        self,
        index: int,
        assignment: Assignment,
        origin: SourceLocation | None,
        *,
        time_origin: SourceLocation | None = None,
        kind: str = "assignment",
        doubts: tuple[str, ...] = (),
    ) -> None:
        """Give task ``index`` the lead and time of ``assignment`` that it does not state itself."""
        task = self.tasks[index]
        changes: dict[str, Any] = {}
        responsibility = assignment.responsibility()
        if task.responsibility is None and responsibility is not None:
            changes["responsibility"] = responsibility
            self.build.source(f"$.tasks[{index}].responsibility", origin, kind=kind, doubts=doubts)
        if task.timeframe is None and assignment.time:
            timeframe, confidence, notes = _timeframe(assignment.time, self.year)
            if timeframe is not None:
                changes["timeframe"] = timeframe
            self.build.source(
                f"$.tasks[{index}].timeframe",
                time_origin or origin,
                written=assignment.time,
                kind=kind,
                factor=confidence,
                certainty=Certainty.UNCERTAIN if timeframe is None else Certainty.STATED,
                doubts=(*notes, *doubts),
            )
        if changes:
            self.tasks[index] = attrs.evolve(task, **changes)

    def _unique(self, wanted: str) -> str:
        ident = re.sub(r"[^A-Za-z0-9._:/-]", "-", wanted.replace("đ", "dd").replace("Đ", "DD")).strip("-.") or "t"
        if not ident[0].isalnum():
            ident = f"t{ident}"
        candidate = ident
        count = 2
        while candidate in self.task_ids:
            candidate = f"{ident}-{count}"
            count += 1
        self.task_ids.add(candidate)
        return candidate

    def add_task(  # noqa: PLR0913 - the parts of one task
        self,
        *,
        wanted_id: str,
        title: str,
        origin: SourceLocation,
        kind: str,
        section: _Node | None,
        area: ReformArea | None,
        responsibility: Responsibility | None = None,
        responsibility_origin: SourceLocation | None = None,
        responsibility_kind: str = "assignment",
        timeframe_text: str | None = None,
        timeframe_origin: SourceLocation | None = None,
        timeframe_kind: str = "assignment",
        outputs: Sequence[str] = (),
        outputs_origin: SourceLocation | None = None,
        targets: Sequence[Target] = (),
        targets_origin: SourceLocation | None = None,
        partners_origin: SourceLocation | None = None,
        budget: Budget | None = None,
        budget_origin: SourceLocation | None = None,
        budget_doubts: Sequence[str] = (),
        general_task: str | None = None,
        subarea: str | None = None,
        criteria: Sequence[str] = (),
        description: str | None = None,
    ) -> None:
        title = title.strip()
        if not title:
            return
        index = len(self.tasks)
        path = f"$.tasks[{index}]"
        timeframe = None
        if timeframe_text:
            timeframe, confidence, notes = _timeframe(timeframe_text, self.year)
            if CLAUSE_VERB.match(timeframe_text):
                # "hoàn thành trước ngày 30/6": plans (and their readers) differ on whether the verb is the time's
                confidence *= _VERB_OPENED_FACTOR
                notes = (
                    *notes,
                    f"the time opens with a verb ({timeframe_text.split()[0]} …): its extent is a convention",
                )
            self.build.source(
                f"{path}.timeframe",
                timeframe_origin or origin,
                written=timeframe_text,
                kind="cell" if kind == "row" and timeframe_kind != "subject" else timeframe_kind,
                factor=confidence,
                certainty=Certainty.UNCERTAIN if timeframe is None else Certainty.STATED,
                doubts=notes,
            )
        task = Task(
            id=self._unique(wanted_id),
            title=title,
            area=area,
            section=section.id if section is not None and section.is_section else None,
            criteria=tuple(criteria),
            general_task=general_task,
            subarea=subarea,
            description=description,
            outputs=tuple(outputs),
            targets=tuple(targets),
            responsibility=responsibility,
            timeframe=timeframe,
            budget=budget,
            source=_in_file(origin, self.build.file) if self.build.file else origin,
        )
        self.tasks.append(task)
        if responsibility_kind == "subject" and kind == "item":
            # "Phòng Tư pháp tham mưu …": the subject is the lead; whether the title keeps it is a convention
            # plans and their readers differ on, so the title's start is less sure than an item's
            self.build.source(f"{path}.title", origin, kind=kind, factor=float(_SUBJECT_TITLE))
        else:
            self.build.source(f"{path}.title", origin, kind=kind)
        if responsibility is not None:
            self.build.source(f"{path}.responsibility", responsibility_origin or origin, kind=responsibility_kind)
            if partners_origin is not None and responsibility.coordinating:
                self.build.source(f"{path}.responsibility.coordinating", partners_origin, kind=responsibility_kind)
        if outputs:
            self.build.source(
                f"{path}.outputs", outputs_origin or origin, kind="rebuilt" if kind == "rebuilt" else "cell"
            )
        if targets:
            self.build.source(f"{path}.targets", targets_origin or origin, kind="cell")
        if budget is not None:
            self.build.source(
                f"{path}.budget", budget_origin or origin, written=budget.text, kind="cell", doubts=budget_doubts
            )


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
