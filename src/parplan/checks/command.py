"""The ``parplan check`` and ``parplan rules`` commands.

``check`` loads plan files (or folders of them, or the bundled examples),
runs the checks and writes the findings as text, JSON or SARIF to standard
output. Problems with the command line or the files go to standard error,
one line each. Exit codes: 0 when no error-severity finding remains, 1 when
one does, 2 for usage errors, unreadable files and files that are not plans.
Nothing is written to disk.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from parplan._dateinput import parse_typed_date
from parplan.checks.engine import check
from parplan.checks.finding import LOCALES, Finding, Severity
from parplan.checks.formats import FileResult, format_json, format_sarif, format_text, rules_json, rules_text
from parplan.checks.lines import json_lines
from parplan.checks.registry import UnknownRuleError, select_rules
from parplan.errors import ParseError, PlanFileError, PlanFormatError
from parplan.io.document import _plan_files, load
from parplan.io.examples import EXAMPLE_NAMES, example_text, load_example
from parplan.plan import Plan

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "add_commands", "parse_day"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

OUTPUT_FORMATS = ("text", "json", "sarif")
PLAN_SUFFIXES = (".json", ".toml")


def parse_day(text: str) -> date:
    """A date typed on the command line, day first: ``2022-06-30``, ``30/6/2022``, ``30.06.2022``, ``30 June 2022``."""
    try:
        return parse_typed_date(text)
    except ParseError:
        raise argparse.ArgumentTypeError(f"expected a date such as 2022-06-30 or 30/6/2022, got {text!r}") from None


def add_commands(commands: Any) -> None:
    """Add ``check`` and ``rules`` to the command line's subcommands (an argparse subparsers object)."""
    check_ = commands.add_parser(
        "check",
        help="check plan files and report findings",
        description="Check plan files against the rules (see `parplan rules` and docs/rules.md).",
    )
    check_.add_argument("paths", nargs="*", metavar="PATH", help="plan files (.json, .toml) or folders holding them")
    check_.add_argument("--example", action="store_true", help="check the bundled example plans")
    _selection_arguments(check_)
    check_.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text", help="default: text")
    check_.add_argument("--locale", choices=LOCALES, default="vi", help="language of the messages (default: vi)")
    check_.add_argument(
        "--as-of", type=parse_day, metavar="DATE", help="date of the check (enables the overdue-task rule)"
    )
    check_.add_argument("--exit-zero", action="store_true", help="exit 0 even when error findings remain")
    check_.set_defaults(handler=run_check)
    rules_ = commands.add_parser("rules", help="list the check rules", description="List the check rules.")
    _selection_arguments(rules_)
    rules_.add_argument("--output-format", choices=("text", "json"), default="text", help="default: text")
    rules_.set_defaults(handler=run_rules)


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select",
        action="append",
        metavar="PREFIXES",
        help="rule code prefixes to enable, comma-separated or repeated (PP1,PP201; ALL); default: every rule",
    )
    parser.add_argument(
        "--ignore", action="append", metavar="PREFIXES", help="rule code prefixes to disable (the longest prefix wins)"
    )


def _expand(path: Path) -> list[Path | PlanFileError] | None:
    """The plan files of a folder as ``load_many`` lists them, unreadable entries included; None for a file."""
    if path.is_dir():
        return _plan_files(path)
    return None


_Loaded = tuple[str, Plan, Callable[[], str | None]]
"""A plan's display name, the plan, and how to read its JSON text again (for lines), None for TOML."""


def _reader(path: Path) -> Callable[[], str | None]:
    def read() -> str | None:
        if path.suffix.lower() != ".json":
            return None
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None

    return read


def _example_reader(name: str) -> Callable[[], str | None]:
    return lambda: example_text(name)


def _load_all(args: argparse.Namespace, err: TextIO) -> tuple[list[_Loaded], bool]:
    plans: list[_Loaded] = []
    failed = False
    if args.example:
        plans.extend((f"<example {name}>", load_example(name), _example_reader(name)) for name in EXAMPLE_NAMES)
    for given in args.paths:
        expanded = _expand(Path(given))
        if expanded is not None and not expanded:
            err.write(f"{given}: no plan files (.json, .toml) in this folder\n")
            failed = True
            continue
        for path in expanded if expanded is not None else [Path(given)]:
            if isinstance(path, PlanFileError):  # a folder that cannot be listed
                err.write(f"{path.path}: cannot be read: {path.reason}\n")
                failed = True
                continue
            name = str(path)
            try:
                plans.append((name, load(path), _reader(path)))
            except PlanFileError as error:
                err.write(f"{name}: cannot be read: {error.reason}\n")
                failed = True
            except PlanFormatError as error:
                count = len(error.problems)
                err.write(f"{name}: not a valid plan document ({count} {'problem' if count == 1 else 'problems'})\n")
                err.writelines(f"{name}: {problem}\n" for problem in error.problems)
                failed = True
    return plans, failed


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan check``: the exit code."""
    try:
        select_rules(args.select, args.ignore)
    except UnknownRuleError as error:
        err.write(f"parplan check: {error}\n")
        return EXIT_USAGE
    if not args.paths and not args.example:
        err.write("parplan check: give one or more plan files or folders, or --example\n")
        return EXIT_USAGE
    plans, failed = _load_all(args, err)
    results: list[FileResult] = []
    lines: dict[str, dict[str, int]] = {}
    machine = args.output_format in ("json", "sarif")
    for name, plan, read in plans:
        findings: list[Finding] = check(plan, select=args.select, ignore=args.ignore, as_of=args.as_of)
        results.append((name, findings))
        text = read() if machine and findings else None
        if text is not None:
            lines[name] = json_lines(text, (finding.path for finding in findings))
    if args.output_format == "json":
        out.write(format_json(results, args.locale, lines=lines))
    elif args.output_format == "sarif":
        from parplan import __version__

        out.write(format_sarif(results, args.locale, version=__version__, lines=lines))
    elif results or not failed:
        out.write(format_text(results, args.locale))
    if failed:
        return EXIT_USAGE
    errors = any(finding.severity is Severity.ERROR for _, findings in results for finding in findings)
    return EXIT_FINDINGS if errors and not args.exit_zero else EXIT_OK


def run_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan rules``: the exit code."""
    try:
        chosen = select_rules(args.select, args.ignore)
    except UnknownRuleError as error:
        err.write(f"parplan rules: {error}\n")
        return EXIT_USAGE
    out.write(rules_json(chosen) if args.output_format == "json" else rules_text(chosen))
    return EXIT_OK
