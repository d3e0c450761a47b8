"""Mutated example plans: characters deleted, duplicated or replaced at many seeded positions.

Each mutated document loads or is refused with located problems. A mutated
document that still loads is a valid plan, and then everything downstream
holds: it round-trips through ``dumps``, ``parplan.check`` finds what it finds
without raising, and every rendering is produced.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from parplan import Plan, check, dumps, loads, render
from parplan.render import FORMATS, LOCALES
from robust_support import example_texts, load_outcome

REPLACEMENTS = [
    "0",
    "9",
    "-",
    " ",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "x",
    "Q",
    "đ",
    "€",
    "😴",
    "²",
    "٣",
    "\u00a0",
    "\u0301",
    "\x00",
    "\\u0000",
    "\\ud800",
]
MUTATIONS_PER_KIND = 60


def _mutate(text: str, rng: random.Random, kind: str) -> str:
    """``text`` with one character deleted, duplicated or replaced; never the indentation, which changes nothing."""
    position = rng.randrange(len(text))
    while text[position] in " \n" and position:
        position -= 1
    if kind == "delete":
        return text[:position] + text[position + 1 :]
    if kind == "duplicate":
        return text[:position] + text[position] + text[position:]
    return text[:position] + rng.choice(REPLACEMENTS) + text[position + 1 :]


def _downstream(plan: Plan, rng: random.Random) -> None:
    assert loads(dumps(plan)) == plan
    assert dumps(loads(dumps(plan))) == dumps(plan)
    for as_of in (None, date(2022, 6, 30), date(2031, 1, 1)):
        findings = check(plan, as_of=as_of)
        assert all(finding.path.startswith("$") for finding in findings)
    if rng.random() < 0.3:  # rendering every one would only repeat the same work
        for output in FORMATS:
            for locale in LOCALES:
                assert render(plan, format=output, locale=locale)


@pytest.mark.parametrize("name", sorted(example_texts()))
@pytest.mark.parametrize("kind", ["delete", "duplicate", "replace"])
def test_mutated_examples(name: str, kind: str) -> None:
    text = example_texts()[name]
    rng = random.Random(f"{name}:{kind}")  # noqa: S311 - reproducible test noise, not security
    loaded = refused = 0
    for _ in range(MUTATIONS_PER_KIND):
        mutated = _mutate(text, rng, kind)
        outcome = load_outcome(lambda mutated=mutated: loads(mutated))  # type: ignore[misc]
        if isinstance(outcome, Plan):
            loaded += 1
            _downstream(outcome, rng)
        else:
            refused += 1
    assert loaded + refused == MUTATIONS_PER_KIND
    assert refused > 0  # the mutations reach places that matter


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_many_mutations_at_once(name: str) -> None:
    text = example_texts()[name]
    rng = random.Random(name)  # noqa: S311 - reproducible test noise, not security
    for count in (2, 5, 20, 100):
        mutated = text
        for _ in range(count):
            mutated = _mutate(mutated, rng, rng.choice(["delete", "duplicate", "replace"]))
        outcome = load_outcome(lambda mutated=mutated: loads(mutated))  # type: ignore[misc]
        if isinstance(outcome, Plan):
            _downstream(outcome, rng)
        mutated_bytes = mutated.encode("utf-8", "surrogatepass")
        position = rng.randrange(len(mutated_bytes))
        load_outcome(lambda b=mutated_bytes, p=position: loads(b[:p] + b[p + 1 :]))  # type: ignore[misc]


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_truncated_examples(name: str) -> None:
    text = example_texts()[name]
    rng = random.Random(f"cut:{name}")  # noqa: S311 - reproducible test noise, not security
    for end in sorted(rng.sample(range(len(text.rstrip()) - 1), 30)):  # the last brace kept out
        outcome = load_outcome(lambda end=end: loads(text[:end]))  # type: ignore[misc]
        assert not isinstance(outcome, Plan)  # a cut document is never taken for a complete one
