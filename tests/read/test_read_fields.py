"""The reader field by field, on small documents written for each case, and where it must doubt or stay silent."""

from __future__ import annotations

from datetime import date

import pytest

import parplan
from parplan.errors import ReadError
from parplan.org import UnitKind
from parplan.read.formats.text import decode, legacy_encoding

PLAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH\tĐộc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND\tAn Bình, ngày 05 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024

Căn cứ Kế hoạch số 210/KH-UBND ngày 20/12/2023 của UBND huyện Đông Sơn về cải cách hành chính năm 2024;

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao chất lượng giải quyết thủ tục hành chính.
2. Yêu cầu
- Mỗi nhiệm vụ có người chủ trì và thời hạn.

II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
a) Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa. Văn phòng - Thống kê chủ trì; thời gian: Quý I/2024.
b) Khảo sát sự hài lòng của người dân.
2. Cải cách tài chính công
Công khai dự toán ngân sách xã năm 2024.
Phân công trách nhiệm: Tài chính - Kế toán chủ trì. Thời gian: trước ngày 31/3/2024.

III. TỔ CHỨC THỰC HIỆN
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo UBND xã (qua Văn phòng) để xem xét./.

Nơi nhận:
- Phòng Nội vụ huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Trần Văn Nam

PHỤ LỤC
TT\tNhiệm vụ\tSản phẩm\tChủ trì\tPhối hợp\tThời gian\tKinh phí (triệu đồng)
I\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t\t\t
1\tSố hóa hồ sơ thủ tục hành chính\tHồ sơ số hóa\tBộ phận Một cửa\tVăn phòng - Thống kê\tHằng tháng\t12
"""


@pytest.fixture(scope="module")
def plan() -> parplan.Plan:
    reading = parplan.read_text(PLAN, name="an-binh.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def test_head(plan: parplan.Plan) -> None:
    assert plan.title == "Cải cách hành chính năm 2024"
    assert plan.year == 2024
    assert plan.unit.kind is UnitKind.COMMUNE
    assert plan.unit.name == "An Bình"
    assert str(plan.symbol) == "12/KH-UBND"
    assert plan.place == "An Bình"
    assert plan.issued_on == date(2024, 1, 5)
    assert plan.implements[0].symbol is not None
    assert str(plan.implements[0].symbol) == "210/KH-UBND"


def test_purposes_and_requirements(plan: parplan.Plan) -> None:
    assert plan.purposes == ("Nâng cao chất lượng giải quyết thủ tục hành chính.",)
    assert plan.requirements == ("Mỗi nhiệm vụ có người chủ trì và thời hạn.",)


def test_body_tasks(plan: parplan.Plan) -> None:
    first = plan.get_task("II.1.a")
    assert first is not None
    assert first.title == "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa."
    assert first.lead is not None
    assert first.lead.label == "Văn phòng - Thống kê"
    assert first.timeframe is not None
    assert first.timeframe.text == "Quý I/2024"
    second = plan.get_task("II.1.b")
    assert second is not None
    assert second.lead is None  # nobody is named: nobody is invented
    assert second.timeframe is None


def test_group_responsibility_is_inherited(plan: parplan.Plan) -> None:
    task = plan.get_task("II.2")
    assert task is not None
    assert task.responsibility is None
    responsibility = plan.responsibility_of(task)
    assert responsibility is not None
    assert responsibility.lead is not None
    assert responsibility.lead.label == "Tài chính - Kế toán"
    timeframe = plan.timeframe_of(task)
    assert timeframe is not None
    assert timeframe.latest == date(2024, 3, 31)


def test_appendix_row(plan: parplan.Plan) -> None:
    task = plan.get_task("pl-1")
    assert task is not None
    assert task.title == "Số hóa hồ sơ thủ tục hành chính"
    assert task.outputs == ("Hồ sơ số hóa",)
    assert task.budget is not None
    assert task.budget.amount == 12_000_000
    assert task.source is not None
    assert task.source.row == "3"  # the header is row 1, the group row 2


def test_tail(plan: parplan.Plan) -> None:
    assert plan.signature is not None
    assert plan.signature.name == "Trần Văn Nam"
    assert plan.signature.position == "CHỦ TỊCH"
    assert plan.recipients == ("Phòng Nội vụ huyện;", "Lưu: VT.")
    assert plan.closing is not None
    assert plan.closing.startswith("Trong quá trình thực hiện")


def test_every_field_has_a_source(plan: parplan.Plan) -> None:
    paths = {source.path for source in plan.sources}
    for path in ("$.title", "$.issuer", "$.unit", "$.symbol", "$.place", "$.issued_on", "$.signature"):
        assert path in paths
    for source in plan.sources:
        assert source.confidence is not None
        assert 0 <= source.confidence <= 1


def test_an_unreadable_time_is_a_doubt_not_a_guess() -> None:
    text = PLAN.replace("thời gian: Quý I/2024.", "thời gian: ???.")
    reading = parplan.read_text(text)
    assert reading.plan is not None
    task = reading.plan.get_task("II.1.a")
    assert task is not None
    assert task.timeframe is None
    [source] = [s for s in reading.plan.sources if s.path == "$.tasks[0].timeframe"]
    assert source.doubts
    assert source.written == "???"  # as written, without the sentence's stop


def test_kt_without_tm_is_doubted() -> None:
    text = PLAN.replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    reading = parplan.read_text(text)
    assert any("KT." in doubt for doubt in reading.doubts)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Xin chào",
        "Danh sách học sinh lớp 5A\n1. Nguyễn Văn A\n2. Trần Thị B\n",
        "BIÊN BẢN HỌP\nHôm nay ngày 5/1/2024 chúng tôi họp.",
        "\x00\x01\x02" * 50,
        "- " * 5000,
        "I. " * 3000,
    ],
)
def test_not_a_plan(text: str) -> None:
    reading = parplan.read_text(text)
    assert reading.plan is None
    assert reading.doubts


def test_hostile_text_never_raises() -> None:
    pieces = [
        "KẾ HOẠCH",
        "I.",
        "1.",
        "a)",
        "-",
        "+",
        "Số: /KH-",
        "ngày 31 tháng 2 năm 2024",
        "\t|\t",
        "TM.",
        "Nơi nhận:",
    ]
    text = "\n".join(pieces[i % len(pieces)] * (i % 3 + 1) for i in range(400))
    parplan.read_text(text)


def test_utf8_bom_and_utf16() -> None:
    assert decode("KẾ HOẠCH".encode("utf-8-sig"))[0] == "KẾ HOẠCH"
    assert decode("KẾ HOẠCH".encode("utf-16"))[0] == "KẾ HOẠCH"


def test_legacy_encodings_are_refused_with_the_way_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc KÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2021"
    assert legacy_encoding(tcvn3) == "TCVN3"
    path = tmp_path / "old.txt"
    path.write_bytes(tcvn3.encode("cp1252"))
    with pytest.raises(ReadError, match="TCVN3"):
        parplan.read(path)
    vni = (
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñoäc laäp - Töï do - Haïnh phuùc, Keá hoaïch caûi caùch haønh chính"
    )
    assert legacy_encoding(vni) == "VNI"
    reading = parplan.read_text(vni)
    assert reading.plan is None
    assert "VNI" in reading.doubts[0]


def test_signs_of_legacy_encodings_in_unicode_text_are_themselves() -> None:
    """A portal's breadcrumb ("Trang chủ » Văn bản") and «quotes» in a Unicode plan are not TCVN3."""
    copied = "Trang chủ » Văn bản » Cải cách hành chính\n«Tin nổi bật» · © Cổng thông tin · §\n" + PLAN
    assert legacy_encoding(copied) is None
    reading = parplan.read_text(copied)
    assert reading.plan is not None
    plain = parplan.read_text(PLAN).plan
    assert plain is not None
    assert [(t.title, t.responsibility, t.timeframe) for t in reading.plan.tasks] == [
        (t.title, t.responsibility, t.timeframe) for t in plain.tasks
    ]
    mixed = "Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc KÕ ho¹ch n¨m 2021 (Cộng hòa)"
    assert legacy_encoding(mixed) == "TCVN3"  # a legacy text with a Unicode word or two is still legacy


def test_crlf_and_control_characters() -> None:
    reading = parplan.read_text(PLAN.replace("\n", "\r\n").replace("Cải cách", "Cải\x07 cách", 1))
    assert reading.plan is not None
    assert reading.plan.title == "Cải cách hành chính năm 2024"


def test_reading_round_trips() -> None:
    reading = parplan.read_text(PLAN, name="an-binh.txt")
    again = parplan.loads(parplan.dumps(reading), kind=parplan.Reading)
    assert again == reading
