"""Readings of targets and citations: what they say beyond the value, their doubts and confidence.

Each reading the issue reproduced wrongly has a test here, beside the phrases
that must stay silent (no doubt) and those that must be doubted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parplan import (
    Comparator,
    ParseError,
    PeriodKind,
    ReferenceFlag,
    SymbolForm,
    TargetFlag,
    Unit,
    extract_references,
    extract_targets,
    parse_target,
    read_index_result,
    read_references,
    read_target,
)

D = Decimal

# -- targets relative to the plan, groups, the last N ---------------------------------------------


def test_exceeding_the_plan_is_an_increase_over_the_plan() -> None:
    reading = read_target("Thu ngân sách vượt 5% kế hoạch")
    target = reading.value
    assert (target.comparator, target.value, target.unit) == (Comparator.INCREASE, D(5), Unit.PERCENT)
    assert target.baseline is not None
    assert target.baseline.text == "kế hoạch"
    assert (reading.relative_to, target.subject, reading.confidence) == ("plan", "Thu ngân sách", 1.0)


def test_exceeding_the_estimate() -> None:
    reading = read_target("Thu ngân sách vượt 10% so với dự toán huyện giao")
    assert reading.relative_to == "estimate"
    assert reading.value.baseline is not None
    assert reading.value.baseline.text == "dự toán huyện giao"


def test_a_share_of_the_estimate_is_not_out_of_range() -> None:
    reading = read_target("thu ngân sách xã đạt 105% dự toán được giao")
    assert (reading.value.comparator, reading.value.value, reading.relative_to) == (Comparator.GE, D(105), "estimate")
    assert reading.flags == ()


def test_a_share_above_the_whole_is_doubted() -> None:
    reading = read_target("Tỷ lệ hồ sơ đúng hạn đạt 110%")
    assert reading.flags == (TargetFlag.OUT_OF_RANGE,)
    assert reading.confidence < 0.9


def test_a_group_without_a_number_invents_no_rank() -> None:
    reading = read_target("giữ vững vị trí trong nhóm dẫn đầu")
    assert (reading.value.comparator, reading.value.value, reading.value.unit) == (Comparator.MAINTAIN, None, Unit.RANK)
    assert reading.group == "dẫn đầu"
    assert reading.value.baseline is not None
    assert reading.value.baseline.text == "nhóm dẫn đầu"
    assert reading.confidence == 1.0


def test_a_group_to_reach_is_doubted() -> None:
    reading = read_target("Phấn đấu nằm trong nhóm dẫn đầu của tỉnh")
    assert reading.value.value is None
    assert TargetFlag.AMBIGUOUS in reading.flags
    assert TargetFlag.INCOMPLETE in reading.flags


@pytest.mark.parametrize(
    ("text", "group", "unit"),
    [("Chỉ số PAPI duy trì trong nhóm 2", "2", None), ("Chỉ số CCHC duy trì nhóm A", "A", None)],
)
def test_named_groups(text: str, group: str, unit: Unit | None) -> None:
    reading = read_target(text)
    assert (reading.value.comparator, reading.value.value, reading.value.unit, reading.group) == (
        Comparator.MAINTAIN,
        None,
        unit,
        group,
    )


def test_a_numbered_top_group_is_a_rank() -> None:
    target = parse_target("Chỉ số CCHC nằm trong nhóm 10 xã dẫn đầu của huyện")
    assert (target.comparator, target.value, target.unit) == (Comparator.LE, D(10), Unit.RANK)


@pytest.mark.parametrize(
    ("text", "last"),
    [("Thoát khỏi nhóm 05 đơn vị xếp cuối", 5), ("không để Chỉ số CCHC của xã xếp cuối bảng", 1)],
)
def test_not_among_the_last(text: str, last: int) -> None:
    reading = read_target(text)
    assert reading.not_bottom == last
    assert (reading.value.comparator, reading.value.value, reading.value.unit) == (Comparator.INCREASE, None, Unit.RANK)
    assert reading.flags == (TargetFlag.INCOMPLETE,)


# -- changes, bounds, from … to …, bands ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator", "bound"),
    [
        ("Giảm ít nhất 30% thời gian giải quyết TTHC so với năm 2024", Comparator.DECREASE, Comparator.GE),
        ("số đầu mối giảm hơn 25% so với năm 2015", Comparator.DECREASE, Comparator.GT),
        ("Chỉ số CCHC năm 2025 tăng ít nhất 02 bậc so với năm 2024", Comparator.INCREASE, Comparator.GE),
    ],
)
def test_a_bounded_change_keeps_its_direction(text: str, comparator: Comparator, bound: Comparator) -> None:
    reading = read_target(text)
    assert (reading.value.comparator, reading.bound) == (comparator, bound)
    assert reading.value.baseline is not None


def test_from_a_baseline_up_to_a_target() -> None:
    target = parse_target("Tỷ lệ hồ sơ trực tuyến từ 45% năm 2024 lên 60% năm 2025")
    assert (target.comparator, target.value, target.unit, target.horizon) == (
        Comparator.GE,
        D(60),
        Unit.PERCENT,
        date(2025, 12, 31),
    )
    assert target.baseline is not None
    assert (target.baseline.value, target.baseline.year) == (D(45), 2024)


def test_from_a_baseline_down_below_a_target() -> None:
    target = parse_target("giảm số hồ sơ trễ hạn từ 12 hồ sơ xuống dưới 5 hồ sơ")
    assert (target.comparator, target.value, target.unit, target.subject) == (
        Comparator.LT,
        D(5),
        Unit.COUNT,
        "số hồ sơ trễ hạn",
    )
    assert target.baseline is not None
    assert target.baseline.value == D(12)


def test_a_baseline_in_another_unit_is_read_and_evaluated() -> None:
    target = parse_target("Số hồ sơ trực tuyến tăng 10% so với 400 hồ sơ")
    assert target.baseline is not None
    assert (target.baseline.value, target.baseline.unit) == (D(400), Unit.COUNT)
    assert not target.evaluate(411).met
    assert target.evaluate(440).met


def test_a_band_keeps_its_upper_bound_and_says_the_target_cannot() -> None:
    reading = read_target("đạt từ 80% đến dưới 90%")
    assert (reading.value.comparator, reading.value.value) == (Comparator.GE, D(80))
    assert reading.upper is not None
    assert (reading.upper.comparator, reading.upper.value) == (Comparator.LT, D(90))
    assert reading.flags == (TargetFlag.INCOMPLETE,)


def test_a_score_out_of_its_scale() -> None:
    reading = read_target("Tổng điểm đạt 91,25/100 điểm")
    assert (reading.value.value, reading.value.unit, reading.scale) == (D("91.25"), Unit.POINTS, D(100))
    assert read_target("Tổng điểm đạt 105/100 điểm").flags == (TargetFlag.OUT_OF_RANGE,)


@pytest.mark.parametrize(
    ("text", "doubtful"),
    [
        ("Chỉ số CCHC tăng 1,39% so với năm trước", True),
        ("Tỷ lệ hồ sơ trễ hạn giảm 2% so với năm 2024", True),
        ("Chi thường xuyên giảm 5% so với năm 2024", False),
        ("Chỉ số CCHC tăng 3 điểm phần trăm so với năm 2024", False),
    ],
)
def test_a_change_in_percent_of_an_index_may_be_points(text: str, doubtful: bool) -> None:
    reading = read_target(text, year=2025)
    assert (TargetFlag.AMBIGUOUS in reading.flags) is doubtful


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Đăng tải ít nhất 02 tin, bài/tháng về CCHC", PeriodKind.MONTH),
        ("phát hành 04 số bản tin mỗi quý", PeriodKind.QUARTER),
        ("Tổ chức ít nhất 01 hội nghị đối thoại/năm", PeriodKind.YEAR),
    ],
)
def test_a_rate_per_period_is_doubted(text: str, per: PeriodKind) -> None:
    reading = read_target(text)
    assert reading.per is per
    assert TargetFlag.INCOMPLETE in reading.flags


def test_a_count_within_a_year_is_no_rate() -> None:
    reading = read_target("tổ chức 04 lớp tập huấn trong năm 2025")
    assert reading.per is None
    assert reading.flags == ()


# -- horizons, milestones, several targets ---------------------------------------------------------


def test_dated_milestones_in_one_sentence() -> None:
    target = parse_target("đến 30/6/2025 đạt 50%, đến 31/12/2025 đạt 100%")
    assert (target.comparator, target.value, target.horizon) == (Comparator.EQ, D(100), date(2025, 12, 31))
    assert [(m.by, m.value) for m in target.milestones] == [(date(2025, 6, 30), D(50)), (date(2025, 12, 31), D(100))]


@pytest.mark.parametrize(
    ("text", "horizon", "subject"),
    [
        (
            "Đến năm 2027, tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 80%",
            date(2027, 12, 31),
            "tỷ lệ hồ sơ trực tuyến toàn trình",
        ),
        ("đến hết quý II/2026 đạt 70%", date(2026, 6, 30), None),
        (
            "Giai đoạn 2026 - 2027: 100% TTHC được cung cấp trực tuyến",
            date(2027, 12, 31),
            "TTHC được cung cấp trực tuyến",
        ),
    ],
)
def test_a_horizon_at_the_start(text: str, horizon: date, subject: str | None) -> None:
    target = parse_target(text)
    assert (target.horizon, target.subject) == (horizon, subject)


def test_the_year_of_an_index_is_not_a_horizon() -> None:
    assert parse_target("Phấn đấu Chỉ số CCHC năm 2025 tăng ít nhất 02 bậc so với năm 2024").horizon is None


def test_two_targets_joined_by_and() -> None:
    text = "tỷ lệ hồ sơ trực tuyến đạt 60% và tỷ lệ thanh toán trực tuyến đạt 40%"
    assert [(t.value, t.subject) for t in extract_targets(text)] == [
        (D(60), "tỷ lệ hồ sơ trực tuyến"),
        (D(40), "tỷ lệ thanh toán trực tuyến"),
    ]
    reading = read_target(text)
    assert TargetFlag.AMBIGUOUS in reading.flags
    assert any("2 targets" in note for note in reading.notes)


@pytest.mark.parametrize(
    "text",
    [
        "100% hồ sơ TTHC được giải quyết trước và đúng hạn",
        "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4 phải đạt từ 25% trở lên",
        "Năm 2025 đạt 60%, năm 2026 đạt 80% và đến năm 2027 đạt 100%",
    ],
)
def test_and_inside_one_target_splits_nothing(text: str) -> None:
    assert len(extract_targets(text)) == 1
    assert TargetFlag.AMBIGUOUS not in read_target(text).flags


# -- amounts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("Tổng kinh phí dự kiến: 48.500.000 đồng", Comparator.EQ),
        ("Kinh phí thực hiện: 12,5 triệu đồng", Comparator.EQ),
        ("thu ngân sách đạt 2,35 tỷ đồng", Comparator.GE),
        ("kinh phí không quá 250 nghìn đồng", Comparator.LE),
    ],
)
def test_a_budget_states_an_amount(text: str, comparator: Comparator) -> None:
    assert parse_target(text).comparator is comparator


def test_a_universal_whose_percent_sign_was_lost() -> None:
    reading = read_target("100 văn bản trao đổi giữa các cơ quan dưới dạng điện tử")
    assert (reading.value.comparator, reading.value.value, reading.value.unit) == (Comparator.EQ, D(100), Unit.PERCENT)
    assert reading.flags == (TargetFlag.UNIT_INFERRED, TargetFlag.AMBIGUOUS)
    assert parse_target("02 văn bản được ban hành").unit is Unit.COUNT


# -- results --------------------------------------------------------------------------------------------


def test_a_place_with_its_change_is_a_result() -> None:
    reading = read_target("đứng thứ 9/27, tăng 3 bậc so với năm trước")
    assert (reading.value.comparator, reading.value.value, reading.value.out_of) == (Comparator.EQ, D(9), 27)
    assert (reading.result, reading.change, reading.value.subject) == (True, D(3), None)
    assert reading.flags == ()


def test_a_result_with_a_change_in_percent_is_doubted() -> None:
    reading = read_target("Chỉ số CCHC năm 2024 của xã đạt 87,46%, tăng 2,19% so với năm 2023")
    assert (reading.value.comparator, reading.value.value, reading.value.baseline) == (Comparator.EQ, D("87.46"), None)
    assert (reading.result, reading.change, reading.change_since) == (True, D("2.19"), 2023)
    assert reading.flags == (TargetFlag.AMBIGUOUS,)


def test_read_index_result() -> None:
    result = read_index_result(
        "tổng điểm đạt 90,73 điểm, xếp thứ 4/25 toàn huyện (giảm 02 hạng so với năm 2019)", year=2020
    )
    assert result is not None
    assert (result.year, result.score, result.unit, result.rank, result.out_of, result.rank_change) == (
        2020,
        D("90.73"),
        Unit.POINTS,
        4,
        25,
        -2,
    )
    named = read_index_result("Chỉ số CCHC năm 2024 đạt 88,5%, xếp thứ 9/27, tăng 3 bậc")
    assert named is not None
    assert (named.year, named.score, named.unit, named.rank, named.rank_change) == (2024, D("88.5"), Unit.PERCENT, 9, 3)


def test_read_index_result_is_silent_without_a_result_and_asks_for_a_year() -> None:
    assert read_index_result("Ban hành kế hoạch cải cách hành chính", year=2024) is None
    with pytest.raises(ParseError, match="year"):
        read_index_result("xếp thứ 4/25 toàn huyện")


# -- scanned text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scanned", "comparator", "value"),
    [
        ("Ty lé ho so tré han dudéi 3%", Comparator.LT, D(3)),
        ("thi gian gidi quyét tdi da 07 ngay lam viéc", Comparator.LE, D(7)),
        ("Ty lé hé so duoc tiép nhan khéng thap hon\n60%", Comparator.GE, D(60)),
        ("xép thir 2/61 toan tinh", Comparator.EQ, D(2)),
        ("it nhat cé 09 sang\nkién", Comparator.GE, D(9)),
    ],
)
def test_damaged_keywords_are_read_with_a_doubt(scanned: str, comparator: Comparator, value: Decimal) -> None:
    reading = read_target(scanned)
    assert (reading.value.comparator, reading.value.value) == (comparator, value)
    assert TargetFlag.OCR_REPAIRED in reading.flags
    assert reading.repairs
    assert reading.confidence < 0.9


def test_words_no_reading_can_hold_are_doubted() -> None:
    reading = read_target("Tỷ lệ hồ sơ xqwrt đạt 80%")
    assert reading.flags == (TargetFlag.UNREAD_WORDS,)
    assert any("xqwrt" in note for note in reading.notes)
    assert read_target("Tỷ lệ hồ sơ TTHC đạt 80%").flags == ()
    assert read_target("ty le ho so tthc dat 80%").flags == ()


def test_clean_readings_are_confident() -> None:
    for text in ("Tỷ lệ hồ sơ trễ hạn dưới 3%", "xếp thứ 4/25 toàn huyện", "Thu ngân sách tăng so với năm 2023"):
        assert read_target(text).confidence == 1.0


# -- citations ---------------------------------------------------------------------------------------------


def test_an_impossible_date_keeps_the_citation_with_a_doubt() -> None:
    text = "… Quyết định số 6478/QĐ-UBND ngày 31/02/2020 của UBND huyện về công bố Chỉ số CCHC năm 2019"
    [reading] = read_references(text)
    reference = reading.value
    assert (str(reference.symbol), reference.date, reference.issuer_name, reference.title) == (
        "6478/QĐ-UBND",
        None,
        "UBND huyện",
        "công bố Chỉ số CCHC năm 2019",
    )
    assert (reading.date_written, reading.flags) == ("31/02/2020", (ReferenceFlag.DATE_INVALID,))
    assert extract_references(text) == [reference]


def test_a_date_in_words_is_the_law_s_date() -> None:
    [reference] = extract_references("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert (reference.kind, reference.title, reference.date) == (
        "Luật",
        "Tổ chức chính quyền địa phương",
        date(2015, 6, 19),
    )


def test_one_citation_of_several_documents() -> None:
    text = "Căn cứ Quyết định số 12/QĐ-UBND và số 15/QĐ-UBND ngày 05/3/2024 của UBND tỉnh về kiện toàn Ban Chỉ đạo;"
    first, second = extract_references(text)
    assert (first.with_previous, second.with_previous) == (False, True)
    for reference in (first, second):
        assert (reference.kind, reference.date, reference.issuer_name, reference.title) == (
            "Quyết định",
            date(2024, 3, 5),
            "UBND tỉnh",
            "kiện toàn Ban Chỉ đạo",
        )
    decrees = extract_references("theo các Nghị định số 61/2018/NĐ-CP, 107/2021/NĐ-CP của Chính phủ")
    assert [(r.kind, str(r.symbol), r.issuer_name, r.with_previous) for r in decrees] == [
        ("Nghị định", "61/2018/NĐ-CP", "Chính phủ", False),
        ("Nghị định", "107/2021/NĐ-CP", "Chính phủ", True),
    ]


def test_citations_with_their_own_issuers_are_not_joined() -> None:
    text = (
        "Kế hoạch số 520/KH-UBND ngày 24/12/2021 của UBND tỉnh, Kế hoạch số 03/KH-UBND ngày 14/01/2022 của UBND huyện"
    )
    assert [r.with_previous for r in extract_references(text)] == [False, False]


def test_pinpoints() -> None:
    [reading] = read_references("theo điểm b khoản 1 Điều 4 Thông tư số 01/2023/TT-VPCP ngày 05/4/2023")
    pinpoint = reading.value.pinpoint
    assert pinpoint is not None
    assert (pinpoint.point, pinpoint.clause, pinpoint.article, pinpoint.section, pinpoint.text) == (
        "b",
        "1",
        "4",
        None,
        "điểm b khoản 1 Điều 4",
    )
    [section] = extract_references("các nhiệm vụ tại Mục II Kế hoạch số 15/KH-UBND ngày 20/01/2024")
    assert section.pinpoint is not None
    assert (section.pinpoint.section, section.pinpoint.text) == ("II", "Mục II")
    [plain] = extract_references("theo Kế hoạch số 15/KH-UBND ngày 20/01/2024")
    assert plain.pinpoint is None


@pytest.mark.parametrize(
    ("text", "symbol", "form", "flags"),
    [
        ("Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ", "30c/NQ-CP", SymbolForm.STATE, ()),
        ("Quyết định số 27/QĐ-BCĐCCHC ngày 10/3/2023", "27/QĐ-BCĐCCHC", SymbolForm.STATE, ()),
        ("Chương trình hành động số 205-CTHĐ/TU", "205-CTHĐ/TU", SymbolForm.PARTY, ()),
        ("Quyết định số 136/2001/QĐ.TTg", "136/2001/QĐ-TTg", SymbolForm.STATE, (ReferenceFlag.MALFORMED_SYMBOL,)),
        ("Nghị định số 61/2018/NĐCP", "61/2018/NĐ-CP", SymbolForm.STATE, (ReferenceFlag.MALFORMED_SYMBOL,)),
        ("Quyết định số 2045/QĐUBND", "2045/QĐ-UBND", SymbolForm.STATE, (ReferenceFlag.MALFORMED_SYMBOL,)),
        ("Nghị quyết số 60/NQ-TW", "60-NQ/TW", SymbolForm.PARTY, (ReferenceFlag.MALFORMED_SYMBOL,)),
        ("Kết luận số 29 KL/TU", "29-KL/TU", SymbolForm.PARTY, (ReferenceFlag.MALFORMED_SYMBOL,)),
    ],
)
def test_symbols_of_real_plans(text: str, symbol: str, form: SymbolForm, flags: tuple[ReferenceFlag, ...]) -> None:
    [reading] = read_references(text)
    assert reading.value.symbol is not None
    assert (str(reading.value.symbol), reading.value.symbol.form, reading.flags) == (symbol, form, flags)


def test_a_kind_the_symbol_contradicts_is_doubted() -> None:
    [reading] = read_references("Căn cứ kế hoạch số 12/QĐ-UBND ngày 05/01/2021 của UBND tỉnh")
    assert reading.flags == (ReferenceFlag.KIND_MISMATCH,)


def test_party_and_state_issuers() -> None:
    text = "Căn cứ Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị, Ban Bí thư về sắp xếp tổ chức bộ máy;"
    [reference] = extract_references(text)
    assert (reference.issuer_name, reference.title) == ("Bộ Chính trị, Ban Bí thư", "sắp xếp tổ chức bộ máy")


def test_a_subject_without_ve() -> None:
    text = "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể CCHC;"
    [reference] = extract_references(text)
    assert reference.title == "ban hành Chương trình tổng thể CCHC"


def test_a_document_cited_by_number_alone() -> None:
    [reading] = read_references("tiếp tục thực hiện Nghị quyết 76 của Chính phủ")
    assert (reading.value.kind, reading.value.symbol, reading.number, reading.value.issuer_name) == (
        "Nghị quyết",
        None,
        "76",
        "Chính phủ",
    )
    assert read_references("Quyết định 2024 của tỉnh") == ()


def test_a_short_name_is_no_citation() -> None:
    text = "Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ phê duyệt Đề án (sau đây gọi tắt là Đề án 876);"
    [reading] = read_references(text)
    assert reading.alias == "Đề án 876"


@pytest.mark.parametrize(
    ("scanned", "symbol"),
    [
        ("Quyét dinh s6 1764/2024/QB-UBND ngay 10/8/2024", "1764/2024/QĐ-UBND"),
        ("Quyết định số 43/QĐÐ-UBND ngày 13/9/2021", "43/QĐ-UBND"),
        ("Chi thj s6 29/CT-ITg ngay 15 thang 4 nam 2026", "29/CT-TTg"),
        ("Chỉ thị 15/CT-TTEg ngày 15/4/2016", "15/CT-TTg"),
        ("Chỉ thị số 18/CI-TTg ngày 16/8/2013", "18/CT-TTg"),
        ("Théng tu s6 01/TI-VPCP ngay 23/11/2018", "01/TT-VPCP"),
        ("Thông tư số 01/T1-VPCP ngày 23/11/2018", "01/TT-VPCP"),
    ],
)
def test_scanned_symbols_are_repaired_with_a_doubt(scanned: str, symbol: str) -> None:
    [reading] = read_references(scanned)
    assert str(reading.value.symbol) == symbol
    assert ReferenceFlag.OCR_REPAIRED in reading.flags
    assert reading.confidence < 0.9


def test_scanned_kinds_and_dates_are_read_with_a_doubt() -> None:
    [reading] = read_references("Ké hoach sé 995/KH-UBND ngay 08 thang 12 ndm 2023 cia UBND huyén")
    assert (reading.value.kind, str(reading.value.symbol), reading.value.date) == (
        "Ké hoach",
        "995/KH-UBND",
        date(2023, 12, 8),
    )
    assert reading.confidence < 0.9
    [kind] = read_references("Théng tu sé 08/2017/TT-BTC ngay 2/3/2017")
    assert kind.value.kind == "Thông tư"


def test_unknown_issuers_far_from_known_ones_are_kept() -> None:
    for text, symbol in (("Kế hoạch số 845/KH-SNNMT", "845/KH-SNNMT"), ("Tờ trình số 27/TTr-VHXH", "27/TTr-VHXH")):
        [reading] = read_references(text)
        assert (str(reading.value.symbol), reading.flags) == (symbol, ())


def test_a_clean_citation_is_confident() -> None:
    [reading] = read_references("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa;")
    assert (reading.flags, reading.notes, reading.repairs, reading.confidence) == ((), (), (), 1.0)
