"""The one place that knows how model classes map to JSON-like data.

A single strict :class:`cattrs.Converter`, built on first use, holds every
hook. Its hooks never coerce: a string is not a number, ``"no"`` is not a
boolean, ``2.9`` is not an integer, and unknown keys are refused.

Structuring runs in two passes. The fast pass is generated code, one function
per class, that stops at the first problem. Only when it fails does the
detailed pass walk the same data again, collecting every problem with its JSON
path (``$.tasks[3].timeframe.day``), so that a valid document costs one pass
and an invalid one is reported in full. Both passes share the same primitive
checks, so they agree on what is valid.

Unstructuring is generated code too: it emits the canonical form, which omits
fields that hold their default value and writes decimals as strings, dates in
ISO 8601 and reporting periods as identifiers ("2022Q1").
"""

from __future__ import annotations

import difflib
import functools
import linecache
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, cast

import attrs

from parplan._values import (
    _IDENTIFIER,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_INT,
    TypeChecked,
    finite_decimal,
    finite_decimal_or_none,
    identifier,
    identifier_or_none,
    is_bounded_decimal,
    nfc,
    nfc_or_none,
    nfc_tuple,
    non_empty,
    non_empty_items,
    non_empty_or_none,
    positive_int,
    positive_int_or_none,
    to_tuple,
    year_range,
    year_range_or_none,
)
from parplan.errors import NO_VALUE, InvariantError, PlanFormatError, Problem
from parplan.indicators import IndexFramework, IndexNode, Indicator, NodeKind
from parplan.org import AdminLevel, AdminUnit, CollectiveParty, JointParty, Official, Organisation
from parplan.periods import ReportingPeriod
from parplan.plan import Plan
from parplan.timeframes import (
    Before,
    Between,
    Compound,
    OnDate,
    OnEvent,
    OpenEnded,
    PartOf,
    PerSchedule,
    Recurring,
    SchoolTerm,
    Since,
    Span,
    Within,
    WithinWorkingDays,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "FAST_FAILURES",
    "MAX_DEPTH",
    "TAGS",
    "cattrs_converter",
    "depth_bound",
    "describe",
    "fast_pass_ready",
    "nesting_depth",
    "structure",
    "unstructure",
]

TAGS: dict[type, str] = {
    Organisation: "organisation",
    Official: "official",
    CollectiveParty: "collective",
    JointParty: "joint",
    Before: "before",
    OnDate: "on_date",
    Between: "between",
    Within: "within",
    PartOf: "part_of",
    Since: "since",
    Span: "span",
    OpenEnded: "open_ended",
    Recurring: "recurring",
    OnEvent: "on_event",
    PerSchedule: "per_schedule",
    SchoolTerm: "school_term",
    WithinWorkingDays: "within_working_days",
    Compound: "compound",
}
"""The ``kind`` tag of each class that appears in a union."""

_DEFAULT_TAG: dict[type, str] = {Organisation: "organisation"}
"""Classes whose tag may be left out (most parties are organisations)."""

_NoneType = type(None)


class _Invalid(Exception):  # noqa: N818 - internal signal, never leaves this module
    """A value does not have the expected shape; ``args[0]`` says why."""


FAST_FAILURES = (_Invalid, InvariantError, RecursionError)
"""Every way the fast pass can refuse a value: a wrong shape, a model invariant, or nesting deeper than the stack.

Any other exception from the fast pass is a bug in parplan, not a property of the
input, and is not caught.
"""


def describe(value: object) -> str:
    """A short description of a JSON-like value for error messages."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return f"a {type(value).__name__}"


# --- primitive checks, shared by both passes --------------------------------------------


def _str(value: Any, _: Any = None) -> str:
    if value.__class__ is str:
        return value
    raise _Invalid(f"expected a string, got {describe(value)}")


def _int(value: Any, _: Any = None) -> int:
    if value.__class__ is int:
        if -MAX_INT <= value <= MAX_INT:
            return value
        raise _Invalid(f"expected an integer between -10^18 and 10^18, got {_digits(value)}")
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        raise _Invalid(f"expected an integer without a decimal point, got {value}")
    raise _Invalid(f"expected an integer, got {describe(value)}")


def _digits(value: int) -> str:
    """A huge integer as an error shows it: its number of digits, not its digits."""
    digits = int(value.bit_length() * 0.30103) + 1  # log10(2): no conversion to text, which Python limits
    return f"an integer of about {digits} digits"


def _bool(value: Any, _: Any = None) -> bool:
    if value is True or value is False:
        return value
    raise _Invalid(f"expected true or false, got {describe(value)}")


_DECIMAL = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?\Z", re.ASCII)


def _decimal(value: Any, _: Any = None) -> Decimal:
    cls = value.__class__
    if cls is str:
        if _DECIMAL.match(value):
            return Decimal(value)
        raise _Invalid(f"expected a decimal number written as a string like '90.73', got {describe(value)}")
    if cls is int:
        return Decimal(value)
    if cls is Decimal and value.is_finite():
        return cast("Decimal", value)
    raise _Invalid(f"expected a decimal number written as a string like '90.73', got {describe(value)}")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)


def _date(value: Any, _: Any = None) -> date:
    cls = value.__class__
    if cls is str and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    elif cls is date:
        return cast("date", value)
    raise _Invalid(f"expected an ISO date (YYYY-MM-DD), got {describe(value)}")


def _period(value: Any, _: Any = None) -> ReportingPeriod:
    if value.__class__ is str:
        try:
            return ReportingPeriod.parse(value)
        except InvariantError:
            pass
    raise _Invalid(
        f"expected a period identifier like '2022', '2022S1', '2022Q1', '2022M01' or '2022Q1-Q3', got {describe(value)}"
    )


def _enum_hook(enum_type: type[Enum]) -> Callable[[Any, Any], Enum]:
    members = {member.value: member for member in enum_type}
    expected = ", ".join(repr(v) for v in members)

    def structure_enum(value: Any, _: Any = None) -> Enum:
        if value.__class__ is str:
            member = members.get(value)
            if member is not None:
                return member
        raise _Invalid(f"expected one of {expected}, got {describe(value)}")

    return structure_enum


# --- type inspection --------------------------------------------------------------------


_R = typing.TypeVar("_R")


def _remembered(function: Callable[[Any], _R]) -> Callable[[Any], _R]:
    """``function`` of one annotation of the model, its answers remembered.

    The detailed pass asks the same questions again for every value it reads (annotations are hashable).
    """
    return functools.cache(function)


@_remembered
def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


@_remembered
def _optional_inner(tp: Any) -> Any:
    """The inner type of ``X | None``; None when ``tp`` is not optional."""
    if not _is_union(tp):
        return None
    args = typing.get_args(tp)
    if _NoneType not in args:
        return None
    rest = tuple(a for a in args if a is not _NoneType)
    return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007 - rebuilding a union from parts


@_remembered
def _tuple_item(tp: Any) -> Any:
    """The item type of ``tuple[X, ...]``; None for other types."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _union_members(tp: Any) -> tuple[type, ...]:
    members = tuple(typing.get_args(tp))
    for member in members:
        if member not in TAGS:
            raise TypeError(f"union member {member!r} has no tag")
    return members


_resolved: set[type] = set()


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    if cls not in _resolved:
        attrs.resolve_types(cls)
        _resolved.add(cls)
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return fields


def _is_required(field: attrs.Attribute[Any]) -> bool:
    return field.default is attrs.NOTHING


def _default(field: attrs.Attribute[Any], instance: object = None) -> Any:
    """The default of ``field``; a factory that takes the instance is given ``instance``."""
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:  # type: ignore[union-attr]
            return default.factory(instance)  # type: ignore[union-attr]
        return default.factory()  # type: ignore[union-attr]
    return default


def _takes_self(field: attrs.Attribute[Any]) -> bool:
    """True when the field's default is computed from the other fields (``Factory(takes_self=True)``)."""
    default = field.default
    return isinstance(default, attrs.Factory) and bool(default.takes_self)  # type: ignore[arg-type, union-attr]


# --- the converter and its structure hooks (fast pass) -----------------------------------

_made: list[cattrs.Converter] = []


def cattrs_converter() -> cattrs.Converter:
    """The converter that holds every hook of the parplan format, built (and cattrs imported) on first use.

    Also reachable as ``parplan.io.converter.converter``. A program that reads
    one small document never needs it: the detailed pass reads such a document
    alone (see :func:`fast_pass_ready`).
    """
    if not _made:
        _made.append(_build_converter())
    return _made[0]


def _build_converter() -> cattrs.Converter:
    import cattrs  # imported on first use: reading one small document does without it

    made = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    for tp, hook in (
        (str, _str),
        (int, _int),
        (bool, _bool),
        (Decimal, _decimal),
        (date, _date),
        (ReportingPeriod, _period),
        *_enum_hooks.items(),
    ):
        made.register_structure_hook(tp, hook)
    made.register_structure_hook_factory(lambda t: _optional_inner(t) is not None, _optional_factory)
    made.register_structure_hook_factory(lambda t: _tuple_item(t) is not None, _tuple_factory)
    made.register_structure_hook_factory(lambda t: _is_union(t) and _optional_inner(t) is None, _union_factory)
    made.register_structure_hook_factory(attrs.has, _attrs_structure_factory)
    made.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_factory)
    return made


def __getattr__(name: str) -> Any:
    """``converter``: the converter of :func:`cattrs_converter`, built on first use."""
    if name == "converter":
        return cattrs_converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_enum_hooks: dict[type, Callable[[Any, Any], Any]] = {}


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


def _enum_structure_hook(tp: type[Enum]) -> Callable[[Any, Any], Any]:
    """The strict hook of an enum, registered by exact class so a StrEnum is not taken for a str."""
    hook = _enum_hooks.get(tp)
    if hook is None:
        hook = _enum_hooks[tp] = _enum_hook(tp)
        if _made:  # a converter built later registers every hook made so far
            _made[0].register_structure_hook(tp, hook)
    return hook


def _structure_hook(tp: Any) -> Callable[[Any, Any], Any]:
    """The hook for ``tp``: enums by their own hook, everything else through the converter."""
    if _is_enum(tp):
        return _enum_structure_hook(tp)
    return cattrs_converter().get_structure_hook(tp)


def _optional_factory(tp: Any) -> Callable[[Any, Any], Any]:
    inner = _optional_inner(tp)
    hook = _structure_hook(inner)

    def structure_optional(value: Any, _: Any = None) -> Any:
        return None if value is None else hook(value, inner)

    return structure_optional


def _tuple_factory(tp: Any) -> Callable[[Any, Any], Any]:
    item = _tuple_item(tp)
    if item is str:

        def structure_str_tuple(value: Any, _: Any = None) -> tuple[str, ...]:
            if value.__class__ is not list:
                raise _Invalid(f"expected an array, got {describe(value)}")
            for entry in value:
                if entry.__class__ is not str:
                    raise _Invalid("expected strings")
            return tuple(value)

        return structure_str_tuple
    hook = _structure_hook(item)

    def structure_tuple(value: Any, _: Any = None) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise _Invalid(f"expected an array, got {describe(value)}")
        return tuple([hook(entry, item) for entry in value])

    return structure_tuple


def _tag_hooks(members: tuple[type, ...]) -> tuple[dict[str, Any], str | None]:
    hooks = {TAGS[m]: cattrs_converter().get_structure_hook(m) for m in members}
    default = next((TAGS[m] for m in members if m in _DEFAULT_TAG), None)
    return hooks, default


def _union_factory(tp: Any) -> Callable[[Any, Any], Any]:
    members = _union_members(tp)
    hooks, default = _tag_hooks(members)

    def structure_union(value: Any, _: Any = None) -> Any:
        if value.__class__ is not dict:
            raise _Invalid(f"expected an object, got {describe(value)}")
        tag = value.get("kind", default)
        hook = hooks.get(tag) if tag.__class__ is str else None
        if hook is None:
            raise _Invalid("unknown kind")
        return hook(value, None)

    structure_union.__name__ = f"structure_union_of_{len(members)}"

    return structure_union


_building: set[type] = set()
"""Classes whose hooks are being generated; fields that refer back to them get a lazy hook."""


def _lazy_structure_hook(tp: Any) -> Callable[[Any, Any], Any]:
    def structure_lazily(value: Any, _: Any = None) -> Any:
        return cattrs_converter().get_structure_hook(tp)(value, tp)

    return structure_lazily


def _refers_to_building(tp: Any) -> bool:
    return any(arg in _building for arg in _type_parts(tp))


def _type_parts(tp: Any) -> tuple[Any, ...]:
    args = typing.get_args(tp)
    if not args:
        return (tp,)
    return tuple(part for arg in args for part in _type_parts(arg))


_generated: set[type] = set()
"""Classes whose fast pass has been generated in this process."""


def _attrs_structure_factory(cls: type) -> Callable[[Any, Any], Any]:
    _warm(cls)
    _building.add(cls)
    try:
        hook = _generate_structure(cls)
    finally:
        _building.discard(cls)
    _generated.add(cls)
    return hook


def fast_pass_ready(cls: type) -> bool:
    """Whether the fast pass of ``cls`` has been generated already in this process.

    Generating it costs more than the detailed pass takes over one small
    document, so a single small document read first is read by the detailed
    pass alone (the passes agree on every document: a test holds them to it).
    """
    return cls in _generated


# Immutable values read again and again (dates, reporting periods, decimals) are
# shared rather than rebuilt: a plan repeats a handful of them many times. The
# caches hold only values that passed their check, and are emptied when full.
_CACHE_LIMIT = 8192
_date_cache: dict[str, date] = {}
_period_cache: dict[str, ReportingPeriod] = {}
_decimal_cache: dict[str, Decimal] = {}


def _store(cache: dict[str, Any], key: str, value: Any) -> None:
    """Keep ``value`` under ``key``; a full cache is emptied first, so it follows what is read now."""
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _cached_date(value: Any) -> date:
    result = _date(value)
    if value.__class__ is str:
        _store(_date_cache, value, result)
    return result


def _cached_period(value: str) -> ReportingPeriod:
    result = _period(value)
    _store(_period_cache, value, result)
    return result


def _cached_decimal(value: Any) -> Decimal:
    result = _decimal(value)
    if value.__class__ is str:
        _store(_decimal_cache, value, result)
    return result


_TEXT_LENGTH = 64
_TEXT_LIMIT = 16384
_text_cache: dict[str, str] = {}
"""Short texts already seen, in NFC: names of bodies, outputs, deadlines as written, row numbers.

Equal strings read later are replaced by the one kept here, so that a corpus
holds each short text once. Only NFC strings that are not blank are kept (so a
text found here needs neither check again); the cache is emptied when full.
"""


def _remember(value: str) -> None:
    if len(_text_cache) >= _TEXT_LIMIT:
        _text_cache.clear()
    _text_cache[value] = value


def _new_text(value: str) -> str:
    """``value`` in NFC (the converter :func:`nfc`), remembered when short."""
    normal = nfc(value)
    if normal is value and len(value) <= _TEXT_LENGTH and value.strip():
        _remember(value)
    return normal


def _new_plain_text(value: str) -> str:
    """``value`` as it is, remembered when short and already in NFC."""
    if len(value) <= _TEXT_LENGTH and value.strip() and nfc(value) is value:
        _remember(value)
    return value


# Converters and validators of the model whose effect the generated code writes out
# inline; any other converter or validator is called as attrs would call it.
_INLINE_CONVERTERS: dict[Any, tuple[str, bool]] = {
    nfc: ("nfc", False),
    nfc_or_none: ("nfc", True),
    nfc_tuple: ("nfc_items", False),
    to_tuple: ("same", False),
}
_INLINE_VALIDATORS: dict[Any, tuple[str, bool]] = {
    non_empty: ("if not {v}.strip(): raise _Invalid", False),
    non_empty_or_none: ("if not {v}.strip(): raise _Invalid", True),
    non_empty_items: ("for _x in {v}:\n    if not _x.strip(): raise _Invalid", False),
    identifier: ("if not _identifier({v}): raise _Invalid", False),
    identifier_or_none: ("if not _identifier({v}): raise _Invalid", True),
    finite_decimal: ("if not _bounded({v}): raise _Invalid", False),
    finite_decimal_or_none: ("if not _bounded({v}): raise _Invalid", True),
    year_range: (f"if not {FIRST_YEAR} <= {{v}} <= {LAST_YEAR}: raise _Invalid", False),
    year_range_or_none: (f"if not {FIRST_YEAR} <= {{v}} <= {LAST_YEAR}: raise _Invalid", True),
    positive_int: ("if {v} < 1: raise _Invalid", False),
    positive_int_or_none: ("if {v} < 1: raise _Invalid", True),
}
"""Validators written out inline, and whether each lets None through (the ``_or_none`` ones)."""


def _tuple_of(values: Any) -> tuple[Any, ...]:
    return to_tuple(values)


def _identifiers(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for code in value:
        identifier(instance, attribute, code)


def _same_code(function: Any, reference: Any) -> bool:
    """True when ``function`` runs the very code of ``reference``: same instructions, constants and globals.

    The model gives each tuple field a converter of its own that only calls
    :func:`parplan._values.to_tuple` (so that its type reads well), and some a
    validator that only checks every item is an identifier. Such a function is
    recognised by its code, not its name, and its effect written out inline.
    """
    code = getattr(function, "__code__", None)
    known = reference.__code__
    if code is None or function.__defaults__ or getattr(function, "__kwdefaults__", None):
        return False
    if (code.co_code, code.co_consts, code.co_names, code.co_argcount) != (
        known.co_code,
        known.co_consts,
        known.co_names,
        known.co_argcount,
    ):
        return False
    own, expected = function.__globals__, reference.__globals__
    return all(name in own and own[name] is expected[name] for name in known.co_names)


def _keeps_tuples(function: Any) -> bool:
    """True when the converter ``function`` returns a tuple given to it unchanged (``to_tuple`` or a wrapper)."""
    return function is to_tuple or _same_code(function, _tuple_of)


def _checks_identifiers(function: Any) -> bool:
    """True when the validator ``function`` only checks that every item of a tuple of texts is an identifier."""
    return _same_code(function, _identifiers)


_IDENTIFIER_ITEMS = "for _x in {v}:\n    if not _identifier(_x): raise _Invalid"
_NFC_LINE = "if not {v}.isascii() and not _is_nfc('NFC', {v}): {v} = _to_nfc('NFC', {v})"
"""What :func:`parplan._values.nfc` does."""


def _slot_setter(cls: type, name: str) -> Any:
    """The ``__set__`` of the slot ``name`` of ``cls``, or None when the class does not keep it in a slot."""
    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if descriptor is not None:
            return descriptor.__set__ if isinstance(descriptor, types.MemberDescriptorType) else None
    return None


def _builds_directly(cls: type) -> bool:
    """True when instances can be assembled slot by slot exactly as the attrs ``__init__`` would.

    That needs an attrs-generated ``__init__`` without pre-init hooks, every field
    in a slot, initialised by keyword under its own name, with plain converters,
    and no slot but the fields' (such as a cached hash the ``__init__`` would set).
    """
    init = getattr(cls, "__init__", None)
    code = getattr(init, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return False
    if hasattr(cls, "__attrs_pre_init__"):
        return False
    slots = {name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ())} - {"__weakref__", "__dict__"}
    if slots != {field.name for field in _fields(cls)}:
        return False
    for field in _fields(cls):
        if not field.init or field.alias != field.name or _slot_setter(cls, field.name) is None:
            return False
        if isinstance(field.converter, attrs.Converter):
            return False
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            return False
    return True


_ABSENT = object()
"""What the generated code reads for a required field that is absent."""


class _Source:
    """The lines of a generated function and the names they refer to."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "cls": cls,
            "_Invalid": _Invalid,
            "_absent": _ABSENT,
            "_new": object.__new__,
            "_identifier": _IDENTIFIER.match,
            "_bounded": is_bounded_decimal,
            "_max_int": MAX_INT,
            "_is_nfc": unicodedata.is_normalized,
            "_to_nfc": unicodedata.normalize,
            "_dates": _date_cache,
            "_date": _cached_date,
            "_periods": _period_cache,
            "_period": _cached_period,
            "_decimals": _decimal_cache,
            "_decimal": _cached_decimal,
            "_nfc": nfc,
            "_text_get": _text_cache.get,
            "_nfc_text": _new_text,
            "_text": _new_plain_text,
        }
        self.counter = 0

    def name(self, prefix: str, value: Any) -> str:
        self.counter += 1
        name = f"_{prefix}{self.counter}"
        self.namespace[name] = value
        return name

    def add(self, indent: int, text: str) -> None:
        for line in text.split("\n"):
            self.lines.append("    " * indent + line)


class _TextRule(typing.NamedTuple):
    """How the texts of a field are read: ``reader`` on a cache miss, and whether blanks are refused."""

    reader: str = "_text"
    """``_nfc_text`` for fields converted to NFC, ``_text`` for the others."""
    not_blank: bool = False
    """Refuse blank texts (those found in the cache never are)."""


def _emit_text(src: _Source, v: str, indent: int, rule: _TextRule) -> None:
    """Emit the reading of a text: an equal short text read before is shared."""
    src.add(indent, f"if {v}.__class__ is not str: raise _Invalid")
    if rule.not_blank:
        src.add(indent, f"_c = _text_get({v})\nif _c is None:")
        src.add(indent + 1, f"{v} = {rule.reader}({v})\nif not {v}.strip(): raise _Invalid")
        src.add(indent, f"else:\n    {v} = _c")
    else:
        src.add(indent, f"_c = _text_get({v})\n{v} = {rule.reader}({v}) if _c is None else _c")


_PLAIN_TEXT = _TextRule()


def _emit_value(  # noqa: C901 - one branch per kind of type
    src: _Source, tp: Any, v: str, indent: int, rule: _TextRule = _PLAIN_TEXT
) -> None:
    """Emit code that turns the JSON-like ``v`` into a ``tp`` in place, raising on anything else."""
    if tp is str:
        _emit_text(src, v, indent, rule)
    elif tp is int:
        src.add(indent, f"if {v}.__class__ is not int or not -_max_int <= {v} <= _max_int: raise _Invalid")
    elif tp is bool:
        src.add(indent, f"if {v} is not True and {v} is not False: raise _Invalid")
    elif tp is date:  # an ISO string, or a date object (TOML's own dates, Python callers)
        src.add(indent, f"_c = _dates.get({v}) if {v}.__class__ is str else None")
        src.add(indent, f"{v} = _date({v}) if _c is None else _c")
    elif tp is ReportingPeriod:
        src.add(indent, f"if {v}.__class__ is not str: raise _Invalid")
        src.add(indent, f"_c = _periods.get({v})\n{v} = _period({v}) if _c is None else _c")
    elif tp is Decimal:
        src.add(indent, f"_c = _decimals.get({v}) if {v}.__class__ is str else None")
        src.add(indent, f"{v} = _decimal({v}) if _c is None else _c")
    elif _is_enum(tp):
        members = src.name("e", {member.value: member for member in tp})
        src.add(indent, f"if {v}.__class__ is not str: raise _Invalid")
        src.add(indent, f"{v} = {members}.get({v})\nif {v} is None: raise _Invalid")
    elif (inner := _optional_inner(tp)) is not None:
        src.add(indent, f"if {v} is not None:")
        _emit_value(src, inner, v, indent + 1, rule)
    elif (item := _tuple_item(tp)) is not None:
        src.add(indent, f"if {v}.__class__ is not list: raise _Invalid")
        _emit_items(src, item, v, indent, rule.reader)
    elif _is_union(tp):
        src.add(indent, f"{v} = {_union_hook(src, tp)}({v})")
    elif attrs.has(tp):
        src.add(indent, f"{v} = {_class_hook(src, tp)}({v})")
    else:  # pragma: no cover - every model type is covered
        hook = src.name("h", _structure_hook(tp))
        src.add(indent, f"{v} = {hook}({v}, {src.name('t', tp)})")


def _emit_items(src: _Source, item: Any, v: str, indent: int, text: str) -> None:
    """Emit code that turns the list ``v`` into a tuple of ``item``."""
    if item is str:
        src.add(indent, f"for _x in {v}:\n    if _x.__class__ is not str: raise _Invalid")
        src.add(indent, f"{v} = tuple([_text_get(_x) or {text}(_x) for _x in {v}])")
    elif item is ReportingPeriod or item is date:
        cache, build = ("_periods", "_period") if item is ReportingPeriod else ("_dates", "_date")
        src.add(indent, f"for _x in {v}:\n    if _x.__class__ is not str: raise _Invalid")
        src.add(indent, f"{v} = tuple([{cache}.get(_x) or {build}(_x) for _x in {v}])")
    elif _is_enum(item):
        members = src.name("e", {member.value: member for member in item})
        src.add(indent, f"for _x in {v}:\n    if _x.__class__ is not str or _x not in {members}: raise _Invalid")
        src.add(indent, f"{v} = tuple([{members}[_x] for _x in {v}])")
    elif _is_union(item) and _optional_inner(item) is None:
        src.add(indent, f"{v} = tuple(map({_union_hook(src, item)}, {v}))")
    elif attrs.has(item):
        src.add(indent, f"{v} = tuple(map({_class_hook(src, item)}, {v}))")
    else:
        hook = src.name("h", _structure_hook(item))
        src.add(indent, f"{v} = tuple([{hook}(_x, None) for _x in {v}])")


def _class_hook(src: _Source, tp: type) -> str:
    if tp is src.cls:
        return f"structure_{tp.__name__}"
    return src.name("h", _member_hook(tp))


def _union_hook(src: _Source, tp: Any) -> str:
    """The name of the hook that reads a value of the union ``tp``: by its ``kind`` tag, refusing any other."""
    members = _union_members(tp)
    if any(member in _building for member in members):
        return src.name("u", _lazy_structure_hook(tp))
    return src.name("u", cattrs_converter().get_structure_hook(tp))


def _member_hook(tp: type) -> Callable[[Any, Any], Any]:
    return _lazy_structure_hook(tp) if tp in _building else cattrs_converter().get_structure_hook(tp)


def _converts_text(field: attrs.Attribute[Any]) -> bool:
    """True when the field's converter is NFC on a text, an optional text or a tuple of texts."""
    tp = field.type
    function: Any = field.converter
    if function is nfc or function is nfc_or_none:
        return tp is str or _optional_inner(tp) is str
    return function is nfc_tuple and _tuple_item(tp) is str


def _own_validator(field: attrs.Attribute[Any]) -> Any:
    """The field's own validator, without the type check the model wraps it in.

    The generated code reads only values of the field's type, so the type check
    (:class:`parplan._values.TypeChecked`) has nothing to add there.
    """
    validator = field.validator
    return validator.inner if isinstance(validator, TypeChecked) else validator


def _inline_steps(field: attrs.Attribute[Any]) -> list[tuple[str, bool]]:
    """The converter and validator of ``field`` written out as code, each with whether it lets None through.

    NFC conversion of texts is not a step: it happens while the text is read.
    """
    steps: list[tuple[str, bool]] = []
    converter_function = field.converter
    if converter_function is not None and not _converts_text(field):
        conversion = _INLINE_CONVERTERS.get(converter_function)
        if conversion is None and _tuple_item(field.type) is not None and _keeps_tuples(converter_function):
            pass  # the generated code reads a tuple (and the default is one): converting it changes nothing
        elif conversion is None:
            steps.append(("{v} = {converter}({v})", False))
        elif conversion[0] == "nfc":
            steps.append((_NFC_LINE, conversion[1]))
        elif conversion[0] == "nfc_items":
            steps.append(("if {v}:\n    {v} = tuple([{nfc}(_x) for _x in {v}])", False))
    own = _own_validator(field)
    check = _INLINE_VALIDATORS.get(own)
    if check is not None:
        steps.append(check)
    elif _tuple_item(field.type) is str and _checks_identifiers(own):
        steps.append((_IDENTIFIER_ITEMS, False))
    return steps


def _emit_steps(src: _Source, field: attrs.Attribute[Any], v: str, indent: int, steps: list[tuple[str, bool]]) -> None:
    names = {"v": v, "nfc": "_nfc", "converter": "_conv"}
    if field.converter is not None and field.converter not in _INLINE_CONVERTERS:
        names["converter"] = src.name("c", field.converter)
    for code, _ in steps:
        src.add(indent, code.format(**names))


def _emit_field(src: _Source, field: attrs.Attribute[Any], v: str, *, direct: bool) -> None:
    """Emit the reading of one field into ``v``: presence, type, then converter and inline validator."""
    steps = _inline_steps(field) if direct else []
    inner = _optional_inner(field.type)
    validator: Any = _own_validator(field)
    not_blank = direct and (
        (validator is non_empty and field.type is str)
        or (validator is non_empty_or_none and str in (field.type, inner))
    )
    if not_blank:  # checked while the text is read
        steps = [step for step in steps if step != _INLINE_VALIDATORS[validator]]
    rule = _TextRule("_nfc_text" if direct and _converts_text(field) else "_text", not_blank)
    if _is_required(field):
        src.add(1, f"{v} = o.get({field.name!r}, _absent)\nif {v} is _absent: raise _Invalid\nn += 1")
        _emit_value(src, field.type, v, 1, rule)
    elif _takes_self(field):  # absent: the class computes it from the other fields
        src.add(1, f"{v} = _absent\nif {field.name!r} in o:\n    n += 1\n    {v} = o[{field.name!r}]")
        _emit_value(src, field.type, v, 2, rule)
    elif _default(field) is None and inner is not None:
        # absent, null or present: the steps that let None through run on present values only
        src.add(1, f"{v} = None\nif {field.name!r} in o:\n    n += 1\n    {v} = o[{field.name!r}]")
        src.add(2, f"if {v} is not None:")
        _emit_value(src, inner, v, 3, rule)
        _emit_steps(src, field, v, 3, [step for step in steps if step[1]])
        steps = [step for step in steps if not step[1]]
    else:
        default = _default(field)
        constant = repr(default) if default == () or default.__class__ in (int, str, bool) else None
        src.add(1, f"if {field.name!r} in o:\n    n += 1\n    {v} = o[{field.name!r}]")
        _emit_value(src, field.type, v, 2, rule)
        src.add(1, f"else:\n    {v} = {constant or src.name('d', default)}")
    if inner is not None and any(step[1] for step in steps):
        src.add(1, f"if {v} is not None:")
        _emit_steps(src, field, v, 2, [step for step in steps if step[1]])
        steps = [step for step in steps if not step[1]]
    _emit_steps(src, field, v, 1, steps)


def _generate_structure(cls: type) -> Callable[[Any, Any], Any]:
    """Generate the fast-pass hook of ``cls``: checks, conversions and validators written out inline.

    The hook stops at the first problem (any exception); :func:`structure` then
    runs the detailed pass, which builds through the class's own ``__init__``
    and reports every problem. The two agree because the generated code does
    what the attrs ``__init__`` does: converters (on given and default values),
    validators (those not written out here are called as attrs calls them),
    then ``__attrs_post_init__``. Instances are assembled slot by slot.
    """
    src = _Source(cls)
    fields = _fields(cls)
    direct = _builds_directly(cls)
    tag = TAGS.get(cls)
    src.add(0, f"def structure_{cls.__name__}(o, _=None):")
    src.add(1, "if o.__class__ is not dict: raise _Invalid")
    src.add(1, "n = 0")
    if tag is not None:
        src.add(1, f"if 'kind' in o:\n    if o['kind'] != {tag!r}: raise _Invalid\n    n = 1")
    generic: list[str] = []
    for index, field in enumerate(fields):
        _emit_field(src, field, f"v{index}", direct=direct)
        own = _own_validator(field)
        inline = own in _INLINE_VALIDATORS or (_tuple_item(field.type) is str and _checks_identifiers(own))
        if direct and own is not None and not inline:
            generic.append(f"{src.name('validator', own)}(self, {src.name('a', field)}, v{index})")
    src.add(1, "if n != len(o): raise _Invalid")
    if direct:
        src.add(1, "self = _new(cls)")
        for index, field in enumerate(fields):
            src.add(1, f"{src.name('s', _slot_setter(cls, field.name))}(self, v{index})")
        for line in generic:
            src.add(1, line)
        if hasattr(cls, "__attrs_post_init__"):
            src.add(1, "self.__attrs_post_init__()")
        src.add(1, "return self")
    else:
        given = [(index, field) for index, field in enumerate(fields) if not _takes_self(field)]
        arguments = ", ".join(f"{field.alias!r}: v{index}" for index, field in given)
        src.add(1, f"_kw = {{{arguments}}}")
        for index, field in enumerate(fields):
            if _takes_self(field):
                src.add(1, f"if v{index} is not _absent: _kw[{field.alias!r}] = v{index}")
        src.add(1, "return cls(**_kw)")
    namespace = src.namespace
    _compile(src.lines, f"structure {cls.__qualname__}", namespace)
    return namespace[f"structure_{cls.__name__}"]  # type: ignore[no-any-return]


def _compile(lines: list[str], what: str, namespace: dict[str, Any]) -> None:
    """Run generated source, registered with :mod:`linecache` so that tracebacks show its lines.

    As attrs does for the methods it writes: the file name is unique and says
    what the code is (``<parplan generated structure Plan>``).
    """
    text = "\n".join(lines) + "\n"
    filename = f"<parplan generated {what}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    exec(compile(text, filename, "exec"), namespace)  # noqa: S102 - generated from trusted class definitions only


# --- the detailed pass ------------------------------------------------------------------

_PRIMITIVES: dict[Any, Callable[[Any, Any], Any]] = {
    str: _str,
    int: _int,
    bool: _bool,
    Decimal: _decimal,
    date: _date,
    ReportingPeriod: _period,
}

_IDENTIFIER_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

MAX_DEPTH = 64
"""The deepest nesting of objects and arrays read by default: a plan needs about a dozen levels.

The plan object itself is level 1, ``$.tasks`` level 2, each task level 3 and
so on. :func:`structure` takes ``max_depth`` to change it.
"""

_CONTAINERS = (dict, list)


def nesting_depth(data: Any) -> int:
    """How many objects and arrays are open at the deepest point of JSON-like ``data`` (0 for a scalar).

    Iterative, so that any depth is measured without recursion.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        cls = value.__class__
        if cls is dict:
            value = value.values()
        elif cls is not list:
            continue
        deepest = max(deepest, level)
        stack.extend((item, level + 1) for item in value if item.__class__ in _CONTAINERS)
    return deepest


def too_deep(depth: int, limit: int) -> str:
    """The message of a document nested ``depth`` levels deep when at most ``limit`` are read."""
    return f"nested {depth} levels deep, deeper than the limit of {limit} levels"


_NESTING_LIMITS: dict[type, int] = {AdminUnit: len(AdminLevel), IndexNode: len(NodeKind)}
"""How many of each class that holds itself can nest, one in another, in a valid value.

A unit's parent is of a higher tier, so a chain holds at most one unit per tier;
an index node's children are one level below it, so a tree is at most as deep as
there are kinds of node.
"""


def depth_bound(cls: type) -> int:
    """The deepest nesting of objects and arrays that a valid document of ``cls`` can have.

    The fast pass cannot build anything deeper: when ``max_depth`` is at least
    this bound, :func:`structure` need not measure the depth of what it reads.
    """
    bound = _depth_bounds.get(cls)
    if bound is None:
        bound = _depth_bounds[cls] = _levels_of(cls, {})
    return bound


_depth_bounds: dict[type, int] = {}


def _levels_of(tp: Any, nested: dict[type, int]) -> int:
    """The deepest nesting of a valid value of ``tp``; ``nested`` counts the classes open around it."""
    inner = _optional_inner(tp)
    if inner is not None:
        return _levels_of(inner, nested)
    item = _tuple_item(tp)
    if item is not None:
        return 1 + _levels_of(item, nested)
    if _is_union(tp):
        return max(_levels_of(member, nested) for member in _union_members(tp))
    if not attrs.has(tp):
        return 0
    count = nested.get(tp, 0)
    if count:
        limit = _NESTING_LIMITS.get(tp)
        if limit is None:  # pragma: no cover - a guard for model changes
            raise TypeError(f"{tp.__name__} holds itself with no known bound on how deeply")
        if count >= limit:
            return 0  # the field that would hold one more is absent or empty
    nested[tp] = count + 1
    try:
        return 1 + max((_levels_of(field.type, nested) for field in _fields(tp)), default=0)
    finally:
        nested[tp] = count


def _key_path(path: str, key: object) -> str:
    if isinstance(key, str) and _IDENTIFIER_KEY.match(key):
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


class _Missing:
    """Marks a value that could not be structured."""


_MISSING = _Missing()


class _Found(list[Problem]):
    """The problems found so far, and the deepest nesting read (``limit``)."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit


def _check(value: Any, tp: Any, path: str, problems: _Found, depth: int) -> Any:
    """Structure ``value`` as ``tp``, recording every problem; _MISSING on failure.

    ``depth`` counts the objects and arrays around ``value``; an object or an
    array more than ``problems.limit`` levels deep is refused.
    """
    if depth >= problems.limit and value.__class__ in _CONTAINERS:
        problems.append(Problem(path=path, message=too_deep(depth + nesting_depth(value), problems.limit)))
        return _MISSING
    primitive = _PRIMITIVES.get(tp)
    if primitive is not None:
        return _checked(primitive, value, path, problems)
    if _is_enum(tp):
        return _checked(_enum_structure_hook(tp), value, path, problems)
    inner = _optional_inner(tp)
    if inner is not None:
        return None if value is None else _check(value, inner, path, problems, depth)
    item = _tuple_item(tp)
    if item is not None:
        if value.__class__ is not list:
            problems.append(Problem(path=path, message=f"expected an array, got {describe(value)}"))
            return _MISSING
        items = [_check(entry, item, f"{path}[{i}]", problems, depth + 1) for i, entry in enumerate(value)]
        return _MISSING if any(v is _MISSING for v in items) else tuple(items)
    if _is_union(tp):
        return _check_union(value, _union_members(tp), path, problems, depth)
    if attrs.has(tp):
        return _check_attrs(value, tp, path, problems, depth)
    raise TypeError(f"no structure rule for {tp!r}")  # pragma: no cover - every model type is covered


def _checked(hook: Callable[[Any, Any], Any], value: Any, path: str, problems: list[Problem]) -> Any:
    try:
        return hook(value, None)
    except _Invalid as error:
        problems.append(Problem(path=path, message=str(error.args[0])))
        return _MISSING


def _check_union(value: Any, members: tuple[type, ...], path: str, problems: _Found, depth: int) -> Any:
    if value.__class__ is not dict:
        problems.append(Problem(path=path, message=f"expected an object, got {describe(value)}"))
        return _MISSING
    by_tag = {TAGS[m]: m for m in members}
    default = next((TAGS[m] for m in members if m in _DEFAULT_TAG), None)
    tag = value.get("kind", default)
    if tag is None:
        problems.append(
            Problem(path=f"{path}.kind", message=f"required field is missing; expected one of {_quoted(by_tag)}")
        )
        return _MISSING
    cls = by_tag.get(tag) if tag.__class__ is str else None
    if cls is None:
        problems.append(Problem(path=f"{path}.kind", message=f"expected one of {_quoted(by_tag)}, got {describe(tag)}"))
        return _MISSING
    return _check_attrs(value, cls, path, problems, depth)


def _quoted(names: Any) -> str:
    return ", ".join(repr(name) for name in names)


def _check_keys(value: dict[str, Any], cls: type, names: set[str], path: str, problems: list[Problem]) -> bool:
    """Record unknown keys and a wrong ``kind``; True when all keys are fine."""
    tag = TAGS.get(cls)
    fine = True
    for key, item in value.items():
        if key in names:
            continue
        if key == "kind" and tag is not None:
            if item != tag:
                problems.append(Problem(path=_key_path(path, key), message=f"expected {tag!r}, got {describe(item)}"))
                fine = False
            continue
        hint = difflib.get_close_matches(str(key), sorted(names), n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        problems.append(Problem(path=_key_path(path, key), message=f"unknown field{suggestion}"))
        fine = False
    return fine


def _check_attrs(value: Any, cls: type, path: str, problems: _Found, depth: int) -> Any:
    if value.__class__ is not dict:
        problems.append(Problem(path=path, message=f"expected an object, got {describe(value)}"))
        return _MISSING
    start = len(problems)
    fields = _fields(cls)
    failed = not _check_keys(value, cls, {field.name for field in fields}, path, problems)
    kwargs: dict[str, Any] = {}
    ends: dict[str, int] = {}
    for field in fields:
        name = field.name
        field_path = _key_path(path, name)
        if name not in value:
            if _is_required(field):
                problems.append(Problem(path=field_path, message="required field is missing"))
                failed = True
            continue
        result = _check(value[name], field.type, field_path, problems, depth + 1)
        ends[name] = len(problems)
        if result is _MISSING:
            failed = True
        else:
            kwargs[name] = result
    first: Problem | None = None
    if not failed:
        try:
            return cls(**kwargs)
        except InvariantError as error:
            first = Problem(path=_invariant_path(path, cls, error), message=_invariant_message(error))
    _merge(problems[start:], problems, _check_fields_alone(cls, value, kwargs, path), ends, first)
    return _MISSING


def _merge(
    own: list[Problem],
    problems: list[Problem],
    found: list[tuple[str, Problem]],
    ends: dict[str, int],
    first: Problem | None,
) -> None:
    """Insert each field's own problems after the problems already found in that field; ``first`` last.

    A problem already among ``own`` (those found in this object) is not repeated;
    problems of other objects have other paths, so they need no comparing, and a
    document with many broken objects is reported in time linear in their number.
    """
    if not found and first is None:
        return
    seen = set(own)
    inserted = 0
    for name, problem in found:
        if problem not in seen:
            problems.insert(ends[name] + inserted, problem)
            seen.add(problem)
            inserted += 1
    if first is not None and first not in seen:
        problems.append(first)


def _check_fields_alone(
    cls: type, value: dict[str, Any], kwargs: dict[str, Any], path: str
) -> list[tuple[str, Problem]]:
    """The problems of each field that was read, found by its own validator, when ``cls`` cannot be built.

    A class stops at its first broken field, and cannot be built at all when a
    field has the wrong type: the other fields' problems are still worth
    reporting (each after the problems of its own field, in document order).
    Validators that need a field that could not be read are skipped.
    """
    fields = _fields(cls)
    probe: Any = object.__new__(cls)
    for field in fields:
        name = field.name
        if name in kwargs:
            converter = field.converter
            object.__setattr__(probe, name, converter(kwargs[name]) if callable(converter) else kwargs[name])
        elif name not in value and not _is_required(field):
            object.__setattr__(probe, name, _default(field, probe))
    found: list[tuple[str, Problem]] = []
    for field in fields:
        name = field.name
        validator = field.validator
        if validator is None or name not in kwargs:
            continue
        try:
            validator(probe, field, getattr(probe, name))
        except InvariantError as error:
            message = _invariant_message(error)
            found.append((name, Problem(path=_key_path(path, name), message=message)))
        except AttributeError:  # the validator needs a field that could not be read
            pass
    return found


def _invariant_path(path: str, cls: type, error: InvariantError) -> str:
    owner, _, attribute = error.field.partition(".")
    if owner == cls.__name__ and attribute and attribute in {f.name for f in _fields(cls)}:
        return _key_path(path, attribute)
    return path


def _invariant_message(error: InvariantError) -> str:
    if error.value is NO_VALUE:
        return error.message
    return f"{error.message}, got {_show(error.value)}"


def _show(value: object) -> str:
    if isinstance(value, str):
        return describe(value)
    return repr(value)


# --- public structuring entry point -----------------------------------------------------


def structure(
    data: Any, cls: type[Any], *, source: str | None = None, max_depth: int = MAX_DEPTH, fast: bool = True
) -> Any:
    """Build a ``cls`` from JSON-like ``data``; raise :class:`PlanFormatError` listing every problem.

    Objects and arrays nested more than ``max_depth`` levels deep are refused
    with the path where the limit was passed. With ``fast`` false the detailed
    pass alone builds the value: the same value, without generating the fast
    pass first.
    """
    _warm()
    fast_failure: Exception | None = None
    # The fast pass always validates, as the classes normally do, and builds nothing deeper than depth_bound.
    if fast and not attrs.validators.get_disabled() and max_depth >= depth_bound(cls):
        try:
            return cattrs_converter().structure(data, cls)
        except FAST_FAILURES as error:  # the detailed pass says what is wrong, and where
            fast_failure = error
    problems = _Found(max_depth)
    try:
        result = _check(data, cls, "$", problems, 0)
    except RecursionError:  # only when max_depth is beyond what Python's stack can follow
        problems[:] = [Problem(path="$", message=f"nested {nesting_depth(data)} levels deep, too deep to follow")]
        result = _MISSING
    if problems:
        raise PlanFormatError(problems, source=source) from None
    if fast_failure is None and result is not _MISSING:
        return result
    if result is _MISSING:  # pragma: no cover - a failed check always records a problem
        problems.append(Problem(path="$", message="not a valid document"))
    # The detailed pass accepted what the fast pass refused: report the fast pass's reason.
    raise PlanFormatError([Problem(path="$", message=f"{type(fast_failure).__name__}: {fast_failure}")], source=source)


# --- unstructure (canonical form) -------------------------------------------------------


def _unstructure_decimal(value: Decimal) -> str:
    text = format(value, "f")
    return "0" if text == "-0" else text


def _identity(value: Any) -> Any:
    return value


def _enum_value(value: Enum) -> Any:
    return value.value


_PRIMITIVE_DUMPERS: dict[Any, Callable[[Any], Any]] = {
    str: _identity,
    int: _identity,
    bool: _identity,
    Decimal: _unstructure_decimal,
    date: date.isoformat,
    ReportingPeriod: str,
}


def _simple_dumper(tp: Any) -> str | None:
    """An expression template for a value of ``tp`` named ``{v}``, or None for nested types."""
    if tp is str or tp is int or tp is bool:
        return "{v}"
    if tp is Decimal:
        return "_dec({v})"
    if tp is date:
        return "{v}.isoformat()"
    if tp is ReportingPeriod:
        return "str({v})"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "{v}.value"
    return None


def _dumper(tp: Any) -> Callable[[Any], Any]:
    """A function that unstructures a value of ``tp``."""
    primitive = _PRIMITIVE_DUMPERS.get(tp)
    if primitive is not None:
        return primitive
    if _is_enum(tp):
        return _enum_value
    inner = _optional_inner(tp)
    if inner is not None:
        inner_dump = _dumper(inner)
        return lambda v: None if v is None else inner_dump(v)
    item = _tuple_item(tp)
    if item is not None:
        if item is str:
            return list
        item_dump = _dumper(item)
        return lambda v: [item_dump(x) for x in v]
    if _is_union(tp):
        dumps = {m: cattrs_converter().get_unstructure_hook(m) for m in _union_members(tp)}
        return lambda v: dumps[v.__class__](v)
    if attrs.has(tp):
        return cattrs_converter().get_unstructure_hook(tp)
    raise TypeError(f"no unstructure rule for {tp!r}")  # pragma: no cover - every model type is covered


def _attrs_unstructure_factory(cls: type) -> Callable[[Any], dict[str, Any]]:
    _building.add(cls)
    try:
        return _generate_unstructure(cls)
    finally:
        _building.discard(cls)


def _lazy_dumper(tp: Any) -> Callable[[Any], Any]:
    def unstructure_lazily(value: Any) -> Any:
        return _dumper(tp)(value)

    return unstructure_lazily


def _dump_expression(tp: Any, inner: Any, value: str, index: int, namespace: dict[str, Any]) -> str:
    """The expression writing ``value`` of type ``tp`` (``inner`` when it is optional)."""
    simple = _simple_dumper(tp)
    if simple is not None:
        return simple.format(v=value)
    if inner is not None:
        simple = _simple_dumper(inner)
        if simple is not None:
            return simple.format(v=value)
        tp = inner
    namespace[f"u{index}"] = _lazy_dumper(tp) if _refers_to_building(tp) else _dumper(tp)
    return f"u{index}({value})"


def _generate_unstructure(cls: type) -> Callable[[Any], dict[str, Any]]:
    namespace: dict[str, Any] = {"_dec": _unstructure_decimal}
    lines = ["def unstructure(o):"]
    tag = TAGS.get(cls)
    if tag is not None and cls not in _DEFAULT_TAG:
        lines.append(f"    d = {{'kind': {tag!r}}}")
    else:
        lines.append("    d = {}")
    for index, field in enumerate(_fields(cls)):
        name = field.name
        tp = field.type
        value = f"o.{name}"
        inner = _optional_inner(tp)
        expression = _dump_expression(tp, inner, value, index, namespace)
        if _is_required(field):
            if inner is not None:  # a required field that may hold None (a reading with no plan)
                lines.append(f"    d[{name!r}] = None if {value} is None else {expression}")
            else:
                lines.append(f"    d[{name!r}] = {expression}")
            continue
        if _takes_self(field):  # written only when it differs from what the other fields give
            namespace[f"d{index}"] = field.default.factory  # type: ignore[union-attr]
            lines.append(f"    if {value} != d{index}(o):")
            lines.append(f"        d[{name!r}] = {expression}")
            continue
        default = _default(field)
        if default is None:
            lines.append(f"    if {value} is not None:")
        elif default == ():
            lines.append(f"    if {value}:")
        else:
            namespace[f"d{index}"] = default
            lines.append(f"    if {value} != d{index}:")
        lines.append(f"        d[{name!r}] = {expression}")
    lines.append("    return d")
    _compile(lines, f"unstructure {cls.__qualname__}", namespace)
    return namespace["unstructure"]  # type: ignore[no-any-return]


def unstructure(obj: Any) -> Any:
    """The canonical JSON-like form of a model object."""
    return cattrs_converter().unstructure(obj)


def _reachable(tp: Any, seen: set[Any]) -> None:
    if tp in seen:
        return
    seen.add(tp)
    if attrs.has(tp):
        for field in _fields(tp):
            _reachable(field.type, seen)
    for arg in typing.get_args(tp):
        _reachable(arg, seen)


_warmed: set[type] = set()


def _warm(*roots: type) -> None:
    """Give every enum reachable from ``roots`` its exact hook, once per root, before their first use.

    A ``StrEnum`` is a ``str``, so without its own hook the converter would read
    it as a plain string. Nothing is generated at import: the hooks of a class
    are generated the first time a value of it is read or written.
    """
    for root in roots or (Plan, IndexFramework, Indicator):
        if root in _warmed:
            continue
        seen: set[Any] = set()
        _reachable(root, seen)
        for tp in seen:
            if _is_enum(tp):
                _enum_structure_hook(tp)
        _warmed.add(root)
