"""Reading plan phrases: parplan's parsers over the test corpora, beside dateparser.

Times ``parse_timeframe``, ``read_timeframe`` and ``parse_target`` on every phrase of
``tests/cases/timeframes.toml`` and ``tests/cases/targets.toml`` (as written and
without diacritics) and reports the median, 90th percentile and worst time per
phrase. In the same run it times ``dateparser.parse(text, languages=["vi"])`` on
the deadline phrases that name a date (those whose expected timeframe has a last
day) and reports the speed ratio of the medians and how many phrases each gets
right:

* parplan is right when its reading equals the corpus entry exactly (kind, days,
  periods, frequencies; the free text aside) — and, for the comparison, when its
  ``latest`` day is the expected last day;
* dateparser is right when the date it returns is the expected last day (the
  deadline); "inside" also counts a date that falls between the expected first
  and last days, a lenient measure.

dateparser fills missing parts from today's date, so its answers for months and
years depend on the day of the run; the deadline measure does not favour it.

Run: ``python benchmarks/bench_parse.py`` (``--quick`` for fewer repetitions).
The last line printed is one JSON object with the figures. Ratios matter, not
seconds: these machines are shared.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from parplan import ReportingPeriod, WithinWorkingDays, parse_target, parse_timeframe, read_timeframe
from parplan.timeframes import Compound, Timeframe

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases"
TARGET_MEDIAN_US = 30.0
TARGET_RATIO = 20.0


def load(name: str) -> list[dict[str, Any]]:
    with (CASES / f"{name}.toml").open("rb") as handle:
        cases: list[dict[str, Any]] = tomllib.load(handle)["case"]
    return cases


def plain(text: str) -> str:
    """``text`` without diacritics."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def per_call(call: Callable[[], object], *, repeat: int, number: int) -> float:
    """The best time of one call, in microseconds, over ``repeat`` rounds of ``number`` calls."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            call()
        best = min(best, (time.perf_counter() - started) / number)
    return best * 1e6


def summary(times: Sequence[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_us": round(statistics.median(ordered), 2),
        "p90_us": round(ordered[int(0.9 * (len(ordered) - 1))], 2),
        "max_us": round(ordered[-1], 2),
    }


def bounds(expected: dict[str, Any]) -> tuple[date | None, date | None]:
    """The first and last days of a corpus expectation, None where open."""
    kind = expected["kind"]
    if kind == "before":
        return None, date.fromisoformat(expected["day"])
    if kind == "on":
        day = date.fromisoformat(expected["day"])
        return day, day
    if kind == "between":
        return date.fromisoformat(expected["start"]), date.fromisoformat(expected["end"])
    if kind == "within":
        periods = [ReportingPeriod.parse(p) for p in expected["periods"]]
        return min(p.start for p in periods), max(p.end for p in periods)
    if kind == "span":
        return date(expected["start"], 1, 1), date(expected["end"], 12, 31)
    if kind == "working_days":
        after = date.fromisoformat(expected["after"]) if "after" in expected else None
        cutoff = ReportingPeriod.parse(expected["cutoff_of"]) if "cutoff_of" in expected else None
        counted = WithinWorkingDays(days=expected["days"], after=after, cutoff_of=cutoff)
        return counted.earliest, counted.latest
    if kind in {"recurring", "schedule"} and "within" in expected:
        period = ReportingPeriod.parse(expected["within"])
        return period.start, period.end
    if kind == "compound":
        steps = [bounds(step["timeframe"]) for step in expected["steps"]]
        firsts = [a for a, _ in steps if a is not None]
        lasts = [b for _, b in steps]
        return (min(firsts) if firsts else None), (None if None in lasts else max(b for b in lasts if b))
    return None, None


def same_reading(timeframe: Timeframe, expected: dict[str, Any]) -> bool:
    """True when parplan's reading has the expected kind and days (free text aside)."""
    if isinstance(timeframe, Compound) != (expected["kind"] == "compound"):
        return False
    return (timeframe.earliest, timeframe.latest) == bounds(expected) and _kind(timeframe) == expected["kind"]


def _kind(timeframe: Timeframe) -> str:
    names = {
        "Before": "before",
        "OnDate": "on",
        "Between": "between",
        "Within": "within",
        "Span": "span",
        "OpenEnded": "open",
        "Recurring": "recurring",
        "OnEvent": "event",
        "PerSchedule": "schedule",
        "Compound": "compound",
        "WithinWorkingDays": "working_days",
    }
    return names[type(timeframe).__name__]


def _timer(parse: Callable[..., object], text: str, year: int | None) -> Callable[[], object]:
    return lambda: parse(text, year=year)


def bench_parsers(repeat: int, number: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    parsers: tuple[tuple[str, list[dict[str, Any]], Callable[..., object]], ...] = (
        ("parse_timeframe", load("timeframes"), parse_timeframe),
        ("read_timeframe", load("timeframes"), read_timeframe),
        ("parse_target", load("targets"), parse_target),
    )
    for label, cases, parse in parsers:
        for variant, transform in (("as written", str), ("without diacritics", plain)):
            times = []
            for case in cases:
                call = _timer(parse, transform(case["text"]), case.get("year"))
                call()
                times.append(per_call(call, repeat=repeat, number=number))
            results[f"{label} ({variant})"] = {"phrases": len(cases), **summary(times)}
    return results


def _peer(parse: Callable[..., object], text: str) -> Callable[[], object]:
    return lambda: parse(text, languages=["vi"])


def bench_against_dateparser(repeat: int, number: int, dp_number: int) -> dict[str, Any]:
    cases = [c for c in load("timeframes") if bounds(c["expect"])[1] is not None]
    ours_times: list[float] = []
    read_times: list[float] = []
    ours_exact = ours_deadline = 0
    for case in cases:
        text, year = case["text"], case.get("year")
        reading = read_timeframe(text, year=year)
        ours_exact += same_reading(reading.value, case["expect"])
        ours_deadline += reading.value.latest == bounds(case["expect"])[1]
        ours_times.append(per_call(_timer(parse_timeframe, text, year), repeat=repeat, number=number))
        read_times.append(per_call(_timer(read_timeframe, text, year), repeat=repeat, number=number))
    report: dict[str, Any] = {
        "date_phrases": len(cases),
        "parplan": {"right_exact": ours_exact, "right_deadline": ours_deadline, **summary(ours_times)},
        "parplan_read_timeframe": summary(read_times),
    }
    try:
        import dateparser  # a bench extra, not a dependency of parplan
    except ImportError:
        report["dateparser"] = None
        return report
    dateparser.parse("Trước ngày 31/12/2020", languages=["vi"])  # the first call loads its language data
    theirs_times: list[float] = []
    right = inside = 0
    for case in cases:
        first, last = bounds(case["expect"])
        found = dateparser.parse(case["text"], languages=["vi"])
        day = found.date() if found is not None else None
        right += day is not None and day == last
        inside += day is not None and last is not None and (first or date.min) <= day <= last
        theirs_times.append(per_call(_peer(dateparser.parse, case["text"]), repeat=repeat, number=dp_number))
    report["dateparser"] = {"right_deadline": right, "inside_period": inside, **summary(theirs_times)}
    report["speed_ratio"] = round(statistics.median(theirs_times) / statistics.median(ours_times), 1)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a few seconds)")
    args = parser.parse_args(argv)
    repeat, number, dp_number = (3, 20, 1) if args.quick else (7, 200, 3)

    started = time.perf_counter()
    parsers = bench_parsers(repeat, number)
    for label, figures in parsers.items():
        print(
            f"{label:42} {figures['phrases']:4d} phrases  median {figures['median_us']:7.2f} µs"
            f"  p90 {figures['p90_us']:7.2f} µs  max {figures['max_us']:8.2f} µs"
        )
    versus = bench_against_dateparser(repeat, number, dp_number)
    ours = versus["parplan"]
    print(
        f"\ndeadline phrases naming a date: {versus['date_phrases']}"
        f"\n  parplan     median {ours['median_us']:9.2f} µs   right: {ours['right_exact']} exactly,"
        f" {ours['right_deadline']} by the deadline day"
        f"\n  (read_timeframe median {versus['parplan_read_timeframe']['median_us']:9.2f} µs)"
    )
    theirs = versus.get("dateparser")
    if theirs is None:
        print("  dateparser  not installed (pip install 'parplan[bench]')")
    else:
        print(
            f"  dateparser  median {theirs['median_us']:9.2f} µs   right: {theirs['right_deadline']}"
            f" by the deadline day, {theirs['inside_period']} inside the period"
        )
        print(f"  parplan is {versus['speed_ratio']}x faster (goal: at least {TARGET_RATIO:.0f}x)")
    medians = [parsers["parse_timeframe (as written)"]["median_us"], parsers["parse_target (as written)"]["median_us"]]
    verdict = all(m <= TARGET_MEDIAN_US for m in medians)
    print(f"median per phrase within {TARGET_MEDIAN_US:.0f} µs: {'yes' if verdict else 'no'}")
    print(f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    print(
        json.dumps(
            {
                "benchmark": "parse",
                "quick": args.quick,
                "parsers": parsers,
                "versus_dateparser": versus,
                "median_goal_us": TARGET_MEDIAN_US,
                "median_goal_met": verdict,
                "ratio_goal": TARGET_RATIO,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
