"""The example plans bundled with parplan: every one in ``examples/``, loadable by name."""

from __future__ import annotations

import doctest
from importlib import resources
from pathlib import Path

import pytest

import parplan
from parplan.io import examples

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _bundled(name: str) -> bytes:
    return resources.files("parplan").joinpath("data", f"{name}.json").read_bytes()


def test_every_example_file_is_bundled_and_named() -> None:
    in_folder = sorted(path.stem for path in EXAMPLES.glob("*.json"))
    assert sorted(parplan.example_names()) == in_folder
    bundled = sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files("parplan").joinpath("data").iterdir()
        if entry.name.endswith(".json")
    )
    assert bundled == in_folder


@pytest.mark.parametrize("name", parplan.example_names())
def test_the_bundled_copy_equals_the_example_file_byte_for_byte(name: str) -> None:
    assert _bundled(name) == (EXAMPLES / f"{name}.json").read_bytes()


@pytest.mark.parametrize("name", parplan.example_names())
def test_load_example_by_name_is_the_example_file(name: str) -> None:
    assert parplan.load_example(name) == parplan.load(EXAMPLES / f"{name}.json")
    assert parplan.loads(examples.example_text(name)) == parplan.load_example(name)


def test_the_default_is_son_chau_2022_and_comes_first() -> None:
    assert parplan.example_names()[0] == examples.DEFAULT_EXAMPLE == "son-chau-2022"
    assert parplan.example_names() == parplan.EXAMPLE_NAMES
    default = parplan.load_example()
    assert default == parplan.load_example(None) == parplan.load_example("son-chau-2022")
    assert default.unit.full_name == "xã Sơn Châu"


def test_each_name_loads_its_own_plan() -> None:
    units = {name: parplan.load_example(name).unit.full_name for name in parplan.example_names()}
    assert units == {
        "son-chau-2022": "xã Sơn Châu",
        "mang-yang-2021": "huyện Mang Yang",
        "son-giang-2021": "xã Sơn Giang",
    }


@pytest.mark.parametrize("name", ["", "son-chau", "SON-CHAU-2022", "son-chau-2022.json", "../examples/son-chau-2022"])
def test_an_unknown_name_is_refused_with_the_names_bundled(name: str) -> None:
    with pytest.raises(parplan.InvariantError) as raised:
        parplan.load_example(name)
    assert raised.value.field == "name"
    assert raised.value.value == name
    for known in parplan.example_names():
        assert known in str(raised.value)
    with pytest.raises(ValueError, match="must name a bundled example"):
        examples.example_text(name)


def test_docstring_examples_run() -> None:
    result = doctest.testmod(examples, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
