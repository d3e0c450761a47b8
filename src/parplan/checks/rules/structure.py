"""Structure rules (PP1xx): tasks, areas, responsibilities, levels and the plan header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from parplan.areas import ReformArea
from parplan.checks._text import loose_key, party_match_key
from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule, vi_date
from parplan.org import TWO_TIER_FROM, JointParty, Party, Responsibility, SingleParty
from parplan.plan import PlanKind, Task
from parplan.text.normalize import fold

__all__: list[str] = []

_KIND_NAMES = {
    PlanKind.ANNUAL: ("kế hoạch CCHC năm", "annual"),
    PlanKind.REMEDIAL: ("kế hoạch khắc phục", "remedial"),
    PlanKind.PROGRAMME: ("chương trình tổng thể", "programme"),
    PlanKind.THEMATIC: ("kế hoạch chuyên đề", "thematic"),
    PlanKind.OTHER: ("kế hoạch", "other"),
}


def area_param(area: ReformArea) -> Localized:
    """An area as a message parameter: its number and title in each language, its code as the value."""
    return Localized(vi=f"{area.number} ({area.title_vi})", en=f"{area.number} ({area.title_en})", key=area.value)


def is_assignment(task: Task) -> bool:
    """Whether ``task`` is an assignment row, which must name a lead, an output and a timeframe.

    Plans state their work twice: as directions in the prose of "Nhiệm vụ và
    giải pháp", assigned as a whole in "Tổ chức thực hiện", and as rows of the
    task table (Phụ lục), one row per assignment. A task is an assignment row
    when its source location names a table; a task whose source is not
    recorded (a plan written directly as data) always is one.
    """
    source = task.source
    return source is None or source.table is not None


@rule(
    "PP101",
    "plan-without-tasks",
    Severity.WARNING,
    en="The plan lists no tasks.",
    vi="Kế hoạch không có nhiệm vụ nào.",
)
def plan_without_tasks(context: PlanContext, report: Report) -> None:
    """A plan with no tasks.

    A CCHC plan assigns work: without tasks (from the prose sections or the
    appendix table) nothing can be followed up or reported. Often the appendix
    was not read; add the tasks.
    """
    if not context.plan.tasks:
        report("$.tasks")


@rule(
    "PP102",
    "missing-area",
    Severity.WARNING,
    en="No section or task covers area {area}, which {kind} plans at {level} must cover.",
    vi="Không có mục hay nhiệm vụ nào thuộc lĩnh vực {area}, lĩnh vực mà {kind} {level} phải có.",
)
def missing_area(context: PlanContext, report: Report) -> None:
    """A reform area the plan must cover has no section and no task.

    Which areas are required depends on the kind of plan and its level and is
    configurable (``CheckConfig.required_areas``). By default an annual plan
    covers all eight areas at province and commune level and areas 1-7 at
    district level (the district index of the time has no impact area); other
    kinds of plan need not cover any given area. One finding per missing area.
    """
    plan = context.plan
    required = context.config.areas_required(plan.kind, plan.level)
    if not required:
        return
    covered = set(plan.areas)
    kind_vi, kind_en = _KIND_NAMES[plan.kind]
    level = Localized(vi=plan.level.title_vi, en=f"{plan.level.title_en}", key=plan.level.value)
    kind = Localized(vi=kind_vi, en=kind_en, key=plan.kind.value)
    for area in ReformArea:
        if area in required and area not in covered:
            report("$", area=area_param(area), kind=kind, level=level)


@rule(
    "PP103",
    "duplicate-task-id",
    Severity.ERROR,
    en="Task id {id!r} is already used by {first}.",
    vi="Mã nhiệm vụ {id!r} đã dùng cho {first}.",
)
def duplicate_task_id(context: PlanContext, report: Report) -> None:
    """Two tasks with the same id.

    Task ids are how findings, progress reports and diffs point at a task; a
    repeated id makes them ambiguous. Give every task its own id.
    """
    first: dict[str, int] = {}
    for index, task in enumerate(context.plan.tasks):
        seen = first.setdefault(task.id, index)
        if seen != index:
            report(f"$.tasks[{index}].id", source=task.source, id=task.id, first=f"$.tasks[{seen}]")


@rule(
    "PP104",
    "task-without-lead",
    Severity.ERROR,
    en="Task {task} has no lead (chủ trì).",
    vi="Nhiệm vụ {task} không có cơ quan chủ trì.",
)
def task_without_lead(context: PlanContext, report: Report) -> None:
    """An assignment row nobody leads.

    Every row of a task table needs a body or official that answers for it
    (cơ quan chủ trì). Seed 004 has appendix rows with partners but no lead
    (rows 20 and 32) and a row naming nobody (row 22). Name the lead.

    Only assignment rows are checked: tasks whose source location names a
    table, and tasks without a recorded source (plans written directly as
    data). Prose directions ("Nhiệm vụ và giải pháp", "Tổ chức thực hiện")
    name who carries them out, if anyone, without a lead; PP113 reports a plan
    that assigns nothing at all.
    """
    for index, task in enumerate(context.plan.tasks):
        if not is_assignment(task):
            continue
        responsibility = task.responsibility
        if responsibility is None:
            report(f"$.tasks[{index}]", source=task.source, task=task.id)
        elif responsibility.lead is None:
            report(f"$.tasks[{index}].responsibility", source=task.source, task=task.id)


def _members(party: Party) -> tuple[SingleParty, ...]:
    return party.members if isinstance(party, JointParty) else (party,)


@rule(
    "PP105",
    "lead-also-coordinator",
    Severity.WARNING,
    en="{party!r} coordinates task {task}, which it also leads as {lead!r}.",
    vi="{party!r} vừa phối hợp vừa chủ trì (là {lead!r}) nhiệm vụ {task}.",
)
def lead_also_coordinator(context: PlanContext, report: Report) -> None:
    """A coordinating party that is the lead under another spelling.

    The model refuses a coordinator written exactly as the lead; this rule
    finds the near ones: other case, no diacritics, other punctuation, or an
    abbreviation ("UBND" for "Ủy ban nhân dân", "VP" for "Văn phòng"). A body
    cannot coordinate with itself; drop it from the coordinators.
    """
    for index, task in enumerate(context.plan.tasks):
        responsibility = task.responsibility
        if responsibility is None or responsibility.lead is None or not responsibility.coordinating:
            continue
        leads = {party_match_key(member.label): member.label for member in _members(responsibility.lead)}
        for k, party in enumerate(responsibility.coordinating):
            lead = leads.get(party_match_key(party.label))
            if lead is not None:
                report(
                    f"$.tasks[{index}].responsibility.coordinating[{k}]",
                    source=task.source,
                    party=party.label,
                    lead=lead,
                    task=task.id,
                )


@rule(
    "PP106",
    "task-without-output",
    Severity.WARNING,
    en="Task {task} names no output (sản phẩm, kết quả đầu ra).",
    vi="Nhiệm vụ {task} không nêu sản phẩm, kết quả đầu ra.",
)
def task_without_output(context: PlanContext, report: Report) -> None:
    """An assignment row with no output.

    Without an output (a plan, a report, a decision) nobody can tell whether
    the task was done. Seed 004 leaves the output cell of several rows empty.
    Name what the task produces. Only assignment rows are checked (table rows,
    or tasks without a recorded source; see PP104): prose directions name no
    outputs.
    """
    for index, task in enumerate(context.plan.tasks):
        if not task.outputs and is_assignment(task):
            report(f"$.tasks[{index}]", source=task.source, task=task.id)


@rule(
    "PP107",
    "duplicate-task-title",
    Severity.WARNING,
    en="Task {task} repeats the title of {first}.",
    vi="Nhiệm vụ {task} trùng tên với {first}.",
)
def duplicate_task_title(context: PlanContext, report: Report) -> None:
    """Two tasks of the same area and table with the same title.

    Titles are compared without case, diacritics, punctuation or spacing. The
    same work listed twice is counted twice in progress reports; merge the rows
    or say how they differ. A table row that restates a prose direction is
    not a duplicate: only tasks from the same table (or both from the prose)
    are compared.
    """
    groups: dict[tuple[ReformArea | None, str | None], dict[str, int]] = {}
    for index, task in enumerate(context.plan.tasks):
        source = task.source
        group = (task.area, source.table if source is not None else None)
        first = groups.get(group)
        if first is None:
            first = groups[group] = {}
        seen = first.setdefault(loose_key(task.title), index)
        if seen != index:
            report(f"$.tasks[{index}].title", source=task.source, task=task.id, first=f"$.tasks[{seen}]")


@rule(
    "PP108",
    "abolished-unit",
    Severity.ERROR,
    en="{unit} did not exist on {day}: {kind} units existed {validity}.",
    vi="{unit} không còn tồn tại vào ngày {day}: đơn vị hành chính loại {kind} chỉ tồn tại {validity}.",
)
def abolished_unit(context: PlanContext, report: Report) -> None:
    """A plan whose unit, or a unit above it, did not exist on the plan's date.

    District-level units (huyện, quận, thị xã, thành phố thuộc tỉnh) and
    townships (thị trấn) ceased on 1 July 2025; special zones (đặc khu) began
    that day. The plan's date is its date of issue, else 1 January of its first
    year. A plan of a district dated after 30 June 2025 is a mistake in the
    unit or in the date.
    """
    day = context.reference_day
    path = "$.unit"
    for unit in context.plan.unit.chain():
        kind = unit.kind
        if not kind.exists_on(day):
            if kind.valid_until is not None:
                validity = Localized(
                    vi=f"đến hết ngày {vi_date(kind.valid_until)}",
                    en=f"until {kind.valid_until.isoformat()}",
                    key=f"..{kind.valid_until.isoformat()}",
                )
            else:
                start = TWO_TIER_FROM.isoformat()
                validity = Localized(vi=f"từ ngày {vi_date(TWO_TIER_FROM)}", en=f"from {start}", key=f"{start}..")
            report(
                path,
                unit=unit.full_name,
                day=day,
                kind=Localized(vi=kind.title_vi, en=kind.title_en, key=kind.value),
                validity=validity,
            )
        path += ".parent"


_DISTRICT_WORDS = re.compile(r"\b(?:cấp huyện|huyện|quận|thị xã|thị trấn)\b")
_DISTRICT_WORDS_FOLDED = re.compile(r"\b(?:cap huyen|huyen|quan|thi xa|thi tran)\b")


def _names_district_body(label: str) -> bool:
    if label.isascii():
        return _DISTRICT_WORDS_FOLDED.search(label.casefold()) is not None
    return _DISTRICT_WORDS.search(label.casefold()) is not None


def _party_paths(base: str, responsibility: Responsibility) -> Iterator[tuple[str, SingleParty]]:
    lead = responsibility.lead
    if isinstance(lead, JointParty):
        for m, member in enumerate(lead.members):
            yield f"{base}.lead.members[{m}]", member
    elif lead is not None:
        yield f"{base}.lead", lead
    for role in ("coordinating", "implementing", "reporting"):
        for k, party in enumerate(getattr(responsibility, role)):
            yield f"{base}.{role}[{k}]", party


@rule(
    "PP109",
    "abolished-actor",
    Severity.WARNING,
    en="Task {task} names {party!r}, a district-level body or township, in a plan dated {day} (two-tier government).",
    vi="Nhiệm vụ {task} giao cho {party!r} (cơ quan cấp huyện hoặc thị trấn) trong kế hoạch ngày {day} "
    "(chính quyền địa phương hai cấp).",
)
def abolished_actor(context: PlanContext, report: Report) -> None:
    """A plan dated on or after 1 July 2025 that makes a district body or a township responsible.

    From 1 July 2025 local government has two tiers: district-level units and
    townships no longer exist, so "UBND huyện", "Phòng Nội vụ huyện", "cấp
    huyện" or "các xã, thị trấn" cannot be given work. Names are matched with
    their diacritics (so "cơ quan" is not taken for "quận"); names written
    without any diacritics are matched folded. Historical plans are not
    affected: the plan's date decides (its date of issue, else 1 January of
    its first year).
    """
    day = context.reference_day
    if day < TWO_TIER_FROM:
        return
    for index, task in enumerate(context.plan.tasks):
        if task.responsibility is None:
            continue
        for path, party in _party_paths(f"$.tasks[{index}].responsibility", task.responsibility):
            if _names_district_body(party.label):
                report(path, source=task.source, task=task.id, party=party.label, day=day)


@rule(
    "PP110",
    "unnumbered-plan",
    Severity.WARNING,
    en="The plan has no document number: {detail}.",
    vi="Kế hoạch chưa có số văn bản: {detail}.",
)
def unnumbered_plan(context: PlanContext, report: Report) -> None:
    """A plan without a number (số, ký hiệu), such as a draft's "Số:            /QĐ-UBND".

    A plan is cited, implemented and reported on by its number; a blank
    number means the text is a draft (seed 001) or the number was not read.
    """
    symbol = context.plan.symbol
    if symbol is None:
        report("$", detail=Localized(vi="không có số, ký hiệu", en="no number and symbol", key="missing"))
    elif symbol.is_blank:
        report(
            "$.symbol",
            detail=Localized(
                vi=f"số để trống ({symbol.as_written!r}), văn bản còn là dự thảo",
                en=f"the number is blank ({symbol.as_written!r}), as in a draft",
                key="blank",
            ),
        )


@rule(
    "PP111",
    "undated-plan",
    Severity.WARNING,
    en="The plan has no date of issue{written}.",
    vi="Kế hoạch không có ngày ban hành{written}.",
)
def undated_plan(context: PlanContext, report: Report) -> None:
    """A plan without a date of issue.

    The date is needed to check deadlines and legal bases against it. A draft
    leaves it blank ("ngày          tháng 12 năm 2020", seed 001).
    """
    plan = context.plan
    if plan.issued_on is None:
        written = (
            Localized(vi=f" (ghi là {plan.issued_text!r})", en=f" (written {plan.issued_text!r})", key=plan.issued_text)
            if plan.issued_text is not None
            else Localized(vi="", en="", key="")
        )
        report("$", written=written)


@rule(
    "PP112",
    "task-without-area",
    Severity.INFO,
    en="Task {task} belongs to no reform area.",
    vi="Nhiệm vụ {task} không thuộc lĩnh vực CCHC nào.",
)
def task_without_area(context: PlanContext, report: Report) -> None:
    """A task that belongs to no reform area.

    Area coverage (PP102) and per-area reports count tasks by area; a task
    without one is left out of both. Classify it under one of the eight areas.
    """
    for index, task in enumerate(context.plan.tasks):
        if task.area is None:
            report(f"$.tasks[{index}]", source=task.source, task=task.id)


@rule(
    "PP113",
    "nothing-assigned",
    Severity.WARNING,
    en="None of the plan's {count} tasks names anyone responsible: the plan assigns no work.",
    vi="Không nhiệm vụ nào trong {count} nhiệm vụ của kế hoạch nêu cơ quan, người chịu trách nhiệm: "
    "kế hoạch không giao việc cho ai.",
)
def nothing_assigned(context: PlanContext, report: Report) -> None:
    """A plan none of whose tasks names anyone responsible.

    A plan of prose directions with neither a task table nor a "Tổ chức thực
    hiện" section that names bodies cannot be followed up: nobody answers for
    any of it. Add a task table, or say who carries out what.
    """
    tasks = context.plan.tasks
    if tasks and all(task.responsibility is None for task in tasks):
        report("$.tasks", count=len(tasks))


ABBREVIATIONS = ("HĐND", "UBND", "UBMTTQ", "MTTQ", "CBCCVC", "CBCC", "TTHC", "CCHC", "CNTT", "VPCP", "BNV", "SNV")
"""Abbreviations of party names whose misspellings PP114 recognises (as Decree 30 and the seeds write them)."""

_BY_LETTERS = {"".join(sorted(fold(word))): word for word in ABBREVIATIONS}
_CAPITAL_WORDS = re.compile(r"\b[A-ZĐ]{3,}\b")


@lru_cache(maxsize=4096)
def misspelled_abbreviations(label: str) -> tuple[tuple[str, str], ...]:
    """``(as written, meant)`` for each abbreviation of ``label`` written with its letters wrong.

    A word of three or more capitals is taken for an abbreviation when its
    letters, diacritics folded, are those of a known one in any order ("HDNĐ"
    for "HĐND"). The form without diacritics ("HDND") is accepted in a name
    written without any, where the diacritics were never typed. Names repeat
    from task to task, so results are cached.
    """
    plain = label.isascii()
    found: list[tuple[str, str]] = []
    for word in _CAPITAL_WORDS.findall(label):
        meant = _BY_LETTERS.get("".join(sorted(fold(word))))
        if meant is not None and word != meant and not (plain and word == fold(meant).upper()):
            found.append((word, meant))
    return tuple(found)


@rule(
    "PP114",
    "misspelled-abbreviation",
    Severity.WARNING,
    en="{party!r} writes {written!r}, which looks like {meant!r} misspelled.",
    vi="{party!r} ghi {written!r}, có vẻ là {meant!r} viết sai.",
)
def misspelled_abbreviation(context: PlanContext, report: Report) -> None:
    """A body's name with a misspelled abbreviation: "Văn phòng HDNĐ - UBND huyện" for HĐND.

    Seed 001 writes "Văn phòng HDNĐ - UBND huyện" and "Chánh Văn phòng HDND -
    UBND huyện": the letters of HĐND in another order, or without the stroke of
    Đ in a name that has its diacritics. Names are matched, counted and
    reported by body, so a misspelled name splits one body into two. Checked in
    the issuer's name and every party of every task.
    """
    issuer = context.plan.issuer.name
    for written, meant in misspelled_abbreviations(issuer):
        report("$.issuer.name", party=issuer, written=written, meant=meant)
    for index, task in enumerate(context.plan.tasks):
        if task.responsibility is None:
            continue
        for path, party in _party_paths(f"$.tasks[{index}].responsibility", task.responsibility):
            label = party.label
            for written, meant in misspelled_abbreviations(label):
                report(path, source=task.source, party=label, written=written, meant=meant)


@rule(
    "PP115",
    "duplicate-target-id",
    Severity.ERROR,
    en="Target id {id!r} is already used by {first}.",
    vi="Mã chỉ tiêu {id!r} đã dùng cho {first}.",
)
def duplicate_target_id(context: PlanContext, report: Report) -> None:
    """Two targets with the same id.

    Target ids are how progress reports record an actual value against a
    target, and how findings and diffs point at one; a repeated id makes them
    ambiguous. Give every target its own id (objectives' and tasks' targets
    share one set of ids).
    """
    plan = context.plan
    first: dict[str, str] = {}
    located = [
        (f"$.objectives[{i}].targets[{j}]", target, objective.source)
        for i, objective in enumerate(plan.objectives)
        for j, target in enumerate(objective.targets)
    ] + [
        (f"$.tasks[{i}].targets[{j}]", target, task.source)
        for i, task in enumerate(plan.tasks)
        for j, target in enumerate(task.targets)
    ]
    for path, target, source in located:
        if target.id is None:
            continue
        seen = first.setdefault(target.id, path)
        if seen != path:
            report(f"{path}.id", source=source, id=target.id, first=seen)
