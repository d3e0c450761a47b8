"""Shared by the tests of the format readers (tests/read/formats): the documents, what they must give, skips."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from parplan.read.source import Line, SourceDocument, Table

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "documents" / "formats"
BAD = DOCUMENTS / "bad"
EXAMPLES = ROOT / "examples"
SYNTHETIC = (
    "xa-2022-chi-phu-luc",
    "xa-2023-theo-linh-vuc",
    "huyen-2019-kiem-tra",
    "phuong-2025-sau-sap-xep",
    "so-2026-quyet-dinh",
)
"""The synthetic plans made into Word and PDF files by tests/documents/formats/make_documents.py."""


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


needs_docx = pytest.mark.skipif(not _has("docx"), reason="python-docx is not installed: pip install 'parplan[docx]'")
needs_pdf = pytest.mark.skipif(not _has("pypdfium2"), reason="pypdfium2 is not installed: pip install 'parplan[pdf]'")
needs_ocr = pytest.mark.skipif(
    not (_has("pytesseract") and _has("pypdfium2") and shutil.which("tesseract")),
    reason="OCR needs pytesseract and pypdfium2 (pip install 'parplan[ocr]') and tesseract "
    "(apt install tesseract-ocr tesseract-ocr-vie)",
)


def expected_blocks(name: str) -> list[dict[str, Any]]:
    """The blocks the generator wrote down for ``name``.

    Each is ``{"line": text}`` or ``{"table": [[row, column, rows, columns, text], ...]}``.
    """
    data = json.loads((DOCUMENTS / f"{name}.expected.json").read_text(encoding="utf-8"))
    blocks: list[dict[str, Any]] = data["blocks"]
    return blocks


def as_data(document: SourceDocument) -> list[dict[str, Any]]:
    """A document's blocks in the form of the expected files."""
    out: list[dict[str, Any]] = []
    for block in document.blocks:
        if isinstance(block, Line):
            out.append({"line": block.text})
        else:
            assert isinstance(block, Table)
            out.append({"table": [[c.row, c.column, c.rows, c.columns, c.text] for c in block.cells]})
    return out


def masthead_lines(name: str) -> list[str]:
    """The lines of the masthead the generator wrote (the issuer column, then the motto column)."""
    blocks = expected_blocks(name)
    title = next(index for index, block in enumerate(blocks) if block.get("line") in {"KẾ HOẠCH", "QUYẾT ĐỊNH"})
    return [block["line"] for block in blocks[:title]]


def align(expected: list[str], got: list[str]) -> tuple[list[str], list[str]]:
    """Expected lines matched in order by the lines read: (lines split over several, lines not found).

    An expected line is matched by one line read, or by several consecutive ones that joined by
    spaces give it (a break the reader did not undo). Whatever else differs is "not found".
    """
    split: list[str] = []
    missing: list[str] = []
    position = 0
    for line in expected:
        for length in range(1, 6):
            if " ".join(got[position : position + length]) == line:
                if length > 1:
                    split.append(line)
                position += length
                break
        else:
            missing.append(line)
    missing.extend(f"(extra) {line}" for line in got[position:])
    return split, missing
