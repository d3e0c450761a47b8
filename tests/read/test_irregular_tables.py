"""Appendix tables with the slips of real plans: numbers skipped or given twice, cells cut by line breaks, empty cells.

A tab table (a Word table saved as text) whose numbered groups keep only their number and title ("1\\tCông tác
chỉ đạo"), and whose task cell holds a line break, so that the row goes on on the next line; a ``|`` table (a
legal database's copy) whose row is cut inside a cell. Each row is read as one task wherever the break falls,
and whatever the numbering does; lines that are no cut rows stay as they are.
"""

from __future__ import annotations

import pytest

import parplan
from builders import tasks_as_read
from parplan.read.lines import TextLine, tab_rows

TAB_HEAD = """UBND TỈNH {province_upper}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{body_upper}\tĐộc lập - Tự do - Hạnh phúc
Số: {number}\t{province}, ngày 12 tháng 01 năm {year}

KẾ HOẠCH
Cải cách hành chính năm {year}

I. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

PHỤ LỤC
NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}
"""

TAB_CASES = [
    pytest.param(
        {"province_upper": "HÀ TĨNH", "province": "Hà Tĩnh", "body_upper": "SỞ TƯ PHÁP", "number": "07/KH-STP"},
        2026,
        [
            "TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
            "1\tCải cách thể chế",
            "1.1\tRà soát văn bản quy phạm pháp luật do tỉnh ban hành\tPhòng Xây dựng văn bản\tVăn phòng Sở\tQuý II",
            "1.3\tTheo dõi thi hành pháp luật về xử lý vi phạm hành chính\tPhòng Quản lý xử lý vi phạm",
            "hành chính\t\tQuý III/2026",
            "2\tCải cách thủ tục hành chính",
            "2.1\tNiêm yết thủ tục hành chính lĩnh vực tư pháp tại Trung tâm",
            "Phục vụ hành chính công tỉnh\tVăn phòng Sở\tCác phòng thuộc Sở\t",
        ],
        [
            ("Rà soát văn bản quy phạm pháp luật do tỉnh ban hành", "Phòng Xây dựng văn bản", "Quý II"),
            (
                "Theo dõi thi hành pháp luật về xử lý vi phạm hành chính",
                "Phòng Quản lý xử lý vi phạm hành chính",
                "Quý III/2026",
            ),
            (
                "Niêm yết thủ tục hành chính lĩnh vực tư pháp tại Trung tâm Phục vụ hành chính công tỉnh",
                "Văn phòng Sở",
                None,
            ),
        ],
        id="so-skipped-number-cut-lead-and-task-cells",
    ),
    pytest.param(
        {"province_upper": "QUẢNG NGÃI", "province": "Quảng Ngãi", "body_upper": "SỞ Y TẾ", "number": "15/KH-SYT"},
        2024,
        [
            "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn",
            "1.\tCông tác chỉ đạo, điều hành",
            "1.1\tBan hành kế hoạch kiểm tra cải cách hành chính năm 2024\tVăn phòng Sở\tThanh tra Sở\tTháng 3/2024",
            "1.1\tKiểm tra việc thực hiện quy chế văn hóa công sở\tThanh tra Sở\tVăn phòng sở\tQuý IV/2024",
            "2.\tHiện đại hóa hành chính",
            "2.1\tDuy trì hệ thống quản lý chất lượng theo tiêu chuẩn",
            "TCVN ISO 9001:2015 tại các phòng\tVăn phòng sở\t\tThường xuyên",
            "2.2\tSử dụng phần mềm quản lý văn bản trong công việc\tPhòng Kế hoạch - Tài chính\tCác phòng\tHằng tháng",
        ],
        [
            ("Ban hành kế hoạch kiểm tra cải cách hành chính năm 2024", "Văn phòng Sở", "Tháng 3/2024"),
            ("Kiểm tra việc thực hiện quy chế văn hóa công sở", "Thanh tra Sở", "Quý IV/2024"),
            (
                "Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 tại các phòng",
                "Văn phòng sở",
                "Thường xuyên",
            ),
            (
                "Sử dụng phần mềm quản lý văn bản trong công việc",
                "Phòng Kế hoạch - Tài chính",
                "Hằng tháng",
            ),
        ],
        id="so-number-twice-dotted-groups",
    ),
    pytest.param(
        {
            "province_upper": "BẮC GIANG",
            "province": "Yên Thế",
            "body_upper": "UBND HUYỆN YÊN THẾ",
            "number": "09/KH-UBND",
        },
        2023,
        [
            "TT\tNội dung\tChủ trì\tPhối hợp\tThời gian thực hiện",
            "1\tCải cách tổ chức bộ máy",
            "1.2\tRà soát, sắp xếp các đơn vị sự nghiệp công lập",
            "thuộc UBND huyện\tPhòng Nội vụ\tCác cơ quan chuyên môn\tQuý II/2023",
            "3\tCải cách tài chính công",
            "3.1\tCông khai dự toán ngân sách huyện năm 2023\tPhòng Tài chính - Kế hoạch\t\tTháng 01/2023",
        ],
        [
            (
                "Rà soát, sắp xếp các đơn vị sự nghiệp công lập thuộc UBND huyện",
                "Phòng Nội vụ",
                "Quý II/2023",
            ),
            ("Công khai dự toán ngân sách huyện năm 2023", "Phòng Tài chính - Kế hoạch", "Tháng 01/2023"),
        ],
        id="huyen-group-skipped-first-row-cut",
    ),
]


@pytest.mark.parametrize(("names", "year", "rows", "expected"), TAB_CASES)
def test_a_tab_appendix_with_numbered_groups_and_cut_cells_is_read_row_by_row(
    names: dict[str, str], year: int, rows: list[str], expected: list[tuple[str, str | None, str | None]]
) -> None:
    text = TAB_HEAD.format(year=year, **names) + "\n".join(rows) + "\n"
    plan = parplan.read_text(text, name="phu-luc.txt").plan
    assert plan is not None
    assert tasks_as_read(plan) == expected


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def test_a_numbered_group_before_a_numbered_row_stands_as_a_row_of_its_own() -> None:
    rows = tab_rows(
        _lines(
            [
                "TT\tNhiệm vụ\tChủ trì\tThời gian",
                "1\tCải cách thể chế",
                "1.1\tRà soát văn bản\tPhòng Tư pháp\tQuý I",
                "1.2\tTheo dõi thi hành",
                "pháp luật\tPhòng Tư pháp\tQuý III",
            ]
        )
    )
    assert [row.text for row in rows] == [
        "TT\tNhiệm vụ\tChủ trì\tThời gian",
        "1\tCải cách thể chế",
        "1.1\tRà soát văn bản\tPhòng Tư pháp\tQuý I",
        "1.2\tTheo dõi thi hành\npháp luật\tPhòng Tư pháp\tQuý III",
    ]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a numbered row cut by a break: its next line goes on with the rest of the cell, no group
        (
            ["TT\tNhiệm vụ\tĐơn vị\tThời gian", "1\tRà soát thủ tục", "hành chính\tVăn phòng\tQuý I"],
            ["TT\tNhiệm vụ\tĐơn vị\tThời gian", "1\tRà soát thủ tục\nhành chính\tVăn phòng\tQuý I"],
        ),
        # tabs that do not add up to rows, a numbered line or not: left as they are
        (
            ["1\tRà soát\tVăn phòng", "2\tKiểm tra", "thêm\tmột\tô\tthừa", "3\tSố hóa\tVăn phòng"],
            ["1\tRà soát\tVăn phòng", "2\tKiểm tra", "thêm\tmột\tô\tthừa", "3\tSố hóa\tVăn phòng"],
        ),
    ],
)
def test_numbered_lines_that_are_no_groups(texts: list[str], expected: list[str]) -> None:
    assert [line.text for line in tab_rows(_lines(texts))] == expected


PIPE_HEAD = """| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| TỈNH {province_upper} | Độc lập - Tự do - Hạnh phúc |
| Số: {number} | {province}, ngày 20 tháng 01 năm {year} |
KẾ HOẠCH
Cải cách hành chính nhà nước năm {year}
I. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.
PHỤ LỤC
NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
"""

PIPE_CASES = [
    pytest.param(
        {"province_upper": "THÁI NGUYÊN", "province": "Thái Nguyên", "number": "11/KH-UBND"},
        2024,
        [
            "| I | CẢI CÁCH THỂ CHẾ | | | |",
            "| 1 | Rà soát văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành | Sở Tư pháp | Các sở | Quý II |",
            "| 2 | Kiểm tra văn bản quy phạm pháp luật do cấp huyện ban hành trong",
            "năm 2023 | Sở Tư pháp | UBND các huyện | Quý III/2024 |",
            "| 2 | Công bố thủ tục hành chính thuộc thẩm quyền của tỉnh | Sở Nội vụ | | |",
        ],
        [
            (
                "Rà soát văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành",
                "Sở Tư pháp",
                "Quý II",
            ),
            (
                "Kiểm tra văn bản quy phạm pháp luật do cấp huyện ban hành trong năm 2023",
                "Sở Tư pháp",
                "Quý III/2024",
            ),
            ("Công bố thủ tục hành chính thuộc thẩm quyền của tỉnh", "Sở Nội vụ", None),
        ],
        id="tinh-task-cell-cut-number-twice",
    ),
    pytest.param(
        {"province_upper": "PHÚ THỌ", "province": "Phú Thọ", "number": "27/KH-UBND"},
        2022,
        [
            "| II | CẢI CÁCH TỔ CHỨC BỘ MÁY | | | |",
            "| 3 | Thẩm định đề án vị trí việc làm của các đơn vị sự nghiệp | Sở Nội",
            "vụ | Các sở, ban, ngành | Tháng 10/2022 |",
            "| 5 | Đánh giá Chỉ số hài lòng của người dân | Sở Nội vụ | Bưu điện tỉnh | Quý IV/2022 |",
        ],
        [
            ("Thẩm định đề án vị trí việc làm của các đơn vị sự nghiệp", "Sở Nội vụ", "Tháng 10/2022"),
            ("Đánh giá Chỉ số hài lòng của người dân", "Sở Nội vụ", "Quý IV/2022"),
        ],
        id="tinh-lead-cell-cut-number-skipped",
    ),
    pytest.param(
        {"province_upper": "CÀ MAU", "province": "Cà Mau", "number": "05/KH-UBND"},
        2025,
        [
            "| 1 | Nâng cấp Cổng Dịch vụ công của tỉnh đáp ứng",
            "yêu cầu kết nối với Cổng Dịch vụ công",
            "quốc gia | Sở Khoa học và Công nghệ | Văn phòng UBND tỉnh | Quý III/2025 |",
            "| 2 | Số hóa kết quả giải quyết thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ngành | Thường xuyên |",
        ],
        [
            (
                "Nâng cấp Cổng Dịch vụ công của tỉnh đáp ứng yêu cầu kết nối với Cổng Dịch vụ công quốc gia",
                "Sở Khoa học và Công nghệ",
                "Quý III/2025",
            ),
            ("Số hóa kết quả giải quyết thủ tục hành chính", "Văn phòng UBND tỉnh", "Thường xuyên"),
        ],
        id="tinh-cell-cut-twice",
    ),
]


@pytest.mark.parametrize(("names", "year", "rows", "expected"), PIPE_CASES)
def test_a_bar_row_cut_inside_a_cell_goes_on_in_the_next_line(
    names: dict[str, str], year: int, rows: list[str], expected: list[tuple[str, str | None, str | None]]
) -> None:
    text = PIPE_HEAD.format(year=year, **names) + "\n".join(rows) + "\n"
    plan = parplan.read_text(text, name="phu-luc.txt").plan
    assert plan is not None
    assert tasks_as_read(plan) == expected


def test_an_open_row_that_does_not_close_into_the_headers_cells_is_not_joined() -> None:
    # the second line would give the row six cells: no cut row, the lines stay apart and nothing is invented
    rows = [
        "| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Các sở, ngành | Quý II/2024 |",
        "| 2 | Tổ chức hội nghị đối thoại với doanh nghiệp",
        "về thủ tục hành chính | Sở Kế hoạch và Đầu tư | Hiệp hội | Quý III | thêm |",
    ]
    names = {"province_upper": "THÁI NGUYÊN", "province": "Thái Nguyên", "number": "11/KH-UBND"}
    plan = parplan.read_text(PIPE_HEAD.format(year=2024, **names) + "\n".join(rows) + "\n", name="x.txt").plan
    assert plan is not None
    titles = [task.title for task in plan.tasks]
    assert "Rà soát văn bản quy phạm pháp luật" in titles
    assert not any(title.startswith("Tổ chức hội nghị đối thoại với doanh nghiệp về") for title in titles)
