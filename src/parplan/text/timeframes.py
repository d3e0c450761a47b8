"""Reading the deadlines of real plans: "Trước ngày 31/12/2020", "Quý I, II, III/2022", "Trong năm".

:func:`parse_timeframe` turns the text of a "Thời gian thực hiện" cell into a
:mod:`parplan.timeframes` value; :func:`read_timeframe` also says how sure
the reading is (flags, a confidence, the OCR repairs made and the action that
came before the time, as in "Ban hành Kế hoạch trong tháng 01/2021").

What is read (diacritics optional, any case, scanned damage tolerated):

===================================================== ===========================================
phrase                                                timeframe
===================================================== ===========================================
"Trước ngày 31/12/2020", "chậm nhất là ngày 03/12/2022" ``Before`` that day
"Trước tháng 6/2022", "Đến hết quý II/2022"            ``Before`` the day before / the last day
"Ngày 15/3/2022", "ngày 15 tháng 3 năm 2022"           ``OnDate``
"Từ ngày 15/12/2021 đến ngày 14/3/2022"               ``Between``
"Tháng 01/2022", "Quý I, II, III/2022", "Trong năm 2021" ``Within`` the periods
"6 tháng đầu năm 2022", "9 tháng năm 2022"             ``Within`` the half / the nine months
"Quý I - III/2022", "từ tháng 1 đến tháng 6/2022"      ``Between`` the first and last days
"giai đoạn 2021 - 2025", "nhiệm kỳ 2021 - 2026"         ``Span``
"từ năm 2022 trở đi", "qua các năm tiếp theo"          ``OpenEnded``
"Thường xuyên trong năm 2022", "hàng quý"              ``Recurring``
"định kỳ hàng quý, 6 tháng và năm 2022"                ``Recurring`` (quarterly, half-yearly, yearly)
"Khi có hướng dẫn của cấp trên", "Sau khi ..."         ``OnEvent``
"Trong quá trình soạn thảo văn bản"                     ``OnEvent`` (while the work it names goes on)
"Trong 15 ngày kể từ ngày nhận Thông báo", "trước đợt …" ``OnEvent`` (the count of days in its words)
"05 ngày làm việc trước ngày 15/3/2024"                ``Before`` the day counted back
"Hằng tháng báo cáo … trước ngày 25"                   ``Recurring`` (the words between: the action)
"trước ngày 31/9/2019" (a day that cannot be)          ``Before`` the month's last day, doubted
"Theo kế hoạch của huyện", "Trong năm (theo VB ...)"   ``PerSchedule``
"Theo đề nghị của cơ quan chủ trì soạn thảo"            ``PerSchedule`` (as others ask)
"theo định kỳ hoặc đột xuất theo yêu cầu"              ``PerSchedule`` (no frequency is named)
"Học kỳ II năm học 2025-2026", "Cuối năm học"          ``SchoolTerm`` (a school year or term)
"- Ban hành ... tháng 01/2021. - Báo cáo ... quý IV"   ``Compound`` of steps
===================================================== ===========================================

Where the text leaves the year to the plan ("Trong năm", "Tháng 01"), pass the
plan's ``year``; without it there is no defensible reading and
:class:`~parplan.errors.ParseError` is raised.
"""

from __future__ import annotations

import calendar as _month_calendar
import functools
import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

import attrs

from parplan._values import YEARS_EXPECTED, check_year, is_year
from parplan.calendar import official_calendar
from parplan.errors import InvariantError, ParseError
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.text._scan import Failure, Phrase, Scanner, pattern, words
from parplan.text.dates import DAY_WORD, DayParts, day_parts, day_source, make_date, year_written
from parplan.text.normalize import KNOWN_WORDS, Repair, is_syllable
from parplan.text.periods import (
    HALF_POSITIONS,
    HALF_WORD,
    MONTH_WORD,
    NINE_MONTHS,
    NINE_MONTHS_FROM,
    QUARTER_DIGITS,
    QUARTER_NUMERALS,
    QUARTER_WORD,
    ROMAN_LOOK_ALIKES,
    ROMAN_REPAIR,
    SIX_MONTHS,
    WHOLE_YEAR,
    YEAR_WORD,
    alternatives,
    quarter_numeral,
)
from parplan.timeframes import (
    Before,
    Between,
    Compound,
    Frequency,
    OnDate,
    OnEvent,
    OpenEnded,
    Part,
    PartOf,
    PerSchedule,
    Recurring,
    SchoolTerm,
    SimpleTimeframe,
    Since,
    Span,
    SpanKind,
    Step,
    Timeframe,
    Within,
    WithinWorkingDays,
)

__all__ = ["TimeframeFlag", "TimeframeReading", "parse_timeframe", "read_timeframe"]


class TimeframeFlag(StrEnum):
    """Doubts recorded while reading a timeframe."""

    YEAR_FROM_PLAN = "year_from_plan"
    """The text names no year ("Trong năm", "Tháng 01"): the plan's year was used."""
    YEAR_INFERRED = "year_inferred"
    """A year was deduced from the order of dates ("từ 15/12 đến 14/3/2022" starts in 2021)."""
    BEFORE_PLAN_YEAR = "before_plan_year"
    """A period lies wholly before the plan's year ("Tháng 01/2021" in a 2022 plan): perhaps a typo."""
    AMBIGUOUS = "ambiguous"
    """The text allows more than one reading; the one kept is the most likely (see ``notes``)."""
    OCR_REPAIRED = "ocr_repaired"
    """The text was damaged (scanned) and repaired before reading (see ``repairs``)."""
    UNREAD_WORDS = "unread_words"
    """Next to the time stands a word the reader does not know or a time word it could not place
    ("Truéce ngày 28/2", "Từ ... ngày"): the time may say more than was read (see ``notes``)."""
    DATE_INVALID = "date_invalid"
    """A day that cannot exist as written ("31/9/2019", "30/02/2024") was read as the last day of its
    month, or the due day of recurring work is no day ("trước ngày 35"); ``notes`` name the day as
    written, which the text keeps."""


_FLAG_ORDER = {flag: index for index, flag in enumerate(TimeframeFlag)}
_CONFIDENCE = {
    TimeframeFlag.YEAR_FROM_PLAN: 0.95,
    TimeframeFlag.YEAR_INFERRED: 0.9,
    TimeframeFlag.BEFORE_PLAN_YEAR: 0.7,
    TimeframeFlag.AMBIGUOUS: 0.6,
    TimeframeFlag.OCR_REPAIRED: 0.9,
    TimeframeFlag.UNREAD_WORDS: 0.6,
    TimeframeFlag.DATE_INVALID: 0.5,
}


@attrs.frozen(kw_only=True)
class TimeframeReading:
    """A timeframe read from text, with what made the reading less than certain.

    ``value`` is the timeframe; ``text`` the phrase as written (NFC);
    ``action`` the words before the time when the phrase starts with one
    ("Ban hành kế hoạch" in "Ban hành kế hoạch trước 31/12/2020"), and the words
    between a recurrence and its due day ("báo cáo kết quả" in "Hằng tháng báo cáo
    kết quả trước ngày 25"), after those before it when there are both; ``flags``
    and ``notes`` the doubts; ``repairs`` the damaged characters read as
    others. ``confidence`` is 1.0 for a clean reading and lower with each doubt.
    """

    value: Timeframe
    text: str
    action: str | None = None
    flags: tuple[TimeframeFlag, ...] = ()
    notes: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()

    @property
    def confidence(self) -> float:
        """1.0 for a clean reading, multiplied down by each flag (0.6 for an ambiguous one)."""
        score = 1.0
        for flag in self.flags:
            score *= _CONFIDENCE[flag]
        return round(score, 4)


# -- vocabulary ---------------------------------------------------------------------------------

_SIX_MONTHS = rf"{alternatives(SIX_MONTHS)}\s*{MONTH_WORD}"
"""'6 tháng', 'sáu tháng'."""
_QUARTER_NUMERAL = rf"{quarter_numeral(look_alikes=True)})(?![a-z0-9])"
"""A quarter's numeral, its group to be opened before (``(?P<q>`` + this)."""
_MONTH_NUMBER = r"[0-9]{1,2})(?![0-9])"
"""A month's number, its group to be opened before."""
_YEAR_NUMBER = r"[0-9]{4})(?![0-9])"
"""A year, its group to be opened before."""
_BEFORE_YEAR = rf"(?:(?:[/.-]|,|{YEAR_WORD}(?![a-z]))\s*)?"
"""What may stand between a period and its year: "Quý I/2022", "tháng 3 năm 2022", "tháng 3, 2022"."""


def _and_year(group: str) -> str:
    """Regex source of the year that may follow a period ("/2022", "năm 2022"), in ``group``."""
    return rf"(?:\s*{_BEFORE_YEAR}(?P<{group}>{_YEAR_NUMBER})?"


_PERIOD_WORD = pattern(
    rf"(?P<quarter>{QUARTER_WORD}(?![a-z]))(?:\s*(?P<q>{_QUARTER_NUMERAL}{_and_year('qy')})?"
    rf"|(?P<month>{MONTH_WORD}(?![a-z]))(?:\s*(?P<n>{_MONTH_NUMBER}{_and_year('ny')})?"
    rf"|(?P<half>(?:{_SIX_MONTHS}|{HALF_WORD})\s*(?:(?P<pos>{alternatives(HALF_POSITIONS)})\s*)?{YEAR_WORD}(?![a-z]))"
    + _and_year("hy")
    + rf"|(?P<nine>{alternatives(NINE_MONTHS)}\s*{MONTH_WORD}\s*(?:{NINE_MONTHS_FROM}\s*)?{YEAR_WORD}(?![a-z]))"
    + _and_year("ly")
    + rf"|(?P<year>(?:{alternatives(WHOLE_YEAR)}\s*)?{YEAR_WORD}(?![a-z]))(?:\s*(?P<yy>{_YEAR_NUMBER})?"
)
"""The first period of a list, in one match: its word, then its numeral and year where it has them.

"quý I/2022" fills ``quarter``, ``q`` and ``qy``; "quý" alone only ``quarter`` (the numeral is
then missing). The year groups are ``qy``, ``ny`` (month), ``hy`` (half), ``ly`` (nine months), ``yy``."""
_QUARTER_GROUPS = frozenset(("quarter", "q", "qy"))
_MONTH_GROUPS = frozenset(("month", "n", "ny"))
_HALF_GROUPS = frozenset(("half", "pos", "hy"))
_NINE_GROUPS = frozenset(("nine", "ly"))
_YEAR_GROUPS = frozenset(("qy", "ny", "hy", "ly", "yy"))
"""The groups of ``_PERIOD_WORD`` by the kind of period they close, and those that hold a year."""
_THIS_YEAR = pattern(words("nay", "hien tai", "ke hoach"))
_QUARTER_NUM = pattern(rf"(?P<q>{_QUARTER_NUMERAL}")
_QUARTER_LETTERS = "[iv" + re.escape(ROMAN_LOOK_ALIKES) + "]"
"""A letter of a Roman quarter numeral as scanned text may write it."""
_MONTH_NUM = pattern(rf"(?P<n>{_MONTH_NUMBER}")
_YEAR_NUM = pattern(rf"(?P<y>{_YEAR_NUMBER}")
_YEAR_PART = pattern(rf"{_BEFORE_YEAR}(?P<y>{_YEAR_NUMBER}")
_MONTH_YEAR = pattern(r"(?P<n>[0-9]{1,2})\s*[/.-]\s*(?P<y>[0-9]{4})(?![0-9])")
_LIST_SEP = pattern(r"(?:,|;|&|\+|va(?![a-z])|(?P<or>hoac(?![a-z])))")
_RANGE_SEP = pattern(r"(?:-|den(?![a-z])|toi(?![a-z]))")

_DAY = pattern(day_source())
_DAY_WORD = pattern(rf"{DAY_WORD}(?![a-z])\s*:?")

_WITHIN_PREFIX = pattern(words("trong thoi gian", "trong suot", "trong", "vao", "suot"))
_HOUR = r"(?:\s*(?P<hour>[0-9]{1,2}\s*(?:h|gio|g)\s*(?:[0-9]{2}(?![0-9])\s*(?:phut(?![a-z])|p(?![a-z]))?)?)\s*,?)?"
"""An hour before the day ("trước 17h00 ngày 14/11", "trước 16 giờ 00 ngày 20/6"): kept in the text only."""
_BEFORE_START = pattern(r"(?:hoan\s*thanh\s*)?truoc(?![a-z])(?!\s*khi(?![a-z]))" + _HOUR)
_BEFORE_END = pattern(
    words(
        "cham nhat la",
        "cham nhat vao",
        "cham nhat trong",
        "cham nhat",
        "han chot la",
        "han chot",
        "thoi han la",
        "thoi han",
        "khong muon hon",
        "den het",
        "den",
        "toi",
        "het",
    )
    + r"\s*:?"
    + _HOUR
)
_BETWEEN_START = pattern(words("tu", "ke tu", "bat dau tu"))
_BETWEEN_MID = pattern(r"(?:-|den(?![a-z])|toi(?![a-z]))\s*(?:het(?![a-z]))?")
_ON_PREFIX = pattern(words("vao", "trong"))
_SPAN_WORD = pattern(
    r"(?:trong\s*)?(?:(?P<strong>(?P<term>nhiem\s*ky)|giai\s*doan|thoi\s*ky)|ke\s*hoach|lo\s*trinh|chuong\s*trinh)"
    r"(?![a-z])"
)
_SPAN_YEARS = pattern(
    r"(?:tu\s*)?(?:nam\s*)?(?P<a>[0-9]{4})\s*(?:-|den(?![a-z])|toi(?![a-z]))\s*(?:nam\s*)?(?P<b>[0-9]{4})(?![0-9])"
)
_OPEN_FROM = pattern(r"(?:tu|ke\s*tu|bat\s*dau\s*tu)\s*(?:nam\s*)?(?P<y>[0-9]{4})(?![0-9])")
_NEXT_YEARS = r"(?:(?:cac|nhung)\s*nam|giai\s*doan)\s*(?:tiep\s*theo|ke\s*tiep|sau|tiep|toi)(?![a-z])"
"""'các năm tiếp theo', 'những năm sau', 'giai đoạn tiếp theo'."""
_OPEN_ONWARD = pattern(words("tro di", "tro ve sau", "ve sau"))
_OPEN_AND_NEXT = pattern(
    r"(?:(?:trong|tu|ke\s*tu|bat\s*dau\s*tu)\s*)?(?:nam\s*)?(?P<y>[0-9]{4})\s*(?:va|,)\s*" + _NEXT_YEARS
)
_OPEN_NEXT_YEARS = pattern(r"(?:(?:qua|trong|cho)\s*)?(?:cac|nhung)\s*nam\s*(?:tiep\s*theo|sau|toi|tiep)(?![a-z])")
_EVENT = pattern(words("ngay sau khi", "sau khi", "ke tu khi", "truoc khi", "ngay khi", "khi", "trong qua trinh"))
_CITED = pattern(
    r"(?:(?:ke\s*hoach|kh|quyet\s*dinh|qd|van\s*ban|vb|cong\s*van|cv|thong\s*bao|tb|nghi\s*quyet|nq|chi\s*thi"
    r"|huong\s*dan|hd|chuong\s*trinh|de\s*an)(?![a-z])\s*(?:so\s*)?)?[0-9]+\s*(?:/\s*[0-9]{4}\s*)?/\s*[a-z]"
)
"""A document cited by its number: "Kế hoạch số 12/KH-UBND", "Quyết định 1234/QĐ-UBND", "12/KH-UBND"."""
_SCHEDULE = pattern(
    # "Đúng thời hạn quy định", "đúng tiến độ": the schedule a rule or a plan sets, like "theo quy định"
    r"(?:dung(?![a-z])\s*(?=(?:thoi\s*han|han|tien\s*do|quy\s*dinh)(?![a-z]))|"
    r"(?:thuc\s*hien\s*)?theo(?![a-z])\s*(?=(?:ke\s*hoach|kh|lo\s*trinh|huong\s*dan|thoi\s*gian|quy\s*dinh|van\s*ban"
    r"|vb|quyet\s*dinh|qd|chi\s*dao|thong\s*bao|yeu\s*cau|tien\s*do|chuong\s*trinh|de\s*an|nghi\s*quyet|cong\s*van"
    r"|lich|muc\s*tieu|nhiem\s*vu|phan\s*cong|ke\s*hoach|de\s*nghi)(?![a-z])))"
)
_WORKING_DAYS = pattern(
    r"(?:(?:trong(?:\s*(?:vong|thoi\s*han|thoi\s*gian))?|cham\s*nhat(?:\s*la)?(?:\s*sau)?|han|sau)\s*)?"
    r"(?P<n>[0-9]{1,3})\s*ngay\s*(?P<working>lam\s*viec(?![a-z]))?"
)
_WORKING_FROM = pattern(r"(?:ke\s*tu|tinh\s*tu|sau)(?![a-z])")
_WORKING_BEFORE = pattern(r"truoc(?![a-z])")
"""Days counted back from what follows: "05 ngày làm việc trước ngày kiểm tra"."""
_FROM_EVENT = pattern(r"khi(?![a-z])")
# "ngày thứ Hai" names a weekday, "ngày thủ tục được công bố" an event: both fold to "thu"
_NOT_AN_EVENT_WORD = (
    r"(?:(?:mung|mong|thang|nam|quy|dau|giua|cuoi|het|hom|mai|nay|chot)(?![a-z])"
    r"|thu\s*(?:hai|ba|tu|nam|sau|bay|[0-9])(?![a-z]))"
)
"""Words after "ngày" that name a day or a report's cut-off, not an event: "ngày mùng 5", "ngày thứ Sáu"."""
_EVENT_DAY = pattern(rf"(?:ngay|thoi\s*diem)\s*(?!{_NOT_AN_EVENT_WORD})(?=[a-z])")
"""The day of an event, not a date: "ngày nhận Thông báo", "ngày kiểm tra", "thời điểm tổ chức"."""
_EVENT_NOUN = pattern(r"(?:dot|ky|buoi|hoi\s*nghi|hoi\s*thi|le|cuoc|phien|tet)(?![a-z])")
"""An event named by its noun: "đợt kiểm tra", "kỳ họp", "buổi làm việc", "Hội nghị", "Tết Nguyên đán"."""
_BEFORE_EVENT = pattern(r"truoc(?![a-z])\s*")
_DATE_LIKE = re.compile(r"[0-9]{1,2}\s*[/.-]\s*[0-9]{1,2}(?![0-9])", re.ASCII)
"""What makes a stretch a date, not an event: "30/4", "15.3"."""
_CLOSING = re.compile(r"[ \n.,;:)]*", re.ASCII)
"""What may close a phrase after its last word."""
_CLAUSE_BREAK = re.compile(r";|[.:]\s+[a-z]|\n\s*[-+*\u2022]", re.ASCII)
"""A second clause or step (a line break alone is the cell's wrapping): an event read to the end
of the phrase stops short of one."""
_CUTOFF_OF = pattern(r"(?:ngay\s*|thoi\s*(?:diem|gian)\s*)?chot\s*so\s*lieu(?:\s*(?:bao\s*cao|cua|ky))*(?![a-z])")
_TRAILER_SCHEDULE = pattern(r"(?:\(\s*)?theo(?![a-z])")
_TRAILER_IF_ANY = pattern(r"\(\s*neu\s*co\s*\)")

_REC_THEO = pattern(r"theo(?=\s*(?:dinh\s*ky|dot\s*xuat|hang|moi|thuong\s*xuyen)(?![a-z]))")
_REC_PERIODIC = pattern(words("dinh ky"))
_REC_CONTINUOUS = pattern(r"(?:thuong\s*xuyen|lien\s*tuc)(?![a-z])(?:\s*(?:,\s*)?lien\s*tuc(?![a-z]))?")
_UNIT_FREQUENCY = {
    DAY_WORD: Frequency.DAILY,
    "tuan": Frequency.WEEKLY,
    MONTH_WORD: Frequency.MONTHLY,
    QUARTER_WORD: Frequency.QUARTERLY,
    YEAR_WORD: Frequency.YEARLY,
}
"""The units of "hàng ngày", "hàng tuần", "hàng tháng", "hàng quý", "hàng năm"."""
_UNITS = "|".join(_UNIT_FREQUENCY)
_NOT_A_HALF = rf"(?!\s*{alternatives(HALF_POSITIONS)})"
"""Not "6 tháng đầu/cuối (năm)": that is a period, not a frequency."""

_REC_EVERY = pattern(rf"(?:hang|moi)\s*(?P<u>{_UNITS})(?![a-z])")
_REC_HALF = pattern(rf"(?:hang\s*)?{_SIX_MONTHS}(?![a-z]){_NOT_A_HALF}(?:\s*(?:mot|1)\s*lan(?![a-z]))?")
_REC_HALF_FIRST = pattern(rf"(?:(?:hang|moi)\s*{_SIX_MONTHS}|{_SIX_MONTHS}\s*(?:mot|1)\s*lan)(?![a-z]){_NOT_A_HALF}")
_REC_AD_HOC = pattern(words("dot xuat"))
_REC_RATE = pattern(
    r"(?:(?:it\s*nhat|toi\s*thieu)\s*)?"
    rf"(?:(?P<every>[0-9]{{1,2}})\s*(?P<eu>{_UNITS})\s*(?:/|mot|1)\s*lan"
    rf"|(?P<times>[0-9]{{1,2}})\s*lan\s*(?:/|(?:trong\s*)?(?:moi|mot|1))\s*(?P<tu>{_UNITS}))(?![a-z0-9])"
)
"""A rate: "6 tháng/lần", "3 tháng một lần", "01 lần/quý", "ít nhất 02 lần/năm", "1 lần trong 1 tháng"."""
_RATE_MONTHS = {MONTH_WORD: 1, QUARTER_WORD: 3, YEAR_WORD: 12}
_MONTHS_FREQUENCY = {
    1: Frequency.MONTHLY,
    3: Frequency.QUARTERLY,
    6: Frequency.HALF_YEARLY,
    12: Frequency.YEARLY,
}
"""The frequencies a rate gives, by the months between two times: a rate of another step has no frequency."""
_REC_BARE_UNIT = pattern(rf"(?P<u>{_UNITS})(?![a-z])")
_THEO_UNIT = rf"(?:tuan|{MONTH_WORD}|{QUARTER_WORD}|{YEAR_WORD})"
_REC_THEO_UNIT = pattern(rf"theo\s*(?P<u>{_THEO_UNIT})(?![a-z])(?!\s*[a-z0-9])")
_REC_BRACKET = pattern(r"\((?P<note>[^()]{2,60})\)\s*$")
"""A remark in brackets closing a frequency: "Hằng tuần (sáng thứ Hai)"."""
_REC_SEP = pattern(r"(?:,|;|/|va(?![a-z])|hoac(?![a-z]))")
_REC_WITHIN = pattern(words("trong", "cua", "suot"))
_REC_QUALIFIER = pattern(r"(?:[,(]\s*)?(?:theo|khi|neu|tuy)(?![a-z])")

_WEEK_NUMBERS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}
"""The weeks of "tuần thứ nhất", "tuần thứ hai" … (six and seven are read, to be refused as weeks of a month)."""
_PART_LEAD = pattern(
    r"(?:(?:vao|trong)\s*)?"
    r"(?:(?P<half>nua\s*(?P<hpos>dau|cuoi|sau))"
    r"|(?P<dekad>thuong|trung|ha)\s*tuan"
    r"|tuan\s*(?:(?P<wfirst>dau(?:\s*tien)?)|(?P<wlast>cuoi(?:\s*cung)?)"
    rf"|thu\s*(?P<wn>[0-9]{{1,2}}(?![0-9])|{'|'.join(_WEEK_NUMBERS)}))"
    r"|(?P<days>[0-9]{1,3})\s*ngay\s*(?P<dpos>dau|cuoi)(?:\s*(?:tien|cung))?"
    r"|(?P<third>dau|giua|cuoi))(?![a-z])"
    r"(?:\s*(?:cua|trong)(?![a-z]))?"
)
"""The part of "Cuối năm", "Nửa đầu tháng 9", "Thượng tuần tháng 8", "Tuần thứ hai của tháng 4", "10 ngày đầu"."""
_THIRDS = {"dau": Part.START, "thuong": Part.START, "giua": Part.MIDDLE, "trung": Part.MIDDLE, "cuoi": Part.END}
_THIRDS["ha"] = Part.END
_DUE = pattern(
    r"(?:[,;(]\s*)?(?P<lead>truoc|cham\s*nhat(?:\s*(?:la|vao))?|han\s*chot(?:\s*la)?|vao)(?![a-z])\s*"
    r"(?:(?:ngay\s*)?(?P<d>[0-9]{1,2})(?:\s*/\s*(?P<m>[0-9]{1,2}))?(?![0-9/])"
    r"(?:\s*(?:(?:cua|trong)\s*)?thang\s*(?:dau|cuoi(?:\s*cung)?)?\s*(?:cua\s*)?(?:quy|nam)?"
    r"(?:\s*(?:sau|tiep\s*theo|ke\s*tiep))?)?"
    r"|(?:(?:buoi\s*)?(?:sang|chieu|toi)\s*)?(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat))(?![a-z0-9])"
    r"\s*\)?"
)
"""When each recurring report is due: "(trước ngày 20)", ", trước ngày 15 của tháng cuối quý", "vào chiều thứ Sáu"."""
_DUE_LEADS = re.compile(r"(?<![a-z])(?:truoc|cham\s*nhat|han\s*chot|vao)(?![a-z])", re.ASCII)
"""Where a due day may begin after the words of an action: "Hằng tháng báo cáo … trước ngày 25"."""
_DUE_FIRST = pattern(
    r"(?P<lead>(?:truoc|cham\s*nhat(?:\s*(?:la|vao))?|han\s*chot(?:\s*la)?)(?![a-z])\s*"
    r"(?:ngay\s*)?(?P<d>[0-9]{1,2})(?:\s*/\s*(?P<m>[0-9]{1,2}))?(?![0-9/]))"
    r"\s*(?:(?:cua|trong)\s*)?(?:[,;]\s*)?(?=(?:hang|moi|dinh\s*ky)(?![a-z]))"
)
"""A due day before its recurrence: "trước ngày 25 hằng tháng", "trước ngày 20/11 hàng năm"."""
_DUE_EACH = pattern(
    r"(?P<lead>(?:truoc|cham\s*nhat(?:\s*la)?)\s*ngay\s*[0-9]{1,2}\s*(?:(?:cua|trong)\s*)?thang\s*"
    r"(?:dau|cuoi(?:\s*cung)?)\s*(?:cua\s*)?(?P<unit>quy|nam)(?:\s*(?:sau|tiep\s*theo|ke\s*tiep))?)(?![a-z])"
)
"""A due day that says the work recurs: "trước ngày 20 tháng cuối quý" is each quarter, by the 20th of its end."""
_DAY_EVENT = pattern(r"ngay\s*(?:ky|ban\s*hanh|co\s*hieu\s*luc|nhan\s*duoc|nhan)(?![a-z])")
"""A day named by what happens on it: "kể từ ngày ký", "từ ngày ban hành"."""
_ACTION_TIME_WORDS = frozenset(
    ("tu", "trong", "cuoi", "dau", "giua", "tuan", "truoc", "den", "toi", "het", "ke", "vao", "ngay", "thang", "quy")
)
"""Words of time that should begin the time, not end the action: left in the action, the reader missed a time."""

_BULLET_CHARS = re.compile(r"[-+*\u2022]")
_BULLET = re.compile(r"(?:^|[\n.;:])[ \t]*([-+*\u2022])(?=\s*[a-z])", re.ASCII)
_SENTENCE = re.compile(r"[.;]\s+|(?<!\s)[^\S\n]*\n\s*(?=[a-z])", re.ASCII)
"""Sentence ends: a line break takes the spaces before it, so that a run of spaces is read once."""
_CLAUSE = re.compile(r"[.;,]\s+|(?<!\s)\s+va\s+(?=[a-z])|\s[-+*\u2022]\s+(?=[a-z])", re.ASCII)

_Maker = Callable[[str | None], SimpleTimeframe]


class _Item:
    """A period named in the text, its year perhaps still to be resolved."""

    __slots__ = ("index", "kind", "start", "year", "year_pos")

    def __init__(self, kind: PeriodKind, index: int, year: int | None, start: int, year_pos: int) -> None:
        self.kind = kind
        self.index = index
        self.year = year
        self.start = start
        self.year_pos = year_pos


class _Context:
    """The plan year and the doubts of one attempt at reading a phrase."""

    __slots__ = ("flags", "inner_action", "notes", "phrase", "repairs", "timeish_action", "year")

    def __init__(self, phrase: Phrase, year: int | None) -> None:
        self.phrase = phrase
        self.year = year
        self.flags: list[TimeframeFlag] = []
        self.notes: list[str] = []
        self.repairs: list[Repair] = []
        self.timeish_action = False
        self.inner_action: str | None = None
        """The words of an action inside the time: "báo cáo …" in "Hằng tháng báo cáo … trước ngày 25"."""

    def flag(self, flag: TimeframeFlag, note: str | None = None) -> None:
        if flag not in self.flags:
            self.flags.append(flag)
        if note is not None and note not in self.notes:
            self.notes.append(note)

    def plan_year(self, position: int, what: str) -> int:
        """The plan's year for a phrase that names none, or a Failure when no year was given."""
        if self.year is None:
            raise Failure(position, f"a year: {what} leaves it to the plan, so pass year=")
        self.flag(TimeframeFlag.YEAR_FROM_PLAN, f"the year {self.year} of {what} comes from the plan")
        return self.year


def _check_year(value: int, position: int) -> int:
    if not is_year(value):
        raise Failure(position, YEARS_EXPECTED)
    return value


def _quarter(token: str, position: int, ctx: _Context) -> int:
    return _numeral(token, position, ctx, "quarter")


def _term(token: str, position: int, ctx: _Context) -> int:
    return _numeral(token, position, ctx, "term")


_NUMERALS = {"quarter": ("a quarter I to IV (or 1 to 4)", 4), "term": ("a school term I or II (or 1 or 2)", 2)}
"""What a quarter's and a term's numeral may be: in words, and the largest."""


def _numeral(token: str, position: int, ctx: _Context, what: str) -> int:
    """The value of a quarter's or a term's numeral, its scanning damage repaired and noted."""
    expected, most = _NUMERALS[what]
    value, fixed = _quarter_numeral(token)
    if value is None or value > most:
        raise Failure(position, expected)
    if fixed is not None:
        phrase = ctx.phrase
        written = phrase.written(position, position + len(token))
        ctx.flag(TimeframeFlag.OCR_REPAIRED, f"the {what} {written!r} was read as {fixed.upper()!r}")
        ctx.repairs.append(Repair(position=phrase.source_position(position), found=written, read_as=fixed.upper()))
        if fixed == "ii" and set(token) <= _STROKES:  # three strokes are "III": one more makes no quarter
            ctx.flag(
                TimeframeFlag.AMBIGUOUS,
                f"the {what} {written!r} is strokes a scan may have lost one of: 'II' or 'III' alike",
            )
    return value


_STROKES = frozenset("il1|!t[")
"""What a scanned stroke of a Roman numeral may be: "Il", "11", "IT" are "II" or a "III" that lost a stroke;
"[11", "TII" are "III"."""


@functools.cache
def _quarter_numeral(token: str) -> tuple[int | None, str | None]:
    """The quarter a numeral names (None if none) and, when look-alikes were read as "I", the numeral read.

    Cached: a numeral is at most four characters of a few, so there are a few hundred at most.
    """
    digit = QUARTER_DIGITS.get(token)
    if digit is not None:
        return digit, None
    fixed = token.translate(ROMAN_REPAIR)
    return QUARTER_NUMERALS.get(fixed), None if fixed == token else fixed


def _month(token: str, position: int) -> int:
    value = int(token)
    if not 1 <= value <= 12:
        raise Failure(position, "a month between 1 and 12")
    return value


# -- periods ------------------------------------------------------------------------------------


def _item(sc: Scanner, previous: PeriodKind | None, ctx: _Context) -> _Item | None:
    """One period: "quý I/2022", "tháng 01", "6 tháng đầu năm", "năm 2021", or a bare continuation."""
    start = sc.pos
    word = sc.opt(_PERIOD_WORD)
    if word is not None:
        return _first_item(sc, word, start, ctx)
    kind: PeriodKind
    if previous is PeriodKind.QUARTER and (found := sc.opt(_QUARTER_NUM)):
        kind, index = previous, _quarter(found["q"], found.start("q"), ctx)
    elif previous is PeriodKind.MONTH and (found := sc.opt(_MONTH_NUM)):
        kind, index = previous, _month(found["n"], found.start("n"))
    elif previous is PeriodKind.YEAR and (found := sc.opt(_YEAR_NUM)):
        return _Item(previous, 1, _check_year(int(found["y"]), found.start("y")), start, found.start("y"))
    elif previous is None and (found := sc.opt(_MONTH_YEAR)):
        month = _month(found["n"], found.start("n"))
        return _Item(PeriodKind.MONTH, month, _check_year(int(found["y"]), found.start("y")), start, found.start("y"))
    elif previous is None and (found := sc.opt(_YEAR_NUM)):
        return _Item(PeriodKind.YEAR, 1, _check_year(int(found["y"]), found.start("y")), start, found.start("y"))
    else:
        sc.miss(sc.pos, "a period such as 'quý I/2022', 'tháng 01/2022' or 'năm 2021'")
        return None
    if found := sc.opt(_YEAR_PART):
        return _Item(kind, index, _check_year(int(found["y"]), found.start("y")), start, found.start("y"))
    return _Item(kind, index, None, start, sc.pos)


def _first_item(sc: Scanner, word: re.Match[str], start: int, ctx: _Context) -> _Item | None:
    """The period a match of ``_PERIOD_WORD`` names, its numeral and year checked; None when the numeral is missing."""
    last = word.lastgroup  # the group that closed last: the year when there is one, else the numeral or the word
    kind: PeriodKind
    if last in _QUARTER_GROUPS:
        if last == "quarter":
            sc.miss(sc.pos, "a quarter I to IV")
            return None
        kind, index = PeriodKind.QUARTER, _quarter(word["q"], word.start("q"), ctx)
    elif last in _MONTH_GROUPS:
        if last == "month":
            sc.miss(sc.pos, "a month number")
            return None
        kind, index = PeriodKind.MONTH, _month(word["n"], word.start("n"))
    elif last in _HALF_GROUPS:
        kind, index = PeriodKind.HALF, 2 if word["pos"] == "cuoi" else 1
    elif last in _NINE_GROUPS:
        kind, index = PeriodKind.NINE_MONTHS, 1
    else:
        kind, index = PeriodKind.YEAR, 1
        if last == "year":
            if this := sc.opt(_THIS_YEAR):
                return _Item(kind, index, ctx.plan_year(this.start(), "'năm nay'"), start, this.start())
            return _Item(kind, index, None, start, sc.pos)
    if last in _YEAR_GROUPS:
        return _Item(kind, index, _check_year(int(word[last]), word.start(last)), start, word.start(last))
    return _Item(kind, index, None, start, sc.pos)


def _period_list(sc: Scanner, ctx: _Context) -> tuple[list[_Item], bool] | None:
    """Periods joined by commas or "và" (a list), or two joined by a dash or "đến" (a range)."""
    first = _item(sc, None, ctx)
    if first is None:
        return None
    items = [first]
    if sc.at_tail():  # the commonest case, one period: nothing can join it
        return items, False
    save = sc.pos
    if sc.opt(_RANGE_SEP):
        second = _item(sc, first.kind, ctx)
        if second is not None:
            items.append(second)
            return items, True
        sc.pos = save
    kind = first.kind
    while True:
        save = sc.pos
        separator = sc.opt(_LIST_SEP)
        if separator is None:
            break
        following = _item(sc, kind, ctx)
        if following is None:
            sc.pos = save
            break
        if separator["or"]:
            ctx.flag(TimeframeFlag.AMBIGUOUS, "'hoặc' offers a choice of periods; all of them were kept")
        items.append(following)
        kind = following.kind
    return items, False


@functools.cache
def _period(kind: PeriodKind, year: int, index: int) -> ReportingPeriod:
    """A reporting period, built once (periods are immutable values; a few thousand at most)."""
    return ReportingPeriod(kind=kind, year=year, index=index)


def _resolve(items: list[_Item], ctx: _Context) -> list[ReportingPeriod]:
    """Give each period a year: its own, else the next one written after it, else the plan's."""
    if len(items) == 1 and ctx.year is None:  # the commonest case: "Quý I/2022", no plan year to compare with
        item = items[0]
        if item.year is not None:
            return [_period(item.kind, item.year, item.index)]
    following: int | None = None
    for item in reversed(items):
        if item.year is None:
            item.year = following
        else:
            following = item.year
    periods: list[ReportingPeriod] = []
    for item in items:
        if item.year is None:
            item.year = ctx.plan_year(item.year_pos, "the phrase")
        period = _period(item.kind, item.year, item.index)
        if ctx.year is not None and period.year < ctx.year:  # a period ends in its own year
            ctx.flag(TimeframeFlag.BEFORE_PLAN_YEAR, f"{period} lies before the plan year {ctx.year}")
        if period not in periods:
            periods.append(period)
    return periods


# -- dates --------------------------------------------------------------------------------------


def _date(sc: Scanner, *, need_year: bool) -> DayParts | None:
    """Day, month, year (None when not written) and the position of the date (:mod:`parplan.text.dates`)."""
    sc.opt(_DAY_WORD)
    found = sc.peek(_DAY)
    if found is None or (need_year and not year_written(found)):
        sc.miss(sc.pos, "a date such as '31/12/2020'")
        return None
    sc.pos = found.end()
    return day_parts(found)


def _dated(sc: Scanner, ctx: _Context) -> date | None:
    """A date whose year may be left to the plan: "31/12/2020", "ngày 15/3"."""
    found = _date(sc, need_year=False)
    if found is None:
        return None
    if found.year is None:
        return _make_day(found, ctx, ctx.plan_year(found.position, "the date"))
    return _make_day(found, ctx)


def _make_day(parts: DayParts, ctx: _Context, year: int | None = None) -> date:
    """The date of ``parts`` (``year`` standing in for one not written).

    A day past the end of its month ("31/9/2019", "30/02/2024") is read as the
    month's last day, flagged :attr:`TimeframeFlag.DATE_INVALID` with a note naming
    the day as written: the deadline is kept, and doubted, not dropped.
    """
    try:
        return make_date(parts, year)
    except Failure:
        chosen = parts.year if parts.year is not None else year
        if chosen is None:  # pragma: no cover - the callers pass the plan's year for a day without one
            raise
        # day_parts keeps a day within 1-31 and a month within 1-12: only a day past the month's end is left
        last = _month_calendar.monthrange(chosen, parts.month)[1]
        day = date(chosen, parts.month, last)
        found = _DAY.match(ctx.phrase.folded, parts.position)
        written = ctx.phrase.written(parts.position, found.end()) if found else f"{parts.day}/{parts.month}"
        ctx.flag(
            TimeframeFlag.DATE_INVALID,
            f"the day {written!r} cannot be (month {parts.month} of {chosen} has {last} days): "
            f"read as {last}/{parts.month}/{chosen}, the last day of the month",
        )
        return day


# -- the kinds of timeframe ---------------------------------------------------------------------


def _event(sc: Scanner, ctx: _Context) -> _Maker | None:
    start = sc.pos
    if sc.eat(_EVENT, "'khi' or 'sau khi'") is None:
        return None
    if not sc.s[sc.pos : sc.end].strip(" \n.,;:)"):
        sc.miss(sc.pos, "the event after 'khi'")
        return None
    event = _unwrap(ctx.phrase.written(start, sc.end))
    sc.pos = sc.end
    return lambda text: OnEvent(event=event, text=text)


def _schedule(sc: Scanner, ctx: _Context) -> _Maker | None:
    if sc.eat(_SCHEDULE, "a timeframe such as 'Theo kế hoạch của huyện'") is None:
        return None
    if sc.peek(_CITED):  # "(theo Kế hoạch số 12/KH-UBND)": where the task comes from, not when
        raise Failure(
            sc.pos,
            "a time, not a citation: a document named by its number says what the work follows, not when",
        )
    schedule = _unwrap(ctx.phrase.written(sc.pos, sc.end))
    sc.pos = sc.end
    return lambda text: PerSchedule(schedule=schedule, text=text)


def _unwrap(text: str) -> str:
    """Drop the closing bracket and stop of a clause taken up to the end of a phrase."""
    text = text.rstrip(" .;,:")
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(" .;,:")
    return text


def _frequency(sc: Scanner, first: bool) -> Frequency | str | None:
    """One frequency word; "định kỳ" alone gives the marker ``"periodic"``."""
    if sc.opt(_REC_CONTINUOUS):
        return Frequency.CONTINUOUS
    if sc.opt(_REC_AD_HOC):
        return Frequency.AD_HOC
    periodic = sc.opt(_REC_PERIODIC) is not None
    if found := sc.opt(_REC_EVERY):
        return _UNIT_FREQUENCY[found["u"]]
    if sc.peek(_REC_RATE):
        return _rate(sc)
    if periodic:
        return Frequency.HALF_YEARLY if sc.opt(_REC_HALF) else "periodic"
    if not first:
        if sc.opt(_REC_HALF):
            return Frequency.HALF_YEARLY
        if found := sc.opt(_REC_BARE_UNIT):
            return _UNIT_FREQUENCY[found["u"]]
    elif sc.opt(_REC_HALF_FIRST):
        return Frequency.HALF_YEARLY
    sc.miss(sc.pos, "a frequency such as 'thường xuyên' or 'hàng quý'")
    return None


def _rate(sc: Scanner) -> Frequency | None:
    """The frequency of the rate at the position ("6 tháng/lần"), or None, the scanner left where it was."""
    start = sc.pos
    rate = sc.opt(_REC_RATE)
    frequency = None if rate is None else _rate_frequency(rate)
    if frequency is None:
        sc.pos = start
        sc.miss(start, "a rate of one a day, week, month, quarter, half-year or year such as '6 tháng/lần'")
    return frequency


def _rate_frequency(rate: re.Match[str]) -> Frequency | None:
    """The frequency of a rate ("6 tháng/lần" half-yearly, "02 lần/năm" half-yearly), None for another step."""
    count = int(rate["every"] or rate["times"])
    unit = rate["eu"] or rate["tu"]
    if count == 0:
        return None
    if unit not in _RATE_MONTHS:  # days and weeks: once a day or a week only
        return _UNIT_FREQUENCY[unit] if count == 1 else None
    months = _RATE_MONTHS[unit]
    if rate["every"]:
        return _MONTHS_FREQUENCY.get(count * months)
    step, rest = divmod(months, count)
    return None if rest else _MONTHS_FREQUENCY.get(step)


def _recurring(sc: Scanner, ctx: _Context) -> _Maker | None:
    sc.opt(_REC_THEO)
    body = sc.pos
    by_unit = sc.opt(_REC_THEO_UNIT)  # "Theo quý", "theo tháng": by the period, once in each
    first = _UNIT_FREQUENCY[by_unit["u"]] if by_unit is not None else _frequency(sc, first=True)
    if first is None:
        return None
    found: list[Frequency | str] = [first]
    while True:
        save = sc.pos
        if sc.opt(_REC_SEP) is None:
            break
        following = _frequency(sc, first=False)
        if following is None:
            sc.pos = save
            break
        if following not in found:
            found.append(following)
    within: ReportingPeriod | None = None
    save = sc.pos
    if found[-1] is Frequency.YEARLY and (year := sc.opt(_YEAR_NUM)):
        within = ReportingPeriod.year_of(_check_year(int(year["y"]), year.start("y")))
    else:
        sc.opt(_REC_WITHIN)
        item = _item(sc, None, ctx)
        if item is None:
            sc.pos = save
        else:
            within = _resolve([item], ctx)[0]
    _recurring_tail(sc, ctx)
    frequencies = tuple(f for f in found if isinstance(f, Frequency))
    if not frequencies or (set(frequencies) == {Frequency.AD_HOC} and "periodic" in found):
        schedule = _unwrap(ctx.phrase.written(body, sc.end))
        return lambda text: PerSchedule(schedule=schedule, within=within, text=text)
    return lambda text: Recurring(frequencies=frequencies, within=within, text=text)


def _recurring_tail(sc: Scanner, ctx: _Context) -> None:
    """What may follow a frequency: a qualifier ("theo yêu cầu", "khi cần"), or when each is due (a note).

    The words of an action may stand between the frequency and its due day ("Hằng tháng báo cáo kết
    quả về Phòng Nội vụ trước ngày 25"): they are kept as the reading's action.
    """
    if sc.opt(_REC_QUALIFIER):
        sc.pos = sc.end
    elif due := sc.opt(_DUE):
        _due_note(due, ctx)
    elif bracket := sc.opt(_REC_BRACKET):
        remark = ctx.phrase.written(bracket.start("note"), bracket.end("note"))
        ctx.notes.append(f"when, as the plan says in brackets: {remark}")
    elif not sc.at_tail():
        _inner_action(sc, ctx)


def _inner_action(sc: Scanner, ctx: _Context) -> None:
    """Words of an action, then a due day that ends the phrase: the action kept aside, the due day in a note."""
    s, start, end = sc.s, sc.pos, sc.end
    if _CLAUSE_BREAK.search(s, start, end):
        return
    for lead in _DUE_LEADS.finditer(s, start, end):
        due = _DUE.match(s, lead.start(), end)
        if due is None or _CLOSING.fullmatch(s, due.end(), end) is None:
            continue
        words = ctx.phrase.written(start, lead.start()).strip(" ,;:-(")
        if not words:
            return
        if _TIMEISH.search(s, start, lead.start()):
            ctx.flag(TimeframeFlag.AMBIGUOUS, f"the words between the frequency and its due day name a time: {words!r}")
        ctx.inner_action = words
        sc.pos = due.end()
        _due_note(due, ctx)
        return


def _due_note(due: re.Match[str], ctx: _Context) -> None:
    """Note when each recurring report is due; flag a due day that no month or no such month has."""
    written = _unwrap(ctx.phrase.written(due.start("lead"), due.end()))
    ctx.notes.append(f"when each is due ({written!r}) stays in the text: the timeframe has no field for it")
    day = due["d"]
    if day is None:
        return
    month = None if due["m"] is None else int(due["m"])
    last = 31 if month is None else _MONTH_DAYS.get(month, 0)
    if not 1 <= int(day) <= last:
        why = "no month has it" if month is None or not last else f"month {month} has no day {int(day)}"
        ctx.flag(TimeframeFlag.DATE_INVALID, f"the due day {written!r} cannot be ({why})")


_MONTH_DAYS = {month: _month_calendar.monthrange(2024, month)[1] for month in range(1, 13)}
"""The most days each month has (a leap year's): the 29th of February is a due day some years."""


def _due_first(sc: Scanner, ctx: _Context) -> _Maker | None:
    """A due day written before its recurrence: "trước ngày 25 hằng tháng", "trước ngày 20/11 hàng năm"."""
    due = sc.eat(_DUE_FIRST, "a due day then a recurrence, such as 'trước ngày 25 hằng tháng'")
    if due is None:
        return None
    made = _recurring(sc, ctx)
    if made is None:
        return None
    _due_note(due, ctx)
    return made


def _due_each(sc: Scanner, ctx: _Context) -> _Maker | None:
    """A due day that names a recurrence: "trước ngày 20 tháng cuối quý" (each quarter), the day in a note."""
    found = sc.eat(_DUE_EACH, "a due day such as 'trước ngày 20 tháng cuối quý'")
    if found is None:
        return None
    written = ctx.phrase.written(found.start("lead"), found.end("lead"))
    ctx.notes.append(f"when each is due ({written!r}) stays in the text: the timeframe has no field for it")
    frequency = Frequency.QUARTERLY if found["unit"] == QUARTER_WORD else Frequency.YEARLY
    return lambda text: Recurring(frequencies=(frequency,), text=text)


def _span(sc: Scanner, _ctx: _Context) -> _Maker | None:
    start = sc.pos
    word = sc.opt(_SPAN_WORD)
    if word is not None and not word["strong"]:
        found = sc.peek(_SPAN_YEARS)
        if found is None:
            sc.miss(start, "a timeframe such as 'giai đoạn 2021 - 2025'")
            return None
        sc.pos = found.end()
    else:
        found = sc.eat(_SPAN_YEARS, "two years such as '2021 - 2025'")
    if found is None:
        return None
    first = _check_year(int(found["a"]), found.start("a"))
    last = _check_year(int(found["b"]), found.start("b"))
    if last < first:
        raise Failure(found.start("b"), f"an end year not before {first}")
    kind = SpanKind.TERM if word is not None and word["term"] else SpanKind.PERIOD
    return lambda text: Span(start_year=first, end_year=last, span_kind=kind, text=text)


def _open(sc: Scanner, ctx: _Context) -> _Maker | None:
    start = sc.pos
    if found := sc.opt(_OPEN_AND_NEXT):
        first = _check_year(int(found["y"]), found.start("y"))
    elif found := sc.opt(_OPEN_FROM):
        first = _check_year(int(found["y"]), found.start("y"))
        sc.opt(_OPEN_ONWARD)
    elif sc.opt(_OPEN_NEXT_YEARS):
        first = ctx.plan_year(start, "'các năm tiếp theo'") + 1
    else:
        sc.miss(start, "'từ năm …' or 'các năm tiếp theo'")
        return None
    return lambda text: OpenEnded(from_year=first, text=text)


def _between(sc: Scanner, ctx: _Context) -> _Maker | None:
    start = sc.pos
    opened = sc.opt(_BETWEEN_START) is not None
    if opened and sc.peek(_DAY_EVENT):  # "kể từ ngày ký": from an event's day on
        event = _unwrap(ctx.phrase.written(start, sc.end))
        sc.pos = sc.end
        return lambda text: OnEvent(event=event, text=text)
    first = _date(sc, need_year=False)
    if first is None:
        if opened:
            return _between_periods(sc, ctx)
        return None
    if opened and (sc.at_tail() or sc.peek(_OPEN_ONWARD)):  # "Từ ngày 01/7/2025", "kể từ ngày …": no end
        sc.opt(_OPEN_ONWARD)
        year = first.year if first.year is not None else ctx.plan_year(first.position, "the date")
        day = _make_day(first, ctx, year)
        return lambda text: Since(day=day, text=text)
    if sc.eat(_BETWEEN_MID, "'đến'") is None:
        return None
    second = _date(sc, need_year=False)
    if second is None:
        return None
    year = second.year if second.year is not None else ctx.plan_year(second.position, "the end date")
    end = _make_day(second, ctx, year)
    start_year = first.year
    if start_year is None:
        start_year = year
        if (first.month, first.day) > (end.month, end.day):
            start_year -= 1
            ctx.flag(TimeframeFlag.YEAR_INFERRED, f"the start date is taken to fall in {start_year}")
    begin = _make_day(first, ctx, start_year)
    if begin > end:
        raise Failure(first.position, f"a start date not after the end date {end.isoformat()}")
    return lambda text: Between(start=begin, end=end, text=text)


def _between_periods(sc: Scanner, ctx: _Context) -> _Maker | None:
    first = _item(sc, None, ctx)
    if first is None:
        return None
    if first.kind is not PeriodKind.YEAR and (sc.at_tail() or sc.peek(_OPEN_ONWARD)):
        # "Từ tháng 4/2023", "từ quý III/2024 trở đi": on from the period's first day (a year is read as open)
        sc.opt(_OPEN_ONWARD)
        onward = _resolve([first], ctx)
        if len(onward) != 1:
            return None
        day = onward[0].start
        return lambda text: Since(day=day, text=text)
    if sc.eat(_BETWEEN_MID, "'đến'") is None:
        return None
    second = _item(sc, first.kind, ctx)
    if second is None:
        return None
    periods = _resolve_pair(first, second, ctx)
    if periods is None:
        return None
    begin, end = periods
    return lambda text: Between(start=begin, end=end, text=text)


def _resolve_pair(first: _Item, second: _Item, ctx: _Context) -> tuple[date, date] | None:
    periods = _resolve([first, second], ctx) if _distinct(first, second) else []
    if len(periods) != 2:  # the second period, once given its year, may be the first one again
        raise Failure(second.start, "two different periods")
    start, end = periods
    if start.start > end.end:
        raise Failure(second.start, f"a period not before {start}")
    return start.start, end.end


def _distinct(first: _Item, second: _Item) -> bool:
    return (first.kind, first.index, first.year) != (second.kind, second.index, second.year) or first.year is None


def _before(sc: Scanner, ctx: _Context) -> _Maker | None:
    lead = sc.opt(_BEFORE_START)
    strict = lead is not None
    if lead is None and (lead := sc.eat(_BEFORE_END, "'trước' or 'chậm nhất'")) is None:
        return None
    save = sc.pos
    day = _dated(sc, ctx)
    if day is not None:
        if lead["hour"]:
            ctx.notes.append(f"the hour {ctx.phrase.written(lead.start('hour'), lead.end('hour'))!r} stays in the text")
        if ctx.year is not None and day.year < ctx.year:
            ctx.flag(TimeframeFlag.BEFORE_PLAN_YEAR, f"{day.isoformat()} lies before the plan year {ctx.year}")
        return lambda text: Before(day=day, text=text)
    if lead["hour"]:
        sc.miss(save, "a day after the hour")
        return None
    sc.pos = save
    sc.opt(_WITHIN_PREFIX)
    item = _item(sc, None, ctx)
    if item is None:
        return None
    period = _resolve([item], ctx)[0]
    deadline = period.start - timedelta(days=1) if strict else period.end
    return lambda text: Before(day=deadline, text=text)


def _on_date(sc: Scanner, ctx: _Context) -> _Maker | None:
    sc.opt(_ON_PREFIX)
    if sc.peek(_DAY_WORD) is None:
        found = _date(sc, need_year=True)
        if found is None:
            return None
        day = _make_day(found, ctx)
    else:
        dated = _dated(sc, ctx)
        if dated is None:
            return None
        day = dated
    return lambda text: OnDate(day=day, text=text)


def _within(sc: Scanner, ctx: _Context) -> _Maker | None:
    sc.opt(_WITHIN_PREFIX)
    found = _period_list(sc, ctx)
    if found is None:
        return None
    items, is_range = found
    if is_range:
        pair = _resolve_pair(items[0], items[1], ctx)
        if pair is None:
            return None
        begin, end = pair
        return lambda text: Between(start=begin, end=end, text=text)
    periods = _resolve(items, ctx)
    if sc.at_tail():
        return lambda text: Within(periods=periods, text=text)
    save = sc.pos
    if sc.opt(_TRAILER_IF_ANY):
        save = sc.pos
    if len(periods) == 1 and sc.opt(_TRAILER_SCHEDULE):
        schedule = _unwrap(ctx.phrase.written(sc.pos, sc.end))
        if schedule:
            sc.pos = sc.end
            return lambda text: PerSchedule(schedule=schedule, within=periods[0], text=text)
        sc.pos = save
    return lambda text: Within(periods=periods, text=text)


def _working_days(sc: Scanner, ctx: _Context) -> _Maker | None:
    """Working days from a day or a report's cut-off: "Trong 02 ngày làm việc kể từ ngày 04/3/2022"."""
    start = sc.pos
    found = sc.eat(_WORKING_DAYS, "a number of working days")
    if found is None:
        return None
    if sc.opt(_WORKING_BEFORE):  # counted back from an event: "05 ngày làm việc trước ngày kiểm tra"
        if sc.peek(_FROM_EVENT) is None and sc.peek(_EVENT_DAY) is None and sc.peek(_EVENT_NOUN) is None:
            return _counted_back(sc, ctx, found)
        return _event_to_end(sc, ctx, start)
    if sc.at_tail() and found.group(0).startswith("trong") and int(found["n"]) > 0:
        # "trả lời trong 10 ngày làm việc": a term counted from an event the phrase leaves unsaid (a request's
        # receipt); no date can be known, so it is an event, the term kept in its words
        ctx.notes.append("the days are counted from an event the phrase does not name")
        event = _unwrap(ctx.phrase.written(start, sc.end))
        sc.pos = sc.end
        return lambda text: OnEvent(event=event, text=text)
    if sc.eat(_WORKING_FROM, "'kể từ'") is None:
        return None
    return _counted_from(sc, ctx, found, start)


def _counted_from(sc: Scanner, ctx: _Context, found: re.Match[str], start: int) -> _Maker | None:
    """Days counted from what follows "kể từ": an event, a report's data cut-off or a day."""
    if sc.peek(_FROM_EVENT) is not None:  # counted from an event: "Sau 15 ngày kể từ khi có thông báo"
        return _event_to_end(sc, ctx, start)
    if sc.peek(_EVENT_DAY) is not None and sc.peek(_CUTOFF_OF) is None:  # "kể từ ngày nhận Thông báo"
        return _event_to_end(sc, ctx, start)
    if found["working"] is None:
        return _calendar_days(sc, ctx, found)
    days = int(found["n"])
    if days < 1:
        raise Failure(found.start("n"), "at least one working day")
    if sc.opt(_CUTOFF_OF):
        item = _item(sc, None, ctx)
        if item is None:
            return None
        cutoff = _resolve([item], ctx)[0]
        return _working(start, lambda text: WithinWorkingDays(days=days, cutoff_of=cutoff, text=text))
    save = sc.pos
    if sc.peek(_DAY_WORD) is not None and (day := _dated(sc, ctx)) is not None and sc.at_end():
        return _working(start, lambda text: WithinWorkingDays(days=days, after=day, text=text))
    sc.pos = save
    if not sc.s[sc.pos : sc.end].strip(" \n.,;:)"):
        sc.miss(sc.pos, "a day, a report's data cut-off or an event to count from")
        return None
    event = _unwrap(ctx.phrase.written(start, sc.end))
    sc.pos = sc.end
    return lambda text: OnEvent(event=event, text=text)


def _calendar_days(sc: Scanner, ctx: _Context, count: re.Match[str]) -> _Maker | None:
    """Calendar days counted from a written day: "Trong 15 ngày kể từ ngày 04/3/2024" is by 19/3/2024.

    Counted as the Civil Code counts a term in days (art. 147): the day itself is
    not counted, so the term ends with the day ``days`` after it. The count stays
    in the text and a note says from which day the deadline was counted. Calendar
    days from a report's cut-off are not read.
    """
    save = sc.pos
    day = _dated(sc, ctx) if sc.peek(_DAY_WORD) is not None else None
    if day is None or not sc.at_end():
        sc.pos = save
        raise Failure(count.end("n"), "working days ('ngày làm việc'), or calendar days from a written day")
    days = int(count["n"])
    if days < 1:
        raise Failure(count.start("n"), "at least one day")
    try:
        deadline = day + timedelta(days=days)
        check_year(deadline.year)
    except (InvariantError, ValueError, OverflowError):
        raise Failure(count.start("n"), "a deadline in the years parplan covers") from None
    counted = f"{days} days after {day.isoformat()} (that day not counted)"
    ctx.notes.append(f"the deadline is {counted}: {deadline.isoformat()}")
    return lambda text: Before(day=deadline, text=text)


def _counted_back(sc: Scanner, ctx: _Context, count: re.Match[str]) -> _Maker | None:
    """Days counted back from a date: "chậm nhất 05 ngày làm việc trước ngày 15/3/2024" is by 08/3/2024.

    Working days are counted back with the official calendar, the date itself not counted; the
    count stays in the text and a note says from which day the deadline was counted.
    """
    if sc.peek(_DAY_WORD) is None:
        sc.miss(sc.pos, "a day or an event such as 'ngày kiểm tra'")
        return None
    day = _dated(sc, ctx)
    if day is None:
        return None
    days = int(count["n"])
    if days < 1:
        raise Failure(count.start("n"), "at least one day")
    working = count["working"] is not None
    try:
        deadline = official_calendar().add_working_days(day, -days) if working else day - timedelta(days=days)
        check_year(deadline.year)
    except (InvariantError, ValueError, OverflowError):
        raise Failure(count.start("n"), "days the working-day calendar covers") from None
    unit = "working days" if working else "days"
    ctx.notes.append(f"the deadline is {days} {unit} before {day.isoformat()}: {deadline.isoformat()}")
    return lambda text: Before(day=deadline, text=text)


def _event_to_end(sc: Scanner, ctx: _Context, start: int) -> _Maker | None:
    """The rest of the phrase from ``start`` as an event, days counted from it kept in its words.

    Refused where the rest holds a date (the phrase may say more than an event) or a second clause.
    """
    if _DATE_LIKE.search(sc.s, sc.pos, sc.end) or _CLAUSE_BREAK.search(sc.s, sc.pos, sc.end):
        sc.miss(sc.pos, "an event without a date or a second clause")
        return None
    if not sc.s[sc.pos : sc.end].strip(" \n.,;:)"):
        sc.miss(sc.pos, "an event")
        return None
    event = _unwrap(ctx.phrase.written(start, sc.end))
    sc.pos = sc.end
    return lambda text: OnEvent(event=event, text=text)


def _before_event(sc: Scanner, ctx: _Context) -> _Maker | None:
    """Before an event: "trước đợt điều tra xã hội học", "trước ngày kiểm tra 03 ngày làm việc"."""
    start = sc.pos
    if sc.eat(_BEFORE_EVENT, "'trước'") is None:
        return None
    if sc.peek(_EVENT_DAY) is None and sc.peek(_EVENT_NOUN) is None:
        sc.miss(sc.pos, "a date, a period or an event such as 'đợt kiểm tra'")
        return None
    return _event_to_end(sc, ctx, start)


def _part_of(sc: Scanner, ctx: _Context) -> _Maker | None:
    """A part of a period: "Cuối năm 2024", "Tuần đầu tháng 3/2024", "10 ngày đầu tháng 7/2025"."""
    lead = sc.eat(_PART_LEAD, "a part of a period such as 'cuối năm' or 'tuần đầu tháng'")
    if lead is None:
        return None
    part, number = _part(lead)
    item = _item(sc, None, ctx)
    if item is None:
        return None
    period = _resolve([item], ctx)[0]
    month_only = lead["dekad"] or part in (Part.WEEK, Part.LAST_WEEK, Part.FIRST_DAYS, Part.LAST_DAYS)
    if month_only and period.kind is not PeriodKind.MONTH:
        raise Failure(item.start, "a month: weeks, ten-day thirds and days are parts of a month")
    if part is Part.WEEK and number is not None and number > 5:
        raise Failure(lead.start(), "a week of the month, the first to the fifth")
    if number is not None and number < 1:
        raise Failure(lead.start(), "at least one day")
    if number is not None and number > period.end.day:
        raise Failure(lead.start(), f"at most the {period.end.day} days of the month")
    return lambda text: PartOf(period=period, part=part, number=number, text=text)


def _part(lead: re.Match[str]) -> tuple[Part, int | None]:
    """The part a match of ``_PART_LEAD`` names, and its number (a week, a count of days)."""
    if lead["third"] or lead["dekad"]:
        return _THIRDS[lead["third"] or lead["dekad"]], None
    if lead["half"]:
        return (Part.FIRST_HALF if lead["hpos"] == "dau" else Part.SECOND_HALF), None
    if lead["wfirst"]:
        return Part.WEEK, 1
    if lead["wlast"]:
        return Part.LAST_WEEK, None
    if lead["wn"]:
        return Part.WEEK, _WEEK_NUMBERS.get(lead["wn"]) or int(lead["wn"])
    return (Part.FIRST_DAYS if lead["dpos"] == "dau" else Part.LAST_DAYS), int(lead["days"])


_SCHOOL_LEAD = pattern(
    r"(?:(?:trong|vao|suot)(?![a-z])\s*)?(?:(?:ca|tron)(?![a-z])\s*)?"
    r"(?:(?P<third>dau|giua|cuoi)(?![a-z])(?:\s*(?:cua|trong)(?![a-z]))?)?"
)
_SCHOOL_TERM = pattern(rf"(?:hoc\s*ky|hk)\s*(?P<t>{quarter_numeral(look_alikes=True)})(?![a-z0-9])")
_SCHOOL_YEAR_WORD = pattern(r"(?:[(,]\s*)?(?:cua\s*)?nam\s*hoc(?![a-z])")
_SCHOOL_YEARS = pattern(r"(?P<a>[0-9]{4})\s*(?:-|/|den(?![a-z]))\s*(?P<b>[0-9]{4})(?![0-9])\s*\)?")
_SCHOOL_WORDS = r"(?:nam\s*hoc(?![a-z])|hoc\s*ky(?![a-z])|hk(?=\s*[0-9iv]))"
_SCHOOL_AHEAD = rf"\s*(?:(?:ca|tron)\s*)?(?:(?:dau|giua|cuoi)\s*(?:(?:cua|trong)\s*)?)?{_SCHOOL_WORDS}"
"""What follows "trong", "vào", "suốt", "đầu", "cuối" before a school year or term ("trong học kỳ I")."""


def _school(sc: Scanner, ctx: _Context) -> _Maker | None:
    """A school year or term: "Năm học 2025-2026", "Học kỳ II năm học 2025 - 2026", "Cuối học kỳ I".

    Without the school year's two years the plan's year decides, as a doubt: a first term or the start
    of a school year opens in it, a second term or the end of a school year closes in it.
    """
    start = sc.pos
    lead = sc.opt(_SCHOOL_LEAD)
    part = _THIRDS[lead["third"]] if lead is not None and lead["third"] else None
    named = sc.opt(_SCHOOL_TERM)
    term = None if named is None else _term(named["t"], named.start("t"), ctx)
    if sc.opt(_SCHOOL_YEAR_WORD) is None:
        if named is None:
            sc.miss(sc.pos, "a school year or term such as 'năm học 2025-2026' or 'học kỳ I'")
            return None
        years = None
    else:
        years = sc.opt(_SCHOOL_YEARS)
    if years is not None:
        first = _check_year(int(years["a"]), years.start("a"))
        if int(years["b"]) != first + 1:
            raise Failure(years.start("b"), f"{first + 1}: a school year runs over two years that follow each other")
        school_year = first
    else:
        year = ctx.plan_year(start, "a school year or term named without its years")
        closing = term == 2 or (term is None and part is Part.END)
        school_year = year - 1 if closing else year
        ctx.flag(
            TimeframeFlag.AMBIGUOUS,
            f"no school year is named: read as the one that {'closes' if closing else 'opens'} in {year}",
        )
    return lambda text: SchoolTerm(school_year=school_year, term=term, part=part, text=text)


def _working(position: int, make: _Maker) -> _Maker:
    """``make`` checked now: a count running past the working-day calendar has no reading."""
    try:
        make(None)
    except InvariantError as error:
        raise Failure(position, f"working days the calendar covers ({error.message})") from None
    return make


_Kind = Callable[[Scanner, _Context], _Maker | None]
_ANY: Mapping[_Kind, str] = MappingProxyType({})


class _Start(NamedTuple):
    """A word a timeframe may start with, what must follow it, and the kinds that may begin there."""

    word: str
    follow: str | None
    """Regex source of what must come after the word for a timeframe to begin ("quy" before a numeral)."""
    kinds: tuple[_Kind, ...]
    """The kinds of timeframe to try there, in order."""
    timeish: str | None = None
    """Regex source of what, after the word, names a time even in the words before a timeframe
    ("Báo cáo quý I ... trong tháng 3"): such an action makes the reading ambiguous."""
    ahead: Mapping[_Kind, str] = _ANY
    """For some kinds, regex source of what must come after the word for that kind to begin
    there ("trong" begins a span only before "giai đoạn", "nhiệm kỳ", …): the others are not tried."""


_PERIOD_KINDS: tuple[_Kind, ...] = (_open, _span, _within)
_PERIOD_START = "|".join(
    (QUARTER_WORD, MONTH_WORD, HALF_WORD, *NINE_MONTHS, *WHOLE_YEAR, *SIX_MONTHS, YEAR_WORD, "[0-9]")
)
"""What a period may start with: "quý", "tháng", "6 tháng", "nửa", "9 tháng", "cả năm", "năm", a number."""
_SPAN_WORDS = r"nhiem|giai|thoi\s*ky|ke\s*hoach|lo\s*trinh|chuong\s*trinh"
"""The words of a span ("giai đoạn 2021 - 2025")."""
_DAY_AHEAD = rf"\s*(?:{DAY_WORD}|[0-9])"
_PART_AHEAD = r"\s*(?:dau|giua|cuoi|tuan|nua|thuong|trung|ha|[0-9]+\s*ngay\s*(?:dau|cuoi))(?![a-z])"
"""What follows "vào", "trong" before a part of a period: "vào cuối năm", "trong tuần đầu tháng 3"."""
_PART_OF_AHEAD = (
    rf"\s*(?:(?:cua|trong)\s*)?(?:{YEAR_WORD}|{MONTH_WORD}|{QUARTER_WORD}|{HALF_WORD}|6|sau|9|chin)(?![a-z])"
)
"""What follows "đầu", "giữa", "cuối" when they name a part of a period: "cuối năm", "đầu quý II"."""
"""A day after a word: "vào ngày 15/3", "trong 15/3/2022"."""
_NUMBER_KINDS: tuple[_Kind, ...] = (_open, _span, _between, _on_date, _within, _recurring, _working_days, _part_of)
"""The kinds of timeframe that may start with a number."""
_NUMBER_TIMEISH = rf"(?<![0-9])[0-9]+\s*{DAY_WORD}(?![a-z])"
"""A number that names a time by itself: "15 ngày"."""
_TO = rf"\s*(?:het|{DAY_WORD}|{MONTH_WORD}|{QUARTER_WORD}|{YEAR_WORD}|[0-9])"
"""What follows "đến", "tới": a day, a period or "hết"."""
_PERIOD_AHEAD = rf"{DAY_WORD}|{MONTH_WORD}|{QUARTER_WORD}|{YEAR_WORD}|[0-9]|{HALF_WORD}"
"""The start of a day or a period."""
_DUE_AHEAD = r"\s*(?:la\s*)?ngay\s*[0-9]{1,2}\s*(?:(?:cua|trong)\s*)?thang\s*(?:dau|cuoi)"
"""What follows "trước", "chậm nhất" in a due day of recurring work ("trước ngày 20 tháng cuối quý")."""
_DUE_FIRST_AHEAD = r"\s*(?:ngay\s*)?[0-9]{1,2}(?:\s*/\s*[0-9]{1,2})?\s*(?:(?:cua|trong)\s*)?[,;]?\s*(?:hang|moi|dinh)"
"""What follows "trước", "chậm nhất" in a due day written before its recurrence ("trước ngày 25 hằng tháng")."""
_EVERY_AHEAD = rf"\s*(?:{_UNITS}|{'|'.join(SIX_MONTHS)})"
"""What follows "hàng", "mỗi": a unit ("hàng quý") or the six of "6 tháng"."""

_START_WORDS: tuple[_Start, ...] = (
    _Start(
        "truoc",
        None,
        (_event, _due_each, _due_first, _before, _before_event),
        timeish=rf"\s*(?:(?:{DAY_WORD}\s*)?[0-9]|(?:dot|ky|buoi|hoi\s*nghi|tet)(?![a-z]))",
        ahead={
            _event: r"\s*khi",
            _due_each: _DUE_AHEAD,
            _due_first: _DUE_FIRST_AHEAD,
            _before_event: r"\s*(?:ngay|thoi\s*diem|dot|ky|buoi|hoi|le|cuoc|phien|tet)(?![a-z])",
        },
    ),
    _Start(
        "cham",
        r"\s*nhat",
        (_working_days, _due_each, _due_first, _before),
        ahead={
            _working_days: r"\s*nhat\s*(?:la\s*)?(?:sau\s*)?[0-9]",
            _due_each: r"\s*nhat" + _DUE_AHEAD,
            _due_first: r"\s*nhat\s*(?:la|vao)?" + _DUE_FIRST_AHEAD,
        },
    ),
    _Start(
        "han",
        r"\s*(?:chot|cuoi|la|:|[0-9])",
        (_working_days, _due_first, _before),
        ahead={_working_days: r"\s*[0-9]", _due_first: r"\s*chot\s*(?:la)?" + _DUE_FIRST_AHEAD, _before: r"\s*chot"},
    ),
    _Start("thoi", r"\s*(?:han|ky)", (_span, _before), ahead={_span: r"\s*ky", _before: r"\s*han"}),
    _Start("khong", r"\s*muon", (_before,)),
    _Start("den", _TO, (_before,)),
    _Start(
        "toi",
        rf"(?:{_TO}|\s*thieu\s*[0-9])",
        (_before, _recurring),
        ahead={_before: _TO, _recurring: r"\s*thieu\s*[0-9]"},
    ),  # "tới 30/6", and "tối thiểu 02 lần/năm" (both fold to "toi")
    _Start("het", rf"\s*(?:{DAY_WORD}|{MONTH_WORD}|{QUARTER_WORD}|{YEAR_WORD}|[0-9])", (_before,)),
    _Start(
        "tu",
        rf"\s*(?:{_PERIOD_AHEAD}|6|9|sau\s*{MONTH_WORD})",
        (_span, _between, _open),
        ahead={_span: rf"\s*(?:{YEAR_WORD}\s*)?[0-9]", _open: rf"\s*(?:{YEAR_WORD}\s*)?[0-9]"},
    ),
    _Start(
        "ke",
        r"\s*(?:tu|hoach\s*[0-9])",
        (_event, _span, _between, _open),
        timeish=r"\s*tu(?![a-z])",
        ahead={_event: r"\s*tu\s*khi", _span: r"\s*hoach", _between: r"\s*tu", _open: r"\s*tu"},
    ),
    _Start("bat", r"\s*dau\s*tu", (_between, _open)),
    _Start(
        "trong",
        rf"\s*(?:thoi\s*(?:gian|han|ky)|vong|suot|{YEAR_WORD}|{MONTH_WORD}|{QUARTER_WORD}|{DAY_WORD}|giai|nhiem|cac"
        rf"|nhung|[0-9]|{HALF_WORD}|chin|sau\s*{MONTH_WORD}|dau|giua|cuoi|tuan|thuong\s*tuan|trung\s*tuan"
        r"|ha\s*tuan|qua\s*trinh|hoc|hk)",
        (_event, _school, _working_days, _span, _open, _on_date, _within, _part_of),
        timeish=rf"\s*{YEAR_WORD}(?![a-z])",
        ahead={
            _event: r"\s*qua\s*trinh(?![a-z])",
            _school: _SCHOOL_AHEAD,
            _working_days: r"\s*(?:vong|thoi\s*(?:han|gian)|[0-9])",
            _span: rf"\s*(?:{_SPAN_WORDS})",
            _open: r"\s*(?:cac|nhung|(?:nam\s*)?[0-9]{4}\s*(?:va|,))",
            _on_date: _DAY_AHEAD,
            _within: rf"\s*(?:thoi\s*gian|suot|{_PERIOD_START})",
            _part_of: _PART_AHEAD,
        },
    ),
    _Start(
        "vao",
        rf"\s*(?:{_PERIOD_AHEAD}|chin|sau\s*{MONTH_WORD}|dau|giua|cuoi|tuan|hoc|hk)",
        (_school, _on_date, _within, _part_of),
        ahead={
            _school: _SCHOOL_AHEAD,
            _on_date: _DAY_AHEAD,
            _within: rf"\s*(?:{_PERIOD_START})",
            _part_of: _PART_AHEAD,
        },
    ),
    _Start("suot", None, (_school, _within), ahead={_school: _SCHOOL_AHEAD}),
    *(
        _Start(word, rf"\s*{YEAR_WORD}", (_school, _within), ahead={_school: rf"\s*{YEAR_WORD}\s*hoc(?![a-z])"})
        for word in WHOLE_YEAR
    ),
    _Start(MONTH_WORD, r"\s*[0-9]", (_within,), timeish=r"\s*[0-9]"),
    _Start(
        QUARTER_WORD,
        rf"\s*(?:{_QUARTER_LETTERS}|[0-9])",
        (_within,),
        timeish=rf"\s*(?:{_QUARTER_LETTERS}+|[1234])(?![a-z])",
    ),
    _Start(
        YEAR_WORD,
        r"\s*(?:[0-9]|nay|hien|ke|hoc(?![a-z])|\(|\Z)",
        (_school, *_PERIOD_KINDS),
        ahead={_school: r"\s*hoc(?![a-z])"},
    ),
    _Start("hoc", r"\s*ky(?![a-z])", (_school,), timeish=r"\s*ky(?![a-z])"),
    _Start("hk", rf"\s*{_QUARTER_LETTERS}|\s*[0-9]", (_school,)),
    _Start(HALF_WORD, rf"\s*(?:{alternatives(HALF_POSITIONS)}|sau)", (_within, _part_of)),
    *(
        _Start(third, f"(?:{_PART_OF_AHEAD}|{_SCHOOL_AHEAD})", (_school, _part_of), ahead={_school: _SCHOOL_AHEAD})
        for third in ("dau", "giua", "cuoi")
    ),
    _Start("tuan", r"\s*(?:dau|cuoi|thu)", (_part_of,)),
    _Start("trung", r"\s*tuan", (_part_of,)),
    _Start("ha", r"\s*tuan", (_part_of,)),
    _Start("chin", rf"\s*{MONTH_WORD}", (_within,)),
    _Start(
        DAY_WORD,
        r"\s*(?:sau|khi|:|[0-9])",
        (_event, _between, _on_date),
        timeish=r"\s*[0-9]",
        ahead={_event: r"\s*(?:sau|khi)", _between: r"\s*(?::\s*)?[0-9]", _on_date: r"\s*(?::\s*)?[0-9]"},
    ),
    _Start("giai", r"\s*doan", (_span,)),
    _Start("nhiem", r"\s*ky", (_span,)),
    _Start("lo", r"\s*trinh\s*[0-9]", (_span,)),
    _Start("chuong", r"\s*trinh\s*[0-9]", (_span,)),
    _Start("qua", rf"\s*(?:cac|nhung)\s*{YEAR_WORD}", (_open,)),
    _Start("cac", rf"\s*{YEAR_WORD}", (_open,)),
    _Start("nhung", rf"\s*{YEAR_WORD}", (_open,)),
    _Start("cho", rf"\s*(?:cac|nhung)\s*{YEAR_WORD}", (_open,)),
    _Start(
        "sau",
        rf"\s*(?:khi|{MONTH_WORD}|[0-9])",
        (_event, _within, _working_days),
        ahead={_event: r"\s*khi", _within: r"\s*thang", _working_days: r"\s*[0-9]"},
    ),
    _Start("khi", None, (_event,)),
    _Start(
        "theo",
        None,
        (_schedule, _recurring),
        ahead={_recurring: rf"\s*(?:dinh|dot|hang|moi|thuong|{_THEO_UNIT}(?![a-z])(?!\s*[a-z0-9]))"},
    ),
    _Start("thuc", r"\s*hien\s*theo", (_schedule,)),
    _Start("dung", r"\s*(?:thoi\s*han|han|tien\s*do|quy\s*dinh)(?![a-z])", (_schedule,)),
    _Start("hoan", r"\s*thanh\s*truoc", (_before,)),
    _Start(
        "thuong",
        r"\s*(?:xuyen|tuan)",
        (_recurring, _part_of),
        timeish=r"\s*(?:xuyen|tuan)",
        ahead={_recurring: r"\s*xuyen", _part_of: r"\s*tuan"},
    ),
    _Start("lien", r"\s*tuc", (_recurring,)),
    _Start("hang", _EVERY_AHEAD, (_recurring,), timeish=rf"\s*(?:{_UNITS})(?![a-z])"),
    _Start("moi", _EVERY_AHEAD, (_recurring,), timeish=rf"\s*(?:{_UNITS})(?![a-z])"),
    _Start("dinh", r"\s*ky", (_recurring,), timeish=r"\s*ky"),
    _Start("dot", r"\s*xuat", (_recurring,), timeish=r"\s*xuat"),
    _Start("it", r"\s*nhat\s*[0-9]", (_recurring,)),  # "ít nhất 01 lần/quý"
)
"""Every word a timeframe may start with (a number tries ``_NUMBER_KINDS``): the one table of start words."""

_KINDS_BY_WORD: dict[str, tuple[_Kind, ...]] = {start.word: start.kinds for start in _START_WORDS}
_AHEAD_BY_WORD: dict[str, tuple[tuple[_Kind, re.Pattern[str] | None], ...]] = {
    start.word: tuple(
        (kind, None if kind not in start.ahead else re.compile(start.ahead[kind], re.ASCII)) for kind in start.kinds
    )
    for start in _START_WORDS
    if start.ahead
}
"""For the start words with an ``ahead``: each kind and what must follow the word for it (None: nothing more)."""
_FOLLOWED_WORDS = "|".join(
    start.word + (f"(?={start.follow})" if start.follow is not None else "")
    for start in sorted(_START_WORDS, key=lambda start: len(start.word), reverse=True)
)
_STARTS = re.compile(rf"(?<![a-z0-9])(?:{_FOLLOWED_WORDS}|[0-9])", re.ASCII)
"""Where a timeframe may begin: a start word followed as its ``follow`` asks (longer words tried first),
or a number; :func:`_kinds_at` says which kinds may begin there."""
_TIMEISH = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(start.word + start.timeish for start in _START_WORDS if start.timeish is not None)
    + f"|{_NUMBER_TIMEISH})",
    re.ASCII,
)
"""Words that name a time by themselves ("quý I", "hàng tháng", "15 ngày"), from the start words' ``timeish``."""


# -- phrases ------------------------------------------------------------------------------------


_LEAD_MARKS = " \n-+*\u2022.,;:"
"""What a stretch may start with and not keep: bullets, spaces, punctuation."""
_END_MARKS = " \n.,;:!?"
"""What a stretch may end with and not keep."""


class _Part:
    """A phrase, or one step of a compound cell, read into a timeframe maker."""

    __slots__ = ("action", "ctx", "end", "expr_start", "maker")

    def __init__(self, ctx: _Context, maker: _Maker, expr_start: int, end: int, action: str | None) -> None:
        self.ctx = ctx
        self.maker = maker
        self.expr_start = expr_start
        self.end = end
        self.action = action


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    """A stretch without bullets, outer punctuation and an enclosing pair of brackets."""
    if start < end and s[start] not in _LEAD_MARKS and s[start] != "(" and s[end - 1] not in _END_MARKS:
        return start, end  # the commonest case: nothing to trim
    stretch = s[start:end]
    start += len(stretch) - len(stretch.lstrip(_LEAD_MARKS))
    end -= len(stretch) - len(stretch.rstrip(_END_MARKS))
    end = max(start, end)
    if start < end and s[start] == "(" and s[end - 1] == ")" and s.count("(", start, end) == 1:
        start, end = start + 1, end - 1
    return start, end


def _read_part(phrase: Phrase, start: int, end: int, year: int | None) -> _Part:
    """Read the timeframe ending a stretch of the phrase; the words before it are the action.

    The kinds a start word's ``ahead`` rules out are not tried: they could not begin
    there. When nothing is read, every kind is tried again, so that the error says all
    that was expected where reading stopped, as it would have had none been skipped.
    """
    s = phrase.folded
    start, end = _trim(s, start, end)
    part = _first_reading(phrase, Scanner(s, start, end), year, every_kind=False)
    if part is not None:
        return part
    sc = Scanner(s, start, end)
    part = _first_reading(phrase, sc, year, every_kind=True)
    if part is not None:  # pragma: no cover - a kind that ``ahead`` rules out cannot begin there
        return part
    if start >= end:
        raise phrase.error(start, "a timeframe such as 'Quý I/2022', 'Trước ngày 31/12/2020' or 'Thường xuyên'")
    if sc.far == start and not sc.want:
        sc.miss(start, "a timeframe such as 'Quý I/2022', 'Trước ngày 31/12/2020' or 'Thường xuyên'")
    raise phrase.error(sc.far, sc.expected())


def _first_reading(phrase: Phrase, sc: Scanner, year: int | None, *, every_kind: bool) -> _Part | None:
    """The first kind of timeframe that reads the rest of the stretch from a place where one may begin."""
    s, start, end = sc.s, sc.pos, sc.end
    ctx: _Context | None = None
    for candidate in _STARTS.finditer(s, start, end):
        kinds = _kinds_at(s, candidate, start, end, every_kind=every_kind)
        if not kinds:
            continue
        position = candidate.start()
        if position > start and s[position - 1] == "(":
            position -= 1
        for kind in kinds:
            if ctx is None or ctx.flags:  # a context a failed attempt left clean serves the next one
                ctx = _Context(phrase, year)
            sc.pos = position + 1 if s[position] == "(" else position
            try:
                maker = kind(sc, ctx)
            except Failure as failure:
                raise phrase.error(failure.position, failure.expected) from None
            if maker is not None and sc.at_end():
                action = _action(phrase, start, position, ctx)
                if ctx.inner_action is not None:
                    action = ctx.inner_action if action is None else f"{action} {ctx.inner_action}"
                return _Part(ctx, maker, candidate.start(), end, action)
    return None


_RATE_UNIT = re.compile(r"(?<![a-z])lan\s*(?:/|(?:trong\s*)?(?:moi|mot|1))\s*\Z", re.ASCII)
"""The words of a rate before its unit: "3 lần/" of "3 lần/năm", "2 lần mỗi" of "2 lần mỗi quý"."""
_RATE_TIMES = re.compile(r"(?<![a-z])lan\s*(?:trong\s*)?\Z", re.ASCII)
"""The count of a rate before "mỗi" or "hằng": "2 lần" of "2 lần mỗi quý"."""


def _kinds_at(s: str, candidate: re.Match[str], start: int, end: int, *, every_kind: bool) -> tuple[_Kind, ...]:
    """The kinds of timeframe that may begin at a match of ``_STARTS`` in a stretch ``start``-``end``.

    A start word's kinds, less those its ``ahead`` rules out unless ``every_kind``;
    none for a number that is the tail of a date, a symbol or a number.
    """
    word = candidate.group()
    if _RATE_UNIT.search(s, start, candidate.start()) or (
        word in {"moi", "hang"} and _RATE_TIMES.search(s, start, candidate.start())
    ):
        return ()  # the unit of a rate ("3 lần/năm", "2 lần mỗi quý"), not a time of its own
    kinds = _KINDS_BY_WORD.get(word)
    if kinds is not None:
        ahead = _AHEAD_BY_WORD.get(word)
        if ahead is None or every_kind:
            return kinds
        after = candidate.end()
        return tuple(kind for kind, must in ahead if must is None or must.match(s, after, end) is not None)
    position = candidate.start()
    if position > start and s[position - 1] in "/.":
        return ()  # the tail of a date, a symbol or a number, not the start of a time
    return _NUMBER_KINDS


def _action(phrase: Phrase, start: int, expr_start: int, ctx: _Context) -> str | None:
    if expr_start <= start:  # the time starts the stretch
        return None
    action = phrase.written(start, expr_start).rstrip(" (,;:-")
    if not action:
        return None
    if _TIMEISH.search(phrase.folded, start, expr_start):
        ctx.timeish_action = True
        ctx.flag(TimeframeFlag.AMBIGUOUS, f"the words before the time also name a time: {action!r}")
    _check_last_word(phrase, start, expr_start, ctx)
    return action


def _check_last_word(phrase: Phrase, start: int, end: int, ctx: _Context) -> None:
    """Flag the reading when the word just before the time is a time word or no word the reader knows."""
    s = phrase.folded
    while end > start and not ("a" <= s[end - 1] <= "z"):
        end -= 1
    begin = end
    while begin > start and "a" <= s[begin - 1] <= "z":
        begin -= 1
    if begin == end:
        return
    word = s[begin:end]
    written = phrase.written(begin, end)
    if word in _ACTION_TIME_WORDS:
        ctx.flag(TimeframeFlag.UNREAD_WORDS, f"the time word {written!r} before the time was not read with it")
    elif word not in KNOWN_WORDS and not is_syllable(word) and not _is_name(written, inside=begin > start):
        ctx.flag(TimeframeFlag.UNREAD_WORDS, f"the word {written!r} next to the time is not one the reader knows")


def _is_name(written: str, *, inside: bool) -> bool:
    """An abbreviation ("CCHC", "UBND") or, inside a sentence, a capitalised name ("Ia Grai")."""
    return written.isupper() or (inside and written[:1].isupper())


def _reading_flags(
    parts: list[_Part], phrase: Phrase
) -> tuple[tuple[TimeframeFlag, ...], tuple[str, ...], tuple[Repair, ...]]:
    flags: list[TimeframeFlag] = []
    notes: list[str] = []
    repairs: list[Repair] = []
    for part in parts:
        for flag in part.ctx.flags:
            if flag not in flags:
                flags.append(flag)
        notes.extend(n for n in part.ctx.notes if n not in notes)
        repairs.extend(phrase.repairs_within(part.expr_start, part.end))
        repairs.extend(r for r in part.ctx.repairs if r not in repairs)
    if repairs and TimeframeFlag.OCR_REPAIRED not in flags:
        flags.append(TimeframeFlag.OCR_REPAIRED)
    return tuple(sorted(flags, key=_FLAG_ORDER.__getitem__)), tuple(notes), tuple(repairs)


def _split(phrase: Phrase, separators: re.Pattern[str], *, bullets: bool) -> list[tuple[int, int]]:
    s, start, end = phrase.folded, phrase.start, phrase.end
    cuts: list[tuple[int, int]] = []
    for found in separators.finditer(s, start, end):
        if bullets:
            cuts.append((found.start(1), found.end(1)))
        else:
            cuts.append(found.span())
    pieces: list[tuple[int, int]] = []
    position = start
    for cut_start, cut_end in cuts:
        if s[position:cut_start].strip(" \n.,;:"):
            pieces.append((position, cut_start))
        position = cut_end
    if s[position:end].strip(" \n.,;:"):
        pieces.append((position, end))
    return pieces


def _compound(
    phrase: Phrase, pieces: list[tuple[int, int]], year: int | None, *, detailed: bool
) -> TimeframeReading | Timeframe:
    parts = [_read_part(phrase, a, b, year) for a, b in pieces]
    steps = [
        Step(action=part.action, timeframe=part.maker(phrase.written(part.expr_start, part.end) or None))
        for part in parts
    ]
    text = phrase.written(phrase.start, phrase.end)
    value = Compound(steps=steps, text=text)
    if not detailed:
        return value
    flags, notes, repairs = _reading_flags(parts, phrase)
    return TimeframeReading(value=value, text=text, flags=flags, notes=notes, repairs=repairs)


def read_timeframe(text: str, *, year: int | None = None) -> TimeframeReading:
    """Read a deadline phrase and say how sure the reading is.

    ``year`` is the plan's year, used where the text names none ("Trong năm",
    "Tháng 01", "Thường xuyên trong năm", "qua các năm tiếp theo") and to flag
    periods that lie before it. Raises :class:`~parplan.errors.ParseError`
    (with the position in the NFC text and what was expected there) when
    there is no defensible reading, for instance "Trong năm" without ``year``.

    >>> reading = read_timeframe("Ban hành kế hoạch trong Quý I/2021")
    >>> reading.value.periods, reading.action, reading.confidence
    ((ReportingPeriod(kind=<PeriodKind.QUARTER: 'quarter'>, year=2021, index=1),), 'Ban hành kế hoạch', 1.0)
    >>> read_timeframe("Trong năm", year=2022).flags
    (<TimeframeFlag.YEAR_FROM_PLAN: 'year_from_plan'>,)
    """
    if text.__class__ is str and (year is None or year.__class__ is int):
        return _read_timeframe(text, year)  # the same few phrases make up most plans: read each once
    return _read_timeframe.__wrapped__(text, year)


@functools.lru_cache(maxsize=4096)
def _read_timeframe(text: str, year: int | None) -> TimeframeReading:
    """:func:`read_timeframe` (a reading is immutable, so one read before is given again; errors are not kept)."""
    reading = _read(text, year, detailed=True)
    if not isinstance(reading, TimeframeReading):  # pragma: no cover - _read gives a reading when asked
        raise TypeError(reading)
    return reading


def _steps(
    phrase: Phrase, separators: re.Pattern[str], year: int | None, *, detailed: bool
) -> TimeframeReading | Timeframe | None:
    """The phrase read as steps cut at ``separators``, or None when it has one clause or a clause fails."""
    pieces = _split(phrase, separators, bullets=False)
    if len(pieces) < 2:
        return None
    try:
        return _compound(phrase, pieces, year, detailed=detailed)
    except ParseError:
        return None


def _phrase(text: str, year: int | None) -> Phrase:
    """The phrase to read, once the plan year is known to be a year and the text not empty."""
    if year is not None:
        check_year(year)
    phrase = Phrase(text)
    if phrase.start >= phrase.end:
        raise phrase.error(0, "a timeframe such as 'Quý I/2022' (the text is empty)")
    return phrase


def _read(text: str, year: int | None, *, detailed: bool) -> TimeframeReading | Timeframe:
    """The reading of a phrase, or only its timeframe when the details are not wanted."""
    phrase = _phrase(text, year)
    pieces = _split(phrase, _BULLET, bullets=True) if _BULLET_CHARS.search(phrase.folded) else []
    if len(pieces) > 1:
        return _compound(phrase, pieces, year, detailed=detailed)
    try:
        part = _read_part(phrase, phrase.start, phrase.end, year)
    except ParseError as error:
        steps = _steps(phrase, _SENTENCE, year, detailed=detailed)
        if steps is None:
            raise error from None
        return steps
    if part.ctx.timeish_action:
        steps = _steps(phrase, _CLAUSE, year, detailed=detailed)
        if steps is not None:
            return steps
    written = phrase.written(phrase.start, phrase.end)
    value = part.maker(written)
    if not detailed:
        return value
    flags, notes, repairs = _reading_flags([part], phrase)
    return TimeframeReading(value=value, text=written, action=part.action, flags=flags, notes=notes, repairs=repairs)


def parse_timeframe(text: str, *, year: int | None = None) -> Timeframe:
    """The timeframe a deadline phrase states: "Quý I/2022", "Trước ngày 31/12/2020", "Trong năm".

    ``year`` is the plan's year, needed where the text names none. The result
    keeps the phrase as written in ``text`` and has ``earliest`` and
    ``latest`` days. Raises :class:`~parplan.errors.ParseError` when the
    phrase has no defensible reading; :func:`read_timeframe` gives the same
    value with the doubts of the reading.

    >>> parse_timeframe("Trước ngày 31/12/2020").latest
    datetime.date(2020, 12, 31)
    >>> str(parse_timeframe("Quý I, II, III/2022").periods[2])
    '2022Q3'
    >>> parse_timeframe("Trong năm", year=2022).earliest
    datetime.date(2022, 1, 1)
    """
    value = _read(text, year, detailed=False)
    return value.value if isinstance(value, TimeframeReading) else value
