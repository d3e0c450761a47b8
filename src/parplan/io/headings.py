"""What a table's column holds, known by its heading's wording.

One lexicon for every table a plan's tasks are written in: an appendix sheet
(:mod:`parplan.io.sheets`) and a table of the text (``parplan.read.tables``). A
heading is folded (no accents, ``đ`` as ``d``, lower case, one space) and the
first role whose wording it holds as whole words is its role; the more specific
wordings come first, so "Thời hạn khắc phục" is a time, "Nhiệm vụ khắc phục" the
remedy of a remedial table, "Đơn vị chủ trì thực hiện" the lead and "Nội dung bị
trừ điểm" what lost points (not a task). A heading a scan damaged ("Thời gỉan",
"Chu tri") is matched loosely, and said to be so.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Final, Literal, TypeAlias

__all__ = ["HeadingRole", "heading_role"]

HeadingRole: TypeAlias = Literal[
    "number",
    "area",
    "shortcoming",
    "remedy",
    "general",
    "title",
    "output",
    "lead",
    "partners",
    "overseer",
    "time",
    "budget",
    "note",
    "assignment",
]
"""What a column holds: its row's number, the area (an index component), what lost points, the remedy,
the general task, the task, the output, the lead, the partners, who oversees the work (a leader who
follows or supervises it, not its lead), the time, the budget, a note, or the assignment (who leads,
who takes part and by when, one labelled line each in one cell: "Phân công thực hiện")."""

_LEXICON: Final[tuple[tuple[str, HeadingRole], ...]] = (
    # a remedial table: the remedy is the task, what lost points is not
    ("giai phap khac phuc", "remedy"),
    ("bien phap khac phuc", "remedy"),
    ("nhiem vu khac phuc", "remedy"),
    ("noi dung khac phuc", "remedy"),
    ("cong viec khac phuc", "remedy"),
    ("hoat dong khac phuc", "remedy"),
    ("bi tru diem", "shortcoming"),
    ("tru diem", "shortcoming"),
    ("diem bi tru", "shortcoming"),
    ("ton tai", "shortcoming"),
    ("han che", "shortcoming"),
    ("nguyen nhan", "shortcoming"),
    ("nhiem vu chung", "general"),
    # who leads, who takes part and by when in one cell ("Chủ trì: …", "Phối hợp: …", "Thời gian: …")
    ("phan cong", "assignment"),
    # one column for both ("Cơ quan chủ trì, phối hợp"): each cell says who leads in a clause of its own
    ("chu tri, phoi hop", "assignment"),
    ("chu tri phoi hop", "assignment"),
    ("chu tri/phoi hop", "assignment"),
    ("chu tri va phoi hop", "assignment"),
    # a time, a budget, an output, who: before the task's words a heading may also hold
    ("thoi gian", "time"),
    ("thoi han", "time"),
    ("tien do", "time"),
    ("han hoan thanh", "time"),
    ("thoi diem", "time"),
    ("lo trinh", "time"),
    ("moc hoan thanh", "time"),
    ("kinh phi", "budget"),
    ("du toan", "budget"),
    ("ket qua dau ra", "output"),
    ("san pham", "output"),
    ("ket qua can dat", "output"),
    ("ket qua du kien", "output"),
    ("phoi hop", "partners"),
    ("chu tri", "lead"),
    # who follows or supervises the work is not its lead: "Lãnh đạo phụ trách", "Người giám sát",
    # "Phó Hiệu trưởng theo dõi", "Lãnh đạo chỉ đạo"
    ("lanh dao phu trach", "overseer"),
    ("lanh dao chi dao", "overseer"),
    ("lanh dao theo doi", "overseer"),
    ("giam sat", "overseer"),
    ("theo doi", "overseer"),
    ("don doc", "overseer"),
    ("phu trach", "lead"),
    ("nguoi thuc hien", "lead"),
    ("don vi thuc hien", "lead"),
    ("co quan thuc hien", "lead"),
    ("bo phan thuc hien", "lead"),
    ("ca nhan thuc hien", "lead"),
    # the units of a hospital, a school or an office that carry a task: "Khoa, phòng thực hiện", "Tổ, nhóm thực hiện"
    ("phong thuc hien", "lead"),
    ("khoa thuc hien", "lead"),
    ("nhom thuc hien", "lead"),
    ("ban thuc hien", "lead"),
    ("to chuc thuc hien", "lead"),
    ("trach nhiem", "lead"),
    ("dau moi", "lead"),
    ("tham muu", "lead"),
    ("ghi chu", "note"),
    ("nhiem vu", "title"),
    # a plan reviewing procedures: each procedure named is a task ("Tên thủ tục hành chính")
    ("ten thu tuc", "title"),
    ("thu tuc hanh chinh", "title"),
    ("noi dung", "title"),
    ("hoat dong", "title"),
    ("cong viec", "title"),
    ("giai phap", "title"),
    ("bien phap", "title"),
    ("chi so thanh phan", "area"),
    ("linh vuc", "area"),
    ("tieu chi", "area"),
)
_NUMBER: Final = frozenset({"tt", "stt", "so tt", "so thu tu", "thu tu", "no", "no."})
_WHOLE: Final[dict[str, HeadingRole]] = {
    "co quan": "lead",
    "don vi": "lead",
    "bo phan": "lead",
    "nguoi": "lead",
    "ca nhan": "lead",
    "ket qua": "output",
    "han": "time",
}
"""Headings that name a role only as the whole cell ("Đơn vị", "Kết quả")."""
_WORDS: Final = tuple((re.compile(rf"(?<![a-z]){re.escape(words)}(?![a-z])"), role) for words, role in _LEXICON)
_LOOSE: Final = 0.85
"""How alike a damaged heading must be to a wording to be read as it."""
_LONGEST: Final = 80
"""A heading is short: a longer cell is text, not a column's name."""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w/().,]+", " ", stripped.casefold()).split())


def heading_role(text: str) -> tuple[HeadingRole | None, bool]:
    """The role a column's heading names, and whether its wording was found as written.

    ``(None, True)`` for a heading the lexicon does not know (or an empty one); a heading
    matched only loosely, as a scan damages it, gives its role and False.

    >>> heading_role("Thời gian hoàn thành")
    ('time', True)
    >>> heading_role("Cơ quan, đơn vị chủ trì thực hiện")
    ('lead', True)
    >>> heading_role("Nội dung bị trừ điểm")
    ('shortcoming', True)
    >>> heading_role("Giải pháp khắc phục")
    ('remedy', True)
    >>> heading_role("Lãnh đạo phụ trách")
    ('overseer', True)
    >>> heading_role("Đơn vị chủ trì, theo dõi")
    ('lead', True)
    >>> heading_role("Phân công thực hiện"), heading_role("Cơ quan chủ trì, phối hợp")
    (('assignment', True), ('assignment', True))
    >>> heading_role("Thòi gain")
    ('time', False)
    >>> heading_role("Họ và tên")
    (None, True)
    """
    folded = _fold(text).strip(" .:;,")
    if not folded or len(folded) > _LONGEST:
        return None, True
    if folded in _NUMBER:
        return "number", True
    if folded in _WHOLE:
        return _WHOLE[folded], True
    for pattern, role in _WORDS:
        if pattern.search(folded):
            return role, True
    if len(folded) < 4:
        return None, True
    loose = _loose_role(folded)
    if loose is not None:
        return loose, False
    return None, True


def _loose_role(folded: str) -> HeadingRole | None:
    """The role of the wording a damaged heading is most like, if it is like one closely enough."""
    best: tuple[float, HeadingRole | None] = (0.0, None)
    for words, role in _LEXICON:
        matcher = difflib.SequenceMatcher(None, folded, words)
        least = max(best[0], _LOOSE)  # a wording that cannot reach it changes nothing: skipped by its bounds
        if matcher.real_quick_ratio() < least or matcher.quick_ratio() < least:
            continue
        ratio = matcher.ratio()
        if ratio > best[0]:
            best = (ratio, role)
    return best[1] if best[0] >= _LOOSE else None
