"""The reader measured on the third held-out set, ``tests/documents/heldout3``.

These ten plans are a measure only: nobody improving the reader opens them (see their README). The
first two held-out sets (``tests/documents/unseen``, ``tests/documents/heldout``) have both been used
to direct work on the reader; this one has not, so its figure is the project's estimate of how the
reader does on plans nobody here has seen. The figures are printed (``pytest -s``), held to floors a
little under what the reader reached when the set was made so that a change that reads worse fails,
and the project's goals (95 % of tasks exact, every header field right, 98 % of the fields read with
confidence >= 0.9 right) are strict xfails carrying the measured figures until they are met.
"""

from __future__ import annotations

import pytest

import parplan
from read_scoring import (
    HEADER_FIELDS,
    HELDOUT3,
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

DOCUMENTS = heldout3()


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {expected.name: score(parplan.read(expected.text_path), expected) for expected in DOCUMENTS}


def test_the_set_is_ten_labelled_documents() -> None:
    assert len(DOCUMENTS) == 10
    check_labels(DOCUMENTS, HELDOUT3)


def test_print_figures(scores: dict[str, Score]) -> None:
    for line in figures(scores):
        print(line)  # noqa: T201
    assert totals(scores)[0] > 0


def test_floor_tasks(scores: dict[str, Score]) -> None:
    tasks, found, exact, _, _ = totals(scores)
    assert found / tasks >= 0.75  # 73/96 with tables aligned by spaces (65/96 before; 36/96 when made)
    assert exact / tasks >= 0.65  # 63/96 with tables aligned by spaces (55/96 before; 2/96 when made)


def test_floor_header(scores: dict[str, Score]) -> None:
    _, _, _, header_right, header_all = totals(scores)
    assert header_right / header_all >= 0.85  # 70/80 after its conventions were taught (58/80 when made)


def test_floor_top_band(scores: dict[str, Score]) -> None:
    top = top_band(scores)
    assert top
    assert sum(top) / len(top) >= 0.98  # 163/164 after its conventions were taught (72/77 when made)


@pytest.mark.xfail(
    reason="goal: 95% of tasks exact on clean text; on the third held-out set 63 of 96 (66%), 73 found (76%);"
    " 2 of 96 when measured blind",
    strict=True,
)
def test_goal_tasks_exact(scores: dict[str, Score]) -> None:
    tasks, _, exact, _, _ = totals(scores)
    assert exact / tasks >= 0.95


@pytest.mark.xfail(
    reason="goal: every header field right; on the third held-out set 70 of 80 (one document gives no plan;"
    " 58 when measured blind)",
    strict=True,
)
def test_goal_header(scores: dict[str, Score]) -> None:
    _, _, _, header_right, header_all = totals(scores)
    assert header_right == header_all


def test_goal_calibration(scores: dict[str, Score]) -> None:
    """Met once the set was released: 163 of 164 (72 of 77 when measured blind)."""
    top = top_band(scores)
    assert sum(top) / len(top) >= 0.98


def test_expected_form_is_the_scorers(scores: dict[str, Score]) -> None:
    """Every label is scored: one score per document, with every header field judged."""
    assert set(scores) == {expected.name for expected in DOCUMENTS}
    for s in scores.values():
        assert set(s.header) == set(HEADER_FIELDS)


def _names(documents: list[Expected]) -> list[str]:
    return [expected.name for expected in documents]


def test_heldout3_are_in_no_other_corpus() -> None:
    names = set(_names(DOCUMENTS))
    assert not names & set(_names(labelled()))
    assert not names & set(_names(unseen()))
    assert not names & set(_names(heldout()))
    assert not names & set(_names(heldout4()))
    assert not names & set(_names(heldout5()))
