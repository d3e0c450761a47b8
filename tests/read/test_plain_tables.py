"""Pandoc's plain-text tables (simple and multiline): columns cut where the rule of dashes says."""

from __future__ import annotations

import parplan
from parplan.read.lines import Grid, TextLine, blocks
from parplan.read.plain_tables import plain_table


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def test_a_simple_table_has_a_row_a_line_and_ends_at_an_empty_line() -> None:
    texts = [
        "",
        "STT  Tên nhiệm vụ                  Phòng chủ trì   Hạn",
        "---- ----------------------------- --------------- ------------",
        "1    Rà soát quy chế một cửa       Văn phòng       Quý I/2026",
        "2    Kiểm tra công vụ              Phòng Nội vụ    Quý III/2026",
        "",
        "Các phòng báo cáo kết quả về Văn phòng trước ngày 15 tháng 12.",
    ]
    found = plain_table(_lines(texts), 1, "table 1")
    assert found is not None
    grid, end = found
    assert end == 5
    assert [cell.text for cell in grid.rows[2]] == ["2", "Kiểm tra công vụ", "Phòng Nội vụ", "Quý III/2026"]


def test_a_multiline_table_whose_rules_were_dropped_joins_each_rows_lines() -> None:
    texts = [
        "",
        "  TT   Nội dung                  Khoa, phòng    Thời hạn",
        "                                 chủ trì",
        "  ---- ------------------------- -------------- -----------",
        "  1    Niêm yết giá dịch vụ tại  Phòng Tài      Tháng 2/2026",
        "       khu khám bệnh             chính",
        "",
        "  2    Khảo sát sự hài lòng      Phòng Điều     Quý II/2026",
        "                                 dưỡng",
        "",
        "Nơi nhận:",
    ]
    found = plain_table(_lines(texts), 1, "table 1")
    assert found is not None
    grid, end = found
    assert [cell.text for cell in grid.rows[0]] == ["TT", "Nội dung", "Khoa, phòng chủ trì", "Thời hạn"]
    assert [cell.text for cell in grid.rows[1]] == [
        "1",
        "Niêm yết giá dịch vụ tại khu khám bệnh",
        "Phòng Tài chính",
        "Tháng 2/2026",
    ]
    assert len(grid.rows) == 3
    assert texts[end] in {"", "Nơi nhận:"}


def test_a_two_column_layout_drawn_as_a_table_is_no_task_table() -> None:
    texts = [
        "  ----------------------------------- ------------------------------------",
        "  UBND HUYỆN ĐỨC PHỔ                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "  PHÒNG NỘI VỤ                        Độc lập - Tự do - Hạnh phúc",
        "  ----------------------------------- ------------------------------------",
    ]
    assert all(plain_table(_lines(texts), index, "table 1") is None for index in range(len(texts)))


def test_a_header_the_reader_does_not_know_is_no_table() -> None:
    texts = [
        "",
        "Họ và tên          Chức vụ          Điện thoại",
        "------------------ ---------------- -----------",
        "Lê Văn Bình        Trưởng phòng     0912",
        "",
    ]
    assert plain_table(_lines(texts), 1, "table 1") is None


def test_text_after_the_table_is_not_taken_into_it() -> None:
    texts = [
        "",
        "  TT   Nhiệm vụ                Chủ trì        Thời gian",
        "  ---- ----------------------- -------------- ------------",
        "  1    Số hóa hồ sơ hộ tịch    Tư pháp        Cả năm",
        "       cũ",
        "",
        "Ghi chú: các nhiệm vụ trên được đánh giá vào cuối năm theo kết quả thực tế của từng đơn vị.",
    ]
    grids = [block for block in blocks(_lines(texts)) if isinstance(block, Grid)]
    assert len(grids) == 1
    assert len(grids[0].rows) == 2
    assert grids[0].rows[1][1].text == "Số hóa hồ sơ hộ tịch cũ"


def test_a_rule_closing_the_recipients_beside_the_signature_is_no_recipient() -> None:
    text = "\n".join(  # noqa: FLY002 - one line of the plan a line here
        [
            "UBND HUYỆN ĐỨC PHỔ",
            "PHÒNG NỘI VỤ",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026",
            "1. Rà soát quy chế làm việc của Phòng.",
            "  ----------------------------------- ------------------------------------",
            "  Nơi nhận:                           TRƯỞNG PHÒNG",
            "  - UBND huyện;",
            "  - Lưu: VT.                          Lê Văn Bình",
            "  ----------------------------------- ------------------------------------",
        ]
    )
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is not None, reading.doubts
    assert "" not in reading.plan.recipients
    assert len(reading.plan.recipients) == 2


def test_a_restructuredtext_simple_table_ruled_with_equals_signs() -> None:
    texts = [
        "",
        "====  =========================  ==============  ============",
        "STT   Nội dung                   Chủ trì         Thời hạn",
        "====  =========================  ==============  ============",
        "1     Công khai TTHC             Văn phòng       Quý I/2026",
        "2     Đối thoại doanh nghiệp     Phòng Kinh tế   Tháng 8/2026",
        "====  =========================  ==============  ============",
        "",
    ]
    found = plain_table(_lines(texts), 1, "table 1")
    assert found is not None
    grid, end = found
    assert [cell.text for cell in grid.rows[0]] == ["STT", "Nội dung", "Chủ trì", "Thời hạn"]
    assert [cell.text for cell in grid.rows[2]] == ["2", "Đối thoại doanh nghiệp", "Phòng Kinh tế", "Tháng 8/2026"]
    assert end == 7
