"""Findings: what a check reports, where, and how serious it is.

A :class:`Finding` is a frozen record: a stable rule code (``"PP101"``), the
rule's kebab-case name, a :class:`Severity`, the JSON path of the offending
value in the plan as :func:`parplan.dumps` writes it (``$.tasks[3].timeframe``),
the message in English and Vietnamese, the parameters interpolated into both,
and the place in the source document (table row, section) when the plan
recorded it.
"""

from __future__ import annotations

import re
import types
import typing
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any

import attrs

from parplan.locale import DEFAULT_LOCALE, LOCALES, check_locale
from parplan.plan import Plan
from parplan.source import SourceLocation

__all__ = ["LOCALES", "Finding", "Severity", "path_key"]

"""The languages every message is written in."""


class Severity(StrEnum):
    """How serious a finding is.

    ``error``: the plan is wrong and should not be approved as it stands;
    ``warning``: probably wrong, worth a look; ``info``: worth knowing.
    Only errors make ``parplan check`` exit with 1.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: sorts the most serious first."""
        return _SEVERITY_RANK[self]

    @property
    def sarif_level(self) -> str:
        """The SARIF 2.1.0 ``level``: ``error``, ``warning`` or ``note``."""
        return "note" if self is Severity.INFO else self.value

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The word for the severity in ``"vi"`` (the default) or ``"en"``."""
        return _SEVERITY_LABELS[self][0 if check_locale(locale) == "vi" else 1]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_SEVERITY_LABELS = {
    Severity.ERROR: ("lỗi", "error"),
    Severity.WARNING: ("cảnh báo", "warning"),
    Severity.INFO: ("thông tin", "info"),
}


@attrs.frozen(kw_only=True)
class Finding:
    """One problem a rule found in a plan.

    ``message`` is the English message and ``message_vi`` the Vietnamese one;
    :meth:`message_for` picks one by locale. ``params`` holds the values
    interpolated into both, as ``(name, value)`` pairs in template order, so
    programs need not parse messages. ``source`` locates the offending item in
    the original document when the plan recorded it (``Phụ lục``, row 24).
    ``confidence`` says, for a draft read from a document (a plan with
    ``sources``), how sure the reading is of what the finding rests on: the
    least confidence of the fields read at the finding's path or under it, or,
    when nothing was read there (a field left empty), of the item that holds
    it. A finding about a task read at 0.55 is no surer than that reading.
    None for a plan whose fields record no confidence.
    """

    code: str
    name: str
    severity: Severity
    path: str
    message: str
    message_vi: str
    params: tuple[tuple[str, str], ...] = ()
    source: SourceLocation | None = None
    since: str = "0.1.0"
    confidence: Decimal | None = None

    def message_for(self, locale: str = DEFAULT_LOCALE) -> str:
        """The message in ``"vi"`` (the default, as everywhere in parplan) or ``"en"`` (also in :attr:`message`)."""
        return self.message_vi if check_locale(locale) == "vi" else self.message

    def param(self, name: str) -> str | None:
        """The value of one parameter, or None."""
        for key, value in self.params:
            if key == name:
                return value
        return None

    @property
    def sort_key(self) -> tuple[tuple[int, ...], str]:
        """Document order of the path, then the code: the order findings are reported in."""
        return (path_key(self.path), self.code)


# --- document order of JSON paths ------------------------------------------------------

_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_UNKNOWN = 1 << 20
"""Position given to a name the model does not know: after every known field."""


def _attrs_classes(tp: Any) -> tuple[type, ...]:
    """The attrs classes a field type may hold (through optionals, tuples and unions)."""
    if isinstance(tp, type) and attrs.has(tp):
        return (tp,)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType, tuple):
        found: list[type] = []
        for arg in typing.get_args(tp):
            if arg is not Ellipsis:
                found.extend(c for c in _attrs_classes(arg) if c not in found)
        return tuple(found)
    return ()


@cache
def _step(classes: tuple[type, ...], name: str) -> tuple[int, tuple[type, ...]]:
    """The position of field ``name`` in the first of ``classes`` that has it, and the classes below it."""
    for cls in classes:
        attrs.resolve_types(cls)
        for index, field in enumerate(attrs.fields(cls)):
            if field.name == name:
                return index, _attrs_classes(field.type)
    return _UNKNOWN, ()


_ROOT: tuple[type, ...] = (Plan,)


def path_key(path: str, root: type = Plan) -> tuple[int, ...]:
    """A sort key that puts JSON paths into a document of class ``root`` (a plan) in document order.

    Fields come in the order :func:`parplan.dumps` writes them (model order),
    array items by index, and a parent before its children:
    ``$`` < ``$.symbol`` < ``$.tasks[2]`` < ``$.tasks[2].timeframe`` < ``$.tasks[10]``.
    """
    key: list[int] = []
    classes = _ROOT if root is Plan else (root,)
    for match in _STEP.finditer(path):
        name, index = match.group(1), match.group(2)
        if name is not None:
            position, classes = _step(classes, name)
            key.append(position)
        else:
            key.append(int(index))
    return tuple(key)
