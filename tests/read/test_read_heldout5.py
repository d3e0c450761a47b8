"""The reader measured on the fifth held-out set, ``tests/documents/heldout5``.

These ten plans are a measure only: nobody improving the reader opens them (see their README). The first four
held-out sets (``tests/documents/unseen``, ``tests/documents/heldout``, ``tests/documents/heldout3``,
``tests/documents/heldout4``) have all been used to direct work on the reader; this one has not, so its figure is
the project's estimate of how the reader does on plans nobody here has seen. The figures are printed
(``pytest -s``), held to floors a little under what the reader reached when the set was made so that a change
that reads worse fails, and the project's goals (95 % of tasks exact, every header field right, 98 % of the
fields read with confidence >= 0.9 right) are strict xfails carrying the measured figures until they are met.
"""

from __future__ import annotations

import pytest

import parplan
from read_scoring import (
    HEADER_FIELDS,
    HELDOUT5,
    Expected,
    Score,
    check_labels,
    figures,
    heldout,
    heldout3,
    heldout4,
    heldout5,
    labelled,
    score,
    top_band,
    totals,
    unseen,
)

DOCUMENTS = heldout5()


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {expected.name: score(parplan.read(expected.text_path), expected) for expected in DOCUMENTS}


def test_the_set_is_ten_labelled_documents() -> None:
    assert len(DOCUMENTS) == 10
    check_labels(DOCUMENTS, HELDOUT5)


def test_print_figures(scores: dict[str, Score]) -> None:
    for line in figures(scores):
        print(line)  # noqa: T201
    assert totals(scores)[0] > 0


def test_floor_tasks(scores: dict[str, Score]) -> None:
    tasks, found, exact, _, _ = totals(scores)
    assert found / tasks >= 0.4  # 33/76 when the set was made
    assert exact / tasks >= 0.18  # 16/76 when the set was made


def test_floor_header(scores: dict[str, Score]) -> None:
    _, _, _, header_right, header_all = totals(scores)
    assert header_right / header_all >= 0.93  # 77/80 when the set was made


def test_floor_top_band(scores: dict[str, Score]) -> None:
    top = top_band(scores)
    assert top
    assert sum(top) / len(top) >= 0.78  # 137/169 when the set was made


@pytest.mark.xfail(
    reason="goal: 95% of tasks exact on clean text; on the fifth held-out set 16 of 76 (21%), 33 found (43%)",
    strict=True,
)
def test_goal_tasks_exact(scores: dict[str, Score]) -> None:
    tasks, _, exact, _, _ = totals(scores)
    assert exact / tasks >= 0.95


@pytest.mark.xfail(
    reason="goal: every header field right; on the fifth held-out set 77 of 80 (two signatures, one title)",
    strict=True,
)
def test_goal_header(scores: dict[str, Score]) -> None:
    _, _, _, header_right, header_all = totals(scores)
    assert header_right == header_all


@pytest.mark.xfail(
    reason="goal: fields read with confidence >= 0.9 right 98% of the time; on the fifth held-out set 137 of"
    " 169 (81%); the band 0.8-0.9 right 0 of 16, 0.6-0.8 right 2 of 14, below 0.6 right 0 of 9",
    strict=True,
)
def test_goal_calibration(scores: dict[str, Score]) -> None:
    top = top_band(scores)
    assert sum(top) / len(top) >= 0.98


def test_expected_form_is_the_scorers(scores: dict[str, Score]) -> None:
    """Every label is scored: one score per document, with every header field judged."""
    assert set(scores) == {expected.name for expected in DOCUMENTS}
    for s in scores.values():
        assert set(s.header) == set(HEADER_FIELDS)


def _names(documents: list[Expected]) -> list[str]:
    return [expected.name for expected in documents]


def test_heldout5_are_in_no_other_corpus() -> None:
    names = set(_names(DOCUMENTS))
    assert not names & set(_names(labelled()))
    assert not names & set(_names(unseen()))
    assert not names & set(_names(heldout()))
    assert not names & set(_names(heldout3()))
    assert not names & set(_names(heldout4()))
