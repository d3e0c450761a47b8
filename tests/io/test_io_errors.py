"""Exact error lists for broken documents, and the error classes themselves."""

from __future__ import annotations

import copy
import errno
import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from parplan import (
    InvariantError,
    ParplanError,
    ParseError,
    PlanBatchError,
    PlanFileError,
    PlanFormatError,
    Problem,
    dumps,
    loads,
)

BASE: dict[str, Any] = {
    "format_version": 1,
    "title": "Kế hoạch cải cách hành chính năm 2022",
    "issuer": {"name": "UBND xã Sơn Châu"},
    "unit": {"name": "Sơn Châu", "kind": "xa", "parent": {"name": "Hương Sơn", "kind": "huyen"}},
    "year": 2022,
    "objectives": [
        {
            "text": "100% hồ sơ TTHC được giải quyết trước và đúng hạn",
            "targets": [{"comparator": "=", "value": "100", "unit": "%"}],
        }
    ],
    "tasks": [
        {
            "id": "1",
            "title": "Ban hành các văn bản chỉ đạo thực hiện nhiệm vụ CCHC 2022",
            "area": "chi_dao_dieu_hanh",
            "responsibility": {"lead": {"name": "UBND xã"}, "coordinating": [{"name": "Văn phòng"}]},
            "timeframe": {"kind": "within", "periods": ["2022M01"], "text": "Tháng 01/2022"},
        },
        {
            "id": "28",
            "title": "Đầu tư thiết bị hạ tầng công nghệ thông tin",
            "responsibility": {
                "lead": {
                    "kind": "joint",
                    "members": [{"name": "Văn hóa - Thông tin"}, {"kind": "official", "position": "Cán bộ CNTT xã"}],
                }
            },
            "timeframe": {
                "kind": "compound",
                "steps": [
                    {"action": "Mua sắm", "timeframe": {"kind": "between", "start": "2022-03-01", "end": "2022-06-30"}}
                ],
            },
            "budget": {"amount": 150000000, "text": "150"},
        },
    ],
}

TIMEFRAME_KINDS = (
    "'before', 'on_date', 'between', 'within', 'part_of', 'since', 'span', 'open_ended', 'recurring', 'on_event', "
    "'per_schedule', 'school_term', 'within_working_days', 'compound'"
)
PARTY_KINDS = "'organisation', 'official', 'collective', 'joint'"
SIMPLE_KINDS = TIMEFRAME_KINDS.replace(", 'compound'", "")


def problems_of(text: str | bytes, **options: Any) -> list[str]:
    with pytest.raises(PlanFormatError) as caught:
        loads(text, **options)
    return [str(problem) for problem in caught.value.problems]


def broken(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(BASE)
    change(document)
    return json.dumps(document, ensure_ascii=False)


def test_the_base_document_is_valid() -> None:
    plan = loads(json.dumps(BASE))
    assert [task.id for task in plan.tasks] == ["1", "28"]


CASES: list[tuple[str, Callable[[dict[str, Any]], object], list[str]]] = [
    # missing fields
    ("missing title", lambda d: d.pop("title"), ["$.title: required field is missing"]),
    ("missing task id", lambda d: d["tasks"][1].pop("id"), ["$.tasks[1].id: required field is missing"]),
    (
        "missing day deep in a compound",
        lambda d: d["tasks"][1]["timeframe"]["steps"][0]["timeframe"].pop("end"),
        ["$.tasks[1].timeframe.steps[0].timeframe.end: required field is missing"],
    ),
    # wrong types
    ("year as text", lambda d: d.update(year="2022"), ["$.year: expected an integer, got '2022'"]),
    ("title as a number", lambda d: d.update(title=2022), ["$.title: expected a string, got 2022"]),
    ("tasks as an object", lambda d: d.update(tasks={}), ["$.tasks: expected an array, got an object"]),
    ("issuer as an array", lambda d: d.update(issuer=[]), ["$.issuer: expected an object, got an array"]),
    ("null where required", lambda d: d.update(title=None), ["$.title: expected a string, got null"]),
    (
        "timeframe as a phrase",
        lambda d: d["tasks"][0].update(timeframe="Quý I/2022"),
        ["$.tasks[0].timeframe: expected an object, got 'Quý I/2022'"],
    ),
    (
        "date as written in the plan",
        lambda d: d.update(issued_on="08/01/2022"),
        ["$.issued_on: expected an ISO date (YYYY-MM-DD), got '08/01/2022'"],
    ),
    (
        "a day that does not exist",
        lambda d: d.update(issued_on="2022-02-29"),
        ["$.issued_on: expected an ISO date (YYYY-MM-DD), got '2022-02-29'"],
    ),
    (
        "period as written in the plan",
        lambda d: d["tasks"][0]["timeframe"].update(periods=["Tháng 01/2022"]),
        [
            (
                "$.tasks[0].timeframe.periods[0]: expected a period identifier like '2022', '2022S1', '2022Q1', "
                "'2022M01' or '2022Q1-Q3', got 'Tháng 01/2022'"
            )
        ],
    ),
    (
        "decimal comma",
        lambda d: d["objectives"][0]["targets"][0].update(value="90,73"),
        ["$.objectives[0].targets[0].value: expected a decimal number written as a string like '90.73', got '90,73'"],
    ),
    (
        "enum value in Vietnamese",
        lambda d: d["tasks"][0].update(area="Chỉ đạo điều hành"),
        [
            (
                "$.tasks[0].area: expected one of 'chi_dao_dieu_hanh', 'the_che', 'thu_tuc_hanh_chinh', "
                "'to_chuc_bo_may', 'cong_vu', 'tai_chinh_cong', 'chinh_quyen_so', 'tac_dong', got 'Chỉ đạo điều hành'"
            )
        ],
    ),
    (
        "strings in a text list",
        lambda d: d.update(purposes=["Mục đích", 3, None]),
        ["$.purposes[1]: expected a string, got 3", "$.purposes[2]: expected a string, got null"],
    ),
    # booleans where integers or decimals are expected
    ("boolean year", lambda d: d.update(year=True), ["$.year: expected an integer, got true"]),
    (
        "boolean amount",
        lambda d: d["tasks"][1]["budget"].update(amount=False),
        ["$.tasks[1].budget.amount: expected an integer, got false"],
    ),
    (
        "boolean decimal",
        lambda d: d["objectives"][0]["targets"][0].update(value=True),
        ["$.objectives[0].targets[0].value: expected a decimal number written as a string like '90.73', got true"],
    ),
    # unknown keys, with a suggestion when one is close
    ("misspelt key", lambda d: d.update(titel="x"), ["$.titel: unknown field; did you mean 'title'?"]),
    (
        "misspelt key deep down",
        lambda d: d["tasks"][1]["timeframe"]["steps"][0]["timeframe"].update(ends="2022-06-30"),
        ["$.tasks[1].timeframe.steps[0].timeframe.ends: unknown field; did you mean 'end'?"],
    ),
    ("unrelated key", lambda d: d.update(xyz=1), ["$.xyz: unknown field"]),
    ("key that is not a name", lambda d: d.update({"thời gian": 1}), ["$['thời gian']: unknown field"]),
    # kinds of union members
    (
        "unknown timeframe kind",
        lambda d: d["tasks"][0]["timeframe"].update(kind="soon"),
        [f"$.tasks[0].timeframe.kind: expected one of {TIMEFRAME_KINDS}, got 'soon'"],
    ),
    (
        "timeframe without a kind",
        lambda d: d["tasks"][0]["timeframe"].pop("kind"),
        [f"$.tasks[0].timeframe.kind: required field is missing; expected one of {TIMEFRAME_KINDS}"],
    ),
    (
        "a kind that is not text",
        lambda d: d["tasks"][0]["responsibility"]["lead"].update(kind=3),
        [f"$.tasks[0].responsibility.lead.kind: expected one of {PARTY_KINDS}, got 3"],
    ),
    (
        "a compound inside a compound",
        lambda d: d["tasks"][1]["timeframe"]["steps"][0].update(timeframe={"kind": "compound", "steps": []}),
        [f"$.tasks[1].timeframe.steps[0].timeframe.kind: expected one of {SIMPLE_KINDS}, got 'compound'"],
    ),
    (
        "a kind on a class that is not in a union",
        lambda d: d["issuer"].update(kind="official"),
        ["$.issuer.kind: expected 'organisation', got 'official'"],
    ),
    (
        "fields of another kind",
        lambda d: d["tasks"][0]["timeframe"].update(kind="before"),
        [
            "$.tasks[0].timeframe.periods: unknown field",
            "$.tasks[0].timeframe.day: required field is missing",
        ],
    ),
    # broken invariants deep in a task
    (
        "reversed dates in a compound step",
        lambda d: d["tasks"][1]["timeframe"]["steps"][0]["timeframe"].update(start="2022-07-01"),
        ["$.tasks[1].timeframe.steps[0].timeframe.start: must not be after the end 2022-06-30, got '2022-07-01'"],
    ),
    (
        "lead also coordinating",
        lambda d: d["tasks"][0]["responsibility"]["coordinating"].append({"name": "ubnd  XÃ"}),
        ["$.tasks[0].responsibility.coordinating: must not repeat the lead, got 'ubnd  XÃ'"],
    ),
    (
        "a joint lead of one",
        lambda d: d["tasks"][1]["responsibility"]["lead"]["members"].pop(),
        [
            (
                "$.tasks[1].responsibility.lead.members: must name at least two parties, "
                "got (Organisation(name='Văn hóa - Thông tin', level=None, category=None),)"
            )
        ],
    ),
    (
        "an official with no name and no position",
        lambda d: d["tasks"][1]["responsibility"]["lead"]["members"][1].pop("position"),
        ["$.tasks[1].responsibility.lead.members[1].position: is required when the official has no name, got None"],
    ),
    (
        "an empty responsibility",
        lambda d: d["tasks"][0].update(responsibility={}),
        ["$.tasks[0].responsibility: must name at least one party"],
    ),
    (
        "a target without its value",
        lambda d: d["objectives"][0]["targets"][0].pop("value"),
        ["$.objectives[0].targets[0].value: is required with the comparator '=', got None"],
    ),
    (
        "a blank task title",
        lambda d: d["tasks"][1].update(title="   "),
        ["$.tasks[1].title: must not be empty, got '   '"],
    ),
    (
        "a task id with spaces",
        lambda d: d["tasks"][1].update(id="row 28"),
        [
            (
                "$.tasks[1].id: must be an identifier of ASCII letters, digits and '._:/-', "
                "starting with a letter or digit, got 'row 28'"
            )
        ],
    ),
    (
        "a commune above its district",
        lambda d: d["unit"]["parent"].update(kind="xa"),
        ["$.unit.parent: must be a unit of a higher tier than the commune 'xã Sơn Châu', got 'xã Hương Sơn'"],
    ),
    (
        "a year and a span",
        lambda d: d.update(span={"start_year": 2021, "end_year": 2025}),
        ["$.year: exactly one of 'year' and 'span' must be given, got 2022"],
    ),
    (
        "a year out of range",
        lambda d: d.update(year=1900),
        ["$.year: must be a year between 1945 and 2200, got 1900"],
    ),
    (
        "a repeated period",
        lambda d: d["tasks"][0]["timeframe"].update(periods=["2022Q1", "2022Q1"]),
        ["$.tasks[0].timeframe.periods: must not repeat a period, got ['2022Q1', '2022Q1']"],
    ),
]


@pytest.mark.parametrize(("change", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_broken_document(change: Callable[[dict[str, Any]], object], expected: list[str]) -> None:
    assert problems_of(broken(change)) == expected


def test_several_problems_at_once_in_document_order() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("title")
        d.update(year="2022", foo=1)
        d["unit"]["name"] = ""
        d["tasks"][0]["timeframe"]["kind"] = "soon"
        d["tasks"][0]["respons"] = d["tasks"][0].pop("responsibility")
        d["tasks"][1]["id"] = "row 28"
        d["tasks"][1]["budget"]["amount"] = 150.5
        d["tasks"][1]["timeframe"]["steps"][0]["timeframe"]["start"] = "2022-07-01"
        d["objectives"][0]["targets"][0]["value"] = 100

    assert problems_of(broken(change)) == [
        "$.foo: unknown field",
        "$.title: required field is missing",
        "$.unit.name: must be absent or not empty, got ''",
        "$.year: expected an integer, got '2022'",
        "$.tasks[0].respons: unknown field; did you mean 'responsibility'?",
        f"$.tasks[0].timeframe.kind: expected one of {TIMEFRAME_KINDS}, got 'soon'",
        (
            "$.tasks[1].id: must be an identifier of ASCII letters, digits and '._:/-', "
            "starting with a letter or digit, got 'row 28'"
        ),
        "$.tasks[1].timeframe.steps[0].timeframe.start: must not be after the end 2022-06-30, got '2022-07-01'",
        "$.tasks[1].budget.amount: expected an integer, got 150.5",
    ]


def test_the_error_names_its_source_and_counts_the_problems() -> None:
    text = broken(lambda d: (d.pop("title"), d.update(year="x")))
    with pytest.raises(PlanFormatError) as caught:
        loads(text, source="plans/son-chau-2022.json")
    error = caught.value
    assert error.source == "plans/son-chau-2022.json"
    assert str(error) == "plans/son-chau-2022.json: 2 problems, the first: $.title: required field is missing"
    assert error.describe() == (
        "plans/son-chau-2022.json: $.title: required field is missing\n"
        "plans/son-chau-2022.json: $.year: expected an integer, got 'x'"
    )


# --- JSON text itself -------------------------------------------------------------------

VALID = json.dumps(BASE, ensure_ascii=False)


def test_duplicate_keys() -> None:
    text = VALID.replace('"year": 2022', '"year": 2022, "year": 2021')
    assert problems_of(text) == ["$: the key 'year' appears twice in one object"]
    nested = VALID.replace('"id": "28"', '"id": "28", "id": "29"')
    assert problems_of(nested) == ["$: the key 'id' appears twice in one object"]


def test_invalid_utf8_names_the_byte() -> None:
    data = VALID.encode("utf-8").replace("Đầu tư".encode(), b"\xc4\x90\xff")
    offset = data.index(b"\xff")
    assert problems_of(data) == [f"$: not valid UTF-8 at byte {offset}"]
    assert problems_of(b"\xef\xbb\xbf" + data) == [f"$: not valid UTF-8 at byte {offset + 3}"]
    assert problems_of(b"\x80") == ["$: not valid UTF-8 at byte 0"]


def test_a_byte_order_mark_is_accepted_once() -> None:
    plan = loads(json.dumps(BASE))
    assert loads(b"\xef\xbb\xbf" + VALID.encode("utf-8")) == plan
    assert loads("\ufeff" + VALID) == plan
    assert problems_of("\ufeff\ufeff" + VALID) == [
        "$: not valid JSON at line 1, column 1: Unexpected UTF-8 BOM (decode using utf-8-sig)"
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant: str) -> None:
    text = VALID.replace('"amount": 150000000', f'"amount": {constant}')
    column = text.index(f'"amount": {constant}') + len('"amount": ') + 1  # VALID is one line
    assert problems_of(text) == [
        f"$: not valid JSON at line 1, column {column}: {constant} is not a number parplan accepts"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("90.5", "expected a decimal number written as a string like '90.73', got 90.5"),
        ("100.0", "expected a decimal number written as a string like '90.73', got 100.0"),
        ("1e2", "expected a decimal number written as a string like '90.73', got 1E+2"),
    ],
)
def test_json_numbers_with_a_point_are_not_decimals(written: str, message: str) -> None:
    text = VALID.replace('"value": "100"', f'"value": {written}')
    assert problems_of(text) == [f"$.objectives[0].targets[0].value: {message}"]


def test_integers_are_accepted_where_decimals_are_expected() -> None:
    plan = loads(VALID.replace('"value": "100"', '"value": 100'))
    assert str(plan.objectives[0].targets[0].value) == "100"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2022.0", "expected an integer without a decimal point, got 2022.0"),
        ("2022.5", "expected an integer, got 2022.5"),
        ("1e3", "expected an integer without a decimal point, got 1E+3"),
        ('"2022"', "expected an integer, got '2022'"),
    ],
)
def test_numbers_with_a_point_are_not_integers(written: str, message: str) -> None:
    assert problems_of(VALID.replace('"year": 2022', f'"year": {written}')) == [f"$.year: {message}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "$: not valid JSON at line 1, column 1: Expecting value"),
        ("{", "$: not valid JSON at line 1, column 2: Expecting property name enclosed in double quotes"),
        ('{"title": "a"}\n[]', "$: not valid JSON at line 2, column 1: Extra data"),
        ("[]", "$: expected an object holding a plan"),
        ("null", "$: expected an object holding a plan"),
        ('"Kế hoạch"', "$: expected an object holding a plan"),
    ],
)
def test_text_that_is_not_a_plan_document(text: str, expected: str) -> None:
    assert problems_of(text) == [expected]


def test_lone_surrogates_are_refused() -> None:
    escaped = VALID.replace('"Mua sắm"', '"Mua \\ud800 sắm"')
    assert problems_of(escaped) == [
        "$.tasks[1].timeframe.steps[0].action: holds a lone surrogate '\\ud800' at position 4, which is not text"
    ]
    raw = VALID.replace("Mua sắm", "Mua \udfff sắm")
    offset = raw.index("\udfff")
    assert problems_of(raw) == [f"$: not valid text: a lone surrogate '\\udfff' at character {offset}"]
    # escaped pairs are ordinary characters
    paired = loads(VALID.replace('"Mua sắm"', '"Mua \\ud83d\\udce6 sắm"'))
    assert paired.tasks[1].timeframe.steps[0].action == "Mua \U0001f4e6 sắm"  # type: ignore[union-attr]


def test_nesting_deeper_than_the_reader_follows() -> None:
    deep = '{"format_version": 1, "notes": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert problems_of(deep) == ["$: nested 100001 levels deep, deeper than the limit of 64 levels"]


def test_size_limit() -> None:
    size = len(VALID.encode("utf-8"))
    assert problems_of(VALID, max_bytes=size - 1) == [
        f"$: document of {size} bytes is larger than the limit of {size - 1}"
    ]
    assert loads(VALID, max_bytes=size).year == 2022


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (None, "required field is missing (this release writes 2)"),
        (0, "expected a positive integer, got 0"),
        (-1, "expected a positive integer, got -1"),
        (True, "expected a positive integer, got true"),
        ("1", "expected a positive integer, got '1'"),
        (3, "version 3 is newer than this release reads (2); upgrade parplan"),
    ],
)
def test_format_version_problems(version: object, message: str) -> None:
    def change(d: dict[str, Any]) -> None:
        if version is None:
            d.pop("format_version")
        else:
            d["format_version"] = version

    assert problems_of(broken(change)) == [f"$.format_version: {message}"]
    assert problems_of(VALID.replace('"format_version": 1', '"format_version": 1.0')) == [
        "$.format_version: expected a positive integer, got 1.0"
    ]


# --- the error classes ------------------------------------------------------------------


def test_error_hierarchy() -> None:
    assert issubclass(PlanFormatError, ParplanError)
    assert issubclass(PlanFormatError, ValueError)
    assert issubclass(InvariantError, ParplanError)
    assert issubclass(InvariantError, ValueError)
    assert issubclass(ParseError, ParplanError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(PlanFileError, ParplanError)
    assert issubclass(PlanFileError, OSError)
    assert issubclass(PlanBatchError, ParplanError)
    assert issubclass(ParplanError, Exception)


def _round_trip(error: Exception) -> Any:
    return pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data


def test_plan_format_errors_pickle_with_their_problems() -> None:
    with pytest.raises(PlanFormatError) as caught:
        loads(broken(lambda d: (d.pop("title"), d.update(year="x"))), source="a.json")
    copy_ = _round_trip(caught.value)
    assert type(copy_) is PlanFormatError
    assert copy_.problems == caught.value.problems
    assert copy_.source == "a.json"
    assert str(copy_) == str(caught.value)
    assert all(type(problem) is Problem for problem in copy_.problems)


def test_other_errors_pickle_with_their_data() -> None:
    invariant = InvariantError("Task.id", "row 28", "must be an identifier")
    copy_ = _round_trip(invariant)
    assert (copy_.field, copy_.value, copy_.message, str(copy_)) == (
        "Task.id",
        "row 28",
        "must be an identifier",
        "Task.id: must be an identifier, got 'row 28'",
    )
    parse = ParseError("Quý V/2022", 4, "a quarter I to IV")
    copy_ = _round_trip(parse)
    assert (copy_.text, copy_.position, copy_.expected) == ("Quý V/2022", 4, "a quarter I to IV")
    assert str(copy_) == "cannot read 'Quý V/2022' at position 4: expected a quarter I to IV"
    file_error = PlanFileError("plans/a.json", "No such file or directory", errno.ENOENT)
    copy_ = _round_trip(file_error)
    assert (copy_.path, copy_.reason, copy_.errno) == ("plans/a.json", "No such file or directory", errno.ENOENT)
    assert str(copy_) == "plans/a.json: cannot be read or written: No such file or directory"
    batch = PlanBatchError([("a.json", file_error), ("b.json", PlanFormatError([Problem(path="$", message="x")]))])
    copy_ = _round_trip(batch)
    assert [path for path, _ in copy_.failures] == ["a.json", "b.json"]
    assert str(copy_) == str(batch) == "2 files could not be loaded: a.json; b.json"
    assert copy_.describe() == batch.describe()


def test_format_error_messages() -> None:
    assert str(PlanFormatError([])) == "not a valid plan document"
    assert str(PlanFormatError([], source="a.json")) == "a.json: not a valid plan document"
    one = Problem(path="$.title", message="required field is missing")
    assert str(PlanFormatError([one])) == "$.title: required field is missing"
    assert str(PlanFormatError([one], source="a.json")) == "a.json: $.title: required field is missing"
    assert PlanFormatError([one]).describe() == "$.title: required field is missing"
    assert PlanFormatError(iter([one, one])).problems == (one, one)


def test_batch_error_messages() -> None:
    missing = PlanFileError("a.json", "No such file or directory", errno.ENOENT)
    broken_ = PlanFormatError(
        [Problem(path="$.title", message="required field is missing"), Problem(path="$.year", message="x")]
    )
    assert str(PlanBatchError([("a.json", missing)])) == "1 file could not be loaded: a.json"
    assert PlanBatchError([("a.json", missing), ("b.json", broken_)]).describe() == (
        "a.json: cannot be read or written: No such file or directory\n"
        "b.json: $.title: required field is missing\n"
        "b.json: $.year: x"
    )


# --- the same defects in documents laid out canonically ---------------------------------
# Canonical text may be read by a faster path: it must find exactly the same problems.

CANONICAL = dumps(loads(json.dumps(BASE)))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '"value": "100"',
            '"value": 100.5',
            ["$.objectives[0].targets[0].value: expected a decimal number written as a string like '90.73', got 100.5"],
        ),
        ('"year": 2022', '"year": 2022.0', ["$.year: expected an integer without a decimal point, got 2022.0"]),
        ('"year": 2022', '"year": 2022,\n  "year": 2021', ["$: the key 'year' appears twice in one object"]),
        (
            '"amount": 150000000',
            '"amount": NaN',
            ["$: not valid JSON at line 83, column 19: NaN is not a number parplan accepts"],
        ),
        (
            '"amount": 150000000',
            '"amount": 1e400',
            ["$.tasks[1].budget.amount: expected an integer without a decimal point, got 1E+400"],
        ),
        (
            '"action": "Mua sắm"',
            '"action": "Mua \\ud800"',
            ["$.tasks[1].timeframe.steps[0].action: holds a lone surrogate '\\ud800' at position 4, which is not text"],
        ),
        (
            '"kind": "within"',
            '"kind": "trong"',
            [f"$.tasks[0].timeframe.kind: expected one of {TIMEFRAME_KINDS}, got 'trong'"],
        ),
        (
            '"title": "Kế hoạch',
            '"titel": "Kế hoạch',
            [
                "$.titel: unknown field; did you mean 'title'?",
                "$.title: required field is missing",
            ],
        ),
    ],
)
def test_broken_canonical_documents(old: str, new: str, expected: list[str]) -> None:
    text = CANONICAL.replace(old, new, 1)
    assert text != CANONICAL
    assert problems_of(text) == expected
    assert problems_of(text.encode("utf-8")) == expected


def test_canonical_documents_with_amounts_beyond_the_bound_are_refused_at_their_path() -> None:
    text = CANONICAL.replace('"amount": 150000000', '"amount": 99999999999999999999999', 1)
    assert problems_of(text) == [
        "$.tasks[1].budget.amount: expected an integer between -10^18 and 10^18, got an integer of about 24 digits"
    ]
    largest = CANONICAL.replace('"amount": 150000000', '"amount": 1000000000000000000', 1)
    plan = loads(largest)
    assert plan.tasks[1].budget is not None
    assert plan.tasks[1].budget.amount == 10**18
    assert dumps(plan) == largest
