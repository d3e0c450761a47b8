"""``parplan check FOLDER``: peak memory and time over a folder of plan files, text against JSON output.

The plans are commune plans of 100 tasks (``bench_check.make_plan``), written
once to a temporary folder (not timed). Each output format is then checked by
``python -m parplan check FOLDER --output-format F`` in a child process, whose
CPU seconds and peak resident memory are read from the operating system
(``resource.getrusage(RUSAGE_CHILDREN)``; each format runs in a fresh parent
process so that the peaks are not mixed up).

The command streams: one plan is loaded, checked and written at a time, so the
peak memory stays flat however many plans the folder holds (compare
``--plans 1000`` with ``--plans 4000``). JSON output finds each finding's line
and column in the text already read: its time should stay within 1.3 times the
text output's.

Run ``python benchmarks/bench_check_folder.py [--plans N]`` (default 10,000
plans, about a million tasks). The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_plan

import parplan

FORMATS = ("text", "json", "sarif")


def _write_plans(folder: Path, plans: int, tasks: int, seed: int) -> int:
    rng = random.Random(seed)
    size = 0
    for number in range(plans):
        path = folder / f"plan-{number:05d}.json"
        path.write_text(parplan.dumps(make_plan(number, tasks, rng)), encoding="utf-8")
        size += path.stat().st_size
    return size


_CHILD = """
import resource, subprocess, sys, json
process = subprocess.run([sys.executable, "-m", "parplan", "check", sys.argv[1], "--output-format", sys.argv[2]],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"exit": process.returncode, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024}))
"""


def _check(folder: Path, output: str) -> dict[str, float]:
    """CPU seconds and peak memory (MB) of ``parplan check FOLDER --output-format output``."""
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script and a folder it made
        [sys.executable, "-c", _CHILD, str(folder), output], capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Write the plans, check them in each output format, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--plans", type=int, default=10_000, help="plan files in the folder (default 10,000)")
    parser.add_argument("--tasks", type=int, default=100, help="tasks per plan (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="parplan-bench-") as name:
        folder = Path(name)
        size = _write_plans(folder, args.plans, args.tasks, args.seed)
        runs = {output: _check(folder, output) for output in FORMATS}
    text = runs["text"]["cpu_seconds"]
    figures = {
        "plans": args.plans,
        "tasks": args.plans * args.tasks,
        "folder_mb": round(size / 2**20, 1),
        **{f"{output}_cpu_seconds": round(run["cpu_seconds"], 2) for output, run in runs.items()},
        **{f"{output}_peak_mb": round(run["peak_mb"], 1) for output, run in runs.items()},
        "json_to_text": round(runs["json"]["cpu_seconds"] / text, 2),
        "sarif_to_text": round(runs["sarif"]["cpu_seconds"] / text, 2),
        "load_average": round(os.getloadavg()[0], 1),
    }
    for key, value in figures.items():
        print(f"{key:>20}: {value}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
