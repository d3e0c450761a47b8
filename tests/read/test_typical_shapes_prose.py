"""Typical prose plans: a task's own line under a unit's labels, a directing leader beside the doer, steps.

Three conventions of ordinary plans, each written in several wordings, at several levels and years:

- labels naming the kinds of body a unit assigns its tasks to, parted by a slash ("Khoa/phòng chủ trì: …;
  khoa/phòng phối hợp: …", "Cơ quan/đơn vị chủ trì", "Tổ/nhóm thực hiện", "Thời gian/thời hạn");
- a line naming the leader who directs or follows the task up ("Lãnh đạo chỉ đạo: đ/c … - Phó Chủ tịch",
  "Lãnh đạo phụ trách", "Người theo dõi") beside the one who advises and carries it out ("công chức tham
  mưu", "Công chức phụ trách", "Bộ phận tham mưu"): the doer leads, the leader does not;
- a task broken into steps ("+ …", "- …") and closed by its own "Trách nhiệm: …; thời hạn: …" line: one task,
  its steps its description, not tasks of their own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import parplan
from builders import task_roles
from parplan.read.items import _field_role
from parplan.read.reading import Reading

HEADS = {
    "xa": ("ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC", "UBND", "Phú Lộc"),
    "huyen": ("ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIUỘC", "UBND", "Cần Giuộc"),
    "so": ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSỞ TƯ PHÁP", "STP", "Bình Định"),
    "benh-vien": ("SỞ Y TẾ TỈNH THÁI BÌNH\nBỆNH VIỆN ĐA KHOA TỈNH THÁI BÌNH", "BVĐK", "Thái Bình"),
    "truong": ("UBND HUYỆN HƯƠNG SƠN\nTRƯỜNG THCS SƠN TÂY", "THCS", "Sơn Tây"),
    "phuong": ("ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI CHÂU", "UBND", "Hải Châu"),
    "thi-tran": ("ỦY BAN NHÂN DÂN\nTHỊ TRẤN PHONG ĐIỀN", "UBND", "Phong Điền"),
}


def _text(level: str, year: int, body: str) -> str:
    masthead, office, place = HEADS[level]
    return (
        f"{masthead}\nSố: 07/KH-{office}\t{place}, ngày 09 tháng 01 năm {year}\n\n"
        f"KẾ HOẠCH\nCải cách hành chính năm {year}\n\n"
        f"I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân, tổ chức.\n\n"
        f"II. NHIỆM VỤ\n{body}\n\n"
        f"III. TỔ CHỨC THỰC HIỆN\nCác bộ phận báo cáo kết quả thực hiện theo quy định./.\n\n"
        f"THỦ TRƯỞNG ĐƠN VỊ\n\nĐặng Văn Khải\n"
    )


def _read(level: str, year: int, body: str) -> Reading:
    reading = parplan.read_text(_text(level, year, body), name=f"{level}-{year}.txt")
    assert reading.plan is not None
    return reading


Row = tuple[str, list[str], list[str], str | None]


# -- labels naming the kinds of body, parted by a slash ------------------------------------------------------

SLASH_LABELS: dict[str, tuple[str, int, str, list[Row]]] = {
    "a hospital's departments, 'n.m.' tasks": (
        "benh-vien",
        2025,
        (
            "1. Cải cách thủ tục hành chính\n"
            "1.1. Cập nhật quy trình cấp phát thuốc cho người bệnh ngoại trú.\n"
            "Khoa/phòng chủ trì: Khoa Dược; khoa/phòng phối hợp: Phòng Kế hoạch tổng hợp; thời gian: quý II/2025.\n"
            "1.2. Lấy ý kiến người bệnh nội trú về thái độ phục vụ.\n"
            "Khoa/phòng chủ trì: Phòng Điều dưỡng, Khoa Nội; thời gian: hằng tháng."
        ),
        [
            (
                "Cập nhật quy trình cấp phát thuốc cho người bệnh ngoại trú.",
                ["Khoa Dược"],
                ["Phòng Kế hoạch tổng hợp"],
                "quý II/2025",
            ),
            ("Lấy ý kiến người bệnh nội trú về thái độ phục vụ.", ["Phòng Điều dưỡng", "Khoa Nội"], [], "hằng tháng"),
        ],
    ),
    "a department's offices, 'a)' tasks": (
        "so",
        2024,
        (
            "1. Cải cách thể chế\n"
            "a) Rà soát các quy định về lệ phí chứng thực.\n"
            "Cơ quan/đơn vị chủ trì: Văn phòng Sở; cơ quan/đơn vị phối hợp: Thanh tra Sở; thời hạn: tháng 9/2024.\n"
            "b) Theo dõi thi hành pháp luật về hộ tịch.\n"
            "Cơ quan/đơn vị chủ trì: Phòng Hành chính tư pháp; thời hạn: quý IV/2024."
        ),
        [
            ("Rà soát các quy định về lệ phí chứng thực.", ["Văn phòng Sở"], ["Thanh tra Sở"], "tháng 9/2024"),
            ("Theo dõi thi hành pháp luật về hộ tịch.", ["Phòng Hành chính tư pháp"], [], "quý IV/2024"),
        ],
    ),
    "a district's offices, capitalised second label, dashes": (
        "huyen",
        2023,
        (
            "1. Cải cách tổ chức bộ máy\n"
            "- Sắp xếp lại các đơn vị sự nghiệp công lập trực thuộc.\n"
            "Phòng/ban chủ trì: Phòng Nội vụ; Phòng/ban phối hợp: Phòng Tài chính - Kế hoạch;"
            " Thời gian: Quý III/2023.\n"
            "- Rà soát vị trí việc làm của các cơ quan chuyên môn.\n"
            "Phòng/ban chủ trì: Phòng Nội vụ; Thời gian: Quý IV/2023."
        ),
        [
            (
                "Sắp xếp lại các đơn vị sự nghiệp công lập trực thuộc.",
                ["Phòng Nội vụ"],
                ["Phòng Tài chính - Kế hoạch"],
                "Quý III/2023",
            ),
            ("Rà soát vị trí việc làm của các cơ quan chuyên môn.", ["Phòng Nội vụ"], [], "Quý IV/2023"),
        ],
    ),
    "a school's teams, a slash in the time's label": (
        "truong",
        2026,
        (
            "1. Chuyển đổi số\n"
            "- Cập nhật hồ sơ học sinh lên cơ sở dữ liệu ngành.\n"
            "Tổ/nhóm thực hiện: Tổ Văn phòng; thời gian/thời hạn: tháng 10/2026.\n"
            "- Thu học phí không dùng tiền mặt.\n"
            "Tổ/nhóm thực hiện: Tổ Văn phòng; tổ/nhóm phối hợp: Tổ Toán - Tin; thời gian/thời hạn: từ tháng 9/2026."
        ),
        [
            ("Cập nhật hồ sơ học sinh lên cơ sở dữ liệu ngành.", ["Tổ Văn phòng"], [], "tháng 10/2026"),
            ("Thu học phí không dùng tiền mặt.", ["Tổ Văn phòng"], ["Tổ Toán - Tin"], "từ tháng 9/2026"),
        ],
    ),
    "a commune's posts": (
        "xa",
        2027,
        (
            "1. Cải cách thủ tục hành chính\n"
            "a) Niêm yết thủ tục hành chính lĩnh vực chứng thực tại Bộ phận Một cửa.\n"
            "Bộ phận/công chức chủ trì: Công chức Tư pháp - Hộ tịch; thời gian: Quý I/2027.\n"
            "b) Cập nhật sổ theo dõi hồ sơ trễ hạn.\n"
            "Bộ phận/Công chức phụ trách: Văn phòng - Thống kê; Thời gian: hằng tháng."
        ),
        [
            (
                "Niêm yết thủ tục hành chính lĩnh vực chứng thực tại Bộ phận Một cửa.",
                ["Công chức Tư pháp - Hộ tịch"],
                [],
                "Quý I/2027",
            ),
            ("Cập nhật sổ theo dõi hồ sơ trễ hạn.", ["Văn phòng - Thống kê"], [], "hằng tháng"),
        ],
    ),
    "a hospital's departments parted by a comma": (
        "benh-vien",
        2026,
        (
            "1. Cải cách hành chính trong khám bệnh\n"
            "- Bố trí ki-ốt lấy số thứ tự tự động tại khu khám bệnh.\n"
            "Khoa, phòng chủ trì: Phòng Hành chính quản trị; khoa, phòng phối hợp: Khoa Khám bệnh;"
            " thời gian: quý III/2026."
        ),
        [
            (
                "Bố trí ki-ốt lấy số thứ tự tự động tại khu khám bệnh.",
                ["Phòng Hành chính quản trị"],
                ["Khoa Khám bệnh"],
                "quý III/2026",
            ),
        ],
    ),
}


@pytest.mark.parametrize("case", SLASH_LABELS.values(), ids=SLASH_LABELS.keys())
def test_labels_with_a_slash_give_the_task_its_fields(case: tuple[str, int, str, list[Row]]) -> None:
    level, year, body, expected = case
    plan = _read(level, year, body).plan
    assert plan is not None
    assert task_roles(plan) == expected


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Khoa/phòng chủ trì", "lead"),
        ("khoa/phòng phối hợp", "partners"),
        ("Cơ quan/đơn vị chủ trì", "lead"),
        ("Đơn vị/cá nhân thực hiện", "doers"),
        ("Phòng chủ trì", "lead"),
        ("Khoa, phòng chủ trì", "lead"),
        ("Cơ quan, đơn vị phối hợp", "partners"),
        ("Tổ chuyên môn chủ trì", "lead"),
        ("Khoa/phòng/tổ chủ trì", "lead"),
        ("Thời gian/thời hạn", "time"),
        ("Thoi gian/thoi han", "time"),
        ("Lãnh đạo chỉ đạo", "oversight"),
        ("Lãnh đạo UBND xã phụ trách", "oversight"),
        ("Người theo dõi", "oversight"),
        ("Đồng chí lãnh đạo phụ trách", "oversight"),
        ("Chỉ đạo thực hiện", "oversight"),
        ("Phòng Nội vụ chủ trì", None),
        ("Nội dung/yêu cầu", None),
        ("Khoa/phòng", None),
        ("Ghi chú", None),
    ],
)
def test_the_role_of_a_label(label: str, role: str | None) -> None:
    assert _field_role(label) == role


# -- a directing leader beside the doer ----------------------------------------------------------------------

LEADERS: dict[str, tuple[str, int, str, list[Row], str]] = {
    "'Lãnh đạo chỉ đạo' then 'công chức tham mưu'": (
        "thi-tran",
        2023,
        (
            "1. Cải cách thể chế\n"
            "- Rà soát văn bản do UBND thị trấn ban hành năm 2022.\n"
            "Lãnh đạo chỉ đạo: đ/c Trần Văn Bình - Phó Chủ tịch UBND thị trấn; công chức tham mưu: Tư pháp - Hộ tịch;"
            " thời gian: quý III/2023.\n"
            "- Tổ chức đối thoại với doanh nghiệp trên địa bàn.\n"
            "Lãnh đạo chỉ đạo: đ/c Trần Văn Bình - Phó Chủ tịch UBND thị trấn;"
            " công chức tham mưu: Văn phòng - Thống kê, Văn hóa - Xã hội; thời gian: tháng 10/2023."
        ),
        [
            ("Rà soát văn bản do UBND thị trấn ban hành năm 2022.", ["Tư pháp - Hộ tịch"], [], "quý III/2023"),
            (
                "Tổ chức đối thoại với doanh nghiệp trên địa bàn.",
                ["Văn phòng - Thống kê", "Văn hóa - Xã hội"],
                [],
                "tháng 10/2023",
            ),
        ],
        "Trần Văn Bình",
    ),
    "'Lãnh đạo phụ trách' then 'Công chức phụ trách', capitalised": (
        "xa",
        2024,
        (
            "1. Cải cách thủ tục hành chính\n"
            "a) Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực.\n"
            "Lãnh đạo phụ trách: Đ/c Lê Thị Hoa, Chủ tịch UBND xã; Công chức phụ trách: Văn phòng - Thống kê;"
            " Thời hạn: tháng 6/2024."
        ),
        [("Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực.", ["Văn phòng - Thống kê"], [], "tháng 6/2024")],
        "Lê Thị Hoa",
    ),
    "'Bộ phận tham mưu' first, 'người theo dõi' after it": (
        "phuong",
        2026,
        (
            "1. Chuyển đổi số\n"
            "- Hướng dẫn người dân thanh toán trực tuyến phí, lệ phí.\n"
            "Bộ phận tham mưu: Phòng Văn hóa - Xã hội; người theo dõi: đ/c Phạm Minh Tuấn - Phó Chủ tịch UBND phường;"
            " thời gian: quý I/2026."
        ),
        [
            (
                "Hướng dẫn người dân thanh toán trực tuyến phí, lệ phí.",
                ["Phòng Văn hóa - Xã hội"],
                [],
                "quý I/2026",
            )
        ],
        "Phạm Minh Tuấn",
    ),
    "'Lãnh đạo UBND huyện theo dõi' then 'Cơ quan tham mưu'": (
        "huyen",
        2025,
        (
            "1. Cải cách chế độ công vụ\n"
            "1.1. Kiểm tra công vụ tại Bộ phận Một cửa các xã.\n"
            "Lãnh đạo UBND huyện theo dõi: đ/c Nguyễn Văn An - Phó Chủ tịch UBND huyện; Cơ quan tham mưu: Phòng Nội vụ;"
            " Thời gian: tháng 5/2025."
        ),
        [("Kiểm tra công vụ tại Bộ phận Một cửa các xã.", ["Phòng Nội vụ"], [], "tháng 5/2025")],
        "Nguyễn Văn An",
    ),
}


@pytest.mark.parametrize("case", LEADERS.values(), ids=LEADERS.keys())
def test_the_doer_leads_not_the_directing_leader(case: tuple[str, int, str, list[Row], str]) -> None:
    level, year, body, expected, leader = case
    reading = _read(level, year, body)
    assert reading.plan is not None
    assert task_roles(reading.plan) == expected
    assert all(leader not in str(task.responsibility) for task in reading.plan.tasks)


@pytest.mark.parametrize(
    ("level", "year", "line"),
    [
        ("xa", 2024, "Lãnh đạo chỉ đạo: đ/c Hoàng Văn Tư - Chủ tịch UBND xã; thời gian: quý II/2024."),
        ("huyen", 2025, "Người theo dõi: đ/c Vũ Thị Lan - Phó Chủ tịch UBND huyện; Thời hạn: quý II/2025."),
    ],
)
def test_a_directing_leader_alone_leads_nothing(level: str, year: int, line: str) -> None:
    body = f"1. Cải cách thủ tục hành chính\n- Công khai thủ tục hành chính mới ban hành.\n{line}"
    reading = _read(level, year, body)
    assert reading.plan is not None
    [(title, leads, _, time)] = task_roles(reading.plan)
    assert (title, leads, time) == ("Công khai thủ tục hành chính mới ban hành.", [], f"quý II/{year}")


# -- a task's steps, then its own line -----------------------------------------------------------------------

STEPPED: dict[str, tuple[str, int, str, list[Row], list[str | None]]] = {
    "'a)' tasks, '+' steps, 'Trách nhiệm: …; thời hạn: …'": (
        "xa",
        2023,
        (
            "1. Công tác chỉ đạo, điều hành\n"
            "a) Ban hành Kế hoạch kiểm tra cải cách hành chính năm 2023.\n"
            "Trách nhiệm: Công chức Văn phòng - Thống kê; thời hạn: tháng 2/2023.\n"
            "b) Kiểm tra việc thực hiện quy chế làm việc tại các thôn.\n"
            "+ Lập đoàn kiểm tra gồm lãnh đạo UBND xã và công chức chuyên môn;\n"
            "+ Kiểm tra hồ sơ, sổ sách của các thôn;\n"
            "+ Thông báo kết quả kiểm tra.\n"
            "Trách nhiệm: Công chức Văn phòng - Thống kê; thời hạn: quý III/2023.\n"
            "2. Cải cách tài chính công\n"
            "a) Công khai quyết toán ngân sách xã năm 2022.\n"
            "+ Niêm yết tại nhà văn hóa các thôn;\n"
            "+ Đăng trên Trang thông tin điện tử của xã.\n"
            "Trách nhiệm: Công chức Tài chính - Kế toán; thời hạn: theo quy định.\n"
            "b) Rà soát các khoản thu, chi tại trụ sở xã.\n"
            "Trách nhiệm: Công chức Tài chính - Kế toán, Công chức Văn phòng - Thống kê; thời hạn: tháng 11/2023."
        ),
        [
            (
                "Ban hành Kế hoạch kiểm tra cải cách hành chính năm 2023.",
                ["Công chức Văn phòng - Thống kê"],
                [],
                "tháng 2/2023",
            ),
            (
                "Kiểm tra việc thực hiện quy chế làm việc tại các thôn.",
                ["Công chức Văn phòng - Thống kê"],
                [],
                "quý III/2023",
            ),
            ("Công khai quyết toán ngân sách xã năm 2022.", ["Công chức Tài chính - Kế toán"], [], "theo quy định"),
            (
                "Rà soát các khoản thu, chi tại trụ sở xã.",
                ["Công chức Tài chính - Kế toán", "Công chức Văn phòng - Thống kê"],
                [],
                "tháng 11/2023",
            ),
        ],
        [
            None,
            (
                "Lập đoàn kiểm tra gồm lãnh đạo UBND xã và công chức chuyên môn; Kiểm tra hồ sơ, sổ sách của các thôn;"
                " Thông báo kết quả kiểm tra."
            ),
            "Niêm yết tại nhà văn hóa các thôn; Đăng trên Trang thông tin điện tử của xã.",
            None,
        ],
    ),
    "'n.m.' tasks, '-' steps, the first task stepped": (
        "huyen",
        2024,
        (
            "1. Cải cách thủ tục hành chính\n"
            "1.1. Đánh giá việc giải quyết hồ sơ đất đai quá hạn.\n"
            "- Tổng hợp hồ sơ quá hạn theo từng xã;\n"
            "- Làm rõ nguyên nhân và trách nhiệm.\n"
            "Cơ quan chủ trì: Phòng Tài nguyên và Môi trường; thời gian: quý II/2024.\n"
            "1.2. Công khai kết quả giải quyết hồ sơ trên Cổng thông tin điện tử huyện.\n"
            "Cơ quan chủ trì: Văn phòng HĐND và UBND huyện; thời gian: hằng tháng."
        ),
        [
            (
                "Đánh giá việc giải quyết hồ sơ đất đai quá hạn.",
                ["Phòng Tài nguyên và Môi trường"],
                [],
                "quý II/2024",
            ),
            (
                "Công khai kết quả giải quyết hồ sơ trên Cổng thông tin điện tử huyện.",
                ["Văn phòng HĐND và UBND huyện"],
                [],
                "hằng tháng",
            ),
        ],
        ["Tổng hợp hồ sơ quá hạn theo từng xã; Làm rõ nguyên nhân và trách nhiệm.", None],
    ),
    "'a)' tasks, '-' steps, who and when on two lines": (
        "so",
        2025,
        (
            "1. Hiện đại hóa hành chính\n"
            "a) Cập nhật danh mục dịch vụ công trực tuyến toàn trình.\n"
            "Đơn vị chủ trì: Văn phòng Sở\n"
            "Thời gian: quý I/2025.\n"
            "b) Khảo sát mức độ hài lòng của tổ chức, cá nhân.\n"
            "- Xây dựng phiếu khảo sát;\n"
            "- Tổng hợp, công bố kết quả khảo sát.\n"
            "Đơn vị chủ trì: Phòng Hành chính tư pháp\n"
            "Thời gian: tháng 11/2025."
        ),
        [
            (
                "Cập nhật danh mục dịch vụ công trực tuyến toàn trình.",
                ["Văn phòng Sở"],
                [],
                "quý I/2025",
            ),
            (
                "Khảo sát mức độ hài lòng của tổ chức, cá nhân.",
                ["Phòng Hành chính tư pháp"],
                [],
                "tháng 11/2025",
            ),
        ],
        [None, "Xây dựng phiếu khảo sát; Tổng hợp, công bố kết quả khảo sát."],
    ),
    "'-' tasks, '+' steps, 'Thực hiện: …; thời gian: …'": (
        "phuong",
        2026,
        (
            "1. Chuyển đổi số\n"
            "- Cập nhật dữ liệu dân cư trên địa bàn phường.\n"
            "Thực hiện: Công an phường; thời gian: quý I/2026.\n"
            "- Tổ chức ngày thứ Bảy số tại các khu phố.\n"
            "+ Bố trí điểm hướng dẫn tại nhà văn hóa khu phố;\n"
            "+ Huy động đoàn viên thanh niên hỗ trợ người dân.\n"
            "Thực hiện: Phòng Văn hóa - Xã hội; thời gian: tháng 8/2026."
        ),
        [
            ("Cập nhật dữ liệu dân cư trên địa bàn phường.", ["Công an phường"], [], "quý I/2026"),
            ("Tổ chức ngày thứ Bảy số tại các khu phố.", ["Phòng Văn hóa - Xã hội"], [], "tháng 8/2026"),
        ],
        [None, "Bố trí điểm hướng dẫn tại nhà văn hóa khu phố; Huy động đoàn viên thanh niên hỗ trợ người dân."],
    ),
}


@pytest.mark.parametrize("case", STEPPED.values(), ids=STEPPED.keys())
def test_steps_belong_to_their_task_and_its_line_after_them(
    case: tuple[str, int, str, list[Row], list[str | None]],
) -> None:
    level, year, body, expected, descriptions = case
    reading = _read(level, year, body)
    assert reading.plan is not None
    assert task_roles(reading.plan) == expected
    assert [task.description for task in reading.plan.tasks] == descriptions
    confidence = {source.path: source.confidence for source in reading.plan.sources}
    for index, task in enumerate(reading.plan.tasks):
        sure = confidence[f"$.tasks[{index}].responsibility"]
        assert sure is not None
        assert sure >= Decimal("0.9"), task.title


NOT_STEPS: dict[str, tuple[str, int, str, list[str]]] = {
    "an area heading over '+' tasks, the group's line after them": (
        "xa",
        2025,
        (
            "1. Cải cách thủ tục hành chính\n"
            "a) Thủ tục hành chính lĩnh vực hộ tịch\n"
            "+ Niêm yết thủ tục đăng ký khai sinh;\n"
            "+ Số hóa sổ đăng ký kết hôn.\n"
            "Trách nhiệm: Công chức Tư pháp - Hộ tịch; thời hạn: quý II/2025."
        ),
        ["Niêm yết thủ tục đăng ký khai sinh", "Số hóa sổ đăng ký kết hôn."],
    ),
    "bullets with lines of their own are tasks": (
        "huyen",
        2024,
        (
            "1. Cải cách chế độ công vụ\n"
            "a) Tổ chức bồi dưỡng cho công chức cấp xã.\n"
            "- Bồi dưỡng nghiệp vụ tiếp nhận hồ sơ một cửa.\n"
            "Trách nhiệm: Phòng Nội vụ; thời hạn: quý II/2024.\n"
            "- Bồi dưỡng kỹ năng sử dụng chữ ký số.\n"
            "Trách nhiệm: Phòng Văn hóa và Thông tin; thời hạn: quý III/2024."
        ),
        ["Bồi dưỡng nghiệp vụ tiếp nhận hồ sơ một cửa.", "Bồi dưỡng kỹ năng sử dụng chữ ký số."],
    ),
}


@pytest.mark.parametrize("case", NOT_STEPS.values(), ids=NOT_STEPS.keys())
def test_bullets_that_are_tasks_stay_tasks(case: tuple[str, int, str, list[str]]) -> None:
    level, year, body, titles = case
    reading = _read(level, year, body)
    assert reading.plan is not None
    assert [task.title for task in reading.plan.tasks] == titles
    assert all(task.description is None for task in reading.plan.tasks)
