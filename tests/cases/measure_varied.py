#!/usr/bin/env python3
"""Measure the current parsers on the varied phrase files (a plain script, not a test).

    python tests/cases/measure_varied.py [--schema] [--quiet]

For each of ``timeframes_varied.toml``, ``targets_varied.toml``, ``legal_varied.toml`` and
``areas_varied.toml`` it runs parplan's parsers over every case and prints how many are

* right    — the reading is what the case expects (for an [[error]]: the phrase is refused);
* wrong    — parplan reads something the expectation contradicts in a part the current describe
             helpers understand (for an [[error]]: parplan gives a reading);
* refused  — parplan raises ParseError where a reader finds a reading;
* schema   — the expectation uses an extension the describe helpers do not know yet (a new kind,
             key, comparator, unit or flag, documented in each file's header) and nothing parplan
             read contradicts the parts that can be compared.

Then it lists each wrong and refused case with what parplan read (``--schema`` lists the schema
cases too). How an extension is compared: timeframes of kind "part" and "open"
with `from_day` are judged by the days they imply (a reading whose earliest or latest day differs
is wrong); other extension keys are left out of the comparison and make the case "schema".
"""

from __future__ import annotations

import argparse
import calendar
import sys
import tomllib
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [
    str(HERE.parent),
    str(HERE.parent / "text"),
]  # tests/ and tests/text/: the describe helpers live in test_text_support

from parplan import ParseError, ReformArea, extract_references, parse_document_symbol, read_timeframe  # noqa: E402
from parplan.text import extract_targets, match_area, match_areas, match_heading, parse_target  # noqa: E402
from test_text_support import describe_symbol, describe_target, describe_timeframe, iso  # noqa: E402

Result = tuple[str, str]  # (status, what parplan read)

# -- what the describe helpers understand today -----------------------------------------------------

TIMEFRAME_KINDS = {
    "before", "on", "between", "within", "span", "open", "recurring", "event", "schedule", "working_days", "compound",
    "part",
}  # fmt: skip
TIMEFRAME_KEYS = {
    "kind", "day", "start", "end", "periods", "span_kind", "from", "frequencies", "within", "event", "schedule",
    "days", "after", "cutoff_of", "steps", "part", "period", "from_day",
}  # fmt: skip
TIMEFRAME_FLAGS = {"year_from_plan", "year_inferred", "before_plan_year", "ambiguous", "ocr_repaired", "unread_words"}
TARGET_KEYS = {
    "comparator", "value", "unit", "out_of", "baseline_year", "baseline_value", "baseline_period", "horizon",
    "milestones", "subject",
}  # fmt: skip
TARGET_COMPARATORS = {">=", ">", "=", "<=", "<", "increase", "decrease", "maintain"}
TARGET_UNITS = {"%", "count", "points", "rank", "VND", "days"}
TARGET_FLAGS = {"unit_inferred", "ambiguous", "ocr_repaired"}
# keys whose presence in a reading is an assertion: a reading that has one the expectation lacks is wrong
TARGET_ASSERTING = {"value", "out_of", "baseline_year", "baseline_value", "baseline_period", "horizon", "milestones"}
REFERENCE_KEYS = {"kind", "symbol", "date", "issuer", "title"}


def load(name: str) -> dict[str, Any]:
    with (HERE / name).open("rb") as handle:
        return tomllib.load(handle)


# -- timeframes ---------------------------------------------------------------------------------------------


def _period_bounds(period: str) -> tuple[date, date]:
    year = int(period[:4])
    rest = period[4:]
    if not rest:
        return date(year, 1, 1), date(year, 12, 31)
    if rest.startswith("M"):
        month = int(rest[1:])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if rest.startswith("Q"):
        quarter = int(rest[1])
        first = 3 * quarter - 2
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if rest.startswith("S"):
        return (date(year, 1, 1), date(year, 6, 30)) if rest == "S1" else (date(year, 7, 1), date(year, 12, 31))
    raise ValueError(period)


_EXACT_PARTS = {
    "week1": (1, 7), "week2": (8, 14), "week3": (15, 21), "week4": (22, 28),
    "dekad1": (1, 10), "dekad2": (11, 20), "first_half": (1, 15),
}  # fmt: skip


def _implied_bounds(expect: dict[str, Any]) -> tuple[tuple[date | None, str], tuple[date | None, str]] | None:
    """(earliest, how), (latest, how) implied by an extension kind; how is "exact", "inside" or "none"."""
    kind = expect["kind"]
    if kind == "part":
        start, end = _period_bounds(expect["period"])
        part = expect["part"]
        if part in _EXACT_PARTS:
            first, last = _EXACT_PARTS[part]
            return (start.replace(day=first), "exact"), (start.replace(day=last), "exact")
        if part == "last_week":
            return (end - timedelta(days=6), "exact"), (end, "exact")
        if part in {"dekad3", "second_half"}:
            return (start.replace(day=21 if part == "dekad3" else 16), "exact"), (end, "exact")
        if part == "late":
            return (start, "inside"), (end, "exact")
        if part == "early":
            return (start, "exact"), (end, "inside")
        return (start, "inside"), (end, "inside")  # middle
    if kind == "open" and "from_day" in expect:
        return (date.fromisoformat(expect["from_day"]), "exact"), (None, "exact")
    return None


def _bound_ok(found: date | None, wanted: date | None, how: str, *, earliest: bool) -> bool:
    if how == "none":
        return True
    if how == "exact":
        return found == wanted
    # inside: a fuzzy end strictly inside the period
    if found is None or wanted is None:
        return False
    return found > wanted if earliest else found < wanted


def _timeframe_extensions(expect: dict[str, Any]) -> list[str]:
    found = []
    if expect.get("kind") not in TIMEFRAME_KINDS:
        found.append(f"kind={expect.get('kind')}")
    found += [key for key in expect if key not in TIMEFRAME_KEYS]
    for step in expect.get("steps", []):
        found += _timeframe_extensions(step["timeframe"])
    return found


def _known_part(expect: dict[str, Any]) -> dict[str, Any]:
    result = {k: v for k, v in expect.items() if k in TIMEFRAME_KEYS}
    if "steps" in result:
        result["steps"] = [{**s, "timeframe": _known_part(s["timeframe"])} for s in result["steps"]]
    return result


def _timeframe_value_problems(expect: dict[str, Any], reading: Any, got: dict[str, Any]) -> list[str]:
    """What in the reading contradicts the expectation (days for extension kinds, keys otherwise)."""
    bounds = _implied_bounds(expect)
    if bounds is not None:
        (earliest, how_early), (latest, how_late) = bounds
        problems = []
        if not _bound_ok(reading.value.earliest, earliest, how_early, earliest=True):
            problems.append(f"earliest {iso(reading.value.earliest)} (expected {iso(earliest)}, {how_early})")
        if not _bound_ok(reading.value.latest, latest, how_late, earliest=False):
            problems.append(f"latest {iso(reading.value.latest)} (expected {iso(latest)}, {how_late})")
        return problems
    if expect.get("kind") not in TIMEFRAME_KINDS:
        return ["value"]
    known = _known_part(expect)
    if any(k not in TIMEFRAME_KEYS for k in expect):  # compare only the keys the expectation states
        return [] if {k: got.get(k) for k in known} == known else ["value"]
    return [] if got == known else ["value"]


def judge_timeframe(case: dict[str, Any]) -> Result:
    expect = case["expect"]
    flags_expected = case.get("flags", [])
    try:
        reading = read_timeframe(case["text"], year=case.get("year"))
    except ParseError as error:
        return "refused", f"ParseError: expected {error.expected}"
    got = describe_timeframe(reading.value)
    flags = [f.value for f in reading.flags]
    shown = f"{got}" + (f" flags={flags}" if flags else "") + (f" action={reading.action!r}" if reading.action else "")
    extensions = _timeframe_extensions(expect) + [f"flag={f}" for f in flags_expected if f not in TIMEFRAME_FLAGS]
    problems = _timeframe_value_problems(expect, reading, got)
    if case.get("action") != reading.action and "steps" not in expect:
        problems.append(f"action {reading.action!r}")
    known_flags = [f for f in flags_expected if f in TIMEFRAME_FLAGS]
    if [f for f in flags if f != "ocr_repaired"] != known_flags:
        problems.append(f"flags {flags}")
    if problems:
        return "wrong", f"{shown}   [{'; '.join(problems)}]"
    return ("schema" if extensions else "right"), shown


def judge_timeframe_error(case: dict[str, Any]) -> Result:
    try:
        reading = read_timeframe(case["text"], year=case.get("year"))
    except ParseError as error:
        note = "" if case.get("expected", "") in error.expected else f" (other reason: {error.expected})"
        return "right", f"ParseError{note}"
    return "wrong", f"read {describe_timeframe(reading.value)}"


# -- targets ---------------------------------------------------------------------------------------------------


def _target_extensions(expect: dict[str, Any]) -> list[str]:
    found = [key for key in expect if key not in TARGET_KEYS]
    if expect.get("comparator") not in TARGET_COMPARATORS:
        found.append(f"comparator={expect.get('comparator')}")
    if "unit" in expect and expect["unit"] not in TARGET_UNITS:
        found.append(f"unit={expect['unit']}")
    return found


def _compare_target(expect: dict[str, Any], got: dict[str, Any]) -> list[str]:
    problems = []
    for key, wanted in expect.items():
        if key not in TARGET_KEYS:
            continue
        if key == "comparator" and wanted not in TARGET_COMPARATORS:
            problems.append(f"comparator {got.get('comparator')} (expected {wanted}, an extension)")
            continue
        if key == "unit" and wanted not in TARGET_UNITS:
            continue
        if key == "subject":
            if got.get("subject") is None or " ".join(str(got["subject"]).split()) != " ".join(wanted.split()):
                problems.append(f"subject {got.get('subject')!r}")
            continue
        if got.get(key) != wanted:
            problems.append(f"{key} {got.get(key)!r} (expected {wanted!r})")
    problems += [f"{key} {got[key]!r} (none expected)" for key in TARGET_ASSERTING if key in got and key not in expect]
    return problems


def judge_target(case: dict[str, Any]) -> Result:
    flags_expected = case.get("flags", [])
    if "targets" in case:  # several targets: extract_targets must return them in order
        found = extract_targets(case["text"], year=case.get("year"))
        readings = [describe_target(t) for t in found]
        shown = " | ".join(str(r) for r in readings) or "no target"
        if len(readings) != len(case["targets"]):
            status = "refused" if not readings else "wrong"
            return status, f"{shown}   [{len(readings)} targets, expected {len(case['targets'])}]"
        problems = [p for wanted, r in zip(case["targets"], readings, strict=True) for p in _compare_target(wanted, r)]
        extensions = [e for wanted in case["targets"] for e in _target_extensions(wanted)]
        if problems:
            return "wrong", f"{shown}   [{'; '.join(problems)}]"
        return ("schema" if extensions else "right"), shown
    expect = case["expect"]
    try:
        target = parse_target(case["text"], year=case.get("year"))
    except ParseError as error:
        return "refused", f"ParseError: expected {error.expected}"
    got = describe_target(target)
    flags = [f.value for f in target.flags if f.value != "ocr_repaired"]
    shown = f"{got}" + (f" flags={flags}" if flags else "")
    problems = _compare_target(expect, got)
    known_flags = [f for f in flags_expected if f in TARGET_FLAGS]
    if flags != known_flags:
        problems.append(f"flags {flags}")
    extensions = _target_extensions(expect) + [f"flag={f}" for f in flags_expected if f not in TARGET_FLAGS]
    if problems:
        return "wrong", f"{shown}   [{'; '.join(problems)}]"
    return ("schema" if extensions else "right"), shown


def judge_target_error(case: dict[str, Any]) -> Result:
    try:
        target = parse_target(case["text"], year=case.get("year"))
    except ParseError as error:
        note = "" if case.get("expected", "") in error.expected else f" (other reason: {error.expected})"
        return "right", f"ParseError{note}"
    return "wrong", f"read {describe_target(target)}"


# -- legal -----------------------------------------------------------------------------------------------------------


def judge_symbol(case: dict[str, Any]) -> Result:
    try:
        symbol = parse_document_symbol(case["text"])
    except ParseError as error:
        return "refused", f"ParseError: expected {error.expected}"
    got = describe_symbol(symbol)
    shown = f"{got}" + (f" written={symbol.text!r}" if symbol.text else "")
    if got != case["expect"]:
        return "wrong", shown
    if symbol.text != case.get("written"):
        return "wrong", f"{shown}   [written {symbol.text!r}, expected {case.get('written')!r}]"
    return "right", shown


def judge_symbol_error(case: dict[str, Any]) -> Result:
    try:
        symbol = parse_document_symbol(case["text"])
    except ParseError as error:
        note = "" if case.get("expected", "") in error.expected else f" (other reason: {error.expected})"
        return "right", f"ParseError{note}"
    return "wrong", f"read {describe_symbol(symbol)}"


def _describe_reference(reference: Any) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if reference.kind is not None:
        result["kind"] = reference.kind
    if reference.symbol is not None:
        result["symbol"] = str(reference.symbol)
    if reference.date is not None:
        result["date"] = iso(reference.date)
    if reference.issuer_name is not None:
        result["issuer"] = reference.issuer_name
    if reference.title is not None:
        result["title"] = reference.title
    return result


def judge_reference(case: dict[str, Any]) -> Result:
    got = [_describe_reference(r) for r in extract_references(case["text"])]
    shown = " | ".join(str(g) for g in got) or "no reference"
    expect = case["expect"]
    extensions = [k for entry in expect for k in entry if k not in REFERENCE_KEYS]
    if len(got) != len(expect):
        status = "refused" if not got and expect else "wrong"
        return status, f"{shown}   [{len(got)} found, {len(expect)} expected]"
    problems = []
    for wanted, found in zip(expect, got, strict=True):
        known = {k: v for k, v in wanted.items() if k in REFERENCE_KEYS}
        if found != known:
            problems.append(f"{found} ≠ {known}")
    if problems:
        return "wrong", f"{shown}   [{'; '.join(problems)}]"
    return ("schema" if extensions else "right"), shown


# -- areas ---------------------------------------------------------------------------------------------------------


def judge_area(case: dict[str, Any]) -> Result:
    found = match_area(case["text"])
    got = "none" if found is None else found.value
    extensions = [k for k in case if k == "index_component"]
    if got != case["area"]:
        return "wrong", got
    if "criterion" in case:  # match_heading reads criteria: their level, code and the area they are about
        heading = match_heading(case["text"])
        read = None if heading is None else (heading.kind.value, heading.code, heading.topic)
        topic = case.get("topic_area")
        wanted = (case["criterion"]["level"], case["criterion"]["code"], None if topic is None else ReformArea(topic))
        if read != wanted:
            return "wrong", f"{got}, heading {read}"
    return ("schema" if extensions else "right"), got


def judge_many(case: dict[str, Any]) -> Result:
    found = [a.value for a in match_areas(case["text"])]
    first = match_area(case["text"])
    got = f"{found}, match={first.value if first else 'none'}"
    if found != case["areas"] or (first.value if first else "none") != case["area"]:
        return "wrong", got
    return "right", got


# -- the report ---------------------------------------------------------------------------------------------------

PLAN: list[tuple[str, list[tuple[str, Any]]]] = [
    ("timeframes_varied.toml", [("case", judge_timeframe), ("error", judge_timeframe_error)]),
    ("targets_varied.toml", [("case", judge_target), ("error", judge_target_error)]),
    ("legal_varied.toml", [("symbol", judge_symbol), ("reference", judge_reference), ("error", judge_symbol_error)]),
    ("areas_varied.toml", [("case", judge_area), ("many", judge_many)]),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", action="store_true", help="also list the cases that need a schema extension")
    parser.add_argument("--quiet", action="store_true", help="only the figures")
    args = parser.parse_args(argv)
    out = sys.stdout
    grand: Counter[str] = Counter()
    for name, sections in PLAN:
        data = load(name)
        counts: Counter[str] = Counter()
        listed: list[str] = []
        for section, judge in sections:
            for case in data.get(section, []):
                status, shown = judge(case)
                counts[status] += 1
                if status in {"wrong", "refused"} or (args.schema and status == "schema"):
                    listed.append(f"  {status:8} [{section}] {' '.join(case['text'].split())!r}\n           → {shown}")
        grand.update(counts)
        total = sum(counts.values())
        out.write(
            f"{name}: {total} cases — right {counts['right']}, wrong {counts['wrong']}, "
            f"refused {counts['refused']}, schema not understood yet {counts['schema']}\n"
        )
        if not args.quiet and listed:
            out.write("\n".join(listed) + "\n\n")
    total = sum(grand.values())
    out.write(
        f"ALL: {total} cases — right {grand['right']}, wrong {grand['wrong']}, refused {grand['refused']}, "
        f"schema not understood yet {grand['schema']}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
