"""The reader measured on the second held-out set, ``tests/documents/heldout``.

These ten plans were the project's estimate until their misses were shown to the reader's developers:
the set has been used to direct work on the reader from 2026-12-03 (see its README), and a third set
replaces it as the estimate. Like the first held-out set (``tests/documents/unseen``) it stays a check
that the conventions learned from it hold. The figures are printed (``pytest -s``), held to floors a
little under what the reader reaches today so that a change that reads worse fails, and the
project's goals (95 % of tasks exact, every header field right, 98 % of the fields read with
confidence >= 0.9 right) are strict xfails carrying today's figures until they are met.
"""

from __future__ import annotations

import pytest

import parplan
from read_scoring import (
    HEADER_FIELDS,
    HELDOUT,
    Expected,
    Score,
    check_labels,
    figures,
    heldout,
    labelled,
    score,
    top_band,
    totals,
    unseen,
)

DOCUMENTS = heldout()


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {expected.name: score(parplan.read(expected.text_path), expected) for expected in DOCUMENTS}


def test_the_set_is_ten_labelled_documents() -> None:
    assert len(DOCUMENTS) == 10
    check_labels(DOCUMENTS, HELDOUT)


def test_print_figures(scores: dict[str, Score]) -> None:
    for line in figures(scores):
        print(line)  # noqa: T201
    assert totals(scores)[0] > 0


def test_floor_tasks(scores: dict[str, Score]) -> None:
    tasks, found, exact, _, _ = totals(scores)
    assert found / tasks >= 0.93  # 75/80 (39/80 before its misses were shown, 29/80 when the set was made)
    assert exact / tasks >= 0.82  # 67/80 (29/80 before its misses were shown, 22/80 when the set was made)


def test_floor_header(scores: dict[str, Score]) -> None:
    _, _, _, header_right, header_all = totals(scores)
    assert header_right / header_all >= 0.975  # 79/80 (54/80 when the set was made)


def test_floortop_band(scores: dict[str, Score]) -> None:
    top = top_band(scores)
    assert top
    assert sum(top) / len(top) >= 0.98  # 180/180 (120/125 before its misses were shown, 98/119 when the set was made)


@pytest.mark.xfail(
    reason="goal: 95% of tasks exact on clean text; on the second held-out set 67 of 80 (84%), 75 found (94%):"
    " general duties of 'Tổ chức thực hiện' labelled as tasks (read as reporting obligations, as the other"
    " labelled plans have them), phases ('giai đoạn 2021 - 2025') in a closing bracket, times counted from an"
    " event, a task cut by a page break",
    strict=True,
)
def test_goal_tasks_exact(scores: dict[str, Score]) -> None:
    tasks, _, exact, _, _ = totals(scores)
    assert exact / tasks >= 0.95


@pytest.mark.xfail(
    reason="goal: every header field right; on the second held-out set 79 of 80 (a signature block flattened"
    " into the recipients' row)",
    strict=True,
)
def test_goal_header(scores: dict[str, Score]) -> None:
    _, _, _, header_right, header_all = totals(scores)
    assert header_right == header_all


def test_goal_calibration(scores: dict[str, Score]) -> None:
    """Goal met: fields read with confidence >= 0.9 right 98% of the time (180 of 180; the band 0.8-0.9 right
    31 of 37, 0.6-0.8 right 47 of 47)."""
    top = top_band(scores)
    assert sum(top) / len(top) >= 0.98


def test_expected_form_is_the_scorers(scores: dict[str, Score]) -> None:
    """Every label is scored: one score per document, with every header field judged."""
    assert set(scores) == {expected.name for expected in DOCUMENTS}
    for s in scores.values():
        assert set(s.header) == set(HEADER_FIELDS)


def _names(documents: list[Expected]) -> list[str]:
    return [expected.name for expected in documents]


def test_heldout_are_in_no_other_corpus() -> None:
    names = set(_names(DOCUMENTS))
    assert not names & set(_names(labelled()))
    assert not names & set(_names(unseen()))
