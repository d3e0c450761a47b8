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
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from parplan.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    add_example_argument,
    add_selection_arguments,
    chosen_example,
    parse_day,
)
from parplan.locale import DEFAULT_LOCALE, LOCALES

if TYPE_CHECKING:
    from parplan.checks.finding import Finding
    from parplan.errors import PlanFileError
    from parplan.plan import Plan
    from parplan.render.findings import FileResult, FindingsWriter

__all__ = ["add_command", "run_check"]

OUTPUT_FORMATS = ("text", "json", "sarif")


def add_command(commands: Commands) -> None:
    """Add ``check`` to the command line's subcommands."""
    check_ = commands.add_parser(
        "check",
        help="check plan files and report findings",
        description="Check plan files against the rules (see `parplan rules` and docs/rules.md).",
    )
    check_.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="plan files (.json, .toml), readings (parplan read) or folders of them",
    )
    add_example_argument(check_, "check")
    add_selection_arguments(check_)
    check_.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text", help="default: text")
    check_.add_argument(
        "--locale",
        choices=LOCALES,
        default=DEFAULT_LOCALE,
        help=f"language of the messages (default: {DEFAULT_LOCALE})",
    )
    check_.add_argument(
        "--as-of", type=parse_day, metavar="DATE", help="date of the check (enables the overdue-task rule)"
    )
    check_.add_argument("--exit-zero", action="store_true", help="exit 0 even when error findings remain")
    check_.add_argument(
        "--min-confidence",
        type=_confidence,
        metavar="X",
        help="for readings (parplan read): an error resting on a reading less sure than X (0 to 1) is shown"
        " but does not fail the run",
    )
    check_.set_defaults(handler=run_check)


def _confidence(text: str) -> Decimal:
    """``--min-confidence``: a decimal from 0 to 1."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not Decimal(0) <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a decimal from 0 to 1, got {text!r}")
    return value


def _fails(finding: Finding, least: Decimal | None) -> bool:
    """Whether ``finding`` fails the run: an error, resting on a reading at least ``least`` sure when given."""
    from parplan.checks.finding import Severity

    if finding.severity is not Severity.ERROR:
        return False
    return least is None or finding.confidence is None or finding.confidence >= least


def _expand(path: Path) -> list[Path | PlanFileError] | None:
    """The plan files of a folder as ``load_many`` lists them, unreadable entries included; None for a file."""
    from parplan.io.files import plan_files

    if path.is_dir():
        return plan_files(path)
    return None


_Source = tuple[str, "bytes | Path | PlanFileError"]
"""A plan to check: its display name, and its bytes (an example), its path, or why it cannot be listed."""


def _sources(args: argparse.Namespace, err: TextIO) -> tuple[list[_Source], bool]:
    """What to check, in order, without reading any plan yet; and whether a folder was empty."""
    from parplan.errors import PlanFileError
    from parplan.io.examples import example_text

    sources: list[_Source] = []
    failed = False
    if args.example is not None:
        sources.append((f"<example {args.example}>", example_text(args.example).encode("utf-8")))
    for given in args.paths:
        expanded = _expand(Path(given))
        if expanded is not None and not expanded:
            err.write(f"{_shown(given)}: no plan files (.json, .toml) in this folder\n")
            failed = True
            continue
        for path in expanded if expanded is not None else [Path(given)]:
            name = path.path if isinstance(path, PlanFileError) else str(path)
            sources.append((name, path))
    return sources, failed


def _shown(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 shown as escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _load(name: str, source: bytes | Path | PlanFileError, err: TextIO) -> tuple[Plan, str, bytes, bool] | None:
    """The plan, its JSON path in the file, the bytes it was read from (read once), and whether they are JSON.

    A reading (``parplan read``'s output) gives its draft plan at ``$.plan``. None when the file fails.
    """
    from parplan.cli._common import loads_plan
    from parplan.errors import PlanFileError, PlanFormatError
    from parplan.io.document import DEFAULT_MAX_BYTES
    from parplan.io.files import read_bytes

    shown = _shown(name)
    try:
        if isinstance(source, PlanFileError):
            raise source
        if isinstance(source, bytes):
            data, is_json = source, True
        else:
            data, is_json = read_bytes(source, DEFAULT_MAX_BYTES), source.suffix.lower() != ".toml"
        plan, at = loads_plan(data, format="json" if is_json else "toml", source=shown)
    except PlanFileError as error:
        err.write(f"{shown}: cannot be read: {error.reason}\n")
        return None
    except PlanFormatError as error:
        count = len(error.problems)
        err.write(f"{shown}: not a valid plan document ({count} {'problem' if count == 1 else 'problems'})\n")
        err.writelines(f"{shown}: {problem}\n" for problem in error.problems)
        return None
    return plan, at, data, is_json


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan check``: the exit code.

    Plans are read one at a time, each file once, and only their findings are
    kept: a folder of any size is checked in the memory of one plan.
    """
    import attrs

    from parplan.checks.engine import check
    from parplan.io.lines import json_positions
    from parplan.render.findings import format_text_lines, summary_line

    usage = _usage_error(args)
    if usage is not None:
        err.write(f"parplan check: {usage}\n")
        return EXIT_USAGE
    sources, failed = _sources(args, err)
    results: list[FileResult] = []
    text = args.output_format == "text"
    writer = None if text else _machine_writer(args, out)
    errors = False
    for name, source in sources:
        loaded = _load(name, source, err)
        if loaded is None:
            failed = True
            continue
        plan, at, data, is_json = loaded
        findings: list[Finding] = check(plan, select=args.select, ignore=args.ignore, as_of=args.as_of)
        if at != "$":  # the draft plan of a reading: the paths address the reading file given
            findings = [attrs.evolve(finding, path=at + finding.path[1:]) for finding in findings]
        errors = errors or any(_fails(finding, args.min_confidence) for finding in findings)
        shown = _shown(name)
        found = {}
        if findings and is_json:
            found = json_positions(data.decode("utf-8-sig", "replace"), (finding.path for finding in findings))
        if writer is None:
            out.writelines(format_text_lines(shown, findings, args.locale, found))
            results.append((shown, findings))
        else:  # written as it comes: a folder of any size holds one plan's findings at a time
            writer.add(shown, findings, found)
    if writer is not None:
        writer.close()
    if text and (results or not failed):
        out.write(summary_line(results, args.locale) + "\n")
    if failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if errors and not args.exit_zero else EXIT_OK


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the command's arguments (rules, example, paths), or None; sets the example chosen."""
    from parplan.checks.registry import UnknownRuleError, select_rules
    from parplan.errors import InvariantError

    try:
        select_rules(args.select, args.ignore)
        args.example = chosen_example(args.example, args.paths)
    except (UnknownRuleError, InvariantError) as error:
        return str(error)
    if not args.paths and args.example is None:
        return "give one or more plan files or folders, or --example"
    return None


def _machine_writer(args: argparse.Namespace, out: TextIO) -> FindingsWriter:
    """The writer of the JSON list or the SARIF log (text output is written file by file)."""
    from parplan import __version__
    from parplan.render.findings import FindingsWriter

    return FindingsWriter(out.write, args.output_format, args.locale, version=__version__)
