"""The layers of parplan are a contract: which package may import which (docs/architecture.md).

Every ``import`` of a parplan module anywhere in ``src/parplan`` (at the top, inside a
function or under ``TYPE_CHECKING``) is read with :mod:`ast` and checked against the
layer table below. Imports point down only: the command line may use everything, the
model nothing but the base.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "parplan"

LAYERS: dict[str, tuple[str, ...]] = {
    "base": ("parplan.errors", "parplan._values", "parplan.locale", "parplan._lazy"),
    "model": (
        "parplan.areas",
        "parplan.org",
        "parplan.indicators",
        "parplan.frameworks",
        "parplan.targets",
        "parplan.timeframes",
        "parplan.periods",
        "parplan.legal",
        "parplan.plan",
        "parplan.schedule",
        "parplan.source",
        "parplan.provenance",
        "parplan.calendar",
        "parplan.progress.report",
        "parplan.progress.sheet",
        "parplan.read.reading",
        "parplan.read.source",
    ),
    "text": ("parplan.text",),
    "io": ("parplan.io",),
    "services": ("parplan.checks", "parplan.progress", "parplan.read"),
    "outputs": ("parplan.render", "parplan.io.tables", "parplan.io.export", "parplan.io.fastrows"),
    "cli": ("parplan.cli", "parplan.__main__"),
}
"""Each layer and the module prefixes it holds (the longest prefix decides)."""

MAY_IMPORT: dict[str, frozenset[str]] = {
    "base": frozenset({"base"}),
    "model": frozenset({"base", "model"}),
    "text": frozenset({"base", "model", "text"}),
    "io": frozenset({"base", "model", "io"}),
    "services": frozenset({"base", "model", "text", "io", "services"}),
    "outputs": frozenset({"base", "model", "text", "io", "services", "outputs"}),
    "cli": frozenset({"base", "model", "text", "io", "services", "outputs", "cli"}),
}
"""What each layer may import: itself and the layers below it, never one above."""

DEPRECATED_WRAPPERS = {
    ("parplan.areas", "parplan.text.areas"): "ReformArea.match, removed in 0.3",
    ("parplan.periods", "parplan.text.periods"): "ReportingPeriod.parse_label, removed in 0.3",
}
"""Thin wrappers kept for one release where a name moved up a layer; each imports lazily."""


def layer_of(module: str) -> str:
    """The layer holding ``module``, by the longest matching prefix."""
    best, length = None, -1
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = layer, len(prefix)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add it to the table in tests/architecture/test_layers.py")
    return best


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def parplan_imports(path: Path) -> list[tuple[int, str]]:
    """Every parplan module ``path`` imports, with the line, wherever the import stands."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names if alias.name.startswith("parplan"))
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import"
            module = node.module or ""
            if module == "parplan":  # "from parplan import x": x is a module or a name of the package
                found.extend((node.lineno, f"parplan.{alias.name}") for alias in node.names)
            elif module.startswith("parplan."):
                found.append((node.lineno, module))
    return found


MODULES = sorted(path for path in SOURCE.rglob("*.py") if path.name != "__init__.py" or path.parent != SOURCE)


def _top_level_name(imported: str) -> str:
    """``parplan.x`` for ``from parplan import x`` where x is a name, not a module."""
    head = imported.split(".")[1]
    return imported if (SOURCE / head).exists() or (SOURCE / f"{head}.py").exists() else "parplan"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_imports_point_down_only(path: Path) -> None:
    module = module_name(path)
    layer = layer_of(module)
    wrong = []
    for line, imported in parplan_imports(path):
        target = _top_level_name(imported)
        if target == "parplan":
            if layer != "cli":
                wrong.append(f"line {line}: imports from the package 'parplan' itself (import the defining module)")
            continue
        target_layer = layer_of(target)
        if target_layer in MAY_IMPORT[layer]:
            continue
        if (module, target) in DEPRECATED_WRAPPERS:
            continue
        wrong.append(f"line {line}: {layer} module imports {target} ({target_layer})")
    assert not wrong, f"{module}:\n" + "\n".join(wrong)


def test_every_module_is_in_a_layer() -> None:
    for path in MODULES:
        layer_of(module_name(path))


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "plan.py"
    source.write_text("from parplan.text.timeframes import parse_timeframe\n", encoding="utf-8")
    [(line, imported)] = parplan_imports(source)
    assert (line, layer_of(imported)) == (1, "text")
    assert layer_of(imported) not in MAY_IMPORT[layer_of("parplan.plan")]


def test_deprecated_wrappers_are_few_and_dated() -> None:
    assert len(DEPRECATED_WRAPPERS) <= 2
    assert all("removed in" in why for why in DEPRECATED_WRAPPERS.values())
