"""A cell of parties whose lines the document breaks (Word paragraphs, ``<br>`` in Markdown) names one a line."""

from __future__ import annotations

from pathlib import Path

import parplan
from word_tables import word_plan

HEAD = (
    "ỦY BAN NHÂN DÂN",
    "HUYỆN ĐẠI LỘC",
    "Số: 17/KH-UBND",
    "Đại Lộc, ngày 14 tháng 01 năm 2023",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2023",
    "I. NHIỆM VỤ",
)
ROWS = (
    ("Rà soát văn bản quy phạm pháp luật", ["Phòng Tư pháp", "Văn phòng HĐND và UBND huyện"], "Quý II/2023"),
    ("Số hóa hồ sơ thủ tục hành chính", ["Phòng Văn hóa và", "thông tin huyện"], "Quý III/2023"),
    ("Kiểm tra công tác cải cách hành chính", ["Phòng Nội vụ"], "Quý IV/2023"),
)


def _leads(plan: parplan.Plan | None) -> list[list[str]]:
    assert plan is not None
    leads = [task.lead for task in plan.tasks]
    assert all(lead is not None for lead in leads)
    return [[member.label for member in getattr(lead, "members", (lead,))] for lead in leads if lead is not None]


EXPECTED = [
    ["Phòng Tư pháp", "Văn phòng HĐND và UBND huyện"],  # two paragraphs: two bodies
    ["Phòng Văn hóa và thông tin huyện"],  # a name the cell wrapped, its second line in lower case: one body
    ["Phòng Nội vụ"],
]


def test_markdown_cells_broken_with_br() -> None:
    rows = [f"| {n} | {task} | {'<br>'.join(leads)} | {when} |" for n, (task, leads, when) in enumerate(ROWS, 1)]
    text = "\n".join((*HEAD, "", "| TT | Nhiệm vụ | Chủ trì | Thời gian |", "|---|---|---|---|", *rows))
    assert _leads(parplan.read_text(text, name="dai-loc.md").plan) == EXPECTED


def test_word_cells_of_several_paragraphs(tmp_path: Path) -> None:
    rows = [(str(n), task, leads, when) for n, (task, leads, when) in enumerate(ROWS, 1)]
    path = word_plan(tmp_path / "dai-loc.docx", HEAD, ("TT", "Nhiệm vụ", "Chủ trì", "Thời gian"), rows)
    assert _leads(parplan.read(path).plan) == EXPECTED


def test_a_cell_of_one_line_naming_two_bodies_with_a_comma_is_read_as_before() -> None:
    text = "\n".join(
        (
            *HEAD,
            "",
            "| TT | Nhiệm vụ | Chủ trì | Thời gian |",
            "|---|---|---|---|",
            "| 1 | Rà soát | Phòng Tư pháp, Phòng Nội vụ | Quý II/2023 |",
        )
    )
    assert _leads(parplan.read_text(text, name="dai-loc.md").plan) == [["Phòng Tư pháp", "Phòng Nội vụ"]]
