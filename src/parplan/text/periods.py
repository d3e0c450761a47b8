"""The words of reporting periods, and reading a period's label: "Quý I/2022", "6 tháng đầu năm 2022", "Q1 2022".

This module is the one home of the period vocabulary the readers share: the
quarter numerals (Roman, digits, and the characters scanning leaves for "I"),
the half-year and nine-months words, the month word and the English month
names. :func:`parse_period_label` reads a label as documents write one;
:mod:`parplan.text.timeframes` builds its period patterns from the same
tables, so "sáu tháng cuối năm" means the same thing to both.

Every table is keyed by the folded form (lower case, no diacritics, ``đ`` as
``d``) that the readers match; the writing of labels stays with the model
(:meth:`parplan.periods.ReportingPeriod.label`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final, TypeAlias

import attrs

from parplan._values import EN_MONTHS, FIRST_PERIOD_YEAR, LAST_YEAR
from parplan.errors import ParseError
from parplan.locale import check_locale
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.text.normalize import collapse_spaces, fold

__all__ = [
    "EN_HALF_POSITIONS",
    "EN_MONTH_NAMES",
    "HALF_POSITIONS",
    "HALF_WORD",
    "MONTH_WORD",
    "NINE_MONTHS",
    "NINE_MONTHS_FROM",
    "QUARTER_DIGITS",
    "QUARTER_NUMERALS",
    "QUARTER_WORD",
    "ROMAN_LOOK_ALIKES",
    "ROMAN_REPAIR",
    "SIX_MONTHS",
    "WHOLE_YEAR",
    "YEAR_WORD",
    "alternatives",
    "parse_period_label",
    "quarter_numeral",
]

# -- the vocabulary ------------------------------------------------------------------------------

QUARTER_WORD: Final = "quy"
""""Quý"."""
QUARTER_NUMERALS: Final[Mapping[str, int]] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
"""The Roman numerals of the quarters, folded."""
QUARTER_DIGITS: Final[Mapping[str, int]] = {"1": 1, "2": 2, "3": 3, "4": 4}
"""The quarters written in digits ("Quý 2/2023", "Q2 2023")."""
ROMAN_LOOK_ALIKES: Final = "l1|!th["
"""What scanning leaves for the strokes of a Roman numeral: "Quý l/2021", "Quý 1I/2022", "Quý |V",
"Quý TV" (a "T" for an "I"), "Quý HI" (an "H" for two strokes joined: "II"), "Quý [11/2025" (a bracket)."""
ROMAN_REPAIR: Final = str.maketrans({**dict.fromkeys("l1|!t[", "i"), "h": "ii"})
"""Reads the look-alikes of the strokes as strokes (``"lH".lower().translate(ROMAN_REPAIR) == "iii"``)."""
MONTH_WORD: Final = "thang"
""""Tháng", a month; also the unit of "6 tháng", "9 tháng"."""
YEAR_WORD: Final = "nam"
""""Năm"."""
WHOLE_YEAR: Final = ("ca", "tron")
"""The words of the whole year: "Cả năm 2022", "trọn năm"."""
SIX_MONTHS: Final = ("6", "sau")
"""The six of "6 tháng", "sáu tháng" (a half year)."""
HALF_WORD: Final = "nua"
""""Nửa năm", a half year (the first, unless "cuối" follows)."""
HALF_POSITIONS: Final[Mapping[str, int]] = {"dau": 1, "cuoi": 2}
"""Which half: "6 tháng đầu năm", "6 tháng cuối năm"."""
NINE_MONTHS: Final = ("9", "chin")
"""The nine of "9 tháng", "chín tháng" (January to September)."""
NINE_MONTHS_FROM: Final = "dau"
"""The optional "đầu" of "9 tháng đầu năm"."""
EN_HALF_POSITIONS: Final[Mapping[str, int]] = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
"""Which half, in English: "First half of 2022", "2nd half 2022"."""
EN_MONTH_NAMES: Final[Mapping[str, int]] = {
    **{name.lower(): index for index, name in enumerate(EN_MONTHS, 1)},
    **{name.lower()[:3]: index for index, name in enumerate(EN_MONTHS, 1)},
    "sept": 9,
}
"""English month names, whole and in three letters ("Sept" too), lower case."""


def alternatives(words: Iterable[str]) -> str:
    """Regex source for any of ``words``, the longest tried first; a space may be missing or doubled.

    >>> alternatives(("6", "sau"))
    '(?:sau|6)'
    """
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s*") for word in ordered) + ")"


def quarter_numeral(*, look_alikes: bool) -> str:
    """Regex source for the numeral of a quarter (no group, no word end).

    Without ``look_alikes``: exactly I to IV or 1 to 4. With them, anything
    numeral-shaped scanning may have left ("l", "1I", "|V", "IIV", "V", "HI",
    "TV") and any digit ("5" is then refused as a quarter, not read as
    something else), for the reader to repair and check (:data:`ROMAN_REPAIR`).
    """
    digits = "".join(sorted(QUARTER_DIGITS))
    if not look_alikes:
        return "(?:" + "|".join(sorted(QUARTER_NUMERALS, key=len, reverse=True)) + f"|[{digits}])"
    ones = "[i" + re.escape(ROMAN_LOOK_ALIKES) + "]"
    longest = max(len(numeral) for numeral in QUARTER_NUMERALS)
    return f"(?:{ones}{{1,{longest}}}v?|v|[0-9])"


# -- labels --------------------------------------------------------------------------------------

_Step: TypeAlias = tuple[re.Pattern[str], str]
_Groups: TypeAlias = dict[str, tuple[str, int]]
_PERIOD_YEARS = f"a year between {FIRST_PERIOD_YEAR} and {LAST_YEAR}"


@attrs.frozen
class _Form:
    """One way of writing a label: steps to match in order, then how to build the period."""

    kind: PeriodKind
    steps: tuple[_Step, ...]
    index: Callable[[str], int] | None = None
    """Turns the ``index`` group into the period's index; None for one-per-year kinds."""

    def build(self, shown: str, groups: _Groups) -> ReportingPeriod:
        year_text, year_at = groups["year"]
        year = int(year_text)
        if not FIRST_PERIOD_YEAR <= year <= LAST_YEAR:
            raise ParseError(shown, year_at, _PERIOD_YEARS)
        index = 1 if self.index is None else self.index(groups["index"][0])
        return ReportingPeriod(kind=self.kind, year=year, index=index)


def _step(pattern: str, expected: str) -> _Step:
    return re.compile(pattern), expected


def _words(words: Iterable[str]) -> str:
    """The label form of :func:`alternatives`: labels are read with their spaces collapsed."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_YEAR = _step(r"(?P<year>\d{4})(?!\d)", "a four-digit year")
_QUARTER_INDEX = {**QUARTER_NUMERALS, **QUARTER_DIGITS}

_VI_BEFORE_YEAR = _step(rf"(?:/|-|{YEAR_WORD}(?![a-z]))\s*", "'/' or 'năm' before the year")
_VI_FORMS = (
    _Form(
        PeriodKind.QUARTER,
        (
            _step(rf"{QUARTER_WORD}(?![a-z])\s*", "'Quý'"),
            _step(rf"(?P<index>{quarter_numeral(look_alikes=False)})(?![a-z0-9])\s*", "a quarter number, I to IV"),
            _VI_BEFORE_YEAR,
            _YEAR,
        ),
        _QUARTER_INDEX.__getitem__,
    ),
    _Form(
        PeriodKind.HALF,
        (
            _step(rf"{_words(SIX_MONTHS)} {MONTH_WORD} ", "'6 tháng'"),
            _step(rf"(?P<index>{'|'.join(HALF_POSITIONS)}) ", "'đầu' or 'cuối'"),
            _step(rf"{YEAR_WORD} ", "'năm'"),
            _YEAR,
        ),
        HALF_POSITIONS.__getitem__,
    ),
    _Form(
        PeriodKind.NINE_MONTHS,
        (
            _step(rf"{_words(NINE_MONTHS)} {MONTH_WORD} ", "'9 tháng'"),
            _step(rf"(?:{NINE_MONTHS_FROM} )?{YEAR_WORD} ", "'năm'"),
            _YEAR,
        ),
    ),
    _Form(
        PeriodKind.MONTH,
        (
            _step(rf"{MONTH_WORD}(?![a-z])\s*", "'Tháng'"),
            _step(r"(?P<index>1[0-2]|0?[1-9])(?!\d)\s*", "a month number, 1 to 12"),
            _VI_BEFORE_YEAR,
            _YEAR,
        ),
        int,
    ),
    _Form(PeriodKind.YEAR, (_step(rf"(?:{_words(WHOLE_YEAR)} )?{YEAR_WORD}(?![a-z]) ?", "'Năm'"), _YEAR)),
)
_VI_EXPECTED = (
    "a period label such as 'Quý I/2022', '6 tháng đầu năm 2022', '9 tháng năm 2022', 'Tháng 01/2022' or 'Năm 2022'"
)

_EN_OF = _step(r"(?:of )?", "'of'")
_EN_FORMS = (
    _Form(
        PeriodKind.QUARTER,
        (
            _step(r"q(?:uarter ?)?(?=\d)", "'Q'"),
            _step(rf"(?P<index>[{''.join(sorted(QUARTER_DIGITS))}])(?!\d)\s*", "a quarter number, 1 to 4"),
            _step(r"(?:of |/\s*|-\s*)?", "'of'"),
            _YEAR,
        ),
        int,
    ),
    _Form(
        PeriodKind.HALF,
        (
            _step(rf"(?P<index>{_words(EN_HALF_POSITIONS)}) ", "'first' or 'second'"),
            _step(r"half ", "'half'"),
            _EN_OF,
            _YEAR,
        ),
        EN_HALF_POSITIONS.__getitem__,
    ),
    _Form(PeriodKind.HALF, (_step(r"h(?P<index>[12]) ", "'H1' or 'H2'"), _YEAR), int),
    _Form(
        PeriodKind.NINE_MONTHS,
        (_step(r"(?:first )?(?:nine|9) ", "'nine'"), _step(r"months ", "'months'"), _EN_OF, _YEAR),
    ),
    _Form(
        PeriodKind.MONTH,
        (_step(rf"(?P<index>{_words(EN_MONTH_NAMES)})(?![a-z]) ", "a month name"), _EN_OF, _YEAR),
        EN_MONTH_NAMES.__getitem__,
    ),
    _Form(PeriodKind.YEAR, (_step(r"year(?![a-z]) ?", "'Year'"), _YEAR)),
)
_EN_EXPECTED = (
    "a period label such as 'Q1 2022', 'First half of 2022', 'Nine months of 2022', 'January 2022' or 'Year 2022'"
)


def parse_period_label(text: str, *, locale: str) -> ReportingPeriod:
    """Read a period's label in ``locale`` ("vi" or "en"), with or without diacritics, in any case.

    Vietnamese: "Quý I/2022" (also "Quy 1/2022", "quý I năm 2022"),
    "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "9 tháng (đầu) năm 2022",
    "Tháng 01/2022", "Năm 2022" (also "Cả năm 2022"). English: "Q1 2022",
    "First half of 2022", "H2 2022", "Nine months of 2022", "January 2022", "Year 2022".
    ``locale`` also takes a tag with a region ("vi_VN") or a babel ``Locale``.

    >>> str(parse_period_label("6 thang dau nam 2022", locale="vi"))
    '2022S1'
    >>> str(parse_period_label("Nine months of 2023", locale="en"))
    '2023Q1-Q3'

    Raises :class:`~parplan.errors.ParseError` with the position where
    reading stopped; ``text`` in the error is the label with its spaces collapsed.
    """
    language = check_locale(locale)
    if not isinstance(text, str):
        raise ParseError(repr(text), 0, "a period label as text")
    shown = collapse_spaces(text)
    folded = fold(text)
    forms = _VI_FORMS if language == "vi" else _EN_FORMS
    best_position, best_expected = 0, _VI_EXPECTED if language == "vi" else _EN_EXPECTED
    for form in forms:
        position = 0
        groups: _Groups = {}
        for pattern, expected in form.steps:
            match = pattern.match(folded, position)
            if match is None:
                if position > best_position:
                    best_position, best_expected = position, expected
                break
            for name, value in match.groupdict().items():
                if value is not None:
                    groups[name] = (value, match.start(name))
            position = match.end()
        else:
            if position == len(folded):
                return form.build(shown, groups)
            if position > best_position:
                best_position, best_expected = position, "the end of the label"
    raise ParseError(shown, best_position, best_expected)
