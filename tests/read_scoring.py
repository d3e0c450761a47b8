"""Scoring the plan reader against labelled documents, field by field.

Two kinds of labels: the example plans (``examples/*.json``, the plan as typed by hand
from ``tests/documents/real/*.txt``) and the synthetic documents
(``tests/documents/synthetic/*.expected.toml``); the held-out documents of
``tests/documents/unseen`` (:func:`unseen`), ``tests/documents/heldout`` (:func:`heldout`),
``tests/documents/heldout3`` (:func:`heldout3`), ``tests/documents/heldout4`` (:func:`heldout4`),
``tests/documents/heldout5`` (:func:`heldout5`), ``tests/documents/heldout6`` (:func:`heldout6`),
``tests/documents/heldout7`` (:func:`heldout7`), ``tests/documents/heldout8`` (:func:`heldout8`),
``tests/documents/heldout9`` (:func:`heldout9`), ``tests/documents/heldout10`` (:func:`heldout10`),
``tests/documents/heldout11`` (:func:`heldout11`), ``tests/documents/heldout12`` (:func:`heldout12`),
``tests/documents/heldout13`` (:func:`heldout13`), ``tests/documents/heldout14`` (:func:`heldout14`) and
``tests/documents/heldout15`` (:func:`heldout15`), each a
measure only, have the synthetic form. All are
turned into one plain form (:class:`Expected`); :func:`score` compares a :class:`~parplan.Reading` with it.

Comparisons: text is compared after NFC and collapsing runs of white space (the reader
joins the lines of a paragraph with one space; the labels keep what the document
has); parties and units are compared folded (case and diacritics aside, "Ủy ban nhân
dân" = "UBND", punctuation between a name and a title ignored). A task is *found* when
a read task has its title (its final stop aside); it is *exact* when, besides, its lead (its own or its
section's) and its deadline as written are those of the label.

Scanned documents (``tests/documents/scanned``, read from tesseract's TSV) are scored by
:func:`score_scanned`, which forgives what OCR does to characters and nothing else: titles,
leads and header names are compared after :func:`ocr_key` (folded, the characters OCR confuses
made one) with a similarity of at least :data:`SCAN_SIMILARITY`; a deadline is right when the
reader's timeframe means what the label's deadline means (both read by ``read_timeframe`` in
the plan's year), not when it is written the same; dates, periods and document numbers must be
equal. Used only for scans: clean text is held to :func:`score`.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import attrs

from parplan import ParseError, Reading
from parplan.text import fold, read_timeframe

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "documents" / "real"
SYNTHETIC = ROOT / "tests" / "documents" / "synthetic"
SCANNED = ROOT / "tests" / "documents" / "scanned"
UNSEEN = ROOT / "tests" / "documents" / "unseen"
HELDOUT = ROOT / "tests" / "documents" / "heldout"
HELDOUT3 = ROOT / "tests" / "documents" / "heldout3"
HELDOUT4 = ROOT / "tests" / "documents" / "heldout4"
HELDOUT5 = ROOT / "tests" / "documents" / "heldout5"
HELDOUT6 = ROOT / "tests" / "documents" / "heldout6"
HELDOUT7 = ROOT / "tests" / "documents" / "heldout7"
HELDOUT8 = ROOT / "tests" / "documents" / "heldout8"
HELDOUT9 = ROOT / "tests" / "documents" / "heldout9"
HELDOUT10 = ROOT / "tests" / "documents" / "heldout10"
HELDOUT11 = ROOT / "tests" / "documents" / "heldout11"
HELDOUT12 = ROOT / "tests" / "documents" / "heldout12"
HELDOUT13 = ROOT / "tests" / "documents" / "heldout13"
HELDOUT14 = ROOT / "tests" / "documents" / "heldout14"
HELDOUT15 = ROOT / "tests" / "documents" / "heldout15"
HELDOUT16 = ROOT / "tests" / "documents" / "heldout16"
HELDOUT17 = ROOT / "tests" / "documents" / "heldout17"
HELDOUT18 = ROOT / "tests" / "documents" / "heldout18"
HELDOUT19 = ROOT / "tests" / "documents" / "heldout19"
HELDOUT20 = ROOT / "tests" / "documents" / "heldout20"
HELDOUT21 = ROOT / "tests" / "documents" / "heldout21"
HELDOUT22 = ROOT / "tests" / "documents" / "heldout22"
HELDOUT23 = ROOT / "tests" / "documents" / "heldout23"
HELDOUT24 = ROOT / "tests" / "documents" / "heldout24"
HELDOUT25 = ROOT / "tests" / "documents" / "heldout25"
HELDOUT26 = ROOT / "tests" / "documents" / "heldout26"
EXAMPLES = ROOT / "examples"
HEADER_FIELDS = ("issuer", "unit", "number", "place", "date", "title", "period", "signature")
BANDS = (
    (Decimal("0.9"), Decimal("1.01")),
    (Decimal("0.8"), Decimal("0.9")),
    (Decimal("0.6"), Decimal("0.8")),
    (Decimal(0), Decimal("0.6")),
)


def norm(text: str | None) -> str:
    """NFC, single spaces, no trailing space."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def party_key(text: str | None) -> str:
    """A party name compared folded, without honorifics and punctuation."""
    folded = fold(text or "").replace("uy ban nhan dan", "ubnd")
    folded = re.sub(r"\bd/c\b|\bdong chi\b", " ", folded)
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", folded).split())


def title_key(text: str | None) -> str:
    """A task's title compared without its final stop (a full stop is punctuation, not content)."""
    return norm(text).rstrip(" .;")


def time_key(text: str | None) -> str:
    """A deadline as written, compared without its final stop and without the verb a clause gives it.

    "hoàn thành trước ngày 30/6/2024" and "trước ngày 30/6/2024" are one deadline: plans write the verb of
    completing or doing before their times ("…, hoàn thành trong quý II", "Thực hiện thường xuyên"), and labellers
    have kept it or not; the time is the same.
    """
    return _TIME_VERB.sub("", norm(text).rstrip(" .;"), count=1)


_TIME_VERB = re.compile(
    r"^(?:hoàn thành|thực hiện|triển khai)\s+(?=(?:trước|trong|từ|thường xuyên|hằng|hàng|định kỳ|cả năm|quý|tháng"
    r"|năm|chậm nhất|ngay|theo|đến|xong)\b)",
    re.IGNORECASE,
)


@dataclass
class ExpectedTask:
    """A task of the labels."""

    id: str
    title: str
    leads: list[str]
    timeframe: str


@dataclass
class Expected:
    """What a document says, in the plain form both kinds of label turn into."""

    name: str
    text_path: Path
    header: dict[str, str | None]
    tasks: list[ExpectedTask] = field(default_factory=list)


def _label(party: dict[str, Any] | None) -> list[str]:
    if not party:
        return []
    if "members" in party:
        return [x for member in party["members"] for x in _label(member)]
    name = party.get("name")
    position = party.get("position")
    if name and position:
        return [f"{name} {position}"]
    return [name or position or ""]


def _symbol(symbol: dict[str, Any] | None) -> str | None:
    if not symbol or not symbol.get("number"):
        return None
    year = f"/{symbol['year']}" if symbol.get("year") else ""
    return f"{symbol['number']}{year}/{symbol['doc_type']}-{symbol['issuer']}"


def from_example(name: str) -> Expected:
    """The labels of an example plan (``examples/<name>.json`` for ``tests/documents/real/<name>.txt``)."""
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    unit = data["unit"]
    signature = data.get("signature") or {}
    period = str(data["year"]) if data.get("year") else json.dumps(data.get("span"), sort_keys=True)
    header = {
        "issuer": data["issuer"]["name"],
        "unit": f"{unit['kind']} {unit.get('name') or ''}".strip(),
        "number": _symbol(data.get("symbol")) or _symbol((data.get("adopted_by") or {}).get("symbol")),
        "place": data.get("place"),
        "date": data.get("issued_on"),
        "title": data["title"],
        "period": period,
        "signature": _signature_key(
            [a["capacity"] for a in signature.get("authorities", [])], signature.get("position"), signature.get("name")
        ),
    }
    tasks = []
    for task in data["tasks"]:
        responsibility = task.get("responsibility") or {}
        tasks.append(
            ExpectedTask(
                id=task["id"],
                title=task["title"],
                leads=_label(responsibility.get("lead")),
                timeframe=(task.get("timeframe") or {}).get("text") or "",
            )
        )
    return Expected(name=name, text_path=REAL / f"{name}.txt", header=header, tasks=tasks)


_UNIT_KINDS = {"xa": "xa", "phuong": "phuong", "thi_tran": "thi_tran", "huyen": "huyen", "so": None, "tinh": "tinh"}


def from_synthetic(path: Path) -> Expected:
    """The labels of a synthetic document (``NAME.expected.toml`` beside ``NAME.txt``)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    document = data["document"]
    signature = data.get("signature") or {}
    if "span" in document:
        period = json.dumps({"start_year": document["span"][0], "end_year": document["span"][1]}, sort_keys=True)
    elif document.get("open_ended"):
        period = json.dumps({"from_year": document["from_year"]}, sort_keys=True)
    else:
        period = str(document.get("year"))
    issuer = document["issuer"]
    level = document.get("level")
    unit = None
    if level in {"xa", "phuong", "thi_tran", "huyen", "tinh"}:
        words = issuer.split()
        kind_word = {"xa": 1, "phuong": 1, "thi_tran": 2, "huyen": 1, "tinh": 1}[level]
        start = 1 if words[0] == "UBND" else 3
        unit = f"{level} {' '.join(words[start + kind_word :])}"
    header = {
        "issuer": issuer,
        "unit": unit,
        "number": document.get("number") or None,
        "place": document.get("place"),
        "date": document.get("date") or None,
        "title": document.get("plan_title") or document.get("title"),
        "period": period,
        "signature": _signature_key(
            signature.get("authority", []), signature.get("signer_title"), signature.get("name")
        )
        if signature
        else None,
    }
    tasks = [
        ExpectedTask(
            id=t["id"],
            title=t["title"],
            leads=list(t.get("lead") or []),
            # one deadline per task, as the example plans record it: the time slot's, else the sentence's
            timeframe=t.get("timeframe") or t.get("timeframe_in_text") or "",
        )
        for t in data.get("task", [])
    ]
    name = path.name.removesuffix(".expected.toml")
    return Expected(name=name, text_path=path.with_name(f"{name}.txt"), header=header, tasks=tasks)


def _signature_key(authorities: list[str], position: str | None, name: str | None) -> str | None:
    if not position and not name:
        return None
    return " / ".join([*authorities, fold(position or ""), norm(name)])


def labelled() -> list[Expected]:
    """Every labelled document: the three real plans, then the synthetic ones."""
    real = [from_example(name) for name in ("son-giang-2021", "mang-yang-2021", "son-chau-2022")]
    synthetic = [from_synthetic(path) for path in sorted(SYNTHETIC.glob("*.expected.toml"))]
    return real + synthetic


def labels_in(folder: Path) -> list[Expected]:
    """The labelled documents of one folder of ``tests/documents``, in name order."""
    return [from_synthetic(path) for path in sorted(folder.glob("*.expected.toml"))]


def unseen() -> list[Expected]:
    """The first held-out set (``tests/documents/unseen``); its README says how it has been used since."""
    return labels_in(UNSEEN)


def heldout() -> list[Expected]:
    """The second held-out set (``tests/documents/heldout``), released for development."""
    return labels_in(HELDOUT)


def heldout3() -> list[Expected]:
    """The third held-out set (``tests/documents/heldout3``), measured blind once, then released."""
    return labels_in(HELDOUT3)


def heldout4() -> list[Expected]:
    """The fourth held-out set (``tests/documents/heldout4``), measured blind once, then released."""
    return labels_in(HELDOUT4)


def heldout5() -> list[Expected]:
    """The fifth held-out set (``tests/documents/heldout5``), measured blind once, then released."""
    return labels_in(HELDOUT5)


def heldout6() -> list[Expected]:
    """The sixth held-out set (``tests/documents/heldout6``), measured blind once, then released."""
    return labels_in(HELDOUT6)


def heldout7() -> list[Expected]:
    """The seventh held-out set (``tests/documents/heldout7``), measured blind, then released."""
    return labels_in(HELDOUT7)


def heldout8() -> list[Expected]:
    """The eighth held-out set (``tests/documents/heldout8``), measured blind, then released."""
    return labels_in(HELDOUT8)


def heldout9() -> list[Expected]:
    """The ninth held-out set (``tests/documents/heldout9``), written in shapes none of the earlier sets used."""
    return labels_in(HELDOUT9)


def heldout10() -> list[Expected]:
    """The tenth held-out set (``tests/documents/heldout10``), written in shapes none of the earlier sets used."""
    return labels_in(HELDOUT10)


def heldout11() -> list[Expected]:
    """The eleventh held-out set (``tests/documents/heldout11``), plans in the ordinary shapes of 2023-2027."""
    return labels_in(HELDOUT11)


def heldout12() -> list[Expected]:
    """The twelfth held-out set (``tests/documents/heldout12``), ordinary plans of 2023-2027 in other variations."""
    return labels_in(HELDOUT12)


def heldout13() -> list[Expected]:
    """The thirteenth held-out set (``tests/documents/heldout13``), ordinary plans of 2023-2027, other variations."""
    return labels_in(HELDOUT13)


def heldout14() -> list[Expected]:
    """The fourteenth held-out set (``tests/documents/heldout14``), ordinary plans of 2023-2026, other variations."""
    return labels_in(HELDOUT14)


def heldout15() -> list[Expected]:
    """The fifteenth held-out set (``tests/documents/heldout15``), plans in the shapes real plans use most."""
    return labels_in(HELDOUT15)


def heldout16() -> list[Expected]:
    """The sixteenth held-out set (``tests/documents/heldout16``), plans of 2025-2026 sampled by how common they are."""
    return labels_in(HELDOUT16)


def heldout17() -> list[Expected]:
    """The seventeenth held-out set (``tests/documents/heldout17``), common shapes of real plans with their slips."""
    return labels_in(HELDOUT17)


def heldout18() -> list[Expected]:
    """The eighteenth held-out set (``tests/documents/heldout18``), a fair sample of real plans with their slips."""
    return labels_in(HELDOUT18)


def heldout19() -> list[Expected]:
    """The nineteenth held-out set (``tests/documents/heldout19``), a fair sample of real plans with their slips."""
    return labels_in(HELDOUT19)


def heldout20() -> list[Expected]:
    """The twentieth held-out set (``tests/documents/heldout20``), a fair sample of real plans with their slips."""
    return labels_in(HELDOUT20)


def heldout21() -> list[Expected]:
    """The twenty-first held-out set (``tests/documents/heldout21``), a fair sample of real plans with their slips."""
    return labels_in(HELDOUT21)


def heldout22() -> list[Expected]:
    """The twenty-second held-out set (``tests/documents/heldout22``), two-tier plans of 2025-2026 with their slips."""
    return labels_in(HELDOUT22)


def heldout23() -> list[Expected]:
    """The twenty-third held-out set (``tests/documents/heldout23``), a second sample of two-tier plans of 2025-2026."""
    return labels_in(HELDOUT23)


def heldout24() -> list[Expected]:
    """The twenty-fourth held-out set (``tests/documents/heldout24``), a fair sample of plans of 2022-2026."""
    return labels_in(HELDOUT24)


def heldout25() -> list[Expected]:
    """The twenty-fifth held-out set (``tests/documents/heldout25``), a fair sample of plans of 2022-2026."""
    return labels_in(HELDOUT25)


def heldout26() -> list[Expected]:
    """The twenty-sixth held-out set (``tests/documents/heldout26``), a fair sample of plans of 2022-2026."""
    return labels_in(HELDOUT26)


@dataclass
class Score:
    """How one reading compares with its labels."""

    name: str
    header: dict[str, bool]
    tasks: int
    found: int
    exact: int
    lead_right: int
    time_right: int
    extra: int
    misses: list[str]
    calibration: list[tuple[Decimal, bool]]
    fields: list[tuple[str, Decimal, bool]] = field(default_factory=list)
    """The calibration's fields by their JSON paths: (path, confidence, right)."""


def read_header(reading: Reading) -> dict[str, str | None]:
    """The header fields of a reading, in the form of :class:`Expected`'s header."""
    plan = reading.plan
    if plan is None:
        return dict.fromkeys(HEADER_FIELDS)
    symbol = plan.symbol if plan.symbol is not None and plan.symbol.number else None
    if symbol is None and plan.adopted_by is not None and plan.adopted_by.symbol is not None:
        symbol = plan.adopted_by.symbol if plan.adopted_by.symbol.number else None
    signature = plan.signature
    if plan.span is not None:
        period = json.dumps(
            {
                k: v
                for k, v in (
                    ("start_year", getattr(plan.span, "start_year", None)),
                    ("end_year", getattr(plan.span, "end_year", None)),
                    ("from_year", getattr(plan.span, "from_year", None)),
                )
                if v
            },
            sort_keys=True,
        )
    else:
        period = str(plan.year)
    issued = plan.issued_on if plan.adopted_by is None or plan.adopted_by.date is None else plan.adopted_by.date
    return {
        "issuer": plan.issuer.name,
        "unit": f"{plan.unit.kind.value} {plan.unit.name or ''}".strip(),
        "number": str(symbol) if symbol is not None else None,
        "place": plan.place,
        "date": issued.isoformat() if issued else None,
        "title": plan.title,
        "period": period,
        "signature": _signature_key(
            [a.capacity.value for a in signature.authorities], signature.position, signature.name
        )
        if signature is not None
        else None,
    }


def _header_right(key: str, expected: str | None, got: str | None, unit: str | None) -> bool:
    if key == "issuer":
        if party_key(expected) == party_key(got):
            return True
        return bool(got and unit) and party_key(expected) == party_key(f"{got} {unit}")
    if key == "unit":
        return expected is None or party_key(expected) == party_key(got)
    if key == "signature":
        return (expected or None) == (got or None)
    if key == "period":
        return expected == got
    return norm(expected) == norm(got)


@dataclass(frozen=True)
class _Rules:
    """How one kind of document is compared: titles, leads, deadlines and header fields."""

    title_key: Callable[[str], str]
    title_same: Callable[[str, str], bool]
    leads_same: Callable[[list[str], list[str]], bool]
    time_same: Callable[[str, Any, int | None], bool]
    header_right: Callable[[str, str | None, str | None, str | None], bool]


def _clean_leads(wanted: list[str], got: list[str]) -> bool:
    return sorted(party_key(x) for x in wanted) == sorted(party_key(x) for x in got)


def _clean_time(wanted: str, timeframe: Any, _year: int | None) -> bool:
    return time_key(wanted) == time_key(timeframe.text if timeframe is not None else None)


CLEAN = _Rules(title_key, lambda a, b: a == b, _clean_leads, _clean_time, _header_right)


def score(reading: Reading, expected: Expected) -> Score:
    """Compare ``reading`` with ``expected``: header fields, tasks, and each source's verdict for calibration."""
    return _score(reading, expected, CLEAN)


def _score(reading: Reading, expected: Expected, rules: _Rules) -> Score:
    got = read_header(reading)
    plan = reading.plan
    unit_words = None
    if plan is not None:
        unit_words = plan.unit.full_name
    header = {key: rules.header_right(key, expected.header.get(key), got.get(key), unit_words) for key in HEADER_FIELDS}
    calibration: list[tuple[Decimal, bool]] = []
    misses: list[str] = []
    found = exact = lead_right = time_right = 0
    if plan is None:
        return Score(
            expected.name, header, len(expected.tasks), 0, 0, 0, 0, 0, [f"no plan: {'; '.join(reading.doubts)}"], []
        )
    year = _label_year(expected)
    keys = [rules.title_key(task.title) for task in plan.tasks]
    matched: set[int] = set()
    verdicts: dict[str, bool] = {}
    for wanted in expected.tasks:
        key = rules.title_key(wanted.title)
        candidates = [i for i in range(len(keys)) if i not in matched and rules.title_same(key, keys[i])]
        if not candidates:
            misses.append(f"{wanted.id}: title not found: {wanted.title[:90]!r}")
            continue
        index = max(candidates, key=lambda i: _similarity(key, keys[i]))
        matched.add(index)
        found += 1
        task = plan.tasks[index]
        responsibility = plan.responsibility_of(task)
        leads = []
        if responsibility is not None and responsibility.lead is not None:
            lead = responsibility.lead
            members = getattr(lead, "members", (lead,))
            leads = [m.label for m in members]
        lead_ok = rules.leads_same(wanted.leads, leads)
        timeframe = plan.timeframe_of(task)
        time_ok = rules.time_same(wanted.timeframe, timeframe, year)
        lead_right += lead_ok
        time_right += time_ok
        exact += lead_ok and time_ok
        if not lead_ok:
            misses.append(f"{wanted.id}: lead {leads} instead of {wanted.leads}")
        if not time_ok:
            misses.append(
                f"{wanted.id}: deadline {timeframe.text if timeframe else None!r} instead of {wanted.timeframe!r}"
            )
        verdicts[f"$.tasks[{index}].title"] = True
        verdicts[f"$.tasks[{index}].responsibility"] = lead_ok
        verdicts[f"$.tasks[{index}].timeframe"] = time_ok
    for index in range(len(plan.tasks)):
        verdicts.setdefault(f"$.tasks[{index}].title", False)
    header_paths = {
        "$.issuer": "issuer",
        "$.unit": "unit",
        "$.symbol": "number",
        "$.place": "place",
        "$.issued_on": "date",
        "$.title": "title",
        "$.year": "period",
        "$.span": "period",
        "$.signature": "signature",
    }
    for path, key in header_paths.items():
        verdicts[path] = header[key]
    fields = [
        (source.path, source.confidence, verdicts[source.path])
        for source in plan.sources
        if source.path in verdicts and source.confidence is not None
    ]
    calibration = [(confidence, right) for _, confidence, right in fields]
    extra = len(plan.tasks) - len(matched)
    return Score(
        expected.name,
        header,
        len(expected.tasks),
        found,
        exact,
        lead_right,
        time_right,
        extra,
        misses,
        calibration,
        fields,
    )


def bands(calibration: list[tuple[Decimal, bool]]) -> list[tuple[str, int, int]]:
    """Per confidence band: its name, how many fields, how many right."""
    result = []
    for low, high in BANDS:
        inside = [right for confidence, right in calibration if low <= confidence < high]
        name = f"[{low}, {min(high, Decimal(1))}]" if high > 1 else f"[{low}, {high})"
        result.append((name, len(inside), sum(inside)))
    return result


# -- scans -----------------------------------------------------------------------------------------

SCAN_SIMILARITY = 0.9
"""How alike (difflib ratio of the :func:`ocr_key` forms) a scanned text must be to the label's."""
_OCR_FOLD = str.maketrans({"0": "o", "6": "o", "1": "i", "l": "i", "|": "i", "!": "i", "5": "s", "8": "b"})


def ocr_key(text: str | None) -> str:
    """``text`` folded (no case, no diacritics) with the characters OCR confuses made one (0/6/o, 1/l/i/|, 5/s, 8/b)
    and every mark but ``/`` and ``-`` dropped: what a scan cannot be blamed for changing."""
    folded = fold(text or "").translate(_OCR_FOLD)
    return " ".join(re.sub(r"[^a-z0-9/\- ]+", " ", folded).split())


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _alike(a: str, b: str) -> bool:
    if a == b:
        return True
    if not a or not b or min(len(a), len(b)) / max(len(a), len(b)) < SCAN_SIMILARITY - 0.05:
        return False
    return _similarity(a, b) >= SCAN_SIMILARITY


def _scan_leads(wanted: list[str], got: list[str]) -> bool:
    ours = sorted(ocr_key(party_key(x)) for x in wanted)
    theirs = sorted(ocr_key(party_key(x)) for x in got)
    return len(ours) == len(theirs) and all(_alike(a, b) for a, b in zip(ours, theirs, strict=True))


def _meaning(timeframe: Any, words: list[str] | None = None) -> Any:
    """A timeframe without the words it was written in (a compound's steps likewise).

    With ``words``, the names it holds (an event's, a schedule's) are taken out too and added to ``words``, to be
    compared as a scan's characters allow.
    """
    if timeframe is None or not attrs.has(type(timeframe)):
        return timeframe
    changes: dict[str, Any] = {}
    for field_ in attrs.fields(type(timeframe)):
        value = getattr(timeframe, field_.name)
        if field_.name == "text":
            changes["text"] = None
        elif words is not None and isinstance(value, str) and value:
            words.append(value)
            changes[field_.name] = "-"
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            changes[field_.name] = tuple(_meaning(v, words) for v in value)
        elif attrs.has(type(value)):
            changes[field_.name] = _meaning(value, words)
    try:
        return attrs.evolve(timeframe, **changes)
    except (TypeError, ValueError):
        return timeframe


def _scan_time(wanted: str, timeframe: Any, year: int | None) -> bool:
    text = time_key(wanted)
    if not text:
        return timeframe is None
    if timeframe is None:
        return False
    try:
        meant = read_timeframe(text, year=year).value
    except ParseError:
        return _alike(ocr_key(text), ocr_key(timeframe.text))
    meant_words: list[str] = []
    read_words: list[str] = []
    same = _meaning(meant, meant_words) == _meaning(timeframe, read_words)
    return same and _alike(ocr_key(" ".join(meant_words)), ocr_key(" ".join(read_words)))


def _scan_header(key: str, expected: str | None, got: str | None, unit: str | None) -> bool:
    if key in {"period", "date"}:
        return expected == got
    if key == "number":
        return ocr_key(expected) == ocr_key(got)
    if key == "unit" and expected is None:
        return True
    if key == "issuer" and got and unit and _alike(ocr_key(party_key(expected)), ocr_key(party_key(f"{got} {unit}"))):
        return True
    if key in {"issuer", "unit"}:
        return _alike(ocr_key(party_key(expected)), ocr_key(party_key(got)))
    if expected is None or got is None:
        return expected == got
    return _alike(ocr_key(expected), ocr_key(got))


SCANNED_RULES = _Rules(ocr_key, _alike, _scan_leads, _scan_time, _scan_header)


def score_scanned(reading: Reading, expected: Expected) -> Score:
    """Compare the reading of a scan with the labels of the document scanned, forgiving OCR's characters only.

    A task is found when a read title is within :data:`SCAN_SIMILARITY` of the label's
    (both :func:`ocr_key`); its lead is right when its parties are, pairwise, alike in
    the same way; its deadline when the reader's timeframe means what the label's
    deadline means (read in the label's year). Header dates, periods and numbers
    must be equal (numbers after :func:`ocr_key`); names, the title and the place
    alike. Calibration verdicts follow these comparisons.
    """
    return _score(reading, expected, SCANNED_RULES)


def _label_year(expected: Expected) -> int | None:
    period = expected.header.get("period") or ""
    if period.isdigit():
        return int(period)
    try:
        data = json.loads(period)
    except ValueError:
        return None
    return data.get("start_year") or data.get("from_year") if isinstance(data, dict) else None


# -- the figures of a set of scores, as the held-out tests print and hold them -----------------


def group_totals(scores: dict[tuple[str, str], Score], group: str) -> tuple[int, int, int, int, int]:
    """Tasks, found, exact, header fields right and in all, over the scores keyed ``(group, document)`` of a group."""
    chosen = [score for (key, _), score in scores.items() if key == group]
    return (
        sum(score.tasks for score in chosen),
        sum(score.found for score in chosen),
        sum(score.exact for score in chosen),
        sum(sum(score.header.values()) for score in chosen),
        len(chosen) * len(HEADER_FIELDS),
    )


def totals(scores: dict[str, Score]) -> tuple[int, int, int, int, int]:
    """Tasks, found, exact, header fields right and header fields in all, over a set of scores."""
    tasks = sum(s.tasks for s in scores.values())
    found = sum(s.found for s in scores.values())
    exact = sum(s.exact for s in scores.values())
    header_right = sum(sum(s.header.values()) for s in scores.values())
    header_all = len(HEADER_FIELDS) * len(scores)
    return tasks, found, exact, header_right, header_all


def top_band(scores: dict[str, Score]) -> list[bool]:
    """Whether each field read with confidence 0.9 or more is right."""
    return [right for s in scores.values() for confidence, right in s.calibration if confidence >= Decimal("0.9")]


def figures(scores: dict[str, Score]) -> list[str]:
    """A line per document, the totals and the confidence bands, as ``pytest -s`` shows them."""
    lines = []
    for name, s in scores.items():
        wrong = [key for key, right in s.header.items() if not right]
        lines.append(
            f"{name}: tasks {s.tasks}, found {s.found}, exact {s.exact} (lead {s.lead_right}, "
            f"deadline {s.time_right}), extra {s.extra}; header {sum(s.header.values())}/{len(s.header)}"
            + (f" wrong: {', '.join(wrong)}" if wrong else "")
        )
    tasks, found, exact, header_right, header_all = totals(scores)
    lines.append(f"total: tasks {tasks}, found {found}, exact {exact}; header {header_right}/{header_all}")
    calibration = [pair for s in scores.values() for pair in s.calibration]
    lines.extend(f"confidence {band}: {count} fields, {right} right" for band, count, right in bands(calibration))
    return lines


def check_labels(documents: list[Expected], folder: Path) -> None:
    """Every labelled document of ``folder`` exists, has tasks with distinct ids and titles, and names its issuer."""
    for expected in documents:
        assert expected.text_path.is_file(), expected.text_path
        assert expected.tasks, expected.name
        ids = [task.id for task in expected.tasks]
        assert len(ids) == len(set(ids)), expected.name
        assert all(task.title.strip() for task in expected.tasks), expected.name
        data = tomllib.loads((folder / f"{expected.name}.expected.toml").read_text(encoding="utf-8"))
        assert data["document"]["issuer"], expected.name
