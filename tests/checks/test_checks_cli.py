"""``parplan check`` and ``parplan rules``: golden outputs, exit codes, formats, errors.

Golden files live in ``tests/golden/``. After a deliberate change to a rule or
a message, regenerate them with::

    PARPLAN_REGENERATE_GOLDEN=1 pytest tests/checks/test_checks_cli.py tests/checks/test_checks_registry.py

and review the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import parplan
from checks_plans import clean_plan
from parplan.checks import rules
from parplan.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").glob("*.json"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PARPLAN_REGENERATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs: see the module docstring to regenerate"


# --- golden outputs ----------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["en", "vi"])
def test_golden_text(locale: str) -> None:
    code, out, err = run("check", *EXAMPLES, "--locale", locale)
    assert (code, err) == (1, "")
    _golden(f"check-examples.{locale}.txt", out)


def test_golden_json() -> None:
    code, out, err = run("check", *EXAMPLES, "--output-format", "json", "--locale", "en")
    assert (code, err) == (1, "")
    _golden("check-examples.json", out)


def test_golden_rules_table() -> None:
    code, out, err = run("rules")
    assert (code, err) == (0, "")
    _golden("rules.txt", out)


def test_text_lines_have_the_documented_shape() -> None:
    _, out, _ = run("check", "examples/son-chau-2022.json", "--locale", "en")
    *lines, summary = out.splitlines()
    assert lines
    shape = re.compile(
        r"(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>PP\d{3}) (?P<severity>error|warning|info) "
        r".+ \((?P<path>\$[^ ]*)\)( \[.+\])?"
    )
    text = Path("examples/son-chau-2022.json").read_text(encoding="utf-8").splitlines()
    for line in lines:
        found = shape.fullmatch(line)
        assert found is not None, line
        assert found["file"] == "examples/son-chau-2022.json"
        assert found["code"] in {entry.code for entry in rules()}
        number, column = int(found["line"]), int(found["column"])
        assert 1 <= number <= len(text)
        assert 1 <= column <= len(text[number - 1]) + 1
    assert summary.startswith(f"Found {len(lines)} findings (")


def test_json_output_is_the_documented_list() -> None:
    _, out, _ = run("check", "examples/son-chau-2022.json", "--output-format", "json", "--locale", "vi")
    items = json.loads(out)
    findings = parplan.check(parplan.load("examples/son-chau-2022.json"))
    assert len(items) == len(findings)
    for item, finding in zip(items, findings, strict=True):
        assert list(item) == [
            "file",
            "code",
            "name",
            "severity",
            "path",
            "line",
            "column",
            "message",
            "params",
            "source",
            "since",
            "confidence",
        ]
        assert item["confidence"] is None  # a plan typed in, not read from a document
        assert item["file"] == "examples/son-chau-2022.json"
        assert (item["code"], item["path"], item["severity"]) == (finding.code, finding.path, finding.severity.value)
        assert item["message"] == finding.message_vi
        assert isinstance(item["line"], int)
        assert item["params"] == dict(finding.params)
        assert all(isinstance(value, str) for value in item["params"].values())
        assert item["source"] is None or set(item["source"]) <= {
            "file",
            "line",
            "section",
            "item",
            "table",
            "row",
            "column",
        }


def test_sarif_output() -> None:
    code, out, _ = run("check", *EXAMPLES, "--output-format", "sarif")
    assert code == 1
    log: dict[str, Any] = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    [run_] = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "parplan"
    assert driver["version"] == parplan.__version__
    assert [r["id"] for r in driver["rules"]] == [entry.code for entry in rules()]
    expected = sum(len(parplan.check(parplan.load(path))) for path in EXAMPLES)
    assert len(run_["results"]) == expected
    for result in run_["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        [location] = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] in EXAMPLES
        assert location["physicalLocation"]["region"]["startLine"] >= 1
        assert location["logicalLocations"][0]["fullyQualifiedName"].startswith("$")


# --- exit codes --------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, plan: parplan.Plan) -> str:
    path = tmp_path / name
    parplan.dump(plan, path)
    return str(path)


def test_a_clean_plan_exits_0(tmp_path: Path) -> None:
    path = _write(tmp_path, "clean.json", clean_plan())
    assert run("check", path, "--locale", "en") == (0, "All checks passed (1 file).\n", "")
    assert run("check", path) == (0, "Không phát hiện vấn đề nào (1 tệp).\n", "")


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    path = _write(tmp_path, "warn.json", attrs.evolve(clean_plan(), issued_on=None))
    code, out, err = run("check", path, "--locale", "en")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{path}:1:1: PP111 warning The plan has no date of issue. ($)",
        "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file.",
    ]


def test_errors_exit_1_unless_exit_zero() -> None:
    assert run("check", "--example")[0] == 1
    assert run("check", "--example", "--exit-zero")[0] == 0
    assert run("check", "--example", "--select", "PP104")[0] == 1
    assert run("check", "--example", "--ignore", "PP1,PP2,PP4")[0] == 0


def test_selection_on_the_command_line() -> None:
    _, out, _ = run(
        "check", "--example", "--select", "PP1", "--ignore", "PP10", "--select", "PP104", "--output-format", "json"
    )
    codes = {item["code"] for item in json.loads(out)}
    assert codes == {"PP104", "PP118"}  # PP101-PP109 ignored but PP104; PP110-PP199 selected
    _, out, _ = run("check", "--example", "--select", "PP2,PP4", "--ignore", "PP20", "--output-format", "json")
    assert {item["code"][:3] for item in json.loads(out)} == {"PP4"}


def test_as_of_enables_the_overdue_rule() -> None:
    _, without, _ = run("check", "--example", "--select", "PP208", "--output-format", "json")
    assert json.loads(without) == []
    _, with_date, _ = run("check", "--example", "--select", "PP208", "--as-of", "1/3/2022", "--output-format", "json")
    _, iso, _ = run("check", "--example", "--select", "PP208", "--as-of", "2022-03-01", "--output-format", "json")
    assert with_date == iso
    items = json.loads(with_date)
    assert items
    assert {item["params"]["as_of"] for item in items} == {"2022-03-01"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--example", "--select", "PP9x"], "parplan check: unknown rule code or prefix 'PP9x'"),
        (["check", "--example", "--ignore", "E501"], "parplan check: unknown rule code or prefix 'E501'"),
        (["check"], "parplan check: give one or more plan files or folders, or --example"),
        (["check", "--example", "--as-of", "31/02/2022"], "expected a date such as 2022-06-30 or 30/6/2022"),
        (["check", "--example", "--output-format", "xml"], "invalid choice: 'xml'"),
        (["check", "--example", "--locale", "fr"], "invalid choice: 'fr'"),
        (["rules", "--select", "X1"], "parplan rules: unknown rule code or prefix 'X1'"),
        (["lint"], "invalid choice: 'lint'"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_unreadable_files_exit_2(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.json")
    assert run("check", missing) == (2, "", f"{missing}: cannot be read: No such file or directory\n")


def test_files_that_are_not_plans_exit_2_with_every_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    document = json.loads(parplan.dumps(clean_plan()))
    document["year"] = "2024"
    document["tasks"][0]["timeframe"]["day"] = "30/6/2024"
    broken.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("check", str(broken))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == f"{broken}: not a valid plan document (2 problems)"
    assert [line.split(": ", 2)[1] for line in lines[1:]] == ["$.year", "$.tasks[0].timeframe.day"]
    not_json = tmp_path / "notes.json"
    not_json.write_text("[1, 2", encoding="utf-8")
    code, _, err = run("check", str(not_json))
    assert code == 2
    assert err.startswith(f"{not_json}: not a valid plan document (1 problem)\n{not_json}: $: not valid JSON")


def test_a_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    _write(folder, "a.json", attrs.evolve(clean_plan(), issued_on=None))
    (folder / "b.json").write_text("{}", encoding="utf-8")
    (folder / "notes.txt").write_text("not a plan, not looked at", encoding="utf-8")
    code, out, err = run("check", str(folder), "--locale", "en")
    assert code == 2
    assert out.splitlines()[0].endswith("a.json:1:1: PP111 warning The plan has no date of issue. ($)")
    assert out.splitlines()[-1] == "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file."
    assert err.splitlines()[0] == f"{folder / 'b.json'}: not a valid plan document (1 problem)"


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert run("check", str(tmp_path)) == (2, "", f"{tmp_path}: no plan files (.json, .toml) in this folder\n")


def test_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "plan.json", clean_plan())
    before = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "json", "sarif"):
        run("check", path, "--output-format", fmt)
    run("check", str(tmp_path / "missing.json"))
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_toml_plans_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    lines = ["format_version = 1", 'title = "Kế hoạch"', "year = 2024", "[issuer]", 'name = "UBND xã"']
    lines += ["[unit]", 'name = "Tân Lập"', 'kind = "xa"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run("check", str(path), "--select", "PP101", "--locale", "en")
    assert code == 0
    assert out.startswith(f"{path}:1:1: PP101 warning The plan lists no tasks. ($.tasks)")


# --- rules -------------------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == [entry.code for entry in rules()]
    code, out, _ = run("rules", "--select", "PP2", "--output-format", "json")
    items = json.loads(out)
    assert [item["code"] for item in items] == [e.code for e in rules() if e.code.startswith("PP2")]
    assert set(items[0]) == {"code", "name", "family", "severity", "summary", "doc", "message", "needs_as_of", "since"}


# --- as a program ------------------------------------------------------------------------


def _program(*argv: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "parplan", *argv], cwd=ROOT, capture_output=True, env=environment, check=False
    )


def test_python_m_parplan() -> None:
    done = _program("check", "--example", "--locale", "en", "--select", "PP203")
    assert done.returncode == 1
    assert re.match(r"<example son-chau-2022>:\d+:\d+: PP203 ", done.stdout.decode("utf-8"))
    assert _program("rules").returncode == 0


def test_output_does_not_depend_on_the_environment() -> None:
    first = _program("check", "examples", "--output-format", "json", PYTHONHASHSEED="1", TZ="UTC", LANG="C")
    second = _program(
        "check", "examples", "--output-format", "json", PYTHONHASHSEED="977", TZ="Asia/Ho_Chi_Minh", LANG="vi_VN.UTF-8"
    )
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)
