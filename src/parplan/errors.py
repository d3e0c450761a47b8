"""The exceptions parplan raises.

Every error parplan raises on purpose is a :class:`ParplanError`. The concrete
errors also inherit the matching builtin, so ``except ValueError`` keeps working
for callers who do not know parplan. All of them carry structured data, are
picklable and have a one-sentence ``str()`` that quotes the offending input.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "NO_VALUE",
    "InvariantError",
    "MissingExtraError",
    "ParplanError",
    "ParseError",
    "PlanBatchError",
    "PlanFileError",
    "PlanFormatError",
    "Problem",
    "ReadError",
]


class ParplanError(Exception):
    """Root of every error raised by parplan."""


class _NoValue:
    """The value of an invariant that concerns a whole object rather than one value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_VALUE"

    def __reduce__(self) -> str:
        return "NO_VALUE"


NO_VALUE: object = _NoValue()
"""Passed as the value of an :class:`InvariantError` about a whole object ("names no party at all")."""


class InvariantError(ParplanError, ValueError):
    """A model value breaks one of its invariants.

    Raised by the validators of the model classes. ``field`` names the field as
    ``Class.field``, ``value`` is the offending value (:data:`NO_VALUE` when the
    invariant concerns the whole object) and ``message`` says what was expected.
    """

    def __init__(self, field: str, value: object, message: str) -> None:
        super().__init__(field, value, message)
        self.field = field
        self.value = value
        self.message = message

    def __str__(self) -> str:
        if self.value is NO_VALUE:
            return f"{self.field}: {self.message}"
        return f"{self.field}: {self.message}, got {self.value!r}"


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in a plan document: where it is and what is wrong.

    ``path`` is a JSON path such as ``$.tasks[3].timeframe.latest``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class PlanFormatError(ParplanError, ValueError):
    """A plan document does not follow the parplan format.

    ``problems`` lists every problem found, each with its JSON path, in document
    order. ``source`` names the file when the document came from one.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        problems = tuple(problems)
        super().__init__(problems, source)
        self.problems = problems
        self.source = source

    def __reduce__(self) -> tuple[type[PlanFormatError], tuple[tuple[Problem, ...], str | None]]:
        return (type(self), (self.problems, self.source))

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        if count == 0:
            return f"{where}not a valid plan document"
        first = str(self.problems[0])
        if count == 1:
            return f"{where}{first}"
        return f"{where}{count} problems, the first: {first}"

    def describe(self) -> str:
        """All problems, one per line, prefixed by the source when known."""
        where = f"{self.source}: " if self.source else ""
        return "\n".join(f"{where}{problem}" for problem in self.problems)


class PlanFileError(ParplanError, OSError):
    """A plan file cannot be read or written: ``path``, the system's ``reason`` and ``errno``."""

    def __init__(self, path: str, reason: str, errno: int | None = None) -> None:
        super().__init__(errno, reason, path)
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[PlanFileError], tuple[str, str, int | None]]:
        return (type(self), (self.path, self.reason, self.errno))

    def __str__(self) -> str:
        return f"{self.path}: cannot be read or written: {self.reason}"


class PlanBatchError(ParplanError):
    """Some files of a batch could not be loaded; ``failures`` pairs each path with its error."""

    def __init__(self, failures: Iterable[tuple[str, ParplanError]]) -> None:
        failures = tuple(failures)
        super().__init__(failures)
        self.failures = failures

    def __str__(self) -> str:
        count = len(self.failures)
        noun = "file" if count == 1 else "files"
        return f"{count} {noun} could not be loaded: " + "; ".join(path for path, _ in self.failures)

    def describe(self) -> str:
        """Every failure, one problem per line, prefixed by its file."""
        lines: list[str] = []
        for path, error in self.failures:
            if isinstance(error, PlanFormatError):
                lines.extend(f"{path}: {problem}" for problem in error.problems)
            else:
                lines.append(str(error))
        return "\n".join(lines)


class ParseError(ParplanError, ValueError):
    """A phrase of plan language could not be read.

    ``text`` is the phrase, ``position`` the index in ``text`` where reading
    stopped and ``expected`` says what was expected there.
    """

    def __init__(self, text: str, position: int, expected: str) -> None:
        super().__init__(text, position, expected)
        self.text = text
        self.position = position
        self.expected = expected

    def __str__(self) -> str:
        return f"cannot read {self.text!r} at position {self.position}: expected {self.expected}"


class ReadError(ParplanError, ValueError):
    """A document cannot be read: ``path`` (None for text given directly) and ``reason``, one sentence.

    Raised for a corrupt, encrypted or oversized file, a format parplan cannot
    read (with what to install when an optional extra is missing), or text in
    a legacy encoding parplan does not convert.
    """

    def __init__(self, path: str | None, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ReadError], tuple[str | None, str]]:
        return (type(self), (self.path, self.reason))

    def __str__(self) -> str:
        return self.reason if self.path is None else f"{self.path}: {self.reason}"


class MissingExtraError(ParplanError, ImportError):
    """A feature needs an optional dependency that is not installed.

    ``feature`` says what was asked for ("writing Word documents"), ``package``
    the library it needs and ``extra`` the parplan extra that installs it.
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(feature, package, extra)
        self.feature = feature
        self.package = package
        self.extra = extra

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str, str]]:
        return (type(self), (self.feature, self.package, self.extra))

    def __str__(self) -> str:
        return f"{self.feature} needs {self.package}, which is not installed: pip install 'parplan[{self.extra}]'"
