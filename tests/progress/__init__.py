"""Tests of progress reports, their evaluation, roll-ups, score sheets, their checks, rendering and commands."""
