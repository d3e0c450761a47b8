"""Tables pasted as delimited text (a spreadsheet's CSV): read as task tables; prose with commas never is."""

from __future__ import annotations

import parplan
from parplan.read.delimited import delimited_table
from parplan.read.lines import Grid, Para, TextLine, blocks


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def test_semicolon_records_with_a_quoted_multiline_party_cell() -> None:
    texts = [
        "Số TT;Tên nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời hạn",
        '1;"Cập nhật, công khai TTHC; quy trình nội bộ";Văn phòng;"Phòng Tư pháp',
        'Phòng Văn hóa và Thông tin";Quý I/2025',
        '2;Số hóa hồ sơ hộ tịch;Phòng Tư pháp;;"Tháng 5, 6/2025"',
        "",
        "Nơi nhận:",
    ]
    found = delimited_table(_lines(texts), 0, "table 1")
    assert found is not None
    grid, end = found
    assert end == 4
    assert [cell.text for cell in grid.rows[1]][:3] == ["1", "Cập nhật, công khai TTHC; quy trình nội bộ", "Văn phòng"]
    assert grid.rows[1][3].lines == ("Phòng Tư pháp", "Phòng Văn hóa và Thông tin")
    assert grid.rows[1][0].line == 2
    assert grid.rows[2][4].text == "Tháng 5, 6/2025"


def test_comma_table_in_a_document_is_one_grid() -> None:
    texts = [
        "PHỤ LỤC",
        "TT,Nội dung công việc,Đơn vị chủ trì,Thời gian thực hiện",
        "1,Tập huấn nghiệp vụ một cửa,Văn phòng,Quý II/2024",
        '2,"Rà soát, đánh giá TTHC",Phòng Tư pháp,Quý III/2024',
        "Nơi nhận:",
    ]
    found = [block for block in blocks(_lines(texts)) if isinstance(block, Grid)]
    assert len(found) == 1
    assert [cell.text for cell in found[0].rows[2]] == ["2", "Rà soát, đánh giá TTHC", "Phòng Tư pháp", "Quý III/2024"]


def test_prose_with_commas_is_never_a_table() -> None:
    texts = [
        "Nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời hạn hoàn thành",
        "Văn phòng, Phòng Nội vụ, Phòng Tư pháp, các xã",
        "Tuyên truyền, phổ biến, hướng dẫn, kiểm tra",
    ]
    assert delimited_table(_lines(texts), 0, "table 1") is None
    assert all(isinstance(block, Para) for block in blocks(_lines(texts)))


def test_a_header_with_one_matching_record_is_not_enough() -> None:
    texts = ["STT,Nhiệm vụ,Chủ trì,Thời hạn", "1,Ban hành kế hoạch,Văn phòng,Tháng 1/2024", "Nơi nhận:"]
    assert delimited_table(_lines(texts), 0, "table 1") is None


def test_an_unclosed_quote_ends_the_table_before_it() -> None:
    texts = [
        "STT;Nhiệm vụ;Chủ trì;Thời hạn",
        "1;Ban hành kế hoạch;Văn phòng;Tháng 1/2024",
        "2;Kiểm tra công vụ;Phòng Nội vụ;Quý III/2024",
        '3;"Tuyên truyền CCHC;Văn phòng;Cả năm',
        "Nơi nhận:",
    ]
    found = delimited_table(_lines(texts), 0, "table 1")
    assert found is not None
    assert len(found[0].rows) == 3
    assert found[1] == 3


def test_a_plan_whose_appendix_is_csv_reads_its_tasks() -> None:
    reading = parplan.read_text(
        "\n".join(  # noqa: FLY002 - one line of the plan a line here
            [
                "ỦY BAN NHÂN DÂN",
                "XÃ TÂN LẬP",
                "KẾ HOẠCH",
                "Cải cách hành chính năm 2024",
                "PHỤ LỤC",
                "STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành",
                '1,"Rà soát, công bố TTHC",Công chức Văn phòng - Thống kê,"Công chức Tư pháp - Hộ tịch',
                'Công chức Địa chính - Xây dựng",Quý II/2024',
                "2,Khảo sát sự hài lòng,Công chức Văn phòng - Thống kê,,Tháng 10/2024",
                "",
            ]
        ),
        name="ke-hoach.txt",
    )
    plan = reading.plan
    assert plan is not None
    titles = [task.title for task in plan.tasks]
    assert titles == ["Rà soát, công bố TTHC", "Khảo sát sự hài lòng"]
    responsibility = plan.responsibility_of(plan.tasks[0])
    assert responsibility is not None
    assert len(responsibility.coordinating) == 2


def test_a_second_header_row_under_a_merged_heading_names_its_columns() -> None:
    texts = [
        "STT,Nội dung công việc,Đơn vị thực hiện,,Thời hạn",
        ",,Chủ trì,Phối hợp,",
        "1,Niêm yết TTHC,Văn phòng,Phòng Tư pháp,Quý I/2026",
        "2,Số hóa hồ sơ,Phòng Tư pháp,,Quý III/2026",
        "",
    ]
    found = delimited_table(_lines(texts), 0, "table 1")
    assert found is not None
    grid, _ = found
    assert [cell.text for cell in grid.rows[0]] == ["STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời hạn"]
    assert [cell.text for cell in grid.rows[1]][:3] == ["1", "Niêm yết TTHC", "Văn phòng"]


def test_a_first_row_that_is_a_task_is_no_second_header() -> None:
    texts = [
        "STT;Nội dung;Chủ trì;Thời hạn",
        ";Tuyên truyền CCHC;Văn phòng;Cả năm",
        "1;Niêm yết TTHC;Văn phòng;Quý I/2026",
        "",
    ]
    found = delimited_table(_lines(texts), 0, "table 1")
    assert found is not None
    assert [cell.text for cell in found[0].rows[0]] == ["STT", "Nội dung", "Chủ trì", "Thời hạn"]
    assert len(found[0].rows) == 3
