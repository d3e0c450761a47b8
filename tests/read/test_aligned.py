"""Tables whose columns are aligned by spaces (PDF text with its layout kept): rows rebuilt, or silence."""

from __future__ import annotations

import parplan
from parplan.read.aligned import aligned_table
from parplan.read.lines import TextLine


def _lines(*texts: str) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def _rows(texts: list[str]) -> list[list[str]]:
    table = aligned_table(_lines(*texts), "appendix")
    assert table is not None
    assert table.grid is not None
    return [[cell.text for cell in row] for row in table.grid.rows]


HEADER = "Số TT   Tên nhiệm vụ                     Đơn vị chủ trì      Thời gian"


def test_wrapped_cells_are_joined_in_their_column() -> None:
    rows = _rows(
        [
            HEADER,
            "1       Xây dựng kho dữ liệu hộ tịch     Phòng Tư pháp       Quý IV/2023",
            "        của thành phố                    thành phố",
            "2       Rà soát quy trình nội bộ         Văn phòng HĐND      Tháng 8/2023",
            "                                         và UBND",
        ]
    )
    assert rows[1] == ["1", "Xây dựng kho dữ liệu hộ tịch của thành phố", "Phòng Tư pháp thành phố", "Quý IV/2023"]
    assert rows[2] == ["2", "Rà soát quy trình nội bộ", "Văn phòng HĐND và UBND", "Tháng 8/2023"]


def test_a_centred_header_and_a_header_again_after_the_page_break() -> None:
    rows = _rows(
        [
            "TT       Nội dung                   Cơ quan chủ trì       Thời hạn",
            "1     Cập nhật cổng thông tin     Văn phòng          Năm 2023",
            "\x0c                                                         2",
            "TT       Nội dung                   Cơ quan chủ trì       Thời hạn",
            "2     Đối thoại với doanh         Chủ tịch UBND      Quý III/2023",
            "      nghiệp",
        ]
    )
    assert [row[0] for row in rows] == ["TT", "1", "2"]
    assert rows[1][2] == "Văn phòng"
    assert rows[2] == ["2", "Đối thoại với doanh nghiệp", "Chủ tịch UBND", "Quý III/2023"]


def test_group_rows_and_column_numbers() -> None:
    rows = _rows(
        [
            HEADER,
            "(1)     (2)                              (3)                 (4)",
            "I       CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC",
            "1       Sắp xếp các tổ chức              Phòng Nội vụ        Năm 2023",
            "2       Tinh giản biên chế               Phòng Nội vụ        Năm 2023",
        ]
    )
    assert [row[0] for row in rows] == ["Số TT", "I", "1", "2"]
    assert rows[1][1] == "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"


def test_prose_after_the_table_is_not_a_row() -> None:
    table = aligned_table(
        _lines(
            HEADER,
            "1       Sắp xếp các tổ chức              Phòng Nội vụ        Năm 2023",
            "2       Tinh giản biên chế               Phòng Nội vụ        Năm 2023",
            "Ghi chú: các phòng báo cáo kết quả thực hiện về Phòng Nội vụ trước ngày 10 hằng tháng.",
        ),
        "appendix",
    )
    assert table is not None
    assert table.grid is not None
    assert len(table.grid.rows) == 3
    assert [line.number for line in table.unplaced] == [4]


def test_prose_with_double_spaces_is_no_table() -> None:
    assert (
        aligned_table(
            _lines(
                "Nhiệm vụ  của các phòng  là tham mưu  cho Ủy ban  nhân dân.",
                "1. Phòng Nội vụ  chủ trì  theo dõi  việc thực hiện.",
                "2. Văn phòng  phối hợp  tổng hợp  báo cáo.",
            ),
            "appendix",
        )
        is None
    )


def test_columns_without_a_number_column_or_without_rows_stay_silent() -> None:
    no_number = [
        "Nhiệm vụ                 Chủ trì          Thời gian",
        "Rà soát thủ tục          Văn phòng        Năm 2023",
    ]
    assert aligned_table(_lines(*no_number), "appendix") is None
    one_row = [HEADER, "1       Sắp xếp các tổ chức              Phòng Nội vụ        Năm 2023"]
    assert aligned_table(_lines(*one_row), "appendix") is None
    names = [
        "TT    Họ và tên          Chức vụ          Ghi chú",
        "1     Nguyễn Văn An      Chủ tịch",
        "2     Lê Thị Bình    Phó Chủ tịch",
    ]
    assert aligned_table(_lines(*names), "appendix") is None


PLAN = (
    "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "HUYỆN BÙ ĐỐP                         Độc lập - Tự do - Hạnh phúc",
    "Số: 12/KH-UBND                   Bù Đốp, ngày 10 tháng 01 năm 2023",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2023",
    "",
    "Các nhiệm vụ tại Phụ lục kèm theo.",
    "",
    "\x0cPHỤ LỤC",
    "",
    HEADER,
    "1       Xây dựng kho dữ liệu hộ tịch     Phòng Tư pháp       Quý IV/2023",
    "        của huyện",
    "2       Rà soát quy trình nội bộ         Văn phòng HĐND      Tháng 8/2023",
    "                                         và UBND",
)


def test_a_plan_whose_appendix_is_aligned_by_spaces() -> None:
    text = "\n".join(PLAN)
    reading = parplan.read_text(text, name="phu-luc.txt")
    plan = reading.plan
    assert plan is not None
    titles = [task.title for task in plan.tasks]
    assert "Xây dựng kho dữ liệu hộ tịch của huyện" in titles
    task = plan.tasks[titles.index("Rà soát quy trình nội bộ")]
    responsibility = plan.responsibility_of(task)
    assert responsibility is not None
    assert responsibility.lead is not None
    assert "Văn phòng HĐND và UBND" in str(responsibility.lead)
    assert task.timeframe is not None


def test_rows_whose_short_cells_stand_centred() -> None:
    """Rows parted by empty lines, the number on a middle line: the lines above it are its row's."""
    rows = _rows(
        [
            HEADER,
            "",
            "        Rà soát, công bố danh mục        Chi cục Trồng",
            "1       thủ tục hành chính lĩnh vực      trọt và Bảo vệ      Quý I/2024",
            "        trồng trọt                       thực vật",
            "",
            "2       Tập huấn chữ ký số               Văn phòng Sở        Tháng 5/2024",
            "",
            "        Khảo sát sự hài lòng của",
            "3       tổ chức, cá nhân                 Văn phòng Sở        Tháng 10/2024",
        ]
    )
    assert rows[1:] == [
        ["1", "Rà soát, công bố danh mục thủ tục hành chính lĩnh vực trồng trọt",
         "Chi cục Trồng trọt và Bảo vệ thực vật", "Quý I/2024"],
        ["2", "Tập huấn chữ ký số", "Văn phòng Sở", "Tháng 5/2024"],
        ["3", "Khảo sát sự hài lòng của tổ chức, cá nhân", "Văn phòng Sở", "Tháng 10/2024"],
    ]  # fmt: skip


def test_rows_parted_by_empty_lines_with_the_number_first_read_as_before() -> None:
    """Near miss: every number on its row's first line; the ordinary reading applies."""
    rows = _rows(
        [
            HEADER,
            "1       Xây dựng kho dữ liệu hộ tịch     Phòng Tư pháp       Quý IV/2023",
            "        của thành phố",
            "",
            "2       Rà soát quy trình nội bộ         Văn phòng HĐND      Tháng 8/2023",
        ]
    )
    assert [row[1] for row in rows[1:]] == ["Xây dựng kho dữ liệu hộ tịch của thành phố", "Rà soát quy trình nội bộ"]
