"""Following a plan as it is carried out: progress reports, evaluation, roll-ups and index self-assessment.

The model (:mod:`~parplan.progress.report`, :mod:`~parplan.progress.sheet`)
holds what offices write: periodic progress reports on their plan and the
yearly self-assessment score sheet of their index. The services take those
values and return plain results, and never print:

* :mod:`~parplan.progress.evaluate`: :func:`parplan.evaluate` gives each
  task's state, each target's attainment and each report's timeliness as of a
  day;
* :mod:`~parplan.progress.rollup`: :func:`parplan.rollup` adds statuses up by
  area, lead body, unit, the unit above it or period, and
  :func:`parplan.rank_units` ranks units;
* :mod:`~parplan.progress.score`: :func:`parplan.score_sheet` totals a score
  sheet against its framework (percentage, group, change from last year) and
  :func:`parplan.rank_scores` ranks units among their peers.

Every name is exported from :mod:`parplan`.
"""
