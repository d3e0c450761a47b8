"""Every example in a docstring of the package runs and gives what it shows (as the docs' examples do)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import parplan

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(parplan.__path__, prefix="parplan.")
    if not info.name.endswith("__main__")  # running it would run the command line
)


def test_the_package_has_docstring_examples() -> None:
    finder = doctest.DocTestFinder()
    examples = sum(len(test.examples) for name in MODULES for test in finder.find(importlib.import_module(name), name))
    assert examples >= 60  # about 70 today: the test below must not pass on an empty walk


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        for example in test.examples:
            assert not example.options.get(doctest.SKIP), f"{test.name}: an example is skipped"
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} of {results.attempted} examples failed in {name}"
