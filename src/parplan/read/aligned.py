"""Tables whose columns are aligned by spaces, rebuilt from where each column starts.

A PDF's text extracted with its layout kept (``pdftotext -layout`` and the viewers
that copy the same way) prints a table as lines in which each cell keeps its
column's place: the columns are separated by runs of two spaces or more, and a
cell too long for its column wraps onto the next lines *inside the same column*,
while the other columns of those lines stay empty. :func:`aligned_table` finds
the header by its column names (Nhiệm vụ, Chủ trì, Phối hợp, Thời gian … in any
wording the plan reader knows), takes the column starts from the header's words
and the cells below them, and reads the rows: a row opens where the number column
holds a number (``1``, ``2.``, ``1.3``) or a Roman numeral (a group row), and its
cells are the pieces of its lines joined column by column until the next row's
number. A header printed again after a page break, and a line of column numbers
("(1) (2) (3)"), are not rows.

It stays silent (returns None) on anything else: ordinary prose with double
spaces has no header of column names over pieces that line up, and a table
without a number column gives no row starts to trust.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from parplan.read.columns import Rebuilt, header_roles
from parplan.read.lines import Grid, GridCell, TextLine
from parplan.text import fold

__all__ = ["aligned_table"]

_GAP: Final = re.compile(r"\S+(?: \S+)*")
"""A piece of a line: words separated by single spaces (two spaces or more end it)."""
_NUMBER: Final = re.compile(r"^(?:[0-9]{1,3}(?:\.[0-9]{1,2}){0,2}\.?|[IVX]{1,5}\.?)$")
_ROMAN: Final = re.compile(r"^[IVX]{1,5}\.?$")
_COLUMN_NUMBERS: Final = re.compile(r"^\(?[0-9]{1,2}\)?$")
_PAGE_NUMBER: Final = re.compile(r"^(?:-\s*)?[0-9]{1,3}(?:\s*-)?$")
_SLACK: Final = 3
"""How far left of its column's start a cell may begin (a header centred over its column, a ragged edge)."""
_HEADER_LINES: Final = 4
_LEAST_ROWS: Final = 2


def _pieces(text: str) -> list[tuple[int, int, str]]:
    """The pieces of ``text`` (start, end, words), cut at runs of two spaces or more and at tabs."""
    text = text.replace("\t", "    ")
    return [(found.start(), found.end(), found.group()) for found in _GAP.finditer(text)]


def _header(lines: Sequence[TextLine]) -> tuple[int, int, list[tuple[str, int]]] | None:
    """The header: its first and last line indexes and its columns (role, start)."""
    for index, line in enumerate(lines):
        pieces = _pieces(line.text)
        if len(pieces) < 3:  # a task table: a number or task, a lead, a time
            continue
        if not re.match(r"^(?:s?tt|so tt|nhiem vu|noi dung|ten nhiem vu)\b", fold(pieces[0][2])):
            continue
        # the header's cells may wrap over a few lines, each word under its column's start
        last = index
        column_texts = [[text] for _, _, text in pieces]
        starts = [start for start, _, _ in pieces]
        for follow in range(index + 1, min(len(lines), index + 1 + _HEADER_LINES)):
            more = _pieces(lines[follow].text)
            if (
                not more
                or any(_NUMBER.match(text) for start, _, text in more if start < starts[1] - _SLACK)
                or all(_COLUMN_NUMBERS.match(text) for _, _, text in more)
            ):
                break
            placed = [_column_of(start, starts) for start, _, _ in more]
            if any(column is None for column in placed):
                break
            for column, (_, _, text) in zip(placed, more, strict=True):
                column_texts[column or 0].append(text)
            last = follow
        names = [" ".join(texts) for texts in column_texts]
        roles = header_roles(names)
        if roles is None or "title" not in roles:
            continue
        starts = _refined(lines[last + 1 :], starts, [end for _, end, _ in pieces])
        return index, last, list(zip(roles, starts, strict=True))
    return None


def _refined(lines: Sequence[TextLine], starts: Sequence[int], ends: Sequence[int]) -> list[int]:
    """The column starts moved left to where the rows' cells begin (a header centred over its column).

    A piece of a row's first line that starts after the previous header word's end and before
    this column's header word is this column's cell: its start is the column's.
    """
    refined = list(starts)
    for line in lines[:80]:
        pieces = _pieces(line.text)
        if not pieces or not _NUMBER.match(pieces[0][2]) or pieces[0][0] > starts[0] + _SLACK:
            continue
        for start, _, _ in pieces[1:]:
            for column in range(1, len(starts)):
                if ends[column - 1] < start < refined[column] - _SLACK:
                    refined[column] = start
    return refined


def _column_of(start: int, starts: Sequence[int]) -> int | None:
    """The column a piece starting at ``start`` stands in (None left of the first column)."""
    if start < starts[0] - _SLACK:
        return None
    column = 0
    for index, begin in enumerate(starts):
        if start >= begin - _SLACK:
            column = index
    return column


def _crosses(piece: tuple[int, int, str], column: int, starts: Sequence[int]) -> bool:
    """Whether a piece runs on over the next column's start (prose, not a cell)."""
    return column + 1 < len(starts) and piece[1] > starts[column + 1] + _SLACK


def aligned_table(lines: Sequence[TextLine], name: str) -> Rebuilt | None:  # noqa: C901, PLR0912, PLR0915 - one pass over the lines
    """The table of ``lines`` printed with its columns aligned by spaces, or None when they hold none.

    >>> from parplan.read.lines import TextLine
    >>> texts = [
    ...     "TT   Nhiệm vụ                   Chủ trì          Thời gian",
    ...     "1    Rà soát thủ tục hành       Văn phòng        Quý I/2024",
    ...     "     chính của huyện                             ",
    ...     "2    Số hóa hồ sơ               Phòng Tư pháp    Năm 2024",
    ... ]
    >>> table = aligned_table([TextLine(t, n) for n, t in enumerate(texts, 1)], "appendix")
    >>> for row in table.grid.rows[1:]:
    ...     print([cell.text for cell in row])
    ['1', 'Rà soát thủ tục hành chính của huyện', 'Văn phòng', 'Quý I/2024']
    ['2', 'Số hóa hồ sơ', 'Phòng Tư pháp', 'Năm 2024']
    """
    found = _header(lines)
    if found is None:
        return None
    first, last, columns = found
    roles = [role for role, _ in columns]
    starts = [start for _, start in columns]
    if roles[0] != "number":
        return None
    centred = _centred_rows(lines[last + 1 :], starts)
    if centred is not None:
        rows_c, lines_c, unplaced_c = centred
        grid = _grid(lines, first, last, starts, rows_c, lines_c, name)
        return Rebuilt(grid=grid, unplaced=tuple(unplaced_c), doubts=())
    header_texts = [fold(lines[i].text.strip()) for i in range(first, last + 1)]
    header_first = " ".join(fold(piece[2]) for piece in _pieces(lines[first].text))
    rows: list[list[list[str]]] = []
    row_lines: list[tuple[int, int | None]] = []
    unplaced: list[TextLine] = []
    skipping_header = False
    ended = interrupted = False
    for line in lines[last + 1 :]:
        text = line.text
        if not text.strip():
            continue
        if ended:
            unplaced.append(line)
            continue
        pieces = _pieces(text)
        if " ".join(fold(piece[2]) for piece in pieces) == header_first:
            skipping_header = True  # the header printed again after a page break
            interrupted = False
            continue
        if skipping_header and fold(text.strip()) in header_texts:
            continue
        skipping_header = False
        if all(_COLUMN_NUMBERS.match(piece[2]) for piece in pieces) and len(pieces) >= 3:
            continue
        placed = [_column_of(piece[0], starts) for piece in pieces]
        if len(pieces) == 1 and placed[0] != 0 and _PAGE_NUMBER.match(pieces[0][2]):
            continue  # a page's number, right of the number column
        opens = placed[0] == 0 and _NUMBER.match(pieces[0][2]) is not None
        group = (opens and _ROMAN.match(pieces[0][2]) is not None) or (
            not opens and bool(rows) and _ROMAN.match(" ".join(rows[-1][0])) is not None
        )  # a group row's heading may run over the columns of a merged cell
        crossing = any(column is None for column in placed) or (
            not group
            and any(_crosses(piece, column or 0, starts) for piece, column in zip(pieces, placed, strict=True))
        )
        if crossing or (interrupted and not opens):
            # a line across the columns: a running line at a page break if a row follows, else the table ended
            unplaced.append(line)
            ended = interrupted and not opens
            interrupted = bool(rows) and not ended
            continue
        interrupted = False
        if not opens and not rows:
            unplaced.append(line)
            continue
        if opens:
            rows.append([[] for _ in starts])
            row_lines.append((line.number, line.page))
        for piece, column in zip(pieces, placed, strict=True):
            rows[-1][column or 0].append(piece[2])
    tasks = [row for row in rows if not _ROMAN.match(" ".join(row[0]))]
    if len(tasks) < _LEAST_ROWS:
        return None
    grid = _grid(lines, first, last, starts, rows, row_lines, name)
    return Rebuilt(grid=grid, unplaced=tuple(unplaced), doubts=())


def _centred_rows(  # noqa: C901 - one pass over the blocks
    body: Sequence[TextLine], starts: Sequence[int]
) -> tuple[list[list[list[str]]], list[tuple[int, int | None]], list[TextLine]] | None:
    """Rows printed as blocks parted by empty lines, their number on a middle line (cells centred in their row).

    A layout copy of a table whose cells are centred vertically prints a row's short cells on its middle line
    and the long ones over the lines around it: the lines above the number are the row's, not the last row's.
    Read so only when every block holds exactly one line opening with a number and some block has lines above
    it; None otherwise (the ordinary reading applies).

    >>> texts = ["      Rà soát, công bố danh mục      Chi cục Trồng trọt",
    ...          "1     thủ tục hành chính             và BVTV", "",
    ...          "2     Tập huấn chữ ký số             Văn phòng Sở"]
    >>> rows, _, _ = _centred_rows([TextLine(t, n) for n, t in enumerate(texts, 1)], [0, 6, 37])
    >>> for row in rows:
    ...     print([" ".join(cell) for cell in row])
    ['1', 'Rà soát, công bố danh mục thủ tục hành chính', 'Chi cục Trồng trọt và BVTV']
    ['2', 'Tập huấn chữ ký số', 'Văn phòng Sở']
    """
    blocks: list[list[TextLine]] = [[]]
    for line in body:
        if line.text.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    rows: list[list[list[str]]] = []
    row_lines: list[tuple[int, int | None]] = []
    unplaced: list[TextLine] = []
    above = False
    for block in blocks:
        pieces = [_pieces(line.text) for line in block]
        placed = [[_column_of(piece[0], starts) for piece in line] for line in pieces]
        opening = [
            index
            for index, (line, columns) in enumerate(zip(pieces, placed, strict=True))
            if line and columns[0] == 0 and _NUMBER.match(line[0][2]) is not None
        ]
        if len(opening) != 1:
            if rows and all(len(line) == 1 and _PAGE_NUMBER.match(line[0][2]) for line in pieces):
                unplaced.extend(block)  # a page's number between rows
                continue
            if rows and len(rows) >= _LEAST_ROWS:
                unplaced.extend(line for rest in blocks[blocks.index(block) :] for line in rest)
                break  # the table has ended
            return None
        if any(column is None for columns in placed for column in columns):
            return None
        above = above or opening[0] > 0
        rows.append([[] for _ in starts])
        row_lines.append((block[opening[0]].number, block[opening[0]].page))
        for found, columns in zip(pieces, placed, strict=True):
            for piece, column in zip(found, columns, strict=True):
                rows[-1][column or 0].append(piece[2])
    if not above or len(rows) < _LEAST_ROWS:
        return None
    return rows, row_lines, unplaced


def _grid(  # noqa: PLR0913, PLR0917 - the header's place, the columns and the rows read
    lines: Sequence[TextLine],
    first: int,
    last: int,
    starts: Sequence[int],
    rows: Sequence[Sequence[Sequence[str]]],
    row_lines: Sequence[tuple[int, int | None]],
    name: str,
) -> Grid:
    header_line = lines[first]
    grid_rows: list[tuple[GridCell, ...]] = []
    header_cells = [" ".join(_header_words(lines, first, last, starts, index)) for index in range(len(starts))]
    grid_rows.append(
        tuple(
            GridCell(text, 1, index + 1, 1, 1, header_line.number, header_line.page, name)
            for index, text in enumerate(header_cells)
        )
    )
    for number, (row, (line_number, page)) in enumerate(zip(rows, row_lines, strict=True), start=2):
        grid_rows.append(
            tuple(
                GridCell(" ".join(cell), number, index + 1, 1, 1, line_number, page, name)
                for index, cell in enumerate(row)
            )
        )
    return Grid(rows=tuple(grid_rows), first=header_line.number, name=name, page=header_line.page)


def _header_words(lines: Sequence[TextLine], first: int, last: int, starts: Sequence[int], column: int) -> list[str]:
    words = []
    for index in range(first, last + 1):
        for start, _, text in _pieces(lines[index].text):
            if _column_of(start, starts) == column:
                words.append(text)
    return words
