"""Field converters and validators of the progress model: every field refuses a value of the wrong type.

A model class built in Python with a value of the wrong type (a string where a
status is expected, a float for points, a ``datetime`` for a day) raises
:class:`~parplan.errors.InvariantError` naming ``Class.field``, never a bare
``TypeError`` or ``AttributeError``. Converters only normalise values of the
right type (text to NFC, lists to tuples) and hand anything else to the
validator unchanged, so that the validator can name the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from parplan._values import field_name
from parplan.errors import InvariantError

__all__ = [
    "day",
    "day_or_none",
    "decimal",
    "decimal_or_none",
    "instance",
    "instance_or_none",
    "items",
    "money_or_none",
    "text",
    "text_or_none",
    "texts",
    "to_tuple",
]


def _name(value: object) -> str:
    return type(value).__name__


def to_tuple(value: Any) -> Any:
    """A tuple from a list or tuple; anything else (a string, a generator) unchanged, for the validator to refuse."""
    if value.__class__ is tuple:
        return value
    if value.__class__ is list:
        return tuple(value)
    return value


def text(owner: object, attribute: Any, value: Any) -> None:
    """Validator: a string with at least one character that is not a space."""
    if not isinstance(value, str):
        raise InvariantError(field_name(owner, attribute), value, f"must be text (str), not {_name(value)}")
    if not value.strip():
        raise InvariantError(field_name(owner, attribute), value, "must not be empty")


def text_or_none(owner: object, attribute: Any, value: Any) -> None:
    """Validator: ``None`` or :func:`text`."""
    if value is not None:
        text(owner, attribute, value)


def texts(owner: object, attribute: Any, value: Any) -> None:
    """Validator: a tuple of non-empty strings."""
    if not isinstance(value, tuple):
        raise InvariantError(field_name(owner, attribute), value, f"must be a list of texts, not {_name(value)}")
    for item in value:
        text(owner, attribute, item)


def instance(cls: type | tuple[type, ...], what: str) -> Callable[[Any, Any, Any], None]:
    """Validator: an instance of ``cls`` (an enum member, a model class), described as ``what`` when refused."""

    def check(owner: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, cls):
            raise InvariantError(field_name(owner, attribute), value, f"must be {what}, not {_name(value)}")

    return check


def instance_or_none(cls: type | tuple[type, ...], what: str) -> Callable[[Any, Any, Any], None]:
    """Validator: ``None`` or an instance of ``cls``."""
    check = instance(cls, what)

    def check_or_none(owner: object, attribute: Any, value: Any) -> None:
        if value is not None:
            check(owner, attribute, value)

    return check_or_none


def items(cls: type | tuple[type, ...], what: str) -> Callable[[Any, Any, Any], None]:
    """Validator: a tuple whose every item is an instance of ``cls``."""

    def check(owner: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple):
            raise InvariantError(field_name(owner, attribute), value, f"must be a list of {what}, not {_name(value)}")
        for item in value:
            if not isinstance(item, cls):
                raise InvariantError(field_name(owner, attribute), item, f"must hold only {what}, not {_name(item)}")

    return check


def day(owner: object, attribute: Any, value: Any) -> None:
    """Validator: a calendar day (a ``date``, not a ``datetime``: a moment is not a day)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvariantError(field_name(owner, attribute), value, f"must be a date, not {_name(value)}")


def day_or_none(owner: object, attribute: Any, value: Any) -> None:
    """Validator: ``None`` or :func:`day`."""
    if value is not None:
        day(owner, attribute, value)


def decimal(owner: object, attribute: Any, value: Any) -> None:
    """Validator: a finite, exact ``Decimal`` (a float is refused: it is not exact)."""
    if not isinstance(value, Decimal):
        raise InvariantError(
            field_name(owner, attribute), value, f"must be an exact number (Decimal), not {_name(value)}"
        )
    if not value.is_finite():
        raise InvariantError(field_name(owner, attribute), value, "must be a finite number")


def decimal_or_none(owner: object, attribute: Any, value: Any) -> None:
    """Validator: ``None`` or :func:`decimal`."""
    if value is not None:
        decimal(owner, attribute, value)


def money_or_none(owner: object, attribute: Any, value: Any) -> None:
    """Validator: ``None`` or a whole number of đồng, 0 or more (``bool`` is refused)."""
    if value is None:
        return
    if value.__class__ is not int:
        raise InvariantError(field_name(owner, attribute), value, f"must be whole đồng (int), not {_name(value)}")
    if value < 0:
        raise InvariantError(field_name(owner, attribute), value, "must not be negative")


def enum_field(cls: type[Enum], *, default: Any = attrs.NOTHING) -> Any:
    """An attrs field holding a member of ``cls``."""
    return attrs.field(default=default, validator=instance(cls, f"a {cls.__name__}"))
