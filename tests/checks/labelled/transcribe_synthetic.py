"""Transcribe six synthetic plans of ``tests/documents/synthetic`` into plan JSON, as written.

Run from the repository root: ``python tests/checks/labelled/transcribe_synthetic.py``.
Each plan keeps what its text says, defects included: no field is corrected,
and a fact the text does not state is left out. Where the model has no room
for what the text says, the comment says what was done.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from labelled_plans import (
    Comparator,
    before,
    between,
    continuous,
    duty,
    end_of_year,
    event,
    every,
    first_week,
    group,
    line,
    milestone,
    month,
    objective,
    org,
    pct,
    person,
    quarters,
    rank_change,
    ref,
    resp,
    schedule,
    sec,
    signed,
    since,
    steps,
    symbol,
    target,
    task,
    write,
)

from parplan import (
    AdminUnit,
    AreaScore,
    Baseline,
    IndexResult,
    Masthead,
    OpenEnded,
    Organisation,
    Plan,
    PlanKind,
    Recurring,
    ReformArea,
    SectionKind,
    SigningCapacity,
    SymbolForm,
    Unit,
    UnitKind,
)
from parplan.org import AdminLevel, JointParty, OrgKind
from parplan.timeframes import Frequency

A = ReformArea
PART, AREA, CRIT, GROUP = SectionKind.PART, SectionKind.AREA, SectionKind.CRITERION, SectionKind.GROUP
TM, KT = SigningCapacity.TM, SigningCapacity.KT
UBND = OrgKind.PEOPLES_COMMITTEE


def xa_2021_phan_cong() -> Plan:
    """Xã Thạch Đài 2021: one task per area, responsibility and time given once per area."""
    hoa = person("Nguyễn Thị Hoa", "công chức Văn phòng - Thống kê")
    binh = person("Lê Văn Bình", "Phó Chủ tịch UBND xã")
    cuong = person("Phan Văn Cường", "công chức Tư pháp - Hộ tịch")
    dung = person("Võ Văn Dũng", "công chức Địa chính - Xây dựng")
    lan = person("Hồ Thị Lan", "công chức Tài chính - Kế toán")
    sections = (
        sec("I", "I", "MỤC ĐÍCH, YÊU CẦU", kind=PART),
        sec("II", "II", "NỘI DUNG, NHIỆM VỤ VÀ PHÂN CÔNG TRÁCH NHIỆM", kind=PART),
        sec(
            "II.1",
            "1",
            "Công tác chỉ đạo, điều hành",
            parent="II",
            kind=AREA,
            area=A.CHI_DAO_DIEU_HANH,
            responsibility=resp(hoa, coord=[group("các công chức chuyên môn")], rep=[binh]),
            timeframe=quarters(2021, 1, text="Quý I/2021."),
        ),
        sec(
            "II.2",
            "2",
            "Cải cách thể chế",
            parent="II",
            kind=AREA,
            area=A.THE_CHE,
            responsibility=resp(cuong, coord=[dung]),
            timeframe=steps(
                ("hoàn thành rà soát", before(2021, 6, 30, "trước ngày 30/6/2021")),
                ("theo dõi thi hành pháp luật", continuous("thường xuyên")),
            ),
        ),
        sec(
            "II.3",
            "3",
            "Cải cách thủ tục hành chính",
            parent="II",
            kind=AREA,
            area=A.THU_TUC_HANH_CHINH,
            responsibility=resp(JointParty(members=(hoa, cuong)), impl=[org("Bộ phận tiếp nhận và trả kết quả")]),
        ),
        # "tổ chức bộ máy và công vụ": one heading for two areas; the section takes the first,
        # its one task (discipline, codes of conduct) the second.
        sec(
            "II.4",
            "4",
            "Cải cách tổ chức bộ máy và công vụ",
            parent="II",
            kind=AREA,
            area=A.TO_CHUC_BO_MAY,
            responsibility=resp(binh, impl=[group("các cán bộ, công chức")]),
            timeframe=continuous("thường xuyên."),
        ),
        sec(
            "II.5",
            "5",
            "Cải cách tài chính công",
            parent="II",
            kind=AREA,
            area=A.TAI_CHINH_CONG,
            responsibility=resp(lan),
            timeframe=end_of_year(2021, "cuối năm 2021."),
        ),
        sec(
            "II.6",
            "6",
            "Hiện đại hóa hành chính",
            parent="II",
            kind=AREA,
            area=A.CHINH_QUYEN_SO,
            responsibility=resp(hoa),
        ),
        sec("III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART),
    )
    tasks = (
        task(
            "II.1",
            "Ban hành các kế hoạch CCHC, tuyên truyền, tự kiểm tra năm 2021; đưa kết quả thực hiện nhiệm vụ "
            "CCHC vào bình xét thi đua cuối năm.",
            section="II.1",
            where="II.1",
        ),
        task(
            "II.2",
            "Rà soát, tự kiểm tra văn bản do HĐND, UBND xã ban hành; thực hiện theo dõi thi hành pháp luật về "
            "hộ tịch, đất đai.",
            section="II.2",
            where="II.2",
        ),
        task(
            "II.3",
            "Niêm yết công khai TTHC; giải quyết 100% hồ sơ đúng hạn, không để hồ sơ trễ hẹn; khảo sát sự hài "
            "lòng của người dân vào tuần đầu tháng 12/2021.",
            section="II.3",
            where="II.3",
            targets=(pct(Comparator.EQ, "100", "giải quyết 100% hồ sơ đúng hạn"),),
        ),
        task(
            "II.4",
            "Thực hiện nghiêm quy chế làm việc, quy tắc ứng xử; không có cán bộ, công chức bị kỷ luật.",
            section="II.4",
            where="II.4",
            area=A.CONG_VU,
            targets=(target(Comparator.EQ, "0", Unit.COUNT, "không có cán bộ, công chức bị kỷ luật."),),
        ),
        task(
            "II.5",
            "Công khai dự toán, quyết toán ngân sách; thu ngân sách trên địa bàn vượt 5% kế hoạch huyện giao.",
            section="II.5",
            where="II.5",
        ),
        # The time is written inside the sentence ("trong năm 2021 và những năm tiếp theo").
        task(
            "II.6",
            "Duy trì, cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 trong năm 2021 và những năm "
            "tiếp theo; 100% văn bản đi được phát hành qua phần mềm quản lý văn bản.",
            section="II.6",
            where="II.6",
            timeframe=since(2021, "trong năm 2021 và những năm tiếp theo"),
            targets=(pct(Comparator.EQ, "100", "100% văn bản đi được phát hành qua phần mềm quản lý văn bản."),),
        ),
    )
    province = AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
    district = AdminUnit(name="Thạch Hà", kind=UnitKind.DISTRICT, parent=province)
    return Plan(
        title="Thực hiện nhiệm vụ cải cách hành chính năm 2021",
        issuer=org("UBND xã Thạch Đài", UBND),
        unit=AdminUnit(name="Thạch Đài", kind=UnitKind.COMMUNE, parent=district),
        year=2021,
        symbol=symbol("08/KH-UBND"),
        place="Thạch Đài",
        issued_on=date(2021, 1, 15),
        masthead=Masthead(
            issuer="ỦY BAN NHÂN DÂN XÃ THẠCH ĐÀI",
            number="Số: 08/KH-UBND",
            place_date="Thạch Đài, ngày 15 tháng 01 năm 2021",
        ),
        signature=signed((KT, "CHỦ TỊCH"), position="PHÓ CHỦ TỊCH", name="Lê Văn Bình"),
        legal_bases=(
            ref("Kế hoạch", "601/KH-UBND", date(2020, 12, 28), "UBND tỉnh Hà Tĩnh", "về cải cách hành chính năm 2021"),
            ref(
                "Kế hoạch",
                "09/KH-UBND",
                date(2021, 1, 11),
                "UBND huyện Thạch Hà",
                "về cải cách hành chính năm 2021",
                with_previous=True,
            ),
            ref(
                "Nghị quyết Đại hội",
                None,
                None,
                "Đảng bộ xã Thạch Đài",
                "Nghị quyết Đại hội Đảng bộ xã Thạch Đài lần thứ XXIII, nhiệm kỳ 2020 - 2025",
                with_previous=True,
            ),
        ),
        purposes=(
            (
                "Thực hiện đồng bộ các nội dung CCHC; mỗi nhiệm vụ có người chủ trì và thời hạn cụ thể; phấn đấu "
                "Chỉ số CCHC năm 2021 của xã không nằm trong nhóm 05 xã xếp cuối của huyện."
            ),
        ),
        sections=sections,
        tasks=tasks,
        obligations=(
            duty(
                "định kỳ trước ngày 10 hằng tháng báo cáo kết quả về UBND xã (qua đ/c Hoa)",
                org("UBND xã"),
                every(Frequency.MONTHLY, "định kỳ trước ngày 10 hằng tháng"),
            ),
            duty("báo cáo UBND huyện (qua Phòng Nội vụ) theo quy định", org("UBND huyện")),
        ),
        recipients=("Phòng Nội vụ huyện", "Thường trực Đảng ủy", "Các đồng chí được phân công", "Lưu VP"),
        source_file="tests/documents/synthetic/xa-2021-phan-cong.txt",
    )


def huyen_2024_theo_tieu_chi() -> Plan:
    """Huyện Krông Bông 2024: areas, criteria and sub-criteria; responsibility and time once per criterion."""
    noi_vu = org("Phòng Nội vụ")
    van_phong = org("Văn phòng HĐND và UBND huyện")
    cqcm = group("các cơ quan chuyên môn")
    xa = group("UBND các xã, thị trấn")
    crit_3 = resp(van_phong, impl=[cqcm, xa])
    monthly = every(Frequency.MONTHLY, "hằng tháng báo cáo kết quả về UBND huyện (qua Văn phòng) trước ngày 25")
    sections = (
        sec("I", "I", "MỤC ĐÍCH, YÊU CẦU", kind=PART),
        sec("II", "II", "NHIỆM VỤ THEO CÁC LĨNH VỰC, TIÊU CHÍ", kind=PART),
        sec("L1", "Lĩnh vực 1", "Công tác chỉ đạo, điều hành CCHC", parent="II", kind=AREA, area=A.CHI_DAO_DIEU_HANH),
        sec(
            "TC1.2",
            "Tiêu chí 1.2",
            "Kiểm tra công tác CCHC",
            parent="L1",
            kind=CRIT,
            criterion="1.2",
            responsibility=resp(noi_vu, coord=[van_phong, cqcm]),
            timeframe=steps(
                ("ban hành kế hoạch kiểm tra", quarters(2024, 1, text="trong quý I/2024")),
                ("kiểm tra", quarters(2024, 2, 3, text="trong quý II, III/2024")),
            ),
        ),
        sec(
            "TC1.4",
            "Tiêu chí 1.4",
            "Công tác thông tin, tuyên truyền CCHC",
            parent="L1",
            kind=CRIT,
            criterion="1.4",
            responsibility=resp(
                org("Phòng Văn hóa và Thông tin"), coord=[org("Trung tâm Văn hóa - Thể thao và Truyền thanh huyện")]
            ),
            timeframe=continuous("thường xuyên trong năm 2024", 2024),
        ),
        sec("L2", "Lĩnh vực 2", "Cải cách thể chế", parent="II", kind=AREA, area=A.THE_CHE),
        sec(
            "TC2.3",
            "Tiêu chí 2.3",
            "Theo dõi thi hành pháp luật",
            parent="L2",
            kind=CRIT,
            criterion="2.3",
            responsibility=resp(org("Phòng Tư pháp"), coord=[cqcm]),
        ),
        sec("L3", "Lĩnh vực 3", "Cải cách thủ tục hành chính", parent="II", kind=AREA, area=A.THU_TUC_HANH_CHINH),
        sec(
            "TC3.2",
            "Tiêu chí 3.2",
            "Kết quả giải quyết TTHC",
            parent="L3",
            kind=CRIT,
            criterion="3.2",
            responsibility=crit_3,
            timeframe=monthly,
        ),
        sec(
            "TC3.3",
            "Tiêu chí 3.3",
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            parent="L3",
            kind=CRIT,
            criterion="3.3",
            responsibility=crit_3,
            timeframe=monthly,
        ),
        sec(
            "L7",
            "Lĩnh vực 7",
            "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
            parent="II",
            kind=AREA,
            area=A.CHINH_QUYEN_SO,
        ),
        sec(
            "TC7.2",
            "Tiêu chí 7.2",
            "Cung cấp dịch vụ công trực tuyến",
            parent="L7",
            kind=CRIT,
            criterion="7.2",
            responsibility=resp(van_phong, coord=[org("Phòng Văn hóa và Thông tin")]),
        ),
        sec(
            "L8",
            "Lĩnh vực 8",
            "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội",
            parent="II",
            kind=AREA,
            area=A.TAC_DONG,
        ),
        sec(
            "TC8.1",
            "Tiêu chí 8.1",
            "Sự hài lòng của người dân (điều tra xã hội học)",
            parent="L8",
            kind=CRIT,
            criterion="8.1",
            responsibility=resp(noi_vu, coord=[xa]),
            timeframe=event("trước đợt điều tra xã hội học của tỉnh"),
        ),
        sec("III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART),
    )

    def sub(code: str, section: str, title: str, *targets: object, **fields: object) -> object:
        return task(code, title, section=section, criteria=(code,), where="II", item=code, targets=targets, **fields)

    tasks = (
        sub(
            "1.2.1",
            "TC1.2",
            "Tỷ lệ cơ quan, đơn vị được kiểm tra trong năm: kiểm tra tối thiểu 30% số cơ quan chuyên môn và 30% số xã, "
            "thị trấn.",
            pct(Comparator.GE, "30", "tối thiểu 30% số cơ quan chuyên môn"),
        ),
        sub(
            "1.2.2",
            "TC1.2",
            "Xử lý các vấn đề phát hiện qua kiểm tra: 100% vấn đề phát hiện được xử lý hoặc kiến nghị xử lý.",
            pct(Comparator.EQ, "100", "100% vấn đề phát hiện được xử lý"),
        ),
        sub("1.4.1", "TC1.4", "Mức độ thực hiện kế hoạch tuyên truyền: hoàn thành 100% nhiệm vụ đề ra."),
        sub(
            "2.3.1",
            "TC2.3",
            "Ban hành kế hoạch theo dõi thi hành pháp luật: trước ngày 31/3/2024.",
            timeframe=before(2024, 3, 31, "trước ngày 31/3/2024"),
        ),
        sub("2.3.2", "TC2.3", "Xử lý kết quả theo dõi: 100% kiến nghị được xử lý."),
        sub(
            "3.2.1",
            "TC3.2",
            "Tỷ lệ hồ sơ giải quyết đúng hạn: đạt từ 98% trở lên.",
            pct(Comparator.GE, "98", "đạt từ 98% trở lên"),
        ),
        sub("3.2.2", "TC3.2", "Thực hiện xin lỗi khi hồ sơ trễ hạn: 100% hồ sơ trễ hạn có văn bản xin lỗi."),
        sub("3.3.1", "TC3.3", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn: 100%."),
        sub(
            "7.2.1",
            "TC7.2",
            "Tỷ lệ hồ sơ trực tuyến toàn trình: đạt tối thiểu 50%.",
            pct(Comparator.GE, "50", "đạt tối thiểu 50%"),
        ),
        sub(
            "7.2.2",
            "TC7.2",
            "Tỷ lệ thanh toán trực tuyến: đạt tối thiểu 40%.",
            pct(Comparator.GE, "40", "đạt tối thiểu 40%"),
        ),
        sub(
            "8.1",
            "TC8.1",
            "Tuyên truyền để người dân tham gia trả lời phiếu khảo sát; mức độ hài lòng đạt trên 85%.",
            pct(Comparator.GT, "85", "mức độ hài lòng đạt trên 85%"),
        ),
        task(
            "III.1",
            "Thủ trưởng các cơ quan chủ trì tiêu chí tự chấm điểm tiêu chí được giao, gửi kết quả kèm tài liệu kiểm "
            "chứng về Phòng Nội vụ trước ngày 15/11/2024.",
            section="III",
            where="III",
            item="1",
            responsibility=resp(group("Thủ trưởng các cơ quan chủ trì tiêu chí")),
            timeframe=before(2024, 11, 15, "trước ngày 15/11/2024"),
        ),
        task(
            "III.2",
            "Phòng Nội vụ theo dõi, tổng hợp, báo cáo Chủ tịch UBND huyện định kỳ hằng quý và đột xuất khi có tiêu "
            "chí có nguy cơ bị trừ điểm.",
            section="III",
            where="III",
            item="2",
            responsibility=resp(noi_vu),
            timeframe=every(Frequency.QUARTERLY, "định kỳ hằng quý"),
        ),
    )
    province = AdminUnit(name="Đắk Lắk", kind=UnitKind.PROVINCE)
    area_scores = (
        AreaScore(area=A.CHI_DAO_DIEU_HANH, points=Decimal("7.25"), max_points=Decimal("9.0")),
        AreaScore(area=A.THE_CHE, points=Decimal("6.0"), max_points=Decimal("7.5")),
        AreaScore(area=A.THU_TUC_HANH_CHINH, points=Decimal("10.5"), max_points=Decimal("13.0")),
        AreaScore(area=A.CHINH_QUYEN_SO, points=Decimal("11.75"), max_points=Decimal("15.0")),
    )
    decision = ref("Quyết định", "418/QĐ-UBND", date(2024, 2, 5), "UBND tỉnh", "công bố Chỉ số CCHC năm 2023")
    return Plan(
        title="NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA HUYỆN NĂM 2024 THEO CÁC TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN",
        issuer=org("Ủy ban nhân dân huyện Krông Bông", UBND),
        unit=AdminUnit(name="Krông Bông", kind=UnitKind.DISTRICT, parent=province),
        kind=PlanKind.REMEDIAL,
        year=2024,
        symbol=symbol("58/KH-UBND"),
        place="Krông Bông",
        issued_on=date(2024, 2, 22),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), position="CHỦ TỊCH", name="Y Thanh Niê"),
        legal_bases=(
            ref(
                "Quyết định",
                "2930/QĐ-UBND",
                date(2023, 12, 14),
                "UBND tỉnh Đắk Lắk",
                "ban hành Bộ tiêu chí xác định Chỉ số cải cách hành chính của các sở, ban, ngành; UBND các huyện, "
                "thị xã, thành phố",
            ),
            decision,
        ),
        results=(
            IndexResult(
                framework="chi_so_cchc_huyen_dak_lak",
                year=2023,
                score=Decimal("81.37"),
                unit=Unit.PERCENT,
                rank=11,
                out_of=15,
                rank_change=-2,
                area_scores=area_scores,
                source=decision,
                text="huyện Krông Bông đạt 81,37%, xếp thứ 11/15 huyện, thị xã, thành phố, giảm 02 bậc so với năm 2022",
            ),
        ),
        objectives=(
            objective(
                "I.1",
                "phấn đấu Chỉ số CCHC năm 2024 của huyện đạt từ 85% trở lên và tăng ít nhất 02 bậc so với năm 2023.",
                pct(Comparator.GE, "85", "đạt từ 85% trở lên", id="I.1.a"),
                rank_change(2, 11, 15, 2023, "tăng ít nhất 02 bậc so với năm 2023"),
                section="I",
            ),
        ),
        sections=sections,
        tasks=tasks,  # type: ignore[arg-type]
        recipients=(
            "Sở Nội vụ (b/c)",
            "TT Huyện ủy, TT HĐND huyện (b/c)",
            "CT, các PCT UBND huyện",
            "Các cơ quan chuyên môn thuộc UBND huyện",
            "UBND các xã, thị trấn",
            "Lưu: VT, NV.",
        ),
        source_file="tests/documents/synthetic/huyen-2024-theo-tieu-chi.txt",
    )


def phuong_2025_sau_sap_xep() -> Plan:
    """Phường Tân An Hòa, second half of 2025: a ward under the province after 1 July 2025."""
    van_phong = org("Văn phòng HĐND và UBND phường")
    trung_tam = org("Trung tâm Phục vụ hành chính công phường")
    kinh_te = org("Phòng Kinh tế, Hạ tầng và Đô thị")
    sections = (
        sec("I", "I", "MỤC TIÊU", kind=PART),
        sec("II", "II", "NHIỆM VỤ, GIẢI PHÁP", kind=PART),
        sec("II.1", "1", "Công tác chỉ đạo, điều hành", parent="II", kind=AREA, area=A.CHI_DAO_DIEU_HANH),
        sec("II.2", "2", "Cải cách thể chế", parent="II", kind=AREA, area=A.THE_CHE),
        sec("II.3", "3", "Cải cách thủ tục hành chính", parent="II", kind=AREA, area=A.THU_TUC_HANH_CHINH),
        sec("II.4", "4", "Cải cách tổ chức bộ máy", parent="II", kind=AREA, area=A.TO_CHUC_BO_MAY),
        sec("II.5", "5", "Cải cách chế độ công vụ", parent="II", kind=AREA, area=A.CONG_VU),
        sec("II.6", "6", "Cải cách tài chính công", parent="II", kind=AREA, area=A.TAI_CHINH_CONG),
        sec("II.7", "7", "Xây dựng và phát triển chính quyền số", parent="II", kind=AREA, area=A.CHINH_QUYEN_SO),
        sec("III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART),
    )
    tasks = (
        task(
            "II.1.a",
            "Kiện toàn bộ phận tham mưu công tác CCHC của phường sau sắp xếp",
            section="II.1",
            where="II.1",
            responsibility=resp(van_phong),
            timeframe=first_week(2025, 9, "tuần đầu tháng 9/2025"),
        ),
        task(
            "II.1.b",
            "Tổ chức tự kiểm tra công tác CCHC tại các phòng, đơn vị thuộc UBND phường",
            section="II.1",
            where="II.1",
            responsibility=resp(van_phong, coord=[group("các phòng, đơn vị")]),
            timeframe=month(2025, 11, "tháng 11/2025"),
        ),
        task(
            "II.2.a",
            "Rà soát các văn bản do HĐND, UBND các phường cũ ban hành còn hiệu lực, đề xuất xử lý theo quy định",
            section="II.2",
            where="II.2",
            responsibility=resp(van_phong),
            timeframe=before(2025, 10, 31, "trước ngày 31/10/2025"),
        ),
        task(
            "II.3.a",
            "Công khai, cập nhật danh mục TTHC thuộc thẩm quyền của phường trên Cổng Dịch vụ công quốc gia và tại "
            "Trung tâm",
            section="II.3",
            where="II.3",
            responsibility=resp(trung_tam),
            timeframe=continuous("thường xuyên"),
        ),
        # Its time is the milestones of the objective it refers to ("theo chỉ tiêu tại Mục I").
        task(
            "II.3.b",
            "Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC theo chỉ tiêu tại Mục I",
            section="II.3",
            where="II.3",
            objectives=("I.2",),
            responsibility=resp(trung_tam, coord=[kinh_te, org("Phòng Văn hóa - Xã hội")]),
        ),
        task(
            "II.4.a",
            "Hoàn thiện quy chế làm việc, vị trí việc làm của các phòng, đơn vị thuộc UBND phường",
            section="II.4",
            where="II.4",
            responsibility=resp(van_phong),
            timeframe=quarters(2025, 4, text="quý IV/2025"),
        ),
        task(
            "II.5.a",
            "Bố trí, sắp xếp công chức theo vị trí việc làm; bồi dưỡng kỹ năng giải quyết TTHC cho công chức chuyển "
            "về từ cấp huyện",
            section="II.5",
            where="II.5",
            responsibility=resp(van_phong),
            timeframe=end_of_year(2025, "cuối năm 2025"),
        ),
        task(
            "II.6.a",
            "Quản lý, sử dụng tài sản công tiếp nhận từ các đơn vị cũ đúng quy định",
            section="II.6",
            where="II.6",
            responsibility=resp(kinh_te),
        ),
        task(
            "II.7.a",
            "Sử dụng thống nhất Hệ thống thông tin giải quyết TTHC của tỉnh; 100% văn bản đi được ký số",
            section="II.7",
            where="II.7",
            responsibility=resp(van_phong),
            timeframe=continuous("thường xuyên"),
            targets=(pct(Comparator.EQ, "100", "100% văn bản đi được ký số"),),
        ),
        task(
            "III.2",
            "Văn phòng HĐND và UBND phường theo dõi, đôn đốc; tổng hợp, tham mưu UBND phường báo cáo UBND tỉnh "
            "(qua Sở Nội vụ) kết quả CCHC quý III, quý IV và năm 2025",
            section="III",
            where="III",
            item="2",
            responsibility=resp(van_phong),
        ),
    )
    province = AdminUnit(name="Vĩnh Long", kind=UnitKind.PROVINCE)
    tinh = "UBND tỉnh (qua Sở Nội vụ)"
    return Plan(
        title="CẢI CÁCH HÀNH CHÍNH 6 THÁNG CUỐI NĂM 2025 TRÊN ĐỊA BÀN PHƯỜNG",
        issuer=org("Ủy ban nhân dân phường Tân An Hòa", UBND),
        unit=AdminUnit(name="Tân An Hòa", kind=UnitKind.WARD, parent=province),
        kind=PlanKind.OTHER,
        year=2025,
        symbol=symbol("112/KH-UBND"),
        place="Tân An Hòa",
        issued_on=date(2025, 8, 18),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), (KT, "CHỦ TỊCH"), position="PHÓ CHỦ TỊCH", name="Lê Thị Thu Hà"),
        legal_bases=(
            ref(
                "Luật",
                "72/2025/QH15",
                date(2025, 6, 16),
                None,
                "Luật Tổ chức chính quyền địa phương",
                form=SymbolForm.ASSEMBLY,
            ),
            ref(
                "Nghị định",
                "118/2025/NĐ-CP",
                date(2025, 6, 9),
                "Chính phủ",
                "về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng "
                "Dịch vụ công quốc gia",
            ),
        ),
        implements=(
            ref(
                "Kế hoạch",
                "187/KH-UBND",
                date(2025, 7, 28),
                "UBND tỉnh Vĩnh Long",
                "về cải cách hành chính 6 tháng cuối năm 2025",
            ),
            ref(
                "Công văn",
                "356/SNV-CCHC",
                date(2025, 8, 1),
                "Sở Nội vụ",
                "về việc hướng dẫn xây dựng kế hoạch CCHC của xã, phường",
                form=SymbolForm.LETTER,
                with_previous=True,
            ),
        ),
        objectives=(
            objective(
                "I.1",
                "Bảo đảm bộ máy chính quyền phường sau sắp xếp, vận hành từ ngày 01/7/2025, hoạt động thông suốt",
                section="I",
            ),
            objective(
                "I.2",
                "Chỉ tiêu đến cuối năm 2025",
                pct(Comparator.EQ, "100", "100% TTHC thuộc thẩm quyền của UBND phường được tiếp nhận, giải quyết"),
                pct(Comparator.GT, "97", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt trên 97%"),
                pct(Comparator.GE, "60", "tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 60% trở lên"),
                pct(
                    Comparator.EQ,
                    "100",
                    "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đến 30/9/2025 đạt 50%, đến 31/12/2025 đạt 100%",
                    horizon=date(2025, 12, 31),
                    milestones=(milestone(2025, 9, 30, "50"),),
                ),
                section="I",
            ),
        ),
        sections=sections,
        tasks=tasks,
        reporting=(
            line("2025Q3", recipient=tinh),
            line("2025Q4", recipient=tinh),
            line("2025", due=date(2025, 12, 15), recipient=tinh, text="báo cáo năm gửi trước ngày 15/12/2025"),
        ),
        obligations=(
            duty(
                "báo cáo kết quả hằng tháng (trước ngày 20) về UBND phường qua Văn phòng HĐND và UBND phường",
                org("UBND phường"),
                every(Frequency.MONTHLY, "hằng tháng (trước ngày 20)"),
            ),
            duty(
                "nếu có vướng mắc vượt thẩm quyền, các phòng, đơn vị báo cáo ngay Chủ tịch UBND phường",
                person(None, "Chủ tịch UBND phường"),
                event("nếu có vướng mắc vượt thẩm quyền"),
            ),
        ),
        recipients=(
            "UBND tỉnh (qua Sở Nội vụ)",
            "TT Đảng ủy, TT HĐND phường",
            "Chủ tịch, các PCT UBND phường",
            "Các phòng, đơn vị thuộc UBND phường",
            "Lưu: VT, VP.",
        ),
        source_file="tests/documents/synthetic/phuong-2025-sau-sap-xep.txt",
    )


def so_2026_quyet_dinh() -> Plan:
    """Sở Nông nghiệp và Môi trường Quảng Trị 2026: a decision promulgating the department's plan."""
    van_phong = org("Văn phòng Sở")
    phap_che = org("Phòng Pháp chế")
    tccb = org("Phòng Tổ chức cán bộ")
    sections = (
        sec("I", "I", "MỤC TIÊU", kind=PART),
        sec("II", "II", "NHIỆM VỤ", kind=PART),
        sec("II.1", "1", "Công tác chỉ đạo, điều hành", parent="II", kind=AREA, area=A.CHI_DAO_DIEU_HANH),
        sec("II.2", "2", "Cải cách thể chế", parent="II", kind=AREA, area=A.THE_CHE),
        sec("II.3", "3", "Cải cách thủ tục hành chính", parent="II", kind=AREA, area=A.THU_TUC_HANH_CHINH),
        sec("II.4", "4", "Cải cách tổ chức bộ máy", parent="II", kind=AREA, area=A.TO_CHUC_BO_MAY),
        sec("II.5", "5", "Cải cách chế độ công vụ", parent="II", kind=AREA, area=A.CONG_VU),
        sec("II.6", "6", "Cải cách tài chính công", parent="II", kind=AREA, area=A.TAI_CHINH_CONG),
        sec("II.7", "7", "Xây dựng và phát triển chính quyền số", parent="II", kind=AREA, area=A.CHINH_QUYEN_SO),
        sec("III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART),
    )
    tasks = (
        task(
            "1.1",
            "Ban hành Kế hoạch tuyên truyền, Kế hoạch kiểm tra công tác CCHC năm 2026 trong tháng 01/2026.",
            section="II.1",
            where="II.1",
            item="1.1",
            responsibility=resp(van_phong),
            timeframe=month(2026, 1, "trong tháng 01/2026"),
        ),
        task(
            "1.2",
            "Tổ chức kiểm tra công tác CCHC tại ít nhất 04 đơn vị trực thuộc.",
            section="II.1",
            where="II.1",
            item="1.2",
            responsibility=resp(van_phong, coord=[org("Thanh tra Sở")]),
            timeframe=quarters(2026, 2, 3, text="quý II và quý III/2026"),
            targets=(target(Comparator.GE, "4", Unit.COUNT, "ít nhất 04 đơn vị trực thuộc"),),
        ),
        task(
            "2.1",
            "Tham mưu UBND tỉnh bãi bỏ, thay thế các quyết định quy phạm pháp luật của hai sở cũ không còn phù hợp.",
            section="II.2",
            where="II.2",
            item="2.1",
            responsibility=resp(phap_che),
            timeframe=before(2026, 6, 30, "hoàn thành trước ngày 30/6/2026"),
        ),
        task(
            "3.1",
            "Rà soát, đề xuất phương án đơn giản hóa TTHC lĩnh vực đất đai, môi trường.",
            section="II.3",
            where="II.3",
            item="3.1",
            responsibility=resp(phap_che, coord=[group("các phòng chuyên môn")]),
            timeframe=quarters(2026, 1, 2, 3, text="quý I - quý III/2026"),
        ),
        task(
            "3.2",
            "Công bố danh mục TTHC được chuẩn hóa sau hợp nhất.",
            section="II.3",
            where="II.3",
            item="3.2",
            responsibility=resp(van_phong),
            timeframe=event("ngay sau khi có quyết định công bố của Chủ tịch UBND tỉnh"),
        ),
        task(
            "4.1",
            "Sắp xếp các đơn vị sự nghiệp trực thuộc theo đề án được phê duyệt.",
            section="II.4",
            where="II.4",
            item="4.1",
            responsibility=resp(tccb),
            timeframe=schedule("theo lộ trình của tỉnh"),
        ),
        task(
            "5.1",
            "Cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức.",
            section="II.5",
            where="II.5",
            item="5.1",
            responsibility=resp(tccb),
            timeframe=every(Frequency.MONTHLY, "hằng tháng"),
        ),
        task(
            "6.1",
            "Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập giai đoạn 2026 - 2030.",
            section="II.6",
            where="II.6",
            item="6.1",
            responsibility=resp(org("Phòng Kế hoạch - Tài chính")),
            timeframe=quarters(2026, 2, text="quý II/2026"),
        ),
        task(
            "7.1",
            "Kết nối, chia sẻ dữ liệu đất đai với Cổng Dịch vụ công quốc gia.",
            section="II.7",
            where="II.7",
            item="7.1",
            responsibility=resp(org("Trung tâm Dữ liệu và Thông tin")),
            timeframe=end_of_year(2026, "cuối năm 2026"),
        ),
    )
    province = AdminUnit(name="Quảng Trị", kind=UnitKind.PROVINCE)
    return Plan(
        title="Cải cách hành chính năm 2026 của Sở Nông nghiệp và Môi trường",
        issuer=Organisation(
            name="Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", level=AdminLevel.PROVINCE, category=OrgKind.DEPARTMENT
        ),
        unit=province,
        year=2026,
        symbol=symbol("45/QĐ-SNNMT"),
        place="Quảng Trị",
        issued_on=date(2026, 1, 6),
        masthead=Masthead(
            parent="UBND TỈNH QUẢNG TRỊ",
            issuer="SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            number="Số: 45/QĐ-SNNMT",
            place_date="Quảng Trị, ngày 06 tháng 01 năm 2026",
        ),
        signature=signed((KT, "GIÁM ĐỐC"), position="PHÓ GIÁM ĐỐC", name="Phan Văn Lợi"),
        adopted_by=ref(
            "Quyết định",
            "45/QĐ-SNNMT",
            date(2026, 1, 6),
            "Giám đốc Sở Nông nghiệp và Môi trường",
            "Ban hành Kế hoạch cải cách hành chính năm 2026 của Sở Nông nghiệp và Môi trường",
        ),
        legal_bases=(
            ref(
                "Quyết định",
                "1520/QĐ-UBND",
                date(2025, 6, 30),
                "UBND tỉnh",
                "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nông nghiệp và Môi trường",
            ),
        ),
        implements=(
            ref(
                "Kế hoạch",
                "268/KH-UBND",
                date(2025, 12, 24),
                "UBND tỉnh",
                "về cải cách hành chính nhà nước tỉnh Quảng Trị năm 2026",
            ),
        ),
        objectives=(
            objective(
                "I.2",
                "Chỉ tiêu",
                pct(Comparator.GT, "92", "Mức độ hài lòng … đạt trên 92%"),
                pct(Comparator.GE, "80", "hồ sơ TTHC được tiếp nhận trực tuyến toàn trình đạt tối thiểu 80%"),
                pct(Comparator.EQ, "100", "100% hồ sơ được số hóa khi tiếp nhận"),
                pct(
                    Comparator.DECREASE,
                    "30",
                    "Thời gian giải quyết TTHC lĩnh vực đất đai giảm ít nhất 30% so với năm 2025",
                    baseline=Baseline(year=2025),
                ),
                section="I",
            ),
        ),
        sections=sections,
        tasks=tasks,
        obligations=(
            duty(
                "báo cáo kết quả về Văn phòng Sở trước ngày 05 của tháng cuối quý (báo cáo năm trước ngày 05/12/2026)",
                org("Văn phòng Sở"),
                every(Frequency.QUARTERLY, "trước ngày 05 của tháng cuối quý"),
            ),
            duty(
                "báo cáo UBND tỉnh (qua Sở Nội vụ) định kỳ quý, 6 tháng, năm theo quy định",
                org("UBND tỉnh"),
                Recurring(
                    frequencies=(Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY),
                    text="định kỳ quý, 6 tháng, năm theo quy định",
                ),
            ),
        ),
        recipients=("Như Điều 3", "UBND tỉnh (b/c)", "Sở Nội vụ", "Giám đốc, các PGĐ Sở", "Lưu: VT, VP."),
        source_file="tests/documents/synthetic/so-2026-quyet-dinh.txt",
    )


def phuong_2024_va_nhung_nam_tiep_theo() -> Plan:
    """Phường Phúc Diễn, SIPAS 2024 and following years: open-ended, by SIPAS factor."""
    van_phong = org("Văn phòng HĐND - UBND phường")
    mot_cua = org("Bộ phận Một cửa")
    sections = (
        sec("I", "I", "KẾT QUẢ CHỈ SỐ SIPAS NĂM 2023", kind=PART),
        sec("II", "II", "MỤC TIÊU", kind=PART),
        sec("III", "III", "NHIỆM VỤ, GIẢI PHÁP", kind=PART),
        sec("III.1", "1", "Yếu tố tiếp cận dịch vụ", parent="III", kind=GROUP),
        sec("III.2", "2", "Yếu tố thủ tục hành chính", parent="III", kind=GROUP),
        sec("III.3", "3", "Yếu tố công chức trực tiếp giải quyết công việc", parent="III", kind=GROUP),
        sec("III.4", "4", "Yếu tố kết quả dịch vụ", parent="III", kind=GROUP),
        sec("III.5", "5", "Yếu tố tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị", parent="III", kind=GROUP),
        sec("IV", "IV", "TỔ CHỨC THỰC HIỆN", kind=PART),
    )
    tasks = (
        task(
            "III.1.a",
            "Bố trí khu vực chờ, ghế ngồi, nước uống, máy lấy số tự động tại Bộ phận Một cửa",
            section="III.1",
            where="III.1",
            responsibility=resp(van_phong),
            timeframe=quarters(2024, 1, text="Quý l/2024"),
        ),
        task(
            "III.2.a",
            "Niêm yết đầy đủ, cập nhật TTHC; hướng dẫn một lần, đầy đủ bằng phiếu hướng dẫn",
            section="III.2",
            where="III.2",
            responsibility=resp(mot_cua),
            timeframe=continuous("thường xuyên"),
        ),
        task(
            "III.3.a",
            "Tập huấn kỹ năng giao tiếp, ứng xử cho công chức Bộ phận Một cửa",
            section="III.3",
            where="III.3",
            responsibility=resp(van_phong, coord=[org("Trung tâm Chính trị quận")]),
            timeframe=first_week(2024, 5, "tuần đầu tháng 5/2O24"),
        ),
        task(
            "III.4.a",
            "Trả kết quả đúng hẹn; 100% hồ sơ trễ hẹn có thư xin lỗi",
            section="III.4",
            where="III.4",
            responsibility=resp(mot_cua),
            timeframe=continuous("thường xuyên"),
            targets=(pct(Comparator.EQ, "100", "100% hồ sơ trễ hẹn có thư xin lỗi"),),
        ),
        task(
            "III.5.a",
            "Công khai số điện thoại đường dây nóng, hòm thư góp ý; trả lời phản ánh, kiến nghị trong thời hạn "
            "quy định",
            section="III.5",
            where="III.5",
            responsibility=resp(van_phong),
            timeframe=since(2024, "năm 2024 và những năm tiếp theo"),
        ),
        task(
            "III.5.b",
            "Đối thoại với người dân về giải quyết TTHC ít nhất 01 lần/năm",
            section="III.5",
            where="III.5",
            responsibility=resp(person(None, "Chủ tịch UBND phường")),
            timeframe=end_of_year(2024, "cuối năm 2024"),
            targets=(target(Comparator.GE, "1", Unit.COUNT, "ít nhất 01 lần/năm"),),
        ),
    )
    hanoi = AdminUnit(name="Hà Nội", kind=UnitKind.CENTRAL_CITY)
    quan = AdminUnit(name="Bắc Từ Liêm", kind=UnitKind.URBAN_DISTRICT, parent=hanoi)
    return Plan(
        title="Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS) "
        "năm 2024 và những năm tiếp theo",
        issuer=org("UBND phường Phúc Diễn", UBND),
        unit=AdminUnit(name="Phúc Diễn", kind=UnitKind.WARD, parent=quan),
        kind=PlanKind.THEMATIC,
        span=OpenEnded(from_year=2024, text="năm 2024 và những năm tiếp theo"),
        symbol=symbol("61/KH-UBND"),
        place="Phúc Diễn",
        issued_on=date(2024, 3, 26),
        masthead=Masthead(
            parent="UBND QUẬN BẮC TỪ LIÊM",
            issuer="UBND PHƯỜNG PHÚC DIỄN",
            number="Số: 61/KH-UBND",
            place_date="Phúc Diễn, ngày 26 tháng 3 năm 2024",
        ),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), (KT, "CHỦ TỊCH"), position="PHÓ CHỦ TỊCH", name="Đỗ Thị Minh Thư"),
        legal_bases=(
            ref(
                "Kế hoạch",
                "88/KH-UBND",
                date(2024, 3, 14),
                "UBND quận Bắc Từ Liêm",
                "về cải thiện, nâng cao Chỉ số SIPAS năm 2024",
            ),
            ref(
                "Kế hoạch",
                "19/KH-UBND",
                date(2024, 1, 22),
                "UBND phường",
                "về cải cách hành chính năm 2024",
                with_previous=True,
            ),
        ),
        results=(
            IndexResult(
                framework="sipas_2022",
                year=2023,
                score=Decimal("84.7"),
                unit=Unit.PERCENT,
                rank=9,
                out_of=13,
                rank_change=3,
                text="Chỉ số hài lòng của phường đạt 84,7%, xếp thứ 9/13 phường, tăng 3 bậc so với năm 2022",
            ),
        ),
        objectives=(
            objective(
                "II.1",
                "Năm 2024: Chỉ số SIPAS của phường đạt từ 88% trở lên, tăng ít nhất 02 bậc so với năm 2023; tỷ lệ phản "
                "ánh, kiến nghị được trả lời đúng hạn đến 30/6/2024 đạt 80%, đến 31/12/2024 đạt 100%.",
                pct(Comparator.GE, "88", "đạt từ 88% trở lên", horizon=date(2024, 12, 31)),
                rank_change(2, 9, 13, 2023, "tăng ít nhất 02 bậc so với năm 2023"),
                pct(
                    Comparator.EQ,
                    "100",
                    "đến 30/6/2024 đạt 80%, đến 31/12/2024 đạt 100%",
                    horizon=date(2024, 12, 31),
                    milestones=(milestone(2024, 6, 30, "80"),),
                    subject="tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn",
                ),
                section="II",
            ),
            objective(
                "II.2",
                "Đến năm 2027: Chỉ số SIPAS của phường đạt tối thiểu 92% và giữ vững vị trí trong nhóm dẫn đầu của "
                "quận.",
                pct(Comparator.GE, "92", "đạt tối thiểu 92%", horizon=date(2027, 12, 31)),
                section="II",
            ),
        ),
        sections=sections,
        tasks=tasks,
        obligations=(
            duty(
                "định kỳ hằng quý (trước ngày 15 của tháng cuối quý) tổng hợp, báo cáo UBND quận (qua Phòng Nội vụ)",
                org("UBND quận"),
                every(Frequency.QUARTERLY, "định kỳ hằng quý (trước ngày 15 của tháng cuối quý)"),
            ),
        ),
        recipients=(
            "Phòng Nội vụ quận",
            "Đảng ủy, HĐND phường",
            "Chủ tịch, các PCT UBND phường",
            "Bộ phận Một cửa phường",
            "Lưu: VT.",
        ),
        source_file="tests/documents/synthetic/phuong-2024-va-nhung-nam-tiep-theo.txt",
    )


def xa_2024_khac_phuc() -> Plan:
    """Xã Cẩm Duệ 2024: remedial plan with last year's score, rank and points lost per area."""
    vp = org("Văn phòng - Thống kê")
    scores = (
        (A.CHI_DAO_DIEU_HANH, "10", "8.5"),
        (A.THE_CHE, "8", "6.75"),
        (A.THU_TUC_HANH_CHINH, "16", "13.5"),
        (A.TO_CHUC_BO_MAY, "8", "7.5"),
        (A.CONG_VU, "12", "10.25"),
        (A.TAI_CHINH_CONG, "8", "7.0"),
        (A.CHINH_QUYEN_SO, "18", "14.12"),
        (A.TAC_DONG, "20", "16.5"),
    )
    sections = (
        sec("I", "I", "MỤC ĐÍCH, YÊU CẦU", kind=PART),
        sec("II", "II", "NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC", kind=PART),
        sec(
            "II.1",
            "1",
            "Lĩnh vực chỉ đạo, điều hành",
            parent="II",
            kind=AREA,
            area=A.CHI_DAO_DIEU_HANH,
            responsibility=resp(vp, coord=[group("các công chức chuyên môn")]),
        ),
        sec(
            "II.2",
            "2",
            "Lĩnh vực cải cách thủ tục hành chính",
            parent="II",
            kind=AREA,
            area=A.THU_TUC_HANH_CHINH,
            responsibility=resp(org("Bộ phận Một cửa"), coord=[org("Tư pháp - Hộ tịch"), org("Địa chính - Xây dựng")]),
            timeframe=continuous("thường xuyên trong năm 2024", 2024),
        ),
        sec(
            "II.3",
            "3",
            "Lĩnh vực xây dựng và phát triển chính quyền số",
            parent="II",
            kind=AREA,
            area=A.CHINH_QUYEN_SO,
            responsibility=resp(vp, coord=[org("Đoàn Thanh niên xã")]),
            timeframe=between(date(2024, 3, 1), date(2024, 12, 31), "từ tháng 3/2024 đến hết năm 2024"),
        ),
        sec(
            "II.4",
            "4",
            "Lĩnh vực tác động của cải cách hành chính",
            parent="II",
            kind=AREA,
            area=A.TAC_DONG,
            responsibility=resp(org("Văn hóa - Xã hội"), coord=[group("các thôn")]),
            timeframe=event("trước đợt điều tra xã hội học của huyện"),
        ),
        sec(
            "II.5",
            "5",
            "Các lĩnh vực còn lại (thể chế, tổ chức bộ máy, công vụ, tài chính công)",
            parent="II",
            kind=GROUP,
            text="tiếp tục thực hiện theo Kế hoạch số 05/KH-UBND ngày 08/01/2024 của UBND xã.",
        ),
        sec("III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART),
    )
    tasks = (
        task(
            "II.1",
            "Ban hành Kế hoạch tự kiểm tra trong Quý I/2024; báo cáo kết quả xử lý sau kiểm tra trong tháng 10/2024.",
            section="II.1",
            where="II.1",
            timeframe=steps(
                ("Ban hành Kế hoạch tự kiểm tra", quarters(2024, 1, text="trong Quý I/2024")),
                ("báo cáo kết quả xử lý sau kiểm tra", month(2024, 10, "trong tháng 10/2024")),
            ),
        ),
        task(
            "II.2",
            "100% hồ sơ trễ hạn có văn bản xin lỗi; tỷ lệ số hóa đến 30/6/2024 đạt 70%, đến 31/12/2024 đạt 100%.",
            section="II.2",
            where="II.2",
            targets=(
                pct(Comparator.EQ, "100", "100% hồ sơ trễ hạn có văn bản xin lỗi", subject="hồ sơ trễ hạn xin lỗi"),
                pct(
                    Comparator.EQ,
                    "100",
                    "tỷ lệ số hóa đến 30/6/2024 đạt 70%, đến 31/12/2024 đạt 100%",
                    subject="tỷ lệ số hóa",
                    horizon=date(2024, 12, 31),
                    milestones=(milestone(2024, 6, 30, "70"),),
                ),
            ),
        ),
        task(
            "II.3",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa; tỷ lệ hồ sơ trực tuyến toàn trình năm 2024 "
            "đạt tối thiểu 45%.",
            section="II.3",
            where="II.3",
            targets=(pct(Comparator.GE, "45", "đạt tối thiểu 45%"),),
        ),
        task(
            "II.4",
            "Tuyên truyền, hướng dẫn người dân; mức độ hài lòng đạt trên 90%.",
            section="II.4",
            where="II.4",
            targets=(pct(Comparator.GT, "90", "mức độ hài lòng đạt trên 90%"),),
        ),
        task(
            "III.1",
            "Công chức được giao chủ trì lĩnh vực chịu trách nhiệm trước Chủ tịch UBND xã về điểm số của lĩnh vực; nộp "
            "tài liệu kiểm chứng về Văn phòng trước ngày 10/11/2024.",
            section="III",
            where="III",
            item="1",
            responsibility=resp(group("Công chức được giao chủ trì lĩnh vực")),
            timeframe=before(2024, 11, 10, "trước ngày 10/11/2024"),
        ),
    )
    province = AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
    district = AdminUnit(name="Cẩm Xuyên", kind=UnitKind.DISTRICT, parent=province)
    decision = ref(
        "Quyết định",
        "712/QĐ-UBND",
        date(2024, 2, 20),
        "UBND huyện Cẩm Xuyên",
        "về công bố Chỉ số cải cách hành chính năm 2023 của các xã, thị trấn",
    )
    return Plan(
        title="Khắc phục tồn tại, hạn chế của Chỉ số cải cách hành chính năm 2023 và giải pháp nâng cao Chỉ số cải "
        "cách hành chính năm 2024",
        issuer=org("Ủy ban nhân dân xã Cẩm Duệ", UBND),
        unit=AdminUnit(name="Cẩm Duệ", kind=UnitKind.COMMUNE, parent=district),
        kind=PlanKind.REMEDIAL,
        year=2024,
        symbol=symbol("27/KH-UBND"),
        place="Cẩm Duệ",
        issued_on=date(2024, 3, 4),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), position="CHỦ TỊCH", name="Trần Quốc Việt"),
        legal_bases=(decision,),
        results=(
            IndexResult(
                framework="chi_so_cchc_xa_cam_xuyen",
                year=2023,
                score=Decimal("84.12"),
                rank=15,
                out_of=21,
                rank_change=-4,
                area_scores=tuple(
                    AreaScore(area=area, points=Decimal(points), max_points=Decimal(maximum))
                    for area, maximum, points in scores
                ),
                source=decision,
                text="đạt 84,12/100 điểm, xếp thứ 15/21 xã, thị trấn, giảm 04 bậc so với năm 2022",
            ),
        ),
        objectives=(
            objective(
                "I.1",
                "phấn đấu Chỉ số CCHC năm 2024 của xã đạt từ 88 điểm trở lên, xếp trong nhóm 10 xã, thị trấn dẫn đầu "
                "huyện.",
                target(Comparator.GE, "88", Unit.POINTS, "đạt từ 88 điểm trở lên"),
                target(Comparator.LE, "10", Unit.RANK, "xếp trong nhóm 10 xã, thị trấn dẫn đầu huyện", out_of=21),
                section="I",
            ),
        ),
        sections=sections,
        tasks=tasks,
        obligations=(
            duty(
                "báo cáo UBND xã kết quả khắc phục định kỳ 6 tháng và năm 2024",
                org("UBND xã"),
                every(Frequency.HALF_YEARLY, "định kỳ 6 tháng và năm 2024"),
            ),
            duty("báo cáo Phòng Nội vụ huyện khi có yêu cầu", org("Phòng Nội vụ huyện"), event("khi có yêu cầu")),
        ),
        recipients=(
            "Phòng Nội vụ huyện",
            "TT Đảng ủy, TT HĐND xã",
            "Chủ tịch, PCT UBND xã",
            "Các công chức chuyên môn",
            "Lưu: VP.",
        ),
        source_file="tests/documents/synthetic/xa-2024-khac-phuc.txt",
    )


PLANS = {
    "xa-2021-phan-cong": xa_2021_phan_cong,
    "huyen-2024-theo-tieu-chi": huyen_2024_theo_tieu_chi,
    "phuong-2025-sau-sap-xep": phuong_2025_sau_sap_xep,
    "so-2026-quyet-dinh": so_2026_quyet_dinh,
    "phuong-2024-va-nhung-nam-tiep-theo": phuong_2024_va_nhung_nam_tiep_theo,
    "xa-2024-khac-phuc": xa_2024_khac_phuc,
}
"""The synthetic plans transcribed, by the name of their text in ``tests/documents/synthetic``."""


def main() -> None:
    """Write every transcribed plan beside this script."""
    for name, build in PLANS.items():
        write(name, build())


if __name__ == "__main__":
    main()
