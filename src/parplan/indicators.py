"""Indicators and index frameworks (PAR Index, SIPAS, PAPI, local indices).

An :class:`Indicator` is something measured: a percentage, a count, a score, a
rank. An :class:`IndexFramework` is a scored tree: areas (lĩnh vực), criteria
(tiêu chí) and sub-criteria (tiêu chí thành phần), each with its maximum points;
children sum to their parent and the areas to the framework total.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from parplan._values import (
    field_name,
    finite_decimal,
    finite_decimal_or_none,
    identifier,
    nfc,
    nfc_or_none,
    nfc_text,
    non_empty,
    non_empty_or_none,
    positive_int_or_none,
    to_tuple,
    typed_fields,
    year_range_or_none,
)
from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.targets import Unit

__all__ = [
    "Direction",
    "FrameworkScope",
    "IndexFramework",
    "IndexGroup",
    "IndexNode",
    "Indicator",
    "MeasureKind",
    "NodeKind",
    "ScoringMethod",
]


class MeasureKind(StrEnum):
    """What kind of quantity an indicator measures."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    RATIO = "ratio"
    SCORE = "score"
    RANK = "rank"
    MONEY = "money"
    QUALITATIVE = "qualitative"


_KIND_UNITS: dict[MeasureKind, frozenset[Unit]] = {
    MeasureKind.COUNT: frozenset({Unit.COUNT, Unit.DAYS}),
    MeasureKind.PERCENTAGE: frozenset({Unit.PERCENT}),
    MeasureKind.RATIO: frozenset({Unit.PERCENT}),
    MeasureKind.SCORE: frozenset({Unit.POINTS, Unit.PERCENT}),
    MeasureKind.RANK: frozenset({Unit.RANK}),
    MeasureKind.MONEY: frozenset({Unit.VND}),
    MeasureKind.QUALITATIVE: frozenset(),
}


class Direction(StrEnum):
    """Whether more is better."""

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


_DEFAULT_DIRECTION = {MeasureKind.RANK: Direction.LOWER_IS_BETTER}
"""The direction of an indicator when none is given: a lower rank number is better, more is better otherwise."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Indicator:
    """A measured quantity: "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4".

    A ratio names its ``numerator`` and ``denominator``. ``framework`` is the
    code of the index framework the indicator belongs to, if any. ``direction``
    defaults to lower is better for a rank (first place is rank 1) and higher
    is better for every other kind.
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(converter=nfc, validator=non_empty)
    kind: MeasureKind
    area: ReformArea | None = None
    direction: Direction = attrs.field(
        default=attrs.Factory(
            lambda self: _DEFAULT_DIRECTION.get(self.kind, Direction.HIGHER_IS_BETTER), takes_self=True
        )
    )
    unit: Unit | None = None
    numerator: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    denominator: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    framework: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    name_en: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        if self.kind is MeasureKind.RATIO:
            if self.numerator is None or self.denominator is None:
                raise InvariantError(
                    "Indicator.numerator", self.numerator, "a ratio needs both a numerator and a denominator"
                )
        elif self.numerator is not None or self.denominator is not None:
            raise InvariantError("Indicator.numerator", self.numerator, "is only allowed for a ratio")
        if self.unit is not None and self.unit not in _KIND_UNITS[self.kind]:
            allowed = sorted(u.value for u in _KIND_UNITS[self.kind]) or ["none"]
            raise InvariantError(
                "Indicator.unit", self.unit.value, f"must be one of {allowed} for a {self.kind.value} indicator"
            )


class NodeKind(StrEnum):
    """The level of a node in an index framework."""

    AREA = "area"
    """Lĩnh vực (PAR Index), or a dimension / aspect (PAPI, SIPAS)."""
    CRITERION = "criterion"
    """Tiêu chí, or a sub-dimension."""
    SUB_CRITERION = "sub_criterion"
    """Tiêu chí thành phần, or an indicator of a sub-dimension."""

    @property
    def depth(self) -> int:
        """0 for areas, 1 for criteria, 2 for sub-criteria."""
        return tuple(NodeKind).index(self)


class ScoringMethod(StrEnum):
    """How the points of a node are scored."""

    APPRAISAL = "appraisal"
    """Thẩm định: self-assessment checked by the appraising body."""
    SURVEY = "survey"
    """Điều tra xã hội học: sociological survey."""


def _check_children(instance: IndexNode, attribute: Any, value: tuple[IndexNode, ...]) -> None:
    name = field_name(instance, attribute)
    depth = instance.kind.depth
    codes: set[str] = set()
    for child in value:
        if child.kind.depth != depth + 1:
            raise InvariantError(
                name, child.code, f"must be one level below a {instance.kind.value} (got a {child.kind.value})"
            )
        if child.code in codes:
            raise InvariantError(name, child.code, "must not repeat a code")
        codes.add(child.code)
    _check_points_sum(name, instance.max_points, value)


def _nodes(values: Iterable[IndexNode]) -> tuple[IndexNode, ...]:
    return to_tuple(values)


def _points(instance: object, attribute: Any, value: Decimal | None) -> None:
    """Validator: ``None`` or a bounded decimal number of points, zero or more."""
    finite_decimal_or_none(instance, attribute, value)
    if value is not None and value < 0:
        raise InvariantError(field_name(instance, attribute), value, "must not be negative")


def _check_points_sum(name: str, total: Decimal | None, children: tuple[IndexNode, ...]) -> None:
    if not children:
        return
    points = [child.max_points for child in children]
    if all(p is None for p in points):
        return
    if any(p is None for p in points):
        missing = [child.code for child in children if child.max_points is None]
        raise InvariantError(name, missing, "must all have maximum points when any has")
    if total is not None:
        subtotal = sum((p for p in points if p is not None), Decimal(0))
        if subtotal != total:
            raise InvariantError(name, str(subtotal), f"maximum points must sum to {total}")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class IndexNode:
    """An area, criterion or sub-criterion of an index, with its maximum points.

    ``criteria_count`` and ``sub_criteria_count`` record counts a source
    declares when the nodes themselves are not listed.
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(converter=nfc, validator=non_empty)
    kind: NodeKind = NodeKind.AREA
    name_en: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    area: ReformArea | None = None
    max_points: Decimal | None = attrs.field(default=None, validator=_points)
    method: ScoringMethod | None = None
    criteria_count: int | None = attrs.field(default=None, validator=positive_int_or_none)
    sub_criteria_count: int | None = attrs.field(default=None, validator=positive_int_or_none)
    children: tuple[IndexNode, ...] = attrs.field(default=(), converter=_nodes, validator=_check_children)

    def walk(self) -> Iterator[IndexNode]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


class FrameworkScope(StrEnum):
    """Whom an index framework scores."""

    MINISTRY = "ministry"
    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    DISTRICT_OFFICE = "district_office"
    COMMUNE = "commune"
    CITIZENS = "citizens"
    """Survey indices of citizens' experience (SIPAS, PAPI)."""


_HUNDRED = Decimal(100)


def _check_min_percent(instance: IndexGroup, attribute: Any, value: Decimal) -> None:
    finite_decimal(instance, attribute, value)
    if not 0 <= value <= _HUNDRED:
        raise InvariantError(field_name(instance, attribute), value, "must be a percentage between 0 and 100")


def _check_group_text(instance: IndexGroup, attribute: Any, value: Any) -> None:
    if value is None and attribute.name != "code":
        return
    if not isinstance(value, str):
        raise InvariantError(field_name(instance, attribute), value, f"must be text (str), not {type(value).__name__}")
    non_empty(instance, attribute, value)


@attrs.frozen(kw_only=True)
class IndexGroup:
    """A group units are placed in by their index percentage: "Nhóm A: từ 90% trở lên".

    A unit belongs to the first group of its framework whose ``min_percent``
    its percentage reaches (the percentage as published, to two decimals).
    Published PAR Index results group provinces as A (90% and above),
    B (80% to under 90%) and C (70% to under 80%).
    """

    code: str = attrs.field(converter=nfc_text, validator=_check_group_text)
    min_percent: Decimal = attrs.field(validator=_check_min_percent)
    name: str | None = attrs.field(default=None, converter=nfc_text, validator=_check_group_text)
    name_en: str | None = attrs.field(default=None, converter=nfc_text, validator=_check_group_text)


def _check_groups(instance: IndexFramework, attribute: Any, value: tuple[IndexGroup, ...]) -> None:
    name = field_name(instance, attribute)
    codes: set[str] = set()
    previous: Decimal | None = None
    for group in value:
        if group.code in codes:
            raise InvariantError(name, group.code, "must not repeat a group code")
        codes.add(group.code)
        if previous is not None and group.min_percent >= previous:
            raise InvariantError(
                name, str(group.min_percent), f"must list groups from the highest minimum down (after {previous})"
            )
        previous = group.min_percent


def _check_nodes(instance: IndexFramework, attribute: Any, value: tuple[IndexNode, ...]) -> None:
    name = field_name(instance, attribute)
    seen: set[str] = set()
    for top in value:
        if top.kind is not NodeKind.AREA:
            raise InvariantError(name, top.code, "must hold areas at the top level")
        for node in top.walk():
            if node.code in seen:
                raise InvariantError(name, node.code, "must not repeat a code anywhere in the tree")
            seen.add(node.code)
    _check_points_sum(name, instance.total_points, value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class IndexFramework:
    """A scored index: its areas, criteria and sub-criteria with maximum points.

    ``groups`` are the groups results are placed in by percentage, highest
    first ("Nhóm A" from 90%); a framework that defines none places no unit in
    a group.
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(converter=nfc, validator=non_empty)
    scope: FrameworkScope
    name_en: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    legal_basis: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    first_year: int | None = attrs.field(default=None, validator=year_range_or_none)
    last_year: int | None = attrs.field(default=None, validator=year_range_or_none)
    total_points: Decimal | None = attrs.field(default=None, validator=_points)
    survey_points: Decimal | None = attrs.field(default=None, validator=_points)
    nodes: tuple[IndexNode, ...] = attrs.field(default=(), converter=_nodes, validator=_check_nodes)
    notes: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    groups: tuple[IndexGroup, ...] = attrs.field(default=(), converter=to_tuple, validator=_check_groups)

    def __attrs_post_init__(self) -> None:
        survey, total = self.survey_points, self.total_points
        if survey is not None and total is not None and survey > total:
            raise InvariantError(
                "IndexFramework.survey_points", survey, f"must not exceed the framework's total of {total} points"
            )
        if survey is not None and self.nodes:
            surveyed = sum(
                (
                    node.max_points or Decimal(0)
                    for node in self.walk()
                    if node.method is ScoringMethod.SURVEY and not node.children
                ),
                Decimal(0),
            )
            if surveyed > survey:
                raise InvariantError(
                    "IndexFramework.survey_points",
                    survey,
                    f"must be at least the {surveyed} points its survey-scored nodes carry",
                )
        if self.first_year is not None and self.last_year is not None and self.first_year > self.last_year:
            raise InvariantError(
                "IndexFramework.last_year", self.last_year, f"must not be before the first year {self.first_year}"
            )

    def walk(self) -> Iterator[IndexNode]:
        """Every node of the tree, depth first."""
        for node in self.nodes:
            yield from node.walk()

    def find(self, code: str) -> IndexNode | None:
        """The node with ``code``, or None."""
        return next((node for node in self.walk() if node.code == code), None)

    def for_area(self, area: ReformArea) -> IndexNode | None:
        """The top-level node for a reform area, or None."""
        return next((node for node in self.nodes if node.area is area), None)

    @property
    def max_points(self) -> Decimal | None:
        """The most points a unit can score: ``total_points``, else the sum of the areas' maxima (None when unknown)."""
        if self.total_points is not None:
            return self.total_points
        points = [node.max_points for node in self.nodes]
        if not points or any(p is None for p in points):
            return None
        return sum((p for p in points if p is not None), Decimal(0))

    def group_for(self, percent: Decimal) -> IndexGroup | None:
        """The group a result of ``percent`` falls in, or None when it reaches none (or none is defined)."""
        for group in self.groups:
            if percent >= group.min_percent:
                return group
        return None
