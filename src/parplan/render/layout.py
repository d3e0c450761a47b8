"""The shape of a rendered plan, shared by the Markdown and HTML writers.

:func:`layout` turns a plan into a :class:`Document`: a list of plain blocks
(masthead, title, headings, paragraphs, lists, the closing and the appendix
table) holding unescaped text in one language. The writers only escape and
arrange these blocks, so both formats say the same things in the same order.

What is shown as written and what is generated: a Vietnamese rendering shows
the plan's phrases as written when the plan keeps them (timeframes, targets,
budget cells, reporting lines, section headings), so the document stays
faithful to its source; an English rendering always generates its words from
the typed values. The plan's own text (titles, tasks, outputs, names of
bodies) is data and is never translated.

Two shapes: a plan with its own section tree (sections with ids, as a plan
read from a document has them) keeps the plan's headings, numbering and order
("II.", "1.1.", "a)", "Tiêu chí 2.3."), shows each task under its section, a
group's responsibility and timeframe once under its heading, and an item's own
lead and timeframe in its prose ("Chủ trì: …; phối hợp: …; thời gian: …").
What the model keeps plan-wide (purposes, objectives, funding, reports) goes
under the part of the plan that announces it ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC
THỰC HIỆN"), or under an unnumbered heading of its own when no part does. Any
other plan is laid out in the annual-plan template: generated Roman sections,
areas in official order.

Where tasks appear: a plan read from a document with both prose items and an
appendix table (the tasks' ``source`` says which) shows the prose items in the
body and the table rows in the appendix, as the document did. A plan in its
own shape without table rows has no appendix unless asked for one; a plan in
the template shows every task in both places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from parplan.areas import ReformArea
from parplan.frameworks import FRAMEWORKS
from parplan.legal import DOCUMENT_TYPES, DocumentSymbol, LegalReference
from parplan.org import AdminUnit, JointParty, Party, Responsibility, Role, SingleParty
from parplan.plan import (
    Budget,
    IndexResult,
    Objective,
    Plan,
    PlanKind,
    ReportingLine,
    ReportingObligation,
    Section,
    SectionKind,
    Signature,
    Task,
)
from parplan.render.format import (
    and_list,
    format_date,
    format_money,
    format_number,
    format_target,
    format_timeframe,
    inline_timeframe,
    millions,
    ordinal_en,
    period_phrase,
    quantity,
    roman,
)
from parplan.render.messages import CATALOGUE, Locale, message
from parplan.targets import Milestone, Target
from parplan.text.normalize import fold

__all__ = [
    "Block",
    "Bullets",
    "Closing",
    "Document",
    "Heading",
    "Masthead",
    "Paragraph",
    "SectionRow",
    "Table",
    "TaskRow",
    "TaskTable",
    "Title",
    "has_appendix",
    "has_own_shape",
    "layout",
    "printable",
]

BLANK = "\u00a0" * 8
"""What a draft shows where its number or date is still to be filled in (no-break spaces)."""

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS, _ISOLATES, _PDF, _PDI = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068", "\u202c", "\u2069"


def printable(line: str) -> str:
    r"""One line of a plan's text as a document shows it: control characters as U+FFFD, direction changes closed.

    A control character (NUL, escape …) is not text: a browser drops it and a
    terminal obeys it, so it is shown as U+FFFD. A direction override or
    isolate left open (U+202E …) would turn around what follows it on the
    page, so it is closed at the end of the line. Anything else is kept.

    >>> printable("a\x00b\x1b[2J") == "a\ufffdb\ufffd[2J", printable("\u202eabc") == "\u202eabc\u202c"
    (True, True)
    """
    line = _UNPRINTABLE.sub("\ufffd", line)
    if _DIRECTION.search(line) is None:
        return line
    closers: list[str] = []
    for char in _DIRECTION.findall(line):
        if char in _EMBEDDINGS:
            closers.append(_PDF)
        elif char in _ISOLATES:
            closers.append(_PDI)
        elif char == _PDF:
            if closers and closers[-1] == _PDF:
                closers.pop()
        elif _PDI in closers:  # a PDI closes its isolate and whatever was opened inside it
            del closers[len(closers) - 1 - closers[::-1].index(_PDI) :]
    return line + "".join(reversed(closers))


@attrs.frozen(kw_only=True)
class Masthead:
    """Issuer block on the left, national title and motto on the right, number and place-and-date below."""

    parent: str | None
    issuer: str
    country: str
    motto: str
    number: str | None
    place_date: str


@attrs.frozen(kw_only=True)
class Title:
    """The document type ("KẾ HOẠCH") and the title, with notes printed under it."""

    kind: str
    title: str
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Heading:
    """A heading: level 1 for Roman sections, 2 for areas, 3 for sub-areas (and deeper for a plan's own tree).

    ``number`` is the heading's number ("II", "1.1", "Tiêu chí 2.3"; empty for
    an unnumbered heading) and ``mark`` what follows it: "." or, for a lettered
    item ("a"), ")".
    """

    level: int
    number: str
    text: str
    mark: str = "."

    @property
    def line(self) -> str:
        """The heading as one line: "1.1. Text", "a) Text", or the text alone when it has no number."""
        return f"{self.number}{self.mark} {self.text}" if self.number else self.text


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of text; ``italic`` for notes."""

    text: str
    italic: bool = False


@attrs.frozen(kw_only=True)
class Bullets:
    """A list; each item may hold several lines (separated by newlines)."""

    items: tuple[str, ...]
    ordered: bool = False


@attrs.frozen(kw_only=True)
class Closing:
    """Recipients on the left, the signature block on the right."""

    recipients_label: str
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    signer: str | None


@attrs.frozen(kw_only=True)
class SectionRow:
    """A row of the appendix table that names an area (Roman number) or a sub-area (letter)."""

    label: str
    text: str
    level: int = 1


@attrs.frozen(kw_only=True)
class TaskRow:
    """A row of the appendix table: number, task, output, lead, coordinating, timeframe, budget.

    Each cell is a tuple of lines. ``number`` is the row's number as an integer
    and ``amount`` the task's budget in đồng (the lines added up when only lines
    are given), for writers that store numbers rather than text (spreadsheets).
    """

    task_id: str
    cells: tuple[tuple[str, ...], ...]
    number: int | None = None
    amount: int | None = None


@attrs.frozen(kw_only=True)
class TaskTable:
    """The appendix: its label, title, the plan it is attached to, and the table."""

    label: str
    title: str
    attached: str
    columns: tuple[str, ...]
    rows: tuple[SectionRow | TaskRow, ...]


@attrs.frozen(kw_only=True)
class Table:
    """A table of rows under a caption: the tables of a progress report, a status table.

    ``align`` gives each column's alignment (``"left"``, ``"right"`` or
    ``"center"``); each cell is a tuple of lines.
    """

    caption: str | None
    columns: tuple[str, ...]
    align: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]


Block = Masthead | Title | Heading | Paragraph | Bullets | Closing | TaskTable | Table
"""Any block of a rendered document."""


@attrs.frozen(kw_only=True)
class Document:
    """A plan laid out for one language."""

    locale: Locale
    title: str
    blocks: tuple[Block, ...]


# Names of things -----------------------------------------------------------------------------------


def unit_name(unit: AdminUnit, locale: Locale) -> str:
    """The unit's name with its kind: "xã Sơn Châu" / "Sơn Châu commune"; the kind alone for an unnamed unit."""
    if unit.name is None:
        return unit.kind.title_vi if locale == "vi" else unit.kind.title_en
    return message(f"admin.{unit.kind.value}", locale, name=unit.name)


def _is_committee(name: str) -> bool:
    folded = fold(name)
    return folded.startswith(("uy ban nhan dan", "ubnd"))


def _translate_title(text: str, locale: Locale) -> str:
    """A known official title or body in ``locale`` ("CHỦ TỊCH" → "CHAIRPERSON"), else as written."""
    key = f"title.{fold(text).strip(' .:')}"
    if locale == "en" and key in CATALOGUE:
        return message(key, locale)
    return text.upper()


def _party(party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    if isinstance(party, JointParty):
        return tuple(member.label for member in party.members)
    return (party.label,)


def _parties(parties: Iterable[SingleParty]) -> tuple[str, ...]:
    return tuple(party.label for party in parties)


def _period_words(plan: Plan, locale: Locale) -> str:
    if plan.year is not None:
        return message("period.year", locale, year=plan.year)
    return format_timeframe(plan.span, locale=locale) if plan.span is not None else ""


# Masthead and title --------------------------------------------------------------------------------


def _symbol(symbol: DocumentSymbol, locale: Locale) -> str:
    if symbol.is_blank:
        return BLANK + str(symbol)
    return symbol.as_written if locale == "vi" else str(symbol)


def _place_date(plan: Plan, locale: Locale) -> str:
    place = plan.place or plan.unit.name or unit_name(plan.unit, locale)
    if plan.issued_on is not None:
        day = format_date(plan.issued_on, locale=locale)
    elif locale == "vi" and plan.issued_text is not None:
        if not fold(plan.issued_text).startswith("ngay"):
            return plan.issued_text  # the whole line as written: "Mang Yang, ngày          tháng 12 năm 2020"
        day = plan.issued_text
    else:
        day = message("doc.undated", locale, blank=BLANK)
    return message("doc.place_date", locale, place=place, date=day)


def _masthead(plan: Plan, locale: Locale) -> Masthead:
    parent_unit = plan.unit.parent
    parent = None if parent_unit is None else message("doc.committee", locale, unit=unit_name(parent_unit, locale))
    if locale == "en" and _is_committee(plan.issuer.name):
        issuer = message("doc.committee_of", locale, unit=unit_name(plan.unit, locale))
    else:
        issuer = plan.issuer.name
    number = None if plan.symbol is None else message("doc.number", locale, symbol=_symbol(plan.symbol, locale))
    return Masthead(
        parent=None if parent is None else parent.upper(),
        issuer=issuer.upper(),
        country=message("doc.country", locale),
        motto=message("doc.motto", locale),
        number=number,
        place_date=_place_date(plan, locale),
    )


def _kind_name(symbol: DocumentSymbol | None, locale: Locale) -> str:
    if symbol is not None and symbol.doc_type is not None and symbol.doc_type in DOCUMENT_TYPES:
        vi, en = DOCUMENT_TYPES[symbol.doc_type]
        return vi if locale == "vi" else en
    return message("kind.plan", locale)


_TITLE_KEYS = {
    PlanKind.REMEDIAL: "doc.remedial_title",
    PlanKind.PROGRAMME: "doc.programme_title",
    PlanKind.THEMATIC: "doc.thematic_title",
}


def _title(plan: Plan, locale: Locale) -> Title:
    kind = _kind_name(plan.symbol, locale).upper()
    adopted = (
        () if plan.adopted_by is None else (message("doc.adopted_by", locale, reference=_reference(plan.adopted_by)),)
    )
    if locale == "vi":
        return Title(kind=kind, title=plan.title, notes=adopted)
    key = _TITLE_KEYS.get(plan.kind, "doc.plan_title")
    title = message(
        key, locale, title=plan.title, unit=unit_name(plan.unit, locale), period=_period_words(plan, locale)
    )
    notes = (message("doc.original_title", locale, title=plan.title), *adopted, message("doc.english_note", locale))
    return Title(kind=kind, title=title, notes=notes)


def _reference(reference: LegalReference) -> str:
    return reference.text or reference.label


# Body ----------------------------------------------------------------------------------------------


def _milestone(milestone: Milestone, target: Target, locale: Locale) -> str:
    if locale == "vi" and milestone.text is not None:
        return milestone.text
    day = format_date(milestone.by, locale=locale, style="short")
    return message("target.milestone", locale, day=day, value=quantity(milestone.value, target.unit, locale))


def _target(target: Target, locale: Locale) -> str:
    """A target in words, with its dated milestones: "… (đến 30/6/2025 đạt 50%, đến 31/12/2025 đạt 100%)"."""
    phrase = format_target(target, locale=locale)
    if not target.milestones:
        return phrase
    steps = ", ".join(_milestone(milestone, target, locale) for milestone in target.milestones)
    return message("target.milestones", locale, target=phrase, milestones=steps)


def _target_line(owner_targets: tuple[Target, ...], locale: Locale) -> str | None:
    if not owner_targets:
        return None
    parts = [_target(target, locale) for target in owner_targets]
    return message("objective.targets", locale, targets="; ".join(parts))


def _result(result: IndexResult, locale: Locale) -> str:
    if locale == "vi" and result.text is not None:
        return result.text
    framework = FRAMEWORKS.get(result.framework)
    if framework is None:
        index = message("result.generic_index", locale)
    else:
        index = framework.name if locale == "vi" or framework.name_en is None else framework.name_en
    parts: list[str] = []
    if result.score is not None:
        parts.append(quantity(result.score, result.unit, locale))
    if result.rank is not None:
        rank = format_number(result.rank, locale=locale)
        if result.out_of is None:
            parts.append(message("result.rank_alone", locale, rank=rank, rank_en=ordinal_en(result.rank)))
        else:
            out_of = format_number(result.out_of, locale=locale)
            parts.append(message("result.rank", locale, rank=rank, rank_en=ordinal_en(result.rank), out_of=out_of))
    if result.rank_change is not None:
        places = format_number(abs(result.rank_change), locale=locale)
        noun = "place" if abs(result.rank_change) == 1 else "places"
        if result.rank_change > 0:
            parts.append(message("result.up", locale, places=places, noun=noun))
        elif result.rank_change < 0:
            parts.append(message("result.down", locale, places=places, noun=noun))
        else:
            parts.append(message("result.same", locale))
    return message("result.line", locale, index=index, year=result.year, value=", ".join(parts))


def _obligation(obligation: ReportingObligation, locale: Locale) -> str:
    """A duty to report: as written in Vietnamese, else who reports to whom, when and about what."""
    if locale == "vi" and obligation.text is not None:
        return obligation.text
    reporter = _party(obligation.reporter)
    if reporter:
        head = message("obligation.reporter", locale, reporter=_names(reporter, locale))
    else:
        head = message("obligation.anyone", locale)
    recipient = _party(obligation.recipient)
    if recipient:
        head = message("obligation.recipient", locale, head=head, recipient=_names(recipient, locale))
    details: list[str] = []
    if obligation.timeframe is not None:
        details.append(message("obligation.when", locale, when=inline_timeframe(obligation.timeframe, locale)))
    if obligation.subject is not None:
        details.append(message("obligation.subject", locale, subject=obligation.subject))
    if not details:
        if not recipient and obligation.text is not None:  # nothing typed to say it with: the sentence as written
            return obligation.text
        return message("obligation.alone", locale, head=head)
    return message("obligation.line", locale, head=head, details="; ".join(details))


def _report(line: ReportingLine, locale: Locale) -> str:
    if locale == "vi" and line.text is not None:
        return line.text

    def day(value: date) -> str:
        return format_date(value, locale=locale, style="short" if locale == "vi" else "long")

    details: list[str] = []
    if line.data_from is not None and line.data_to is not None:
        details.append(message("report.data", locale, start=day(line.data_from), end=day(line.data_to)))
    elif line.data_from is not None:
        details.append(message("report.data_from", locale, start=day(line.data_from)))
    elif line.data_to is not None:
        details.append(message("report.data_to", locale, end=day(line.data_to)))
    if line.estimate_from is not None and line.estimate_to is not None:
        details.append(message("report.estimate", locale, start=day(line.estimate_from), end=day(line.estimate_to)))
    if line.due is not None:
        details.append(message("report.due", locale, day=day(line.due)))
    if line.recipient is not None:
        details.append(message("report.recipient", locale, recipient=line.recipient))
    if not details:
        details.append(message("report.none", locale))
    period = period_phrase(line.period, locale)
    return message("report.line", locale, period=period, details="; ".join(details))


def _area_title(plan: Plan, area: ReformArea | None, locale: Locale) -> str:
    if area is None:
        return message("section.other_tasks", locale)
    if locale == "vi":
        for section in plan.sections:
            if section.area is area:
                return section.heading.rstrip(" .:;")
    return area.label(locale)


def _split(plan: Plan) -> tuple[tuple[Task, ...], tuple[Task, ...]]:
    """The tasks of the body and the tasks of the appendix table.

    A plan read from a document that has both prose items and table rows (their
    ``source`` names a table) shows each where the document had it: prose in the
    body, rows in the appendix. Otherwise every task is in both.
    """
    rows = tuple(task for task in plan.tasks if task.source is not None and task.source.table is not None)
    prose = tuple(task for task in plan.tasks if task.source is None or task.source.table is None)
    if rows and prose:
        return prose, rows
    return plan.tasks, plan.tasks


def _groups(tasks: tuple[Task, ...]) -> Iterator[tuple[ReformArea | None, list[tuple[str | None, list[Task]]]]]:
    """Tasks by area in official order (tasks without an area last), then by sub-area in plan order."""
    areas: list[ReformArea | None] = [*ReformArea, None]
    for area in areas:
        tasks_in_area = [task for task in tasks if task.area is area]
        if not tasks_in_area:
            continue
        subareas: dict[str | None, list[Task]] = {}
        for task in tasks_in_area:
            subareas.setdefault(task.subarea, []).append(task)
        ordered = sorted(subareas.items(), key=lambda item: item[0] is not None)  # stable: plain tasks first
        yield area, ordered


def _task_item(task: Task, locale: Locale) -> str:
    lines = [task.title]
    if task.description is not None:
        lines.append(task.description)
    targets = _target_line(task.targets, locale)
    if targets is not None:
        lines.append(targets)
    return "\n".join(lines)


def _purposes(plan: Plan, locale: Locale) -> list[Block]:
    blocks: list[Block] = []
    parts = (("section.purposes", plan.purposes), ("section.requirements", plan.requirements))
    for key, items in (part for part in parts if part[1]):
        blocks.append(Heading(level=2, number=str(len(blocks) // 2 + 1), text=message(key, locale)))
        blocks.append(Bullets(items=items))
    return blocks


def _results(plan: Plan, locale: Locale) -> list[Block]:
    if not plan.results:
        return []
    return [Bullets(items=tuple(_result(result, locale) for result in plan.results))]


def _objectives(plan: Plan, locale: Locale) -> list[Block]:
    items: list[str] = []
    for objective in plan.objectives:
        targets = _target_line(objective.targets, locale)
        items.append(objective.text if targets is None else f"{objective.text}\n{targets}")
    return [Bullets(items=tuple(items), ordered=True)] if items else []


def _tasks(plan: Plan, locale: Locale) -> list[Block]:
    """The body's tasks by area; a task the appendix table does not repeat states its own lead and time here."""
    blocks: list[Block] = []
    body, rows = _split(plan)
    item = _bracketed_item if body is not rows else lambda _, task, locale: _task_item(task, locale)
    for number, (area, subareas) in enumerate(_groups(body), start=1):
        blocks.append(Heading(level=2, number=str(number), text=_area_title(plan, area, locale)))
        sub_number = 0
        for subarea, tasks in subareas:
            if subarea is not None:
                sub_number += 1
                blocks.append(Heading(level=3, number=f"{number}.{sub_number}", text=subarea.rstrip(" .:;")))
            blocks.append(Bullets(items=tuple(item(plan, task, locale) for task in tasks)))
    return blocks


def _funding(plan: Plan, locale: Locale) -> list[Block]:
    blocks: list[Block] = [Bullets(items=plan.funding)] if plan.funding else []
    total = sum(task.budget.amount or task.budget.lines_total or 0 for task in plan.tasks if task.budget is not None)
    if total:
        blocks.append(Paragraph(text=message("funding.total", locale, amount=format_money(total, locale=locale))))
    return blocks


def _reports(plan: Plan, locale: Locale) -> tuple[str, ...]:
    """The reporting lines, then the duties to report without a fixed period."""
    lines = tuple(_report(line, locale) for line in plan.reporting)
    return lines + tuple(_obligation(obligation, locale) for obligation in plan.obligations)


def _implementation(plan: Plan, locale: Locale) -> list[Block]:
    if not plan.reporting and not plan.obligations:
        return []
    return [
        Heading(level=2, number="1", text=message("section.reporting", locale)),
        Bullets(items=_reports(plan, locale)),
    ]


_SECTIONS = (
    ("section.purposes_requirements", _purposes),
    ("section.results", _results),
    ("section.objectives", _objectives),
    ("section.tasks", _tasks),
    ("section.funding", _funding),
    ("section.implementation", _implementation),
)


def _body(plan: Plan, locale: Locale) -> Iterator[Block]:
    """Legal bases, then the sections that have content, numbered I, II, III … in order."""
    for reference in plan.legal_bases:
        yield Paragraph(text=message("doc.legal_basis", locale, reference=_reference(reference)))
    for reference in plan.implements:
        yield Paragraph(text=message("doc.implements", locale, reference=_reference(reference)))
    number = 0
    for key, build in _SECTIONS:
        blocks = build(plan, locale)
        if blocks:
            number += 1
            yield Heading(level=1, number=roman(number), text=message(key, locale))
            yield from blocks


# A plan in its own shape ---------------------------------------------------------------------------

_ROLE_KEYS = {
    Role.LEAD: ("lead.lead", "group.lead"),
    Role.COORDINATING: ("lead.coordinating", "group.coordinating"),
    Role.IMPLEMENTING: ("lead.implementing", "group.implementing"),
    Role.REPORTING: ("lead.reporting", "group.reporting"),
    Role.REQUESTED: ("lead.requested", "group.requested"),
}

_ROMAN = re.compile(r"[IVXLC]+")
_CRITERION_WORDS = ("tieu chi", "tctp", "linh vuc")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)

# Where a plan's own parts hold what the model keeps plan-wide: the folded heading's start (or words in it).
_PURPOSES, _REQUIREMENTS, _RESULTS, _OBJECTIVES, _FUNDING, _REPORTING = (
    "purposes",
    "requirements",
    "results",
    "objectives",
    "funding",
    "reporting",
)


def has_own_shape(plan: Plan) -> bool:
    """True when ``plan`` carries its own section tree (sections with ids that tasks can stand under).

    Such a plan is laid out with its own headings, numbering and order; a plan
    without one (typed by area, or whose sections only name its areas) is laid
    out in the annual-plan template.
    """
    return any(section.id is not None for section in plan.sections)


def _names(labels: tuple[str, ...], locale: Locale) -> str:
    """Parties as plans list them, "A, B"; "A và B" when a name has a comma of its own ("Đ/c A, công chức …")."""
    return and_list(labels, locale) if any("," in label for label in labels) else ", ".join(labels)


def _roles(responsibility: Responsibility, locale: Locale, *, group: bool) -> list[str]:
    parts: list[str] = []
    for role, (item_key, group_key) in _ROLE_KEYS.items():
        labels = tuple(label for party in responsibility.parties(role) for label in _party(party))
        if labels:
            parts.append(message(group_key if group else item_key, locale, parties=_names(labels, locale)))
    return parts


def _own_leads(plan: Plan, task: Task, locale: Locale) -> str | None:
    """The task's own lead, partners, timeframe and report line, when it states them apart from its group."""
    inherited = attrs.evolve(task, responsibility=None, timeframe=None)
    parts: list[str] = []
    if task.responsibility is not None and task.responsibility != plan.responsibility_of(inherited):
        parts.extend(_roles(task.responsibility, locale, group=False))
    if task.timeframe is not None and task.timeframe != plan.timeframe_of(inherited):
        parts.append(message("lead.timeframe", locale, when=inline_timeframe(task.timeframe, locale)))
    if task.reports_to is not None:
        parts.append(message("lead.reports_to", locale, parties=_names(_party(task.reports_to), locale)))
    if not parts:
        return None
    line = "; ".join(parts)
    return line[:1].upper() + line[1:]


def _shaped_item(plan: Plan, task: Task, locale: Locale) -> str:
    leads = _own_leads(plan, task, locale)
    item = _task_item(task, locale)
    return item if leads is None else f"{item}\n{leads}"


def _bracketed_item(plan: Plan, task: Task, locale: Locale) -> str:
    """A task with its own lead and time in a bracket closing its title: "Rà soát … (Chủ trì: …; thời gian: …)"."""
    leads = _own_leads(plan, task, locale)
    if leads is None:
        return _task_item(task, locale)
    title, *rest = _task_item(task, locale).split("\n")
    return "\n".join([f"{title} ({leads})", *rest])


def _group_lines(section: Section, locale: Locale) -> list[Block]:
    """A group's responsibility and timeframe, stated once under its heading."""
    blocks: list[Block] = []
    if section.responsibility is not None:
        roles = "; ".join(_roles(section.responsibility, locale, group=True))
        blocks.append(Paragraph(text=message("group.responsibility", locale, roles=roles)))
    if section.timeframe is not None:
        when = inline_timeframe(section.timeframe, locale)
        blocks.append(Paragraph(text=message("group.timeframe", locale, when=when)))
    return blocks


def _objective_item(objective: Objective, locale: Locale) -> str:
    targets = _target_line(objective.targets, locale)
    return objective.text if targets is None else f"{objective.text}\n{targets}"


def _section_number(section: Section, locale: Locale) -> tuple[str, str]:
    """The heading's number as the plan writes it, and the mark after it ("." or ")" after a letter).

    A criterion is named as index plans name it: "Tiêu chí 2.3", "Tiêu chí
    thành phần 2.3.1" (a code of three parts). A heading that already starts
    with its number or a criterion's name gets no number of its own.
    """
    label = (section.label or "").strip().rstrip(".)")
    heading = fold(section.heading)
    if not label or heading.startswith(_CRITERION_WORDS) or _starts_with_label(heading, fold(label)):
        return "", "."
    if section.kind is SectionKind.CRITERION:
        code = section.criterion or label
        key = "section.subcriterion" if code.count(".") >= 2 else "section.criterion"
        return message(key, locale, label=label), "."
    mark = ")" if _LETTER.fullmatch(label) and not _ROMAN.fullmatch(label) else "."
    return label, mark


def _starts_with_label(heading: str, label: str) -> bool:
    rest = heading.removeprefix(label)
    return rest != heading and (not rest or not rest[0].isalnum())


def _section_heading(section: Section, depth: int, locale: Locale) -> Heading:
    number, mark = _section_number(section, locale)
    return Heading(level=min(depth, 5), number=number, text=section.heading.rstrip(" :;"), mark=mark)


def _part_of(heading: str) -> set[str]:
    """What plan-wide content a part's heading announces ("MỤC ĐÍCH, YÊU CẦU": purposes and requirements)."""
    folded = fold(heading).strip(" .:;")
    parts: set[str] = set()
    if folded.startswith("muc dich"):
        parts.add(_PURPOSES)
    if folded.startswith("yeu cau") or ", yeu cau" in folded or " va yeu cau" in folded:
        parts.add(_REQUIREMENTS)
    if folded.startswith(("muc tieu", "chi tieu")):
        parts.add(_OBJECTIVES)
    if folded.startswith("ket qua") and ("chi so" in folded or "danh gia" in folded):
        parts.add(_RESULTS)
    if folded.startswith("kinh phi"):
        parts.add(_FUNDING)
    if folded.startswith(("to chuc thuc hien", "che do bao cao")) or folded == "bao cao":
        parts.add(_REPORTING)
    return parts


def _homes(plan: Plan) -> dict[str, Section]:
    """For each kind of plan-wide content, the section of the plan that holds it: the deepest that names it."""
    homes: dict[str, tuple[int, Section]] = {}
    for section in plan.sections:
        if section.kind not in (None, SectionKind.PART, SectionKind.GROUP):
            continue
        depth = len(plan.section_chain(section.id)) if section.id is not None else 1
        for part in _part_of(section.heading):
            if part not in homes or depth > homes[part][0]:
                homes[part] = (depth, section)
    if _REQUIREMENTS not in homes and _PURPOSES in homes:
        homes[_REQUIREMENTS] = homes[_PURPOSES]
    return {part: section for part, (_, section) in homes.items()}


@attrs.define
class _Shaper:
    """Walks a plan's section tree once, each section under its parent, each task under its section."""

    plan: Plan
    locale: Locale
    tasks: tuple[Task, ...]
    children: dict[str | None, list[Section]] = attrs.field(factory=dict)
    tasks_of: dict[str | None, list[Task]] = attrs.field(factory=dict)
    objectives_of: dict[str | None, list[Objective]] = attrs.field(factory=dict)
    homes: dict[str, Section] = attrs.field(factory=dict)
    seen: set[int] = attrs.field(factory=set)

    def __attrs_post_init__(self) -> None:
        ids = {section.id for section in self.plan.sections if section.id is not None}
        for section in self.plan.sections:
            parent = section.parent if section.parent in ids and section.parent != section.id else None
            self.children.setdefault(parent, []).append(section)
        for task in self.tasks:
            self.tasks_of.setdefault(task.section if task.section in ids else None, []).append(task)
        for objective in self.plan.objectives:
            key = objective.section if objective.section in ids else None
            self.objectives_of.setdefault(key, []).append(objective)
        self.homes = _homes(self.plan)

    def held(self, section: Section) -> list[Block]:
        """The plan-wide content this section is the home of, in the template's order."""
        plan, locale = self.plan, self.locale
        here = {part for part, home in self.homes.items() if home is section}
        blocks: list[Block] = []
        items = (plan.purposes if _PURPOSES in here else ()) + (plan.requirements if _REQUIREMENTS in here else ())
        if items:
            blocks.append(Bullets(items=items))
        if _RESULTS in here:
            blocks.extend(_results(plan, locale))
        if _OBJECTIVES in here and self.objectives_of.get(None):
            blocks.append(Bullets(items=tuple(_objective_item(o, locale) for o in self.objectives_of[None])))
        if _FUNDING in here:
            blocks.extend(_funding(plan, locale))
        if _REPORTING in here and (plan.reporting or plan.obligations):
            blocks.append(Bullets(items=_reports(plan, locale)))
        return blocks

    def walk(self, section: Section, depth: int) -> Iterator[Block]:
        """The section's heading and text, what it holds, its tasks, its group's leads, then its subsections."""
        if id(section) in self.seen:
            return
        self.seen.add(id(section))
        yield _section_heading(section, depth, self.locale)
        if section.text is not None:
            yield Paragraph(text=section.text)
        yield from self.held(section)
        if section.id is not None:
            objectives = self.objectives_of.get(section.id, [])
            if objectives:
                yield Bullets(items=tuple(_objective_item(o, self.locale) for o in objectives))
            tasks = self.tasks_of.get(section.id, [])
            if tasks:
                yield Bullets(items=tuple(_shaped_item(self.plan, task, self.locale) for task in tasks))
        yield from _group_lines(section, self.locale)
        if section.id is not None:
            for child in self.children.get(section.id, []):
                yield from self.walk(child, depth + 1)

    def before(self) -> Iterator[Block]:
        """Purposes, results and objectives no section of the plan holds, under the template's unnumbered headings."""
        plan, locale, homes = self.plan, self.locale, self.homes
        parts = (
            ("section.purposes", _PURPOSES, plan.purposes),
            ("section.requirements", _REQUIREMENTS, plan.requirements),
        )
        loose_parts = [(key, items) for key, part, items in parts if items and part not in homes]
        blocks: list[Block] = []
        for number, (key, items) in enumerate(loose_parts, start=1):
            blocks.extend((Heading(level=2, number=str(number), text=message(key, locale)), Bullets(items=items)))
        yield from _unnumbered("section.purposes_requirements", blocks, locale)
        if _RESULTS not in homes:
            yield from _unnumbered("section.results", _results(plan, locale), locale)
        if _OBJECTIVES not in homes and self.objectives_of.get(None):
            items = tuple(_objective_item(o, locale) for o in self.objectives_of[None])
            yield from _unnumbered("section.objectives", [Bullets(items=items, ordered=True)], locale)

    def after(self) -> Iterator[Block]:
        """Tasks under no section, funding and reports no section holds, under the template's unnumbered headings."""
        plan, locale, homes = self.plan, self.locale, self.homes
        loose = self.tasks_of.get(None, [])
        if loose:
            items = tuple(_shaped_item(plan, task, locale) for task in loose)
            yield from _unnumbered("section.other_tasks", [Bullets(items=items)], locale)
        if _FUNDING not in homes:
            yield from _unnumbered("section.funding", _funding(plan, locale), locale)
        if _REPORTING not in homes and (plan.reporting or plan.obligations):
            yield from _unnumbered("section.reporting", [Bullets(items=_reports(plan, locale))], locale)


def _unnumbered(key: str, blocks: list[Block], locale: Locale) -> Iterator[Block]:
    if blocks:
        yield Heading(level=1, number="", text=message(key, locale))
        yield from blocks


def _shaped_body(plan: Plan, locale: Locale) -> Iterator[Block]:
    """Legal bases, then the plan's own sections in its order and numbering, each task under its section."""
    for reference in plan.legal_bases:
        yield Paragraph(text=message("doc.legal_basis", locale, reference=_reference(reference)))
    for reference in plan.implements:
        yield Paragraph(text=message("doc.implements", locale, reference=_reference(reference)))
    shaper = _Shaper(plan=plan, locale=locale, tasks=_split(plan)[0])
    yield from shaper.before()
    for root in shaper.children.get(None, []):
        yield from shaper.walk(root, 1)
    for section in plan.sections:  # sections caught in a loop of parents: at the top, in plan order
        yield from shaper.walk(section, 1)
    yield from shaper.after()
    if plan.closing is not None:
        yield Paragraph(text=plan.closing)


def _signature(signature: Signature | None, locale: Locale) -> tuple[tuple[str, ...], str | None]:
    if signature is None:
        return (), None
    lines: list[str] = []
    for authority in signature.authorities:  # outermost first: "TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH"
        body = "" if authority.of is None else _translate_title(authority.of, locale)
        lines.append(message(f"capacity.{authority.capacity.value}", locale, body=body).strip())
    lines.append(_translate_title(signature.position, locale))
    return tuple(lines), signature.name


# Appendix ------------------------------------------------------------------------------------------


def _budget_cell(budget: Budget | None, locale: Locale) -> tuple[str, ...]:
    if budget is None:
        return ()
    if locale == "vi" and budget.text is not None:
        return (budget.text,)
    amount = budget.amount if budget.amount is not None else budget.lines_total
    if amount is not None:
        return (format_number(millions(amount), locale=locale),)
    if budget.note is not None:
        return (budget.note,)
    return (budget.text,) if budget.text is not None else ()


def _attached(plan: Plan, locale: Locale) -> str:
    kind = _kind_name(plan.symbol, locale)
    day = ""
    if plan.issued_on is not None:
        written = format_date(plan.issued_on, locale=locale, style="short" if locale == "vi" else "long")
        day = message("appendix.reference_date", locale, date=written)
    issuer = plan.issuer.name
    if plan.symbol is None:
        reference = message("appendix.reference_unnumbered", locale, kind=kind, date=day, issuer=issuer)
    else:
        symbol = _symbol(plan.symbol, locale)
        reference = message("appendix.reference", locale, kind=kind, symbol=symbol, date=day, issuer=issuer)
    return message("appendix.attached", locale, reference=reference)


def _task_row(plan: Plan, number: int, task: Task, locale: Locale) -> TaskRow:
    responsibility = plan.responsibility_of(task)
    lead = _party(None if responsibility is None else responsibility.lead)
    partners = () if responsibility is None else _parties((*responsibility.coordinating, *responsibility.implementing))
    when: tuple[str, ...] = ()
    timeframe = plan.timeframe_of(task)
    if timeframe is not None:
        when = tuple(format_timeframe(timeframe, locale=locale, as_written=locale == "vi").split("\n"))
    cells = (
        (format_number(number, locale=locale),),
        (task.title,),
        task.outputs,
        lead,
        partners,
        when,
        _budget_cell(task.budget, locale),
    )
    budget = task.budget
    amount = None if budget is None else budget.amount if budget.amount is not None else budget.lines_total
    return TaskRow(task_id=task.id, cells=cells, number=number, amount=amount)


def _appendix(plan: Plan, locale: Locale) -> TaskTable:
    rows: list[SectionRow | TaskRow] = []
    number = 0
    for section, (area, subareas) in enumerate(_groups(_split(plan)[1]), start=1):
        rows.append(SectionRow(label=roman(section), text=_area_title(plan, area, locale).upper()))
        letter = 0
        for subarea, tasks in subareas:
            if subarea is not None:
                rows.append(SectionRow(label=chr(ord("A") + letter % 26), text=subarea.rstrip(" .:;"), level=2))
                letter += 1
            for task in tasks:
                number += 1
                rows.append(_task_row(plan, number, task, locale))
    columns = tuple(
        message(f"column.{name}", locale)
        for name in ("number", "task", "output", "lead", "coordinating", "timeframe", "budget")
    )
    title = message(
        "appendix.title", locale, unit=unit_name(plan.unit, locale).upper(), period=_period_words(plan, locale).upper()
    )
    return TaskTable(
        label=message("appendix.label", locale),
        title=title,
        attached=_attached(plan, locale),
        columns=columns,
        rows=tuple(rows),
    )


def has_appendix(plan: Plan) -> bool:
    """Whether ``plan`` has an appendix table of its own.

    A plan with its own section tree has one when some of its tasks came from
    a table (their ``source`` names it); a plan laid out in the annual-plan
    template always shows its tasks in the appendix, as it always has.
    """
    if not has_own_shape(plan):
        return bool(plan.tasks)
    return any(task.source is not None and task.source.table is not None for task in plan.tasks)


def layout(plan: Plan, locale: Locale, *, appendix: bool | None = None) -> Document:
    """Lay ``plan`` out as a document in ``locale``.

    A plan with its own section tree (:func:`has_own_shape`) keeps its
    headings, numbering and order; any other plan is laid out in the
    annual-plan template. ``appendix`` says whether to add the appendix table
    of tasks: None as the plan has it (:func:`has_appendix`), True whenever the
    plan has tasks, False never.
    """
    blocks: list[Block] = [_masthead(plan, locale), _title(plan, locale)]
    blocks.extend(_shaped_body(plan, locale) if has_own_shape(plan) else _body(plan, locale))
    signature, signer = _signature(plan.signature, locale)
    blocks.append(
        Closing(
            recipients_label=message("section.recipients", locale),
            recipients=plan.recipients,
            signature=signature,
            signer=signer,
        )
    )
    if plan.tasks and (has_appendix(plan) if appendix is None else appendix):
        blocks.append(_appendix(plan, locale))
    title = blocks[1].title if isinstance(blocks[1], Title) else plan.title
    return Document(locale=locale, title=title, blocks=tuple(blocks))
