"""Timeframes in words: the phrases of the seeds' "Thời gian thực hiện" column, and English."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parplan import (
    Before,
    Between,
    Compound,
    Frequency,
    InvariantError,
    OnDate,
    OnEvent,
    OpenEnded,
    Part,
    PeriodKind,
    PerSchedule,
    Recurring,
    ReportingPeriod,
    SchoolTerm,
    Span,
    SpanKind,
    Step,
    Timeframe,
    Within,
    WithinWorkingDays,
    format_period,
    format_timeframe,
)
from parplan.render.format import period_phrase

Q = ReportingPeriod.quarter
M = ReportingPeriod.month
Y = ReportingPeriod.year_of

# (timeframe for year y, Vietnamese as the seeds write it, English). Seed forms in comments.
CASES: list[tuple[Callable[[int], Timeframe], Callable[[int], str], Callable[[int], str]]] = [
    # "Trước ngày 31/12/2020" (001)
    (lambda y: Before(day=date(y, 12, 31)), lambda y: f"Trước ngày 31/12/{y}", lambda y: f"By 31 December {y}"),
    # "Trước ngày 28/02/2022" (001)
    (lambda y: Before(day=date(y, 2, 28)), lambda y: f"Trước ngày 28/02/{y}", lambda y: f"By 28 February {y}"),
    # "Ban hành Kế hoạch trong tháng 01/2021" (001), "Trong tháng 11/2021" (001)
    (lambda y: Within(periods=[M(y, 1)]), lambda y: f"Trong tháng 01/{y}", lambda y: f"Within January {y}"),
    (lambda y: Within(periods=[M(y, 11)]), lambda y: f"Trong tháng 11/{y}", lambda y: f"Within November {y}"),
    # "Ban hành kế hoạch trong Quý I/2021" (001)
    (lambda y: Within(periods=[Q(y, 1)]), lambda y: f"Trong Quý I/{y}", lambda y: f"Within Q1 {y}"),
    (lambda y: Within(periods=[Q(y, 4)]), lambda y: f"Trong Quý IV/{y}", lambda y: f"Within Q4 {y}"),
    # "Quý I, II, III/2022" (004)
    (
        lambda y: Within(periods=[Q(y, 1), Q(y, 2), Q(y, 3)]),
        lambda y: f"Trong Quý I, II, III/{y}",
        lambda y: f"Within Q1, Q2 and Q3 {y}",
    ),
    # "Trong năm 2021" (001)
    (lambda y: Within(periods=[Y(y)]), lambda y: f"Trong năm {y}", lambda y: f"During {y}"),
    (
        lambda y: Within(periods=[ReportingPeriod.half(y, 1)]),
        lambda y: f"Trong 6 tháng đầu năm {y}",
        lambda y: f"Within the first half of {y}",
    ),
    (
        lambda y: Within(periods=[ReportingPeriod.nine_months(y)]),
        lambda y: f"Trong 9 tháng năm {y}",
        lambda y: f"Within the nine months of {y}",
    ),
    (
        lambda y: Within(periods=[M(y, 1), M(y + 1, 1)]),
        lambda y: f"Trong tháng 01/{y}, tháng 01/{y + 1}",
        lambda y: f"Within January {y} and January {y + 1}",
    ),
    # "Thường xuyên trong năm 2022" (004 ×3)
    (
        lambda y: Recurring(frequencies=[Frequency.CONTINUOUS], within=Y(y)),
        lambda y: f"Thường xuyên trong năm {y}",
        lambda y: f"Continuously during {y}",
    ),
    # "hàng tuần, hàng tháng" (004)
    (
        lambda _: Recurring(frequencies=[Frequency.WEEKLY, Frequency.MONTHLY]),
        lambda _: "Hằng tuần và hằng tháng",
        lambda _: "Weekly and monthly",
    ),
    # "(định kỳ hàng quý, 6 tháng và năm 2022)" (004)
    (
        lambda y: Recurring(frequencies=[Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY], within=Y(y)),
        lambda y: f"Hằng quý, định kỳ 6 tháng và hằng năm trong năm {y}",
        lambda y: f"Quarterly, half-yearly and yearly during {y}",
    ),
    (
        lambda y: Recurring(frequencies=[Frequency.MONTHLY], within=Q(y, 2)),
        lambda y: f"Hằng tháng trong Quý II/{y}",
        lambda y: f"Monthly within Q2 {y}",
    ),
    (
        lambda _: Recurring(frequencies=[Frequency.AD_HOC]),
        lambda _: "Đột xuất",
        lambda _: "Ad hoc",
    ),
    # "Khi có hướng dẫn, chỉ đạo của cấp trên" (004), "Sau khi có văn bản của cấp trên" (001)
    (
        lambda _: OnEvent(event="Khi có hướng dẫn, chỉ đạo của cấp trên"),
        lambda _: "Khi có hướng dẫn, chỉ đạo của cấp trên",
        lambda _: "On an event: Khi có hướng dẫn, chỉ đạo của cấp trên",
    ),
    (
        lambda _: OnEvent(event="sau khi có văn bản của cấp trên"),
        lambda _: "Sau khi có văn bản của cấp trên",
        lambda _: "On an event: sau khi có văn bản của cấp trên",
    ),
    (
        lambda _: OnEvent(event="có QĐ của huyện"),
        lambda _: "Khi có QĐ của huyện",
        lambda _: "On an event: có QĐ của huyện",
    ),
    # "Theo kế hoạch của huyện" (004), "Trong năm (theo VB của huyện)" (004)
    (
        lambda _: PerSchedule(schedule="Theo kế hoạch của huyện"),
        lambda _: "Theo kế hoạch của huyện",
        lambda _: "Per schedule: Theo kế hoạch của huyện",
    ),
    (
        lambda _: PerSchedule(schedule="kế hoạch của cấp trên"),
        lambda _: "Theo kế hoạch của cấp trên",
        lambda _: "Per schedule: kế hoạch của cấp trên",
    ),
    (
        lambda y: PerSchedule(schedule="VB của huyện", within=Y(y)),
        lambda y: f"Trong năm {y} (theo VB của huyện)",
        lambda y: f"During {y} (per schedule: VB của huyện)",
    ),
    # "giai đoạn 2021 - 2030", "nhiệm kỳ 2020 - 2025" (000, 001, 004)
    (
        lambda y: Span(start_year=y, end_year=y + 9),
        lambda y: f"Giai đoạn {y} - {y + 9}",
        lambda y: f"Over {y}-{y + 9}",
    ),
    (
        lambda y: Span(start_year=y, end_year=y + 5, span_kind=SpanKind.TERM),
        lambda y: f"Nhiệm kỳ {y} - {y + 5}",
        lambda y: f"Over the {y}-{y + 5} term",
    ),
    # seed 000: "qua các năm tiếp theo"
    (
        lambda y: OpenEnded(from_year=y),
        lambda y: f"Từ năm {y} trở đi",
        lambda y: f"From {y} onwards",
    ),
    # "Thời gian chốt số liệu tính từ ngày 15/12/2021 đến ngày 14/3/2022" (004)
    (
        lambda y: Between(start=date(y - 1, 12, 15), end=date(y, 3, 14)),
        lambda y: f"Từ ngày 15/12/{y - 1} đến ngày 14/3/{y}",
        lambda y: f"From 15 December {y - 1} to 14 March {y}",
    ),
    (lambda y: OnDate(day=date(y, 3, 5)), lambda y: f"Ngày 05/3/{y}", lambda y: f"On 5 March {y}"),
    # "- Ban hành Kế hoạch trong tháng 01/2021. - Báo cáo kết quả thực hiện Kế hoạch trong quý IV năm 2021." (001)
    (
        lambda y: Compound(
            steps=[
                Step(action="Ban hành Kế hoạch", timeframe=Within(periods=[M(y, 1)])),
                Step(action="Báo cáo kết quả thực hiện Kế hoạch", timeframe=Within(periods=[Q(y, 4)])),
            ]
        ),
        lambda y: f"- Ban hành Kế hoạch trong tháng 01/{y}\n- Báo cáo kết quả thực hiện Kế hoạch trong Quý IV/{y}",
        lambda y: f"- Ban hành Kế hoạch: Within January {y}\n- Báo cáo kết quả thực hiện Kế hoạch: Within Q4 {y}",
    ),
    # "- Ban hành kế hoạch trong Quý I/2021. - Báo cáo định kỳ hàng quý trong năm" (001)
    (
        lambda y: Compound(
            steps=[
                Step(action="Ban hành kế hoạch", timeframe=Within(periods=[Q(y, 1)])),
                Step(action="Báo cáo", timeframe=Recurring(frequencies=[Frequency.QUARTERLY], within=Y(y))),
                Step(timeframe=OnEvent(event="UBND huyện yêu cầu")),
            ]
        ),
        lambda y: f"- Ban hành kế hoạch trong Quý I/{y}\n- Báo cáo hằng quý trong năm {y}\n- Khi UBND huyện yêu cầu",
        lambda y: (
            f"- Ban hành kế hoạch: Within Q1 {y}\n- Báo cáo: Quarterly during {y}\n- On an event: UBND huyện yêu cầu"
        ),
    ),
    # the plans of schools count school years and terms: "Học kỳ II năm học 2025-2026", "Cuối năm học"
    (
        lambda y: SchoolTerm(school_year=y),
        lambda y: f"Trong năm học {y}-{y + 1}",
        lambda y: f"During the {y}-{y + 1} school year",
    ),
    (
        lambda y: SchoolTerm(school_year=y, term=2),
        lambda y: f"Trong học kỳ II năm học {y}-{y + 1}",
        lambda y: f"During term 2 of the {y}-{y + 1} school year",
    ),
    (
        lambda y: SchoolTerm(school_year=y - 1, term=1, part=Part.END),
        lambda y: f"Cuối học kỳ I năm học {y - 1}-{y}",
        lambda y: f"At the end of term 1 of the {y - 1}-{y} school year",
    ),
    (
        lambda y: SchoolTerm(school_year=y, part=Part.START),
        lambda y: f"Đầu năm học {y}-{y + 1}",
        lambda y: f"Early in the {y}-{y + 1} school year",
    ),
    (
        lambda y: Compound(steps=[Step(action="Tổng kết", timeframe=Before(day=date(y, 12, 15)))]),
        lambda y: f"Tổng kết trước ngày 15/12/{y}",
        lambda y: f"Tổng kết: By 15 December {y}",
    ),
]

YEARS = [2020, 2022, 2025, 2031]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(("build", "vi", "en"), CASES)
def test_timeframe_words(
    build: Callable[[int], Timeframe], vi: Callable[[int], str], en: Callable[[int], str], year: int
) -> None:
    timeframe = build(year)
    assert format_timeframe(timeframe, locale="vi") == vi(year)
    assert format_timeframe(timeframe, locale="en") == en(year)
    # Without a phrase as written, as_written falls back to the generated words.
    assert format_timeframe(timeframe, locale="vi", as_written=True) == vi(year)


@pytest.mark.parametrize(
    ("timeframe", "written"),
    [
        (Within(periods=[Y(2022)], text="Trong năm"), "Trong năm"),
        (Within(periods=[M(2021, 1)], text="Tháng 1/2021"), "Tháng 1/2021"),
        (Recurring(frequencies=[Frequency.CONTINUOUS], text="Thường xuyên năm 2022"), "Thường xuyên năm 2022"),
        (PerSchedule(schedule="VB của huyện", within=Y(2022), text="Trong năm (theo VB của huyện)"), None),
    ],
)
def test_as_written_shows_the_plan_s_phrase(timeframe: Timeframe, written: str | None) -> None:
    expected = written if written is not None else timeframe.text
    assert format_timeframe(timeframe, locale="vi", as_written=True) == expected
    # English always generates from the typed value.
    assert format_timeframe(timeframe, locale="en", as_written=False) != expected
    assert format_timeframe(timeframe, locale="vi") != expected


def test_compound_as_written_uses_each_step_s_phrase() -> None:
    compound = Compound(
        steps=[
            Step(action="Ban hành Kế hoạch", timeframe=Within(periods=[M(2021, 1)], text="trong tháng 01/2021")),
            Step(action="Báo cáo", timeframe=Within(periods=[Q(2021, 4)], text="trong quý IV năm 2021")),
        ]
    )
    assert format_timeframe(compound, locale="vi", as_written=True) == (
        "- Ban hành Kế hoạch trong tháng 01/2021\n- Báo cáo trong quý IV năm 2021"
    )


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (Y(2024), "năm 2024", "2024"),
        (ReportingPeriod.half(2024, 1), "6 tháng đầu năm 2024", "the first half of 2024"),
        (ReportingPeriod.half(2024, 2), "6 tháng cuối năm 2024", "the second half of 2024"),
        (Q(2023, 3), "Quý III/2023", "Q3 2023"),
        (M(2023, 2), "tháng 02/2023", "February 2023"),
        (M(2023, 10), "tháng 10/2023", "October 2023"),
        (ReportingPeriod.nine_months(2023), "9 tháng năm 2023", "the nine months of 2023"),
    ],
)
def test_periods_inside_a_sentence(period: ReportingPeriod, vi: str, en: str) -> None:
    assert period_phrase(period, "vi") == vi
    assert period_phrase(period, "en") == en


@given(st.sampled_from(list(PeriodKind)), st.integers(min_value=1946, max_value=2199), st.integers(1, 12))
def test_format_period_is_the_period_s_label(kind: PeriodKind, year: int, index: int) -> None:
    period = ReportingPeriod(kind=kind, year=year, index=(index - 1) % kind.per_year + 1)
    for locale in ("vi", "en"):
        assert format_period(period, locale=locale) == period.label(locale)
    # Inside a sentence, Vietnamese only changes the case of the label ("Tháng 01/2022" → "tháng 01/2022").
    assert format_period(period, locale="vi").casefold() == period_phrase(period, "vi").casefold()


def test_format_period_checks_its_arguments() -> None:
    with pytest.raises(InvariantError, match=r"format_period\.period"):
        format_period("2022Q1", locale="vi")  # type: ignore[arg-type]
    with pytest.raises(InvariantError, match="must be 'vi' or 'en'"):
        format_period(Q(2022, 1), locale="fr")  # type: ignore[arg-type]


periods = st.builds(
    ReportingPeriod.quarter, st.integers(min_value=1946, max_value=2199), st.integers(min_value=1, max_value=4)
) | st.builds(
    ReportingPeriod.month, st.integers(min_value=1946, max_value=2199), st.integers(min_value=1, max_value=12)
)


@given(st.lists(periods, min_size=1, max_size=4, unique_by=str))
def test_every_period_of_a_within_is_named(chosen: list[ReportingPeriod]) -> None:
    timeframe = Within(periods=chosen)
    vi = format_timeframe(timeframe, locale="vi")
    en = format_timeframe(timeframe, locale="en")
    assert vi.startswith("Trong ")
    assert en.startswith("Within ")
    for period in chosen:
        assert str(period.year) in vi
        assert str(period.year) in en
    assert "\n" not in vi
    assert "\n" not in en


@pytest.mark.parametrize("year", YEARS)
def test_working_days(year: int) -> None:
    after = WithinWorkingDays(days=2, cutoff_of=Q(year, 1))
    assert (
        format_timeframe(after, locale="vi") == f"Trong 02 ngày làm việc kể từ ngày chốt số liệu báo cáo Quý I/{year}"
    )
    assert format_timeframe(after, locale="en") == f"Within 2 working days after the data cut-off for Q1 {year}"
    one = WithinWorkingDays(days=1, after=date(year, 3, 4))
    assert format_timeframe(one, locale="vi") == f"Trong 01 ngày làm việc kể từ ngày 04/3/{year}"
    assert format_timeframe(one, locale="en") == f"Within 1 working day after 4 March {year}"
    twelve = WithinWorkingDays(days=12, cutoff_of=Y(year))
    assert format_timeframe(twelve, locale="vi") == f"Trong 12 ngày làm việc kể từ ngày chốt số liệu báo cáo năm {year}"
