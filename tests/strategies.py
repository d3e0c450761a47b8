"""Hypothesis strategies that build VALID parplan model objects, one per model class.

``st.builds`` ignores attrs validators and would produce invalid objects, so every
strategy here is written by hand to respect the invariants of its class. They are
composable: ``tasks(timeframe=timeframes())`` or ``responsibilities(lead=organisations())``
narrow a part, and the leaves (``texts``, ``identifiers``, ``decimals`` …) are reusable.

Text comes from a vocabulary of words seen in real plans, recombined, mixed with
arbitrary Unicode text, so that code cannot memorise the seeds; some of it is given
in NFD to exercise the NFC conversion of the model.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

import parplan
from parplan import (
    MAX_AMOUNT,
    AdminLevel,
    AdminUnit,
    AreaScore,
    Authority,
    Baseline,
    Before,
    Between,
    Budget,
    BudgetLine,
    Certainty,
    CollectiveParty,
    Comparator,
    Compound,
    Direction,
    DocumentSymbol,
    Evaluation,
    FieldSource,
    FrameworkScope,
    Frequency,
    IndexFramework,
    IndexGroup,
    IndexNode,
    IndexResult,
    Indicator,
    JointParty,
    LegalReference,
    Masthead,
    MeasureKind,
    Milestone,
    NodeKind,
    Objective,
    Official,
    OnDate,
    OnEvent,
    OpenEnded,
    Organisation,
    OrgKind,
    Part,
    PartOf,
    Party,
    PeriodKind,
    PerSchedule,
    Pinpoint,
    Plan,
    PlanKind,
    Recurring,
    ReformArea,
    ReportingLine,
    ReportingObligation,
    ReportingPeriod,
    Responsibility,
    SchoolTerm,
    ScoringMethod,
    Section,
    SectionKind,
    Signature,
    SigningCapacity,
    SimpleTimeframe,
    Since,
    SingleParty,
    SourceLocation,
    Span,
    SpanKind,
    Status,
    Step,
    SymbolForm,
    Target,
    TargetFlag,
    Task,
    Timeframe,
    Unit,
    UnitKind,
    Within,
    WithinWorkingDays,
)
from parplan.calendar import FIRST_YEAR, LAST_YEAR
from parplan.legal import DOCUMENT_TYPES

__all__ = [
    "ISSUERS",
    "WORDS",
    "admin_units",
    "area_scores",
    "baselines",
    "befores",
    "betweens",
    "budget_lines",
    "budgets",
    "collective_parties",
    "compounds",
    "dates",
    "decimals",
    "document_symbols",
    "evaluations",
    "frequencies",
    "identifiers",
    "index_frameworks",
    "index_group_lists",
    "index_groups",
    "index_nodes",
    "index_results",
    "indicators",
    "joint_parties",
    "legal_references",
    "milestones",
    "money",
    "objectives",
    "officials",
    "on_dates",
    "on_events",
    "open_endeds",
    "organisations",
    "parties",
    "per_schedules",
    "plan_documents",
    "plans",
    "recurrings",
    "reporting_lines",
    "reporting_periods",
    "responsibilities",
    "school_terms",
    "sections",
    "signatures",
    "simple_timeframes",
    "single_parties",
    "source_locations",
    "spans",
    "steps",
    "targets",
    "tasks",
    "texts",
    "timeframes",
    "unicode_texts",
    "vietnamese_texts",
    "within_working_days",
    "withins",
    "years",
]

# --- leaves -----------------------------------------------------------------------------

WORDS: tuple[str, ...] = (
    # words and abbreviations of the seed plans, recombined at random below
    "Kế hoạch",
    "cải cách hành chính",
    "CCHC",
    "năm",
    "Ủy ban nhân dân",
    "UBND",
    "xã",
    "huyện",
    "tỉnh",
    "Sơn Châu",
    "Sơn Giang",
    "Mang Yang",
    "Hương Sơn",
    "Hà Tĩnh",
    "Văn phòng",
    "HĐND",
    "HDNĐ",
    "Tư pháp – Hộ tịch",
    "Tài chính - KT",
    "Văn hóa - Thông tin",
    "Phòng Nội vụ",
    "Đảng ủy",
    "cán bộ, công chức",
    "thủ tục hành chính",
    "TTHC",
    "một cửa, một cửa liên thông",
    "dịch vụ công trực tuyến mức độ 3, 4",
    "bưu chính công ích",
    "BCCI",
    "TCVN ISO 9001:2015",
    "Trang thông tin điện tử",
    "chữ ký số",
    "chuyển đổi số",
    "tinh giản biên chế",
    "Quy chế chi tiêu nội bộ",
    "tự kiểm tra",
    "Thường xuyên",
    "Trong năm",
    "Khi có hướng dẫn, chỉ đạo của cấp trên",
    "Theo kế hoạch của huyện",
    "Quý I, II, III/2022",
    "Tháng 01/2022",
    "đạt từ 90% trở lên",
    "trên 50%",
    "100%",
    "Phần đầu",
    "Phấn đấu",
    "ít nhất có 02 sáng kiến",
    "xếp thứ 4/25",
    "90,73 điểm",
    "3.773 triệu đồng",
    "Đ/c",
    "Nguyễn Văn A",
    "Hồ Phạm Tuấn",
    "Cán bộ CNTT xã",
    "Các cơ quan, đơn vị liên quan",
    "(định kỳ hàng quý, 6 tháng và năm 2022)",
    "./.",
)
"""Words and phrases of the seed plans, typos included ("HDNĐ", "Phần đầu")."""

_VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "0123456789"
)

ISSUERS: tuple[str, ...] = (
    "CP",
    "UBND",
    "BNV",
    "BNV-CCHC",
    "TTg",
    "QĐ-TTg",
    "VPCP",
    "TW",
    "TU",
    "HU",
    "BTC",
    "UBND-VP",
)
"""Issuer abbreviations of document symbols seen in the seeds."""


def examples(ci: int) -> int:
    """The example count of a property that sets its own: ``ci`` in the ``ci`` profile, scaled like the others.

    A quarter of it in ``dev`` (the default), ten times it in ``thorough`` (tests/conftest.py).
    """
    return max(1, round(ci * settings().max_examples / 100))


def _nfd_sometimes(text: str, nfd: bool) -> str:
    return unicodedata.normalize("NFD", text) if nfd else text


@cache
@st.composite
def vietnamese_texts(draw: st.DrawFn, *, max_words: int = 6) -> str:
    """A non-blank phrase of seed words and random Vietnamese letters, sometimes in NFD."""
    random_word = st.text(alphabet=_VIETNAMESE_LETTERS, min_size=1, max_size=8)
    words = draw(st.lists(st.sampled_from(WORDS) | random_word, min_size=1, max_size=max_words))
    text = " ".join(words)
    return _nfd_sometimes(text, draw(st.booleans()))


@cache
def unicode_texts() -> st.SearchStrategy[str]:
    """Any non-blank Unicode text (control characters included, lone surrogates excluded)."""
    return st.text(min_size=1, max_size=20).filter(lambda s: bool(s.strip()))


@cache
def texts() -> st.SearchStrategy[str]:
    """Non-blank text: mostly Vietnamese phrases, sometimes arbitrary Unicode."""
    return st.one_of(vietnamese_texts(), vietnamese_texts(), unicode_texts())


@cache
def identifiers() -> st.SearchStrategy[str]:
    """Stable identifiers: ASCII letters, digits and ``._:/-``, starting with a letter or digit."""
    return st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,12}", fullmatch=True)


@cache
def years() -> st.SearchStrategy[int]:
    """Plausible years of a Vietnamese document (1945-2200)."""
    return st.integers(min_value=1945, max_value=2200)


@cache
def dates() -> st.SearchStrategy[date]:
    """Any calendar date (the model does not bound dates)."""
    return st.dates()


@cache
def decimals() -> st.SearchStrategy[Decimal]:
    """Finite decimals with 0-6 places, positive exponents and negative zero included."""
    scaled = st.builds(
        lambda digits, exponent: Decimal(digits).scaleb(exponent),
        st.integers(min_value=-(10**12), max_value=10**12),
        st.integers(min_value=-6, max_value=2),
    )
    return st.one_of(scaled, st.sampled_from([Decimal("-0"), Decimal("-0.00"), Decimal("90.73"), Decimal("100.00")]))


@cache
def points() -> st.SearchStrategy[Decimal]:
    """Points of an index: decimals of zero or more."""
    return decimals().map(abs)


@cache
def money() -> st.SearchStrategy[int]:
    """Amounts in đồng: mostly realistic, sometimes at the bounds of what a plan may state (±10^18)."""
    return st.one_of(
        st.integers(min_value=0, max_value=10**13),
        st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT),
        st.sampled_from([MAX_AMOUNT, -MAX_AMOUNT]),
    )


# --- periods and timeframes -------------------------------------------------------------


@cache
@st.composite
def reporting_periods(
    draw: st.DrawFn, *, kind: PeriodKind | None = None, min_year: int = 1900, max_year: int = 2200
) -> ReportingPeriod:
    """A reporting period of any kind (or of ``kind``) between ``min_year`` and ``max_year``."""
    chosen = draw(st.sampled_from(PeriodKind)) if kind is None else kind
    year = draw(st.integers(min_value=min_year, max_value=max_year))
    index = draw(st.integers(min_value=1, max_value=chosen.per_year))
    return ReportingPeriod(kind=chosen, year=year, index=index)


@cache
def _optional_text() -> st.SearchStrategy[str | None]:
    return st.none() | texts()


@cache
def _text_tuples(max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(), max_size=max_size).map(tuple)


@cache
def befores() -> st.SearchStrategy[Before]:
    """``Before``: done by a day."""
    return st.builds(Before, day=dates(), text=_optional_text())


@cache
def on_dates() -> st.SearchStrategy[OnDate]:
    """``OnDate``: on one day."""
    return st.builds(OnDate, day=dates(), text=_optional_text())


@cache
@st.composite
def betweens(draw: st.DrawFn) -> Between:
    """``Between``: two ordered days, possibly the same."""
    first, second = sorted((draw(dates()), draw(dates())))
    return Between(start=first, end=second, text=draw(_optional_text()))


@cache
def withins() -> st.SearchStrategy[Within]:
    """``Within``: one to three distinct periods."""
    periods = st.lists(reporting_periods(), min_size=1, max_size=3, unique_by=str)
    return st.builds(Within, periods=periods, text=_optional_text())


@cache
@st.composite
def spans(draw: st.DrawFn) -> Span:
    """``Span``: whole years, start not after end."""
    first, second = sorted((draw(years()), draw(years())))
    return Span(
        start_year=first, end_year=second, span_kind=draw(st.sampled_from(SpanKind)), text=draw(_optional_text())
    )


@cache
def open_endeds() -> st.SearchStrategy[OpenEnded]:
    """``OpenEnded``: from a year on."""
    return st.builds(OpenEnded, from_year=years(), text=_optional_text())


@cache
def frequencies() -> st.SearchStrategy[list[Frequency]]:
    """One or more distinct frequencies."""
    return st.lists(st.sampled_from(Frequency), min_size=1, max_size=3, unique=True)


@cache
def recurrings() -> st.SearchStrategy[Recurring]:
    """``Recurring``: frequencies, optionally bounded by a period."""
    return st.builds(
        Recurring, frequencies=frequencies(), within=st.none() | reporting_periods(), text=_optional_text()
    )


@cache
def on_events() -> st.SearchStrategy[OnEvent]:
    """``OnEvent``: when something happens."""
    return st.builds(OnEvent, event=texts(), text=_optional_text())


@cache
def per_schedules() -> st.SearchStrategy[PerSchedule]:
    """``PerSchedule``: set by another schedule, optionally bounded."""
    return st.builds(PerSchedule, schedule=texts(), within=st.none() | reporting_periods(), text=_optional_text())


@cache
@st.composite
def school_terms(draw: st.DrawFn) -> SchoolTerm:
    """``SchoolTerm``: a school year, or one of its terms, perhaps its start, middle or end."""
    return SchoolTerm(
        school_year=draw(st.integers(min_value=1945, max_value=2199)),
        term=draw(st.sampled_from([None, 1, 2])),
        part=draw(st.sampled_from([None, Part.START, Part.MIDDLE, Part.END])),
        text=draw(_optional_text()),
    )


@cache
@st.composite
def within_working_days(draw: st.DrawFn) -> WithinWorkingDays:
    """``WithinWorkingDays``: 1-60 working days after a day or after a period's data cut-off.

    The starting day lies in the years the working-day calendar covers.
    """
    days = draw(st.integers(min_value=1, max_value=60))
    text = draw(st.none() | st.just("trong 02 ngày làm việc kể từ ngày chốt số liệu") | texts())
    if draw(st.booleans()):
        after = draw(st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR - 1, 12, 31)))
        return WithinWorkingDays(days=days, after=after, text=text)
    cutoff_of = draw(reporting_periods(min_year=FIRST_YEAR, max_year=LAST_YEAR - 1))
    return WithinWorkingDays(days=days, cutoff_of=cutoff_of, text=text)


@cache
@st.composite
def part_ofs(draw: st.DrawFn) -> PartOf:
    """A part of a period: a third or half of any period, a week or days of a month."""
    text = draw(_optional_text())
    if draw(st.booleans()):
        period = draw(reporting_periods())
        part = draw(st.sampled_from([Part.START, Part.MIDDLE, Part.END, Part.FIRST_HALF, Part.SECOND_HALF]))
        return PartOf(period=period, part=part, text=text)
    year, month = draw(years()), draw(st.integers(min_value=1, max_value=12))
    period = ReportingPeriod.month(year, month)
    part = draw(st.sampled_from([Part.WEEK, Part.LAST_WEEK, Part.FIRST_DAYS, Part.LAST_DAYS]))
    if part is Part.LAST_WEEK:
        return PartOf(period=period, part=part, text=text)
    top = 5 if part is Part.WEEK else 28
    return PartOf(period=period, part=part, number=draw(st.integers(min_value=1, max_value=top)), text=text)


@cache
def sinces() -> st.SearchStrategy[Since]:
    """``Since``: from a day on."""
    return st.builds(Since, day=dates(), text=_optional_text())


@cache
def simple_timeframes() -> st.SearchStrategy[SimpleTimeframe]:
    """Any timeframe but ``Compound``."""
    return st.one_of(
        befores(),
        on_dates(),
        betweens(),
        withins(),
        part_ofs(),
        sinces(),
        spans(),
        open_endeds(),
        recurrings(),
        on_events(),
        per_schedules(),
        school_terms(),
        within_working_days(),
    )


@cache
def steps() -> st.SearchStrategy[Step]:
    """One action of a compound cell."""
    return st.builds(Step, action=_optional_text(), timeframe=simple_timeframes())


@cache
def compounds() -> st.SearchStrategy[Compound]:
    """``Compound``: one to three steps."""
    return st.builds(Compound, steps=st.lists(steps(), min_size=1, max_size=3), text=_optional_text())


@cache
def timeframes() -> st.SearchStrategy[Timeframe]:
    """Any timeframe."""
    return st.one_of(simple_timeframes(), compounds())


# --- organisations and responsibilities -------------------------------------------------

_KINDS_BY_RANK: dict[int, list[UnitKind]] = {
    rank: [kind for kind in UnitKind if kind.level.rank == rank] for rank in (0, 1, 2, 3)
}


@cache
@st.composite
def admin_units(draw: st.DrawFn, *, level: AdminLevel | None = None) -> AdminUnit:
    """An administrative unit (sometimes named only by its kind), optionally with parents of higher tiers."""
    rank = draw(st.sampled_from([0, 1, 2, 3])) if level is None else level.rank
    kind = draw(st.sampled_from(_KINDS_BY_RANK[rank]))
    parent = None
    if rank > 0 and draw(st.booleans()):
        parent_rank = draw(st.integers(min_value=0, max_value=rank - 1))
        parent = draw(admin_units(level=next(lv for lv in AdminLevel if lv.rank == parent_rank)))
    name = draw(st.none() | texts()) if parent is None and rank > 0 else draw(texts())
    return AdminUnit(name=name, kind=kind, parent=parent, code=draw(st.none() | identifiers()))


@cache
def organisations() -> st.SearchStrategy[Organisation]:
    """A named body, with or without its level and category."""
    return st.builds(
        Organisation,
        name=texts(),
        level=st.none() | st.sampled_from(AdminLevel),
        category=st.none() | st.sampled_from(OrgKind),
    )


@cache
@st.composite
def officials(draw: st.DrawFn) -> Official:
    """A person or a post: a name, a position, or both."""
    name = draw(_optional_text())
    position = draw(texts()) if name is None else draw(_optional_text())
    return Official(
        name=name,
        position=position,
        honorific=draw(st.none() | st.sampled_from(["Đ/c", "Ông", "Bà"]) | texts()),
        organisation=draw(_optional_text()),
    )


@cache
def collective_parties() -> st.SearchStrategy[CollectiveParty]:
    """An open group ("Các cơ quan, đơn vị liên quan")."""
    return st.builds(CollectiveParty, name=texts())


@cache
def single_parties() -> st.SearchStrategy[SingleParty]:
    """One body, person or group."""
    return st.one_of(organisations(), officials(), collective_parties())


@cache
def joint_parties() -> st.SearchStrategy[JointParty]:
    """Two to four parties that lead together, none named twice."""
    members = st.lists(single_parties(), min_size=2, max_size=4, unique_by=lambda party: party.key)
    return st.builds(JointParty, members=members)


@cache
def parties() -> st.SearchStrategy[Party]:
    """Anyone a plan makes responsible."""
    return st.one_of(single_parties(), joint_parties())


def _keys(party: Party) -> set[str]:
    if isinstance(party, JointParty):
        return {member.key for member in party.members}
    return {party.key}


@cache
@st.composite
def responsibilities(draw: st.DrawFn, *, lead: st.SearchStrategy[Party | None] | None = None) -> Responsibility:
    """Who leads, coordinates, implements and reports; never empty, the lead never coordinating too."""
    chosen_lead = draw(st.none() | parties() if lead is None else lead)
    lead_keys = set() if chosen_lead is None else _keys(chosen_lead)
    others = st.lists(single_parties(), max_size=3)
    coordinating = [party for party in draw(others) if party.key not in lead_keys]
    implementing = draw(others)
    reporting = draw(others)
    if chosen_lead is None and not (coordinating or implementing or reporting):
        implementing = [draw(single_parties())]
    return Responsibility(lead=chosen_lead, coordinating=coordinating, implementing=implementing, reporting=reporting)


# --- targets and indicators -------------------------------------------------------------


@cache
@st.composite
def baselines(draw: st.DrawFn) -> Baseline:
    """A reference value and/or year or period; at least one of the three."""
    value = draw(st.none() | decimals())
    year = draw(st.none() | years())
    period = draw(st.none() | reporting_periods())
    if value is None and year is None and period is None:
        year = draw(years())
    return Baseline(
        value=value,
        year=year,
        period=period,
        out_of=draw(st.none() | st.integers(min_value=1, max_value=1000)),
        text=draw(_optional_text()),
    )


@cache
def milestones() -> st.SearchStrategy[Milestone]:
    """A dated value on the way to a target."""
    return st.builds(Milestone, by=dates(), value=decimals(), text=_optional_text())


@cache
@st.composite
def targets(draw: st.DrawFn, *, comparator: Comparator | None = None, unit: Unit | None = None) -> Target:
    """A target: absolute comparators carry a value; ``out_of`` only for ranks; milestones in date order."""
    chosen = draw(st.sampled_from(Comparator)) if comparator is None else comparator
    value = draw(decimals()) if not chosen.is_relative else draw(st.none() | decimals())
    chosen_unit = draw(st.none() | st.sampled_from(Unit)) if unit is None else unit
    out_of = draw(st.none() | st.integers(min_value=1, max_value=1000)) if chosen_unit is Unit.RANK else None
    steps_ = sorted(draw(st.lists(milestones(), max_size=3, unique_by=lambda m: m.by)), key=lambda m: m.by)
    return Target(
        comparator=chosen,
        value=value,
        unit=chosen_unit,
        out_of=out_of,
        baseline=draw(st.none() | baselines()),
        indicator=draw(st.none() | identifiers()),
        subject=draw(_optional_text()),
        horizon=draw(st.none() | dates()),
        milestones=steps_,
        text=draw(_optional_text()),
        flags=draw(st.lists(st.sampled_from(TargetFlag), unique=True)),
    )


@cache
def evaluations() -> st.SearchStrategy[Evaluation]:
    """An evaluation result (a plain record: any status with any figures)."""
    return st.builds(
        Evaluation,
        status=st.sampled_from(Status),
        gap=st.none() | decimals(),
        threshold=st.none() | decimals(),
        reason=_optional_text(),
    )


_UNITS_OF_KIND: dict[MeasureKind, list[Unit]] = {
    MeasureKind.COUNT: [Unit.COUNT, Unit.DAYS],
    MeasureKind.PERCENTAGE: [Unit.PERCENT],
    MeasureKind.RATIO: [Unit.PERCENT],
    MeasureKind.SCORE: [Unit.POINTS, Unit.PERCENT],
    MeasureKind.RANK: [Unit.RANK],
    MeasureKind.MONEY: [Unit.VND],
    MeasureKind.QUALITATIVE: [],
}


@cache
@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    """An indicator whose unit suits its kind; ratios name a numerator and a denominator."""
    kind = draw(st.sampled_from(MeasureKind))
    ratio = kind is MeasureKind.RATIO
    return Indicator(
        code=draw(identifiers()),
        name=draw(texts()),
        kind=kind,
        area=draw(st.none() | st.sampled_from(ReformArea)),
        direction=draw(st.sampled_from(Direction)),
        unit=draw(st.none() | st.sampled_from(_UNITS_OF_KIND[kind])) if _UNITS_OF_KIND[kind] else None,
        numerator=draw(texts()) if ratio else None,
        denominator=draw(texts()) if ratio else None,
        framework=draw(_optional_text()),
        name_en=draw(_optional_text()),
    )


@cache
@st.composite
def index_nodes(
    draw: st.DrawFn, *, kind: NodeKind = NodeKind.AREA, code: str | None = None, scored: bool | None = None
) -> IndexNode:
    """A node with children one level below, distinct child codes, and points that add up when given."""
    with_points = draw(st.booleans()) if scored is None else scored
    children: list[IndexNode] = []
    if kind is not NodeKind.SUB_CRITERION:
        below = tuple(NodeKind)[kind.depth + 1]
        count = draw(st.integers(min_value=0, max_value=3))
        own = code if code is not None else draw(identifiers())
        children = [
            draw(index_nodes(kind=below, code=f"{own}.{index + 1}", scored=with_points)) for index in range(count)
        ]
    else:
        own = code if code is not None else draw(identifiers())
    if children and with_points:
        total: Decimal | None = sum((child.max_points or Decimal(0) for child in children), Decimal(0))
    elif with_points:
        total = draw(points())
    else:
        total = None
    return IndexNode(
        code=own,
        name=draw(texts()),
        kind=kind,
        name_en=draw(_optional_text()),
        area=draw(st.none() | st.sampled_from(ReformArea)),
        max_points=total,
        method=draw(st.none() | st.sampled_from(ScoringMethod)),
        criteria_count=draw(st.none() | st.integers(min_value=1, max_value=50)),
        sub_criteria_count=draw(st.none() | st.integers(min_value=1, max_value=200)),
        children=children,
    )


@cache
@st.composite
def index_frameworks(draw: st.DrawFn) -> IndexFramework:
    """A framework of areas with unique codes; the total, when given with scored areas, is their sum."""
    scored = draw(st.booleans())
    count = draw(st.integers(min_value=0, max_value=4))
    nodes = [draw(index_nodes(code=str(index + 1), scored=scored)) for index in range(count)]
    if scored and nodes:
        total: Decimal | None = sum((node.max_points or Decimal(0) for node in nodes), Decimal(0))
    else:
        total = draw(st.none() | points()) if not nodes or not scored else None
    first = draw(st.none() | years())
    last = draw(st.none() | years())
    if first is not None and last is not None and first > last:
        first, last = last, first
    framework = IndexFramework(code="probe", name="probe", scope=FrameworkScope.PROVINCE, nodes=nodes)
    surveyed = sum(
        (
            node.max_points or Decimal(0)
            for node in framework.walk()
            if node.method is ScoringMethod.SURVEY and not node.children
        ),
        Decimal(0),
    )
    survey = draw(st.none() | points().map(lambda extra: surveyed + extra))
    if survey is not None and total is not None and survey > total:
        survey = None
    return IndexFramework(
        code=draw(identifiers()),
        name=draw(texts()),
        scope=draw(st.sampled_from(FrameworkScope)),
        name_en=draw(_optional_text()),
        legal_basis=draw(_optional_text()),
        first_year=first,
        last_year=last,
        total_points=total,
        survey_points=survey,
        nodes=nodes,
        notes=draw(_optional_text()),
        groups=draw(index_group_lists()),
    )


@st.composite
def index_groups(draw: st.DrawFn, *, min_percent: Decimal | None = None) -> IndexGroup:
    """A group of results by percentage ("Nhóm A": from 90%)."""
    return IndexGroup(
        code=draw(st.sampled_from(["A", "B", "C", "D", "Nhóm 1", "Xuất sắc"])),
        min_percent=min_percent
        if min_percent is not None
        else draw(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)),
        name=draw(_optional_text()),
        name_en=draw(_optional_text()),
    )


@st.composite
def index_group_lists(draw: st.DrawFn) -> tuple[IndexGroup, ...]:
    """Groups with distinct codes, from the highest minimum down."""
    minima = draw(
        st.lists(st.integers(min_value=0, max_value=100), unique=True, max_size=3).map(
            lambda v: sorted(v, reverse=True)
        )
    )
    codes = ["A", "B", "C"]
    return tuple(
        IndexGroup(code=codes[index], min_percent=Decimal(minimum), name=draw(_optional_text()))
        for index, minimum in enumerate(minima)
    )


# --- legal references -------------------------------------------------------------------


@cache
@st.composite
def document_symbols(draw: st.DrawFn, *, form: SymbolForm | None = None) -> DocumentSymbol:
    """A document symbol of any form: state (with or without a year), Party, letter or National Assembly."""
    chosen = draw(st.sampled_from(SymbolForm)) if form is None else form
    number = draw(st.none() | st.from_regex(r"[0-9]{1,6}[a-z]?", fullmatch=True))
    if chosen is SymbolForm.ASSEMBLY:
        issuer = draw(st.from_regex(r"(UBTV)?QH[0-9]{1,2}", fullmatch=True))
    else:
        issuer = draw(
            st.sampled_from(ISSUERS) | st.from_regex(r"[A-ZĐ][A-Za-zĐđ0-9&.]{0,5}(-[A-Z0-9]{1,4})?", fullmatch=True)
        )
    doc_type = None
    if chosen is not SymbolForm.LETTER and chosen is not SymbolForm.ASSEMBLY:
        doc_type = draw(
            st.sampled_from(sorted(DOCUMENT_TYPES)) | st.from_regex(r"[A-ZĐ][A-Za-z0-9]{0,3}", fullmatch=True)
        )
    if chosen is SymbolForm.ASSEMBLY:
        year: int | None = draw(years())
    else:
        year = draw(st.none() | years()) if chosen is SymbolForm.STATE else None
    return DocumentSymbol(
        number=number, year=year, doc_type=doc_type, issuer=issuer, form=chosen, text=draw(_optional_text())
    )


@cache
@st.composite
def legal_references(draw: st.DrawFn) -> LegalReference:
    """A cited document: a symbol, a title or the text as written, at least one of them."""
    symbol = draw(st.none() | document_symbols())
    title = draw(_optional_text())
    text = draw(_optional_text())
    if symbol is None and title is None and text is None:
        text = draw(texts())
    return LegalReference(
        symbol=symbol,
        kind=draw(st.none() | st.sampled_from(["Nghị định", "Quyết định", "Kế hoạch", "Kết luận"]) | texts()),
        date=draw(st.none() | dates()),
        issuer_name=draw(_optional_text()),
        title=title,
        pinpoint=draw(st.none() | pinpoints()),
        with_previous=draw(st.booleans()),
        text=text,
    )


@cache
@st.composite
def pinpoints(draw: st.DrawFn) -> Pinpoint:
    """A pinpoint: at least one of an article, a clause, a point or a section."""
    parts = {
        "article": draw(st.none() | st.sampled_from(["3", "12", "5a"])),
        "clause": draw(st.none() | st.sampled_from(["1", "2"])),
        "point": draw(st.none() | st.sampled_from(["a", "đ"])),
        "section": draw(st.none() | st.sampled_from(["II", "3"]) | texts()),
    }
    if all(value is None for value in parts.values()):
        parts["article"] = "1"
    return Pinpoint(**parts, text=draw(_optional_text()))


# --- plans ------------------------------------------------------------------------------


@cache
def source_locations() -> st.SearchStrategy[SourceLocation]:
    """A place in a source document; every part optional."""
    return st.builds(
        _source_location,
        file=_optional_text(),
        page=st.none() | st.integers(min_value=1, max_value=500),
        line=st.none() | st.integers(min_value=1, max_value=10**6),
        lines=st.none() | st.integers(min_value=0, max_value=40),
        section=_optional_text(),
        item=_optional_text(),
        table=_optional_text(),
        row=_optional_text(),
        column=_optional_text(),
        sheet=_optional_text(),
        cell=st.none() | st.sampled_from(["A1", "C12", "AB1048576"]),
    )


def _source_location(*, line: int | None, lines: int | None, **parts: Any) -> SourceLocation:
    line_end = None if line is None or lines is None else line + lines
    return SourceLocation(line=line, line_end=line_end, **parts)


@cache
def field_sources() -> st.SearchStrategy[FieldSource]:
    """Where one field came from."""
    return st.builds(
        FieldSource,
        path=st.sampled_from(["$.title", "$.tasks[0].timeframe", "$.tasks[12].responsibility.lead", "$"]),
        origin=st.none() | source_locations(),
        written=_optional_text(),
        certainty=st.sampled_from(Certainty),
        confidence=st.none() | st.sampled_from([Decimal(0), Decimal("0.5"), Decimal("0.95"), Decimal(1)]),
        doubts=_text_tuples(2),
    )


@cache
def budget_lines() -> st.SearchStrategy[BudgetLine]:
    """One line of a budget."""
    return st.builds(BudgetLine, label=texts(), amount=money(), source=_optional_text())


@cache
@st.composite
def budgets(draw: st.DrawFn) -> Budget:
    """A budget with an amount, lines, a note or the text as written (at least one)."""
    amount = draw(st.none() | money())
    note = draw(_optional_text())
    lines = draw(st.lists(budget_lines(), max_size=3))
    text = draw(st.none() | st.sampled_from(["150", "10", "40", "Theo dự trù kinh phí riêng"]) | texts())
    if amount is None and note is None and not lines and text is None:
        amount = draw(money())
    return Budget(amount=amount, source=draw(_optional_text()), note=note, lines=lines, text=text)


@cache
@st.composite
def tasks(
    draw: st.DrawFn,
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002 - named after the field
    timeframe: st.SearchStrategy[Timeframe | None] | None = None,
) -> Task:
    """A task with any of its optional parts."""
    return Task(
        id=draw(identifiers() if id is None else id),
        title=draw(texts()),
        area=draw(st.none() | st.sampled_from(ReformArea)),
        section=draw(st.none() | identifiers()),
        criteria=draw(st.lists(st.sampled_from(["1.1", "2.3", "TC6", "6"]), max_size=2)),
        objectives=draw(st.lists(identifiers(), max_size=2)),
        subarea=draw(_optional_text()),
        general_task=draw(_optional_text()),
        description=draw(_optional_text()),
        outputs=draw(_text_tuples(2)),
        responsibility=draw(st.none() | responsibilities()),
        timeframe=draw(st.none() | timeframes() if timeframe is None else timeframe),
        reports_to=draw(st.none() | parties()),
        targets=draw(st.lists(targets(), max_size=2)),
        budget=draw(st.none() | budgets()),
        indicators=draw(st.lists(identifiers(), max_size=2)),
        legal_bases=draw(st.lists(legal_references(), max_size=1)),
        source=draw(st.none() | source_locations()),
        notes=draw(_optional_text()),
    )


@cache
def objectives(*, id: st.SearchStrategy[str | None] | None = None) -> st.SearchStrategy[Objective]:  # noqa: A002 - named after the field
    """An objective with its targets."""
    return st.builds(
        Objective,
        text=texts(),
        id=st.none() | identifiers() if id is None else id,
        area=st.none() | st.sampled_from(ReformArea),
        section=st.none() | identifiers(),
        criteria=st.lists(st.sampled_from(["1.1", "2.3"]), max_size=1),
        targets=st.lists(targets(), max_size=2),
        source=st.none() | source_locations(),
    )


@cache
def sections() -> st.SearchStrategy[Section]:
    """A section heading as written."""
    return st.builds(
        Section,
        heading=texts(),
        id=st.none() | identifiers(),
        label=st.none() | st.sampled_from(["I", "II", "VII", "7", "7.1", "A"]) | texts(),
        level=st.integers(min_value=1, max_value=4),
        parent=st.none() | identifiers(),
        kind=st.none() | st.sampled_from(SectionKind),
        area=st.none() | st.sampled_from(ReformArea),
        criterion=st.none() | st.sampled_from(["2.3", "TC6"]),
        responsibility=st.none() | st.none() | responsibilities(),
        timeframe=st.none() | st.none() | simple_timeframes(),
        text=_optional_text(),
        source=st.none() | source_locations(),
    )


_LOCAL_CRITERIA = IndexFramework(
    code="local-2024",
    name="Bộ tiêu chí xác định Chỉ số CCHC cấp xã",
    scope=FrameworkScope.COMMUNE,
    nodes=[
        IndexNode(
            code="2",
            name="Cải cách thể chế",
            area=ReformArea.THE_CHE,
            children=[IndexNode(code="2.3", name="Theo dõi thi hành pháp luật", kind=NodeKind.CRITERION)],
        )
    ],
)
"""The local criteria a generated plan may carry (a small, fixed tree: frameworks have their own strategy)."""


@cache
def reporting_obligations() -> st.SearchStrategy[ReportingObligation]:
    """A duty to report without a fixed period."""
    return st.builds(
        ReportingObligation,
        recipient=st.none() | parties(),
        reporter=st.none() | parties(),
        timeframe=st.none() | simple_timeframes(),
        subject=_optional_text(),
        text=texts(),
        source=st.none() | source_locations(),
    )


@cache
def mastheads() -> st.SearchStrategy[Masthead]:
    """A masthead as printed, parts left out."""
    return st.builds(
        Masthead,
        parent=st.none() | st.just("UBND HUYỆN HƯƠNG SƠN") | texts(),
        issuer=st.just("ỦY BAN NHÂN DÂN XÃ SƠN CHÂU") | texts(),
        number=st.none() | st.just("Số: 06/KH-UBND") | texts(),
        place_date=st.none() | st.just("Sơn Châu, ngày 08 tháng 01 năm 2022") | texts(),
    )


@cache
def reporting_lines() -> st.SearchStrategy[ReportingLine]:
    """A scheduled report, its dates as written (not necessarily in order)."""
    optional_date = st.none() | dates()
    return st.builds(
        ReportingLine,
        period=reporting_periods(),
        data_from=optional_date,
        data_to=optional_date,
        estimate_from=optional_date,
        estimate_to=optional_date,
        due=optional_date,
        recipient=_optional_text(),
        text=_optional_text(),
    )


@cache
def area_scores() -> st.SearchStrategy[AreaScore]:
    """Points scored in one area."""
    return st.builds(AreaScore, area=st.sampled_from(ReformArea), points=decimals(), max_points=st.none() | decimals())


@cache
def index_results() -> st.SearchStrategy[IndexResult]:
    """A published index result."""
    positive = st.none() | st.integers(min_value=1, max_value=10_000)
    return st.builds(
        IndexResult,
        framework=identifiers(),
        year=years(),
        score=st.none() | decimals(),
        unit=st.sampled_from(Unit),
        rank=positive,
        out_of=positive,
        rank_change=st.none() | st.integers(min_value=-100, max_value=100),
        area_scores=st.lists(area_scores(), max_size=3),
        source=st.none() | legal_references(),
        text=_optional_text(),
    )


@cache
def signatures() -> st.SearchStrategy[Signature]:
    """A signature block."""
    return st.builds(
        Signature,
        position=st.sampled_from(["CHỦ TỊCH", "PHÓ CHỦ TỊCH"]) | texts(),
        authorities=st.lists(
            st.builds(
                Authority,
                capacity=st.sampled_from(SigningCapacity),
                of=st.none() | st.sampled_from(["ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]) | texts(),
            ),
            max_size=2,
        ),
        name=_optional_text(),
    )


def _unique_ids(items: list[Objective]) -> bool:
    ids = [item.id for item in items if item.id is not None]
    return len(ids) == len(set(ids))


@cache
@st.composite
def plans(draw: st.DrawFn, *, max_tasks: int = 3) -> Plan:
    """A plan for one year or for a span of years, with any of its optional parts."""
    spanned = draw(st.booleans())
    texts_list = _text_tuples(2)
    span = draw(spans() | open_endeds()) if spanned else None
    return Plan(
        title=draw(texts()),
        issuer=draw(organisations()),
        unit=draw(admin_units()),
        kind=draw(st.sampled_from(PlanKind)),
        year=None if spanned else draw(years()),
        span=span,
        symbol=draw(st.none() | document_symbols()),
        place=draw(_optional_text()),
        issued_on=draw(st.none() | dates()),
        issued_text=draw(_optional_text()),
        masthead=draw(st.none() | mastheads()),
        signature=draw(st.none() | signatures()),
        adopted_by=draw(st.none() | legal_references()),
        legal_bases=draw(st.lists(legal_references(), max_size=2)),
        implements=draw(st.lists(legal_references(), max_size=1)),
        purposes=draw(texts_list),
        requirements=draw(texts_list),
        results=draw(st.lists(index_results(), max_size=1)),
        objectives=draw(st.lists(objectives(), max_size=3).filter(_unique_ids)),
        sections=draw(st.lists(sections(), max_size=3)),
        tasks=draw(st.lists(tasks(), max_size=max_tasks)),
        reporting=draw(st.lists(reporting_lines(), max_size=2)),
        obligations=draw(st.lists(reporting_obligations(), max_size=1)),
        funding=draw(texts_list),
        closing=draw(_optional_text()),
        recipients=draw(texts_list),
        framework=draw(st.none() | st.just(_LOCAL_CRITERIA)),
        sources=draw(st.lists(field_sources(), max_size=2)),
        source_file=draw(_optional_text()),
        notes=draw(_optional_text()),
    )


@cache
def plan_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Valid plan documents as JSON-like data (the canonical form of generated plans)."""
    return plans().map(lambda plan: json.loads(parplan.dumps(plan)))
