"""Presenting plans to people: Markdown, HTML and Word documents and Excel appendices, in Vietnamese or English.

:func:`render` writes a plan as the official document it is (issuer block,
national motto, number and place-and-date line, sections by area, the appendix
table of tasks, signature and recipients); :mod:`parplan.render.format` holds
the formatting helpers it uses, each with an explicit locale. Markdown and HTML
are text; a Word document (``docx``) and an Excel appendix (``xlsx``) are bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypeAlias, overload

from parplan._lazy import lazy_exports
from parplan.errors import InvariantError
from parplan.locale import LOCALES, Locale, check_locale

if TYPE_CHECKING:
    from parplan.plan import Plan
    from parplan.render.format import (
        format_date,
        format_money,
        format_number,
        format_percent,
        format_period,
        format_target,
        format_timeframe,
    )

__all__ = [
    "FORMATS",
    "LOCALES",
    "Locale",
    "OfficeFormat",
    "RenderFormat",
    "TextFormat",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_period",
    "format_target",
    "format_timeframe",
    "render",
]

TextFormat: TypeAlias = Literal["markdown", "html"]
"""A format :func:`render` writes as text (:class:`str`)."""

OfficeFormat: TypeAlias = Literal["docx", "xlsx"]
"""A format :func:`render` writes as bytes: a Word document, or the appendix as an Excel workbook."""

RenderFormat: TypeAlias = Literal["markdown", "html", "docx", "xlsx"]
"""A document format :func:`render` writes."""

FORMATS: tuple[RenderFormat, ...] = ("markdown", "html", "docx", "xlsx")
"""The formats :func:`render` writes."""

__getattr__, __dir__ = lazy_exports(
    __name__,
    globals(),
    dict.fromkeys(
        (
            "format_date",
            "format_money",
            "format_number",
            "format_percent",
            "format_period",
            "format_target",
            "format_timeframe",
        ),
        "parplan.render.format",
    ),
)


@overload
def render(plan: Plan, *, format: TextFormat = "markdown", locale: Locale, appendix: bool | None = None) -> str: ...
@overload
def render(plan: Plan, *, format: OfficeFormat, locale: Locale, appendix: bool | None = None) -> bytes: ...
def render(
    plan: Plan,
    *,
    format: RenderFormat = "markdown",  # noqa: A002 - the issue's name
    locale: Locale,
    appendix: bool | None = None,
) -> str | bytes:
    """``plan`` as an official-looking document in ``format`` and ``locale``.

    A plan read from a document keeps its own shape: its section headings with
    their own numbering and order ("II.", "1.1.", "a)", "Tiêu chí 2.3."), each
    task under its section, a group's responsibility and timeframe once under
    its heading, an item's own lead and timeframe in its prose. A plan without
    a section tree is laid out in the annual-plan template (areas in official
    order under "NHIỆM VỤ VÀ GIẢI PHÁP"). ``appendix`` says whether to add the
    appendix table of tasks: None as the plan has it (a plan with its own
    sections has one when some tasks came from a table, a plan in the template
    always), True whenever the plan has tasks, False never. An Excel workbook
    is the appendix: for ``"xlsx"`` None means True.

    ``format`` is ``"markdown"`` or ``"html"`` (a standalone, printable page),
    both returned as text; or ``"docx"`` (a Word document in the layout of
    Decree 30/2020/NĐ-CP, the appendix on landscape pages) or ``"xlsx"`` (the
    appendix as an Excel workbook), both returned as bytes and written
    without any other library. ``locale`` is ``"vi"`` or ``"en"`` and must be
    given. A Vietnamese
    rendering shows the plan's phrases as written where it keeps them; an
    English one generates its words from the typed values and keeps the plan's
    own text in Vietnamese.

    >>> import parplan
    >>> plan = parplan.loads('''{"format_version": 1, "title": "Kế hoạch cải cách hành chính năm 2022",
    ...   "issuer": {"name": "Ủy ban nhân dân xã Sơn Châu"}, "unit": {"name": "Sơn Châu", "kind": "xa"},
    ...   "year": 2022, "issued_on": "2022-01-08"}''')
    >>> text = parplan.render(plan, format="markdown", locale="vi")
    >>> "Sơn Châu, ngày 08 tháng 01 năm 2022" in text
    True
    """
    from parplan.plan import Plan
    from parplan.render.layout import layout

    loc = check_locale(locale, "render.locale")
    if format not in FORMATS:
        raise InvariantError("render.format", format, "must be 'markdown', 'html', 'docx' or 'xlsx'")
    if not isinstance(plan, Plan):
        raise InvariantError("render.plan", type(plan).__name__, "must be a parplan.Plan")
    if appendix is not None and not isinstance(appendix, bool):
        raise InvariantError("render.appendix", appendix, "must be True, False or None")
    if appendix is None and format == "xlsx":
        appendix = True
    document = layout(plan, loc, appendix=appendix)
    if format == "html":
        from parplan.render import html

        return html.write(document)
    if format == "docx":
        from parplan.render import docx

        return docx.write(document)
    if format == "xlsx":
        from parplan.render import xlsx

        return xlsx.write(document)
    from parplan.render import markdown

    return markdown.write(document)
