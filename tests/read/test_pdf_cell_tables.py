"""Tables a PDF's text gives cell by cell: rows told by their numbers, cells shared among columns by what they hold.

The text is what an extractor without layout gives: the header's names wrapped inside their columns, then
each row's cells one after another in the columns' order, each cell's lines as its column wrapped them.
Near misses: prose with short lines that merely holds a column name's words, a cell's own numbered list.
"""

from __future__ import annotations

import pytest

from parplan.read.cell_fit import Piece, names_party, share
from parplan.read.columns import rebuild
from parplan.read.lines import TextLine


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def _rows(texts: list[str]) -> list[list[str]]:
    grid = rebuild(_lines(texts), "appendix").grid
    assert grid is not None
    return [[cell.text for cell in row] for row in grid.rows[1:]]


HEAD_SIX = [
    "Nhiệm vụ",
    "chung",
    "Nhiệm vụ cụ thể",
    "Sản phẩm",
    "Cơ quan chủ",
    "trì",
    "Cơ quan phối",
    "hợp",
    "Thời gian",
]


def test_six_columns_with_a_group_column_and_a_products_list() -> None:
    texts = [
        *HEAD_SIX,
        "I. Cải cách",
        "thể chế",
        "1. Rà soát văn bản quy phạm",
        "pháp luật do xã ban hành",
        "1. Danh mục văn bản",
        "cần sửa đổi.",
        "2. Báo cáo kết quả.",
        "Công chức Tư pháp",
        "Các ban, ngành",
        "Quý II/2025",
        "2. Tuyên truyền pháp luật tại",
        "các thôn, buôn",
        "Các buổi tuyên truyền",
        "Công chức Văn hóa",
        "Trưởng các thôn",
        "Hằng quý",
    ]
    assert _rows(texts) == [
        ["I", "Cải cách thể chế"],
        [
            "Rà soát văn bản quy phạm pháp luật do xã ban hành",
            "1. Danh mục văn bản cần sửa đổi. 2. Báo cáo kết quả.",
            "Công chức Tư pháp",
            "Các ban, ngành",
            "Quý II/2025",
        ],
        [
            "Tuyên truyền pháp luật tại các thôn, buôn",
            "Các buổi tuyên truyền",
            "Công chức Văn hóa",
            "Trưởng các thôn",
            "Hằng quý",
        ],
    ]


def test_a_numbered_list_going_on_after_the_other_cells_is_no_row() -> None:
    # the products' "2." comes after the lead's and time's cells (a second line of the row): the next row is
    # the later "2.", which the list's reading leaves as the only place for it
    texts = [
        "Nhiệm vụ",
        "Sản phẩm",
        "Chủ trì",
        "Thời hạn",
        "1. Triển khai các văn bản của",
        "cấp trên",
        "1. Kế hoạch của huyện",
        "Phòng Tư pháp",
        "Quý I/2024",
        "2. Báo cáo của huyện",
        "2. Kiểm tra công tác",
        "văn thư tại các xã",
        "Biên bản kiểm tra",
        "Văn phòng huyện",
        "Quý III/2024",
    ]
    rows = _rows(texts)
    assert [row[0] for row in rows] == ["Triển khai các văn bản của cấp trên", "Kiểm tra công tác văn thư tại các xã"]
    assert rows[1][1:] == ["Biên bản kiểm tra", "Văn phòng huyện", "Quý III/2024"]


def test_a_list_that_ended_before_the_next_number_gives_the_next_row() -> None:
    texts = [
        "STT",
        "Nội dung công việc",
        "Kết quả đầu ra",
        "Đơn vị chủ trì",
        "Thời hạn",
        "1",
        "Số hóa hồ sơ hộ tịch",
        "1. Dữ liệu số hóa.",
        "Công chức Tư pháp - Hộ tịch",
        "Quý IV/2024",
        "2",
        "Khảo sát sự hài lòng",
        "Báo cáo khảo sát",
        "Công chức Văn phòng - Thống kê",
        "Tháng 10/2024",
    ]
    rows = _rows(texts)
    assert [row[0] for row in rows] == ["1", "2"]
    assert rows[1][1:] == [
        "Khảo sát sự hài lòng",
        "Báo cáo khảo sát",
        "Công chức Văn phòng - Thống kê",
        "Tháng 10/2024",
    ]


def test_a_row_goes_on_after_a_page_break_in_the_cells_the_break_cut() -> None:
    head = ["Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"]
    texts = [
        *head,
        "1. Cử công chức tham gia các lớp",
        "bồi dưỡng kỹ năng giao tiếp với",
        "Phòng Nội vụ",
        "Theo kế hoạch của",
        "",
        "3",
        "",
        *head,
        "người dân do tỉnh tổ chức",
        "tỉnh",
        "2. Kiểm tra kỷ luật hành chính",
        "Văn phòng huyện",
        "Hằng quý",
    ]
    assert _rows(texts) == [
        [
            "Cử công chức tham gia các lớp bồi dưỡng kỹ năng giao tiếp với người dân do tỉnh tổ chức",
            "Phòng Nội vụ",
            "Theo kế hoạch của tỉnh",
        ],
        ["Kiểm tra kỷ luật hành chính", "Văn phòng huyện", "Hằng quý"],
    ]


@pytest.mark.parametrize(
    ("line", "lead", "partners"),
    [
        ("Phòng Nội vụ Các phòng chuyên môn", "Phòng Nội vụ", "Các phòng chuyên môn"),
        ("Văn phòng UBND tỉnh Các sở, ngành", "Văn phòng UBND tỉnh", "Các sở, ngành"),
        ("Phòng Văn hóa và Thông tin Đài Truyền thanh", "Phòng Văn hóa và Thông tin", "Đài Truyền thanh"),
    ],
)
def test_a_lead_and_its_partners_run_together_on_one_line(line: str, lead: str, partners: str) -> None:
    texts = ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "1", "Rà soát quy chế làm việc", line, "Quý II/2025"]
    assert _rows(texts) == [["1", "Rà soát quy chế làm việc", lead, partners, "Quý II/2025"]]


def test_two_leads_listed_over_two_lines_stay_one_cell() -> None:
    texts = ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "1", "Xây dựng đề án vị trí việc làm"]
    texts += ["Phòng Nội vụ;", "Phòng Tài chính - Kế hoạch", "Các đơn vị sự nghiệp", "Tháng 9/2023"]
    assert _rows(texts)[0][2:] == ["Phòng Nội vụ; Phòng Tài chính - Kế hoạch", "Các đơn vị sự nghiệp", "Tháng 9/2023"]


def test_a_time_of_steps_is_the_time_cell() -> None:
    texts = ["Nhiệm vụ", "Chủ trì", "Thời gian", "1. Ban hành kế hoạch kiểm tra", "Sở Nội vụ"]
    texts += ["- Ban hành trong quý I/2024.", "- Báo cáo trong tháng 12/2024."]
    assert _rows(texts)[0][1:] == ["Sở Nội vụ", "- Ban hành trong quý I/2024. - Báo cáo trong tháng 12/2024."]


@pytest.mark.parametrize(
    "texts",
    [
        # prose whose short lines open with "Nhiệm vụ" and hold "chủ trì", "phối hợp", "thời gian"
        [
            *("Nhiệm vụ trọng tâm năm 2024", "Phòng Nội vụ chủ trì", "phối hợp các xã", "Thời gian thực hiện"),
            *("cả năm", "1. Rà soát thủ tục", "hành chính của xã", "2. Kiểm tra công vụ", "tại các xã"),
        ],
        # a column's names, but no row under them
        ["Nhiệm vụ", "Chủ trì", "Thời gian", "Các nhiệm vụ trên được giao cho các phòng thực hiện.", "Kinh phí"],
        # short lines with no column's name at all
        ["Rà soát văn bản", "của xã", "Phòng Tư pháp", "Quý II/2024", "1. Kiểm tra", "2. Báo cáo"],
    ],
)
def test_prose_with_short_lines_is_no_table(texts: list[str]) -> None:
    assert rebuild(_lines(texts), "appendix").grid is None


def test_share_puts_each_piece_in_the_column_it_fits() -> None:
    texts = [
        "Tập huấn nghiệp vụ một cửa",
        "cho công chức.",
        "Báo cáo kết quả",
        "Văn phòng HĐND và",
        "UBND huyện",
        "Hằng năm",
    ]
    pieces = [Piece(TextLine(text, number), opens=text[:1].isupper()) for number, text in enumerate(texts, 1)]
    cells = share(pieces, ["title", "output", "lead", "time"], 0)
    assert [(column, " ".join(line.text for line in lines)) for column, lines in cells] == [
        (0, "Tập huấn nghiệp vụ một cửa cho công chức."),
        (1, "Báo cáo kết quả"),
        (2, "Văn phòng HĐND và UBND huyện"),
        (3, "Hằng năm"),
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Các cơ quan, đơn vị liên quan", True),
        ("Các phòng chuyên môn", True),
        ("Các buổi tuyên truyền tại thôn", False),
        ("Các văn bản hướng dẫn", False),
        ("- Các Kế hoạch tuyển dụng", False),
        ("Trung tâm Văn hóa Thông tin", True),
    ],
)
def test_names_party(text: str, *, party: bool) -> None:
    assert names_party(text) is party


def test_a_cell_line_equal_to_a_word_of_the_header_is_kept() -> None:
    # "hiện" closes the header's "Thời gian thực hiện" and a product's "Báo cáo tình hình thực hiện" alike
    head = ["Nhiệm vụ", "Sản phẩm", "Chủ trì", "Thời gian thực", "hiện"]
    texts = [*head, "1. Tự chủ tài chính của các", "đơn vị sự nghiệp", "Báo cáo tình hình thực", "hiện"]
    texts += ["Phòng Tài chính - Kế hoạch", "Quý I/2022", "", "2", "", *head, "2. Kiểm kê tài sản công", "Biên bản"]
    texts += ["kiểm kê", "Phòng Tài chính - Kế hoạch", "Tháng 12/2022"]
    rows = _rows(texts)
    assert rows[0] == [
        "Tự chủ tài chính của các đơn vị sự nghiệp",
        "Báo cáo tình hình thực hiện",
        "Phòng Tài chính - Kế hoạch",
        "Quý I/2022",
    ]
    assert rows[1][0] == "Kiểm kê tài sản công"
