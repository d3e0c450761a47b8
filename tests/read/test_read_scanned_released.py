"""The reader measured on scans of plans it was not written on: the released held-out sets, scanned.

The development scans (``test_read_scanned.py``) are of the documents the reader was taught on;
these are of the held-out sets released after their blind measures (``tests/documents/heldout11`` to
``heldout15``, ``heldout17``, ``heldout19``, ``heldout24``), printed, scanned at the light level and read by
tesseract ``eng`` as ``make_scans.py --released`` does (``tests/documents/scanned/released-eng-light/<set>/``). Their
clean text the reader reads nearly whole; what their scans lose is what scanning costs on plans
nobody fitted the reader to.

``pytest -s tests/read/test_read_scanned_released.py -k report`` prints the figures per document.
Floors sit a little under what the reader reaches. The goal (85 % of tasks exact with ``eng``) is
reached on these sets (589 of 628, 93.8 %), which the scan paths were taught on after their release.
``heldout24``'s scans, added last, read 56 of 77 exact before their lessons (a word OCR ran across a rule
whose edge it read as a quote, a paragraph's last line of low letters boxed small, "va" for "và") and 69 after.
``heldout11`` to ``heldout13`` were scanned last and measured before any change to the reader (47, 40
and 34 of 80 exact): plans nobody had seen read well under the goal, and what they broke was mended
by general rules since (70, 74 and 75 of 80; heldout12's ``so-2024-phu-luc-pdf-thang-nam`` and heldout13's
``so-2024-phu-luc-pdf-o-can-giua``, tables a PDF's text laid out by spaces with a row's number in the middle of
its lines, and heldout13's ``phuong-2026-phu-luc-phoi-hop-truoc-chu-tri``, whose groups' titles stood on lines of
their own between a tab table's rows, were scanned again once the generator printed them as the tables they were).
Left: names and labels
damaged past repair ('ké tly khi', 'SON6ivu'), titles whose words OCR damaged past the
scorer's tolerance, and what clean text misses too.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import read_scoring
from parplan.read import read_source
from parplan.read.formats.ocr import load_tsv
from read_scoring import HEADER_FIELDS, SCANNED, Score, group_totals, score_scanned

SETS = ("heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout17", "heldout19", "heldout24")
FOLDER = SCANNED / "released-eng-light"


def _scans() -> list[tuple[str, Path]]:
    return [(name, path) for name in SETS for path in sorted((FOLDER / name).glob("*.tsv"))]


SCANS = _scans()


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], Score]:
    labels = {(name, expected.name): expected for name in SETS for expected in getattr(read_scoring, name)()}
    return {
        (name, path.stem): score_scanned(read_source(load_tsv(path)), labels[name, path.stem]) for name, path in SCANS
    }


def test_every_released_set_is_scanned_whole() -> None:
    for name in SETS:
        made = {path.stem for n, path in SCANS if n == name}
        assert made == {expected.name for expected in getattr(read_scoring, name)()}, name


@pytest.mark.slow  # a corpus-wide sweep, as every test that reads all the scans
def test_report(scores: dict[tuple[str, str], Score]) -> None:
    lines = ["", "set        document                                              tasks found exact header"]
    for (name, document), result in sorted(scores.items()):
        lines.append(
            f"{name:10} {document:54} {result.tasks:5} {result.found:5} {result.exact:5}"
            f" {sum(result.header.values())}/{len(HEADER_FIELDS)}"
        )
    for name in SETS:
        tasks, found, exact, header, fields = group_totals(scores, name)
        lines.append(
            f"{name:10} {'TOTAL':54} {tasks:5} {found:5} {exact:5} {header}/{fields}"
            f"  found {found / tasks:.1%} exact {exact / tasks:.1%}"
        )
    print("\n".join(lines))  # noqa: T201 - the figures, with -s
    assert len(lines) > len(SETS) + 1


# found, exact, header fields right; measured: heldout11 78, 70 of 80 and 79 of 80; heldout12 80, 74 of 80 and
# 79 of 80; heldout13 76, 75 of 80 and 79 of 80; heldout14 77, 76 of 77 and 79 of 80; heldout15 78, 77 of 78 and
# 78 of 80; heldout17 77, 72 of 78 and 77 of 80; heldout19 78, 76 of 78 and 80 of 80; heldout24 72, 69 of 77 and
# 80 of 80 (before the scan paths were
# taught on them: 59, 47; 58, 40; 39, 34; 47, 29; 57, 40; 62, 47; 48, 46, and headers 78, 76, 75, 78, 69, 68, 77)
FLOORS = {
    "heldout11": (76, 68, 76),
    "heldout12": (78, 72, 76),
    "heldout13": (74, 73, 76),
    "heldout14": (75, 74, 77),
    "heldout15": (76, 75, 75),
    "heldout17": (74, 69, 74),
    "heldout19": (76, 74, 77),
    "heldout24": (70, 67, 78),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_floors(scores: dict[tuple[str, str], Score], name: str) -> None:
    _, found, exact, header, _ = group_totals(scores, name)
    assert found >= FLOORS[name][0]
    assert exact >= FLOORS[name][1]
    assert header >= FLOORS[name][2]


@pytest.mark.slow
def test_no_field_read_sure_is_wrong(scores: dict[tuple[str, str], Score]) -> None:
    # scans are trusted 0.8 times less, then by OCR's own confidence: no field reaches 0.9 today; one that
    # does must be right
    top = [right for s in scores.values() for confidence, right in s.calibration if confidence >= Decimal("0.9")]
    assert all(top)


@pytest.mark.slow
def test_goal_tasks_exact_with_eng(scores: dict[tuple[str, str], Score]) -> None:
    # measured 589 of 628 (93.8 %): heldout11 70 of 80, heldout12 74 of 80, heldout13 75 of 80, heldout14 76 of 77,
    # heldout15 77 of 78, heldout17 72 of 78, heldout19 76 of 78, heldout24 69 of 77
    tasks = exact = 0
    for name in SETS:
        t, _, e, _, _ = group_totals(scores, name)
        tasks += t
        exact += e
    assert exact / tasks >= 0.85
