"""What loads can be written and read again, numbers are bounded, and misuse gets parplan's own errors."""

from __future__ import annotations

import gc
import json
import threading
from decimal import Decimal
from pathlib import Path

import pytest

import parplan
from builders import minimal_plan
from parplan import Budget, Comparator, Target, Task, Unit
from parplan.errors import InvariantError, PlanBatchError, PlanFormatError

TOML_HEAD = 'format_version = 2\ndocument = "plan"\ntitle = "K"\n'
TOML_TABLES = '[issuer]\nname = "U"\n[unit]\nname = "T"\nkind = "xa"\n'


def test_a_toml_integer_python_cannot_read_is_one_broken_file_among_others(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(TOML_HEAD + "year = 2022\n" + TOML_TABLES, encoding="utf-8")
    (tmp_path / "b.toml").write_text(TOML_HEAD + "year = " + "9" * 4301 + "\n" + TOML_TABLES, encoding="utf-8")
    (tmp_path / "c.toml").write_text(TOML_HEAD + "year = 2023\n" + TOML_TABLES, encoding="utf-8")
    broken: list[str] = []
    years = [plan.year for _, plan in parplan.load_many(tmp_path, on_error=lambda path, _: broken.append(path.name))]
    assert (years, broken) == ([2022, 2023], ["b.toml"])
    with pytest.raises(PlanBatchError) as caught:
        list(parplan.load_many(tmp_path))
    assert "not valid TOML: Exceeds the limit (4300 digits)" in caught.value.describe()


def test_a_huge_hex_integer_is_refused_at_its_path_and_nothing_crashes() -> None:
    text = (
        TOML_HEAD
        + "year = 2022\n"
        + TOML_TABLES
        + '[[tasks]]\nid = "1"\ntitle = "x"\n[[tasks.targets]]\ncomparator = "="\n'
    )
    text += 'value = 1\nunit = "rank"\nout_of = 0x' + "f" * 3600 + "\n"
    with pytest.raises(PlanFormatError) as caught:
        parplan.loads(text, format="toml")
    assert [str(problem) for problem in caught.value.problems] == [
        (
            "$.tasks[0].targets[0].out_of: expected an integer between -10^18 and 10^18, "
            "got an integer of about 4335 digits"
        )
    ]


@pytest.mark.parametrize("value", [10**18, -(10**18)])
def test_integers_at_the_bound_load_and_beyond_it_do_not(value: int) -> None:
    plan = minimal_plan(tasks=[Task(id="1", title="x", budget=Budget(amount=value))])
    assert parplan.loads(parplan.dumps(plan)) == plan
    document = json.loads(parplan.dumps(plan))
    document["tasks"][0]["budget"]["amount"] = value * 10
    with pytest.raises(PlanFormatError, match=r"expected an integer between -10\^18 and 10\^18"):
        parplan.loads(json.dumps(document))


@pytest.mark.parametrize(
    "value", [Decimal("999999999999999.999999999999"), Decimal(-999999999999999), Decimal("0.000000000001")]
)
def test_decimals_at_the_bound_round_trip_and_format_exactly(value: Decimal) -> None:
    target = Target(comparator=Comparator.GE, value=value, unit=Unit.POINTS)
    plan = minimal_plan(tasks=[Task(id="1", title="x", targets=[target])])
    assert parplan.loads(parplan.dumps(plan)) == plan
    shown = parplan.format_number(value, locale="en")
    assert Decimal(shown.replace(",", "")) == value
    assert parplan.render(plan, format="html", locale="vi")


@pytest.mark.parametrize("value", [Decimal("1e15"), Decimal("0.0000000000001"), Decimal("1E+40")])
def test_decimals_beyond_the_bound_are_refused_when_built_and_when_read(value: Decimal) -> None:
    with pytest.raises(InvariantError, match=r"Target\.value: must have at most 15 digits before the point"):
        Target(comparator=Comparator.GE, value=value)
    document = json.loads(
        parplan.dumps(
            minimal_plan(tasks=[Task(id="1", title="x", targets=[Target(comparator=Comparator.GE, value=Decimal(1))])])
        )
    )
    document["tasks"][0]["targets"][0]["value"] = format(value, "f")
    with pytest.raises(PlanFormatError, match=r"must have at most 15 digits before the point"):
        parplan.loads(json.dumps(document))


def test_money_at_the_bound_formats_in_every_locale() -> None:
    for amount in (10**18, -(10**18), 1):
        for locale in ("vi", "en"):
            assert parplan.format_money(amount, locale=locale)


def test_whatever_loads_is_written_and_read_again_with_the_same_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # The guarantee holds for the default limit (64 MiB): a smaller default stands in for it here.
    monkeypatch.setattr(parplan.io.document, "DEFAULT_MAX_BYTES", 1000)
    plan = parplan.load_example()
    canonical = parplan.dumps(plan).encode()
    compact = json.dumps(json.loads(canonical), ensure_ascii=False, separators=(",", ":")).encode()
    assert len(compact) < len(canonical)
    limit = len(compact) + 10  # room for the compact text, not for its canonical form
    with pytest.raises(PlanFormatError) as caught:
        parplan.loads(compact, max_bytes=limit)
    assert "would be written as" in str(caught.value)
    loaded = parplan.loads(compact, max_bytes=len(canonical))
    assert parplan.loads(parplan.dumps(loaded), max_bytes=len(canonical)) == plan


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: parplan.loads({"title": "x"}), "loads.text"),  # type: ignore[call-overload]
        (lambda: parplan.loads("{}", format="yaml"), "format"),  # type: ignore[call-overload]
        (lambda: parplan.load("plan\0.json"), "load.path"),
        (lambda: parplan.load("plan\udcff\ud800.json"), "load.path"),
        (lambda: parplan.dump(minimal_plan(), "x\0.json"), "dump.path"),
        (lambda: parplan.loads("{}", kind=dict), "loads.kind"),
        (lambda: parplan.dumps({"title": "x"}), "dumps.document"),
        (lambda: parplan.loads("{}", max_bytes=-1), "max_bytes"),
    ],
)
def test_misuse_raises_parplan_s_own_error_naming_the_argument(call: object, field: str) -> None:
    with pytest.raises(InvariantError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field


def test_bytes_like_text_is_read() -> None:
    text = parplan.dumps(parplan.load_example()).encode()
    assert parplan.loads(bytearray(text)) == parplan.loads(memoryview(text).tobytes())  # type: ignore[call-overload]


def test_loading_never_touches_the_garbage_collector() -> None:
    text = parplan.dumps(parplan.load_example())
    assert gc.isenabled()
    errors: list[BaseException] = []

    def load_many_times() -> None:
        try:
            for _ in range(20):
                parplan.loads(text)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=load_many_times) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert gc.isenabled()


def test_no_library_call_toggles_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("a library call switched the garbage collector")

    monkeypatch.setattr(gc, "disable", refuse)
    monkeypatch.setattr(gc, "freeze", refuse)
    plan = parplan.loads(parplan.dumps(parplan.load_example()))
    assert parplan.check(plan) is not None
