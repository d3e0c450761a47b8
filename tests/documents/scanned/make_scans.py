"""Build ``tests/documents/scanned``: the development documents printed, scanned, aged and read by tesseract.

Run by hand from the repository root (it is not a test; the tests read only the
TSV files it writes and need none of the tools)::

    python tests/documents/scanned/make_scans.py                # rewrites the TSV files and manifest.toml
    python tests/documents/scanned/make_scans.py --work /tmp/s --keep   # keeps HTML, PDF and page images
    python tests/documents/scanned/make_scans.py --only son-giang-2021  # one document
    python tests/documents/scanned/make_scans.py --released heldout15   # a released held-out set (eng, light)

It needs ``chromium``, ``pdftoppm`` (poppler-utils), ``convert`` (ImageMagick) and
``tesseract`` with the ``eng`` and ``vie`` models.

1. Documents: ``tests/documents/real/*.txt`` and ``tests/documents/synthetic/*.txt`` (never the
   held-out ``unseen`` documents) but the two longest (:data:`SKIPPED`); every one at the light
   level with ``eng``, :data:`VIE_ONLY` with ``vie`` too, :data:`HEAVY` at the heavy level.
2. Typesetting (:func:`typeset`): the text as written, one printed line per line of the text, as a
   Word page would print it: A4, margins 20 mm top and bottom, 30 mm left, 20 mm right (Decree 30),
   Liberation Serif (metric twin of Times New Roman) 13 pt. The masthead (the lines before the
   first line in capitals that is not a masthead line) is printed as the two columns it was
   flattened from: split at ``|``, a tab, a run of three spaces, or before "CỘNG HÒA", "Độc lập"
   and "<place>, ngày"; both columns centred, in bold where Decree 30 prints bold. Lines cut by
   ``|`` or tabs after the masthead are table rows with ruled cells (a ``| --- |`` rule row is
   dropped); a table a legal database's copy wrote one cell a line between lone ``|`` lines (a Word
   table's cells flattened) is printed as the ruled table it was, its rows as
   :mod:`parplan.read.cell_lines` rebuilds them from the text; a numbered row the copy cut at a line
   break inside a cell (the row short of the header's width, the next line its other cells, opening
   with no number) is printed as the one row it was, a group's title on a line of its own between
   numbered rows as a row across the table (as Word merges it), and a table a PDF's text laid out by runs of
   spaces under a header opening with "STT" or "TT" as the ruled table it was
   (:func:`_spaced_tables`); ``**bold**`` marks are printed bold;
   a lone line in capitals is centred and bold.
   Where blank lines alternate with text lines (a PDF extraction) single blank lines are ignored.
3. Printing: headless Chromium prints the page to PDF.
4. Scanning: ``pdftoppm -gray -r DPI`` rasterises each page, ImageMagick ages it at one of two
   :data:`LEVELS`; the page's rotation sign alternates with the page (even pages turn clockwise).
5. OCR: ``tesseract PAGE stdout -l MODEL --psm 3 --dpi DPI tsv`` (psm 3 and the page's dpi are
   what :mod:`parplan.read.formats.ocr` uses), one thread per process, two processes.
6. Writing: ``<model>-<level>/<name>.tsv``: tesseract's TSV of every page, the pages one after
   another with their ``page_num``; only the page rows (level 1, which give the page's size in
   pixels) and the word rows with text (level 5) are kept. :func:`parplan.read.formats.ocr.load_tsv`
   reads them as :func:`parplan.read` reads a scan. ``manifest.toml`` records the tools' versions,
   the options and the pages.

``--released SET`` (repeatable) makes the scans of a held-out set released after its blind measures
(:data:`RELEASED`: ``tests/documents/<SET>/*.txt``, plans the reader was not written on) the same way,
every document at the light level with ``eng`` only, into ``released-eng-light/<SET>/<name>.tsv``;
their pages are recorded in ``manifest.toml`` as ``"<SET>/<name>"``. A set still held out is refused.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from parplan.read.cell_lines import closed_cell_table, pipe_cell_table
from parplan.read.lines import TextLine

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SOURCES = (ROOT / "tests" / "documents" / "real", ROOT / "tests" / "documents" / "synthetic")
FONT = "Liberation Serif"
FONT_SIZE = "13pt"


@dataclass(frozen=True)
class Level:
    """How a page is scanned and aged."""

    name: str
    dpi: int
    angle: float
    blur: float
    noise: float
    contrast: tuple[int, int]
    """``+level`` black and white points in percent: the page greyer and the ink paler."""
    jpeg: int
    """JPEG quality, 0 = PNG."""

    def convert_args(self, page: int) -> list[str]:
        """The ImageMagick operations, in the order a scan suffers them; seeded by the page number."""
        angle = self.angle if page % 2 == 0 else -self.angle
        args = ["-colorspace", "Gray", "-seed", str(1000 + page)]
        if angle:
            args += ["-background", "white", "-virtual-pixel", "background", "-distort", "SRT", f"{angle}"]
        if self.blur:
            args += ["-blur", f"0x{self.blur}"]
        args += ["+level", f"{self.contrast[0]}%,{self.contrast[1]}%"]
        if self.noise:
            args += ["-attenuate", f"{self.noise}", "+noise", "Gaussian"]
        if self.jpeg:
            args += ["-quality", str(self.jpeg)]
        return args


LEVELS = {
    "light": Level("light", dpi=250, angle=0.4, blur=0.5, noise=0.3, contrast=(4, 96), jpeg=0),
    "heavy": Level("heavy", dpi=200, angle=1.2, blur=0.8, noise=0.7, contrast=(12, 85), jpeg=45),
}
"""light: a good office scan; heavy: a photocopy scanned at 200 dpi, skewed, blurred, grey and JPEG-compressed."""

RUNS = (("eng", "light"), ("vie", "light"), ("eng", "heavy"))
VIE_ONLY = ("son-giang-2021", "xa-2021-phan-cong")
"""The documents also read with ``vie`` (light level only): one real plan and one synthetic plan."""
HEAVY = (
    "son-giang-2021",
    "xa-2021-phan-cong",
    "xa-2023-theo-linh-vuc",
    "huyen-2019-kiem-tra",
    "thi-tran-2025-giao-theo-muc",
    "xa-2024-khac-phuc",
)
"""The documents also scanned at the heavy level (one real plan, five synthetic ones of varied layout)."""
RELEASED = ("heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout17", "heldout19", "heldout24")
"""The held-out sets released after their blind measures whose scans are made (``--released``)."""
SKIPPED = ("mang-yang-2021", "son-chau-2022")
"""The two longest plans (26 and 13 pages), left out: OCR on the shared two-core machine took too long."""


def wanted(name: str, model: str, level: str) -> bool:
    """Whether the document is read at this level with this model."""
    if name in SKIPPED:
        return False
    if model == "vie":
        return name in VIE_ONLY
    return level == "light" or name in HEAVY


def say(message: str) -> None:
    """Progress on standard error."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def tool(name: str) -> str:
    """The full path of a tool; exits with a message when it is missing."""
    path = shutil.which(name)
    if path is None:
        raise SystemExit(
            f"make_scans: {name} is needed (apt-get install chromium poppler-utils imagemagick tesseract-ocr-vie)"
        )
    return path


def run(args: list[str], *, timeout: float = 600) -> str:
    """Run a tool and return its standard output; fail loudly with its error output."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(args, capture_output=True, text=True, check=False, env=env, timeout=timeout)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def versions() -> dict[str, str]:
    """The first line each tool gives about its version."""

    def first(args: list[str]) -> str:
        done = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603 - our tools
        lines = (done.stdout + done.stderr).strip().splitlines()
        return lines[0].strip() if lines else "unknown"

    return {
        "tesseract": first([tool("tesseract"), "--version"]),
        "chromium": first([tool("chromium"), "--version"]),
        "pdftoppm": first([tool("pdftoppm"), "-v"]),
        "imagemagick": first([tool("convert"), "-version"]),
    }


# -- typesetting -----------------------------------------------------------------------------------

_RIGHT_COLUMN = re.compile(r"\s(?=CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập|ĐỘC\s+LẬP|[A-ZĐÂÊÔƠƯÀ-Ỹ][\wÀ-ỹ .]{1,30},\s+ngày\b)")


def _cells(line: str) -> list[str] | None:
    """The cells of a line cut by ``|`` or tabs (not a leading tab alone), else None."""
    body = line.strip()
    if "|" in body:
        cells = [c.strip() for c in body.strip("|").split("|")]
        return cells if len(cells) > 1 or body.startswith("|") else None
    inner = line.strip("\t ")
    if "\t" in inner:
        return [c.strip() for c in inner.split("\t")]
    return None


_ROW_NUMBER = re.compile(r"^(?:[0-9]{1,3}(?:\.[0-9]{1,2})*|[IVX]{1,5})[.)]?$")


_GROUP_TITLE = re.compile(r"^(?:[IVX]{1,5}|[0-9]{1,2})\.\s+\S")
"""A group's title on a line of its own between a table's rows cut by tabs ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")."""


def _numbered_row(line: str) -> bool:
    """Whether a line is a table's row opening with its number (not the header of a table of its own)."""
    cells = _cells(line)
    return cells is not None and bool(_ROW_NUMBER.match(cells[0]))


def _goes_on(table: list[list[str]], cells: list[str]) -> bool:
    """Whether ``cells`` are the rest of the table's last row, cut by a line break in one of its cells.

    The row before is numbered and short of the header's width by the cells this line brings, less
    the one they share; this line opens with no row number.
    """
    if len(table) < 2 or not cells or _ROW_NUMBER.match(cells[0]):
        return False
    width, last = len(table[0]), table[-1]
    return bool(_ROW_NUMBER.match(last[0])) and len(last) < width and len(last) + len(cells) - 1 == width


def _masthead_columns(line: str) -> tuple[str, str]:
    """A flattened masthead line as its two columns (left, right)."""
    cells = _cells(line)
    if cells:
        filled = [c for c in cells if c]
        if len(filled) >= 2:
            return filled[0], " ".join(filled[1:])
        return (filled[0], "") if cells[0] else ("", filled[0] if filled else "")
    parts = re.split(r"\s{3,}", line.strip())
    if len(parts) >= 2:
        return parts[0], " ".join(parts[1:])
    match = _RIGHT_COLUMN.search(line.strip())
    if match:
        text = line.strip()
        return text[: match.start()].strip(), text[match.start() :].strip()
    return line.strip(), ""


def _masthead_end(lines: list[str]) -> int:
    """How many lines the masthead takes: up to the kind line ("KẾ HOẠCH" …) or past the place-and-date line.

    A document with neither in its first 14 lines (a copy from a web page) has no masthead.
    """
    for index, line in enumerate(lines[:14]):
        text = line.strip().strip("*|").strip()
        if re.match(r"^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|CHƯƠNG TRÌNH)\b", text):
            return index
        if re.search(r"ngày\s.{0,12}tháng\s.{0,6}năm\s+\d{4}", text):
            return index + 1
    return 0


def _inline(text: str) -> str:
    escaped = html.escape(text)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped).replace("**", "")


def _cell_tables(lines: list[str], head: int) -> dict[int, tuple[list[list[str]], int]]:
    """The tables a legal database's copy wrote one cell a line between lone ``|`` lines, by their first line.

    Such a copy comes from a Word table: it is printed as that table, its rows as the reader rebuilds them
    from the text (:mod:`parplan.read.cell_lines`), with the index of the line after it.
    """
    text_lines = [TextLine(line.strip(), number) for number, line in enumerate(lines, start=1)]
    found: dict[int, tuple[list[list[str]], int]] = {}
    index = head
    while index < len(lines) - 1:
        result = None
        if lines[index].strip() not in {"", "|"} and lines[index + 1].strip() == "|":
            result = pipe_cell_table(text_lines, index, "table") or closed_cell_table(text_lines, index, "table")
        if result is None:
            index += 1
            continue
        grid, end = result
        found[index] = ([[cell.text for cell in row] for row in grid.rows], end)
        index = max(end, index + 1)
    return found


_SPACED_CELL = re.compile(r"\S+(?: \S+)*")
"""A cell of a table a PDF's text keeps by spaces: words a single space apart (two or more part the cells)."""


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    return [(match.start(), match.group()) for match in _SPACED_CELL.finditer(line)]


def _spaced_column(starts: list[int], start: int, text: str) -> int:
    """The column a piece of a spaced row goes to: the one whose span under the header it covers most.

    A column spans from its name's start to the next name's; a PDF's cells need not start where their names do
    (a name centred over its column, a row's text starting right of a wide "STT").
    """
    if start + 2 < starts[0]:
        return 0
    bounds = [*starts[1:], max(start + len(text), starts[-1]) + 1]
    covered = [min(start + len(text), end) - max(start, begin) for begin, end in zip(starts, bounds, strict=True)]
    if start > starts[0] + 1:
        covered[0] = 0  # the first column is the row's number's: a piece right of it is another cell
    best = max(covered)
    if best <= 0:
        return max(n for n, at in enumerate(starts) if at <= start + 2)
    return covered.index(best)


def _spaced_edge(edges: list[int], start: int) -> int:
    """The column a piece starting at ``start`` goes to: the last whose edge is at or left of it."""
    return max((n for n, at in enumerate(edges) if at <= start + 2), default=0)


def _spaced_edges(blocks: list[list[str]], starts: list[int]) -> list[int]:
    """The columns' left edges under a spaced header: where its numbered lines' cells start, if they agree.

    A PDF's cells need not start where their names do (a name centred over its column); the edges where two
    numbered lines' cells start alike, and a third of them at least, are the columns' when there are as many as
    names. Otherwise the names' starts.
    """
    numbered = [
        pieces
        for block in blocks
        for pieces in (_spaced_cells(line) for line in block)
        if pieces[0][0] <= starts[0] + 1 and _ROW_NUMBER.match(pieces[0][1])
    ]
    counts: dict[int, int] = {}
    for pieces in numbered:
        for start in {start for start, _ in pieces[1:]}:
            counts[start] = counts.get(start, 0) + 1
    edges = sorted(at for at, count in counts.items() if count >= max(2, len(numbered) / 3))
    if len(edges) != len(starts) - 1 or edges[0] <= starts[0] + 1:
        return starts
    return [starts[0], *edges]


def _spaced_blocks(lines: list[str], begin: int, starts: list[int]) -> tuple[list[list[str]], int]:
    """The body's lines from ``begin`` to the table's end, cut into blocks at blank lines, and that end.

    The table ends at a line that starts left of it; a lone number (the page's, the text running over a page)
    is left out.
    """
    blocks: list[list[str]] = [[]]
    end = begin
    while end < len(lines):
        pieces = _spaced_cells(lines[end])
        if not pieces:
            if blocks[-1]:
                blocks.append([])
            end += 1
            continue
        if pieces[0][0] < starts[0] - 1:
            break  # a line left of the table: its end
        if not (len(pieces) == 1 and pieces[0][1].isdigit() and pieces[0][0] > starts[1] + 4):
            blocks[-1].append(lines[end])
        end += 1
    return [block for block in blocks if block], end


def _spaced_tables(lines: list[str], head: int) -> dict[int, tuple[list[list[str]], int]]:
    """The tables a PDF's text laid out by runs of spaces, by their header's line, printed as the tables they were.

    The header is a line opening with "STT" or "TT" whose names stand two spaces apart or more (three names at
    least); each later line's pieces go to the column they cover most under the names, a line with a number in
    the first column starts a row, and the table ends at a line that starts left of it. Where blank lines part
    the rows, a block of lines holding one number is that number's row, the lines above the number too (a PDF
    centres a row's number upright in its cells). A lone number (the page's) is left out.
    """
    found: dict[int, tuple[list[list[str]], int]] = {}
    index = head
    while index < len(lines):
        cells = _spaced_cells(lines[index])
        if len(cells) < 3 or cells[0][1] not in {"STT", "TT"} or "  " not in lines[index].strip():
            index += 1
            continue
        starts = [start for start, _ in cells]
        rows = [[text for _, text in cells]]
        blocks, end = _spaced_blocks(lines, index + 1, starts)
        edges = _spaced_edges(blocks, starts)
        own = bool(lines[index + 1].strip())  # the header's own block: its names' wrapped lines

        def numbered(line: str, starts: list[int] = starts) -> bool:
            pieces = _spaced_cells(line)
            return pieces[0][0] <= starts[0] + 1 and bool(_ROW_NUMBER.match(pieces[0][1]))

        for block in blocks:
            numbers = [line for line in block if numbered(line)]
            whole = len(numbers) == 1 and (block is not blocks[0] or not own or block[0] is numbers[0])
            for at, line in enumerate(block):
                pieces = _spaced_cells(line)
                header_goes_on = len(rows) == 1 and pieces[0][0] > starts[0] + 1
                opens = at == 0 if whole else numbered(line) or (len(rows) == 1 and not header_goes_on)
                row = [""] * len(starts) if opens else rows[-1]
                if row is not rows[-1]:
                    rows.append(row)
                for start, text in pieces:
                    column = _spaced_column(starts, start, text) if edges is starts else _spaced_edge(edges, start)
                    row[column] = f"{row[column]} {text}".strip()
        if len(rows) > 2:  # a header and two rows at least
            found[index] = (rows, end)
        index = end
    return found


def typeset(text: str) -> str:  # noqa: C901, PLR0915 - one branch per kind of line
    """The document as an HTML page that prints like a Word plan (see the module's docstring)."""
    lines = text.replace("\r\n", "\n").split("\n")
    blank = sum(1 for line in lines if not line.strip())
    double_spaced = blank >= 0.6 * (len(lines) - blank)
    head = _masthead_end(lines)
    body: list[str] = []
    masthead = [_masthead_columns(line) for line in lines[:head] if line.strip().strip("|").strip()]
    if masthead:
        rows = "".join(f"<tr><td>{_inline(left)}</td><td>{_inline(right)}</td></tr>" for left, right in masthead)
        body.append(f'<table class="masthead">{rows}</table>')
    table: list[list[str]] = []
    across: set[int] = set()  # the rows of ``table`` printed across it: groups' titles
    run_blank = 0
    copied = _cell_tables(lines, head) | _spaced_tables(lines, head)

    def flush() -> None:
        if table:
            width = max(len(row) for row in table)
            rows = "".join(
                f'<tr><td colspan="{width}">{_inline(row[0])}</td></tr>'
                if number in across
                else "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row + [""] * (width - len(row))) + "</tr>"
                for number, row in enumerate(table)
            )
            body.append(f'<table class="grid">{rows}</table>')
            table.clear()
            across.clear()

    index = head
    while index < len(lines):
        line = lines[index]
        index += 1
        if index - 1 in copied:  # a table a legal database's copy wrote one cell a line: printed as the table
            flush()
            table.extend(copied[index - 1][0])
            flush()
            index = copied[index - 1][1]
            run_blank = 0
            continue
        if not line.strip() or line.strip() == "|":
            run_blank += 1
            continue
        gap = run_blank >= (2 if double_spaced else 1)
        run_blank = 0
        cells = _cells(line)
        if cells is not None:
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            if _goes_on(table, cells):  # a row the copy cut at a line break inside a cell: one row, as printed
                table[-1] = [*table[-1][:-1], f"{table[-1][-1]} {cells[0]}", *cells[1:]]
                continue
            table.append(cells)
            continue
        following = next((n for n in lines[index:] if n.strip()), "")
        if table and _GROUP_TITLE.match(line.strip()) and _numbered_row(following):
            across.add(len(table))  # a group's title between rows: a row across the table, as Word merges it
            table.append([line.strip()])
            continue
        flush()
        text_line = line.strip()
        classes = []
        if gap:
            classes.append("gap")
        if line[:1] in {"\t", " "} and not double_spaced:
            classes.append("indent")
        plain = text_line.replace("**", "")
        if (
            plain == plain.upper()
            and any(c.isalpha() for c in plain)
            and len(plain) < 90
            and not re.match(r"^[IVX]+\.|^\d", plain)
        ):
            classes.append("title")
        attribute = f' class="{" ".join(classes)}"' if classes else ""
        body.append(f"<p{attribute}>{_inline(text_line)}</p>")
    flush()
    style = f"""
@page {{ size: A4; margin: 20mm 20mm 20mm 30mm; }}
body {{ font-family: '{FONT}'; font-size: {FONT_SIZE}; line-height: 1.3; margin: 0; }}
p {{ margin: 0; text-align: justify; }}
p.gap {{ margin-top: 0.45em; }}
p.indent {{ text-indent: 1.2cm; }}
p.title {{ text-align: center; font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.3em 0; }}
table.masthead td {{ text-align: center; vertical-align: top; padding: 0 0.3em; font-size: 12.5pt; }}
table.masthead td:first-child {{ width: 42%; }}
table.masthead tr:first-child td, table.masthead tr:nth-child(2) td {{ font-weight: bold; }}
table.grid td {{ border: 0.8pt solid black; padding: 2pt 3pt; vertical-align: top; font-size: 12pt; }}
"""
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>'
        + style
        + "</style></head><body>"
        + "\n".join(body)
        + "</body></html>"
    )


# -- printing, scanning, OCR -----------------------------------------------------------------------


def print_pdf(page: Path, pdf: Path) -> None:
    """The HTML page printed to PDF by headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        run(
            [
                tool("chromium"),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                page.as_uri(),
            ],
            timeout=180,
        )


def rasterise(pdf: Path, dpi: int) -> list[Path]:
    """The pages of ``pdf`` rasterised in grey at ``dpi``, in order (made once per resolution)."""
    stem = pdf.parent / f"print-{dpi}"
    pages = int(re.search(r"^Pages:\s+(\d+)", run([tool("pdfinfo"), str(pdf)]), re.MULTILINE)[1])  # type: ignore[index]
    if len(list(pdf.parent.glob(f"print-{dpi}-*.png"))) != pages:
        run([tool("pdftoppm"), "-gray", "-r", str(dpi), "-png", str(pdf), str(stem)])
    return sorted(pdf.parent.glob(f"print-{dpi}-*.png"))


def age(printed: Path, level: Level, number: int) -> Path:
    """Page ``number`` aged at ``level`` (made once)."""
    aged = printed.parent / f"{level.name}-{level.dpi}-{number:02d}.{'jpg' if level.jpeg else 'png'}"
    if not aged.exists():
        run([tool("convert"), str(printed), *level.convert_args(number), str(aged)])
    return aged


def ocr(image: Path, model: str, dpi: int) -> str:
    """Tesseract's TSV of one page (kept beside the image, so a second run reads it again only if missing)."""
    cached = image.with_suffix(f".{model}.tsv")
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    tsv = run([tool("tesseract"), str(image), "stdout", "-l", model, "--psm", "3", "--dpi", str(dpi), "tsv"])
    cached.write_text(tsv, encoding="utf-8")
    return tsv


def keep_rows(tsv: str, page: int) -> list[str]:
    """The page row and the word rows with text of one page's TSV, numbered as page ``page``."""
    kept = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        if cells[0] == "1" or (cells[0] == "5" and cells[11].strip()):
            cells[1] = str(page)
            kept.append("\t".join(cells))
    return kept


HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def documents(only: set[str] | None) -> list[Path]:
    """The development documents (never the held-out ones), shortest first."""
    found = sorted(
        (path for folder in SOURCES for path in folder.glob("*.txt")), key=lambda p: (p.stat().st_size, p.name)
    )
    return [path for path in found if only is None or path.stem in only]


def main() -> None:
    """Print, scan, age, OCR and write every document."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--only", action="append", help="only this document (by name); repeatable")
    parser.add_argument("--released", action="append", choices=RELEASED, help="a released held-out set; repeatable")
    arguments = parser.parse_args()
    if arguments.released:
        only_released = set(arguments.only) if arguments.only else None
        make_released(arguments.released, arguments.work, keep=arguments.keep, only=only_released)
        return
    work = arguments.work or Path(tempfile.mkdtemp(prefix="make-scans-"))
    work.mkdir(parents=True, exist_ok=True)
    only = set(arguments.only) if arguments.only else None
    pages_of: dict[str, int] = {}
    jobs: list[tuple[str, str, str, int, Path]] = []  # name, model, level, page, image
    futures = []
    chosen = documents(only)
    with ThreadPoolExecutor(max_workers=2) as pool:  # pages are read while the next document prints
        for model, level_name in RUNS:  # every document at one level and model, then the next
            level = LEVELS[level_name]
            for path in chosen:
                if not wanted(path.stem, model, level_name):
                    continue
                folder = work / path.stem
                folder.mkdir(exist_ok=True)
                page = folder / "plan.html"
                page.write_text(typeset(path.read_text(encoding="utf-8")), encoding="utf-8")
                pdf = folder / "plan.pdf"
                if not pdf.exists():
                    print_pdf(page, pdf)
                images = rasterise(pdf, level.dpi)
                pages_of[path.stem] = len(images)
                for number, image in enumerate(images, start=1):
                    jobs.append((path.stem, model, level_name, number, image))
                    futures.append(
                        pool.submit(lambda i, m, lv, n: ocr(age(i, lv, n), m, lv.dpi), image, model, level, number)
                    )
                say(f"{model}-{level_name} {path.stem}: {len(images)} pages")
        results = [future.result() for future in futures]
    out: dict[tuple[str, str, str], list[str]] = {}
    for job, tsv in zip(jobs, results, strict=True):
        out.setdefault((job[0], job[1], job[2]), []).extend(keep_rows(tsv, job[3]))
    for (name, model, level_name), rows in out.items():
        folder = HERE / f"{model}-{level_name}"
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.tsv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    write_manifest(pages_of, whole=only is None)
    if not arguments.keep and arguments.work is None:
        shutil.rmtree(work)
    say("done")


def make_released(sets: list[str], work_dir: Path | None, *, keep: bool, only: set[str] | None = None) -> None:
    """Print, scan, age at the light level and OCR with ``eng`` the released ``sets`` (all, or ``only`` those)."""
    level = LEVELS["light"]
    work = work_dir or Path(tempfile.mkdtemp(prefix="make-scans-"))
    pages_of: dict[str, int] = {}
    for name in sets:
        out = HERE / "released-eng-light" / name
        out.mkdir(parents=True, exist_ok=True)
        paths = sorted((ROOT / "tests" / "documents" / name).glob("*.txt"))
        paths = [path for path in paths if only is None or path.stem in only]

        def one(path: Path, name: str = name) -> tuple[str, list[str]]:
            folder = work / name / path.stem
            folder.mkdir(parents=True, exist_ok=True)
            page = folder / "plan.html"
            page.write_text(typeset(path.read_text(encoding="utf-8")), encoding="utf-8")
            pdf = folder / "plan.pdf"
            if not pdf.exists():
                print_pdf(page, pdf)
            rows: list[str] = []
            images = rasterise(pdf, level.dpi)
            for number, image in enumerate(images, start=1):
                rows.extend(keep_rows(ocr(age(image, level, number), "eng", level.dpi), number))
            say(f"eng-light {name}/{path.stem}: {len(images)} pages")
            return path.stem, [HEADER, *rows]

        with ThreadPoolExecutor(max_workers=2) as pool:
            for stem, rows in pool.map(one, paths):
                (out / f"{stem}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
                pages_of[f"{name}/{stem}"] = len({row.split("\t")[1] for row in rows[1:] if row.startswith("1\t")})
    write_manifest(pages_of, whole=False)
    if not keep and work_dir is None:
        shutil.rmtree(work)
    say("done")


def write_manifest(pages_of: dict[str, int], whole: bool) -> None:
    """``manifest.toml``: tools, options, pages (merged with the old one when only some documents were made)."""
    manifest = HERE / "manifest.toml"
    old: dict[str, int] = {}
    if not whole and manifest.exists():
        pages_part = manifest.read_text(encoding="utf-8").partition("[pages]")[2]
        old = {m.group(1): int(m.group(2)) for m in re.finditer(r'^"([\w/-]+)" = (\d+)$', pages_part, re.MULTILINE)}
    pages = {**old, **pages_of}
    lines = [
        "# written by make_scans.py; see README.md",
        f'generated = "{datetime.now(UTC).date().isoformat()}"',
        f'font = "{FONT} {FONT_SIZE}"',
        'tesseract_options = "--psm 3 --dpi <level dpi> tsv, OMP_THREAD_LIMIT=1"',
        f"vie_documents = {list(VIE_ONLY)!r}".replace("'", '"'),
        f"heavy_documents = {list(HEAVY)!r}".replace("'", '"'),
        f"skipped_documents = {list(SKIPPED)!r}".replace("'", '"'),
        f"released_sets = {list(RELEASED)!r}".replace("'", '"'),
        "",
        "[tools]",
        *(f'{name} = "{version}"' for name, version in versions().items()),
    ]
    for level in LEVELS.values():
        lines += [
            "",
            f"[levels.{level.name}]",
            f"dpi = {level.dpi}",
            f"angle = {level.angle}",
            f"blur = {level.blur}",
            f"noise = {level.noise}",
            f"contrast = [{level.contrast[0]}, {level.contrast[1]}]",
            f"jpeg = {level.jpeg}",
            f'convert = "{" ".join(level.convert_args(2))}"',
        ]
    lines += ["", "[pages]", *(f'"{name}" = {count}' for name, count in sorted(pages.items()))]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
