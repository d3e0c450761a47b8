"""Reading plans written in TOML: the same model, the same strictness as JSON."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import parplan
from parplan import PlanFormatError, Within, loads

TOML = """\
format_version = 1
title = "Kế hoạch cải cách hành chính năm 2022"
year = 2022
issued_on = 2022-01-08
place = "Sơn Châu"
purposes = ["Tăng cường sự lãnh đạo của Đảng về CCHC"]

[issuer]
name = "UBND xã Sơn Châu"

[unit]
name = "Sơn Châu"
kind = "xa"
parent = { name = "Hương Sơn", kind = "huyen" }

[symbol]
number = "06"
doc_type = "KH"
issuer = "UBND"

[[objectives]]
text = "Phần đầu ít nhất có 02 sáng kiến (giải pháp mới) về CCHC"
targets = [{ comparator = ">=", value = 2, unit = "count" }]

[[objectives]]
text = "sự hài lòng của người dân, doanh nghiệp đạt từ 90% trở lên"
targets = [{ comparator = ">=", value = "90", unit = "%" }]

[[tasks]]
id = "11"
title = "Thực hiện rà soát, đơn giản hóa TTHC"
area = "thu_tuc_hanh_chinh"
outputs = ["Báo cáo Phương án đơn giản hóa"]
responsibility.lead = { name = "Văn phòng xã" }
responsibility.coordinating = [{ kind = "collective", name = "Các công chức liên quan" }]
timeframe = { kind = "within", periods = ["2022Q1", "2022Q2", "2022Q3"], text = "Quý I, II, III/2022" }

[[tasks]]
id = "28"
title = "Đầu tư thiết bị hạ tầng công nghệ thông tin đảm bảo hoạt động cơ quan"
budget = { amount = 150_000_000, text = "150" }

[tasks.timeframe]
kind = "before"
day = "2022-12-31"
"""

JSON_EQUIVALENT = {
    "format_version": 1,
    "title": "Kế hoạch cải cách hành chính năm 2022",
    "issuer": {"name": "UBND xã Sơn Châu"},
    "unit": {"name": "Sơn Châu", "kind": "xa", "parent": {"name": "Hương Sơn", "kind": "huyen"}},
    "year": 2022,
    "symbol": {"number": "06", "doc_type": "KH", "issuer": "UBND"},
    "place": "Sơn Châu",
    "issued_on": "2022-01-08",
    "purposes": ["Tăng cường sự lãnh đạo của Đảng về CCHC"],
    "objectives": [
        {
            "text": "Phần đầu ít nhất có 02 sáng kiến (giải pháp mới) về CCHC",
            "targets": [{"comparator": ">=", "value": "2", "unit": "count"}],
        },
        {
            "text": "sự hài lòng của người dân, doanh nghiệp đạt từ 90% trở lên",
            "targets": [{"comparator": ">=", "value": "90", "unit": "%"}],
        },
    ],
    "tasks": [
        {
            "id": "11",
            "title": "Thực hiện rà soát, đơn giản hóa TTHC",
            "area": "thu_tuc_hanh_chinh",
            "outputs": ["Báo cáo Phương án đơn giản hóa"],
            "responsibility": {
                "lead": {"name": "Văn phòng xã"},
                "coordinating": [{"kind": "collective", "name": "Các công chức liên quan"}],
            },
            "timeframe": {"kind": "within", "periods": ["2022Q1", "2022Q2", "2022Q3"], "text": "Quý I, II, III/2022"},
        },
        {
            "id": "28",
            "title": "Đầu tư thiết bị hạ tầng công nghệ thông tin đảm bảo hoạt động cơ quan",
            "timeframe": {"kind": "before", "day": "2022-12-31"},
            "budget": {"amount": 150000000, "text": "150"},
        },
    ],
}


def problems_of(text: str | bytes) -> list[str]:
    with pytest.raises(PlanFormatError) as caught:
        loads(text, format="toml")
    return [str(problem) for problem in caught.value.problems]


def test_toml_reads_to_the_same_plan_as_json() -> None:
    plan = loads(TOML, format="toml")
    assert plan == loads(json.dumps(JSON_EQUIVALENT))
    assert plan.issued_on == date(2022, 1, 8)
    assert plan.objectives[0].targets[0].value == Decimal(2)
    timeframe = plan.tasks[0].timeframe
    assert isinstance(timeframe, Within)
    assert [str(p) for p in timeframe.periods] == ["2022Q1", "2022Q2", "2022Q3"]


def test_toml_as_bytes_with_a_byte_order_mark() -> None:
    assert loads(b"\xef\xbb\xbf" + TOML.encode("utf-8"), format="toml") == loads(TOML, format="toml")


def test_toml_dates_may_be_native_or_iso_strings() -> None:
    native = loads(TOML, format="toml")
    quoted = loads(TOML.replace("issued_on = 2022-01-08", 'issued_on = "2022-01-08"'), format="toml")
    assert native == quoted


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("issued_on = 2022-01-08T08:00:00", "$.issued_on: expected an ISO date (YYYY-MM-DD), got a datetime"),
        ("issued_on = 2022-01-08T08:00:00+07:00", "$.issued_on: expected an ISO date (YYYY-MM-DD), got a datetime"),
        ("issued_on = 08:00:00", "$.issued_on: expected an ISO date (YYYY-MM-DD), got a time"),
        ("issued_on = 20220108", "$.issued_on: expected an ISO date (YYYY-MM-DD), got 20220108"),
    ],
)
def test_toml_times_are_not_dates(written: str, message: str) -> None:
    assert problems_of(TOML.replace("issued_on = 2022-01-08", written)) == [message]


def test_toml_floats_are_not_decimals_or_integers() -> None:
    assert problems_of(TOML.replace('value = "90"', "value = 90.0")) == [
        "$.objectives[1].targets[0].value: expected a decimal number written as a string like '90.73', got 90.0"
    ]
    assert problems_of(TOML.replace("year = 2022", "year = 2022.0")) == [
        "$.year: expected an integer without a decimal point, got 2022.0"
    ]
    assert problems_of(TOML.replace("year = 2022", "year = inf")) == ["$.year: expected an integer, got Infinity"]
    assert problems_of(TOML.replace("year = 2022", "year = nan")) == ["$.year: expected an integer, got NaN"]


def test_toml_problems_have_json_paths() -> None:
    text = TOML.replace('kind = "before"', 'kind = "trước"').replace('area = "thu_tuc_hanh_chinh"', "area = 3")
    assert problems_of(text) == [
        (
            "$.tasks[0].area: expected one of 'chi_dao_dieu_hanh', 'the_che', 'thu_tuc_hanh_chinh', 'to_chuc_bo_may', "
            "'cong_vu', 'tai_chinh_cong', 'chinh_quyen_so', 'tac_dong', got 3"
        ),
        (
            "$.tasks[1].timeframe.kind: expected one of 'before', 'on_date', 'between', 'within', 'part_of', 'since', "
            "'span', 'open_ended', 'recurring', 'on_event', 'per_schedule', 'school_term', 'within_working_days', "
            "'compound', "
            "got 'trước'"
        ),
    ]


def test_toml_needs_the_format_version() -> None:
    assert problems_of(TOML.replace("format_version = 1\n", "")) == [
        "$.format_version: required field is missing (this release writes 2)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "title = ",
        'title = "a"\ntitle = "b"',
        "[issuer]\n[issuer]",
        'title = "\\ud800"',
    ],
)
def test_text_that_is_not_toml(text: str) -> None:
    [problem] = problems_of(text)
    assert problem.startswith("$: not valid TOML: ")
    assert len(problem) > len("$: not valid TOML: ")


def test_invalid_utf8_in_toml() -> None:
    assert problems_of(b'title = "\xff"') == ["$: not valid UTF-8 at byte 9"]


def test_unknown_format() -> None:
    with pytest.raises(parplan.InvariantError, match=r"format: must be 'json' or 'toml', got 'yaml'"):
        loads(TOML, format="yaml")  # type: ignore[call-overload]
