"""Make the synthetic plans whose appendix table reached text as a PDF extractor gives it without layout.

Run by hand (``python make_pdf_cell_tables.py``) to remake the four ``*-phu-luc-pdf-*`` plans and their
labels. The tables are written here cell by cell; the text is what ``pdftotext`` without ``-layout``
(or a legal database's copy of a PDF) gives of such a table: the header's names wrapped inside their
columns, then each row's cells one after another in the columns' order, each cell's lines as its
column wrapped them; the row's number opening its task's cell (or on its own line for a number
column); a group's name in a merged first column or as a row of its own; the last line of one cell
and the first of the next run together on one line where they shared a baseline; a page number and
the header again at a page break, between rows or inside a tall row (whose cells then go on, each
column's rest in turn, after the header). The labels are the table as written, not as extracted.
"""

# ruff: noqa: E501 - a plan's lines are as long as the plan writes them
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Row:
    """A task row: its cells by role, and how the extraction treats it."""

    title: str
    lead: list[str]
    time: str
    partners: str = ""
    output: str = ""
    joined: tuple[str, str] | None = None  # two roles whose cells run together on one line
    split: int = 0  # a page break after this many lines of the row (0: none)
    break_before: bool = False  # a page break before the row


@dataclass
class Group:
    """A group of rows: its Roman number and its name."""

    number: str
    name: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Plan:
    """A plan: its body (text) and its appendix's columns, widths and groups."""

    name: str
    body: str
    labels: str  # the [document] and [signature] tables of the labels
    heads: list[tuple[str, str, int]]  # role, name, width
    groups: list[Group]
    spaced: bool = False  # an empty line after every line (a PDF's line spacing)
    number_column: bool = False  # "STT" column: the number on its own line
    group_column: bool = False  # the group's name in the first column (merged)
    title: str = "PHỤ LỤC"
    subtitle: str = ""  # the appendix's own title under "PHỤ LỤC"
    attached: str = ""  # "(Kèm theo Kế hoạch số … ngày … của …)"


def _wrap(text: str, width: int) -> list[str]:
    """A cell's lines: each of its paragraphs (parted by a line break) wrapped at its column's width."""
    return [line for paragraph in text.split("\n") for line in textwrap.wrap(paragraph, width)] or [""]


def _label(text: str) -> str:
    return text.replace("\n", " ")


def _cell_text(row: Row, role: str) -> str:
    return {
        "title": row.title,
        "lead": "; ".join(row.lead),
        "partners": row.partners,
        "time": row.time,
        "output": row.output,
    }.get(role, "")


def _header_lines(plan: Plan) -> list[str]:
    lines: list[str] = []
    for _, name, width in plan.heads:
        lines.extend(_wrap(name, max(width - 4, 8)))
    return lines


def _row_cells(plan: Plan, row: Row, number: int) -> list[tuple[str, list[str]]]:
    cells: list[tuple[str, list[str]]] = []
    for role, _, width in plan.heads:
        if role in {"number", "general"}:
            continue
        text = _cell_text(row, role)
        if role == "title" and not plan.number_column:
            text = f"{number}. {text}"
        if text:
            cells.append((role, _wrap(text, width)))
    return cells


def _row_lines(plan: Plan, row: Row, number: int) -> tuple[list[str], list[str]]:
    """The row's lines before a page break inside it and after it."""
    cells = _row_cells(plan, row, number)
    before: list[str] = [str(number)] if plan.number_column else []
    after: list[str] = []
    for index, (role, lines) in enumerate(cells):
        head, rest = (lines[: row.split], lines[row.split :]) if row.split else (lines, [])
        if row.joined and role == row.joined[1] and before and cells[index - 1][0] == row.joined[0]:
            before[-1] = f"{before[-1]} {head[0]}"
            head = head[1:]
        before.extend(head)
        after.extend(rest)
    return before, after


def _page(plan: Plan, page: int) -> list[str]:
    return ["", str(page), "", *_header_lines(plan)]


def table(plan: Plan) -> list[str]:
    """The appendix as the extraction gives it."""
    lines = [plan.title, plan.subtitle, plan.attached, "", *_header_lines(plan)]
    page = 2
    number = 0
    for group in plan.groups:
        if plan.group_column:
            lines.extend(_wrap(f"{group.number}. {group.name}", plan.heads[0][2]))
        else:
            lines.extend([group.number, group.name] if plan.number_column else [f"{group.number}. {group.name}"])
        for row in group.rows:
            number += 1
            if row.break_before:
                lines.extend(_page(plan, page))
                page += 1
            before, after = _row_lines(plan, row, number)
            lines.extend(before)
            if after:
                lines.extend(_page(plan, page))
                page += 1
                lines.extend(after)
    if plan.spaced:
        return [part for line in lines for part in (line, "")]
    return lines


def labels(plan: Plan) -> str:
    """The plan's labels: its document, its signature, its appendix's tasks."""
    out = [plan.labels.strip(), ""]
    number = 0
    for group in plan.groups:
        for row in group.rows:
            number += 1
            out += [
                "[[task]]",
                f'id = "PL.{number}"',
                f'section = "PL.{group.number}"',
                f'title = "{_label(row.title)}"',
                "lead = [" + ", ".join(f'"{lead}"' for lead in row.lead) + "]",
                f'partners = ["{row.partners}"]' if row.partners else "partners = []",
                f'timeframe = "{_label(row.time)}"',
                *([f'output = "{_label(row.output)}"'] if row.output else []),
                'source = "appendix"',
                "",
            ]
    heads = ", ".join(f'"{name}"' for _, name, _ in plan.heads)
    tasks = sum(len(group.rows) for group in plan.groups)
    out += ["[[appendix]]", f'title = "{plan.title} {plan.subtitle}"', f"columns = [{heads}]", f"rows = {tasks}", ""]
    return "\n".join(out)


def write(plan: Plan) -> None:
    """Write ``NAME.txt`` and ``NAME.expected.toml``."""
    text = plan.body.rstrip("\n") + "\n\n" + "\n".join(table(plan)).rstrip("\n") + "\n"
    (HERE / f"{plan.name}.txt").write_text(text, encoding="utf-8")
    (HERE / f"{plan.name}.expected.toml").write_text(labels(plan), encoding="utf-8")


XA_BODY = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 18/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Lập, ngày 12 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính xã Tân Lập năm 2024

Căn cứ Kế hoạch số 95/KH-UBND ngày 22/12/2023 của UBND huyện Đồng Phú về cải cách hành chính năm 2024;
Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2024 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng giải quyết thủ tục hành chính và sự hài lòng của người dân.

II. NHIỆM VỤ
Các nhiệm vụ, sản phẩm, đơn vị chủ trì, phối hợp và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch này.

III. TỔ CHỨC THỰC HIỆN
Công chức Văn phòng - Thống kê theo dõi, tổng hợp kết quả thực hiện Kế hoạch.

Nơi nhận:
- UBND huyện;
- Phòng Nội vụ huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Lực
"""

XA_LABELS = """# Ground truth for xa-2024-phu-luc-pdf-nhiem-vu-chung.txt (form: README.md).
# Layout: typed body; the appendix table as a PDF extractor gives it without layout (made by
# make_pdf_cell_tables.py): an empty line after every line, a "Nhiệm vụ chung" column holding each
# group's name, tasks numbered in their cell, a product cell with its own numbered list, cells of one
# baseline run together, a page number and the header again between rows and inside a tall row.

[document]
kind = "annual_plan"
level = "xa"
tier = "three_tier"
issuer = "UBND xã Tân Lập"
issuer_lines = ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]
parent = "huyện Đồng Phú"
number = "18/KH-UBND"
place = "Tân Lập"
date = "2024-01-12"
title = "Cải cách hành chính xã Tân Lập năm 2024"
year = 2024

[signature]
lines = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Lực"]
authority = ["TM"]
body = "ỦY BAN NHÂN DÂN"
signer_title = "CHỦ TỊCH"
name = "Trần Văn Lực"
"""

XA = Plan(
    subtitle="NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    attached="(Kèm theo Kế hoạch số 18/KH-UBND ngày 12/01/2024 của UBND xã Tân Lập)",
    name="xa-2024-phu-luc-pdf-nhiem-vu-chung",
    body=XA_BODY,
    labels=XA_LABELS,
    heads=[
        ("general", "Nhiệm vụ chung", 14),
        ("title", "Nhiệm vụ cụ thể", 32),
        ("output", "Kết quả đầu ra", 24),
        ("lead", "Đơn vị chủ trì", 16),
        ("partners", "Đơn vị phối hợp", 17),
        ("time", "Thời gian hoàn thành", 16),
    ],
    spaced=True,
    group_column=True,
    groups=[
        Group(
            "I",
            "Cải cách thể chế",
            [
                Row(
                    "Rà soát các quyết định do UBND xã ban hành còn hiệu lực, đề xuất sửa đổi những quy định"
                    " không còn phù hợp",
                    ["Công chức Tư pháp - Hộ tịch"],
                    "Quý II/2024",
                    partners="Các ban, ngành, đoàn thể xã",
                    output="1. Danh mục quyết định cần sửa đổi.\n2. Báo cáo kết quả rà soát.",
                ),
                Row(
                    "Tổ chức tuyên truyền các văn bản pháp luật mới đến các thôn",
                    ["Công chức Văn hóa - Xã hội"],
                    "Hằng quý",
                    partners="Trưởng các thôn",
                    output="Các buổi tuyên truyền tại nhà văn hóa thôn",
                ),
            ],
        ),
        Group(
            "II",
            "Cải cách thủ tục hành chính",
            [
                Row(
                    "Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa của xã và trên trang"
                    " thông tin điện tử xã",
                    ["Công chức Văn phòng - Thống kê"],
                    "Thường xuyên",
                    partners="Công chức chuyên môn",
                    output="Bảng niêm yết thủ tục hành chính được cập nhật",
                    break_before=True,
                ),
                Row(
                    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực thuộc lĩnh vực hộ tịch và"
                    " chứng thực của xã từ năm 2015 đến nay",
                    ["Công chức Tư pháp - Hộ tịch"],
                    "Trước ngày 30/11/2024",
                    partners="Bưu điện văn hóa xã",
                    output="1. Kho dữ liệu hồ sơ đã số hóa.\n2. Báo cáo tiến độ số hóa hằng tháng gửi UBND xã.",
                    split=2,
                ),
                Row(
                    "Khảo sát sự hài lòng của người dân khi giải quyết thủ tục hành chính",
                    ["Công chức Văn phòng - Thống kê"],
                    "Tháng 10/2024",
                    partners="Hội Cựu chiến binh xã",
                    output="Báo cáo kết quả khảo sát",
                    joined=("lead", "partners"),
                ),
            ],
        ),
        Group(
            "III",
            "Hiện đại hóa hành chính",
            [
                Row(
                    "Sử dụng chữ ký số trong gửi, nhận văn bản điện tử giữa UBND xã và các cơ quan cấp trên",
                    ["Công chức Văn phòng - Thống kê"],
                    "Trong năm 2024",
                    partners="Các công chức chuyên môn",
                    output="Tỷ lệ văn bản được ký số đạt trên 95%",
                ),
            ],
        ),
    ],
)

HUYEN_BODY = """ỦY BAN NHÂN DÂN
HUYỆN YÊN THỦY
Số: 27/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Thủy, ngày 06 tháng 02 năm 2023

KẾ HOẠCH
Cải cách hành chính huyện Yên Thủy năm 2023

Căn cứ Kế hoạch số 240/KH-UBND ngày 26/12/2022 của UBND tỉnh Hòa Bình về cải cách hành chính năm 2023;
Ủy ban nhân dân huyện ban hành Kế hoạch cải cách hành chính năm 2023 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Thực hiện đồng bộ các nhiệm vụ cải cách hành chính, gắn trách nhiệm của người đứng đầu.

II. NHIỆM VỤ
Chi tiết các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.

III. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ là cơ quan thường trực, tham mưu UBND huyện theo dõi, đôn đốc thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh;
- Sở Nội vụ;
- Lưu: VT, NV.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đinh Thị Hoa
"""

HUYEN_LABELS = """# Ground truth for huyen-2023-phu-luc-pdf-stt.txt (form: README.md).
# Layout: typed body; the appendix table as a PDF extractor gives it without layout (made by
# make_pdf_cell_tables.py): a number column ("STT": the number on a line of its own), group rows as a
# Roman number and a name in capitals, no empty lines, a lead and its partners run together on one line,
# two leads in one cell, a page number and the header again before a row and inside a tall row.

[document]
kind = "annual_plan"
level = "huyen"
tier = "three_tier"
issuer = "UBND huyện Yên Thủy"
issuer_lines = ["ỦY BAN NHÂN DÂN", "HUYỆN YÊN THỦY"]
parent = "tỉnh Hòa Bình"
number = "27/KH-UBND"
place = "Yên Thủy"
date = "2023-02-06"
title = "Cải cách hành chính huyện Yên Thủy năm 2023"
year = 2023

[signature]
lines = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Thị Hoa"]
authority = ["TM", "KT"]
body = "ỦY BAN NHÂN DÂN"
for_title = "CHỦ TỊCH"
signer_title = "PHÓ CHỦ TỊCH"
name = "Đinh Thị Hoa"
"""

HUYEN = Plan(
    subtitle="DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
    attached="(Kèm theo Kế hoạch số 27/KH-UBND ngày 06/02/2023 của UBND huyện)",
    name="huyen-2023-phu-luc-pdf-stt",
    body=HUYEN_BODY,
    labels=HUYEN_LABELS,
    heads=[
        ("number", "STT", 5),
        ("title", "Nội dung công việc", 34),
        ("lead", "Cơ quan chủ trì", 18),
        ("partners", "Cơ quan phối hợp", 20),
        ("time", "Thời hạn hoàn thành", 14),
    ],
    number_column=True,
    groups=[
        Group(
            "I",
            "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            [
                Row(
                    "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn thuộc UBND huyện theo quy định mới",
                    ["Phòng Nội vụ"],
                    "Quý II/2023",
                    partners="Các phòng chuyên môn thuộc UBND huyện",
                    joined=("lead", "partners"),
                ),
                Row(
                    "Xây dựng đề án vị trí việc làm của các đơn vị sự nghiệp công lập thuộc huyện",
                    ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch"],
                    "Tháng 9/2023",
                    partners="Các đơn vị sự nghiệp công lập",
                ),
            ],
        ),
        Group(
            "II",
            "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            [
                Row(
                    "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm 2023 đúng quy trình và thời"
                    " gian quy định",
                    ["Phòng Nội vụ"],
                    "Tháng 12/2023",
                    partners="Các cơ quan, đơn vị thuộc huyện",
                    break_before=True,
                ),
                Row(
                    "Cử công chức tham gia các lớp bồi dưỡng kỹ năng giao tiếp, ứng xử với người dân và doanh"
                    " nghiệp do tỉnh tổ chức, bảo đảm mỗi phòng chuyên môn có ít nhất một công chức tham dự",
                    ["Phòng Nội vụ"],
                    "Theo kế hoạch của tỉnh",
                    partners="Các phòng chuyên môn",
                    split=2,
                ),
                Row(
                    "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính tại UBND các xã, thị trấn",
                    ["Văn phòng HĐND và UBND huyện"],
                    "Hằng quý",
                    partners="Phòng Nội vụ",
                ),
            ],
        ),
    ],
)

TINH_BODY = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Cải cách hành chính tỉnh Quảng Trị năm 2024

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;
Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm 2024 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Cải thiện Chỉ số cải cách hành chính của tỉnh, lấy người dân và doanh nghiệp làm trung tâm.

II. NHIỆM VỤ
Các nhiệm vụ, sản phẩm, cơ quan chủ trì và thời gian thực hiện tại Phụ lục kèm theo.

III. TỔ CHỨC THỰC HIỆN
Sở Nội vụ theo dõi, đôn đốc và tổng hợp kết quả thực hiện, báo cáo UBND tỉnh.

Nơi nhận:
- Bộ Nội vụ;
- Thường trực Tỉnh ủy;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Minh Khoa
"""

TINH_LABELS = """# Ground truth for tinh-2024-phu-luc-pdf-san-pham.txt (form: README.md).
# Layout: typed body; the appendix table as a PDF extractor gives it without layout (made by
# make_pdf_cell_tables.py): "TT / Tên nhiệm vụ / Sản phẩm / Cơ quan chủ trì / Thời gian thực hiện" with
# the number on its own line, products named by their document ("Quyết định …", "Báo cáo …"), a time
# cell of two steps, a task cell run together with its product's first line, no partners column.

[document]
kind = "annual_plan"
level = "tinh"
tier = "three_tier"
issuer = "UBND tỉnh Quảng Trị"
issuer_lines = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]
number = "45/KH-UBND"
place = "Quảng Trị"
date = "2024-03-15"
title = "Cải cách hành chính tỉnh Quảng Trị năm 2024"
year = 2024

[signature]
lines = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Khoa"]
authority = ["TM", "KT"]
body = "ỦY BAN NHÂN DÂN"
for_title = "CHỦ TỊCH"
signer_title = "PHÓ CHỦ TỊCH"
name = "Lê Minh Khoa"
"""

TINH = Plan(
    subtitle="NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    attached="(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/3/2024 của UBND tỉnh)",
    name="tinh-2024-phu-luc-pdf-san-pham",
    body=TINH_BODY,
    labels=TINH_LABELS,
    heads=[
        ("number", "TT", 4),
        ("title", "Tên nhiệm vụ", 30),
        ("output", "Sản phẩm", 24),
        ("lead", "Cơ quan chủ trì", 16),
        ("time", "Thời gian thực hiện", 18),
    ],
    number_column=True,
    groups=[
        Group(
            "I",
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            [
                Row(
                    "Ban hành kế hoạch kiểm tra công tác cải cách hành chính năm 2024",
                    ["Sở Nội vụ"],
                    "Quý I/2024",
                    output="Quyết định phê duyệt kế hoạch kiểm tra",
                ),
                Row(
                    "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
                    ["Sở Nội vụ"],
                    "Tháng 7/2024",
                    output="Báo cáo sơ kết và thông báo kết luận hội nghị",
                    joined=("title", "output"),
                ),
            ],
        ),
        Group(
            "II",
            "XÂY DỰNG CHÍNH QUYỀN SỐ",
            [
                Row(
                    "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, kết nối với Cổng Dịch vụ"
                    " công quốc gia",
                    ["Sở Thông tin và Truyền thông"],
                    "- Hoàn thành nâng cấp trong quý III/2024.\n- Vận hành chính thức trước ngày 15/12/2024.",
                    output="Hệ thống được nâng cấp, vận hành ổn định",
                ),
                Row(
                    "Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh",
                    ["Sở Nội vụ"],
                    "Trong năm 2024",
                    output="Cơ sở dữ liệu được cập nhật đầy đủ",
                    break_before=True,
                ),
                Row(
                    "Triển khai thanh toán trực tuyến phí, lệ phí giải quyết thủ tục hành chính tại Trung tâm"
                    " Phục vụ hành chính công tỉnh",
                    ["Văn phòng UBND tỉnh"],
                    "Thường xuyên",
                    output="Tỷ lệ hồ sơ thanh toán trực tuyến đạt 50%",
                ),
            ],
        ),
    ],
)

THI_TRAN_BODY = """ỦY BAN NHÂN DÂN
THỊ TRẤN PHONG ĐIỀN
Số: 09/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phong Điền, ngày 20 tháng 01 năm 2025

KẾ HOẠCH
Cải cách hành chính thị trấn Phong Điền năm 2025

Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND huyện Phong Điền về cải cách hành chính năm 2025;
Ủy ban nhân dân thị trấn ban hành Kế hoạch cải cách hành chính năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Giải quyết thủ tục hành chính đúng hạn, công khai, minh bạch.

II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

Nơi nhận:
- UBND huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Hữu Phát
"""

THI_TRAN_LABELS = """# Ground truth for thi-tran-2025-phu-luc-pdf-ba-cot.txt (form: README.md).
# Layout: typed body; the appendix table as a PDF extractor gives it without layout (made by
# make_pdf_cell_tables.py): three columns ("Nội dung nhiệm vụ / Người thực hiện / Tiến độ"), tasks
# numbered in their cell, group rows "I. …" of their own, one-line and many-line cells, a time run
# together with the doer's last line, a page number and the header again inside a tall row.

[document]
kind = "annual_plan"
level = "thi_tran"
tier = "three_tier"
issuer = "UBND thị trấn Phong Điền"
issuer_lines = ["ỦY BAN NHÂN DÂN", "THỊ TRẤN PHONG ĐIỀN"]
parent = "huyện Phong Điền"
number = "09/KH-UBND"
place = "Phong Điền"
date = "2025-01-20"
title = "Cải cách hành chính thị trấn Phong Điền năm 2025"
year = 2025

[signature]
lines = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hữu Phát"]
authority = ["TM"]
body = "ỦY BAN NHÂN DÂN"
signer_title = "CHỦ TỊCH"
name = "Nguyễn Hữu Phát"
"""

THI_TRAN = Plan(
    subtitle="PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
    attached="(Kèm theo Kế hoạch số 09/KH-UBND ngày 20/01/2025 của UBND thị trấn)",
    name="thi-tran-2025-phu-luc-pdf-ba-cot",
    body=THI_TRAN_BODY,
    labels=THI_TRAN_LABELS,
    heads=[
        ("title", "Nội dung nhiệm vụ", 34),
        ("lead", "Người thực hiện", 18),
        ("time", "Tiến độ", 14),
    ],
    groups=[
        Group(
            "I",
            "Cải cách thủ tục hành chính",
            [
                Row(
                    "Cập nhật thủ tục hành chính mới lên bảng niêm yết",
                    ["Công chức Văn phòng - Thống kê"],
                    "Hằng tháng",
                ),
                Row(
                    "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa, hỗ trợ người cao tuổi và"
                    " người khuyết tật khi thực hiện thủ tục hành chính trên môi trường điện tử",
                    ["Công chức Tư pháp - Hộ tịch"],
                    "Thường xuyên",
                    joined=("lead", "time"),
                ),
            ],
        ),
        Group(
            "II",
            "Hiện đại hóa hành chính",
            [
                Row(
                    "Rà soát, cập nhật danh mục hồ sơ lưu trữ điện tử của UBND thị trấn; chuyển đổi các hồ sơ"
                    " giấy còn giá trị sử dụng sang dạng số; bảo đảm an toàn thông tin của hệ thống máy tính"
                    " tại Bộ phận Một cửa",
                    ["Công chức Văn phòng - Thống kê"],
                    "Trước ngày 31/10/2025",
                    split=3,
                ),
                Row(
                    "Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015",
                    ["Công chức Văn phòng - Thống kê"],
                    "Quý IV/2025",
                ),
            ],
        ),
    ],
)

PLANS = (XA, HUYEN, TINH, THI_TRAN)

if __name__ == "__main__":
    for plan in PLANS:
        write(plan)
