"""A column of who follows or supervises the work ("Lãnh đạo phụ trách", "Người giám sát") is not the lead."""

from __future__ import annotations

import pytest

import parplan
from parplan.io.headings import heading_role


@pytest.mark.parametrize(
    "heading",
    ["Lãnh đạo phụ trách", "Người giám sát", "Phó Hiệu trưởng theo dõi", "Lãnh đạo Sở chỉ đạo, theo dõi", "Đôn đốc"],
)
def test_an_overseer_heading_is_not_the_lead(heading: str) -> None:
    assert heading_role(heading) == ("overseer", True)


@pytest.mark.parametrize("heading", ["Phụ trách", "Đơn vị phụ trách", "Đơn vị chủ trì, theo dõi", "Người thực hiện"])
def test_a_doer_heading_stays_the_lead(heading: str) -> None:
    assert heading_role(heading) == ("lead", True)


def test_the_overseer_column_before_the_doers_gives_no_lead() -> None:
    text = "\n".join(  # noqa: FLY002 - one line of the plan a line here
        [
            "TRƯỜNG CAO ĐẲNG Y TẾ BẠC LIÊU",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026",
            "PHỤ LỤC",
            "TT\tNội dung\tLãnh đạo phụ trách\tĐơn vị thực hiện\tThời hạn",
            "1\tRà soát quy chế chi tiêu nội bộ\tPhó Hiệu trưởng Lê Thị Hoa\tP.TCKT\tQuý I/2026",
            "2\tCông khai quy trình tuyển sinh\tHiệu trưởng\tP. ĐT\tTháng 4/2026",
            "",
        ]
    )
    plan = parplan.read_text(text, name="ke-hoach.txt").plan
    assert plan is not None
    leads = []
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None
        leads.append(str(responsibility.lead))
    assert len(leads) == 2
    assert "TCKT" in leads[0]
    assert "ĐT" in leads[1]
    assert not any("Hiệu trưởng" in lead for lead in leads)
