"""Lossless round trip through real JSON text; the canonical form; both JSON encoders."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import parplan
from builders import minimal_plan
from parplan import (
    Before,
    Budget,
    Comparator,
    IndexResult,
    Milestone,
    Organisation,
    Plan,
    ReformArea,
    Responsibility,
    Target,
    Task,
    Unit,
    dumps,
    loads,
)
from parplan.io import document
from strategies import decimals, plans


@pytest.fixture
def stdlib_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "_orjson", None)


def _reindent(text: str) -> str:
    """The text the standard library writes for the same data, two-space indented."""
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@given(plans())
def test_round_trip_through_json_text_is_lossless_and_canonical(plan: Plan) -> None:
    text = dumps(plan)
    assert isinstance(text, str)
    loaded = loads(text)
    assert loaded == plan
    assert dumps(loaded) == text
    assert loads(text.encode("utf-8")) == plan
    # the canonical shape: two-space indents, one final newline, the version first, NFC text
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert text == _reindent(text)
    document_ = json.loads(text)
    assert next(iter(document_)) == "format_version"
    assert document_["format_version"] == parplan.FORMAT_VERSION
    assert unicodedata.is_normalized("NFC", text)


@given(plans())
def test_orjson_and_the_standard_library_write_the_same_bytes(plan: Plan) -> None:
    if document._orjson is None:
        pytest.skip("orjson is not installed: only the standard library path can be tested")
    with_orjson = dumps(plan)
    saved = document._orjson
    document._orjson = None
    try:
        with_stdlib = dumps(plan)
    finally:
        document._orjson = saved
    assert with_stdlib == with_orjson


@pytest.mark.usefixtures("stdlib_encoder")
def test_the_standard_library_path_alone() -> None:
    assert document._orjson is None
    plan = _minimal(tasks=[Task(id="t1", title="Ban hành", budget=Budget(amount=10**18))])
    text = dumps(plan)
    assert '"amount": 1000000000000000000' in text
    assert loads(text) == plan


def test_the_bounds_of_money_are_written_by_either_path_and_beyond_them_nothing_is_built() -> None:
    for amount in (-(10**18), 10**18):
        plan = _minimal(tasks=[Task(id="t1", title="Ban hành", budget=Budget(amount=amount))])
        text = dumps(plan)
        assert f'"amount": {amount}' in text
        assert loads(text) == plan
    for amount in (-(2**70), 10**18 + 1):
        with pytest.raises(
            parplan.InvariantError, match=r"Budget\.amount: must be an int between -10\^18 and 10\^18 or None"
        ):
            Budget(amount=amount)


# --- the canonical form -----------------------------------------------------------------


_minimal = minimal_plan


def test_canonical_form_of_a_small_plan() -> None:
    plan = _minimal(
        tasks=[
            Task(
                id="1",
                title="Ban hành các văn bản chỉ đạo thực hiện nhiệm vụ CCHC 2022",
                area=ReformArea.CHI_DAO_DIEU_HANH,
                responsibility=Responsibility(lead=Organisation(name="UBND xã")),
                timeframe=Before(day=date(2022, 1, 31), text="Tháng 01/2022"),
                targets=[Target(comparator=Comparator.GE, value=Decimal("90.50"), unit=Unit.PERCENT)],
            )
        ]
    )
    assert dumps(plan) == (
        "{\n"
        '  "format_version": 2,\n'
        '  "document": "plan",\n'
        '  "title": "Kế hoạch CCHC năm 2022",\n'
        '  "issuer": {\n'
        '    "name": "UBND xã Sơn Châu"\n'
        "  },\n"
        '  "unit": {\n'
        '    "name": "Sơn Châu",\n'
        '    "kind": "xa"\n'
        "  },\n"
        '  "year": 2022,\n'
        '  "tasks": [\n'
        "    {\n"
        '      "id": "1",\n'
        '      "title": "Ban hành các văn bản chỉ đạo thực hiện nhiệm vụ CCHC 2022",\n'
        '      "area": "chi_dao_dieu_hanh",\n'
        '      "responsibility": {\n'
        '        "lead": {\n'
        '          "name": "UBND xã"\n'
        "        }\n"
        "      },\n"
        '      "timeframe": {\n'
        '        "kind": "before",\n'
        '        "day": "2022-01-31",\n'
        '        "text": "Tháng 01/2022"\n'
        "      },\n"
        '      "targets": [\n'
        "        {\n"
        '          "comparator": ">=",\n'
        '          "value": "90.50",\n'
        '          "unit": "%"\n'
        "        }\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_defaults_are_left_out_and_explicit_defaults_read_the_same() -> None:
    plan = _minimal()
    assert json.loads(dumps(plan)) == {
        "format_version": 2,
        "document": "plan",
        "title": "Kế hoạch CCHC năm 2022",
        "issuer": {"name": "UBND xã Sơn Châu"},
        "unit": {"name": "Sơn Châu", "kind": "xa"},
        "year": 2022,
    }
    explicit = json.loads(dumps(plan))
    explicit.update(kind="annual", span=None, tasks=[], purposes=[], notes=None)
    explicit["issuer"]["kind"] = "organisation"
    assert loads(json.dumps(explicit)) == plan
    assert dumps(loads(json.dumps(explicit))) == dumps(plan)


def test_keys_follow_the_order_of_the_model_fields() -> None:
    plan = _minimal(notes="Ghi chú", kind=parplan.PlanKind.REMEDIAL, place="Sơn Châu", issued_on=date(2022, 1, 8))
    keys = list(json.loads(dumps(plan)))
    order = ["format_version", "document", *(field.name for field in attrs.fields(Plan))]
    assert keys == [name for name in order if name in keys]


def test_any_key_order_reads_to_the_same_canonical_text() -> None:
    text = dumps(_minimal(notes="Ghi chú", place="Sơn Châu"))
    shuffled = dict(reversed(list(json.loads(text).items())))
    assert dumps(loads(json.dumps(shuffled, ensure_ascii=True))) == text


@given(decimals())
def test_decimals_are_written_exactly_as_strings(value: Decimal) -> None:
    plan = _minimal(results=[IndexResult(framework="par", year=2021, score=value)])
    written = json.loads(dumps(plan))["results"][0]["score"]
    assert isinstance(written, str)
    assert Decimal(written) == value
    assert "E" not in written
    loaded = loads(dumps(plan)).results[0].score
    assert loaded == value
    assert str(loaded) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("90.73", "90.73"),
        ("90.730", "90.730"),
        ("100", "100"),
        ("1E+3", "1000"),
        ("0.000001", "0.000001"),
        ("1E-7", "0.0000001"),
        ("-0", "0"),
        ("-0.00", "-0.00"),
        ("-2.5", "-2.5"),
    ],
)
def test_decimal_spellings(value: str, written: str) -> None:
    plan = _minimal(results=[IndexResult(framework="par", year=2021, score=Decimal(value))])
    assert json.loads(dumps(plan))["results"][0]["score"] == written


def test_dates_and_periods_are_written_as_identifiers() -> None:
    target = Target(
        comparator=Comparator.GE,
        value=Decimal(50),
        milestones=[Milestone(by=date(2022, 6, 30), value=Decimal(30))],
    )
    plan = _minimal(
        issued_on=date(2022, 1, 8),
        tasks=[
            Task(
                id="t",
                title="Số hóa",
                targets=[target],
                timeframe=parplan.Within(
                    periods=[parplan.ReportingPeriod.parse(p) for p in ("2022Q1", "2022M07", "2022Q1-Q3")]
                ),
            )
        ],
    )
    data = json.loads(dumps(plan))
    assert data["issued_on"] == "2022-01-08"
    assert data["tasks"][0]["timeframe"] == {"kind": "within", "periods": ["2022Q1", "2022M07", "2022Q1-Q3"]}
    assert data["tasks"][0]["targets"][0]["milestones"] == [{"by": "2022-06-30", "value": "30"}]


def test_text_is_written_in_nfc_as_written() -> None:
    title = "Kế hoạch cải cách hành chính năm 2022  (dự thảo)"
    plan = _minimal(title=unicodedata.normalize("NFD", title))
    assert json.loads(dumps(plan))["title"] == title
    assert title in dumps(plan)


def test_text_outside_the_basic_plane_and_control_characters_round_trip() -> None:
    title = 'Kế hoạch \U0001f4c4 \x00\x1f\x7f\u2028 "trích" \\ /'
    plan = _minimal(title=title)
    assert loads(dumps(plan)).title == title
    assert "\\u0000" in dumps(plan)


def test_dumps_takes_only_documents() -> None:
    with pytest.raises(parplan.InvariantError) as caught:
        dumps({"title": "Kế hoạch"})
    assert str(caught.value) == "dumps.document: must be a document such as a parplan.Plan, got 'dict'"


def test_a_plan_with_a_lone_surrogate_cannot_be_written() -> None:
    plan = _minimal(tasks=[Task(id="t", title="Ban hành", notes="ghi chú \ud800")])
    with pytest.raises(parplan.PlanFormatError) as caught:
        dumps(plan)
    assert [str(p) for p in caught.value.problems] == [
        "$.tasks[0].notes: holds a lone surrogate '\\ud800' at position 8, which is not text"
    ]
