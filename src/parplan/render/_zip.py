"""Office files (.docx, .xlsx) as the same bytes for the same document: no clock in them.

openpyxl and python-docx stamp each zip entry with the time of saving, and
openpyxl the workbook's properties too. :func:`repack` writes the package again
with every entry dated 1 January 1980 (the earliest date a zip can hold) and
the creation and modification dates of the document's properties set to that
day, so that rendering a plan twice gives byte-identical files.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

__all__ = ["FIXED_TIME", "repack"]

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The date of every entry of a repacked package."""

_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def repack(data: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """``data`` (a zip package) with fixed entry dates and fixed document dates, entries in the same order.

    ``edit``, when given, may change any entry: it takes the entry's name and
    content and returns the content to write.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _STAMPS.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", content)
            if edit is not None:
                content = edit(info.filename, content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()
