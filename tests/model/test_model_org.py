"""Administrative units and levels (before and after 1 July 2025), parties and responsibilities."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model_support import check_invariant
from parplan import (
    AdminLevel,
    AdminUnit,
    CollectiveParty,
    JointParty,
    Official,
    Organisation,
    Responsibility,
    Role,
    SingleParty,
    TierModel,
    UnitKind,
)
from parplan.errors import NO_VALUE
from parplan.org import TWO_TIER_FROM
from strategies import admin_units, responsibilities, single_parties

LAST_THREE_TIER_DAY = date(2025, 6, 30)

# --- levels and tiers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "rank", "title_vi", "title_en"),
    [
        (AdminLevel.CENTRAL, 0, "trung ương", "central level"),
        (AdminLevel.PROVINCE, 1, "cấp tỉnh", "provincial level"),
        (AdminLevel.DISTRICT, 2, "cấp huyện", "district level"),
        (AdminLevel.COMMUNE, 3, "cấp xã", "commune level"),
    ],
)
def test_levels(level: AdminLevel, rank: int, title_vi: str, title_en: str) -> None:
    assert (level.rank, level.title_vi, level.title_en) == (rank, title_vi, title_en)


def test_two_tier_model_starts_on_1_july_2025() -> None:
    assert date(2025, 7, 1) == TWO_TIER_FROM
    assert TierModel.on(LAST_THREE_TIER_DAY) is TierModel.THREE_TIER
    assert TierModel.on(TWO_TIER_FROM) is TierModel.TWO_TIER
    assert TierModel.on(TWO_TIER_FROM + timedelta(days=1)) is TierModel.TWO_TIER
    assert TierModel.THREE_TIER.levels == (AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.COMMUNE)
    assert TierModel.TWO_TIER.levels == (AdminLevel.PROVINCE, AdminLevel.COMMUNE)


@given(st.dates())
def test_tier_model_of_any_day(day: date) -> None:
    expected = TierModel.TWO_TIER if day >= date(2025, 7, 1) else TierModel.THREE_TIER
    assert TierModel.on(day) is expected


# kind, level, word before the name, exists until 30/6/2025 only, exists from 1/7/2025 only
UNIT_KINDS = [
    (UnitKind.PROVINCE, AdminLevel.PROVINCE, "tỉnh", False, False),
    (UnitKind.CENTRAL_CITY, AdminLevel.PROVINCE, "thành phố", False, False),
    (UnitKind.DISTRICT, AdminLevel.DISTRICT, "huyện", True, False),
    (UnitKind.URBAN_DISTRICT, AdminLevel.DISTRICT, "quận", True, False),
    (UnitKind.TOWN, AdminLevel.DISTRICT, "thị xã", True, False),
    (UnitKind.PROVINCIAL_CITY, AdminLevel.DISTRICT, "thành phố", True, False),
    (UnitKind.MUNICIPAL_CITY, AdminLevel.DISTRICT, "thành phố", True, False),
    (UnitKind.COMMUNE, AdminLevel.COMMUNE, "xã", False, False),
    (UnitKind.WARD, AdminLevel.COMMUNE, "phường", False, False),
    (UnitKind.TOWNSHIP, AdminLevel.COMMUNE, "thị trấn", True, False),
    (UnitKind.SPECIAL_ZONE, AdminLevel.COMMUNE, "đặc khu", False, True),
    (UnitKind.COUNTRY, AdminLevel.CENTRAL, "cả nước", False, False),
]


def test_every_unit_kind_is_listed() -> None:
    assert {row[0] for row in UNIT_KINDS} == set(UnitKind)


@pytest.mark.parametrize(("kind", "level", "word", "abolished", "new"), UNIT_KINDS)
def test_unit_kinds_and_their_lifetimes(
    kind: UnitKind, level: AdminLevel, word: str, abolished: bool, new: bool
) -> None:
    assert kind.level is level
    assert kind.title_vi == word
    assert kind.title_en
    assert kind.valid_until == (LAST_THREE_TIER_DAY if abolished else None)
    assert kind.valid_from == (TWO_TIER_FROM if new else None)
    # just before, at and just after the switch
    assert kind.exists_on(LAST_THREE_TIER_DAY) is not new
    assert kind.exists_on(TWO_TIER_FROM) is not abolished
    assert kind.exists_on(date(1990, 1, 1)) is not new
    assert kind.exists_on(date(2030, 1, 1)) is not abolished


# --- administrative units ---------------------------------------------------------------

HUONG_SON = AdminUnit(
    name="Hương Sơn", kind=UnitKind.DISTRICT, parent=AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
)


def test_a_commune_within_a_district_within_a_province() -> None:
    son_chau = AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE, parent=HUONG_SON)
    assert son_chau.full_name == "xã Sơn Châu"
    assert son_chau.level is AdminLevel.COMMUNE
    assert [unit.full_name for unit in son_chau.chain()] == ["xã Sơn Châu", "huyện Hương Sơn", "tỉnh Hà Tĩnh"]


def test_after_the_reform_a_commune_sits_directly_under_its_province() -> None:
    ward = AdminUnit(name="Tô Hiệu", kind=UnitKind.WARD, parent=AdminUnit(name="Sơn La", kind=UnitKind.PROVINCE))
    assert ward.chain()[1].kind is UnitKind.PROVINCE


@pytest.mark.parametrize(
    ("kind", "parent_kind", "what"),
    [
        (UnitKind.COMMUNE, UnitKind.COMMUNE, "commune"),
        (UnitKind.COMMUNE, UnitKind.WARD, "commune"),
        (UnitKind.DISTRICT, UnitKind.TOWN, "rural district"),
        (UnitKind.DISTRICT, UnitKind.COMMUNE, "rural district"),
        (UnitKind.PROVINCE, UnitKind.CENTRAL_CITY, "province"),
        (UnitKind.PROVINCE, UnitKind.DISTRICT, "province"),
    ],
)
def test_a_parent_must_be_of_a_higher_tier(kind: UnitKind, parent_kind: UnitKind, what: str) -> None:
    parent = AdminUnit(name="Mang Yang", kind=parent_kind)
    check_invariant(
        lambda: AdminUnit(name="Sơn Giang", kind=kind, parent=parent),
        "AdminUnit.parent",
        parent.full_name,
        f"must be a unit of a higher tier than the {what} '{kind.title_vi} Sơn Giang'",
    )


@given(admin_units())
def test_every_chain_climbs_strictly(unit: AdminUnit) -> None:
    ranks = [link.level.rank for link in unit.chain()]
    assert ranks == sorted(ranks, reverse=True)
    assert len(set(ranks)) == len(ranks)
    assert unit.chain()[0] is unit


def test_unit_code_and_name_must_not_be_blank() -> None:
    check_invariant(
        lambda: AdminUnit(name=" ", kind=UnitKind.COMMUNE), "AdminUnit.name", " ", "must be absent or not empty"
    )
    check_invariant(
        lambda: AdminUnit(name="Sơn Châu", kind=UnitKind.COMMUNE, code=""),
        "AdminUnit.code",
        "",
        "must be absent or not empty",
    )


# --- parties ----------------------------------------------------------------------------


def test_organisations_are_kept_as_written_and_compared_loosely() -> None:
    typo = Organisation(name="Văn phòng HDNĐ - UBND huyện", level=AdminLevel.DISTRICT)
    assert typo.label == "Văn phòng HDNĐ - UBND huyện"
    assert typo.key == "văn phòng hdnđ - ubnd huyện"
    assert Organisation(name="  VĂN   phòng HDNĐ -\tUBND huyện ").key == typo.key
    assert Organisation(name=unicodedata.normalize("NFD", "Văn phòng HDNĐ - UBND huyện")).key == typo.key


def test_collective_party() -> None:
    group = CollectiveParty(name="Các cơ quan, đơn vị liên quan")
    assert (group.label, group.key) == ("Các cơ quan, đơn vị liên quan", "các cơ quan, đơn vị liên quan")
    check_invariant(lambda: CollectiveParty(name=""), "CollectiveParty.name", "", "must not be empty")


@pytest.mark.parametrize(
    ("official", "label", "key"),
    [
        (
            Official(honorific="Đ/c", name="Nguyễn Văn A", position="Công chức Văn phòng – Thống kê"),
            "Đ/c Nguyễn Văn A, Công chức Văn phòng – Thống kê",
            "nguyễn văn a",
        ),
        (Official(name="Hồ Phạm Tuấn"), "Hồ Phạm Tuấn", "hồ phạm tuấn"),
        (Official(position="Cán bộ CNTT xã"), "Cán bộ CNTT xã", "cán bộ cntt xã"),
        (Official(honorific="Bà", position="Chủ tịch UBND xã"), "Bà, Chủ tịch UBND xã", "chủ tịch ubnd xã"),
    ],
)
def test_official_labels_and_keys(official: Official, label: str, key: str) -> None:
    assert official.label == label
    assert official.key == key


def test_an_official_needs_a_name_or_a_position() -> None:
    check_invariant(
        lambda: Official(honorific="Đ/c", organisation="UBND xã"),
        "Official.position",
        None,
        "is required when the official has no name",
    )
    check_invariant(lambda: Official(name="", position="Chủ tịch"), "Official.name", "", "must be absent or not empty")


def test_a_joint_lead_names_at_least_two_distinct_parties() -> None:
    culture = Organisation(name="Phòng Văn hóa – Thông tin")
    office = Organisation(name="Văn phòng HĐND – UBND huyện")
    joint = JointParty(members=[culture, office])
    assert joint.members == (culture, office)
    assert joint.label == "Phòng Văn hóa – Thông tin; Văn phòng HĐND – UBND huyện"
    assert joint.key == "phòng văn hóa – thông tin; văn phòng hđnd – ubnd huyện"
    check_invariant(lambda: JointParty(members=[]), "JointParty.members", (), "must name at least two parties")
    check_invariant(
        lambda: JointParty(members=[culture]), "JointParty.members", (culture,), "must name at least two parties"
    )
    check_invariant(
        lambda: JointParty(members=[culture, office, Organisation(name="phòng văn hóa  – thông tin")]),
        "JointParty.members",
        ["Phòng Văn hóa – Thông tin", "Văn phòng HĐND – UBND huyện", "phòng văn hóa  – thông tin"],
        "must not name a party twice",
    )


@given(single_parties())
def test_party_keys_ignore_case_and_spacing(party: SingleParty) -> None:
    key = party.key
    assert key == " ".join(key.split())
    assert key == key.casefold()


# --- responsibilities -------------------------------------------------------------------

UBND = Organisation(name="UBND xã")
OFFICE = Organisation(name="Văn phòng xã")
RELATED = CollectiveParty(name="Các ban ngành liên quan")


def test_a_responsibility_names_somebody() -> None:
    check_invariant(Responsibility, "Responsibility", NO_VALUE, "must name at least one party")
    assert Responsibility(lead=UBND).parties(Role.LEAD) == (UBND,)
    # seed 004, rows 20 and 32: no lead, only the parties that carry the work out
    leaderless = Responsibility(implementing=[RELATED])
    assert leaderless.lead is None
    assert leaderless.parties(Role.LEAD) == ()
    assert Responsibility(reporting=[OFFICE]).reporting == (OFFICE,)
    assert Responsibility(coordinating=[OFFICE]).coordinating == (OFFICE,)


def test_the_lead_is_never_also_a_coordinator() -> None:
    check_invariant(
        lambda: Responsibility(lead=OFFICE, coordinating=[RELATED, Organisation(name="VĂN PHÒNG  xã")]),
        "Responsibility.coordinating",
        "VĂN PHÒNG  xã",
        "must not repeat the lead",
    )
    joint = JointParty(members=[UBND, OFFICE])
    check_invariant(
        lambda: Responsibility(lead=joint, coordinating=[OFFICE]),
        "Responsibility.coordinating",
        "Văn phòng xã",
        "must not repeat the lead",
    )
    # implementing or reporting parties may be the lead itself
    assert Responsibility(lead=OFFICE, implementing=[OFFICE], reporting=[OFFICE]).implementing == (OFFICE,)


def test_roles_and_assignments_in_order() -> None:
    mayor = Official(position="Chủ tịch UBND xã")
    responsibility = Responsibility(lead=UBND, coordinating=[OFFICE], implementing=[RELATED], reporting=[mayor])
    assert responsibility.assignments() == (
        (Role.LEAD, UBND),
        (Role.COORDINATING, OFFICE),
        (Role.IMPLEMENTING, RELATED),
        (Role.REPORTING, mayor),
    )
    assert [role.title_vi for role in Role] == ["Chủ trì", "Phối hợp", "Thực hiện", "Theo dõi, tổng hợp", "Đề nghị"]
    assert [role.title_en for role in Role] == [
        "Lead",
        "Coordinating",
        "Implementing",
        "Monitoring and reporting",
        "Requested",
    ]


def test_lists_become_tuples() -> None:
    responsibility = Responsibility(lead=UBND, coordinating=[OFFICE], implementing=[RELATED])
    assert type(responsibility.coordinating) is tuple
    assert type(responsibility.implementing) is tuple
    assert type(JointParty(members=[UBND, OFFICE]).members) is tuple


@given(responsibilities())
def test_generated_responsibilities_keep_their_invariants(responsibility: Responsibility) -> None:
    assert responsibility.assignments()
    if responsibility.lead is not None:
        lead_keys = (
            {member.key for member in responsibility.lead.members}
            if isinstance(responsibility.lead, JointParty)
            else {responsibility.lead.key}
        )
        assert not lead_keys & {party.key for party in responsibility.coordinating}
