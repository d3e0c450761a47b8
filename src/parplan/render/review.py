"""The review report of a reading: each field read, its value, where it came from and how sure it is.

A person checking a draft plan reads the least certain fields first, beside the
line, page or cell they came from, then the doubts and the lines that found no
place. :func:`review` writes it in Markdown or HTML, with Vietnamese or English
labels (the document's own text is never translated).
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from typing import Literal

from parplan.locale import Locale, check_locale
from parplan.read.reading import Reading
from parplan.render.messages import message

__all__ = ["review", "review_rows"]

_COLUMNS = ("review.field", "review.value", "review.source", "review.confidence", "review.field_doubts")
_HEADINGS = {"doubts": "review.doubts", "fields": "review.fields", "unplaced": "review.unplaced", "none": "review.none"}
_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _value_at(document: object, path: str) -> object:
    current = document
    for name, index in _PATH_PART.findall(path):
        if name:
            current = current.get(name) if isinstance(current, dict) else None
        elif isinstance(current, list):
            number = int(index)
            current = current[number] if number < len(current) else None
        else:
            current = None
    return current


def _short(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        for key in ("title", "text", "name", "heading"):
            if isinstance(value.get(key), str):
                return str(value[key])
        if "lead" in value:
            return _short(value["lead"])
        if "members" in value:
            return "; ".join(_short(member) for member in value["members"])
        if "position" in value:
            return str(value["position"])
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, list):
        return "; ".join(_short(item) for item in value)
    return str(value)


def review_rows(reading: Reading) -> list[tuple[str, str, str, Decimal | None, tuple[str, ...]]]:
    """(path, value, source, confidence, doubts) for every field read, least certain first."""
    if reading.plan is None:
        return []
    from parplan.io.document import dumps

    document = json.loads(dumps(reading.plan))
    rows = []
    for source in reading.plan.sources:
        value = _value_at(document, source.path)
        rows.append(
            (
                source.path,
                _short(value)[:200],
                str(source.origin) if source.origin is not None else "—",
                source.confidence,
                source.doubts,
            )
        )
    rows.sort(key=lambda row: (row[3] if row[3] is not None else Decimal(-1), row[0]))
    return rows


def review(reading: Reading, *, format: Literal["markdown", "html"] = "markdown", locale: Locale = "vi") -> str:  # noqa: A002
    """The review report of ``reading`` in Markdown or HTML."""
    locale = check_locale(locale)
    rows = review_rows(reading)
    plan = reading.plan
    title = message("review.title", locale, file=reading.file or "—")
    lines: list[str] = []
    if format == "markdown":
        lines += [f"# {title}", ""]
        if plan is None:
            lines += [message("review.not_plan", locale), ""]
        else:
            lines += [
                message(
                    "review.summary",
                    locale,
                    fields=len(rows),
                    tasks=len(plan.tasks),
                    unplaced=len(reading.unplaced),
                    confidence=reading.confidence if reading.confidence is not None else "—",
                ),
                "",
            ]
        lines += [f"## {message(_HEADINGS['doubts'], locale)}", ""]
        lines += [f"- {doubt}" for doubt in reading.doubts] or [message("review.none", locale)]
        lines += ["", f"## {message(_HEADINGS['fields'], locale)}", ""]
        header = [message(key, locale) for key in _COLUMNS]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for path, value, origin, confidence, doubts in rows:
            cells = [f"`{path}`", value, origin, str(confidence) if confidence is not None else "—", "; ".join(doubts)]
            lines.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
        lines += ["", f"## {message(_HEADINGS['unplaced'], locale)}", ""]
        lines += [f"- {line.origin}: {line.text}" for line in reading.unplaced] or [message("review.none", locale)]
        return "\n".join(lines) + "\n"
    esc = html.escape
    parts = [
        (
            f'<!DOCTYPE html>\n<html lang="{locale}">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
            "<style>body{font-family:sans-serif;max-width:70em;margin:auto}td,th{border:1px solid #ccc;padding:.2em .4em;"  # noqa: E501
            "vertical-align:top}table{border-collapse:collapse}.low{background:#fde2e2}</style>\n</head>\n<body>"
        ),
        f"<h1>{esc(title)}</h1>",
    ]
    if plan is None:
        parts.append(f"<p>{esc(message('review.not_plan', locale))}</p>")
    else:
        summary = message(
            "review.summary",
            locale,
            fields=len(rows),
            tasks=len(plan.tasks),
            unplaced=len(reading.unplaced),
            confidence=reading.confidence if reading.confidence is not None else "—",
        )
        parts.append(f"<p>{esc(summary)}</p>")
    parts.append(f"<h2>{esc(message(_HEADINGS['doubts'], locale))}</h2>")
    if reading.doubts:
        parts.append("<ul>" + "".join(f"<li>{esc(d)}</li>" for d in reading.doubts) + "</ul>")
    else:
        parts.append(f"<p>{esc(message(_HEADINGS['none'], locale))}</p>")
    parts.append(f"<h2>{esc(message(_HEADINGS['fields'], locale))}</h2>")
    header_html = "".join(f"<th>{esc(message(key, locale))}</th>" for key in _COLUMNS)
    parts.append(f"<table>\n<tr>{header_html}</tr>")
    for path, value, origin, confidence, doubts in rows:
        low = ' class="low"' if confidence is not None and confidence < Decimal("0.9") else ""
        shown = str(confidence) if confidence is not None else "—"
        parts.append(
            f"<tr{low}><td><code>{esc(path)}</code></td><td>{esc(value)}</td><td>{esc(origin)}</td>"
            f"<td>{shown}</td><td>{esc('; '.join(doubts))}</td></tr>"
        )
    parts.append("</table>")
    parts.append(f"<h2>{esc(message(_HEADINGS['unplaced'], locale))}</h2>")
    if reading.unplaced:
        parts.append(
            "<ul>" + "".join(f"<li>{esc(str(u.origin))}: {esc(u.text)}</li>" for u in reading.unplaced) + "</ul>"
        )
    else:
        parts.append(f"<p>{esc(message(_HEADINGS['none'], locale))}</p>")
    parts.append("</body>\n</html>")
    return "\n".join(parts) + "\n"
