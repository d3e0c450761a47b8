"""The real defects of the seed plans (DOMAIN.md §10.4) are found in the example plans.

``examples/son-chau-2022.json`` is seed 004, ``examples/mang-yang-2021.json``
seed 001 and ``examples/son-giang-2021.json`` seed 000, transcribed as written.
Each defect is looked up by what it is about (a task id, a symbol as written),
not by its position, so that a re-transcription that moves rows does not hide
a lost finding.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import parplan
from parplan import AdminLevel, Finding, Plan, PlanKind, ReformArea

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@functools.cache
def _plan(name: str) -> Plan:
    return parplan.load(EXAMPLES / f"{name}.json")


@functools.cache
def _findings(name: str) -> tuple[Finding, ...]:
    return tuple(parplan.check(_plan(name)))


def _with(name: str, code: str, **params: str) -> list[Finding]:
    return [
        f for f in _findings(name) if f.code == code and all(f.param(key) == value for key, value in params.items())
    ]


# (example, code, parameters that identify the finding, what it is in the seed)
DEFECTS = [
    ("son-chau-2022", "PP202", {"period": "2022S1", "start": "2022-12-15"}, "six-month window from 15/12/2022"),
    ("son-chau-2022", "PP501", {"period": "2022S1", "detail": "wrong_year"}, "six-month window a year off"),
    ("son-chau-2022", "PP203", {"period": "2022", "due": "2021-12-03"}, "annual report due 03/12/2021"),
    ("son-chau-2022", "PP201", {"task": "pl-24"}, "row 24, 'Tháng 01/2021' in a 2022 plan"),
    ("son-chau-2022", "PP201", {"task": "pl-29"}, "row 29, 'Tháng 1/2021' in a 2022 plan"),
    ("son-chau-2022", "PP206", {"deadline": "2021-01-31"}, "dated after the 2021 rows' deadline"),
    ("son-chau-2022", "PP402", {"symbol": "01/2018/T-VPCP", "doc_type": "T"}, "Thông tư 01/2018/T-VPCP"),
    ("son-chau-2022", "PP401", {"symbol": "01/TT-VPCP"}, "Thông tư 01/TT-VPCP without its year"),
    ("son-chau-2022", "PP403", {"symbol": "29 KL/TU", "expected": "29-KL/TU"}, "Kết luận 29 KL/TU"),
    ("son-chau-2022", "PP205", {"date": "2022-01-14", "issued": "2022-01-08"}, "implements a later district plan"),
    ("son-chau-2022", "PP104", {"task": "pl-20"}, "row 20 without a lead"),
    ("son-chau-2022", "PP104", {"task": "pl-22"}, "row 22 naming nobody"),
    ("son-chau-2022", "PP104", {"task": "pl-32"}, "row 32 without a lead"),
    ("son-chau-2022", "PP207", {"task": "pl-6"}, "row 6 without a timeframe"),
    ("son-chau-2022", "PP603", {"task": "pl-30", "text": "Theo dự trù kinh phí riêng"}, "row 30's budget cell"),
    ("mang-yang-2021", "PP111", {}, "draft date 'ngày          tháng 12 năm 2020'"),
    ("mang-yang-2021", "PP406", {"document": "Quyết định số /QĐ-UBND"}, "draft number 'Số: /QĐ-UBND'"),
    ("mang-yang-2021", "PP404", {"symbol": "/QĐ-UBND", "doc_type": "QĐ", "expected": "KH"}, "kế hoạch cited as QĐ"),
    ("mang-yang-2021", "PP401", {"symbol": "106/NĐ-CP"}, "Nghị định 106/NĐ-CP without its year"),
    ("mang-yang-2021", "PP405", {"symbol": "113/KH-UBND", "other": "133/KH-UBND"}, "113 and 133/KH-UBND"),
    ("mang-yang-2021", "PP201", {"deadline": "'Ban hành kế hoạch trước 31/12/2020'"}, "due before the plan's year"),
    ("mang-yang-2021", "PP114", {"written": "HDNĐ", "meant": "HĐND"}, "Văn phòng HDNĐ - UBND huyện"),
    ("mang-yang-2021", "PP201", {"task": "pl-V.3"}, "row V.3 due 'Trước ngày 28/02/2022' in a 2021 plan"),
]


@pytest.mark.parametrize(("example", "code", "params", "what"), DEFECTS, ids=[d[3] for d in DEFECTS])
def test_seed_defect_is_found(example: str, code: str, params: dict[str, str], what: str) -> None:
    assert _with(example, code, **params), what


def test_lost_percent_signs_are_flagged_where_the_text_lost_them() -> None:
    inferred = _with("mang-yang-2021", "PP305")
    assert len(inferred) >= 10
    for finding in inferred:
        text = finding.param("target") or ""
        assert "%" not in text
        assert "  " in text or " ." in text, text
    assert all(f.param("unit") == "%" for f in inferred)


def test_the_district_plan_may_leave_out_the_impact_area() -> None:
    plan = _plan("mang-yang-2021")
    assert plan.level is AdminLevel.DISTRICT
    assert ReformArea.TAC_DONG not in plan.areas
    assert _with("mang-yang-2021", "PP102") == []
    strict = parplan.CheckConfig(
        required_areas={PlanKind.ANNUAL: {AdminLevel.DISTRICT: frozenset(ReformArea)}},
    )
    found = parplan.check(plan, select="PP102", config=strict)
    assert [f.param("area") for f in found] == ["tac_dong"]


def test_the_clean_seed_is_nearly_clean() -> None:
    """Seed 000 has no data-quality defect; its text carries no number, which is all there is to say."""
    assert [(f.code, f.path) for f in _findings("son-giang-2021")] == [("PP110", "$")]


def test_the_bundled_example_is_seed_004() -> None:
    assert parplan.check(parplan.load_example()) == list(_findings("son-chau-2022"))


@pytest.mark.parametrize("example", ["son-chau-2022", "mang-yang-2021", "son-giang-2021"])
def test_findings_are_sorted_and_stable(example: str) -> None:
    findings = list(_findings(example))
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    assert parplan.check(_plan(example)) == findings
    assert all(f.message_for("vi") and f.message_for("en") for f in findings)


def test_row_locations_point_into_the_appendix() -> None:
    [row_22] = _with("son-chau-2022", "PP104", task="pl-22")
    assert row_22.source is not None
    assert (row_22.source.table, row_22.source.row) == ("Phụ lục", "22")


def test_directions_and_decision_articles_need_no_area() -> None:
    """Điều 2 and Điều 3 of the decision and the items of "Tổ chức thực hiện" are not tasks of an area."""
    plan = _plan("mang-yang-2021")
    directions = {"QD.2", "QD.3", "IV.1", "IV.2.1", "IV.2.2", "IV.3"}
    indexes = {f"$.tasks[{i}]" for i, task in enumerate(plan.tasks) if task.id in directions}
    assert len(indexes) == len(directions)
    about = [f for f in _findings("mang-yang-2021") if f.code in {"PP104", "PP106", "PP112", "PP207"}]
    assert not [f for f in about if f.path.split(".responsibility")[0] in indexes]


def test_prose_directions_restated_in_the_table_are_not_missing_leads() -> None:
    """Sơn Châu's prose items name no lead; its table does, but for rows 20, 22 and 32."""
    assert sorted(f.param("task") or "" for f in _with("son-chau-2022", "PP104")) == ["pl-20", "pl-22", "pl-32"]
