"""The Word reader: paragraphs, Word's numbering, tables with merged cells, layout tables, and bad files."""

from __future__ import annotations

import collections
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import parplan
from formats_support import BAD, DOCUMENTS, EXAMPLES, SYNTHETIC, as_data, expected_blocks, needs_docx
from parplan.errors import ReadError
from parplan.read.formats import DEFAULT_MAX_BYTES, load_source
from parplan.read.source import DocumentFormat, Line, SourceDocument, Table

pytestmark = needs_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- the corpus ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SYNTHETIC)
def test_every_line_and_cell_of_a_word_file_is_read_in_order(name: str) -> None:
    document = load_source(DOCUMENTS / f"{name}.docx")
    assert document.format is DocumentFormat.DOCX
    assert document.name == f"{name}.docx"
    assert as_data(document) == expected_blocks(name)
    numbers = [block.number for block in document.lines()]
    assert numbers == sorted(set(numbers))
    assert all(block.page is None for block in document.lines())  # a Word file has no pages


def test_word_s_numbering_is_written_out_as_printed() -> None:
    document = load_source(DOCUMENTS / "so-2026-quyet-dinh.docx")
    lines = [line.text for line in document.lines()]
    assert (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026 "
        "của Sở Nông nghiệp và Môi trường." in lines
    )
    assert any(line.startswith("1.2. Tổ chức kiểm tra") for line in lines)
    assert any(line.startswith("II. NHIỆM VỤ") for line in lines)
    assert any(note.startswith("automatic numbering written out on") for note in document.notes)


def test_merged_cells_are_given_once_with_their_span() -> None:
    [table] = load_source(DOCUMENTS / "xa-2022-chi-phu-luc.docx").tables()
    group = next(cell for cell in table.cells if cell.text == "CHỈ ĐẠO ĐIỀU HÀNH")
    assert (group.columns, group.rows) == (5, 1)
    merged_down = [cell for cell in table.cells if cell.rows > 1]
    assert [(cell.row, cell.column, cell.rows) for cell in merged_down] == [(7, 4, 2), (10, 4, 2), (19, 4, 2)]
    covered = {
        (r, c)
        for cell in table.cells
        for r in range(cell.row, cell.row + cell.rows)
        for c in range(cell.column, cell.column + cell.columns)
    }
    assert len(covered) == sum(cell.rows * cell.columns for cell in table.cells)  # no place covered twice
    two_leads = next(cell for cell in table.cells if "Đ/c Huệ" in cell.text and "Đ/c Sơn" in cell.text)
    assert two_leads.text == "Công chức Tư pháp - Hộ tịch (Đ/c Huệ)\nCông chức Địa chính (Đ/c Sơn)"


def test_the_header_page_numbers_and_footer_are_left_out() -> None:
    document = load_source(DOCUMENTS / "xa-2022-chi-phu-luc.docx")
    texts = [line.text for line in document.lines()]
    assert "Kế hoạch CCHC năm 2022 - UBND xã Nghĩa Thắng" not in texts  # the running footer
    assert "page headers and footers left out" in document.notes


def test_a_word_file_converted_from_html_keeps_every_task_once() -> None:
    """xã Sơn Châu 2022 (examples/son-chau-2022.json), rendered by parplan and converted by LibreOffice."""
    plan = parplan.load(EXAMPLES / "son-chau-2022.json")
    document = load_source(DOCUMENTS / "son-chau-2022.docx")
    cells = collections.Counter(" ".join(cell.text.split()) for table in document.tables() for cell in table.cells)
    lines = [" ".join(line.text.split()) for line in document.lines()]
    for task in plan.tasks:
        title = " ".join(task.title.split())
        assert cells[title] <= 1
        assert cells[title] == 1 or any(title in line for line in lines), title
    texts = [line.text for line in document.lines()]
    assert texts[:6] == [
        "UBND HUYỆN HƯƠNG SƠN",
        "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU",
        "Số: 06/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Sơn Châu, ngày 08 tháng 01 năm 2022",
    ]


# --- Word files written here, one feature each ----------------------------------------------------


def _word_file(path: Path, body: str, numbering: str = "") -> Path:
    """A Word file whose body is ``body`` (WordprocessingML) and whose numbering part holds ``numbering``."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if numbering:
        root = document.part.numbering_part.element
        for element in parse_xml(f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'):
            root.append(element)
    body_element = document.element.body
    for child in list(body_element):
        if not child.tag.endswith("sectPr"):
            body_element.remove(child)
    for element in parse_xml(f'<w:body xmlns:w="{W}">{body}</w:body>'):
        body_element.insert(len(body_element) - 1, element)
    document.save(str(path))
    return path


def _p(text: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    properties = ""
    if style:
        properties += f'<w:pStyle w:val="{style}"/>'
    if num:
        properties += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f'<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _abstract(abstract_id: int, *levels: tuple[str, str]) -> str:
    xml = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for index, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{xml}</w:abstractNum>'


def _lines(path: Path) -> list[str]:
    return [line.text for line in load_source(path).lines()]


def test_numbering_counts_restarts_and_formats_as_word_does(tmp_path: Path) -> None:
    numbering = (
        _abstract(80, ("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("decimal", "%2.%4."))
        + _abstract(81, ("decimalZero", "%1."))
        + _abstract(82, ("lowerRoman", "(%1)"))
        + '<w:num w:numId="80"><w:abstractNumId w:val="80"/></w:num>'
        + '<w:num w:numId="81"><w:abstractNumId w:val="81"/></w:num>'
        + '<w:num w:numId="82"><w:abstractNumId w:val="82"/></w:num>'
        + '<w:num w:numId="83"><w:abstractNumId w:val="82"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    body = "".join(
        [
            _p("MỤC ĐÍCH", (80, 0)),
            _p("Mục đích", (80, 1)),
            _p("một", (80, 2)),
            _p("hai", (80, 2)),
            _p("Yêu cầu", (80, 1)),
            _p("ba", (80, 2)),
            _p("NHIỆM VỤ", (80, 0)),
            _p("Chỉ đạo", (80, 1)),
            _p("con", (80, 3)),
            _p("không đánh số", (0, 0)),
            _p("đầu", (81, 0)),
            _p("sau", (81, 0)),
            _p("i", (82, 0)),
            _p("ii", (82, 0)),
            _p("lại từ đầu", (83, 0)),
        ]
    )
    assert _lines(_word_file(tmp_path / "n.docx", body, numbering)) == [
        "I. MỤC ĐÍCH",
        "1. Mục đích",
        "a) một",
        "b) hai",
        "2. Yêu cầu",
        "a) ba",
        "II. NHIỆM VỤ",
        "1. Chỉ đạo",
        "1.1. con",
        "không đánh số",
        "01. đầu",
        "02. sau",
        "(i) i",
        "(ii) ii",
        "(i) lại từ đầu",
    ]


def test_numbering_given_by_a_paragraph_style_is_written_out(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "style.docx"
    document = docx.Document()
    document.add_paragraph("một", style="List Number")
    document.add_paragraph("hai", style="List Number")
    document.add_paragraph("gạch", style="List Bullet")
    document.save(str(path))
    lines = _lines(path)
    assert lines[:2] == ["1. một", "2. hai"]
    assert lines[2].endswith("gạch")
    assert lines[2][0] in "•-▪"  # the template's bullet, drawn from the Symbol font


def test_breaks_tabs_hidden_and_deleted_text(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>KẾ HOẠCH</w:t><w:br/><w:t>Cải cách hành chính</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Nơi nhận:</w:t><w:tab/><w:tab/><w:t>TM. ỦY BAN NHÂN DÂN</w:t></w:r></w:p>"
        '<w:p><w:r><w:t xml:space="preserve">giữ </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>xóa</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>'
        "<w:p><w:r><w:t>   </w:t></w:r></w:p>"
        "<w:p><w:hyperlink><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>"
        "<w:r><w:noBreakHyphen/><w:t>UBND</w:t></w:r></w:p>"
    )
    document = load_source(_word_file(tmp_path / "b.docx", body))
    assert [line.text for line in document.lines()] == [
        "KẾ HOẠCH",
        "Cải cách hành chính",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "giữ thêm",
        "liên kết-UBND",
    ]
    assert [line.number for line in document.lines()] == [1, 2, 3, 4, 5]
    assert any("deleted text" in note for note in document.notes)


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{_p(text)}</w:tc>"


def test_spans_across_and_down_and_rows_that_start_late(tmp_path: Path) -> None:
    rows = [
        _cell("TT") + _cell("Nhiệm vụ") + _cell("Chủ trì"),
        _cell("I") + _cell("CẢI CÁCH THỂ CHẾ", '<w:gridSpan w:val="2"/>'),
        _cell("1") + _cell("Rà soát văn bản") + _cell("Tư pháp", '<w:vMerge w:val="restart"/>'),
        _cell("2") + _cell("Theo dõi thi hành pháp luật") + _cell("", "<w:vMerge/>"),
        '<w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _cell("bắt đầu ở cột 2") + _cell("", "<w:vMerge/>"),
    ]
    body = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        + "".join(f"<w:tr>{row}</w:tr>" for row in rows)
        + "</w:tbl>"
    )
    [table] = load_source(_word_file(tmp_path / "t.docx", body)).tables()
    assert [(c.row, c.column, c.rows, c.columns, c.text) for c in table.cells] == [
        (1, 1, 1, 1, "TT"),
        (1, 2, 1, 1, "Nhiệm vụ"),
        (1, 3, 1, 1, "Chủ trì"),
        (2, 1, 1, 1, "I"),
        (2, 2, 1, 2, "CẢI CÁCH THỂ CHẾ"),
        (3, 1, 1, 1, "1"),
        (3, 2, 1, 1, "Rà soát văn bản"),
        (3, 3, 3, 1, "Tư pháp"),
        (4, 1, 1, 1, "2"),
        (4, 2, 1, 1, "Theo dõi thi hành pháp luật"),
        (5, 2, 1, 1, "bắt đầu ở cột 2"),
    ]
    assert table.row_count == 5


def test_a_merge_that_continues_nothing_is_a_cell_of_its_own(tmp_path: Path) -> None:
    body = "<w:tbl>" + f"<w:tr>{_cell('a')}{_cell('b', '<w:vMerge/>')}</w:tr>" + "</w:tbl>"
    [table] = load_source(_word_file(tmp_path / "m.docx", body)).tables()
    assert [(c.column, c.text) for c in table.cells] == [(1, "a"), (2, "b")]


def test_a_two_column_table_without_a_masthead_or_signature_stays_a_table(tmp_path: Path) -> None:
    body = (
        "<w:tbl>"
        + "".join(f"<w:tr>{_cell(a)}{_cell(b)}</w:tr>" for a, b in [("Lĩnh vực", "Điểm"), ("Cải cách thể chế", "9,5")])
        + "</w:tbl>"
    )
    document = load_source(_word_file(tmp_path / "score.docx", body))
    assert len(document.tables()) == 1
    assert document.lines() == ()


def test_a_masthead_table_is_read_as_lines_column_by_column(tmp_path: Path) -> None:
    body = (
        "<w:tbl>"
        + "".join(
            f"<w:tr>{_cell(a)}{_cell(b)}</w:tr>"
            for a, b in [
                ("ỦY BAN NHÂN DÂN XÃ A", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ("Số: 01/KH-UBND", "A, ngày 02 tháng 01 năm 2024"),
            ]
        )
        + "</w:tbl>"
        + _p("KẾ HOẠCH")
    )
    document = load_source(_word_file(tmp_path / "masthead.docx", body))
    assert [line.text for line in document.lines()] == [
        "ỦY BAN NHÂN DÂN XÃ A",
        "Số: 01/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "A, ngày 02 tháng 01 năm 2024",
        "KẾ HOẠCH",
    ]
    assert document.tables() == ()


# --- bad files ----------------------------------------------------------------------------------


def _refused(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    with pytest.raises(ReadError) as caught:
        load_source(path, max_bytes=max_bytes)
    assert caught.value.path == str(path)
    return caught.value.reason


def test_a_zip_bomb_is_refused_before_it_is_expanded() -> None:
    reason = _refused(BAD / "bomb.docx")
    assert "zip bomb" in reason
    assert "'word/document.xml'" in reason


def test_refusing_a_zip_bomb_takes_little_memory() -> None:
    """The 10 MB part is never expanded: refusing the file allocates far less than the part's size."""
    _refused(BAD / "bomb.docx")  # imports and caches first
    tracemalloc.start()
    try:
        _refused(BAD / "bomb.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000


def test_a_part_larger_than_it_says_is_never_expanded_beyond_what_it_says() -> None:
    assert "cannot be read" in _refused(BAD / "lying-sizes.docx")


def test_a_cut_word_file_is_refused() -> None:
    assert "damaged or cut" in _refused(BAD / "truncated.docx")


def test_an_encrypted_word_file_is_refused_with_what_to_do() -> None:
    assert "encrypted (password-protected)" in _refused(BAD / "encrypted.docx")


def test_a_file_larger_than_the_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)  # sparse: 500 MB that take no room
    assert _refused(path) == f"file of {500 * 1024 * 1024} bytes is larger than the limit of {DEFAULT_MAX_BYTES}"


def test_the_limit_is_the_caller_s() -> None:
    size = (BAD / "small.docx").stat().st_size
    assert "larger than the limit" in _refused(BAD / "small.docx", max_bytes=size - 1)
    assert isinstance(load_source(BAD / "small.docx", max_bytes=size), SourceDocument)


def test_too_many_members_are_refused_from_the_zip_s_own_count(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(2_001):
            archive.writestr(f"word/media/{index}.bin", b"")
    assert "declares 2001 members" in _refused(path)


def test_the_sum_of_the_parts_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parplan.read.formats import _limits

    monkeypatch.setattr(_limits, "MAX_EXPANDED_BYTES", 250_000)
    path = tmp_path / "sum.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(3):
            archive.writestr(f"word/media/{index}.bin", bytes(range(256)) * 400)  # 100 KB each, hardly compressed
    assert "expand to more than 250000 bytes" in _refused(path)


def test_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(BAD / "small.docx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                declaration = b'<!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                data = data.replace(b"?>", b"?>" + declaration, 1)
            target.writestr(item, data)
    assert "declares a document type" in _refused(path)


def test_a_zip_that_is_not_a_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert "not a Word document" in _refused(path)
    sheet = tmp_path / "sheet.docx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a valid Word document" in _refused(sheet)


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "plan.docx"
    folder.mkdir()
    assert "cannot be read" in _refused(folder)


def test_damaged_bytes_give_a_document_or_a_read_error(tmp_path: Path) -> None:
    """Every byte flip of a small Word file either still reads or is refused: never another exception."""
    data = bytearray((DOCUMENTS / "huyen-2019-kiem-tra.docx").read_bytes())
    outcomes: collections.Counter[str] = collections.Counter()
    for index, position in enumerate(range(0, len(data), max(1, len(data) // 60))):
        damaged = bytearray(data)
        damaged[position] ^= 0xFF
        path = tmp_path / f"d{index}.docx"
        path.write_bytes(bytes(damaged))
        try:
            load_source(path)
        except ReadError:
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["refused"] > 0


def test_without_python_docx_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    reason = _refused(BAD / "small.docx")
    assert "pip install 'parplan[docx]'" in reason
    assert "python-docx" in reason


def test_lines_and_tables_carry_their_places() -> None:
    document = load_source(DOCUMENTS / "xa-2023-theo-linh-vuc.docx")
    numbers = [block.number if isinstance(block, Line) else block.line for block in document.blocks]
    assert numbers == list(range(1, len(document.blocks) + 1))
    [table] = document.tables()
    assert isinstance(table, Table)
    assert table.number == 1
