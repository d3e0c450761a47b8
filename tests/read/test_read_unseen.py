"""The first held-out set, ``tests/documents/unseen``, read from Word and PDF files.

Three of its plans were also typed into Word and printed to PDF: they are read from those files and
held to floors (the figures of the text itself are in ``test_read_heldout_sets.py``).
"""

from __future__ import annotations

import dataclasses

import pytest

import parplan
from formats_support import needs_docx, needs_pdf
from read_scoring import score, unseen

DOCUMENTS = unseen()

# --- three of them as Word and PDF files (the text typed into Word, one paragraph a line) ----------

FORMATS = [
    (expected, extension)
    for expected in DOCUMENTS
    for extension in ("docx", "pdf")
    if expected.text_path.with_suffix(f".{extension}").is_file()
]
# found / exact / header fields right (the text of the same documents: 31 found, 31 exact, 24 of 24;
# 21 exact when the files were made): the docx loses the tab-separated appendix, the PDF also its masthead.
FLOORS = {"docx": (21, 21, 24), "pdf": (21, 21, 21)}


@pytest.mark.parametrize("extension", [pytest.param("docx", marks=needs_docx), pytest.param("pdf", marks=needs_pdf)])
def test_floor_word_and_pdf(extension: str) -> None:
    found = exact = header = 0
    for expected, ext in FORMATS:
        if ext != extension:
            continue
        path = expected.text_path.with_suffix(f".{extension}")
        s = score(parplan.read(path), dataclasses.replace(expected, text_path=path))
        print(f"{path.name}: tasks {s.tasks}, found {s.found}, exact {s.exact}; header {sum(s.header.values())}/8")  # noqa: T201
        found += s.found
        exact += s.exact
        header += sum(s.header.values())
    assert len([1 for _, ext in FORMATS if ext == extension]) == 3
    floor_found, floor_exact, floor_header = FLOORS[extension]
    assert found >= floor_found
    assert exact >= floor_exact
    assert header >= floor_header
