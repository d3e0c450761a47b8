"""Items of a plan that changes another plan: a task changed, added or dropped.

An adjustment plan ("Kế hoạch điều chỉnh, bổ sung Kế hoạch CCHC năm …") names the tasks it touches
by quoting them: "Nhiệm vụ “<task>” (điểm a khoản 1 Mục II …): điều chỉnh thời gian từ “<old>”
thành “<new>”; cơ quan chủ trì: … (giữ nguyên)", "Điều chỉnh nhiệm vụ “<old>” thành: “<new>”",
"Bổ sung nhiệm vụ: “<task>”. Chủ trì: …", "Bãi bỏ nhiệm vụ “<task>”". The quoted task is the
title (without its quotation marks); what the item says after it is rewritten into the fields the
reader knows ("thời gian: <new>", "chủ trì: <body>"): the old value replaced is not the task's.
A dropped task is no task.
"""

from __future__ import annotations

import re
from typing import Final, Literal

import attrs

from parplan.read.accents import vi_compile
from parplan.text import fold

__all__ = ["Amendment", "amendment"]

_QUOTE: Final = r"[“\"«](?P<{name}>[^”\"»“«]{{6,400}})[”\"»]"
_LEAD_IN: Final = vi_compile(
    r"^\s*(?P<verb>(?:(?:Điều chỉnh|Sửa đổi|Bổ sung|Bãi bỏ|Bỏ|Không thực hiện|Thôi thực hiện|Dừng thực hiện)"
    r"(?:,\s*(?:bổ sung|sửa đổi|điều chỉnh))?\s+)?)(?:(?:các\s+|một\s+)?(?:nội dung\s+)?nhiệm vụ|nội dung)?\s*:?\s*"
    + _QUOTE.format(name="task"),
    re.IGNORECASE,
)
"""An item opening with the task it touches, quoted: "Nhiệm vụ “…”", "Bổ sung nhiệm vụ: “…”", "“…”"."""
_REFERENCE: Final = vi_compile(r"^\s*\((?P<ref>[^()]{0,160}(?:Mục|mục|khoản|điểm|Kế hoạch|Phụ lục)[^()]{0,160})\)")
_RENAMED: Final = vi_compile(r"^\s*(?:được\s+)?(?:điều chỉnh|sửa đổi|sửa)?\s*thành\s*:?\s*" + _QUOTE.format(name="new"))
_FROM_TO: Final = vi_compile(r"\btừ\s+" + _QUOTE.format(name="old") + r"\s+thành\s+" + _QUOTE.format(name="new"))
_REPLACING: Final = vi_compile(r"\s+thay (?:cho|thế)\s+[^;.]+?(?=\s*(?:[;.]|$))")
_KEPT: Final = vi_compile(r"\s*\(giữ nguyên\)|\s+giữ nguyên(?=\s*:)", re.IGNORECASE)
_GIVEN: Final = vi_compile(r"(?:^|(?<=[;.:]\s))\s*giao\s+(?P<who>[^;.]+?)\s+chủ trì\b", re.IGNORECASE)
_CHANGE_VERB: Final = vi_compile(
    r"^\s*(?:điều chỉnh|sửa đổi)\s+(?=(?:thời gian|thời hạn|cơ quan|đơn vị))", re.IGNORECASE
)
_DROPPED: Final = re.compile(
    r"^(?:bai bo|bo|khong thuc hien|thoi thuc hien|dung thuc hien)\b"
    r"|(?:^|[\s:;,])(?:bai bo|khong thuc hien|thoi thuc hien|dung thuc hien|dua ra khoi ke hoach)\b"
)


@attrs.frozen
class Amendment:
    """A task as a changing plan writes it: its title, the fields the item gives, and what it does to it."""

    title: str
    fields: str
    change: Literal["changed", "added", "dropped", "named"]


def amendment(text: str) -> Amendment | None:
    """The task an item of a changing plan quotes, with its fields rewritten, or None for another item.

    >>> a = amendment(
    ...     "Nhiệm vụ “Rà soát quy chế làm việc” (điểm a khoản 1 Mục II): điều chỉnh thời gian từ “Quý I/2027”"
    ...     " thành “Quý III/2027”; cơ quan chủ trì: Văn phòng (giữ nguyên)."
    ... )
    >>> a.title, a.fields, a.change
    ('Rà soát quy chế làm việc', 'Thời gian: Quý III/2027; cơ quan chủ trì: Văn phòng.', 'changed')
    >>> amendment("Bãi bỏ nhiệm vụ “Tổ chức hội thi tìm hiểu CCHC”.").change
    'dropped'
    >>> amendment("Bổ sung nhiệm vụ: “Tập huấn kỹ năng số”. Chủ trì: Phòng Nội vụ.").change
    'added'
    >>> amendment("Tổ chức hội nghị “Dân vận khéo” cấp xã.") is None
    True
    """
    found = _LEAD_IN.match(text)
    if found is None:
        return None
    verb = fold(found["verb"]).strip(" ,")
    rest = text[found.end() :]
    if not verb and not found.group(0).lstrip().startswith(("“", '"', "«")) and "nhiem vu" not in fold(found[0]):
        return None  # "Tổ chức hội nghị “…”": a quotation inside a task, not the task quoted
    if fold(found[0]).lstrip().startswith("noi dung") and not verb:
        return None
    title = found["task"].strip().rstrip(".")
    reference = _REFERENCE.match(rest)
    if reference is not None:
        rest = rest[reference.end() :]
    rest = rest.lstrip(" :.,")
    renamed = _RENAMED.match(rest)
    changed = bool(renamed) or verb.startswith(("dieu chinh", "sua doi"))
    if renamed is not None:
        title = renamed["new"].strip().rstrip(".")
        rest = rest[renamed.end() :].lstrip(" :.,;")
    dropping = verb.split(" ")[0] in {"bai", "bo", "khong", "thoi", "dung"} and not verb.startswith("bo sung")
    if dropping or _DROPPED.search(fold(rest.split(";")[0])):
        return Amendment(title=title, fields="", change="dropped")
    fields = _rewritten(rest)
    changed = changed or fields != rest.strip() or bool(_CHANGE_VERB.match(rest))
    if verb.startswith("bo sung"):
        change: Literal["changed", "added", "dropped", "named"] = "added"
    elif changed:
        change = "changed"
    else:
        change = "named"
    return Amendment(title=title, fields=fields, change=change)


def _rewritten(rest: str) -> str:
    """What an item says of a task's fields, as plain fields: the new value of a change, the body given."""
    text = _FROM_TO.sub(lambda m: f": {m['new'].strip()}", rest)
    text = re.sub(r"\s+:", ":", text)
    text = _KEPT.sub("", text)
    text = _REPLACING.sub("", text)
    text = _GIVEN.sub(lambda m: f"chủ trì: {m['who'].strip()}", text)
    text = _CHANGE_VERB.sub("", text)
    text = re.sub(r"(?i)(?:^|(?<=[;.]\s))\s*điều chỉnh\s+(?=(?:thời gian|thời hạn|cơ quan|đơn vị))", "", text)
    text = text.strip()
    return text[:1].upper() + text[1:]  # the fields open a sentence after the title
