"""Items written "Nhiệm vụ 1:", "Bước 1:" with their fields on lines opened by "+", "→" or "•"."""

from __future__ import annotations

from pathlib import Path

import parplan
from builders import read_lines
from parplan.read.items import _marker

_HEAD = [
    "ỦY BAN NHÂN DÂN",
    "XÃ AN PHÚ",
    "Số: 03/KH-UBND",
    "An Phú, ngày 05 tháng 01 năm 2027",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2027",
    "",
    "I. NHIỆM VỤ",
]


def _read(tmp_path: Path, body: list[str]) -> parplan.Plan:
    return read_lines(tmp_path, [*_HEAD, *body])


def test_step_and_task_marks_number_items() -> None:
    # numbered like "2." but a level of their own: a "Nhiệm vụ 3." under a "3. <area>" heading is its item
    assert _marker("Bước 2: Kiểm tra kết quả") == ("step", "2", "Kiểm tra kết quả")
    assert _marker("Nhiệm vụ 10. Lập danh mục") == ("step", "10", "Lập danh mục")
    assert _marker("→ Chủ trì: Văn phòng")[0] == "dash"
    # a sentence about a task is no numbering: "Nhiệm vụ" without a number, or a number not followed by ":"
    assert _marker("Nhiệm vụ trọng tâm: rà soát")[0] == "text"
    assert _marker("Nhiệm vụ 2 năm 2027 gồm")[0] == "text"


def test_fields_on_arrow_and_bullet_lines_belong_to_their_item(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "Nhiệm vụ 1: Rà soát quy trình nội bộ",
            "→ Chủ trì: Công chức Tư pháp - Hộ tịch",
            "→ Thời gian: Quý II/2027",
            "Nhiệm vụ 2: Số hóa sổ hộ tịch",
            "• Chủ trì: Văn phòng HĐND và UBND xã",
            "• Thời gian: Năm 2027",
        ],
    )
    assert [task.title for task in plan.tasks] == ["Rà soát quy trình nội bộ", "Số hóa sổ hộ tịch"]
    first, second = plan.tasks
    first_lead = plan.responsibility_of(first)
    second_lead = plan.responsibility_of(second)
    assert first_lead is not None
    assert second_lead is not None
    assert "Tư pháp" in str(first_lead.lead)
    assert "Văn phòng HĐND" in str(second_lead.lead)  # the second item's own field, not the first's


def test_a_plus_line_of_prose_is_not_a_field(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "Bước 1: Tổ chức hội nghị triển khai",
            "+ Các bộ phận chuẩn bị báo cáo tham luận.",
            "+ Chủ trì: Văn phòng HĐND và UBND xã",
        ],
    )
    leads = [plan.responsibility_of(task) for task in plan.tasks]
    # the prose line is never taken for a lead or a time
    assert all(lead is None or "chuẩn bị" not in str(lead.lead) for lead in leads)
    assert all(plan.timeframe_of(task) is None for task in plan.tasks)
