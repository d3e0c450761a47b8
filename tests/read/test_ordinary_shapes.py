"""Ordinary ways plans write a task's fields: each shape read into the same title, leads and time."""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import task_roles
from parplan.plan import Plan
from parplan.timeframes import Frequency, Recurring

HEAD = """ỦY BAN NHÂN DÂN
HUYỆN KIM BẢNG
Số: 15/KH-UBND\tKim Bảng, ngày 12 tháng 01 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác cải cách hành chính.

II. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thể chế
{body}

III. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ theo dõi, đôn đốc, báo cáo UBND huyện.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Trần Văn Bình
"""
FIRST = "Rà soát văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành."
SECOND = "Kiểm tra văn bản của cấp xã."


def _tasks(plan: Plan | None) -> list[tuple[str, list[str], str | None]]:
    assert plan is not None
    return [(title, leads, time) for title, leads, _, time in task_roles(plan)]


def _read(body: str) -> Plan:
    reading = parplan.read_text(HEAD.format(body=body), name="kim-bang.txt")
    assert reading.plan is not None
    return reading.plan


HAND_OVERS = {
    "numbered, a line each": (
        f"1.1. {FIRST}\nGiao Phòng Tư pháp chủ trì, phối hợp với các cơ quan liên quan thực hiện, hoàn thành"
        f" trong Quý II/2025.\n1.2. {SECOND}\nGiao Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý III/2025."
    ),
    "dashed, a line each": (
        f"- {FIRST}\nGiao Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý II/2025.\n"
        f"- {SECOND}\nGiao Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý III/2025."
    ),
    "'Giao cho', 'tham mưu, thực hiện'": (
        f"1.1. {FIRST}\nGiao cho Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý II/2025.\n"
        f"1.2. {SECOND}\nGiao Phòng Tư pháp tham mưu, thực hiện trong Quý III/2025."
    ),
    "in the item's paragraph": (
        f"1.1. {FIRST} Giao Phòng Tư pháp chủ trì, phối hợp với các cơ quan liên quan thực hiện, hoàn thành"
        f" trong Quý II/2025.\n1.2. {SECOND} Giao Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý III/2025."
    ),
}


@pytest.mark.parametrize("body", HAND_OVERS.values(), ids=HAND_OVERS.keys())
def test_a_task_handed_over_on_a_line_of_its_own(body: str) -> None:
    tasks = _tasks(_read(body))
    assert tasks[:2] == [
        (FIRST, ["Phòng Tư pháp"], "trong Quý II/2025"),
        (SECOND, ["Phòng Tư pháp"], "trong Quý III/2025"),
    ]


def test_a_task_whose_verb_is_giao_stays_a_task() -> None:
    """Near miss: "Giao quyền tự chủ …" gives autonomy; it hands nothing over."""
    body = (
        "1.1. Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập. Phòng Tài chính - Kế hoạch chủ trì;"
        " thời gian: Quý II/2025.\n- Giao Phòng Tư pháp chủ trì, phối hợp với UBND các xã rà soát văn bản;"
        " thời gian hoàn thành: Quý III/2025."
    )
    titles = [title for title, _, _ in _tasks(_read(body))]
    assert "Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập." in titles
    assert any(title.startswith("Giao Phòng Tư pháp chủ trì, phối hợp với UBND các xã rà soát") for title in titles)


def test_budget_and_output_lines_belong_to_their_task() -> None:
    body = (
        f"1.1. {FIRST}\n- Đơn vị chủ trì: Phòng Tư pháp.\n- Kinh phí: 20 triệu đồng (ngân sách huyện).\n"
        f"- Thời gian hoàn thành: Quý II/2025.\n1.2. {SECOND}\n- Đơn vị chủ trì: Phòng Tư pháp.\n"
        "- Kết quả: Báo cáo kết quả kiểm tra.\n- Thời gian hoàn thành: Quý III/2025."
    )
    plan = _read(body)
    assert _tasks(plan)[:2] == [
        (FIRST, ["Phòng Tư pháp"], "Quý II/2025"),
        (SECOND, ["Phòng Tư pháp"], "Quý III/2025"),
    ]
    budget = plan.tasks[0].budget
    assert budget is not None
    assert (budget.amount, budget.source) == (20_000_000, "ngân sách huyện")
    assert plan.tasks[1].outputs == ("Báo cáo kết quả kiểm tra.",)


@pytest.mark.parametrize(
    ("opening", "lead", "time"),
    [
        ("Trong quý II/2025, Phòng Tư pháp chủ trì rà soát", "Phòng Tư pháp", "Trong quý II/2025"),
        ("Đến hết quý III/2025, Phòng Nội vụ tham mưu rà soát", "Phòng Nội vụ", "Đến hết quý III/2025"),
        ("Từ tháng 4/2025, Văn phòng HĐND và UBND huyện kiểm tra", "Văn phòng HĐND và UBND huyện", "Từ tháng 4/2025"),
        ("Hằng quý, Phòng Tư pháp kiểm tra", "Phòng Tư pháp", "Hằng quý"),
        ("Trước ngày 30/9/2025, Phòng Tư pháp hoàn thành việc rà soát", "Phòng Tư pháp", "Trước ngày 30/9/2025"),
        (
            "Ngay sau khi Kế hoạch được ban hành, Văn phòng HĐND và UBND huyện đăng tải",
            "Văn phòng HĐND và UBND huyện",
            "Ngay sau khi Kế hoạch được ban hành",
        ),
        ("Chậm nhất ngày 15/12/2025, Phòng Nội vụ tổng hợp", "Phòng Nội vụ", "Chậm nhất ngày 15/12/2025"),
        ("Trong tháng 3 và tháng 9/2025, Phòng Nội vụ kiểm tra", "Phòng Nội vụ", "Trong tháng 3 và tháng 9/2025"),
    ],
)
def test_a_sentence_opening_with_its_time(opening: str, lead: str, time: str) -> None:
    body = f"1.1. {opening} văn bản quy phạm pháp luật của huyện.\n1.2. {SECOND[:-1]} (Phòng Tư pháp; Quý IV/2025)."
    title, leads, read_time = _tasks(_read(body))[0]
    assert title.startswith(opening)
    assert (leads, read_time) == ([lead], time)


DOERS = [
    # the field line, the leads it names (" | " between two), its time
    ("Thực hiện: Công chức Tư pháp - Hộ tịch, quý II/2025.", "Công chức Tư pháp - Hộ tịch", "quý II/2025"),
    (
        "Thực hiện: Công chức Tư pháp - Hộ tịch; Công an xã, hằng quý.",
        "Công chức Tư pháp - Hộ tịch | Công an xã",
        "hằng quý",
    ),
    (
        "Người thực hiện: Phó Hiệu trưởng, Nhân viên văn thư\tThời gian: Tháng 9/2025",
        "Phó Hiệu trưởng | Nhân viên văn thư",
        "Tháng 9/2025",
    ),
    ("Người thực hiện: Kế toán, Giáo viên chủ nhiệm\tThời gian: Theo quý", "Kế toán | Giáo viên chủ nhiệm", "Theo quý"),
    (
        "Người thực hiện: Phó Hiệu trưởng, Tổng phụ trách Đội, tháng 9/2025.",
        "Phó Hiệu trưởng | Tổng phụ trách Đội",
        "tháng 9/2025",
    ),
    (
        "Phụ trách: Trưởng khoa Khám bệnh, Điều dưỡng trưởng; thời gian: Hằng tuần (sáng thứ Hai)",
        "Trưởng khoa Khám bệnh | Điều dưỡng trưởng",
        "Hằng tuần (sáng thứ Hai)",
    ),
]


@pytest.mark.parametrize(("field", "leads", "time"), DOERS)
def test_a_doers_field_with_posts_and_its_time(field: str, leads: str, time: str) -> None:
    body = f"a. {FIRST}\n{field}\nb. {SECOND}\nThực hiện: Phòng Tư pháp, Quý IV/2025."
    assert _tasks(_read(body))[0] == (FIRST, leads.split(" | "), time)


def test_a_name_holding_a_comma_stays_one_lead() -> None:
    """Near miss: a body whose name holds a comma is one lead, and a field without a time is read as before."""
    body = f"a. {FIRST}\nThực hiện: Phòng Kinh tế, Hạ tầng và Đô thị.\nb. {SECOND}\nThực hiện: Phòng Tư pháp."
    assert _tasks(_read(body))[:2] == [
        (FIRST, ["Phòng Kinh tế, Hạ tầng và Đô thị"], None),
        (SECOND, ["Phòng Tư pháp"], None),
    ]


def test_a_certified_copy_block_is_no_part_of_the_plan() -> None:
    text = HEAD.format(body=f"1.1. {FIRST} (Phòng Tư pháp; Quý II/2025).") + (
        "\n________________________________________\n\nỦY BAN NHÂN DÂN\nXÃ TÂN SƠN\nSố: 04/SY-UBND\n"
        "SAO Y BẢN CHÍNH\nTân Sơn, ngày 20 tháng 01 năm 2025\nNơi nhận:\n- Các ban, ngành xã;\n- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLê Thị Hoa\n"
    )
    reading = parplan.read_text(text, name="kim-bang-sao-y.txt")
    assert reading.plan is not None
    signature = reading.plan.signature
    assert signature is not None
    assert signature.name == "Trần Văn Bình"
    assert any("SAO Y" in line.text for line in reading.unplaced) or not any(
        "SAO Y" in (source.written or "") for source in reading.plan.sources
    )


def test_a_time_field_of_a_frequency_with_a_remark() -> None:
    body = f"a. {FIRST}\nChủ trì: Phòng Tư pháp; thời gian: Hằng tuần (sáng thứ Hai).\nb. {SECOND}"
    plan = _read(body)
    source = next(s for s in plan.sources if s.path == "$.tasks[0].timeframe")
    timeframe = plan.tasks[0].timeframe
    assert isinstance(timeframe, Recurring)
    assert timeframe.frequencies == (Frequency.WEEKLY,)
    assert any("sáng thứ Hai" in doubt for doubt in source.doubts)


ONE_LINE = {
    "labelled fields after spaced dashes": (
        f"1.1. {FIRST[:-1]} - Cơ quan chủ trì: Phòng Tư pháp - Thời gian: Quý II/2025.\n"
        f"1.2. {SECOND[:-1]} - Cơ quan chủ trì: Phòng Tư pháp - Thời gian: Quý III/2025."
    ),
    "a line of labelled fields, the task's first": (
        f"- Nội dung: {FIRST[:-1]}; Đơn vị thực hiện: Phòng Tư pháp; Thời gian: Quý II/2025.\n"
        f"- Nội dung: {SECOND[:-1]}; Đơn vị thực hiện: Phòng Tư pháp; Thời gian: Quý III/2025."
    ),
}


@pytest.mark.parametrize("body", ONE_LINE.values(), ids=ONE_LINE.keys())
def test_a_task_and_its_fields_on_one_line(body: str) -> None:
    assert _tasks(_read(body))[:2] == [
        (FIRST[:-1], ["Phòng Tư pháp"], "Quý II/2025"),
        (SECOND[:-1], ["Phòng Tư pháp"], "Quý III/2025"),
    ]


def test_a_bracket_of_one_clause_gives_lead_and_time() -> None:
    body = (
        f"1.1. {FIRST[:-1]} (Phòng Tư pháp chủ trì, thực hiện trong Quý II/2025).\n"
        f"1.2. {SECOND[:-1]} (Phòng Tư pháp chủ trì, thực hiện trong Quý III/2025)."
    )
    assert [(leads, time) for _, leads, time in _tasks(_read(body))[:2]] == [
        (["Phòng Tư pháp"], "trong Quý II/2025"),
        (["Phòng Tư pháp"], "trong Quý III/2025"),
    ]


def test_a_table_with_start_and_end_columns_gives_the_end() -> None:
    body = (
        "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời gian bắt đầu\tThời gian hoàn thành\n"
        f"1\t{FIRST[:-1]}\tPhòng Tư pháp\tTháng 01/2025\tTháng 6/2025\n"
        f"2\t{SECOND[:-1]}\tPhòng Tư pháp\tTháng 3/2025\tQuý III/2025"
    )
    assert _tasks(_read(body))[:2] == [
        (FIRST[:-1], ["Phòng Tư pháp"], "Tháng 6/2025"),
        (SECOND[:-1], ["Phòng Tư pháp"], "Quý III/2025"),
    ]


def test_a_draft_after_the_letter_that_submits_it() -> None:
    """A department's "TỜ TRÌNH" comes first; the plan is the draft after it, whose number and date are blank."""
    letter = (
        "UBND HUYỆN KIM BẢNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 88/TTr-PNV\tKim Bảng, ngày 28 tháng 12 năm 2024\n\nTỜ TRÌNH\nVề việc ban hành Kế hoạch cải cách"
        " hành chính năm 2025\n\nKính gửi: Ủy ban nhân dân huyện.\n\nPhòng Nội vụ kính trình Ủy ban nhân dân huyện"
        " xem xét, ban hành./.\n\nNơi nhận:\tTRƯỞNG PHÒNG\n- Như trên;\n- Lưu: VT.\tĐỗ Văn Hải\n\n(DỰ THẢO)\n\n"
    )
    draft = HEAD.format(body=f"1.1. {FIRST[:-1]} (Phòng Tư pháp; Quý II/2025).").replace(
        "Số: 15/KH-UBND\tKim Bảng, ngày 12 tháng 01 năm 2025", "Số:      /KH-UBND\tKim Bảng, ngày    tháng    năm 2025"
    )
    reading = parplan.read_text(letter + draft, name="kim-bang-du-thao.txt")
    plan = reading.plan
    assert plan is not None
    assert plan.issuer.name == "Ủy ban nhân dân huyện Kim Bảng"
    assert plan.symbol is not None
    assert (plan.symbol.number, plan.symbol.doc_type) == (None, "KH")  # "Số:      /KH-UBND": the number left blank
    assert plan.issued_on is None
    assert _tasks(plan)[0] == (FIRST, ["Phòng Tư pháp"], "Quý II/2025")


def test_lettered_items_in_lower_case_do_not_make_the_text_look_cut_to_a_width() -> None:
    """Items lettered "a/" under headings ending in a word open in lower case; no paragraph was cut there.

    Were the text taken as wrapped, each field line would join the long item line above it as its
    continuation, and a "Kết quả:" line after the second item would be read as a task of its own.
    """
    groups = [
        ("Cải cách thủ tục hành chính", "Niêm yết quy trình tiếp nhận và trả kết quả hồ sơ tại Bộ phận Một cửa"),
        ("Cải cách tổ chức bộ máy", "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn sau khi sắp xếp lại"),
        ("Cải cách tài chính công", "Công khai dự toán, quyết toán ngân sách của các đơn vị dự toán trên trang tin"),
        ("Hiện đại hóa hành chính", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực của huyện"),
    ]
    quarters = ["I", "II", "III", "IV"]
    body = "\n".join(
        f"{n}/ {area}\na/ {task} cho người dân, doanh nghiệp theo đúng quy định.\n"
        f"Phụ trách: Trưởng phòng Nội vụ; thời gian: Quý {quarters[n - 1]}/2025.\n"
        f"b/ Báo cáo Chủ tịch UBND huyện kết quả của nhiệm vụ thứ {n} ngay sau khi hoàn thành.\n"
        f"Phụ trách: Chánh Văn phòng HĐND và UBND huyện; thời gian: Tháng 12/2025.\n"
        f"Kết quả: Báo cáo số {n} gửi Chủ tịch UBND huyện."
        for n, (area, task) in enumerate(groups, 1)
    )
    plan = _read(body)
    titles = [title for title, _, _ in _tasks(plan)]
    assert not [title for title in titles if title.startswith("Kết quả")]
    assert titles[1:9:2] == [f"{task} cho người dân, doanh nghiệp theo đúng quy định." for _, task in groups]
    assert [task.outputs for task in plan.tasks[2:10:2]] == [
        (f"Báo cáo số {n} gửi Chủ tịch UBND huyện.",) for n in range(1, 5)
    ]


AFTER_ONE_LINE = {
    "a line of labelled fields": (
        "- Nội dung: {task}; Đơn vị thực hiện: Phòng Tư pháp; Thời gian: {time}.",
        "- Nội dung: {task}; Đơn vị thực hiện: Phòng Tư pháp; Thời gian: {time}.",
    ),
    "fields after spaced dashes": (
        "- {task} - Cơ quan chủ trì: Phòng Tư pháp - Thời gian: {time}.",
        "- {task} - Cơ quan chủ trì: Phòng Tư pháp - Thời gian: {time}.",
    ),
    "a bracket, then labelled fields": (
        "- {task} (Phòng Tư pháp; {time}).",
        "- Nội dung: {task}; Đơn vị thực hiện: Phòng Tư pháp; Thời gian: {time}.",
    ),
}


@pytest.mark.parametrize(
    "extra",
    [
        "Chỉ tiêu: 100% văn bản được rà soát.",
        "Kinh phí: 20 triệu đồng (ngân sách huyện).",
        "Kinh phí dự kiến: 20.000.000 đồng.",
        "Dự kiến kinh phí: 20 triệu đồng.",
    ],
)
@pytest.mark.parametrize(("first", "second"), AFTER_ONE_LINE.values(), ids=AFTER_ONE_LINE.keys())
def test_a_line_of_what_after_an_item_with_its_fields_on_its_line(first: str, second: str, extra: str) -> None:
    """A "Chỉ tiêu:" or "Kinh phí:" line after the second of two items that name lead and time on their line."""
    body = "\n".join(
        [first.format(task=FIRST[:-1], time="Quý II/2025"), second.format(task=SECOND[:-1], time="Quý III/2025"), extra]
    )
    plan = _read(body)
    tasks = _tasks(plan)
    assert [leads for _, leads, _ in tasks[:2]] == [["Phòng Tư pháp"], ["Phòng Tư pháp"]]
    assert [time for _, _, time in tasks[:2]] == ["Quý II/2025", "Quý III/2025"]
    assert not [title for title, _, _ in tasks if title.startswith(extra.split(":", maxsplit=1)[0])]
    if "kinh phí" in extra.lower():
        budget = plan.tasks[1].budget
        assert budget is not None
        assert budget.amount == 20_000_000


def test_a_line_of_what_after_items_without_fields_is_not_the_last_items() -> None:
    """Near miss: after items that name no lead or time on their line, a "Kinh phí:" line is not the last one's."""
    body = f"- {FIRST}\n- {SECOND}\nKinh phí: 20 triệu đồng (ngân sách huyện)."
    plan = _read(body)
    assert plan.tasks[1].title == SECOND
    assert plan.tasks[1].budget is None


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        (
            "1.1. Từ tháng 02/2025, Phòng Công chức, viên chức tiếp nhận hồ sơ xét nâng ngạch.",
            "Phòng Công chức, viên chức",
        ),
        ("1.1. Rà soát hồ sơ xét nâng ngạch (Phòng Công chức, viên chức; Quý II/2025).", "Phòng Công chức, viên chức"),
        (
            "1.1. Rà soát hồ sơ xét nâng ngạch.\nThực hiện: Phòng Cán bộ, công chức, quý II/2025.",
            "Phòng Cán bộ, công chức",
        ),
    ],
)
def test_a_body_named_after_kinds_of_people_stays_one_lead(item: str, lead: str) -> None:
    """ "Phòng Công chức, viên chức" is one office: a comma before a lower-case kind of people ends its name."""
    title, leads, _ = _tasks(_read(f"{item}\n1.2. {SECOND[:-1]} (Phòng Tư pháp; Quý IV/2025)."))[0]
    assert title.startswith(("Từ tháng", "Rà soát"))
    assert leads == [lead]


def test_a_comma_before_a_post_still_parts_two_leads() -> None:
    """Near miss: after a body whose name does not end with a kind of people, a post after a comma is a second lead."""
    body = f"1.1. {FIRST[:-1]} (Văn phòng, công chức Tư pháp - Hộ tịch; Quý II/2025).\n1.2. {SECOND}"
    assert _tasks(_read(body))[0][1] == ["Văn phòng", "công chức Tư pháp - Hộ tịch"]


OPENING_RUNS = [
    (
        "Hằng năm, Phòng Tư pháp kiểm tra văn bản của cấp xã.",
        "Trước ngày 15/11/2025, các phòng chuyên môn báo cáo kết quả cải cách hành chính.",
        "Trong quý III/2025, Phòng Nội vụ phổ biến quy chế văn hóa công vụ.",
    ),
    (
        "Trong tháng 5/2025, UBND các xã, thị trấn rà soát văn bản của xã.",
        "Đến hết quý II/2025, Văn phòng HĐND và UBND huyện công bố danh mục thủ tục hành chính.",
        "Từ tháng 7/2025, Phòng Nội vụ sửa đổi quy chế làm việc của UBND huyện.",
    ),
]


@pytest.mark.parametrize("marks", [("1.1.", "1.2.", "1.3."), ("-", "-", "-"), ("a)", "b)", "c)")])
@pytest.mark.parametrize("items", OPENING_RUNS)
def test_items_opening_with_their_time_one_after_another(marks: tuple[str, ...], items: tuple[str, ...]) -> None:
    """Each item that opens with its time and its subject is a task of its own, never the fields of the one above."""
    tasks = _tasks(_read("\n".join(f"{mark} {item}" for mark, item in zip(marks, items, strict=True))))
    assert [title for title, _, _ in tasks[:3]] == list(items)
    assert [time for _, _, time in tasks[:3]] == [item.split(",", maxsplit=1)[0] for item in items]
    assert all(len(leads) == 1 and not leads[0][:1].isdigit() for _, leads, _ in tasks[:3])


def test_a_task_whose_words_hold_a_verb_names_no_subject() -> None:
    """Near miss: "Số hóa kết quả giải quyết …" opens with no body; the verb inside its object names no lead."""
    body = "1.1. Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực.\n1.2. Kiểm tra văn bản của cấp xã."
    assert _tasks(_read(body))[0][1] == []


@pytest.mark.parametrize(
    ("start", "end"),
    [("Ngày bắt đầu", "Ngày kết thúc"), ("Bắt đầu", "Hoàn thành"), ("Thời điểm bắt đầu", "Thời điểm hoàn thành")],
)
def test_start_and_end_columns_under_short_headings(start: str, end: str) -> None:
    body = (
        f"STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\t{start}\t{end}\n"
        f"1\t{FIRST[:-1]}\tPhòng Tư pháp\t01/02/2025\t30/6/2025\n"
        f"2\t{SECOND[:-1]}\tPhòng Tư pháp\tTháng 3/2025\tQuý III/2025"
    )
    assert [time for _, _, time in _tasks(_read(body))[:2]] == ["30/6/2025", "Quý III/2025"]


def test_a_start_column_alone_gives_no_deadline() -> None:
    """Near miss: the day work starts is no deadline, and a "Hoàn thành" column of marks is none either."""
    body = (
        "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tNgày bắt đầu\tGhi chú\n"
        f"1\t{FIRST[:-1]}\tPhòng Tư pháp\t01/02/2025\t\n2\t{SECOND[:-1]}\tPhòng Tư pháp\t01/3/2025\t"
    )
    assert [time for _, _, time in _tasks(_read(body))[:2]] == [None, None]


@pytest.mark.parametrize("rule", ["________________________________________\n", "-----\n", ""])
def test_a_certified_copy_block_right_under_the_signers_name(rule: str) -> None:
    """Text copied without its empty lines: the copy's block (after a rule or not) leaves the plan's signer alone."""
    text = HEAD.format(body=f"1.1. {FIRST} (Phòng Tư pháp; Quý II/2025).").rstrip("\n") + (
        f"\n{rule}ỦY BAN NHÂN DÂN\nXÃ TÂN SƠN\nSAO Y BẢN CHÍNH\nSố: 04/SY-UBND\nTân Sơn, ngày 20 tháng 01 năm 2025\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Thị Hoa\nNơi nhận:\n- Cán bộ, công chức xã;\n- Lưu: VT.\n"
    )
    reading = parplan.read_text(text, name="kim-bang-sao-y-lien.txt")
    assert reading.plan is not None
    signature = reading.plan.signature
    assert signature is not None
    assert signature.name == "Trần Văn Bình"


def test_the_last_item_handed_over_after_one_that_is_not() -> None:
    """An item between two handed over ("Giao ban hằng tháng …", a task) does not take the last one's line away."""
    body = (
        f"- {FIRST}\nGiao Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý II/2025.\n"
        "- Giao ban hằng tháng về công tác cải cách hành chính giữa các phòng chuyên môn.\n"
        f"- {SECOND}\nGiao Phòng Tư pháp chủ trì thực hiện, hoàn thành trong Quý IV/2025."
    )
    tasks = _tasks(_read(body))
    assert tasks[0] == (FIRST, ["Phòng Tư pháp"], "trong Quý II/2025")
    assert tasks[1][:2] == ("Giao ban hằng tháng về công tác cải cách hành chính giữa các phòng chuyên môn.", [])
    assert tasks[2] == (SECOND, ["Phòng Tư pháp"], "trong Quý IV/2025")


def test_items_numbered_with_a_slash_at_two_levels() -> None:
    body = (
        f"1.1/ {FIRST[:-1]} (Phòng Tư pháp; Quý II/2025).\n1.2/ {SECOND[:-1]} (Phòng Tư pháp; Quý III/2025).\n"
        "1.3/ Niêm yết thủ tục hành chính theo Quyết định số 12/2025/QĐ-UBND."
    )
    tasks = _tasks(_read(body))
    assert [title for title, _, _ in tasks[:3]] == [
        FIRST,
        SECOND,
        "Niêm yết thủ tục hành chính theo Quyết định số 12/2025/QĐ-UBND.",
    ]


@pytest.mark.parametrize(
    ("field", "leads"),
    [
        ("Thực hiện: Khoa Khám bệnh, Khoa Dược, quý II/2025.", ["Khoa Khám bệnh", "Khoa Dược"]),
        (
            "Phụ trách: Khoa Xét nghiệm, Phòng Điều dưỡng; thời gian: Quý II/2025.",
            ["Khoa Xét nghiệm", "Phòng Điều dưỡng"],
        ),
        ("Thực hiện: Trưởng các khoa, phòng, quý II/2025.", ["Trưởng các khoa, phòng"]),
        ("Thực hiện: Các khoa, phòng, quý II/2025.", ["Các khoa, phòng"]),
    ],
)
def test_a_hospitals_departments_as_leads(field: str, leads: list[str]) -> None:
    """Departments ("Khoa Dược") after a comma are new names; "các khoa, phòng" is one group of them."""
    body = f"a. {FIRST}\n{field}\nb. {SECOND}\nThực hiện: Phòng Tư pháp, Quý IV/2025."
    assert _tasks(_read(body))[0] == (FIRST, leads, "quý II/2025" if "quý" in field else "Quý II/2025")


@pytest.mark.parametrize(
    ("time", "doubted"),
    [
        ("cả năm học", True),
        ("học kỳ II", True),
        ("cả năm học 2025-2026", False),
        ("Học kỳ I năm học 2025 - 2026", False),
    ],
)
def test_a_doers_field_closing_with_a_school_year_or_term(time: str, doubted: bool) -> None:
    """ "…, cả năm học": the doers stand and the time is no part of a name; without its years it is a doubt."""
    body = (
        f"a. {FIRST}\nNgười thực hiện: Kế toán, Tổng phụ trách Đội, {time}.\n"
        f"b. {SECOND}\nThực hiện: Kế toán, Quý IV/2025."
    )
    plan = _read(body)
    assert _tasks(plan)[0] == (FIRST, ["Kế toán", "Tổng phụ trách Đội"], time)
    source = next(s for s in plan.sources if s.path == "$.tasks[0].timeframe")
    assert source.confidence is not None
    assert (source.confidence < Decimal("0.9")) is doubted
    assert any("school year" in doubt for doubt in source.doubts) is doubted


def test_the_draft_and_the_copy_are_said() -> None:
    """What was set aside is said in the reading's doubts: a draft after its letter, a copy's block after the plan."""
    letter = (
        "PHÒNG NỘI VỤ\nSố: 88/TTr-PNV\n\nTỜ TRÌNH\nVề việc ban hành Kế hoạch\n\nTRƯỞNG PHÒNG\nĐỗ Văn Hải\n\nDỰ THẢO\n\n"
    )
    copy = (
        "\n_____\n\nỦY BAN NHÂN DÂN\nXÃ TÂN SƠN\nSố: 04/SY-UBND\nSAO Y BẢN CHÍNH\nTân Sơn, ngày 20 tháng 01 năm 2025\n"
    )
    body = HEAD.format(body=f"1.1. {FIRST[:-1]} (Phòng Tư pháp; Quý II/2025).")
    reading = parplan.read_text(letter + body + copy, name="kim-bang-ban-sao-du-thao.txt")
    assert any("draft (DỰ THẢO)" in doubt for doubt in reading.doubts)
    assert any("certified copy" in doubt for doubt in reading.doubts)
    assert not any("draft" in doubt for doubt in parplan.read_text(body).doubts)


MARKED = [
    (
        "Đơn vị thực hiện: Phòng Tư pháp (chủ trì), Văn phòng HĐND và UBND; thời gian: quý II/2025.",
        ["Phòng Tư pháp"],
        ["Văn phòng HĐND và UBND"],
        "quý II/2025",
    ),
    (
        "Đơn vị thực hiện: Công an xã, Phòng Văn hóa - Xã hội (chủ trì); thời gian: tháng 10/2025.",
        ["Phòng Văn hóa - Xã hội"],
        ["Công an xã"],
        "tháng 10/2025",
    ),
    (
        (
            "Cơ quan thực hiện: Phòng Nội vụ (chủ trì), Phòng Tài chính - Kế hoạch (chủ trì);"
            " thời hạn: trước ngày 30/6/2024"
        ),
        ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch"],
        [],
        "trước ngày 30/6/2024",
    ),
    (
        "Thực hiện: Trung tâm Phục vụ hành chính công (CT), Phòng Kinh tế, Hạ tầng và Đô thị; thời gian: thường xuyên.",
        ["Trung tâm Phục vụ hành chính công"],
        ["Phòng Kinh tế, Hạ tầng và Đô thị"],
        "thường xuyên",
    ),
    (
        "Văn phòng UBND huyện (*); Phòng Nội vụ; thời gian: Quý III/2024",
        ["Văn phòng UBND huyện"],
        ["Phòng Nội vụ"],
        "Quý III/2024",
    ),
]


@pytest.mark.parametrize(("field", "leads", "partners", "time"), MARKED)
def test_a_lead_marked_in_a_list_of_doers(field: str, leads: list[str], partners: list[str], time: str) -> None:
    """The bodies a field lists with one marked "(chủ trì)", "(CT)" or "(*)": the marked lead, the others partner."""
    body = f"1.1. {FIRST}\n{field}\n1.2. {SECOND}\nĐơn vị thực hiện: Phòng Tư pháp; thời gian: quý IV/2025."
    plan = _read(body)
    assert plan is not None
    assert task_roles(plan)[0] == (FIRST, leads, partners, time)
    assert task_roles(plan)[1][1:] == (["Phòng Tư pháp"], [], "quý IV/2025")
