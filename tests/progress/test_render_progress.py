"""The report offices submit and the status tables: structure, both languages, both formats, hostile text."""

from __future__ import annotations

import html.parser
from datetime import date

import attrs
import pytest

import parplan
from parplan import TaskStatus, TaskUpdate, evaluate, render_report, render_status
from progress.support import example_plan, example_reports

PLAN = example_plan()
REPORTS = example_reports()
MARCH = evaluate(PLAN, REPORTS, as_of=date(2026, 3, 18))
DECEMBER = evaluate(PLAN, REPORTS, as_of=date(2026, 12, 18))


def test_the_vietnamese_report_has_the_sections_offices_write() -> None:
    text = render_report(DECEMBER, REPORTS[3], format="markdown", locale="vi")
    assert "Số: 141/BC-UBND" in text
    assert "*Hương Đô, ngày 18 tháng 12 năm 2026*" in text
    assert "**Kết quả thực hiện công tác cải cách hành chính quý IV năm 2026**" in text
    assert "*(Số liệu tính từ ngày 15/9/2026 đến ngày 14/12/2026.)*" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# BÁO CÁO",
        "## I. KẾT QUẢ THỰC HIỆN",
        "### 1. Tổng quan",
        "### 2. Kết quả theo lĩnh vực",
        "### 3. Nhiệm vụ đã hoàn thành",
        "### 4. Nhiệm vụ chưa hoàn thành",
        "### 5. Kết quả thực hiện các chỉ tiêu",
        "### 6. Kinh phí",
    ]
    assert (
        "| 4 | Kiện toàn Bộ phận Một cửa theo hướng dẫn của tỉnh | 16/11/2026 | Quyết định số 215/QĐ-UBND |  |" in text
    )
    overdue = (
        "| Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực | 30/6/2026<br>chậm 121 ngày làm việc |"
    )
    assert f"{overdue} Quá hạn | Thiếu máy quét tài liệu khổ lớn |" in text
    assert "Kinh phí các nhiệm vụ có dự toán: 55 triệu đồng; kinh phí đã sử dụng: 39,5 triệu đồng." in text
    assert "**TM. ỦY BAN NHÂN DÂN**" in text
    assert "\\- Sở Nội vụ tỉnh Hà Tĩnh" in text


def test_the_english_report_generates_its_words_and_keeps_the_data() -> None:
    text = render_report(DECEMBER, REPORTS[3], format="markdown", locale="en")
    assert "**Results of administrative reform work, Q4 2026**" in text
    assert "PEOPLE'S COMMITTEE OF HƯƠNG ĐÔ COMMUNE" in text
    assert "Plan No. 05/KH-UBND of 12/01/2026" not in text  # dates follow the locale
    assert "Plan No. 05/KH-UBND of 12 Jan 2026" in text
    assert "| Output and evidence |" in text
    assert "Kiện toàn Bộ phận Một cửa theo hướng dẫn của tỉnh" in text  # task titles are data


def test_html_is_a_standalone_page_with_the_same_tables() -> None:
    page = render_report(MARCH, REPORTS[0], format="html", locale="vi")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert page.count('<table class="data">') == 4
    parser = html.parser.HTMLParser()
    parser.feed(page)
    parser.close()


def test_hostile_text_stays_text() -> None:
    hostile = attrs.evolve(
        REPORTS[3],
        updates=[TaskUpdate(task="t8", status=TaskStatus.BLOCKED, note='<script>alert("x")</script> | *x*')],
    )
    status = evaluate(PLAN, [hostile], as_of=date(2026, 12, 18))
    page = render_report(status, hostile, format="html", locale="vi")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    text = render_report(status, hostile, format="markdown", locale="vi")
    assert '\\<script\\>alert("x")\\</script\\> \\| \\*x\\*' in text


def test_the_same_input_gives_the_same_bytes() -> None:
    first = render_report(DECEMBER, REPORTS[3], format="html", locale="en")
    again = render_report(evaluate(PLAN, REPORTS, as_of=date(2026, 12, 18)), REPORTS[3], format="html", locale="en")
    assert first == again


def test_status_tables_in_three_formats() -> None:
    text = render_status([DECEMBER], format="text", locale="vi")
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["Đơn", "vị", "Mã", "Nhiệm"]
    assert len(lines) == 1 + len(DECEMBER.tasks)
    assert "Quá hạn" in text
    assert all(len(line) < 400 for line in lines)
    assert render_status(DECEMBER, format="markdown", locale="en").startswith("| Unit | Id | Task |")
    assert '<table class="data">' in render_status([DECEMBER], format="html", locale="en")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: render_report(DECEMBER, REPORTS[0], format="pdf", locale="vi"), "render_report.format"),  # type: ignore[arg-type]
        (lambda: render_report(DECEMBER, REPORTS[0], locale="fr"), "render_report.locale"),  # type: ignore[arg-type]
        (lambda: render_report(PLAN, REPORTS[0], locale="vi"), "render_report.status"),  # type: ignore[arg-type]
        (lambda: render_report(DECEMBER, PLAN, locale="vi"), "render_report.report"),  # type: ignore[arg-type]
        (lambda: render_status([DECEMBER], format="csv", locale="vi"), "render_status.format"),  # type: ignore[arg-type]
        (lambda: render_status([PLAN], locale="vi"), "status_rows.statuses"),  # type: ignore[list-item]
    ],
)
def test_wrong_arguments_are_refused(call: object, field: str) -> None:
    with pytest.raises(parplan.InvariantError) as raised:
        call()  # type: ignore[operator]
    assert raised.value.field == field


def test_every_progress_message_has_both_languages() -> None:
    from parplan.render.messages import CATALOGUE

    keys = [
        key
        for key in CATALOGUE
        if key.split(".")[0] in {"progress", "task_state", "task_status", "target_state", "timeliness"}
    ]
    assert len(keys) > 40
    for key in keys:
        assert CATALOGUE[key]["vi"].strip()
        assert CATALOGUE[key]["en"].strip()
    for state in parplan.TaskState:
        assert f"task_state.{state.value}" in CATALOGUE
    for status in parplan.TaskStatus:
        assert f"task_status.{status.value}" in CATALOGUE
    for target_state in parplan.TargetState:
        assert f"target_state.{target_state.value}" in CATALOGUE
    for timeliness in parplan.Timeliness:
        assert f"timeliness.{timeliness.value}" in CATALOGUE
