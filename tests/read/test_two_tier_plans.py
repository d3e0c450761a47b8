"""Plans of the two-tier local government (from 1 July 2025): the issuers and units of its mastheads, a capital
title wrapped before an index's bracketed name, a sentence broken before the name that ends it, and a term in days
closing a task's sentence; each with the near misses that must stay as they were."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import tasks_as_read
from parplan import UnitKind


def _text(masthead: str, *, title: str = "Cải cách hành chính năm 2026", body: str = "", year: int = 2026) -> str:
    tasks = body or f"1. Rà soát quy chế làm việc sau khi sắp xếp.\nChủ trì: Phòng Tổng hợp; thời gian: quý I/{year}."
    return f"""{masthead}
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 07/KH-UBND
Hà Tĩnh, ngày 12 tháng 01 năm {year}

KẾ HOẠCH
{title}

Thực hiện chỉ đạo của cấp trên, đơn vị xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm mỗi nhiệm vụ có đơn vị chủ trì và thời hạn rõ ràng.

II. NHIỆM VỤ
{tasks}

Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Minh
"""


def _plan(masthead: str, *, title: str = "Cải cách hành chính năm 2026", body: str = "") -> parplan.Plan:
    reading = parplan.read_text(_text(masthead, title=title, body=body), name="plan.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def _confidence(plan: parplan.Plan, path: str) -> Decimal:
    source = next(s for s in plan.sources if s.path == path)
    assert source.confidence is not None
    return source.confidence


# -- the committee's own office, under its committee's line -------------------------------------------------------

_OFFICES = (
    # (the masthead's lines, the issuer read, the unit's kind and name)
    ("UBND TỈNH ĐIỆN BIÊN\nVĂN PHÒNG", "Văn phòng UBND tỉnh Điện Biên", UnitKind.PROVINCE, "Điện Biên"),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nVĂN PHÒNG", "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi", UnitKind.PROVINCE,
     "Quảng Ngãi"),
    ("UBND THÀNH PHỐ CẦN THƠ\nVĂN PHÒNG", "Văn phòng UBND thành phố Cần Thơ", UnitKind.CENTRAL_CITY, "Cần Thơ"),
    ("UBND XÃ ĐÔNG HƯNG\nVĂN PHÒNG HĐND VÀ UBND", "Văn phòng HĐND và UBND xã Đông Hưng", UnitKind.COMMUNE,
     "Đông Hưng"),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG VĨNH HƯNG\nVĂN PHÒNG HĐND VÀ UBND", "Văn phòng HĐND và UBND phường Vĩnh Hưng",
     UnitKind.WARD, "Vĩnh Hưng"),
)  # fmt: skip


@pytest.mark.parametrize(("masthead", "issuer", "kind", "name"), _OFFICES)
def test_an_office_named_only_by_its_kind_is_its_committees_office(
    masthead: str, issuer: str, kind: UnitKind, name: str
) -> None:
    plan = _plan(masthead)
    assert plan.issuer.name == issuer
    assert (plan.unit.kind, plan.unit.name) == (kind, name)


@pytest.mark.parametrize(
    ("masthead", "issuer"),
    [
        ("UBND TỈNH LẠNG SƠN\nSỞ TƯ PHÁP", "Sở Tư Pháp"),  # a department keeps its own name
        ("SỞ TÀI CHÍNH TỈNH HÀ GIANG\nVĂN PHÒNG", "Văn Phòng Sở Tài Chính Tỉnh Hà Giang"),  # a department's office
        ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "Ủy ban nhân dân xã Tân Lập"),  # the committee itself
    ],
)
def test_other_bodies_under_a_committee_keep_their_names(masthead: str, issuer: str) -> None:
    assert _plan(masthead).issuer.name == issuer


# -- a parent committee written over two lines above its body -----------------------------------------------------

_WRAPPED_PARENTS = (
    ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSỞ NỘI VỤ", "Sở Nội Vụ", UnitKind.PROVINCE, "Gia Lai"),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG LONG BIÊN\nTRƯỜNG THCS LÊ LỢI", "Trường THCS Lê Lợi", UnitKind.WARD, "Long Biên"),
    ("UBND\nXÃ HƯƠNG SƠN\nTRƯỜNG MẦM NON HOA SEN", "Trường Mầm Non Hoa Sen", UnitKind.COMMUNE, "Hương Sơn"),
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nBAN QUẢN LÝ KHU KINH TẾ ĐÔNG NAM", "Ban Quản Lý Khu Kinh Tế Đông Nam",
     UnitKind.PROVINCE, "Nghệ An"),
)  # fmt: skip


@pytest.mark.parametrize(("masthead", "issuer", "kind", "name"), _WRAPPED_PARENTS)
def test_a_committee_wrapped_over_two_lines_is_the_parent_of_the_body_below(
    masthead: str, issuer: str, kind: UnitKind, name: str
) -> None:
    plan = _plan(masthead)
    assert plan.issuer.name == issuer
    assert (plan.unit.kind, plan.unit.name) == (kind, name)


@pytest.mark.parametrize(
    ("masthead", "issuer", "name"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN\nPHÙ NINH", "Ủy ban nhân dân huyện Phù Ninh", "Phù Ninh"),  # one name wrapped twice
        ("ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA KHÁNH", "Ủy ban nhân dân phường Hòa Khánh", "Hòa Khánh"),
    ],
)
def test_a_committee_wrapped_with_no_body_below_is_the_issuer(masthead: str, issuer: str, name: str) -> None:
    plan = _plan(masthead)
    assert (plan.issuer.name, plan.unit.name) == (issuer, name)


# -- the cities run by the centre ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("masthead", "name"),
    [
        ("UBND THÀNH PHỐ HÀ NỘI", "Hà Nội"),
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "Hải Phòng"),
        ("UBND TP. HỒ CHÍ MINH\nSỞ TƯ PHÁP", "Hồ Chí Minh"),  # "TP." with its stop
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSỞ NỘI VỤ", "Đà Nẵng"),
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSỞ Y TẾ", "Huế"),  # a department: only a city run by the centre has one
    ],
)
def test_a_city_run_by_the_centre_is_no_provinces_city(masthead: str, name: str) -> None:
    plan = _plan(masthead)
    assert (plan.unit.kind, plan.unit.name) == (UnitKind.CENTRAL_CITY, name)


@pytest.mark.parametrize(
    ("masthead", "name"),
    [
        ("UBND THÀNH PHỐ BẢO LỘC", "Bảo Lộc"),
        ("UBND THÀNH PHỐ HUẾ\nPHÒNG NỘI VỤ", "Huế"),  # a city office under "thành phố Huế" before 2025
    ],
)
def test_a_provinces_city_stays_one(masthead: str, name: str) -> None:
    plan = _plan(masthead, body="1. Rà soát quy chế làm việc.\nChủ trì: Phòng Tổng hợp; thời gian: quý I/2024.")
    assert (plan.unit.kind, plan.unit.name) == (UnitKind.PROVINCIAL_CITY, name)


# -- a capital title wrapped before an index's bracketed name -------------------------------------------------------

_ACRONYM_TITLES = (
    (
        "NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ\n(SIPAS) TỈNH PHÚ THỌ NĂM 2025",
        2025,
    ),
    ("CẢI THIỆN CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH\n(PCI) TỈNH QUẢNG TRỊ NĂM 2026", 2026),
    ("NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH\n(PAPI) GIAI ĐOẠN 2026 - 2030", None),
    ("NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\n(PAR INDEX) CỦA THÀNH PHỐ HẢI PHÒNG NĂM 2026", 2026),
)


@pytest.mark.parametrize(("title", "year"), _ACRONYM_TITLES)
def test_a_capital_title_goes_on_after_a_line_opening_with_an_indexs_name(title: str, year: int | None) -> None:
    plan = _plan("UBND TỈNH HÀ TĨNH", title=title)
    assert plan.title == " ".join(title.split())
    assert plan.year == year


@pytest.mark.parametrize(
    "title",
    [
        "CẢI CÁCH HÀNH CHÍNH NĂM 2026\n(KÈM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND)",  # a bracket of its own, not an index
        "NÂNG CAO CHỈ SỐ SIPAS NĂM 2026\n(SIPAS) ĐỢT 2",  # after the year the title has ended
        "Cải cách hành chính năm 2026\n(PAR INDEX) của tỉnh",  # not a capital title
    ],
)
def test_a_bracket_after_a_title_stays_out_of_it(title: str) -> None:
    plan = _plan("UBND TỈNH HÀ TĨNH", title=title)
    assert plan.title == title.split("\n", maxsplit=1)[0]


# -- a sentence broken before the name that ends it -----------------------------------------------------------------

_BROKEN = (
    ("Bố trí công chức theo vị trí việc làm của các phòng thuộc", "UBND xã."),
    ("Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công và", "Cổng Dịch vụ công quốc gia."),
    ("Tổ chức đối thoại về cải cách hành chính với người dân tại", "Nhà văn hóa tổ dân phố 5."),
    ("Cập nhật hồ sơ cán bộ, công chức trên", "Cơ sở dữ liệu quốc gia về cán bộ, công chức."),
)


@pytest.mark.parametrize(("first", "rest"), _BROKEN)
def test_a_line_ending_on_a_word_no_sentence_ends_with_goes_on(first: str, rest: str) -> None:
    body = f"- {first}\n{rest}\nChủ trì: Phòng Văn hóa - Xã hội; thời gian: tháng 10/2026."
    plan = _plan("ỦY BAN NHÂN DÂN\nXÃ KỲ ANH", body=body)
    assert tasks_as_read(plan) == [(f"{first} {rest}", "Phòng Văn hóa - Xã hội", "tháng 10/2026")]


def test_a_field_line_a_number_or_a_bullet_after_such_a_word_stays_apart() -> None:
    body = (
        "1. Kiện toàn Ban Chỉ đạo cải cách hành chính và\n"
        "Chủ trì: Văn phòng HĐND và UBND; thời gian: quý I/2026.\n"
        "2. Rà soát quy chế làm việc của\n"
        "- Công khai lịch tiếp công dân.\n"
        "Chủ trì: Phòng Kinh tế; thời gian: thường xuyên."
    )
    plan = _plan("ỦY BAN NHÂN DÂN\nXÃ KỲ ANH", body=body)
    first = tasks_as_read(plan)[0]
    assert first == ("Kiện toàn Ban Chỉ đạo cải cách hành chính và", "Văn phòng HĐND và UBND", "quý I/2026")
    assert all("Công khai lịch" not in title or title.startswith("Công khai") for title, _, _ in tasks_as_read(plan))


# -- a term in days closing a task's sentence --------------------------------------------------------------------

_TERMS = (
    ("Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, trả lời trong 10 ngày làm việc.", "trong 10 ngày làm việc"),
    ("Giải quyết đề nghị cấp bản sao, trả kết quả trong vòng 03 ngày làm việc.", "trong vòng 03 ngày làm việc"),
    ("Xác minh thông tin phản ánh của người dân, hoàn thành trong thời hạn 15 ngày.", "trong thời hạn 15 ngày"),
)


@pytest.mark.parametrize(("sentence", "term"), _TERMS)
def test_a_term_in_days_closing_the_sentence_is_the_tasks_time(sentence: str, term: str) -> None:
    body = f"- {sentence}\nĐơn vị thực hiện: Phòng Kiểm soát thủ tục hành chính."
    plan = _plan("UBND TỈNH ĐIỆN BIÊN\nVĂN PHÒNG", body=body)
    assert tasks_as_read(plan) == [(sentence, "Phòng Kiểm soát thủ tục hành chính", term)]
    assert _confidence(plan, "$.tasks[0].timeframe") < Decimal("0.9")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rút ngắn thời gian giải quyết hồ sơ trong 10 ngày làm việc xuống còn 07 ngày.",  # a target, no clause
        "Duy trì đường dây nóng, trả lời trong 10 ngày làm việc và báo cáo kết quả.",  # the term does not close it
    ],
)
def test_a_term_in_days_inside_the_sentence_is_no_time(sentence: str) -> None:
    body = f"- {sentence}\nĐơn vị thực hiện: Phòng Kiểm soát thủ tục hành chính."
    plan = _plan("UBND TỈNH ĐIỆN BIÊN\nVĂN PHÒNG", body=body)
    assert tasks_as_read(plan) == [(sentence, "Phòng Kiểm soát thủ tục hành chính", None)]
