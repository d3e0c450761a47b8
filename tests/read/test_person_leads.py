"""Named persons as a table's leads ("Đ/c …", "BS. …", "ThS. …", with or without a post): the person, as written."""

from __future__ import annotations

import parplan
from parplan.org import JointParty, Official, Organisation, SingleParty


def _leads(rows: list[str]) -> list[SingleParty | JointParty | None]:
    text = "\n".join(["TRƯỜNG THPT CHU VĂN AN", "KẾ HOẠCH", "Cải cách hành chính năm 2026", "", *rows, ""])
    plan = parplan.read_text(text, name="ke-hoach.txt").plan
    assert plan is not None
    found: list[SingleParty | JointParty | None] = []
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None, task.title
        found.append(responsibility.lead)
    return found


def test_a_comrade_and_their_post_after_a_comma_is_one_person() -> None:
    leads = _leads(
        [
            "TT\tNội dung\tNgười thực hiện\tThời gian",
            "1\tCập nhật quy chế dân chủ\tĐ/c Vương Thị Nga, Phó Hiệu trưởng\tTháng 9/2026",
            "2\tCông khai thu chi\tĐ/c Lò Văn Sáu, Kế toán\tHằng quý",
        ]
    )
    assert all(isinstance(lead, Official) for lead in leads)
    first = leads[0]
    assert isinstance(first, Official)
    assert first.name == "Vương Thị Nga"
    assert first.position == "Phó Hiệu trưởng"


def test_a_person_after_their_degree_is_a_person_in_a_pipe_table() -> None:
    leads = _leads(
        [
            "| TT | Nhiệm vụ | Người chủ trì | Thời hạn |",
            "|---|---|---|---|",
            "| 1 | Số hóa học bạ | ThS. Hà Minh Đức | Quý I/2026 |",
            "| 2 | Khảo sát phụ huynh | CN. Kim Thị Hạnh – Tổ trưởng Văn phòng | Tháng 5/2026 |",
        ]
    )
    assert [type(lead) for lead in leads] == [Official, Official]
    assert [lead.label for lead in leads if isinstance(lead, Official)] == [
        "ThS. Hà Minh Đức",
        "CN. Kim Thị Hạnh, Tổ trưởng Văn phòng",
    ]


def test_two_comrades_in_one_cell_stay_two_and_a_body_stays_a_body() -> None:
    leads = _leads(
        [
            "TT\tNội dung\tNgười thực hiện\tThời gian",
            "1\tRà soát hồ sơ\tĐ/c Vương Thị Nga, Đ/c Lò Văn Sáu\tTháng 9/2026",
            "2\tCông khai thu chi\tTổ Văn phòng\tHằng quý",
        ]
    )
    assert isinstance(leads[0], JointParty)  # two persons
    assert isinstance(leads[1], Organisation)


def test_a_field_line_naming_who_is_in_charge() -> None:
    """ "Phụ trách: đ/c <name>, <post>; thời gian: …" under an item: the person with their post leads it."""
    leads = _leads(
        [
            "II. NHIỆM VỤ",
            "1.1. Rà soát thủ tục hành chính thuộc thẩm quyền của thị trấn.",
            "Phụ trách: đ/c Lò Văn Hùng, công chức Văn phòng - Thống kê; thời gian: Tháng 3/2026.",
            "1.2. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.",
            "Người phụ trách: đồng chí Pờ Thị Lan, công chức Tư pháp - Hộ tịch; thời gian: Cả năm.",
            "1.3. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (Phụ trách: Văn phòng - Thống kê; quý II/2026).",
        ]
    )
    labels = [lead.label if lead is not None else None for lead in leads]
    assert labels == [
        "đ/c Lò Văn Hùng, công chức Văn phòng - Thống kê",
        "đồng chí Pờ Thị Lan, công chức Tư pháp - Hộ tịch",
        "Văn phòng - Thống kê",
    ]
