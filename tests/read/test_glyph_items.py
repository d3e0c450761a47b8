"""List items in the shapes Word's plain-text export, converters, legal databases and social posts give.

Bullets of any glyph ("o", "§", "✓", emoji), a field label's values listed one level down, "Nội dung: <task>"
blocks of labelled lines, a task per numbered heading, and posts without a masthead.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import parplan
from builders import read_lines
from parplan.read.items import _marker, _titled_item
from parplan.read.layout import without_emoji
from parplan.read.lines import Para, glyph_bullet

_HEAD = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN ĐẠI LỘC",
    "Số: 14/KH-UBND",
    "Đại Lộc, ngày 09 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026",
    "",
    "I. NHIỆM VỤ",
]


def _read(tmp_path: Path, body: list[str]) -> parplan.Plan:
    return read_lines(tmp_path, [*_HEAD, *body])


def _lead(plan: parplan.Plan, task: parplan.Task) -> str | None:
    responsibility = plan.responsibility_of(task)
    return responsibility.lead.label if responsibility and responsibility.lead else None


def _time(plan: parplan.Plan, task: parplan.Task) -> str | None:
    timeframe = plan.timeframe_of(task)
    return timeframe.text if timeframe else None


@pytest.mark.parametrize(
    ("line", "glyph", "rest"),
    [
        ("o\tThời hạn: Quý I/2026", "o", "Thời hạn: Quý I/2026"),
        ("o Chủ trì: Phòng Nội vụ", "o", "Chủ trì: Phòng Nội vụ"),
        ("§\tPhòng Tư pháp", "§", "Phòng Tư pháp"),
        ("✓ Rà soát quy trình", "✓", "Rà soát quy trình"),
        ("▪\tThanh tra huyện", "▪", "Thanh tra huyện"),
        ("■ Lập danh mục", "■", "Lập danh mục"),
        ("📌Chủ trì: Văn phòng", "📌", "Chủ trì: Văn phòng"),
        ("👉 Niêm yết thủ tục", "👉", "Niêm yết thủ tục"),
        ("⏰ Thời gian: Tháng 5/2026", "⏰", "Thời gian: Tháng 5/2026"),
    ],
)
def test_a_bullet_of_any_glyph(line: str, glyph: str, rest: str) -> None:
    assert glyph_bullet(line) == (glyph, rest)


@pytest.mark.parametrize(
    "line",
    [
        "o bế em",  # the word "o" before a lower-case word is no bullet
        "o",
        "**Chủ trì:** Văn phòng",  # Markdown's bold, not a bullet
        "-----",  # a rule
        "= 12 hồ sơ",
        "1. Rà soát",
        "#CCHC Rà soát",
        "Rà soát quy trình",
        "✓",  # a glyph alone holds nothing
        "§Phòng Tư pháp",  # a mark that is no emoji touches no word
    ],
)
def test_no_bullet(line: str) -> None:
    assert glyph_bullet(line) is None


def test_glyph_marks_and_keycaps() -> None:
    assert _marker("o\tChủ trì: Văn phòng") == ("dash", None, "Chủ trì: Văn phòng")
    assert _marker("1️⃣ CẢI CÁCH THỂ CHẾ") == ("num", "1", "CẢI CÁCH THỂ CHẾ")
    # a glyph before a number decorates it: the number is the item's mark
    assert _marker("🔹 2. Cải cách thủ tục") == ("num", "2", "Cải cách thủ tục")
    assert _marker("o bế em đi chợ")[0] == "text"


def test_word_levels_with_field_lines_and_listed_partners(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "1.\tCông khai thủ tục",
            "■\tNiêm yết thủ tục hành chính tại Bộ phận Một cửa.",
            "□\tChủ trì: Văn phòng HĐND và UBND huyện",
            "□\tPhối hợp:",
            "◆\tPhòng Tư pháp",
            "◆\tPhòng Nội vụ",
            "□\tThời hạn: Quý I/2026",
            "■\tRà soát quy trình nội bộ giải quyết hồ sơ.",
            "□\tThời hạn: Tháng 6/2026",
            "□\tChủ trì: Phòng Nội vụ",
        ],
    )
    titles = [task.title for task in plan.tasks]
    assert titles == ["Niêm yết thủ tục hành chính tại Bộ phận Một cửa.", "Rà soát quy trình nội bộ giải quyết hồ sơ."]
    first, second = plan.tasks
    assert _lead(plan, first) == "Văn phòng HĐND và UBND huyện"
    responsibility = plan.responsibility_of(first)
    assert responsibility is not None
    assert [party.label for party in responsibility.coordinating] == ["Phòng Tư pháp", "Phòng Nội vụ"]
    assert _time(plan, first) == "Quý I/2026"
    assert (_lead(plan, second), _time(plan, second)) == ("Phòng Nội vụ", "Tháng 6/2026")


def test_items_under_a_label_that_is_not_a_field_stay_items(tmp_path: Path) -> None:
    """Items of another glyph under a line that is no field label ("Gồm:") are not joined into a field."""
    plan = _read(
        tmp_path,
        [
            "■\tKiện toàn Tổ công nghệ số cộng đồng, gồm:",
            "◆\tTổ ở thôn 1;",
            "◆\tTổ ở thôn 2.",
        ],
    )
    assert all("Phối hợp" not in task.title for task in plan.tasks)
    assert not any(_lead(plan, task) == "Tổ ở thôn 1" for task in plan.tasks)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("- Nội dung: Rà soát quy trình nội bộ.", "Rà soát quy trình nội bộ."),
        ("Nội dung công việc: Lập danh mục TTHC.", "Lập danh mục TTHC."),
        ("Tên nhiệm vụ: Số hóa hồ sơ", "Số hóa hồ sơ"),
    ],
)
def test_content_label_names_the_task_when_fields_follow(line: str, title: str) -> None:
    field = Para(text="- Chủ trì: Phòng Tư pháp", first=2, last=2)
    assert _titled_item(line, [field]) == title


def test_content_label_without_fields_after_is_no_task_title() -> None:
    prose = Para(text="Các phòng phối hợp thực hiện.", first=2, last=2)
    assert _titled_item("Nội dung: bảo đảm tiến độ.", [prose]) is None
    assert _titled_item("Nội dung: bảo đảm tiến độ.", []) is None


def test_blocks_of_labelled_lines(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "1. Kiểm soát thủ tục hành chính",
            "Nội dung: Công bố danh mục thủ tục hành chính sửa đổi.",
            "Thời gian: Quý II/2026",
            "Chủ trì: Văn phòng HĐND và UBND huyện",
            "",
            "Nội dung: Rà soát thủ tục lĩnh vực đất đai.",
            "Cơ quan chủ trì: Phòng Tài nguyên và Môi trường",
            "Phối hợp: Chi nhánh Văn phòng đăng ký đất đai",
            "2. Cải cách tổ chức bộ máy",
            "a) - Nội dung: Sắp xếp các tổ chức phối hợp liên ngành.",
            "- Chủ trì: Phòng Nội vụ",
            "- Thời gian: Tháng 9/2026",
        ],
    )
    found = {task.title: (_lead(plan, task), _time(plan, task)) for task in plan.tasks}
    assert found == {
        "Công bố danh mục thủ tục hành chính sửa đổi.": ("Văn phòng HĐND và UBND huyện", "Quý II/2026"),
        "Rà soát thủ tục lĩnh vực đất đai.": ("Phòng Tài nguyên và Môi trường", None),
        "Sắp xếp các tổ chức phối hợp liên ngành.": ("Phòng Nội vụ", "Tháng 9/2026"),
    }


def test_a_heading_with_its_fields_is_a_task(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "1. Chuyển đổi số",
            "1.1. Triển khai chữ ký số cho công chức phòng chuyên môn",
            "Chủ trì: Phòng Văn hóa và Thông tin",
            "Thời gian hoàn thành: Tháng 4/2026",
            "Ưu tiên các phòng giải quyết nhiều hồ sơ.",
            "1.2. Kết nối hệ thống quản lý văn bản với cấp tỉnh",
            "Thời gian hoàn thành: Quý III/2026",
        ],
    )
    found = {task.title: _time(plan, task) for task in plan.tasks}
    assert found == {
        "Triển khai chữ ký số cho công chức phòng chuyên môn": "Tháng 4/2026",
        "Kết nối hệ thống quản lý văn bản với cấp tỉnh": "Quý III/2026",
    }


def test_a_heading_with_a_lead_over_paragraphs_stays_a_section(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "1. Cải cách tổ chức bộ máy",
            "Chủ trì: Phòng Nội vụ",
            "Rà soát chức năng, nhiệm vụ của các phòng.",
            "Xây dựng đề án vị trí việc làm.",
        ],
    )
    titles = [task.title for task in plan.tasks]
    assert "Cải cách tổ chức bộ máy" not in titles
    assert "Rà soát chức năng, nhiệm vụ của các phòng." in titles
    assert all(_lead(plan, task) == "Phòng Nội vụ" for task in plan.tasks)


def test_emoji_before_a_kind_line_and_labels(tmp_path: Path) -> None:
    lines = [
        "UBND xã Hòa Tiến",
        "📢 KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "",
        "✅ Niêm yết thủ tục hành chính tại Bộ phận Một cửa.",
        "📌 Chủ trì: Công chức Văn phòng - Thống kê",
        "⏰ Thời gian: Quý I/2026",
        "#CCHC #HoaTien",
        "👍 12   💬 3 bình luận",
    ]
    plan = read_lines(tmp_path, lines)
    assert plan.title == "CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    (task,) = plan.tasks
    assert task.title == "Niêm yết thủ tục hành chính tại Bộ phận Một cửa."
    assert _lead(plan, task) == "Công chức Văn phòng - Thống kê"
    assert _time(plan, task) == "Quý I/2026"


def test_a_post_without_masthead_reads_its_issuer_from_the_text_with_low_confidence(tmp_path: Path) -> None:
    lines = [
        "UBND xã Hòa Tiến",
        "3 tháng 2 lúc 09:40",
        "📢 UBND XÃ HÒA TIẾN BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "Ngày 02/02/2026, UBND xã Hòa Tiến ban hành Kế hoạch số 12/KH-UBND về cải cách hành chính năm 2026.",
        "1️⃣ CÔNG KHAI THỦ TỤC",
        "👉 Niêm yết thủ tục hành chính tại Bộ phận Một cửa.",
        "📌 Chủ trì: Công chức Văn phòng - Thống kê",
    ]
    plan = read_lines(tmp_path, lines)
    assert plan.masthead is None  # the headline and the posting line are no masthead
    assert plan.issuer is not None
    assert "Hòa Tiến" in plan.issuer.label
    assert "📢" not in plan.issuer.label
    issuer = next(source for source in plan.sources if source.path == "$.issuer")
    assert issuer.confidence is not None
    assert issuer.confidence < Decimal("0.9")


def test_without_emoji_keeps_other_marks() -> None:
    assert without_emoji("📢📢 KẾ HOẠCH") == "KẾ HOẠCH"
    assert without_emoji("• KẾ HOẠCH") == "• KẾ HOẠCH"
    assert without_emoji("KẾ HOẠCH") == "KẾ HOẠCH"


def test_a_numbered_heading_over_duties_is_no_field_label(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        [
            "1. Cải cách thủ tục hành chính",
            "- Rà soát quy trình nội bộ giải quyết hồ sơ; thời gian: Quý II/2026.",
            "2. Phối hợp:",
            "- Phòng Tư pháp rà soát các văn bản quy phạm pháp luật của huyện trong năm.",
            "- Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
        ],
    )
    titles = [task.title for task in plan.tasks]
    assert "Phòng Tư pháp rà soát các văn bản quy phạm pháp luật của huyện trong năm." in titles
