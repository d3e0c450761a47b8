"""How fast parplan.check runs, and whether it stays linear in the size of the plans.

Three measurements, all on plans built in memory (generation is not timed):

* country: about a million tasks, as ten thousand commune plans of 100 tasks
  each, checked one plan at a time (a whole country need not sit in memory);
* linearity: one plan of 10,000 tasks and one of 100,000, and the ratio of
  their times (it should stay near 10: no quadratic scans within a plan); and
  the same for 100 and 1,000 plans of 100 tasks;
* floor: a hand-written loop that touches every task's lead and deadline, the
  least any check over every task must cost, for the ratio check / floor.

The plans look like real commune plans (the example plans' phrases, deadlines of every kind,
responsibilities, targets, budgets, reporting lines) and carry defects in a
few percent of their rows, so that findings are made and formatted too.

Times are CPU seconds of this process (``time.process_time``): on a machine
shared with other work, the time spent waiting for a core is not the checks'.
Run ``python benchmarks/bench_check.py`` (``--quick`` for a smaller country).
The last line printed is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import parplan
from parplan import (
    AdminLevel,
    AdminUnit,
    Before,
    Budget,
    CollectiveParty,
    Comparator,
    DocumentSymbol,
    Frequency,
    LegalReference,
    Objective,
    OnEvent,
    Organisation,
    Plan,
    Recurring,
    ReformArea,
    ReportingLine,
    ReportingPeriod,
    Responsibility,
    SourceLocation,
    Target,
    Task,
    Unit,
    UnitKind,
    Within,
)

TITLES = (
    "Ban hành các văn bản chỉ đạo thực hiện nhiệm vụ CCHC",
    "Xây dựng Kế hoạch tự kiểm tra công tác CCHC",
    "Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
    "Niêm yết công khai các bộ TTHC thuộc thẩm quyền giải quyết của UBND xã",
    "Thực hiện đo lường sự hài lòng của cá nhân, tổ chức đối với giải quyết TTHC",
    "Thực hiện sắp xếp, tinh gọn tổ chức bộ máy, giảm biên chế",
    "Tham gia các lớp đào tạo, bồi dưỡng",
    "Ban hành Quy chế chi tiêu nội bộ; quản lý tài sản công",
    "Tuyên truyền Dịch vụ công trực tuyến mức độ 3, 4 cho người dân, doanh nghiệp",
    "Xây dựng và triển khai kế hoạch duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015",
)
LEADS = tuple(
    Organisation(name=name) for name in ("Văn phòng xã", "Tư pháp – Hộ tịch", "Văn hóa - Thông tin", "Tài chính - KT")
)
PARTNERS = (
    (CollectiveParty(name="Các ban ngành liên quan"),),
    (CollectiveParty(name="Cán bộ, công chức liên quan"),),
    (Organisation(name="Văn phòng"), CollectiveParty(name="Các ban, ngành liên quan")),
)
RESPONSIBILITIES = tuple(Responsibility(lead=lead, coordinating=partners) for lead in LEADS for partners in PARTNERS)
LEADERLESS = Responsibility(coordinating=PARTNERS[1])


def _timeframes(year: int) -> tuple[object, ...]:
    return (
        Within(periods=(ReportingPeriod.month(year, 1),), text=f"Tháng 01/{year}"),
        Within(periods=(ReportingPeriod.year_of(year),), text="Trong năm"),
        Recurring(frequencies=(Frequency.CONTINUOUS,), within=ReportingPeriod.year_of(year), text="Thường xuyên"),
        OnEvent(event="Khi có hướng dẫn, chỉ đạo của cấp trên"),
        Before(day=date(year, 6, 30), text=f"Trước ngày 30/6/{year}"),
        Within(periods=tuple(ReportingPeriod.quarter(year, q) for q in (1, 2, 3)), text=f"Quý I, II, III/{year}"),
    )


def make_plan(number: int, tasks: int, rng: random.Random, year: int = 2022) -> Plan:
    """A commune plan with ``tasks`` rows, a few percent of them defective."""
    timeframes = _timeframes(year)
    stale = Within(periods=(ReportingPeriod.month(year - 1, 1),), text=f"Tháng 01/{year - 1}")
    areas = tuple(ReformArea)
    rows = []
    for row in range(1, tasks + 1):
        defect = rng.random()
        rows.append(
            Task(
                id=f"pl-{row}",
                title=f"{rng.choice(TITLES)}, nội dung {row}",
                area=areas[row % 8],
                outputs=() if defect < 0.02 else ("Kế hoạch",),
                responsibility=LEADERLESS if 0.02 <= defect < 0.04 else rng.choice(RESPONSIBILITIES),
                timeframe=stale if 0.04 <= defect < 0.05 else rng.choice(timeframes),  # type: ignore[arg-type]
                budget=Budget(amount=rng.randrange(1, 200) * 1_000_000, text="10") if defect > 0.97 else None,
                targets=(Target(comparator=Comparator.GE, value=Decimal(rng.randrange(50, 101)), unit=Unit.PERCENT),)
                if defect > 0.9
                else (),
                source=SourceLocation(table="Phụ lục", row=str(row)),
            )
        )
    province = AdminUnit(name="Hà Tĩnh", kind=UnitKind.PROVINCE)
    district = AdminUnit(name="Hương Sơn", kind=UnitKind.DISTRICT, parent=province)
    return Plan(
        title=f"Kế hoạch cải cách hành chính năm {year}",
        issuer=Organisation(name=f"Ủy ban nhân dân xã {number}", level=AdminLevel.COMMUNE),
        unit=AdminUnit(name=f"Xã {number}", kind=UnitKind.COMMUNE, parent=district),
        year=year,
        symbol=DocumentSymbol(number=str(rng.randrange(1, 99)), doc_type="KH", issuer="UBND"),
        issued_on=date(year, 1, rng.randrange(3, 20)),
        implements=(
            LegalReference(
                symbol=DocumentSymbol(number="03", doc_type="KH", issuer="UBND"),
                kind="Kế hoạch",
                date=date(year, 1, 2),
                title=f"về Cải cách hành chính huyện năm {year}",
            ),
        ),
        objectives=(
            Objective(
                text="đạt từ 90% trở lên",
                targets=(Target(comparator=Comparator.GE, value=Decimal(90), unit=Unit.PERCENT),),
            ),
        ),
        tasks=tuple(rows),
        reporting=tuple(
            ReportingLine(period=p, data_from=p.data_window.start, data_to=p.data_window.end, due=p.due)
            for p in (ReportingPeriod.parse(f"{year}{suffix}") for suffix in ("Q1", "S1", "Q3", ""))
        ),
    )


def _floor(plan: Plan) -> int:
    """The least a check over every task does: read each task's lead and deadline."""
    count = 0
    for task in plan.tasks:
        if task.responsibility is None or task.responsibility.lead is None:
            count += 1
        timeframe = task.timeframe
        if timeframe is not None and timeframe.latest is None:
            count += 1
    return count


def _timed(function: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    function()
    return time.process_time() - start


def _country(plans: int, tasks: int, seed: int) -> Iterator[Plan]:
    rng = random.Random(seed)
    for number in range(plans):
        yield make_plan(number, tasks, rng)


def _one_plan() -> tuple[float, float]:
    """Seconds to check one plan of 10,000 tasks and one of 100,000: interleaved, the best of five."""
    rng = random.Random(7)
    small, large = make_plan(0, 10_000, rng), make_plan(1, 100_000, rng)
    parplan.check(small)  # warm the caches
    small_times: list[float] = []
    large_times: list[float] = []
    for _ in range(5):  # other load on the machine only adds time
        small_times.append(_timed(lambda: parplan.check(small)))
        large_times.append(_timed(lambda: parplan.check(large)))
    return min(small_times), min(large_times)


def _many_plans(per_plan: int) -> tuple[float, float]:
    """Seconds to check 10,000 and 100,000 tasks in plans of ``per_plan`` tasks: the best of three."""
    few = list(_country(10_000 // per_plan, per_plan, seed=10))
    many = list(_country(100_000 // per_plan, per_plan, seed=100))
    few_times: list[float] = []
    many_times: list[float] = []
    for _ in range(3):
        few_times.append(_timed(lambda: [parplan.check(plan) for plan in few]))
        many_times.append(_timed(lambda: [parplan.check(plan) for plan in many]))
    return min(few_times), min(many_times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures, the last line as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="check 100,000 tasks instead of a million")
    args = parser.parse_args(argv)
    country_plans = 1_000 if args.quick else 10_000
    per_plan = 100

    check_seconds = floor_seconds = 0.0
    findings = tasks = 0
    for plan in _country(country_plans, per_plan, seed=2022):
        tasks += len(plan.tasks)
        start = time.process_time()
        findings += len(parplan.check(plan))
        check_seconds += time.process_time() - start
        start = time.process_time()
        _floor(plan)
        floor_seconds += time.process_time() - start
    print(
        f"country: {tasks:,} tasks in {country_plans:,} plans checked in {check_seconds:.2f} s ({findings:,} findings)"
    )
    print(f"floor:   the same tasks touched by a hand-written loop in {floor_seconds:.2f} s")

    small_seconds, large_seconds = _one_plan()
    ratio = large_seconds / small_seconds
    print(f"one plan: 10,000 tasks in {small_seconds:.3f} s, 100,000 tasks in {large_seconds:.3f} s: x{ratio:.2f}")
    few_seconds, many_seconds = _many_plans(per_plan)
    plans_ratio = many_seconds / few_seconds
    print(
        f"plans of {per_plan} tasks: 10,000 tasks in {few_seconds:.3f} s, 100,000 tasks in {many_seconds:.3f} s: "
        f"x{plans_ratio:.2f}"
    )

    figures = {
        "python": sys.version.split()[0],
        "country_tasks": tasks,
        "country_plans": country_plans,
        "country_seconds": round(check_seconds, 3),
        "country_findings": findings,
        "microseconds_per_task": round(check_seconds / tasks * 1e6, 2),
        "floor_seconds": round(floor_seconds, 3),
        "check_over_floor": round(check_seconds / floor_seconds, 1),
        "plan_10k_seconds": round(small_seconds, 4),
        "plan_100k_seconds": round(large_seconds, 4),
        "ratio_100k_over_10k": round(ratio, 2),
        "plans_10k_tasks_seconds": round(few_seconds, 4),
        "plans_100k_tasks_seconds": round(many_seconds, 4),
        "plans_ratio_100k_over_10k": round(plans_ratio, 2),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
