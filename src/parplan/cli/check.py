"""``parplan check``: check plan files and write the findings.

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
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from parplan.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    add_selection_arguments,
    parse_day,
)
from parplan.locale import LOCALES

if TYPE_CHECKING:
    from parplan.checks.finding import Finding
    from parplan.errors import PlanFileError
    from parplan.plan import Plan
    from parplan.render.findings import FileResult

__all__ = ["add_command", "run_check"]

OUTPUT_FORMATS = ("text", "json", "sarif")


def add_command(commands: Commands) -> None:
    """Add ``check`` to the command line's subcommands."""
    check_ = commands.add_parser(
        "check",
        help="check plan files and report findings",
        description="Check plan files against the rules (see `parplan rules` and docs/rules.md).",
    )
    check_.add_argument("paths", nargs="*", metavar="PATH", help="plan files (.json, .toml) or folders holding them")
    check_.add_argument("--example", action="store_true", help="check the bundled example plans")
    add_selection_arguments(check_)
    check_.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text", help="default: text")
    check_.add_argument("--locale", choices=LOCALES, default="vi", help="language of the messages (default: vi)")
    check_.add_argument(
        "--as-of", type=parse_day, metavar="DATE", help="date of the check (enables the overdue-task rule)"
    )
    check_.add_argument("--exit-zero", action="store_true", help="exit 0 even when error findings remain")
    check_.set_defaults(handler=run_check)


def _expand(path: Path) -> list[Path | PlanFileError] | None:
    """The plan files of a folder as ``load_many`` lists them, unreadable entries included; None for a file."""
    from parplan.io.files import plan_files

    if path.is_dir():
        return plan_files(path)
    return None


_Loaded = tuple[str, "Plan", Callable[[], str | None]]
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
    from parplan.io.examples import example_text

    return lambda: example_text(name)


def _load_all(args: argparse.Namespace, err: TextIO) -> tuple[list[_Loaded], bool]:
    from parplan.errors import PlanFileError, PlanFormatError
    from parplan.io.document import load
    from parplan.io.examples import EXAMPLE_NAMES, load_example

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
    from parplan.checks.engine import check
    from parplan.checks.finding import Severity
    from parplan.checks.registry import UnknownRuleError, select_rules
    from parplan.io.lines import json_lines
    from parplan.render.findings import format_json, format_sarif, format_text

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
