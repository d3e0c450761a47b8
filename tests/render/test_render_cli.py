"""parplan render PATH|--example [--format html|markdown] [--locale vi|en] [-o FILE]."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import parplan
from parplan.cli import main
from parplan.render import Locale, RenderFormat


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize("locale", ["vi", "en"])
def test_render_example_to_stdout(fmt: RenderFormat, locale: Locale) -> None:
    code, out, err = _run("render", "--example", "--format", fmt, "--locale", locale)
    assert (code, err) == (0, "")
    assert out == parplan.render(parplan.load_example(), format=fmt, locale=locale)


def test_defaults_are_markdown_in_vietnamese() -> None:
    code, out, _ = _run("render", "--example")
    assert code == 0
    assert out == parplan.render(parplan.load_example(), format="markdown", locale="vi")


def test_render_a_file_to_a_file(tmp_path: Path) -> None:
    source = tmp_path / "plan.json"
    parplan.dump(parplan.load_example(), source)
    target = tmp_path / "plan.html"
    target.write_text("old content", encoding="utf-8")
    code, out, err = _run("render", str(source), "--format", "html", "--locale", "en", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == parplan.render(parplan.load(source), format="html", locale="en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.html", "plan.json"]  # no temporary file left


def test_output_into_a_missing_directory_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.md"
    code, out, err = _run("render", "--example", "--output", str(target))
    assert code == 2
    assert out == ""
    assert err == f"parplan render: {target}: cannot be read or written: No such file or directory\n"
    assert not target.exists()


def test_missing_plan_file(tmp_path: Path) -> None:
    code, out, err = _run("render", str(tmp_path / "none.json"))
    assert (code, out) == (2, "")
    assert err.startswith("parplan render: ")
    assert err.count("\n") == 1
    assert "No such file or directory" in err


def test_broken_plan_file(tmp_path: Path) -> None:
    source = tmp_path / "broken.json"
    source.write_text('{"format_version": 1, "title": "Kế hoạch", "year": "2022"}', encoding="utf-8")
    code, out, err = _run("render", str(source))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"parplan render: {source}: ")
    assert "problems" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["render"],
        ["render", "plan.json", "--example"],
        ["render", "--example", "--locale", "fr"],
        ["render", "--example", "--format", "pdf"],
    ],
)
def test_usage_errors(argv: list[str]) -> None:
    code, out, _ = _run(*argv)
    assert code == 2
    assert out == ""


def test_output_does_not_depend_on_the_environment() -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "C", "TZ": "Pacific/Kiritimati", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "parplan", "render", "--example", "--locale", "en"],
        capture_output=True,
        check=True,
        env=env,
    )
    assert result.stdout.decode("utf-8") == parplan.render(parplan.load_example(), format="markdown", locale="en")
