"""Lines of scans: the numbering marks, dashes and head words OCR damages, read as printed, and nothing else."""

from __future__ import annotations

import pytest

from parplan.read.layout import read_head
from parplan.read.lines import TextLine, clean_lines, scan_line
from parplan.read.reader import read_source
from parplan.read.source import DocumentFormat, Line, SourceDocument


@pytest.mark.parametrize(
    ("ocr", "printed"),
    [
        ("Ill. NHIEM VU TRONG TAM", "III. NHIEM VU TRONG TAM"),
        ("1V. KINH PHI THUC HIEN", "IV. KINH PHI THỰC HIỆN"),
        ("Il. MỤC TIÊU", "II. MỤC TIÊU"),
        ("l. Muc dich", "1. Muc dich"),
        ("a} Rà soát văn bản", "a) Rà soát văn bản"),
        ("b] Niêm yết thủ tục", "b) Niêm yết thủ tục"),
        ("2, Cải cách thể chế", "2. Cải cách thể chế"),
        ("— Phòng Nội vụ huyện;", "- Phòng Nội vụ huyện;"),
        ("hoàn thành truéc ngày 30/6/2023", "hoàn thành trước ngày 30/6/2023"),
        ("II, NOI DUNG, NHIEM VU", "II. NOI DUNG, NHIEM VU"),
        ("Il, MUC TIEU", "II. MUC TIEU"),
        ("- Gidi phap: Ban hanh", "- Giải phap: Ban hanh"),
    ],
)
def test_what_ocr_damages_is_read_as_printed(ocr: str, printed: str) -> None:
    assert scan_line(ocr) == printed


@pytest.mark.parametrize(
    "line",
    [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU",
        "1. Mục tiêu",
        "11. Cải cách tài chính công",  # a number, not a numeral: never turned into one
        "Il. Muc tieu",  # "II." or "11."? a heading in lower case does not say
        "l, m, n là các chỉ số",
        "a) Ban hành Kế hoạch",
        "- Rà soát thủ tục",
        "2, 3 và 4 là các tiêu chí",  # a comma before a number, not a capital
        "I, II và III là các phần",  # a comma after a numeral, in a sentence, not a heading
        "Tổng số 35 triệu đồng",
    ],
)
def test_lines_ocr_did_not_damage_stay_as_they_are(line: str) -> None:
    assert scan_line(line) == line


def _document(texts: list[str], document_format: DocumentFormat) -> SourceDocument:
    lines = [Line(text=t, number=i, page=1, confidence=90) for i, t in enumerate(texts, start=1)]
    return SourceDocument(blocks=lines, format=document_format, name="plan")


def test_only_scans_are_read_through_ocr_repairs() -> None:
    texts = ["Ill. NHIEM VU", "a} Ra soat"]
    scanned, _, _ = clean_lines(_document(texts, DocumentFormat.SCAN))
    typed, _, _ = clean_lines(_document(texts, DocumentFormat.TEXT))
    assert [line.text for line in scanned] == ["III. NHIEM VU", "a) Ra soat"]
    assert [line.text for line in typed] == texts


def _head(texts: list[str]) -> object:
    return read_head([TextLine(t, i) for i, t in enumerate(texts, start=1)])


def test_a_number_whose_so_ocr_damaged_is_read() -> None:
    for so in ("S06:", "Sé:", "S6:", "§6:", "$6:", "Số:"):
        head = read_head(
            [
                TextLine("UY BAN NHAN DAN\tCONG HOA XA HOI CHU NGHIA VIET NAM", 1),
                TextLine("XA XUAN LANH\tDoc lap - Tu do - Hanh phuc", 2),
                TextLine(f"{so} 09/KH-UBND\tXuan Lanh, ngay 10 thang 01 nam 2023", 3),
                TextLine("KE HOACH", 4),
                TextLine("Cai cach hanh chinh nam 2023", 5),
            ]
        )
        assert head.number == "09/KH-UBND", so


def test_the_title_stops_at_a_damaged_can_cu_and_at_a_sentence_after_its_year() -> None:
    for first in ("Cn ct Ké hoach số 4127/KH-UBND ngay 23/12/2022", "Theo két qua cong bố Chỉ số CCHC tại"):
        head = read_head(
            [
                TextLine("KE HOACH", 1),
                TextLine("Cai cach hanh chinh nam 2023", 2),
                TextLine(first, 3),
            ]
        )
        assert head.title == "Cai cach hanh chinh nam 2023", first


def test_a_title_that_goes_on_after_its_year_is_kept_whole() -> None:
    head = read_head(
        [
            TextLine("KẾ HOẠCH", 1),
            TextLine("Nâng cao Chỉ số CCHC năm 2024", 2),
            TextLine("theo các tiêu chí, tiêu chí thành phần", 3),
            TextLine("", 4),
            TextLine("Căn cứ Quyết định số 2930/QĐ-UBND ngày 14/12/2023;", 5),
        ]
    )
    assert head.title == "Nâng cao Chỉ số CCHC năm 2024 theo các tiêu chí, tiêu chí thành phần"


def test_a_scanned_heading_with_a_damaged_numeral_opens_its_part() -> None:
    texts = [
        "UBND XÃ AN PHÚ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/KH-UBND\tAn Phú, ngày 10 tháng 01 năm 2023",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2023",
        "Il. NHIEM VU TRONG TAM",
        "l. Tuyên truyền về cải cách hành chính.",
        "2. Niêm yết thủ tục hành chính.",
    ]
    plan = read_source(_document(texts, DocumentFormat.SCAN)).plan
    assert plan is not None
    assert [task.title for task in plan.tasks] == [
        "Tuyên truyền về cải cách hành chính.",
        "Niêm yết thủ tục hành chính.",
    ]
