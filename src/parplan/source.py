"""Where something was read from, and how sure the reading is.

:class:`SourceLocation` is a place in a source document: a file, a page, a range
of lines, a section item, a table cell or a spreadsheet cell. :class:`FieldSource`
records, for one field of a document (addressed by its JSON path), where it came
from, the text exactly as the source has it (OCR errors included), whether the
document states it, it was inferred, or it is uncertain, a confidence and the
doubts. A plan read from a document carries them in ``Plan.sources``; a plan typed
in by hand has none.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from parplan._values import (
    field_name,
    lets_none_through,
    nfc_or_none,
    nfc_tuple,
    non_empty_items,
    non_empty_or_none,
    positive_int_or_none,
    typed_fields,
)
from parplan.errors import InvariantError

__all__ = ["Certainty", "FieldSource", "SourceLocation"]

_CELL = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}\Z")


@lets_none_through
def _check_cell(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None and not _CELL.match(value):
        raise InvariantError(field_name(instance, attribute), value, "must be a cell reference such as 'C12'")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SourceLocation:
    """A place in a source document.

    ``file`` names it; ``page`` (from 1) and ``line``..``line_end`` (from 1,
    both included) locate text; ``section`` and ``item`` locate prose ("III.3",
    "b"); ``table``, ``row`` and ``column`` locate a table cell ("Phụ lục",
    "12", "Thời gian thực hiện"); ``sheet`` and ``cell`` a spreadsheet cell
    ("Phụ lục", "C12"). Every part is optional.
    """

    file: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    page: int | None = attrs.field(default=None, validator=positive_int_or_none)
    line: int | None = attrs.field(default=None, validator=positive_int_or_none)
    line_end: int | None = attrs.field(default=None, validator=positive_int_or_none)
    section: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    item: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    table: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    row: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    column: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    sheet: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    cell: str | None = attrs.field(default=None, validator=_check_cell)

    def __attrs_post_init__(self) -> None:
        if self.line_end is not None:
            if self.line is None:
                raise InvariantError("SourceLocation.line_end", self.line_end, "needs the first line, 'line'")
            if self.line_end < self.line:
                raise InvariantError(
                    "SourceLocation.line_end", self.line_end, f"must not be before the first line {self.line}"
                )

    def __str__(self) -> str:
        parts = self._text_parts()
        if self.table is not None:
            parts.append(self.table)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        return ", ".join(parts)

    def _text_parts(self) -> list[str]:
        """The file, lines, page, section and item, as they read in a sentence."""
        parts: list[str] = []
        lines = None
        if self.line is not None:
            lines = str(self.line) if self.line_end in (None, self.line) else f"{self.line}-{self.line_end}"
        if self.file is not None:
            parts.append(self.file if lines is None else f"{self.file}:{lines}")
        elif lines is not None:
            parts.append(f"line {lines}" if "-" not in lines else f"lines {lines}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.section is not None:
            parts.append(f"section {self.section}" + (f" {self.item})" if self.item else ""))
        elif self.item is not None:
            parts.append(f"item {self.item})")
        return parts


class Certainty(StrEnum):
    """How a field came to hold its value."""

    STATED = "stated"
    """The document states it, and it was read as written."""
    INFERRED = "inferred"
    """The document does not state it; it was deduced (the plan's year for "Trong năm", a lost % sign)."""
    UNCERTAIN = "uncertain"
    """A reading in doubt: damaged text repaired, an ambiguous phrase, a guess a person should confirm."""


_PATH = re.compile(r"\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*\Z")


def _check_path(instance: object, attribute: Any, value: str) -> None:
    if not _PATH.match(value):
        raise InvariantError(field_name(instance, attribute), value, "must be a JSON path such as '$.tasks[3].title'")


@lets_none_through
def _check_confidence(instance: object, attribute: Any, value: Decimal | None) -> None:
    if value is not None and not (value.is_finite() and Decimal(0) <= value <= Decimal(1)):
        raise InvariantError(field_name(instance, attribute), value, "must be a number from 0 to 1")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FieldSource:
    """Where one field of a document came from, as written, and how sure its reading is.

    ``path`` addresses the field in the document as ``parplan.dumps`` writes it
    (``$.tasks[3].timeframe``); ``origin`` is the place in the source;
    ``written`` the text exactly as the source has it, scanning errors included
    ("Quý ll/2024"), when it differs from what the field keeps; ``confidence``
    the probability that the reading is right (calibrated on labelled
    documents); ``doubts`` what a reviewer should look at.
    """

    path: str = attrs.field(validator=_check_path)
    origin: SourceLocation | None = None
    written: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    certainty: Certainty = Certainty.STATED
    confidence: Decimal | None = attrs.field(default=None, validator=_check_confidence)
    doubts: tuple[str, ...] = attrs.field(default=(), converter=nfc_tuple, validator=non_empty_items)
