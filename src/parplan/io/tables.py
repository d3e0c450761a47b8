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

import abc
import builtins
import functools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias

import attrs

from parplan.errors import InvariantError, MissingExtraError, ParplanError
from parplan.legal import LegalReference
from parplan.org import CollectiveParty, JointParty, Official, Organisation, Party, SingleParty
from parplan.plan import Budget, Plan, Task
from parplan.targets import Target
from parplan.timeframes import Compound, SimpleTimeframe, Timeframe

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "FILLERS",
    "TABLES",
    "TABLE_ROLES",
    "Column",
    "ColumnType",
    "Facts",
    "Filler",
    "ForeignKey",
    "Rows",
    "SourceTexts",
    "Table",
    "TableError",
    "TableOptions",
    "TableSpec",
    "Tables",
    "TaskValues",
    "party_rows",
    "plan_key",
    "reference_facts",
    "register_table",
    "role_rows",
    "table_specs",
    "tables",
    "target_facts",
    "task_keys",
    "task_row",
    "task_values",
    "timeframe_rows",
    "unique_keys",
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

ColumnFunction: TypeAlias = Callable[[str, Any, TableOptions, Sequence[list[Any]]], int]
"""Appends the rows of one document column by column: ``(key, document, options, columns) -> rows added``.

``columns`` holds one list per column, in column order; the function appends
the same number of values to each.
"""


@attrs.frozen(kw_only=True)
class TableSpec:
    """A table: name, description, columns, keys, the kind of document its rows come from, and how.

    The rows come from ``rows`` (a tuple per row) or from ``append`` (values
    appended to one list per column: no object per row, the faster way for
    large exports); give one of them, or both when they agree.
    ``default`` tables are made unless a selection leaves them out; the others
    (findings, which run the checks) only when asked for.
    """

    name: str = attrs.field(validator=_check_name)
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    kind: type = Plan
    rows: RowFunction | None = None
    append: ColumnFunction | None = None
    default: bool = True

    def __attrs_post_init__(self) -> None:
        if self.rows is None and self.append is None:
            raise InvariantError(f"TableSpec({self.name}).rows", None, "must be given (or append)")
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

    def empty_columns(self) -> list[list[Any]]:
        """One new empty list per column, for :meth:`append_rows`."""
        return [[] for _ in self.columns]

    def append_rows(self, key: str, document: object, options: TableOptions, columns: Sequence[list[Any]]) -> int:
        """Append the rows of ``document`` to ``columns`` (one list per column); how many rows were added."""
        if self.append is not None:
            return self.append(key, document, options, columns)
        assert self.rows is not None  # noqa: S101 - one of the two is checked when the spec is made
        count = 0
        width = len(columns)
        for row in self.rows(key, document, options):
            if len(row) != width:
                raise TableError(f"table {self.name!r}: a row of {len(row)} values for {width} columns", self.name)
            for column, value in zip(columns, row, strict=True):
                column.append(value)
            count += 1
        return count

    def rows_of(self, key: str, document: object, options: TableOptions) -> list[tuple[Any, ...]]:
        """The rows of ``document``, each a tuple in column order."""
        if self.rows is not None:
            return list(self.rows(key, document, options))
        columns = self.empty_columns()
        self.append_rows(key, document, options, columns)
        return list(zip(*columns, strict=True))

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
    return unique_keys([task.id for task in plan.tasks])


def unique_keys(ids: Sequence[str]) -> tuple[str, ...]:
    """The keys of tasks with these ids, in order: each id, then ``id#2``, ``id#3`` … for its repeats."""
    if len(set(ids)) == len(ids):
        return tuple(ids)
    seen: dict[str, int] = {}
    keys: list[str] = []
    for task_id in ids:
        count = seen.get(task_id, 0) + 1
        seen[task_id] = count
        keys.append(task_id if count == 1 else f"{task_id}#{count}")
    return tuple(keys)


# --- the values of the rows: made once, for plans and for plan files checked without building them ---
#
# Every value of the built-in tables is made here, by the functions below, whichever path a document
# takes: a :class:`Plan` gives each task's values through :func:`task_values`; a plan file checked
# for its tables (:mod:`parplan.io.fastrows`) gives the same :class:`TaskValues` from its JSON,
# checked as the model checks it, with the same functions (:func:`task_row`, :func:`party_rows`,
# :func:`role_rows`, :func:`timeframe_rows`, :func:`target_facts`, :func:`reference_facts`). The
# fillers (:data:`FILLERS`) then append one table's rows column by column: no tuple, dict or
# generator is kept per row, so a batch of rows is a handful of lists of plain values (str, int,
# date, Decimal, None) that the cyclic garbage collector has nothing to look at, and that pyarrow
# converts a column at a time.

_PARTY_KINDS: dict[type, str] = {
    Organisation: "organisation",
    Official: "official",
    CollectiveParty: "collective",
}

_value = str.__str__
"""A string enum member's value as a plain str, without the enum machinery (the tables' hot path)."""

Columns: TypeAlias = Sequence[list[Any]]
"""One list per column of a table, in column order, to which rows are appended."""

Rows: TypeAlias = tuple[tuple[Any, ...], ...]
"""Rows, or the parts of rows that follow the plan's and the task's keys."""

Facts: TypeAlias = tuple[str, str | None, date | None, date | None]
"""A timeframe's kind, text as written, earliest and latest day."""

SourceTexts: TypeAlias = tuple[str | None, str | None, str | None, str | None]
"""A task's source: the table, row, section and item it was read from."""

TABLE_ROLES = ("lead", "coordinating", "implementing", "reporting")
"""The roles of the responsibilities table, in its order (the parties a plan requests are left out)."""


def _append_row(columns: Columns, row: Sequence[Any]) -> None:
    for column, value in zip(columns, row, strict=True):
        column.append(value)


@functools.lru_cache(maxsize=8192)  # plans repeat their timeframes ("Thường xuyên", "Quý I/2022") a great deal
def _timeframe_facts(timeframe: Timeframe) -> Facts:
    """A timeframe's kind, text as written, earliest and latest day."""
    from parplan.io.converter import TAGS

    return TAGS[type(timeframe)], timeframe.text, timeframe.earliest, timeframe.latest


@functools.lru_cache(maxsize=8192)
def timeframe_rows(timeframe: Timeframe) -> tuple[Facts, Rows]:
    """A task timeframe's facts, and its rows of the timeframes table after the task (step 0, then each step)."""
    facts = _timeframe_facts(timeframe)
    rows: list[tuple[Any, ...]] = [(0, facts[0], None, facts[1], facts[2], facts[3])]
    if timeframe.__class__ is Compound:
        for number, step in enumerate(timeframe.steps, start=1):
            inner: SimpleTimeframe = step.timeframe
            kind, text, earliest, latest = _timeframe_facts(inner)
            rows.append((number, kind, step.action, text, earliest, latest))
    return facts, tuple(rows)


def party_rows(party: Party) -> Rows:
    """A party's rows of the responsibilities table after its role and position: one per member of a joint."""
    joint = isinstance(party, JointParty)
    members: Sequence[SingleParty] = party.members if isinstance(party, JointParty) else (party,)
    rows: list[tuple[Any, ...]] = []
    for member in members:
        if isinstance(member, Organisation):
            level = member.level
            rows.append((member.name, "organisation", joint, None if level is None else _value(level), None, None))
        elif isinstance(member, Official):
            rows.append((member.label, "official", joint, None, member.name, member.position))
        else:
            rows.append((member.label, _PARTY_KINDS[member.__class__], joint, None, None, None))
    return tuple(rows)


def role_rows(roles: Iterable[tuple[str, Iterable[Rows]]]) -> Rows:
    """A task's rows of the responsibilities table after the task: each role's parties' rows, numbered from 1."""
    rows = []
    for role, parties in roles:
        position = 0
        for found in parties:
            for row in found:
                position += 1
                rows.append((role, position, *row))
    return tuple(rows)


def target_facts(target: Target) -> tuple[Any, ...]:
    """A target's values in the targets table, after the plan, the owner, the position and the task."""
    baseline = target.baseline
    return (
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


def reference_facts(ref: LegalReference) -> tuple[Any, ...]:
    """A legal reference's values in the references table, after the plan, the owner, the position and the task."""
    symbol = ref.symbol
    if symbol is None:
        return (None, None, None, None, ref.kind, ref.date, ref.issuer_name, ref.title, ref.text)
    return (
        symbol.as_written,
        symbol.doc_type,
        symbol.issuer,
        symbol.is_normative,
        ref.kind,
        ref.date,
        ref.issuer_name,
        ref.title,
        ref.text,
    )


_NO_TIMEFRAME = (None, None, None)
_NO_BUDGET = (None, None, None, None)
_NO_SOURCE = (None, None, None, None)


def task_row(  # noqa: PLR0913, PLR0917 - one argument per part of a task the tasks table shows
    area: str | None,
    subarea: str | None,
    general_task: str | None,
    title: str,
    description: str | None,
    lead: str | None,
    timeframe: Facts | None,
    budget: Budget | None,
    indicators: Sequence[str],
    source: SourceTexts | None,
    notes: str | None,
) -> tuple[Any, ...]:
    """A task's values in the tasks table after the plan, the task and the position, in column order.

    Called once per task of every plan exported: the arguments may be given by
    position, which Python binds faster than by name.
    """
    return (
        area,
        subarea,
        general_task,
        title,
        description,
        lead,
        *(_NO_TIMEFRAME if timeframe is None else timeframe[1:]),
        *(
            _NO_BUDGET
            if budget is None
            else (
                budget.amount if budget.amount is not None else budget.lines_total,
                budget.source,
                budget.note,
                budget.text,
            )
        ),
        " ".join(indicators) if indicators else None,
        *(_NO_SOURCE if source is None else source),
        notes,
    )


class TaskValues(NamedTuple):
    """What the built-in tables hold of one task (made by :func:`task_values`, or from a checked plan file)."""

    row: tuple[Any, ...]
    """The task's values in the tasks table after the plan, the task and the position (:func:`task_row`)."""
    outputs: tuple[str, ...]
    """Its outputs as written."""
    parties: Rows
    """Its rows of the responsibilities table after the plan and the task (:func:`role_rows`)."""
    steps: Rows
    """Its rows of the timeframes table after the plan and the task (:func:`timeframe_rows`)."""
    targets: Rows
    """Its targets' values (:func:`target_facts`)."""
    legal_bases: Rows
    """Its legal references' values (:func:`reference_facts`)."""
    budget: Budget | None
    """Its budget, for the plan's total."""


def task_values(task: Task) -> TaskValues:
    """What the built-in tables hold of ``task``."""
    responsibility = task.responsibility
    lead: str | None = None
    parties: Rows = ()
    if responsibility is not None:
        chief = responsibility.lead
        lead = None if chief is None else chief.label
        parties = role_rows(
            (
                ("lead", () if chief is None else (party_rows(chief),)),
                ("coordinating", map(party_rows, responsibility.coordinating)),
                ("implementing", map(party_rows, responsibility.implementing)),
                ("reporting", map(party_rows, responsibility.reporting)),
            )
        )
    facts, steps = (None, ()) if task.timeframe is None else timeframe_rows(task.timeframe)
    source = task.source
    row = task_row(
        area=None if task.area is None else _value(task.area),
        subarea=task.subarea,
        general_task=task.general_task,
        title=task.title,
        description=task.description,
        lead=lead,
        timeframe=facts,
        budget=task.budget,
        indicators=task.indicators,
        source=None if source is None else (source.table, source.row, source.section, source.item),
        notes=task.notes,
    )
    return TaskValues(
        row,
        task.outputs,
        parties,
        steps,
        tuple(map(target_facts, task.targets)),
        tuple(map(reference_facts, task.legal_bases)),
        task.budget,
    )


_PlanValues: TypeAlias = tuple[tuple[str, ...], tuple[TaskValues, ...]]
_last: tuple[weakref.ref[Plan], _PlanValues] | None = None
"""The values of the plan whose tables are being made (weakly held: a finished export keeps no plan alive)."""


def _plan_values(plan: Plan) -> _PlanValues:
    """The task keys of ``plan`` and each task's values, worked out once for all its tables."""
    global _last  # noqa: PLW0603 - a one-plan memo, replaced whole (safe between threads)
    last = _last
    if last is not None and last[0]() is plan:
        return last[1]
    found = (task_keys(plan), tuple(map(task_values, plan.tasks)))
    _last = (weakref.ref(plan), found)
    return found


Filler: TypeAlias = Callable[[str, Plan, Sequence[str], Sequence[TaskValues], Columns], int]
"""Appends the rows of one plan to one table: ``(plan key, header, task keys, task values, columns) -> rows added``.

The header is the plan (its tasks are not looked at: the task values stand for them).
"""


def _plans(key: str, header: Plan, _: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    unit = header.unit
    parent = unit.parent
    province = next((u for u in unit.chain() if u.level.value == "province"), None)
    signature = header.signature
    budgets = [found.budget for found in values if found.budget is not None]
    total = sum((budget.amount if budget.amount is not None else budget.lines_total) or 0 for budget in budgets)
    symbol = header.symbol
    row = (
        key,
        header.title,
        header.kind.value,
        header.first_year,
        header.last_year,
        header.issuer.name,
        unit.name,
        unit.kind.value,
        unit.level.value,
        unit.code,
        None if parent is None else parent.full_name,
        None if province is None or province is unit else province.full_name,
        None if symbol is None else symbol.as_written,
        None if symbol is None else symbol.number,
        header.place,
        header.issued_on,
        None if signature is None else signature.capacity.value if signature.capacity is not None else None,
        None if signature is None else signature.position,
        None if signature is None else signature.name,
        len(values),
        total if any(budget.is_quantified for budget in budgets) else None,
        header.source_file,
    )
    _append_row(columns, row)
    return 1


def _extend(columns: Columns, rows: Sequence[tuple[Any, ...]]) -> None:
    """Append ``rows`` (each as wide as ``columns``) column by column."""
    if rows:
        for column, values in zip(columns, zip(*rows, strict=True), strict=True):
            column.extend(values)


def _tasks(key: str, _: Plan, keys: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    plan_ids, task_ids, positions, *rest = columns
    count = len(values)
    plan_ids.extend(repeat(key, count))
    task_ids.extend(keys)
    positions.extend(range(1, count + 1))
    _extend(rest, [found.row for found in values])
    return count


def _outputs(key: str, _: Plan, keys: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    plan_ids, task_ids, positions, outputs = columns
    before = len(outputs)
    for task_key, found in zip(keys, values, strict=True):
        written = found.outputs
        if written:
            count = len(written)
            task_ids.extend(repeat(task_key, count))
            positions.extend(range(1, count + 1))
            outputs.extend(written)
    added = len(outputs) - before
    plan_ids.extend(repeat(key, added))
    return added


def _by_task(key: str, keys: Sequence[str], fragments: Iterable[Rows], columns: Columns) -> int:
    """Append rows made of the plan's key, a task's key and each of that task's fragments (the other columns)."""
    plan_ids, task_ids, *rest = columns
    rows: list[tuple[Any, ...]] = []
    for task_key, found in zip(keys, fragments, strict=True):
        if found:
            task_ids.extend(repeat(task_key, len(found)))
            rows.extend(found)
    _extend(rest, rows)
    plan_ids.extend(repeat(key, len(rows)))
    return len(rows)


def _responsibilities(key: str, _: Plan, keys: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    return _by_task(key, keys, [found.parties for found in values], columns)


def _timeframes(key: str, _: Plan, keys: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    return _by_task(key, keys, [found.steps for found in values], columns)


def _owned(
    key: str, columns: Columns, first: Iterable[tuple[str, Rows]], keys: Sequence[str], tasks: Iterable[Rows]
) -> int:
    """Rows keyed by owner and position (targets, references): the plan's own lists first, then each task's.

    The first four columns are the plan, the owner, the position and the task
    (None but for a task's items); each item's facts give the other columns.
    """
    owned: list[tuple[str, str | None, Rows]] = [(owner, None, items) for owner, items in first]
    owned.extend((f"task:{task_key}", task_key, items) for task_key, items in zip(keys, tasks, strict=True) if items)
    rows = [
        (owner, position, task_id, *facts)
        for owner, task_id, items in owned
        for position, facts in enumerate(items, start=1)
    ]
    _extend(columns[1:], rows)
    columns[0].extend(repeat(key, len(rows)))
    return len(rows)


def _targets(key: str, header: Plan, keys: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    first = [
        (
            f"objective:{objective.id}" if objective.id is not None else f"objective#{index}",
            tuple(map(target_facts, objective.targets)),
        )
        for index, objective in enumerate(header.objectives, start=1)
        if objective.targets
    ]
    return _owned(key, columns, first, keys, [found.targets for found in values])


def _references(key: str, header: Plan, keys: Sequence[str], values: Sequence[TaskValues], columns: Columns) -> int:
    first = [
        ("legal_bases", tuple(map(reference_facts, header.legal_bases))),
        ("implements", tuple(map(reference_facts, header.implements))),
    ]
    if header.adopted_by is not None:
        first.append(("adopted_by", (reference_facts(header.adopted_by),)))
    return _owned(key, columns, first, keys, [found.legal_bases for found in values])


FILLERS: Mapping[str, Filler] = {
    "plans": _plans,
    "tasks": _tasks,
    "outputs": _outputs,
    "responsibilities": _responsibilities,
    "timeframes": _timeframes,
    "targets": _targets,
    "references": _references,
}
"""The filler of each built-in table made from task values (every one but ``findings``, which runs the checks)."""


def _of_plan(fill: Filler) -> ColumnFunction:
    """The :data:`ColumnFunction` of a plan for a filler: the plan's task values worked out once for all tables."""

    def append(key: str, plan: Plan, _: TableOptions, columns: Columns) -> int:
        keys, values = _plan_values(plan)
        return fill(key, plan, keys, values, columns)

    append.__name__ = f"append{fill.__name__}"
    return append


def _finding_columns(plan_id: str, plan: Plan, options: TableOptions, columns: Columns) -> int:
    from parplan.checks.engine import check

    keys = task_keys(plan)
    count = 0
    for count, finding in enumerate(check(plan, as_of=options.as_of), start=1):
        found = _TASK_PATH.match(finding.path)
        index = None if found is None else int(found[1])
        task_id = keys[index] if index is not None and index < len(keys) else None
        source = None if finding.source is None else str(finding.source) or None
        row = (plan_id, count, finding.code, finding.name, finding.severity.value, finding.path, task_id,
               finding.message, finding.message_vi, source)  # fmt: skip
        _append_row(columns, row)
    return count


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
        append=_of_plan(_plans),
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
        append=_of_plan(_tasks),
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
        append=_of_plan(_outputs),
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
        append=_of_plan(_responsibilities),
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
        append=_of_plan(_timeframes),
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
        append=_of_plan(_targets),
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
        append=_of_plan(_references),
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
        append=_finding_columns,
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


class RowSource(abc.ABC):
    """A document that appends its own rows: a plan file checked for its tables without building the plan.

    :func:`append_all` hands it the tables and their columns
    (see :class:`parplan.io.fastrows.CheckedPlan`).
    """

    @abc.abstractmethod
    def append_to(self, specs: Sequence[TableSpec], key: str, options: TableOptions, columns: Mapping[str, Any]) -> int:
        """Append this document's rows to the columns of each table in ``specs``; how many rows were added."""


def append_all(
    specs: Sequence[TableSpec],
    key: str,
    document: object,
    options: TableOptions,
    columns: Mapping[str, Sequence[list[Any]]],
) -> int:
    """Append the rows of ``document`` to the columns of each table in ``specs`` that takes its kind; rows added."""
    if isinstance(document, RowSource):
        return document.append_to(specs, key, options, columns)
    added = 0
    for spec in specs:
        if isinstance(document, spec.kind):
            added += spec.append_rows(key, document, options, columns[spec.name])
    return added


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
    collected = {spec.name: spec.empty_columns() for spec in specs}
    for key, document in keyed(documents):
        append_all(specs, key, document, options, collected)
    return Tables(
        by_name={spec.name: Table(spec=spec, rows=list(zip(*collected[spec.name], strict=True))) for spec in specs}
    )
