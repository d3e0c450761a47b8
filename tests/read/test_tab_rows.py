"""Tab tables whose cells hold line breaks, as Word's plain-text export writes them: one row over several lines."""

from __future__ import annotations

import pytest

import parplan
from builders import tasks_as_read
from parplan.read.lines import TextLine, tab_rows

HEAD = """UBND TỈNH QUẢNG BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ XÂY DỰNG\tĐộc lập - Tự do - Hạnh phúc
Số: 21/KH-SXD\tQuảng Bình, ngày 15 tháng 01 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

I. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

PHỤ LỤC
NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025
"""

APPENDIX = [
    "STT\tNội dung nhiệm vụ\tĐơn vị",
    "chủ trì\tĐơn vị",
    "phối hợp\tThời gian",
    "hoàn thành",
    "I\tCải cách thể chế\t\t\t",
    "1\tRà soát văn bản quy phạm pháp luật",
    "lĩnh vực xây dựng\tThanh tra Sở\tVăn phòng Sở\tQuý II/2025",
    "2\tXây dựng quy chế phối hợp quản lý\tPhòng Quản lý",
    "nhà và thị trường",
    "bất động sản\tVăn phòng Sở\tQuý III/2025",
    "II\tCải cách thủ tục hành chính\t\t\t",
    "3\tCông khai thủ tục hành chính trên Cổng Dịch vụ công\tVăn phòng Sở\tCác phòng chuyên môn\tThường xuyên",
]
EXPECTED = [
    ("Rà soát văn bản quy phạm pháp luật lĩnh vực xây dựng", "Thanh tra Sở", "Quý II/2025"),
    ("Xây dựng quy chế phối hợp quản lý", "Phòng Quản lý nhà và thị trường bất động sản", "Quý III/2025"),
    ("Công khai thủ tục hành chính trên Cổng Dịch vụ công", "Văn phòng Sở", "Thường xuyên"),
]


def _lines(texts: list[str]) -> list[TextLine]:
    return [TextLine(text, number) for number, text in enumerate(texts, start=1)]


def test_each_row_is_one_line_with_its_breaks_kept_in_its_cells() -> None:
    rows = tab_rows(_lines(APPENDIX))
    assert len(rows) == 6
    assert rows[0].text.split("\t")[2] == "Đơn vị\nchủ trì"
    assert rows[3].number == 8  # a joined row stands where it opens
    assert rows[3].text.split("\t")[2] == "Phòng Quản lý\nnhà và thị trường\nbất động sản"


def test_a_plan_whose_appendix_rows_run_over_lines_is_read_row_by_row() -> None:
    plan = parplan.read_text(HEAD + "\n".join(APPENDIX) + "\n", name="so-xay-dung.txt").plan
    assert plan is not None
    assert tasks_as_read(plan) == EXPECTED


@pytest.mark.parametrize(
    "texts",
    [
        # tabs that do not add up to rows of one width: left as they are
        ["1\tRà soát\tVăn phòng", "2\tKiểm tra", "thêm\tmột\tô\tthừa", "3\tSố hóa\tVăn phòng"],
        # the widest line is no whole row: a row would open with the rest of a cell
        ["TT\tNhiệm vụ\tĐơn vị", "chủ trì\tThời gian", "1\tRà soát thủ tục", "hành chính\tVăn phòng\tQuý I"],
        # every line is a whole row already
        ["TT\tNhiệm vụ\tChủ trì", "1\tRà soát\tVăn phòng", "2\tSố hóa\tBộ phận Một cửa"],
    ],
)
def test_lines_that_are_no_broken_rows_are_left_alone(texts: list[str]) -> None:
    assert [line.text for line in tab_rows(_lines(texts))] == texts
