"""Plans and their tasks: the header, objectives, tasks, budgets and reporting lines.

A :class:`Plan` is what a People's Committee issues: issuer and level, symbol,
place and date, signer, legal bases, the plan it implements, purposes and
requirements, last year's results, objectives with targets, tasks (from the
prose sections and the appendix table), reporting lines and recipients.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    typed_fields,
    year_range,
    year_range_or_none,
)
from parplan.areas import ReformArea
from parplan.errors import NO_VALUE, InvariantError
from parplan.indicators import IndexFramework
from parplan.legal import DocumentSymbol, LegalReference
from parplan.org import AdminLevel, AdminUnit, Organisation, Party, Responsibility
from parplan.periods import ReportingPeriod
from parplan.source import FieldSource, SourceLocation
from parplan.targets import Target, Unit
from parplan.timeframes import OpenEnded, Span, Timeframe

__all__ = [
    "MAX_AMOUNT",
    "AreaScore",
    "Authority",
    "Budget",
    "BudgetLine",
    "IndexResult",
    "Masthead",
    "Objective",
    "Plan",
    "PlanKind",
    "ReportingLine",
    "ReportingObligation",
    "Section",
    "SectionKind",
    "Signature",
    "SigningCapacity",
    "Task",
]

MAX_AMOUNT = 10**18
"""The largest amount of money a plan may state, in đồng, either way: a billion billion.

Far above any budget a plan could name (the whole state budget is a few
million billion đồng), low enough that every amount is exact as a 64-bit
integer, in a spreadsheet and in every format parplan writes.
"""


def _text() -> Any:
    return attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)


def _check_codes(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for code in value:
        identifier(instance, attribute, code)


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(values)


def _check_amount(instance: object, attribute: Any, value: int) -> None:
    if not -MAX_AMOUNT <= value <= MAX_AMOUNT:
        message = "must be an amount of đồng of at most 10^18 either way (a negative one is a finding, PP601)"
        raise InvariantError(field_name(instance, attribute), value if len(str(value)) < 40 else "a huge int", message)


def _check_amount_or_none(instance: object, attribute: Any, value: int | None) -> None:
    if value is not None:
        _check_amount(instance, attribute, value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BudgetLine:
    """One line of a budget: what it pays for, how much (đồng) and from which source."""

    label: str = attrs.field(converter=nfc, validator=non_empty)
    amount: int = attrs.field(validator=_check_amount)
    source: str | None = _text()


def _budget_lines(values: Iterable[BudgetLine]) -> tuple[BudgetLine, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Budget:
    """Money for a task, always in đồng ("Kinh phí (Triệu đồng)" cells are multiplied out).

    ``amount`` is the total; ``lines`` an optional breakdown; ``source`` the
    funding source ("ngân sách xã"); ``note`` an unquantified statement such as
    "Theo dự trù kinh phí riêng"; ``text`` the cell as written ("150").
    """

    amount: int | None = attrs.field(default=None, validator=_check_amount_or_none)
    source: str | None = _text()
    note: str | None = _text()
    lines: tuple[BudgetLine, ...] = attrs.field(default=(), converter=_budget_lines)
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


def _targets(values: Iterable[Target]) -> tuple[Target, ...]:
    return to_tuple(values)


def _references(values: Iterable[LegalReference]) -> tuple[LegalReference, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Task:
    """One task (nhiệm vụ) of a plan, from a prose item or an appendix row.

    ``id`` is stable within the plan so that targets, findings and diffs can
    point at it. ``general_task`` is the "Nhiệm vụ chung" a task belongs to;
    ``subarea`` a sub-heading such as "Áp dụng ISO trong hoạt động của đơn vị".
    ``section`` is the id of the :class:`Section` it stands under: a task
    without its own ``responsibility`` or ``timeframe`` takes those its section
    (or a section above it) states for the whole group (see
    :meth:`Plan.responsibility_of`). ``criteria`` are the codes of the index
    criteria it serves ("2.3", "TC6"), ``objectives`` the ids of the plan's
    objectives, and ``reports_to`` whom it reports to.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(converter=nfc, validator=non_empty)
    area: ReformArea | None = None
    section: str | None = attrs.field(default=None, validator=identifier_or_none)
    criteria: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=_check_codes)
    objectives: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=_check_codes)
    subarea: str | None = _text()
    general_task: str | None = _text()
    description: str | None = _text()
    outputs: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    responsibility: Responsibility | None = None
    timeframe: Timeframe | None = None
    reports_to: Party | None = None
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    budget: Budget | None = None
    indicators: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=_check_codes)
    legal_bases: tuple[LegalReference, ...] = attrs.field(default=(), converter=_references)
    source: SourceLocation | None = None
    notes: str | None = _text()

    @property
    def lead(self) -> Party | None:
        """The lead party this task states, or None (see :meth:`Plan.responsibility_of` for inherited ones)."""
        return None if self.responsibility is None else self.responsibility.lead


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Objective:
    """An objective (mục tiêu, chỉ tiêu) with the targets read from it.

    ``section`` is the id of the section it stands under; ``criteria`` the
    codes of the index criteria it aims at.
    """

    text: str = attrs.field(converter=nfc, validator=non_empty)
    id: str | None = attrs.field(default=None, validator=identifier_or_none)
    area: ReformArea | None = None
    section: str | None = attrs.field(default=None, validator=identifier_or_none)
    criteria: tuple[str, ...] = attrs.field(default=(), converter=_codes, validator=_check_codes)
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    source: SourceLocation | None = None


class SectionKind(StrEnum):
    """What a section of a plan holds."""

    PART = "part"
    """A part of the document: "I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN"."""
    AREA = "area"
    """A reform area: "2. Cải cách thể chế"."""
    CRITERION = "criterion"
    """An index criterion or sub-criterion: "Tiêu chí 2.3 …", "TCTP 6.1 …"."""
    GROUP = "group"
    """Any other group of items: "a) Về công tác tuyên truyền", a SIPAS factor, an inspection round."""


def _check_level(instance: object, attribute: Any, value: int) -> None:
    if not 1 <= value <= 8:
        raise InvariantError(field_name(instance, attribute), value, "must be a depth from 1 (top) to 8")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Section:
    """A section heading of the plan as written, where it stands in the plan's tree, and what it names.

    Plans number and order their sections in their own way; ``label`` keeps the
    number as written ("II", "7", "1.1", "a"), ``level`` the depth (1 at the
    top) and ``parent`` the id of the section above it. ``area`` is the reform
    area a heading names, ``criterion`` the code of the index criterion ("2.3").
    A group that states its responsibility or timeframe once for all its items
    (a paragraph "Phân công trách nhiệm", a criterion block) keeps it in
    ``responsibility`` and ``timeframe``; ``text`` is the paragraph under the
    heading as written.
    """

    heading: str = attrs.field(converter=nfc, validator=non_empty)
    id: str | None = attrs.field(default=None, validator=identifier_or_none)
    label: str | None = _text()
    level: int = attrs.field(default=1, validator=_check_level)
    parent: str | None = attrs.field(default=None, validator=identifier_or_none)
    kind: SectionKind | None = None
    area: ReformArea | None = None
    criterion: str | None = attrs.field(default=None, validator=identifier_or_none)
    responsibility: Responsibility | None = None
    timeframe: Timeframe | None = None
    text: str | None = _text()
    source: SourceLocation | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportingLine:
    """A report the plan schedules: period, data cut-off window, estimated tail, deadline.

    Written exactly as the plan states it, mistakes included: the six-month
    line of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) starts its window after
    its end. The checks compare lines
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportingObligation:
    """A duty to report that is not tied to a reporting period and its cut-off window.

    "Định kỳ hằng tháng … báo cáo UBND huyện (qua Phòng Nội vụ)" is recurring
    (``timeframe`` a :class:`~parplan.timeframes.Recurring`); "báo cáo kịp thời
    khi có khó khăn, vướng mắc" is ad hoc (an :class:`~parplan.timeframes.OnEvent`).
    ``reporter`` is who reports (None: whoever the plan addresses), ``recipient``
    whom to, ``subject`` what about, ``text`` the sentence as written.
    """

    recipient: Party | None = None
    reporter: Party | None = None
    timeframe: Timeframe | None = None
    subject: str | None = _text()
    text: str | None = _text()
    source: SourceLocation | None = None

    def __attrs_post_init__(self) -> None:
        if self.recipient is None and self.timeframe is None and self.text is None:
            message = "needs a recipient, a timeframe or the text as written"
            raise InvariantError("ReportingObligation", NO_VALUE, message)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaScore:
    """Points scored in one area of an index."""

    area: ReformArea
    points: Decimal = attrs.field(validator=finite_decimal)
    max_points: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)


def _area_scores(values: Iterable[AreaScore]) -> tuple[AreaScore, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
    area_scores: tuple[AreaScore, ...] = attrs.field(default=(), converter=_area_scores)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Authority:
    """One line of authority in a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"."""

    capacity: SigningCapacity
    of: str | None = _text()
    """Whom the signer signs for, as printed ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH")."""


def _authorities(values: Iterable[Authority]) -> tuple[Authority, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Signature:
    """The signature block as signed: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A".

    ``authorities`` are the lines of authority from the outermost ("TM." for
    the collective body, then "KT." of a deputy signing for the head, "Q.",
    "TL.", "TUQ."), ``position`` the signer's post as printed and ``name`` the
    signer (None in unsigned drafts).
    """

    authorities: tuple[Authority, ...] = attrs.field(default=(), converter=_authorities)
    position: str = attrs.field(converter=nfc, validator=non_empty)
    name: str | None = _text()

    @property
    def capacity(self) -> SigningCapacity | None:
        """The outermost capacity ("TM." in "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"), or None."""
        return self.authorities[0].capacity if self.authorities else None

    @property
    def on_behalf_of(self) -> str | None:
        """Whom the outermost line signs for ("ỦY BAN NHÂN DÂN"), or None."""
        return self.authorities[0].of if self.authorities else None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Masthead:
    """The masthead as printed (Decree 30/2020/NĐ-CP): what the plan prints, and what it leaves out.

    ``parent`` is the line above the issuer ("UBND HUYỆN HƯƠNG SƠN"; None when
    the plan prints none), ``issuer`` the issuing body's line ("ỦY BAN NHÂN
    DÂN XÃ SƠN CHÂU"), ``number`` the number line ("Số: 06/KH-UBND"; None when
    not printed) and ``place_date`` the place-and-date line ("Sơn Châu, ngày 08
    tháng 01 năm 2022"; None when not printed).
    """

    parent: str | None = _text()
    issuer: str = attrs.field(converter=nfc, validator=non_empty)
    number: str | None = _text()
    place_date: str | None = _text()


def _check_unique_ids(instance: Plan, attribute: Any, value: tuple[Objective, ...]) -> None:
    ids = [o.id for o in value if o.id is not None]
    if len(set(ids)) != len(ids):
        raise InvariantError(field_name(instance, attribute), ids, "must not repeat an id")


def _objectives(values: Iterable[Objective]) -> tuple[Objective, ...]:
    return to_tuple(values)


def _sections(values: Iterable[Section]) -> tuple[Section, ...]:
    return to_tuple(values)


def _tasks(values: Iterable[Task]) -> tuple[Task, ...]:
    return to_tuple(values)


def _reporting(values: Iterable[ReportingLine]) -> tuple[ReportingLine, ...]:
    return to_tuple(values)


def _obligations(values: Iterable[ReportingObligation]) -> tuple[ReportingObligation, ...]:
    return to_tuple(values)


def _results(values: Iterable[IndexResult]) -> tuple[IndexResult, ...]:
    return to_tuple(values)


def _sources(values: Iterable[FieldSource]) -> tuple[FieldSource, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Plan:
    """A CCHC plan (kế hoạch cải cách hành chính) of a province, district or commune, or of a central body.

    A plan covers one ``year`` or a ``span`` of years, never both. A span is a
    :class:`~parplan.timeframes.Span` ("giai đoạn 2021 - 2025") or an
    :class:`~parplan.timeframes.OpenEnded` one with a start only ("năm 2024 và
    những năm tiếp theo", "từ năm 2025"). Fields that real plans leave blank (a
    draft's number and date) are optional; the checks report what a complete
    plan should have. ``masthead`` keeps the masthead as printed, ``closing``
    the closing sentence, ``obligations`` the duties to report that have no
    fixed period, ``framework`` the local index criteria the plan uses and
    ``sources`` where each field came from when the plan was read from a
    document.
    """

    title: str = attrs.field(converter=nfc, validator=non_empty)
    issuer: Organisation
    unit: AdminUnit
    kind: PlanKind = PlanKind.ANNUAL
    year: int | None = attrs.field(default=None, validator=year_range_or_none)
    span: Span | OpenEnded | None = None
    symbol: DocumentSymbol | None = None
    place: str | None = _text()
    issued_on: date | None = None
    issued_text: str | None = _text()
    masthead: Masthead | None = None
    signature: Signature | None = None
    adopted_by: LegalReference | None = None
    legal_bases: tuple[LegalReference, ...] = attrs.field(default=(), converter=_references)
    implements: tuple[LegalReference, ...] = attrs.field(default=(), converter=_references)
    purposes: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    requirements: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    results: tuple[IndexResult, ...] = attrs.field(default=(), converter=_results)
    objectives: tuple[Objective, ...] = attrs.field(default=(), converter=_objectives, validator=_check_unique_ids)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_sections)
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=_tasks)
    reporting: tuple[ReportingLine, ...] = attrs.field(default=(), converter=_reporting)
    obligations: tuple[ReportingObligation, ...] = attrs.field(default=(), converter=_obligations)
    funding: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    closing: str | None = _text()
    recipients: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
    framework: IndexFramework | None = None
    sources: tuple[FieldSource, ...] = attrs.field(default=(), converter=_sources)
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
        span = self.span
        if span is None:
            return self._year
        return span.start_year if isinstance(span, Span) else span.from_year

    @property
    def last_year(self) -> int | None:
        """The plan's year, or the last year of its span; None for an open-ended plan."""
        span = self.span
        if span is None:
            return self._year
        return span.end_year if isinstance(span, Span) else None

    @property
    def is_open_ended(self) -> bool:
        """True for a plan with a start and no end ("năm 2024 và những năm tiếp theo")."""
        return isinstance(self.span, OpenEnded)

    @property
    def stated_years(self) -> range:
        """The years the plan names: its year, its span, or the first year of an open-ended plan."""
        last = self.last_year
        return range(self.first_year, (self.first_year if last is None else last) + 1)

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

    def get_section(self, section_id: str) -> Section | None:
        """The section with ``section_id`` (the first one when ids repeat), or None."""
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def section_chain(self, section_id: str | None) -> tuple[Section, ...]:
        """The section ``section_id`` and the sections above it, innermost first (empty for None or unknown ids).

        A loop of parents stops at the first section met twice.
        """
        chain: list[Section] = []
        seen: set[str] = set()
        current = section_id
        while current is not None and current not in seen:
            seen.add(current)
            section = self.get_section(current)
            if section is None:
                break
            chain.append(section)
            current = section.parent
        return tuple(chain)

    def responsibility_of(self, task: Task) -> Responsibility | None:
        """Who answers for ``task``: its own responsibility, else the nearest its sections state for the group."""
        if task.responsibility is not None:
            return task.responsibility
        return next((s.responsibility for s in self.section_chain(task.section) if s.responsibility), None)

    def timeframe_of(self, task: Task) -> Timeframe | None:
        """When ``task`` is due: its own timeframe, else the nearest its sections state for the group."""
        if task.timeframe is not None:
            return task.timeframe
        return next((s.timeframe for s in self.section_chain(task.section) if s.timeframe is not None), None)

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
