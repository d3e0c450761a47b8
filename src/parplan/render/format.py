"""Formatting values for people, in Vietnamese or English, with the locale always explicit.

Numbers, percentages and money go through babel (CLDR data), so separators are
the ones each language uses: ``90,73`` and ``3.773`` in Vietnamese, ``90.73``
and ``3,773`` in English. Formatting is exact: a :class:`~decimal.Decimal` is
written with every digit it holds, never rounded, so what is formatted in
Vietnamese reads back as the same value.

Dates follow Decree 30/2020/NĐ-CP in Vietnamese: days 1-9 and months 1-2 take
a leading zero ("ngày 08 tháng 01 năm 2022", "14/3/2022"). Timeframes and
targets are written the way plans write them ("Trong Quý I/2022", "đạt tối
thiểu 50%") or in plain English ("Within Q1 2022", "at least 50%").

No function here reads the environment's locale or the clock.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Literal, TypeAlias

import babel
import babel.dates
import babel.numbers

from parplan.errors import InvariantError
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.render.messages import Locale, check_locale, message
from parplan.targets import Baseline, Comparator, Target, Unit
from parplan.text.normalize import fold
from parplan.timeframes import (
    Before,
    Between,
    Compound,
    Frequency,
    OnDate,
    OnEvent,
    OpenEnded,
    PartOf,
    Recurring,
    SchoolTerm,
    SimpleTimeframe,
    Since,
    Span,
    SpanKind,
    Timeframe,
    Within,
    WithinWorkingDays,
)

__all__ = [
    "DateStyle",
    "MoneyScale",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_period",
    "format_target",
    "format_timeframe",
    "roman",
]

DateStyle: TypeAlias = Literal["long", "short"]
"""``"long"``: "ngày 08 tháng 01 năm 2022" / "8 January 2022"; ``"short"``: "08/01/2022" / "8 Jan 2022"."""

MoneyScale: TypeAlias = Literal["auto", "million", "dong"]
"""How to write an amount of money: in millions of đồng, in đồng, or whichever is exact and shorter."""

_MILLION = 1_000_000


@functools.cache
def _babel_locale(locale: Locale) -> babel.Locale:
    return babel.Locale.parse(locale)


def _decimal(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise InvariantError(where, value, "must be a Decimal or an int")
    number = Decimal(value)
    if not number.is_finite():
        raise InvariantError(where, value, "must be a finite number")
    return number


def _exact(number: Decimal, locale: Locale, *, percent: bool = False) -> str:
    """``number`` with the separators of ``locale`` and exactly the digits it holds.

    With ``percent``, ``number`` is in percent and the locale's percent pattern
    is used (babel multiplies by 100, so the value is scaled down first).
    """
    if number.is_zero():
        number = number.copy_abs()
    if percent:
        number = number.scaleb(-2)
    _, digits, exponent = number.as_tuple()
    places = max(0, -int(exponent) - (2 if percent else 0))
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with decimal.localcontext() as context:
        context.prec = max(28, len(digits) + abs(int(exponent)) + 2)
        if percent:
            return babel.numbers.format_percent(number, format=pattern + "%", locale=_babel_locale(locale))
        return babel.numbers.format_decimal(number, format=pattern, locale=_babel_locale(locale))


def format_number(value: Decimal | int, *, locale: Locale) -> str:
    """A number with the separators of ``locale``, every digit kept.

    >>> from decimal import Decimal
    >>> format_number(Decimal("90.73"), locale="vi"), format_number(Decimal("90.73"), locale="en")
    ('90,73', '90.73')
    >>> format_number(3773, locale="vi"), format_number(3773, locale="en")
    ('3.773', '3,773')
    """
    loc = check_locale(locale)
    return _exact(_decimal(value, "format_number.value"), loc)


def format_percent(value: Decimal | int, *, locale: Locale) -> str:
    """A percentage given in percent (``90`` is 90 %): "90,5%" / "90.5%".

    >>> from decimal import Decimal
    >>> format_percent(Decimal("90.5"), locale="vi"), format_percent(Decimal("90.5"), locale="en")
    ('90,5%', '90.5%')
    """
    loc = check_locale(locale)
    return _exact(_decimal(value, "format_percent.value"), loc, percent=True)


def format_money(amount: int, *, locale: Locale, scale: MoneyScale = "auto") -> str:
    """An amount in đồng: "3.773 triệu đồng" / "VND 3,773 million", or "500.000 đồng" / "VND 500,000".

    ``scale="million"`` always writes millions (exactly, with decimals when
    needed), ``"dong"`` always đồng, and ``"auto"`` (the default) writes
    millions for amounts of a million or more that are whole thousands of
    đồng, and đồng otherwise.

    >>> format_money(3_773_000_000, locale="vi"), format_money(3_773_000_000, locale="en")
    ('3.773 triệu đồng', 'VND 3,773 million')
    >>> format_money(500_000, locale="vi")
    '500.000 đồng'
    """
    loc = check_locale(locale)
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InvariantError("format_money.amount", amount, "must be an int number of đồng")
    if scale not in ("auto", "million", "dong"):
        raise InvariantError("format_money.scale", scale, "must be 'auto', 'million' or 'dong'")
    in_millions = scale == "million" or (scale == "auto" and abs(amount) >= _MILLION and amount % 1000 == 0)
    if in_millions:
        return message("money.million", loc, amount=_exact(millions(amount), loc))
    return message("money.dong", loc, amount=_exact(Decimal(amount), loc))


def millions(amount: int) -> Decimal:
    """An amount of đồng in millions, exactly and without trailing zeros (150_000_000 → 150)."""
    value = Decimal(amount).scaleb(-6).normalize()
    _, _, exponent = value.as_tuple()
    return value.quantize(Decimal(1)) if int(exponent) > 0 else value


def _pad_day(day: int) -> str:
    return f"{day:02d}"


def _pad_month(month: int) -> str:
    """Decree 30/2020/NĐ-CP: months 1 and 2 take a leading zero, 3-12 do not."""
    return f"{month:02d}" if month < 3 else str(month)


def format_date(day: date, *, locale: Locale, style: DateStyle = "long") -> str:
    """A date as official documents write it.

    >>> from datetime import date
    >>> format_date(date(2022, 1, 8), locale="vi"), format_date(date(2022, 1, 8), locale="en")
    ('ngày 08 tháng 01 năm 2022', '8 January 2022')
    >>> day = date(2022, 3, 14)
    >>> format_date(day, locale="vi", style="short"), format_date(day, locale="en", style="short")
    ('14/3/2022', '14 Mar 2022')
    """
    loc = check_locale(locale)
    if not isinstance(day, date):
        raise InvariantError("format_date.day", day, "must be a date")
    if style not in ("long", "short"):
        raise InvariantError("format_date.style", style, "must be 'long' or 'short'")
    if loc == "vi":
        if style == "long":
            return f"ngày {_pad_day(day.day)} tháng {_pad_month(day.month)} năm {day.year}"
        return f"{_pad_day(day.day)}/{_pad_month(day.month)}/{day.year}"
    pattern = "d MMMM y" if style == "long" else "d MMM y"
    return babel.dates.format_date(day, format=pattern, locale=_babel_locale(loc))


def roman(number: int) -> str:
    """``number`` (1-3999) in Roman numerals, as plans number their sections and quarters.

    >>> roman(4), roman(9), roman(14)
    ('IV', 'IX', 'XIV')
    """
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 3999:
        raise InvariantError("roman.number", number, "must be an integer from 1 to 3999")
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    parts: list[str] = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def _join(items: Sequence[str], locale: Locale) -> str:
    """Items joined as "a, b và c" / "a, b and c"."""
    if len(items) == 1:
        return items[0]
    return message("list.and", locale, head=", ".join(items[:-1]), last=items[-1])


def ordinal_en(number: int) -> str:
    """An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st and so on."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


# Periods -------------------------------------------------------------------------------------------


def format_period(period: ReportingPeriod, *, locale: Locale) -> str:
    """A reporting period as documents name it: "Quý I/2022" / "Q1 2022" (see :meth:`ReportingPeriod.label`).

    >>> from parplan import ReportingPeriod
    >>> format_period(ReportingPeriod.half(2022, 1), locale="vi")
    '6 tháng đầu năm 2022'
    """
    loc = check_locale(locale)
    if not isinstance(period, ReportingPeriod):
        raise InvariantError("format_period.period", period, "must be a ReportingPeriod")
    return period.label(loc)


def period_phrase(period: ReportingPeriod, locale: Locale) -> str:
    """A reporting period inside a sentence: "tháng 01/2022", "Quý I/2022" / "January 2022", "the first half …"."""
    kind = period.kind
    if kind is PeriodKind.YEAR:
        return message("period.year", locale, year=period.year)
    if kind is PeriodKind.HALF:
        return message(f"period.half.{period.index}", locale, year=period.year)
    if kind is PeriodKind.QUARTER:
        return message("period.quarter", locale, roman=roman(period.index), index=period.index, year=period.year)
    if kind is PeriodKind.MONTH:
        month_name = babel.dates.get_month_names("wide", locale=_babel_locale(locale))[period.index]
        return message("period.month", locale, month=period.index, month_name=month_name, year=period.year)
    return message("period.nine_months", locale, year=period.year)


def _periods_phrase(periods: Sequence[ReportingPeriod], locale: Locale) -> str:
    years = {p.year for p in periods}
    if len(periods) > 1 and len(years) == 1 and all(p.kind is PeriodKind.QUARTER for p in periods):
        year = periods[0].year
        return message(
            "period.quarters",
            locale,
            romans=", ".join(roman(p.index) for p in periods),
            quarters=_join([f"Q{p.index}" for p in periods], locale),
            year=year,
        )
    phrases = [period_phrase(p, locale) for p in periods]
    return ", ".join(phrases) if locale == "vi" else _join(phrases, locale)


# Timeframes ----------------------------------------------------------------------------------------

_VI_LEAD_WORDS = frozenset(
    {"trong", "truoc", "tu", "thuong", "hang", "ngay", "giai", "nhiem", "khi", "sau", "theo", "dot", "thang", "nam"}
)


def _inline_vi(phrase: str) -> str:
    """A Vietnamese timeframe phrase as it reads after an action: "Trong tháng 01/2021" → "trong tháng 01/2021"."""
    first = fold(phrase.split(" ", 1)[0]) if phrase else ""
    if first in _VI_LEAD_WORDS:
        return phrase[0].lower() + phrase[1:]
    return phrase


def inline_timeframe(timeframe: Timeframe, locale: Locale) -> str:
    """A timeframe as it reads inside a sentence ("thời gian: trong Quý I/2022"): one line, as written in Vietnamese.

    >>> from parplan import ReportingPeriod, Within
    >>> inline_timeframe(Within(periods=[ReportingPeriod.quarter(2022, 1)]), "vi")
    'trong Quý I/2022'
    """
    phrase = format_timeframe(timeframe, locale=locale, as_written=locale == "vi")
    phrase = "; ".join(line.removeprefix("- ") for line in phrase.split("\n") if line.strip())
    return _inline_vi(phrase) if locale == "vi" else phrase


def and_list(items: Sequence[str], locale: Locale) -> str:
    """Items joined as "a, b và c" / "a, b and c"."""
    return _join(items, locale)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _frequencies(frequencies: Sequence[Frequency], locale: Locale) -> str:
    words = [message(f"frequency.{f.value}", locale) for f in frequencies]
    words = [words[0]] + [w[0].lower() + w[1:] for w in words[1:]]
    return _join(words, locale)


def _day(day: date, locale: Locale) -> str:
    return format_date(day, locale=locale, style="short" if locale == "vi" else "long")


def _within(periods: Sequence[ReportingPeriod], locale: Locale) -> str:
    if len(periods) == 1 and periods[0].kind is PeriodKind.YEAR:
        return message("timeframe.within_year", locale, year=periods[0].year)
    return message("timeframe.within", locale, period=_periods_phrase(periods, locale))


_EVENT_LEADS = (
    "khi",
    "sau khi",
    "truoc khi",
    "ngay sau khi",
    "ngay khi",
    "ke tu",
    "tu ngay",
    "trong",
    "sau",
    "truoc",
    "cham nhat",
)
"""Words an event's own phrase begins with ("Sau khi …", "Trong 15 ngày kể từ ngày nhận …", "trước đợt …"):
written as it stands, not after "Khi"."""


def _starts_with(text: str, *words: str) -> bool:
    folded = fold(text)
    return any(folded == word or folded.startswith(word + " ") for word in words)


def _simple(timeframe: SimpleTimeframe, locale: Locale) -> str:  # noqa: C901, PLR0912 - one branch per kind
    if isinstance(timeframe, Before):
        return message("timeframe.before", locale, day=_day(timeframe.day, locale))
    if isinstance(timeframe, OnDate):
        return message("timeframe.on_date", locale, day=_day(timeframe.day, locale))
    if isinstance(timeframe, Between):
        return message(
            "timeframe.between", locale, start=_day(timeframe.start, locale), end=_day(timeframe.end, locale)
        )
    if isinstance(timeframe, Within):
        return _within(timeframe.periods, locale)
    if isinstance(timeframe, Span):
        key = "timeframe.term" if timeframe.span_kind is SpanKind.TERM else "timeframe.span"
        return message(key, locale, start=timeframe.start_year, end=timeframe.end_year)
    if isinstance(timeframe, OpenEnded):
        return message("timeframe.open_ended", locale, year=timeframe.from_year)
    if isinstance(timeframe, Since):
        return message("timeframe.since", locale, day=_day(timeframe.day, locale))
    if isinstance(timeframe, PartOf):
        number = "" if timeframe.number is None else f"{timeframe.number:02d}" if locale == "vi" else timeframe.number
        period = period_phrase(timeframe.period, locale)
        return message(f"timeframe.part.{timeframe.part.value}", locale, number=number, period=period)
    if isinstance(timeframe, Recurring):
        frequency = _frequencies(timeframe.frequencies, locale)
        within = timeframe.within
        if within is None:
            return frequency
        if within.kind is PeriodKind.YEAR:
            return message("timeframe.recurring_within_year", locale, frequency=frequency, year=within.year)
        return message("timeframe.recurring_within", locale, frequency=frequency, period=period_phrase(within, locale))
    if isinstance(timeframe, WithinWorkingDays):
        return _working_days(timeframe, locale)
    if isinstance(timeframe, OnEvent):
        event = timeframe.event
        if locale == "vi" and (_starts_with(event, *_EVENT_LEADS) or event[:1].isdigit()):
            return message("timeframe.on_event", locale, event=_capitalise(event))
        return message("timeframe.on_event_prefix", locale, event=event)
    if isinstance(timeframe, SchoolTerm):
        school = _school_phrase(timeframe, locale)
        if timeframe.part is None:
            return message("timeframe.school", locale, school=school)
        return message(f"timeframe.part.{timeframe.part.value}", locale, number="", period=school)
    schedule = timeframe.schedule
    if locale == "vi" and _starts_with(schedule, "theo"):
        phrase = message("timeframe.per_schedule", locale, schedule=_capitalise(schedule))
    else:
        phrase = message("timeframe.per_schedule_prefix", locale, schedule=schedule)
    if timeframe.within is None:
        return phrase
    bound = _within((timeframe.within,), locale)
    if locale == "vi":
        phrase = phrase[0].lower() + phrase[1:]
        return message("timeframe.per_schedule_within", locale, within=bound, schedule=phrase)
    return message("timeframe.per_schedule_within", locale, within=bound, schedule=schedule)


def _school_phrase(timeframe: SchoolTerm, locale: Locale) -> str:
    """A school year or term as it reads inside a sentence: "học kỳ II năm học 2025-2026".

    >>> from parplan import SchoolTerm
    >>> _school_phrase(SchoolTerm(school_year=2025, term=2), "vi")
    'học kỳ II năm học 2025-2026'
    >>> _school_phrase(SchoolTerm(school_year=2025), "en")
    'the 2025-2026 school year'
    """
    start, end = timeframe.school_year, timeframe.school_year + 1
    if timeframe.term is None:
        return message("school.year", locale, start=start, end=end)
    return message("school.term", locale, roman=roman(timeframe.term), index=timeframe.term, start=start, end=end)


def _working_days(timeframe: WithinWorkingDays, locale: Locale) -> str:
    """Working days in words; Vietnamese writes numbers below 10 with a zero ("Trong 02 ngày làm việc …")."""
    days = {
        "days": f"{timeframe.days:02d}",
        "days_en": timeframe.days,
        "noun": "day" if timeframe.days == 1 else "days",
    }
    if timeframe.cutoff_of is not None:
        period = period_phrase(timeframe.cutoff_of, locale)
        return message("timeframe.working_days_cutoff", locale, period=period, **days)
    return message("timeframe.working_days_after", locale, day=_day(timeframe.counted_from, locale), **days)


def format_timeframe(timeframe: Timeframe, *, locale: Locale, as_written: bool = False) -> str:
    """A timeframe in words: "Trong Quý I/2022" / "Within Q1 2022".

    With ``as_written=True`` the phrase the plan wrote (``timeframe.text``) is
    returned when there is one, so a Vietnamese document stays faithful to its
    source; otherwise the words are generated from the typed value. A compound
    cell gives one line per step, each starting with "- ".

    >>> from parplan import Before, Recurring, Frequency, ReportingPeriod, Within
    >>> from datetime import date
    >>> format_timeframe(Within(periods=[ReportingPeriod.quarter(2022, 1)]), locale="vi")
    'Trong Quý I/2022'
    >>> format_timeframe(Before(day=date(2020, 12, 31)), locale="en")
    'By 31 December 2020'
    >>> every = Recurring(frequencies=[Frequency.CONTINUOUS], within=ReportingPeriod.year_of(2022))
    >>> format_timeframe(every, locale="vi"), format_timeframe(every, locale="en")
    ('Thường xuyên trong năm 2022', 'Continuously during 2022')
    """
    loc = check_locale(locale)
    if as_written and timeframe.text is not None:
        return timeframe.text
    if not isinstance(timeframe, Compound):
        return _simple(timeframe, loc)
    lines: list[str] = []
    for step in timeframe.steps:
        written = step.timeframe.text if as_written else None
        when = written if written is not None else _simple(step.timeframe, loc)
        if step.action is None:
            line = when
        elif loc == "vi":
            line = message("timeframe.step", loc, action=step.action, timeframe=_inline_vi(when))
        else:
            line = message("timeframe.step", loc, action=step.action, timeframe=when)
        lines.append(line)
    if len(lines) == 1:
        return lines[0]
    return "\n".join(f"- {line}" for line in lines)


# Targets -------------------------------------------------------------------------------------------


def quantity(value: Decimal, unit: Unit | None, locale: Locale, *, out_of: int | None = None) -> str:
    """A value in its unit: "50%", "90,73 điểm", "3.773 triệu đồng", "5 ngày", "4/25" (ranks)."""
    if unit is Unit.PERCENT:
        return format_percent(value, locale=locale)
    if unit is Unit.VND:
        if value != value.to_integral_value():
            raise InvariantError("Target.value", str(value), "must be a whole number of đồng for the unit 'VND'")
        return format_money(int(value), locale=locale)
    number = _exact(value, locale)
    if unit is Unit.POINTS:
        return message("quantity.point" if value == 1 else "quantity.points", locale, value=number)
    if unit is Unit.DAYS:
        return message("quantity.day" if value == 1 else "quantity.days", locale, value=number)
    if unit is Unit.PERCENTAGE_POINT:
        key = "quantity.percentage_point" if value == 1 else "quantity.percentage_points"
        return message(key, locale, value=number)
    if unit is Unit.RANK:
        return _rank(value, out_of, locale)
    return number


def _rank(value: Decimal, out_of: int | None, locale: Locale) -> str:
    number = _exact(value, locale)
    if locale == "en" and value == value.to_integral_value() and value > 0:
        number = ordinal_en(int(value))
    if out_of is None:
        return number
    return message("rank.of", locale, rank=number, out_of=_exact(Decimal(out_of), locale))


_ABSOLUTE_KEYS = {
    Comparator.GE: "ge",
    Comparator.GT: "gt",
    Comparator.EQ: "eq",
    Comparator.LE: "le",
    Comparator.LT: "lt",
}


def _baseline_unit(baseline: Baseline, target: Target) -> Unit | None:
    """The unit of a baseline's value: its own, else the target's (a step in % leaves it unknown)."""
    if baseline.unit is not None:
        return baseline.unit
    if target.unit is Unit.PERCENTAGE_POINT:
        return Unit.PERCENT
    if target.unit is Unit.PERCENT and target.comparator is not Comparator.MAINTAIN:
        return None  # "giảm 10%" of 2 tỷ đồng: a share of a baseline in any unit
    return target.unit


def _baseline(phrase: str, baseline: Baseline | None, target: Target, locale: Locale) -> str:
    if baseline is None:
        return message("target.baseline_unknown", locale, target=phrase)
    if baseline.value is not None:
        value = quantity(baseline.value, _baseline_unit(baseline, target), locale, out_of=baseline.out_of)
    if baseline.year is not None:
        result = message("target.baseline_year", locale, target=phrase, year=baseline.year)
    elif baseline.period is not None:
        result = message("target.baseline_period", locale, target=phrase, period=period_phrase(baseline.period, locale))
    elif baseline.value is not None:
        return message("target.baseline_value", locale, target=phrase, value=value)
    else:  # a reference named in words only: "kế hoạch", "dự toán được giao"
        return message("target.baseline_text", locale, target=phrase, text=baseline.text)
    return f"{result} ({value})" if baseline.value is not None else result


def _relative(target: Target, locale: Locale) -> str:
    comparator = target.comparator
    if comparator is Comparator.MAINTAIN:
        phrase = message("target.maintain", locale)
    else:
        name = "increase" if comparator is Comparator.INCREASE else "decrease"
        if target.value is None or target.value == 0:
            phrase = message(f"target.{name}_any", locale)
        else:
            if target.unit is Unit.RANK:
                key = "rank.place" if target.value == 1 else "rank.places"
                step = message(key, locale, value=_exact(target.value, locale))
            else:
                step = quantity(target.value, target.unit, locale)
            phrase = message(f"target.{name}", locale, value=step)
    return _baseline(phrase, target.baseline, target, locale)


def _absolute(target: Target, value: Decimal, locale: Locale) -> str:
    key = _ABSOLUTE_KEYS[target.comparator]
    if target.unit is not Unit.RANK:
        return message(f"target.{key}", locale, value=quantity(value, target.unit, locale))
    if target.comparator is Comparator.LE:  # "in the top 5 of 25": the position itself, not an ordinal
        number = _exact(value, locale)
        if target.out_of is None:
            return message("rank.le_open", locale, rank=number)
        out_of = _exact(Decimal(target.out_of), locale)
        return message("rank.le", locale, rank=f"{number}/{out_of}" if locale == "vi" else number, out_of=out_of)
    return message(
        f"rank.{key}", locale, rank=_rank(value, target.out_of, "vi"), rank_en=_rank(value, target.out_of, "en")
    )


def format_target(target: Target, *, locale: Locale, as_written: bool = False) -> str:
    """A target in words: "đạt tối thiểu 50%" / "at least 50%".

    The subject, when the target names one, comes first ("sự hài lòng của
    người dân: đạt tối thiểu 90%"), except that Vietnamese counts name what
    they count after the number ("đạt tối thiểu 2 sáng kiến", "không có cán bộ
    vi phạm"). Relative targets name their baseline ("tăng 2 bậc so với năm
    2021" / "up 2 places compared with 2021"); a horizon is added in
    parentheses. With ``as_written=True`` the phrase the plan wrote
    (``target.text``) is returned when there is one.

    >>> from decimal import Decimal
    >>> from parplan import Comparator, Target, Unit
    >>> at_least = Target(comparator=Comparator.GE, value=Decimal(50), unit=Unit.PERCENT)
    >>> format_target(at_least, locale="vi"), format_target(at_least, locale="en")
    ('đạt tối thiểu 50%', 'at least 50%')
    >>> ideas = Target(comparator=Comparator.GE, value=Decimal(2), unit=Unit.COUNT, subject="sáng kiến")
    >>> format_target(ideas, locale="vi"), format_target(ideas, locale="en")
    ('đạt tối thiểu 2 sáng kiến', 'sáng kiến: at least 2')
    """
    loc = check_locale(locale)
    if as_written and target.text is not None:
        return target.text
    counted = target.unit is Unit.COUNT and target.subject is not None
    if target.is_relative:
        phrase = _relative(target, loc)
    elif target.value is None:  # pragma: no cover - excluded by Target's invariants
        raise InvariantError("Target.value", None, "is required for an absolute target")
    elif target.comparator is Comparator.EQ and target.value == 0 and target.unit in (Unit.COUNT, None):
        # "không có cán bộ, công chức vi phạm": nobody, nothing
        key = "target.none" if target.subject is None else "target.none_of"
        return _horizon(message(key, loc, subject=target.subject), target, loc)
    else:
        phrase = _absolute(target, target.value, loc)
    if target.subject is not None:
        key = "target.counted" if counted else "target.subject"
        phrase = message(key, loc, subject=target.subject, target=phrase)
    return _horizon(phrase, target, loc)


def _horizon(phrase: str, target: Target, locale: Locale) -> str:
    if target.horizon is None:
        return phrase
    return message("target.horizon", locale, target=phrase, day=_day(target.horizon, locale))
