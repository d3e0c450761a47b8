"""The tables of a plan file checked without building the plan (``io.fastrows``) equal the model's, errors too.

Every plan file of the repository, plans drawn by hypothesis and plans of the
benchmark's generator give the very same rows (same tables, same values of the
same types) through both paths; every broken file of a mutation corpus is
either refused by both with the same problems and JSON paths, or declined by
the fast path and read by the model's loader. The fast path never accepts what
the model refuses.
"""

from __future__ import annotations

import copy
import functools
import importlib.util
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import parplan
import strategies
from parplan.errors import ParplanError, PlanFormatError
from parplan.io import fastrows
from parplan.io.fastrows import CheckedPlan, checked_plan, fast_tables, load_many_for_tables
from parplan.io.tables import TableError, TableOptions, append_all, table_specs

orjson = pytest.importorskip("orjson", reason="the fast path reads canonical files with orjson only")

ROOT = Path(__file__).resolve().parents[2]
SPECS = table_specs()


def _canonical(data: dict[str, Any]) -> bytes:
    """The bytes of ``data`` in the canonical layout, as ``parplan.dump`` writes them."""
    return bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2)) + b"\n"


def _rows(document: object, key: str = "plans/p.json") -> dict[str, list[tuple[Any, ...]]]:
    columns = {spec.name: spec.empty_columns() for spec in SPECS}
    append_all(SPECS, key, document, TableOptions(), columns)
    return {name: list(zip(*found, strict=True)) for name, found in columns.items()}


def _typed(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[tuple[type, Any], ...]]]:
    """Each value with its type: 1 and True, or a date and a datetime, must not pass for each other."""
    return {name: [tuple((type(value), value) for value in row) for row in found] for name, found in rows.items()}


def _same_rows(raw: bytes) -> bool:
    """Whether the fast path took ``raw``; when it did, assert its rows are the model's."""
    checked = checked_plan(raw)
    if checked is None:
        return False
    plan = parplan.loads(raw)
    assert _typed(_rows(checked)) == _typed(_rows(plan))
    return True


# --- every plan of the repository --------------------------------------------------------------------


def _repository_plans() -> Iterator[Path]:
    for folder in ("examples", "src/parplan/data", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".json", ".toml"} and path.is_file():
                yield path


def _plans_of_repository() -> list[tuple[Path, parplan.Plan]]:
    found = []
    for path in _repository_plans():
        try:
            found.append((path, parplan.load(path)))
        except ParplanError:
            continue  # not a plan document (a reading's expectations, a broken case)
    return found


REPOSITORY = _plans_of_repository()


def test_the_repository_has_plans_to_compare() -> None:
    names = {path.name for path, _ in REPOSITORY}
    assert {"son-chau-2022.json", "mang-yang-2021.json", "son-giang-2021.json"} <= names


@pytest.mark.parametrize(("path", "plan"), REPOSITORY, ids=[str(p.relative_to(ROOT)) for p, _ in REPOSITORY])
def test_every_plan_of_the_repository_gives_the_same_rows(path: Path, plan: parplan.Plan) -> None:
    raw = path.read_bytes()
    if path.suffix == ".json":
        _same_rows(raw)  # as written: taken or declined, never different
    assert _same_rows(parplan.dumps(plan).encode("utf-8")), "the canonical form of a plan is taken"


def test_the_three_examples_are_taken_as_the_files_are() -> None:
    for name in ("son-chau-2022.json", "mang-yang-2021.json", "son-giang-2021.json"):
        assert _same_rows((ROOT / "examples" / name).read_bytes()), name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=strategies.plans(max_tasks=4))
def test_plans_drawn_by_hypothesis_give_the_same_rows(plan: parplan.Plan) -> None:
    assert _same_rows(parplan.dumps(plan).encode("utf-8")), "a valid plan in the canonical layout is taken"


def _benchmark_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("_parplan_bench_corpus", ROOT / "benchmarks" / "_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plans_of_the_benchmark_generator_are_all_taken_with_the_same_rows() -> None:
    corpus = _benchmark_corpus()
    for index, plan in enumerate(corpus.plans(2025, 12, (5, 40))):
        assert _same_rows(parplan.dumps(plan).encode("utf-8")), f"plan {index}"


# --- broken files: a mutation corpus -----------------------------------------------------------------


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:2]):
            yield from _paths(inner, (*path, index))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _delete(data: Any, path: tuple[Any, ...]) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return changed


def _wrong_values(value: Any) -> list[Any]:
    """Values of another type, and broken values of the same type (blank, bad id, bad date, bad number)."""
    if isinstance(value, str):
        return [12345, None, "", "   ", "không phải id!", "2022-13-45", "1.5e3", "Nam Long\u0301", ["x"]]
    if isinstance(value, bool):
        return ["true", 1, None]
    if isinstance(value, int):
        return ["7", 1.5, True, -1, 0, 10**19, None]
    if isinstance(value, list):
        return ["x", {}, [None], [12], None, [{}]]
    if isinstance(value, dict):
        return ["x", [], {}, None, {**value, "unknown_key": "x"}]
    return ["x"]


def _mutations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, value in _paths(data):
        if not path:
            continue
        where = "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
        for wrong in _wrong_values(value):
            yield f"{where} = {wrong!r}", _set(data, path, wrong)
        if isinstance(path[-1], str):
            yield f"{where} removed", _delete(data, path)
    tasks = data.get("tasks", [])
    if len(tasks) >= 2:
        yield "duplicate task id", _set(data, ("tasks", 1, "id"), tasks[0]["id"])
        yield "dangling section", _set(data, ("tasks", 0, "section"), "khong-co")
        yield "dangling objective", _set(data, ("tasks", 0, "objectives"), ["khong-co"])
        yield "unknown task key", _set(data, ("tasks", 1, "han"), "x")
    for index, task in enumerate(tasks[:6]):  # the checks of a responsibility as a whole
        responsibility = task.get("responsibility") or {}
        lead = responsibility.get("lead")
        if lead is not None:
            members = lead.get("members", [lead])
            repeated = {**responsibility, "coordinating": [*responsibility.get("coordinating", []), members[-1]]}
            yield f"task {index}: the lead coordinating", _set(data, ("tasks", index, "responsibility"), repeated)
            yield f"task {index}: the lead alone", _set(data, ("tasks", index, "responsibility"), {"lead": lead})
        yield (
            f"task {index}: only requested",
            _set(data, ("tasks", index, "responsibility"), {"requested": [{"name": "Mặt trận Tổ quốc xã"}]}),
        )
        yield (
            f"task {index}: nobody",
            _set(data, ("tasks", index, "responsibility"), {"coordinating": [], "lead": None}),
        )
    objectives = data.get("objectives", [])
    if len(objectives) >= 2 and objectives[0].get("id") is not None:
        yield "duplicate objective id", _set(data, ("objectives", 1, "id"), objectives[0]["id"])
    yield "older format", {**data, "format_version": 1}
    yield "unknown plan key", {**data, "ghi_chu_khac": "x"}


def _small_plan() -> dict[str, Any]:
    """A benchmark plan of a few tasks, with objectives, targets, budgets, references and compound timeframes."""
    corpus = _benchmark_corpus()
    plan = next(corpus.plans(7, 1, (6, 6)))
    data: dict[str, Any] = json.loads(parplan.dumps(plan))
    data["tasks"].sort(key=len, reverse=True)  # the tasks with the most parts first: those are mutated
    return data


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "examples" / "son-chau-2022.json").read_text(encoding="utf-8"))
    data["tasks"] = data["tasks"][:3]
    return data


MUTATED = [(f"{name}: {what}", raw) for name, base in (("bench", _small_plan()), ("son-chau", _example()))
           for what, raw in ((what, _canonical(changed)) for what, changed in _mutations(base))]  # fmt: skip


def _outcome(raw: bytes) -> tuple[str, Any]:
    try:
        return "plan", parplan.loads(raw)
    except PlanFormatError as error:
        return "refused", [(problem.path, problem.message) for problem in error.problems]


@functools.cache
def _outcomes() -> list[tuple[str, str, Any, CheckedPlan | None]]:
    """Each mutation: what it is, the model's outcome ("plan" or "refused") and value, the fast path's."""
    return [(what, *_outcome(raw), checked_plan(raw)) for what, raw in MUTATED]


def test_the_mutation_corpus_is_large_and_mixed() -> None:
    kinds = [kind for _, kind, _, _ in _outcomes()]
    assert len(kinds) > 1000
    assert kinds.count("refused") > 1000
    assert kinds.count("plan") > 200


def test_no_mutation_the_model_refuses_is_taken_and_every_one_it_accepts_gives_its_rows() -> None:
    taken_refused = [what for what, kind, _, checked in _outcomes() if kind == "refused" and checked is not None]
    different = [
        what
        for what, kind, plan, checked in _outcomes()
        if kind == "plan" and checked is not None and _typed(_rows(checked)) != _typed(_rows(plan))
    ]
    assert taken_refused == []
    assert different == []


def test_what_the_fast_path_takes_and_declines_among_the_mutations() -> None:
    taken = {what for what, kind, _, checked in _outcomes() if kind == "plan" and checked is not None}
    declined = {what for what, kind, _, checked in _outcomes() if kind == "plan" and checked is None}
    assert len(taken) > 200
    assert {"bench: duplicate task id", "bench: dangling section", "bench: dangling objective"} <= taken
    assert "bench: task 0: only requested" in taken
    refused = {what for what, kind, _, _ in _outcomes() if kind == "refused"}
    assert {"bench: task 0: the lead coordinating", "bench: task 0: nobody"} <= refused
    assert {"bench: older format", "son-chau: older format"} <= declined, "a format to migrate is the model's"


def _errors(loader: Any, folder: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    reported: list[tuple[str, str, list[tuple[str, str]]]] = []

    def on_error(path: Path, error: ParplanError) -> None:
        problems = [(p.path, p.message) for p in error.problems] if isinstance(error, PlanFormatError) else []
        reported.append((path.name, str(error), problems))

    for _ in loader(folder, on_error=on_error):
        pass
    return reported


def _same_errors(folder: Path, step: int) -> None:
    for number, (_, raw) in enumerate(MUTATED[::step]):
        (folder / f"plan-{number:04}.json").write_bytes(raw)
    (folder / "not-json.json").write_bytes(b'{\n  "format_version": 2,\n')
    (folder / "bad.toml").write_text('format_version = "2"\n', encoding="utf-8")
    expected = _errors(parplan.load_many, folder)
    assert len(expected) > 1000 // step
    assert _errors(load_many_for_tables, folder) == expected


def test_broken_files_report_the_same_errors_with_the_same_paths(tmp_path: Path) -> None:
    _same_errors(tmp_path, 9)  # a ninth of the corpus here; all of it in the slow test below


@pytest.mark.slow
def test_every_broken_file_reports_the_same_errors_with_the_same_paths(tmp_path: Path) -> None:
    _same_errors(tmp_path, 1)


def test_a_batch_without_on_error_raises_the_same_batch_error(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_bytes((ROOT / "examples" / "son-chau-2022.json").read_bytes())
    (tmp_path / "broken.json").write_bytes(_canonical({**_example(), "year": "2022"}))
    with pytest.raises(ParplanError) as model:
        list(parplan.load_many(tmp_path))
    seen: list[type] = []
    with pytest.raises(ParplanError) as fast:
        seen.extend(type(document) for _, document in load_many_for_tables(tmp_path))
    assert str(fast.value) == str(model.value)
    assert type(fast.value) is type(model.value)
    assert seen == [CheckedPlan], "the good file is taken, and yielded before the error"


# --- the export command ------------------------------------------------------------------------------


def _export(folder: Path, out: Path, fmt: str, *extra: str) -> tuple[int, str]:
    from parplan.cli import main

    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["export", str(folder), "--format", fmt, "-o", str(out), *extra])
    return code, err.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_the_export_writes_the_same_files_and_messages_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra")
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("son-chau-2022.json", "mang-yang-2021.json", "son-giang-2021.json"):
        (folder / name).write_bytes((ROOT / "examples" / name).read_bytes())
    corpus = _benchmark_corpus()
    for index, plan in enumerate(corpus.plans(11, 5, (3, 30))):
        parplan.dump(plan, folder / f"bench-{index}.json")
    (folder / "broken.json").write_bytes(_canonical({**_example(), "issued_on": "2022-02-30"}))
    (folder / "not-a-plan.json").write_text("[]\n", encoding="utf-8")
    fast = _export(folder, tmp_path / "fast", fmt)
    monkeypatch.setattr(fastrows, "fast_tables", lambda _: False)
    model = _export(folder, tmp_path / "model", fmt)
    assert fast == model
    assert fast[0] == 2
    assert "broken.json" in fast[1]
    for made in sorted((tmp_path / "model").iterdir()):
        mine = tmp_path / "fast" / made.name
        if fmt == "parquet" and made.suffix == ".parquet":
            import pyarrow.parquet as pq

            assert pq.read_table(mine).equals(pq.read_table(made), check_metadata=True), made.name
        else:
            assert mine.read_bytes() == made.read_bytes(), made.name


def test_the_export_takes_the_fast_path_for_canonical_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    corpus = _benchmark_corpus()
    for index, plan in enumerate(corpus.plans(3, 4, (3, 10))):
        parplan.dump(plan, folder / f"bench-{index}.json")
    seen: list[type] = []
    real = fastrows.load_many_for_tables

    def counting(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for path, document in real(*args, **kwargs):
            seen.append(type(document))
            yield path, document

    monkeypatch.setattr(fastrows, "load_many_for_tables", counting)
    assert _export(folder, tmp_path / "out", "csv") == (0, "")
    assert seen == [CheckedPlan] * 4


def test_findings_or_a_registered_table_need_the_plans_built() -> None:
    assert fast_tables(table_specs())
    assert not fast_tables(table_specs(["tasks", "findings"]))
    checked = checked_plan((ROOT / "examples" / "son-chau-2022.json").read_bytes())
    assert checked is not None
    columns = {spec.name: spec.empty_columns() for spec in table_specs(["findings"])}
    with pytest.raises(TableError, match="findings"):
        append_all(table_specs(["findings"]), "k", checked, TableOptions(), columns)


def test_files_the_fast_path_declines() -> None:
    example = (ROOT / "examples" / "son-chau-2022.json").read_bytes()
    assert checked_plan(example) is not None
    compact = json.dumps(json.loads(example), ensure_ascii=False).encode("utf-8")
    assert checked_plan(compact) is None, "another layout"
    repeated = example.replace(b'{\n  "format_version": 2,', b'{\n  "format_version": 2,\n  "format_version": 2,', 1)
    assert checked_plan(repeated) is None, "a key written twice"
    assert checked_plan(example, max_bytes=len(example) - 1) is None, "larger than the limit"
    assert checked_plan(example, max_depth=3) is None, "a depth limit below what a plan may need"


def test_without_orjson_every_file_is_read_by_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parplan.io import document

    (tmp_path / "son-chau-2022.json").write_bytes((ROOT / "examples" / "son-chau-2022.json").read_bytes())
    monkeypatch.setattr(document, "_orjson", None)
    monkeypatch.setattr(fastrows, "_orjson", None)
    assert not fast_tables(table_specs())
    assert checked_plan((tmp_path / "son-chau-2022.json").read_bytes()) is None
    assert [type(plan) for _, plan in load_many_for_tables(tmp_path)] == [parplan.Plan]


def test_the_fields_checked_are_those_of_a_task_today() -> None:
    import attrs

    from parplan.plan import Task

    assert {field.name for field in attrs.fields(Task)} == fastrows._TASK_FIELDS, (
        "a new field is declined until checked"
    )


@pytest.mark.parametrize("seed", [3, 17, 2025])
def test_a_checked_file_holds_the_task_values_the_model_makes(seed: int) -> None:
    from parplan.io.tables import task_keys, task_values

    corpus = _benchmark_corpus()
    examples = [parplan.load(ROOT / "examples" / "son-chau-2022.json"), *corpus.plans(seed, 3, (5, 30))]
    for plan in examples:
        checked = checked_plan(parplan.dumps(plan).encode("utf-8"))
        assert checked is not None
        made = tuple(map(task_values, plan.tasks))
        assert checked.keys == task_keys(plan)
        assert checked.tasks == made
        assert repr(checked.tasks) == repr(made), "the same values of the same types"


_UNIT = {"name": "Văn phòng - Thống kê"}
_POLICE = {"name": "Công an xã"}
_FRONT = {"kind": "collective", "name": "Các đoàn thể"}
_JOINT = {"kind": "joint", "members": [_UNIT, {"name": "Tư pháp - Hộ tịch"}]}


@pytest.mark.parametrize(
    ("responsibility", "taken"),
    [
        ({"lead": _UNIT}, True),
        ({"lead": _UNIT, "coordinating": [_POLICE, _FRONT]}, True),
        ({"coordinating": [_POLICE], "implementing": [_FRONT]}, True),
        ({"lead": _JOINT, "coordinating": [_POLICE], "reporting": [_FRONT]}, True),
        ({"requested": [_FRONT]}, True),  # the plan only asks: no row, but a responsibility
        ({"lead": _UNIT, "coordinating": [_POLICE, _UNIT]}, False),  # the lead coordinates too
        ({"lead": _JOINT, "coordinating": [{"name": "Tư pháp - Hộ tịch"}]}, False),  # a member of a joint lead
        ({"coordinating": [], "implementing": []}, False),  # nobody
        ({"coordinating": _POLICE}, False),  # a party where a list is due
        ({"lead": _UNIT, "owner": _POLICE}, False),  # an unknown role
    ],
)
def test_responsibilities_are_checked_role_by_role_as_the_model_checks_them(
    responsibility: dict[str, Any], taken: bool
) -> None:
    data = _small_plan()
    for task in data["tasks"][:3]:  # remembered roles meet again in other tasks
        task["responsibility"] = copy.deepcopy(responsibility)
    raw = _canonical(data)
    if taken:
        assert _same_rows(raw)
        return
    assert checked_plan(raw) is None
    with pytest.raises(PlanFormatError) as refused:
        parplan.loads(raw)
    paths = {problem.path.split(".responsibility")[0] for problem in refused.value.problems}
    assert paths == {"$.tasks[0]", "$.tasks[1]", "$.tasks[2]"}, "each task's responsibility, and nothing else"


def test_remembered_keys_are_copies_of_their_own_size() -> None:
    written = orjson.dumps({"name": "Văn phòng"})
    kept = fastrows._compact(written)
    assert kept == written
    assert kept is not written
    assert fastrows._compact("a text") == "a text"
