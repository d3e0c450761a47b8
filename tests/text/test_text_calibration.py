"""What a timeframe reading's confidence means: readings given 0.9 or more are right 98% of the time.

The labelled corpus is every deadline phrase whose meaning the project knows:
``tests/cases/timeframes.toml``, ``timeframes_varied.toml`` and ``timeframes_relative.toml`` as written, without
diacritics and damaged the way scans and hurried typing damage text
(``test_text_support.damage``), and the phrases of ``tests/scans/corpus`` as
tesseract read them from aged scans (``eng`` and ``vie`` models). A reading is
right when its value (free text aside) is the labelled one; a refusal
(``ParseError``) is not a reading and falls in no band. ``pytest
tests/text/test_text_calibration.py -rP -k table`` prints the table by confidence band,
the data the confidence factors of ``TimeframeFlag`` were set from
(``docs/parsing.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from parplan import ParseError, read_timeframe
from parplan.text.normalize import fold
from test_text_scanned import MODELS, entries
from test_text_support import (
    canonical_parts,
    corpus,
    damage,
    describe_timeframe,
    noise,
    strip_accents,
    without_free_text,
)

BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))
"""Confidence bands, highest first: [0.9, 1], [0.7, 0.9), [0.5, 0.7), [0, 0.5)."""
_DUE_KEYS = frozenset({"due_day", "due_in", "due_month", "weekday"})
_GAPS = frozenset({"Trong 15 ngày kể từ ngày 04/3/2024"})
"""Varied phrases with no reading in the model (see test_text_timeframes.VARIED_GAPS): refused, not labelled."""


def _clean(expect: dict[str, Any]) -> Any:
    return canonical_parts(without_free_text({k: v for k, v in expect.items() if k not in _DUE_KEYS}))


def _labelled() -> Iterator[tuple[str, str, int | None, Any]]:
    """(source of the entry, phrase, plan year, expected value without free text) for every labelled phrase."""
    for name in ("timeframes", "timeframes_varied", "timeframes_relative"):
        for case in corpus(name)["case"]:
            if case["text"] in _GAPS:
                continue
            expected = _clean(case["expect"])
            text, year = case["text"], case.get("year")
            yield name, text, year, expected
            yield f"{name}/folded", fold(text), year, expected
            yield f"{name}/plain", strip_accents(text), year, expected
            rng = noise(text)
            for _ in range(4):
                yield f"{name}/damaged", damage(text, rng), year, expected
    for model in MODELS:
        for entry in entries(model):
            if entry["kind"] == "timeframe" and not entry.get("lost"):
                yield f"scans/{model}", entry["ocr"], entry["plan_year"], canonical_parts(entry["expected"])


@cache
def readings() -> tuple[tuple[str, float, bool], ...]:
    """(source, confidence, right) of every labelled phrase parplan reads."""
    found: list[tuple[str, float, bool]] = []
    for source, text, year, expected in _labelled():
        try:
            reading = read_timeframe(text, year=year)
        except ParseError:
            continue
        got = canonical_parts(describe_timeframe(reading.value, free_text=False))
        found.append((source, reading.confidence, got == expected))
    return tuple(found)


def band_of(confidence: float) -> tuple[float, float]:
    """The band a confidence falls in."""
    return next(band for band in BANDS if band[0] <= confidence < band[1])


def table() -> str:
    """Readings and the share right by confidence band, then the confident readings by source."""
    lines = [f"{'confidence':12} {'readings':>8} {'right':>6} {'share':>7}"]
    for low, high in BANDS:
        inside = [right for _, confidence, right in readings() if low <= confidence < high]
        share = sum(inside) / len(inside) if inside else float("nan")
        closing = "]" if high > 1 else ")"
        lines.append(f"[{low:.1f}, {min(high, 1.0):.1f}{closing} {len(inside):8d} {sum(inside):6d} {share:7.1%}")
    lines.append("")
    for source in sorted({source for source, _, _ in readings()}):
        confident = [right for name, confidence, right in readings() if name == source and confidence >= 0.9]
        wrong = len(confident) - sum(confident)
        lines.append(f"{source:28} confident {len(confident):5d}, wrong {wrong:3d}")
    return "\n".join(lines)


def test_table() -> None:
    """The calibration table (shown with ``-rP``)."""
    print(table())  # noqa: T201 - the table is this test's output
    assert readings()


def test_confident_readings_are_right() -> None:
    """Readings with a confidence of 0.9 or more are right at least 98% of the time."""
    confident = [right for _, confidence, right in readings() if confidence >= 0.9]
    assert len(confident) > 1000
    assert sum(confident) / len(confident) >= 0.98, table()


def test_doubt_means_something() -> None:
    """Readings below 0.9 are wrong more often than confident ones: the doubt is not spread at random."""
    confident = [right for _, confidence, right in readings() if confidence >= 0.9]
    doubted = [right for _, confidence, right in readings() if confidence < 0.9]
    assert doubted
    assert sum(doubted) / len(doubted) < sum(confident) / len(confident)
