"""Structure rules (PP1xx): tasks, areas, responsibilities, levels and the plan header."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from functools import lru_cache

from parplan.areas import ReformArea
from parplan.checks._text import loose_key, party_match_key
from parplan.checks.context import PlanContext, assigns, section_kind
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule, vi_date
from parplan.checks.rules.dates import plan_period
from parplan.org import TWO_TIER_FROM, JointParty, Official, OrgKind, Party, Responsibility, SingleParty
from parplan.plan import PlanKind, SectionKind, SigningCapacity
from parplan.source import SourceLocation
from parplan.text.normalize import fold

__all__: list[str] = []

_KIND_NAMES = {
    PlanKind.ANNUAL: ("kế hoạch CCHC năm", "annual"),
    PlanKind.REMEDIAL: ("kế hoạch khắc phục", "remedial"),
    PlanKind.PROGRAMME: ("chương trình tổng thể", "programme"),
    PlanKind.THEMATIC: ("kế hoạch chuyên đề", "thematic"),
    PlanKind.OTHER: ("kế hoạch", "other"),
}


_SINGLE_HEADED = frozenset({OrgKind.DEPARTMENT, OrgKind.OFFICE, OrgKind.MINISTRY})
"""Bodies headed by one person, whose PAR index (of departments, of ministries) has no impact area."""


def area_param(area: ReformArea) -> Localized:
    """An area as a message parameter: its number and title in each language, its code as the value."""
    return Localized(vi=f"{area.number} ({area.title_vi})", en=f"{area.number} ({area.title_en})", key=area.value)


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
    The plans of departments, offices and ministries
    (``Organisation.category``) are held to areas 1-7 at most: their index
    has no impact area. An area counts as covered by a section heading that names it (parts of the
    document such as "Tổ chức thực hiện" do not cover areas) or by a task of it,
    the task's area being its own or the one its sections name. A plan not
    organised by area at all (no section names an area, no task has an area or
    index criteria: a commune's list of tasks, a draft read from such a
    document) is judged by what its tasks say: an area counts as covered by a
    task whose title names the area or its work ("thủ tục hành chính", "một
    cửa", "chuyển đổi số", "tuyển dụng" …, as :func:`parplan.text.match_areas`
    reads a heading), so only areas no task speaks of are reported.
    """
    plan = context.plan
    required = context.config.areas_required(plan.kind, plan.level)
    if plan.issuer.category in _SINGLE_HEADED:
        required -= {ReformArea.TAC_DONG}
    if not required:
        return
    covered = {s.area for s in plan.sections if s.area is not None and section_kind(s) is not SectionKind.PART}
    covered.update(area for area in map(context.area_of, range(len(plan.tasks))) if area is not None)
    if not covered and not any(task.criteria for task in plan.tasks):  # not organised by area
        from parplan.text.areas import match_areas  # its patterns only for plans without areas

        covered.update(area for task in plan.tasks for area in match_areas(task.title))
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
    """A task nobody leads in a list whose other items name their leads.

    Every row of a task table, and every item of a list that names leads,
    needs a body or official that answers for it (cơ quan chủ trì). The plan of xã
    Sơn Châu 2022 (``examples/son-chau-2022.json``) has appendix rows with partners
    but no lead (rows 20 and 32) and a row
    naming nobody (row 22). Name the lead.

    A task's lead is its own, else the one its section (or a section above
    it) states once for the group ("Phân công trách nhiệm: … chủ trì"), so a
    group led once is not N missing leads. A task is compared with the other
    items of its list (its top section, or its table when it is not linked to
    a section): it is reported when the items that name a lead outnumber
    those that do not. The same plan gives the same findings whether a task
    was transcribed from a table or from prose. Left alone: lists whose items
    mostly name no lead (prose directions restated in a task table), the
    items of "Tổ chức thực hiện" and the articles of a decision; the tasks of
    an area none of whose tasks names a lead are reported once, by PP118, and
    a plan without any lead by PP113.
    """
    tasks = context.plan.tasks
    whole_areas = areas_without_lead(context)
    for index in context.gaps(lambda i: context.lead_of(i) is not None):
        if context.area_of(index) in whole_areas:
            continue
        task = tasks[index]
        path = f"$.tasks[{index}]" if task.responsibility is None else f"$.tasks[{index}].responsibility"
        report(path, source=task.source, task=task.id)


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
    """A task with no output in a list whose other items name theirs.

    Without an output (a plan, a report, a decision) nobody can tell whether
    the task was done. The plan of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) leaves the
    output cell of several rows empty.
    Name what the task produces. As for PP104, a task is compared with the
    other items of its list (a table, or a top section) and reported when the
    items that name an output outnumber those that do not, whether it came
    from a table or from prose; prose directions, which name no outputs, and
    the items of "Tổ chức thực hiện" are left alone.
    """
    tasks = context.plan.tasks
    for index in context.gaps(lambda i: bool(tasks[i].outputs)):
        report(f"$.tasks[{index}]", source=tasks[index].source, task=tasks[index].id)


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
    not a duplicate: only tasks of the same list (the same table, or the same
    top section) and the same area (their own or their sections') are
    compared.
    """
    groups: dict[tuple[ReformArea | None, Hashable], dict[str, int]] = {}
    for index, task in enumerate(context.plan.tasks):
        group = (context.area_of(index), context.task_list(index))
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
    for role in ("coordinating", "implementing", "reporting", "requested"):
        for k, party in enumerate(getattr(responsibility, role)):
            yield f"{base}.{role}[{k}]", party


@rule(
    "PP109",
    "abolished-actor",
    Severity.WARNING,
    en="{owner} names {party!r}, a district-level body or township, in a plan dated {day} (two-tier government).",
    vi="{owner} nêu {party!r} (cơ quan cấp huyện hoặc thị trấn) trong kế hoạch ngày {day} "
    "(chính quyền địa phương hai cấp).",
)
def abolished_actor(context: PlanContext, report: Report) -> None:
    """A plan dated on or after 1 July 2025 that makes a district body or a township responsible.

    From 1 July 2025 local government has two tiers: district-level units and
    townships no longer exist, so "UBND huyện", "Phòng Nội vụ huyện", "cấp
    huyện" or "các xã, thị trấn" cannot be given work. Names are matched with
    their diacritics (so "cơ quan" is not taken for "quận"); names written
    without any diacritics are matched folded. Checked in every role of every
    task (requests included: the body asked no longer exists either), in the
    responsibility a section states for its group, and in the recipients and
    senders of reporting obligations ("báo cáo UBND huyện" in a ward's plan
    of 2025 should read "UBND tỉnh (qua Sở Nội vụ)"). Historical plans are not
    affected: the plan's date decides (its date of issue, else 1 January of
    its first year).
    """
    day = context.reference_day
    if day < TWO_TIER_FROM:
        return
    for path, source, owner, label in _named_parties(context):
        if _names_district_body(label):
            report(path, source=source, owner=owner, party=label, day=day)


def _owner(kind_vi: str, kind_en: str, name: str) -> Localized:
    return Localized(vi=f"{kind_vi} {name}", en=f"{kind_en} {name}", key=name)


def _named_parties(context: PlanContext) -> Iterator[tuple[str, SourceLocation | None, Localized, str]]:
    """Every party the plan names for work or reports: path, source, owner and name."""
    plan = context.plan
    owners: list[tuple[str, Responsibility | None, SourceLocation | None, Localized]] = [
        (f"$.sections[{i}].responsibility", s.responsibility, s.source, _owner("Mục", "Section", s.label or s.heading))
        for i, s in enumerate(plan.sections)
    ]
    owners.extend(
        (f"$.tasks[{i}].responsibility", t.responsibility, t.source, _owner("Nhiệm vụ", "Task", t.id))
        for i, t in enumerate(plan.tasks)
    )
    for base, responsibility, source, owner in owners:
        if responsibility is not None:
            for path, party in _party_paths(base, responsibility):
                yield path, source, owner, party.label
    for index, obligation in enumerate(plan.obligations):
        where = Localized(vi="Nghĩa vụ báo cáo", en="The duty to report", key=f"obligations[{index}]")
        for role in ("recipient", "reporter"):
            party = getattr(obligation, role)
            if party is not None:
                for member in _members(party):
                    yield f"$.obligations[{index}].{role}", obligation.source, where, member.label


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
    number means the text is a draft (huyện Mang Yang 2021, ``examples/mang-yang-2021.json``)
    or the number was not read. Left alone: a plan issued with a decision
    that has its number ("Ban hành kèm theo Quyết định số 45/QĐ-UBND", the
    plan in a decision's Điều 1): such a plan has no number of its own and is
    cited by the decision's.
    """
    plan = context.plan
    symbol = plan.symbol
    adopted = plan.adopted_by
    if symbol is None and adopted is not None and adopted.symbol is not None and not adopted.symbol.is_blank:
        return
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
    leaves it blank ("ngày          tháng 12 năm 2020", huyện Mang Yang 2021,
    ``examples/mang-yang-2021.json``).
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
    """A task that belongs to no reform area in a list whose other items do.

    Area coverage (PP102) and per-area reports count tasks by area; a task
    without one is left out of both. Classify it under one of the eight areas.
    A task's area is its own, else the one its sections name; a task linked
    to index criteria is placed by them. Reported when most other items of
    the task's list have an area. Left alone: the items of "Tổ chức thực hiện"
    and the articles of a decision (parts of the document are not areas),
    and lists that are not organised by area at all (a thematic plan by
    channel, an inspection schedule).
    """
    tasks = context.plan.tasks
    for index in context.gaps(lambda i: context.area_of(i) is not None or bool(tasks[i].criteria)):
        report(f"$.tasks[{index}]", source=tasks[index].source, task=tasks[index].id)


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
    any of it. Add a task table, or say who carries out what. Responsibility
    stated once for a group (a section's) counts; a request to a body outside
    the administration ("Đề nghị Ủy ban MTTQ …") assigns nothing.
    """
    plan = context.plan
    tasks = plan.tasks
    if not tasks:
        return
    if any(assigns(task.responsibility) for task in tasks) or any(assigns(s.responsibility) for s in plan.sections):
        return
    report("$.tasks", count=len(tasks))


ABBREVIATIONS = ("HĐND", "UBND", "UBMTTQ", "MTTQ", "CBCCVC", "CBCC", "TTHC", "CCHC", "CNTT", "VPCP", "BNV", "SNV")
"""Abbreviations of party names whose misspellings PP114 recognises (as Decree 30 and the example plans write them)."""

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

    The plan of huyện Mang Yang 2021 (``examples/mang-yang-2021.json``) writes "Văn
    phòng HDNĐ - UBND huyện" and "Chánh Văn phòng HDND -
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


_YEAR = re.compile(r"(?<![/\d.])((?:19|20)\d\d)(?![/\d])")
"""A year written on its own (not inside a symbol "61/2018/NĐ-CP" or a date "15/01/2022")."""

_REMEDIAL_WORDS = re.compile(r"\b(?:khac phuc|ton tai|han che)\b")


def _stray_years(context: PlanContext, text: str) -> tuple[int, ...] | None:
    """The years ``text`` names, when none of them is one of the plan's; None when it fits or names none."""
    plan = context.plan
    years = tuple(dict.fromkeys(int(y) for y in _YEAR.findall(text)))
    if not years:
        return None
    first, last = plan.first_year, plan.last_year
    allowed_before = first - 1 if plan.kind is PlanKind.REMEDIAL or _REMEDIAL_WORDS.search(fold(text)) else first
    for year in years:
        if (allowed_before <= year <= last) if last is not None else year >= allowed_before:
            return None
    return years


@rule(
    "PP116",
    "heading-year-differs",
    Severity.WARNING,
    en="The {where} names {years}, not the plan's {period}: {text!r}.",
    vi="{where} ghi {years}, không phải thời gian của kế hoạch ({period}): {text!r}.",
)
def heading_year_differs(context: PlanContext, report: Report) -> None:
    """A title or closing sentence that names other years than the plan's.

    A plan copied from last year's keeps last year in its heading ("KẾ HOẠCH
    Cải cách hành chính năm 2021" over a 2022 plan) or its closing sentence
    ("Trên đây là Kế hoạch CCHC năm 2021 của UBND xã"). Reported when the
    title (or the closing sentence) names years and none of them is a year
    of the plan (for an open-ended plan, its first year or a later one).
    Left alone: a title that names the plan's year beside another ("khắc
    phục tồn tại năm 2020, nâng cao Chỉ số CCHC năm 2021"); the year before
    the plan in a remedial plan's title, which names last year's results;
    years inside document symbols and dates; text without any year.
    """
    plan = context.plan
    places = (
        ("$.title", plan.title, Localized(vi="Tiêu đề", en="title", key="title")),
        ("$.closing", plan.closing, Localized(vi="Câu kết", en="closing sentence", key="closing")),
    )
    for path, text, where in places:
        if text is None:
            continue
        years = _stray_years(context, text)
        if years is not None:
            report(path, where=where, years=", ".join(map(str, years)), period=plan_period(context), text=text)


_ROMAN = re.compile(r"[IVXLC]+\Z")


def _label_style(label: str) -> str:
    """How a label is numbered: Roman, Arabic, decimal ("1.2"), letter, or anything else (kept as written)."""
    core = label.strip().rstrip(".):").strip()
    if _ROMAN.match(core):
        return "roman"
    if core.isdigit():
        return "arabic"
    if "." in core and all(part.isdigit() for part in core.split(".")):
        return f"decimal{core.count('.')}"
    if len(core) == 1 and core.isalpha():
        return "letter"
    return "other"


def _label_key(label: str) -> str:
    core = label.strip().rstrip(".):").strip().casefold()
    return ".".join(part.lstrip("0") or "0" for part in core.split(".")) if core[:1].isdigit() else core


@rule(
    "PP117",
    "duplicate-section-number",
    Severity.WARNING,
    en="Section {label!r} ({heading!r}) repeats the number of {first} under the same heading.",
    vi="Mục {label!r} ({heading!r}) trùng số với {first} trong cùng một phần.",
)
def duplicate_section_number(context: PlanContext, report: Report) -> None:
    """Two sections of one level under the same heading with the same number.

    "2. Cải cách thể chế" followed later by "2. Cải cách thủ tục hành chính"
    under the same part: a section was inserted or deleted without
    renumbering, and every cross-reference ("nhiệm vụ tại Mục II.2") becomes
    ambiguous. Labels are compared as written, without their final dot or
    bracket and leading zeros ("02." is "2"). Sections are siblings when they
    have the same parent, where the plan records its tree; in a plan that
    records none, a numbering style (Roman, Arabic, "1.1", letters) opens a
    level under the last heading of the style above it, and numbering that
    starts again under the next Roman part is not a repeat. The headings of
    a table (its group rows) are compared among themselves only. Sections
    without a label are left alone.
    """
    plan = context.plan
    tree = any(s.parent is not None for s in plan.sections)
    seen: dict[tuple[object, ...], int] = {}
    styles: list[tuple[str, int]] = []
    for index, section in enumerate(plan.sections):
        label = section.label
        table = section.source.table if section.source is not None else None
        if tree:
            scope: tuple[object, ...] = ("parent", section.parent, table)
        else:
            if label is None:
                continue
            style = _label_style(label)
            levels = [s for s, _ in styles]
            if style in levels:
                del styles[levels.index(style) :]
            parent = styles[-1][1] if styles else -1
            styles.append((style, index))
            scope = ("flat", parent, style, table)
        if label is None:
            continue
        key = (*scope, _label_key(label))
        first = seen.setdefault(key, index)
        if first != index:
            report(
                f"$.sections[{index}].label",
                source=section.source,
                label=label,
                heading=section.heading,
                first=f"$.sections[{first}]",
            )


@rule(
    "PP118",
    "area-without-lead",
    Severity.WARNING,
    en="None of the {count} tasks of area {area} names a lead, while the tasks of other areas do.",
    vi="Không nhiệm vụ nào trong {count} nhiệm vụ thuộc lĩnh vực {area} có cơ quan chủ trì, "
    "trong khi nhiệm vụ của các lĩnh vực khác có.",
)
def area_without_lead(context: PlanContext, report: Report) -> None:
    """A whole reform area whose tasks name no lead, in a plan that names leads for the other areas.

    An area left without anybody to answer for it is usually a group whose
    "Phân công trách nhiệm" paragraph or lead column was lost or forgotten.
    A task's lead is its own or the one its sections state for the group;
    a task's area is its own or its sections'. One finding per area, at the
    area's first section heading (else its first task), rather than one per
    task. Reported only when the plan's work items (outside "Tổ chức thực
    hiện") name leads for some areas. Left alone: plans that name no lead at
    all (PP113), plans whose work items name none and that assign their work
    as a whole in "Tổ chức thực hiện" ("các công chức được giao chủ trì các
    tiêu chí chịu trách nhiệm …"), and areas of which some task, in the
    prose, in the table or in "Tổ chức thực hiện" ("Bộ phận Tư pháp chịu
    trách nhiệm … Cải cách thể chế"), names a lead.
    """
    plan = context.plan
    counts, first_task = _area_tasks(context)
    for area in ReformArea:
        if area in areas_without_lead(context):
            section = next((k for k, s in enumerate(plan.sections) if s.area is area), None)
            path = f"$.sections[{section}]" if section is not None else f"$.tasks[{first_task[area]}]"
            report(path, area=area_param(area), count=counts[area])


def _area_tasks(context: PlanContext) -> tuple[dict[ReformArea, int], dict[ReformArea, int]]:
    """How many tasks (directions aside) each area has, and the index of its first."""
    directions = context.directions
    counts: dict[ReformArea, int] = {}
    first_task: dict[ReformArea, int] = {}
    for index in range(len(context.plan.tasks)):
        area = context.area_of(index)
        if area is not None and index not in directions:
            counts[area] = counts.get(area, 0) + 1
            first_task.setdefault(area, index)
    return counts, first_task


def areas_without_lead(context: PlanContext) -> frozenset[ReformArea]:
    """The areas none of whose tasks names a lead, in a plan that names leads for other areas (PP118).

    Computed once per run; PP104 leaves these areas' tasks to PP118.
    """
    cached = context.cache.get("areas_without_lead")
    if isinstance(cached, frozenset):
        return cached
    directions = context.directions
    led_work: set[ReformArea] = set()
    led_directions: set[ReformArea] = set()
    for index in range(len(context.plan.tasks)):
        area = context.area_of(index)
        if area is not None and context.lead_of(index) is not None:
            (led_directions if index in directions else led_work).add(area)
    counts, _ = _area_tasks(context)
    led = led_work | led_directions
    result = frozenset(area for area in counts if area not in led) if led_work else frozenset()
    context.cache["areas_without_lead"] = result
    return result


def _officials(context: PlanContext) -> Iterator[tuple[str, Official]]:
    plan = context.plan
    owners: list[tuple[str, Responsibility]] = [
        (f"$.sections[{k}].responsibility", s.responsibility)
        for k, s in enumerate(plan.sections)
        if s.responsibility is not None
    ]
    owners.extend(
        (f"$.tasks[{k}].responsibility", t.responsibility) for k, t in enumerate(plan.tasks) if t.responsibility
    )
    for base, responsibility in owners:
        for path, party in _party_paths(base, responsibility):
            if isinstance(party, Official) and party.name is not None and party.position is not None:
                yield path, party


_POST_NOISE = frozenset(
    {"cong", "chuc", "can", "bo", "xa", "phuong", "huyen", "uy", "ban", "nhan", "dan", "dong", "chi"}
)


def _post_words(position: str) -> frozenset[str]:
    return frozenset(word for word in party_match_key(position).split() if word not in _POST_NOISE)


@rule(
    "PP119",
    "official-under-two-posts",
    Severity.WARNING,
    en="{name!r} is named as {post!r} here and as {other!r} at {first}.",
    vi="{name!r} được ghi là {post!r} ở đây và là {other!r} tại {first}.",
)
def official_under_two_posts(context: PlanContext, report: Report) -> None:
    """One person named under two different posts.

    "Đ/c Phan Văn Cường – công chức Tư pháp - Hộ tịch" in one group and
    "Đ/c Phan Văn Cường – công chức Văn hóa - Xã hội" in another: one of the
    posts is wrong, and the person cannot be held to account under either.
    People are matched by name (folded); posts are compared by their words
    without the kind words ("công chức", "UBND xã"), and two posts are the
    same when the words of one are all in the other ("Phó Chủ tịch" and "Phó
    Chủ tịch UBND xã", the signer's title beside a task's). Checked over every
    role of every task and every group responsibility, and against the
    signature. Left alone: officials named without a post, posts without a
    name, and the same post written in other ways.
    """
    plan = context.plan
    first: dict[str, tuple[str, str, frozenset[str]]] = {}
    signature = plan.signature
    if signature is not None and signature.name is not None:
        first[party_match_key(signature.name)] = ("$.signature", signature.position, _post_words(signature.position))
    for path, official in _officials(context):
        name, position = official.name, official.position
        if name is None or position is None:
            continue
        key = party_match_key(name)
        words = _post_words(position)
        seen = first.get(key)
        if seen is None:
            first[key] = (path, position, words)
            continue
        if words and seen[2] and not (words <= seen[2] or seen[2] <= words):
            report(path, name=name, post=position, other=seen[1], first=seen[0])


_LETTERS = re.compile(r"[^\W\d_]{2,}")
_PLACEHOLDERS = frozenset({"trong", "khong", "chua co", "dang cap nhat"})
"""Placeholders that stand for no content (folded): "(trống)", "chưa có", "đang cập nhật"."""


def _is_empty(text: str) -> bool:
    words = _LETTERS.findall(text)
    if len(words) > 3:  # longer than any placeholder: most titles stop here, unfolded
        return False
    return not words or fold(" ".join(words)) in _PLACEHOLDERS


@rule(
    "PP120",
    "empty-item",
    Severity.WARNING,
    en="The {what} at {label} says nothing: {text!r}.",
    vi="{what} tại {label} không có nội dung: {text!r}.",
)
def empty_item(context: PlanContext, report: Report) -> None:
    """A task or objective with no words: a numbered item left empty.

    "c) …", "- ", "5." alone, or a placeholder ("(trống)", "chưa có"): a
    draft's item never filled in, or text lost in copying. The model needs
    some text, so such items arrive as punctuation, a lone number or a
    placeholder. Reported when the text has no word of two letters or more,
    or only a placeholder. Left alone: short items that say something ("Ban
    hành kế hoạch"), and "-nt-" / "nt" (như trên), which repeats the item
    above rather than leaving this one empty.
    """
    plan = context.plan
    for index, task in enumerate(plan.tasks):
        if _is_empty(task.title):
            what = Localized(vi="Nhiệm vụ", en="task", key="task")
            report(f"$.tasks[{index}].title", source=task.source, what=what, label=task.id, text=task.title)
    for index, objective in enumerate(plan.objectives):
        if _is_empty(objective.text):
            what = Localized(vi="Mục tiêu", en="objective", key="objective")
            label = objective.id or f"$.objectives[{index}]"
            report(f"$.objectives[{index}].text", source=objective.source, what=what, label=label, text=objective.text)


_COLLECTIVE_ISSUER = re.compile(r"\b(?:uy ban nhan dan|ubnd)\b")


@rule(
    "PP121",
    "signed-without-collective-body",
    Severity.WARNING,
    en="The plan of {issuer!r} is signed {lines!r} without 'TM. ỦY BAN NHÂN DÂN' above it.",
    vi="Kế hoạch của {issuer!r} được ký {lines!r} mà không có dòng 'TM. ỦY BAN NHÂN DÂN' ở trên.",
)
def signed_without_collective_body(context: PlanContext, report: Report) -> None:
    """A People's Committee's plan signed by a deputy (KT.) or an acting head (Q.) without "TM." above.

    A People's Committee is a collective body: its documents are signed "TM.
    ỦY BAN NHÂN DÂN", then, when a vice-chair signs for the chair, "KT. CHỦ
    TỊCH / PHÓ CHỦ TỊCH" (Decree 30/2020/NĐ-CP). A plan signed "KT. CHỦ TỊCH"
    alone reads as the chair's own document, not the committee's. Left alone:
    bodies headed by one person (a department signs "KT. GIÁM ĐỐC" without
    TM.), signatures whose lines of authority were not recorded, and "TL." or
    "TUQ." signatures, which sign by order or delegation.
    """
    plan = context.plan
    signature = plan.signature
    if signature is None or not signature.authorities:
        return
    issuer = plan.issuer
    collective = issuer.category is OrgKind.PEOPLES_COMMITTEE or (
        issuer.category is None and _COLLECTIVE_ISSUER.search(fold(issuer.name)) is not None
    )
    capacities = {authority.capacity for authority in signature.authorities}
    if collective and SigningCapacity.TM not in capacities and capacities & {SigningCapacity.KT, SigningCapacity.Q}:
        lines = " / ".join(
            f"{a.capacity.value}. {a.of}" if a.of else f"{a.capacity.value}." for a in signature.authorities
        )
        report("$.signature", issuer=issuer.name, lines=lines)


_MASTHEAD_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_MASTHEAD_NUMBER = re.compile(r"^\s*so\s*:?\s*", re.IGNORECASE)


def _masthead_differences(context: PlanContext) -> Iterator[tuple[str, Localized, str, str]]:
    plan = context.plan
    masthead = plan.masthead
    if masthead is None:
        return
    symbol = plan.symbol
    if masthead.number is not None and symbol is not None and not symbol.is_blank:
        printed = "".join(_MASTHEAD_NUMBER.sub("", fold(masthead.number)).split()).replace("–", "-")
        own = "".join(fold(symbol.as_written).split())
        numbered = printed[:1].isdigit()
        if numbered and printed.lstrip("0") not in (own.lstrip("0"), fold(str(symbol)).lstrip("0")):
            what = Localized(vi="số, ký hiệu", en="number", key="number")
            yield "$.masthead.number", what, masthead.number, symbol.as_written
    issued = plan.issued_on
    if masthead.place_date is not None and issued is not None:
        found = _MASTHEAD_DATE.search(fold(masthead.place_date))
        if found is not None:
            day, month, year = (int(part) for part in found.groups())
            if (year, month, day) != (issued.year, issued.month, issued.day):
                what = Localized(vi="ngày ban hành", en="date", key="date")
                yield "$.masthead.place_date", what, masthead.place_date, vi_date(issued)


@rule(
    "PP122",
    "masthead-disagrees",
    Severity.WARNING,
    en="The masthead prints the {what} {printed!r}, but the plan's is {recorded!r}.",
    vi="Phần đầu văn bản ghi {what} là {printed!r}, nhưng của kế hoạch là {recorded!r}.",
)
def masthead_disagrees(context: PlanContext, report: Report) -> None:
    """A masthead whose number or date is not the plan's own.

    The masthead ("Số: 41/KH-UBND", "Hòa Khánh, ngày 08 tháng 4 năm 2026")
    is what readers and registers cite; when the number or date recorded for
    the plan (an aggregator's metadata, the decision promulgating it, a
    register) differs, one of them is wrong. Numbers are compared without
    "Số:", spaces, case, diacritics and leading zeros; dates only when the
    masthead writes one in full ("ngày … tháng … năm …"). Left alone: a
    masthead without a number or a full date (a draft's blanks), a plan
    without a recorded number or date, and the place.
    """
    for path, what, printed, recorded in _masthead_differences(context):
        report(path, what=what, printed=printed, recorded=recorded)
