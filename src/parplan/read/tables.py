"""The plan's tables.

Which column holds what, rows carried on, group rows, budgets, and the reader of a
grid's rows into tasks (:class:`_GridReader`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.org import Official, Responsibility, SingleParty
from parplan.plan import Budget
from parplan.read.draft import _Draft, fold
from parplan.read.items import _marker
from parplan.read.lines import Grid, GridCell
from parplan.read.parties import lead_of, parse_parties, party
from parplan.read.reading import UnplacedLine
from parplan.source import SourceLocation
from parplan.text import match_area


@attrs.define
class _GridReader(_Draft):
    """Reads a table's rows into tasks."""

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
        if "title" not in columns:
            for row in grid.rows:
                text = " | ".join(cell.text for cell in row if cell.text)
                if text:
                    origin = row[0].origin
                    self.build.unplaced.append(
                        UnplacedLine(text=text, origin=attrs.evolve(origin, file=self.build.file))
                    )
            if grid.rows:
                self.build.doubts.append(f"{grid.name} has no column of tasks: its rows are left unplaced")
            return
        group_area = area
        group_label: str | None = None
        subarea: str | None = None
        general: str | None = None
        numbers_seen: set[str] = set()
        restart = False
        rows = [row for row in grid.rows if row and row[0].row > header_row]
        header_cells = next((row for row in grid.rows if row and row[0].row == header_row), ())
        header_key = [fold(cell.text).strip() for cell in header_cells if cell.text.strip()]
        # the header printed again after a page break is not a task
        rows = [row for row in rows if [fold(cell.text).strip() for cell in row if cell.text.strip()] != header_key]
        # numbering that restarts in each group means ids need the group
        seen_numbers: list[str] = []
        previous_lead = ""
        for row in rows:
            number = _cell(row, columns.get("number"))
            if number and number.isdigit():
                if number in seen_numbers:
                    restart = True
                seen_numbers.append(number)
        if not sheet:
            rows = _join_continuation_rows(rows, columns)
        merged_period = _merged_period(rows, columns)
        for row_index, row in enumerate(rows):
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
            if group is not None:
                self.used_cells.update((cell.origin.sheet, cell.origin.cell) for cell in row)
                label, heading = group
                group_area = match_area(heading) or group_area
                if label and len(label) == 1 and label.isalpha() and label.upper() in "ABCDEFGH" and group_label:
                    subarea = heading
                else:
                    group_label = label
                    subarea = None
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
            numbered = number if number and re.fullmatch(r"[0-9]{1,3}", number) else None
            if numbered is None:
                style, label, rest = _marker(title)
                if label and style in {"num", "dec1"}:
                    numbered, title = label, rest
            wanted = f"pl-{numbered}" if numbered else f"pl-r{row[0].row}"
            if restart and numbered and group_label:
                wanted = f"pl-{group_label}.{numbered}"
            numbers_seen.add(wanted)
            lead_text = _cell(row, columns.get("lead")).replace("<br>", "; ")
            partner_text = _cell(row, columns.get("partners")).replace("<br>", "; ")
            if _AS_ABOVE.fullmatch(lead_text):  # "-nt-", "nt", "như trên": the row above's
                lead_text = previous_lead
            previous_lead = lead_text
            lead = lead_of(_parties_of(lead_text, sheet=sheet)) if lead_text else None
            partners = _parties_of(partner_text, sheet=sheet) if partner_text else []
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
            budget: Budget | None = None
            budget_doubts: tuple[str, ...] = ()
            budget_text = _cell(row, columns.get("budget"))
            if budget_text:
                budget, budget_doubts = _budget(budget_text, unit, sheet=sheet)
            outputs_text = _cell(row, columns.get("output"))
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
                title = " ".join(part.strip() for part in title.split("\n") if part.strip())
            self.add_task(
                wanted_id=wanted,
                title=title,
                origin=origin,
                kind="rebuilt" if rebuilt else "row",
                section=None,
                area=group_area,
                responsibility=responsibility,
                responsibility_origin=_cell_origin(row, columns.get("lead")) or origin,
                responsibility_kind="rebuilt" if rebuilt else "cell",
                timeframe_text=_cell(row, columns.get("time")) or merged_period.get(row_index, ""),
                timeframe_origin=_cell_origin(row, columns.get("time")),
                timeframe_kind="rebuilt" if rebuilt else "assignment",
                outputs=outputs,
                outputs_origin=_cell_origin(row, columns.get("output")) if sheet else None,
                partners_origin=_cell_origin(row, columns.get("partners")) if sheet else None,
                budget=budget,
                budget_origin=_cell_origin(row, columns.get("budget")),
                budget_doubts=budget_doubts,
                general_task=general,
                subarea=subarea,
            )


_AS_ABOVE: Final = re.compile(r"\s*[-–]?\s*(?:nt|như trên|n\.t)\s*[-–.]?\s*", re.IGNORECASE)
_HEADER_WORDS: Final = (
    ("giai phap khac phuc", "remedy"),
    ("bien phap khac phuc", "remedy"),
    ("nhiem vu chung", "general"),
    ("nhiem vu cu the", "title"),
    ("noi dung nhiem vu", "title"),
    ("nhiem vu", "title"),
    ("noi dung", "title"),
    ("ten nhiem vu", "title"),
    ("hoat dong", "title"),
    ("cong viec", "title"),
    ("ket qua dau ra", "output"),
    ("san pham", "output"),
    ("chu tri", "lead"),
    ("phoi hop", "partners"),
    ("nguoi thuc hien", "lead"),
    ("don vi thuc hien", "lead"),
    ("co quan thuc hien", "lead"),
    ("phu trach", "lead"),
    ("thoi gian", "time"),
    ("thoi han", "time"),
    ("tien do", "time"),
    ("kinh phi", "budget"),
    ("du toan", "budget"),
    ("stt", "number"),
    ("tt", "number"),
    ("so tt", "number"),
)


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


def _columns(grid: Grid) -> tuple[dict[str, int], int, int]:  # noqa: C901, PLR0912
    """Which column holds what, by the header's wording; the header's row; the budget's unit in đồng."""
    for row in grid.rows[:4]:
        found: dict[str, int] = {}
        unit = 1_000_000
        for cell in row:
            folded = fold(cell.text).strip(" .:")
            if folded in _PERIOD_HEADERS and "time" not in found:
                found["time"] = cell.column  # "Tháng", "Quý": a schedule's period column
                continue
            for words, role in _HEADER_WORDS:
                if (
                    folded == words
                    or folded.startswith((words + " ", words + "/"))
                    or (role != "number" and words in folded and len(folded) < 80)
                ) and role not in found:
                    if role == "title" and "title" in found:
                        continue
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
                    break
        if "remedy" in found:
            # a remedial table: "Nội dung bị trừ điểm" is what went wrong, "Giải pháp khắc phục" the task
            remedy = found.pop("remedy")
            shortcoming = next((fold(c.text) for c in row if c.column == found.get("title")), "")
            if "title" not in found or not any(w in shortcoming for w in ("nhiem vu", "cong viec", "hoat dong")):
                found["title"] = remedy
        if "title" in found and len(found) >= 3:
            return found, row[0].row if row else 0, unit
    return {}, 0, 1_000_000


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


def _parties_of(text: str, *, sheet: bool) -> list[SingleParty]:
    """The parties a cell names; in a sheet, each line names one (a line "Cán bộ, công chức" is one group)."""
    if not sheet:
        return parse_parties(text)
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


def _item_text(line: str) -> str:
    """A line of a cell without the dash or bullet it starts with."""
    return re.sub(r"^\s*(?:[-+•*–]\s+)?", "", line).strip()


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


def _amount(exact: Decimal, written: str) -> tuple[Budget, tuple[str, ...]]:
    """A budget of ``exact`` đồng; the text as written, with a doubt, when that is not a whole number or too large."""
    if exact == exact.to_integral_value():
        try:
            return Budget(amount=int(exact), text=written), ()
        except InvariantError:
            return Budget(text=written), (f"the amount {written!r} is too large to keep: kept as written",)
    return Budget(text=written), (f"the amount {written!r} is not a whole number of đồng: kept as written",)
