"""Reading and writing plan documents: JSON (read and write) and TOML (read).

``loads``/``load`` parse, migrate and structure a document, raising
:class:`PlanFormatError` with every problem and its JSON path. ``dumps`` writes
the canonical form: two-space indented JSON, fields in model order, defaults
left out, UTF-8 text as written, one newline at the end. ``dump`` replaces a
file atomically. ``load_many`` streams plans from many files and keeps going
past broken ones.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO, Literal, cast

from parplan.errors import ParplanError, PlanBatchError, PlanFileError, PlanFormatError, Problem
from parplan.io.converter import MAX_DEPTH, _key_path, depth_bound, nesting_depth, structure, too_deep, unstructure
from parplan.io.converter import converter as _converter
from parplan.io.migrations import FORMAT_VERSION, migrate
from parplan.plan import Plan

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "Format",
    "dump",
    "dumps",
    "load",
    "load_many",
    "loads",
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

_PLAN_DEPTH = depth_bound(Plan)
"""The deepest nesting of a valid plan document."""

Format = Literal["json", "toml"]
"""The document formats parplan reads."""

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


def loads(
    text: str | bytes,
    *,
    format: Format = "json",  # noqa: A002 - the natural name, as in other loaders
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Plan:
    """Read a plan from JSON (or TOML) text.

    ``source`` names where the text came from in error messages. Raises
    :class:`PlanFormatError` listing every problem with its JSON path. A
    document larger than ``max_bytes`` (UTF-8 bytes) or nested more than
    ``max_depth`` levels deep is refused with one problem saying so.
    """
    raw = text if isinstance(text, bytes) else _text_bytes(text, source)
    size = len(raw)
    if size > max_bytes:
        raise PlanFormatError(
            [Problem(path="$", message=f"document of {size} bytes is larger than the limit of {max_bytes}")], source
        )
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a document makes thousands of objects and no cycles: collecting while reading only costs
    try:
        if format == "json" and _orjson is not None and max_depth >= _PLAN_DEPTH:
            plan = _load_canonical(raw)
            if plan is not None:
                return plan
        if isinstance(text, bytes):
            text = _decode(text, source)
        elif text.startswith("\ufeff"):
            text = text[1:]
        if format == "json":
            data = _parse_json(text, source, max_depth)
        elif format == "toml":
            data = _parse_toml(text, source, max_depth)
        else:
            raise ValueError(f"format must be 'json' or 'toml', got {format!r}")
        return _structure_document(data, source, max_depth)
    finally:
        if gc_was_enabled:
            gc.enable()


def _text_bytes(text: str, source: str | None) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        where = f"{text[error.start]!r} at character {error.start}"
        problem = Problem(path="$", message=f"not valid text: a lone surrogate {where}")
        raise PlanFormatError([problem], source) from None


_CANONICAL_START = b'{\n  "'


def _load_canonical(raw: bytes) -> Plan | None:
    """The plan of a document in canonical form, read by orjson; None for any other document.

    The parsed data is taken only when writing it back in the canonical layout
    gives the very same bytes, so no key was repeated and no number was
    rewritten, and only when migration and the fast pass accept it. Anything
    else (another layout, floats, lone surrogates, any problem at all) returns
    None and is read the exact way, which also reports the problems.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if _orjson is None or not raw.startswith(_CANONICAL_START) or not raw.endswith(b"}\n"):
        return None
    try:
        data = _orjson.loads(raw)
        written: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2)
        if len(written) + 1 != len(raw) or not raw.startswith(written):
            return None
        plan: Plan = _converter.structure(migrate(data), Plan)
    except Exception:  # noqa: BLE001 - every failure is read again the exact way, which reports it
        return None
    return plan


def _structure_document(data: Any, source: str | None, max_depth: int) -> Plan:
    if data.__class__ is not dict:
        raise PlanFormatError([Problem(path="$", message="expected an object holding a plan")], source)
    data = migrate(data, source=source)
    plan: Plan = structure(data, Plan, source=source, max_depth=max_depth)
    return plan


def _format_of(path: Path) -> Format:
    return "toml" if path.suffix.lower() == ".toml" else "json"


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | _NONBLOCK
"""Opening without waiting: a FIFO with no writer would otherwise block for ever (it reads as empty)."""


def _open(path: Path) -> BinaryIO:
    descriptor = os.open(path, _READ_FLAGS)
    try:
        if _NONBLOCK:
            os.set_blocking(descriptor, True)  # reads wait for data again, as a pipe's reader expects
        return open(descriptor, "rb")  # noqa: PTH123 - a descriptor, not a path; closed by the caller
    except BaseException:
        os.close(descriptor)
        raise


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        with _open(path) as handle:
            # Asking for max_bytes + 1 bytes up front would allocate that much for every file.
            status = os.fstat(handle.fileno())
            expected = status.st_size
            if expected > max_bytes and stat.S_ISREG(status.st_mode):
                data = b""  # a file known to be too large is refused without reading any of it
            elif 0 < expected <= max_bytes:
                data = handle.read(expected + 1)
                if len(data) > expected:  # the file grew: read on up to the limit
                    data += handle.read(max_bytes + 1 - len(data))
            else:
                data = handle.read(max_bytes + 1)
    except OSError as error:
        raise PlanFileError(str(path), error.strerror or str(error), error.errno) from None
    if len(data) > max_bytes or expected > max_bytes:
        size = f"of {expected} bytes" if expected > max_bytes else f"of more than {max_bytes} bytes"
        raise PlanFormatError(
            [Problem(path="$", message=f"file {size} is larger than the limit of {max_bytes}")], str(path)
        )
    return data


def load(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH
) -> Plan:
    """Read a plan from a ``.json`` or ``.toml`` file.

    Raises :class:`PlanFileError` when the file cannot be read and
    :class:`PlanFormatError` when it is not a valid plan; ``max_bytes`` and
    ``max_depth`` limit the document as :func:`loads` does. A file larger than
    ``max_bytes`` is not read further than the limit.
    """
    file = Path(path)
    data = _read(file, max_bytes)
    return loads(data, format=_format_of(file), source=str(file), max_bytes=max_bytes, max_depth=max_depth)


def dumps(plan: Plan) -> str:
    """The canonical JSON text of ``plan``; ``loads(dumps(plan)) == plan``."""
    return _encode(plan).decode("utf-8")


def _encode(plan: Plan) -> bytes:
    if not isinstance(cast("object", plan), Plan):
        raise TypeError(f"dumps() takes a Plan, got {type(plan).__name__}")
    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    document.update(unstructure(plan))
    if _orjson is not None:
        try:
            encoded: bytes = _orjson.dumps(document, option=_orjson.OPT_INDENT_2)
        except TypeError:  # integers beyond 64 bits, lone surrogates: the standard library decides
            pass
        else:
            return encoded + b"\n"
    try:
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        problems: list[Problem] = []
        _lone_surrogates(document, "$", problems)
        raise PlanFormatError(problems) from None


def dump(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` to ``path`` atomically: a failed dump never leaves a truncated file."""
    write_atomic(path, _encode(plan))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` through a temporary file in the same folder.

    The file is either the old one or the new one, never half written; an
    existing file keeps its permissions. Raises :class:`PlanFileError` naming
    the file when it cannot be written.
    """
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise PlanFileError(str(target), error.strerror or str(error), error.errno) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            Path(temporary).chmod(_file_mode(target))
        Path(temporary).replace(target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise PlanFileError(str(target), error.strerror or str(error), error.errno) from None
        raise


def _file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


PLAN_SUFFIXES = (".json", ".toml")


def _expand(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path | PlanFileError]:
    if isinstance(source, str | os.PathLike):
        root = Path(source)
        if root.is_dir():
            yield from _plan_files(root)
        else:
            yield root
        return
    for item in source:
        yield from _expand(item)


def _plan_files(root: Path) -> list[Path | PlanFileError]:
    """Every ``.json`` and ``.toml`` entry under the folder ``root`` that is not a folder, in path order.

    Entries that cannot be read (a dangling link, a FIFO) are listed so that
    loading them reports them; a folder that cannot be listed is a
    :class:`PlanFileError` in its place. Linked folders are not followed.
    """
    found: list[Path | PlanFileError] = []

    def refused(error: OSError) -> None:
        where = str(error.filename) if error.filename is not None else str(root)
        found.append(PlanFileError(where, error.strerror or str(error), error.errno))

    for folder, _, names in os.walk(root, onerror=refused):
        found.extend(Path(folder, name) for name in names if Path(name).suffix.lower() in PLAN_SUFFIXES)
    return sorted(found, key=lambda item: item if isinstance(item, Path) else Path(item.path))


def _try_load(path: Path, max_bytes: int, max_depth: int) -> Plan | PlanFormatError | PlanFileError:
    try:
        return load(path, max_bytes=max_bytes, max_depth=max_depth)
    except (PlanFormatError, PlanFileError) as error:
        return error


def load_many(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[Path, ParplanError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[tuple[Path, Plan]]:
    """Stream ``(path, plan)`` pairs from files, folders (searched recursively) or a list of both.

    One plan is in memory at a time. Broken files do not stop the stream:
    each is passed to ``on_error`` when given; otherwise, once every good plan
    has been yielded, a :class:`PlanBatchError` lists each broken file with its
    problems. Files in a folder that cannot be read (a dangling link, no
    permission) and folders that cannot be listed are reported the same way.
    ``max_bytes`` and ``max_depth`` limit each document as :func:`loads` does.
    """
    failures: list[tuple[str, ParplanError]] = []
    for entry in _expand(source):
        path = Path(entry.path) if isinstance(entry, PlanFileError) else entry
        outcome = entry if isinstance(entry, PlanFileError) else _try_load(entry, max_bytes, max_depth)
        if isinstance(outcome, Plan):
            yield path, outcome
        elif on_error is not None:
            on_error(path, outcome)
        else:
            failures.append((str(path), outcome))
    if failures:
        raise PlanBatchError(failures)
