"""The Python API is typed as strictly as it checks: right uses pass mypy --strict, wrong ones do not.

mypy runs over this file in CI with ``warn_unused_ignores``: each wrong use below carries the
``type: ignore`` of the error mypy must report, so a hint that let it through would leave the
comment unused and fail the run. At run time every wrong use raises ``InvariantError`` naming
``Class.field``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from builders import ISSUER, SON_CHAU
from parplan import (
    Before,
    Budget,
    Comparator,
    Compound,
    InvariantError,
    JointParty,
    Organisation,
    Plan,
    ReformArea,
    ReportingPeriod,
    Responsibility,
    Step,
    Target,
    Task,
    Within,
)


def test_any_sequence_is_accepted_and_a_tuple_stored() -> None:
    task = Task(id="1", title="Ban hành", outputs=["Kế hoạch"], indicators=["ty-le"])
    assert task.outputs == ("Kế hoạch",)
    plan = Plan(title="Kế hoạch", issuer=ISSUER, unit=SON_CHAU, year=2022, tasks=[task], purposes=("Mục đích",))
    assert plan.tasks == (task,)
    within = Within(periods=[ReportingPeriod.quarter(2022, 1)])
    assert within.periods == (ReportingPeriod.quarter(2022, 1),)
    joint = JointParty(members=[Organisation(name="A"), Organisation(name="B")])
    assert isinstance(joint.members, tuple)


def test_wrong_element_types() -> None:
    with pytest.raises(InvariantError, match=r"Plan\.tasks: must be a sequence of Task"):
        Plan(title="K", issuer=ISSUER, unit=SON_CHAU, year=2022, tasks=["x", 3])  # type: ignore[list-item]
    with pytest.raises(InvariantError, match=r"Within\.periods: must be a sequence of ReportingPeriod"):
        Within(periods=["2026Q1"])  # type: ignore[list-item]
    with pytest.raises(InvariantError, match=r"Task\.outputs: must be a sequence of str"):
        Task(id="1", title="x", outputs=[1])  # type: ignore[list-item]


def test_wrong_scalar_types() -> None:
    with pytest.raises(InvariantError, match=r"Responsibility\.lead: must be"):
        Responsibility(lead="Văn phòng")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Before\.day: must be a date"):
        Before(day="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Task\.area: must be a ReformArea or None"):
        Task(id="1", title="x", area="not_an_area")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Plan\.year: must be an int between -10\^18 and 10\^18 or None"):
        Plan(title="K", issuer=ISSUER, unit=SON_CHAU, year="2026")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Task\.id: must be a str"):
        Task(id=1, title="x")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Budget\.amount: must be an int between -10\^18 and 10\^18 or None"):
        Budget(amount=1.5e6)  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Budget\.amount: must be an int between -10\^18 and 10\^18 or None"):
        Budget(amount="150")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match=r"Target\.value: must be a Decimal or None"):
        Target(comparator=Comparator.GE, value=90.5)  # type: ignore[arg-type]


def test_nesting_that_the_format_cannot_say() -> None:
    a, b = Organisation(name="A"), Organisation(name="B")
    joint = JointParty(members=[a, b])
    with pytest.raises(InvariantError, match=r"JointParty\.members: must be a sequence of"):
        JointParty(members=[joint, a])  # type: ignore[list-item]
    inner = Compound(steps=[Step(timeframe=Before(day=date(2022, 1, 31)))])
    with pytest.raises(InvariantError, match=r"Step\.timeframe: must be"):
        Step(timeframe=inner)  # type: ignore[arg-type]


def test_evolve_is_checked_too() -> None:
    task = Task(id="1", title="Ban hành", area=ReformArea.THE_CHE)
    with pytest.raises(InvariantError, match=r"Task\.timeframe: must be"):
        attrs.evolve(task, timeframe="Quý II/2022")  # type: ignore[arg-type]
    assert attrs.evolve(task, targets=[Target(comparator=Comparator.GE, value=Decimal(90))]).targets[0].value == 90
