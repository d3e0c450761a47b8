"""Vietnamese numbers as plans write them: "90,73", "3.773", "1.234,5", "02".

Vietnamese writes a decimal comma and groups thousands with dots (Decree
30/2020/NĐ-CP; CLDR ``vi``). Plans are typed by people used to both
conventions, so a few forms cannot be read with certainty. The rule is:

========== ========== ============================================================
written    read as    why
========== ========== ============================================================
``90,73``  90.73      a comma is the decimal separator
``3.773``  3773       dots followed by groups of exactly three digits group thousands
``1.234,5`` 1234.5    both: dots group, the comma is decimal
``02``     2          leading zeros are kept by officials for numbers below 10
``1.5``    1.5        **ambiguous**: a dot not followed by three digits can only be
                      a decimal point (the English habit)
``1,500``  1.5        **ambiguous**: a comma is decimal in Vietnamese, though an
                      English writer would mean 1500
``1,234,567`` 1234567 **ambiguous**: repeated commas can only group thousands
                      (the English habit)
``1,234.5`` 1234.5    **ambiguous**: English grouping and decimal point
========== ========== ============================================================

:func:`parse_number` applies the rule; :func:`read_number` also says whether
the form was ambiguous. With ``locale="en"`` the roles of comma and dot swap.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from parplan.errors import ParseError
from parplan.locale import check_locale
from parplan.text.normalize import fold_aligned, nfc

__all__ = ["NumberReading", "parse_number", "read_number", "scaled"]


@attrs.frozen(kw_only=True)
class NumberReading:
    """A number read from text: its ``value``, whether the written form was ``ambiguous``, and why."""

    value: Decimal
    ambiguous: bool = False
    note: str | None = None
    ocr_repaired: bool = False


_SHAPE = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)*", re.ASCII)
_LOOKALIKES = re.compile(r"[+-]?[0-9oil|!]+(?:[.,][0-9oil|!]+)*", re.ASCII)
_TO_DIGIT = str.maketrans({"o": "0", "l": "1", "i": "1", "|": "1", "!": "1"})
_GROUPS = re.compile(r"[0-9]{1,3}(?:X[0-9]{3})+", re.ASCII)


def _integral(value: Decimal) -> Decimal:
    """``value`` written without an exponent when it is a whole number ("1.5E+3" is 1500), exactly.

    Works on the digits (no conversion through ``int``), in time linear in their number.
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # pragma: no cover - parsed numbers are finite
        return value
    if exponent > 0:
        return Decimal((sign, digits + (0,) * exponent, 0))
    if exponent < 0 and not any(digits[exponent:]):
        return Decimal((sign, digits[:exponent] or (0,), 0))
    return value


def scaled(value: Decimal, power: int) -> Decimal:
    """``value`` times ten to ``power``, exactly (no rounding, whatever its size): 3773 million is 3773000000."""
    return _integral(value.scaleb(power))


def _grouped(token: str, separator: str) -> bool:
    """True when ``separator`` groups the digits of ``token`` in threes ("3.773", "1.234.567")."""
    return _GROUPS.fullmatch(token.replace(separator, "X")) is not None


def _both(token: str, group: str, decimal: str) -> tuple[str, str | None] | None:
    """Digits of a token with both separators ("1.234,5"), or the other convention ("1,234.5")."""
    whole, _, fraction = token.rpartition(decimal)
    if group not in fraction and _grouped(whole, group):
        return whole.replace(group, "") + "." + fraction, None
    whole, _, fraction = token.rpartition(group)
    if decimal not in fraction and _grouped(whole, decimal):
        return (
            whole.replace(decimal, "") + "." + fraction,
            f"{token!r} follows the other convention ({group!r} as the decimal separator)",
        )
    return None


def _one(token: str, group: str, decimal: str) -> tuple[str, str | None] | None:
    """Digits of a token with one kind of separator."""
    if decimal in token:
        parts = token.split(decimal)
        if len(parts) == 2:
            note = f"{token!r} may group thousands; read {decimal!r} as the decimal separator"
            return parts[0] + "." + parts[1], note if len(parts[1]) == 3 else None
        if _grouped(token, decimal):
            return token.replace(decimal, ""), f"{token!r} repeats {decimal!r}, so it can only group thousands"
        return None
    if _grouped(token, group):
        return token.replace(group, ""), None
    if token.count(group) == 1:
        return token.replace(group, "."), f"{token!r} cannot group thousands; read {group!r} as a decimal point"
    return None


def decimal_from_token(token: str, *, locale: str = "vi") -> tuple[Decimal, str | None] | None:
    """Read an ASCII number token (digits, ``.`` and ``,``): the value and a note when ambiguous.

    Returns None when the separators follow no convention ("1.23.4").
    Used by the phrase parsers on tokens they have already isolated.
    """
    sign = ""
    if token[:1] in "+-":
        sign, token = token[0], token[1:]
    group, decimal = (".", ",") if locale == "vi" else (",", ".")
    if group not in token and decimal not in token:
        return _integral(Decimal(sign + token)), None
    read = _both(token, group, decimal) if group in token and decimal in token else _one(token, group, decimal)
    if read is None:
        return None
    digits, note = read
    return _integral(Decimal(sign + digits)), note


def read_number(text: str, *, locale: str = "vi") -> NumberReading:
    """Read a number written the Vietnamese way, saying whether the form was ambiguous.

    See the module documentation for the rule. Surrounding spaces are
    ignored; scanned look-alikes are repaired (``"l00"`` is 100, ``"O2"`` is 2)
    and reported with ``ocr_repaired``. Raises :class:`~parplan.errors.ParseError`
    with the position of the first character that cannot belong to a number.

    >>> read_number("1,500")
    NumberReading(value=Decimal('1.500'), ambiguous=True, note="'1,500' may group thousands; \
read ',' as the decimal separator", ocr_repaired=False)
    """
    locale = check_locale(locale)
    if not isinstance(text, str):
        raise ParseError(repr(text), 0, "a number as text")
    text = nfc(text)
    folded = fold_aligned(text)
    start = len(folded) - len(folded.lstrip())
    core = folded.strip()
    repaired = core
    if _LOOKALIKES.fullmatch(core) and any(c.isdigit() for c in core):
        repaired = core.translate(_TO_DIGIT)
    if _SHAPE.fullmatch(repaired) is None:
        if not core:
            raise ParseError(text, len(text), "a number such as '90,73', '3.773' or '02'")
        prefix = _SHAPE.match(repaired)
        position = start + (prefix.end() if prefix else 0)
        raise ParseError(text, position, "a digit, or '.' or ',' between digits")
    result = decimal_from_token(repaired, locale=locale)
    if result is None:
        raise ParseError(
            text, start, "separators that group thousands in threes ('3.773') or one decimal separator ('90,73')"
        )
    value, note = result
    return NumberReading(value=value, ambiguous=note is not None, note=note, ocr_repaired=repaired != core)


def parse_number(text: str, *, locale: str = "vi") -> Decimal:
    """The number ``text`` writes, as an exact Decimal: "90,73" is 90.73, "3.773" is 3773, "02" is 2.

    Ambiguous forms are decided by the rule in the module documentation
    ("1.5" is 1.5, "1,500" is 1.5 in Vietnamese); use :func:`read_number` to
    learn whether a form was ambiguous. ``locale`` is ``"vi"`` (decimal comma)
    or ``"en"`` (decimal point). Raises :class:`~parplan.errors.ParseError`
    when ``text`` is not a number.

    >>> parse_number("90,73"), parse_number("3.773"), parse_number("02")
    (Decimal('90.73'), Decimal('3773'), Decimal('2'))
    >>> parse_number("3,773", locale="en")
    Decimal('3773')
    """
    return read_number(text, locale=locale).value
