"""A task table's columns known by their headings' wording and, where a heading is missing, by their cells."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import parplan
from parplan.plan import Plan
from parplan.read.reading import Reading

_HEAD = [
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "XÃ AN PHÚ\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 14/KH-UBND\tAn Phú, ngày 09 tháng 02 năm 2026",
    "",
    "KẾ HOẠCH",
]
_TAIL = ["", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Lưu: VT.\tCHỦ TỊCH", "\tNguyễn Văn Tâm"]


def _read(folder: Path, title: str, table: Sequence[str]) -> tuple[Reading, Plan]:
    path = folder / "plan.txt"
    lines = [*_HEAD, title, "", "I. NHIỆM VỤ", *table, *_TAIL, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    reading = parplan.read(path)
    assert reading.plan is not None
    return reading, reading.plan


def _source(plan: Plan, index: int, field: str) -> parplan.FieldSource:
    return next(source for source in plan.sources if source.path == f"$.tasks[{index}].{field}")


def _lead(plan: Plan, index: int) -> str | None:
    responsibility = plan.responsibility_of(plan.tasks[index])
    return None if responsibility is None or responsibility.lead is None else responsibility.lead.label


def _time(plan: Plan, index: int) -> str | None:
    timeframe = plan.timeframe_of(plan.tasks[index])
    return None if timeframe is None else timeframe.text


def _partners(plan: Plan, index: int) -> list[str]:
    responsibility = plan.responsibility_of(plan.tasks[index])
    return [] if responsibility is None else [party.label for party in responsibility.coordinating]


_REMEDIAL = [
    "STT\tTiêu chí\tNội dung bị trừ điểm\tGiải pháp khắc phục\tThời hạn\tĐơn vị thực hiện\tGhi chú",
    (
        "1\t3.1\tCông khai thủ tục chưa đầy đủ\tNiêm yết lại toàn bộ thủ tục tại Bộ phận Một cửa\tQuý I/2026"
        "\tCông chức Văn phòng - Thống kê\tPhối hợp Công chức Tư pháp - Hộ tịch"
    ),
    (
        "2\t6.2\tChưa có cuộc đối thoại nào\tTổ chức đối thoại với người dân về đất đai\tTháng 8/2026"
        "\tCông chức Địa chính - Xây dựng\tCó thể lồng ghép với tiếp xúc cử tri"
    ),
]


def test_a_remedial_tables_task_is_its_remedy_whatever_the_order(tmp_path: Path) -> None:
    _, plan = _read(tmp_path, "Khắc phục hạn chế Chỉ số cải cách hành chính năm 2025", _REMEDIAL)
    assert [task.title for task in plan.tasks] == [
        "Niêm yết lại toàn bộ thủ tục tại Bộ phận Một cửa",
        "Tổ chức đối thoại với người dân về đất đai",
    ]
    assert [_lead(plan, 0), _time(plan, 0)] == ["Công chức Văn phòng - Thống kê", "Quý I/2026"]
    assert [_lead(plan, 1), _time(plan, 1)] == ["Công chức Địa chính - Xây dựng", "Tháng 8/2026"]


def test_a_note_naming_a_partner_gives_it_with_a_doubt_and_another_note_gives_nothing(tmp_path: Path) -> None:
    _, plan = _read(tmp_path, "Khắc phục hạn chế Chỉ số cải cách hành chính năm 2025", _REMEDIAL)
    assert _partners(plan, 0) == ["Công chức Tư pháp - Hộ tịch"]
    noted = _source(plan, 0, "responsibility.coordinating")
    assert noted.doubts
    assert noted.confidence is not None
    assert noted.confidence < Decimal("0.9")
    assert _partners(plan, 1) == []
    assert _lead(plan, 1) == "Công chức Địa chính - Xây dựng"


def test_a_note_phoi_hop_naming_no_body_gives_no_partner(tmp_path: Path) -> None:
    table = [
        "TT\tNhiệm vụ\tChủ trì\tThời gian\tGhi chú",
        "1\tThu phí chứng thực không dùng tiền mặt\tCông chức Tư pháp - Hộ tịch\tThường xuyên\tPhối hợp ngân hàng",
    ]
    _, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert _partners(plan, 0) == []


_BARE = [
    "TT | Nội dung | Sản phẩm | Thời gian | Người thực hiện | Ghi chú",
    "I | CẢI CÁCH THỂ CHẾ | | | |",
    "1 | Rà soát văn bản quy phạm pháp luật của xã | Báo cáo rà soát | Tháng 5/2026 | Công chức Tư pháp - Hộ tịch |",
    "II | HIỆN ĐẠI HÓA HÀNH CHÍNH | | | |",
    (
        "2 | Cập nhật văn bản trên phần mềm quản lý văn bản | Dữ liệu phần mềm | Hằng ngày"
        " | Công chức Văn phòng - Thống kê | Phó Chủ tịch UBND xã kiểm tra"
    ),
]


def test_a_bare_bar_table_with_output_and_time_before_the_lead(tmp_path: Path) -> None:
    reading, plan = _read(tmp_path, "Cải cách hành chính năm 2026", _BARE)
    assert [task.title for task in plan.tasks] == [
        "Rà soát văn bản quy phạm pháp luật của xã",
        "Cập nhật văn bản trên phần mềm quản lý văn bản",
    ]
    assert [task.outputs for task in plan.tasks] == [("Báo cáo rà soát",), ("Dữ liệu phần mềm",)]
    assert [_time(plan, 0), _time(plan, 1)] == ["Tháng 5/2026", "Hằng ngày"]
    # the note naming a checker is neither a lead nor a partner
    assert [_lead(plan, 1), _partners(plan, 1)] == ["Công chức Văn phòng - Thống kê", []]
    assert not [doubt for doubt in reading.doubts if "column" in doubt]


def test_a_column_without_a_heading_is_known_by_its_times_with_a_doubt(tmp_path: Path) -> None:
    table = [
        "STT\tNhiệm vụ\tCăn cứ\tSản phẩm\t\tChủ trì",
        "1\tRà soát quy chế một cửa\tQuyết định số 12/QĐ-UBND\tQuy chế sửa đổi\tQuý II/2026\tVăn phòng HĐND và UBND",
        "2\tKhảo sát sự hài lòng\tKế hoạch của huyện\tBáo cáo khảo sát\tTháng 10/2026\tCông chức Văn hóa - Xã hội",
    ]
    reading, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert [_time(plan, 0), _time(plan, 1)] == ["Quý II/2026", "Tháng 10/2026"]
    guessed = _source(plan, 0, "timeframe")
    assert guessed.doubts
    assert guessed.confidence is not None
    assert guessed.confidence < Decimal("0.9")
    assert any("column 5" in doubt for doubt in reading.doubts)
    # the extra column ("Căn cứ") is neither the time nor the lead
    assert _lead(plan, 0) == "Văn phòng HĐND và UBND"


def test_a_column_of_mixed_cells_is_not_guessed(tmp_path: Path) -> None:
    table = [
        "STT\tNhiệm vụ\tChủ trì\t",
        "1\tRà soát quy chế một cửa\tVăn phòng HĐND và UBND\tQuý II/2026",
        "2\tKhảo sát sự hài lòng\tCông chức Văn hóa - Xã hội\tcần thêm kinh phí từ ngân sách huyện",
    ]
    reading, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert [_time(plan, 0), _time(plan, 1)] == [None, None]
    assert not any("column 4" in doubt for doubt in reading.doubts)


def test_a_column_of_bodies_beside_the_lead_is_known_as_the_partners(tmp_path: Path) -> None:
    table = [
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị liên quan\tThời hạn",
        "1\tSố hóa hồ sơ hộ tịch\tCông chức Tư pháp - Hộ tịch\tBộ phận Một cửa\tQuý III/2026",
        "2\tCông khai ngân sách xã\tCông chức Tài chính - Kế toán\tVăn phòng HĐND và UBND\tTháng 7/2026",
    ]
    _, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert _partners(plan, 0) == ["Bộ phận Một cửa"]
    guessed = _source(plan, 0, "responsibility")
    assert guessed.confidence is not None
    assert guessed.confidence < Decimal("0.9")


_SCHEDULE = [
    "TT\tĐơn vị được kiểm tra\tThời gian\tĐịa điểm",
    "1\tThôn Đông\tSáng 12/5/2026\tNhà văn hóa thôn",
    "2\tThôn Tây\tChiều 12/5/2026\tNhà văn hóa thôn",
]


def test_an_inspections_schedule_is_no_task_and_no_doubt(tmp_path: Path) -> None:
    reading, plan = _read(tmp_path, "Kiểm tra công tác cải cách hành chính năm 2026", _SCHEDULE)
    assert plan.tasks == ()
    assert not any("no column of tasks" in doubt for doubt in reading.doubts)


def test_the_same_schedule_in_another_plan_is_doubted(tmp_path: Path) -> None:
    reading, plan = _read(tmp_path, "Cải cách hành chính năm 2026", _SCHEDULE)
    assert plan.tasks == ()
    assert any("no column of tasks" in doubt for doubt in reading.doubts)


def test_a_bare_bar_row_opening_with_a_bar_keeps_its_empty_first_cell(tmp_path: Path) -> None:
    table = [
        "TT | Nhiệm vụ | Chủ trì | Thời hạn",
        "1 | Rà soát thủ tục hành chính đất đai | Công chức Địa chính - Xây dựng | Quý II/2026",
        " | Công khai kết quả rà soát trên bảng tin | Công chức Văn phòng - Thống kê | Tháng 7/2026",
    ]
    _, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert [task.title for task in plan.tasks] == [
        "Rà soát thủ tục hành chính đất đai",
        "Công khai kết quả rà soát trên bảng tin",
    ]
    assert [_lead(plan, 1), _time(plan, 1)] == ["Công chức Văn phòng - Thống kê", "Tháng 7/2026"]


def test_a_header_naming_the_task_and_one_more_is_read_when_the_cells_name_the_rest(tmp_path: Path) -> None:
    table = [
        "\tNội dung\tGiao cho\tThời hạn",
        "1\tCập nhật danh mục thủ tục hành chính\tCông chức Văn phòng - Thống kê\tQuý I/2026",
        "2\tTổ chức đối thoại với thanh niên\tĐoàn Thanh niên xã\tTháng 3/2026",
    ]
    reading, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert [task.title for task in plan.tasks] == [
        "Cập nhật danh mục thủ tục hành chính",
        "Tổ chức đối thoại với thanh niên",
    ]
    assert [_lead(plan, 1), _time(plan, 1)] == ["Đoàn Thanh niên xã", "Tháng 3/2026"]
    assert _source(plan, 1, "responsibility").doubts
    assert any("read as the lead" in doubt for doubt in reading.doubts)


def test_a_header_naming_the_task_and_one_more_over_plain_text_is_no_table_of_tasks(tmp_path: Path) -> None:
    table = [
        "Nội dung\tThời gian\tGhi nhận",
        "Hội nghị sơ kết\tTháng 6/2026\tđã tổ chức đúng kế hoạch",
        "Hội nghị tổng kết\tTháng 12/2026\tchuẩn bị tài liệu từ tháng 11",
    ]
    reading, plan = _read(tmp_path, "Cải cách hành chính năm 2026", table)
    assert plan.tasks == ()
    assert any("no column of tasks" in doubt for doubt in reading.doubts)
