"""Shared material of the robustness tests: hostile texts, real phrases, damaged variants, located errors.

Everything random here is seeded, so each run sees the same corpus; the seeds
vary the positions and kinds of damage, not the expectations.
"""

from __future__ import annotations

import json
import os
import random
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from parplan import InvariantError, ParplanError, Plan, PlanFormatError, Problem

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))

LONG_INPUT = 100_000 if os.environ.get("PARPLAN_HYPOTHESIS") == "thorough" else 20_000
"""Characters of the long inputs of the parsers: 20,000, and 100,000 in the ``thorough`` profile (tests/conftest.py).

A parser that backtracks over a run of spaces takes seconds per input at 20,000 characters
(twenty times a linear one, plain in ``pytest --durations``) and minutes at 100,000."""

# The detailed pass found nothing although the fast pass refused: the report then names an exception class.
_EXCEPTION_NAME = re.compile(r"_?[A-Z]\w*(Error|Exception|Invalid)?: ")


@cache
def hostile_strings() -> tuple[str, ...]:
    """The texts of ``tests/cases/hostile_strings.txt``, one JSON string literal per line."""
    lines = (CASES / "hostile_strings.txt").read_text(encoding="utf-8").splitlines()
    texts = tuple(json.loads(line) for line in lines if line.strip() and not line.startswith("#"))
    assert all(isinstance(text, str) for text in texts)
    return texts


def is_text(value: str) -> bool:
    """True when ``value`` can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def hostile_texts() -> tuple[str, ...]:
    """The hostile strings that are text: what a plan may legitimately hold."""
    return tuple(text for text in hostile_strings() if is_text(text) and text.strip())


@cache
def example_texts() -> dict[str, str]:
    """The example plans' JSON text by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in EXAMPLES}


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


@cache
def phrases() -> tuple[str, ...]:
    """Real plan phrases: every text of the parser case files and of the example plans typed from real plans."""
    found: set[str] = set()
    for path in sorted(CASES.glob("*.toml")):
        found.update(text for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))) if text.strip())
    for path in EXAMPLES:
        found.update(text for text in _strings(json.loads(path.read_text(encoding="utf-8"))) if text.strip())
    return tuple(sorted(found))


_DAMAGE_CHARS = (
    " ",
    "  ",
    "\n",
    "\t",
    "/",
    "-",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "%",
    "0",
    "9",
    "1/",
    "Q",
    "I",
    "l",
    "đ",
    "ư",
    "€",
    "😴",
    "²",
    "٣",
    "\u00a0",
    "\u200b",
    "\u0301",
    "\x00",
    "\u202e",
)


def damage(text: str, rng: random.Random) -> str:
    """``text`` with one to four characters deleted, duplicated, replaced or inserted, or its form changed."""
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(chars) + 1)
        action = rng.randrange(6)
        if action == 0 and where < len(chars):
            del chars[where]
        elif action == 1 and where < len(chars):
            chars.insert(where, chars[where])
        elif action == 2 and where < len(chars):
            chars[where] = rng.choice(_DAMAGE_CHARS)
        elif action == 3:
            chars.insert(where, rng.choice(_DAMAGE_CHARS))
        elif action == 4:
            chars = chars[:where]
        else:
            chars.insert(where, rng.choice(_DAMAGE_CHARS) * rng.randint(2, 40))
    damaged = "".join(chars)
    form = rng.randrange(8)
    if form == 0:
        return unicodedata.normalize("NFD", damaged)
    if form == 1:
        return damaged.upper()
    if form == 2:
        return damaged.lower()
    return damaged


def damaged_phrases(seed: int, copies: int) -> list[str]:
    """``copies`` damaged variants of every real phrase, seeded."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test noise, not security
    return [damage(phrase, rng) for phrase in phrases() for _ in range(copies)]


def assert_located(problems: tuple[Problem, ...]) -> None:
    """Every problem names where it is (a JSON path from ``$``) and says what is wrong in words."""
    assert problems
    for problem in problems:
        assert problem.path.startswith("$"), problem
        assert problem.message, problem
        assert not _EXCEPTION_NAME.match(problem.message), problem


def load_outcome(load: Callable[[], Plan]) -> Plan | tuple[Problem, ...]:
    """The plan ``load`` returns, or the located problems of the :class:`PlanFormatError` it raises.

    Any other exception propagates and fails the test.
    """
    try:
        return load()
    except PlanFormatError as error:
        problems = error.problems
        message = str(error)
    assert_located(problems)
    assert message
    return problems


def with_text_everywhere(value: Any, text: str) -> Any:
    """``value`` (a model object) with ``text`` in every free-text field that accepts it.

    Fields are changed one by one, deepest first; a change the model refuses
    (an identifier, a symbol that must read as one, a name that must be unique)
    keeps the field as it was.
    """
    if isinstance(value, tuple):
        return tuple(with_text_everywhere(item, text) for item in value)
    if not attrs.has(type(value)):
        return value
    current = value
    for field in attrs.fields(type(value)):
        old = getattr(current, field.name)
        if type(old) is str:  # not an enumeration's member
            new: Any = text
        elif isinstance(old, tuple) and old and all(type(item) is str for item in old):
            new = tuple(text for _ in old)
        else:
            new = with_text_everywhere(old, text)
        if new is old or new == old:
            continue
        try:
            current = attrs.evolve(current, **{field.name: new})
        except (InvariantError, ValueError, TypeError):
            continue
    return current


def never_raises(function: Callable[[], object]) -> object:
    """Call ``function``; a ParplanError is a failure too (used where nothing may go wrong)."""
    try:
        return function()
    except ParplanError as error:  # pragma: no cover - reported as the failure it is
        raise AssertionError(f"unexpected {type(error).__name__}: {error}") from error
