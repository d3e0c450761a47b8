"""The plan reader's modules import one another downwards only, in the order docs/architecture.md gives.

``reader.py`` is the top: it builds the :class:`~parplan.read.reading.Reading`; the
modules it uses (the draft, the head, the items, the assignments, the tables, the
body walk) import only modules below them, so that none of them can come to need
the orchestration and no cycle can form. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

READ = Path(__file__).resolve().parents[2] / "src" / "parplan" / "read"

ORDER: tuple[str, ...] = (
    "source",
    "reading",
    "accents",
    "envelope",
    "lines",
    "layout",
    "parties",
    "conventions",
    "amendments",
    "cell_fit",
    "columns",
    "aligned",
    "cell_lines",
    "delimited",
    "plain_tables",
    "confidence",
    "draft",
    "head",
    "items",
    "slots",
    "assignments",
    "tables",
    "body",
    "repeats",
    "workbook",
    "reader",
)
"""The plan reader's modules, bottom first; each may import only those before it."""

LAZY_UPWARD: dict[tuple[str, str], str] = {
    ("lines", "cell_lines"): "cleaning lines finds tables copied one cell a line; imported inside that function",
    ("lines", "delimited"): "cleaning lines finds tables pasted as delimited records; imported inside that function",
    ("lines", "plain_tables"): "cleaning lines finds a converter's plain-text tables; imported inside that function",
    ("items", "slots"): "a line that is a whole slot is an item's field line; the slot reader reads labels with"
    " the items' table; imported inside that function",
}
"""The known imports upwards, each inside a function (so no cycle at import time), with why."""


def read_imports(path: Path) -> set[str]:
    """The modules of ``parplan.read`` (by their short name) that ``path`` imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parplan.read."):
            found.add((node.module or "").split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("parplan.read."))
    return found


@pytest.mark.parametrize("name", ORDER)
def test_read_modules_import_downwards_only(name: str) -> None:
    below = set(ORDER[: ORDER.index(name)])
    imported = read_imports(READ / f"{name}.py") & set(ORDER)
    upward = sorted(module for module in imported if module not in below and (name, module) not in LAZY_UPWARD)
    assert not upward, f"parplan.read.{name} imports {upward}, which stand above it in ORDER"


def test_every_module_of_the_reader_is_ordered() -> None:
    known = {*ORDER, "__init__", "progress_sheet"}  # progress_sheet reads progress templates, not plans
    assert sorted(path.stem for path in READ.glob("*.py") if path.stem not in known) == []


def test_the_known_upward_imports_are_inside_functions() -> None:
    for name, module in LAZY_UPWARD:
        tree = ast.parse((READ / f"{name}.py").read_text(encoding="utf-8"))
        top = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
        assert f"parplan.read.{module}" not in top, f"parplan.read.{name} imports {module} at the top"


def test_the_order_catches_an_upward_import(tmp_path: Path) -> None:
    path = tmp_path / "draft.py"
    path.write_text("def f():\n    from parplan.read.body import _Reader\n", encoding="utf-8")
    assert "body" in read_imports(path)
    assert ORDER.index("body") > ORDER.index("draft")
