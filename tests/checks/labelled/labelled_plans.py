"""Helpers to transcribe plans for the labelled corpus: short names for the model's constructors.

The plans themselves are written in ``transcribe_synthetic.py`` (the synthetic documents
of ``tests/documents/synthetic``, transcribed as written) and ``write_own_plans.py``
(plans written for this corpus in the patterns of real plans, with known
defects). Each is written to ``NAME.json``; its real defects are listed by hand
in ``NAME.labels.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import parplan
from parplan import (
    Authority,
    Baseline,
    Before,
    Between,
    Compound,
    DocumentSymbol,
    Frequency,
    LegalReference,
    Milestone,
    Objective,
    OnEvent,
    OpenEnded,
    Organisation,
    Part,
    PartOf,
    PerSchedule,
    Plan,
    Recurring,
    ReportingLine,
    ReportingObligation,
    ReportingPeriod,
    Responsibility,
    Section,
    SectionKind,
    Signature,
    SigningCapacity,
    SourceLocation,
    Step,
    SymbolForm,
    Target,
    Task,
    Timeframe,
    Unit,
    Within,
)
from parplan.org import CollectiveParty, JointParty, Official, OrgKind, SingleParty
from parplan.targets import Comparator

HERE = Path(__file__).resolve().parent

Party = Organisation | Official | CollectiveParty | JointParty


def org(name: str, category: OrgKind | None = None) -> Organisation:
    """A body named in a plan."""
    return Organisation(name=name, category=category)


def group(name: str) -> CollectiveParty:
    """An open group: "các cơ quan, đơn vị liên quan"."""
    return CollectiveParty(name=name)


def person(name: str | None, position: str) -> Official:
    """An official: "Đ/c <name> – <position>", or a post alone."""
    return Official(name=name, position=position, honorific="Đ/c" if name else None)


def resp(
    lead: Party | None = None,
    *,
    coord: Iterable[SingleParty] = (),
    impl: Iterable[SingleParty] = (),
    rep: Iterable[SingleParty] = (),
    req: Iterable[SingleParty] = (),
) -> Responsibility:
    """A responsibility: lead, coordinating, implementing, reporting and requested parties."""
    return Responsibility(
        lead=lead, coordinating=tuple(coord), implementing=tuple(impl), reporting=tuple(rep), requested=tuple(req)
    )


def before(y: int, m: int, d: int, text: str) -> Before:
    """ "Trước ngày d/m/y"."""
    return Before(day=date(y, m, d), text=text)


def month(y: int, m: int, text: str) -> Within:
    """ "Tháng m/y"."""
    return Within(periods=(ReportingPeriod.month(y, m),), text=text)


def quarters(y: int, *qs: int, text: str) -> Within:
    """ "Quý I, II/y"."""
    return Within(periods=tuple(ReportingPeriod.quarter(y, q) for q in qs), text=text)


def in_year(y: int, text: str) -> Within:
    """ "Trong năm y"."""
    return Within(periods=(ReportingPeriod.year_of(y),), text=text)


def continuous(text: str, y: int | None = None) -> Recurring:
    """ "Thường xuyên (trong năm y)"."""
    return Recurring(
        frequencies=(Frequency.CONTINUOUS,), within=None if y is None else ReportingPeriod.year_of(y), text=text
    )


def every(frequency: Frequency, text: str) -> Recurring:
    """ "Hằng tháng", "định kỳ hằng quý"."""
    return Recurring(frequencies=(frequency,), text=text)


def event(text: str) -> OnEvent:
    """ "Khi có hướng dẫn của cấp trên"."""
    return OnEvent(event=text, text=text)


def schedule(text: str) -> PerSchedule:
    """ "Theo lộ trình của tỉnh"."""
    return PerSchedule(schedule=text, text=text)


def end_of_year(y: int, text: str) -> PartOf:
    """ "Cuối năm y"."""
    return PartOf(period=ReportingPeriod.year_of(y), part=Part.END, text=text)


def first_week(y: int, m: int, text: str) -> PartOf:
    """ "Tuần đầu tháng m/y"."""
    return PartOf(period=ReportingPeriod.month(y, m), part=Part.WEEK, number=1, text=text)


def between(start: date, end: date, text: str) -> Between:
    """ "Từ … đến …"."""
    return Between(start=start, end=end, text=text)


def steps(*pairs: tuple[str, Timeframe]) -> Compound:
    """A cell with several actions, each with its own time."""
    return Compound(steps=tuple(Step(action=action, timeframe=tf) for action, tf in pairs))  # type: ignore[arg-type]


def since(y: int, text: str) -> OpenEnded:
    """ "Năm y và những năm tiếp theo"."""
    return OpenEnded(from_year=y, text=text)


def symbol(written: str, *, form: SymbolForm = SymbolForm.STATE, text: str | None = None) -> DocumentSymbol:
    """A symbol read from its canonical form: "61/2018/NĐ-CP", "06/KH-UBND", "356/SNV-CCHC", "72/2025/QH15"."""
    parts = written.split("/")
    number = parts[0] or None
    if form is SymbolForm.LETTER:
        return DocumentSymbol(number=number, issuer=parts[1], form=form, text=text)
    if form is SymbolForm.ASSEMBLY:
        return DocumentSymbol(number=number, year=int(parts[1]), issuer=parts[2], form=form, text=text)
    year = int(parts[1]) if len(parts) == 3 else None
    doc_type, issuer = parts[-1].split("-", 1)
    return DocumentSymbol(number=number, year=year, doc_type=doc_type, issuer=issuer, text=text)


def ref(
    kind: str,
    written: str | None,
    day: date | None,
    issuer: str | None,
    title: str | None,
    **extra: Any,
) -> LegalReference:
    """A citation: kind, symbol as canonical text (or None), date, issuer and subject."""
    form = extra.pop("form", SymbolForm.STATE)
    text = extra.pop("symbol_text", None)
    return LegalReference(
        symbol=None if written is None else symbol(written, form=form, text=text),
        kind=kind,
        date=day,
        issuer_name=issuer,
        title=title,
        **extra,
    )


def sec(
    id_: str,
    label: str | None,
    heading: str,
    *,
    parent: str | None = None,
    kind: SectionKind | None = None,
    **fields: Any,
) -> Section:
    """A section; its level follows from its parent's (given in order)."""
    level = 1 if parent is None else _LEVELS.get(parent, 1) + 1
    _LEVELS[id_] = level
    return Section(id=id_, label=label, heading=heading, parent=parent, level=level, kind=kind, **fields)


_LEVELS: dict[str, int] = {}


def task(id_: str, title: str, **fields: Any) -> Task:
    """A task; ``row`` places it in the appendix table, ``item`` in the prose of its section."""
    row = fields.pop("row", None)
    item = fields.pop("item", None)
    where = fields.pop("where", None)
    source = None
    if row is not None:
        source = SourceLocation(table="Phụ lục", row=str(row))
    elif where is not None:
        source = SourceLocation(section=where, item=item)
    return Task(id=id_, title=title, source=source, **fields)


def pct(comparator: Comparator, value: str, text: str, **fields: Any) -> Target:
    """A target in %."""
    return Target(comparator=comparator, value=Decimal(value), unit=Unit.PERCENT, text=text, **fields)


def target(comparator: Comparator, value: str | None, unit: Unit, text: str, **fields: Any) -> Target:
    """A target in any unit."""
    return Target(
        comparator=comparator, value=None if value is None else Decimal(value), unit=unit, text=text, **fields
    )


def rank_change(places: int, base_rank: int, out_of: int, year: int, text: str) -> Target:
    """ "Tăng ít nhất n bậc so với năm y" from rank r/n."""
    return Target(
        comparator=Comparator.INCREASE,
        value=Decimal(places),
        unit=Unit.RANK,
        baseline=Baseline(value=Decimal(base_rank), out_of=out_of, year=year),
        text=text,
    )


def milestone(y: int, m: int, d: int, value: str) -> Milestone:
    """A dated step towards a target."""
    return Milestone(by=date(y, m, d), value=Decimal(value))


def objective(id_: str, text: str, *targets: Target, **fields: Any) -> Objective:
    """An objective and its targets."""
    return Objective(id=id_, text=text, targets=targets, **fields)


def signed(*authorities: tuple[SigningCapacity, str], position: str, name: str | None) -> Signature:
    """A signature block: lines of authority from the outermost, the signer's post and name."""
    return Signature(
        authorities=tuple(Authority(capacity=c, of=of) for c, of in authorities), position=position, name=name
    )


def line(
    period: str, *, due: date | None = None, recipient: str | None = None, text: str | None = None
) -> ReportingLine:
    """A reporting line that declares its period and, when the plan says, its deadline."""
    return ReportingLine(period=ReportingPeriod.parse(period), due=due, recipient=recipient, text=text)


def duty(text: str, recipient: Party | None, timeframe: Timeframe | None = None) -> ReportingObligation:
    """A duty to report without a period's cut-off window."""
    return ReportingObligation(text=text, recipient=recipient, timeframe=timeframe)


def write(name: str, plan: Plan) -> None:
    """Write ``plan`` as ``NAME.json`` beside this file."""
    (HERE / f"{name}.json").write_text(parplan.dumps(plan) + "\n", encoding="utf-8")


__all__ = [
    "HERE",
    "Comparator",
    "before",
    "between",
    "continuous",
    "duty",
    "end_of_year",
    "event",
    "every",
    "first_week",
    "group",
    "in_year",
    "line",
    "milestone",
    "month",
    "objective",
    "org",
    "pct",
    "person",
    "quarters",
    "rank_change",
    "ref",
    "resp",
    "schedule",
    "sec",
    "signed",
    "since",
    "steps",
    "symbol",
    "target",
    "task",
    "write",
]
