"""Every rule, one by one: a plan that triggers it and a near miss that does not.

The table maps each rule code to two changes of the clean plan of
``checks_plans``: one that breaks exactly what the rule is about, and one that
comes as close as possible without breaking it (the boundary). A contract test
makes sure no rule is left out of the table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

import attrs
import pytest

import parplan
from builders import minimal_plan
from checks_plans import (
    AREA_MAXIMA,
    AREA_POINTS,
    clean_plan,
    evolve_target,
    evolve_task,
    replace_at,
    reporting_line,
    resolve_path,
    table_row,
)
from parplan import (
    AdminUnit,
    AreaScore,
    Authority,
    Baseline,
    Before,
    Budget,
    BudgetLine,
    Certainty,
    CollectiveParty,
    Comparator,
    DocumentSymbol,
    FieldSource,
    JointParty,
    LegalReference,
    Masthead,
    Milestone,
    Official,
    Organisation,
    Plan,
    PlanKind,
    ReformArea,
    ReportingPeriod,
    Responsibility,
    Section,
    Signature,
    SigningCapacity,
    SourceLocation,
    SymbolForm,
    Target,
    TargetFlag,
    Task,
    Unit,
    UnitKind,
    Within,
)
from parplan.checks import Family, Subject, rules


class Case(NamedTuple):
    trigger: Callable[[Plan], Plan]
    near_miss: Callable[[Plan], Plan]
    path: str
    as_of: date | None = None


def _set(**changes: Any) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(plan, **changes)


def _task(index: int, **changes: Any) -> Callable[[Plan], Plan]:
    return lambda plan: evolve_task(plan, index, **changes)


def _target(objective: int, **changes: Any) -> Callable[[Plan], Plan]:
    return lambda plan: evolve_target(plan, objective, **changes)


def _responsibility(index: int, **changes: Any) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        current = plan.tasks[index].responsibility
        assert current is not None
        return evolve_task(plan, index, responsibility=attrs.evolve(current, **changes))

    return change


def _prose(change: Callable[[Plan], Plan], index: int) -> Callable[[Plan], Plan]:
    """``change``, then task ``index`` moved from the appendix table to the prose."""
    return lambda plan: evolve_task(change(plan), index, source=SourceLocation(section="III.1", item="1"))


def _all_prose(plan: Plan) -> Plan:
    """``plan`` with every row of its task table transcribed as an item of a prose part (IV) instead."""
    tasks = tuple(
        attrs.evolve(task, source=SourceLocation(section=f"IV.{k}", item="a"))
        if task.source is not None and task.source.table is not None
        else task
        for k, task in enumerate(plan.tasks, 1)
    )
    return attrs.evolve(plan, tasks=tasks)


def _grouped(index: int, *, task: dict[str, Any], section: dict[str, Any]) -> Callable[[Plan], Plan]:
    """Sections with ids, task ``index`` linked to its area's section; both changed as given."""

    def change(plan: Plan) -> Plan:
        sections = [attrs.evolve(s, id=f"s{k}") for k, s in enumerate(plan.sections, 1)]
        sections[index] = attrs.evolve(sections[index], **section)
        plan = attrs.evolve(plan, sections=tuple(sections))
        return evolve_task(plan, index, section=f"s{index + 1}", **task)

    return change


def _without_outputs(*indexes: int) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        for index in indexes:
            plan = evolve_task(plan, index, outputs=())
        return plan

    return change


def _timeframes(keep: int | None) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(
        plan, tasks=tuple(t if k == keep else attrs.evolve(t, timeframe=None) for k, t in enumerate(plan.tasks))
    )


def _official(index: int, name: str, position: str) -> Callable[[Plan], Plan]:
    return _responsibility(index, lead=Official(name=name, position=position, honorific="Đ/c"))


def _sections(*labels: tuple[str, str]) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(plan, sections=tuple(Section(label=lab, heading=h) for lab, h in labels))


def _extra_task(task: Task) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(plan, tasks=(*plan.tasks, task))


def _basis(index: int, **changes: Any) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        bases = list(plan.legal_bases)
        bases[index] = attrs.evolve(bases[index], **changes)
        return attrs.evolve(plan, legal_bases=tuple(bases))

    return change


def _implements(**changes: Any) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(plan, implements=(attrs.evolve(plan.implements[0], **changes),))


def _symbol(**changes: Any) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        ref = plan.legal_bases[0]
        assert ref.symbol is not None
        return _basis(0, symbol=attrs.evolve(ref.symbol, **changes))(plan)

    return change


def _line(index: int, **changes: Any) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(
        plan, reporting=replace_at(plan.reporting, index, attrs.evolve(plan.reporting[index], **changes))
    )


def _extra_line(period: str) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(plan, reporting=(*plan.reporting, reporting_line(period)))


def _result(**changes: Any) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(plan, results=(attrs.evolve(plan.results[0], **changes),))


def _area_score(index: int, **changes: Any) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        result = plan.results[0]
        scores = replace_at(result.area_scores, index, attrs.evolve(result.area_scores[index], **changes))
        return attrs.evolve(plan, results=(attrs.evolve(result, area_scores=scores),))

    return change


def _scores(points: tuple[str, ...], maxima: tuple[str, ...], score: str) -> Callable[[Plan], Plan]:
    scores = tuple(
        AreaScore(area=area, points=Decimal(p), max_points=Decimal(m))
        for area, p, m in zip(ReformArea, points, maxima, strict=True)
    )
    return _result(area_scores=scores, score=Decimal(score))


def _both(first: Callable[[Plan], Plan], second: Callable[[Plan], Plan]) -> Callable[[Plan], Plan]:
    return lambda plan: second(first(plan))


def _without_task(area: ReformArea) -> Callable[[Plan], Plan]:
    return lambda plan: attrs.evolve(
        plan,
        tasks=tuple(task for task in plan.tasks if task.area is not area),
        sections=tuple(section for section in plan.sections if section.area is not area),
    )


def _district(plan: Plan) -> Plan:
    unit = plan.unit.parent
    assert unit is not None
    return attrs.evolve(plan, unit=unit)


def _second_target(target: Target) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        objective = plan.objectives[0]
        objectives = replace_at(plan.objectives, 0, attrs.evolve(objective, targets=(*objective.targets, target)))
        return attrs.evolve(plan, objectives=objectives)

    return change


def _percent(comparator: Comparator, value: str) -> Target:
    return Target(
        comparator=comparator,
        value=Decimal(value),
        unit=Unit.PERCENT,
        indicator="ty-le-ho-so-truc-tuyen",
        horizon=date(2024, 12, 31),
    )


def _second_basis(number: str, day: date, title: str) -> Callable[[Plan], Plan]:
    def change(plan: Plan) -> Plan:
        first = plan.implements[0]
        assert first.symbol is not None
        other = attrs.evolve(first, symbol=attrs.evolve(first.symbol, number=number), date=day, title=title)
        return attrs.evolve(plan, legal_bases=(*plan.legal_bases, other))

    return change


_ISO_TITLE = "về chuyển đổi sang ISO 9001:2015"
_ISO_TITLE_LONG = "về việc xây dựng, chuyển đổi Hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015"
_DISTRICT_OFFICE = CollectiveParty(name="UBND các xã, thị trấn")
_PROSE_TTHC = Task(
    id="III.3.1",
    title="Niêm yết công khai TTHC tại Bộ phận Một cửa",
    area=ReformArea.THU_TUC_HANH_CHINH,
    outputs=("Danh mục TTHC",),
    responsibility=Responsibility(lead=Organisation(name="Công chức Tư pháp - Hộ tịch")),
    timeframe=Before(day=date(2024, 3, 31)),
    source=SourceLocation(section="III.3", item="1"),
)
"""A prose item of area 3 that names its lead: the area is led, so a table row of it without a lead is a gap."""
_RANK = Target(comparator=Comparator.LE, value=Decimal(3), unit=Unit.RANK, out_of=25)

CASES: dict[str, Case] = {
    # --- structure ---
    "PP101": Case(_set(tasks=()), lambda plan: attrs.evolve(plan, tasks=plan.tasks[:1]), "$.tasks"),
    "PP102": Case(
        _without_task(ReformArea.TAC_DONG),
        _both(_without_task(ReformArea.TAC_DONG), _district),
        "$",
    ),
    "PP103": Case(
        lambda plan: evolve_task(plan, 1, id=plan.tasks[0].id),
        lambda plan: evolve_task(plan, 1, id=plan.tasks[0].id + "a"),
        "$.tasks[1].id",
    ),
    "PP115": Case(
        _target(1, id="ct-1.1"),
        _target(1, id="ct-1.2"),
        "$.objectives[1].targets[0].id",
    ),
    "PP104": Case(
        _both(_responsibility(2, lead=None), _extra_task(_PROSE_TTHC)),
        _grouped(
            2,
            task={"responsibility": None},
            section={"responsibility": Responsibility(lead=Organisation(name="Công chức Tư pháp - Hộ tịch"))},
        ),
        "$.tasks[2].responsibility",
    ),
    "PP105": Case(
        _responsibility(3, coordinating=(Organisation(name="VP Ủy ban nhân dân xã"),)),
        _responsibility(3, coordinating=(Organisation(name="Văn phòng HĐND xã"),)),
        "$.tasks[3].responsibility.coordinating[0]",
    ),
    "PP106": Case(_task(4, outputs=()), _without_outputs(0, 1, 2, 3, 4), "$.tasks[4]"),
    "PP107": Case(
        lambda plan: evolve_task(plan, 5, title=plan.tasks[4].title.upper() + " ", area=plan.tasks[4].area),
        lambda plan: evolve_task(plan, 5, title=plan.tasks[4].title.upper() + " "),
        "$.tasks[5].title",
    ),
    "PP108": Case(
        _set(issued_on=date(2025, 7, 1), year=2025),
        _set(issued_on=date(2025, 6, 30), year=2025),
        "$.unit.parent",
    ),
    "PP109": Case(
        _both(_set(issued_on=date(2025, 7, 1), year=2025), _responsibility(6, coordinating=(_DISTRICT_OFFICE,))),
        _both(_set(issued_on=date(2025, 6, 30), year=2025), _responsibility(6, coordinating=(_DISTRICT_OFFICE,))),
        "$.tasks[6].responsibility.coordinating[0]",
    ),
    "PP110": Case(
        _set(symbol=DocumentSymbol(number=None, doc_type="KH", issuer="UBND")),
        _set(symbol=DocumentSymbol(number="1", doc_type="KH", issuer="UBND")),
        "$.symbol",
    ),
    "PP111": Case(_set(issued_on=None), _set(issued_on=date(2024, 1, 1)), "$"),
    "PP112": Case(_task(7, area=None), _grouped(7, task={"area": None}, section={}), "$.tasks[7]"),
    "PP113": Case(
        lambda plan: attrs.evolve(plan, tasks=tuple(attrs.evolve(t, responsibility=None) for t in plan.tasks)),
        lambda plan: attrs.evolve(
            plan, tasks=(plan.tasks[0], *(attrs.evolve(t, responsibility=None) for t in plan.tasks[1:]))
        ),
        "$.tasks",
    ),
    "PP114": Case(
        _responsibility(0, lead=Organisation(name="Văn phòng HDNĐ - UBND xã")),
        _responsibility(0, lead=Organisation(name="Van phong HDND - UBND xa")),
        "$.tasks[0].responsibility.lead",
    ),
    "PP116": Case(
        _set(title="Kế hoạch cải cách hành chính năm 2023"),
        _set(title="Kế hoạch khắc phục hạn chế của Chỉ số CCHC năm 2023", kind=PlanKind.REMEDIAL),
        "$.title",
    ),
    "PP117": Case(
        _sections(("I", "NHIỆM VỤ"), ("1", "Công tác chỉ đạo, điều hành"), ("1", "Cải cách thể chế")),
        _sections(("I", "NHIỆM VỤ"), ("1", "Cải cách thể chế"), ("II", "TỔ CHỨC THỰC HIỆN"), ("1", "Văn phòng")),
        "$.sections[2].label",
    ),
    "PP118": Case(
        _task(5, responsibility=None),
        _both(
            _task(5, responsibility=None),
            _extra_task(
                Task(
                    id="III.6.1",
                    title="Công khai dự toán, quyết toán ngân sách xã",
                    area=ReformArea.TAI_CHINH_CONG,
                    responsibility=Responsibility(lead=Organisation(name="Công chức Tài chính - Kế toán")),
                    source=SourceLocation(section="III.6", item="1"),
                )
            ),
        ),
        "$.sections[5]",
    ),
    "PP119": Case(
        _both(
            _official(0, "Nguyễn Văn An", "công chức Văn phòng - Thống kê"),
            _official(1, "Nguyễn Văn An", "công chức Tư pháp - Hộ tịch"),
        ),
        _both(
            _official(0, "Nguyễn Văn An", "công chức Văn phòng - Thống kê"),
            _official(1, "Nguyễn Văn An", "Công chức Văn phòng – Thống kê xã"),
        ),
        "$.tasks[1].responsibility.lead",
    ),
    "PP120": Case(_task(3, title="c) …"), _task(3, title="-nt-"), "$.tasks[3].title"),
    "PP121": Case(
        _set(
            signature=Signature(
                authorities=(Authority(capacity=SigningCapacity.KT, of="CHỦ TỊCH"),), position="PHÓ CHỦ TỊCH"
            )
        ),
        _set(
            signature=Signature(
                authorities=(
                    Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN"),
                    Authority(capacity=SigningCapacity.KT, of="CHỦ TỊCH"),
                ),
                position="PHÓ CHỦ TỊCH",
            )
        ),
        "$.signature",
    ),
    "PP122": Case(
        _set(masthead=Masthead(issuer="ỦY BAN NHÂN DÂN XÃ TÂN LẬP", number="Số: 21/KH-UBND")),
        _set(masthead=Masthead(issuer="ỦY BAN NHÂN DÂN XÃ TÂN LẬP", number="Số: 012/KH-UBND")),
        "$.masthead.number",
    ),
    # --- dates ---
    "PP201": Case(
        _task(0, timeframe=Before(day=date(2023, 12, 31))),
        _task(0, timeframe=Before(day=date(2024, 1, 1))),
        "$.tasks[0].timeframe",
    ),
    "PP202": Case(
        _line(1, data_from=date(2024, 12, 15)),
        _line(1, data_from=date(2024, 6, 14)),
        "$.reporting[1].data_from",
    ),
    "PP203": Case(_line(3, due=date(2023, 12, 3)), _line(3, due=date(2024, 12, 3)), "$.reporting[3].due"),
    "PP204": Case(_line(0, due=date(2024, 3, 13)), _line(0, due=date(2024, 3, 14)), "$.reporting[0].due"),
    "PP205": Case(
        _implements(date=date(2024, 1, 6)),
        _implements(date=date(2024, 1, 5)),
        "$.implements[0].date",
    ),
    "PP206": Case(
        _task(1, timeframe=Before(day=date(2024, 1, 4))),
        _task(1, timeframe=Before(day=date(2024, 1, 5))),
        "$.issued_on",
    ),
    "PP207": Case(
        _task(2, timeframe=None),
        _grouped(
            2, task={"timeframe": None}, section={"timeframe": Within(periods=(ReportingPeriod.quarter(2024, 1),))}
        ),
        "$.tasks[2]",
    ),
    "PP208": Case(
        _task(3, timeframe=Within(periods=(ReportingPeriod.month(2024, 1),))),
        _task(3, timeframe=Within(periods=(ReportingPeriod.month(2024, 2),))),
        "$.tasks[3].timeframe",
        as_of=date(2024, 2, 1),
    ),
    "PP209": Case(_set(issued_on=date(2025, 1, 1)), _set(issued_on=date(2024, 12, 31)), "$.issued_on"),
    "PP210": Case(_timeframes(None), _timeframes(0), "$.tasks"),
    # --- targets ---
    "PP301": Case(
        _target(0, value=Decimal("100.01")),
        _target(0, value=Decimal(100)),
        "$.objectives[0].targets[0].value",
    ),
    "PP302": Case(_target(1, value=Decimal(26)), _target(1, value=Decimal(25)), "$.objectives[1].targets[0].value"),
    "PP303": Case(
        _target(1, comparator=Comparator.INCREASE, value=Decimal(2), baseline=None),
        _target(1, comparator=Comparator.INCREASE, value=Decimal(2), baseline=Baseline(year=2023)),
        "$.objectives[1].targets[0]",
    ),
    "PP304": Case(
        _second_target(_percent(Comparator.LT, "80")),
        _second_target(_percent(Comparator.LE, "80")),
        "$.objectives[0].targets[1]",
    ),
    "PP305": Case(
        _target(0, flags=(TargetFlag.UNIT_INFERRED,)),
        _target(0, flags=()),
        "$.objectives[0].targets[0].unit",
    ),
    "PP306": Case(_target(0, flags=(TargetFlag.OCR_REPAIRED,)), _target(0, flags=()), "$.objectives[0].targets[0]"),
    "PP307": Case(
        _target(0, milestones=(Milestone(by=date(2025, 1, 1), value=Decimal(70)),)),
        _target(0, milestones=(Milestone(by=date(2024, 12, 31), value=Decimal(70)),)),
        "$.objectives[0].targets[0].milestones[0].by",
    ),
    "PP308": Case(_target(1, value=Decimal(0)), _target(1, value=Decimal(1)), "$.objectives[1].targets[0].value"),
    # --- references ---
    "PP401": Case(_symbol(year=None), _symbol(year=2018), "$.legal_bases[0].symbol"),
    "PP402": Case(_symbol(doc_type="T"), _symbol(doc_type="ND"), "$.legal_bases[0].symbol.doc_type"),
    "PP403": Case(
        _basis(
            0,
            symbol=DocumentSymbol(number="29", doc_type="KL", issuer="TU", form=SymbolForm.PARTY, text="29 KL/TU"),
        ),
        _basis(
            0,
            symbol=DocumentSymbol(number="29", doc_type="KL", issuer="TU", form=SymbolForm.PARTY, text="29 - KL/TU"),
        ),
        "$.legal_bases[0].symbol",
    ),
    "PP404": Case(
        _implements(symbol=DocumentSymbol(number="05", doc_type="QĐ", issuer="UBND")),
        _implements(symbol=DocumentSymbol(number="05", doc_type="QD", issuer="UBND"), kind="Quyết định"),
        "$.implements[0].symbol",
    ),
    "PP405": Case(
        _both(_implements(title=_ISO_TITLE), _second_basis("50", date(2023, 12, 28), _ISO_TITLE_LONG)),
        _both(_implements(title=_ISO_TITLE), _second_basis("50", date(2023, 12, 29), _ISO_TITLE_LONG)),
        "$.implements[0].symbol",
    ),
    "PP406": Case(_symbol(number=None), _symbol(number="5"), "$.legal_bases[0].symbol"),
    "PP407": Case(_symbol(year=2019), _basis(0, date=date(2018, 12, 31)), "$.legal_bases[0].date"),
    "PP408": Case(_symbol(text="61/2018/NĐCP"), _symbol(text="61/2018/NĐ – CP"), "$.legal_bases[0].symbol"),
    "PP409": Case(
        _basis(0, symbol=DocumentSymbol(number="30c", doc_type="NQ", issuer="CP"), kind="Nghị quyết", date=None),
        _basis(0, symbol=DocumentSymbol(number="76", doc_type="NQ", issuer="CP"), kind="Nghị quyết", date=None),
        "$.legal_bases[0].symbol",
    ),
    # --- reporting ---
    "PP501": Case(
        _line(0, data_from=date(2023, 12, 16)),
        _line(0, data_from=date(2023, 12, 15)),
        "$.reporting[0].data_from",
    ),
    "PP502": Case(
        lambda plan: attrs.evolve(plan, reporting=plan.reporting[:2] + plan.reporting[3:]),
        _extra_line("2024M05"),
        "$.reporting",
    ),
    "PP503": Case(_set(reporting=()), _set(reporting=(), kind=PlanKind.REMEDIAL), "$"),
    "PP504": Case(_extra_line("2023Q4"), _extra_line("2024Q4"), "$.reporting[4].period"),
    "PP505": Case(_extra_line("2024Q1"), _extra_line("2024Q2"), "$.reporting[4].period"),
    "PP506": Case(
        _line(3, data_to=date(2024, 11, 30), estimate_from=date(2024, 12, 2), estimate_to=date(2024, 12, 14)),
        _line(3, data_to=date(2024, 11, 30), estimate_from=date(2024, 12, 1), estimate_to=date(2024, 12, 14)),
        "$.reporting[3].estimate_from",
    ),
    # --- budget ---
    "PP601": Case(
        _task(6, budget=Budget(amount=-1)),
        _task(6, budget=Budget(amount=0)),
        "$.tasks[6].budget.amount",
    ),
    "PP602": Case(
        _task(6, budget=Budget(amount=12_000_001, lines=(BudgetLine(label="Thiết bị", amount=12_000_000),))),
        _task(6, budget=Budget(amount=12_000_000, lines=(BudgetLine(label="Thiết bị", amount=12_000_000),))),
        "$.tasks[6].budget.amount",
    ),
    "PP603": Case(
        _task(6, budget=Budget(note="Theo dự trù kinh phí riêng")),
        _task(6, budget=Budget(amount=40_000_000, note="Theo dự trù kinh phí riêng")),
        "$.tasks[6].budget",
    ),
    # --- frameworks ---
    "PP701": Case(
        _result(score=Decimal("90.74")),
        _scores(AREA_POINTS, AREA_MAXIMA, "90.73"),
        "$.results[0].score",
    ),
    "PP702": Case(
        _area_score(2, points=Decimal("14.51")),
        _both(_area_score(2, points=Decimal("14.5")), _result(score=Decimal("91.98"))),
        "$.results[0].area_scores[2].points",
    ),
    "PP703": Case(
        _area_score(7, max_points=Decimal("15.49")),
        _area_score(7, max_points=Decimal("15.50")),
        "$.results[0].area_scores",
    ),
    "PP704": Case(_result(rank=26), _result(rank=25), "$.results[0].rank"),
}


def _plan_rules() -> list[str]:
    return [entry.code for entry in rules() if entry.family is not Family.ALIGNMENT and entry.subject is Subject.PLAN]


def test_every_plan_rule_has_a_case() -> None:
    assert sorted(CASES) == _plan_rules()


def test_the_clean_plan_is_clean() -> None:
    assert parplan.check(clean_plan(), as_of=date(2024, 1, 6)) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_triggers(code: str) -> None:
    case = CASES[code]
    findings = parplan.check(case.trigger(clean_plan()), select=code, as_of=case.as_of)
    assert [(f.code, f.path) for f in findings] == [(code, case.path)]
    finding = findings[0]
    entry = parplan.checks.get_rule(code)
    assert (finding.name, finding.severity, finding.since) == (entry.name, entry.severity, entry.since)
    assert finding.message_for("en") == finding.message != finding.message_for("vi")
    assert "{" not in finding.message
    assert "{" not in finding.message_vi


@pytest.mark.parametrize("code", sorted(CASES))
def test_near_miss_does_not_trigger(code: str) -> None:
    case = CASES[code]
    near = case.near_miss(clean_plan())
    assert parplan.check(near, select=code, as_of=case.as_of) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_findings_survive_a_json_round_trip(code: str) -> None:
    """The triggering change makes a real plan: loaded back from its JSON, it gives the same findings."""
    case = CASES[code]
    plan = case.trigger(clean_plan())
    again = parplan.loads(parplan.dumps(plan))
    assert parplan.check(again, as_of=case.as_of) == parplan.check(plan, as_of=case.as_of)


@pytest.mark.parametrize("code", sorted(CASES))
def test_paths_point_into_the_dumped_plan(code: str) -> None:
    case = CASES[code]
    plan = case.trigger(clean_plan())
    document = json.loads(parplan.dumps(plan))
    for finding in parplan.check(plan, as_of=case.as_of):
        assert resolve_path(document, finding.path), finding


def test_rules_needing_a_date_stay_silent_without_one() -> None:
    case = CASES["PP208"]
    plan = case.trigger(clean_plan())
    assert parplan.check(plan, select="PP208") == []
    assert [f.code for f in parplan.check(plan, select="PP208", as_of=date(2024, 2, 1))] == ["PP208"]


# --- details of single rules ------------------------------------------------------------


def test_missing_areas_follow_the_configuration() -> None:
    plan = _without_task(ReformArea.TAC_DONG)(_without_task(ReformArea.THE_CHE)(clean_plan()))
    findings = parplan.check(plan, select="PP102")
    assert [f.param("area") for f in findings] == ["the_che", "tac_dong"]
    assert [f.param("area") for f in parplan.check(_district(plan), select="PP102")] == ["the_che"]
    config = parplan.CheckConfig(required_areas={PlanKind.ANNUAL: {}})
    assert parplan.check(plan, select="PP102", config=config) == []
    remedial = {PlanKind.REMEDIAL: {parplan.AdminLevel.COMMUNE: frozenset({ReformArea.THE_CHE})}}
    config = parplan.CheckConfig(required_areas=remedial)
    assert [f.param("area") for f in parplan.check(attrs.evolve(plan, kind=PlanKind.REMEDIAL), config=config)] == [
        "the_che"
    ]


@pytest.mark.parametrize(
    ("lead", "coordinator", "found"),
    [
        ("Văn phòng UBND xã", "Van phong UBND xa", True),
        ("Văn phòng UBND xã", "VĂN PHÒNG ỦY BAN NHÂN DÂN XÃ", True),
        ("Văn phòng HĐND - UBND huyện", "Văn phòng HDNĐ – UBND huyện", True),
        ("Tài chính - Kế toán", "Tài chính – kế toán", True),
        ("Văn phòng UBND xã", "Văn phòng xã", False),
        ("Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội", False),
    ],
)
def test_lead_also_coordinator_compares_folded_names(lead: str, coordinator: str, found: bool) -> None:
    plan = _task(
        0, responsibility=Responsibility(lead=Organisation(name=lead), coordinating=(Organisation(name=coordinator),))
    )(clean_plan())
    assert bool(parplan.check(plan, select="PP105")) is found


def test_lead_also_coordinator_reads_joint_leads() -> None:
    joint = JointParty(members=(Organisation(name="Phòng Văn hóa – Thông tin"), Organisation(name="Phòng Nội vụ")))
    plan = _task(0, responsibility=Responsibility(lead=joint, coordinating=(Organisation(name="phong noi vu"),)))(
        clean_plan()
    )
    findings = parplan.check(plan, select="PP105")
    assert [(f.param("party"), f.param("lead")) for f in findings] == [("phong noi vu", "Phòng Nội vụ")]


@pytest.mark.parametrize(
    ("party", "found"),
    [
        ("UBND huyện", True),
        ("Phòng Nội vụ huyện", True),
        ("UBND các xã, thị trấn", True),
        ("Phong Noi vu huyen", True),
        ("Văn phòng HĐND - UBND cấp huyện", True),
        ("Các cơ quan chuyên môn thuộc UBND xã", False),
        ("Đ/c Nguyễn Thị Huyền, công chức Văn phòng", False),
        ("Sở Nội vụ", False),
    ],
)
def test_abolished_actors_are_read_with_their_diacritics(party: str, found: bool) -> None:
    change = _both(
        _set(issued_on=date(2025, 9, 2), year=2025),
        _responsibility(1, coordinating=(CollectiveParty(name=party),)),
    )
    assert bool(parplan.check(change(clean_plan()), select="PP109")) is found


def test_abolished_unit_names_the_unit_and_its_validity() -> None:
    plan = attrs.evolve(
        clean_plan(),
        year=2026,
        issued_on=date(2026, 1, 10),
        unit=AdminUnit(name="Tân Lập", kind=UnitKind.TOWNSHIP),
    )
    [finding] = parplan.check(plan, select="PP108")
    assert (finding.path, finding.param("unit"), finding.param("validity")) == (
        "$.unit",
        "thị trấn Tân Lập",
        "..2025-06-30",
    )
    early = attrs.evolve(
        plan, year=2025, issued_on=date(2025, 6, 30), unit=AdminUnit(name="Cô Tô", kind=UnitKind.SPECIAL_ZONE)
    )
    [finding] = parplan.check(early, select="PP108")
    assert finding.param("validity") == "2025-07-01.."


def test_deadlines_of_compound_cells_are_checked_step_by_step() -> None:
    from parplan import Compound, Step

    cell = Compound(
        steps=(
            Step(action="Ban hành Kế hoạch", timeframe=Within(periods=(ReportingPeriod.month(2023, 1),))),
            Step(action="Báo cáo kết quả", timeframe=Within(periods=(ReportingPeriod.quarter(2024, 4),))),
        )
    )
    plan = _task(0, timeframe=cell)(clean_plan())
    assert [f.path for f in parplan.check(plan, select="PP201")] == ["$.tasks[0].timeframe.steps[0].timeframe"]
    overdue = parplan.check(plan, select="PP208", as_of=date(2024, 12, 30))
    assert [f.path for f in overdue if f.path.startswith("$.tasks[0].")] == ["$.tasks[0].timeframe.steps[0].timeframe"]


def test_contradictory_relative_targets() -> None:
    up = Target(comparator=Comparator.INCREASE, unit=Unit.RANK, subject="Chỉ số CCHC", baseline=Baseline(year=2023))
    down = attrs.evolve(up, comparator=Comparator.DECREASE, subject="chi so CCHC")
    keep = attrs.evolve(up, comparator=Comparator.MAINTAIN)
    plan = _target(1, **attrs.asdict(up, recurse=False))(clean_plan())
    assert parplan.check(_second_target(keep)(plan), select="PP304") == []
    other_year = attrs.evolve(down, baseline=Baseline(year=2022))
    assert parplan.check(_second_target(other_year)(plan), select="PP304") == []
    findings = parplan.check(
        _second_target(down)(_target(0, **attrs.asdict(up, recurse=False))(clean_plan())), select="PP304"
    )
    assert [f.path for f in findings] == ["$.objectives[0].targets[1]"]


def test_window_differences_say_when_only_the_year_differs() -> None:
    plan = _line(1, data_from=date(2024, 12, 15))(clean_plan())
    [finding] = parplan.check(plan, select="PP501")
    assert finding.param("detail") == "wrong_year"
    plan = _line(1, data_from=date(2023, 12, 14))(clean_plan())
    [finding] = parplan.check(plan, select="PP501")
    assert finding.param("detail") == "different"


def test_an_early_cutoff_with_an_estimated_tail_follows_the_regime() -> None:
    plan = _line(3, data_to=date(2024, 11, 30), estimate_from=date(2024, 12, 1), estimate_to=date(2024, 12, 14))(
        clean_plan()
    )
    assert parplan.check(plan, select="PP5") == []
    short = _line(3, data_to=date(2024, 11, 30), estimate_from=date(2024, 12, 1), estimate_to=date(2024, 12, 10))(
        clean_plan()
    )
    assert [(f.code, f.path) for f in parplan.check(short, select="PP5")] == [("PP501", "$.reporting[3].estimate_to")]


def test_unquantified_budget_quotes_the_cell() -> None:
    plan = _task(6, budget=Budget(text="Theo dự trù"))(clean_plan())
    [finding] = parplan.check(plan, select="PP603")
    assert finding.param("text") == "Theo dự trù"
    assert finding.message_vi == "Nhiệm vụ pl-7 có kinh phí nhưng không nêu số tiền: 'Theo dự trù'."


def test_money_is_written_for_each_language() -> None:
    plan = _task(6, budget=Budget(amount=-1_500_000))(clean_plan())
    [finding] = parplan.check(plan, select="PP601")
    assert finding.message.endswith("-1,500,000 VND.")
    assert finding.message_vi.endswith("-1.500.000 đồng.")
    assert finding.param("amount") == "-1500000"


def test_bundled_framework_maxima_bound_area_scores() -> None:
    plan = _result(framework="par_index_2017_province")(clean_plan())
    plan = _area_score(2, max_points=None, points=Decimal("14.75"))(plan)
    [finding] = parplan.check(plan, select="PP702")
    assert (finding.path, finding.param("maximum")) == ("$.results[0].area_scores[2].points", "14.50")


def test_score_tolerance_is_configurable() -> None:
    plan = _result(score=Decimal("90.74"))(clean_plan())
    assert parplan.check(plan, select="PP701", config=parplan.CheckConfig(score_tolerance=Decimal("0.01"))) == []
    assert len(parplan.check(plan, select="PP701", config=parplan.CheckConfig(score_tolerance=Decimal("0.005")))) == 1


def test_table_row_locations_reach_the_finding() -> None:
    plan = _task(4, outputs=())(clean_plan())
    [finding] = parplan.check(plan, select="PP106")
    assert finding.source == table_row(5)
    with_file = attrs.evolve(plan, source_file="004.txt")
    [finding] = parplan.check(with_file, select="PP106")
    assert finding.source == SourceLocation(file="004.txt", table="Phụ lục", row="5")
    [finding] = parplan.check(attrs.evolve(with_file, symbol=None), select="PP110")
    assert finding.source == SourceLocation(file="004.txt")


def test_as_of_takes_a_date_or_a_moment() -> None:
    from datetime import datetime

    plan = CASES["PP208"].trigger(clean_plan())
    moment = datetime(2024, 2, 1, 8, 30)  # noqa: DTZ001 - a naive moment, as users type them
    assert parplan.check(plan, select="PP208", as_of=moment) == parplan.check(plan, select="PP208", as_of=moment.date())
    with pytest.raises(parplan.InvariantError, match="must be a date"):
        parplan.check(plan, as_of="2024-02-01")  # type: ignore[arg-type]


def test_check_takes_plans_only() -> None:
    with pytest.raises(parplan.InvariantError, match="must be a Plan"):
        parplan.check({"title": "Kế hoạch"})  # type: ignore[arg-type]
    with pytest.raises(parplan.InvariantError, match="must be a Plan"):
        parplan.check_alignment(clean_plan(), None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Văn phòng HĐND - UBND xã", []),
        ("Van phong HDND - UBND xa", []),
        ("Văn phòng HDNĐ - UBND huyện", [("HDNĐ", "HĐND")]),
        ("Chánh Văn phòng HDND - UBND huyện", [("HDND", "HĐND")]),
        ("UBDN xã Tân Lập", [("UBDN", "UBND")]),
        ("Bộ phận TTHC một cửa", []),
        ("TCVN ISO 9001:2015", []),
        ("Phòng Tư pháp", []),
    ],
)
def test_misspelled_abbreviations(name: str, found: list[tuple[str, str]]) -> None:
    from parplan.checks.rules.structure import misspelled_abbreviations

    assert list(misspelled_abbreviations(name)) == found


def test_misspelled_abbreviations_in_the_issuer() -> None:
    plan = attrs.evolve(clean_plan(), issuer=Organisation(name="Ủy ban nhân dân xã Tân Lập - UBDN"))
    assert [(f.path, f.param("meant")) for f in parplan.check(plan, select="PP114")] == [("$.issuer.name", "UBND")]


# --- the same plan from a table or from prose ---------------------------------------------


@pytest.mark.parametrize("code", sorted(CASES))
def test_findings_do_not_depend_on_table_or_prose(code: str) -> None:
    """Transcribing the task table as prose items changes no finding: the rules read what a task says."""
    case = CASES[code]
    for change in (case.trigger, case.near_miss):
        plan = change(clean_plan())
        as_table = [(f.code, f.path) for f in parplan.check(plan, as_of=case.as_of)]
        as_prose = [(f.code, f.path) for f in parplan.check(_all_prose(plan), as_of=case.as_of)]
        assert as_prose == as_table


def _direction(task: Task) -> Task:
    return attrs.evolve(task, section="to-chuc", area=None)


def test_implementation_directions_are_not_tasks_of_an_area() -> None:
    plan = clean_plan()
    part = Section(id="to-chuc", label="III", heading="TỔ CHỨC THỰC HIỆN")
    direction = Task(
        id="III.1",
        title="Văn phòng UBND xã theo dõi, đôn đốc, tổng hợp báo cáo kết quả thực hiện Kế hoạch",
        section="to-chuc",
        responsibility=Responsibility(lead=Organisation(name="Văn phòng UBND xã")),
    )
    plan = attrs.evolve(plan, sections=(*plan.sections, part), tasks=(*plan.tasks, direction))
    assert parplan.check(plan) == []


def test_requests_assign_nothing() -> None:
    asked = Responsibility(requested=(Organisation(name="Ủy ban MTTQ xã"),))
    plan = attrs.evolve(clean_plan(), tasks=tuple(attrs.evolve(t, responsibility=asked) for t in clean_plan().tasks))
    assert [f.code for f in parplan.check(plan, select="PP113")] == ["PP113"]


def test_one_citation_of_several_documents_is_not_one_document_under_two_numbers() -> None:
    first = LegalReference(
        symbol=DocumentSymbol(number="12", doc_type="QĐ", issuer="UBND"),
        kind="Quyết định",
        date=date(2023, 12, 20),
        issuer_name="UBND huyện Đồng Phú",
        title="về việc ban hành Bộ tiêu chí đánh giá Chỉ số CCHC cấp xã",
    )
    second = attrs.evolve(first, symbol=attrs.evolve(first.symbol, number="15"))  # type: ignore[misc]
    joint = _set(legal_bases=(first, attrs.evolve(second, with_previous=True)))(clean_plan())
    assert parplan.check(joint, select="PP405") == []
    apart = _set(legal_bases=(first, second))(clean_plan())
    assert [f.path for f in parplan.check(apart, select="PP405")] == ["$.legal_bases[1].symbol"]


def test_reports_of_periods_over_before_the_plan_are_not_missing() -> None:
    late = attrs.evolve(clean_plan(), issued_on=date(2024, 4, 2), reporting=clean_plan().reporting[1:])
    assert parplan.check(late, select="PP502") == []
    early = attrs.evolve(late, issued_on=date(2024, 3, 31))
    assert [f.param("period") for f in parplan.check(early, select="PP502")] == ["2024Q1"]


def test_a_duty_to_report_without_periods_is_a_schedule() -> None:
    from parplan import Frequency, Recurring, ReportingObligation

    duty = ReportingObligation(
        recipient=Organisation(name="UBND huyện"),
        timeframe=Recurring(frequencies=(Frequency.QUARTERLY,)),
        text="Định kỳ hằng quý báo cáo UBND huyện (qua Phòng Nội vụ)",
    )
    plan = attrs.evolve(clean_plan(), reporting=())
    assert [f.code for f in parplan.check(plan, select="PP503")] == ["PP503"]
    assert parplan.check(attrs.evolve(plan, obligations=(duty,)), select="PP503") == []


def test_a_before_deadline_in_a_later_year_is_outside_the_plan() -> None:
    plan = _task(0, timeframe=Before(day=date(2025, 3, 31), text="Trước ngày 31/3/2025"))(clean_plan())
    [finding] = parplan.check(plan, select="PP201")
    assert finding.path == "$.tasks[0].timeframe"
    assert parplan.check(_task(0, timeframe=Before(day=date(2024, 12, 31)))(clean_plan()), select="PP201") == []
    open_ended = attrs.evolve(plan, year=None, span=parplan.OpenEnded(from_year=2024))
    assert parplan.check(open_ended, select="PP201") == []


_YEAR_CLOSING_TITLES = (
    "Tự đánh giá, chấm điểm Chỉ số CCHC năm 2024 của xã",
    "Xây dựng báo cáo kết quả thực hiện công tác cải cách hành chính năm 2024",
    "Tổng kết công tác CCHC năm 2024, triển khai nhiệm vụ năm 2025",
    "Công bố kết quả Chỉ số cải cách hành chính năm 2024 của các xã",
)


@pytest.mark.parametrize("title", _YEAR_CLOSING_TITLES)
@pytest.mark.parametrize("when", ["Quý I/2025", "Trước ngày 31/3/2025", "Tháng 02/2025"])
def test_year_closing_work_in_the_next_first_quarter_is_not_outside_the_plan(title: str, when: str) -> None:
    plan = _task(0, title=title, timeframe=parplan.parse_timeframe(when))(clean_plan())
    assert parplan.check(plan, select="PP201") == []


@pytest.mark.parametrize("title", _YEAR_CLOSING_TITLES)
@pytest.mark.parametrize("when", ["Quý II/2025", "Tháng 4/2025", "Trước ngày 15/4/2025", "Quý I/2026"])
def test_year_closing_work_due_after_the_next_first_quarter_is_outside_the_plan(title: str, when: str) -> None:
    plan = _task(0, title=title, timeframe=parplan.parse_timeframe(when))(clean_plan())
    assert [f.path for f in parplan.check(plan, select="PP201")] == ["$.tasks[0].timeframe"]


@pytest.mark.parametrize(
    "title",
    [
        "Báo cáo tình hình quản lý, sử dụng tài sản công năm 2024",
        "Xây dựng Kế hoạch CCHC năm 2025",
        "Rà soát, đánh giá thủ tục hành chính",
    ],
)
def test_other_work_in_the_next_first_quarter_is_outside_the_plan(title: str) -> None:
    plan = _task(0, title=title, timeframe=parplan.parse_timeframe("Quý I/2025"))(clean_plan())
    assert [f.path for f in parplan.check(plan, select="PP201")] == ["$.tasks[0].timeframe"]


def test_year_closing_work_due_before_the_plan_is_outside_it() -> None:
    plan = _task(0, title=_YEAR_CLOSING_TITLES[0], timeframe=parplan.parse_timeframe("Quý I/2024"))(clean_plan())
    assert parplan.check(plan, select="PP201") == []  # inside the 2024 plan
    plan = _task(0, title=_YEAR_CLOSING_TITLES[2], timeframe=parplan.parse_timeframe("Quý IV/2023"))(clean_plan())
    assert [f.path for f in parplan.check(plan, select="PP201")] == ["$.tasks[0].timeframe"]


@pytest.mark.parametrize(
    ("title", "closing", "found"),
    [
        ("Kế hoạch CCHC năm 2024", "Trên đây là Kế hoạch CCHC năm 2023 của UBND xã Tân Lập.", ["$.closing"]),
        ("Kế hoạch khắc phục tồn tại CCHC 2023, nâng cao Chỉ số CCHC 2024", None, []),
        ("Kế hoạch thực hiện Nghị định 61/2018/NĐ-CP ngày 23/4/2018 năm 2024", None, []),
        ("Kế hoạch cải cách hành chính", "Trên đây là Kế hoạch của UBND xã./.", []),
        ("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025", None, ["$.title"]),
    ],
)
def test_heading_years(title: str, closing: str | None, found: list[str]) -> None:
    plan = attrs.evolve(clean_plan(), title=title, closing=closing)
    assert [f.path for f in parplan.check(plan, select="PP116")] == found


def test_heading_years_of_an_open_ended_plan() -> None:
    plan = attrs.evolve(
        clean_plan(),
        year=None,
        span=parplan.OpenEnded(from_year=2024),
        title="Kế hoạch CCHC năm 2024 và những năm tiếp theo",
    )
    assert parplan.check(plan, select="PP116") == []
    assert len(parplan.check(attrs.evolve(plan, title="Kế hoạch CCHC năm 2023"), select="PP116")) == 1


def test_numbering_that_restarts_in_each_part_is_not_repeated() -> None:
    labels: tuple[tuple[str, str], ...] = (
        ("I", "MỤC ĐÍCH"),
        ("1", "Mục đích"),
        ("2", "Yêu cầu"),
        ("II", "NHIỆM VỤ"),
        ("1", "Chỉ đạo"),
    )
    labels += (("1.1", "Ban hành kế hoạch"), ("1.2", "Tuyên truyền"), ("2", "Thể chế"), ("a", "Rà soát"), ("a", "Lặp"))
    findings = parplan.check(_sections(*labels)(clean_plan()), select="PP117")
    assert [f.path for f in findings] == ["$.sections[9].label"]
    tree = attrs.evolve(
        clean_plan(),
        sections=(
            Section(id="p1", label="I", heading="MỤC ĐÍCH"),
            Section(id="a", label="1", heading="Mục đích", parent="p1", level=2),
            Section(id="p2", label="II", heading="NHIỆM VỤ"),
            Section(id="b", label="1", heading="Chỉ đạo", parent="p2", level=2),
            Section(id="c", label="01.", heading="Thể chế", parent="p2", level=2),
        ),
    )
    assert [f.path for f in parplan.check(tree, select="PP117")] == ["$.sections[4].label"]


def test_a_signer_under_another_post() -> None:
    from parplan import Signature

    plan = _official(0, "Lê Văn Bình", "Phó Chủ tịch UBND xã")(clean_plan())
    signed = attrs.evolve(plan, signature=Signature(position="PHÓ CHỦ TỊCH", name="Lê Văn Bình"))
    assert parplan.check(signed, select="PP119") == []
    other = attrs.evolve(plan, signature=Signature(position="CHỦ TỊCH", name="Lê Văn Bình"))
    assert parplan.check(other, select="PP119") == []  # "Chủ tịch" is within "Phó Chủ tịch": same words, left alone
    wrong = attrs.evolve(plan, signature=Signature(position="CÔNG CHỨC ĐỊA CHÍNH", name="Lê Văn Bình"))
    assert [f.path for f in parplan.check(wrong, select="PP119")] == ["$.tasks[0].responsibility.lead"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("1281/-UBND", "missing-part"),
        ("61/2018/NĐCP", "missing-separator"),
        ("61/2018/NĐ.CP", "wrong-separator"),
        ("61/2018/NĐ-", "missing-part"),
        ("61/2018/nđ-cp", None),
        ("Số: 61/2018/NĐ-CP", None),
        ("61 / 2018 / NĐ – CP", None),
    ],
)
def test_malformed_symbols(text: str, found: str | None) -> None:
    plan = _symbol(text=text)(clean_plan())
    assert [f.param("detail") for f in parplan.check(plan, select="PP408")] == ([found] if found else [])


@pytest.mark.parametrize(
    ("target", "found"),
    [
        (Target(comparator=Comparator.LE, value=Decimal("2.5"), unit=Unit.RANK, out_of=25), "rank-fraction"),
        (Target(comparator=Comparator.EQ, value=Decimal(-3), unit=Unit.COUNT), "negative-count"),
        (Target(comparator=Comparator.INCREASE, value=Decimal("1.5"), unit=Unit.RANK), "rank-fraction"),
        (Target(comparator=Comparator.INCREASE, value=Decimal(0), unit=Unit.RANK, baseline=Baseline(year=2023)), None),
        (Target(comparator=Comparator.GE, value=Decimal("2.5"), unit=Unit.DAYS), None),
        (Target(comparator=Comparator.LE, value=Decimal(-2), unit=Unit.PERCENTAGE_POINT), None),
    ],
)
def test_impossible_values(target: Target, found: str | None) -> None:
    plan = _second_target(target)(clean_plan())
    assert [f.param("problem") for f in parplan.check(plan, select="PP308")] == ([found] if found else [])


def test_empty_items() -> None:
    from parplan.checks.rules.structure import _is_empty

    assert [_is_empty(text) for text in ("…", "c)", "5.", "(trống)", "Chưa có", "nt", "Ban hành kế hoạch", "ISO")] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_masthead_date_that_is_not_the_plans() -> None:
    masthead = Masthead(issuer="ỦY BAN NHÂN DÂN XÃ TÂN LẬP", place_date="Tân Lập, ngày 05 tháng 01 năm 2024")
    assert parplan.check(attrs.evolve(clean_plan(), masthead=masthead), select="PP122") == []
    other = attrs.evolve(masthead, place_date="Tân Lập, ngày 15 tháng 01 năm 2024")
    [finding] = parplan.check(attrs.evolve(clean_plan(), masthead=other), select="PP122")
    assert (finding.path, finding.param("recorded")) == ("$.masthead.place_date", "05/01/2024")
    blank = attrs.evolve(masthead, place_date="Tân Lập, ngày      tháng 01 năm 2024", number="Số:      /KH-UBND")
    assert parplan.check(attrs.evolve(clean_plan(), masthead=blank), select="PP122") == []


def test_a_department_signs_for_its_director() -> None:
    signature = Signature(authorities=(Authority(capacity=SigningCapacity.KT, of="GIÁM ĐỐC"),), position="PHÓ GIÁM ĐỐC")
    department = Organisation(name="Sở Nội vụ tỉnh Bình Phước", category=parplan.OrgKind.DEPARTMENT)
    plan = attrs.evolve(clean_plan(), issuer=department, signature=signature)
    assert parplan.check(plan, select="PP121") == []


_SPOKEN_OF = (
    ("Ban hành kế hoạch và tuyên truyền cải cách hành chính năm 2024", ReformArea.CHI_DAO_DIEU_HANH),
    ("Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành", ReformArea.THE_CHE),
    ("Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", ReformArea.THU_TUC_HANH_CHINH),
    ("Sắp xếp tổ chức bộ máy theo mô hình chính quyền hai cấp", ReformArea.TO_CHUC_BO_MAY),
    ("Đánh giá, xếp loại công chức cuối năm", ReformArea.CONG_VU),
    ("Thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp", ReformArea.TAI_CHINH_CONG),
    ("Tăng tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình", ReformArea.CHINH_QUYEN_SO),
    ("Khảo sát sự hài lòng của người dân", ReformArea.TAC_DONG),
)


@pytest.mark.parametrize("left_out", [None, *ReformArea])
def test_a_plan_not_organised_by_area_is_judged_by_what_its_tasks_say(left_out: ReformArea | None) -> None:
    tasks = tuple(
        Task(id=f"t{i}", title=title) for i, (title, area) in enumerate(_SPOKEN_OF, 1) if area is not left_out
    )
    plan = minimal_plan(2024, tasks=tasks)
    found = [f.param("area") for f in parplan.check(plan, select="PP102")]
    assert found == ([] if left_out is None else [left_out.value])


def test_an_area_named_by_no_heading_is_missing_in_a_plan_organised_by_area() -> None:
    plan = _without_task(ReformArea.TAC_DONG)(clean_plan())
    spoken = evolve_task(plan, 0, title="Khảo sát sự hài lòng của người dân đối với dịch vụ hành chính công")
    assert [f.param("area") for f in parplan.check(spoken, select="PP102")] == ["tac_dong"]


def test_a_plan_issued_with_a_numbered_decision_needs_no_number_of_its_own() -> None:
    decision = LegalReference(symbol=DocumentSymbol(number="45", doc_type="QĐ", issuer="UBND"), kind="Quyết định")
    plan = attrs.evolve(clean_plan(), symbol=None, adopted_by=decision)
    assert parplan.check(plan, select="PP110") == []
    draft = attrs.evolve(
        plan, adopted_by=attrs.evolve(decision, symbol=DocumentSymbol(number=None, doc_type="QĐ", issuer="UBND"))
    )
    assert [f.path for f in parplan.check(draft, select="PP110")] == ["$"]  # a draft decision: still no number
    assert [f.path for f in parplan.check(attrs.evolve(plan, adopted_by=None), select="PP110")] == ["$"]


def test_a_department_needs_no_impact_area() -> None:
    department = Organisation(name="Sở Nội vụ tỉnh Bình Phước", category=parplan.OrgKind.DEPARTMENT)
    plan = _without_task(ReformArea.TAC_DONG)(clean_plan())
    assert [f.code for f in parplan.check(plan, select="PP102")] == ["PP102"]
    assert parplan.check(attrs.evolve(plan, issuer=department), select="PP102") == []


def test_a_time_written_but_not_read_is_no_missing_timeframe() -> None:
    # a draft read from a document: task 2's time is written, the reader could not read it and says so
    plan = _task(2, timeframe=None)(clean_plan())
    unread = FieldSource(
        path="$.tasks[2].timeframe",
        written="Định kỳ 02 lần/tháng",
        certainty=Certainty.UNCERTAIN,
        doubts=("the time 'Định kỳ 02 lần/tháng' could not be read",),
    )
    assert parplan.check(attrs.evolve(plan, sources=(unread,)), select="PP207") == []
    # nothing written, or a time read without a doubt and then left empty: still reported
    written = attrs.evolve(unread, doubts=())
    for sources in ((), (written,)):
        findings = parplan.check(attrs.evolve(plan, sources=sources), select="PP207")
        assert [f.path for f in findings] == ["$.tasks[2]"]
