"""Writing findings for people and programs: text lines, a JSON list, a SARIF 2.1.0 log.

These are outputs (the command line uses them); they return strings and never
print. ``results`` pairs each checked file's display name with its findings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from parplan.checks.finding import Finding, Severity
from parplan.checks.registry import Rule, rules
from parplan.locale import DEFAULT_LOCALE, check_locale
from parplan.source import SourceLocation

__all__ = [
    "FileResult",
    "FindingsWriter",
    "Positions",
    "describe_source",
    "finding_dict",
    "format_json",
    "format_sarif",
    "format_text",
    "format_text_lines",
    "rules_json",
    "rules_text",
    "summary_line",
]

FileResult = tuple[str, Sequence[Finding]]
"""A checked file's display name and its findings."""

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

Positions = Mapping[str, Mapping[str, tuple[int, int]]]
"""For each file's display name, the line and column in the file of each finding's path (when known)."""

_SOURCE_WORDS = {
    "vi": {"line": "dòng", "section": "mục", "item": "điểm", "row": "dòng", "column": "cột"},
    "en": {"line": "line", "section": "section", "item": "item", "row": "row", "column": "column"},
}


def describe_source(source: SourceLocation, locale: str) -> str:
    """Where a finding is in the original document, in ``"vi"`` or ``"en"``: ``Phụ lục, dòng 24``."""
    words = _SOURCE_WORDS["vi" if locale == "vi" else "en"]
    parts: list[str] = []
    if source.file is not None:
        parts.append(source.file if source.line is None else f"{source.file}:{source.line}")
    elif source.line is not None:
        parts.append(f"{words['line']} {source.line}")
    if source.section is not None:
        parts.append(f"{words['section']} {source.section}")
    if source.item is not None:
        parts.append(f"{words['item']} {source.item}")
    if source.table is not None:
        parts.append(source.table)
    if source.row is not None:
        parts.append(f"{words['row']} {source.row}")
    if source.column is not None:
        parts.append(f"{words['column']} {source.column!r}")
    return ", ".join(parts)


def _counts(results: Sequence[FileResult]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for _, findings in results:
        for finding in findings:
            counts[finding.severity] += 1
    return counts


def summary_line(results: Sequence[FileResult], locale: str) -> str:
    """One line: how many findings of each severity in how many files."""
    counts = _counts(results)
    total = sum(counts.values())
    files = len(results)
    if locale == "vi":
        if total == 0:
            return f"Không phát hiện vấn đề nào ({files} tệp)."
        detail = ", ".join(f"{counts[s]} {s.label('vi')}" for s in Severity)
        return f"Phát hiện {total} vấn đề ({detail}) trong {files} tệp."
    if total == 0:
        return f"All checks passed ({files} {'file' if files == 1 else 'files'})."
    detail = ", ".join(
        f"{counts[s]} {s.value if s is Severity.INFO or counts[s] == 1 else s.value + 's'}" for s in Severity
    )
    noun = "finding" if total == 1 else "findings"
    return f"Found {total} {noun} ({detail}) in {files} {'file' if files == 1 else 'files'}."


def format_text_lines(
    name: str,
    findings: Sequence[Finding],
    locale: str = DEFAULT_LOCALE,
    positions: Mapping[str, tuple[int, int]] | None = None,
) -> Iterator[str]:
    """One line per finding of one file, as ruff and flake8 write them, each ending with a newline.

    ``FILE:LINE:COLUMN: CODE severity message ($.json.path)``, where LINE and
    COLUMN place the finding's path in the file (1:1 when unknown, as for TOML
    files), the severity is written in ``locale``, and the place in the original
    document follows in brackets when the plan recorded it: ``[Phụ lục, dòng 24]``;
    a finding about a draft read from a document whose reading is less sure
    than 0.9 ends with ``{bản đọc chưa chắc: độ tin cậy 0,55}``.
    Control characters and line breaks from the plan are shown as U+FFFD, so
    that each finding stays on its line and nothing reaches the terminal as a command.
    """
    language = check_locale(locale)
    known = positions or {}
    for finding in findings:
        line, column = known.get(finding.path, (1, 1))
        where = ""
        source = finding.source
        if source is not None and (source.line or source.section or source.item or source.table or source.row):
            where = f" [{describe_source(source, language)}]"
        text = (
            f"{name}:{line}:{column}: {finding.code} {finding.severity.label(language)} "
            f"{finding.message_for(language)} ({finding.path}){where}{_doubtful(finding, language)}"
        )
        yield _UNPRINTABLE.sub("\ufffd", text) + "\n"


_CONFIDENT = Decimal("0.9")
"""Findings resting on a reading less sure than this say so in text output."""


def _doubtful(finding: Finding, language: str) -> str:
    """`` {bản đọc chưa chắc: độ tin cậy 0,55}`` for a finding resting on a doubtful reading, else nothing."""
    confidence = finding.confidence
    if confidence is None or confidence >= _CONFIDENT:
        return ""
    if language == "vi":
        return f" {{bản đọc chưa chắc: độ tin cậy {str(confidence).replace('.', ',')}}}"
    return f" {{doubtful reading: confidence {confidence}}}"


def format_text(
    results: Sequence[FileResult], locale: str = DEFAULT_LOCALE, *, positions: Positions | None = None
) -> str:
    """Every finding, one per line (see :func:`format_text_lines`), then the summary line."""
    known = positions or {}
    lines = [line for name, findings in results for line in format_text_lines(name, findings, locale, known.get(name))]
    lines.append(summary_line(results, locale) + "\n")
    return "".join(lines)


def _source_dict(source: SourceLocation | None) -> dict[str, Any] | None:
    if source is None:
        return None
    fields = ("file", "line", "section", "item", "table", "row", "column")
    return {name: getattr(source, name) for name in fields if getattr(source, name) is not None}


def finding_dict(
    name: str, finding: Finding, locale: str = DEFAULT_LOCALE, position: tuple[int, int] | None = None
) -> dict[str, Any]:
    """A finding as the JSON object ``parplan check --output-format json`` writes (schema in docs/rules.md)."""
    return {
        "file": name,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": None if position is None else position[0],
        "column": None if position is None else position[1],
        "message": finding.message_for(locale),
        "params": dict(finding.params),
        "source": _source_dict(finding.source),
        "since": finding.since,
        "confidence": None if finding.confidence is None else str(finding.confidence),
    }


def _dumps(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    # a file name that is not UTF-8 holds lone surrogates: write them as JSON escapes, never crash
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def format_json(
    results: Sequence[FileResult], locale: str = DEFAULT_LOCALE, *, positions: Positions | None = None
) -> str:
    """A JSON array of finding objects, file by file, each file's findings in document order.

    ``positions`` gives the line and column of each finding's path in its file, when known.
    """
    chunks: list[str] = []
    writer = FindingsWriter(chunks.append, "json", locale)
    known = positions or {}
    for name, findings in results:
        writer.add(name, findings, known.get(name))
    writer.close()
    return "".join(chunks)


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""The JSON Schema of SARIF 2.1.0 that the log names."""


def _uri(name: str) -> str:
    """A relative URI for a file name: its bytes percent-encoded, file names that are not UTF-8 included."""
    return quote(name.replace("\\", "/").encode("utf-8", "surrogateescape"))


def _sarif_rule(entry: Rule) -> dict[str, Any]:
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": entry.doc},
        "defaultConfiguration": {"level": entry.severity.sarif_level},
        "properties": {"family": entry.family.value, "since": entry.since},
    }


def _physical(name: str, position: tuple[int, int] | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(name)}}
    if position is not None:
        location["region"] = {"startLine": position[0], "startColumn": position[1]}
    return location


def format_sarif(
    results: Sequence[FileResult],
    locale: str = DEFAULT_LOCALE,
    *,
    version: str = "0",
    positions: Positions | None = None,
) -> str:
    """A minimal SARIF 2.1.0 log: the rules, and one result per finding.

    Each result names its rule (``ruleId``, ``ruleIndex``), its level
    (``error``, ``warning``, ``note``), its message, the file (an
    ``artifactLocation`` URI, with the line as a ``region`` when ``lines``
    knows it) and the JSON path as a logical location. File names that are not
    UTF-8 are percent-encoded in URIs and escaped in text.
    """
    chunks: list[str] = []
    writer = FindingsWriter(chunks.append, "sarif", locale, version=version)
    known = positions or {}
    for name, findings in results:
        writer.add(name, findings, known.get(name))
    writer.close()
    return "".join(chunks)


def _sarif_result(
    name: str, finding: Finding, locale: str, index: int, position: tuple[int, int] | None
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": finding.severity.sarif_level,
        "message": {"text": finding.message_for(locale)},
        "locations": [
            {
                "physicalLocation": _physical(name, position),
                "logicalLocations": [{"fullyQualifiedName": finding.path, "kind": "member"}],
            }
        ],
    }
    if finding.confidence is not None:  # a draft read from a document: how sure the reading is
        result["properties"] = {"confidence": str(finding.confidence)}
    return result


_RESULTS = "\x00parplan results\x00"
"""A stand-in for the SARIF results, where the log is cut to stream them."""


class FindingsWriter:
    """Writes the JSON list or the SARIF log of findings file by file, keeping none of them.

    ``write`` receives pieces of text; what they make is exactly what
    :func:`format_json` or :func:`format_sarif` return for the same findings
    (``json.dumps`` with an indent of two), so ``parplan check`` over a folder of
    any size holds one plan's findings at a time. Call :meth:`add` for each file,
    then :meth:`close` once.
    """

    def __init__(self, write: Callable[[str], object], output: str, locale: str, *, version: str = "0") -> None:
        self._write = write
        self._sarif = output == "sarif"
        self._locale = check_locale(locale, "FindingsWriter.locale")
        self._count = 0
        self._indent = "        " if self._sarif else "  "
        self._tail = "]\n"
        if self._sarif:
            registry = rules()
            self._indexes = {entry.code: index for index, entry in enumerate(registry)}
            head, tail = _dumps(_sarif_log(registry, self._locale, version, _RESULTS)).split(json.dumps(_RESULTS))
            self._write(head + "[")
            self._tail = "]" + tail
        else:
            self._write("[")

    def add(self, name: str, findings: Sequence[Finding], positions: Mapping[str, tuple[int, int]] | None) -> None:
        """Write the findings of the file shown as ``name`` (``positions``: line and column by JSON path)."""
        known = positions or {}
        for finding in findings:
            position = known.get(finding.path)
            if self._sarif:
                value = _sarif_result(name, finding, self._locale, self._indexes[finding.code], position)
            else:
                value = finding_dict(name, finding, self._locale, position)
            text = _dumps(value)[:-1].replace("\n", "\n" + self._indent)
            self._write(("\n" if self._count == 0 else ",\n") + self._indent + text)
            self._count += 1

    def close(self) -> None:
        """End the list (or the log)."""
        closing = self._indent[:-2] if self._count else ""
        self._write(("\n" + closing if self._count else "") + self._tail)


def _sarif_log(registry: Sequence[Rule], locale: str, version: str, results: object) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "parplan",
                        "version": version,
                        "rules": [_sarif_rule(entry) for entry in registry],
                    }
                },
                "language": locale,
                "results": results,
            }
        ],
    }


def rules_text(entries: Sequence[Rule]) -> str:
    """A table of rules for the terminal: code, name, severity, summary."""
    width = max((len(entry.name) for entry in entries), default=4)
    lines = [f"{'code':<6} {'name':<{width}} {'severity':<8} summary"]
    lines.extend(
        f"{entry.code:<6} {entry.name:<{width}} {entry.severity.value:<8} {entry.summary}" for entry in entries
    )
    return "\n".join(lines) + "\n"


def rules_json(entries: Sequence[Rule]) -> str:
    """The rules as a JSON array: code, name, family, severity, summary, doc, messages, since."""
    return _dumps([_rule_dict(entry) for entry in entries])


def _rule_dict(entry: Rule) -> dict[str, Any]:
    return {
        "code": entry.code,
        "name": entry.name,
        "family": entry.family.value,
        "severity": entry.severity.value,
        "summary": entry.summary,
        "doc": entry.doc,
        "message": {"en": entry.message_en, "vi": entry.message_vi},
        "needs_as_of": entry.needs_as_of,
        "since": entry.since,
    }


def rule_text(entry: Rule) -> str:
    """One rule's documentation for the terminal: code, name, family, severity, what it checks, its messages."""
    needs = "; runs only with a date (--as-of)" if entry.needs_as_of else ""
    lines = [
        f"{entry.code} {entry.name}",
        f"family: {entry.family.value}; severity: {entry.severity.value}; since {entry.since}{needs}",
        "",
        entry.doc.strip(),
        "",
        f"message (en): {entry.message_en}",
        f"message (vi): {entry.message_vi}",
    ]
    return "\n".join(lines) + "\n"


def rule_json(entry: Rule) -> str:
    """One rule as a JSON object, with the fields of :func:`rules_json`."""
    return _dumps(_rule_dict(entry))
