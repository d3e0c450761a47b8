"""Tables printed as columns of PDF text, rebuilt into rows.

The commonest way a PDF's appendix reaches text is not a table but its cells one
after the other: ``pdftotext`` without ``-layout`` writes each cell's lines as a
block (blank lines between cells, a row's cells in turn), a PDF viewer's copy
writes a row's lines with the cells of one baseline run together, and some
extractions give a whole column before the next. :func:`rebuild` finds the
header by its column names (Nhiệm vụ, Chủ trì, Phối hợp, Thời gian …), the rows
by their numbers in sequence (``1``, ``2`` … in the number column or opening the
task's cell, Roman numerals for area rows), and splits each row into cells by
the blank lines between them, or, without them, by what the text is (a time
the phrase parser reads whole ends the row). What cannot be placed is returned
with its lines, never guessed: a row whose cells do not fill the header's
columns is read with a doubt, a row with no text of its own is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from parplan.errors import ParseError
from parplan.read.lines import Grid, GridCell, TextLine
from parplan.text import fold, read_timeframe

__all__ = ["Rebuilt", "rebuild"]

_ROLE_WORDS: Final = (
    ("nhiem vu chung", "general"),
    ("nhiem vu cu the", "title"),
    ("noi dung nhiem vu", "title"),
    ("noi dung cong viec", "title"),
    ("ten nhiem vu", "title"),
    ("nhiem vu", "title"),
    ("noi dung", "title"),
    ("ket qua dau ra", "output"),
    ("san pham", "output"),
    ("chu tri", "lead"),
    ("phoi hop", "partners"),
    ("nguoi thuc hien", "lead"),
    ("don vi thuc hien", "lead"),
    ("phu trach", "lead"),
    ("thoi gian", "time"),
    ("thoi han", "time"),
    ("tien do", "time"),
    ("kinh phi", "budget"),
    ("stt", "number"),
    ("tt", "number"),
)
_ROMAN: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ANCHOR: Final = re.compile(r"^(?P<n>[0-9]{1,3}|[IVX]{1,5})(?:[.)]|(?=\s)|$)\s*(?P<rest>.*)$")
_HEADER_LIMIT: Final = 30


@attrs.frozen
class Rebuilt:
    """A table rebuilt from column text: the grid (header row first), the lines left unplaced, the doubts."""

    grid: Grid | None
    unplaced: tuple[TextLine, ...]
    doubts: tuple[str, ...]


def _header(lines: Sequence[TextLine]) -> tuple[list[tuple[str, str]], int] | None:
    """The columns named by the header (role, wording) in order, and the index of the header's last line."""
    for index, line in enumerate(lines[:_HEADER_LIMIT]):
        folded = fold(line.text).strip()
        if re.match(r"^(?:s?tt\b|nhiem vu|noi dung|ten nhiem vu)", folded):
            found = _header_from(lines, index)
            if found is not None:
                return found
    return None


def _header_from(lines: Sequence[TextLine], start: int) -> tuple[list[tuple[str, str]], int] | None:  # noqa: C901
    words: list[tuple[int, str, str]] = []
    texts: list[str] = []
    end = start
    for index in range(start, min(len(lines), start + _HEADER_LIMIT)):
        text = lines[index].text.strip()
        if not text:
            continue
        if _ANCHOR.match(text) and index > start and len(texts) > 1:
            break
        if len(text) > 60 or text.endswith((".", ";")):
            break
        texts.append(text)
        end = index
    joined = fold(" ".join(texts))
    taken: list[tuple[int, int]] = []
    for word, role in _ROLE_WORDS:
        for found in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", joined):
            span = (found.start(), found.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            if role in {r for _, r, _ in words} and role != "title":
                continue
            if role == "title" and any(r == "title" for _, r, _ in words):
                continue
            taken.append(span)
            words.append((found.start(), role, word))
    words.sort()
    roles = [role for _, role, _ in words]
    if "title" not in roles or len(roles) < 3:
        return None
    cut = [position for position, _, _ in words] + [len(joined)]
    original = " ".join(texts)
    columns = [(role, original[cut[i] : cut[i + 1]].strip()) for i, (_, role, _) in enumerate(words)]
    return columns, end


def _anchor(text: str, expected: int, roman: int) -> tuple[str, str, str] | None:
    """A row's number opening ``text``: ("num", "3", rest) for the next task, ("roman", "II", rest) for a group."""
    found = _ANCHOR.match(text.strip())
    if found is None:
        return None
    number, rest = found["n"], found["rest"].strip()
    if number.isdigit():
        if int(number) in {expected, 1} and (not rest or rest[:1].isupper()):
            return "num", number, rest
        return None
    if roman < len(_ROMAN) and number == _ROMAN[roman] and (not rest or rest[:1].isupper()):
        return "roman", number, rest
    return None


def _is_time(text: str) -> bool:
    cleaned = text.strip().rstrip(".;")
    if not cleaned or len(cleaned) > 80 or len(cleaned.split()) > 6:  # a cell of time is short
        return False
    try:
        reading = read_timeframe(cleaned)
    except (ParseError, ValueError):
        return False
    return reading.value is not None and not reading.flags and reading.confidence >= 0.9


def _split_time(text: str) -> tuple[str, str]:
    """``text`` cut where a time the phrase parser reads whole ends it ("UBND các xã Tháng 9/2022").

    The time is the longest run of words from the end that the parser reads, cut before a capital.
    """
    words = text.split()
    best = len(words)
    for index in range(len(words) - 1, 0, -1):
        if not _is_time(" ".join(words[index:])):
            break
        if words[index][:1].isupper():
            best = index
    return " ".join(words[:best]), " ".join(words[best:])


def rebuild(lines: Sequence[TextLine], name: str) -> Rebuilt:  # noqa: C901, PLR0912, PLR0915
    """The table whose cells ``lines`` hold one after the other, as far as it can be rebuilt."""
    header = _header(lines)
    if header is None:
        return Rebuilt(None, tuple(line for line in lines if line.text.strip()), ())
    columns, end = header
    doubts: list[str] = []
    # rows: from each row number to the next
    rows: list[tuple[str, str, str, list[TextLine], TextLine]] = []
    before: list[TextLine] = [line for line in lines[: end + 1] if line.text.strip()]
    expected, roman = 1, 0
    header_texts = {line.text.strip() for line in before}
    for line in lines[end + 1 :]:
        text = line.text.strip()
        if text in header_texts:
            continue  # the header repeated on the next page
        found = _anchor(text, expected, roman) if text else None
        if found is not None:
            style, label, rest = found
            if style == "num":
                expected = int(label) + 1
            else:
                roman += 1
            rows.append((style, label, rest, [], line))
            continue
        if rows:
            rows[-1][3].append(line)
        elif text:
            before.append(line)
    has_number = columns[0][0] == "number"
    data_columns = [role for role, _ in columns if role != "number"]
    cells: list[tuple[GridCell, ...]] = [
        tuple(
            GridCell(text=wording, row=1, column=index, columns=1, rows=1, line=lines[0].number, table=name)
            for index, (_, wording) in enumerate(columns)
        )
    ]
    unplaced: list[TextLine] = []
    row_number = 1
    offset = 1 if has_number else 0
    for style, label, rest, body, anchor in rows:
        row_number += 1
        blocks: list[list[TextLine]] = [[]]
        if rest:
            blocks[0].append(TextLine(rest, anchor.number, anchor.page))
        for line in body:
            if not line.text.strip():
                if blocks[-1]:
                    blocks.append([])
                continue
            blocks[-1].append(line)
        blocks = [block for block in blocks if block]
        texts = [" ".join(" ".join(part.text.split()) for part in block) for block in blocks]
        first_line = anchor.number

        def cell(text: str, column: int, line: int, row: int = row_number) -> GridCell:
            return GridCell(text=text, row=row, column=column, columns=1, rows=1, line=line, table=name)

        number_cell = [cell(label, 0, first_line)] if has_number else []
        if style == "roman":
            heading = " ".join(texts[:1])
            if not heading:
                unplaced.append(anchor)
                continue
            cells.append((cell(label, 0, first_line), cell(heading, 1, first_line)))
            if len(texts) > 1:
                unplaced.extend(line for block in blocks[1:] for line in block)
                doubts.append(f"{name}: group row {label} has more text than its heading; the rest is unplaced")
            continue
        if not texts:
            unplaced.append(anchor)
            continue
        if len(blocks) == 1 and len(data_columns) > 1:
            # no blank line between the cells: a time that ends the row is the time cell, the rest stays whole
            whole, time = _split_time(texts[0])
            texts = [whole, time] if time else [whole]
            if time and "time" in data_columns:
                row_cells = [*number_cell, cell(whole, offset, first_line)]
                row_cells.append(
                    cell(time, offset + data_columns.index("time"), body[-1].number if body else first_line)
                )
                cells.append(tuple(row_cells))
                doubts.append(
                    f"{name}: row {label} has no blank line between its cells: its task and its other columns"
                    " are read as one text"
                )
                continue
        if len(texts) == len(data_columns):
            cells.append(
                (
                    *number_cell,
                    *(
                        cell(text, offset + i, block[0].number)
                        for i, (text, block) in enumerate(zip(texts, blocks, strict=True))
                    ),
                )
            )
            continue
        # fewer or more cells than columns: the first is the task, a last one the parser reads is its time
        row_cells = [*number_cell, cell(texts[0], offset, blocks[0][0].number)]
        rest_blocks = list(zip(texts[1:], blocks[1:], strict=True))
        if rest_blocks and "time" in data_columns and _is_time(rest_blocks[-1][0]):
            text, block = rest_blocks.pop()
            row_cells.append(cell(text, offset + data_columns.index("time"), block[0].number))
        if rest_blocks and len(texts) < len(data_columns) and "lead" in data_columns and len(rest_blocks) == 1:
            text, block = rest_blocks.pop()
            row_cells.append(cell(text, offset + data_columns.index("lead"), block[0].number))
        for _, block in rest_blocks:
            unplaced.extend(block)
        cells.append(tuple(row_cells))
        doubts.append(
            f"{name}: row {label} has {len(texts)} cells for {len(data_columns)} columns: only the ones"
            " that could be told apart are read"
        )
    unplaced.extend(line for line in before[len(header_texts) :] if line.text.strip())
    if len(cells) == 1:
        return Rebuilt(None, tuple(line for line in lines if line.text.strip()), ())
    grid = Grid(rows=tuple(cells), first=lines[0].number, name=name)
    return Rebuilt(grid, tuple(unplaced), tuple(doubts))
