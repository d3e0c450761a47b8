"""Flat tables: the registry, stable keys, typed values, nothing dropped, the same rows in every format."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import parplan
from office_samples import many_tasks, mixed_tasks, office_plan
from parplan import Budget, Comparator, JointParty, MissingExtraError, Plan, Target, Task, Unit
from parplan.io.export import EXPORT_FORMATS, datapackage, export_tables
from parplan.io.tables import (
    TABLES,
    Column,
    ForeignKey,
    TableError,
    TableOptions,
    TableSpec,
    plan_key,
    register_table,
    table_specs,
    tables,
)
from strategies import examples, plans

DEFAULT = ("plans", "tasks", "outputs", "responsibilities", "timeframes", "targets", "references")


def test_the_default_tables() -> None:
    assert tables([office_plan()]).names == DEFAULT
    assert [spec.name for spec in table_specs()] == list(DEFAULT)
    assert "findings" in TABLES


@pytest.mark.parametrize("spec", list(TABLES.values()), ids=lambda spec: spec.name)
def test_every_table_is_declared_completely(spec: TableSpec) -> None:
    assert spec.description
    assert spec.columns[0].name == "plan_id"
    assert all(column.description for column in spec.columns)
    for fk in spec.foreign_keys:
        target = TABLES[fk.table]
        assert fk.references == target.primary_key
        assert len(fk.columns) == len(fk.references)


@pytest.mark.parametrize("plan", [office_plan(), parplan.load_example()], ids=["office", "example"])
def test_values_have_their_column_types_and_keys_are_unique(plan: Plan) -> None:
    found = tables([plan], names=list(TABLES))
    for table in found:
        for row in table.rows:
            assert len(row) == len(table.spec.columns)
            for column, value in zip(table.spec.columns, row, strict=True):
                assert value is None or type(value) in column.python_types, (table.name, column.name, value)
        key_positions = [table.columns.index(name) for name in table.spec.primary_key]
        keys = [tuple(row[i] for i in key_positions) for row in table.rows]
        assert len(set(keys)) == len(keys), table.name
        assert all(None not in key for key in keys)


def test_foreign_keys_name_existing_rows() -> None:
    found = tables([office_plan(), parplan.load_example()], names=list(TABLES))
    for table in found:
        for fk in table.spec.foreign_keys:
            target = found[fk.table]
            known = {tuple(row[target.columns.index(n)] for n in fk.references) for row in target.rows}
            for row in table.rows:
                value = tuple(row[table.columns.index(n)] for n in fk.columns)
                assert None in value or value in known, (table.name, value)


def test_nothing_is_dropped() -> None:
    plan = office_plan()
    found = tables([plan])
    assert len(found.tasks) == len(plan.tasks)
    assert len(found.outputs) == sum(len(task.outputs) for task in plan.tasks)
    assert len(found.targets) == sum(1 for _ in plan.targets())
    assert len(found.references) == len(plan.legal_bases) + sum(len(t.legal_bases) for t in plan.tasks)
    roles = [(row[1], row[2], row[4]) for row in found.responsibilities.rows]
    assert roles == [
        ("t1", "lead", "Văn phòng xã"),
        ("t1", "lead", "Tư pháp – Hộ tịch"),
        ("t1", "coordinating", "Các ban ngành liên quan"),
        ("t1", "implementing", "Đ/c Nguyễn Văn A, Công chức Văn phòng"),
        ("t2", "lead", "Văn hóa xã"),
        ("t3", "coordinating", "Công an xã"),
        ("t4", "lead", "Văn phòng xã"),
    ]
    steps = [(row[1], row[2], row[3], row[4]) for row in found.timeframes.rows if row[1] == "t1"]
    assert steps == [
        ("t1", 0, "compound", None),
        ("t1", 1, "within", "Ban hành Kế hoạch"),
        ("t1", 2, "before", "Báo cáo kết quả"),
    ]


def test_money_is_exact_dong() -> None:
    budgets = {row["task_id"]: row["budget"] for row in tables([office_plan()]).tasks.records()}
    assert budgets == {"t1": 1_234_567, "t2": 3_000_000, "t3": None, "t4": 150_000_000, "t5": 10**18 - 1}
    plan_row = next(tables([office_plan()]).plans.records())
    assert plan_row["budget"] == 1_234_567 + 3_000_000 + 150_000_000 + 10**18 - 1


def test_target_values_are_decimals_and_keep_their_ids() -> None:
    rows = list(tables([office_plan()]).targets.records())
    assert [(row["owner"], row["position"], row["target_id"], row["value"]) for row in rows] == [
        ("objective:o1", 1, None, Decimal(100)),
        ("task:t1", 1, "t1-a", Decimal("90.5")),
    ]


def test_repeated_task_ids_get_keys_of_their_own() -> None:
    first, second, *rest = mixed_tasks()
    plan = office_plan(tasks=(first, attrs.evolve(second, id=first.id), *rest))
    assert [row[1] for row in tables([plan]).tasks.rows] == ["t1", "t1#2", "t3", "t4", "t5"]
    assert {row[1] for row in tables([plan]).outputs.rows} == {"t1", "t1#2", "t4"}


def test_plan_keys() -> None:
    plan = office_plan()
    assert plan_key(plan) == "xã Sơn Giang, huyện Hương Sơn | 2023 | 12/KH-UBND"
    assert plan_key(attrs.evolve(plan, symbol=None)) == "xã Sơn Giang, huyện Hương Sơn | 2023"
    assert plan_key(plan, Path("plans") / "sơn-giang.json") == "plans/sơn-giang.json"
    keys = {row[0] for row in tables([("a/b.json", plan)]).tasks.rows}
    assert keys == {"a/b.json"}


def test_two_plans_with_one_key_are_refused() -> None:
    with pytest.raises(TableError, match=r"two documents have the key 'xã Sơn Giang, huyện Hương Sơn \| 2023"):
        tables([office_plan(), office_plan()])


def test_unknown_tables_and_documents_are_refused() -> None:
    with pytest.raises(TableError, match="unknown table 'statuses'; the tables are plans, tasks"):
        tables([office_plan()], names=["statuses"])
    with pytest.raises(parplan.InvariantError, match="must hold plans"):
        tables(["plan.json"])  # type: ignore[list-item]
    with pytest.raises(TableError, match="no table 'findings' here"):
        tables([office_plan()])["findings"]


def test_findings_are_made_when_asked_for() -> None:
    plan = parplan.load_example()
    found = tables([plan], names=["findings"])
    expected = parplan.check(plan)
    assert [row[2] for row in found.findings.rows] == [finding.code for finding in expected]
    assert [row[5] for row in found.findings.rows] == [finding.path for finding in expected]
    inside = [row for row in found.findings.rows if row[5].startswith("$.tasks[")]
    assert inside
    assert all(row[6] is not None for row in inside)


def test_a_table_of_another_kind_of_document_is_added_without_changing_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A statuses table from progress reports registers itself; the plan tables and their files stay as they were."""

    @attrs.frozen
    class Report:
        plan_id: str
        task_id: str
        status: str

    def rows(key: str, report: Report, _: TableOptions) -> list[tuple[Any, ...]]:
        return [(report.plan_id, report.task_id, key, report.status)]

    from parplan.io import tables as module

    monkeypatch.setattr(module, "_REGISTRY", dict(module._REGISTRY))
    before = {name: spec.table_schema() for name, spec in module._REGISTRY.items()}
    spec = TableSpec(
        name="statuses",
        description="One row per task status of a progress report.",
        columns=(
            Column(name="plan_id", type="string", description="The plan."),
            Column(name="task_id", type="string", description="The task."),
            Column(name="report", type="string", description="The report."),
            Column(name="status", type="string", description="done, late …"),
        ),
        primary_key=("plan_id", "task_id", "report"),
        foreign_keys=(ForeignKey(columns=("plan_id", "task_id"), table="tasks", references=("plan_id", "task_id")),),
        kind=Report,
        rows=rows,
    )
    register_table(spec)
    with pytest.raises(TableError, match="already registered"):
        register_table(spec)
    plan = office_plan()
    key = plan_key(plan)
    found = tables([plan, ("reports/r1.json", Report(key, "t1", "done"))])
    assert found.statuses.rows == [(key, "t1", "reports/r1.json", "done")]
    assert len(found.tasks) == len(plan.tasks)
    assert {name: spec.table_schema() for name, spec in module._REGISTRY.items() if name != "statuses"} == before


def test_a_foreign_key_to_an_unknown_table_is_refused() -> None:
    spec = TableSpec(
        name="orphans",
        description="x",
        columns=(Column(name="plan_id", type="string", description="x"),),
        primary_key=("plan_id",),
        foreign_keys=(ForeignKey(columns=("plan_id",), table="nowhere", references=("plan_id",)),),
        rows=lambda _key, _plan, _options: [],
    )
    with pytest.raises(TableError, match="refers to the unknown table 'nowhere'"):
        register_table(spec)


def test_a_table_gives_rows_or_appends_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parplan.io import tables as module

    monkeypatch.setattr(module, "_REGISTRY", dict(module._REGISTRY))
    columns = (
        Column(name="plan_id", type="string", description="The plan."),
        Column(name="tasks", type="integer", description="How many tasks."),
    )

    def rows(key: str, plan: Plan, _: TableOptions) -> list[tuple[Any, ...]]:
        return [(key, len(plan.tasks))]

    def append(key: str, plan: Plan, _: TableOptions, into: Any) -> int:
        into[0].append(key)
        into[1].append(len(plan.tasks))
        return 1

    by_rows = TableSpec(name="by_rows", description="x", columns=columns, primary_key=("plan_id",), rows=rows)
    by_columns = TableSpec(name="by_columns", description="x", columns=columns, primary_key=("plan_id",), append=append)
    register_table(by_rows)
    register_table(by_columns)
    plans = [("a.json", office_plan()), ("b.json", parplan.load_example())]
    found = tables(plans, names=["by_rows", "by_columns"])
    expected = [("a.json", len(plans[0][1].tasks)), ("b.json", len(plans[1][1].tasks))]
    assert found.by_rows.rows == found.by_columns.rows == expected
    for fmt in EXPORT_FORMATS:
        summary = export_tables(plans, tmp_path / fmt, format=fmt, names=["by_rows", "by_columns"])
        assert summary.rows == {"by_rows": 2, "by_columns": 2}
    import pyarrow.parquet as pq

    for name in ("by_rows", "by_columns"):
        assert [tuple(row.values()) for row in pq.read_table(tmp_path / "parquet" / f"{name}.parquet").to_pylist()] == (
            expected
        )
    with pytest.raises(parplan.InvariantError, match="must be given"):
        TableSpec(name="neither", description="x", columns=columns, primary_key=("plan_id",))
    wrong = TableSpec(
        name="wrong", description="x", columns=columns, primary_key=("plan_id",), rows=lambda key, _p, _o: [(key,)]
    )
    register_table(wrong)
    with pytest.raises(TableError, match="table 'wrong': a row of 1 values for 2 columns"):
        export_tables(plans, tmp_path / "wrong", format="parquet", names=["wrong"])


def test_specs_check_their_own_keys() -> None:
    with pytest.raises(parplan.InvariantError, match="must name columns of the table"):
        TableSpec(
            name="bad",
            description="x",
            columns=(Column(name="plan_id", type="string", description="x"),),
            primary_key=("task_id",),
            rows=lambda _key, _plan, _options: [],
        )
    with pytest.raises(parplan.InvariantError, match="lower-case name"):
        Column(name="Plan ID", type="string", description="x")


# --- the files -----------------------------------------------------------------------------------------


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _within_int64() -> Plan:
    """The mixed plan without its fifth task, whose budget is the largest a plan may hold."""
    return office_plan(tasks=mixed_tasks()[:4])


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_holds_the_same_rows(tmp_path: Path, fmt: str) -> None:
    plans = [("plans/a.json", _within_int64()), ("plans/b.json", parplan.load_example())]
    summary = export_tables(plans, tmp_path, format=fmt)  # type: ignore[arg-type]
    expected = tables(plans)
    assert summary.documents == 2
    assert summary.rows == {table.name: len(table) for table in expected}
    for table in expected:
        path = tmp_path / f"{table.name}.{fmt}"
        if fmt == "csv":
            read = [tuple(row.values()) for row in _csv_rows(path)]
            assert read == [tuple(_text(value) for value in row) for row in table.rows]
        elif fmt == "jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            decoded = [json.loads(line, parse_float=Decimal) for line in lines]
            assert [list(row) for row in decoded] == [list(table.columns)] * len(decoded)
            assert [
                tuple(_json(value, column.type) for value, column in zip(row.values(), table.spec.columns, strict=True))
                for row in decoded
            ] == table.rows
        else:
            import pyarrow.parquet as pq

            read_back = pq.read_table(path)
            assert read_back.schema.names == list(table.columns)
            assert [tuple(row.values()) for row in read_back.to_pylist()] == table.rows
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package == datapackage(table_specs(), fmt)  # type: ignore[arg-type]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [f"{name}.{fmt}" for name in DEFAULT] + ["datapackage.json"]
    )


def _json(value: object, type_: str) -> object:
    if value is None:
        return None
    if type_ == "date":
        return date.fromisoformat(str(value))
    if type_ == "number":
        return Decimal(str(value))
    return value


def test_the_datapackage_describes_every_column(tmp_path: Path) -> None:
    export_tables([office_plan()], tmp_path, format="csv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    tasks = next(resource for resource in package["resources"] if resource["name"] == "tasks")
    assert tasks["path"] == "tasks.csv"
    assert tasks["schema"]["primaryKey"] == ["plan_id", "task_id"]
    assert tasks["schema"]["foreignKeys"] == [
        {"fields": ["plan_id"], "reference": {"resource": "plans", "fields": ["plan_id"]}}
    ]
    budget = next(field for field in tasks["schema"]["fields"] if field["name"] == "budget")
    assert budget["type"] == "integer"
    assert "đồng" in budget["description"]


def test_a_value_parquet_cannot_hold_is_named(tmp_path: Path) -> None:
    # each budget within the model's bound (10^18), their total over a 64-bit integer's
    tasks = tuple(Task(id=f"t{n}", title="Mua sắm", budget=Budget(amount=10**18)) for n in range(10))
    huge = "table 'plans', column 'budget': the value 10000000000000000000 does not fit a 64-bit integer"
    with pytest.raises(TableError, match=huge):
        export_tables([office_plan(tasks=tasks)], tmp_path, format="parquet")
    assert list(tmp_path.iterdir()) == []  # nothing half written is left


def test_parquet_keeps_every_type_and_decimals_exactly(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    values = (Decimal("0.000000000001"), Decimal("999999999999999.999999999999"), Decimal("-12.5"), Decimal(100))
    targets = tuple(
        Target(id=f"d{n}", comparator=Comparator.EQ, value=value, unit=Unit.COUNT) for n, value in enumerate(values)
    )
    plan = office_plan(tasks=(Task(id="t1", title="Đo lường", targets=targets),))
    export_tables([("p.json", plan)], tmp_path, format="parquet")
    for spec in table_specs():
        schema = pq.read_schema(tmp_path / f"{spec.name}.parquet")
        assert [(field.name, field.type) for field in schema] == [
            (field.name, field.type) for field in spec.arrow_schema()
        ]
    schema = pq.read_schema(tmp_path / "targets.parquet")
    assert schema.field("value").type == pa.decimal128(38, 12)
    read = [row for row in pq.read_table(tmp_path / "targets.parquet").to_pylist() if row["owner"] == "task:t1"]
    assert [row["value"] for row in read] == list(values)  # the same numbers, not a float among them
    assert [str(row["value"]) for row in read][:2] == ["1E-12", "999999999999999.999999999999"]


def test_buffered_rows_stay_bounded_whatever_the_number_of_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parplan.io import export as module

    waiting: list[int] = []
    flush = module._flush

    def counting(buffers: dict[str, list[list[Any]]], *args: Any, **kwargs: Any) -> None:
        waiting.append(sum(len(columns[0]) for columns in buffers.values()))
        flush(buffers, *args, **kwargs)

    monkeypatch.setattr(module, "_flush", counting)
    plan = office_plan(tasks=many_tasks(30))
    per_plan = sum(len(table) for table in tables([plan]))
    summary = export_tables(((f"p{i}.json", plan) for i in range(12)), tmp_path, format="parquet", row_group_rows=200)
    assert sum(waiting) == sum(summary.rows.values()) == 12 * per_plan
    assert max(waiting) < 200 + per_plan  # written as soon as 200 rows wait: never more than one plan beyond
    assert len(waiting) >= 12 * per_plan // (200 + per_plan)


def test_row_groups_are_flushed_as_they_fill(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    plans = [(f"p{i}.json", office_plan(tasks=many_tasks(30))) for i in range(5)]
    export_tables(plans, tmp_path, format="parquet", names=["tasks"], row_group_rows=40)
    metadata = pq.ParquetFile(tmp_path / "tasks.parquet").metadata
    assert metadata.num_rows == 150
    assert metadata.num_row_groups == 3  # 60, 60 and 30 rows: written each time 40 or more are waiting


def test_the_input_is_streamed(tmp_path: Path) -> None:
    seen: list[int] = []

    def plans() -> Any:
        for index in range(3):
            seen.append(index)
            yield f"p{index}.json", office_plan(tasks=many_tasks(5))

    summary = export_tables(plans(), tmp_path, format="jsonl")
    assert seen == [0, 1, 2]
    assert summary.rows["tasks"] == 15


def test_pandas_and_arrow_frames() -> None:
    pytest.importorskip("pandas", reason="pandas is not installed: pip install pandas")
    frame = tables([_within_int64()]).tasks.to_pandas()
    assert list(frame.columns) == list(TABLES["tasks"].column_names)
    assert frame.loc[frame["task_id"] == "t1", "budget"].item() == 1_234_567


# --- any plan ------------------------------------------------------------------------------------------


@settings(max_examples=examples(60))
@given(plans(max_tasks=4))
def test_any_plan_gives_typed_rows_with_unique_keys_and_nothing_dropped(plan: Plan) -> None:
    found = tables([plan])
    for table in found:
        for row in table.rows:
            for column, value in zip(table.spec.columns, row, strict=True):
                assert value is None or type(value) in column.python_types, (table.name, column.name, value)
        positions = [table.columns.index(name) for name in table.spec.primary_key]
        keys = [tuple(row[i] for i in positions) for row in table.rows]
        assert len(set(keys)) == len(keys), table.name
    assert len(found.tasks) == len(plan.tasks)
    assert len(found.outputs) == sum(len(task.outputs) for task in plan.tasks)
    assert len(found.targets) == sum(1 for _ in plan.targets())
    parties = 0
    for task in plan.tasks:
        if task.responsibility is not None:
            lead = task.responsibility.lead
            parties += 0 if lead is None else len(lead.members) if isinstance(lead, JointParty) else 1
            parties += len(task.responsibility.coordinating) + len(task.responsibility.implementing)
            parties += len(task.responsibility.reporting)
    assert len(found.responsibilities) == parties


@settings(max_examples=examples(25), deadline=None)
@given(plans(max_tasks=3))
def test_any_plan_reads_back_the_same_from_csv(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        export_tables([("p.json", plan)], folder, format="csv")
        for table in tables([("p.json", plan)]):
            read = [tuple(row.values()) for row in _csv_rows(Path(folder) / f"{table.name}.csv")]
            assert read == [tuple(_text(value) for value in row) for row in table.rows]


def test_parquet_without_pyarrow_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r"writing Parquet needs pyarrow, .* pip install 'parplan\[parquet\]'"):
        export_tables([office_plan()], tmp_path / "out", format="parquet")
    assert not (tmp_path / "out").exists()


# --- the values of the rows: one definition for the model's tables and the fast path --------------


def test_every_default_table_is_filled_from_task_values_and_findings_from_the_plan() -> None:
    from parplan.io.tables import FILLERS

    assert tuple(FILLERS) == DEFAULT
    assert "findings" not in FILLERS


def _widths() -> dict[str, int]:
    """The width of each part the shared functions make, with the columns it stands for."""
    from parplan.io.tables import party_rows, reference_facts, target_facts, task_row, timeframe_rows

    task = mixed_tasks()[0]
    assert task.responsibility is not None
    assert task.responsibility.lead is not None
    assert task.timeframe is not None
    row = task_row(area="institutions", subarea=None, general_task=None, title="x", description=None, lead=None,
                   timeframe=None, budget=None, indicators=(), source=None, notes=None)  # fmt: skip
    return {
        "tasks": 3 + len(row),  # the plan, the task and the position first
        "responsibilities": 4 + len(party_rows(task.responsibility.lead)[0]),  # plan, task, role, position
        "timeframes": 2 + len(timeframe_rows(task.timeframe)[1][0]),  # plan, task
        "targets": 4 + len(target_facts(task.targets[0])),  # plan, owner, position, task
        "references": 4 + len(reference_facts(task.legal_bases[0])),
    }


@pytest.mark.parametrize("name", ["tasks", "responsibilities", "timeframes", "targets", "references"])
def test_the_shared_values_are_as_wide_as_their_tables(name: str) -> None:
    assert _widths()[name] == len(TABLES[name].columns)


@pytest.mark.parametrize(
    ("ids", "keys"),
    [
        (["a", "b", "c"], ("a", "b", "c")),
        (["a", "b", "a", "a"], ("a", "b", "a#2", "a#3")),
        (["I.1", "I.1", "II.2", "II.2"], ("I.1", "I.1#2", "II.2", "II.2#2")),
        ([], ()),
    ],
)
def test_unique_keys(ids: list[str], keys: tuple[str, ...]) -> None:
    from parplan.io.tables import unique_keys

    assert unique_keys(ids) == keys


def test_roles_number_their_parties_from_one_and_a_joint_lead_gives_a_row_per_member() -> None:
    from parplan.io.tables import party_rows, role_rows

    task = mixed_tasks()[0]
    responsibility = task.responsibility
    assert responsibility is not None
    assert responsibility.lead is not None
    rows = role_rows(
        (
            ("lead", [party_rows(responsibility.lead)]),
            ("coordinating", map(party_rows, responsibility.coordinating)),
            ("implementing", map(party_rows, responsibility.implementing)),
            ("reporting", ()),
        )
    )
    assert rows == (
        ("lead", 1, "Văn phòng xã", "organisation", True, None, None, None),
        ("lead", 2, "Tư pháp – Hộ tịch", "organisation", True, None, None, None),
        ("coordinating", 1, "Các ban ngành liên quan", "collective", False, None, None, None),
        (
            "implementing",
            1,
            "Đ/c Nguyễn Văn A, Công chức Văn phòng",
            "official",
            False,
            None,
            "Nguyễn Văn A",
            "Công chức Văn phòng",
        ),
    )


@pytest.mark.parametrize("task", mixed_tasks(), ids=lambda task: task.id)
def test_task_values_give_the_task_row_of_the_tasks_table(task: Task) -> None:
    from parplan.io.tables import task_values

    found = tables([office_plan(tasks=(task,))])
    (row,) = found.tasks.rows
    assert task_values(task).row == row[3:]
    assert task_values(task).outputs == task.outputs
