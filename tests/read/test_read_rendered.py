"""What parplan writes, parplan reads: the example plans rendered as Markdown, Word and HTML, read back and scored.

A plan written by :func:`parplan.render` is a document in the official layout; reading it back with
:func:`parplan.read` must give the plan again. Each example is rendered, read and scored against the
example itself (``read_scoring.from_example``) like any labelled document: header fields, tasks found
and exact (title, lead, deadline), and no task read twice (the template lists every task in the body
and again in the appendix table). Floors stand a little under what the reader reaches; the goal, every
task exact, is a strict xfail carrying the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import parplan
from read_scoring import HEADER_FIELDS, Score, from_example, score

EXAMPLES = ("son-chau-2022", "mang-yang-2021", "son-giang-2021")
FORMATS = {"markdown": ".md", "docx": ".docx", "html": ".html"}

# (example, format) -> (found, exact, extra at most) measured when the test was written, less a little
FLOORS: dict[tuple[str, str], tuple[int, int, int]] = {
    ("son-chau-2022", "markdown"): (90, 88, 7),
    ("son-chau-2022", "docx"): (90, 88, 7),
    ("mang-yang-2021", "markdown"): (79, 74, 5),
    ("mang-yang-2021", "docx"): (79, 74, 5),
    ("son-giang-2021", "markdown"): (28, 24, 4),
    ("son-giang-2021", "docx"): (28, 24, 4),
    ("son-chau-2022", "html"): (90, 88, 7),
    ("mang-yang-2021", "html"): (79, 74, 5),
    ("son-giang-2021", "html"): (28, 24, 4),
}


def _read_back(name: str, fmt: str, folder: Path) -> tuple[parplan.Reading, Score]:
    if fmt == "docx":
        pytest.importorskip("docx", reason="reading Word files needs python-docx (parplan[docx])")
    plan = parplan.load(Path(__file__).parents[2] / "examples" / f"{name}.json")
    written = parplan.render(plan, format=fmt, locale="vi")  # type: ignore[call-overload]
    path = folder / f"{name}{FORMATS[fmt]}"
    path.write_bytes(written if isinstance(written, bytes) else written.encode("utf-8"))
    reading = parplan.read(path)
    return reading, score(reading, from_example(name))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_a_rendered_plan_reads_back(name: str, fmt: str, tmp_path: Path) -> None:
    reading, result = _read_back(name, fmt, tmp_path)
    original = parplan.load(Path(__file__).parents[2] / "examples" / f"{name}.json")
    assert reading.plan is not None
    # the renderer prints the unit's name as the place when the plan states none (Decree 30 wants one)
    wrong = [key for key in HEADER_FIELDS if not result.header[key] and not (key == "place" and original.place is None)]
    assert wrong == []
    assert reading.plan.issuer.name == original.issuer.name
    assert reading.plan.unit.full_name == original.unit.full_name
    found, exact, extra = FLOORS[name, fmt]
    print(f"{name} {fmt}: {result.found}/{result.tasks} found, {result.exact} exact, {result.extra} extra")  # noqa: T201
    assert result.found >= found
    assert result.exact >= exact
    assert result.extra <= extra


@pytest.mark.xfail(
    reason="goal: every task of a rendered plan read back exact; measured 591 of 591 found, 573 exact, the same"
    " in Markdown, Word and HTML (Sơn Châu 90 of 90, Mang Yang 76 of 79, Sơn Giang 25 of 28): a bracket of parties who"
    " carry out or follow the work ('Thực hiện: …; theo dõi, tổng hợp: …') read as leads (3), a time inside a"
    " sentence or 'hằng năm' taken as the deadline (2), a lead cut or given where the example has none (2)",
    strict=True,
)
def test_goal_every_rendered_task_reads_back_exact(tmp_path: Path) -> None:
    total = exact = 0
    for name in EXAMPLES:
        for fmt in FORMATS:
            _, result = _read_back(name, fmt, tmp_path)
            total += result.tasks
            exact += result.exact
    assert exact == total


def test_a_masthead_row_with_line_breaks_is_read_line_by_line() -> None:
    text = (
        "| UBND HUYỆN KỲ ANH<br>**ỦY BAN NHÂN DÂN XÃ KỲ TÂN**<br>Số: 14/KH-UBND |"
        " **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>"
        "*Kỳ Tân, ngày 12 tháng 01 năm 2023* |\n|:---:|:---:|\n\n# KẾ HOẠCH\n\n"
        "**Cải cách hành chính năm 2023**\n\n## I. NHIỆM VỤ\n\n"
        "1. Rà soát thủ tục hành chính (Văn phòng - Thống kê; Quý II/2023).\n"
    )
    plan = parplan.read_text(text, name="ky-tan.md").plan
    assert plan is not None
    assert plan.issuer.name == "Ủy ban nhân dân xã Kỳ Tân"
    assert plan.unit.full_name == "xã Kỳ Tân"
    assert plan.unit.parent is not None
    assert plan.unit.parent.full_name == "huyện Kỳ Anh"
    assert plan.symbol is not None
    assert plan.symbol.number == "14"


def test_markdown_escapes_are_read_as_the_characters_they_keep() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ KỲ TÂN\nSố: 14/KH-UBND\nKỲ TÂN, ngày 12 tháng 01 năm 2023\n\n# KẾ HOẠCH\n\n"
        "Cải cách hành chính năm 2023\n\n## I. NHIỆM VỤ\n\n"
        "| TT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Rà soát thủ tục hành chính \\[mức độ 3\\] | Văn phòng \\- Thống kê | Quý II/2023 |\n"
    )
    plan = parplan.read_text(text, name="ky-tan.md").plan
    assert plan is not None
    assert plan.tasks[0].title == "Rà soát thủ tục hành chính [mức độ 3]"
    assert plan.tasks[0].lead is not None
    assert plan.tasks[0].lead.label == "Văn phòng - Thống kê"
