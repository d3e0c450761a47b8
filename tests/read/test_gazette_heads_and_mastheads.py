"""A gazette's running heads and headings, and a department's body under it in the masthead, in small plans."""

from __future__ import annotations

import pytest

import parplan
from builders import tasks_as_read
from parplan.read.lines import TextLine, _drop_numbered_heads, _gazette_heading
from parplan.read.source import Line

# -- running heads that carry the page's number at one end ---------------------------------------------


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    "heads",
    [
        ["CÔNG BÁO/Số 07 + 08/Ngày 05-02-2024      41", "42      CÔNG BÁO/Số 07 + 08/Ngày 05-02-2024"],
        ["CÔNG BÁO TỈNH LÂM ĐỒNG\t\t15", "16\t\tCÔNG BÁO TỈNH LÂM ĐỒNG", "CÔNG BÁO TỈNH LÂM ĐỒNG\t\t17"],
        ["Công báo Quảng Ninh/Số 3/Ngày 12-01-2026        9", "Công báo Quảng Ninh/Số 3/Ngày 12-01-2026        11"],
    ],
)
def test_a_head_coming_back_with_rising_page_numbers_is_dropped(heads: list[str]) -> None:
    texts: list[str] = []
    for head in heads:
        texts += [head, "", "a) Rà soát văn bản quy phạm pháp luật.", ""]
    kept, dropped = _drop_numbered_heads(_lines(texts))
    assert dropped == len(heads)
    assert [line.text for line in kept if line.text] == ["a) Rà soát văn bản quy phạm pháp luật."] * len(heads)


@pytest.mark.parametrize(
    "texts",
    [
        # one such line only: nothing comes back
        ["CÔNG BÁO/Số 07/Ngày 05-02-2024      41", "", "a) Rà soát văn bản."],
        # the numbers fall: counts in a column, not pages
        ["Hồ sơ tiếp nhận trực tuyến      41", "", "Hồ sơ tiếp nhận trực tuyến      12", ""],
        # rows of a table aligned by spaces, no empty line beside them
        ["Tiếp nhận", "Hồ sơ trực tuyến toàn trình      12", "Hồ sơ trực tuyến toàn trình      15", "Trả kết quả"],
        # too few words to be a head
        ["Tổng      12", "", "Tổng      15", ""],
    ],
)
def test_lines_that_only_look_like_numbered_heads_are_kept(texts: list[str]) -> None:
    kept, dropped = _drop_numbered_heads(_lines(texts))
    assert dropped == 0
    assert [line.text for line in kept] == texts


@pytest.mark.parametrize(
    ("texts", "index", "heading"),
    [
        (["PHẦN VĂN BẢN KHÁC", "ỦY BAN NHÂN DÂN TỈNH"], 0, True),
        (["PHẦN VĂN BẢN KHÁC", "ỦY BAN NHÂN DÂN TỈNH"], 1, True),
        (["PHẦN VĂN BẢN QUY PHẠM PHÁP LUẬT", "HỘI ĐỒNG NHÂN DÂN TỈNH"], 1, True),
        # the issuers' kind is a heading only under the gazette's part heading
        (["", "ỦY BAN NHÂN DÂN TỈNH"], 1, False),
        (["PHẦN VĂN BẢN KHÁC", "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"], 1, False),
        # a plan's own part is no gazette's
        (["PHẦN I. MỤC ĐÍCH, YÊU CẦU"], 0, False),
        (["PHẦN VĂN BẢN KHÁC CỦA UBND TỈNH"], 0, False),
    ],
)
def test_a_gazettes_headings(texts: list[str], index: int, heading: bool) -> None:
    lines = [Line(text=text, number=number) for number, text in enumerate(texts, start=1)]
    assert _gazette_heading(lines, index) is heading


GAZETTE = """CÔNG BÁO/Số 21/Ngày 15-4-2024                                    33

PHẦN VĂN BẢN KHÁC
ỦY BAN NHÂN DÂN TỈNH

ỦY BAN NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG                                 Độc lập - Tự do - Hạnh phúc
Số: 61/KH-UBND                          Lâm Đồng, ngày 02 tháng 4 năm 2024

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024

I. NHIỆM VỤ
1. Đăng tải tin, bài về cải cách hành chính trên Cổng thông tin điện tử tỉnh (Sở Thông tin và Truyền thông; hằng tháng).
2. Tổ chức cuộc thi tìm hiểu về cải cách hành chính dành cho cán bộ, công chức trẻ trên địa bàn các huyện phía

34{gap}CÔNG BÁO/Số 21/Ngày 15-4-2024

nam của tỉnh (Sở Nội vụ; quý III/2024).

Nơi nhận:                                         TM. ỦY BAN NHÂN DÂN
- Bộ Nội vụ;                                          CHỦ TỊCH
- Lưu: VT.                                          Trần Hồng Thái
"""


@pytest.mark.parametrize("gap", ["      ", "\t\t"])
def test_a_task_cut_by_a_gazettes_head_is_read_whole_under_the_plans_own_masthead(gap: str) -> None:
    reading = parplan.read_text(GAZETTE.format(gap=gap), name="cong-bao.txt")
    assert reading.plan is not None
    assert reading.plan.issuer.name.casefold() == "ủy ban nhân dân tỉnh lâm đồng"
    assert str(reading.plan.symbol) == "61/KH-UBND"
    assert tasks_as_read(reading.plan)[1] == (
        (
            "Tổ chức cuộc thi tìm hiểu về cải cách hành chính dành cho cán bộ, công chức trẻ trên địa bàn các huyện"
            " phía nam của tỉnh."
        ),
        "Sở Nội vụ",
        "quý III/2024",
    )
    assert not any("CÔNG BÁO" in line.text for line in reading.unplaced)


# -- a department over its body in the masthead -----------------------------------------------------

BODY = """
Số: 03/KH-VP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đà Lạt, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

I. NHIỆM VỤ
1. Rà soát quy trình nội bộ (Phòng Tổ chức - Hành chính; quý II/2025).

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Hồ Văn Lâm
"""


@pytest.mark.parametrize(
    ("masthead", "issuer"),
    [
        # a department without its province over the body that issues the plan
        (["SỞ Y TẾ", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT"], "Trung tâm Kiểm soát bệnh tật"),
        (["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "CHI CỤC THỦY LỢI"], "Chi cục Thủy lợi"),
        (["SỞ TƯ PHÁP", "TRUNG TÂM TRỢ GIÚP PHÁP LÝ", "NHÀ NƯỚC"], "Trung tâm Trợ giúp pháp lý nhà nước"),
        (["SỞ NỘI VỤ", "VĂN PHÒNG SỞ"], "Văn phòng Sở"),
        (["SỞ TÀI CHÍNH", "VĂN PHÒNG"], "Văn phòng Sở Tài chính"),  # the office by its department's name
        (["SỞ XÂY DỰNG", "THANH TRA"], "Thanh tra Sở Xây dựng"),
        # with its province, as before
        (["SỞ Y TẾ TỈNH QUẢNG TRỊ", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT"], "Trung tâm Kiểm soát bệnh tật"),
        # a department under its province, or alone, issues the plan itself
        (["UBND TỈNH NINH THUẬN", "SỞ TƯ PHÁP"], "Sở Tư pháp"),
        (["SỞ TƯ PHÁP"], "Sở Tư pháp"),
    ],
)
def test_the_issuer_under_a_department_in_the_masthead(masthead: list[str], issuer: str) -> None:
    reading = parplan.read_text("\n".join(masthead) + BODY, name="so.txt")
    assert reading.plan is not None
    assert reading.plan.issuer.name.casefold() == issuer.casefold()
