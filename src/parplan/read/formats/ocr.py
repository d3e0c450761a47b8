"""Scans: images (PNG, JPEG, TIFF) and PDF pages without a text layer, read by tesseract.

Needs the tesseract program with its Vietnamese model (``apt install tesseract-ocr
tesseract-ocr-vie``) and pytesseract with Pillow and pypdfium2 (``pip install 'parplan[ocr]'``).
Without them a scan is refused with a :class:`~parplan.errors.ReadError` that says what to
install.

* **Language.** The Vietnamese model (``vie``) is used when installed, else English (``eng``),
  which loses most diacritics and misreads the words parplan's parsers look for ("trước",
  "số", "năm"): on parplan's scanned-phrase corpus 93.5 % of phrases read right with ``vie``,
  70 % with ``eng``. :attr:`SourceDocument.notes <parplan.read.source.SourceDocument.notes>`
  says which model read the document, and warns when it is ``eng``.
* **Pages.** PDF pages are rendered at 300 dpi (less for a page so large that it would pass
  :data:`~parplan.read.formats._limits.MAX_PIXELS`); an image is read at the resolution it
  declares, or the one an A4 page of its size would have. Tesseract reads each page with
  automatic page segmentation (``--psm 3``).
* **Lines.** The words tesseract finds are gathered into lines of print (words of two columns
  on one height make one line with two segments), then laid out by the same rules as a PDF's
  text (:mod:`parplan.read.formats._layout`): page numbers and running headers removed, the
  masthead and signature read column by column, the lines of a paragraph joined. Each
  :class:`~parplan.read.source.Line` keeps the mean of its words' confidences
  (``Line.confidence``, 0 to 100) and its page.
* **Tables.** A table whose header names its columns (STT, Nhiệm vụ, Chủ trì, Thời gian …,
  read through OCR's confusions) is rebuilt from the places of its words: the page's skew
  undone, columns where no word crosses, rows from the number column, a table running on
  over pages made one (:mod:`parplan.read.formats._ocr_tables`). Each
  :class:`~parplan.read.source.Cell` keeps the mean confidence of its words.

Bounds: at most :data:`~parplan.read.formats._limits.MAX_OCR_PAGES` pages, at most
:data:`~parplan.read.formats._limits.MAX_PIXELS` pixels a page, and
:data:`~parplan.read.formats._limits.OCR_TIMEOUT_SECONDS` seconds of tesseract a page.
"""

from __future__ import annotations

import itertools
import os
import statistics
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from parplan.errors import ReadError
from parplan.read.formats._layout import Glyph, Page, Row, assemble, segments
from parplan.read.formats._limits import MAX_OCR_PAGES, MAX_PIXELS, OCR_TIMEOUT_SECONDS, check_file
from parplan.read.formats._ocr_numerals import measure_quarters
from parplan.read.formats._ocr_tables import Columns, Word, find_tables, parted_at_rules
from parplan.read.source import DocumentFormat, SourceDocument

__all__ = ["load", "load_tsv", "read_pdf_pages"]

_DPI: Final = 300
_INSTALL: Final = "apt install tesseract-ocr tesseract-ocr-vie"
_PIP: Final = "pip install 'parplan[ocr]'"


@dataclass(frozen=True)
class _Engine:
    tesseract: Any  # the pytesseract module
    language: str
    version: str

    def notes(self) -> list[str]:
        note = f"OCR: tesseract {self.version}, language {self.language}"
        if self.language != "vie":
            note += (
                "; the Vietnamese model is not installed, so diacritics and key words are often misread "
                f"({_INSTALL} reads scans far better)"
            )
        return [note]


_engine_found: _Engine | None = None


def _engine(path: Path, what: str) -> _Engine:
    """Tesseract and its best language, or a :class:`ReadError` saying what to install."""
    global _engine_found  # noqa: PLW0603 - asking tesseract for its version and languages runs it: once is enough
    if _engine_found is not None:
        return _engine_found
    try:
        import pytesseract
    except ImportError:
        raise ReadError(
            str(path), f"{what} can only be read by OCR, which needs pytesseract ({_PIP}) and tesseract ({_INSTALL})"
        ) from None
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError, RuntimeError):
        raise ReadError(
            str(path), f"{what} can only be read by OCR, and the tesseract program is not installed ({_INSTALL})"
        ) from None
    language = next((name for name in ("vie", "eng") if name in languages), None)
    if language is None:
        raise ReadError(
            str(path),
            f"{what} can only be read by OCR, and tesseract has neither a Vietnamese nor an English model ({_INSTALL})",
        )
    _engine_found = _Engine(tesseract=pytesseract, language=language, version=version.split(maxsplit=1)[0])
    return _engine_found


def load(path: Path, *, max_bytes: int) -> SourceDocument:
    """The scanned image at ``path`` (every frame of a TIFF a page), read by OCR."""
    check_file(path, max_bytes)
    engine = _engine(path, "an image")
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - pytesseract requires Pillow
        raise ReadError(str(path), f"an image cannot be read without Pillow ({_PIP})") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ReadError(str(path), f"is refused: the image has more than {MAX_PIXELS} pixels") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise ReadError(str(path), f"is not an image parplan can read ({type(error).__name__}: {error})") from None
    pages: list[Page] = []
    running: Columns | None = None
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_OCR_PAGES:
            raise ReadError(str(path), f"is refused: it has {frames} pages (at most {MAX_OCR_PAGES} are read by OCR)")
        for index in range(frames):
            try:
                image.seek(index)
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ReadError(
                        str(path), f"is refused: page {index + 1} has {width * height} pixels (at most {MAX_PIXELS})"
                    )
                frame = image.convert("L") if image.mode != "1" else image.copy()  # grey: a byte a pixel at most
            except (OSError, ValueError, EOFError, SyntaxError) as error:
                raise ReadError(str(path), f"page {index + 1} of the image cannot be read ({error})") from None
            page, running = _read(engine, path, frame, index + 1, _image_dpi(image), running=running)
            pages.append(page)
    return assemble(path.name, pages, engine.notes(), DocumentFormat.SCAN)


def read_pdf_pages(path: Path, document: Any, numbers: list[int], *, whole: bool) -> tuple[dict[int, Page], list[str]]:
    """Pages ``numbers`` (from 1) of the open pypdfium2 ``document``, rendered and read by OCR.

    ``whole`` says the PDF has no text layer at all (the error then says so).
    """
    what = "this PDF has no text layer (a scan): it" if whole else "pages without a text layer"
    engine = _engine(path, what)
    if len(numbers) > MAX_OCR_PAGES:
        raise ReadError(str(path), f"is refused: {len(numbers)} pages to read by OCR (at most {MAX_OCR_PAGES})")
    import pypdfium2 as pdfium

    pages: dict[int, Page] = {}
    running: Columns | None = None
    for number in numbers:
        if number - 1 not in pages:
            running = None
        try:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                scale = _DPI / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / (width * height)) ** 0.5
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
        except pdfium.PdfiumError:
            raise ReadError(str(path), f"page {number} cannot be rendered for OCR") from None
        pages[number], running = _read(engine, path, image, number, scale * 72, running=running)
    return pages, engine.notes()


def _image_dpi(image: Any) -> float:
    declared = image.info.get("dpi")
    try:
        dpi = float(declared[0]) if declared else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if dpi >= 70:
        return min(dpi, 1200.0)
    # no resolution declared: the one an A4 page of this size would have
    return max(70.0, min(600.0, float(max(image.size)) / 11.69))


def _read(  # noqa: PLR0913 - the page and the table running on to it
    engine: _Engine, path: Path, image: Any, number: int, dpi: float, *, running: Columns | None
) -> tuple[Page, Columns | None]:
    tesseract = engine.tesseract
    try:
        data = tesseract.image_to_data(
            image,
            lang=engine.language,
            config=f"--psm 3 --dpi {round(dpi)}",
            output_type=tesseract.Output.DICT,
            timeout=OCR_TIMEOUT_SECONDS,
        )
    except RuntimeError:
        raise ReadError(str(path), f"page {number}: OCR took longer than {OCR_TIMEOUT_SECONDS} seconds") from None
    except (tesseract.TesseractError, OSError) as error:
        raise ReadError(str(path), f"page {number} could not be read by OCR ({error})") from None
    return _page(data, number, image.size, dpi, running)


def _page(
    data: dict[str, list[Any]], number: int, size: tuple[int, int], dpi: float, running: Columns | None = None
) -> tuple[Page, Columns | None]:
    """A page of print from tesseract's word data (its TSV columns, a list per column) for a page of ``size`` pixels.

    ``running`` are the columns of a table that ran to the foot of the page before; the
    columns of one that runs to this page's foot are returned with the page.
    """
    points = 72 / dpi
    width, height = size
    # a scan stands up to a degree or so askew: over a page, a line's end moves by up to 2.5 % of the page's width
    result = Page(number=number, width=width * points, height=height * points, slack=0.025 * width * points)
    words: list[Word] = []
    for index, text in enumerate(data["text"]):
        word = str(text).strip()
        confidence = float(data["conf"][index])
        if not word or confidence < 0:
            continue
        left, top = float(data["left"][index]) * points, float(data["top"][index]) * points
        right = left + float(data["width"][index]) * points
        bottom = top + float(data["height"][index]) * points
        key = (int(data["block_num"][index]), int(data["par_num"][index]), int(data["line_num"][index]))
        words.extend(parted_at_rules(Word(word, left, right, top, bottom, confidence, key)))
    measure_quarters(words)  # a quarter's Roman numeral damaged: its strokes counted by its width
    found = find_tables(words, (result.width, result.height), number, running)
    lines: dict[tuple[int, int, int], list[tuple[str, float, float, float, float, float]]] = {}
    for index in sorted(found.rest):
        kept = found.straight[index]  # the page's skew undone: a line's words level, a paragraph's lines aligned
        lines.setdefault(kept.line, []).append((kept.text, kept.x0, kept.x1, kept.top, kept.bottom, kept.confidence))
    result.glyphs = len(words)
    result.rows = _rows(list(lines.values()), number)
    result.pitch = _pitch(result.rows)
    result.tables = found.tables
    return result, found.running


_TSV_COLUMNS: Final = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
)


def load_tsv(  # noqa: C901 - check, parse, group by page, lay out
    path: str | os.PathLike[str], *, dpi: float | None = None, model: str | None = None
) -> SourceDocument:
    """A scan already read by tesseract: its TSV output (``tesseract PAGE out -l vie tsv``), pages one after another.

    The words are laid out as :func:`parplan.read` lays out a scan it reads itself, each line
    keeping its words' mean confidence. The TSV's page rows (level 1) give each page's size in
    pixels; ``dpi`` is the resolution the pages were scanned at (default: the one an A4 page of
    that size would have). ``model`` names the tesseract model that read it, for the notes.
    Pages are told apart by the ``page_num`` column. A file that is not tesseract's TSV is
    refused with a :class:`~parplan.errors.ReadError`.
    """
    file = Path(path)
    check_file(file, 100 * 1024 * 1024)
    try:
        rows = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ReadError(str(file), f"cannot be read as tesseract's TSV ({error})") from None
    header = rows[0].split("\t") if rows else []
    if any(column not in header for column in (*_TSV_COLUMNS, "text")):
        raise ReadError(str(file), "is not tesseract's TSV output (its first row names no level, left, conf, text …)")
    at = {column: header.index(column) for column in (*_TSV_COLUMNS, "text")}
    pages: dict[int, dict[str, list[Any]]] = {}
    sizes: dict[int, tuple[int, int]] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = row.split("\t")
        if len(cells) < len(header) - 1:
            continue
        try:
            page = int(cells[at["page_num"]])
            if cells[at["level"]] == "1":
                sizes[page] = (int(cells[at["width"]]), int(cells[at["height"]]))
                continue
            if cells[at["level"]] != "5":
                continue
            data = pages.setdefault(page, {column: [] for column in (*_TSV_COLUMNS, "text")})
            for column in _TSV_COLUMNS:
                data[column].append(float(cells[at[column]]))
            data["text"].append(cells[at["text"]] if len(cells) > at["text"] else "")
        except ValueError:
            raise ReadError(str(file), f"line {number} is not a row of tesseract's TSV") from None
    if len(pages) > MAX_OCR_PAGES:
        raise ReadError(str(file), f"is refused: it has {len(pages)} pages (at most {MAX_OCR_PAGES} are read by OCR)")
    read: list[Page] = []
    running: Columns | None = None
    for page, data in sorted(pages.items()):
        size = sizes.get(page) or (
            int(max(x + w for x, w in zip(data["left"], data["width"], strict=True))),
            int(max(t + h for t, h in zip(data["top"], data["height"], strict=True))),
        )
        resolution = dpi or max(70.0, min(600.0, float(max(size)) / 11.69))
        if read and read[-1].number != page - 1:
            running = None
        done, running = _page(data, page, size, resolution, running)
        read.append(done)
    note = f"OCR: tesseract's TSV read from {file.name}" + (f", language {model}" if model else "")
    return assemble(file.name, read, [note], DocumentFormat.SCAN)


def _pitch(rows: list[Row]) -> float:
    """The page's line pitch: the median distance between the baselines of rows one under the other; 0 if too few."""
    ordered = sorted(rows, key=lambda row: row.bottom)
    steps = [
        after.bottom - before.bottom
        for before, after in itertools.pairwise(ordered)
        if 0.5 * before.size < after.bottom - before.bottom < 4 * before.size
    ]
    return statistics.median(steps) if len(steps) >= 4 else 0.0


def _rows(lines: list[list[tuple[str, float, float, float, float, float]]], page: int) -> list[Row]:
    """Tesseract's lines as rows of print; lines of two columns standing at one height make one row."""
    boxes = []
    for words in lines:
        top = statistics.median(word[3] for word in words)
        bottom = statistics.median(word[4] for word in words)
        boxes.append((top, bottom, words))
    boxes.sort(key=lambda box: (box[0] + box[1]) / 2)
    groups: list[tuple[float, float, list[tuple[str, float, float, float, float, float]]]] = []
    for top, bottom, words in boxes:
        if groups:
            group_top, group_bottom, group_words = groups[-1]
            overlap = min(bottom, group_bottom) - max(top, group_top)
            if overlap > 0.5 * min(bottom - top, group_bottom - group_top):
                groups[-1] = (min(top, group_top), max(bottom, group_bottom), group_words + words)
                continue
        groups.append((top, bottom, list(words)))
    rows: list[Row] = []
    for top, bottom, words in groups:
        size = max(bottom - top, 1.0)  # tesseract's line box spans ascenders to descenders: about the font's size
        glyphs = [
            Glyph(
                char=word,
                x0=left,
                x1=right,
                top=word_top,
                bottom=word_bottom,
                baseline=bottom,
                size=size,
                space_before=True,
            )
            for word, left, right, word_top, word_bottom, _ in sorted(words, key=lambda word: word[1])
        ]
        parts = segments(glyphs, split=True)
        if not parts:
            continue
        confidences = [word[5] for word in words]
        rows.append(
            Row(
                segments=parts,
                top=top,
                bottom=bottom,
                baseline=bottom,
                size=size,
                page=page,
                confidence=statistics.fmean(confidences),
                words=len(confidences),
            )
        )
    return rows
