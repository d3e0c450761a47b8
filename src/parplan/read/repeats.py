"""An appendix that restates the body's tasks: each task read once.

Some plans list their tasks in the body and again, row by row, in the appendix
table ("Phụ lục nhiệm vụ"), the body in prose under its areas and the table with
the columns an office fills in (lead, partners, time, output). Read as they stand,
every task would be counted twice. When most rows of the table repeat a task of
the body word for word, the table is a restatement: each repeated row is folded
into the body's task, which keeps its id, its section and its place in the
text, and takes from the row what the prose did not say (the lead, the time, the
outputs, the budget), with the sources of those fields pointing at the row's
cells. Where both say something and disagree, the body's reading stays and its
source doubts it, naming what the table says.

A plan whose appendix repeats only a few of the body's tasks (a task named in
the text and planned in the table) keeps both: they are two entries the plan
makes, and nothing says which one a reader should drop.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

import attrs

from parplan.plan import Task
from parplan.source import FieldSource
from parplan.text.normalize import fold

RESTATED_SHARE: Final = 0.5
"""The share of a table's rows that must repeat a body task for the table to be taken as the body restated."""

_FILLED: Final = ("responsibility", "timeframe", "outputs", "budget")
"""The fields a repeated row gives its body task when the body left them empty."""

_TASK_PATH: Final = re.compile(r"^\$\.tasks\[(?P<index>\d+)\](?P<rest>.*)$")
_CLOSING: Final = re.compile(r"[\s.;:,]+$")


def _key(title: str) -> str:
    return _CLOSING.sub("", " ".join(fold(title).split()))


def _in_table(task: Task) -> bool:
    return task.source is not None and task.source.table is not None


def _empty(value: object) -> bool:
    return value is None or value == ()


def _restated_rows(tasks: Sequence[Task]) -> dict[int, int]:
    """Each row of a table restating the body, with the body task it repeats (row index -> body index)."""
    body_keys = Counter(_key(task.title) for task in tasks if not _in_table(task))
    body_index = {_key(task.title): index for index, task in enumerate(tasks) if not _in_table(task)}
    rows_by_table: dict[str, list[int]] = {}
    for index, task in enumerate(tasks):
        if task.source is not None and task.source.table is not None:
            rows_by_table.setdefault(task.source.table, []).append(index)
    folded: dict[int, int] = {}
    for rows in rows_by_table.values():
        repeats = {row: body_index[key] for row in rows if body_keys.get(key := _key(tasks[row].title)) == 1}
        if len(repeats) >= RESTATED_SHARE * len(rows) and len(set(repeats.values())) == len(repeats):
            folded.update(repeats)
    return folded


def _fold_rows(
    tasks: Sequence[Task], folded: dict[int, int]
) -> tuple[list[Task], dict[tuple[int, str], int], dict[tuple[int, str], str]]:
    """The tasks with each body task given what its row says and the body left empty.

    Also which (body, field) came from which row, and a doubt for each (body, field) where both say
    something different.
    """
    merged = list(tasks)
    taken: dict[tuple[int, str], int] = {}
    disagreements: dict[tuple[int, str], str] = {}
    for row, body in folded.items():
        changes: dict[str, Any] = {}
        for field in _FILLED:
            mine, theirs = getattr(merged[body], field), getattr(tasks[row], field)
            if _empty(theirs):
                continue
            if _empty(mine):
                changes[field] = theirs
                taken[body, field] = row
            elif mine != theirs:
                disagreements[body, field] = f"the appendix table's row {tasks[row].id} says otherwise"
        if changes:
            merged[body] = attrs.evolve(merged[body], **changes)
    return merged, taken, disagreements


def merge_restated(tasks: Sequence[Task], sources: Sequence[FieldSource]) -> tuple[list[Task], list[FieldSource]]:
    """``tasks`` with the rows of a table restating the body folded into the body's tasks, and the sources re-pathed.

    Returns the tasks and sources unchanged when no table restates the body.
    """
    folded = _restated_rows(tasks)
    if not folded:
        return list(tasks), list(sources)
    merged, taken, disagreements = _fold_rows(tasks, folded)
    came_from = {(row, field): body for (body, field), row in taken.items()}
    kept = [index for index in range(len(tasks)) if index not in folded]
    new_index = {old: new for new, old in enumerate(kept)}
    moved: list[FieldSource] = []
    for source in sources:
        found = _TASK_PATH.match(source.path)
        if found is None:
            moved.append(source)
            continue
        index, rest = int(found["index"]), found["rest"]
        field = rest.lstrip(".").split(".", 1)[0].split("[", 1)[0]
        doubts = source.doubts
        if index in folded:
            if (index, field) not in came_from:
                continue  # what the row said and the body keeps: the body's source stands
            index = came_from[index, field]
        elif (index, field) in disagreements:
            doubts = (*doubts, disagreements[index, field])
        moved.append(attrs.evolve(source, path=f"$.tasks[{new_index[index]}]{rest}", doubts=doubts))
    return [merged[index] for index in kept], moved
