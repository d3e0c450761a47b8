"""Totality of the text parsers: a result or a ParseError that says where, for any phrase, however damaged.

Real phrases (the parser case files and every line of the seed plans) are damaged
at seeded positions (characters deleted, duplicated, replaced, inserted, runs of
spaces, digits or marks, decomposed or upper-case forms); Hypothesis adds
arbitrary text. Timeframes read never end before they begin. Long inputs (runs of
spaces, digits, marks, repeated phrases; 20,000 characters, 100,000 in the
``thorough`` profile) are read: a parser that backtracked over a run would take
seconds on each, and show in ``pytest --durations``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parplan import (
    ParplanError,
    ParseError,
    ReportingPeriod,
    extract_references,
    extract_targets,
    match_area,
    parse_document_symbol,
    parse_number,
    parse_period_label,
    parse_target,
    parse_timeframe,
    read_timeframe,
)
from parplan.timeframes import Timeframe
from robust_support import LONG_INPUT, damaged_phrases, hostile_strings, phrases
from strategies import examples


def _timeframe(text: str) -> object:
    result = parse_timeframe(text, year=2022)
    _assert_ordered(result)
    return result


def _reading(text: str) -> object:
    reading = read_timeframe(text, year=2022)
    _assert_ordered(reading.value)
    return reading


def _assert_ordered(timeframe: Timeframe) -> None:
    earliest, latest = timeframe.earliest, timeframe.latest
    if earliest is not None and latest is not None:
        assert earliest <= latest, (timeframe, earliest, latest)


PARSERS: dict[str, Callable[[str], object]] = {
    "parse_timeframe": _timeframe,
    "read_timeframe": _reading,
    "parse_timeframe without a year": parse_timeframe,
    "parse_target": lambda text: parse_target(text, year=2022),
    "extract_targets": lambda text: extract_targets(text, year=2022),
    "parse_document_symbol": parse_document_symbol,
    "extract_references": extract_references,
    "parse_number": parse_number,
    "parse_number en": lambda text: parse_number(text, locale="en"),
    "match_area": match_area,
    "ReportingPeriod.parse": ReportingPeriod.parse,
    "parse_period_label vi": lambda text: parse_period_label(text, locale="vi"),
    "parse_period_label en": lambda text: parse_period_label(text, locale="en"),
}


def _outcome(parse: Callable[[str], object], text: str) -> object:
    """What ``parse`` gives for ``text``: its result, or its ParplanError saying where; anything else fails."""
    try:
        return parse(text)
    except ParplanError as error:  # a ParseError; ReportingPeriod.parse refuses with an InvariantError
        failure = error
    assert str(failure)
    if isinstance(failure, ParseError):
        assert isinstance(failure.text, str)
        assert 0 <= failure.position <= len(failure.text), failure
        assert failure.expected, failure
    return failure


def test_the_corpus_is_large_and_real() -> None:
    corpus = phrases()
    assert len(corpus) > 1500
    assert "Quý I, II, III/2022" in corpus  # seed 004, as written
    assert any("61/2018/NĐ-CP" in phrase for phrase in corpus)


def _labels() -> list[str]:
    """Period labels in both languages, as documents write them, for years other than the seeds'."""
    periods = [ReportingPeriod.year_of(2031), ReportingPeriod.nine_months(2027)]
    periods += [ReportingPeriod.quarter(2026, q) for q in (1, 2, 3, 4)] + [ReportingPeriod.half(2029, 2)]
    periods += [ReportingPeriod.month(2024, m) for m in (1, 7, 12)]
    return [period.label(locale) for period in periods for locale in ("vi", "en")]


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_every_real_phrase(name: str) -> None:
    parse = PARSERS[name]
    outcomes = [_outcome(parse, phrase) for phrase in (*phrases(), *_labels())]
    assert any(not isinstance(outcome, ParplanError) for outcome in outcomes)  # the corpus exercises the parser


@pytest.mark.parametrize("name", sorted(PARSERS))
@pytest.mark.parametrize("seed", [1, 2])
def test_every_damaged_phrase(name: str, seed: int) -> None:
    parse = PARSERS[name]
    for text in damaged_phrases(seed * 1000 + len(name), 2):
        _outcome(parse, text)


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_hostile_strings(name: str) -> None:
    parse = PARSERS[name]
    for text in hostile_strings():
        _outcome(parse, text)
        _outcome(parse, f"Trước ngày 31/12/2022 {text}")
        _outcome(parse, f"{text} đạt 90% Quý I/2022")


@pytest.mark.parametrize("name", sorted(PARSERS))
@pytest.mark.parametrize("value", [None, 2022, b"Quy I/2022", ["Quý I"], 3.5])
def test_what_is_not_text_is_a_parse_error(name: str, value: Any) -> None:
    with pytest.raises(ParplanError):
        PARSERS[name](value)


PHRASE_PIECES = st.sampled_from(
    [
        "Quý I",
        "Quý II",
        "/2022",
        "năm 2025",
        "Trước ngày",
        "31/12/2022",
        "đạt",
        "90%",
        "trở lên",
        "Nghị định số",
        "61/2018/NĐ-CP",
        "ngày 23/4/2018",
        "của Chính phủ",
        "về",
        "6 tháng đầu năm",
        "Thường xuyên",
        "định kỳ",
        "hằng tháng",
        "xếp thứ 4/25",
        "tăng so với năm 2021",
        "1.234,5",
        "triệu đồng",
        "cải cách thủ tục hành chính",
        "từ",
        "đến",
        "và",
        ",",
        ";",
        "-",
        "\n",
        " ",
    ]
)


@settings(max_examples=examples(300))
@given(st.lists(PHRASE_PIECES | st.text(max_size=4), max_size=12).map(" ".join))
def test_phrases_made_of_real_pieces(text: str) -> None:
    for parse in PARSERS.values():
        _outcome(parse, text)


@settings(max_examples=examples(150))
@given(st.text(max_size=60))
def test_arbitrary_text(text: str) -> None:
    for parse in PARSERS.values():
        _outcome(parse, text)


FILLERS = {
    "spaces": " ",
    "tabs and line breaks": "\t\n",
    "line breaks and spaces": "\n ",
    "no-break spaces": "\u00a0",
    "digits": "0",
    "full stops": ".",
    "commas": ", ",
    "slashes": "/",
    "dashes": "- ",
    "a real phrase": "Quý I, II/2022 đạt 90% theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018; ",
    "words": "Trong năm ",
    "số": "số ",
    "ngày": "ngày ",
    "Luật": "Luật ",
    "values": "12,5% ",
}


@pytest.mark.parametrize("filler", sorted(FILLERS))
def test_long_input_is_read_in_time_linear_in_its_length(filler: str) -> None:
    run = FILLERS[filler] * (LONG_INPUT // len(FILLERS[filler]))
    texts = [run, f"Trước ngày 31/12/2022 {run}", f"{run} Trước ngày 31/12/2022", f"đạt {run} 90%"]
    for parse in PARSERS.values():
        for text in texts:
            _outcome(parse, text)
