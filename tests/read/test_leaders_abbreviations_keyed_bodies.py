"""Conventions of task lines and their fields that are no table.

Word's tab leaders printed as dots between a task, its lead and its time; fields after "//" under
abbreviated labels a note spells out; a "Phân công" part naming the tasks each body leads by their
numbers; bold bodies that lead when a note says so; groups and their tasks numbered alike; a text
browser's link numbers and its list of addresses.
"""

from __future__ import annotations

import pytest

import parplan
from parplan.plan import Plan
from parplan.read.assignments import _separated_slot, abbreviation_note, field_order
from parplan.read.lines import bold_leads
from parplan.read.tables import body_keyed_line

HEAD = [
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "XÃ YÊN THẮNG\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 04/KH-UBND\tYên Thắng, ngày 09 tháng 01 năm 2025",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2025",
    "",
]
CLOSING = ["", "III. TỔ CHỨC THỰC HIỆN", "Các bộ phận báo cáo kết quả về Văn phòng trước ngày 10/12/2025.", ""]


def _plan(lines: list[str]) -> Plan:
    reading = parplan.read_text("\n".join([*HEAD, *lines, *CLOSING]), name="yen-thang.txt")
    assert reading.plan is not None
    return reading.plan


def _fields(plan: Plan) -> list[tuple[str, str, list[str], str | None]]:
    rows = []
    for task in plan.tasks:
        if not task.id.startswith("II."):
            continue
        responsibility = plan.responsibility_of(task)
        lead = responsibility.lead if responsibility is not None else None
        leads = [member.label for member in getattr(lead, "members", (lead,))] if lead is not None else []
        timeframe = plan.timeframe_of(task)
        rows.append((task.id, task.title, leads, timeframe.text if timeframe is not None else None))
    return rows


# -- tab leaders printed as dots ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "leads", "time"),
    [
        (
            "Niêm yết thủ tục mới tại trụ sở ............ Văn phòng UBND xã ............ Quý I/2025",
            "Niêm yết thủ tục mới tại trụ sở",
            ["Văn phòng UBND xã"],
            "Quý I/2025",
        ),
        (
            "Số hóa sổ hộ tịch cũ…………Công chức Tư pháp - Hộ tịch…………Tháng 9/2025",
            "Số hóa sổ hộ tịch cũ",
            ["Công chức Tư pháp - Hộ tịch"],
            "Tháng 9/2025",
        ),
        (
            "Tập huấn ký số cho công chức . . . . . Thường xuyên",
            None,
            [],
            None,
        ),  # dots parted by spaces are no leader Word prints
        (
            "Kiểm tra công vụ đột xuất .......... Công an xã; Phòng Kinh tế .......... Cả năm",
            "Kiểm tra công vụ đột xuất",
            ["Công an xã", "Phòng Kinh tế"],
            "Cả năm",
        ),
        ("Duy trì họp giao ban hằng tuần …… Hằng tuần", "Duy trì họp giao ban hằng tuần", [], "Hằng tuần"),
        ("Tuyên truyền.... vận động.... hỗ trợ người dân nộp hồ sơ", None, [], None),
    ],
)
def test_dot_leaders_part_a_task_from_its_fields(
    line: str, title: str | None, leads: list[str], time: str | None
) -> None:
    found = _separated_slot(line)
    if title is None:
        assert found is None
        return
    assert found is not None
    assert found[0] == title
    assert [p.label for p in found[1].lead] == leads
    assert found[1].time == time


def test_a_note_names_the_parts_between_the_dots() -> None:
    assert field_order("(Mỗi dòng ghi: nội dung nhiệm vụ .... đơn vị chủ trì .... thời gian hoàn thành)") == [
        "task",
        "lead",
        "time",
    ]
    assert field_order("Mỗi dòng gồm: nội dung …… phòng chủ trì …… phòng phối hợp …… thời hạn") == [
        "task",
        "lead",
        "partners",
        "time",
    ]
    assert field_order("Mỗi dòng cần ghi rõ: số liệu tháng trước") is None


def test_dot_leader_tasks_read_in_a_plan() -> None:
    plan = _plan(
        [
            "II. NHIỆM VỤ",
            "(Mỗi dòng ghi: nội dung nhiệm vụ .... bộ phận chủ trì .... thời hạn)",
            "1. Rà soát quy chế làm việc của UBND xã ........ Văn phòng HĐND và UBND xã ........ Quý II/2025",
            "2. Cập nhật dữ liệu dân cư ........ Công an xã ........ Tháng 7/2025",
        ]
    )
    assert _fields(plan) == [
        ("II.1", "Rà soát quy chế làm việc của UBND xã", ["Văn phòng HĐND và UBND xã"], "Quý II/2025"),
        ("II.2", "Cập nhật dữ liệu dân cư", ["Công an xã"], "Tháng 7/2025"),
    ]


# -- abbreviated labels after "//" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "spelled"),
    [
        (
            "Ghi chú: CT - cơ quan chủ trì; PH - cơ quan phối hợp; TG - thời gian hoàn thành.",
            {"CT": "Chủ trì", "PH": "Phối hợp", "TG": "Thời gian"},
        ),
        ("(Chữ viết tắt: TH - đơn vị thực hiện; TG - thời hạn)", {"TH": "Chủ trì", "TG": "Thời gian"}),
        ("Viết tắt: CT: chủ trì, PH: phối hợp", {"CT": "Chủ trì", "PH": "Phối hợp"}),
        ("Ghi chú: CT - cơ quan chủ trì.", None),  # one label alone: no note of labels
        ("Ghi chú: UBND - Ủy ban nhân dân; HĐND - Hội đồng nhân dân.", None),
        ("Ghi chú: CT - cơ quan chủ trì; báo cáo trước ngày 10 hằng tháng.", None),
    ],
)
def test_a_note_spells_out_abbreviated_labels(note: str, spelled: dict[str, str] | None) -> None:
    assert abbreviation_note(note) == spelled


SHORT = {"CT": "Chủ trì", "PH": "Phối hợp", "TG": "Thời gian", "TH": "Chủ trì"}


@pytest.mark.parametrize(
    ("line", "leads", "partners", "time"),
    [
        (
            "Rà soát văn bản // CT: Phòng Tư pháp // PH: Các phòng // TG: Quý II/2024",
            ["Phòng Tư pháp"],
            ["Các phòng"],
            "Quý II/2024",
        ),
        (
            "Rà soát văn bản // CT: Phòng Tư pháp, Phòng Nội vụ // TG: Tháng 5/2024",
            ["Phòng Tư pháp", "Phòng Nội vụ"],
            [],
            "Tháng 5/2024",
        ),
        (
            "Rà soát văn bản // TH: Phòng Kinh tế, Hạ tầng và Đô thị; PH: Huyện đoàn; TG: Thường xuyên",
            ["Phòng Kinh tế, Hạ tầng và Đô thị"],
            ["Huyện đoàn"],
            "Thường xuyên",
        ),
        (
            "Rà soát văn bản // TG: Quý IV/2024; CT: Văn phòng HĐND và UBND huyện",
            ["Văn phòng HĐND và UBND huyện"],
            [],
            "Quý IV/2024",
        ),
    ],
)
def test_fields_after_a_double_slash_under_spelled_out_labels(
    line: str, leads: list[str], partners: list[str], time: str
) -> None:
    found = _separated_slot(line, (), SHORT)
    assert found is not None
    title, given = found
    assert title == "Rà soát văn bản"
    assert ([p.label for p in given.lead], [p.label for p in given.coordinating], given.time) == (leads, partners, time)
    assert given.lead_labelled


def test_labels_no_note_spells_out_leave_the_line_whole() -> None:
    assert _separated_slot("Rà soát văn bản // CT: Phòng Tư pháp // TG: Quý II/2024") is None
    assert _separated_slot("Rà soát văn bản // QĐ: Phòng Tư pháp // TG: Quý II/2024", (), SHORT) is None


def test_abbreviated_fields_read_in_a_plan() -> None:
    plan = _plan(
        [
            "II. NHIỆM VỤ",
            "Ghi chú: CT - bộ phận chủ trì; PH - bộ phận phối hợp; TG - thời hạn.",
            "- Niêm yết quy trình giải quyết thủ tục. // CT: Bộ phận Một cửa // PH: Đoàn Thanh niên // TG: Quý I/2025",
            "- Kiểm tra hồ sơ trễ hạn. // CT: Văn phòng UBND xã, Công chức Tư pháp - Hộ tịch // TG: Hằng quý",
        ]
    )
    assert [(task_id, leads, time) for task_id, _, leads, time in _fields(plan)] == [
        ("II.1", ["Bộ phận Một cửa"], "Quý I/2025"),
        ("II.2", ["Văn phòng UBND xã", "Công chức Tư pháp - Hộ tịch"], "Hằng quý"),
    ]


# -- a "Phân công" part keyed by body -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rows"),
    [
        ("Phòng Nội vụ chủ trì các nhiệm vụ số 1, 3 và 5.", [(("1", "3", "5"), ["Phòng Nội vụ"], [])]),
        ("Công an xã chủ trì thực hiện nhiệm vụ số 2; là đầu mối phối hợp.", [(("2",), ["Công an xã"], [])]),
        (
            "Phòng Kinh tế chủ trì nhiệm vụ số 4; phối hợp Phòng Tư pháp chủ trì nhiệm vụ số 6.",
            [(("4",), ["Phòng Kinh tế"], []), (("6",), ["Phòng Tư pháp"], ["Phòng Kinh tế"])],
        ),
        (
            "Phòng Tư pháp chủ trì nhiệm vụ số 7 và cùng Phòng Kinh tế chủ trì nhiệm vụ số 6.",
            [(("7",), ["Phòng Tư pháp"], []), (("6",), ["Phòng Tư pháp", "Phòng Kinh tế"], [])],
        ),
        ("Phòng Nội vụ chủ trì các nội dung 2.1 đến 2.3.", [((("2.1", "2.3"),), ["Phòng Nội vụ"], [])]),
        ("Phòng Nội vụ chủ trì, phối hợp với các phòng tổ chức thực hiện Kế hoạch.", None),
        ("Các phòng chủ trì triển khai nhiệm vụ được giao.", None),
    ],
)
def test_a_body_leads_the_tasks_a_line_names_by_number(
    line: str, rows: list[tuple[tuple[object, ...], list[str], list[str]]] | None
) -> None:
    found = body_keyed_line(line)
    if rows is None:
        assert found is None
        return
    assert found is not None
    assert [(keys, [p.label for p in g.lead], [p.label for p in g.coordinating]) for keys, g in found] == rows


def test_a_part_keyed_by_body_gives_the_tasks_their_leads() -> None:
    plan = _plan(
        [
            "II. NHIỆM VỤ",
            "1. Rà soát quy trình tiếp nhận hồ sơ đất đai (hoàn thành: quý II/2025).",
            "2. Tổ chức đối thoại với người dân về thủ tục hành chính (hoàn thành: tháng 9/2025).",
            "3. Bố trí ghế chờ, nước uống tại Bộ phận Một cửa (hoàn thành: quý I/2025).",
            "",
            "III. PHÂN CÔNG",
            "1. Công chức Địa chính - Xây dựng chủ trì nhiệm vụ số 1; phối hợp Văn phòng xã chủ trì nhiệm vụ số 2.",
            "2. Văn phòng xã chủ trì nhiệm vụ số 3 và cùng Công chức Địa chính - Xây dựng chủ trì nhiệm vụ số 2.",
        ]
    )
    assert [(task_id, leads, time) for task_id, _, leads, time in _fields(plan)] == [
        ("II.1", ["Công chức Địa chính - Xây dựng"], "quý II/2025"),
        ("II.2", ["Văn phòng xã", "Công chức Địa chính - Xây dựng"], "tháng 9/2025"),
        ("II.3", ["Văn phòng xã"], "quý I/2025"),
    ]
    assert all(not task.title.startswith(("Công chức", "Văn phòng")) for task in plan.tasks)


def test_a_number_the_part_names_that_no_task_has_is_a_doubt() -> None:
    reading = parplan.read_text(
        "\n".join(
            [
                *HEAD,
                "II. NHIỆM VỤ",
                "1. Rà soát quy trình tiếp nhận hồ sơ đất đai (hoàn thành: quý II/2025).",
                "III. PHÂN CÔNG",
                "Văn phòng UBND xã chủ trì các nhiệm vụ số 1 và 9.",
                *CLOSING,
            ]
        ),
        name="yen-thang.txt",
    )
    assert any("'9'" in doubt for doubt in reading.doubts)


# -- bold bodies lead ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("    - Đơn vị thực hiện: **Phòng Nội vụ**, Phòng Y tế", "    - Chủ trì: Phòng Nội vụ; Phối hợp: Phòng Y tế"),
        ("- Thực hiện: __UBND các xã, thị trấn__", "- Chủ trì: UBND các xã, thị trấn"),
        ("Cơ quan thực hiện: Công an huyện, <b>Phòng Tư pháp</b>", "Chủ trì: Phòng Tư pháp; Phối hợp: Công an huyện"),
        ("- Đơn vị thực hiện: Phòng Nội vụ, Phòng Y tế", "- Đơn vị thực hiện: Phòng Nội vụ, Phòng Y tế"),
        ("- Thời gian: **Quý II/2024**", "- Thời gian: **Quý II/2024**"),
    ],
)
def test_bold_bodies_of_a_doers_line_lead(line: str, written: str) -> None:
    assert bold_leads(line) == written


MARKDOWN = [
    "## II. NHIỆM VỤ",
    "",
    "{note}",
    "",
    "1. Tuyên truyền thủ tục hành chính trên loa truyền thanh",
    "",
    "    - Đơn vị thực hiện: **Công chức Văn hóa - Xã hội**, Đoàn Thanh niên xã",
    "    - Thời gian: Quý I/2025",
    "",
    "2. Công khai thu, chi ngân sách xã",
    "",
    "    - Đơn vị thực hiện: **Công chức Tài chính - Kế toán**, **Ban Thanh tra nhân dân**",
    "    - Thời gian: Hằng quý",
]


def test_bold_bodies_lead_only_when_a_note_says_so() -> None:
    noted = _plan([line.format(note="*Đơn vị in đậm là đơn vị chủ trì.*") for line in MARKDOWN])
    assert [(leads, time) for _, _, leads, time in _fields(noted)] == [
        (["Công chức Văn hóa - Xã hội"], "Quý I/2025"),
        (["Công chức Tài chính - Kế toán", "Ban Thanh tra nhân dân"], "Hằng quý"),
    ]
    first = noted.responsibility_of(noted.tasks[0])
    assert first is not None
    assert [p.label for p in first.coordinating] == ["Đoàn Thanh niên xã"]
    plain = _plan([line.format(note="") for line in MARKDOWN])
    assert next(leads for _, _, leads, _ in _fields(plain)) != ["Công chức Văn hóa - Xã hội"]


# -- groups and their tasks numbered alike -----------------------------------------------------------


def test_groups_numbered_like_their_tasks_are_nested() -> None:
    plan = _plan(
        [
            "II. NHIỆM VỤ",
            "1. Cải cách thủ tục hành chính",
            "1. Niêm yết thủ tục mới tại trụ sở (Văn phòng UBND xã; quý I/2025).",
            "2. Hỗ trợ người dân nộp hồ sơ trực tuyến (Bộ phận Một cửa; thường xuyên).",
            "2. Chính quyền số",
            "1. Ký số văn bản đi (Văn phòng UBND xã; cả năm).",
            "2. Cập nhật dữ liệu hộ tịch (Công chức Tư pháp - Hộ tịch; tháng 6/2025).",
            "3. Tập huấn kỹ năng số",
            "1. Mở lớp kỹ năng số cho tổ công nghệ số (Đoàn Thanh niên xã; quý III/2025).",
        ]
    )
    assert [task_id for task_id, *_ in _fields(plan)] == ["II.1.1", "II.1.2", "II.2.1", "II.2.2", "II.3.1"]


def test_a_list_counting_on_is_no_group() -> None:
    plan = _plan(
        [
            "II. NHIỆM VỤ",
            "1. Niêm yết thủ tục mới tại trụ sở (Văn phòng UBND xã; quý I/2025).",
            "2. Hỗ trợ người dân nộp hồ sơ trực tuyến (Bộ phận Một cửa; thường xuyên).",
            "3. Ký số văn bản đi (Văn phòng UBND xã; cả năm).",
        ]
    )
    assert [task_id for task_id, *_ in _fields(plan)] == ["II.1", "II.2", "II.3"]


# -- a text browser's link numbers ---------------------------------------------------------------------


BROWSER = [
    "   [1]Trang chủ",
    "   [2]Văn bản > Kế hoạch",
    "",
    "   ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "   XÃ YÊN THẮNG\tĐộc lập - Tự do - Hạnh phúc",
    "   Số: 04/KH-UBND\tYên Thắng, ngày 09 tháng 01 năm 2025",
    "",
    "   KẾ HOẠCH",
    "   Cải cách hành chính năm 2025",
    "",
    "   II. NHIỆM VỤ",
    "   1. Hướng dẫn nộp hồ sơ trên [3]Cổng Dịch vụ công quốc gia (Bộ phận Một cửa; quý I/2025).",
    "   2. Ký số văn bản đi (Văn phòng UBND xã; cả năm).",
    "",
    "   [4]Tải về: KH 04.pdf",
    "",
    "References",
    "",
    "   1. https://yenthang.gov.vn/",
    "   2. https://yenthang.gov.vn/van-ban",
    "   3. https://dichvucong.gov.vn/",
    "   4. https://yenthang.gov.vn/kh-04.pdf",
]


def test_a_text_browsers_link_numbers_and_addresses_are_no_part_of_the_plan() -> None:
    reading = parplan.read_text("\n".join(BROWSER), name="yen-thang.txt")
    assert reading.plan is not None
    titles = [task.title for task in reading.plan.tasks]
    assert titles == ["Hướng dẫn nộp hồ sơ trên Cổng Dịch vụ công quốc gia.", "Ký số văn bản đi."]
    assert reading.plan.symbol is not None
    assert str(reading.plan.symbol) == "04/KH-UBND"


def test_bracketed_numbers_of_a_plain_text_stay() -> None:
    plain = [line.replace("[3]", "").replace("   [4]Tải về: KH 04.pdf", "") for line in BROWSER[3:14]]
    plain[8] = "   1. Rà soát các văn bản nêu tại mục [2] của Phụ lục (Bộ phận Một cửa; quý I/2025)."
    reading = parplan.read_text("\n".join(plain), name="yen-thang.txt")
    assert reading.plan is not None
    assert reading.plan.tasks[0].title == "Rà soát các văn bản nêu tại mục [2] của Phụ lục."
