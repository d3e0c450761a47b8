"""Example plans bundled with parplan, for trying it out and for documentation.

Three real plans are bundled, transcribed with their typos and mistakes; each
is also in the repository's ``examples/`` folder under the same name:

- ``son-chau-2022`` (the default): the 2022 CCHC plan of xã Sơn Châu, huyện
  Hương Sơn, Hà Tĩnh (``examples/son-chau-2022.json``);
- ``mang-yang-2021``: the 2021 CCHC plan of huyện Mang Yang, Gia Lai, an
  unsigned draft of the Quyết định that adopts it (``examples/mang-yang-2021.json``);
- ``son-giang-2021``: the 2021 remedial plan of xã Sơn Giang, huyện Hương Sơn, Hà Tĩnh, which
  answers the commune's 2020 PAR Index result (``examples/son-giang-2021.json``).
"""

from __future__ import annotations

from importlib import resources

from parplan.errors import InvariantError
from parplan.io.document import loads
from parplan.plan import Plan

__all__ = ["DEFAULT_EXAMPLE", "EXAMPLE_NAMES", "example_name", "example_names", "example_text", "load_example"]

EXAMPLE_NAMES: tuple[str, ...] = ("son-chau-2022", "mang-yang-2021", "son-giang-2021")
"""Names of the bundled examples; the first is the default."""

DEFAULT_EXAMPLE: str = EXAMPLE_NAMES[0]
"""The example :func:`load_example` loads when given no name: the 2022 plan of xã Sơn Châu."""


def example_names() -> tuple[str, ...]:
    """The names :func:`load_example` accepts, the default first.

    >>> import parplan
    >>> parplan.example_names()
    ('son-chau-2022', 'mang-yang-2021', 'son-giang-2021')
    """
    return EXAMPLE_NAMES


def example_name(name: str | None, *, field: str = "name") -> str:
    """``name`` checked against :data:`EXAMPLE_NAMES`; :data:`DEFAULT_EXAMPLE` for None.

    An unknown name raises :class:`~parplan.InvariantError` naming ``field`` and listing the names bundled.
    """
    if name is None:
        return DEFAULT_EXAMPLE
    if name not in EXAMPLE_NAMES:
        raise InvariantError(field, name, f"must name a bundled example: {', '.join(EXAMPLE_NAMES)}")
    return name


def example_text(name: str | None = None) -> str:
    """The JSON text of the bundled example ``name`` (default: :data:`DEFAULT_EXAMPLE`).

    An unknown name raises :class:`~parplan.InvariantError` listing the names bundled.
    """
    chosen = example_name(name)
    return resources.files("parplan").joinpath("data", f"{chosen}.json").read_text(encoding="utf-8")


def load_example(name: str | None = None) -> Plan:
    """A bundled example plan: by default the 2022 CCHC plan of xã Sơn Châu (Hà Tĩnh).

    ``name`` is one of :func:`example_names`: ``"son-chau-2022"``,
    ``"mang-yang-2021"`` (huyện Mang Yang, Gia Lai) or ``"son-giang-2021"``
    (xã Sơn Giang, Hà Tĩnh). An unknown name raises
    :class:`~parplan.InvariantError` listing the names bundled.

    >>> import parplan
    >>> parplan.load_example("mang-yang-2021").unit.full_name
    'huyện Mang Yang'
    """
    chosen = example_name(name)
    return loads(example_text(chosen), source=f"<example {chosen}>")
