"""Framework rules (PP7xx): published index results and their points."""

from __future__ import annotations

from decimal import Decimal

from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule
from parplan.frameworks import FRAMEWORKS
from parplan.indicators import IndexFramework
from parplan.plan import IndexResult
from parplan.targets import Unit

__all__: list[str] = []

_HUNDRED = Decimal(100)


def _framework(result: IndexResult) -> IndexFramework | None:
    return FRAMEWORKS.get(result.framework)


@rule(
    "PP701",
    "area-scores-do-not-sum",
    Severity.ERROR,
    en="The {year} result of {framework} totals {score} points, but its area scores add up to {total}.",
    vi="Kết quả {framework} năm {year} có tổng điểm {score} nhưng điểm các lĩnh vực cộng lại là {total}.",
)
def area_scores_do_not_sum(context: PlanContext, report: Report) -> None:
    """An index result whose area scores do not add up to its total.

    "tổng điểm … đạt 90,73 điểm" with the eight area scores listed: the areas
    must sum to the total. Compared exactly unless ``CheckConfig.score_tolerance``
    allows for rounding. Only totals in points are compared.
    """
    tolerance = context.config.score_tolerance
    for index, result in enumerate(context.plan.results):
        if result.score is None or not result.area_scores or result.unit is not Unit.POINTS:
            continue
        total = sum((area.points for area in result.area_scores), Decimal(0))
        if abs(total - result.score) > tolerance:
            report(
                f"$.results[{index}].score",
                year=str(result.year),
                framework=result.framework,
                score=str(result.score),
                total=str(total),
            )


@rule(
    "PP702",
    "score-out-of-range",
    Severity.ERROR,
    en="The {year} result of {framework} scores {points} points for {what}, outside 0-{maximum}.",
    vi="Kết quả {framework} năm {year} ghi {points} điểm cho {what}, ngoài khoảng 0-{maximum}.",
)
def score_out_of_range(context: PlanContext, report: Report) -> None:
    """A score below zero or above its maximum.

    An area score is compared with its own maximum, else with the maximum of
    that area in the bundled framework (the 2017 provincial PAR Index gives
    area 3 at most 14.50 points); a total with the framework's total points,
    and a total in % with 100.
    """
    for index, result in enumerate(context.plan.results):
        framework = _framework(result)
        if result.score is not None:
            maximum: Decimal | None
            if result.unit is Unit.PERCENT:
                maximum = _HUNDRED
            elif result.unit is Unit.POINTS and framework is not None:
                maximum = framework.total_points
            else:
                maximum = None
            if maximum is not None and not 0 <= result.score <= maximum:
                report(
                    f"$.results[{index}].score",
                    year=str(result.year),
                    framework=result.framework,
                    what=Localized(vi="tổng điểm", en="the total", key="total"),
                    points=str(result.score),
                    maximum=str(maximum),
                )
        for k, area in enumerate(result.area_scores):
            area_max = area.max_points
            if area_max is None and framework is not None:
                node = framework.for_area(area.area)
                area_max = node.max_points if node is not None else None
            if area.points < 0 or (area_max is not None and area.points > area_max):
                report(
                    f"$.results[{index}].area_scores[{k}].points",
                    year=str(result.year),
                    framework=result.framework,
                    what=Localized(
                        vi=f"lĩnh vực {area.area.number}", en=f"area {area.area.number}", key=area.area.value
                    ),
                    points=str(area.points),
                    maximum=str(area_max) if area_max is not None else "…",
                )


@rule(
    "PP703",
    "area-maxima-do-not-sum",
    Severity.ERROR,
    en="The area maxima of the {year} result of {framework} add up to {total}, not {expected}.",
    vi="Điểm tối đa các lĩnh vực trong kết quả {framework} năm {year} cộng lại là {total}, không phải {expected}.",
)
def area_maxima_do_not_sum(context: PlanContext, report: Report) -> None:
    """Area maxima that do not add up to the framework's total.

    When a result lists the maximum points of every area of its framework,
    they sum to the framework's total: 100 points for the PAR Index
    (10 + 10 + 14.5 + 11 + 16 + 7 + 16 + 15.5 in 2017). The total is the
    bundled framework's, else 100 over all eight areas.
    """
    for index, result in enumerate(context.plan.results):
        maxima = [area.max_points for area in result.area_scores]
        if not maxima or any(m is None for m in maxima):
            continue
        framework = _framework(result)
        expected = framework.total_points if framework is not None else _HUNDRED
        areas = len(framework.nodes) if framework is not None else 8
        if expected is None or len({area.area for area in result.area_scores}) != areas:
            continue
        total = sum((m for m in maxima if m is not None), Decimal(0))
        if total != expected:
            report(
                f"$.results[{index}].area_scores",
                year=str(result.year),
                framework=result.framework,
                total=str(total),
                expected=str(expected),
            )


@rule(
    "PP704",
    "result-rank-above-out-of",
    Severity.ERROR,
    en="The {year} result of {framework} ranks {rank} out of only {out_of}.",
    vi="Kết quả {framework} năm {year} xếp thứ {rank} trong khi chỉ có {out_of} đơn vị.",
)
def result_rank_above_out_of(context: PlanContext, report: Report) -> None:
    """A published rank larger than the number of units ranked.

    "xếp thứ 4/25 toàn huyện" is rank 4 of 25 communes; a rank above 25
    cannot happen.
    """
    for index, result in enumerate(context.plan.results):
        if result.rank is not None and result.out_of is not None and result.rank > result.out_of:
            report(
                f"$.results[{index}].rank",
                year=str(result.year),
                framework=result.framework,
                rank=result.rank,
                out_of=result.out_of,
            )
