"""A task's field slot: who leads it, who takes part and by when, however an office wrote them.

Offices attach these fields to a task in a *slot*: a bracket closing the item, a label opening it,
a line after it. Inside a slot the fields are segments separated by ";", ",", " – " or " - ", in
any order, each under a label ("Chủ trì:", "Trách nhiệm:", "Thời hạn:" …) or bare (a body's name, a
time). One reader serves every slot: it cuts the slot into segments (a body's name may hold a
comma or a hyphen: "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội"), gives each
segment its role by its label, else by what it holds (a time the time parser reads whole, a
body's name the party parser reads, "<body> chủ trì, phối hợp <body>"), and refuses the slot when
a segment is neither: the text then stays where it was.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from parplan.org import SingleParty
from parplan.read.draft import _timeframe, fold
from parplan.read.items import _field_role
from parplan.read.parties import Assignment, parse_parties, party, subject_party

# the separators between a slot's segments, kept so that a body's name can be joined again
_SEPARATOR: Final = re.compile(r"(\s*;\s*|\s*,\s*|\s+[–—-]\s+)")
# a segment opening with a label: "Chủ trì: …", "thời gian: …", "Tham mưu thực hiện: …"
_LABELLED: Final = re.compile(r"^(?P<label>[^\W\d][^:;,()]{1,28}?)\s*:\s*(?P<value>.*)$", re.DOTALL)
# words a time opens with, when the time parser cannot read the rest ("trong thời hạn luật định")
_TIME_WORDS: Final = re.compile(
    r"^(?:trong|trước|sau|chậm nhất|theo|khi|đến|từ|hằng|hàng|định kỳ|thường xuyên|quý|tháng|năm|cả năm)\b",
    re.IGNORECASE,
)
# what an unread time-like segment does not hold: a role, a document's number ("theo Quyết định số 12/QĐ-UBND")
_NO_TIME: Final = re.compile(r"\b(?:chủ trì|phối hợp|số)\b|[0-9]+/[A-ZĐ]")
# a lead and its partners in one clause: "Phòng Văn hóa - Xã hội chủ trì, phối hợp (với) Đoàn Thanh niên"
_CLAUSE: Final = re.compile(
    r"^(?P<lead>[^;:]{2,120}?)\s+(?:chủ trì|tham mưu|thực hiện|phụ trách)(?:\s*,?\s*(?:thực hiện|tham mưu))?"
    r"(?:\s*,?\s*phối hợp(?:\s+với)?\s+(?P<partners>[^;:]{2,160}?))?\s*$"
)
# words of a role, never inside a party's name
_ROLE_WORDS: Final = re.compile(r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|phụ trách)\b", re.IGNORECASE)
# posts written in lower case inside a slot: "công chức Tư pháp - Hộ tịch", "cán bộ Văn phòng"
_LOWER_POSTS: Final = ("cong chuc ", "can bo ", "cac ")
_ROLE_OF_LABEL: Final = {"lead": "lead", "doers": "lead", "assignment": "lead", "partners": "partners", "time": "time"}


@attrs.define
class SlotAssignment(Assignment):
    """An assignment read from a slot, with how each of its fields was classified.

    ``lead_labelled`` / ``time_labelled`` are True when the field stood under a label of its own
    ("Chủ trì: …", "Thời hạn: …"), False when it was told by what it holds; ``time_read`` is False
    for a time-like segment the time parser could not read ("trong thời hạn luật định").
    """

    lead_labelled: bool = False
    time_labelled: bool = False
    time_read: bool = True
    lead_sure: bool = True
    segments: int = 0

    def lead_kind(self) -> str:
        """How sure the lead is, as a kind of reading: under a label, told clearly by its name, or by a guess."""
        if self.lead_labelled:
            return "slot_label"
        return "assignment" if self.lead_sure else "slot"

    def time_kind(self) -> str:
        """How sure the time is: under a label, or told by what the time parser reads."""
        return "slot_label" if self.time_labelled else "assignment"


def _time_reads(text: str) -> bool:
    """Whether the time parser reads ``text`` whole (words it could not read make it no time).

    "theo Quyết định số 12/QĐ-UBND" cites a document: no time, though "theo kế hoạch" is one.
    """
    if fold(text).startswith("theo ") and re.search(r"[0-9]", text):
        return False
    timeframe, _, notes = _timeframe(text, None)
    return timeframe is not None and not any("could not" in note or "unread_words" in note for note in notes)


def _label_role(piece: str) -> tuple[str, str] | None:
    """The role a piece's label gives and the value after it, when the piece opens with a known label."""
    found = _LABELLED.match(piece.strip())
    if found is None:
        return None
    role = _field_role(found["label"])
    if role is None:
        label = fold(found["label"]).strip()
        role = "lead" if label in {"tham muu thuc hien", "tham muu", "nguoi phu trach", "phu trach"} else None
    if role not in _ROLE_OF_LABEL:
        return None
    return _ROLE_OF_LABEL[role], found["value"]


def _one_party(name: str) -> bool:
    """Whether ``name`` is a party's name: a body, a post, a group (not a time, not a task's words)."""
    words = name.strip(" .;,")
    if not words or re.search(r"[0-9:]", words) or _ROLE_WORDS.search(words) or _time_reads(words):
        return False
    folded = fold(words) + " "
    if not words[:1].isupper() and not folded.startswith(_LOWER_POSTS):
        return False
    candidate = words[:1].upper() + words[1:]
    who = subject_party(candidate + " chủ trì")
    return who is not None and fold(who.label) == fold(candidate)


def _parties(run: str) -> list[SingleParty] | None:
    """The parties a bare run of a slot names, or None when any part of it is no party's name."""
    parties = parse_parties(run)
    if parties and all(_one_party(p.label) for p in parties):
        return parties
    return None


def _whole_party(run: str) -> list[SingleParty] | None:
    """A run whose parts are no names of their own, read as one name ("Trưởng các tổ dân phố, bản")."""
    return [party(run)] if _one_party(run) else None


def _join(pieces: list[str], start: int, end: int) -> str:
    """Pieces ``start``..``end`` (values at even places, separators between them) as written."""
    return "".join(pieces[start * 2 : end * 2 - 1]).strip()


def read_slot(text: str) -> SlotAssignment | None:  # noqa: C901, PLR0912, PLR0915 - one pass over the segments
    """The lead, partners and time a slot gives, or None when a segment of it is neither.

    >>> s = read_slot("thời gian: trước ngày 30/6/2026, chủ trì: Trung tâm Phục vụ hành chính công")
    >>> [p.label for p in s.lead], s.time, s.lead_labelled, s.time_labelled
    (['Trung tâm Phục vụ hành chính công'], 'trước ngày 30/6/2026', True, True)
    >>> s = read_slot("Quý I/2026 – Phòng Văn hóa - Xã hội")
    >>> [p.label for p in s.lead], s.time, s.lead_labelled
    (['Phòng Văn hóa - Xã hội'], 'Quý I/2026', False)
    >>> s = read_slot("Phòng Kinh tế, Hạ tầng và Đô thị, thường xuyên")
    >>> [p.label for p in s.lead], s.time
    (['Phòng Kinh tế, Hạ tầng và Đô thị'], 'thường xuyên')
    >>> s = read_slot("Phòng Nội vụ chủ trì, phối hợp Đoàn Thanh niên; cả năm")
    >>> [p.label for p in s.lead], [p.label for p in s.coordinating], s.time
    (['Phòng Nội vụ'], ['Đoàn Thanh niên'], 'cả năm')
    >>> read_slot("theo Quyết định số 12/QĐ-UBND") is None
    True
    """
    parts = _SEPARATOR.split(text.strip().strip(" .;"))
    count = (len(parts) + 1) // 2
    lead: list[SingleParty] = []
    partners: list[SingleParty] = []
    time: str | None = None
    lead_labelled = time_labelled = False
    time_read = lead_sure = True
    segments = 0
    index = 0
    while index < count:
        segments += 1
        piece = parts[index * 2]
        labelled = _label_role(piece)
        if labelled is not None:
            end = index + 1
            while end < count and _label_role(parts[end * 2]) is None:
                end += 1
            role, first = labelled
            rest = _join(parts, index + 1, end) if end > index + 1 else ""
            value = (first + parts[index * 2 + 1] + rest if rest else first).strip(" .;,")
            index = end
            if not value:
                return None
            if role == "time":
                if time is not None:
                    return None
                time, time_labelled, time_read = value, True, True
                continue
            clause = _CLAUSE.match(value)
            who = _parties(clause["lead"] if clause else value)
            if who is None:
                return None
            if role == "partners":
                partners.extend(who)
            else:
                lead.extend(who)
                lead_labelled = True
                if clause and clause["partners"]:
                    partners.extend(_parties(clause["partners"]) or [])
            continue
        # a time: its first piece a time or opening with a time's word, and as many pieces as the parser reads
        timed = (
            next((end for end in range(count, index, -1) if _time_reads(_join(parts, index, end))), None)
            if _time_reads(piece) or _TIME_WORDS.match(piece)
            else None
        )
        if timed is not None and not any(_label_role(parts[k * 2]) for k in range(index + 1, timed)):
            if time is not None:
                return None
            time = _join(parts, index, timed)
            index = timed
            continue
        # a bare run: up to the next ";", label or time
        end = index + 1
        while (
            end < count
            and parts[end * 2 - 1].strip() != ";"
            and _label_role(parts[end * 2]) is None
            and not _time_reads(parts[end * 2])
        ):
            end += 1
        run = _join(parts, index, end)
        index = end
        clause = _CLAUSE.match(run)
        who = _parties(clause["lead"]) if clause else _parties(run)
        if who is None and clause is None and (who := _whole_party(run)) is not None:
            lead_sure = False
        if who is not None:
            lead.extend(who)
            if clause and clause["partners"]:
                others = _parties(clause["partners"])
                if others is None:
                    return None
                partners.extend(others)
            continue
        if time is None and _TIME_WORDS.match(run) and not _NO_TIME.search(run):
            time, time_read = run, False  # "trong thời hạn luật định": a time by its place and first word
            continue
        return None
    if not lead and time is None:
        return None
    return SlotAssignment(
        lead=lead,
        coordinating=partners,
        time=time,
        lead_labelled=lead_labelled,
        time_labelled=time_labelled,
        time_read=time_read,
        lead_sure=lead_sure,
        segments=segments,
    )


# a task opening with its time as a label: "Tháng 02/2023: Ban hành …", "Hằng quý: Đưa …"
_LEADING_TIME: Final = re.compile(r"^(?P<time>[^:;()]{3,40}?)\s*:\s+(?P<rest>[A-ZĐÀ-Ỹ].{9,})$", re.DOTALL)


def leading_time(text: str) -> tuple[str, str] | None:
    """The time a task opens with as its label, and the task after it; None when the label is no time.

    >>> leading_time("Tháng 4/2023: Ký số văn bản đi (công chức Văn phòng - Thống kê).")
    ('Tháng 4/2023', 'Ký số văn bản đi (công chức Văn phòng - Thống kê).')
    >>> leading_time("Nội dung: Tuyên truyền về cải cách hành chính.") is None
    True
    """
    found = _LEADING_TIME.match(text.strip())
    if found is None or not _time_reads(found["time"]):
        return None
    return found["time"].strip(), found["rest"].strip()
