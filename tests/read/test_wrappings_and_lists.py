"""Plans as they come wrapped and listed: forwarded e-mails, signature stamps, a page's source, checklists.

Each convention in small texts of its own, varied, with the cases where the reader must not apply it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import parplan
from parplan.read.envelope import unwrap
from parplan.read.formats.html import looks_like_html_source
from parplan.read.source import Line

HEAD = """ỦY BAN NHÂN DÂN
XÃ PHÚ LỘC
Số: 08/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Lộc, ngày 12 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ
1. Cải cách thủ tục hành chính
"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đinh Văn Quý
"""


def _read(text: str) -> parplan.Plan:
    reading = parplan.read_text(text, name="t.txt")
    assert reading.plan is not None, reading.doubts
    return reading.plan


def _fields(plan: parplan.Plan) -> list[tuple[str, list[str], list[str], str | None]]:
    result = []
    for task in plan.tasks:
        given = plan.responsibility_of(task)
        lead = given.lead if given is not None else None
        leads = [m.label for m in getattr(lead, "members", (lead,))] if lead is not None else []
        partners = [p.label for p in given.coordinating] if given is not None else []
        timeframe = plan.timeframe_of(task)
        result.append((task.title, leads, partners, timeframe.text if timeframe else None))
    return result


def _lines(*texts: str) -> list[Line]:
    return [Line(text=text, number=number) for number, text in enumerate(texts, start=1)]


# -- signature stamps -----------------------------------------------------------------------------------

STAMPS = [
    pytest.param(
        "Người ký: Ủy ban nhân dân xã\nPhú Lộc\nEmail: ubnd.phuloc@tinh.gov.vn\nCơ quan: Tỉnh Thừa Thiên Huế\n"
        "Thời gian ký: 14.01.2026\n10:05:31 +07:00\n",
        id="signer-email-agency-time-wrapped",
    ),
    pytest.param("Ký bởi: Ủy ban nhân dân xã Phú Lộc\nThời gian ký: 14-01-2026 10:05:31 +07:00\n", id="signed-by-time"),
    pytest.param("Signed by: UBND XA PHU LOC\nSigning time: 2026/01/14 10:05\n", id="english-labels"),
]


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_stamp_before_the_masthead_gives_no_field(stamp: str) -> None:
    body = "a) Niêm yết thủ tục hành chính (Văn phòng - Thống kê; quý I/2026).\n"
    reading = parplan.read_text(stamp + HEAD + body + TAIL, name="t.txt")
    plan = reading.plan
    assert plan is not None, reading.doubts
    assert plan.issued_on == date(2026, 1, 12)  # the plan's date line, not the signing time
    assert str(plan.symbol) == "08/KH-UBND"
    assert plan.issuer.name == "Ủy ban nhân dân xã Phú Lộc"
    assert plan.signature is not None
    assert plan.signature.name == "Đinh Văn Quý"
    assert not any("10:05" in task.title or "Email" in task.title for task in plan.tasks)
    assert any("signature stamp" in doubt for doubt in reading.doubts)  # set aside, and said so


def test_a_stamp_inside_the_signature_is_no_line_of_it() -> None:
    tail = "\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKý bởi: Hồ Thị Mai\nHồ Thị Mai\n"
    plan = _read(HEAD + "a) Rà soát quy chế làm việc (Văn phòng - Thống kê; quý II/2026).\n" + tail)
    assert plan.signature is not None
    assert plan.signature.name == "Hồ Thị Mai"
    assert [task.title for task in plan.tasks] == ["Rà soát quy chế làm việc."]


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(("Email: hotro@tinh.gov.vn", "Cơ quan: Sở Nội vụ"), id="contact-lines-without-a-signer"),
        pytest.param(("Người ký: Nguyễn Văn An", "Trích yếu: Kế hoạch"), id="metadata-signer-alone"),
        pytest.param(("Thời gian: quý I/2026", "Chủ trì: Văn phòng"), id="field-lines"),
    ],
)
def test_lines_that_are_no_stamp_stay(texts: tuple[str, ...]) -> None:
    kept, aside = unwrap(_lines(*texts))
    assert [line.text for line in kept] == list(texts)
    assert aside == []


# -- forwarded e-mails ----------------------------------------------------------------------------------

PLAN_LINES = [
    "ỦY BAN NHÂN DÂN",
    "XÃ PHÚ LỘC",
    "Số: 08/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Phú Lộc, ngày 12 tháng 01 năm 2026",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026",
    "",
    "I. NHIỆM VỤ",
    "1. Cải cách thủ tục hành chính",
    "a) Niêm yết thủ tục hành chính tại nhà văn hóa các thôn (Văn phòng - Thống kê; quý I/2026).",
    "b) Hướng dẫn người dân nộp hồ sơ trực tuyến (công chức Tư pháp - Hộ tịch; thường xuyên).",
    "",
    "Nơi nhận:",
    "- UBND huyện;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Đinh Văn Quý",
]
GMAIL = (
    "---------- Forwarded message ---------\nFrom: Văn thư xã <vanthu@phuloc.gov.vn>\n"
    "Date: Thu, Jan 15, 2026 at 9:12 AM\nSubject: KH CCHC 2026\nTo: <noivu@huyen.gov.vn>\n\n"
)
VIETNAMESE = (
    "Từ: Trần Thị Hoa <hoatt@huyen.gov.vn>\nNgày: 16/01/2026 07:55\nTới: cchc@tinh.gov.vn\n"
    "Chủ đề: Chuyển tiếp: Kế hoạch CCHC\n\nEm gửi chị kế hoạch của xã để tổng hợp.\n\n"
    "-------- Thư chuyển tiếp --------\nTừ: Văn thư xã <vanthu@phuloc.gov.vn>\nNgày: 15/01/2026\n"
    "Chủ đề: KH CCHC 2026\n\nGửi Phòng Nội vụ kế hoạch của xã.\n\n"
)


def _quoted(lines: list[str], marks: str) -> str:
    return "\n".join(f"{marks} {line}".rstrip() for line in lines) + "\n"


MAILS = [
    pytest.param(GMAIL + "\n".join(PLAN_LINES) + "\n\n--\nVăn thư xã Phú Lộc\n", id="gmail-inline"),
    pytest.param(VIETNAMESE + "\n".join(PLAN_LINES) + "\n", id="vietnamese-headers-twice-inline"),
    pytest.param(
        "From: Phòng Nội vụ <pnv@huyen.gov.vn>\nDate: 16/01/2026 08:00\nSubject: Fwd: KH\n\nChuyển các đồng chí.\n\n"
        + _quoted(PLAN_LINES, ">")
        + "\n--\nPhòng Nội vụ\n",
        id="quoted-once",
    ),
    pytest.param(
        "From: Phòng Nội vụ <pnv@huyen.gov.vn>\nDate: 16/01/2026 08:00\nSubject: Fwd: Fwd: KH\n\n"
        "> Chuyển tiếp kế hoạch đã ký.\n>\n" + _quoted(PLAN_LINES, "> >"),
        id="quoted-twice-with-a-note",
    ),
]


@pytest.mark.parametrize("mail", MAILS)
def test_a_forwarded_plan_is_read_as_the_plan(mail: str) -> None:
    plan = _read(mail)
    assert plan.issued_on == date(2026, 1, 12)  # not the mail's date
    assert str(plan.symbol) == "08/KH-UBND"
    assert plan.issuer.name == "Ủy ban nhân dân xã Phú Lộc"
    assert plan.signature is not None
    assert plan.signature.name == "Đinh Văn Quý"
    assert _fields(plan) == [
        ("Niêm yết thủ tục hành chính tại nhà văn hóa các thôn.", ["Văn phòng - Thống kê"], [], "quý I/2026"),
        ("Hướng dẫn người dân nộp hồ sơ trực tuyến.", ["công chức Tư pháp - Hộ tịch"], [], "thường xuyên"),
    ]


def test_a_mail_rewrapped_at_its_width_is_joined_back() -> None:
    quoted = [
        "> ỦY BAN NHÂN DÂN",
        "> XÃ PHÚ LỘC",
        "> KẾ HOẠCH",
        "> Cải cách hành chính năm 2026",
        "> Căn cứ Kế hoạch cải cách hành chính năm 2026 của UBND huyện, Ủy ban nhân",
        "> dân",
        "> xã Phú Lộc ban hành Kế hoạch cải cách hành chính năm 2026 của xã như sau:",
        "> I. NHIỆM VỤ",
        "> 1. Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính về hộ",
        "> tịch.",
        "> 2. Công khai kết quả giải quyết hồ sơ trên Trang thông tin điện tử của",
        "> xã.",
        "> TM. ỦY BAN NHÂN DÂN",
    ]
    kept, _ = unwrap(_lines("From: Văn thư <vt@x.gov.vn>", "Subject: KH", "", *quoted))
    texts = [line.text for line in kept]
    assert "Căn cứ Kế hoạch cải cách hành chính năm 2026 của UBND huyện, Ủy ban nhân dân" in texts
    assert "1. Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính về hộ tịch." in texts
    assert "I. NHIỆM VỤ" in texts  # an item's line is never a tail
    assert "ỦY BAN NHÂN DÂN" in texts


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(
            ("Từ: năm 2024 đến nay, xã đã triển khai tốt.", "Ngày: 15/3 tổ chức hội nghị."), id="prose-labels"
        ),
        pytest.param(("> Trích: Điều 5 Luật Tổ chức chính quyền địa phương",), id="one-quoted-line"),
        pytest.param(("Chủ đề năm 2026: Năm chuyển đổi số", "1. Rà soát thủ tục"), id="a-theme-line"),
    ],
)
def test_text_that_is_no_mail_is_left_as_it_is(texts: tuple[str, ...]) -> None:
    kept, aside = unwrap(_lines(*texts))
    assert [line.text for line in kept] == list(texts)
    assert aside == []


# -- a page's source pasted as text -----------------------------------------------------------------------

PAGE = (
    '<table style="width:100%"><tbody><tr><td><strong>ỦY BAN NHÂN DÂN<br />XÃ PHÚ LỘC</strong></td>\n'
    "<td><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br />Độc lập - Tự do - Hạnh phúc</strong></td></tr>\n"
    "<tr><td>Số: 08/KH-UBND</td><td><em>Phú Lộc, ngày 12 tháng 01 năm 2026</em></td></tr></tbody></table>\n"
    '<p style="text-align:center"><strong>KẾ HOẠCH</strong></p>\n'
    "<p><strong>Cải cách hành chính năm 2026</strong></p>\n<p>&nbsp;</p>\n"
    "<p><strong>I. NHIỆM VỤ</strong></p>\n<p>1. Cải cách thủ tục hành chính</p>\n"
    "<p>a) Triển khai mô hình &ldquo;Cà phê pháp luật&rdquo; tại các thôn (công chức Tư pháp - Hộ tịch;"
    " quý II/2026).</p>\n"
)


@pytest.mark.parametrize("prefix", ["", "\n\n", "\ufeff"])
def test_a_pages_source_pasted_as_text_is_read_as_the_page(prefix: str) -> None:
    plan = _read(prefix + PAGE + "<p>TM. ỦY BAN NHÂN DÂN</p>\n<p>CHỦ TỊCH</p>\n<p>Đinh Văn Quý</p>\n")
    assert str(plan.symbol) == "08/KH-UBND"
    assert _fields(plan) == [
        (
            "Triển khai mô hình “Cà phê pháp luật” tại các thôn.",
            ["công chức Tư pháp - Hộ tịch"],
            [],
            "quý II/2026",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("| UBND<br>XÃ A | CỘNG HÒA |\n| Số: 1 | A, ngày |\n", id="markdown-table-with-breaks"),
        pytest.param("KẾ HOẠCH\n<b>Cải cách</b>\n</b></i></u>\n", id="text-first"),
        pytest.param("<b>KẾ HOẠCH</b>\nCải cách hành chính\nnăm 2026\ncủa xã\n</b></i></u>", id="few-tagged-lines"),
        pytest.param("<p>Một đoạn</p>", id="one-end-tag"),
    ],
)
def test_text_holding_a_tag_is_no_page_source(text: str) -> None:
    assert not looks_like_html_source(text)


# -- definition lists, checklists, brackets and spaced fields ------------------------------------------------

BODIES = [
    pytest.param(
        "Rà soát thủ tục hành chính lĩnh vực hộ tịch\n\n"
        ":   Chủ trì: Công chức Tư pháp - Hộ tịch; phối hợp: Văn phòng -\n"
        "    Thống kê; thời hạn: quý I/2026.\n\nCông khai kết quả giải quyết hồ sơ\n\n"
        ":   Chủ trì: Văn phòng - Thống kê; thời hạn: hằng tháng.\n",
        [
            (
                "Rà soát thủ tục hành chính lĩnh vực hộ tịch",
                ["Công chức Tư pháp - Hộ tịch"],
                ["Văn phòng - Thống kê"],
                "quý I/2026",
            ),
            ("Công khai kết quả giải quyết hồ sơ", ["Văn phòng - Thống kê"], [], "hằng tháng"),
        ],
        id="definition-list",
    ),
    pytest.param(
        "☐  Rà soát thủ tục hành chính lĩnh vực hộ tịch  »  Công chức Tư pháp - Hộ tịch  »  Quý I/2026\n"
        "☑  Công khai kết quả giải quyết hồ sơ  »  Hằng tháng  »  Văn phòng - Thống kê\n",
        [
            ("Rà soát thủ tục hành chính lĩnh vực hộ tịch", ["Công chức Tư pháp - Hộ tịch"], [], "Quý I/2026"),
            ("Công khai kết quả giải quyết hồ sơ", ["Văn phòng - Thống kê"], [], "Hằng tháng"),
        ],
        id="checklist-told-by-content",
    ),
    pytest.param(
        "(Thứ tự ghi: nhiệm vụ → đơn vị chủ trì → đơn vị phối hợp → thời hạn)\n"
        "- [ ] Rà soát thủ tục hành chính lĩnh vực hộ tịch → Công chức Tư pháp - Hộ tịch → Văn phòng - Thống kê"
        " → Quý I/2026\n"
        "- [x] Tổ chức đối thoại với người dân về thủ tục đất đai → Công chức Địa chính → Công an xã → Quý III/2026\n",
        [
            (
                "Rà soát thủ tục hành chính lĩnh vực hộ tịch",
                ["Công chức Tư pháp - Hộ tịch"],
                ["Văn phòng - Thống kê"],
                "Quý I/2026",
            ),
            (
                "Tổ chức đối thoại với người dân về thủ tục đất đai",
                ["Công chức Địa chính"],
                ["Công an xã"],
                "Quý III/2026",
            ),
        ],
        id="checklist-in-the-order-a-note-gives",
    ),
    pytest.param(
        "a) [Văn phòng - Thống kê] Rà soát thủ tục hành chính lĩnh vực hộ tịch. – Hạn: quý I/2026.\n"
        "b) [Công chức Tư pháp - Hộ tịch; Công an xã] Hướng dẫn người dân đăng ký tài khoản định danh. – Thời hạn:"
        " tháng 6/2026.\n",
        [
            ("Rà soát thủ tục hành chính lĩnh vực hộ tịch.", ["Văn phòng - Thống kê"], [], "quý I/2026"),
            (
                "Hướng dẫn người dân đăng ký tài khoản định danh.",
                ["Công chức Tư pháp - Hộ tịch", "Công an xã"],
                [],
                "tháng 6/2026",
            ),
        ],
        id="bracketed-leads",
    ),
    pytest.param(
        "a) Rà soát thủ tục hành chính lĩnh vực hộ tịch.\n"
        "    Chủ trì: Văn phòng - Thống kê       Thời hạn: Quý I/2026\n"
        "b) Tổ chức đối thoại với người dân.\n"
        "\tChủ trì: Công an xã    Phối hợp: Đoàn Thanh niên    Thời gian: Tháng 5/2026\n",
        [
            ("Rà soát thủ tục hành chính lĩnh vực hộ tịch.", ["Văn phòng - Thống kê"], [], "Quý I/2026"),
            ("Tổ chức đối thoại với người dân.", ["Công an xã"], ["Đoàn Thanh niên"], "Tháng 5/2026"),
        ],
        id="fields-apart-by-spaces",
    ),
]


@pytest.mark.parametrize(("body", "wanted"), BODIES)
def test_tasks_and_their_fields(body: str, wanted: list[tuple[str, list[str], list[str], str]]) -> None:
    assert _fields(_read(HEAD + body + TAIL)) == wanted


@pytest.mark.parametrize(
    ("body", "title"),
    [
        pytest.param(
            "a) [1] Rà soát văn bản quy phạm pháp luật của xã.\n",
            "[1] Rà soát văn bản quy phạm pháp luật của xã.",
            id="footnote-bracket",
        ),
        pytest.param(
            "☐  Tuyên truyền  »  hướng dẫn  »  hỗ trợ người dân\n",
            "Tuyên truyền » hướng dẫn » hỗ trợ người dân",
            id="separated-words-no-fields",
        ),
    ],
)
def test_brackets_and_separators_that_give_no_field(body: str, title: str) -> None:
    plan = _read(HEAD + body + TAIL)
    assert [task.title for task in plan.tasks] == [title]
    assert plan.responsibility_of(plan.tasks[0]) is None


def test_an_order_note_is_no_task() -> None:
    plan = _read(
        HEAD + "(Ghi theo thứ tự: nhiệm vụ » bộ phận phụ trách » thời hạn)\n"
        "☐  Rà soát thủ tục hành chính  »  Văn phòng - Thống kê  »  Quý I/2026\n" + TAIL
    )
    assert [task.title for task in plan.tasks] == ["Rà soát thủ tục hành chính"]


# -- the masthead ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("masthead", "issuer", "symbol"),
    [
        (
            (
                "BHXH TỈNH THANH HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "BẢO HIỂM XÃ HỘI\tĐộc lập - Tự do - Hạnh phúc\nHUYỆN NGA SƠN\n"
                "Số: 04 /KH-BHXH\tNga Sơn, ngày 12 tháng 01 năm 2026\n"
            ),
            "Bảo hiểm xã hội huyện Nga Sơn",
            "04/KH-BHXH",
        ),
        (
            (
                "KHO BẠC NHÀ NƯỚC TỈNH LÂM ĐỒNG\nKHO BẠC NHÀ NƯỚC HUYỆN ĐẠ TẺH\nSố:  07 /KH-KBĐT\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐạ Tẻh, ngày 12 tháng 01 năm 2026\n"
            ),
            "Kho bạc nhà nước huyện Đạ Tẻh",
            "07/KH-KBĐT",
        ),
    ],
)
def test_an_office_under_a_central_agencys_province_office(masthead: str, issuer: str, symbol: str) -> None:
    body = "\nKẾ HOẠCH\nCải cách hành chính năm 2026\n\nI. NHIỆM VỤ\n1. Rà soát quy trình tiếp nhận hồ sơ.\n"
    plan = _read(masthead + body + "\nGIÁM ĐỐC\nLê Văn Hòa\n")
    assert plan.issuer.name.lower() == issuer.lower()
    assert str(plan.symbol) == symbol


def test_a_sure_bracket_lead_is_read_at_its_slots_confidence() -> None:
    reading = parplan.read_text(
        HEAD + "a) [Văn phòng - Thống kê] Rà soát thủ tục hành chính lĩnh vực hộ tịch. – Hạn: quý I/2026.\n" + TAIL,
        name="t.txt",
    )
    assert reading.plan is not None
    found = {s.path: s.confidence for s in reading.plan.sources if s.path.startswith("$.tasks[0].")}
    assert found["$.tasks[0].responsibility"] is not None
    assert found["$.tasks[0].responsibility"] >= Decimal("0.9")
    assert found["$.tasks[0].timeframe"] is not None
    assert found["$.tasks[0].timeframe"] >= Decimal("0.9")


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param(
            "  -------------------------------- --------------------------------\n"
            "  *Nơi nhận:*                      **TM. ỦY BAN NHÂN DÂN**\\\n"
            "  \\- UBND huyện;                   **CHỦ TỊCH**\n"
            "  \\- Lưu: VT.\n\n"
            "                                   **Đinh Văn Quý**\n"
            "  -------------------------------- --------------------------------\n",
            id="pandoc-simple-table-without-header",
        ),
        pytest.param(
            "  ================================ ================================\n"
            "  *Nơi nhận:*                      TM. ỦY BAN NHÂN DÂN\n"
            "  - UBND huyện;                    CHỦ TỊCH\n"
            "  - Lưu: VT.                       Đinh Văn Quý\n"
            "  ================================ ================================\n",
            id="restructuredtext-simple-table",
        ),
    ],
)
def test_recipients_beside_the_signature_in_a_converters_plain_table(closing: str) -> None:
    plan = _read(HEAD + "a) Rà soát quy chế làm việc (Văn phòng - Thống kê; quý II/2026).\n\n" + closing)
    assert plan.signature is not None
    assert plan.signature.name == "Đinh Văn Quý"
    assert plan.signature.position == "CHỦ TỊCH"
    assert [task.title for task in plan.tasks] == ["Rà soát quy chế làm việc."]


def test_lines_shaped_as_mail_headers_inside_a_plan_are_the_plans() -> None:
    body = (
        "a) Rà soát quy chế làm việc (Văn phòng - Thống kê; quý II/2026).\n"
        "Mọi góp ý gửi về:\nTừ: Văn phòng - Thống kê <vpxa@phuloc.gov.vn>\nChủ đề: Góp ý kế hoạch\n"
        "b) Công khai thủ tục hành chính (công chức Tư pháp - Hộ tịch; thường xuyên).\n"
    )
    texts = (HEAD + body + TAIL).splitlines()
    kept, aside = unwrap(_lines(*texts))
    assert [line.text for line in kept] == texts
    assert aside == []
    plan = _read(HEAD + body + TAIL)
    assert plan.issued_on == date(2026, 1, 12)
    assert plan.signature is not None
    assert plan.signature.name == "Đinh Văn Quý"
