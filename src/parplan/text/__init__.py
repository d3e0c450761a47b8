"""Reading plan language: normalisation, numbers and the phrase parsers.

* :func:`parse_timeframe` / :func:`read_timeframe`: deadline phrases ("Quý I/2022").
* :func:`parse_target` / :func:`read_target` / :func:`extract_targets`: targets ("đạt từ 90% trở lên");
  :func:`read_index_result`: published results ("xếp thứ 4/25 (giảm 02 hạng)").
* :func:`parse_document_symbol` / :func:`extract_references` / :func:`read_references`: document
  symbols and citations.
* :func:`match_area` / :func:`match_areas`: section headings to reform areas;
  :func:`match_heading`: an area or a criterion ("Tiêu chí 2.3 …"), with the heading's label.
* :func:`parse_period_label`: period labels ("Quý I/2022", "First half of 2022").
* :func:`parse_number` / :func:`read_number`: Vietnamese numbers ("90,73", "3.773").
* :func:`fold`, :func:`fold_aligned`, :func:`repair_ocr`: matching forms of text.

Each parser's module is imported, and its patterns compiled, when one of its
names is first used.
"""

from typing import TYPE_CHECKING

from parplan._lazy import lazy_exports

if TYPE_CHECKING:
    from parplan.text.areas import HeadingKind, HeadingMatch, is_area_name, match_area, match_areas, match_heading
    from parplan.text.legal import (
        ReferenceFlag,
        ReferenceReading,
        extract_references,
        parse_document_symbol,
        read_references,
    )
    from parplan.text.normalize import Repair, collapse_spaces, fold, fold_aligned, nfc, repair_ocr, repair_text
    from parplan.text.numbers import NumberReading, parse_number, read_number
    from parplan.text.periods import parse_period_label
    from parplan.text.targets import TargetReading, extract_targets, parse_target, read_index_result, read_target
    from parplan.text.timeframes import TimeframeFlag, TimeframeReading, parse_timeframe, read_timeframe

_EXPORTS = {
    "HeadingKind": "parplan.text.areas",
    "HeadingMatch": "parplan.text.areas",
    "NumberReading": "parplan.text.numbers",
    "ReferenceFlag": "parplan.text.legal",
    "ReferenceReading": "parplan.text.legal",
    "Repair": "parplan.text.normalize",
    "TargetReading": "parplan.text.targets",
    "TimeframeFlag": "parplan.text.timeframes",
    "TimeframeReading": "parplan.text.timeframes",
    "collapse_spaces": "parplan.text.normalize",
    "extract_references": "parplan.text.legal",
    "extract_targets": "parplan.text.targets",
    "is_area_name": "parplan.text.areas",
    "fold": "parplan.text.normalize",
    "fold_aligned": "parplan.text.normalize",
    "match_area": "parplan.text.areas",
    "match_areas": "parplan.text.areas",
    "match_heading": "parplan.text.areas",
    "nfc": "parplan.text.normalize",
    "parse_document_symbol": "parplan.text.legal",
    "parse_number": "parplan.text.numbers",
    "parse_period_label": "parplan.text.periods",
    "parse_target": "parplan.text.targets",
    "parse_timeframe": "parplan.text.timeframes",
    "read_index_result": "parplan.text.targets",
    "read_number": "parplan.text.numbers",
    "read_references": "parplan.text.legal",
    "read_target": "parplan.text.targets",
    "read_timeframe": "parplan.text.timeframes",
    "repair_ocr": "parplan.text.normalize",
    "repair_text": "parplan.text.normalize",
}

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

__all__ = [
    "HeadingKind",
    "HeadingMatch",
    "NumberReading",
    "ReferenceFlag",
    "ReferenceReading",
    "Repair",
    "TargetReading",
    "TimeframeFlag",
    "TimeframeReading",
    "collapse_spaces",
    "extract_references",
    "extract_targets",
    "fold",
    "fold_aligned",
    "is_area_name",
    "match_area",
    "match_areas",
    "match_heading",
    "nfc",
    "parse_document_symbol",
    "parse_number",
    "parse_period_label",
    "parse_target",
    "parse_timeframe",
    "read_index_result",
    "read_number",
    "read_references",
    "read_target",
    "read_timeframe",
    "repair_ocr",
    "repair_text",
]
