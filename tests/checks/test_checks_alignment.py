"""check_alignment: a commune plan against the district plan it implements.

A synthetic pair is built from the seeds' phrases: a district plan whose
appendix assigns some rows to communes ("UBND cấp xã", "UBND các xã, thị
trấn") and others to district offices only, and a commune plan that takes up
some of them in its own words. The real seeds are used where they apply: seed
004 implements a district plan that is not among the seeds, so checking it
against seed 001 must say so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

import parplan
from checks_plans import clean_plan, table_row
from parplan import (
    AdminLevel,
    AdminUnit,
    CollectiveParty,
    DocumentSymbol,
    LegalReference,
    Organisation,
    Plan,
    ReformArea,
    ReportingPeriod,
    Responsibility,
    Section,
    SourceLocation,
    Task,
    UnitKind,
    Within,
)
from parplan.checks.rules.alignment import align, assigned_to, implements

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

_COMMUNES = CollectiveParty(name="UBND các xã, thị trấn")
_ALL_COMMUNES = Organisation(name="UBND cấp xã", level=AdminLevel.COMMUNE)
_HOME_AFFAIRS = Organisation(name="Phòng Nội vụ", level=AdminLevel.DISTRICT)


def _district_task(
    number: int, title: str, area: ReformArea, month: int, *, communes: bool = True, prose: bool = False
) -> Task:
    return Task(
        id=f"pl-{number}",
        title=title,
        area=area,
        outputs=("Kế hoạch",),
        responsibility=Responsibility(
            lead=_HOME_AFFAIRS,
            implementing=(_ALL_COMMUNES,) if communes and number % 2 else (),
            coordinating=(_COMMUNES,) if communes and not number % 2 else (),
        ),
        timeframe=Within(periods=(ReportingPeriod.month(2024, month),)),
        source=SourceLocation(section="IV", item=str(number)) if prose else table_row(number),
    )


def district_plan() -> Plan:
    """The 2024 plan of huyện Đồng Phú: six appendix rows and one direction of its "Tổ chức thực hiện"."""
    province = AdminUnit(name="Bình Phước", kind=UnitKind.PROVINCE)
    return Plan(
        title="Kế hoạch cải cách hành chính năm 2024 của huyện Đồng Phú",
        issuer=Organisation(name="Ủy ban nhân dân huyện Đồng Phú", level=AdminLevel.DISTRICT),
        unit=AdminUnit(name="Đồng Phú", kind=UnitKind.DISTRICT, parent=province),
        year=2024,
        symbol=DocumentSymbol(number="5", doc_type="KH", issuer="UBND"),
        issued_on=date(2023, 12, 28),
        sections=(Section(label="IV", heading="TỔ CHỨC THỰC HIỆN", source=SourceLocation(section="IV")),),
        tasks=(
            _district_task(1, "Ban hành Kế hoạch tuyên truyền CCHC năm 2024", ReformArea.CHI_DAO_DIEU_HANH, 1),
            _district_task(2, "Công tác theo dõi thi hành pháp luật", ReformArea.THE_CHE, 11),
            _district_task(3, "Ban hành Kế hoạch kiểm soát TTHC năm 2024", ReformArea.THU_TUC_HANH_CHINH, 1),
            _district_task(
                4,
                "Sắp xếp, kiện toàn các phòng, đơn vị sự nghiệp công lập",
                ReformArea.TO_CHUC_BO_MAY,
                6,
                communes=False,
            ),
            _district_task(5, "Nâng cao năng lực cho công chức làm công tác CCHC", ReformArea.CONG_VU, 9),
            _district_task(
                6, "Chỉ đạo khai thác tốt nguồn thu, chống thất thu ngân sách trên địa bàn", ReformArea.TAC_DONG, 12
            ),
            _district_task(
                7,
                "UBND cấp xã có trách nhiệm xây dựng và tổ chức thực hiện Kế hoạch CCHC năm 2024 của đơn vị mình",
                ReformArea.CHI_DAO_DIEU_HANH,
                1,
                prose=True,
            ),
        ),
    )


def _commune_task(number: int, title: str, area: ReformArea, month: int) -> Task:
    return Task(
        id=f"xa-{number}",
        title=title,
        area=area,
        outputs=("Kế hoạch",),
        responsibility=Responsibility(lead=Organisation(name="Văn phòng UBND xã")),
        timeframe=Within(periods=(ReportingPeriod.month(2024, month),)),
        source=table_row(number),
    )


def commune_plan() -> Plan:
    """A commune plan implementing :func:`district_plan`: it takes up rows 1-3, late for row 2, and not row 5 or 6."""
    base = clean_plan()
    reference = LegalReference(
        symbol=DocumentSymbol(number="05", doc_type="KH", issuer="UBND"),
        kind="Kế hoạch",
        date=date(2023, 12, 28),
        issuer_name="UBND huyện Đồng Phú",
    )
    return attrs.evolve(
        base,
        implements=(reference,),
        sections=(),
        tasks=(
            _commune_task(1, "Xây dựng kế hoạch, tổ chức tuyên truyền CCHC năm 2024", ReformArea.CHI_DAO_DIEU_HANH, 1),
            _commune_task(2, "Theo dõi thi hành pháp luật trên địa bàn xã", ReformArea.THE_CHE, 12),
            _commune_task(3, "Xây dựng Kế hoạch kiểm soát TTHC năm 2024", ReformArea.THU_TUC_HANH_CHINH, 1),
            _commune_task(4, "Ban hành Quy chế chi tiêu nội bộ", ReformArea.TAI_CHINH_CONG, 1),
        ),
    )


def _summary(child: Plan, parent: Plan, **options: object) -> list[tuple[str, str, str | None]]:
    found = parplan.check_alignment(child, parent, **options)  # type: ignore[arg-type]
    return [(f.code, f.path, f.param("task") or f.param("area")) for f in found]


def test_the_synthetic_pair() -> None:
    assert _summary(commune_plan(), district_plan()) == [
        ("PP902", "$.tasks", "cong_vu"),
        ("PP902", "$.tasks", "tac_dong"),
        ("PP903", "$.tasks", "pl-5"),
        ("PP903", "$.tasks", "pl-6"),
        ("PP904", "$.tasks[1].timeframe", "xa-2"),
    ]


def test_the_pairing_of_tasks() -> None:
    child, parent = commune_plan(), district_plan()
    alignment = align(child, parent)
    assert alignment.assigned == (0, 1, 2, 4, 5)
    assert {i: j for i, (j, _) in alignment.matches.items()} == {0: 0, 1: 1, 2: 2}
    assert alignment.missing == (4, 5)
    assert all(0.3 <= score <= 1 for _, score in alignment.matches.values())


def test_a_stricter_title_match_pairs_fewer_tasks() -> None:
    child, parent = commune_plan(), district_plan()
    strict = parplan.CheckConfig(title_match=parplan.checks.DEFAULT_CONFIG.title_match * 3)
    missing = [f.param("task") for f in parplan.check_alignment(child, parent, select="PP903", config=strict)]
    assert set(missing) > {"pl-5", "pl-6"}


def test_selection_applies_to_alignment() -> None:
    child, parent = commune_plan(), district_plan()
    assert [f.code for f in parplan.check_alignment(child, parent, select="PP904")] == ["PP904"]
    assert [f.code for f in parplan.check_alignment(child, parent, ignore="PP9")] == []
    assert parplan.check(child, select="PP9") == []


def test_a_plan_that_implements_another_plan() -> None:
    child = attrs.evolve(
        commune_plan(),
        implements=(
            attrs.evolve(commune_plan().implements[0], symbol=DocumentSymbol(number="6", doc_type="KH", issuer="UBND")),
        ),
    )
    assert _summary(child, district_plan(), select="PP901") == [("PP901", "$.implements", None)]
    none = attrs.evolve(commune_plan(), implements=())
    [finding] = parplan.check_alignment(none, district_plan(), select="PP901")
    assert finding.path == "$"
    assert finding.message.endswith("it implements: nothing.")
    assert finding.message_vi.endswith("kế hoạch thực hiện: không nêu văn bản nào.")


def test_an_unnumbered_parent_is_recognised_by_its_date() -> None:
    parent = attrs.evolve(district_plan(), symbol=None)
    assert implements(commune_plan(), parent) is not None
    assert implements(commune_plan(), attrs.evolve(parent, issued_on=date(2023, 12, 27))) is None


@pytest.mark.parametrize(
    ("number", "year", "found"),
    [("05", None, True), ("5", 2023, True), ("50", None, False), ("05", 2022, True)],
)
def test_symbols_compare_by_number_type_issuer_and_year(number: str, year: int | None, found: bool) -> None:
    parent = attrs.evolve(
        district_plan(), symbol=DocumentSymbol(number="5", year=2023 if year else None, doc_type="KH", issuer="UBND")
    )
    reference = attrs.evolve(
        commune_plan().implements[0], symbol=DocumentSymbol(number=number, year=year, doc_type="KH", issuer="UBND")
    )
    child = attrs.evolve(commune_plan(), implements=(reference,))
    expected = found and (year is None or year == 2023)
    assert (implements(child, parent) is not None) is expected


@pytest.mark.parametrize(
    ("party", "assigned"),
    [
        (Organisation(name="UBND cấp xã"), True),
        (CollectiveParty(name="UBND các xã, thị trấn"), True),
        (CollectiveParty(name="Chủ tịch UBND các xã, thị trấn"), True),
        (CollectiveParty(name="UBND cac xa, phuong"), True),
        (Organisation(name="UBND xã Tân Lập"), True),
        (Organisation(name="Ban chỉ đạo", level=AdminLevel.COMMUNE), True),
        (Organisation(name="UBND huyện"), False),
        (Organisation(name="Phòng Nội vụ"), False),
        (CollectiveParty(name="Các cơ quan, đơn vị liên quan"), False),
        (Organisation(name="UBND xã Tân Thành"), False),
    ],
)
def test_assignment_to_communes(party: Organisation | CollectiveParty, assigned: bool) -> None:
    task = Task(id="t", title="Nhiệm vụ", responsibility=Responsibility(lead=_HOME_AFFAIRS, implementing=(party,)))
    assert assigned_to(task, AdminLevel.COMMUNE, "Tân Lập") is assigned


def test_assignment_to_districts() -> None:
    task = Task(
        id="t",
        title="Nhiệm vụ",
        responsibility=Responsibility(implementing=(CollectiveParty(name="UBND các huyện, thị xã, thành phố"),)),
    )
    assert assigned_to(task, AdminLevel.DISTRICT)
    assert not assigned_to(task, AdminLevel.COMMUNE)
    assert not assigned_to(Task(id="t", title="Nhiệm vụ"), AdminLevel.COMMUNE)


def test_the_levels_must_differ() -> None:
    district = district_plan()
    assert _summary(district, district, select="PP906") == [("PP906", "$.unit", None)]


def test_the_years_must_fall_within_the_parent() -> None:
    child = attrs.evolve(commune_plan(), year=2025)
    assert _summary(child, district_plan(), select="PP905") == [("PP905", "$.year", None)]


# --- the real seeds ----------------------------------------------------------------------


def test_seed_004_does_not_implement_seed_001() -> None:
    son_chau = parplan.load(EXAMPLES / "son-chau-2022.json")
    mang_yang = parplan.load(EXAMPLES / "mang-yang-2021.json")
    codes = {f.code for f in parplan.check_alignment(son_chau, mang_yang)}
    assert {"PP901", "PP905"} <= codes
    assert "PP906" not in codes
    reverse = {f.code for f in parplan.check_alignment(mang_yang, son_chau)}
    assert "PP906" in reverse


def test_seed_001_assigns_its_rows_to_communes() -> None:
    mang_yang = parplan.load(EXAMPLES / "mang-yang-2021.json")
    son_chau = parplan.load(EXAMPLES / "son-chau-2022.json")
    alignment = align(son_chau, mang_yang)
    assigned = [mang_yang.tasks[i] for i in alignment.assigned]
    assert len(assigned) >= 20
    assert all(task.source is not None and task.source.table is not None for task in assigned)
    pairs = {mang_yang.tasks[i].id: son_chau.tasks[j].id for i, (j, _) in alignment.matches.items()}
    assert pairs["pl-I.2"] == "pl-8", (
        "Công tác theo dõi thi hành pháp luật / Theo dõi thi hành pháp luật trên địa bàn xã"
    )
    assert pairs["pl-VII.1"] == "pl-4", (
        "Ban hành Kế hoạch tuyên truyền CCHC / Xây dựng kế hoạch, tổ chức tuyên truyền CCHC"
    )
    assert pairs["pl-IV.5"] == "pl-18", "Kế hoạch đào tạo, bồi dưỡng CBCCVC / kế hoạch đào tạo bồi dưỡng"


@pytest.mark.parametrize(
    ("changes", "facts"),
    [
        ({}, None),
        ({"date": date(2023, 12, 29)}, "date"),
        ({"issuer_name": "UBND huyện Bù Đăng"}, "issuer"),
        ({"issuer_name": "UBND huyện"}, None),
        ({"title": "về cải cách hành chính năm 2023"}, "year"),
        ({"title": "về cải cách hành chính năm 2024"}, None),
        ({"date": date(2022, 12, 28), "title": "về CCHC năm 2023"}, "year,date"),
    ],
)
def test_a_parent_is_matched_by_number_year_issuer_and_date(changes: dict[str, object], facts: str | None) -> None:
    reference = attrs.evolve(commune_plan().implements[0], **changes)  # type: ignore[arg-type]  # fields from a table
    child = attrs.evolve(commune_plan(), implements=(reference,))
    found = parplan.check_alignment(child, district_plan(), select="PP901,PP907")
    if facts is None:
        assert found == []
        assert implements(child, district_plan()) is reference
        return
    [finding] = found
    assert (finding.code, finding.path, finding.param("facts")) == ("PP907", "$.implements[0]", facts)
    assert implements(child, district_plan()) is None


def test_a_parent_cited_exactly_besides_a_near_citation_is_implemented() -> None:
    exact = commune_plan().implements[0]
    near = attrs.evolve(exact, date=date(2023, 12, 29))
    child = attrs.evolve(commune_plan(), implements=(near, exact))
    assert parplan.check_alignment(child, district_plan(), select="PP901,PP907") == []


def test_requests_are_not_assignments() -> None:
    asked = Task(
        id="t",
        title="Đề nghị UBMTTQ các xã, thị trấn giám sát",
        responsibility=Responsibility(requested=(CollectiveParty(name="UBMTTQ các xã, thị trấn"),)),
    )
    assert not assigned_to(asked, AdminLevel.COMMUNE)
