"""Writing the tables of many plans to a folder: CSV, JSON Lines or Parquet, with a Frictionless data package.

:func:`export_tables` streams: it takes documents one at a time (from
:func:`parplan.load_many`, say), appends their rows to one writer per table
and forgets them, so memory stays the same whatever the number of plans.
Parquet files are written in row groups, flushed as they fill. Every file is
first written under a temporary name and put in place only when the whole
export has succeeded, with ``datapackage.json`` last: a failed export leaves
no half-written table behind.

The tables and their columns come from :mod:`parplan.io.tables`; the same
declarations give the ``datapackage.json`` (Table Schema with every column's
type and description, the primary and foreign keys).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

import attrs

from parplan.errors import InvariantError, MissingExtraError, PlanFileError
from parplan.io.tables import DECIMAL_SCALE, TableError, TableOptions, TableSpec, append_all, keyed, table_specs

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "ExportSummary",
    "arrow_batch",
    "arrow_table",
    "datapackage",
    "export_tables",
]

ExportFormat: TypeAlias = Literal["csv", "jsonl", "parquet"]
"""A table format :func:`export_tables` writes."""

EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl", "parquet")
"""The table formats :func:`export_tables` writes."""

ROW_GROUP_ROWS = 64 * 1024
"""Rows buffered, all tables together, before every table's rows are written (a Parquet row group each).

Memory stays bounded whatever the number of plans: about 200 MB at the peak
for Parquet, pyarrow included.
"""

_SUFFIX = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
_MEDIATYPE = {"csv": "text/csv", "jsonl": "application/jsonl", "parquet": "application/vnd.apache.parquet"}


@attrs.frozen(kw_only=True)
class ExportSummary:
    """What an export wrote: the folder, the format, the documents read and the rows of each table."""

    directory: Path
    format: ExportFormat
    documents: int
    rows: dict[str, int]
    files: tuple[Path, ...]


class _Writer(Protocol):
    def write(self, columns: Sequence[list[Any]]) -> None: ...
    def close(self) -> None: ...


# --- CSV -----------------------------------------------------------------------------------------


class _CsvWriter:
    """RFC 4180 CSV in UTF-8 with a header; None as an empty field, booleans as True/False, dates in ISO.

    Text is as written, line breaks included (such fields are quoted).
    """

    def __init__(self, path: Path, spec: TableSpec) -> None:
        self._file = path.open("w", encoding="utf-8", newline="")
        # RFC 4180 line ends: with "\r\n" as the terminator, a field holding a lone "\r" or "\n" is quoted
        self._csv = csv.writer(self._file, lineterminator="\r\n")
        self._csv.writerow(spec.column_names)

    def write(self, columns: Sequence[list[Any]]) -> None:
        self._csv.writerows(zip(*columns, strict=True))

    def close(self) -> None:
        self._file.close()


# --- JSON Lines ----------------------------------------------------------------------------------


def _json_value(type_: str) -> Callable[[Any], str]:
    if type_ == "string":
        return lambda value: json.dumps(value, ensure_ascii=False)
    if type_ == "integer":
        return str
    if type_ == "number":
        return str  # a finite Decimal's text is a JSON number ("90.73", "1E+3"), every digit kept
    if type_ == "date":
        return lambda value: f'"{value.isoformat()}"'
    return lambda value: "true" if value else "false"


class _JsonLinesWriter:
    """One JSON object per line, keys in column order; numbers exact, dates as ISO strings, null for None."""

    def __init__(self, path: Path, spec: TableSpec) -> None:
        self._file = path.open("w", encoding="utf-8", newline="\n")
        self._fields = [(json.dumps(column.name) + ":", _json_value(column.type)) for column in spec.columns]

    def write(self, columns: Sequence[list[Any]]) -> None:
        fields = self._fields
        lines = [
            "{"
            + ",".join(
                name + ("null" if value is None else encode(value))
                for (name, encode), value in zip(fields, row, strict=True)
            )
            + "}\n"
            for row in zip(*columns, strict=True)
        ]
        self._file.write("".join(lines))

    def close(self) -> None:
        self._file.close()


# --- Parquet -------------------------------------------------------------------------------------


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("writing Parquet", "pyarrow", "parquet") from None
    return pa, pq


def arrow_table(spec: TableSpec, rows: Sequence[tuple[Any, ...]], schema: pa.Schema | None = None) -> pa.Table:
    """``rows`` of ``spec`` as a :class:`pyarrow.Table` with the table's typed schema."""
    pa, _ = _pyarrow()
    schema = spec.arrow_schema() if schema is None else schema
    columns = [list(values) for values in zip(*rows, strict=True)] if rows else spec.empty_columns()
    return pa.Table.from_batches([arrow_batch(spec, columns, schema)], schema=schema)


def arrow_batch(spec: TableSpec, columns: Sequence[list[Any]], schema: pa.Schema | None = None) -> pa.RecordBatch:
    """Columns of ``spec`` (one list of values per column) as a :class:`pyarrow.RecordBatch` with its typed schema.

    Each column is converted at once to its Arrow type: strings, 64-bit
    integers, dates, booleans, and decimals as decimal128(38, 12), exactly
    (a value that would need rounding is refused, never rounded). A value
    that does not fit is named with its table and column in a :class:`TableError`.
    """
    pa, _ = _pyarrow()
    schema = spec.arrow_schema() if schema is None else schema
    arrays = []
    for column, field, values in zip(spec.columns, schema, columns, strict=True):
        try:
            arrays.append(pa.array(values, type=field.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError, TypeError) as error:
            bad = _first_unfit(values, column.type)
            if bad is not None:
                raise TableError(
                    f"table {spec.name!r}, column {column.name!r}: the value {bad!r} does not fit "
                    f"{_ARROW_NAMES[column.type]}",
                    spec.name,
                ) from None
            raise TableError(
                f"table {spec.name!r}, column {column.name!r}: a value cannot be written to Parquet ({error})",
                spec.name,
            ) from None
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


_ARROW_NAMES = {
    "string": "a string",
    "integer": "a 64-bit integer",
    "number": f"a decimal of 38 digits with {DECIMAL_SCALE} after the point",
    "date": "a date",
    "boolean": "a boolean",
}


def _first_unfit(values: Iterable[Any], type_: str) -> object:
    for value in values:
        if value is None:
            continue
        if type_ == "integer" and not -(2**63) <= value < 2**63:
            return value
        if type_ == "number" and isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            digits = len(value.as_tuple().digits)
            if (isinstance(exponent, int) and -exponent > DECIMAL_SCALE) or digits - min(0, int(exponent)) > 38:
                return value
    return None  # pragma: no cover - pyarrow refused a value these rules accept


class _ParquetWriter:
    """One Parquet file per table, a row group written each time the buffer fills."""

    def __init__(self, path: Path, spec: TableSpec) -> None:
        _, pq = _pyarrow()
        self._spec = spec
        self._schema = spec.arrow_schema()
        self._file = pq.ParquetWriter(path, self._schema, compression="snappy")

    def write(self, columns: Sequence[list[Any]]) -> None:
        self._file.write_batch(arrow_batch(self._spec, columns, self._schema))

    def close(self) -> None:
        self._file.close()


_WRITERS: dict[str, Callable[[Path, TableSpec], _Writer]] = {
    "csv": _CsvWriter,
    "jsonl": _JsonLinesWriter,
    "parquet": _ParquetWriter,
}

# --- the data package ----------------------------------------------------------------------------


def datapackage(specs: Sequence[TableSpec], format: ExportFormat, *, name: str = "parplan-tables") -> dict[str, Any]:  # noqa: A002
    """The Frictionless ``datapackage.json`` describing ``specs`` written as ``format`` files."""
    resources = []
    for spec in specs:
        resource: dict[str, Any] = {
            "name": spec.name,
            "path": spec.name + _SUFFIX[format],
            "profile": "tabular-data-resource",
            "format": format,
            "mediatype": _MEDIATYPE[format],
            "description": spec.description,
        }
        if format != "parquet":
            resource["encoding"] = "utf-8"
        if format == "csv":
            resource["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True}
        resource["schema"] = spec.table_schema()
        resources.append(resource)
    return {"profile": "tabular-data-package", "name": name, "resources": resources}


# --- the export ----------------------------------------------------------------------------------


def _check_format(format: object) -> ExportFormat:  # noqa: A002
    for known in EXPORT_FORMATS:
        if format == known:
            return known
    raise InvariantError("export.format", format, "must be 'csv', 'jsonl' or 'parquet'")


def _flush(
    buffers: dict[str, list[list[Any]]], writers: dict[str, _Writer], counts: dict[str, int], *, empty_too: bool
) -> None:
    """Write every table's waiting rows (and, with ``empty_too``, an empty batch for a table never written)."""
    for name, columns in buffers.items():
        waiting = len(columns[0])
        if waiting or (empty_too and counts[name] == 0):
            writers[name].write(columns)
            counts[name] += waiting
            for column in columns:
                column.clear()


def export_tables(  # noqa: C901, PLR0913 - open, stream, then put in place or clean up; the options
    documents: Iterable[Any],
    directory: str | os.PathLike[str],
    *,
    format: ExportFormat = "csv",  # noqa: A002 - the command line's name
    names: Iterable[str] | None = None,
    as_of: date | None = None,
    row_group_rows: int = ROW_GROUP_ROWS,
) -> ExportSummary:
    """Write the tables of ``documents`` to ``directory`` as ``format`` files, with ``datapackage.json``.

    ``documents`` holds plans or ``(path, plan)`` pairs (as
    :func:`parplan.load_many` yields them) and is read once, one document at a
    time; rows are written each time ``row_group_rows`` of them (all tables
    together) are waiting. ``names`` chooses the tables (default: all but
    ``findings``). The
    folder is made when missing; files of the same names are replaced. Raises
    :class:`TableError` (two plans with one key, a value Parquet cannot hold)
    or :class:`PlanFileError` (the folder cannot be written), and then leaves
    the folder as it was.
    """
    chosen = _check_format(format)
    specs = table_specs(names)
    if isinstance(row_group_rows, bool) or not isinstance(row_group_rows, int) or row_group_rows < 1:
        raise InvariantError("export.row_group_rows", row_group_rows, "must be a whole number of rows, 1 or more")
    if chosen == "parquet":
        _pyarrow()
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlanFileError(str(folder), error.strerror or str(error), error.errno) from None
    options = TableOptions(as_of=as_of)
    temporary = {spec.name: folder / f".{spec.name}{_SUFFIX[chosen]}.tmp" for spec in specs}
    writers: dict[str, _Writer] = {}
    buffers = {spec.name: spec.empty_columns() for spec in specs}
    counts = dict.fromkeys(buffers, 0)
    documents_read = 0
    try:
        for spec in specs:
            writers[spec.name] = _WRITERS[chosen](temporary[spec.name], spec)
        buffered = 0
        for key, document in keyed(documents):
            documents_read += 1
            buffered += append_all(specs, key, document, options, buffers)
            if buffered >= row_group_rows:
                _flush(buffers, writers, counts, empty_too=False)
                buffered = 0
        _flush(buffers, writers, counts, empty_too=chosen == "parquet")  # a Parquet file needs a row group
        for writer in writers.values():
            writer.close()
        files = []
        for spec in specs:
            final = folder / (spec.name + _SUFFIX[chosen])
            temporary[spec.name].replace(final)
            files.append(final)
        package = json.dumps(datapackage(specs, chosen), ensure_ascii=False, indent=2) + "\n"
        from parplan.io.files import write_atomic

        write_atomic(folder / "datapackage.json", package.encode("utf-8"))
        files.append(folder / "datapackage.json")
    except BaseException as error:
        for writer in writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        for path in temporary.values():
            with contextlib.suppress(OSError):
                path.unlink()
        if isinstance(error, OSError) and not isinstance(error, PlanFileError):
            where = error.filename if error.filename is not None else str(folder)
            raise PlanFileError(str(where), error.strerror or str(error), error.errno) from None
        raise
    return ExportSummary(directory=folder, format=chosen, documents=documents_read, rows=counts, files=tuple(files))
