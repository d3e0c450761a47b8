"""``parplan score``: total a self-assessment score sheet against its index framework.

``score SHEET`` loads a score sheet, finds its framework (a bundled one by the
code the sheet names, or ``--framework FILE`` for a local framework defined in
a data file), totals it (points, percentage, group, the change from last year),
ranks it among ``--peer`` sheets when given, and checks it (the sheet rules,
PP850-PP899). Text or JSON. Exit codes as for ``check``: 0 when no finding of
error severity remains, 1 when one does, 2 for usage errors and files that
cannot be read or are not what was expected.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from parplan.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Commands, add_selection_arguments
from parplan.locale import LOCALES, Locale

if TYPE_CHECKING:
    from parplan.checks.finding import Finding
    from parplan.progress.score import SheetScore

__all__ = ["OUTPUT_FORMATS", "add_command", "run_score"]

OUTPUT_FORMATS = ("text", "json")
"""The formats ``score`` writes."""


def add_command(commands: Commands) -> None:
    """Add ``score`` to the command line's subcommands."""
    score = commands.add_parser(
        "score",
        help="total a self-assessment score sheet against its index framework",
        description=(
            "Total a PAR Index self-assessment score sheet: points, percentage, group, rank among peers and the "
            "change from last year; check the sheet against its framework."
        ),
    )
    score.add_argument("sheet", metavar="SHEET", help="score sheet file (.json or .toml)")
    score.add_argument(
        "--framework", metavar="FILE", help="the index framework as a data file (default: the bundled one named)"
    )
    score.add_argument(
        "--peer", action="append", default=[], metavar="SHEET", help="another unit's sheet to rank among (repeatable)"
    )
    add_selection_arguments(score)
    score.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text", help="default: text")
    score.add_argument("--locale", choices=LOCALES, default="vi", help="language of the text (default: vi)")
    score.add_argument("--exit-zero", action="store_true", help="exit 0 even when error findings remain")
    score.set_defaults(handler=run_score)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json(score: SheetScore, results: list[tuple[str, list[Finding]]], locale: str) -> str:
    from parplan.render.findings import finding_dict

    change = score.change
    document = {
        "sheet": results[0][0],
        "unit": score.sheet.unit.full_name,
        "year": score.sheet.year,
        "framework": score.framework.code,
        "basis": score.basis.value,
        "total": str(score.total),
        "max_points": str(score.max_points),
        "percent": str(score.percent),
        "self_total": str(score.self_total),
        "appraised_total": _decimal(score.appraised_total),
        "survey_total": str(score.survey_total),
        "complete": score.complete,
        "missing": list(score.missing),
        "group": None if score.group is None else score.group.code,
        "rank": score.rank,
        "out_of": score.out_of,
        "change": {
            "comparability": change.comparability.value,
            "previous_year": change.previous_year,
            "percent_change": _decimal(change.percent_change),
            "points_change": _decimal(change.points_change),
            "rank_change": change.rank_change,
        },
        "nodes": [
            {
                "node": node.node,
                "max_points": _decimal(node.max_points),
                "self_score": _decimal(node.self_score),
                "appraised": _decimal(node.appraised),
                "survey": _decimal(node.survey),
                "points": str(node.points),
                "missing": node.missing,
            }
            for node in score.nodes
        ],
        "findings": [finding_dict(name, finding, locale) for name, findings in results for finding in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "total": "Tổng điểm",
        "percent": "Chỉ số",
        "basis": {"appraised": "điểm thẩm định", "self_assessed": "điểm tự đánh giá", "mixed": "thẩm định một phần"},
        "group": "Nhóm",
        "no_group": "chưa xếp nhóm",
        "rank": "Xếp hạng",
        "missing": "Chưa chấm",
        "change": "So với năm {year}",
        "new_unit": "đơn vị mới thành lập ({day}): không có kết quả năm {year} để so sánh",
        "no_previous": "không có kết quả năm {year}",
    },
    "en": {
        "total": "Total",
        "percent": "Index",
        "basis": {"appraised": "appraised", "self_assessed": "self-assessed", "mixed": "partly appraised"},
        "group": "Group",
        "no_group": "no group",
        "rank": "Rank",
        "missing": "Not scored",
        "change": "Change from {year}",
        "new_unit": "a unit formed on {day}: no comparable result for {year}",
        "no_previous": "no result for {year}",
    },
}


def _text(score: SheetScore, results: list[tuple[str, list[Finding]]], locale: str) -> str:
    from parplan.progress.score import Comparability
    from parplan.render.findings import format_text
    from parplan.render.format import format_date, format_number

    loc: Locale = "vi" if locale == "vi" else "en"
    words = _WORDS[loc]
    basis: dict[str, str] = words["basis"]
    lines = [f"{results[0][0]}: {score.sheet.unit.full_name}, {score.framework.code} {score.sheet.year}"]
    lines.append(
        f"{words['total']}: {format_number(score.total, locale=loc)}/{format_number(score.max_points, locale=loc)}"
        f" ({basis[score.basis.value]})"
    )
    lines.append(f"{words['percent']}: {format_number(score.percent, locale=loc)}%")
    lines.append(f"{words['group']}: {score.group.code if score.group is not None else words['no_group']}")
    if score.rank is not None:
        lines.append(f"{words['rank']}: {score.rank}/{score.out_of}")
    if score.missing:
        lines.append(f"{words['missing']}: {', '.join(score.missing)}")
    change = score.change
    year = change.previous_year
    head = str(words["change"]).format(year=year)
    if change.comparability is Comparability.NEW_UNIT and score.sheet.unit_formed_on is not None:
        day = format_date(score.sheet.unit_formed_on, locale=loc, style="short")
        lines.append(f"{head}: {str(words['new_unit']).format(day=day, year=year)}")
    elif change.comparability is Comparability.NO_PREVIOUS_RESULT:
        lines.append(f"{head}: {str(words['no_previous']).format(year=year)}")
    else:
        parts = []
        if change.percent_change is not None:
            parts.append(f"{_signed(change.percent_change, loc)}%")
        if change.points_change is not None:
            parts.append(_signed(change.points_change, loc))
        if change.rank_change is not None:
            parts.append(f"{change.rank_change:+} ({words['rank'].lower()})")
        lines.append(f"{head}: {', '.join(parts) if parts else '-'}")
    return "\n".join(lines) + "\n\n" + format_text(results, loc)


def _signed(value: Decimal, locale: Locale) -> str:
    from parplan.render.format import format_number

    sign = "+" if value > 0 else "-" if value < 0 else "±"
    return sign + format_number(abs(value), locale=locale)


def run_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan score``: the exit code."""
    from parplan.checks.engine import check_sheet
    from parplan.checks.finding import Severity
    from parplan.checks.registry import UnknownRuleError, select_rules
    from parplan.cli.status import load_documents
    from parplan.errors import ParplanError
    from parplan.frameworks import FRAMEWORKS
    from parplan.indicators import IndexFramework
    from parplan.progress.score import rank_scores, score_sheet
    from parplan.progress.sheet import ScoreSheet

    try:
        select_rules(args.select, args.ignore)
    except UnknownRuleError as error:
        err.write(f"parplan score: {error}\n")
        return EXIT_USAGE
    sheets, failed = load_documents([args.sheet, *args.peer], ScoreSheet, "score sheet", err)
    frameworks: list[IndexFramework] = []
    if args.framework is not None:
        frameworks, framework_failed = load_documents([args.framework], IndexFramework, "framework", err)
        failed = failed or framework_failed
    if failed:
        return EXIT_USAGE
    sheet = sheets[0]
    framework = frameworks[0] if frameworks else FRAMEWORKS.get(sheet.framework)
    if framework is None:
        missing = f"the framework {sheet.framework!r} is not bundled; give its file with --framework"
        err.write(f"{args.sheet}: $.framework: {missing}\n")
        return EXIT_USAGE
    try:
        scores = [score_sheet(each, framework) for each in sheets]
        if args.peer:
            ranked = rank_scores(scores)
            own = next(score for score in ranked if score.sheet is sheet)
        else:
            own = scores[0]
        results = [(args.sheet, check_sheet(sheet, framework, select=args.select, ignore=args.ignore))]
    except ParplanError as error:
        err.write(f"parplan score: {error}\n")
        return EXIT_USAGE
    writer = _json if args.output_format == "json" else _text
    out.write(writer(own, results, args.locale))
    errors = any(finding.severity is Severity.ERROR for _, findings in results for finding in findings)
    return EXIT_FINDINGS if errors and not args.exit_zero else EXIT_OK
