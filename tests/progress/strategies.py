"""Hypothesis strategies that build valid progress reports and score sheets, by hand.

``st.builds`` ignores the classes' validators, so each strategy respects the invariants itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from parplan import (
    DataWindow,
    DocumentSymbol,
    Evidence,
    IndexResult,
    LegalReference,
    PlanReference,
    ProgressReport,
    ReportingPeriod,
    ScoreSheet,
    SheetEntry,
    TaskStatus,
    TaskUpdate,
    Unit,
    ValueUpdate,
)
from progress.support import SYMBOL, UNIT

_WORDS = ("Đã", "rà soát", "thủ tục", "hành chính", "Chờ", "hướng dẫn", "của tỉnh", "kinh phí", "hồ sơ", "xã")
texts = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(str.strip)
identifiers = st.from_regex(r"[a-z][a-z0-9.-]{0,8}", fullmatch=True)
days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
decimals = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
money = st.integers(min_value=0, max_value=10**13)
periods = st.sampled_from(["2026", "2026S1", "2026S2", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2026M05"]).map(
    ReportingPeriod.parse
)


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    reference = draw(
        st.none()
        | st.builds(
            lambda number, day: LegalReference(
                symbol=DocumentSymbol(number=number, doc_type="QĐ", issuer="UBND"), kind="Quyết định", date=day
            ),
            st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True),
            days,
        )
    )
    file = draw(st.none() | texts) if reference is not None else draw(texts)
    return Evidence(reference=reference, file=file, description=draw(st.none() | texts))


@st.composite
def updates(draw: st.DrawFn) -> TaskUpdate:
    return TaskUpdate(
        task=draw(identifiers),
        status=draw(st.sampled_from(list(TaskStatus))),
        done_on=draw(st.none() | days),
        evidence=draw(st.lists(evidence(), max_size=2)),
        spent=draw(st.none() | money),
        note=draw(st.none() | texts),
    )


@st.composite
def values(draw: st.DrawFn) -> ValueUpdate:
    target = draw(st.none() | identifiers)
    indicator = draw(identifiers) if target is None else draw(st.none() | identifiers)
    return ValueUpdate(
        target=target,
        indicator=indicator,
        value=draw(decimals),
        unit=draw(st.none() | st.sampled_from(list(Unit))),
        on=draw(st.none() | days),
        estimated=draw(st.booleans()),
        note=draw(st.none() | texts),
    )


@st.composite
def reports(draw: st.DrawFn) -> ProgressReport:
    period = draw(periods)
    window = draw(st.none() | st.just(period.data_window) | st.just(DataWindow(start=period.start, end=period.end)))
    return ProgressReport(
        unit=UNIT,
        plan=draw(
            st.sampled_from([PlanReference(symbol=SYMBOL, year=2026), PlanReference(id="kh-2026")])
            | texts.map(lambda title: PlanReference(title=title))
        ),
        period=period,
        window=window,
        submitted_on=draw(st.none() | days),
        updates=draw(st.lists(updates(), max_size=5)),
        values=draw(st.lists(values(), max_size=4)),
        budget_spent=draw(st.none() | money),
        place=draw(st.none() | texts),
        title=draw(st.none() | texts),
        recipients=draw(st.lists(texts, max_size=2)),
        source_file=draw(st.none() | texts),
        notes=draw(st.none() | texts),
    )


@st.composite
def sheets(draw: st.DrawFn) -> ScoreSheet:
    entries = draw(
        st.lists(
            st.builds(
                SheetEntry,
                node=st.sampled_from(["1", "1.1", "1.2", "2", "2.1", "3"]),
                self_score=st.none() | decimals,
                appraised=st.none() | decimals,
                survey=st.none() | decimals,
                evidence=st.lists(evidence(), max_size=2),
                note=st.none() | texts,
            ),
            max_size=6,
        )
    )
    previous = draw(
        st.none()
        | st.builds(
            lambda score, rank: IndexResult(
                framework="vi-du-xa-2025", year=2025, score=score, unit=Unit.PERCENT, rank=rank
            ),
            st.decimals(min_value=0, max_value=100, places=2),
            st.none() | st.integers(min_value=1, max_value=50),
        )
    )
    return ScoreSheet(
        framework="vi-du-xa-2026",
        unit=UNIT,
        year=2026,
        entries=entries,
        submitted_on=draw(st.none() | days),
        unit_formed_on=draw(st.none() | st.just(date(2025, 7, 1))),
        previous=previous,
        source_file=draw(st.none() | texts),
        notes=draw(st.none() | texts),
    )


def decimal_text(value: Decimal) -> str:
    """A decimal as the format writes it."""
    return format(value, "f")
