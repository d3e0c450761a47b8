"""Office and table benchmark: national Parquet export, appendix sheet read, Word write; peers in the same run.

    python benchmarks/bench_export.py            # 10,000 plans, about a million tasks
    python benchmarks/bench_export.py --quick    # 1,000 plans, about 100,000 tasks

What is measured (see benchmarks/README.md):

* **export**: a seeded synthetic corpus of commune plans of about 100 tasks each
  is written as files first; then ``parplan export CORPUS --format parquet -o
  DIR`` runs in a child process pinned to one core, whose CPU time, wall time
  and peak resident memory are read from the operating system. Beside it, in
  the same run and the same way: the floor (``parplan.load_many`` over the same
  files, writing nothing: what reading and validating alone costs) and a
  pandas script as an analyst would write it (``json.loads`` each file,
  ``pandas.json_normalize`` of its tasks, one ``to_parquet`` at the end; tasks
  only, no validation, everything in memory, so it runs over the first plans
  only and is compared per task).
* **appendix read**: a 200-task plan's appendix written as .xlsx, read back with
  every cell's provenance (``read_sheets`` + ``read_appendix``) by openpyxl and
  by python-calamine, beside flatten-tool's spreadsheet-to-JSON with its cell
  source map on the same sheet; medians of repeated runs.
* **docx write**: the same 200-task plan written as .docx by ``parplan.render``,
  beside the same document built with python-docx's own API (one call per
  paragraph, run and cell, as its documentation shows); medians.

The last line printed is one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from _corpus import CorpusInfo, make_plan, write_corpus

import parplan
from parplan.io.sheets import read_appendix, read_sheets

TARGETS = {
    "export_seconds_per_million_tasks": 30.0,
    "export_peak_rss_mb": 300.0,
    "appendix_read_openpyxl_ms": 120.0,
    "appendix_read_calamine_ms": 25.0,
    "docx_write_ms": 300.0,
}
"""The required figures of the office issue: upper bounds."""


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _expect(condition: bool, what: str) -> None:
    """Stop the benchmark when a result is not what every library must give."""
    if not condition:
        raise RuntimeError(f"unexpected result: {what}")


# --- the child processes -----------------------------------------------------------------------------

_EXPORT = """
import sys
from parplan.cli import main
sys.exit(main(["export", sys.argv[1], "--format", "parquet", "-o", sys.argv[2]]))
"""

_LOAD = """
import sys
import parplan
count = 0
for _, plan in parplan.load_many(sys.argv[1]):
    count += len(plan.tasks)
print(count)
"""

_PANDAS = """
import json, sys
from pathlib import Path
import pandas as pd
files = sorted(Path(sys.argv[1]).rglob("*.json"))[: int(sys.argv[3])]
frames = []
for path in files:
    data = json.loads(path.read_bytes())
    frame = pd.json_normalize(data["tasks"], sep="_")
    frame.insert(0, "plan_id", path.as_posix())
    frames.append(frame)
tasks = pd.concat(frames, ignore_index=True)
tasks.to_parquet(sys.argv[2])
print(len(tasks))
"""


def _pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _child(code: str, *args: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter pinned to one core: its CPU and wall seconds, peak RSS and output."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - this interpreter on our own code
            [sys.executable, "-c", code, *args],
            stdout=output,
            stderr=subprocess.PIPE,
            preexec_fn=_pin_to_one_core,  # noqa: PLW1509 - no threads started yet
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        output.seek(0)
        printed = output.read().decode("utf-8").strip()
    if process.returncode != 0:
        raise RuntimeError(f"child failed ({process.returncode}): {errors[-2000:]}")
    return {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "wall_s": wall,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "output": printed,
    }


# --- export at scale ---------------------------------------------------------------------------------


def _export(root: Path, plans: int, peer_plans: int, seed: int) -> dict[str, Any]:
    corpus = root / "corpus"
    marker = root / "corpus.json"
    wanted = {"seed": seed, "plans": plans, "tasks_per_plan": [90, 110]}
    known = json.loads(marker.read_text(encoding="utf-8")) if marker.is_file() else {}
    if {key: known.get(key) for key in wanted} == wanted:  # kept from an earlier run (--keep): the same files
        info = CorpusInfo(sorted(corpus.rglob("*.json")), known["tasks"], known["size"])
        _log(f"the corpus of {plans:,} plans kept in {corpus} is used again")
    else:
        _log(f"writing {plans:,} plans of about 100 tasks …")
        start = time.perf_counter()
        info = write_corpus(corpus, seed, plans, (90, 110))
        _log(f"  {info.task_count:,} tasks, {info.size / 1e6:.0f} MB in {time.perf_counter() - start:.0f} s")
        marker.write_text(json.dumps({**wanted, "tasks": info.tasks, "size": info.size}), encoding="utf-8")
    tasks = info.task_count
    results: dict[str, Any] = {"plans": plans, "tasks": tasks, "corpus_mb": round(info.size / 1e6)}
    _log("load_many over the corpus (the floor) …")
    floor = _child(_LOAD, str(corpus))
    _expect(int(floor["output"]) == tasks, f"load_many read {floor['output']} tasks of {tasks}")
    _log(f"  {floor['cpu_s']:.1f} s CPU")
    _log("parplan export --format parquet …")
    out = root / "tables"
    shutil.rmtree(out, ignore_errors=True)
    export = _child(_EXPORT, str(corpus), str(out))
    _log(f"  {export['cpu_s']:.1f} s CPU, {export['wall_s']:.1f} s wall, {export['peak_rss_mb']:.0f} MB peak")
    import pyarrow.parquet as pq

    rows = {path.stem: pq.ParquetFile(path).metadata.num_rows for path in sorted(out.glob("*.parquet"))}
    _expect(rows["tasks"] == tasks, f"tasks.parquet holds {rows['tasks']} rows for {tasks} tasks")
    peer_tasks = sum(info.tasks[:peer_plans])
    _log(f"pandas json_normalize peer over the first {peer_plans:,} plans ({peer_tasks:,} tasks) …")
    peer = _child(_PANDAS, str(corpus), str(root / "peer.parquet"), str(peer_plans))
    _expect(int(peer["output"]) == peer_tasks, f"pandas read {peer['output']} tasks of {peer_tasks}")
    _log(f"  {peer['cpu_s']:.1f} s CPU, {peer['peak_rss_mb']:.0f} MB peak")
    million = 1_000_000 / tasks
    per_task = {
        "export_us_per_task": export["cpu_s"] / tasks * 1e6,
        "floor_us_per_task": floor["cpu_s"] / tasks * 1e6,
        "pandas_us_per_task": peer["cpu_s"] / peer_tasks * 1e6,
    }
    results.update(
        {
            "rows": rows,
            "parquet_mb": round(sum(path.stat().st_size for path in out.glob("*.parquet")) / 1e6, 1),
            "export_cpu_s": round(export["cpu_s"], 2),
            "export_wall_s": round(export["wall_s"], 2),
            "export_seconds_per_million_tasks": round(export["cpu_s"] * million, 2),
            "export_wall_seconds_per_million_tasks": round(export["wall_s"] * million, 2),
            "export_peak_rss_mb": round(export["peak_rss_mb"], 1),
            "floor_cpu_s": round(floor["cpu_s"], 2),
            "floor_peak_rss_mb": round(floor["peak_rss_mb"], 1),
            "pandas_plans": peer_plans,
            "pandas_cpu_s": round(peer["cpu_s"], 2),
            "pandas_peak_rss_mb": round(peer["peak_rss_mb"], 1),
            **{key: round(value, 2) for key, value in per_task.items()},
            "export_vs_floor": round(per_task["export_us_per_task"] / per_task["floor_us_per_task"], 2),
            "export_vs_pandas": round(per_task["export_us_per_task"] / per_task["pandas_us_per_task"], 2),
        }
    )
    return results


# --- the 200-task plan: appendix read and docx write -------------------------------------------------


def _plan_of_200(seed: int) -> parplan.Plan:
    """A 200-task plan from the corpus, every task in the appendix (no prose sources)."""
    plan = make_plan(seed, 0, (200, 200))
    return attrs.evolve(plan, tasks=tuple(attrs.evolve(task, source=None) for task in plan.tasks))


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _flattentool(path: Path, root: Path) -> Callable[[], object]:
    import flattentool

    def run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            flattentool.unflatten(
                str(path),
                input_format="xlsx",
                output_name=str(root / "flattentool.json"),
                root_list_path="rows",
                cell_source_map=str(root / "flattentool-cells.json"),
                heading_source_map=str(root / "flattentool-headings.json"),
                default_configuration="skipRows 4, headerRows 1",
            )

    return run


def _peer_masthead(document: Any, block: Any) -> None:
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join(filter(None, (block.parent, block.issuer, block.number)))
    table.cell(0, 1).text = f"{block.country}\n{block.motto}\n{block.place_date}"


def _peer_title(document: Any, block: Any) -> None:
    document.add_paragraph().add_run(block.kind).bold = True
    document.add_paragraph().add_run(block.title).bold = True


def _peer_heading(document: Any, block: Any) -> None:
    document.add_paragraph().add_run(f"{block.number}. {block.text}").bold = True


def _peer_paragraph(document: Any, block: Any) -> None:
    document.add_paragraph(block.text)


def _peer_bullets(document: Any, block: Any) -> None:
    for item in block.items:
        document.add_paragraph("- " + item)


def _peer_closing(document: Any, block: Any) -> None:
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join((block.recipients_label, *block.recipients))
    table.cell(0, 1).text = "\n".join((*block.signature, block.signer or ""))


def _peer_appendix(document: Any, block: Any) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    from parplan.render.layout import SectionRow

    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Mm(297), Mm(210)
    document.add_paragraph(block.label)
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = text
    for row in block.rows:
        cells = table.add_row().cells
        if isinstance(row, SectionRow):
            cells[0].text = row.label
            cells[1].merge(cells[-1]).text = row.text
        else:
            for cell, lines in zip(cells, row.cells, strict=True):
                cell.text = "\n".join(lines)


def _python_docx(plan: parplan.Plan) -> Callable[[], bytes]:
    """The same document with python-docx's own API: one call per paragraph, run and cell."""
    import docx
    from docx.shared import Mm, Pt

    from parplan.render import layout as laid_out

    writers: dict[type, Callable[[Any, Any], None]] = {
        laid_out.Masthead: _peer_masthead,
        laid_out.Title: _peer_title,
        laid_out.Heading: _peer_heading,
        laid_out.Paragraph: _peer_paragraph,
        laid_out.Bullets: _peer_bullets,
        laid_out.Closing: _peer_closing,
        laid_out.TaskTable: _peer_appendix,
    }

    def run() -> bytes:
        document = docx.Document()
        style: Any = document.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        for block in laid_out.layout(plan, "vi").blocks:
            writers[type(block)](document, block)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return run


def _office(root: Path, seed: int, repeat: int) -> dict[str, Any]:
    plan = _plan_of_200(seed)
    path = root / "appendix.xlsx"
    path.write_bytes(parplan.render(plan, format="xlsx", locale="vi"))
    appendix = read_appendix(read_sheets(path)[0])
    task_rows = sum(1 for row in appendix.rows if row.kind == "task")
    _expect(task_rows == 200, f"{task_rows} task rows read back of 200")
    _expect(read_sheets(path) == read_sheets(path, engine="calamine"), "the two readers disagree")
    _log(f"appendix of {len(appendix.rows)} rows: reading it {repeat} times with each reader …")
    openpyxl_ms = _median_ms(lambda: read_appendix(read_sheets(path)[0]), repeat)
    calamine_ms = _median_ms(lambda: read_appendix(read_sheets(path, engine="calamine")[0]), repeat)
    flattentool_ms = _median_ms(_flattentool(path, root), repeat)
    flattened = json.loads((root / "flattentool.json").read_text(encoding="utf-8"))["rows"]
    _log(f"  openpyxl {openpyxl_ms:.1f} ms, calamine {calamine_ms:.1f} ms, flatten-tool {flattentool_ms:.1f} ms")
    _log(f"writing the 200-task plan as .docx {repeat} times …")
    docx_ms = _median_ms(lambda: parplan.render(plan, format="docx", locale="vi"), repeat)
    peer = _python_docx(plan)
    peer_ms = _median_ms(peer, max(3, repeat // 3))
    markdown_ms = _median_ms(lambda: parplan.render(plan, format="markdown", locale="vi"), repeat)
    _log(f"  parplan {docx_ms:.1f} ms, python-docx API {peer_ms:.1f} ms, Markdown {markdown_ms:.1f} ms")
    return {
        "appendix_rows": len(appendix.rows),
        "appendix_read_openpyxl_ms": round(openpyxl_ms, 1),
        "appendix_read_calamine_ms": round(calamine_ms, 1),
        "appendix_read_flattentool_ms": round(flattentool_ms, 1),
        "flattentool_rows": len(flattened),
        "openpyxl_vs_flattentool": round(openpyxl_ms / flattentool_ms, 2),
        "calamine_vs_flattentool": round(calamine_ms / flattentool_ms, 2),
        "docx_write_ms": round(docx_ms, 1),
        "docx_python_docx_api_ms": round(peer_ms, 1),
        "docx_vs_python_docx_api": round(docx_ms / peer_ms, 2),
        "markdown_write_ms": round(markdown_ms, 1),
        "docx_bytes": len(parplan.render(plan, format="docx", locale="vi")),
    }


def _versions() -> dict[str, str]:
    from importlib import metadata

    names = ("openpyxl", "python-calamine", "python-docx", "pyarrow", "pandas", "flattentool")
    return {"python": platform.python_version(), **{name: metadata.version(name) for name in names}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 plans instead of 10,000")
    parser.add_argument("--plans", type=int, help="number of plans (default 10,000; 1,000 with --quick)")
    parser.add_argument("--peer-plans", type=int, default=1000, help="plans the in-memory pandas peer reads")
    parser.add_argument("--repeat", type=int, default=15, help="runs of each office measurement (median)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--office-only", action="store_true", help="measure the appendix read and the docx write only")
    parser.add_argument("--export-only", action="store_true", help="measure the Parquet export (and its peers) only")
    parser.add_argument(
        "--keep", metavar="DIR", help="write the corpus and tables here and keep them (a later run reuses the corpus)"
    )
    args = parser.parse_args()
    plans = args.plans or (1000 if args.quick else 10_000)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="parplan-export-"))
    root.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    try:
        if args.export_only:
            export = _export(root, plans, min(args.peer_plans, plans), args.seed)
            print(json.dumps({**export, "load_average": [round(v, 2) for v in os.getloadavg()]}, ensure_ascii=False))
            return
        office = _office(root, args.seed, args.repeat)
        if args.office_only:
            print(json.dumps({**office, "load_average": [round(v, 2) for v in os.getloadavg()]}, ensure_ascii=False))
            return
        export = _export(root, plans, min(args.peer_plans, plans), args.seed)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    figures = {**export, **office}
    met = {name: figures[name] <= bound for name, bound in TARGETS.items()}
    report = {
        **figures,
        "targets": TARGETS,
        "targets_met": met,
        "seconds": round(time.perf_counter() - start, 1),
        "cpus": os.cpu_count(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "versions": _versions(),
    }
    print(f"export: {export['export_seconds_per_million_tasks']} s of CPU per million tasks on one core "
          f"(wall {export['export_wall_seconds_per_million_tasks']} s), peak {export['export_peak_rss_mb']} MB; "
          f"{export['export_vs_floor']} x load_many alone, {export['export_vs_pandas']} x pandas per task")  # fmt: skip
    reads = (office["appendix_read_openpyxl_ms"], office["appendix_read_calamine_ms"])
    print(f"appendix read: openpyxl {reads[0]} ms, calamine {reads[1]} ms, "
          f"flatten-tool {office['appendix_read_flattentool_ms']} ms")  # fmt: skip
    print(f"docx: {office['docx_write_ms']} ms, python-docx API {office['docx_python_docx_api_ms']} ms")
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
