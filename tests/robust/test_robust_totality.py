"""Totality of reading: any document loads or raises a PlanFormatError whose problems say where.

Arbitrary JSON-like documents (Hypothesis), junk in every field position of the
example plans (seeded), decomposed text, byte order marks, invalid UTF-8 and
very deep nesting. Never a KeyError, TypeError, AttributeError, RecursionError,
IndexError or a ValueError that is not a parplan error. Inputs are large where
work could grow faster than the input (hundreds of thousands of levels or
objects), so that such growth would show.
"""

from __future__ import annotations

import copy
import json
import math
import random
import re
import unicodedata
import zlib
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parplan import (
    AdminUnit,
    IndexResult,
    Organisation,
    Plan,
    PlanFormatError,
    Task,
    UnitKind,
    check,
    dumps,
    loads,
    render,
)
from parplan.io.converter import structure
from parplan.render import FORMATS, LOCALES
from robust_support import assert_located, example_texts, hostile_strings, load_outcome
from strategies import examples

# --- arbitrary documents --------------------------------------------------------------------


def _field_names() -> list[str]:
    names: set[str] = {"format_version", "kind"}
    stack: list[type] = [Plan]
    seen: set[type] = set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            names.add(field.name)
            for candidate in re.findall(r"[A-Z]\w+", str(field.type)):
                member = getattr(__import__("parplan"), candidate, None)
                if isinstance(member, type) and attrs.has(member):
                    stack.append(member)
    return sorted(names)


FIELD_NAMES = _field_names()
KINDS = ["organisation", "official", "collective", "joint", "before", "within", "span", "compound", "xa", "huyen"]

JUNK_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([10**30, -(2**64), 2**63, 0, -1, 1945, 2200, 2201])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(["", " ", "\x00", "€", "😴", "3²", "٣", "2022", "2022Q1", "2022-02-30", "90.73", "-0", "1e308"])
    | st.sampled_from(KINDS)
    | st.text(max_size=16)
)
JSON_DOCUMENTS = st.recursive(
    JUNK_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=examples(300))
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), JSON_DOCUMENTS, max_size=10), st.booleans())
def test_arbitrary_json_documents(document: dict[str, Any], versioned: bool) -> None:
    if versioned:
        document = {"format_version": 1, **document}
    text = json.dumps(document, allow_nan=True)  # NaN and Infinity as JavaScript writes them
    load_outcome(lambda: loads(text))
    load_outcome(lambda: loads(text.encode("utf-8")))


PYTHON_JUNK = JUNK_SCALARS | st.sampled_from(
    [b"bytes", Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"), Decimal("1E+400"), object(), {1, 2}, 1j]
)
PYTHON_DOCUMENTS = st.recursive(
    PYTHON_JUNK,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.integers() | st.none(), inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=examples(200))
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), PYTHON_DOCUMENTS, max_size=10))
def test_arbitrary_python_data_given_to_structure(data: dict[str, Any]) -> None:
    load_outcome(lambda: structure(data, Plan))


# --- junk in every field position of the example plans ------------------------------------

MINUS_ZERO = "\u2063minus-zero\u2063"
JUNK: list[Any] = [
    "€",
    "😴",
    "3²",
    "٣٤",
    "",
    " ",
    "\x00",
    "\ud800",
    "x" * 200_000,
    float("nan"),
    float("inf"),
    1e308,
    10**30,
    MINUS_ZERO,
    -1,
    2.5,
    None,
    True,
    [],
    {},
    [None],
    {"kind": "😴"},
]


def _positions(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_positions(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_positions(value, (*path, index)))
    return found


@cache
def _field_positions() -> list[tuple[str, tuple[Any, ...]]]:
    """One position of every field of every example (the first of each path once indexes are left out)."""
    chosen: dict[tuple[Any, ...], tuple[str, tuple[Any, ...]]] = {}
    for name, text in example_texts().items():
        for position in _positions(json.loads(text)):
            shape = tuple("[]" if isinstance(step, int) else step for step in position)
            chosen.setdefault(shape, (name, position))
    return list(chosen.values())


def _json_path(position: tuple[Any, ...]) -> str:
    path = "$"
    for step in position:
        path += f"[{step}]" if isinstance(step, int) else f".{step}"
    return path


def _related(problem_path: str, path: str) -> bool:
    return (
        problem_path == path
        or problem_path.startswith((f"{path}.", f"{path}["))
        or path.startswith((f"{problem_path}.", f"{problem_path}["))
        or problem_path == "$"
    )


def _with_junk(name: str, position: tuple[Any, ...], value: Any) -> str:
    document = json.loads(example_texts()[name])
    parent = document
    for step in position[:-1]:
        parent = parent[step]
    parent[position[-1]] = value
    text = json.dumps(document, ensure_ascii=False, allow_nan=True)
    return text.replace(json.dumps(MINUS_ZERO, ensure_ascii=False), "-0")


def test_every_field_position_is_covered() -> None:
    positions = _field_positions()
    assert len(positions) > 150
    shapes = {tuple("[]" if isinstance(s, int) else s for s in p) for _, p in positions}
    assert ("tasks", "[]", "timeframe", "kind") in shapes
    assert ("unit", "parent", "name") in shapes


@pytest.mark.parametrize("junk", range(len(JUNK)), ids=lambda i: f"{i:02d}")
def test_junk_in_every_field_position(junk: int) -> None:
    value = JUNK[junk]
    rng = random.Random(junk)  # noqa: S311 - reproducible test noise, not security
    positions = _field_positions()
    sample = rng.sample(positions, 60)
    loaded = 0
    for name, position in sample:
        text = _with_junk(name, position, value)
        path = _json_path(position)
        outcome = load_outcome(lambda text=text: loads(text))  # type: ignore[misc]
        if isinstance(outcome, Plan):
            loaded += 1
            assert loads(dumps(outcome)) == outcome
            check(outcome)
        else:
            assert any(_related(problem.path, path) for problem in outcome), (path, outcome)
    assert loaded < len(sample)  # most junk is refused somewhere


def test_junk_positions_in_one_document() -> None:
    """Junk everywhere at once: every problem is reported, each at its own place, in document order."""
    document = json.loads(example_texts()["son-giang-2021.json"])
    readable = [v for v in JUNK if not (isinstance(v, float) and not math.isfinite(v)) and v != "\ud800"]
    junk = iter(readable * 100)  # NaN, Infinity and lone surrogates stop the reading before any field is read
    for position in _positions(document)[2::7]:  # the header first: a wrong one stops the reading
        parent = document
        try:
            for step in position[:-1]:
                parent = parent[step]
            parent[position[-1]] = next(junk)
        except (KeyError, IndexError, TypeError):  # a position inside a value already replaced
            continue
    text = json.dumps(document, allow_nan=True)  # a lone surrogate as an escape, reported at its path
    with pytest.raises(PlanFormatError) as caught:
        loads(text)
    assert_located(caught.value.problems)
    assert len(caught.value.problems) > 10


# --- text forms and encodings ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_decomposed_text_loads_as_composed_and_round_trips(name: str) -> None:
    text = example_texts()[name]
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    plan = loads(decomposed)
    assert plan == loads(text)
    assert dumps(plan) == dumps(loads(text))
    assert unicodedata.is_normalized("NFC", dumps(plan))
    assert loads(decomposed.encode("utf-8")) == plan


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_a_byte_order_mark_is_read_past(name: str) -> None:
    text = example_texts()[name]
    plan = loads(text)
    assert loads(b"\xef\xbb\xbf" + text.encode("utf-8")) == plan
    assert loads("\ufeff" + text) == plan
    assert dumps(plan).encode("utf-8")[:3] != b"\xef\xbb\xbf"  # and never written
    with pytest.raises(PlanFormatError) as caught:
        loads(text.replace("{", "{\ufeff", 1))  # one inside the document is not white space
    assert [p.path for p in caught.value.problems] == ["$"]
    assert caught.value.problems[0].message.startswith("not valid JSON at line 1, column 2")


INVALID_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\x80"]


@pytest.mark.parametrize("bad", INVALID_UTF8, ids=lambda b: b.hex())
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_invalid_utf8_is_reported_at_its_byte(bad: bytes, bom: bytes) -> None:
    data = example_texts()["son-giang-2021.json"].encode("utf-8")
    rng = random.Random(bad + bom)  # noqa: S311 - reproducible test noise, not security
    ascii_positions = [i for i, byte in enumerate(data) if byte < 0x80]
    for position in rng.sample(ascii_positions, 25):
        broken = bom + data[:position] + bad + data[position:]
        with pytest.raises(PlanFormatError) as caught:
            loads(broken)
        assert [str(p) for p in caught.value.problems] == [f"$: not valid UTF-8 at byte {len(bom) + position}"]


@pytest.mark.parametrize(
    "text", [t for t in hostile_strings() if t], ids=lambda t: f"{zlib.crc32(t.encode('utf-8', 'surrogatepass')):08x}"
)
def test_hostile_text_in_a_document(text: str) -> None:
    base = json.loads(example_texts()["son-giang-2021.json"])
    for field in ("title", "place", "notes"):
        document = copy.deepcopy(base)
        document[field] = text
        outcome = load_outcome(lambda document=document: loads(json.dumps(document)))  # type: ignore[misc]
        if isinstance(outcome, Plan):
            assert getattr(outcome, field) == unicodedata.normalize("NFC", text)
            assert loads(dumps(outcome)) == outcome
        else:
            assert [p.path for p in outcome] == [f"$.{field}"], outcome


# --- nesting -----------------------------------------------------------------------------

DEEP = 100_000


@pytest.mark.parametrize(
    ("where", "opening", "closing"),
    [
        ("top", "[", "]"),
        ("top", '{"a":', "}"),
        ("title", "[", "]"),
        ("title", '{"title":', "}"),
        ("tasks", "[", "]"),
    ],
)
def test_very_deep_json_is_refused_with_its_depth(where: str, opening: str, closing: str) -> None:
    body = opening * DEEP + "1" + closing * DEEP
    text = body if where == "top" else '{"format_version": 1, "%s": %s}' % (where, body)  # noqa: UP031
    with pytest.raises(PlanFormatError) as caught:
        loads(text)
    depth = DEEP + (where != "top")
    assert [str(p) for p in caught.value.problems] == [
        f"$: nested {depth} levels deep, deeper than the limit of 64 levels"
    ]


def test_very_deep_toml_is_refused_with_its_depth() -> None:
    for text, depth in (("x = " + "[" * DEEP + "]" * DEEP, DEEP), ("x = " + "{a = " * DEEP + "1" + "}" * DEEP, DEEP)):
        with pytest.raises(PlanFormatError) as caught:
            loads(text, format="toml")
        assert [str(p) for p in caught.value.problems] == [
            f"$: nested {depth} levels deep, deeper than the limit of 64 levels"
        ]


def test_unclosed_nesting() -> None:
    for text in ("[" * DEEP, '{"a":' * DEEP, '{"format_version": 1, "title": ' + "[" * 500):
        with pytest.raises(PlanFormatError) as caught:
            loads(text)
        assert_located(caught.value.problems)


def _unit_chain(length: int) -> dict[str, Any]:
    unit: dict[str, Any] = {"name": "Sơn Châu", "kind": "xa"}
    for index in range(length):
        unit = {"name": f"Xã {index}", "kind": "xa", "parent": unit}
    return unit


def _plan_with_unit(unit: dict[str, Any]) -> dict[str, Any]:
    return {"format_version": 1, "title": "Kế hoạch", "issuer": {"name": "UBND"}, "unit": unit, "year": 2022}


@pytest.mark.parametrize("length", [70, 500, 900])
def test_deep_unit_chains_are_refused_at_the_limit(length: int) -> None:
    text = json.dumps(_plan_with_unit(_unit_chain(length)))
    with pytest.raises(PlanFormatError) as caught:
        loads(text)
    assert_located(caught.value.problems)
    deepest = max(caught.value.problems, key=lambda p: len(p.path))
    assert deepest.path == "$.unit" + ".parent" * 63  # the 64th level, where the limit is passed
    assert deepest.message == f"nested {length + 2} levels deep, deeper than the limit of 64 levels"


def test_a_chain_too_deep_for_the_json_reader() -> None:
    document = _plan_with_unit(_unit_chain(DEEP))
    text = (
        '{"format_version": 1, "title": "x", "unit": ' + '{"kind": "xa", "parent": ' * DEEP + "null" + "}" * DEEP + "}"
    )
    with pytest.raises(PlanFormatError) as caught:
        loads(text)
    assert [str(p) for p in caught.value.problems] == [
        f"$: nested {DEEP + 1} levels deep, deeper than the limit of 64 levels"
    ]
    with pytest.raises(PlanFormatError) as caught:
        structure(document, Plan)  # Python data as deep, given directly
    assert_located(caught.value.problems)
    assert any("deeper than the limit of 64 levels" in p.message for p in caught.value.problems)


def test_deep_python_data_in_any_field() -> None:
    deep: Any = "x"
    for _ in range(DEEP):
        deep = [deep]
    for field in ("title", "tasks", "objectives", "unit", "issuer"):
        data = {"title": "t", "issuer": {"name": "UBND"}, "unit": {"name": "A", "kind": "xa"}, "year": 2022}
        data[field] = deep
        with pytest.raises(PlanFormatError) as caught:
            structure(data, Plan)
        assert [p.path for p in caught.value.problems][:1] in (["$." + field], [f"$.{field}[0]"])


# --- large documents: the work grows with the input -----------------------------------------


def _minimal(**fields: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format_version": 1,
        "title": "Kế hoạch cải cách hành chính năm 2022",
        "issuer": {"name": "UBND xã Sơn Châu"},
        "unit": {"name": "Sơn Châu", "kind": "xa"},
        "year": 2022,
    }
    document.update(fields)
    return document


def test_many_broken_objects_are_all_reported() -> None:
    count = 50_000
    tasks = [{"id": str(i), "title": "" if i % 2 else " ", "notes": i} for i in range(count)]
    with pytest.raises(PlanFormatError) as caught:
        loads(json.dumps(_minimal(tasks=tasks)))
    problems = caught.value.problems
    assert len(problems) == 2 * count
    assert [p.path for p in problems[:4]] == [
        "$.tasks[0].title",
        "$.tasks[0].notes",
        "$.tasks[1].title",
        "$.tasks[1].notes",
    ]


def test_many_unknown_keys_are_all_reported() -> None:
    count = 50_000
    with pytest.raises(PlanFormatError) as caught:
        loads(json.dumps(_minimal(**{f"extra_{i}": i for i in range(count)})))
    assert len(caught.value.problems) == count
    assert caught.value.problems[-1].path == f"$.extra_{count - 1}"


def test_many_valid_objects_and_long_texts() -> None:
    tasks = [{"id": str(i), "title": f"Nhiệm vụ {i} " + "cải cách " * 20} for i in range(20_000)]
    long = "Kế hoạch " + "rất dài " * 250_000
    plan = loads(json.dumps(_minimal(tasks=tasks, notes=long)))
    assert len(plan.tasks) == 20_000
    assert plan.notes == long  # kept as written, trailing space included
    assert loads(dumps(plan)) == plan


def test_junk_values_given_to_the_model_directly_are_refused() -> None:
    """The model's own validators hold for values given in Python, not only through documents."""
    for bad in (float("nan"), Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")):
        with pytest.raises(ValueError, match=r"IndexResult\.score"):
            IndexResult(framework="par", year=2021, score=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must not be empty"):
        Organisation(name=" ")
    with pytest.raises(ValueError, match="higher tier"):
        AdminUnit(name="A", kind=UnitKind.COMMUNE, parent=AdminUnit(name="B", kind=UnitKind.WARD))
    with pytest.raises(ValueError, match="Task"):
        Task(id="", title="x")


def test_all_renderings_of_a_plan_with_junk_that_loads() -> None:
    """Texts that load (NUL, direction marks, emoji, superscripts) pass through checks and every rendering."""
    for text in ("\x00", "😴 3² ٣", "\u202e", "x" * 100_000):
        plan = loads(json.dumps(_minimal(title=text, tasks=[{"id": "1", "title": text, "notes": text}])))
        check(plan)
        for output in FORMATS:
            for locale in LOCALES:
                assert render(plan, format=output, locale=locale)
