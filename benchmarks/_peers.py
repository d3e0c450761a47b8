"""The parplan plan schema written with pydantic v2 and with msgspec, for comparison.

Both peers describe the same documents as parplan's canonical JSON and are as
strict as their library allows, written as a competent user of each would:

* pydantic: strict mode, ``extra="forbid"``, frozen models; tagged unions on
  ``kind`` (parties through a callable discriminator, so that ``kind`` may be
  left out for organisations as in parplan); identifiers, years and counts as
  field constraints (checked in Rust); text through one ``AfterValidator``
  (NFC, not blank); decimals through one ``BeforeValidator`` holding
  parplan's grammar ('90.73', no exponent, no '+', no spaces); reporting
  periods ("2022Q1") through a plain validator and serializer; cross-field
  rules as ``model_validator(mode="after")``.
* msgspec: frozen Structs with ``forbid_unknown_fields`` and ``omit_defaults``,
  tagged unions on ``kind``, constraints through ``Meta``, text and cross-field
  rules in ``__post_init__``. msgspec cannot leave a union tag out, so its
  documents write ``"kind": "organisation"`` on every party (see
  :func:`tag_organisations`).

Remaining differences in strictness are listed in ``benchmarks/README.md``.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from datetime import date
from decimal import Decimal
from enum import Enum
from itertools import pairwise
from typing import Annotated, Any, ClassVar, Literal

import attrs
import msgspec
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    Tag,
    field_validator,
    model_validator,
)

from parplan import (
    AdminLevel,
    Comparator,
    Frequency,
    PeriodKind,
    Plan,
    PlanKind,
    ReformArea,
    ReportingPeriod,
    SigningCapacity,
    SpanKind,
    SymbolForm,
    TargetFlag,
    Unit,
    UnitKind,
)
from parplan.io.converter import _DEFAULT_TAG, TAGS

__all__ = [
    "MsgspecPlan",
    "Period",
    "PydanticPlan",
    "floor_plan",
    "msgspec_decoder",
    "msgspec_encoder",
    "tag_organisations",
]

# --- shared value rules (the same as parplan/_values.py) --------------------------------------

_IDENTIFIER = r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"
_DOC_NUMBER = r"^\d{1,6}[a-z]?$"
_DOC_TYPE = r"^[A-ZĐ][A-Za-zĐđ0-9&]*$"
_DOC_ISSUER = r"^[A-ZĐ0-9][A-Za-zĐđ0-9&.]*(?:-[A-Za-zĐđ0-9&.]+)*$"
_DECIMAL_TEXT = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?\Z")
_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:(?P<half>S[12])|(?P<quarter>Q[1-4])|(?P<month>M(?:0[1-9]|1[0-2]))|(?P<nine>Q1-Q3))?\Z"
)
_SPACES = re.compile(r"\s+")
_LEVEL_RANK = {"province": 0, "district": 1, "commune": 2}
_KIND_LEVEL = {
    UnitKind.PROVINCE: "province",
    UnitKind.CENTRAL_CITY: "province",
    UnitKind.DISTRICT: "district",
    UnitKind.URBAN_DISTRICT: "district",
    UnitKind.TOWN: "district",
    UnitKind.PROVINCIAL_CITY: "district",
    UnitKind.MUNICIPAL_CITY: "district",
    UnitKind.COMMUNE: "commune",
    UnitKind.WARD: "commune",
    UnitKind.TOWNSHIP: "commune",
    UnitKind.SPECIAL_ZONE: "commune",
}


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def _decimal(value: Any) -> Decimal:
    cls = value.__class__
    if cls is str:
        if _DECIMAL_TEXT.match(value):
            return Decimal(value)
    elif cls is int:
        return Decimal(value)
    raise ValueError("expected a decimal number written as a string like '90.73'")


def _key(name: str) -> str:
    return _SPACES.sub(" ", name).strip().casefold()


class Period:
    """A reporting period read from its identifier ("2022", "2022S1", "2022Q1", "2022M01", "2022Q1-Q3").

    A plain value class rather than a dataclass: msgspec would read a dataclass
    from a JSON object, while a period is written as a string.
    """

    __slots__ = ("index", "kind", "year")

    def __init__(self, kind: PeriodKind, year: int, index: int = 1) -> None:
        self.kind = kind
        self.year = year
        self.index = index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.kind, self.year, self.index) == (other.kind, other.year, other.index)

    def __hash__(self) -> int:
        return hash((self.kind, self.year, self.index))

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    def __str__(self) -> str:
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return f"{self.year:04d}"
        if kind is PeriodKind.HALF:
            return f"{self.year:04d}S{self.index}"
        if kind is PeriodKind.QUARTER:
            return f"{self.year:04d}Q{self.index}"
        if kind is PeriodKind.MONTH:
            return f"{self.year:04d}M{self.index:02d}"
        return f"{self.year:04d}Q1-Q3"


def _period(value: Any) -> Period:
    match = _PERIOD.match(value) if value.__class__ is str else None
    if match is None:
        raise ValueError("expected a period identifier like '2022' or '2022Q1'")
    year = int(match["year"])
    if not 1900 <= year <= 2200:
        raise ValueError("must be a year between 1900 and 2200")
    if match["half"]:
        return Period(PeriodKind.HALF, year, int(match["half"][1]))
    if match["quarter"]:
        return Period(PeriodKind.QUARTER, year, int(match["quarter"][1]))
    if match["month"]:
        return Period(PeriodKind.MONTH, year, int(match["month"][1:]))
    if match["nine"]:
        return Period(PeriodKind.NINE_MONTHS, year)
    return Period(PeriodKind.YEAR, year)


# --- pydantic v2 -------------------------------------------------------------------------------

Text = Annotated[str, AfterValidator(_text)]
Ident = Annotated[str, Field(pattern=_IDENTIFIER)]
Year = Annotated[int, Field(ge=1945, le=2200)]
Positive = Annotated[int, Field(ge=1)]
Dec = Annotated[Decimal, BeforeValidator(_decimal)]
PeriodField = Annotated[
    Period, PlainValidator(_period, json_schema_input_type=str), PlainSerializer(str, return_type=str)
]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class POrganisation(_Model):
    kind: Literal["organisation"] = "organisation"
    name: Text
    level: AdminLevel | None = None


class POfficial(_Model):
    kind: Literal["official"]
    name: Text | None = None
    position: Text | None = None
    honorific: Text | None = None
    organisation: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> POfficial:
        if self.position is None and self.name is None:
            raise ValueError("position is required when the official has no name")
        return self


class PCollective(_Model):
    kind: Literal["collective"]
    name: Text


def _party_key(party: POrganisation | POfficial | PCollective) -> str:
    if isinstance(party, POfficial):
        return _key(party.name if party.name is not None else party.position or "")
    return _key(party.name)


def _party_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        tag = value.get("kind", "organisation")
        return tag if isinstance(tag, str) else None
    return getattr(value, "kind", None)


PSingle = Annotated[
    Annotated[POrganisation, Tag("organisation")]
    | Annotated[POfficial, Tag("official")]
    | Annotated[PCollective, Tag("collective")],
    Discriminator(_party_tag),
]


class PJoint(_Model):
    kind: Literal["joint"]
    members: tuple[PSingle, ...]

    @model_validator(mode="after")
    def _two(self) -> PJoint:
        if len(self.members) < 2:
            raise ValueError("must name at least two parties")
        keys = [_party_key(m) for m in self.members]
        if len(set(keys)) != len(keys):
            raise ValueError("must not name a party twice")
        return self


PParty = Annotated[
    Annotated[POrganisation, Tag("organisation")]
    | Annotated[POfficial, Tag("official")]
    | Annotated[PCollective, Tag("collective")]
    | Annotated[PJoint, Tag("joint")],
    Discriminator(_party_tag),
]


class PResponsibility(_Model):
    lead: PParty | None = None
    coordinating: tuple[PSingle, ...] = ()
    implementing: tuple[PSingle, ...] = ()
    reporting: tuple[PSingle, ...] = ()

    @model_validator(mode="after")
    def _roles(self) -> PResponsibility:
        lead = self.lead
        if lead is None and not (self.coordinating or self.implementing or self.reporting):
            raise ValueError("must name at least one party")
        if lead is not None and self.coordinating:
            keys = {_party_key(m) for m in lead.members} if isinstance(lead, PJoint) else {_party_key(lead)}
            for party in self.coordinating:
                if _party_key(party) in keys:
                    raise ValueError("coordinating must not repeat the lead")
        return self


class PAdminUnit(_Model):
    name: Text
    kind: UnitKind
    parent: PAdminUnit | None = None
    code: Text | None = None

    @model_validator(mode="after")
    def _tier(self) -> PAdminUnit:
        parent = self.parent
        if parent is not None and _LEVEL_RANK[_KIND_LEVEL[parent.kind]] >= _LEVEL_RANK[_KIND_LEVEL[self.kind]]:
            raise ValueError("parent must be a unit of a higher tier")
        return self


class PBefore(_Model):
    kind: Literal["before"]
    day: date
    text: Text | None = None


class POnDate(_Model):
    kind: Literal["on_date"]
    day: date
    text: Text | None = None


class PBetween(_Model):
    kind: Literal["between"]
    start: date
    end: date
    text: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PBetween:
        if self.start > self.end:
            raise ValueError("start must not be after the end")
        return self


class PWithin(_Model):
    kind: Literal["within"]
    periods: tuple[PeriodField, ...]
    text: Text | None = None

    @field_validator("periods")
    @classmethod
    def _periods(cls, value: tuple[Period, ...]) -> tuple[Period, ...]:
        if not value:
            raise ValueError("must name at least one period")
        if len(set(value)) != len(value):
            raise ValueError("must not repeat a period")
        return value


class PSpan(_Model):
    kind: Literal["span"]
    start_year: Year
    end_year: Year
    span_kind: SpanKind = SpanKind.PERIOD
    text: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PSpan:
        if self.start_year > self.end_year:
            raise ValueError("end_year must not be before the start year")
        return self


class POpenEnded(_Model):
    kind: Literal["open_ended"]
    from_year: Year
    text: Text | None = None


class PRecurring(_Model):
    kind: Literal["recurring"]
    frequencies: tuple[Frequency, ...]
    within: PeriodField | None = None
    text: Text | None = None

    @field_validator("frequencies")
    @classmethod
    def _frequencies(cls, value: tuple[Frequency, ...]) -> tuple[Frequency, ...]:
        if not value:
            raise ValueError("must name at least one frequency")
        if len(set(value)) != len(value):
            raise ValueError("must not repeat a frequency")
        return value


class POnEvent(_Model):
    kind: Literal["on_event"]
    event: Text
    text: Text | None = None


class PPerSchedule(_Model):
    kind: Literal["per_schedule"]
    schedule: Text
    within: PeriodField | None = None
    text: Text | None = None


class PWithinWorkingDays(_Model):
    kind: Literal["within_working_days"]
    days: Positive
    after: date | None = None
    cutoff_of: PeriodField | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _start(self) -> PWithinWorkingDays:
        if (self.after is None) == (self.cutoff_of is None):
            raise ValueError("exactly one of 'after' and 'cutoff_of' must be given")
        return self


PSimpleTimeframe = Annotated[
    PBefore
    | POnDate
    | PBetween
    | PWithin
    | PSpan
    | POpenEnded
    | PRecurring
    | POnEvent
    | PPerSchedule
    | PWithinWorkingDays,
    Field(discriminator="kind"),
]


class PStep(_Model):
    action: Text | None = None
    timeframe: PSimpleTimeframe


class PCompound(_Model):
    kind: Literal["compound"]
    steps: tuple[PStep, ...] = Field(min_length=1)
    text: Text | None = None


PTimeframe = Annotated[
    PBefore
    | POnDate
    | PBetween
    | PWithin
    | PSpan
    | POpenEnded
    | PRecurring
    | POnEvent
    | PPerSchedule
    | PWithinWorkingDays
    | PCompound,
    Field(discriminator="kind"),
]


class PDocumentSymbol(_Model):
    number: Annotated[str, Field(pattern=_DOC_NUMBER)] | None = None
    year: Year | None = None
    doc_type: Annotated[str, AfterValidator(_text), Field(pattern=_DOC_TYPE)] | None = None
    issuer: Annotated[str, AfterValidator(_text), Field(pattern=_DOC_ISSUER)]
    form: SymbolForm = SymbolForm.STATE
    text: Text | None = None

    @model_validator(mode="after")
    def _form(self) -> PDocumentSymbol:
        if self.form in (SymbolForm.LETTER, SymbolForm.ASSEMBLY):
            if self.doc_type is not None:
                raise ValueError("doc_type must be absent for a letter or a National Assembly document")
        elif self.doc_type is None:
            raise ValueError("doc_type is required")
        if self.form is SymbolForm.ASSEMBLY:
            if self.year is None:
                raise ValueError("year is required for a National Assembly document")
        elif self.year is not None and self.form is not SymbolForm.STATE:
            raise ValueError("year must be absent for a Party document or a letter")
        return self


class PLegalReference(_Model):
    symbol: PDocumentSymbol | None = None
    kind: Text | None = None
    date: dt.date | None = None
    issuer_name: Text | None = None
    title: Text | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> PLegalReference:
        if self.symbol is None and self.title is None and self.text is None:
            raise ValueError("needs a symbol, a title or the text as written")
        return self


class PSourceLocation(_Model):
    file: Text | None = None
    line: Positive | None = None
    section: Text | None = None
    item: Text | None = None
    table: Text | None = None
    row: Text | None = None
    column: Text | None = None


class PBaseline(_Model):
    value: Dec | None = None
    year: Year | None = None
    period: PeriodField | None = None
    out_of: Positive | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> PBaseline:
        if self.value is None and self.year is None and self.period is None:
            raise ValueError("needs a value, a year or a period")
        return self


class PMilestone(_Model):
    by: date
    value: Dec
    text: Text | None = None


_RELATIVE = frozenset({Comparator.INCREASE, Comparator.DECREASE, Comparator.MAINTAIN})


class PTarget(_Model):
    comparator: Comparator
    value: Dec | None = None
    unit: Unit | None = None
    out_of: Positive | None = None
    baseline: PBaseline | None = None
    indicator: Ident | None = None
    subject: Text | None = None
    horizon: date | None = None
    milestones: tuple[PMilestone, ...] = ()
    text: Text | None = None
    flags: tuple[TargetFlag, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PTarget:
        if self.value is None and self.comparator not in _RELATIVE:
            raise ValueError("value is required with this comparator")
        if self.out_of is not None and self.unit is not Unit.RANK:
            raise ValueError("out_of is only allowed with the unit 'rank'")
        for earlier, later in pairwise(self.milestones):
            if earlier.by >= later.by:
                raise ValueError("milestones must be in increasing date order")
        if len(set(self.flags)) != len(self.flags):
            raise ValueError("must not repeat a flag")
        return self


class PBudgetLine(_Model):
    label: Text
    amount: int
    source: Text | None = None


class PBudget(_Model):
    amount: int | None = None
    source: Text | None = None
    note: Text | None = None
    lines: tuple[PBudgetLine, ...] = ()
    text: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> PBudget:
        if self.amount is None and self.note is None and not self.lines and self.text is None:
            raise ValueError("needs an amount, lines, a note or the text as written")
        return self


class PTask(_Model):
    id: Ident
    title: Text
    area: ReformArea | None = None
    subarea: Text | None = None
    general_task: Text | None = None
    description: Text | None = None
    outputs: tuple[Text, ...] = ()
    responsibility: PResponsibility | None = None
    timeframe: PTimeframe | None = None
    targets: tuple[PTarget, ...] = ()
    budget: PBudget | None = None
    indicators: tuple[Ident, ...] = ()
    legal_bases: tuple[PLegalReference, ...] = ()
    source: PSourceLocation | None = None
    notes: Text | None = None


class PObjective(_Model):
    text: Text
    id: Ident | None = None
    area: ReformArea | None = None
    targets: tuple[PTarget, ...] = ()
    source: PSourceLocation | None = None


class PSection(_Model):
    heading: Text
    area: ReformArea | None = None
    label: Text | None = None
    source: PSourceLocation | None = None


class PReportingLine(_Model):
    period: PeriodField
    data_from: date | None = None
    data_to: date | None = None
    estimate_from: date | None = None
    estimate_to: date | None = None
    due: date | None = None
    recipient: Text | None = None
    text: Text | None = None


class PAreaScore(_Model):
    area: ReformArea
    points: Dec
    max_points: Dec | None = None


class PIndexResult(_Model):
    framework: Ident
    year: Year
    score: Dec | None = None
    unit: Unit = Unit.POINTS
    rank: Positive | None = None
    out_of: Positive | None = None
    rank_change: int | None = None
    area_scores: tuple[PAreaScore, ...] = ()
    source: PLegalReference | None = None
    text: Text | None = None


class PAuthority(_Model):
    capacity: SigningCapacity
    of: Text | None = None


class PSignature(_Model):
    authorities: tuple[PAuthority, ...] = ()
    position: Text
    name: Text | None = None


class PydanticPlan(_Model):
    """A plan document, pydantic v2 edition."""

    format_version: Literal[2]
    document: Literal["plan"]
    title: Text
    issuer: POrganisation
    unit: PAdminUnit
    kind: PlanKind = PlanKind.ANNUAL
    year: Year | None = None
    span: PSpan | None = None
    symbol: PDocumentSymbol | None = None
    place: Text | None = None
    issued_on: date | None = None
    issued_text: Text | None = None
    signature: PSignature | None = None
    adopted_by: PLegalReference | None = None
    legal_bases: tuple[PLegalReference, ...] = ()
    implements: tuple[PLegalReference, ...] = ()
    purposes: tuple[Text, ...] = ()
    requirements: tuple[Text, ...] = ()
    results: tuple[PIndexResult, ...] = ()
    objectives: tuple[PObjective, ...] = ()
    sections: tuple[PSection, ...] = ()
    tasks: tuple[PTask, ...] = ()
    reporting: tuple[PReportingLine, ...] = ()
    funding: tuple[Text, ...] = ()
    recipients: tuple[Text, ...] = ()
    source_file: Text | None = None
    notes: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> PydanticPlan:
        if (self.year is None) == (self.span is None):
            raise ValueError("year or span must be given, and not both")
        ids = [o.id for o in self.objectives if o.id is not None]
        if len(set(ids)) != len(ids):
            raise ValueError("objectives must not repeat an id")
        return self


# --- msgspec -----------------------------------------------------------------------------------

MIdent = Annotated[str, msgspec.Meta(pattern=_IDENTIFIER)]
MYear = Annotated[int, msgspec.Meta(ge=1945, le=2200)]
MPositive = Annotated[int, msgspec.Meta(ge=1)]


def _check_texts(struct: Any) -> None:
    for name in struct.TEXTS:
        value = getattr(struct, name)
        if value is None:
            continue
        if value.__class__ is tuple:
            msgspec.structs.force_setattr(struct, name, tuple([_text(v) for v in value]))
        else:
            normal = _text(value)
            if normal is not value:
                msgspec.structs.force_setattr(struct, name, normal)


def _check_decimals(struct: Any) -> None:
    for name in struct.DECIMALS:
        value = getattr(struct, name)
        if value is not None and not value.is_finite():
            raise ValueError(f"{name} must be a finite number")


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    TEXTS: ClassVar[tuple[str, ...]] = ()
    DECIMALS: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        _check_texts(self)
        _check_decimals(self)
        self._check()

    def _check(self) -> None:
        pass


class _Tagged(_Struct, frozen=True, tag_field="kind"):
    pass


class MOrganisation(_Tagged, frozen=True, tag="organisation"):
    TEXTS = ("name",)
    name: str
    level: AdminLevel | None = None


class MOfficial(_Tagged, frozen=True, tag="official"):
    TEXTS = ("name", "position", "honorific", "organisation")
    name: str | None = None
    position: str | None = None
    honorific: str | None = None
    organisation: str | None = None

    def _check(self) -> None:
        if self.position is None and self.name is None:
            raise ValueError("position is required when the official has no name")


class MCollective(_Tagged, frozen=True, tag="collective"):
    TEXTS = ("name",)
    name: str


def _m_key(party: MOrganisation | MOfficial | MCollective) -> str:
    if isinstance(party, MOfficial):
        return _key(party.name if party.name is not None else party.position or "")
    return _key(party.name)


MSingle = MOrganisation | MOfficial | MCollective


class MJoint(_Tagged, frozen=True, tag="joint"):
    members: tuple[MSingle, ...]

    def _check(self) -> None:
        if len(self.members) < 2:
            raise ValueError("must name at least two parties")
        keys = [_m_key(m) for m in self.members]
        if len(set(keys)) != len(keys):
            raise ValueError("must not name a party twice")


class MResponsibility(_Struct, frozen=True):
    lead: MOrganisation | MOfficial | MCollective | MJoint | None = None
    coordinating: tuple[MSingle, ...] = ()
    implementing: tuple[MSingle, ...] = ()
    reporting: tuple[MSingle, ...] = ()

    def _check(self) -> None:
        lead = self.lead
        if lead is None and not (self.coordinating or self.implementing or self.reporting):
            raise ValueError("must name at least one party")
        if lead is not None and self.coordinating:
            keys = {_m_key(m) for m in lead.members} if isinstance(lead, MJoint) else {_m_key(lead)}
            for party in self.coordinating:
                if _m_key(party) in keys:
                    raise ValueError("coordinating must not repeat the lead")


class MAdminUnit(_Struct, frozen=True):
    TEXTS = ("name", "code")
    name: str
    kind: UnitKind
    parent: MAdminUnit | None = None
    code: str | None = None

    def _check(self) -> None:
        parent = self.parent
        if parent is not None and _LEVEL_RANK[_KIND_LEVEL[parent.kind]] >= _LEVEL_RANK[_KIND_LEVEL[self.kind]]:
            raise ValueError("parent must be a unit of a higher tier")


class MBefore(_Tagged, frozen=True, tag="before"):
    TEXTS = ("text",)
    day: date
    text: str | None = None


class MOnDate(_Tagged, frozen=True, tag="on_date"):
    TEXTS = ("text",)
    day: date
    text: str | None = None


class MBetween(_Tagged, frozen=True, tag="between"):
    TEXTS = ("text",)
    start: date
    end: date
    text: str | None = None

    def _check(self) -> None:
        if self.start > self.end:
            raise ValueError("start must not be after the end")


class MWithin(_Tagged, frozen=True, tag="within"):
    TEXTS = ("text",)
    periods: tuple[Period, ...]
    text: str | None = None

    def _check(self) -> None:
        if not self.periods:
            raise ValueError("must name at least one period")
        if len(set(self.periods)) != len(self.periods):
            raise ValueError("must not repeat a period")


class MSpan(_Tagged, frozen=True, tag="span"):
    TEXTS = ("text",)
    start_year: MYear
    end_year: MYear
    span_kind: SpanKind = SpanKind.PERIOD
    text: str | None = None

    def _check(self) -> None:
        if self.start_year > self.end_year:
            raise ValueError("end_year must not be before the start year")


class MOpenEnded(_Tagged, frozen=True, tag="open_ended"):
    TEXTS = ("text",)
    from_year: MYear
    text: str | None = None


class MRecurring(_Tagged, frozen=True, tag="recurring"):
    TEXTS = ("text",)
    frequencies: tuple[Frequency, ...]
    within: Period | None = None
    text: str | None = None

    def _check(self) -> None:
        if not self.frequencies:
            raise ValueError("must name at least one frequency")
        if len(set(self.frequencies)) != len(self.frequencies):
            raise ValueError("must not repeat a frequency")


class MOnEvent(_Tagged, frozen=True, tag="on_event"):
    TEXTS = ("event", "text")
    event: str
    text: str | None = None


class MPerSchedule(_Tagged, frozen=True, tag="per_schedule"):
    TEXTS = ("schedule", "text")
    schedule: str
    within: Period | None = None
    text: str | None = None


class MWithinWorkingDays(_Tagged, frozen=True, tag="within_working_days"):
    TEXTS = ("text",)
    days: MPositive
    after: date | None = None
    cutoff_of: Period | None = None
    text: str | None = None

    def _check(self) -> None:
        if (self.after is None) == (self.cutoff_of is None):
            raise ValueError("exactly one of 'after' and 'cutoff_of' must be given")


MSimpleTimeframe = (
    MBefore
    | MOnDate
    | MBetween
    | MWithin
    | MSpan
    | MOpenEnded
    | MRecurring
    | MOnEvent
    | MPerSchedule
    | MWithinWorkingDays
)


class MStep(_Struct, frozen=True, kw_only=True):
    TEXTS = ("action",)
    action: str | None = None
    timeframe: MSimpleTimeframe


class MCompound(_Tagged, frozen=True, tag="compound"):
    TEXTS = ("text",)
    steps: Annotated[tuple[MStep, ...], msgspec.Meta(min_length=1)]
    text: str | None = None


class MDocumentSymbol(_Struct, frozen=True, kw_only=True):
    TEXTS = ("doc_type", "issuer", "text")
    number: Annotated[str, msgspec.Meta(pattern=_DOC_NUMBER)] | None = None
    year: MYear | None = None
    doc_type: Annotated[str, msgspec.Meta(pattern=_DOC_TYPE)] | None = None
    issuer: Annotated[str, msgspec.Meta(pattern=_DOC_ISSUER)]
    form: SymbolForm = SymbolForm.STATE
    text: str | None = None

    def _check(self) -> None:
        if self.form in (SymbolForm.LETTER, SymbolForm.ASSEMBLY):
            if self.doc_type is not None:
                raise ValueError("doc_type must be absent for a letter or a National Assembly document")
        elif self.doc_type is None:
            raise ValueError("doc_type is required")
        if self.form is SymbolForm.ASSEMBLY:
            if self.year is None:
                raise ValueError("year is required for a National Assembly document")
        elif self.year is not None and self.form is not SymbolForm.STATE:
            raise ValueError("year must be absent for a Party document or a letter")


class MLegalReference(_Struct, frozen=True):
    TEXTS = ("kind", "issuer_name", "title", "text")
    symbol: MDocumentSymbol | None = None
    kind: str | None = None
    date: dt.date | None = None
    issuer_name: str | None = None
    title: str | None = None
    text: str | None = None

    def _check(self) -> None:
        if self.symbol is None and self.title is None and self.text is None:
            raise ValueError("needs a symbol, a title or the text as written")


class MSourceLocation(_Struct, frozen=True):
    TEXTS = ("file", "section", "item", "table", "row", "column")
    file: str | None = None
    line: MPositive | None = None
    section: str | None = None
    item: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None


class MBaseline(_Struct, frozen=True):
    TEXTS = ("text",)
    DECIMALS = ("value",)
    value: Decimal | None = None
    year: MYear | None = None
    period: Period | None = None
    out_of: MPositive | None = None
    text: str | None = None

    def _check(self) -> None:
        if self.value is None and self.year is None and self.period is None:
            raise ValueError("needs a value, a year or a period")


class MMilestone(_Struct, frozen=True):
    TEXTS = ("text",)
    DECIMALS = ("value",)
    by: date
    value: Decimal
    text: str | None = None


class MTarget(_Struct, frozen=True):
    TEXTS = ("subject", "text")
    DECIMALS = ("value",)
    comparator: Comparator
    value: Decimal | None = None
    unit: Unit | None = None
    out_of: MPositive | None = None
    baseline: MBaseline | None = None
    indicator: MIdent | None = None
    subject: str | None = None
    horizon: date | None = None
    milestones: tuple[MMilestone, ...] = ()
    text: str | None = None
    flags: tuple[TargetFlag, ...] = ()

    def _check(self) -> None:
        if self.value is None and self.comparator not in _RELATIVE:
            raise ValueError("value is required with this comparator")
        if self.out_of is not None and self.unit is not Unit.RANK:
            raise ValueError("out_of is only allowed with the unit 'rank'")
        for earlier, later in pairwise(self.milestones):
            if earlier.by >= later.by:
                raise ValueError("milestones must be in increasing date order")
        if len(set(self.flags)) != len(self.flags):
            raise ValueError("must not repeat a flag")


class MBudgetLine(_Struct, frozen=True):
    TEXTS = ("label", "source")
    label: str
    amount: int
    source: str | None = None


class MBudget(_Struct, frozen=True):
    TEXTS = ("source", "note", "text")
    amount: int | None = None
    source: str | None = None
    note: str | None = None
    lines: tuple[MBudgetLine, ...] = ()
    text: str | None = None

    def _check(self) -> None:
        if self.amount is None and self.note is None and not self.lines and self.text is None:
            raise ValueError("needs an amount, lines, a note or the text as written")


class MTask(_Struct, frozen=True):
    TEXTS = ("title", "subarea", "general_task", "description", "outputs", "notes")
    id: MIdent
    title: str
    area: ReformArea | None = None
    subarea: str | None = None
    general_task: str | None = None
    description: str | None = None
    outputs: tuple[str, ...] = ()
    responsibility: MResponsibility | None = None
    timeframe: MSimpleTimeframe | MCompound | None = None
    targets: tuple[MTarget, ...] = ()
    budget: MBudget | None = None
    indicators: tuple[MIdent, ...] = ()
    legal_bases: tuple[MLegalReference, ...] = ()
    source: MSourceLocation | None = None
    notes: str | None = None


class MObjective(_Struct, frozen=True):
    TEXTS = ("text",)
    text: str
    id: MIdent | None = None
    area: ReformArea | None = None
    targets: tuple[MTarget, ...] = ()
    source: MSourceLocation | None = None


class MSection(_Struct, frozen=True):
    TEXTS = ("heading", "label")
    heading: str
    area: ReformArea | None = None
    label: str | None = None
    source: MSourceLocation | None = None


class MReportingLine(_Struct, frozen=True):
    TEXTS = ("recipient", "text")
    period: Period
    data_from: date | None = None
    data_to: date | None = None
    estimate_from: date | None = None
    estimate_to: date | None = None
    due: date | None = None
    recipient: str | None = None
    text: str | None = None


class MAreaScore(_Struct, frozen=True):
    DECIMALS = ("points", "max_points")
    area: ReformArea
    points: Decimal
    max_points: Decimal | None = None


class MIndexResult(_Struct, frozen=True):
    TEXTS = ("text",)
    DECIMALS = ("score",)
    framework: MIdent
    year: MYear
    score: Decimal | None = None
    unit: Unit = Unit.POINTS
    rank: MPositive | None = None
    out_of: MPositive | None = None
    rank_change: int | None = None
    area_scores: tuple[MAreaScore, ...] = ()
    source: MLegalReference | None = None
    text: str | None = None


class MAuthority(_Struct, frozen=True):
    TEXTS = ("of",)
    capacity: SigningCapacity
    of: str | None = None


class MSignature(_Struct, frozen=True, kw_only=True):
    TEXTS = ("position", "name")
    authorities: tuple[MAuthority, ...] = ()
    position: str
    name: str | None = None


class MsgspecPlan(_Struct, frozen=True):
    """A plan document, msgspec edition."""

    TEXTS = (
        "title",
        "place",
        "issued_text",
        "purposes",
        "requirements",
        "funding",
        "recipients",
        "source_file",
        "notes",
    )
    format_version: Literal[2]
    document: Literal["plan"]
    title: str
    issuer: MOrganisation
    unit: MAdminUnit
    kind: PlanKind = PlanKind.ANNUAL
    year: MYear | None = None
    span: MSpan | None = None
    symbol: MDocumentSymbol | None = None
    place: str | None = None
    issued_on: date | None = None
    issued_text: str | None = None
    signature: MSignature | None = None
    adopted_by: MLegalReference | None = None
    legal_bases: tuple[MLegalReference, ...] = ()
    implements: tuple[MLegalReference, ...] = ()
    purposes: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    results: tuple[MIndexResult, ...] = ()
    objectives: tuple[MObjective, ...] = ()
    sections: tuple[MSection, ...] = ()
    tasks: tuple[MTask, ...] = ()
    reporting: tuple[MReportingLine, ...] = ()
    funding: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    source_file: str | None = None
    notes: str | None = None

    def _check(self) -> None:
        if (self.year is None) == (self.span is None):
            raise ValueError("year or span must be given, and not both")
        ids = [o.id for o in self.objectives if o.id is not None]
        if len(set(ids)) != len(ids):
            raise ValueError("objectives must not repeat an id")


def _dec_hook(tp: type, value: Any) -> Any:
    if tp is Period:
        return _period(value)
    raise NotImplementedError(f"no decoder for {tp!r}")


def _enc_hook(value: Any) -> Any:
    if isinstance(value, Period):
        return str(value)
    raise NotImplementedError(f"no encoder for {type(value).__name__}")


msgspec_decoder = msgspec.json.Decoder(MsgspecPlan, dec_hook=_dec_hook)
"""Decodes a plan document into :class:`MsgspecPlan`."""

msgspec_encoder = msgspec.json.Encoder(enc_hook=_enc_hook, decimal_format="string")
"""Encodes a :class:`MsgspecPlan` (compact JSON; pass the result to ``msgspec.json.format`` to indent)."""

_ROLES = ("lead", "coordinating", "implementing", "reporting")


def _tag_party(party: Any) -> Any:
    if not isinstance(party, dict):
        return party
    if "kind" not in party:
        return {"kind": "organisation", **party}
    if party["kind"] == "joint" and isinstance(party.get("members"), list):
        return {**party, "members": [_tag_party(member) for member in party["members"]]}
    return party


def tag_organisations(data: Any) -> Any:
    """A copy of JSON-like ``data`` where every party of a responsibility writes its ``kind`` (msgspec needs it)."""
    if isinstance(data, list):
        return [tag_organisations(item) for item in data]
    if not isinstance(data, dict):
        return data
    result = {key: tag_organisations(value) for key, value in data.items()}
    responsibility = result.get("responsibility")
    if isinstance(responsibility, dict):
        tagged = dict(responsibility)
        for role in _ROLES:
            value = tagged.get(role)
            if isinstance(value, list):
                tagged[role] = [_tag_party(party) for party in value]
            elif value is not None:
                tagged[role] = _tag_party(value)
        result["responsibility"] = tagged
    return result


# --- the floor: parplan's classes built without any check ----------------------------------------


def _floor_period(text: str) -> ReportingPeriod:
    period: Any = object.__new__(ReportingPeriod)
    set_slot = object.__setattr__
    year = int(text[:4])
    if len(text) == 4:
        kind, index = PeriodKind.YEAR, 1
    elif text[4] == "S":
        kind, index = PeriodKind.HALF, int(text[5])
    elif text[4] == "M":
        kind, index = PeriodKind.MONTH, int(text[5:7])
    elif len(text) == 6:
        kind, index = PeriodKind.QUARTER, int(text[5])
    else:
        kind, index = PeriodKind.NINE_MONTHS, 1
    set_slot(period, "kind", kind)
    set_slot(period, "year", year)
    set_slot(period, "index", index)
    return period  # type: ignore[no-any-return]


class _FloorSource:
    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_new": object.__new__,
            "_date": date.fromisoformat,
            "_decimal": Decimal,
            "_period": _floor_period,
        }
        self.count = 0

    def name(self, value: Any) -> str:
        self.count += 1
        name = f"_n{self.count}"
        self.namespace[name] = value
        return name


def _floor_expression(src: _FloorSource, tp: Any, v: str, builders: dict[type, Any]) -> str:
    """An expression building a ``tp`` from the JSON-like value named ``v``, without any check."""
    if tp in (str, int, bool):
        return v
    if tp is date:
        return f"_date({v})"
    if tp is Decimal:
        return f"_decimal({v})"
    if tp is ReportingPeriod:
        return f"_period({v})"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"{src.name({member.value: member for member in tp})}[{v}]"
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple:
        if args[0] is str:
            return f"tuple({v})"
        return f"tuple([{_floor_expression(src, args[0], '_x', builders)} for _x in {v}])"
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007 - rebuilt from parts
        return f"(None if {v} is None else {_floor_expression(src, inner, v, builders)})"
    if args:
        table = {TAGS[member]: _floor_builder(member, builders) for member in args}
        default = next((TAGS[m] for m in args if m in _DEFAULT_TAG), None)
        return f"{src.name(table)}[{v}.get('kind', {default!r})]({v})"
    return f"{src.name(_floor_lazy(tp, builders))}({v})"


def _floor_lazy(cls: type, builders: dict[type, Any]) -> Any:
    if cls in builders:
        return builders[cls]

    def build_later(data: Any) -> Any:
        return builders[cls](data)

    builders[cls] = build_later
    builders[cls] = _floor_generate(cls, builders)
    return builders[cls]


def _floor_builder(cls: type, builders: dict[type, Any]) -> Any:
    return _floor_lazy(cls, builders)


def _floor_generate(cls: type, builders: dict[type, Any]) -> Any:
    attrs.resolve_types(cls)
    src = _FloorSource()
    src.namespace["cls"] = cls
    lines = ["def build(o):", "    self = _new(cls)"]
    for field in attrs.fields(cls):
        setter = src.name(next(k.__dict__[field.name] for k in cls.__mro__ if field.name in k.__dict__).__set__)
        value = _floor_expression(src, field.type, "v", builders)
        if field.default is attrs.NOTHING:
            lines.append(f"    v = o[{field.name!r}]")
            lines.append(f"    {setter}(self, {value})")
        else:
            lines.append(f"    v = o.get({field.name!r}, self)")
            lines.append(f"    {setter}(self, {src.name(field.default)} if v is self else {value})")
    lines.append("    return self")
    exec("\n".join(lines), src.namespace)  # noqa: S102 - generated from the model's own classes
    return src.namespace["build"]


floor_plan: Any = _floor_builder(Plan, {})
"""Build a :class:`parplan.Plan` from its JSON-like document (``format_version`` removed) with no check at all."""
