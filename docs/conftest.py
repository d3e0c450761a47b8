"""The documentation's examples run as doctests; pages that need an optional library skip, saying which."""

from __future__ import annotations

import importlib.util

import pytest

_NEEDS = {
    "tables.md": ("pyarrow", "pandas", "duckdb"),
    "office.md": ("openpyxl", "python_calamine", "docx"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the doctests of a page whose optional libraries are missing, naming them."""
    for item in items:
        needs = _NEEDS.get(item.path.name, ())
        missing = [name for name in needs if importlib.util.find_spec(name) is None]
        if missing:
            reason = f"{', '.join(missing)} not installed: pip install '.[test]'"
            item.add_marker(pytest.mark.skip(reason=reason))
