"""Writing a laid-out plan as Markdown (CommonMark with GitHub tables).

Every text that comes from the plan is escaped so that it reads as text in any
Markdown viewer: ``*``, ``_``, ``<``, ``|`` and the other marks are
backslash-escaped, a line that would start a list or a heading is defused, and
line breaks inside list items and table cells become ``<br>``.
"""

from __future__ import annotations

import re

from parplan.render.layout import (
    Block,
    Bullets,
    Closing,
    Document,
    Heading,
    Masthead,
    Paragraph,
    SectionRow,
    Table,
    TaskTable,
    Title,
    printable,
)

__all__ = ["escape", "write"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_SPACES = re.compile(r" {2,}")


def _keep_spaces(text: str) -> str:
    """Runs of spaces (a draft's blanks: "Số:            /QĐ-UBND") as one space and no-break spaces."""
    return _SPACES.sub(lambda m: " " + "\u00a0" * (len(m[0]) - 1), text)


def _escape_line(line: str) -> str:
    line = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", line))
    return _keep_spaces(_LINE_START.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], line))


def escape(text: str) -> str:
    r"""``text`` as literal Markdown on one line: marks escaped, line breaks as ``<br>``.

    >>> print(escape("<b>100%</b> | *x*"))
    \<b\>100%\</b\> \| \*x\*
    """
    lines = [_escape_line(printable(line.strip(" \t"))) for line in text.splitlines()] or [""]
    return "<br>".join(line for line in lines if line) if len(lines) > 1 else lines[0]


def _lines(lines: tuple[str, ...]) -> str:
    return "<br>".join(escape(line) for line in lines)


def _masthead(block: Masthead) -> list[str]:
    left = [escape(block.parent)] if block.parent else []
    left.append(f"**{escape(block.issuer)}**")
    if block.number:
        left.append(escape(block.number))
    right = [f"**{escape(block.country)}**", f"**{escape(block.motto)}**", f"*{escape(block.place_date)}*"]
    return [f"| {'<br>'.join(left)} | {'<br>'.join(right)} |", "|:---:|:---:|", ""]


def _title(block: Title) -> list[str]:
    out = [f"# {escape(block.kind)}", "", f"**{escape(block.title)}**", ""]
    for note in block.notes:
        out.extend([f"*{escape(note)}*", ""])
    return out


def _heading(block: Heading) -> list[str]:
    marks = "#" * (block.level + 1)
    if not block.number:
        return [f"{marks} {escape(block.text)}", ""]
    number = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", printable(block.number)))  # a plan's own label, inline
    return [f"{marks} {number}{escape(block.mark)} {escape(block.text)}", ""]


def _bullets(block: Bullets) -> list[str]:
    out = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        out.append(f"{marker} {escape(item)}")
    out.append("")
    return out


def _closing(block: Closing) -> list[str]:
    left = [f"**{escape(block.recipients_label)}**", *(f"\\- {escape(line)}" for line in block.recipients)]
    right = [f"**{escape(line)}**" for line in block.signature]
    if block.signer:
        right.extend(["", "", f"**{escape(block.signer)}**"])
    return ["| | |", "|:---|:---:|", f"| {'<br>'.join(left)} | {'<br>'.join(right)} |", ""]


def _table(block: TaskTable) -> list[str]:
    out = [
        "---",
        "",
        f"## {escape(block.label)}",
        "",
        f"**{escape(block.title)}**",
        "",
        f"*{escape(block.attached)}*",
        "",
        "| " + " | ".join(escape(column) for column in block.columns) + " |",
        "|---:|:---|:---|:---|:---|:---|---:|",
    ]
    width = len(block.columns)
    for row in block.rows:
        if isinstance(row, SectionRow):
            text = f"**{escape(row.text)}**" if row.level == 1 else f"***{escape(row.text)}***"
            out.append(f"| **{escape(row.label)}** | {text} |" + " |" * (width - 2))
        else:
            out.append("| " + " | ".join(_lines(cell) for cell in row.cells) + " |")
    out.append("")
    return out


_MARKS = {"left": ":---", "right": "---:", "center": ":---:"}


def _data_table(block: Table) -> list[str]:
    out = [f"**{escape(block.caption)}**", ""] if block.caption else []
    out.append("| " + " | ".join(escape(column) for column in block.columns) + " |")
    out.append("|" + "|".join(_MARKS[align] for align in block.align) + "|")
    out.extend("| " + " | ".join(_lines(cell) for cell in row) + " |" for row in block.rows)
    out.append("")
    return out


def _block(block: Block) -> list[str]:
    if isinstance(block, Masthead):
        return _masthead(block)
    if isinstance(block, Title):
        return _title(block)
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        text = escape(block.text)
        return [f"*{text}*" if block.italic else text, ""]
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Closing):
        return _closing(block)
    if isinstance(block, Table):
        return _data_table(block)
    return _table(block)


def write(document: Document) -> str:
    """The Markdown text of ``document``, ending with one newline."""
    lines: list[str] = []
    for block in document.blocks:
        lines.extend(_block(block))
    return "\n".join(lines).rstrip("\n") + "\n"
