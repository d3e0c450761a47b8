"""What every command of the command line shares: exit codes, dates typed by people, rule selection."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from parplan.io.document import Format
    from parplan.plan import Plan

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Commands",
    "add_example_argument",
    "add_selection_arguments",
    "chosen_example",
    "load_plan",
    "loads_plan",
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


EXAMPLE_HELP: Final = "son-chau-2022 (the default), mang-yang-2021 or son-giang-2021"
"""The bundled examples' names as the help lists them (``parplan.example_names()``; a test keeps them equal)."""


def add_example_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """``--example [NAME]``: a bundled example plan, the default one when no name follows."""
    parser.add_argument(
        "--example",
        nargs="?",
        const=True,
        metavar="NAME",
        help=f"{what} the bundled example plan NAME: {EXAMPLE_HELP}",
    )


def chosen_example(given: str | bool | None, paths: list[str]) -> str | None:
    """The example ``--example`` names (None without ``--example``), its value moved to ``paths`` if a file.

    A bare ``--example`` is the default example. A value that names no example
    but an existing file or folder is a path that followed a bare ``--example``
    (``check --example plans/``), as before names were taken: it is put first in
    ``paths``. Anything else raises :class:`~parplan.InvariantError` listing the names.
    """
    from pathlib import Path

    from parplan.io.examples import DEFAULT_EXAMPLE, EXAMPLE_NAMES, example_name

    if given is None or given is False:
        return None
    if given is True:
        return DEFAULT_EXAMPLE
    if given not in EXAMPLE_NAMES and Path(given).exists():
        paths.insert(0, given)
        return DEFAULT_EXAMPLE
    return example_name(given, field="--example")


PLAN_IN_READING: Final = "$.plan"
"""Where the draft plan sits in a reading document (``parplan read``'s output): findings point there."""


def loads_plan(data: bytes, *, format: Format = "json", source: str | None = None) -> tuple[Plan, str]:  # noqa: A002
    """The plan in a plan document, or the draft plan of a reading (``parplan read``'s output); and its JSON path.

    The path is ``"$"`` for a plan document and :data:`PLAN_IN_READING` for a
    reading, so that a finding's path can address the very file given. A file
    that is neither raises the plan's :class:`~parplan.PlanFormatError`; a
    reading without a draft plan (a document that was not read as a plan)
    raises one at ``$.plan`` with the reading's doubts.
    """
    from parplan.errors import PlanFormatError, Problem
    from parplan.io.document import loads

    try:
        return loads(data, format=format, source=source), "$"
    except PlanFormatError as error:
        if not any(problem.path == "$.document" for problem in error.problems):
            raise
        from parplan.read.reading import Reading

        try:
            reading = loads(data, kind=Reading, format=format, source=source)
        except PlanFormatError:
            raise error from None
    if reading.plan is None:
        why = "; ".join(reading.doubts) or "no title, issuer, unit and year could be read"
        problem = Problem(path=PLAN_IN_READING, message=f"this reading holds no draft plan ({why})")
        raise PlanFormatError([problem], source)
    return reading.plan, PLAN_IN_READING


def load_plan(path: str | Path) -> tuple[Plan, str]:
    """:func:`loads_plan` for a file: JSON, or TOML by its suffix, within the default size limit."""
    from parplan.io.document import DEFAULT_MAX_BYTES
    from parplan.io.files import read_bytes

    given = Path(path)
    data = read_bytes(given, DEFAULT_MAX_BYTES)
    return loads_plan(data, format="toml" if given.suffix.lower() == ".toml" else "json", source=str(path))
