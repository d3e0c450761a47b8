"""A task's field slot read by one reader, whatever its order and labels, and where it must stay silent."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from builders import read_lines
from parplan import Task
from parplan.read.slots import leading_slot, read_slot
from parplan.source import Certainty

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parents[1] / "cases" / "slots.toml").read_text(encoding="utf-8")
)["case"]

HEAD = [
    "ỦY BAN NHÂN DÂN HUYỆN KRÔNG BÔNG",
    "ỦY BAN NHÂN DÂN XÃ HÒA SƠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 07/KH-UBND",
    "Hòa Sơn, ngày 15 tháng 01 năm 2024",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2024",
    "",
    "I. NHIỆM VỤ",
    "1. Cải cách thủ tục hành chính",
]
TAIL = [
    "",
    "Nơi nhận:",
    "- UBND huyện;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Y Kim Êban",
]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_a_slot(case: dict[str, Any]) -> None:
    slot = read_slot(case["text"])
    if not case.get("slot", True):
        assert slot is None
        return
    assert slot is not None
    assert [p.label for p in slot.lead] == case.get("lead", [])
    assert [p.label for p in slot.coordinating] == case.get("partners", [])
    assert slot.time == case.get("time")
    assert slot.lead_labelled == case.get("lead_labelled", False)
    assert slot.time_labelled == case.get("time_labelled", False)
    assert slot.time_read == case.get("time_read", True)
    assert slot.lead_sure == case.get("sure", True)


def test_a_slot_opening_a_task_gives_its_time_a_label_that_is_no_time_is_not_one() -> None:
    opening = leading_slot("Quý III/2024: Tổ chức đối thoại với người dân (Chủ tịch UBND xã).")
    assert opening is not None
    assert opening[0].time == "Quý III/2024"
    assert opening[1] == "Tổ chức đối thoại với người dân (Chủ tịch UBND xã)."
    opening = leading_slot("Hằng quý, Văn phòng - Thống kê: Tổng hợp báo cáo kết quả.")
    assert opening is not None
    assert [p.label for p in opening[0].lead] == ["Văn phòng - Thống kê"]
    assert leading_slot("Mục tiêu: Giảm 20% hồ sơ trễ hạn.") is None
    assert leading_slot("Bộ phận Một cửa: Tiếp nhận hồ sơ trực tuyến.") is None  # a body alone: a lead label
    assert leading_slot("Trong thời gian tới: Tiếp tục rà soát.") is None  # a time the parser cannot read


def _leads(task: Task) -> list[str]:
    """The labels of a task's own leads (one or several), none when it names none."""
    lead = task.responsibility.lead if task.responsibility is not None else None
    return [p.label for p in getattr(lead, "members", (lead,))] if lead is not None else []


def _partners(task: Task) -> list[str]:
    return [p.label for p in task.responsibility.coordinating] if task.responsibility is not None else []


def _time(task: Task) -> str | None:
    return task.timeframe.text if task.timeframe is not None else None


def _sources(plan: Any, index: int) -> dict[str, Any]:
    return {s.path.rsplit(".", 1)[-1]: s for s in plan.sources if s.path.startswith(f"$.tasks[{index}].")}


def test_slots_in_a_plan_are_cut_off_the_title_and_a_labelled_field_is_surer(tmp_path: Path) -> None:
    plan = read_lines(
        tmp_path,
        [
            *HEAD,
            "a) Niêm yết thủ tục hành chính mới công bố (Bộ phận Một cửa; tháng 3/2024).",
            "b) Khảo sát sự hài lòng của người dân (Chủ trì: công chức Văn phòng - Thống kê; thời gian: quý III/2024).",
            "c) Hằng tháng: Cập nhật hồ sơ trực tuyến lên hệ thống (công chức Tư pháp - Hộ tịch, Công an xã).",
            *TAIL,
        ],
    )
    first, second, third = plan.tasks
    assert first.title == "Niêm yết thủ tục hành chính mới công bố."
    assert second.title == "Khảo sát sự hài lòng của người dân."
    assert third.title == "Cập nhật hồ sơ trực tuyến lên hệ thống."
    assert _leads(third) == ["công chức Tư pháp - Hộ tịch", "Công an xã"]
    assert _time(third) == "Hằng tháng"
    bare, labelled = _sources(plan, 0), _sources(plan, 1)
    assert labelled["responsibility"].confidence > bare["responsibility"].confidence
    assert labelled["timeframe"].confidence > bare["timeframe"].confidence


def test_a_time_the_parser_cannot_read_stays_doubtful_and_a_citation_stays_in_the_title(tmp_path: Path) -> None:
    plan = read_lines(
        tmp_path,
        [
            *HEAD,
            "a) Giải quyết hồ sơ chứng thực đúng hạn (công chức Tư pháp - Hộ tịch; trong thời hạn luật định).",
            "b) Sử dụng chữ ký số trong gửi nhận văn bản (theo Quyết định số 25/QĐ-UBND của UBND huyện).",
            "c) Triển khai các nhiệm vụ của Đề án 06 (Bộ Công an).",
            *TAIL,
        ],
    )
    unread, cited, qualified = plan.tasks
    # a bracket naming one body that carries out no local task qualifies the title: no lead
    assert qualified.title == "Triển khai các nhiệm vụ của Đề án 06 (Bộ Công an)."
    assert qualified.responsibility is None
    assert unread.title == "Giải quyết hồ sơ chứng thực đúng hạn."
    assert unread.timeframe is None
    time = _sources(plan, 0)["timeframe"]
    assert time.certainty is Certainty.UNCERTAIN
    assert time.confidence < Decimal("0.6")
    assert time.doubts
    assert cited.title.endswith("(theo Quyết định số 25/QĐ-UBND của UBND huyện).")
    assert cited.responsibility is None
    assert cited.timeframe is None


def test_a_field_line_after_a_paragraph_is_its_own_and_no_task(tmp_path: Path) -> None:
    plan = read_lines(
        tmp_path,
        [
            *HEAD[:-1],
            "1. Cải cách thủ tục hành chính",
            "Rà soát quy trình nội bộ giải quyết thủ tục hành chính.",
            "*Tham mưu thực hiện: Văn phòng HĐND và UBND xã; phối hợp: Công an xã; thời hạn: tháng 6/2024.*",
            "Công khai kết quả giải quyết hồ sơ trên bảng điện tử.",
            "*Người thực hiện: Bộ phận Một cửa; thời hạn: hằng tháng.*",
            "2. Hiện đại hóa hành chính",
            "Chủ trì: công chức Văn hóa - Xã hội.",
            "Cập nhật Trang thông tin điện tử của xã.",
            "Hướng dẫn người dân cài đặt ứng dụng định danh điện tử.",
            *TAIL,
        ],
    )
    titles = [t.title for t in plan.tasks]
    assert not any("thực hiện:" in t or "Chủ trì" in t for t in titles)
    first, second, third, fourth = plan.tasks
    assert _leads(first) == ["Văn phòng HĐND và UBND xã"]
    assert _partners(first) == ["Công an xã"]
    assert _time(first) == "tháng 6/2024"
    assert _leads(second) == ["Bộ phận Một cửa"]
    assert _time(second) == "hằng tháng"
    # the line under the heading, before two paragraphs, is the group's: both take its lead
    for task in (third, fourth):
        assert task.responsibility is None
        group = plan.responsibility_of(task)
        assert group is not None
        assert group.lead is not None
        assert group.lead.label == "công chức Văn hóa - Xã hội"


def test_a_field_line_parted_by_a_dash_keeps_a_hyphenated_name(tmp_path: Path) -> None:
    plan = read_lines(
        tmp_path,
        [
            *HEAD[:-2],
            "I. TỔ CHỨC THỰC HIỆN",
            "1. Bố trí kinh phí cho Đoàn kiểm tra.",
            "Trách nhiệm: Phòng Tài chính - Kế hoạch – Thời hạn: trước ngày 30/4/2024.",
            "2. Khắc phục tồn tại sau kiểm tra.",
            "Thời hạn: trong 15 ngày kể từ ngày nhận kết luận – Trách nhiệm: Các xã được kiểm tra.",
            *TAIL,
        ],
    )
    first, second = plan.tasks
    assert _leads(first) == ["Phòng Tài chính - Kế hoạch"]
    assert _time(first) == "trước ngày 30/4/2024"
    assert _leads(second) == ["Các xã được kiểm tra"]
    assert "kể từ ngày nhận kết luận" in (_time(second) or "")


def test_a_slot_after_a_dash_a_semicolon_or_opening_the_task_and_titles_that_are_no_slot(tmp_path: Path) -> None:
    plan = read_lines(
        tmp_path,
        [
            *HEAD,
            "- Cập nhật quy trình nội bộ – Quý II/2024 – công chức Văn phòng - Thống kê.",
            "- Rà soát văn bản; công khai thủ tục; công chức Tư pháp - Hộ tịch; tháng 9/2024.",
            "- Quý IV/2024 – Chủ tịch UBND xã: Đối thoại với người dân về thủ tục hành chính.",
            "- Tuyên truyền trên Đài Truyền thanh, Trang thông tin điện tử xã, hằng tuần.",
            "- Cải cách thể chế – thủ tục – tổ chức bộ máy của xã.",
            *TAIL,
        ],
    )
    dashed, listed, opened, broadcast, heading_like = plan.tasks
    assert (dashed.title, _leads(dashed), _time(dashed)) == (
        "Cập nhật quy trình nội bộ",
        ["công chức Văn phòng - Thống kê"],
        "Quý II/2024",
    )
    assert (listed.title, _leads(listed), _time(listed)) == (
        "Rà soát văn bản; công khai thủ tục",
        ["công chức Tư pháp - Hộ tịch"],
        "tháng 9/2024",
    )
    assert (opened.title, _leads(opened), _time(opened)) == (
        "Đối thoại với người dân về thủ tục hành chính.",
        ["Chủ tịch UBND xã"],
        "Quý IV/2024",
    )
    # no lead among the segments: the title stays whole (its time is read inside it, less sure)
    assert broadcast.title == "Tuyên truyền trên Đài Truyền thanh, Trang thông tin điện tử xã, hằng tuần."
    assert broadcast.responsibility is None
    assert heading_like.title == "Cải cách thể chế – thủ tục – tổ chức bộ máy của xã."
    assert heading_like.responsibility is None
    assert heading_like.timeframe is None


def test_a_slot_on_its_own_line_after_an_item_is_the_items(tmp_path: Path) -> None:
    plan = read_lines(
        tmp_path,
        [
            *HEAD,
            "a) Niêm yết thủ tục hành chính mới công bố.",
            "(Văn phòng - Thống kê; tháng 3/2024)",
            "b) Khảo sát sự hài lòng của người dân.",
            "(quý III/2024 – công chức Văn hóa - Xã hội)",
            "c) Rà soát quy chế làm việc.",
            "Phòng Nội vụ chủ trì, phối hợp Phòng Tư pháp; quý II/2024.",
            *TAIL,
        ],
    )
    assert [(t.title, _leads(t), _partners(t), _time(t)) for t in plan.tasks] == [
        ("Niêm yết thủ tục hành chính mới công bố.", ["Văn phòng - Thống kê"], [], "tháng 3/2024"),
        ("Khảo sát sự hài lòng của người dân.", ["công chức Văn hóa - Xã hội"], [], "quý III/2024"),
        ("Rà soát quy chế làm việc.", ["Phòng Nội vụ"], ["Phòng Tư pháp"], "quý II/2024"),
    ]


def test_a_sentence_naming_a_doer_after_an_item_is_no_slot_line() -> None:
    from parplan.read.items import _read_fields

    assert _read_fields("Văn phòng UBND xã chủ trì, phối hợp các thôn thực hiện thường xuyên.") is None
    assert _read_fields("Các thôn đã triển khai tốt; năm 2023.") is None
    assert _read_fields("(thủ tục cấp đổi, cấp lại)") is None
    assert _read_fields("(Bộ Công an)") is None  # a name alone on its line may qualify the line above
