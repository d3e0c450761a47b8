"""Target phrases: the corpus, its damaged and folded forms, round trips and totality."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parplan import Comparator, ParseError, TargetFlag, Unit, extract_targets, parse_target
from parplan.text.normalize import fold, nfc
from test_text_support import check_error, damage, describe_target, noise, params, strip_accents


def _without_subject(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in expected.items() if k != "subject"}


@pytest.mark.parametrize("case", params("targets"))
def test_corpus(case: dict[str, Any]) -> None:
    target = parse_target(case["text"], year=case.get("year"))
    assert describe_target(target) == case["expect"]
    assert [f.value for f in target.flags] == case.get("flags", [])
    assert target.text == nfc(case["text"]).strip()


@pytest.mark.parametrize("case", params("targets", "error"))
def test_corpus_errors(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as raised:
        parse_target(case["text"], year=case.get("year"))
    error = raised.value
    assert error.text == nfc(case["text"])
    assert case["expected"] in error.expected
    if "position" in case:
        assert error.position == case["position"]
    check_error(error)


@pytest.mark.parametrize("case", params("targets"))
def test_corpus_without_diacritics(case: dict[str, Any]) -> None:
    for variant in (strip_accents(case["text"]), strip_accents(case["text"]).lower(), case["text"].upper()):
        target = parse_target(variant, year=case.get("year"))
        assert describe_target(target, free_text=False) == _without_subject(case["expect"])
        assert [f.value for f in target.flags] == case.get("flags", [])
        if "subject" in case["expect"]:
            assert target.subject is not None
            assert fold(target.subject) == fold(case["expect"]["subject"])


@pytest.mark.parametrize("case", params("targets"))
def test_corpus_damaged(case: dict[str, Any]) -> None:
    rng = noise(case["text"])
    for _ in range(8):
        damaged = damage(case["text"], rng)
        try:
            target = parse_target(damaged, year=case.get("year"))
        except ParseError as error:  # pragma: no cover - reported with the damaged phrase
            pytest.fail(f"{damaged!r}: {error}")
        assert describe_target(target, free_text=False) == _without_subject(case["expect"]), damaged
        flags = [f.value for f in target.flags if f is not TargetFlag.OCR_REPAIRED]
        assert flags == case.get("flags", []), damaged


@pytest.mark.parametrize("case", params("targets", "error"))
def test_corpus_errors_damaged(case: dict[str, Any]) -> None:
    rng = noise(case["text"])
    for _ in range(4):
        with pytest.raises(ParseError):
            parse_target(damage(case["text"], rng), year=case.get("year"))


def test_ocr_repair_is_flagged() -> None:
    target = parse_target("dat tu 9O% tro len")
    assert target.value == Decimal(90)
    assert target.flags == (TargetFlag.OCR_REPAIRED,)
    assert parse_target("dat tu 90% tro len").flags == ()


def test_extract_targets_reads_every_clause() -> None:
    passage = (
        "4. 75% văn bản QPPL được tổ chức thực hiện kịp thời; 100% văn bản được ban hành đảm bảo tính hợp hiến. "
        "Tổ chức rà soát hệ thống các văn bản ban hành."
    )
    targets = extract_targets(passage)
    assert [(t.comparator, t.value) for t in targets] == [(Comparator.GE, Decimal(75)), (Comparator.EQ, Decimal(100))]
    assert extract_targets("Ban hành kế hoạch") == []


def test_money_is_in_dong_and_evaluates() -> None:
    target = parse_target("Thu ngân sách trên địa bàn đạt 3.773 triệu đồng")
    assert target.unit is Unit.VND
    assert target.value == Decimal(3_773_000_000)
    assert target.evaluate(3_800_000_000).met
    assert not target.evaluate(3_772_999_999).met


def test_rank_targets_evaluate_lower_is_better() -> None:
    top = parse_target("trong nhóm 5/25 xã dẫn đầu")
    assert top.evaluate(3).met
    assert not top.evaluate(6).met


def test_plan_year_must_be_a_year() -> None:
    with pytest.raises(ValueError, match="year"):
        parse_target("tăng so với năm trước", year=99)


# -- round trips -----------------------------------------------------------------------------------

percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
amounts = st.integers(min_value=1, max_value=999_999)


def _vi(value: Decimal) -> str:
    """A decimal written the Vietnamese way: dots group thousands, a comma before the fraction."""
    sign, digits, exponent = value.normalize().as_tuple()
    whole, _, fraction = f"{value.normalize():f}".partition(".")
    del sign, digits, exponent
    groups = f"{int(whole):,}".replace(",", ".")
    return groups + ("," + fraction if fraction else "")


@given(
    value=percents, plain=st.booleans(), form=st.sampled_from(["đạt từ {v}% trở lên", "tối thiểu {v}%", "ít nhất {v}%"])
)
@example(value=Decimal("90.73"), plain=False, form="đạt từ {v}% trở lên")
def test_at_least_percent_round_trip(value: Decimal, plain: bool, form: str) -> None:
    text = form.format(v=_vi(value))
    target = parse_target(strip_accents(text) if plain else text)
    assert (target.comparator, target.value, target.unit) == (Comparator.GE, value, Unit.PERCENT)
    assert target.flags == ()


@given(value=percents, plain=st.booleans(), word=st.sampled_from(["trên", "dưới", "không quá", "tối đa"]))
def test_strict_and_upper_bounds_round_trip(value: Decimal, plain: bool, word: str) -> None:
    expected = {"trên": Comparator.GT, "dưới": Comparator.LT, "không quá": Comparator.LE, "tối đa": Comparator.LE}
    text = f"Tỷ lệ hồ sơ trễ hạn {word} {_vi(value)}%"
    target = parse_target(strip_accents(text) if plain else text)
    assert (target.comparator, target.value, target.unit) == (expected[word], value, Unit.PERCENT)


@given(amount=amounts, scale=st.sampled_from([("triệu", 10**6), ("tỷ", 10**9), ("nghìn", 10**3)]), plain=st.booleans())
def test_money_round_trip(amount: int, scale: tuple[str, int], plain: bool) -> None:
    word, factor = scale
    text = f"Thu ngân sách đạt {_vi(Decimal(amount))} {word} đồng"
    target = parse_target(strip_accents(text) if plain else text)
    assert (target.value, target.unit) == (Decimal(amount * factor), Unit.VND)


@given(position=st.integers(min_value=1, max_value=200), extra=st.integers(min_value=0, max_value=200))
def test_rank_round_trip(position: int, extra: int) -> None:
    target = parse_target(f"xếp thứ {position}/{position + extra} toàn huyện")
    assert (target.comparator, target.value, target.unit, target.out_of) == (
        Comparator.EQ,
        Decimal(position),
        Unit.RANK,
        position + extra,
    )


@given(score=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False))
def test_score_round_trip(score: Decimal) -> None:
    target = parse_target(f"tổng điểm đạt {_vi(score)} điểm")
    assert (target.value, target.unit) == (score, Unit.POINTS)


@given(count=st.integers(min_value=1, max_value=99))
def test_count_round_trip(count: int) -> None:
    target = parse_target(f"Phấn đấu ít nhất có {count:02d} sáng kiến")
    assert (target.comparator, target.value, target.unit) == (Comparator.GE, Decimal(count), Unit.COUNT)


# -- totality ----------------------------------------------------------------------------------------

vocabulary = st.sampled_from(
    [
        "đạt", "từ", "trở lên", "%", "trên", "dưới", "không quá", "tối thiểu", "xếp thứ", "/", "trong nhóm", "top",
        "tăng", "giảm", "bậc", "so với năm", "2020", "năm trước", "điểm", "triệu", "đồng", "tỷ", "không có", "giữ vững",
        "90,73", "3.773", "1.5", "1,500", "02", "100", "0", "26", "25", "(", ")", ";", "trong đó", "s6", "l00",
    ]
)  # fmt: skip


@given(text=st.text(max_size=60))
def test_any_text_reads_or_raises_parse_error(text: str) -> None:
    try:
        parse_target(text)
    except ParseError as error:
        check_error(error)


@given(words=st.lists(vocabulary, max_size=10), year=st.none() | st.integers(min_value=1990, max_value=2100))
def test_plan_words_read_or_raise_parse_error(words: list[str], year: int | None) -> None:
    try:
        parse_target(" ".join(words), year=year)
    except ParseError as error:
        check_error(error)


def test_a_named_group_of_a_ranking_that_lost_its_space_is_the_group() -> None:
    """A scan that lost the space in "dẫn đầu" ("nhóm dẫnđầu") still names the leading group, as written."""
    spaced = parse_target("Giữ vững vị trí trong nhóm dẫn đầu", year=2022)
    joined = parse_target("Giữ vững vị trí trong nhóm dẫnđầu", year=2022)
    assert joined.comparator is spaced.comparator
    assert joined.unit is spaced.unit
