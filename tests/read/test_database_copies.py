"""Plans as legal databases' copies give them: cells closed by lone "|" lines, rows of two cells, no kind line."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import task_roles
from parplan.plan import Plan
from parplan.read.cell_lines import closed_cell_table
from parplan.read.lines import TextLine
from parplan.timeframes import OnEvent, PerSchedule


def _cells(*rows: tuple[str, ...]) -> str:
    """A table as such a copy prints it: every cell on its lines, each closed by a lone "|" line."""
    return "\n".join(f"{cell}\n|" if cell else "|" for row in rows for cell in row)


def _plan(table: str, *, unit: str = "SỞ NỘI VỤ", province: str = "TỈNH GIA LAI", year: int = 2024) -> Plan:
    text = f"""UBND {province}
{unit}
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 15/KH-SNV
|
Pleiku, ngày 10 tháng 01 năm {year}
|
KẾ HOẠCH
Cải cách hành chính năm {year}
I. MỤC ĐÍCH, YÊU CẦU
Hoàn thành đúng hạn các nhiệm vụ được giao.
II. NHIỆM VỤ
Các nhiệm vụ được phân công theo bảng sau:
{table}
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, VP.
|
GIÁM ĐỐC
Rơ Châm Thuận
|
"""
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is not None
    return reading.plan


HEADER = ("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"),
        ("STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian thực hiện"),
    ],
)
def test_a_table_whose_cells_close_with_a_bar_line(header: tuple[str, ...]) -> None:
    """No row's end is marked: the header's width counts the cells, a group's row is its number and its name."""
    table = _cells(
        header,
        ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("1", "Rà soát quy trình nội bộ giải quyết thủ tục hành chính", "Phòng Tổ chức", "Văn phòng Sở", "Quý II/2024"),
        ("2", "Số hóa hồ sơ thi đua, khen thưởng", "Ban Thi đua - Khen thưởng", "", "Thường xuyên"),
        ("II", "CHUYỂN ĐỔI SỐ"),
        ("3", "Vận hành hệ thống quản lý văn bản và điều hành", "Văn phòng Sở", "Các phòng", "Cả năm 2024"),
    )
    assert task_roles(_plan(table))[:3] == [
        ("Rà soát quy trình nội bộ giải quyết thủ tục hành chính", ["Phòng Tổ chức"], ["Văn phòng Sở"], "Quý II/2024"),
        ("Số hóa hồ sơ thi đua, khen thưởng", ["Ban Thi đua - Khen thưởng"], [], "Thường xuyên"),
        ("Vận hành hệ thống quản lý văn bản và điều hành", ["Văn phòng Sở"], ["Các phòng"], "Cả năm 2024"),
    ]


def test_a_cell_wrapped_over_lines_and_a_group_row_last() -> None:
    """A long cell keeps its lines until its "|"; a trailing group's row without tasks adds none."""
    table = _cells(
        HEADER,
        (
            "1",
            "Tổ chức khảo sát sự hài lòng của người dân\nđối với dịch vụ hành chính công",
            "Văn phòng Sở",
            "",
            "Quý III/2024",
        ),
        ("2", "Công khai kết quả giải quyết hồ sơ", "Văn phòng Sở", "Phòng Công chức", "Hằng tháng"),
    )
    plan = _plan(table)
    assert [title for title, *_ in task_roles(plan)][:2] == [
        "Tổ chức khảo sát sự hài lòng của người dân đối với dịch vụ hành chính công",
        "Công khai kết quả giải quyết hồ sơ",
    ]
    assert plan.signature is not None
    assert plan.signature.name == "Rơ Châm Thuận"


@pytest.mark.parametrize(
    "rows",
    [
        (("Họ và tên", "Chức vụ", "Đơn vị"), ("Nguyễn Văn A", "Trưởng phòng", "Phòng Tổ chức")),
        (("UBND TỈNH GIA LAI",), ("SỞ NỘI VỤ",), ("Số: 15/KH-SNV",)),
        (("STT", "Nội dung nhiệm vụ", "Chủ trì"), ("1", "Rà soát quy trình", "Văn phòng")),  # one task row
    ],
)
def test_bar_lines_that_open_no_table_of_tasks(rows: tuple[tuple[str, ...], ...]) -> None:
    """Near misses: cells closed by "|" under no header of task columns, or with one task, are no task table."""
    lines = [TextLine(text, number) for number, text in enumerate(_cells(*rows).splitlines(), start=1)]
    assert closed_cell_table(lines, 0, "table 1") is None


TAIL_ROWS = [
    (
        "| Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT, NV. | TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Thị Hoa |",
        "TM KT",
    ),
    ("| Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT. | TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nLê Thị Hoa |", "TM"),
    ("Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT. | KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hoa |", "KT"),
]


@pytest.mark.parametrize(("tail", "capacities"), TAIL_ROWS)
def test_recipients_and_signature_as_a_row_opening_with_a_bar(tail: str, capacities: str) -> None:
    text = f"""ỦY BAN NHÂN DÂN
HUYỆN CAM LỘ
Số: 28/KH-UBND\tCam Lộ, ngày 25 tháng 01 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
I. NHIỆM VỤ
1. Rà soát thủ tục hành chính. Thời gian: quý II/2024.
{tail}
"""
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is not None
    signature = reading.plan.signature
    assert signature is not None
    assert signature.name == "Lê Thị Hoa"
    assert " ".join(authority.capacity.value for authority in signature.authorities) == capacities
    assert reading.plan.recipients[-1].startswith("Lưu")


HEADLINES = [
    "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ",
    "CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND HUYỆN HẢI LĂNG",
    "NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN NĂM 2023",
]


def _assert_headline_title(headline: str, before: str = "") -> None:
    """A plan under a flattened masthead whose kind line was lost reads ``headline`` as its title, with a doubt."""
    text = f"""{before}| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 41/KH-UBND | Đông Hà, ngày 06 tháng 02 năm 2024 |
{headline}
Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Ủy ban nhân dân thành phố Đông Hà ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Rà soát thủ tục hành chính. Thời gian: quý II/2024.
"""
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is not None
    assert reading.plan.title == headline
    assert any("no kind line" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_subject_line_in_capitals_without_its_kind_line(headline: str) -> None:
    """A copy that lost "KẾ HOẠCH" keeps the subject under the masthead: the title as written, with a doubt."""
    _assert_headline_title(headline)


@pytest.mark.parametrize(
    ("time", "kind"),
    [
        ("Trong quá trình soạn thảo văn bản", OnEvent),
        ("Theo đề nghị của cơ quan chủ trì soạn thảo", PerSchedule),
        ("Khi có văn bản hướng dẫn của Bộ Nội vụ", OnEvent),
    ],
)
def test_a_time_bound_to_an_event_in_a_field_line(time: str, kind: type) -> None:
    table = "\n".join(
        [
            "a) Thẩm định quy định thủ tục hành chính trong dự thảo văn bản.",
            "- Cơ quan chủ trì: Sở Tư pháp.",
            f"- Thời gian thực hiện: {time}.",
            "b) Công bố danh mục thủ tục hành chính.",
            "- Cơ quan chủ trì: Văn phòng UBND tỉnh.",
            "- Thời gian thực hiện: Thường xuyên.",
        ]
    )
    plan = _plan(table)
    first = plan.tasks[0]
    assert first.responsibility is not None
    assert isinstance(first.timeframe, kind)
    assert task_roles(plan)[0] == (
        "Thẩm định quy định thủ tục hành chính trong dự thảo văn bản.",
        ["Sở Tư pháp"],
        [],
        time,
    )


def test_a_subject_line_after_a_databases_metadata_block() -> None:
    """The subject line in capitals is found past the database's block of metadata rows and the masthead's cells."""
    text = """Kế hoạch 12/KH-UBND năm 2023 về cải cách hành chính trên địa bàn tỉnh Long An
| Số hiệu | 12/KH-UBND |
| Ngày ban hành | 10/01/2023 |
| Loại văn bản | Kế hoạch |
| Cơ quan ban hành | Tỉnh Long An |
| Người ký | Trần Văn Cần |
|
ỦY BAN NHÂN DÂN
TỈNH LONG AN |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc |
|
Số: 12/KH-UBND |
Long An, ngày 10 tháng 01 năm 2023 |
CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH LONG AN NĂM 2023
Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Rà soát thủ tục hành chính. Thời gian: quý II/2023.
2. Số hóa hồ sơ. Thời gian: thường xuyên.
"""
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is not None
    assert reading.plan.title == "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH LONG AN NĂM 2023"
    assert reading.plan.year == 2023


@pytest.mark.parametrize(
    ("cell", "time"),
    [
        (
            "Rà soát thủ tục hành chính nội bộ, trình Chủ tịch UBND tỉnh phê duyệt trước ngày 30/9/2023",
            "trước ngày 30/9/2023",
        ),
        ("Tổ chức đối thoại với doanh nghiệp trong quý III/2023", "trong quý III/2023"),
        ("Công khai kết quả giải quyết hồ sơ trước ngày 05 hằng tháng", "trước ngày 05 hằng tháng"),
    ],
)
def test_an_empty_time_cell_and_a_time_in_the_tasks_cell(cell: str, time: str) -> None:
    """The task's own words give its time when the time cell is empty, read under 0.9 (its bounds are a guess)."""
    table = "\n".join(
        [
            "| STT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |",
            f"| 1 | {cell} | Văn phòng UBND tỉnh | |",
            "| 2 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND tỉnh | Thường xuyên |",
            "| 3 | Kiểm tra công tác kiểm soát thủ tục hành chính | Sở Nội vụ | |",
        ]
    )
    reading = parplan.read_text(
        f"ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 12/KH-UBND\tLong An, ngày 10 tháng 01 năm 2023\nKẾ HOẠCH\n"
        f"Cải cách hành chính năm 2023\nI. NHIỆM VỤ\n{table}\n",
        name="ke-hoach.txt",
    )
    assert reading.plan is not None
    roles = task_roles(reading.plan)
    assert roles[0] == (cell, ["Văn phòng UBND tỉnh"], [], time)
    assert roles[2][3] is None  # no time in its cell or its words: none
    source = next(s for s in reading.plan.sources if s.path == "$.tasks[0].timeframe")
    assert source.confidence is not None
    assert source.confidence < Decimal("0.9")


@pytest.mark.parametrize(
    ("before", "headline"),
    [
        # OCR writes the capital "Í" small in a line of capitals
        ("", "KIEM SOAT THU TUC HANH CHiNH NAM 2024 TREN DIA BAN TINH QUANG TRI"),
        ("", "NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN VỚI DỊCH VỤ HÀNH CHiNH CÔNG NĂM 2023"),
        # a column of links wrapped over the masthead: its lines going on in small letters open no sentence
        (
            "- 1Nghị định 63/2010/NĐ-CP về\nthực hiện cơ chế một cửa, một\ncửa liên thông\n",
            "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ",
        ),
        (
            "- Nghị định 61/2018/NĐ-CP\ncăn cứ pháp lý liên quan\n",
            "CẢI CÁCH HÀNH CHiNH NĂM 2025 CỦA UBND HUYỆN HẢI LĂNG",
        ),
    ],
)
def test_a_scanned_subject_line_in_capitals_without_its_kind_line(before: str, headline: str) -> None:
    _assert_headline_title(headline, before)


@pytest.mark.parametrize(
    "headline",
    [
        "Kiểm soát thủ tục hành chiNH năm 2024 trên địa bàn tỉnh",  # small letters: no line in capitals
        "iKIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH",  # a small "i" opening a word is no "Í"
    ],
)
def test_a_line_not_in_capitals_is_no_subject_line(headline: str) -> None:
    text = f"""| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 41/KH-UBND | Đông Hà, ngày 06 tháng 02 năm 2024 |
{headline}
I. NHIỆM VỤ
1. Rà soát thủ tục hành chính. Thời gian: quý II/2024.
"""
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is None or reading.plan.title != headline


def test_a_sentence_before_the_subject_line_ends_the_search() -> None:
    text = """| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 41/KH-UBND | Đông Hà, ngày 06 tháng 02 năm 2024 |
Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về kiểm soát thủ tục hành chính,
KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ
I. NHIỆM VỤ
1. Rà soát thủ tục hành chính. Thời gian: quý II/2024.
"""
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert (
        reading.plan is None
        or reading.plan.title != "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ"
    )
