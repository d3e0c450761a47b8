"""Start-up cost: ``import parplan`` and ``parplan check --example`` beside their peers, in one run.

Each command runs in a fresh interpreter, many times in rotating order, and is
timed by the CPU time the child used (user + system, from ``os.wait4``): the
figure a user pays once per command, and one that waiting for a busy
processor does not inflate. Byte-compiled files are written before timing, as
an installed package has them. Peers:

* ``python -c pass`` — the floor: starting the interpreter at all;
* ``import pydantic`` (with ``BaseModel`` touched, as any use does) and
  ``import msgspec`` — the libraries an application would otherwise build its
  domain layer on;
* ``import parplan``, ``import parplan; parplan.Plan`` (the model classes built)
  and ``parplan check --example`` (the whole command: the model, the rules, the
  bundled plan read and checked, 23 findings printed).

Goals of the architecture: ``import parplan`` at most 3 times ``import
pydantic``; ``parplan check --example`` at most 0.3 s of CPU.

    python benchmarks/bench_startup.py              # 15 runs of each, about 20 s
    python benchmarks/bench_startup.py --repeat 5

The report goes to standard output; its last line is one JSON object holding
every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

_PYTHON = sys.executable


def _commands() -> dict[str, list[str]]:
    check = shutil.which("parplan")
    commands = {
        "python -c pass": [_PYTHON, "-c", "pass"],
        "import pydantic": [_PYTHON, "-c", "import pydantic; pydantic.BaseModel"],
        "import msgspec": [_PYTHON, "-c", "import msgspec"],
        "import parplan": [_PYTHON, "-c", "import parplan"],
        "import parplan; parplan.Plan": [_PYTHON, "-c", "import parplan; parplan.Plan"],
        "parplan check --example": (
            [check, "check", "--example"] if check else [_PYTHON, "-m", "parplan", "check", "--example"]
        ),
    }
    for name in ("import pydantic", "import msgspec"):
        probe = subprocess.run([_PYTHON, "-c", commands[name][2]], capture_output=True, check=False)  # noqa: S603
        if probe.returncode:
            del commands[name]  # the peer is not installed: say so below rather than fail
    return commands


def _cpu_seconds(command: list[str], environment: dict[str, str]) -> float:
    """The CPU time (user + system) one run of ``command`` used."""
    with Path(os.devnull).open("wb") as null:
        child = subprocess.Popen(command, stdout=null, stderr=null, env=environment)  # noqa: S603 - our own commands
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Time every command and print the figures, the ratios and one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each command (default 15)")
    options = parser.parse_args()
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its byte code
    commands = _commands()
    for command in commands.values():  # warm: byte code written, files in the page cache
        _cpu_seconds(command, environment)
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for round_ in range(options.repeat):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            times[name].append(_cpu_seconds(commands[name], environment))
    figures = {name: {"min_s": min(values), "median_s": statistics.median(values)} for name, values in times.items()}
    print(f"{'command':32s} {'min ms':>8s} {'median ms':>10s}   ({options.repeat} runs, CPU time of the child)")
    for name, figure in figures.items():
        print(f"{name:32s} {figure['min_s'] * 1000:8.0f} {figure['median_s'] * 1000:10.0f}")
    result: dict[str, object] = {"figures": figures, "repeat": options.repeat, "python": platform.python_version()}
    floor = figures["python -c pass"]["median_s"]
    parplan_import = figures["import parplan"]["median_s"]
    if "import pydantic" in figures:
        ratio = parplan_import / figures["import pydantic"]["median_s"]
        beyond = (parplan_import - floor) / (figures["import pydantic"]["median_s"] - floor)
        result["import_vs_pydantic"] = round(ratio, 2)
        result["import_vs_pydantic_beyond_floor"] = round(beyond, 2)
        print(f"import parplan / import pydantic: {ratio:.2f} (goal <= 3)")
        print(f"the same beyond the interpreter's own start: {beyond:.2f}")
    else:
        print("pydantic is not installed: no import ratio (pip install -e '.[bench]')")
    check = figures["parplan check --example"]["median_s"]
    result["check_example_s"] = round(check, 3)
    result["check_example_met"] = check <= 0.3
    print(f"parplan check --example: {check:.3f} s of CPU (median; goal <= 0.3 s)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
