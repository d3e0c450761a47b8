"""Rendering keeps a plan's own shape: its headings, numbering and order, each task under its section.

Plans built here follow the patterns real plans use: a district plan by index
criteria with the responsibility and timeframe of a criterion stated once, a
commune plan whose "Phân công trách nhiệm" names a lead for a whole area, a
plan with prose items and an appendix table, and an open-ended plan with
dated milestones. The plans read from the documents in ``tests/documents``
render too, with their headings in the order they were read.
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest

import parplan
from builders import minimal_plan
from parplan.cli import main
from parplan.org import CollectiveParty, Official, Organisation, Responsibility
from parplan.periods import ReportingPeriod
from parplan.plan import Objective, Plan, ReportingObligation, Section, SectionKind, Task
from parplan.render import Locale
from parplan.render.layout import Heading, TaskTable, has_appendix, has_own_shape, layout
from parplan.render.markdown import escape
from parplan.source import SourceLocation
from parplan.targets import Comparator, Milestone, Target, Unit
from parplan.timeframes import Before, Frequency, OpenEnded, Recurring, Within

DOCUMENTS = Path(__file__).parent.parent / "documents"

NOI_VU = Organisation(name="Phòng Nội vụ")
VAN_PHONG = Organisation(name="Văn phòng HĐND và UBND huyện")
TU_PHAP = Organisation(name="Phòng Tư pháp")
THANH_TRA = Organisation(name="Thanh tra huyện")


def _criterion_plan() -> Plan:
    """Tiêu chí 1 with its sub-criteria 1.1 and 1.2; the lead and the timeframe of criterion 1 stated once."""
    group = Responsibility(lead=NOI_VU, coordinating=(VAN_PHONG,))
    every_year = Recurring(frequencies=[Frequency.CONTINUOUS], text="Thường xuyên trong năm 2025")
    sections = (
        Section(id="II", label="II", heading="NHIỆM VỤ THEO TIÊU CHÍ", kind=SectionKind.PART),
        Section(
            id="tc1",
            label="1",
            level=2,
            parent="II",
            heading="Công tác chỉ đạo, điều hành cải cách hành chính",
            kind=SectionKind.CRITERION,
            criterion="1",
            responsibility=group,
            timeframe=every_year,
        ),
        Section(id="tc1-1", label="1.1", level=3, parent="tc1", heading="Kế hoạch CCHC", kind=SectionKind.CRITERION),
        Section(id="tc1-2", label="1.2", level=3, parent="tc1", heading="Kiểm tra CCHC", kind=SectionKind.CRITERION),
        Section(id="III", label="III", heading="TỔ CHỨC THỰC HIỆN", kind=SectionKind.PART),
    )
    tasks = (
        Task(id="t1", section="tc1-1", title="Ban hành kế hoạch CCHC năm 2025 đúng thời hạn"),
        Task(id="t2", section="tc1-1", title="Ban hành kế hoạch tuyên truyền CCHC"),
        Task(
            id="t3",
            section="tc1-2",
            title="Kiểm tra công tác CCHC tại 30% số xã, thị trấn",
            responsibility=Responsibility(lead=THANH_TRA, coordinating=(NOI_VU,)),
            timeframe=Before(day=date(2025, 6, 30), text="Trước ngày 30/6/2025"),
        ),
    )
    return minimal_plan(2025, sections=sections, tasks=tasks, title="Kế hoạch nâng cao Chỉ số CCHC năm 2025")


def _commune_plan() -> Plan:
    """A commune plan: "Phân công trách nhiệm" gives an area its lead; a lettered group; duties to report."""
    hoa = Official(honorific="Đ/c", name="Nguyễn Thị Hoa", position="công chức Văn phòng - Thống kê")
    sections = (
        Section(id="I", label="I", heading="MỤC ĐÍCH, YÊU CẦU", kind=SectionKind.PART),
        Section(id="II", label="II", heading="NỘI DUNG, NHIỆM VỤ VÀ PHÂN CÔNG TRÁCH NHIỆM", kind=SectionKind.PART),
        Section(
            id="II.1",
            label="1",
            level=2,
            parent="II",
            heading="Cải cách thủ tục hành chính",
            kind=SectionKind.AREA,
            area=parplan.ReformArea.THU_TUC_HANH_CHINH,
            responsibility=Responsibility(lead=hoa, implementing=(CollectiveParty(name="Bộ phận một cửa"),)),
        ),
        Section(id="II.1.a", label="a", level=3, parent="II.1", heading="Về công tác tuyên truyền"),
        Section(id="III", label="III", heading="TỔ CHỨC THỰC HIỆN", kind=SectionKind.PART),
    )
    tasks = (
        Task(id="a1", section="II.1", title="Niêm yết công khai thủ tục hành chính"),
        Task(id="a2", section="II.1", title="Giải quyết 100% hồ sơ đúng hạn"),
        Task(
            id="a3",
            section="II.1.a",
            title="Tuyên truyền dịch vụ công trực tuyến trên loa truyền thanh xã",
            responsibility=Responsibility(lead=Organisation(name="Đài truyền thanh xã")),
        ),
    )
    obligations = (
        ReportingObligation(
            reporter=Organisation(name="Văn phòng - Thống kê"),
            recipient=Organisation(name="UBND huyện Thạch Hà"),
            timeframe=Recurring(frequencies=[Frequency.QUARTERLY]),
        ),
        ReportingObligation(text="Báo cáo kịp thời khi có khó khăn, vướng mắc gửi Phòng Nội vụ huyện"),
    )
    return minimal_plan(
        2021,
        sections=sections,
        tasks=tasks,
        obligations=obligations,
        purposes=("Thực hiện đồng bộ các nội dung cải cách hành chính",),
    )


def _table_plan(*, with_rows: bool = True) -> Plan:
    """Prose items under the plan's sections and, when ``with_rows``, rows of an appendix table."""
    sections = (
        Section(id="II", label="II", heading="NHIỆM VỤ TRỌNG TÂM", kind=SectionKind.PART),
        Section(id="II.1", label="1", level=2, parent="II", heading="Cải cách thể chế", kind=SectionKind.AREA),
    )
    prose = (Task(id="p1", section="II.1", title="Rà soát văn bản quy phạm pháp luật", responsibility=None),)
    rows = tuple(
        Task(
            id=f"r{number}",
            title=f"Nhiệm vụ ở dòng {number} của phụ lục",
            responsibility=Responsibility(lead=TU_PHAP),
            source=SourceLocation(table="Phụ lục", row=str(number)),
        )
        for number in (1, 2)
    )
    return minimal_plan(2022, sections=sections, tasks=prose + rows if with_rows else prose)


def _open_ended_plan() -> Plan:
    """An open-ended plan ("năm 2024 và những năm tiếp theo") whose target has dated milestones."""
    target = Target(
        comparator=Comparator.GE,
        value=Decimal(100),
        unit=Unit.PERCENT,
        subject="tỷ lệ hồ sơ trực tuyến toàn trình",
        milestones=(
            Milestone(by=date(2025, 6, 30), value=Decimal(50)),
            Milestone(by=date(2025, 12, 31), value=Decimal(100)),
        ),
    )
    sections = (
        Section(id="I", label="I", heading="MỤC TIÊU", kind=SectionKind.PART),
        Section(id="II", label="II", heading="NHIỆM VỤ, GIẢI PHÁP", kind=SectionKind.PART),
        Section(id="II.1", label="1", level=2, parent="II", heading="Yếu tố tiếp cận dịch vụ", kind=SectionKind.GROUP),
    )
    tasks = (
        Task(
            id="s1",
            section="II.1",
            title="Bố trí máy lấy số tự động tại Bộ phận một cửa",
            responsibility=Responsibility(lead=Organisation(name="Văn phòng HĐND - UBND phường")),
            timeframe=Within(periods=[ReportingPeriod.quarter(2024, 1)]),
        ),
    )
    objectives = (Objective(text="Nâng tỷ lệ hồ sơ trực tuyến toàn trình", targets=(target,)),)
    return minimal_plan(
        None,
        span=OpenEnded(from_year=2024, text="năm 2024 và những năm tiếp theo"),
        sections=sections,
        tasks=tasks,
        objectives=objectives,
    )


def _headings(plan: Plan, locale: Locale = "vi") -> list[str]:
    return [block.line for block in layout(plan, locale).blocks if isinstance(block, Heading)]


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


# The plan's own headings, numbering and order --------------------------------------------------------


def test_a_plan_with_its_own_sections_keeps_its_shape_and_the_template_plan_does_not() -> None:
    assert has_own_shape(_criterion_plan())
    assert not has_own_shape(parplan.load_example())  # sections naming areas only, no ids: the template


def test_criterion_headings_keep_their_labels_and_order() -> None:
    assert _headings(_criterion_plan()) == [
        "II. NHIỆM VỤ THEO TIÊU CHÍ",
        "Tiêu chí 1. Công tác chỉ đạo, điều hành cải cách hành chính",
        "Tiêu chí 1.1. Kế hoạch CCHC",
        "Tiêu chí 1.2. Kiểm tra CCHC",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert _headings(_criterion_plan(), "en")[1] == "Criterion 1. Công tác chỉ đạo, điều hành cải cách hành chính"


def test_markdown_shows_each_task_under_its_section() -> None:
    text = parplan.render(_criterion_plan(), format="markdown", locale="vi")
    assert _in_order(
        text,
        [
            "## II. NHIỆM VỤ THEO TIÊU CHÍ",
            "### Tiêu chí 1. Công tác chỉ đạo",
            "#### Tiêu chí 1.1. Kế hoạch CCHC",
            "- Ban hành kế hoạch CCHC năm 2025",
            "- Ban hành kế hoạch tuyên truyền CCHC",
            "#### Tiêu chí 1.2. Kiểm tra CCHC",
            "- Kiểm tra công tác CCHC",
            "## III. TỔ CHỨC THỰC HIỆN",
        ],
    )
    assert "NHIỆM VỤ VÀ GIẢI PHÁP" not in text  # no template heading of its own


def test_a_groups_responsibility_and_timeframe_are_shown_once() -> None:
    text = parplan.render(_criterion_plan(), format="markdown", locale="vi")
    assert text.count("Phòng Nội vụ chủ trì") == 1
    assert "Trách nhiệm thực hiện: Phòng Nội vụ chủ trì; Văn phòng HĐND và UBND huyện phối hợp." in text
    assert text.count("Thời gian thực hiện: thường xuyên trong năm 2025.") == 1
    # stated under the criterion, before its sub-criteria
    assert _in_order(text, ["Tiêu chí 1. Công tác", "Phòng Nội vụ chủ trì", "Tiêu chí 1.1"])


def test_an_items_own_leads_are_in_its_prose() -> None:
    vi = parplan.render(_criterion_plan(), format="markdown", locale="vi")
    assert "Chủ trì: Thanh tra huyện; phối hợp: Phòng Nội vụ; thời gian: trước ngày 30/6/2025" in vi
    en = parplan.render(_criterion_plan(), format="markdown", locale="en")
    assert "Lead: Thanh tra huyện; coordinating: Phòng Nội vụ; timeframe: By 30 June 2025" in en
    # the items that inherit their group's lead say nothing of their own
    assert "Ban hành kế hoạch tuyên truyền CCHC\n" in vi


def test_phan_cong_trach_nhiem_names_the_areas_lead_once_and_lettered_groups_keep_their_letter() -> None:
    text = parplan.render(_commune_plan(), format="markdown", locale="vi")
    assert text.count("Nguyễn Thị Hoa") == 1
    assert "Trách nhiệm thực hiện: Đ/c Nguyễn Thị Hoa, công chức Văn phòng - Thống kê chủ trì" in text
    assert "### a) Về công tác tuyên truyền" in text
    assert "Chủ trì: Đài truyền thanh xã" in text
    assert _in_order(text, ["## I. MỤC ĐÍCH", "- Thực hiện đồng bộ", "## II. NỘI DUNG", "### 1. Cải cách thủ tục"])


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("vi", "Văn phòng - Thống kê báo cáo UBND huyện Thạch Hà; thời gian: hằng quý."),
        ("en", "Văn phòng - Thống kê reports to UBND huyện Thạch Hà; when: Quarterly."),
    ],
)
def test_reporting_obligations_name_who_reports_to_whom(locale: Locale, expected: str) -> None:
    text = parplan.render(_commune_plan(), format="markdown", locale=locale)
    assert expected in text
    assert "Báo cáo kịp thời khi có khó khăn, vướng mắc gửi Phòng Nội vụ huyện" in text  # as written, both languages
    assert _in_order(text, ["III. TỔ CHỨC THỰC HIỆN", expected])


def test_target_milestones_are_shown() -> None:
    vi = parplan.render(_open_ended_plan(), format="markdown", locale="vi")
    assert "đến 30/6/2025 đạt 50%, đến 31/12/2025 đạt 100%" in vi
    assert _in_order(vi, ["## I. MỤC TIÊU", "Nâng tỷ lệ hồ sơ", "## II. NHIỆM VỤ"])
    en = parplan.render(_open_ended_plan(), format="markdown", locale="en")
    assert "50% by 30 Jun 2025, 100% by 31 Dec 2025" in en


def test_an_open_ended_plan_renders_in_every_format() -> None:
    plan = _open_ended_plan()
    for locale in ("vi", "en"):
        assert "Yếu tố tiếp cận dịch vụ" in parplan.render(plan, format="html", locale=locale)
        assert parplan.render(plan, format="docx", locale=locale).startswith(b"PK")


# The appendix ----------------------------------------------------------------------------------------


def _has_table(plan: Plan, **options: bool | None) -> bool:
    return any(isinstance(block, TaskTable) for block in layout(plan, "vi", **options).blocks)


def test_no_appendix_for_a_plan_without_one_unless_asked() -> None:
    plan = _criterion_plan()
    assert not has_appendix(plan)
    assert not _has_table(plan)
    assert _has_table(plan, appendix=True)
    assert "PHỤ LỤC" not in parplan.render(plan, format="markdown", locale="vi")
    assert "PHỤ LỤC" in parplan.render(plan, format="markdown", locale="vi", appendix=True)


def test_a_plan_with_table_rows_keeps_them_in_its_appendix_and_its_prose_in_the_body() -> None:
    plan = _table_plan()
    assert has_appendix(plan)
    text = parplan.render(plan, format="markdown", locale="vi")
    body, appendix = text.split("## PHỤ LỤC")
    assert "Rà soát văn bản quy phạm pháp luật" in body
    assert "Rà soát văn bản quy phạm pháp luật" not in appendix
    assert "Nhiệm vụ ở dòng 1 của phụ lục" in appendix
    assert "Nhiệm vụ ở dòng 1 của phụ lục" not in body
    assert not _has_table(plan, appendix=False)
    assert not _has_table(_table_plan(with_rows=False))


def test_a_template_plan_keeps_its_appendix_unless_told_not_to() -> None:
    plan = parplan.load_example()
    assert has_appendix(plan)
    assert _has_table(plan)
    assert not _has_table(plan, appendix=False)


def test_the_appendix_option_is_checked() -> None:
    with pytest.raises(parplan.InvariantError, match=r"render\.appendix"):
        parplan.render(_criterion_plan(), format="markdown", locale="vi", appendix="yes")  # type: ignore[call-overload]


def test_a_workbook_is_the_appendix_whatever_the_shape() -> None:
    import openpyxl

    data = parplan.render(_criterion_plan(), format="xlsx", locale="vi")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert "Kiểm tra công tác CCHC tại 30% số xã, thị trấn" in cells
    # a task that states no lead of its own takes its criterion's, through Plan.responsibility_of
    assert cells.count("Phòng Nội vụ") >= 2


@pytest.mark.parametrize(("flag", "shown"), [("--appendix", True), ("--no-appendix", False), (None, False)])
def test_the_command_line_flag(tmp_path: Path, flag: str | None, shown: bool) -> None:
    source = tmp_path / "plan.json"
    parplan.dump(_criterion_plan(), source)
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", str(source), *([flag] if flag else [])], out=out, err=err)
    assert (code, err.getvalue()) == (0, "")
    assert ("PHỤ LỤC" in out.getvalue()) is shown


# Escaping and the other writers ----------------------------------------------------------------------


def test_a_plans_own_headings_and_labels_are_escaped() -> None:
    sections = (Section(id="x", label="1*", heading="<script>alert(1)</script> | *Tiêu đề*"),)
    plan = minimal_plan(sections=sections, tasks=(Task(id="t", section="x", title="<b>Nhiệm vụ</b>"),))
    html = parplan.render(plan, format="html", locale="vi")
    assert "<script>" not in html
    assert "<b>Nhiệm vụ" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = parplan.render(plan, format="markdown", locale="vi")
    assert "## 1\\*. \\<script\\>alert(1)\\</script\\> \\| \\*Tiêu đề\\*" in markdown


def test_word_shows_the_plans_headings_in_order() -> None:
    data = parplan.render(_commune_plan(), format="docx", locale="vi")
    paragraphs = [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]
    text = "\n".join(paragraphs)
    assert _in_order(
        text,
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG, NHIỆM VỤ VÀ PHÂN CÔNG TRÁCH NHIỆM",
            "1. Cải cách thủ tục hành chính",
            "a) Về công tác tuyên truyền",
            "III. TỔ CHỨC THỰC HIỆN",
        ],
    )


# Plans read from documents ---------------------------------------------------------------------------

READ = sorted([*(DOCUMENTS / "real").glob("*.txt"), *(DOCUMENTS / "synthetic").glob("*.txt")])


@pytest.mark.parametrize("path", READ, ids=[path.stem for path in READ])
def test_a_readings_plan_renders_with_its_headings_in_order(path: Path) -> None:
    plan = parplan.read_text(path.read_text(encoding="utf-8")).plan
    assert isinstance(plan, Plan)
    for locale in ("vi", "en"):
        text = parplan.render(plan, format="markdown", locale=locale)
        parplan.render(plan, format="html", locale=locale)
        if has_own_shape(plan):
            headings = [escape(re.sub(r"\s+", " ", section.heading).rstrip(" :;")) for section in plan.sections]
            assert _in_order(text, headings)
