"""The plan's tables.

Which column holds what, rows carried on, group rows, budgets, and the reader of a
grid's rows into tasks (:class:`_GridReader`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.io.headings import heading_role
from parplan.org import Official, Responsibility, SingleParty
from parplan.periods import PeriodKind
from parplan.plan import Budget, Task
from parplan.read.accents import vi_compile
from parplan.read.assignments import _time_in_text
from parplan.read.cell_fit import cell_is_time
from parplan.read.draft import _Draft, _timeframe, fold
from parplan.read.items import _marker
from parplan.read.lines import Grid, GridCell
from parplan.read.parties import Assignment, lead_of, marked_leads, parse_parties, party, starts_party
from parplan.read.reading import UnplacedLine
from parplan.read.slots import SlotAssignment, _parties, read_slot
from parplan.read.source import SourceDocument
from parplan.source import SourceLocation
from parplan.text import match_area
from parplan.timeframes import Within


@attrs.frozen
class KeyedRow:
    """A row of an assignment table that names the tasks it assigns by the plan's numbers ("1.1, 1.2")."""

    keys: tuple[str | tuple[str, str], ...]
    """The numbers the row names, a range ("1.1-1.3") as its two ends."""
    written: str
    assignment: Assignment
    origin: SourceLocation
    time_origin: SourceLocation | None = None
    doubts: tuple[str, ...] = ()
    kind: str = "cell"
    """How sure the fields are read: a table's cell, or a list's line (under its labels or not)."""


@attrs.define
class _GridReader(_Draft):
    """Reads a table's rows into tasks."""

    keyed: list[KeyedRow] = attrs.Factory(list)
    """Rows of assignment tables keyed by the tasks' numbers, given to the tasks once every task is read."""

    # -- tables -----------------------------------------------------------------------------

    def read_grid(  # noqa: C901, PLR0912, PLR0915
        self,
        grid: Grid,
        *,
        area: ReformArea | None,
        zone: str | None,  # noqa: ARG002
        sheet: bool = False,
        rebuilt: bool = False,
    ) -> None:
        """The tasks of an appendix table; ``sheet`` for a spreadsheet's, whose cells keep their lines.

        In a sheet, each field's source is its own cell, outputs are the lines of
        their cell, and the cells that were read are noted in ``used_cells``.
        """
        rebuilt = rebuilt or grid.rebuilt
        columns, header_row, unit = _columns(grid)
        guessed: dict[str, int] = {}
        if "title" not in columns and not sheet:
            # a header naming the task and one more column: a table when its cells name one more
            weak, weak_row, weak_unit = _columns(grid, least=1)
            if "title" in weak and (guessed := _guess_columns(grid, weak, weak_row)):
                columns, header_row, unit = weak, weak_row, weak_unit
        if "title" not in columns and not sheet and (keyed_by := _key_column(grid)) is not None:
            columns, header_row = keyed_by  # "Mục | Chủ trì | Thời hạn" over "1.1, 1.2 | …": the tasks' numbers
        if "title" not in columns:
            schedule = _has_time_column(grid) and _inspection(self.document)
            for row in grid.rows:
                text = " | ".join(cell.text for cell in row if cell.text)
                if text:
                    origin = row[0].origin
                    self.build.unplaced.append(
                        UnplacedLine(text=text, origin=attrs.evolve(origin, file=self.build.file))
                    )
            if grid.rows and not schedule:  # an inspection's schedule (units, days) is no table of tasks
                self.build.doubts.append(f"{grid.name} has no column of tasks: its rows are left unplaced")
            return
        periods, periods_row, periods_heading = _period_marks(grid, columns, header_row)
        if periods and columns.get("time") in periods:
            del columns["time"]  # the merged heading over the period columns: their marks give the time
        # a sheet's unknown columns are reported by the workbook reader, their cells left unplaced
        if not guessed and not sheet:
            guessed = _guess_columns(grid, columns, header_row, skip=set(periods))
        for role, column in guessed.items():
            columns[role] = column
            self.build.doubts.append(
                f"{grid.name}: column {column} has no heading the reader knows; its cells are read as the"
                f" {_ROLE_NAMES[role]}"
            )
        if "loose" in columns:
            self.build.doubts.append(
                f"{grid.name}: the heading of column {columns['loose']} is read loosely (a damaged wording)"
            )
        matrix, names_end = _matrix(grid, columns, header_row, skip=set(periods))
        names_end = max(names_end, periods_row)
        periods_year = _other_year(periods_heading, self.year)
        if matrix:
            for role in ("lead", "partners"):
                if columns.get(role) in matrix:
                    del columns[role]
        group_area = area
        column_area: ReformArea | None = None
        group_label: str | None = None
        subarea: str | None = None
        general: str | None = None
        numbers_seen: set[str] = set()
        restart = False
        rows = [row for row in grid.rows if row and row[0].row > max(header_row, names_end)]
        header_cells = next((row for row in grid.rows if row and row[0].row == header_row), ())
        header_key = [fold(cell.text).strip() for cell in header_cells if cell.text.strip()]
        # the header printed again after a page break is not a task
        rows = [row for row in rows if [fold(cell.text).strip() for cell in row if cell.text.strip()] != header_key]
        # numbering that restarts in each group means ids need the group
        seen_numbers: list[str] = []
        previous_lead = ""
        doubted_marks = ""
        for row in rows:
            number = _cell(row, columns.get("number"))
            if number and number.isdigit():
                if number in seen_numbers:
                    restart = True
                seen_numbers.append(number)
        if not sheet:
            rows = _join_continuation_rows(rows, columns)
        merged_period = _merged_period(rows, columns)
        # a number whose rows below are numbered under it ("2" over "2.1", "2.2") names a group
        parents = {
            sub.split(".")[0]
            for row in rows
            if re.fullmatch(r"[0-9]{1,2}\.[0-9]{1,2}\.?", sub := _cell(row, columns.get("number")))
        }
        keyed = _keyed_table(rows, columns)
        merged_cells = self._merges_noted()
        stated = [  # among the task rows (group rows aside), which name a lead or a time
            any(_cell(row, columns.get(role)) for role in ("lead", "time", "assignment"))
            for index, row in enumerate(rows)
            if _cell(row, columns.get("title")) and not _numbered_group(rows, index, columns, parents)
        ]
        mostly_stated = len(stated) >= 3 and sum(stated) * 3 >= len(stated) * 2
        group_lead: tuple[str, SourceLocation | None] | None = None
        given: tuple[str, SourceLocation | None, str, SourceLocation | None] = _NOTHING_GIVEN
        group_noted = self._group_leads_noted()
        group_time: tuple[str, SourceLocation | None] | None = None
        for row_index, row in enumerate(rows):
            lead_origin: SourceLocation | None = None
            texts = [cell.text for cell in row]
            number = _cell(row, columns.get("number"))
            title = _cell(row, columns.get("title"))
            filled = [t for t in texts if t]
            if not filled:
                continue
            folded_all = fold(" ".join(filled))
            if (
                folded_all.startswith(("tong cong", "tong so"))
                or re.match(r"(?:Cộng|CỘNG)\b", " ".join(filled))  # "Cộng", not "Công bố …" (both fold to "cong")
                or (not number and "tong cong" in folded_all)
            ):
                continue
            group = _group_row(row, columns)
            if group is None and _numbered_group(rows, row_index, columns, parents):
                group = (number, title)  # "2 | Nội dung 2: …" over rows "2.1", "2.2" or "a", "b": a group, not a task
            if group is not None:
                self.used_cells.update((cell.origin.sheet, cell.origin.cell) for cell in row)
                own = _given_by_group(row, columns) if not matrix else _NOTHING_GIVEN
                column_area = None
                label, heading = group
                label = label.rstrip(".") if label else label
                group_area = match_area(heading) or group_area
                if label and len(label) == 1 and label.isalpha() and label.upper() in "ABCDEFGH" and group_label:
                    subarea = heading
                    # a sub-group keeps what its group's row gives, unless its own row names it
                    given = (*(own[:2] if own[0] else given[:2]), *(own[2:] if own[2] else given[2:]))
                else:
                    group_label = label
                    subarea = None
                    given = own
                general = None
                continue
            general_cell = _cell(row, columns.get("general"))
            if general_cell:
                style, label, rest = _marker(general_cell)
                general = rest or general_cell
                if style == "roman" and label:
                    group_label = label
                group_area = match_area(general_cell) or group_area
            if not title:
                continue
            keys = _task_keys(title) if keyed else ()
            numbered = number if number and re.fullmatch(r"[0-9]{1,3}", number) else None
            if numbered is None and not keys:
                style, label, rest = _marker(title)
                if label and style in {"num", "dec1"}:
                    numbered, title = label, rest
            wanted = f"pl-{numbered}" if numbered else f"pl-r{row[0].row}"
            if restart and numbered and group_label:
                wanted = f"pl-{group_label}.{numbered}"
            numbers_seen.add(wanted)
            time_text = _cell(row, columns.get("time")) or merged_period.get(row_index, "")
            time_origin = _cell_origin(row, columns.get("time"))
            marked = [column for column in periods if _cell(row, column) in _TICKS] if not time_text else []
            if marked:  # the periods whose columns the row marks, as their headings are written
                time_text = ", ".join(periods[column] for column in marked)
                time_origin = _cell_origin(row, marked[0])
            elif not time_text and (written := [column for column in periods if _cell(row, column)]):
                # a time written across the period columns ("Cả năm" in a cell merged over them)
                time_text, time_origin = _cell(row, written[0]), _cell_origin(row, written[0])
            lead_text = _party_cell(row, columns.get("lead"), sheet=sheet)
            partner_text = _party_cell(row, columns.get("partners"), sheet=sheet)
            partners_column = columns.get("partners")
            noted = not partner_text and bool(partner_text := _note_partners(_cell(row, columns.get("note"))))
            if noted:
                partners_column = columns.get("note")
            if _AS_ABOVE.fullmatch(lead_text):  # "-nt-", "nt", "như trên": the row above's
                lead_text = previous_lead
            carried: list[str] = []
            from_group: list[str] = []
            if not lead_text and given[0]:  # the lead the group's row names: its tasks' unless they name their own
                lead_text, lead_origin = given[0], given[1]
                from_group.append("responsibility")
            if not time_text and given[2]:
                time_text, time_origin = given[2], given[3]
                from_group.append("timeframe")
            if merged_cells and numbered:  # a cell merged over its group's rows, printed in the first only
                if not lead_text and group_lead and not matrix:
                    lead_text, lead_origin = group_lead
                    carried.append("responsibility")
                if not time_text and group_time:
                    time_text, time_origin = group_time
                    carried.append("timeframe")
            if _cell(row, columns.get("lead")):
                group_lead = (lead_text, _cell_origin(row, columns.get("lead")))
            if _cell(row, columns.get("time")):
                group_time = (time_text, time_origin)
            starred = None if partner_text else marked_leads(lead_text)
            if starred is not None:  # "Phòng A (*); Phòng B" in one column: the marked bodies lead
                lead_text, partner_text = starred
                partners_column = columns.get("lead")
            previous_lead = lead_text
            by_marks = sheet or "\n" in lead_text
            if matrix:  # the bodies whose columns the row marks, one a line
                lead_text, partner_text, several = _marked(row, matrix)
                by_marks = True
                if several:
                    doubted_marks = "several bodies marked 'x' and none 'CT': each is read as a lead"
            leads = _parties_of(lead_text, sheet=by_marks) if lead_text else []
            partners = _parties_of(partner_text, sheet=by_marks or "\n" in partner_text) if partner_text else []
            assigned_column = columns.get("assignment")
            if _LABELLED_CELL.match(lead_text):  # "Chủ trì: …" / "Phối hợp: …" lines in the lead's cell
                assigned_column, leads = columns.get("lead"), []
            elif assigned_column is None and (clause := _clause_column(row, columns)) is not None:
                # "Phòng Tư pháp chủ trì; Văn phòng phối hợp" in a column headed for one role: clauses, not a name
                assigned_column, leads, partners = clause, [], []
            assigned, unread = _assignment_cell(row, assigned_column)
            if assigned is not None:  # "Chủ trì: …<br>Phối hợp: …<br>Thời gian: …" in one cell
                leads = leads or list(assigned.lead)
                partners = partners or list(assigned.coordinating)
                if assigned.coordinating:
                    partners_column = assigned_column
                if not time_text and assigned.time:
                    time_text, time_origin = assigned.time, _cell_origin(row, assigned_column)
            elif unread:
                self.build.doubts.append(f"{grid.name}, row {row[0].row}: {unread}")
            lead = lead_of(leads)
            responsibility = None
            if lead is not None or partners:
                implementing = partners if columns.get("partners_implement") else []
                try:
                    responsibility = Responsibility(
                        lead=lead,
                        coordinating=tuple(p for p in partners if lead is None or p.key not in lead.key.split("; ")),
                        implementing=tuple(implementing),
                    )
                except InvariantError:
                    responsibility = None
            if keys:
                # "1.1, 1.2 | Phòng Nội vụ | … | Quý II": the tasks so numbered take the row's lead and time
                self.keyed.append(
                    KeyedRow(
                        keys=keys,
                        written=title,
                        assignment=Assignment(lead=leads, coordinating=partners, time=time_text or None),
                        origin=_cell_origin(row, columns.get("lead") if lead_text else assigned_column)
                        or attrs.evolve(row[0].origin, column=None),
                        time_origin=time_origin,
                        doubts=(f"marked in {len(marked)} period columns",) if len(marked) > 1 else (),
                    )
                )
                continue
            budget: Budget | None = None
            budget_doubts: tuple[str, ...] = ()
            budget_text = _cell(row, columns.get("budget"))
            if budget_text:
                budget, budget_doubts = _budget(budget_text, unit, sheet=sheet)
            outputs_text = _cell(row, columns.get("output"))
            if area_cell := _cell(row, columns.get("area")):  # an area cell merged over its rows: printed in the first
                column_area = match_area(area_cell)
            row_area = column_area
            origin = attrs.evolve(row[0].origin, column=None)
            outputs = [outputs_text] if outputs_text else []
            if sheet:
                origin = _cell_origin(row, columns.get("title")) or origin
                outputs = [line for line in (_item_text(part) for part in outputs_text.split("\n")) if line]
                self.used_cells.update(
                    (cell.origin.sheet, cell.origin.cell)
                    for role in ("number", "title", "lead", "partners", "time", "budget", "output", "general")
                    if (cell := _grid_cell(row, columns.get(role))) is not None
                )
                if noted and (cell := _grid_cell(row, partners_column)) is not None:
                    self.used_cells.add((cell.origin.sheet, cell.origin.cell))
                title = " ".join(part.strip() for part in title.split("\n") if part.strip())
            time_kind = "rebuilt" if rebuilt else "assignment"
            said = _time_in_text(title, self.year) if not time_text and not sheet and columns.get("time") else None
            if said and re.search(r"[0-9]", said):
                # an empty time cell, the task's cell naming a day or a period ("…, trình phê duyệt trước ngày
                # 30/9/2022"): the time as the sentence says it, its bounds the reader's guess; a workbook's empty
                # cell (parplan's own appendix among them) says there is none
                time_text, time_origin, time_kind = said, _cell_origin(row, columns.get("title")), "subject"
            before = len(self.build.sources)
            self.add_task(
                wanted_id=wanted,
                title=title,
                origin=origin,
                kind="rebuilt" if rebuilt else "row",
                section=None,
                area=row_area or group_area,
                responsibility=responsibility,
                responsibility_origin=lead_origin
                or _cell_origin(row, columns.get("lead") if lead_text else assigned_column)
                or origin,
                responsibility_kind="rebuilt" if rebuilt else "cell",
                timeframe_text=time_text,
                timeframe_origin=time_origin,
                timeframe_kind=time_kind,
                outputs=outputs,
                outputs_origin=_cell_origin(row, columns.get("output")) if sheet else None,
                partners_origin=_cell_origin(row, partners_column) if sheet or noted or assigned else None,
                budget=budget,
                budget_origin=_cell_origin(row, columns.get("budget")),
                budget_doubts=budget_doubts,
                general_task=general,
                subarea=subarea,
            )
            doubted = {
                field: f"its column ({_ROLE_NAMES[role]}) was known by its cells, not its heading"
                for role, field in (("lead", "responsibility"), ("partners", "responsibility"), ("time", "timeframe"))
                if role in guessed and _cell(row, guessed[role])
            }
            if noted:
                doubted["responsibility.coordinating"] = "the partner is read from the note column ('Phối hợp …')"
            if assigned is not None and not assigned.lead_sure:
                doubted["responsibility"] = "the assignment cell's lead is read as one name whose parts name no body"
            if len(marked) > 1:
                doubted["timeframe"] = (
                    f"marked in {len(marked)} period columns: read as those periods ({time_text}), not as one span"
                )
            elif marked and periods_year:
                doubted["timeframe"] = f"the period columns stand under {periods_heading!r}, not the plan's year"
            for field in carried:
                doubted[field] = "read from the group's first row above: the note says merged cells are printed there"
            for field in from_group:  # a note speaks of the lead: a group's time is carried with a doubt
                if field == "timeframe":
                    doubted[field] = "read from the group's row above, where the task's own cell is empty"
                elif not group_noted:
                    doubted[field] = "read from the group's row above (the task's own cell is empty); no note says so"
            if starred is not None and not self._marks_noted():
                doubted["responsibility"] = (
                    "the bodies marked (*) are read as leads and the others as partners; no note says so"
                )
            if doubted_marks:
                doubted["responsibility"] = doubted_marks
                doubted_marks = ""
            if mostly_stated and not (lead_text or time_text or outputs_text or assigned):
                doubted["title"] = "the row names no lead, time or output where the table's other rows do: a group?"
            self._doubt_fields(before, doubted)

    def give_keyed(self) -> None:
        """Give the tasks the rows of assignment tables name by number their lead, partners and time.

        A key names the task whose number (its id without the part's numeral: "1.1" for "II.1.1") it
        is, read from the cell at 0.96; a key naming a heading ("2" over "2.1", "2.2") gives each task
        under it, with a doubt; a range ("1.1-1.3") the tasks from the first to the last. When the
        plan numbers alike in two parts, the part most of the table's keys name is meant. A key that
        names no task is a doubt, its row left unplaced.
        """
        part = _keyed_part(self.tasks, [key for row in self.keyed for key in row.keys])
        parts = {_relative(task.id)[0] for task in self.tasks} - {part}
        for row in self.keyed:
            found = False
            for key in row.keys:
                indices, exact = _keyed_tasks(self.tasks, key, part)
                if not indices:
                    self.build.doubts.append(f"the assignment row {row.written!r} names no task numbered {key!r}")
                    continue
                found = True
                doubts = row.doubts
                if not exact:
                    doubts = (*doubts, f"the row {row.written!r} names a group: each of its tasks takes its fields")
                if other := sorted(p for p in parts if _keyed_tasks(self.tasks, key, p)[0]):
                    doubts = (*doubts, f"{key!r} also numbers tasks of part {', '.join(other)}: part {part} is meant")
                for index in indices:
                    self.give_task(
                        index, row.assignment, row.origin, time_origin=row.time_origin, kind=row.kind, doubts=doubts
                    )
            if not found:
                self.build.unplaced.append(UnplacedLine(text=row.written, origin=row.origin))
        self.keyed.clear()

    def _merges_noted(self) -> bool:
        """Whether a note of the document says merged cells are printed only in their group's first row."""
        return any(table_note(line.text) == "merged" for line in self.document.lines())

    def _group_leads_noted(self) -> bool:
        """Whether a note of the document says the lead written on a group's row leads the group's tasks."""
        return any(table_note(line.text) == "group" for line in self.document.lines())

    def _marks_noted(self) -> bool:
        """Whether a note of the document says the bodies marked "(*)" lead ("… chủ trì có dấu (*) …")."""
        return any(table_note(line.text) == "marks" for line in self.document.lines())

    def _doubt_fields(self, before: int, doubted: dict[str, str]) -> None:
        """The sources of the task just added (from index ``before``) of the fields ``doubted``: with their doubt.

        A field read from a column known only by its cells, or from a note, stays under 0.9.
        """
        if not doubted:
            return
        sources = self.build.sources
        for index in range(before, len(sources)):
            field = sources[index].path.partition("].")[2]
            if field in doubted:
                source = sources[index]
                confidence = min((source.confidence or _DOUBTED) * Decimal("0.8"), _DOUBTED).quantize(Decimal("0.001"))
                sources[index] = attrs.evolve(source, confidence=confidence, doubts=(*source.doubts, doubted[field]))


_DOUBTED: Final = Decimal("0.85")
_NOTHING_GIVEN: Final[tuple[str, SourceLocation | None, str, SourceLocation | None]] = ("", None, "", None)
"""What a group's row gives its tasks when it names no lead and no time."""
_ROLE_NAMES: Final = {"lead": "lead", "partners": "partners", "time": "time", "number": "number"}
_NUMBERED: Final = re.compile(r"[0-9]{1,3}[.)]?|[IVX]{1,5}\.?|[A-H]\.?")
_NOTE_PARTNER: Final = vi_compile(
    r"^\s*(?:(?:cùng\s+)?phối hợp(?:\s+với)?|với sự phối hợp của|cùng)\s+(?P<rest>\S.*)$", re.IGNORECASE
)
_AS_ABOVE: Final = vi_compile(r"\s*[-–]?\s*(?:nt|như trên|n\.t)\s*[-–.]?\s*", re.IGNORECASE)
_PERIOD_HEADERS: Final = frozenset({"thang", "quy", "tuan", "thang/nam", "quy/nam"})
"""A schedule's first column naming only its period ("Tháng"): the time of the rows beside it."""


def _merged_period(rows: Sequence[Sequence[GridCell]], columns: dict[str, int]) -> dict[int, str]:
    """The period cell of each row of a schedule whose first column is a period merged over its rows.

    A table copied from Word keeps a merged cell ("Tháng 01" spanning three rows) in its first row
    only: the rows below it, with that cell empty, are still in that period until the next one. Only
    a time column that is the table's first, before the tasks' column, is carried down so.
    """
    time, title = columns.get("time"), columns.get("title")
    first = min((cell.column for row in rows for cell in row), default=None)
    if time is None or title is None or time != first or time >= title:
        return {}
    carried: dict[int, str] = {}
    current = ""
    for index, row in enumerate(rows):
        written = _cell(row, time)
        if written:
            current = written
        elif _cell(row, title) and current:
            carried[index] = current
    return carried


_MARKS: Final = {"ct": "lead", "chu tri": "lead", "x": "x", "ph": "partners", "phoi hop": "partners"}
"""The marks of a matrix of bodies: chủ trì (lead), phối hợp (partner), a cross (lead, unless another body leads)."""
_NOT_BODIES: Final = ("number", "title", "time", "budget", "output", "general", "note", "area", "overseer")


def _matrix(grid: Grid, columns: dict[str, int], header_row: int, *, skip: set[int]) -> tuple[dict[int, str], int]:
    """The bodies of a matrix table by column, and the last row naming them (0 when there is none).

    A table whose columns after the task are bodies ("Văn phòng", "Phòng Tư pháp" …, often under a
    merged "Cơ quan thực hiện") marks in each row the lead ("CT", "Chủ trì", "x") and the partners
    ("PH", "Phối hợp"). A column is a body's when every cell below its name is empty or a mark and
    one at least is marked; its name is the last cell written above the first marked row. Two such
    columns or more make the table a matrix. The columns ``skip`` names (periods) are no bodies.
    """
    taken = {columns[role] for role in _NOT_BODIES if role in columns} | skip
    below = [row for row in grid.rows if row and row[0].row > header_row]
    first_marked = next(
        (
            index
            for index, row in enumerate(below)
            if any(cell.column not in taken and fold(cell.text).strip(" .") in _MARKS for cell in row)
        ),
        None,
    )
    if first_marked is None:
        return {}, 0
    named = [row for row in grid.rows if row and row[0].row == header_row] + below[:first_marked]
    names: dict[int, str] = {}
    for row in named:
        for cell in row:
            if cell.column not in taken and cell.text.strip() and cell.columns == 1:
                names[cell.column] = cell.text.strip()
    body: dict[int, str] = {}
    for column, name in names.items():
        texts = [fold(_cell(row, column)).strip(" .") for row in below[first_marked:]]
        if not (all(text in _MARKS or not text for text in texts) and any(texts)):
            continue
        if name == _cell(named[0], column) and heading_role(name)[0] in {"lead", "partners"}:
            continue  # "Cơ quan thực hiện" over the bodies names none of them
        body[column] = name
    if len(body) < 2:
        return {}, 0
    last = named[-1][0].row if first_marked else header_row
    return body, last


def _marked(row: Sequence[GridCell], matrix: dict[int, str]) -> tuple[str, str, bool]:
    """The bodies a matrix row marks as leads and as partners (one a line), and whether several crosses lead."""
    marks = [
        (_MARKS[fold(_cell(row, column)).strip(" .")], name) for column, name in matrix.items() if _cell(row, column)
    ]
    leads = [name for mark, name in marks if mark == "lead"]
    crosses = [name for mark, name in marks if mark == "x"]
    partners = [name for mark, name in marks if mark == "partners"]
    if leads:
        partners = [*partners, *crosses]
    else:
        leads = crosses
    return "\n".join(leads), "\n".join(partners), not any(mark == "lead" for mark, _ in marks) and len(crosses) > 1


_TICKS: Final = frozenset("xXvV√✓✔☑☒✗✘×•●■+*")
"""The marks a table puts in a period's column for the periods a task is done in ("x", "√", "✓", "•", "+")."""
_NOT_PERIODS: Final = ("number", "title", "lead", "partners", "budget", "output", "general", "note", "area", "overseer")
_ANY_YEAR: Final = 2000
"""A year to read a period heading that leaves its year to the plan ("Quý II") with: only its kind is kept."""
_PERIOD_KINDS: Final = frozenset({PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.HALF, PeriodKind.YEAR})


def _period_label(text: str, above: str = "", *, years: bool = True) -> str | None:
    """The period a column's heading names, as written ("Quý II", "Tháng 3", "6 tháng đầu năm"), or None.

    A bare number under a merged heading that names the kind of period ("Thời gian (tháng)" over
    "1", "2" … "12", "Quý" over "I" … "IV") is written with the kind: "Tháng 3", "Quý II"; so is a
    wide table's abbreviation ("T3", "T.3", "Q2", "Q.II").

    >>> _period_label("Quý II"), _period_label("6 tháng cuối năm"), _period_label("3", "Thực hiện trong tháng")
    ('Quý II', '6 tháng cuối năm', 'Tháng 3')
    >>> _period_label("T10"), _period_label("Q.II")
    ('Tháng 10', 'Quý II')
    >>> _period_label("Thường xuyên"), _period_label("Chủ trì"), _period_label("3")
    (None, None, None)
    """
    written = text.strip().rstrip(".:")
    if not written or len(written) > _PERIOD_HEADING:
        return None
    folded = fold(above)
    short = re.fullmatch(r"(?P<kind>[TQ])\.?\s?(?P<n>[0-9]{1,2}|[IVX]{1,4})", written)
    if short is not None:  # "T3", "Q.II": a wide table's months and quarters
        written, folded = short["n"], "thang" if short["kind"] == "T" else "quy"
    if re.fullmatch(r"[0-9]{1,2}|[IVX]{1,4}", written):
        if re.search(r"\bthang\b", folded) and written.isdigit() and 1 <= int(written) <= 12:
            return f"Tháng {written}"
        if re.search(r"\bquy\b", folded) and (written.isalpha() or 1 <= int(written) <= 4):
            return f"Quý {written}"
        return None
    timeframe, _, _ = _timeframe(written, _ANY_YEAR)
    kinds = _PERIOD_KINDS if years else _PERIOD_KINDS - {PeriodKind.YEAR}
    if isinstance(timeframe, Within) and len(timeframe.periods) == 1 and timeframe.periods[0].kind in kinds:
        return written
    return None


_PERIOD_HEADING: Final = 30
"""A period's heading is short ("Quý III", "6 tháng đầu năm")."""


def _period_marks(grid: Grid, columns: dict[str, int], header_row: int) -> tuple[dict[int, str], int, str]:
    """The period of each column in which a row marks when it is done, the last row naming them, and their heading.

    A table may give each task's time by a mark ("x", "✓", "•") in one of several columns named by
    periods ("Quý I" … "Quý IV", "Tháng 1" … "Tháng 12", "6 tháng đầu năm"), often under a merged
    heading ("Thời gian thực hiện năm 2026") and named in the row under it. Two such columns or more,
    every cell below their names empty, a mark or a time (a cell merged over them: "Cả năm") and one
    at least marked, make the row's time the periods of the columns it marks. Nothing otherwise.
    """
    taken = {columns[role] for role in _NOT_PERIODS if role in columns}
    header = next((row for row in grid.rows if row and row[0].row == header_row), ())
    candidates = [row for row in grid.rows if row and header_row <= row[0].row <= header_row + 2]
    periods: dict[int, str] = {}
    last = header_row
    for row in candidates:
        named = {}
        for cell in row:
            if cell.column in taken or cell.columns != 1:
                continue
            above = _heading_over(header, cell.column) if row is not header else ""
            label = _period_label(cell.text, above)
            if label is not None:
                named[cell.column] = label
        if len(named) >= 2:
            periods, last = named, row[0].row
            break
    if not periods:
        return {}, 0, ""
    below = [row for row in grid.rows if row and row[0].row > last]
    texts = [_cell(row, column) for row in below for column in periods]
    if not any(text in _TICKS for text in texts) or any(
        text and text not in _TICKS and _timeframe(text, _ANY_YEAR)[0] is None for text in texts
    ):
        return {}, 0, ""  # a word that is neither a mark nor a time ("Cả năm" merged over the columns)
    heading = _heading_over(header, min(periods)) if last != header_row else ""
    return periods, last, heading


def _other_year(heading: str, year: int | None) -> bool:
    """Whether the heading over the period columns names a year other than the plan's ("năm 2027" in a 2026 plan)."""
    years = {int(found) for found in re.findall(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", heading)}
    return bool(years) and years != {year}


def _heading_over(header: Sequence[GridCell], column: int) -> str:
    """The header's cell over ``column``: the cell spanning it, else the nearest one written on its left.

    A merged heading keeps its text in its first column when the table is copied as text.
    """
    written = ""
    for cell in sorted(header, key=lambda cell: cell.column):
        if cell.column > column:
            break
        if cell.text.strip():
            written = cell.text.strip()
    return written


_KNOWN: Final = frozenset({"number", "general", "output", "lead", "partners", "time", "budget", "assignment"})
"""The roles that, besides the task's, make a row a table's header."""


def _columns(grid: Grid, *, least: int = 2) -> tuple[dict[str, int], int, int]:  # noqa: C901, PLR0912
    """Which column holds what, by the header's wording; the header's row; the budget's unit in đồng.

    A header names the task and ``least`` more columns the reader knows.

    Each heading's role comes from the one lexicon of headings (:func:`parplan.io.headings.heading_role`),
    in whatever order the columns stand. A remedial table's remedy ("Giải pháp khắc phục", "Nhiệm vụ khắc
    phục") is its task, and what lost points ("Nội dung bị trừ điểm") is not; a column the lexicon does
    not know is kept out of every role.
    """
    for row in grid.rows[:4]:
        found: dict[str, int] = {}
        unit = 1_000_000
        loose: list[int] = []
        # "Quý I", "Quý II" … (not years: "Năm 2025", "Năm 2026" head a table of targets as well)
        periods = [cell.column for cell in row if _period_label(cell.text, years=False) is not None]
        if len(periods) >= 2:  # "Quý I", "Quý II" …: the columns a row marks its time in
            found["time"] = periods[0]
        ends: list[int] = []
        for cell in row:
            folded = fold(cell.text).strip(" .:")
            if folded in _PERIOD_HEADERS and "time" not in found:
                found["time"] = cell.column  # "Tháng", "Quý": a schedule's period column
                continue
            role, exact = heading_role(cell.text)
            bound = _BOUND_HEADING.match(folded)
            if (role == "time" and any(f" {word}" in f" {folded}" for word in _START_WORDS)) or (
                bound is not None and bound["word"] in _START_WORDS
            ):
                found.setdefault("start", cell.column)  # "Thời gian bắt đầu" beside "Thời gian hoàn thành": no deadline
                continue
            if role is None and bound is not None:
                ends.append(cell.column)  # "Ngày kết thúc", "Hoàn thành": the deadline only beside a start column
                continue
            if role == "title" and "title" in found and "second_title" not in found:
                found["second_title"] = cell.column  # "Nội dung" | "Nhiệm vụ cụ thể": which is the group is seen below
                continue
            if role is None or role == "shortcoming" or role in found:
                continue
            if not exact:
                loose.append(cell.column)
            found[role] = cell.column
            if role == "partners" and "thuc hien" in folded:
                found["partners_implement"] = cell.column
            if role == "budget":
                if "nghin dong" in folded or "ngan dong" in folded:
                    unit = 1_000
                elif "ty dong" in folded:
                    unit = 1_000_000_000
                elif "trieu" not in folded and "dong" in folded:
                    unit = 1
        if "start" in found and "time" not in found and ends:
            found["time"] = ends[0]  # "Bắt đầu" | "Hoàn thành", "Ngày bắt đầu" | "Ngày kết thúc": the end
        if "remedy" in found:
            # a remedial table: "Nội dung bị trừ điểm" is what went wrong, "Giải pháp khắc phục" the task,
            # unless a column of its own names the task ("Nhiệm vụ" beside "Biện pháp khắc phục")
            remedy = found.pop("remedy")
            shortcoming = next((fold(c.text) for c in row if c.column == found.get("title")), "")
            if "title" not in found or not any(w in shortcoming for w in ("nhiem vu", "cong viec", "hoat dong")):
                found["title"] = remedy
        if "title" in found and len(found.keys() & _KNOWN) >= least:
            if loose:
                found["loose"] = loose[0]
            last = _lower_header(grid, row, found)
            _group_column(grid, last, found, row)
            return found, last, unit
    return {}, 0, 1_000_000


def _group_column(grid: Grid, header_row: int, found: dict[str, int], header: Sequence[GridCell]) -> None:
    """Of two columns headed for tasks, the left one as the group's when it groups the right one's (in place).

    It does when its cells group the right one's (:func:`_groups_tasks`), or when the headings say so: the
    left names a group ("Nhóm nhiệm vụ") or the right the specific tasks ("Nhiệm vụ cụ thể", "… chi tiết").
    """
    second = found.pop("second_title", None)
    if second is None or "general" in found:
        return
    left = fold(_cell(header, found["title"]))
    right = fold(_cell(header, second))
    named = re.search(r"\bnhom\b", left) is not None or re.search(r"\b(?:cu the|chi tiet)\b", right) is not None
    if _groups_tasks(grid, header_row, found["title"], second, named=named):
        found["general"], found["title"] = found["title"], second


def _groups_tasks(grid: Grid, header_row: int, left: int, right: int, *, named: bool = False) -> bool:
    """Whether the left of two columns headed for tasks names the group of the right one's tasks.

    A table may give each task's group or area a column of its own before the task's ("Nội dung" |
    "Nhiệm vụ cụ thể", "Nhóm nhiệm vụ" | "Nội dung nhiệm vụ"): the group's cell is merged over its
    rows and printed in the first only, or repeated on each row as a spreadsheet fills it, while
    each row writes a task of its own. So the left column is the group when the right one is written
    in (nearly) every row, each time anew, and the left one, in some row, is empty or repeats the row
    above (or, ``named``, the headings say which is the group). Rows of one or two cells (a group's own
    row) are left out.
    """
    rows = [row for row in grid.rows if row and row[0].row > header_row and sum(1 for c in row if c.text) > 2]
    tasks = [_cell(row, right) for row in rows]
    written = [text for text in tasks if text]
    if len(rows) < 2 or len(written) * 5 < len(rows) * 4 or len(set(written)) * 5 < len(written) * 4:
        return False
    if named:
        return True
    groups = [_cell(row, left) for row in rows if _cell(row, right)]
    if not groups[0] or not any(groups):
        return False
    carried = sum(1 for above, text in itertools.pairwise(groups) if not text or text == above)
    return carried > 0 and len({text for text in groups if text}) < len(groups)


_START_WORDS: Final = ("bat dau", "khoi cong", "tu ngay")
_BOUND_HEADING: Final = re.compile(
    r"^(?:(?:ngay|thoi diem|thang)\s+)?(?P<word>bat dau|khoi cong|hoan thanh|ket thuc)(?:\s+thuc hien)?$"
)
"""A heading naming only when work starts or ends ("Ngày bắt đầu", "Kết thúc", "Hoàn thành"), folded."""
_END_WORDS: Final = ("hoan thanh", "ket thuc", "den ngay", "thoi han")


def _lower_header(grid: Grid, header: Sequence[GridCell], found: dict[str, int]) -> int:
    """The last row of a table's header: the header's own, or the rows under it that divide its headings.

    A header of two rows writes "Đơn vị thực hiện" over "Chủ trì" / "Phối hợp" and "Thời gian thực hiện"
    over "Bắt đầu" / "Hoàn thành": the lower row's roles take the place of the upper's within it (the
    time is the end, "Hoàn thành"; the start is kept out of every role). A row of column numbers
    ("(1) (2) (3) …") after the header is no task either. ``found`` is updated in place.
    """
    last = header[0].row if header else 0
    below = [row for row in grid.rows if row and row[0].row > last][:2]
    if below and (roles := _sub_headings(below[0])) is not None:
        for column, role in roles.items():
            if role == "start" and found.get("time") == column:
                del found["time"]
            found[role] = column
        last = below[0][0].row
        below = below[1:]
    if below and _column_numbers(below[0], first=min((cell.column for cell in header), default=0)):
        last = below[0][0].row
    return last


def _sub_headings(row: Sequence[GridCell]) -> dict[int, str] | None:
    """The roles of a header's lower row ("Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"), or None for any other row.

    Every written cell must be such a word, two of them at least, with no task in the row.
    """
    written = [cell for cell in row if cell.text.strip()]
    if len(written) < 2:
        return None
    roles: dict[int, str] = {}
    for cell in written:
        folded = fold(cell.text).strip(" .:")
        role, _ = heading_role(cell.text)
        if role in {"lead", "partners"} and len(folded.split()) <= 4:
            roles[cell.column] = role
        elif folded.startswith(_START_WORDS) or folded in {"tu", "bat dau thuc hien"}:
            roles[cell.column] = "start"
        elif folded.startswith(_END_WORDS) or folded in {"den", "han"}:
            roles[cell.column] = "time"
        else:
            return None
    return roles


def _column_numbers(row: Sequence[GridCell], *, first: int) -> bool:
    """Whether a row only numbers the table's columns: "(1) (2) (3) …" or "1 2 3 …" from its first column on.

    Three at least, from 1 in the table's ``first`` column, one a column: month columns numbered under
    a merged heading ("Tháng" over "1 2 3 …") start further right and are kept.
    """
    written = [cell for cell in row if cell.text.strip()]
    numbers = [re.fullmatch(r"\(?([0-9]{1,2})\)?", cell.text.strip()) for cell in written]
    if len(written) < 3 or not all(numbers) or written[0].column != first:
        return False
    values = [int(found[1]) for found in numbers if found]
    columns = [cell.column for cell in written]
    return values == list(range(1, len(values) + 1)) and columns == list(range(first, first + len(columns)))


def _cell(row: Sequence[GridCell], column: int | None) -> str:
    if column is None:
        return ""
    for cell in row:
        if cell.column <= column < cell.column + cell.columns:
            return cell.text.strip()
    return ""


def _grid_cell(row: Sequence[GridCell], column: int | None) -> GridCell | None:
    if column is None:
        return None
    return next((cell for cell in row if cell.column <= column < cell.column + cell.columns), None)


def _party_cell(row: Sequence[GridCell], column: int | None, *, sheet: bool) -> str:
    """A cell of parties: its lines parted by newlines where the document breaks them (one party a line)."""
    cell = _grid_cell(row, column)
    if cell is None:
        return ""
    if cell.lines and not sheet:
        joined: list[str] = []
        for line in cell.lines:
            if joined and line[:1].islower():  # a name the cell wrapped goes on: "Phòng Văn hóa và" / "Thông tin"
                joined[-1] = f"{joined[-1]} {line}"
            else:
                joined.append(line)
        return "\n".join(joined)
    return cell.text.strip()


def _parties_of(text: str, *, sheet: bool) -> list[SingleParty]:
    """The parties a cell names; in a sheet, each line names one (a line "Cán bộ, công chức" is one group)."""
    if not sheet:
        parties = parse_parties(text)
        if len(parties) > 1 and not any(mark in text for mark in ";\n+"):
            # "Đ/c Phạm Thu Hà, Phó Chủ tịch UBND xã": a person and their post, one party
            whole = party(text)
            if (
                isinstance(whole, Official)
                and whole.honorific is not None
                and not any(isinstance(one, Official) and one.name for one in parties[1:])
            ):
                return [whole]
        return parties
    found: list[SingleParty] = []
    for line in map(_item_text, text.split("\n")):
        if not line:
            continue
        parties = parse_parties(line)
        whole = party(line)
        named = isinstance(whole, Official) and whole.honorific is not None  # "Đ/c Nguyễn Văn A, Công chức VP"
        if len(parties) > 1 and (named or all(one.label[:1].islower() for one in parties[1:])):
            parties = [whole]
        found.extend(one for one in parties if one.key not in {other.key for other in found})
    return found


def table_note(text: str) -> str | None:
    """What a note about a task table says: "merged", "marks" or "group", or None for any other text.

    "merged": cells merged over a group of rows are printed in its first row only ("ô gộp chỉ ghi ở
    dòng đầu", "các ô đã gộp … hàng đầu", "trộn ô"); "marks": the bodies marked "(*)", in bold or
    underlined lead ("đơn vị chủ trì có dấu (*)", "đơn vị in đậm là đơn vị chủ trì"); "group": the
    lead written on a group's row leads the group's tasks ("cơ quan chủ trì ghi tại dòng lĩnh vực …",
    "nhiệm vụ để trống cột chủ trì do đơn vị chủ trì của nhóm thực hiện").

    >>> table_note("(Bảng sao từ Excel: ô gộp chỉ ghi ở dòng đầu của nhóm)"), table_note("(*) Đơn vị chủ trì")
    ('merged', 'marks')
    >>> table_note("Ghi chú: đơn vị chủ trì ghi ở dòng nhóm nhiệm vụ là đơn vị chủ trì các nhiệm vụ trong nhóm.")
    'group'
    >>> table_note("Phòng Nội vụ chủ trì, phối hợp các đơn vị") is None
    True
    """
    text = text.replace("\\*", "*")
    folded = fold(text)
    if _MERGED_NOTE.search(folded) and _FIRST_ROW_NOTE.search(folded):
        return "merged"
    if (
        "chu tri" in folded
        and len(folded.split()) <= _NOTE_WORDS
        and (_GROUP_ROW_NOTE.search(folded) or _GROUP_EMPTY_NOTE.search(folded))
    ):
        return "group"
    marked = "(*)" in text or any(words in folded for words in _MARK_WORDS)
    if marked and "chu tri" in folded and len(folded.split()) <= _NOTE_WORDS:
        return "marks"
    return None


_NOTE_WORDS: Final = 40
_MARK_WORDS: Final = ("in dam", "chu dam", "to dam", "gach chan", "gach duoi")
"""A note's words for leads in bold or underlined ("đơn vị in đậm là đơn vị chủ trì"), folded."""
_MERGED_NOTE: Final = re.compile(r"\bo (?:da |duoc |bi )?(?:gop|tron|hop nhat)\b|\b(?:gop|tron|hop nhat) (?:cac )?o\b")
"""A note's words for merged cells ("ô gộp", "các ô đã gộp", "trộn ô"), folded."""
_FIRST_ROW_NOTE: Final = re.compile(r"\b(?:dong|hang) dau\b")
_GROUP_ROW_NOTE: Final = re.compile(
    r"\b(?:ghi|neu|the hien)\s+(?:o|tai|tren)\s+(?:cac\s+)?(?:dong|hang)\b(?:\s+\w+){0,3}?"
    r"\s+(?:linh vuc|nhom|tieu de|la ma|dau muc|muc lon|noi dung lon)\b"
)
"""A note's words for a lead written on the group's row: "ghi tại dòng lĩnh vực", "nêu ở hàng tiêu đề của nhóm"."""
_GROUP_EMPTY_NOTE: Final = re.compile(
    r"\b(?:khong ghi|de trong|bo trong|khong neu)\b.*\b(?:cua|thuoc|theo)\s+(?:tung\s+|moi\s+)?(?:linh vuc|nhom|muc)\b"
)
"""A note's words for tasks whose empty lead cell is their group's: "nhiệm vụ để trống … của lĩnh vực"."""


def _item_text(line: str) -> str:
    """A line of a cell without the dash or bullet it starts with."""
    return re.sub(r"^\s*(?:[-+•*–]\s+)?", "", line).strip()


_RUN_LABEL: Final = vi_compile(
    r"(?<=\S)(?<!đơn vị)(?<!cơ quan)(?<!thời gian)(?<!thời hạn)[ ;,.]+"  # not inside "Đơn vị chủ trì:"
    r"(?=(?:(?:đơn vị|cơ quan) )?(?:chủ trì|phối hợp|thời gian|thời hạn|hoàn thành)"
    r"(?: thực hiện| hoàn thành)?\s*:)",
    re.IGNORECASE,
)
"""Where a label follows the text of another in one line: "Chủ trì: Văn phòng Phối hợp: Thanh tra"."""
_LABELLED_CELL: Final = vi_compile(r"^\s*(?:[-+•]\s*)?(?:chủ trì|đơn vị chủ trì|cơ quan chủ trì)\s*:", re.IGNORECASE)
"""A cell opening with a lead's label ("Chủ trì: …"): its lines are labelled fields, not one party's name."""


def _assignment_cell(row: Sequence[GridCell], column: int | None) -> tuple[SlotAssignment | None, str]:
    """The lead, partners and time one cell gives under their labels, and a doubt when it gives them unread.

    A cell headed "Phân công thực hiện" (or a lead's cell) may hold "Chủ trì: …", "Phối hợp: …",
    "Thời gian: …" as its lines (``<br>`` in Markdown, paragraphs in Word) or parted by ";": each
    line is a segment of a slot (:func:`parplan.read.slots.read_slot`). Where a copy joined its lines
    (a grid or box-drawn table wraps a cell's lines into one), each label after the first starts a line.
    """
    cell = _grid_cell(row, column)
    if cell is None or not cell.text.strip():
        return None, ""
    lines = [_item_text(part).rstrip(" ;.") for line in (cell.lines or (cell.text,)) for part in _RUN_LABEL.split(line)]
    slot = read_slot("; ".join(line for line in lines if line))
    if slot is None or not (slot.lead or slot.time):
        return None, f"the assignment cell {cell.text[:60]!r} could not be read into a lead and a time"
    return slot, ""


_KEY: Final = r"[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}(?:\.[a-zđ](?![\w]))?\.?"
"""A task's number as a plan writes it: "2", "1.1", "2.3.1", or with a point's letter ("1.a", "2.1.b")."""
_KEY_WORD: Final = vi_compile(r"^(?:các\s+)?(?:nhiệm vụ|nv|nội dung|mục|tiểu mục|khoản)\b", re.IGNORECASE)
_TASK_KEYS: Final = vi_compile(
    rf"^(?:(?:các\s+)?(?:nhiệm vụ|nv|nội dung|mục|tiểu mục|khoản)\s*(?:số\s*)?)?"
    rf"(?P<keys>{_KEY}(?:\s*(?:,|;|và|-|–|—|đến|tới)\s*{_KEY})*)\s*$",
    re.IGNORECASE,
)
_KEY_RANGE: Final = vi_compile(rf"(?P<start>{_KEY})\s*(?:-|–|—|đến|tới)\s*(?P<end>{_KEY})", re.IGNORECASE)


def _task_keys(text: str) -> tuple[str | tuple[str, str], ...]:
    """The task numbers a cell names ("1.1, 1.2", "Nhiệm vụ 2.1", "1.1-1.3" as a range), or () for any other text.

    >>> _task_keys("1.1, 1.2"), _task_keys("Nhiệm vụ 3.1 và 3.2"), _task_keys("2.1 - 2.3")
    (('1.1', '1.2'), ('3.1', '3.2'), (('2.1', '2.3'),))
    >>> _task_keys("Nhiệm vụ 1.a, 1.c")
    ('1.a', '1.c')
    >>> _task_keys("Rà soát thủ tục 1.1"), _task_keys("2026")
    ((), ())
    """
    found = _TASK_KEYS.match(text.strip())
    if found is None:
        return ()
    keys: list[str | tuple[str, str]] = []
    rest = found["keys"]
    for piece in re.split(r"\s*(?:,|;|\bvà\b)\s*", rest):
        span = _KEY_RANGE.fullmatch(piece)
        if span is not None:
            keys.append((span["start"].rstrip("."), span["end"].rstrip(".")))
        elif re.fullmatch(_KEY, piece):
            keys.append(piece.rstrip("."))
        else:
            return ()
    return tuple(keys)


_KEYED_LINE: Final = re.compile(r"^(?P<keys>[^:]{1,60}?)\s*:\s*(?P<slot>\S.*)$", re.DOTALL)


def keyed_line(text: str) -> tuple[tuple[str | tuple[str, str], ...], SlotAssignment] | None:
    """A line of an assignment list naming tasks by number and their fields ("Nhiệm vụ 1.1, 1.2: <body>; Quý II").

    >>> keys, slot = keyed_line("Nhiệm vụ 2.1, 2.2: Phòng Tư pháp chủ trì; thời gian: Quý III/2025.")
    >>> keys, [p.label for p in slot.lead], slot.time
    (('2.1', '2.2'), ['Phòng Tư pháp'], 'Quý III/2025')
    >>> keyed_line("Nhiệm vụ 1: Rà soát thủ tục hành chính (Phòng Tư pháp)") is None
    True
    >>> keyed_line("Nhiệm vụ 2: Số hóa sổ hộ tịch") is None  # an item, whose words read as a name
    True
    """
    found = _KEYED_LINE.match(text.strip())
    if found is None:
        return None
    keys = _task_keys(found["keys"])
    if not keys or not _names_tasks(found["keys"]):
        return None
    slot = read_slot(found["slot"])
    if slot is None or not slot.lead or not slot.lead_sure:
        return None
    # a name alone may be a task's words ("Nhiệm vụ 2: Số hóa sổ hộ tịch"): a label, a role or a time must say so
    if not (slot.lead_labelled or (slot.time and slot.segments > 1) or "chủ trì" in found["slot"].lower()):
        return None
    return keys, slot


_KEYS_RUN: Final = rf"(?:các\s+)?(?:nhiệm vụ|nội dung)\s+(?:số\s+)?(?P<keys>{_KEY}(?:\s*(?:,|và|-|–|đến)\s*{_KEY})*)"
_BODY_LEADS_KEYS: Final = vi_compile(
    rf"^(?P<body>[^;:()]{{2,120}}?)\s+(?:(?:cùng(?:\s+với)?)\s+(?P<with>[^;:()]{{2,100}}?)\s+)?"
    rf"(?:là cơ quan\s+)?chủ trì(?:\s+thực hiện)?\s+{_KEYS_RUN}\s*[.;]?$",
    re.IGNORECASE,
)
"""A clause of a "Phân công" part giving a body the tasks it leads by number ("Sở Nội vụ chủ trì nhiệm vụ số 3")."""
_FOLLOWING_KEYS: Final = vi_compile(
    rf"^(?:(?P<how>cùng(?:\s+với)?|phối hợp(?:\s+với)?)\s+(?P<with>[^;:()]{{2,100}}?)\s+)?"
    rf"chủ trì(?:\s+thực hiện)?\s+{_KEYS_RUN}\s*[.;]?$",
    re.IGNORECASE,
)
"""A later clause of the same body: "…; cùng Sở Tài chính chủ trì nhiệm vụ số 6", "phối hợp X chủ trì nhiệm vụ 2"."""
_CLAUSE_CUT: Final = vi_compile(r"\s*;\s*|\s+và\s+(?=(?:cùng|phối hợp|chủ trì)\b)|,\s+(?=(?:cùng|phối hợp)\b)")


def body_keyed_line(text: str) -> list[tuple[tuple[str | tuple[str, str], ...], Assignment]] | None:
    """The tasks a line of a "Phân công" part gives a body to lead, by their numbers, with that body as lead.

    "<body> chủ trì các nhiệm vụ số 1, 4 và 8; …": the body leads tasks 1, 4 and 8. Later clauses of
    the line name more tasks of the same body: "cùng <body 2> chủ trì nhiệm vụ số 6" (both lead it),
    "phối hợp <body 2> chủ trì nhiệm vụ số 6" (the other leads it, this body takes part). A clause of
    other words ("là cơ quan thường trực") is passed over; None unless the line opens with such a body.

    >>> [(keys, [p.label for p in given.lead]) for keys, given in body_keyed_line(
    ...     "Sở Nội vụ chủ trì các nhiệm vụ số 1, 4 và 8; là cơ quan thường trực.")]
    [(('1', '4', '8'), ['Sở Nội vụ'])]
    >>> rows = body_keyed_line("Sở Tài chính chủ trì nhiệm vụ số 5 và cùng Công an tỉnh chủ trì nhiệm vụ số 6.")
    >>> [(keys, [p.label for p in given.lead]) for keys, given in rows]
    [(('5',), ['Sở Tài chính']), (('6',), ['Sở Tài chính', 'Công an tỉnh'])]
    >>> body_keyed_line("Phòng Nội vụ chủ trì, phối hợp các phòng triển khai kế hoạch.") is None
    True
    """
    clauses = _CLAUSE_CUT.split(text.strip().rstrip("."))
    first = _BODY_LEADS_KEYS.match(clauses[0])
    body = _parties(first["body"]) if first is not None else None
    if first is None or body is None or len(body) != 1:
        return None
    rows: list[tuple[tuple[str | tuple[str, str], ...], Assignment]] = []
    for index, clause in enumerate(clauses):
        found = first if index == 0 else _FOLLOWING_KEYS.match(clause)
        if found is None:
            continue  # "là cơ quan thường trực, tổng hợp chung": no task of the list
        keys = _task_keys(found["keys"])
        other = _parties(found["with"]) if found["with"] else []
        if not keys or other is None:
            return None
        if index > 0 and found["how"] and fold(found["how"]).startswith("phoi hop"):
            rows.append((keys, Assignment(lead=list(other), coordinating=list(body))))
        else:
            rows.append((keys, Assignment(lead=[*body, *other])))
    return rows


def _keyed_table(rows: Sequence[Sequence[GridCell]], columns: dict[str, int]) -> bool:
    """Whether a table assigns tasks written elsewhere by their numbers: every task cell is numbers only.

    Its rows give a lead or a time, and one at least names a sub-number ("1.1") or says what it names
    ("Nhiệm vụ 2"), as the plan numbers its tasks: a column of plain row numbers is the table's own
    numbering, not a key.
    """
    title = columns.get("title")
    if title is None or not ({"lead", "time", "assignment"} & columns.keys()):
        return False
    cells = [text for row in rows if (text := _cell(row, title))]
    keys = [_task_keys(text) for text in cells]
    return bool(cells) and all(keys) and any(map(_names_tasks, cells))


def _key_column(grid: Grid) -> tuple[dict[str, int], int] | None:
    """The columns of an assignment table whose column of task numbers has no heading the lexicon knows.

    A header naming the lead or the time over a column whose every cell names tasks by their numbers
    ("Mục", "Số hiệu", or no heading, over "1.1, 1.2", "2.1"): that column stands where the tasks would.
    """
    for header in grid.rows[:4]:
        roles: dict[str, int] = {}
        for cell in header:
            role = heading_role(cell.text)[0]
            if role in {"lead", "partners", "time", "assignment"} and role not in roles:
                roles[role] = cell.column
        if not roles.keys() & {"lead", "time", "assignment"}:
            continue
        below = [row for row in grid.rows if row and header and row[0].row > header[0].row]
        for column in sorted({cell.column for row in below for cell in row} - set(roles.values())):
            texts = [text for row in below if (text := _cell(row, column))]
            if len(texts) > 1 and all(map(_task_keys, texts)) and any(map(_names_tasks, texts)):
                return {**roles, "title": column}, header[0].row if header else 0
    return None


def _names_tasks(text: str) -> bool:
    """Whether numbers name the plan's tasks: a sub-number ("1.1") or a word before them ("Nhiệm vụ 2")."""
    return bool(_KEY_WORD.match(text.strip())) or any("." in str(key) for key in _task_keys(text))


def _relative(task_id: str) -> tuple[str, str]:
    """A task's part (its Roman numeral, or "") and its number within the part: "II.1.1" → ("II", "1.1")."""
    part, _, rest = task_id.partition(".")
    if rest and re.fullmatch(r"[IVX]{1,5}", part):
        return part, rest
    return "", task_id


def _keyed_part(tasks: Sequence[Task], keys: Sequence[str | tuple[str, str]]) -> str | None:
    """The part whose tasks most of an assignment table's keys name (None when no key names a task)."""
    votes: Counter[str] = Counter()
    for key in keys:
        first = key[0] if isinstance(key, tuple) else key
        parts = {part for part, number in map(_relative, (task.id for task in tasks)) if _under(number, first)}
        votes.update(parts)
    return votes.most_common(1)[0][0] if votes else None


def _under(number: str, key: str) -> bool:
    return number == key or number.startswith(f"{key}.")


def _keyed_tasks(tasks: Sequence[Task], key: str | tuple[str, str], part: str | None) -> tuple[list[int], bool]:
    """The tasks of ``part`` a key names, and whether it names each of them exactly (not as their heading)."""
    numbers = [(index, number) for index, (p, number) in enumerate(_relative(task.id) for task in tasks) if p == part]
    if isinstance(key, tuple):
        starts = [index for index, number in numbers if _under(number, key[0])]
        ends = [index for index, number in numbers if _under(number, key[1])]
        if not starts or not ends or ends[-1] < starts[0]:
            return [], False
        return [index for index, _ in numbers if starts[0] <= index <= ends[-1]], True
    exact = [index for index, number in numbers if number == key]
    if exact:
        return exact, True
    return [index for index, number in numbers if number.startswith(f"{key}.")], False


def _cell_origin(row: Sequence[GridCell], column: int | None) -> SourceLocation | None:
    if column is None:
        return None
    for cell in row:
        if cell.column <= column < cell.column + cell.columns:
            return cell.origin
    return None


def _join_continuation_rows(rows: list[tuple[GridCell, ...]], columns: dict[str, int]) -> list[tuple[GridCell, ...]]:
    """A task row's wrapped cells carried on in the rows under it ("| | phí, lệ phí … | | liên quan | |"), joined.

    A row continues the one above when its number cell is empty, the row above is numbered, and its task
    cell is empty or goes on in lower case; each of its cells is joined to the cell above it with one space.
    """
    number_column = columns.get("number")
    title_column = columns.get("title")
    if number_column is None or title_column is None:
        return rows
    joined: list[tuple[GridCell, ...]] = []
    numbered_above = False
    for row in rows:
        number = _cell(row, number_column)
        title = _cell(row, title_column)
        filled = [cell for cell in row if cell.text]
        continues = (
            joined
            and numbered_above
            and not number
            and filled
            and (not title or title[:1].islower() or _carried_on(row, joined[-1], columns))
            and len(row) == len(joined[-1])
            and all(cell.columns == 1 for cell in row)
        )
        if not continues:
            joined.append(row)
            numbered_above = bool(number)
            continue
        above = joined[-1]
        joined[-1] = tuple(
            attrs.evolve(top, text=f"{top.text} {cell.text}".strip()) if cell.text else top
            for top, cell in zip(above, row, strict=True)
        )
    return joined


def _carried_on(row: Sequence[GridCell], above: Sequence[GridCell], columns: dict[str, int]) -> bool:
    """Whether a row whose task cell opens in capitals still carries on the task of the row above.

    It has no lead nor time of its own, no item mark, and the task above stops without punctuation
    ("… thủ tục hành chính trên" then "Cổng …").
    """
    title = _cell(row, columns.get("title"))
    above_title = _cell(above, columns.get("title"))
    return (
        not _cell(row, columns.get("lead"))
        and not _cell(row, columns.get("time"))
        and not re.match(r"[-+•*]|[a-zđ0-9]{1,3}[.)]|(?:Tổng|TỔNG|Cộng|CỘNG)\b", title)
        and bool(above_title)
        and not above_title.rstrip().endswith((".", ";", ":", "!", "?"))
    )


_ROLE_CLAUSE: Final = vi_compile(r"\S\s+(?:chủ trì|phối hợp|thực hiện)\b")


def _clause_column(row: Sequence[GridCell], columns: dict[str, int]) -> int | None:
    """The lead's (or, without one, the partners') column when its cell says who leads in clauses; else None.

    A cell "Phòng Tư pháp chủ trì; Văn phòng HĐND và UBND phối hợp" or "Công an xã thực hiện" names its parties
    with their roles' verbs, whatever its column's heading says: it is read as an assignment, and only when
    it reads as one with a lead.
    """
    for role in ("lead", "partners"):
        column = columns.get(role)
        text = _cell(row, column)
        if column is None or not text:
            continue
        if not _ROLE_CLAUSE.search(text) or "\n" in text:
            return None
        slot = read_slot(text)
        return column if slot is not None and slot.lead and not slot.lead_labelled else None
    return None


def _numbered_group(rows: Sequence[Sequence[GridCell]], index: int, columns: dict[str, int], parents: set[str]) -> bool:
    """Whether a row names a group: by its own shape, or as a bare title over rows numbered under it."""
    row = rows[index]
    if _group_row(row, columns) is not None:
        return True
    filled = [cell.text for cell in row if cell.text]
    title = _cell(row, columns.get("title"))
    number = _cell(row, columns.get("number"))
    if len(filled) == 2 and bool(title) and (number.rstrip(".") in parents or _lettered_below(rows, index, columns)):
        return True
    return _group_assigning(rows, index, columns)


def _group_assigning(rows: Sequence[Sequence[GridCell]], index: int, columns: dict[str, int]) -> bool:
    """Whether a row is a group's (a Roman numeral or a capital letter and a heading) that names the lead of its tasks.

    "I | CẢI CÁCH THỂ CHẾ | Phòng Tư pháp | |" over rows numbered "1", "2": the group's row writes,
    besides its heading, only a lead or a time (no partners, no output), and the next row is numbered
    in figures. A table numbering its own tasks I, II, III has no rows in figures under them.
    """
    row = rows[index]
    number = _cell(row, columns.get("number")).rstrip(".")
    title = _cell(row, columns.get("title"))
    if not re.fullmatch(r"[IVX]{1,5}|[A-H]", number) or not title or index + 1 >= len(rows):
        return False
    given = {columns.get(role) for role in ("number", "title", "lead", "time")} - {None}
    if any(cell.text and cell.column not in given for cell in row):
        return False
    below = _cell(rows[index + 1], columns.get("number"))
    return _given_by_group(row, columns) != _NOTHING_GIVEN and re.fullmatch(r"[0-9]{1,3}\.?", below) is not None


def _given_by_group(
    row: Sequence[GridCell], columns: dict[str, int]
) -> tuple[str, SourceLocation | None, str, SourceLocation | None]:
    """The lead and the time a group's row writes in their own columns (one column's cells), with their origins."""
    found: dict[str, tuple[str, SourceLocation | None]] = {}
    for role in ("lead", "time"):
        column = columns.get(role)
        cell = next((c for c in row if c.column == column and c.columns == 1 and c.text.strip()), None)
        if cell is not None and column != columns.get("title"):
            found[role] = (cell.text.strip(), cell.origin)
    lead, lead_origin = found.get("lead", ("", None))
    time, time_origin = found.get("time", ("", None))
    return lead, lead_origin, time, time_origin


def _lettered_below(rows: Sequence[Sequence[GridCell]], index: int, columns: dict[str, int]) -> bool:
    """Whether the row after a numbered one is lettered "a" ("1 | Hạ tầng số" over "a | …", "b | …"): its group."""
    number = _cell(rows[index], columns.get("number"))
    if not re.fullmatch(r"[0-9]{1,2}\.?", number) or index + 1 >= len(rows):
        return False
    return re.fullmatch(r"a[.)]?", _cell(rows[index + 1], columns.get("number"))) is not None


def _group_row(row: Sequence[GridCell], columns: dict[str, int]) -> tuple[str | None, str] | None:  # noqa: ARG001
    """A row naming a group ("I | CHỈ ĐẠO ĐIỀU HÀNH", "A Ứng dụng …") rather than a task."""
    filled = [cell for cell in row if cell.text]
    if not filled or len(filled) > 2:
        return None
    if len(filled) == 1:
        style, label, rest = _marker(filled[0].text)
        letter = re.match(r"^(?P<l>[A-H])\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$", filled[0].text)
        if style == "roman":
            return label, rest
        if letter:
            return letter["l"], letter["rest"]
        if filled[0].columns > 1 or filled[0].text.isupper():
            return None, filled[0].text
        return None
    number, heading = filled[0].text, filled[1].text
    if re.fullmatch(r"[IVX]{1,5}\.?|[A-H]\.?", number):
        return number.rstrip("."), heading
    if re.fullmatch(r"[0-9]{1,2}\.?", number) and heading.isupper() and len(heading.split()) >= 2:
        return number.rstrip("."), heading  # "| 1 | CẢI CÁCH THỂ CHẾ | | |": a numbered group in capitals
    if re.fullmatch(r"[0-9]{1,2}\.?", number) and filled[1].columns > 1 and len(heading.split()) >= 2:
        return number.rstrip("."), heading  # "1 | Cải cách thủ tục hành chính" merged across the other columns
    return None


def _budget(text: str, unit: int, *, sheet: bool = False) -> tuple[Budget | None, tuple[str, ...]]:
    """The budget a cell states, and the doubts about it.

    A point groups thousands, as Vietnamese writes ("1.500" is 1,500); in a sheet
    "12.345678" (a point not grouping thousands) is a decimal point, and a text cell
    such as "1.500", which a spreadsheet could mean either way, is read as 1,500 with a
    doubt. An amount that is not a whole number of đồng is kept as written, with a doubt.
    """
    cleaned = text.strip()
    if sheet and re.fullmatch(r"[0-9]+[.][0-9]+", cleaned) and not re.fullmatch(r"[0-9]{1,3}(?:[.][0-9]{3})+", cleaned):
        return _amount(Decimal(cleaned) * unit, cleaned)
    number = re.fullmatch(r"[0-9]{1,3}(?:[.][0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?", cleaned)
    if number:
        budget, doubts = _amount(Decimal(cleaned.replace(".", "").replace(",", ".")) * unit, cleaned)
        if sheet and re.fullmatch(r"[0-9]{1,3}[.][0-9]{3}", cleaned):
            grouped, decimal = cleaned.replace(".", ""), cleaned.replace(".", ",")
            doubts += (f"{cleaned!r} is read as {grouped} (a point grouping thousands); it may mean {decimal}",)
        return budget, doubts
    return Budget(note=cleaned, text=cleaned), ()


_MONEY: Final = vi_compile(
    r"^(?P<n>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+(?:,[0-9]+)?)\s*(?P<unit>tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|đ)\b\.?"
    r"\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_MONEY_UNITS: Final = {"ty": 1_000_000_000, "trieu": 1_000_000, "nghin": 1_000, "ngan": 1_000}


def budget_phrase(text: str) -> tuple[Budget, tuple[str, ...]]:
    """The budget a field of a task states ("Kinh phí: 20 triệu đồng (ngân sách huyện)"), and its doubts.

    >>> budget_phrase("20 triệu đồng (ngân sách huyện).")[0]
    Budget(amount=20000000, source='ngân sách huyện', note=None, lines=(), text='20 triệu đồng (ngân sách huyện)')
    >>> budget_phrase("1,5 tỷ đồng")[0].amount, budget_phrase("Từ nguồn ngân sách xã")[0].note
    (1500000000, 'Từ nguồn ngân sách xã')
    """
    written = text.strip().rstrip(".;").strip()
    found = _MONEY.match(written)
    if found is None:
        return Budget(note=written, text=written), ()
    number = found["n"].replace(".", "").replace(",", ".")
    budget, doubts = _amount(Decimal(number) * _MONEY_UNITS.get(fold(found["unit"] or ""), 1), written)
    rest = found["rest"].strip(" ()-–,;")
    if rest and budget.amount is not None:
        budget = attrs.evolve(budget, source=rest)
    return budget, doubts


def _amount(exact: Decimal, written: str) -> tuple[Budget, tuple[str, ...]]:
    """A budget of ``exact`` đồng; the text as written, with a doubt, when that is not a whole number or too large."""
    if exact == exact.to_integral_value():
        try:
            return Budget(amount=int(exact), text=written), ()
        except InvariantError:
            return Budget(text=written), (f"the amount {written!r} is too large to keep: kept as written",)
    return Budget(text=written), (f"the amount {written!r} is not a whole number of đồng: kept as written",)


def _note_partners(text: str) -> str:
    """The partners a note names ("Phối hợp Sở Tài chính"), or "" when it names no body ("Phối hợp ngân hàng").

    >>> _note_partners("Phối hợp Sở Tài nguyên và Môi trường")
    'Sở Tài nguyên và Môi trường'
    >>> _note_partners("Phối hợp ngân hàng"), _note_partners("Có thể thuê đơn vị tư vấn")
    ('', '')
    """
    found = _NOTE_PARTNER.match(text.replace("\n", " "))
    if found is None:
        return ""
    rest = found["rest"].strip().rstrip(".;")
    parties = parse_parties(rest)
    if not parties or not all(one.label[:1].isupper() for one in parties):
        return ""
    return rest


def _reads_as_time(text: str) -> bool:
    """Whether a cell is a time the phrase parser reads whole and surely (a short cell)."""
    return cell_is_time(text, most_words=8)


def _reads_as_party(text: str) -> bool:
    """Whether a cell names who does the task: a short cell opening with a party's name."""
    cleaned = text.strip()
    return bool(cleaned) and len(cleaned.split()) <= 14 and starts_party(cleaned) and not _reads_as_time(cleaned)


def _guess_columns(
    grid: Grid, columns: dict[str, int], header_row: int, *, skip: set[int] | None = None
) -> dict[str, int]:
    """Roles for the columns whose heading is missing or unknown, from what their cells hold.

    A column whose cells (four in five at least, two cells at least) are times the phrase parser reads
    surely is the time, when the header names none; one whose cells name parties is the lead, or the
    partners when the lead is named; the first column, numbered, the rows' number. A column named by
    its heading (a note, a product) is never guessed.
    """
    header = next((row for row in grid.rows if row and row[0].row == header_row), ())
    named = {
        cell.column
        for cell in header
        if heading_role(cell.text)[0] is not None or fold(cell.text).strip(" .:") in _PERIOD_HEADERS
    }
    named.update(columns.values())
    named.update(skip or ())
    title = columns["title"]
    body = [row for row in grid.rows if row and row[0].row > header_row and _cell(row, title)]
    guessed: dict[str, int] = {}
    unnamed = sorted({cell.column for row in body for cell in row if cell.columns == 1} - named)
    first = min((cell.column for row in body for cell in row), default=None)
    for column in unnamed:
        texts = [text for row in body if (text := _cell(row, column))]
        if len(texts) < 2:
            continue
        if (
            column == first
            and "number" not in columns
            and _most(texts, lambda text: _NUMBERED.fullmatch(text) is not None)
        ):
            guessed["number"] = column
        elif "time" not in columns and "time" not in guessed and _most(texts, _reads_as_time):
            guessed["time"] = column
        elif _most(texts, _reads_as_party):
            role = next((r for r in ("lead", "partners") if r not in columns and r not in guessed), None)
            if role is not None:
                guessed[role] = column
    return guessed


def _numbered(text: str) -> bool:
    return _NUMBERED.fullmatch(text) is not None


def _most(texts: Sequence[str], test: Callable[[str], bool]) -> bool:
    return sum(1 for text in texts if test(text)) * 5 >= len(texts) * 4


def _has_time_column(grid: Grid) -> bool:
    """Whether a heading of the table's first rows names a time ("Thời gian", "Tháng"): a schedule's."""
    return any(
        heading_role(cell.text)[0] == "time" or fold(cell.text).strip(" .:") in _PERIOD_HEADERS
        for row in grid.rows[:4]
        for cell in row
    )


def _inspection(document: SourceDocument) -> bool:
    """Whether the document is an inspection plan: its title (the lines after "KẾ HOẠCH") says "kiểm tra"."""
    lines = [line.text.strip() for line in document.lines()[:60] if line.text.strip()]
    for index, text in enumerate(lines):
        if fold(text).strip(" .:") == "ke hoach":
            return any("kiem tra" in fold(title) for title in lines[index + 1 : index + 3])
    return False
