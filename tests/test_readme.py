"""The README's two commands: the CI script runs exactly its test command, and its main job works."""

import io
import re
from pathlib import Path

from parplan.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_two_commands() -> None:
    commands = _readme_commands()
    assert commands[:2] == [
        "pip install . && parplan check --example --exit-zero",
        "pip install -e '.[test]' && pytest",
    ]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _readme_commands()[1] in script


def test_the_main_job_on_the_bundled_example() -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = _readme_commands()[0].split("&& parplan ", 1)[1].split()
    assert main(argv, out=out, err=err) == 0
    assert err.getvalue() == ""
    assert "PP202" in out.getvalue()
    assert out.getvalue().rstrip().splitlines()[-1].startswith("Phát hiện ")
