"""Where JSON paths are in a plan file: the line of each value, for findings in files.

A finding's path (``$.tasks[3].timeframe``) points into the plan; a person
reading the file, or a code-review tool showing a SARIF log, wants the line.
:func:`json_lines` scans the JSON text once, without building any value, and
gives each path the line its value starts on. A path the file leaves out (a
field holding its default) gets the line of the nearest value above it.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable

__all__ = ["json_lines", "json_positions"]

_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^ \t\r\n{}\[\]:,"]+')
"""The tokens of JSON text; white space between them is skipped (lines are counted from the offsets at the end)."""
_LINE_BREAK = re.compile("\n")
_STEPS = re.compile(r"\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]")


def _ancestors(path: str) -> list[str]:
    """``path`` and every path above it, from ``$`` down."""
    found = ["$"]
    current = "$"
    for step in _STEPS.findall(path):
        current += step
        found.append(current)
    return found


class _Frame:
    __slots__ = ("index", "is_object", "key", "path")

    def __init__(self, path: str | None, *, is_object: bool) -> None:
        self.path = path
        self.is_object = is_object
        self.key: str | None = None
        self.index = 0


class _Scanner:
    """Reads JSON tokens and notes the line each value of interest starts on."""

    def __init__(self, needed: set[str]) -> None:
        self.needed = needed
        self.found: dict[str, int] = {}
        """The offset where each needed value starts."""
        self.stack: list[_Frame] = []
        self.expecting_key = False

    def _value_path(self) -> str | None:
        if not self.stack:
            return "$"
        frame = self.stack[-1]
        if frame.path is None:
            return None
        path = frame.path + (f".{frame.key}" if frame.is_object else f"[{frame.index}]")
        return path if path in self.needed else None

    def _separator(self, mark: str) -> None:
        if mark == ":":
            self.expecting_key = False
        elif mark == ",":
            if self.stack and not self.stack[-1].is_object:
                self.stack[-1].index += 1
            else:
                self.expecting_key = True
        else:  # a closing bracket
            if self.stack:
                self.stack.pop()
            self.expecting_key = False

    def feed(self, token: str, start: int) -> None:
        first = token[0]
        if first in ":,}]":
            self._separator(first)
        elif self.expecting_key and self.stack and self.stack[-1].is_object:
            frame = self.stack[-1]
            frame.key = json.loads(token) if frame.path is not None and first == '"' else None
        else:
            path = self._value_path()
            if path is not None:
                self.found.setdefault(path, start)
            if first in "{[":
                self.stack.append(_Frame(path, is_object=first == "{"))
                self.expecting_key = first == "{"


def json_positions(text: str, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The line and column (both counted from 1) where each of ``paths`` starts in the JSON ``text``.

    A path whose value the text does not hold gets the place of its nearest
    ancestor that it does hold. Text that is not JSON gives what was found
    before the scan lost its way; paths never reached are left out.
    """
    wanted = list(dict.fromkeys(paths))
    needed: set[str] = set()
    for path in wanted:
        needed.update(_ancestors(path))
    scanner = _Scanner(needed)
    feed = scanner.feed
    for match in _TOKENS.finditer(text):
        feed(match.group(), match.start())
    found = scanner.found
    breaks = [match.start() for match in _LINE_BREAK.finditer(text)] if found else []
    result: dict[str, tuple[int, int]] = {}
    for path in wanted:
        for ancestor in reversed(_ancestors(path)):
            if ancestor in found:
                offset = found[ancestor]
                line = bisect.bisect_left(breaks, offset)  # the line breaks before the value
                result[path] = (line + 1, offset - (breaks[line - 1] + 1 if line else 0) + 1)
                break
    return result


def json_lines(text: str, paths: Iterable[str]) -> dict[str, int]:
    """The line (counted from 1) of each of ``paths`` in the JSON ``text`` (see :func:`json_positions`)."""
    return {path: line for path, (line, _) in json_positions(text, paths).items()}
