"""A Word plan holding one table, written with python-docx, for the reader's tests of Word cells."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

Cell = str | Sequence[str]
"""A cell's text, or its paragraphs (a Word cell breaks its lines into paragraphs)."""


def word_plan(path: Path, head: Sequence[str], header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Path:
    """Write ``head`` as paragraphs, then a table of ``header`` over ``rows``, to ``path``; skip without python-docx."""
    docx = pytest.importorskip("docx", reason="writing the Word file needs python-docx (parplan[docx])")
    document = docx.Document()
    for line in head:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=len(header))
    for cell, heading in zip(table.rows[0].cells, header, strict=True):
        cell.text = heading
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            paragraphs = [value] if isinstance(value, str) else list(value)
            cell.text = paragraphs[0] if paragraphs else ""
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    document.save(str(path))
    return path
