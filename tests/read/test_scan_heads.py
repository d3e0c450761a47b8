"""Heads of scanned plans as OCR without the Vietnamese model leaves them: read as a plan's head, less sure.

The masthead, the number, the place-and-date, the kind line and the title lose their marks or come out
with OCR's wrong ones ("S6", "théng", "ndm", "x4", "CHiNH"); a plan's head stays a plan's head, with a
doubt, and a page that is not a plan stays no plan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parplan.org import UnitKind
from parplan.read.head import _issuer_and_unit
from parplan.read.reader import read_source
from parplan.read.reading import Reading
from parplan.read.source import DocumentFormat, Line, SourceDocument
from parplan.text import fold
from parplan.text.normalize import repair_text
from parplan.timeframes import Span

_BODY = (
    "I. MUC DICH, YEU CAU",
    "Nang cao chat lugng giai quyét thu tuc hanh chinh cho ngudi dan.",
    "II. NHIEM VU",
    "1. Ra soat, don gian héa thu tuc hanh chinh. Van phong chu tri; thoi gian: quy II/{year}.",
    "2. Niém yét cong khai thu tuc hanh chinh. Bo phan Mot cua chu tri; thoi gian: thang 6/{year}.",
    "3. Tuyén truyén vé cai cach hanh chinh. Cong chuc Van hoa - Xa hoi chu tri; thoi gian: thuong xuyén.",
)


def _scan(head: list[str], year: int, document_format: DocumentFormat = DocumentFormat.SCAN) -> Reading:
    texts = [*head, *(line.format(year=year) for line in _BODY)]
    lines = [Line(text=text, number=index, page=1, confidence=91) for index, text in enumerate(texts, start=1)]
    return read_source(SourceDocument(blocks=lines, format=document_format, name="ke-hoach.png"))


_HEADS = [
    # a province's committee over two lines, a number with "S6", the date's "tháng" and "năm" damaged, a capital
    # title with OCR's small "i" wrapped before the bracketed name of an index
    (
        [
            "UY BAN NHAN DAN\tCONG HOA XA HOI CHU NGHIA VIET NAM",
            "TINH QUANG TRI\tDoc lap - Tu do - Hanh phuc",
            "S6: 45/KH-UBND\tQuang Tri, ngay 05 théng 3 ndm 2024",
            "KE HOACH",
            "NANG CAO CHi SO CAI CACH HANH CHINH VA CHi SO HAI LONG CUA NGUOI DAN DOI VOI SU PHUC VU CUA CO QUAN",
            "HANH CHiNH NHA NUOC",
            "(SIPAS) TINH QUANG TRI NAM 2024",
        ],
        2024,
        ("uy ban nhan dan tinh quang tri", UnitKind.PROVINCE, "quang tri"),
        ("45/KH-UBND", date(2024, 3, 5)),
        (
            "nang cao chi so cai cach hanh chinh va chi so hai long cua nguoi dan doi voi su phuc vu cua co quan hanh"
            " chinh nha nuoc (sipas) tinh quang tri nam 2024"
        ),
    ),
    # a commune's "xã" read "x4", the title in small letters, its year on a line of its own
    (
        [
            "UBND X4 HOA BINH\tCONG HOA XA HOI CHU NGHIA VIET NAM",
            "S6: 7/KH-UBND\tHoa Binh, ngay 12 thdng 01 nam 2026",
            "KE HOACH",
            "Cai cach hanh chinh cua x4",
            "nim 2026",
        ],
        2026,
        ("uy ban nhan dan xa hoa binh", UnitKind.COMMUNE, "hoa binh"),
        ("7/KH-UBND", date(2026, 1, 12)),
        "cai cach hanh chinh cua xa nam 2026",
    ),
    # a ward's committee under its district's, each wrapped after the kind of its unit
    (
        [
            "UY BAN NHAN DAN QUAN\tCONG HOA XA HOI CHU NGHIA VIET",
            "NGU HANH SON\tNAM",
            "UY BAN NHAN DAN PHUONG\tDoc lap - Tu do - Hanh phuc",
            "HOA HAI",
            "S6: 21/KH-UBND\tHoa Hai, ngay 20 thang 02 nam 2024",
            "KE HOACH",
            "Cai cach hanh chinh phuong Hoa Hai nam 2024",
        ],
        2024,
        ("uy ban nhan dan phuong hoa hai", UnitKind.WARD, "hoa hai"),
        ("21/KH-UBND", date(2024, 2, 20)),
        "cai cach hanh chinh phuong hoa hai nam 2024",
    ),
    # a department whose capital "Í" OCR read as "Ii", its number after "Sd:"
    (
        [
            "UBND TINH YEN BAI\tCONG HOA XA HOI CHU NGHIA VIET NAM",
            "SO TAI CHiINH\tDoc lap - Tu do - Hanh phuc",
            "Sd: 30/KH-STC\tYen Bai, ngay 14 thang 3 nam 2025",
            "KE HOACH",
            "CAI CACH HANH CHiNH NAM 2025",
        ],
        2025,
        ("so tai chinh", UnitKind.PROVINCE, "yen bai"),
        ("30/KH-STC", date(2025, 3, 14)),
        "cai cach hanh chinh nam 2025",
    ),
]


@pytest.mark.parametrize(("head", "year", "issuer", "number", "title"), _HEADS, ids=["tinh", "xa", "phuong", "so"])
def test_a_head_ocr_damaged_is_read_as_the_plan_s_head_with_a_doubt(
    head: list[str], year: int, issuer: tuple[str, UnitKind, str], number: tuple[str, date], title: str
) -> None:
    reading = _scan(head, year)
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert fold(plan.issuer.name) == issuer[0]
    assert plan.unit is not None
    assert (plan.unit.kind, fold(plan.unit.name or "")) == issuer[1:]
    assert plan.year == year
    assert (str(plan.symbol), plan.issued_on) == number
    assert " ".join(fold(plan.title).split()) == title
    assert len(plan.tasks) == 3
    assert any(doubt.startswith("the head was read from words the scan damaged") for doubt in reading.doubts)
    head_fields = {"$.title", "$.issuer", "$.unit", "$.symbol", "$.issued_on"}
    sources = [source for source in plan.sources if source.path in head_fields]
    assert sources
    assert all(source.confidence is None or source.confidence < Decimal("0.9") for source in sources)


def test_a_head_printed_with_its_marks_gives_no_doubt_of_damage() -> None:
    head = [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN TAM ĐẢO\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 18/KH-UBND\tTam Đảo, ngày 08 tháng 01 năm 2025",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2025",
    ]
    reading = _scan(head, 2025)
    assert reading.plan is not None
    assert not any("the scan damaged" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize(("place", "year"), [("Gia Lai", 2026), ("Kon Tum", 2024), ("Ca Mau", 2025)])
def test_a_database_s_metadata_in_cells_and_a_subject_without_its_kind_line(place: str, year: int) -> None:
    upper = place.upper()
    head = [
        f"Ké hoach 12/KH-UBND nam {year} cai cach hanh chinh nha nuéc tinh {place} nam",
        "S6 hiéu\t12/KH-UBND",
        f"Ngay ban hanh\t09/01/{year}",
        f"Ngay co hiéu luc\t09/01/{year}",
        "Loai van ban\tKé hoach",
        f"Co quan ban hanh\tTinh {place}",
        "Nguoi ky\tTran Van Minh",
        "Linh vuc\tBo may hanh chinh",
        "UY BAN NHAN DAN |",
        "CONG HOA XA HOI",
        "CHU NGHIA VIET NAM |",
        "S6: 12/KH-UBND |",
        f"{place}, ngay 09 thang 01 nam {year} |",
        f"CAI CACH HANH CHIiNH NHA NUOC TINH {upper} NAM {year}",
        (
            f"Thuc hién Nghi quyét s6 76/NQ-CP cia Chinh phi, Uy ban nhan dan tinh ban hanh Ké hoach cai cach hanh"
            f" chinh nha nuéc tinh {place} nam {year}, cu thé nhu sau:"
        ),
    ]
    reading = _scan(head, year)
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert fold(plan.title) == fold(f"CAI CACH HANH CHINH NHA NUOC TINH {upper} NAM {year}")
    assert plan.unit is not None
    assert (plan.unit.kind, fold(plan.unit.name or "")) == (UnitKind.PROVINCE, fold(place))
    assert str(plan.symbol) == "12/KH-UBND"
    assert plan.issued_on == date(year, 1, 9)
    assert any(doubt.startswith("no kind line") for doubt in reading.doubts)
    unplaced = {line.text for line in reading.unplaced}
    assert "Nguoi ky\tTran Van Minh" in unplaced  # the database's rows are set aside, not read as the masthead


@pytest.mark.parametrize(
    ("sentence", "unit", "title"),
    [
        (
            (
                "Ngay 16/01/2026, Uy ban nhan dan x4 Tan Lap ban hanh Ké hoach sO 08/KH-UBND vé cai cach hanh chinh"
                " nim 2026. Ké hoach duoc xay dung nhu sau:"
            ),
            (UnitKind.COMMUNE, "tan lap"),
            "cai cach hanh chinh nam 2026",
        ),
        (
            (
                "Ngay 03/02/2025, UBND phuong Dong Hai ban hanh Ké hoach s6 15/KH-UBND vé kiém soat thu tuc hanh chinh"
                " nam 2025, véi cac ndi dung chinh nhu sau:"
            ),
            (UnitKind.WARD, "dong hai"),
            "kiem soat thu tuc hanh chinh nam 2025",
        ),
    ],
)
def test_a_portal_s_issuing_sentence_without_marks_gives_the_plan(
    sentence: str, unit: tuple[UnitKind, str], title: str
) -> None:
    year = int(title[-4:])
    head = [
        "CONG THONG TIN DIEN TU",
        "Trang chu > Tin tuc - Su kién > Cai cach hanh chinh",
        f"Ké hoach cai cach hanh chinh nam {year}",
        f"Dang ngay: 20/02/{year}\tNguoi dang: Quan tri vién",
        sentence,
    ]
    reading = _scan(head, year)
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert fold(plan.title) == title
    assert plan.unit is not None
    assert (plan.unit.kind, fold(plan.unit.name or "")) == unit
    assert any(doubt.startswith("no kind line") for doubt in reading.doubts)
    source = next(source for source in plan.sources if source.path == "$.title")
    assert source.confidence is not None
    assert source.confidence < Decimal("0.9")


def test_a_text_typed_without_marks_reads_the_issuing_sentence_with_a_doubt() -> None:
    head = [
        (
            "Ngay 10/3/2025, UBND xa Phu Cat ban hanh Ke hoach so 20/KH-UBND ve cai cach hanh chinh nam 2025,"
            " voi cac noi dung nhu sau:"
        ),
    ]
    reading = _scan(head, 2025, DocumentFormat.TEXT)
    assert reading.plan is not None
    assert fold(reading.plan.title) == "cai cach hanh chinh nam 2025"
    assert any(doubt.startswith("no kind line") for doubt in reading.doubts)
    source = next(source for source in reading.plan.sources if source.path == "$.title")
    assert source.confidence is not None
    assert source.confidence < Decimal("0.9")


@pytest.mark.parametrize(
    "head",
    [
        # a report, not a plan: its kind line says so, and it has no tasks of its own
        [
            "UY BAN NHAN DAN\tCONG HOA XA HOI CHU NGHIA VIET NAM",
            "X4 TAN LAP\tDoc lap - Tu do - Hanh phuc",
            "S6: 9/BC-UBND\tTan Lap, ngay 05 théng 6 ndm 2025",
            "BAO CAO",
            "KET QUA CAI CACH HANH CHiNH 6 THANG DAU NAM 2025",
        ],
        # a news item that mentions a plan but issues none
        [
            "CONG THONG TIN DIEN TU",
            "Ngay 16/01/2026, x4 Tan Lap t6 chuc hoi nghi vé cai cach hanh chinh nim 2026.",
        ],
    ],
    ids=["report", "news"],
)
def test_a_scanned_page_that_is_not_a_plan_stays_no_plan(head: list[str]) -> None:
    texts = [*head, "Cac dai biéu da thao luan va thong nhat cac ndi dung.", "Hoi nghi két thuc luc 11 gid."]
    lines = [Line(text=text, number=index, page=1, confidence=91) for index, text in enumerate(texts, start=1)]
    reading = read_source(SourceDocument(blocks=lines, format=DocumentFormat.SCAN, name="tin.png"))
    assert reading.plan is None
    assert reading.doubts


@pytest.mark.parametrize(
    ("lines", "issuer", "parent"),
    [
        (
            ["ỦY BAN NHÂN DÂN HUYỆN", "CỦ CHI", "ỦY BAN NHÂN DÂN XÃ", "TÂN THÔNG HỘI"],
            "Ủy ban nhân dân xã Tân Thông Hội",
            "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI",
        ),
        (
            ["UY BAN NHAN DAN THI XA", "BUON HO", "UY BAN NHAN DAN PHUONG", "AN LAC"],
            "Ủy ban nhân dân phường An Lac",
            "UY BAN NHAN DAN THI XA BUON HO",
        ),
        # one committee wrapped so is one name, with no parent
        (["ỦY BAN NHÂN DÂN HUYỆN", "PHÙ NINH"], "Ủy ban nhân dân huyện Phù Ninh", None),
    ],
)
def test_committees_wrapped_after_their_unit_s_kind(lines: list[str], issuer: str, parent: str | None) -> None:
    name, _, parent_line, _ = _issuer_and_unit(lines)
    assert (name, parent_line) == (issuer, parent)


@pytest.mark.parametrize(
    ("ocr", "read"),
    [
        ("UBND X4 TAN LAP", "UBND XÃ TAN LAP"),
        ("Uy ban nhan dan x4 Mudng La", "Uy ban nhan dan xã Mudng La"),
        ("cac x4, phudng", "cac xã, phuong"),
        ("HANH CHIiNH NHA NUOC", "HANH CHINH NHA NUOC"),
        ("SO TAI CHiINH", "SO TAI CHINH"),
        ("NANG CAO CHi SO", "NANG CAO CHI SO"),
        # near misses: a word that is not "xã", a symbol, words not in capitals
        ("X4y dung", "X4y dung"),
        ("so 12/X4-UB", "so 12/X4-UB"),
        ("Mini", "Mini"),
        ("iPhone", "iPhone"),
    ],
)
def test_head_words_ocr_damaged_in_a_scan_s_line(ocr: str, read: str) -> None:
    assert repair_text(ocr)[0] == read


@pytest.mark.parametrize(
    ("title", "document_format", "read"),
    [
        (["Cai cach hanh chinh nha nuéc", "Nam 2024"], DocumentFormat.SCAN, "Cai cach hanh chinh nha nuéc năm 2024"),
        (["CAI CACH HANH CHiNH NHA NUOC", "NAM 2024"], DocumentFormat.SCAN, "CAI CACH HANH CHINH NHA NUOC NĂM 2024"),
        (["Kiém soat thu tuc hanh chinh", "giai doan 2021 - 2025"], DocumentFormat.SCAN, None),
        (["Cải cách hành chính nhà nước", "Năm 2024"], DocumentFormat.TEXT, "Cải cách hành chính nhà nước năm 2024"),
    ],
)
def test_a_title_s_year_on_a_line_of_its_own_goes_on_the_title(
    title: list[str], document_format: DocumentFormat, read: str | None
) -> None:
    head = [
        "UY BAN NHAN DAN\tCONG HOA XA HOI CHU NGHIA VIET NAM",
        "HUYEN DUC TRONG\tDoc lap - Tu do - Hanh phuc",
        "S6: 3/KH-UBND\tDuc Trong, ngay 02 thang 01 nam 2024",
        "KE HOACH",
        *title,
    ]
    reading = _scan(head, 2024, document_format)
    assert reading.plan is not None, reading.doubts
    assert reading.plan.title == (read or " ".join(title))
    if read is None:  # a span, not its last year
        assert reading.plan.year is None
        span = reading.plan.span
        assert isinstance(span, Span)
        assert (span.start_year, span.end_year) == (2021, 2025)
    else:
        assert reading.plan.year == 2024


def test_a_line_opening_with_the_year_that_says_more_ends_the_title() -> None:
    head = [
        "UY BAN NHAN DAN\tCONG HOA XA HOI CHU NGHIA VIET NAM",
        "HUYEN DUC TRONG\tDoc lap - Tu do - Hanh phuc",
        "S6: 3/KH-UBND\tDuc Trong, ngay 02 thang 01 nam 2024",
        "KE HOACH",
        "Cai cach hanh chinh nam 2024",
        "Nam 2023, huyén dat két qua kha trong cai cach hanh chinh.",
    ]
    reading = _scan(head, 2024)
    assert reading.plan is not None
    assert reading.plan.title == "Cai cach hanh chinh năm 2024"


@pytest.mark.parametrize(
    ("lines", "issuer", "parent"),
    [
        (
            ["SO TAI NGUYEN VA MOI", "TRUONG", "VAN PHONG DANG KY DAT", "DAI"],
            "Van Phong Dang Ky Dat Dai",
            "SO TAI NGUYEN VA MOI TRUONG",
        ),
        (
            ["SỞ VĂN HÓA, THỂ THAO VÀ DU", "LỊCH", "TRUNG TÂM VĂN HÓA", "ĐIỆN ẢNH"],
            "Trung Tâm Văn Hóa Điện Ảnh",
            "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        ),
        # a body under its department, each on its line, and a department over its province: nothing joined
        (["SỞ TÀI CHÍNH", "VĂN PHÒNG"], "Văn Phòng Sở Tài Chính", "SỞ TÀI CHÍNH"),
        (["SỞ NỘI VỤ", "TỈNH LAI CHÂU"], "Sở Nội Vụ Tỉnh Lai Châu", None),
    ],
)
def test_a_body_s_name_wrapped_in_the_masthead_s_column(lines: list[str], issuer: str, parent: str | None) -> None:
    name, _, parent_line, _ = _issuer_and_unit(lines)
    assert (name, parent_line) == (issuer, parent)


@pytest.mark.parametrize(
    ("place_line", "place"),
    [
        ("Dong\tPhi, ngay 11 thang 01 nam 2024", "Dong Phu"),  # parted by a gap, a letter of its second word damaged
        ("Lao\tCai, ngay 14 thang 3 nam 2025", "Lao Cai"),
        ("Dong Phu, ngay 11 thang 01 nam 2024", "Dong Phu"),
        ("Dong Xoai, ngay 11 thang 01 nam 2024", "Dong Xoai"),  # another place, more than a letter away: kept
    ],
)
def test_a_scanned_place_line_parted_or_damaged(place_line: str, place: str) -> None:
    unit = "TINH LAO CAI" if place == "Lao Cai" else "HUYEN DONG PHU"
    head = [
        "UY BAN NHAN DAN",
        unit,
        "S6: 09/KH-UBND",
        "CONG HOA XA HOI CHU NGHIA VIET NAM",
        "Doc lap - Tu do - Hanh phuc",
        place_line,
        "KE HOACH",
        "Cai cach hanh chinh nam 2024",
    ]
    reading = _scan(head, 2024)
    assert reading.plan is not None
    assert reading.plan.place == place
    corrected = any(doubt.startswith("the place 'Dong Phi' was read") for doubt in reading.doubts)
    assert corrected == place_line.startswith("Dong\tPhi")
