"""Shared assertions for the model tests."""

from collections.abc import Callable

import pytest

from parplan.errors import NO_VALUE, InvariantError


def check_invariant(build: Callable[[], object], field: str, value: object, message: str) -> None:
    """``build()`` breaks an invariant: the error names ``field``, quotes ``value`` and says ``message``."""
    with pytest.raises(InvariantError) as caught:
        build()
    error = caught.value
    assert (error.field, error.value, error.message) == (field, value, message)
    if value is NO_VALUE:
        assert str(error) == f"{field}: {message}"
    else:
        assert str(error) == f"{field}: {message}, got {value!r}"
