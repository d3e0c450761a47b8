"""parplan export PATHS --format csv|jsonl|parquet -o DIR, and parplan export PLAN --format xlsx -o FILE."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import parplan
from office_samples import many_tasks, office_plan
from parplan.cli import main
from parplan.io.sheets import read_appendix, read_sheets


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    (plans / "huyen-a").mkdir(parents=True)
    parplan.dump(office_plan(tasks=many_tasks(12)), plans / "huyen-a" / "son-giang-2023.json")
    parplan.dump(parplan.load_example(), plans / "son-chau-2022.json")
    return plans


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_folder_of_plans_to_tables(tmp_path: Path, fmt: str) -> None:
    plans = _folder(tmp_path)
    out = tmp_path / "tables"
    code, stdout, err = _run("export", str(plans), "--format", fmt, "-o", str(out))
    assert (code, stdout, err) == (0, "", "")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [resource["path"] for resource in package["resources"]] == [
        f"{name}.{fmt}"
        for name in ("plans", "tasks", "outputs", "responsibilities", "timeframes", "targets", "references")
    ]
    if fmt == "csv":
        with (out / "plans.csv").open(encoding="utf-8", newline="") as handle:
            ids = [row["plan_id"] for row in csv.DictReader(handle)]
        assert ids == [f"{plans.as_posix()}/huyen-a/son-giang-2023.json", f"{plans.as_posix()}/son-chau-2022.json"]


def test_findings_on_request(tmp_path: Path) -> None:
    code, _, err = _run("export", "--example", "--findings", "--as-of", "30/6/2022", "-o", str(tmp_path))
    assert (code, err) == (0, "")
    with (tmp_path / "findings.csv").open(encoding="utf-8", newline="") as handle:
        codes = [row["code"] for row in csv.DictReader(handle)]
    assert codes == [
        f.code for f in parplan.check(parplan.load_example(), as_of=parplan.ReportingPeriod.parse("2022S1").end)
    ]


def test_chosen_tables(tmp_path: Path) -> None:
    code, _, err = _run("export", "--example", "--tables", "plans,tasks", "-o", str(tmp_path))
    assert (code, err) == (0, "")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["datapackage.json", "plans.csv", "tasks.csv"]
    code, _, err = _run("export", "--example", "--tables", "plans,statuses", "-o", str(tmp_path / "x"))
    assert code == 2
    assert err.startswith("parplan export: unknown table 'statuses'; the tables are plans, tasks")


def test_broken_files_are_reported_and_left_out(tmp_path: Path) -> None:
    plans = _folder(tmp_path)
    (plans / "broken.json").write_text('{"title": "không phải kế hoạch"}', encoding="utf-8")
    out = tmp_path / "tables"
    code, _, err = _run("export", str(plans), "-o", str(out))
    assert code == 2
    assert err.startswith(f"{plans / 'broken.json'}: not a valid plan document, left out\n")
    with (out / "plans.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 2


def test_usage_errors(tmp_path: Path) -> None:
    code, _, err = _run("export", "-o", str(tmp_path))
    assert (code, err) == (2, "parplan export: give one or more plan files or folders, or --example\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = _run("export", str(empty), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "no plan files (.json, .toml) in this folder" in err
    code, _, err = _run("export", "--example", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"), str(empty))
    assert (code, err) == (2, "parplan export: --format xlsx takes one plan file, or --example\n")


def test_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = _run("export", "--example", "-o", str(blocker / "tables"))
    assert code == 2
    assert err.startswith(f"parplan export: {blocker / 'tables'}: cannot be read or written")


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_one_plan_appendix_to_excel(tmp_path: Path, locale: str) -> None:
    source = tmp_path / "plan.json"
    parplan.dump(office_plan(), source)
    target = tmp_path / "phu-luc.xlsx"
    code, _, err = _run("export", str(source), "--format", "xlsx", "--locale", locale, "-o", str(target))
    assert (code, err) == (0, "")
    assert target.read_bytes() == parplan.render(office_plan(), format="xlsx", locale="vi" if locale == "vi" else "en")
    table = read_appendix(read_sheets(target)[0])
    assert sum(1 for row in table.rows if row.kind == "task") == len(office_plan().tasks)


def test_render_docx_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.docx"
    code, _, err = _run("render", "--example", "--format", "docx", "-o", str(target))
    assert (code, err) == (0, "")
    assert target.read_bytes() == parplan.render(parplan.load_example(), format="docx", locale="vi")


def test_render_binary_to_text_output_is_refused() -> None:
    code, out, err = _run("render", "--example", "--format", "docx")
    assert (code, out) == (2, "")
    assert err == "parplan render: a docx file is binary: give -o FILE, or redirect standard output\n"


def test_the_collector_is_tuned_for_the_export_and_set_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from parplan.cli import export as command
    from parplan.io.tables import append_all

    seen: list[tuple[tuple[int, ...], int]] = []

    def watching(*args: Any, **kwargs: Any) -> int:
        seen.append((gc.get_threshold(), gc.get_freeze_count()))
        return append_all(*args, **kwargs)

    monkeypatch.setattr("parplan.io.export.append_all", watching)
    before = gc.get_threshold()
    plans = tmp_path / "plans"
    plans.mkdir()
    for index in range(3):
        parplan.dump(office_plan(tasks=many_tasks(4 + index)), plans / f"p{index}.json")
    if gc.get_freeze_count():  # objects frozen by someone else: the command leaves the collector alone
        pytest.skip("the test process has frozen objects of its own")
    assert _run("export", str(plans), "--format", "csv", "-o", str(tmp_path / "out"))[0] == 0
    assert [threshold[0] for threshold, _ in seen] == [max(before[0], command.YOUNG_OBJECTS)] * 3
    frozen = [count for _, count in seen]
    assert 0 < frozen[0] < frozen[1], "what the first plan brought is frozen before the second"
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_the_first_document_is_followed_by_one_call(count: int) -> None:
    from parplan.cli.export import _then

    calls: list[int] = []
    taken: list[int] = []
    for item in _then(range(count), lambda: calls.append(len(taken))):
        assert item == len(taken), "in order, none left out"
        taken.append(item)
    assert len(taken) == count
    assert calls == ([1] if count else [])
