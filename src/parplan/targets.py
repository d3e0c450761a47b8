"""Targets (chỉ tiêu): what a plan promises to reach, and whether it was reached.

A target is a comparator, a value and a unit ("đạt từ 90% trở lên" is ``>= 90
%``), optionally relative to a baseline ("tăng so với năm 2020"), with a horizon
and dated milestones. The raw text stays beside what was read from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

import attrs

from parplan._values import (
    field_name,
    finite_decimal,
    finite_decimal_or_none,
    identifier_or_none,
    nfc_or_none,
    non_empty_or_none,
    positive_int_or_none,
    to_tuple,
    typed_fields,
    year_range_or_none,
)
from parplan.errors import NO_VALUE, InvariantError
from parplan.periods import ReportingPeriod

__all__ = [
    "Baseline",
    "Comparator",
    "Evaluation",
    "Milestone",
    "Status",
    "Target",
    "TargetFlag",
    "Unit",
]


class Comparator(StrEnum):
    """How the actual value is compared with the target."""

    GE = ">="
    """At least: "tối thiểu", "ít nhất", "từ … trở lên", "không thấp hơn"."""
    GT = ">"
    """More than: "trên"."""
    EQ = "="
    """Exactly: "100% hồ sơ …", "không có … vi phạm" (zero)."""
    LE = "<="
    """At most: "không quá", "tối đa"."""
    LT = "<"
    """Less than: "dưới"."""
    INCREASE = "increase"
    """Better than the baseline: "tăng so với năm 2020", "tăng 2 bậc"."""
    DECREASE = "decrease"
    """Lower than the baseline: "giảm so với năm trước"."""
    MAINTAIN = "maintain"
    """At least as good as the baseline: "giữ vững hoặc nâng cao"."""

    @property
    def is_relative(self) -> bool:
        """True for comparators measured against a baseline."""
        return self in _RELATIVE


_RELATIVE = frozenset({Comparator.INCREASE, Comparator.DECREASE, Comparator.MAINTAIN})
_HUNDRED = Decimal(100)


class Unit(StrEnum):
    """The unit of a target value. Money is always in đồng."""

    PERCENT = "%"
    PERCENTAGE_POINT = "pp"
    """Điểm phần trăm: a change of a percentage measured in points ("tăng 5 điểm phần trăm")."""
    COUNT = "count"
    POINTS = "points"
    RANK = "rank"
    VND = "VND"
    DAYS = "days"


class TargetFlag(StrEnum):
    """Doubts recorded while reading a target from text."""

    UNIT_INFERRED = "unit_inferred"
    """The unit was missing (lost in extraction: "đạt từ 60  trở lên") and inferred."""
    AMBIGUOUS = "ambiguous"
    """The text allows more than one reading; the one kept is the most likely."""
    OCR_REPAIRED = "ocr_repaired"
    """The text was damaged (OCR) and repaired before reading."""
    UNREAD_WORDS = "unread_words"
    """Words of the phrase could not be read (scanned text): one that changes the target may be among them."""
    OUT_OF_RANGE = "out_of_range"
    """The value is one the measure cannot take: a share of things above 100 %."""
    INCOMPLETE = "incomplete"
    """The text says more than the target holds: a band's other bound, a rate per period, "not among
    the last N"; what is left out is in the reading's notes (:func:`parplan.text.read_target`)."""


class Status(StrEnum):
    """Outcome of :meth:`Target.evaluate`."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_MEASURABLE = "not_measurable"


def _check_baseline(instance: Baseline) -> None:
    if instance.value is None and instance.year is None and instance.period is None and instance.text is None:
        raise InvariantError("Baseline", NO_VALUE, "needs a value, a year, a period or the text it names")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Baseline:
    """The reference a relative target is measured from: a value and/or when.

    "tăng so với năm 2020" has ``year=2020`` and no value until one is known;
    "xếp thứ 4/25 … năm 2020" has ``value=4, out_of=25, year=2020``. ``unit``
    is the baseline's own unit when it differs from the target's ("tăng 10% so
    với 400 hồ sơ": a count baseline for a relative target in %). ``text`` is
    the baseline as written; it may stand alone for a reference that is neither
    a value nor a time ("vượt 5% kế hoạch": the plan, ``text="kế hoạch"``).
    """

    value: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)
    unit: Unit | None = None
    year: int | None = attrs.field(default=None, validator=year_range_or_none)
    period: ReportingPeriod | None = None
    out_of: int | None = attrs.field(default=None, validator=positive_int_or_none)
    text: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        _check_baseline(self)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Milestone:
    """A dated step towards a target: the value to reach by a date."""

    by: date
    value: Decimal = attrs.field(validator=finite_decimal)
    text: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Evaluation:
    """Whether an actual value meets a target, and by how much.

    ``gap`` is the actual value minus the threshold the target sets (for a
    relative target, the baseline moved by the step); ``None`` when the target
    cannot be measured. ``reason`` says why it cannot.
    """

    status: Status
    gap: Decimal | None = None
    threshold: Decimal | None = None
    reason: str | None = None

    @property
    def met(self) -> bool:
        """True when the target is met."""
        return self.status is Status.MET


def _check_milestones(
    instance: Target, attribute: attrs.Attribute[tuple[Milestone, ...]], value: tuple[Milestone, ...]
) -> None:
    for earlier, later in pairwise(value):
        if earlier.by >= later.by:
            raise InvariantError(
                field_name(instance, attribute),
                later.by.isoformat(),
                f"must be in increasing date order (after {earlier.by.isoformat()})",
            )


def _milestones(values: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return to_tuple(values)


def _flags(values: Iterable[TargetFlag]) -> tuple[TargetFlag, ...]:
    return to_tuple(values)


def _check_flags(
    instance: Target, attribute: attrs.Attribute[tuple[TargetFlag, ...]], value: tuple[TargetFlag, ...]
) -> None:
    if len(set(value)) != len(value):
        raise InvariantError(field_name(instance, attribute), [f.value for f in value], "must not repeat a flag")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Target:
    """A measurable promise: comparator, value, unit, baseline, horizon, raw text.

    For ranks, ``value`` is the position and ``out_of`` the number of units
    ranked ("xếp thứ 4/25"); "in the top 5 of 25" is ``<= 5`` with ``out_of=25``.
    For ranks, ``increase`` means climbing (the position number falls):
    "tăng 2 bậc" is ``increase 2 rank``. A relative step in ``%`` is a share
    of the baseline ("giảm 10%" from 2 tỷ đồng is 1,8 tỷ đồng; "tăng 10%" from
    400 hồ sơ is 440), whatever the baseline's unit; a step in percentage
    points (``Unit.PERCENTAGE_POINT``, "tăng 5 điểm phần trăm") is added to a
    baseline in %. Steps in other units are added to (or taken from) the
    baseline. ``id`` is the target's stable
    identifier within its plan, so that a progress report, a finding or a diff
    can point at it.
    """

    id: str | None = attrs.field(default=None, validator=identifier_or_none)
    comparator: Comparator
    value: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)
    unit: Unit | None = None
    out_of: int | None = attrs.field(default=None, validator=positive_int_or_none)
    baseline: Baseline | None = None
    indicator: str | None = attrs.field(default=None, validator=identifier_or_none)
    subject: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    horizon: date | None = None
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=_milestones, validator=_check_milestones)
    text: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    flags: tuple[TargetFlag, ...] = attrs.field(default=(), converter=_flags, validator=_check_flags)

    def __attrs_post_init__(self) -> None:
        if self.value is None and not self.comparator.is_relative:
            raise InvariantError("Target.value", None, f"is required with the comparator {self.comparator.value!r}")
        if self.out_of is not None and self.unit is not Unit.RANK:
            raise InvariantError("Target.out_of", self.out_of, "is only allowed with the unit 'rank'")

    @property
    def is_relative(self) -> bool:
        """True when measured against a baseline."""
        return self.comparator.is_relative

    def threshold(self) -> Decimal | None:
        """The value the actual is compared with, or None when unknown."""
        if not self.is_relative:
            return self.value
        if self.baseline is None or self.baseline.value is None:
            return None
        step = self.value if self.value is not None else Decimal(0)
        if self.comparator is Comparator.MAINTAIN:
            return self.baseline.value
        climbing = self.comparator is Comparator.INCREASE
        if self.unit is Unit.RANK:
            climbing = not climbing
        base = self.baseline.value
        if self.unit is Unit.PERCENT:  # a share of the baseline, in the baseline's own unit
            step = base * step / _HUNDRED
        return base + step if climbing else base - step

    def evaluate(self, actual: Decimal | int | None) -> Evaluation:
        """Whether ``actual`` meets the target: met, not met, or not measurable."""
        if actual is None:
            return Evaluation(status=Status.NOT_MEASURABLE, reason="no actual value")
        actual_value = Decimal(actual)
        if not actual_value.is_finite():
            return Evaluation(status=Status.NOT_MEASURABLE, reason="the actual value is not a finite number")
        threshold = self.threshold()
        if threshold is None:
            return Evaluation(status=Status.NOT_MEASURABLE, reason="the baseline has no value")
        gap = actual_value - threshold
        return Evaluation(
            status=Status.MET if self._meets(actual_value, threshold) else Status.NOT_MET,
            gap=gap,
            threshold=threshold,
        )

    def _meets(self, actual: Decimal, threshold: Decimal) -> bool:
        comparator = self.comparator
        if comparator is Comparator.GE:
            return actual >= threshold
        if comparator is Comparator.GT:
            return actual > threshold
        if comparator is Comparator.EQ:
            return actual == threshold
        if comparator is Comparator.LE:
            return actual <= threshold
        if comparator is Comparator.LT:
            return actual < threshold
        lower_is_better = self.unit is Unit.RANK
        strict = self.value is None or self.value == 0
        if comparator is Comparator.MAINTAIN:
            return actual <= threshold if lower_is_better else actual >= threshold
        wants_lower = (comparator is Comparator.DECREASE) != lower_is_better
        if wants_lower:
            return actual < threshold if strict else actual <= threshold
        return actual > threshold if strict else actual >= threshold
