"""Building result objects the services have already checked, without checking them again.

The public constructors of the result classes refuse values of the wrong
type, as every model class does. The services build hundreds of thousands of
rows from values they hold to be right (task ids read from a plan, states they
computed), so they fill the slots directly, as the converter does for
documents it has read: :func:`maker` returns a function that takes the fields
in order and sets them, with no validator and no post-init hook.
"""

from __future__ import annotations

import linecache
import types
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["maker"]

T = TypeVar("T")


def _setter(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if isinstance(descriptor, types.MemberDescriptorType):
            return descriptor.__set__
    raise TypeError(f"{cls.__name__}.{name} is not kept in a slot")  # pragma: no cover - every result class is slotted


def maker(cls: type[T]) -> Callable[..., T]:
    """A function that builds a ``cls`` from its fields, in order, positionally, without checking them.

    Only for classes without ``__attrs_post_init__`` whose every field lives
    in a slot; the result equals what the constructor would build from the
    same (valid) values.
    """
    if hasattr(cls, "__attrs_post_init__"):  # pragma: no cover - a guard for model changes
        raise TypeError(f"{cls.__name__} has a post-init hook: build it with its constructor")
    fields = attrs.fields(cls)  # type: ignore[arg-type]  # an attrs class, as documented
    names = [f"v{index}" for index in range(len(fields))]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    lines = [f"def make({', '.join(names)}):", "    self = _new(_cls)"]
    for index, field in enumerate(fields):
        namespace[f"_s{index}"] = _setter(cls, field.name)
        lines.append(f"    _s{index}(self, v{index})")
    lines.append("    return self")
    text = "\n".join(lines) + "\n"
    filename = f"<parplan generated make {cls.__qualname__}>"  # shown in tracebacks, as attrs does for its methods
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    exec(compile(text, filename, "exec"), namespace)  # noqa: S102 - generated from the class's own field names only
    make: Callable[..., T] = namespace["make"]
    return make
