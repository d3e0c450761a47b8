"""``parplan render``: write a plan as the official document, in Markdown or HTML, in Vietnamese or English."""

from __future__ import annotations

import argparse
from typing import TextIO

from parplan.cli._common import EXIT_OK, EXIT_USAGE, Commands
from parplan.locale import LOCALES

__all__ = ["FORMATS", "add_command", "run_render"]

FORMATS = ("markdown", "html")
"""The formats ``render`` writes (``parplan.render.FORMATS``)."""

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
"""The format each output suffix names."""


def output_format(given: str | None, output: str | None) -> str:
    """The format to write: ``given``, else the one the output's suffix names, else Markdown.

    An output whose suffix names another format than ``given`` is refused
    (``"error: …"``): a file called ``plan.html`` holding Markdown helps nobody.
    """
    from pathlib import PurePath

    suffix = PurePath(output).suffix.lower() if output not in (None, "-") else ""
    named = SUFFIXES.get(suffix)
    if given is None:
        return named or "markdown"
    if named is not None and named != given:
        return f"error: --format {given} does not match the output file {output!r}, which names {named}"
    return given


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
    render_.add_argument(
        "--format",
        choices=FORMATS,
        help="document format (default: from the output file's suffix, else markdown)",
    )
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
    chosen = output_format(args.format, args.output)
    if chosen.startswith("error:"):
        err.write(f"parplan render: {chosen.removeprefix('error: ')}\n")
        return EXIT_USAGE
    try:
        plan = load_example() if args.example else load(args.path)
        text = render(plan, format="html" if chosen == "html" else "markdown", locale=args.locale)
        if args.output is None:
            out.write(text)
        else:
            write_atomic(args.output, text.encode("utf-8"))
    except ParplanError as error:
        err.write(f"parplan render: {error}\n")
        return EXIT_USAGE
    return EXIT_OK
