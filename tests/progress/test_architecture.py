"""The progress package keeps the project's layout: the model on the ground floor, services that never print."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "parplan"
MODEL = ("progress/report.py", "progress/sheet.py", "progress/_fast.py", "indicators.py")
SERVICES = ("progress/evaluate.py", "progress/rollup.py", "progress/score.py")
MODEL_MAY_IMPORT = (
    "parplan.errors",
    "parplan._values",
    "parplan.locale",
    "parplan.areas",
    "parplan.plan",
    "parplan.targets",
    "parplan.periods",
    "parplan.timeframes",
    "parplan.indicators",
    "parplan.org",
    "parplan.legal",
    "parplan.calendar",
    "parplan.progress.report",
    "parplan.progress.sheet",
    "parplan.progress._fast",
)
SERVICES_MAY_NOT_IMPORT = ("parplan.text", "parplan.io", "parplan.checks", "parplan.render", "parplan.cli")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [name for name in found if name.startswith("parplan")]


@pytest.mark.parametrize("module", MODEL)
def test_model_modules_import_only_the_model(module: str) -> None:
    for name in _imports(SOURCE / module):
        assert name.startswith(MODEL_MAY_IMPORT), f"{module} imports {name}"


@pytest.mark.parametrize("module", SERVICES)
def test_services_import_no_parser_file_check_renderer_or_command(module: str) -> None:
    for name in _imports(SOURCE / module):
        assert not name.startswith(SERVICES_MAY_NOT_IMPORT), f"{module} imports {name}"


@pytest.mark.parametrize("module", [*MODEL, *SERVICES, "render/progress.py"])
def test_nothing_prints_or_reads_the_clock(module: str) -> None:
    tree = ast.parse((SOURCE / module).read_text(encoding="utf-8"))
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not calls & {"print", "today", "now", "utcnow", "time", "localtime"}, module


def test_the_command_modules_import_heavy_modules_inside_their_functions() -> None:
    for module in ("cli/status.py", "cli/score.py"):
        tree = ast.parse((SOURCE / module).read_text(encoding="utf-8"))
        top = [node for node in tree.body if isinstance(node, ast.ImportFrom) and node.module]
        assert {node.module for node in top} <= {"__future__", "argparse", "json", "datetime", "decimal", "typing",
                                                  "parplan.cli._common", "parplan.locale"}, module  # fmt: skip
