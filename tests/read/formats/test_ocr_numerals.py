"""Quarters' Roman numerals counted by the width of their boxes (``parplan.read.formats._ocr_numerals``).

The cases are ``tests/cases/scanned_quarter_strokes.toml``; a scan's TSV carries them through
:func:`~parplan.read.formats.ocr.load_tsv` to the time parser, which reads them as repaired, with a doubt.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

from parplan.read.formats._ocr_numerals import measure_quarters, strokes_measured
from parplan.read.formats._ocr_tables import Word
from parplan.read.formats.ocr import load_tsv
from parplan.text import TimeframeFlag, read_timeframe

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parents[2] / "cases" / "scanned_quarter_strokes.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_strokes_counted_by_width(case: dict[str, Any]) -> None:
    (word, word_width), (numeral, width) = case["word"], case["numeral"]
    assert strokes_measured(word, word_width, numeral, width) == case.get("strokes")


def test_the_corpus_holds_both_counts_and_silences() -> None:
    counts = {case.get("strokes") for case in CASES}
    assert counts == {1, 2, 3, None}


HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _scan(tmp_path: Path, words: list[tuple[str, int]]) -> Path:
    rows = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t2066\t2924\t-1\t"]
    left = 300
    for number, (text, width) in enumerate(words, 1):
        rows.append(f"5\t1\t1\t1\t1\t{number}\t{left}\t400\t{width}\t40\t91.5\t{text}")
        left += width + 14
    path = tmp_path / "page.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _time(tmp_path: Path, words: list[tuple[str, int]]) -> Any:
    text = "\n".join(line.text for line in load_tsv(_scan(tmp_path, words)).lines())
    return read_timeframe(text.removeprefix("Thời gian: "), year=2024)


def test_a_numeral_whose_box_holds_three_strokes_reads_iii_with_a_doubt(tmp_path: Path) -> None:
    reading = _time(tmp_path, [("Thời", 60), ("gian:", 70), ("quy", 64), ("IT/2024.", 151)])
    assert attrs.evolve(reading.value, text=None) == attrs.evolve(read_timeframe("quý III/2024").value, text=None)
    assert TimeframeFlag.OCR_REPAIRED in reading.flags  # repaired, so never sure
    assert TimeframeFlag.AMBIGUOUS not in reading.flags


def test_a_box_that_fits_no_count_is_left_to_the_parser_doubtful(tmp_path: Path) -> None:
    reading = _time(tmp_path, [("Thời", 60), ("gian:", 70), ("quy", 64), ("IT/2024.", 138)])
    assert TimeframeFlag.AMBIGUOUS in reading.flags  # 'II' or 'III' alike, as before


def test_a_clean_numeral_whose_box_agrees_is_left_as_printed(tmp_path: Path) -> None:
    reading = _time(tmp_path, [("Thời", 60), ("gian:", 70), ("quý", 64), ("II/2024.", 137)])
    assert attrs.evolve(reading.value, text=None) == attrs.evolve(read_timeframe("quý II/2024").value, text=None)
    assert not reading.flags


def _cell(numeral: str, width: float, *, x0: float = 1468.0, line: int = 2) -> list[Word]:
    """A table's narrow cell: "Quy" (69 wide, an em of 40) ending one line, ``numeral`` on the next."""
    quarter = Word("Quy", 1468.0, 1537.0, 1078.0, 1117.0, 96.0, (21, 6, 1))
    other = Word("Phong", 900.0, 1000.0, 1133.0, 1170.0, 96.0, (21, 6, 2))  # the row's other cells come between
    return [quarter, other, Word(numeral, x0, x0 + width, 1133.0, 1162.0, 60.0, (21, 6, line))]


@pytest.mark.parametrize(("numeral", "width", "read"), [("1/2023", 131, "IIl/2023"), ("Il/2023", 118, "Il/2023")])
def test_a_quarter_wrapped_over_its_numeral_in_a_cell_gives_the_em(numeral: str, width: float, read: str) -> None:
    # "Quý" over "III/2023" in a narrow cell, OCR reading the strokes "1": the box holds three strokes
    words = _cell(numeral, width)
    measure_quarters(words)
    assert words[-1].text == read


@pytest.mark.parametrize(
    ("numeral", "width", "x0", "line"),
    [
        ("1/2023", 111, 1468.0, 2),  # the box of an Arabic 1 fits one stroke and two alike: left as read
        ("1/2023", 131, 1700.0, 2),  # no "Quý" over it: another cell's number
        ("1/2023", 131, 1468.0, 3),  # "Quý" two lines up: not its word
    ],
)
def test_a_numeral_without_its_quarter_word_over_it_is_left(numeral: str, width: float, x0: float, line: int) -> None:
    words = _cell(numeral, width, x0=x0, line=line)
    measure_quarters(words)
    assert words[-1].text == numeral
