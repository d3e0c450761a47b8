"""Precision and recall of the checks on a labelled corpus of plans with known defects.

``tests/checks/labelled/`` holds plans the rules were not written from: six
synthetic plans of ``tests/documents/synthetic`` transcribed as written
(``transcribe_synthetic.py``) and five plans written in the patterns of real
plans with known defects (``write_own_plans.py``). Each ``NAME.labels.toml``
lists the plan's real defects (``expected_findings``: the code of the rule
that should report it and the JSON path of the defect) and, for the record,
the findings known to be false alarms (``not_defects``). A plan with a
``parent`` is also checked with :func:`parplan.check_alignment` against it.

A finding matches a labelled defect when their codes agree and the finding's
path is the labelled path or lies inside it (``$.tasks[3].responsibility``
inside ``$.tasks[3]``); each finding matches at most one defect and each
defect at most one finding. Precision is the share of findings that match a
defect, recall the share of defects matched by a finding.

Run ``python tests/checks/test_checks_labelled.py`` to print the figures by
rule and family.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import parplan
from parplan.checks import rules
from parplan.org import TWO_TIER_FROM

LABELLED = Path(__file__).resolve().parent / "labelled"
NAMES = sorted(path.name.removesuffix(".labels.toml") for path in LABELLED.glob("*.labels.toml"))
FAMILIES = {"1": "structure", "2": "dates", "3": "targets", "4": "references", "5": "reporting"}
FAMILIES |= {"6": "budget", "7": "frameworks", "8": "progress", "9": "alignment"}


class Label(NamedTuple):
    plan: str
    code: str
    path: str


def _labels(name: str) -> dict[str, Any]:
    return tomllib.loads((LABELLED / f"{name}.labels.toml").read_text(encoding="utf-8"))


@functools.cache
def _plan(name: str) -> parplan.Plan:
    return parplan.load(LABELLED / f"{name}.json")


@functools.cache
def findings() -> tuple[Label, ...]:
    """Every finding over the corpus, as (plan, code, path)."""
    found: list[Label] = []
    for name in NAMES:
        plan = _plan(name)
        found.extend(Label(name, f.code, f.path) for f in parplan.check(plan))
        parent = _labels(name).get("parent")
        if parent is not None:
            found.extend(Label(name, f.code, f.path) for f in parplan.check_alignment(plan, _plan(parent)))
    return tuple(found)


def expected() -> tuple[Label, ...]:
    """Every labelled defect."""
    return tuple(
        Label(name, item["code"], item["path"]) for name in NAMES for item in _labels(name).get("expected_findings", [])
    )


def known_false_alarms() -> tuple[Label, ...]:
    """The findings the labels record as false alarms."""
    return tuple(
        Label(name, item["code"], item["path"]) for name in NAMES for item in _labels(name).get("not_defects", [])
    )


def _inside(path: str, within: str) -> bool:
    return path == within or (path.startswith(within) and path[len(within)] in ".[")


def match(found: tuple[Label, ...], wanted: tuple[Label, ...]) -> tuple[list[Label], list[Label], list[Label]]:
    """True positives, false positives and false negatives."""
    left = list(wanted)
    hits: list[Label] = []
    alarms: list[Label] = []
    for finding in found:
        partner = next(
            (w for w in left if w.plan == finding.plan and w.code == finding.code and _inside(finding.path, w.path)),
            None,
        )
        if partner is None:
            alarms.append(finding)
        else:
            left.remove(partner)
            hits.append(finding)
    return hits, alarms, left


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def table() -> str:
    """Precision and recall by rule, by family and overall, as text."""
    hits, alarms, misses = match(findings(), expected())
    rows = [f"{'':10} {'found':>5} {'true':>5} {'false':>5} {'missed':>6} {'precision':>9} {'recall':>7}"]

    def row(label: str, keep: Any) -> None:
        tp = sum(1 for x in hits if keep(x.code))
        fp = sum(1 for x in alarms if keep(x.code))
        fn = sum(1 for x in misses if keep(x.code))
        if tp + fp + fn:
            rows.append(
                f"{label:10} {tp + fp:5} {tp:5} {fp:5} {fn:6} {_ratio(tp, tp + fp):9.0%} {_ratio(tp, tp + fn):7.0%}"
            )

    for code in sorted({x.code for x in (*hits, *alarms, *misses)}):
        row(code, lambda c, code=code: c == code)
    for digit, family in FAMILIES.items():
        row(family, lambda c, digit=digit: c[2] == digit)
    row("all", lambda _code: True)
    return "\n".join(rows)


def test_the_corpus_is_varied() -> None:
    plans = [_plan(name) for name in NAMES]
    assert len(plans) >= 10
    assert {plan.level for plan in plans} >= {
        parplan.AdminLevel.PROVINCE,
        parplan.AdminLevel.DISTRICT,
        parplan.AdminLevel.COMMUNE,
    }
    assert any(plan.is_open_ended for plan in plans)
    assert any(plan.issued_on is not None and plan.issued_on >= TWO_TIER_FROM for plan in plans)
    assert any(plan.kind is parplan.PlanKind.REMEDIAL and plan.results for plan in plans)
    assert any(s.kind is parplan.SectionKind.CRITERION for plan in plans for s in plan.sections)
    assert sum(1 for name in NAMES if _labels(name)["source"].startswith("tests/documents/synthetic/")) >= 5


def test_overall_precision_and_recall() -> None:
    hits, alarms, misses = match(findings(), expected())
    precision = _ratio(len(hits), len(hits) + len(alarms))
    recall = _ratio(len(hits), len(hits) + len(misses))
    assert precision >= 0.8, table()
    assert recall >= 0.8, table()


@pytest.mark.parametrize("code", [entry.code for entry in rules()])
def test_rule_precision(code: str) -> None:
    """Every rule, over plans it must stay silent on: no false alarm beyond those the labels record, 80% precise."""
    hits, alarms, _ = match(findings(), expected())
    mine = [x for x in alarms if x.code == code]
    known = set(known_false_alarms())
    assert all(x in known for x in mine), mine
    true = sum(1 for x in hits if x.code == code)
    assert _ratio(true, true + len(mine)) >= 0.8


def test_labels_point_into_their_plans() -> None:
    from checks_plans import resolve_path

    for label in (*expected(), *known_false_alarms()):
        document = json.loads((LABELLED / f"{label.plan}.json").read_text(encoding="utf-8"))
        assert resolve_path(document, label.path), label
        assert label.code in {entry.code for entry in rules()}, label


def _script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, LABELLED / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("script", ["transcribe_synthetic", "write_own_plans"])
def test_the_corpus_is_what_its_scripts_write(script: str) -> None:
    sys.path.insert(0, str(LABELLED))
    try:
        module = _script(script)
        for name, build in module.PLANS.items():
            text = (LABELLED / f"{name}.json").read_text(encoding="utf-8")
            assert parplan.dumps(build()) + "\n" == text, name
    finally:
        sys.path.remove(str(LABELLED))


def test_every_plan_is_labelled() -> None:
    assert sorted(p.name.removesuffix(".json") for p in LABELLED.glob("*.json")) == NAMES
    counts = Counter(label.plan for label in expected())
    assert sum(counts.values()) >= 25


if __name__ == "__main__":
    print(table())  # noqa: T201 - the figures, for a person
