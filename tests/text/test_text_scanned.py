"""Plan phrases as OCR read them from scanned pages: how well the phrase parsers read them.

The corpus ``tests/scans/corpus/<model>/<plan>.toml`` is written by
``tests/scans/make_corpus.py`` (which needs Chromium, poppler, ImageMagick and
tesseract; these tests need none of them). Each ``[[phrase]]`` holds a phrase of
a plan as written (``source``), what tesseract with the ``eng`` or ``vie`` model
made of it on an aged scan of the printed plan (``ocr``), the plan's year and
parplan's clean reading of the phrase (``expected``, compact and without free
text, as ``describe_*`` in ``test_text_support`` write it). Phrases OCR lost
(``lost = true``) are counted but not read.

Each OCR'd phrase is read by the parser of its kind and the reading is

* **right** when it equals the expected reading;
* **doubtful** when it differs and the parser says it doubts: a timeframe read
  with a confidence below 0.9 or flagged repaired or ambiguous, a target with
  any flag;
* **wrong** when it differs and the parser shows no doubt (references have no
  doubt flags): a confident wrong answer, the worst case;
* **refused** when the parser raises ``ParseError`` (for references: when no
  citation is found).

The goals: at least 90% right with ``eng``, 98% with ``vie``, and no confident
wrong answer, for all phrases and for deadlines alone. Those that do not hold
yet are marked ``xfail(strict=True)`` with the shares measured: the day a goal
is reached the test fails and its marker must go. ``pytest tests/text/test_text_scanned.py -rP -k
report`` prints the shares per model and kind.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from parplan import ParseError
from test_text_support import PHRASE_KINDS, read_phrase

CORPUS = Path(__file__).parent.parent / "scans" / "corpus"
MODELS = ("eng", "vie")
OUTCOMES = ("right", "doubtful", "wrong", "refused")
GOALS = {"eng": 0.90, "vie": 0.98}
_FIELDS = {"kind", "source", "ocr", "lost", "plan_year", "page", "score", "expected"}


def plan_files(model: str) -> list[Path]:
    """The corpus files of one OCR model."""
    return sorted((CORPUS / model).glob("*.toml"))


@cache
def entries(model: str) -> tuple[dict[str, Any], ...]:
    """Every phrase of the model's corpus, with the name of its plan."""
    found: list[dict[str, Any]] = []
    for path in plan_files(model):
        with path.open("rb") as handle:
            found += [{**entry, "plan": path.stem} for entry in tomllib.load(handle).get("phrase", [])]
    return tuple(found)


def outcome(entry: dict[str, Any]) -> str:
    """How the parser of the entry's kind reads what OCR wrote: right, doubtful, wrong or refused."""
    try:
        reading = read_phrase(entry["kind"], entry["ocr"], entry["plan_year"])
    except ParseError:
        return "refused"
    if reading.value == entry["expected"]:
        return "right"
    if entry["kind"] == "reference" and not reading.value:
        return "refused"
    return "doubtful" if reading.doubtful else "wrong"


@cache
def tally(model: str) -> dict[str, Counter[str]]:
    """Outcomes by kind (and ``all``); ``lost`` counts phrases OCR lost."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in (*PHRASE_KINDS, "all")}
    for entry in entries(model):
        result = "lost" if entry.get("lost") else outcome(entry)
        counts[entry["kind"]][result] += 1
        counts["all"][result] += 1
    return counts


def share(model: str, result: str, kind: str = "all") -> float:
    """The share of read phrases (lost ones left out) with this outcome."""
    counts = tally(model)[kind]
    read = sum(counts[name] for name in OUTCOMES)
    return counts[result] / read if read else 0.0


def report() -> str:
    """The shares per model and kind, as a table."""
    lines = [f"{'model':6} {'kind':10} {'read':>5} " + " ".join(f"{name:>9}" for name in OUTCOMES) + f" {'lost':>5}"]
    for model in MODELS:
        for kind in (*PHRASE_KINDS, "all"):
            counts = tally(model)[kind]
            read = sum(counts[name] for name in OUTCOMES)
            shares = " ".join(f"{share(model, name, kind):9.1%}" for name in OUTCOMES)
            lines.append(f"{model:6} {kind:10} {read:5d} {shares} {counts['lost']:5d}")
    return "\n".join(lines)


# -- the corpus itself -----------------------------------------------------------------------------


def test_corpus_is_text_and_small() -> None:
    files = [path for path in CORPUS.rglob("*") if path.is_file()]
    assert {path.suffix for path in files} == {".toml"}
    assert sum(path.stat().st_size for path in files) < 600_000
    with (CORPUS / "manifest.toml").open("rb") as handle:
        manifest = tomllib.load(handle)
    assert manifest["languages"] == list(MODELS)
    assert {plan["name"] for plan in manifest["plan"]} == {path.stem for path in plan_files("eng")}


@pytest.mark.parametrize("model", MODELS)
def test_corpus_is_well_formed(model: str) -> None:
    assert [path.name for path in plan_files(model)] == [path.name for path in plan_files(MODELS[0])]
    assert entries(model)
    for entry in entries(model):
        assert set(entry) - {"plan"} <= _FIELDS, entry
        assert entry["kind"] in PHRASE_KINDS, entry
        assert isinstance(entry["source"], str), entry
        assert entry["source"].strip(), entry
        assert ("ocr" in entry) != bool(entry.get("lost")), entry
        assert "ocr" not in entry or entry["ocr"].strip(), entry
        assert 1945 <= entry["plan_year"] <= 2200, entry
        assert 0.0 <= entry["score"] <= 1.0, entry
        assert entry["page"] >= 1, entry
        assert isinstance(entry["expected"], list if entry["kind"] == "reference" else dict), entry


@pytest.mark.parametrize(
    "path", [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for model in MODELS for path in plan_files(model)]
)
def test_expected_is_the_clean_reading(path: Path) -> None:
    """The corpus is right: every expected value is what parplan reads from the phrase as written."""
    with path.open("rb") as handle:
        phrases = tomllib.load(handle)["phrase"]
    wrong = [
        (entry["source"], entry["expected"], reading)
        for entry in phrases
        if (reading := read_phrase(entry["kind"], entry["source"], entry["plan_year"]).value) != entry["expected"]
    ]
    assert not wrong


# -- the measurement -------------------------------------------------------------------------------


def test_report() -> None:
    """The shares per model and kind (shown with ``-rP``)."""
    print(report())  # noqa: T201 - the report is this test's output
    for model in MODELS:
        counts = tally(model)["all"]
        assert sum(counts.values()) == len(entries(model))


@pytest.mark.parametrize(
    "model",
    [
        "eng",
        "vie",
    ],
)
def test_goal_share_right(model: str) -> None:
    assert share(model, "right") >= GOALS[model], report()


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(
            "eng",
            marks=pytest.mark.xfail(
                strict=True,
                reason="goal: no confident wrong answer; measured: eng 1 of 497 (0.2%; a timeframe, see UNDETECTABLE)",
            ),
        ),
        pytest.param(
            "vie",
            marks=pytest.mark.xfail(
                strict=True,
                reason="goal: no confident wrong answer; measured: vie 5 of 492 (1.0%; 3 timeframes, see UNDETECTABLE, "
                "1 target, 1 reference, digits misread with no trace)",
            ),
        ),
    ],
)
def test_goal_no_confident_wrong_answer(model: str) -> None:
    wrong = [
        (entry["plan"], entry["kind"], entry["source"], entry["ocr"])
        for entry in entries(model)
        if not entry.get("lost") and outcome(entry) == "wrong"
    ]
    assert not wrong


# -- the goals for deadlines alone ---------------------------------------------------------------------

UNDETECTABLE = {
    "eng": 1,
    "vie": 3,
}
"""Timeframes OCR damaged into another well-formed timeframe, nothing in the text showing it: "Quý III" read
"Quý II" (eng 1: a compound step; vie 2), "Quý II/2019" read "Quý⏎1/2019" (vie 1)."""


@pytest.mark.parametrize("model", ["eng"])
def test_timeframes_goal_share_right_eng(model: str) -> None:
    assert share(model, "right", "timeframe") >= GOALS[model], report()


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(
            "vie",
            marks=pytest.mark.xfail(
                strict=True,
                reason="goal 98% of timeframes right; measured: vie 97.4% (187 of 192): 3 numerals damaged into "
                "others with no trace (see UNDETECTABLE), 2 read with doubt",
            ),
        ),
    ],
)
def test_timeframes_goal_share_right_vie(model: str) -> None:
    assert share(model, "right", "timeframe") >= GOALS[model], report()


@pytest.mark.parametrize("model", MODELS)
def test_timeframes_confident_wrong_answers_are_only_the_undetectable(model: str) -> None:
    """No confident wrong deadline but those OCR turned into another well-formed one (see UNDETECTABLE)."""
    wrong = [
        (entry["source"], entry["ocr"])
        for entry in entries(model)
        if entry["kind"] == "timeframe" and not entry.get("lost") and outcome(entry) == "wrong"
    ]
    assert len(wrong) <= UNDETECTABLE[model], wrong
    for source, ocr in wrong:
        assert "III" in source or "II/" in source, (source, ocr)


# -- the goals for targets and citations alone ---------------------------------------------------------

_DIGIT_MISREAD = (
    "a digit the vie model misread in a phrase otherwise clean ({example}): nothing in the text shows it; "
    "measured: 1 confident wrong answer of {read}"
)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("kind", ["target", "reference"])
def test_goal_share_right_by_kind(model: str, kind: str) -> None:
    """Targets and citations are read right at least 90% of the time with eng, 98% with vie."""
    assert share(model, "right", kind) >= GOALS[model], report()


@pytest.mark.parametrize(
    ("model", "kind"),
    [
        ("eng", "target"),
        ("eng", "reference"),
        pytest.param(
            "vie",
            "target",
            marks=pytest.mark.xfail(
                strict=True, reason=_DIGIT_MISREAD.format(example="'60,5%' read '60,59%'", read=131)
            ),
        ),
        pytest.param(
            "vie",
            "reference",
            marks=pytest.mark.xfail(
                strict=True, reason=_DIGIT_MISREAD.format(example="'5/QĐ-UBND' read '3/QĐ-UBND'", read=169)
            ),
        ),
    ],
)
def test_goal_no_confident_wrong_answer_by_kind(model: str, kind: str) -> None:
    """A target or citation OCR damaged is read right, or with a doubt, or refused: never confidently wrong."""
    wrong = [
        (entry["plan"], entry["source"], entry["ocr"])
        for entry in entries(model)
        if entry["kind"] == kind and not entry.get("lost") and outcome(entry) == "wrong"
    ]
    assert not wrong
