"""A reading (``parplan read``'s output) goes wherever a plan goes: check, render, export, status.

``parplan read plan.docx -o plan.json && parplan check plan.json`` is the way a
document becomes checked: the commands that take a plan take the draft plan of a
reading, and the findings point into the reading file given (``$.plan…``), with
the line of the original document beside them.
"""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import parplan
from parplan.cli import main
from parplan.read.reading import Reading
from parplan.read.source import DocumentFormat
from read_scoring import REAL, SYNTHETIC


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def reading_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("readings") / "xa.reading.json"
    code, _, _ = run("read", str(SYNTHETIC / "xa-2023-theo-linh-vuc.txt"), "-o", str(path))
    assert code in {0, 1}
    return path


def test_check_takes_a_reading_and_points_into_it(reading_file: Path) -> None:
    code, out, err = run("check", str(reading_file), "--output-format", "json", "--exit-zero")
    assert code == 0, err
    findings = json.loads(out)
    assert findings
    reading = parplan.load(reading_file, kind=Reading)
    assert reading.plan is not None
    expected = parplan.check(reading.plan)
    assert sorted(f["code"] for f in findings) == sorted(f.code for f in expected)
    for finding in findings:
        assert finding["path"].startswith("$.plan"), finding  # the path addresses the file given
    text = reading_file.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    data = json.loads(text)
    code, shown, _ = run("check", str(reading_file), "--exit-zero")
    assert len(shown.splitlines()) == len(findings) + 1  # a line per finding, then the summary
    for line in shown.splitlines()[:-1]:
        name, number, column, _rest = line.split(":", 3)
        assert name == str(reading_file)
        path = line.rsplit(" ($", 1)[1].split(")")[0]
        offset = sum(len(before) for before in lines[: int(number) - 1]) + int(column) - 1
        value, _ = json.JSONDecoder().raw_decode(text, offset)
        assert value == _at(data, "$" + path), line  # the position is where the finding's value starts


def _at(data: object, path: str) -> object:
    """The value a JSON path such as ``$.plan.tasks[2].title`` names."""
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        data = data[name] if name else data[int(index)]  # type: ignore[index]
    return data


def test_text_findings_name_the_line_of_the_document(tmp_path: Path) -> None:
    path = tmp_path / "son-chau.reading.json"
    run("read", str(REAL / "son-chau-2022.txt"), "-o", str(path))
    _, text, _ = run("check", str(path), "--exit-zero")
    located = [line for line in text.splitlines() if "[son-chau-2022.txt:" in line]
    assert located, text
    plan = parplan.load(path, kind=Reading).plan
    assert plan is not None
    for line in located:
        number = int(line.rsplit("[son-chau-2022.txt:", 1)[1].split("]")[0].split(",")[0])
        assert 1 <= number <= len((REAL / "son-chau-2022.txt").read_text(encoding="utf-8").splitlines())


def test_render_and_export_take_a_reading(reading_file: Path, tmp_path: Path) -> None:
    reading = parplan.load(reading_file, kind=Reading)
    assert reading.plan is not None
    code, out, err = run("render", str(reading_file))
    assert code == 0, err
    assert out == parplan.render(reading.plan, locale="vi")
    workbook = tmp_path / "phu-luc.xlsx"
    code, _, err = run("export", str(reading_file), "--format", "xlsx", "-o", str(workbook))
    assert code == 0, err
    assert workbook.read_bytes() == parplan.render(reading.plan, format="xlsx", locale="vi")


def test_a_reading_without_a_draft_plan_is_refused_with_its_doubts(tmp_path: Path) -> None:
    empty = Reading(plan=None, format=DocumentFormat.TEXT, file="note.txt", doubts=("no title was found",))
    path = tmp_path / "note.reading.json"
    path.write_text(parplan.dumps(empty), encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 2
    assert "$.plan: this reading holds no draft plan (no title was found)" in err
    code, _, err = run("render", str(path))
    assert code == 2
    assert "no draft plan" in err


def test_another_kind_of_document_is_still_refused_as_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "framework.json"
    framework = parplan.FRAMEWORKS[next(iter(parplan.FRAMEWORKS))]
    path.write_text(parplan.dumps(framework), encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 2
    assert "not a valid plan document" in err
    assert "$.document" in err


def test_findings_on_a_reading_carry_its_confidence_in_every_output(tmp_path: Path) -> None:
    path = tmp_path / "son-chau.reading.json"
    run("read", str(REAL / "son-chau-2022.txt"), "-o", str(path))
    plan = parplan.load(path, kind=Reading).plan
    assert plan is not None
    expected = [f.confidence for f in parplan.check(plan)]
    assert any(c is not None and c < Decimal("0.9") for c in expected)  # some rest on a doubtful reading
    _, out, _ = run("check", str(path), "--output-format", "json", "--exit-zero")
    assert [None if f["confidence"] is None else Decimal(f["confidence"]) for f in json.loads(out)] == expected
    _, out, _ = run("check", str(path), "--output-format", "sarif", "--exit-zero")
    results = json.loads(out)["runs"][0]["results"]
    assert [Decimal(r["properties"]["confidence"]) if "properties" in r else None for r in results] == expected
    _, text, _ = run("check", str(path), "--exit-zero")
    marked = [line for line in text.splitlines() if "{bản đọc chưa chắc: độ tin cậy " in line]
    assert len(marked) == sum(c is not None and c < Decimal("0.9") for c in expected)
    _, english, _ = run("check", str(path), "--exit-zero", "--locale", "en")
    assert len([line for line in english.splitlines() if "{doubtful reading: confidence 0." in line]) == len(marked)


def test_errors_resting_on_doubtful_readings_need_not_fail_the_run(tmp_path: Path) -> None:
    path = tmp_path / "son-chau.reading.json"
    run("read", str(REAL / "son-chau-2022.txt"), "-o", str(path))
    plan = parplan.load(path, kind=Reading).plan
    assert plan is not None
    errors = [f for f in parplan.check(plan) if f.severity is parplan.Severity.ERROR]
    least = min(f.confidence for f in errors if f.confidence is not None)
    assert run("check", str(path))[0] == 1
    code, shown, _ = run("check", str(path), "--min-confidence", "0")
    assert code == 1  # every error rests on a reading at least 0 sure
    most = max(f.confidence for f in errors if f.confidence is not None)
    assert least < most  # some errors rest on surer readings than others
    code, relaxed, _ = run("check", str(path), "--min-confidence", str(least + Decimal("0.001")))
    assert code == 1  # the surer errors still fail the run
    assert relaxed == shown  # nothing is hidden: the findings are the same, only the exit code differs
    assert all(f.confidence is not None for f in errors)
    assert run("check", str(path), "--min-confidence", str(most + Decimal("0.001")))[0] == 0
    code, _, err = run("check", str(path), "--min-confidence", "1.5")
    assert code == 2
    assert "expected a decimal from 0 to 1" in err
