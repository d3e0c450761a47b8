"""The PDF reader: paragraphs rebuilt, page furniture removed, two-column blocks, ruled tables, and bad files."""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

import parplan
from formats_support import (
    BAD,
    DOCUMENTS,
    EXAMPLES,
    SYNTHETIC,
    align,
    expected_blocks,
    masthead_lines,
    needs_pdf,
)
from parplan.errors import ReadError
from parplan.read.formats import DEFAULT_MAX_BYTES, load_source
from parplan.read.formats._layout import Glyph, Page, Row, Segment, assemble, join, segments
from parplan.read.source import DocumentFormat, SourceDocument

pytestmark = needs_pdf

_read: dict[str, SourceDocument] = {}


def _document(file: str) -> SourceDocument:
    if file not in _read:
        _read[file] = load_source(DOCUMENTS / file)
    return _read[file]


# --- the corpus: Word files printed by LibreOffice ---------------------------------------------------


@pytest.mark.parametrize("name", SYNTHETIC)
def test_the_paragraphs_of_a_printed_word_file_are_read_back(name: str) -> None:
    """Every paragraph of the Word original comes back whole, in order; only masthead lines may stay wrapped.

    The masthead's cells are narrow: LibreOffice wraps "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in two, and a
    column of centred capitals gives no sign of where a line was wrapped rather than broken, so those
    lines come back as printed.
    """
    document = _document(f"{name}.pdf")
    assert document.format is DocumentFormat.PDF
    expected = [block["line"] for block in expected_blocks(name) if "line" in block]
    split, missing = align(expected, [line.text for line in document.lines()])
    assert missing == []
    assert set(split) <= set(masthead_lines(name))


@pytest.mark.parametrize("name", [name for name in SYNTHETIC if any("table" in b for b in expected_blocks(name))])
def test_the_cells_of_a_ruled_table_are_read_back_once_with_their_spans(name: str) -> None:
    """The appendix tables cross pages (heading row repeated), merge cells across and down, wrap text in cells."""
    document = _document(f"{name}.pdf")
    expected = [block["table"] for block in expected_blocks(name) if "table" in block]
    got = [[[c.row, c.column, c.rows, c.columns, c.text] for c in table.cells] for table in document.tables()]
    assert got == expected


def test_page_numbers_and_a_running_footer_are_removed() -> None:
    document = _document("xa-2022-chi-phu-luc.pdf")
    texts = [line.text for line in document.lines()]
    assert not [text for text in texts if text.isdigit()]
    assert "Kế hoạch CCHC năm 2022 - UBND xã Nghĩa Thắng" not in texts
    assert any(note.startswith("page numbers removed") for note in document.notes)
    assert any(note.startswith("running footer removed from") for note in document.notes)


def test_lines_carry_their_pages() -> None:
    document = _document("xa-2023-theo-linh-vuc.pdf")
    assert document.pages is not None
    pages = [block.page or 0 for block in document.blocks]
    assert pages == sorted(pages)
    assert pages[0] == 1
    assert pages[-1] <= document.pages  # the appendix table starts on page 4 and goes on to page 5
    [table] = document.tables()
    assert [block.page for block in document.lines() if block.text == "PHỤ LỤC"] == [table.page]


def test_a_hyphen_that_ends_a_line_stays_glued_to_its_word() -> None:
    texts = [line.text for line in _document("phuong-2025-sau-sap-xep.pdf").lines()]
    assert any("Công văn số 356/SNV-CCHC ngày" in text for text in texts)


def test_the_masthead_and_the_signature_are_read_column_by_column() -> None:
    texts = [line.text for line in _document("huyen-2019-kiem-tra.pdf").lines()]
    assert texts[:3] == ["ỦY BAN NHÂN DÂN", "HUYỆN YÊN THẾ", "Số: 156/KH-UBND"]
    assert texts[-8:] == [
        "Nơi nhận:",
        "- Các đơn vị tại Mục III;",
        "- Chủ tịch, các PCT UBND huyện (b/c);",
        "- Thành viên Đoàn kiểm tra;",
        "- Lưu: VT, NV.",
        "TUQ. CHỦ TỊCH",
        "TRƯỞNG PHÒNG NỘI VỤ",
        "Hoàng Văn Khải",
    ]


# --- the corpus: an example plan printed by Chromium -------------------------------------------------


def test_a_browser_s_header_and_footer_are_removed_and_the_appendix_is_one_table() -> None:
    """xã Sơn Giang 2021 (examples/son-giang-2021.json) as Chromium prints it: date and title, address and n/N."""
    document = _document("son-giang-2021.chromium.pdf")
    texts = [line.text for line in document.lines()]
    assert not [text for text in texts if "file://" in text or "11:26" in text]
    assert sum(note.startswith("running") for note in document.notes) >= 2
    [table] = document.tables()
    plan = parplan.load(EXAMPLES / "son-giang-2021.json")
    cells = collections.Counter(" ".join(cell.text.split()) for cell in table.cells)
    assert all(cells[" ".join(task.title.split())] == 1 for task in plan.tasks)
    heading = [cell.text for cell in table.rows()[0]]
    assert heading[:3] == ["TT", "Nhiệm vụ", "Kết quả đầu ra"]
    # the issuer and the motto were printed on one line, a little apart: they are split and read by column
    assert texts[0] == "UBND HUYỆN HƯƠNG SƠN"
    assert texts.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < texts.index("KẾ HOẠCH")
    closing = texts[texts.index("Nơi nhận:") : texts.index("PHỤ LỤC")]
    assert closing[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Đức Thắng"]
    assert all(text.startswith("- ") for text in closing[1:-3])


# --- the layout rules, one by one --------------------------------------------------------------------


def test_joining_the_pieces_of_a_broken_line() -> None:
    assert join("Quyết định số 54/2019/QĐ-", "UBND ngày") == "Quyết định số 54/2019/QĐ-UBND ngày"
    assert join("nhiệm kỳ 2020 -", "2025") == "nhiệm kỳ 2020 - 2025"
    assert join("cải\u00ad", "cách") == "cảicách"  # a soft hyphen marks a break inside a word
    assert join("năm", "2023") == "năm 2023"


def _row(text: str, x0: float, x1: float, top: float, page: int = 1, *, size: float = 14.0) -> Row:
    return Row(
        segments=[Segment(text, x0, x1, first_word=size * len(text.split(" ", 1)[0]) * 0.5)],
        top=top,
        bottom=top + size,
        baseline=top + size,
        size=size,
        page=page,
    )


def _lines_of(*rows: Row, pages: int = 1) -> list[str]:
    sheets = [Page(number=n, width=595, height=842, rows=[r for r in rows if r.page == n]) for n in range(1, pages + 1)]
    return [line.text for line in assemble("t.pdf", sheets, [], DocumentFormat.PDF).lines()]


def test_a_full_line_goes_on_and_a_short_one_ends_its_paragraph() -> None:
    assert _lines_of(
        _row("Căn cứ Kế hoạch số 09/KH-UBND ngày 15/01/2019 của UBND huyện về", 113, 552, 100),
        _row("cải cách hành chính năm 2019;", 85, 300, 117),
        _row("Căn cứ Quyết định số 1/QĐ-UBND;", 113, 400, 134),
    ) == [
        "Căn cứ Kế hoạch số 09/KH-UBND ngày 15/01/2019 của UBND huyện về cải cách hành chính năm 2019;",
        "Căn cứ Quyết định số 1/QĐ-UBND;",
    ]


def test_an_item_an_indented_line_or_a_gap_starts_a_new_paragraph() -> None:
    full = ("Kết quả thực hiện Kế hoạch là căn cứ đánh giá, xếp loại cán bộ, công chức", 85, 552)
    assert _lines_of(
        _row(*full, 100),
        _row("- Các nhiệm vụ phải cụ thể, có sản phẩm.", 85, 400, 117),
        _row(*full, 140),
        _row("Thực hiện đồng bộ các nội dung.", 113, 400, 157),  # indented: a new paragraph
        _row(*full, 180),
        _row("cuối năm.", 85, 150, 230),  # after a gap
        _row(*full, 250),
        _row("2. Yêu cầu", 85, 200, 267),
    ) == [
        full[0],
        "- Các nhiệm vụ phải cụ thể, có sản phẩm.",
        full[0],
        "Thực hiện đồng bộ các nội dung.",
        full[0],
        "cuối năm.",
        full[0],
        "2. Yêu cầu",
    ]


def test_a_paragraph_goes_on_over_a_page_break() -> None:
    assert _lines_of(
        _row("Các đơn vị được kiểm tra tự kiểm tra, gửi báo cáo về Phòng Nội vụ trước", 85, 552, 700, page=1),
        _row("ngày 31/9/2019.", 85, 200, 60, page=2),
        pages=2,
    ) == ["Các đơn vị được kiểm tra tự kiểm tra, gửi báo cáo về Phòng Nội vụ trước ngày 31/9/2019."]


def test_a_number_alone_at_the_foot_of_pages_is_removed_but_not_in_the_middle() -> None:
    rows = [
        _row("Nội dung trang một, dòng đủ dài để làm lề phải của trang.", 85, 552, 100, page=1),
        _row("12", 290, 302, 300, page=1),  # a figure in the middle of the page stays
        _row("1", 295, 302, 800, page=1),
        _row("Nội dung trang hai, dòng đủ dài để làm lề phải của trang.", 85, 552, 100, page=2),
        _row("2", 295, 302, 800, page=2),
    ]
    sheets = [Page(number=n, width=595, height=842, rows=[r for r in rows if r.page == n]) for n in (1, 2)]
    notes: list[str] = []
    document = assemble("t.pdf", sheets, notes, DocumentFormat.PDF)
    assert "12" in [line.text for line in document.lines()]
    assert "1" not in [line.text for line in document.lines()]
    assert "page numbers removed from 2 pages" in notes


def test_a_line_on_one_page_only_is_not_furniture() -> None:
    rows = [
        _row("KẾ HOẠCH", 280, 357, 40, page=1),
        _row("Nội dung dòng đủ dài để làm lề phải của trang, trang một.", 85, 552, 100, page=1),
        _row("Nội dung dòng đủ dài để làm lề phải của trang, trang hai.", 85, 552, 100, page=2),
        _row("Nội dung dòng đủ dài để làm lề phải của trang, trang ba.", 85, 552, 100, page=3),
    ]
    assert "KẾ HOẠCH" in _lines_of(*rows, pages=3)


def test_two_columns_far_apart_are_two_segments() -> None:
    def glyphs(text: str, start: float) -> list[Glyph]:
        out = []
        x = start
        for char in text:
            if char == " ":
                x += 3.5
                continue
            out.append(Glyph(char, x, x + 7, 100, 114, 112, 14.0))
            x += 7.2
        return out

    row = glyphs("UBND HUYỆN A", 96) + glyphs("CỘNG HÒA XÃ HỘI", 300)
    assert [segment.text for segment in segments(row, split=True)] == ["UBND HUYỆN A", "CỘNG HÒA XÃ HỘI"]
    assert [segment.text for segment in segments(row, split=False)] == ["UBND HUYỆN A CỘNG HÒA XÃ HỘI"]
    # a gap of little more than a letter, but five times the gaps between the words: still two columns
    close = glyphs("UBND HUYỆN A", 96)
    close += glyphs("CỘNG HÒA XÃ HỘI", close[-1].x1 + 16)
    assert [segment.text for segment in segments(close, split=True)] == ["UBND HUYỆN A", "CỘNG HÒA XÃ HỘI"]
    # justified text stretches every gap alike: one segment
    wide = [
        Glyph(g.char, g.x0 + 9 * i, g.x1 + 9 * i, 100, 114, 112, 14.0) for i, g in enumerate(glyphs("a b c d e", 85))
    ]
    assert [segment.text for segment in segments(wide, split=True)] == ["a b c d e"]


# --- bad files and missing pieces ------------------------------------------------------------------


def _refused(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    with pytest.raises(ReadError) as caught:
        load_source(path, max_bytes=max_bytes)
    assert caught.value.path == str(path)
    return caught.value.reason


def test_an_encrypted_pdf_is_refused_with_what_to_do() -> None:
    assert "encrypted PDF" in _refused(BAD / "encrypted.pdf")


def test_a_cut_pdf_is_refused() -> None:
    assert "not a valid PDF" in _refused(BAD / "truncated.pdf")


def test_a_pdf_without_pages_or_structure_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert "not a valid PDF" in _refused(path)


def test_a_huge_pdf_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(500 * 1024 * 1024)
    assert _refused(path) == f"file of {500 * 1024 * 1024} bytes is larger than the limit of {DEFAULT_MAX_BYTES}"


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from parplan.read.formats import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    assert "has 5 pages (at most 2 are read)" in _refused(DOCUMENTS / "xa-2023-theo-linh-vuc.pdf")


def test_damaged_bytes_give_a_document_or_a_read_error(tmp_path: Path) -> None:
    data = bytearray((BAD / "small.pdf").read_bytes())
    outcomes: collections.Counter[str] = collections.Counter()
    for index, position in enumerate(range(0, len(data), max(1, len(data) // 60))):
        damaged = bytearray(data)
        damaged[position] ^= 0xFF
        path = tmp_path / f"d{index}.pdf"
        path.write_bytes(bytes(damaged))
        try:
            load_source(path)
        except ReadError:
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["read"] + outcomes["refused"] > 50


def test_without_pypdfium2_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    reason = _refused(BAD / "small.pdf")
    assert "pip install 'parplan[pdf]'" in reason


def _without_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    from parplan.read.formats import ocr

    monkeypatch.setattr(ocr, "_engine_found", None)
    monkeypatch.setitem(sys.modules, "pytesseract", None)


def test_a_scan_without_ocr_is_refused_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_ocr(monkeypatch)
    reason = _refused(DOCUMENTS / "scan-xa-2023-theo-linh-vuc.pdf")
    assert "no text layer" in reason
    assert "pip install 'parplan[ocr]'" in reason
    assert "apt install tesseract-ocr tesseract-ocr-vie" in reason


def _mixed(tmp_path: Path) -> Path:
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    for source, index in ((BAD / "small.pdf", 0), (DOCUMENTS / "scan-xa-2023-theo-linh-vuc.pdf", 1)):
        other = pdfium.PdfDocument(str(source))
        mixed.import_pages(other, [index])
        other.close()
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    mixed.close()
    return path


def test_a_scanned_page_among_text_pages_is_noted_when_ocr_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_ocr(monkeypatch)
    document = load_source(_mixed(tmp_path))
    assert [line.text for line in document.lines()] == [
        "ỦY BAN NHÂN DÂN XÃ THỬ",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
    ]
    assert document.pages == 2
    assert any(note.startswith("pages without a text layer left unread (2)") for note in document.notes)
