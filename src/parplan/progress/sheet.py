"""Self-assessment score sheets of an index (phiếu tự đánh giá, chấm điểm Chỉ số CCHC).

Once a year each unit scores itself against the criteria tree of its index
(:class:`~parplan.indicators.IndexFramework`): a self-score per criterion and
sub-criterion with the documents that prove it (tài liệu kiểm chứng), then the
upper level's appraisal (điểm thẩm định) and the points of the sociological
survey (điều tra xã hội học). A :class:`ScoreSheet` holds one unit's sheet for
one year; :func:`parplan.score_sheet` totals it.

A sheet is kept as written: a score above its maximum, sub-scores that do not
add up to their criterion or a score without evidence all load, for the checks
(:func:`parplan.check_sheet`) to report.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from parplan._values import (
    finite_decimal_or_none,
    identifier,
    nfc_text,
    non_empty_or_none,
    to_tuple,
    typed_fields,
    year_range,
)
from parplan.org import AdminUnit, Organisation
from parplan.plan import IndexResult
from parplan.progress.report import Evidence

__all__ = ["ScoreSheet", "SheetEntry"]


def _text() -> Any:
    return attrs.field(default=None, converter=nfc_text, validator=non_empty_or_none)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SheetEntry:
    """The scores of one criterion or sub-criterion: self-score, appraisal, survey points and evidence.

    ``node`` is the code of the criterion in the framework ("1.2", "3.1.4").
    ``self_score`` is the unit's own score (điểm tự đánh giá), ``appraised``
    the upper level's (điểm thẩm định), ``survey`` the points of the
    sociological survey for a criterion scored that way. A score left out is
    not known yet, which is not the same as zero. ``evidence`` lists the
    documents that prove the self-score; ``note`` explains it.
    """

    node: str = attrs.field(validator=identifier)
    self_score: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)
    appraised: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)
    survey: Decimal | None = attrs.field(default=None, validator=finite_decimal_or_none)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=to_tuple)
    note: str | None = _text()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScoreSheet:
    """One unit's self-assessment of an index for one year.

    ``framework`` is the framework's code (a bundled one, or one read from a
    data file: a province's criteria for its communes). ``previous`` is the
    unit's published result of the year before, for the change from last
    year. ``unit_formed_on`` is the day the unit came into being when it is
    recent: a commune formed by the merger of 1 July 2025 has no comparable
    result for 2024, and :func:`parplan.score_sheet` says so rather than
    compare it with its predecessors'.
    """

    framework: str = attrs.field(validator=identifier)
    unit: AdminUnit
    year: int = attrs.field(validator=year_range)
    entries: tuple[SheetEntry, ...] = attrs.field(default=(), converter=to_tuple)
    submitted_on: date | None = attrs.field(default=None)
    unit_formed_on: date | None = attrs.field(default=None)
    previous: IndexResult | None = attrs.field(default=None)
    issuer: Organisation | None = attrs.field(default=None)
    source_file: str | None = _text()
    notes: str | None = _text()

    def entry(self, node: str) -> SheetEntry | None:
        """The first entry for ``node``, or None."""
        for entry in self.entries:
            if entry.node == node:
                return entry
        return None
