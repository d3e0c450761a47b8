"""The rules, one module per family; importing this package registers every rule.

=============== ====== =================================================================
module          codes  what the rules look at
=============== ====== =================================================================
``structure``   PP1xx  tasks, areas, responsibilities, administrative levels, the header
``dates``       PP2xx  deadlines, cut-off windows, report deadlines, document dates
``targets``     PP3xx  percentages, ranks, baselines, contradictions, damaged units
``references``  PP4xx  document symbols and the documents a plan cites
``reporting``   PP5xx  the declared reporting schedule against the reporting regime
``budget``      PP6xx  amounts, totals, unquantified cells
``frameworks``  PP7xx  index results and their points
``progress``    PP8xx  progress reports against their plan; self-assessment score sheets
``alignment``   PP9xx  a lower-level plan against the plan it implements
=============== ====== =================================================================

The rules read what a plan says, not how it was transcribed: a task answers to
the lead and the timeframe its sections state for the group
(:meth:`~parplan.checks.context.PlanContext.lead_of`,
:meth:`~parplan.checks.context.PlanContext.timeframe_of`), and the completeness
rules (PP104, PP106, PP112, PP207) compare a task with the other items of its
list (:meth:`~parplan.checks.context.PlanContext.gaps`), so a plan gives the same
findings whether its tasks came from a table or from prose. No rule keeps a
table-only scope. The directions of a plan's implementation ("Tổ chức thực
hiện", the articles of a decision) are not tasks of an area.
"""

from parplan.checks.rules import (  # noqa: F401 - importing a family module registers its rules
    alignment,
    budget,
    dates,
    frameworks,
    progress,
    references,
    reporting,
    structure,
    targets,
)
