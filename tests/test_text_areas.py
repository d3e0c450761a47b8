"""Section headings to reform areas: the corpus, damaged and folded forms, and totality."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import ReformArea
from parplan.text import match_area, match_areas
from test_text_support import corpus, damage, noise, params, strip_accents


def _expected(case: dict[str, Any]) -> ReformArea | None:
    return None if case["area"] == "none" else ReformArea(case["area"])


@pytest.mark.parametrize("case", params("areas"))
def test_corpus(case: dict[str, Any]) -> None:
    assert match_area(case["text"]) is _expected(case)


@pytest.mark.parametrize("case", params("areas"))
def test_corpus_without_diacritics_and_in_capitals(case: dict[str, Any]) -> None:
    for variant in (strip_accents(case["text"]), case["text"].upper(), strip_accents(case["text"]).lower()):
        assert match_area(variant) is _expected(case), variant


@pytest.mark.parametrize("case", params("areas"))
def test_corpus_damaged(case: dict[str, Any]) -> None:
    rng = noise(case["text"])
    for _ in range(8):
        damaged = damage(case["text"], rng)
        assert match_area(damaged) is _expected(case), damaged


@pytest.mark.parametrize("case", params("areas", "many"))
def test_headings_naming_several_areas(case: dict[str, Any]) -> None:
    assert match_areas(case["text"]) == tuple(ReformArea(a) for a in case["areas"])
    assert match_area(case["text"]) is _expected(case)


def test_every_area_has_a_heading_in_the_corpus() -> None:
    named = {case["area"] for case in corpus("areas")["case"]}
    assert {area.value for area in ReformArea} <= named


def test_canonical_titles_match_their_area() -> None:
    for area in ReformArea:
        assert match_area(area.title_vi) is area
        assert match_area(f"{area.number}. {area.title_vi.upper()}") is area


@given(text=st.text(max_size=80))
def test_any_heading_gives_an_area_or_none(text: str) -> None:
    result = match_area(text)
    found = match_areas(text)
    assert result is None or result in found
    if len(found) == 1:
        assert result is found[0]
