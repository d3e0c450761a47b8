"""What every command of the command line shares: exit codes, dates typed by people, rule selection."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, Final

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Commands",
    "add_selection_arguments",
    "parse_day",
]

EXIT_OK: Final = 0
"""All is well: no finding of error severity remains."""
EXIT_FINDINGS: Final = 1
"""A finding of error severity remains (or, for ``read``, a field is in doubt)."""
EXIT_USAGE: Final = 2
"""The command line is wrong, or an input cannot be read or is not what was expected."""

Commands = Any
"""The subparsers object of :mod:`argparse`, to which each command adds its parser."""


def parse_day(text: str) -> date:
    """A date typed on the command line, day first: ``2022-06-30``, ``30/6/2022``, ``30.06.2022``, ``30 June 2022``."""
    from parplan.cli._dates import parse_typed_date
    from parplan.errors import ParseError

    try:
        return parse_typed_date(text)
    except ParseError:
        raise argparse.ArgumentTypeError(f"expected a date such as 2022-06-30 or 30/6/2022, got {text!r}") from None


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """``--select`` and ``--ignore``: rule code prefixes, as ruff takes them."""
    parser.add_argument(
        "--select",
        action="append",
        metavar="PREFIXES",
        help="rule code prefixes to enable, comma-separated or repeated (PP1,PP201; ALL); default: every rule",
    )
    parser.add_argument(
        "--ignore", action="append", metavar="PREFIXES", help="rule code prefixes to disable (the longest prefix wins)"
    )
