"""``parplan render``: write a plan as the official document, in Markdown or HTML, in Vietnamese or English."""

from __future__ import annotations

import argparse
from typing import TextIO

from parplan.cli._common import EXIT_OK, EXIT_USAGE, Commands
from parplan.locale import LOCALES

__all__ = ["FORMATS", "add_command", "run_render"]

FORMATS = ("markdown", "html")
"""The formats ``render`` writes (``parplan.render.FORMATS``)."""


def add_command(commands: Commands) -> None:
    """Add ``render`` to the command line's subcommands."""
    render_ = commands.add_parser(
        "render",
        help="write a plan as a Markdown or HTML document",
        description=(
            "Write a plan as the official document: issuer block, motto, number and date, sections, appendix, "
            "signature and recipients, in Vietnamese or English."
        ),
    )
    render_.add_argument("path", nargs="?", help="plan file (.json or .toml)")
    render_.add_argument("--example", action="store_true", help="render the bundled example plan")
    render_.add_argument("--format", choices=FORMATS, default="markdown", help="document format (default: markdown)")
    render_.add_argument("--locale", choices=LOCALES, default="vi", help="language (default: vi)")
    render_.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    render_.set_defaults(handler=run_render)


def run_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan render``: the exit code."""
    from parplan.errors import ParplanError
    from parplan.io.document import load, write_atomic
    from parplan.io.examples import load_example
    from parplan.render import render

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
