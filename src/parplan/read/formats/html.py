"""Web pages (``.html``, ``.htm``): a plan saved from a portal or a legal-document site, or parplan's own HTML.

Read with the standard library's :mod:`html.parser`, into the lines and tables a browser shows:

* **Encoding**: a byte-order mark, else the ``<meta charset>`` (or ``http-equiv``
  ``Content-Type``) in the page's first 8 KiB, else UTF-8. Text in the legacy Vietnamese font
  encodings TCVN3 and VNI is refused, as the text reader refuses it.
* **Lines**: block elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``tr``, ``blockquote``,
  ``pre`` …) and ``<br>`` end lines; inline elements are joined; white space is collapsed as a
  browser collapses it (``pre`` keeps its lines); entities decoded; text in NFC. Lines are
  numbered in reading order (from 1), as the Word reader numbers them.
* **Lists**: an item of a numbered list (``<ol>``) is given the number the browser shows
  ("1.", "a.", "I." after ``type`` and ``start``), an item of a bulleted list a dash, as Word's
  automatic numbering is written out; an item whose text already starts with its own mark
  keeps it alone.
* **Tables** become :class:`~parplan.read.source.Table` objects, ``rowspan`` and ``colspan`` as
  merged cells; each cell records the line of the HTML source where its row starts. A layout
  table of two or three columns holding the masthead (the motto, "Số:") or the closing
  ("Nơi nhận", "TM.", "KT.") is given as ``left | right |`` lines, one line of each column side
  by side, the lines the text reader knows from legal databases' copies. A table that lays out
  the page (a column holding a table or a long text) is read cell after cell, as text.
* **Left out**: ``head`` (its ``<title>`` kept in the notes), ``script``, ``style``,
  ``noscript``, ``template``, forms' controls, comments, elements marked ``hidden`` or styled
  ``display: none`` / ``visibility: hidden``, and ``nav``, ``header``, ``footer`` and ``aside``
  elements unless the document's masthead or closing is inside them. The rest of a portal's
  chrome (breadcrumbs, "Tin liên quan", share buttons) is left to the plan reader's filters.

Malformed pages are read as browsers read them, within bounds: an unclosed element is closed
by its parent's end, a stray end tag is ignored (and counted in the notes), elements nested
deeper than :data:`~parplan.read.formats._limits.MAX_HTML_DEPTH` are read as their ancestor's
text. Refused with :class:`~parplan.errors.ReadError`: a file larger than ``max_bytes``, more
than :data:`~parplan.read.formats._limits.MAX_HTML_ELEMENTS` elements or
:data:`~parplan.read.formats._limits.MAX_TEXT_CHARACTERS` characters, binary data, bytes that
are not the declared encoding (an encoding browsers do not know either is read as UTF-8, noted),
a legacy encoding. Marked sections html.parser does not know (``<![if …]>``) are skipped.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

from parplan.errors import ReadError
from parplan.read.formats._limits import (
    MAX_HTML_CELLS,
    MAX_HTML_DEPTH,
    MAX_HTML_ELEMENTS,
    MAX_TEXT_CHARACTERS,
    check_file,
)
from parplan.read.formats.text import decode, legacy_encoding
from parplan.read.source import Block, Cell, DocumentFormat, Line, SourceDocument, Table

__all__ = ["load", "looks_like_html", "looks_like_html_source", "source_from_html"]

_PRESCAN: Final = 8192
_META_CHARSET: Final = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_VOID: Final = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "bgsound",
        "frame",
        "keygen",
    }
)
_DROPPED: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "select",
        "button",
        "input",
        "textarea",
        "canvas",
        "video",
        "audio",
        "map",
    }
)
_CHROME: Final = frozenset({"nav", "header", "footer", "aside"})
_BLOCKS: Final = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "plaintext",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "xmp",
    }
)
_CLOSES_P: Final = _BLOCKS - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "li", "dd", "dt"}
_SPACE: Final = re.compile(r"[ \t\n\r\f\u00a0\u2007\u202f]+")
_INVISIBLE: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_OWN_MARK: Final = re.compile(
    r"^\s*(?:[-–—+•*▪➢❖✓→■❑]\s|(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.)/]\s*\S|Điều\s+\d)"
)
"""An item whose text starts with its own mark ("1.", "a)", "II.", "- "): the page wrote its numbering."""
_LAYOUT_MARKERS: Final = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–—]|^\s*Số\s*:|Nơi nhận|^\s*(?:TM|KT|TL|TUQ|Q)\.\s",
    re.IGNORECASE | re.MULTILINE,
)
_MASTHEAD: Final = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–—]|Nơi nhận", re.IGNORECASE)
_MEDIA: Final = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.IGNORECASE)
_RULE: Final = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR: Final = re.compile(r"^\s*(?:[a-z0-9]*)\.([A-Za-z0-9_-]+)\s*$")
_METADATA_LABEL: Final = re.compile(
    r"^(?:Số hiệu|Số/Ký hiệu|Ký hiệu|Loại văn bản|Ngày ban hành|Nơi ban hành|Cơ quan ban hành|Người ký|Trích yếu"
    r"|Lĩnh vực|Tình trạng|Ngày hiệu lực|Ngày có hiệu lực|Ngày công báo|Số công báo|Tệp đính kèm)\s*:?$",
    re.IGNORECASE,
)
"""A label of a legal-document site's table of a document's metadata ("Số hiệu:", "Ngày ban hành")."""
_SOURCE_SAMPLE: Final = 4000
"""How much of a text :func:`looks_like_html_source` looks at."""
_SOURCE_START: Final = re.compile(
    r"<(?:p|div|table|tbody|tr|h[1-6]|ul|ol|section|article|span|strong|b|em|blockquote|center|font|body)[\s>/]",
    re.IGNORECASE,
)
_SOURCE_END_TAG: Final = re.compile(r"</[a-z][a-z0-9]*\s*>", re.IGNORECASE)
_SOURCE_TAG: Final = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)
_SOURCE_END_TAGS: Final = 3
"""The fewest end tags a pasted source closes in its first characters: one tag makes no page."""
_PAGE_LAYOUT_LINES: Final = 15
"""A table cell of more lines than this (or holding a table) lays out the page: it is read as text."""


def looks_like_html(head: bytes) -> bool:
    r"""Whether the first bytes of a file are those of a web page, or of a page's source pasted as text.

    >>> looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>")
    True
    >>> looks_like_html(b"| UBND<br>X | CONG HOA |")
    False
    """
    start = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")):
        return True
    if start.startswith((b"<!--", b"<?xml")) and b"<html" in start:
        return True
    return looks_like_html_source(head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="ignore"))


def looks_like_html_source(text: str) -> bool:
    r"""Whether ``text`` is plainly a page's HTML source (as an editor's source view gives it), not text with a tag.

    Plainly: it opens with an element a page's body holds (``<p>``, ``<div>``, ``<table>``,
    ``<h1>`` …), closes at least :data:`_SOURCE_END_TAGS` elements, and most of its first lines hold a
    tag. Markdown or text that merely holds a ``<br>`` or a table cell's tag is not.

    >>> looks_like_html_source('<p style="text-align:center"><b>KẾ HOẠCH</b></p>\n<p>Cải cách</p>\n<p>&nbsp;</p>')
    True
    >>> looks_like_html_source("KẾ HOẠCH\n<p>Cải cách</p>\n<p>hành chính</p>\n<p>năm 2026</p>")
    False
    >>> looks_like_html_source("<b>KẾ HOẠCH</b>\nCải cách hành chính\nnăm 2026\ncủa xã An Bình\n</b></i></u>")
    False
    """
    head = text[:_SOURCE_SAMPLE].lstrip().removeprefix("\ufeff").lstrip()
    if not _SOURCE_START.match(head) or len(_SOURCE_END_TAG.findall(head)) < _SOURCE_END_TAGS:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _SOURCE_TAG.search(line))
    return tagged * 4 >= len(lines) * 3


def _charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:_PRESCAN])
    return found.group(1).decode("ascii").lower() if found else None


def decode_page(data: bytes, name: str) -> tuple[str, list[str]]:
    """The page's text from its bytes: BOM, else declared charset, else UTF-8; ReadError when it cannot be."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in data[:4096]:
        raise ReadError(name, "is not a web page: it holds binary data (a file of another kind named .html?)")
    declared = None if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else _charset(data)
    if declared is None:
        text, notes = decode(data, name=name)
        return text, list(notes)
    try:
        codec = codecs.lookup(declared).name
    except LookupError:  # a label browsers do not know either: they read the page in their default
        text, notes = decode(data, name=name)
        return text, [*notes, f"declares the unknown encoding {declared!r}: read as UTF-8"]
    if codec == "utf-8":
        text, notes = decode(data, name=name)
        return text, list(notes)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise ReadError(name, f"is not valid {declared} as it declares (byte at offset {error.start})") from None
    return text, [f"decoded as {declared}, as the page declares"]


# --- the tree -----------------------------------------------------------------------------------


@dataclass(eq=False)
class _Node:
    tag: str
    attributes: dict[str, str]
    line: int
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A tolerant tree of the page, its depth and size bounded."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.root = _Node("#document", {}, 1)
        self.stack: list[_Node] = [self.root]
        self.elements = 0
        self.too_deep = 0
        self.stray = 0
        self.title: list[str] = []
        self.styles: list[str] = []

    def _implied_ends(self, tag: str) -> None:
        if tag in _CLOSES_P:
            self._close_within("p", stop=frozenset({"td", "th", "li", "table", "div", "body"}))
        if tag == "li":
            self._close_within("li", stop=frozenset({"ul", "ol", "table"}))
        elif tag in {"dd", "dt"}:
            self._close_within("dd", stop=frozenset({"dl", "table"}))
            self._close_within("dt", stop=frozenset({"dl", "table"}))
        elif tag in {"td", "th"}:
            self._close_within("td", stop=frozenset({"tr", "table"}))
            self._close_within("th", stop=frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close_within("tr", stop=frozenset({"table"}))
        elif tag in {"thead", "tbody", "tfoot"}:
            for inner in ("tr", "thead", "tbody", "tfoot"):
                self._close_within(inner, stop=frozenset({"table"}))

    def _close_within(self, tag: str, *, stop: frozenset[str]) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            current = self.stack[index].tag
            if current == tag:
                del self.stack[index:]
                return
            if current in stop:
                return

    def parse_html_declaration(self, i: int) -> int:
        """``<![if …]>`` and other marked sections html.parser does not know: skipped, as browsers skip them."""
        rawdata = self.rawdata
        if rawdata.startswith("<![", i) and not rawdata.startswith("<![CDATA[", i):
            end = rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1
        return super().parse_html_declaration(i)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        if self.elements > MAX_HTML_ELEMENTS:
            raise ReadError(self.name, f"is refused: it holds more than {MAX_HTML_ELEMENTS} elements")
        self._implied_ends(tag)
        node = _Node(tag, {key: value or "" for key, value in attrs}, self.getpos()[0])
        if len(self.stack) > MAX_HTML_DEPTH:
            self.too_deep += 1
            if tag == "br":
                self.stack[-1].children.append("\n")
            return
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag and len(self.stack) > 1:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # "</br>": browsers read it as a line break
            self.handle_starttag("br", [])
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return
        if tag not in _VOID:
            self.stray += 1

    def handle_data(self, data: str) -> None:
        top = self.stack[-1]
        if top.tag == "title":
            self.title.append(data)
        elif top.tag == "style":
            self.styles.append(data)
        top.children.append(data)


# --- reading the tree ---------------------------------------------------------------------------


@dataclass
class _Grid:
    """A table read from the page, before its place in the document is numbered."""

    cells: list[tuple[str, int, int, int, int, int]]  # text, row, column, rows, columns, source line


_Item = str | _Grid


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = ""
    for amount, numeral in numerals:
        while value >= amount:
            result += numeral
            value -= amount
    return result


def _letters(value: int) -> str:
    result = ""
    while value > 0:
        value, rest = divmod(value - 1, 26)
        result = chr(ord("a") + rest) + result
    return result


def _list_label(kind: str, value: int) -> str:
    if kind == "a":
        return _letters(value) + "."
    if kind == "A":
        return _letters(value).upper() + "."
    if kind == "i":
        return _roman(value).lower() + "."
    if kind == "I":
        return _roman(value) + "."
    return f"{value}."


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def hidden_classes(styles: str) -> frozenset[str]:
    """The classes a page's style sheet hides for the screen (``.an { display: none }``).

    Only rules whose selector is one class (``.an``, ``div.an``) are read; rules for print
    (``@media``) are left aside.

    >>> sorted(hidden_classes(".an, p.ad { display:none } .x b { display:none } @media print { .y { display:none } }"))
    ['ad', 'an']
    """
    found: set[str] = set()
    for selectors, body in _RULE.findall(_MEDIA.sub("", styles)):
        if _HIDDEN_STYLE.search(body):
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.match(selector)
                if match:
                    found.add(match.group(1))
    return frozenset(found)


class _Reader:
    def __init__(self, name: str, hidden: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.hidden_classes = hidden
        self.characters = 0
        self.hidden = 0
        self.chrome = 0
        self.numbered = 0
        self.layout_tables = 0
        self.page_tables = 0
        self.metadata_tables = 0

    def _count(self, text: str) -> None:
        self.characters += len(text)
        if self.characters > MAX_TEXT_CHARACTERS:
            raise ReadError(self.name, f"is refused: it holds more than {MAX_TEXT_CHARACTERS} characters of text")

    # the visible text of a node, for the tests that look inside an element before reading it
    def _text_of(self, node: _Node, limit: int = 4000) -> str:
        parts: list[str] = []
        size = 0
        pending: list[_Node | str] = [node]
        while pending and size < limit:
            current = pending.pop()
            if isinstance(current, str):
                parts.append(current)
                size += len(current)
                continue
            if self._skipped(current):
                continue
            if current.tag in _BLOCKS or current.tag == "br":
                parts.append("\n")
            pending.extend(reversed(current.children))
        return _SPACE.sub(" ", "\n".join(" ".join(parts).split("\n")))

    def _skipped(self, node: _Node) -> bool:
        if node.tag in _DROPPED or node.tag == "title":
            return True
        attributes = node.attributes
        if "hidden" in attributes or _HIDDEN_STYLE.search(attributes.get("style", "")):
            return True
        return bool(self.hidden_classes) and not self.hidden_classes.isdisjoint(attributes.get("class", "").split())

    def read(self, node: _Node) -> list[_Item]:
        """The lines and tables of ``node``'s content, in reading order."""
        items: list[_Item] = []
        line: list[str] = []
        self._walk(node, items, line, pre=False)
        self._end_line(items, line)
        return items

    def _end_line(self, items: list[_Item], line: list[str]) -> None:
        text = "".join(line)
        line.clear()
        for piece in text.split("\n"):
            cleaned = _INVISIBLE.sub("", piece).strip(" ")
            if cleaned.strip():
                self._count(cleaned)
                items.append(cleaned)

    def _walk(self, node: _Node, items: list[_Item], line: list[str], *, pre: bool) -> None:  # noqa: C901, PLR0912
        for child in node.children:
            if isinstance(child, str):
                if pre:
                    line.append(child.replace("\r\n", "\n").replace("\r", "\n"))
                else:
                    text = _SPACE.sub(" ", child)
                    if text == " " and (not line or line[-1].endswith((" ", "\n"))):
                        continue
                    if line and line[-1].endswith((" ", "\n")):
                        text = text.lstrip(" ")
                    line.append(text)
                continue
            tag = child.tag
            if self._skipped(child):
                if tag not in {"head", "script", "style", "title", "template", "noscript"}:
                    self.hidden += 1
                continue
            if tag in _CHROME and not _MASTHEAD.search(self._text_of(child)):
                self.chrome += 1
                continue
            if tag == "br":
                line.append("\n")
                continue
            if tag == "table":
                self._end_line(items, line)
                items.extend(self._table(child))
                continue
            if tag in {"ol", "ul", "menu", "dir"}:
                self._end_line(items, line)
                self._list(child, items)
                continue
            block = tag in _BLOCKS
            if block:
                self._end_line(items, line)
            self._walk(child, items, line, pre=pre or tag in {"pre", "listing", "xmp", "plaintext"})
            if block:
                self._end_line(items, line)

    def _list(self, node: _Node, items: list[_Item]) -> None:
        numbered = node.tag == "ol"
        kind = node.attributes.get("type", "1") or "1"
        value = _int(node.attributes.get("start"), 1)
        for child in node.children:
            if isinstance(child, str):
                if child.strip():  # text loose in a list: a line of its own
                    items.append(_SPACE.sub(" ", child).strip())
                continue
            if self._skipped(child):
                self.hidden += 1
                continue
            if child.tag != "li":
                items.extend(self.read(_Node("div", {}, child.line, [child])))
                continue
            value = _int(child.attributes.get("value"), value)
            inner = self.read(child)
            first = next((index for index, item in enumerate(inner) if isinstance(item, str)), None)
            if first is not None and not _OWN_MARK.match(str(inner[first])):
                label = _list_label(kind, value) if numbered else "-"
                inner[first] = f"{label} {inner[first]}"
                self.numbered += 1
            items.extend(inner)
            value += 1

    # -- tables

    def _page_cells(self, placed: list[tuple[list[_Item], int, int, int, int, int]]) -> list[_Item]:
        """The cells of a table laying out the page, in order; the side columns beside the document's left out."""
        rows_with_document = {row for content, row, *_ in placed if _shows_masthead(content)}
        items: list[_Item] = []
        for content, row, *_ in placed:
            if row in rows_with_document and not _shows_masthead(content):
                self.chrome += 1  # a menu or a column of links beside the document
                continue
            items.extend(item for item in content if not _is_mark(item))
        return items

    def _stray_text(self, table: _Node) -> list[_Item]:
        """Text a table holds outside its cells: shown before the table, as browsers show it."""
        found: list[_Item] = []
        pending = [table]
        while pending:
            current = pending.pop()
            for child in current.children:
                if isinstance(child, str):
                    text = _SPACE.sub(" ", child).strip()
                    if text:
                        self._count(text)
                        found.append(text)
                elif child.tag in {"tr", "thead", "tbody", "tfoot"} and not self._skipped(child):
                    pending.append(child)
        return found

    def _holds_table(self, node: _Node) -> bool:
        pending = [child for child in node.children if isinstance(child, _Node)]
        while pending:
            current = pending.pop()
            if self._skipped(current):
                continue
            if current.tag == "table":
                return True
            pending.extend(child for child in current.children if isinstance(child, _Node))
        return False

    def _place(self, rows: list[_Node]) -> list[tuple[list[_Item], int, int, int, int, int]]:
        """Each cell's content, row, column, spans and the source line of its row, spans clipped to the table."""
        placed: list[tuple[list[_Item], int, int, int, int, int]] = []
        taken: set[tuple[int, int]] = set()
        area = 0
        for row_number, row in enumerate(rows, start=1):
            column = 1
            for cell in row.children:
                if isinstance(cell, str) or cell.tag not in {"td", "th"} or self._skipped(cell):
                    continue
                while (row_number, column) in taken:
                    column += 1
                span_rows = max(1, min(_int(cell.attributes.get("rowspan"), 1), len(rows) - row_number + 1))
                span_columns = max(1, min(_int(cell.attributes.get("colspan"), 1), 1000))
                area += span_rows * span_columns
                if area > MAX_HTML_CELLS:
                    raise ReadError(self.name, f"is refused: a table spans more than {MAX_HTML_CELLS} cells")
                taken.update(
                    (row_number + down, column + across) for down in range(span_rows) for across in range(span_columns)
                )
                content = self.read(cell)
                if self._holds_table(cell):
                    content.append(_Grid([]))  # a mark: the cell held a table (its lines are in the content)
                placed.append((content, row_number, column, span_rows, span_columns, row.line))
                column += span_columns
        return placed

    def _rows(self, table: _Node) -> Iterator[_Node]:
        for child in table.children:
            if isinstance(child, str) or self._skipped(child):
                continue
            if child.tag == "tr":
                yield child
            elif child.tag in {"thead", "tbody", "tfoot"}:
                yield from (row for row in child.children if isinstance(row, _Node) and row.tag == "tr")

    def _table(self, table: _Node) -> list[_Item]:
        before: list[_Item] = []
        for child in table.children:
            if isinstance(child, _Node) and child.tag == "caption":
                before.extend(self.read(child))
        before.extend(self._stray_text(table))
        placed = self._place(list(self._rows(table)))
        if not placed:
            return before
        columns = max(column + span - 1 for _, _, column, _, span, _ in placed)
        row_count = max(row + span - 1 for _, row, _, span, _, _ in placed)
        if columns == 1 or not any(isinstance(item, str) for content, *_ in placed for item in content):
            self.page_tables += 1  # a box of one column, or a table of empty cells: lines, not a table
            return before + [item for content, *_ in placed for item in content if not _is_mark(item)]
        if columns <= 3 and any(
            len(content) > _PAGE_LAYOUT_LINES or any(isinstance(item, _Grid) for item in content)
            for content, *_ in placed
        ):
            self.page_tables += 1  # a table laying out the page: its cells read in order, as text
            return before + self._page_cells(placed)
        texts = [
            [item if isinstance(item, str) else _grid_text(item) for item in content if not _is_mark(item)]
            for content, *_ in placed
        ]
        labels = sum(1 for lines in texts if len(lines) == 1 and _METADATA_LABEL.match(lines[0]))
        if labels >= 2 and labels * 2 >= len(texts) - 1:
            self.metadata_tables += 1
            return [*before, _metadata_line([" ".join(lines) for lines in texts])]
        if 2 <= columns <= 3 and row_count <= 4 and any(_LAYOUT_MARKERS.search(t) for c in texts for t in c):
            self.layout_tables += 1
            return before + _side_by_side(placed, texts)
        cells = [
            ("\n".join(text), row, column, span_rows, span_columns, line)
            for text, (_, row, column, span_rows, span_columns, line) in zip(texts, placed, strict=True)
        ]
        return [*before, _Grid(cells)]


def _metadata_line(texts: list[str]) -> str:
    """A site's table of a document's metadata as one line: "Số hiệu: 52/KH-UBND | Loại văn bản: Kế hoạch | …"."""
    parts: list[str] = []
    index = 0
    while index < len(texts):
        text = texts[index].strip()
        following = texts[index + 1].strip() if index + 1 < len(texts) else ""
        if _METADATA_LABEL.match(text) and following and not _METADATA_LABEL.match(following):
            parts.append(f"{text.rstrip(':').strip()}: {following}")
            index += 2
            continue
        if text:
            parts.append(text)
        index += 1
    return " | ".join(parts)


def _shows_masthead(content: list[_Item]) -> bool:
    return any(isinstance(item, str) and _MASTHEAD.search(item) for item in content)


def _is_mark(item: _Item) -> bool:
    return isinstance(item, _Grid) and not item.cells


def _grid_text(grid: _Grid) -> str:
    """A table inside a table's cell, as the cell's text: one row a line, cells parted by " | "."""
    rows: dict[int, list[str]] = {}
    for text, row, *_ in grid.cells:
        rows.setdefault(row, []).append(text.replace("\n", " "))
    return "\n".join(" | ".join(cells) for _, cells in sorted(rows.items()))


def _side_by_side(placed: list[tuple[list[_Item], int, int, int, int, int]], texts: list[list[str]]) -> list[_Item]:
    """A layout table's rows as ``left | right |`` lines, one line of each column side by side."""
    result: list[_Item] = []
    by_row: dict[int, dict[int, list[str]]] = {}
    for (_, row, column, *_rest), lines in zip(placed, texts, strict=True):
        by_row.setdefault(row, {})[column] = [line for text in lines for line in text.split("\n")]
    for row in sorted(by_row):
        columns = by_row[row]
        width = max(columns)
        cells = [columns.get(column, []) for column in range(1, width + 1)]
        depth = max(len(cell) for cell in cells)
        for index in range(depth):
            parts = [cell[index] if index < len(cell) else "" for cell in cells]
            if not any(parts):
                continue
            opening = "" if parts[0] else "| "
            result.append(opening + " | ".join(parts) + " |")
    return result


def source_from_html(text: str, *, name: str = "<html>", notes: tuple[str, ...] = ()) -> SourceDocument:
    """The web page ``text`` as lines and tables, as a browser shows them.

    >>> page = "<p>KẾ&nbsp;HOẠCH</p><ol><li>Rà soát</li><li>Công khai</li></ol><table><tr><td>1</td></tr></table>"
    >>> [b.text if isinstance(b, Line) else b.cells[0].text for b in source_from_html(page).blocks]
    ['KẾ HOẠCH', '1. Rà soát', '2. Công khai', '1']
    """
    builder = _TreeBuilder(name)
    text = unicodedata.normalize("NFC", text)  # a code page such as windows-1258 gives the tones as combining marks
    try:
        builder.feed(text)
        builder.close()
    except (AssertionError, ValueError, IndexError) as error:  # html.parser's few refusals (a bad declaration)
        raise ReadError(name, f"is not a web page parplan can read: {error}") from None
    reader = _Reader(name, hidden_classes("\n".join(builder.styles)))
    items = reader.read(builder.root)
    shown = "\n".join(item if isinstance(item, str) else _grid_text(item) for item in items)
    guess = legacy_encoding(shown)
    if guess is not None:
        source = "TCVN3 (ABC)" if guess == "TCVN3" else "VNI Windows"
        raise ReadError(
            name,
            f"is written in the legacy {source} encoding, not Unicode; convert it to Unicode first "
            f"(for example with UniKey's 'Công cụ chuyển mã': source {source}, destination Unicode)",
        )
    blocks: list[Block] = []
    number = 0
    tables = 0
    for item in items:
        number += 1
        if isinstance(item, str):
            blocks.append(Line(text=unicodedata.normalize("NFC", item), number=number))
            continue
        tables += 1
        cells = [
            Cell(text=text, row=row, column=column, rows=rows, columns=columns, line=line)
            for text, row, column, rows, columns, line in item.cells
        ]
        blocks.append(Table(cells=cells, number=tables, line=number))
    found = [*notes, *_notes(builder, reader)]
    return SourceDocument(blocks=blocks, format=DocumentFormat.HTML, name=name, notes=tuple(found))


def _notes(builder: _TreeBuilder, reader: _Reader) -> list[str]:
    found: list[str] = []
    title = " ".join(_SPACE.sub(" ", "".join(builder.title)).split())
    if title:
        found.append(f"page title: {title}")
    if reader.numbered:
        found.append(f"{reader.numbered} list items given the number or dash the page's lists show")
    if reader.layout_tables:
        found.append(f"{reader.layout_tables} layout tables (masthead, signature) read as 'left | right' lines")
    if reader.metadata_tables:
        found.append(
            f"{reader.metadata_tables} tables of the document's metadata (Số hiệu, Ngày ban hành …) given as a line"
        )
    if reader.page_tables:
        found.append(f"{reader.page_tables} tables laying out the page read as text")
    if reader.chrome:
        found.append(
            f"{reader.chrome} navigation, header, footer or aside elements or side columns of the page left out"
        )
    if reader.hidden:
        found.append(f"{reader.hidden} hidden elements or controls left out")
    if builder.stray:
        found.append(f"{builder.stray} end tags without a start ignored (malformed HTML)")
    if builder.too_deep:
        found.append(f"{builder.too_deep} elements nested deeper than {MAX_HTML_DEPTH} read as their ancestor's text")
    return found


def load(path: Path, *, max_bytes: int) -> SourceDocument:
    """The web page at ``path`` as lines and tables; :class:`ReadError` when it cannot be read."""
    check_file(path, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), f"cannot be read: {error.strerror or error}") from None
    text, notes = decode_page(data, str(path))
    document = source_from_html(text, name=str(path), notes=tuple(notes))
    return SourceDocument(blocks=document.blocks, format=DocumentFormat.HTML, name=path.name, notes=document.notes)
