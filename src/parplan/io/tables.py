"""Plans as flat tables: one registry of tables, each column declared once.

A table is declared by a :class:`TableSpec`: its name, what a row is, its
columns (name, type, description), its primary key, its foreign keys, the kind
of document its rows come from and the function that gives the rows of one
document. Every output uses these declarations: :func:`tables` (typed rows in
memory, for pandas or pyarrow), the CSV, JSON Lines and Parquet writers of
``parplan export``, and the Frictionless ``datapackage.json`` written beside
them.

Keys are stable: a plan is named by its file's path when it came from a file,
else by its unit, its years and its symbol (:func:`plan_key`); a task by its
``id``; a target by its owner and position (its ``id`` is a column of its own,
since a plan may leave it out). A table for another kind of document (the
statuses of progress reports, say) is added with :func:`register_table` and
changes none of the others.

Values are exact: money in đồng as integers, decimals as :class:`~decimal.Decimal`,
dates as :class:`~datetime.date`, text in NFC as written. Nothing is dropped:
lists (outputs, parties, references, targets, steps of a compound timeframe)
have tables of their own, one row per item with its position.
"""

from __future__ import annotations

import builtins
import functools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from parplan.errors import InvariantError, MissingExtraError, ParplanError
from parplan.legal import LegalReference
from parplan.org import CollectiveParty, JointParty, Official, Organisation, Party, SingleParty
from parplan.plan import Budget, Plan
from parplan.targets import Target
from parplan.timeframes import Compound, SimpleTimeframe, Timeframe

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "TABLES",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Table",
    "TableError",
    "TableOptions",
    "TableSpec",
    "Tables",
    "plan_key",
    "register_table",
    "table_specs",
    "tables",
    "task_keys",
]

ColumnType: TypeAlias = Literal["string", "integer", "number", "date", "boolean"]
"""A column's type, named as Frictionless Table Schema names it.

``string`` is :class:`str`, ``integer`` :class:`int` (money in đồng),
``number`` :class:`~decimal.Decimal` (exact), ``date`` :class:`~datetime.date`,
``boolean`` :class:`bool`. Any column may hold None (no value).
"""

_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (Decimal,),
    "date": (date,),
    "boolean": (bool,),
}


class TableError(ParplanError, ValueError):
    """Documents cannot be laid out as tables: two plans with the same key, an unknown table name.

    ``table`` names the table concerned, when there is one.
    """

    def __init__(self, message: str, table: str | None = None) -> None:
        super().__init__(message, table)
        self.message = message
        self.table = table

    def __reduce__(self) -> tuple[type[TableError], tuple[str, str | None]]:
        return (type(self), (self.message, self.table))

    def __str__(self) -> str:
        return self.message


_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def _check_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or _NAME.match(value) is None:
        raise InvariantError(
            f"{type(instance).__name__}.{attribute.name}", value, "must be a lower-case name such as 'plan_id'"
        )


@attrs.frozen(kw_only=True)
class Column:
    """A column of a table: its name, its type and what it holds."""

    name: str = attrs.field(validator=_check_name)
    type: ColumnType
    description: str

    @property
    def python_types(self) -> tuple[builtins.type, ...]:
        """The Python types of the column's values (besides None)."""
        return _PYTHON_TYPES[self.type]


@attrs.frozen(kw_only=True)
class ForeignKey:
    """Columns of a table that name a row of another table (``columns`` → ``table``'s ``references``)."""

    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@attrs.frozen(kw_only=True)
class TableOptions:
    """What a row function may need besides the document: the date of the checks (for findings)."""

    as_of: date | None = None


RowFunction: TypeAlias = Callable[[str, Any, TableOptions], Iterable[tuple[Any, ...]]]
"""Gives the rows of one document: ``(key, document, options) -> rows``, each a tuple in column order."""


@attrs.frozen(kw_only=True)
class TableSpec:
    """A table: name, description, columns, keys, the kind of document its rows come from, and how.

    ``default`` tables are made unless a selection leaves them out; the others
    (findings, which run the checks) only when asked for.
    """

    name: str = attrs.field(validator=_check_name)
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    kind: type = Plan
    rows: RowFunction
    default: bool = True

    def __attrs_post_init__(self) -> None:
        names = [column.name for column in self.columns]
        if len(set(names)) != len(names):
            raise InvariantError(f"TableSpec({self.name}).columns", names, "must not repeat a name")
        for key in (self.primary_key, *(fk.columns for fk in self.foreign_keys)):
            missing = [name for name in key if name not in names]
            if missing:
                raise InvariantError(f"TableSpec({self.name}).keys", missing, "must name columns of the table")

    @property
    def column_names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return tuple(column.name for column in self.columns)

    def table_schema(self) -> dict[str, Any]:
        """The Frictionless Table Schema of this table (fields with types and descriptions, keys)."""
        schema: dict[str, Any] = {
            "fields": [
                {"name": column.name, "type": column.type, "description": column.description} for column in self.columns
            ],
            "missingValues": [""],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": list(fk.columns), "reference": {"resource": fk.table, "fields": list(fk.references)}}
                for fk in self.foreign_keys
            ]
        return schema

    def arrow_schema(self) -> pa.Schema:
        """The pyarrow schema of this table (needs the ``parquet`` extra)."""
        import pyarrow as pa

        types = {
            "string": pa.string(),
            "integer": pa.int64(),
            "number": pa.decimal128(38, DECIMAL_SCALE),
            "date": pa.date32(),
            "boolean": pa.bool_(),
        }
        return pa.schema(
            [
                pa.field(
                    column.name,
                    types[column.type],
                    nullable=column.name not in self.primary_key,
                    metadata={"description": column.description},
                )
                for column in self.columns
            ],
            metadata={"description": self.description},
        )


DECIMAL_SCALE = 12
"""Digits after the point of ``number`` columns in Parquet (decimal128(38, 12)): every plan value fits exactly."""

# --- keys ----------------------------------------------------------------------------------------


def plan_key(plan: Plan, path: str | Path | None = None) -> str:
    """The stable key of a plan in every table: its file's path, else its unit, years and symbol.

    >>> import parplan
    >>> plan_key(parplan.load_example())
    'xã Sơn Châu, huyện Hương Sơn, tỉnh Hà Tĩnh | 2022 | 06/KH-UBND'
    >>> plan_key(parplan.load_example(), "plans/son-chau-2022.json")
    'plans/son-chau-2022.json'
    """
    if path is not None:
        return Path(path).as_posix()
    unit = ", ".join(unit.full_name for unit in plan.unit.chain())
    years = str(plan.year) if plan.year is not None else f"{plan.first_year}-{plan.last_year}"
    symbol = "" if plan.symbol is None else plan.symbol.as_written
    return f"{unit} | {years} | {symbol}" if symbol else f"{unit} | {years}"


_TASK_PATH = re.compile(r"\$\.tasks\[(\d+)\]")


def task_keys(plan: Plan) -> tuple[str, ...]:
    """The key of each task in the tables: its id, and ``id#2``, ``id#3`` … for the repeats of an id.

    A plan should not repeat a task id (the checks say so), but one that does
    still has every task in the tables, each with a key of its own. Ids cannot
    hold "#", so these keys never meet a real id.

    >>> import parplan
    >>> plan = parplan.load_example()
    >>> task_keys(plan)[:3]
    ('III.1.1', 'III.1.2', 'III.1.3')
    """
    ids = [task.id for task in plan.tasks]
    if len(set(ids)) == len(ids):
        return tuple(ids)
    seen: dict[str, int] = {}
    keys: list[str] = []
    for task_id in ids:
        count = seen.get(task_id, 0) + 1
        seen[task_id] = count
        keys.append(task_id if count == 1 else f"{task_id}#{count}")
    return tuple(keys)


# --- helpers for the rows ------------------------------------------------------------------------

_PARTY_KINDS: dict[type, str] = {
    Organisation: "organisation",
    Official: "official",
    CollectiveParty: "collective",
}


@functools.lru_cache(maxsize=8192)  # plans repeat their timeframes ("Thường xuyên", "Quý I/2022") a great deal
def _timeframe_facts(timeframe: Timeframe) -> tuple[str, str | None, date | None, date | None]:
    """A timeframe's kind, text as written, earliest and latest day."""
    from parplan.io.converter import TAGS

    return TAGS[type(timeframe)], timeframe.text, timeframe.earliest, timeframe.latest


_Facts: TypeAlias = tuple[str, str | None, date | None, date | None]
_PlanFacts: TypeAlias = tuple[tuple[str, ...], tuple[_Facts | None, ...]]
_last: tuple[weakref.ref[Plan], _PlanFacts] | None = None
"""The facts of the plan whose tables are being made (weakly held: a finished export keeps no plan alive)."""


def _plan_facts(plan: Plan) -> _PlanFacts:
    """The task keys of ``plan`` and each task's timeframe facts, worked out once for all its tables."""
    global _last  # noqa: PLW0603 - a one-plan memo, replaced whole (safe between threads)
    last = _last
    if last is not None and last[0]() is plan:
        return last[1]
    keys = task_keys(plan)
    facts = tuple(None if task.timeframe is None else _timeframe_facts(task.timeframe) for task in plan.tasks)
    _last = (weakref.ref(plan), (keys, facts))
    return keys, facts


_value = str.__str__
"""A string enum member's value as a plain str, without the enum machinery (the tables' hot path)."""


def _member_row(head: tuple[str, str, str], position: int, member: SingleParty, *, joint: bool) -> tuple[Any, ...]:
    """A row of ``responsibilities``: ``head`` is the plan, the task and the role."""
    cls = member.__class__
    if cls is Organisation:
        level = member.level  # type: ignore[union-attr]
        return (*head, position, member.name, "organisation", joint,
                None if level is None else _value(level), None, None)  # fmt: skip
    if cls is Official:
        person: Official = member  # type: ignore[assignment]
        return (*head, position, person.label, "official", joint, None, person.name, person.position)
    return (*head, position, member.label, _PARTY_KINDS[cls], joint, None, None, None)


def _party_rows(head: tuple[str, str, str], parties: Sequence[Party], rows: list[tuple[Any, ...]]) -> None:
    position = 0
    for party in parties:
        if party.__class__ is JointParty:
            for member in party.members:
                position += 1
                rows.append(_member_row(head, position, member, joint=True))
        else:
            position += 1
            rows.append(_member_row(head, position, party, joint=False))  # type: ignore[arg-type]


# --- the tables of a plan ------------------------------------------------------------------------


def _plan_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    unit = plan.unit
    parent = unit.parent
    province = next((u for u in unit.chain() if u.level.value == "province"), None)
    signature = plan.signature
    budget = sum(
        (task.budget.amount if task.budget.amount is not None else task.budget.lines_total) or 0
        for task in plan.tasks
        if task.budget is not None
    )
    symbol = plan.symbol
    return [
        (
            plan_id,
            plan.title,
            plan.kind.value,
            plan.first_year,
            plan.last_year,
            plan.issuer.name,
            unit.name,
            unit.kind.value,
            unit.level.value,
            unit.code,
            None if parent is None else parent.full_name,
            None if province is None or province is unit else province.full_name,
            None if symbol is None else symbol.as_written,
            None if symbol is None else symbol.number,
            plan.place,
            plan.issued_on,
            None if signature is None else signature.capacity.value if signature.capacity is not None else None,
            None if signature is None else signature.position,
            None if signature is None else signature.name,
            len(plan.tasks),
            budget if any(task.budget is not None and task.budget.is_quantified for task in plan.tasks) else None,
            plan.source_file,
        )
    ]


_NO_TIMEFRAME = (None, None, None)
_NO_BUDGET = (None, None, None, None)
_NO_SOURCE = (None, None, None, None)


def _budget_facts(budget: Budget) -> tuple[int | None, str | None, str | None, str | None]:
    amount = budget.amount if budget.amount is not None else budget.lines_total
    return (amount, budget.source, budget.note, budget.text)


def _task_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    append = rows.append
    keys, facts = _plan_facts(plan)
    for position, (key, task, timeframe) in enumerate(zip(keys, plan.tasks, facts, strict=True), start=1):
        budget, source, responsibility = task.budget, task.source, task.responsibility
        lead = None if responsibility is None else responsibility.lead
        area = task.area
        append(
            (
                plan_id,
                key,
                position,
                None if area is None else _value(area),
                task.subarea,
                task.general_task,
                task.title,
                task.description,
                None if lead is None else lead.label,
                *(_NO_TIMEFRAME if timeframe is None else timeframe[1:]),
                *(_NO_BUDGET if budget is None else _budget_facts(budget)),
                " ".join(task.indicators) if task.indicators else None,
                *(_NO_SOURCE if source is None else (source.table, source.row, source.section, source.item)),
                task.notes,
            )
        )
    return rows


def _output_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    return [
        (plan_id, key, position, text)
        for key, task in zip(_plan_facts(plan)[0], plan.tasks, strict=True)
        for position, text in enumerate(task.outputs, start=1)
    ]


def _responsibility_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for key, task in zip(_plan_facts(plan)[0], plan.tasks, strict=True):
        responsibility = task.responsibility
        if responsibility is None:
            continue
        lead = responsibility.lead
        if lead is not None:
            if lead.__class__ is JointParty:
                _party_rows((plan_id, key, "lead"), (lead,), rows)
            else:
                rows.append(_member_row((plan_id, key, "lead"), 1, lead, joint=False))  # type: ignore[arg-type]
        if responsibility.coordinating:
            _party_rows((plan_id, key, "coordinating"), responsibility.coordinating, rows)
        if responsibility.implementing:
            _party_rows((plan_id, key, "implementing"), responsibility.implementing, rows)
        if responsibility.reporting:
            _party_rows((plan_id, key, "reporting"), responsibility.reporting, rows)
    return rows


def _timeframe_row(plan_id: str, key: str, step: int, action: str | None, timeframe: Timeframe) -> tuple[Any, ...]:
    kind, text, earliest, latest = _timeframe_facts(timeframe)
    return (plan_id, key, step, kind, action, text, earliest, latest)


def _timeframe_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    keys, facts = _plan_facts(plan)
    for key, task, known in zip(keys, plan.tasks, facts, strict=True):
        if known is None:
            continue
        rows.append((plan_id, key, 0, known[0], None, known[1], known[2], known[3]))
        timeframe = task.timeframe
        if isinstance(timeframe, Compound):
            for number, step in enumerate(timeframe.steps, start=1):
                inner: SimpleTimeframe = step.timeframe
                rows.append(_timeframe_row(plan_id, key, number, step.action, inner))
    return rows


def _target_row(plan_id: str, owner: str, task_id: str | None, position: int, target: Target) -> tuple[Any, ...]:
    baseline = target.baseline
    return (
        plan_id,
        owner,
        position,
        task_id,
        target.id,
        _value(target.comparator),
        target.value,
        None if target.unit is None else _value(target.unit),
        target.out_of,
        None if baseline is None else baseline.value,
        None if baseline is None else baseline.year,
        None if baseline is None or baseline.period is None else str(baseline.period),
        target.indicator,
        target.subject,
        target.horizon,
        target.text,
        " ".join(map(_value, target.flags)) if target.flags else None,
    )


def _target_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for index, objective in enumerate(plan.objectives, start=1):
        owner = f"objective:{objective.id}" if objective.id is not None else f"objective#{index}"
        rows.extend(
            _target_row(plan_id, owner, None, position, target)
            for position, target in enumerate(objective.targets, start=1)
        )
    for key, task in zip(_plan_facts(plan)[0], plan.tasks, strict=True):
        if task.targets:
            rows.extend(
                _target_row(plan_id, f"task:{key}", key, position, target)
                for position, target in enumerate(task.targets, start=1)
            )
    return rows


def _reference_row(
    plan_id: str, owner: str, task_id: str | None, position: int, ref: LegalReference
) -> tuple[Any, ...]:
    symbol = ref.symbol
    return (
        plan_id,
        owner,
        position,
        task_id,
        None if symbol is None else symbol.as_written,
        None if symbol is None else symbol.doc_type,
        None if symbol is None else symbol.issuer,
        None if symbol is None else symbol.is_normative,
        ref.kind,
        ref.date,
        ref.issuer_name,
        ref.title,
        ref.text,
    )


def _reference_rows(plan_id: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for owner, references in (("legal_bases", plan.legal_bases), ("implements", plan.implements)):
        rows.extend(_reference_row(plan_id, owner, None, n, ref) for n, ref in enumerate(references, start=1))
    if plan.adopted_by is not None:
        rows.append(_reference_row(plan_id, "adopted_by", None, 1, plan.adopted_by))
    for key, task in zip(_plan_facts(plan)[0], plan.tasks, strict=True):
        if task.legal_bases:
            owner = f"task:{key}"
            rows.extend(_reference_row(plan_id, owner, key, n, ref) for n, ref in enumerate(task.legal_bases, 1))
    return rows


def _finding_rows(plan_id: str, plan: Plan, options: TableOptions) -> list[tuple[Any, ...]]:
    from parplan.checks.engine import check

    rows: list[tuple[Any, ...]] = []
    keys = task_keys(plan)
    for position, finding in enumerate(check(plan, as_of=options.as_of), start=1):
        found = _TASK_PATH.match(finding.path)
        index = None if found is None else int(found[1])
        task_id = keys[index] if index is not None and index < len(keys) else None
        source = None if finding.source is None else str(finding.source) or None
        rows.append(
            (
                plan_id,
                position,
                finding.code,
                finding.name,
                finding.severity.value,
                finding.path,
                task_id,
                finding.message,
                finding.message_vi,
                source,
            )
        )
    return rows


def _c(name: str, type_: ColumnType, description: str) -> Column:
    return Column(name=name, type=type_, description=description)


_PLAN_ID = _c("plan_id", "string", "The plan: its file's path, else its unit, years and symbol.")
_TASK_ID = _c("task_id", "string", "The task's id, stable within its plan (repeats of an id: 'id#2', 'id#3' …).")
_TO_PLAN = ForeignKey(columns=("plan_id",), table="plans", references=("plan_id",))
_TO_TASK = ForeignKey(columns=("plan_id", "task_id"), table="tasks", references=("plan_id", "task_id"))

_BUILTIN: tuple[TableSpec, ...] = (
    TableSpec(
        name="plans",
        description="One row per plan: its header.",
        columns=(
            _PLAN_ID,
            _c("title", "string", "The plan's title as written."),
            _c("kind", "string", "annual, remedial, programme, thematic or other."),
            _c("first_year", "integer", "The plan's year, or the first year of its span."),
            _c("last_year", "integer", "The plan's year, or the last year of its span."),
            _c("issuer", "string", "The issuing body as written."),
            _c("unit", "string", "The administrative unit's name, without its kind."),
            _c("unit_kind", "string", "The unit's kind (xa, phuong, huyen, tinh ...)."),
            _c("level", "string", "The unit's tier: province, district or commune."),
            _c("unit_code", "string", "The unit's statistical code, when known."),
            _c("parent", "string", "The unit above, with its kind ('huyện Hương Sơn')."),
            _c("province", "string", "The province the unit belongs to, with its kind."),
            _c("symbol", "string", "Number and symbol as written ('06/KH-UBND')."),
            _c("number", "string", "The document number as written ('06'); empty in a draft."),
            _c("place", "string", "The place of the place-and-date line."),
            _c("issued_on", "date", "The day the plan was issued."),
            _c("signing_capacity", "string", "TM, KT, Q, TL or TUQ."),
            _c("signer_position", "string", "The signer's position ('CHỦ TỊCH')."),
            _c("signer", "string", "The signer's name."),
            _c("task_count", "integer", "How many tasks the plan has."),
            _c("budget", "integer", "The tasks' budgets added up, in đồng; empty when no task states an amount."),
            _c("source_file", "string", "The document the plan was read from, as the plan records it."),
        ),
        primary_key=("plan_id",),
        rows=_plan_rows,
    ),
    TableSpec(
        name="tasks",
        description="One row per task, in plan order.",
        columns=(
            _PLAN_ID,
            _TASK_ID,
            _c("position", "integer", "The task's place in the plan, from 1."),
            _c("area", "string", "The reform area's code (institutions, procedures ...)."),
            _c("subarea", "string", "The sub-heading the task is under, as written."),
            _c("general_task", "string", "The general task it belongs to, as written."),
            _c("title", "string", "The task as written."),
            _c("description", "string", "Details of the task, as written."),
            _c("lead", "string", "The lead party as written (members of a joint lead joined by '; ')."),
            _c("timeframe", "string", "The timeframe as written ('Quý I/2022')."),
            _c("earliest", "date", "The first day the work may fall in; empty when open or unknown."),
            _c("latest", "date", "The last day the work may fall in (the deadline); empty when open or unknown."),
            _c("budget", "integer", "The budget in đồng (the lines added up when only lines are given)."),
            _c("budget_source", "string", "The funding source as written."),
            _c("budget_note", "string", "An unquantified budget statement ('Theo dự trù kinh phí riêng')."),
            _c("budget_text", "string", "The budget cell as written ('150', in millions)."),
            _c("indicators", "string", "Codes of the index indicators the task serves, separated by spaces."),
            _c("source_table", "string", "The table the task was read from ('Phụ lục')."),
            _c("source_row", "string", "The row of that table."),
            _c("source_section", "string", "The section of the prose the task was read from."),
            _c("source_item", "string", "The item of that section."),
            _c("notes", "string", "Notes on the task."),
        ),
        primary_key=("plan_id", "task_id"),
        foreign_keys=(_TO_PLAN,),
        rows=_task_rows,
    ),
    TableSpec(
        name="outputs",
        description="One row per output (kết quả đầu ra) of a task.",
        columns=(
            _PLAN_ID,
            _TASK_ID,
            _c("position", "integer", "The output's place among the task's outputs, from 1."),
            _c("output", "string", "The output as written."),
        ),
        primary_key=("plan_id", "task_id", "position"),
        foreign_keys=(_TO_PLAN, _TO_TASK),
        rows=_output_rows,
    ),
    TableSpec(
        name="responsibilities",
        description="One row per party named for a task, by role; a joint lead gives one row per member.",
        columns=(
            _PLAN_ID,
            _TASK_ID,
            _c("role", "string", "lead, coordinating, implementing or reporting."),
            _c("position", "integer", "The party's place within its role, from 1."),
            _c("party", "string", "The party as written."),
            _c("party_kind", "string", "organisation, official or collective."),
            _c("joint", "boolean", "True for a member of a joint lead (đồng chủ trì)."),
            _c("level", "string", "The tier of an organisation, when the plan says it."),
            _c("person", "string", "An official's name."),
            _c("person_position", "string", "An official's position."),
        ),
        primary_key=("plan_id", "task_id", "role", "position"),
        foreign_keys=(_TO_PLAN, _TO_TASK),
        rows=_responsibility_rows,
    ),
    TableSpec(
        name="timeframes",
        description="One row per task timeframe (step 0), and one per step of a compound cell (steps 1, 2 ...).",
        columns=(
            _PLAN_ID,
            _TASK_ID,
            _c("step", "integer", "0 for the task's whole timeframe, 1, 2 ... for the steps of a compound cell."),
            _c("kind", "string", "before, on_date, between, within, span, recurring, on_event, compound ..."),
            _c("action", "string", "A step's action as written ('Ban hành Kế hoạch')."),
            _c("text", "string", "The timeframe as written."),
            _c("earliest", "date", "The first day the work may fall in; empty when open or unknown."),
            _c("latest", "date", "The last day the work may fall in; empty when open or unknown."),
        ),
        primary_key=("plan_id", "task_id", "step"),
        foreign_keys=(_TO_PLAN, _TO_TASK),
        rows=_timeframe_rows,
    ),
    TableSpec(
        name="targets",
        description="One row per target, of an objective or of a task.",
        columns=(
            _PLAN_ID,
            _c(
                "owner", "string", "'objective:<id>' ('objective#<n>' for the n-th, without an id) or 'task:<task id>'."
            ),
            _c("position", "integer", "The target's place among its owner's targets, from 1."),
            _c("task_id", "string", "The task, for a task's target."),
            _c("target_id", "string", "The target's own id, when the plan gives one."),
            _c("comparator", "string", ">=, >, =, <=, <, increase, decrease or maintain."),
            _c("value", "number", "The value to reach (exact)."),
            _c("unit", "string", "%, count, points, rank, VND or days."),
            _c("out_of", "integer", "For ranks: how many units are ranked."),
            _c("baseline_value", "number", "The baseline's value (exact)."),
            _c("baseline_year", "integer", "The baseline's year."),
            _c("baseline_period", "string", "The baseline's period id ('2022Q1')."),
            _c("indicator", "string", "The indicator code the target measures."),
            _c("subject", "string", "What is measured, as written."),
            _c("horizon", "date", "The day the target is due."),
            _c("text", "string", "The target as written."),
            _c("flags", "string", "Doubts of the reading, separated by spaces."),
        ),
        primary_key=("plan_id", "owner", "position"),
        foreign_keys=(_TO_PLAN, _TO_TASK),
        rows=_target_rows,
    ),
    TableSpec(
        name="references",
        description="One row per legal reference: the plan's bases, what it implements, what adopted it, tasks'.",
        columns=(
            _PLAN_ID,
            _c("owner", "string", "legal_bases, implements, adopted_by, or 'task:<task id>'."),
            _c("position", "integer", "The reference's place in its list, from 1."),
            _c("task_id", "string", "The task, for a task's reference."),
            _c("symbol", "string", "Number and symbol as written ('61/2018/NĐ-CP')."),
            _c("doc_type", "string", "The symbol's document type ('NĐ', 'QĐ', 'KH')."),
            _c("symbol_issuer", "string", "The symbol's issuer part ('CP', 'UBND')."),
            _c("normative", "boolean", "True when the symbol carries a year (a legal normative document)."),
            _c("kind", "string", "The document type as written ('Nghị định')."),
            _c("date", "date", "The document's date."),
            _c("issuer", "string", "The issuing body as written ('Chính phủ')."),
            _c("title", "string", "The subject ('về thực hiện cơ chế một cửa ...')."),
            _c("text", "string", "The citation as written."),
        ),
        primary_key=("plan_id", "owner", "position"),
        foreign_keys=(_TO_PLAN, _TO_TASK),
        rows=_reference_rows,
    ),
    TableSpec(
        name="findings",
        description="One row per finding of the checks, in document order (made only when asked for).",
        columns=(
            _PLAN_ID,
            _c("position", "integer", "The finding's place among the plan's findings, from 1."),
            _c("code", "string", "The rule code ('PP202')."),
            _c("rule", "string", "The rule's name."),
            _c("severity", "string", "error, warning or info."),
            _c("path", "string", "The JSON path of the value concerned ('$.tasks[3].timeframe')."),
            _c("task_id", "string", "The task concerned, when the path is inside a task."),
            _c("message", "string", "The message in English."),
            _c("message_vi", "string", "The message in Vietnamese."),
            _c("source", "string", "Where the value was read from, when the plan recorded it."),
        ),
        primary_key=("plan_id", "position"),
        foreign_keys=(_TO_PLAN, _TO_TASK),
        rows=_finding_rows,
        default=False,
    ),
)

_REGISTRY: dict[str, TableSpec] = {spec.name: spec for spec in _BUILTIN}

TABLES: Mapping[str, TableSpec] = _REGISTRY
"""Every registered table by name, in the order they are written (a read-only view)."""


def register_table(spec: TableSpec) -> None:
    """Add a table to the registry (a ``statuses`` table from progress reports, say).

    Its foreign keys must name registered tables; the name must be new.
    """
    if not isinstance(spec, TableSpec):
        raise InvariantError("register_table.spec", type(spec).__name__, "must be a TableSpec")
    if spec.name in _REGISTRY:
        raise TableError(f"a table named {spec.name!r} is already registered", spec.name)
    for fk in spec.foreign_keys:
        if fk.table not in _REGISTRY and fk.table != spec.name:
            raise TableError(f"table {spec.name!r} refers to the unknown table {fk.table!r}", spec.name)
    _REGISTRY[spec.name] = spec


def table_specs(names: Iterable[str] | None = None) -> tuple[TableSpec, ...]:
    """The tables named (every default table when None), in registry order; unknown names are refused."""
    if names is None:
        return tuple(spec for spec in _REGISTRY.values() if spec.default)
    wanted = list(names)
    unknown = [name for name in wanted if name not in _REGISTRY]
    if unknown:
        known = ", ".join(_REGISTRY)
        raise TableError(f"unknown table {unknown[0]!r}; the tables are {known}", unknown[0])
    chosen = set(wanted)
    return tuple(spec for spec in _REGISTRY.values() if spec.name in chosen)


# --- in memory -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Table:
    """The rows of one table: tuples in the order of ``spec.columns``, typed as the columns say."""

    spec: TableSpec
    rows: list[tuple[Any, ...]]

    @property
    def name(self) -> str:
        """The table's name."""
        return self.spec.name

    @property
    def columns(self) -> tuple[str, ...]:
        """The names of the columns."""
        return self.spec.column_names

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict from column name to value."""
        names = self.columns
        for row in self.rows:
            yield dict(zip(names, row, strict=True))

    def to_arrow(self) -> pa.Table:
        """The table as a :class:`pyarrow.Table` with its typed schema (needs the ``parquet`` extra)."""
        from parplan.io.export import arrow_table

        return arrow_table(self.spec, self.rows)

    def to_pandas(self) -> Any:
        """The table as a :class:`pandas.DataFrame` (through pyarrow: exact decimals, dates, nullable integers)."""
        try:
            import pandas as pd  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            raise MissingExtraError("making data frames", "pandas", "pandas") from None
        return self.to_arrow().to_pandas(types_mapper=pd.ArrowDtype)


@attrs.frozen(kw_only=True)
class Tables:
    """The tables of some documents, by name: ``tables["tasks"]``, ``tables.tasks``."""

    by_name: Mapping[str, Table]

    def __getitem__(self, name: str) -> Table:
        try:
            return self.by_name[name]
        except KeyError:
            raise TableError(f"no table {name!r} here; the tables are {', '.join(self.by_name)}", name) from None

    def __getattr__(self, name: str) -> Table:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.by_name[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[Table]:
        return iter(self.by_name.values())

    def __len__(self) -> int:
        return len(self.by_name)

    @property
    def names(self) -> tuple[str, ...]:
        """The tables' names, in registry order."""
        return tuple(self.by_name)


Source: TypeAlias = "Plan | tuple[str | Path, Plan]"


def keyed(documents: Iterable[Any]) -> Iterator[tuple[str, Any]]:
    """``(key, document)`` pairs: a document alone is keyed by :func:`plan_key`, a ``(path, document)`` by its path.

    Two documents with the same key are refused with :class:`TableError`.
    """
    seen: set[str] = set()
    for item in documents:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str | Path):
            path, document = item
            key = Path(path).as_posix()
        elif isinstance(item, Plan):
            document = item
            key = plan_key(item)
        else:
            raise InvariantError("tables.documents", type(item).__name__, "must hold plans, or (path, document) pairs")
        if key in seen:
            raise TableError(f"two documents have the key {key!r}; give their paths to tell them apart", None)
        seen.add(key)
        yield key, document


def rows_of(
    specs: Sequence[TableSpec], key: str, document: object, options: TableOptions
) -> Iterator[tuple[TableSpec, Iterable[tuple[Any, ...]]]]:
    """The rows of each table in ``specs`` that takes this kind of document."""
    for spec in specs:
        if isinstance(document, spec.kind):
            yield spec, spec.rows(key, document, options)


def tables(
    documents: Iterable[Plan | tuple[str | Path, object]],
    *,
    names: Iterable[str] | None = None,
    as_of: date | None = None,
) -> Tables:
    """The plans as flat, typed tables with stable keys: plans, tasks, outputs, responsibilities, timeframes and more.

    ``documents`` holds plans, or ``(path, plan)`` pairs as
    :func:`parplan.load_many` yields them (the path is then the plan's key).
    ``names`` chooses tables (default: every table but ``findings``, which runs
    the checks, with ``as_of`` as their date). Each :class:`Table` has its
    columns and its rows as tuples; ``to_pandas()`` and ``to_arrow()`` give
    data frames.

    >>> import parplan
    >>> found = parplan.tables([parplan.load_example()])
    >>> found.names
    ('plans', 'tasks', 'outputs', 'responsibilities', 'timeframes', 'targets', 'references')
    >>> task = next(row for row in found.tasks.records() if row["task_id"] == "pl-11")
    >>> task["timeframe"], task["latest"], task["lead"]
    ('Quý I, II, III/2022', datetime.date(2022, 9, 30), 'Văn phòng xã')
    """
    specs = table_specs(names)
    options = TableOptions(as_of=as_of)
    collected: dict[str, list[tuple[Any, ...]]] = {spec.name: [] for spec in specs}
    for key, document in keyed(documents):
        for spec, rows in rows_of(specs, key, document, options):
            collected[spec.name].extend(rows)
    return Tables(by_name={spec.name: Table(spec=spec, rows=collected[spec.name]) for spec in specs})
