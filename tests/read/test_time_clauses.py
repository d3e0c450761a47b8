"""A time in a clause closing a task's sentence after a comma, with its verb: "…, thực hiện thường xuyên."."""

from __future__ import annotations

import pytest

import parplan

HEAD = """UBND TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND HUYỆN NAM ĐÀN\tĐộc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND\tNam Đàn, ngày 20 tháng 01 năm 2022

KẾ HOẠCH
Cải cách hành chính năm 2022

II. NHIỆM VỤ
"""


@pytest.mark.parametrize(
    ("item", "time"),
    [
        (
            "a) Phòng Tư pháp chủ trì rà soát văn bản quy phạm pháp luật, thực hiện thường xuyên.",
            "thực hiện thường xuyên",
        ),
        ("b) Phòng Nội vụ chủ trì kiểm tra công vụ, thực hiện trong cả năm 2022.", "thực hiện trong cả năm 2022"),
        (
            "c) Văn phòng HĐND và UBND huyện cập nhật thủ tục hành chính, triển khai từ quý II/2022.",
            "triển khai từ quý II/2022",
        ),
    ],
)
def test_the_closing_clause_is_the_time(item: str, time: str) -> None:
    plan = parplan.read_text(HEAD + item + "\n", name="nam-dan.txt").plan
    assert plan is not None
    timeframe = plan.timeframe_of(plan.tasks[0])
    assert timeframe is not None
    assert timeframe.text == time


def test_a_clause_that_names_no_time_is_no_time() -> None:
    item = "a) Phòng Tư pháp chủ trì rà soát văn bản, thực hiện theo chức năng, nhiệm vụ được giao.\n"
    plan = parplan.read_text(HEAD + item, name="nam-dan.txt").plan
    assert plan is not None
    assert plan.timeframe_of(plan.tasks[0]) is None
