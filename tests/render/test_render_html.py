"""parplan.render(..., format="html"): a standalone, printable page that shows every plan text as text."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from parplan import Plan, ReformArea, Task, render
from parplan.render.html import escape
from render_samples import HOSTILE, commune_plan, hostile_plan

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "section", "table", "colgroup", "col", "thead", "tbody",
    "tr", "th", "td", "div", "span", "p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "br",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"lang", "charset", "name", "content", "class", "id", "colspan", "style"}


class _Page(HTMLParser):
    """Collects tags, attributes and text (character references decoded) of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.rows: list[str | None] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag == "tr":
            self.rows.append(dict(attrs).get("class"))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("text", HOSTILE)
def test_every_text_from_the_plan_is_shown_as_text(text: str, locale: str) -> None:
    page = render(hostile_plan(text), format="html", locale=locale)  # type: ignore[call-overload]
    parsed = _parse(page)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert {name for name, _ in parsed.attributes} <= ALLOWED_ATTRIBUTES
    assert parsed.tags.count("style") == 1
    assert parsed.tags.count("table") == 3  # masthead, closing, appendix
    assert parsed.tags.count("h1") == 1
    if html.escape(text, quote=True) != text:
        assert text not in page  # never raw ...
    shown = "".join(parsed.text)
    assert shown.count(text) >= 10  # ... always as text, in many places
    assert html.escape(text, quote=True) in page


def test_quotes_are_escaped_inside_attributes() -> None:
    plan = commune_plan()
    page = render(plan, format="html", locale="vi")
    ids = [value for name, value in _parse(page).attributes if name == "id"]
    assert ids == [f"task-{task.id}" for task in _ordered_tasks(plan)]
    assert escape("a\"b'c") == "a&quot;b&#x27;c"


def _ordered_tasks(plan: Plan) -> list[Task]:
    """Tasks in appendix order: areas in official order, other tasks last; plain tasks before sub-areas."""
    result: list[Task] = []
    for area in [*ReformArea, None]:
        tasks = [t for t in plan.tasks if t.area is area]
        result += [t for t in tasks if t.subarea is None]
        for subarea in dict.fromkeys(t.subarea for t in tasks if t.subarea is not None):
            result += [t for t in tasks if t.subarea == subarea]
    return result


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_page_is_standalone_and_printable(locale: str) -> None:
    page = render(commune_plan(), format="html", locale=locale)  # type: ignore[call-overload]
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{locale}">' in page
    assert '<meta charset="utf-8">' in page
    assert "@media print" in page
    assert "size: A4" in page
    for external in ("<link", "<script", "src=", "href=", "@import", "url("):
        assert external not in page
    assert page.endswith("</html>\n")


def test_appendix_table_rows() -> None:
    plan = commune_plan()
    parsed = _parse(render(plan, format="html", locale="vi"))
    assert parsed.rows.count("task") == len(plan.tasks)
    assert parsed.rows.count("area") == 7  # six areas with tasks and the "other tasks" row
    assert parsed.rows.count("subarea") == 2
    shown = "".join(parsed.text)
    for column in ("Nhiệm vụ", "Kết quả đầu ra", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"):
        assert column in shown
    assert "Kinh phí (triệu đồng)" in shown
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in shown
    assert "Sơn Châu, ngày 08 tháng 01 năm 2022" in shown


def test_english_page() -> None:
    shown = "".join(_parse(render(commune_plan(), format="html", locale="en")).text)
    for phrase in ("Task", "Output", "Lead", "Coordinating", "Timeframe", "Budget (million VND)", "8 January 2022"):
        assert phrase in shown
    assert "Institutional reform" in shown


def test_draft_blanks_keep_their_width() -> None:
    page = render(commune_plan(number=None), format="html", locale="vi")
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND" in page
    assert escape("Số:      /QĐ-UBND") == "Số: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/QĐ-UBND"


def test_rendering_is_deterministic() -> None:
    assert render(commune_plan(), format="html", locale="vi") == render(commune_plan(), format="html", locale="vi")
