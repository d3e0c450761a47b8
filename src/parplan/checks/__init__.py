"""Scripted plan checks: findings with stable codes, a documented rule registry, selection by prefix.

>>> import parplan
>>> plan = parplan.load_example()
>>> findings = parplan.check(plan, select="PP202")
>>> [(f.code, f.path) for f in findings]
[('PP202', '$.reporting[1].data_from')]
"""

from parplan.checks import rules as _rules  # noqa: F401 - importing the family modules registers their rules
from parplan.checks.config import DEFAULT_CONFIG, DEFAULT_REQUIRED_AREAS, CheckConfig
from parplan.checks.docs import rules_markdown
from parplan.checks.engine import check, check_alignment, check_report, check_sheet
from parplan.checks.finding import LOCALES, Finding, Severity
from parplan.checks.registry import Family, Rule, Subject, UnknownRuleError, get_rule, rules, select_rules

__all__ = [
    "DEFAULT_CONFIG",
    "DEFAULT_REQUIRED_AREAS",
    "LOCALES",
    "CheckConfig",
    "Family",
    "Finding",
    "Rule",
    "Severity",
    "Subject",
    "UnknownRuleError",
    "check",
    "check_alignment",
    "check_report",
    "check_sheet",
    "get_rule",
    "rules",
    "rules_markdown",
    "select_rules",
]
