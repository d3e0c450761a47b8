"""A workbook read as a plan's appendix: its tasks, each field pointing at its sheet and cell.

A spreadsheet an office sends is the plan's appendix alone: a label ("PHỤ LỤC"), a
title ("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH XÃ … NĂM 2022"), the line naming the plan it is
attached to ("(Kèm theo Kế hoạch số 06/KH-UBND ngày 08/01/2022 của Ủy ban nhân dân xã
…)"), then the table. :func:`read_workbook` reads each sheet:

* the **header row** is found by its wording in the first 30 rows (TT/STT, Nội
  dung/Nhiệm vụ, Kết quả/Sản phẩm đầu ra, Cơ quan/Đơn vị chủ trì, phối hợp, Thời
  gian/Thời hạn hoàn thành, Kinh phí with its unit);
* rows below it are areas (a Roman number, or a heading merged across), sub-areas
  (a letter) or tasks, read as :meth:`parplan.read.tables._GridReader.read_grid` reads any
  appendix table, each field's source naming the sheet and the cell;
* the rows above it give the plan: the issuer, unit, symbol and date from the
  "Kèm theo" line, the year from the title; the plan's title is the appendix's
  title (said as inferred).

Nothing is dropped: a sheet that is not an appendix, a column whose heading is not
known, a row that is neither a task nor an area, go to the reading's unplaced lines
with their cell, and the doubts say why. A cell whose value is not what the sheet
shows (a formula, a date stored as a number, an error value) puts its doubt on the
field read from it and on the reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from parplan.errors import InvariantError
from parplan.org import AdminUnit, Organisation
from parplan.plan import Plan
from parplan.read.accents import vi_compile
from parplan.read.body import _Reader
from parplan.read.draft import _Builder, _unique, fold
from parplan.read.head import _UNIT_IN_TEXT, _issuer_and_unit, _plan_kind, _plan_span, _safe_refs
from parplan.read.lines import Grid, GridCell
from parplan.read.reading import Reading, UnplacedLine
from parplan.read.source import SourceDocument, Table
from parplan.read.tables import _columns
from parplan.source import Certainty, FieldSource, SourceLocation
from parplan.timeframes import Span

__all__ = ["read_workbook"]

_HEADER_ROWS: Final = 30
_ROLE_WORDS: Final = {
    "lead": "Cơ quan chủ trì",
    "time": "Thời gian thực hiện",
    "output": "Kết quả đầu ra",
}
_ISSUER: Final = vi_compile(r"\bcủa\s+(?P<issuer>[^()]+?)\s*\)?\s*$", re.IGNORECASE)


def _grid(table: Table, file: str | None) -> Grid:
    """The sheet as a grid whose cells keep their lines and name their sheet and cell."""
    rows = tuple(
        tuple(
            GridCell(
                text=cell.text.strip(),
                row=cell.row,
                column=cell.column,
                columns=cell.columns,
                rows=cell.rows,
                place=attrs.evolve(table.origin(cell), file=file),
            )
            for cell in row
        )
        for row in table.rows()
    )
    return Grid(rows=rows, first=None, name=table.sheet or f"table {table.number}")


def _where(cell: GridCell) -> str:
    return f"{cell.origin.sheet}!{cell.origin.cell}"


def _header(grid: Grid) -> int | None:
    """The index of the header row among the grid's rows, None when no row of the first 30 is one."""
    for index, row in enumerate(grid.rows):
        if row[0].row > _HEADER_ROWS:
            break
        columns, _, _ = _columns(Grid(rows=(row,), first=None, name=grid.name))
        if "title" in columns:
            return index
    return None


@attrs.define
class _Head:
    """What the rows above a sheet's header say about the plan."""

    title: str | None = None
    title_origin: SourceLocation | None = None
    attached: str | None = None
    attached_origin: SourceLocation | None = None


def _read_head(rows: Sequence[Sequence[GridCell]], head: _Head, build: _Builder) -> None:
    for row in rows:
        for cell in row:
            text = " ".join(cell.text.split())
            folded = fold(text)
            if folded.startswith("phu luc") and len(folded) < 30:
                continue
            if "kem theo" in folded and head.attached is None:
                head.attached, head.attached_origin = text.strip("()* "), cell.origin
                continue
            if head.title is None and text.isupper() and len(text) > 10:
                head.title, head.title_origin = text, cell.origin
                continue
            build.unplaced.append(UnplacedLine(text=text, origin=cell.origin))


def _read_sheet(table: Table, reader: _Reader, head: _Head) -> bool:  # noqa: C901 - one check each
    """Read one sheet into ``reader``; False when it holds no appendix table."""
    build = reader.build
    grid = _grid(table, build.file)
    index = _header(grid)
    if index is None:
        for row in grid.rows:
            build.unplaced.extend(UnplacedLine(text=cell.text, origin=cell.origin) for cell in row if cell.text)
        if grid.rows:
            build.doubts.append(
                f"sheet {grid.name!r} is not an appendix of tasks: no row in its first {_HEADER_ROWS} has the "
                "headings TT, Nhiệm vụ (or Nội dung) and Cơ quan chủ trì, Thời gian or Kết quả; its cells are unplaced"
            )
        return False
    _read_head(grid.rows[:index], head, build)
    header = grid.rows[index]
    body = Grid(rows=grid.rows[index:], first=None, name=grid.name)
    columns, _, unit = _columns(body)
    known = {column for role, column in columns.items() if role not in {"note", "area", "loose"}}
    for cell in header:
        if cell.column not in known:
            build.doubts.append(
                f"{_where(cell)}: the column headed {' '.join(cell.text.split())!r} is not one the reader knows; "
                "its cells are unplaced"
            )
    for role, words in _ROLE_WORDS.items():
        if role not in columns:
            build.doubts.append(f"sheet {grid.name!r} has no column {words!r}: no task has it")
    if "budget" in columns:
        budget_cell = next(cell for cell in header if cell.column == columns["budget"])
        if "dong" not in fold(budget_cell.text) and unit == 1_000_000:
            build.doubts.append(
                f"{_where(budget_cell)}: the budget column does not say its unit; amounts are read as millions of đồng"
            )
    reader.used_cells.update((cell.origin.sheet, cell.origin.cell) for cell in header)
    reader.read_grid(body, area=None, zone="tasks", sheet=True)
    for row in grid.rows[index + 1 :]:
        left = [cell for cell in row if (cell.origin.sheet, cell.origin.cell) not in reader.used_cells]
        build.unplaced.extend(UnplacedLine(text=cell.text, origin=cell.origin) for cell in left if cell.text)
        title_column = columns["title"]
        if left and not any(cell.column == title_column for cell in row) and len(left) == len(row):
            build.doubts.append(f"{_where(row[0])}: a row without a task ({' | '.join(c.text for c in row)!r})")
    return True


def _cell_doubts(document: SourceDocument, sources: list[FieldSource]) -> tuple[list[FieldSource], list[str]]:
    """The sources with the doubts of the cells they came from, and every cell's doubts."""
    by_cell: dict[tuple[str | None, str | None], tuple[str, ...]] = {}
    for table in document.tables():
        for cell in table.cells:
            if cell.doubts:
                by_cell[table.sheet, cell.ref] = cell.doubts
    doubted = []
    for source in sources:
        origin = source.origin
        found = by_cell.get((origin.sheet, origin.cell)) if origin is not None else None
        if found:
            confidence = (
                None if source.confidence is None else (source.confidence * Decimal("0.8")).quantize(Decimal("0.001"))
            )
            source = attrs.evolve(source, doubts=(*source.doubts, *found), confidence=confidence)  # noqa: PLW2901
        doubted.append(source)
    return doubted, [doubt for doubts in by_cell.values() for doubt in doubts]


def read_workbook(document: SourceDocument) -> Reading:
    """The plan whose appendix ``document`` (a workbook) holds: its tasks, each field naming its sheet and cell.

    The reading has no plan when the sheets do not say which plan they belong to
    (no "Kèm theo Kế hoạch … của …" line naming the issuer, or no year): the
    doubts say so and every cell is among the unplaced lines.
    """
    file = document.name
    build = _Builder(file=file, penalty=Decimal(1))
    reader = _Reader(document=document, build=build)
    head = _Head()
    appendices = 0
    # the year is needed to read timeframes ("Quý II"): look for it first
    for table in document.tables():
        for cell in table.cells:
            if reader.year is None and ("kem theo" in fold(cell.text) or cell.text.isupper()):
                year, span = _plan_span(cell.text)
                reader.year = year or (
                    span.start_year if isinstance(span, Span) else span.from_year if span is not None else None
                )
    for table in document.tables():
        appendices += _read_sheet(table, reader, head)
    sources, cell_doubts = _cell_doubts(document, build.sources)
    doubts = [*cell_doubts, *build.doubts]
    if not appendices:
        doubts.append("no sheet of the workbook is an appendix of tasks")
    plan = _plan(head, reader, sources, doubts) if appendices else None
    if plan is None:
        unplaced = [
            UnplacedLine(text=cell.text, origin=attrs.evolve(table.origin(cell), file=file))
            for table in document.tables()
            for cell in table.cells
            if cell.text
        ]
        return Reading(plan=None, format=document.format, file=file, unplaced=unplaced, doubts=_unique(doubts))
    if not plan.tasks:
        doubts.append("no task was found")
    confidences = [s.confidence for s in plan.sources if s.confidence is not None]
    confidence = (sum(confidences, Decimal(0)) / len(confidences)).quantize(Decimal("0.001")) if confidences else None
    return Reading(
        plan=plan,
        format=document.format,
        file=file,
        unplaced=tuple(build.unplaced),
        doubts=tuple(_unique(doubts)),
        confidence=confidence,
    )


def _plan(head: _Head, reader: _Reader, sources: list[FieldSource], doubts: list[str]) -> Plan | None:  # noqa: C901, PLR0912 - one field each
    """The draft plan from the sheet's head and the tasks read; None (with a doubt) when it cannot be built."""
    build = _Builder(file=reader.build.file, penalty=Decimal(1))
    issuer_name = unit_words = org_kind = None
    symbol = issued_on = None
    if head.attached is not None:
        found = _ISSUER.search(head.attached)
        if found:
            issuer_name, unit_words, _, org_kind = _issuer_and_unit([found["issuer"]])
        if unit_words is None:
            in_text = _UNIT_IN_TEXT.search(head.attached)
            if in_text:
                issuer_name, unit_words, _, org_kind = _issuer_and_unit([in_text.group(0)])
        refs = _safe_refs(head.attached)
        if refs:
            symbol, issued_on = refs[0].symbol, refs[0].date
    title_text = head.title or ""
    year, span = _plan_span(title_text)
    if year is None and span is None and head.attached is not None:
        year, span = _plan_span(head.attached)
    if head.attached is None:
        doubts.append(
            "the workbook does not say which plan it belongs to (no line 'Kèm theo Kế hoạch … của …' above the table)"
        )
    if issuer_name is None or unit_words is None or org_kind is None:
        doubts.append("the issuing body and its unit could not be read from the line naming the plan")
        return None
    if year is None and span is None:
        doubts.append("the plan's year or period could not be read from the sheet's title")
        return None
    kind, name = unit_words
    unit = AdminUnit(name=name, kind=kind)
    title = f"Kế hoạch của {issuer_name}"
    if title_text:  # "NHIỆM VỤ … XÃ SƠN CHÂU NĂM 2022" in sentence case, the unit's name as the unit writes it
        title = title_text[:1] + title_text[1:].lower()
        if name is not None:
            title = title.replace(name.lower(), name)
    build.source(
        "$.title",
        head.title_origin or head.attached_origin,
        kind="inferred",
        certainty=Certainty.INFERRED,
        written=head.title,
        doubts=("the workbook holds the appendix only: the plan's title is the appendix's title",),
    )
    build.source("$.issuer", head.attached_origin, kind="inferred", certainty=Certainty.INFERRED, written=head.attached)
    build.source("$.unit", head.attached_origin, kind="inferred", certainty=Certainty.INFERRED)
    if symbol is not None:
        build.source("$.symbol", head.attached_origin, kind="inferred", certainty=Certainty.INFERRED)
    if issued_on is not None:
        build.source("$.issued_on", head.attached_origin, kind="inferred", certainty=Certainty.INFERRED)
    build.source("$.year" if year is not None else "$.span", head.title_origin or head.attached_origin, kind="title")
    try:
        return Plan(
            title=title,
            issuer=Organisation(name=issuer_name, level=unit.level, category=org_kind),
            unit=unit,
            kind=_plan_kind(title, "KH"),
            year=year,
            span=span,
            symbol=symbol,
            issued_on=issued_on,
            issued_text=head.attached,
            tasks=tuple(reader.tasks),
            sources=(*build.sources, *sources),
            source_file=reader.build.file,
        )
    except InvariantError as error:
        doubts.append(f"the draft plan could not be built: {error}")
        return None
