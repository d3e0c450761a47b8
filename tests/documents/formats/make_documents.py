"""Make the Word, PDF and scanned documents that the format readers are tested on.

Run by hand from the repository root, in the test environment with python-docx installed::

    python tests/documents/formats/make_documents.py

It needs LibreOffice (``soffice``), Chromium, ``pdftoppm``, ImageMagick (``convert``) and
``pip install img2pdf msoffcrypto-tool``. Name steps to run only them (``scans bad_documents``).
What it makes, in this folder:

* ``NAME.docx``: five synthetic plans of ``tests/documents/synthetic`` written as a Word user
  writes them: the masthead and the signature block in borderless two-column tables, headings
  and items numbered by Word's automatic numbering (``I.``, ``1.``, ``a)``, ``1.1.``,
  ``Điều 1.``, dashes), appendix tables with group rows merged across (``gridSpan``) and "as
  above" leads merged down (``vMerge``), line breaks inside cells, page numbers in the header
  and, in one file, a running footer.
* ``NAME.expected.json``: what a reader must recover from ``NAME.docx``, written from the same
  description the file is written from (never from a reader): the blocks in reading order, each
  a line or a table of cells with their spans. Layout tables (masthead, signature) are given as
  lines in column order.
* ``NAME.pdf``: ``NAME.docx`` printed by LibreOffice (a text layer, page numbers, a running
  footer, a landscape appendix whose table crosses pages with its heading row repeated).
* ``son-chau-2022.docx``: the example plan of xã Sơn Châu (``examples/son-chau-2022.json``)
  rendered as HTML by parplan and converted by LibreOffice; ``son-giang-2021.chromium.pdf``: the
  example of xã Sơn Giang (``examples/son-giang-2021.json``) printed by Chromium with its own
  header and footer (date, title, address, "n/N" page numbers).
* ``scan-xa-2023-theo-linh-vuc.pdf``: the first and the appendix page of ``xa-2023-theo-linh-vuc.pdf``
  rasterised at 200 dpi, aged (rotated, blurred, speckled, black and white) and bound as a PDF
  without a text layer; ``scan-huyen-2019-kiem-tra.png``: one page aged the same way, as an image.
* ``bad/``: a zip bomb, a docx whose declared sizes lie, a corrupt docx, an encrypted PDF, a PDF
  with no pages, a truncated PDF.

The committed files are the ones this script made; rerunning it with other versions of
LibreOffice, Chromium or their fonts gives other PDFs (the expected files do not change).
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell as DocxCell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SYNTHETIC = ROOT / "tests" / "documents" / "synthetic"

DOCUMENTS = {
    # name: (second-level scheme, bullets numbered by Word, running footer)
    "xa-2022-chi-phu-luc": ("letter", False, "Kế hoạch CCHC năm 2022 - UBND xã Nghĩa Thắng"),
    "xa-2023-theo-linh-vuc": ("letter", True, None),
    "huyen-2019-kiem-tra": ("letter", False, None),
    "phuong-2025-sau-sap-xep": ("letter", True, None),
    "so-2026-quyet-dinh": ("decimal", False, None),
}

KINDS = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO")
BODY_STARTS = ("Căn cứ", "Thực hiện", "Kính gửi", "GIÁM ĐỐC", "(")
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

# --- the description of a document -------------------------------------------------------------


@dataclass
class Para:
    text: str
    numbering: tuple[str, int] | None = None  # (list, level) when Word numbers it
    bold: bool = False
    italic: bool = False
    center: bool = False
    breaks: tuple[str, ...] = ()  # further lines after soft line breaks
    page_break: bool = False
    landscape: bool = False  # starts a new landscape section
    label: str = ""  # the number Word prints (filled when numbered)


@dataclass
class CellSpec:
    lines: list[str]  # paragraphs; a paragraph may hold "\n" for a soft line break
    span: int = 1
    merge: str | None = None  # "restart" | "continue"
    numbered: bool = False  # the STT column numbered by Word
    bold: bool = False


@dataclass
class TableSpec:
    rows: list[list[CellSpec]]
    layout: bool = False  # masthead or signature: no borders
    header: bool = True
    widths: list[float] = field(default_factory=list)


Block = Para | TableSpec


def _clean(line: str) -> str:
    return line.replace("**", "").replace("*", "").strip().strip("\t ").replace("\t", " ")


ROMAN = re.compile(r"^(?P<n>[IVX]+)\.\s+(?P<t>.+)$")
ARABIC = re.compile(r"^(?P<n>\d+)\.\s+(?P<t>.+)$")
DECIMAL2 = re.compile(r"^(?P<a>\d+)\.(?P<b>\d+)\.\s+(?P<t>.+)$")
LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>.+)$")
ARTICLE = re.compile(r"^Điều (?P<n>\d+)\.\s+(?P<t>.+)$")


def _roman(number: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


class Lists:
    """Word's counters, to know which written numbers Word's automatic numbering gives back."""

    def __init__(self, second: str) -> None:
        self.second = second
        self.counters: dict[str, list[int]] = {"plan": [0, 0, 0], "article": [0], "stt": [0]}

    def label(self, name: str, level: int) -> str:
        counters = self.counters[name]
        if name == "article":
            return f"Điều {counters[0]}."
        if name == "stt":
            return str(counters[0])
        if name == "bullet":
            return "-"
        if level == 0:
            return f"{_roman(counters[0])}."
        if level == 1:
            return f"{counters[1]}."
        if self.second == "letter":
            return f"{'abcdefghijklmnopqrstuvwxyz'[counters[2] - 1]})"
        return f"{counters[1]}.{counters[2]}."

    def advance(self, name: str, level: int) -> str:
        if name == "bullet":
            return "-"
        counters = self.counters[name]
        counters[level] += 1
        for lower in range(level + 1, len(counters)):
            counters[lower] = 0
        return self.label(name, level)

    def try_number(self, name: str, level: int, written: str) -> bool:
        """Advance the list when Word would print ``written`` there; leave it alone otherwise."""
        saved = copy.deepcopy(self.counters)
        if self.advance(name, level) == written:
            return True
        self.counters = saved
        return False


def _numbered(text: str, lists: Lists, bullets: bool) -> Para:
    if bullets and text.startswith("- "):
        return Para(text[2:], numbering=("bullet", 0), label="-")
    candidates: list[tuple[str, int, str, str]] = []
    if match := ARTICLE.match(text):
        candidates.append(("article", 0, f"Điều {match['n']}.", match["t"]))
    if match := ROMAN.match(text):
        candidates.append(("plan", 0, f"{match['n']}.", match["t"]))
    if match := ARABIC.match(text):
        candidates.append(("plan", 1, f"{match['n']}.", match["t"]))
    if lists.second == "letter" and (match := LETTER.match(text)):
        candidates.append(("plan", 2, f"{match['n']})", match["t"]))
    if lists.second == "decimal" and (match := DECIMAL2.match(text)):
        candidates.append(("plan", 2, f"{match['a']}.{match['b']}.", match["t"]))
    for name, level, written, rest in candidates:
        if lists.try_number(name, level, written):
            return Para(rest, numbering=(name, level), label=written, bold=level < 2 and name == "plan")
    return Para(text)


def _cells(line: str) -> list[str]:
    if line.startswith("|"):
        return [cell.strip() for cell in line.strip().strip("|").split("|")]
    return [cell.strip() for cell in line.split("\t")]


def _table(rows: list[list[str]], lists: Lists, number_stt: bool) -> TableSpec:
    width = max(len(row) for row in rows)
    specs: list[list[CellSpec]] = []
    for index, raw in enumerate(rows):
        row = [_clean(cell) for cell in raw] + [""] * (width - len(raw))
        first = row[0]
        if index > 0 and re.fullmatch(r"[IVX]+", first) and row[1] and not any(row[2:]):
            specs.append([CellSpec([first], bold=True), CellSpec([row[1]], span=width - 1, bold=True)])
            continue
        cells: list[CellSpec] = []
        for column, text in enumerate(row):
            lines = [text.replace("<br>", "\n")]
            cell = CellSpec(lines, bold=index == 0)
            above = specs[-1][column] if specs and len(specs[-1]) == width else None
            if text == "-nt-" and above is not None:
                cell = CellSpec([], merge="continue")
                if above.merge is None:
                    above.merge = "restart"
            elif column == 0 and index > 0 and number_stt and text.isdigit() and lists.try_number("stt", 0, text):
                cell = CellSpec([""], numbered=True)
            cells.append(cell)
        specs.append(cells)
    return TableSpec(specs)


def _expected_meta(name: str) -> dict[str, object]:
    return tomllib.loads((SYNTHETIC / f"{name}.expected.toml").read_text(encoding="utf-8"))


def _masthead(meta: dict[str, object], head: str) -> TableSpec:
    document = meta["document"]
    assert isinstance(document, dict)
    flat = " ".join(head.replace("|", " ").split())
    place_date = re.search(re.escape(document["place"]) + r", ngày \d+ tháng \d+ năm \d{4}", flat)
    assert place_date, (document["place"], flat)
    motto = "Độc lập – Tự do – Hạnh phúc" if "Độc lập – Tự do" in head else "Độc lập - Tự do - Hạnh phúc"
    left = [*document["issuer_lines"]]
    return TableSpec(
        [
            [CellSpec(left, bold=True), CellSpec([MOTTO, motto], bold=True)],
            [CellSpec([f"Số: {document['number']}"]), CellSpec([place_date.group(0)])],
        ],
        layout=True,
        header=False,
        widths=[65, 100],
    )


def _closing(meta: dict[str, object]) -> TableSpec:
    recipients = meta["recipients"]
    signature = meta["signature"]
    assert isinstance(recipients, dict)
    assert isinstance(signature, dict)
    left = ["Nơi nhận:"] + [f"- {line};" for line in recipients["lines"]] + [f"- {recipients['archive']}."]
    right = [*signature["lines"][:-1], "", "", signature["lines"][-1]]
    return TableSpec([[CellSpec(left), CellSpec(right, bold=True)]], layout=True, header=False, widths=[80, 85])


def describe(name: str, second: str, bullets: bool) -> list[Block]:  # noqa: C901, PLR0912, PLR0915 - one pass over the text
    """The blocks of the Word original of synthetic plan ``name``."""
    meta = _expected_meta(name)
    raw = (SYNTHETIC / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    lines = [_clean(line) for line in raw]
    title_at = next(i for i, line in enumerate(lines) if line in KINDS)
    masthead_from = next(i for i, line in enumerate(lines) if "NHÂN DÂN" in line or line.startswith("UBND"))
    blocks: list[Block] = [_masthead(meta, "\n".join(raw[masthead_from:title_at]))]
    lists = Lists(second)
    i = title_at
    closing_done = False
    seen_title = False
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        if line in KINDS and not (seen_title and line == "QUYẾT ĐỊNH"):
            subject: list[str] = []
            j = i + 1
            while j < len(lines) and lines[j] and not lines[j].startswith(BODY_STARTS) and lines[j] not in KINDS:
                subject.append(lines[j])
                j += 1
            page_break = seen_title
            blocks.append(Para(line, bold=True, center=True, page_break=page_break))
            if subject:
                blocks.append(Para(subject[0], bold=True, center=True, breaks=tuple(subject[1:])))
            seen_title = True
            i = j
            continue
        if line.startswith("Nơi nhận") and not closing_done:
            blocks.append(_closing(meta))
            closing_done = True
            i += 1
            while i < len(lines) and lines[i] not in ("PHỤ LỤC", *KINDS):
                i += 1
            continue
        if line == "PHỤ LỤC":
            blocks.append(Para(line, bold=True, center=True, landscape=True))
            i += 1
            continue
        if raw[i].lstrip().startswith("|") or raw[i].count("\t") >= 3:
            rows: list[list[str]] = []
            while i < len(raw) and (raw[i].lstrip().startswith("|") or raw[i].count("\t") >= 3):
                if not re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*", raw[i].strip()):
                    rows.append(_cells(raw[i].strip()))
                i += 1
            # a pipe "table" of two columns without a heading is the signature block, handled above
            blocks.append(_table(rows, lists, number_stt=name == "xa-2022-chi-phu-luc"))
            continue
        if line.startswith("(") and line.endswith(")"):
            blocks.append(Para(line, italic=True, center=True))
        else:
            blocks.append(_numbered(line, lists, bullets))
        i += 1
    return blocks


# --- expected blocks ----------------------------------------------------------------------------


def _cell_text(cell: CellSpec, label: str | None) -> str:
    if label is not None:
        return label
    return "\n".join(cell.lines).strip()


def expected(blocks: list[Block]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    lists = Lists("letter")  # STT labels only
    for block in blocks:
        if isinstance(block, Para):
            first = f"{block.label} {block.text}" if block.label else block.text
            out.extend({"line": text} for text in (first, *block.breaks) if text.strip())
            continue
        if block.layout:
            columns = max(len(row) for row in block.rows)
            for column in range(columns):
                for row in block.rows:
                    if column < len(row):
                        out.extend({"line": text} for text in row[column].lines if text.strip())
            continue
        cells: list[list[object]] = []
        spans: dict[int, list[object]] = {}
        for r, row in enumerate(block.rows, start=1):
            c = 1
            for cell in row:
                if cell.merge == "continue":
                    spans[c][2] = int(str(spans[c][2])) + 1  # rows of the cell above grows
                    c += cell.span
                    continue
                label = lists.advance("stt", 0) if cell.numbered else None
                entry: list[object] = [r, c, 1, cell.span, _cell_text(cell, label)]
                cells.append(entry)
                spans[c] = entry
                c += cell.span
        out.append({"table": cells})
    return out


# --- writing the Word file ----------------------------------------------------------------------


def _abstract(abstract_id: int, levels: list[tuple[str, str, str]]) -> str:
    xml = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">']
    xml.append('<w:multiLevelType w:val="multilevel"/>')
    for level, (fmt, text, suffix) in enumerate(levels):
        xml.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
        )
    xml.append("</w:abstractNum>")
    return "".join(xml)


def _add_numbering(document: DocxDocument, second: str) -> dict[str, int]:
    numbering = document.part.numbering_part.element
    third = ("lowerLetter", "%3)", "space") if second == "letter" else ("decimal", "%2.%3.", "space")
    definitions = {
        "plan": [("upperRoman", "%1.", "space"), ("decimal", "%2.", "space"), third],
        "bullet": [("bullet", "-", "space")],
        "article": [("decimal", "Điều %1.", "space")],
        "stt": [("decimal", "%1", "nothing")],
    }
    ids: dict[str, int] = {}
    first_num = numbering.find(qn("w:num"))
    for offset, (name, levels) in enumerate(definitions.items()):
        abstract_id = 90 + offset
        element = parse_xml(_abstract(abstract_id, levels))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
        num_id = 90 + offset
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        )
        ids[name] = num_id
    return ids


def _set_numbering(paragraph: Paragraph, num_id: int, level: int) -> None:
    p_pr: Any = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    p_pr.append(num_pr)


def _page_field(paragraph: Paragraph) -> None:
    run: Any = paragraph.add_run()._r
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run.append(instr)
        elif kind == "text":
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)


def _borderless(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"
    )
    tbl_pr.append(borders)  # type: ignore[arg-type]


def _write_cell(cell: DocxCell, spec: CellSpec, ids: dict[str, int], layout: bool) -> None:
    paragraph = cell.paragraphs[0]
    for index, text in enumerate(spec.lines or [""]):
        if index:
            paragraph = cell.add_paragraph()
        if layout:
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if text != "Nơi nhận:" and not text.startswith("- ") else None
            )
        for part_index, part in enumerate(text.split("\n")):
            run = paragraph.add_run(part)
            run.bold = spec.bold or text == "Nơi nhận:"
            if part_index:
                run._r.addprevious(_break_run())
        if layout and text.startswith("- "):
            for run in paragraph.runs:
                run.font.size = Pt(11)
    if spec.numbered:
        _set_numbering(paragraph, ids["stt"], 0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _break_run() -> Any:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run


def _write_table(document: DocxDocument, spec: TableSpec, ids: dict[str, int]) -> None:  # noqa: C901, PLR0912
    columns = max(sum(cell.span for cell in row) for row in spec.rows)
    table = document.add_table(rows=len(spec.rows), cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if spec.layout:
        _borderless(table)
    else:
        table.style = document.styles["Table Grid"]
    for r, row in enumerate(spec.rows):
        c = 0
        for cell_spec in row:
            cell = table.cell(r, c)
            if cell_spec.span > 1:
                cell = cell.merge(table.cell(r, c + cell_spec.span - 1))
            if cell_spec.merge is not None:
                tc_pr = cell._tc.get_or_add_tcPr()
                merge = OxmlElement("w:vMerge")
                if cell_spec.merge == "restart":
                    merge.set(qn("w:val"), "restart")
                tc_pr.append(merge)
            if cell_spec.merge != "continue":
                _write_cell(cell, cell_spec, ids, spec.layout)
            c += cell_spec.span
    if spec.header and not spec.layout:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    if spec.widths:
        for row in table.rows:
            for cell, width in zip(row.cells, spec.widths, strict=False):
                cell.width = Mm(width)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.first_line_indent = None
                paragraph.paragraph_format.space_after = Pt(0)
                if not spec.layout:
                    for run in paragraph.runs:
                        run.font.size = Pt(11)


def _a4(section: Section, landscape: bool = False) -> None:
    width, height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = Mm(30) if not landscape else Mm(20)
    section.right_margin = Mm(15)


def write_docx(blocks: list[Block], path: Path, second: str, footer: str | None) -> None:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    ids = _add_numbering(document, second)
    section = document.sections[0]
    _a4(section)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)
    if footer:
        for part in (section.footer, section.first_page_footer):
            paragraph = part.paragraphs[0]
            paragraph.text = footer
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.runs[0].italic = True
            paragraph.runs[0].font.size = Pt(10)
    for block in blocks:
        if isinstance(block, TableSpec):
            _write_table(document, block, ids)
            continue
        if block.landscape:
            new = document.add_section(WD_SECTION.NEW_PAGE)
            _a4(new, landscape=True)
        paragraph = document.add_paragraph()
        if block.page_break:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        run = paragraph.add_run(block.text)
        run.bold = block.bold
        run.italic = block.italic
        for extra in block.breaks:
            run = paragraph.add_run()
            run.add_break()
            run = paragraph.add_run(extra)
            run.bold = block.bold
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(3)
        if block.center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.first_line_indent = Mm(10)
        if block.numbering is not None:
            name, level = block.numbering
            _set_numbering(paragraph, ids[name], level)
    document.core_properties.author = "parplan tests"
    document.save(str(path))


# --- conversions --------------------------------------------------------------------------------


def _run(args: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    """Run one of the tools this script needs (found on the PATH), with this script's own arguments."""
    program = shutil.which(args[0]) or args[0]
    options.setdefault("check", True)
    return subprocess.run([program, *args[1:]], **options)  # type: ignore[call-overload,no-any-return]  # noqa: S603, PLW1510 - our tools


def _soffice(args: list[str], outdir: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        _run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args, "--outdir", str(outdir)],
            check=True,
            capture_output=True,
            timeout=300,
        )


def to_pdf(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        _soffice(["--convert-to", "pdf", str(source)], Path(out))
        shutil.move(Path(out) / f"{source.stem}.pdf", target)


def example_documents() -> None:
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        html = work / "son-chau-2022.html"
        _run(
            [
                sys.executable,
                "-m",
                "parplan",
                "render",
                str(ROOT / "examples" / "son-chau-2022.json"),
                "--format",
                "html",
                "-o",
                str(html),
            ],
            check=True,
        )
        _soffice(["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", str(html)], work)
        shutil.copy(work / "son-chau-2022.docx", HERE / "son-chau-2022.docx")
        html = work / "son-giang-2021.html"
        _run(
            [
                sys.executable,
                "-m",
                "parplan",
                "render",
                str(ROOT / "examples" / "son-giang-2021.json"),
                "--format",
                "html",
                "-o",
                str(html),
            ],
            check=True,
        )
        _run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--print-to-pdf={work / 'my.pdf'}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copy(work / "my.pdf", HERE / "son-giang-2021.chromium.pdf")


def _age(png: Path, out: Path, seed: str, angle: str) -> None:
    """A page as a scanner gives it: a little rotated, blurred, speckled, black and white."""
    _run(
        [
            "convert",
            str(png),
            "-seed",
            seed,
            "-background",
            "white",
            "-rotate",
            angle,
            "-blur",
            "0x0.7",
            "-attenuate",
            "0.3",
            "+noise",
            "Gaussian",
            "-threshold",
            "55%",
            "-type",
            "bilevel",
            "-define",
            "png:bit-depth=1",
            "-density",
            "200",
            "-units",
            "PixelsPerInch",
            str(out),
        ],
        check=True,
    )


def scans() -> None:
    import img2pdf  # needed here only: pip install img2pdf (ImageMagick may not write PDF)

    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        source = HERE / "xa-2023-theo-linh-vuc.pdf"
        info = _run(["pdfinfo", str(source)], capture_output=True, text=True).stdout
        found = re.search(r"Pages:\s+(\d+)", info)
        assert found is not None
        pages = int(found.group(1))
        images = []
        for number, angle in ((1, "0.6"), (pages, "-0.8")):
            _run(
                [
                    "pdftoppm",
                    "-r",
                    "200",
                    "-gray",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    "-png",
                    str(source),
                    str(work / f"p{number}"),
                ],
                check=True,
            )
            [png] = sorted(work.glob(f"p{number}*.png"))
            aged = work / f"aged{number}.png"
            _age(png, aged, "7", angle)
            images.append(aged)
        (HERE / "scan-xa-2023-theo-linh-vuc.pdf").write_bytes(img2pdf.convert([str(image) for image in images]))
        source = HERE / "huyen-2019-kiem-tra.pdf"
        _run(["pdftoppm", "-r", "200", "-gray", "-f", "1", "-l", "1", "-png", str(source), str(work / "h")], check=True)
        [png] = sorted(work.glob("h*.png"))
        _age(png, HERE / "scan-huyen-2019-kiem-tra.png", "11", "-0.4")


def bad_documents() -> None:
    bad = HERE / "bad"
    bad.mkdir(exist_ok=True)
    small = bad / "small.docx"
    _small_docx(small)
    good = small.read_bytes()
    # a zip bomb: a Word file whose document part expands 1000 times (10 MB from 10 KB)
    with (
        zipfile.ZipFile(small) as source,
        zipfile.ZipFile(bad / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<!--" + b" " * 10_000_000 + b"--></w:body>")
            target.writestr(item.filename, data)
    # a Word file whose central directory declares a small size for a part that expands much more
    lying = bytearray(_with_lying_size(good))
    (bad / "lying-sizes.docx").write_bytes(bytes(lying))
    # a corrupt Word file: the first half of a good one
    (bad / "truncated.docx").write_bytes(good[: len(good) // 2])
    # a PDF cut in the middle, and one whose pages were all dropped
    to_pdf(small, bad / "small.pdf")
    pdf = (bad / "small.pdf").read_bytes()
    (bad / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    # an encrypted PDF (user password "secret"), through LibreOffice's PDF export options
    with tempfile.TemporaryDirectory() as out:
        _soffice(
            [
                "--convert-to",
                (
                    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                    '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
                ),
                str(small),
            ],
            Path(out),
        )
        shutil.move(Path(out) / "small.pdf", bad / "encrypted.pdf")
    # an encrypted Word file (password "secret"), as Word writes it: an OLE compound file holding the package
    import msoffcrypto.format.ooxml  # needed here only: pip install msoffcrypto-tool

    with small.open("rb") as plain, (bad / "encrypted.docx").open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", out)


def _small_docx(path: Path) -> None:
    """A Word file of three paragraphs, written part by part (python-docx's template weighs 36 KB)."""
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for text in ("ỦY BAN NHÂN DÂN XÃ THỬ", "KẾ HOẠCH", "Cải cách hành chính năm 2024")
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{relationships}">'
            f'<Relationship Id="rId1" Type="{office}" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{main}">'
            f"<w:body>{paragraphs}<w:sectPr/></w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode())


def _with_lying_size(data: bytes) -> bytes:
    """A copy of the zip ``data`` where word/document.xml claims to expand to 64 bytes only."""
    out = bytearray(data)
    name = b"word/document.xml"
    # central directory entries: signature PK\x01\x02, uncompressed size at offset 24
    start = 0
    while (start := out.find(b"PK\x01\x02", start)) != -1:
        length = int.from_bytes(out[start + 28 : start + 30], "little")
        if out[start + 46 : start + 46 + length] == name:
            out[start + 24 : start + 28] = (64).to_bytes(4, "little")
        start += 4
    start = 0
    while (start := out.find(b"PK\x03\x04", start)) != -1:
        length = int.from_bytes(out[start + 26 : start + 28], "little")
        if out[start + 30 : start + 30 + length] == name:
            out[start + 22 : start + 26] = (64).to_bytes(4, "little")
        start += 4
    return bytes(out)


def main(steps: list[str]) -> None:
    if steps:
        for step in steps:
            globals()[step]()
        return
    for name, (second, bullets, footer) in DOCUMENTS.items():
        blocks = describe(name, second, bullets)
        write_docx(blocks, HERE / f"{name}.docx", second, footer)
        (HERE / f"{name}.expected.json").write_text(
            json.dumps(
                {"source": f"tests/documents/synthetic/{name}.txt", "blocks": expected(blocks)},
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        to_pdf(HERE / f"{name}.docx", HERE / f"{name}.pdf")
        sys.stdout.write(f"made {name}\n")
    example_documents()
    scans()
    bad_documents()
    sys.stdout.write("made the example, scanned and bad documents\n")


if __name__ == "__main__":
    zlib.compress(b"")  # zlib must be present for the zip bomb
    main(sys.argv[1:])
