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
