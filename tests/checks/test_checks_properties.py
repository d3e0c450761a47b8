"""Properties of the checks over generated plans and generated values.

Any valid plan can be checked: the result is a sorted, deterministic list of
registered findings whose paths point into the plan's JSON. The numeric rules
agree with their definitions on values Hypothesis picks, boundaries included.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from itertools import product

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import parplan
from checks_plans import clean_plan, evolve_target, evolve_task, resolve_path
from parplan import Before, Budget, BudgetLine, Comparator, Target, Unit
from parplan.checks import Family, rules
from parplan.checks._text import loose_key
from parplan.checks.finding import path_key
from parplan.text.normalize import fold
from strategies import examples, plans, vietnamese_texts

_CODES = {entry.code for entry in rules()}
_DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=examples(60))
@given(plan=plans(max_tasks=4), as_of=st.none() | _DAYS)
def test_any_plan_can_be_checked(plan: parplan.Plan, as_of: date | None) -> None:
    findings = parplan.check(plan, as_of=as_of)
    assert findings == parplan.check(plan, as_of=as_of)
    assert findings == sorted(findings, key=lambda f: (path_key(f.path), f.code))
    assert {f.code for f in findings} <= _CODES
    assert not any(get.family is Family.ALIGNMENT for get in map(parplan.checks.get_rule, (f.code for f in findings)))
    if as_of is None:
        assert "PP208" not in {f.code for f in findings}
    document = json.loads(parplan.dumps(plan))
    for finding in findings:
        assert resolve_path(document, finding.path), finding
        assert finding.message
        assert finding.message_vi


@settings(max_examples=examples(30))
@given(child=plans(max_tasks=3), parent=plans(max_tasks=3))
def test_any_pair_can_be_aligned(child: parplan.Plan, parent: parplan.Plan) -> None:
    findings = parplan.check_alignment(child, parent)
    assert findings == parplan.check_alignment(child, parent)
    assert all(f.code.startswith("PP9") for f in findings)
    document = json.loads(parplan.dumps(child))
    assert all(resolve_path(document, f.path) for f in findings)


@given(plan=plans(max_tasks=3), prefix=st.sampled_from(sorted({c[:4] for c in _CODES})))
def test_selecting_a_family_keeps_its_findings(plan: parplan.Plan, prefix: str) -> None:
    everything = parplan.check(plan)
    assert parplan.check(plan, select=prefix) == [f for f in everything if f.code.startswith(prefix)]
    assert parplan.check(plan, ignore=prefix) == [f for f in everything if not f.code.startswith(prefix)]


_PERCENT = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)


@given(value=_PERCENT)
def test_percentages_outside_0_100_are_reported(value: Decimal) -> None:
    plan = evolve_target(clean_plan(), 0, value=value)
    found = parplan.check(plan, select="PP301")
    assert bool(found) is (value < 0 or value > 100)


@given(rank=st.integers(min_value=1, max_value=200), out_of=st.integers(min_value=1, max_value=100))
def test_ranks_above_their_out_of_are_reported(rank: int, out_of: int) -> None:
    plan = evolve_target(clean_plan(), 1, value=Decimal(rank), out_of=out_of, baseline=None)
    assert bool(parplan.check(plan, select="PP302")) is (rank > out_of)


_COMPARATORS = [Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LE, Comparator.LT]


def _satisfiable(targets: list[tuple[Comparator, int]]) -> bool:
    """Whether some value meets every target: tried on a grid finer than the values."""
    grid = [Decimal(n) / 2 for n in range(-4, 2 * 105)]

    def meets(value: Decimal, comparator: Comparator, bound: int) -> bool:
        return {
            Comparator.GE: value >= bound,
            Comparator.GT: value > bound,
            Comparator.EQ: value == bound,
            Comparator.LE: value <= bound,
            Comparator.LT: value < bound,
        }[comparator]

    return any(all(meets(value, c, b) for c, b in targets) for value in grid)


@given(
    st.lists(st.tuples(st.sampled_from(_COMPARATORS), st.integers(min_value=0, max_value=100)), min_size=1, max_size=5)
)
def test_contradictory_targets_are_exactly_the_unsatisfiable_ones(targets: list[tuple[Comparator, int]]) -> None:
    made = tuple(
        Target(comparator=c, value=Decimal(b), unit=Unit.PERCENT, subject="Tỷ lệ hồ sơ trực tuyến") for c, b in targets
    )
    plan = attrs.evolve(
        clean_plan(),
        objectives=(attrs.evolve(clean_plan().objectives[0], targets=made),),
    )
    found = parplan.check(plan, select="PP304")
    assert bool(found) is not _satisfiable(targets)
    if found:
        first_bad = next(k for k in range(1, len(targets) + 1) if not _satisfiable(targets[:k]))
        assert found[0].path == f"$.objectives[0].targets[{first_bad - 1}]"


def test_targets_of_other_subjects_units_or_horizons_never_contradict() -> None:
    base = Target(comparator=Comparator.EQ, value=Decimal(100), unit=Unit.PERCENT, subject="Tỷ lệ A")
    others = [
        attrs.evolve(base, value=Decimal(50), subject="Tỷ lệ B"),
        attrs.evolve(base, value=Decimal(50), unit=Unit.COUNT),
        attrs.evolve(base, value=Decimal(50), horizon=date(2025, 12, 31)),
        attrs.evolve(base, value=Decimal(50), subject=None),
    ]
    for other in others:
        plan = attrs.evolve(clean_plan(), objectives=(attrs.evolve(clean_plan().objectives[0], targets=(base, other)),))
        assert parplan.check(plan, select="PP304") == []
    same = attrs.evolve(base, value=Decimal(50), subject="TỶ LỆ  a")
    plan = attrs.evolve(clean_plan(), objectives=(attrs.evolve(clean_plan().objectives[0], targets=(base, same)),))
    assert len(parplan.check(plan, select="PP304")) == 1


@given(
    amounts=st.lists(st.integers(min_value=-(10**9), max_value=10**10), min_size=1, max_size=4),
    delta=st.integers(-3, 3),
)
def test_budget_totals_and_signs(amounts: list[int], delta: int) -> None:
    lines = tuple(BudgetLine(label=f"Khoản {n}", amount=a) for n, a in enumerate(amounts, start=1))
    total = sum(amounts) + delta
    plan = evolve_task(clean_plan(), 6, budget=Budget(amount=total, lines=lines))
    codes = [f.code for f in parplan.check(plan, select="PP6")]
    negatives = (total < 0) + sum(a < 0 for a in amounts)
    assert codes.count("PP601") == negatives
    assert codes.count("PP602") == (delta != 0)


@given(shift=st.integers(min_value=-400, max_value=400))
def test_deadlines_outside_the_year(shift: int) -> None:
    day = date(2024, 1, 1) + timedelta(days=shift)
    plan = evolve_task(clean_plan(), 0, timeframe=Before(day=day))
    assert bool(parplan.check(plan, select="PP201")) is (day.year != 2024)


@given(as_of=_DAYS, deadline=_DAYS)
def test_overdue_means_after_the_last_day(as_of: date, deadline: date) -> None:
    plan = evolve_task(clean_plan(), 0, timeframe=Before(day=deadline))
    found = [f for f in parplan.check(plan, select="PP208", as_of=as_of) if f.path.startswith("$.tasks[0].")]
    assert bool(found) is (as_of > deadline)


@given(points=st.lists(st.decimals(min_value=0, max_value=20, places=2), min_size=8, max_size=8), delta=_PERCENT)
def test_area_scores_must_sum_to_the_total(points: list[Decimal], delta: Decimal) -> None:
    assume(abs(delta) <= 5)
    result = clean_plan().results[0]
    scores = tuple(attrs.evolve(s, points=p, max_points=None) for s, p in zip(result.area_scores, points, strict=True))
    total = sum(points, Decimal(0)) + delta
    plan = attrs.evolve(clean_plan(), results=(attrs.evolve(result, area_scores=scores, score=total),))
    assert bool(parplan.check(plan, select="PP701")) is (delta != 0)


def test_every_grid_point_of_the_reporting_windows() -> None:
    """Every declared window start around the regime's is compared right: only the regime's day is silent."""
    for year, period in product((2023, 2024), ("Q1", "S1", "Q3", "")):
        regime = parplan.ReportingPeriod.parse(f"{year}{period}").data_window.start
        for shift in (-366, -1, 0, 1, 365):
            plan = attrs.evolve(clean_plan(), year=year, reporting=())
            line = parplan.ReportingLine(
                period=parplan.ReportingPeriod.parse(f"{year}{period}"),
                data_from=regime + timedelta(days=shift),
                data_to=parplan.ReportingPeriod.parse(f"{year}{period}").data_window.end,
            )
            found = parplan.check(attrs.evolve(plan, reporting=(line,)), select="PP501")
            assert bool(found) is (shift != 0)


_PUNCTUATION = st.sampled_from([" ", "  ", ", ", " - ", " – ", "; ", ".", " (", ") ", "/", ":"])


@given(words=st.lists(vietnamese_texts(max_words=3), min_size=1, max_size=4), glue=st.lists(_PUNCTUATION, min_size=4))
def test_title_keys_ignore_case_diacritics_and_punctuation(words: list[str], glue: list[str]) -> None:
    text = "".join(word + sep for word, sep in zip(words, glue, strict=False))
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())
    assert loose_key(text) == folded
    assert loose_key(text.upper()) == folded
    assert loose_key(unicodedata.normalize("NFD", text)) == folded
    assert loose_key(" ".join(words)) == folded
