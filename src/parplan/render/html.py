"""Writing a laid-out plan as a standalone, printable HTML page.

One file, no external resources: inline CSS set for A4 paper in the layout of
Decree 30/2020/NĐ-CP (Times New Roman 13-14 pt, issuer block and national
motto side by side, signature on the right, the appendix table on a landscape
page when printed). Every text that comes from the plan goes through
:func:`html.escape` (quotes included, so it is safe in attributes too), and
each block isolates its text's direction, so a right-to-left override inside a
task title cannot reorder the rest of the page.
"""

from __future__ import annotations

import html
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

__all__ = ["STYLE", "escape", "write"]

_SPACES = re.compile(r" {2,}")

STYLE = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@page appendix { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
html { background: #e8e8e8; }
body { margin: 0; color: #000; font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 14pt; line-height: 1.35; }
.page { background: #fff; width: 210mm; box-sizing: border-box; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm;
  box-shadow: 0 0 4mm rgba(0, 0, 0, 0.25); }
.page.appendix { width: 297mm; padding: 15mm 15mm 15mm 20mm; }
p, li, td, th, h1, h2, h3, h4, div { unicode-bidi: isolate; }
table.masthead, table.closing { width: 100%; border-collapse: collapse; margin-bottom: 6mm; }
table.closing { margin-top: 6mm; }
table.masthead td, table.closing td { vertical-align: top; text-align: center; padding: 0; }
table.masthead td.issuer { width: 40%; font-size: 13pt; }
table.masthead td.nation { width: 60%; font-size: 13pt; }
.country { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.rule { display: block; width: 30%; margin: 1mm auto 2mm; border-top: 1px solid #000; }
.bold { font-weight: bold; }
.motto { font-size: 14pt; font-weight: bold; }
.number { margin-top: 2mm; }
.place-date { margin-top: 2mm; font-style: italic; }
h1 { font-size: 14pt; text-align: center; margin: 6mm 0 0; }
p.title { font-weight: bold; text-align: center; margin: 0 0 2mm; }
p.note { font-style: italic; text-align: center; font-size: 12pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 5mm 0 2mm; }
h3 { font-size: 14pt; margin: 3mm 0 1mm; }
h4 { font-size: 14pt; font-style: italic; margin: 3mm 0 1mm; }
p { text-align: justify; margin: 0 0 2mm; text-indent: 10mm; }
p.note, p.title { text-indent: 0; }
ul, ol { margin: 0 0 2mm; padding-left: 10mm; }
ul { list-style: none; }
ul > li::before { content: "- "; margin-left: -4mm; }
li { text-align: justify; margin-bottom: 1mm; }
table.closing td.recipients { width: 50%; text-align: left; font-size: 11pt; }
table.closing td.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
table.closing td.signature { width: 50%; font-weight: bold; }
table.closing .signer { margin-top: 22mm; }
.appendix-label { font-weight: bold; text-align: center; margin: 0; }
.appendix-title { font-weight: bold; text-align: center; margin: 0; }
.appendix-attached { font-style: italic; text-align: center; margin: 0 0 4mm; }
table.tasks { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.25; }
table.tasks th, table.tasks td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
table.tasks th { text-align: center; font-weight: bold; }
table.tasks td.number, table.tasks td.budget { text-align: center; }
table.tasks tr.area td { font-weight: bold; }
table.tasks tr.subarea td { font-weight: bold; font-style: italic; }
table.data { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.25; margin: 0 0 4mm; }
table.data caption { font-weight: bold; text-align: left; margin-bottom: 1mm; }
table.data th, table.data td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
table.data th { text-align: center; font-weight: bold; }
table.data td.left { text-align: left; } table.data td.right { text-align: right; }
table.data td.center { text-align: center; }
@media print {
  html { background: #fff; }
  .page { margin: 0; padding: 0; width: auto; box-shadow: none; }
  .page.appendix { width: auto; page: appendix; break-before: page; }
  table.tasks thead { display: table-header-group; }
  table.tasks tr { break-inside: avoid; }
}
""".strip()
"""The inline style sheet of every page."""


def escape(text: str) -> str:
    """``text`` as HTML text (quotes escaped too), line breaks as ``<br>``.

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    lines = (_SPACES.sub(_keep, html.escape(printable(line), quote=True)) for line in text.splitlines())
    return "<br>".join(lines) if text else ""


def _keep(match: re.Match[str]) -> str:
    """A run of spaces (a draft's blanks) as one space and no-break spaces, so that it keeps its width."""
    return " " + "&nbsp;" * (len(match[0]) - 1)


def _masthead(block: Masthead) -> str:
    left = []
    if block.parent:
        left.append(f"<div>{escape(block.parent)}</div>")
    left.append(f'<div class="bold">{escape(block.issuer)}</div><span class="rule"></span>')
    if block.number:
        left.append(f'<div class="number">{escape(block.number)}</div>')
    right = (
        f'<div class="country">{escape(block.country)}</div>'
        f'<div class="motto">{escape(block.motto)}</div><span class="rule"></span>'
        f'<div class="place-date">{escape(block.place_date)}</div>'
    )
    return (
        '<table class="masthead"><tr>'
        f'<td class="issuer">{"".join(left)}</td><td class="nation">{right}</td>'
        "</tr></table>"
    )


def _title(block: Title) -> str:
    notes = "".join(f'<p class="note">{escape(note)}</p>' for note in block.notes if note)
    return f'<h1>{escape(block.kind)}</h1><p class="title">{escape(block.title)}</p>{notes}'


def _heading(block: Heading) -> str:
    tag = f"h{block.level + 1}"
    return f"<{tag}>{escape(block.line)}</{tag}>"


def _bullets(block: Bullets) -> str:
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
    return f"<{tag}>{items}</{tag}>"


def _closing(block: Closing) -> str:
    recipients = "".join(f"<div>- {escape(line)}</div>" for line in block.recipients)
    signature = "".join(f"<div>{escape(line)}</div>" for line in block.signature)
    if block.signer:
        signature += f'<div class="signer">{escape(block.signer)}</div>'
    return (
        '<table class="closing"><tr>'
        f'<td class="recipients"><div class="label">{escape(block.recipients_label)}</div>{recipients}</td>'
        f'<td class="signature">{signature}</td>'
        "</tr></table>"
    )


_CELL_CLASSES = ("number", "task", "output", "lead", "coordinating", "timeframe", "budget")
_COLUMNS = (
    "<colgroup>" + "".join(f'<col style="width: {width}%">' for width in (4, 29, 15, 12, 15, 16, 9)) + "</colgroup>"
)


def _table(block: TaskTable) -> str:
    head = "".join(f"<th>{escape(column)}</th>" for column in block.columns)
    rows = []
    for row in block.rows:
        if isinstance(row, SectionRow):
            kind = "area" if row.level == 1 else "subarea"
            span = len(block.columns) - 1
            rows.append(
                f'<tr class="{kind}"><td class="number">{escape(row.label)}</td>'
                f'<td colspan="{span}">{escape(row.text)}</td></tr>'
            )
        else:
            cells = "".join(
                f'<td class="{name}">{"<br>".join(escape(line) for line in cell)}</td>'
                for name, cell in zip(_CELL_CLASSES, row.cells, strict=True)
            )
            rows.append(f'<tr class="task" id="task-{escape(row.task_id)}">{cells}</tr>')
    return (
        '<section class="page appendix">'
        f'<p class="appendix-label">{escape(block.label)}</p>'
        f'<p class="appendix-title">{escape(block.title)}</p>'
        f'<p class="appendix-attached">{escape(block.attached)}</p>'
        f'<table class="tasks">{_COLUMNS}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        "</section>"
    )


def _data_table(block: Table) -> str:
    caption = f"<caption>{escape(block.caption)}</caption>" if block.caption else ""
    head = "".join(f"<th>{escape(column)}</th>" for column in block.columns)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="{align}">{"<br>".join(escape(line) for line in cell)}</td>'
            for align, cell in zip(block.align, row, strict=True)
        )
        + "</tr>"
        for row in block.rows
    )
    return f'<table class="data">{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _block(block: Block) -> str:
    if isinstance(block, Masthead):
        return _masthead(block)
    if isinstance(block, Title):
        return _title(block)
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        css = ' class="note"' if block.italic else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Closing):
        return _closing(block)
    if isinstance(block, Table):
        return _data_table(block)
    return _table(block)


def write(document: Document) -> str:
    """The HTML page of ``document``, ending with one newline."""
    body: list[str] = ['<section class="page">']
    for block in document.blocks:
        if isinstance(block, TaskTable):
            body.append("</section>")
            body.append(_block(block))
            body.append('<section class="page">')
        else:
            body.append(_block(block))
    body.append("</section>")
    sections = "\n".join(body).replace('\n<section class="page">\n</section>', "")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{document.locale}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="parplan">\n'
        f"<title>{escape(document.title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n"
        "</head>\n"
        "<body>\n"
        f"{sections}\n"
        "</body>\n"
        "</html>\n"
    )
