"""Names a package exports without importing their modules until they are first used (PEP 562).

``import parplan`` then costs almost nothing: the model, the parsers, the
converter, babel and the checks are imported when a name that needs them is
first looked up, and a command-line run imports only what its command uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` for ``exports`` (name → module holding it).

    A name is imported from its module on first use and kept in ``namespace``
    (the package's globals), so later look-ups are plain attribute reads.
    """

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module-level hook of PEP 562
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the module-level hook of PEP 562
        return sorted({*namespace, *exports})

    return __getattr__, __dir__
