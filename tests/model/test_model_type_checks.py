"""The type checks every model class runs when built, built once from the fields' annotations.

A field's annotation becomes a predicate shaped for it (``str | None`` tests
``value is None or value.__class__ is str``, a union of classes one
``isinstance``, a tuple of classes a loop over its items). These tests hold the
predicates to the plain reading of the annotations: a bool is not an int, a
datetime is not a date, whole numbers stay within ±10^18, a tuple's items are
each checked, and the error names the field.
"""

from __future__ import annotations

import importlib
import pkgutil
import typing
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from types import NoneType, UnionType
from typing import Any, Protocol

import attrs
import pytest

import parplan
from parplan import Certainty, FieldSource, InvariantError, SourceLocation
from parplan._values import MAX_INT, TypeChecked, _predicate, positive_int_or_none, typed_fields
from parplan.errors import NO_VALUE
from parplan.org import CollectiveParty, JointParty, Organisation
from parplan.timeframes import Before


class Colour(Enum):
    RED = 1


class Size(StrEnum):
    SMALL = "small"


class Opaque(Protocol):
    def shape(self) -> str: ...


class Base:
    pass


class Derived(Base):
    pass


MOMENT = datetime(2024, 1, 5, tzinfo=UTC)
DAY = date(2024, 1, 5)

CASES: list[tuple[str, Any, tuple[object, ...], tuple[object, ...]]] = [
    # (what the case shows, annotation, values accepted, values refused)
    ("a bool is not an int", int, (0, -7, MAX_INT, -MAX_INT), (True, False, 1.0, "1", None)),
    ("whole numbers are bounded", int | None, (None, MAX_INT, -MAX_INT), (MAX_INT + 1, -MAX_INT - 1, 10**40)),
    ("an int is not a bool", bool, (True, False), (1, 0, None)),
    ("a union of int and bool takes both", int | bool, (True, 3), (1.0, None)),
    ("a datetime is not a date", date, (DAY,), (MOMENT, "2024-01-05", None)),
    ("an optional date", date | None, (DAY, None), (MOMENT,)),
    ("a Decimal, not a float or text", Decimal, (Decimal("0.5"),), (0.5, "0.5", 1, None)),
    ("an optional Decimal", Decimal | None, (Decimal("0.5"), None), (0.5, True)),
    ("text is the very class str", str | None, ("a", "", None), (b"a", 1, Size.SMALL)),
    ("an enum takes its members", Colour, (Colour.RED,), (1, "RED", None)),
    ("an optional text enum", Size | None, (Size.SMALL, None), ("small", Colour.RED)),
    ("a class takes its subclasses", Base, (Base(), Derived()), (None, object())),
    ("a subclass is not its base", Derived, (Derived(),), (Base(),)),
    (
        "a union of classes and exact types",
        Colour | Base | str | None,
        (Colour.RED, Derived(), "x", None),
        (1, True, Decimal(1), DAY, ()),
    ),
    ("a tuple checks every item", tuple[str | int, ...], ((), ("a", 1)), (("a", 1.5), ("a", True), ["a", 1], "a1")),
    ("a tuple of bounded ints", tuple[int, ...], ((MAX_INT,),), ((1, MAX_INT + 1), (1, True))),
    (
        "a tuple of unions of classes",
        tuple[Base | Colour | None, ...],
        ((Derived(), None, Colour.RED),),
        ((Derived(), "x"),),
    ),
    ("a tuple of dates", tuple[date, ...], ((DAY,),), ((DAY, MOMENT),)),
    ("tuples in tuples", tuple[tuple[date, ...], ...] | None, (None, ((DAY,), ())), (((MOMENT,),), [()])),
    ("a fixed shape checks the class only", tuple[int, str], ((1, "a"), ("a", 1)), ([1, "a"],)),
    ("a frozenset of text", frozenset[str], (frozenset({"a"}),), ({"a"}, frozenset({1}))),
    ("a frozenset of bounded ints", frozenset[int], (frozenset({MAX_INT}),), (frozenset({MAX_INT + 1}),)),
    ("a frozenset of dates", frozenset[date], (frozenset({DAY}),), (frozenset({MOMENT}),)),
    ("anything", Any, (object(), None), ()),
    ("a protocol is left to the validators", Opaque, (1, None), ()),
    ("a union with anything is anything", str | Any, (1, None), ()),
    ("a literal is left to the validators", typing.Literal["a"], ("b",), ()),
    ("a tuple of anything", tuple[Any, ...] | None, ((1, "a"), None), ([1],)),
]


@pytest.mark.parametrize(("annotation", "accepted", "refused"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_compiled_checks(annotation: Any, accepted: tuple[object, ...], refused: tuple[object, ...]) -> None:
    check = _predicate(annotation)
    assert [value for value in accepted if not check(value)] == []
    assert [value for value in refused if check(value)] == []


# -- the compiled checks against the plain reading of every model field's annotation ---------------


def _plain(tp: Any) -> Any:
    """The annotation read the plain way, one part at a time."""
    if tp is Any:
        return lambda _: True
    if tp is NoneType:
        return lambda value: value is None
    if tp is int:
        return lambda value: type(value) is int and -MAX_INT <= value <= MAX_INT
    if tp is bool:
        return lambda value: type(value) is bool
    if tp in (str, date):
        return lambda value: type(value) is tp
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is UnionType:
        parts = [_plain(arg) for arg in typing.get_args(tp)]
        return lambda value: any(part(value) for part in parts)
    if origin in (tuple, frozenset):
        args = typing.get_args(tp)
        typed = bool(args) and (origin is frozenset or args[-1] is Ellipsis)
        item = _plain(args[0]) if typed else (lambda _: True)
        return lambda value: type(value) is origin and all(item(v) for v in value)
    if isinstance(tp, type) and getattr(tp, "_is_protocol", False) and not getattr(tp, "_is_runtime_protocol", False):
        return lambda _: True
    if isinstance(tp, type):
        return lambda value: isinstance(value, tp)
    return lambda _: True


def _model_fields() -> list[tuple[type, str, Any]]:
    found: dict[tuple[type, str], Any] = {}
    for module in pkgutil.walk_packages(parplan.__path__, "parplan."):
        if module.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__.startswith("parplan"):
                attrs.resolve_types(value)
                for field in attrs.fields(value):
                    if isinstance(field.validator, TypeChecked):
                        found[value, field.name] = field.type
    return [(cls, name, tp) for (cls, name), tp in found.items()]


def _classes_in(tp: Any) -> set[type]:
    if isinstance(tp, type) and attrs.has(tp):
        return {tp}
    return {found for arg in typing.get_args(tp) for found in _classes_in(arg)}


FIELDS = _model_fields()


def _values() -> list[object]:
    """Values of every kind a field may be given, right or wrong."""
    moment = datetime(2024, 1, 5, tzinfo=UTC)
    values: list[object] = [None, True, False, 0, 1, -1, MAX_INT, MAX_INT + 1, -MAX_INT - 1, 1.5, "", "x", b"x"]
    values += [Decimal("1.5"), Decimal("NaN"), date(2024, 1, 5), moment, [], (), ("a",), ("a", 1), (None,)]
    values += [(date(2024, 1, 5),), (moment,), frozenset(), frozenset({1}), frozenset({date(2024, 1, 1)}), {}]
    values += [Certainty.STATED, Colour.RED, Size.SMALL, (Certainty.STATED,), (True,), (1, 2, 3, 4, 5, 6, 7)]
    instances: dict[type, object] = {cls: object.__new__(cls) for _, _, tp in FIELDS for cls in _classes_in(tp)}
    values += list(instances.values())
    values += [(instance,) for instance in instances.values()]
    values += [(a, b) for a in list(instances.values())[:6] for b in list(instances.values())[-6:]]
    return values


def test_every_model_field_is_checked_as_its_annotation_reads() -> None:
    assert len(FIELDS) > 300
    values = _values()
    for cls, name, tp in FIELDS:
        compiled, plain = _predicate(tp), _plain(tp)
        for value in values:
            assert compiled(value) == plain(value), (cls.__name__, name, tp, value)


def test_model_constructors_refuse_the_wrong_type_naming_the_field() -> None:
    for build, field in (
        (lambda: SourceLocation(line=True), "SourceLocation.line"),
        (lambda: SourceLocation(line=MAX_INT + 1), "SourceLocation.line"),
        (lambda: SourceLocation(file=Size.SMALL), "SourceLocation.file"),
        (lambda: FieldSource(path="$.title", confidence=0.5), "FieldSource.confidence"),  # type: ignore[arg-type]
        (lambda: FieldSource(path="$.title", certainty="stated"), "FieldSource.certainty"),  # type: ignore[arg-type]
        (lambda: FieldSource(path="$.title", origin="line 3"), "FieldSource.origin"),  # type: ignore[arg-type]
        (lambda: Before(day=datetime(2024, 1, 5, tzinfo=UTC)), "Before.day"),
    ):
        with pytest.raises(InvariantError) as caught:
            build()
        assert caught.value.field == field
    office = Organisation(name="Văn phòng")
    assert JointParty(members=[office, CollectiveParty(name="Các ban ngành liên quan")]).members[0] is office
    with pytest.raises(InvariantError) as caught:
        JointParty(members=(office, "Tư pháp"))  # type: ignore[arg-type]
    assert caught.value.field == "JointParty.members"


def test_a_compiled_check_keeps_its_inner_validator_and_its_class() -> None:
    location = SourceLocation(line=3, line_end=4)
    validators = [field.validator for field in attrs.fields(SourceLocation)]
    assert all(isinstance(validator, TypeChecked) for validator in validators)
    assert location.line == 3
    with pytest.raises(InvariantError) as caught:
        SourceLocation(line=0)  # the inner validator still runs once the check is compiled
    assert caught.value.field == "SourceLocation.line"


# -- optional fields: None skips the check only where the field's validator lets None through --------


def _refuse_none(instance: object, attribute: Any, value: object) -> None:
    if value is None:
        raise InvariantError(f"{type(instance).__name__}.{attribute.name}", NO_VALUE, "must be given")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class _Optional:
    plain: int | None = None
    marked: int | None = attrs.field(default=None, validator=positive_int_or_none)
    strict: int | None = attrs.field(default=1, validator=_refuse_none)
    required: int = attrs.field(default=1, validator=positive_int_or_none)


def test_none_is_refused_where_the_annotation_or_the_validator_refuses_it() -> None:
    built = _Optional(plain=None, marked=None)
    assert (built.plain, built.marked) == (None, None)
    for changes, field in (
        ({"strict": None}, "_Optional.strict"),  # the annotation takes None, its validator does not
        ({"required": None}, "_Optional.required"),  # the validator takes None, the annotation does not
        ({"marked": 0}, "_Optional.marked"),  # a value given: the inner validator runs
        ({"marked": True}, "_Optional.marked"),
        ({"plain": "1"}, "_Optional.plain"),
    ):
        with pytest.raises(InvariantError) as caught:
            _Optional(**changes)
        assert caught.value.field == field
