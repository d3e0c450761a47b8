"""Small value helpers shared by the model classes: NFC text and validators.

Vietnamese text is stored as written, in Unicode NFC. The converters here turn
NFD or mixed input into NFC (a canonically equivalent form, so nothing is lost)
and leave NFC strings untouched, returning the very same object.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
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
    """Return ``value`` in NFC (the same object when it already is)."""
    if value.isascii() or _is_normalized("NFC", value):
        return value
    return _normalize("NFC", value)


def nfc_or_none(value: str | None) -> str | None:
    """:func:`nfc` that lets ``None`` through."""
    return None if value is None else nfc(value)


def nfc_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple of NFC strings from any iterable of strings."""
    return tuple([nfc(v) for v in values])


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple from any iterable (lists given by callers become tuples)."""
    return values if type(values) is tuple else tuple(values)


def field_name(instance: object, attribute: Any) -> str:
    """``Class.field`` for error messages."""
    return f"{type(instance).__name__}.{attribute.name}"


def non_empty(instance: object, attribute: Any, value: str) -> None:
    """Validator: a string with at least one non-space character."""
    if not value.strip():
        raise InvariantError(field_name(instance, attribute), value, "must not be empty")


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


def identifier_or_none(instance: object, attribute: Any, value: str | None) -> None:
    """Validator: ``None`` or an identifier."""
    if value is not None:
        identifier(instance, attribute, value)


def finite_decimal(instance: object, attribute: Any, value: Decimal) -> None:
    """Validator: a finite Decimal (no NaN, no infinity)."""
    if not isinstance(value, Decimal):  # a float or a string given in Python: say so rather than fail on it
        raise InvariantError(field_name(instance, attribute), value, "must be an exact number (a Decimal)")
    if not value.is_finite():
        raise InvariantError(field_name(instance, attribute), value, "must be a finite number")


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


def year_range_or_none(instance: object, attribute: Any, value: int | None) -> None:
    """Validator: ``None`` or a plausible year."""
    if value is not None:
        year_range(instance, attribute, value)


def positive_int(instance: object, attribute: Any, value: int) -> None:
    """Validator: an integer of at least 1."""
    if value < 1:
        raise InvariantError(field_name(instance, attribute), value, "must be at least 1")


def positive_int_or_none(instance: object, attribute: Any, value: int | None) -> None:
    """Validator: ``None`` or an integer of at least 1."""
    if value is not None:
        positive_int(instance, attribute, value)


def ordered_dates(owner: str, start: date | None, end: date | None) -> None:
    """Raise when both dates are known and ``start`` comes after ``end``."""
    if start is not None and end is not None and start > end:
        raise InvariantError(f"{owner}.start", start.isoformat(), f"must not be after the end {end.isoformat()}")


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
