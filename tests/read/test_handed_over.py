"""A task, the sentence handing it over ("Giao <body> tham mưu thực hiện.") and its time, as three sentences."""

from __future__ import annotations

import pytest

import parplan

HEAD = """UBND HUYỆN THANH CHƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND XÃ THANH LĨNH\tĐộc lập - Tự do - Hạnh phúc
Số: 09/KH-UBND\tThanh Lĩnh, ngày 12 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024

II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
"""


@pytest.mark.parametrize(
    ("item", "title", "leads", "time"),
    [
        (
            (
                "1.1. Rà soát thủ tục hành chính thuộc thẩm quyền của xã. Giao công chức Tư pháp - Hộ tịch tham mưu"
                " thực hiện. Thời gian thực hiện: Quý II/2024."
            ),
            "Rà soát thủ tục hành chính thuộc thẩm quyền của xã.",
            ["công chức Tư pháp - Hộ tịch"],
            "Quý II/2024.",
        ),
        (
            (
                "1.2. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa. Giao Văn phòng - Thống kê thực hiện."
                " Thời hạn: Thường xuyên."
            ),
            "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.",
            ["Văn phòng - Thống kê"],
            "Thường xuyên.",
        ),
        (
            (
                "1.3. Liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi. Giao công"
                " chức Tư pháp - Hộ tịch và Công an xã tham mưu thực hiện. Thời gian thực hiện: Cả năm."
            ),
            "Liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi.",
            ["công chức Tư pháp - Hộ tịch", "Công an xã"],
            "Cả năm.",
        ),
    ],
)
def test_the_body_a_task_is_handed_to_leads_it(item: str, title: str, leads: list[str], time: str) -> None:
    plan = parplan.read_text(HEAD + item + "\n", name="thanh-linh.txt").plan
    assert plan is not None
    (task,) = plan.tasks
    responsibility = plan.responsibility_of(task)
    timeframe = plan.timeframe_of(task)
    assert task.title == title
    assert responsibility is not None
    assert responsibility.lead is not None
    assert [member.label for member in getattr(responsibility.lead, "members", (responsibility.lead,))] == leads
    assert timeframe is not None
    assert (timeframe.text or "").rstrip(".") == time.rstrip(".")


def test_handing_over_no_one_is_no_assignment() -> None:
    plan = parplan.read_text(HEAD + "1.1. Rà soát văn bản. Giao nhiệm vụ cho các thôn.\n", name="thanh-linh.txt").plan
    assert plan is not None
    responsibility = plan.responsibility_of(plan.tasks[0])
    assert responsibility is None or responsibility.lead is None
