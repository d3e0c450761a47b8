"""Scoring a self-assessment sheet against its index framework: totals, percentage, group, rank, change.

:func:`score_sheet` walks the framework's tree. Each leaf (a sub-criterion, or
a criterion or area the framework does not divide) takes its points from the
sheet: the survey points for a node scored by survey, otherwise the upper
level's appraisal when there is one, else the unit's own score. A node the
sheet scores as a whole, with none of its children scored, counts as a leaf.
Inner nodes add up their children.

* The **basis** says whose points the total holds: ``appraised`` when every
  node scored by appraisal has its appraisal, ``self_assessed`` when none has
  yet, ``mixed`` in between.
* The **percentage** is the total over the framework's maximum, times 100,
  rounded half up to two decimals as published results are; the group
  (:meth:`~parplan.indicators.IndexFramework.group_for`) and the rank are
  decided on that published figure.
* A sheet that leaves a node unscored is **incomplete**: its total counts what
  is scored, and it gets no group and no rank, since a missing score is not a
  zero.
* The **change from last year** compares with the unit's previous published
  result (``ScoreSheet.previous``). A unit formed after that year (a commune of
  the merger of 1 July 2025 scoring 2025) has no comparable last year, and the
  change says so instead of comparing with its predecessors.

:func:`rank_scores` ranks complete sheets among their peers, the highest
percentage first; ties share a rank and the next rank skips.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

import attrs

from parplan._values import typed_fields
from parplan.errors import InvariantError
from parplan.frameworks import FRAMEWORKS
from parplan.indicators import IndexFramework, IndexGroup, IndexNode, NodeKind, ScoringMethod
from parplan.progress._fast import maker
from parplan.progress.sheet import ScoreSheet, SheetEntry
from parplan.targets import Unit

__all__ = ["Comparability", "NodeScore", "ScoreBasis", "SheetScore", "YearChange", "rank_scores", "score_sheet"]

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_ZERO = Decimal(0)


class ScoreBasis(StrEnum):
    """Whose points a total holds."""

    APPRAISED = "appraised"
    """Every node scored by appraisal has the upper level's appraisal."""
    SELF_ASSESSED = "self_assessed"
    """No node has been appraised yet: the unit's own scores."""
    MIXED = "mixed"
    """Some nodes appraised, the others the unit's own scores."""


class Comparability(StrEnum):
    """Whether this year's result can be compared with last year's."""

    COMPARABLE = "comparable"
    """The unit has a previous result of its own."""
    NEW_UNIT = "new_unit"
    """The unit was formed after the previous year (the merger of 1 July 2025): no comparable last year."""
    NO_PREVIOUS_RESULT = "no_previous_result"
    """The sheet gives no previous result."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NodeScore:
    """The points of one node of the framework: its maximum, the scores given and the points counted.

    ``self_score``, ``appraised`` and ``survey`` are the sheet's for a leaf and
    the sums of the children's for an inner node (None when any child lacks
    that score, or none has it). ``points`` is what counts towards the total:
    survey points, else the appraisal, else the self-score. ``missing`` counts
    the leaves at or below the node with no points.
    """

    node: str
    kind: NodeKind
    max_points: Decimal | None
    self_score: Decimal | None
    appraised: Decimal | None
    survey: Decimal | None
    points: Decimal
    missing: int


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class YearChange:
    """The change from last year's result, or why there is none.

    ``percent_change`` and ``points_change`` are this year's figure minus last
    year's (in the unit the previous result was published in);
    ``rank_change`` is positive when the unit climbed ("tăng 2 hạng").
    """

    comparability: Comparability
    previous_year: int | None
    percent_change: Decimal | None
    points_change: Decimal | None
    rank_change: int | None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SheetScore:
    """A scored sheet: totals, percentage, group, rank among peers and the change from last year.

    ``total`` is the points counted (on ``basis``) out of ``max_points``;
    ``self_total`` the unit's own scores of the nodes scored by appraisal,
    ``appraised_total`` the appraisal of them all (None until every one is
    appraised), ``survey_total`` the survey points. ``percent`` is rounded half
    up to two decimals. ``missing`` lists the nodes left unscored; an
    incomplete sheet has no ``group`` and no ``rank``. ``rank`` and ``out_of``
    are set by :func:`rank_scores`.
    """

    sheet: ScoreSheet
    framework: IndexFramework
    basis: ScoreBasis
    nodes: tuple[NodeScore, ...]
    self_total: Decimal
    appraised_total: Decimal | None
    survey_total: Decimal
    total: Decimal
    max_points: Decimal
    percent: Decimal
    missing: tuple[str, ...]
    group: IndexGroup | None
    change: YearChange
    rank: int | None = attrs.field(default=None)
    out_of: int | None = attrs.field(default=None)

    @property
    def complete(self) -> bool:
        """True when every node has points."""
        return not self.missing

    def node(self, code: str) -> NodeScore | None:
        """The score of the node ``code``, or None."""
        return next((node for node in self.nodes if node.node == code), None)


_make_node = maker(NodeScore)
_make_change = maker(YearChange)


def _sum(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(value is None for value in values):
        return None
    return sum((value for value in values if value is not None), _ZERO)


class _Walk:
    """The state of one walk over a framework: the sheet's entries, the scores found, the leaves seen."""

    def __init__(self, sheet: ScoreSheet) -> None:
        self.entries: dict[str, SheetEntry] = {}
        for entry in sheet.entries:
            self.entries.setdefault(entry.node, entry)
        self.nodes: list[NodeScore] = []
        self.missing: list[str] = []
        self.appraisal_leaves = 0
        self.appraised_leaves = 0
        self.self_total = _ZERO
        self.appraised_total = _ZERO
        self.survey_total = _ZERO

    def _scored_below(self, node: IndexNode) -> bool:
        return any(child.code in self.entries or self._scored_below(child) for child in node.children)

    def leaf(self, node: IndexNode, method: ScoringMethod | None) -> NodeScore:
        entry = self.entries.get(node.code)
        survey = method is ScoringMethod.SURVEY
        own = None if entry is None else entry.self_score
        appraised = None if entry is None else entry.appraised
        surveyed = None if entry is None else entry.survey
        if survey:
            points = surveyed
        else:
            self.appraisal_leaves += 1
            if appraised is not None:
                self.appraised_leaves += 1
                self.appraised_total += appraised
            if own is not None:
                self.self_total += own
            points = appraised if appraised is not None else own
        if surveyed is not None and survey:
            self.survey_total += surveyed
        missing = 0
        if points is None:
            missing = 1
            self.missing.append(node.code)
        score = _make_node(node.code, node.kind, node.max_points, own, appraised, surveyed, points or _ZERO, missing)
        self.nodes.append(score)
        return score

    def walk(self, node: IndexNode, method: ScoringMethod | None) -> NodeScore:
        method = node.method or method
        if not node.children or (node.code in self.entries and not self._scored_below(node)):
            return self.leaf(node, method)
        position = len(self.nodes)
        self.nodes.append(None)  # type: ignore[arg-type]  # replaced below, keeping the order depth first
        children = [
            (self.walk(child, method), (child.method or method) is ScoringMethod.SURVEY) for child in node.children
        ]
        appraisal = [child for child, survey in children if not survey]
        surveyed = [child for child, survey in children if survey]
        score = _make_node(
            node.code,
            node.kind,
            node.max_points,
            _sum([child.self_score for child in appraisal]),
            _sum([child.appraised for child in appraisal]),
            _sum([child.survey for child in surveyed]),
            sum((child.points for child, _ in children), _ZERO),
            sum(child.missing for child, _ in children),
        )
        self.nodes[position] = score
        return score


def _framework_for(sheet: ScoreSheet, framework: IndexFramework | None) -> IndexFramework:
    if framework is None:
        found = FRAMEWORKS.get(sheet.framework)
        if found is None:
            raise InvariantError(
                "score_sheet.framework",
                sheet.framework,
                "is not bundled with parplan: load it from its data file and pass it as framework=",
            )
        return found
    if not isinstance(framework, IndexFramework):
        raise InvariantError("score_sheet.framework", type(framework).__name__, "must be an IndexFramework")
    if framework.code != sheet.framework:
        raise InvariantError(
            "score_sheet.framework", framework.code, f"must be the framework the sheet names, {sheet.framework!r}"
        )
    return framework


def _change(sheet: ScoreSheet, percent: Decimal, total: Decimal, rank: int | None) -> YearChange:
    previous = sheet.previous
    previous_year = sheet.year - 1 if previous is None else previous.year
    formed = sheet.unit_formed_on
    if formed is not None and formed > date(previous_year, 12, 31):
        return _make_change(Comparability.NEW_UNIT, previous_year, None, None, None)
    if previous is None:
        return _make_change(Comparability.NO_PREVIOUS_RESULT, previous_year, None, None, None)
    percent_change = points_change = None
    if previous.score is not None:
        if previous.unit is Unit.PERCENT:
            percent_change = percent - previous.score
        elif previous.unit is Unit.POINTS:
            points_change = total - previous.score
    rank_change = None if rank is None or previous.rank is None else previous.rank - rank
    return _make_change(Comparability.COMPARABLE, previous_year, percent_change, points_change, rank_change)


def score_sheet(sheet: ScoreSheet, framework: IndexFramework | None = None) -> SheetScore:
    """Total ``sheet`` against ``framework`` (the bundled framework the sheet names when None).

    Raises :class:`~parplan.errors.InvariantError` when the framework is not
    the one the sheet names, or has no maximum points to score against.
    """
    if not isinstance(sheet, ScoreSheet):
        raise InvariantError("score_sheet.sheet", type(sheet).__name__, "must be a ScoreSheet")
    found = _framework_for(sheet, framework)
    maximum = found.max_points
    if maximum is None or maximum <= 0:
        raise InvariantError("score_sheet.framework", found.code, "has no maximum points to score against")
    walk = _Walk(sheet)
    tops = [walk.walk(node, None) for node in found.nodes]
    total = sum((top.points for top in tops), _ZERO)
    percent = (total * _HUNDRED / maximum).quantize(_CENT, rounding=ROUND_HALF_UP)
    if walk.appraised_leaves == 0:
        basis = ScoreBasis.SELF_ASSESSED
    elif walk.appraised_leaves == walk.appraisal_leaves:
        basis = ScoreBasis.APPRAISED
    else:
        basis = ScoreBasis.MIXED
    missing = tuple(walk.missing)
    return SheetScore(
        sheet=sheet,
        framework=found,
        basis=basis,
        nodes=tuple(walk.nodes),
        self_total=walk.self_total,
        appraised_total=walk.appraised_total if basis is ScoreBasis.APPRAISED else None,
        survey_total=walk.survey_total,
        total=total,
        max_points=maximum,
        percent=percent,
        missing=missing,
        group=None if missing else found.group_for(percent),
        change=_change(sheet, percent, total, None),
    )


def rank_scores(scores: Iterable[SheetScore]) -> tuple[SheetScore, ...]:
    """``scores`` with their ``rank`` and ``out_of`` among one another, the highest percentage first.

    Complete sheets are ranked; ties share a rank and the next rank skips;
    units tied are listed by name. Incomplete sheets follow, unranked. The
    change from last year is worked out again with the rank.
    """
    given = list(scores)
    for score in given:
        if not isinstance(score, SheetScore):
            raise InvariantError("rank_scores.scores", type(score).__name__, "must hold only SheetScore")
    complete = sorted(
        (score for score in given if score.complete),
        key=lambda s: (-s.percent, s.sheet.unit.full_name.casefold(), s.sheet.unit.full_name),
    )
    out_of = len(complete)
    ranked: list[SheetScore] = []
    rank = 0
    previous: Decimal | None = None
    for position, score in enumerate(complete, start=1):
        if score.percent != previous:
            rank, previous = position, score.percent
        change = _change(score.sheet, score.percent, score.total, rank)
        ranked.append(attrs.evolve(score, rank=rank, out_of=out_of, change=change))
    ranked.extend(
        attrs.evolve(score, rank=None, out_of=out_of)
        for score in sorted(
            (s for s in given if not s.complete),
            key=lambda s: (s.sheet.unit.full_name.casefold(), s.sheet.unit.full_name),
        )
    )
    return tuple(ranked)
