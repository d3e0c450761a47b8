"""Files: reading at most a limit of bytes without blocking on a FIFO, atomic writes, listing folders.

Nothing here knows what a document holds: :mod:`parplan.io.document` reads
and writes documents through these functions.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
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


_TEMPORARY = ".parplan-"
"""What every temporary file parplan writes has in its name: ``.<name>.parplan-<random>.tmp``."""
_STALE_AFTER = 15 * 60
"""Seconds after which a temporary file of a write to the same file is taken as left by a killed write."""


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``: a regular file is replaced atomically, other kinds of files are written through.

    * A regular file (or a new one) is replaced through a temporary file in the
      same folder, synced with its folder: the file is either the old one or the
      new one, never half written, and an existing file keeps its permissions
      (a new one gets the usual permissions, the umask applied by the system).
    * A symbolic link is followed and its target replaced: the link stays a link.
    * A FIFO or a character device (``/dev/null``, ``/dev/stdout``) is written
      through, never replaced; ``"-"`` is standard output.
    * A folder, a socket or a block device is refused.

    Temporary files are named ``.<name>.parplan-<random>.tmp`` (the name cut
    to fit the system's limit on file names) and removed when a write fails;
    one left behind by a killed write is removed by a later write to the same
    file. Raises :class:`PlanFileError` naming the file when it cannot be written.
    """
    if os.fspath(path) == "-":
        _write_stdout(data)
        return
    target = Path(path)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        status = real.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise PlanFileError(str(target), error.strerror or str(error), error.errno) from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_through(target, real, status.st_mode, data)
        return
    _replace(target, real, data, None if status is None else stat.S_IMODE(status.st_mode))


def _write_stdout(data: bytes) -> None:
    import sys

    stream = sys.stdout.buffer
    stream.write(data)
    stream.flush()


def _write_through(target: Path, real: Path, mode: int, data: bytes) -> None:
    """Write into a FIFO or a character device as it is; refuse other special files."""
    if stat.S_ISDIR(mode):
        raise PlanFileError(str(target), os.strerror(errno.EISDIR), errno.EISDIR)
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        reason = "is not a regular file, a FIFO or a character device: parplan does not replace it"
        raise PlanFileError(str(target), reason, errno.EINVAL)
    try:
        descriptor = os.open(real, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise PlanFileError(str(target), error.strerror or str(error), error.errno) from None


def _temporary_name(folder: Path, name: str) -> str:
    token = os.urandom(6).hex()
    suffix = f"{_TEMPORARY[1:]}{token}.tmp"
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    room = max(limit - len(suffix.encode()) - 2, 1)  # the leading dot and the dot before the suffix
    stem = name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f".{stem}.{suffix}"


def _remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files left by killed writes to ``name`` (older than a quarter of an hour)."""
    import time

    stem = name.encode("utf-8", "surrogateescape")[:24].decode("utf-8", "ignore")
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(f".{stem}") and _TEMPORARY in entry.name and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER:
                    Path(entry.path).unlink()


def _replace(target: Path, real: Path, data: bytes, mode: int | None) -> None:
    folder = real.parent
    temporary = folder / _temporary_name(folder, real.name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        # 0o666 lets the system apply its umask to a new file, as for any file a program creates
        descriptor = os.open(temporary, flags, 0o666 if mode is None else 0o600)
    except OSError as error:
        raise PlanFileError(str(target), error.strerror or str(error), error.errno) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        temporary.replace(real)
        _sync_folder(folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise PlanFileError(str(target), error.strerror or str(error), error.errno) from None
        raise
    _remove_stale(folder, real.name)


def _sync_folder(folder: Path) -> None:
    """Make the renaming durable: sync the folder that holds the file (where the system allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
