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

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from parplan.io.headings import heading_role
from parplan.read.cell_fit import Piece, calls_for_more, cell_is_time, cell_kind, names_party, opens_time, share
from parplan.read.lines import Grid, GridCell, TextLine
from parplan.read.parties import starts_party
from parplan.text import fold

__all__ = ["Rebuilt", "by_columns", "cell_is_time", "header_roles", "rebuild"]

_ROLE_WORDS: Final = (
    ("nhiem vu chung", "general"),
    ("nhiem vu cu the", "title"),
    ("noi dung nhiem vu", "title"),
    ("noi dung cong viec", "title"),
    ("ten nhiem vu", "title"),
    ("nhiem vu", "title"),
    ("noi dung", "title"),
    ("cong viec", "title"),
    ("hoat dong", "title"),
    ("ket qua dau ra", "output"),
    ("ket qua can dat", "output"),
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
    ("lo trinh", "time"),
    ("kinh phi", "budget"),
    ("ghi chu", "note"),
    ("stt", "number"),
    ("tt", "number"),
)
_ROLE_OF: Final = {
    "number": "number",
    "title": "title",
    "remedy": "title",
    "general": "general",
    "output": "output",
    "lead": "lead",
    "partners": "partners",
    "time": "time",
    "budget": "budget",
}
"""The roles of the shared lexicon of headings (:mod:`parplan.io.headings`) a header cell is read by."""
_ROMAN: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ANCHOR: Final = re.compile(r"^(?P<n>[0-9]{1,3}|[IVX]{1,5})(?:[.)]|(?=\s)|$)\s*(?P<rest>.*)$")
_HEADER_LIMIT: Final = 30


@attrs.frozen
class Rebuilt:
    """A table rebuilt from column text: the grid (header row first), the lines left unplaced, the doubts."""

    grid: Grid | None
    unplaced: tuple[TextLine, ...]
    doubts: tuple[str, ...]
    guessed: int = 0
    """The lines of rows whose cells could not all be told apart: placed, but not surely."""


def header_roles(names: Sequence[str]) -> list[str] | None:
    """The role of each header cell ("number", "title", "lead", "partners", "time" … or "other").

    None unless the cells name a column of tasks and at least two more columns the reader knows.

    >>> header_roles(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"])
    ['number', 'title', 'lead', 'time']
    >>> header_roles(["Họ và tên", "Chức vụ", "Ghi chú"]) is None
    True
    """
    roles = []
    for name in names:
        role = _ROLE_OF.get(heading_role(name)[0] or "", "other")
        roles.append(role if role not in roles or role == "other" else "other")
    known = [role for role in roles if role != "other"]
    if "title" not in roles or len(known) < 3:  # a task, and two more known columns
        return None
    return roles


def _header(lines: Sequence[TextLine]) -> tuple[list[tuple[str, str]], int, int] | None:
    """The columns named by the header (role, wording) in order, and the indexes of the header's first and last line."""
    for index, line in enumerate(lines[:_HEADER_LIMIT]):
        folded = fold(line.text).strip()
        if re.match(r"^(?:s?tt\b|nhiem vu|noi dung|ten nhiem vu|cong viec|hoat dong)", folded):
            found = _header_from(lines, index)
            if found is not None:
                return found[0], index, found[1]
    return None


_HEADER_LINE_WORDS: Final = 3
"""A line of the header this long is its own, wherever it comes again; a shorter one ("hiện") may be a cell's."""


def _repeated_header(texts: Sequence[str], header: Sequence[str]) -> set[int]:
    """The indexes of ``texts`` that print the header again after a page break.

    The header comes back whole (its lines in order, empty lines between them); a line of it of a few
    words comes back alone too, a short one ("chung", "hiện") only with the rest.
    """
    found: set[int] = set()
    filled = [index for index, text in enumerate(texts) if text]
    for position, index in enumerate(filled):
        if texts[index] == header[0]:
            run = filled[position : position + len(header)]
            if [texts[at] for at in run] == list(header):
                found.update(run)
        if texts[index] in header and len(texts[index].split()) >= _HEADER_LINE_WORDS:
            found.add(index)
    return found


def _header_from(lines: Sequence[TextLine], start: int) -> tuple[list[tuple[str, str]], int] | None:  # noqa: C901
    words: list[tuple[int, str, str]] = []
    texts: list[str] = []
    end = start
    for index in range(start, min(len(lines), start + _HEADER_LIMIT)):
        text = lines[index].text.strip()
        if not text:
            continue
        if _ANCHOR.match(text) and index > start:
            break
        if len(text) > 60 or text.endswith((".", ";")):
            break
        texts.append(text)
        end = index
    original = " ".join(" ".join(text.split()) for text in texts)
    joined = fold(original)
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
    words = sorted((_head_start(joined, position), role, word) for position, role, word in words)
    roles = [role for _, role, _ in words]
    if "title" not in roles or len(roles) < 3:
        return None
    cut = [position for position, _, _ in words] + [len(joined)]
    columns = [(role, original[cut[i] : cut[i + 1]].strip()) for i, (_, role, _) in enumerate(words)]
    if not all(_names_a_column(wording) for _, wording in columns):
        return None
    return columns, end


_HEAD_WORDS: Final = 8
"""A column's name is a few words ("Cơ quan, đơn vị chủ trì thực hiện")."""


def _names_a_column(wording: str) -> bool:
    """Whether ``wording`` reads as a column's name, not prose whose short lines hold a name's words.

    A name is a few words in sentence case (or in capitals) without numbers: "Nhiệm vụ trọng tâm năm
    2024 Phòng Nội vụ" is a sentence that merely opens with "Nhiệm vụ".
    """
    words = wording.replace("/", " ").split()
    if len(words) > _HEAD_WORDS or any(char.isdigit() for char in wording):
        return False
    return not any(word[:1].isupper() and not word.isupper() for word in words[1:])


# the words a column's name opens with before the words that tell its role ("Cơ quan chủ trì", "Đơn vị phối hợp")
_HEAD_OPENING: Final = re.compile(r"(?:(?:co quan|don vi|bo phan|can bo|nguoi|thoi gian|thoi han)(?:, [a-z ]+)? )$")


def _head_start(joined: str, position: int) -> int:
    """Where the column's name whose role words start at ``position`` opens: before "Cơ quan", "Đơn vị", "Thời gian"."""
    found = _HEAD_OPENING.search(joined[:position])
    return found.start() if found is not None else position


def _anchor(text: str, expected: int, roman: int, inner: int | None = None) -> tuple[str, str, str] | None:
    """A row's number opening ``text``: ("num", "3", rest) for the next task, ("roman", "II", rest) for a group.

    ``inner`` is the next number of a list running inside a row's cell ("1. Quyết định …", "2. Báo cáo …"):
    it is read as a number too, for the caller to tell the list's item from the next row.
    """
    found = _ANCHOR.match(text.strip())
    if found is None:
        return None
    number, rest = found["n"], found["rest"].strip()
    if number.isdigit():
        if int(number) in {expected, 1, inner} and (not rest or rest[:1].isupper()):
            return "num", number, rest
        return None
    if roman < len(_ROMAN) and number == _ROMAN[roman] and (not rest or rest[:1].isupper()):
        return "roman", number, rest
    return None


def _scan_rows(  # noqa: C901, PLR0912
    texts: Sequence[str], choices: dict[int, bool]
) -> tuple[dict[int, tuple[str, str, str]], int, int | None]:
    """The rows' numbers among ``texts``: where each row opens, how many numbers were left over, the first open choice.

    A number that both goes on with a cell's own list and is the next row's is a choice: ``choices`` says
    which it is (True: the row's); one not in ``choices`` is decided by :func:`_list_closed` and returned as
    the first open choice. A left-over number is a line opening like a row ("2. Công tác …") that is neither a
    row nor an item of a list: a sign that the numbers were misread.
    """
    starts: dict[int, tuple[str, str, str]] = {}
    expected, roman, inner, after_group = 1, 0, None, True
    since_item: list[str] = []  # the lines since the last item of a cell's own list
    left = 0
    open_choice: int | None = None
    for index, text in enumerate(texts):
        found = _anchor(text, expected, roman, inner) if text else None
        if found is not None and found[0] == "num":
            number = int(found[1])
            if number == 1 and after_group:
                inner = None
            elif inner is not None and number == inner:
                row = number == expected and choices.get(index, _list_closed(since_item))
                if number == expected and index not in choices and open_choice is None:
                    open_choice = index
                if row:
                    inner = None
                else:
                    inner += 1  # the cell's own list goes on
                    since_item = []
                    found = None
            elif number == expected and number != 1:
                inner = None
            elif starts:  # a list inside the row's cell starts
                inner, since_item, found = 2, [], None
            else:
                found = None
        elif found is None and text and starts and (numbered := _ANCHOR.match(text)) is not None:
            left += numbered["n"].isdigit() and text[len(numbered["n"]) : len(numbered["n"]) + 1] in {".", ")"}
        if found is None:
            if text and starts:
                since_item.append(text)
            continue
        if found[0] == "num":
            expected, after_group = int(found[1]) + 1, False
        else:
            roman, after_group, inner = roman + 1, True, None
        starts[index] = found
    return starts, left, open_choice


def _row_starts(texts: Sequence[str]) -> dict[int, tuple[str, str, str]]:
    """Where each row opens among ``texts`` (a row's number, or a group's Roman numeral), by the rows' numbering.

    Where a number could go on with a cell's own list or open the next row, both readings are followed to the
    end of the table: the one that leaves fewer numbers over (then the one with more rows) is kept.
    """
    choices: dict[int, bool] = {}
    for _ in range(len(texts)):
        starts, _, open_choice = _scan_rows(texts, choices)
        if open_choice is None:
            return starts
        outcomes = []
        for row in (False, True):
            tried, left, _ = _scan_rows(texts, {**choices, open_choice: row})
            outcomes.append((left, -len(tried)))
        choices[open_choice] = outcomes[1] < outcomes[0] or (
            outcomes[1] == outcomes[0] and _scan_rows(texts, choices)[0].get(open_choice) is not None
        )
    return _scan_rows(texts, choices)[0]


def _list_closed(since_item: Sequence[str]) -> bool:
    """Whether a cell's own list ended before the number that would go on with it: a later cell came between.

    A row's task is often followed by a list of its products ("1. Quyết định …", "2. Báo cáo …"); when the
    list's next number is also the next row's, the number is the row's if the lead's, the partners' or the
    time's cell came after the list's last item (a list's items follow one another in their cell).
    """
    return any(text[:1].isupper() and cell_kind(text) != "text" for text in since_item)


def _spaced(lines: Sequence[TextLine]) -> bool:
    """Whether a blank line follows nearly every line (a PDF copied with its line spacing as empty lines)."""
    filled = [index for index, line in enumerate(lines) if line.text.strip()]
    if len(filled) < 10:
        return False
    spaced = sum(1 for index in filled if index + 1 < len(lines) and not lines[index + 1].text.strip())
    return spaced * 10 >= len(filled) * 8


def _split_time(text: str) -> tuple[str, str]:
    """``text`` cut where a time the phrase parser reads whole ends it ("UBND các xã Tháng 9/2022").

    The time is the longest run of words from the end that the parser reads, cut before a capital.
    """
    words = text.split()
    best = len(words)
    for index in range(len(words) - 1, max(0, len(words) - 7), -1):
        tail = " ".join(words[index:])
        if words[index][:1].isupper() and opens_time(tail) and cell_is_time(tail):
            best = index
    return " ".join(words[:best]), " ".join(words[best:])


def _joined(parts: Iterable[str]) -> str:
    """A cell's lines joined by a space, but not after a symbol's hyphen or slash ("108/2014/NĐ-" "CP").

    >>> _joined(["theo Nghị định số 108/2014/NĐ-", "CP ngày 20/11/2014", "Văn phòng HĐND -", "UBND huyện"])
    'theo Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 Văn phòng HĐND - UBND huyện'
    """
    joined = ""
    for part in parts:
        text = " ".join(part.split())
        if not text:
            continue
        glued = len(joined) > 1 and joined[-1] in "-/" and not joined[-2].isspace() and text[:1].isalnum()
        joined = f"{joined}{text}" if glued or not joined else f"{joined} {text}"
    return joined


def _may_open(text: str, previous: str) -> bool:
    """Whether a line of a row may start a new cell rather than go on with the line before.

    A new cell opens with a capital, a list's mark or a time (a continued sentence does not), after a
    line that does not call for more (a comma, "và", "tại", "của" …).
    """
    if calls_for_more(previous):
        return False
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if len(first) > 1 and first.isupper() and first.isalpha() and not starts_party(text):
        return False  # an abbreviation in the middle of a sentence ("TTHC năm 2021"), not a cell's first word
    return bool(text[:1].isupper() or re.match(r"^(?:[-+•]\s|[0-9]{1,2}[.)]\s)", text) or opens_time(text))


def _part_parties(text: str) -> list[str]:
    """A line cut before each party's name that starts inside it after a word that does not call for more.

    Two cells of one baseline run together: "Phòng Nội vụ Các phòng" is a lead and the first
    line of the partners; "Văn phòng HĐND và UBND huyện" and "… tại Bộ phận Một cửa" stay whole.
    """
    words = text.split()
    parts: list[str] = []
    start = 0
    for index in range(1, len(words)):
        word = words[index]
        if fold(" ".join(words[start:index])) in _BARE_KINDS:
            continue  # "Văn phòng UBND tỉnh", "Phòng Văn hóa": a body's kind and its name
        if not word[:1].isupper() or calls_for_more(words[index - 1]) or words[index - 1].endswith(";"):
            continue  # a list of bodies goes on after ";" ("Phòng Nội vụ; Phòng Y tế")
        head = fold(word)
        if head == "van" and fold(" ".join(words[index + 1 : index + 2])) == "phong":
            head = "van phong"
        if re.fullmatch(r"[0-9]{1,2}[.)]", words[index - 1]):
            continue  # an item's number goes with its item ("3. Các văn bản …")
        after_party = starts_party(" ".join(words[start:index]))
        if head in _OBJECT_HEADS and not after_party:
            continue  # "… gửi UBND xã", "báo cáo Sở Nội vụ": a body a sentence names, not a cell of its own
        if names_party(" ".join(words[index:])) and head in _PARTY_HEADS:
            parts.append(" ".join(words[start:index]))
            start = index
    parts.append(" ".join(words[start:]))
    return parts


_BARE_KINDS: Final = frozenset(
    {"van phong", "phong", "ban", "so", "trung tam", "uy ban", "hoi dong", "chi cuc", "cuc", "bo phan", "doan", "hoi"}
    | {"cong chuc", "can bo", "vien chuc", "chuyen vien", "lanh dao"}
)
"""A body's kind alone, which its name follows: no cut after it."""
_OBJECT_HEADS: Final = frozenset({"ubnd", "so", "bo", "ban", "doan", "hoi", "cong", "dai", "uy", "d/c"})
"""The heads of bodies a sentence names after its verb: cut before them only after another body's name."""
_PARTY_HEADS: Final = frozenset(
    {"cac", "phong", "ubnd", "ban", "trung", "dai", "bo", "doan", "hoi", "cong", "d/c", "so", "uy", "van phong"}
)


_WIDTH_LINES: Final = 3
"""How many lines before a line tell its column's width."""


def _ended(lengths: Sequence[int], position: int, text: str) -> bool | None:
    """Whether the line before line ``position`` stopped short: the first word of ``text`` would have fit on it.

    A cell's lines are wrapped at its column's width; a line that stops with room for the next word left
    ends its cell (or a paragraph of it). The width is the longest of the few lines before (``lengths``
    are the row's lines' lengths); None when they are too few to tell.
    """
    if position < 2 or not text:
        return None
    width = max(lengths[max(0, position - _WIDTH_LINES - 1) : position])
    return lengths[position - 1] + 1 + len(text.split(maxsplit=1)[0]) <= width


def _pieces(blocks: Sequence[Sequence[TextLine]], restarts: set[int]) -> list[Piece]:
    """A row's lines as pieces, each line cut where two cells of one baseline ran together.

    "UBND các xã Tháng 9/2022" is a cell and a time; "Phòng Nội vụ Các phòng" a lead and the first line of
    the partners. A block after an empty line, and a cut, show a cell opening; a line in ``restarts`` (the
    first after a page break) may go back to an earlier column.
    """
    pieces: list[Piece] = []
    previous = ""
    broken = False  # after a page break each column's rest comes in turn, mid-sentence
    numbers = [line.number for block in blocks for line in block]
    cut = any(number in restarts for number in numbers[1:])  # a page break inside the row: cells stop anywhere
    lengths = [len(" ".join(line.text.split())) for block in blocks for line in block]
    position = -1
    for block in blocks:
        for line in block:
            text = " ".join(line.text.split())
            position += 1
            ended = _ended(lengths, position, text)
            whole, time = _split_time(text)
            parts = [*(_part_parties(whole) if whole else []), *([time] if time else [])]
            for index, part in enumerate(parts):
                restart = index == 0 and line.number in restarts
                broken = broken or (restart and bool(pieces))
                cue = index > 0 or (line is block[0] and bool(pieces))
                rest = broken and index == 0 and (ended is True or previous.endswith((".", ";", ":")))
                opens = cue or restart or rest or _may_open(part, previous)
                strained = not opens and cut and not broken and ended is False and _may_open(part, "")
                piece = TextLine(part, line.number, line.page)
                pieces.append(
                    Piece(
                        piece,
                        opens=opens or strained,
                        cue=cue,
                        restart=restart,
                        strained=strained,
                        ended=ended if index == 0 else None,
                    )
                )
                previous = part
    return pieces


_FITS: Final = {
    "time": ("time",),
    "party": ("lead", "partners"),
    "text": ("title", "output", "general", "note", "budget"),
}


def _assign(texts: list[str], roles: list[str]) -> tuple[list[tuple[int, int]], list[int]]:
    """Which column each cell of a row goes to, in the header's order and by what it is.

    The first cell is the row's first column; each next cell goes to the first column after
    the last one used that can hold it (empty cells are skipped). Returns the (cell, column)
    pairs and the cells that found no column.
    """
    placed: list[tuple[int, int]] = []
    left: list[int] = []
    at = 0
    for index, text in enumerate(texts):
        if index == 0:  # the row's number opens its task
            first = roles.index("title") if "title" in roles else 0
            placed.append((0, first))
            at = first + 1
            continue
        kind = cell_kind(text)
        column = next((j for j in range(at, len(roles)) if roles[j] in _FITS[kind]), None)
        if column is None:
            left.append(index)
            continue
        placed.append((index, column))
        at = column + 1
    return placed, left


def rebuild(lines: Sequence[TextLine], name: str) -> Rebuilt:  # noqa: C901, PLR0912, PLR0915
    """The table whose cells ``lines`` hold one after the other, as far as it can be rebuilt."""
    header = _header(lines)
    if header is None:
        return Rebuilt(None, tuple(line for line in lines if line.text.strip()), ())
    columns, start, end = header
    header_lines = [line.text.strip() for line in lines[start : end + 1] if line.text.strip()]
    doubts: list[str] = []
    # rows: from each row number to the next
    rows: list[tuple[str, str, str, list[TextLine], TextLine]] = []
    before: list[TextLine] = [line for line in lines[: end + 1] if line.text.strip()]
    header_texts = {line.text.strip() for line in before}
    texts_after = [line.text.strip() for line in lines[end + 1 :]]
    page_numbers = {
        index
        for index, text in enumerate(texts_after)
        if text.isdigit()
        and (following := next((t for t in texts_after[index + 1 :] if t), None)) is not None
        and following == header_lines[0]
    }
    repeated = _repeated_header(texts_after, header_lines)
    body: list[TextLine] = []
    restarts: set[int] = set()  # the first lines after a page break: a row's cells go on from the first column
    broken = False
    for index, line in enumerate(lines[end + 1 :]):
        if index in page_numbers or index in repeated:  # the header printed again on a next page
            broken = True
            continue
        if broken and line.text.strip():
            restarts.add(line.number)
            broken = False
        body.append(line)
    if _spaced(body):  # a blank line after every line: blank lines do not part cells
        body = [line for line in body if line.text.strip()]
    starts = _row_starts([line.text.strip() for line in body])
    for index, line in enumerate(body):
        text = line.text.strip()
        found = starts.get(index)
        if found is not None:
            rows.append((*found, [], line))
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
    guessed = 0
    row_number = 1
    offset = 1 if has_number else 0
    for style, label, rest, row_lines, anchor in rows:
        row_number += 1
        blocks: list[list[TextLine]] = [[]]
        if rest:
            blocks[0].append(TextLine(rest, anchor.number, anchor.page))
        for line in row_lines:
            if not line.text.strip():
                if blocks[-1]:
                    blocks.append([])
                continue
            blocks[-1].append(line)
        blocks = [block for block in blocks if block]
        texts = [_joined(part.text for part in block) for block in blocks]
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
        title = data_columns.index("title") if "title" in data_columns else 0
        if len(texts) == len(data_columns):
            placed, left = _assign(texts, data_columns)
        else:  # the blank lines do not give one cell per column: share the pieces by what each column holds
            shared = share(_pieces(blocks, restarts), data_columns, title)
            blocks = [cell_lines for _, cell_lines in shared]
            texts = [_joined(part.text for part in block) for block in blocks]
            placed, left = [(index, column) for index, (column, _) in enumerate(shared)], []
        by_column: dict[int, tuple[str, int]] = {}
        for index, column in placed:
            if column in by_column:  # a row going on after a page break: its cell's lines follow
                text, first = by_column[column]
                by_column[column] = (_joined((text, texts[index])), first)
                continue
            by_column[column] = (texts[index], blocks[index][0].number)
        for index in sorted(left):
            unplaced.extend(blocks[index])
        cells.append(
            (
                *number_cell,
                *(cell(text, offset + column, line) for column, (text, line) in sorted(by_column.items())),
            )
        )
        if left or len(texts) != len(data_columns):
            guessed += 1 + len(row_lines)
            doubts.append(
                f"{name}: row {label} has {len(texts)} cells for {len(data_columns)} columns: only the ones"
                " that could be told apart are read"
            )
    unplaced.extend(line for line in before[len(header_texts) :] if line.text.strip())
    if len(cells) == 1:
        return Rebuilt(None, tuple(line for line in lines if line.text.strip()), ())
    grid = Grid(rows=tuple(cells), first=lines[0].number, name=name)
    return Rebuilt(grid, tuple(unplaced), tuple(doubts), guessed)


# -- a table extracted column after column ------------------------------------------------------

_NUMBER_HEADINGS: Final = frozenset({"stt", "tt", "so tt", "so thu tu"})
_HEADING_LINE: Final = 60
"""A column's heading is a few words (its line may be wrapped)."""


def _column_heading(lines: Sequence[TextLine], start: int, used: set[str]) -> tuple[str, str, int] | None:
    """The heading opening a column at ``lines[start]``: its role, its words and the index after it.

    A heading the extraction wrapped goes on in lower case on the next lines ("Thời gian hoàn" over
    "thành"); its role is one the table has not named yet.
    """
    first = lines[start].text.strip()
    if not first or len(first) > _HEADING_LINE or not first[:1].isupper():
        return None
    end = start + 1
    words = [first]
    while end < len(lines) and (text := lines[end].text.strip()) and text[:1].islower() and len(text) < _HEADING_LINE:
        words.append(text)
        end += 1
    joined = " ".join(words)
    role = _ROLE_OF.get(heading_role(joined)[0] or "")
    if role is None or role in used or role == "number":
        return None
    return role, joined, end


def _row_numbers(lines: Sequence[TextLine], start: int) -> tuple[list[TextLine], int]:
    """The lone row numbers under a number column's heading ("1", "2" … in turn, "I", "II" for groups)."""
    numbers: list[TextLine] = []
    expected, roman = 1, 0
    index = start
    while index < len(lines):
        text = lines[index].text.strip().rstrip(".")
        if not text:
            index += 1
            continue
        if text == str(expected) or (text == "1" and numbers and numbers[-1].text.strip() in _ROMAN):
            expected = int(text) + 1
        elif roman < len(_ROMAN) and text == _ROMAN[roman]:
            roman += 1
        else:
            break
        numbers.append(lines[index])
        index += 1
    return numbers, index


def _column_cells(
    lines: Sequence[TextLine], start: int, counts: set[int], used: set[str]
) -> tuple[list[list[TextLine]], int]:
    """The cells of one column from ``lines[start]``: blocks parted by empty lines, up to the next column's heading.

    The last cell runs into the next heading without an empty line between them: a heading is looked for
    only where the column already holds as many cells as it may.
    """
    cells: list[list[TextLine]] = []
    current: list[TextLine] = []
    index = start
    while index < len(lines):
        if not lines[index].text.strip():
            if current:
                cells.append(current)
                current = []
            index += 1
            continue
        held = len(cells) + (1 if current else 0)
        if held in counts and (current or cells) and _column_heading(lines, index, used) is not None:
            break
        current.append(lines[index])
        index += 1
    if current:
        cells.append(current)
    return cells, index


_Column = tuple[str, str, int, list[list[TextLine]]]
"""A column read whole: its role, its heading's words, the index after its heading, its cells' lines."""


def _headed_columns(lines: Sequence[TextLine], index: int, rows: int, groups: int) -> list[_Column] | None:
    """The columns after the numbers, each its heading then its cells; None when one holds a wrong count."""
    columns: list[_Column] = []
    used: set[str] = set()
    while index < len(lines):
        if not lines[index].text.strip():
            index += 1
            continue
        heading = _column_heading(lines, index, used)
        if heading is None:
            break
        role, words, after = heading
        counts = {rows} if role == "title" else {rows, rows - groups}
        cells, index = _column_cells(lines, after, counts, used | {role})
        if len(cells) not in counts:
            return None
        used.add(role)
        columns.append((role, words, after, cells))
    if any(line.text.strip() for line in lines[index:]):
        return None  # text after the table that is no column of it
    return columns


def _cells_after_headings(
    lines: Sequence[TextLine], index: int, headings: Sequence[tuple[str, str, int]], rows: int, groups: int
) -> list[_Column] | None:
    """The columns whose headings all came first: every cell after the numbers, parted by empty lines, in turn.

    Each column holds a cell per row (the task's column) or per task (the others, when group rows leave
    theirs empty); the cells are shared out only when one way of counting them fits their number.
    """
    cells: list[list[TextLine]] = []
    for line in lines[index:]:
        if not line.text.strip():
            if cells and cells[-1]:
                cells.append([])
            continue
        if not cells:
            cells.append([])
        cells[-1].append(line)
    cells = [cell for cell in cells if cell]
    options = [(rows,) if role == "title" else tuple({rows, rows - groups}) for role, _, _ in headings]
    fits = [counts for counts in itertools.product(*options) if sum(counts) == len(cells)]
    if len(fits) != 1:
        return None
    columns: list[_Column] = []
    taken = 0
    for (role, words, after), count in zip(headings, fits[0], strict=True):
        columns.append((role, words, after, cells[taken : taken + count]))
        taken += count
    return columns


def by_columns(lines: Sequence[TextLine], name: str) -> Rebuilt | None:
    """A table a PDF extractor gave column after column, rebuilt by its cells' order; None for any other text.

    Some extractions give a table's number column whole (its heading "STT", then "1", "2" … one a line),
    then the task column (its heading, then every task's cell, the cells parted by empty lines), then
    the lead's, the time's; others give every heading first, then the numbers, then the cells of each
    column in turn. The n-th cell of every column is the n-th row's. The reading is sound only
    when every column holds as many cells as there are numbers (a group row "I", "II" leaves its cells
    empty in the columns after the task's, which then hold one cell for each task): a column with
    another count (an empty cell the extraction dropped, a cell holding an empty line) makes the whole
    table unread. The cells are placed by their order, not by where they stood, so the table is read
    as rebuilt (its fields under 0.9), with a doubt.

    >>> texts = ["STT", "1", "2", "Nhiệm vụ", "Rà soát quy chế.", "", "Số hóa hồ sơ", "một cửa.", "Chủ trì",
    ...          "Văn phòng", "", "Phòng Tư pháp", "Thời gian", "Quý I/2026", "", "Quý III/2026"]
    >>> grid = by_columns([TextLine(t, n) for n, t in enumerate(texts, 1)], "appendix").grid
    >>> for row in grid.rows[1:]:
    ...     print([cell.text for cell in row])
    ['1', 'Rà soát quy chế.', 'Văn phòng', 'Quý I/2026']
    ['2', 'Số hóa hồ sơ một cửa.', 'Phòng Tư pháp', 'Quý III/2026']
    """
    start = next(
        (index for index, line in enumerate(lines[:_HEADER_LIMIT]) if fold(line.text).strip(" .:") in _NUMBER_HEADINGS),
        None,
    )
    if start is None:
        return None
    headings: list[tuple[str, str, int]] = []  # the other headings, when the extraction gives them first
    index = start + 1
    while (heading := _column_heading(lines, index, {role for role, _, _ in headings})) is not None:
        headings.append(heading)
        index = heading[2]
    numbers, index = _row_numbers(lines, index)
    groups = sum(1 for line in numbers if line.text.strip().rstrip(".") in _ROMAN)
    if len(numbers) - groups < 2:
        return None
    found = (
        _cells_after_headings(lines, index, headings, len(numbers), groups)
        if headings
        else _headed_columns(lines, index, len(numbers), groups)
    )
    if found is None:
        return None
    columns = [(role, words, lines[after - 1], cells) for role, words, after, cells in found]
    if "title" not in {role for role, *_ in columns} or len(columns) < 2:
        return None
    task_rows = [row for row, line in enumerate(numbers) if line.text.strip().rstrip(".") not in _ROMAN]
    header = [
        GridCell(
            text=lines[start].text.strip(), row=1, column=1, columns=1, rows=1, line=lines[start].number, table=name
        )
    ]
    header += [
        GridCell(text=words, row=1, column=column, columns=1, rows=1, line=line.number, table=name)
        for column, (_, words, line, _) in enumerate(columns, start=2)
    ]
    rows: list[tuple[GridCell, ...]] = [tuple(header)]
    for row, number in enumerate(numbers):
        placed = [
            GridCell(text=number.text.strip(), row=row + 2, column=1, columns=1, rows=1, line=number.number, table=name)
        ]
        for column, (_, _, _, held) in enumerate(columns, start=2):
            place = row if len(held) == len(numbers) else (task_rows.index(row) if row in task_rows else None)
            block = held[place] if place is not None else []
            text = " ".join(line.text.strip() for line in block)
            first = block[0].number if block else None
            placed.append(GridCell(text=text, row=row + 2, column=column, columns=1, rows=1, line=first, table=name))
        rows.append(tuple(placed))
    grid = Grid(rows=tuple(rows), first=lines[start].number, name=name, page=lines[start].page, rebuilt=True)
    doubt = "the table was extracted column after column: its cells were paired into rows by their order"
    return Rebuilt(grid=grid, unplaced=(), doubts=(doubt,))
