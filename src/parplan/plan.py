"""Plans and their tasks: the header, objectives, tasks, budgets and reporting lines.

A :class:`Plan` is what a People's Committee issues: issuer and level, symbol,
place and date, signer, legal bases, the plan it implements, purposes and
requirements, last year's results, objectives with targets, tasks (from the
prose sections and the appendix table), reporting lines and recipients.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from parplan._values import (
    field_name,
    finite_decimal,
    finite_decimal_or_none,
    identifier,
    identifier_or_none,
    nfc,
    nfc_or_none,
    nfc_tuple,
    non_empty,
    non_empty_items,
    non_empty_or_none,
    positive_int_or_none,
    to_tuple,
    year_range,
    year_range_or_none,
)
from parplan.areas import ReformArea
from parplan.errors import NO_VALUE, InvariantError
from parplan.legal import DocumentSymbol, LegalReference
from parplan.org import AdminLevel, AdminUnit, Organisation, Party, Responsibility
from parplan.periods import ReportingPeriod
from parplan.source import SourceLocation
from parplan.targets import Target, Unit
from parplan.timeframes import Span, Timeframe

__all__ = [
    "AreaScore",
    "Budget",
    "BudgetLine",
    "IndexResult",
    "Objective",
    "Plan",
    "PlanKind",
    "ReportingLine",
    "Section",
    "Signature",
    "SigningCapacity",
    "Task",
]


def _text() -> Any:
    return attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)


def _texts() -> Any:
    return attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)


def _check_codes(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for code in value:
        identifier(instance, attribute, code)


@attrs.frozen(kw_only=True)
class BudgetLine:
    """One line of a budget: what it pays for, how much (đồng) and from which source."""

    label: str = attrs.field(converter=nfc, validator=non_empty)
    amount: int
    source: str | None = _text()


@attrs.frozen(kw_only=True)
class Budget:
    """Money for a task, always in đồng ("Kinh phí (Triệu đồng)" cells are multiplied out).

    ``amount`` is the total; ``lines`` an optional breakdown; ``source`` the
    funding source ("ngân sách xã"); ``note`` an unquantified statement such as
    "Theo dự trù kinh phí riêng"; ``text`` the cell as written ("150").
    """

    amount: int | None = None
    source: str | None = _text()
    note: str | None = _text()
    lines: tuple[BudgetLine, ...] = attrs.field(default=(), converter=to_tuple)
    text: str | None = _text()

    def __attrs_post_init__(self) -> None:
        if self.amount is None and self.note is None and not self.lines and self.text is None:
            raise InvariantError("Budget", NO_VALUE, "needs an amount, lines, a note or the text as written")

    @property
    def is_quantified(self) -> bool:
        """True when an amount (or a breakdown) is given."""
        return self.amount is not None or bool(self.lines)

    @property
    def lines_total(self) -> int | None:
        """The sum of the lines, None when there are none."""
        return sum(line.amount for line in self.lines) if self.lines else None


@attrs.frozen(kw_only=True)
class Task:
    """One task (nhiệm vụ) of a plan, from a prose item or an appendix row.

    ``id`` is stable within the plan so that targets, findings and diffs can
    point at it. ``general_task`` is the "Nhiệm vụ chung" a task belongs to;
    ``subarea`` a sub-heading such as "Áp dụng ISO trong hoạt động của đơn vị".
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(converter=nfc, validator=non_empty)
    area: ReformArea | None = None
    subarea: str | None = _text()
    general_task: str | None = _text()
    description: str | None = _text()
    outputs: tuple[str, ...] = _texts()
    responsibility: Responsibility | None = None
    timeframe: Timeframe | None = None
    targets: tuple[Target, ...] = attrs.field(default=(), converter=to_tuple)
    budget: Budget | None = None
    indicators: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_check_codes)
    legal_bases: tuple[LegalReference, ...] = attrs.field(default=(), converter=to_tuple)
    source: SourceLocation | None = None
    notes: str | None = _text()

    @property
    def lead(self) -> Party | None:
        """The lead party, or None."""
        return None if self.responsibility is None else self.responsibility.lead


@attrs.frozen(kw_only=True)
class Objective:
    """An objective (mục tiêu, chỉ tiêu) with the targets read from it."""

    text: str = attrs.field(converter=nfc, validator=non_empty)
    id: str | None = attrs.field(default=None, validator=identifier_or_none)
    area: ReformArea | None = None
    targets: tuple[Target, ...] = attrs.field(default=(), converter=to_tuple)
    source: SourceLocation | None = None


@attrs.frozen(kw_only=True)
class Section:
    """A section heading of the plan as written, and the area it names.

    Plans number and order their sections in their own way; ``label`` keeps the
    number as written ("II", "7", "A") and ``area`` is None for a heading that
    names no area.
    """

    heading: str = attrs.field(converter=nfc, validator=non_empty)
    area: ReformArea | None = None
    label: str | None = _text()
    source: SourceLocation | None = None


@attrs.frozen(kw_only=True)
class ReportingLine:
    """A report the plan schedules: period, data cut-off window, estimated tail, deadline.

    Written exactly as the plan states it, mistakes included: seed 004's
    six-month line starts its window after its end. The checks compare lines
    with the reporting regime.
    """

    period: ReportingPeriod
    data_from: date | None = None
    data_to: date | None = None
    estimate_from: date | None = None
    estimate_to: date | None = None
    due: date | None = None
    recipient: str | None = _text()
    text: str | None = _text()


@attrs.frozen(kw_only=True)
class AreaScore:
    """Points scored in one area of an index."""

    area: ReformArea
    points: Decimal = attrs.field(validator=finite_decimal)
    max_points: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)


@attrs.frozen(kw_only=True)
class IndexResult:
    """A published index result: "tổng điểm … đạt 90,73 điểm, xếp thứ 4/25 toàn huyện".

    ``rank_change`` is signed: -2 for "giảm 02 hạng" (fell two places).
    """

    framework: str = attrs.field(validator=identifier)
    year: int = attrs.field(validator=year_range)
    score: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)
    unit: Unit = Unit.POINTS
    rank: int | None = attrs.field(default=None, validator=positive_int_or_none)
    out_of: int | None = attrs.field(default=None, validator=positive_int_or_none)
    rank_change: int | None = None
    area_scores: tuple[AreaScore, ...] = attrs.field(default=(), converter=to_tuple)
    source: LegalReference | None = None
    text: str | None = _text()


class PlanKind(StrEnum):
    """What sort of plan a document is."""

    ANNUAL = "annual"
    """Kế hoạch CCHC năm: the yearly plan."""
    REMEDIAL = "remedial"
    """Kế hoạch khắc phục tồn tại, nâng cao Chỉ số CCHC."""
    PROGRAMME = "programme"
    """Chương trình (kế hoạch) tổng thể for a multi-year period."""
    THEMATIC = "thematic"
    """A plan for one theme: tuyên truyền, kiểm tra, kiểm soát TTHC …"""
    OTHER = "other"


class SigningCapacity(StrEnum):
    """The capacity in which a document is signed (thẩm quyền ký)."""

    TM = "TM"
    """Thay mặt: on behalf of a collective body."""
    KT = "KT"
    """Ký thay: a deputy signs for the head."""
    Q = "Q"
    """Quyền: acting head."""
    TL = "TL"
    """Thừa lệnh: by order."""
    TUQ = "TUQ"
    """Thừa ủy quyền: by delegation."""


@attrs.frozen(kw_only=True)
class Signature:
    """The signature block: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Hồ Phạm Tuấn".

    ``name`` is None in unsigned drafts.
    """

    position: str = attrs.field(converter=nfc, validator=non_empty)
    capacity: SigningCapacity | None = None
    on_behalf_of: str | None = _text()
    name: str | None = _text()


def _check_unique_ids(instance: Plan, attribute: Any, value: tuple[Objective, ...]) -> None:
    ids = [o.id for o in value if o.id is not None]
    if len(set(ids)) != len(ids):
        raise InvariantError(field_name(instance, attribute), ids, "must not repeat an id")


@attrs.frozen(kw_only=True)
class Plan:
    """A CCHC plan (kế hoạch cải cách hành chính) of a province, district or commune.

    A plan covers one ``year`` or a ``span`` of years, never both. Fields that
    real plans leave blank (a draft's number and date) are optional; the checks
    report what a complete plan should have.
    """

    title: str = attrs.field(converter=nfc, validator=non_empty)
    issuer: Organisation
    unit: AdminUnit
    kind: PlanKind = PlanKind.ANNUAL
    year: int | None = attrs.field(default=None, validator=year_range_or_none)
    span: Span | None = None
    symbol: DocumentSymbol | None = None
    place: str | None = _text()
    issued_on: date | None = None
    issued_text: str | None = _text()
    signature: Signature | None = None
    adopted_by: LegalReference | None = None
    legal_bases: tuple[LegalReference, ...] = attrs.field(default=(), converter=to_tuple)
    implements: tuple[LegalReference, ...] = attrs.field(default=(), converter=to_tuple)
    purposes: tuple[str, ...] = _texts()
    requirements: tuple[str, ...] = _texts()
    results: tuple[IndexResult, ...] = attrs.field(default=(), converter=to_tuple)
    objectives: tuple[Objective, ...] = attrs.field(default=(), converter=to_tuple, validator=_check_unique_ids)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=to_tuple)
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple)
    reporting: tuple[ReportingLine, ...] = attrs.field(default=(), converter=to_tuple)
    funding: tuple[str, ...] = _texts()
    recipients: tuple[str, ...] = _texts()
    source_file: str | None = _text()
    notes: str | None = _text()

    def __attrs_post_init__(self) -> None:
        if (self.year is None) == (self.span is None):
            raise InvariantError("Plan.year", self.year, "exactly one of 'year' and 'span' must be given")

    @property
    def level(self) -> AdminLevel:
        """The tier of the issuing unit."""
        return self.unit.level

    @property
    def first_year(self) -> int:
        """The plan's year, or the first year of its span."""
        return self.span.start_year if self.span is not None else self._year

    @property
    def last_year(self) -> int:
        """The plan's year, or the last year of its span."""
        return self.span.end_year if self.span is not None else self._year

    @property
    def _year(self) -> int:
        if self.year is None:  # pragma: no cover - excluded by __attrs_post_init__
            raise InvariantError("Plan.year", None, "or Plan.span must be given")
        return self.year

    @property
    def areas(self) -> tuple[ReformArea, ...]:
        """The areas the plan's sections and tasks cover, in official order."""
        covered = {s.area for s in self.sections} | {t.area for t in self.tasks}
        return tuple(area for area in ReformArea if area in covered)

    def get_task(self, task_id: str) -> Task | None:
        """The task with ``task_id`` (the first one when ids repeat), or None."""
        for task in self.tasks:
            if task.id == task_id:
                return task
        return None

    def tasks_in(self, area: ReformArea) -> tuple[Task, ...]:
        """The tasks of one area, in plan order."""
        return tuple(task for task in self.tasks if task.area is area)

    def get_target(self, target_id: str) -> Target | None:
        """The target with ``target_id``, among the objectives' and the tasks' (the first when ids repeat), or None."""
        for _, target in self.targets():
            if target.id == target_id:
                return target
        return None

    def targets(self) -> Iterator[tuple[str, Target]]:
        """Every target with the id of its owner (objective id, else ``task:<id>``)."""
        for index, objective in enumerate(self.objectives):
            owner = objective.id or f"objective:{index}"
            for target in objective.targets:
                yield owner, target
        for task in self.tasks:
            for target in task.targets:
                yield f"task:{task.id}", target
