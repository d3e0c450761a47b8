"""The fast structuring pass agrees with the detailed pass and with the classes' own ``__init__``.

The fast pass is generated code that writes the attrs converters and the common
validators out inline and assembles instances slot by slot. These tests hold it
to the classes: on valid documents it builds exactly what the constructors
build; on broken ones (every field of generated plans replaced in turn by junk,
blanks, NFD text, out-of-range numbers, unknown keys) it fails exactly when the
detailed pass, which calls the constructors, finds a problem. The inline code
of each validator is checked against the validator itself.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parplan
from builders import minimal_plan
from parplan import IndexFramework, Indicator, Plan, Task
from parplan._values import _IDENTIFIER, identifier, is_bounded_decimal, nfc
from parplan.errors import Problem
from parplan.io import converter as conv
from parplan.io import document
from parplan.io.examples import example_names, example_text
from parplan.io.migrations import migrate
from parplan.org import party_key
from strategies import examples, index_frameworks, indicators, plans

_JUNK: tuple[Any, ...] = (
    None,
    "",
    "   ",
    "x",
    "Ke\u0302\u0301 hoa\u0323ch",  # NFD: "Kế hoạch"
    "a b",
    "-bad id",
    "t.1:ok/x-y",
    "2022",
    "2022Q5",
    "2022Q1",
    "2022-02-30",
    "2022-02-28",
    "90.73",
    "1e3",
    "organisation",
    "collective",
    "within",
    0,
    -1,
    1,
    1944,
    1945,
    2200,
    2201,
    True,
    Decimal("90.73"),
    [],
    ["x"],
    ["2022Q1", "2022Q1"],
    [{}],
    {},
    {"name": "Văn phòng xã"},
    {"kind": "collective", "name": "Các ban ngành liên quan"},
)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in JSON-like ``data``: object keys and array indexes."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*path, key))
            found.extend(_paths(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((*path, index))
            found.extend(_paths(value, (*path, index)))
    return found


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _outcomes(data: Any, cls: type[Any]) -> tuple[Any, Any, list[Problem]]:
    """The fast pass's result (or the exception it raised) and the detailed pass's result and problems."""
    try:
        fast: Any = conv.cattrs_converter().structure(copy.deepcopy(data), cls)
    except Exception as error:  # noqa: BLE001 - any failure of the fast pass is an outcome here
        fast = error
    problems = conv._Found(conv.MAX_DEPTH)
    detailed = conv._check(copy.deepcopy(data), cls, "$", problems, 0)
    return fast, detailed, problems


def _assert_cache_holds_only_checked_texts() -> None:
    for key, text in conv._text_cache.items():
        assert key is text
        assert text.strip()
        assert unicodedata.is_normalized("NFC", text)


def _assert_agree(data: Any, cls: type[Any]) -> None:
    fast, detailed, problems = _outcomes(data, cls)
    _assert_cache_holds_only_checked_texts()
    if problems:
        assert isinstance(fast, Exception), f"fast pass accepted what the detailed pass refused: {problems}"
    else:
        assert not isinstance(fast, Exception), f"fast pass refused a valid document: {fast!r}"
        assert fast == detailed
        assert conv.unstructure(fast) == conv.unstructure(detailed)


def _document(plan: Plan) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(parplan.dumps(plan))
    del data["format_version"], data["document"]
    return data


@given(plans(max_tasks=3))
def test_valid_plans_build_the_same_objects_as_the_constructors(plan: Plan) -> None:
    data = _document(plan)
    fast, detailed, problems = _outcomes(data, Plan)
    assert problems == []
    assert fast == detailed == plan


@given(index_frameworks())
def test_valid_frameworks_build_the_same_objects_as_the_constructors(framework: IndexFramework) -> None:
    data = conv.unstructure(framework)
    assert conv.cattrs_converter().structure(data, IndexFramework) == framework


@given(indicators())
def test_valid_indicators_build_the_same_objects_as_the_constructors(indicator: Indicator) -> None:
    data = conv.unstructure(indicator)
    assert conv.cattrs_converter().structure(data, Indicator) == indicator


@settings(max_examples=examples(300))
@given(plans(max_tasks=2), st.data())
def test_the_passes_agree_on_a_broken_field(plan: Plan, data: st.DataObject) -> None:
    document = _document(plan)
    path = data.draw(st.sampled_from(_paths(document)))
    junk = data.draw(st.sampled_from(_JUNK))
    _assert_agree(_replace(document, path, junk), Plan)


@settings(max_examples=examples(100))
@given(plans(max_tasks=2), st.data())
def test_the_passes_agree_on_an_unknown_or_missing_key(plan: Plan, data: st.DataObject) -> None:
    document = _document(plan)
    objects = [path for path in _paths(document) if isinstance(_at(document, path), dict)]
    path = data.draw(st.sampled_from(objects))
    changed = copy.deepcopy(document)
    target = _at(changed, path)
    if target and data.draw(st.booleans()):
        del target[data.draw(st.sampled_from(sorted(target)))]
    else:
        target[data.draw(st.sampled_from(["kind", "nmae", "extra", "text"]))] = data.draw(st.sampled_from(_JUNK))
    _assert_agree(changed, Plan)


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    found = data
    for step in path:
        found = found[step]
    return found


def test_a_task_written_in_nfd_is_stored_in_nfc() -> None:
    task = conv.cattrs_converter().structure({"id": "t1", "title": unicodedata.normalize("NFD", "Kế hoạch")}, Task)
    assert task.title == "Kế hoạch"
    assert unicodedata.is_normalized("NFC", task.title)


def test_explicit_nulls_and_defaults_are_accepted_like_absent_fields() -> None:
    data: dict[str, Any] = {"id": "t1", "title": "Kế hoạch", "area": None, "outputs": [], "notes": None}
    assert conv.cattrs_converter().structure(data, Task) == Task(id="t1", title="Kế hoạch")


def test_short_texts_are_shared_between_documents_and_blank_or_nfd_ones_are_not_kept() -> None:
    def task(title: str, lead: str) -> dict[str, Any]:
        return {"id": "t1", "title": title, "responsibility": {"lead": {"name": lead}}}

    first = conv.cattrs_converter().structure(task("Kế hoạch", "Văn phòng UBND xã Sơn Châu"), Task)
    second = conv.cattrs_converter().structure(task("Kế hoạch", "Văn phòng UBND xã Sơn Châu"), Task)
    assert first.title is second.title
    assert first.lead.name is second.lead.name  # type: ignore[union-attr]
    nfd = unicodedata.normalize("NFD", "Phòng Nội vụ huyện")
    third = conv.cattrs_converter().structure(task(nfd, nfd), Task)
    assert third.title == third.lead.name == "Phòng Nội vụ huyện"  # type: ignore[union-attr]
    with pytest.raises(Exception):  # noqa: B017, PT011 - the fast pass refuses with any exception
        conv.cattrs_converter().structure(task("   ", "Văn phòng"), Task)
    _assert_cache_holds_only_checked_texts()


def test_repeated_values_are_shared_between_documents() -> None:
    first = conv.cattrs_converter().structure(
        {"id": "t1", "title": "A", "timeframe": {"kind": "within", "periods": ["2031Q2"]}}, Task
    )
    second = conv.cattrs_converter().structure(
        {"id": "t2", "title": "B", "timeframe": {"kind": "within", "periods": ["2031Q2"]}}, Task
    )
    assert first.timeframe == second.timeframe
    assert first.timeframe is not second.timeframe
    assert first.timeframe.periods[0] is second.timeframe.periods[0]  # type: ignore[union-attr]


_PROBES: tuple[Any, ...] = (
    "",
    " ",
    "\u3000",
    "a",
    " a ",
    "Kế hoạch",
    "1a",
    "-a",
    "a/b:c.d_e-f",
    "a b",
    "٣",
    "a\n",
    0,
    1,
    -5,
    1944,
    1945,
    2200,
    2201,
    Decimal("1.5"),
    Decimal("NaN"),
    Decimal("-Infinity"),
    (),
    ("a",),
    ("a", " "),
)


def _inline(template: str) -> Callable[[Any], None]:
    namespace: dict[str, Any] = {
        "_Invalid": conv._Invalid,
        "_identifier": _IDENTIFIER.match,
        "_bounded": is_bounded_decimal,
    }
    body = template.format(v="v").replace("\n", "\n    ")
    exec(f"def check(v):\n    {body}", namespace)  # noqa: S102 - the generator's own templates
    check: Callable[[Any], None] = namespace["check"]
    return check


def _raises(function: Callable[..., object], *arguments: Any) -> bool:
    try:
        function(*arguments)
    except Exception:  # noqa: BLE001 - refusing by any exception is refusing
        return True
    return False


@attrs.frozen
class _Probe:
    value: Any


_FIELD = attrs.fields(_Probe).value


@pytest.mark.parametrize(
    ("validator", "template"), list(conv._INLINE_VALIDATORS.items()), ids=[f.__name__ for f in conv._INLINE_VALIDATORS]
)
def test_each_inline_validator_refuses_what_its_function_refuses(
    validator: Callable[[Any, Any, Any], None], template: tuple[str, bool]
) -> None:
    code, lets_none_through = template
    check = _inline(code)
    for value in _PROBES:
        assert _raises(validator, _Probe(value), _FIELD, value) == _raises(check, value), value
    assert lets_none_through == (not _raises(validator, _Probe(None), _FIELD, None))


@pytest.mark.parametrize("text", ["", "abc", "Kế hoạch", unicodedata.normalize("NFD", "Kế hoạch"), "e\u0301\u0323"])
def test_the_inline_nfc_line_does_what_nfc_does(text: str) -> None:
    namespace: dict[str, Any] = {"_is_nfc": unicodedata.is_normalized, "_to_nfc": unicodedata.normalize}
    exec(f"def convert(v):\n    {conv._NFC_LINE.format(v='v')}\n    return v", namespace)  # noqa: S102
    assert namespace["convert"](text) == nfc(text)


def test_dates_read_once_are_still_checked() -> None:
    before = conv.cattrs_converter().structure({"kind": "before", "day": "2031-12-31"}, parplan.Before)
    assert before.day == date(2031, 12, 31)
    with pytest.raises(Exception, match="ISO date"):
        conv._date("2031-02-30")


def test_party_keys_collapse_exactly_the_whitespace_of_a_regular_expression() -> None:
    spaces = re.compile(r"\s+")
    for code in range(sys.maxunicode + 1):
        name = f" Văn{chr(code)}phòng \t xã "
        assert party_key(name) == spaces.sub(" ", name).strip().casefold()


@attrs.frozen(kw_only=True, cache_hash=True)
class _Hashed:
    name: str = attrs.field(converter=nfc, validator=attrs.validators.instance_of(str))
    count: int = 1


def test_classes_that_cannot_be_assembled_slot_by_slot_are_built_by_their_constructor() -> None:
    assert not conv._builds_directly(_Hashed)
    built = conv.cattrs_converter().structure({"name": unicodedata.normalize("NFD", "Sơn Châu"), "count": 2}, _Hashed)
    assert built == _Hashed(name="Sơn Châu", count=2)
    assert hash(built) == hash(_Hashed(name="Sơn Châu", count=2))
    with pytest.raises(Exception):  # noqa: B017, PT011 - the fast pass refuses with any exception
        conv.cattrs_converter().structure({"name": "Sơn Châu", "count": "2"}, _Hashed)


def _read_both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """What ``loads`` gives with orjson and with the standard library alone: a plan or the problems."""
    outcomes: list[object] = []
    for module in (pytest.importorskip("orjson"), None):
        with monkeypatch.context() as patch:
            patch.setattr(document, "_orjson", module)
            try:
                outcomes.append(parplan.loads(data))
            except parplan.PlanFormatError as error:
                outcomes.append(error.problems)
    return outcomes[0], outcomes[1]


@settings(max_examples=examples(50))
@given(plans(max_tasks=3))
def test_canonical_documents_read_with_orjson_are_the_plans_read_exactly(plan: Plan) -> None:
    data = parplan.dumps(plan).encode()
    assert data.startswith(document._CANONICAL_START)
    with_orjson, exactly = _read_both_ways(data, pytest.MonkeyPatch())
    assert with_orjson == exactly == plan


@pytest.mark.parametrize(
    ("find", "replace"),
    [
        ('\n  "title": ', '\n  "title": "Kế hoạch khác",\n  "title": '),  # a repeated key
        ('"year": 2022', '"year": 2022.0'),  # a number with a point
        ('"year": 2022', '"year": 20220000000000000000000'),  # beyond 64 bits
        ('"title": "', '"title": "\\ud800'),  # a lone surrogate
        ('"title": "', '"title": "  '),  # still valid: leading spaces are kept
        ('"title": "', '"nmae": "'),  # an unknown key
    ],
)
def test_canonical_documents_with_a_problem_are_read_exactly(find: str, replace: str) -> None:
    plan = minimal_plan()
    text = parplan.dumps(plan)
    assert find in text
    with_orjson, exactly = _read_both_ways(text.replace(find, replace, 1).encode(), pytest.MonkeyPatch())
    assert with_orjson == exactly


_FIRST_DOCUMENT = """
import json, sys
import parplan
from parplan.io.converter import fast_pass_ready
from parplan.io.examples import example_text
small = example_text("son-giang-2021").encode()
first = parplan.loads(small)
after_first = fast_pass_ready(parplan.Plan)
second = parplan.loads(small)
print(json.dumps([len(small), after_first, fast_pass_ready(parplan.Plan), first == second]))
"""


def test_only_the_first_small_document_is_read_without_generating_the_fast_pass() -> None:
    """The first small document takes the detailed pass alone; the next one generates the fast pass."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _FIRST_DOCUMENT], capture_output=True, text=True, check=True
    ).stdout
    small, after_first, after_second, same = json.loads(out)
    assert small <= document._SMALL_DOCUMENT
    assert (after_first, after_second, same) == (False, True, True)


@pytest.mark.parametrize("name", example_names())
def test_the_detailed_pass_alone_builds_what_the_fast_pass_builds(name: str) -> None:
    data = migrate(json.loads(example_text(name)))
    assert conv.structure(copy.deepcopy(data), Plan, fast=False) == conv.structure(data, Plan)


# --- converters and validators recognised by their code ---------------------------------------------


def _model_functions() -> list[tuple[str, Any, Any]]:
    """Every converter and own validator of the model's fields, with the field's name."""
    classes = [tp for tp in vars(parplan.plan).values() if isinstance(tp, type) and attrs.has(tp)]
    return [
        (f"{cls.__name__}.{field.name}", field.converter, conv._own_validator(field))
        for cls in (Plan, Task, *classes)
        for field in attrs.fields(cls)
    ]


def test_the_tuple_converters_recognised_by_their_code_return_a_tuple_unchanged() -> None:
    recognised = [(name, c) for name, c, _ in _model_functions() if c is not None and conv._keeps_tuples(c)]
    assert any(name == "Task.criteria" for name, _ in recognised)
    for _, converter in recognised:
        given = ("a", "b")
        assert converter(given) is given
        assert converter(()) == ()


def test_the_identifier_validators_recognised_by_their_code_refuse_what_the_inline_loop_refuses() -> None:
    recognised = [v for _, _, v in _model_functions() if v is not None and conv._checks_identifiers(v)]
    assert recognised
    check = _inline(conv._IDENTIFIER_ITEMS)
    for values in [(), ("a",), ("a", "-bad"), ("t.1:ok/x-y", "2022"), (" ",), ("x y",), ("",)]:
        for validator in recognised:
            assert _raises(validator, _Probe(values), _FIELD, values) == _raises(check, values), values


def _looks_like_to_tuple(values: Any) -> Any:
    return to_tuple(values)


def to_tuple(values: Any) -> Any:  # a function of the same name: a look-alike wrapper calls this one
    return list(values)


def _returns_a_list(values: Any) -> Any:
    return list(values)


def _checks_blank_items(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for code in value:
        identifier(instance, attribute, code.strip())


def test_only_the_very_code_is_recognised() -> None:
    from parplan._values import to_tuple as model_to_tuple

    assert conv._keeps_tuples(model_to_tuple)
    assert not conv._keeps_tuples(_looks_like_to_tuple)  # same instructions, another global
    assert not conv._keeps_tuples(_returns_a_list)
    assert not conv._keeps_tuples(len)
    assert not conv._checks_identifiers(_checks_blank_items)
    assert not conv._checks_identifiers(None)


@pytest.mark.parametrize("field", ["criteria", "objectives", "indicators"])
@pytest.mark.parametrize("value", [["PP.1", "-bad"], ["a b"], [""], ["ok", 3], "PP.1", [None]])
def test_a_bad_code_in_a_task_gives_the_same_verdict_and_error_as_the_detailed_pass(field: str, value: Any) -> None:
    plan = minimal_plan(tasks=(Task(id="t1", title="Niêm yết công khai các thủ tục hành chính"),))
    data = _document(plan)
    data["tasks"][0][field] = value
    _assert_agree(data, Plan)
    document = json.loads(parplan.dumps(plan))
    document["tasks"][0][field] = value
    with pytest.raises(parplan.PlanFormatError) as read:  # the canonical layout: the orjson and fast passes first
        parplan.loads(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    with pytest.raises(parplan.PlanFormatError) as detailed:
        conv.structure(migrate(copy.deepcopy(document)), Plan, fast=False)
    assert [(p.path, p.message) for p in read.value.problems] == [(p.path, p.message) for p in detailed.value.problems]
    assert read.value.problems
    assert all(p.path.startswith(f"$.tasks[0].{field}") for p in read.value.problems)
