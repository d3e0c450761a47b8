"""The example plans (transcribed from the seeds) render completely, in both languages and both formats."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import parplan
from parplan import Plan, render
from parplan.render import Locale, RenderFormat
from parplan.render.markdown import escape

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda path: path.stem)
def plan(request: pytest.FixtureRequest) -> Plan:
    path: Path = request.param
    return parplan.load(path)


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.classes.append(dict(attrs).get("class"))


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_every_task_has_one_row_in_the_html_appendix(plan: Plan, locale: Locale) -> None:
    rows = _Rows()
    rows.feed(render(plan, format="html", locale=locale))
    assert rows.classes.count("task") == len(plan.tasks)
    areas_with_tasks = {task.area for task in plan.tasks}
    assert rows.classes.count("area") == len(areas_with_tasks)


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_markdown_appendix_numbers_every_task(plan: Plan, locale: Locale) -> None:
    text = render(plan, format="markdown", locale=locale)
    numbers = re.findall(r"^\| (\d+) \|", text, flags=re.MULTILINE)
    assert numbers == [str(n) for n in range(1, len(plan.tasks) + 1)]
    roman = re.findall(r"^\| \*\*([IVX]+)\*\* \|", text, flags=re.MULTILINE)
    assert len(roman) == len({task.area for task in plan.tasks})


def test_vietnamese_rendering_keeps_the_plan_s_words(plan: Plan) -> None:
    text = render(plan, format="markdown", locale="vi")
    for task in plan.tasks:
        assert escape(task.title) in text
        written = task.timeframe.text if task.timeframe is not None else None
        if written is not None:
            assert escape(written) in text
        if task.budget is not None and task.budget.text is not None:
            assert escape(task.budget.text) in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    if plan.issued_on is not None:
        assert parplan.format_date(plan.issued_on, locale="vi") in text.splitlines()[0]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_english_rendering_uses_english_labels(plan: Plan, fmt: RenderFormat) -> None:
    text = render(plan, format=fmt, locale="en")
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Budget (million VND)" in text
    for area in {task.area for task in plan.tasks if task.area is not None}:
        assert area.title_en.upper() in text


def test_draft_place_and_date_line_as_written() -> None:
    mang_yang = parplan.load(Path(__file__).parent.parent / "examples" / "mang-yang-2021.json")
    assert mang_yang.issued_on is None
    assert mang_yang.issued_text is not None
    first = render(mang_yang, format="markdown", locale="vi").splitlines()[0]
    blank = " " + "\u00a0" * 9  # ten spaces, as written, keep their width
    assert f"*Mang Yang, ngày{blank}tháng 12 năm 2020*" in first
