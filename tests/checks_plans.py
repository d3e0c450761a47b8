"""Plans for the tests of the checks: a clean commune plan and small helpers to break it.

The clean plan is the 2024 plan of a fictitious commune, written with phrases
from the seed plans but other numbers, dates and names, so that rules cannot
pass by recognising the seeds. Every rule stays silent on it (a test says so);
each rule's test breaks one thing with :func:`attrs.evolve`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from parplan import (
    AdminLevel,
    AdminUnit,
    AreaScore,
    Baseline,
    Before,
    Budget,
    BudgetLine,
    CollectiveParty,
    Comparator,
    DocumentSymbol,
    IndexResult,
    LegalReference,
    Objective,
    Organisation,
    Plan,
    PlanKind,
    Recurring,
    ReformArea,
    ReportingLine,
    ReportingPeriod,
    Responsibility,
    Section,
    SourceLocation,
    Target,
    Task,
    Unit,
    UnitKind,
    Within,
)
from parplan.timeframes import Frequency

__all__ = [
    "AREA_MAXIMA",
    "AREA_POINTS",
    "clean_plan",
    "evolve_target",
    "evolve_task",
    "replace_at",
    "reporting_line",
    "resolve_path",
    "table_row",
]

AREA_MAXIMA = ("10", "10", "14.5", "11", "16", "7", "16", "15.5")
"""The 2017 provincial PAR Index area maxima (QĐ 2948/QĐ-BNV): they sum to 100."""

AREA_POINTS = ("9.5", "9", "13.25", "10", "15", "6.5", "14", "13.48")
"""Area scores of the clean plan's last result: they sum to 90.73."""

_TITLES = {
    ReformArea.CHI_DAO_DIEU_HANH: "Ban hành các văn bản chỉ đạo thực hiện nhiệm vụ CCHC 2024",
    ReformArea.THE_CHE: "Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
    ReformArea.THU_TUC_HANH_CHINH: "Xây dựng Kế hoạch kiểm soát TTHC gắn với cơ chế một cửa, một cửa liên thông",
    ReformArea.TO_CHUC_BO_MAY: "Thực hiện sắp xếp, tinh gọn tổ chức bộ máy, giảm biên chế",
    ReformArea.CONG_VU: "Ban hành kế hoạch đào tạo bồi dưỡng cán bộ, công chức",
    ReformArea.TAI_CHINH_CONG: "Ban hành Quy chế chi tiêu nội bộ; quản lý tài sản công",
    ReformArea.CHINH_QUYEN_SO: "Đầu tư thiết bị hạ tầng công nghệ thông tin đảm bảo hoạt động cơ quan",
    ReformArea.TAC_DONG: "Chỉ đạo khai thác tốt nguồn thu, chống thất thu ngân sách",
}


def table_row(row: int) -> SourceLocation:
    """The source location of an appendix row."""
    return SourceLocation(table="Phụ lục", row=str(row))


def _task(number: int, area: ReformArea) -> Task:
    timeframe: Any
    if number % 3 == 0:
        timeframe = Within(periods=(ReportingPeriod.month(2024, 2),), text="Tháng 02/2024")
    elif number % 3 == 1:
        timeframe = Before(day=date(2024, 6, 30), text="Trước ngày 30/6/2024")
    else:
        timeframe = Recurring(
            frequencies=(Frequency.CONTINUOUS,),
            within=ReportingPeriod.year_of(2024),
            text="Thường xuyên trong năm 2024",
        )
    return Task(
        id=f"pl-{number}",
        title=_TITLES[area],
        area=area,
        outputs=("Kế hoạch",),
        responsibility=Responsibility(
            lead=Organisation(name="Văn phòng UBND xã"),
            coordinating=(CollectiveParty(name="Các ban ngành liên quan"),),
        ),
        timeframe=timeframe,
        budget=Budget(
            amount=12_000_000,
            lines=(
                BudgetLine(label="Thiết bị", amount=9_500_000),
                BudgetLine(label="Lắp đặt", amount=2_500_000),
            ),
            text="12",
        )
        if area is ReformArea.CHINH_QUYEN_SO
        else None,
        source=table_row(number),
    )


def reporting_line(period: str, *, due: date | None = None) -> ReportingLine:
    """A reporting line that follows the regime: the 15th-to-14th window, due on the 20th."""
    parsed = ReportingPeriod.parse(period)
    window = parsed.data_window
    return ReportingLine(
        period=parsed,
        data_from=window.start,
        data_to=window.end,
        due=parsed.due if due is None else due,
    )


def _result() -> IndexResult:
    return IndexResult(
        framework="chi_so_cchc_xa_2023",
        year=2023,
        score=Decimal("90.73"),
        rank=4,
        out_of=25,
        area_scores=tuple(
            AreaScore(area=area, points=Decimal(points), max_points=Decimal(maximum))
            for area, points, maximum in zip(ReformArea, AREA_POINTS, AREA_MAXIMA, strict=True)
        ),
        text="tổng điểm đạt 90,73 điểm, xếp thứ 4/25 toàn huyện",
    )


def clean_plan() -> Plan:
    """A complete 2024 commune plan on which no rule reports anything."""
    province = AdminUnit(name="Bình Phước", kind=UnitKind.PROVINCE)
    district = AdminUnit(name="Đồng Phú", kind=UnitKind.DISTRICT, parent=province)
    commune = AdminUnit(name="Tân Lập", kind=UnitKind.COMMUNE, parent=district)
    return Plan(
        title="Kế hoạch cải cách hành chính năm 2024",
        issuer=Organisation(name="Ủy ban nhân dân xã Tân Lập", level=AdminLevel.COMMUNE),
        unit=commune,
        kind=PlanKind.ANNUAL,
        year=2024,
        symbol=DocumentSymbol(number="12", doc_type="KH", issuer="UBND"),
        issued_on=date(2024, 1, 5),
        legal_bases=(
            LegalReference(
                symbol=DocumentSymbol(number="61", year=2018, doc_type="NĐ", issuer="CP"),
                kind="Nghị định",
                date=date(2018, 4, 23),
                issuer_name="Chính phủ",
                title="về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
            ),
        ),
        implements=(
            LegalReference(
                symbol=DocumentSymbol(number="05", doc_type="KH", issuer="UBND"),
                kind="Kế hoạch",
                date=date(2023, 12, 28),
                issuer_name="UBND huyện Đồng Phú",
                title="về cải cách hành chính huyện năm 2024",
            ),
        ),
        results=(_result(),),
        objectives=(
            Objective(
                id="ct-1",
                text="Tỷ lệ hồ sơ TTHC được tiếp nhận và xử lý trực tuyến đạt từ 80% trở lên",
                area=ReformArea.CHINH_QUYEN_SO,
                targets=(
                    Target(
                        id="ct-1.1",
                        comparator=Comparator.GE,
                        value=Decimal(80),
                        unit=Unit.PERCENT,
                        indicator="ty-le-ho-so-truc-tuyen",
                        horizon=date(2024, 12, 31),
                        text="đạt từ 80% trở lên",
                    ),
                ),
            ),
            Objective(
                id="ct-2",
                text="Chỉ số CCHC năm 2024 xếp thứ 3/25 toàn huyện",
                targets=(
                    Target(
                        id="ct-2.1",
                        comparator=Comparator.LE,
                        value=Decimal(3),
                        unit=Unit.RANK,
                        out_of=25,
                        baseline=Baseline(value=Decimal(4), year=2023, out_of=25),
                        text="xếp thứ 3/25",
                    ),
                ),
            ),
        ),
        sections=tuple(Section(heading=area.title_vi, area=area, label=str(area.number)) for area in ReformArea),
        tasks=tuple(_task(number, area) for number, area in enumerate(ReformArea, start=1)),
        reporting=tuple(reporting_line(period) for period in ("2024Q1", "2024S1", "2024Q3", "2024")),
    )


def evolve_task(plan: Plan, index: int, **changes: Any) -> Plan:
    """``plan`` with task ``index`` changed."""
    tasks = list(plan.tasks)
    tasks[index] = attrs.evolve(tasks[index], **changes)
    return attrs.evolve(plan, tasks=tuple(tasks))


def evolve_target(plan: Plan, objective: int, **changes: Any) -> Plan:
    """``plan`` with the first target of objective ``objective`` changed."""
    objectives = list(plan.objectives)
    item = objectives[objective]
    objectives[objective] = attrs.evolve(item, targets=(attrs.evolve(item.targets[0], **changes), *item.targets[1:]))
    return attrs.evolve(plan, objectives=tuple(objectives))


def replace_at(items: Iterable[Any], index: int, value: Any) -> tuple[Any, ...]:
    """``items`` as a tuple with the item at ``index`` replaced."""
    result = list(items)
    result[index] = value
    return tuple(result)


def resolve_path(document: Any, path: str) -> bool:
    """Whether ``path`` names a value of ``document``, or the place of a field an object leaves out."""
    steps = re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path)
    node = document
    for number, (name, index) in enumerate(steps):
        last = number == len(steps) - 1
        if name:
            if not isinstance(node, dict):
                return False
            if name not in node:
                return last
            node = node[name]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return False
            node = node[int(index)]
    return True
