"""Shared test configuration: Hypothesis profiles and the quick subset.

Hypothesis profiles (chosen with ``PARPLAN_HYPOTHESIS=<name>``; ``CI=true`` picks ``ci``):

``dev`` (the default: the README's ``pytest``)
    25 examples per property, random seeds; long inputs of the robustness tests are 20,000
    characters. The edit loop and the README's test command: the whole suite in minutes.
``ci``
    100 examples per property (Hypothesis's own default), derandomized: CI gives the same
    verdict on the same code. Long inputs of 20,000 characters.
``thorough``
    1,000 examples per property and long inputs of 100,000 characters, for a nightly or
    pre-release run.

A property that needs its own count gives it for ``ci`` as ``max_examples=examples(n)``
(tests/strategies.py), scaled like the rest (a quarter in ``dev``, ten times in ``thorough``);
a plain ``max_examples=n`` is kept in every profile. Nothing is cut silently.

Every property test, and every test that starts a
browser or a subprocess of the command line, is marked ``slow``: ``pytest -m "not slow"``
runs the rest, the quick subset for the edit loop (under a minute on two cores).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow]
EXAMPLES = {"dev": 25, "ci": 100, "thorough": 1000}
"""Examples per property in each profile (a property that fixes its own count keeps it)."""

settings.register_profile("dev", max_examples=EXAMPLES["dev"], deadline=None, suppress_health_check=_SLOW_OK)
settings.register_profile(
    "ci", max_examples=EXAMPLES["ci"], derandomize=True, deadline=None, suppress_health_check=_SLOW_OK
)
settings.register_profile("thorough", max_examples=EXAMPLES["thorough"], deadline=None, suppress_health_check=_SLOW_OK)
settings.load_profile(os.environ.get("PARPLAN_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "dev"))

SLOW_MODULES = frozenset(
    {
        "test_render_browser.py",
        "test_robust_determinism.py",
        "test_robust_files.py",
        "test_robust_mutation.py",
        # corpus-wide sweeps, each minutes of CPU (measured with --durations): every parser over
        # every real and damaged phrase and 100,000-character inputs; the JSON Schema and the
        # loader over generated refused documents; every public function over arbitrary values
        "test_robust_parsers.py",
        "test_io_schema_parity.py",
        "test_robust_totality.py",
        "test_model_properties.py",
    }
)
"""Whole modules that start browsers or subprocesses, rewrite many files, or sweep whole corpora."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark property tests and the slow modules ``slow``."""
    for item in items:
        function = getattr(item, "obj", None)
        if getattr(function, "is_hypothesis_test", False) or item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
