"""Cells that say who leads in clauses, whatever their column's heading; times that open with a verb."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import task_roles
from parplan.plan import Plan

HEAD = [
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN AN",
    "Số: 12/KH-UBND\tTân An, ngày 10 tháng 01 năm 2025",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2025",
    "",
    "I. NHIỆM VỤ",
]
TAIL = ["", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn An"]
ROWS = [
    (
        "Rà soát văn bản quy phạm pháp luật do xã ban hành",
        "Công chức Tư pháp - Hộ tịch chủ trì; Văn phòng - Thống kê phối hợp",
        "Quý II/2025",
    ),
    (
        "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa",
        "Văn phòng - Thống kê chủ trì, phối hợp công chức Địa chính - Xây dựng",
        "Thường xuyên",
    ),
    ("Kiểm tra việc chấp hành giờ giấc làm việc", "Công chức Văn hóa - Xã hội thực hiện", "Hằng quý"),
    (
        "Số hóa hồ sơ hộ tịch lưu tại xã",
        "Công chức Tư pháp - Hộ tịch, Văn phòng - Thống kê chủ trì; Đoàn Thanh niên xã, Hội Nông dân xã phối hợp",
        "Tháng 9/2025",
    ),
]
EXPECTED = [
    (["Công chức Tư pháp - Hộ tịch"], ["Văn phòng - Thống kê"]),
    (["Văn phòng - Thống kê"], ["công chức Địa chính - Xây dựng"]),
    (["Công chức Văn hóa - Xã hội"], []),
    (["Công chức Tư pháp - Hộ tịch", "Văn phòng - Thống kê"], ["Đoàn Thanh niên xã", "Hội Nông dân xã"]),
]


def _roles(plan: Plan | None) -> list[tuple[list[str], list[str]]]:
    assert plan is not None
    return [(leads, partners) for _, leads, partners, _ in task_roles(plan)]


@pytest.mark.parametrize(
    "heading",
    [
        "Cơ quan chủ trì, phối hợp",
        "Đơn vị chủ trì/phối hợp",
        "Chủ trì, phối hợp",
        "Đơn vị thực hiện",
        "Cơ quan thực hiện",
        "Trách nhiệm thực hiện",
        "Phối hợp thực hiện",
        "Bộ phận",
    ],
)
def test_a_cell_of_clauses_names_the_lead_and_the_partners(heading: str) -> None:
    rows = [f"{n}\t{task}\t{who}\t{time}" for n, (task, who, time) in enumerate(ROWS, 1)]
    reading = parplan.read_text("\n".join([*HEAD, f"STT\tNội dung\t{heading}\tThời gian", *rows, *TAIL]))
    assert _roles(reading.plan) == EXPECTED
    assert reading.plan is not None
    assert [task.timeframe.text if task.timeframe else None for task in reading.plan.tasks] == [r[2] for r in ROWS]


def test_a_cell_of_names_only_stays_names() -> None:
    """Near miss: bodies without a role's verb are the leads themselves, a comma inside a name kept."""
    rows = [
        "1\tRà soát quy chế làm việc\tPhòng Kinh tế, Hạ tầng và Đô thị\tQuý I/2025",
        "2\tCông khai thủ tục hành chính\tVăn phòng HĐND và UBND\tThường xuyên",
        "3\tTập huấn kỹ năng số\tPhòng Văn hóa - Xã hội\tTháng 5/2025",
    ]
    reading = parplan.read_text("\n".join([*HEAD, "STT\tNội dung\tĐơn vị chủ trì\tThời gian", *rows, *TAIL]))
    assert _roles(reading.plan) == [
        (["Phòng Kinh tế, Hạ tầng và Đô thị"], []),
        (["Văn phòng HĐND và UBND"], []),
        (["Phòng Văn hóa - Xã hội"], []),
    ]


@pytest.mark.parametrize(
    ("closing", "time", "doubted"),
    [
        ("Phòng Tư pháp chủ trì, hoàn thành trong quý II/2025.", "trong quý II/2025", False),
        ("Phòng Tư pháp chủ trì, thực hiện thường xuyên.", "thường xuyên", False),
        (
            "Phòng Tư pháp chủ trì, phối hợp với Thanh tra huyện, hoàn thành trước ngày 30/9/2025.",
            "trước ngày 30/9/2025",
            False,
        ),
        ("Phòng Tư pháp chủ trì; hoàn thành trước ngày 30/6/2025.", "hoàn thành trước ngày 30/6/2025", True),
    ],
)
def test_a_time_closing_the_leads_clause(closing: str, time: str, doubted: bool) -> None:
    """After a comma the verb closes the lead's clause; in a segment of its own it opens the time, and is doubted."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN NAM ĐÀN",
            "",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2025",
            "",
            "II. NHIỆM VỤ",
            "1. Cải cách thể chế",
            f"1.1. Rà soát văn bản quy phạm pháp luật do huyện ban hành; {closing}",
            "1.2. Kiểm tra văn bản của cấp xã; Phòng Tư pháp chủ trì, hoàn thành trong quý III/2025.",
            *TAIL,
        ]
    )
    reading = parplan.read_text(text)
    assert reading.plan is not None
    task = reading.plan.tasks[0]
    assert task.title == "Rà soát văn bản quy phạm pháp luật do huyện ban hành"
    assert task.timeframe is not None
    assert task.timeframe.text == time
    source = next(s for s in reading.plan.sources if s.path == "$.tasks[0].timeframe")
    assert source.confidence is not None
    assert (source.confidence < Decimal("0.9")) is doubted
    assert any("opens with a verb" in doubt for doubt in source.doubts) is doubted


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_clauses_parted_by_a_spaced_dash(dash: str) -> None:
    """ "<body> chủ trì – <body> phối hợp": the dash after a role ends its clause; a hyphen inside a name stays."""
    rows = [
        f"1\tRà soát quy chế làm việc\tPhòng Tư pháp chủ trì {dash} Phòng Văn hóa - Xã hội phối hợp\tQuý I/2025",
        f"2\tCông khai thủ tục hành chính\tVăn phòng HĐND và UBND chủ trì {dash} Công an xã phối hợp\tThường xuyên",
        "3\tTập huấn kỹ năng số\tPhòng Văn hóa - Xã hội thực hiện\tTháng 5/2025",
    ]
    reading = parplan.read_text("\n".join([*HEAD, "STT\tNội dung\tĐơn vị\tThời gian", *rows, *TAIL]))
    assert _roles(reading.plan) == [
        (["Phòng Tư pháp"], ["Phòng Văn hóa - Xã hội"]),
        (["Văn phòng HĐND và UBND"], ["Công an xã"]),
        (["Phòng Văn hóa - Xã hội"], []),
    ]
