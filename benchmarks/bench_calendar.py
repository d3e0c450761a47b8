"""Working-day arithmetic: parplan's per-year tables against a day-by-day walk.

``WorkCalendar`` computes each year once (its days off and the sorted list of
its working days) and then answers ``add_working_days`` and
``working_days_between`` by binary search, one year at a time: the cost grows
with the number of years spanned, not the number of days. The peer is the
obvious implementation, a walk one day at a time asking ``is_working_day``
(the same calendar, so the answers agree); when the ``holidays`` package is
installed, a walk over ``holidays.VN`` (no announced swaps, so its answers
may differ) is timed too.

Run: ``python benchmarks/bench_calendar.py``. Ratios matter, not seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from parplan import WorkCalendar

START = date(2022, 3, 14)
SPANS = (20, 250, 2_500, 12_500)  # about a month, a year, ten years, fifty years of working days


def best_of(repeat: int, number: int, call: Callable[[], object]) -> float:
    """The best time per call over ``repeat`` rounds of ``number`` calls."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            call()
        best = min(best, (time.perf_counter() - started) / number)
    return best


def walk(is_working: Callable[[date], bool], day: date, count: int) -> date:
    """The ``count``-th working day after ``day``, one day at a time."""
    step = timedelta(days=1)
    while count:
        day += step
        if is_working(day):
            count -= 1
    return day


def main() -> None:
    started = time.perf_counter()
    cold = WorkCalendar()
    cold.add_working_days(date(2013, 1, 1), 21_000)  # builds every year 2013-2096
    print(f"building 84 year tables once: {(time.perf_counter() - started) * 1e3:.1f} ms")

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
