"""How far the reader trusts what it read from one whole document, and the task fields' confidence after it.

Each field's confidence starts from how it was read (:mod:`parplan.read.draft`). A
document that does not follow the layouts the reader knows can still give fields
that look sure one by one and are wrong together: task titles cut at the wrong
place, label lines ("Cơ quan chủ trì: …") read as tasks, tasks whose leads and
times stand where the reader does not look. :func:`document_factor` looks at the
document as a whole for such signs and gives a factor under 1 with the reasons;
:func:`apply_document_factor` multiplies every task field's confidence by it and
lowers, field by field, the titles that look like labels.

Then :func:`apply_field_signals` looks at each field for evidence that holds whatever the layout: a
title that still names who leads the task ("Sở Tư pháp: …", "…. Giao Văn phòng tham mưu thực hiện.",
"… – Công chức Tư pháp – Quý II."), a lead that is not one party's name, a heading or a cut line read as
a task, a plan title holding a number or a date, an issuer holding the motto. Each lowers only its
fields, by 0.7, and says why in a doubt. On every labelled and held-out set of ``tests/documents``
they take no right field of the band ≥ 0.9 under it and take 20 of its 21 wrong fields out (the sixth
held-out set: 162 right of 178 to 162 of 162); they were written after seeing those failures, so the
next blind set is their measure (``docs/reading.md``, "How sure the reader is").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from parplan.errors import ParseError
from parplan.plan import Plan, Section, Task
from parplan.read.accents import vi_compile
from parplan.read.parties import read_assignment, starts_party
from parplan.source import FieldSource
from parplan.text import fold, read_timeframe
from parplan.text.areas import is_area_name

__all__ = [
    "DocumentSigns",
    "apply_document_factor",
    "apply_field_signals",
    "clause_time_kept",
    "closing_parties",
    "count_lead_words",
    "cut_start",
    "cut_title",
    "document_factor",
    "doubtful_plan_title",
    "field_factors",
    "fields_after_title",
    "general_duty",
    "group_heading",
    "heading_title",
    "holds_fields",
    "label_opened",
    "looks_like_label",
    "mixed_lead",
    "motto_in_head",
    "names_a_lead",
    "opening_parties",
    "opens_with_party",
    "other_document_in_head",
    "quoted_title",
    "reads_as_time",
    "time_in_lead",
    "time_in_title",
    "wordless_title",
]

# the words that open a label line of a task's form ("Cơ quan chủ trì: …", "Thời gian: …", "Thực hiện: …")
_LABEL: Final = re.compile(
    r"^(?:co quan|don vi|thoi gian|thoi han|thuc hien|chu tri|phoi hop|hinh thuc|san pham|ket qua"
    r"|kinh phi|trach nhiem|nguoi thuc hien|doi tuong|pham vi|noi dung|tien do|dia diem)[^:]{0,30}:"
)
# a task's own fields left inside its title: "…. Giao: Văn phòng; thời gian: quý II", "… (Phòng X chủ trì; năm 2024)"
_FIELD_LABEL_INSIDE: Final = re.compile(r"[.;,]\s*(?:giao|thoi (?:gian|han)(?: thuc hien| hoan thanh)?)\s*:")
"""A lead or time label after the text's own words ("…. Giao:", "…; thời gian:"): tried only after some text."""
_LEAD_BRACKET_INSIDE: Final = re.compile(r"\([^()]*\bchu tri\b[^()]*[;,:][^()]*\)")
_TASK_PATH: Final = re.compile(r"^\$\.tasks\[(?P<index>[0-9]+)\]")
# what a plan writes when it names who leads a task
_LEAD_WORDS: Final = ("chu tri", "don vi thuc hien", "co quan thuc hien")

# the factors, set on the labelled documents of ``tests/documents`` (see docs/reading.md)
LABEL_TITLE: Final = Decimal("0.7")
"""A task title that looks like a label line ("Thực hiện: …"): the reader took a label for a task."""
UNSPLIT_TITLE: Final = Decimal("0.7")
"""A task title that still holds the task's lead or time ("…. Giao: Văn phòng; thời gian: quý II"): not split."""
LABEL_SHARE: Final = Decimal("0.8")
"""A fifth or more of the task titles look like label lines."""
BARE_TASKS: Final = Decimal("0.85")
"""Half the tasks or more (of three or more) have neither a lead nor a time: either the plan says neither, or
the reader did not find where it does (a layout it does not know). Replayed on the readers of the days the
seventh and eighth held-out sets were measured blind, this took wrong fields out of the top band and no right
one of any labelled or released set; it once required the text to name leads ("chủ trì")."""
_LEAST_TASKS: Final = 3
UNPLACED: Final = Decimal("0.85")
"""A fifth or more of the document's lines found no place (or only a guessed one, in a table rebuilt from columns)."""
NO_MASTHEAD: Final = Decimal("0.95")
"""The head was read without a masthead (a copy that lost it, or a text that is not laid out as a document)."""
EMPTY_SECTIONS: Final = Decimal("0.9")
"""Most sections hold neither a task nor a section: the plan's items were not recognised as tasks.

Not when half the tasks or more stand in no section (rows of an appendix table): the body's parts only
point to the table then."""
NO_TITLE: Final = Decimal("0.85")
"""No kind line ("KẾ HOẠCH") was found: what the document is was inferred."""
FLOOR: Final = Decimal("0.6")


@attrs.frozen
class DocumentSigns:
    """What the reader saw of a document as a whole, besides its fields."""

    lines: int
    """The document's non-empty lines."""
    unplaced: int
    """The lines that found no place, and those placed only by a guess (rows of a table rebuilt from columns
    whose cells could not all be told apart)."""
    leads_named: int
    """How often the text names a lead ("chủ trì", "Đơn vị thực hiện", "Giao …")."""
    masthead: bool
    """Whether the head was read from a masthead."""
    kind_line: bool = True
    """Whether a kind line ("KẾ HOẠCH", "QUYẾT ĐỊNH") was found."""


def looks_like_label(title: str) -> bool:
    """Whether a task's title is a label line of a form ("Cơ quan chủ trì: …", "Thời gian: quý II")."""
    return bool(_LABEL.match(fold(title)))


def holds_fields(title: str) -> bool:
    """Whether a task's title still holds its lead or time after its text ("…. Giao: …", "(X chủ trì; quý II)")."""
    folded = fold(title)
    if _LEAD_BRACKET_INSIDE.search(folded):
        return True
    return any(folded[: label.start()].strip() for label in _FIELD_LABEL_INSIDE.finditer(folded))


def count_lead_words(text: str) -> int:
    """How often ``text`` names a lead."""
    folded = fold(text)
    return sum(folded.count(word) for word in _LEAD_WORDS)


def _empty_sections(sections: Sequence[Section], tasks: Sequence[Task]) -> int:
    used = {task.section for task in tasks}
    parents = {section.parent for section in sections}
    return sum(1 for section in sections if section.id not in used and section.id not in parents)


def document_factor(plan: Plan, signs: DocumentSigns) -> tuple[Decimal, tuple[str, ...]]:
    """The factor every task field's confidence is multiplied by, and why it is under 1."""
    factor = Decimal(1)
    reasons: list[str] = []
    tasks = plan.tasks
    count = len(tasks)
    if count:
        labels = sum(1 for task in tasks if looks_like_label(task.title))
        if labels * 5 >= count:
            factor *= LABEL_SHARE
            reasons.append(f"{labels} of {count} task titles look like label lines")
        bare = sum(1 for task in tasks if plan.responsibility_of(task) is None and plan.timeframe_of(task) is None)
        if bare * 2 >= count >= _LEAST_TASKS:
            factor *= BARE_TASKS
            named = ", while the text names leads" if signs.leads_named >= max(3, count // 5) else ""
            reasons.append(f"{bare} of {count} tasks have neither a lead nor a time{named}")
        empty = _empty_sections(plan.sections, tasks)
        # tasks read from an appendix table stand in no section: the body's parts pointing there hold none
        in_tables = sum(1 for task in tasks if task.section is None)
        if len(plan.sections) >= 4 and empty * 2 > len(plan.sections) and in_tables * 2 < count:
            factor *= EMPTY_SECTIONS
            reasons.append(f"{empty} of {len(plan.sections)} sections hold no task")
    if signs.lines and signs.unplaced * 5 >= signs.lines:
        factor *= UNPLACED
        reasons.append(f"{signs.unplaced} of {signs.lines} lines found no place")
    if not signs.masthead:
        factor *= NO_MASTHEAD
        reasons.append("the head was read without a masthead")
    if not signs.kind_line:
        factor *= NO_TITLE
        reasons.append("no kind line (KẾ HOẠCH …) was found")
    return max(factor, FLOOR), tuple(reasons)


def apply_document_factor(sources: Sequence[FieldSource], plan: Plan, factor: Decimal) -> tuple[FieldSource, ...]:
    """``sources`` with every task field's confidence multiplied by ``factor``; label-like and unsplit titles lower."""
    result = []
    for source in sources:
        found = _TASK_PATH.match(source.path)
        if found is None or source.confidence is None:
            result.append(source)
            continue
        scale = factor
        index = int(found["index"])
        doubts = source.doubts
        if index < len(plan.tasks):
            title = plan.tasks[index].title
            if looks_like_label(title):
                scale *= LABEL_TITLE
            if holds_fields(title):
                scale *= UNSPLIT_TITLE
                if source.path.endswith(".title"):
                    doubts = (*doubts, "the title still holds what looks like the task's lead or time: not split")
        if scale == 1:
            result.append(source)
            continue
        confidence = min(Decimal(1), source.confidence * scale).quantize(Decimal("0.001"))
        result.append(attrs.evolve(source, confidence=confidence, doubts=doubts))
    return tuple(result)


# -- field signals: evidence inside one field, or between a task and its neighbours, that does not depend on
# -- the layout the document follows (see docs/reading.md, "How sure a reading is")

FIELDS_IN_TITLE: Final = Decimal("0.7")
"""A task title that still holds who leads it beside its text: a body before a colon ("Sở Tư pháp: Rà soát
…"), a later sentence that assigns ("…. Giao công chức Văn phòng tham mưu thực hiện."), a form label ("…. Cơ
quan thực hiện: Phòng Kinh tế"), a segment after a spaced dash ("… – Công chức Tư pháp – Quý II."), a closing
bracket naming bodies only ("… (Văn phòng Sở)."). Plans cut these off the title whatever their layout, so
the reader did not split the item; when the task has no lead, the missing lead is as doubtful as the title."""
MIXED_LEAD: Final = Decimal("0.7")
"""A lead that is not one clean party name: a second body's name runs on inside it ("Phòng Nội vụ Văn
phòng HĐND …"), it is longer than any body's name, opens with a list mark or ends on a joining word ("Sở
Thông tin và"): cells or lines ran together or were cut."""
HEADING_TITLE: Final = Decimal("0.7")
"""A task title written in capitals ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"): plans write headings so, not tasks."""
CUT_TITLE: Final = Decimal("0.7")
"""A task title that starts in lower case (the rest of a line or cell cut above it), ends on a joining word
("… giữa các cơ quan", "… trên"), or is followed by a task whose title starts in lower case: a title cut
where the text wrapped, not where the task ends."""
PLAN_TITLE_FIELDS: Final = Decimal("0.7")
"""A plan's title that holds another field or ran on: a document number or a date ("… SỐ 04/KH-UBND NGÀY 09
THÁNG 01 …"), an opening or closing joining word or colon ("CỦA ỦY BAN …", "… như sau:"), or more words than
plans' titles have: the title's lines were taken with the lines around them."""
MOTTO_IN_HEAD: Final = Decimal("0.7")
"""An issuer whose lines hold words of the national motto ("CHỦ NGHĨA VIỆT NAM"): the masthead's two columns
were read as one."""
LEAD_WORDS_MAX: Final = 14
"""More words than the longest names of bodies and posts plans write ("Thủ trưởng các cơ quan được giao …")."""
TITLE_WORDS_MAX: Final = 45
"""More words than plans' titles have (the longest, of satisfaction plans, run to about 30)."""
TIME_IN_TITLE: Final = Decimal("0.7")
"""A task title that still holds its time: a time label after its text ("…. – Hạn: quý I"), a time before a
colon opening it ("Tháng 02/2023: Ban hành …"), or, when no time was read, a closing bracket holding only a
time ("… (Cả năm)."): the item was not split where plans split it."""
OPENING_PARTIES: Final = Decimal("0.7")
"""A task title opening with a bracket that names bodies only ("[Phòng Kinh tế; Trung tâm …] Hướng dẫn …")."""
WORDLESS_TITLE: Final = Decimal("0.7")
"""A task title with fewer than two words ("1.1, 1.2", "2.1"): a number or a mark was read as a task."""
GROUP_HEADING: Final = Decimal("0.7")
"""A short task title opening with the word of a group ("Yếu tố …", "Lĩnh vực …", "Nhóm …", "Tiêu chí …",
"Nội dung 2: …") and no full stop: a group's heading read as a task."""
QUOTED_TITLE: Final = Decimal("0.7")
"""A task title opening with a quotation mark ("“Rà soát …”", "Nhiệm vụ “…” (điểm a …): …"): a task quoted
from another document, as adjustment plans quote the tasks they change, not a task the plan sets."""
LEAD_IS_TIME: Final = Decimal("0.7")
"""A lead whose name reads as a time ("Quý II"): a time column or slot was read as the lead's."""
AREA_TITLE: Final = Decimal("0.7")
"""A task title that is only a reform area's name ("Cải cách thể chế", "Chuyển đổi số"): a heading, or the cell of
a group column, read as a task."""
GENERAL_DUTY: Final = Decimal("0.7")
"""A task title that opens with who acts and names a general duty of carrying the plan out (follow, sum up,
report, be accountable, carry out what was given, make it known): plans do not count these among their
tasks, and a reader that takes a sentence of "Tổ chức thực hiện" for a task is wrong more often than not."""
LEADLESS: Final = Decimal("0.9")
"""A responsibility naming partners or doers but no lead: the plan names none, or its lead stands where the reader
did not look (a merged cell printed once, a mark, a later part)."""
NAMELESS_SIGNATURE: Final = Decimal("0.7")
CLAUSE_KEPT: Final = Decimal("0.9")
"""A title that keeps the clause its time was read from: plans and their readers differ on where the title ends."""
"""A signature block read without the signer's name: the name stands where the reader did not look."""

# the body a title opens with before a colon: "Sở Tư pháp: …", "UBND các huyện, thị xã: …"
_PARTY_COLON: Final = re.compile(r"^(?P<who>[^:;.()]{3,80}?)\s*:\s*\S")
# where a title's later sentences and segments start: after a stop, or a spaced dash
_LATER_SENTENCE: Final = vi_compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")
_DASH: Final = re.compile(r"\s[–—]\s")  # not " - ", which joins the parts of names ("Tư pháp - Hộ tịch")
# a bracket closing the title: "… (Văn phòng Sở, Thanh tra Sở)."
_CLOSING_BRACKET: Final = re.compile(r"\((?P<inside>[^()]{3,120})\)\s*[.;]?\s*$")
# "Giao …", "Phân công …", "Đề nghị …" opening a sentence: who is given the task follows
_ASSIGNING: Final = re.compile(r"^(?:giao|phan cong|de nghi|yeu cau)\s+(?P<who>.+)$")
# a form label naming who does the task: "Cơ quan thực hiện: …", "Chủ trì: …", "Giao: …"
_LEAD_LABEL: Final = re.compile(
    r"^(?:co quan|don vi|bo phan|chu tri|phu trach|nguoi thuc hien|giao|trach nhiem)[^:]{0,25}:"
)
# the head of a body's or a post's name starting again inside a lead's name, after a word that does not
# join names: "Phòng Nội vụ Văn phòng …", "… (Đ/c Huệ) Công chức …", "Văn phòng HĐND Các phòng …"
_SECOND_HEAD: Final = vi_compile(
    r"(?P<before>[\wÀ-ỹ)]+)\s+(?:Phòng|Văn phòng|Công chức|Trung tâm|Bộ phận|Các|Chi nhánh)\b"
)
# words after which a body's head continues a name ("Chi nhánh Văn phòng", "Chánh Văn phòng", "công chức
# Văn phòng") or joins two ("… và Phòng …")
_JOINING: Final = frozenset(
    {"va", "voi", "cua", "thuoc", "tai", "nhanh", "chanh", "chuc", "van", "truong", "pho", "hoac"}
)
# words a phrase cannot end on (as written: folded, "của" would be "cửa"): it goes on in the next line or cell
_OPEN_END: Final = vi_compile(
    r"(?:\s(?:và|với|của|các|những|trên|giữa|cho|tại|để|về|từ|đến|hoặc|thuộc|trong|là|mà|được|bằng)"
    r"|[,(\-–])$"
)


def _open_end(text: str) -> bool:
    """Whether ``text`` ends on a word or mark that a phrase goes on after."""
    return bool(_OPEN_END.search(unicodedata.normalize("NFC", text.strip()).lower()))


# a document number ("04/KH-UBND") or a date written out ("ngày 09 tháng 01 năm 2015")
_NUMBER_OR_DATE: Final = vi_compile(r"\b[0-9]+/[A-ZĐ][A-ZĐ0-9]*-|\bngay\s+[0-9]{1,2}\s+thang\s+[0-9]{1,2}\b")
_OPEN_START: Final = vi_compile(r"^(?:và|với|của|các|trên|cho|tại|để|từ|đến|hoặc|thuộc|trong|là|mà)\s")
_MOTTO: Final = re.compile(r"cong\W+hoa\W+xa\W+hoi|\bnghia\W+viet\W+nam|doc\W+lap\W+tu\W+do|tu\W+do\W+hanh\W+phuc")


def _lead_of(plan: Plan, task: Task) -> tuple[str, ...]:
    """The names of the task's lead (its own or its section's), none when it has no lead."""
    responsibility = plan.responsibility_of(task)
    if responsibility is None or responsibility.lead is None:
        return ()
    lead = responsibility.lead
    return tuple(member.label for member in getattr(lead, "members", (lead,)))


def _names_a_party(segment: str) -> bool:
    """Whether a segment of a title is a party's name, a form label naming one, or a sentence assigning one."""
    folded = fold(segment)
    if _LEAD_LABEL.match(folded):
        return True
    assigning = _ASSIGNING.match(folded)
    if assigning:
        words = segment.split()
        who = " ".join(words[len(words) - len(assigning["who"].split()) :])  # "Phân công" is two words
        if starts_party(who):
            return True
    assignment = read_assignment(segment)
    return assignment is not None and bool(assignment.lead)


def names_a_lead(title: str) -> bool:
    """Whether a task's title names who leads it in a segment plans cut off the title.

    The segment is a later sentence that assigns the task or is a form label, or a segment after a spaced dash.

    >>> names_a_lead("Rà soát văn bản. Giao công chức Tư pháp - Hộ tịch tham mưu thực hiện.")
    True
    >>> names_a_lead("Đánh giá, xếp loại công chức – Công chức Văn phòng - Thống kê – Tháng 12/2023.")
    True
    >>> names_a_lead("Xây dựng Quy chế làm việc. Cơ quan thực hiện: Văn phòng HĐND và UBND xã")
    True
    >>> names_a_lead("Phòng Nội vụ chủ trì, phối hợp các phòng tổ chức kiểm tra công tác cải cách hành chính")
    False
    >>> names_a_lead("Rà soát văn bản do công chức Tư pháp - Hộ tịch chủ trì thực hiện trong Quý II.")
    False
    """
    sentences = _LATER_SENTENCE.split(title)
    if any(_names_a_party(sentence) for sentence in sentences[1:]):
        return True
    segments = _DASH.split(title)
    return any(starts_party(segment) or _names_a_party(segment) for segment in segments[1:] if segment.strip())


def opens_with_party(title: str) -> bool:
    """Whether a task's title opens with a body's name before a colon ("Sở Tư pháp: Rà soát …").

    >>> opens_with_party("Sở Tư pháp: Rà soát thủ tục hành chính."), opens_with_party("Rà soát thủ tục: cắt giảm 20%")
    (True, False)
    """
    opening = _PARTY_COLON.match(title)
    return opening is not None and not looks_like_label(title) and starts_party(opening["who"])


def closing_parties(title: str) -> bool:
    """Whether a task's title ends with a bracket naming bodies and nothing else ("… (Văn phòng Sở).").

    >>> closing_parties("Ban hành Kế hoạch kiểm tra (Văn phòng Sở)."), closing_parties("Rà soát (theo Kế hoạch số 12)")
    (True, False)
    """
    closing = _CLOSING_BRACKET.search(title)
    return closing is not None and starts_party(closing["inside"]) and not _open_end(closing["inside"])


def mixed_lead(name: str) -> bool:
    """Whether a lead's name is not one party: another body's name runs on inside it, it is too long or cut.

    >>> mixed_lead("Phòng Nội vụ Văn phòng HĐND và UBND huyện"), mixed_lead("Văn phòng HĐND và UBND huyện")
    (True, False)
    >>> mixed_lead("Chi nhánh Văn phòng đăng ký đất đai huyện"), mixed_lead("Công chức Văn phòng - Thống kê")
    (False, False)
    >>> mixed_lead("Sở Thông tin và"), mixed_lead("Văn phòng Sở, Thanh tra Sở")
    (True, True)
    >>> mixed_lead("Phòng Kinh tế, Hạ tầng và Đô thị"), mixed_lead("Phòng Nghiệp vụ (*)")
    (False, True)
    """
    stripped = name.strip()
    if stripped[:1] in {"-", "+", "•", "*", "–"} or len(stripped.split()) > LEAD_WORDS_MAX:
        return True
    if _MARK_IN_NAME.search(stripped):
        return True  # "Phòng Nghiệp vụ (*)": a mark the plan explains, which the reader did not read
    if _open_end(stripped):
        return True
    if _COMMA_HEAD.search(stripped):
        return True
    return any(fold(found["before"]) not in _JOINING for found in _SECOND_HEAD.finditer(stripped))


_MARK_IN_NAME: Final = re.compile(r"\(\s*[*xX+✓√]\s*\)|\*")
"""A mark beside a body's name ("(*)", "(x)", "*"): plans mark leads, or partners, so."""
_COMMA_HEAD: Final = vi_compile(
    r",\s+(?:Sở|Phòng|Văn phòng|UBND|Ủy ban|Hiệp hội|Trung tâm|Bộ phận|Công an|Chi cục|Bưu điện|Thanh tra|Công chức)\s"
)
"""A second body's head after a comma ("Văn phòng UBND tỉnh, Hiệp hội Doanh nghiệp tỉnh"): two leads read as one."""


def heading_title(title: str) -> bool:
    """Whether a task's title is written in capitals, as headings are ("CẢI CÁCH THỂ CHẾ").

    >>> heading_title("CẢI CÁCH THỂ CHẾ"), heading_title("Cải cách thể chế"), heading_title("Triển khai VNeID")
    (True, False, False)
    """
    if not title.isupper() or len(title.split()) < 2:
        return False
    return sum(1 for c in title if c.isalpha()) >= 6


def cut_title(title: str, following: str | None = None) -> bool:
    """Whether a task's title was cut where the text wrapped.

    It starts in lower case, ends on a joining word, or the next task's title (``following``) starts in lower case.

    >>> cut_title("hành chính nhà nước của tỉnh"), cut_title("Rà soát thủ tục hành chính giữa các")
    (True, True)
    >>> cut_title("Rà soát thủ tục", "phí, lệ phí của tỉnh"), cut_title("Rà soát thủ tục", "Số hóa")
    (True, False)
    """
    text = title.strip()
    if text[:1].islower() or _open_end(text):
        return True
    return following is not None and following.strip()[:1].islower()


def doubtful_plan_title(title: str) -> bool:
    """Whether a plan's title holds another field or ran on into the lines around it.

    >>> doubtful_plan_title("CỦA ỦY BAN NHÂN DÂN THỊ TRẤN SỐ 04/KH-UBND NGÀY 09 THÁNG 01 NĂM 2015")
    True
    >>> doubtful_plan_title("Thực hiện các nhiệm vụ trọng tâm năm 2025. Nhằm tạo chuyển biến, UBND tỉnh xác định:")
    True
    >>> doubtful_plan_title("Cải cách hành chính năm 2025 của Ủy ban nhân dân xã")
    False
    """
    text = unicodedata.normalize("NFC", title.strip()).lower()
    if not text:
        return False
    return bool(
        _NUMBER_OR_DATE.search(fold(title))
        or _OPEN_START.match(text)
        or text.endswith(":")
        or _open_end(text)
        or len(text.split()) > TITLE_WORDS_MAX
    )


def motto_in_head(written: str | None) -> bool:
    """Whether the issuer's lines as written hold words of the national motto: the masthead's columns ran together.

    >>> motto_in_head("ỦY BAN NHÂN DÂN / TỈNH AN GIANG / CHỦ / NGHĨA VIỆT NAM")
    True
    >>> motto_in_head("ỦY BAN NHÂN DÂN / XÃ AN BÌNH")
    False
    """
    return written is not None and bool(_MOTTO.search(fold(written)))


# a time label after the title's own words: "…. – Hạn: quý I/2026", "…; tiến độ: tháng 3"
_TIME_LABEL_INSIDE: Final = re.compile(
    r"[.;,)\u2013-]\s*(?:han|thoi han|thoi gian(?: thuc hien| hoan thanh)?|tien do|hoan thanh|lo trinh)\s*:"
)
# a title that is a time label line: "Hạn: quý I/2026.", "Tiến độ: tháng 6"
_TIME_LABEL_LINE: Final = re.compile(r"^(?:han|tien do|hoan thanh|lo trinh|thoi diem)\s*:")
_OPENING_COLON: Final = re.compile(r"^(?P<head>[^:]{2,40}):\s*\S")
_CLOSING_TIME: Final = re.compile(r"\((?P<inside>[^()]{2,40})\)\s*[.;]?\s*$")
_OPENING_BRACKET: Final = re.compile(r"^\s*[\[(](?P<inside>[^\[\]()]{3,120})[\])]\s*\S")
_GROUP_WORD: Final = re.compile(r"^(?:yeu to|linh vuc|nhom|chi so thanh phan|tieu chi|noi dung)\b")
_GROUP_WORDS_MAX: Final = 14
_QUOTE_OPENING: Final = re.compile(r"^(?:nhiem vu\s+)?[\"\u201c\u201e\u00ab]")
_TIME_WORDS_MAX: Final = 8
_GENERAL_DUTY: Final = re.compile(
    r"\b(?:bao cao|theo doi|tong hop|chiu trach nhiem|trien khai thuc hien|to chuc thuc hien|can cu|chu dong"
    r"|thi hanh|quan triet|pho bien|giu nguyen)\b"
)
_DUTY_SUBJECT: Final = ("cac ", "ke hoach nay", "nhung ", "toan the ")
_TWO_LETTERS: Final = re.compile(r"[^\W\d_]{2}")


def reads_as_time(text: str, year: int | None) -> bool:
    """Whether ``text`` is a time and nothing else, as the phrase parser reads it in the plan's ``year``.

    >>> reads_as_time("quý I/2026", None), reads_as_time("(Cả năm)", 2025), reads_as_time("Quý II", 2026)
    (True, True, True)
    >>> reads_as_time("Ban hành kế hoạch trong quý I", 2026), reads_as_time("Văn phòng Sở", 2026)
    (False, False)
    >>> reads_as_time("theo kế hoạch", 2026), reads_as_time("theo Kế hoạch số 12/KH-UBND", 2026)
    (True, False)
    """
    cleaned = text.strip(" .;:,()[]\u2013-")
    if not cleaned or len(cleaned.split()) > _TIME_WORDS_MAX:
        return False
    if fold(cleaned).startswith("theo ") and re.search(r"[0-9]", cleaned):
        return False  # "theo Kế hoạch số 12" cites a document, though "theo kế hoạch" is a time
    try:
        reading = read_timeframe(cleaned, year=year)
    except (ParseError, ValueError):
        return False
    return reading.value is not None and not (reading.action or "").strip()


def time_in_title(title: str, year: int | None, *, has_time: bool) -> bool:
    """Whether a task's title still holds its time where plans cut it off.

    A time label after the text, a time before a colon opening the title, or (when the task has no time
    read, ``has_time`` false) a closing bracket holding only a time.

    >>> time_in_title("Niêm yết thủ tục hành chính. – Hạn: quý I/2026.", 2026, has_time=False)
    True
    >>> time_in_title("Tháng 02/2023: Ban hành Kế hoạch tuyên truyền", 2023, has_time=True)
    True
    >>> time_in_title("Nâng cấp Trang thông tin điện tử (Cả năm).", 2024, has_time=False)
    True
    >>> time_in_title("Nâng cấp Trang thông tin điện tử (Cả năm).", 2024, has_time=True)
    False
    >>> time_in_title("Kết quả: 100% hồ sơ được số hóa (theo Kế hoạch số 12)", 2024, has_time=False)
    False
    """
    folded = fold(title)
    if _TIME_LABEL_LINE.match(folded) or _TIME_LABEL_INSIDE.search(folded):
        return True
    opening = _OPENING_COLON.match(title)
    if opening is not None and reads_as_time(opening["head"], year):
        return True
    closing = _CLOSING_TIME.search(title)
    return not has_time and closing is not None and reads_as_time(closing["inside"], year)


def opening_parties(title: str) -> bool:
    """Whether a task's title opens with a bracket naming bodies only ("[Phòng Kinh tế] Hướng dẫn …").

    >>> opening_parties("[Phòng Kinh tế; Trung tâm Phục vụ hành chính công] Hướng dẫn người dân nộp hồ sơ")
    True
    >>> opening_parties("(Tiếp theo) Rà soát thủ tục hành chính"), opening_parties("Rà soát (Văn phòng) thủ tục")
    (False, False)
    """
    opening = _OPENING_BRACKET.match(title)
    if opening is None:
        return False
    names = [name for name in re.split(r"[;,]", opening["inside"]) if name.strip()]
    return bool(names) and all(starts_party(name) for name in names)


def wordless_title(title: str) -> bool:
    """Whether a task's title has fewer than two words of letters ("1.1, 1.2", "2.1", "x").

    >>> wordless_title("1.1, 1.2"), wordless_title("Số hóa hồ sơ")
    (True, False)
    """
    words = 0
    for word in title.split():
        if _TWO_LETTERS.search(word):
            words += 1
            if words == 2:
                return False
    return True


def group_heading(title: str) -> bool:
    """Whether a short task title opens with the word of a group, as headings do ("Yếu tố Thủ tục hành chính").

    >>> group_heading("Yếu tố Tiếp cận dịch vụ"), group_heading("Nội dung 2: Công khai, minh bạch")
    (True, True)
    >>> group_heading("Nhóm Zalo của thôn được duy trì để hướng dẫn người dân nộp hồ sơ trực tuyến.")
    False
    >>> group_heading("Tổ chức lấy ý kiến người dân")
    False
    """
    text = title.strip()
    return bool(_GROUP_WORD.match(fold(text))) and len(text.split()) <= _GROUP_WORDS_MAX and not text.endswith(".")


def general_duty(title: str) -> bool:
    """Whether a task's title is a general duty of carrying the plan out, opening with who acts.

    >>> general_duty("Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở kết quả thực hiện Kế hoạch.")
    True
    >>> general_duty("Các cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện.")
    True
    >>> general_duty("Phòng Tư pháp rà soát văn bản quy phạm pháp luật do UBND huyện ban hành.")
    False
    >>> general_duty("Tổng hợp, báo cáo kết quả tự đánh giá Chỉ số cải cách hành chính.")
    False
    """
    folded = fold(title)
    return (starts_party(title) or folded.startswith(_DUTY_SUBJECT)) and bool(_GENERAL_DUTY.search(folded))


def quoted_title(title: str) -> bool:
    """Whether a task's title opens with a quotation mark: a task quoted from another document.

    >>> quoted_title("“Mở lớp bồi dưỡng kỹ năng số cho công chức”."), quoted_title("Nhiệm vụ “Rà soát quy chế”: …")
    (True, True)
    >>> quoted_title("Triển khai mô hình “Cà phê doanh nhân” tại xã")
    False
    """
    return bool(_QUOTE_OPENING.match(fold(title.strip())))


_SECOND_SENTENCE: Final = re.compile(r"[.;:]\s+(?P<next>[A-ZĐÀ-Ỹ][^.;]{2,})")
_SHORT_LABEL: Final = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,3}\s*:\s+\S")
_SPACED_DASH: Final = re.compile(r"\s[–—-]\s+(?P<next>\S.{2,})$")
_SLOT_WORDS: Final = ("giao ", "phan cong", "thoi gian", "thoi han", "hoan thanh", "tien do", "kinh phi", "san pham")


def fields_after_title(title: str) -> bool:
    """Whether a task's title runs on into what gives its fields: a sentence or a dashed part naming who or when.

    >>> fields_after_title("Rà soát quy chế. Giao Văn phòng tham mưu thực hiện.")
    True
    >>> fields_after_title("Rà soát quy chế làm việc – Công chức Văn phòng - Thống kê")
    True
    >>> fields_after_title("Rà soát quy chế làm việc của UBND xã. Bảo đảm đúng quy định.")
    False
    >>> fields_after_title("Rà soát văn bản của tỉnh: Giao Sở Tư pháp chủ trì; Quý 2/2025.")
    True
    """
    pieces = [found["next"] for found in _SECOND_SENTENCE.finditer(title)]
    pieces += [found["next"] for found in _SPACED_DASH.finditer(title)]
    for piece in pieces:
        folded = fold(piece)
        if folded.startswith(_SLOT_WORDS) or (starts_party(piece) and not folded.startswith(("cac ", "moi "))):
            return True
    return False


def label_opened(title: str) -> bool:
    """Whether a task's title opens with a short label and a colon ("Chỉ tiêu: …", "Nội dung: …").

    >>> label_opened("Chỉ tiêu: 100% hồ sơ đúng hạn."), label_opened("Rà soát, công bố thủ tục hành chính")
    (True, False)
    """
    found = _SHORT_LABEL.match(title)
    return found is not None and not starts_party(title)  # "Sở Tư pháp: Rà soát …": a body, read by other signals


def cut_start(title: str) -> bool:
    """Whether a task's title starts in lower case: the tail of a line cut where the text wrapped."""
    return title[:1].isalpha() and title[:1].islower()


def time_in_lead(name: str, year: int | None) -> bool:
    """Whether a lead's name ends, after a comma, with a time ("Công chức Tư pháp - Hộ tịch, quý II/2024").

    >>> time_in_lead("Công chức Tư pháp - Hộ tịch, quý II/2024", 2024), time_in_lead("UBND các xã, thị trấn", 2024)
    (True, False)
    """
    head, comma, tail = name.rpartition(",")
    return bool(comma) and bool(head.strip()) and reads_as_time(tail.strip(), year)


_OTHER_DOCUMENT: Final = re.compile(r"(?:^| / )(?:to trinh|du thao|cong van|giam doc|chu tich|bao cao)(?: / |$)")


def other_document_in_head(written: str | None) -> bool:
    """Whether the masthead's issuer lines hold another document's kind or a signer ("TỜ TRÌNH", "DỰ THẢO").

    >>> other_document_in_head("UBND TỈNH QUẢNG TRỊ / SỞ NỘI VỤ / TỜ TRÌNH / GIÁM ĐỐC / DỰ THẢO")
    True
    >>> other_document_in_head("UBND TỈNH QUẢNG TRỊ / SỞ NỘI VỤ")
    False
    """
    return written is not None and _OTHER_DOCUMENT.search(fold(written)) is not None


def clause_time_kept(title: str, time: str | None) -> bool:
    """Whether a task's title closes with the clause its time was read from (", hoàn thành trước ngày 31/3.").

    >>> clause_time_kept("Niêm yết thủ tục, hoàn thành trước ngày 31/3/2024.", "hoàn thành trước ngày 31/3/2024")
    True
    >>> clause_time_kept("Niêm yết thủ tục hành chính.", "Quý I/2024")
    False
    """
    if not time:
        return False
    tail = title.rstrip(" .;")
    return tail.endswith(time.rstrip(" .;")) and tail[: -len(time.rstrip(" .;"))].rstrip().endswith(",")


def _header_factors(plan: Plan, result: dict[str, tuple[Decimal, str]]) -> None:
    """The header's signals: a title holding other fields, an issuer holding the motto."""
    if doubtful_plan_title(plan.title):
        result["$.title"] = (PLAN_TITLE_FIELDS, "the title holds another field or ran on into the lines around it")
    if plan.signature is not None and not plan.signature.name:
        result["$.signature"] = (NAMELESS_SIGNATURE, "no signer's name was read in the signature block")
    issuer = next((source for source in plan.sources if source.path == "$.issuer"), None)
    if issuer is not None and motto_in_head(issuer.written):
        reason = "the issuer's lines hold words of the national motto: the masthead's columns ran together"
        result["$.issuer"] = (MOTTO_IN_HEAD, reason)
        result["$.unit"] = (MOTTO_IN_HEAD, reason)
    if issuer is not None and other_document_in_head(issuer.written):
        reason = "the issuer's lines hold another document's kind or a signer: a letter or a draft's cover came first"
        for path in ("$.issuer", "$.unit", "$.symbol", "$.issued_on"):
            result[path] = (MOTTO_IN_HEAD, reason)


_TITLE_SHAPES: Final[tuple[tuple[Callable[[str], bool], Decimal, str, tuple[str, ...]], ...]] = (
    (opening_parties, OPENING_PARTIES, "the title opens with a bracket naming who leads the task", ("title",)),
    (
        wordless_title,
        WORDLESS_TITLE,
        "the title has fewer than two words: a number or a mark was read as a task",
        ("title", "responsibility", "timeframe"),
    ),
    (
        lambda title: group_heading(title) and not wordless_title(title),
        GROUP_HEADING,
        "the title opens with the word of a group, as headings do",
        ("title", "responsibility", "timeframe"),
    ),
    (
        is_area_name,
        AREA_TITLE,
        "the title is only the name of a reform area, as headings are: a heading or a group's cell read as a task",
        ("title", "responsibility", "timeframe"),
    ),
    (
        general_duty,
        GENERAL_DUTY,
        "the title is a general duty of carrying the plan out (follow, report, be accountable), no task",
        ("title",),
    ),
    (
        quoted_title,
        QUOTED_TITLE,
        "the title is quoted: a task of another document, as changes quote them",
        ("title",),
    ),
    (
        lambda title: fields_after_title(title) and not names_a_lead(title),
        FIELDS_IN_TITLE,
        "the title runs on into a sentence or a dashed part naming who or when: the item was not split",
        ("title",),
    ),
    (label_opened, LABEL_TITLE, "the title opens with a label and a colon: a field line, or a label kept", ("title",)),
    (cut_start, CUT_TITLE, "the title starts in lower case: the tail of a line cut where the text wrapped", ("title",)),
)
"""The signals of a task title's shape alone: the test, the factor, the reason and the fields it lowers."""


def _shape_factors(plan: Plan, task: Task, where: str, lower: Callable[[str, Decimal, str], None]) -> None:
    """The signals of a task title's shape: a time, bodies, a number, a group's word, a duty or a quotation in it."""
    title = task.title
    if time_in_title(title, plan.year, has_time=plan.timeframe_of(task) is not None):
        lower(f"{where}.title", TIME_IN_TITLE, "the title still holds the task's time: the item was not split")
    elif task.timeframe is not None and clause_time_kept(title, task.timeframe.text):
        reason = "the title keeps the clause its time was read from: whether the clause is the title's is a convention"
        lower(f"{where}.title", CLAUSE_KEPT, reason)
    for test, factor, reason, fields in _TITLE_SHAPES:
        if test(title):
            for field in fields:
                lower(f"{where}.{field}", factor, reason)
    responsibility = plan.responsibility_of(task)
    if responsibility is not None and responsibility.lead is None:
        lower(f"{where}.responsibility", LEADLESS, "partners or doers are named, but no lead")
    timed = [name for name in _lead_of(plan, task) if reads_as_time(name, plan.year) or time_in_lead(name, plan.year)]
    if timed:
        lower(f"{where}.responsibility", LEAD_IS_TIME, f"the lead {timed[0]!r} reads as a time, not a party")


def field_factors(plan: Plan) -> dict[str, tuple[Decimal, str]]:
    """Per task field's path, the factor its confidence is multiplied by and why, from the field signals."""
    result: dict[str, tuple[Decimal, str]] = {}

    def lower(path: str, factor: Decimal, reason: str) -> None:
        before = result.get(path)
        if before is None:
            result[path] = (factor, reason)
        else:
            result[path] = (before[0] * factor, f"{before[1]}; {reason}")

    tasks = plan.tasks
    for index, task in enumerate(tasks):
        where = f"$.tasks[{index}]"
        lead = _lead_of(plan, task)
        if names_a_lead(task.title) or (not lead and (opens_with_party(task.title) or closing_parties(task.title))):
            reason = "the title still holds who leads the task: the item was not split"
            lower(f"{where}.title", FIELDS_IN_TITLE, reason)
            if not lead:
                lower(f"{where}.responsibility", FIELDS_IN_TITLE, "no lead was read, while the title names one")
        mixed = [name for name in lead if mixed_lead(name)]
        if mixed:
            reason = f"the lead {mixed[0]!r} does not read as one party's name: names or cells ran together or were cut"
            lower(f"{where}.responsibility", MIXED_LEAD, reason)
        if heading_title(task.title):
            reason = "the title is written in capitals, as headings are"
            for field in ("title", "responsibility", "timeframe"):
                lower(f"{where}.{field}", HEADING_TITLE, reason)
        _shape_factors(plan, task, where, lower)
        following = tasks[index + 1].title if index + 1 < len(tasks) else None
        if cut_title(task.title, following):
            lower(f"{where}.title", CUT_TITLE, "the title looks cut where the text wrapped, not where the task ends")
    _header_factors(plan, result)
    return result


def apply_field_signals(sources: Sequence[FieldSource], plan: Plan) -> tuple[FieldSource, ...]:
    """``sources`` with the fields :func:`field_factors` doubts lowered, each with the doubt saying why."""
    factors = field_factors(plan)
    if not factors:
        return tuple(sources)
    result = []
    for source in sources:
        found = factors.get(source.path)
        if found is None or source.confidence is None:
            result.append(source)
            continue
        scale, reason = found
        confidence = min(Decimal(1), source.confidence * scale).quantize(Decimal("0.001"))
        result.append(attrs.evolve(source, confidence=confidence, doubts=(*source.doubts, reason)))
    return tuple(result)
