"""Conventions of real plans the reader follows, each in a small text of its own, and where it must stay silent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import parplan
from builders import TAN_LAP_HEAD as HEAD
from builders import TAN_LAP_TAIL as TAIL
from builders import tasks_as_read
from parplan.read.reader import read_source
from parplan.read.source import DocumentFormat, Line, SourceDocument


def _plan(body: str) -> parplan.Plan:
    reading = parplan.read_text(HEAD + body + TAIL, name="t.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def test_remedial_parts_make_one_task() -> None:
    plan = _plan(
        """II. NHIỆM VỤ KHẮC PHỤC
1. Lĩnh vực cải cách thủ tục hành chính
- Hạn chế: Còn hồ sơ trễ hạn.
- Giải pháp: Rà soát quy trình nội bộ.
- Giao: Bộ phận Một cửa chủ trì; thời gian: quý I/2024.
"""
    )
    assert [t.title for t in plan.tasks] == ["Rà soát quy trình nội bộ."]
    task = plan.tasks[0]
    assert task.lead is not None
    assert task.lead.label == "Bộ phận Một cửa"
    assert task.timeframe is not None
    assert task.timeframe.text == "quý I/2024"


def test_a_shortcoming_alone_is_no_task() -> None:
    plan = _plan(
        """II. NHIỆM VỤ KHẮC PHỤC
1. Lĩnh vực cải cách thể chế
- Hạn chế: Chưa rà soát văn bản.
"""
    )
    assert plan.tasks == ()


def test_group_assignment_belongs_to_the_criterion_and_the_criteria_it_names() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
Tiêu chí 3.2. Kết quả giải quyết TTHC
- TCTP 3.2.1. Giải quyết hồ sơ đúng hạn.
Tiêu chí 3.3. Phản ánh, kiến nghị
- TCTP 3.3.1. Xử lý phản ánh đúng hạn.
Trách nhiệm thực hiện (chung cho Tiêu chí 3.2 và 3.3): Văn phòng UBND xã chủ trì.
"""
    )
    assert len(plan.tasks) == 2
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None
        assert responsibility.lead is not None
        assert responsibility.lead.label == "Văn phòng UBND xã"


def test_a_task_and_its_deadline_after_a_colon() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Ban hành kế hoạch kiểm tra: trước ngày 31/3/2024.\n2. Tỷ lệ hồ sơ đúng hạn: 100%.\n")
    first, second = plan.tasks
    assert first.title == "Ban hành kế hoạch kiểm tra"
    assert first.timeframe is not None
    assert second.title == "Tỷ lệ hồ sơ đúng hạn: 100%."  # a target after the colon, not a time
    assert second.timeframe is None


def test_a_time_inside_the_sentence_is_read_with_less_confidence() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Rà soát quy trình nội bộ khi có sự thay đổi.\n2. Tuyên truyền về CCHC.\n")
    first, second = plan.tasks
    assert first.timeframe is not None
    assert first.timeframe.text == "khi có sự thay đổi"
    assert second.timeframe is None  # nothing invented
    confidence = next(s.confidence for s in plan.sources if s.path == "$.tasks[0].timeframe")
    assert confidence is not None
    assert confidence < Decimal("0.9")


def test_duties_in_the_organisation_part_are_not_sure_tasks() -> None:
    plan = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND xã theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n")
    confidence = next(s.confidence for s in plan.sources if s.path == "$.tasks[0].title")
    assert confidence is not None
    assert confidence < Decimal("0.9")


def test_header_place_after_the_motto_and_an_acting_signer_side_by_side() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Tuyên truyền về CCHC.\n")
    assert plan.place == "Tân Lập"
    assert plan.signature is not None
    assert plan.signature.position == "Q. CHỦ TỊCH"
    assert plan.signature.name == "Y Bình Niê"
    assert plan.recipients == ("UBND huyện;", "Lưu: VT.")


@pytest.mark.parametrize(
    ("masthead", "issuer", "unit", "parent"),
    [
        ("ỦY BAN NHÂN DÂN XÃ\nTÂN LẬP", "Ủy ban nhân dân xã Tân Lập", "Tân Lập", None),  # one name wrapped
        ("UBND HUYỆN KRÔNG NĂNG\nỦY BAN NHÂN DÂN XÃ\nTÂN LẬP", "Ủy ban nhân dân xã Tân Lập", "Tân Lập", "Krông Năng"),
        ("UBND HUYỆN KRÔNG NĂNG\nỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Ủy ban nhân dân xã Tân Lập", "Tân Lập", "Krông Năng"),
        ("UBND HUYỆN\nPHÒNG NỘI VỤ", "Phòng Nội Vụ", None, None),  # a parent named by its kind over its body
    ],
)
def test_an_issuer_wrapped_after_its_units_kind(
    masthead: str, issuer: str, unit: str | None, parent: str | None
) -> None:
    reading = parplan.read_text(
        HEAD.replace("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", masthead) + "II. NHIỆM VỤ\n1. Rà soát.\n" + TAIL
    )
    assert reading.plan is not None, reading.doubts
    assert reading.plan.issuer.name == issuer
    assert reading.plan.unit.name == unit
    assert (reading.plan.unit.parent.name if reading.plan.unit.parent else None) == parent


def test_scanned_fields_are_as_sure_as_their_ocr_lines() -> None:
    text = (HEAD + "II. NHIỆM VỤ\n1. Tuyên truyền về CCHC.\n2. Niêm yết thủ tục hành chính.\n" + TAIL).splitlines()
    low = next(i for i, line in enumerate(text, start=1) if line.startswith("2. "))

    def document(confidence_of_low: int) -> SourceDocument:
        lines = [
            Line(text=line, number=i, page=1, confidence=confidence_of_low if i == low else 96)
            for i, line in enumerate(text, start=1)
        ]
        return SourceDocument(blocks=lines, format=DocumentFormat.SCAN, name="scan.png")

    sure = read_source(document(96)).plan
    unsure = read_source(document(40)).plan
    assert sure is not None
    assert unsure is not None

    def title_confidence(plan: parplan.Plan, index: int) -> Decimal:
        value = next(s.confidence for s in plan.sources if s.path == f"$.tasks[{index}].title")
        assert value is not None
        return value

    assert title_confidence(unsure, 1) < title_confidence(sure, 1)
    assert title_confidence(unsure, 0) == title_confidence(sure, 0)


# -- heads of copies not laid out as the reader expects, and the confidence they deserve ------------

NEWS = """UBND xã Phú Lộc ban hành Kế hoạch cải cách hành chính năm 2025

Ngày 02/4/2025, UBND xã Phú Lộc đã ban hành Quyết định số 61/QĐ-UBND về việc ban hành Kế hoạch.

1. Cải cách thủ tục hành chính
- Rà soát thủ tục hành chính của xã. Công chức Tư pháp chủ trì; thời gian: quý II/2025.
"""


def _source(plan: parplan.Plan, path: str) -> parplan.FieldSource:
    return next(source for source in plan.sources if source.path == path)


def test_a_news_copy_gives_a_draft_with_doubts() -> None:
    reading = parplan.read_text(NEWS, name="tin.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.unit.name == "Phú Lộc"  # not "Phú Lộc đã"
    assert plan.title == "Cải cách hành chính năm 2025"
    assert plan.adopted_by is not None
    assert str(plan.adopted_by.symbol) == "61/QĐ-UBND"
    assert str(plan.adopted_by.date) == "2025-04-02"
    for path in ("$.title", "$.issuer", "$.adopted_by"):
        source = _source(plan, path)
        assert source.certainty is parplan.Certainty.INFERRED
        assert source.confidence is not None
        assert source.confidence < Decimal("0.9")
    # a head read without a masthead or kind line: no task field is read with full trust
    assert all(s.confidence < Decimal("0.9") for s in plan.sources if s.path.startswith("$.tasks"))  # type: ignore[operator]
    assert any("inferred" in doubt for doubt in reading.doubts)


def test_a_text_that_names_no_plan_stays_without_one() -> None:
    reading = parplan.read_text("Ngày 02/4/2025, UBND xã Phú Lộc đã tổ chức hội nghị tổng kết công tác năm.\n")
    assert reading.plan is None


def test_a_plan_without_its_title_lines() -> None:
    text = (
        HEAD.replace("KẾ HOẠCH\nCải cách hành chính năm 2024\n", "")
        + (
            "Ủy ban nhân dân xã Tân Lập xây dựng kế hoạch cải cách hành chính năm 2024 như sau:\n"
            "I. NHIỆM VỤ\n1. Rà soát thủ tục hành chính. Công chức Tư pháp chủ trì; thời gian: quý II/2024.\n"
        )
        + TAIL
    )
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.title == "Cải cách hành chính năm 2024"
    assert reading.plan.year == 2024
    assert _source(reading.plan, "$.title").certainty is parplan.Certainty.INFERRED
    assert _source(reading.plan, "$.year").confidence < Decimal("0.9")  # type: ignore[operator]


def test_a_plan_in_article_one_of_a_decision() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
SỞ TƯ PHÁP | Độc lập - Tự do - Hạnh phúc |
Số: 12/QĐ-STP | Hà Nam, ngày 10 tháng 01 năm 2023 |

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch cải cách hành chính năm 2023

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2023 của Sở Tư pháp, với các nội dung sau:
I. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật. Phòng Xây dựng văn bản chủ trì; thời gian: quý II/2023.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    reading = parplan.read_text(text, name="qd.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.title == "Cải cách hành chính năm 2023 của Sở Tư pháp"
    assert plan.unit.name == "Hà Nam"
    assert plan.adopted_by is not None
    assert str(plan.adopted_by.symbol) == "12/QĐ-STP"


def test_label_lines_read_as_tasks_stay_doubtful() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Tuyên truyền trên Đài truyền thanh xã.
Thực hiện: Công chức Văn hóa - Xã hội.
2. Tuyên truyền tại hội nghị thôn.
Thực hiện: Trưởng các thôn.
"""
    )
    for index, task in enumerate(plan.tasks):
        if task.title.startswith("Thực hiện"):
            assert _source(plan, f"$.tasks[{index}].title").confidence < Decimal("0.8")  # type: ignore[operator]


def test_field_lines_after_an_item_are_its_fields() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Rà soát quy chế làm việc của UBND xã
- Cơ quan chủ trì: Văn phòng HĐND và UBND xã
- Cơ quan phối hợp: các bộ phận chuyên môn
- Thời gian hoàn thành: Quý II/2024
- Sản phẩm: Quyết định ban hành quy chế
2. Trên Trang thông tin điện tử xã: cập nhật tin CCHC hằng tuần.
Thực hiện: Công chức Văn hóa - Xã hội. Thời gian: thường xuyên.
"""
    )
    assert tasks_as_read(plan) == [
        ("Rà soát quy chế làm việc của UBND xã", "Văn phòng HĐND và UBND xã", "Quý II/2024"),
        ("Trên Trang thông tin điện tử xã: cập nhật tin CCHC hằng tuần.", "Công chức Văn hóa - Xã hội", "thường xuyên"),
    ]
    assert plan.tasks[0].outputs == ("Quyết định ban hành quy chế",)
    assert plan.sections == () or all(s.heading != "Rà soát quy chế làm việc của UBND xã" for s in plan.sections)


def test_a_group_line_leads_each_item_without_its_own() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
- Rà soát thủ tục hành chính nội bộ.
- Công khai thủ tục tại Bộ phận Một cửa (Công chức Tư pháp - Hộ tịch chủ trì).
Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với các bộ phận; thời gian thực hiện: quý III/2024.
"""
    )
    assert tasks_as_read(plan) == [
        ("Rà soát thủ tục hành chính nội bộ.", "Văn phòng HĐND và UBND xã", "quý III/2024"),
        ("Công khai thủ tục tại Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "quý III/2024"),
    ]


def test_a_body_heading_leads_its_items_an_area_heading_does_not() -> None:
    plan = _plan(
        """III. TỔ CHỨC THỰC HIỆN
1. Công chức Văn phòng - Thống kê:
- Theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Tài chính – ngân sách:
- Bố trí kinh phí thực hiện Kế hoạch.
"""
    )
    rows = tasks_as_read(plan)
    assert rows[0][1] == "Công chức Văn phòng - Thống kê"
    assert rows[1][1] is None  # an area's name is no body: no lead rather than a wrong one


def test_leads_by_the_plans_own_numbering_are_inferred_and_a_missing_number_is_a_doubt() -> None:
    reading = parplan.read_text(
        HEAD
        + """II. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật của xã.
2. Cải cách tài chính công
a) Công khai ngân sách xã.
b) Quyết toán kinh phí năm.
III. TỔ CHỨC THỰC HIỆN
1. Công chức Tư pháp - Hộ tịch chủ trì thực hiện các nhiệm vụ tại khoản 1, điểm a khoản 2 Mục II.
2. Văn phòng HĐND và UBND xã chủ trì thực hiện nhiệm vụ tại khoản 9 Mục II.
"""
        + TAIL,
        name="t.txt",
    )
    plan = reading.plan
    assert plan is not None
    leads = [lead for _, lead, _ in tasks_as_read(plan)]
    assert leads == ["Công chức Tư pháp - Hộ tịch", "Công chức Tư pháp - Hộ tịch", None]
    inferred = [s for s in plan.sources if s.path.endswith(".responsibility") and s.certainty.value == "inferred"]
    assert len(inferred) == 2
    assert all(s.confidence is not None and s.confidence < Decimal("0.9") for s in inferred)
    assert any("II.9" in doubt for doubt in reading.doubts)


def test_a_time_only_bracket_is_the_deadline_other_brackets_stay_in_the_title() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
- Kiện toàn Bộ phận Một cửa (hoàn thành trước ngày 30/6/2024).
- Tổ chức đối thoại với người dân (hằng năm).
- Rà soát quy trình nội bộ (thủ tục liên thông).
"""
    )
    assert tasks_as_read(plan) == [
        ("Kiện toàn Bộ phận Một cửa.", None, "hoàn thành trước ngày 30/6/2024"),
        ("Tổ chức đối thoại với người dân.", None, "hằng năm"),
        ("Rà soát quy trình nội bộ (thủ tục liên thông).", None, None),
    ]


def test_as_above_repeats_the_row_above_in_any_case() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
PHỤ LỤC
STT\tNhiệm vụ\tChủ trì\tThời gian
1\tRà soát thủ tục hành chính\tVăn phòng UBND xã\tQuý I/2024
2\tCông khai thủ tục hành chính\tNt\tQuý II/2024
3\tSố hóa hồ sơ\tnhư trên\tQuý III/2024
"""
    )
    leads = [lead for _, lead, _ in tasks_as_read(plan)]
    assert leads == ["Văn phòng UBND xã"] * 3


COLUMN_APPENDIX_BODY = """II. NHIỆM VỤ
Nhiệm vụ cụ thể tại Phụ lục kèm theo.
"""
COLUMN_APPENDIX = """
PHỤ LỤC

TT

Nội dung công việc

Đơn vị chủ trì

Thời gian

I

CẢI CÁCH THỦ TỤC HÀNH CHÍNH

1

Niêm yết thủ tục hành chính
tại Bộ phận Một cửa

Công chức Văn phòng -
Thống kê

Quý I/2024

2

Tiếp nhận phản ánh, kiến nghị
của người dân

Công chức Tư pháp - Hộ tịch

Thường xuyên

3

"""


def _with_appendix(appendix: str) -> parplan.Reading:
    return parplan.read_text(HEAD + COLUMN_APPENDIX_BODY + TAIL + appendix, name="t.txt")


def test_a_table_printed_cell_by_cell_is_rebuilt_from_its_row_numbers() -> None:
    reading = _with_appendix(COLUMN_APPENDIX)
    plan = reading.plan
    assert plan is not None
    rows = [task for task in plan.tasks if task.id.startswith("pl-")]
    assert [task.title for task in rows] == [
        "Niêm yết thủ tục hành chính tại Bộ phận Một cửa",
        "Tiếp nhận phản ánh, kiến nghị của người dân",
    ]
    assert [task.lead.label if task.lead else None for task in rows] == [
        "Công chức Văn phòng - Thống kê",
        "Công chức Tư pháp - Hộ tịch",
    ]
    assert [task.timeframe.text if task.timeframe else None for task in rows] == ["Quý I/2024", "Thường xuyên"]
    # a rebuilt row is a guess about where cells end: never in the top band
    index = plan.tasks.index(rows[0])
    titles = [s for s in plan.sources if s.path == f"$.tasks[{index}].title"]
    assert titles
    assert all(s.confidence is not None and s.confidence < Decimal("0.9") for s in titles)
    assert any("columns of text" in doubt for doubt in reading.doubts)
    # row 3 has no text of its own: its number stays unplaced, no task is invented
    assert any(line.text == "3" for line in reading.unplaced)


def test_a_rebuilt_row_with_missing_cells_reads_only_what_it_can_tell_apart() -> None:
    appendix = COLUMN_APPENDIX.replace("Công chức Tư pháp - Hộ tịch\n\n", "")
    reading = _with_appendix(appendix)
    plan = reading.plan
    assert plan is not None
    second = next(task for task in plan.tasks if task.title.startswith("Tiếp nhận"))
    assert second.lead is None  # the lead cell is empty: not taken from a neighbour
    assert second.timeframe is not None
    assert second.timeframe.text == "Thường xuyên"
    assert any("row 2 has 2 cells for 3 columns" in doubt for doubt in reading.doubts)


def test_column_text_without_a_header_is_not_rebuilt() -> None:
    appendix = COLUMN_APPENDIX.replace("Đơn vị chủ trì\n\n", "").replace("Thời gian\n\n", "")
    reading = _with_appendix(appendix)
    plan = reading.plan
    assert plan is not None
    assert not [task for task in plan.tasks if task.id.startswith("pl-")]
    assert any("no table" in doubt for doubt in reading.doubts)


def test_a_group_assignment_with_a_generic_verb_after_chu_tri_is_the_groups() -> None:
    after = _plan(
        """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
- Niêm yết công khai thủ tục hành chính.
- Số hóa hồ sơ thủ tục hành chính.
Giao công chức Văn phòng - Thống kê chủ trì tham mưu; thời gian thực hiện: cả năm 2024.
"""
    )
    before = _plan(
        """II. NHIỆM VỤ
1. Cải cách tổ chức bộ máy
Giao Phòng Nội vụ chủ trì, phối hợp các cơ quan liên quan tổ chức thực hiện; hoàn thành trong quý II/2024.
- Rà soát vị trí việc làm.
- Sắp xếp các đơn vị sự nghiệp.
"""
    )
    for plan, lead, time in (
        (after, "công chức Văn phòng - Thống kê", "cả năm 2024"),
        (before, "Phòng Nội vụ", "hoàn thành trong quý II/2024"),
    ):
        assert len(plan.tasks) == 2
        assert not any(task.title.startswith("Giao") for task in plan.tasks)
        for task in plan.tasks:
            responsibility = plan.responsibility_of(task)
            assert responsibility is not None
            assert responsibility.lead is not None
            assert responsibility.lead.label == lead
            timeframe = plan.timeframe_of(task)
            assert timeframe is not None
            assert timeframe.text == time


def test_a_giao_line_naming_its_own_work_stays_a_task() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Công tác kiểm tra
Giao Phòng Nội vụ chủ trì tham mưu UBND huyện ban hành Kế hoạch kiểm tra; thời gian: quý I/2024.
"""
    )
    assert len(plan.tasks) == 1
    assert "ban hành Kế hoạch kiểm tra" in plan.tasks[0].title


def test_objectives_before_tasks_in_an_area_are_no_tasks() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
a) Mục tiêu:
- 100% thủ tục hành chính được công khai đúng quy định.
- Tỷ lệ hồ sơ trực tuyến đạt từ 60% trở lên.
b) Nhiệm vụ, giải pháp:
- Rà soát quy trình nội bộ (quý II/2024).
2. Cải cách công vụ
Chỉ tiêu:
- Đội ngũ công chức được bố trí đúng vị trí việc làm.
Nhiệm vụ:
- Kiểm tra công vụ đột xuất (hằng quý).
3. Cải cách tài chính công
1.1. Mục tiêu cụ thể
- Chi thường xuyên được công khai đầy đủ.
1.2. Nhiệm vụ
- Công khai dự toán ngân sách (quý I/2024).
"""
    )
    assert [t.title for t in plan.tasks] == [
        "Rà soát quy trình nội bộ.",
        "Kiểm tra công vụ đột xuất.",
        "Công khai dự toán ngân sách.",
    ]
    texts = [o.text for o in plan.objectives]
    assert "Tỷ lệ hồ sơ trực tuyến đạt từ 60% trở lên." in texts
    assert "Đội ngũ công chức được bố trí đúng vị trí việc làm." in texts
    assert "Chi thường xuyên được công khai đầy đủ." in texts
    rate = next(o for o in plan.objectives if o.text.startswith("Tỷ lệ"))
    assert rate.targets  # read by extract_targets


def test_a_heading_that_only_starts_with_muc_tieu_is_no_objectives_label() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Mục tiêu nâng cao chất lượng phục vụ người dân
- Rà soát quy trình nội bộ (quý II/2024).
"""
    )
    assert [t.title for t in plan.tasks] == ["Rà soát quy trình nội bộ."]
    assert plan.objectives == ()


def test_general_duties_of_the_organisation_part_are_obligations() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Rà soát quy trình nội bộ (quý II/2024).
III. TỔ CHỨC THỰC HIỆN
1. Các công chức căn cứ Kế hoạch này tổ chức thực hiện; định kỳ trước ngày 10 hằng tháng báo cáo về UBND xã.
2. Văn phòng - Thống kê có trách nhiệm theo dõi, đôn đốc, tổng hợp báo cáo UBND huyện theo quy định.
3. Các bộ phận căn cứ Kế hoạch này triển khai thực hiện.
4. Các bộ phận căn cứ Kế hoạch này xây dựng kế hoạch trước ngày 28/02/2024; báo cáo UBND xã theo quy định.
5. Văn phòng - Thống kê theo dõi, đôn đốc, kịp thời báo cáo UBND xã những phát sinh.
6. Văn phòng - Thống kê tổng hợp, báo cáo UBND huyện trước ngày 15/11/2024.
"""
    )
    titles = [t.title for t in plan.tasks]
    # a duty naming its own work with its own time, and a report without a schedule, stay tasks
    assert titles[0] == "Rà soát quy trình nội bộ."
    assert any(t.startswith("Các bộ phận căn cứ Kế hoạch này xây dựng") for t in titles)
    assert any(t.startswith("Văn phòng - Thống kê theo dõi, đôn đốc, kịp thời") for t in titles)
    assert any(t.startswith("Văn phòng - Thống kê tổng hợp, báo cáo") for t in titles)  # due once, on its day
    assert len(titles) == 4
    recipients = [o.recipient.label for o in plan.obligations if o.recipient is not None]
    # the two generic duties first; then the duties to report of the sentences kept as tasks (4, 5, 6):
    # the task is the work, the obligation the duty to report it states
    assert recipients == ["UBND xã", "UBND huyện", "UBND xã", "UBND xã", "UBND huyện"]
    part = next(s for s in plan.sections if s.heading == "TỔ CHỨC THỰC HIỆN")
    assert part.text is not None
    assert "triển khai thực hiện" in part.text


def test_subject_led_items_keep_their_sentence_and_lead() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Văn phòng - Thống kê chủ trì, phối hợp với các bộ phận tổ chức đối thoại với người dân; thời gian: quý III/2024.
2. Công chức Tư pháp - Hộ tịch, là đầu mối kiểm soát TTHC, rà soát quy trình nội bộ; thời gian: quý II/2024.
3. Thủ trưởng các bộ phận, Trưởng các thôn xây dựng kế hoạch tuyên truyền; thời gian: quý I/2024.
4. Chậm nhất 05 ngày làm việc sau khi kết thúc đợt kiểm tra, công chức Nội vụ tổng hợp kết quả kiểm tra.
5. Tăng cường kiểm tra công vụ đột xuất.
6. Đổi mới công tác đào tạo, bồi dưỡng cán bộ, công chức.
"""
    )
    tasks = {t.id: t for t in plan.tasks}
    first = tasks["II.1"]
    assert first.title.startswith("Văn phòng - Thống kê chủ trì")
    assert "thời gian" not in first.title
    leads = {}
    for ident, task in tasks.items():
        responsibility = plan.responsibility_of(task)
        lead = responsibility.lead if responsibility is not None else None
        leads[ident] = [m.label for m in getattr(lead, "members", (lead,))] if lead is not None else []
    assert leads["II.1"] == ["Văn phòng - Thống kê"]
    assert leads["II.2"] == ["Công chức Tư pháp - Hộ tịch"]  # the body, not its apposition
    assert leads["II.3"] == ["Thủ trưởng các bộ phận", "Trưởng các thôn"]
    assert leads["II.4"] == ["công chức Nội vụ"]
    assert leads["II.5"] == []  # a verb, not a body: nobody invented
    assert leads["II.6"] == []  # "Đổi mới" is no "Đội"
    lead_source = next(s for s in plan.sources if s.path == "$.tasks[2].responsibility")
    assert lead_source.confidence is not None
    assert lead_source.confidence < Decimal("0.9")  # a subject is the reader's guess


def test_a_closing_time_bracket_is_the_deadline_only_when_the_parser_reads_it() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Rà soát quy chế làm việc (hoàn thành trước ngày 30/6/2024).
2. Tổ chức khảo sát sự hài lòng (quý III/2024).
3. Rà soát quy chế (thủ tục nội bộ).
4. Khảo sát sự hài lòng của người dân (tùy tình hình thực tế).
5. Khảo sát sự hài lòng của tổ chức (trước đợt điều tra xã hội học của tỉnh).
"""
    )
    tasks = {t.id: t for t in plan.tasks}
    assert tasks["II.1"].title == "Rà soát quy chế làm việc."
    assert tasks["II.1"].timeframe is not None
    assert tasks["II.1"].timeframe.text == "hoàn thành trước ngày 30/6/2024"
    assert tasks["II.2"].title == "Tổ chức khảo sát sự hài lòng."
    assert tasks["II.2"].timeframe is not None
    assert tasks["II.2"].timeframe.text == "quý III/2024"
    assert tasks["II.3"].title == "Rà soát quy chế (thủ tục nội bộ)."  # not a time: stays in the title
    assert tasks["II.3"].timeframe is None
    assert tasks["II.4"].title.endswith("(tùy tình hình thực tế).")  # the parser cannot read it: kept as written
    assert tasks["II.4"].timeframe is None
    assert tasks["II.5"].title == "Khảo sát sự hài lòng của tổ chức."  # an event the parser reads: the deadline
    assert tasks["II.5"].timeframe is not None
    assert tasks["II.5"].timeframe.text == "trước đợt điều tra xã hội học của tỉnh"


VIEWER_APPENDIX = """
PHỤ LỤC
TT Nhiệm vụ Chủ trì Thời gian
I Cải cách thủ tục hành chính
1 Niêm yết thủ tục
hành chính tại
Bộ phận Một cửa
Công chức Văn
phòng - Thống kê
Quý I/2024
2 Tiếp nhận phản ánh
của người dân
Bộ phận Một cửa Thường xuyên
"""


def test_a_pdf_viewer_copy_is_cut_into_cells_by_what_its_lines_are() -> None:
    plan = _with_appendix(VIEWER_APPENDIX).plan
    assert plan is not None
    rows = [task for task in plan.tasks if task.id.startswith("pl-")]
    assert [task.title for task in rows] == [
        "Niêm yết thủ tục hành chính tại Bộ phận Một cửa",  # "tại" calls for more: not a lead
        "Tiếp nhận phản ánh của người dân",
    ]
    assert [task.lead.label if task.lead else None for task in rows] == [
        "Công chức Văn phòng - Thống kê",
        "Bộ phận Một cửa",  # two cells of one baseline parted at the time
    ]
    assert [task.timeframe.text if task.timeframe else None for task in rows] == ["Quý I/2024", "Thường xuyên"]
    index = plan.tasks.index(rows[0])
    assert all(
        s.confidence is not None and s.confidence < Decimal("0.9")
        for s in plan.sources
        if s.path.startswith(f"$.tasks[{index}]")
    )


def test_a_row_whose_cells_cannot_be_told_apart_is_read_with_a_doubt() -> None:
    appendix = VIEWER_APPENDIX.replace("Công chức Văn\nphòng - Thống kê\n", "tham mưu thực hiện\n")
    reading = _with_appendix(appendix)
    plan = reading.plan
    assert plan is not None
    first = next(task for task in plan.tasks if task.title.startswith("Niêm yết"))
    assert first.lead is None  # no party's name: the lead is not guessed
    assert any("row 1 has" in doubt for doubt in reading.doubts)


def test_a_header_repeated_after_a_page_break_is_not_a_task() -> None:
    appendix = """
PHỤ LỤC
| TT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn |
| 1 | Rà soát quy trình nội bộ | Văn phòng HĐND và UBND xã | Quý II/2024 |
2
| TT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn |
| 2 | Khảo sát sự hài lòng của người dân | Bộ phận Một cửa | Hằng quý |
"""
    plan = _with_appendix(appendix).plan
    assert plan is not None
    titles = [task.title for task in plan.tasks if task.id.startswith("pl-")]
    assert titles == ["Rà soát quy trình nội bộ", "Khảo sát sự hài lòng của người dân"]


# --- conventions of plans copied from portals and legal databases (issue 13) ------------------------


def _task(plan: parplan.Plan, start: str) -> parplan.Task:
    return next(task for task in plan.tasks if task.title.startswith(start))


def test_time_only_brackets_of_events_phases_and_schedules() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Văn phòng - Thống kê:
- Gửi thông báo kết luận đến các bộ phận (trong 07 ngày làm việc sau khi kết thúc kiểm tra).
- Nâng cấp trang thông tin điện tử của xã (giai đoạn 2024 - 2025).
- Bố trí người tham gia đoàn kiểm tra (theo lịch kiểm tra).
- Rà soát thủ tục hành chính (theo Quyết định số 12/QĐ-UBND).
"""
    )
    times = {task.title: getattr(plan.timeframe_of(task), "text", None) for task in plan.tasks}
    assert times["Gửi thông báo kết luận đến các bộ phận."] == "trong 07 ngày làm việc sau khi kết thúc kiểm tra"
    assert times["Nâng cấp trang thông tin điện tử của xã."] == "giai đoạn 2024 - 2025"
    assert times["Bố trí người tham gia đoàn kiểm tra."] == "theo lịch kiểm tra"
    # a citation in brackets is no schedule: it stays in the title
    assert _task(plan, "Rà soát thủ tục").title == "Rà soát thủ tục hành chính (theo Quyết định số 12/QĐ-UBND)."


def test_second_field_label_after_a_semicolon() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Kiểm tra việc niêm yết thủ tục hành chính.
- Cơ quan chủ trì: Văn phòng - Thống kê; cơ quan phối hợp: Tư pháp - Hộ tịch.
- Thời gian hoàn thành: Quý II/2024.
"""
    )
    task = _task(plan, "Kiểm tra việc niêm yết")
    responsibility = plan.responsibility_of(task)
    assert responsibility is not None
    assert getattr(responsibility.lead, "label", None) == "Văn phòng - Thống kê"
    assert [p.label for p in responsibility.coordinating] == ["Tư pháp - Hộ tịch"]


def test_points_listed_before_their_clause_share_it() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
a) Niêm yết thủ tục hành chính bằng mã QR.
b) Số hóa hồ sơ thủ tục hành chính.
c) Thu phí trực tuyến.
2. Chính quyền số
a) Dùng chữ ký số trong văn bản đi.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng - Thống kê chủ trì thực hiện các nhiệm vụ tại các điểm a, c khoản 1 và khoản 2 Mục II.
2. Tư pháp - Hộ tịch chủ trì thực hiện nhiệm vụ tại điểm b khoản 1 Mục II.
"""
    )
    leads = {
        task.id: getattr(getattr(plan.responsibility_of(task), "lead", None), "label", None) for task in plan.tasks
    }
    assert leads == {
        "II.1.a": "Văn phòng - Thống kê",
        "II.1.b": "Tư pháp - Hộ tịch",
        "II.1.c": "Văn phòng - Thống kê",
        "II.2.a": "Văn phòng - Thống kê",
    }


def test_funding_sentence_and_appendix_pointer_are_no_tasks() -> None:
    plan = _plan(
        """II. NHIỆM VỤ
Các nhiệm vụ cụ thể có Phụ lục chi tiết kèm theo.
1. Văn phòng - Thống kê:
- Tổng hợp báo cáo cải cách hành chính quý (hằng quý).
Kinh phí thực hiện được bố trí từ ngân sách xã năm 2024./.
"""
    )
    assert [task.title for task in plan.tasks] == ["Tổng hợp báo cáo cải cách hành chính quý."]
    assert any("Kinh phí" in text for text in plan.funding)


def test_a_title_that_opens_with_its_lead_is_less_sure() -> None:
    reading = parplan.read_text(
        HEAD
        + """II. NHIỆM VỤ
1. Cải cách thể chế
a) Tư pháp - Hộ tịch tham mưu rà soát văn bản quy phạm pháp luật của xã (hằng năm).
b) Rà soát quy chế làm việc của UBND xã (quý II/2024).
"""
        + TAIL,
        name="t.txt",
    )
    assert reading.plan is not None
    confidence = {s.path: s.confidence for s in reading.plan.sources}
    subject = _task(reading.plan, "Tư pháp").id
    index = {task.id: i for i, task in enumerate(reading.plan.tasks)}
    assert (confidence[f"$.tasks[{index[subject]}].title"] or 1) < Decimal("0.9")
    assert (confidence[f"$.tasks[{index['II.1.b']}].title"] or 0) >= Decimal("0.9")


BARE_COMMITTEE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 88/KH-UBND | Bạc Liêu, ngày 02 tháng 10 năm 2023 |
Căn cứ Quyết định số 901/QĐ-UBND ngày 05/6/2023 của UBND tỉnh Bạc Liêu về Bộ Chỉ số cải cách hành chính.
{sentence}
1. Nhiệm vụ
| Nội dung công việc | Đơn vị thực hiện | Thời gian hoàn thành |
|---|---|---|
| Tập huấn tự chấm điểm | Sở Nội vụ | Tháng 10/2023 |
| Tự chấm điểm | Các sở, ban, ngành; UBND cấp huyện | Trước ngày 15/11/2023 |
"""


def test_a_committee_named_by_its_kind_takes_the_places_name() -> None:
    text = BARE_COMMITTEE.format(
        sentence="Ủy ban nhân dân tỉnh ban hành kế hoạch xác định Chỉ số cải cách hành chính năm 2023 như sau:"
    )
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.unit.kind is parplan.UnitKind.PROVINCE
    assert reading.plan.unit.name == "Bạc Liêu"
    leads = reading.plan.responsibility_of(reading.plan.tasks[1])
    assert leads is not None
    assert [p.label for p in getattr(leads.lead, "members", ())] == ["Các sở, ban, ngành", "UBND cấp huyện"]


@pytest.mark.parametrize(
    "committee",
    ["Uy ban nhan dn tinh", "Ủy ban nhân dn tỉnh", "Uy ban nhn dan tinh", "Vy ban nhan dan tinh", "UBND tỉnh"],
)
def test_a_committee_ocr_damaged_named_by_its_kind_takes_the_places_name(committee: str) -> None:
    text = BARE_COMMITTEE.format(
        sentence=f"{committee} ban hanh ke hoach xác định Chỉ số cải cách hành chính năm 2023:"
    )
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.unit.kind is parplan.UnitKind.PROVINCE
    assert reading.plan.unit.name == "Bạc Liêu"


@pytest.mark.parametrize("committee", ["Ủy ban nhân dân", "Ban chỉ đạo tỉnh", "Quy ban nhan dan tinh"])
def test_no_committee_issuing_by_its_kind_leaves_the_issuer_unread(committee: str) -> None:
    text = BARE_COMMITTEE.format(sentence=f"{committee} ban hành kế hoạch xác định Chỉ số năm 2023 như sau:")
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is None
    assert any("issuing body" in doubt for doubt in reading.doubts)


def test_a_province_named_in_the_text_is_not_the_issuer_unless_it_says_so() -> None:
    text = BARE_COMMITTEE.format(sentence="Kế hoạch xác định Chỉ số cải cách hành chính năm 2023 như sau:")
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is None
    assert any("issuing body" in doubt for doubt in reading.doubts)


def test_mixed_case_kind_word_over_a_subject_and_a_run_together_masthead() -> None:
    text = """Quyết định 07/QĐ-SNV năm 2023 về Kế hoạch tuyên truyền cải cách hành chính
07/QĐ-SNV
Quyết định
Không xác định
UBND TỈNH BẾN TRE SỞ NỘI VỤ Số: 07/QĐ-SNV |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Bến Tre, ngày 12 tháng 01 năm 2023 |
Quyết định
BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2023
GIÁM ĐỐC SỞ NỘI VỤ
Căn cứ Kế hoạch số 05/KH-UBND ngày 04/01/2023 của UBND tỉnh về cải cách hành chính năm 2023;
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 (sau đây gọi tắt là Kế hoạch), gồm các nội dung sau:
I. NHIỆM VỤ
1. Đăng tin về cải cách hành chính trên trang của Sở. Văn phòng Sở chủ trì; thời gian: hằng quý.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
"""
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.issuer.name == "Sở Nội Vụ"
    assert reading.plan.unit.name == "Bến Tre"
    assert reading.plan.title == "Tuyên truyền cải cách hành chính năm 2023"
    title = next(s for s in reading.plan.sources if s.path == "$.title")
    assert title.confidence is not None
    assert title.confidence < Decimal("0.9")  # named by a sentence, not by a title line


def test_the_appendix_attachment_line_ends_with_its_bracket() -> None:
    """Words the extraction ran on after "(Kèm theo …)" are not the attachment's: they stay unplaced."""
    attached = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND xã)"
    appendix = COLUMN_APPENDIX.replace("PHỤ LỤC\n", f"PHỤ LỤC\n{attached}\nNhiệm vụ\nchung\n", 1)
    reading = _with_appendix(appendix)
    assert reading.plan is not None
    assert reading.plan.issued_text == attached.strip("()")
    assert any(line.text == "Nhiệm vụ chung" for line in reading.unplaced)
    alone = _with_appendix(COLUMN_APPENDIX.replace("PHỤ LỤC\n", f"PHỤ LỤC\n{attached}\n\n", 1))
    assert alone.plan is not None
    assert alone.plan.issued_text == attached.strip("()")
    assert not any("Nhiệm vụ chung" in line.text for line in alone.unplaced)


_DECISION = """ỦY BAN NHÂN DÂN HUYỆN TUY PHƯỚC Số: 210/QĐ-UBND |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Tuy Phước, ngày 08 tháng 01 năm 2024 |
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024
{authority}
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2024 của huyện Tuy Phước.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""


@pytest.mark.parametrize(
    "authority", ["CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUY PHƯỚC", "ỦY BAN NHÂN DÂN HUYỆN TUY PHƯỚC", "GIÁM ĐỐC SỞ NỘI VỤ"]
)
def test_a_decisions_authority_line_is_not_part_of_its_title(authority: str) -> None:
    reading = parplan.read_text(_DECISION.format(authority=authority), name="qd.txt")
    assert reading.plan is not None
    decision = reading.plan.adopted_by
    assert decision is not None
    assert decision.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert reading.plan.masthead is not None
    assert reading.plan.masthead.place_date == "Tuy Phước, ngày 08 tháng 01 năm 2024"  # not the motto's last word


def test_an_upper_case_title_runs_on_over_lines_that_name_no_authority() -> None:
    text = _DECISION.format(authority="CỦA HUYỆN TUY PHƯỚC GIAI ĐOẠN 2024 - 2025")
    reading = parplan.read_text(text, name="qd.txt")
    assert reading.plan is not None
    assert reading.plan.adopted_by is not None
    assert reading.plan.adopted_by.title == (
        "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA HUYỆN TUY PHƯỚC GIAI ĐOẠN 2024 - 2025"
    )


# -- portal copies, news items, bodies under a parent body, remedial tables --------------------------

PORTAL = """SỞ NỘI VỤ TỈNH CAO BẰNG
Trang chủ > Văn bản > Cải cách hành chính
Kế hoạch cải cách hành chính năm 2026
Ngày đăng: 12/01/2026 14:05 | Lượt xem: 88
Kế hoạch số 04/KH-SNV ngày 09/01/2026 của Sở Nội vụ

Sở Nội vụ xây dựng Kế hoạch cải cách hành chính năm 2026 như sau:
I. NHIỆM VỤ
1. Chỉ đạo, điều hành
Văn phòng Sở chủ trì thực hiện các nội dung sau:
- Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính của Sở.
- Đôn đốc các phòng báo cáo kết quả hằng quý.
2. Cải cách thủ tục hành chính
- Rà soát quy trình nội bộ giải quyết thủ tục hành chính của Sở.
+ Chủ trì: Phòng Tổ chức biên chế; thời hạn: quý II/2026.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
(Đã ký)
Nông Văn Tài

Tin liên quan:
- Sở Nội vụ tổ chức hội nghị triển khai nhiệm vụ năm 2026
"""


def test_a_portal_copy_of_a_department_plan() -> None:
    reading = parplan.read_text(PORTAL, name="trang.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.unit.kind is parplan.UnitKind.PROVINCE
    assert plan.unit.name == "Cao Bằng"
    assert str(plan.symbol) == "04/KH-SNV"
    assert str(plan.issued_on) == "2026-01-09"
    assert plan.signature is not None
    assert plan.signature.name == "Nông Văn Tài"
    titles = [task.title for task in plan.tasks]
    assert not any("hội nghị triển khai" in title for title in titles)  # the portal's other news are no tasks
    led = {task.title: plan.responsibility_of(task) for task in plan.tasks}
    first = led["Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính của Sở."]
    assert first is not None
    assert first.lead is not None
    assert first.lead.label == "Văn phòng Sở"
    # the page's chrome is set aside, never read as the issuer or a task
    assert any(line.text.startswith("Trang chủ") for line in reading.unplaced)


def test_a_number_line_in_the_text_is_not_the_plans_when_it_is_cited() -> None:
    text = PORTAL.replace("Kế hoạch số 04/KH-SNV ngày 09/01/2026 của Sở Nội vụ\n", "").replace(
        "Sở Nội vụ xây dựng", "Thực hiện Kế hoạch số 120/KH-UBND ngày 20/12/2025 của UBND tỉnh, Sở Nội vụ xây dựng"
    )
    reading = parplan.read_text(text, name="trang.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.symbol is None  # a cited plan's number is not this plan's


def test_a_lead_in_line_only_leads_when_it_names_a_body() -> None:
    text = PORTAL.replace("Văn phòng Sở chủ trì thực hiện các nội dung sau:", "Thực hiện các nội dung sau:")
    reading = parplan.read_text(text, name="trang.txt")
    assert reading.plan is not None, reading.doubts
    plan = reading.plan
    task = next(t for t in plan.tasks if t.title.startswith("Ban hành kế hoạch tự kiểm tra"))
    responsibility = plan.responsibility_of(task)
    assert responsibility is None or responsibility.lead is None


NEWS_FORMS = """CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN KRÔNG BÔNG
Trang chủ / Tin tức / Cải cách hành chính
Cập nhật: 05/01/2026 08:00

Ngày 28/12, UBND huyện Krông Bông ban hành Kế hoạch số 301/KH-UBND về tuyên truyền cải cách hành chính năm 2026.

Các hình thức: (a) Trên sóng phát thanh: Trung tâm Văn hóa huyện phát sóng chuyên mục hằng tháng; \
(b) Tại các hội nghị: Phòng Nội vụ tổ chức lồng ghép nội dung cải cách hành chính.
"""


def test_a_news_item_gives_its_lettered_forms_as_tasks() -> None:
    reading = parplan.read_text(NEWS_FORMS, name="tin.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.issuer.name == "Ủy ban nhân dân huyện Krông Bông"  # not the portal's name
    assert str(plan.symbol) == "301/KH-UBND"
    assert str(plan.issued_on) == "2025-12-28"  # the day before the posting, in the year before it
    assert plan.title == "Tuyên truyền cải cách hành chính năm 2026"
    leads = []
    for task in plan.tasks:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None
        assert responsibility.lead is not None
        leads.append(responsibility.lead.label)
    assert leads == ["Trung tâm Văn hóa huyện", "Phòng Nội vụ"]
    # a news item has no masthead: nothing of its tasks is read with full trust
    assert all(s.confidence < Decimal("0.9") for s in plan.sources if s.path.startswith("$.tasks"))  # type: ignore[operator]


def test_lettered_contents_without_a_body_are_no_tasks() -> None:
    text = NEWS_FORMS.replace(
        "Các hình thức: (a) Trên sóng phát thanh: Trung tâm Văn hóa huyện phát sóng chuyên mục hằng tháng; (b) Tại"
        " các hội nghị: Phòng Nội vụ tổ chức lồng ghép nội dung cải cách hành chính.",
        "Nội dung gồm (a) kết quả cải cách hành chính năm trước; (b) các thủ tục hành chính mới.",
    )
    reading = parplan.read_text(text, name="tin.txt")
    assert reading.plan is None or not reading.plan.tasks


def test_a_body_under_its_parent_body_in_the_masthead() -> None:
    text = HEAD.replace(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LONG AN\nTRUNG TÂM GIÁO DỤC THƯỜNG XUYÊN"
    )
    reading = parplan.read_text(
        text + "I. NHIỆM VỤ\n1. Rà soát quy trình tiếp nhận hồ sơ của Trung tâm.\n", name="t.txt"
    )
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.issuer.category is parplan.OrgKind.PUBLIC_SERVICE_UNIT
    assert plan.issuer.name.casefold().startswith("trung tâm giáo dục")
    assert plan.unit.name == "Long An"


def test_a_committee_over_a_committee_is_read_as_parent_and_issuer() -> None:
    text = "UBND XÃ TÂN LẬP - HUYỆN ĐỨC HÒA\n" + HEAD.replace(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "ỦY BAN NHÂN DÂN HUYỆN ĐỨC HÒA\nỦY BAN NHÂN DÂN XÃ TÂN LẬP"
    )
    plan = parplan.read_text(text + "I. NHIỆM VỤ\n1. Rà soát thủ tục hành chính của xã.\n", name="t.txt").plan
    assert plan is not None
    assert plan.unit.kind is parplan.UnitKind.COMMUNE
    assert plan.unit.name == "Tân Lập"
    assert plan.issuer.name == "Ủy ban nhân dân xã Tân Lập"


def test_giao_after_an_item_gives_its_lead_and_time() -> None:
    plan = _plan(
        "I. NHIỆM VỤ\n- Niêm yết đường dây nóng tại Bộ phận Một cửa. Giao: Văn phòng - Thống kê;"
        " thời gian: quý I/2024.\n"
    )
    task = plan.tasks[0]
    assert task.title == "Niêm yết đường dây nóng tại Bộ phận Một cửa."
    responsibility = plan.responsibility_of(task)
    assert responsibility is not None
    assert responsibility.lead is not None
    assert responsibility.lead.label == "Văn phòng - Thống kê"
    timeframe = plan.timeframe_of(task)
    assert timeframe is not None
    assert (timeframe.text or "").startswith("quý I/2024")


def test_a_remedial_table_gives_the_remedy_as_the_task() -> None:
    table = (
        "I. GIẢI PHÁP\n"
        "TT\tTiêu chí\tNội dung bị trừ điểm\tGiải pháp khắc phục\tCơ quan chủ trì\tThời hạn\n"
        "I\tCHỈ ĐẠO, ĐIỀU HÀNH\n"
        "1\t1.2\tBáo cáo gửi chậm\tLập lịch gửi báo cáo định kỳ\tVăn phòng - Thống kê\tQuý I/2024\n"
        "II\tHIỆN ĐẠI HÓA HÀNH CHÍNH\n"
        "2\t7.1\tÍt hồ sơ trực tuyến\tHướng dẫn người dân nộp hồ sơ trực tuyến\tBộ phận Một cửa\tThường xuyên\n"
    )
    plan = _plan(table)
    assert [task.title for task in plan.tasks] == [
        "Lập lịch gửi báo cáo định kỳ",
        "Hướng dẫn người dân nộp hồ sơ trực tuyến",
    ]


def test_a_table_of_tasks_beside_a_remedy_column_keeps_its_tasks() -> None:
    table = (
        "I. NHIỆM VỤ\n"
        "TT\tNhiệm vụ\tGiải pháp khắc phục\tCơ quan chủ trì\tThời hạn\n"
        "1\tNâng tỷ lệ hồ sơ trực tuyến\tHướng dẫn tại Bộ phận Một cửa\tBộ phận Một cửa\tQuý II/2024\n"
        "2\tGiảm hồ sơ trễ hạn\tNhắc hạn hằng tuần\tVăn phòng - Thống kê\tThường xuyên\n"
    )
    plan = _plan(table)
    assert [task.title for task in plan.tasks] == ["Nâng tỷ lệ hồ sơ trực tuyến", "Giảm hồ sơ trễ hạn"]


def test_a_decision_adopting_a_list_takes_the_lists_heading_as_title() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC HÒA\nSố: 88/QĐ-UBND\nĐức Hòa, ngày 02 tháng 3 năm 2024\n"
        "QUYẾT ĐỊNH\nBan hành Danh mục nhiệm vụ cải cách hành chính năm 2024 của huyện Đức Hòa\n"
        "Điều 1. Ban hành kèm theo Quyết định này Danh mục nhiệm vụ cải cách hành chính năm 2024.\n"
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn An\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "1\tRà soát thủ tục hành chính\tPhòng Tư pháp\tQuý II/2024\n"
        "2\tKiểm tra công vụ\tPhòng Nội vụ\tQuý III/2024\n"
    )
    reading = parplan.read_text(text, name="qd.txt")
    assert reading.plan is not None, reading.doubts
    assert reading.plan.title == "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    # a decision whose appendix is a report, not the list it adopts, keeps its own title
    other = text.replace("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024\nSTT", "KẾT QUẢ NĂM 2023\nSTT")
    kept = parplan.read_text(other, name="qd.txt").plan
    assert kept is None or kept.title != "KẾT QUẢ NĂM 2023"


# -- a task's lead and time after it, in the passive, in field lines; lost numbering; merged cells ------------------


def _tasks(body: str) -> list[tuple[str, str | None, str | None]]:
    return tasks_as_read(_plan(body))


def test_a_giao_sentence_after_the_task_gives_its_lead_and_time() -> None:
    tasks = _tasks(
        "II. NHIỆM VỤ\n1. Cải cách thể chế\n"
        "- Thống kê các quy định hết hiệu lực. Giao Phòng Tư pháp chủ trì, phối hợp với Văn phòng thực hiện"
        " trong quý II/2024.\n"
        "- Giao đất, cho thuê đất đúng quy định của pháp luật.\n"
    )
    assert tasks[0] == ("Thống kê các quy định hết hiệu lực.", "Phòng Tư pháp", "trong quý II/2024")
    assert tasks[1][1] is None  # "Giao đất" is a task's verb, not a body given the task


def test_the_passive_names_the_doer_after_the_last_do() -> None:
    tasks = _tasks(
        "II. NHIỆM VỤ\n1. Cải cách thể chế\n"
        "- Rà soát các quy định do HĐND xã ban hành do công chức Tư pháp - Hộ tịch thực hiện trong tháng 4 năm 2024.\n"
        "- Sao gửi đến các thôn những quy định do UBND huyện ban hành.\n"
    )
    title, lead, time = tasks[0]
    assert title.endswith("thực hiện trong tháng 4 năm 2024.")  # the sentence stays whole
    assert (lead, time) == ("công chức Tư pháp - Hộ tịch", "trong tháng 4 năm 2024")
    assert tasks[1][1:] == (None, None)  # "do UBND huyện ban hành": nobody is given the task


def test_a_responsibility_line_after_each_item_is_that_items() -> None:
    tasks = _tasks(
        "II. NHIỆM VỤ\n1. Hiện đại hóa hành chính\n"
        "- Số hóa sổ hộ tịch cũ.\n"
        "Trách nhiêm thực hiện: Công chức Tư pháp - Hộ tịch. Thòi gian hoàn thành: Quý III/2024.\n"
        "- Cập nhật trang thông tin điện tử.\n"
        "Trách nhiệm thực hiện: Công chức Văn hóa - Xã hội. Thời gian hoàn thành: Cả năm.\n"
    )
    assert [lead for _, lead, _ in tasks] == ["Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội"]
    assert tasks[0][2] == "Quý III/2024"


def test_a_group_responsibility_line_with_roles_stays_the_groups() -> None:
    tasks = _tasks(
        "II. NHIỆM VỤ\n1. Kiểm tra\n- Kiểm tra 30% số xã.\n- Xử lý kết quả kiểm tra.\n"
        "Trách nhiệm thực hiện: Phòng Nội vụ chủ trì; các phòng phối hợp. Thời gian: quý II/2024.\n"
    )
    assert [lead for _, lead, _ in tasks] == ["Phòng Nội vụ", "Phòng Nội vụ"]


def test_a_body_without_its_numbering_gets_its_parts_and_items_back() -> None:
    tasks = _tasks(
        "MỤC ĐÍCH, YÊU CẦU\nPhục vụ người dân tốt hơn.\nNHIỆM VỤ CỤ THỂ\nChuyển đổi số\n"
        "Lưu trữ điện tử hồ sơ đất đai.\n"
        "Chủ trì: Phòng Kinh tế (bộ phận địa chính); phối hợp: Văn phòng; lộ trình: năm 2024.\n"
        "Mở tài khoản định danh cho người cao tuổi.\nChủ trì: Công an xã; lộ trình: quý II/2024.\n"
        "TỔ CHỨC THỰC HIỆN\nCác phòng báo cáo kết quả về Văn phòng.\n"
    )
    assert tasks[:2] == [
        ("Lưu trữ điện tử hồ sơ đất đai.", "Phòng Kinh tế", "năm 2024"),
        ("Mở tài khoản định danh cho người cao tuổi.", "Công an xã", "quý II/2024"),
    ]


def test_plain_lines_without_field_lines_are_not_made_items() -> None:
    plan = _plan("MỤC ĐÍCH, YÊU CẦU\nPhục vụ người dân tốt hơn.\nNHIỆM VỤ CỤ THỂ\nChuyển đổi số\nLưu trữ hồ sơ.\n")
    assert not [task for task in plan.tasks if task.title.startswith("Lưu trữ")]


def test_a_merged_period_cell_holds_for_the_rows_below() -> None:
    tasks = _tasks(
        "II. LỊCH\nTháng\tNội dung công việc\tNgười thực hiện\tGhi chú\n"
        "Tháng 3\tLập danh mục hồ sơ.\tVăn thư\t\n\tCông khai lịch tiếp dân.\tPhó Hiệu trưởng\t\n"
        "Tháng 5\tBáo cáo sơ kết.\tHiệu trưởng\t\n"
    )
    assert [(lead, time) for _, lead, time in tasks] == [
        ("Văn thư", "Tháng 3"),
        ("Phó Hiệu trưởng", "Tháng 3"),
        ("Hiệu trưởng", "Tháng 5"),
    ]


def test_an_empty_time_cell_in_a_table_whose_time_is_not_first_stays_empty() -> None:
    tasks = _tasks(
        "II. NHIỆM VỤ\nSTT\tNội dung\tChủ trì\tThời gian\n1\tLập danh mục hồ sơ.\tVăn thư\tQuý I/2024\n"
        "2\tCông khai lịch tiếp dân.\tVăn phòng\t\n"
    )
    assert tasks[1][2] is None


def test_a_footnote_mark_is_not_part_of_the_title() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n1. Rà soát vị trí việc làm theo hướng dẫn của Sở Nội vụ[2].\n")
    assert tasks[0][0] == "Rà soát vị trí việc làm theo hướng dẫn của Sở Nội vụ."


def _lead_and_time(plan: parplan.Plan, index: int) -> tuple[list[str], str | None]:
    task = plan.tasks[index]
    responsibility = plan.responsibility_of(task)
    lead = responsibility.lead if responsibility is not None else None
    members = getattr(lead, "members", (lead,)) if lead is not None else ()
    timeframe = plan.timeframe_of(task)
    return [m.label for m in members], timeframe.text if timeframe is not None else None


@pytest.mark.parametrize(
    "tail",
    [
        "Thời hạn: quý II/2024; trách nhiệm: công chức Văn phòng - Thống kê.",
        "Chủ trì: công chức Văn phòng - Thống kê. Phối hợp: Bộ phận một cửa. Hoàn thành: quý II/2024.",
        "Cơ quan thực hiện: công chức Văn phòng - Thống kê; thời gian hoàn thành: quý II/2024.",
    ],
)
def test_fields_after_the_items_full_stop_in_any_order(tail: str) -> None:
    plan = _plan(f"II. NHIỆM VỤ\n1. Cải cách thủ tục hành chính\n- Rà soát quy trình nội bộ giải quyết hồ sơ. {tail}\n")
    assert [t.title for t in plan.tasks] == ["Rà soát quy trình nội bộ giải quyết hồ sơ."]
    assert _lead_and_time(plan, 0) == (["công chức Văn phòng - Thống kê"], "quý II/2024")


def test_a_result_after_the_full_stop_is_no_lead_or_time() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Hiện đại hóa hành chính\n- Duy trì Trang thông tin điện tử. Kết quả: tin bài mới.\n")
    assert [t.title for t in plan.tasks] == ["Duy trì Trang thông tin điện tử. Kết quả: tin bài mới."]
    assert _lead_and_time(plan, 0) == ([], None)


def test_a_bracket_of_fields_on_the_line_after_a_lettered_item() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n1. Cải cách thể chế\na) Rà soát văn bản quy phạm pháp luật của xã.\n"
        "(Đơn vị chủ trì: công chức Tư pháp - Hộ tịch; đơn vị phối hợp: Văn phòng; tiến độ: quý III/2024)\n"
        "b) Theo dõi thi hành pháp luật.\n(Đầu mối: công chức Tư pháp - Hộ tịch; thời gian: hằng quý)\n"
    )
    assert [t.title for t in plan.tasks] == [
        "Rà soát văn bản quy phạm pháp luật của xã.",
        "Theo dõi thi hành pháp luật.",
    ]
    assert _lead_and_time(plan, 0) == (["công chức Tư pháp - Hộ tịch"], "quý III/2024")
    assert _lead_and_time(plan, 1) == (["công chức Tư pháp - Hộ tịch"], "hằng quý")


def test_items_with_their_own_fields_are_tasks_under_a_heading_of_no_known_zone() -> None:
    plan = _plan(
        "II. NỘI DUNG\n1) Rà soát, đánh giá thủ tục hành chính\n"
        "\uf0b7\tRà soát thủ tục hộ tịch. Thời gian: quý II/2024; trách nhiệm: công chức Tư pháp - Hộ tịch.\n"
        "\uf0b7\tThủ tục đất đai còn nhiều thành phần hồ sơ.\n"
    )
    assert [t.title for t in plan.tasks] == ["Rà soát thủ tục hộ tịch."]  # the bare statement stays no task
    assert _lead_and_time(plan, 0) == (["công chức Tư pháp - Hộ tịch"], "quý II/2024")


def test_a_groups_assignment_line_after_its_items() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n1. Cải cách tổ chức bộ máy\n- Thực trạng: bộ máy còn cồng kềnh.\n- Giải pháp:\n"
        "+ Rà soát vị trí việc làm.\n+ Sắp xếp lại các tổ giúp việc.\n"
        "- Phân công: Văn phòng chủ trì; các ban phối hợp; thời gian: quý III/2024.\n"
        "2. Hiện đại hóa hành chính\n- Giải pháp:\n+ Số hóa hồ sơ lưu trữ.\n"
    )
    titles = [t.title for t in plan.tasks]
    assert titles == ["Rà soát vị trí việc làm.", "Sắp xếp lại các tổ giúp việc.", "Số hóa hồ sơ lưu trữ."]
    assert _lead_and_time(plan, 0) == (["Văn phòng"], "quý III/2024")
    assert _lead_and_time(plan, 1) == (["Văn phòng"], "quý III/2024")
    assert _lead_and_time(plan, 2) == ([], None)  # the next group has no assignment line: silent


def test_field_items_indented_under_star_items() -> None:
    plan = _plan(
        "   2. NHIỆM VỤ\n      1. Cải cách thủ tục hành chính\n         * Công khai thủ tục hành chính.\n"
        "            * Chủ trì: công chức Văn phòng - Thống kê; thời gian: thường xuyên.\n"
        "         * Hướng dẫn nộp hồ sơ trực tuyến.\n"
    )
    assert [t.title for t in plan.tasks] == ["Công khai thủ tục hành chính.", "Hướng dẫn nộp hồ sơ trực tuyến."]
    assert _lead_and_time(plan, 0) == (["công chức Văn phòng - Thống kê"], "thường xuyên")
    assert _lead_and_time(plan, 1) == ([], None)


def test_fields_separated_by_en_dashes_while_the_lead_holds_a_hyphen() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n1. Cải cách thể chế\n"
        "- Rà soát các quy định về quản lý chợ – Công chức Địa chính - Xây dựng – Trước ngày 15/5/2024.\n"
        "- Tổ chức đối thoại với người dân – Chủ tịch UBND xã – Thường xuyên.\n"
    )
    assert [t.title for t in plan.tasks] == ["Rà soát các quy định về quản lý chợ", "Tổ chức đối thoại với người dân"]
    assert _lead_and_time(plan, 0) == (["Công chức Địa chính - Xây dựng"], "Trước ngày 15/5/2024")
    assert _lead_and_time(plan, 1) == (["Chủ tịch UBND xã"], "Thường xuyên")


@pytest.mark.parametrize(
    "item",
    [
        "Cải cách thủ tục – tổ chức bộ máy – công vụ tại xã.",  # dashes between words that are neither body nor time
        "Tuyên truyền – Công chức Văn hóa - Xã hội.",  # one dash: no time segment
        "Tập huấn nghiệp vụ một cửa – Phòng Nội vụ – Bộ phận một cửa.",  # the last segment is a body, not a time
    ],
)
def test_dashes_that_are_not_fields_stay_in_the_title(item: str) -> None:
    plan = _plan(f"II. NHIỆM VỤ\n1. Cải cách hành chính\n- {item}\n")
    assert [t.title for t in plan.tasks] == [item]
    assert _lead_and_time(plan, 0)[1] is None


def test_a_closing_bracket_of_bodies_leads_and_a_quarter_heading_is_the_deadline() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n1. Quý II/2024:\n"
        "- Rà soát quy chế làm việc của UBND xã (Văn phòng UBND xã, Công an xã).\n"
        "- Bồi dưỡng kỹ năng cho công chức (theo Kế hoạch số 12/KH-UBND).\n"
        "2. Thường xuyên trong năm:\n"
        "- Cập nhật dữ liệu hộ tịch (công chức Tư pháp - Hộ tịch).\n"
    )
    assert [t.title for t in plan.tasks] == [
        "Rà soát quy chế làm việc của UBND xã.",
        "Bồi dưỡng kỹ năng cho công chức (theo Kế hoạch số 12/KH-UBND).",
        "Cập nhật dữ liệu hộ tịch.",  # a post in lower case ("công chức …") is a doer's name too
    ]
    assert _lead_and_time(plan, 0) == (["Văn phòng UBND xã", "Công an xã"], "Quý II/2024")
    assert _lead_and_time(plan, 1) == ([], "Quý II/2024")
    assert _lead_and_time(plan, 2) == (["công chức Tư pháp - Hộ tịch"], "Thường xuyên trong năm")


def test_a_lead_in_a_bracket_after_an_areas_heading_leads_its_tasks() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n1. Cải cách thủ tục hành chính (công chức Văn phòng - Thống kê chủ trì)\n"
        "1.1. Rà soát quy trình một cửa (Thời gian: Quý I/2024).\n"
        "2. Cải cách thể chế (giai đoạn đầu năm)\n"
        "2.1. Rà soát văn bản của xã (Thời gian: Quý II/2024).\n"
    )
    assert _lead_and_time(plan, 0) == (["công chức Văn phòng - Thống kê"], "Quý I/2024")
    assert _lead_and_time(plan, 1) == ([], "Quý II/2024")


def _table_plan(rows: str) -> parplan.Plan:
    return _plan(
        "II. NHIỆM VỤ\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |\n" + rows.strip() + "\n"
    )


def test_wrapped_cells_of_a_pipe_table_go_on_in_rows_without_a_number() -> None:
    plan = _table_plan(
        """
| 1 | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | |
| 1.1 | Rà soát thủ tục hành chính liên thông | Văn phòng UBND | Các phòng | Quý I/2024 |
| | giữa các cấp | huyện | chuyên môn | |
| 1.2 | Công khai kết quả giải quyết hồ sơ trên | Phòng Nội vụ | | Quý II/2024 |
| | Cổng thông tin điện tử | | | |
"""
    )
    assert [t.title for t in plan.tasks] == [
        "Rà soát thủ tục hành chính liên thông giữa các cấp",
        "Công khai kết quả giải quyết hồ sơ trên Cổng thông tin điện tử",
    ]
    assert _lead_and_time(plan, 0) == (["Văn phòng UBND huyện"], "Quý I/2024")


def test_an_unnumbered_row_with_its_own_fields_or_after_a_full_stop_is_a_task() -> None:
    plan = _table_plan(
        """
| 1 | Rà soát thủ tục hành chính. | Phòng Nội vụ | | Quý I/2024 |
| | Công bố kết quả rà soát | | | |
| 2 | Số hóa hồ sơ | Phòng Tư pháp | | Quý II/2024 |
| | Lưu trữ hồ sơ điện tử | Phòng Tư pháp | | Quý III/2024 |
| | Tổng cộng | | | |
"""
    )
    assert [t.title for t in plan.tasks] == [
        "Rà soát thủ tục hành chính.",
        "Công bố kết quả rà soát",
        "Số hóa hồ sơ",
        "Lưu trữ hồ sơ điện tử",
    ]


def test_a_remedial_plans_own_year_dates_its_tasks() -> None:
    text = (
        """ỦY BAN NHÂN DÂN
HUYỆN TÂN LẬP
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Lập, ngày 25 tháng 02 năm 2022

KẾ HOẠCH
Khắc phục tồn tại, hạn chế qua kết quả Chỉ số cải cách hành chính năm 2021

II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC
1. Gửi, nhận văn bản điện tử có ký số (Văn phòng HĐND và UBND huyện chủ trì; thời gian: cả năm).
2. Rà soát quy trình giải quyết hồ sơ đất đai (Phòng Tài nguyên và Môi trường chủ trì; thời gian: năm 2021).
"""
        + TAIL
    )
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    plan = reading.plan
    assert plan.year == 2022
    whole_year, written_year = (t.timeframe for t in plan.tasks)
    assert whole_year is not None
    assert whole_year.latest == date(2022, 12, 31)  # "cả năm": the year the plan is for, not the index year
    assert written_year is not None
    assert written_year.latest == date(2021, 12, 31)  # a year written stays as written
    assert "PP201" in {f.code for f in parplan.check(plan)}  # and is then outside the plan's year
