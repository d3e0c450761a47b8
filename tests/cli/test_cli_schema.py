"""``parplan schema`` and ``python -m parplan``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

import parplan
from parplan.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C", "LANG": "C"}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "parplan", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
        timeout=120,
    )


def test_schema_command_prints_the_json_schema() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema"], out=out, err=err) == 0
    assert err.getvalue() == ""
    text = out.getvalue()
    assert text.endswith("}\n")
    schema = json.loads(text)
    assert schema == parplan.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    # descriptions are written as they are, not as \\u escapes
    assert "\\u" not in text
    assert "kế hoạch" in text.lower()


def test_schema_output_is_stable() -> None:
    first, second = io.StringIO(), io.StringIO()
    main(["schema"], out=first)
    main(["schema"], out=second)
    assert first.getvalue() == second.getvalue()


def test_python_dash_m_parplan_schema() -> None:
    completed = run("schema")
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert json.loads(completed.stdout) == parplan.json_schema()


def test_python_dash_m_parplan_version() -> None:
    completed = run("--version")
    assert completed.returncode == 0
    assert completed.stdout == f"parplan {parplan.__version__}\n"


def test_python_dash_m_parplan_without_a_command_is_a_usage_error() -> None:
    completed = run()
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "usage: parplan" in completed.stderr


def test_unknown_command_is_a_usage_error() -> None:
    err = io.StringIO()
    assert main(["scheme"], out=io.StringIO(), err=err) == 2


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "parplan"
    assert script.is_file()
    completed = subprocess.run(  # noqa: S603 - the installed entry point
        [str(script), "schema"], capture_output=True, text=True, encoding="utf-8", check=False, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == parplan.json_schema()
