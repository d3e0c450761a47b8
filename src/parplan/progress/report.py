"""Progress reports: what an office reports, period by period, on the plan it carries out.

A :class:`ProgressReport` is the "Báo cáo kết quả thực hiện công tác cải cách
hành chính quý I năm 2026" of one unit: the plan it reports on, the reporting
period and its data window (the 15th-to-14th window of the reporting regime
unless the report states another), the day it was submitted, an update per task
(:class:`TaskUpdate`: status, day done, evidence, money spent, a note), an
actual value per target or indicator (:class:`ValueUpdate`) and the budget
spent.

A report is kept as written: two updates of the same task, an update of a task
the plan does not have or a value in another unit all load, so that the checks
(:func:`parplan.check_report`) can say what is wrong and where, and nothing is
lost. The model holds only what must be true of any report (a value names what
it measures, evidence names a document).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from parplan._values import (
    field_name,
    finite_decimal,
    identifier,
    identifier_or_none,
    nfc_text,
    nfc_texts,
    non_empty_items,
    non_empty_or_none,
    to_tuple,
    typed_fields,
    year_range_or_none,
)
from parplan.errors import NO_VALUE, InvariantError
from parplan.legal import DocumentSymbol, LegalReference
from parplan.org import AdminUnit, Organisation
from parplan.periods import DataWindow, ReportingPeriod
from parplan.plan import Signature
from parplan.targets import Unit

__all__ = ["Evidence", "PlanReference", "ProgressReport", "TaskStatus", "TaskUpdate", "ValueUpdate"]


class TaskStatus(StrEnum):
    """The status of a task as the office reports it (tình trạng thực hiện)."""

    NOT_STARTED = "not_started"
    """Chưa triển khai: work has not begun."""
    IN_PROGRESS = "in_progress"
    """Đang triển khai: under way."""
    DONE = "done"
    """Đã hoàn thành: finished (on time, as far as the office says)."""
    DONE_LATE = "done_late"
    """Hoàn thành chậm: finished after its deadline."""
    POSTPONED = "postponed"
    """Tạm hoãn, lùi thời hạn: put off to a later time."""
    CANCELLED = "cancelled"
    """Không thực hiện, hủy bỏ: dropped (a task made moot by the 2025 reorganisation, say)."""
    BLOCKED = "blocked"
    """Vướng mắc: cannot go on until something outside the office changes."""

    @property
    def is_done(self) -> bool:
        """True for ``done`` and ``done_late``."""
        return self is TaskStatus.DONE or self is TaskStatus.DONE_LATE


def _text() -> Any:
    return attrs.field(default=None, converter=nfc_text, validator=non_empty_or_none)


def _money_or_none(owner: object, attribute: Any, value: int | None) -> None:
    """Validator: ``None`` or whole đồng, 0 or more (the type is checked first)."""
    if value is not None and value < 0:
        raise InvariantError(field_name(owner, attribute), value, "must not be negative")


def _check_evidence(owner: Evidence) -> None:
    if owner.reference is None and owner.file is None:
        raise InvariantError("Evidence", NO_VALUE, "needs a document: a legal reference or a file name")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Evidence:
    """A document that proves work done (tài liệu kiểm chứng): a legal reference, a file, or both.

    ``reference`` is a document with its symbol ("Quyết định số 12/QĐ-UBND
    ngày 15/02/2026"); ``file`` the name of a file kept with the report
    ("bien-ban-kiem-tra-tthc.pdf"); ``description`` says what it shows.
    """

    reference: LegalReference | None = attrs.field(default=None)
    file: str | None = _text()
    description: str | None = _text()

    def __attrs_post_init__(self) -> None:
        _check_evidence(self)

    @property
    def label(self) -> str:
        """A short citation: the reference's label, else the file name."""
        if self.reference is not None:
            return self.reference.label
        return self.file or ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TaskUpdate:
    """The news of one task in a report: its status, the day it was done, evidence, money spent, a note.

    ``task`` is the task's id in the plan. ``done_on`` is the day the task was
    finished (for ``done`` and ``done_late``); ``spent`` the money spent on it
    in the period, in đồng; ``note`` what was done, or why it was not (the
    reason shown in the table of tasks not done).
    """

    task: str = attrs.field(validator=identifier)
    status: TaskStatus
    done_on: date | None = attrs.field(default=None)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=to_tuple)
    spent: int | None = attrs.field(default=None, validator=_money_or_none)
    note: str | None = _text()


def _check_value_subject(owner: ValueUpdate) -> None:
    if owner.target is None and owner.indicator is None:
        raise InvariantError("ValueUpdate", NO_VALUE, "needs the target id or the indicator code it measures")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ValueUpdate:
    """An actual value of a target or an indicator, with its date: "Tỷ lệ hồ sơ trực tuyến đạt 62,5%".

    ``target`` is a target's id in the plan, ``indicator`` an indicator code
    (a value of an indicator counts for every target of the plan that measures
    it). ``on`` is the day the value holds for (None: the report's data
    cut-off); ``estimated`` marks an estimate ("ước đạt") rather than a count.
    ``unit`` is the unit the value is given in; a value in another unit than its
    target's is not compared with it.
    """

    target: str | None = attrs.field(default=None, validator=identifier_or_none)
    indicator: str | None = attrs.field(default=None, validator=identifier_or_none)
    value: Decimal = attrs.field(validator=finite_decimal)
    unit: Unit | None = attrs.field(default=None)
    on: date | None = attrs.field(default=None)
    estimated: bool = attrs.field(default=False)
    note: str | None = _text()

    def __attrs_post_init__(self) -> None:
        _check_value_subject(self)


def _check_plan_reference(owner: PlanReference) -> None:
    if owner.symbol is None and owner.id is None and owner.title is None:
        raise InvariantError("PlanReference", NO_VALUE, "needs the plan's symbol, its id or its title")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PlanReference:
    """The plan a report reports on: its symbol ("06/KH-UBND"), an id, its year and title.

    ``id`` is the identifier an application gives the plan (a file name, a
    database key); ``symbol`` and ``year`` are what the report itself cites
    ("thực hiện Kế hoạch số 06/KH-UBND ngày 08/01/2026").
    """

    symbol: DocumentSymbol | None = attrs.field(default=None)
    id: str | None = attrs.field(default=None, validator=identifier_or_none)
    year: int | None = attrs.field(default=None, validator=year_range_or_none)
    title: str | None = _text()

    def __attrs_post_init__(self) -> None:
        _check_plan_reference(self)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ProgressReport:
    """A periodic progress report of one unit on its plan (báo cáo kết quả thực hiện kế hoạch CCHC).

    ``period`` is the period reported on ("2026Q1"); ``window`` the data
    window the report states, None when it follows the regime's 15th-to-14th
    window (:attr:`data_window` gives the one in force). ``submitted_on`` is
    the day the report was sent, None when not known. ``updates`` and
    ``values`` are kept in the order written, repeats included, for the checks
    to report. ``budget_spent`` is the total spent in the period, in đồng, when
    the report states it. The header fields (issuer, number, place, title,
    signature, recipients) are those of the document, used when it is rendered.
    """

    unit: AdminUnit
    plan: PlanReference
    period: ReportingPeriod
    window: DataWindow | None = attrs.field(default=None)
    submitted_on: date | None = attrs.field(default=None)
    issuer: Organisation | None = attrs.field(default=None)
    symbol: DocumentSymbol | None = attrs.field(default=None)
    place: str | None = _text()
    title: str | None = _text()
    updates: tuple[TaskUpdate, ...] = attrs.field(default=(), converter=to_tuple)
    values: tuple[ValueUpdate, ...] = attrs.field(default=(), converter=to_tuple)
    budget_spent: int | None = attrs.field(default=None, validator=_money_or_none)
    signature: Signature | None = attrs.field(default=None)
    recipients: tuple[str, ...] = attrs.field(default=(), converter=nfc_texts, validator=non_empty_items)
    source_file: str | None = _text()
    notes: str | None = _text()

    @property
    def data_window(self) -> DataWindow:
        """The data window in force: the one stated, else the period's 15th-to-14th window."""
        return self.window if self.window is not None else self.period.data_window

    @property
    def cutoff(self) -> date:
        """The last day of actual data: the news in the report holds as of this day."""
        return self.data_window.cutoff

    @property
    def known_on(self) -> date:
        """The first day the report can be known: the day it was submitted, else the end of its window."""
        return self.submitted_on if self.submitted_on is not None else self.data_window.end

    def is_known_on(self, as_of: date) -> bool:
        """True when the report was submitted by ``as_of`` (with no day of submission: when its window had closed)."""
        return self.known_on <= as_of

    def updates_of(self, task_id: str) -> tuple[TaskUpdate, ...]:
        """Every update of the task ``task_id``, in the order written."""
        return tuple(update for update in self.updates if update.task == task_id)
