"""The bounds every binary format reader keeps: file size, zip containers, pages, pixels and time.

A document parplan reads may come from anyone. Each bound below is far above what a real plan
needs and low enough that a hostile file (a zip bomb, a PDF of a million pages, an image of a
billion pixels) is refused with a :class:`~parplan.errors.ReadError` before it costs much time
or memory.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Final

from parplan.errors import ReadError

__all__ = [
    "MAX_EXPANDED_BYTES",
    "MAX_HTML_CELLS",
    "MAX_HTML_DEPTH",
    "MAX_HTML_ELEMENTS",
    "MAX_OCR_PAGES",
    "MAX_PAGES",
    "MAX_PIXELS",
    "MAX_RATIO",
    "MAX_TEXT_CHARACTERS",
    "MAX_XML_PART_BYTES",
    "MAX_ZIP_MEMBERS",
    "OCR_TIMEOUT_SECONDS",
    "check_file",
    "check_zip",
    "missing_extra",
]

MAX_ZIP_MEMBERS: Final = 2_000
"""Most members a Word file may hold (a plan has 10 to 40; images add one each)."""
MAX_XML_PART_BYTES: Final = 64 * 1024 * 1024
"""Largest XML part, expanded (a 300-page plan's ``word/document.xml`` is about 5 MB)."""
MAX_EXPANDED_BYTES: Final = 256 * 1024 * 1024
"""Most bytes all members of a Word file may expand to (python-docx holds every part in memory)."""
MAX_RATIO: Final = 100
"""Largest expansion of a member over 1 MiB (Word's XML expands 5 to 20 times; a zip bomb 1000 times)."""
_RATIO_FLOOR: Final = 1024 * 1024
MAX_PAGES: Final = 2_000
"""Most pages of a PDF read through its text layer."""
MAX_OCR_PAGES: Final = 200
"""Most pages read by OCR (about 10 minutes of tesseract per 100 pages)."""
MAX_PIXELS: Final = 40_000_000
"""Most pixels of one page image (an A4 page at 300 dpi has 8.7 million; at 600 dpi 35 million)."""
MAX_TEXT_CHARACTERS: Final = 20_000_000
"""Most characters of text taken from one document (a long plan has 200 000)."""
MAX_HTML_ELEMENTS: Final = 1_000_000
"""Most elements of a web page (a portal's page of a long plan has 5 000 to 20 000)."""
MAX_HTML_DEPTH: Final = 256
"""Deepest nesting of a web page's elements kept as elements (portals nest 20 to 40 deep)."""
MAX_HTML_CELLS: Final = 2_000_000
"""Most grid places the tables of a web page may span, merged cells counted in full."""
OCR_TIMEOUT_SECONDS: Final = 180
"""Longest tesseract may take on one page before the reading is given up."""


def _size(count: int) -> str:
    return f"{count} bytes"


def check_file(path: Path, max_bytes: int) -> int:
    """The size of the regular file at ``path``; :class:`ReadError` when it is missing, not a file or too large."""
    try:
        info = path.stat()
    except OSError as error:
        raise ReadError(str(path), f"cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(str(path), "is not a regular file (a device, a pipe or a folder cannot be read as a document)")
    if info.st_size > max_bytes:
        raise ReadError(str(path), f"file of {_size(info.st_size)} is larger than the limit of {max_bytes}")
    return info.st_size


def missing_extra(path: Path, what: str, extra: str, module: str) -> ReadError:
    """The error for a document that needs an optional library that is not installed."""
    return ReadError(
        str(path), f"{what} cannot be read without {module}: install it with pip install 'parplan[{extra}]'"
    )


def _declared_members(path: Path, size: int, what: str) -> int:
    """The member count the zip's end record declares, read before :mod:`zipfile` builds its directory.

    ``zipfile`` keeps an object per member in memory; a file of 100 MB could declare millions.
    """
    tail_length = min(size, 65_536 + 22)
    with path.open("rb") as handle:
        handle.seek(size - tail_length)
        tail = handle.read(tail_length)
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or end + 22 > len(tail):
            raise ReadError(str(path), f"is not a valid {what}: its zip directory is missing (a damaged or cut file)")
        count = struct.unpack("<H", tail[end + 10 : end + 12])[0]
        locator = end - 20
        if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
            offset = struct.unpack("<Q", tail[locator + 8 : locator + 16])[0]
            if offset + 56 > size:
                raise ReadError(str(path), f"is not a valid {what}: its zip directory is damaged")
            handle.seek(offset)
            record = handle.read(56)
            if record[:4] != b"PK\x06\x06":
                raise ReadError(str(path), f"is not a valid {what}: its zip directory is damaged")
            count = struct.unpack("<Q", record[32:40])[0]
    return int(count)


def check_zip(path: Path, size: int, what: str = "Word file") -> zipfile.ZipFile:
    """The zip container at ``path``, opened after its directory was found safe to expand.

    Refused (:class:`ReadError` naming the member): more than :data:`MAX_ZIP_MEMBERS` members,
    an encrypted member, an XML part larger than :data:`MAX_XML_PART_BYTES`, a member over 1 MiB
    that expands more than :data:`MAX_RATIO` times, members that expand to more than
    :data:`MAX_EXPANDED_BYTES` in all, or an XML part that declares a document type (OOXML never does; a
    document type is how entity bombs are written). Nothing is expanded to decide, except the
    first kilobytes of each XML part. ``zipfile`` never expands a member beyond its declared
    size, so the declared sizes bound what a reader may expand later.
    """
    count = _declared_members(path, size, what)
    if count > MAX_ZIP_MEMBERS:
        raise ReadError(
            str(path), f"is refused: its zip container declares {count} members (at most {MAX_ZIP_MEMBERS})"
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ReadError(str(path), f"is not a valid {what} (a damaged or cut zip container: {error})") from None
    try:
        _check_members(path, archive, what)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(path: Path, archive: zipfile.ZipFile, what: str) -> None:  # noqa: C901 - one check each
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise ReadError(
            str(path), f"is refused: its zip container holds {len(members)} members (at most {MAX_ZIP_MEMBERS})"
        )
    total = 0
    for member in members:
        name = member.filename
        if member.flag_bits & 0x1:
            raise ReadError(str(path), f"is encrypted (member {name!r}): save it without a password and read it again")
        expanded = member.file_size
        total += expanded
        is_xml = name.endswith((".xml", ".rels"))
        if is_xml and expanded > MAX_XML_PART_BYTES:
            raise ReadError(
                str(path), f"is refused: its part {name!r} expands to {expanded} bytes (at most {MAX_XML_PART_BYTES})"
            )
        if expanded > _RATIO_FLOOR and expanded > MAX_RATIO * max(member.compress_size, 1):
            raise ReadError(
                str(path),
                f"is refused as a zip bomb: its part {name!r} expands from {member.compress_size} "
                f"to {expanded} bytes (more than {MAX_RATIO} times)",
            )
        if total > MAX_EXPANDED_BYTES:
            raise ReadError(str(path), f"is refused: its parts expand to more than {MAX_EXPANDED_BYTES} bytes")
    for member in members:
        if member.filename.endswith((".xml", ".rels")) and member.file_size:
            try:
                with archive.open(member) as handle:
                    head = handle.read(4096)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error) as error:
                raise ReadError(
                    str(path), f"is not a valid {what}: its part {member.filename!r} cannot be read ({error})"
                ) from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ReadError(
                    str(path),
                    f"is refused: its part {member.filename!r} declares a document type, which {what}s never do",
                )
