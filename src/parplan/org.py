"""Administrative units, the bodies and officials named in plans, and who does what.

Vietnam had three tiers of local government (province, district, commune) until
30 June 2025 and two (province, commune) from 1 July 2025, when districts were
abolished, townships (thị trấn) disappeared and special zones (đặc khu) appeared.
Historical plans keep naming the units of their time, so every kind is kept.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import TypeAlias

import attrs

from parplan._values import (
    field_name,
    nfc,
    nfc_or_none,
    non_empty,
    non_empty_or_none,
    to_tuple,
    typed_fields,
)
from parplan.errors import NO_VALUE, InvariantError

__all__ = [
    "TWO_TIER_FROM",
    "AdminLevel",
    "AdminUnit",
    "CollectiveParty",
    "JointParty",
    "Official",
    "OrgKind",
    "Organisation",
    "Party",
    "Responsibility",
    "Role",
    "SingleParty",
    "TierModel",
    "UnitKind",
]

TWO_TIER_FROM = date(2025, 7, 1)
"""The day the two-tier local government took effect (Luật 72/2025/QH15)."""

_LAST_THREE_TIER_DAY = date(2025, 6, 30)


class AdminLevel(StrEnum):
    """A tier of government: the centre (ministries, the Government) and the tiers of local government."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"

    @property
    def rank(self) -> int:
        """0 for the centre, 1 for provinces, 2 for districts, 3 for communes: higher tiers rank lower."""
        return _LEVEL_RANK[self]

    @property
    def title_vi(self) -> str:
        """The Vietnamese name: "cấp tỉnh", "cấp huyện" or "cấp xã"."""
        return _LEVEL_TITLES[self][0]

    @property
    def title_en(self) -> str:
        """The English name: "provincial level" and so on."""
        return _LEVEL_TITLES[self][1]


_LEVEL_RANK = {AdminLevel.CENTRAL: 0, AdminLevel.PROVINCE: 1, AdminLevel.DISTRICT: 2, AdminLevel.COMMUNE: 3}
_LEVEL_TITLES = {
    AdminLevel.CENTRAL: ("trung ương", "central level"),
    AdminLevel.PROVINCE: ("cấp tỉnh", "provincial level"),
    AdminLevel.DISTRICT: ("cấp huyện", "district level"),
    AdminLevel.COMMUNE: ("cấp xã", "commune level"),
}


class TierModel(StrEnum):
    """Three tiers before 1 July 2025, two tiers from that day."""

    THREE_TIER = "three_tier"
    TWO_TIER = "two_tier"

    @classmethod
    def on(cls, day: date) -> TierModel:
        """The model in force on ``day``."""
        return cls.TWO_TIER if day >= TWO_TIER_FROM else cls.THREE_TIER

    @property
    def levels(self) -> tuple[AdminLevel, ...]:
        """The tiers of this model, from the top."""
        if self is TierModel.TWO_TIER:
            return (AdminLevel.PROVINCE, AdminLevel.COMMUNE)
        return (AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.COMMUNE)


class UnitKind(StrEnum):
    """The kind of an administrative unit (tỉnh, huyện, xã, phường …), or the whole country for central bodies."""

    COUNTRY = "ca_nuoc"
    """The whole country: the unit of a ministry's or the Government's plan."""
    PROVINCE = "tinh"
    CENTRAL_CITY = "thanh_pho_truc_thuoc_trung_uong"
    DISTRICT = "huyen"
    URBAN_DISTRICT = "quan"
    TOWN = "thi_xa"
    PROVINCIAL_CITY = "thanh_pho_thuoc_tinh"
    MUNICIPAL_CITY = "thanh_pho_thuoc_thanh_pho"
    COMMUNE = "xa"
    WARD = "phuong"
    TOWNSHIP = "thi_tran"
    SPECIAL_ZONE = "dac_khu"

    @property
    def level(self) -> AdminLevel:
        """The tier this kind of unit belongs to."""
        return _KIND_INFO[self][0]

    @property
    def title_vi(self) -> str:
        """The word used before the unit's name ("xã", "phường", "huyện" …)."""
        return _KIND_INFO[self][1]

    @property
    def title_en(self) -> str:
        """English name of the kind."""
        return _KIND_INFO[self][2]

    @property
    def valid_from(self) -> date | None:
        """First day the kind exists (None: long before any plan)."""
        return TWO_TIER_FROM if self is UnitKind.SPECIAL_ZONE else None

    @property
    def valid_until(self) -> date | None:
        """Last day the kind exists (None: still exists)."""
        if self.level is AdminLevel.DISTRICT or self is UnitKind.TOWNSHIP:
            return _LAST_THREE_TIER_DAY
        return None

    def exists_on(self, day: date) -> bool:
        """Whether units of this kind exist on ``day``."""
        start, end = self.valid_from, self.valid_until
        return (start is None or day >= start) and (end is None or day <= end)


_KIND_INFO: dict[UnitKind, tuple[AdminLevel, str, str]] = {
    UnitKind.COUNTRY: (AdminLevel.CENTRAL, "cả nước", "the whole country"),
    UnitKind.PROVINCE: (AdminLevel.PROVINCE, "tỉnh", "province"),
    UnitKind.CENTRAL_CITY: (AdminLevel.PROVINCE, "thành phố", "centrally run city"),
    UnitKind.DISTRICT: (AdminLevel.DISTRICT, "huyện", "rural district"),
    UnitKind.URBAN_DISTRICT: (AdminLevel.DISTRICT, "quận", "urban district"),
    UnitKind.TOWN: (AdminLevel.DISTRICT, "thị xã", "district-level town"),
    UnitKind.PROVINCIAL_CITY: (AdminLevel.DISTRICT, "thành phố", "provincial city"),
    UnitKind.MUNICIPAL_CITY: (AdminLevel.DISTRICT, "thành phố", "city within a centrally run city"),
    UnitKind.COMMUNE: (AdminLevel.COMMUNE, "xã", "commune"),
    UnitKind.WARD: (AdminLevel.COMMUNE, "phường", "ward"),
    UnitKind.TOWNSHIP: (AdminLevel.COMMUNE, "thị trấn", "township"),
    UnitKind.SPECIAL_ZONE: (AdminLevel.COMMUNE, "đặc khu", "special zone"),
}


def _check_parent(instance: AdminUnit, attribute: attrs.Attribute[AdminUnit | None], value: AdminUnit | None) -> None:
    if value is not None and value.kind.level.rank >= instance.kind.level.rank:
        raise InvariantError(
            field_name(instance, attribute),
            value.full_name,
            f"must be a unit of a higher tier than the {instance.kind.title_en} {instance.full_name!r}",
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AdminUnit:
    """An administrative unit such as "xã Sơn Châu" within "huyện Hương Sơn".

    ``name`` is the proper name without the kind word ("Sơn Châu"); a plan that
    names a unit only by its kind ("UBND huyện", "Phòng Nội vụ huyện") gives it
    no name. ``parent`` is the unit above it, when known; ``code`` the
    statistical code.
    """

    name: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    kind: UnitKind
    parent: AdminUnit | None = attrs.field(default=None, validator=_check_parent)
    code: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    @property
    def level(self) -> AdminLevel:
        """The tier of this unit."""
        return self.kind.level

    @property
    def full_name(self) -> str:
        """The kind word and the name: "xã Sơn Châu"; the kind word alone for a unit named only by its kind."""
        return self.kind.title_vi if self.name is None else f"{self.kind.title_vi} {self.name}"

    def chain(self) -> tuple[AdminUnit, ...]:
        """This unit and its ancestors, from this unit upwards."""
        units: list[AdminUnit] = []
        unit: AdminUnit | None = self
        while unit is not None:
            units.append(unit)
            unit = unit.parent
        return tuple(units)


@functools.lru_cache(maxsize=4096)  # the same few names make up most plans
def party_key(name: str) -> str:
    """The identity of a party name: case-folded, spaces collapsed."""
    return " ".join(name.split()).casefold()  # str.split() splits on exactly the whitespace that \s matches


class OrgKind(StrEnum):
    """What sort of body an organisation is."""

    PEOPLES_COMMITTEE = "peoples_committee"
    """Ủy ban nhân dân (UBND)."""
    PEOPLES_COUNCIL = "peoples_council"
    """Hội đồng nhân dân (HĐND)."""
    GOVERNMENT = "government"
    """Chính phủ, Thủ tướng Chính phủ."""
    MINISTRY = "ministry"
    """A ministry or ministry-level agency (Bộ Nội vụ)."""
    DEPARTMENT = "department"
    """A provincial department (Sở Nội vụ) or board (Ban)."""
    OFFICE = "office"
    """An office or division: Văn phòng, Phòng Nội vụ, a commune's specialised office."""
    PUBLIC_SERVICE_UNIT = "public_service_unit"
    """Đơn vị sự nghiệp công lập: a school, a health station, a one-stop centre."""
    STEERING_COMMITTEE = "steering_committee"
    """Ban chỉ đạo: a steering committee."""
    PARTY = "party"
    """A Party committee (Đảng ủy, Huyện ủy, Tỉnh ủy)."""
    FRONT = "front"
    """The Fatherland Front and the mass organisations (MTTQ, đoàn thể), outside the state hierarchy."""
    OTHER = "other"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Organisation:
    """A body named in a plan: "Phòng Nội vụ", "Văn phòng HĐND - UBND huyện", "UBND cấp xã".

    ``name`` is kept as written (typos included, e.g. "Văn phòng HDNĐ - UBND huyện");
    ``category`` says what sort of body it is when known (a ministry, a
    department, the Fatherland Front …).
    """

    name: str = attrs.field(converter=nfc, validator=non_empty)
    level: AdminLevel | None = None
    category: OrgKind | None = None

    @property
    def key(self) -> str:
        """Identity used to compare parties."""
        return party_key(self.name)

    @property
    def label(self) -> str:
        """How the party is written."""
        return self.name


def _official_has_name_or_position(
    instance: Official, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    non_empty_or_none(instance, attribute, value)
    if value is None and instance.name is None:
        raise InvariantError("Official.position", None, "is required when the official has no name")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Official:
    """A person, or a post, named as responsible: "Đ/c Nguyễn Văn A, Công chức Văn phòng – Thống kê".

    ``name`` is the personal name, ``position`` the job title, ``honorific``
    the title written before the name ("Đ/c", "Ông", "Bà"). A post without a
    person ("Cán bộ CNTT xã") has only a ``position``.
    """

    name: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    position: str | None = attrs.field(default=None, converter=nfc_or_none, validator=_official_has_name_or_position)
    honorific: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    organisation: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    @property
    def key(self) -> str:
        """Identity used to compare parties: the name, else the position."""
        return party_key(self.name if self.name is not None else self.position or "")

    @property
    def label(self) -> str:
        """Honorific, name and position as one line."""
        parts = [p for p in (self.honorific, self.name) if p]
        head = " ".join(parts)
        if self.position and head:
            return f"{head}, {self.position}"
        return head or self.position or ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectiveParty:
    """An open group rather than a named body: "Các cơ quan, đơn vị liên quan"."""

    name: str = attrs.field(converter=nfc, validator=non_empty)

    @property
    def key(self) -> str:
        """Identity used to compare parties."""
        return party_key(self.name)

    @property
    def label(self) -> str:
        """How the party is written."""
        return self.name


SingleParty: TypeAlias = Organisation | Official | CollectiveParty
"""A party that is one body, one person or one open group."""


def _at_least_two(
    instance: JointParty, attribute: attrs.Attribute[tuple[SingleParty, ...]], value: tuple[SingleParty, ...]
) -> None:
    if len(value) < 2:
        raise InvariantError(field_name(instance, attribute), value, "must name at least two parties")
    keys = [party.key for party in value]
    if len(set(keys)) != len(keys):
        raise InvariantError(field_name(instance, attribute), [p.label for p in value], "must not name a party twice")


def _single_parties(values: Iterable[SingleParty]) -> tuple[SingleParty, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class JointParty:
    """Several bodies that lead together (đồng chủ trì), written in one cell.

    The plan of huyện Mang Yang 2021 (``examples/mang-yang-2021.json``) gives "Phòng Văn hóa –
    Thông tin; Văn phòng HĐND – UBND huyện" as the lead of one task: one joint lead, not a silent choice of the first.
    """

    members: tuple[SingleParty, ...] = attrs.field(converter=_single_parties, validator=_at_least_two)

    @property
    def key(self) -> str:
        """Identity: the members' keys joined."""
        return "; ".join(member.key for member in self.members)

    @property
    def label(self) -> str:
        """Members separated by "; "."""
        return "; ".join(member.label for member in self.members)


Party: TypeAlias = SingleParty | JointParty
"""Anyone a plan makes responsible."""


class Role(StrEnum):
    """What a party does for a task."""

    LEAD = "lead"
    """Chủ trì: answers for the task."""
    COORDINATING = "coordinating"
    """Phối hợp: works with the lead."""
    IMPLEMENTING = "implementing"
    """Thực hiện: carries the work out (the "phối hợp/thực hiện" column of huyện Mang Yang 2021)."""
    REPORTING = "reporting"
    """Theo dõi, tổng hợp, báo cáo: follows up and consolidates reports."""
    REQUESTED = "requested"
    """Đề nghị: a body outside the issuer's hierarchy asked, not ordered, to take part (the Fatherland Front)."""

    @property
    def title_vi(self) -> str:
        """Vietnamese name of the role."""
        return _ROLE_TITLES[self][0]

    @property
    def title_en(self) -> str:
        """English name of the role."""
        return _ROLE_TITLES[self][1]


_ROLE_TITLES = {
    Role.LEAD: ("Chủ trì", "Lead"),
    Role.COORDINATING: ("Phối hợp", "Coordinating"),
    Role.IMPLEMENTING: ("Thực hiện", "Implementing"),
    Role.REPORTING: ("Theo dõi, tổng hợp", "Monitoring and reporting"),
    Role.REQUESTED: ("Đề nghị", "Requested"),
}


def _party_keys(party: Party) -> list[str]:
    if isinstance(party, JointParty):
        return [member.key for member in party.members]
    return [party.key]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Responsibility:
    """Who leads a task, who coordinates, who implements, who reports, and whom the plan asks.

    At most one lead (a :class:`JointParty` when several bodies lead together);
    a lead is never also a coordinator. ``requested`` are bodies outside the
    issuer's hierarchy that the plan asks rather than assigns ("Đề nghị Ủy ban
    MTTQ xã phối hợp …"). A responsibility names somebody: an empty one is
    written as no responsibility at all. A missing lead is allowed because real
    plans have such rows (the Sơn Châu appendix, rows 20 and 32); the checks
    report it. A column headed "Phối hợp/thực hiện" gives the same parties as
    coordinating and implementing; they are shown once.
    """

    lead: Party | None = None
    coordinating: tuple[SingleParty, ...] = attrs.field(default=(), converter=_single_parties)
    implementing: tuple[SingleParty, ...] = attrs.field(default=(), converter=_single_parties)
    reporting: tuple[SingleParty, ...] = attrs.field(default=(), converter=_single_parties)
    requested: tuple[SingleParty, ...] = attrs.field(default=(), converter=_single_parties)

    def __attrs_post_init__(self) -> None:
        if self.lead is None and not (self.coordinating or self.implementing or self.reporting or self.requested):
            raise InvariantError("Responsibility", NO_VALUE, "must name at least one party")
        if self.lead is not None and self.coordinating:
            lead_keys = set(_party_keys(self.lead))
            for party in self.coordinating:
                if party.key in lead_keys:
                    raise InvariantError(
                        "Responsibility.coordinating",
                        party.label,
                        "must not repeat the lead",
                    )

    def parties(self, role: Role) -> tuple[Party, ...]:
        """The parties with ``role``."""
        if role is Role.LEAD:
            return () if self.lead is None else (self.lead,)
        if role is Role.COORDINATING:
            return self.coordinating
        if role is Role.IMPLEMENTING:
            return self.implementing
        if role is Role.REQUESTED:
            return self.requested
        return self.reporting

    def assignments(self) -> tuple[tuple[Role, Party], ...]:
        """Every (role, party) pair, leads first."""
        return tuple((role, party) for role in Role for party in self.parties(role))
