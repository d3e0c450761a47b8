"""The ``parplan`` command line.

``main(argv)`` returns the exit code: 0 when all is well, 1 when a plan has
problems at error severity, 2 for usage errors and files that cannot be read or
are not plans. Problems are printed one per line; nothing else writes files.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from parplan import __version__
from parplan.checks.command import add_commands as add_check_commands
from parplan.errors import ParplanError
from parplan.io.document import load, write_atomic
from parplan.io.examples import load_example
from parplan.io.schema import json_schema
from parplan.plan import Plan
from parplan.render import FORMATS, LOCALES, render

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def summary(plan: Plan) -> str:
    """A short summary of a plan for the terminal."""
    symbol = f"{plan.symbol.as_written}" if plan.symbol is not None else "no number"
    issued = plan.issued_on.isoformat() if plan.issued_on is not None else "undated"
    period = str(plan.year) if plan.year is not None else f"{plan.first_year}-{plan.last_year}"
    targets = sum(1 for _ in plan.targets())
    areas = len(plan.areas)
    return (
        f"{plan.title}\n"
        f"  {plan.issuer.name} ({plan.unit.full_name}), {symbol}, {issued}\n"
        f"  {plan.level.value} plan for {period}: {len(plan.tasks)} tasks in {areas} of 8 areas, "
        f"{targets} targets, {len(plan.reporting)} reporting lines"
    )


def _schema(_: argparse.Namespace, out: TextIO, __: TextIO) -> int:
    out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if (args.path is None) == (not args.example):
        err.write("parplan render: give one plan file, or --example\n")
        return EXIT_USAGE
    try:
        plan = load_example() if args.example else load(args.path)
        text = render(plan, format=args.format, locale=args.locale)
        if args.output is None:
            out.write(text)
        else:
            write_atomic(args.output, text.encode("utf-8"))
    except ParplanError as error:
        err.write(f"parplan render: {error}\n")
        return EXIT_USAGE
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parplan", description="Vietnamese administrative-reform (CCHC) plans.")
    parser.add_argument("--version", action="version", version=f"parplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    add_check_commands(commands)
    schema = commands.add_parser("schema", help="print the JSON Schema of the plan format")
    schema.set_defaults(handler=_schema)
    render_ = commands.add_parser("render", help="write a plan as a Markdown or HTML document")
    render_.add_argument("path", nargs="?", help="plan file (.json or .toml)")
    render_.add_argument("--example", action="store_true", help="render the bundled example plan")
    render_.add_argument("--format", choices=FORMATS, default="markdown", help="document format (default: markdown)")
    render_.add_argument("--locale", choices=LOCALES, default="vi", help="language (default: vi)")
    render_.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    render_.set_defaults(handler=_render)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    handler = args.handler
    return int(handler(args, out, err))
