"""The progress model: every field refuses a wrong type by name, invariants, lossless JSON, strict loading."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings

import parplan
from parplan import (
    DataWindow,
    Evidence,
    IndexGroup,
    IndexResult,
    InvariantError,
    LegalReference,
    Organisation,
    PlanReference,
    ProgressReport,
    ReportingPeriod,
    ScoreSheet,
    SheetEntry,
    Signature,
    TaskStatus,
    TaskUpdate,
    Unit,
    ValueUpdate,
)
from progress.strategies import reports, sheets
from progress.support import EXAMPLES, SYMBOL, UNIT, example_reports, example_sheet
from strategies import examples

PERIOD = ReportingPeriod.parse("2026Q1")
VALID: dict[type, dict[str, Any]] = {
    Evidence: {"reference": LegalReference(symbol=SYMBOL), "file": "a.pdf", "description": "Biên bản"},
    TaskUpdate: {
        "task": "t1",
        "status": TaskStatus.DONE,
        "done_on": date(2026, 3, 1),
        "evidence": (Evidence(file="a.pdf"),),
        "spent": 1_000,
        "note": "Đã xong",
    },
    ValueUpdate: {
        "target": "t",
        "indicator": "i",
        "value": Decimal("62.5"),
        "unit": Unit.PERCENT,
        "on": date(2026, 3, 14),
        "estimated": True,
        "note": "Ước đạt",
    },
    PlanReference: {"symbol": SYMBOL, "id": "kh-2026", "year": 2026, "title": "Kế hoạch"},
    ProgressReport: {
        "unit": UNIT,
        "plan": PlanReference(id="kh"),
        "period": PERIOD,
        "window": PERIOD.data_window,
        "submitted_on": date(2026, 3, 18),
        "issuer": Organisation(name="UBND xã"),
        "symbol": SYMBOL,
        "place": "Hương Đô",
        "title": "Báo cáo",
        "updates": (TaskUpdate(task="t1", status=TaskStatus.DONE),),
        "values": (ValueUpdate(target="t", value=Decimal(1)),),
        "budget_spent": 5,
        "signature": Signature(position="CHỦ TỊCH"),
        "recipients": ("Lưu: VT",),
        "source_file": "bc.json",
        "notes": "Ghi chú",
    },
    SheetEntry: {
        "node": "1.1",
        "self_score": Decimal(2),
        "appraised": Decimal(1),
        "survey": Decimal(1),
        "evidence": (Evidence(file="a.pdf"),),
        "note": "x",
    },
    ScoreSheet: {
        "framework": "vi-du",
        "unit": UNIT,
        "year": 2026,
        "entries": (SheetEntry(node="1"),),
        "submitted_on": date(2026, 12, 28),
        "unit_formed_on": date(2025, 7, 1),
        "previous": IndexResult(framework="vi-du", year=2025),
        "issuer": Organisation(name="UBND xã"),
        "source_file": "sheet.json",
        "notes": "x",
    },
    IndexGroup: {"code": "A", "min_percent": Decimal(90), "name": "Nhóm A", "name_en": "Group A"},
}
CASES = [(cls, name) for cls, fields in VALID.items() for name in fields]


class Wrong:
    """A value of no type any field takes."""

    def __repr__(self) -> str:
        return "Wrong()"


@pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
def test_the_valid_values_build(cls: type) -> None:
    built = cls(**VALID[cls])
    assert attrs.evolve(built) == built


@pytest.mark.parametrize(("cls", "name"), CASES, ids=[f"{cls.__name__}.{name}" for cls, name in CASES])
def test_every_field_refuses_a_wrong_type_naming_the_field(cls: type, name: str) -> None:
    fields = dict(VALID[cls])
    fields[name] = Wrong()
    with pytest.raises(InvariantError) as raised:
        cls(**fields)
    assert raised.value.field == f"{cls.__name__}.{name}"


@pytest.mark.parametrize(
    ("cls", "name", "value"),
    [
        (TaskUpdate, "done_on", datetime(2026, 3, 1, 8, tzinfo=UTC)),
        (TaskUpdate, "spent", True),
        (TaskUpdate, "spent", -1),
        (TaskUpdate, "spent", 1.5),
        (TaskUpdate, "task", "t 1"),
        (TaskUpdate, "status", "done"),
        (TaskUpdate, "note", "  "),
        (TaskUpdate, "evidence", "a.pdf"),
        (TaskUpdate, "evidence", (Evidence(file="a.pdf"), "b.pdf")),
        (ValueUpdate, "value", 62.5),
        (ValueUpdate, "value", Decimal("NaN")),
        (ValueUpdate, "estimated", 1),
        (ProgressReport, "recipients", "Lưu: VT"),
        (ProgressReport, "recipients", ("",)),
        (ScoreSheet, "year", 1900),
        (ScoreSheet, "year", "2026"),
        (PlanReference, "year", 20260),
        (SheetEntry, "self_score", 1),
    ],
)
def test_near_misses_are_refused(cls: type, name: str, value: object) -> None:
    fields = dict(VALID[cls])
    fields[name] = value
    with pytest.raises(InvariantError) as raised:
        cls(**fields)
    assert raised.value.field == f"{cls.__name__}.{name}"


def test_whole_object_invariants() -> None:
    with pytest.raises(InvariantError, match="needs a document"):
        Evidence(description="Biên bản")
    with pytest.raises(InvariantError, match="target id or the indicator code"):
        ValueUpdate(value=Decimal(1))
    with pytest.raises(InvariantError, match="symbol, its id or its title"):
        PlanReference(year=2026)


def test_text_is_kept_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Chờ hướng dẫn của tỉnh")
    assert TaskUpdate(task="t1", status=TaskStatus.BLOCKED, note=decomposed).note == "Chờ hướng dẫn của tỉnh"
    assert Evidence(file=unicodedata.normalize("NFD", "biên bản.pdf")).file == "biên bản.pdf"


def test_a_report_reads_its_window_and_its_known_day() -> None:
    report = ProgressReport(unit=UNIT, plan=PlanReference(id="kh"), period=PERIOD)
    assert report.data_window == PERIOD.data_window
    assert (report.cutoff, report.known_on) == (date(2026, 3, 14), date(2026, 3, 14))
    assert report.is_known_on(date(2026, 3, 14))
    assert not report.is_known_on(date(2026, 3, 13))
    tail = DataWindow(start=date(2025, 12, 15), end=date(2026, 3, 14), estimate_from=date(2026, 3, 1))
    assert attrs.evolve(report, window=tail).cutoff == date(2026, 2, 28)
    twice = attrs.evolve(report, updates=[TaskUpdate(task="t1", status=TaskStatus.DONE)] * 2)
    assert len(twice.updates_of("t1")) == 2
    assert example_sheet().entry("1.2") is not None
    assert example_sheet().entry("9") is None


# --- JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda path: path.name)
def test_the_example_files_are_canonical(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    kind = {
        "plan": parplan.Plan,
        "progress_report": ProgressReport,
        "score_sheet": ScoreSheet,
        "framework": parplan.IndexFramework,
    }[json.loads(text)["document"]]
    document: Any = parplan.loads(text, kind=kind)
    assert parplan.dumps(document) == text
    assert list(_validator(kind).iter_errors(json.loads(text))) == []


@cache
def _validator(kind: type) -> jsonschema.Draft202012Validator:
    schema = parplan.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@settings(max_examples=examples(60))
@given(reports())
def test_reports_round_trip_through_json_text(report: ProgressReport) -> None:
    text = parplan.dumps(report)
    assert parplan.loads(text, kind=ProgressReport) == report
    assert parplan.dumps(parplan.loads(text, kind=ProgressReport)) == text
    assert list(_validator(ProgressReport).iter_errors(json.loads(text))) == []


@settings(max_examples=examples(40))
@given(sheets())
def test_sheets_round_trip_through_json_text(sheet: ScoreSheet) -> None:
    text = parplan.dumps(sheet)
    assert parplan.loads(text, kind=ScoreSheet) == sheet
    assert list(_validator(ScoreSheet).iter_errors(json.loads(text))) == []


def test_the_header_names_the_kind() -> None:
    text = parplan.dumps(example_reports()[0])
    assert json.loads(text)["document"] == "progress_report"
    assert json.loads(parplan.dumps(example_sheet()))["document"] == "score_sheet"
    with pytest.raises(parplan.PlanFormatError) as raised:
        parplan.loads(text)
    assert [str(problem) for problem in raised.value.problems] == [
        "$.document: this file holds a progress_report document, not a plan document"
    ]
    newer = text.replace('"format_version": 1', '"format_version": 2', 1)
    with pytest.raises(parplan.PlanFormatError, match="newer than this release"):
        parplan.loads(newer, kind=ProgressReport)


def test_every_problem_of_a_broken_report_at_once_with_its_path() -> None:
    document = {
        "format_version": 1,
        "document": "progress_report",
        "unit": {"name": "Hương Đô", "kind": "xa"},
        "plan": {},
        "period": "2026Q1",
        "submitted_on": "2026-02-30",
        "updates": [
            {"task": "t1", "status": "done", "evidence": [{"description": "biên bản"}]},
            {"task": "t2", "status": "done", "spent": "5000", "colour": "red"},
        ],
        "values": [{"value": "62.5"}, {"target": "t", "value": "62,5", "unit": "percent"}],
    }
    with pytest.raises(parplan.PlanFormatError) as raised:
        parplan.loads(json.dumps(document), kind=ProgressReport)
    assert [str(problem) for problem in raised.value.problems] == [
        "$.plan: needs the plan's symbol, its id or its title",
        "$.submitted_on: expected an ISO date (YYYY-MM-DD), got '2026-02-30'",
        "$.updates[0].evidence[0]: needs a document: a legal reference or a file name",
        "$.updates[1].colour: unknown field",
        "$.updates[1].spent: expected an integer, got '5000'",
        "$.values[0]: needs the target id or the indicator code it measures",
        "$.values[1].value: expected a decimal number written as a string like '90.73', got '62,5'",
        "$.values[1].unit: expected one of '%', 'pp', 'count', 'points', 'rank', 'VND', 'days', got 'percent'",
    ]


def test_toml_reports_read_the_same() -> None:
    toml = """
format_version = 1
document = "progress_report"
period = "2026Q1"
submitted_on = 2026-03-18
[unit]
name = "Hương Đô"
kind = "xa"
[plan]
id = "kh-2026"
[[updates]]
task = "t1"
status = "done"
done_on = 2026-02-02
"""
    report = parplan.loads(toml, kind=ProgressReport, format="toml")
    assert report.updates[0].done_on == date(2026, 2, 2)
    assert report.submitted_on == date(2026, 3, 18)
