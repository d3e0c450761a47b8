"""Text hard-wrapped at a fixed width, a legal database's run-together metadata, and plans that change a plan."""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

import pytest

import parplan
from parplan.read.amendments import amendment
from parplan.read.layout import read_tail
from parplan.read.lines import Grid, TextLine, blocks

_PROSE = (
    "Thực hiện Kế hoạch của UBND huyện về cải cách hành chính, UBND xã ban hành Kế hoạch thực hiện như sau, "
    "bảo đảm đúng tiến độ, rõ người, rõ việc, rõ trách nhiệm của từng công chức chuyên môn của xã."
)


def _lines(paragraphs: list[str], width: int) -> list[TextLine]:
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False))
    return [TextLine(text, number) for number, text in enumerate(out, 1)]


def _rows(lines: list[TextLine]) -> list[list[str]]:
    grids = [block for block in blocks(lines) if isinstance(block, Grid)]
    assert len(grids) == 1
    return [[cell.text for cell in row] for row in grids[0].rows]


_TABLE = [
    "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |",
    "| 1 | Cập nhật quy trình nội bộ giải quyết thủ tục hành chính của xã | Văn phòng - Thống kê | Quý II/2026 |",
    "| 2 | Tập huấn kỹ năng số | Tư pháp - Hộ tịch | Tháng 5/2026 |",
    "| 3 | Khảo sát mức độ hài lòng của người dân đối với Bộ phận Một cửa | Văn hóa - Xã hội | Quý III/2026 |",
]


@pytest.mark.parametrize("width", [52, 58, 66, 74])
def test_rows_cut_at_the_width_are_whole_again(width: int) -> None:
    rows = _rows(_lines([_PROSE, _PROSE, *_TABLE, _PROSE], width))
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"]
    assert [row[1] for row in rows[1:]] == [
        "Cập nhật quy trình nội bộ giải quyết thủ tục hành chính của xã",
        "Tập huấn kỹ năng số",
        "Khảo sát mức độ hài lòng của người dân đối với Bộ phận Một cửa",
    ]
    assert [row[3] for row in rows[1:]] == ["Quý II/2026", "Tháng 5/2026", "Quý III/2026"]


def test_rows_of_text_not_wrapped_read_as_before() -> None:
    """Without a wrap width a short row (a group row with two cells) is never joined with the next one."""
    table = [*_TABLE[:2], "| II | NHÓM NHIỆM VỤ KHÁC |", *_TABLE[2:]]
    lines = [TextLine(text, number) for number, text in enumerate(["I. NHIỆM VỤ", *table], 1)]
    rows = _rows(lines)
    assert ["II", "NHÓM NHIỆM VỤ KHÁC"] in rows
    assert len(rows) == 5


def test_a_closed_short_row_in_wrapped_text_stays_whole() -> None:
    """A row that closes its bars short of the width is whole, even with fewer cells than the header."""
    table = [*_TABLE[:2], "| II | Nhóm khác |", *_TABLE[2:]]
    rows = _rows(_lines([_PROSE, _PROSE, *table, _PROSE], 60))
    assert ["II", "Nhóm khác"] in rows


_AMENDED = """ỦY BAN NHÂN DÂN
XÃ PHÚ LỘC
Số: 71/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Lộc, ngày 20 tháng 6 năm 2025

KẾ HOẠCH
Điều chỉnh Kế hoạch cải cách hành chính năm 2025

I. NỘI DUNG ĐIỀU CHỈNH
1. Nhiệm vụ “Cập nhật danh mục thủ tục hành chính tại Bộ phận Một cửa” (điểm b khoản 2 Mục II): điều chỉnh \
thời gian từ “Quý I/2025” thành “Quý III/2025”; cơ quan chủ trì: Văn phòng - Thống kê (giữ nguyên).
2. Bổ sung nhiệm vụ: “Hướng dẫn người dân cài đặt ứng dụng định danh điện tử”. Chủ trì: Công an xã; \
thời gian: tháng 8/2025.
3. Không thực hiện nhiệm vụ “Tổ chức hội thi cải cách hành chính cấp xã” (khoản 4 Mục II).
4. Tổ chức hội nghị “Dân vận khéo” trong giải quyết thủ tục hành chính. Chủ trì: Văn phòng - Thống kê; \
thời gian: Quý IV/2025.

Nơi nhận:
- UBND huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Hà Văn Tâm
"""


def test_an_adjustment_plan_reads_changed_added_and_dropped_tasks() -> None:
    reading = parplan.read_text(_AMENDED, name="t.txt")
    plan = reading.plan
    assert plan is not None
    titles = [task.title.rstrip(".") for task in plan.tasks]
    assert titles == [
        "Cập nhật danh mục thủ tục hành chính tại Bộ phận Một cửa",
        "Hướng dẫn người dân cài đặt ứng dụng định danh điện tử",
        "Tổ chức hội nghị “Dân vận khéo” trong giải quyết thủ tục hành chính",
    ]
    changed, added, _ = plan.tasks
    assert (changed.timeframe.text if changed.timeframe else None) == "Quý III/2025"  # the new time, not the old
    responsibility = plan.responsibility_of(changed)
    assert responsibility is not None
    assert responsibility.lead is not None
    assert responsibility.lead.label == "Văn phòng - Thống kê"
    assert added.lead is not None
    assert added.lead.label == "Công an xã"
    # the dropped task is no task, and not lost: an unplaced line and a doubt name it
    assert any("Tổ chức hội thi cải cách hành chính cấp xã" in line.text for line in reading.unplaced)
    assert any("dropped" in doubt and "hội thi" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize(
    ("text", "change", "title"),
    [
        (
            "Điều chỉnh nhiệm vụ “Tập huấn nghiệp vụ” thành: «Tập huấn nghiệp vụ số hóa»; thời gian: Quý IV/2026.",
            "changed",
            "Tập huấn nghiệp vụ số hóa",
        ),
        (
            "Nhiệm vụ “Số hóa sổ hộ tịch”: giao Phòng Tư pháp chủ trì thay cho Văn phòng; thời gian: Tháng 9/2026.",
            "changed",
            "Số hóa sổ hộ tịch",
        ),
        (
            "Bổ sung nhiệm vụ “Khảo sát sự hài lòng của người dân”. Chủ trì: Văn phòng.",
            "added",
            "Khảo sát sự hài lòng của người dân",
        ),
        ("Bãi bỏ nhiệm vụ “Xây dựng phần mềm riêng”.", "dropped", "Xây dựng phần mềm riêng"),
        (
            "Nhiệm vụ “Kiểm tra công vụ tại các thôn” (điểm d khoản 1 Mục II) thôi thực hiện.",
            "dropped",
            "Kiểm tra công vụ tại các thôn",
        ),
    ],
)
def test_amended_items(text: str, change: str, title: str) -> None:
    found = amendment(text)
    assert found is not None
    assert (found.change, found.title) == (change, title)


def test_amended_fields_keep_the_new_values_only() -> None:
    found = amendment(
        "Nhiệm vụ “Số hóa sổ hộ tịch”: giao Phòng Tư pháp chủ trì thay cho Văn phòng; thời gian: Tháng 9."
    )
    assert found is not None
    assert "Văn phòng;" not in found.fields
    assert found.fields.startswith("Chủ trì: Phòng Tư pháp")


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức hội nghị “Dân vận khéo” cấp xã.",
        "Tuyên truyền về “Ngày Chuyển đổi số quốc gia” trên hệ thống loa truyền thanh.",
        "Rà soát thủ tục hành chính; bãi bỏ các thủ tục không cần thiết.",
    ],
)
def test_a_quotation_inside_a_task_is_no_amendment(text: str) -> None:
    assert amendment(text) is None


_DATABASE = """Kế hoạch 09/KH-UBND năm 2026 cải cách hành chính xã Tân Hòa
Văn bản gốcTiếng AnhLược đồTải về
Vui lòng đăng nhập tài khoản để xem toàn văn và tải về văn bản.
Số hiệu:09/KH-UBNDLoại văn bản:Kế hoạchNơi ban hành:Tỉnh Vĩnh LongNgười ký:Nguyễn Văn Bé
Ngày ban hành:05/01/2026Ngày hiệu lực:Đã biếtTình trạng:Đã biết
ỦY BAN NHÂN DÂN
XÃ TÂN HÒA
Số: 09/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Hòa, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ
1. Rà soát quy trình nội bộ giải quyết thủ tục hành chính. Chủ trì: Văn phòng - Thống kê; thời gian: Quý I/2026.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn Bé
"""


def test_run_together_metadata_is_set_aside() -> None:
    reading = parplan.read_text(_DATABASE, name="t.txt")
    plan = reading.plan
    assert plan is not None
    assert plan.issuer.label.endswith("Tân Hòa")
    assert plan.title == "Cải cách hành chính năm 2026"
    aside = [line.text for line in reading.unplaced]
    assert any(text.startswith("Số hiệu:09/KH-UBND") for text in aside)
    assert "Văn bản gốcTiếng AnhLược đồTải về" in aside
    # the database's lines are the page's, not lines the reader could not place: no doubt about the layout
    assert not any("layouts the reader knows" in doubt for doubt in reading.doubts)


def test_a_wrapped_recipients_and_signature_row_is_rejoined() -> None:
    row = (
        "Nơi nhận: - UBND huyện; - Đảng ủy, HĐND xã; - Các ban, ngành, đoàn thể xã; - Lưu: VT. | "
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Mai |"
    )
    tail, _ = read_tail(_lines([row], 56))
    assert tail.signature is not None
    assert tail.signature.name == "Trần Thị Mai"
    assert tail.signature.position == "PHÓ CHỦ TỊCH"


def test_a_tail_of_short_bar_lines_is_left_alone() -> None:
    lines = [TextLine(text, n) for n, text in enumerate(["Nơi nhận: |", "- UBND huyện; |", "- Lưu: VT. |"], 1)]
    tail, _ = read_tail(lines)
    assert tail.signature is None


def _amendment_cases() -> list[dict[str, object]]:
    path = Path(__file__).parents[1] / "cases" / "amendments.toml"
    cases: list[dict[str, object]] = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    return cases


@pytest.mark.parametrize("case", _amendment_cases())
def test_amendment_cases(case: dict[str, object]) -> None:
    found = amendment(str(case["text"]))
    if case.get("amendment") is False:
        assert found is None
        return
    assert found is not None
    assert (found.title, found.change) == (case["title"], case["change"])
    if "fields" in case:
        assert found.fields == case["fields"]
