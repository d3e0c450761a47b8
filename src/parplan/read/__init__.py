"""Reading whole plan documents into a typed draft: each field with its source, its certainty and its doubts.

:mod:`parplan.read.source` is what format readers give (lines and tables with
their places); :mod:`parplan.read.reading` is what the reader gives back.
"""
