"""``parplan status`` and ``parplan score``: outputs, exit codes 0, 1 and 2, problems with files and paths."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import parplan
from parplan import TaskStatus, TaskUpdate
from parplan.cli import main
from progress.support import EXAMPLES, ROOT

PLAN = str(EXAMPLES / "plan-2026.json")
REPORTS = [str(EXAMPLES / f"report-2026Q{q}.json") for q in (1, 2, 3, 4)]
SHEET = str(EXAMPLES / "sheet-2026.json")
FRAMEWORK = str(EXAMPLES / "framework-vi-du-xa-2026.json")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_status_as_text() -> None:
    code, out, err = run("status", PLAN, *REPORTS, "--as-of", "18/12/2026", "--locale", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{PLAN}: xã Hương Đô, 18 Dec 2026"
    assert lines[1] == "Done: 3; Done late: 2; On track: 1; Due soon: 1; Overdue: 1; Cancelled: 1; No information: 1"
    assert "Q3 2026: Late (Deadline 21 Sep 2026)" in lines
    assert out.endswith("All checks passed (4 files).\n")


def test_status_without_a_day_evaluates_as_of_the_latest_report() -> None:
    _, out, _ = run("status", PLAN, *REPORTS, "--output-format", "json")
    assert json.loads(out)["as_of"] == "2026-12-18"
    _, out, _ = run("status", PLAN, *REPORTS[:2], "--output-format", "json")
    assert json.loads(out)["as_of"] == "2026-06-22"


def test_status_as_json() -> None:
    code, out, _ = run("status", PLAN, *REPORTS, "--as-of", "2026-12-18", "--output-format", "json")
    document = json.loads(out)
    assert code == 0
    assert document["tasks"]["overdue"] == 1
    assert document["targets"] == {"met": 1, "on_track": 0, "at_risk": 2, "not_met": 0, "no_data": 0}
    assert [row["state"] for row in document["reports"]] == ["on_time", "on_time", "late", "on_time"]
    assert document["task_rows"][3]["days_late"] == 121
    assert document["target_rows"][1]["band"] == "limited"
    assert document["findings"] == []


def test_status_exits_1_on_an_error_finding_and_0_with_exit_zero(tmp_path: Path) -> None:
    report = parplan.load(REPORTS[1], kind=parplan.ProgressReport)
    broken = attrs.evolve(report, updates=[*report.updates, TaskUpdate(task="t99", status=TaskStatus.DONE)])
    path = tmp_path / "q2.json"
    parplan.dump(broken, path)
    code, out, err = run("status", PLAN, str(path), "--locale", "en")
    assert (code, err) == (1, "")
    assert "PP801 error The report updates task t99, which the plan does not have. ($.updates[6].task)" in out
    assert f"{path}:" in out
    assert run("status", PLAN, str(path), "--exit-zero")[0] == 0
    assert run("status", PLAN, str(path), "--ignore", "PP801,PP809,PP814")[0] == 0


def test_status_exits_2_naming_the_file_and_the_path(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": 1, "document": "progress_report", "unit": {"name": "A", "kind": "xa"}, '
                      '"plan": {"id": "kh"}, "period": "2026Q5"}', encoding="utf-8")  # fmt: skip
    code, out, err = run("status", PLAN, str(broken))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{broken}: not a valid progress report (1 problem)",
        (
            f"{broken}: $.period: expected a period identifier like '2022', '2022S1', '2022Q1', '2022M01' or "
            "'2022Q1-Q3', got '2026Q5'"
        ),
    ]
    code, _, err = run("status", str(tmp_path / "missing.json"), REPORTS[0])
    assert code == 2
    assert "missing.json: cannot be read" in err
    code, _, err = run("status", REPORTS[0], REPORTS[0])
    assert code == 2
    assert "$.document: this file holds a progress_report document, not a plan document" in err


def test_status_usage_errors() -> None:
    assert run("status", PLAN)[0] == 2
    assert run("status", PLAN, *REPORTS, "--as-of", "2026-13-45")[0] == 2
    code, _, err = run("status", PLAN, *REPORTS, "--select", "PP0")
    assert code == 2
    assert "unknown rule code or prefix 'PP0'" in err


def test_score_as_text_and_json() -> None:
    code, out, err = run("score", SHEET, "--framework", FRAMEWORK, "--locale", "en")
    assert (code, err) == (0, "")
    assert "Total: 86.40/100 (appraised)" in out
    assert "Group: B" in out
    assert "Change from 2025: +1.90%" in out
    code, out, _ = run("score", SHEET, "--framework", FRAMEWORK, "--output-format", "json")
    document = json.loads(out)
    assert (document["percent"], document["group"], document["change"]["comparability"]) == ("86.40", "B", "comparable")


def test_score_ranks_among_peers_and_says_when_there_is_no_comparable_year(tmp_path: Path) -> None:
    sheet = parplan.load(SHEET, kind=parplan.ScoreSheet)
    peer = attrs.evolve(sheet, unit=attrs.evolve(sheet.unit, name="Hương Xuân"), entries=sheet.entries[:-1])
    first_year = attrs.evolve(sheet, year=2025, previous=None)
    parplan.dump(peer, tmp_path / "peer.json")
    parplan.dump(first_year, tmp_path / "first.json")
    code, out, _ = run(
        "score", SHEET, "--framework", FRAMEWORK, "--peer", str(tmp_path / "peer.json"), "--output-format", "json"
    )
    assert (code, json.loads(out)["rank"], json.loads(out)["out_of"]) == (0, 1, 1)
    _, out, _ = run("score", str(tmp_path / "first.json"), "--framework", FRAMEWORK)
    assert "So với năm 2024: đơn vị mới thành lập (01/7/2025): không có kết quả năm 2024 để so sánh" in out


def test_score_exits_1_on_an_error_finding_and_2_without_its_framework(tmp_path: Path) -> None:
    sheet = parplan.load(SHEET, kind=parplan.ScoreSheet)
    over = attrs.evolve(sheet, entries=[*sheet.entries[:-1], parplan.SheetEntry(node="4", survey=Decimal(31))])
    parplan.dump(over, tmp_path / "over.json")
    code, out, _ = run("score", str(tmp_path / "over.json"), "--framework", FRAMEWORK)
    assert code == 1
    assert " PP851 " in out
    assert "($.entries[8].survey)" in out
    code, _, err = run("score", SHEET)
    assert code == 2
    assert (
        err == f"{SHEET}: $.framework: the framework 'vi-du-xa-2026' is not bundled; give its file with --framework\n"
    )
    code, _, err = run("score", SHEET, "--framework", PLAN)
    assert code == 2
    assert "not a valid framework" in err


def test_python_dash_m_parplan_status_starts_and_runs() -> None:
    import subprocess
    import sys

    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "parplan", "status", PLAN, *REPORTS, "--output-format", "json"],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["unit"] == "xã Hương Đô"


@pytest.mark.parametrize("kind", ["progress_report", "score_sheet", "framework"])
def test_schema_prints_the_schema_of_each_kind(kind: str) -> None:
    code, out, err = run("schema", "--kind", kind)
    assert (code, err) == (0, "")
    schema = json.loads(out)
    assert schema["properties"]["document"] == {"const": kind}
    classes = {
        "progress_report": parplan.ProgressReport,
        "score_sheet": parplan.ScoreSheet,
        "framework": parplan.IndexFramework,
    }
    assert schema == parplan.json_schema(classes[kind])
