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

import functools
import re
from typing import Final

import attrs

from parplan.org import SingleParty
from parplan.read.accents import vi_compile
from parplan.read.conventions import _is_body, given_sentence
from parplan.read.draft import CLAUSE_VERB, _timeframe, fold
from parplan.read.items import _field_role
from parplan.read.parties import VERB_STARTS, Assignment, parse_parties, party, split_marked, subject_party

# the separators between a slot's segments, kept so that a body's name can be joined again
_SEPARATOR: Final = re.compile(r"(\s*;\s*|\s*,\s*|\s+[–—-]\s+)")
_ENDS_ROLE: Final = vi_compile(r"\b(?:chủ trì|phối hợp|thực hiện)$")
"""A clause closed by its role's words ("Phòng Tư pháp chủ trì"): what a separator after it cannot continue."""
# a segment opening with a label: "Chủ trì: …", "thời gian: …", "Tham mưu thực hiện: …"
_LABELLED: Final = re.compile(r"^(?P<label>[^\W\d][^:;,()]{1,28}?)\s*:\s*(?P<value>.*)$", re.DOTALL)
# words a time opens with, when the time parser cannot read the rest ("trong thời hạn luật định")
_TIME_WORDS: Final = vi_compile(
    r"^(?:trong|trước|sau|chậm nhất|theo|khi|đến|từ|kể từ|hằng|hàng|định kỳ|thường xuyên|quý|tháng|năm|cả năm"
    r"|tuần|ngày|đầu|giữa|cuối|hoàn thành|giai đoạn|đợt|liên tục|học kỳ|năm học|HK|[0-9])(?!\w)",
    re.IGNORECASE,
)
# a time under a label without a colon: "thời gian thực hiện Quý II/2024", "thời hạn trước ngày 15/3"
_TIME_LABEL_WORDS: Final = vi_compile(
    r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s+", re.IGNORECASE
)
# what an unread time-like segment does not hold: a role, a document's number ("theo Quyết định số 12/QĐ-UBND")
_NO_TIME: Final = vi_compile(r"\b(?:chủ trì|phối hợp|số)\b|[0-9]+/[A-ZĐ]")
# a lead and its partners in one clause: "Phòng Văn hóa - Xã hội chủ trì, phối hợp (với) Đoàn Thanh niên"
_CLAUSE: Final = vi_compile(
    r"^(?P<lead>[^;:]{2,120}?)\s+(?:chủ trì|tham mưu|thực hiện|(?<![Tt]ổng )phụ trách)"  # "Tổng phụ trách Đội" a post
    r"(?:\s*,?\s*(?:thực hiện|tham mưu))?"
    r"(?:\s*,?\s*phối hợp(?:\s+với)?\s+(?P<partners>[^;:]{2,160}?)(?:\s+(?:tổ chức\s+)?(?:thực hiện|triển khai))?)?"
    r"(?:\s+(?P<time>(?:trong|trước|từ|hằng|hàng|thường xuyên|định kỳ|chậm nhất)\b[^;:]{0,60}))?\s*$"
)
# partners named before their verb, in a segment of their own: "…chủ trì; Văn phòng HĐND và UBND phối hợp"
_PARTNERS_CLAUSE: Final = vi_compile(r"^(?P<partners>[^;:]{2,160}?)\s+(?:cùng\s+)?phối hợp(?:\s+thực hiện)?\s*$")
_ACTION_IN_NAME: Final = vi_compile(
    r"\s(?:rà soát|kiểm tra|xây dựng|tổ chức|triển khai|ban hành|cập nhật|tuyên truyền|hướng dẫn|đánh giá"
    r"|thẩm định|số hóa|công khai|niêm yết|tập huấn|bồi dưỡng|nâng cấp|vận hành|khảo sát|theo dõi|tổng hợp"
    r"|báo cáo|sửa đổi|rút ngắn|đôn đốc|phổ biến|công bố|chuẩn hóa|lấy ý kiến)"
    r"\s(?!thực hiện\b)\S"
)


def action_in_name(label: str) -> bool:
    """Whether what would be a party's name holds a task's verb in lower case and its object.

    A name's own words are capitalised ("Phòng Xây dựng và Kiểm tra văn bản", "Ban Tổ chức"); a verb in
    lower case begins the task ("Phòng Tư pháp kiểm tra văn bản …").

    >>> action_in_name("Phòng Tư pháp kiểm tra văn bản"), action_in_name("Phòng Xây dựng và Kiểm tra văn bản")
    (True, False)
    """
    return _ACTION_IN_NAME.search(label) is not None


# words of a role, never inside a party's name
_ROLE_WORDS: Final = vi_compile(
    r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|(?<![Tt]ổng )phụ trách)\b",  # "Tổng phụ trách Đội" a post
    re.IGNORECASE,
)
# posts written in lower case inside a slot: "công chức Tư pháp - Hộ tịch", "cán bộ Văn phòng"
_LOWER_POSTS: Final = ("cong chuc ", "can bo ", "cac ", "d/c ", "dong chi ")
"""What a party's name may open with in lower case: a post, a group, a comrade ("đ/c Lò Văn Hùng")."""
_VERB_ENDINGS: Final = tuple(f" {verb}" for verb in VERB_STARTS if verb != "to chuc")
"""A name ending on a verb ("… UBND xã ban hành", "… các phòng thực hiện") closes a clause, it names no party
("tổ chức" aside: "Ban Tổ chức" is a body)."""
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


_ANY_YEAR: Final = 2000
"""A year to try a time that leaves its year to the plan ("Quý IV") with; only whether it reads is kept."""


def _opens_time(piece: str) -> bool:
    """Whether a piece of a slot opens a time ("quý I/2024", "hằng tháng", "trong thời hạn luật định")."""
    return bool(_TIME_WORDS.match(piece.strip()))


def _time_reads(text: str) -> bool:
    """Whether ``text`` is a time: it opens with a time's word and the time parser reads it whole.

    "theo Quyết định số 12/QĐ-UBND" cites a document: no time, though "theo kế hoạch" is one.
    """
    if not _TIME_WORDS.match(text.strip()) or (fold(text).startswith("theo ") and re.search(r"[0-9]", text)):
        return False  # the parser takes words before a time as the action's: a time must open with its words
    timeframe, _, notes = _timeframe(text, None)
    if timeframe is None and any("pass year=" in note for note in notes):
        timeframe, _, notes = _timeframe(text, _ANY_YEAR)  # "Quý IV": the plan gives the year, read later
    return timeframe is not None and not any("could not" in note or "unread_words" in note for note in notes)


def _label_role(piece: str) -> tuple[str, str] | None:
    """The role a piece's label gives and the value after it, when the piece opens with a known label."""
    found = _LABELLED.match(piece.strip())
    if found is None:
        bare = _TIME_LABEL_WORDS.match(piece.strip())
        value = piece.strip()[bare.end() :] if bare else ""
        return ("time:bare", value) if bare and _time_reads(value) else None
    role = _field_role(found["label"])
    if role is None:
        label = fold(found["label"]).strip()
        role = "lead" if label in {"tham muu thuc hien", "tham muu", "nguoi phu trach", "phu trach"} else None
    if role not in _ROLE_OF_LABEL:
        return None
    return _ROLE_OF_LABEL[role], found["value"]


_BODY_NUMBER: Final = vi_compile(r"(?<=[^\W\d])(?:\s+số)?\s+[0-9]{1,2}$")
"""The number closing a body's name ("Phòng Nghiệp vụ 2", "Trường THCS số 1"), the only figure a name may hold."""


def _one_party(name: str) -> bool:
    """Whether ``name`` is a party's name: a body, a post, a group (not a time, not a task's words)."""
    words = name.strip(" .;,")
    numbered = _BODY_NUMBER.sub("", words)  # "Phòng Nghiệp vụ 1", "Đội Quản lý thị trường số 3": a body's number
    if not words or re.search(r"[0-9:]", numbered) or _ROLE_WORDS.search(words) or _time_reads(words):
        return False
    folded = fold(words) + " "
    if not words[:1].isupper() and not folded.startswith(_LOWER_POSTS):
        return False
    if folded.rstrip().endswith(_VERB_ENDINGS):  # "UBND xã ban hành": the end of a clause, not a body's name
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


def _who(run: str) -> tuple[list[SingleParty] | None, list[SingleParty], str | None] | None:
    """The lead, partners and time one run names, or None when it names no party.

    "<body>, <body>", "<body> chủ trì, phối hợp <body> thực hiện", "<body> thực hiện thường xuyên".
    """
    if (partnered := _PARTNERS_CLAUSE.match(run)) is not None and (partners := _parties(partnered["partners"])):
        return [], partners, None  # "…; các phòng chuyên môn phối hợp thực hiện": not a lead "… phối hợp" doing it
    clause = _CLAUSE.match(run)
    if clause is None:
        who = _parties(run)
        return (who, [], None) if who is not None else None
    lead = _parties(clause["lead"])
    partners = _parties(clause["partners"]) if clause["partners"] else []
    time = clause["time"]
    if lead is None or partners is None or (time and not _time_reads(time)):
        return None
    return lead, partners, time


def _segment_end(pieces: list[str], start: int) -> int:
    """The end of the segment opening at piece ``start``: the next ";" (a comma or a dash may be inside a time)."""
    end = start + 1
    while end * 2 - 1 < len(pieces) and pieces[end * 2 - 1].strip() != ";":
        end += 1
    return end


def _join(pieces: list[str], start: int, end: int) -> str:
    """Pieces ``start``..``end`` (values at even places, separators between them) as written."""
    return "".join(pieces[start * 2 : end * 2 - 1]).strip()


@functools.lru_cache(maxsize=4096)
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
    >>> s = read_slot("Phòng Tư pháp chủ trì; Văn phòng HĐND và UBND, Công an xã phối hợp; quý II")
    >>> [p.label for p in s.lead], [p.label for p in s.coordinating], s.time
    (['Phòng Tư pháp'], ['Văn phòng HĐND và UBND', 'Công an xã'], 'quý II')
    >>> read_slot("Phòng Tư pháp chủ trì, hoàn thành trong quý II/2024").time
    'trong quý II/2024'
    >>> read_slot("Phòng Tư pháp chủ trì; hoàn thành trong quý II/2024").time
    'hoàn thành trong quý II/2024'
    >>> s = read_slot("Phòng Tư pháp chủ trì – Phòng Văn hóa - Xã hội phối hợp")
    >>> [p.label for p in s.lead], [p.label for p in s.coordinating]
    (['Phòng Tư pháp'], ['Phòng Văn hóa - Xã hội'])
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
            role, first = labelled
            end = index + 1
            while role != "time:bare" and end < count and _label_role(parts[end * 2]) is None:
                following = parts[end * 2]
                if (
                    (_opens_time(following) or _ROLE_WORDS.search(following))
                    if role != "time"
                    else _one_party(following)
                ):
                    break  # "phối hợp: các thôn; quý I/2024": the time is a field of its own
                end += 1  # a value after a colon runs to the next label or the next field of another kind
            rest = _join(parts, index + 1, end) if end > index + 1 else ""
            value = (first + parts[index * 2 + 1] + rest if rest else first).strip(" .;,")
            index = end
            if not value:
                return None
            if role in {"time", "time:bare"}:
                if time is not None:
                    return None
                time, time_labelled, time_read = value, True, True
                continue
            named = ((_parties(value) or None), [], None) if role == "partners" else _who(value)
            if named is None or named[0] is None or (named[2] and time is not None):
                return None
            if role == "partners":
                partners.extend(named[0])
                continue
            lead.extend(named[0])
            partners.extend(named[1])
            lead_labelled = True
            time = time or named[2]
            continue
        verb = CLAUSE_VERB.match(piece)
        own_segment = index > 0 and parts[index * 2 - 1].strip() == ";" and _segment_end(parts, index) == index + 1
        if verb is not None and time is None and own_segment and _time_reads(piece[verb.end() :]):
            time = piece  # "…; thực hiện thường xuyên": a segment of its own, the time after its verb
            index += 1
            continue
        # a time: its first piece a time or opening with a time's word, and as many pieces as the parser reads
        timed = (
            next(
                (end for end in range(_segment_end(parts, index), index, -1) if _time_reads(_join(parts, index, end))),
                None,
            )
            if _time_reads(piece) or _TIME_WORDS.match(piece)
            else None
        )
        if timed is not None and not any(_label_role(parts[k * 2]) for k in range(index + 1, timed)):
            if time is not None:
                return None
            time = _join(parts, index, timed)
            if lead and not lead_labelled and index and parts[index * 2 - 1].strip() == ",":
                # "Phòng Tư pháp chủ trì, hoàn thành trong quý II": the verb closes the lead's clause
                time = CLAUSE_VERB.sub("", time, count=1) or time
            index = timed
            continue
        # a bare run: up to the next ";", label or time
        end = index + 1
        while (
            end < count
            and parts[end * 2 - 1].strip() != ";"
            # "Phòng Tư pháp chủ trì – Phòng Nội vụ phối hợp": a spaced dash after a role ends its clause
            and not (parts[end * 2 - 1].strip() in {"–", "—", "-"} and _ENDS_ROLE.search(parts[end * 2 - 2]))
            and _label_role(parts[end * 2]) is None
            and not _time_reads(parts[end * 2])
            # "Kế toán, cả năm học": after a comma, a piece opening with a time's word is no part of a name
            and not (
                parts[end * 2 - 1].strip() == "," and parts[end * 2][:1].islower() and _TIME_WORDS.match(parts[end * 2])
            )
        ):
            end += 1
        run = _join(parts, index, end)
        index = end
        named = _who(run)
        if named is None and (whole := _whole_party(run)) is not None:
            named, lead_sure = (whole, [], None), False
        if named is not None and named[0] is not None:
            if named[2] and time is not None:
                return None
            if partners and lead and not named[1] and not named[2] and _CLAUSE.match(run) is None:
                # "X chủ trì, phối hợp với Y; Z; thời gian: …": a bare name after the partners is one more of them
                partners.extend(named[0])
                continue
            lead.extend(named[0])
            partners.extend(named[1])
            time = time or named[2]
            continue
        if time is None and _TIME_WORDS.match(run) and not _NO_TIME.search(run):
            time, time_read = run, False  # "trong thời hạn luật định": a time by its place and first word
            continue
        return None
    if not lead and time is None:
        return None
    lead, marked_partners = split_marked(lead)
    return SlotAssignment(
        lead=lead,
        coordinating=[*marked_partners, *partners],
        time=time,
        lead_labelled=lead_labelled,
        time_labelled=time_labelled,
        time_read=time_read,
        lead_sure=lead_sure,
        segments=segments,
    )


# a task opening with its slot as a label: "Tháng 02/2023: Ban hành …", "Quý I/2024 – Phòng Nội vụ: Rà soát …"
_LEADING: Final = vi_compile(r"^(?P<label>[^:;()]{3,100}?)\s*:\s+(?P<rest>[A-ZĐÀ-Ỹ].{9,})$", re.DOTALL)


def leading_slot(text: str) -> tuple[SlotAssignment, str] | None:
    """The slot a task opens with as its label when it gives a time, and the task after it; else None.

    A label naming only a body ("Phòng Tư pháp: Rà soát …") is read elsewhere, as a lead before a colon.

    >>> slot, rest = leading_slot("Tháng 4/2023: Ký số văn bản đi (công chức Văn phòng - Thống kê).")
    >>> slot.time, rest
    ('Tháng 4/2023', 'Ký số văn bản đi (công chức Văn phòng - Thống kê).')
    >>> slot, _ = leading_slot("Quý I/2024 – Phòng Nội vụ: Rà soát quy chế làm việc.")
    >>> slot.time, [p.label for p in slot.lead]
    ('Quý I/2024', ['Phòng Nội vụ'])
    >>> leading_slot("Nội dung: Tuyên truyền về cải cách hành chính.") is None
    True
    """
    found = _LEADING.match(text.strip())
    slot = read_slot(found["label"]) if found is not None else None
    if found is None or slot is None or slot.time is None or not slot.time_read or slot.coordinating:
        return None
    return slot, found["rest"].strip()


_LONGEST_SLOT: Final = 240
"""The longest line read as a slot: a lead, partners and a time fit well within it."""


def slot_line_fields(text: str) -> list[tuple[str, str]] | None:
    """A line that is a whole slot, as a field line's (role, value) pairs; None when it is no slot.

    A bracket on its own line after an item ("(Văn phòng - Thống kê; tháng 3/2024)") is the item's
    slot when every segment is a field; a line without a bracket only when it gives both a lead and a
    time in two segments or more ("Phòng Nội vụ chủ trì, phối hợp Phòng Tư pháp; quý II/2024."), so that
    a sentence naming a doer ("Văn phòng chủ trì, phối hợp … thực hiện thường xuyên.") stays one. A bare
    name alone is no slot line.

    >>> slot_line_fields("(quý III/2024 – công chức Văn hóa - Xã hội)")
    [('lead', 'công chức Văn hóa - Xã hội'), ('time', 'quý III/2024')]
    >>> slot_line_fields("Văn phòng UBND xã chủ trì, phối hợp các ban ngành thực hiện thường xuyên.") is None
    True
    """
    line = text.strip()
    if len(line) > _LONGEST_SLOT:
        return None  # a paragraph, not a slot
    bracket = re.fullmatch(r"\((?P<inner>[^()]+)\)\s*[.;]?", line)
    slot = read_slot(bracket["inner"] if bracket else line)
    if slot is None or not slot.lead_sure:
        return None
    if bracket is None and not (slot.lead and slot.time and slot.time_read and slot.segments > 1):
        return None
    if slot.lead and not slot.time and not slot.lead_labelled:
        return None  # "(Bộ Công an)" on its own line may qualify the line above: a name alone is no slot
    if any(action_in_name(p.label) for p in (*slot.lead, *slot.coordinating)):
        return None  # "Hằng quý, Phòng Tư pháp kiểm tra văn bản …": a task opening with its time, no slot
    fields: list[tuple[str, str]] = []
    if slot.lead:
        fields.append(("lead", "; ".join(p.label for p in slot.lead)))
    if slot.coordinating:
        fields.append(("partners", "; ".join(p.label for p in slot.coordinating)))
    if slot.time:
        fields.append(("time", slot.time))
    return fields


def given_line(text: str) -> Assignment | None:
    """The lead, partners and time of a line that only hands a task over ("Giao Phòng Tư pháp chủ trì, …"), or None.

    None when the line is no such hand-over, names no lead, or gives a task in its words after the bodies.

    >>> given_line("Giao đất, cho thuê đất đúng quy định.") is None
    True
    """
    line = text.strip()
    if not line.startswith(("Giao ", "Phân công ")) or len(line) > _LONGEST_HANDOVER:
        return None
    handed = _HAND_OVER.match(line)
    given = given_sentence(line) or (
        read_slot(f"{handed['who']} chủ trì{handed['rest']}".strip().rstrip(".")) if handed else None
    )
    if given is None or not given.lead or not all(_is_body(p.label) for p in given.lead):
        return None
    if any(action_in_name(p.label) for p in (*given.lead, *given.coordinating)):
        return None  # "Giao Phòng Tư pháp chủ trì, phối hợp với UBND các xã rà soát văn bản": a task, not a hand-over
    return given


def given_line_fields(text: str) -> list[tuple[str, str]] | None:
    """A line handing the task above over (:func:`given_line`), as a field line's (role, value) pairs; else None.

    >>> given_line_fields("Giao Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ thực hiện trong quý II/2025.")
    [('lead', 'Phòng Tư pháp'), ('partners', 'Phòng Nội vụ'), ('time', 'trong quý II/2025')]
    """
    given = given_line(text)
    if given is None:
        return None
    fields = [("lead", "; ".join(p.label for p in given.lead))]
    if given.coordinating:
        fields.append(("partners", "; ".join(p.label for p in given.coordinating)))
    if given.time:
        fields.append(("time", given.time.strip(" .;")))
    return fields


_HAND_OVER: Final = vi_compile(
    r"^Giao\s+(?:cho\s+)?(?P<who>[^;.:]{2,120}?)\s+(?:chủ trì|tham mưu|phụ trách)\b(?P<rest>.*)$"
)
"""A line that only hands the task over: the body, its role, then nothing but partners and a time."""
_LONGEST_HANDOVER: Final = 240
"""The longest line read as a hand-over: a lead, partners and a time fit well within it."""
