"""Budget rules (PP6xx): amounts, totals and unquantified cells."""

from __future__ import annotations

from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule

__all__ = ["money"]


def money(amount: int) -> Localized:
    """An amount in đồng for a message: ``150.000.000 đồng`` / ``150,000,000 VND``."""
    grouped = f"{amount:,}"
    return Localized(vi=grouped.replace(",", ".") + " đồng", en=f"{grouped} VND", key=str(amount))


@rule(
    "PP601",
    "negative-budget",
    Severity.ERROR,
    en="Task {task} budgets a negative amount: {amount}.",
    vi="Nhiệm vụ {task} có kinh phí âm: {amount}.",
)
def negative_budget(context: PlanContext, report: Report) -> None:
    """A negative budget amount or budget line.

    Money planned for a task cannot be below zero; a minus sign is usually a
    dash from the table ("-" for "none") read as a sign.
    """
    for index, task in enumerate(context.plan.tasks):
        budget = task.budget
        if budget is None:
            continue
        if budget.amount is not None and budget.amount < 0:
            report(f"$.tasks[{index}].budget.amount", source=task.source, task=task.id, amount=money(budget.amount))
        for k, line in enumerate(budget.lines):
            if line.amount < 0:
                report(
                    f"$.tasks[{index}].budget.lines[{k}].amount",
                    source=task.source,
                    task=task.id,
                    amount=money(line.amount),
                )


@rule(
    "PP602",
    "budget-total-mismatch",
    Severity.ERROR,
    en="Task {task} budgets {amount} in total, but its lines add up to {lines}.",
    vi="Nhiệm vụ {task} có tổng kinh phí {amount} nhưng các dòng chi tiết cộng lại là {lines}.",
)
def budget_total_mismatch(context: PlanContext, report: Report) -> None:
    """A budget whose lines do not add up to its total.

    When a task gives both a total and a breakdown, the breakdown must sum to
    the total exactly (amounts are whole đồng).
    """
    for index, task in enumerate(context.plan.tasks):
        budget = task.budget
        if budget is None or budget.amount is None or not budget.lines:
            continue
        total = sum(line.amount for line in budget.lines)
        if total != budget.amount:
            report(
                f"$.tasks[{index}].budget.amount",
                source=task.source,
                task=task.id,
                amount=money(budget.amount),
                lines=money(total),
            )


@rule(
    "PP603",
    "unquantified-budget",
    Severity.INFO,
    en="Task {task} has a budget without an amount: {text!r}.",
    vi="Nhiệm vụ {task} có kinh phí nhưng không nêu số tiền: {text!r}.",
)
def unquantified_budget(context: PlanContext, report: Report) -> None:
    """A budget cell that states no amount ("Theo dự trù kinh phí riêng").

    Row 30 of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) funds its task "Theo dự trù kinh phí riêng": the money
    is planned elsewhere. Totals of the plan leave such tasks out; reported as
    information so that the totals are read with care.
    """
    for index, task in enumerate(context.plan.tasks):
        budget = task.budget
        if budget is not None and not budget.is_quantified:
            text = budget.note or budget.text or ""
            report(f"$.tasks[{index}].budget", source=task.source, task=task.id, text=text)
