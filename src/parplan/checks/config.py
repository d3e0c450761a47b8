"""Settings of the configurable rules, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from parplan._values import field_name
from parplan.areas import ReformArea
from parplan.errors import InvariantError
from parplan.org import AdminLevel
from parplan.plan import PlanKind

__all__ = ["DEFAULT_CONFIG", "DEFAULT_REQUIRED_AREAS", "CheckConfig"]

_ALL_AREAS = frozenset(ReformArea)
_WITHOUT_IMPACT = frozenset(area for area in ReformArea if area is not ReformArea.TAC_DONG)

DEFAULT_REQUIRED_AREAS: Mapping[PlanKind, Mapping[AdminLevel, frozenset[ReformArea]]] = MappingProxyType(
    {
        PlanKind.ANNUAL: MappingProxyType(
            {
                AdminLevel.PROVINCE: _ALL_AREAS,
                AdminLevel.DISTRICT: _WITHOUT_IMPACT,
                AdminLevel.COMMUNE: _ALL_AREAS,
            }
        ),
    }
)
"""Which reform areas a plan must cover, by kind of plan and level (rule PP102).

An annual plan (kế hoạch CCHC năm) must cover all eight areas at province and
commune level, and areas 1-7 at district level: the district index of 2021 had
no impact area (tác động), and the plan of huyện Mang Yang 2021
(``examples/mang-yang-2021.json``) rightly has none.
Remedial, programme, thematic and other plans need not cover any given area.
"""


def _check_required_areas(
    instance: CheckConfig,
    attribute: attrs.Attribute[Mapping[PlanKind, Mapping[AdminLevel, frozenset[ReformArea]]]],
    value: Mapping[PlanKind, Mapping[AdminLevel, frozenset[ReformArea]]],
) -> None:
    for kind, by_level in value.items():
        if not isinstance(kind, PlanKind):
            raise InvariantError(field_name(instance, attribute), kind, "must be keyed by PlanKind")
        for level, areas in by_level.items():
            if not isinstance(level, AdminLevel):
                raise InvariantError(field_name(instance, attribute), level, "must map AdminLevel to areas")
            if not all(isinstance(area, ReformArea) for area in areas):
                raise InvariantError(field_name(instance, attribute), sorted(map(str, areas)), "must hold ReformArea")


def _check_fraction(instance: CheckConfig, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not (value.is_finite() and 0 < value <= 1):
        raise InvariantError(field_name(instance, attribute), value, "must be a number above 0 and at most 1")


def _check_tolerance(instance: CheckConfig, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not (value.is_finite() and value >= 0):
        raise InvariantError(field_name(instance, attribute), value, "must be a number of at least 0")


@attrs.frozen(kw_only=True)
class CheckConfig:
    """Settings of the configurable rules.

    ``required_areas``: the areas a plan must cover, by kind and level (PP102;
    default :data:`DEFAULT_REQUIRED_AREAS`). ``score_tolerance``: how far a
    total may differ from the sum of its area scores before PP701 reports it
    (default 0: exact). ``title_match``: the least similarity (0-1, Dice
    coefficient of syllable pairs) for :func:`parplan.check_alignment` to take
    a lower-level task for the higher-level one (default 0.3).
    ``same_subject``: the least share of a cited document's subject words
    another citation must share to be taken for the same document (PP405,
    default 0.5).
    """

    required_areas: Mapping[PlanKind, Mapping[AdminLevel, frozenset[ReformArea]]] = attrs.field(
        default=DEFAULT_REQUIRED_AREAS, validator=_check_required_areas
    )
    score_tolerance: Decimal = attrs.field(default=Decimal(0), validator=_check_tolerance)
    title_match: Decimal = attrs.field(default=Decimal("0.3"), validator=_check_fraction)
    same_subject: Decimal = attrs.field(default=Decimal("0.5"), validator=_check_fraction)

    def areas_required(self, kind: PlanKind, level: AdminLevel) -> frozenset[ReformArea]:
        """The areas a plan of ``kind`` at ``level`` must cover."""
        by_level = self.required_areas.get(kind)
        if by_level is None:
            return frozenset()
        return frozenset(by_level.get(level, frozenset()))


DEFAULT_CONFIG = CheckConfig()
"""The settings :func:`parplan.check` uses when given none."""
