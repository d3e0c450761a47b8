"""Make the two synthetic plans whose appendix table reached text as columns of PDF text.

Not run by the tests (it needs chromium, LibreOffice, poppler's pdftotext and pypdfium2): run it by
hand to remake ``huyen-2022-phu-luc-cot.txt`` (an HTML table printed by headless chromium, extracted
with ``pdftotext`` without ``-layout``: each cell a block of lines, blank lines between cells) and
``xa-2023-phu-luc-sao-chep.txt`` (a Word table printed by LibreOffice, extracted with pypdfium2 as a
PDF viewer's copy gives it: a row's cells on one baseline run together, no blank lines).
"""

# ruff: noqa: S603, S607 - the tools are found on the PATH of the machine making the documents
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

HUYEN_BODY = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG BÔNG
Số: 41/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Krông Bông, ngày 25 tháng 02 năm 2022

KẾ HOẠCH
Cải cách hành chính huyện Krông Bông năm 2022

Căn cứ Kế hoạch số 210/KH-UBND ngày 28/12/2021 của UBND tỉnh Đắk Lắk về cải cách hành chính năm 2022;
Ủy ban nhân dân huyện ban hành Kế hoạch cải cách hành chính năm 2022 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.

II. NHIỆM VỤ
Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch này.

III. TỔ CHỨC THỰC HIỆN
Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện căn cứ Kế hoạch này triển khai thực hiện.

Nơi nhận:
- UBND tỉnh;
- Sở Nội vụ;
- Lưu: VT, NV.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Sơn
"""

HUYEN_ROWS = [
    ("I", "CẢI CÁCH THỂ CHẾ", None, None, None),
    (
        "1",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành",
        "Phòng Tư pháp",
        "Các cơ quan chuyên môn thuộc UBND huyện",
        "Quý III/2022",
    ),
    (
        "2",
        "Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính tại các xã",
        "Phòng Tư pháp",
        "UBND các xã",
        "Tháng 9/2022",
    ),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None),
    (
        "3",
        "Công bố, công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện",
        "Văn phòng HĐND và UBND huyện",
        "",
        "Thường xuyên",
    ),
    (
        "4",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa huyện",
        "Văn phòng HĐND và UBND huyện",
        "Các phòng chuyên môn có thủ tục hành chính",
        "Trước ngày 30/11/2022",
    ),
    ("III", "CẢI CÁCH TỔ CHỨC BỘ MÁY", None, None, None),
    (
        "5",
        "Rà soát vị trí việc làm của các đơn vị sự nghiệp công lập thuộc huyện",
        "Phòng Nội vụ",
        "Các đơn vị sự nghiệp công lập",
        "Quý II/2022",
    ),
    (
        "6",
        "Tổ chức tuyên truyền cải cách hành chính trên Đài Truyền thanh huyện",
        "Phòng Văn hóa và Thông tin",
        "Đài Truyền thanh huyện",
        "Hằng quý",
    ),
]

XA_BODY = """ỦY BAN NHÂN DÂN XÃ PHÚ LỘC	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND	Phú Lộc, ngày 16 tháng 01 năm 2023

KẾ HOẠCH
Thực hiện công tác cải cách hành chính năm 2023

Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2023 của UBND huyện Krông Năng về cải cách hành chính \
năm 2023, UBND xã xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả giải quyết thủ tục hành chính tại Bộ phận Một cửa của xã.

II. NHIỆM VỤ
(Có Phụ lục chi tiết kèm theo)

Nơi nhận:
- UBND huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Y Kô Niê
"""

XA_ROWS = [
    ("STT", "Nội dung công việc", "Người thực hiện", "Thời gian"),
    ("I", "Cải cách thủ tục hành chính", "", ""),
    (
        "1",
        "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa",
        "Đ/c Lê Văn Bình - công chức Văn phòng - Thống kê",
        "Thường xuyên",
    ),
    (
        "2",
        "Cập nhật hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
        "Bộ phận Một cửa",
        "Hằng ngày",
    ),
    ("II", "Hiện đại hóa hành chính", "", ""),
    ("3", "Hướng dẫn người dân nộp hồ sơ trực tuyến", "Đoàn Thanh niên xã", "Quý II/2023"),
    (
        "4",
        "Rà soát, nâng cấp máy tính của Bộ phận Một cửa",
        "Đ/c Hà Thị Mai - công chức Tài chính - Kế toán",
        "Trước ngày 30/6/2023",
    ),
]


def _huyen_html() -> str:
    cells = []
    for number, title, lead, partners, time in HUYEN_ROWS:
        if lead is None:
            cells.append(f"<tr><td><b>{number}</b></td><td colspan='4'><b>{title}</b></td></tr>")
        else:
            cells.append(f"<tr><td>{number}</td><td>{title}</td><td>{lead}</td><td>{partners}</td><td>{time}</td></tr>")
    return (
        "<html><head><meta charset='utf-8'><style>table{border-collapse:collapse;width:100%;font-size:12pt}"
        "td,th{border:1px solid #000;padding:3px;vertical-align:top}</style></head><body>"
        "<p style='text-align:center'><b>PHỤ LỤC</b></p><p style='text-align:center'>NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"
        " NĂM 2022</p><p style='text-align:center'><i>(Kèm theo Kế hoạch số 41/KH-UBND ngày 25/02/2022 của UBND"
        " huyện)</i></p><table><tr><th>TT</th><th>Nội dung nhiệm vụ</th><th>Cơ quan chủ trì</th>"
        "<th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th></tr>" + "".join(cells) + "</table></body></html>"
    )


def main() -> None:
    """Write both documents next to this file."""
    import docx
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "huyen.html").write_text(_huyen_html(), encoding="utf-8")
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={folder / 'huyen.pdf'}",
                str(folder / "huyen.html"),
            ],
            check=True,
            capture_output=True,
        )
        text = subprocess.run(
            ["pdftotext", str(folder / "huyen.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (HERE / "huyen-2022-phu-luc-cot.txt").write_text(HUYEN_BODY + "\n" + text.replace("\f", "\n"), encoding="utf-8")

        document = docx.Document()
        document.add_paragraph("PHỤ LỤC")
        document.add_paragraph("(Kèm theo Kế hoạch số 07/KH-UBND ngày 16/01/2023 của UBND xã Phú Lộc)")
        table = document.add_table(rows=len(XA_ROWS), cols=4)
        table.style = "Table Grid"
        for i, row in enumerate(XA_ROWS):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
            if not row[2] and i:
                table.cell(i, 1).merge(table.cell(i, 3))
        document.save(str(folder / "xa.docx"))
        subprocess.run(
            ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(folder / "xa.docx")],
            check=True,
            capture_output=True,
        )
        pdf = pypdfium2.PdfDocument(folder / "xa.pdf")
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        (HERE / "xa-2023-phu-luc-sao-chep.txt").write_text(
            XA_BODY + "\n" + text.replace("\r\n", "\n").replace("\r", "\n"), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
