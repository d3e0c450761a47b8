"""Matching forms of Vietnamese text: aligned folding, OCR repair, and the examples in the docstrings."""

from __future__ import annotations

import doctest
import importlib
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan.text.normalize import (
    KEYWORDS,
    PHRASES,
    Repair,
    fold,
    fold_aligned,
    is_syllable,
    nfc,
    repair_ocr,
    repair_text,
)

vietnamese = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                             "AĂÂĐÊÔƠƯÀÁẢÃẠĐẾỀỐỒỨỪ0123456789 /-–,.;:\n\t\u00a0%()")
)  # fmt: skip


@given(text=st.text())
def test_fold_aligned_keeps_every_position(text: str) -> None:
    assert len(fold_aligned(text)) == len(nfc(text))


@given(text=vietnamese)
def test_fold_aligned_agrees_with_fold(text: str) -> None:
    assert " ".join(fold_aligned(text).split()) == " ".join(fold(text).replace("–", "-").split())


def test_fold_aligned_maps_dashes_spaces_and_quotes() -> None:
    assert fold_aligned("Quý\u00a0III – “Đạt”\u2019") == 'quy iii - "dat"\''
    assert fold_aligned("a\nb\tc") == "a\nb c"


@given(text=st.text())
def test_repair_keeps_every_position(text: str) -> None:
    folded = fold_aligned(text)
    repaired, repairs = repair_ocr(folded)
    assert len(repaired) == len(folded)
    for repair in repairs:
        assert folded[repair.position] == repair.found
        assert repaired[repair.position] == repair.read_as
    changed = [i for i, (a, b) in enumerate(zip(folded, repaired, strict=True)) if a != b]
    assert changed == [r.position for r in repairs]


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        ("s6 61/2018/nd-cp", "so 61/2018/nd-cp"),
        ("tr0ng nam 2o21", "trong nam 2021"),
        ("ty 1e l00%", "ty le 100%"),
        ("ngay 3l/12/2o20", "ngay 31/12/2020"),
        ("thu0ng xuyen", "thuong xuyen"),
        ("72/2025/qh15", "72/2025/qh15"),
        ("ubtvqh14", "ubtvqh14"),
        ("quy iv/2021", "quy iv/2021"),
    ],
)
def test_repair_reads_look_alikes(damaged: str, clean: str) -> None:
    assert repair_ocr(damaged)[0] == clean


def test_clean_text_needs_no_repair() -> None:
    text = "truoc ngay 31/12/2020"
    assert repair_ocr(text) == (text, ())
    assert str(Repair(position=3, found="0", read_as="o")) == "'0' read as 'o' at 3"


@pytest.mark.parametrize(
    "module",
    [
        "parplan.text.normalize",
        "parplan.text.numbers",
        "parplan.text.timeframes",
        "parplan.text.targets",
        "parplan.text.legal",
        "parplan.text.areas",
        "parplan.text.periods",
        "parplan.text.dates",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# -- words scanning damaged ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("Truéc nărn 2025", "Trước năm 2025"),
        ("Trudc ngay 31/5", "Trước ngay 31/5"),
        ("Trong 6 thang cudi nam 2025", "Trong 6 thang cuối nam 2025"),
        ("Thudng xuyén", "Thường xuyén"),
        ("chậrn nhất", "chậm nhất"),
        ("tdi da 07 ngay", "tối da 07 ngay"),
        ("khéng thap hon 60%", "không thap hon 60%"),
        ("trong nhém 19/108", "trong nhóm 19/108"),
        ("so véi nam 2023", "so với nam 2023"),
        ("TRUÉC NGÀY", "TRƯỚC NGÀY"),
        ("Quyết định số 43/QĐÐ-UBND", "Quyết định số 43/QĐ-UBND"),
        ("đến hết quý II/⁄2027", "đến hết quý II/2027"),
        ("Trước ngày 5⁄2", "Trước ngày 5/2"),
        ("chậm nhất trong,\ntháng 12/2025", "chậm nhất trong\ntháng 12/2025"),
        ("N ghị quyết số 06/2020/NQ-HĐND", "Nghị quyết số 06/2020/NQ-HĐND"),
    ],
)
def test_scanned_words_are_read_as_written(scanned: str, read: str) -> None:
    text, repairs = repair_text(scanned)
    assert fold(text) == fold(read)  # "tdi" may be "tối" or "tới": one of the keywords folding alike
    assert repairs
    for repair in repairs:
        assert scanned[repair.position : repair.position + len(repair.found)] == repair.found


@pytest.mark.parametrize(
    "clean",
    [
        "Dịch vụ công trực tuyến mức độ 3",  # "truc" is "trực" here: nothing like a date follows
        "Phạm vi áp dụng",  # "vi" is a word, not a lost "với"
        "Tỷ lệ hồ sơ TTHC được giải quyết",
        "Kế hoạch số 12/KH-UBND ngày 5/1/2022",
        "Phụ lục B kèm theo",  # a letter standing alone, then a word: no space to take out
        "Thông tư 01/TT-BNV",  # "TT" in a symbol is an abbreviation
        "Báo cáo sẽ 2 lần",  # "sẽ" folds to "se" but is written with its marks
    ],
)
def test_words_of_plan_text_are_never_repaired(clean: str) -> None:
    assert repair_text(clean) == (clean, ())


def test_a_word_too_is_read_as_a_keyword_only_in_its_context() -> None:
    assert repair_text("Truc ngay 05/9/2024")[0] == "Trước ngày 05/9/2024"  # the phrase "trước ngày"
    assert repair_text("Ti tháng 3/2025; tt ngày 01/4")[0] == "Từ tháng 3/2025; từ ngày 01/4"  # "từ" before a time
    assert repair_text("ti lệ 95%; TT 12/2023")[0] == "ti lệ 95%; TT 12/2023"
    assert repair_text("truc tuyen")[0] == "truc tuyen"
    assert repair_text("Nghi dinh se 130/2005/ND-CP")[0] == "Nghi dinh số 130/2005/ND-CP"


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("Sd Nội vụ chủ trì", "Sở Nội vụ chủ trì"),
        ("Sé Tai nguyén va Môi trường", "Sở Tài nguyên và Môi trường"),
        ("SG Xay dung; SG Ké hoach va Dau tu", "Sở Xây dựng; Sở Kế hoạch và Đầu tư"),  # two capitals, one a vowel
        ("SG TU PHAP", "SỞ TƯ PHÁP"),  # in a line of capitals
        ("Cac sd, ban, nganh phối hợp", "Cac sở, ban, nganh phối hợp"),
        ("các sé, ban, ngành", "các sở, ban, ngành"),
        ("Sa Y tế; Sg Giao duc", "Sở Y tế; Sở Giao duc"),
        # near misses: a word written with its mark, a word in plain letters, another word after it
        ("sẽ nội vụ", "sẽ nội vụ"),
        ("So Tư pháp", "Sở Tư pháp"),  # a scanned line: OCR wrote "Sở" in plain letters
        ("so với Tư pháp", "so với Tư pháp"),  # "so" before no department's name
        ("sa thai", "sa thai"),
        ("se 130/2005", "số 130/2005"),
        ("SG 12; TT Nội vụ", "SG 12; TT Nội vụ"),  # capitals this short are an abbreviation elsewhere
    ],
)
def test_a_department_is_read_before_its_name(scanned: str, read: str) -> None:
    assert repair_text(scanned)[0] == read


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        (
            "Phòng Nội vụ chu tri, các phòng phoi hop; thoi gian: quý II",
            "Phòng Nội vụ chủ trì, các phòng phối hợp; thời gian: quý II",
        ),
        (
            "Văn phòng cht tri; phéi hgp. Thdi gian: truéc ngay 30/6/2025",
            "Văn phòng chủ trì; phối hợp. Thời gian: trước ngày 30/6/2025",
        ),
        ("(chi tri: Phòng Tư pháp)", "(chủ trì: Phòng Tư pháp)"),
        ("Chú trì thuc hién", "Chủ trì thực hiện"),
        ("THUC HIEN", "THỰC HIỆN"),
        ("thi gian: quý I", "thời gian: quý I"),
        ("hang thang bao cao, thudng xuyén; trong nam 2022", "hằng tháng báo cáo, thường xuyên; trong năm 2022"),
        ("khi cé huéng dan", "khi có hướng dẫn"),  # "hướng dẫn" a collocation
    ],
)
def test_role_and_time_phrases_are_read_through_ocr_confusions(scanned: str, read: str) -> None:
    assert repair_text(scanned)[0] == read


@pytest.mark.parametrize(
    "text",
    [
        "Chi tiéu số 3",  # "chỉ tiêu": "chi" alone is no role
        "Chủ tịch UBND xã chu đáo, thi hành; duy tri",  # words of the phrases, not together
        "Phòng Nội vụ chủ trì; thời gian: quý II",  # the phrases as written
        "thời gian, hop đồng",
    ],
)
def test_role_and_time_phrases_need_all_their_words(text: str) -> None:
    read = repair_text(text)[0]
    for phrase in PHRASES:
        assert read.lower().count(phrase) == text.lower().count(phrase)


def test_phrase_words_are_keywords() -> None:
    assert all(word in KEYWORDS for phrase in PHRASES for word in phrase.split())


def test_every_keyword_is_read_from_itself_without_marks() -> None:
    """The folded keyword is a word of plan text: never "repaired" into another keyword."""
    for keyword in KEYWORDS:
        assert repair_text(fold(keyword)) == (fold(keyword), ()), keyword


def test_syllable_shape() -> None:
    assert all(is_syllable(word) for word in ("xong", "nghieng", "khuyen", "ia", "quy"))
    assert not any(is_syllable(word) for word in ("truece", "thudng", "ndm", "tir", "cchc"))


@given(st.text(max_size=80))
def test_repair_text_keeps_what_it_does_not_repair(text: str) -> None:
    read, repairs = repair_text(text)
    written = nfc(text)
    if not repairs:
        assert read == written
    for repair in repairs:
        assert written[repair.position : repair.position + len(repair.found)] == repair.found


def test_positions_of_errors_point_into_the_text_as_written() -> None:
    """A repair that changes the length of a word does not move the position of an error."""
    from parplan import ParseError, parse_timeframe

    text = "Truéc nărn 20255"
    with pytest.raises(ParseError) as raised:
        parse_timeframe(text)
    assert raised.value.text == text
    assert text[raised.value.position :].startswith("2025")


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("Cong chức Twphap - H6tich", "Công chức Tư pháp - Hộ tịch"),  # run together, a vowel misread; collocations
        ("Céngchitc Van phong", "Công chức Văn phòng"),
        ("BO phan Mot cifa", "Bộ phận Một cửa"),  # the office of every plan, its "Bộ" read "BO"
        ("Phong Tổ chifc can bé", "Phong Tổ chức can bé"),  # "if" for "ư": the keyword "chức"
        ("Cong chtfc Văn hóa - Xã hội", "Công chức Văn hóa - Xã hội"),  # "tf" for "ư"
        ("Céng chtfc Tư pháp - Hộ tịch", "Công chức Tư pháp - Hộ tịch"),
    ],
)
def test_words_of_plan_text_damaged_past_the_keywords_are_read_as_its_syllables(scanned: str, read: str) -> None:
    assert repair_text(scanned)[0] == read


@pytest.mark.parametrize(
    "text",
    [
        "Hoang Van Son",  # a name shaped as a syllable: left as written, never "Hoa no"
        "Krong Bong",
        "Hdi dong",  # "hdi" may be "hội" or "hải": read two ways, left as written
        "Kréng Nang",  # a name with a mark a scan left is not a plan syllable damaged
        "28/KH-UBND, QD-TTg",  # symbols and abbreviations
        "ISO 9001:2015",
    ],
)
def test_tokens_read_more_than_one_way_or_shaped_as_syllables_are_left_as_written(text: str) -> None:
    assert repair_text(text)[0] == text


def test_the_phrase_parsers_do_not_read_damaged_words_as_syllables() -> None:
    """The syllables are read back for scanned lines only (repair_text); a parsed phrase keeps its words."""
    from parplan.text import read_timeframe

    reading = read_timeframe("khi có hướng dẫn của Twphap", year=2024)
    assert "Twphap" in str(reading.value)


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("theo kế hoạch cua huyén", "theo kế hoạch của huyện"),  # what a schedule says, as the plan wrote it
        ("Khi có hung dan của huyén", "Khi có hướng dẫn của huyện"),
        ("trước dot diéu tra xa hdi hoc cua tinh", "trước đợt điều tra xã hội học của tỉnh"),
        ("sau khi két thuc dot kiém tra", "sau khi kết thúc đợt kiểm tra"),
        ("Van hoa - Xahdi", "Văn hóa - Xã hội"),  # "hdi" alone is "hội" or "hải"; beside "xa", "xã hội"
        ("Trong 15 ngay ké từ ngay nhan Thong bao", "Trong 15 ngày kể từ ngày nhận Thông báo"),
        ("của Chui tich UBND tỉnh", "của Chủ tịch UBND tỉnh"),  # "ui" for "ủ"
        ("trong năm 2021 va nhifng nam tiép theo", "trong năm 2021 và những năm tiếp theo"),  # "if" for "ư"
        ("vao tuan dau thang 12/2021", "vao tuần đầu tháng 12/2021"),
        ("xa khi c6é hướng dẫn của huyện", "xa khi có hướng dẫn của huyện"),  # "oe" for "ó"
        ("(BO phan Mot cira; thong xuyén)", "(Bộ phận Một cửa; thường xuyên)"),  # "thông" never before "xuyên"
        ("Théi gian: thong xuyén.", "Thời gian: thường xuyên."),
        ("(Phòng Nội vụ chủ trì; thang 11/2023)", "(Phòng Nội vụ chủ trì; tháng 11/2023)"),  # a word of time, a number
        ("Quy II/2023; nam 2024", "Quý II/2023; năm 2024"),
        ("Bo phan Mot cva Hang ngay", "Bộ phận Một cửa Hằng ngày"),
        ("céc nhiém vu tai khoan 3 Muc II.", "các nhiệm vụ tại khoản 3 Mục II."),  # the plan's numbering, cited
        ("Bộ phận thực hiện: Ban Giém déc", "Bộ phận thực hiện: Ban Giám đốc"),  # "é" for "á"
        ("Cong chive Tw phap", "Công chức Tư pháp"),  # "iv" for "ư"
        ("Kế toán tham mutu UBND xã", "Kế toán tham mưu UBND xã"),  # the verbs that follow a lead
        ("Xã hội cap nhat tin bai", "Xã hội cập nhật tin bai"),
        ("Thong ké, 1a dau méi cai", "Thống kê, là đầu mối cai"),
        ("Phòng Nội vụ, la co quan thường truc", "Phòng Nội vụ, là cơ quan thường trực"),
        ("Các đơn vị được kiém tra chuan bi hồ sơ", "Các đơn vị được kiểm tra chuẩn bị hồ sơ"),
        ("xa Hung Thinh xay dung kế hoạch năm 2024 nhu sau:", "xa Hung Thinh xây dựng kế hoạch năm 2024 như sau:"),
        ("các đơn vị bao cáo két qua", "các đơn vị báo cáo két qua"),
        ("thời gian: theo 16 trinh của tỉnh", "thời gian: theo lộ trình của tỉnh"),  # "lộ" read as digits
        ("- Cd quan chi tri: Sd Tw phap.", "- Cơ quan chủ trì: Sở Tư pháp."),  # the labels of a task's fields
        ("- Co quan phéi hgp: Van phong", "- Cơ quan phối hợp: Văn phòng"),
        ("- Thoi gian thyc hién: Cham nhat", "- Thời gian thực hiện: Chậm nhất"),
        ("Don vi chu tri: Phong Noi vu", "Đơn vị chủ trì: Phòng Nội vụ"),
        ("+ Ngu@i thurc hién: Pho Hiéu truong", "+ Người thực hiện: Pho Hiệu trưởng"),
        ("B6 phan thuc hién: Khoa Kham bénh.", "Bộ phận thực hiện: Khoa Kham bénh."),
        ("cong chi?c tham mutu: Tu phap", "công chức tham mưu: Tư pháp"),  # "i?" for "ư", its horn a "?"
        ("Phé Chit tich UBND", "Phé Chủ tịch UBND"),  # "it" for "ủ"
        ("Hoc ky I nam hoc 2024 - 2025", "Học kỳ I năm học 2024 - 2025"),  # a school's times
        ("Can bé, công chức thi tran", "Cán bộ, công chức thi tran"),  # the comma of the phrase kept
        ("can b6, cong chuc xa", "cán bộ, công chức xa"),
        ("Hiéu trvdng; Pho Hiéu trwdng", "Hiệu trưởng; Pho Hiệu trưởng"),
        ("Hiéu truéng, Pho hiéu trudéng", "Hiệu trưởng, Pho hiệu trưởng"),
        ("(Bon vi chi tri: Phong Noi vu)", "(Đơn vi chủ trì: Phòng Nội vụ)"),  # the label's "Đ" read as a "B"
        ("Bon vi cht tri: Thanh tra", "Đơn vi chủ trì: Thanh tra"),
        ("; Bon vi phdi hop: Van phong", "; Đơn vi phối hợp: Văn phòng"),
        ("Bon vi thuc hién: Phong Y té", "Đơn vi thực hiện: Phong Y té"),
        ("Bon vi khach moi du hop", "Bon vi khach moi du hop"),  # the near miss: no task's label after it
        # "và" whose mark OCR lost between two quarters or months, and the first time's word
        ("vao quy II va quy IV nam 2024", "vao quý II và quý IV năm 2024"),
        ("trong thang 6 va thang 12 nam 2024", "trong tháng 6 và tháng 12 năm 2024"),
        ("quy I va quy III/2025", "quý I và quý III/2025"),
        ("quy II va quy dinh", "quy II va quy dinh"),  # near misses: no time after "va"
        ("ngay 5 va ngay 6", "ngay 5 va ngay 6"),
        # the items an area's lead line gives
        ("thurc hién cdc nhiém vu sau:", "thực hiện các nhiệm vụ sau:"),
        ("chi tri thuc hién cac néi dung trén;", "chủ trì thực hiện các nội dung trên;"),
        ("nhifng nhiém vu sau day:", "những nhiệm vụ sau đây:"),
        ("cac cong viéc dudi day", "cac cong viéc dưới đây"),
        ("cac nhiem vu sau", "các nhiệm vụ sau"),  # every word in plain letters
        ("cac nhiem vu khac", "cac nhiem vu khac"),  # near misses: no place after the items
        ("sau khi sap xep", "sau khi sap xep"),
        ("cong chitc Van phong va céng chifc Tai chinh", "công chức Văn phòng và công chức Tài chính"),
        ("công chức Tư pháp - Hộ tịch va Công an xã", "công chức Tư pháp - Hộ tịch và Công an xã"),
        ("Phòng Nội vụ va Phòng Tư pháp", "Phòng Nội vụ và Phòng Tư pháp"),
        ("Văn phòng HĐND va Trung tâm Phục vụ", "Văn phòng HĐND và Trung tâm Phục vụ"),
        ("Công chức Tư pháp va cán bộ Đoàn", "Công chức Tư pháp và cán bộ Đoàn"),
        ("Trung tâm Y tế va Bộ phận Một cửa", "Trung tâm Y tế và Bộ phận Một cửa"),
        ("va chạm giao thông", "va chạm giao thông"),  # near misses: no post or body after it
        ("Kế toán va cá nhân liên quan", "Kế toán va cá nhân liên quan"),
        ("Tu phap va cong an xa", "Tư pháp va cong an xa"),  # "va cong an" typed without marks: left
    ],
)
def test_collocations_of_plan_text_are_read_with_their_marks(scanned: str, read: str) -> None:
    assert repair_text(scanned)[0] == read


SCANNED_REPAIRS = tomllib.loads(
    (Path(__file__).parents[1] / "cases" / "scanned_repairs.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", SCANNED_REPAIRS, ids=[case["note"] for case in SCANNED_REPAIRS])
def test_the_scanned_repair_cases(case: dict[str, str]) -> None:
    # tests/cases/scanned_repairs.toml: words read as the plan wrote them, or left where the page leaves a doubt
    assert repair_text(case["scanned"])[0] == case["read"]
    if case["read"] == case["scanned"]:
        assert not repair_text(case["scanned"])[1]


@pytest.mark.parametrize(
    "text",
    [
        "Bộ phận Một cửa xã",  # written with its marks by a model that knows them: "cửa", not "của"
        "ngay sau khi có hướng dẫn",  # "ngay" not after a count is "at once"
        "hoàn thành ngay 15/3",
        "Đ/c Phan Van Hoa",  # a name, not "Văn hóa"
        "chung cho Tiêu chí 7.1",  # "cho" is a word, not a scanned "chế"
        "giao cho Văn phòng",
        "Thong tin xuyen suot",  # "thong" is "thường" only before "xuyên"
        "chui vao",  # "chui" alone is a word; "Chủ" only in "Chủ tịch", "chủ trì"
        "quy dinh tai Điều 5",  # "quy" before a word is "quy", not "quý"
        "Việt Nam 2023",
        "vai trò của xã",  # "vai", not a scanned "với"
        "dat muc 3 tro len",  # "mức 3" (a level) or "Mục 3": only a Roman numeral says "Mục"
        "dich vu cng tru'c tuyén",  # "trực" or "trước" less its "ơ": two readings, none taken
        "theo 16 trinh do",  # "16 trình độ" may be a count
        "theo lộ trình",
        "can bo sung kinh phi",  # "cần bổ sung": "cán bộ" only in "cán bộ, công chức"
        "Can bé cong tac",
    ],
)
def test_collocations_stay_silent_on_marked_words_names_and_other_words(text: str) -> None:
    assert repair_text(text)[0] == text


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("Trach nhiém thu hién: Phong Ndi vu chu tri", "Trách nhiệm thực hiện: Phòng Nội vụ chủ trì"),
        ("Tiéu chi 1.2. Kiém tra", "Tiêu chí 1.2. Kiểm tra"),
        ("Van phong HDND va UBND huyén", "Văn phòng HĐND và UBND huyện"),
    ],
)
def test_a_word_of_a_long_collocation_may_have_lost_its_last_letter(scanned: str, read: str) -> None:
    # "thu hién" is "thực hiện" only inside "Trách nhiệm thực hiện"; alone, "thu" is a word ("thu phí")
    assert repair_text(scanned)[0] == read
    assert repair_text("thu hién phí")[0] != "thực hiện phí"
