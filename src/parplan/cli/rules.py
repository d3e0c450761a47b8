"""``parplan rules``: list the check rules, or show one rule's documentation."""

from __future__ import annotations

import argparse
from typing import TextIO

from parplan.cli._common import EXIT_OK, EXIT_USAGE, Commands, add_selection_arguments

__all__ = ["add_command", "run_rules"]


def add_command(commands: Commands) -> None:
    """Add ``rules`` to the command line's subcommands."""
    rules_ = commands.add_parser(
        "rules",
        help="list the check rules, or show one",
        description="List the check rules (code, name, severity, summary), or show one rule's documentation.",
    )
    rules_.add_argument("code", nargs="?", metavar="CODE", help="a rule code such as PP104: show its documentation")
    add_selection_arguments(rules_)
    rules_.add_argument("--output-format", choices=("text", "json"), default="text", help="default: text")
    rules_.set_defaults(handler=run_rules)


def run_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``parplan rules``: the exit code."""
    from parplan.checks.registry import UnknownRuleError, get_rule, select_rules
    from parplan.render.findings import rule_json, rule_text, rules_json, rules_text

    if args.code is not None:
        if args.select or args.ignore:
            err.write("parplan rules: give a rule code, or --select/--ignore, not both\n")
            return EXIT_USAGE
        try:
            entry = get_rule(args.code.strip().upper())
        except UnknownRuleError as error:
            err.write(f"parplan rules: {error}\n")
            return EXIT_USAGE
        out.write(rule_json(entry) if args.output_format == "json" else rule_text(entry))
        return EXIT_OK
    try:
        chosen = select_rules(args.select, args.ignore)
    except UnknownRuleError as error:
        err.write(f"parplan rules: {error}\n")
        return EXIT_USAGE
    out.write(rules_json(chosen) if args.output_format == "json" else rules_text(chosen))
    return EXIT_OK
