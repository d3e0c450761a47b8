"""Tables pasted as delimited text: an appendix a spreadsheet saved as CSV, its rows one a line.

A spreadsheet exports a table as lines of fields parted by a comma (or a semicolon, where
the comma is the decimal mark), a field that holds the delimiter, a quote or a line break
quoted with ``"`` (``""`` for a quote inside). Such a run of lines is a table when its first
line names the columns of a task table (a task and two more columns the reader knows, each
heading short and written as a heading, with a capital) and at least two records after it
have as many fields. A quoted field that goes over several lines is one cell, its lines the
cell's lines (a party on each). Prose with commas has no such header: it is never a table.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Final

from parplan.io.headings import heading_role
from parplan.read.columns import header_roles
from parplan.read.lines import Grid, TextLine, text_cell
from parplan.text import fold

__all__ = ["delimited_table"]

_DELIMITERS: Final = (",", ";")
_TASK_WORDS: Final = re.compile(r"(?<![a-z])(?:nhiem vu|noi dung|cong viec|hoat dong|giai phap|bien phap)(?![a-z])")
"""The words of a column of tasks (see :mod:`parplan.io.headings`), looked for before the header is read."""
_HEADER_LINE: Final = 300
"""A header line is short: the names of a few columns."""
_HEADER_FIELD: Final = 60
"""A column's name is a few words."""
_RECORD_LINES: Final = 12
"""The most lines one record (a row with multi-line cells) may span."""
_LEAST_ROWS: Final = 2


def _record(text: str, delimiter: str) -> list[str] | None:
    """The fields of one record, or None when the text is not exactly one well-formed record."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True))
    except csv.Error:
        return None
    if len(records) != 1:
        return None
    return records[0]


def _header(text: str, delimiter: str) -> list[str] | None:
    """The column names of a header line split at ``delimiter``, or None when the line is no such header."""
    if text.count(delimiter) < 2 or text.rstrip().endswith((".", ":")) or not _TASK_WORDS.search(fold(text)):
        return None  # a spreadsheet's header names its column of tasks as written (no scan damages it)
    fields = _record(text.strip(), delimiter)
    if fields is None or len(fields) < 3:
        return None
    names = [field.strip() for field in fields]
    for name in names:
        if len(name) > _HEADER_FIELD or (name and not (name[0].isupper() or name[0].isdigit())):
            return None  # prose: a long clause, or words going on in lower case after a comma
    if header_roles(names) is None:
        return None
    return names


def _records(
    lines: Sequence[TextLine], start: int, delimiter: str, width: int
) -> tuple[list[tuple[list[str], TextLine]], int]:
    """The records of ``width`` fields from ``lines[start]`` on (each with its first line) and the index after them."""
    found: list[tuple[list[str], TextLine]] = []
    index = start
    while index < len(lines):
        first = lines[index]
        if not first.text.strip():
            break
        text = first.text.strip()
        end = index + 1
        while text.count('"') % 2 and end < len(lines) and end - index < _RECORD_LINES:
            text = f"{text}\n{lines[end].text.strip()}"  # a quoted field going on over the line's break
            end += 1
        fields = _record(text, delimiter)
        if fields is not None and len(fields) > width and not any(field.strip() for field in fields[width:]):
            fields = fields[:width]  # a trailing delimiter
        if fields is None or len(fields) != width:
            break
        found.append((fields, first))
        index = end
    return found, index


def _second_header(
    header: list[str], records: list[tuple[list[str], TextLine]]
) -> tuple[list[str], list[tuple[list[str], TextLine]]]:
    """The header with the names of a second header row, as a sheet with merged headings exports it.

    "STT,Nội dung,Đơn vị thực hiện,,Thời hạn" over ",,Chủ trì,Phối hợp,": the first record names
    the columns under the merged heading when its first cells are empty and every cell it fills is
    a heading the lexicon knows; those names replace the merged one.
    """
    if not records:
        return header, records
    fields = [field.strip() for field in records[0][0]]
    filled = [field for field in fields if field]
    if not filled or fields[0] or any(heading_role(field)[0] is None for field in filled):
        return header, records
    merged = [below or above for above, below in zip(header, fields, strict=True)]
    return merged, records[1:]


def delimited_table(lines: Sequence[TextLine], start: int, name: str) -> tuple[Grid, int] | None:
    """The table of delimited records whose header is ``lines[start]``, with the index of the line after it.

    >>> texts = ["STT;Nội dung;Đơn vị chủ trì;Thời hạn",
    ...          '1;"Rà soát quy chế; đề xuất sửa đổi";Văn phòng;Quý II/2024',
    ...          '2;Niêm yết TTHC;"Bộ phận một cửa', 'Phòng Tư pháp";Tháng 3/2024', "", "Nơi nhận:"]
    >>> grid, end = delimited_table([TextLine(t, n) for n, t in enumerate(texts, 1)], 0, "table 1")
    >>> [cell.text for cell in grid.rows[1]]
    ['1', 'Rà soát quy chế; đề xuất sửa đổi', 'Văn phòng', 'Quý II/2024']
    >>> grid.rows[2][2].lines, end
    (('Bộ phận một cửa', 'Phòng Tư pháp'), 4)
    >>> delimited_table([TextLine("Các nhiệm vụ, đơn vị chủ trì, thời gian hoàn thành được giao tại Phụ lục.", 1)],
    ...                 0, "table 1") is None
    True
    """
    text = lines[start].text
    if len(text) > _HEADER_LINE or ('"' not in text and "," not in text and ";" not in text):
        return None
    for delimiter in _DELIMITERS:
        header = _header(text, delimiter)
        if header is None:
            continue
        records, end = _records(lines, start + 1, delimiter, len(header))
        if len(records) < _LEAST_ROWS:
            continue
        header, records = _second_header(header, records)
        if len(records) < _LEAST_ROWS:
            continue
        first = lines[start]
        rows = [tuple(text_cell(field, 1, column, first, name) for column, field in enumerate(header, start=1))]
        rows.extend(
            tuple(text_cell(field, number, column, line, name) for column, field in enumerate(fields, start=1))
            for number, (fields, line) in enumerate(records, start=2)
        )
        return Grid(rows=tuple(rows), first=first.number, name=name, page=first.page), end
    return None
