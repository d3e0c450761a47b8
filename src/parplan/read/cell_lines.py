"""Tables copied one cell a line: between lone ``|`` lines, or as cards of "Column: value" lines.

Two copies of a task table reach text with every cell on lines of its own, so that
no line holds a row:

* a legal database's copy puts a lone ``|`` line between two cells and two of them
  (``|`` then ``|``) between two rows; an empty cell is an empty line between two
  ``|`` lines, and a long cell wraps over several lines. :func:`pipe_cell_table`
  takes the header from the first row (its cells must name a column of tasks and
  two more columns the reader knows: Nhiệm vụ, Chủ trì, Phối hợp, Thời gian …) and
  rebuilds every row from its cells in order.
* another copy of the same databases closes every cell with a lone ``|`` line and marks no
  row's end: the header's names, then each row's cells, one after another ("STT", "|",
  "Nội dung", "|", …, "1", "|", "Rà soát …", "|", …); an empty cell is a ``|`` line right
  after another. :func:`closed_cell_table` counts the cells by the header's width, a row
  opening on its number and a group's row being its number and its name alone.
* a portal's mobile view shows each row as a card, each cell after its column's
  name: "STT: 1", "Nội dung công việc: …", "Đơn vị chủ trì: …", "Thời gian: …".
  :func:`card_table` reads each card as a row (a card opens where its first
  column's name comes again) and a "Lĩnh vực: …" line before a card, whose name is
  none of the card's columns, as a group row.

* a copy that lost the table's borders altogether puts each cell on a line of its own
  and parts the rows only by an empty line, after a header of column names one a line
  (a Word table pasted as plain text). :func:`blank_cell_table` reads a block of as many
  lines as there are columns as a row, a number and a name as a group row, and a row
  whose empty cell left one more empty line inside it (two blocks, as many lines and
  gaps as there are columns, the second not opening with a number) as one row with
  that cell empty; such a table is marked ``guessed`` when it had to join blocks.

All stay silent (return None) on anything else: ``|`` lines that do not open a
header of column names, a "Label: value" paragraph or a few field lines that do
not repeat as cards of the same columns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from parplan.read.columns import header_roles
from parplan.read.lines import Grid, GridCell, TextLine
from parplan.text import fold

__all__ = ["blank_cell_table", "card_table", "closed_cell_table", "pipe_cell_table"]

_PIPE: Final = "|"
_LEAST_ROWS: Final = 2
_NUMBER: Final = re.compile(r"^(?:[0-9]{1,3}(?:\.[0-9]{1,2}){0,2}\.?|[IVX]{1,5}\.?|[A-H]\.?)$")
_CARD_FIELD: Final = re.compile(r"^(?P<label>[^\s:|][^:|]{0,38}[^\s:|]|[^\s:|])\s*:\s*(?P<value>.*)$")
_LABEL_WORDS: Final = 6
"""A column's name is short: more words before a colon make a sentence, not a card's field."""


def _is_pipe(line: TextLine) -> bool:
    return line.text.strip() == _PIPE


def _segments(lines: Sequence[TextLine], start: int) -> list[list[tuple[list[TextLine], int]]]:
    """The rows of cells from ``lines[start]`` (a ``|`` line) on, each cell with the index after its ``|``.

    A cell is the lines between two ``|`` lines; two ``|`` lines in a row end a row. The rows end
    at the first line after a closing ``|`` that is not a ``|`` line and opens no cell (the text under
    the table), or at an empty line followed by text, a cell that never closes.
    """
    rows: list[list[tuple[list[TextLine], int]]] = []
    cells: list[tuple[list[TextLine], int]] = []
    cell: list[TextLine] | None = None
    index = start
    while index < len(lines):
        line = lines[index]
        if _is_pipe(line):
            if cell is not None and not cell:  # "|" right after "|": the row ended
                if cells:
                    rows.append(cells)
                cells = []
            elif cell is not None:
                cells.append((cell, index + 1))
            cell = []
            index += 1
            continue
        if cell is None:
            break
        if not line.text.strip() and index + 1 < len(lines) and lines[index + 1].text.strip() not in {"", _PIPE}:
            break  # an empty line, then text: a cell that never closes, the table has ended
        cell.append(line)
        index += 1
    if cells:
        rows.append(cells)
    return rows


def _cell_text(cell: Sequence[TextLine]) -> str:
    return " ".join(line.text.strip() for line in cell if line.text.strip())


def pipe_cell_table(lines: Sequence[TextLine], start: int, name: str) -> tuple[Grid, int] | None:
    """The table whose cells stand one a line between lone ``|`` lines, from ``lines[start]``.

    Returns the grid (header row first) and the index of the first line after the table, or
    None when the ``|`` line at ``start`` does not open a header of task columns.

    >>> texts = ["|", "TT", "|", "Nhiệm vụ", "|", "Chủ trì", "|", "Thời hạn", "|",
    ...          "|", "1", "|", "Rà soát thủ tục", "|", "Văn phòng", "|", "Quý I/2019", "|",
    ...          "|", "2", "|", "Số hóa hồ sơ", "|", "Phòng", "Tư pháp", "|", "Năm 2019", "|",
    ...          "Khác"]
    >>> grid, end = pipe_cell_table([TextLine(t, n) for n, t in enumerate(texts, 1)], 0, "table 1")
    >>> [[cell.text for cell in row] for row in grid.rows[1:]]
    [['1', 'Rà soát thủ tục', 'Văn phòng', 'Quý I/2019'], ['2', 'Số hóa hồ sơ', 'Phòng Tư pháp', 'Năm 2019']]
    >>> texts[end]
    'Khác'
    """
    if start >= len(lines) or not _is_pipe(lines[start]) or start + 1 >= len(lines) or _is_pipe(lines[start + 1]):
        return None
    rows = _segments(lines, start)
    if not rows:
        return None
    header = [cell for cell, _ in rows[0]]
    end = rows[0][-1][1]
    width = len(header)
    if width < 3 or any(len([x for x in cell if x.text.strip()]) != 1 for cell in header):
        return None  # a task, a lead, a time; each column's name on one line
    roles = header_roles([_cell_text(cell) for cell in header])
    if roles is None or "title" not in roles:
        return None
    body: list[list[list[TextLine]]] = []
    for row in rows[1:]:
        if len(row) < width:  # a row that does not fit the header: the table ended before it
            break
        body.append([cell for cell, _ in row[:width]])
        end = row[width - 1][1]
        if len(row) > width:  # the last row's closing "|", then the text under the table
            break
    if roles[0] == "number" and any(not _NUMBER.match(_cell_text(row[0])) for row in body if _cell_text(row[0])):
        return None
    grid = _grid(header, body, name, lines[start], groups=r"[IVX]{1,5}\.?")
    return None if grid is None else (grid, end)


def _closed_cells(lines: Sequence[TextLine], start: int) -> list[tuple[list[TextLine], int]]:
    """The cells from ``lines[start]`` on, each closed by a lone ``|`` line, with the index after its ``|``.

    A ``|`` right after another closes an empty cell. The cells end at an empty line followed by text, or
    where lines run on without a closing ``|`` (the text under the table).
    """
    cells: list[tuple[list[TextLine], int]] = []
    cell: list[TextLine] = []
    for index in range(start, len(lines)):
        line = lines[index]
        if _is_pipe(line):
            cells.append((cell, index + 1))
            cell = []
            continue
        if not line.text.strip() and index + 1 < len(lines) and lines[index + 1].text.strip() not in {"", _PIPE}:
            break
        cell.append(line)
        if len(cell) > _CELL_LINES:
            break
    return cells


_CELL_LINES: Final = 12
"""A cell wraps over a few lines: more lines without a closing ``|`` are the text under the table."""


def closed_cell_table(lines: Sequence[TextLine], start: int, name: str) -> tuple[Grid, int] | None:
    """The table whose cells each close with a lone ``|`` line and whose rows are not marked, from ``lines[start]``.

    Returns the grid (header row first, a group's row padded with empty cells) and the index of the first line
    after the table, or None when ``lines[start]`` does not open a header of task columns so written.

    >>> texts = ["STT", "|", "Nội dung", "|", "Chủ trì", "|", "Phối hợp", "|", "Thời gian", "|",
    ...          "I", "|", "CẢI CÁCH THỂ CHẾ", "|",
    ...          "1", "|", "Rà soát văn bản", "|", "Văn phòng", "|", "|", "Quý I/2023", "|",
    ...          "2", "|", "Số hóa hồ sơ", "|", "Phòng", "Tư pháp", "|", "Văn phòng", "|", "Năm 2023", "|",
    ...          "III. TỔ CHỨC THỰC HIỆN"]
    >>> grid, end = closed_cell_table([TextLine(t, n) for n, t in enumerate(texts, 1)], 0, "table 1")
    >>> for row in grid.rows[1:]:
    ...     print([cell.text for cell in row])
    ['I', 'CẢI CÁCH THỂ CHẾ', '', '', '']
    ['1', 'Rà soát văn bản', 'Văn phòng', '', 'Quý I/2023']
    ['2', 'Số hóa hồ sơ', 'Phòng Tư pháp', 'Văn phòng', 'Năm 2023']
    >>> texts[end]
    'III. TỔ CHỨC THỰC HIỆN'
    """
    cells = _closed_cells(lines, start)
    width = 0
    while width < len(cells) and len(cells[width][0]) == 1 and not _NUMBER.match(_cell_text(cells[width][0])):
        width += 1  # the header: one column's name a cell, up to the first row's number
    if width < 3 or start + 1 >= len(lines) or not _is_pipe(lines[start + 1]):  # a task, a lead, a time at least
        return None
    header = [cell for cell, _ in cells[:width]]
    roles = header_roles([_cell_text(cell) for cell in header])
    if roles is None or "title" not in roles or roles[0] != "number":
        return None
    body: list[list[list[TextLine]]] = []
    end = cells[width - 1][1]
    at = width
    while at < len(cells) and _NUMBER.match(_cell_text(cells[at][0])):
        row = [cell for cell, _ in cells[at : at + width]]
        following = at + 2 < len(cells) and _NUMBER.match(_cell_text(cells[at + 2][0]))
        if re.fullmatch(_GROUP_NUMBER, _cell_text(row[0])) and (following or at + 2 >= len(cells)):
            row = row[:2]  # a group's row: its number and its name, the merged cells not repeated
        elif len(row) < width:
            break
        body.append(row + [[] for _ in range(width - len(row))])
        end = cells[at + len(row) - 1][1]
        at += len(row)
    grid = _grid(header, body, name, lines[start], groups=_GROUP_NUMBER)
    return None if grid is None else (grid, end)


_GROUP_NUMBER: Final = r"[IVX]{1,5}\.?|[A-H]\.?"
"""A group's row number: a Roman numeral or a capital letter."""


def _grid(
    header: Sequence[Sequence[TextLine]],
    body: Sequence[Sequence[Sequence[TextLine]]],
    name: str,
    fallback: TextLine,
    *,
    groups: str,
) -> Grid | None:
    """The grid of a header and its rows, or None when fewer than two rows are tasks (not numbered as ``groups``)."""
    tasks = [row for row in body if not re.fullmatch(groups, _cell_text(row[0]))]
    if len(tasks) < _LEAST_ROWS:
        return None
    grid_rows = [_row(header, 1, name, fallback)]
    grid_rows.extend(_row(row, number, name, fallback) for number, row in enumerate(body, start=2))
    first = header[0][0]
    return Grid(rows=tuple(grid_rows), first=first.number, name=name, page=first.page)


def _row(cells: Sequence[Sequence[TextLine]], number: int, name: str, fallback: TextLine) -> tuple[GridCell, ...]:
    result = []
    for column, cell in enumerate(cells, start=1):
        placed = next((line for line in cell if line.text.strip()), None) or (cell[0] if cell else fallback)
        result.append(GridCell(_cell_text(cell), number, column, 1, 1, placed.number, placed.page, name))
    return tuple(result)


def _field(text: str) -> tuple[str, str] | None:
    found = _CARD_FIELD.match(text.strip())
    if found is None or len(found["label"].split()) > _LABEL_WORDS:
        return None
    return found["label"].strip(), found["value"].strip()


def card_table(lines: Sequence[TextLine], start: int, name: str) -> tuple[Grid, int] | None:  # noqa: C901, PLR0912, PLR0915
    """The table shown as cards of "Column: value" lines, from ``lines[start]``.

    Returns the grid (header row first: the columns' names) and the index of the first line
    after the cards, or None when ``lines[start]`` does not open two cards or more of the same
    columns, one of them a column of tasks.

    >>> texts = ["Nhóm: Thể chế", "TT: 1", "Nhiệm vụ: Rà soát văn bản", "Chủ trì: Phòng Tư pháp",
    ...          "Thời hạn: Quý II/2019", "TT: 2", "Nhiệm vụ: Lập danh mục", "Chủ trì: Văn phòng",
    ...          "Thời hạn: Năm 2019", "Trên đây là kế hoạch."]
    >>> grid, end = card_table([TextLine(t, n) for n, t in enumerate(texts, 1)], 0, "table 1")
    >>> for row in grid.rows:
    ...     print([cell.text for cell in row])
    ['TT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn']
    ['Thể chế']
    ['1', 'Rà soát văn bản', 'Phòng Tư pháp', 'Quý II/2019']
    ['2', 'Lập danh mục', 'Văn phòng', 'Năm 2019']
    >>> texts[end]
    'Trên đây là kế hoạch.'
    """
    group_first = _field(lines[start].text) if start < len(lines) else None
    if group_first is None:
        return None
    # the first card opens at "start", or on the line after a group line
    opening = start
    opener = group_first[0]
    follow = _field(lines[start + 1].text) if start + 1 < len(lines) else None
    if follow is not None and (_role(follow[0]) == "number" or _role(opener) not in {"number", "title"}):
        opening, opener = start + 1, follow[0]  # a card opens with its number: the line before names its group
    first_role = _role(opener)
    if first_role not in {"number", "title"} or re.match(r"\s*[-+•–*]\s", lines[opening].text):
        return None  # "+ Nội dung: …", "+ Chủ trì: …": a task's labelled list items, read with the body's items
    labels: list[str] = []
    for line in lines[opening:]:
        field = _field(line.text)
        if field is None or (labels and field[0] == opener):
            break
        labels.append(field[0])
    if len(set(labels)) != len(labels):
        return None
    roles = header_roles(labels)
    if roles is None or "title" not in roles:
        return None
    folded_labels = {fold(label) for label in labels}
    rows: list[tuple[GridCell, ...]] = []
    current: dict[str, tuple[str, TextLine]] | None = None
    number = 1

    def close() -> None:
        nonlocal current, number
        if current is not None:
            number += 1
            rows.append(
                tuple(
                    GridCell(
                        current[label][0] if label in current else "",
                        number,
                        column,
                        1,
                        1,
                        (current.get(label) or next(iter(current.values())))[1].number,
                        (current.get(label) or next(iter(current.values())))[1].page,
                        name,
                    )
                    for column, label in enumerate(labels, start=1)
                )
            )
        current = None

    index = start
    cards = 0
    while index < len(lines):
        line = lines[index]
        field = _field(line.text)
        if field is None:
            if current is not None and line.text.strip()[:1].islower():  # a value wrapped onto the next line
                label = list(current)[-1]
                value, placed = current[label]
                current[label] = (f"{value} {line.text.strip()}", placed)
                index += 1
                continue
            break
        label, value = field
        if label == opener:
            close()
            current = {label: (value, line)}
            cards += 1
        elif fold(label) in folded_labels and current is not None and label not in current:
            current[label] = (value, line)
        elif fold(label) not in folded_labels and index + 1 < len(lines) and _opens(lines[index + 1], opener):
            close()  # "Lĩnh vực: …" before a card: a group row over all the columns
            number += 1
            rows.append((GridCell(value, number, 1, len(labels), 1, line.number, line.page, name),))
        else:
            break
        index += 1
    close()
    if cards < _LEAST_ROWS:
        return None
    header_line = lines[opening]
    header = tuple(
        GridCell(label, 1, column, 1, 1, header_line.number, header_line.page, name)
        for column, label in enumerate(labels, start=1)
    )
    return Grid(rows=(header, *rows), first=lines[start].number, name=name, page=lines[start].page), index


def _opens(line: TextLine, opener: str) -> bool:
    field = _field(line.text)
    return field is not None and field[0] == opener


@functools.lru_cache(maxsize=1024)
def _role(label: str) -> str | None:
    roles = header_roles([label, "Nhiệm vụ", "Chủ trì", "Thời gian"])
    if roles is None:
        return None
    return roles[0] if roles[0] != "other" else None


_HEADER_CELL: Final = 60
"""A column's name is short; a longer line before the rows is a sentence, not a header."""
_MOST_COLUMNS: Final = 10


def _blocks(lines: Sequence[TextLine], start: int) -> list[tuple[list[TextLine], int]]:
    """The runs of non-empty lines from ``lines[start]`` on, each with the number of empty lines before it."""
    blocks: list[tuple[list[TextLine], int]] = []
    block: list[TextLine] = []
    gap = 0
    for line in lines[start:]:
        if line.text.strip():
            block.append(line)
            continue
        if block:
            blocks.append((block, gap))
            block, gap = [], 0
        gap += 1
    if block:
        blocks.append((block, gap))
    return blocks


def _unwrapped(block: list[TextLine], width: int) -> list[TextLine] | None:
    """The block with lines that go on in lower case joined to the line before, if that makes ``width`` cells."""
    joined: list[TextLine] = []
    for line in block:
        text = line.text.strip()
        if joined and text[:1].islower():
            last = joined[-1]
            joined[-1] = TextLine(f"{last.text.strip()} {text}", last.number, last.page)
        else:
            joined.append(line)
    return joined if len(joined) == width else None


def blank_cell_table(lines: Sequence[TextLine], start: int, name: str) -> tuple[Grid, int] | None:  # noqa: C901, PLR0912, PLR0915
    """The table copied one cell a line with rows parted by empty lines, from its header at ``lines[start]``.

    Returns the grid (header row first; ``rebuilt`` when a row had to be joined across an
    empty line, its empty cell guessed) and the index of the first line after the table, or None when
    ``lines[start]`` does not open a header of task columns followed by two task rows or more.

    >>> texts = ["", "STT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Thời hạn", "",
    ...          "1", "Niêm yết thủ tục", "Văn phòng", "Các tổ", "Quý I/2026", "",
    ...          "2", "Khảo sát sự hài lòng", "Tổ một cửa", "", "Tháng 9/2026", "",
    ...          "Nơi nhận:"]
    >>> grid, end = blank_cell_table([TextLine(t, n) for n, t in enumerate(texts, 1)], 1, "table 1")
    >>> for row in grid.rows[1:]:
    ...     print([cell.text for cell in row])
    ['1', 'Niêm yết thủ tục', 'Văn phòng', 'Các tổ', 'Quý I/2026']
    ['2', 'Khảo sát sự hài lòng', 'Tổ một cửa', '', 'Tháng 9/2026']
    >>> texts[end + 1], grid.rebuilt
    ('Nơi nhận:', True)
    """
    if start > 0 and lines[start - 1].text.strip():
        return None
    width = next((n for n, line in enumerate(lines[start : start + _MOST_COLUMNS + 1]) if not line.text.strip()), None)
    if width is None or not 3 <= width <= _MOST_COLUMNS:  # a task, a lead, a time; looked at before all the blocks
        return None
    blocks = _blocks(lines, start)
    if len(blocks) < _LEAST_ROWS + 1:
        return None
    header, _ = blocks[0]
    texts = [line.text.strip() for line in header]
    if any(len(text) > _HEADER_CELL or "|" in text or "\t" in text or text.endswith((".", ":", ";")) for text in texts):
        return None
    roles = header_roles(texts)
    if roles is None or "title" not in roles:
        return None
    numbered = roles[0] == "number"

    def opens_row(block: list[TextLine]) -> bool:
        return not numbered or _NUMBER.match(block[0].text.strip()) is not None

    body: list[list[str | TextLine]] = []
    guessed = False
    tasks = 0
    end_line = header[-1]
    index = 1
    while index < len(blocks):
        block, _ = blocks[index]
        if not opens_row(block):
            break
        cells: list[str | TextLine] | None = None
        used = 1
        if len(block) == width:
            cells = list(block)
        elif numbered and len(block) == 2 and not _NUMBER.match(block[1].text.strip()):
            cells = [block[0], block[1], *([""] * (width - 2))]  # a group row: its number and name
            tasks -= 1
        elif len(block) > width:
            joined = _unwrapped(block, width)
            cells = list(joined) if joined is not None else None
        else:  # an empty cell left an empty line inside the row: the blocks up to its width
            parts: list[str | TextLine] = list(block)
            probe = index + 1
            while len(parts) < width and probe < len(blocks):
                more, gap = blocks[probe]
                if opens_row(more) and numbered:
                    break
                parts.extend([""] * gap)  # each empty line inside a row is an empty cell
                parts.extend(more)
                probe += 1
            if len(parts) == width:
                cells, used, guessed = parts, probe - index, True
        if cells is None:
            break
        body.append(cells)
        tasks += 1
        last = blocks[index + used - 1][0]
        end_line = last[-1]
        index += used
    if tasks < _LEAST_ROWS:
        return None
    grid_rows = [_row([[line] for line in header], 1, name, header[0])]
    for number, cells in enumerate(body, start=2):
        fallback = next(cell for cell in cells if isinstance(cell, TextLine))
        grid_rows.append(_row([[cell] if isinstance(cell, TextLine) else [] for cell in cells], number, name, fallback))
    end = next(i for i in range(start, len(lines)) if lines[i] is end_line) + 1
    first = header[0]
    return Grid(rows=tuple(grid_rows), first=first.number, name=name, page=first.page, rebuilt=guessed), end
