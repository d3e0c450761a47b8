"""``--example [NAME]`` of ``parplan check``, ``render`` and ``export``: the default plan, or the one named."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import parplan
from parplan.cli import main
from parplan.cli._common import EXAMPLE_HELP

ROOT = Path(__file__).resolve().parents[2]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _checked_files(out: str) -> list[str]:
    return sorted({finding["file"] for finding in json.loads(out)})


def test_the_help_lists_every_bundled_example() -> None:
    for name in parplan.example_names():
        assert name in EXAMPLE_HELP
    assert EXAMPLE_HELP.startswith(f"{parplan.example_names()[0]} (the default)")


def test_a_bare_example_checks_the_default_plan_only() -> None:
    code, out, err = _run("check", "--example", "--output-format", "json")
    assert (code, err) == (1, "")
    assert _checked_files(out) == ["<example son-chau-2022>"]


@pytest.mark.parametrize("name", parplan.example_names())
def test_check_a_named_example(name: str) -> None:
    code, out, err = _run("check", "--example", name, "--output-format", "json", "--exit-zero")
    assert (code, err) == (0, "")
    assert _checked_files(out) == [f"<example {name}>"]
    codes = [finding["code"] for finding in json.loads(out)]
    assert codes == [finding.code for finding in parplan.check(parplan.load_example(name))]


def test_a_path_after_a_bare_example_is_still_a_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = _run("check", "--example", "examples/son-giang-2021.json", "--output-format", "json")
    assert (code, err) == (1, "")
    assert _checked_files(out) == ["<example son-chau-2022>", "examples/son-giang-2021.json"]


@pytest.mark.parametrize("command", ["check", "render", "export"])
def test_an_unknown_example_is_a_usage_error_listing_the_names(command: str, tmp_path: Path) -> None:
    output = ["-o", str(tmp_path / "tables")] if command == "export" else []
    code, out, err = _run(command, *output, "--example", "son-chau")
    assert (code, out) == (2, "")
    assert err == (
        f"parplan {command}: --example: must name a bundled example: "
        "son-chau-2022, mang-yang-2021, son-giang-2021, got 'son-chau'\n"
    )
    assert not (tmp_path / "tables").exists()


@pytest.mark.parametrize("name", parplan.example_names())
def test_render_a_named_example(name: str) -> None:
    code, out, err = _run("render", "--example", name, "--format", "markdown")
    assert (code, err) == (0, "")
    assert out == parplan.render(parplan.load_example(name), format="markdown", locale="vi")


def test_render_a_bare_example_renders_the_default() -> None:
    code, out, err = _run("render", "--example")
    assert (code, err) == (0, "")
    assert out == parplan.render(parplan.load_example(), format="markdown", locale="vi")


def test_render_refuses_an_example_and_a_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    parplan.dump(parplan.load_example(), plan)
    for argv in (["render", str(plan), "--example", "mang-yang-2021"], ["render", "--example", str(plan)]):
        code, _, err = _run(*argv)
        assert (code, err) == (2, "parplan render: give one plan file, or --example\n")


def test_export_a_named_example(tmp_path: Path) -> None:
    code, _, err = _run("export", "--example", "mang-yang-2021", "--tables", "plans", "-o", str(tmp_path))
    assert (code, err) == (0, "")
    with (tmp_path / "plans.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert "Mang Yang" in json.dumps(rows[0], ensure_ascii=False)


def test_export_a_bare_example_exports_the_default_only(tmp_path: Path) -> None:
    code, _, err = _run("export", "--example", "--tables", "plans", "-o", str(tmp_path))
    assert (code, err) == (0, "")
    with (tmp_path / "plans.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert "Sơn Châu" in json.dumps(rows[0], ensure_ascii=False)
