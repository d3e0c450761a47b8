"""Writing a laid-out plan as a Word document in the layout of Decree 30/2020/NĐ-CP.

The document follows Phụ lục I of the decree (thể thức và kỹ thuật trình bày):

* A4 paper, portrait, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm;
  Times New Roman, 14 pt for the body, paragraphs justified with a 1 cm
  first-line indent.
* The masthead as a two-column table without borders: the parent body and the
  issuer (bold) on the left with a short rule under the issuer, the number and
  symbol below; the national name (bold, 13 pt) and the motto (bold, 14 pt) on
  the right with a rule as long as the motto, and the place and date in italics.
* The document type and title centred in bold, a short rule under them; the
  body's numbered sections; the closing as a second borderless table: "Nơi
  nhận:" (bold italic, 12 pt) and the recipients (11 pt) on the left, the
  signature block (TM./KT. lines, bold capitals) and the signer on the right.
* The appendix on landscape A4 pages (a section of its own), as a table with
  every border, its header row repeated on each page, rows not split across
  pages, area rows in bold merged across the table.

Every text comes from the :class:`~parplan.render.layout.Document` (nothing is
laid out twice) and goes through :func:`~parplan.render.layout.printable`:
control characters become U+FFFD and are never written into the XML.

The package is written as WordprocessingML text (:mod:`parplan.render._ooxml`):
nothing else is needed, no file is opened, the clock is never read, and a
200-task plan takes a fraction of a second. Word and LibreOffice open it;
python-docx reads it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape as _xml_escape

from parplan.errors import InvariantError
from parplan.render._ooxml import (
    APP_PROPERTIES,
    APP_TYPE,
    CORE_TYPE,
    PACKAGE_PROPERTIES,
    RELATIONSHIPS,
    content_types,
    core_properties,
    package,
    relationships,
)
from parplan.render.layout import (
    Block,
    Bullets,
    Closing,
    Document,
    Heading,
    Masthead,
    Paragraph,
    SectionRow,
    TaskTable,
    Title,
    printable,
)

__all__ = ["FONT", "LANDSCAPE_MARGINS_MM", "PORTRAIT_MARGINS_MM", "write"]

FONT = "Times New Roman"
"""The typeface of every text (Decree 30/2020/NĐ-CP, Phụ lục I)."""

PORTRAIT_MARGINS_MM = (20, 20, 30, 15)
"""Top, bottom, left and right margins of the portrait pages, in millimetres."""

LANDSCAPE_MARGINS_MM = (20, 15, 20, 15)
"""Top, bottom, left and right margins of the appendix's landscape pages, in millimetres."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A4 = (210, 297)
_TWIPS_PER_MM = 1440 / 25.4
_INDENT = 567  # 1 cm
_NOT_XML = str.maketrans({"\ufffe": "\ufffd", "\uffff": "\ufffd"})


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


# --- runs and paragraphs -----------------------------------------------------------------------------


def _text(text: str) -> str:
    """Escaped text of one line: tabs as tabs, anything XML cannot hold as U+FFFD."""
    clean = printable(text).translate(_NOT_XML)
    parts = clean.split("\t")
    runs = '</w:t><w:tab/><w:t xml:space="preserve">'.join(_xml_escape(part) for part in parts)
    return f'<w:t xml:space="preserve">{runs}</w:t>'


def _run(text: str, *, bold: bool = False, italic: bool = False, size: int | None = None) -> str:
    """A run of ``text`` (lines separated by line breaks), with its character properties."""
    if not text:
        return ""
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    if size is not None:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # any line end is a line break
    body = "<w:br/>".join(_text(line) for line in lines)
    return f"<w:r>{rpr}{body}</w:r>"


def _paragraph(  # noqa: PLR0913 - the properties a paragraph of the decree's layout may need
    runs: str,
    *,
    align: str | None = None,
    first_line: int | None = None,
    before: int = 0,
    after: int = 0,
    keep_next: bool = False,
    extra: str = "",
) -> str:
    props = "<w:keepNext/>" if keep_next else ""
    props += extra
    props += f'<w:spacing w:before="{before}" w:after="{after}"/>'
    if first_line is not None:
        props += f'<w:ind w:firstLine="{first_line}"/>'
    if align is not None:
        props += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def _rule(width: int, cell: int) -> str:
    """A short horizontal rule of ``width`` twips, centred in a cell (or text block) of ``cell`` twips."""
    side = max((cell - width) // 2, 0)
    return (
        "<w:p><w:pPr>"
        '<w:pBdr><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="40" w:after="0" w:line="120" w:lineRule="exact"/>'
        f'<w:ind w:left="{side}" w:right="{side}"/>'
        '<w:rPr><w:sz w:val="4"/></w:rPr>'
        "</w:pPr></w:p>"
    )


# --- tables ------------------------------------------------------------------------------------------

_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_ALL_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _table(widths: Sequence[int], rows: Iterable[str], *, borders: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _cell(width: int, content: str, *, span: int = 1, valign: str = "top") -> str:
    merge = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    body = content or "<w:p/>"
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}<w:vAlign w:val="{valign}"/></w:tcPr>{body}</w:tc>'


def _row(cells: str, *, header: bool = False) -> str:
    props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>"


# --- blocks ------------------------------------------------------------------------------------------

_MOTTO_RULE = _twips(62)


def _masthead(block: Masthead, width: int) -> str:
    left_width = round(width * 0.4)
    right_width = width - left_width
    left = ""
    if block.parent:
        left += _paragraph(_run(block.parent, size=13), align="center")
    left += _paragraph(_run(block.issuer, bold=True, size=13), align="center")
    left += _rule(left_width // 3, left_width)
    if block.number:
        left += _paragraph(_run(block.number, size=13), align="center", before=120)
    right = _paragraph(_run(block.country, bold=True, size=13), align="center")
    right += _paragraph(_run(block.motto, bold=True, size=14), align="center")
    right += _rule(min(_MOTTO_RULE, right_width), right_width)
    right += _paragraph(_run(block.place_date, italic=True, size=14), align="center", before=120)
    row = _row(_cell(left_width, left) + _cell(right_width, right))
    return _table((left_width, right_width), (row,), borders=_NO_BORDERS)


def _title(block: Title, width: int) -> str:
    out = _paragraph(_run(block.kind, bold=True), align="center", before=360, keep_next=True)
    out += _paragraph(_run(block.title, bold=True), align="center", keep_next=True)
    out += _rule(width // 4, width)
    for note in block.notes:
        if note:
            out += _paragraph(_run(note, italic=True, size=13), align="center", before=60)
    return out


def _heading(block: Heading) -> str:
    italic = block.level == 3
    text = block.line
    return _paragraph(
        _run(text, bold=True, italic=italic), align="both", first_line=_INDENT, before=120, after=0, keep_next=True
    )


def _body_paragraph(text: str, *, italic: bool = False) -> str:
    return _paragraph(_run(text, italic=italic), align="both", first_line=_INDENT, before=60)


def _bullets(block: Bullets) -> str:
    out: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        lines = item.split("\n")
        out.append(_body_paragraph(marker + lines[0]))
        out.extend(_body_paragraph(line) for line in lines[1:] if line)
    return "".join(out)


def _recipient(line: str, last: bool) -> str:
    text = line.rstrip()
    if text and text[-1] not in ".;:,":
        text += "." if last else ";"
    return f"- {text}"


def _closing(block: Closing, width: int) -> str:
    left_width = width // 2
    right_width = width - left_width
    left = _paragraph(_run(block.recipients_label, bold=True, italic=True, size=12), before=240)
    count = len(block.recipients)
    for index, line in enumerate(block.recipients, start=1):
        left += _paragraph(_run(_recipient(line, index == count), size=11))
    right = "".join(
        _paragraph(_run(line, bold=True), align="center", before=240 if index == 0 else 0)
        for index, line in enumerate(block.signature)
    )
    if block.signer:
        right += _paragraph(_run(block.signer, bold=True), align="center", before=1600)
    row = _row(_cell(left_width, left) + _cell(right_width, right or "<w:p/>"))
    return _table((left_width, right_width), (row,), borders=_NO_BORDERS)


_COLUMN_SHARES = (4, 29, 15, 12, 15, 16, 9)


def _lines(
    lines: Sequence[str], *, align: str = "left", bold: bool = False, italic: bool = False, keep_next: bool = False
) -> str:
    return "".join(
        _paragraph(_run(line, bold=bold, italic=italic, size=12), align=align, keep_next=keep_next) for line in lines
    )


def _appendix(block: TaskTable, width: int) -> str:
    out = _paragraph(_run(block.label, bold=True), align="center", keep_next=True)
    out += _paragraph(_run(block.title, bold=True), align="center", keep_next=True)
    out += _paragraph(_run(block.attached, italic=True, size=13), align="center", after=160, keep_next=True)
    total = sum(_COLUMN_SHARES)
    widths = [width * share // total for share in _COLUMN_SHARES]
    widths[1] += width - sum(widths)
    header = "".join(
        _cell(w, _lines((column,), align="center", bold=True), valign="center")
        for w, column in zip(widths, block.columns, strict=True)
    )
    rows = [_row(header, header=True)]
    aligns = ("center", "left", "left", "left", "left", "left", "center")
    for row in block.rows:
        if isinstance(row, SectionRow):
            italic = row.level != 1
            label = _lines((row.label,), align="center", bold=True, italic=italic, keep_next=True)
            text = _lines((row.text,), bold=True, italic=italic, keep_next=True)  # kept with the rows it heads
            cells = _cell(widths[0], label) + _cell(sum(widths[1:]), text, span=len(widths) - 1)
        else:
            cells = "".join(
                _cell(w, _lines(cell, align=align)) for w, cell, align in zip(widths, row.cells, aligns, strict=True)
            )
        rows.append(_row(cells))
    return out + _table(widths, rows, borders=_ALL_BORDERS)


# --- sections ----------------------------------------------------------------------------------------


def _section_properties(landscape: bool) -> str:
    if landscape:
        top, bottom, left, right = LANDSCAPE_MARGINS_MM
        size = f'<w:pgSz w:w="{_twips(_A4[1])}" w:h="{_twips(_A4[0])}" w:orient="landscape"/>'
    else:
        top, bottom, left, right = PORTRAIT_MARGINS_MM
        size = f'<w:pgSz w:w="{_twips(_A4[0])}" w:h="{_twips(_A4[1])}"/>'
    margins = (
        f'<w:pgMar w:top="{_twips(top)}" w:right="{_twips(right)}" w:bottom="{_twips(bottom)}" '
        f'w:left="{_twips(left)}" w:header="567" w:footer="567" w:gutter="0"/>'
    )
    return f'<w:sectPr><w:type w:val="nextPage"/>{size}{margins}<w:cols w:space="720"/></w:sectPr>'


def _text_width(landscape: bool) -> int:
    if landscape:
        _, _, left, right = LANDSCAPE_MARGINS_MM
        return _twips(_A4[1] - left - right)
    _, _, left, right = PORTRAIT_MARGINS_MM
    return _twips(_A4[0] - left - right)


def _block(block: Block, width: int) -> str:
    if isinstance(block, Masthead):
        return _masthead(block, width)
    if isinstance(block, Title):
        return _title(block, width)
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return _body_paragraph(block.text, italic=block.italic)
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Closing):
        return _closing(block, width)
    if isinstance(block, TaskTable):
        return _appendix(block, width)
    raise InvariantError("render.format", "docx", f"does not lay out a {type(block).__name__} block (a plan has none)")


def _sections(blocks: Sequence[Block]) -> list[tuple[bool, list[Block]]]:
    """The blocks in runs of the same orientation: the appendix landscape, everything else portrait."""
    sections: list[tuple[bool, list[Block]]] = []
    for block in blocks:
        landscape = isinstance(block, TaskTable)
        if not sections or sections[-1][0] != landscape:
            sections.append((landscape, []))
        sections[-1][1].append(block)
    return sections or [(False, [])]


def _body(document: Document) -> tuple[str, str]:
    """The body's XML (without the last section's properties) and the last section's properties."""
    parts: list[str] = []
    sections = _sections(document.blocks)
    for index, (landscape, blocks) in enumerate(sections):
        width = _text_width(landscape)
        parts.extend(_block(block, width) for block in blocks)
        if isinstance(blocks[-1] if blocks else None, (Masthead, Closing, TaskTable)) or not blocks:
            parts.append("<w:p/>")  # Word wants a paragraph after a table, before a section ends
        if index < len(sections) - 1:
            parts.append(f"<w:p><w:pPr>{_section_properties(landscape)}</w:pPr></w:p>")
    return "".join(parts), _section_properties(sections[-1][0])


_LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}


def _styles(language: str) -> str:
    """``word/styles.xml``: Times New Roman 14 everywhere, the language, no space after paragraphs."""
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    run = f'{fonts}<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="{language}" w:eastAsia="{language}"/>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W}">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{run}</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"<w:rPr>{run}</w:rPr></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        "</w:styles>"
    )


_SETTINGS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{_W}">'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def write(document: Document) -> bytes:
    """The .docx bytes of ``document`` in the layout of Decree 30/2020/NĐ-CP (the same bytes each time)."""
    language = _LANGUAGES[document.locale]
    body_xml, last_section = _body(document)
    main = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}" xmlns:r="{RELATIONSHIPS}"><w:body>{body_xml}{last_section}</w:body></w:document>'
    )
    return package(
        (
            (
                "[Content_Types].xml",
                content_types(
                    (
                        ("word/document.xml", f"{_MAIN}.document.main+xml"),
                        ("word/styles.xml", f"{_MAIN}.styles+xml"),
                        ("word/settings.xml", f"{_MAIN}.settings+xml"),
                        ("docProps/core.xml", CORE_TYPE),
                        ("docProps/app.xml", APP_TYPE),
                    )
                ),
            ),
            (
                "_rels/.rels",
                relationships(((f"{RELATIONSHIPS}/officeDocument", "word/document.xml"), *PACKAGE_PROPERTIES)),
            ),
            ("word/document.xml", main),
            (
                "word/_rels/document.xml.rels",
                relationships(
                    ((f"{RELATIONSHIPS}/styles", "styles.xml"), (f"{RELATIONSHIPS}/settings", "settings.xml"))
                ),
            ),
            ("word/styles.xml", _styles(language)),
            ("word/settings.xml", _SETTINGS),
            ("docProps/core.xml", core_properties(document.title, language)),
            ("docProps/app.xml", APP_PROPERTIES),
        )
    )
