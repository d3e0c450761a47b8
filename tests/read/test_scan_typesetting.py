"""How ``tests/documents/scanned/make_scans.py`` prints a plan's text before it is scanned: copies of tables as the
tables they were, so that their scans look like those of the originals."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "documents" / "scanned" / "make_scans.py"


@pytest.fixture(scope="module")
def make_scans() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_scans", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_scans"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _rows(page: str) -> list[list[str]]:
    grid = page.split('<table class="grid">', 1)[1].split("</table>", 1)[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", grid)]


HEAD = "KẾ HOẠCH\nCải cách hành chính năm 2024\nSTT\tNội dung\tChủ trì\tThời gian\nI\tCÔNG TÁC CHỈ ĐẠO\n"


@pytest.mark.parametrize(
    ("first", "rest", "joined"),
    [
        ("1\tCập nhật hồ sơ học sinh trên", "phần mềm quản lý\tPhó hiệu trưởng\tQuý I", "trên phần mềm"),
        ("2.1\tSố hóa hồ sơ tại Bộ phận một cửa cấp huyện,", "cấp xã\tVăn phòng\tThường xuyên", "huyện, cấp xã"),
        ("3\tLấy ý kiến người dân\tVăn phòng - Thống", "kê\tHằng quý", "Thống kê"),
    ],
)
def test_a_row_cut_at_a_line_break_in_a_cell_is_printed_as_one_row(
    make_scans: ModuleType, first: str, rest: str, joined: str
) -> None:
    rows = _rows(make_scans.typeset(HEAD + first + "\n" + rest + "\n"))
    assert len(rows) == 3
    assert len(rows[2]) == 4
    assert any(joined in cell for cell in rows[2])


@pytest.mark.parametrize(
    "after",
    [
        "II\tCẢI CÁCH THỂ CHẾ\n3\tRà soát văn bản\tTư pháp",  # a group's row, then a row short of a cell
        "1\tRà soát văn bản\n2\tSố hóa hồ sơ\tVăn phòng\tQuý II",  # the next line numbered: a row of its own
    ],
)
def test_rows_that_are_no_halves_of_one_stay_apart(make_scans: ModuleType, after: str) -> None:
    rows = _rows(make_scans.typeset(HEAD + after + "\n"))
    assert len(rows) == 4


def test_a_copy_one_cell_a_line_is_printed_as_its_table(make_scans: ModuleType) -> None:
    cells = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"]
    cells += ["I", "CẢI CÁCH THỂ CHẾ", "1", "Rà soát văn bản", "Văn phòng", "", "Quý I/2023"]
    cells += ["2", "Số hóa hồ sơ", "Phòng Tư pháp", "Văn phòng", "Năm 2023"]
    text = "KẾ HOẠCH\nCải cách hành chính\n" + "".join(f"{cell}\n|\n" for cell in cells) + "III. TỔ CHỨC\n"
    rows = _rows(make_scans.typeset(text))
    assert rows[0] == ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"]
    assert rows[2:] == [
        ["1", "Rà soát văn bản", "Văn phòng", "", "Quý I/2023"],
        ["2", "Số hóa hồ sơ", "Phòng Tư pháp", "Văn phòng", "Năm 2023"],
    ]


SPACED = """KẾ HOẠCH
Cải cách hành chính năm 2025

    STT    Nhiệm vụ                        Chủ trì            Thời gian hoàn
                                                              thành

    1      CẢI CÁCH THỂ CHẾ

    1.1    Rà soát văn bản quy phạm        Phòng Tư pháp      Quý I/2025
           pháp luật của tỉnh

                                    2

    1.2    Số hóa hồ sơ                    Văn phòng Sở;      Thường xuyên
                                           Thanh tra Sở
III. TỔ CHỨC THỰC HIỆN
"""


def test_a_pdfs_text_laid_out_by_spaces_is_printed_as_its_table(make_scans: ModuleType) -> None:
    page = make_scans.typeset(SPACED)
    assert _rows(page) == [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"],
        ["1", "CẢI CÁCH THỂ CHẾ", "", ""],
        ["1.1", "Rà soát văn bản quy phạm pháp luật của tỉnh", "Phòng Tư pháp", "Quý I/2025"],
        ["1.2", "Số hóa hồ sơ", "Văn phòng Sở; Thanh tra Sở", "Thường xuyên"],
    ]
    assert "III. TỔ CHỨC THỰC HIỆN" in page.split("</table>")[-1]


def test_a_sentence_with_wide_spaces_is_no_table(make_scans: ModuleType) -> None:
    # the near miss: no "STT" opening a header of names, or a single row under it
    text = "KẾ HOẠCH\nCải cách\nCác   phòng,  ban  thực hiện\nSTT  Nhiệm vụ  Chủ trì\n1  Rà soát  Tư pháp\n"
    assert '<table class="grid">' not in make_scans.typeset(text)


CENTRED = """KẾ HOẠCH
Cải cách hành chính năm 2024

  STT   Nội dung                          Chủ trì                Thời gian
                                                                 hoàn thành

        Rà soát danh mục thủ tục          Phòng Tài chính -
  1     hành chính lĩnh vực đất đai       Kế hoạch               Quý I/2024
        của huyện

  2     Kiểm tra công vụ tại xã           Văn phòng HĐND         Quý II/2024
        Tân Lập                           và UBND

        Số hóa hồ sơ hộ tịch                                     Trong 30 ngày
  3     còn lưu tại xã                    Phòng Tư pháp          kể từ ngày ký
III. TỔ CHỨC THỰC HIỆN
"""


def test_a_row_whose_number_stands_in_the_middle_of_its_lines_is_printed_as_one_row(make_scans: ModuleType) -> None:
    # a PDF's cells centred upright: the lines above the number are its row's, blank lines part the rows
    assert _rows(make_scans.typeset(CENTRED)) == [
        ["STT", "Nội dung", "Chủ trì", "Thời gian hoàn thành"],
        [
            "1",
            "Rà soát danh mục thủ tục hành chính lĩnh vực đất đai của huyện",
            "Phòng Tài chính - Kế hoạch",
            "Quý I/2024",
        ],
        ["2", "Kiểm tra công vụ tại xã Tân Lập", "Văn phòng HĐND và UBND", "Quý II/2024"],
        ["3", "Số hóa hồ sơ hộ tịch còn lưu tại xã", "Phòng Tư pháp", "Trong 30 ngày kể từ ngày ký"],
    ]


def test_rows_with_no_blank_lines_between_keep_their_lines_after_the_number(make_scans: ModuleType) -> None:
    # the near miss: no blank lines, so a line above a number is the row before's (a block of two numbers)
    text = CENTRED.replace("\n\n      Rà soát", "\n      Rà soát").replace("UBND\n\n", "UBND\n")
    rows = _rows(make_scans.typeset(text))
    assert rows[2][1] == "Kiểm tra công vụ tại xã Tân Lập Số hóa hồ sơ hộ tịch"
    assert rows[3][1] == "còn lưu tại xã"


NAMES_CENTRED = """KẾ HOẠCH
Cải cách hành chính năm 2025

  STT            Nội dung                 Đơn vị chủ trì       Sản phẩm        Thời hạn

  I     CẢI CÁCH THỂ CHẾ

  1     Rà soát văn bản quy phạm      Phòng Tư pháp      Báo cáo rà soát    Quý I/2025
        pháp luật của huyện                              gửi Sở Tư pháp

  2     Công khai quy trình nội bộ    Văn phòng          Quy trình được     Tháng 3/2025
        giải quyết hồ sơ đất          HĐND và UBND       phê duyệt
        đai
III. TỔ CHỨC THỰC HIỆN
"""


def test_cells_are_put_in_their_columns_where_the_names_stand_elsewhere(make_scans: ModuleType) -> None:
    # the names centred over their columns: the columns are where the numbered lines' cells start alike
    assert _rows(make_scans.typeset(NAMES_CENTRED)) == [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Sản phẩm", "Thời hạn"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""],
        [
            "1",
            "Rà soát văn bản quy phạm pháp luật của huyện",
            "Phòng Tư pháp",
            "Báo cáo rà soát gửi Sở Tư pháp",
            "Quý I/2025",
        ],
        [
            "2",
            "Công khai quy trình nội bộ giải quyết hồ sơ đất đai",
            "Văn phòng HĐND và UBND",
            "Quy trình được phê duyệt",
            "Tháng 3/2025",
        ],
    ]


@pytest.mark.parametrize("title", ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "2. Cải cách thủ tục hành chính"])
def test_a_groups_title_on_a_line_of_its_own_between_rows_is_printed_across_the_table(
    make_scans: ModuleType, title: str
) -> None:
    rows = "1\tRà soát văn bản\tPhòng Tư pháp\tQuý I\n" + title + "\n3\tNiêm yết thủ tục\tVăn phòng\tQuý II\n"
    page = make_scans.typeset(HEAD + rows)
    assert page.count('<table class="grid">') == 1  # one table, not two of their own widths
    assert f'<tr><td colspan="4">{title}</td></tr>' in page


def test_a_heading_over_a_table_of_its_own_is_no_groups_title(make_scans: ModuleType) -> None:
    # the near miss: the line after the heading is a header, not a numbered row
    rows = "1\tRà soát văn bản\tPhòng Tư pháp\tQuý I\n2. Bảng thứ hai\nSTT\tNội dung\tChủ trì\tThời gian\n"
    page = make_scans.typeset(HEAD + rows + "1\tSố hóa hồ sơ\tVăn phòng\tQuý III\n")
    assert page.count('<table class="grid">') == 2
    assert "colspan" not in page
