"""``parplan export``: plans as flat tables (CSV, JSON Lines, Parquet) or one plan's appendix as an Excel sheet.

``parplan export PATHS --format csv|jsonl|parquet -o DIR`` streams over plan
files and folders (one plan in memory at a time) and writes one file per table
and a Frictionless ``datapackage.json`` into ``DIR``. A file that is not a plan
is reported on standard error and left out; the export goes on, and the exit
code is then 2. ``parplan export PLAN --format xlsx -o FILE`` writes the
plan's appendix as offices lay it out.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from parplan.cli._common import EXIT_OK, EXIT_USAGE, Commands, add_example_argument, chosen_example, parse_day
from parplan.locale import LOCALES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from parplan.errors import ParplanError
    from parplan.io.fastrows import CheckedPlan
    from parplan.plan import Plan

__all__ = ["FORMATS", "add_command", "run_export"]

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
"""The formats ``export`` writes: three table formats for many plans, and the Excel appendix of one."""


def add_command(commands: Commands) -> None:
    """Add ``export`` to the command line's subcommands."""
    export = commands.add_parser(
        "export",
        help="write plans as tables (CSV, JSON Lines, Parquet) or a plan's appendix as Excel",
        description=(
            "Write plans as flat tables with stable keys and a Frictionless datapackage.json "
            "(csv, jsonl, parquet: -o names a folder), or one plan's appendix as an Excel workbook "
            "(xlsx: -o names a file)."
        ),
    )
    export.add_argument("paths", nargs="*", metavar="PATH", help="plan files (.json, .toml) or folders holding them")
    add_example_argument(export, "export")
    export.add_argument("--format", choices=FORMATS, default="csv", help="default: csv")
    export.add_argument("-o", "--output", required=True, metavar="DIR|FILE", help="folder (tables) or file (xlsx)")
    export.add_argument(
        "--tables", metavar="NAMES", help="tables to write, comma-separated (default: all but findings)"
    )
    export.add_argument("--findings", action="store_true", help="also run the checks and write the findings table")
    export.add_argument("--as-of", type=parse_day, metavar="DATE", help="date of the checks (with --findings)")
    export.add_argument("--locale", choices=LOCALES, default="vi", help="language of the xlsx appendix (default: vi)")
    export.set_defaults(handler=run_export)


def _names(args: argparse.Namespace) -> list[str] | None:
    from parplan.io.tables import table_specs

    if args.tables is None and not args.findings:
        return None
    names = (
        [name.strip() for name in args.tables.split(",") if name.strip()]
        if args.tables is not None
        else [spec.name for spec in table_specs()]
    )
    if args.findings and "findings" not in names:
        names.append("findings")
    return names


def _xlsx(args: argparse.Namespace, err: TextIO) -> int:
    from parplan.cli._common import load_plan
    from parplan.errors import ParplanError
    from parplan.io.examples import load_example
    from parplan.io.files import write_atomic
    from parplan.render import render

    if len(args.paths) + (args.example is not None) != 1:
        err.write("parplan export: --format xlsx takes one plan file, or --example\n")
        return EXIT_USAGE
    try:
        plan = load_example(args.example) if args.example is not None else load_plan(args.paths[0])[0]
        write_atomic(args.output, render(plan, format="xlsx", locale=args.locale))
    except ParplanError as error:
        err.write(f"parplan export: {error}\n")
        return EXIT_USAGE
    return EXIT_OK


def _usable(args: argparse.Namespace, err: TextIO) -> bool:
    """Whether the command line names something to export (``args.example`` resolved); if not, says why."""
    from parplan.errors import InvariantError

    try:
        args.example = chosen_example(args.example, args.paths)
    except InvariantError as error:
        err.write(f"parplan export: {error}\n")
        return False
    if args.format != "xlsx" and not args.paths and args.example is None:
        err.write("parplan export: give one or more plan files or folders, or --example\n")
        return False
    return True


_T = TypeVar("_T")


YOUNG_OBJECTS = 50_000
"""New objects between two passes of the collector over the young ones while exporting (Python's default: 700).

Each plan file read makes thousands of dictionaries and lists that live until
its rows are made; with the default, the collector looks at each of them
several times, and the survivors make the full passes more frequent. With this
threshold, most of a plan's objects are freed before the collector ever sees
them. Set by the command for the time of the export, and set back after.
"""


@contextlib.contextmanager
def _collector_frozen(*, parquet: bool) -> Iterator[Callable[[], None]]:
    """Keep the objects alive now (modules, classes, pyarrow) out of the collector's passes while exporting.

    They live until the command ends; the full passes, run again and again
    while thousands of plans are read, need not walk them each time. What the
    first document brings (the generated code that reads plans, pandas, which
    pyarrow imports on its first conversion) is frozen too: the context gives
    a function to call once the first document's rows are made. The young
    objects are looked at less often (:data:`YOUNG_OBJECTS`). Nothing is
    changed when the caller has frozen objects of its own (the collector is
    theirs to tune); what was frozen here is unfrozen at the end, and the
    thresholds set back.
    """
    if parquet:
        with contextlib.suppress(ImportError):  # export_tables says what is missing
            import pyarrow as pa
            import pyarrow.parquet

            pa.array([0])  # pyarrow's first conversion imports pandas (when installed): before the freeze too
    freeze = gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    if freeze:
        gc.freeze()
        gc.set_threshold(max(thresholds[0], YOUNG_OBJECTS), *thresholds[1:])
    try:
        yield gc.freeze if freeze else _nothing
    finally:
        if freeze:
            gc.set_threshold(*thresholds)
            gc.unfreeze()


def _nothing() -> None:
    pass


def _then(documents: Iterable[_T], first_done: Callable[[], None]) -> Iterator[_T]:
    """``documents``, calling ``first_done`` when the second one is asked for (the first one's rows are made)."""
    iterator = iter(documents)
    for document in iterator:
        yield document
        first_done()
        yield from iterator


def _loader(names: list[str] | None) -> Callable[..., Iterator[tuple[Path, Plan | CheckedPlan]]]:
    """How to read the plan files: checked for their tables without building the plans, when every table allows it.

    An unknown table name is left for the export to report.
    """
    from parplan.io.document import load_many
    from parplan.io.fastrows import fast_tables, load_many_for_tables
    from parplan.io.tables import TableError, table_specs

    try:
        return load_many_for_tables if fast_tables(table_specs(names)) else load_many
    except TableError:
        return load_many


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:  # noqa: ARG001 - writes files only
    """``parplan export``: the exit code."""
    from parplan.errors import ParplanError, PlanFileError, PlanFormatError
    from parplan.io.examples import load_example
    from parplan.io.export import export_tables
    from parplan.io.files import plan_files

    if not _usable(args, err):
        return EXIT_USAGE
    if args.format == "xlsx":
        return _xlsx(args, err)
    failed = False
    names = _names(args)
    load = _loader(names)

    def broken(path: Path, error: ParplanError) -> None:
        nonlocal failed
        failed = True
        if isinstance(error, PlanFormatError):
            err.write(f"{path}: not a valid plan document, left out\n")
            err.writelines(f"{path}: {problem}\n" for problem in error.problems)
        else:
            reason = error.reason if isinstance(error, PlanFileError) else str(error)
            err.write(f"{path}: cannot be read, left out: {reason}\n")

    def documents() -> Iterator[Plan | tuple[Path, Plan | CheckedPlan]]:
        if args.example is not None:  # keyed by its unit, year and symbol
            yield load_example(args.example)
        for given in args.paths:
            if Path(given).is_dir() and not plan_files(Path(given)):
                broken(Path(given), PlanFileError(given, "no plan files (.json, .toml) in this folder"))
                continue
            yield from load(given, on_error=broken)

    try:
        with _collector_frozen(parquet=args.format == "parquet") as first_done:
            export_tables(
                _then(documents(), first_done), args.output, format=args.format, names=names, as_of=args.as_of
            )
    except ParplanError as error:
        err.write(f"parplan export: {error}\n")
        return EXIT_USAGE
    return EXIT_USAGE if failed else EXIT_OK
