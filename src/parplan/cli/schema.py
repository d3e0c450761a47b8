"""``parplan schema``: print the JSON Schema of a kind of document (a plan by default)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from parplan.cli._common import EXIT_OK, Commands

__all__ = ["KINDS", "add_command", "run_schema"]

KINDS = ("plan", "framework", "progress_report", "score_sheet")
"""The kinds of document whose schema ``schema --kind`` prints."""


def add_command(commands: Commands) -> None:
    """Add ``schema`` to the command line's subcommands."""
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the plan format (or of another kind of document)",
        description="Print the JSON Schema (draft 2020-12) of a kind of document, for editors and validators.",
    )
    schema.add_argument("--kind", choices=KINDS, default="plan", help="the kind of document (default: plan)")
    schema.set_defaults(handler=run_schema)


def run_schema(args: argparse.Namespace, out: TextIO, __: TextIO) -> int:
    """``parplan schema``: the exit code."""
    from parplan.io.kinds import kind_named
    from parplan.io.schema import json_schema

    kind = kind_named(getattr(args, "kind", "plan"))
    if kind is None:  # pragma: no cover - argparse offers the registered kinds only
        return EXIT_OK
    out.write(json.dumps(json_schema(kind.cls), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
