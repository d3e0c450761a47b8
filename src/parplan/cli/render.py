"""``parplan render``: write a plan as the official document (Markdown, HTML, Word) or its appendix (Excel).

Markdown and HTML go to standard output unless ``-o`` names a file; a Word
document (``docx``) or an Excel appendix (``xlsx``) is written to the file
``-o`` names, or as bytes to standard output when it is not a terminal.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from parplan.cli._common import EXIT_OK, EXIT_USAGE, Commands, add_example_argument, chosen_example
from parplan.locale import LOCALES

__all__ = ["FORMATS", "add_command", "run_render"]

FORMATS = ("markdown", "html", "docx", "xlsx")
"""The formats ``render`` writes (``parplan.render.FORMATS``)."""

SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".xlsx": "xlsx",
}
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
        help="write a plan as a Markdown, HTML or Word document, or its appendix as an Excel workbook",
        description=(
            "Write a plan as the official document: issuer block, motto, number and date, sections, appendix, "
            "signature and recipients, in Vietnamese or English."
        ),
    )
    render_.add_argument("path", nargs="?", help="plan file (.json or .toml) or a reading (parplan read)")
    add_example_argument(render_, "render")
    render_.add_argument(
        "--format",
        choices=FORMATS,
        help="document format (default: from the output file's suffix, else markdown)",
    )
    render_.add_argument("--locale", choices=LOCALES, default="vi", help="language (default: vi)")
    render_.add_argument(
        "--appendix",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "add the appendix table of tasks (--appendix) or leave it out (--no-appendix); default: as the plan has it"
        ),
    )
    render_.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    render_.set_defaults(handler=run_render)


def run_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan render``: the exit code."""
    from parplan.cli._common import load_plan
    from parplan.errors import ParplanError
    from parplan.io.document import write_atomic
    from parplan.io.examples import load_example
    from parplan.render import render

    paths = [] if args.path is None else [args.path]
    try:
        example = chosen_example(args.example, paths)
    except ParplanError as error:
        err.write(f"parplan render: {error}\n")
        return EXIT_USAGE
    if len(paths) + (example is not None) != 1:
        err.write("parplan render: give one plan file, or --example\n")
        return EXIT_USAGE
    chosen = output_format(args.format, args.output)
    if chosen.startswith("error:"):
        err.write(f"parplan render: {chosen.removeprefix('error: ')}\n")
        return EXIT_USAGE
    binary = chosen in ("docx", "xlsx")
    stream = getattr(out, "buffer", None)
    if binary and args.output is None and (stream is None or out.isatty()):
        err.write(f"parplan render: a {chosen} file is binary: give -o FILE, or redirect standard output\n")
        return EXIT_USAGE
    try:
        plan = load_example(example) if example is not None else load_plan(paths[0])[0]
        document = render(plan, format=chosen, locale=args.locale, appendix=args.appendix)  # type: ignore[call-overload]
        if args.output is not None:
            write_atomic(args.output, document if isinstance(document, bytes) else document.encode("utf-8"))
        elif isinstance(document, str):
            out.write(document)
        elif stream is not None:  # checked above: binary output goes to a redirected standard output
            out.flush()
            stream.write(document)
            stream.flush()
    except ParplanError as error:
        err.write(f"parplan render: {error}\n")
        return EXIT_USAGE
    return EXIT_OK
