"""Small value helpers shared by the model classes: NFC text and validators.

Vietnamese text is stored as written, in Unicode NFC. The converters here turn
NFD or mixed input into NFC (a canonically equivalent form, so nothing is lost)
and leave NFC strings untouched, returning the very same object.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

from parplan.errors import InvariantError

EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, for labels and dates written without a locale library."""

_is_normalized = unicodedata.is_normalized
_normalize = unicodedata.normalize


def nfc(value: str) -> str:
    """Return ``value`` in NFC (the same object when it already is).

    Anything that is not a ``str`` is returned unchanged, for the type check of
    the field to refuse with the field's name.
    """
    if value.__class__ is not str:
        return value
    if value.isascii() or _is_normalized("NFC", value):
        return value
    return _normalize("NFC", value)


def nfc_or_none(value: str | None) -> str | None:
    """:func:`nfc` that lets ``None`` through."""
    return None if value is None else nfc(value)


def _refused_as_sequence(values: object) -> bool:
    """True for what a sequence field must not take apart: text, bytes, mappings and non-iterables."""
    return isinstance(values, str | bytes | bytearray | Mapping) or not isinstance(values, Iterable)


def nfc_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple of NFC strings from any iterable of strings (anything else is left for the type check)."""
    if values.__class__ is not tuple and values.__class__ is not list and _refused_as_sequence(values):
        return values  # type: ignore[return-value]  # refused by the field's type check, with its name
    return tuple([nfc(v) for v in values])


def to_frozenset(values: Iterable[Any]) -> frozenset[Any]:
    """A frozenset from any iterable of hashable values (anything else is left for the type check)."""
    if type(values) is frozenset:
        return values
    if _refused_as_sequence(values):
        return values  # type: ignore[return-value]  # refused by the field's type check, with its name
    items = tuple(values)
    try:
        return frozenset(items)
    except TypeError:  # an unhashable item: the type check names the field
        return items  # type: ignore[return-value]


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple from any iterable (lists given by callers become tuples; anything else is left for the type check)."""
    if type(values) is tuple:
        return values
    if type(values) is not list and _refused_as_sequence(values):
        return values  # type: ignore[return-value]  # refused by the field's type check, with its name
    return tuple(values)


_NOTHING_FOR_NONE: set[Any] = set()
"""Validators that do nothing with None (see :func:`lets_none_through`)."""


def lets_none_through(validator: Any) -> Any:
    """Mark a field validator that accepts None without looking further, so the type check skips it for None."""
    _NOTHING_FOR_NONE.add(validator)
    return validator


def field_name(instance: object, attribute: Any) -> str:
    """``Class.field`` for error messages."""
    return f"{type(instance).__name__}.{attribute.name}"


def non_empty(instance: object, attribute: Any, value: str) -> None:
    """Validator: a string with at least one non-space character."""
    if not value.strip():
        raise InvariantError(field_name(instance, attribute), value, "must not be empty")


@lets_none_through
def non_empty_or_none(instance: object, attribute: Any, value: str | None) -> None:
    """Validator: ``None`` or a non-empty string."""
    if value is not None and not value.strip():
        raise InvariantError(field_name(instance, attribute), value, "must be absent or not empty")


def non_empty_items(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    """Validator: every string in a tuple is non-empty."""
    for item in value:
        if not item.strip():
            raise InvariantError(field_name(instance, attribute), value, "must not hold empty strings")


_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]*\Z")


def identifier(instance: object, attribute: Any, value: str) -> None:
    """Validator: a stable identifier (letters, digits and ``. _ : / -``)."""
    if not _IDENTIFIER.match(value):
        raise InvariantError(
            field_name(instance, attribute),
            value,
            "must be an identifier of ASCII letters, digits and '._:/-', starting with a letter or digit",
        )


@lets_none_through
def identifier_or_none(instance: object, attribute: Any, value: str | None) -> None:
    """Validator: ``None`` or an identifier."""
    if value is not None:
        identifier(instance, attribute, value)


MAX_INT: Final = 10**18
"""The largest whole number (either way) a model field holds: a count, a rank, a line, an amount of đồng.

Every such number fits a 64-bit integer, a spreadsheet cell and a JSON
reader of any language exactly, and formats without rounding.
"""
DECIMAL_DIGITS: Final = 15
"""The most digits a decimal (a score, a percentage, a target's value) has before its point."""
DECIMAL_PLACES: Final = 12
"""The most digits a decimal has after its point; with :data:`DECIMAL_DIGITS` it stays within the
28 significant digits of Python's decimal arithmetic, so that every operation and format is exact."""


def is_bounded_decimal(value: Decimal) -> bool:
    """True for a finite decimal small enough to keep exact.

    At most :data:`DECIMAL_DIGITS` digits before its point and :data:`DECIMAL_PLACES` after it.
    """
    if not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    return value.adjusted() < DECIMAL_DIGITS and isinstance(exponent, int) and exponent >= -DECIMAL_PLACES


def finite_decimal(instance: object, attribute: Any, value: Decimal) -> None:
    """Validator: a finite Decimal (no NaN, no infinity) of bounded size (see :func:`is_bounded_decimal`)."""
    if not isinstance(value, Decimal):  # a float or a string given in Python: say so rather than fail on it
        raise InvariantError(field_name(instance, attribute), value, "must be an exact number (a Decimal)")
    if not value.is_finite():
        raise InvariantError(field_name(instance, attribute), value, "must be a finite number")
    if not is_bounded_decimal(value):
        raise InvariantError(
            field_name(instance, attribute),
            value if len(str(value)) <= 60 else "a huge number",
            f"must have at most {DECIMAL_DIGITS} digits before the point and {DECIMAL_PLACES} after it",
        )


@lets_none_through
def finite_decimal_or_none(instance: object, attribute: Any, value: Decimal | None) -> None:
    """Validator: ``None`` or a finite Decimal."""
    if value is not None:
        finite_decimal(instance, attribute, value)


FIRST_YEAR: Final = 1945
"""The first year a document, a plan or a target may name: the year the Vietnamese state was founded."""
LAST_YEAR: Final = 2200
"""The last year a document, a plan or a target may name: far beyond any plan, near enough to catch typos."""
FIRST_PERIOD_YEAR: Final = 1900
"""The first year of a reporting period (periods may name the years a baseline comes from)."""
YEARS_EXPECTED: Final = f"a year between {FIRST_YEAR} and {LAST_YEAR}"
"""What a parser expected where a year is out of bounds."""


def is_year(value: int) -> bool:
    """True for a year a document may name (:data:`FIRST_YEAR` to :data:`LAST_YEAR`)."""
    return FIRST_YEAR <= value <= LAST_YEAR


def check_year(value: object, where: str = "year") -> int:
    """``value`` when it is an ``int`` year a document may name; :class:`InvariantError` naming ``where`` otherwise."""
    if not isinstance(value, int) or value.__class__ is not int or not is_year(value):
        raise InvariantError(where, value, f"must be {YEARS_EXPECTED}")
    return value


def year_range(instance: object, attribute: Any, value: int) -> None:
    """Validator: a plausible year of a Vietnamese document (:data:`FIRST_YEAR`-:data:`LAST_YEAR`)."""
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvariantError(field_name(instance, attribute), value, f"must be {YEARS_EXPECTED}")


@lets_none_through
def year_range_or_none(instance: object, attribute: Any, value: int | None) -> None:
    """Validator: ``None`` or a plausible year."""
    if value is not None:
        year_range(instance, attribute, value)


def positive_int(instance: object, attribute: Any, value: int) -> None:
    """Validator: an integer of at least 1."""
    if value < 1:
        raise InvariantError(field_name(instance, attribute), value, "must be at least 1")


@lets_none_through
def positive_int_or_none(instance: object, attribute: Any, value: int | None) -> None:
    """Validator: ``None`` or an integer of at least 1."""
    if value is not None:
        positive_int(instance, attribute, value)


def ordered_dates(owner: str, start: date | None, end: date | None) -> None:
    """Raise when both dates are known and ``start`` comes after ``end``."""
    if start is not None and end is not None and start > end:
        raise InvariantError(f"{owner}.start", start.isoformat(), f"must not be after the end {end.isoformat()}")


# --- types checked when a value is built ---------------------------------------------------


class TypeChecked:
    """A field validator that first checks the value's type, from the field's annotation, then runs ``inner``.

    Model classes are declared with ``field_transformer=typed_fields``, which wraps
    every field's validator in one of these: ``Plan(tasks=["x"])``,
    ``Before(day="2026-01-01")`` or ``Task(area="the_che")`` is refused when it is
    built, with an :class:`InvariantError` naming ``Class.field``, what was expected
    and the value. The check is shallow (the items of a tuple are checked for their
    class; each item checked itself when it was built) and is derived from the
    annotation the first time the field is validated (see :func:`_predicate`). The
    file converter builds values it has already type-checked and runs only ``inner``.
    """

    __slots__ = ("check", "inner")

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.check: Any = None

    def __call__(self, instance: object, attribute: Any, value: object) -> None:
        # The first call compiles the check and moves the validator to the class that runs it
        # (without a test for the missing check, and without the inner validator when there is none).
        self.check = check = _checker(type(instance), attribute)
        if check(None) and (self.inner is None or self.inner in _NOTHING_FOR_NONE):
            self.__class__ = _OptionalCheckedOnly if self.inner is None else _OptionalChecked
        else:
            self.__class__ = _CheckedOnly if self.inner is None else _Checked
        self(instance, attribute, value)

    def __repr__(self) -> str:
        return f"TypeChecked({self.inner!r})"


class _Checked(TypeChecked):
    """A :class:`TypeChecked` whose check is compiled, with an inner validator."""

    __slots__ = ()

    def __call__(self, instance: object, attribute: Any, value: object) -> None:
        if not self.check(value):
            _refuse(instance, attribute, value)
        self.inner(instance, attribute, value)


class _CheckedOnly(TypeChecked):
    """A :class:`TypeChecked` whose check is compiled, without an inner validator."""

    __slots__ = ()

    def __call__(self, instance: object, attribute: Any, value: object) -> None:
        if not self.check(value):
            _refuse(instance, attribute, value)


class _OptionalChecked(TypeChecked):
    """A :class:`TypeChecked` of a field that may hold None, whose inner validator lets None through."""

    __slots__ = ()

    def __call__(self, instance: object, attribute: Any, value: object) -> None:
        if value is None:
            return
        if not self.check(value):
            _refuse(instance, attribute, value)
        self.inner(instance, attribute, value)


class _OptionalCheckedOnly(TypeChecked):
    """A :class:`TypeChecked` of a field that may hold None, without an inner validator."""

    __slots__ = ()

    def __call__(self, instance: object, attribute: Any, value: object) -> None:
        if value is not None and not self.check(value):
            _refuse(instance, attribute, value)


def _refuse(instance: object, attribute: Any, value: object) -> None:
    raise InvariantError(field_name(instance, attribute), _shown(value), f"must be {_expected(attribute.type)}")


def typed_fields(_cls: type, fields: list[Any]) -> list[Any]:
    """An attrs ``field_transformer``: every field's validator checks the field's type first."""
    return [field.evolve(validator=TypeChecked(field.validator)) for field in fields]


def _shown(value: object) -> object:
    """The value as an error shows it: itself when small, else its type's name."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an int of about {int(value.bit_length() * 0.30103) + 1} digits"
    if value is None or isinstance(value, bool | int | float | str | Decimal | date):
        if isinstance(value, str) and len(value) > 60:
            return value[:57] + "..."
        return value
    if isinstance(value, list | tuple) and len(value) <= 4 and all(isinstance(v, str | int) for v in value):
        return value
    return f"a {type(value).__name__}"


def _resolved_type(cls: type, attribute: Any) -> Any:
    import attrs

    attrs.resolve_types(cls)
    return attrs.fields_dict(cls)[attribute.name].type


def _checker(cls: type, attribute: Any) -> Any:
    return _predicate(_resolved_type(cls, attribute))


def _anything(_: object) -> bool:
    return True


def _is_none(value: object) -> bool:
    return value is None


def _is_int(value: Any) -> bool:
    return value.__class__ is int and -MAX_INT <= value <= MAX_INT


def _is_bool(value: object) -> bool:
    return value is True or value is False


def _is_str(value: object) -> bool:
    return value.__class__ is str


def _is_date(value: object) -> bool:
    return value.__class__ is date


_EXACT: dict[Any, Any] = {int: _is_int, bool: _is_bool, str: _is_str, date: _is_date}
"""Types whose values must be of the very class: a bool is not an int, a datetime is not a date."""
_BY_CLASS = frozenset({str, date})
"""The exact types tested by the value's ``__class__``, which a union tests at once."""


def _predicate(tp: Any) -> Any:
    """A function telling whether a value is of the annotated type ``tp`` (shallowly).

    Built once per field from closures shaped for the annotation: ``str | None``
    tests ``value is None or value.__class__ is str``, a union of classes makes one
    ``isinstance(value, (A, B))``, a tuple of classes loops over its items with
    ``isinstance``; only unions of other kinds try their parts in turn.
    """
    check = _part(tp)
    return _anything if check is None else check


def _part(tp: Any) -> Any:
    """The predicate of ``tp``, or None when any value is accepted."""
    import typing
    from enum import Enum
    from types import NoneType, UnionType

    if tp is Any:
        return None
    if tp is NoneType:
        return _is_none
    exact = _EXACT.get(tp)
    if exact is not None:
        return exact
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is UnionType:
        return _union(typing.get_args(tp))
    if origin is tuple or origin is frozenset:
        return _collection(origin, typing.get_args(tp))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _instance_of(tp)
    if isinstance(tp, type) and getattr(tp, "_is_protocol", False) and not getattr(tp, "_is_runtime_protocol", False):
        return None  # a protocol that cannot be checked at run time: left to the validators
    if isinstance(tp, type):
        return _instance_of(tp)
    return None  # an alias the check cannot see through: left to the validators


def _instance_of(classes: type | tuple[type, ...]) -> Any:
    def check(value: object) -> bool:
        return isinstance(value, classes)

    check.classes = classes  # type: ignore[attr-defined]  # read by _union, which merges them
    return check


def _union(args: tuple[Any, ...]) -> Any:
    """Any of ``args``: plain classes in one ``isinstance``, exact text and dates by their class, the rest in turn."""
    from types import NoneType

    checks = [_part(arg) for arg in args]
    if any(check is None for check in checks):
        return None
    by_class = [arg for arg in args if arg in _BY_CLASS]
    classes: list[type] = []
    others: list[Any] = []
    for arg, check in zip(args, checks, strict=True):
        if arg is NoneType or arg in _BY_CLASS:
            continue
        if hasattr(check, "classes"):
            classes.extend(check.classes if isinstance(check.classes, tuple) else [check.classes])
        else:
            others.append(check)
    if classes:
        others.append(_instance_of(classes[0] if len(classes) == 1 else tuple(classes)))
    if len(by_class) == 1:
        others.append(_EXACT[by_class[0]])
    elif by_class:
        exact = frozenset(by_class)
        others.append(lambda value: value.__class__ in exact)
    one = others[0] if len(others) == 1 else _any_of(others)
    return _none_or(one) if NoneType in args else one


def _none_or(check: Any) -> Any:
    if hasattr(check, "classes"):  # the common optional field: None or an instance of some classes
        classes = check.classes

        def none_or_instance(value: object) -> bool:
            return value is None or isinstance(value, classes)

        return none_or_instance
    if check is _is_str:
        return lambda value: value is None or value.__class__ is str
    if check is _is_int:
        return lambda value: value is None or (value.__class__ is int and -MAX_INT <= value <= MAX_INT)
    if check is _is_date:
        return lambda value: value is None or value.__class__ is date
    return lambda value: value is None or check(value)


def _any_of(checks: list[Any]) -> Any:
    parts = tuple(checks)

    def any_of(value: object) -> bool:
        for part in parts:  # noqa: SIM110 - a loop, not a generator made at every call
            if part(value):
                return True
        return False

    return any_of


def _collection(origin: type, args: tuple[Any, ...]) -> Any:
    """A tuple or frozenset (the very class) whose items, when typed, each hold the item type."""
    typed = bool(args) and (origin is frozenset or args[-1] is Ellipsis)
    item = _part(args[0]) if typed else None
    if item is None:
        return lambda value: value.__class__ is origin
    if hasattr(item, "classes"):
        return _of_instances(origin, item.classes)
    if item is _is_str:
        return _of_texts(origin)
    return _of_items(origin, item)


def _of_instances(origin: Any, classes: type | tuple[type, ...]) -> Any:
    """Items that are instances of some classes: tested without a call per item."""

    def of_instances(value: Any) -> bool:
        if value.__class__ is not origin:
            return False
        for one in value:  # noqa: SIM110 - a loop, not a generator made at every call
            if not isinstance(one, classes):
                return False
        return True

    return of_instances


def _of_texts(origin: Any) -> Any:
    """Items that are of the very class str."""

    def of_texts(value: Any) -> bool:
        if value.__class__ is not origin:
            return False
        for one in value:  # noqa: SIM110 - a loop, not a generator made at every call
            if one.__class__ is not str:
                return False
        return True

    return of_texts


def _of_items(origin: Any, item: Any) -> Any:
    """Items that each pass ``item``."""

    def of_items(value: Any) -> bool:
        if value.__class__ is not origin:
            return False
        for one in value:  # noqa: SIM110 - a loop, not a generator made at every call
            if not item(one):
                return False
        return True

    return of_items


def _expected(tp: Any) -> str:
    import typing
    from types import NoneType, UnionType

    if isinstance(tp, str):
        return tp
    if tp is NoneType:
        return "None"
    if tp is date:
        return "a date (datetime.date, not a datetime or a string)"
    if tp is str:
        return "a str"
    if tp is int:
        return "an int between -10^18 and 10^18"
    if tp is bool:
        return "True or False"
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is UnionType:
        args = typing.get_args(tp)
        names = [_expected(arg) for arg in args if arg is not NoneType]
        text = " or ".join(names) if len(names) <= 3 else ", ".join(names[:-1]) + " or " + names[-1]
        return f"{text} or None" if NoneType in args else text
    if origin is tuple:
        args = typing.get_args(tp)
        inner = _expected(args[0]) if args else "items"
        return f"a sequence of {inner.removeprefix('a ').removeprefix('an ')} (kept as a tuple)"
    if origin is frozenset:
        return f"a frozenset of {_expected(typing.get_args(tp)[0])}"
    name = getattr(tp, "__name__", str(tp))
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def nfc_text(value: Any) -> Any:
    """:func:`nfc` for a string; any other value unchanged, so that the field's validator refuses it by name.

    ``nfc(3)`` fails with an ``AttributeError``; a field converted with
    ``nfc_text`` lets its validator raise :class:`InvariantError` naming the field.
    """
    return nfc(value) if value.__class__ is str else value


def nfc_texts(value: Any) -> Any:
    """A tuple of NFC strings from a list or tuple, other items kept for the validator; anything else unchanged."""
    if value.__class__ is tuple or value.__class__ is list:
        return tuple([nfc(item) if item.__class__ is str else item for item in value])
    return value
