"""Lines of scans: the numbering marks, dashes and head words OCR damages, read as printed, and nothing else."""

from __future__ import annotations

import pytest

from parplan.read.layout import read_head, read_tail
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
        ("Il/ NHIEM VU TRONG TAM", "II/ NHIEM VU TRONG TAM"),  # a plan numbering its parts with slashes
        ("IlI/ TO CHUC THUC HIEN", "III/ TỔ CHỨC THỰC HIỆN"),
        ("- Gidi phap: Ban hanh", "- Giải phap: Ban hanh"),
        (
            "D/c Nguyen Thi Hoa — công chức Văn phòng va D/c Phan Van Cuong — công chức Tư pháp",
            "Đ/c Nguyen Thi Hoa – công chức Văn phòng và Đ/c Phan Van Cuong – công chức Tư pháp",
        ),
        (
            "Phan cng trách nhiệm: Đ/c Lê Văn Bình – Phó Chủ tịch",
            "Phân công trách nhiệm: Đ/c Lê Văn Bình – Phó Chủ tịch",
        ),
        # a web address a printed web page left, OCR putting a space inside it: one address, set aside
        (
            "https://vanban.example.vn/T CVN/linh-vuc/quyet-dinh-15.aspx",
            "https://vanban.example.vn/TCVN/linh-vuc/quyet-dinh-15.aspx",
        ),
        ("www.dichvucong.gov .vn/p/home", "www.dichvucong.gov.vn/p/home"),
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
        "Il/ Muc tieu",  # "II/" or "11/"? a heading in lower case does not say
        "11/ NĂM 2025",  # a number, not a numeral
        "Tổng số 35 triệu đồng",
        "báo cáo UBND xã (qua d/c Hoa) theo quy định",  # a comrade named by one word: nothing to read otherwise
        "Đ/c Lê Văn Bình - Phó Chủ tịch UBND xã",  # a short dash after the name is the plan's own
        "Chi phí va D/C",
        "https://dichvucong.gov.vn de tra cuu ho so",  # words after an address are no part of it
    ],
)
def test_lines_ocr_did_not_damage_stay_as_they_are(line: str) -> None:
    assert scan_line(line) == line


def _document(texts: list[str], document_format: DocumentFormat) -> SourceDocument:
    lines = [Line(text=t, number=i, page=1, confidence=90) for i, t in enumerate(texts, start=1)]
    return SourceDocument(blocks=lines, format=document_format, name="plan")


def test_a_web_address_ocr_parted_inside_a_paragraph_is_set_aside_and_the_paragraph_goes_on() -> None:
    texts = [
        "a) Xây dựng cơ chế tạo điều kiện thuận lợi cho doanh",
        "https://vanban.example.vn/T CVN/linh-vuc/quyet-dinh-15.aspx",
        "nghiệp khởi nghiệp trong năm;",
    ]
    kept, aside, _ = clean_lines(_document(texts, DocumentFormat.SCAN))
    assert [line.text for line in aside] == ["https://vanban.example.vn/TCVN/linh-vuc/quyet-dinh-15.aspx"]
    assert [line.text for line in kept] == [texts[0], texts[2]]


def test_only_scans_are_read_through_ocr_repairs() -> None:
    texts = ["Ill. NHIEM VU", "a} Ra soat"]
    scanned, _, _ = clean_lines(_document(texts, DocumentFormat.SCAN))
    typed, _, _ = clean_lines(_document(texts, DocumentFormat.TEXT))
    assert [line.text for line in scanned] == ["III. NHIEM VU", "a) Rà soát"]  # "rà soát" a collocation of plans
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
    for first in (
        "Cn ct Ké hoach số 4127/KH-UBND ngay 23/12/2022",
        "Theo két qua cong bố Chỉ số CCHC tại",
        "Thu hién Ké hoach số 09/KH-UBND ngay 15/01/2023 của UBND huyén",  # "Thực hiện" as a scan leaves it
        "Kinh giti: Sở Nội vụ tỉnh.",  # "Kính gửi:"
    ):
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


def test_the_motto_wrapped_in_its_column_is_not_the_issuer_s() -> None:
    for first, second in (
        ("CONG HOA XA HOI CHU", "NGHIA VIET NAM"),
        ("CONG HOA XA HOI", "CHU NGHIA VIET NAM"),
        ("CONG HOA XA H6I CHU NGHIA VIET", "NAM"),
    ):
        head = _head(
            [
                "UY BAN NHAN DAN",
                "HUYEN KRONG BONG",
                first,
                second,
                "Doc lap - Tu do - Hanh phuc",
                "S6: 41/KH-UBND",
                "KE HOACH",
                "Cai cach hanh chinh nam 2022",
            ]
        )
        assert head.issuer_lines == ("UY BAN NHAN DAN", "HUYEN KRONG BONG"), first  # type: ignore[attr-defined]


def test_the_motto_s_last_word_after_the_other_column_s_fragment_is_set_aside() -> None:
    head = _head(
        [
            "UY BAN NHAN DAN XA PHU\tCONG HOA XA HOI CHU NGHIA VIET",
            "LOC\tNAM",
            "Doc lap - Tu do - Hanh phic",
            "S6: 07/KH-UBND\tPhu Loc, ngay 16 thang 01 nam 2023",
            "KE HOACH",
            "Cai cach hanh chinh nam 2023",
        ]
    )
    assert head.issuer_lines == ("UY BAN NHAN DAN XA PHU LOC",)  # type: ignore[attr-defined]


def test_a_place_name_the_masthead_column_wrapped_is_put_back_and_a_body_is_not() -> None:
    wrapped = _head(["UY BAN NHAN DAN TINH HA", "NAM", "SO NOI VU", "QUYET DINH", "Ve viec ban hanh Ke hoach nam 2022"])
    assert wrapped.issuer_lines == ("UY BAN NHAN DAN TINH HA NAM", "SO NOI VU")  # type: ignore[attr-defined]
    body = _head(["UBND HUYEN AN LAO", "PHONG NOI VU", "KE HOACH", "Cai cach hanh chinh nam 2022"])
    assert body.issuer_lines == ("UBND HUYEN AN LAO", "PHONG NOI VU")  # type: ignore[attr-defined]
    named = _head(["UY BAN NHAN DAN", "XA HUNG THINH", "KE HOACH", "Cai cach hanh chinh nam 2024"])
    assert named.issuer_lines == ("UY BAN NHAN DAN", "XA HUNG THINH")  # type: ignore[attr-defined]


@pytest.mark.parametrize("so", ["SO:", "$6;"])
def test_a_number_under_a_so_read_in_capitals_or_with_a_semicolon_is_read(so: str) -> None:
    head = _head(["UY BAN NHAN DAN", "HUYEN KRONG BONG", so, "58/KH-UBND", "KE HOACH", "Cai cach nam 2024"])
    assert head.number == "58/KH-UBND"  # type: ignore[attr-defined]


def test_a_department_s_name_is_no_number() -> None:
    head = _head(["UBND TINH QUANG TRI", "SO NOI VU", "KE HOACH", "Cai cach hanh chinh nam 2026"])
    assert head.number is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("tail", "position", "name"),
    [
        (["Noi nhan:", "- UBND huyen;", "- Luu: VT.", "TM. UY BAN NHAN DAN", "CHU TICH", "D6 Minh Khoa"],
         "CHU TICH", "D6 Minh Khoa"),
        (["Noi nhan:", "- UBND huyen;", "- Luu: VT.", "TM. UY BAN NHAN DAN", "CHU TICH Y Ko Nié"],
         "CHU TICH", "Y Ko Nié"),
        (["Noi nhan: TM. UY BAN NHAN DAN", "- UBND huyen; CHU TICH", "- Luu: VT. H6 Van Khai"],
         "CHU TICH", "H6 Van Khai"),
        (["Noi nhan:", "- Nhu Dieu 3;", "- Luu: VT.", "GIAM DOC", "Pham Thu Dung"], "GIAM DOC", "Pham Thu Dung"),
        (["Noi nhan: KT. GIAM DOC", "- UBND tinh (b/c); PHO GIAM DOC", "- Luu: VT, VP. Dinh Cong Thang"],
         "PHO GIAM DOC", "Dinh Cong Thang"),
        (["Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Như trên; CHỦ TỊCH", "- Lưu: VT, P.TH. Lò Thị Mai"],
         "CHỦ TỊCH", "Lò Thị Mai"),
        (["Noi nhan: KT. HIEU TRUONG", "- Phong GD&DT; PHO HIEU TRUONG", "- Luu: VT, HS (2b). Y Thanh Nie"],
         "PHO HIEU TRUONG", "Y Thanh Nie"),
        (["Noi nhan: KT. CHANH VAN PHONG", "- Cac phong; PHO CHANH VAN PHONG", "- Luu: VT Ha Van Son"],
         "PHO CHANH VAN PHONG", "Ha Van Son"),
    ],
)  # fmt: skip
def test_a_scanned_signature_is_read_through_lost_marks(tail: list[str], position: str, name: str) -> None:
    found, _ = read_tail([TextLine(t, i) for i, t in enumerate(tail, start=1)])
    assert found.signature is not None
    assert (found.signature.position, found.signature.name) == (position, name)


def test_a_recipient_beside_the_archive_line_is_no_name() -> None:
    found, _ = read_tail(
        [TextLine(t, i) for i, t in enumerate(["Noi nhan:", "- Luu: VT, NV.", "TM. UY BAN NHAN DAN", "CHU TICH"], 1)]
    )
    assert found.signature is not None
    assert found.signature.name is None
    assert found.recipients == ("Luu: VT, NV.",)


@pytest.mark.parametrize("archive", ["- Lưu: VT, P. Nội Vụ", "- Luu: VT, Phong Noi Vu", "- Lưu: VT, VP"])
def test_an_archive_line_whose_words_are_capitalised_holds_no_name(archive: str) -> None:
    # near misses: after an initial's stop, or with no stop at all, the words are the archive's
    lines = ["Nơi nhận: KT. GIÁM ĐỐC", "- UBND tỉnh; PHÓ GIÁM ĐỐC", archive]
    found, _ = read_tail([TextLine(t, i) for i, t in enumerate(lines, start=1)])
    assert found.signature is not None
    assert found.signature.name is None
    assert found.recipients[-1] == archive.removeprefix("- ")


def test_a_part_heading_without_marks_is_read_and_a_name_is_not() -> None:
    assert scan_line("Phan III") == "Phần III"
    assert scan_line("PHAN II.") == "PHẦN II."
    assert scan_line("Phan Van Binh") == "Phan Van Binh"
    assert scan_line("Phan 3 thu tuc") == "Phan 3 thu tuc"


def test_a_role_phrase_broken_over_two_scanned_lines_is_read_as_one() -> None:
    texts = ["Van phong HDND va UBND huyen chu", "tri; cac co quan phoi hop."]
    scanned, _, _ = clean_lines(_document(texts, DocumentFormat.SCAN))
    assert [line.text for line in scanned] == [
        "Văn phòng HĐND và UBND huyện chủ",  # the office's name a collocation of plans as well
        "trì; các cơ quan phối hợp.",
    ]
    typed, _, _ = clean_lines(_document(texts, DocumentFormat.TEXT))
    assert [line.text for line in typed] == texts


_DECISION = [
    "UBND TINH HA NAM\tCONG HOA XA HOI CHU NGHIA VIET NAM",
    "SO NOI VU\tDoc lap - Tu do - Hanh phuc",
    "S6: 30/QB-SNV\tHa Nam, ngay 20 thang 01 nam 2022",
    "QUYET DINH",
    "Vé viéc ban hanh Ké hoach tuyén truyén cai cach hanh chinh nam 2022",
    "GIAM DOC SO NOI VU",
    "QUYET DINH:",
    (
        "Diéu 1. Ban hanh kém theo Quyét dinh nay Ké hoach tuyén truyén cai cach hanh chinh nam 2022 ctia So"
        " N6i vu, voi cac ndi dung sau:"
    ),
    "1. Dang tai tin, bai vé cai cach hanh chinh. Van phong So chu tri; thoi gian: hang quy.",
    "Diéu 2. Quyét dinh nay co hiéu luc ké tir ngay ky.",
]


def test_a_scanned_decision_s_article_one_and_damaged_number_are_read_with_a_doubt() -> None:
    reading = read_source(_document(_DECISION, DocumentFormat.SCAN))
    assert reading.plan is not None
    assert reading.plan.title.startswith("Tuyên truyền cai cach hanh chinh năm 2022")
    assert reading.plan.adopted_by is not None
    assert str(reading.plan.adopted_by.symbol) == "30/QĐ-SNV"
    assert any("a scan damaged its type" in doubt for doubt in reading.doubts) or any(
        "a scan damaged its type" in doubt for source in reading.plan.sources for doubt in source.doubts
    )


def test_a_typed_number_is_not_repaired() -> None:
    reading = read_source(_document(_DECISION, DocumentFormat.TEXT))
    symbol = reading.plan.adopted_by.symbol if reading.plan is not None and reading.plan.adopted_by else None
    assert symbol is None or str(symbol) != "30/QĐ-SNV"


@pytest.mark.parametrize(
    ("parent", "body", "issuer"),
    [
        (["UY BAN NHAN DAN QUAN", "SON TRA"], ["UY BAN NHAN DAN PHUONG", "AN HAI BAC"], "phường An Hai Bac"),
        (["UY BAN NHAN DAN HUYEN", "PHU NINH"], ["UY BAN NHAN DAN XA", "TIEN DU"], "xã Tien Du"),
        (["UBND THANH PHO"], ["UY BAN NHAN DAN PHUONG", "HOA CUONG BAC"], "phường Hoa Cuong Bac"),
    ],
)
def test_a_parent_and_its_committee_each_wrapped_in_the_masthead_are_two(
    parent: list[str], body: list[str], issuer: str
) -> None:
    # "ỦY BAN NHÂN DÂN QUẬN" over "SƠN TRÀ", then "ỦY BAN NHÂN DÂN PHƯỜNG" over "AN HẢI BẮC": the issuer is the
    # committee of the lower unit, its name wrapped in the narrow column
    texts = [*parent, *body, "So: 17/KH-UBND", "KE HOACH", "Cai cach hanh chinh nam 2024", "I. MUC DICH"]
    reading = read_source(_document(texts, DocumentFormat.SCAN))
    assert reading.plan is not None
    assert reading.plan.issuer.name == f"Ủy ban nhân dân {issuer}"
    assert reading.plan.unit is not None
    assert reading.plan.unit.parent is not None


def test_a_lone_committee_wrapped_in_the_masthead_is_read_whole() -> None:
    # the near miss: one committee wrapped after its unit's kind, no parent above it
    texts = ["UY BAN NHAN DAN HUYEN", "PHU NINH", "So: 17/KH-UBND", "KE HOACH", "Cai cach hanh chinh nam 2024"]
    reading = read_source(_document(texts, DocumentFormat.SCAN))
    assert reading.plan is not None
    assert reading.plan.issuer.name == "Ủy ban nhân dân huyện Phu Ninh"
