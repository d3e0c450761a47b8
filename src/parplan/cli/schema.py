"""``parplan schema``: print the JSON Schema of the plan format."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from parplan.cli._common import EXIT_OK, Commands

__all__ = ["add_command", "run_schema"]


def add_command(commands: Commands) -> None:
    """Add ``schema`` to the command line's subcommands."""
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the plan format",
        description="Print the JSON Schema (draft 2020-12) of the plan format, for editors and validators.",
    )
    schema.set_defaults(handler=run_schema)


def run_schema(_: argparse.Namespace, out: TextIO, __: TextIO) -> int:
    """``parplan schema``: the exit code."""
    from parplan.io.schema import json_schema

    out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
