"""Tables a document converter wrote as plain text: Pandoc's simple and multiline tables.

reStructuredText's simple tables (runs of ``=`` over and under the header and under the last row)
are read the same way.

``pandoc -t plain`` (and Markdown written by hand in the same shape) draws a table without
bars: a rule of dashes under the header whose runs, parted by spaces, give the columns, each
cell written inside its run. A *simple* table has a row a line and ends at an empty line; a
*multiline* table opens and closes with an unbroken rule, its header and cells wrap inside
their columns and its rows are parted by empty lines. Each cell is cut where the dashes say.
Such a table is a task table only when its header names a task and two more columns the reader
knows; a table of two columns of text (a masthead, a signature beside the recipients) is left
to the reader of layouts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from parplan.read.columns import header_roles
from parplan.read.lines import Grid, GridCell, TextLine

__all__ = ["plain_table"]

_COLUMN_RULE: Final = re.compile(r"^(\s*)(?:-{2,}(?:\s+-{2,})+|={2,}(?:\s+={2,})+)\s*$")
"""The rule under a header: runs of dashes parted by spaces, a run a column."""
_FULL_RULE: Final = re.compile(r"^\s*(?:-{10,}|={10,})\s*$")
"""The unbroken rule that opens and closes a multiline table."""
_HEADER_LINES: Final = 4
"""The most lines a header wraps over."""
_ROW_LINES: Final = 30
"""The most lines one row of a multiline table may wrap over."""
_LEAST_ROWS: Final = 1


def _runs(rule: str) -> list[int]:
    """Where each column starts: the first dash of each run."""
    return [found.start() for found in re.finditer(r"-{2,}|={2,}", rule)]


def _cut(text: str, starts: Sequence[int]) -> list[str]:
    """The line's text under each column, cut where the columns start."""
    ends = [*starts[1:], max(len(text), starts[-1])]
    return [text[start:end].strip() for start, end in zip(starts, ends, strict=True)]


def _fits(text: str, starts: Sequence[int]) -> bool:
    """Whether no word of the line stands across the gap before a column (text cut there would break a word)."""
    return all(not (0 < start < len(text) and text[start - 1] != " " and text[start] != " ") for start in starts[1:])


def _cells(group: Sequence[TextLine], starts: Sequence[int]) -> list[str]:
    parts: list[list[str]] = [[] for _ in starts]
    for line in group:
        for index, piece in enumerate(_cut(line.text, starts)):
            if piece:
                parts[index].append(piece)
    return [" ".join(part) for part in parts]


def _row(texts: Sequence[str], number: int, line: TextLine, name: str) -> tuple[GridCell, ...]:
    return tuple(
        GridCell(text=text, row=number, column=column, columns=1, rows=1, line=line.number, page=line.page, table=name)
        for column, text in enumerate(texts, start=1)
    )


def _rule_after(lines: Sequence[TextLine], start: int) -> int | None:
    """The index of the column rule under a header that opens at ``lines[start]``, or None."""
    for index in range(start, min(len(lines), start + _HEADER_LINES + 1)):
        text = lines[index].text
        if _COLUMN_RULE.match(text):
            return index if index > start else None
        if not text.strip() or _FULL_RULE.match(text):
            return None
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _groups(lines: Sequence[TextLine], start: int, starts: Sequence[int]) -> tuple[list[list[TextLine]], int, bool]:
    """The groups of lines parted by empty lines under the rule, the index after them, and whether a rule closed them.

    The table ends at a rule (an unbroken one closes a multiline table), or before a group that is
    not written inside the columns: one starting left of the first column, or with a word across
    the gap before a column (the text after the table).
    """
    groups: list[list[TextLine]] = []
    current: list[TextLine] = []
    index = start
    while index < len(lines):
        text = lines[index].text
        if _FULL_RULE.match(text) or _COLUMN_RULE.match(text):
            if current:
                groups.append(current)
            return groups, index + 1, True
        if not text.strip():
            if current:
                groups.append(current)
                current = []
        elif _indent(text) < starts[0] or not _fits(text, starts) or len(current) >= _ROW_LINES:
            break
        else:
            current.append(lines[index])
        index += 1
    if current and index >= len(lines):
        groups.append(current)
    elif current:
        index -= len(current)  # a group the text after the table broke into is not the table's
    while index > start and not lines[index - 1].text.strip():
        index -= 1
    return groups, index, False


def plain_table(lines: Sequence[TextLine], start: int, name: str) -> tuple[Grid, int] | None:
    """The converter's plain-text table of tasks that opens at ``lines[start]``, with the index after it.

    >>> texts = ["  ----------------------------------------------",
    ...          "  TT  Nội dung          Chủ trì      Thời hạn",
    ...          "  --- ----------------- ------------ -----------",
    ...          "  1   Rà soát quy chế   Phòng Tổ     Quý II/2024",
    ...          "      làm việc          chức",
    ...          "",
    ...          "  2   Số hóa hồ sơ      Văn phòng    Cả năm",
    ...          "  ----------------------------------------------"]
    >>> grid, end = plain_table([TextLine(t, n) for n, t in enumerate(texts, 1)], 0, "table 1")
    >>> [cell.text for cell in grid.rows[1]], end
    (['1', 'Rà soát quy chế làm việc', 'Phòng Tổ chức', 'Quý II/2024'], 8)
    """
    opening = lines[start].text
    multiline = _FULL_RULE.match(opening) is not None
    ruled = (
        multiline or _COLUMN_RULE.match(opening) is not None
    )  # a rule over the header (reStructuredText's "=== ===")
    header_start = start + 1 if ruled else start
    if not ruled and (not opening.strip() or (start > 0 and lines[start - 1].text.strip())):
        return None  # a simple table's header follows an empty line
    if header_start >= len(lines):
        return None
    rule = _rule_after(lines, header_start)
    if rule is None:
        return None
    starts = _runs(lines[rule].text)
    header_lines = lines[header_start:rule]
    if not all(_fits(line.text, starts) for line in header_lines):
        return None
    header = _cells(header_lines, starts)
    if header_roles(header) is None:
        return None
    groups, end, _ = _groups(lines, rule + 1, starts)
    if groups and not multiline and len(header_lines) == 1 and all(_cut(line.text, starts)[0] for line in groups[0]):
        # a simple table: a row a line, up to the first empty line
        end = lines.index(groups[0][-1], rule) + 1
        if end < len(lines) and (_COLUMN_RULE.match(lines[end].text) or _FULL_RULE.match(lines[end].text)):
            end += 1  # the rule closing it
        groups = [[line] for line in groups[0]]
    groups = [group for group in groups if group]
    if len(groups) < _LEAST_ROWS:
        return None
    rows = [_row(header, 1, lines[header_start], name)]
    rows.extend(_row(_cells(group, starts), number, group[0], name) for number, group in enumerate(groups, start=2))
    return Grid(rows=tuple(rows), first=lines[start].number, name=name, page=lines[start].page), end
