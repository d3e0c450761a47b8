"""Office Open XML packages (.docx, .xlsx) written from text, with nothing read from the clock or the disk.

A package is a zip of XML parts. Writing it here, rather than through a
library, keeps rendering what the rest of parplan is: no file is opened (no
template, no temporary file), the clock is never read (every zip entry is
dated 1 January 1980, the earliest date a zip can hold, and the document
properties carry no date), and the same document gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from parplan.render.layout import printable

__all__ = ["FIXED_TIME", "RELATIONSHIPS", "content_types", "package", "relationships", "xml_text"]

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The date of every entry of a package."""

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The namespace of relationship types (and of ``r:id`` attributes)."""

_NOT_XML = re.compile("[\ufffe\uffff]")
_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xml_text(text: str) -> str:
    """``text`` as XML character data: control characters as U+FFFD (:func:`printable`), markup escaped."""
    return escape(_NOT_XML.sub("\ufffd", printable(text)))


def content_types(overrides: Sequence[tuple[str, str]]) -> str:
    """``[Content_Types].xml`` for parts named with their content types."""
    parts = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in overrides)
    return (
        f'{_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{parts}</Types>"
    )


def relationships(targets: Sequence[tuple[str, str]]) -> str:
    """A ``.rels`` part: relationship ``rId1``, ``rId2`` … of each (type, target)."""
    items = "".join(
        f'<Relationship Id="rId{number}" Type="{kind}" Target="{target}"/>'
        for number, (kind, target) in enumerate(targets, start=1)
    )
    return f'{_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


def core_properties(title: str, language: str) -> str:
    """``docProps/core.xml``: the title, the creator and the language; no dates."""
    return (
        f"{_HEADER}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:creator>parplan</dc:creator>"
        f"<dc:language>{language}</dc:language></cp:coreProperties>"
    )


APP_PROPERTIES = (
    f"{_HEADER}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>parplan</Application></Properties>"
)
"""``docProps/app.xml``: the application that wrote the package."""

CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
"""The content type of ``docProps/core.xml``."""
APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
"""The content type of ``docProps/app.xml``."""
PACKAGE_PROPERTIES = (
    ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    (f"{RELATIONSHIPS}/extended-properties", "docProps/app.xml"),
)
"""The package's relationships to its two property parts."""


def package(parts: Sequence[tuple[str, str]]) -> bytes:
    """The zip of ``parts`` (name, XML text), in order, every entry dated :data:`FIXED_TIME`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            archive.writestr(entry, text.encode("utf-8"))
    return buffer.getvalue()
