"""Where something was read from: a file, a line, a section item or a table cell."""

from __future__ import annotations

import attrs

from parplan._values import nfc_or_none, non_empty_or_none, positive_int_or_none

__all__ = ["SourceLocation"]


@attrs.frozen(kw_only=True)
class SourceLocation:
    """A place in a source document.

    ``section`` and ``item`` locate prose ("III.3", "b"); ``table``, ``row``
    and ``column`` locate a table cell ("Phụ lục", "12", "Thời gian thực hiện");
    ``file`` and ``line`` locate text in a file. Every part is optional.
    """

    file: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    line: int | None = attrs.field(default=None, validator=positive_int_or_none)
    section: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    item: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    table: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    row: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    column: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.section is not None:
            parts.append(f"section {self.section}" + (f" {self.item})" if self.item else ""))
        elif self.item is not None:
            parts.append(f"item {self.item})")
        if self.table is not None:
            parts.append(self.table)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)
