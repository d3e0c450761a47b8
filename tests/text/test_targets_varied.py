"""The varied target phrases (tests/cases/targets_varied.toml) read with their schema extensions.

Each case's expectation is compared with :func:`describe_target_reading`: the
target and what the reading holds beside it (relative to the plan, a named group,
a result's change, a bound, a rate per period, a scale, a band, "not among the
last N"). A case without a subject does not constrain the subject, as
``tests/cases/measure_varied.py`` reads it. The doubts (flags) are compared
apart, OCR repairs aside.
"""

from __future__ import annotations

from typing import Any

import pytest

from parplan import ParseError, TargetFlag, extract_targets, parse_target, read_target
from parplan.text.normalize import nfc
from test_text_support import case_id, check_error, corpus, describe_target_reading

_KNOWN_GAPS = {
    "Chỉ số SIPAS cải thiện cả về tỷ lệ hài lòng và thứ bậc so với năm 2025": (
        "two targets sharing one verb and one baseline ('cả về A và B so với năm …'): read as one increase"
    ),
}


def _cases(key: str) -> list[Any]:
    params = []
    for case in corpus("targets_varied")["case"]:
        if key not in case:
            continue
        marks = []
        if case["text"] in _KNOWN_GAPS:
            marks.append(pytest.mark.xfail(strict=True, reason=_KNOWN_GAPS[case["text"]]))
        params.append(pytest.param(case, id=case_id(case["text"]), marks=marks))
    return params


def _compared(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """The reading as the case can judge it: without a subject when the case names none."""
    return got if "subject" in expected else {k: v for k, v in got.items() if k != "subject"}


@pytest.mark.parametrize("case", _cases("expect"))
def test_varied_target(case: dict[str, Any]) -> None:
    reading = read_target(case["text"], year=case.get("year"))
    assert _compared(case["expect"], describe_target_reading(reading)) == case["expect"]
    assert [f.value for f in reading.flags if f is not TargetFlag.OCR_REPAIRED] == case.get("flags", [])
    assert reading.value.text == nfc(case["text"]).strip()
    assert parse_target(case["text"], year=case.get("year")) == reading.value


@pytest.mark.parametrize("case", _cases("targets"))
def test_varied_several_targets(case: dict[str, Any]) -> None:
    """A phrase that sets several targets: extract_targets reads each; parse_target reads one and doubts."""
    found = extract_targets(case["text"], year=case.get("year"))
    readings = [describe_target_reading(read_target(t.text or "", year=case.get("year"))) for t in found]
    assert [_compared(e, r) for e, r in zip(case["targets"], readings, strict=False)] == case["targets"]
    assert len(readings) == len(case["targets"])
    if ";" not in case["text"]:
        assert TargetFlag.AMBIGUOUS in parse_target(case["text"], year=case.get("year")).flags


@pytest.mark.parametrize("case", [pytest.param(c, id=case_id(c["text"])) for c in corpus("targets_varied")["error"]])
def test_varied_no_target(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as raised:
        read_target(case["text"], year=case.get("year"))
    assert case["expected"] in raised.value.expected
    check_error(raised.value)
