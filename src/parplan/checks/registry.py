"""The rule registry: every check parplan runs, with its code, name, severity and messages.

Rules are registered with the :func:`rule` decorator in one module per family
(``structure``, ``dates``, ``targets``, ``references``, ``reporting``,
``budget``, ``frameworks``, ``progress``, ``alignment``). A rule is a function
that reads a context and calls ``report(path, **params)`` for each problem;
the registry turns each call into a :class:`~parplan.checks.finding.Finding`
with both messages. The context depends on what the rule checks, its
:class:`Subject`: a plan (:class:`~parplan.checks.context.PlanContext`), a
progress report with its plan (:class:`~parplan.checks.context.ReportContext`)
or a score sheet with its framework (:class:`~parplan.checks.context.SheetContext`).

Selection works like ruff's: ``select`` and ``ignore`` hold code prefixes
(``"PP1"``, ``"PP104"``, or ``"ALL"`` for every rule). For each rule the
longest matching prefix decides; when the same prefix is both selected and
ignored, ignoring wins; a rule no prefix matches is enabled only when
``select`` is not given.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Any, Protocol, TypeAlias, TypeVar

import attrs

from parplan.checks.finding import Finding, Severity
from parplan.errors import ParplanError
from parplan.source import SourceLocation

__all__ = [
    "CODE_PATTERN",
    "NAME_PATTERN",
    "Family",
    "Localized",
    "Param",
    "Report",
    "Rule",
    "RuleFunction",
    "Subject",
    "UnknownRuleError",
    "get_rule",
    "rule",
    "rules",
    "select_rules",
    "vi_date",
]

CODE_PATTERN = re.compile(r"PP\d{3}\Z")
"""What a rule code looks like: ``PP`` and three digits."""

NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
"""What a rule name looks like: kebab-case."""

_VERSION = re.compile(r"\d+\.\d+\.\d+\Z")


class Family(StrEnum):
    """The family a rule belongs to; the hundreds digit of its code."""

    STRUCTURE = "structure"
    """PP1xx: tasks, areas, responsibilities, administrative levels, the plan header."""
    DATES = "dates"
    """PP2xx: deadlines, cut-off windows, report deadlines, document dates."""
    TARGETS = "targets"
    """PP3xx: percentages, ranks, baselines, contradictions, damaged units."""
    REFERENCES = "references"
    """PP4xx: document symbols and the documents a plan cites."""
    REPORTING = "reporting"
    """PP5xx: the declared reporting schedule against the reporting regime."""
    BUDGET = "budget"
    """PP6xx: amounts, totals, unquantified cells."""
    FRAMEWORKS = "frameworks"
    """PP7xx: index results and their points."""
    PROGRESS = "progress"
    """PP8xx: progress reports against their plan (``check_report``) and score sheets (``check_sheet``)."""
    ALIGNMENT = "alignment"
    """PP9xx: a lower-level plan against the plan it implements (:func:`check_alignment`)."""

    @property
    def digit(self) -> str:
        """The hundreds digit of the family's codes."""
        return _FAMILY_DIGITS[self]


_FAMILY_DIGITS = {
    Family.STRUCTURE: "1",
    Family.DATES: "2",
    Family.TARGETS: "3",
    Family.REFERENCES: "4",
    Family.REPORTING: "5",
    Family.BUDGET: "6",
    Family.FRAMEWORKS: "7",
    Family.PROGRESS: "8",
    Family.ALIGNMENT: "9",
}


class Subject(StrEnum):
    """What a rule checks, and so which function runs it and what its context holds."""

    PLAN = "plan"
    """A plan (:func:`parplan.check`); the alignment family pairs it with a parent (:func:`parplan.check_alignment`)."""
    REPORT = "report"
    """A progress report against its plan (:func:`parplan.check_report`, with a ``ReportContext``)."""
    SHEET = "sheet"
    """A score sheet against its framework (:func:`parplan.check_sheet`, with a ``SheetContext``)."""


class RuleContext(Protocol):
    """What every rule context offers the registry: where a finding's source is."""

    def locate(self, source: SourceLocation | None) -> SourceLocation | None:
        """``source`` with the checked document's file filled in."""
        ...  # pragma: no cover


@attrs.frozen
class Localized:
    """A message parameter written differently in each language (an area's title, "nothing").

    ``key`` is the language-neutral value kept in :attr:`Finding.params`
    (an area code, say); it defaults to the English text.
    """

    vi: str
    en: str
    key: str | None = None

    def text(self, locale: str) -> str:
        """The text in ``"vi"`` or ``"en"``."""
        return self.vi if locale == "vi" else self.en

    @property
    def neutral(self) -> str:
        """The value stored in the finding's parameters."""
        return self.en if self.key is None else self.key


Param: TypeAlias = str | int | date | Localized
"""A value interpolated into a message template.

Dates are written as each language writes them: ``2021-12-03`` in English,
``03/12/2021`` in Vietnamese; the finding's parameters keep the ISO form.
"""


def vi_date(day: date) -> str:
    """A date as Vietnamese documents write it: ``03/12/2021``."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


class Report(Protocol):
    """What a rule calls for every problem it finds."""

    def __call__(self, path: str, /, *, source: SourceLocation | None = None, **params: Param) -> None:
        """Record a finding at ``path`` with ``params`` interpolated into the rule's messages."""


RuleFunction: TypeAlias = Callable[[Any, Report], None]
"""The body of a rule: reads its context (what its :class:`Subject` calls for), calls ``report`` for each problem."""

_F = TypeVar("_F", bound=Callable[..., None])


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@attrs.frozen(kw_only=True)
class Rule:
    """A registered check: code, name, family, severity, messages and documentation.

    ``message_en`` and ``message_vi`` are :meth:`str.format` templates with the
    same placeholders. ``doc`` is the rule's docstring: what it finds, why it
    matters, and how to fix it. ``needs_as_of`` marks rules that only run when
    a date is given (overdue tasks). Rules of the ``alignment`` family compare
    two plans and run in :func:`parplan.check_alignment` only; ``subject``
    says whether a rule checks a plan, a progress report or a score sheet.
    """

    code: str
    name: str
    family: Family
    severity: Severity
    message_en: str
    message_vi: str
    doc: str
    since: str = "0.1.0"
    needs_as_of: bool = False
    subject: Subject = Subject.PLAN
    function: RuleFunction = attrs.field(eq=False, repr=False)

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0]

    @property
    def placeholders(self) -> frozenset[str]:
        """The parameter names the message templates use."""
        return _placeholders(self.message_en)

    def message_template(self, locale: str) -> str:
        """The template in ``"vi"`` or ``"en"``."""
        return self.message_vi if locale == "vi" else self.message_en

    def finding(self, path: str, *, source: SourceLocation | None = None, **params: Param) -> Finding:
        """A finding of this rule at ``path`` with ``params`` interpolated into both messages."""
        en: dict[str, str] = {}
        vi: dict[str, str] = {}
        neutral: list[tuple[str, str]] = []
        for key, value in params.items():
            if isinstance(value, Localized):
                en[key] = value.en
                vi[key] = value.vi
                neutral.append((key, value.neutral))
            elif isinstance(value, date):
                en[key] = value.isoformat()
                vi[key] = vi_date(value)
                neutral.append((key, en[key]))
            else:
                text = str(value)
                en[key] = vi[key] = text
                neutral.append((key, text))
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            path=path,
            message=self.message_en.format_map(en),
            message_vi=self.message_vi.format_map(vi),
            params=tuple(neutral),
            source=source,
            since=self.since,
        )

    def run(self, context: RuleContext, into: list[Finding]) -> None:
        """Run the rule over ``context`` and append its findings to ``into``."""
        finding = self.finding
        append = into.append

        def report(path: str, /, *, source: SourceLocation | None = None, **params: Param) -> None:
            append(finding(path, source=context.locate(source), **params))

        self.function(context, report)


_REGISTRY: dict[str, Rule] = {}
_NAMES: dict[str, str] = {}


def rule(  # noqa: PLR0913 - a rule is described by that many facts, all named
    code: str,
    name: str,
    severity: Severity,
    *,
    en: str,
    vi: str,
    since: str = "0.1.0",
    needs_as_of: bool = False,
    subject: Subject = Subject.PLAN,
) -> Callable[[_F], _F]:
    """Register the decorated function as the rule ``code``.

    The function's docstring becomes the rule's documentation; the family is
    read from the code's hundreds digit. Registration refuses duplicate codes
    and names, malformed codes and names, and templates whose placeholders
    differ between the languages.
    """

    def register(function: _F) -> _F:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"rule code {code!r} must look like 'PP101'")
        if not NAME_PATTERN.match(name):
            raise ValueError(f"rule name {name!r} must be kebab-case")
        if code in _REGISTRY:
            raise ValueError(f"rule code {code} is registered twice")
        if name in _NAMES:
            raise ValueError(f"rule name {name!r} is used by {_NAMES[name]} already")
        if _placeholders(en) != _placeholders(vi):
            raise ValueError(f"rule {code}: the vi and en messages must use the same placeholders")
        if not _VERSION.match(since):
            raise ValueError(f"rule {code}: since {since!r} must be a version like '0.1.0'")
        doc = function.__doc__
        if not doc or not doc.strip():
            raise ValueError(f"rule {code} needs a docstring")
        family = next((f for f in Family if f.digit == code[2]), None)
        if family is None:
            raise ValueError(f"rule code {code} belongs to no family")
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            family=family,
            severity=severity,
            message_en=en,
            message_vi=vi,
            doc=_dedent(doc),
            since=since,
            needs_as_of=needs_as_of,
            subject=subject,
            function=function,
        )
        _NAMES[name] = code
        _SELECTIONS.clear()
        return function

    return register


def _dedent(doc: str) -> str:
    lines = doc.strip().splitlines()
    if len(lines) == 1:
        return lines[0]
    rest = lines[1:]
    indent = min((len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0)
    return "\n".join([lines[0], *(line[indent:] for line in rest)])


def rules() -> tuple[Rule, ...]:
    """Every registered rule, in code order."""
    return tuple(_REGISTRY[code] for code in sorted(_REGISTRY))


def get_rule(code: str) -> Rule:
    """The rule with ``code``; :class:`UnknownRuleError` when there is none."""
    found = _REGISTRY.get(code)
    if found is None:
        raise UnknownRuleError(code)
    return found


class UnknownRuleError(ParplanError, ValueError):
    """A code or prefix given to ``select``/``ignore`` matches no rule: ``prefix`` says which."""

    def __init__(self, prefix: str) -> None:
        super().__init__(prefix)
        self.prefix = prefix

    def __str__(self) -> str:
        return f"unknown rule code or prefix {self.prefix!r}: expected a prefix of a code such as 'PP1' or 'PP104'"


def _prefixes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    result: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise UnknownRuleError(repr(item))
        result.extend(part.strip() for part in item.split(",") if part.strip())
    for prefix in result:
        if prefix != "ALL" and not any(code.startswith(prefix) for code in _REGISTRY):
            raise UnknownRuleError(prefix)
    return tuple(result)


_SELECTIONS: dict[tuple[tuple[str, ...] | None, tuple[str, ...]], tuple[Rule, ...]] = {}


def select_rules(
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    """The rules enabled by ``select`` and ``ignore``, in code order.

    Both take code prefixes, as one comma-separated string or an iterable of
    them. For each rule the longest prefix that matches its code decides
    (``"ALL"`` matches every code and is the shortest prefix); when a prefix is
    both selected and ignored, ignoring wins. With ``select=None`` every rule
    starts enabled. ``select="PP1", ignore="PP10"`` enables PP110-PP199 but not
    PP101-PP109; adding ``"PP104"`` to ``select`` enables PP104 again.
    Raises :class:`UnknownRuleError` for a prefix that matches no rule.
    """
    selected = None if select is None else _prefixes(select)
    ignored = _prefixes(ignore)
    key = (selected, ignored)
    cached = _SELECTIONS.get(key)
    if cached is not None:
        return cached
    chosen: list[Rule] = []
    for entry in rules():
        best_length = -1
        enabled = selected is None
        for prefixes, verdict in ((selected or (), True), (ignored, False)):
            for prefix in prefixes:
                length = 0 if prefix == "ALL" else len(prefix)
                if (prefix == "ALL" or entry.code.startswith(prefix)) and (
                    length > best_length or (length == best_length and not verdict)
                ):
                    best_length = length
                    enabled = verdict
        if enabled:
            chosen.append(entry)
    result = tuple(chosen)
    _SELECTIONS[key] = result
    return result
