"""The ``parplan`` command line: one module per command.

``main(argv)`` returns the exit code: 0 when all is well, 1 when a plan has
problems at error severity, 2 for usage errors and files that cannot be read or
are not plans. Problems are printed one per line; only ``-o`` writes files.
Each command imports what it needs when it runs, so that the command line
starts quickly.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TextIO

from parplan.cli import check, export, render, rules, schema
from parplan.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]

_COMMANDS = (check, rules, schema, render, export)


def _parser() -> argparse.ArgumentParser:
    from parplan import __version__

    parser = argparse.ArgumentParser(prog="parplan", description="Vietnamese administrative-reform (CCHC) plans.")
    parser.add_argument("--version", action="version", version=f"parplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.add_command(commands)
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
