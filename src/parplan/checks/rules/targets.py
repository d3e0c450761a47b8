"""Target rules (PP3xx): percentages, ranks, baselines, contradictions and damaged units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule
from parplan.source import SourceLocation
from parplan.targets import Comparator, Target, TargetFlag, Unit
from parplan.text.normalize import fold

__all__ = ["plan_targets"]

_HUNDRED = Decimal(100)


def plan_targets(context: PlanContext) -> list[tuple[str, Target, Localized, SourceLocation | None]]:
    """Every target of the plan: its JSON path, the target, its owner and the owner's source location.

    The owner is "objective <id>" or "task <id>" in each language; its value is
    the objective's id (else its path) or ``task:<id>``. Listed once per run
    and shared by the target rules.
    """
    cached = context.cache.get("targets")
    if not isinstance(cached, list):
        cached = context.cache["targets"] = list(_plan_targets(context))
    return cached


def _plan_targets(context: PlanContext) -> Iterator[tuple[str, Target, Localized, SourceLocation | None]]:
    plan = context.plan
    for i, objective in enumerate(plan.objectives):
        if objective.targets:
            name = objective.id or f"$.objectives[{i}]"
            owner = Localized(vi=f"mục tiêu {name}", en=f"objective {name}", key=name)
            for k, target in enumerate(objective.targets):
                yield f"$.objectives[{i}].targets[{k}]", target, owner, objective.source
    for i, task in enumerate(plan.tasks):
        if task.targets:
            owner = Localized(vi=f"nhiệm vụ {task.id}", en=f"task {task.id}", key=f"task:{task.id}")
            for k, target in enumerate(task.targets):
                yield f"$.tasks[{i}].targets[{k}]", target, owner, task.source


def _quote(target: Target) -> str:
    if target.text is not None:
        return repr(target.text)
    value = "" if target.value is None else f" {target.value}"
    unit = "" if target.unit is None else f" {target.unit.value}"
    return f"{target.comparator.value}{value}{unit}"


@rule(
    "PP301",
    "percentage-out-of-range",
    Severity.ERROR,
    en="Target {target} of {owner} sets {value}%, outside 0-100.",
    vi="Chỉ tiêu {target} của {owner} đặt mức {value}%, ngoài khoảng 0-100.",
)
def percentage_out_of_range(context: PlanContext, report: Report) -> None:
    """A percentage below 0 or above 100.

    Checked for the target's value, its baseline and its milestones when the
    unit is ``%``. A share cannot exceed the whole; a value such as 900% is
    usually a digit read twice or a count taken for a percentage.
    """
    for path, target, owner, source in plan_targets(context):
        if target.unit is not Unit.PERCENT:
            continue
        values: list[tuple[str, Decimal | None]] = [(f"{path}.value", target.value)]
        if target.baseline is not None:
            values.append((f"{path}.baseline.value", target.baseline.value))
        values.extend(
            (f"{path}.milestones[{m}].value", milestone.value) for m, milestone in enumerate(target.milestones)
        )
        for value_path, value in values:
            if value is not None and not 0 <= value <= _HUNDRED:
                report(value_path, source=source, target=_quote(target), owner=owner, value=str(value))


@rule(
    "PP302",
    "rank-above-out-of",
    Severity.ERROR,
    en="Target {target} of {owner} puts the rank at {rank} out of only {out_of}.",
    vi="Chỉ tiêu {target} của {owner} đặt thứ hạng {rank} trong khi chỉ có {out_of} đơn vị.",
)
def rank_above_out_of(context: PlanContext, report: Report) -> None:
    """A rank (xếp thứ) larger than the number of units ranked.

    "xếp thứ 4/25" is rank 4 out of 25; rank 26 out of 25 cannot happen.
    Checked for the target and for its baseline (with the baseline's own
    number of units when it gives one).
    """
    for path, target, owner, source in plan_targets(context):
        if target.unit is not Unit.RANK:
            continue
        out_of = target.out_of
        if out_of is not None and target.value is not None and target.value > out_of:
            report(
                f"{path}.value",
                source=source,
                target=_quote(target),
                owner=owner,
                rank=str(target.value),
                out_of=out_of,
            )
        baseline = target.baseline
        if baseline is not None and baseline.value is not None:
            base_out_of = baseline.out_of if baseline.out_of is not None else out_of
            if base_out_of is not None and baseline.value > base_out_of:
                report(
                    f"{path}.baseline.value",
                    source=source,
                    target=_quote(target),
                    owner=owner,
                    rank=str(baseline.value),
                    out_of=base_out_of,
                )


@rule(
    "PP303",
    "relative-target-without-baseline",
    Severity.WARNING,
    en="Target {target} of {owner} is relative ({comparator}) but gives no baseline.",
    vi="Chỉ tiêu {target} của {owner} so sánh tương đối ({comparator}) nhưng không có mốc so sánh.",
)
def relative_target_without_baseline(context: PlanContext, report: Report) -> None:
    """A relative target (increase, decrease, maintain) with nothing to compare with.

    "tăng hơn so với năm trước" needs last year's value or at least the year;
    without a baseline the target can never be evaluated. Record the baseline
    year, and its value when known.
    """
    for path, target, owner, source in plan_targets(context):
        if target.comparator.is_relative and target.baseline is None:
            comparator = target.comparator
            words = Localized(vi=_COMPARATOR_VI[comparator], en=comparator.value, key=comparator.value)
            report(path, source=source, target=_quote(target), owner=owner, comparator=words)


_COMPARATOR_VI = {Comparator.INCREASE: "tăng", Comparator.DECREASE: "giảm", Comparator.MAINTAIN: "giữ vững"}

_SUBJECT_NOISE = re.compile(r"[^\w%]+")

_Bound = tuple[Decimal, bool, str]
"""A bound of an interval: value, whether it is included, path of the target that set it."""


def _interval(target: Target) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    value = target.value
    comparator = target.comparator
    if comparator is Comparator.GE:
        return value, True, None, False
    if comparator is Comparator.GT:
        return value, False, None, False
    if comparator is Comparator.LE:
        return None, False, value, True
    if comparator is Comparator.LT:
        return None, False, value, False
    return value, True, value, True


def _empty(low: _Bound | None, high: _Bound | None) -> bool:
    if low is None or high is None:
        return False
    return low[0] > high[0] or (low[0] == high[0] and not (low[1] and high[1]))


def _tighter_low(new: _Bound, old: _Bound | None) -> bool:
    return old is None or new[0] > old[0] or (new[0] == old[0] and not new[1])


def _tighter_high(new: _Bound, old: _Bound | None) -> bool:
    return old is None or new[0] < old[0] or (new[0] == old[0] and not new[1])


def _subject_key(target: Target) -> str | None:
    if target.indicator is not None:
        return f"indicator:{target.indicator}"
    if target.subject is not None:
        return "subject:" + _SUBJECT_NOISE.sub(" ", fold(target.subject)).strip()
    return None


@rule(
    "PP304",
    "contradictory-targets",
    Severity.ERROR,
    en="Target {target} of {owner} contradicts {other} for the same {what}.",
    vi="Chỉ tiêu {target} của {owner} mâu thuẫn với {other} cho cùng {what}.",
)
def contradictory_targets(context: PlanContext, report: Report) -> None:
    """Two targets for one indicator that cannot both be met.

    Targets are grouped by indicator code (else by subject, compared folded),
    unit and horizon; within a group the allowed values must overlap: "= 100%"
    and "<= 80%" cannot both hold, nor "increase" and "decrease" from the same
    baseline. Each target is compared with the bounds set by the earlier ones,
    so the check is linear; the later target of a contradicting pair is reported.
    """
    lows: dict[tuple[str, Unit | None, date | None], _Bound] = {}
    highs: dict[tuple[str, Unit | None, date | None], _Bound] = {}
    directions: dict[tuple[object, ...], tuple[bool, str]] = {}
    for path, target, owner, source in plan_targets(context):
        subject = _subject_key(target)
        if subject is None:
            continue
        what = (
            Localized(vi=f"chỉ số {target.indicator}", en=f"indicator {target.indicator}", key=subject)
            if target.indicator is not None
            else Localized(vi=f"nội dung {target.subject!r}", en=f"subject {target.subject!r}", key=subject)
        )
        if target.comparator.is_relative:
            baseline = target.baseline
            base = (baseline.year, baseline.period, baseline.value) if baseline is not None else None
            rkey = (subject, target.unit, target.horizon, base)
            upward = target.comparator is not Comparator.DECREASE
            seen = directions.setdefault(rkey, (upward, path))
            if seen[0] != upward:
                report(path, source=source, target=_quote(target), owner=owner, other=seen[1], what=what)
            continue
        key = (subject, target.unit, target.horizon)
        low_value, low_in, high_value, high_in = _interval(target)
        low = lows.get(key)
        high = highs.get(key)
        new_low: _Bound | None = None if low_value is None else (low_value, low_in, path)
        new_high: _Bound | None = None if high_value is None else (high_value, high_in, path)
        if new_low is not None and _empty(new_low, high) and high is not None:
            report(path, source=source, target=_quote(target), owner=owner, other=high[2], what=what)
            continue
        if new_high is not None and _empty(low, new_high) and low is not None:
            report(path, source=source, target=_quote(target), owner=owner, other=low[2], what=what)
            continue
        if new_low is not None and _tighter_low(new_low, low):
            lows[key] = new_low
        if new_high is not None and _tighter_high(new_high, high):
            highs[key] = new_high


@rule(
    "PP305",
    "unit-inferred",
    Severity.WARNING,
    en="The unit of target {target} of {owner} was missing in the text and inferred as {unit}.",
    vi="Đơn vị của chỉ tiêu {target} ({owner}) bị mất trong văn bản và được suy ra là {unit}.",
)
def unit_inferred(context: PlanContext, report: Report) -> None:
    """A target whose unit was lost in the text and inferred.

    Text extraction drops signs: the plan of huyện Mang Yang 2021 (``examples/mang-yang-2021.json``)
    writes "phải đạt từ 60  trở lên"
    and "đạt tỷ lệ 100 ." where the original said 60% and 100%. parplan marks
    such targets ``unit_inferred``; check the original document.
    """
    for path, target, owner, source in plan_targets(context):
        if TargetFlag.UNIT_INFERRED in target.flags:
            unit = target.unit.value if target.unit is not None else "?"
            report(f"{path}.unit", source=source, target=_quote(target), owner=owner, unit=unit)


_FLAGS_VI = {
    TargetFlag.AMBIGUOUS: "có nhiều cách hiểu",
    TargetFlag.OCR_REPAIRED: "văn bản hỏng đã được sửa",
    TargetFlag.UNREAD_WORDS: "có từ không đọc được",
    TargetFlag.OUT_OF_RANGE: "giá trị vượt quá giới hạn",
    TargetFlag.INCOMPLETE: "chỉ tiêu chưa thể hiện hết nội dung văn bản",
}
_FLAGS_EN = {
    TargetFlag.AMBIGUOUS: "the text is ambiguous",
    TargetFlag.OCR_REPAIRED: "damaged text was repaired",
    TargetFlag.UNREAD_WORDS: "some words could not be read",
    TargetFlag.OUT_OF_RANGE: "the value is out of range",
    TargetFlag.INCOMPLETE: "the target holds less than the text says",
}


@rule(
    "PP306",
    "doubtful-target",
    Severity.INFO,
    en="Target {target} of {owner} was read with doubt: {flags}.",
    vi="Chỉ tiêu {target} của {owner} được đọc chưa chắc chắn: {flags}.",
)
def doubtful_target(context: PlanContext, report: Report) -> None:
    """A target read from ambiguous or damaged (OCR-repaired) text.

    The reading kept is the most likely one; confirm it against the original.
    Besides ambiguity and repairs, the doubts are words that could not be read,
    a value the measure cannot take (a share above 100 %), and a text that says
    more than the target holds (a band's other bound, a rate per period).
    """
    for path, target, owner, source in plan_targets(context):
        doubts = [flag for flag in target.flags if flag is not TargetFlag.UNIT_INFERRED]
        if doubts:
            flags = Localized(
                vi=", ".join(_FLAGS_VI[flag] for flag in doubts),
                en=", ".join(_FLAGS_EN[flag] for flag in doubts),
                key=",".join(flag.value for flag in doubts),
            )
            report(path, source=source, target=_quote(target), owner=owner, flags=flags)


@rule(
    "PP307",
    "milestone-after-horizon",
    Severity.WARNING,
    en="A milestone of target {target} of {owner} falls on {by}, after the target's horizon {horizon}.",
    vi="Một mốc của chỉ tiêu {target} ({owner}) rơi vào ngày {by}, sau thời hạn của chỉ tiêu ({horizon}).",
)
def milestone_after_horizon(context: PlanContext, report: Report) -> None:
    """A milestone dated after the target's horizon.

    Milestones are steps towards the target and come before its horizon.
    """
    for path, target, owner, source in plan_targets(context):
        horizon = target.horizon
        if horizon is None:
            continue
        for m, milestone in enumerate(target.milestones):
            if milestone.by > horizon:
                report(
                    f"{path}.milestones[{m}].by",
                    source=source,
                    target=_quote(target),
                    owner=owner,
                    by=milestone.by,
                    horizon=horizon,
                )


_NONNEGATIVE = {
    Unit.COUNT: ("số lượng", "count"),
    Unit.VND: ("số tiền", "amount of money"),
    Unit.DAYS: ("số ngày", "number of days"),
    Unit.POINTS: ("số điểm", "score"),
}


def _impossible(target: Target, value: Decimal, *, step: bool) -> Localized | None:
    unit = target.unit
    if unit is Unit.RANK:
        if value != value.to_integral_value():
            return Localized(
                vi="thứ hạng không phải số nguyên", en="a rank that is not a whole number", key="rank-fraction"
            )
        if value < (0 if step else 1):
            return Localized(vi="thứ hạng nhỏ hơn 1", en="a rank below 1", key="rank-below-one")
        return None
    names = _NONNEGATIVE.get(unit) if unit is not None else None
    if unit is not None and names is not None and value < 0:
        return Localized(vi=f"{names[0]} âm", en=f"a negative {names[1]}", key=f"negative-{unit.value}")
    return None


@rule(
    "PP308",
    "impossible-value",
    Severity.ERROR,
    en="Target {target} of {owner} sets {value}: {problem}.",
    vi="Chỉ tiêu {target} của {owner} đặt mức {value}: {problem}.",
)
def impossible_value(context: PlanContext, report: Report) -> None:
    """A target value that cannot be: a rank of 0, a rank of 2.5, a negative count, amount, score or number of days.

    Ranks are whole numbers from 1 ("xếp thứ 0/25" and "xếp thứ 2,5" are
    misread or mistyped); a change of rank ("tăng 2 bậc") is a whole number
    of places, 0 or more. Counts ("ít nhất 02 sáng kiến"), money, scores and
    numbers of days cannot be below zero: a minus sign is usually a dash
    read as a sign. Checked for the target's value, its baseline's and its
    milestones'. Left alone: percentages (PP301), percentage-point changes,
    fractions of counts ("trung bình 2,5 ngày" is a number of days, fine),
    and targets without a value.
    """
    for path, target, owner, source in plan_targets(context):
        values: list[tuple[str, Decimal | None, bool]] = [
            (f"{path}.value", target.value, target.comparator.is_relative)
        ]
        if target.baseline is not None and target.baseline.unit in (None, target.unit):
            values.append((f"{path}.baseline.value", target.baseline.value, False))
        values.extend(
            (f"{path}.milestones[{m}].value", milestone.value, False) for m, milestone in enumerate(target.milestones)
        )
        for value_path, value, step in values:
            if value is None:
                continue
            problem = _impossible(target, value, step=step)
            if problem is not None:
                report(value_path, source=source, target=_quote(target), owner=owner, value=str(value), problem=problem)
