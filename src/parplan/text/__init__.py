"""Reading plan language: normalisation, numbers and the phrase parsers.

* :func:`parse_timeframe` / :func:`read_timeframe`: deadline phrases ("Quý I/2022").
* :func:`parse_target` / :func:`extract_targets`: targets ("đạt từ 90% trở lên").
* :func:`parse_document_symbol` / :func:`extract_references`: document symbols and citations.
* :func:`match_area` / :func:`match_areas`: section headings to reform areas.
* :func:`parse_period_label`: period labels ("Quý I/2022", "First half of 2022").
* :func:`parse_number` / :func:`read_number`: Vietnamese numbers ("90,73", "3.773").
* :func:`fold`, :func:`fold_aligned`, :func:`repair_ocr`: matching forms of text.
"""

from parplan.text.areas import match_area, match_areas
from parplan.text.legal import extract_references, parse_document_symbol
from parplan.text.normalize import Repair, collapse_spaces, fold, fold_aligned, nfc, repair_ocr
from parplan.text.numbers import NumberReading, parse_number, read_number
from parplan.text.periods import parse_period_label
from parplan.text.targets import extract_targets, parse_target
from parplan.text.timeframes import TimeframeFlag, TimeframeReading, parse_timeframe, read_timeframe

__all__ = [
    "NumberReading",
    "Repair",
    "TimeframeFlag",
    "TimeframeReading",
    "collapse_spaces",
    "extract_references",
    "extract_targets",
    "fold",
    "fold_aligned",
    "match_area",
    "match_areas",
    "nfc",
    "parse_document_symbol",
    "parse_number",
    "parse_period_label",
    "parse_target",
    "parse_timeframe",
    "read_number",
    "read_timeframe",
    "repair_ocr",
]
