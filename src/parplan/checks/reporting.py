"""Reporting rules (PP5xx): the plan's declared reporting schedule against the reporting regime."""

from __future__ import annotations

from datetime import date

from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule
from parplan.periods import ReportingPeriod
from parplan.plan import PlanKind

__all__ = ["par_reports", "period_param", "regime_window"]


def regime_window(period: ReportingPeriod) -> tuple[date, date]:
    """The first and last day of ``period``'s data window under the reporting regime.

    The 15th-to-14th rule (:attr:`parplan.ReportingPeriod.data_window`): Q1
    2022 is 15/12/2021-14/03/2022, the first half 15/12/2021-14/06/2022, the
    year 15/12/2021-14/12/2022.
    """
    window = period.data_window
    return window.start, window.end


def period_param(period: ReportingPeriod) -> Localized:
    """A reporting period as a message parameter: "Quý I/2022" / "Q1 2022", its identifier as the value."""
    return Localized(vi=period.label("vi"), en=period.label("en"), key=str(period))


def par_reports(year: int) -> tuple[ReportingPeriod, ...]:
    """The periodic PAR reports of a year: Q1, the first half, Q3 and the year (Bộ Nội vụ's regime)."""
    return (
        ReportingPeriod.quarter(year, 1),
        ReportingPeriod.half(year, 1),
        ReportingPeriod.quarter(year, 3),
        ReportingPeriod.year_of(year),
    )


@rule(
    "PP501",
    "window-differs-from-regime",
    Severity.WARNING,
    en="The report for {period} declares its data window from {declared_start} to {declared_end}; "
    "the reporting regime sets {start} to {end}.",
    vi="Báo cáo {period} chốt số liệu từ {declared_start} đến {declared_end}; "
    "chế độ báo cáo quy định từ {start} đến {end}.",
)
def window_differs_from_regime(context: PlanContext, report: Report) -> None:
    """A declared data cut-off window that differs from the reporting regime's.

    Windows run from the 15th of the month before the period to the 14th of
    its last month (Q1 2022: 15/12/2021-14/03/2022). A window that ends early
    and is completed by an estimated tail (ước đạt: seed 004's annual report
    counts data to 30/11 and estimates 01/12-14/12) is compared by its start
    and the end of the tail. Seed 004's six-month window starts on 15/12/2022
    instead of 15/12/2021.
    """
    for index, line in enumerate(context.plan.reporting):
        declared_start = line.data_from
        declared_end = line.estimate_to if line.estimate_to is not None else line.data_to
        if declared_start is None or declared_end is None:
            continue
        start, end = regime_window(line.period)
        if declared_start != start or declared_end != end:
            field = "data_from" if declared_start != start else ("estimate_to" if line.estimate_to else "data_to")
            report(
                f"$.reporting[{index}].{field}",
                period=period_param(line.period),
                declared_start=declared_start.isoformat(),
                declared_end=declared_end.isoformat(),
                start=start.isoformat(),
                end=end.isoformat(),
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
    """
    plan = context.plan
    if not plan.reporting:
        return
    declared = {line.period for line in plan.reporting}
    for year in range(plan.first_year, plan.last_year + 1):
        for period in par_reports(year):
            if period not in declared:
                report("$.reporting", period=period_param(period))


@rule(
    "PP503",
    "no-reporting-schedule",
    Severity.INFO,
    en="The annual plan declares no reporting schedule (thời gian chốt số liệu, hạn báo cáo).",
    vi="Kế hoạch năm không nêu lịch báo cáo (thời gian chốt số liệu, hạn báo cáo).",
)
def no_reporting_schedule(context: PlanContext, report: Report) -> None:
    """An annual plan that declares no reporting schedule.

    Many plans only say "theo định kỳ hoặc đột xuất theo quy định"; the regime
    then applies as it stands. Declaring the cut-off windows and deadlines
    (as seed 004 does) lets the checks compare them with the regime.
    """
    plan = context.plan
    if plan.kind is PlanKind.ANNUAL and not plan.reporting:
        report("$")


@rule(
    "PP504",
    "report-outside-plan",
    Severity.WARNING,
    en="The report for {period} falls outside the plan's years {first}-{last}.",
    vi="Báo cáo {period} thuộc kỳ nằm ngoài thời gian của kế hoạch ({first}-{last}).",
)
def report_outside_plan(context: PlanContext, report: Report) -> None:
    """A scheduled report for a period outside the plan's year or span.

    A 2022 plan schedules the 2022 reports; a "Báo cáo Quý I/2021" line in it
    is a copied line whose year was not updated.
    """
    plan = context.plan
    first, last = plan.first_year, plan.last_year
    for index, line in enumerate(plan.reporting):
        if not first <= line.period.year <= last:
            report(f"$.reporting[{index}].period", period=period_param(line.period), first=str(first), last=str(last))


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
