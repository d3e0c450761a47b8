"""Files: reading at most a limit of bytes without blocking on a FIFO, atomic writes, listing folders.

Nothing here knows what a document holds: :mod:`parplan.io.document` reads
and writes documents through these functions.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from parplan.errors import PlanFileError, PlanFormatError, Problem

__all__ = ["PLAN_SUFFIXES", "expand", "plan_files", "read_bytes", "write_atomic"]

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


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of the file at ``path``, at most ``max_bytes`` of them; a file error or a size error otherwise."""
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
"""The suffixes of document files in a folder."""


def expand(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path | PlanFileError]:
    """Every file named by ``source``: a file as given, a folder's document files (:func:`plan_files`), in order."""
    if isinstance(source, str | os.PathLike):
        root = Path(source)
        if root.is_dir():
            yield from plan_files(root)
        else:
            yield root
        return
    for item in source:
        yield from expand(item)


def plan_files(root: Path) -> list[Path | PlanFileError]:
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
