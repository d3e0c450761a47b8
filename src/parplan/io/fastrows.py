"""The tables of plan files without building the plans: a validated path from JSON to rows, for large exports.

:func:`load_many_for_tables` streams ``(path, document)`` pairs as
:func:`parplan.load_many` does, for :func:`parplan.io.export.export_tables`.
A file in the canonical JSON layout (what :func:`parplan.dump` writes) is
checked here field by field, exactly as the model checks it, and kept as a
:class:`CheckedPlan`: the plan's header built by the model, and for each task
the values of its rows, ready to be appended. Building a :class:`~parplan.plan.Task`
per task is what a national export spends most of its time on; the tasks'
parts that plans repeat (parties, timeframes, legal bases) are built by the
model once per distinct value and remembered.

The rule of safety: anything this path is not certain about (another layout,
an older format, a key it does not know, a value the model would refuse or
that it does not check itself) sends the whole file to the model's own
loader, so every error is the model's error with its JSON paths, and every
row is the row the model's tables give (the tests compare both on every plan
of the repository and on a corpus of broken ones).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from parplan._values import _IDENTIFIER, nfc
from parplan.areas import ReformArea
from parplan.errors import ParplanError, PlanBatchError, PlanFileError
from parplan.io.converter import cattrs_converter, depth_bound
from parplan.io.document import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    _orjson,
    _try_load,
    canonical_data,
)
from parplan.io.files import expand, read_bytes
from parplan.io.kinds import PLAN
from parplan.io.tables import (
    _BUILTIN,
    FILLERS,
    TABLE_ROLES,
    Rows,
    RowSource,
    SourceTexts,
    TableError,
    TableOptions,
    TableSpec,
    TaskValues,
    party_rows,
    reference_facts,
    role_rows,
    target_facts,
    task_row,
    timeframe_rows,
    unique_keys,
)
from parplan.org import Party, Responsibility, _party_keys
from parplan.plan import Budget, Plan, Task

if TYPE_CHECKING:
    from parplan.source import SourceLocation

__all__ = ["FAST_TABLES", "CheckedPlan", "checked_plan", "fast_tables", "load_many_for_tables"]

FAST_TABLES: frozenset[str] = frozenset(spec.name for spec in _BUILTIN if spec.default)
"""The tables a :class:`CheckedPlan` fills (every built-in table but ``findings``, which runs the checks)."""

_SPECS: dict[str, TableSpec] = {spec.name: spec for spec in _BUILTIN}


class _Decline(Exception):  # noqa: N818 - an internal signal: the model path reads this plan
    pass


_DECLINE = _Decline()

# --- the model's own hooks, each result remembered by the exact JSON of its value --------------------

_MEMO_LIMIT = 16384
"""Distinct values remembered per kind of part (responsibility, timeframe ...) before the memory is emptied."""


def _field_types(cls: type) -> dict[str, Any]:
    attrs.resolve_types(cls)
    return {field.name: field.type for field in attrs.fields(cls)}


_TYPES = _field_types(Task)
_RESPONSIBILITY_TYPES = _field_types(Responsibility)
_AREAS: dict[str, ReformArea] = {member.value: member for member in ReformArea}


def _structure(tp: Any) -> Callable[[Any], Any]:
    """The model's hook building ``tp`` from JSON data."""
    structure = cattrs_converter().get_structure_hook(tp)
    return lambda value: structure(value, tp)


def _compact(key: bytes | str) -> bytes | str:
    """A copy of ``key`` in a block of its own size: orjson's text of a small value holds a block of 4 KB."""
    return bytes(memoryview(key)) if key.__class__ is bytes else key


def _remembered(
    name: str, tp: Any, rows: Callable[[Any], Any], make: Callable[[Any], Any] | None = None
) -> Callable[[Any], Any]:
    """``rows`` of the ``tp`` the model builds from a JSON value, remembered by the value's exact JSON text.

    orjson's text tells 1, 1.0 and true apart, so two values with one text are
    one value for the model. The memory is emptied when full. ``make`` builds
    the value instead of the model's hook of ``tp``.
    """
    structure = make if make is not None else _structure(tp)
    dumps = _orjson.dumps if _orjson is not None else repr  # without orjson nothing is read here (fast_tables)
    memo: dict[bytes | str, Any] = {}

    def build(value: Any) -> Any:
        key = dumps(value)
        found = memo.get(key, _DECLINE)
        if found is _DECLINE:
            found = rows(structure(value))
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[_compact(key)] = found
        return found

    build.__name__ = f"build_{name}"
    return build


def _same(value: Any) -> Any:
    return value


class _PartyParts(NamedTuple):
    """A party the model built, with what a responsibility needs of it."""

    rows: Rows  # its rows in the responsibilities table, from the party's name on (one per member of a joint)
    keys: frozenset[str]  # the keys a lead of this party holds (each member's for a joint)
    key: str
    label: str


def _party_parts(party: Party) -> _PartyParts:
    return _PartyParts(party_rows(party), frozenset(_party_keys(party)), party.key, party.label)


_ROLES = ("coordinating", "implementing", "reporting", "requested")
_RESPONSIBILITY_FIELDS = frozenset(("lead", *_ROLES))


class _RoleParts(NamedTuple):
    """The parties of one role of a responsibility, built by the model, with what the responsibility needs of them."""

    rows: Rows  # their rows in the responsibilities table, from the role on (numbered from 1 within the role)
    keys: frozenset[str]  # the keys of the parties (a lead's: each member's for a joint)
    label: str | None  # a lead's label
    named: bool  # whether the role names anybody


def _role_parts(role: str, build: Callable[[Any], _PartyParts]) -> Callable[[Any], _RoleParts]:
    """The parts of a role's parties (a list in JSON, a single party for the lead), each party built by ``build``."""
    shown = role in TABLE_ROLES

    def make(value: Any) -> _RoleParts:
        if role == "lead":
            lead = build(value)
            return _RoleParts(role_rows([(role, [lead.rows])]), lead.keys, lead.label, named=True)
        if value.__class__ is not list:
            raise _DECLINE
        parties = tuple(map(build, value))
        rows = role_rows([(role, [party.rows for party in parties])]) if shown else ()
        return _RoleParts(rows, frozenset(party.key for party in parties), None, named=bool(parties))

    return _remembered(role, None, _same, make)


_single = _remembered("party", _RESPONSIBILITY_TYPES["coordinating"].__args__[0], _party_parts)
_LEAD = _role_parts("lead", _remembered("lead", _RESPONSIBILITY_TYPES["lead"], _party_parts))
_OTHERS = tuple((role, _role_parts(role, _single)) for role in _ROLES)


def _responsibility(value: Any) -> tuple[str | None, Rows]:
    """A responsibility's lead label and rows, from its roles (each remembered by its JSON text, as its parties).

    Checked as :class:`~parplan.org.Responsibility` checks it: its keys and
    their types, at least one party, and no coordinating party that is the lead.
    """
    if value.__class__ is not dict or not _RESPONSIBILITY_FIELDS.issuperset(value):
        raise _DECLINE
    lead = value.get("lead")
    named = lead is not None
    chief = None if lead is None else _LEAD(lead)
    rows = () if chief is None else chief.rows
    for role, build in _OTHERS:
        if role in value:
            found = build(value[role])
            named = named or found.named
            if found.rows:
                if chief is not None and role == "coordinating" and not chief.keys.isdisjoint(found.keys):
                    raise _DECLINE  # "must not repeat the lead"
                rows += found.rows
    if not named:
        raise _DECLINE  # "must name at least one party"
    return (None if chief is None else chief.label), rows


_timeframe = _remembered("timeframe", _TYPES["timeframe"], timeframe_rows)
_budget = _remembered("budget", Budget, _same)
_target = _remembered("target", _TYPES["targets"].__args__[0], target_facts)
_reference = _remembered("reference", _TYPES["legal_bases"].__args__[0], reference_facts)
_party = _structure(_TYPES["reports_to"])
_source = _structure(_TYPES["source"])

_new_values = tuple.__new__  # a TaskValues without the keyword handling of its __new__ (once per task)

# --- a checked plan ----------------------------------------------------------------------------------


@attrs.frozen(eq=False)
class CheckedPlan(RowSource):
    """A plan file read for its tables: the header built by the model, each task's values checked.

    Made by :func:`checked_plan` only when every value of the file is one the
    model accepts; its rows are those the model's plan would give (the same
    fillers make them from the same :class:`~parplan.io.tables.TaskValues`).
    """

    header: Plan
    keys: tuple[str, ...]
    tasks: tuple[TaskValues, ...]

    def append_to(self, specs: Sequence[TableSpec], key: str, options: TableOptions, columns: Mapping[str, Any]) -> int:  # noqa: ARG002 - no table of this path needs options
        """Append the rows of this plan to the columns of each table in ``specs``; how many rows were added."""
        added = 0
        for spec in specs:
            fill = FILLERS.get(spec.name)
            if fill is None or _SPECS.get(spec.name) is not spec:
                raise TableError(f"table {spec.name!r} needs the plans built; read them with parplan.load_many")
            added += fill(key, self.header, self.keys, self.tasks, columns[spec.name])
        return added


def fast_tables(specs: Iterable[TableSpec]) -> bool:
    """Whether :class:`CheckedPlan` documents can fill every table of ``specs`` (and orjson is installed)."""
    return _orjson is not None and all(_SPECS.get(spec.name) is spec and spec.name in FAST_TABLES for spec in specs)


_TEXT_LENGTH = 64
_good_texts: dict[str, str] = {}
"""Short texts already found in NFC and not blank (outputs, rows, sections): each is its own NFC form."""


def _text(value: Any) -> str:
    """A text converted to NFC and not blank, as the model reads a title, an output, a description."""
    known = _good_texts.get(value) if value.__class__ is str else None
    if known is not None:
        return known
    if value.__class__ is not str:
        raise _DECLINE
    normal = nfc(value)
    if not normal.strip():
        raise _DECLINE
    if normal is value and len(value) <= _TEXT_LENGTH:
        if len(_good_texts) >= _MEMO_LIMIT:
            _good_texts.clear()
        _good_texts[value] = value
    return normal


def _codes(value: Any) -> tuple[str, ...]:
    """A list of identifiers (criteria, objectives, indicators), as the model reads it."""
    if value.__class__ is not list:
        raise _DECLINE
    for code in value:
        if code.__class__ is not str or not _IDENTIFIER.match(code):
            raise _DECLINE
    return tuple(value)


def _rows(value: Any, build: Callable[[Any], Any]) -> Rows:
    if value.__class__ is not list:
        raise _DECLINE
    return tuple(map(build, value))


_TASK_FIELDS = frozenset(
    ("id", "title", "area", "section", "criteria", "objectives", "subarea", "general_task", "description", "outputs",
     "responsibility", "timeframe", "reports_to", "targets", "budget", "indicators", "legal_bases", "source", "notes")
)  # fmt: skip
"""The fields of a task checked here: a task with any other key (a field added to the model later) is declined."""
_PLAIN_SOURCE = frozenset(("table", "row", "section", "item"))
_sources: dict[tuple[Any, ...], SourceTexts] = {}


def _source_row(value: Any) -> SourceTexts:
    """The table, row, section and item of a task's source, checked as the model checks them."""
    if value.__class__ is dict and _PLAIN_SOURCE.issuperset(value):  # four optional texts, nothing between them
        get = value.get
        written = (get("table"), get("row"), get("section"), get("item"))
        found = _sources.get(written)  # only texts are kept, and a text equals no other kind of value
        if found is not None:
            return found
        table, row, section, item = written
        found = (
            None if table is None else _text(table),
            None if row is None else _text(row),
            None if section is None else _text(section),
            None if item is None else _text(item),
        )
        if len(_sources) >= _MEMO_LIMIT:
            _sources.clear()
        _sources[written] = found
        return found
    source: SourceLocation = _source(value)
    return source.table, source.row, source.section, source.item


def _task_values(task: Any) -> TaskValues:  # noqa: C901, PLR0912 - one check per field of Task, in its order
    """What the tables hold of one task, checked as :class:`~parplan.plan.Task` checks it (else _Decline)."""
    if task.__class__ is not dict or not _TASK_FIELDS.issuperset(task):
        raise _DECLINE
    get = task.get
    task_id = get("id")
    if task_id.__class__ is not str or not _IDENTIFIER.match(task_id):
        raise _DECLINE
    title = _text(get("title"))
    area = get("area")
    if area is not None and (area.__class__ is not str or area not in _AREAS):
        raise _DECLINE
    section = get("section")
    if section is not None and (section.__class__ is not str or not _IDENTIFIER.match(section)):
        raise _DECLINE
    if "criteria" in task:
        _codes(task["criteria"])
    if "objectives" in task:
        _codes(task["objectives"])
    subarea = None if (value := get("subarea")) is None else _text(value)
    general_task = None if (value := get("general_task")) is None else _text(value)
    description = None if (value := get("description")) is None else _text(value)
    notes = None if (value := get("notes")) is None else _text(value)
    outputs: tuple[str, ...] = ()
    if "outputs" in task:
        written = task["outputs"]
        if written.__class__ is not list:
            raise _DECLINE
        outputs = tuple([_text(output) for output in written])
    lead: str | None = None
    parties: Rows = ()
    if (responsibility := get("responsibility")) is not None:
        lead, parties = _responsibility(responsibility)
    facts: tuple[Any, ...] | None = None
    steps: Rows = ()
    if (timeframe := get("timeframe")) is not None:
        facts, steps = _timeframe(timeframe)
    if (reports_to := get("reports_to")) is not None:
        _party(reports_to)
    targets = _rows(task["targets"], _target) if "targets" in task else ()
    budget = get("budget")
    if budget is not None:
        budget = _budget(budget)
    indicators = _codes(task["indicators"]) if "indicators" in task else ()
    legal_bases = _rows(task["legal_bases"], _reference) if "legal_bases" in task else ()
    source = get("source")
    if source is not None:
        source = _source_row(source)
    row = task_row(area, subarea, general_task, title, description, lead, facts, budget, indicators, source, notes)
    return _new_values(TaskValues, (row, outputs, parties, steps, targets, legal_bases, budget))


def checked_plan(
    raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH
) -> CheckedPlan | None:
    """The :class:`CheckedPlan` of a plan file's bytes, or None when the model's loader must read it.

    None for anything but a plan in the canonical JSON layout of the current
    format whose every value is one the model accepts and this module checks;
    with the same limits, :func:`parplan.loads` then reads it (and reports its
    problems). Never a plan the model would refuse.
    """
    size = len(raw)
    limit = max(max_bytes, DEFAULT_MAX_BYTES)
    bound = depth_bound(Plan)
    if size > max_bytes or max_depth < bound or size * (bound + 3) > limit:
        return None  # the model's loader decides (a limit passed, the canonical size to measure)
    data = canonical_data(raw, PLAN, current_only=True)
    if data is None:
        return None
    tasks = data.pop("tasks", [])
    if tasks.__class__ is not list:
        return None
    try:
        header = cattrs_converter().structure(data, Plan)
        values = tuple([_task_values(task) for task in tasks])
        keys = unique_keys([task["id"] for task in tasks])
    except Exception:  # noqa: BLE001 - whatever happens here, the model's loader reads the file and decides
        return None
    return CheckedPlan(header, keys, values)


def load_many_for_tables(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[Path, ParplanError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[tuple[Path, Plan | CheckedPlan]]:
    """:func:`parplan.load_many` for :func:`~parplan.io.export.export_tables`: plans, or checked plans.

    The same files in the same order, the same errors passed to ``on_error``
    (or raised at the end as one :class:`~parplan.errors.PlanBatchError`): a
    file this module does not take is read by :func:`parplan.load`.
    """
    failures: list[tuple[str, ParplanError]] = []
    for entry in expand(source):
        path = Path(entry.path) if isinstance(entry, PlanFileError) else entry
        outcome: Any = entry
        if not isinstance(entry, PlanFileError):
            outcome = None
            if entry.suffix.lower() == ".json":
                try:
                    outcome = checked_plan(read_bytes(entry, max_bytes), max_bytes=max_bytes, max_depth=max_depth)
                except Exception:  # noqa: BLE001 - the model's loader reads it again and reports it as it does
                    outcome = None
            if outcome is None:
                outcome = _try_load(entry, Plan, max_bytes, max_depth)
        if isinstance(outcome, Plan | CheckedPlan):
            yield path, outcome
        elif on_error is not None:
            on_error(path, outcome)
        else:
            failures.append((str(path), outcome))
    if failures:
        raise PlanBatchError(failures)
