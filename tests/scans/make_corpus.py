"""Build ``tests/scans/corpus``: the phrases of plans as OCR reads them from printed, aged and scanned pages.

Run by hand from the repository root, in the test environment (it is not a
test; CI reads only the corpus it writes and needs none of the tools)::

    python tests/scans/make_corpus.py                 # rewrites tests/scans/corpus
    python tests/scans/make_corpus.py --work /tmp/scans --keep   # keeps PDFs, page images and OCR output

It needs ``chromium``, ``pdftoppm`` and ``pdftotext`` (poppler-utils),
``convert`` (ImageMagick) and ``tesseract`` with the ``eng`` and ``vie`` models.

1. Plans: the example plans and synthetic plans (``phrasebook.py``) built with
   the parplan API from a seeded generator. A plan's phrases are the ``text`` of
   every task's timeframe, every target and every legal reference. Each phrase's
   clean reading by parplan must equal the value the plan holds; a phrase whose
   clean reading differs is a parser bug, left out of the corpus and listed in
   ``manifest.toml`` under ``[[dropped]]``.
2. Printing: ``parplan.render`` writes the plan as HTML in Vietnamese (phrases
   as written), headless Chromium prints it to PDF and ``pdftotext -bbox-layout``
   gives every printed word with its box, so each phrase is found on its page.
3. Scanning: the pages holding the most phrases (a few per plan) are rasterised
   by ``pdftoppm`` at 150-300 dpi and most are aged with ImageMagick, each page
   its own way (rotation, blur, noise, a lower resolution, JPEG artefacts, grey
   paper), then read by ``tesseract`` with ``-l eng`` and with ``-l vie``.
4. Alignment: the words OCR found over a phrase's printed words (their boxes
   moved as the page was rotated) are joined as OCR wrote them, one line break
   between lines; the phrase, folded (no diacritics, lower case), is aligned
   whole against that text to find the span it became. The ``score`` is the
   similarity of the folded phrase and the folded span (difflib ratio); below
   ``LOST_BELOW`` the phrase is recorded as ``lost``, without a guess.
5. Writing: ``corpus/<model>/<plan>.toml``, one ``[[phrase]]`` per phrase and
   page (identical readings of the same phrase in one plan kept once), and
   ``corpus/manifest.toml`` with the tools' versions, the seed, the pages
   scanned and how each was aged.
"""

from __future__ import annotations

import argparse
import difflib
import math
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [
    str(HERE),
    str(ROOT / "tests"),
    str(ROOT / "tests" / "text"),
]  # phrasebook and test_text_support when run as a script

from phrasebook import SyntheticPlan  # noqa: E402

import parplan  # noqa: E402 - after the path is set
from parplan import LegalReference, ParseError, Plan, Target, UnitKind  # noqa: E402
from parplan.text.normalize import fold, fold_aligned, nfc  # noqa: E402
from parplan.timeframes import Timeframe  # noqa: E402
from test_text_support import (  # noqa: E402
    describe_reference,
    describe_target,
    describe_timeframe,
    read_phrase,
)

SEED = "parplan scanned corpus 1"
"""The seed of everything random: synthetic plans, pages chosen, ageing."""
LANGUAGES = ("eng", "vie")
PSM = 6
"""Tesseract page segmentation: 6 (one uniform block) read table cells best of 3, 4 and 6 on these pages."""
LOST_BELOW = 0.55
"""A phrase whose best span is less similar than this to it is recorded as lost."""
EXAMPLES = ("son-chau-2022", "mang-yang-2021", "son-giang-2021")
SYNTHETIC: tuple[tuple[UnitKind, int, int], ...] = (
    # kind of unit, year, place (index into phrasebook.PLACES)
    (UnitKind.COMMUNE, 2019, 0),
    (UnitKind.WARD, 2020, 1),
    (UnitKind.DISTRICT, 2021, 2),
    (UnitKind.PROVINCE, 2022, 3),
    (UnitKind.COMMUNE, 2023, 4),
    (UnitKind.WARD, 2024, 5),
    (UnitKind.DISTRICT, 2025, 6),
    (UnitKind.COMMUNE, 2025, 7),
    (UnitKind.COMMUNE, 2026, 8),
    (UnitKind.PROVINCE, 2027, 9),
    (UnitKind.WARD, 2027, 2),
)
_PUNCTUATION = frozenset("()[]\"'“”‘’.,;:!?…-–")

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1."""


def say(message: str) -> None:
    """Progress on standard error."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


# -- phrases ---------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Phrase:
    """A phrase of a plan and its clean reading by parplan (compact, without free text); one object per phrase."""

    kind: str
    source: str
    year: int
    expected: Any


@dataclass(frozen=True)
class Dropped:
    """A phrase whose clean reading is not the value the plan holds: a parser bug, not a scan problem."""

    plan: str
    kind: str
    source: str
    meant: Any
    read: Any


def _meant(value: Timeframe | Target | LegalReference) -> Any:
    if isinstance(value, Target):
        return describe_target(value, free_text=False)
    if isinstance(value, LegalReference):
        return describe_reference(value, free_text=False)
    return describe_timeframe(value, free_text=False)


def _written(plan: Plan) -> Iterator[tuple[str, str, Timeframe | Target | LegalReference]]:
    """(kind, phrase as written, value) for every phrase the plan keeps as written."""
    for task in plan.tasks:
        if task.timeframe is not None and task.timeframe.text is not None:
            yield "timeframe", task.timeframe.text, task.timeframe
    for _owner, target in plan.targets():
        if target.text is not None:
            yield "target", target.text, target
    references = [*plan.legal_bases, *plan.implements, *(r for t in plan.tasks for r in t.legal_bases)]
    if plan.adopted_by is not None:
        references.append(plan.adopted_by)
    for reference in references:
        if reference.text is not None:
            yield "reference", reference.text, reference


def plan_phrases(name: str, plan: Plan) -> tuple[list[Phrase], list[Dropped]]:
    """The plan's distinct phrases whose clean reading is the value the plan holds, and those whose is not."""
    year = plan.first_year
    kept: dict[tuple[str, str], Phrase] = {}
    dropped: dict[tuple[str, str], Dropped] = {}
    for kind, text, value in _written(plan):
        key = (kind, text)
        if key in kept or key in dropped:
            continue
        meant = _meant(value)
        try:
            read: Any = read_phrase(kind, text, year).value
        except ParseError as error:
            dropped[key] = Dropped(name, kind, text, meant, f"ParseError: {error.expected}")
            continue
        agrees = (read[:1] == [meant]) if kind == "reference" else read == meant
        if agrees:
            kept[key] = Phrase(kind, text, year, read)
        else:
            dropped[key] = Dropped(name, kind, text, meant, read)
    return list(kept.values()), list(dropped.values())


def example_plans() -> list[tuple[str, Plan]]:
    """The example plans of the repository, by file name."""
    return [(name, parplan.load(ROOT / "examples" / f"{name}.json")) for name in EXAMPLES]


def synthetic_plans() -> list[tuple[str, Plan]]:
    """The synthetic plans, each from its own seeded generator, named by unit and year."""
    plans: list[tuple[str, Plan]] = []
    for kind, year, place in SYNTHETIC:
        rng = random.Random(f"{SEED} {kind.value} {year} {place}")  # noqa: S311 - reproducible, not security
        synthetic = SyntheticPlan(rng, kind, year, place)
        plans.append((synthetic.name, synthetic.build(tasks=rng.randint(24, 44))))
    return plans


# -- tools -----------------------------------------------------------------------------------------

TOOLS = ("chromium", "pdftoppm", "pdftotext", "convert", "tesseract")


def tool(name: str) -> str:
    """The full path of a tool; exits with a message when it is missing."""
    path = shutil.which(name)
    if path is None:
        raise SystemExit(
            f"make_corpus: {name} is needed (apt-get install chromium poppler-utils imagemagick tesseract-ocr-vie)"
        )
    return path


def run(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 300) -> str:
    """Run a tool and return its standard output; fail loudly with its error output."""
    done = subprocess.run(  # noqa: S603 - our own tools with our own arguments
        args, capture_output=True, text=True, check=False, env=env, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def versions() -> dict[str, str]:
    """The first line each tool gives about its version."""

    def first(args: list[str]) -> str:
        done = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603 - our tools
        lines = (done.stdout + done.stderr).strip().splitlines()
        return lines[0].strip() if lines else "unknown"

    return {
        "tesseract": first([tool("tesseract"), "--version"]),
        "chromium": first([tool("chromium"), "--version"]),
        "pdftoppm": first([tool("pdftoppm"), "-v"]),
        "imagemagick": first([tool("convert"), "-version"]),
    }


# -- printing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A printed word, its boxes in points (two when broken at a hyphen) and the block and line it is in."""

    text: str
    boxes: tuple[Box, ...]
    block: int
    line: int


def print_pdf(plan: Plan, folder: Path) -> Path:
    """The plan rendered in Vietnamese and printed to PDF by headless Chromium."""
    page = folder / "plan.html"
    page.write_text(parplan.render(plan, format="html", locale="vi"), encoding="utf-8")
    pdf = folder / "plan.pdf"
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        run(
            [
                tool("chromium"),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                page.as_uri(),
            ],
            timeout=180,
        )
    return pdf


def printed_words(pdf: Path) -> list[list[Word]]:
    """The words of each page in reading order, from the PDF's text layer."""
    layout = pdf.with_suffix(".words.html")
    run([tool("pdftotext"), "-bbox-layout", str(pdf), str(layout)])
    namespace = "{http://www.w3.org/1999/xhtml}"
    root = ET.fromstring(layout.read_text(encoding="utf-8"))  # noqa: S314 - pdftotext's output of our own PDF
    pages: list[list[Word]] = []
    for page in root.iter(f"{namespace}page"):
        words: list[Word] = []
        lines = (line for block in page.iter(f"{namespace}block") for line in block.iter(f"{namespace}line"))
        blocks = {id(line): number for number, block in enumerate(page.iter(f"{namespace}block")) for line in block}
        for line_number, line in enumerate(lines):
            for word in line.iter(f"{namespace}word"):
                box = tuple(float(word.attrib[k]) for k in ("xMin", "yMin", "xMax", "yMax"))
                words.append(
                    Word(nfc(word.text or ""), ((box[0], box[1], box[2], box[3]),), blocks[id(line)], line_number)
                )
        pages.append(_join_broken(words))
    return pages


def _join_broken(words: list[Word]) -> list[Word]:
    """Words the printer broke after a hyphen at the end of a line ("518/QĐ-" + "UBND,") made whole again."""
    joined: list[Word] = []
    for word in words:
        last = joined[-1] if joined else None
        broken = last is not None and len(last.text) > 1 and last.text.endswith("-")
        if last is not None and broken and last.line != word.line and last.block == word.block:
            joined[-1] = Word(last.text + word.text, last.boxes + word.boxes, word.block, word.line)
        else:
            joined.append(word)
    return joined


# -- finding phrases on the printed pages ----------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """A phrase printed on a page: the boxes of its words (points) and where it starts in the page's words."""

    phrase: Phrase
    page: int
    start: int
    boxes: tuple[Box, ...]


def _is_punctuation(text: str) -> bool:
    return all(char in _PUNCTUATION for char in text)


def _fits(word: str, token: str, *, first: bool, last: bool) -> bool:
    if word == token:
        return True
    at = word.find(token)
    if at < 0:
        return False
    before, after = word[:at], word[at + len(token) :]
    return (first or not before) and (last or not after) and _is_punctuation(before) and _is_punctuation(after)


def _whole_blocks(words: list[Word], start: int, end: int) -> bool:
    """True when words[start:end] begin and end blocks (a table cell holds the deadline and nothing else)."""
    opens = start == 0 or words[start - 1].block != words[start].block
    closes = end == len(words) or words[end].block != words[end - 1].block
    return opens and closes


def locate(phrases: Iterable[Phrase], pages: list[list[Word]]) -> list[Occurrence]:
    """Every place a phrase is printed whole on one page."""
    found: list[Occurrence] = []
    for phrase in phrases:
        tokens = nfc(phrase.source).split()
        for number, words in enumerate(pages, start=1):
            for start in range(len(words) - len(tokens) + 1):
                if not all(
                    _fits(words[start + k].text, token, first=k == 0, last=k == len(tokens) - 1)
                    for k, token in enumerate(tokens)
                ):
                    continue
                end = start + len(tokens)
                if phrase.kind == "timeframe" and not _whole_blocks(words, start, end):
                    continue
                boxes = tuple(box for word in words[start:end] for box in word.boxes)
                found.append(Occurrence(phrase, number, start, boxes))
    return found


def choose_pages(occurrences: list[Occurrence], budget: int) -> list[int]:
    """Up to ``budget`` pages that together hold the most distinct phrases (citations and targets count thrice)."""
    weight = {"timeframe": 1, "target": 3, "reference": 3}
    by_page: dict[int, set[Phrase]] = {}
    for occurrence in occurrences:
        by_page.setdefault(occurrence.page, set()).add(occurrence.phrase)
    chosen: list[int] = []
    covered: set[Phrase] = set()
    while len(chosen) < budget:
        gains = {
            page: sum(weight[p.kind] for p in phrases - covered)
            for page, phrases in by_page.items()
            if page not in chosen
        }
        if not gains or max(gains.values()) == 0:
            break
        best = min(gains, key=lambda page: (-gains[page], page))
        chosen.append(best)
        covered |= by_page[best]
    return sorted(chosen)


# -- scanning --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ageing:
    """How one page was scanned and aged (0 or 100 = not done)."""

    dpi: int
    angle: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    downscale: int = 100
    jpeg: int = 0
    grey: int = 0

    @classmethod
    def draw(cls, rng: random.Random) -> Ageing:
        """A page's scan: about a quarter clean, the rest aged with a random mix of defects."""
        dpi = rng.choices((150, 200, 250, 300), weights=(3, 4, 2, 1))[0]
        if rng.random() < 0.25:
            return cls(dpi=dpi)
        return cls(
            dpi=dpi,
            angle=round(rng.choice((-1, 1)) * rng.uniform(0.3, 1.5), 2) if rng.random() < 0.8 else 0.0,
            blur=round(rng.uniform(0.4, 1.1), 2) if rng.random() < 0.5 else 0.0,
            noise=round(rng.uniform(0.3, 1.0), 2) if rng.random() < 0.5 else 0.0,
            downscale=rng.randint(55, 80) if rng.random() < 0.35 else 100,
            jpeg=rng.randint(15, 55) if rng.random() < 0.5 else 0,
            grey=rng.randint(8, 25) if rng.random() < 0.5 else 0,
        )

    def convert_args(self, size: tuple[int, int], seed: int) -> list[str]:
        """The ImageMagick operations, in the order a scan suffers them."""
        args = ["-colorspace", "Gray", "-seed", str(seed)]
        if self.angle:
            args += ["-background", "white", "-virtual-pixel", "background", "-distort", "SRT", f"{self.angle}"]
        if self.blur:
            args += ["-blur", f"0x{self.blur}"]
        if self.downscale != 100:
            args += ["-resize", f"{self.downscale}%", "-resize", f"{size[0]}x{size[1]}!"]
        if self.grey:
            args += ["+level", f"{self.grey // 2}%,{100 - self.grey}%"]
        if self.noise:
            args += ["-attenuate", f"{self.noise}", "+noise", "Gaussian"]
        if self.jpeg:
            args += ["-quality", str(self.jpeg)]
        return args


def _png_size(path: Path) -> tuple[int, int]:
    with path.open("rb") as handle:
        header = handle.read(24)
    width, height = struct.unpack(">II", header[16:24])
    return int(width), int(height)


@dataclass(frozen=True)
class Scan:
    """A page as scanned: the image, its size in pixels and how it was aged."""

    page: int
    image: Path
    size: tuple[int, int]
    ageing: Ageing

    def place(self, box: Box) -> Box:
        """A box in points on the printed page → the box in pixels on the scan (scaled, then rotated)."""
        scale = self.ageing.dpi / 72
        cx, cy = self.size[0] / 2, self.size[1] / 2
        angle = math.radians(self.ageing.angle)  # ImageMagick turns clockwise on the page for a positive angle
        cos, sin = math.cos(angle), math.sin(angle)
        xs: list[float] = []
        ys: list[float] = []
        for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
            dx, dy = x * scale - cx, y * scale - cy
            xs.append(cx + dx * cos - dy * sin)
            ys.append(cy + dx * sin + dy * cos)
        return min(xs), min(ys), max(xs), max(ys)


def scan_page(pdf: Path, page: int, ageing: Ageing, seed: int) -> Scan:
    """Rasterise one page and age it."""
    stem = pdf.parent / f"page-{page:02d}"
    run(
        [
            tool("pdftoppm"),
            "-r",
            str(ageing.dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(pdf),
            f"{stem}-print",
        ]
    )
    printed = Path(f"{stem}-print.png")
    size = _png_size(printed)
    image = Path(f"{stem}.{'jpg' if ageing.jpeg else 'png'}")
    run([tool("convert"), str(printed), *ageing.convert_args(size, seed), str(image)])
    return Scan(page, image, size, ageing)


@dataclass(frozen=True)
class OcrWord:
    """A word as tesseract read it, its box in pixels and its line (block, paragraph, line)."""

    text: str
    box: Box
    line: tuple[int, int, int]


def ocr(scan: Scan, language: str) -> list[OcrWord]:
    """The words tesseract reads on a scan, in its reading order."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    tsv = run([tool("tesseract"), str(scan.image), "stdout", "-l", language, "--psm", str(PSM), "tsv"], env=env)
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (float(c) for c in cells[6:10])
        line = (int(cells[2]), int(cells[3]), int(cells[4]))
        words.append(OcrWord(nfc(cells[11]), (left, top, left + width, top + height), line))
    return words


# -- alignment -------------------------------------------------------------------------------------

_LOOKALIKES = frozenset(
    {("o", "0"), ("l", "1"), ("i", "1"), ("i", "l"), ("s", "5"), ("o", "6"), ("b", "8"), ("l", "|"), ("i", "|")}
)
_NEAR = _LOOKALIKES | {(b, a) for a, b in _LOOKALIKES}


def _overlap(box: Box, other: Box) -> float:
    width = min(box[2], other[2]) - max(box[0], other[0])
    height = min(box[3], other[3]) - max(box[1], other[1])
    return max(width, 0.0) * max(height, 0.0)


def region_text(words: list[OcrWord], boxes: list[Box]) -> str:
    """The OCR words lying mostly over the phrase's printed words, as OCR wrote them (a line break between lines)."""
    pads = [(b[3] - b[1]) * 0.15 for b in boxes]
    padded = [(b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad) for b, pad in zip(boxes, pads, strict=True)]
    pieces: list[str] = []
    last_line: tuple[int, int, int] | None = None
    for word in words:
        area = max((word.box[2] - word.box[0]) * (word.box[3] - word.box[1]), 1.0)
        if sum(_overlap(word.box, box) for box in padded) / area < 0.5:
            continue
        if last_line is not None:
            pieces.append(" " if word.line == last_line else "\n")
        pieces.append(word.text)
        last_line = word.line
    return "".join(pieces)


def fit(phrase: str, text: str) -> tuple[int, int]:
    """Where in ``text`` the whole of ``phrase`` aligns best: [start, end) of the span (fitting alignment).

    Both are folded. Every character of the phrase is matched, replaced or
    deleted; the text before and after the span is free. A match scores 2, a
    look-alike (o/0, l/1, s/5 …) 1, another character -1, a gap -2.
    """
    rows = len(phrase)
    columns = len(text)
    previous = [0] * (columns + 1)
    moves: list[bytearray] = []
    for i in range(1, rows + 1):
        current = [previous[0] - 2] + [0] * columns
        move = bytearray(columns + 1)
        move[0] = 1
        char = phrase[i - 1]
        for j in range(1, columns + 1):
            other = text[j - 1]
            step = 2 if char == other else 1 if (char, other) in _NEAR else -1
            best, how = previous[j - 1] + step, 0
            if previous[j] - 2 > best:
                best, how = previous[j] - 2, 1
            if current[j - 1] - 2 > best:
                best, how = current[j - 1] - 2, 2
            current[j] = best
            move[j] = how
        moves.append(move)
        previous = current
    end = max(range(columns + 1), key=lambda j: (previous[j], -j))
    i, j = rows, end
    while i > 0:
        how = moves[i - 1][j]
        if how == 0:
            i, j = i - 1, j - 1
        elif how == 1:
            i -= 1
        else:
            j -= 1
    return j, end


def similarity(source: str, ocr_text: str) -> float:
    """How alike the phrase and what OCR made of it are, folded: difflib's ratio."""
    return difflib.SequenceMatcher(None, fold(source), fold(ocr_text), autojunk=False).ratio()


def find_span(source: str, region: str) -> tuple[str, float]:
    """The span of ``region`` the phrase became, exactly as OCR wrote it, and its similarity to the phrase."""
    if not region.strip():
        return "", 0.0
    written = nfc(region)
    folded = fold_aligned(written).replace("\n", " ")
    start, end = fit(fold(source), folded)
    span = written[start:end].strip()
    return span, round(similarity(source, span), 3)


# -- the corpus ------------------------------------------------------------------------------------


@dataclass
class PlanScan:
    """What one plan gave: its phrases, the dropped ones, the pages scanned and the entries per model."""

    name: str
    origin: str
    year: int
    printed_pages: int = 0
    phrases: list[Phrase] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    located: int = 0
    pages: list[Scan] = field(default_factory=list)
    entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _entry(occurrence: Occurrence, span: str, score: float) -> dict[str, Any]:
    phrase = occurrence.phrase
    entry: dict[str, Any] = {"kind": phrase.kind, "source": phrase.source}
    if score >= LOST_BELOW:
        entry["ocr"] = span
    else:
        entry["lost"] = True
    entry |= {"plan_year": phrase.year, "page": occurrence.page, "score": score, "expected": phrase.expected}
    return entry


def read_plan(result: PlanScan, plan: Plan, work: Path, budget: int, pool: ThreadPoolExecutor) -> None:
    """Print, scan, OCR and align one plan, filling ``result``."""
    folder = work / result.name
    folder.mkdir(parents=True, exist_ok=True)
    result.phrases, result.dropped = plan_phrases(result.name, plan)
    pdf = print_pdf(plan, folder)
    pages = printed_words(pdf)
    result.printed_pages = len(pages)
    occurrences = locate(result.phrases, pages)
    result.located = len({o.phrase for o in occurrences})
    chosen = choose_pages(occurrences, budget)
    rng = random.Random(f"{SEED} {result.name}")  # noqa: S311 - reproducible ageing, not security
    ageing = {page: Ageing.draw(rng) for page in chosen}
    seeds = {page: rng.randrange(1, 2**31) for page in chosen}
    scans = list(pool.map(lambda page: scan_page(pdf, page, ageing[page], seeds[page]), chosen))
    result.pages = scans
    jobs = [(scan, language) for scan in scans for language in LANGUAGES]
    readings = dict(zip(jobs, pool.map(lambda job: ocr(*job), jobs), strict=True))
    for language in LANGUAGES:
        entries: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for scan in scans:
            words = readings[(scan, language)]
            here = sorted((o for o in occurrences if o.page == scan.page), key=lambda o: o.start)
            for occurrence in here:
                region = region_text(words, [scan.place(box) for box in occurrence.boxes])
                span, score = find_span(occurrence.phrase.source, region)
                entry = _entry(occurrence, span, score)
                key = (entry["kind"], entry["source"], entry.get("ocr", "\x00lost"))
                if key not in seen:
                    seen.add(key)
                    entries.append(entry)
        result.entries[language] = entries


# -- TOML ------------------------------------------------------------------------------------------


def toml_string(text: str) -> str:
    """A TOML basic string."""
    out = ['"']
    for char in text:
        if char in {'"', "\\"}:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def toml_value(value: Any) -> str:
    """A TOML value, tables inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"no TOML for {value!r}")


def toml_table(name: str, values: dict[str, Any]) -> str:
    """An array-of-tables entry."""
    lines = [f"[[{name}]]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, results: list[PlanScan], tools: dict[str, str]) -> None:
    """The corpus files and the manifest."""
    for language in LANGUAGES:
        folder = out / language
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for result in results:
            head = (
                f"# {result.name}: phrases of the plan as tesseract -l {language} read them from its scanned pages.\n"
                "# Written by tests/scans/make_corpus.py; `expected` is parplan's clean reading of `source`\n"
                "# (compact, without free text); `lost` marks a phrase OCR did not keep (score below threshold).\n\n"
            )
            body = "\n".join(toml_table("phrase", entry) for entry in result.entries[language])
            (folder / f"{result.name}.toml").write_text(head + body, encoding="utf-8")
    lines = [
        "# How tests/scans/corpus was made (tests/scans/make_corpus.py).",
        f"generated = {toml_string(datetime.now(tz=UTC).date().isoformat())}",
        f"seed = {toml_string(SEED)}",
        f"languages = {toml_value(list(LANGUAGES))}",
        f"psm = {PSM}",
        f"lost_below = {LOST_BELOW}",
        "",
        "[tools]",
        *(f"{name} = {toml_string(version)}" for name, version in tools.items()),
        "",
    ]
    lines.extend(
        toml_table(
            "plan",
            {
                "name": result.name,
                "origin": result.origin,
                "year": result.year,
                "printed_pages": result.printed_pages,
                "phrases": len(result.phrases),
                "located": result.located,
                "dropped": len(result.dropped),
                "entries": {language: len(result.entries[language]) for language in LANGUAGES},
                "pages": [_page_record(scan) for scan in result.pages],
            },
        )
        for result in results
    )
    lines.extend(
        toml_table(
            "dropped",
            {
                "plan": dropped.plan,
                "kind": dropped.kind,
                "source": dropped.source,
                "meant": dropped.meant,
                "read": dropped.read,
            },
        )
        for result in results
        for dropped in result.dropped
    )
    (out / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")


def _page_record(scan: Scan) -> dict[str, Any]:
    ageing = scan.ageing
    record: dict[str, Any] = {"page": scan.page, "dpi": ageing.dpi}
    for name in ("angle", "blur", "noise", "downscale", "jpeg", "grey"):
        value = getattr(ageing, name)
        if value not in {0, 100}:
            record[name] = value
    return record


# -- main ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Build the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=HERE / "corpus", help="where the corpus is written")
    parser.add_argument("--work", type=Path, help="where PDFs, images and OCR go (a temporary folder by default)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--jobs", type=int, default=2, help="tools run at once")
    parser.add_argument("--example-pages", type=int, default=5, help="pages scanned per example plan")
    parser.add_argument("--synthetic-pages", type=int, default=4, help="pages scanned per synthetic plan")
    args = parser.parse_args(argv)
    for name in TOOLS:
        tool(name)
    tools = versions()
    work = args.work or Path(tempfile.mkdtemp(prefix="parplan-scans-"))
    plans = [(name, plan, "example") for name, plan in example_plans()]
    plans += [(name, plan, "synthetic") for name, plan in synthetic_plans()]
    results: list[PlanScan] = []
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for name, plan, origin in plans:
                result = PlanScan(name=name, origin=origin, year=plan.first_year)
                budget = args.example_pages if origin == "example" else args.synthetic_pages
                read_plan(result, plan, work, budget, pool)
                lost = {lang: sum(1 for e in result.entries[lang] if e.get("lost")) for lang in LANGUAGES}
                pages = [scan.page for scan in result.pages]
                say(
                    f"{name}: {len(result.phrases)} phrases ({len(result.dropped)} dropped), "
                    f"{result.located} printed whole, pages {pages} of {result.printed_pages}, "
                    + ", ".join(f"{lang} {len(result.entries[lang])} entries ({lost[lang]} lost)" for lang in LANGUAGES)
                )
                results.append(result)
        write_corpus(args.out, results, tools)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    say(f"corpus written to {args.out}" + (f"; work kept in {work}" if args.keep or args.work else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
