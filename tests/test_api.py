"""The public surface: every exported name imports and is documented; typing marker; the JSON Schema."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import parplan
from parplan import json_schema, loads
from parplan.io.examples import example_text
from strategies import examples, plan_documents

ROOT = Path(__file__).resolve().parent.parent

# --- names ------------------------------------------------------------------------------


def test_all_has_no_duplicates() -> None:
    assert len(parplan.__all__) == len(set(parplan.__all__))


def test_all_is_sorted_constants_then_classes_then_the_rest() -> None:
    def key(name: str) -> tuple[int, str]:
        group = 0 if name.isupper() else 1 if name[0].isupper() else 2
        return (group, name)

    assert parplan.__all__ == sorted(parplan.__all__, key=key)


@pytest.mark.parametrize("name", parplan.__all__)
def test_every_public_name_imports(name: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from parplan import {name}", namespace)  # noqa: S102 - the statement a user would write
    assert namespace[name] is getattr(parplan, name)


def test_star_import_gives_exactly_the_public_names() -> None:
    namespace: dict[str, Any] = {}
    exec("from parplan import *", namespace)  # noqa: S102 - the statement a user would write
    assert sorted(set(namespace) - {"__builtins__"}) == sorted(parplan.__all__)


@cache
def _module_tree(module: str) -> ast.Module:
    source = inspect.getsource(importlib.import_module(module))
    return ast.parse(source)


def _documented_in_source(module: str, name: str, depth: int = 0) -> bool:
    """True when ``module`` assigns ``name`` and a string follows, or imports it from a module that does."""
    assert depth < 5, f"{name}: import chain too long"
    body = _module_tree(module).body
    for index, node in enumerate(body):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            following = body[index + 1] if index + 1 < len(body) else None
            return (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
                and bool(following.value.value.strip())
            )
        if isinstance(node, ast.ImportFrom) and node.module and any(alias.name == name for alias in node.names):
            return _documented_in_source(node.module, name, depth + 1)
    return False


@pytest.mark.parametrize("name", [name for name in parplan.__all__ if name != "__version__"])
def test_every_public_name_is_documented(name: str) -> None:
    obj = getattr(parplan, name)
    if inspect.isclass(obj) or inspect.isroutine(obj):
        doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else obj.__doc__
        assert doc, f"{name} has no docstring"
        assert doc.strip()
    else:
        # constants and type aliases carry the string that follows their assignment
        module = parplan._EXPORTS.get(name, "parplan")
        assert _documented_in_source(module, name), f"{name} has no docstring after its assignment"


def test_version() -> None:
    assert parplan.__version__ == metadata.version("parplan")
    major, minor, patch = parplan.__version__.split(".")
    assert all(part.isdigit() for part in (major, minor, patch))


def test_the_package_is_marked_as_typed() -> None:
    marker = resources.files("parplan").joinpath("py.typed")
    assert marker.is_file()
    assert (ROOT / "src" / "parplan" / "py.typed").is_file()


def test_the_wheel_takes_the_package_with_its_data() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/parplan"]
    assert config["project"]["scripts"] == {"parplan": "parplan.cli:main"}
    assert config["project"]["dependencies"] == ["attrs>=24.2", "cattrs>=24.1", "python-dateutil>=2.9", "babel>=2.14"]


# --- the JSON Schema --------------------------------------------------------------------


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_is_a_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"][0] == "format_version"
    assert schema["properties"]["format_version"] == {"const": parplan.FORMAT_VERSION}
    assert schema["additionalProperties"] is False
    _validator()


def _example_files() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.json"))


def test_there_are_examples_to_validate() -> None:
    assert _example_files()


@pytest.mark.parametrize("path", _example_files(), ids=lambda path: path.name)
def test_every_example_validates_against_the_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(_validator().iter_errors(data)) == []
    loads(path.read_bytes())


@pytest.mark.parametrize("name", parplan.EXAMPLE_NAMES)
def test_every_bundled_example_validates_against_the_schema(name: str) -> None:
    assert list(_validator().iter_errors(json.loads(example_text(name)))) == []


@settings(max_examples=examples(50))
@given(plan_documents())
def test_generated_documents_validate_against_the_schema(document: dict[str, Any]) -> None:
    errors = [f"{error.json_path}: {error.message}" for error in _validator().iter_errors(document)]
    assert errors == []


def _base() -> dict[str, Any]:
    return {
        "format_version": 2,
        "document": "plan",
        "title": "Kế hoạch cải cách hành chính năm 2022",
        "issuer": {"name": "UBND xã Sơn Châu"},
        "unit": {"name": "Sơn Châu", "kind": "xa"},
        "year": 2022,
        "tasks": [{"id": "1", "title": "Ban hành", "timeframe": {"kind": "before", "day": "2022-12-31"}}],
    }


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.pop("title"), "$"),
        (lambda d: d.update(titel="x"), "$"),
        (lambda d: d.update(year="2022"), "$.year"),
        (lambda d: d.update(year=True), "$.year"),
        (lambda d: d.update(format_version=3), "$.format_version"),
        (lambda d: d.update(document="report"), "$.document"),
        (lambda d: d.pop("document"), "$"),
        (lambda d: d["tasks"][0]["timeframe"].update(kind="soon"), "$.tasks[0].timeframe"),
        (lambda d: d["tasks"][0]["timeframe"].pop("kind"), "$.tasks[0].timeframe"),
        (lambda d: d["tasks"][0]["timeframe"].update(day="31/12/2022"), "$.tasks[0].timeframe"),
        (
            lambda d: d["tasks"][0].update(targets=[{"comparator": ">=", "value": 90.5}]),
            "$.tasks[0].targets[0].value",
        ),
        (lambda d: d["tasks"][0].update(area="Chỉ đạo"), "$.tasks[0].area"),
        (lambda d: d["tasks"][0].update(timeframe={"kind": "within", "periods": ["2022Q5"]}), "$.tasks[0].timeframe"),
    ],
)
def test_the_schema_and_the_loader_refuse_the_same_shapes(change: Any, path: str) -> None:
    document = _base()
    assert list(_validator().iter_errors(document)) == []
    loads(json.dumps(document))
    change(document)
    errors = list(_validator().iter_errors(document))
    assert errors
    assert any(error.json_path == path for error in errors)
    with pytest.raises(parplan.PlanFormatError):
        loads(json.dumps(document))
