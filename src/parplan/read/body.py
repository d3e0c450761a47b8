"""The body of a plan, walked item by item.

Its sections and items read into sections, tasks, objectives, purposes, reporting
lines, legal references and last year's results (:class:`_Reader`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from parplan.areas import ReformArea
from parplan.errors import InvariantError, ParseError
from parplan.org import Party, Responsibility, SingleParty
from parplan.plan import Budget, IndexResult, Objective, ReportingLine, ReportingObligation, Section, SectionKind
from parplan.read.accents import vi_compile
from parplan.read.amendments import amendment
from parplan.read.assignments import (
    _BODY_BRACKET,
    _CARRY_OUT_ONLY,
    _GIVEN_TO_GROUP,
    _GROUP_ASSIGNMENT,
    _GROUP_ONLY,
    _LEADS_WHAT_FOLLOWS,
    _TIMEISH_FIELD,
    NAMES_ITEMS_ABOVE,
    _addresses,
    _bare_bodies,
    _bracket_bodies,
    _bracket_lead,
    _colon_lead,
    _cross_reference,
    _fielded_task,
    _fields_assignment,
    _general_duty_of,
    _heading_party,
    _inherited_lead,
    _inline_items,
    _lead_by_shape,
    _section_above,
    _separated_slot,
    _split_assignment,
    _subject_of,
    _time_bracket,
    _time_in_text,
    _under_organisation,
    abbreviation_note,
    ad_hoc_event,
    field_order,
    group_line,
    reporting_duty_of,
)
from parplan.read.conventions import passive_doer
from parplan.read.draft import _Node, _timeframe, fold
from parplan.read.head import _YEAR
from parplan.read.items import (
    _ASSIGN_LABELS,
    _FIELD_ITEM_STYLES,
    _LABELLED_PART,
    _NOT_TASK_ZONES,
    _REMEDY_LABELS,
    _SHORTCOMING_LABELS,
    _field_owner,
    _indented_owner,
    _is_list_item,
    _join_listed_field_values,
    _join_part_headings,
    _list_label_zone,
    _marker,
    _nest_restarted_numbering,
    _objectives_label,
    _own_field_line,
    _read_fields,
    _restore_lost_numbering,
    _safe_id,
    _stepped_owner,
    _titled_item,
    _without_footnote_marks,
    _zone_of_heading,
    lines_each,
)
from parplan.read.lines import _BOLD_LEAD_NOTE, Block, Grid, Para
from parplan.read.parties import Assignment, read_assignment, starts_party, subject_lead, subject_party
from parplan.read.slots import SlotAssignment
from parplan.read.tables import KeyedRow, _GridReader, body_keyed_line, budget_phrase, keyed_line, table_note
from parplan.source import Certainty, SourceLocation
from parplan.targets import Target
from parplan.text import extract_references, extract_targets, match_area
from parplan.timeframes import OnEvent, Timeframe

_NOTE_LENGTH: Final = 160
"""The longest a note on how the tasks are written runs."""


def _unique_parties(parties: Sequence[SingleParty]) -> list[SingleParty]:
    """``parties`` without a repeat, in their order."""
    unique: list[SingleParty] = []
    for one in parties:
        if one not in unique:
            unique.append(one)
    return unique


_APPENDIX_POINTER: Final = re.compile(
    r"^\(?(?:[^()]{0,160}\s)?(?:co|theo|tai) phu luc(?: chi tiet)? kem theo(?: ke hoach nay)?\)?\.?\)?$"
)
""""(Có Phụ lục chi tiết kèm theo)", "Các nhiệm vụ … có Phụ lục chi tiết kèm theo.": a pointer, not a task."""
_FUNDING_SENTENCE: Final = re.compile(
    r"^kinh phi\b[^;]{0,60}?\b(?:duoc bo tri|bo tri|duoc dam bao|dam bao|bao dam|tu nguon|trong du toan|do ngan sach)"
)
_CLOSING: Final = re.compile(r"tren day la|trong qua trinh (?:trien khai )?thuc hien,? neu|kho khan,? vuong mac")
_SCHEDULED: Final = re.compile(
    r"dinh ky|hang (?:thang|quy|nam)|thang cuoi (?:quy|ky)|truoc ngay|cham nhat|6 thang"
    r"|(?:khi|neu) co (?:kho khan|vuong mac)"
)
_RESULT_SCORE: Final = vi_compile(r"(?P<score>[0-9]{1,3}(?:,[0-9]{1,2})?)\s*(?:điểm|%)")
_RESULT_RANK: Final = vi_compile(r"x[ếe]p\s+(?:th[ứu]|h[ạa]ng)\s+(?P<rank>[0-9]{1,3})\s*/\s*(?P<of>[0-9]{1,3})")
_RESULT_CHANGE: Final = vi_compile(r"(?P<dir>tăng|giảm)\s+(?P<n>[0-9]{1,2})\s+(?:hạng|bậc)")


@attrs.define
class _Reader(_GridReader):
    """Reads a plan's body, its tables (:class:`_GridReader`) and its other parts into the draft."""

    field_order: tuple[str, ...] = ()
    """The roles a note says each task's parts come in ("Ghi theo thứ tự: nhiệm vụ » bộ phận » thời hạn")."""
    body_keys: dict[str | tuple[str, str], int] = attrs.field(factory=dict)
    """For each task number a "Phân công" line gives a body, the index of its row among the keyed rows."""
    field_abbreviations: dict[str, str] = attrs.field(factory=dict)
    """The field labels a note spells out ("Ghi chú: CT - cơ quan chủ trì; TG - thời gian"), with their labels."""

    # -- body structure ---------------------------------------------------------------------

    def read_body(self, items: Sequence[Block]) -> None:  # noqa: C901, PLR0912
        root = _Node(style="root", label=None, text="", para=None)
        stack: list[_Node] = [root]
        walked, each = _walked(items)
        for position, block in enumerate(walked):
            if isinstance(block, Grid):
                stack[-1].children.append(
                    _Node(style="grid", label=None, text="", para=None, parent=stack[-1], grid=block)
                )
                continue
            style, label, text = _marker(block.text)
            style = _group_line_style(style, text)
            titled = _titled_item(text, walked[position + 1 : position + 2])
            if titled is not None:  # "- Nội dung: <task>" then its field lines: one task, its title the value
                style, text = ("dash" if style == "text" else style), titled
            fields = _read_fields(block.text) if len(stack) > 1 and titled is None else None
            if fields and (
                not fold(text).startswith(_GROUP_ONLY)
                or _own_field_line(fields)
                or _own_hand_over(stack[-1], walked[position + 1 : position + 2], fields)
            ):
                # "Cơ quan chủ trì: …", "- Thời gian: …" after an item: the item's fields, or the group's
                roles = [role for role, _ in fields]
                stepped = _stepped_owner(stack, walked[position + 1 : position + 2], roles) if style == "text" else None
                if stepped is not None:
                    stepped.steps = True  # "a) <task>", "+ <step>", "+ <step>", then the task's own line
                owner = (
                    _indented_owner(stack, block)
                    or stepped
                    or _field_owner(stack, style, roles, _given_on_its_line, each)
                    or _paragraph_owner(stack[-1])
                )
                if owner is not None:
                    while owner in stack and stack[-1] is not owner:
                        stack.pop()
                    owner.children.append(_Node(style="text", label=None, text=block.text, para=block, parent=owner))
                    continue
                style, label, text = "text", None, block.text.strip().lstrip("-+•– ").strip()
                while len(stack) > 1 and _is_list_item(stack[-1]):
                    stack.pop()
            if style == "text":
                while len(stack) > 1 and stack[-1].style in {"dash", "plus"}:
                    stack.pop()
                if fold(text).startswith(_GROUP_ASSIGNMENT):
                    # "Trách nhiệm thực hiện: …" after a list of items is the group's, not the last item's
                    while len(stack) > 1 and not stack[-1].children and _is_list_item(stack[-1]):
                        stack.pop()
                node = _Node(style="text", label=None, text=text, para=block, parent=stack[-1])
                stack[-1].children.append(node)
                continue
            styles = [n.style for n in stack]
            if style in styles:
                while stack[-1].style != style:
                    stack.pop()
                stack.pop()
            elif style.startswith(("crit", "dec")):
                # a deeper code is a child, a shallower one closes the deeper ones
                depth = int(style[-1])
                while len(stack) > 1 and stack[-1].style[:-1] == style[:-1] and int(stack[-1].style[-1]) > depth:
                    stack.pop()
            node = _Node(style=style, label=label, text=text, para=block, parent=stack[-1])
            stack[-1].children.append(node)
            stack.append(node)
        self._walk(root, zone=None, area=None, prefix="")
        for node, lead, addresses in self.cross_references:
            self._apply_cross_reference(node, lead, addresses)
        self._reporting_duties(root, organisation=False)

    def _reporting_duties(self, node: _Node, *, organisation: bool) -> None:
        """Every sentence of "Tổ chức thực hiện" that puts a duty to report: a reporting obligation.

        Also when the sentence was read as a task or as the part's text: the task is the work, the
        obligation the plan's standing duty to report (``Plan.obligations``), one fact each. A sentence
        already made an obligation (a generic duty, the closing) is not made one twice; a report outside
        the part is a task's output or title, not an obligation, except a paragraph of a plan without
        headings, standing in its body on its own, that names both whom to report to and when.
        """
        for child in node.children:
            inside = organisation or (child.is_section and "to chuc thuc hien" in fold(child.text))
            if inside and child.para is not None:
                self._reporting_duty(child)
            elif node.style == "root" and child.style == "text" and child.para is not None:
                self._reporting_duty(child, strict=True)
            if child.children:
                self._reporting_duties(child, organisation=inside)

    def _reporting_duty(self, node: _Node, *, strict: bool = False) -> None:  # noqa: C901 - the parts of one duty
        assert node.para is not None  # noqa: S101
        origin = node.para.origin()
        same = [i for i, o in enumerate(self.obligations) if o.source == origin]
        if any(self.obligations[i].recipient or self.obligations[i].timeframe for i in same):
            return
        duty = reporting_duty_of(node.text)
        if duty is None:
            return
        reporter, recipient, when, ad_hoc = duty
        if strict and (recipient is None or not _SCHEDULED.search(fold(node.text))):
            return
        timeframe: Timeframe | None = None
        doubts: tuple[str, ...] = ()
        if when is not None:
            timeframe, _, doubts = _timeframe(when, self.year)
        elif ad_hoc and (event := ad_hoc_event(node.text)) is not None:
            timeframe = OnEvent(event=event, text=event)
        obligation = ReportingObligation(
            reporter=reporter, recipient=recipient, timeframe=timeframe, text=node.text, source=origin
        )
        if same:  # a closing sentence kept as written: now read
            self.obligations[same[0]] = obligation
        else:
            self.obligations.append(obligation)
        path = f"$.obligations[{same[0] if same else len(self.obligations) - 1}]"
        if not same:
            self.build.source(path, origin, kind="paragraph")
        if reporter is not None:
            self.build.source(f"{path}.reporter", origin, kind="subject")
        if recipient is not None:
            self.build.source(f"{path}.recipient", origin, kind="subject")
        if timeframe is not None:
            self.build.source(f"{path}.timeframe", origin, written=when, kind="subject", doubts=doubts)

    def _node_id(self, node: _Node, prefix: str) -> str:
        label = node.label or ""
        if node.style.startswith(("dec", "crit")) or node.style == "lv":
            top = self._top_prefix(node)
            return f"{top}.{label}" if top else label
        if node.style == "phan":
            return label
        if node.style == "dieu":
            return f"QD.{label}"
        return f"{prefix}.{label}" if prefix else label

    @staticmethod
    def _top_prefix(node: _Node) -> str:
        current = node.parent
        while current is not None:
            if current.style in {"roman", "phan"}:
                return current.id or ""
            current = current.parent
        return ""

    def _is_heading(self, node: _Node) -> bool:
        if node.style in {"dash", "plus", "text", "grid", "dieu"}:
            return False
        if node.style in {"roman", "phan", "lv"}:
            return True
        if node.style.startswith("crit"):
            return bool(node.children)
        if not node.children or all(
            c.style == "text" and _CLOSING.search(fold(c.text)) for c in node.children
        ):  # an item followed by the closing sentence is no heading
            return False
        text = node.text.strip()
        if text.endswith(":"):
            return True
        sentences = re.sub(r"[0-9]+(?:\.[0-9]+)*\.\s", " ", text).count(
            ". "
        )  # "Tiêu chí 1.3. Công tác …" is one heading
        return len(text) <= 160 and not text.endswith(";") and sentences == 0

    def _walk(self, node: _Node, *, zone: str | None, area: ReformArea | None, prefix: str) -> None:  # noqa: C901, PLR0912, PLR0915
        dash_count = 0
        plus_count = 0
        group_tasks: range = range(0)  # the tasks read under the last "- Giải pháp:" label, for its "- Phân công:"
        text_tasks = [c for c in node.children if c.style == "text"]
        label_lead: tuple[SingleParty, SourceLocation | None] | None = None  # "Khoa Khám bệnh:" over "- " items
        for position, child in enumerate(node.children):
            if child.style not in {"dash", "plus"}:
                label_lead = None
            if child.style == "text" and zone not in _NOT_TASK_ZONES and child.para is not None:
                named = _body_label(child, node.children[position + 1 : position + 2])
                if named is not None:
                    label_lead = (named, child.para.origin())
                    continue
            if child.grid is not None:
                self.read_grid(child.grid, area=area, zone=zone)
                continue
            label_zone = _list_label_zone(child, zone)
            if label_zone is not None:
                # "Chỉ tiêu:" then outcomes, "Nhiệm vụ:" then tasks: a label line switches what follows it
                zone = label_zone
                text_tasks = [c for c in text_tasks if c is not child]
                if node.is_section:
                    self._section_text(node, child.text)
                continue
            if child.style == "dash":
                dash_count += 1
                child.label = str(dash_count)
            elif child.style == "plus":
                plus_count += 1
                child.label = "abcdefghiklmnopqrstuvxy"[min(plus_count - 1, 22)]
            child.id = self._node_id(child, prefix)
            if child.style == "text":
                self._text_paragraph(child, node, zone=zone, area=area, siblings=text_tasks)
                continue
            if child.steps and zone not in _NOT_TASK_ZONES:
                # "a) <task>", "+ <step>", "+ <step>", "Trách nhiệm: …; thời hạn: …": one task, its steps described
                fields = [c for c in child.children if c.style == "text"]
                steps = [c for c in child.children if c.style != "text"]
                self._task_from_text(child, node, child.id or "t", area=area, kind="item", fields=fields, steps=steps)
                continue
            if (
                child.style in _FIELD_ITEM_STYLES
                and child.children
                and zone not in _NOT_TASK_ZONES
                and not child.text.endswith(":")
                and all(_read_fields(c.text) for c in child.children)
            ):
                # an item followed by its fields ("- Cơ quan chủ trì: …", "Thời gian: …"): one task
                self._task_from_text(child, node, child.id or "t", area=area, kind="item", fields=child.children)
                continue
            if zone not in _NOT_TASK_ZONES and (heading_fields := _heading_task_fields(child)):
                # "#### 2.3. <task>" then "- **Chủ trì:** …", "- **Thời gian hoàn thành:** …" and a paragraph
                # describing it: the heading is the task, its field lines read as an item's
                self._task_from_text(child, node, child.id or "t", area=area, kind="item", fields=heading_fields)
                continue
            if child.children and zone not in _NOT_TASK_ZONES:
                child.lead = _heading_party(child.text) if child.style not in {"roman", "phan"} else None
            if self._is_heading(child):
                heading_zone, strong = _zone_of_heading(child.text)
                child_zone = zone
                if heading_zone is not None and (zone in {None, "other"} or (strong and zone != "tasks")):
                    child_zone = heading_zone
                elif zone == "tasks" and _objectives_label(child.text):
                    child_zone = "objectives"  # "1.1. Mục tiêu", "a) Mục tiêu:" inside an area: outcomes, not tasks
                if child_zone is None and child.style in {"roman", "phan"}:
                    child_zone = "other"
                child_area = match_area(child.text) if not fold(child.text).startswith(("muc", "yeu cau")) else None
                if child.style.startswith("crit") and child_area is None:
                    child_area = area
                if child_area is None:
                    child_area = area
                if child_zone is None and child_area is not None:
                    child_zone = "tasks"
                self._section(child, zone=child_zone, area=child_area)
                if child_zone == "tasks" and child.para is not None:
                    self._heading_fields(child)
                if child.lead is not None and child.para is not None:
                    # "1. Phòng Nội vụ:" heading duties: the body leads each of them
                    self._set_section(child, responsibility=Responsibility(lead=child.lead))
                    self.build.source(
                        f"$.sections[{child.section_index}].responsibility", child.para.origin(), kind="subject"
                    )
                self._walk(child, zone=child_zone, area=child_area, prefix=child.id or "")
            else:
                if group_tasks and self._group_field_line(child, group_tasks, zone=zone):
                    group_tasks = range(0)
                    continue
                before = len(self.tasks)
                consumed = self._item(child, node, zone=zone, area=area)
                if label_lead is not None:
                    for index in range(before, len(self.tasks)):
                        self.give_task(index, Assignment(lead=[label_lead[0]]), label_lead[1])
                if child.children and not consumed:
                    self._walk(child, zone=zone, area=area, prefix=child.id or "")
                group_tasks = range(before, len(self.tasks)) if child.text.endswith(":") else range(0)

    def _heading_fields(self, node: _Node) -> None:
        """A group heading's own lead or time: "Quý I/2024:" is its tasks' deadline, "… (X chủ trì)" their lead."""
        assert node.para is not None  # noqa: S101 - sections come from paragraphs
        text = node.text.rstrip(":").strip()
        if _TIMEISH_FIELD.match(text) and len(text.split()) <= 6:
            timeframe, _, notes = _timeframe(text, self.year)
            if timeframe is not None and not any("could not" in note for note in notes):
                self._set_section(node, timeframe=timeframe)
                self.build.source(f"$.sections[{node.section_index}].timeframe", node.para.origin(), kind="item")
            return
        if node.lead is not None:
            return
        bracket = _BODY_BRACKET.search(text)
        if bracket is None or bracket.start() < 5:
            return
        inner = bracket["who"].strip()
        folded = fold(inner)
        bodies = _bare_bodies(inner[: -len(" chủ trì")]) if folded.endswith(" chu tri") else _bracket_bodies(inner)
        if len(bodies) == 1:
            node.lead = bodies[0]

    def _section(self, node: _Node, *, zone: str | None, area: ReformArea | None) -> None:
        assert node.para is not None  # noqa: S101 - sections come from paragraphs
        node.is_section = True
        node.zone = zone
        kind = SectionKind.GROUP
        criterion = None
        if node.style in {"roman", "phan"}:
            kind = SectionKind.PART
        if node.style.startswith("crit"):
            kind = SectionKind.CRITERION
            criterion = node.label
        elif match_area(node.text) is not None and zone == "tasks":
            kind = SectionKind.AREA
        depth = 1
        parent = node.parent
        while parent is not None and parent.style != "root":
            depth += 1
            parent = parent.parent
        heading = node.text.rstrip(":").strip() or (node.label or "?")
        parent_id = node.parent.id if node.parent is not None and node.parent.is_section else None
        section = Section(
            heading=heading,
            id=_safe_id(node.id),
            label=node.label,
            level=min(depth, 8),
            parent=_safe_id(parent_id),
            kind=kind,
            area=area
            if kind in {SectionKind.AREA, SectionKind.CRITERION}
            else match_area(node.text)
            if zone == "tasks"
            else None,
            criterion=_safe_id(criterion),
            source=node.para.origin(),
        )
        node.section_index = len(self.sections)
        self.sections.append(section)
        self.section_nodes.append(node)
        self.build.source(f"$.sections[{node.section_index}]", node.para.origin(), kind="item")

    def _set_section(self, node: _Node, **changes: Any) -> None:
        if node.section_index is None:
            return
        self.sections[node.section_index] = attrs.evolve(self.sections[node.section_index], **changes)

    def _text_paragraph(  # noqa: PLR0915, C901, PLR0912
        self, child: _Node, parent: _Node, *, zone: str | None, area: ReformArea | None, siblings: list[_Node]
    ) -> None:
        assert child.para is not None  # noqa: S101
        text = child.text
        folded = fold(text)
        if _CLOSING.search(folded):
            self._closing(child.para)
            return
        if (
            folded.startswith(("(kem theo", "(nhiem vu cu the", "(chi tiet"))
            or _APPENDIX_POINTER.search(folded)
            or table_note(text)
        ):
            self._section_text(parent, text)
            return
        if _FUNDING_SENTENCE.match(folded):
            # "Kinh phí kiểm tra được bố trí trong dự toán …" closing the duties: how the plan is paid for
            self.funding.append(text)
            self.build.source(f"$.funding[{len(self.funding) - 1}]", child.para.origin(), kind="paragraph")
            return
        if parent.is_section and zone == "tasks" and _LEADS_WHAT_FOLLOWS.match(text) and starts_party(text):
            # "Văn phòng Sở chủ trì thực hiện các nội dung sau:": the body leads the section's items
            lead = subject_lead(text)
            if lead is not None:
                self._set_section(parent, responsibility=Responsibility(lead=lead))
                self.build.source(
                    f"$.sections[{parent.section_index}].responsibility", child.para.origin(), kind="assignment"
                )
                return
        group_fields = _read_fields(text) if parent.is_section else None
        given = group_line(text)
        if folded.startswith(_GROUP_ASSIGNMENT) or group_fields or given:
            if group_fields and not folded.startswith(_GROUP_ASSIGNMENT):
                assignment, _ = _fields_assignment(group_fields)  # "Đơn vị thực hiện: …" for the group
            elif given is not None:
                # "Giao Phòng Nội vụ chủ trì; thời gian thực hiện: …", "Phòng Nội vụ chủ trì thực hiện các nội
                # dung sau; thời gian: …" ("Các nội dung trên giao …": from "giao" on)
                assignment = read_assignment(given)
            else:
                body = re.sub(r"^[^:]*:\s*", "", text, count=1) if not folded.startswith("thoi gian") else text
                assignment = read_assignment(body)
            if assignment is not None and parent.is_section:
                changes: dict[str, Any] = {}
                responsibility = assignment.responsibility()
                if responsibility is not None:
                    changes["responsibility"] = responsibility
                if assignment.time:
                    timeframe, confidence, notes = _timeframe(assignment.time, self.year)
                    if timeframe is not None:
                        changes["timeframe"] = timeframe
                    self.build.source(
                        f"$.sections[{parent.section_index}].timeframe",
                        child.para.origin(),
                        written=assignment.time,
                        kind="assignment",
                        factor=confidence,
                        doubts=notes,
                        certainty=Certainty.UNCERTAIN if timeframe is None else Certainty.STATED,
                    )
                if changes:
                    for target in [parent, *self._shared_with(parent, text)]:
                        self._set_section(target, **changes)
                        if "responsibility" in changes:
                            self.build.source(
                                f"$.sections[{target.section_index}].responsibility",
                                child.para.origin(),
                                kind="assignment",
                            )
                return
        if zone in {"purposes", "requirements"}:
            self._purpose(parent, text, child.para, zone)
            return
        if zone == "objectives":
            self._objective(child, parent, area)
            return
        if zone == "funding":
            self.funding.append(text)
            self.build.source(f"$.funding[{len(self.funding) - 1}]", child.para.origin(), kind="paragraph")
            return
        if zone == "legal":
            self._references(child.para, "Căn cứ")
            return
        if zone == "results":
            self._result(child.para)
            self._section_text(parent, text)
            return
        if zone == "tasks" and parent.is_section and parent.style != "root" and self._looks_like_task(text):
            tasks = [
                s
                for s in siblings
                if self._looks_like_task(s.text)
                and not _CLOSING.search(fold(s.text))
                and not fold(s.text).startswith(("phan cong", "trach nhiem thuc hien", "(", "thoi gian"))
            ]
            number = tasks.index(child) + 1 if child in tasks else 1
            wanted = parent.id if len(tasks) == 1 else f"{parent.id}.{number}"
            self._task_from_text(child, parent, wanted or "t", area=area, kind="paragraph", fields=child.children)
            return
        if parent.is_section:
            self._section_text(parent, text)
            return
        inline = _inline_items(text) if zone in {None, "tasks", "other"} else None
        if inline is not None:
            # a news item's "Hình thức: (a) <form>: <body> <action>; (b) …": each item a task, its body the lead
            _, items = inline
            for label, item in items:
                node = _Node(style="letter", label=label, text=item, para=child.para, parent=parent)
                node.id = f"{parent.id}.{label}" if parent.id else label
                self._task_from_text(node, parent, node.id, area=area, kind="paragraph")
            return
        if parent.style == "root":
            self.preamble.append(child.para)
            return
        self.build.place(child.para)

    def _shared_with(self, section: _Node, text: str) -> list[_Node]:
        """Other criteria a group assignment names ("Trách nhiệm thực hiện (chung cho Tiêu chí 3.2 và 3.3): …")."""
        shared = re.match(r"^[^:]*\(\s*chung cho[^()]*\)", text, re.IGNORECASE)
        if not shared:
            return []
        codes = set(re.findall(r"[0-9]+(?:\.[0-9]+)+", shared.group(0)))
        return [
            node
            for node in self.section_nodes
            if node is not section and node.style.startswith("crit") and node.label in codes
        ]

    @staticmethod
    def _looks_like_task(text: str) -> bool:
        return len(text) > 15 and not text.endswith(":")

    def _section_text(self, parent: _Node, text: str) -> None:
        if parent.section_index is None or not text.strip():
            return
        current = self.sections[parent.section_index].text
        self._set_section(parent, text=f"{current} {text}" if current else text)

    def _purpose(self, parent: _Node, text: str, para: Para, zone: str) -> None:
        heading = fold(parent.text)
        if "yeu cau" in heading and "muc dich" not in heading:
            zone = "requirements"
        elif "muc dich" in heading and "yeu cau" not in heading:
            zone = "purposes"
        target = self.requirements if zone == "requirements" else self.purposes
        target.append(text)
        self.build.source(f"$.{zone}[{len(target) - 1}]", para.origin(), kind="item")

    def _objective(self, node: _Node, parent: _Node, area: ReformArea | None) -> None:
        assert node.para is not None  # noqa: S101
        try:
            targets = extract_targets(node.text, year=self.year)
        except (ParseError, InvariantError):
            targets = []
        index = len(self.objectives)
        ident = _safe_id(node.id if node.style != "text" else f"{parent.id}.{index + 1}" if parent.id else None)
        if ident is not None and any(o.id == ident for o in self.objectives):
            ident = None
        numbered = [
            attrs.evolve(t, id=f"{ident or 'O' + str(index + 1)}.{k}") if t.id is None else t
            for k, t in enumerate(targets, start=1)
        ]
        try:
            objective = Objective(
                text=node.text,
                id=ident,
                area=area,
                targets=tuple(numbered),
                source=node.para.origin(),
                section=_safe_id(parent.id) if parent.is_section else None,
            )
        except InvariantError:
            objective = Objective(text=node.text, id=ident, area=area, source=node.para.origin())
        self.objectives.append(objective)
        self.build.source(f"$.objectives[{index}]", node.para.origin(), kind="item")

    def _item(self, node: _Node, parent: _Node, *, zone: str | None, area: ReformArea | None) -> bool:  # noqa: C901, PLR0912
        """Read one numbered item; True when its sub-items were read with it."""
        assert node.para is not None  # noqa: S101
        folded = fold(node.text)
        if zone in {"purposes", "requirements"}:
            self._purpose(parent, node.text, node.para, zone)
            return False
        if zone == "objectives":
            self._objective(node, parent, area)
            return False
        if zone == "funding":
            self.funding.append(node.text)
            self.build.source(f"$.funding[{len(self.funding) - 1}]", node.para.origin(), kind="item")
            return False
        if zone == "legal":
            self._references(node.para, None)
            return False
        if "chot so lieu" in folded or ("bao cao" in folded[:30] and node.style == "plus" and "tu ngay" in folded):
            self._reporting(node)
            return True
        if (
            zone in {None, "other", "results"}
            and node.style in _FIELD_ITEM_STYLES
            and (_fielded_task(node.text) or amendment(node.text) is not None)
        ):
            # "Rà soát …. Thời gian: quý II; trách nhiệm: …": an item giving its own lead and time is a task;
            # so is a task a changing plan quotes ("Nhiệm vụ “…”: điều chỉnh …"), or it is dropped
            self._task_from_text(node, parent, node.id or "t", area=area, kind="item")
            return False
        if zone == "results":
            self._result(node.para)
            self._section_text(parent, node.text)
            return False
        if node.style == "dieu":
            if "ban hanh kem theo" in folded or "co hieu luc" in folded:
                return False
            self._task_from_text(node, parent, node.id or "QD", area=area, kind="item")
            return False
        if zone == "tasks":
            if node.text.endswith(":") and node.children:
                return False
            if self._labelled_item(node, parent, area=area):
                return False
            self._task_from_text(node, parent, node.id or "t", area=area, kind="item")
            return False
        if parent.is_section:
            self._section_text(parent, node.text)
            return False
        self.build.place(node.para)
        return False

    def _section_lead(self, node: _Node | None) -> Party | None:
        """The lead the nearest section above ``node`` states for its items (its heading's body, a "Chủ trì:" line)."""
        current = node
        while current is not None:
            if current.is_section and current.section_index is not None:
                stated = self.sections[current.section_index].responsibility
                if stated is not None and stated.lead is not None:
                    return stated.lead
            current = current.parent
        return None

    def _group_field_line(self, node: _Node, tasks: range, *, zone: str | None) -> bool:
        """A "- Phân công: <body> chủ trì; …; thời gian: …" line after a label and its items: the items' lead and time.

        Plans list a group's items under a label ("- Giải pháp:", "+ …", "+ …") and close the group with one
        line that assigns all of them. Each item without a lead or time of its own takes the line's. True when
        ``node`` was such a line (and is consumed).
        """
        assert node.para is not None  # noqa: S101
        if zone in _NOT_TASK_ZONES or node.children:
            return False
        fields = _read_fields(node.text)
        if not fields or fields[0][0] not in {"assignment", "lead", "doers"}:
            return False
        assignment, _ = _fields_assignment(fields)
        if assignment is None or not assignment.lead:
            return False
        for index in tasks:
            self.give_task(index, assignment, node.para.origin())
        return True

    def _labelled_item(self, node: _Node, parent: _Node, *, area: ReformArea | None) -> bool:
        """The parts of a remedial plan's item: "- Hạn chế: …", "- Giải pháp: …", "- Giao: …" make one task.

        The shortcoming is the section's text, the remedy the task, the assignment its
        responsibility and time. True when ``node`` was such a part.
        """
        assert node.para is not None  # noqa: S101
        found = _LABELLED_PART.match(node.text)
        if not found:
            return False
        label = fold(found["label"]).strip()
        rest = found["rest"].strip()
        if label in _SHORTCOMING_LABELS:
            self._section_text(parent, node.text)
            return True
        if label in _REMEDY_LABELS:
            remedy = _Node(style=node.style, label=node.label, text=rest, para=node.para, parent=parent, id=node.id)
            self._task_from_text(remedy, parent, node.id or "t", area=area, kind="item")
            self.remedy_parent = parent
            return True
        if label in _ASSIGN_LABELS:
            assignment = read_assignment(rest)
            last = len(self.tasks) - 1
            if assignment is None or last < 0 or self.remedy_parent is not parent:
                return False
            self.give_task(last, assignment, node.para.origin())
            self.remedy_parent = None
            return True
        return False

    def _body_keyed(
        self, led: Sequence[tuple[tuple[str | tuple[str, str], ...], Assignment]], written: str, origin: SourceLocation
    ) -> None:
        """The rows of a line giving a body its tasks by number, merged with those of earlier lines by task.

        A task two lines name ("A chủ trì nhiệm vụ số 6", "B cùng A chủ trì nhiệm vụ số 6") is led by
        every body either names as its lead; a body one line names as a partner and another as a lead leads.
        """
        for keys, given in led:
            for key in keys:
                earlier = self.body_keys.get(key)
                if earlier is None:
                    self.body_keys[key] = len(self.keyed)
                    self.keyed.append(
                        KeyedRow(keys=(key,), written=written, assignment=given, origin=origin, kind="assignment")
                    )
                    continue
                row = self.keyed[earlier]
                lead = _unique_parties([*row.assignment.lead, *given.lead])
                partners = [
                    p for p in _unique_parties([*row.assignment.coordinating, *given.coordinating]) if p not in lead
                ]
                self.keyed[earlier] = attrs.evolve(
                    row, assignment=Assignment(lead=lead, coordinating=partners), written=f"{row.written} {written}"
                )

    def _task_from_text(  # noqa: PLR0915, C901, PLR0912, PLR0913 - the parts of one task
        self,
        node: _Node,
        parent: _Node,
        wanted: str,
        *,
        area: ReformArea | None,
        kind: str,
        fields: Sequence[_Node] = (),
        steps: Sequence[_Node] = (),
    ) -> None:
        assert node.para is not None  # noqa: S101
        order = field_order(node.text) if not fields else None
        if order is not None:  # "(Ghi theo thứ tự: nhiệm vụ » bộ phận phụ trách » thời hạn)": a note, no task
            self.field_order = tuple(order)
            self._section_text(parent, node.text)
            return
        if not fields and len(node.text) < _NOTE_LENGTH and _BOLD_LEAD_NOTE.search(fold(node.text)):
            self._section_text(parent, node.text)  # "Đơn vị in đậm là đơn vị chủ trì": a note, read by the lines
            return
        spelled = abbreviation_note(node.text) if not fields else None
        if spelled is not None:  # "Ghi chú: CT - cơ quan chủ trì; TG - thời gian hoàn thành": a note, no task
            self.field_abbreviations.update(spelled)
            self._section_text(parent, node.text)
            return
        if (
            not fields
            and parent.is_section
            and "to chuc thuc hien" in fold(parent.text)
            and self._general_duty(node, parent)
        ):
            return
        # "Nhiệm vụ 1.1, 1.2: Phòng Nội vụ chủ trì; Quý II" (or "2.1 - 2.3: …", whose first number was taken
        # for the item's): the fields of the tasks so numbered
        whole = node.para.text.strip().lstrip("-+•–* ").strip()
        listed = keyed_line(node.text) or (keyed_line(whole) if node.label and node.label[:1].isdigit() else None)
        if listed is not None:
            keys, given = listed
            kind, origin = given.lead_kind(), node.para.origin()
            self.keyed.append(KeyedRow(keys=keys, written=whole, assignment=given, origin=origin, kind=kind))
            return
        led = body_keyed_line(node.text) if not fields else None
        if led is not None:  # "Sở Nội vụ chủ trì các nhiệm vụ số 1, 4 và 8": the tasks a body leads, by number
            self._body_keyed(led, whole, node.para.origin())
            return
        addresses = _cross_reference(node.text)
        if addresses and (lead := subject_party(node.text)) is not None:
            # "Phòng Nội vụ chủ trì thực hiện các nhiệm vụ tại khoản 1, điểm a khoản 3 Mục II": an assignment
            self.cross_references.append((node, lead, addresses))
            return
        text = _without_footnote_marks(node.text)
        changed = amendment(text)
        if changed is not None and changed.change == "dropped":
            # "Bãi bỏ nhiệm vụ “…”": a task the plan drops is no task; its line kept among the unplaced
            self.build.place(node.para)
            self.build.doubts.append(f"a task dropped by the plan is not read as a task: {changed.title}")
            return
        if changed is not None:  # "Nhiệm vụ “…” (…): điều chỉnh thời gian từ “…” thành “…”": the task as changed
            text = f"{changed.title}. {changed.fields}" if changed.fields else changed.title
        labelled = _colon_lead(text)
        if labelled is not None:
            text = labelled[1]  # "- Sở Tư pháp: Rà soát … (Quý III)": the body before the colon leads
        bracketed = _bracket_lead(text) if labelled is None else None
        if bracketed is not None:
            text = bracketed[1]  # "[Phòng Kinh tế] Triển khai … – Hạn: quý I/2026.": the bracket before the task
        separated = (
            _separated_slot(text, self.field_order, self.field_abbreviations)
            if self.field_order or self.field_abbreviations
            else None
        )
        title, assignment = separated if separated is not None else _split_assignment(text)
        if bracketed is not None:
            assignment = _with_bracket(bracketed[0], assignment)
        if assignment is None:
            title, bracket = _time_bracket(title, self.year)
            if bracket is not None:
                assignment = Assignment(time=bracket)
        passive = False
        if assignment is None and not fields:
            assignment = passive_doer(
                title
            )  # "… do công chức Tư pháp thực hiện trong quý II.": the sentence stays whole
            passive = assignment is not None
        responsibility_origin: SourceLocation | None = None
        time_origin: SourceLocation | None = None
        outputs: list[str] = []
        outputs_origin: SourceLocation | None = None
        measures: list[Target] = []
        measures_origin: SourceLocation | None = None
        budget: Budget | None = None
        budget_doubts: tuple[str, ...] = ()
        budget_origin: SourceLocation | None = None
        if fields:
            stated, outputs = _fields_assignment(
                [pair for child in fields for pair in (_read_fields(child.text) or [])]
            )
            lines = [child.para for child in fields if child.para is not None]
            origin_of = {role: line.origin() for line in reversed(lines) for role, _ in (_read_fields(line.text) or [])}
            if stated is not None:
                own = assignment or Assignment()
                assignment = Assignment(
                    lead=stated.lead or own.lead,
                    coordinating=stated.coordinating or own.coordinating,
                    implementing=stated.implementing or own.implementing,
                    time=stated.time or own.time,
                )
                responsibility_origin = next(
                    (origin_of[r] for r in ("lead", "doers", "assignment", "partners") if r in origin_of), None
                )
                time_origin = origin_of.get("time") or origin_of.get("assignment")
            outputs_origin = origin_of.get("output")
            for child in fields:
                for role, value in _read_fields(child.text) or []:
                    if role == "budget" and budget is None and child.para is not None:
                        budget, budget_doubts = budget_phrase(value)  # "Kinh phí: 20 triệu đồng (ngân sách huyện)."
                        budget_origin = child.para.origin()
                    if role != "measure":
                        continue
                    read = extract_targets(value, year=self.year)
                    if read and child.para is not None:
                        measures.extend(read)
                        measures_origin = measures_origin or child.para.origin()
                    elif child.para is not None:
                        self.build.place(child.para)  # a measure the target grammar cannot read: kept as written
        responsibility = assignment.responsibility() if assignment is not None else None
        responsibility_kind = "subject" if passive else "assignment"
        slot = assignment if isinstance(assignment, SlotAssignment) else None
        if slot is not None:
            responsibility_kind = slot.lead_kind()  # under a label, told by its name, or guessed
        shaped = any(role == "lead_loose" for child in fields for role, _ in (_read_fields(child.text) or []))
        if responsibility is not None and (_lead_by_shape(text) or shaped):
            responsibility_kind = "label"  # "(Bộ phận phụ trách: …)": a label known by its shape, not its words
        if labelled is not None and (responsibility is None or responsibility.lead is None):
            responsibility = _with_lead(responsibility, labelled[0])
            responsibility_kind = "label"
        if responsibility is None or responsibility.lead is None:
            subject = _subject_of(title)
            if subject is not None:
                responsibility = _with_lead(responsibility, subject)
                responsibility_kind = "subject"
        if responsibility is None or responsibility.lead is None:
            inherited = _inherited_lead(node)
            if inherited is not None:
                # "- Văn phòng UBND: Chủ trì …" then "+ Phối hợp …": the body named above leads
                responsibility = _with_lead(responsibility, inherited)
                responsibility_kind = "inferred"
                responsibility_origin = None
        if responsibility is not None and responsibility.lead is None:
            above = self._section_lead(parent)
            if above is not None:
                # "- … (Khoa Nội phối hợp)" under "3. Khoa Dinh dưỡng": a partner of its own, the heading's lead
                responsibility = _with_lead(responsibility, above)
        if responsibility is not None and isinstance(responsibility.lead, SingleParty):
            node.lead = node.lead or responsibility.lead
        title = title.rstrip(" ;,") if title.rstrip().endswith((";", ",")) else title
        time_text = assignment.time if assignment is not None else None
        time_kind = "subject" if passive else "assignment"
        if slot is not None:
            time_kind = slot.time_kind()
        closing = _CLOSING_TIME.search(title) if not time_text and fields and responsibility_kind != "subject" else None
        if closing is not None and _times_in_fields_elsewhere(node):
            # the plan's other items give their times in field lines: a time this item writes only in its own
            # sentence is part of the sentence (its bounds read below, as any time in a sentence)
            closing = None
        if closing is not None and _time_in_text(closing["time"], self.year) == closing["time"]:
            # "<task>, hoàn thành trước ngày 31/3/2024." over its own field lines: the clause is the task's time
            title, time_text = title[: closing.start()].rstrip(), closing["time"]
        if not time_text:
            time_text = _time_in_text(title, self.year)
            time_kind = "subject"  # a phrase inside the sentence: its bounds are the reader's guess
        section = parent if parent.is_section else _section_above(parent)
        if kind == "item" and (node.style == "dieu" or _under_organisation(section)):
            kind = "paragraph"  # a duty in "Tổ chức thực hiện" or a decision's article: a task only perhaps
        criteria = [section.label] if section is not None and section.style.startswith("crit") and section.label else []
        if node.style.startswith("crit") and node.label:
            criteria = [node.label]
        added = len(self.tasks)
        self.add_task(
            wanted_id=wanted,
            title=title,
            origin=node.para.origin(),
            kind=kind,
            section=section,
            area=area,
            responsibility=responsibility,
            responsibility_origin=responsibility_origin,
            responsibility_kind=responsibility_kind,
            timeframe_text=time_text,
            timeframe_origin=time_origin,
            timeframe_kind=time_kind,
            outputs=outputs,
            outputs_origin=outputs_origin,
            targets=measures,
            targets_origin=measures_origin,
            budget=budget,
            budget_origin=budget_origin,
            budget_doubts=budget_doubts,
            criteria=[c for c in criteria if _safe_id(c)],
            description=" ".join(step.text for step in steps) or None,
        )
        if steps and steps[0].para is not None and len(self.tasks) > added:
            self.build.source(f"$.tasks[{added}].description", steps[0].para.origin(), kind="item")

    def _general_duty(self, node: _Node, parent: _Node) -> bool:
        """A duty of "Tổ chức thực hiện" that only carries the plan out and reports: an obligation, not a task.

        "Thủ trưởng các phòng … căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về UBND huyện
        (qua Phòng Nội vụ) trước ngày 15 tháng cuối quý", "Phòng Nội vụ giúp UBND huyện theo dõi, đôn đốc,
        tổng hợp báo cáo … theo quy định": every clause a generic duty (carry out, follow up, sum up, report)
        and a report with its schedule. A duty naming its own work ("xây dựng kế hoạch tuyên truyền …"),
        or a report without a schedule, stays a task. True when read so.
        """
        assert node.para is not None  # noqa: S101
        folded = fold(node.text).strip(" ./")
        if _CARRY_OUT_ONLY.match(folded) or (_CLOSING.search(folded) and "bao cao" in folded):
            # "… căn cứ Kế hoạch này triển khai thực hiện." or "Trong quá trình thực hiện, nếu có vướng mắc … báo cáo"
            if _CLOSING.search(folded):
                self.obligations.append(ReportingObligation(text=node.text, source=node.para.origin()))
                self.build.source(f"$.obligations[{len(self.obligations) - 1}]", node.para.origin(), kind="paragraph")
            self._section_text(parent, node.text)
            return True
        duty = _general_duty_of(node.text)
        if duty is None:
            return False
        reporter, recipient, when = duty
        timeframe = None
        doubts: tuple[str, ...] = ()
        if when is not None:
            timeframe, _, doubts = _timeframe(when, self.year)
        try:
            obligation = ReportingObligation(
                reporter=reporter, recipient=recipient, timeframe=timeframe, text=node.text, source=node.para.origin()
            )
        except InvariantError:  # pragma: no cover - the text is always there
            return False
        self.obligations.append(obligation)
        self.build.source(
            f"$.obligations[{len(self.obligations) - 1}]",
            node.para.origin(),
            written=when,
            kind="subject",
            doubts=doubts,
        )
        self._section_text(parent, node.text)
        return True

    def _apply_cross_reference(self, node: _Node, lead: SingleParty, addresses: list[str]) -> None:
        """The lead of the tasks the plan's own numbers address; a doubt for a number that addresses none."""
        assert node.para is not None  # noqa: S101
        for address in addresses:
            addressed = [index for index, task in enumerate(self.tasks) if _addresses(address, task.id)]
            hits = [i for i in addressed if (r := self.tasks[i].responsibility) is None or r.lead is None]
            if not addressed:
                self.build.doubts.append(
                    f"line {node.para.first}: the tasks at {address!r} that {lead.label!r} is given were not found"
                )
            for index in hits:
                task = self.tasks[index]
                own = task.responsibility
                self.tasks[index] = attrs.evolve(
                    task,
                    responsibility=Responsibility(
                        lead=lead,
                        coordinating=own.coordinating if own else (),
                        implementing=own.implementing if own else (),
                    ),
                )
                self.build.source(
                    f"$.tasks[{index}].responsibility",
                    node.para.origin(),
                    kind="inferred",
                    certainty=Certainty.INFERRED,
                    written=node.text,
                )

    # -- other parts ------------------------------------------------------------------------

    def _closing(self, para: Para) -> None:
        if self.closing is None:
            self.closing = para.text
            self.closing_origin = para.origin()
            self.build.source("$.closing", para.origin(), kind="paragraph")
        else:
            self.closing = f"{self.closing} {para.text}"
        if "bao cao" in fold(para.text) or "phan anh" in fold(para.text):
            self.obligations.append(ReportingObligation(text=para.text, source=para.origin()))
            self.build.source(f"$.obligations[{len(self.obligations) - 1}]", para.origin(), kind="paragraph")

    def _reporting(self, node: _Node) -> None:
        assert node.para is not None  # noqa: S101
        from parplan.text import parse_period_label

        text = node.text
        label = text.split(":", 1)[0]
        try:
            period = parse_period_label(label.replace("Báo cáo", "").replace("tổng hợp", "").strip(), locale="vi")
        except (ParseError, InvariantError, ValueError):
            for child in node.children:
                self._reporting(child)
            return
        days = [_day(m) for m in re.finditer(r"([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})", text)]
        days = [d for d in days if d is not None]
        folded = fold(text)
        data_from = data_to = estimate_from = estimate_to = due = None
        if "cham nhat" in folded or "thoi han" in folded:
            due, days = (days[0], days[1:]) if days else (None, days)
        if len(days) >= 2:
            data_from, data_to = days[0], days[1]
        if len(days) >= 4 and "uoc" in folded:
            estimate_from, estimate_to = days[2], days[3]
        try:
            line = ReportingLine(
                period=period,
                data_from=data_from,
                data_to=data_to,
                estimate_from=estimate_from,
                estimate_to=estimate_to,
                due=due,
                text=text,
            )
        except InvariantError:
            return
        doubts = []
        if data_from and data_to and data_from > data_to:
            doubts.append(f"the cut-off window starts on {data_from} after it ends on {data_to}")
        if due and data_to and due < data_to and not estimate_to:
            doubts.append(f"the report is due on {due}, before its data end on {data_to}")
        if due and period.year != due.year:
            doubts.append(f"the report for {period} is due in {due.year}")
        self.reporting.append(line)
        self.build.source(f"$.reporting[{len(self.reporting) - 1}]", node.para.origin(), kind="item", doubts=doubts)

    def _references(self, para: Para, introducer: str | None) -> None:
        try:
            references = extract_references(para.text)
        except (ParseError, InvariantError):
            references = []
        if not references:
            self.build.place(para)
            return
        folded = fold(para.text)
        for reference in references:
            target = (
                self.implements if reference.kind == "Kế hoạch" or folded.startswith("thuc hien") else self.legal_bases
            )
            name = "implements" if target is self.implements else "legal_bases"
            target.append(reference)
            self.build.source(f"$.{name}[{len(target) - 1}]", para.origin(), kind="reference")
        _ = introducer

    def _result(self, para: Para) -> None:
        text = para.text
        score = _RESULT_SCORE.search(text)
        rank = _RESULT_RANK.search(text)
        if not (score or rank):
            return
        years = [int(y) for y in _YEAR.findall(text)]
        if not years:
            return
        framework = "sipas" if "sipas" in fold(text) or "hai long" in fold(text) else "par_index"
        change = _RESULT_CHANGE.search(text)
        try:
            result = IndexResult(
                framework=framework,
                year=years[0] if framework == "sipas" or len(years) == 1 else min(years[1:], key=lambda y: -y),
                score=Decimal(score["score"].replace(",", ".")) if score else None,
                rank=int(rank["rank"]) if rank else None,
                out_of=int(rank["of"]) if rank else None,
                rank_change=(int(change["n"]) * (1 if change["dir"] == "tăng" else -1)) if change else None,
                text=text,
            )
        except InvariantError:
            return
        self.results.append(result)
        self.build.source(f"$.results[{len(self.results) - 1}]", para.origin(), kind="paragraph")


_CLOSING_TIME: Final = vi_compile(
    r",\s+(?:hoàn thành|thực hiện|triển khai)\s+(?P<time>(?:trong|trước|thường xuyên|h[àằ]ng|định kỳ|từ|chậm nhất)"
    r"[^,;.()]{0,50}?)\s*\.?\s*$"
)
"""A clause closing a task's sentence with its time (", hoàn thành trước ngày 31/3/2024.")."""


def _times_in_fields_elsewhere(node: _Node) -> bool:
    """Whether the other items of ``node``'s part of the plan give their times in field lines rather than clauses.

    "1.1. <task>." over "- Thời gian hoàn thành: Quý III/2024.", then "2.2. <task>, hoàn thành trước ngày
    30/9/2024." over a lead's line only: the plan's convention is the field line, and the clause closing the
    one item without it is a time written in its sentence. In a plan whose items mostly close with such a
    clause over lines naming only their leads (one of them may have a time line), the clause is the items'
    time slot.
    """
    part = node
    while part.parent is not None and part.parent.parent is not None:
        part = part.parent
    fielded = closed = 0
    stack = list(part.children)
    while stack:
        item = stack.pop()
        stack.extend(item.children)
        if item is node or item.style not in _FIELD_ITEM_STYLES or not item.children:
            continue
        if any(role == "time" for child in item.children for role, _ in (_read_fields(child.text) or [])):
            fielded += 1
        elif _CLOSING_TIME.search(item.text):
            closed += 1
    return fielded > closed


def _given_on_its_line(text: str) -> bool:
    """Whether an item names its lead and its time on its own line (labelled fields, a bracket, dashes)."""
    given = _split_assignment(text)[1]
    return given is not None and bool(given.lead) and bool(given.time)


def _own_hand_over(last: _Node, following: Sequence[Block], fields: Sequence[tuple[str, str]]) -> bool:
    """Whether a "Giao <body> chủ trì …" line is the item's above it, not its group's.

    It is when it names a lead and sits between two items of one list ("- <task>", "Giao …", "- <task>"),
    or when an item before the last has such a line of its own: the plan hands its items over in turn (an
    item between them may be handed over in its own words, or not at all).
    """
    if not fields or fields[0][0] != "lead" or last.style not in _FIELD_ITEM_STYLES or last.parent is None:
        return False
    after = following[0] if following else None
    if isinstance(after, Para) and _marker(after.text)[0] == last.style:
        return True
    siblings = [n for n in last.parent.children if n.style == last.style and n is not last]
    return any(any(fold(c.text).startswith("giao") and _read_fields(c.text) for c in n.children) for n in siblings)


def _heading_task_fields(node: _Node) -> list[_Node]:
    """The field lines that make a numbered heading one task ("1.2. <task>", "Chủ trì: …", "Thời gian: …", text).

    A heading is a task when its field lines come first under it and name its lead or its time, and at most one
    paragraph describing it follows them (then only when they give its time: a lead alone over paragraphs is a
    group's); a heading over items or over several paragraphs stays a section. [] if not.
    """
    if node.style not in _FIELD_ITEM_STYLES or not node.children or node.text.endswith(":"):
        return []
    fields: list[_Node] = []
    for position, child in enumerate(node.children):
        if child.style == "text" and not child.children and _read_fields(child.text):
            if len(fields) < position:
                return []  # a field line after the describing text is no longer the heading's
            fields.append(child)
        elif child.style != "text" or child.children or child.grid is not None:
            return []
    roles = {role for child in fields for role, _ in (_read_fields(child.text) or [])}
    if len(node.children) - len(fields) > 1 or (len(node.children) > len(fields) and "time" not in roles):
        return []  # "2. <area>", "Chủ trì: …" then paragraphs: the group's lead over tasks of their own
    return fields if roles & {"lead", "doers", "time", "assignment"} else []


def _paragraph_owner(node: _Node) -> _Node | None:
    """The unnumbered paragraph a field line follows, when it is the paragraph's own, or None.

    Plans without numbered items write each task as a paragraph followed by its own line of fields
    ("*Tham mưu thực hiện: …; thời hạn: ….*"). The line is the paragraph's when it follows it directly and
    the paragraph before (if any) had its own line too; after two bare paragraphs, or right under a heading,
    the line is the group's (read elsewhere).
    """
    if node.style == "root" or not node.children:
        return None
    last = node.children[-1]
    if (
        last.style != "text"
        or last.children
        or last.para is None
        or len(last.text) <= 15
        or last.text.endswith(":")
        or _read_fields(last.text)
        or fold(last.text).startswith(_GROUP_ASSIGNMENT)
    ):
        return None
    before = node.children[-2] if len(node.children) > 1 else None
    if before is not None and before.style == "text" and not before.children:
        return None
    return last


def _walked(items: Sequence[Block]) -> tuple[list[Block], frozenset[str]]:
    """The blocks as the body is walked, and the item styles the plan writes a field line after, item by item.

    The blocks have their lost numbering restored and their parted values and headings joined; the styles are
    :func:`parplan.read.items.lines_each`'s.
    """
    walked = _join_part_headings(_join_listed_field_values(_nest_restarted_numbering(_restore_lost_numbering(items))))
    return walked, lines_each(walked)


def _group_line_style(style: str, text: str) -> str:
    """A bullet's line that gives the items above it is the group's line, written as if it had no bullet.

    "- Giao … chủ trì thực hiện các nội dung trên; thời gian: …" after "- <task>" items is no item of its own.
    """
    if style in {"dash", "plus"} and _GIVEN_TO_GROUP.match(text) and NAMES_ITEMS_ABOVE.search(text):
        return "text"
    return style


def _day(found: re.Match[str]) -> date | None:
    try:
        return date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None


def _with_bracket(bracket: SlotAssignment, given: Assignment | None) -> SlotAssignment:
    """The bracket's lead (and time) with what the task's own slot gives; the task's own lead and time first."""
    own = given or Assignment()
    closing = given if isinstance(given, SlotAssignment) else None
    return SlotAssignment(
        lead=own.lead or bracket.lead,
        coordinating=own.coordinating or bracket.coordinating,
        implementing=own.implementing,
        time=own.time or bracket.time,
        lead_labelled=closing.lead_labelled if own.lead and closing is not None else bracket.lead_labelled,
        time_labelled=closing.time_labelled if own.time and closing is not None else bracket.time_labelled,
        time_read=closing.time_read if own.time and closing is not None else bracket.time_read,
        segments=2,
    )


def _with_lead(responsibility: Responsibility | None, lead: Party) -> Responsibility:
    """``lead`` as the lead of ``responsibility`` (or of a new one), its partners kept."""
    return Responsibility(
        lead=lead,
        coordinating=responsibility.coordinating if responsibility else (),
        implementing=responsibility.implementing if responsibility else (),
    )


def _body_label(node: _Node, following: Sequence[_Node]) -> SingleParty | None:
    """The body an unnumbered line names over the "- " items that follow it ("Khoa Khám bệnh:"), else None.

    A plan that lists its tasks by the unit carrying them may name each unit on a line of its own, closed by a
    colon, without a number: the unit is the lead of each item under it that names none of its own. A line that
    names a topic ("Cải cách thủ tục hành chính:") or says more than a name is no such label.
    """
    text = node.text.strip()
    if not text.endswith(":") or len(text.split()) > 12 or not following or following[0].style not in {"dash", "plus"}:
        return None
    return _heading_party(text)
