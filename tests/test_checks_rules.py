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
    Baseline,
    Before,
    Budget,
    BudgetLine,
    CollectiveParty,
    Comparator,
    DocumentSymbol,
    JointParty,
    Milestone,
    Organisation,
    Plan,
    PlanKind,
    ReformArea,
    ReportingPeriod,
    Responsibility,
    SourceLocation,
    SymbolForm,
    Target,
    TargetFlag,
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
        _responsibility(2, lead=None),
        _prose(_responsibility(2, lead=None), 2),
        "$.tasks[2].responsibility",
    ),
    "PP105": Case(
        _responsibility(3, coordinating=(Organisation(name="VP Ủy ban nhân dân xã"),)),
        _responsibility(3, coordinating=(Organisation(name="Văn phòng HĐND xã"),)),
        "$.tasks[3].responsibility.coordinating[0]",
    ),
    "PP106": Case(_task(4, outputs=()), _prose(_task(4, outputs=()), 4), "$.tasks[4]"),
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
    "PP112": Case(_task(7, area=None), _task(7, area=ReformArea.THE_CHE), "$.tasks[7]"),
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
    "PP207": Case(_task(2, timeframe=None), _prose(_task(2, timeframe=None), 2), "$.tasks[2]"),
    "PP208": Case(
        _task(3, timeframe=Within(periods=(ReportingPeriod.month(2024, 1),))),
        _task(3, timeframe=Within(periods=(ReportingPeriod.month(2024, 2),))),
        "$.tasks[3].timeframe",
        as_of=date(2024, 2, 1),
    ),
    "PP209": Case(_set(issued_on=date(2025, 1, 1)), _set(issued_on=date(2024, 12, 31)), "$.issued_on"),
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
