"""Progress benchmark: evaluate, roll up and rank a whole country's quarterly reports, beside pandas and DuckDB.

    python benchmarks/bench_progress.py             # 3,321 communes, 5 repetitions
    python benchmarks/bench_progress.py --quick     # 600 communes, 3 repetitions
    python benchmarks/bench_progress.py --communes 3321 --repeat 7 --seed 7

The data set (``_progress_corpus.py``): every commune's 2026 plan and its
reports for the first two quarters, evaluated as of 30 June 2026, about
166,000 task updates and 66,000 values. What is timed, in CPU seconds of this
process (the collector paused, medians of the repetitions, the libraries in
rotating order):

* parplan: ``evaluate`` of every plan with its reports, then ``rollup`` by
  area, lead, unit, the unit above and period, then ``rank_units`` for the
  country and within each province;
* pandas and DuckDB (one thread): the same states, from the same rules, and
  the same roll-ups and ranks, from flat tables of the same data (tasks with
  the last day their timeframe allows, updates, targets, values) and a table
  of the working-day calendar, all built before timing.

Every peer's counts (each roll-up's groups, by state, for tasks and targets)
and ranks are compared with parplan's; ``results_agree`` says whether they are
the same. Progress goes to standard error; the report to standard output,
whose last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from _progress_corpus import AS_OF, national

import parplan
from parplan import (
    Comparator,
    RollupKey,
    TaskState,
    rank_units,
    rollup,
    unit_key,
)
from parplan.calendar import official_calendar
from parplan.progress.evaluate import _days_of, _leads

TARGET_SECONDS = 1.5
"""The issue's bound: every commune's reports evaluated, rolled up and ranked in 1.5 s on one core."""
KEYS = (RollupKey.AREA, RollupKey.LEAD, RollupKey.UNIT, RollupKey.PARENT, RollupKey.PERIOD)
TASK_STATES = [state.value for state in TaskState]
TARGET_STATES = ["met", "on_track", "at_risk", "not_met", "no_data"]
DUE_SOON = parplan.DUE_SOON_WORKING_DAYS


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- parplan ---------------------------------------------------------------------------


def run_parplan(data: list[tuple[Any, Any]]) -> tuple[dict[str, float], Any]:
    """Evaluate, roll up, rank: the seconds of each step and the results."""
    start = time.process_time()
    statuses = [parplan.evaluate(plan, reports, as_of=AS_OF) for plan, reports in data]
    evaluated = time.process_time()
    rolled = {key: rollup(statuses, by=key) for key in KEYS}
    rolled_up = time.process_time()
    ranks = (rank_units(statuses), rank_units(statuses, within_parent=True))
    ranked = time.process_time()
    seconds = {
        "evaluate": evaluated - start,
        "rollups": rolled_up - evaluated,
        "ranks": ranked - rolled_up,
        "total": ranked - start,
    }
    return seconds, (statuses, rolled, ranks)


def _timed_parplan(data: list[tuple[Any, Any]]) -> tuple[float, Any]:
    seconds, results = run_parplan(data)
    return seconds["total"], (seconds, results)


def parplan_results(results: Any) -> dict[str, Any]:
    """parplan's roll-ups and ranks as plain data: key -> (task counts, target counts); unit -> rank."""
    _, rolled, (national_ranks, provincial_ranks) = results
    found: dict[str, Any] = {}
    for key, rows in rolled.items():
        found[key.value] = {
            row.key: (
                tuple(row.tasks.count(TaskState(state)) for state in TASK_STATES),
                tuple(getattr(row.targets, state) for state in TARGET_STATES),
            )
            for row in rows
        }
    found["rank"] = {unit_key(rank.unit): rank.rank for rank in national_ranks}
    found["rank_within"] = {unit_key(rank.unit): rank.rank for rank in provincial_ranks}
    return found


# --- the flat tables the peers start from ------------------------------------------------


def calendar_tables(first: date, last: date) -> tuple[int, np.ndarray, np.ndarray]:
    """The working-day calendar as arrays indexed by ordinal - base: the next working day, and working days so far."""
    calendar = official_calendar()
    base = first.toordinal()
    count = last.toordinal() - base + 1
    working = np.array([calendar.is_working_day(date.fromordinal(base + i)) for i in range(count)], dtype=bool)
    cumulative = np.cumsum(working).astype(np.int64)
    rolled = np.empty(count, dtype=np.int64)
    following = count - 1
    for index in range(count - 1, -1, -1):
        if working[index]:
            following = index
        rolled[index] = following + base
    return base, rolled, cumulative


def flat_tables(data: list[tuple[Any, Any]]) -> dict[str, pd.DataFrame]:
    """The data set as the flat tables a pandas or DuckDB user would load: dates as ordinals."""
    days = _days_of(official_calendar())
    tasks: list[tuple[Any, ...]] = []
    leads: list[tuple[int, str, str | None]] = []
    updates: list[tuple[Any, ...]] = []
    targets: list[tuple[Any, ...]] = []
    values: list[tuple[Any, ...]] = []
    for number, (plan, reports) in enumerate(data):
        unit = unit_key(plan.unit)
        parent = None if plan.unit.parent is None else unit_key(plan.unit.parent)
        for task in plan.tasks:
            latest = None if task.timeframe is None else days.bounds(task.timeframe)[1]
            area = None if task.area is None else task.area.value
            tasks.append((number, task.id, area, -1 if latest is None else latest.toordinal(), unit, parent))
            responsibility = task.responsibility
            names = () if responsibility is None else _leads(responsibility.lead)
            leads.extend((number, task.id, name) for name in names or (None,))
        plan_end = date(plan.last_year, 12, 31).toordinal()
        for objective in plan.objectives:
            area = None if objective.area is None else objective.area.value
            for target in objective.targets:
                baseline = target.baseline
                has_base = baseline is not None and baseline.value is not None and baseline.year is not None
                targets.append(
                    (
                        number,
                        target.id,
                        target.comparator.value,
                        float(target.value),
                        target.unit.value,
                        date(baseline.year, 12, 31).toordinal() if has_base else -1,  # type: ignore[union-attr,arg-type]
                        float(baseline.value) if has_base else np.nan,  # type: ignore[union-attr,arg-type]
                        plan_end,
                        area,
                        unit,
                        parent,
                    )
                )
        order = 0
        for index, report in enumerate(reports):
            window = report.data_window
            known = report.known_on.toordinal()
            for position, update in enumerate(report.updates):
                done = -1 if update.done_on is None else update.done_on.toordinal()
                updates.append(
                    (number, update.task, update.status.value, done, window.end.toordinal(), known, index, position)
                )
            for value in report.values:  # noqa: PD011 - a report's values, not a pandas frame
                order += 1
                day = (value.on or window.end).toordinal()
                unit_name = None if value.unit is None else value.unit.value
                values.append((number, value.target, float(value.value), unit_name, day, known, order))
    frames = {
        "tasks": pd.DataFrame(tasks, columns=["plan", "task", "area", "latest", "unit", "parent"]),
        "leads": pd.DataFrame(leads, columns=["plan", "task", "lead"]),
        "updates": pd.DataFrame(
            updates, columns=["plan", "task", "status", "done_on", "report_end", "known", "report", "position"]
        ),
        "targets": pd.DataFrame(
            targets,
            columns=[
                "plan",
                "target",
                "comparator",
                "goal",
                "tunit",
                "base_day",
                "base_value",
                "horizon",
                "area",
                "unit",
                "parent",
            ],
        ),
        "values": pd.DataFrame(values, columns=["plan", "target", "value", "vunit", "day", "known", "order"]),
    }
    for name in ("area", "unit", "parent"):
        frames["tasks"][name] = frames["tasks"][name].astype(object)
    return frames


# --- pandas ----------------------------------------------------------------------------


def _quarter(ordinals: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(ordinals.where(ordinals > 0) - 719163, unit="D")
    return (stamps.dt.year.astype("Int64").astype(str) + "Q" + stamps.dt.quarter.astype("Int64").astype(str)).where(
        ordinals > 0, None
    )


def pandas_states(frames: dict[str, pd.DataFrame], base: int, rolled: np.ndarray, cumulative: np.ndarray) -> Any:
    as_of = AS_OF.toordinal()
    updates = frames["updates"]
    updates = updates[updates["known"] <= as_of].sort_values(
        ["plan", "task", "report_end", "known", "report", "position"]
    )
    latest = updates.drop_duplicates(["plan", "task"], keep="last")
    tasks = frames["tasks"].merge(latest, on=["plan", "task"], how="left")
    has_deadline = tasks["latest"].to_numpy() > 0
    deadline = np.where(has_deadline, rolled[np.clip(tasks["latest"].to_numpy() - base, 0, len(rolled) - 1)], -1)
    cum = lambda ordinals: cumulative[np.clip(ordinals - base, 0, len(cumulative) - 1)]  # noqa: E731
    status = tasks["status"].to_numpy(dtype=object)
    done_on = tasks["done_on"].fillna(-1).to_numpy(dtype=np.int64)
    reported_to = tasks["report_end"].fillna(-1).to_numpy(dtype=np.int64)
    no_news = pd.isna(tasks["status"]).to_numpy()
    done = (status == "done") | (status == "done_late")
    late_by_day = has_deadline & (done_on > 0) & (done_on > deadline)
    past = has_deadline & (as_of > deadline)
    days_left = np.where(has_deadline, cum(deadline) - cum(np.full_like(deadline, as_of)), 10**9)
    held = (status == "blocked") | (status == "postponed")
    state = np.select(
        [
            no_news,
            done & (late_by_day | (status == "done_late")),
            done,
            status == "cancelled",
            past & (reported_to >= deadline),
            past,
            held,
            days_left <= DUE_SOON,
            status == "not_started",
        ],
        ["no_information", "done_late", "done", "cancelled", "overdue", "no_information", "at_risk", "due_soon",
         "not_started"],
        default="on_track",
    )  # fmt: skip
    tasks = tasks.assign(state=state, period=_quarter(pd.Series(deadline)))
    return tasks, pandas_targets(frames, as_of)


def pandas_targets(frames: dict[str, pd.DataFrame], as_of: int) -> pd.DataFrame:
    values = frames["values"]
    targets = frames["targets"]
    values = values[(values["known"] <= as_of) & (values["day"] <= as_of)]
    values = values.merge(targets[["plan", "target", "tunit"]], on=["plan", "target"])
    values = values[values["vunit"].isna() | (values["vunit"] == values["tunit"])]
    values = values.sort_values(["plan", "target", "day", "order"]).drop_duplicates(
        ["plan", "target", "day"], keep="last"
    )
    grouped = values.groupby(["plan", "target"], sort=False)
    series = pd.DataFrame(
        {
            "first_day": grouped["day"].first(),
            "first_value": grouped["value"].first(),
            "last_day": grouped["day"].last(),
            "last_value": grouped["value"].last(),
        }
    ).reset_index()
    table = targets.merge(series, on=["plan", "target"], how="left")
    goal, last = table["goal"].to_numpy(), table["last_value"].to_numpy()
    has = ~np.isnan(last)
    eq = (table["comparator"] == Comparator.EQ.value).to_numpy()
    met = np.where(eq, last == goal, last >= goal)
    from_first = has & (table["first_day"].to_numpy() < table["last_day"].to_numpy())
    from_base = (
        ~from_first
        & has
        & (table["base_day"].to_numpy() > 0)
        & (table["base_day"].to_numpy() < table["last_day"].to_numpy())
    )
    start_day = np.where(from_first, table["first_day"], np.where(from_base, table["base_day"], np.nan))
    start_value = np.where(from_first, table["first_value"], np.where(from_base, table["base_value"], np.nan))
    direction = np.where(eq, np.sign(goal - start_value), 1.0)
    needed = (goal - start_value) * direction
    remaining = table["horizon"].to_numpy() - start_day
    elapsed = table["last_day"].to_numpy() - start_day
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = ((last - start_value) * direction * remaining) / (needed * elapsed)
    on_track = (needed > 0) & (remaining > 0) & (ratio >= 0.95)
    past = as_of > table["horizon"].to_numpy()
    state = np.select(
        [~has, past & met, past, met, np.isnan(start_day), on_track],
        ["no_data", "met", "not_met", "met", "no_data", "on_track"],
        default="at_risk",
    )
    return table.assign(state=state, period=_quarter(table["horizon"]))


def _counts(frame: pd.DataFrame, key: str, states: list[str]) -> dict[Any, tuple[int, ...]]:
    table = pd.crosstab(frame[key].fillna("\0none"), frame["state"]).reindex(columns=states, fill_value=0)
    return {
        (None if index == "\0none" else index): tuple(int(n) for n in row)
        for index, row in zip(table.index, table.to_numpy(), strict=True)
    }


def pandas_rollups(tasks: pd.DataFrame, targets: pd.DataFrame, leads: pd.DataFrame) -> dict[str, Any]:
    found: dict[str, Any] = {}
    task_leads = tasks[["plan", "task", "state"]].merge(leads, on=["plan", "task"])
    target_leads = targets.assign(lead=None)
    for key, task_frame, target_frame, column in (
        ("area", tasks, targets, "area"),
        ("lead", task_leads, target_leads, "lead"),
        ("unit", tasks, targets, "unit"),
        ("parent", tasks, targets, "parent"),
        ("period", tasks, targets, "period"),
    ):
        task_counts = _counts(task_frame, column, TASK_STATES)
        target_counts = _counts(target_frame, column, TARGET_STATES)
        found[key] = {
            name: (task_counts.get(name, (0,) * len(TASK_STATES)), target_counts.get(name, (0,) * len(TARGET_STATES)))
            for name in {*task_counts, *target_counts}
        }
    return found


def pandas_ranks(tasks: pd.DataFrame) -> dict[str, Any]:
    counts = pd.crosstab(tasks["unit"], tasks["state"]).reindex(columns=TASK_STATES, fill_value=0)
    done = counts["done"] + counts["done_late"]
    countable = counts.sum(axis=1) - counts["cancelled"]
    share = (done * 100 / countable).where(countable > 0)
    parents = tasks.drop_duplicates("unit").set_index("unit")["parent"]
    frame = pd.DataFrame({"share": share, "parent": parents.reindex(share.index)})
    national_rank = frame["share"].rank(method="min", ascending=False)
    within = frame.groupby("parent")["share"].rank(method="min", ascending=False)
    return {
        "rank": {unit: (None if np.isnan(rank) else int(rank)) for unit, rank in national_rank.items()},
        "rank_within": {unit: (None if np.isnan(rank) else int(rank)) for unit, rank in within.items()},
    }


def run_pandas(frames: dict[str, pd.DataFrame], calendar: tuple[int, np.ndarray, np.ndarray]) -> tuple[float, Any]:
    start = time.process_time()
    tasks, targets = pandas_states(frames, *calendar)
    results = pandas_rollups(tasks, targets, frames["leads"])
    results.update(pandas_ranks(tasks))
    return time.process_time() - start, results


# --- DuckDB ----------------------------------------------------------------------------

_DUCK_STATES = """
CREATE OR REPLACE TEMP TABLE task_states AS
WITH news AS (
  SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (
      PARTITION BY plan, task ORDER BY report_end DESC, known DESC, report DESC, position DESC) AS rn
    FROM updates WHERE known <= $as_of) WHERE rn = 1
), dated AS (
  SELECT t.*, n.status, n.done_on, n.report_end,
         CASE WHEN t.latest > 0 THEN r.rolled ELSE -1 END AS deadline
  FROM tasks t LEFT JOIN news n USING (plan, task) LEFT JOIN calendar r ON r.day = t.latest
)
SELECT d.*,
  CASE
    WHEN d.status IS NULL THEN 'no_information'
    WHEN d.status IN ('done', 'done_late')
         AND (d.status = 'done_late' OR (d.deadline > 0 AND d.done_on > 0 AND d.done_on > d.deadline)) THEN 'done_late'
    WHEN d.status IN ('done', 'done_late') THEN 'done'
    WHEN d.status = 'cancelled' THEN 'cancelled'
    WHEN d.deadline > 0 AND $as_of > d.deadline AND d.report_end >= d.deadline THEN 'overdue'
    WHEN d.deadline > 0 AND $as_of > d.deadline THEN 'no_information'
    WHEN d.status IN ('blocked', 'postponed') THEN 'at_risk'
    WHEN d.deadline > 0 AND c.cum - a.cum <= $due_soon THEN 'due_soon'
    WHEN d.status = 'not_started' THEN 'not_started'
    ELSE 'on_track'
  END AS state,
  CASE WHEN d.deadline > 0 THEN year(DATE '0001-01-01' + INTERVAL (d.deadline - 1) DAY)::VARCHAR || 'Q'
       || quarter(DATE '0001-01-01' + INTERVAL (d.deadline - 1) DAY)::VARCHAR END AS period
FROM dated d LEFT JOIN calendar c ON c.day = d.deadline LEFT JOIN calendar a ON a.day = $as_of
"""

_DUCK_TARGETS = """
CREATE OR REPLACE TEMP TABLE target_states AS
WITH usable AS (
  SELECT v.* FROM "values" v JOIN targets t USING (plan, target)
  WHERE v.known <= $as_of AND v.day <= $as_of AND (v.vunit IS NULL OR v.vunit = t.tunit)
), per_day AS (
  SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY plan, target, day ORDER BY "order" DESC) AS rn FROM usable) WHERE rn = 1
), series AS (
  SELECT plan, target, min(day) AS first_day, arg_min(value, day) AS first_value,
         max(day) AS last_day, arg_max(value, day) AS last_value
  FROM per_day GROUP BY plan, target
), started AS (
  SELECT t.*, s.first_day, s.first_value, s.last_day, s.last_value,
    CASE WHEN s.first_day < s.last_day THEN s.first_day
         WHEN t.base_day > 0 AND t.base_day < s.last_day THEN t.base_day END AS start_day,
    CASE WHEN s.first_day < s.last_day THEN s.first_value
         WHEN t.base_day > 0 AND t.base_day < s.last_day THEN t.base_value END AS start_value,
    CASE WHEN t.comparator = '=' THEN s.last_value = t.goal ELSE s.last_value >= t.goal END AS met
  FROM targets t LEFT JOIN series s USING (plan, target)
), measured AS (
  SELECT *, CASE WHEN comparator = '=' THEN sign(goal - start_value) ELSE 1 END AS direction FROM started
)
SELECT *,
  CASE
    WHEN last_value IS NULL THEN 'no_data'
    WHEN $as_of > horizon AND met THEN 'met'
    WHEN $as_of > horizon THEN 'not_met'
    WHEN met THEN 'met'
    WHEN start_day IS NULL THEN 'no_data'
    WHEN (goal - start_value) * direction > 0 AND horizon - start_day > 0
         AND ((last_value - start_value) * direction * (horizon - start_day))
             / ((goal - start_value) * direction * (last_day - start_day)) >= 0.95 THEN 'on_track'
    ELSE 'at_risk'
  END AS state,
  year(DATE '0001-01-01' + INTERVAL (horizon - 1) DAY)::VARCHAR || 'Q'
    || quarter(DATE '0001-01-01' + INTERVAL (horizon - 1) DAY)::VARCHAR AS period
FROM measured
"""


def _duck_counts(connection: Any, sql: str, states: list[str]) -> dict[Any, tuple[int, ...]]:
    found: dict[Any, list[int]] = {}
    for name, state, count in connection.execute(sql).fetchall():
        found.setdefault(name, [0] * len(states))[states.index(state)] = int(count)
    return {name: tuple(counts) for name, counts in found.items()}


def run_duckdb(connection: Any) -> tuple[float, Any]:
    start = time.process_time()
    parameters = {"as_of": AS_OF.toordinal(), "due_soon": DUE_SOON}
    connection.execute(_DUCK_STATES, parameters)
    connection.execute(_DUCK_TARGETS, {"as_of": AS_OF.toordinal()})
    found: dict[str, Any] = {}
    for key, column in (
        ("area", "area"),
        ("lead", "l.lead"),
        ("unit", "unit"),
        ("parent", "parent"),
        ("period", "period"),
    ):
        source = "task_states s JOIN leads l USING (plan, task)" if key == "lead" else "task_states"
        task_sql = f"SELECT {column}, state, count(*) FROM {source} GROUP BY ALL"  # noqa: S608 - our own names
        target_column = "NULL" if key == "lead" else column
        target_sql = f"SELECT {target_column}, state, count(*) FROM target_states GROUP BY ALL"  # noqa: S608
        tasks = _duck_counts(connection, task_sql, TASK_STATES)
        targets = _duck_counts(connection, target_sql, TARGET_STATES)
        found[key] = {
            name: (tasks.get(name, (0,) * len(TASK_STATES)), targets.get(name, (0,) * len(TARGET_STATES)))
            for name in {*tasks, *targets}
        }
    ranks = connection.execute(
        """
        WITH shares AS (
          SELECT unit, any_value(parent) AS parent,
                 CASE WHEN count(*) FILTER (WHERE state <> 'cancelled') > 0 THEN
                   100.0 * count(*) FILTER (WHERE state IN ('done', 'done_late'))
                   / count(*) FILTER (WHERE state <> 'cancelled') END AS share
          FROM task_states GROUP BY unit)
        SELECT unit,
          CASE WHEN share IS NOT NULL THEN rank() OVER (ORDER BY share DESC NULLS LAST) END,
          CASE WHEN share IS NOT NULL THEN rank() OVER (PARTITION BY parent ORDER BY share DESC NULLS LAST) END
        FROM shares
        """
    ).fetchall()
    found["rank"] = {unit: rank for unit, rank, _ in ranks}
    found["rank_within"] = {unit: rank for unit, _, rank in ranks}
    return time.process_time() - start, found


def duckdb_connection(frames: dict[str, pd.DataFrame], calendar: tuple[int, np.ndarray, np.ndarray]) -> Any:
    connection = duckdb.connect(config={"threads": 1})
    base, rolled, cumulative = calendar
    days = pd.DataFrame({"day": np.arange(base, base + len(rolled)), "rolled": rolled, "cum": cumulative})
    for name, frame in (*frames.items(), ("calendar", days)):
        connection.register(f"{name}_frame", frame)
        connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM "{name}_frame"')  # noqa: S608 - our own names
        connection.unregister(f"{name}_frame")
    return connection


# --- the run ---------------------------------------------------------------------------


def _same(ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[bool, list[str]]:
    differences = []
    for key in (*(key.value for key in KEYS), "rank", "rank_within"):
        mine, other = ours[key], theirs[key]
        if key == "lead":  # targets have no lead in the data set: both count them under no lead
            pass
        if mine != other:
            missing = [name for name in mine if mine[name] != other.get(name)][:3]
            differences.append(f"{key}: {len(missing)}+ groups differ, e.g. {missing}")
    return not differences, differences


def _median(times: list[float]) -> float:
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - the run, then its report
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="600 communes, 3 repetitions")
    args = parser.parse_args(argv)
    if args.quick:
        args.communes, args.repeat = 600, 3
    started = time.perf_counter()
    _log(f"building {args.communes} communes' plans and reports (seed {args.seed}) ...")
    data = national(args.seed, args.communes)
    generated = time.perf_counter() - started
    tasks = sum(len(plan.tasks) for plan, _ in data)
    updates = sum(len(report.updates) for _, reports in data for report in reports)
    values = sum(len(report.values) for _, reports in data for report in reports)
    targets = sum(len(objective.targets) for plan, _ in data for objective in plan.objectives)
    reports = sum(len(reports) for _, reports in data)
    _log(f"  {tasks:,} tasks, {reports:,} reports, {updates:,} task updates, {values:,} values in {generated:.1f} s")
    _log("building the flat tables and the calendar table for the peers ...")
    frames = flat_tables(data)
    calendar = calendar_tables(date(2024, 1, 1), date(2028, 12, 31))
    connection = duckdb_connection(frames, calendar)
    parplan.evaluate(data[0][0], data[0][1], as_of=AS_OF)  # the calendar's tables of 2025-2026, built once
    runs: dict[str, Callable[[], tuple[float, Any]]] = {
        "parplan": lambda: _timed_parplan(data),
        "pandas": lambda: run_pandas(frames, calendar),
        "duckdb": lambda: run_duckdb(connection),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    steps: dict[str, list[float]] = {"evaluate": [], "rollups": [], "ranks": []}
    outputs: dict[str, Any] = {}
    names = list(runs)
    for round_index in range(args.repeat):
        order = names[round_index % len(names) :] + names[: round_index % len(names)]
        for name in order:
            gc.collect()
            gc.disable()
            try:
                seconds, output = runs[name]()
            finally:
                gc.enable()
            times[name].append(seconds)
            if name == "parplan":
                for step, step_times in steps.items():
                    step_times.append(output[0][step])
                output = parplan_results(output[1])
            outputs[name] = output
            del output
        _log(f"  round {round_index + 1}: " + ", ".join(f"{name} {times[name][-1]:.3f} s" for name in names))
    agree = {}
    for peer in ("pandas", "duckdb"):
        same, differences = _same(outputs["parplan"], outputs[peer])
        agree[peer] = same
        for line in differences:
            _log(f"  {peer} differs: {line}")
    medians = {name: _median(seconds) for name, seconds in times.items()}
    figures = {
        "communes": args.communes,
        "tasks": tasks,
        "reports": reports,
        "task_updates": updates,
        "values": values,
        "targets": targets,
        "repeat": args.repeat,
        "seed": args.seed,
        "parplan_seconds": round(medians["parplan"], 3),
        "parplan_evaluate_seconds": round(_median(steps["evaluate"]), 3),
        "parplan_rollups_seconds": round(_median(steps["rollups"]), 3),
        "parplan_ranks_seconds": round(_median(steps["ranks"]), 3),
        "pandas_seconds": round(medians["pandas"], 3),
        "duckdb_seconds": round(medians["duckdb"], 3),
        "parplan_vs_pandas": round(medians["parplan"] / medians["pandas"], 2),
        "parplan_vs_duckdb": round(medians["parplan"] / medians["duckdb"], 2),
        "us_per_task_update": round(medians["parplan"] / max(updates, 1) * 1e6, 2),
        "target_seconds": TARGET_SECONDS,
        "target_met": medians["parplan"] <= TARGET_SECONDS if args.communes >= 3321 else None,
        "results_agree": agree,
        "all_parplan_seconds": [round(t, 3) for t in times["parplan"]],
        "generation_seconds": round(generated, 1),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
        "parplan": parplan.__version__,
        "pandas": pd.__version__,
        "duckdb": duckdb.__version__,
        "numpy": np.__version__,
    }
    print(
        f"{args.communes:,} communes: {tasks:,} tasks, {updates:,} task updates, {values:,} values "
        f"(CPU seconds, medians of {args.repeat})"
    )
    print(
        f"  parplan {medians['parplan']:.3f} s (evaluate {figures['parplan_evaluate_seconds']}, rollups "
        f"{figures['parplan_rollups_seconds']}, ranks {figures['parplan_ranks_seconds']}); pandas "
        f"{medians['pandas']:.3f} s; DuckDB (1 thread) {medians['duckdb']:.3f} s"
    )
    print(f"  same results: pandas {agree['pandas']}, DuckDB {agree['duckdb']}", end="")
    print(f"; bound {TARGET_SECONDS} s met: {figures['target_met']}")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
