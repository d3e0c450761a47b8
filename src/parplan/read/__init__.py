"""Reading whole plan documents into a typed draft: each field with its source, its certainty and its doubts.

:func:`read` reads a file (plain text, and the formats whose readers are
installed), :func:`read_text` a text already in memory, :func:`read_source` a
:class:`~parplan.read.source.SourceDocument` a format reader gave.
:mod:`parplan.read.source` is what format readers give (lines and tables with
their places); :mod:`parplan.read.reading` is what the reader gives back.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parplan.read.reading import Reading
    from parplan.read.source import SourceDocument

__all__ = ["read", "read_source", "read_text"]


def read(path: str | os.PathLike[str]) -> Reading:
    """The plan in the file at ``path``: a :class:`~parplan.read.reading.Reading` with the draft and its doubts.

    Raises :class:`~parplan.errors.ReadError` for a file that cannot be read at all
    (missing, too large, a legacy encoding, a format without its reader).
    """
    from parplan.read.formats import load_source
    from parplan.read.reader import read_source as _read_source

    return _read_source(load_source(path))


def read_text(text: str, *, name: str | None = None) -> Reading:
    """The plan in ``text``, as copied from a Word file, a PDF or a web page."""
    from parplan.read.reader import read_text as _read_text

    return _read_text(text, name=name)


def read_source(document: SourceDocument) -> Reading:
    """The plan in a document a format reader gave (lines and tables with their places)."""
    from parplan.read.reader import read_source as _read_source

    return _read_source(document)
