"""Section headings to reform areas: the corpus, damaged and folded forms, and totality."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import ReformArea
from parplan.text import HeadingKind, HeadingMatch, match_area, match_areas, match_heading
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


# -- the varied corpus: wordings of real plans, criteria that are never areas --------------------------


@pytest.mark.parametrize("case", params("areas_varied"))
def test_varied_corpus(case: dict[str, Any]) -> None:
    assert match_area(case["text"]) is _expected(case)
    heading = match_heading(case["text"])
    if "criterion" in case:
        assert heading is not None
        level = HeadingKind(case["criterion"]["level"])
        assert (heading.kind, heading.code, heading.area) == (level, case["criterion"]["code"], None)
        topic = case.get("topic_area")
        assert heading.topic is (None if topic is None else ReformArea(topic))
        assert match_areas(case["text"]) == ()
    elif case["area"] == "none":
        assert heading is None  # a survey's component ("Yếu tố 3") or a heading of no area
    else:
        assert heading is not None
        assert (heading.kind, heading.area) == (HeadingKind.AREA, _expected(case))


@pytest.mark.parametrize("case", params("areas_varied"))
def test_varied_corpus_without_diacritics(case: dict[str, Any]) -> None:
    for variant in (strip_accents(case["text"]), strip_accents(case["text"]).lower()):
        assert match_area(variant) is _expected(case), variant


@pytest.mark.parametrize("case", params("areas_varied", "many"))
def test_varied_headings_naming_several_areas(case: dict[str, Any]) -> None:
    assert match_areas(case["text"]) == tuple(ReformArea(a) for a in case["areas"])
    assert match_area(case["text"]) is _expected(case)


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "II"),
        ("2.3. Đánh giá tác động chính sách khi lập đề nghị xây dựng nghị quyết", "2.3"),
        ("d) Về xây dựng và phát triển Chính quyền số", "d"),
        ("Lĩnh vực 1: Công tác chỉ đạo, điều hành cải cách hành chính", "1"),
        ("Cải cách công vụ", None),
    ],
)
def test_heading_label(heading: str, label: str | None) -> None:
    found = match_heading(heading)
    assert found is not None
    assert found.label == label


def test_a_criterion_code_alone_is_a_criterion_without_topic() -> None:
    assert match_heading("TCTP 1.4") == HeadingMatch(kind=HeadingKind.SUB_CRITERION, code="1.4", label="1.4")
    assert match_heading("Chỉ số thành phần 2.1: Tỷ lệ văn bản") == HeadingMatch(
        kind=HeadingKind.SUB_CRITERION, code="2.1", label="2.1"
    )


def test_a_heading_naming_tieu_chi_without_a_code_is_no_criterion() -> None:
    """ "Tiêu chí" in prose ("Bộ tiêu chí …") has no code: the heading is read for its area."""
    found = match_heading("Triển khai bộ tiêu chí về cải cách thủ tục hành chính")
    assert found is not None
    assert found.kind is HeadingKind.AREA


@given(text=st.text(max_size=80))
def test_any_heading_gives_a_match_or_none(text: str) -> None:
    found = match_heading(text)
    if found is not None and found.kind is HeadingKind.AREA:
        assert found.area is match_area(text)
