"""The progress rules: each fires where it should and only there; clean documents get no finding."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

import parplan
from parplan import (
    DataWindow,
    DocumentSymbol,
    Evidence,
    PlanReference,
    ProgressReport,
    ReportingPeriod,
    ScoreSheet,
    SheetEntry,
    TaskStatus,
    TaskUpdate,
    Unit,
    ValueUpdate,
    check_report,
    check_sheet,
)
from parplan.checks import Family, Severity, Subject, rules
from progress.support import example_framework, example_plan, example_reports, example_sheet

D = Decimal
PLAN = example_plan()
Q2 = example_reports()[1]
SHEET = example_sheet()
FRAMEWORK = example_framework()


def _with_updates(*updates: TaskUpdate) -> Callable[[ProgressReport], ProgressReport]:
    return lambda report: attrs.evolve(report, updates=[*report.updates, *updates])


def _with_values(*values: ValueUpdate) -> Callable[[ProgressReport], ProgressReport]:
    return lambda report: attrs.evolve(report, values=[*report.values, *values])


U = TaskUpdate
DONE = TaskStatus.DONE
EVIDENCE = (Evidence(file="x.pdf"),)

# code -> (change of the clean Q2 report, the path of the one finding expected)
REPORT_CASES: dict[str, tuple[Callable[[ProgressReport], ProgressReport], str]] = {
    "PP801": (_with_updates(U(task="t99", status=TaskStatus.IN_PROGRESS)), "$.updates[6].task"),
    "PP802": (_with_values(ValueUpdate(target="khong-co", value=D(1))), "$.values[2].target"),
    "PP803": (
        _with_values(ValueUpdate(target="sang-kien", value=D(1), unit=Unit.PERCENT, on=date(2026, 6, 1))),
        "$.values[2].unit",
    ),
    "PP804": (
        lambda r: attrs.evolve(r, period=ReportingPeriod.parse("2027Q2"), submitted_on=date(2027, 6, 20)),
        "$.period",
    ),
    "PP805": (
        lambda r: attrs.evolve(
            r, plan=PlanReference(symbol=DocumentSymbol(number="5", doc_type="KH", issuer="UBND"), year=2025)
        ),
        "$.plan.year",
    ),
    "PP806": (lambda r: attrs.evolve(r, unit=attrs.evolve(r.unit, name="Hương Xuân")), "$.unit"),
    "PP807": (_with_updates(U(task="t5", status=TaskStatus.IN_PROGRESS)), "$.updates[6]"),
    "PP808": (_with_updates(U(task="t5", status=TaskStatus.NOT_STARTED)), "$.updates[6]"),
    "PP809": (_with_updates(U(task="t9", status=DONE, evidence=EVIDENCE)), "$.updates[6]"),
    "PP810": (
        _with_updates(U(task="t9", status=DONE, done_on=date(2026, 7, 1), evidence=EVIDENCE)),
        "$.updates[6].done_on",
    ),
    "PP811": (
        _with_updates(U(task="t9", status=TaskStatus.IN_PROGRESS, done_on=date(2026, 6, 1))),
        "$.updates[6].done_on",
    ),
    "PP812": (
        _with_updates(U(task="t9", status=TaskStatus.DONE_LATE, done_on=date(2026, 6, 1), evidence=EVIDENCE)),
        "$.updates[6].status",
    ),
    "PP813": (
        _with_updates(U(task="t10", status=DONE, done_on=date(2026, 4, 1), evidence=EVIDENCE)),
        "$.updates[6].done_on",
    ),
    "PP814": (_with_updates(U(task="t9", status=DONE, done_on=date(2026, 6, 1))), "$.updates[6].evidence"),
    "PP815": (_with_updates(U(task="t1", status=TaskStatus.IN_PROGRESS, spent=6_000_000)), "$.updates[6].spent"),
    "PP816": (_with_values(ValueUpdate(target="dung-han", value=D("97"), unit=Unit.PERCENT)), "$.values[2].value"),
    "PP817": (_with_values(ValueUpdate(target="dung-han", value=D("98.2"), unit=Unit.PERCENT)), "$.values[2]"),
    "PP818": (_with_values(ValueUpdate(target="sang-kien", value=D(1), on=date(2026, 1, 5))), "$.values[2].on"),
    "PP819": (lambda r: attrs.evolve(r, window=DataWindow(start=date(2026, 4, 1), end=date(2026, 6, 14))), "$.window"),
    "PP820": (lambda r: attrs.evolve(r, submitted_on=date(2026, 6, 10)), "$.submitted_on"),
}

# code -> (entries of a sheet against the example framework, the path of the one finding expected)
_CLEAN_ENTRIES = list(SHEET.entries)
SHEET_CASES: dict[str, tuple[list[SheetEntry], str]] = {
    "PP851": ([*_CLEAN_ENTRIES[:-1], SheetEntry(node="4", survey=D(31))], "$.entries[8].survey"),
    "PP852": (
        [SheetEntry(node="2", self_score=D(26)), *_CLEAN_ENTRIES[:3], *_CLEAN_ENTRIES[4:]],
        "$.entries[0].self_score",
    ),
    "PP853": ([attrs.evolve(_CLEAN_ENTRIES[0], evidence=()), *_CLEAN_ENTRIES[1:]], "$.entries[0].evidence"),
    "PP854": ([*_CLEAN_ENTRIES, SheetEntry(node="9.9", self_score=D(0))], "$.entries[9].node"),
    "PP855": ([*_CLEAN_ENTRIES, _CLEAN_ENTRIES[0]], "$.entries[9]"),
    "PP856": (_CLEAN_ENTRIES[:-1], "$.entries"),
    "PP857": ([*_CLEAN_ENTRIES[:-1], SheetEntry(node="4", survey=D(26), self_score=D(26))], "$.entries[8].self_score"),
}


def _codes(subject: Subject) -> list[str]:
    return [entry.code for entry in rules() if entry.subject is subject]


def test_every_report_rule_and_every_sheet_rule_has_a_case() -> None:
    assert sorted(REPORT_CASES) == _codes(Subject.REPORT)
    assert sorted(SHEET_CASES) == _codes(Subject.SHEET)
    assert all(entry.family is Family.PROGRESS for entry in rules() if entry.subject is not Subject.PLAN)
    assert all(entry.code[2] == "8" for entry in rules() if entry.subject is not Subject.PLAN)


def test_the_example_reports_and_sheet_are_clean() -> None:
    for report in example_reports():
        assert check_report(PLAN, report) == []
    assert check_sheet(SHEET, FRAMEWORK) == []


@pytest.mark.parametrize("code", sorted(REPORT_CASES))
def test_each_report_rule_fires_once_where_expected(code: str) -> None:
    change, path = REPORT_CASES[code]
    findings = check_report(PLAN, change(Q2))
    assert [(finding.code, finding.path) for finding in findings if finding.code == code] == [(code, path)]
    others = [finding.code for finding in findings if finding.code != code]
    assert all(other in _ALSO_EXPECTED.get(code, ()) for other in others), others


_ALSO_EXPECTED: dict[str, tuple[str, ...]] = {}
"""Other findings a case may bring (none: each case breaks one rule only)."""


@pytest.mark.parametrize("code", sorted(SHEET_CASES))
def test_each_sheet_rule_fires_once_where_expected(code: str) -> None:
    entries, path = SHEET_CASES[code]
    findings = check_sheet(attrs.evolve(SHEET, entries=entries), FRAMEWORK)
    assert [(finding.code, finding.path) for finding in findings if finding.code == code] == [(code, path)]
    assert {finding.code for finding in findings} <= {code, "PP856", "PP853"}


def test_messages_name_the_unit_and_the_criterion_in_both_languages() -> None:
    [finding] = check_report(PLAN, REPORT_CASES["PP803"][0](Q2), select="PP803")
    assert finding.message == "The value of sang-kien is given in %, but its target is in a count."
    assert finding.message_vi == "Giá trị của sang-kien được tính theo % nhưng chỉ tiêu tính theo số lượng."
    [finding] = check_sheet(attrs.evolve(SHEET, entries=SHEET_CASES["PP851"][0]), FRAMEWORK, select="PP851")
    assert finding.message == "The survey points of 4 is 31, outside 0-30."
    assert finding.severity is Severity.ERROR


def test_plan_checks_leave_the_progress_rules_out_and_progress_checks_the_plan_rules() -> None:
    assert not any(finding.code.startswith("PP8") for finding in parplan.check(PLAN))
    assert all(finding.code.startswith("PP8") for finding in check_report(PLAN, REPORT_CASES["PP801"][0](Q2)))
    assert check_report(PLAN, REPORT_CASES["PP801"][0](Q2), ignore="PP801") == []
    assert check_report(PLAN, REPORT_CASES["PP801"][0](Q2), select="PP85") == []


def test_findings_come_in_the_documents_order() -> None:
    sloppy = attrs.evolve(
        Q2,
        submitted_on=date(2026, 6, 10),
        updates=[*Q2.updates, U(task="t99", status=TaskStatus.IN_PROGRESS)],
        values=[*Q2.values, ValueUpdate(target="khong-co", value=D(1))],
    )
    paths = [finding.path for finding in check_report(PLAN, sloppy)]
    assert paths == ["$.submitted_on", "$.updates[6].task", "$.values[2].target"]


def test_a_finding_names_the_reports_file() -> None:
    located = attrs.evolve(REPORT_CASES["PP801"][0](Q2), source_file="bao-cao-quy-2.json")
    [finding] = check_report(PLAN, located)
    assert finding.source is not None
    assert finding.source.file == "bao-cao-quy-2.json"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: check_report("plan", Q2), "check_report.plan"),  # type: ignore[arg-type]
        (lambda: check_report(PLAN, "report"), "check_report.report"),  # type: ignore[arg-type]
        (lambda: check_sheet("sheet"), "check_sheet.sheet"),  # type: ignore[arg-type]
        (lambda: check_sheet(SHEET), "check_sheet.framework"),
        (lambda: check_sheet(SHEET, "framework"), "check_sheet.framework"),  # type: ignore[arg-type]
        (lambda: check_sheet(SHEET, parplan.PAR_INDEX_2017_PROVINCE), "check_sheet.framework"),
    ],
)
def test_wrong_arguments_are_refused(call: Callable[[], Any], field: str) -> None:
    with pytest.raises(parplan.InvariantError) as raised:
        call()
    assert raised.value.field == field


def test_a_bundled_framework_is_found_by_the_code_the_sheet_names() -> None:
    sheet = ScoreSheet(
        framework="par_index_2017_province",
        unit=SHEET.unit,
        year=2020,
        entries=[SheetEntry(node="3", self_score=D("15"), evidence=EVIDENCE)],
    )
    codes = [finding.code for finding in check_sheet(sheet)]
    assert codes.count("PP851") == 1
    assert codes.count("PP856") == 7
