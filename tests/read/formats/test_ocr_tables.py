"""Tables of a scan rebuilt from the places of tesseract's words (``parplan.read.formats._ocr_tables``).

The pages are written here as tesseract's TSV (a word, its box, its confidence): a ruled table
of a plan printed at 250 dpi, level or turned, with OCR's usual damage, and prose that names
the same roles without being a table.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from parplan.org import JointParty
from parplan.read import read_source
from parplan.read.formats._layout import SCAN_ITEM_START
from parplan.read.formats._ocr_tables import Word, _repaired_marks, parted_at_rules
from parplan.read.formats.ocr import load_tsv

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
WIDTH, HEIGHT = 2066, 2924
# the left edges of the columns (pixels): STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời gian
COLUMNS = (300, 400, 1000, 1300, 1600)
LINE = 55  # pixels from one line of a cell to the next
GAP = 30  # more between rows of the table


def _words(rows: list[list[str]], top: int) -> list[tuple[int, int, str]]:
    """(left, top, word) of the words of table rows given cell by cell, lines of a cell split by '\\n'."""
    placed = []
    y = top
    for row in rows:
        depth = 1
        for column, cell in enumerate(row):
            lines = cell.split("\n") if cell else []
            depth = max(depth, len(lines))
            for index, line in enumerate(lines):
                x = COLUMNS[column] + 10
                for word in line.split():
                    placed.append((x, y + index * LINE, word))
                    x += 22 * len(word) + 18
        y += depth * LINE + GAP
    return placed


def _tsv(tmp_path: Path, words: list[tuple[int, int, str]], *, angle: float = 0.0, confidence: float = 90.0) -> Path:
    """A page of those words as tesseract's TSV, the page turned by ``angle`` degrees about its centre."""
    turn = math.radians(angle)
    rows = [HEADER, f"1\t1\t0\t0\t0\t0\t0\t0\t{WIDTH}\t{HEIGHT}\t-1\t"]
    for number, (x, y, text) in enumerate(words, start=1):
        cx, cy = x - WIDTH / 2, y - HEIGHT / 2
        left = round(WIDTH / 2 + cx * math.cos(turn) - cy * math.sin(turn))
        top = round(HEIGHT / 2 + cx * math.sin(turn) + cy * math.cos(turn))
        # tesseract's lines: one per printed line of the page (by its height before the turn)
        rows.append(f"5\t1\t1\t1\t{y // 10}\t{number}\t{left}\t{top}\t{22 * len(text)}\t38\t{confidence}\t{text}")
    path = tmp_path / "page.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


TABLE = [
    ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
    ["I", "CÔNG TÁC CHỈ ĐẠO", "", "", ""],
    ["1", "Ban hành kế hoạch\ncải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"],
    ["2", "Rà soát văn bản", "Tư pháp", "", "Quý II/2023"],
    ["II", "CẢI CÁCH THỂ CHẾ", "", "", ""],
    ["3", "Niêm yết thủ tục\nhành chính tại\nBộ phận Một cửa", "Văn phòng", "Các công chức", "Thường xuyên"],
]


def _cells(path: Path) -> list[list[str]]:
    document = load_tsv(path)
    [table] = document.tables()
    return [[cell.text for cell in row] for row in table.rows()]


@pytest.mark.parametrize("angle", [0.0, 0.4, -1.2])
def test_a_ruled_table_is_rebuilt_row_by_row_and_column_by_column(tmp_path: Path, angle: float) -> None:
    words = [(300, 200, "KẾ"), (370, 200, "HOẠCH"), *_words(TABLE, 400)]
    cells = _cells(_tsv(tmp_path, words, angle=angle))
    assert cells[0] == ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]
    assert cells[1] == ["I", "CÔNG TÁC CHỈ ĐẠO", "", "", ""]
    assert cells[2] == ["1", "Ban hành kế hoạch cải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"]
    assert cells[5] == [
        "3",
        "Niêm yết thủ tục hành chính tại Bộ phận Một cửa",
        "Văn phòng",
        "Các công chức",
        "Thường xuyên",
    ]
    assert len(cells) == len(TABLE)


def test_a_header_ocr_damaged_is_read_as_the_names_it_stands_for(tmp_path: Path) -> None:
    damaged = [["TT", "Nhiém vu", "Chitri", "Phéi hgp", "Thoi gian"], *TABLE[1:]]
    cells = _cells(_tsv(tmp_path, _words(damaged, 400)))
    assert cells[0] == ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]


def test_row_numbers_ocr_damaged_are_read_from_the_sequence(tmp_path: Path) -> None:
    damaged = [row[:] for row in TABLE]
    damaged[4][0] = "Il"  # II
    damaged[3][0] = "i"  # 2, between 1 and 3
    cells = _cells(_tsv(tmp_path, _words(damaged, 400)))
    assert [row[0] for row in cells] == ["STT", "I", "1", "2", "II", "3"]


def test_marks_are_repaired_only_where_the_sequence_leaves_no_doubt() -> None:
    assert _repaired_marks(["I", "1", "2", "i", "4", "Il", "5", "I", "IV"]) == [
        "I",
        "1",
        "2",
        "3",
        "4",
        "II",
        "5",
        "III",
        "IV",
    ]
    assert _repaired_marks(["1", "i", "l", "4"]) == ["1", "i", "l", "4"]  # two missing: which is which?
    assert _repaired_marks(["1", "i"]) == ["1", "i"]  # nothing after it


def test_prose_naming_roles_is_not_a_table(tmp_path: Path) -> None:
    sentence = "Phòng Nội vụ chủ trì, các phòng phối hợp; thời gian thực hiện: trong quý II/2023 theo kế hoạch."
    words = []
    for line in range(3):
        x = 300
        for word in sentence.split():
            words.append((x, 400 + line * LINE, word))
            x += 22 * len(word) + 18
    document = load_tsv(_tsv(tmp_path, words))
    assert not document.tables()
    assert len(document.lines()) >= 1


HEAD = [
    (700, 100, "ỦY"),
    (780, 100, "BAN"),
    (870, 100, "NHÂN"),
    (980, 100, "DÂN"),
    (760, 160, "XÃ"),
    (830, 160, "SƠN"),
    (930, 160, "HÀ"),
    (850, 260, "KẾ"),
    (920, 260, "HOẠCH"),
    (640, 320, "Cải"),
    (720, 320, "cách"),
    (830, 320, "hành"),
    (940, 320, "chính"),
    (1070, 320, "năm"),
    (1160, 320, "2023"),
]
"""A plan's masthead and title over a table, as words of a page."""


def test_the_cells_keep_ocrs_confidence_and_the_fields_their_cells(tmp_path: Path) -> None:
    document = load_tsv(_tsv(tmp_path, HEAD + _words(TABLE, 400), confidence=70.0))
    [table] = document.tables()
    assert {cell.confidence for cell in table.cells if cell.text} == {70}
    reading = read_source(document)
    assert reading.plan is not None, reading.doubts
    assert reading.plan.tasks
    for source in reading.plan.sources:
        if source.path.startswith("$.tasks") and source.confidence is not None:
            assert source.confidence <= 0.7


@pytest.mark.parametrize(
    "mark",
    ["Il. NHIỆM VỤ", "lV. KINH PHÍ", "a} Rà soát", "— Phòng Nội vụ", "2, Cải cách", "3.2 Bố trí", "1.1.2 B6 tri"],
)
def test_a_numbering_mark_ocr_damaged_still_starts_an_item(mark: str) -> None:
    assert SCAN_ITEM_START.match(mark)


@pytest.mark.parametrize(
    "text", ["là các chỉ số", "1/2024 đạt 70%", "Il faut", "II của Kế hoạch", "2.5 triệu đồng", "15.000 Người dân"]
)
def test_words_that_go_on_a_line_are_no_marks(text: str) -> None:
    assert not SCAN_ITEM_START.match(text)


@pytest.mark.parametrize(
    ("partners", "time"),
    [
        ("Cơ quan phối\nhợp", "Thời gian hoàn\nthành"),  # "hợp hoàn" on the second line spells no name across the gap
        ("Đơn vị phối\nhợp", "Thời hạn hoàn\nthành"),
        ("Phối hợp", "Thời gian hoàn\nthành"),  # a near miss: one name wrapped, the other whole
    ],
)
def test_names_wrapped_in_two_columns_side_by_side_keep_their_columns(tmp_path: Path, partners: str, time: str) -> None:
    header = ["STT", "Nhiệm vụ", "Chủ trì", partners, time]
    cells = _cells(_tsv(tmp_path, _words([header, *TABLE[1:]], 400)))
    assert len(cells[0]) == 5
    assert cells[2] == ["1", "Ban hành kế hoạch cải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"]
    assert cells[5][3:] == ["Các công chức", "Thường xuyên"]


@pytest.mark.parametrize(
    ("header", "names"),
    [
        (
            ["TT", "Nội dung công việc", "Bộ phận, cá\nnhân chủ trì", "Bộ phận phối\nhợp", "Thời gian"],
            ["STT", "Nội dung công việc", "Bộ phận chủ trì", "Bộ phận phối hợp", "Thời gian"],
        ),
        (
            ["STT", "Nhiệm vụ", "Bộ phận thực\nhiện", "Phối hợp", "Thời hạn"],
            ["STT", "Nhiệm vụ", "Bộ phận thực hiện", "Phối hợp", "Thời hạn"],
        ),
        (["STT", "Nội dung", "Bộ phận", "Cá nhân", "Tiến độ"], ["STT", "Nội dung", "Bộ phận", "Cá nhân", "Tiến độ"]),
    ],
)
def test_a_school_or_office_table_names_its_units_bo_phan(tmp_path: Path, header: list[str], names: list[str]) -> None:
    cells = _cells(_tsv(tmp_path, _words([header, *TABLE[1:]], 400)))
    assert cells[0] == names
    assert cells[2] == ["1", "Ban hành kế hoạch cải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"]


def _pages(tmp_path: Path, first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]) -> Path:
    """Two pages of words as tesseract's TSV."""
    rows = [HEADER]
    for page, words in ((1, first), (2, second)):
        rows.append(f"1\t{page}\t0\t0\t0\t0\t0\t0\t{WIDTH}\t{HEIGHT}\t-1\t")
        rows.extend(
            f"5\t{page}\t1\t1\t{y // 10}\t{n}\t{x}\t{y}\t{22 * len(text)}\t38\t90\t{text}"
            for n, (x, y, text) in enumerate(words, start=1)
        )
    path = tmp_path / "pages.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _line(x: int, y: int, text: str) -> list[tuple[int, int, str]]:
    placed = []
    for word in text.split():
        placed.append((x, y, word))
        x += 22 * len(word) + 18
    return placed


ROW_FOUR = ["4", "Công khai thủ tục", "Văn phòng", "", "Quý IV/2023"]


@pytest.mark.parametrize("rest", ["tại Bộ phận Một cửa", "cấp xã", "và trên Cổng"])
def test_a_cells_last_line_at_the_top_of_the_next_page_goes_on_with_the_table(tmp_path: Path, rest: str) -> None:
    first = _words(TABLE, HEIGHT - 6 * LINE - 5 * GAP - 300)  # the table runs to the page's foot
    second = _line(COLUMNS[1] + 10, 200, rest) + _words([ROW_FOUR], 200 + LINE)
    document = load_tsv(_pages(tmp_path, first, second))
    [table] = document.tables()
    rows = [[cell.text for cell in row] for row in table.rows()]
    assert rows[-2][1] == f"Niêm yết thủ tục hành chính tại Bộ phận Một cửa {rest}"
    assert rows[-1] == ROW_FOUR


@pytest.mark.parametrize("lines", [["tại Bộ phận", "Một cửa"], ["tại Bộ phận", "Một cửa", "cấp xã"]])
def test_a_cells_last_lines_at_the_top_of_the_next_page_go_on_with_the_table(tmp_path: Path, lines: list[str]) -> None:
    # two or three lines of a cell before the next row: the rest of the cell, in one column, over a row of the table
    first = _words(TABLE, HEIGHT - 6 * LINE - 5 * GAP - 300)
    second = [word for n, text in enumerate(lines) for word in _line(COLUMNS[1] + 10, 200 + n * LINE, text)]
    second += _words([ROW_FOUR], 200 + len(lines) * LINE + GAP)
    document = load_tsv(_pages(tmp_path, first, second))
    [table] = document.tables()
    rows = [[cell.text for cell in row] for row in table.rows()]
    assert rows[-2][1] == "Niêm yết thủ tục hành chính tại Bộ phận Một cửa " + " ".join(lines)
    assert rows[-1] == ROW_FOUR


def test_lines_in_two_columns_apart_at_the_top_of_the_next_page_do_not_go_on(tmp_path: Path) -> None:
    # the near miss: lines in different columns, none of them a row of the table's, are no cell's rest
    first = _words(TABLE, HEIGHT - 6 * LINE - 5 * GAP - 300)
    second = _line(COLUMNS[1] + 10, 200, "Ghi chú:") + _line(COLUMNS[3] + 10, 200 + LINE, "Nguồn: UBND")
    second += _words([ROW_FOUR], 200 + 2 * LINE + GAP)
    document = load_tsv(_pages(tmp_path, first, second))
    assert len(document.tables()[0].rows()) == len(TABLE)


def test_prose_at_the_top_of_the_next_page_does_not_go_on_with_the_table(tmp_path: Path) -> None:
    first = _words(TABLE, HEIGHT - 6 * LINE - 5 * GAP - 300)
    sentence = "Các phòng, ban chủ động thực hiện nhiệm vụ được giao và báo cáo kết quả đúng thời hạn quy định."
    second = _line(COLUMNS[1] + 10, 200, "III. TỔ CHỨC") + _line(300, 200 + LINE, sentence)
    document = load_tsv(_pages(tmp_path, first, second))
    [table] = document.tables()
    assert len(table.rows()) == len(TABLE)
    assert any("TỔ CHỨC" in line.text for line in document.lines())


@pytest.mark.parametrize("glued", ["chuyên_|-", "tỉnh__|-", "phố____|"])
def test_a_rule_ocr_glued_to_a_word_does_not_join_two_columns(tmp_path: Path, glued: str) -> None:
    table = [row[:] for row in TABLE]
    table[2][1] = "Ban hành kế hoạch\ncải cách hành chính " + glued  # the word's box runs over the column's rule
    words = _words(table, 400)
    x, _, _ = next(word for word in words if word[2] == glued)
    assert x + 22 * len(glued) >= COLUMNS[2] + 10 - 1  # it reaches the next column's first word
    cells = _cells(_tsv(tmp_path, words))
    assert len(cells[0]) == 5
    assert cells[2][2:] == ["Văn phòng", "Tư pháp", "Tháng 01/2023"]
    assert cells[2][1].startswith("Ban hành kế hoạch cải cách hành chính")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhiệm vụ giao rõ đơn vị chủ trì, thời gian hoàn thành và sản phẩm; các phòng, đơn vị",
        "2. Xác định rõ đơn vị chủ trì, đơn vị phối hợp và thời gian hoàn thành từng nhiệm vụ",
        "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành",  # a table flattened to a line
    ],
)
def test_a_line_naming_the_roles_word_after_word_is_no_header(tmp_path: Path, sentence: str) -> None:
    words = _line(300, 400, sentence)
    words += _line(300, 400 + LINE, "chủ động phối hợp, không đùn đẩy trách nhiệm trong việc thực hiện")
    words += _line(300, 400 + 2 * LINE, "1. Công khai đầy đủ thủ tục hành chính")
    document = load_tsv(_tsv(tmp_path, words))
    assert not document.tables()


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Nhóm nhiệm vụ", "Nhóm nhiệm vụ"),
        ("Nhom nhiém vu", "Nhóm nhiệm vụ"),  # not "Tên nhiệm vụ", the name it is nearly as like
        ("Nhiém vu cu thé", "Nhiệm vụ cụ thể"),
        ("Linh vuc", "Lĩnh vực"),
        ("Tén nhiém vu", "Tên nhiệm vụ"),  # a near miss: the name of the task column itself
    ],
)
def test_a_group_column_keeps_its_name(tmp_path: Path, written: str, name: str) -> None:
    header = ["STT", written, "Nội dung nhiệm vụ", "Chủ trì", "Thời gian"]
    cells = _cells(_tsv(tmp_path, _words([header, *TABLE[1:]], 400)))
    assert cells[0][1:3] == [name, "Nội dung nhiệm vụ"]


@pytest.mark.parametrize(
    ("rule", "glued"),
    [("|", False), ("‘|", False), ("|", True)],  # a rule read alone between the columns, or glued to a name
)
def test_a_rule_between_two_narrow_columns_parts_their_names(tmp_path: Path, rule: str, glued: bool) -> None:
    # "Đơn vị phối" (over "hợp") ends a word space from "Thời gian": only the rule OCR read parts the names
    header = _words([["STT", "Nhiệm vụ", "Chủ trì"]], 400)
    header += [(1310, 400, "Đơn"), (1394, 400, "vị"), (1456, 400, "phối")]  # "phối" ends at 1544
    if glued:
        header += [(1566, 400, rule + "Thời"), (1566 + 22 * 5 + 18, 400, "gian")]
    else:
        header += [(1547, 400, rule), (1570, 400, "Thời"), (1570 + 22 * 4 + 18, 400, "gian")]
    header.append((1310, 400 + LINE, "hợp"))
    table = [row[:] for row in TABLE[1:]]
    table[4][3] = "Tư pháp"  # the partners' cells narrower than their name
    body = _words(table, 400 + 2 * LINE + GAP)
    cells = _cells(_tsv(tmp_path, header + body))
    assert len(cells[0]) == 5
    assert cells[0][3] == "Đơn vị phối hợp"
    assert cells[2][3:] == ["Tư pháp", "Tháng 01/2023"]


@pytest.mark.parametrize("lost", [3, 5])
def test_a_row_whose_number_ocr_lost_is_still_a_row(tmp_path: Path, lost: int) -> None:
    table = [row[:] for row in TABLE]
    table[lost][0] = ""  # the number's mark not read at all
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert len(cells) == len(TABLE)
    assert cells[lost][1:] == [" ".join(cell.split()) for cell in TABLE[lost][1:]]


def test_the_lines_of_a_row_wrapped_in_two_columns_stay_one_row(tmp_path: Path) -> None:
    table = [row[:] for row in TABLE]
    table[2] = ["1", "Ban hành kế hoạch\ncải cách hành chính", "Văn phòng\nUBND xã", "Tư pháp", "Tháng 01/2023"]
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert len(cells) == len(TABLE)
    assert cells[2] == ["1", "Ban hành kế hoạch cải cách hành chính", "Văn phòng UBND xã", "Tư pháp", "Tháng 01/2023"]


@pytest.mark.parametrize(("read", "meant"), [("TV", "IV"), ("TX", "IX"), ("lV", "IV"), ("1X.", "IX")])
def test_a_roman_numeral_whose_stroke_ocr_read_as_t_numbers_its_row(tmp_path: Path, read: str, meant: str) -> None:
    table = [row[:] for row in TABLE]
    table[4][0] = read  # a group's row: its number and name, the rest empty
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert len(cells) == len(TABLE)
    assert cells[4][:2] == [meant, "CẢI CÁCH THỂ CHẾ"]
    assert cells[3][1] == "Rà soát văn bản"  # not run on into the row above


def _filled(x0: int, x1: int, y: int, text: str) -> list[tuple[int, int, str]]:
    """A cell's line whose words are spread from ``x0`` to ``x1``: a cell filled to its edge."""
    words = text.split()
    gap = (x1 - x0 - sum(22 * len(word) for word in words)) / (len(words) - 1)
    placed, x = [], float(x0)
    for word in words:
        placed.append((round(x), y, word))
        x += 22 * len(word) + gap
    return placed


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        ("Tuyên truyền về cải cách", "|"),
        ("Niêm yết công khai quy trình", "—_|"),
        ("Rà soát văn bản của tỉnh", "["),
    ],
)
def test_a_row_whose_cells_ocr_read_word_space_apart_stays_in_the_table(tmp_path: Path, task: str, rule: str) -> None:
    # the row's second line: each cell full, its last word a word space before the rule, the next cell's as close
    y = 400 + 4 * (LINE + GAP) + LINE
    row = _words([["3", "Tổ chức", "Văn phòng", "Tư pháp", "Quý I"]], y - LINE)
    row += [*_filled(COLUMNS[1] + 10, COLUMNS[2] - 12, y, task), (COLUMNS[2] - 8, y, rule)]
    row += [*_filled(COLUMNS[2] + 10, COLUMNS[3] - 12, y, "Văn phòng xã"), (COLUMNS[3] - 8, y, "|")]
    row += _filled(COLUMNS[3] + 10, COLUMNS[4] - 12, y, "Tư pháp huyện")
    after = [["4", "Rà soát văn bản", "Tư pháp", "", "Quý II/2023"]]
    words = _words(TABLE[:4], 400) + row + _words(after, y + LINE + GAP)
    cells = _cells(_tsv(tmp_path, words))
    assert [line[0] for line in cells] == ["STT", "I", "1", "2", "3", "4"]
    assert cells[4][1:4] == [f"Tổ chức {task}", "Văn phòng Văn phòng xã", "Tư pháp Tư pháp huyện"]
    assert cells[5][1:] == ["Rà soát văn bản", "Tư pháp", "", "Quý II/2023"]


def test_a_paragraph_under_a_table_word_space_apart_ends_it(tmp_path: Path) -> None:
    # the near miss: the same line without a rule is a paragraph, which ends the table
    y = 400 + 4 * (LINE + GAP) + 2 * LINE
    sentence = "Các phòng chuyên môn chủ động triển khai thực hiện nhiệm vụ được giao và báo cáo đúng hạn"
    words = _words(TABLE[:4], 400) + _line(COLUMNS[1] + 10, y, sentence)
    document = load_tsv(_tsv(tmp_path, words))
    [table] = document.tables()
    assert len(table.rows()) == 4
    assert any(line.text.startswith("Các phòng chuyên môn") for line in document.lines())


@pytest.mark.parametrize(
    "first",
    [
        ["I", "CÔNG TÁC CHỈ ĐẠO", "", "", ""],  # a group's title in one column
        ["1", "Ban hành kế hoạch\ncải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"],
        ["", "CÔNG TÁC CHỈ ĐẠO", "", "", ""],  # its number OCR lost
    ],
)
def test_a_header_alone_at_a_pages_foot_heads_the_rows_of_the_next(tmp_path: Path, first: list[str]) -> None:
    page_one = _line(300, 300, "PHỤ LỤC") + _words([TABLE[0]], HEIGHT - 300)
    page_two = _words([first, *TABLE[2:]], 200)
    document = load_tsv(_pages(tmp_path, page_one, page_two))
    [table] = document.tables()
    rows = [[cell.text for cell in row] for row in table.rows()]
    assert rows[0] == TABLE[0]
    assert rows[1][1] == " ".join(first[1].split())
    assert rows[-1][1] == "Niêm yết thủ tục hành chính tại Bộ phận Một cửa"
    assert table.page == 2


def test_a_header_alone_at_a_pages_foot_over_prose_is_kept_as_text(tmp_path: Path) -> None:
    page_one = _words([TABLE[0]], HEIGHT - 300)
    sentence = "Các phòng, ban chủ động thực hiện nhiệm vụ được giao và báo cáo kết quả đúng thời hạn quy định."
    page_two = _line(300, 200, sentence) + _line(300, 200 + LINE, sentence)
    document = load_tsv(_pages(tmp_path, page_one, page_two))
    assert not document.tables()
    assert any("Phối hợp" in line.text for line in document.lines())


@pytest.mark.parametrize(
    ("over", "under", "names"),
    [
        (["STT", "Nội dung", "Cơ quan", "Cơ quan", "Thời gian"], ["", "", "chủ trì", "phối hợp", "thực hiện"], 5),
        (["TT", "Nhiệm vụ", "Đơn vị", "Đơn vị", "Thời hạn"], ["", "", "chủ trì", "phối hợp", ""], 5),
        (["STT", "Nội dung", "Bộ phận", "Cá nhân", "Thời gian"], ["", "công việc", "chủ trì", "", ""], 5),
    ],
)
def test_column_names_wrapped_in_their_cells_name_the_columns(
    tmp_path: Path, over: list[str], under: list[str], names: int
) -> None:
    header = _words([over], 400) + _words([under], 400 + LINE)
    body = _words(TABLE[1:], 400 + 2 * LINE + GAP)
    cells = _cells(_tsv(tmp_path, header + body))
    assert len(cells[0]) == names
    assert cells[0][2:4] == [f"{a} {b}".strip() for a, b in zip(over[2:4], under[2:4], strict=True)]
    assert cells[2] == ["1", "Ban hành kế hoạch cải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"]


def test_two_lines_of_prose_naming_roles_are_no_header(tmp_path: Path) -> None:
    # the near miss: names read one line under another, but word after word as a sentence
    words = _line(300, 400, "Nội dung công việc giao cho cơ quan")
    words += _line(300, 400 + LINE, "chủ trì, cơ quan phối hợp và thời gian hoàn thành")
    words += _line(300, 400 + 2 * LINE, "1. Công khai đầy đủ thủ tục hành chính")
    assert not load_tsv(_tsv(tmp_path, words)).tables()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("hanh_~=|UBND", ["hanh", "|", "UBND"]),
        ("tỉnh|Sở", ["tỉnh", "|", "Sở"]),
        ("ngành[Văn", ["ngành", "|", "Văn"]),
        ("a—|b|c", ["a", "|", "b", "|", "c"]),
        ("b6._|nganh", ["b6.", "|", "nganh"]),  # a cell's last word with its stop
        ("tỉnh,|(Sở", ["tỉnh,", "|", "(Sở"]),
        # the rule's edge read as a quote beside it ("__‘|", "’[", "|`")
        ("còn__‘|chính", ["còn", "|", "chính"]),
        ("phường’[Văn", ["phường", "|", "Văn"]),
        ("xã|`Phòng", ["xã", "|", "Phòng"]),
        ("2026'|Quý", ["2026", "|", "Quý"]),
        # near misses: a rule at a word's end or start, a date, a number, a dash are one word
        ("|Văn", ["|Văn"]),
        ("phố____|", ["phố____|"]),
        ("01/2023", ["01/2023"]),
        ("KH-UBND", ["KH-UBND"]),
        ("—_|", ["—_|"]),
        ("‘|Trung", ["‘|Trung"]),
        ("phường’|", ["phường’|"]),
        ("‘Một’", ["‘Một’"]),
        ("nhà’s", ["nhà’s"]),
    ],
)
def test_a_word_ocr_ran_across_a_rule_is_parted(text: str, parts: list[str]) -> None:
    word = Word(text, 100.0, 100.0 + 10 * len(text), 50.0, 60.0, 80.0, (1, 1, 1))
    parted = parted_at_rules(word)
    assert [piece.text for piece in parted] == parts
    assert parted[0].x0 == word.x0
    assert parted[-1].x1 == word.x1
    assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(parted))


@pytest.mark.parametrize("row", [1, 3])
def test_a_groups_row_whose_number_ocr_lost_under_the_header_is_no_header(tmp_path: Path, row: int) -> None:
    table = [line[:] for line in TABLE]
    table[1][0] = ""  # the first row under the header: its group's number not read
    table[row][0] = ""
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert cells[0] == TABLE[0]
    assert cells[1][1] == "CÔNG TÁC CHỈ ĐẠO"
    assert len(cells) == len(TABLE)


@pytest.mark.parametrize(
    "stray",
    [
        ["và phần\nmềm", "Văn thư", "", "", ""],
        ["cấp xã", "Văn phòng", "Các xã", "", "Quý IV"],
        ["trường học", "", "", "", ""],
    ],
)
def test_a_rows_words_printed_into_the_number_column_leave_it_numbering(tmp_path: Path, stray: list[str]) -> None:
    # a row cut in two where it was copied: its second half printed as a row of its own, from the first column,
    # which its words widen (the other columns moved right to make room)
    table = [line[:] for line in TABLE]
    table.insert(4, stray)
    words = [(x + 150 if x >= COLUMNS[1] else x, y, word) for x, y, word in _words(table, 400)]
    cells = _cells(_tsv(tmp_path, words))
    assert [line[0] for line in cells if line[0] in {"I", "1", "2", "II", "3"}] == ["I", "1", "2", "II", "3"]
    assert cells[-1][1] == "Niêm yết thủ tục hành chính tại Bộ phận Một cửa"
    assert cells[3][1] == "Rà soát văn bản"


def _close_rows(rows: list[list[str]], top: int, gap: int) -> list[tuple[int, int, str]]:
    """The words of table rows set ``gap`` pixels further apart than a cell's lines (a tight table)."""
    placed: list[tuple[int, int, str]] = []
    for row in rows:
        placed += _words([row], top)
        top += max(len(cell.split("\n")) for cell in row) * LINE + gap
    return placed


@pytest.mark.parametrize("gap", [15, 40])
def test_rows_whose_numbers_ocr_lost_on_a_page_are_still_rows(tmp_path: Path, gap: int) -> None:
    # OCR read none of the numbers but one, and a row's words were printed into the number column: no numbering
    # column, the rows told apart by the space between them (a fourth of a line or more)
    table = [[*line] for line in TABLE]
    for line in (table[2], table[3], table[5]):
        line[0] = ""
    table.insert(4, ["xã", "Văn phòng\nUBND xã", "Các xã", "", "Quý IV"])
    cells = _cells(_tsv(tmp_path, _close_rows(table, 400, gap)))
    assert [line[1] for line in cells[2:]] == [
        "Ban hành kế hoạch cải cách hành chính",
        "Rà soát văn bản",
        "Văn phòng UBND xã",
        "CẢI CÁCH THỂ CHẾ",
        "Niêm yết thủ tục hành chính tại Bộ phận Một cửa",
    ]


def test_a_cells_lines_are_not_parted_into_rows_by_their_pitch(tmp_path: Path) -> None:
    # the near miss: lines of one cell stand a line's pitch apart, never a fourth more
    table = [[*line] for line in TABLE]
    for line in table[2:]:
        line[0] = ""
    table.insert(4, ["xã", "Văn phòng\nUBND xã", "Các xã", "", "Quý IV"])
    cells = _cells(_tsv(tmp_path, _close_rows(table, 400, 15)))
    assert cells[-1][1:] == [
        "Niêm yết thủ tục hành chính tại Bộ phận Một cửa",
        "Văn phòng",
        "Các công chức",
        "Thường xuyên",
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Các nhiệm vụ được phân công theo bảng sau:", "Nhiệm vụ, đơn vị chủ trì và thời gian như sau:"],
)
def test_the_sentence_announcing_a_table_is_no_part_of_its_header(tmp_path: Path, sentence: str) -> None:
    over = ["STT", "Nội dung", "Cơ quan", "Cơ quan", "Thời gian"]
    under = ["", "", "chủ trì", "phối hợp", "thực hiện"]
    words = _line(300, 400 - LINE, sentence) + _words([over], 400) + _words([under], 400 + LINE)
    cells = _cells(_tsv(tmp_path, words + _words(TABLE[1:], 400 + 2 * LINE + GAP)))
    assert cells[0] == ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert cells[2] == ["1", "Ban hành kế hoạch cải cách hành chính", "Văn phòng", "Tư pháp", "Tháng 01/2023"]


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Khoa, phòng\nthực hiện", "Khoa, phòng thực hiện"),
        ("Khoa, phong\nthurc hién", "Khoa, phòng thực hiện"),
        ("Phòng, Chi\nnhánh thực\nhiện", "Phòng, Chi nhánh thực hiện"),
        ("Lãnh đạo\nphụ trách", "Lãnh đạo phụ trách"),
    ],
)
def test_a_column_naming_its_bodies_with_their_role_is_a_name(tmp_path: Path, printed: str, read: str) -> None:
    # a hospital's or a land office's table names the bodies doing the work beside their role: with two other
    # names, the header of a table
    table = [["TT", "Nội dung công việc", printed, "Phối hợp", "Thời gian"], *TABLE[2:4]]
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert cells[0][2] == read
    assert cells[1][1:3] == ["Ban hành kế hoạch cải cách hành chính", "Văn phòng"]


def _justified(top: int, left: str, right: str) -> list[tuple[int, int, str]]:
    """A justified line of a cell of the third column: its first word at the left edge, its last at the right."""
    return [(1010, top, left), (1290 - 22 * len(right), top, right)]


JUSTIFIED_HEADER = [
    (300, 400, "STT"),
    (410, 400, "Nhiệm"),
    (410 + 22 * 6 + 18, 400, "vụ"),
    *_justified(400, "Khoa,", "phòng"),
    (1010, 400 + LINE, "chủ"),
    (1010 + 22 * 3 + 18, 400 + LINE, "trì"),
    (1310, 400, "Phối"),
    (1310 + 22 * 4 + 18, 400, "hợp"),
    (1610, 400, "Thời"),
    (1610 + 22 * 4 + 18, 400, "gian"),
]


def _justified_rows(top: int, *, alone: bool) -> list[tuple[int, int, str]]:
    words = [(310, top, "1"), (410, top, "Rà"), (410 + 62, top, "soát"), *_justified(top, "Phòng", "Tư")]
    words += [
        (1010, top + LINE, "pháp"),
        (1310, top, "Văn"),
        (1310 + 84, top, "phòng"),
        (1610, top, "Quý"),
        (1700, top, "II"),
    ]
    top += 2 * LINE + GAP
    words += [(310, top, "2"), (410, top, "Niêm"), (410 + 106, top, "yết"), *_justified(top, "Văn", "phòng")]
    words += [(1310, top, "Các"), (1310 + 84, top, "xã"), (1610, top, "Quý"), (1700, top, "III")]
    if alone:  # a line with words in the right stretch only: a column of its own
        words.append((1290 - 22 * 5, top + LINE, "ngành"))
    return words


def test_a_column_whose_name_and_cells_are_set_justified_stays_one_column(tmp_path: Path) -> None:
    # "Khoa,      phòng" over "chủ trì", "Phòng      Tư" over "pháp": a gap no word crosses runs down the column
    cells = _cells(_tsv(tmp_path, JUSTIFIED_HEADER + _justified_rows(400 + 2 * LINE + GAP, alone=False)))
    assert cells[0] == ["STT", "Nhiệm vụ", "Khoa, phòng chủ trì", "Phối hợp", "Thời gian"]
    assert cells[1][2] == "Phòng Tư pháp"
    assert cells[2][2] == "Văn phòng"


def test_a_stretch_holding_a_line_of_its_own_is_a_column(tmp_path: Path) -> None:
    # the near miss: a line with words in the right stretch alone is no justified line: two columns
    cells = _cells(_tsv(tmp_path, JUSTIFIED_HEADER + _justified_rows(400 + 2 * LINE + GAP, alone=True)))
    assert len(cells[0]) == 6


@pytest.mark.parametrize("step", [64, 80])
def test_a_groups_title_in_capitals_starts_a_row_where_ocr_lost_the_numbers(tmp_path: Path, step: int) -> None:
    # a page where OCR read no row number and no group's letter: a title in capitals a little below the row
    # above (its accents' boxes stand high) heads a group of its own; the row after it starts further down
    numbered = _words([TABLE[0], ["1", "Ban hành kế hoạch", "Văn phòng", "Tư pháp", "Tháng 01/2023"]], 400)
    top = 400 + 2 * LINE + 2 * GAP
    rows = _words([["", "Rà soát văn bản\nquy phạm pháp luật", "Tư pháp", "", "Quý II/2023"]], top)
    top += 2 * LINE - LINE + step
    rows += _words([["", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", ""]], top)
    top += 80
    rows += _words([["", "Rà soát vị trí\nviệc làm", "Văn phòng", "", "Quý III/2023"]], top)
    cells = _cells(_tsv(tmp_path, numbered + rows))
    assert [line[1] for line in cells[2:]] == [
        "Rà soát văn bản quy phạm pháp luật",
        "CẢI CÁCH TỔ CHỨC BỘ MÁY",
        "Rà soát vị trí việc làm",
    ]


def test_a_cells_line_in_capitals_at_a_lines_pitch_goes_on_with_its_row(tmp_path: Path) -> None:
    # the near miss: a cell's next line in capitals ("UBND HUYỆN PHÚ NINH") at a line's pitch is no group's title
    table = [TABLE[0], ["1", "Báo cáo kết quả\nUBND HUYỆN PHÚ NINH", "Văn phòng", "", "Quý II/2023"], *TABLE[3:4]]
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert cells[1][1] == "Báo cáo kết quả UBND HUYỆN PHÚ NINH"
    assert len(cells) == 3


@pytest.mark.parametrize("heading", ["2. Cải cách thủ tục hành chính", "", "b) Hiện đại hóa hành chính"])
def test_a_header_under_a_table_starts_a_table_of_its_own(tmp_path: Path, heading: str) -> None:
    # a plan giving each field its own small table, each under its heading and with its own header: the header
    # ends the table above, and the heading over it is a line of text, not a row
    first = _words([TABLE[0], TABLE[2], TABLE[3]], 400)
    top = 400 + 4 * LINE + 3 * GAP
    line = [
        (300 + 22 * sum(len(w) + 1 for w in heading.split()[:n]), top, word) for n, word in enumerate(heading.split())
    ]
    second = _words(
        [["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"], TABLE[5], TABLE[3]], top + (LINE + GAP if line else 0)
    )
    document = load_tsv(_tsv(tmp_path, first + line + second))
    tables = document.tables()
    assert len(tables) == 2
    assert [[cell.text for cell in row][1] for row in tables[0].rows()] == [
        "Nhiệm vụ",
        "Ban hành kế hoạch cải cách hành chính",
        "Rà soát văn bản",
    ]
    assert [cell.text for cell in tables[1].rows()[1]][2:] == ["Văn phòng", "Các công chức", "Thường xuyên"]
    assert [text.text for text in document.lines()] == ([heading] if heading else [])


def test_a_groups_row_over_rows_stays_in_its_table(tmp_path: Path) -> None:
    # the near miss: a group's title in one cell over rows of the table (no header under it) is the table's row
    cells = _cells(_tsv(tmp_path, _words(TABLE, 400)))
    assert [row[1] for row in cells[3:5]] == ["Rà soát văn bản", "CẢI CÁCH THỂ CHẾ"]


def test_a_sentence_quoting_a_label_is_no_header(tmp_path: Path) -> None:
    # a sentence of role words, justified, quoting the label items end with ('"Thực hiện: <người thực hiện>,
    # <thời gian>"'): a quote is the word's own, no rule standing in a gap between cells
    first = 'Mỗi nhiệm vụ nêu rõ người thực hiện và thời gian; cuối mỗi nhiệm vụ ghi "Thực'
    second = 'hiện: <người thực hiện>, <thời gian>".'
    words: list[tuple[int, int, str]] = []
    x = 300
    for word in first.split():
        words.append((x, 400, word))
        x += 22 * len(word) + 20
    x = 300
    for word in second.split():
        words.append((x, 400 + LINE, word))
        x += 22 * len(word) + 20
    document = load_tsv(_tsv(tmp_path, words))
    assert not document.tables()


def _page_two(group_step: int, row_step: int) -> list[tuple[int, int, str]]:
    """The top of a page where OCR lost the row numbers: a cell's last line, a group's title, a row of three lines."""
    words = _line(COLUMNS[1] + 10, 200, "cấp xã")
    top = 200 + group_step
    words += _line(COLUMNS[1] + 10, top, "Kiểm tra việc thực hiện")
    top += row_step
    for n, (task, lead) in enumerate(
        [("Kiểm tra việc giải", "Văn phòng"), ("quyết thủ tục hành", "UBND"), ("chính tại 05 xã", "")]
    ):
        words += _line(COLUMNS[1] + 10, top + n * LINE, task) + _line(COLUMNS[2] + 10, top + n * LINE, lead)
    words += _line(COLUMNS[4] + 10, top, "Quý III/2023") + _line(COLUMNS[1] + 10, top + 3 * LINE, "năm 2022")
    return words


def test_a_groups_title_of_one_line_apart_from_both_sides_starts_a_row(tmp_path: Path) -> None:
    # OCR lost the group's numeral and the next row's number: the title stands further from the line above and
    # from the row under it than a cell's lines do (a fifth of a line more on both sides), and the row after it
    # starts under it
    first = _words(TABLE, HEIGHT - 6 * LINE - 5 * GAP - 300)
    document = load_tsv(_pages(tmp_path, first, _page_two(70, 68)))
    [table] = document.tables()
    rows = [[cell.text for cell in row] for row in table.rows()]
    assert rows[-3][1] == "Niêm yết thủ tục hành chính tại Bộ phận Một cửa cấp xã"
    assert rows[-2][1] == "Kiểm tra việc thực hiện"
    assert rows[-1][1:3] == ["Kiểm tra việc giải quyết thủ tục hành chính tại 05 xã năm 2022", "Văn phòng UBND"]


def test_a_cells_lines_at_a_cells_pitch_stay_one_row_at_a_pages_top(tmp_path: Path) -> None:
    # the near miss: the same lines a cell's pitch apart are the last row's cell going on
    first = _words(TABLE, HEIGHT - 6 * LINE - 5 * GAP - 300)
    document = load_tsv(_pages(tmp_path, first, _page_two(LINE, LINE + 4)))
    [table] = document.tables()
    rows = [[cell.text for cell in row] for row in table.rows()]
    assert "Kiểm tra việc thực hiện" in rows[len(TABLE) - 1][1]


@pytest.mark.parametrize(
    ("lead", "cell"),
    [
        ("Phòng Y tế\nPhòng Tư pháp", "Phòng Y tế\nPhòng Tư pháp"),
        ("Phong Noi vu\nSo Tu phap", "Phong Noi vu\nSo Tu phap"),
        # near misses: a name wrapped after a word it goes on from, a role's partners on the next line
        ("Văn phòng và\nUBND xã", "Văn phòng và UBND xã"),
        ("Sở Y tế chủ\ntrì", "Sở Y tế chủ trì"),
        ("Sở Y tế,\nPhòng Tư pháp", "Sở Y tế, Phòng Tư pháp"),
        ("Sở Y tế phối\nhợp", "Sở Y tế phối hợp"),
        ("Sở Y chủ trì\nPhòng Tư pháp", "Sở Y chủ trì Phòng Tư pháp"),
        ("Văn phòng\nUBND xã", "Văn phòng UBND xã"),
    ],
)
def test_bodies_named_one_a_line_in_a_cell_stay_apart(tmp_path: Path, lead: str, cell: str) -> None:
    # a copy of a Word table whose cell named two bodies one a line, no comma: each line a body of its own
    table = [TABLE[0], ["1", "Rà soát văn bản", lead, "Các xã", "Quý II/2023"], TABLE[3]]
    cells = _cells(_tsv(tmp_path, _words(table, 400)))
    assert cells[1][2] == cell


def test_a_scanned_cells_bodies_one_a_line_lead_together(tmp_path: Path) -> None:
    table = [TABLE[0], ["1", "Rà soát văn bản", "Phòng Y tế\nPhòng Tư pháp", "Các xã", "Quý II/2023"], TABLE[3]]
    reading = read_source(load_tsv(_tsv(tmp_path, HEAD + _words(table, 400))))
    assert reading.plan is not None, reading.doubts
    task = reading.plan.tasks[0]
    responsibility = reading.plan.responsibility_of(task)
    assert responsibility is not None
    lead = responsibility.lead
    assert isinstance(lead, JointParty), lead
    assert [member.label for member in lead.members] == ["Phòng Y tế", "Phòng Tư pháp"]


@pytest.mark.parametrize(
    ("lead", "partner"),
    [("Phòng Nội vụ", "Văn phòng"), ("Công an xã", "Tư pháp"), ("Ban Chỉ huy", "")],
)
def test_columns_measured_over_one_row_at_a_pages_foot_are_measured_again_on_the_next(
    tmp_path: Path, lead: str, partner: str
) -> None:
    # the header and a group's title across the row end page one: the gap between two short names is no column's
    # edge, the rows of page two show where their cells end
    header = ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"]
    page_one = _line(300, 300, "PHỤ LỤC") + _words([header, TABLE[1]], HEIGHT - 300)
    rows = [
        ["1", "Rà soát văn bản", lead, partner, "Quý I/2024"],
        ["2", "Niêm yết thủ tục\nhành chính", "Phòng Tư pháp", lead, "Quý II/2024"],
        ["3", "Kiểm tra công vụ", lead, "Thanh tra", "Tháng 9/2024"],
        ["4", "Số hóa hồ sơ", "Văn phòng", "", "Năm 2024"],
    ]
    document = load_tsv(_pages(tmp_path, page_one, _words(rows, 200)))
    [table] = document.tables()
    cells = [[cell.text for cell in row] for row in table.rows()]
    assert cells[0][3:] == header[3:]  # the header as page one read it
    assert cells[2:] == [[" ".join(cell.split()) for cell in row] for row in rows]
    assert table.page == 1


MERGED_ROWS = [
    ["1", "Ban hành kế hoạch", "Văn phòng", "Tư pháp", "Tháng 01/2023"],
    ["2", "Rà soát văn bản", "Tư pháp", "Văn phòng", "Quý II/2023"],
    ["3", "Số hóa hồ sơ", "Văn phòng", "", "Quý III/2023"],
]


@pytest.mark.parametrize(
    "title",
    [
        "II. CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CHẾ ĐỘ CÔNG VỤ",
        "III. XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN SỐ TRONG NĂM",
        "2. CẢI CÁCH TÀI CHÍNH CÔNG CỦA ĐƠN VỊ SỰ NGHIỆP",
    ],
)
def test_a_groups_title_across_the_table_keeps_its_columns_and_its_rows(tmp_path: Path, title: str) -> None:
    # a merged row across the table: its words cross the gaps between the columns under it, and it is as long as
    # a line of prose, yet the rows under it go on in their columns
    words = _words([TABLE[0], TABLE[1], *MERGED_ROWS[:2]], 400)
    top = 400 + 5 * LINE + 4 * GAP
    words += _line(COLUMNS[0] + 10, top, title)
    words += _words([["4", "Công khai thủ tục", "Văn phòng", "Tư pháp", "Quý IV/2023"]], top + LINE + GAP)
    cells = _cells(_tsv(tmp_path, words))
    assert cells[0] == TABLE[0]
    assert cells[2:4] == [[" ".join(cell.split()) for cell in row] for row in MERGED_ROWS[:2]]
    assert cells[-1] == ["4", "Công khai thủ tục", "Văn phòng", "Tư pháp", "Quý IV/2023"]


def test_a_sections_heading_in_capitals_over_prose_ends_the_table(tmp_path: Path) -> None:
    # the near miss: the heading after the table stands over a paragraph, not over a row of its cells
    words = _words([TABLE[0], *MERGED_ROWS], 400)
    top = 400 + 4 * LINE + 4 * GAP
    words += _line(COLUMNS[0] + 10, top, "III. TỔ CHỨC THỰC HIỆN CỦA CÁC CƠ QUAN ĐƠN VỊ")
    sentence = "Các phòng, ban chủ động thực hiện nhiệm vụ được giao và báo cáo kết quả đúng thời hạn quy định."
    words += _line(COLUMNS[0] + 10, top + LINE + GAP, sentence)
    document = load_tsv(_tsv(tmp_path, words))
    [table] = document.tables()
    assert len(table.rows()) == 4
    assert any(line.text.startswith("III. TỔ CHỨC") for line in document.lines())
