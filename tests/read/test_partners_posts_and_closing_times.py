"""Conventions of field-line and prose plans: an area's line naming its lead with partners over the items below,
a unit's "Khoa, phòng phụ trách" label and a field line giving its time first, two posts joined by "và" in a
"Giao" line, and a term or periods closing a task's sentence; with the near misses that must stay as they are."""

from __future__ import annotations

import pytest

import parplan
from builders import task_roles, tasks_as_read

# (the issuer's two masthead lines, the place, the year) of plans of several levels and years
_ISSUERS = (
    ("ỦY BAN NHÂN DÂN\nHUYỆN QUẢNG XƯƠNG", "Quảng Xương", 2024),
    ("ỦY BAN NHÂN DÂN\nXÃ TAM PHƯỚC", "Tam Phước", 2023),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG AN KHÁNH", "An Khánh", 2026),
    ("SỞ Y TẾ HÀ NỘI\nTRUNG TÂM Y TẾ QUẬN HÀ ĐÔNG", "Hà Đông", 2025),
)


def _plan(issuer: tuple[str, str, int], body: str) -> parplan.Plan:
    masthead, place, year = issuer
    text = f"""{masthead}
Số: 31/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{place}, ngày 12 tháng 01 năm {year}

KẾ HOẠCH
Cải cách hành chính năm {year}

I. MỤC ĐÍCH, YÊU CẦU
1. Mỗi nhiệm vụ có người chủ trì và thời hạn hoàn thành.

II. NHIỆM VỤ TRỌNG TÂM
{body.format(year=year)}
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả thực hiện theo quy định.

Nơi nhận:
- Lưu: VT.
CHỦ TỊCH

Trần Minh Quân
"""
    reading = parplan.read_text(text, name="plan.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


# -- "<body> chủ trì, phối hợp với <partners> thực hiện các nhiệm vụ sau:" over an area's items ----------------


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize(
    ("line", "lead"),
    [
        (
            "Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện các nhiệm vụ sau:",
            "Phòng Nội vụ",
        ),
        ("Văn phòng HĐND và UBND chủ trì, phối hợp Bộ phận Một cửa tổ chức thực hiện các nội dung sau:", None),
        ("Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Công an xã thực hiện những công việc sau đây:", None),
        ("Phòng Kế hoạch - Nghiệp vụ chủ trì, phối hợp với các khoa triển khai thực hiện các nhiệm vụ dưới đây:", None),
    ],
)
def test_an_areas_line_naming_its_lead_and_partners_leads_the_items_below(
    issuer: tuple[str, str, int], line: str, lead: str | None
) -> None:
    year = issuer[2]
    wanted = lead or line.split(" chủ trì", maxsplit=1)[0]
    plan = _plan(
        issuer,
        f"""1. Cải cách tổ chức bộ máy
{line}
- Rà soát chức năng, nhiệm vụ của các bộ phận theo quy định mới.
- Cập nhật bản mô tả công việc của từng vị trí việc làm.
- Tổ chức thi tuyển viên chức, hoàn thành trước ngày 30/8/{{year}}.
2. Hiện đại hóa hành chính
- Số hóa hồ sơ lưu trữ của đơn vị.
Chủ trì: Tổ Công nghệ thông tin; thời gian: tháng 9/{{year}}.
""",
    )
    read = tasks_as_read(plan)
    assert [lead_ for _, lead_, _ in read] == [wanted] * 3 + ["Tổ Công nghệ thông tin"]
    assert not any("chủ trì" in title for title, _, _ in read)  # the line is no task
    assert read[2][2] == f"hoàn thành trước ngày 30/8/{year}"  # the time in the item's own sentence is read
    assert read[3][2] == f"tháng 9/{year}"


@pytest.mark.parametrize(
    "line",
    [
        # work of its own after the partners: a task, the body its lead, not the area's
        "- Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp tổ chức hội nghị tập huấn nghiệp vụ cho công chức.",
        "- Văn phòng chủ trì, phối hợp với các bộ phận thực hiện các nội dung về tuyên truyền cải cách hành chính.",
    ],
)
def test_a_lead_and_partners_line_naming_its_own_work_stays_a_task(line: str) -> None:
    plan = _plan(
        _ISSUERS[0],
        f"""1. Cải cách tổ chức bộ máy
{line}
- Rà soát chức năng, nhiệm vụ của các bộ phận theo quy định mới.
Chủ trì: Phòng Nội vụ; thời gian: quý II/{{year}}.
""",
    )
    titles = [task.title for task in plan.tasks]
    assert len(titles) == 2
    assert "chủ trì, phối hợp" in titles[0]


# -- a unit's label naming its kinds of body with "phụ trách", and a field line giving its time first ---------------


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize(
    ("field_line", "leads", "time"),
    [
        (
            "- Khoa, phòng phụ trách: Khoa Khám bệnh, Phòng Điều dưỡng; thời gian: thường xuyên.",
            ["Khoa Khám bệnh", "Phòng Điều dưỡng"],
            "thường xuyên",
        ),
        ("- Tổ/nhóm phụ trách: Tổ Một cửa; thời hạn: quý III/{year}.", ["Tổ Một cửa"], "quý III/{year}"),
        ("- Thời gian: hằng quý; phụ trách: Phòng Kế hoạch - Nghiệp vụ.", ["Phòng Kế hoạch - Nghiệp vụ"], "hằng quý"),
        (
            "- Thời gian hoàn thành: tháng 7/{year}; phụ trách: Công chức Văn phòng - Thống kê.",
            ["Công chức Văn phòng - Thống kê"],
            "tháng 7/{year}",
        ),
        ("Bộ phận phụ trách: Văn phòng; thời gian: tháng 4/{year}.", ["Văn phòng"], "tháng 4/{year}"),
    ],
)
def test_a_phu_trach_field_in_any_place_names_the_lead(
    issuer: tuple[str, str, int], field_line: str, leads: list[str], time: str
) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        f"""1. Cải cách thủ tục hành chính
1.1. Niêm yết công khai quy trình tiếp nhận hồ sơ tại khu vực tiếp đón.
{field_line}
1.2. Rà soát thời gian giải quyết hồ sơ của người dân.
- Phụ trách: Phòng Tổ chức - Hành chính; thời gian: tháng 10/{{year}}.
""",
    )
    read = task_roles(plan)
    assert [row[0] for row in read] == [
        "Niêm yết công khai quy trình tiếp nhận hồ sơ tại khu vực tiếp đón.",
        "Rà soát thời gian giải quyết hồ sơ của người dân.",
    ]
    assert (read[0][1], read[0][3]) == (leads, time.format(year=year))
    assert (read[1][1], read[1][3]) == (["Phòng Tổ chức - Hành chính"], f"tháng 10/{year}")


def test_a_leader_following_a_task_up_is_no_lead() -> None:
    plan = _plan(
        _ISSUERS[3],
        """1. Cải cách thủ tục hành chính
1.1. Niêm yết công khai quy trình tiếp nhận hồ sơ tại khu vực tiếp đón.
- Lãnh đạo phụ trách: Phó Giám đốc Trung tâm; thời gian: quý II/{year}.
""",
    )
    assert task_roles(plan)[0][1] == []


# -- two posts joined by "và" in a "Giao" line after the task --------------------------------------------------------


@pytest.mark.parametrize("issuer", _ISSUERS[:3])
@pytest.mark.parametrize(
    ("line", "leads"),
    [
        (
            (
                "Giao công chức Văn phòng - Thống kê và công chức Tài chính - Kế toán chủ trì thực hiện; "
                "thời gian hoàn thành: quý I/{year}."
            ),
            ["công chức Văn phòng - Thống kê", "công chức Tài chính - Kế toán"],
        ),
        (
            (
                "Giao Công chức Địa chính - Xây dựng và Công chức Tư pháp - Hộ tịch chủ trì thực hiện; "
                "thời gian: tháng 5/{year}."
            ),
            ["Công chức Địa chính - Xây dựng", "Công chức Tư pháp - Hộ tịch"],
        ),
        (
            "Giao cán bộ Văn phòng Đảng ủy và công chức Văn hóa - Xã hội chủ trì thực hiện; thời gian: tháng 5/{year}.",
            ["cán bộ Văn phòng Đảng ủy", "công chức Văn hóa - Xã hội"],
        ),
        # near miss: one body whose own name holds "và"
        (
            "Giao Văn phòng HĐND và UBND chủ trì thực hiện; thời gian: tháng 5/{year}.",
            ["Văn phòng HĐND và UBND"],
        ),
    ],
)
def test_two_posts_joined_by_va_in_a_giao_line_are_two_leads(
    issuer: tuple[str, str, int], line: str, leads: list[str]
) -> None:
    year = issuer[2]
    plan = _plan(
        issuer,
        f"""1. Hiện đại hóa hành chính
a) Ứng dụng chữ ký số trong gửi, nhận văn bản điện tử với cấp trên.
{line}
b) Duy trì hệ thống quản lý văn bản và điều hành.
""",
    )
    read = task_roles(plan)
    assert read[0][0] == "Ứng dụng chữ ký số trong gửi, nhận văn bản điện tử với cấp trên."
    assert read[0][1] == leads
    assert read[0][3] == line.format(year=year).split(": ")[-1].rstrip(".")
    assert read[1][1:] == ([], [], None)


# -- a term from an event or periods after "vào" closing the task's sentence ---------------------------------------


@pytest.mark.parametrize("issuer", _ISSUERS)
@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        (
            "Trả lời các phản ánh, kiến nghị của người dân trong vòng 10 ngày kể từ ngày nhận được.",
            "trong vòng 10 ngày kể từ ngày nhận được",
        ),
        (
            "Giải quyết hồ sơ bổ sung của tổ chức trong 05 ngày làm việc kể từ ngày nhận hồ sơ đầy đủ.",
            "trong 05 ngày làm việc kể từ ngày nhận hồ sơ đầy đủ",
        ),
        (
            "Cập nhật danh mục thủ tục trong thời hạn 3 ngày sau khi có quyết định công bố.",
            "trong thời hạn 3 ngày sau khi có quyết định công bố",
        ),
        (
            "Kiểm tra đột xuất việc chấp hành kỷ luật hành chính vào quý II và quý IV năm {year}.",
            "quý II và quý IV năm {year}",
        ),
        ("Tổ chức đối thoại với người dân vào tháng 6 và tháng 12/{year}.", "tháng 6 và tháng 12/{year}"),
        ("Tổ chức tự kiểm tra tại các bộ phận vào quý III.", "quý III"),
    ],
)
def test_a_time_closing_the_sentence_is_the_tasks_when_its_line_names_only_the_lead(
    issuer: tuple[str, str, int], sentence: str, time: str
) -> None:
    year = issuer[2]
    written = sentence.format(year=year)
    plan = _plan(
        issuer,
        f"""1. Cải cách thủ tục hành chính
- {written}
Chủ trì: Bộ phận Một cửa.
""",
    )
    ((title, lead, read_time),) = tasks_as_read(plan)
    assert (title, lead) == (written, "Bộ phận Một cửa")  # the time stays in the title as written
    assert read_time == time.format(year=year)


@pytest.mark.parametrize(
    "sentence",
    [
        # no time: a place or a manner after "vào", days that are no term
        "Đưa nội dung cải cách hành chính vào chương trình công tác của đơn vị.",
        "Nhập dữ liệu hộ tịch vào phần mềm trong vòng 10 ngày cao điểm của đợt rà soát dân cư trên địa bàn xã.",
        "Đưa các tiêu chí vào quy chế thi đua của quý sau.",
    ],
)
def test_a_sentence_closing_without_a_time_gives_none(sentence: str) -> None:
    plan = _plan(
        _ISSUERS[1],
        f"""1. Cải cách thủ tục hành chính
- {sentence}
Chủ trì: Bộ phận Một cửa.
""",
    )
    ((title, lead, read_time),) = tasks_as_read(plan)
    assert (title, lead, read_time) == (sentence, "Bộ phận Một cửa", None)
