"""A matrix of bodies: columns named by bodies, each row marking its lead ("CT", "x") and partners ("PH")."""

from __future__ import annotations

import parplan
from parplan.plan import Plan
from parplan.read.reading import Reading


def _read(rows: list[str]) -> tuple[Plan, Reading]:
    text = "\n".join(["ỦY BAN NHÂN DÂN", "PHƯỜNG AN HÒA", "KẾ HOẠCH", "Cải cách hành chính năm 2027", "", *rows, ""])
    reading = parplan.read_text(text, name="ke-hoach.txt")
    assert reading.plan is not None
    return reading.plan, reading


def _who(plan: Plan) -> list[tuple[str, list[str]]]:
    found = []
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None, task.title
        found.append((str(responsibility.lead), [str(one) for one in responsibility.coordinating]))
    return found


def test_bodies_named_under_a_merged_heading_give_lead_and_partners() -> None:
    plan, _ = _read(
        [
            "STT\tNội dung công việc\tĐơn vị thực hiện\t\t\tThời hạn",
            "\t\tCông chức Tư pháp - Hộ tịch\tCông chức Văn phòng - Thống kê\tCác tổ dân phố\t",
            "1\tNiêm yết TTHC tại Bộ phận một cửa\tPH\tCT\t\tQuý I/2027",
            "2\tTuyên truyền dịch vụ công trực tuyến\tPhối hợp\t\tChủ trì\tCả năm",
        ]
    )
    who = _who(plan)
    assert len(who) == 2
    assert "Văn phòng - Thống kê" in who[0][0]
    assert len(who[0][1]) == 1
    assert "Tư pháp - Hộ tịch" in who[0][1][0]
    assert "Các tổ dân phố" in who[1][0]


def test_bodies_in_the_header_row_itself_and_crosses_as_leads() -> None:
    plan, _ = _read(
        [
            "TT | Nhiệm vụ | Văn phòng | Phòng Nội vụ | Phòng Tư pháp | Thời gian",
            "1 | Rà soát quy chế làm việc | x |  |  | Quý II/2027",
            "2 | Kiểm tra công vụ | PH | CT | PH | Quý III/2027",
        ]
    )
    who = _who(plan)
    assert "Văn phòng" in who[0][0]
    assert who[0][1] == []
    assert "Phòng Nội vụ" in who[1][0]
    assert len(who[1][1]) == 2


def test_several_crosses_and_no_ct_are_leads_read_with_a_doubt() -> None:
    plan, reading = _read(
        [
            "TT | Nhiệm vụ | Văn phòng | Phòng Nội vụ | Thời gian",
            "1 | Rà soát quy chế làm việc | x | x | Quý II/2027",
            "2 | Kiểm tra công vụ |  | x | Quý III/2027",
        ]
    )
    source = next(s for s in reading.plan.sources if s.path.endswith("].responsibility")) if reading.plan else None
    assert source is not None
    assert source.confidence is not None
    assert source.confidence < 0.9
    assert any("several bodies" in doubt for doubt in source.doubts)
    assert len(plan.tasks) == 2


def test_one_column_of_crosses_is_no_matrix() -> None:
    plan, _ = _read(
        [
            "TT | Nhiệm vụ | Đơn vị chủ trì | Đã xong | Thời gian",
            "1 | Rà soát quy chế làm việc | Văn phòng | x | Quý II/2027",
            "2 | Kiểm tra công vụ | Phòng Nội vụ |  | Quý III/2027",
        ]
    )
    who = _who(plan)
    assert "Văn phòng" in who[0][0]
    assert "Phòng Nội vụ" in who[1][0]


def test_a_number_over_its_sub_numbers_is_a_group_not_a_task() -> None:
    plan, _ = _read(
        [
            "TT | Nhiệm vụ | Văn phòng | Phòng Nội vụ | Thời gian",
            "1 | Nhóm 1: Công khai, minh bạch |  |  | ",
            "1.1 | Niêm yết quy hoạch | CT | PH | Quý II/2027",
            "1.2 | Công khai thu chi | PH | CT | Hằng quý",
            "2 | Đối thoại với người dân | CT |  | Tháng 6/2027",
        ]
    )
    titles = [task.title for task in plan.tasks]
    assert titles == ["Niêm yết quy hoạch", "Công khai thu chi", "Đối thoại với người dân"]
