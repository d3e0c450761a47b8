"""Format readers: a file in, a :class:`~parplan.read.source.SourceDocument` out.

:func:`load_source` tells a document's format from its content (and its name),
and hands it to the module of that format, imported only then:

=========== ============================================ ======================
format      module                                       optional extra
=========== ============================================ ======================
plain text  :mod:`parplan.read.formats.text`             (none)
Word        :mod:`parplan.read.formats.docx`             ``parplan[docx]``
PDF         :mod:`parplan.read.formats.pdf`              ``parplan[pdf]``
scans       :mod:`parplan.read.formats.ocr`              ``parplan[ocr]`` and tesseract
Excel       :mod:`parplan.read.formats.sheet`            ``parplan[xlsx]``
web page    :mod:`parplan.read.formats.html`             (none)
=========== ============================================ ======================

Every format module offers ``load(path: Path, *, max_bytes: int) -> SourceDocument``
and raises :class:`~parplan.errors.ReadError` for what it cannot read.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Final, Protocol

from parplan.errors import ReadError
from parplan.read.source import SourceDocument

__all__ = ["DEFAULT_MAX_BYTES", "FormatModule", "load_source", "sniff"]

DEFAULT_MAX_BYTES: Final = 100 * 1024 * 1024
"""The largest document file read by default (100 MiB): far above any plan, low enough to refuse a flood."""


class FormatModule(Protocol):
    """What every format module offers."""

    def load(self, path: Path, *, max_bytes: int) -> SourceDocument:
        """The document in the file at ``path``; :class:`ReadError` when it cannot be read."""
        ...  # pragma: no cover - a protocol


_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x89PNG\r\n\x1a\n", "ocr"),
    (b"\xff\xd8\xff", "ocr"),
    (b"II*\x00", "ocr"),
    (b"MM\x00*", "ocr"),
)

_BY_SUFFIX = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".docx": "docx",
    ".pdf": "pdf",
    ".png": "ocr",
    ".jpg": "ocr",
    ".jpeg": "ocr",
    ".tif": "ocr",
    ".tiff": "ocr",
    ".xlsx": "sheet",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def sniff(path: Path) -> str:
    """The format module's name for the file at ``path``: from its first bytes, else from its suffix.

    A zip container is a Word document when its name says ``.docx`` (or it holds
    ``word/document.xml``), a spreadsheet when it says ``.xlsx``. A file that starts as a
    web page does (``<!DOCTYPE html``, ``<html``, ``<meta charset``) is read as one whatever
    its name.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise ReadError(str(path), f"cannot be read: {error.strerror or error}") from None
    suffix = path.suffix.lower()
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name != "zip":
                return name
            return "sheet" if suffix == ".xlsx" else "docx"
    from parplan.read.formats.html import looks_like_html

    if looks_like_html(head):
        return "html"
    return _BY_SUFFIX.get(suffix, "text")


def load_source(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """The document in the file at ``path``, as lines and tables with their places.

    Raises :class:`ReadError` for a file that cannot be read, is larger than
    ``max_bytes``, is of a format parplan does not read, or needs an optional
    extra that is not installed (the message says which).
    """
    file = Path(path)
    name = sniff(file)
    try:
        module: FormatModule = importlib.import_module(f"parplan.read.formats.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"parplan.read.formats.{name}":
            raise ReadError(str(file), f"documents of this kind ({name}) cannot be read yet") from None
        raise
    return module.load(file, max_bytes=max_bytes)
