"""parplan.render(..., format="markdown"): the official document in Markdown, in Vietnamese and English."""

from __future__ import annotations

import re
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import parplan
from parplan import InvariantError, Plan, ReformArea, render
from parplan.render import Locale
from parplan.render.markdown import escape
from render_samples import HOSTILE, commune_plan, hostile_plan

VI_HEADER = (
    "| TT | Nhiệm vụ | Kết quả đầu ra | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện "
    "| Kinh phí (triệu đồng) |"
)
EN_HEADER = "| No. | Task | Output | Lead | Coordinating | Timeframe | Budget (million VND) |"

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _table_rows(text: str, header: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(header)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in _UNESCAPED_PIPE.split(row)[1:-1]]


@pytest.mark.parametrize(
    ("issued", "line"),
    [
        (date(2022, 1, 8), "*Sơn Châu, ngày 08 tháng 01 năm 2022*"),
        (date(2022, 2, 10), "*Sơn Châu, ngày 10 tháng 02 năm 2022*"),
        (date(2022, 3, 9), "*Sơn Châu, ngày 09 tháng 3 năm 2022*"),
        (date(2022, 12, 31), "*Sơn Châu, ngày 31 tháng 12 năm 2022*"),
    ],
)
def test_place_and_date_line(issued: date, line: str) -> None:
    text = render(commune_plan(issued_on=issued), format="markdown", locale="vi")
    assert line in text.splitlines()[0]


def test_masthead_in_vietnamese() -> None:
    first = render(commune_plan(name="Sơn Tây", number="112"), format="markdown", locale="vi").splitlines()[0]
    assert first == (
        "| UBND HUYỆN HƯƠNG SƠN<br>**ỦY BAN NHÂN DÂN XÃ SƠN TÂY**<br>Số: 112/KH-UBND | "
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>"
        "*Sơn Tây, ngày 08 tháng 01 năm 2022* |"
    )


def test_masthead_in_english() -> None:
    first = render(commune_plan(issued_on=date(2023, 3, 4)), format="markdown", locale="en").splitlines()[0]
    assert first == (
        "| HƯƠNG SƠN DISTRICT PEOPLE'S COMMITTEE<br>**PEOPLE'S COMMITTEE OF SƠN CHÂU COMMUNE**<br>No.: 06/KH-UBND | "
        "**SOCIALIST REPUBLIC OF VIET NAM**<br>**Independence - Freedom - Happiness**<br>*Sơn Châu, 4 March 2023* |"
    )


def test_a_draft_keeps_its_blanks() -> None:
    text = render(commune_plan(number=None, issued_on=None), format="markdown", locale="vi")
    first = text.splitlines()[0]
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND" in first
    assert "*Sơn Châu, ngày \u00a0" in first
    assert "năm \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0*" in first
    # The appendix cites the plan without a date.
    assert "*(Kèm theo Kế hoạch số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND của" in text


def test_a_draft_date_as_written() -> None:
    plan = attrs.evolve(commune_plan(issued_on=None), issued_text="ngày          tháng 12 năm 2021")
    blank = " " + "\u00a0" * 9  # ten spaces keep their width
    first = render(plan, format="markdown", locale="vi").splitlines()[0]
    assert f"*Sơn Châu, ngày{blank}tháng 12 năm 2021*" in first
    assert "*Sơn Châu, date not filled in*" in render(plan, format="markdown", locale="en").splitlines()[0]


@pytest.mark.parametrize(("locale", "header"), [("vi", VI_HEADER), ("en", EN_HEADER)])
def test_appendix_table_has_roman_area_rows_in_official_order(locale: Locale, header: str) -> None:
    plan = commune_plan()
    text = render(plan, format="markdown", locale=locale)
    rows = _table_rows(text, header)
    assert all(len(_cells(row)) == 7 for row in rows)
    sections = [_cells(row) for row in rows if _cells(row)[0].startswith("**") and not _cells(row)[0][2].isdigit()]
    area_rows = [cells for cells in sections if cells[0].strip("*") in {"I", "II", "III", "IV", "V", "VI", "VII"}]
    assert [cells[0] for cells in area_rows] == ["**I**", "**II**", "**III**", "**IV**", "**V**", "**VI**", "**VII**"]
    covered = [area for area in ReformArea if plan.tasks_in(area)]
    titles = [cells[1].strip("*") for cells in area_rows]
    for area, title in zip(covered, titles, strict=False):
        assert title == (area.title_en.upper() if locale == "en" else title)
    assert titles[-1] == ("NHIỆM VỤ KHÁC" if locale == "vi" else "OTHER TASKS")
    # Sub-areas get letters.
    assert [cells[0] for cells in sections if cells[0] in {"**A**", "**B**"}] == ["**A**", "**B**"]
    # Task rows are numbered 1..n and hold every task once.
    numbers = [_cells(row)[0] for row in rows if _cells(row)[0].isdigit()]
    assert numbers == [str(n) for n in range(1, len(plan.tasks) + 1)]


def test_vietnamese_cells_show_what_the_plan_wrote() -> None:
    text = render(commune_plan(budget_millions=275), format="markdown", locale="vi")
    rows = {_cells(row)[1]: _cells(row) for row in _table_rows(text, VI_HEADER)}
    training = rows["Tham gia các lớp đào tạo, bồi dưỡng"]
    assert training[2:] == [
        "Quyết định cử đi học",
        "Văn phòng xã",
        "Cán bộ, công chức liên quan",
        "Khi có thông báo của tỉnh, huyện",
        "10",
    ]
    assert rows["Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành"][5] == "Trong năm"
    assert rows["Đầu tư thiết bị hạ tầng công nghệ thông tin đảm bảo hoạt động cơ quan"][6] == "275"
    assert rows["Cập nhật các danh mục, văn bản, tin bài trên trang thông tin điện tử"][3] == (
        "Văn hóa - Thông tin<br>Cán bộ CNTT xã"
    )
    assert (
        rows["Cập nhật các danh mục, văn bản, tin bài trên trang thông tin điện tử"][6] == "Theo dự trù kinh phí riêng"
    )


def test_english_cells_are_generated_from_the_typed_values() -> None:
    text = render(commune_plan(year=2024, issued_on=date(2024, 1, 5)), format="markdown", locale="en")
    rows = {_cells(row)[1]: _cells(row) for row in _table_rows(text, EN_HEADER)}
    assert rows["Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành"][5] == "During 2024"
    assert rows["Tham gia các lớp đào tạo, bồi dưỡng"][5] == "On an event: Khi có thông báo của tỉnh, huyện"
    assert rows["Tổng kết công tác CCHC"][5] == "By 31 December 2024"
    iso = rows["Xây dựng và triển khai kế hoạch duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015"]
    assert iso[5] == (
        "\\- Ban hành Kế hoạch: Within January 2024<br>\\- Báo cáo kết quả thực hiện Kế hoạch: Within Q4 2024"
    )


def test_english_uses_english_titles() -> None:
    text = render(commune_plan(), format="markdown", locale="en")
    for heading in (
        "# PLAN",
        "## I. PURPOSES AND REQUIREMENTS",
        "### 1. Direction and steering of administrative reform",
    ):
        assert heading in text.splitlines()
    assert "**Administrative reform plan of Sơn Châu commune for 2022**" in text
    assert "*Vietnamese title: Thực hiện công tác cải cách hành chính năm 2022*" in text
    for vietnamese in ("Nơi nhận", "Số:", "KẾ HOẠCH", "Chỉ tiêu", "ngày 08", "PHỤ LỤC", "triệu đồng)"):
        assert vietnamese not in text
    assert "**ON BEHALF OF THE PEOPLE'S COMMITTEE**<br>**CHAIRPERSON**" in text


def test_vietnamese_body_sections_in_order() -> None:
    text = render(commune_plan(), format="markdown", locale="vi")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "## II. KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ",
        "## III. MỤC TIÊU, CHỈ TIÊU",
        "## IV. NHIỆM VỤ VÀ GIẢI PHÁP",
        "## V. KINH PHÍ THỰC HIỆN",
        "## VI. TỔ CHỨC THỰC HIỆN",
        "## PHỤ LỤC",
    ]
    # The area section takes the plan's own heading when it has one, the official title otherwise.
    assert "### 1. Công tác chỉ đạo, điều hành" in text.splitlines()
    assert "### 2. Cải cách thể chế" in text.splitlines()


def test_objectives_targets_results_and_reports() -> None:
    text = render(commune_plan(revenue_millions=4250, budget_millions=90), format="markdown", locale="vi")
    assert "3. Thu ngân sách trên địa bàn đạt 4.250 triệu đồng.<br>Chỉ tiêu: đạt tối thiểu 4.250 triệu đồng" in text
    assert "- Chỉ số cải cách hành chính năm 2021: 90,73 điểm, xếp thứ 4/25, giảm 2 hạng" in text
    assert "Tổng kinh phí các nhiệm vụ có dự toán: 100 triệu đồng." in text
    assert (
        "- Báo cáo năm 2022: thời gian chốt số liệu từ ngày 15/12/2021 đến ngày 30/11/2022; ước đạt số liệu "
        "từ ngày 01/12/2022 đến ngày 14/12/2022; thời hạn nhận báo cáo chậm nhất là ngày 03/12/2022."
    ) in text
    english = render(commune_plan(revenue_millions=4250, budget_millions=90), format="markdown", locale="en")
    assert "Targets: at least VND 4,250 million" in english
    assert "- PAR Index 2021: 90.73 points, ranked 4th of 25, down 2 places" in english
    assert "Total budget of the costed tasks: VND 100 million." in english


def test_a_plan_with_only_a_header_renders() -> None:
    plan = Plan(
        title="Kế hoạch cải cách hành chính năm 2024",
        issuer=parplan.Organisation(name="UBND tỉnh Hà Tĩnh"),
        unit=parplan.AdminUnit(name="Hà Tĩnh", kind=parplan.UnitKind.PROVINCE),
        year=2024,
    )
    text = render(plan, format="markdown", locale="vi")
    blank = "\u00a0" * 8
    assert text.splitlines()[0] == (
        "| **UBND TỈNH HÀ TĨNH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>"
        f"*Hà Tĩnh, ngày {blank} tháng {blank} năm {blank}* |"
    )
    assert "PHỤ LỤC" not in text
    assert "## I." not in text
    english = render(plan, format="markdown", locale="en")
    assert english.splitlines()[0].startswith("| **PEOPLE'S COMMITTEE OF HÀ TĨNH PROVINCE** |")
    assert "**Administrative reform plan of Hà Tĩnh province for 2024**" in english
    # A body that is not a People's Committee keeps its name as written.
    department = attrs.evolve(plan, issuer=parplan.Organisation(name="Sở Nội vụ tỉnh Hà Tĩnh"))
    assert render(department, format="markdown", locale="en").startswith("| **SỞ NỘI VỤ TỈNH HÀ TĨNH** |")


def test_render_checks_its_arguments() -> None:
    plan = commune_plan()
    with pytest.raises(InvariantError, match=r"render\.locale"):
        render(plan, format="markdown", locale="fr")  # type: ignore[call-overload]
    with pytest.raises(InvariantError, match=r"render\.format"):
        render(plan, format="pdf", locale="vi")  # type: ignore[call-overload]
    with pytest.raises(InvariantError, match=r"render\.plan"):
        render({"title": "x"}, format="markdown", locale="vi")  # type: ignore[call-overload]


def test_rendering_is_deterministic() -> None:
    plan = commune_plan()
    assert render(plan, format="markdown", locale="vi") == render(commune_plan(), format="markdown", locale="vi")
    text = render(plan, format="markdown", locale="vi")
    assert text.endswith("|\n")
    assert not text.endswith("\n\n")


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Zl", "Zp", "Cc"]), max_size=60))
def test_escaped_markdown_reads_back_as_the_text(text: str) -> None:
    escaped = escape(text)
    assert _ESCAPED.sub(r"\1", escaped).replace("\u00a0", " ") == text.strip(" \t").replace("\u00a0", " ")
    # Nothing that Markdown or HTML would interpret is left unescaped.
    for mark in "*_`[]<>|#~":
        assert re.search(rf"(?<!\\){re.escape(mark)}", escaped) is None


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("text", HOSTILE)
def test_every_text_from_the_plan_is_escaped(text: str, locale: Locale) -> None:
    page = render(hostile_plan(text), format="markdown", locale=locale)
    without_breaks = page.replace("<br>", "")
    assert re.search(r"(?<!\\)[<>]", without_breaks) is None
    header = VI_HEADER if locale == "vi" else EN_HEADER
    rows = _table_rows(page, header)
    assert len(rows) == 5  # area row, sub-area row, task, "other tasks" row, task
    assert all(len(_cells(row)) == 7 for row in rows)
    # Every line that starts a Markdown construct was started by the renderer, not by the plan's text.
    for line in page.splitlines():
        assert re.match(r"(#{1,4} |\| |\|:|\|-|- |\d+\. |\*|---$|$|[A-ZĐ])", line), line


def test_prose_items_and_table_rows_are_shown_where_the_document_had_them() -> None:
    plan = commune_plan()
    row = parplan.SourceLocation(table="Phụ lục", row="1")
    table_ids = {"1", "11", "28"}
    tasks = tuple(attrs.evolve(t, source=row) if t.id in table_ids else t for t in plan.tasks)
    text = render(attrs.evolve(plan, tasks=tasks), format="markdown", locale="vi")
    body = text.partition("## PHỤ LỤC")[0]
    rows = _table_rows(text, VI_HEADER)
    assert [_cells(r)[1] for r in rows if _cells(r)[0].isdigit()] == [t.title for t in tasks if t.id in table_ids]
    assert [_cells(r)[0] for r in rows if not _cells(r)[0].isdigit()] == ["**I**", "**II**", "**III**", "**A**"]
    for task in tasks:
        assert (f"- {escape(task.title)}" in body) is (task.id not in table_ids)
    # Without prose items (or without table rows), every task is in both places.
    all_rows = tuple(attrs.evolve(t, source=row) for t in plan.tasks)
    both = render(attrs.evolve(plan, tasks=all_rows), format="markdown", locale="vi")
    assert len([r for r in _table_rows(both, VI_HEADER) if _cells(r)[0].isdigit()]) == len(plan.tasks)
    assert all(f"- {escape(t.title)}" in both for t in plan.tasks)
