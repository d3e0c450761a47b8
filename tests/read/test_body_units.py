"""Plans of public service units and single-head bodies: their unit, masthead, signature and leads per section.

A hospital, a school or a health centre names its managing department above itself; its unit is read from
that line, then from the text that names the body with its unit, then from the place line, each less sure;
when nothing names it the plan is still read, its unit named by its kind with a doubt.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from parplan import UnitKind
from parplan.read.head import body_unit
from parplan.read.layout import single_head


def _plan_text(masthead: str, place: str, title: str, body: str, signature: str) -> str:
    return f"""{masthead}
Số: 05/KH-ĐV

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
__________
{place}, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
{title}

I. NHIỆM VỤ
{body}

Nơi nhận:
- Như trên;
- Lưu: VT.

{signature}

Hà Thị Lan
"""


_TASKS = """1. Tổ Hành chính - Tổng hợp
- Rà soát quy chế làm việc của đơn vị trước ngày 30/4/2026.
- Công khai các thủ tục tại nơi tiếp nhận hồ sơ."""


def _read(
    masthead: str,
    *,
    place: str = "Bảo Lộc",
    title: str = "Cải cách hành chính năm 2026",
    body: str = _TASKS,
    signature: str = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
) -> parplan.Reading:
    return parplan.read_text(_plan_text(masthead, place, title, body, signature), name="plan.txt")


def _unit_source(reading: parplan.Reading) -> parplan.FieldSource:
    assert reading.plan is not None
    return next(s for s in reading.plan.sources if s.path == "$.unit")


@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG GIA LAI", UnitKind.PROVINCE, "Gia Lai"),
        ("SỞ LĐ-TB&XH TÂY NINH", UnitKind.PROVINCE, "Tây Ninh"),
        ("SỞ Y TẾ ĐÀ NẴNG", UnitKind.CENTRAL_CITY, "Đà Nẵng"),
        ("SỞ Y TẾ TỈNH LÀO CAI", UnitKind.PROVINCE, "Lào Cai"),
    ],
)
def test_the_department_line_above_the_body_names_its_unit(line: str, kind: UnitKind, name: str) -> None:
    found = body_unit("Trung tâm Kiểm soát bệnh tật", line, ["TRUNG TÂM KIỂM SOÁT BỆNH TẬT"], [], None)
    assert found is not None
    assert found.unit == (kind, name)
    assert found.source == "parent"


def test_an_unwritten_kind_of_unit_is_read_with_a_doubt_unless_the_text_writes_it() -> None:
    alone = body_unit("Trường Tiểu học Hòa Bình", "PHÒNG GD&ĐT DI LINH", [], ["Trường Tiểu học Hòa Bình"], None)
    assert alone is not None
    assert alone.unit == (UnitKind.DISTRICT, "Di Linh")
    assert alone.doubt is not None
    assert alone.factor < 1
    written = body_unit(
        "Trường Tiểu học Hòa Bình",
        "PHÒNG GD&ĐT DI LINH",
        [],
        ["Căn cứ Kế hoạch số 4/KH-PGDĐT của Phòng Giáo dục và Đào tạo huyện Di Linh,"],
        None,
    )
    assert written is not None
    assert written.unit == (UnitKind.DISTRICT, "Di Linh")
    assert written.doubt is None


def test_a_body_named_by_its_kind_of_unit_is_named_in_full_by_the_title() -> None:
    reading = _read(
        "SỞ Y TẾ LÂM ĐỒNG\nTRUNG TÂM Y TẾ THÀNH PHỐ",
        title="Cải cách hành chính năm 2026 của Trung tâm Y tế thành phố Bảo Lộc",
    )
    assert reading.plan is not None
    assert reading.plan.issuer.name == "Trung tâm Y tế thành phố Bảo Lộc"
    assert reading.plan.unit.full_name == "thành phố Bảo Lộc"


def test_the_place_line_alone_gives_the_unit_with_a_doubt() -> None:
    reading = _read("BỆNH VIỆN ĐA KHOA TỈNH", place="Hà Giang")
    assert reading.plan is not None
    assert reading.plan.unit.full_name == "tỉnh Hà Giang"
    source = _unit_source(reading)
    assert source.confidence is not None
    assert source.confidence < Decimal("0.9")
    assert source.doubts
    assert any("place line" in doubt for doubt in reading.doubts)


def test_a_unit_no_line_names_keeps_the_plan_with_its_kind_only_and_a_doubt() -> None:
    reading = _read("SỞ Y TẾ\nBỆNH VIỆN MẮT", place="Phủ Lý")
    assert reading.plan is not None  # the plan is not lost
    assert reading.plan.issuer.name == "Bệnh Viện Mắt"
    assert reading.plan.unit.name is None  # never the place line's town
    assert reading.plan.unit.kind is UnitKind.PROVINCE
    source = _unit_source(reading)
    assert source.confidence is not None
    assert source.confidence < Decimal("0.6")
    assert any("no line names the unit" in doubt for doubt in reading.doubts)
    assert len(reading.plan.tasks) == 2


def test_an_unknown_field_names_no_unit() -> None:
    assert body_unit("Ban Quản lý dự án", "SỞ ABC XYZ", [], [], None) is not None  # a Sở: its kind, no name
    found = body_unit("Ban Quản lý dự án", "SỞ ABC XYZ", [], [], None)
    assert found is not None
    assert found.unit == (UnitKind.PROVINCE, None)


def test_a_masthead_in_column_order_with_rules_is_read_whole() -> None:
    reading = _read("SỞ GIÁO DỤC VÀ ĐÀO TẠO KON TUM\nTRƯỜNG THPT CHUYÊN\n_______", place="Kon Tum")
    assert reading.plan is not None
    masthead = reading.plan.masthead
    assert masthead is not None
    assert masthead.number == "Số: 05/KH-ĐV"
    assert masthead.place_date == "Kon Tum, ngày 10 tháng 02 năm 2026"
    assert reading.plan.issued_on is not None
    assert reading.plan.issued_on.isoformat() == "2026-02-10"
    assert reading.plan.unit.full_name == "tỉnh Kon Tum"


@pytest.mark.parametrize(
    ("post", "single"),
    [("GIÁM ĐỐC", True), ("HIỆU TRƯỞNG", True), ("CHÁNH VĂN PHÒNG", True), ("CHỦ TỊCH", False), ("TRƯỞNG BAN", False)],
)
def test_a_single_head_is_told_from_a_collective_bodys_chair(post: str, *, single: bool) -> None:
    assert single_head(post) is single


def test_a_deputy_director_signing_kt_is_not_doubted() -> None:
    reading = _read("SỞ Y TẾ NINH THUẬN\nBỆNH VIỆN Y HỌC CỔ TRUYỀN")
    assert not any("TM." in doubt for doubt in reading.doubts)


def test_a_deputy_chair_signing_kt_without_tm_is_still_doubted() -> None:
    reading = _read("ỦY BAN NHÂN DÂN\nXÃ ĐẠ ĐỜN", place="Đạ Đờn", signature="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    assert any("TM." in doubt for doubt in reading.doubts)


def _leads(reading: parplan.Reading) -> list[str | None]:
    plan = reading.plan
    assert plan is not None
    leads = []
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        leads.append(responsibility.lead.label if responsibility and responsibility.lead else None)
    return leads


def test_a_heading_naming_a_unit_leads_its_items_and_a_topic_heading_does_not() -> None:
    body = """1. Phòng Tổ chức cán bộ
- Rà soát quy chế làm việc của đơn vị trong Quý II/2026.
2. Cải cách thủ tục hành chính
- Công khai các thủ tục tại nơi tiếp nhận hồ sơ.
3. Khoa Dinh dưỡng
- Cập nhật thực đơn cho người bệnh hằng tuần (Khoa Nội phối hợp)."""
    reading = _read("SỞ Y TẾ BẮC NINH\nBỆNH VIỆN SẢN - NHI", body=body)
    assert _leads(reading) == ["Phòng Tổ chức cán bộ", None, "Khoa Dinh dưỡng"]
    assert reading.plan is not None
    assert reading.plan.tasks[0].title.endswith("trong Quý II/2026.")  # the time stays in the sentence


def test_an_unnumbered_unit_line_leads_the_items_under_it_until_the_next() -> None:
    body = """Bộ phận Một cửa:
- Tiếp nhận hồ sơ trực tuyến của người bệnh.
Tổ Quản trị mạng:
- Sao lưu dữ liệu hằng tuần.
- Rà soát tài khoản người dùng.
Ghi chú: các bộ phận báo cáo hằng quý."""
    reading = _read("SỞ Y TẾ HÀ NAM\nBỆNH VIỆN ĐA KHOA", body=body)
    assert _leads(reading)[:3] == ["Bộ phận Một cửa", "Tổ Quản trị mạng", "Tổ Quản trị mạng"]


def test_a_topic_line_with_a_colon_leads_nothing() -> None:
    body = """Tổ chức thực hiện các nội dung:
- Rà soát quy chế làm việc của đơn vị.
Đổi mới phương thức làm việc:
- Tiếp nhận hồ sơ trực tuyến."""
    reading = _read("SỞ Y TẾ HÀ NAM\nBỆNH VIỆN ĐA KHOA", body=body)
    assert all(lead is None for lead in _leads(reading))


def test_a_chu_tri_line_under_an_area_leads_every_item_including_time_only_brackets() -> None:
    body = """1. Cải cách thể chế
Chủ trì: Tổ Văn phòng; phối hợp: Công đoàn trường.
- Rà soát quy chế chi tiêu nội bộ (Quý I/2026).
- Công khai quy chế trên bảng tin (Cả năm).
- Lấy ý kiến viên chức về quy chế."""
    reading = _read("PHÒNG GD&ĐT ĐƠN DƯƠNG\nTRƯỜNG MẦM NON HOA SEN", body=body, signature="HIỆU TRƯỞNG")
    plan = reading.plan
    assert plan is not None
    assert _leads(reading) == ["Tổ Văn phòng"] * 3
    times = [plan.timeframe_of(task) for task in plan.tasks]
    assert [t.text if t else None for t in times] == ["Quý I/2026", "Cả năm", None]
    assert plan.tasks[1].title == "Công khai quy chế trên bảng tin."


def test_a_column_order_masthead_whose_number_follows_both_rules() -> None:
    text = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
TỈNH SƠN LA
TRƯỜNG PTDT NỘI TRÚ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 14/KH-PTDTNT

Mai Sơn, ngày 03 tháng 3 năm 2022

KẾ HOẠCH
Cải cách hành chính năm 2022

I. NHIỆM VỤ
1. Tổ Văn phòng
- Rà soát quy chế chi tiêu nội bộ trước ngày 31/5/2022.

Nơi nhận:
- Lưu: VT.

KT. HIỆU TRƯỞNG
PHÓ HIỆU TRƯỞNG

Cầm Thị Hoa
"""
    reading = parplan.read_text(text, name="plan.txt")
    plan = reading.plan
    assert plan is not None
    assert plan.masthead is not None
    assert plan.masthead.parent == "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA"
    assert plan.masthead.issuer == "TRƯỜNG PTDT NỘI TRÚ"
    assert plan.masthead.number == "Số: 14/KH-PTDTNT"
    assert plan.place == "Mai Sơn"
    assert plan.unit.full_name == "tỉnh Sơn La"
    assert reading.doubts == ()


def test_a_document_systems_block_before_the_masthead_is_set_aside() -> None:
    text = """THÔNG TIN VĂN BẢN
Số ký hiệu: 12/KH-SXD
Ngày ban hành: 15/01/2024
Trích yếu: Kế hoạch cải cách hành chính năm 2024
Cơ quan ban hành: Sở Xây dựng
Người ký: Phan Văn Tâm
NỘI DUNG VĂN BẢN

UBND TỈNH AN GIANG
SỞ XÂY DỰNG
Số: 12/KH-SXD
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Giang, ngày 15 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024

I. NHIỆM VỤ
1. Văn phòng Sở
- Rà soát quy chế làm việc của Sở trong Quý I/2024.

Nơi nhận:
- Lưu: VT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Phan Văn Tâm
"""
    reading = parplan.read_text(text, name="plan.txt")
    plan = reading.plan
    assert plan is not None
    assert plan.issuer.name == "Sở Xây Dựng"
    assert plan.unit.full_name == "tỉnh An Giang"
    assert plan.masthead is not None
    assert plan.masthead.parent == "UBND TỈNH AN GIANG"
    assert any(line.text.startswith("Trích yếu") for line in reading.unplaced)  # set aside, kept for review
    assert not any("issuing body" in doubt for doubt in reading.doubts)


def test_a_masthead_number_line_is_no_metadata_line() -> None:
    reading = _read("SỞ Y TẾ LONG AN\nTRUNG TÂM PHÁP Y")
    assert reading.plan is not None
    assert reading.plan.symbol is not None
    assert str(reading.plan.symbol) == "05/KH-ĐV"


def test_a_school_under_a_communes_committee_takes_the_communes_unit() -> None:
    reading = _read("UBND XÃ HÒA VANG\nTRƯỜNG MẦM NON HOA SỮA", place="Hòa Vang", signature="HIỆU TRƯỞNG")
    plan = reading.plan
    assert plan is not None
    assert plan.issuer.category is parplan.OrgKind.PUBLIC_SERVICE_UNIT
    assert plan.unit.full_name == "xã Hòa Vang"
    source = _unit_source(reading)
    assert source.certainty is parplan.Certainty.STATED


def test_a_body_whose_unit_nothing_tells_still_gives_a_draft_with_a_doubt() -> None:
    reading = _read("BỆNH VIỆN PHỤC HỒI CHỨC NĂNG", place="Cam Ranh")
    plan = reading.plan
    assert plan is not None  # the plan is not lost
    assert plan.unit.name is None  # never the place line's town
    source = _unit_source(reading)
    assert source.confidence is not None
    assert source.confidence < Decimal("0.6")
    assert any("or its kind" in doubt for doubt in reading.doubts)
