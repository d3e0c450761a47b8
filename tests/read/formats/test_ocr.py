"""The OCR reader: scanned PDFs and images through tesseract, its model named, confidences kept, bounds kept."""

from __future__ import annotations

import difflib
import importlib.util
import struct
import sys
import types
import zlib
from pathlib import Path
from typing import Any

import pytest

from formats_support import BAD, DOCUMENTS, needs_ocr, needs_pdf
from parplan.errors import ReadError
from parplan.read.formats import load_source, ocr
from parplan.read.source import DocumentFormat, SourceDocument

needs_pillow = pytest.mark.skipif(
    importlib.util.find_spec("PIL") is None, reason="Pillow is not installed: pip install 'parplan[ocr]'"
)

_read: dict[str, SourceDocument] = {}


def _document(file: str) -> SourceDocument:
    if file not in _read:
        _read[file] = load_source(DOCUMENTS / file)
    return _read[file]


def _languages() -> set[str]:
    import pytesseract

    return set(pytesseract.get_languages(config=""))


def _text(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _page_text(file: str, page: int) -> str:
    """The text of a page of the text-layer PDF the scan was made from (its lines, then its cells)."""
    document = load_source(DOCUMENTS / file)
    parts = [line.text for line in document.lines() if line.page == page]
    parts += [cell.text for table in document.tables() if table.page == page for cell in table.cells]
    return _text(parts)


def _similarity(scan: SourceDocument, page: int, source: str) -> float:
    """How alike the scan's page and the PDF's page are, each read as its lines, then its cells."""
    parts = [line.text for line in scan.lines() if line.page == page]
    parts += [cell.text for table in scan.tables() if table.page == page for cell in table.cells]
    read = _text(parts)
    return difflib.SequenceMatcher(a=_page_text(source, page), b=read, autojunk=False).ratio()


# --- scans read by tesseract --------------------------------------------------------------------


@needs_ocr
@pytest.mark.slow
def test_a_scanned_pdf_is_read_by_ocr_with_its_model_named() -> None:
    document = _document("scan-xa-2023-theo-linh-vuc.pdf")
    assert document.format is DocumentFormat.SCAN
    assert document.pages == 2
    language = "vie" if "vie" in _languages() else "eng"
    assert document.notes[0].startswith("OCR: tesseract ")
    assert document.notes[0].split(", ")[1].startswith(f"language {language}")
    assert {line.page for line in document.lines()} == {1, 2}
    assert all(line.confidence is not None and 0 <= line.confidence <= 100 for line in document.lines())


@needs_ocr
@pytest.mark.slow
def test_the_vietnamese_model_reads_a_scanned_page_nearly_as_printed() -> None:
    """Measured: the first page of the aged scan against the text layer of the PDF it was printed from."""
    if "vie" not in _languages():
        pytest.skip("the Vietnamese model is not installed: apt install tesseract-ocr-vie")
    document = _document("scan-xa-2023-theo-linh-vuc.pdf")
    assert _similarity(document, 1, "xa-2023-theo-linh-vuc.pdf") >= 0.95
    texts = [line.text for line in document.lines()]
    assert texts[texts.index("KẾ HOẠCH") - 1].endswith("năm 2023")  # the masthead before the title


@needs_ocr
@pytest.mark.slow
def test_an_image_is_read_by_ocr() -> None:
    if "vie" not in _languages():
        pytest.skip("the Vietnamese model is not installed: apt install tesseract-ocr-vie")
    document = _document("scan-huyen-2019-kiem-tra.png")
    assert document.format is DocumentFormat.SCAN
    assert document.pages == 1
    assert document.name == "scan-huyen-2019-kiem-tra.png"
    assert _similarity(document, 1, "huyen-2019-kiem-tra.pdf") >= 0.9


@needs_ocr
@needs_pdf
@pytest.mark.slow
def test_a_scanned_page_among_text_pages_is_read_by_ocr(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    for source, index in ((BAD / "small.pdf", 0), (DOCUMENTS / "scan-xa-2023-theo-linh-vuc.pdf", 0)):
        other = pdfium.PdfDocument(str(source))
        mixed.import_pages(other, [index])
        other.close()
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    mixed.close()
    document = load_source(path)
    assert document.format is DocumentFormat.PDF
    first = [line for line in document.lines() if line.page == 1]
    second = [line for line in document.lines() if line.page == 2]
    assert [line.confidence for line in first] == [None, None, None]
    assert second
    assert all(line.confidence is not None for line in second)
    assert "pages without a text layer read by OCR: 2" in document.notes


# --- the engine, without running it ---------------------------------------------------------------


def _fake_tesseract(monkeypatch: pytest.MonkeyPatch, languages: list[str] | None) -> None:
    """A pytesseract whose tesseract knows ``languages`` (None: the program is missing)."""
    fake: Any = types.ModuleType("pytesseract")

    class TesseractNotFoundError(OSError):
        pass

    class TesseractError(RuntimeError):
        pass

    def get_tesseract_version() -> str:
        if languages is None:
            raise TesseractNotFoundError
        return "5.3.0"

    def get_languages(config: str = "") -> list[str]:
        del config
        return languages or []

    fake.TesseractNotFoundError = TesseractNotFoundError
    fake.TesseractError = TesseractError
    fake.get_tesseract_version = get_tesseract_version
    fake.get_languages = get_languages
    monkeypatch.setitem(sys.modules, "pytesseract", fake)
    monkeypatch.setattr(ocr, "_engine_found", None)


def test_the_vietnamese_model_is_chosen_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(monkeypatch, ["eng", "osd", "vie"])
    engine = ocr._engine(Path("scan.png"), "an image")
    assert engine.language == "vie"
    assert engine.notes() == ["OCR: tesseract 5.3.0, language vie"]


def test_english_is_the_fallback_and_the_note_says_what_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(monkeypatch, ["eng", "osd"])
    [note] = ocr._engine(Path("scan.png"), "an image").notes()
    assert note.startswith("OCR: tesseract 5.3.0, language eng; the Vietnamese model is not installed")
    assert "apt install tesseract-ocr tesseract-ocr-vie" in note


def test_without_a_usable_model_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(monkeypatch, ["osd"])
    with pytest.raises(ReadError, match="neither a Vietnamese nor an English model"):
        ocr._engine(Path("scan.png"), "an image")


def test_without_the_tesseract_program_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(monkeypatch, None)
    with pytest.raises(ReadError) as caught:
        load_source(DOCUMENTS / "scan-huyen-2019-kiem-tra.png")
    assert "tesseract program is not installed (apt install tesseract-ocr tesseract-ocr-vie)" in caught.value.reason


def test_without_pytesseract_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pytesseract", None)
    monkeypatch.setattr(ocr, "_engine_found", None)
    with pytest.raises(ReadError) as caught:
        load_source(DOCUMENTS / "scan-huyen-2019-kiem-tra.png")
    assert "pip install 'parplan[ocr]'" in caught.value.reason
    assert "apt install tesseract-ocr tesseract-ocr-vie" in caught.value.reason


# --- bounds -------------------------------------------------------------------------------------


def _engine_that_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(monkeypatch, ["vie"])

    def never(*_: object, **__: object) -> object:
        raise AssertionError("tesseract must not run on a refused image")

    monkeypatch.setattr(ocr, "_read", never)


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels and holds almost nothing."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b"")


@needs_pillow
@pytest.mark.parametrize(("width", "height"), [(9_000, 9_000), (30_000, 30_000)])
def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(
    width: int, height: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _engine_that_must_not_run(monkeypatch)
    path = tmp_path / "huge.png"
    path.write_bytes(_png_header(width, height))
    with pytest.raises(ReadError, match="pixels"):
        load_source(path)


@needs_pillow
def test_an_image_of_too_many_pages_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    _engine_that_must_not_run(monkeypatch)
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 3)
    path = tmp_path / "pages.tif"
    frames = [Image.new("1", (8, 8)) for _ in range(4)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(ReadError, match=r"has 4 pages \(at most 3 are read by OCR\)"):
        load_source(path)


def test_a_huge_image_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(500 * 1024 * 1024)  # sparse
    with pytest.raises(ReadError, match="larger than the limit"):
        load_source(path)


@needs_pillow
def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _engine_that_must_not_run(monkeypatch)
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(ReadError, match="not an image parplan can read"):
        load_source(path)
