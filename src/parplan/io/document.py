"""Reading and writing documents: JSON (read and write) and TOML (read), of every kind.

``loads``/``load`` parse, migrate and structure a document, raising
:class:`PlanFormatError` with every problem and its JSON path. ``dumps`` writes
the canonical form: the header (``"format_version"``, ``"document"``), then
two-space indented JSON, fields in model order, defaults left out, UTF-8 text
as written, one newline at the end. ``dump`` replaces a file atomically.
``load_many`` streams documents from many files and keeps going past broken
ones. ``to_dict`` and ``from_dict`` are the same at the level of JSON-like
data. A plan is read unless ``kind=`` names another model class (see
:mod:`parplan.io.kinds`).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TypeVar, overload

from parplan.errors import InvariantError, ParplanError, PlanBatchError, PlanFileError, PlanFormatError, Problem
from parplan.io.converter import (
    FAST_FAILURES,
    MAX_DEPTH,
    _key_path,
    cattrs_converter,
    depth_bound,
    fast_pass_ready,
    nesting_depth,
    structure,
    too_deep,
    unstructure,
)
from parplan.io.files import expand, read_bytes, write_atomic
from parplan.io.kinds import DocumentKind, kind_for
from parplan.io.migrations import migrate
from parplan.plan import Plan

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "Format",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "load_many",
    "loads",
    "to_dict",
    "write_atomic",
]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Largest document read by default (64 MiB); pass ``max_bytes`` to change it."""

DEFAULT_MAX_DEPTH = MAX_DEPTH
"""Deepest nesting of objects and arrays read by default (64 levels; a plan needs about ten).

The plan object is level 1, ``$.tasks`` level 2, a task level 3. Pass
``max_depth`` to change it. Deeper documents are refused with the path where
the limit was passed, the limit and their depth, before anything recursive can
exhaust the stack.
"""

Format = Literal["json", "toml"]
"""The document formats parplan reads."""

T = TypeVar("T")

_orjson: ModuleType | None
try:  # orjson, when installed, writes the very same bytes faster
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


class _ConstantError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not a number parplan accepts")


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


_CONSTANT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?Infinity|NaN)')


def _constant_at(text: str) -> str:
    """Where the first NaN or Infinity outside strings is: "line 3, column 12" (only read on that error)."""
    for found in _CONSTANT.finditer(text):
        if found[1] is not None:
            position = found.start(1)
            line = text.count("\n", 0, position) + 1
            return f"line {line}, column {position - text.rfind(chr(10), 0, position)}"
    return "an unknown place"  # pragma: no cover - the parser found one


class _Float(Decimal):
    """A number written with a fraction or an exponent: kept exact, yet refused where a decimal is expected.

    Decimals are written as strings ("90.73") and integers without a point, as the
    schema says; the converter accepts only exact ``Decimal`` and ``int`` values.
    """

    __slots__ = ()


def _lone_surrogates(data: Any, path: str, problems: list[Problem]) -> None:
    """Record every string of ``data`` that holds a lone surrogate (it cannot be written as UTF-8)."""
    cls = data.__class__
    if cls is str:
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as error:
            where = f"{data[error.start]!r} at position {error.start}"
            problems.append(Problem(path=path, message=f"holds a lone surrogate {where}, which is not text"))
    elif cls is dict:
        for key, value in data.items():
            _lone_surrogates(key, path, problems)
            _lone_surrogates(value, _key_path(path, key), problems)
    elif cls is list:
        for index, value in enumerate(data):
            _lone_surrogates(value, f"{path}[{index}]", problems)


def _check_surrogate_escapes(text: str, data: Any, source: str | None, max_depth: int) -> None:
    """Refuse JSON escapes of lone surrogates (backslash, ``ud800``): such text could never be written back."""
    if "\\ud" not in text and "\\uD" not in text:
        return
    problems: list[Problem] = []
    try:
        _lone_surrogates(data, "$", problems)
    except RecursionError:
        problems = [_too_deep(nesting_depth(data), max_depth)]
    if problems:
        raise PlanFormatError(problems, source)


_JSON_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?')
_TOML_STRINGS = re.compile(
    r'"""[\s\S]*?(?:"""|\Z)'
    r"|'''[\s\S]*?(?:'''|\Z)"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
)
"""Strings (and TOML comments), which may hold brackets that do not nest anything."""
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_BRACKET_RUNS = re.compile(r"[\[{]+|[\]}]+")
_RUNS_READ = 1_000_000
"""How many runs of brackets are counted at most to say how deep a document is nested."""


def _text_depth(text: str, strings: re.Pattern[str]) -> tuple[int, bool]:
    """The deepest nesting of brackets outside strings in ``text``, without recursion; and whether it is exact.

    Only documents the parser could not follow are measured. Runs of brackets
    are counted; past ``_RUNS_READ`` of them the depth found so far is a lower
    bound.
    """
    brackets = _NOT_BRACKETS.sub("", strings.sub("", text))
    depth = deepest = 0
    for count, run in enumerate(_BRACKET_RUNS.finditer(brackets)):
        if count == _RUNS_READ:
            return deepest, False
        size = run.end() - run.start()
        if brackets[run.start()] in "[{":
            depth += size
            deepest = max(deepest, depth)
        else:
            depth = max(depth - size, 0)
    return deepest, True


def _too_deep(depth: tuple[int, bool] | int, max_depth: int) -> Problem:
    levels, exact = depth if isinstance(depth, tuple) else (depth, True)
    if exact and levels > max_depth:
        return Problem(path="$", message=too_deep(levels, max_depth))
    if exact:
        return Problem(path="$", message=f"nested {levels} levels deep, deeper than the reader can follow")
    return Problem(path="$", message=f"nested at least {levels} levels deep, deeper than the reader can follow")


def _parse_json(text: str, source: str | None, max_depth: int) -> Any:
    try:
        data = json.loads(text, parse_float=_Float, parse_constant=_reject_constant, object_pairs_hook=_object_pairs)
    except _DuplicateKeyError as error:
        raise PlanFormatError(
            [Problem(path="$", message=f"the key {error.key!r} appears twice in one object")], source
        ) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise PlanFormatError([Problem(path="$", message=f"not valid JSON at {where}: {error.msg}")], source) from None
    except _ConstantError as error:
        message = f"not valid JSON at {_constant_at(text)}: {error}"
        raise PlanFormatError([Problem(path="$", message=message)], source) from None
    except ValueError as error:
        raise PlanFormatError([Problem(path="$", message=f"not valid JSON: {error}")], source) from None
    except RecursionError:
        raise PlanFormatError([_too_deep(_text_depth(text, _JSON_STRINGS), max_depth)], source) from None
    _check_surrogate_escapes(text, data, source, max_depth)
    return data


def _parse_toml(text: str, source: str | None, max_depth: int) -> Any:
    try:
        return tomllib.loads(text, parse_float=_Float)
    except tomllib.TOMLDecodeError as error:
        raise PlanFormatError([Problem(path="$", message=f"not valid TOML: {error}")], source) from None
    except ValueError as error:  # an integer of more than 4,300 digits, which Python refuses to read
        raise PlanFormatError([Problem(path="$", message=f"not valid TOML: {error}")], source) from None
    except RecursionError:
        raise PlanFormatError([_too_deep(_text_depth(text, _TOML_STRINGS), max_depth)], source) from None


def _decode(data: bytes, source: str | None) -> str:
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PlanFormatError(
            [Problem(path="$", message=f"not valid UTF-8 at byte {error.start + bom}")],
            source,
        ) from None


def _kind(cls: type, where: str) -> DocumentKind:
    """The registered kind of ``cls``; :class:`InvariantError` naming ``where`` for any other class."""
    found = kind_for(cls) if isinstance(cls, type) else None
    if found is None:
        raise InvariantError(where, cls, "must be the model class of a kind of document, such as parplan.Plan")
    return found


_FORMATS: dict[str, Format] = {"json": "json", "toml": "toml"}


def _check_format(given: object) -> Format:
    if isinstance(given, str) and given in _FORMATS:
        return _FORMATS[given]
    raise InvariantError("format", given, "must be 'json' or 'toml'")


def _check_limits(max_bytes: object, max_depth: object) -> None:
    if not isinstance(max_bytes, int) or max_bytes.__class__ is not int or max_bytes < 0:
        raise InvariantError("max_bytes", max_bytes, "must be a whole number of bytes, 0 or more")
    if not isinstance(max_depth, int) or max_depth.__class__ is not int or max_depth < 0:
        raise InvariantError("max_depth", max_depth, "must be a whole number of levels, 0 or more")


@overload
def loads(
    text: str | bytes,
    *,
    format: Format = "json",
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Plan: ...
@overload
def loads(
    text: str | bytes,
    *,
    kind: type[T],
    format: Format = "json",
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> T: ...
def loads(  # noqa: PLR0913 - the text, the kind, and the reading options
    text: str | bytes,
    *,
    kind: type[Any] = Plan,
    format: Format = "json",  # noqa: A002 - the natural name, as in other loaders
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Any:
    """Read a document from JSON (or TOML) text or UTF-8 bytes: a plan, or the model class given as ``kind``.

    ``source`` names where the text came from in error messages. Raises
    :class:`PlanFormatError` listing every problem with its JSON path. A
    document larger than ``max_bytes`` (UTF-8 bytes) or nested more than
    ``max_depth`` levels deep is refused with one problem saying so. A
    document of another kind than asked for is refused with a problem at
    ``$.document``.
    """
    document_kind = _kind(kind, "loads.kind")
    chosen = _check_format(format)
    _check_limits(max_bytes, max_depth)
    given: object = text
    if isinstance(given, bytearray | memoryview):
        text = bytes(given)
    elif not isinstance(given, str | bytes):
        raise InvariantError("loads.text", type(given).__name__, "must be the text of a document (str or bytes)")
    raw = text if isinstance(text, bytes) else _text_bytes(text, source)
    size = len(raw)
    if size > max_bytes:
        raise PlanFormatError(
            [Problem(path="$", message=f"document of {size} bytes is larger than the limit of {max_bytes}")], source
        )
    # The first small document of its kind is read faster by the detailed pass than by generating the fast one;
    # every later one takes the fast pass, generated then.
    fast = size > _SMALL_DOCUMENT or document_kind.cls in _read_once or fast_pass_ready(document_kind.cls)
    _read_once.add(document_kind.cls)
    if fast and chosen == "json" and _orjson is not None and max_depth >= depth_bound(document_kind.cls):
        found = _load_canonical(raw, document_kind)
        if found is not None:
            return found
    if isinstance(text, bytes):
        text = _decode(text, source)
    elif text.startswith("\ufeff"):
        text = text[1:]
    data = _parse_json(text, source, max_depth) if chosen == "json" else _parse_toml(text, source, max_depth)
    document = _structure_document(data, document_kind, source, max_depth, fast=fast)
    _check_writable(document, size, document_kind, max_bytes, source)
    return document


def _check_writable(document: object, size: int, kind: DocumentKind, max_bytes: int, source: str | None) -> None:
    """Refuse a document whose canonical text would not load again.

    Whatever loads must be writable and readable again with the same limit, or
    with the default one when that is larger (a small ``max_bytes`` is a guard
    on the input, not on what parplan writes): a compact or TOML document can
    grow when written in the canonical layout (indentation, decimals as
    strings). Each value takes a line in that layout, indented at most twice
    the deepest nesting of a valid document, so only a document larger than
    ``limit / (depth + 3)`` can grow past the limit, and only those are written
    once to measure.
    """
    limit = max(max_bytes, DEFAULT_MAX_BYTES)
    if size * (depth_bound(kind.cls) + 3) <= limit:
        return
    written = len(_encode(document))
    if written > limit:
        message = (
            f"document of {size} bytes would be written as {written} bytes in the canonical form, "
            f"larger than the limit of {limit}; pass a larger max_bytes to read it"
        )
        raise PlanFormatError([Problem(path="$", message=message)], source)


def _text_bytes(text: str, source: str | None) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        where = f"{text[error.start]!r} at character {error.start}"
        problem = Problem(path="$", message=f"not valid text: a lone surrogate {where}")
        raise PlanFormatError([problem], source) from None


_CANONICAL_START = b'{\n  "'
_SMALL_DOCUMENT = 128 * 1024
"""Bytes up to which the first document of its kind that a process reads is read by the detailed pass alone."""
_read_once: set[type] = set()
"""The kinds of document this process has read (or tried to) at least once."""


def _load_canonical(raw: bytes, kind: DocumentKind) -> Any:
    """The model object of a document in canonical form, read by orjson; None for any other document.

    The parsed data is taken only when writing it back in the canonical layout
    gives the very same bytes, so no key was repeated and no number was
    rewritten, and only when migration and the fast pass accept it. Anything
    else (another layout, floats, lone surrogates, any problem at all) returns
    None and is read the exact way, which also reports the problems.
    """
    data = canonical_data(raw, kind)
    if data is None:
        return None
    try:
        return cattrs_converter().structure(data, kind.cls)
    except (ParplanError, *FAST_FAILURES):  # every problem is read again the exact way, which reports it
        return None


def canonical_data(raw: bytes, kind: DocumentKind, *, current_only: bool = False) -> dict[str, Any] | None:
    """The migrated data of a document in canonical form, parsed by orjson; None for any other document.

    Canonical means that writing the parsed data back in the canonical layout
    gives the very same bytes: no key repeated, no number rewritten. None as
    well when orjson is missing or the migration refuses the header (the exact
    way then reports it), and with ``current_only`` for a document of an older
    format version.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if _orjson is None or not raw.startswith(_CANONICAL_START) or not raw.endswith(b"}\n"):
        return None
    try:
        data = _orjson.loads(raw)
        written: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2)
    except _orjson.JSONDecodeError:
        return None
    if len(written) + 1 != len(raw) or not raw.startswith(written) or data.__class__ is not dict:
        return None
    if current_only and data.get("format_version") != kind.version:
        return None
    try:
        return migrate(data, kind=kind)
    except ParplanError:
        return None


def _structure_document(data: Any, kind: DocumentKind, source: str | None, max_depth: int, *, fast: bool = True) -> Any:
    if data.__class__ is not dict:
        raise PlanFormatError([Problem(path="$", message=f"expected an object holding a {kind.name}")], source)
    data = migrate(dict(data), source=source, kind=kind)
    return structure(data, kind.cls, source=source, max_depth=max_depth, fast=fast)


def _format_of(path: Path) -> Format:
    return "toml" if path.suffix.lower() == ".toml" else "json"


@overload
def load(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH
) -> Plan: ...
@overload
def load(
    path: str | os.PathLike[str],
    *,
    kind: type[T],
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> T: ...
def load(
    path: str | os.PathLike[str],
    *,
    kind: type[Any] = Plan,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Any:
    """Read a document from a ``.json`` or ``.toml`` file: a plan, or the model class given as ``kind``.

    Raises :class:`PlanFileError` when the file cannot be read and
    :class:`PlanFormatError` when it is not a valid document of that kind;
    ``max_bytes`` and ``max_depth`` limit the document as :func:`loads` does.
    A file larger than ``max_bytes`` is not read further than the limit.
    """
    _kind(kind, "load.kind")
    _check_limits(max_bytes, max_depth)
    file = _path(path, "load.path")
    data = read_bytes(file, max_bytes)
    return loads(data, kind=kind, format=_format_of(file), source=str(file), max_bytes=max_bytes, max_depth=max_depth)


def _path(path: object, where: str) -> Path:
    """``path`` as a :class:`Path`; :class:`InvariantError` for a path no file can have (a NUL, not text)."""
    if not isinstance(path, str | os.PathLike):
        raise InvariantError(where, type(path).__name__, "must be a path (str or os.PathLike)")
    text = os.fspath(path)
    if isinstance(text, bytes):
        raise InvariantError(where, text, "must be a path given as text, not bytes")
    if "\0" in text:
        raise InvariantError(where, text, "must not hold a NUL character")
    try:
        text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raise InvariantError(where, text, "must not hold a lone surrogate that no file name can have") from None
    return Path(text)


def to_dict(document: object) -> dict[str, Any]:
    """The canonical JSON-like form of a model document, with its header; :func:`from_dict` reads it back."""
    kind = _kind(type(document), "to_dict.document")
    data: dict[str, Any] = {"format_version": kind.version, "document": kind.name}
    data.update(unstructure(document))
    return data


@overload
def from_dict(data: dict[str, Any], *, source: str | None = None, max_depth: int = DEFAULT_MAX_DEPTH) -> Plan: ...
@overload
def from_dict(
    data: dict[str, Any], *, kind: type[T], source: str | None = None, max_depth: int = DEFAULT_MAX_DEPTH
) -> T: ...
def from_dict(
    data: dict[str, Any], *, kind: type[Any] = Plan, source: str | None = None, max_depth: int = DEFAULT_MAX_DEPTH
) -> Any:
    """Build a document from JSON-like data with its header, as :func:`loads` does from text.

    Raises :class:`PlanFormatError` listing every problem with its JSON path;
    ``data`` itself is left unchanged.
    """
    document_kind = _kind(kind, "from_dict.kind")
    _check_limits(0, max_depth)
    return _structure_document(data, document_kind, source, max_depth)


def dumps(document: object, *, format: Format = "json") -> str:  # noqa: A002 - as loads names it
    """The canonical text of a document, JSON by default; ``loads(dumps(plan)) == plan``.

    ``format="toml"`` writes TOML (with the optional extra ``parplan[toml]``):
    the same data, read back by ``loads(text, format="toml")``.
    """
    return _encode(document, _check_format(format)).decode("utf-8")


def _encode(document: object, format: Format = "json") -> bytes:  # noqa: A002 - as loads names it
    kind = kind_for(type(document))
    if kind is None:
        raise InvariantError("dumps.document", type(document).__name__, "must be a document such as a parplan.Plan")
    data = to_dict(document)
    if format == "toml":
        return _encode_toml(data)
    if _orjson is not None:
        try:
            encoded: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2)
        except TypeError:  # integers beyond 64 bits, lone surrogates: the standard library decides
            pass
        else:
            return encoded + b"\n"
    try:
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        problems: list[Problem] = []
        _lone_surrogates(data, "$", problems)
        raise PlanFormatError(problems) from None


def _encode_toml(data: dict[str, Any]) -> bytes:
    """TOML text of the canonical data: decimals stay strings, dates become TOML dates."""
    try:
        import tomli_w
    except ImportError:
        raise InvariantError(
            "format", "toml", "can be written only with the optional extra: pip install 'parplan[toml]'"
        ) from None
    problems: list[Problem] = []
    _no_nulls(data, "$", problems)
    if problems:
        raise PlanFormatError(problems)
    return tomli_w.dumps(data).encode("utf-8")


def _no_nulls(data: Any, path: str, problems: list[Problem]) -> None:
    """TOML has no null: record every place the data holds one (a reading with no plan, say)."""
    if data is None:
        problems.append(Problem(path=path, message="is null, which TOML cannot write; write this document as JSON"))
    elif data.__class__ is dict:
        for key, value in data.items():
            _no_nulls(value, _key_path(path, key), problems)
    elif data.__class__ is list:
        for index, value in enumerate(data):
            _no_nulls(value, f"{path}[{index}]", problems)


def dump(document: object, path: str | os.PathLike[str]) -> None:
    """Write a document to ``path``: TOML for a ``.toml`` file, JSON for any other.

    A regular file is replaced atomically (a failed dump never leaves a
    truncated file); a symbolic link is followed; a FIFO or a device is written
    through; ``"-"`` is standard output (see :func:`~parplan.io.files.write_atomic`).
    """
    file = _path(path, "dump.path")
    write_atomic(file, _encode(document, _format_of(file)))


def _try_load(path: Path, kind: type[Any], max_bytes: int, max_depth: int) -> Any:
    try:
        return load(path, kind=kind, max_bytes=max_bytes, max_depth=max_depth)
    except (PlanFormatError, PlanFileError) as error:
        return error


@overload
def load_many(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[Path, ParplanError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[tuple[Path, Plan]]: ...
@overload
def load_many(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    kind: type[T],
    on_error: Callable[[Path, ParplanError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[tuple[Path, T]]: ...
def load_many(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    kind: type[Any] = Plan,
    on_error: Callable[[Path, ParplanError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[tuple[Path, Any]]:
    """Stream ``(path, document)`` pairs from files, folders (searched recursively) or a list of both.

    One document is in memory at a time. Broken files do not stop the stream:
    each is passed to ``on_error`` when given; otherwise, once every good
    document has been yielded, a :class:`PlanBatchError` lists each broken
    file with its problems. Files in a folder that cannot be read (a dangling
    link, no permission) and folders that cannot be listed are reported the
    same way. ``max_bytes`` and ``max_depth`` limit each document as
    :func:`loads` does; ``kind`` is the model class of the documents.
    """
    document_kind = _kind(kind, "load_many.kind")
    _check_limits(max_bytes, max_depth)
    failures: list[tuple[str, ParplanError]] = []
    for entry in expand(source):
        path = Path(entry.path) if isinstance(entry, PlanFileError) else entry
        outcome = entry if isinstance(entry, PlanFileError) else _try_load(entry, kind, max_bytes, max_depth)
        if isinstance(outcome, document_kind.cls):
            yield path, outcome
        elif on_error is not None:
            on_error(path, outcome)
        else:
            failures.append((str(path), outcome))
    if failures:
        raise PlanBatchError(failures)
