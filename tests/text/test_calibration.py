"""Confidence must mean something: readings of targets and citations given 0.9 or more are right.

The labelled corpus is every target and citation case of ``tests/cases`` (the
clean corpora and the varied ones), each also without diacritics, in lower and
in upper case; the phrases of the scanned corpus as ``eng`` and ``vie`` read
them (``tests/scans/corpus``); and every case again as an English-trained OCR
model would read a scan of it (``eng_scan``, two seeded variants each). A
reading is right when it equals the case's expectation in everything but free
text (subjects, bodies, titles); a refusal (``ParseError``, or no citation) is
no reading and is counted apart.

The goal: at least 98% of the readings with a confidence of 0.9 or more are
right. ``pytest tests/text/test_calibration.py -rP`` prints the table by band.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from parplan import ParseError, read_references, read_target
from parplan.text.normalize import fold
from test_text_scanned import MODELS, entries
from test_text_support import (
    CONFIDENT,
    corpus,
    describe_reference,
    describe_reference_reading,
    describe_target,
    describe_target_reading,
    eng_scan,
    strip_accents,
)

GOAL = 0.98
BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))
_FREE_TARGET = frozenset({"subject"})
_REFERENCE_KEYS = frozenset({"kind", "symbol", "date", "pinpoint", "number", "date_written"})


@dataclass(frozen=True)
class Labelled:
    """A phrase of a kind with its plan year, where it comes from, and how to judge a reading of it."""

    source: str
    kind: str
    text: str
    year: int | None
    right: Callable[[Any], bool]


@dataclass(frozen=True)
class Outcome:
    """How sure a reading was, and whether it was right (None: the phrase was refused)."""

    source: str
    kind: str
    confidence: float
    right: bool | None


def _target_label(expected: dict[str, Any], *, extensions: bool) -> Callable[[Any], bool]:
    """Judge a reading by the expectation; the varied corpus also writes what a reading holds beside the target."""
    wanted = {k: v for k, v in expected.items() if k not in _FREE_TARGET}
    describe = (
        describe_target_reading if extensions else lambda r, free_text: describe_target(r.value, free_text=free_text)
    )
    return lambda reading: (
        {k: v for k, v in describe(reading, free_text=False).items() if k not in _FREE_TARGET} == wanted
    )


def _reference_label(expected: list[dict[str, Any]]) -> Callable[[Any], bool]:
    wanted = [
        {k: (fold(v) if k in {"kind", "pinpoint"} else v) for k, v in entry.items() if k in _REFERENCE_KEYS}
        for entry in expected
    ]
    return lambda readings: [describe_reference_reading(r, free_text=False) for r in readings] == wanted


def _variants(text: str) -> Iterator[tuple[str, str]]:
    yield "clean", text
    yield "folded", strip_accents(text)
    yield "folded", strip_accents(text).lower()
    yield "folded", text.upper()
    rng = random.Random(unicodedata.normalize("NFC", text))  # noqa: S311 - reproducible scan damage
    for _ in range(2):
        yield "eng (simulated)", eng_scan(text, rng)


def _scanned_target(reading: Any, *, expected: object) -> bool:
    return describe_target(reading.value, free_text=False) == expected


def _scanned_references(readings: Any, *, expected: object) -> bool:
    return [describe_reference(r.value, free_text=False) for r in readings] == expected


def _scanned_judge(kind: str, expected: object) -> Callable[[Any], bool]:
    if kind == "target":
        return partial(_scanned_target, expected=expected)
    return partial(_scanned_references, expected=expected)


@cache
def labelled() -> tuple[Labelled, ...]:
    """The labelled corpus: the cases of tests/cases in their variants, and the scanned phrases."""
    found: list[Labelled] = []
    for name in ("targets", "targets_varied"):
        for case in corpus(name)["case"]:
            if "expect" not in case:
                continue  # several targets in one phrase: parse_target reads one, with a doubt
            for source, text in _variants(case["text"]):
                judge = _target_label(case["expect"], extensions=name == "targets_varied")
                found.append(Labelled(source, "target", text, case.get("year"), judge))
    for name in ("legal", "legal_varied"):
        for case in corpus(name)["reference"]:
            for source, text in _variants(case["text"]):
                found.append(Labelled(source, "reference", text, None, _reference_label(case["expect"])))
    found.extend(_scanned())
    return tuple(found)


def _scanned() -> list[Labelled]:
    return [
        Labelled(
            f"scan {model}",
            entry["kind"],
            entry["ocr"],
            entry["plan_year"],
            _scanned_judge(entry["kind"], entry["expected"]),
        )
        for model in MODELS
        for entry in entries(model)
        if not entry.get("lost") and entry["kind"] != "timeframe"
    ]


def _outcome(item: Labelled) -> Outcome:
    if item.kind == "target":
        try:
            reading = read_target(item.text, year=item.year)
        except ParseError:
            return Outcome(item.source, item.kind, 0.0, None)
        return Outcome(item.source, item.kind, reading.confidence, item.right(reading))
    readings = read_references(item.text)
    confidence = min((r.confidence for r in readings), default=1.0)
    right = item.right(readings)
    if not readings and not right:
        return Outcome(item.source, item.kind, 0.0, None)
    return Outcome(item.source, item.kind, confidence, right)


@cache
def outcomes() -> tuple[Outcome, ...]:
    """Every labelled phrase read."""
    return tuple(_outcome(item) for item in labelled())


def table() -> str:
    """Readings by band of confidence: how many, how many right; then by source for the confident ones."""
    read = [o for o in outcomes() if o.right is not None]
    lines = [f"{'confidence':14} {'readings':>8} {'right':>7} {'share':>7}"]
    for low, high in BANDS:
        band = [o for o in read if low <= o.confidence < high]
        right = sum(bool(o.right) for o in band)
        share = f"{right / len(band):7.1%}" if band else "      -"
        lines.append(
            f"{f'[{low:.1f}, {min(high, 1.0):.1f}' + (']' if high > 1 else ')'):14} {len(band):8d} {right:7d} {share}"
        )
    refused = Counter((o.source, o.kind) for o in outcomes() if o.right is None)
    lines.append(f"refused (no reading): {sum(refused.values())} of {len(outcomes())}")
    lines.append("")
    lines.append(f"{'source':18} {'kind':10} {'readings':>8} {'>= 0.9':>7} {'right':>7} {'all right':>9}")
    sources = sorted({(o.source, o.kind) for o in read})
    for source, kind in sources:
        group = [o for o in read if (o.source, o.kind) == (source, kind)]
        confident = [o for o in group if o.confidence >= CONFIDENT]
        right = sum(bool(o.right) for o in confident)
        everything = sum(bool(o.right) for o in group)
        lines.append(f"{source:18} {kind:10} {len(group):8d} {len(confident):7d} {right:7d} {everything:9d}")
    return "\n".join(lines)


def test_calibration_table() -> None:
    """The table (shown with ``-rP``)."""
    print(table())  # noqa: T201 - the table is this test's output
    assert outcomes()


def test_confident_readings_are_right() -> None:
    confident = [o for o in outcomes() if o.right is not None and o.confidence >= CONFIDENT]
    right = sum(bool(o.right) for o in confident)
    assert confident
    assert right / len(confident) >= GOAL, table()


def test_doubts_lower_the_confidence() -> None:
    """The confidence falls with doubt: readings below 0.9 are right less often than confident ones."""
    read = [o for o in outcomes() if o.right is not None]
    confident = [o for o in read if o.confidence >= CONFIDENT]
    doubtful = [o for o in read if o.confidence < CONFIDENT]
    assert doubtful
    assert sum(bool(o.right) for o in doubtful) / len(doubtful) < sum(bool(o.right) for o in confident) / len(confident)
