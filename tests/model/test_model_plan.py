"""Plans, tasks, budgets, objectives, results and sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given

from builders import minimal_plan
from model_support import check_invariant
from parplan import (
    AdminLevel,
    AdminUnit,
    AreaScore,
    Authority,
    Budget,
    BudgetLine,
    Comparator,
    IndexResult,
    InvariantError,
    Objective,
    Organisation,
    Plan,
    ReformArea,
    ReportingLine,
    ReportingPeriod,
    Responsibility,
    Section,
    Signature,
    SigningCapacity,
    SourceLocation,
    Span,
    Target,
    Task,
    Unit,
    UnitKind,
)
from parplan.errors import NO_VALUE
from strategies import budgets, plans

ISSUER = Organisation(name="UBND xã Sơn Châu", level=AdminLevel.COMMUNE)
SON_CHAU = AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE)


plan = minimal_plan


# --- budgets ----------------------------------------------------------------------------


def test_budget_cells_of_seed_004() -> None:
    # "Kinh phí thực hiện (Triệu đồng)": "150" is 150 million đồng
    amount = Budget(amount=150_000_000, text="150")
    assert amount.is_quantified
    assert amount.lines_total is None
    note = Budget(note="Theo dự trù kinh phí riêng")
    assert not note.is_quantified
    lines = Budget(
        lines=[BudgetLine(label="Tờ rơi", amount=10_000_000), BudgetLine(label="Thiết bị", amount=30_000_000)]
    )
    assert lines.is_quantified
    assert lines.lines_total == 40_000_000
    assert type(lines.lines) is tuple


def test_a_budget_states_something() -> None:
    check_invariant(
        lambda: Budget(source="ngân sách xã"),
        "Budget",
        NO_VALUE,
        "needs an amount, lines, a note or the text as written",
    )
    assert Budget(amount=0).amount == 0
    assert Budget(text="150").text == "150"


@given(budgets())
def test_generated_budgets(budget: Budget) -> None:
    assert budget.amount is not None or budget.lines or budget.note is not None or budget.text is not None
    assert budget.is_quantified == (budget.amount is not None or bool(budget.lines))


def test_budget_line_needs_a_label() -> None:
    check_invariant(lambda: BudgetLine(label=" ", amount=1), "BudgetLine.label", " ", "must not be empty")


# --- tasks and objectives ---------------------------------------------------------------


def test_task_fields() -> None:
    lead = Organisation(name="Văn phòng xã")
    task = Task(
        id="004-10",
        title="Niêm yết công khai các bộ TTHC",
        area=ReformArea.THU_TUC_HANH_CHINH,
        outputs=("100% TTHC thuộc thẩm quyền được niêm yết công khai đúng quy định",),
        responsibility=Responsibility(lead=lead),
        indicators=["tthc.public"],
    )
    assert task.lead is lead
    assert task.indicators == ("tthc.public",)
    assert Task(id="t", title="Ban hành").lead is None


def test_task_invariants() -> None:
    check_invariant(lambda: Task(id="t", title=""), "Task.title", "", "must not be empty")
    check_invariant(
        lambda: Task(id="t", title="Ban hành", outputs=("Kế hoạch", "")),
        "Task.outputs",
        ("Kế hoạch", ""),
        "must not hold empty strings",
    )
    check_invariant(
        lambda: Task(id="t", title="Ban hành", indicators=["tthc.online", "tỷ lệ"]),
        "Task.indicators",
        "tỷ lệ",
        "must be an identifier of ASCII letters, digits and '._:/-', starting with a letter or digit",
    )


def test_objective_ids_are_identifiers_and_unique_in_a_plan() -> None:
    check_invariant(
        lambda: Objective(text="Phấn đấu", id="mục tiêu 1"),
        "Objective.id",
        "mục tiêu 1",
        "must be an identifier of ASCII letters, digits and '._:/-', starting with a letter or digit",
    )
    first = Objective(text="100% hồ sơ TTHC được giải quyết trước và đúng hạn", id="o1")
    second = Objective(text="đạt từ 90% trở lên", id="o2")
    unnamed = Objective(text="Tổ chức thực hiện có hiệu quả Kế hoạch CCHC xã năm 2022")
    assert plan(objectives=[first, unnamed, second, unnamed]).objectives[1] is unnamed
    check_invariant(
        lambda: plan(objectives=[first, second, unnamed, Objective(text="Số hóa", id="o1")]),
        "Plan.objectives",
        ["o1", "o2", "o1"],
        "must not repeat an id",
    )


# --- plans ------------------------------------------------------------------------------


def test_a_plan_covers_a_year_or_a_span_never_both() -> None:
    assert plan().year == 2022
    programme = plan(year=None, span=Span(start_year=2021, end_year=2030))
    assert (programme.first_year, programme.last_year) == (2021, 2030)
    assert (plan().first_year, plan().last_year) == (2022, 2022)
    check_invariant(
        lambda: plan(span=Span(start_year=2021, end_year=2025)),
        "Plan.year",
        2022,
        "exactly one of 'year' and 'span' must be given",
    )
    check_invariant(lambda: plan(year=None), "Plan.year", None, "exactly one of 'year' and 'span' must be given")


@pytest.mark.parametrize(("year", "valid"), [(1944, False), (1945, True), (2200, True), (2201, False)])
def test_plan_year_boundaries(year: int, valid: bool) -> None:
    if valid:
        assert plan(year=year).year == year
    else:
        check_invariant(lambda: plan(year=year), "Plan.year", year, "must be a year between 1945 and 2200")


def test_plan_level_follows_its_unit() -> None:
    district = AdminUnit(name="Mang Yang", kind=UnitKind.DISTRICT)
    assert plan(unit=district).level is AdminLevel.DISTRICT
    assert plan().level is AdminLevel.COMMUNE


def test_areas_tasks_and_targets() -> None:
    at_least_90 = Target(comparator=Comparator.GE, value=Decimal(90), unit=Unit.PERCENT)
    two = Target(comparator=Comparator.GE, value=Decimal(2), unit=Unit.COUNT)
    tasks = [
        Task(id="1", title="Đầu tư thiết bị", area=ReformArea.CHINH_QUYEN_SO),
        Task(id="2", title="Ban hành văn bản chỉ đạo", area=ReformArea.CHI_DAO_DIEU_HANH, targets=[two]),
        Task(id="2", title="Trùng số thứ tự", area=ReformArea.CHI_DAO_DIEU_HANH),
        Task(id="3", title="Không rõ lĩnh vực"),
    ]
    sections = [Section(heading="8. Tác động CCHC đến phát triển kinh tế xã hội.", area=ReformArea.TAC_DONG, label="8")]
    objectives = [
        Objective(text="sự hài lòng đạt từ 90% trở lên", targets=[at_least_90]),
        Objective(text="ít nhất có 02 sáng kiến", id="sang-kien", targets=[two]),
    ]
    subject = plan(tasks=tasks, sections=sections, objectives=objectives)
    assert subject.areas == (ReformArea.CHI_DAO_DIEU_HANH, ReformArea.CHINH_QUYEN_SO, ReformArea.TAC_DONG)
    assert subject.get_task("2") is tasks[1]
    assert subject.get_task("9") is None
    assert subject.tasks_in(ReformArea.CHI_DAO_DIEU_HANH) == (tasks[1], tasks[2])
    assert subject.tasks_in(ReformArea.THE_CHE) == ()
    assert list(subject.targets()) == [("objective:0", at_least_90), ("sang-kien", two), ("task:2", two)]


@given(plans())
def test_generated_plans_keep_their_invariants(subject: Plan) -> None:
    assert (subject.year is None) != (subject.span is None)
    assert (subject.last_year is None) == subject.is_open_ended
    assert subject.first_year <= (subject.last_year or subject.first_year)
    assert subject.stated_years[0] == subject.first_year
    assert list(subject.areas) == sorted(set(subject.areas), key=lambda area: area.number)
    ids = [objective.id for objective in subject.objectives if objective.id is not None]
    assert len(ids) == len(set(ids))
    owned = sum(len(o.targets) for o in subject.objectives) + sum(len(t.targets) for t in subject.tasks)
    assert len(list(subject.targets())) == owned


# --- reporting, results, signatures, sources --------------------------------------------


def test_reporting_lines_keep_the_mistakes_of_the_text() -> None:
    # seed 004: "Báo cáo 6 tháng đầu năm 2022: … từ ngày 15/12/2022 đến ngày 14/6/2022" (start after end)
    line = ReportingLine(
        period=ReportingPeriod.parse("2022S1"), data_from=date(2022, 12, 15), data_to=date(2022, 6, 14)
    )
    assert line.data_from is not None
    assert line.data_to is not None
    assert line.data_from > line.data_to
    check_invariant(
        lambda: ReportingLine(period=ReportingPeriod.parse("2022"), recipient=""),
        "ReportingLine.recipient",
        "",
        "must be absent or not empty",
    )


def test_index_results() -> None:
    result = IndexResult(
        framework="par_index_commune",
        year=2020,
        score=Decimal("90.73"),
        rank=4,
        out_of=25,
        rank_change=-2,
        area_scores=[AreaScore(area=ReformArea.THE_CHE, points=Decimal("9.5"), max_points=Decimal(10))],
        text="tổng điểm … đạt 90,73 điểm, xếp thứ 4/25 toàn huyện (giảm 02 hạng so với năm 2019)",
    )
    assert result.unit is Unit.POINTS
    assert type(result.area_scores) is tuple
    check_invariant(
        lambda: IndexResult(framework="par", year=2020, rank=0), "IndexResult.rank", 0, "must be at least 1"
    )
    check_invariant(
        lambda: IndexResult(framework="Chỉ số CCHC", year=2020),
        "IndexResult.framework",
        "Chỉ số CCHC",
        "must be an identifier of ASCII letters, digits and '._:/-', starting with a letter or digit",
    )
    with pytest.raises(InvariantError) as caught:
        AreaScore(area=ReformArea.THE_CHE, points=Decimal("NaN"))
    assert caught.value.field == "AreaScore.points"


def test_signature() -> None:
    signature = Signature(
        position="CHỦ TỊCH",
        authorities=[Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN")],
        name="Hồ Phạm Tuấn",
    )
    assert signature.capacity is SigningCapacity.TM
    assert Signature(position="CHỦ TỊCH").name is None
    check_invariant(lambda: Signature(position=""), "Signature.position", "", "must not be empty")


@pytest.mark.parametrize(
    ("location", "text"),
    [
        (SourceLocation(), ""),
        (SourceLocation(file="004.txt"), "004.txt"),
        (SourceLocation(file="004.txt", line=12), "004.txt:12"),
        (SourceLocation(line=12), "line 12"),
        (SourceLocation(section="III.3"), "section III.3"),
        (SourceLocation(section="III.3", item="b"), "section III.3 b)"),
        (SourceLocation(item="b"), "item b)"),
        (
            SourceLocation(table="Phụ lục", row="12", column="Thời gian thực hiện"),
            "Phụ lục, row 12, column 'Thời gian thực hiện'",
        ),
        (SourceLocation(file="004.txt", line=3, section="II", row="7"), "004.txt:3, section II, row 7"),
    ],
)
def test_source_locations(location: SourceLocation, text: str) -> None:
    assert str(location) == text
