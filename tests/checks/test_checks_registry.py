"""The rule registry: one contract over every rule, selection by prefix, and docs/rules.md."""

from __future__ import annotations

import os
import pickle
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parplan
from checks_plans import clean_plan
from parplan import Finding, Severity
from parplan.checks import Family, Rule, UnknownRuleError, get_rule, rules, rules_markdown, select_rules
from parplan.checks.context import PlanContext
from parplan.checks.finding import path_key
from parplan.checks.registry import CODE_PATTERN, NAME_PATTERN, Localized, Param, Report, rule

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
CODES = [entry.code for entry in rules()]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- the contract every rule keeps -------------------------------------------------------


def test_at_least_thirty_rules_in_every_family() -> None:
    assert len(rules()) >= 30
    assert {entry.family for entry in rules()} == set(Family)


def test_codes_are_unique_sorted_and_well_formed() -> None:
    assert sorted(set(CODES)) == CODES
    assert all(CODE_PATTERN.match(code) for code in CODES)


def test_names_are_unique_kebab_case() -> None:
    names = [entry.name for entry in rules()]
    assert len(set(names)) == len(names)
    assert all(NAME_PATTERN.match(name) for name in names)


@pytest.mark.parametrize("code", CODES)
def test_rule_contract(code: str) -> None:
    entry = get_rule(code)
    assert entry.code == code
    assert entry.family.digit == code[2]
    assert isinstance(entry.severity, Severity)
    assert re.fullmatch(r"\d+\.\d+\.\d+", entry.since)
    assert entry.summary.endswith(".")
    assert len(entry.doc.split()) >= 8, "the documentation says what, why and how to fix"
    assert _placeholders(entry.message_en) == _placeholders(entry.message_vi)
    assert entry.message_en != entry.message_vi
    assert entry.message_en.endswith(".")
    assert entry.message_vi.endswith(".")
    assert entry.function.__doc__ is not None


@pytest.mark.parametrize("code", CODES)
def test_messages_render_in_both_languages(code: str) -> None:
    entry = get_rule(code)
    params: dict[str, Param] = {
        name: Localized(vi=f"<{name} vi>", en=f"<{name} en>", key=name) for name in entry.placeholders
    }
    finding = entry.finding("$.tasks[0]", **params)  # type: ignore[arg-type]  # keywords from a dict
    for name in entry.placeholders:
        assert f"<{name} en>" in finding.message or f"'<{name} en>'" in finding.message
        assert f"<{name} vi>" in finding.message_vi or f"'<{name} vi>'" in finding.message_vi
    assert dict(finding.params) == {name: name for name in entry.placeholders}


def test_registration_refuses_broken_rules() -> None:
    def body(context: PlanContext, report: Report) -> None:
        """A rule for the test."""

    info = Severity.INFO
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: rule("PP10", "x-y", info, en="a.", vi="b.")(body), "must look like"),
        (lambda: rule("PP101", "x-y", info, en="a.", vi="b.")(body), "registered twice"),
        (lambda: rule("PP199", "task-without-lead", info, en="a.", vi="b.")(body), "is used by"),
        (lambda: rule("PP199", "Not_Kebab", info, en="a.", vi="b.")(body), "kebab-case"),
        (lambda: rule("PP199", "x-y", info, en="{a}.", vi="{b}.")(body), "same placeholders"),
        (lambda: rule("PP199", "x-y", info, en="a.", vi="b.", since="1.0")(body), "version"),
        (lambda: rule("PP099", "x-y", info, en="a.", vi="b.")(body), "no family"),
    ]
    for register, message in cases:
        with pytest.raises(ValueError, match=message):
            register()

    def undocumented(context: PlanContext, report: Report) -> None:
        pass

    with pytest.raises(ValueError, match="docstring"):
        rule("PP199", "x-y", Severity.INFO, en="a.", vi="b.")(undocumented)
    assert "PP199" not in CODES
    assert [entry.code for entry in rules()] == CODES


# --- selection -------------------------------------------------------------------------


def _codes(selected: tuple[Rule, ...]) -> list[str]:
    return [entry.code for entry in selected]


def test_default_selection_is_every_rule() -> None:
    assert _codes(select_rules()) == CODES
    assert _codes(select_rules("ALL")) == CODES
    assert _codes(select_rules("PP")) == CODES


def test_select_by_family_and_code() -> None:
    assert _codes(select_rules("PP2")) == [code for code in CODES if code.startswith("PP2")]
    assert _codes(select_rules("PP104,PP201")) == ["PP104", "PP201"]
    assert _codes(select_rules(["PP104", " PP201 "])) == ["PP104", "PP201"]


def test_the_longest_prefix_wins() -> None:
    chosen = _codes(select_rules(["PP1", "PP104"], ["PP10"]))
    expected = [c for c in CODES if c.startswith("PP1") and not c.startswith("PP10")] + ["PP104"]
    assert chosen == sorted(expected)
    assert _codes(select_rules(None, "PP1")) == [c for c in CODES if not c.startswith("PP1")]
    assert _codes(select_rules("PP104", "PP1")) == ["PP104"]
    assert _codes(select_rules("ALL", "PP")) == []
    assert _codes(select_rules("PP", "ALL")) == CODES


def test_ignore_wins_a_tie() -> None:
    assert _codes(select_rules("PP104", "PP104")) == []
    assert _codes(select_rules("ALL", "ALL")) == []


@pytest.mark.parametrize("bad", ["PP9x", "pp1", "PP1000", "PP0", "E501", ""])
def test_unknown_prefixes_are_refused(bad: str) -> None:
    if not bad:
        assert _codes(select_rules("")) == []
        return
    with pytest.raises(UnknownRuleError) as raised:
        select_rules(bad)
    assert raised.value.prefix == bad
    assert repr(bad) in str(raised.value)
    with pytest.raises(UnknownRuleError):
        select_rules(None, ["PP1", bad])
    with pytest.raises(UnknownRuleError):
        parplan.check(clean_plan(), select=bad)


def test_get_rule_refuses_unknown_codes() -> None:
    with pytest.raises(UnknownRuleError, match="PP999"):
        get_rule("PP999")


_PREFIXES = sorted({code[:n] for code in CODES for n in (2, 3, 4, 5)} | {"ALL"})


def _reference(code: str, select: list[str] | None, ignore: list[str]) -> bool:
    """Selection spelled out: the longest matching prefix decides, ignore wins a tie."""
    best: tuple[int, int] | None = None
    verdict = select is None
    for prefixes, enabled in ((select or [], True), (ignore, False)):
        for prefix in prefixes:
            if prefix == "ALL" or code.startswith(prefix):
                length = 0 if prefix == "ALL" else len(prefix)
                rank = (length, 0 if enabled else 1)
                if best is None or rank > best:
                    best, verdict = rank, enabled
    return verdict


@given(
    select=st.none() | st.lists(st.sampled_from(_PREFIXES), max_size=4),
    ignore=st.lists(st.sampled_from(_PREFIXES), max_size=4),
)
def test_selection_agrees_with_its_definition(select: list[str] | None, ignore: list[str]) -> None:
    chosen = _codes(select_rules(select, ignore))
    assert chosen == [code for code in CODES if _reference(code, select, ignore)]


@given(prefixes=st.lists(st.sampled_from(_PREFIXES), max_size=4), code=st.sampled_from(CODES))
def test_naming_a_code_decides_it(prefixes: list[str], code: str) -> None:
    assert code in _codes(select_rules([*prefixes, code], [p for p in prefixes if p != code]))
    assert code not in _codes(select_rules([*prefixes, code], [code]))


# --- findings --------------------------------------------------------------------------


def test_findings_pick_their_language() -> None:
    finding = get_rule("PP104").finding("$.tasks[3]", task="pl-4")
    assert finding.message_for("en") == "Task pl-4 has no lead (chủ trì)."
    assert finding.message_for("vi") == "Nhiệm vụ pl-4 không có cơ quan chủ trì."
    assert finding.param("task") == "pl-4"
    assert finding.param("nothing") is None
    with pytest.raises(parplan.InvariantError, match="locale"):
        finding.message_for("fr")
    with pytest.raises(parplan.InvariantError):
        Severity.ERROR.label("de")


def test_findings_are_frozen_hashable_and_picklable() -> None:
    finding = get_rule("PP202").finding("$.reporting[1].data_from", window="x", period="y", start="a", end="b")
    assert pickle.loads(pickle.dumps(finding)) == finding  # noqa: S301 - our own bytes
    assert len({finding, finding}) == 1
    with pytest.raises(AttributeError):
        finding.code = "PP101"  # type: ignore[misc]


ORDERED = [
    "$",
    "$.symbol",
    "$.issued_on",
    "$.legal_bases[0].date",
    "$.implements[0]",
    "$.objectives[2].targets[0]",
    "$.tasks",
    "$.tasks[2]",
    "$.tasks[2].id",
    "$.tasks[2].timeframe",
    "$.tasks[2].timeframe.steps[1].timeframe",
    "$.tasks[2].budget",
    "$.tasks[10]",
    "$.reporting[0].data_from",
    "$.reporting[0].due",
    "$.reporting[1].period",
]


@given(st.permutations(ORDERED))
def test_paths_sort_in_document_order(shuffled: list[str]) -> None:
    assert sorted(shuffled, key=path_key) == ORDERED


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4))
def test_array_indexes_sort_as_numbers(indexes: list[int]) -> None:
    paths = [f"$.tasks[{i}].timeframe" for i in indexes]
    assert [path_key(p)[1] for p in sorted(paths, key=path_key)] == sorted(indexes)


def test_unknown_path_names_sort_last() -> None:
    assert path_key("$.tasks[0].nonsense") > path_key("$.tasks[0].notes")


def test_finding_sort_key() -> None:
    first = Finding(code="PP201", name="a", severity=Severity.INFO, path="$.tasks[2]", message="m", message_vi="m")
    second = Finding(code="PP104", name="b", severity=Severity.INFO, path="$.tasks[10]", message="m", message_vi="m")
    assert sorted([second, first], key=lambda f: f.sort_key) == [first, second]


# --- docs/rules.md ---------------------------------------------------------------------


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    text = rules_markdown()
    if os.environ.get("PARPLAN_REGENERATE_GOLDEN"):
        DOCS.write_text(text, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == text, (
        "docs/rules.md is out of date: run PARPLAN_REGENERATE_GOLDEN=1 pytest tests/checks/test_checks_registry.py"
    )


def test_docs_list_every_rule_with_both_messages() -> None:
    text = rules_markdown()
    for entry in rules():
        assert f"### {entry.code} `{entry.name}`" in text
        assert f"- en: {entry.message_en}" in text
        assert f"- vi: {entry.message_vi}" in text
        assert entry.doc in text
