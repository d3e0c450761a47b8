"""Times relative to an event, due days among other words, days that cannot be, and phrases that are not times.

The corpus is ``tests/cases/timeframes_relative.toml``: each phrase read as written, without
diacritics, in capitals and damaged the way scans damage text, and each phrase that is not a time
refused in every one of those forms.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import ParseError, TimeframeFlag, parse_timeframe, read_timeframe
from parplan.render.format import format_timeframe
from parplan.text.normalize import fold, nfc
from parplan.timeframes import Compound, OnEvent, Timeframe
from test_text_support import check_error, damage, describe_timeframe, noise, params, strip_accents, without_free_text

CORPUS = "timeframes_relative"


def _check_bounds(timeframe: Timeframe) -> None:
    if timeframe.earliest is not None and timeframe.latest is not None:
        assert timeframe.earliest <= timeframe.latest
    if isinstance(timeframe, Compound):
        for step in timeframe.steps:
            _check_bounds(step.timeframe)


@pytest.mark.parametrize("case", params(CORPUS))
def test_relative_corpus(case: dict[str, Any]) -> None:
    reading = read_timeframe(case["text"], year=case.get("year"))
    assert describe_timeframe(reading.value) == case["expect"]
    assert reading.action == case.get("action")
    assert [f.value for f in reading.flags] == case.get("flags", [])
    for words in case.get("notes", []):
        assert any(words in note for note in reading.notes), reading.notes
    assert reading.value.text == reading.text == nfc(case["text"]).strip()
    assert parse_timeframe(case["text"], year=case.get("year")) == reading.value
    if not reading.flags:
        assert reading.confidence == 1.0
    _check_bounds(reading.value)


@pytest.mark.parametrize("case", params(CORPUS))
def test_relative_corpus_without_diacritics(case: dict[str, Any]) -> None:
    for variant in (strip_accents(case["text"]), fold(case["text"]), case["text"].upper()):
        reading = read_timeframe(variant, year=case.get("year"))
        got = describe_timeframe(reading.value, free_text=False)
        assert got == without_free_text(case["expect"]), variant
        assert [f.value for f in reading.flags] == case.get("flags", []), variant
        assert (reading.action is None) == ("action" not in case), variant


@pytest.mark.parametrize("case", params(CORPUS))
def test_relative_corpus_damaged(case: dict[str, Any]) -> None:
    """Scan damage is repaired: the same reading and doubts, flagged ocr_repaired when letters were read."""
    rng = noise(case["text"])
    for _ in range(8):
        damaged = damage(case["text"], rng)
        try:
            reading = read_timeframe(damaged, year=case.get("year"))
        except ParseError as error:  # pragma: no cover - reported with the damaged phrase
            pytest.fail(f"{damaged!r}: {error}")
        got = describe_timeframe(reading.value, free_text=False)
        assert got == without_free_text(case["expect"]), damaged
        flags = [f.value for f in reading.flags if f is not TimeframeFlag.OCR_REPAIRED]
        assert flags == case.get("flags", []), damaged
        if reading.repairs:
            assert TimeframeFlag.OCR_REPAIRED in reading.flags
        _check_bounds(reading.value)


@pytest.mark.parametrize("case", params(CORPUS, "error"))
def test_relative_corpus_errors(case: dict[str, Any]) -> None:
    for variant in (case["text"], strip_accents(case["text"]), fold(case["text"])):
        with pytest.raises(ParseError) as raised:
            read_timeframe(variant, year=case.get("year"))
        assert case.get("expected", "") in raised.value.expected, variant
        check_error(raised.value)


@pytest.mark.parametrize("case", params(CORPUS, "error"))
def test_relative_corpus_errors_damaged(case: dict[str, Any]) -> None:
    """Damage does not turn a phrase that is not a time into one."""
    rng = noise(case["text"])
    for _ in range(4):
        with pytest.raises(ParseError):
            parse_timeframe(damage(case["text"], rng), year=case.get("year"))


# -- the model's form: events keep their count of days, and read back ---------------------------------


@pytest.mark.parametrize("case", [c for c in params(CORPUS) if c.values[0]["expect"]["kind"] == "event"])
def test_an_event_reads_back_from_its_words(case: Any) -> None:
    """An event with a count of days is written as its own words and read back as the same event."""
    reading = read_timeframe(case["text"], year=case.get("year"))
    event = reading.value
    assert isinstance(event, OnEvent)
    again = parse_timeframe(format_timeframe(OnEvent(event=event.event), locale="vi"))
    assert isinstance(again, OnEvent)
    assert again.event[:1].upper() + again.event[1:] == event.event[:1].upper() + event.event[1:]


def test_a_count_of_days_after_an_event_has_no_day_until_it_happens() -> None:
    event = parse_timeframe("Trong 15 ngày kể từ ngày nhận Thông báo kết luận")
    assert (event.earliest, event.latest) == (None, None)
    assert event.text == "Trong 15 ngày kể từ ngày nhận Thông báo kết luận"


def test_a_day_that_cannot_be_is_doubted_not_trusted() -> None:
    reading = read_timeframe("Gửi báo cáo về Phòng Nội vụ trước ngày 31/9/2019")
    assert reading.confidence < 0.9
    assert reading.value.text == "Gửi báo cáo về Phòng Nội vụ trước ngày 31/9/2019"
    assert any("'31/9/2019'" in note and "30 days" in note for note in reading.notes)
    assert read_timeframe("trước ngày 30/9/2019").flags == ()


def test_a_due_day_between_words_stays_silent_when_the_words_name_no_time() -> None:
    reading = read_timeframe("Hằng tháng báo cáo kết quả về Phòng Nội vụ trước ngày 25")
    assert reading.flags == ()
    assert reading.action == "báo cáo kết quả về Phòng Nội vụ"


@pytest.mark.parametrize(
    "text",
    [
        "Trong 30 ngày kể từ ngày 04/3/2022",  # calendar days from a date: timeframes.toml refuses it
        "trước ngày mùng 10 tháng Giêng",  # a lunar day, not an event
        "trước ngày thứ Sáu",  # a weekday, not an event
    ],
)
def test_days_that_name_no_event_are_not_read_as_events(text: str) -> None:
    try:
        reading = read_timeframe(text)
    except ParseError:
        return
    assert not isinstance(reading.value, OnEvent), reading.value


# -- totality over the words of these phrases ---------------------------------------------------------

relative_words = st.sampled_from(
    [
        "Trong", "15", "05", "0", "35", "ngày", "làm việc", "kể từ", "sau", "khi", "trước", "chậm nhất", "đợt",
        "kiểm tra", "kỳ họp", "Hội nghị", "hằng tháng", "hàng năm", "định kỳ", "(", ")", ",", ";", "31/9/2019",
        "30/02", "15/3/2024", "20/13", "theo", "Kế hoạch", "số 12/KH-UBND", "mùng", "thứ Sáu", "tháng cuối quý",
    ]
)  # fmt: skip


@given(words=st.lists(relative_words, max_size=10), year=st.none() | st.integers(min_value=1990, max_value=2150))
def test_relative_words_read_or_raise_parse_error(words: list[str], year: int | None) -> None:
    text = " ".join(words)
    try:
        reading = read_timeframe(text, year=year)
    except ParseError as error:
        check_error(error)
    else:
        _check_bounds(reading.value)
        assert parse_timeframe(text, year=year) == reading.value
