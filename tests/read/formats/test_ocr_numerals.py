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

from parplan.read.formats._ocr_numerals import strokes_measured
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
