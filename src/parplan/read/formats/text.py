"""Plain text (``.txt``, ``.md``): the bytes decoded, the lines numbered, pages counted at form feeds.

Accepted: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark,
CRLF or CR line ends. Control characters other than tabs and line ends are
dropped (and counted in the notes); a form feed starts a new page, as
``pdftotext`` writes them. Text in the legacy Vietnamese font encodings TCVN3
(ABC) and VNI is refused with a :class:`~parplan.errors.ReadError` that says
which encoding it is and how to convert it: both map letters to bytes in ways
that differ between font versions, so no conversion here could promise to be
exact.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Final

from parplan.errors import ReadError
from parplan.read.source import DocumentFormat, Line, SourceDocument

__all__ = ["decode", "legacy_encoding", "load", "source_from_text"]

# Letters TCVN3 (ABC) puts where Latin-1 has symbols: "Céng hoµ x· héi chñ nghÜa ViÖt Nam".
_TCVN3_MARKS: Final = frozenset("µ¸¶·¹»¾¼½Æ®§¬«©ª¨")
# Letters VNI puts after a vowel for its tone and shape: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".
_VNI_MARKS: Final = frozenset("øûïäåöÖØÛÏÄÅ")
_TCVN3_FOUND: Final = re.compile("[" + re.escape("".join(sorted(_TCVN3_MARKS))) + "]")
_VNI_FOUND: Final = re.compile("[" + re.escape("".join(sorted(_VNI_MARKS))) + "]")
_LEAST: Final = 3
"""The fewest marks of a legacy encoding that say a text is written in it, however short."""
_VNI_PAIR: Final = re.compile(r"[aeiouyAEIOUY][øùûõïäåãáàâêôöÃÁÀÂÊÔÖØÙÛÕÏÄÅ]")
_UNICODE_VIETNAMESE: Final = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
"""Letters only Unicode Vietnamese has (ă, đ, ơ, ư, ạ … ỹ): no legacy text read as Latin-1 holds one."""
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_NBSP: Final = re.compile(r"[\u00a0\u2007\u202f]")
_CONVERT_HINT: Final = (
    "convert it to Unicode first (for example with UniKey's 'Công cụ chuyển mã' or EVKey: "
    "source {source}, destination Unicode) and read the converted file"
)


def legacy_encoding(text: str) -> str | None:
    """The legacy Vietnamese encoding ``text`` looks written in ("TCVN3", "VNI"), or None.

    Counts the characters each encoding leaves behind when its bytes are read as
    Latin-1 or Windows-1252 and that Vietnamese in Unicode never uses.

    >>> legacy_encoding("Céng hoµ x· héi chñ nghÜa ViÖt Nam - §éc lËp - Tù do - H¹nh phóc")
    'TCVN3'
    >>> legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'VNI'
    >>> legacy_encoding("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    True
    >>> legacy_encoding("Trang chủ » Tin tức » Cải cách hành chính » «Kế hoạch» năm 2024") is None
    True
    """
    tcvn3 = len(_TCVN3_FOUND.findall(text))
    vni = len(_VNI_FOUND.findall(text)) + len(_VNI_PAIR.findall(text)) // 4
    if tcvn3 < _LEAST and vni < _LEAST:  # below any threshold: the letters need not be counted
        return None
    letters = sum(map(str.isalpha, text))
    if letters < 20:
        return None
    if len(_UNICODE_VIETNAMESE.findall(text)) >= tcvn3 + vni:
        return None  # Unicode Vietnamese with a few of those signs as themselves ("Trang chủ » Tin tức", «…»)
    threshold = max(_LEAST, letters // 200)
    if tcvn3 >= threshold and tcvn3 >= vni:
        return "TCVN3"
    if vni >= threshold:
        return "VNI"
    return None


def decode(data: bytes, *, name: str = "<text>") -> tuple[str, tuple[str, ...]]:
    r"""The text in ``data`` and notes on how it was decoded; :class:`ReadError` when it cannot be.

    >>> decode("Kế hoạch".encode("utf-16"))[0]
    'Kế hoạch'
    >>> decode(b"\xef\xbb\xbfK\xe1\xba\xbf ho\xe1\xba\xa1ch")[1]
    ('UTF-8 with a byte-order mark',)
    """
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
        notes.append("UTF-8 with a byte-order mark")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
        notes.append("UTF-16")
    elif data[:200].count(0) > len(data[:200]) // 4:
        raise ReadError(name, "looks like UTF-16 without a byte-order mark; save it as UTF-8 and read it again")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            guess = legacy_encoding(data.decode("cp1252", errors="replace"))
            if guess is not None:
                raise _legacy(name, guess) from None
            raise ReadError(
                name, f"is not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); save it as UTF-8"
            ) from None
    guess = legacy_encoding(text)
    if guess is not None:
        raise _legacy(name, guess)
    return text, tuple(notes)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(name, f"is not valid {encoding.upper()} (offset {error.start})") from None


def _legacy(name: str, encoding: str) -> ReadError:
    source = "TCVN3 (ABC)" if encoding == "TCVN3" else "VNI Windows"
    return ReadError(
        name, f"is written in the legacy {source} encoding, not Unicode; " + _CONVERT_HINT.format(source=source)
    )


def source_from_text(
    text: str, *, name: str | None = None, notes: tuple[str, ...] = (), fmt: DocumentFormat = DocumentFormat.TEXT
) -> SourceDocument:
    r"""``text`` as a document of numbered lines: line ends of any kind, pages at form feeds.

    Lines are numbered by their line ends, as an editor numbers them; a form feed
    inside a line starts a new page and a new piece of the same line.

    >>> doc = source_from_text("KẾ HOẠCH\r\nCải cách\x0chành chính")
    >>> [(line.text, line.number, line.page) for line in doc.lines()]
    [('KẾ HOẠCH', 1, 1), ('Cải cách', 2, 1), ('hành chính', 2, 2)]
    """
    found_notes = list(notes)
    pages = text.count("\f") + 1
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Neither the control characters removed nor the spaces replaced are line ends or form feeds:
    # the whole text is cleaned at once, then split.
    text, controls = _CONTROL.subn("", text)
    text = _NBSP.sub(" ", text)
    if controls:
        found_notes.append(f"{controls} control characters removed")
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\f" not in raw:
            lines.append(Line(text=raw.rstrip(" "), number=number, page=page if pages > 1 else None))
            continue
        pieces = raw.split("\f")
        lines.append(Line(text=pieces[0].rstrip(" "), number=number, page=page))
        for piece in pieces[1:]:
            page += 1
            rest = piece.rstrip(" ")
            if rest:
                lines.append(Line(text=rest, number=number, page=page))
    return SourceDocument(
        blocks=lines, format=fmt, name=name, pages=pages if pages > 1 else None, notes=tuple(found_notes)
    )


def load(path: Path, *, max_bytes: int) -> SourceDocument:
    """The text file at ``path`` as numbered lines; :class:`ReadError` when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(str(path), f"is {size} bytes, more than the {max_bytes} bytes allowed")
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), f"cannot be read: {error.strerror or error}") from None
    text, notes = decode(data, name=str(path))
    return source_from_text(text, name=path.name, notes=notes)
