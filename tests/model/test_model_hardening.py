"""Model invariants the hardening issue found missing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from model_support import check_invariant
from parplan import FrameworkScope, IndexFramework, IndexNode, NodeKind, ScoringMethod


def _survey_area(points: int) -> IndexNode:
    return IndexNode(
        code="8",
        name="Tác động",
        max_points=Decimal(points),
        children=[
            IndexNode(
                code="8.1",
                name="Khảo sát",
                kind=NodeKind.CRITERION,
                max_points=Decimal(points),
                method=ScoringMethod.SURVEY,
            )
        ],
    )


def test_survey_points_cover_the_survey_scored_nodes() -> None:
    check_invariant(
        lambda: IndexFramework(
            code="x", name="Chỉ số", scope=FrameworkScope.PROVINCE, survey_points=Decimal(30), nodes=[_survey_area(100)]
        ),
        "IndexFramework.survey_points",
        Decimal(30),
        "must be at least the 100 points its survey-scored nodes carry",
    )
    ok = IndexFramework(
        code="x", name="Chỉ số", scope=FrameworkScope.PROVINCE, survey_points=Decimal(100), nodes=[_survey_area(100)]
    )
    assert ok.survey_points == 100


def test_survey_points_do_not_exceed_the_total() -> None:
    check_invariant(
        lambda: IndexFramework(
            code="x", name="Chỉ số", scope=FrameworkScope.PROVINCE, survey_points=Decimal(31), total_points=Decimal(30)
        ),
        "IndexFramework.survey_points",
        Decimal(31),
        "must not exceed the framework's total of 30 points",
    )


@pytest.mark.parametrize("field", ["total_points", "survey_points"])
def test_points_are_not_negative(field: str) -> None:
    check_invariant(
        lambda: IndexFramework(code="x", name="Chỉ số", scope=FrameworkScope.PROVINCE, **{field: Decimal(-5)}),  # type: ignore[arg-type]
        f"IndexFramework.{field}",
        Decimal(-5),
        "must not be negative",
    )
    check_invariant(
        lambda: IndexNode(code="1", name="Chỉ đạo", max_points=Decimal(-5)),
        "IndexNode.max_points",
        Decimal(-5),
        "must not be negative",
    )


def test_the_years_of_a_framework_are_in_order() -> None:
    check_invariant(
        lambda: IndexFramework(code="x", name="Chỉ số", scope=FrameworkScope.PROVINCE, first_year=2025, last_year=2022),
        "IndexFramework.last_year",
        2022,
        "must not be before the first year 2025",
    )
