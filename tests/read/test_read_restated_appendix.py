"""An appendix table that restates the body's tasks: each task read once, the table filling what the prose left out."""

from __future__ import annotations

import parplan

HEAD = (
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN PHÚ",
    "Số: 08/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Tân Phú, ngày 09 tháng 01 năm 2024",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2024",
    "I. NHIỆM VỤ",
)
BODY = (
    "1. Rà soát, công bố danh mục thủ tục hành chính của xã.",
    "2. Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực.",
    "3. Tổ chức đối thoại với người dân về thủ tục hành chính (Văn phòng - Thống kê; Quý III/2024).",
    "4. Tuyên truyền về dịch vụ công trực tuyến tại các thôn.",
)
TABLE_HEAD = (
    "PHỤ LỤC",
    "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |",
    "|---|---|---|---|",
)


def _read(rows: tuple[str, ...]) -> parplan.Plan:
    plan = parplan.read_text("\n".join((*HEAD, *BODY, "", *TABLE_HEAD, *rows)), name="tan-phu.md").plan
    assert plan is not None
    return plan


def test_a_table_restating_the_body_is_folded_into_its_tasks() -> None:
    plan = _read(
        (
            "| 1 | Rà soát, công bố danh mục thủ tục hành chính của xã | Văn phòng - Thống kê | Quý I/2024 |",
            "| 2 | Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực | Tư pháp - Hộ tịch | Cả năm |",
            "| 3 | Tổ chức đối thoại với người dân về thủ tục hành chính | Địa chính - Xây dựng | Quý III/2024 |",
            "| 4 | Tuyên truyền về dịch vụ công trực tuyến tại các thôn | Văn hóa - Xã hội | Quý II/2024 |",
        )
    )
    assert [task.id for task in plan.tasks] == ["I.1", "I.2", "I.3", "I.4"]
    first = plan.tasks[0]
    assert first.lead is not None
    assert first.lead.label == "Văn phòng - Thống kê"
    assert first.timeframe is not None
    assert first.timeframe.text == "Quý I/2024"
    sources = {source.path: source for source in plan.sources}
    assert sources["$.tasks[0].responsibility"].origin is not None
    assert sources["$.tasks[0].responsibility"].origin.table is not None  # the lead's source is the table's cell
    assert sources["$.tasks[0].title"].origin is not None
    assert sources["$.tasks[0].title"].origin.table is None  # the title's is the body's line
    # the body's own lead stays; its source doubts it, since the table names another
    third = plan.tasks[2]
    assert third.lead is not None
    assert third.lead.label == "Văn phòng - Thống kê"
    assert any("says otherwise" in doubt for doubt in sources["$.tasks[2].responsibility"].doubts)
    assert all("says otherwise" not in doubt for doubt in sources["$.tasks[2].timeframe"].doubts)  # both: Quý III
    assert all(not path.startswith("$.tasks[4]") for path in sources)


def test_a_table_repeating_a_few_tasks_of_the_body_keeps_both() -> None:
    plan = _read(
        (
            "| 1 | Rà soát, công bố danh mục thủ tục hành chính của xã | Văn phòng - Thống kê | Quý I/2024 |",
            "| 2 | Cập nhật hồ sơ cán bộ, công chức trên phần mềm quản lý | Nội vụ | Quý II/2024 |",
            "| 3 | Kiểm tra việc thực hiện quy chế chi tiêu nội bộ | Tài chính - Kế toán | Quý IV/2024 |",
        )
    )
    assert len(plan.tasks) == 7
    titles = [task.title.rstrip(".") for task in plan.tasks]
    assert titles.count("Rà soát, công bố danh mục thủ tục hành chính của xã") == 2
