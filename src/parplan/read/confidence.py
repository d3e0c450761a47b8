"""How far the reader trusts what it read from one whole document, and the task fields' confidence after it.

Each field's confidence starts from how it was read (:mod:`parplan.read.draft`). A
document that does not follow the layouts the reader knows can still give fields
that look sure one by one and are wrong together: task titles cut at the wrong
place, label lines ("Cơ quan chủ trì: …") read as tasks, tasks whose leads and
times stand where the reader does not look. :func:`document_factor` looks at the
document as a whole for such signs and gives a factor under 1 with the reasons;
:func:`apply_document_factor` multiplies every task field's confidence by it and
lowers, field by field, the titles that look like labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from parplan.plan import Plan, Section, Task
from parplan.source import FieldSource
from parplan.text import fold

__all__ = [
    "DocumentSigns",
    "apply_document_factor",
    "count_lead_words",
    "document_factor",
    "holds_fields",
    "looks_like_label",
]

# the words that open a label line of a task's form ("Cơ quan chủ trì: …", "Thời gian: …", "Thực hiện: …")
_LABEL: Final = re.compile(
    r"^(?:co quan|don vi|thoi gian|thoi han|thuc hien|chu tri|phoi hop|hinh thuc|san pham|ket qua"
    r"|kinh phi|trach nhiem|nguoi thuc hien|doi tuong|pham vi|noi dung|tien do|dia diem)[^:]{0,30}:"
)
# a task's own fields left inside its title: "…. Giao: Văn phòng; thời gian: quý II", "… (Phòng X chủ trì; năm 2024)"
_FIELDS_INSIDE: Final = re.compile(
    r"\S.*?(?:[.;,]\s*giao\s*:|[.;,]\s*thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:)"
    r"|\([^()]*\bchu tri\b[^()]*[;,:][^()]*\)"
)
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
"""Half the tasks or more have neither a lead nor a time, while the text names leads ("chủ trì") for a fifth of them."""
UNPLACED: Final = Decimal("0.85")
"""A fifth or more of the document's lines found no place (or only a guessed one, in a table rebuilt from columns)."""
NO_MASTHEAD: Final = Decimal("0.95")
"""The head was read without a masthead (a copy that lost it, or a text that is not laid out as a document)."""
EMPTY_SECTIONS: Final = Decimal("0.9")
"""Most sections hold neither a task nor a section: the plan's items were not recognised as tasks."""
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
    return bool(_FIELDS_INSIDE.search(fold(title)))


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
        if bare * 2 >= count and signs.leads_named >= max(3, count // 5):
            factor *= BARE_TASKS
            reasons.append(f"{bare} of {count} tasks have neither a lead nor a time, while the text names leads")
        empty = _empty_sections(plan.sections, tasks)
        if len(plan.sections) >= 4 and empty * 2 > len(plan.sections):
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
