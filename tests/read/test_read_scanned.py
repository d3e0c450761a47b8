"""The reader measured on scans of the development documents (``tests/documents/scanned``).

Each document of ``tests/documents/real`` and ``tests/documents/synthetic`` was printed,
scanned, aged at two levels and read by tesseract (``make_scans.py`` there; its README
says how); the committed TSV files are read by :func:`parplan.read.formats.ocr.load_tsv`
exactly as :func:`parplan.read` reads a scan it OCRs itself, so no test needs tesseract.
Readings are compared with the documents' labels by :func:`read_scoring.score_scanned`,
which forgives what OCR does to characters (titles and names alike, deadlines by meaning).

``pytest -s tests/read/test_read_scanned.py -k report`` prints the figures per document
and model. Floors sit a little under what the reader reaches; the goals of the project
(85 % of tasks exact with ``eng``; fields read with confidence ≥ 0.9 right 98 % of the
time) are tests carrying the figures measured.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parplan.errors import ReadError
from parplan.read import read_source
from parplan.read.formats.ocr import load_tsv
from read_scoring import HEADER_FIELDS, SCANNED, Score, bands, group_totals, labelled, score_scanned

LABELS = {expected.name: expected for expected in labelled()}
VARIANTS = ("eng-light", "eng-heavy", "vie-light")


def _scans() -> list[tuple[str, Path]]:
    return [(variant, path) for variant in VARIANTS for path in sorted((SCANNED / variant).glob("*.tsv"))]


SCANS = _scans()


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], Score]:
    return {
        (variant, path.stem): score_scanned(read_source(load_tsv(path)), LABELS[path.stem]) for variant, path in SCANS
    }


def _top(scores: dict[tuple[str, str], Score], variants: tuple[str, ...]) -> tuple[int, int]:
    pairs = [pair for (v, _), s in scores.items() if v in variants for pair in s.calibration]
    top = [right for confidence, right in pairs if confidence >= Decimal("0.9")]
    return len(top), sum(top)


NOT_SCANNED_YET = {
    "phuong-2025-thu-chuyen-tiep-hai-lan",
    "so-2026-chu-ky-so-o-danh-dau",
    "xa-2024-nguon-html-dan-vao",
    "kho-bac-2024-dinh-nghia-ngoac-vuong",
    "ttyt-2025-phu-luc-csv-cham-phay",
    "so-2024-ma-tran-chu-tri",
    "phong-2025-bang-pandoc-don-gian",
    "truong-2026-lanh-dao-theo-doi",
    "xa-2024-ngoac-truong-tu-do",
    "huyen-2021-moc-thoi-gian-dau-dong",
    "phuong-2025-dong-nghieng-sau-doan",
    "phuong-2026-bang-dong-trong",
    "so-2023-chu-ky-mot-o",
    "thi-tran-2019-bang-luoi",
    "truong-2024-hieu-truong-ky",
    "xa-2023-nhiem-vu-mui-ten",
    "thi-tran-2026-gach-ngang-phu-trach",
    "huyen-2020-theo-quy-ngoac",
    "tinh-2024-phu-luc-dong-tiep",
    "huyen-2022-khong-ten-don-vi",
    "phong-2024-dieu-1-chu-thuong",
    "phuong-2023-giao-theo-diem",
    "xa-2024-phu-luc-chu-tri-truoc",
    "phuong-2023-phu-luc-lap-tieu-de",
    "huyen-2025-phu-luc-ban-in",
    "so-2025-trang-cua-so",
    "xa-2025-tin-cac-hinh-thuc",
    "trung-tam-2023-phu-luc-san-pham",
    "phuong-2024-khac-phuc-bang-tab",
    "xa-2020-giao-va-bi-dong",
    "truong-2025-lich-theo-quy",
    "phuong-2027-mat-danh-so",
    "xa-2024-phu-luc-can-cot",
    "huyen-2019-bang-o-doc",
    "xa-2024-bang-the",
    "xa-2022-truong-nhan-thoi-han",
    "so-2020-danh-sach-thut-le",
    "huyen-2023-co-quan-truoc-hai-cham",
    "phuong-2022-ba-cau-giao-viec",
    "xa-2021-ngoac-nhan-la",
    "thi-tran-2024-thoi-gian-giua-cau",
    "huyen-2023-khac-phuc-cot-tien-do",
    "xa-2022-bang-gach-san-pham-truoc",
    "so-2024-bang-o-tieu-de-trong",
    "trung-tam-y-te-2023-cot-ke-vach",
    "truong-2023-chu-tri-theo-linh-vuc",
    "benh-vien-2024-khoa-khong-so",
    "huyen-2024-ky-hieu-word-ba-cap",
    "so-2025-khoi-noi-dung-nhan",
    "xa-2024-bai-dang-bieu-tuong",
    "truong-2025-markdown-tieu-de-viec",
    "xa-2025-thu-dien-tu-dong-ngat",
    "huyen-2024-dieu-chinh-bo-sung",
    "so-2025-thuoc-tinh-dinh-lien",
    "so-2026-bang-khung-phan-cong",
    "phuong-2027-danh-dau-thang",
    "huyen-2025-phu-luc-phan-cong-theo-so",
    "so-2025-phu-luc-tung-cot",
    "so-2025-phu-luc-o-gop-bang-tinh",
    "huyen-2026-dau-sao-chu-tri",
    "so-2024-tieu-de-hai-dong-tu-den",
    "xa-2025-bang-sau-doan-van",
    "phuong-2025-bang-in-dam-chu-tri",
    "xa-2025-dau-cham-nhom-lap-so",
    "huyen-2024-viet-tat-sau-gach-cheo",
    "so-2025-phan-cong-theo-so-nhiem-vu",
    "phuong-2024-markdown-chu-tri-in-dam",
    "xa-2026-trinh-duyet-so-lien-ket",
    "huyen-2025-phan-chu-chi-tieu",
    "chi-cuc-2026-cot-chu-tri-phoi-hop",
    "tinh-2023-cong-bao-dau-trang",
    "trung-tam-2027-chu-tri-gach-cheo",
    "benh-vien-2024-gach-cheo-phu-trach",
    "xa-2026-giao-sau-nhiem-vu",
    "huyen-2024-sao-y-truong-mot-dong",
    "so-2027-bang-bat-dau-hoan-thanh",
    "xa-2024-buoc-thuc-hien-lanh-dao-phu-trach",
    "so-2026-phu-luc-cot-nhom-gop",
    "xa-2024-phu-luc-chu-tri-dong-nhom",
    "xa-2024-phu-luc-pdf-nhiem-vu-chung",
    "huyen-2023-phu-luc-pdf-stt",
    "tinh-2024-phu-luc-pdf-san-pham",
    "thi-tran-2025-phu-luc-pdf-ba-cot",
}
"""Synthetic documents written after the scans were made (``make_scans.py`` makes them; tesseract is slow here)."""


def test_every_variant_covers_the_documents_it_says() -> None:
    made = {variant: {path.stem for v, path in SCANS if v == variant} for variant in VARIANTS}
    # every development document but the two longest (see tests/documents/scanned/README.md) and those
    # written after the scans were made
    assert made["eng-light"] == set(LABELS) - {"mang-yang-2021", "son-chau-2022"} - NOT_SCANNED_YET
    assert made["eng-heavy"] == {
        "son-giang-2021",
        "xa-2021-phan-cong",
        "xa-2023-theo-linh-vuc",
        "huyen-2019-kiem-tra",
        "thi-tran-2025-giao-theo-muc",
        "xa-2024-khac-phuc",
    }
    assert made["vie-light"] == {"son-giang-2021", "xa-2021-phan-cong"}


@pytest.mark.slow  # a corpus-wide sweep, as every test that reads all the scans
@pytest.mark.parametrize(("variant", "path"), SCANS, ids=[f"{v}/{p.stem}" for v, p in SCANS])
def test_every_scan_reads_as_a_plan_with_pages(variant: str, path: Path) -> None:
    document = load_tsv(path, model=variant.split("-", maxsplit=1)[0])
    assert document.format.value == "scan"
    assert any(line.confidence is not None for line in document.lines())
    reading = read_source(document)
    if reading.plan is None:  # every scan gives a plan today; one that does not must say why, not guess
        assert reading.doubts
        return
    by_path = {source.path: source for source in reading.plan.sources}
    for index in range(len(reading.plan.tasks)):
        title = by_path[f"$.tasks[{index}].title"]  # every task has its source, on its page
        assert title.origin is not None
        assert title.origin.page is not None


@pytest.mark.slow
def test_report(scores: dict[tuple[str, str], Score]) -> None:
    lines = ["", "variant    document                              tasks found exact header"]
    for (variant, name), result in sorted(scores.items()):
        lines.append(
            f"{variant:10} {name:38} {result.tasks:5} {result.found:5} {result.exact:5}"
            f" {sum(result.header.values())}/{len(HEADER_FIELDS)}"
        )
    for variant in VARIANTS:
        tasks, found, exact, header, fields = group_totals(scores, variant)
        if not tasks:
            continue
        lines.append(
            f"{variant:10} {'TOTAL':38} {tasks:5} {found:5} {exact:5} {header}/{fields}"
            f"  found {found / tasks:.1%} exact {exact / tasks:.1%}"
        )
        pairs = [pair for (v, _), s in scores.items() if v == variant for pair in s.calibration]
        lines.append("           bands: " + "; ".join(f"{n} {r}/{c}" for n, c, r in bands(pairs)))
    print("\n".join(lines))  # noqa: T201 - the figures, with -s
    assert len(lines) > 2


@pytest.mark.slow
def test_floors(scores: dict[tuple[str, str], Score]) -> None:
    # found, exact; measured: eng-light 157 and 148 of 169, eng-heavy 68 and 59 of 72, vie-light 32 and 28 of 34
    floors = {"eng-light": (0.9, 0.85), "eng-heavy": (0.9, 0.8), "vie-light": (0.9, 0.79)}
    for variant, (found_floor, exact_floor) in floors.items():
        tasks, found, exact, _, _ = group_totals(scores, variant)
        assert found / tasks >= found_floor, variant
        assert exact / tasks >= exact_floor, variant


@pytest.mark.slow
def test_calibration_floor(scores: dict[tuple[str, str], Score]) -> None:
    pairs = [pair for s in scores.values() for pair in s.calibration]
    upper = [right for confidence, right in pairs if confidence >= Decimal("0.6")]
    assert upper
    assert sum(upper) / len(upper) >= 0.9  # 315 of 318 fields in [0.6, 0.9) right


@pytest.mark.slow
def test_goal_tasks_exact_with_eng(scores: dict[tuple[str, str], Score]) -> None:
    # goal: 85% of tasks exact on scans read with eng; measured 207 of 241 (85.9%): eng-light 148/169,
    # eng-heavy 59/72 (vie-light 28/34). Left: 16 tasks not found (a column-ordered appendix and a flattened
    # one whose lines OCR damaged: 10; titles OCR damaged past the scorer's tolerance or words lost: 3; a
    # sentence printed as a paragraph of its own after an item's line, which clean text joins to it: 2; an
    # appendix row whose reading the scorer gives to the body's item of its words: 1);
    # of the 225 found, 18 not exact: as in clean text, 11 ('hằng năm' or a month given to tasks without a
    # deadline, 'Thường xuyên' inside a sentence, a subject labelled longer or none, 'A phối hợp B' in
    # brackets read as coordinating); damaged past repair, 3 ('x8' for 'xã', 'Trung' for 'Trưởng', 'Mục II'
    # read 'Mục I' twice); a heading 'II' read 'I,', 1; a flattened appendix row, 1; the appendix's row of an
    # item matched for that item, whose words OCR lost, 1; a lead a ruled cell's edge ran into, 1
    tasks = exact = 0
    for variant in ("eng-light", "eng-heavy"):
        t, _, e, _, _ = group_totals(scores, variant)
        tasks += t
        exact += e
    assert exact / tasks >= 0.85


@pytest.mark.slow
def test_goal_calibration(scores: dict[tuple[str, str], Score]) -> None:
    # no scanned field reaches 0.9 today (scans are trusted 0.8 times less, then by OCR's own confidence),
    # so the goal holds without a field to judge it by; it must go on holding when some do
    count, right = _top(scores, VARIANTS)
    assert count == 0 or right / count >= 0.98


def test_a_file_that_is_not_tesseracts_tsv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.tsv"
    path.write_text("STT\tNhiệm vụ\n1\tRà soát\n", encoding="utf-8")
    with pytest.raises(ReadError, match="not tesseract's TSV"):
        load_tsv(path)
    path.write_text(
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\tone\t1\t1\t1\t1\t10\t10\t20\t10\t90\tword\n",
        encoding="utf-8",
    )
    with pytest.raises(ReadError, match="line 2"):
        load_tsv(path)
