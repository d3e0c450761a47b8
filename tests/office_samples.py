"""Plans for the office tests (Excel, Word, tables): every kind of appendix cell, and a large plan made by rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from parplan import (
    AdminUnit,
    Authority,
    Before,
    Budget,
    BudgetLine,
    CollectiveParty,
    Comparator,
    Compound,
    DocumentSymbol,
    Frequency,
    JointParty,
    LegalReference,
    Objective,
    Official,
    OnEvent,
    Organisation,
    Plan,
    Recurring,
    ReformArea,
    ReportingPeriod,
    Responsibility,
    Signature,
    SigningCapacity,
    Step,
    Target,
    Task,
    Unit,
    UnitKind,
    Within,
)

AREAS = tuple(ReformArea)


def mixed_tasks(year: int = 2023) -> tuple[Task, ...]:
    """Tasks with every kind of cell an appendix holds: joint leads, officials, steps, odd budgets, notes."""
    return (
        Task(
            id="t1",
            title="Ban hành Kế hoạch cải cách hành chính năm 2023",
            area=ReformArea.CHI_DAO_DIEU_HANH,
            outputs=("Kế hoạch", "Quyết định"),
            responsibility=Responsibility(
                lead=JointParty(members=(Organisation(name="Văn phòng xã"), Organisation(name="Tư pháp – Hộ tịch"))),
                coordinating=(CollectiveParty(name="Các ban ngành liên quan"),),
                implementing=(Official(honorific="Đ/c", name="Nguyễn Văn A", position="Công chức Văn phòng"),),
            ),
            timeframe=Compound(
                steps=(
                    Step(action="Ban hành Kế hoạch", timeframe=Within(periods=[ReportingPeriod.month(year, 1)])),
                    Step(action="Báo cáo kết quả", timeframe=Before(day=date(year, 12, 15))),
                ),
                text=f"- Ban hành Kế hoạch trong tháng 01/{year}\n- Báo cáo kết quả trước ngày 15/12/{year}",
            ),
            budget=Budget(amount=1_234_567, text="1,234567"),
            targets=(Target(id="t1-a", comparator=Comparator.GE, value=Decimal("90.5"), unit=Unit.PERCENT),),
            legal_bases=(LegalReference(text="Nghị định số 61/2018/NĐ-CP"),),
        ),
        Task(
            id="t2",
            title="=SUM(A1:A9) là một tiêu đề, không phải công thức",
            area=ReformArea.CHI_DAO_DIEU_HANH,
            subarea="Tuyên truyền",
            outputs=("Bản tin\tsố 1",),
            responsibility=Responsibility(lead=Organisation(name="Văn hóa xã")),
            timeframe=Recurring(frequencies=[Frequency.CONTINUOUS], text="Thường xuyên"),
            budget=Budget(lines=(BudgetLine(label="In ấn", amount=2_500_000), BudgetLine(label="Loa", amount=500_000))),
        ),
        Task(
            id="t3",
            title="Kiểm tra công tác cải cách hành chính\x07 tại các thôn",
            area=ReformArea.THU_TUC_HANH_CHINH,
            responsibility=Responsibility(coordinating=(Organisation(name="Công an xã"),)),
            timeframe=OnEvent(event="Khi có hướng dẫn của cấp trên"),
            budget=Budget(note="Theo dự trù kinh phí riêng"),
        ),
        Task(
            id="t4",
            title="Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            area=ReformArea.CHINH_QUYEN_SO,
            outputs=("Hồ sơ điện tử",),
            responsibility=Responsibility(lead=Organisation(name="Văn phòng xã")),
            timeframe=Within(periods=[ReportingPeriod.year_of(year)], text="Trong năm"),
            budget=Budget(amount=150_000_000, text="150"),
        ),
        Task(
            id="t5",
            title="Nhiệm vụ không thuộc lĩnh vực nào",
            budget=Budget(amount=10**18 - 1),
        ),
    )


def office_plan(*, tasks: tuple[Task, ...] | None = None, year: int = 2023) -> Plan:
    """A commune plan signed KT., with recipients, objectives with targets and ``tasks`` (default: mixed ones)."""
    return Plan(
        title=f"Kế hoạch cải cách hành chính năm {year}",
        issuer=Organisation(name="Ủy ban nhân dân xã Sơn Giang"),
        unit=AdminUnit(
            name="Sơn Giang",
            kind=UnitKind.COMMUNE,
            parent=AdminUnit(name="Hương Sơn", kind=UnitKind.DISTRICT),
        ),
        year=year,
        symbol=DocumentSymbol(number="12", doc_type="KH", issuer="UBND"),
        place="Sơn Giang",
        issued_on=date(year, 1, 9),
        signature=Signature(
            authorities=(
                Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN"),
                Authority(capacity=SigningCapacity.KT, of="CHỦ TỊCH"),
            ),
            position="PHÓ CHỦ TỊCH",
            name="Trần Thị B",
        ),
        legal_bases=(LegalReference(text="Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ"),),
        purposes=("Nâng cao chất lượng phục vụ người dân",),
        objectives=(
            Objective(
                id="o1",
                text="Tỷ lệ hồ sơ giải quyết đúng hạn",
                targets=(Target(comparator=Comparator.EQ, value=Decimal(100), unit=Unit.PERCENT),),
            ),
        ),
        tasks=mixed_tasks(year) if tasks is None else tasks,
        recipients=("Phòng Nội vụ huyện", "TT. Đảng ủy", "Lưu: VP"),
    )


def many_tasks(count: int, year: int = 2023) -> tuple[Task, ...]:
    """``count`` tasks made by rule: areas in turn, budgets of every size, two outputs, a lead and partners."""
    return tuple(
        Task(
            id=f"n{index}",
            title=f"Nhiệm vụ số {index}: rà soát, đơn giản hóa thủ tục hành chính lĩnh vực {index % 17}",
            area=AREAS[index % len(AREAS)],
            outputs=(f"Báo cáo {index}", "Danh mục thủ tục"),
            responsibility=Responsibility(
                lead=Organisation(name=f"Công chức {index % 7}"),
                coordinating=(Organisation(name="Văn phòng xã"), CollectiveParty(name="Các thôn")),
            ),
            timeframe=Within(
                periods=[ReportingPeriod.quarter(year, index % 4 + 1)], text=f"Quý {index % 4 + 1}/{year}"
            ),
            budget=Budget(amount=index * 1_000_001) if index % 3 else None,
        )
        for index in range(1, count + 1)
    )
