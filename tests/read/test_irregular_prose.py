"""Prose plans as irregular as real ones: an area's tasks given by one line after them, a label that lost a mark,
a field line after bare items in a plan that writes one after each item, a portal's byline, and where each reading
must stay silent."""

from __future__ import annotations

import pytest

import parplan
from builders import tasks_as_read
from parplan.read.items import _labelled_fields, _read_fields
from parplan.read.parties import read_assignment, subject_lead

# (the issuer's two masthead lines, the place, the year) of plans of several levels and years
_ISSUERS = (
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA CƯỜNG", "Hòa Cường", 2025),
    ("ỦY BAN NHÂN DÂN\nHUYỆN ĐIỆN BÀN", "Điện Bàn", 2024),
    ("ỦY BAN NHÂN DÂN\nXÃ NGHĨA ĐÀN", "Nghĩa Đàn", 2026),
    ("ỦY BAN NHÂN DÂN\nTHỊ TRẤN PHONG ĐIỀN", "Phong Điền", 2023),
)


def _plan(issuer: tuple[str, str, int], body: str, *, after: str = "") -> parplan.Plan:
    masthead, place, year = issuer
    text = f"""{masthead}
Số: 14/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{place}, ngày 20 tháng 01 năm {year}

KẾ HOẠCH
Cải cách hành chính năm {year}

I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm các nhiệm vụ được giao có người chủ trì và thời hạn rõ ràng.

{body.format(year=year)}
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân theo quy định.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Đinh Văn Khải
{after}"""
    reading = parplan.read_text(text, name="plan.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


# -- an area's tasks given together by one "Giao …" line naming them by where they stand ---------------------

_GROUP_LINES = (
    # (the line after the area's items, the lead it names, the time it gives)
    (
        "Giao Văn phòng HĐND và UBND chủ trì, tham mưu thực hiện các nội dung trên; thời gian: thường xuyên.",
        "Văn phòng HĐND và UBND",
        "thường xuyên",
    ),
    (
        "Giao Phòng Nội vụ chủ trì, tổ chức thực hiện các nhiệm vụ nêu trên; thời gian hoàn thành: quý IV/{year}.",
        "Phòng Nội vụ",
        "quý IV/{year}",
    ),
    (
        "Giao công chức Văn phòng - Thống kê chủ trì thực hiện những công việc trên; thời hạn: tháng 6/{year}.",
        "công chức Văn phòng - Thống kê",
        "tháng 6/{year}",
    ),
    (
        "Giao Trung tâm Phục vụ hành chính công chủ trì, tham mưu các nội dung tại mục này; thời gian: hằng quý.",
        "Trung tâm Phục vụ hành chính công",
        "hằng quý",
    ),
    # the items named first, the line under a bullet of the items' own, the time after a comma
    (
        (
            "Các nội dung trên giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên thực hiện; "
            "thời gian hoàn thành: tháng 10/{year}."
        ),
        "Phòng Văn hóa - Xã hội",
        "tháng 10/{year}",
    ),
    (
        "- Giao Văn phòng UBND chủ trì, tham mưu thực hiện các nội dung trên; thời gian: thường xuyên.",
        "Văn phòng UBND",
        "thường xuyên",
    ),
    (
        "Giao Phòng Tài chính - Kế hoạch chủ trì thực hiện các nhiệm vụ trên, thời gian hoàn thành: quý II/{year}.",
        "Phòng Tài chính - Kế hoạch",
        "quý II/{year}",
    ),
    (
        "Phòng Nội vụ chủ trì, tổ chức thực hiện những nhiệm vụ nêu trên; thời hạn: tháng 11/{year}.",
        "Phòng Nội vụ",
        "tháng 11/{year}",
    ),
)


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize(("line", "lead", "time"), _GROUP_LINES)
def test_a_line_giving_the_items_above_it_is_the_areas(
    issuer: tuple[str, str, int], line: str, lead: str, time: str
) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        f"""II. NHIỆM VỤ TRỌNG TÂM
1. Công tác chỉ đạo, điều hành
- Rà soát, kiện toàn Ban Chỉ đạo cải cách hành chính.
- Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng.
- Cập nhật chuyên mục cải cách hành chính trên cổng thông tin.
{line}
2. Cải cách thủ tục hành chính
- Công khai thủ tục hành chính tại Bộ phận Một cửa.
Chủ trì: Phòng Tư pháp; thời gian hoàn thành: tháng 3/{{year}}.
""",
    )
    read = tasks_as_read(plan)
    assert len(read) == 4  # the line is no task
    assert not any(title.startswith("Giao") for title, _, _ in read)
    wanted = time.format(year=year)
    assert [(lead_, time_) for _, lead_, time_ in read[:3]] == [(lead, wanted)] * 3
    assert read[3][1:] == ("Phòng Tư pháp", f"tháng 3/{year}")  # the next area's task keeps its own line
    for task in plan.tasks[:3]:
        responsibility = plan.responsibility_of(task)
        assert responsibility is not None
        assert not responsibility.implementing  # "tham mưu thực hiện" is what the lead does, nobody's name


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize(
    ("line", "lead", "time"),
    [
        (
            "Giao Văn phòng HĐND và UBND chủ trì, tham mưu thực hiện các nội dung sau; thời gian: thường xuyên.",
            "Văn phòng HĐND và UBND",
            "thường xuyên",
        ),
        ("Giao Phòng Nội vụ chủ trì thực hiện các nhiệm vụ sau:", "Phòng Nội vụ", None),
        (
            "Giao công chức Văn hóa - Xã hội chủ trì thực hiện những công việc sau đây; thời hạn: quý III/{year}:",
            "công chức Văn hóa - Xã hội",
            "quý III/{year}",
        ),
        # the body as the sentence's subject, no "Giao"
        (
            "Văn phòng HĐND và UBND chủ trì, tham mưu thực hiện các nội dung sau; thời gian: tháng 9/{year}.",
            "Văn phòng HĐND và UBND",
            "tháng 9/{year}",
        ),
    ],
)
def test_a_line_under_the_heading_giving_the_items_below_is_the_areas(
    issuer: tuple[str, str, int], line: str, lead: str, time: str | None
) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        f"""II. NHIỆM VỤ TRỌNG TÂM
1. Công tác chỉ đạo, điều hành
{line}
- Rà soát, kiện toàn Ban Chỉ đạo cải cách hành chính.
- Cập nhật chuyên mục cải cách hành chính trên cổng thông tin.
2. Cải cách thủ tục hành chính
- Công khai thủ tục hành chính tại Bộ phận Một cửa.
Chủ trì: Phòng Tư pháp; thời gian hoàn thành: tháng 3/{{year}}.
""",
    )
    read = tasks_as_read(plan)
    wanted = time.format(year=year) if time is not None else None
    assert [row[1:] for row in read] == [(lead, wanted), (lead, wanted), ("Phòng Tư pháp", f"tháng 3/{year}")]


@pytest.mark.parametrize(
    "line",
    [
        # a line naming work of its own stays a task: the items above are not what it gives
        "Giao Phòng Nội vụ chủ trì, tham mưu thực hiện các nội dung về tuyên truyền; thời gian: quý II/{year}.",
        "Giao Phòng Nội vụ chủ trì tham mưu UBND ban hành các nội dung trên địa bàn; thời gian: quý II/{year}.",
        "Phòng Nội vụ chủ trì thực hiện các nội dung về tuyên truyền; thời gian: quý II/{year}.",
    ],
)
def test_a_giao_line_naming_its_own_work_stays_a_task(line: str) -> None:
    plan = _plan(
        _ISSUERS[1],
        f"""II. NHIỆM VỤ
1. Công tác chỉ đạo, điều hành
- Rà soát, kiện toàn Ban Chỉ đạo cải cách hành chính.
- Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng.
{line}
""",
    )
    titles = [task.title for task in plan.tasks]
    assert any(title.startswith(("Giao Phòng Nội vụ", "Phòng Nội vụ")) for title in titles)
    first = plan.responsibility_of(plan.tasks[0])
    assert first is None or first.lead is None  # the items above are not given to it


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Các nội dung trên giao Văn phòng UBND chủ trì thực hiện", None),
        ("Những nhiệm vụ nêu trên giao Phòng Nội vụ chủ trì", None),
        ("Các công việc trên do Phòng Tư pháp chủ trì thực hiện", None),
        # near misses: the bodies a plan gives work to
        ("Các phòng chuyên môn chủ trì thực hiện", "Các phòng chuyên môn"),
        ("Những đơn vị được kiểm tra tự kiểm tra, gửi báo cáo", "Những đơn vị được kiểm tra"),
    ],
)
def test_a_subject_naming_the_plans_items_is_no_party(sentence: str, subject: str | None) -> None:
    lead = subject_lead(sentence)
    assert (lead.label if lead is not None else None) == subject
    if subject is None:  # nor is it the lead of a field line
        fields = _read_fields(sentence + "; thời gian: quý I/2025.")
        assert not fields or all(role != "lead" for role, _ in fields)


@pytest.mark.parametrize(
    ("clause", "lead"),
    [
        ("Phòng Nội vụ chủ trì, tham mưu thực hiện; thời gian: quý I/2025.", "Phòng Nội vụ"),
        ("Giao Văn phòng UBND chủ trì, tham mưu; thời gian: năm 2024.", "Văn phòng UBND"),
    ],
)
def test_tham_muu_after_the_lead_names_nobody(clause: str, lead: str) -> None:
    assignment = read_assignment(clause)
    assert assignment is not None
    assert [party.label for party in assignment.lead] == [lead]
    assert not assignment.implementing
    assert not assignment.coordinating


# -- a field's label after a semicolon that lost or changed a mark --------------------------------------------


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Chủ trì: Phòng Kinh tế; phối hợp: Văn phòng HĐND và UBND; thơi gian hoàn thành: quý IV/2026.",
            [("lead", "Phòng Kinh tế;"), ("partners", "Văn phòng HĐND và UBND;"), ("time", "quý IV/2026.")],
        ),
        (
            "Chủ trì: Công chức Tư pháp - Hộ tịch; thoi gian: thường xuyên.",
            [("lead", "Công chức Tư pháp - Hộ tịch;"), ("time", "thường xuyên.")],
        ),
        (
            "Đơn vị chủ trì: Phòng Văn hóa - Xã hội; phôi hợp: Đoàn Thanh niên; thời hạn: tháng 9/2024.",
            [("lead", "Phòng Văn hóa - Xã hội;"), ("partners", "Đoàn Thanh niên;"), ("time", "tháng 9/2024.")],
        ),
        (
            "Thời gian: quý II/2023; chu trì: Văn phòng UBND xã.",
            [("time", "quý II/2023;"), ("lead", "Văn phòng UBND xã.")],
        ),
        (
            "Cơ quan chủ trì: Sở Nội vụ; thòi hạn: trước ngày 30/6/2025.",
            [("lead", "Sở Nội vụ;"), ("time", "trước ngày 30/6/2025.")],
        ),
    ],
)
def test_a_label_that_lost_a_mark_after_a_semicolon_is_still_a_label(line: str, fields: list[tuple[str, str]]) -> None:
    assert _labelled_fields(line) == fields


@pytest.mark.parametrize(
    "line",
    [
        # no label: words after a semicolon without a colon, or a colon after words no label opens with
        "Chủ trì: Phòng Nội vụ; thơi gian còn lại các phòng phối hợp.",
        "Chủ trì: Phòng Văn hóa - Xã hội; tổ dân phố: phối hợp tuyên truyền.",
        "Chủ trì: Phòng Tư pháp; thôn Đông, thôn Tây: tham gia.",
    ],
)
def test_words_after_a_semicolon_that_are_no_label_stay_in_the_value(line: str) -> None:
    fields = _labelled_fields(line)
    assert fields is not None
    assert len(fields) == 1
    assert fields[0][0] == "lead"


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize("slip", ["thơi gian hoàn thành", "thoi gian", "thời gian hoàn thanh"])
def test_a_time_under_a_slipped_label_is_read(issuer: tuple[str, str, int], slip: str) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        f"""II. NHIỆM VỤ CỤ THỂ
1. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật do địa phương ban hành.
Chủ trì: Phòng Tư pháp; phối hợp: Văn phòng HĐND và UBND; {slip}: quý III/{{year}}.
b) Phổ biến pháp luật cho cán bộ, công chức.
Chủ trì: Phòng Văn hóa - Xã hội; thời gian hoàn thành: thường xuyên.
""",
    )
    assert tasks_as_read(plan) == [
        ("Rà soát văn bản quy phạm pháp luật do địa phương ban hành.", "Phòng Tư pháp", f"quý III/{year}"),
        ("Phổ biến pháp luật cho cán bộ, công chức.", "Phòng Văn hóa - Xã hội", "thường xuyên"),
    ]
    partners = plan.responsibility_of(plan.tasks[0])
    assert partners is not None
    assert [party.label for party in partners.coordinating] == ["Văn phòng HĐND và UBND"]


# -- a field line after bare items, in a plan that writes one after each item --------------------------------

_OWN_LINES_AREA = """{number}. Cải cách thủ tục hành chính
{mark} Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.
Chủ trì: Công chức Tư pháp - Hộ tịch; thời gian: thường xuyên.
{mark2} Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính.
{label}: Công chức Văn phòng - Thống kê; thời gian: thường xuyên.
"""
_ODD_AREA = """{number}. Cải cách chế độ công vụ
{mark} {bare}
{mark2} Đánh giá, xếp loại chất lượng cán bộ, công chức năm {{year}}.
{label}: Chủ tịch UBND; phối hợp: Công chức Văn phòng - Thống kê; thời gian: tháng 12/{{year}}.
"""


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize("odd_first", [False, True])
@pytest.mark.parametrize(
    ("marks", "label", "bare"),
    [
        (("-", "-"), "Chủ trì", "Cử công chức tham gia bồi dưỡng kỹ năng số."),
        (("a)", "b)"), "Đơn vị chủ trì", "Tổ chức đối thoại với Nhân dân về cải cách hành chính."),
        (("+", "+"), "Chủ trì", "Cử công chức tham gia các lớp bồi dưỡng trong quý II/{year}."),
    ],
)
def test_a_line_after_bare_items_is_the_last_items_where_each_item_has_its_line(
    issuer: tuple[str, str, int], odd_first: bool, marks: tuple[str, str], label: str, bare: str
) -> None:
    # the area whose first item is bare stands after or before the areas that give each item its line
    year = issuer[2]
    mark, mark2 = marks
    own = _OWN_LINES_AREA.format(number=1 if not odd_first else 2, mark=mark, mark2=mark2, label=label)
    odd = _ODD_AREA.format(number=2 if not odd_first else 1, mark=mark, mark2=mark2, label=label, bare=bare)
    plan = _plan(issuer, "II. NHIỆM VỤ TRỌNG TÂM\n" + (odd + own if odd_first else own + odd))
    read = tasks_as_read(plan)
    assert len(read) == 4
    rows = {title: (lead, time) for title, lead, time in read}
    assert rows[bare.format(year=year)][0] is None  # the line after the next item is not this one's
    assert rows[f"Đánh giá, xếp loại chất lượng cán bộ, công chức năm {year}."] == ("Chủ tịch UBND", f"tháng 12/{year}")
    assert rows["Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa."][0] == "Công chức Tư pháp - Hộ tịch"


@pytest.mark.parametrize("issuer", _ISSUERS[:2])
@pytest.mark.parametrize(
    "first_area",
    [
        # no area gives each of its items a line of its own: a line after a group of bare items is the group's
        """1. Cải cách thủ tục hành chính
- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.
- Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính.
Chủ trì: Công chức Tư pháp - Hộ tịch; thời gian: thường xuyên.
""",
        # one item with its line, then a bare one: no two items in a row with lines of their own
        """1. Cải cách thủ tục hành chính
- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.
Chủ trì: Công chức Tư pháp - Hộ tịch; thời gian: thường xuyên.
- Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính.
""",
        # an area's only item with its line says nothing of the others
        """1. Cải cách thủ tục hành chính
- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.
Chủ trì: Công chức Tư pháp - Hộ tịch; thời gian: thường xuyên.
""",
    ],
)
def test_a_line_after_bare_items_stays_the_groups_otherwise(issuer: tuple[str, str, int], first_area: str) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        + first_area
        + """2. Cải cách chế độ công vụ
- Cử công chức tham gia bồi dưỡng kỹ năng số.
- Đánh giá, xếp loại chất lượng cán bộ, công chức năm {year}.
Chủ trì: Chủ tịch UBND; thời gian: tháng 12/{year}.
""",
    )
    read = tasks_as_read(plan)
    assert [row[1:] for row in read[-2:]] == [("Chủ tịch UBND", f"tháng 12/{year}")] * 2


# -- a portal's byline after the plan it carries ------------------------------------------------------------


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize(
    "byline", ["Tác giả: Văn phòng UBND", "Tác giả: Nguyễn Thị Hoa", "Người viết: Bộ phận Một cửa"]
)
def test_a_portal_byline_after_the_plan_is_no_task(issuer: tuple[str, str, int], byline: str) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
- Công khai thủ tục hành chính tại Bộ phận Một cửa.
Chủ trì: Văn phòng HĐND và UBND; thời gian: thường xuyên.
- Khen thưởng tác giả của các sáng kiến cải cách hành chính.
Chủ trì: Phòng Nội vụ; thời gian: tháng 12/{year}.
""",
        after=f"{byline}\nTải về: KH CCHC {year}.pdf\n",
    )
    titles = [task.title for task in plan.tasks]
    assert titles == [
        "Công khai thủ tục hành chính tại Bộ phận Một cửa.",
        "Khen thưởng tác giả của các sáng kiến cải cách hành chính.",  # the words inside a task stay
    ]
