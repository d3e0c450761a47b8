"""Small realistic plans for the rendering tests, written after seeds 004 and 001.

``commune_plan`` follows the 2022 plan of xã Sơn Châu (seed 004): masthead,
purposes, targets, tasks in several areas with a sub-area, a budget cell, a
compound timeframe, reporting lines and recipients. Its parameters vary the
values (year, day, number, amounts) so that tests do not memorise the seed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from parplan import (
    AdminUnit,
    Authority,
    Baseline,
    Before,
    Budget,
    CollectiveParty,
    Comparator,
    Compound,
    DocumentSymbol,
    Frequency,
    IndexResult,
    JointParty,
    LegalReference,
    Objective,
    Official,
    OnEvent,
    Organisation,
    PerSchedule,
    Plan,
    Recurring,
    ReformArea,
    ReportingLine,
    ReportingPeriod,
    Responsibility,
    Section,
    Signature,
    SigningCapacity,
    Step,
    Target,
    Task,
    Unit,
    UnitKind,
    Within,
)


def commune_unit(name: str = "Sơn Châu") -> AdminUnit:
    province = AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
    district = AdminUnit(name="Hương Sơn", kind=UnitKind.DISTRICT, parent=province)
    return AdminUnit(name=name, kind=UnitKind.COMMUNE, parent=district)


def _lead(name: str, *partners: str) -> Responsibility:
    return Responsibility(lead=Organisation(name=name), coordinating=tuple(CollectiveParty(name=p) for p in partners))


def commune_tasks(year: int, *, budget_millions: int = 150) -> tuple[Task, ...]:
    """Tasks in areas 1, 2, 3, 5 and 7 (with the sub-areas A and B), and one without an area."""
    continuous = Recurring(frequencies=[Frequency.CONTINUOUS], within=ReportingPeriod.year_of(year))
    return (
        Task(
            id="1",
            title=f"Ban hành các văn bản chỉ đạo thực hiện nhiệm vụ CCHC {year}",
            area=ReformArea.CHI_DAO_DIEU_HANH,
            outputs=("Công văn",),
            responsibility=_lead("UBND xã", "Văn phòng"),
            timeframe=Within(periods=[ReportingPeriod.month(year, 1)], text=f"Tháng 01/{year}"),
        ),
        Task(
            id="4",
            title=f"Xây dựng kế hoạch, tổ chức tuyên truyền CCHC năm {year}",
            area=ReformArea.CHI_DAO_DIEU_HANH,
            outputs=(
                "Kế hoạch",
                "các hình thức tuyên truyền",
            ),
            responsibility=_lead("Văn hóa xã", "Cán bộ, công chức liên quan"),
            timeframe=Recurring(frequencies=[Frequency.CONTINUOUS], text="Thường xuyên trong năm"),
        ),
        Task(
            id="7",
            title="Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
            area=ReformArea.THE_CHE,
            outputs=("Báo cáo",),
            responsibility=_lead("Tư pháp – Hộ tịch", "Cán bộ, công chức liên quan"),
            timeframe=Within(periods=[ReportingPeriod.year_of(year)], text="Trong năm"),
        ),
        Task(
            id="11",
            title="Rà soát, đơn giản hóa TTHC, kiến nghị sửa đổi, bổ sung các quy định hành chính bất cập",
            area=ReformArea.THU_TUC_HANH_CHINH,
            outputs=("Báo cáo Phương án đơn giản hóa",),
            responsibility=_lead("Văn phòng xã", "Các công chức liên quan"),
            timeframe=Within(periods=[ReportingPeriod.quarter(year, q) for q in (1, 2, 3)]),
            targets=[
                Target(comparator=Comparator.EQ, value=Decimal(100), unit=Unit.PERCENT, subject="TTHC được rà soát")
            ],
        ),
        Task(
            id="17",
            title="Thực hiện sắp xếp, tinh gọn tổ chức bộ máy, giảm biên chế",
            area=ReformArea.TO_CHUC_BO_MAY,
            responsibility=_lead("Văn phòng xã", "Các ban ngành có liên quan"),
            timeframe=OnEvent(event="Khi có hướng dẫn, chỉ đạo của cấp trên"),
        ),
        Task(
            id="19",
            title="Tham gia các lớp đào tạo, bồi dưỡng",
            area=ReformArea.CONG_VU,
            outputs=("Quyết định cử đi học",),
            responsibility=_lead("Văn phòng xã", "Cán bộ, công chức liên quan"),
            timeframe=OnEvent(event="Khi có thông báo của tỉnh, huyện"),
            budget=Budget(amount=10_000_000, text="10"),
        ),
        Task(
            id="20",
            title="Thực hiện nghiêm việc chuyển đổi vị trí công tác",
            area=ReformArea.CONG_VU,
            responsibility=Responsibility(coordinating=[CollectiveParty(name="Cán bộ, công chức liên quan")]),
            timeframe=OnEvent(event="Khi có QĐ của huyện"),
        ),
        Task(
            id="32",
            title="Tham gia tập huấn quản trị Trang thông tin điện tử xã",
            area=ReformArea.CHINH_QUYEN_SO,
            subarea="Ứng dụng công nghệ thông tin trong hoạt động của đơn vị",
            responsibility=Responsibility(
                coordinating=[Official(position="Cán bộ CNTT xã"), Organisation(name="Ban biên tập xã")]
            ),
            timeframe=PerSchedule(schedule="Theo kế hoạch của huyện"),
        ),
        Task(
            id="28",
            title="Đầu tư thiết bị hạ tầng công nghệ thông tin đảm bảo hoạt động cơ quan",
            area=ReformArea.CHINH_QUYEN_SO,
            subarea="Ứng dụng công nghệ thông tin trong hoạt động của đơn vị",
            responsibility=_lead("Văn hóa - Thông tin", "Văn phòng, các ban ngành có liên quan"),
            timeframe=continuous,
            budget=Budget(amount=budget_millions * 1_000_000),
        ),
        Task(
            id="30",
            title="Cập nhật các danh mục, văn bản, tin bài trên trang thông tin điện tử",
            area=ReformArea.CHINH_QUYEN_SO,
            subarea="Ứng dụng công nghệ thông tin trong hoạt động của đơn vị",
            responsibility=Responsibility(
                lead=JointParty(
                    members=[Organisation(name="Văn hóa - Thông tin"), Official(position="Cán bộ CNTT xã")]
                ),
                coordinating=[Organisation(name="Ban biên tập")],
            ),
            timeframe=Recurring(frequencies=[Frequency.CONTINUOUS]),
            budget=Budget(note="Theo dự trù kinh phí riêng"),
        ),
        Task(
            id="33",
            title="Xây dựng và triển khai kế hoạch duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015",
            area=ReformArea.CHINH_QUYEN_SO,
            subarea="Áp dụng ISO trong hoạt động của đơn vị",
            outputs=("Kế hoạch",),
            responsibility=_lead("Văn phòng", "Cán bộ, công chức liên quan"),
            timeframe=Compound(
                steps=[
                    Step(action="Ban hành Kế hoạch", timeframe=Within(periods=[ReportingPeriod.month(year, 1)])),
                    Step(
                        action="Báo cáo kết quả thực hiện Kế hoạch",
                        timeframe=Within(periods=[ReportingPeriod.quarter(year, 4)]),
                    ),
                ]
            ),
        ),
        Task(
            id="99",
            title="Tổng kết công tác CCHC",
            outputs=("Báo cáo tổng kết",),
            responsibility=_lead("Văn phòng xã"),
            timeframe=Before(day=date(year, 12, 31)),
        ),
    )


def commune_plan(
    *,
    year: int = 2022,
    number: str | None = "06",
    issued_on: date | None = date(2022, 1, 8),
    name: str = "Sơn Châu",
    budget_millions: int = 150,
    revenue_millions: int = 3773,
    signer: str | None = "Hồ Phạm Tuấn",
) -> Plan:
    """A commune plan with the shape of seed 004; every parameter varies one value."""
    return Plan(
        title=f"Thực hiện công tác cải cách hành chính năm {year}",
        issuer=Organisation(name=f"Ủy ban nhân dân xã {name}"),
        unit=commune_unit(name),
        year=year,
        symbol=DocumentSymbol(number=number, doc_type="KH", issuer="UBND"),
        place=name,
        issued_on=issued_on,
        signature=Signature(
            authorities=[Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN")], position="CHỦ TỊCH", name=signer
        ),
        legal_bases=[
            LegalReference(
                symbol=DocumentSymbol(number="520", doc_type="KH", issuer="UBND"),
                kind="Kế hoạch",
                date=date(year - 1, 12, 24),
                text=f"Kế hoạch số 520/KH-UBND, ngày 24/12/{year - 1} của UBND tỉnh về Cải cách hành chính tỉnh "
                f"Hà Tĩnh năm {year}",
            )
        ],
        purposes=(
            "Tăng cường sự lãnh đạo của Đảng về CCHC, tạo sự thống nhất, quyết tâm chính trị cao.",
            "Tiếp tục xây dựng nền hành chính nhà nước phục vụ nhân dân, dân chủ, chuyên nghiệp, hiện đại.",
        ),
        requirements=(f"Triển khai, thực hiện kế hoạch CCHC năm {year} phải đảm bảo đồng bộ, toàn diện.",),
        results=[
            IndexResult(
                framework="commune_index",
                year=year - 1,
                score=Decimal("90.73"),
                rank=4,
                out_of=25,
                rank_change=-2,
            )
        ],
        objectives=[
            Objective(
                id="o6",
                text="100% hồ sơ TTHC được giải quyết trước và đúng hạn; phấn đấu sự hài lòng của người dân, "
                "doanh nghiệp đạt từ 90% trở lên.",
                targets=[
                    Target(comparator=Comparator.EQ, value=Decimal(100), unit=Unit.PERCENT),
                    Target(comparator=Comparator.GE, value=Decimal(90), unit=Unit.PERCENT, text="đạt từ 90% trở lên"),
                ],
            ),
            Objective(
                id="o10",
                text="Tỷ lệ hồ sơ TTHC được tiếp nhận và xử lý trực tuyến mức độ 3 đạt trên 50%.",
                targets=[Target(comparator=Comparator.GT, value=Decimal(50), unit=Unit.PERCENT)],
            ),
            Objective(
                id="o13",
                text=f"Thu ngân sách trên địa bàn đạt {revenue_millions:,} triệu đồng.".replace(",", "."),
                targets=[Target(comparator=Comparator.GE, value=Decimal(revenue_millions * 1_000_000), unit=Unit.VND)],
            ),
            Objective(
                id="rank",
                text=f"Xếp hạng Chỉ số CCHC ở vị trí cao hơn năm {year - 1}.",
                targets=[
                    Target(
                        comparator=Comparator.INCREASE,
                        value=Decimal(2),
                        unit=Unit.RANK,
                        baseline=Baseline(value=Decimal(4), out_of=25, year=year - 1),
                    )
                ],
            ),
        ],
        sections=[
            Section(heading="Công tác chỉ đạo, điều hành.", area=ReformArea.CHI_DAO_DIEU_HANH, label="1"),
            Section(heading="Cải cách công vụ:", area=ReformArea.CONG_VU, label="5"),
        ],
        tasks=commune_tasks(year, budget_millions=budget_millions),
        reporting=[
            ReportingLine(
                period=ReportingPeriod.quarter(year, 1),
                data_from=date(year - 1, 12, 15),
                data_to=date(year, 3, 14),
                text=f"Báo cáo Quý I/{year}: Thời gian chốt số liệu tính từ ngày 15/12/{year - 1} "
                f"đến ngày 14/3/{year}.",
            ),
            ReportingLine(
                period=ReportingPeriod.year_of(year),
                data_from=date(year - 1, 12, 15),
                data_to=date(year, 11, 30),
                estimate_from=date(year, 12, 1),
                estimate_to=date(year, 12, 14),
                due=date(year, 12, 3),
            ),
        ],
        funding=("Ủy ban nhân dân xã bố trí kinh phí thực hiện kế hoạch trong nguồn dự toán ngân sách.",),
        recipients=(
            "Phòng Nội vụ huyện;",
            "TT. Đảng ủy;",
            "TT. HĐND xã;",
            "Lưu: VP-UBND.",
        ),
    )


HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "Tài chính & Kế toán &amp; &lt;b&gt; &#60;",
    "</td></tr></table><h1>Giả mạo</h1>",
    "\u202eCải cách\u202c hành chính \u2066ngược\u2069",
    "**đậm** _nghiêng_ `mã` [liên kết](http://example.invalid) | ống # thăng",
    "</style><style>body{display:none}",
    "<!-- chú thích --> <![CDATA[x]]>",
]


def hostile_plan(text: str) -> Plan:
    """A plan with ``text`` in every field that holds free text."""
    party = Organisation(name=text)
    return Plan(
        title=text,
        issuer=Organisation(name=text),
        unit=commune_unit(text),
        year=2023,
        symbol=DocumentSymbol(number="07", doc_type="KH", issuer="UBND", text=f"07/KH-UBND {text}"),
        place=text,
        issued_on=date(2023, 2, 3),
        signature=Signature(authorities=[Authority(capacity=SigningCapacity.KT, of=text)], position=text, name=text),
        adopted_by=LegalReference(text=text),
        legal_bases=(LegalReference(title=text),),
        implements=(LegalReference(text=text),),
        purposes=(text,),
        requirements=(text,),
        results=(IndexResult(framework="x", year=2022, score=Decimal(1), text=text),),
        objectives=(
            Objective(
                text=text,
                targets=(
                    Target(comparator=Comparator.GE, value=Decimal(90), unit=Unit.PERCENT, subject=text),
                    Target(comparator=Comparator.INCREASE, baseline=Baseline(year=2022, text=text), subject=text),
                ),
            ),
        ),
        sections=(Section(heading=text, area=ReformArea.THE_CHE),),
        tasks=(
            Task(
                id="t1",
                title=text,
                area=ReformArea.THE_CHE,
                subarea=text,
                description=text,
                outputs=(text, text),
                responsibility=Responsibility(
                    lead=JointParty(members=(party, Official(name="A", position=text, honorific=text))),
                    coordinating=(CollectiveParty(name=f"{text} 2"),),
                    implementing=(Official(position=f"{text} 3"),),
                ),
                timeframe=Compound(
                    steps=(
                        Step(action=text, timeframe=OnEvent(event=text)),
                        Step(action=text, timeframe=PerSchedule(schedule=text, text=text)),
                    ),
                    text=text,
                ),
                budget=Budget(note=text, text=text),
            ),
            Task(
                id="t2",
                title=text,
                timeframe=Before(day=date(2023, 5, 1), text=text),
                budget=Budget(amount=5_000_000, source=text),
            ),
        ),
        reporting=(ReportingLine(period=ReportingPeriod.quarter(2023, 1), recipient=text, text=text),),
        funding=(text,),
        recipients=(text,),
        notes=text,
    )
