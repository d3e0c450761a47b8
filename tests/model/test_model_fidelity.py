"""Room for what real plans say: open-ended plans, groups that state responsibility once, criteria,
reporting duties without a period, signature blocks as signed, mastheads as printed, pinpoints,
joint citations, parts of periods and where each field came from."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs
import pytest

import parplan
from builders import minimal_plan
from model_support import check_invariant
from parplan import (
    AdminUnit,
    Authority,
    Before,
    Certainty,
    FieldSource,
    Frequency,
    IndexFramework,
    IndexNode,
    LegalReference,
    Masthead,
    Objective,
    OnEvent,
    OpenEnded,
    Organisation,
    OrgKind,
    Part,
    PartOf,
    Pinpoint,
    Recurring,
    ReportingObligation,
    ReportingPeriod,
    Responsibility,
    Role,
    Section,
    SectionKind,
    Signature,
    SigningCapacity,
    Since,
    SourceLocation,
    Span,
    Task,
    UnitKind,
    Within,
)

OFFICE = Organisation(name="Văn phòng - Thống kê")
JUSTICE = Organisation(name="Tư pháp - Hộ tịch")


# --- open-ended plans ---------------------------------------------------------------------------


def test_a_plan_for_a_year_and_the_years_after() -> None:
    plan = minimal_plan(year=None, span=OpenEnded(from_year=2024, text="năm 2024 và những năm tiếp theo"))
    assert (plan.first_year, plan.last_year, plan.is_open_ended) == (2024, None, True)
    assert list(plan.stated_years) == [2024]
    closed = minimal_plan(year=None, span=Span(start_year=2021, end_year=2025))
    assert (closed.last_year, closed.is_open_ended, list(closed.stated_years)) == (2025, False, list(range(2021, 2026)))
    assert parplan.loads(parplan.dumps(plan)) == plan


def test_checks_reason_on_an_open_ended_plan() -> None:
    task = Task(id="1", title="Rà soát TTHC", timeframe=Within(periods=[ReportingPeriod.year_of(2031)]))
    open_plan = minimal_plan(year=None, span=OpenEnded(from_year=2024), tasks=[task], issued_on=date(2030, 1, 1))
    codes = {finding.code for finding in parplan.check(open_plan)}
    assert "PP201" not in codes  # a deadline in 2031 is not outside a plan that goes on
    assert "PP209" not in codes  # nor is a plan of 2030 dated after its period
    closed = minimal_plan(year=2024, tasks=[task], issued_on=date(2030, 1, 1))
    assert {"PP201", "PP209"} <= {finding.code for finding in parplan.check(closed)}


# --- groups that state responsibility and timeframe once ---------------------------------------


def _criterion_plan() -> parplan.Plan:
    framework = IndexFramework(
        code="xa-2024",
        name="Bộ tiêu chí xác định Chỉ số CCHC cấp xã",
        scope=parplan.FrameworkScope.COMMUNE,
        nodes=[
            IndexNode(
                code="2",
                name="Cải cách thể chế",
                area=parplan.ReformArea.THE_CHE,
                children=[IndexNode(code="2.3", name="Theo dõi thi hành pháp luật", kind=parplan.NodeKind.CRITERION)],
            )
        ],
    )
    group = Section(
        id="tc-2",
        heading="Tiêu chí 2. Cải cách thể chế",
        label="2",
        kind=SectionKind.CRITERION,
        criterion="2",
        responsibility=Responsibility(lead=JUSTICE, coordinating=[OFFICE]),
        timeframe=Within(periods=[ReportingPeriod.year_of(2024)], text="Trong năm 2024"),
    )
    sub = Section(
        id="tc-2.3", heading="Theo dõi thi hành pháp luật", label="2.3", level=2, parent="tc-2", criterion="2.3"
    )
    own = Responsibility(lead=OFFICE)
    tasks = [
        Task(id="1", title="Xây dựng kế hoạch theo dõi thi hành pháp luật", section="tc-2.3", criteria=["2.3"]),
        Task(id="2", title="Báo cáo kết quả", section="tc-2.3", responsibility=own, objectives=["mt-1"]),
        Task(id="3", title="Việc ngoài nhóm"),
    ]
    objective = Objective(id="mt-1", text="Hoàn thành 100% nhiệm vụ", section="tc-2", criteria=["2.3"])
    return minimal_plan(year=2024, sections=[group, sub], tasks=tasks, objectives=[objective], framework=framework)


def test_items_inherit_what_their_group_states() -> None:
    plan = _criterion_plan()
    first, second, third = plan.tasks
    assert [s.id for s in plan.section_chain("tc-2.3")] == ["tc-2.3", "tc-2"]
    assert plan.responsibility_of(first) == plan.sections[0].responsibility
    assert plan.timeframe_of(first) == plan.sections[0].timeframe
    assert plan.responsibility_of(second) == Responsibility(lead=OFFICE)  # its own wins
    assert (plan.responsibility_of(third), plan.timeframe_of(third)) == (None, None)
    assert first.lead is None  # what the task itself states
    assert parplan.loads(parplan.dumps(plan)) == plan


def test_a_loop_of_parents_stops() -> None:
    loop = [Section(id="a", heading="A", parent="b"), Section(id="b", heading="B", parent="a")]
    plan = minimal_plan(sections=loop)
    assert [s.id for s in plan.section_chain("a")] == ["a", "b"]
    assert plan.section_chain("missing") == ()
    assert plan.section_chain(None) == ()


def test_section_levels_are_bounded() -> None:
    check_invariant(lambda: Section(heading="x", level=0), "Section.level", 0, "must be a depth from 1 (top) to 8")
    check_invariant(lambda: Section(heading="x", level=9), "Section.level", 9, "must be a depth from 1 (top) to 8")


# --- reporting duties without a fixed period ---------------------------------------------------


def test_recurring_and_ad_hoc_reporting_obligations() -> None:
    monthly = ReportingObligation(
        recipient=Organisation(name="UBND huyện"),
        timeframe=Recurring(frequencies=[Frequency.MONTHLY]),
        subject="kết quả thực hiện kế hoạch",
        text="Định kỳ hằng tháng báo cáo UBND huyện (qua Phòng Nội vụ)",
    )
    ad_hoc = ReportingObligation(timeframe=OnEvent(event="khi có khó khăn, vướng mắc"), text="báo cáo kịp thời")
    plan = minimal_plan(obligations=[monthly, ad_hoc], tasks=[Task(id="1", title="Tổng hợp", reports_to=OFFICE)])
    assert parplan.loads(parplan.dumps(plan)) == plan
    check_invariant(
        lambda: ReportingObligation(subject="x"),
        "ReportingObligation",
        parplan.errors.NO_VALUE,
        "needs a recipient, a timeframe or the text as written",
    )


def test_a_request_to_a_body_outside_the_hierarchy_is_not_an_assignment() -> None:
    front = Organisation(name="Ủy ban MTTQ xã", category=OrgKind.FRONT)
    asked = Responsibility(requested=[front])
    assert asked.parties(Role.REQUESTED) == (front,)
    assert asked.assignments() == ((Role.REQUESTED, front),)
    assert asked.lead is None


# --- the document as printed ---------------------------------------------------------------------


def test_kt_under_tm_as_signed() -> None:
    signature = Signature(
        authorities=[
            Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN"),
            Authority(capacity=SigningCapacity.KT, of="CHỦ TỊCH"),
        ],
        position="PHÓ CHỦ TỊCH",
        name="Nguyễn Văn An",
    )
    assert (signature.capacity, signature.on_behalf_of) == (SigningCapacity.TM, "ỦY BAN NHÂN DÂN")
    text = parplan.render(minimal_plan(signature=signature), format="markdown", locale="vi")
    assert text.index("TM. ỦY BAN NHÂN DÂN") < text.index("KT. CHỦ TỊCH") < text.index("PHÓ CHỦ TỊCH")


def test_a_version_1_signature_and_span_migrate() -> None:
    old = {
        "format_version": 1,
        "title": "Kế hoạch",
        "issuer": {"name": "UBND xã"},
        "unit": {"name": "Sơn Châu", "kind": "xa"},
        "span": {"start_year": 2021, "end_year": 2025},
        "signature": {"position": "PHÓ CHỦ TỊCH", "capacity": "KT", "on_behalf_of": "CHỦ TỊCH"},
    }
    plan = parplan.loads(json.dumps(old))
    assert plan.signature == Signature(
        authorities=[Authority(capacity=SigningCapacity.KT, of="CHỦ TỊCH")], position="PHÓ CHỦ TỊCH"
    )
    assert plan.span == Span(start_year=2021, end_year=2025)
    written = json.loads(parplan.dumps(plan))
    assert written["span"] == {"kind": "span", "start_year": 2021, "end_year": 2025}


def test_the_masthead_as_printed_and_a_unit_named_by_its_kind() -> None:
    masthead = Masthead(issuer="ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU", place_date="Sơn La, ngày 05 tháng 01 năm 2026")
    assert (masthead.parent, masthead.number) == (None, None)
    district = AdminUnit(kind=UnitKind.DISTRICT)
    assert district.full_name == "huyện"
    commune = AdminUnit(name="Sơn Giang", kind=UnitKind.COMMUNE, parent=district)
    plan = minimal_plan(unit=commune, masthead=masthead, closing="Trên đây là Kế hoạch cải cách hành chính năm 2024.")
    assert parplan.loads(parplan.dumps(plan)) == plan


def test_a_ministry_plans_for_the_whole_country() -> None:
    country = AdminUnit(name="Việt Nam", kind=UnitKind.COUNTRY)
    ministry = Organisation(name="Bộ Nội vụ", level=parplan.AdminLevel.CENTRAL, category=OrgKind.MINISTRY)
    plan = minimal_plan(unit=country, issuer=ministry)
    assert plan.level is parplan.AdminLevel.CENTRAL
    with pytest.raises(parplan.InvariantError, match="higher tier"):
        AdminUnit(name="Việt Nam", kind=UnitKind.COUNTRY, parent=AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE))


# --- citations ------------------------------------------------------------------------------------


def test_one_citation_of_two_documents_and_a_pinpoint() -> None:
    text = "Quyết định số 12/QĐ-UBND và số 15/QĐ-UBND ngày 10/01/2024 của UBND huyện"
    first = LegalReference(symbol=parplan.DocumentSymbol(number="12", doc_type="QĐ", issuer="UBND"), text=text)
    second = attrs.evolve(
        first, symbol=parplan.DocumentSymbol(number="15", doc_type="QĐ", issuer="UBND"), with_previous=True
    )
    pinned = LegalReference(title="Luật Ban hành văn bản QPPL", pinpoint=Pinpoint(article="3", clause="2"))
    plan = minimal_plan(legal_bases=[first, second, pinned])
    assert parplan.loads(parplan.dumps(plan)) == plan
    check_invariant(
        lambda: Pinpoint(text="Điều"),
        "Pinpoint",
        parplan.errors.NO_VALUE,
        "needs an article, a clause, a point or a section",
    )


# --- parts of periods and days on --------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "part", "number", "first", "last"),
    [
        ("2024", Part.END, None, date(2024, 9, 1), date(2024, 12, 31)),
        ("2024", Part.START, None, date(2024, 1, 1), date(2024, 4, 30)),
        ("2024Q2", Part.MIDDLE, None, date(2024, 5, 1), date(2024, 5, 31)),
        ("2024S1", Part.END, None, date(2024, 5, 1), date(2024, 6, 30)),
        ("2024M03", Part.START, None, date(2024, 3, 1), date(2024, 3, 10)),
        ("2024M02", Part.END, None, date(2024, 2, 21), date(2024, 2, 29)),
        ("2024M03", Part.WEEK, 1, date(2024, 3, 1), date(2024, 3, 7)),
        ("2024M02", Part.WEEK, 5, date(2024, 2, 29), date(2024, 2, 29)),
        ("2024M02", Part.LAST_WEEK, None, date(2024, 2, 23), date(2024, 2, 29)),
        ("2025M07", Part.FIRST_DAYS, 10, date(2025, 7, 1), date(2025, 7, 10)),
        ("2025M07", Part.LAST_DAYS, 5, date(2025, 7, 27), date(2025, 7, 31)),
        ("2024", Part.FIRST_HALF, None, date(2024, 1, 1), date(2024, 7, 1)),
        ("2025M04", Part.SECOND_HALF, None, date(2025, 4, 16), date(2025, 4, 30)),
    ],
)
def test_parts_of_periods(period: str, part: Part, number: int | None, first: date, last: date) -> None:
    timeframe = PartOf(period=ReportingPeriod.parse(period), part=part, number=number)
    assert (timeframe.earliest, timeframe.latest) == (first, last)
    assert timeframe.is_overdue(last) is False
    assert timeframe.is_overdue(date.fromordinal(last.toordinal() + 1)) is True


def test_parts_that_need_a_month_or_a_number() -> None:
    year = ReportingPeriod.year_of(2024)
    check_invariant(
        lambda: PartOf(period=year, part=Part.WEEK, number=1),
        "PartOf.part",
        "week",
        "weeks and days are parts of a month",
    )
    march = ReportingPeriod.month(2024, 3)
    check_invariant(
        lambda: PartOf(period=march, part=Part.WEEK), "PartOf.number", None, "is required for the part 'week'"
    )
    check_invariant(
        lambda: PartOf(period=march, part=Part.END, number=2), "PartOf.number", 2, "must be absent for the part 'end'"
    )
    check_invariant(
        lambda: PartOf(period=march, part=Part.WEEK, number=6),
        "PartOf.number",
        6,
        "must be a week of the month, 1 to 5",
    )
    check_invariant(
        lambda: PartOf(period=ReportingPeriod.month(2025, 2), part=Part.FIRST_DAYS, number=29),
        "PartOf.number",
        29,
        "must not exceed the 28 days of the month",
    )


def test_since_a_day() -> None:
    since = Since(day=date(2025, 7, 1), text="Từ ngày 01/7/2025")
    assert (since.earliest, since.latest, since.is_overdue(date(2030, 1, 1))) == (date(2025, 7, 1), None, False)


# --- where each field came from -----------------------------------------------------------------


def test_field_sources_round_trip_with_the_plan() -> None:
    where = SourceLocation(file="ke-hoach.pdf", page=2, line=14, line_end=15)
    assert str(where) == "ke-hoach.pdf:14-15, page 2"
    sheet = SourceLocation(sheet="Phụ lục", cell="C12")
    assert str(sheet) == "sheet 'Phụ lục', cell C12"
    source = FieldSource(
        path="$.tasks[0].timeframe",
        origin=where,
        written="Quý ll/2024",
        certainty=Certainty.UNCERTAIN,
        confidence=Decimal("0.9"),
        doubts=["'ll' read as the Roman II"],
    )
    plan = minimal_plan(
        tasks=[Task(id="1", title="Ban hành", timeframe=Before(day=date(2024, 6, 30)))], sources=[source]
    )
    assert parplan.loads(parplan.dumps(plan)) == plan


@pytest.mark.parametrize(
    ("build", "field", "value", "message"),
    [
        (
            lambda: FieldSource(path="tasks[0]"),
            "FieldSource.path",
            "tasks[0]",
            "must be a JSON path such as '$.tasks[3].title'",
        ),
        (
            lambda: FieldSource(path="$", confidence=Decimal("1.5")),
            "FieldSource.confidence",
            Decimal("1.5"),
            "must be a number from 0 to 1",
        ),
        (lambda: SourceLocation(cell="c12"), "SourceLocation.cell", "c12", "must be a cell reference such as 'C12'"),
        (
            lambda: SourceLocation(line=5, line_end=4),
            "SourceLocation.line_end",
            4,
            "must not be before the first line 5",
        ),
        (lambda: SourceLocation(line_end=4), "SourceLocation.line_end", 4, "needs the first line, 'line'"),
    ],
)
def test_sources_are_checked(build: Callable[[], object], field: str, value: object, message: str) -> None:
    check_invariant(build, field, value, message)


def test_a_rank_indicator_is_better_when_lower() -> None:
    rank = parplan.Indicator(code="xep-hang", name="Xếp hạng Chỉ số CCHC", kind=parplan.MeasureKind.RANK)
    assert rank.direction is parplan.Direction.LOWER_IS_BETTER
    share = parplan.Indicator(code="ty-le", name="Tỷ lệ", kind=parplan.MeasureKind.PERCENTAGE)
    assert share.direction is parplan.Direction.HIGHER_IS_BETTER
    assert (
        parplan.loads(parplan.dumps(parplan.PAR_INDEX_2017_PROVINCE), kind=IndexFramework)
        == parplan.PAR_INDEX_2017_PROVINCE
    )
