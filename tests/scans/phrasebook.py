"""Synthetic CCHC plans for the scanned corpus: phrases in the patterns real plans use, with the values they mean.

Every maker returns the phrase as an official would write it and the typed value
that phrase means, built with the parplan API independently of the parsers, so
that the generator can check the parsers' clean reading against it. Numbers,
dates, years, wordings and the padding of numbers vary with the seeded
generator; the wordings follow the patterns of ``tests/cases/*.toml`` and of the
example plans.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import attrs

from parplan import (
    AdminLevel,
    AdminUnit,
    Authority,
    Baseline,
    Before,
    Between,
    CollectiveParty,
    Comparator,
    Compound,
    DocumentSymbol,
    LegalReference,
    Milestone,
    Objective,
    OnDate,
    OnEvent,
    OpenEnded,
    Organisation,
    PerSchedule,
    Plan,
    Recurring,
    ReformArea,
    ReportingPeriod,
    Responsibility,
    Signature,
    SigningCapacity,
    Span,
    SpanKind,
    Step,
    SymbolForm,
    Target,
    Task,
    Timeframe,
    Unit,
    UnitKind,
    Within,
    WithinWorkingDays,
)
from parplan.org import TWO_TIER_FROM
from parplan.source import SourceLocation
from parplan.timeframes import Frequency, SimpleTimeframe

ROMAN = ("I", "II", "III", "IV")


def _day(day: date, *, pad: bool) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if pad else f"{day.day}/{day.month}/{day.year}"


def _words_day(day: date, *, pad: bool) -> str:
    number = f"{day.day:02d}" if pad else str(day.day)
    return f"ngày {number} tháng {day.month} năm {day.year}"


def _number(value: int) -> str:
    """A whole number as Vietnamese print groups it: 1.250, 12.450."""
    return f"{value:,}".replace(",", ".")


def _decimal(value: Decimal) -> str:
    """A decimal as Vietnamese writes it: 87,5."""
    return str(value).replace(".", ",")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, quarter: int) -> date:
    return _month_end(year, quarter * 3)


# -- deadlines -------------------------------------------------------------------------------------


class Deadlines:
    """Deadline phrases of a plan of ``year``: (phrase, timeframe)."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng = rng
        self.year = year

    def pick(self) -> tuple[str, Timeframe]:
        """One deadline, the common patterns more often than the rare ones."""
        makers: list[tuple[Callable[[], tuple[str, Timeframe]], int]] = [
            (self.before, 10),
            (self.before_words, 2),
            (self.before_month, 3),
            (self.before_quarter, 3),
            (self.before_year, 1),
            (self.on_day, 3),
            (self.between, 3),
            (self.period_range, 3),
            (self.day_of_plan_year, 2),
            (self.month, 9),
            (self.months, 2),
            (self.quarter, 10),
            (self.quarters, 4),
            (self.half, 4),
            (self.whole_year, 7),
            (self.span, 2),
            (self.open_ended, 1),
            (self.recurring, 12),
            (self.event, 4),
            (self.schedule, 3),
            (self.working_days, 3),
            (self.compound, 3),
        ]
        maker = self.rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        return maker()

    def _pad(self) -> bool:
        return self.rng.random() < 0.5

    def _date(self, year: int | None = None) -> date:
        year = self.year if year is None else year
        month = self.rng.randint(1, 12)
        if self.rng.random() < 0.3:
            return _month_end(year, month)
        return date(year, month, self.rng.choice((1, 5, 10, 14, 15, 20, 25, 28, self.rng.randint(1, 28))))

    def _later_year(self) -> int:
        return self.year + (1 if self.rng.random() < 0.15 else 0)

    def before(self) -> tuple[str, Timeframe]:
        day = self._date(self._later_year())
        lead = self.rng.choice(
            (
                "Trước ngày",
                "trước ngày",
                "Hoàn thành trước ngày",
                "Chậm nhất ngày",
                "chậm nhất là ngày",
                "Đến ngày",
                "Hạn chót:",
                "Ban hành kế hoạch trước ngày",
                "Gửi báo cáo trước ngày",
                "Trước",
            )
        )
        return f"{lead} {_day(day, pad=self._pad())}", Before(day=day)

    def before_words(self) -> tuple[str, Timeframe]:
        day = self._date()
        lead = self.rng.choice(("Trước", "trước", "Chậm nhất"))
        return f"{lead} {_words_day(day, pad=self._pad())}", Before(day=day)

    def before_month(self) -> tuple[str, Timeframe]:
        month = self.rng.randint(2, 12)
        written = f"{month:02d}" if self._pad() else str(month)
        if self.rng.random() < 0.5:
            lead = self.rng.choice(("Trước tháng", "trước tháng"))
            return f"{lead} {written}/{self.year}", Before(day=_month_end(self.year, month - 1))
        return f"chậm nhất trong tháng {written}/{self.year}", Before(day=_month_end(self.year, month))

    def before_quarter(self) -> tuple[str, Timeframe]:
        quarter = self.rng.randint(2, 4)
        if self.rng.random() < 0.5:
            lead = self.rng.choice(("Đến hết quý", "Đến hết Quý", "đến hết quý"))
            return f"{lead} {ROMAN[quarter - 1]}/{self.year}", Before(day=_quarter_end(self.year, quarter))
        lead = self.rng.choice(("Trước quý", "trước Quý"))
        return f"{lead} {ROMAN[quarter - 1]}/{self.year}", Before(day=_quarter_end(self.year, quarter - 1))

    def before_year(self) -> tuple[str, Timeframe]:
        if self.rng.random() < 0.5:
            return f"Trước năm {self.year + 1}", Before(day=date(self.year, 12, 31))
        last = self.year + self.rng.randint(1, 5)
        return f"Đến năm {last}", Before(day=date(last, 12, 31))

    def on_day(self) -> tuple[str, Timeframe]:
        day = self._date()
        if self.rng.random() < 0.3:
            return _words_day(day, pad=self._pad()), OnDate(day=day)
        lead = self.rng.choice(("Ngày", "ngày", "Vào ngày", ""))
        return f"{lead} {_day(day, pad=self._pad())}".strip(), OnDate(day=day)

    def between(self) -> tuple[str, Timeframe]:
        start = self._date()
        end = start + timedelta(days=self.rng.randint(7, 150))
        pad = self._pad()
        if self.rng.random() < 0.7:
            lead = self.rng.choice(("Từ ngày", "từ ngày"))
            return f"{lead} {_day(start, pad=pad)} đến ngày {_day(end, pad=pad)}", Between(start=start, end=end)
        return f"từ {_day(start, pad=pad)} - {_day(end, pad=pad)}", Between(start=start, end=end)

    def period_range(self) -> tuple[str, Timeframe]:
        """A range of quarters or months, read as the days between their ends."""
        if self.rng.random() < 0.5:
            first = self.rng.randint(1, 2)
            last = self.rng.randint(first + 1, 4)
            start = date(self.year, first * 3 - 2, 1)
            end = _quarter_end(self.year, last)
            if self.rng.random() < 0.5:
                text = f"Từ quý {ROMAN[first - 1]} đến quý {ROMAN[last - 1]} năm {self.year}"
            else:
                text = f"Quý {ROMAN[first - 1]} - {ROMAN[last - 1]}/{self.year}"
            return text, Between(start=start, end=end)
        first = self.rng.randint(1, 9)
        last = self.rng.randint(first + 1, 12)
        start, end = date(self.year, first, 1), _month_end(self.year, last)
        if self.rng.random() < 0.5:
            return f"từ tháng {first} đến tháng {last}/{self.year}", Between(start=start, end=end)
        return f"tháng {first} - tháng {last}/{self.year}", Between(start=start, end=end)

    def day_of_plan_year(self) -> tuple[str, Timeframe]:
        """A day written without its year: the plan's year."""
        day = self._date()
        written = f"{day.day}/{day.month}" if self.rng.random() < 0.5 else f"{day.day:02d}/{day.month:02d}"
        if self.rng.random() < 0.6:
            return f"Trước ngày {written}", Before(day=day)
        return f"ngày {written}", OnDate(day=day)

    def month(self) -> tuple[str, Timeframe]:
        month = self.rng.randint(1, 12)
        written = f"{month:02d}" if self._pad() else str(month)
        period = Within(periods=(ReportingPeriod.month(self.year, month),))
        choice = self.rng.randrange(6)
        if choice == 0:
            return f"Tháng {written}/{self.year}", period
        if choice == 1:
            return f"Trong tháng {written}/{self.year}", period
        if choice == 2:
            return f"tháng {month} năm {self.year}", period
        if choice == 3:
            action = self.rng.choice(("Ban hành Kế hoạch", "Ban hành văn bản", "Tổ chức hội nghị", "Triển khai"))
            return f"{action} trong tháng {written}/{self.year}", period
        if choice == 4:
            return f"Trong tháng {month:02d}", period  # the plan's year
        return f"tháng {written}/{self.year}", period

    def months(self) -> tuple[str, Timeframe]:
        first = self.rng.randint(1, 11)
        second = first + 1
        period = Within(periods=(ReportingPeriod.month(self.year, first), ReportingPeriod.month(self.year, second)))
        if self.rng.random() < 0.5:
            return f"Tháng {first}, {second}/{self.year}", period
        return f"tháng {first} và tháng {second}/{self.year}", period

    def quarter(self) -> tuple[str, Timeframe]:
        quarter = self.rng.randint(1, 4)
        roman = ROMAN[quarter - 1]
        period = Within(periods=(ReportingPeriod.quarter(self.year, quarter),))
        choice = self.rng.randrange(7)
        if choice == 0:
            return f"Quý {roman}/{self.year}", period
        if choice == 1:
            return f"Trong quý {roman}/{self.year}", period
        if choice == 2:
            return f"quý {quarter}/{self.year}", period
        if choice == 3:
            return f"Quý {roman} năm {self.year}", period
        if choice == 4:
            action = self.rng.choice(("Ban hành kế hoạch", "Báo cáo kết quả", "Tổ chức kiểm tra", "Hoàn thành"))
            return f"{action} trong Quý {roman}/{self.year}", period
        if choice == 5:
            return f"trong quý {roman}", period  # the plan's year
        return f"QUÝ {roman}/{self.year}", period

    def quarters(self) -> tuple[str, Timeframe]:
        choice = self.rng.randrange(3)
        if choice == 0:
            first = self.rng.randint(1, 2)
            quarters = range(first, self.rng.randint(first + 1, 4) + 1)
            periods = tuple(ReportingPeriod.quarter(self.year, q) for q in quarters)
            return f"Quý {', '.join(ROMAN[q - 1] for q in quarters)}/{self.year}", Within(periods=periods)
        if choice == 1:
            first = self.rng.randint(1, 3)
            periods = (ReportingPeriod.quarter(self.year, first), ReportingPeriod.quarter(self.year, first + 1))
            return f"Quý {ROMAN[first - 1]} và quý {ROMAN[first]} năm {self.year}", Within(periods=periods)
        periods = (ReportingPeriod.quarter(self.year, 4), ReportingPeriod.quarter(self.year + 1, 1))
        return f"Quý IV/{self.year}, Quý I/{self.year + 1}", Within(periods=periods)

    def half(self) -> tuple[str, Timeframe]:
        choice = self.rng.randrange(5)
        if choice == 0:
            return f"6 tháng đầu năm {self.year}", Within(periods=(ReportingPeriod.half(self.year, 1),))
        if choice == 1:
            return f"6 tháng cuối năm {self.year}", Within(periods=(ReportingPeriod.half(self.year, 2),))
        if choice == 2:
            return f"sáu tháng đầu năm {self.year}", Within(periods=(ReportingPeriod.half(self.year, 1),))
        if choice == 3:
            return f"Trong 6 tháng cuối năm {self.year}", Within(periods=(ReportingPeriod.half(self.year, 2),))
        return f"9 tháng đầu năm {self.year}", Within(periods=(ReportingPeriod.nine_months(self.year),))

    def whole_year(self) -> tuple[str, Timeframe]:
        period = Within(periods=(ReportingPeriod.year_of(self.year),))
        if self.rng.random() < 0.1:
            years = (ReportingPeriod.year_of(self.year), ReportingPeriod.year_of(self.year + 1))
            return f"Trong năm {self.year}, {self.year + 1}", Within(periods=years)
        lead = self.rng.choice(
            ("Trong năm", "trong năm", "Cả năm", "Năm", "Tổ chức thực hiện trong năm", "Trong năm", "Trong năm")
        )
        if lead in {"Trong năm", "trong năm"} and self.rng.random() < 0.3:
            return lead, period  # the plan's year
        return f"{lead} {self.year}", period

    def span(self) -> tuple[str, Timeframe]:
        start = self.rng.choice((2020, 2021, 2021, 2025, 2026))
        if self.rng.random() < 0.3:
            return f"nhiệm kỳ {start} - {start + 5}", Span(
                start_year=start, end_year=start + 5, span_kind=SpanKind.TERM
            )
        end = start + self.rng.choice((4, 5, 9))
        choice = self.rng.randrange(3)
        if choice == 0:
            return f"giai đoạn {start}-{end}", Span(start_year=start, end_year=end)
        if choice == 1:
            return f"Giai đoạn {start} - {end}", Span(start_year=start, end_year=end)
        return f"từ năm {start} đến năm {end}", Span(start_year=start, end_year=end)

    def open_ended(self) -> tuple[str, Timeframe]:
        year = self.year + self.rng.randint(0, 1)
        lead = self.rng.choice(("Từ năm {} trở đi", "kể từ năm {}", "năm {} và những năm tiếp theo"))
        return lead.format(year), OpenEnded(from_year=year)

    def recurring(self) -> tuple[str, Timeframe]:
        year = ReportingPeriod.year_of(self.year)
        options: list[tuple[str, tuple[Frequency, ...], ReportingPeriod | None]] = [
            ("Thường xuyên", (Frequency.CONTINUOUS,), None),
            ("Thường xuyên", (Frequency.CONTINUOUS,), None),
            (f"Thường xuyên trong năm {self.year}", (Frequency.CONTINUOUS,), year),
            (f"Thường xuyên trong năm {self.year}", (Frequency.CONTINUOUS,), year),
            ("Thường xuyên trong năm", (Frequency.CONTINUOUS,), year),
            (f"Thường xuyên năm {self.year}", (Frequency.CONTINUOUS,), year),
            ("hàng quý", (Frequency.QUARTERLY,), None),
            ("Hàng tháng", (Frequency.MONTHLY,), None),
            ("Hằng năm", (Frequency.YEARLY,), None),
            ("hàng năm", (Frequency.YEARLY,), None),
            ("hàng tuần, hàng tháng", (Frequency.WEEKLY, Frequency.MONTHLY), None),
            ("Thường xuyên, đột xuất", (Frequency.CONTINUOUS, Frequency.AD_HOC), None),
            (f"hàng tháng trong năm {self.year}", (Frequency.MONTHLY,), year),
            (
                f"định kỳ hàng quý, 6 tháng và năm {self.year}",
                (Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY),
                year,
            ),
            ("6 tháng một lần", (Frequency.HALF_YEARLY,), None),
            ("Báo cáo định kỳ hàng quý trong năm", (Frequency.QUARTERLY,), year),
        ]
        text, frequencies, within = self.rng.choice(options)
        return text, Recurring(frequencies=frequencies, within=within)

    def event(self) -> tuple[str, Timeframe]:
        text = self.rng.choice(
            (
                "Khi có hướng dẫn, chỉ đạo của cấp trên",
                "Khi có hướng dẫn của cấp trên",
                "Khi có thông báo của tỉnh, huyện",
                "Khi có QĐ của huyện",
                "Sau khi có văn bản của cấp trên",
                "Ngay sau khi có quyết định giao dự toán",
                "khi có sự thay đổi",
                "Trước khi tổ chức hội nghị tổng kết",
            )
        )
        return text, OnEvent(event=text)

    def schedule(self) -> tuple[str, Timeframe]:
        if self.rng.random() < 0.3:
            quarter = self.rng.randint(1, 4)
            within = ReportingPeriod.quarter(self.year, quarter)
            text = f"Quý {ROMAN[quarter - 1]}/{self.year} (theo kế hoạch của tỉnh)"
            return text, PerSchedule(schedule="kế hoạch của tỉnh", within=within)
        lead, schedule = self.rng.choice(
            (
                ("Theo", "kế hoạch của huyện"),
                ("Theo", "kế hoạch của tỉnh"),
                ("Theo", "kế hoạch của cấp trên"),
                ("Theo", "hướng dẫn của cấp trên"),
                ("Thực hiện theo", "Kế hoạch của cấp trên"),
                ("Theo", "thời gian quy định của Sở Nội vụ"),
            )
        )
        return f"{lead} {schedule}", PerSchedule(schedule=schedule)

    def working_days(self) -> tuple[str, Timeframe]:
        days = self.rng.randint(2, 15)
        written = f"{days:02d}" if days < 10 else str(days)
        if self.rng.random() < 0.5:
            day = self._date()
            while not 1 <= day.weekday() <= 4:  # a weekday that is not a Monday: far from the calendar's edges
                day += timedelta(days=1)
            lead = self.rng.choice(("Trong", "Gửi báo cáo trong"))
            return f"{lead} {written} ngày làm việc kể từ ngày {_day(day, pad=self._pad())}", WithinWorkingDays(
                days=days, after=day
            )
        if self.rng.random() < 0.6:
            quarter = self.rng.randint(1, 4)
            text = f"Trong {written} ngày làm việc kể từ ngày chốt số liệu báo cáo Quý {ROMAN[quarter - 1]}/{self.year}"
            return text, WithinWorkingDays(days=days, cutoff_of=ReportingPeriod.quarter(self.year, quarter))
        text = f"trong vòng {written} ngày làm việc sau ngày chốt số liệu 6 tháng đầu năm {self.year}"
        return text, WithinWorkingDays(days=days, cutoff_of=ReportingPeriod.half(self.year, 1))

    def compound(self) -> tuple[str, Timeframe]:
        month = self.rng.randint(1, 3)
        quarter = self.rng.randint(3, 4)
        first = Within(periods=(ReportingPeriod.month(self.year, month),))
        last = Within(periods=(ReportingPeriod.quarter(self.year, quarter),))
        choice = self.rng.randrange(3)
        if choice == 0:
            text = (
                f"- Ban hành Kế hoạch trong tháng {month:02d}/{self.year}. "
                f"- Báo cáo kết quả thực hiện Kế hoạch trong quý {ROMAN[quarter - 1]} năm {self.year}."
            )
            steps = (
                Step(action="Ban hành Kế hoạch", timeframe=first),
                Step(action="Báo cáo kết quả thực hiện Kế hoạch", timeframe=last),
            )
            return text, Compound(steps=steps)
        if choice == 1:
            first = Within(periods=(ReportingPeriod.quarter(self.year, 1),))
            text = (
                f"Ban hành kế hoạch trong Quý I/{self.year}; báo cáo kết quả trong quý {ROMAN[quarter - 1]}/{self.year}"
            )
            steps = (
                Step(action="Ban hành kế hoạch", timeframe=first),
                Step(action="báo cáo kết quả", timeframe=last),
            )
            return text, Compound(steps=steps)
        day = date(self.year, month, 15)
        every: SimpleTimeframe = Recurring(
            frequencies=(Frequency.CONTINUOUS,), within=ReportingPeriod.year_of(self.year)
        )
        text = (
            f"+ Xây dựng kế hoạch trước ngày {_day(day, pad=True)}\n"
            f"+ Tổ chức thực hiện thường xuyên trong năm {self.year}"
        )
        steps = (
            Step(action="Xây dựng kế hoạch", timeframe=Before(day=day)),
            Step(action="Tổ chức thực hiện", timeframe=every),
        )
        return text, Compound(steps=steps)


# -- targets ---------------------------------------------------------------------------------------

_RATES = (
    "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn",
    "Tỷ lệ hồ sơ được tiếp nhận, giải quyết trực tuyến",
    "Tỷ lệ thanh toán trực tuyến",
    "Mức độ hài lòng của người dân, tổ chức",
    "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
    "Tỷ lệ văn bản được ký số",
    "Tỷ lệ cán bộ, công chức được bồi dưỡng",
)
_COUNTED = (
    "hồ sơ được tiếp nhận trực tuyến",
    "văn bản được ký số và gửi nhận qua mạng",
    "công chức có trình độ đại học trở lên",
    "TTHC được công khai đúng quy định",
    "hồ sơ được số hóa",
)
_LATE = ("Tỷ lệ hồ sơ trễ hạn", "Tỷ lệ hồ sơ quá hạn", "Tỷ lệ văn bản ban hành sai thể thức")


class Targets:
    """Target phrases of a plan of ``year``: (phrase, target)."""

    def __init__(self, rng: random.Random, year: int, unit: AdminUnit) -> None:
        self.rng = rng
        self.year = year
        self.peers = {AdminLevel.COMMUNE: "toàn huyện", AdminLevel.DISTRICT: "toàn tỉnh"}.get(unit.level, "cả nước")
        if unit.level is AdminLevel.COMMUNE and year >= 2026:
            self.peers = "toàn tỉnh"
        self.size = {"toàn huyện": (12, 35), "toàn tỉnh": (9, 130), "cả nước": (63, 63)}[self.peers]

    def pick(self) -> tuple[str, Target]:
        """One target, the common patterns more often than the rare ones."""
        makers: list[tuple[Callable[[], tuple[str, Target]], int]] = [
            (self.percent, 12),
            (self.percent_limit, 4),
            (self.count, 5),
            (self.rank, 5),
            (self.money, 3),
            (self.points, 2),
            (self.nothing, 3),
            (self.days, 2),
            (self.horizon, 2),
            (self.milestones, 1),
            (self.relative, 3),
            (self.kept, 2),
        ]
        maker = self.rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        return maker()

    def _percent(self) -> Decimal:
        if self.rng.random() < 0.15:
            return Decimal(self.rng.randint(60, 98)) + Decimal("0.5")
        return Decimal(self.rng.choice((30, 40, 50, 60, 65, 70, 75, 80, 85, 90, 95, 100)))

    def percent(self) -> tuple[str, Target]:
        value = self._percent()
        written = _decimal(value)
        rate = self.rng.choice(_RATES)
        counted = self.rng.choice(_COUNTED)
        at_least = Target(comparator=Comparator.GE, value=value, unit=Unit.PERCENT)
        choice = self.rng.randrange(7)
        if choice == 0:
            return f"{rate} đạt từ {written}% trở lên", at_least
        if choice == 1:
            return f"{rate} phải đạt từ {written}% trở lên", at_least
        if choice == 2:
            return f"tối thiểu {written}% {counted}", at_least
        if choice == 3:
            return f"{rate} không thấp hơn {written}%", at_least
        if choice == 4:
            return f"không dưới {written}% {counted}", at_least
        if choice == 5 and value < 100:
            if self.rng.random() < 0.5:
                text = f"phấn đấu trong năm có trên {written}% tỷ lệ hồ sơ nộp trực tuyến"
                return text, Target(comparator=Comparator.GT, value=value, unit=Unit.PERCENT)
            return f"{rate} đạt trên {written}%", Target(comparator=Comparator.GT, value=value, unit=Unit.PERCENT)
        comparator = Comparator.EQ if value == 100 else Comparator.GE
        return f"{written}% {counted}", Target(comparator=comparator, value=value, unit=Unit.PERCENT)

    def percent_limit(self) -> tuple[str, Target]:
        value = Decimal(self.rng.choice((1, 2, 3, 5, 10))) + (Decimal("0.5") if self.rng.random() < 0.2 else 0)
        late = self.rng.choice(_LATE)
        if self.rng.random() < 0.5:
            return f"{late} không quá {_decimal(value)}%", Target(
                comparator=Comparator.LE, value=value, unit=Unit.PERCENT
            )
        return f"{late} dưới {_decimal(value)}%", Target(comparator=Comparator.LT, value=value, unit=Unit.PERCENT)

    def count(self) -> tuple[str, Target]:
        value = self.rng.randint(1, 9)
        target = Target(comparator=Comparator.GE, value=Decimal(value), unit=Unit.COUNT)
        choice = self.rng.randrange(3)
        if choice == 0:
            return f"Phấn đấu ít nhất có {value:02d} sáng kiến về CCHC", target
        if choice == 1:
            return f"tổ chức {value:02d} lớp tập huấn", target
        return f"ít nhất có {value:02d} sáng kiến", target

    def rank(self) -> tuple[str, Target]:
        low, high = self.size
        out_of = self.rng.randint(low, high)
        place = self.rng.randint(1, min(out_of, 20))
        choice = self.rng.randrange(7)
        if choice == 4:
            text = f"Chỉ số CCHC xếp trên thứ {place + 1}/{out_of}"
            return text, Target(comparator=Comparator.LT, value=Decimal(place + 1), unit=Unit.RANK, out_of=out_of)
        if choice == 5:
            text = f"xếp thứ nhất {self.peers}"
            return text, Target(comparator=Comparator.EQ, value=Decimal(1), unit=Unit.RANK)
        if choice == 6:
            text = f"Chỉ số CCHC nằm trong nhóm {place + 2} đơn vị dẫn đầu"
            return text, Target(comparator=Comparator.LE, value=Decimal(place + 2), unit=Unit.RANK)
        if choice == 0:
            text = f"xếp thứ {place}/{out_of} {self.peers}"
            return text, Target(comparator=Comparator.EQ, value=Decimal(place), unit=Unit.RANK, out_of=out_of)
        if choice == 1:
            text = f"trong nhóm {place}/{out_of} đơn vị dẫn đầu"
            return text, Target(comparator=Comparator.LE, value=Decimal(place), unit=Unit.RANK, out_of=out_of)
        if choice == 2:
            steps = self.rng.randint(1, 5)
            text = f"Chỉ số CCHC tăng {steps:02d} bậc so với năm {self.year - 1}"
            return text, Target(
                comparator=Comparator.INCREASE,
                value=Decimal(steps),
                unit=Unit.RANK,
                baseline=Baseline(year=self.year - 1),
            )
        text = f"Giữ vững vị trí xếp hạng so với năm {self.year - 1}"
        return text, Target(comparator=Comparator.MAINTAIN, unit=Unit.RANK, baseline=Baseline(year=self.year - 1))

    def money(self) -> tuple[str, Target]:
        if self.rng.random() < 0.6:
            millions = self.rng.choice((self.rng.randint(8, 99) * 50, self.rng.randint(1000, 25000)))
            value = Decimal(millions * 1_000_000)
            text = f"Thu ngân sách trên địa bàn đạt {_number(millions)} triệu đồng"
            return text, Target(comparator=Comparator.GE, value=value, unit=Unit.VND)
        if self.rng.random() < 0.5:
            billions = Decimal(self.rng.randint(11, 95)) / 10
            text = f"đạt {_decimal(billions)} tỷ đồng"
            return text, Target(comparator=Comparator.GE, value=billions * 1_000_000_000, unit=Unit.VND)
        millions = self.rng.randint(5, 60) * 10
        text = f"kinh phí không quá {millions} triệu đồng"
        return text, Target(comparator=Comparator.LE, value=Decimal(millions * 1_000_000), unit=Unit.VND)

    def points(self) -> tuple[str, Target]:
        value = Decimal(self.rng.randint(7500, 9600)) / 100
        return f"tổng điểm đạt {_decimal(value)} điểm", Target(comparator=Comparator.GE, value=value, unit=Unit.POINTS)

    def nothing(self) -> tuple[str, Target]:
        text = self.rng.choice(
            (
                "không có hồ sơ trễ hẹn",
                "Không để xảy ra khiếu nại vượt cấp",
                "không có cán bộ, công chức vi phạm bị xử lý kỷ luật",
                "không có văn bản trái pháp luật",
            )
        )
        return text, Target(comparator=Comparator.EQ, value=Decimal(0), unit=Unit.COUNT)

    def days(self) -> tuple[str, Target]:
        value = self.rng.randint(2, 15)
        text = f"thời gian giải quyết tối đa {value:02d} ngày làm việc"
        return text, Target(comparator=Comparator.LE, value=Decimal(value), unit=Unit.DAYS)

    def horizon(self) -> tuple[str, Target]:
        value = self._percent()
        day = _month_end(self.year, self.rng.choice((6, 9, 12)))
        rate = self.rng.choice(_RATES)
        text = f"{rate} đạt {_decimal(value)}% đến ngày {_day(day, pad=False)}"
        return text, Target(comparator=Comparator.GE, value=value, unit=Unit.PERCENT, horizon=day)

    def milestones(self) -> tuple[str, Target]:
        first, second = sorted(self.rng.sample((50, 60, 70, 80, 90), 2))
        later = self.year + self.rng.randint(2, 5)
        text = f"đến năm {self.year} đạt {first}%, đến năm {later} đạt {second}%"
        return text, Target(
            comparator=Comparator.GE,
            value=Decimal(second),
            unit=Unit.PERCENT,
            horizon=date(later, 12, 31),
            milestones=(
                Milestone(by=date(self.year, 12, 31), value=Decimal(first)),
                Milestone(by=date(later, 12, 31), value=Decimal(second)),
            ),
        )

    def kept(self) -> tuple[str, Target]:
        """A level to keep, or a fall from an earlier period."""
        choice = self.rng.randrange(3)
        if choice == 0:
            value = self._percent()
            text = f"Tỷ lệ hài lòng duy trì ở mức {_decimal(value)}%"
            return text, Target(comparator=Comparator.MAINTAIN, unit=Unit.PERCENT, baseline=Baseline(value=value))
        if choice == 1:
            value = Decimal(self.rng.randint(7500, 9600)) / 100
            text = f"giữ vững so với mức {_decimal(value)} điểm"
            return text, Target(comparator=Comparator.MAINTAIN, unit=Unit.POINTS, baseline=Baseline(value=value))
        quarter = self.rng.randint(1, 4)
        period = ReportingPeriod.quarter(self.year - 1, quarter)
        text = f"Số hồ sơ trễ hạn giảm so với Quý {ROMAN[quarter - 1]}/{self.year - 1}"
        return text, Target(comparator=Comparator.DECREASE, baseline=Baseline(period=period))

    def relative(self) -> tuple[str, Target]:
        value = Decimal(self.rng.randint(2, 15))
        base = Baseline(year=self.year - 1)
        if self.rng.random() < 0.25:
            text = f"Thu ngân sách tăng so với năm {self.year - 1}"
            return text, Target(comparator=Comparator.INCREASE, baseline=base)
        if self.rng.random() < 0.5:
            text = f"Chi thường xuyên giảm {value}% so với năm {self.year - 1}"
            return text, Target(comparator=Comparator.DECREASE, value=value, unit=Unit.PERCENT, baseline=base)
        text = f"tăng {value}% so với năm {self.year - 1}"
        return text, Target(comparator=Comparator.INCREASE, value=value, unit=Unit.PERCENT, baseline=base)


# -- citations -------------------------------------------------------------------------------------

_TITLES = (
    "ban hành Quy chế làm việc",
    "thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "đẩy mạnh cải cách hành chính, nâng cao chỉ số cải cách hành chính",
    "công tác văn thư, lưu trữ",
    "tuyển dụng, sử dụng và quản lý công chức",
    "chuyển đổi số giai đoạn 2021 - 2025",
    "kiểm soát thủ tục hành chính",
    "tăng cường kỷ luật, kỷ cương hành chính",
    "xác định Chỉ số cải cách hành chính",
)


class Citations:
    """Citation phrases of a plan issued on ``issued``: (phrase, reference)."""

    def __init__(self, rng: random.Random, issued: date, province: str, district: str | None) -> None:
        self.rng = rng
        self.issued = issued
        self.province = province
        self.district = district

    def _date(self, *, years_back: int) -> date:
        year = self.issued.year - self.rng.randint(0, years_back)
        while True:
            day = date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
            if day < self.issued:
                return day

    def _written(self, day: date) -> str:
        choice = self.rng.randrange(4)
        if choice == 0:
            return _words_day(day, pad=True)
        return f"ngày {_day(day, pad=choice == 1)}"

    def pick(self) -> tuple[str, LegalReference]:
        """One citation of a document: state, Party or letter."""
        makers: list[tuple[Callable[[], tuple[str, LegalReference]], int]] = [
            (self.decision, 5),
            (self.plan, 4),
            (self.decree, 3),
            (self.circular, 2),
            (self.directive, 2),
            (self.council, 2),
            (self.party, 3),
            (self.letter, 1),
        ]
        maker = self.rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        return maker()

    def _local(self) -> tuple[str, str]:
        """A local committee as named in a citation: (name, short name)."""
        if self.district is not None and self.rng.random() < 0.4:
            return f"UBND huyện {self.district}", "UBND huyện"
        return f"UBND tỉnh {self.province}", "UBND tỉnh"

    def _reference(
        self,
        kind: str,
        symbol: DocumentSymbol,
        *,
        written: str,
        issuer: str,
        day: date | None,
        title: str | None,
    ) -> tuple[str, LegalReference]:
        so = self.rng.choice(("số ", "số ", "số ", ""))
        parts = [f"{kind} {so}{written}"]
        if day is not None:
            parts.append(("," if self.rng.random() < 0.2 else "") + " " + self._written(day))
        parts.append(f" của {issuer}")
        if title is not None:
            parts.append(f" về {title}")
        text = "".join(parts)
        return text, LegalReference(symbol=symbol, kind=kind, date=day, issuer_name=issuer, title=title, text=text)

    def decision(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=4)
        issuer, _short = self._local()
        number = self.rng.randint(1, 4999) if self.rng.random() < 0.6 else self.rng.randint(1, 60)
        if self.rng.random() < 0.4:
            symbol = DocumentSymbol(number=f"{number:02d}", year=day.year, doc_type="QĐ", issuer="UBND")
            written = f"{number:02d}/{day.year}/QĐ-UBND"
        else:
            symbol = DocumentSymbol(number=str(number), doc_type="QĐ", issuer="UBND")
            written = f"{number}/QĐ-UBND"
        return self._reference(
            "Quyết định", symbol, written=written, issuer=issuer, day=day, title=self.rng.choice(_TITLES)
        )

    def plan(self) -> tuple[str, LegalReference]:
        day = self.issued - timedelta(days=self.rng.randint(5, 80))  # the plan of the tier above, weeks before
        issuer, _short = self._local()
        number = self.rng.randint(1, 999)
        symbol = DocumentSymbol(number=f"{number:02d}", doc_type="KH", issuer="UBND")
        title = f"cải cách hành chính năm {self.issued.year + (1 if self.issued.month == 12 else 0)}"
        return self._reference("Kế hoạch", symbol, written=f"{number:02d}/KH-UBND", issuer=issuer, day=day, title=title)

    def decree(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=6)
        number = self.rng.randint(10, 180)
        symbol = DocumentSymbol(number=str(number), year=day.year, doc_type="NĐ", issuer="CP")
        return self._reference(
            "Nghị định",
            symbol,
            written=f"{number}/{day.year}/NĐ-CP",
            issuer="Chính phủ",
            day=day,
            title=self.rng.choice(_TITLES),
        )

    def circular(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=5)
        number = self.rng.randint(1, 30)
        issuer, body = self.rng.choice((("BNV", "Bộ Nội vụ"), ("BTC", "Bộ Tài chính"), ("VPCP", "Văn phòng Chính phủ")))
        symbol = DocumentSymbol(number=f"{number:02d}", year=day.year, doc_type="TT", issuer=issuer)
        written = f"{number:02d}/{day.year}/TT-{issuer}"
        return self._reference(
            "Thông tư", symbol, written=written, issuer=body, day=day, title=self.rng.choice(_TITLES)
        )

    def directive(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=5)
        number = self.rng.randint(1, 40)
        symbol = DocumentSymbol(number=f"{number:02d}", doc_type="CT", issuer="TTg")
        written = f"{number:02d}/CT-TTg"
        return self._reference(
            "Chỉ thị", symbol, written=written, issuer="Thủ tướng Chính phủ", day=day, title=self.rng.choice(_TITLES)
        )

    def council(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=3)
        number = self.rng.randint(1, 60)
        symbol = DocumentSymbol(number=f"{number:02d}", year=day.year, doc_type="NQ", issuer="HĐND")
        written = f"{number:02d}/{day.year}/NQ-HĐND"
        return self._reference(
            "Nghị quyết", symbol, written=written, issuer=f"HĐND tỉnh {self.province}", day=day, title=None
        )

    def party(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=4)
        number = self.rng.randint(1, 120)
        if self.district is not None and self.rng.random() < 0.4:
            kind, doc_type, issuer, body = "Nghị quyết", "NQ", "HU", f"Ban Chấp hành Đảng bộ huyện {self.district}"
        else:
            kind, doc_type, issuer, body = self.rng.choice(
                (
                    ("Kết luận", "KL", "TU", "Ban Thường vụ Tỉnh ủy"),
                    ("Chỉ thị", "CT", "TU", "Ban Thường vụ Tỉnh ủy"),
                    ("Nghị quyết", "NQ", "TU", "Ban Chấp hành Đảng bộ tỉnh"),
                )
            )
        symbol = DocumentSymbol(number=f"{number:02d}", doc_type=doc_type, issuer=issuer, form=SymbolForm.PARTY)
        written = f"{number:02d}-{doc_type}/{issuer}"
        return self._reference(kind, symbol, written=written, issuer=body, day=day, title=None)

    def letter(self) -> tuple[str, LegalReference]:
        day = self._date(years_back=1)
        number = self.rng.randint(100, 4999)
        issuer, body = self.rng.choice((("UBND-NC", f"UBND tỉnh {self.province}"), ("SNV-CCHC", "Sở Nội vụ")))
        symbol = DocumentSymbol(number=str(number), issuer=issuer, form=SymbolForm.LETTER)
        return self._reference("Công văn", symbol, written=f"{number}/{issuer}", issuer=body, day=day, title=None)


# -- plans -----------------------------------------------------------------------------------------

PLACES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # province, district, communes and wards
    ("Hà Tĩnh", "Hương Khê", ("Phúc Đồng", "Hương Trà", "Gia Phố")),
    ("Gia Lai", "Chư Păh", ("Ia Ka", "Nghĩa Hưng", "Hòa Phú")),
    ("Nghệ An", "Quỳnh Lưu", ("Quỳnh Thạch", "Quỳnh Hậu", "Tân Thắng")),
    ("Quảng Nam", "Duy Xuyên", ("Duy Sơn", "Duy Phước", "Duy Trung")),
    ("Thái Bình", "Kiến Xương", ("Bình Thanh", "Quang Bình", "Vũ Lễ")),
    ("Lâm Đồng", "Đức Trọng", ("Hiệp An", "Tân Hội", "Ninh Gia")),
    ("Bắc Giang", "Lục Ngạn", ("Tân Mộc", "Kiên Lao", "Phượng Sơn")),
    ("Đắk Lắk", "Krông Pắc", ("Ea Phê", "Ea Kly", "Hòa An")),
    ("Thanh Hóa", "Thọ Xuân", ("Xuân Lập", "Xuân Hồng", "Thọ Lâm")),
    ("Phú Yên", "Tuy An", ("An Ninh Tây", "An Thạch", "An Dân")),
)
WARDS = ("Bắc Hà", "Thống Nhất", "Trường Thi", "Hòa Bình", "Tân Lập", "Quang Trung")

_TASKS: dict[ReformArea, tuple[str, ...]] = {
    ReformArea.CHI_DAO_DIEU_HANH: (
        "Ban hành Kế hoạch CCHC năm",
        "Kiểm tra công tác CCHC tại các bộ phận",
        "Tuyên truyền về CCHC trên hệ thống truyền thanh",
        "Báo cáo kết quả thực hiện công tác CCHC",
        "Tự đánh giá, chấm điểm Chỉ số CCHC",
    ),
    ReformArea.THE_CHE: (
        "Rà soát, hệ thống hóa văn bản QPPL",
        "Tự kiểm tra văn bản QPPL đã ban hành",
        "Theo dõi tình hình thi hành pháp luật",
    ),
    ReformArea.THU_TUC_HANH_CHINH: (
        "Niêm yết công khai TTHC tại Bộ phận một cửa",
        "Rà soát, đánh giá TTHC thuộc thẩm quyền",
        "Số hóa hồ sơ, kết quả giải quyết TTHC",
        "Đo lường sự hài lòng của người dân, tổ chức",
    ),
    ReformArea.TO_CHUC_BO_MAY: (
        "Rà soát chức năng, nhiệm vụ của các bộ phận",
        "Sắp xếp, tinh gọn tổ chức bộ máy",
    ),
    ReformArea.CONG_VU: (
        "Ban hành kế hoạch đào tạo, bồi dưỡng",
        "Đánh giá, xếp loại cán bộ, công chức",
        "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
    ),
    ReformArea.TAI_CHINH_CONG: (
        "Xây dựng dự toán ngân sách",
        "Công khai tình hình thực hiện dự toán ngân sách",
        "Thực hiện cơ chế tự chủ tài chính",
    ),
    ReformArea.CHINH_QUYEN_SO: (
        "Duy trì, cải tiến hệ thống quản lý chất lượng ISO",
        "Sử dụng chữ ký số trong gửi, nhận văn bản",
        "Cập nhật Trang thông tin điện tử",
        "Triển khai dịch vụ công trực tuyến toàn trình",
    ),
}
_LEADS = ("Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch", "Công chức Tài chính - Kế toán", "Bộ phận một cửa")
_DISTRICT_LEADS = ("Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND")
_PROVINCE_LEADS = ("Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ")
_OUTPUTS = ("Kế hoạch", "Báo cáo", "Quyết định", "Văn bản", "Danh mục", "Kết luận kiểm tra")


def slug(text: str) -> str:
    """A file name for a place: "Quỳnh Thạch" → "quynh-thach"."""
    from parplan.text.normalize import fold

    return "-".join(fold(text).split())


class SyntheticPlan:
    """One synthetic plan: its name (unit and year), the plan, and the phrases it holds with their values."""

    def __init__(self, rng: random.Random, kind: UnitKind, year: int, place: int) -> None:
        self.rng = rng
        self.year = year
        province, district, communes = PLACES[place % len(PLACES)]
        issued = date(year - 1, 12, rng.randint(10, 30)) if rng.random() < 0.5 else date(year, 1, rng.randint(3, 25))
        two_tier = issued >= TWO_TIER_FROM
        top = AdminUnit(name=province, kind=UnitKind.PROVINCE)
        middle = None if two_tier else AdminUnit(name=district, kind=UnitKind.DISTRICT, parent=top)
        if kind is UnitKind.PROVINCE:
            unit = top
        elif kind is UnitKind.DISTRICT:
            unit = AdminUnit(name=district, kind=kind, parent=top)
        else:
            name = rng.choice(communes if kind is UnitKind.COMMUNE else WARDS)
            unit = AdminUnit(name=name, kind=kind, parent=middle or top)
        self.unit = unit
        self.issued = issued
        self.name = f"{slug(unit.kind.title_vi)}-{slug(unit.name or unit.kind.title_vi)}-{year}"
        self.deadlines = Deadlines(rng, year)
        self.targets = Targets(rng, year, unit)
        district_name = None if two_tier or kind is UnitKind.PROVINCE else district
        self.citations = Citations(rng, issued, province, district_name)

    def leads(self) -> tuple[str, ...]:
        """The bodies that lead tasks at this tier."""
        return {
            AdminLevel.PROVINCE: _PROVINCE_LEADS,
            AdminLevel.DISTRICT: _DISTRICT_LEADS,
        }.get(self.unit.level, _LEADS)

    def build(self, tasks: int) -> Plan:
        """The plan with ``tasks`` tasks: a quarter in the prose (targets, citations), the rest in the table."""
        rng = self.rng
        unit_words = f"{self.unit.kind.title_vi} {self.unit.name}"
        legal_bases = tuple(self.citations.pick()[1] for _ in range(rng.randint(2, 4)))
        implements = (self.citations.plan()[1],)
        objectives: list[Objective] = []
        for index in range(rng.randint(4, 8)):
            text, target = self.targets.pick()
            target = _with_text(target, text)
            opening = rng.choice(("", "Phấn đấu ", "Phấn đấu năm nay ", ""))
            objectives.append(
                Objective(
                    text=f"{opening}{text}.", id=str(index + 1), area=rng.choice(list(ReformArea)), targets=(target,)
                )
            )
        areas = list(_TASKS)
        built: list[Task] = []
        prose = max(4, tasks // 4)
        for index in range(tasks):
            area = areas[index * len(areas) // tasks]
            title = rng.choice(_TASKS[area])
            if title.endswith(" năm"):
                title = f"{title} {self.year}"
            lead = Organisation(name=rng.choice(self.leads()))
            partner = CollectiveParty(name=rng.choice(("Các bộ phận liên quan", "Cán bộ, công chức liên quan")))
            responsibility = Responsibility(lead=lead, coordinating=(partner,))
            if index % (tasks // prose) == 0:  # a prose item: a target or a citation in its text
                targets: tuple[Target, ...] = ()
                legal: tuple[LegalReference, ...] = ()
                if rng.random() < 0.5:
                    text, target = self.targets.pick()
                    targets = (_with_text(target, text),)
                    title = f"{title}; phấn đấu {text}"
                else:
                    text, reference = self.citations.pick()
                    legal = (reference,)
                    title = f"{title} theo {text}"
                built.append(
                    Task(
                        id=f"III.{index + 1}",
                        title=title + ".",
                        area=area,
                        responsibility=responsibility,
                        targets=targets,
                        legal_bases=legal,
                        source=SourceLocation(section="III", item=str(index + 1)),
                    )
                )
                continue
            legal = ()
            if rng.random() < 0.15:
                text, reference = self.citations.pick()
                legal = (reference,)
                title = f"{title} theo {text}"
            phrase, timeframe = self.deadlines.pick()
            built.append(
                Task(
                    id=f"PL.{index + 1}",
                    title=title,
                    area=area,
                    outputs=(rng.choice(_OUTPUTS),),
                    responsibility=responsibility,
                    timeframe=_timeframe_with_text(timeframe, phrase),
                    legal_bases=legal,
                    source=SourceLocation(table="Phụ lục", row=str(index + 1)),
                )
            )
        return Plan(
            title=f"Cải cách hành chính năm {self.year}",
            issuer=Organisation(name=f"Ủy ban nhân dân {unit_words}", level=self.unit.level),
            unit=self.unit,
            year=self.year,
            symbol=DocumentSymbol(number=f"{rng.randint(1, 350):02d}", doc_type="KH", issuer="UBND"),
            issued_on=self.issued,
            signature=Signature(
                position="CHỦ TỊCH" if rng.random() < 0.6 else "PHÓ CHỦ TỊCH",
                authorities=[Authority(capacity=SigningCapacity.TM, of="ỦY BAN NHÂN DÂN")]
                + ([] if rng.random() < 0.6 else [Authority(capacity=SigningCapacity.KT, of="CHỦ TỊCH")]),
                name=rng.choice(("Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Huy", "Phạm Thị Hoa", "Hồ Đức Thắng")),
            ),
            legal_bases=legal_bases,
            implements=implements,
            purposes=(
                f"Triển khai thực hiện có hiệu quả các nhiệm vụ cải cách hành chính của {unit_words} năm {self.year}.",
            ),
            requirements=("Các nhiệm vụ phải cụ thể, có thời hạn hoàn thành và người chịu trách nhiệm.",),
            objectives=tuple(objectives),
            tasks=tuple(built),
            recipients=("Như trên;", "Lưu: VT."),
        )


def _with_text(value: Target, text: str) -> Target:
    """A target with the phrase it was written as."""
    return attrs.evolve(value, text=text)


def _timeframe_with_text(value: Timeframe, text: str) -> Timeframe:
    """A timeframe with the phrase it was written as."""
    return attrs.evolve(value, text=text)
