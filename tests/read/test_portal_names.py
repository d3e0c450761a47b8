"""A portal page's name written after its owner's ("SỞ NỘI VỤ TỈNH … - CỔNG THÔNG TIN ĐIỆN TỬ") above a copied plan.

The portal's name is the page's, not the plan's: the issuer is read from the masthead below it, never with the
portal's words. A masthead line that names the issuer alone stays the masthead's.
"""

from __future__ import annotations

import pytest

import parplan
from parplan.read.layout import _portal_chrome

BODY = """{masthead}
KẾ HOẠCH
Cải cách hành chính năm {year}
Thực hiện Kế hoạch của UBND tỉnh về cải cách hành chính nhà nước năm {year}, đơn vị ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Cải cách thủ tục hành chính
- Công khai thủ tục hành chính trên Cổng Dịch vụ công (Chủ trì: Văn phòng; thời gian: quý II/{year}).
"""

CASES = [
    pytest.param(
        "SỞ NỘI VỤ TỈNH BẮC NINH - CỔNG THÔNG TIN ĐIỆN TỬ",
        "UBND TỈNH BẮC NINH |\nSỞ NỘI VỤ |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nĐộc lập - Tự do - Hạnh phúc |\n"
        "Số: 04/KH-SNV |\nBắc Ninh, ngày 06 tháng 01 năm {year} |",
        ("Sở Nội vụ", "tỉnh Bắc Ninh"),
        id="so-dash-capitals",
    ),
    pytest.param(
        "Sở Tài chính tỉnh Sơn La | Cổng thông tin điện tử",
        "UBND TỈNH SƠN LA |\nSỞ TÀI CHÍNH |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nĐộc lập - Tự do - Hạnh phúc |\n"
        "Số: 11/KH-STC |\nSơn La, ngày 10 tháng 01 năm {year} |",
        ("Sở Tài chính", "tỉnh Sơn La"),
        id="so-bar-lower-case",
    ),
    pytest.param(
        "UBND xã Quỳnh Hậu – Trang thông tin điện tử",
        "ỦY BAN NHÂN DÂN |\nXÃ QUỲNH HẬU |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nĐộc lập - Tự do - Hạnh phúc |\n"
        "Số: 02/KH-UBND |\nQuỳnh Hậu, ngày 08 tháng 01 năm {year} |",
        ("Ủy ban nhân dân xã Quỳnh Hậu", "xã Quỳnh Hậu"),
        id="xa-en-dash",
    ),
    pytest.param(
        "ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN - CỔNG TTĐT",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG TÂN AN\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 05/KH-UBND\tTân An, ngày 12 tháng 01 năm {year}",
        ("Ủy ban nhân dân phường Tân An", "phường Tân An"),
        id="phuong-abbreviated-tabs",
    ),
]


@pytest.mark.parametrize("year", [2024, 2026])
@pytest.mark.parametrize(("portal", "masthead", "issuer"), CASES)
def test_the_portals_name_is_no_part_of_the_issuer(
    portal: str, masthead: str, issuer: tuple[str, str], year: int
) -> None:
    page = f"{portal}\nTrang chủ » Tin tức » Cải cách hành chính\nNgày đăng: 09/01/{year} | Lượt xem: 120\n"
    reading = parplan.read_text(page + BODY.format(masthead=masthead.format(year=year), year=year), name="tin.txt")
    plan = reading.plan
    assert plan is not None
    source = next(s for s in plan.sources if s.path == "$.issuer")
    assert source.written is not None
    assert "thong tin" not in parplan.text.fold(source.written)
    assert "ttdt" not in parplan.text.fold(source.written)
    assert (plan.issuer.name.casefold(), plan.unit.full_name) == (issuer[0].casefold(), issuer[1])


MASTHEAD = (
    "UBND TỈNH HẢI DƯƠNG |\nSỞ NỘI VỤ |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nĐộc lập - Tự do - Hạnh phúc |\n"
    "Số: 09/KH-SNV |\nHải Dương, ngày 07 tháng 01 năm 2025 |"
)


@pytest.mark.parametrize(
    "top",
    [
        "SỞ NỘI VỤ TỈNH HẢI DƯƠNG\nCỔNG THÔNG TIN ĐIỆN TỬ\nTrang chủ » Tin tức\n",
        "CỔNG THÔNG TIN ĐIỆN TỬ\nSỞ NỘI VỤ TỈNH HẢI DƯƠNG\nNgày đăng: 08/01/2025 | Lượt xem: 96\n",
        "Trang thông tin điện tử\nSở Nội vụ tỉnh Hải Dương\nTrang chủ > Cải cách hành chính\nNgày đăng: 08/01/2025\n",
        # no breadcrumb or posting line: the line beside the portal's name is the masthead's, and kept
        "CỔNG THÔNG TIN ĐIỆN TỬ\n",
    ],
    ids=["owner-above", "owner-below", "mixed-case", "no-page-lines"],
)
def test_a_portals_name_on_two_lines_is_the_pages(top: str) -> None:
    body = BODY.format(masthead=MASTHEAD, year=2025)
    plan = parplan.read_text(top + body, name="tin.txt").plan
    assert plan is not None
    source = next(s for s in plan.sources if s.path == "$.issuer")
    assert source.written == "UBND TỈNH HẢI DƯƠNG / SỞ NỘI VỤ"
    assert (plan.issuer.name.casefold(), plan.unit.full_name) == ("sở nội vụ", "tỉnh Hải Dương")


@pytest.mark.parametrize(
    "line",
    [
        "SỞ NỘI VỤ TỈNH LAI CHÂU",  # the masthead's issuer alone
        "UBND TỈNH TUYÊN QUANG - SỞ NỘI VỤ",  # two bodies, no portal
        "Số: 12/KH-UBND - Thông tin chung",  # a dash before other words
    ],
)
def test_lines_naming_no_portal_stay_the_documents(line: str) -> None:
    assert _portal_chrome(line) is None
