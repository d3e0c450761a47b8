"""Reporting rules (PP5xx): the plan's declared reporting schedule against the reporting regime.

The regime is :class:`parplan.schedule.ReportingSchedule`: four PAR reports a
year (Q1, first half, Q3, year), data cut by the 15th-to-14th rule. A plan's
lines are compared year by year with the schedule of that year, extended with
any other period the plan declares (a monthly report is not wrong, only not
required). A line that declares an estimated tail (ước đạt) is compared with
the regime's window cut the same way, so the early annual cut-off of xã Sơn
Châu 2022 (``examples/son-chau-2022.json``) on 30/11 with estimates to 14/12 is not a difference.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule
from parplan.errors import InvariantError
from parplan.periods import STANDARD_CUTOFF, CutoffRule, ReportingPeriod
from parplan.plan import PlanKind, ReportingLine
from parplan.schedule import DifferenceKind, ReportingSchedule, ScheduleDifference, ScheduledReport, par_periods

__all__ = ["period_param", "schedule_differences"]


def period_param(period: ReportingPeriod) -> Localized:
    """A reporting period as a message parameter: "Quý I/2022" / "Q1 2022", its identifier as the value."""
    vi = period.label("vi")
    if vi.startswith("Năm "):  # "báo cáo năm 2022", as documents write it mid-sentence
        vi = "năm " + vi[4:]
    return Localized(vi=vi, en=period.label("en"), key=str(period))


def _cutoff_for(line: ReportingLine) -> CutoffRule:
    """The cut-off rule a line follows: the regime's, with the line's estimated tail when it declares one."""
    tail = line.estimate_from
    period = line.period
    if tail is None or tail.year != period.year or tail.month != period.last_month:
        return STANDARD_CUTOFF
    try:
        rule_ = CutoffRule(estimate_from_day=tail.day)
        rule_.window(period)
    except InvariantError:
        return STANDARD_CUTOFF
    return rule_


def _year_schedule(year: int, lines: list[tuple[int, ReportingLine]]) -> ReportingSchedule:
    """The regime's reports of ``year`` and any other period declared, each cut the way its line is.

    Deadlines are the regime's (the 20th); they are not compared (PP203 and PP204 check them).
    """
    periods = list(par_periods(year))
    cutoffs: dict[ReportingPeriod, CutoffRule] = {}
    for _, line in lines:
        if line.period not in periods:
            periods.append(line.period)
        cutoffs.setdefault(line.period, _cutoff_for(line))
    return ReportingSchedule(
        reports=tuple(
            ScheduledReport(period=period, window=cutoffs.get(period, STANDARD_CUTOFF).window(period), due=period.due)
            for period in periods
        )
    )


def schedule_differences(context: PlanContext) -> tuple[ScheduleDifference, ...]:
    """How the plan's reporting lines differ from the regime, year by year (indexes into ``plan.reporting``).

    Computed once per run and shared by the reporting rules.
    """
    cached = context.cache.get("schedule")
    if isinstance(cached, tuple):
        return cached
    plan = context.plan
    by_year: dict[int, list[tuple[int, ReportingLine]]] = {}
    for position, line in enumerate(plan.reporting):
        by_year.setdefault(line.period.year, []).append((position, line))
    found: list[ScheduleDifference] = []
    for year in plan.stated_years:
        lines = by_year.get(year, [])
        schedule = _year_schedule(year, lines)
        found.extend(
            attrs.evolve(difference, index=None if difference.index is None else lines[difference.index][0])
            for difference in schedule.compare(line for _, line in lines)
        )
    result = tuple(found)
    context.cache["schedule"] = result
    return result


_FIELD_NAMES = {
    "data_from": Localized(vi="ngày bắt đầu chốt số liệu", en="the first day of data", key="data_from"),
    "data_to": Localized(vi="ngày chốt số liệu", en="the data cut-off", key="data_to"),
    "estimate_from": Localized(vi="ngày bắt đầu ước đạt", en="the first estimated day", key="estimate_from"),
    "estimate_to": Localized(vi="ngày kết thúc ước đạt", en="the last estimated day", key="estimate_to"),
}
_ONLY_YEAR = Localized(vi=" (chỉ khác năm)", en=" (only the year differs)", key="wrong_year")
_NOT_ONLY_YEAR = Localized(vi="", en="", key="different")


def _differences(context: PlanContext, *kinds: DifferenceKind) -> Iterator[ScheduleDifference]:
    return (difference for difference in schedule_differences(context) if difference.kind in kinds)


@rule(
    "PP501",
    "window-differs-from-regime",
    Severity.WARNING,
    en="The report for {period} sets {field} on {declared}; the reporting regime sets {expected}{detail}.",
    vi="Báo cáo {period} lấy {field} là {declared}; chế độ báo cáo quy định {expected}{detail}.",
)
def window_differs_from_regime(context: PlanContext, report: Report) -> None:
    """A declared data window that differs from the reporting regime's.

    Windows run from the 15th of the month before the period to the 14th of
    its last month (Q1 2022: 15/12/2021-14/03/2022; the first half and the year
    start on 15/12 of the year before). A line that stops its actual data early
    and estimates the rest (ước đạt) is compared with the regime's window cut
    the same way. The six-month window of xã Sơn Châu 2022
    (``examples/son-chau-2022.json``) starts on 15/12/2022 instead of
    15/12/2021: only the year differs. Deadlines are checked by PP203 and PP204.
    """
    for difference in _differences(context, DifferenceKind.DIFFERENT, DifferenceKind.WRONG_YEAR):
        field = difference.field
        if field not in _FIELD_NAMES or difference.index is None or difference.declared is None:
            continue
        expected = difference.expected
        report(
            f"$.reporting[{difference.index}].{field}",
            period=period_param(difference.period),
            field=_FIELD_NAMES[field],
            declared=difference.declared,
            expected=expected if expected is not None else "…",
            detail=_ONLY_YEAR if difference.kind is DifferenceKind.WRONG_YEAR else _NOT_ONLY_YEAR,
        )


@rule(
    "PP502",
    "missing-report",
    Severity.WARNING,
    en="The reporting schedule has no report for {period}, which the PAR reporting regime requires.",
    vi="Lịch báo cáo thiếu báo cáo {period} mà chế độ báo cáo CCHC yêu cầu.",
)
def missing_report(context: PlanContext, report: Report) -> None:
    """A periodic PAR report the plan's schedule leaves out.

    Bộ Nội vụ's regime asks for four PAR reports a year: the first quarter, the
    first half (cumulative), the third quarter and the year (cumulative). A plan
    that declares a reporting schedule should schedule all four for each of
    its years. A plan that declares none is reported by PP503 instead.
    Left alone: reports for periods that ended before the plan was issued (a
    plan issued in May does not schedule the first-quarter report; it was due
    before the plan existed). An undated plan is taken to be issued on
    1 January of its first year.
    """
    if not context.plan.reporting:
        return
    issued = context.reference_day
    for difference in _differences(context, DifferenceKind.MISSING):
        if difference.period.end < issued:
            continue
        report("$.reporting", period=period_param(difference.period))


@rule(
    "PP503",
    "no-reporting-schedule",
    Severity.INFO,
    en="The annual plan declares no reporting schedule (thời gian chốt số liệu, hạn báo cáo).",
    vi="Kế hoạch năm không nêu lịch báo cáo (thời gian chốt số liệu, hạn báo cáo).",
)
def no_reporting_schedule(context: PlanContext, report: Report) -> None:
    """An annual plan that declares no reporting schedule.

    Declaring the cut-off windows and deadlines (as xã Sơn Châu 2022, ``examples/son-chau-2022.json``, does) lets the
    checks compare them with the regime. Left alone: plans that state a duty
    to report without a period ("định kỳ hằng quý báo cáo UBND huyện", "theo
    định kỳ hoặc đột xuất theo quy định", :class:`~parplan.ReportingObligation`),
    where the regime applies as it stands, and plans other than annual ones.
    """
    plan = context.plan
    if plan.kind is PlanKind.ANNUAL and not plan.reporting and not plan.obligations:
        report("$")


@rule(
    "PP504",
    "report-outside-plan",
    Severity.WARNING,
    en="The report for {period} falls outside the plan's years {years}.",
    vi="Báo cáo {period} thuộc kỳ nằm ngoài thời gian của kế hoạch ({years}).",
)
def report_outside_plan(context: PlanContext, report: Report) -> None:
    """A scheduled report for a period outside the plan's year or span.

    A 2022 plan schedules the 2022 reports; a "Báo cáo Quý I/2021" line in it
    is a copied line whose year was not updated. An open-ended plan has no
    last year: only reports before its first year are outside.
    """
    plan = context.plan
    first, last = plan.first_year, plan.last_year
    years = (
        Localized(vi=f"từ năm {first}", en=f"from {first} on", key=f"{first}-")
        if last is None
        else (str(first) if first == last else f"{first}-{last}")
    )
    for index, line in enumerate(plan.reporting):
        if not first <= line.period.year <= (line.period.year if last is None else last):
            report(f"$.reporting[{index}].period", period=period_param(line.period), years=years)


@rule(
    "PP505",
    "duplicate-report",
    Severity.WARNING,
    en="The report for {period} is scheduled twice (first at {first}).",
    vi="Báo cáo {period} được nêu hai lần (lần đầu tại {first}).",
)
def duplicate_report(context: PlanContext, report: Report) -> None:
    """The same report period scheduled twice.

    Two lines for one period usually disagree on the window or deadline; keep one.
    """
    seen: dict[ReportingPeriod, int] = {}
    for index, line in enumerate(context.plan.reporting):
        first = seen.setdefault(line.period, index)
        if first != index:
            report(f"$.reporting[{index}].period", period=period_param(line.period), first=f"$.reporting[{first}]")


@rule(
    "PP506",
    "estimate-not-adjacent",
    Severity.WARNING,
    en="The estimated tail of the report for {period} starts on {declared}, not the day after the data cut-off "
    "({expected}).",
    vi="Phần ước đạt của báo cáo {period} bắt đầu ngày {declared}, không phải ngày liền sau ngày chốt số liệu "
    "({expected}).",
)
def estimate_not_adjacent(context: PlanContext, report: Report) -> None:
    """An estimated tail (ước đạt) that leaves a gap after, or overlaps, the actual data.

    The annual report of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) counts
    actual data to 30/11 and estimates from
    01/12: the tail starts the day after the cut-off. Any other start leaves
    days counted twice or not at all.
    """
    for difference in _differences(context, DifferenceKind.TAIL_NOT_ADJACENT):
        if difference.index is None or difference.declared is None or difference.expected is None:
            continue
        report(
            f"$.reporting[{difference.index}].estimate_from",
            period=period_param(difference.period),
            declared=difference.declared,
            expected=difference.expected,
        )
