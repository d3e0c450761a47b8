"""Matching forms of Vietnamese text: aligned folding, OCR repair, and the examples in the docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan.text.normalize import Repair, fold, fold_aligned, nfc, repair_ocr

vietnamese = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                             "AĂÂĐÊÔƠƯÀÁẢÃẠĐẾỀỐỒỨỪ0123456789 /-–,.;:\n\t\u00a0%()")
)  # fmt: skip


@given(text=st.text())
def test_fold_aligned_keeps_every_position(text: str) -> None:
    assert len(fold_aligned(text)) == len(nfc(text))


@given(text=vietnamese)
def test_fold_aligned_agrees_with_fold(text: str) -> None:
    assert " ".join(fold_aligned(text).split()) == " ".join(fold(text).replace("–", "-").split())


def test_fold_aligned_maps_dashes_spaces_and_quotes() -> None:
    assert fold_aligned("Quý\u00a0III – “Đạt”\u2019") == 'quy iii - "dat"\''
    assert fold_aligned("a\nb\tc") == "a\nb c"


@given(text=st.text())
def test_repair_keeps_every_position(text: str) -> None:
    folded = fold_aligned(text)
    repaired, repairs = repair_ocr(folded)
    assert len(repaired) == len(folded)
    for repair in repairs:
        assert folded[repair.position] == repair.found
        assert repaired[repair.position] == repair.read_as
    changed = [i for i, (a, b) in enumerate(zip(folded, repaired, strict=True)) if a != b]
    assert changed == [r.position for r in repairs]


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        ("s6 61/2018/nd-cp", "so 61/2018/nd-cp"),
        ("tr0ng nam 2o21", "trong nam 2021"),
        ("ty 1e l00%", "ty le 100%"),
        ("ngay 3l/12/2o20", "ngay 31/12/2020"),
        ("thu0ng xuyen", "thuong xuyen"),
        ("72/2025/qh15", "72/2025/qh15"),
        ("ubtvqh14", "ubtvqh14"),
        ("quy iv/2021", "quy iv/2021"),
    ],
)
def test_repair_reads_look_alikes(damaged: str, clean: str) -> None:
    assert repair_ocr(damaged)[0] == clean


def test_clean_text_needs_no_repair() -> None:
    text = "truoc ngay 31/12/2020"
    assert repair_ocr(text) == (text, ())
    assert str(Repair(position=3, found="0", read_as="o")) == "'0' read as 'o' at 3"


@pytest.mark.parametrize(
    "module",
    [
        "parplan.text.normalize",
        "parplan.text.numbers",
        "parplan.text.timeframes",
        "parplan.text.targets",
        "parplan.text.legal",
        "parplan.text.areas",
        "parplan.text.periods",
        "parplan.text.dates",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
