"""A synthetic national corpus of commune CCHC plans, seeded and deterministic.

Before 1 July 2025 Vietnam had about ten thousand communes, wards and townships,
each issuing a yearly CCHC plan of some 20-60 tasks: about a million tasks a
year for the whole country. The plans made here imitate the three example plans
in ``examples/`` (commune 2021, district 2021, commune 2022): the same phrases,
text lengths with diacritics, mixes of deadlines ("Tháng 01/2022", "Thường
xuyên", "Khi có hướng dẫn của cấp trên", "Quý I, II, III/2022" ...), leads and
collective parties, percentage targets, budgets in đồng and legal references.
Phrases are recombined and values varied, so no two plans are the same.

Every plan is built through the parplan model (so it is valid) and written as
canonical JSON with ``parplan.dumps``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import parplan
from parplan import (
    AdminLevel,
    AdminUnit,
    AreaScore,
    Authority,
    Before,
    Between,
    Budget,
    BudgetLine,
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
    OpenEnded,
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
    SingleParty,
    SourceLocation,
    Span,
    Step,
    SymbolForm,
    Target,
    Task,
    Timeframe,
    Unit,
    UnitKind,
    Within,
)

__all__ = ["CorpusInfo", "make_plan", "plans", "write_corpus"]

# --- vocabulary taken from the example plans ---------------------------------------------

_SYLLABLES = (
    "Sơn",
    "Châu",
    "Hương",
    "Thủy",
    "Lâm",
    "Phú",
    "Bình",
    "An",
    "Hòa",
    "Tân",
    "Thạnh",
    "Đức",
    "Quảng",
    "Xuân",
    "Hưng",
    "Long",
    "Mỹ",
    "Thượng",
    "Hạ",
    "Trung",
    "Kim",
    "Ngọc",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Lộc",
    "Thọ",
    "Phước",
    "Vĩnh",
    "Định",
    "Thành",
    "Hiệp",
    "Nghĩa",
    "Lợi",
    "Thuận",
    "Yên",
    "Cẩm",
)
_PROVINCES = (
    "Hà Tĩnh",
    "Nghệ An",
    "Quảng Bình",
    "Thanh Hóa",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Đắk Lắk",
    "Lâm Đồng",
    "Tiền Giang",
    "Bến Tre",
    "Sóc Trăng",
    "Cà Mau",
    "Lào Cai",
    "Yên Bái",
    "Hòa Bình",
)
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
_GIVEN = ("Văn", "Thị", "Minh", "Quốc", "Đình", "Hữu", "Thanh", "Ngọc", "Xuân", "Tuấn", "Hùng", "Lan", "Hương")

_VERBS = (
    "Ban hành các văn bản chỉ đạo thực hiện",
    "Xây dựng văn bản, triển khai thực hiện",
    "Tổ chức thực hiện có hiệu quả",
    "Tiếp tục rà soát, đánh giá",
    "Thực hiện nghiêm túc",
    "Tự kiểm tra, rà soát",
    "Theo dõi thi hành",
    "Niêm yết công khai",
    "Nâng cao tỷ lệ số hóa",
    "Tuyên truyền, phổ biến",
    "Kiểm tra, đôn đốc việc thực hiện",
    "Cập nhật và khai thác hiệu quả",
    "Đầu tư thiết bị hạ tầng phục vụ",
    "Duy trì và cải tiến",
    "Triển khai thực hiện sắp xếp, tinh gọn",
    "Tham gia các lớp đào tạo, bồi dưỡng về",
    "Giải ngân kịp thời kinh phí thực hiện",
    "Thực hiện đo lường sự hài lòng của cá nhân, tổ chức đối với",
)
_OBJECTS = (
    "nhiệm vụ cải cách hành chính năm {year}",
    "Kế hoạch CCHC năm {year}",
    "quy trình ban hành văn bản quy phạm pháp luật",
    "văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
    "các bộ TTHC được UBND tỉnh công bố thuộc thẩm quyền giải quyết của UBND xã",
    "kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá trị sử dụng",
    "cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "dịch vụ công trực tuyến mức độ 3, mức độ 4 cho người dân, doanh nghiệp",
    "hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015",
    "phần mềm Quản lý hồ sơ cán bộ, công chức",
    "chính sách tinh giản biên chế theo quy định của trung ương và của tỉnh",
    "cơ chế khoán biên chế, kinh phí hành chính",
    "Quy chế chi tiêu nội bộ; quản lý tài sản công",
    "Trang thông tin điện tử xã và các hệ thống thông tin quản lý",
    "kỷ luật, kỷ cương hành chính, văn hóa công vụ, công sở",
    "việc chuyển đổi vị trí công tác đối với cán bộ, công chức",
    "chữ ký số cá nhân chuyên dùng trong các giao dịch điện tử",
)
_QUALIFIERS = (
    "trên địa bàn xã",
    "theo quy định",
    "đảm bảo đúng quy trình, thời hạn",
    "tại Bộ phận tiếp nhận và trả kết quả",
    "gắn với chuyển đổi số theo lộ trình của UBND huyện",
    "nhằm kịp thời trả lời các tổ chức, cá nhân có phản ánh kiến nghị",
    "theo hướng hiện đại, nhanh chóng, thuận tiện",
    "đáp ứng yêu cầu của người dân, doanh nghiệp",
    "trong hoạt động của cơ quan hành chính nhà nước",
)
_OUTPUTS = (
    "Kế hoạch",
    "Báo cáo",
    "Công văn",
    "Quyết định",
    "Kế hoạch, báo cáo",
    "Văn bản của UBND xã",
    "Quyết định cử đi học",
    "Các tin bài, tờ rơi, tài liệu tuyên truyền",
    "Kế hoạch, mẫu phiếu, báo cáo kết quả đo lường và các văn bản triển khai thực hiện",
    "100% TTHC thuộc thẩm quyền được niêm yết công khai đúng quy định",
    "Dữ liệu về hồ sơ CBCCVC được cập nhật đầy đủ vào phần mềm",
)
_LEADS = (
    "Văn phòng xã",
    "Văn phòng UBND",
    "UBND xã",
    "Tư pháp – Hộ tịch",
    "Văn hóa - Thông tin",
    "Tài chính - KT",
    "Địa chính - Xây dựng",
    "Công an xã",
    "Văn phòng - Thống kê",
)
_COLLECTIVES = (
    "Các ban ngành liên quan",
    "Cán bộ, công chức liên quan",
    "Các ban, ngành liên quan",
    "Các công chức liên quan",
    "Các bộ phận chuyên môn",
    "Các ban ngành đoàn thể",
)
_EVENTS = (
    "Khi có hướng dẫn, chỉ đạo của cấp trên",
    "Khi có thông báo của tỉnh, huyện",
    "Khi có QĐ của huyện",
    "Sau khi có văn bản của cấp trên",
)
_SCHEDULES = ("Theo kế hoạch của huyện", "Trong năm (theo VB của huyện)", "Theo kế hoạch của cấp trên")
_ROMAN_QUARTERS = ("I", "II", "III", "IV")
_PURPOSES = (
    (
        "Tăng cường sự lãnh đạo của Đảng về CCHC, tạo sự thống nhất, quyết tâm chính trị cao của các ngành, "
        "đội ngũ cán bộ, công chức trong triển khai, thực hiện các nội dung trọng tâm CCHC trên địa bàn xã."
    ),
    (
        "Tiếp tục xây dựng nền hành chính nhà nước phục vụ nhân dân, dân chủ, chuyên nghiệp, hiện đại, trong "
        "sạch, vững mạnh, công khai, minh bạch."
    ),
    (
        "Cải cách hành chính phải gắn với nâng cao nhận thức, đổi mới tư duy và hành động sáng tạo; đổi mới lề "
        "lối làm việc, trên cơ sở đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan."
    ),
    (
        "Nâng cao chất lượng giải quyết thủ tục hành chính thông qua cơ chế một cửa, một cửa liên thông gắn với "
        "việc đơn giản hóa thủ tục hành chính (TTHC)."
    ),
)
_OBJECTIVES = (
    ("{v}% văn bản QPPL của Trung ương, của tỉnh, huyện được tổ chức thực hiện kịp thời, hiệu quả", "%"),
    ("{v}% hồ sơ TTHC được giải quyết trước và đúng hạn", "%"),
    ("Phấn đấu sự hài lòng của người dân, doanh nghiệp đạt từ {v}% trở lên", "%"),
    ("Số hóa kết quả giải quyết thủ tục hành chính đạt tỷ lệ {v}% số hồ sơ tiếp nhận", "%"),
    ("{v}% cán bộ, công chức xã có trình độ đại học trở lên", "%"),
    ("Phấn đấu ít nhất có {v} sáng kiến (giải pháp mới) về CCHC áp dụng có hiệu quả", "count"),
    ("Chỉ số CCHC của xã đạt từ {v} điểm trở lên", "points"),
)
_LAWS = (
    (
        "61",
        2018,
        "NĐ",
        "CP",
        "Nghị định",
        date(2018, 4, 23),
        "Chính phủ",
        "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    ),
    (
        "107",
        2021,
        "NĐ",
        "CP",
        "Nghị định",
        date(2021, 12, 6),
        "Chính phủ",
        "sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP",
    ),
    (
        "76",
        None,
        "NQ",
        "CP",
        "Nghị quyết",
        date(2021, 7, 15),
        "Chính phủ",
        "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    ),
    ("54", 2019, "QĐ", "UBND", "Quyết định", date(2019, 9, 27), "UBND tỉnh", "quy định trách nhiệm người đứng đầu"),
    (
        "26",
        None,
        "CT",
        "TTg",
        "Chỉ thị",
        date(2016, 9, 5),
        "Thủ tướng Chính phủ",
        "về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước",
    ),
    (
        "130",
        2005,
        "NĐ",
        "CP",
        "Nghị định",
        date(2005, 10, 17),
        "Chính phủ",
        "quy định chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính",
    ),
    (
        "343",
        2016,
        "TT",
        "BTC",
        "Thông tư",
        date(2016, 12, 30),
        "Bộ Tài chính",
        "hướng dẫn thực hiện công khai ngân sách nhà nước",
    ),
)
_AREAS = tuple(ReformArea)
_AREA_HEADINGS = (
    "CHỈ ĐẠO ĐIỀU HÀNH",
    "CẢI CÁCH THỂ CHẾ",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY",
    "CẢI CÁCH CÔNG VỤ",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    "TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KINH TẾ - XÃ HỘI",
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _name(rng: random.Random) -> str:
    return " ".join(rng.sample(_SYLLABLES, 2))


def _title(rng: random.Random, year: int) -> str:
    """A task title of 60-200 characters, as in the example plans' appendix tables."""
    text = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS).format(year=year)}"
    qualifiers = rng.sample(_QUALIFIERS, 3)
    while qualifiers and (len(text) < 60 or (len(text) < 140 and rng.random() < 0.5)):
        text = f"{text} {qualifiers.pop()}"
    if len(text) > 200:
        text = text[:200].rstrip(" ,;")
    return text


def _party(rng: random.Random) -> SingleParty:
    roll = rng.random()
    if roll < 0.55:
        return CollectiveParty(name=rng.choice(_COLLECTIVES))
    if roll < 0.9:
        return Organisation(name=rng.choice(_LEADS))
    if roll < 0.95:
        return Official(position="Cán bộ CNTT xã")
    return Official(
        honorific="Đ/c",
        name=f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)} {rng.choice(_SYLLABLES)}",
        position="Công chức Văn phòng – Thống kê",
    )


def _responsibility(rng: random.Random) -> Responsibility | None:
    roll = rng.random()
    if roll < 0.04:
        return None
    lead: Organisation | JointParty | None
    if roll < 0.08:
        first, second = rng.sample(_LEADS, 2)
        lead = JointParty(members=(Organisation(name=first), Organisation(name=second)))
    elif roll < 0.13:
        lead = None
    else:
        lead = Organisation(name=rng.choice(_LEADS), level=AdminLevel.COMMUNE if rng.random() < 0.2 else None)
    lead_names = {p.key for p in (lead.members if isinstance(lead, JointParty) else (lead,) if lead else ())}
    coordinating: list[SingleParty] = []
    for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
        party = _party(rng)
        if party.key not in lead_names and party.key not in {p.key for p in coordinating}:
            coordinating.append(party)
    implementing = [_party(rng)] if rng.random() < 0.08 else []
    if lead is None and not coordinating and not implementing:
        coordinating.append(CollectiveParty(name=rng.choice(_COLLECTIVES)))
    return Responsibility(lead=lead, coordinating=tuple(coordinating), implementing=tuple(implementing))


def _timeframe(rng: random.Random, year: int) -> Timeframe | None:  # noqa: C901 - a table of cases
    roll = rng.random()
    if roll < 0.25:
        month = rng.randint(1, 12)
        return Within(periods=(ReportingPeriod.month(year, month),), text=f"Tháng {month:02d}/{year}")
    if roll < 0.40:
        return Within(periods=(ReportingPeriod.year_of(year),), text=rng.choice(("Trong năm", f"Trong năm {year}")))
    if roll < 0.58:
        return Recurring(frequencies=(Frequency.CONTINUOUS,), text="Thường xuyên")
    if roll < 0.66:
        return Recurring(
            frequencies=(Frequency.CONTINUOUS,),
            within=ReportingPeriod.year_of(year),
            text=f"Thường xuyên trong năm {year}",
        )
    if roll < 0.73:
        return OnEvent(event=rng.choice(_EVENTS))
    if roll < 0.78:
        schedule = rng.choice(_SCHEDULES)
        within = ReportingPeriod.year_of(year) if "Trong năm" in schedule else None
        return PerSchedule(schedule=schedule, within=within, text=schedule)
    if roll < 0.83:
        day = date(year, rng.randint(1, 12), rng.randint(1, 28))
        return Before(day=day, text=f"Trước ngày {day.day:02d}/{day.month:02d}/{year}")
    if roll < 0.87:
        count = rng.randint(2, 3)
        quarters = tuple(range(1, count + 1))
        names = ", ".join(_ROMAN_QUARTERS[q - 1] for q in quarters)
        return Within(periods=tuple(ReportingPeriod.quarter(year, q) for q in quarters), text=f"Quý {names}/{year}")
    if roll < 0.90:
        start = date(year - 1, 12, 15) + timedelta(days=rng.randint(0, 180))
        end = start + timedelta(days=rng.randint(30, 89))
        return Between(start=start, end=end, text=f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}")
    if roll < 0.92:
        return Span(start_year=2021, end_year=2025, text="giai đoạn 2021 - 2025")
    if roll < 0.93:
        return OpenEnded(from_year=year, text=f"năm {year} và những năm tiếp theo")
    if roll < 0.96:
        return Compound(
            steps=(
                Step(
                    action="Ban hành Kế hoạch",
                    timeframe=Within(periods=(ReportingPeriod.month(year, 1),), text=f"trong tháng 01/{year}"),
                ),
                Step(
                    action="Báo cáo kết quả thực hiện Kế hoạch",
                    timeframe=Within(periods=(ReportingPeriod.quarter(year, 4),), text=f"trong quý IV năm {year}"),
                ),
            )
        )
    return None


def _percent(rng: random.Random) -> Decimal:
    return Decimal(rng.choice(("35", "50", "60", "75", "80", "90", "95", "100", "97.5", "85.25")))


def _task_target(rng: random.Random) -> Target:
    value = _percent(rng)
    return Target(
        comparator=rng.choice((Comparator.GE, Comparator.EQ)),
        value=value,
        unit=Unit.PERCENT,
        subject="hồ sơ tiếp nhận",
        text=f"{value}% hồ sơ tiếp nhận",
    )


def _budget(rng: random.Random) -> Budget:
    roll = rng.random()
    if roll < 0.6:
        millions = rng.choice((10, 15, 20, 40, 50, 100, 150, 200, 350))
        return Budget(amount=millions * 1_000_000, source="ngân sách xã", text=str(millions))
    if roll < 0.8:
        return Budget(note="Theo dự trù kinh phí riêng")
    first, second = rng.randint(5, 60), rng.randint(5, 60)
    return Budget(
        amount=(first + second) * 1_000_000,
        lines=(
            BudgetLine(label="Mua sắm thiết bị", amount=first * 1_000_000, source="ngân sách xã"),
            BudgetLine(label="In ấn tài liệu tuyên truyền", amount=second * 1_000_000),
        ),
    )


def _legal(rng: random.Random) -> LegalReference:
    number, year, doc_type, issuer, kind, issued, issuer_name, title = rng.choice(_LAWS)
    symbol = DocumentSymbol(number=number, year=year, doc_type=doc_type, issuer=issuer)
    return LegalReference(
        symbol=symbol,
        kind=kind,
        date=issued,
        issuer_name=issuer_name,
        title=title,
        text=f"{kind} số {symbol} ngày {issued:%d/%m/%Y} của {issuer_name} {title}",
    )


def _task(rng: random.Random, index: int, year: int, area: ReformArea) -> Task:
    has_description = rng.random() < 0.1
    return Task(
        id=f"t{index}",
        title=_title(rng, year),
        area=area,
        subarea="Áp dụng ISO trong hoạt động của đơn vị" if rng.random() < 0.05 else None,
        general_task=f"Nhiệm vụ chung: {rng.choice(_OBJECTS).format(year=year)}" if rng.random() < 0.1 else None,
        description=f"{_title(rng, year)}; {_title(rng, year)}." if has_description else None,
        outputs=(rng.choice(_OUTPUTS),) if rng.random() < 0.7 else (),
        responsibility=_responsibility(rng),
        timeframe=_timeframe(rng, year),
        targets=(_task_target(rng),) if rng.random() < 0.15 else (),
        budget=_budget(rng) if rng.random() < 0.15 else None,
        indicators=(f"par.{area.number}.{rng.randint(1, 6)}",) if rng.random() < 0.05 else (),
        legal_bases=(_legal(rng),) if rng.random() < 0.1 else (),
        source=(
            SourceLocation(table="Phụ lục", row=str(index))
            if rng.random() < 0.7
            else SourceLocation(section=f"III.{area.number}", item="a")
        ),
        notes="Đã có dự thảo" if rng.random() < 0.03 else None,
    )


def _objective(rng: random.Random, index: int) -> Objective:
    template, unit = rng.choice(_OBJECTIVES)
    value = Decimal(rng.randint(1, 5)) if unit == "count" else _percent(rng)
    text = template.format(v=value)
    return Objective(
        id=f"o{index}",
        text=text,
        targets=(Target(comparator=Comparator.GE, value=value, unit=Unit(unit), text=text),),
        source=SourceLocation(section="II", item=str(index)),
    )


def _reporting(year: int) -> tuple[ReportingLine, ...]:
    return (
        ReportingLine(
            period=ReportingPeriod.quarter(year, 1),
            data_from=date(year - 1, 12, 15),
            data_to=date(year, 3, 14),
            text=f"Báo cáo Quý I/{year}: thời gian chốt số liệu tính từ ngày 15/12/{year - 1} đến ngày 14/3/{year}",
        ),
        ReportingLine(
            period=ReportingPeriod.half(year, 1), data_from=date(year - 1, 12, 15), data_to=date(year, 6, 14)
        ),
        ReportingLine(period=ReportingPeriod.quarter(year, 3), data_from=date(year, 6, 15), data_to=date(year, 9, 14)),
        ReportingLine(
            period=ReportingPeriod.year_of(year),
            data_from=date(year - 1, 12, 15),
            data_to=date(year, 11, 30),
            due=date(year, 12, 3),
        ),
    )


def make_plan(seed: int, index: int, tasks: tuple[int, int] = (20, 60)) -> Plan:
    """Plan number ``index`` of the corpus made with ``seed``: a commune's yearly plan before 2025.

    ``tasks`` bounds the number of tasks (20-60, as in the example plans, unless given).
    """
    rng = random.Random(f"{seed}:{index}")
    year = rng.randint(2018, 2024)
    province = AdminUnit(name=rng.choice(_PROVINCES), kind=UnitKind.PROVINCE)
    district = AdminUnit(name=_name(rng), kind=rng.choice((UnitKind.DISTRICT, UnitKind.TOWN)), parent=province)
    kind = rng.choices((UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP), weights=(80, 12, 8))[0]
    unit = AdminUnit(name=_name(rng), kind=kind, parent=district, code=f"{rng.randint(100, 32000):05d}")
    count = rng.randint(*tasks)
    areas = sorted(rng.choices(_AREAS, weights=(6, 3, 10, 2, 5, 5, 8, 1), k=count), key=_AREAS.index)
    issued = date(year, 1, rng.randint(2, 28))
    return Plan(
        title=f"Kế hoạch thực hiện công tác cải cách hành chính năm {year}",
        issuer=Organisation(name=f"UBND {unit.full_name}", level=AdminLevel.COMMUNE),
        unit=unit,
        year=year,
        symbol=DocumentSymbol(number=f"{rng.randint(1, 99):02d}", doc_type="KH", issuer="UBND", form=SymbolForm.STATE),
        place=unit.name,
        issued_on=issued,
        issued_text=f"{unit.name}, ngày {issued.day:02d} tháng {issued.month:02d} năm {year}",
        signature=Signature(
            authorities=(Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN"),),
            position="CHỦ TỊCH",
            name=f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)} {rng.choice(_SYLLABLES)}",
        ),
        legal_bases=tuple(_legal(rng) for _ in range(rng.randint(1, 3))),
        purposes=tuple(rng.sample(_PURPOSES, rng.randint(2, 4))),
        requirements=tuple(rng.sample(_PURPOSES, rng.randint(1, 2))),
        results=(
            IndexResult(
                framework="par_index_commune",
                year=year - 1,
                score=Decimal(rng.randint(7000, 9600)) / 100,
                rank=rng.randint(1, 25),
                out_of=25,
                area_scores=tuple(
                    AreaScore(area=area, points=Decimal(rng.randint(100, 1500)) / 100) for area in _AREAS
                ),
                text="Chỉ số CCHC năm trước",
            ),
        )
        if rng.random() < 0.5
        else (),
        objectives=tuple(_objective(rng, i) for i in range(1, rng.randint(6, 13) + 1)),
        sections=tuple(
            Section(heading=heading, area=area, label=label)
            for heading, area, label in zip(_AREA_HEADINGS, _AREAS, _ROMAN, strict=True)
        ),
        tasks=tuple(_task(rng, i, year, area) for i, area in enumerate(areas, start=1)),
        reporting=_reporting(year),
        funding=("Ủy ban nhân dân xã bố trí kinh phí thực hiện kế hoạch trong nguồn dự toán ngân sách",),
        recipients=("Phòng Nội vụ huyện", "TT. Đảng ủy", "TT. HĐND xã", "Các ban ngành đoàn thể", "Lưu: VP-UBND"),
    )


def plans(seed: int, count: int, tasks: tuple[int, int] = (20, 60)) -> Iterator[Plan]:
    """The first ``count`` plans of the corpus made with ``seed``."""
    for index in range(count):
        yield make_plan(seed, index, tasks)


class CorpusInfo:
    """What :func:`write_corpus` wrote: the files in order, tasks per file and bytes."""

    def __init__(self, paths: list[Path], tasks: list[int], size: int) -> None:
        self.paths = paths
        self.tasks = tasks
        self.size = size

    @property
    def task_count(self) -> int:
        """All tasks of the corpus."""
        return sum(self.tasks)


def write_corpus(directory: Path, seed: int, count: int, task_range: tuple[int, int] = (20, 60)) -> CorpusInfo:
    """Write ``count`` plans as canonical JSON files under ``directory`` (100 per sub-folder)."""
    paths: list[Path] = []
    tasks: list[int] = []
    size = 0
    for index, plan in enumerate(plans(seed, count, task_range)):
        folder = directory / f"{index // 100:04d}"
        if index % 100 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"plan-{index:05d}.json"
        data = parplan.dumps(plan).encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        tasks.append(len(plan.tasks))
        size += len(data)
    return CorpusInfo(paths, tasks, size)
