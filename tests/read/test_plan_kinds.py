"""The kind of plan read from its title: titles in the patterns plans use (``tests/cases/plan_kinds.toml``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import parplan
from parplan.read.head import _plan_kind

CASES = tomllib.loads((Path(__file__).parents[1] / "cases" / "plan_kinds.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["title"][:40] for case in CASES])
def test_kind_from_title(case: dict[str, str]) -> None:
    assert _plan_kind(case["title"], case.get("symbol", "KH")).value == case["kind"]


def test_the_corpus_holds_every_kind_a_title_decides() -> None:
    assert {case["kind"] for case in CASES} == {"annual", "thematic", "remedial", "programme"}


def test_a_thematic_plan_read_from_text_is_not_held_to_every_area() -> None:
    lines = (
        "ỦY BAN NHÂN DÂN",
        "XÃ PHÚ LỘC",
        "Số: 12/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phú Lộc, ngày 10 tháng 01 năm 2024",
        "KẾ HOẠCH",
        "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023 của xã",
        "I. NHIỆM VỤ",
        "1. Thu thập tài liệu kiểm chứng theo từng tiêu chí (Văn phòng - Thống kê; tháng 01/2024).",
        "2. Chấm điểm, gửi kết quả tự đánh giá về Phòng Nội vụ huyện (Văn phòng - Thống kê; trước 20/01/2024).",
    )
    plan = parplan.read_text("\n".join(lines)).plan
    assert plan is not None
    assert plan.kind is parplan.PlanKind.THEMATIC
    assert not [finding for finding in parplan.check(plan) if finding.code == "PP102"]
