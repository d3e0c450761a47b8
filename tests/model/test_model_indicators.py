"""Indicators and index frameworks: units that suit the measure, trees whose points add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from model_support import check_invariant
from parplan import (
    Direction,
    FrameworkScope,
    IndexFramework,
    IndexNode,
    Indicator,
    InvariantError,
    MeasureKind,
    NodeKind,
    ReformArea,
    Unit,
)
from strategies import index_frameworks, index_nodes, indicators

D = Decimal

# --- indicators -------------------------------------------------------------------------

ONLINE = "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4"


def test_a_ratio_names_its_numerator_and_denominator() -> None:
    ratio = Indicator(
        code="tthc.online",
        name=ONLINE,
        kind=MeasureKind.RATIO,
        unit=Unit.PERCENT,
        numerator="Số hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4",
        denominator="Tổng số hồ sơ TTHC tiếp nhận",
        area=ReformArea.CHINH_QUYEN_SO,
    )
    assert ratio.direction is Direction.HIGHER_IS_BETTER
    message = "a ratio needs both a numerator and a denominator"
    check_invariant(
        lambda: Indicator(code="r", name=ONLINE, kind=MeasureKind.RATIO), "Indicator.numerator", None, message
    )
    check_invariant(
        lambda: Indicator(code="r", name=ONLINE, kind=MeasureKind.RATIO, numerator="Số hồ sơ"),
        "Indicator.numerator",
        "Số hồ sơ",
        message,
    )
    check_invariant(
        lambda: Indicator(code="r", name=ONLINE, kind=MeasureKind.RATIO, denominator="Tổng số hồ sơ"),
        "Indicator.numerator",
        None,
        message,
    )


@pytest.mark.parametrize("kind", [kind for kind in MeasureKind if kind is not MeasureKind.RATIO])
def test_only_ratios_have_a_numerator(kind: MeasureKind) -> None:
    check_invariant(
        lambda: Indicator(code="x", name=ONLINE, kind=kind, numerator="Số hồ sơ"),
        "Indicator.numerator",
        "Số hồ sơ",
        "is only allowed for a ratio",
    )


ALLOWED_UNITS = {
    MeasureKind.COUNT: {Unit.COUNT, Unit.DAYS},
    MeasureKind.PERCENTAGE: {Unit.PERCENT},
    MeasureKind.RATIO: {Unit.PERCENT},
    MeasureKind.SCORE: {Unit.POINTS, Unit.PERCENT},
    MeasureKind.RANK: {Unit.RANK},
    MeasureKind.MONEY: {Unit.VND},
    MeasureKind.QUALITATIVE: set(),
}


@pytest.mark.parametrize("kind", list(MeasureKind))
@pytest.mark.parametrize("unit", list(Unit))
def test_units_suit_the_measure(kind: MeasureKind, unit: Unit) -> None:
    numerator, denominator = ("a", "b") if kind is MeasureKind.RATIO else (None, None)

    def build() -> Indicator:
        return Indicator(code="x", name=ONLINE, kind=kind, unit=unit, numerator=numerator, denominator=denominator)

    allowed = ALLOWED_UNITS[kind]
    if unit in allowed:
        assert build().unit is unit
    else:
        listed = sorted(u.value for u in allowed) or ["none"]
        check_invariant(build, "Indicator.unit", unit.value, f"must be one of {listed} for a {kind.value} indicator")


def test_indicator_codes_are_identifiers() -> None:
    with pytest.raises(InvariantError) as caught:
        Indicator(code="tỷ lệ", name=ONLINE, kind=MeasureKind.COUNT)
    assert caught.value.field == "Indicator.code"


@given(indicators())
def test_generated_indicators_are_consistent(indicator: Indicator) -> None:
    assert (indicator.numerator is not None) == (indicator.kind is MeasureKind.RATIO)
    assert indicator.unit is None or indicator.unit in ALLOWED_UNITS[indicator.kind]


# --- index trees ------------------------------------------------------------------------


def node(code: str, kind: NodeKind = NodeKind.AREA, points: str | None = None, *children: IndexNode) -> IndexNode:
    return IndexNode(
        code=code,
        name=f"Tiêu chí {code}",
        kind=kind,
        max_points=None if points is None else D(points),
        children=children,
    )


def criterion(code: str, points: str | None = None, *children: IndexNode) -> IndexNode:
    return node(code, NodeKind.CRITERION, points, *children)


def sub(code: str, points: str | None = None) -> IndexNode:
    return node(code, NodeKind.SUB_CRITERION, points)


def test_node_kinds_have_depths() -> None:
    assert [kind.depth for kind in NodeKind] == [0, 1, 2]


@pytest.mark.parametrize(
    ("parent_kind", "child"),
    [
        (NodeKind.AREA, node("1.1")),
        (NodeKind.AREA, sub("1.1")),
        (NodeKind.CRITERION, node("1.1")),
        (NodeKind.CRITERION, criterion("1.1")),
        (NodeKind.SUB_CRITERION, sub("1.1")),
    ],
)
def test_children_are_one_level_below(parent_kind: NodeKind, child: IndexNode) -> None:
    check_invariant(
        lambda: node("1", parent_kind, None, child),
        "IndexNode.children",
        "1.1",
        f"must be one level below a {parent_kind.value} (got a {child.kind.value})",
    )


def test_sibling_codes_do_not_repeat() -> None:
    check_invariant(
        lambda: node("1", NodeKind.AREA, None, criterion("1.1"), criterion("1.2"), criterion("1.1")),
        "IndexNode.children",
        "1.1",
        "must not repeat a code",
    )


@pytest.mark.parametrize(("total", "valid"), [("5.99", False), ("6.00", True), ("6", True), ("6.01", False)])
def test_children_points_sum_to_the_parent(total: str, valid: bool) -> None:
    children = (sub("1.1.1", "2.50"), sub("1.1.2", "3.5"))

    def build() -> IndexNode:
        return criterion("1.1", total, *children)

    if valid:
        assert build().max_points == D(total)
    else:
        check_invariant(build, "IndexNode.children", "6.00", f"maximum points must sum to {total}")


def test_points_are_given_for_all_children_or_none() -> None:
    check_invariant(
        lambda: criterion("1.1", "6", sub("1.1.1", "6"), sub("1.1.2"), sub("1.1.3")),
        "IndexNode.children",
        ["1.1.2", "1.1.3"],
        "must all have maximum points when any has",
    )
    # no points at all, or points below a parent without a total, are fine
    assert criterion("1.1", "6", sub("1.1.1"), sub("1.1.2")).max_points == D(6)
    assert criterion("1.1", None, sub("1.1.1", "1"), sub("1.1.2", "2")).max_points is None


def test_declared_counts_are_positive() -> None:
    check_invariant(
        lambda: IndexNode(code="1", name="Chỉ đạo", criteria_count=0),
        "IndexNode.criteria_count",
        0,
        "must be at least 1",
    )
    assert IndexNode(code="1", name="Chỉ đạo", criteria_count=1, sub_criteria_count=1).criteria_count == 1


def framework(*nodes: IndexNode, total: str | None = None) -> IndexFramework:
    return IndexFramework(
        code="test_index",
        name="Bộ chỉ số CCHC cấp xã",
        scope=FrameworkScope.COMMUNE,
        total_points=None if total is None else D(total),
        nodes=nodes,
    )


def test_framework_tops_are_areas() -> None:
    check_invariant(
        lambda: framework(node("1"), criterion("2")),
        "IndexFramework.nodes",
        "2",
        "must hold areas at the top level",
    )


def test_framework_codes_are_unique_in_the_whole_tree() -> None:
    check_invariant(
        lambda: framework(
            node("1", NodeKind.AREA, None, criterion("x")), node("2", NodeKind.AREA, None, criterion("x"))
        ),
        "IndexFramework.nodes",
        "x",
        "must not repeat a code anywhere in the tree",
    )
    check_invariant(
        lambda: framework(node("1", NodeKind.AREA, None, criterion("1"))),
        "IndexFramework.nodes",
        "1",
        "must not repeat a code anywhere in the tree",
    )


@pytest.mark.parametrize(("total", "valid"), [("99.99", False), ("100", True), ("100.00", True), ("100.01", False)])
def test_area_points_sum_to_the_framework_total(total: str, valid: bool) -> None:
    areas = (node("1", points="60"), node("2", points="40.00"))
    if valid:
        assert framework(*areas, total=total).total_points == D(total)
    else:
        check_invariant(
            lambda: framework(*areas, total=total),
            "IndexFramework.nodes",
            "100.00",
            f"maximum points must sum to {total}",
        )


def test_walk_find_and_for_area() -> None:
    steering = IndexNode(
        code="1",
        name="Chỉ đạo, điều hành",
        area=ReformArea.CHI_DAO_DIEU_HANH,
        children=[criterion("1.1", None, sub("1.1.1"), sub("1.1.2")), criterion("1.2")],
    )
    index = framework(steering, node("2"))
    assert [n.code for n in index.walk()] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2"]
    assert index.find("1.1.2") == sub("1.1.2")
    assert index.find("9") is None
    assert index.for_area(ReformArea.CHI_DAO_DIEU_HANH) is steering
    assert index.for_area(ReformArea.TAC_DONG) is None


def test_framework_years_are_plausible() -> None:
    check_invariant(
        lambda: IndexFramework(code="x", name="Chỉ số", scope=FrameworkScope.PROVINCE, first_year=1944),
        "IndexFramework.first_year",
        1944,
        "must be a year between 1945 and 2200",
    )


@given(index_nodes())
def test_generated_nodes_add_up(tree: IndexNode) -> None:
    for part in tree.walk():
        points = [child.max_points for child in part.children]
        if part.max_points is not None and points and None not in points:
            assert sum((p for p in points if p is not None), D(0)) == part.max_points


@given(index_frameworks())
def test_generated_frameworks_have_unique_codes(index: IndexFramework) -> None:
    codes = [n.code for n in index.walk()]
    assert len(codes) == len(set(codes))
    assert all(top.kind is NodeKind.AREA for top in index.nodes)
