"""One cell of a task table holding who leads, who takes part and by when as labelled lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import parplan
from builders import task_roles
from parplan.plan import Plan
from parplan.read.reading import Reading
from word_tables import word_plan

HEAD = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG SƠN", "KẾ HOẠCH", "Cải cách hành chính năm 2026", "", "II. NHIỆM VỤ"]
ROWS = [
    (
        "Rà soát quy chế phối hợp liên thông",
        ["Chủ trì: Phòng Tư pháp", "Phối hợp: Phòng Nội vụ", "Thời gian: Quý II/2026"],
    ),
    (
        "Số hóa hồ sơ hộ tịch",
        ["Chủ trì: Phòng Tư pháp, Văn phòng HĐND và UBND huyện", "Phối hợp: UBND các xã", "Thời gian: Tháng 8/2026"],
    ),
    ("Kiểm tra công vụ đột xuất", ["Thời hạn: Thường xuyên", "Chủ trì: Phòng Nội vụ"]),
]
EXPECTED = [
    (["Phòng Tư pháp"], ["Phòng Nội vụ"], "Quý II/2026"),
    (["Phòng Tư pháp", "Văn phòng HĐND và UBND huyện"], ["UBND các xã"], "Tháng 8/2026"),
    (["Phòng Nội vụ"], [], "Thường xuyên"),
]


def _fields(plan: Plan | None) -> list[tuple[list[str], list[str], str | None]]:
    assert plan is not None
    return [(leads, partners, time) for _, leads, partners, time in task_roles(plan)]


def _read(rows: list[str]) -> Reading:
    return parplan.read_text("\n".join([*HEAD, *rows, ""]), name="dong-son.md")


@pytest.mark.parametrize("heading", ["Phân công thực hiện", "Phân công"])
def test_lines_broken_with_br_in_a_markdown_cell(heading: str) -> None:
    rows = [f"| {n} | {task} | {'<br>'.join(lines)} |" for n, (task, lines) in enumerate(ROWS, 1)]
    reading = _read([f"| TT | Nội dung công việc | {heading} |", "|:--:|----|----|", *rows])
    assert _fields(reading.plan) == EXPECTED


def test_lines_parted_by_semicolons_in_a_tab_table() -> None:
    rows = [f"{n}\t{task}\t{'; '.join(lines)}" for n, (task, lines) in enumerate(ROWS, 1)]
    reading = _read(["STT\tNhiệm vụ\tPhân công thực hiện", *rows])
    assert _fields(reading.plan) == EXPECTED


def test_labelled_lines_in_the_lead_column_are_fields_not_one_name() -> None:
    rows = [
        "| 1 | Rà soát quy chế phối hợp liên thông | Chủ trì: Phòng Tư pháp<br>Phối hợp: Phòng Nội vụ | Quý II/2026 |",
        "| 2 | Kiểm tra công vụ đột xuất | Chủ trì: Phòng Nội vụ | Thường xuyên |",
    ]
    reading = _read(["| TT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn |", "|---|---|---|---|", *rows])
    assert _fields(reading.plan) == [EXPECTED[0], EXPECTED[2]]


def test_the_fields_cite_the_cell_and_are_read_as_sure() -> None:
    rows = [f"| {n} | {task} | {'<br>'.join(lines)} |" for n, (task, lines) in enumerate(ROWS, 1)]
    reading = _read(["| TT | Nội dung công việc | Phân công thực hiện |", "|:--:|----|----|", *rows])
    assert reading.plan is not None
    for field in ("responsibility", "timeframe"):
        source = next(s for s in reading.plan.sources if s.path == f"$.tasks[0].{field}")
        assert source.origin is not None
        assert source.origin.column == "3"
        assert not source.doubts or all("year" in doubt for doubt in source.doubts)


def test_a_cell_that_is_no_assignment_gives_nothing_and_says_so() -> None:
    rows = [
        "| 1 | Rà soát quy chế | Xem hướng dẫn tại Công văn số 12/SNV-CCHC |",
        "| 2 | Kiểm tra công vụ | Chủ trì: Phòng Nội vụ<br>Thời gian: Quý III/2026 |",
    ]
    reading = _read(["| TT | Nội dung | Phân công thực hiện |", "|---|---|---|", *rows])
    assert _fields(reading.plan) == [([], [], None), (["Phòng Nội vụ"], [], "Quý III/2026")]
    assert any("could not be read" in doubt for doubt in reading.doubts)


def test_paragraphs_of_a_word_cell(tmp_path: Path) -> None:
    rows = [(str(n), task, lines) for n, (task, lines) in enumerate(ROWS, 1)]
    path = word_plan(tmp_path / "dong-son.docx", HEAD, ("TT", "Nội dung công việc", "Phân công thực hiện"), rows)
    assert _fields(parplan.read(path).plan) == EXPECTED


def test_labels_run_together_when_a_grid_joins_a_cells_lines() -> None:
    grid = [
        "+----+----------------------------+--------------------------+",
        "| TT | Nội dung công việc         | Phân công thực hiện      |",
        "+====+============================+==========================+",
        "| 1  | Rà soát quy chế phối hợp   | Chủ trì: Phòng Tư pháp   |",
        "|    | liên thông                 | Phối hợp: Phòng Nội vụ   |",
        "|    |                            | Thời gian: Quý II/2026   |",
        "+----+----------------------------+--------------------------+",
        "| 2  | Kiểm tra công vụ đột xuất  | Chủ trì: Phòng Nội vụ    |",
        "|    |                            | Thời hạn: Thường xuyên   |",
        "+----+----------------------------+--------------------------+",
    ]
    reading = _read(grid)
    assert _fields(reading.plan) == [EXPECTED[0], EXPECTED[2]]


def test_longer_labels_run_together_are_not_cut_inside() -> None:
    rows = [
        "1\tRà soát quy chế\tĐơn vị chủ trì: Phòng Nội vụ Đơn vị phối hợp: Thanh tra huyện Thời hạn: Quý II/2026",
        "2\tKiểm tra công vụ\tCơ quan chủ trì: Phòng Tư pháp; thời gian hoàn thành: Quý III/2026",
    ]
    reading = _read(["STT\tNhiệm vụ\tPhân công", *rows])
    assert _fields(reading.plan) == [
        (["Phòng Nội vụ"], ["Thanh tra huyện"], "Quý II/2026"),
        (["Phòng Tư pháp"], [], "Quý III/2026"),
    ]


def test_a_name_taken_whole_in_an_assignment_cell_is_doubted() -> None:
    rows = [
        "1\tRà soát quy chế\tChủ trì: Phòng Nội vụ; Thời gian: Quý II/2026",
        # not "Trưởng các thôn, tổ dân phố": the heads of a group named by its kinds, read as such
        "2\tTuyên truyền thủ tục mới\tTrưởng thôn, tổ trưởng tổ dân phố; Quý III/2026",
    ]
    reading = _read(["STT\tNhiệm vụ\tPhân công", *rows])
    assert reading.plan is not None
    sources = {s.path: s for s in reading.plan.sources}
    whole = sources["$.tasks[1].responsibility"]
    labelled = sources["$.tasks[0].responsibility"]
    assert any("one name" in doubt for doubt in whole.doubts)
    assert not labelled.doubts
    assert whole.confidence is not None
    assert whole.confidence < 0.9
