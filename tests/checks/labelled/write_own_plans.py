"""Plans written for the labelled corpus in the patterns of real plans (docs of the variety notes), with known defects.

Run from the repository root: ``python tests/checks/labelled/write_own_plans.py``.
Places are real or invented, names, numbers and content invented. Each plan
carries a handful of defects of the kinds real plans have (listed in its
``.labels.toml``) among many things that look like defects and are not: a
citation of two decisions of one day, implementation directions without an
area, reports for periods over before the plan was issued, a responsibility
stated once for a group, prose directions restated in a task table.
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
    continuous,
    duty,
    end_of_year,
    event,
    every,
    group,
    in_year,
    line,
    month,
    objective,
    org,
    pct,
    person,
    quarters,
    ref,
    resp,
    schedule,
    sec,
    signed,
    symbol,
    target,
    task,
    write,
)

from parplan import (
    AdminLevel,
    AdminUnit,
    AreaScore,
    Baseline,
    IndexResult,
    Masthead,
    OpenEnded,
    Organisation,
    OrgKind,
    Plan,
    PlanKind,
    ReformArea,
    SectionKind,
    SigningCapacity,
    Unit,
    UnitKind,
)
from parplan.timeframes import Frequency

A = ReformArea
PART, AREA, CRIT, GROUP = SectionKind.PART, SectionKind.AREA, SectionKind.CRITERION, SectionKind.GROUP
TM, KT = SigningCapacity.TM, SigningCapacity.KT
UBND = OrgKind.PEOPLES_COMMITTEE

LONG_AN = AdminUnit(name="Long An", kind=UnitKind.PROVINCE)
TAN_HUNG = AdminUnit(name="Tân Hưng", kind=UnitKind.DISTRICT, parent=LONG_AN)

_AREA_HEADINGS = {
    A.CHI_DAO_DIEU_HANH: "Công tác chỉ đạo, điều hành",
    A.THE_CHE: "Cải cách thể chế",
    A.THU_TUC_HANH_CHINH: "Cải cách thủ tục hành chính",
    A.TO_CHUC_BO_MAY: "Cải cách tổ chức bộ máy hành chính",
    A.CONG_VU: "Cải cách chế độ công vụ",
    A.TAI_CHINH_CONG: "Cải cách tài chính công",
    A.CHINH_QUYEN_SO: "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    A.TAC_DONG: "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
}


def huyen_2023_co_loi() -> Plan:
    """Huyện Tân Hưng 2023: prose by area, an appendix table of assignments, and six defects.

    Defects: two sections numbered "5"; a decree cited as "61/2018/NĐCP"; a
    row due "Trước ngày 31/3/2024"; a row without a lead; one official under
    two posts; an empty row. Not defects: one citation of two decisions of
    the same day on the same subject; prose directions without leads
    restated in the table; "Tổ chức thực hiện" directions without an area.
    """
    noi_vu = org("Phòng Nội vụ")
    van_phong = org("Văn phòng HĐND và UBND huyện")
    tu_phap = org("Phòng Tư pháp")
    tc_kh = org("Phòng Tài chính - Kế hoạch")
    vh_tt = org("Phòng Văn hóa và Thông tin")
    xa = group("UBND các xã, thị trấn")
    hai_nv = person("Trần Văn Hải", "Trưởng phòng Nội vụ")
    hai_vp = person("Trần Văn Hải", "Chánh Văn phòng HĐND và UBND huyện")
    areas = [area for area in A if area is not A.TAC_DONG]
    sections = [
        sec("o1-I", "I", "MỤC ĐÍCH, YÊU CẦU", kind=PART),
        sec("o1-II", "II", "NHIỆM VỤ TRỌNG TÂM", kind=PART),
    ]
    labels = ["1", "2", "3", "4", "5", "5", "6"]  # the second "5" should be "6", and so on
    for label, area in zip(labels, areas, strict=True):
        sections.append(sec(f"o1-II.{area.number}", label, _AREA_HEADINGS[area], parent="o1-II", kind=AREA, area=area))
    sections.append(sec("o1-III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART))
    prose = [
        (A.CHI_DAO_DIEU_HANH, "Ban hành kế hoạch CCHC, kế hoạch tuyên truyền, kế hoạch kiểm tra CCHC năm 2023"),
        (A.THE_CHE, "Nâng cao chất lượng xây dựng, ban hành và kiểm tra, rà soát văn bản quy phạm pháp luật"),
        (A.THU_TUC_HANH_CHINH, "Thực hiện có hiệu quả cơ chế một cửa, một cửa liên thông ở cấp huyện, cấp xã"),
        (A.TO_CHUC_BO_MAY, "Tiếp tục rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn"),
        (A.CONG_VU, "Thực hiện nghiêm kỷ luật, kỷ cương hành chính; đánh giá cán bộ, công chức thực chất"),
        (A.TAI_CHINH_CONG, "Thực hiện công khai ngân sách; quản lý chặt chẽ tài sản công"),
        (A.CHINH_QUYEN_SO, "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến"),
    ]
    tasks = [
        task(f"II.{area.number}.1", title, area=area, where=f"II.{area.number}", item="1") for area, title in prose
    ]
    rows = [
        (A.CHI_DAO_DIEU_HANH, "Ban hành Kế hoạch CCHC năm 2023", "Kế hoạch", noi_vu, month(2023, 1, "Tháng 01/2023")),
        (
            A.CHI_DAO_DIEU_HANH,
            "Kiểm tra công tác CCHC tại các cơ quan chuyên môn và UBND các xã, thị trấn",
            "Thông báo kết luận kiểm tra",
            resp(hai_nv, coord=[van_phong]),
            quarters(2023, 2, 3, text="Quý II, III/2023"),
        ),
        (
            A.THE_CHE,
            "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của HĐND, UBND huyện",
            "Báo cáo kết quả rà soát",
            tu_phap,
            before(2023, 6, 30, "Trước ngày 30/6/2023"),
        ),
        (
            A.THU_TUC_HANH_CHINH,
            "Chỉ đạo UBND các xã, thị trấn niêm yết công khai TTHC tại Bộ phận Một cửa",
            "100% TTHC được niêm yết",
            resp(van_phong, impl=[xa]),
            continuous("Thường xuyên trong năm 2023", 2023),
        ),
        (
            A.THU_TUC_HANH_CHINH,
            "Số hóa hồ sơ, kết quả giải quyết TTHC tại Bộ phận Một cửa cấp huyện, cấp xã",
            "Tỷ lệ số hóa đạt 100%",
            resp(hai_vp, impl=[xa]),
            in_year(2023, "Trong năm 2023"),
        ),
        (
            A.TO_CHUC_BO_MAY,
            "Xây dựng đề án vị trí việc làm của các cơ quan chuyên môn",
            "Đề án",
            noi_vu,
            quarters(2023, 3, text="Quý III/2023"),
        ),
        (A.CONG_VU, "…", "Kế hoạch", noi_vu, quarters(2023, 2, text="Quý II/2023")),
        (
            A.CONG_VU,
            "Tổ chức bồi dưỡng kỹ năng giải quyết TTHC cho công chức cấp xã",
            "Lớp bồi dưỡng",
            None,
            quarters(2023, 3, text="Quý III/2023"),
        ),
        (
            A.TAI_CHINH_CONG,
            "Báo cáo tình hình quản lý, sử dụng tài sản công năm 2023",
            "Báo cáo",
            tc_kh,
            before(2024, 3, 31, "Trước ngày 31/3/2024"),
        ),
        (
            A.CHINH_QUYEN_SO,
            "Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình",
            "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 50%",
            resp(vh_tt, impl=[xa]),
            continuous("Thường xuyên", None),
        ),
    ]
    for number, (row_area, title, output, who, tf) in enumerate(rows, start=1):
        responsibility = who if who is None or not isinstance(who, Organisation) else resp(who)
        if who is None:
            responsibility = resp(coord=[org("Trung tâm Chính trị huyện")])
        tasks.append(
            task(
                f"pl-{number}",
                title,
                area=row_area,
                outputs=(output,),
                responsibility=responsibility,
                timeframe=tf,
                row=number,
            )
        )
    tasks += [
        task(
            "III.1",
            "Phòng Nội vụ là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp, báo cáo UBND huyện kết quả thực hiện Kế "
            "hoạch",
            where="III",
            item="1",
            section="o1-III",
            responsibility=resp(noi_vu),
        ),
        task(
            "III.2",
            "UBND các xã, thị trấn xây dựng Kế hoạch CCHC năm 2023 của đơn vị mình, gửi về Phòng Nội vụ",
            where="III",
            item="2",
            section="o1-III",
            responsibility=resp(xa),
            timeframe=before(2023, 1, 20, "trước ngày 20/01/2023"),
        ),
    ]
    decision_12 = ref(
        "Quyết định",
        "12/QĐ-UBND",
        date(2023, 1, 5),
        "UBND tỉnh Long An",
        "về ban hành Bộ tiêu chí xác định Chỉ số CCHC cấp huyện, cấp xã",
    )
    decision_15 = ref(
        "Quyết định",
        "15/QĐ-UBND",
        date(2023, 1, 5),
        "UBND tỉnh Long An",
        "về ban hành Bộ tiêu chí xác định Chỉ số CCHC cấp huyện, cấp xã",
        with_previous=True,
    )
    return Plan(
        title="Kế hoạch cải cách hành chính năm 2023",
        issuer=Organisation(name="Ủy ban nhân dân huyện Tân Hưng", level=AdminLevel.DISTRICT, category=UBND),
        unit=TAN_HUNG,
        year=2023,
        symbol=symbol("15/KH-UBND"),
        place="Tân Hưng",
        issued_on=date(2023, 1, 10),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), position="CHỦ TỊCH", name="Nguyễn Minh Tâm"),
        legal_bases=(
            ref(
                "Nghị định",
                "61/2018/NĐ-CP",
                date(2018, 4, 23),
                "Chính phủ",
                "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                symbol_text="61/2018/NĐCP",
            ),
            decision_12,
            decision_15,
        ),
        implements=(
            ref("Kế hoạch", "301/KH-UBND", date(2022, 12, 26), "UBND tỉnh Long An", "về cải cách hành chính năm 2023"),
        ),
        objectives=(
            objective(
                "I.1",
                "Chỉ số CCHC năm 2023 của huyện đạt từ 85% trở lên",
                pct(Comparator.GE, "85", "đạt từ 85% trở lên", id="I.1.a"),
            ),
        ),
        sections=tuple(sections),
        tasks=tuple(tasks),
        reporting=(
            line("2023Q1", due=date(2023, 3, 20)),
            line("2023S1", due=date(2023, 6, 20)),
            line("2023Q3", due=date(2023, 9, 20)),
            line("2023", due=date(2023, 12, 20)),
        ),
        recipients=("Sở Nội vụ (b/c)", "TT Huyện ủy, TT HĐND huyện", "UBND các xã, thị trấn", "Lưu: VT, NV."),
    )


def phuong_2026_sao_chep() -> Plan:
    """Phường Hòa Khánh (Đà Nẵng) 2026, copied from the 2025 plan: four defects.

    Defects: the title and the closing sentence keep 2025; reports still go to
    "UBND quận Liên Chiểu"; a rank target read as 0 ("xếp thứ O/45"). Not
    defects: responsibility stated once per area group ("Phân công trách
    nhiệm"); no first-quarter report in a plan issued in April; a request to
    the Fatherland Front.
    """
    van_phong = org("Văn phòng HĐND và UBND phường")
    trung_tam = org("Trung tâm Phục vụ hành chính công phường")
    kinh_te = org("Phòng Kinh tế, Hạ tầng và Đô thị")
    vh_xh = org("Phòng Văn hóa - Xã hội")
    leads = {
        A.CHI_DAO_DIEU_HANH: van_phong,
        A.THE_CHE: van_phong,
        A.THU_TUC_HANH_CHINH: trung_tam,
        A.TO_CHUC_BO_MAY: van_phong,
        A.CONG_VU: van_phong,
        A.TAI_CHINH_CONG: kinh_te,
        A.CHINH_QUYEN_SO: vh_xh,
        A.TAC_DONG: vh_xh,
    }
    items = {
        A.CHI_DAO_DIEU_HANH: ("Ban hành kế hoạch kiểm tra công tác CCHC năm 2026", "Tuyên truyền CCHC trên loa"),
        A.THE_CHE: ("Rà soát văn bản của HĐND, UBND phường", "Theo dõi tình hình thi hành pháp luật"),
        A.THU_TUC_HANH_CHINH: ("Công khai TTHC tại Trung tâm", "Xin lỗi người dân khi hồ sơ trễ hạn"),
        A.TO_CHUC_BO_MAY: ("Rà soát quy chế làm việc của UBND phường", "Kiện toàn các tổ, bộ phận kiêm nhiệm"),
        A.CONG_VU: ("Đánh giá, xếp loại công chức hằng quý", "Bồi dưỡng công chức theo vị trí việc làm"),
        A.TAI_CHINH_CONG: ("Công khai dự toán ngân sách phường", "Quản lý tài sản công đúng quy định"),
        A.CHINH_QUYEN_SO: ("Vận hành tổ công nghệ số cộng đồng", "Ký số 100% văn bản đi"),
        A.TAC_DONG: ("Khảo sát sự hài lòng của người dân", "Hỗ trợ doanh nghiệp thực hiện TTHC"),
    }
    times = {
        A.CHI_DAO_DIEU_HANH: quarters(2026, 2, text="Quý II/2026"),
        A.THE_CHE: before(2026, 9, 30, "Trước ngày 30/9/2026"),
        A.THU_TUC_HANH_CHINH: continuous("Thường xuyên trong năm 2026", 2026),
        A.TO_CHUC_BO_MAY: quarters(2026, 3, text="Quý III/2026"),
        A.CONG_VU: every(Frequency.QUARTERLY, "Hằng quý"),
        A.TAI_CHINH_CONG: continuous("Thường xuyên", None),
        A.CHINH_QUYEN_SO: continuous("Thường xuyên trong năm 2026", 2026),
        A.TAC_DONG: quarters(2026, 4, text="Quý IV/2026"),
    }
    sections = [
        sec("o2-I", "I", "MỤC TIÊU", kind=PART),
        sec("o2-II", "II", "NHIỆM VỤ VÀ PHÂN CÔNG TRÁCH NHIỆM", kind=PART),
    ]
    tasks = []
    for area in A:
        sid = f"o2-II.{area.number}"
        sections.append(
            sec(
                sid,
                str(area.number),
                _AREA_HEADINGS[area],
                parent="o2-II",
                kind=AREA,
                area=area,
                responsibility=resp(leads[area], coord=[group("các phòng, đơn vị liên quan")]),
                timeframe=times[area],
            )
        )
        for k, title in enumerate(items[area], start=1):
            tasks.append(task(f"II.{area.number}.{k}", title, section=sid, where=f"II.{area.number}", item=str(k)))
    sections.append(sec("o2-III", "III", "TỔ CHỨC THỰC HIỆN", kind=PART))
    tasks.append(
        task(
            "III.1",
            "Đề nghị Ủy ban MTTQ Việt Nam phường phối hợp giám sát việc thực hiện Kế hoạch",
            section="o2-III",
            where="III",
            item="1",
            responsibility=resp(req=[org("Ủy ban MTTQ Việt Nam phường", OrgKind.FRONT)]),
        )
    )
    da_nang = AdminUnit(name="Đà Nẵng", kind=UnitKind.CENTRAL_CITY)
    return Plan(
        title="Kế hoạch cải cách hành chính năm 2025 của UBND phường Hòa Khánh",
        issuer=org("UBND phường Hòa Khánh", UBND),
        unit=AdminUnit(name="Hòa Khánh", kind=UnitKind.WARD, parent=da_nang),
        year=2026,
        symbol=symbol("41/KH-UBND"),
        place="Hòa Khánh",
        issued_on=date(2026, 4, 8),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), (KT, "CHỦ TỊCH"), position="PHÓ CHỦ TỊCH", name="Phạm Thị Ngọc"),
        implements=(ref("Kế hoạch", "55/KH-UBND", date(2026, 1, 20), "UBND thành phố Đà Nẵng", "về CCHC năm 2026"),),
        objectives=(
            objective(
                "I.1",
                "Chỉ số CCHC năm 2026 của phường xếp thứ O/45 xã, phường của thành phố",
                target(Comparator.LE, "0", Unit.RANK, "xếp thứ O/45", out_of=45),
            ),
            objective(
                "I.2",
                "Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 70% trở lên",
                pct(Comparator.GE, "70", "đạt từ 70% trở lên"),
            ),
        ),
        sections=tuple(sections),
        tasks=tuple(tasks),
        reporting=(
            line("2026S1", due=date(2026, 6, 20)),
            line("2026Q3", due=date(2026, 9, 20)),
            line("2026", due=date(2026, 12, 20)),
        ),
        obligations=(
            duty(
                "báo cáo kết quả thực hiện về UBND quận Liên Chiểu (qua Phòng Nội vụ) theo định kỳ",
                org("UBND quận Liên Chiểu"),
                every(Frequency.QUARTERLY, "theo định kỳ"),
            ),
        ),
        closing="Trên đây là Kế hoạch cải cách hành chính năm 2025 của UBND phường Hòa Khánh./.",
    )


def so_2025_thieu_chu_tri() -> Plan:
    """Sở Tư pháp tỉnh Nghệ An 2025: a department plan with three defects.

    Defects: area 3's items name no lead while every other area's do; a count
    read with a dash ("– 04 hội nghị", -4); the annual report due on a day of
    the year before; the masthead prints "Số: 90/KH-STP" for the plan
    registered as 09/KH-STP. Not defects: no impact area (a department's index has
    none); "KT. GIÁM ĐỐC" without "TM."; a citation of two decisions.
    """
    van_phong = org("Văn phòng Sở")
    sections = [sec("o3-I", "I", "MỤC TIÊU", kind=PART), sec("o3-II", "II", "NHIỆM VỤ", kind=PART)]
    tasks = []
    work = [
        (A.CHI_DAO_DIEU_HANH, "Ban hành kế hoạch kiểm tra CCHC năm 2025", van_phong, month(2025, 2, "Tháng 02/2025")),
        (
            A.CHI_DAO_DIEU_HANH,
            "Tổ chức hội nghị tập huấn nghiệp vụ CCHC",
            van_phong,
            quarters(2025, 2, text="Quý II/2025"),
        ),
        (
            A.THE_CHE,
            "Thẩm định dự thảo văn bản quy phạm pháp luật của tỉnh",
            org("Phòng Xây dựng và kiểm tra văn bản"),
            continuous("Thường xuyên", None),
        ),
        (
            A.THU_TUC_HANH_CHINH,
            "Rà soát, đơn giản hóa TTHC lĩnh vực hộ tịch, chứng thực",
            None,
            quarters(2025, 3, text="Quý III/2025"),
        ),
        (A.THU_TUC_HANH_CHINH, "Công bố danh mục TTHC thuộc thẩm quyền của Sở", None, event("Khi có văn bản mới")),
        (
            A.THU_TUC_HANH_CHINH,
            "Trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích",
            None,
            continuous("Thường xuyên", None),
        ),
        (
            A.TO_CHUC_BO_MAY,
            "Sắp xếp các phòng chuyên môn theo quy định mới",
            org("Phòng Tổ chức cán bộ"),
            schedule("Theo lộ trình của tỉnh"),
        ),
        (
            A.CONG_VU,
            "Đánh giá, xếp loại công chức, viên chức",
            org("Phòng Tổ chức cán bộ"),
            end_of_year(2025, "Cuối năm 2025"),
        ),
        (
            A.TAI_CHINH_CONG,
            "Giao tự chủ tài chính cho Trung tâm Trợ giúp pháp lý",
            org("Phòng Kế hoạch - Tài chính"),
            quarters(2025, 1, text="Quý I/2025"),
        ),
        (A.CHINH_QUYEN_SO, "Số hóa sổ hộ tịch", org("Phòng Hành chính tư pháp"), in_year(2025, "Trong năm 2025")),
    ]
    sections.extend(
        sec(f"o3-II.{area.number}", str(area.number), _AREA_HEADINGS[area], parent="o3-II", kind=AREA, area=area)
        for area in A
        if area is not A.TAC_DONG
    )
    for k, (area, title, lead, tf) in enumerate(work, start=1):
        tasks.append(
            task(
                f"II.{area.number}.{k}",
                title,
                section=f"o3-II.{area.number}",
                where=f"II.{area.number}",
                item=str(k),
                responsibility=None if lead is None else resp(lead),
                timeframe=tf,
                targets=(target(Comparator.GE, "-4", Unit.COUNT, "tổ chức ít nhất – 04 hội nghị"),) if k == 2 else (),
            )
        )
    province = AdminUnit(name="Nghệ An", kind=UnitKind.PROVINCE)
    return Plan(
        title="Kế hoạch cải cách hành chính năm 2025 của Sở Tư pháp",
        issuer=Organisation(name="Sở Tư pháp tỉnh Nghệ An", level=AdminLevel.PROVINCE, category=OrgKind.DEPARTMENT),
        unit=province,
        year=2025,
        symbol=symbol("09/KH-STP"),
        place="Nghệ An",
        issued_on=date(2025, 1, 14),
        masthead=Masthead(
            parent="UBND TỈNH NGHỆ AN",
            issuer="SỞ TƯ PHÁP",
            number="Số: 90/KH-STP",
            place_date="Nghệ An, ngày 14 tháng 01 năm 2025",
        ),
        signature=signed((KT, "GIÁM ĐỐC"), position="PHÓ GIÁM ĐỐC", name="Hồ Sỹ Nam"),
        legal_bases=(
            ref(
                "Quyết định",
                "101/QĐ-UBND",
                date(2024, 12, 20),
                "UBND tỉnh Nghệ An",
                "về việc giao chỉ tiêu CCHC năm 2025",
            ),
            ref(
                "Quyết định",
                "102/QĐ-UBND",
                date(2024, 12, 20),
                "UBND tỉnh Nghệ An",
                "về việc giao chỉ tiêu CCHC năm 2025",
                with_previous=True,
            ),
        ),
        sections=tuple(sections),
        tasks=tuple(tasks),
        reporting=(
            line("2025Q1", due=date(2025, 3, 18)),
            line("2025S1", due=date(2025, 6, 18)),
            line("2025Q3", due=date(2025, 9, 18)),
            line("2025", due=date(2024, 12, 18)),
        ),
    )


def xa_2023_thuc_hien_huyen() -> Plan:
    """Xã Hưng Điền 2023, implementing the district plan 15/KH-UBND of Tân Hưng but citing it with another date.

    Defects: the district plan is cited as of 12/01/2023 (it is of
    10/01/2023); no task has a timeframe; the first task still plans "Kế hoạch
    CCHC năm 2022" (copied from last year; no rule reads years in task titles). Checked against the district plan
    (``huyen-2023-co-loi``) with :func:`parplan.check_alignment` as well.
    """
    van_phong = org("Văn phòng - Thống kê")
    titles = [
        (A.CHI_DAO_DIEU_HANH, "Ban hành Kế hoạch CCHC năm 2022 của xã", van_phong),
        (A.THU_TUC_HANH_CHINH, "Niêm yết công khai TTHC tại Bộ phận Một cửa xã", org("Tư pháp - Hộ tịch")),
        (A.THU_TUC_HANH_CHINH, "Số hóa hồ sơ, kết quả giải quyết TTHC tại Bộ phận Một cửa xã", van_phong),
        (A.CHINH_QUYEN_SO, "Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình", org("Văn hóa - Xã hội")),
        (A.TAI_CHINH_CONG, "Công khai dự toán, quyết toán ngân sách xã", org("Tài chính - Kế toán")),
        (A.THE_CHE, "Rà soát văn bản quy phạm pháp luật của HĐND, UBND xã", org("Tư pháp - Hộ tịch")),
        (A.TO_CHUC_BO_MAY, "Rà soát quy chế làm việc của UBND xã", van_phong),
        (A.CONG_VU, "Đánh giá, xếp loại cán bộ, công chức xã", van_phong),
        (A.TAC_DONG, "Tuyên truyền người dân tham gia khảo sát sự hài lòng", org("Văn hóa - Xã hội")),
    ]
    sections = [sec("o4-II", "II", "NHIỆM VỤ", kind=PART)]
    sections.extend(
        sec(f"o4-II.{area.number}", str(area.number), _AREA_HEADINGS[area], parent="o4-II", kind=AREA, area=area)
        for area in A
    )
    tasks = tuple(
        task(
            f"II.{area.number}.{k}",
            title,
            section=f"o4-II.{area.number}",
            where=f"II.{area.number}",
            item=str(k),
            responsibility=resp(lead),
        )
        for k, (area, title, lead) in enumerate(titles, start=1)
    )
    return Plan(
        title="Kế hoạch cải cách hành chính năm 2023",
        issuer=org("UBND xã Hưng Điền", UBND),
        unit=AdminUnit(name="Hưng Điền", kind=UnitKind.COMMUNE, parent=TAN_HUNG),
        year=2023,
        symbol=symbol("07/KH-UBND"),
        place="Hưng Điền",
        issued_on=date(2023, 1, 18),
        signature=signed((TM, "ỦY BAN NHÂN DÂN"), position="CHỦ TỊCH", name="Lê Văn Tám"),
        implements=(
            ref("Kế hoạch", "15/KH-UBND", date(2023, 1, 12), "UBND huyện Tân Hưng", "về cải cách hành chính năm 2023"),
        ),
        sections=tuple(sections),
        tasks=tasks,
        obligations=(
            duty(
                "Định kỳ hằng quý báo cáo UBND huyện (qua Phòng Nội vụ)",
                org("UBND huyện"),
                every(Frequency.QUARTERLY, "hằng quý"),
            ),
        ),
    )


def xa_2025_theo_tieu_chi() -> Plan:
    """Xã Yên Thành (Yên Bái) 2025 and following years: by criterion, with last year's result; three defects.

    Defects: the area scores of 2024 add up to 86.25, not the total 86.5
    written; signed "KT. CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"; criterion
    7.3 states neither lead nor time for its two sub-criteria while every
    other block states both. Not defects: responsibility and time given once
    per criterion; an open-ended plan with deadlines after its first year.
    """
    vp = org("Văn phòng - Thống kê")
    tp = org("Tư pháp - Hộ tịch")
    vh = org("Văn hóa - Xã hội")
    blocks = [
        (
            A.CHI_DAO_DIEU_HANH,
            "1.1",
            "Kế hoạch CCHC",
            vp,
            quarters(2025, 1, text="Quý I/2025"),
            ["Ban hành kế hoạch CCHC năm", "Ban hành kế hoạch tuyên truyền CCHC"],
        ),
        (
            A.THE_CHE,
            "2.2",
            "Kiểm tra, rà soát văn bản",
            tp,
            before(2025, 10, 31, "Trước ngày 31/10/2025"),
            ["Tự kiểm tra văn bản của HĐND, UBND xã", "Rà soát văn bản hết hiệu lực"],
        ),
        (
            A.THU_TUC_HANH_CHINH,
            "3.1",
            "Công khai TTHC",
            tp,
            continuous("Thường xuyên", None),
            ["Niêm yết TTHC tại Bộ phận Một cửa", "Công khai TTHC trên trang thông tin điện tử"],
        ),
        (
            A.CHINH_QUYEN_SO,
            "7.1",
            "Dịch vụ công trực tuyến",
            vp,
            continuous("Năm 2025 và những năm tiếp theo", None),
            ["Hướng dẫn người dân nộp hồ sơ trực tuyến", "Thanh toán phí, lệ phí trực tuyến"],
        ),
        (
            A.CHINH_QUYEN_SO,
            "7.3",
            "Số hóa hồ sơ",
            None,
            None,
            ["Số hóa kết quả giải quyết TTHC còn hiệu lực", "Số hóa sổ hộ tịch"],
        ),
        (
            A.TAC_DONG,
            "8.1",
            "Sự hài lòng của người dân",
            vh,
            event("Trước đợt khảo sát của tỉnh"),
            ["Tuyên truyền người dân tham gia khảo sát"],
        ),
    ]
    sections = [
        sec("o5-I", "I", "KẾT QUẢ CHỈ SỐ CCHC NĂM 2024", kind=PART),
        sec("o5-II", "II", "NHIỆM VỤ THEO TIÊU CHÍ", kind=PART),
    ]
    tasks = []
    seen_areas: set[ReformArea] = set()
    for area, code, heading, lead, tf, titles in blocks:
        aid = f"o5-L{area.number}"
        if area not in seen_areas:
            seen_areas.add(area)
            sections.append(
                sec(aid, f"Lĩnh vực {area.number}", _AREA_HEADINGS[area], parent="o5-II", kind=AREA, area=area)
            )
        cid = f"o5-TC{code}"
        sections.append(
            sec(
                cid,
                f"Tiêu chí {code}",
                heading,
                parent=aid,
                kind=CRIT,
                criterion=code,
                responsibility=None if lead is None else resp(lead, coord=[group("các công chức chuyên môn")]),
                timeframe=tf,
            )
        )
        for k, title in enumerate(titles, start=1):
            tasks.append(task(f"{code}.{k}", title, section=cid, criteria=(code,), where="II", item=f"{code}.{k}"))
    points = {
        A.CHI_DAO_DIEU_HANH: ("10", "8.75"),
        A.THE_CHE: ("8", "7"),
        A.THU_TUC_HANH_CHINH: ("16", "14"),
        A.TO_CHUC_BO_MAY: ("8", "7.5"),
        A.CONG_VU: ("12", "10.5"),
        A.TAI_CHINH_CONG: ("8", "7"),
        A.CHINH_QUYEN_SO: ("18", "15"),
        A.TAC_DONG: ("20", "16.5"),
    }
    yen_bai = AdminUnit(name="Yên Bái", kind=UnitKind.PROVINCE)
    district = AdminUnit(name="Yên Bình", kind=UnitKind.DISTRICT, parent=yen_bai)
    return Plan(
        title="Kế hoạch nâng cao Chỉ số CCHC năm 2025 và những năm tiếp theo",
        issuer=org("UBND xã Yên Thành", UBND),
        unit=AdminUnit(name="Yên Thành", kind=UnitKind.COMMUNE, parent=district),
        kind=PlanKind.REMEDIAL,
        span=OpenEnded(from_year=2025, text="năm 2025 và những năm tiếp theo"),
        symbol=symbol("32/KH-UBND"),
        place="Yên Thành",
        issued_on=date(2025, 3, 12),
        signature=signed((KT, "CHỦ TỊCH"), position="PHÓ CHỦ TỊCH", name="Hoàng Văn Đức"),
        results=(
            IndexResult(
                framework="chi_so_cchc_xa_yen_binh",
                year=2024,
                score=Decimal("86.5"),
                rank=6,
                out_of=24,
                area_scores=tuple(
                    AreaScore(area=a, points=Decimal(p), max_points=Decimal(m)) for a, (m, p) in points.items()
                ),
                text="Chỉ số CCHC năm 2024 của xã đạt 86,5 điểm, xếp thứ 6/24 xã, thị trấn",
            ),
        ),
        objectives=(
            objective(
                "I.1",
                "Chỉ số CCHC năm 2025 của xã tăng ít nhất 02 bậc so với năm 2024",
                target(
                    Comparator.INCREASE,
                    "2",
                    Unit.RANK,
                    "tăng ít nhất 02 bậc so với năm 2024",
                    baseline=Baseline(value=Decimal(6), out_of=24, year=2024),
                ),
            ),
        ),
        sections=tuple(sections),
        tasks=tuple(tasks),
        obligations=(
            duty(
                "Báo cáo UBND huyện (qua Phòng Nội vụ) theo định kỳ",
                org("UBND huyện"),
                every(Frequency.QUARTERLY, "theo định kỳ"),
            ),
        ),
    )


PLANS = {
    "huyen-2023-co-loi": huyen_2023_co_loi,
    "phuong-2026-sao-chep": phuong_2026_sao_chep,
    "so-2025-thieu-chu-tri": so_2025_thieu_chu_tri,
    "xa-2023-thuc-hien-huyen": xa_2023_thuc_hien_huyen,
    "xa-2025-theo-tieu-chi": xa_2025_theo_tieu_chi,
}
"""The plans written for the corpus, by name."""


def main() -> None:
    """Write every plan beside this script."""
    for name, build in PLANS.items():
        write(name, build())


if __name__ == "__main__":
    main()
