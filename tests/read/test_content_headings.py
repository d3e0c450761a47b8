"""Headings written "Nội dung 1:" or "Phần 2:" over items: sections, never tasks of their own."""

from __future__ import annotations

from pathlib import Path

import parplan
from builders import read_lines
from parplan.read.items import _marker

_HEAD = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN AN LÃO",
    "Số: 17/KH-UBND",
    "An Lão, ngày 12 tháng 01 năm 2027",
    "KẾ HOẠCH",
    "Nâng cao Chỉ số PAPI năm 2027",
    "",
    "I. NHIỆM VỤ, GIẢI PHÁP",
]


def _read(tmp_path: Path, body: list[str]) -> parplan.Plan:
    return read_lines(tmp_path, [*_HEAD, *body])


def test_content_marks_number_items() -> None:
    # numbered like "3." but a level of its own (a "Nội dung 3:" under a "3. <area>" heading is its item)
    assert _marker("Nội dung 3: Công khai, minh bạch") == ("step", "3", "Công khai, minh bạch")
    assert _marker("NỘI DUNG 2. Thủ tục hành chính công")[0] == "step"
    # a field or a sentence is no numbering: "Nội dung" without a number, or a number not followed by ":"
    assert _marker("Nội dung: Tuyên truyền về cải cách hành chính")[0] == "text"
    assert _marker("Nội dung 2 của kế hoạch gồm các việc sau")[0] == "text"


def test_a_content_heading_over_items_is_a_section(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "Nội dung 1: Công khai, minh bạch",
            "- Giải pháp:",
            "+ Niêm yết công khai danh sách hộ nghèo tại nhà văn hóa thôn.",
            "+ Công khai kế hoạch sử dụng đất trên Trang thông tin điện tử huyện.",
            "- Phân công: Phòng Tài nguyên và Môi trường chủ trì; thời gian: quý II/2027.",
            "Nội dung 2: Thủ tục hành chính công",
            "- Giải pháp:",
            "+ Khảo sát ý kiến người dân tại Bộ phận Một cửa huyện.",
            "- Phân công: Văn phòng HĐND và UBND huyện chủ trì; thời gian: quý III/2027.",
        ],
    )
    titles = [task.title for task in plan.tasks]
    headings = ("Nội dung", "Công khai, minh bạch", "Thủ tục hành chính công")
    assert not any(title.startswith(headings) for title in titles)
    assert any(title.startswith("Niêm yết công khai") for title in titles)
    assert any(title.startswith("Khảo sát ý kiến") for title in titles)
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None, task.title
        assert responsibility.lead is not None, task.title
    assert parplan.check(plan, select="PP104") == []


def test_content_lines_without_items_stay_tasks(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "Nội dung 1: Rà soát, công bố thủ tục hành chính của huyện.",
            "Nội dung 2: Tổ chức đối thoại với người dân về thủ tục hành chính.",
        ],
    )
    titles = [task.title for task in plan.tasks]
    assert any(title.startswith("Rà soát, công bố") for title in titles)
    assert any(title.startswith("Tổ chức đối thoại") for title in titles)
