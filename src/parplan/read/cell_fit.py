"""What a table cell's text is, and a row's lines shared out among the columns by what each column holds.

A PDF's table reaches text without its layout as each row's cells one after another, in the
order of the columns, each cell's lines as the column wrapped them; a tall row goes on after
a page break, its cells again in the columns' order. Nothing marks where one cell ends: the
reader knows only what each column holds (its header's role) and what each line is.

:func:`share` takes a row's pieces of text (its lines, cut where two cells of one baseline
ran together) and gives each a column: the pieces of one cell stay together, cells go
forward through the columns (back to an earlier one only after a page break), and among all
the ways of cutting the row, the one whose cells best fit their columns wins: a time in the
time column ("Quý II/2024", "Thường xuyên", "- Ban hành trong tháng 01/2021"), a body's name
in the lead's and the partners' ("Phòng Nội vụ", "Các cơ quan, đơn vị"), a list or a noun
phrase in the output's, the task first. A line that continues the one before (in lower case,
after a comma, "và", "của" …) opens no cell.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from parplan.errors import ParseError
from parplan.read.accents import vi_compile
from parplan.read.lines import TextLine
from parplan.read.parties import starts_party
from parplan.text import fold, read_timeframe

__all__ = ["Piece", "calls_for_more", "cell_is_time", "cell_kind", "names_party", "opens_time", "share"]

# a line ending so continues on the next one: a comma, a dash, an open bracket, a preposition or conjunction
_CONTINUES: Final = vi_compile(
    r"(?:[,(/&\-–]|(?<!\w)(?:và|tại|của|các|cho|về|với|(?<!cấp )(?<!nêu )(?<!kể )(?<!như )trên|theo|thuộc|ở"
    r"|đến|từ|trong|có|những|là|để|bằng|hoặc|gồm|cùng|thể|được|đang|vào|khi|sau|trước|ngày|tháng|năm|quý|số|đối"
    r"|như|nhằm|đối với|do|bởi|giữa|(?<!các )(?<!mọi )cấp)\s*)$"
)
# how a time cell opens ("Trước ngày …", "Quý II/2023", "Thường xuyên", "Hằng tháng", "Trong năm 2023")
_TIME_START: Final = re.compile(
    r"^(?:truoc (?:ngay|thang|quy|nam|[0-9])|trong (?:ngay|thang|quy|nam|tuan|[0-9])|quy [ivx1-4]|thang [0-9]"
    r"|nam 20|thuong xuyen|hang (?:ngay|tuan|thang|quy|nam)|dinh ky|tu (?:ngay|thang|quy|nam)|den (?:ngay|het)"
    r"|ngay [0-9]|tuan [0-9]|[0-9]{1,2}/[0-9]{1,2}/20|[0-9]{1,2}/20|6 thang|dau nam|cuoi nam|giua nam|ca nam"
    r"|lien tuc|theo (?:ke hoach|tien do|thoi gian|lo trinh|quy dinh)|sau khi |hoc ky [iv12]|nam hoc [0-9])"
)
# a time inside a step of a time cell ("- Ban hành kế hoạch trong quý I/2021", "- Báo cáo trước ngày 15/12")
_TIME_INSIDE: Final = re.compile(
    r"(?:\b(?:truoc|trong|tu|den|hang|dinh ky|chau nhat)\s+(?:ngay|thang|quy|nam|tuan)\b|\bquy [ivx1-4]+\b"
    r"|\bthang [0-9]{1,2}\b|\b[0-9]{1,2}/(?:[0-9]{1,2}/)?20[0-9]{2}\b|\bnam 20[0-9]{2}\b|\bthuong xuyen\b)"
)
_STEP: Final = re.compile(r"(?:^|\s)[-+•]\s+")
_LIST: Final = re.compile(r"^(?:[-+•]\s*|[0-9]{1,2}[.)]\s)")
_LEAD_WORDS: Final = 10
"""A lead's cell names a body or two: many more words make a sentence that merely opens with one."""


def cell_is_time(text: str, *, most_words: int = 6) -> bool:
    """Whether a short cell is a time the phrase parser reads whole and surely ("Quý II/2024", "Thường xuyên").

    >>> cell_is_time("Quý II/2024"), cell_is_time("Văn phòng Sở"), cell_is_time("trước ngày 30 tháng 6 năm 2024")
    (True, False, False)
    >>> cell_is_time("trước ngày 30 tháng 6 năm 2024", most_words=8)
    True
    """
    return _is_time(text.strip().rstrip(".;"), most_words)


@functools.lru_cache(maxsize=4096)
def _is_time(cleaned: str, most_words: int) -> bool:
    if not cleaned or len(cleaned) > 80 or len(cleaned.split()) > most_words:
        return False
    try:
        reading = read_timeframe(cleaned)
    except (ParseError, ValueError):
        return False
    return reading.value is not None and not reading.flags and reading.confidence >= 0.9


def opens_time(text: str) -> bool:
    """Whether ``text`` opens as a time cell does ("Trước ngày …", "Quý II/2023", "Thường xuyên", "Hằng tháng")."""
    return _TIME_START.match(fold(text)) is not None


def calls_for_more(text: str) -> bool:
    """Whether a line ending so goes on on the next line (a comma, a dash, "và", "của", "tại" …)."""
    return _CONTINUES.search(text.lower()) is not None


def cell_kind(text: str) -> str:
    """What a cell's text is: "time", "party" or "text".

    >>> cell_kind("Quý III/2024"), cell_kind("Phòng Nội vụ"), cell_kind("Rà soát quy chế")
    ('time', 'party', 'text')
    """
    if cell_is_time(text) or opens_time(text):
        return "time"
    if starts_party(text):
        return "party"
    return "text"


def _timed_steps(text: str) -> bool:
    """Whether ``text`` is a list of steps each with its time ("- Ban hành … trong tháng 01/2021. - Báo cáo …")."""
    steps = [step for step in _STEP.split(text) if step.strip()]
    return bool(steps) and text.lstrip()[:1] in "-+•" and all(_TIME_INSIDE.search(fold(step)) for step in steps)


@attrs.frozen
class Piece:
    """A piece of a row's text: a line, or the part of a line where two cells of one baseline ran together."""

    line: TextLine
    opens: bool
    """Whether it may open a cell: it does not go on with the line before it."""
    cue: bool = False
    """Whether something shows a cell opening here: an empty line before it, two cells run together on a line."""
    restart: bool = False
    """Whether it comes right after a page break: the row's cells may start again from an earlier column."""
    strained: bool = False
    """Whether it opens a cell only against the line before, which called for more: a row cut by a page
    break may stop its cells anywhere before the break."""
    ended: bool | None = None
    """Whether the line before it ended short of its column's width (its first word would have fit there):
    True when the cell before may have ended, False when that line was wrapped full, None when unknown."""


_OPEN_COST: Final = 0.5
"""What opening a cell costs where nothing shows one opening: the fewer cells, the likelier."""
_ENDED_COST: Final = 0.1
"""Opening a cell after a line that stopped short of its column's width."""
_SKIP_COST: Final = 0.7
_STRAINED_COST: Final = 1.5
"""Opening a cell after a line that called for more, in a row a page break cut."""
_LISTED_COST: Final = 1.0
"""Opening a cell after a line ending with ";": a list of bodies or steps goes on in its cell."""
_GOES_ON: Final = 1.0
"""After a page break, what a cell's rest (in lower case) gains in the column whose text called for more."""
_SWALLOWED: Final = 1.0
"""What a cell loses for each piece inside it that could have opened a cell of another column."""
_SHORT: Final = 0.7
"""A cell's last line shorter than this share of its column's width ended the cell."""
# a product: a document, a report, a list, a rate, a system ("Quyết định …", "Báo cáo …", "Tỷ lệ …")
_OUTPUT: Final = re.compile(
    r"^(?:cac |nhung )?(?:bao cao|quyet dinh|ke hoach|van ban|cong van|thong bao|to trinh|ho so|ty le|danh muc"
    r"|chuong trinh|de an|sang kien|tai lieu|bien ban|so lieu|co so du lieu|phan mem|he thong|trang |so |bo "
    r"|ket qua|ket luan|huong dan|nghi quyet|chi thi|quy che|quy dinh|tin bai|bai viet|an pham|hoi nghi|lop "
    r"|100 ?%|[0-9]{1,3} ?%)"
)
# a collective name that is a document's ("Các văn bản …", "Các kế hoạch …"), not a body's
_DOCUMENTS: Final = re.compile(
    r"^cac (?:van ban|ke hoach|quyet dinh|bao cao|thong bao|tai lieu|noi dung|nhiem vu|ho so|chuong trinh|bien ban"
    r"|hoat dong|chi tieu|giai phap|de an|thu tuc|so lieu)"
)


# what "Các …" names when it names bodies ("Các cơ quan", "Các phòng", "Các xã"); "Các buổi …" names none
_COLLECTIVE_BODIES: Final = re.compile(
    r"^cac (?:co quan|don vi|phong|ban|nganh|so|xa|phuong|thi tran|thon|to dan pho|khu pho|ap|hoi|to chuc|doan the"
    r"|truong|tram|trung tam|cong chuc|can bo|vien chuc|thanh vien|dia phuong|bo phan|chi cuc|huyen|tinh|thi xa"
    r"|thanh pho|uy ban|ubnd|doanh nghiep|thu truong|dong chi|d/c|lanh dao|chi bo|chi hoi|khoa|cap|tap the|ca nhan"
    r"|nha truong|hop tac xa|co so|nhom|to )"
)


@functools.lru_cache(maxsize=8192)
def names_party(text: str) -> bool:
    """Whether a cell opens with a body's name (not a list's item, not "Các văn bản …").

    >>> names_party("Các cơ quan, đơn vị"), names_party("Các văn bản hướng dẫn"), names_party("- Phòng Nội vụ")
    (True, False, False)
    """
    if not text[:1].isupper():  # a cell opens with its body's name in capitals; "xã." ends a sentence
        return False
    folded = fold(text) + " "
    if folded.startswith("cac ") and not _COLLECTIVE_BODIES.match(folded):
        return False
    return not _LIST.match(text) and starts_party(text) and not _DOCUMENTS.match(folded)


@functools.lru_cache(maxsize=8192)
def _is_time_cell(text: str) -> bool:
    return opens_time(text) or _timed_steps(text) or (cell_is_time(text, most_words=8) and not starts_party(text))


@functools.lru_cache(maxsize=8192)
def _fit(text: str, role: str) -> float:  # noqa: C901
    """How well a cell's text fits a column of ``role``: above 0 when it is what the column holds."""
    time = _is_time_cell(text)
    party = not time and names_party(text)
    if role == "time":
        return 3.0 if time else -4.0
    if role == "lead":
        if not party:
            return -4.0
        words = len(text.split())
        return 2.0 if words <= _LEAD_WORDS else 1.0 if words <= 2 * _LEAD_WORDS else -1.0
    if role == "partners":
        return 2.0 if party else -2.0
    if role == "output":
        if party:
            return -1.5
        if time:
            return -1.0
        return 1.0 if _LIST.match(text) or _OUTPUT.match(fold(text)) else 0.0
    if role == "title":
        return -1.0 if party else 0.0
    if role == "budget":
        return 1.0 if re.search(r"[0-9]", text) else -2.0
    if role == "note":
        return 0.0
    return -0.5


@functools.lru_cache(maxsize=8192)
def _mismatch(text: str, role: str, *, after_list: bool) -> float:
    """How far a piece that could open a cell, inside a cell of ``role``, belongs rather to another column.

    A body's name inside a task, a product or a time; a second body in the lead's cell not listed after
    ";" or ","; a numbered item inside the task's cell (the row's number is the task's); a line that is
    no body's name in a cell of bodies (half as much: a body's long name wraps).
    """
    party = names_party(text)
    if role in {"lead", "partners"}:
        if not party:
            return 0.5
        return 1.0 if role == "lead" and not after_list else 0.0
    if role == "time":
        return float(party)
    if role in {"title", "general"} and (_is_time_cell(text) or re.match(r"^[0-9]{1,2}[.)]\s", text)):
        return 1.0
    return float(party)


def _share_pass(  # noqa: C901
    pieces: Sequence[Piece], roles: Sequence[str], first: int, before: dict[int, tuple[str, bool]] | None = None
) -> list[tuple[int, int, int, float]]:
    """One pass through the columns: the cells (start, end, column, fit) of ``pieces``, the first in ``first``.

    ``before`` holds each column's text before a page break and whether the break cut it, when this pass goes
    on after it: a piece in lower case goes on with a cell the break cut, the likelier if its text called for
    more ("Theo kế hoạch của" … "tỉnh").
    """
    count = len(pieces)
    starts = [index for index in range(count) if index == 0 or pieces[index].opens]
    columns = len(roles)
    texts = [" ".join(piece.line.text.split()) for piece in pieces]
    # for each role, the running sum of what the pieces that could open a cell would cost inside its cell
    running: dict[str, list[float]] = {}
    for role in set(roles):
        sums = [0.0]
        for k in range(count):
            listed = k > 0 and texts[k - 1].endswith((";", ","))
            sums.append(sums[-1] + (_mismatch(texts[k], role, after_list=listed) if k and pieces[k].opens else 0.0))
        running[role] = sums

    @functools.cache
    def fit(start: int, end: int, column: int) -> float:
        role = roles[column]
        text = " ".join(texts[start:end])
        score = _fit(text, role)
        misplaced = running[role][end] - running[role][start + 1]  # the pieces inside, after the first
        held, cut = before.get(column, ("", False)) if before is not None else ("", False)
        if before is not None and texts[start][:1].islower():  # the rest of a cell the page break cut
            if held:  # judged with the cell's text before the break: "Theo kế hoạch của" … "tỉnh"
                score = _fit(f"{held} {text}", role) - _fit(held, role)
            score += _GOES_ON if held and calls_for_more(held) else 0.0 if cut else -_GOES_ON
        elif held and calls_for_more(held):  # "… ngày 18/12/2019 của" … "UBND huyện về …"
            score = _fit(f"{held} {text}", role) - _fit(held, role) + _GOES_ON
        return score - _SWALLOWED * misplaced

    def opening(end: int) -> float:
        if pieces[end].cue:
            return 0.0
        if pieces[end].strained:
            return _STRAINED_COST
        if texts[end - 1].endswith(";"):  # a list goes on after ";" in its cell
            return _LISTED_COST
        return _ENDED_COST if pieces[end].ended else _OPEN_COST

    skip = _SKIP_COST if before is None else 0.0  # after a page break only some cells go on
    # best[(start, column)]: the best score of the pieces before ``start``, a cell opening at ``start`` in ``column``
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(0, first): (0.0, None)}
    if before is not None and _LIST.match(texts[0]):  # a list's next item after a page break: its own column's
        best.update({(0, column): (-_OPEN_COST, None) for column in before if column != first})
    finals: list[tuple[float, tuple[int, int]]] = []
    for position, start in enumerate(starts):
        for column in range(columns):
            if (start, column) not in best:
                continue
            score = best[(start, column)][0]
            for end in [*starts[position + 1 :], count]:
                held = score + fit(start, end, column)
                if end == count:
                    finals.append((held - skip * (columns - 1 - column), (start, column)))
                    continue
                for following in range(column + 1, columns):
                    total = held - skip * (following - column - 1) - opening(end)
                    if (end, following) not in best or best[(end, following)][0] < total:
                        best[(end, following)] = (total, (start, column))
    _, last = max(finals, key=lambda found: found[0])
    chosen: list[tuple[int, int]] = []
    at: tuple[int, int] | None = last
    while at is not None:
        chosen.append(at)
        at = best[at][1]
    chosen.reverse()
    ends = [start for start, _ in chosen[1:]] + [count]
    return [(start, end, column, fit(start, end, column)) for (start, column), end in zip(chosen, ends, strict=True)]


def _cut_cells(cells: Sequence[tuple[int, list[TextLine]]]) -> dict[int, tuple[str, bool]]:
    """Each column's text before a page break, and whether the break cut it.

    A cell the break cut neither closes a sentence nor stops short of its column's width on its last line.
    """
    lines: dict[int, list[str]] = {}
    for column, cell in cells:
        lines.setdefault(column, []).extend(" ".join(line.text.split()) for line in cell)
    found: dict[int, tuple[str, bool]] = {}
    for column, held in lines.items():
        width = max(len(text) for text in held[-4:])
        last = held[-1]
        cut = not last.endswith((".", ";", ":", "!", "?", "…")) and len(last) >= _SHORT * width
        found[column] = (" ".join(held), cut)
    return found


def share(pieces: Sequence[Piece], roles: Sequence[str], first: int) -> list[tuple[int, list[TextLine]]]:
    """The pieces of a row shared among the columns: (column, lines) for each cell in order.

    The first piece opens the cell of column ``first`` (the task's, which the row's number opens). Each cell
    is a run of pieces; the next cell goes to a later column; among the ways of cutting, the one whose cells
    fit their columns best, with fewest cells and fewest columns skipped, wins. After a page break the row
    goes on from the column whose cell the break cut (its last line neither closed a sentence nor stopped
    short), and through the columns again.

    >>> texts = ["Rà soát quy chế làm việc", "của Văn phòng.", "Phòng Nội vụ Các phòng", "Quý II/2024"]
    >>> pieces = [Piece(TextLine(t, n), opens=n != 2) for n, t in enumerate(texts, 1)]
    >>> [(column, [line.text for line in lines]) for column, lines in share(pieces, ["title", "lead", "time"], 0)]
    [(0, ['Rà soát quy chế làm việc', 'của Văn phòng.']), (1, ['Phòng Nội vụ Các phòng']), (2, ['Quý II/2024'])]
    """
    cells: list[tuple[int, list[TextLine]]] = []
    breaks = [index for index in range(1, len(pieces)) if pieces[index].restart]
    for start, end in zip([0, *breaks], [*breaks, len(pieces)], strict=True):
        column = first
        part = pieces[start:end]
        held = _cut_cells(cells)
        if start:  # the first column whose cell the break cut goes on first
            column = min((placed for placed, (_, cut) in held.items() if cut), default=first)
        for begin, stop, placed, _ in _share_pass(part, roles, column, held if start else None):
            cells.append((placed, [piece.line for piece in part[begin:stop]]))
    return cells
