"""The varied symbols and citations (tests/cases/legal_varied.toml) read with their schema extensions.

References are compared with :func:`describe_reference_reading` (the reference,
its pinpoint, a number without a symbol, a short name, a date that cannot be);
the doubts (flags) are compared apart, OCR repairs aside.
"""

from __future__ import annotations

from typing import Any

import pytest

from parplan import ParseError, ReferenceFlag, extract_references, parse_document_symbol, read_references
from parplan.text.normalize import nfc
from test_text_support import check_error, describe_reference_reading, describe_symbol, params


@pytest.mark.parametrize("case", params("legal_varied", "symbol"))
def test_varied_symbol(case: dict[str, Any]) -> None:
    symbol = parse_document_symbol(case["text"])
    assert describe_symbol(symbol) == case["expect"]
    assert symbol.text == case.get("written")


@pytest.mark.parametrize("case", params("legal_varied", "error"))
def test_varied_not_a_symbol(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as raised:
        parse_document_symbol(case["text"])
    assert case.get("expected", "") in raised.value.expected
    check_error(raised.value)


@pytest.mark.parametrize("case", params("legal_varied", "reference"))
def test_varied_reference(case: dict[str, Any]) -> None:
    readings = read_references(case["text"])
    assert [describe_reference_reading(r) for r in readings] == [
        {k: v for k, v in entry.items() if k != "flags"} for entry in case["expect"]
    ]
    assert [[f.value for f in r.flags if f is not ReferenceFlag.OCR_REPAIRED] for r in readings] == [
        entry.get("flags", []) for entry in case["expect"]
    ]
    assert extract_references(case["text"]) == [r.value for r in readings]
    for reading in readings:
        assert reading.text == reading.value.text
        assert reading.text in nfc(case["text"])
