"""Score sheets: totals, basis, percentage and groups at their boundaries, incomplete sheets, rank, change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

import parplan
from parplan import (
    PAR_INDEX_2017_PROVINCE,
    Comparability,
    FrameworkScope,
    IndexFramework,
    IndexGroup,
    IndexNode,
    IndexResult,
    NodeKind,
    ReformArea,
    ScoreBasis,
    ScoreSheet,
    SheetEntry,
    Unit,
    rank_scores,
    score_sheet,
)
from progress.support import UNIT, example_framework, example_sheet

D = Decimal


def _flat() -> IndexFramework:
    """Two areas of 60 and 40 points, groups A (90) and B (80)."""
    return IndexFramework(
        code="flat",
        name="Bộ chỉ số",
        scope=FrameworkScope.COMMUNE,
        total_points=D(100),
        groups=(IndexGroup(code="A", min_percent=D(90)), IndexGroup(code="B", min_percent=D(80))),
        nodes=(IndexNode(code="1", name="Một", max_points=D(60)), IndexNode(code="2", name="Hai", max_points=D(40))),
    )


def _sheet(*entries: SheetEntry, **fields: object) -> ScoreSheet:
    given: dict[str, object] = {"framework": "flat", "unit": UNIT, "year": 2026, "entries": entries} | fields
    return ScoreSheet(**given)  # type: ignore[arg-type]


def test_the_example_sheet() -> None:
    score = score_sheet(example_sheet(), example_framework())
    assert (score.basis, score.total, score.percent, score.group.code if score.group else None) == (
        ScoreBasis.APPRAISED, D("86.40"), D("86.40"), "B",
    )  # fmt: skip
    assert score.complete
    assert score.node("2") is not None
    assert score.node("2").self_score == D(27)  # type: ignore[union-attr]
    assert score.node("9") is None


@pytest.mark.parametrize(
    ("first", "second", "percent", "group"),
    [
        ("54", "36", "90.00", "A"),  # exactly 90%
        ("53.99", "36", "89.99", "B"),
        ("48", "32", "80.00", "B"),
        ("47.99", "32", "79.99", None),  # below every group the framework defines
    ],
)
def test_groups_at_their_boundaries(first: str, second: str, percent: str, group: str | None) -> None:
    score = score_sheet(
        _sheet(SheetEntry(node="1", self_score=D(first)), SheetEntry(node="2", self_score=D(second))), _flat()
    )
    assert score.percent == D(percent)
    assert (score.group.code if score.group else None) == group


def test_the_percentage_is_rounded_half_up_to_two_decimals() -> None:
    framework = attrs.evolve(
        _flat(),
        total_points=D(300),
        nodes=(IndexNode(code="1", name="Một", max_points=D(200)), IndexNode(code="2", name="Hai", max_points=D(100))),
    )
    score = score_sheet(
        _sheet(SheetEntry(node="1", self_score=D("169.985")), SheetEntry(node="2", self_score=D(100))), framework
    )
    assert score.total == D("269.985")
    assert score.percent == D("90.00")  # 89.995 rounds half up
    assert score.group is not None
    assert score.group.code == "A"


def test_the_basis_follows_the_appraisal() -> None:
    self_only = _sheet(SheetEntry(node="1", self_score=D(50)), SheetEntry(node="2", self_score=D(30)))
    mixed = _sheet(SheetEntry(node="1", self_score=D(50), appraised=D(45)), SheetEntry(node="2", self_score=D(30)))
    full = _sheet(SheetEntry(node="1", self_score=D(50), appraised=D(45)), SheetEntry(node="2", appraised=D(30)))
    assert score_sheet(self_only, _flat()).basis is ScoreBasis.SELF_ASSESSED
    scored = score_sheet(mixed, _flat())
    assert (scored.basis, scored.total, scored.appraised_total, scored.self_total) == (
        ScoreBasis.MIXED,
        D(75),
        None,
        D(80),
    )
    appraised = score_sheet(full, _flat())
    assert (appraised.basis, appraised.total, appraised.appraised_total) == (ScoreBasis.APPRAISED, D(75), D(75))


def test_an_unscored_criterion_is_not_a_zero() -> None:
    score = score_sheet(_sheet(SheetEntry(node="1", self_score=D(60))), _flat())
    assert (score.missing, score.complete, score.total, score.group) == (("2",), False, D(60), None)
    ranked = rank_scores([score])
    assert (ranked[0].rank, ranked[0].out_of) == (None, 0)


def test_a_criterion_scored_as_a_whole_counts_when_its_parts_are_not() -> None:
    framework = example_framework()
    whole = attrs.evolve(example_sheet(), entries=[
        SheetEntry(node="1", self_score=D(18)), SheetEntry(node="2", self_score=D(25)),
        SheetEntry(node="3", self_score=D(15)), SheetEntry(node="4", survey=D(25)),
    ])  # fmt: skip
    score = score_sheet(whole, framework)
    assert (score.total, score.complete) == (D(83), True)
    assert [node.node for node in score.nodes] == ["1", "2", "3", "4"]  # each area scored as a whole, a leaf


def test_a_survey_criterion_counts_its_survey_points_only() -> None:
    framework = example_framework()
    entries = [entry for entry in example_sheet().entries if entry.node != "4"]
    self_scored = attrs.evolve(example_sheet(), entries=[*entries, SheetEntry(node="4", self_score=D(30))])
    score = score_sheet(self_scored, framework)
    assert (score.missing, score.survey_total) == (("4",), D(0))


def test_a_unit_formed_after_last_year_has_no_comparable_last_year() -> None:
    previous = IndexResult(framework="flat", year=2024, score=D("85.10"), unit=Unit.PERCENT, rank=3, out_of=20)
    formed = _sheet(SheetEntry(node="1", self_score=D(50)), SheetEntry(node="2", self_score=D(40)),
                    year=2025, unit_formed_on=date(2025, 7, 1), previous=previous)  # fmt: skip
    change = score_sheet(formed, _flat()).change
    assert (change.comparability, change.previous_year, change.percent_change, change.rank_change) == (
        Comparability.NEW_UNIT, 2024, None, None,
    )  # fmt: skip
    existing = attrs.evolve(formed, unit_formed_on=date(2024, 12, 31))
    assert score_sheet(existing, _flat()).change.percent_change == D("4.90")


def test_no_previous_result_says_so() -> None:
    change = score_sheet(_sheet(SheetEntry(node="1", self_score=D(50))), _flat()).change
    assert (change.comparability, change.previous_year) == (Comparability.NO_PREVIOUS_RESULT, 2025)


def test_a_previous_result_in_points_gives_a_change_of_points() -> None:
    previous = IndexResult(framework="flat", year=2025, score=D("80"), unit=Unit.POINTS)
    sheet = _sheet(SheetEntry(node="1", self_score=D(50)), SheetEntry(node="2", self_score=D(40)), previous=previous)
    change = score_sheet(sheet, _flat()).change
    assert (change.points_change, change.percent_change) == (D(10), None)


def test_ranks_among_peers_share_ties_and_give_the_change_of_rank() -> None:
    previous = IndexResult(framework="flat", year=2025, score=D(80), unit=Unit.PERCENT, rank=5, out_of=20)

    def sheet(name: str, points: str) -> ScoreSheet:
        unit = attrs.evolve(UNIT, name=name)
        entries = (SheetEntry(node="1", self_score=D(points)), SheetEntry(node="2", self_score=D(30)))
        return ScoreSheet(framework="flat", unit=unit, year=2026, entries=entries, previous=previous)

    scores = [score_sheet(sheet(name, points), _flat()) for name, points in (("A", "50"), ("B", "55"), ("C", "50"))]
    ranked = rank_scores(scores)
    assert [(s.sheet.unit.name, s.rank, s.out_of, s.change.rank_change) for s in ranked] == [
        ("B", 1, 3, 4), ("A", 2, 3, 3), ("C", 2, 3, 3),
    ]  # fmt: skip


def test_a_bundled_framework_is_found_by_its_code() -> None:
    entries = [SheetEntry(node=node.code, self_score=node.max_points) for node in PAR_INDEX_2017_PROVINCE.nodes]
    sheet = ScoreSheet(framework="par_index_2017_province", unit=UNIT, year=2020, entries=entries)
    score = score_sheet(sheet)
    assert (score.total, score.percent, score.group) == (D("100.00"), D("100.00"), None)


@pytest.mark.parametrize(
    ("sheet", "framework", "field"),
    [
        (_sheet(), None, "score_sheet.framework"),  # not bundled
        (_sheet(), PAR_INDEX_2017_PROVINCE, "score_sheet.framework"),  # another framework
        (_sheet(), "flat", "score_sheet.framework"),
        ("sheet", None, "score_sheet.sheet"),
    ],
)
def test_wrong_arguments_are_refused(sheet: object, framework: object, field: str) -> None:
    with pytest.raises(parplan.InvariantError) as raised:
        score_sheet(sheet, framework)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_a_framework_without_points_cannot_be_scored() -> None:
    pointless = IndexFramework(
        code="flat", name="Bộ", scope=FrameworkScope.COMMUNE, nodes=(IndexNode(code="1", name="Một"),)
    )
    with pytest.raises(parplan.InvariantError, match="no maximum points"):
        score_sheet(_sheet(), pointless)


def test_groups_must_come_from_the_highest_minimum_down() -> None:
    with pytest.raises(parplan.InvariantError, match="highest minimum"):
        attrs.evolve(_flat(), groups=(IndexGroup(code="B", min_percent=D(80)), IndexGroup(code="A", min_percent=D(90))))
    with pytest.raises(parplan.InvariantError, match="repeat"):
        attrs.evolve(_flat(), groups=(IndexGroup(code="A", min_percent=D(90)), IndexGroup(code="A", min_percent=D(80))))
    with pytest.raises(parplan.InvariantError, match="between 0 and 100"):
        IndexGroup(code="A", min_percent=D(101))


def test_max_points_falls_back_to_the_sum_of_the_areas() -> None:
    framework = attrs.evolve(_flat(), total_points=None)
    assert framework.max_points == D(100)
    assert attrs.evolve(framework, nodes=(IndexNode(code="1", name="Một", area=ReformArea.THE_CHE),)).max_points is None
    assert IndexNode(code="1.1", kind=NodeKind.CRITERION, name="x").kind is NodeKind.CRITERION
