"""A filled progress template (:func:`parplan.render.xlsx.write_progress_template`) read into a progress report.

The template has one row per task of the plan: TT, Mã (the task's id), Nhiệm vụ,
Cơ quan chủ trì, Thời hạn, then the four columns the office fills in: Tình trạng
(the status, in the words of the drop-down list or their usual variants, with or
without diacritics), Ngày hoàn thành (a date cell or "30/6/2026"), Minh chứng (one
document a line: a cited document such as "Quyết định số 05/QĐ-UBND" or a file name;
other lines are kept in the note, after "Minh chứng:") and Ghi chú. :func:`read_progress_template` gives a
:class:`~parplan.progress.report.ProgressReport` with one
:class:`~parplan.progress.report.TaskUpdate` per row whose status is filled in.

Every cell that cannot be read is an error naming the sheet and the cell; all of
them are gathered into one :class:`~parplan.errors.ReadError`, never a guess.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Final

from parplan.errors import InvariantError, MissingExtraError, ParseError, ReadError
from parplan.io.sheets import Cell, Engine, Sheet, SheetError, read_sheets
from parplan.periods import ReportingPeriod
from parplan.plan import Plan
from parplan.progress.report import Evidence, PlanReference, ProgressReport, TaskStatus, TaskUpdate
from parplan.read.formats import DEFAULT_MAX_BYTES
from parplan.read.formats._limits import check_file, check_zip
from parplan.text import extract_references, fold

__all__ = ["read_progress_template"]

_COLUMNS: Final = {
    "task_id": ("ma", "ma nhiem vu", "id"),
    "state": ("tinh trang", "tinh trang thuc hien", "status"),
    "done_on": ("ngay hoan thanh", "done on"),
    "evidence": ("minh chung", "tai lieu kiem chung", "evidence"),
    "note": ("ghi chu", "note"),
}
_STATUS_WORDS: Final = (
    (("hoan thanh cham", "da hoan thanh cham", "done late"), TaskStatus.DONE_LATE),
    (("da hoan thanh", "hoan thanh", "xong", "done"), TaskStatus.DONE),
    (("dang trien khai", "dang thuc hien", "in progress"), TaskStatus.IN_PROGRESS),
    (("chua trien khai", "chua thuc hien", "not started"), TaskStatus.NOT_STARTED),
    (("tam hoan", "lui thoi han", "postponed"), TaskStatus.POSTPONED),
    (("khong thuc hien", "huy bo", "cancelled"), TaskStatus.CANCELLED),
    (("vuong mac", "blocked"), TaskStatus.BLOCKED),
)
_FILE: Final = re.compile(r"\.(?:pdf|docx?|xlsx?|jpe?g|png|zip)\b|https?://", re.IGNORECASE)
_DAY: Final = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})\Z")


def read_progress_template(  # noqa: PLR0913 - what a report needs besides the sheet
    path: str | os.PathLike[str],
    plan: Plan,
    *,
    period: ReportingPeriod,
    submitted_on: date | None = None,
    engine: Engine = "openpyxl",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ProgressReport:
    """The progress report a filled template of ``plan`` states for ``period``.

    Rows whose status is left empty are not reported. Raises
    :class:`~parplan.errors.ReadError` for a file that is not a readable
    workbook, a sheet without the template's header, or cells that cannot be
    read (an unknown status, a day that is not a date, a task id the plan does
    not have, a task given twice): the reason lists each, naming its cell.
    """
    file = Path(path)
    size = check_file(file, max_bytes)
    check_zip(file, size, what="Excel workbook").close()
    try:
        sheets = read_sheets(file, engine=engine)
    except MissingExtraError as error:
        raise ReadError(
            str(file), f"a workbook cannot be read without {error.package}: install it with pip install 'parplan[xlsx]'"
        ) from None
    except SheetError as error:
        raise ReadError(str(file), str(error).removeprefix(f"{file}: ")) from None
    found = next(((sheet, header) for sheet in sheets if (header := _header(sheet)) is not None), None)
    if found is None:
        raise ReadError(
            str(file), "holds no progress template: no sheet has the headings Mã and Tình trạng in its first 30 rows"
        )
    sheet, (header_row, columns) = found
    errors: list[str] = []
    updates = _updates(sheet, header_row, columns, plan, errors)
    if errors:
        raise ReadError(str(file), f"{len(errors)} cells cannot be read:\n" + "\n".join(errors))
    return ProgressReport(
        unit=plan.unit,
        plan=PlanReference(symbol=plan.symbol, year=plan.year, title=plan.title),
        period=period,
        submitted_on=submitted_on,
        issuer=plan.issuer,
        updates=tuple(updates),
        source_file=file.name,
    )


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    for row in sheet.rows:
        if row[0].row > 30:
            break
        columns: dict[str, int] = {}
        for cell in row:
            folded = fold(cell.text).strip(" .:")
            for role, words in _COLUMNS.items():
                if folded in words and role not in columns:
                    columns[role] = cell.column
        if {"task_id", "state"} <= columns.keys():
            return row[0].row, columns
    return None


def _updates(sheet: Sheet, header_row: int, columns: dict[str, int], plan: Plan, errors: list[str]) -> list[TaskUpdate]:
    ids = {task.id for task in plan.tasks}
    seen: dict[str, str] = {}
    updates: list[TaskUpdate] = []
    for row in sheet.rows:
        if row[0].row <= header_row:
            continue
        by_role = {role: cell for cell in row for role, column in columns.items() if cell.column == column}
        state = by_role.get("state")
        if state is None:
            continue
        where = f"{sheet.name}!"
        task_cell = by_role.get("task_id")
        status = _status(state.text)
        if status is None:
            choices = ", ".join(repr(words[0]) for words, _ in _STATUS_WORDS)
            errors.append(f"{where}{state.ref}: {state.text!r} is not a status; write one of {choices}")
        if task_cell is None:
            errors.append(f"{where}{state.ref}: a status in a row without a task id (column Mã)")
            continue
        task = task_cell.text.strip()
        if task not in ids:
            errors.append(f"{where}{task_cell.ref}: the plan has no task {task!r}")
            continue
        if task in seen:
            errors.append(f"{where}{task_cell.ref}: task {task!r} is already reported in {where}{seen[task]}")
            continue
        seen[task] = task_cell.ref
        done_on = _day(by_role.get("done_on"), where, errors)
        evidence, unnamed = _evidence(by_role.get("evidence"))
        note_cell = by_role.get("note")
        notes = [note_cell.text.strip()] if note_cell is not None and note_cell.text.strip() else []
        notes.extend(f"Minh chứng: {line}" for line in unnamed)
        if status is None:
            continue
        try:
            updates.append(
                TaskUpdate(
                    task=task,
                    status=status,
                    done_on=done_on,
                    evidence=evidence,
                    note="\n".join(notes) or None,
                )
            )
        except InvariantError as error:
            errors.append(f"{where}{state.ref}: {error}")
    return updates


def _evidence(cell: Cell | None) -> tuple[tuple[Evidence, ...], list[str]]:
    """The documents a cell names, one a line: a cited document or a file; the other lines, for the note."""
    if cell is None:
        return (), []
    found: list[Evidence] = []
    unnamed: list[str] = []
    for raw in cell.text.splitlines():
        line = raw.strip(" -+•\t")
        if not line:
            continue
        try:
            references = extract_references(line)
        except (ParseError, InvariantError):
            references = []
        if references:
            found.extend(Evidence(reference=reference, description=line) for reference in references)
        elif _FILE.search(line):
            found.append(Evidence(file=line))
        else:
            unnamed.append(line)
    return tuple(found), unnamed


def _status(text: str) -> TaskStatus | None:
    folded = fold(text).strip(" .:")
    for words, status in _STATUS_WORDS:
        if folded in words:
            return status
    return None


def _day(cell: Cell | None, where: str, errors: list[str]) -> date | None:
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell.text.strip()
    found = _DAY.match(text)
    if found:
        try:
            return date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            pass
    errors.append(f"{where}{cell.ref}: {text!r} is not a day (write it as 30/06/2026, or as a date cell)")
    return None
