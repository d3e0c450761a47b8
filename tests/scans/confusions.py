"""Which OCR confusions defeat the phrase parsers: a Markdown report from ``tests/scans/corpus``.

Run by hand from the repository root, in the test environment::

    python tests/scans/confusions.py > confusions.md

For every OCR'd phrase the parser of its kind does not read right (see
``tests/text/test_text_scanned.py``), the words of the phrase and of what OCR wrote
are aligned (folded, so a lost diacritic alone is no difference) and split into
edits: runs of words OCR changed, plus the line breaks OCR put inside the
phrase. Each edit is undone alone in the OCR text and the text read again; an
edit whose undoing makes the reading right caused the failure (when no single
edit does, pairs are tried). The causes are classed by what OCR did (a Roman
numeral damaged, ``/`` misread, a keyword's letters misread …) and counted per
model, outcome and parser, with real examples. A census of the character
confusions in every OCR'd phrase follows.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "text")]  # the tests folder and tests/text, when run as a script

from parplan import ParseError  # noqa: E402 - after the path is set
from parplan.text.normalize import fold, nfc  # noqa: E402
from test_text_scanned import MODELS, entries, outcome  # noqa: E402
from test_text_support import read_phrase  # noqa: E402

_ROMAN = re.compile(r"(?<![^\W\d_])(I{1,3}|IV)(?![^\W\d_])")
_DIGITS = re.compile(r"\d+")
_PARSERS = {"timeframe": "read_timeframe", "target": "parse_target", "reference": "extract_references"}
_KEYWORD_MIN = 2


@dataclass(frozen=True)
class Edit:
    """A run of words OCR changed: the phrase's words and OCR's, and where OCR's are in its text."""

    source: str
    ocr: str
    start: int
    end: int

    def undo(self, text: str) -> str:
        """``text`` with this edit undone."""
        if self.start == self.end:  # OCR lost the words: put them back with a space
            return f"{text[: self.start]}{self.source} {text[self.start :]}".strip()
        return text[: self.start] + self.source + text[self.end :]


LINE_BREAKS = Edit("\u2424", "\n", -1, -1)
"""The pseudo-edit of the line breaks OCR put inside the phrase."""
DOUBLE_SPACE = Edit("  ", " ", -1, -1)
"""The pseudo-edit of a doubled space of the phrase (the trace of a lost "%"), which print and OCR make single."""


def _tokens(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"\S+", text))


def edits(source: str, ocr: str) -> list[Edit]:
    """The edits that turn the phrase into what OCR wrote: words compared folded, one edit per word changed."""
    ours, theirs = _tokens(nfc(source)), _tokens(ocr)
    matcher = difflib.SequenceMatcher(
        None, [fold(m.group()) for m in ours], [fold(m.group()) for m in theirs], autojunk=False
    )
    found: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:  # word for word
            pairs = [(ours[i : i + 1], theirs[j : j + 1]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        else:
            pairs = [(ours[i1:i2], theirs[j1:j2])]
        for mine, read in pairs:
            written = " ".join(m.group() for m in mine)
            if read:
                found.append(Edit(written, ocr[read[0].start() : read[-1].end()], read[0].start(), read[-1].end()))
            else:
                at = theirs[j1].start() if j1 < len(theirs) else len(ocr)
                found.append(Edit(written, "", at, at))
    return found


def _undo(text: str, chosen: tuple[Edit, ...]) -> str:
    for edit in sorted((e for e in chosen if e.start >= 0), key=lambda e: -e.start):
        text = edit.undo(text)
    if LINE_BREAKS in chosen:
        text = text.replace("\n", " ")
    return text


def _right(entry: dict[str, Any], text: str) -> bool:
    try:
        return bool(read_phrase(entry["kind"], text, entry["plan_year"]).value == entry["expected"])
    except ParseError:
        return False


def causes(entry: dict[str, Any]) -> tuple[Edit, ...]:
    """The edits whose undoing alone makes the reading right (a pair when no single one does)."""
    if "  " in entry["source"].strip() and not _right(entry, " ".join(entry["source"].split())):
        return (DOUBLE_SPACE,)  # the phrase itself reads otherwise once its doubled space is single
    found = edits(entry["source"], entry["ocr"])
    if "\n" in entry["ocr"]:
        found.append(LINE_BREAKS)
    single = tuple(edit for edit in found if _right(entry, _undo(entry["ocr"], (edit,))))
    if single:
        return single
    for pair in itertools.combinations(found, 2):
        if _right(entry, _undo(entry["ocr"], pair)):
            return pair
    return tuple(found)


# -- classes ----------------------------------------------------------------------------------------

_FAMILIES = {
    "\u031b": "horn (ư ơ)",
    "\u0306": "breve (ă)",
    "\u0302": "circumflex (â ê ô)",
}


def family(char: str) -> str:
    """The family of a Vietnamese letter: its base with horn, breve or circumflex, tone marks dropped."""
    if char in "đĐ":
        return "đ"
    decomposed = unicodedata.normalize("NFD", char.lower())
    base = decomposed[:1]
    marks = [_FAMILIES[m] for m in decomposed[1:] if m in _FAMILIES]
    if marks:
        return f"{base}+{marks[0].split()[0]}"
    if len(decomposed) > 1:
        return "tone-marked vowel"
    if base.isdigit():
        return "digit"
    if base.isalpha():
        return "plain letter"
    return "punctuation" if not base.isspace() else "space"


def char_pairs(source: str, ocr: str) -> Iterator[tuple[str, str]]:
    """The characters OCR replaced, inserted or deleted, as (phrase's, OCR's) pairs; spaces made single."""
    ours = " ".join(nfc(source).split())
    theirs = " ".join(ocr.split())
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield ours[i1:i2], theirs[j1:j2]


def classify(edit: Edit) -> str:  # noqa: C901 - one test per class, most telling first
    """The class of one causing edit."""
    if edit is LINE_BREAKS:
        return "line break inside the phrase"
    if edit is DOUBLE_SPACE:
        return "doubled space (trace of a lost '%') made single"
    source, ocr = edit.source, edit.ocr
    if not ocr:
        return "words lost"
    if "\u2044" in ocr:
        return "'/' read as the fraction slash '⁄'"
    if any(_ROMAN.fullmatch(word.split("/")[0].strip(",.;:()")) for word in source.split()):
        return "Roman numeral damaged"
    if "/" in source and "/" not in ocr:
        return "'/' lost or read as a letter"
    if "".join(source.split()) == "".join(ocr.split()):
        return "space inserted or lost inside a word or number"
    if _DIGITS.findall(source) != _DIGITS.findall(ocr) and re.sub(r"\d", "", fold(source)) == re.sub(
        r"\d", "", fold(ocr)
    ):
        return "digits misread"
    if re.search(r"[/-]", source) and any(c.isupper() for c in source) and len(source.split()) == 1:
        if "ĐÐ" in ocr or "ĐD" in ocr:
            return "document symbol: 'Đ' doubled ('QĐÐ')"
        return "document symbol: letters misread"
    stripped = re.sub(r"[^\w\s]", "", ocr)
    if fold(stripped) == fold(source) or fold(ocr.replace(",", "").replace(".", "")) == fold(source):
        return "stray punctuation"
    return "keyword letters misread"


def keyword_confusions(edit: Edit) -> str:
    """For a misread keyword: the folded word and how its letters were read ("truoc: ư→u ớ→é")."""
    pairs = [f"{a or '∅'}→{b or '∅'}" for a, b in char_pairs(edit.source, edit.ocr)]
    return f"{fold(edit.source)}: {' '.join(pairs)}"


# -- the confusions to watch -------------------------------------------------------------------------


def _letters(char_family: str) -> Any:
    def test(ours: str, theirs: str) -> bool:
        return any(family(char) == char_family for char in ours) and fold(ours) != fold(theirs)

    return test


def _word(test: Any) -> Any:
    """A test of one changed word: (phrase's word, OCR's words)."""
    return ("word", test)


_ROMAN_WORD = re.compile(r"^(I{1,3}|IV)(?:/\d{4})?[,.;]?$")
WATCHED: tuple[tuple[str, Any], ...] = (
    ("m → rn", lambda a, b: "m" in a and "rn" in b),
    ("ư (u with horn) misread: u, w, ir, tr, it, v …", _letters("u+horn")),
    ("ơ (o with horn) misread: o, ó, 6, d, é …", _letters("o+horn")),
    ("ô (o with circumflex) misread: o, é, 6, d …", _letters("o+circumflex")),
    ("ă (a with breve) misread: a, i, d …", _letters("a+breve")),
    ("â, ê misread", lambda a, b: _letters("a+circumflex")(a, b) or _letters("e+circumflex")(a, b)),
    (
        "đ/Đ read as d, D, B, P, Ð or doubled",
        lambda a, b: "Ð" in b or (any(c in "đĐ" for c in a) and b not in {"đ", "Đ"}),
    ),
    ("0 ↔ O", lambda a, b: ("0" in a and "O" in b) or ("O" in a and "0" in b)),
    (
        "1 ↔ l, I, |",
        lambda a, b: ("1" in a and any(c in b for c in "lI|")) or (any(c in a for c in "lI|") and "1" in b),
    ),
    ("'/' lost, or read as l, 1, I, | or ⁄", lambda a, b: "/" in a and "/" not in b),
    (
        "'Số' misread: S6, s6, sé, 56, 86 …",
        _word(lambda a, b: a.lower() == "số" and fold(b) != "so"),
    ),
    (
        "Roman numeral damaged: I → 1, l, |, [, Ï; II → 11, H, Il; III → HI, IH, TII …",
        _word(lambda a, b: _ROMAN_WORD.match(a) is not None and fold(a) != fold(b)),
    ),
    (
        "space inserted inside a number, date or symbol",
        _word(lambda a, b: any(c.isdigit() for c in a) and " " in b and "".join(b.split()) == a),
    ),
    (
        "space inserted inside a word",
        _word(lambda a, b: " " in b and fold("".join(b.split())) == fold(a) and a.isalpha()),
    ),
)


def watched(source: str, ocr: str) -> Iterator[tuple[str, str, str]]:
    """The watched confusions in one OCR'd phrase: (label, phrase's part, OCR's part)."""
    pairs = list(char_pairs(source, ocr))
    words = [(edit.source, edit.ocr) for edit in edits(source, ocr)]
    for label, test in WATCHED:
        if isinstance(test, tuple):
            yield from ((label, a, b) for a, b in words if test[1](a, b))
        else:
            yield from ((label, a, b) for a, b in pairs if test(a, b))


# -- the report -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """A phrase not read right, with its outcome, reading and causes."""

    model: str
    entry: dict[str, Any]
    outcome: str
    reading: Any
    causes: tuple[Edit, ...]


def failures() -> list[Failure]:
    """Every OCR'd phrase not read right, both models."""
    found: list[Failure] = []
    for model in MODELS:
        for entry in entries(model):
            if entry.get("lost"):
                continue
            result = outcome(entry)
            if result == "right":
                continue
            try:
                reading: Any = read_phrase(entry["kind"], entry["ocr"], entry["plan_year"]).value
            except ParseError:
                reading = "ParseError"
            found.append(Failure(model, entry, result, reading, causes(entry)))
    return found


def differing_fields(expected: Any, reading: Any) -> tuple[str, ...]:
    """The fields of the compact reading that differ from the expected one ("kind", "periods", "baseline_year" …)."""
    if not isinstance(reading, dict | list):
        return ("refused",)
    if isinstance(expected, list):
        if not isinstance(reading, list) or len(reading) != len(expected):
            return ("number of citations",)
        return tuple(
            sorted({field for e, r in zip(expected, reading, strict=True) for field in differing_fields(e, r)})
        )
    if not isinstance(reading, dict):  # pragma: no cover - a dict reading for a dict expectation
        return ("shape",)
    return tuple(sorted(key for key in expected.keys() | reading.keys() if expected.get(key) != reading.get(key)))


def _cell(text: str, limit: int = 90) -> str:
    flat = text.replace("\n", "⏎").replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _example(failure: Failure) -> str:
    entry = failure.entry
    reading, expected = _cell(str(failure.reading), 140), _cell(str(entry["expected"]), 140)
    return (
        f"`{_cell(entry['source'])}` → `{_cell(entry['ocr'])}` ({failure.model}, {entry['plan']}): "
        f"{_PARSERS[entry['kind']]} gives {reading} instead of {expected}"
    )


def _causes_section(found: list[Failure], limit: int) -> list[str]:
    by_class: dict[str, list[tuple[Failure, Edit]]] = defaultdict(list)
    for failure in found:
        for edit in failure.causes:
            by_class[classify(edit)].append((failure, edit))
    lines = [
        "## Causes of failed readings, by class",
        "",
        "A failure may have several causes (each undoes it alone); counts are causes. `wrong`: confident wrong answer.",
        "",
        "| class | eng | vie | wrong | doubtful | refused | timeframe | target | reference |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ordered = sorted(by_class.items(), key=lambda item: -len(item[1]))
    for name, pairs in ordered:
        models = Counter(f.model for f, _ in pairs)
        outcomes = Counter(f.outcome for f, _ in pairs)
        kinds = Counter(f.entry["kind"] for f, _ in pairs)
        lines.append(
            f"| {name} | {models['eng']} | {models['vie']} | {outcomes['wrong']} | {outcomes['doubtful']} | "
            f"{outcomes['refused']} | {kinds['timeframe']} | {kinds['target']} | {kinds['reference']} |"
        )
    for name, pairs in ordered:
        lines += ["", f"### {name} ({len(pairs)})", ""]
        if name == "keyword letters misread":
            words = Counter(fold(edit.source) for _, edit in pairs)
            lines += ["Keywords: " + ", ".join(f"{word} ×{count}" for word, count in words.most_common()), ""]
        seen: set[str] = set()
        for failure, edit in sorted(pairs, key=lambda pair: (pair[0].outcome != "wrong", pair[0].model)):
            key = f"{edit.source}|{edit.ocr}"
            if key in seen or len(seen) >= limit:
                continue
            seen.add(key)
            how = f"`{_cell(edit.source, 40)}` → `{_cell(edit.ocr, 40)}`"
            if name == "keyword letters misread":
                how += f" ({keyword_confusions(edit)})"
            lines.append(f"- [{failure.outcome}] {how}: {_example(failure)}")
    return lines


def _fields_section(found: list[Failure]) -> list[str]:
    lines = ["## What differs in the readings that are not right", ""]
    lines += ["| parser | outcome | fields that differ | eng | vie |", "|---|---|---|---:|---:|"]
    fields: Counter[tuple[str, str, str, str]] = Counter(
        (_PARSERS[f.entry["kind"]], f.outcome, ", ".join(differing_fields(f.entry["expected"], f.reading)), f.model)
        for f in found
    )
    rows = sorted({key[:3] for key in fields}, key=lambda row: -sum(fields[(*row, m)] for m in MODELS))
    lines += [f"| {a} | {b} | {c} | {fields[(a, b, c, 'eng')]} | {fields[(a, b, c, 'vie')]} |" for a, b, c in rows]
    return lines


def _wrong_section(found: list[Failure]) -> list[str]:
    lines = ["## Every confident wrong answer", ""]
    for failure in found:
        if failure.outcome == "wrong":
            classes = ", ".join(sorted({classify(edit) for edit in failure.causes})) or "?"
            lines.append(f"- [{classes}] {_example(failure)}")
    return lines


def _watched_section() -> list[str]:
    lines = ["## Watched confusions: how often OCR made them, and how often the phrase was then not read right", ""]
    lines += ["| confusion | eng: phrases | eng: not right | vie: phrases | vie: not right | examples |"]
    lines += ["|---|---:|---:|---:|---:|---|"]
    for label, _test in WATCHED:
        counts: dict[str, list[int]] = {model: [0, 0] for model in MODELS}
        examples: list[str] = []
        for model in MODELS:
            for entry in entries(model):
                here = (
                    []
                    if entry.get("lost")
                    else [(a, b) for n, a, b in watched(entry["source"], entry["ocr"]) if n == label]
                )
                if not here:
                    continue
                counts[model][0] += 1
                counts[model][1] += outcome(entry) != "right"
                examples += [e for a, b in here if (e := f"`{_cell(a, 30)}`→`{_cell(b, 30)}`") not in examples]
        cells = f"{counts['eng'][0]} | {counts['eng'][1]} | {counts['vie'][0]} | {counts['vie'][1]}"
        lines.append(f"| {_cell(label, 200)} | {cells} | {', '.join(examples[:6])} |")
    return lines


def _census_section() -> list[str]:
    lines = ["## Character confusions in every OCR'd phrase", ""]
    for model in MODELS:
        pairs_seen: Counter[tuple[str, str]] = Counter()
        families: Counter[str] = Counter()
        for entry in entries(model):
            if entry.get("lost"):
                continue
            for ours, theirs in char_pairs(entry["source"], entry["ocr"]):
                if len(ours) <= 3 and len(theirs) <= 3:
                    pairs_seen[(ours, theirs)] += 1
                    families.update(family(char) for char in ours)
        common = pairs_seen.most_common(60)
        lines += [
            f"**{model}**, most frequent (phrase → OCR, ∅ = nothing): "
            + ", ".join(f"`{a or '∅'}`→`{b or '∅'}` ×{count}" for (a, b), count in common),
            "",
            "Characters of the phrase involved, by family: "
            + ", ".join(f"{name} ×{count}" for name, count in families.most_common()),
            "",
        ]
    return lines


def report(limit: int) -> str:
    """The Markdown report."""
    found = failures()
    lines = ["# OCR confusions that defeat the phrase parsers", ""]
    for section in (
        _causes_section(found, limit),
        _fields_section(found),
        _wrong_section(found),
        _watched_section(),
        _census_section(),
    ):
        lines += [*section, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=8, help="examples shown per class")
    args = parser.parse_args(argv)
    sys.stdout.write(report(args.examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
