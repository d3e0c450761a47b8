"""The example plans and the parsers agree: every timeframe and target kept with its text reads back to itself.

The typed values in ``examples/`` were written from the seeds by hand; reading
their raw text with the parsers must give the same values. The few readings the
phrase alone cannot give (the example takes them from the surrounding text)
are listed with the reason, so that a change on either side is noticed.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

import parplan
from parplan import ParseError, Plan, Target, Timeframe

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))

# (example file, phrase) -> why the example's reading is not the phrase's alone
FROM_CONTEXT: dict[tuple[str, str], str] = {
    (
        "mang-yang-2021.json",
        "Hệ thống một cửa điện tử liên thông từ cấp tỉnh đến 100  cấp xã",
    ): "the output cell means 100 % of communes connected; the phrase names no measure of its own",
}
# Relative targets whose unit the example takes from their subject ("Tỷ lệ …" is a share, "Số …" a count).
UNIT_FROM_SUBJECT = {"mang-yang-2021.json"}


def _timeframes(plan: Plan) -> Iterator[tuple[str, Timeframe]]:
    for task in plan.tasks:
        if task.timeframe is not None and task.timeframe.text is not None:
            yield task.id, task.timeframe


def _targets(plan: Plan) -> Iterator[tuple[str, Target]]:
    for owner, target in plan.targets():
        if target.text is not None:
            yield owner, target


def _cases() -> Iterator[tuple[str, str, object]]:
    for path in EXAMPLES:
        plan = parplan.load(path)
        for owner, timeframe in _timeframes(plan):
            yield path.name, f"{owner} timeframe", (timeframe, plan.first_year)
        for owner, target in _targets(plan):
            yield path.name, f"{owner} target", (target, plan.first_year)


CASES = list(_cases())


def test_every_example_has_phrases_to_read() -> None:
    names = {name for name, _, _ in CASES}
    assert names == {path.name for path in EXAMPLES}
    assert len(CASES) > 100


@pytest.mark.parametrize(("name", "where", "value"), CASES, ids=[f"{n}:{w}" for n, w, _ in CASES])
def test_example_reads_back(name: str, where: str, value: object) -> None:
    assert isinstance(value, tuple)
    item, year = value
    if isinstance(item, Target):
        _check_target(name, item, year)
    else:
        assert item.text is not None
        assert parplan.parse_timeframe(item.text, year=year) == item, where


def _check_target(name: str, target: Target, year: int) -> None:
    assert target.text is not None
    reason = FROM_CONTEXT.get((name, target.text))
    if reason is not None:
        with pytest.raises(ParseError):
            parplan.parse_target(target.text, year=year)
        return
    read = parplan.parse_target(target.text, year=year)
    expected = (target.comparator, target.value, target.unit, target.out_of, target.flags)
    if target.is_relative and name in UNIT_FROM_SUBJECT and read.unit is None:
        expected = (target.comparator, target.value, None, target.out_of, target.flags)
    assert (read.comparator, read.value, read.unit, read.out_of, read.flags) == expected
    if target.baseline is not None and target.baseline.year is not None:
        assert read.baseline is not None
        assert read.baseline.year == target.baseline.year
