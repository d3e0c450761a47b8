"""``parplan read``: read plan documents into draft plans (JSON) and a review report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal, TextIO

from parplan.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Commands
from parplan.locale import LOCALES

__all__ = ["add_command", "run_read"]


def add_command(commands: Commands) -> None:
    """Add ``read`` to the command line's subcommands."""
    read_ = commands.add_parser(
        "read",
        help="read plan documents (text) into draft plans and a review report",
        description=(
            "Read plan documents into draft plans: each field with the line, page or cell it came from, a "
            "confidence and doubts. Exit 0 when every document was read without doubts, 1 with doubts, 2 when "
            "a document cannot be read."
        ),
    )
    read_.add_argument(
        "paths",
        nargs="+",
        metavar="FILE",
        help="documents to read (.txt, .md, .html, .htm; .docx, .pdf, scans and .xlsx with extras)",
    )
    where = read_.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="write the reading (JSON) of one document to OUT")
    where.add_argument("--out-dir", metavar="DIR", help="write each reading to DIR/<name>.reading.json")
    read_.add_argument(
        "--report", metavar="FILE", help="write the review report to FILE (.html for HTML, else Markdown)"
    )
    read_.add_argument("--locale", choices=LOCALES, default="vi", help="language of the report (default: vi)")
    read_.set_defaults(handler=run_read)


def run_read(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:  # noqa: C901
    """``parplan read``: the exit code."""
    from parplan.errors import ParplanError
    from parplan.io.document import dumps, write_atomic
    from parplan.read import read
    from parplan.render.review import review

    if args.output is not None and len(args.paths) > 1:
        err.write("parplan read: -o takes one document; use --out-dir for several\n")
        return EXIT_USAGE
    code = EXIT_OK
    reports: list[str] = []
    fmt: Literal["markdown", "html"] = "html" if (args.report or "").endswith((".html", ".htm")) else "markdown"
    for path in args.paths:
        try:
            reading = read(path)
        except ParplanError as error:
            err.write(f"parplan read: {error}\n")
            code = EXIT_USAGE
            continue
        if reading.plan is None:
            err.write(f"{path}: not read as a plan: {'; '.join(reading.doubts)}\n")
            code = EXIT_USAGE
            if args.report is not None:
                reports.append(review(reading, format=fmt, locale=args.locale))
            continue
        text = dumps(reading)
        if args.output is not None:
            write_atomic(args.output, text.encode("utf-8"))
        elif args.out_dir is not None:
            target = Path(args.out_dir)
            target.mkdir(parents=True, exist_ok=True)
            write_atomic(target / f"{Path(path).stem}.reading.json", text.encode("utf-8"))
        elif args.report is None:
            out.write(text if text.endswith("\n") else text + "\n")
        if reading.doubts or any(source.doubts for source in reading.plan.sources):
            err.writelines(f"{path}: {doubt}\n" for doubt in reading.doubts)
            code = max(code, EXIT_FINDINGS)
        if args.report is not None:
            reports.append(review(reading, format=fmt, locale=args.locale))
    if args.report is not None and reports:
        try:
            write_atomic(args.report, "\n".join(reports).encode("utf-8"))
        except (OSError, ParplanError) as error:
            err.write(f"parplan read: {error}\n")
            return EXIT_USAGE
    return code
