"""Paragraphs of a scan joined from tesseract's lines (``parplan.read.formats.ocr`` and ``_layout``).

The page is written here as tesseract's TSV: lines of prose printed at 250 dpi, the page level or
turned as a scanner leaves it, each word's box as tall as its letters (a line of full words reaches
from accents to descenders; a short line of plain letters, "chính như sau:", sits lower and smaller).
A paragraph's lines are joined; a line further below than the page's line pitch, or after a line
that ended short, starts a new paragraph.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

from parplan.read.formats.ocr import load_tsv

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
WIDTH, HEIGHT = 2066, 2924
LEFT, RIGHT = 290, 1860  # the text's edges (pixels)
PITCH = 59  # a line of 13 pt set 1.3 high at 250 dpi
GAP = 20  # the space a paragraph's break adds


def _line(y: int, text: str, *, full: bool) -> list[tuple[int, int, int, str]]:
    """(left, top, width, word) of a printed line: justified to the right edge when ``full``."""
    words = text.split()
    widths = [24 * len(word) for word in words]
    space = (RIGHT - LEFT - sum(widths)) / max(len(words) - 1, 1) if full else 14
    placed, x = [], float(LEFT)
    for word, width in zip(words, widths, strict=True):
        placed.append((round(x), y, width, word))
        x += width + space
    return placed


def _tsv(tmp_path: Path, lines: list[tuple[int, str, bool]], angle: float) -> Path:
    turn = math.radians(angle)
    rows = [HEADER, f"1\t1\t0\t0\t0\t0\t0\t0\t{WIDTH}\t{HEIGHT}\t-1\t"]
    for number, (y, text, full) in enumerate(lines, start=1):
        # a full line's boxes run from its accents to its descenders; a short plain one's from the x-height
        shift, height = (0, 44) if full else (10, 36)
        for index, (x, top, width, word) in enumerate(_line(y, text, full=full), start=1):
            cx, cy = x - WIDTH / 2, top + shift - HEIGHT / 2
            left = round(WIDTH / 2 + cx * math.cos(turn) - cy * math.sin(turn))
            top_turned = round(HEIGHT / 2 + cx * math.sin(turn) + cy * math.cos(turn))
            rows.append(f"5\t1\t1\t1\t{number}\t{index}\t{left}\t{top_turned}\t{width}\t{height}\t90\t{word}")
    path = tmp_path / "page.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


FIRST = "Ủy ban nhân dân xã xây dựng kế hoạch cải cách hành chính của xã trong năm với các nội dung"
SHORT = "chính như sau:"
NEXT = "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp"


@pytest.mark.parametrize("angle", [0.0, 0.4, -0.4, 1.0])
def test_a_paragraph_s_short_last_line_joins_it_on_a_page_turned_askew(tmp_path: Path, angle: float) -> None:
    y = 400
    lines = [(y, FIRST, True), (y + PITCH, SHORT, False)]
    lines += [(y + (2 + index) * PITCH + GAP, NEXT, True) for index in range(1)]
    lines += [(y + 3 * PITCH + GAP, SHORT, False)]
    lines += [(y + (4 + index) * PITCH + 2 * GAP, NEXT, True) for index in range(4)]
    document = load_tsv(_tsv(tmp_path, lines, angle))
    texts = [line.text for line in document.lines()]
    assert texts[0] == f"{FIRST} {SHORT}"
    assert texts[1] == f"{NEXT} {SHORT}"
    assert texts[2].startswith(NEXT)


@pytest.mark.parametrize("angle", [0.0, 0.4, -1.0])
def test_a_line_further_below_than_the_page_s_pitch_starts_a_paragraph(tmp_path: Path, angle: float) -> None:
    y = 400
    lines = [(y + index * PITCH, NEXT, True) for index in range(4)]
    lines += [(y + 4 * PITCH + GAP, SHORT, False)]  # a full line above it, but a paragraph's space between
    document = load_tsv(_tsv(tmp_path, lines, angle))
    texts = [line.text for line in document.lines()]
    assert texts[-1] == SHORT


def test_a_line_after_one_that_ended_short_starts_a_paragraph(tmp_path: Path) -> None:
    y = 400
    lines = [(y, FIRST, True), (y + PITCH, SHORT, False), (y + 2 * PITCH, NEXT, True), (y + 3 * PITCH, NEXT, True)]
    document = load_tsv(_tsv(tmp_path, lines, 0.4))
    texts = [line.text for line in document.lines()]
    assert texts[:2] == [f"{FIRST} {SHORT}", f"{NEXT} {NEXT}"]


ITEM = "- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."
ASSIGNMENT = "Giao Văn phòng HĐND và UBND thị trấn chủ trì; thời gian thực hiện: thường xuyên."


@pytest.mark.parametrize("angle", [0.0, 0.4])
def test_an_assignment_line_after_a_sentence_s_end_starts_a_paragraph(tmp_path: Path, angle: float) -> None:
    # a page of short lines: two ending alike seem to give the right edge, so a line ending there seems
    # full; "Giao …" after a sentence's end assigns the items above, as the plan printed it on its own line
    y = 400
    lines = [(y, ITEM, False), (y + PITCH, ITEM, False), (y + 2 * PITCH, ASSIGNMENT, False)]
    texts = [line.text for line in load_tsv(_tsv(tmp_path, lines, angle)).lines()]
    assert texts == [ITEM, ITEM, ASSIGNMENT]


def test_giao_inside_a_sentence_goes_on_with_it(tmp_path: Path) -> None:
    first = "- Rà soát các nhiệm vụ do cấp trên"
    lines = [(400, first, False), (400 + PITCH, first, False), (400 + 2 * PITCH, "Giao Văn phòng theo dõi.", False)]
    texts = [line.text for line in load_tsv(_tsv(tmp_path, lines, 0.0)).lines()]
    assert texts == [first, f"{first} Giao Văn phòng theo dõi."]


SLASHED = "a/ Niêm yết công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công của xã."


@pytest.mark.parametrize(
    "field",
    [
        "Đơn vị tham mưu thực hiện: Văn phòng HĐND và UBND xã; thời hạn: tháng 9/2025.",
        "Don vi tham muwu thuc hién: Trung tam Phuc vu hanh chinh céng xa; thdi han: quy 1V/2025.",
        "Cơ quan chủ trì: Phòng Kinh tế; thời gian: quý III/2025.",
        "Thdi han: thang 12/2025.",
        "- Trach nhiém: Phong Van hda - X4 h6i.",
    ],
)
def test_a_field_label_after_a_sentence_s_end_starts_a_paragraph(tmp_path: Path, field: str) -> None:
    # the item's sentence fills its lines to the edge; the field under it, printed on a line of its own, is not
    # a line of the sentence going on, however full the line above
    lines = [(400, SLASHED, True), (400 + PITCH, NEXT + ".", True), (400 + 2 * PITCH, field, False)]
    texts = [line.text for line in load_tsv(_tsv(tmp_path, lines, 0.4)).lines()]
    assert len(texts) == 2
    assert texts[1] == field


@pytest.mark.parametrize(
    "after",
    [
        "Đơn vị sự nghiệp công lập: tự chủ tài chính theo lộ trình.",  # no field's words before the colon
        "Thời gian qua, kết quả đạt được: khá.",  # a comma, no label: the words of a sentence
        "thời gian thực hiện: thường xuyên.",  # after a semicolon: the assignment's sentence goes on
    ],
)
def test_a_line_only_like_a_field_label_goes_on_with_a_full_line(tmp_path: Path, after: str) -> None:
    full = NEXT + " của xã và" if after[0].isupper() else NEXT + " liên quan;"
    lines = [(400, full, True), (400 + PITCH, after, False)]
    texts = [line.text for line in load_tsv(_tsv(tmp_path, lines, 0.0)).lines()]
    assert len(texts) == 1


@pytest.mark.parametrize("item", ["2/ Cải cách thủ tục hành chính", "b/ Xây dựng Quy chế làm việc của xã"])
def test_an_item_numbered_with_a_slash_starts_a_paragraph(tmp_path: Path, item: str) -> None:
    lines = [(400, NEXT, True), (400 + PITCH, NEXT + " xã.", True), (400 + 2 * PITCH, item, False)]
    texts = [line.text for line in load_tsv(_tsv(tmp_path, lines, 0.0)).lines()]
    assert texts[-1] == item


def test_a_date_cut_at_its_slash_is_no_item(tmp_path: Path) -> None:
    lines = [(400, NEXT + " trước ngày 15/", True), (400 + PITCH, "12/ 2025 theo quy định.", False)]
    texts = [line.text for line in load_tsv(_tsv(tmp_path, lines, 0.0)).lines()]
    assert len(texts) == 1


LINE_BREAKS = tomllib.loads((Path(__file__).parents[2] / "cases" / "scanned_line_breaks.toml").read_text("utf-8"))[
    "case"
]


def _case_line(y: int, text: str, *, full: bool, gap: int) -> list[tuple[int, int, int, str]]:
    """(left, top, width, word) of a case's line: as :func:`_line`, a " | " an extra gap of ``gap`` pixels."""
    parts = text.split(" | ")
    words = [word for part in parts for word in part.split()]
    widths = [24 * len(word) for word in words]
    breaks = len(parts) - 1
    natural = sum(widths) + 14 * (len(words) - 1) + gap * breaks
    space = 14 + (RIGHT - LEFT - natural) / max(len(words) - 1, 1) if full else 14
    ends = {len(" ".join(parts[: index + 1]).split()) - 1 for index in range(breaks)}
    placed, x = [], float(LEFT)
    for index, (word, width) in enumerate(zip(words, widths, strict=True)):
        placed.append((round(x), y, width, word))
        x += width + space + (gap if index in ends else 0)
    return placed


def _case_tsv(tmp_path: Path, lines: list[list[str]], gap: int) -> Path:
    rows = [HEADER, f"1\t1\t0\t0\t0\t0\t0\t0\t{WIDTH}\t{HEIGHT}\t-1\t"]
    printed = [(NEXT, "full"), (NEXT, "full"), (SHORT, "short"), *((text, kind) for text, kind in lines)]
    y = 400
    for number, (text, kind) in enumerate(printed, start=1):
        if number == 4:  # the case's lines, a paragraph's space below the page's first one
            y += GAP
        full = kind == "full"
        shift, height = (0, 44) if full else (10, 36)
        for index, (x, top, width, word) in enumerate(_case_line(y, text, full=full, gap=gap), start=1):
            rows.append(f"5\t1\t1\t1\t{number}\t{index}\t{x}\t{top + shift}\t{width}\t{height}\t90\t{word}")
        y += PITCH
    path = tmp_path / "page.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", LINE_BREAKS, ids=[case["note"] for case in LINE_BREAKS])
def test_the_scanned_line_break_cases(tmp_path: Path, case: dict[str, Any]) -> None:
    # tests/cases/scanned_line_breaks.toml: which lines of a scan go on with the paragraph above
    texts = [line.text for line in load_tsv(_case_tsv(tmp_path, case["lines"], case.get("gap", 0))).lines()]
    assert texts[0] == f"{NEXT} {NEXT} {SHORT}"
    assert texts[1:] == case["paragraphs"]


def _boxed_low(path: Path, number: int, height: int) -> Path:
    """The page with line ``number``'s boxes cut to ``height``, their baseline kept: OCR's box of low letters."""
    rows = path.read_text(encoding="utf-8").splitlines()
    for index, row in enumerate(rows):
        fields = row.split("\t")
        if fields[0] == "5" and fields[4] == str(number):
            bottom = int(fields[7]) + int(fields[9])
            fields[7], fields[9] = str(bottom - height), str(height)
            rows[index] = "\t".join(fields)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("short", ["vu sau:", "cac xa.", "ca nam,", "ca nuoc."])
@pytest.mark.parametrize("angle", [0.0, 0.4])
def test_a_last_line_of_low_letters_ocr_boxed_small_joins_its_paragraph(
    tmp_path: Path, short: str, angle: float
) -> None:
    # "vu sau:" without ascenders, descenders or marks: OCR boxes it at the letters' height, about half the font's
    y = 400
    lines = [(y, FIRST, True), (y + PITCH, short, False)]
    lines += [(y + (2 + index) * PITCH + GAP, NEXT, True) for index in range(4)]
    document = load_tsv(_boxed_low(_tsv(tmp_path, lines, angle), 2, 22))
    texts = [line.text for line in document.lines()]
    assert texts[0] == f"{FIRST} {short}"
    assert texts[1].startswith(NEXT)


@pytest.mark.parametrize(
    ("short", "height"),
    [
        ("Chi tiet.", 22),  # a capital and ascenders boxed as small: a smaller print, a note of its own
        ("nam ngay.", 22),  # a descender too
        ("ra soat.", 22),  # a "t" rises over the low letters
        ("vu sau:", 14),  # smaller than low letters of the paragraph's print are
    ],
)
def test_a_small_line_that_is_no_low_letters_of_the_print_stands_apart(tmp_path: Path, short: str, height: int) -> None:
    y = 400
    lines = [(y, FIRST, True), (y + PITCH, short, False)]
    lines += [(y + (2 + index) * PITCH + GAP, NEXT, True) for index in range(4)]
    document = load_tsv(_boxed_low(_tsv(tmp_path, lines, 0.0), 2, height))
    texts = [line.text for line in document.lines()]
    assert texts[:2] == [FIRST, short]
