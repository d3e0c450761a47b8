"""The ``parplan`` command line: one module per command.

``main(argv)`` returns the exit code: 0 when all is well, 1 when a plan (a
progress report, a score sheet) has problems at error severity, 2 for usage
errors and files that cannot be read or are not what the command reads.
Problems are printed one per line; only ``-o`` writes files.
Each command imports what it needs when it runs, so that the command line
starts quickly.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TextIO

from parplan.cli import check, export, read, render, rules, schema, score, status
from parplan.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]

_COMMANDS = (check, rules, schema, render, read, status, score, export)


def _parser() -> argparse.ArgumentParser:
    from parplan import __version__

    parser = argparse.ArgumentParser(prog="parplan", description="Vietnamese administrative-reform (CCHC) plans.")
    parser.add_argument("--version", action="version", version=f"parplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    On the process's own standard output and error, text the terminal's
    encoding cannot hold (Vietnamese on a cp1252 console) is written as
    escapes rather than failing, and a reader that goes away (``| head``)
    ends the run quietly.
    """
    if out is None:
        out = _tolerant(sys.stdout)
    if err is None:
        err = _tolerant(sys.stderr)
    try:
        return _main(argv, out, err)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK


def _tolerant(stream: TextIO) -> TextIO:
    """``stream`` writing what its encoding cannot hold as backslash escapes."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    return stream


def _silence_stdout() -> None:
    """After a broken pipe, point standard output at nothing so that Python's final flush does not fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # pragma: no cover - a stream without a descriptor
        pass


def _main(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    problem = _single_values(parser, args)
    if problem is not None:
        err.write(f"parplan {args.command}: {problem}\n")
        return EXIT_USAGE
    handler = args.handler
    return int(handler(args, out, err))


def _single_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """The first option that should hold one value and holds none.

    argparse reads ``--as-of=--`` as an option given no value at all (an empty
    list) instead of refusing it; such a value must not reach a command.
    """
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    command = subparsers.choices[args.command]
    for action in command._actions:  # noqa: SLF001 - argparse offers no public list of a parser's options
        if action.nargs is None and isinstance(action, argparse._StoreAction):  # noqa: SLF001
            value = getattr(args, action.dest, None)
            if isinstance(value, list):
                option = "/".join(action.option_strings) or action.dest
                return f"{option} expects one value, got none (write it as {action.option_strings[-1]} VALUE)"
    return None
