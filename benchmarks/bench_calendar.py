"""The calendar's speed: lunar conversions, and working-day arithmetic against a day-by-day walk.

Lunar dates are computed, not looked up: each lunar year (its new moons, the
sun's position at each month's start, its leap month) is computed once, when
first asked for, and kept. The report gives the cost of computing every year
of 1900-2199 from nothing, the cost of one year, and the cost of a conversion
once its year is known.

``WorkCalendar`` computes each year once (its days off and the sorted list of
its working days) and then answers ``add_working_days`` and
``working_days_between`` by binary search, one year at a time: the cost grows
with the number of years spanned, not the number of days. The peer is the
obvious implementation, a walk one day at a time asking ``is_working_day``
(the same calendar, so the answers agree); when the ``holidays`` package is
installed, a walk over ``holidays.VN`` (no announced swaps, so its answers
may differ) is timed too.

Times are the process's CPU time (the machine may be shared; waiting is not work).
Run: ``python benchmarks/bench_calendar.py``. Ratios matter, not seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from parplan import WorkCalendar, lunar_to_solar, solar_to_lunar
from parplan.calendar import lunar, lunar_new_year

START = date(2022, 3, 14)
SPANS = (20, 250, 2_500, 12_500)  # about a month, a year, ten years, fifty years of working days


def best_of(repeat: int, number: int, call: Callable[[], object]) -> float:
    """The best time per call over ``repeat`` rounds of ``number`` calls."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(number):
            call()
        best = min(best, (time.process_time() - started) / number)
    return best


def walk(is_working: Callable[[date], bool], day: date, count: int) -> date:
    """The ``count``-th working day after ``day``, one day at a time."""
    step = timedelta(days=1)
    while count:
        day += step
        if is_working(day):
            count -= 1
    return day


def forget_lunar_years() -> None:
    """Empty the lunar module's caches, so that the next conversions compute their years again."""
    for value in vars(lunar).values():
        clear = getattr(value, "cache_clear", None)
        if callable(clear):
            clear()


def lunar_report() -> None:
    def every_year() -> None:
        forget_lunar_years()
        for year in range(1900, 2200):
            lunar_new_year(year)
        solar_to_lunar(date(2199, 12, 31))

    print(f"lunar calendar, every year of 1900-2199 from nothing: {best_of(3, 1, every_year) * 1e3:.0f} ms")

    def one_year() -> None:
        forget_lunar_years()
        solar_to_lunar(date(2024, 6, 1))

    print(f"lunar calendar, the first conversion of a year: {best_of(5, 20, one_year) * 1e6:.0f} µs")
    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(366)]
    for day in days:
        solar_to_lunar(day)
    per_day = best_of(5, 5, lambda: [solar_to_lunar(day) for day in days]) / len(days)
    print(f"solar_to_lunar, a year already computed: {per_day * 1e6:.2f} µs per day")
    back = best_of(5, 2000, partial(lunar_to_solar, 2024, 3, 10))
    print(f"lunar_to_solar, a year already computed: {back * 1e6:.2f} µs")
    tet = best_of(5, 2000, partial(lunar_new_year, 2024))
    print(f"lunar_new_year, a year already computed: {tet * 1e6:.2f} µs")


def main() -> None:
    lunar_report()
    forget_lunar_years()
    started = time.process_time()
    cold = WorkCalendar()
    cold.add_working_days(date(2013, 1, 1), 21_000)  # builds every year 2013-2096
    print(f"building 84 year tables once: {(time.process_time() - started) * 1e3:.1f} ms")

    calendar = WorkCalendar()
    calendar.add_working_days(START, SPANS[-1])  # warm the tables the runs use
    peers: dict[str, Callable[[date, int], date]] = {
        "day-by-day walk (same calendar)": lambda day, n: walk(calendar.is_working_day, day, n),
    }
    try:
        import holidays
    except ImportError:
        pass
    else:
        vietnam = holidays.country_holidays("VN", years=range(2022, 2075))
        peers["day-by-day walk over holidays.VN"] = lambda day, n: walk(
            lambda d: d.weekday() < 5 and d not in vietnam, day, n
        )

    print(f"{'working days added':>20} {'parplan':>12}" + "".join(f" {name:>34}" for name in peers))
    for span in SPANS:
        if walk(calendar.is_working_day, START, span) != calendar.add_working_days(START, span):
            raise SystemExit(f"the walk and add_working_days disagree over {span} working days")
        ours = best_of(5, 200, partial(calendar.add_working_days, START, span))
        row = f"{span:>20} {ours * 1e6:>9.1f} µs"
        for peer in peers.values():
            theirs = best_of(3, 2, partial(peer, START, span))
            row += f" {theirs * 1e6:>12.1f} µs ({theirs / ours:>8.0f}x slower)"
        print(row)
    end = calendar.add_working_days(START, SPANS[-1])
    between = best_of(5, 200, lambda: calendar.working_days_between(START, end))
    print(f"working_days_between over fifty years: {between * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
