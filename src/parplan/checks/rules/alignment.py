"""Alignment rules (PP9xx): a lower-level plan against the higher-level plan it implements.

A commune plan that says it implements a district plan ("Thực hiện Kế hoạch số
03/KH-UBND … của UBND huyện") should take up the tasks the district plan
assigns to communes. :func:`align` pairs the tasks; the rules report what is
missing and what contradicts.

The higher-level plan's tasks count whether they were transcribed from its
task table or from its prose, except the directions of its implementation
(the items of "Tổ chức thực hiện", the articles of a decision): "UBND cấp xã
có trách nhiệm xây dựng … Kế hoạch CCHC năm 2021 của đơn vị mình" asks for the
lower-level plan itself, not for a task in it. A request to a body outside
the administration ("Đề nghị …") assigns nothing.

Tasks are paired by their titles. Both titles are folded (no case, no
diacritics), punctuation and very common words ("thực hiện", "công tác",
"năm", "xã" …) are dropped, and the remaining syllables are taken in adjacent
pairs, since most Vietnamese words have two syllables ("kế hoạch", "thủ tục").
The similarity of two titles is the Dice coefficient of their pair sets,
``2·|A∩B| / (|A|+|B|)``; a lower-level task matches a higher-level one when
the similarity reaches ``CheckConfig.title_match`` (0.3 by default). Each
higher-level task takes its most similar lower-level task, preferring one of
the same area on a tie. Only candidates that share at least one pair are
scored, through an index of pairs, so the work grows with the plans' sizes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from parplan.areas import ReformArea
from parplan.checks._text import number_value, party_match_key, syllable_pairs
from parplan.checks.config import DEFAULT_CONFIG
from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule
from parplan.checks.rules.structure import area_param
from parplan.legal import LegalReference
from parplan.org import AdminLevel, JointParty, Party, Role, SingleParty
from parplan.plan import Plan, Task
from parplan.text.normalize import fold

__all__ = ["Alignment", "align", "assigned_to", "citation_differences", "implements"]

_MARKERS = {
    AdminLevel.COMMUNE: re.compile(
        r"\b(?:cap xa|cac xa|xa, phuong|xa, thi tran|phuong, xa|phuong, thi tran|cac phuong|xa, phuong, thi tran)\b"
    ),
    AdminLevel.DISTRICT: re.compile(r"\b(?:cap huyen|cac huyen|huyen, thi xa|huyen, thanh pho|cac quan)\b"),
    AdminLevel.PROVINCE: re.compile(r"\b(?:cap tinh|cac tinh)\b"),
    AdminLevel.CENTRAL: re.compile(r"\b(?:cac bo|bo, nganh|cac bo, nganh|trung uong)\b"),
}


def _singles(party: Party) -> tuple[SingleParty, ...]:
    return party.members if isinstance(party, JointParty) else (party,)


def assigned_to(task: Task, level: AdminLevel, unit_name: str | None = None) -> bool:
    """Whether ``task`` gives work to the units of ``level``, in any role.

    A party counts when it is an organisation of that level, when its name
    says so ("UBND cấp xã", "UBND các xã, thị trấn", "các phường"), or when it
    names the unit ``unit_name`` itself (folded comparison). A request
    ("Đề nghị …", :attr:`Responsibility.requested`) is not an assignment.
    """
    responsibility = task.responsibility
    if responsibility is None:
        return False
    marker = _MARKERS[level]
    own = fold(unit_name) if unit_name else None
    for role, party in responsibility.assignments():
        if role is Role.REQUESTED:
            continue
        for single in _singles(party):
            if getattr(single, "level", None) is level:
                return True
            label = fold(single.label)
            if marker.search(label) is not None or (own is not None and own in label):
                return True
    return False


_YEAR_IN_TITLE = re.compile(r"\b(?:nam|giai doan)\s+((?:19|20)\d\d)\b")


def _issuer_words(parent: Plan) -> frozenset[str]:
    names = [parent.issuer.name, *(unit.full_name for unit in parent.unit.chain())]
    return frozenset(word for name in names for word in party_match_key(name).split())


def _year_differs(reference: LegalReference, parent: Plan) -> bool:
    """Whether the citation's year (in its symbol, else the plan year its subject names) is not the parent's."""
    own, cited = parent.symbol, reference.symbol
    if own is not None and cited is not None and own.year is not None and cited.year is not None:
        return own.year != cited.year
    if reference.title is None:
        return False
    years = {int(year) for year in _YEAR_IN_TITLE.findall(fold(reference.title))}
    if not years:
        return False
    if parent.last_year is None:
        return max(years) < parent.first_year
    return not years & set(parent.stated_years)


def citation_differences(reference: LegalReference, parent: Plan) -> tuple[str, ...] | None:
    """How a citation of ``parent`` differs from it: None when it cites another number.

    A citation names the parent when its number (leading zeros ignored) and
    its type are the parent's. It then agrees with the parent when the
    ``year`` (the year in both symbols, else the plan year its subject names,
    "về CCHC năm 2022"), the ``issuer`` (the citation's issuer, every word of
    which must be in the parent's issuer or unit names: "UBND huyện" names
    "Ủy ban nhân dân huyện Hương Sơn") and the ``date`` agree; each that
    differs is named. A fact either side leaves out is not compared.
    """
    symbol, cited = parent.symbol, reference.symbol
    if symbol is None or cited is None or symbol.number is None or cited.number is None:
        return None
    if number_value(symbol.number) != number_value(cited.number):
        return None
    if fold(symbol.doc_type or "") != fold(cited.doc_type or ""):
        return None
    differ: list[str] = ["year"] if _year_differs(reference, parent) else []
    if reference.issuer_name is not None:
        words = set(party_match_key(reference.issuer_name).split())
        if not words <= _issuer_words(parent):
            differ.append("issuer")
    if reference.date is not None and parent.issued_on is not None and reference.date != parent.issued_on:
        differ.append("date")
    return tuple(differ)


def implements(child: Plan, parent: Plan) -> LegalReference | None:
    """The reference by which ``child`` says it implements ``parent``, or None.

    A citation implements the parent when it agrees on number, type, year,
    issuer and date (:func:`citation_differences`); a number alone is not
    enough, since every People's Committee numbers its plans …/KH-UBND. A
    parent without a number is recognised by the date of the citation.
    """
    symbol = parent.symbol
    for reference in child.implements:
        if symbol is not None and not symbol.is_blank:
            if citation_differences(reference, parent) == ():
                return reference
        elif parent.issued_on is not None and reference.date == parent.issued_on:
            return reference
    return None


@attrs.frozen(kw_only=True)
class Alignment:
    """How the tasks of a lower-level plan answer those a higher-level plan assigns to it.

    ``assigned`` lists the indexes of the higher-level tasks given to the
    lower level; ``matches`` maps each matched one to the index of its
    lower-level task and the similarity.
    """

    assigned: tuple[int, ...]
    matches: dict[int, tuple[int, float]] = attrs.field(eq=False)

    @property
    def missing(self) -> tuple[int, ...]:
        """Assigned higher-level tasks without a lower-level task."""
        return tuple(i for i in self.assigned if i not in self.matches)


def _dice(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def align(child: Plan, parent: Plan, *, threshold: float = 0.3) -> Alignment:
    """Pair the tasks ``parent`` assigns to ``child``'s level with ``child``'s tasks (see the module doc)."""
    directions = PlanContext(parent, DEFAULT_CONFIG).directions
    assigned = tuple(
        i
        for i, task in enumerate(parent.tasks)
        if i not in directions and assigned_to(task, child.level, child.unit.name)
    )
    child_pairs = [syllable_pairs(task.title) for task in child.tasks]
    index: dict[str, list[int]] = {}
    for j, pairs in enumerate(child_pairs):
        for pair in pairs:
            index.setdefault(pair, []).append(j)
    matches: dict[int, tuple[int, float]] = {}
    for i in assigned:
        task = parent.tasks[i]
        pairs = syllable_pairs(task.title)
        candidates: set[int] = set()
        for pair in pairs:
            candidates.update(index.get(pair, ()))
        best: tuple[float, bool, int] | None = None
        for j in sorted(candidates):
            score = _dice(pairs, child_pairs[j])
            same_area = task.area is not None and child.tasks[j].area is task.area
            if score >= threshold and (best is None or (score, same_area) > (best[0], best[1])):
                best = (score, same_area, j)
        if best is not None:
            matches[i] = (best[2], best[0])
    return Alignment(assigned=assigned, matches=matches)


def _alignment(context: PlanContext) -> Alignment:
    cached = context.cache.get("alignment")
    if not isinstance(cached, Alignment):
        cached = align(context.plan, context.parent, threshold=float(context.config.title_match))
        context.cache["alignment"] = cached
    return cached


def _parent_label(parent: Plan) -> str:
    if parent.symbol is not None and not parent.symbol.is_blank:
        return f"{parent.symbol.as_written}"
    return repr(parent.title)


def _labels(references: Iterable[LegalReference]) -> str:
    return "; ".join(ref.label for ref in references)


@rule(
    "PP901",
    "implements-other-plan",
    Severity.ERROR,
    en="The plan does not say it implements {parent}; it implements: {cited}.",
    vi="Kế hoạch không nêu việc thực hiện {parent}; kế hoạch thực hiện: {cited}.",
)
def implements_other_plan(context: PlanContext, report: Report) -> None:
    """A lower-level plan checked against a plan it does not say it implements.

    The plan's ``implements`` list ("Thực hiện Kế hoạch số 03/KH-UBND ngày
    14/01/2022 của UBND huyện …") must cite the higher-level plan given.
    Reported when no citation carries the parent's number and type (leading
    zeros ignored); a citation with the right number whose year, issuer or
    date differ is PP907's. Either the wrong pair of plans was given or the
    citation is wrong.
    """
    child, parent = context.plan, context.parent
    if implements(child, parent) is None and not any(
        citation_differences(reference, parent) for reference in child.implements
    ):
        cited = (
            Localized(vi=_labels(child.implements), en=_labels(child.implements))
            if child.implements
            else Localized(vi="không nêu văn bản nào", en="nothing", key="")
        )
        report("$.implements" if child.implements else "$", parent=_parent_label(parent), cited=cited)


@rule(
    "PP902",
    "assigned-area-not-covered",
    Severity.WARNING,
    en="{parent} assigns tasks of area {area} to this level ({count} tasks), but the plan covers no such area.",
    vi="{parent} giao {count} nhiệm vụ thuộc lĩnh vực {area} cho cấp này, nhưng kế hoạch không có lĩnh vực đó.",
)
def assigned_area_not_covered(context: PlanContext, report: Report) -> None:
    """An area in which the higher-level plan assigns tasks to this level but which the plan does not cover.

    The areas of the assigned tasks (see PP903 for how assignment is read) are
    compared with the areas the plan's sections and tasks cover.
    """
    child, parent = context.plan, context.parent
    counts: dict[ReformArea, int] = {}
    for i in _alignment(context).assigned:
        area = parent.tasks[i].area
        if area is not None:
            counts[area] = counts.get(area, 0) + 1
    covered = set(child.areas)
    label = _parent_label(parent)
    for area in ReformArea:
        if area in counts and area not in covered:
            report("$.tasks", parent=label, area=area_param(area), count=counts[area])


def _short(title: str) -> str:
    return title if len(title) <= 80 else title[:77] + "..."


@rule(
    "PP903",
    "assigned-task-not-covered",
    Severity.WARNING,
    en="No task takes up task {task} of {parent} ({title!r}), which is assigned to this level.",
    vi="Không có nhiệm vụ nào thực hiện nhiệm vụ {task} ({title!r}) mà {parent} giao cho cấp này.",
)
def assigned_task_not_covered(context: PlanContext, report: Report) -> None:
    """A task the higher-level plan assigns to this level, with no matching task in the plan.

    A row of the higher-level plan's task table is assigned to a commune plan
    when any of its parties (lead, coordinating, implementing, reporting) is a
    commune-level body: "UBND cấp xã", "UBND các xã, thị trấn", "các phường",
    or the commune itself by name (likewise for district plans under a
    province). Tasks are matched by title: folded syllable pairs, Dice
    similarity of at least ``CheckConfig.title_match`` (0.3), as the module
    :mod:`parplan.checks.rules.alignment` describes.
    """
    parent = context.parent
    label = _parent_label(parent)
    for i in _alignment(context).missing:
        task = parent.tasks[i]
        report("$.tasks", parent=label, task=task.id, title=_short(task.title))


@rule(
    "PP904",
    "deadline-later-than-parent",
    Severity.ERROR,
    en="Task {task} is due by {latest}, after task {parent_task} of {parent} that it takes up "
    "(due by {parent_latest}).",
    vi="Nhiệm vụ {task} có hạn đến {latest}, muộn hơn nhiệm vụ {parent_task} của {parent} mà nó thực hiện "
    "(hạn đến {parent_latest}).",
)
def deadline_later_than_parent(context: PlanContext, report: Report) -> None:
    """A task due later than the higher-level task it takes up.

    A commune cannot finish after the district it reports to: when both
    deadlines have a last day, the lower-level one must not be later.
    """
    child, parent = context.plan, context.parent
    label = _parent_label(parent)
    for i, (j, _) in sorted(_alignment(context).matches.items()):
        upper = parent.tasks[i].timeframe
        lower = child.tasks[j].timeframe
        if upper is None or lower is None:
            continue
        upper_latest, lower_latest = upper.latest, lower.latest
        if upper_latest is not None and lower_latest is not None and lower_latest > upper_latest:
            report(
                f"$.tasks[{j}].timeframe",
                source=child.tasks[j].source,
                task=child.tasks[j].id,
                latest=lower_latest,
                parent=label,
                parent_task=parent.tasks[i].id,
                parent_latest=upper_latest,
            )


@rule(
    "PP905",
    "period-outside-parent",
    Severity.WARNING,
    en="The plan covers {period}, outside the period of {parent} ({parent_period}).",
    vi="Kế hoạch áp dụng cho {period}, ngoài thời gian của {parent} ({parent_period}).",
)
def period_outside_parent(context: PlanContext, report: Report) -> None:
    """A lower-level plan whose years are not within the higher-level plan's.

    A 2022 commune plan implements the district's 2022 plan, not its 2021 one.
    """
    child, parent = context.plan, context.parent
    child_last, parent_last = child.last_year, parent.last_year
    after = parent_last is not None and (child_last is None or child_last > parent_last)
    if child.first_year < parent.first_year or after:
        report(
            "$.year" if child.year is not None else "$.span",
            period=_period(child),
            parent=_parent_label(parent),
            parent_period=_period(parent),
        )


def _period(plan: Plan) -> str:
    last = plan.last_year
    if last is None:
        return f"{plan.first_year}-"
    return str(plan.first_year) if plan.first_year == last else f"{plan.first_year}-{last}"


@rule(
    "PP906",
    "not-a-lower-level",
    Severity.ERROR,
    en="The plan is issued at {level}, not below {parent} ({parent_level}).",
    vi="Kế hoạch được ban hành ở {level}, không thấp hơn cấp của {parent} ({parent_level}).",
)
def not_a_lower_level(context: PlanContext, report: Report) -> None:
    """A plan aligned with a plan of its own level or a lower one.

    Alignment reads a lower-level plan (commune) against a higher-level one
    (district or province); the arguments may have been swapped.
    """
    child, parent = context.plan, context.parent
    if child.level.rank <= parent.level.rank:
        report(
            "$.unit",
            level=Localized(vi=child.level.title_vi, en=child.level.title_en, key=child.level.value),
            parent=_parent_label(parent),
            parent_level=Localized(vi=parent.level.title_vi, en=parent.level.title_en, key=parent.level.value),
        )


_FACTS = {
    "year": ("năm", "year"),
    "issuer": ("cơ quan ban hành", "issuer"),
    "date": ("ngày ban hành", "date"),
}


def _fact(reference: LegalReference, parent: Plan, fact: str) -> tuple[str, str]:
    if fact == "date":
        return (
            reference.date.isoformat() if reference.date else "…",
            parent.issued_on.isoformat() if parent.issued_on else "…",
        )
    if fact == "issuer":
        return reference.issuer_name or "…", parent.issuer.name
    cited = reference.symbol.year if reference.symbol is not None and reference.symbol.year else None
    own = parent.symbol.year if parent.symbol is not None and parent.symbol.year else None
    if cited is not None and own is not None:
        return str(cited), str(own)
    return reference.title or "…", _period(parent)


@rule(
    "PP907",
    "parent-cited-with-other-facts",
    Severity.ERROR,
    en="{cited} carries the number of {parent} but differs in {facts}: {detail}.",
    vi="{cited} mang số của {parent} nhưng khác về {facts}: {detail}.",
)
def parent_cited_with_other_facts(context: PlanContext, report: Report) -> None:
    """A citation with the higher-level plan's number whose year, issuer or date are not the plan's.

    Every People's Committee numbers its plans …/KH-UBND, so a number alone
    does not identify the plan implemented: "Thực hiện Kế hoạch số 03/KH-UBND
    ngày 14/01/2022 của UBND huyện Hương Sơn" names the district plan only if
    the district's plan 03 is of that date and that district. Reported for a
    citation whose number and type are the parent's but whose year (in the
    symbol, or the plan year its subject names), issuer or date differ;
    the message names each fact that differs, as cited and as in the parent.
    Either the citation is wrong or it names another plan. Left alone: facts
    the citation or the parent leaves out, and plans that also cite the
    parent exactly.
    """
    child, parent = context.plan, context.parent
    if implements(child, parent) is not None:
        return
    label = _parent_label(parent)
    for index, reference in enumerate(child.implements):
        differ = citation_differences(reference, parent)
        if not differ:
            continue
        names_vi = ", ".join(_FACTS[fact][0] for fact in differ)
        names_en = ", ".join(_FACTS[fact][1] for fact in differ)
        details = [(fact, *_fact(reference, parent, fact)) for fact in differ]
        detail = Localized(
            vi="; ".join(f"{_FACTS[f][0]} trích dẫn {a!r}, của kế hoạch {b!r}" for f, a, b in details),
            en="; ".join(f"{_FACTS[f][1]} cited {a!r}, the plan's {b!r}" for f, a, b in details),
            key=",".join(differ),
        )
        report(
            f"$.implements[{index}]",
            cited=reference.label,
            parent=label,
            facts=Localized(vi=names_vi, en=names_en, key=",".join(differ)),
            detail=detail,
        )
