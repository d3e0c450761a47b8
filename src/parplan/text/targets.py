"""Reading targets (chỉ tiêu) as plans write them: "đạt từ 90% trở lên", "xếp thứ 4/25", "02 sáng kiến".

:func:`read_target` returns a :class:`TargetReading`: the
:class:`~parplan.targets.Target` (comparator, value, unit, rank size,
baseline, subject, horizon, milestones, the phrase as written and its doubts
as ``flags``), what the phrase says that a target has no field for (a band's
other bound, a rate per period, a named group, a change stated beside a
result), the notes that explain each doubt, the characters and words repaired
in scanned text, and a confidence. :func:`parse_target` returns the target
alone; :func:`extract_targets` every target of a passage;
:func:`read_index_result` reads a published result ("tổng điểm đạt 90,73 điểm,
xếp thứ 4/25 (giảm 02 hạng)") into an :class:`~parplan.plan.IndexResult`.

=============================================== ====================================
phrase                                          target
=============================================== ====================================
"tối thiểu / ít nhất 80%", "từ 80% trở lên",    ``>= 80 %``
"không thấp hơn / không dưới 80%"
"đạt trên 50%", "có trên 50% …"                 ``> 50 %``
"không quá 5%", "tối đa 05 ngày"                ``<= 5 %``, ``<= 5 days``
"dưới 2%"                                       ``< 2 %``
"đạt 80%", "đạt tỷ lệ 35%", "75% văn bản …"     ``>= 80 %`` (attainment)
"100% hồ sơ …", "hoàn thành 100% …"             ``= 100 %``
"không có cán bộ … vi phạm"                     ``= 0 count``
"02 sáng kiến", "ít nhất có 02 sáng kiến"       ``>= 2 count``
"90,73 điểm", "91,25/100 điểm"                  ``>= 90.73 points`` (the scale kept in the reading)
"3.773 triệu đồng", "1,5 tỷ đồng"              ``>= 3773000000 VND``, money in đồng
"Kinh phí thực hiện: 12,5 triệu đồng"          ``= 12500000 VND`` (a budget states an amount)
"xếp thứ 4/25"                                  ``= 4 rank`` out of 25
"trong nhóm 5/25", "top 5"                      ``<= 5 rank`` (out of 25)
"tăng 2 bậc", "tăng ít nhất 02 bậc"             ``increase 2 rank``
"cao hơn năm 2020", "tăng so với năm 2020"      ``increase`` with ``baseline.year`` 2020
"giữ vững hoặc nâng cao"                        ``maintain``
"giữ vững vị trí trong nhóm dẫn đầu"            ``maintain rank`` against the group, no number
"vượt 5% kế hoạch", "vượt 10% so với dự toán"   ``increase 5 %`` with the plan as baseline
"từ 45% năm 2024 lên 60% năm 2025"              ``>= 60 %``, baseline 45 (2024), horizon 2025
"đến năm 2025 đạt 80%, đến năm 2030 đạt 90%"    ``>= 90 %`` with two milestones
"đến 30/6/2025 đạt 50%, đến 31/12/2025 đạt 100%" ``= 100 %`` with two dated milestones
=============================================== ====================================

Doubts are flags of the target and notes of the reading: a unit lost in text
extraction ("đạt từ 60  trở lên") is inferred as % (``unit_inferred``); a
phrase that allows several readings, or sets several targets, is
``ambiguous`` ("tăng 1,39%" of an index already in % may be points);
damaged scanned text is repaired (``ocr_repaired``) and words no reading can
hold are named (``unread_words``); a share above 100 % is ``out_of_range``;
a band, a rate per period or "not among the last N", which a target cannot
hold whole, are ``incomplete``. Aspiration verbs ("Phấn đấu", "phải",
"đảm bảo") are not comparators.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from parplan._values import check_year, is_year
from parplan.errors import InvariantError, ParseError
from parplan.periods import PeriodKind, ReportingPeriod
from parplan.plan import IndexResult
from parplan.targets import Baseline, Comparator, Milestone, Target, TargetFlag, Unit
from parplan.text._keywords import Respelled, Rules, rule, unread_words
from parplan.text._scan import Failure, Phrase
from parplan.text.dates import DAY_WORD, day_source, read_date
from parplan.text.normalize import Repair, fold
from parplan.text.numbers import decimal_from_token, scaled
from parplan.timeframes import Within

__all__ = ["TargetReading", "extract_targets", "parse_target", "read_index_result", "read_target"]

_X = re.ASCII

# -- the readings ---------------------------------------------------------------------------------

_FLAG_ORDER = {flag: index for index, flag in enumerate(TargetFlag)}
_CONFIDENCE = {
    TargetFlag.UNIT_INFERRED: 0.85,
    TargetFlag.AMBIGUOUS: 0.6,
    TargetFlag.OCR_REPAIRED: 0.85,
    TargetFlag.UNREAD_WORDS: 0.75,
    TargetFlag.OUT_OF_RANGE: 0.5,
    TargetFlag.INCOMPLETE: 0.8,
}
"""How much each doubt lowers the confidence of a reading (see docs/parsing.md for how they were set)."""


@attrs.frozen(kw_only=True)
class TargetReading:
    """A target read from text, with what the text says beyond it and what made the reading less than certain.

    ``value`` is the target (its ``flags`` are the reading's doubts); ``text``
    the phrase as written (NFC). Beside it, what a target has no field for:
    ``result`` is True when the phrase reports an achieved value ("năm 2024
    xếp hạng 21/63, tăng 12 bậc") rather than a target; ``change`` the signed
    change stated beside it (+12, in the target's unit) and ``change_since``
    the year it is measured from; ``relative_to`` is ``"plan"`` or
    ``"estimate"`` for a target measured against the plan (kế hoạch, chỉ tiêu)
    or the estimate (dự toán); ``group`` a named class of a ranking ("dẫn
    đầu", "A", "2"); ``bound`` how a change is bounded (``>=`` for "tăng ít
    nhất 2 bậc", ``>`` for "giảm hơn 25%"); ``per`` the period a rate counts
    ("02 tin, bài/tháng"); ``scale`` the maximum of a score written with it
    ("91,25/100 điểm"); ``upper`` a band's other bound ("từ 80% đến dưới
    90%": ``value`` is ``>= 80 %``, ``upper`` ``< 90 %``); ``not_bottom`` the
    N of "not among the last N". ``notes`` explain the doubts, ``repairs``
    list the damaged characters and words read as others.
    """

    value: Target
    text: str
    result: bool = False
    change: Decimal | None = None
    change_since: int | None = None
    relative_to: str | None = None
    group: str | None = None
    bound: Comparator | None = None
    per: PeriodKind | None = None
    scale: Decimal | None = None
    upper: Target | None = None
    not_bottom: int | None = None
    notes: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()

    @property
    def flags(self) -> tuple[TargetFlag, ...]:
        """The doubts of the reading (the target's flags)."""
        return self.value.flags

    @property
    def confidence(self) -> float:
        """1.0 for a clean reading, multiplied down by each doubt (0.6 for an ambiguous one)."""
        score = 1.0
        for flag in self.value.flags:
            score *= _CONFIDENCE[flag]
        return round(score, 4)


# -- vocabulary -----------------------------------------------------------------------------------

_NUM = r"(?P<num>(?<![0-9a-z/.,])[0-9]+(?:[.,][0-9]+)*)(?!\s*/\s*[0-9])(?![0-9])"
_UNIT = (
    r"(?P<unit>\s*(?:%|phan\s*tram(?![a-z]))"
    r"|\s*diem(?![a-z])"
    r"|\s*(?:trieu|ty|ti|nghin|ngan)\s*(?:dong|vnd|d)(?![a-z])"
    r"|\s*(?:trieu|ty|ti)(?![a-z])"
    r"|\s*(?:dong|vnd)(?![a-z])"
    r"|\s*ngay(?:\s*lam\s*viec)?(?![a-z])(?!\s*[0-9])"
    r"|\s*(?:bac|hang)(?![a-z]))?"
)
_VERBS = (
    r"hoan\s*thanh|thuc\s*hien|giai\s*quyet|to\s*chuc|ban\s*hanh|xay\s*dung|mo|cu|kiem\s*tra|dang\s*tai|dang"
    r"|phat\s*hanh|cat|xep|tuyen\s*truyen|boi\s*duong|tap\s*huan|so\s*hoa|cung\s*cap|tiep\s*nhan"
)
_LEAD = (
    r"(?P<verb>(?:" + _VERBS + r")(?![a-z])\s*)?"
    r"(?P<lead>(?:(?:phai|se|duoc)\s*)?(?:dat|la|co|chiem|o\s*muc)?\s*(?:duoc\s*)?)"
)
_RATIO = r"(?P<ratio>(?:ty|ti)\s*le(?![a-z])\s*)?"
_RATIO_AFTER = r"(?P<ratio2>(?:ty|ti)\s*le(?![a-z])\s*)?"
_CMP = (
    r"(?P<cmp>(?:tang|giam)(?:\s*them)?\s*(?:it\s*nhat|toi\s*thieu|hon|tren)(?:\s*la)?"
    r"|vuot(?:\s*muc)?"
    r"|tu(?![a-z])|toi\s*thieu(?:\s*la)?|it\s*nhat(?:\s*la)?|khong\s*(?:thap|it)\s*hon|khong\s*duoi"
    r"|tren\s*hoac\s*bang|bang\s*hoac\s*tren|khong\s*(?:vuot\s*)?qua|toi\s*da(?:\s*la)?|duoi\s*hoac\s*bang"
    r"|khong\s*(?:cao|nhieu)\s*hon|tren|hon|cao\s*hon|nhieu\s*hon|duoi|it\s*hon|thap\s*hon|bang"
    r"|tang(?!\s*cuong)(?:\s*them)?|giam\s*xuong\s*(?:con|muc)?|giam(?:\s*them)?|trong\s*(?:vong|thoi\s*gian)?)"
    r"(?![a-z])\s*(?:co\s*|muc\s*|la\s*)?"
)
_TAIL = r"(?P<tail>\s*tro\s*(?:len|xuong)(?![a-z]))?"
_VALUE_AT = re.compile(_NUM + _UNIT + _TAIL, _X)
_VALUE_LEAD = re.compile(r"(?<![a-z])" + _LEAD + _RATIO + r"(?:" + _CMP + _RATIO_AFTER + r")?\Z", _X)
_LEAD_WINDOW = 48
_SCORE_SCALE = re.compile(
    r"(?P<num>(?<![0-9a-z/.,])[0-9]+(?:[.,][0-9]+)?)\s*/\s*(?P<scale>10|100|1000)(?![0-9])\s*(?P<unit>diem)(?![a-z])",
    _X,
)
_RANK_AT = re.compile(
    r"(?:(?:xep|dung)\s*(?:hang\s*)?(?:(?P<rel>tren|duoi)\s*)?(?:o\s*)?(?:vi\s*tri\s*)?|o\s*)?"
    r"(?:thu|hang|vi\s*tri)(?![a-z])\s*(?:thu\s*)?(?P<pos>[0-9]+|nhat)(?![0-9])"
    r"(?:\s*(?:/|tren|trong\s*(?:so\s*)?|trong\s*tong\s*so)\s*(?P<of>[0-9]+))?",
    _X,
)
_RANKED_NOUN = (
    r"(?:xa|phuong|thi\s*tran|don\s*vi|tinh|thanh\s*pho|huyen|quan|thi\s*xa|co\s*quan|so|ban|nganh|dia\s*phuong"
    r"|bo|tinh\s*thanh)(?![a-z])"
)
_RANK_TOP = re.compile(
    r"(?:(?:nam\s*|lot\s*)?(?:trong|thuoc|vao)\s*)?(?:(?P<top>top)|nhom)\s*(?P<n>[0-9]+)(?![0-9])"
    r"(?:(?:\s*(?:/|tren|trong\s*(?:so\s*)?)\s*(?P<of>[0-9]+))|(?=\s*(?:" + _RANKED_NOUN + r"|(?:dan|dung)\s*dau)))?",
    _X,
)
_GROUP = re.compile(
    r"(?:(?:nam\s*|lot\s*)?(?:trong|thuoc|vao|o)\s*)?nhom\s*(?:(?P<lead>dan\s*dau|dung\s*dau)"
    r"|(?P<letter>[a-d])(?![a-z0-9])|(?P<number>[0-9]{1,2})(?![0-9])(?!\s*/)(?!\s*" + _RANKED_NOUN + r")"
    r"(?!\s*(?:dan|dung)\s*dau))",  # "nhóm 5 dẫn đầu" is the first five, not a group named 5
    _X,
)
_KEEP = re.compile(r"(?<![a-z])(?:giu\s*vung|duy\s*tri|tiep\s*tuc)(?![a-z])", _X)
_KEEP_EDGE = re.compile(r"(?:\s|,|:)*(?:(?:giu\s*vung|duy\s*tri|tiep\s*tuc|nam)(?![a-z])\s*)+", _X)
_KEEP_TAIL = re.compile(r"(?<![a-z])(?:(?:giu\s*vung|duy\s*tri|tiep\s*tuc|nam|o|trong|thuoc|vao)(?![a-z])\s*)+\Z", _X)
_NOT_BOTTOM = re.compile(
    r"(?P<lead>(?:thoat\s*khoi|ra\s*khoi|khong\s*(?:de\s*)?(?:nam\s*)?(?:trong|vao))\s*)"
    r"nhom\s*(?P<n>[0-9]{1,3})(?![0-9])\s*(?P<what>[^;.()]{0,60}?)\s*(?:xep|dung|o)\s*(?:cuoi|chot)(?![a-z])"
    r"|(?P<lead1>khong\s*(?:de|bi)\s*)(?P<subject>[^;.()]{1,80}?)\s*(?:bi\s*)?(?:xep|dung|nam|o)\s*(?:o\s*)?"
    r"(?:vi\s*tri\s*)?(?:cuoi|chot)(?![a-z])(?:\s*bang)?",
    _X,
)
_RANK_GATE = re.compile(r"(?<![a-z])(?:thu|hang|vi\s*tri|nhom|top|bac)(?![a-z])", _X)
_RANK_STEP = re.compile(
    r"(?P<dir>tang|nang|giam|tut)(?:\s*(?:them|len|xuong))?\s*(?:(?P<bound>it\s*nhat|toi\s*thieu|hon|tren)\s*)?"
    r"(?P<n>[0-9]+)\s*(?:bac|hang|vi\s*tri)(?![a-z])",
    _X,
)
_RANK_WORDS = re.compile(r"(?:xep\s*hang|vi\s*tri|thu\s*hang|thu\s*bac)(?![a-z])", _X)
_DIRECTION = re.compile(
    r"(?P<maintain>giu\s*vung\s*(?:hoac|va)\s*(?:nang\s*cao|tang|cai\s*thien)|giu\s*vung|duy\s*tri\s*(?:on\s*dinh)?)"
    r"|(?P<up>(?:tang|cao)(?!\s*cuong)(?:\s*hon)?|nang\s*cao|cai\s*thien|vuot(?:\s*muc)?)"
    r"|(?P<down>giam|thap\s*hon)"
    r"(?![a-z])",
    _X,
)
_MEASURE = re.compile(
    r"(?:chi\s*so|ty\s*le|ti\s*le|xep\s*hang|vi\s*tri|thu\s*hang|diem|muc\s*do|so\s*luong|so(?![a-z])|du\s*toan"
    r"|ket\s*qua|so\s*voi|hon)",
    _X,
)
_BASELINE = re.compile(
    r"(?:so\s*voi|hon)\s*(?:cung\s*ky\s*)?(?:(?:nam|ket\s*qua\s*nam)\s*(?P<y>[0-9]{4})(?![0-9])"
    r"|(?P<period>(?:quy|thang|6\s*thang|9\s*thang|nua)(?![a-z])[^;,()]{0,24}?[0-9]{4})(?![0-9])"
    r"|(?P<prev>nam\s*truoc|nam\s*ngoai|cung\s*ky))"
    r"|so\s*voi\s*(?:muc\s*)?(?P<num>(?<![0-9a-z/.,])[0-9]+(?:[.,][0-9]+)*)(?![0-9])(?P<unit>\s*(?:%|diem(?![a-z])"
    r"|(?:trieu|ty|ti|nghin|ngan)\s*(?:dong|d)?(?![a-z])|(?:dong|vnd)(?![a-z])|(?!nam(?![a-z]))[a-z]+(?:\s+[a-z]+)?))?",
    _X,
)
_RELATIVE_TO = re.compile(
    r"\s*(?:so\s*voi\s*)?(?:muc\s*)?(?:(?P<plan>ke\s*hoach|chi\s*tieu)|(?P<estimate>du\s*toan))(?![a-z])", _X
)
_LEADING_STEP = re.compile(r"(?:giam|tang(?!\s*cuong)|nang)(?![a-z])\s*", _X)
_MAINTAIN_VALUE = re.compile(
    r"(?<![a-z])(?:giu\s*vung|duy\s*tri)(?:\s*(?:on\s*dinh|o))?(?![a-z])\s*(?:so\s*voi\s*)?(?:muc\s*)?" + _NUM + _UNIT,
    _X,
)
_DAY_WHEN = day_source("w_", year="required")
_HORIZON = re.compile(
    rf"\(?\s*(?:den|truoc|toi)\s*(?:het\s*)?(?:{DAY_WORD}\s*)?{day_source(year='required')}\s*\)?",
    _X,
)
_HORIZON_AFTER = re.compile(r"(?:(?=\()|(?<![\s(]))" + _HORIZON.pattern, _X)
_WHEN_BEFORE = re.compile(
    r"(?P<prep>(?<![a-z])(?:den|toi|truoc|trong|vao|cuoi|het)\s*(?:het\s*)?(?:ngay\s*)?)?"
    rf"(?:(?P<day>{_DAY_WHEN})|nam\s*(?P<y>[0-9]{{4}})(?![0-9])"
    r"|quy\s*(?P<q>iv|i{1,3}|[1-4])\s*[/.-]\s*(?P<qy>[0-9]{4})(?![0-9]))"
    r"\s*,?\s*(?:thi\s*)?\Z",
    _X,
)
_LEADING_TIME = re.compile(
    r"(?P<time>(?:den|toi|truoc|trong|giai\s*doan|nhiem\s*ky)(?![a-z])[^,:;()%]{1,40}?[0-9]{4})\s*[,:]", _X
)
_ZERO = re.compile(
    r"(?<![a-z])khong\s*(?:co|de\s*xay\s*ra|de\s*phat\s*sinh|de|con|phat\s*sinh|xay\s*ra)(?![a-z])\s*(?P<rest>\S)",
    _X,
)
_YEAR_AFTER = re.compile(r"[ \t]*(?:vao\s*|trong\s*)?nam\s*(?P<y>[0-9]{4})(?![0-9])", _X)
_CLAUSE_START = re.compile(r"(?:[,;:]|(?<![a-z])va(?![a-z]))\s*\Z", _X)
_TRONG_DO = re.compile(r"[,;(]?\s*trong\s*do(?![a-z])", _X)
_TRONG_DO_AFTER = re.compile(r"(?:[,;(]|(?<![\s,;(]))\s*trong\s*do(?![a-z])", _X)
_ASPIRATION = re.compile(
    r"(?:\s|[-+*\u2022]|[0-9]{1,2}[.)]\s|[a-z][.)]\s)*"
    r"(?:(?:phan\s*dau|phai|dam\s*bao|bao\s*dam|muc\s*tieu|chi\s*tieu|yeu\s*cau|hoan\s*thanh)(?![a-z])\s*:?\s*)*",
    _X,
)
_TRAILING_ASPIRATION = re.compile(
    r"(?:[\s,;:]*(?<![a-z])(?:phan\s*dau|phai|dam\s*bao|bao\s*dam|hoan\s*thanh|dat|se)(?![a-z]))+[\s,;:(-]*\Z", _X
)
_TRAILING_ASPIRATION_AFTER = re.compile(r"(?<![\s,;:])" + _TRAILING_ASPIRATION.pattern, _X)
_EMPTY_PREFIX = re.compile(
    r"(?:[\s,;:]|(?<![a-z])(?:phan\s*dau|phai|dam\s*bao|bao\s*dam|"
    + _VERBS
    + r"|dat|se|co|giam\s*xuong|giam|tang\s*len"
    r"|tang|trong\s*nam(?:\s*nay)?|nam\s*nay|nam\s*[0-9]{4})(?![a-z]))*",
    _X,
)
_NOUN_AFTER = re.compile(r"\s*[a-z]", _X)
_LABEL = re.compile(r"\s*(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]?\s*", _X)
_CLAUSE_END = re.compile(r";|\.(?=\s|\Z)", _X)
_LEADING_FILLER = re.compile(r"(?:\s|[,;:.]|cac(?![a-z])|co(?![a-z]))*", _X)
_SPLIT = re.compile(r";\s*|\.\s+(?=\S)|(?<!\s)[^\S\n]*\n\s*[-+*\u2022]\s*", _X)
"""Clause ends: a bullet's line break takes the spaces before it, so that a run of spaces is read once."""
_AND = re.compile(r"(?<!\s)\s++va\s+|,\s+(?=(?:[0-9]|ty\s*le|khong\s*(?:co|de)))", _X)
"""Joins of targets: "và", or a comma before a value; a run of spaces is tried once, from its start."""
_PER = re.compile(
    r"(?:\s*/\s*|\s+(?:moi|hang|hang)\s+|\s+(?:mot|1)\s+(?:lan\s*)?/\s*)(?P<per>thang|quy|nam|tuan)(?![a-z])"
    r"(?!\s*[/.-]?\s*[0-9])",
    _X,
)
_PER_KIND = {"thang": PeriodKind.MONTH, "quy": PeriodKind.QUARTER, "nam": PeriodKind.YEAR}
_BUDGET = re.compile(r"(?<![a-z])kinh\s*phi(?![a-z])", _X)
_SHARE_WORDS = re.compile(r"(?<![a-z])(?:ty|ti)\s*le(?![a-z])", _X)
_INDEX_WORDS = re.compile(r"(?<![a-z])(?:chi\s*so|ty\s*le|ti\s*le|muc\s*do\s*hai\s*long|sipas|papi|par)(?![a-z])", _X)
_RESULT_WORDS = re.compile(
    r"(?<![a-z])(?:diem\s*tu\s*cham|diem\s*tu\s*danh\s*gia|diem\s*tham\s*dinh|ket\s*qua\s*(?:dat\s*duoc|tham\s*dinh))"
    r"(?![a-z])",
    _X,
)
_CHANGE = re.compile(
    r"[,(]?\s*(?P<dir>tang|giam)(?:\s*them)?\s*(?P<num>[0-9]+(?:[.,][0-9]+)?)\s*(?P<unit>%|diem(?![a-z])|"
    r"bac(?![a-z])|hang(?![a-z])|diem\s*phan\s*tram(?![a-z]))",
    _X,
)
_FROM_TO = re.compile(
    r"(?<![a-z])tu\s*(?P<n1>[0-9]+(?:[.,][0-9]+)*)(?P<u1>\s*(?:%|diem(?![a-z])|[a-z]+(?:\s+[a-z]+)?(?=\s+(?:nam|len|xuong))))?"
    r"(?:\s*(?:vao\s*|trong\s*)?nam\s*(?P<y1>[0-9]{4}))?"
    r"\s*(?:,\s*)?(?P<dir>(?:tang\s*)?len|(?:giam\s*)?xuong)(?![a-z])\s*(?:muc\s*)?"
    r"(?P<cmp>it\s*nhat|toi\s*thieu|tren|duoi|khong\s*qua|toi\s*da|con)?\s*"
    r"(?P<n2>(?<![0-9a-z/.,])[0-9]+(?:[.,][0-9]+)*)(?![0-9])"
    r"(?P<u2>\s*(?:%|diem(?![a-z])|(?!nam\s*[0-9])[a-z]+(?:\s+(?!nam\s*[0-9])[a-z]+)?))?"
    r"(?:\s*(?:vao\s*|trong\s*)?nam\s*(?P<y2>[0-9]{4}))?",
    _X,
)
_BAND = re.compile(
    r"(?<![a-z])(?P<low>tu|tren)\s*(?P<n1>[0-9]+(?:[.,][0-9]+)*)\s*(?P<u1>%|diem(?![a-z]))?\s*"
    r"(?:den|toi)\s*(?P<high>duoi|khong\s*qua)?\s*(?P<n2>[0-9]+(?:[.,][0-9]+)*)(?![0-9])\s*(?P<u2>%|diem(?![a-z]))?",
    _X,
)
_BARE_HUNDRED = re.compile(r"100(?![0-9.,%])(?=\s+[a-z])", _X)

# Keywords as scanned text damages them (an English-trained OCR model), read where the words around them
# say they are meant. The first stage repairs single words, the second words whose context is repaired first.
_U_SEEN = r"(?:u'|ur|ir|it|if|iv|ii|tr|tt|t\?|t'|i\?|[uwvi?'])"
"""ư as the scan writes it, never nothing."""
_AFTER_VOI = r"\s*(?:n[aide]m|quy|thang|cung|ket|m|[0-9]|6\s|9\s|nua|ke|du|chi)"
_WORDS = (
    Rules(
        [
            rule("so với", after=_AFTER_VOI),
            rule("năm", after=r"\s*(?:[0-9]{4}(?![0-9])|tr)"),
            rule("tăng", after=r"\s*(?:[0-9]|so(?![a-z])|hon|it|toi|them|len|ca|[0-9])"),
            rule("giảm", after=r"\s*(?:[0-9]|so(?![a-z])|hon|it|toi|them|xu|con)"),
            ("", r"d(?:u|w|v)(?:de|oe|[oedga@])?[il](?![a-z])", r"(?=\s*[0-9])", "duoi"),
            rule("tối đa", after=r"\s*(?:la\s*)?[0-9]"),
            rule("tối thiểu", after=r"\s*(?:la\s*)?[0-9]"),
            rule("không", after=r"\s*(?:th|d|qu|v|c|n|it|de|x|ph|bi|ca|nhi)"),
            rule("từ", after=r"\s*[0-9]"),
            rule("tổ chức", after=r"\s*[0-9]"),
            rule("giữ vững"),
            rule("đạt"),
            rule("đứng", after=r"\s*(?:th|o|vi|dau|tr)"),
            rule("thấp hơn", after=r"\s*[0-9]"),
            rule("cao hơn", after=r"\s*(?:[0-9]|nam|so)"),
            ("", r"v" + _U_SEEN + r"(?:oe|de|[oedg@])?t(?![a-z])", r"(?=\s*(?:[0-9]|m|k|c|d))", "vuot"),
            rule("nhóm", after=r"\s*(?:[0-9]|dan|dung|[a-d](?![a-z]))"),
            ("", r"m(?:u'|ur|ir|it|if|iv|ii|tr|tt|t\?|t'|i\?|[uwvi?'])?[ce](?![a-z])", r"(?=\s*[0-9])", "muc"),
            rule("trước", before=r"nam\s*"),
            rule("điểm", before=r"[0-9]\s*"),
            rule("bậc", before=r"[0-9]\s*"),
            rule("hạng", before=r"[0-9]\s*"),
            rule("ngày", before=r"[0-9]\s*"),
            rule("đồng", before=r"[0-9]\s*(?:trieu|ty|ti|nghin|ngan)?\s*"),
            rule("triệu", before=r"[0-9]\s*"),
            rule("nghìn", before=r"[0-9]\s*"),
        ]
    ),
    Rules(
        [
            rule(
                "thứ",
                before=r"(?:xep|dung)\s*(?:hang\s*)?(?:tren\s*|duoi\s*)?(?:vi\s*tri\s*)?",
                after=r"\s*(?:[0-9]|nh)",
            ),
            rule("có", before=r"(?:khong|nhat|thieu|phai)\s*"),
            ("(?:khong|nhat|thieu)\\s*", r"c(?:de|[oed])(?![a-z])", "", "co"),
            ("(?:[0-9]|%)\\s*", r"(?:tr|t|r)[oedga@]?\s*[li][eo€§]n(?![a-z])", "", "tro len"),
            ("(?:[0-9]|%)\\s*", r"(?:tr|t|r)[oedga@]?\s*xu[oed]ng(?![a-z])", "", "tro xuong"),
            rule("lớp", before=r"[0-9]\s*"),
            ("(?:duy\\s*tri|giu\\s*vung)\\s*", r"(?:o|e|&|a|d|6|\u00a2)(?![a-z])", r"(?=\s*muc)", "o"),
        ]
    ),
)

_MONEY_SCALE = {"trieu": 6, "ty": 9, "ti": 9, "nghin": 3, "ngan": 3}
_HUNDRED = Decimal(100)
_STEPS = frozenset((Comparator.INCREASE, Comparator.DECREASE))
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_GROUP_NAMES = {"dandau": "dẫn đầu", "dungdau": "đứng đầu"}
"""The named classes of a ranking, by their folded words without spaces (the pattern allows none between)."""
_EXPECTED = (
    "a target: a value such as 'đạt từ 90% trở lên' or '02 sáng kiến', a rank such as 'xếp thứ 4/25', "
    "or a direction such as 'tăng so với năm 2020'"
)


class _Hit:
    """One target construct found in the phrase."""

    __slots__ = (
        "band_upper",
        "baseline_text",
        "baseline_unit",
        "baseline_value",
        "baseline_year",
        "bound",
        "comparator",
        "end",
        "explicit",
        "flags",
        "group",
        "horizon",
        "not_bottom",
        "out_of",
        "relative_to",
        "scale",
        "start",
        "subject",
        "tier",
        "unit",
        "value",
        "when",
    )

    def __init__(  # noqa: PLR0913 - a plain record
        self,
        start: int,
        end: int,
        *,
        comparator: Comparator,
        value: Decimal | None,
        unit: Unit | None,
        tier: int,
        out_of: int | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.comparator = comparator
        self.value = value
        self.unit = unit
        self.tier = tier
        self.out_of = out_of
        self.explicit = True
        self.flags: list[TargetFlag] = []
        self.when: date | None = None
        self.horizon: date | None = None
        self.baseline_value: Decimal | None = None
        self.baseline_unit: Unit | None = None
        self.baseline_year: int | None = None
        self.baseline_text: str | None = None
        self.relative_to: str | None = None
        self.group: str | None = None
        self.bound: Comparator | None = None
        self.scale: Decimal | None = None
        self.band_upper: tuple[Comparator, Decimal] | None = None
        self.not_bottom: int | None = None
        self.subject: str | None = None


def _number(token: str, phrase: Phrase, position: int) -> tuple[Decimal, bool]:
    read = decimal_from_token(token)
    if read is None:
        raise phrase.error(position, "a number such as '90,73' or '3.773'")
    value, note = read
    return value, note is not None


def _comparator(cmp: str | None, tail: str | None) -> tuple[Comparator | None, Comparator | None]:  # noqa: C901 - one branch per word
    """The comparator of a construct (None for a bare attainment, "đạt 80%") and how a change is bounded."""
    if cmp is None:
        if tail is not None and "xuong" in tail:
            return Comparator.LE, None
        return (Comparator.GE if tail is not None else None), None
    word = " ".join(cmp.split())
    if word.startswith(("tang", "giam")) and word.split()[-1] in {"nhat", "thieu", "hon", "tren", "la"}:
        step = Comparator.INCREASE if word.startswith("tang") else Comparator.DECREASE
        return step, Comparator.GT if ("hon" in word or "tren" in word) else Comparator.GE
    if word.startswith("vuot"):
        return Comparator.INCREASE, None
    if word.startswith(
        ("tu", "toi thieu", "it nhat", "khong thap", "khong it", "khong duoi", "tren hoac", "bang hoac")
    ):
        return (Comparator.LE if tail is not None and "xuong" in tail else Comparator.GE), None
    if word.startswith(("khong qua", "khong vuot", "toi da", "duoi hoac", "khong cao", "khong nhieu", "giam xuong")):
        return Comparator.LE, None
    if word.startswith("trong"):
        return Comparator.LE, None
    if word.startswith(("tren", "hon", "cao hon", "nhieu hon")):
        return Comparator.GT, None
    if word.startswith(("duoi", "it hon", "thap hon")):
        return Comparator.LT, None
    if word.startswith("tang"):
        return Comparator.INCREASE, None
    if word.startswith("giam"):
        return Comparator.DECREASE, None
    return Comparator.EQ, None


def _unit_of(word: str, value: Decimal, hit: _Hit) -> tuple[Unit | None, Decimal] | None:
    """The unit a written unit word names, and the value in it (money in đồng); None when no word is written."""
    if word in {"%", "phan tram"}:
        return Unit.PERCENT, value
    if word == "diem":
        return Unit.POINTS, value
    if word.startswith("ngay"):
        return Unit.DAYS, value
    if word in {"bac", "hang"}:
        return Unit.RANK, value
    head = word.split(maxsplit=1)[0] if word else ""
    if head in _MONEY_SCALE:
        if word == head:
            hit.flags.append(TargetFlag.UNIT_INFERRED)
        return Unit.VND, scaled(value, _MONEY_SCALE[head])
    if head in {"dong", "vnd"}:
        return Unit.VND, value
    return None


def _unit(  # noqa: PLR0913 - the parts of one construct
    written: str | None, value: Decimal, hit: _Hit, s: str, *, hinted: bool, padded: bool
) -> tuple[Unit | None, Decimal]:
    """The unit of a value and the value in that unit (money in đồng)."""
    word = " ".join(written.split()) if written else ""
    known = _unit_of(word, value, hit)
    if known is not None:
        return known
    # No unit written: a % lost in extraction leaves a gap ("60  trở lên", "100 ."), or a ratio names it.
    # Counts are written with a leading zero ("02 sáng kiến"), percentages never are.
    after = s[hit.end : hit.end + 3].replace("\n", " ")
    gap = not padded and (after[:1] in {"", ".", ",", ";", ")"} or after.startswith(("  ", " .", " ,", " ;")))
    if hinted or gap:
        if value <= _HUNDRED:
            hit.flags.append(TargetFlag.UNIT_INFERRED)
            return Unit.PERCENT, value
        hit.flags.append(TargetFlag.AMBIGUOUS)
        return None, value
    return Unit.COUNT, value


def _masked(s: str, start: int, end: int) -> str:
    """``s`` with the inside of brackets blanked, so asides ("(giảm 02 hạng …)") hold no target."""
    if "(" not in s[start:end]:
        return s
    chars = list(s)
    depth = 0
    for index in range(start, end):
        char = chars[index]
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth:
            chars[index] = " "
    return "".join(chars)


def _values(s: str, start: int, end: int, phrase: Phrase) -> list[_Hit]:
    hits: list[_Hit] = []
    for found in _VALUE_AT.finditer(s, start, end):
        # The words before a number say how it compares ("phải đạt từ"): matched back from the number.
        before = _VALUE_LEAD.search(s, max(start, found.start() - _LEAD_WINDOW), found.start())
        if before is None:  # pragma: no cover - every part of the pattern is optional
            continue
        cmp, lead, tail = before["cmp"], before["lead"], found["tail"]
        has_lead = bool((lead and lead.strip()) or before["verb"])
        value, ambiguous = _number(found["num"], phrase, found.start("num"))
        comparator, bound = _comparator(cmp, tail)
        written_unit = found["unit"]
        ratio = before["ratio"] is not None or before["ratio2"] is not None
        explicit = comparator is not None or has_lead or ratio
        bare_count = not explicit and not written_unit
        if bare_count and not _count_position(s, start, found.start("num"), found.end()):
            continue
        if cmp is not None and cmp.startswith("trong") and not (written_unit and "ngay" in written_unit):
            continue
        first = before.start("lead")
        first += len(s[first : found.end()]) - len(s[first : found.end()].lstrip())
        hit = _Hit(first, found.end(), comparator=Comparator.GE, value=None, unit=None, tier=1)
        padded = len(found["num"]) > 1 and found["num"][0] == "0" and found["num"][1].isdigit()
        unit, value = _unit(written_unit, value, hit, s, hinted=ratio or tail is not None, padded=padded)
        if bare_count and unit is Unit.COUNT and _BARE_HUNDRED.match(s, found.start("num")):
            # "100 văn bản …": the "%" of a universal lost with the doubled space that marked it
            unit, comparator = Unit.PERCENT, Comparator.EQ
            hit.flags += [TargetFlag.UNIT_INFERRED, TargetFlag.AMBIGUOUS]
        hit.explicit = comparator is not None
        if comparator is None:
            comparator = Comparator.EQ if unit is Unit.PERCENT and value == _HUNDRED else Comparator.GE
        if comparator in _STEPS and unit is None:
            continue
        hit.comparator, hit.value, hit.unit, hit.bound = comparator, value, unit, bound
        hit.tier = 1 if (written_unit or comparator is not Comparator.EQ or has_lead) else 2
        if ambiguous:
            hit.flags.append(TargetFlag.AMBIGUOUS)
        relative = _RELATIVE_TO.match(s, hit.end, end)
        if relative is not None:
            hit.relative_to = "plan" if relative["plan"] else "estimate"
            hit.baseline_text = _words_from(phrase, relative.start(hit.relative_to), end)
        hits.append(hit)
    return hits


def _words_from(phrase: Phrase, start: int, end: int) -> str:
    """The words from ``start`` to the end of the clause (a comma, a bracket or a full stop ends it)."""
    stop = start
    s = phrase.folded
    while stop < end and s[stop] not in ",;()":
        if s[stop] == "." and (stop + 1 == end or s[stop + 1].isspace()):
            break
        stop += 1
    return " ".join(phrase.written(start, stop).split())


def _count_position(s: str, start: int, position: int, end: int) -> bool:
    """True when a bare number opens the target and names something ("02 sáng kiến", "100  đơn vị …")."""
    head = _ASPIRATION.match(s, start)
    return head is not None and head.end() >= position and _NOUN_AFTER.match(s, end) is not None


def _scores(s: str, start: int, end: int, phrase: Phrase) -> list[_Hit]:
    """Scores written with their scale: "91,25/100 điểm"."""
    hits = []
    for found in _SCORE_SCALE.finditer(s, start, end):
        value, ambiguous = _number(found["num"], phrase, found.start("num"))
        before = _VALUE_LEAD.search(s, max(start, found.start() - _LEAD_WINDOW), found.start())
        comparator = Comparator.GE
        first = found.start()
        if before is not None:
            comparator = _comparator(before["cmp"], None)[0] or Comparator.GE
            first = (
                before.start("lead")
                + len(s[before.start("lead") : found.start()])
                - len(s[before.start("lead") : found.start()].lstrip())
            )
        hit = _Hit(first, found.end(), comparator=comparator, value=value, unit=Unit.POINTS, tier=1)
        hit.scale = Decimal(found["scale"])
        if value > hit.scale:
            hit.flags.append(TargetFlag.OUT_OF_RANGE)
        if ambiguous:
            hit.flags.append(TargetFlag.AMBIGUOUS)
        hits.append(hit)
    return hits


def _ranks(s: str, start: int, end: int, phrase: Phrase) -> list[_Hit]:
    hits: list[_Hit] = []
    if _RANK_GATE.search(s, start, end) is None:
        return hits
    for found in _RANK_AT.finditer(s, start, end):
        if (
            not found[0].strip().startswith(("xep", "dung", "hang", "vi tri", "o "))
            and "xep" not in s[max(start, found.start() - 12) : found.start()]
        ):
            continue
        position = 1 if found["pos"] == "nhat" else int(found["pos"])
        relation = {"tren": Comparator.LT, "duoi": Comparator.GT}.get(found["rel"] or "", Comparator.EQ)
        hits.append(_rank_hit(found, position, relation, phrase))
    for found in _RANK_TOP.finditer(s, start, end):
        if found["top"] is None and found["of"] is None and found.end() == found.end("n"):
            numbered = found.end("n")
            if _RANK_TOP_NOUN.match(s, numbered) is None:
                continue  # "nhóm 2" alone names a group (PAPI), not the top two
        hits.append(_rank_hit(found, int(found["n"]), Comparator.LE, phrase))
    for found in _RANK_STEP.finditer(s, start, end):
        comparator = Comparator.DECREASE if found["dir"] in {"giam", "tut"} else Comparator.INCREASE
        steps = int(found["n"])
        if steps < 1:
            raise phrase.error(found.start("n"), "a number of places of at least 1")
        hit = _Hit(found.start(), found.end(), comparator=comparator, value=Decimal(steps), unit=Unit.RANK, tier=1)
        if found["bound"]:
            hit.bound = Comparator.GT if found["bound"] in {"hon", "tren"} else Comparator.GE
        hits.append(hit)
    return hits


_RANK_TOP_NOUN = re.compile(r"\s*(?:" + _RANKED_NOUN + r"|(?:dan|dung)\s*dau(?![a-z]))", _X)


def _rank_hit(found: re.Match[str], position: int, comparator: Comparator, phrase: Phrase) -> _Hit:
    key = "pos" if "pos" in found.groupdict() else "n"
    if position < 1:
        raise phrase.error(found.start(key), "a rank of at least 1")
    out_of = int(found["of"]) if found["of"] else None
    if out_of is not None and not position <= out_of:
        raise phrase.error(found.start("of"), f"a number ranked of at least {position}")
    return _Hit(
        found.start(),
        found.end(),
        comparator=comparator,
        value=Decimal(position),
        unit=Unit.RANK,
        tier=1,
        out_of=out_of,
    )


def _groups(phrase: Phrase, s: str, start: int, end: int) -> list[_Hit]:
    """Named classes of a ranking without a number of places: "nhóm dẫn đầu", "nhóm A", "nhóm 2"."""
    hits = []
    for found in _GROUP.finditer(s, start, end):
        if found["letter"] is not None and not phrase.text[found.start("letter")].isupper():
            continue
        name = (
            _GROUP_NAMES["".join(found["lead"].split())]  # "dẫn đầu", "dẫnđầu" (a scan that lost the space)
            if found["lead"]
            else (found["letter"] or "").upper() or found["number"]
        )
        keep = _KEEP.search(s, start, found.start()) is not None
        rank = found["lead"] is not None or _RANK_WORDS.search(s, start, end) is not None
        hit = _Hit(
            found.start(),
            found.end(),
            comparator=Comparator.MAINTAIN if keep else Comparator.INCREASE,
            value=None,
            unit=Unit.RANK if rank else None,
            tier=2,
        )
        hit.group = name
        hit.baseline_text = " ".join(phrase.written(_group_start(s, found), found.end()).split())
        inside = _bracketed_value(phrase, found.end())
        if inside is not None:  # "đạt nhóm A (từ 90% trở lên)": the group's bound
            inside.start, inside.group = found.start(), name
            hits.append(inside)
            continue
        if not keep:
            hit.flags += [TargetFlag.AMBIGUOUS, TargetFlag.INCOMPLETE]
        hits.append(hit)
    return hits


_OPEN = re.compile(r"\s*\(", _X)


def _bracketed_value(phrase: Phrase, position: int) -> _Hit | None:
    """The one value written in brackets right after ``position``: "nhóm A (từ 90% trở lên)"."""
    s = phrase.folded
    opened = _OPEN.match(s, position)
    if opened is None:
        return None
    close = s.find(")", opened.end())
    if close < 0:
        return None
    found = [h for h in _values(s, opened.end(), close, phrase) if h.unit is not None]
    if len(found) != 1:
        return None
    hit = found[0]
    hit.end = close + 1
    return hit


def _group_start(s: str, found: re.Match[str]) -> int:
    """Where "nhóm" begins in a group match."""
    return s.index("nhom", found.start())


def _not_bottom(phrase: Phrase, s: str, start: int, end: int) -> list[_Hit]:
    """Not among the last N: "Thoát khỏi nhóm 05 đơn vị xếp cuối", "không để … xếp cuối"."""
    found = _NOT_BOTTOM.search(s, start, end)
    if found is None:
        return []
    hit = _Hit(found.start(), found.end(), comparator=Comparator.INCREASE, value=None, unit=Unit.RANK, tier=1)
    if found["n"] is not None:
        hit.not_bottom = int(found["n"])
        written = phrase.written(found.start("what"), found.end())
        hit.subject = " ".join(written.split()) or None
        hit.baseline_text = " ".join(phrase.written(s.index("nhom", found.start()), found.end()).split())
    else:
        hit.not_bottom = 1
        hit.subject = " ".join(phrase.written(found.start("subject"), found.end("subject")).split()) or None
        hit.baseline_text = " ".join(phrase.written(found.end("subject"), found.end()).split())
    hit.flags.append(TargetFlag.INCOMPLETE)
    return [hit]


def _bands(s: str, start: int, end: int, phrase: Phrase) -> list[_Hit]:
    """A band, "từ 80% đến dưới 90%": the lower bound as the target, the upper one kept beside it."""
    hits = []
    for found in _BAND.finditer(s, start, end):
        unit_word = found["u1"] or found["u2"]
        if unit_word is None:
            continue
        low, _ = _number(found["n1"], phrase, found.start("n1"))
        high, _ = _number(found["n2"], phrase, found.start("n2"))
        if high <= low:
            continue
        unit = Unit.PERCENT if unit_word == "%" else Unit.POINTS
        comparator = Comparator.GT if found["low"] == "tren" else Comparator.GE
        hit = _Hit(found.start(), found.end(), comparator=comparator, value=low, unit=unit, tier=1)
        hit.band_upper = (Comparator.LT if found["high"] == "duoi" else Comparator.LE, high)
        hit.flags.append(TargetFlag.INCOMPLETE)
        hits.append(hit)
    return hits


def _from_to(s: str, start: int, end: int, phrase: Phrase) -> list[_Hit]:
    """A baseline and a target: "từ 45% năm 2024 lên 60% năm 2025", "từ 12 hồ sơ xuống dưới 5 hồ sơ"."""
    hits = []
    for found in _FROM_TO.finditer(s, start, end):
        first, _ = _number(found["n1"], phrase, found.start("n1"))
        second, ambiguous = _number(found["n2"], phrase, found.start("n2"))
        rising = "len" in found["dir"]
        comparator = {
            "it nhat": Comparator.GE,
            "toi thieu": Comparator.GE,
            "tren": Comparator.GT,
            "duoi": Comparator.LT,
            "khong qua": Comparator.LE,
            "toi da": Comparator.LE,
            "con": Comparator.LE,
        }.get(" ".join((found["cmp"] or "").split()), Comparator.GE if rising else Comparator.LE)
        hit = _Hit(found.start(), found.end(), comparator=comparator, value=second, unit=None, tier=1)
        unit2 = " ".join((found["u2"] or "").split())
        unit1 = " ".join((found["u1"] or "").split())
        read = _unit_of(unit2, second, hit)
        hit.unit, hit.value = read if read is not None else (Unit.COUNT, second)
        base = _unit_of(unit1, first, hit)
        base_unit, base_value = base if base is not None else (Unit.COUNT if unit1 else hit.unit, first)
        hit.baseline_value = base_value
        hit.baseline_unit = base_unit if base_unit is not hit.unit else None
        hit.baseline_year = int(found["y1"]) if found["y1"] and is_year(int(found["y1"])) else None
        if found["y2"] and is_year(int(found["y2"])):
            hit.horizon = date(int(found["y2"]), 12, 31)
        if ambiguous:
            hit.flags.append(TargetFlag.AMBIGUOUS)
        hits.append(hit)
    return hits


def _relative(s: str, start: int, end: int) -> list[_Hit]:
    hits: list[_Hit] = []
    unit = Unit.RANK if _RANK_WORDS.search(s, start, end) else None
    for found in _DIRECTION.finditer(s, start, end):
        if found["maintain"]:
            comparator, tier = Comparator.MAINTAIN, 3
        elif found["up"]:
            comparator, tier = Comparator.INCREASE, 3
        else:
            comparator, tier = Comparator.DECREASE, 3
        window = s[found.start() : min(end, found.end() + 60)]
        if comparator is not Comparator.MAINTAIN and not _MEASURE.search(window) and "vuot" not in found[0]:
            continue
        hits.append(_Hit(found.start(), found.end(), comparator=comparator, value=None, unit=unit, tier=tier))
    return hits


def _zero(s: str, start: int, end: int) -> list[_Hit]:
    found = _ZERO.search(s, start, end)
    if found is None:
        return []
    return [
        _Hit(found.start(), found.start("rest"), comparator=Comparator.EQ, value=Decimal(0), unit=Unit.COUNT, tier=2)
    ]


def _quarter_end(year: int, quarter: int) -> date:
    month = 3 * quarter
    return date(year, month, 30 if month in {6, 9} else 31)


def _when_before(s: str, position: int, lo: int) -> tuple[date, int] | None:
    """The day a value is set for when written just before it, and where that starts.

    "đến 30/6/2025 đạt 50%", "đến năm 2025 đạt 80%", "đến hết quý II/2026 đạt 70%", and a bare
    "Năm 2025 đạt 60%" at the start of a clause ("Chỉ số CCHC năm 2025 tăng …" is the index of a year).
    """
    found = _WHEN_BEFORE.search(s, max(lo, position - 48), position)
    if found is None:
        return None
    begin = found.start()
    if found["prep"] is None and begin > lo and _CLAUSE_START.search(s, max(lo, begin - 8), begin) is None:
        return None
    try:
        if found["day"] is not None:
            return read_date(found, "w_"), begin
        if found["y"] is not None:
            year = int(found["y"])
            return (date(year, 12, 31), begin) if is_year(year) else None
        year = int(found["qy"])
        return (_quarter_end(year, _ROMAN_QUARTERS[found["q"]]), begin) if is_year(year) else None
    except Failure:
        return None


def _when_after(s: str, hit: _Hit, hi: int) -> date | None:
    """The year a value is set for when written right after it: "80% năm 2025"."""
    after = _YEAR_AFTER.match(s, hit.end, hi)
    if after is None:
        return None
    year = int(after["y"])
    return date(year, 12, 31) if is_year(year) else None


def _subject(  # noqa: C901, PLR0912, PLR0913 - the ways a subject is cut out of a phrase
    phrase: Phrase, masked: str, hit: _Hit, span: tuple[int, int], *, suffix: bool, cuts: Iterable[int] = ()
) -> str | None:
    """The thing the target is about: the words before the value, else the words after it."""
    if hit.subject is not None:
        return hit.subject
    s = masked
    start, end = span
    head = _ASPIRATION.match(s, start, hit.start)
    prefix_start = head.end() if head else start
    if hit.baseline_value is not None:  # "giảm số hồ sơ trễ hạn từ 12 … xuống dưới 5": the verb is the change
        step = _LEADING_STEP.match(s, prefix_start, hit.start)
        prefix_start = step.end() if step else prefix_start
    keep = _KEEP_EDGE.match(s, prefix_start, hit.start)
    if keep is not None and hit.group is not None:
        prefix_start = keep.end()
    prefix_end = hit.start
    when = _when_before(s, prefix_end, prefix_start)
    if when is not None:
        prefix_end = when[1]
    trailing = _leftmost(_TRAILING_ASPIRATION, _TRAILING_ASPIRATION_AFTER, s, prefix_start, prefix_end)
    if trailing is not None:
        prefix_end = trailing.start()
    if hit.group is not None or hit.comparator in _STEPS:
        tail = _KEEP_TAIL.search(s, prefix_start, prefix_end)
        if tail is not None:
            prefix_end = tail.start()
    if _EMPTY_PREFIX.fullmatch(s, prefix_start, prefix_end):
        prefix_end = prefix_start
    prefix = phrase.written(prefix_start, prefix_end).rstrip(" ,;:-(")
    if prefix or not suffix:
        return prefix or None
    filler = _LEADING_FILLER.match(s, hit.end, end)
    suffix_start = filler.end() if filler else hit.end
    baseline = _BASELINE.search(s, suffix_start, end)
    if baseline is not None:
        end = baseline.start()
    for cut in cuts:
        if suffix_start <= cut < end:
            end = cut
    clause_end = _CLAUSE_END.search(s, suffix_start, end)
    if clause_end is not None:
        end = clause_end.start()
    per = _PER.search(s, suffix_start, end)
    if per is not None:
        after = phrase.written(suffix_start, per.start()) + " " + phrase.written(per.end(), end)
    else:
        after = phrase.written(suffix_start, end)
    after = " ".join(after.split()).rstrip(" .,;:(")
    if after.endswith(")") and after.count(")") > after.count("("):
        after = after[:-1].rstrip(" .,;:")
    if after.endswith(")") and " (" in after:
        after = after[: after.rindex(" (")].rstrip(" .,;:")
    return after or None


def _maintained(s: str, start: int, end: int, phrase: Phrase) -> list[_Hit]:
    """Targets to hold a stated value, "giữ vững so với mức 88,37 điểm": at least as good as it."""
    hits: list[_Hit] = []
    for found in _MAINTAIN_VALUE.finditer(s, start, end):
        value, ambiguous = _number(found["num"], phrase, found.start("num"))
        hit = _Hit(found.start(), found.end(), comparator=Comparator.MAINTAIN, value=None, unit=None, tier=1)
        hit.unit, hit.baseline_value = _unit(found["unit"], value, hit, s, hinted=False, padded=False)
        if ambiguous:
            hit.flags.append(TargetFlag.AMBIGUOUS)
        hits.append(hit)
    return hits


def _hits(phrase: Phrase, masked: str, start: int, end: int) -> list[_Hit]:
    """The constructs of the strongest kind found: values and ranks, else zero targets, else directions."""
    hits = _not_bottom(phrase, masked, start, end)
    for find in (_bands, _from_to, _scores, _ranks, _maintained):  # each kind against the kinds before it
        taken = _Taken(hits)
        hits += [h for h in find(masked, start, end, phrase) if not taken.overlaps(h)]
    taken = _Taken(hits)
    for hit in _values(masked, start, end, phrase):  # values against each other too
        if not taken.overlaps(hit):
            hits.append(hit)
            taken.add(hit)
    if not hits:
        hits = _groups(phrase, masked, start, end)
    if not hits:
        hits = _zero(masked, start, end)
    if not hits:
        hits = _relative(masked, start, end)
    if not hits:
        raise phrase.error(start, _EXPECTED)
    best = min(h.tier for h in hits)
    return sorted((h for h in hits if h.tier == best), key=lambda h: h.start)


def _spans(hits: Iterable[_Hit]) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in hits]


def _milestones(s: str, chosen: list[_Hit], span: tuple[int, int]) -> list[_Hit] | None:
    """The hits ordered by date when each value is set for its own date, else None."""
    lo, hi = span
    for hit in chosen:
        before = _when_before(s, hit.start, lo)
        hit.when = before[0] if before is not None else _when_after(s, hit, hi)
    whens = [h.when for h in chosen]
    if None in whens or len({h.unit for h in chosen}) != 1 or len(set(whens)) != len(whens):
        return None
    return sorted(chosen, key=lambda h: h.when or date.min)


def _leftmost(pattern: re.Pattern[str], after: re.Pattern[str], s: str, start: int, end: int) -> re.Match[str] | None:
    """What ``pattern.search(s, start, end)`` finds, in time linear in the text.

    ``after`` is ``pattern`` kept from starting inside a run of the spaces or
    marks it begins with: a match there is never the first one, as one also
    starts where the run does. Only at ``start`` can the run begin earlier.
    """
    return pattern.match(s, start, end) or after.search(s, start, end)


class _Draft:
    """What is read of a phrase before the target is built."""

    __slots__ = (
        "baseline",
        "bound",
        "change",
        "change_since",
        "first",
        "flags",
        "horizon",
        "main",
        "milestones",
        "notes",
        "result",
        "subject",
    )

    def __init__(self, main: _Hit, first: _Hit) -> None:
        self.main = main
        self.first = first
        self.flags: list[TargetFlag] = []
        self.notes: list[str] = []
        self.milestones: list[Milestone] = []
        self.horizon: date | None = None
        self.baseline: Baseline | None = None
        self.subject: str | None = None
        self.result = False
        self.change: Decimal | None = None
        self.change_since: int | None = None
        self.bound: Comparator | None = main.bound


def _change_of(phrase: Phrase, s: str, chosen: list[_Hit], span: tuple[int, int]) -> tuple[_Hit, _Hit] | None:
    """A value stated with the change beside it: the value and the change, which make the phrase a result.

    "xếp thứ 9/27, tăng 3 bậc"; "đạt 87,46%, tăng 2,19% so với năm 2023".
    """
    start, end = span
    if len(chosen) == 2 and chosen[0].unit is Unit.RANK and chosen[0].comparator is Comparator.EQ:
        step = chosen[1]
        if step.comparator in _STEPS and step.unit is Unit.RANK:
            return chosen[0], step
    if len(chosen) == 1 and chosen[0].unit is Unit.RANK and chosen[0].comparator is Comparator.EQ:
        inner = _RANK_STEP.search(phrase.folded, chosen[0].end, end)  # the change may stand in brackets
        if inner is not None:
            comparator = Comparator.DECREASE if inner["dir"] in {"giam", "tut"} else Comparator.INCREASE
            step = _Hit(
                inner.start(), inner.end(), comparator=comparator, value=Decimal(inner["n"]), unit=Unit.RANK, tier=1
            )
            return chosen[0], step
    if len(chosen) == 2 and chosen[1].comparator in _STEPS and not chosen[0].comparator.is_relative:
        value, step = chosen
        between = s[value.end : step.start]
        if step.unit == value.unit and between.strip() in {",", ""} and "," in between + s[step.start - 1 : step.start]:
            return value, step
    del start
    return None


def _analyse(phrase: Phrase, start: int, end: int, year: int | None) -> tuple[_Draft, list[_Hit]]:  # noqa: C901, PLR0912, PLR0915
    s = phrase.folded
    main_end = end
    trong_do = _leftmost(_TRONG_DO, _TRONG_DO_AFTER, s, start, end)
    if trong_do is not None and trong_do.start() > start:
        main_end = trong_do.start()
    body_start = start
    leading_horizon: date | None = None
    head = _ASPIRATION.match(s, start, main_end)
    leading = _LEADING_TIME.match(s, head.end() if head else start, main_end)
    if leading is not None:
        leading_horizon = _time_latest(phrase, leading.start("time"), leading.end("time"))
        if leading_horizon is not None:
            body_start = leading.end()
    masked = _masked(s, start, main_end)
    chosen = _hits(phrase, masked, body_start, main_end)
    draft = _Draft(chosen[0], chosen[0])
    change = _change_of(phrase, masked, chosen, (body_start, main_end))
    cuts: list[int] = []
    if change is not None:
        value, step = change
        chosen = [value]
        sign = Decimal(1) if step.comparator is Comparator.INCREASE else Decimal(-1)
        draft.change = sign * (step.value or Decimal(0))
        draft.result = True
        since = _BASELINE.search(phrase.folded, step.end, min(main_end, step.end + 40))
        if since is not None and since["y"] and since.start() - step.end < 4:
            draft.change_since = int(since["y"])
        cuts.append(step.start)
        if step.unit is Unit.PERCENT and value.unit is Unit.PERCENT:
            draft.flags.append(TargetFlag.AMBIGUOUS)
            draft.notes.append(f"the change {step.value}% of a value in % may be percentage points")
        draft.main = draft.first = value
    main = chosen[0]
    if main.relative_to is not None:
        relative = _RELATIVE_TO.match(s, main.end, main_end)
        if relative is not None:
            cuts.append(relative.start(main.relative_to))
    named = _group_before(phrase, masked, draft.first, body_start)
    if named is not None:
        draft.first.group, draft.first.start = named
    ordered = _milestones(s, chosen, (start, main_end)) if len(chosen) > 1 else None
    if ordered is not None:
        draft.milestones = [Milestone(by=h.when or date.min, value=h.value) for h in ordered if h.value is not None]
        main = ordered[-1]
        if not main.explicit and ordered[0].explicit:
            main.comparator = ordered[0].comparator
        draft.horizon = draft.milestones[-1].by if draft.milestones else None
    elif len(chosen) > 1:
        draft.flags.append(TargetFlag.AMBIGUOUS)
        draft.notes.append(f"the phrase holds {len(chosen)} values; the first is read")
    elif main.value is not None:
        before = _when_before(s, main.start, body_start)
        draft.horizon = main.horizon or (before[0] if before else None) or _when_after(s, main, main_end)
    draft.main = main
    draft.bound = main.bound
    if draft.horizon is None and leading_horizon is not None:
        draft.horizon = leading_horizon
    if draft.horizon is None:
        dated = _leftmost(_HORIZON, _HORIZON_AFTER, s, body_start, main_end)
        if dated is not None:
            draft.horizon = _horizon(phrase, dated)
            if dated.start() > draft.first.start:
                cuts.append(dated.start())
    if _RESULT_WORDS.search(s, start, main_end) is not None:
        draft.result = True
    if draft.result:
        draft.horizon = None
        if main.comparator in {Comparator.GE, Comparator.GT} and main.unit is not Unit.RANK:
            main.comparator = Comparator.EQ
    for hit in chosen:
        draft.flags.extend(f for f in hit.flags if f not in draft.flags)
    draft.baseline = _baseline(phrase, masked, (body_start, main_end), year, draft, main)
    draft.subject = _subject(
        phrase, masked, draft.first, (body_start, main_end), suffix=not draft.milestones, cuts=cuts
    )
    _doubts(masked, draft, (start, main_end))
    return draft, chosen


_GROUP_LABEL = re.compile(r"nhom\s*(?P<name>[a-d]|[0-9]{1,2})\s*:?\s*\Z", _X)


def _group_before(phrase: Phrase, s: str, hit: _Hit, lo: int) -> tuple[str, int] | None:
    """A group named right before a value: "Nhóm B: từ 80% đến dưới 90%"; its name and where it starts."""
    if hit.group is not None:
        return None
    found = _GROUP_LABEL.search(s, max(lo, hit.start - 16), hit.start)
    if found is None:
        return None
    name = phrase.text[found.start("name") : found.end("name")]
    if name.isalpha() and not name.isupper():
        return None
    return name.upper(), found.start()


def _time_latest(phrase: Phrase, start: int, end: int) -> date | None:
    """The last day of a time written at the start of a target ("Đến năm 2027", "Giai đoạn 2026 - 2027")."""
    from parplan.text.timeframes import read_timeframe  # the time grammar lives with the deadlines

    try:
        return read_timeframe(phrase.text[start:end]).value.latest
    except ParseError:
        return None


def _baseline(  # noqa: C901, PLR0913, PLR0917 - the parts a baseline is built from
    phrase: Phrase, s: str, span: tuple[int, int], year: int | None, draft: _Draft, main: _Hit
) -> Baseline | None:
    """The reference of a target: a value written with it, a year or a period after "so với", the plan."""
    year_of: int | None = None
    period: ReportingPeriod | None = None
    found = _BASELINE.search(s, *span)
    if draft.change_since is not None:
        found = None
    if found is not None:
        if found["y"]:
            value = int(found["y"])
            year_of = value if is_year(value) else None
        elif found["period"]:
            period = _period(phrase, found)
        elif found["prev"]:
            if year is not None and "cung ky" not in found["prev"]:
                year_of = year - 1
        elif found["num"] and main.comparator.is_relative and main.baseline_value is None:
            number, _ = _number(found["num"], phrase, found.start("num"))
            hit = _Hit(found.start(), found.end(), comparator=Comparator.EQ, value=None, unit=None, tier=1)
            written = " ".join((found["unit"] or "").split())
            known = _unit_of(written, number, hit)
            if known is not None:
                main.baseline_unit, main.baseline_value = known
            else:
                main.baseline_value, main.baseline_unit = number, Unit.COUNT if written else None
            if main.baseline_unit is main.unit:
                main.baseline_unit = None
    if main.baseline_year is not None:
        year_of = main.baseline_year
    if main.baseline_value is None and year_of is None and period is None and main.baseline_text is None:
        return None
    return Baseline(
        value=main.baseline_value, unit=main.baseline_unit, year=year_of, period=period, text=main.baseline_text
    )


def _period(phrase: Phrase, found: re.Match[str]) -> ReportingPeriod | None:
    from parplan.text.timeframes import read_timeframe  # the period grammar lives with the deadlines

    try:
        reading = read_timeframe(phrase.text[found.start("period") : found.end("period")])
    except ParseError:
        return None
    read = reading.value
    return read.periods[0] if isinstance(read, Within) and len(read.periods) == 1 else None


def _doubts(s: str, draft: _Draft, span: tuple[int, int]) -> None:
    """The doubts of what a phrase says beyond its construct: shares above 100 %, points or percent, budgets."""
    main = draft.main
    start, end = span
    subject_folded = fold(draft.subject) if draft.subject else ""
    if (
        main.unit is Unit.PERCENT
        and main.value is not None
        and main.value > _HUNDRED
        and main.relative_to is None
        and not main.comparator.is_relative
        and _SHARE_WORDS.search(s, start, end) is not None
    ):
        draft.flags.append(TargetFlag.OUT_OF_RANGE)
        draft.notes.append(f"a share of {main.value}% is more than the whole")
    if (
        main.comparator in _STEPS
        and main.unit is Unit.PERCENT
        and not draft.result
        and _INDEX_WORDS.search(s, start, end) is not None
        and TargetFlag.AMBIGUOUS not in draft.flags
    ):
        draft.flags.append(TargetFlag.AMBIGUOUS)
        draft.notes.append(f"a change of {main.value}% of an index in % may be percentage points")
    if main.band_upper is not None:
        draft.notes.append("a band: the upper bound is kept in the reading (upper), not in the target")
    if main.not_bottom is not None:
        draft.notes.append(f"not among the last {main.not_bottom}: the target holds a climb, not the number")
    if main.group is not None and TargetFlag.INCOMPLETE in main.flags:
        draft.notes.append(f"a place in the group {main.group!r}: the plan names no number")
    if (
        main.comparator is Comparator.GE
        and not main.explicit
        and main.unit is Unit.VND
        and _BUDGET.search(subject_folded) is not None
    ):
        main.comparator = Comparator.EQ  # a budget line states an amount


def _per(s: str, draft: _Draft, span: tuple[int, int]) -> PeriodKind | None:
    main = draft.main
    if main.unit is not Unit.COUNT:
        return None
    found = _PER.search(s, main.end, span[1])
    if found is None:
        return None
    return _PER_KIND.get(found["per"])


def _read(text: str, *, year: int | None) -> TargetReading:
    written = Phrase(text)
    if written.start >= written.end:
        raise written.error(0, _EXPECTED + " (the text is empty)")
    respelled = Respelled(written, _WORDS)
    phrase = respelled.phrase
    start, end = phrase.start, phrase.end
    repaired, words = phrase.repairs_within(start, end), respelled.repairs
    try:
        draft, chosen = _analyse(phrase, start, end, year)
    except ParseError as error:
        raise written.error(respelled.origin(error.position), error.expected) from None
    if phrase is not written and draft.subject is not None:
        draft.subject = " ".join(draft.subject.split())
    main = draft.main
    flags = draft.flags
    notes = draft.notes
    per = _per(phrase.folded, draft, (start, end))
    if per is not None:
        flags.append(TargetFlag.INCOMPLETE)
        notes.append(f"a rate per {per.value}: the target holds the count of one period")
    if repaired or words:
        flags.append(TargetFlag.OCR_REPAIRED)
    unread = unread_words(phrase.text, phrase.folded, start, end)
    if unread:
        flags.append(TargetFlag.UNREAD_WORDS)
        notes.append("words not read: " + ", ".join(repr(w) for w in unread))
    del chosen
    upper = None
    if main.band_upper is not None:
        upper = Target(comparator=main.band_upper[0], value=main.band_upper[1], unit=main.unit)
    ordered_flags = tuple(sorted(set(flags), key=_FLAG_ORDER.__getitem__))
    try:
        target = Target(
            comparator=main.comparator,
            value=main.value,
            unit=main.unit,
            out_of=main.out_of,
            baseline=draft.baseline,
            subject=draft.subject,
            horizon=draft.horizon,
            milestones=draft.milestones,
            text=written.written(written.start, written.end),
            flags=ordered_flags,
        )
    except InvariantError as error:
        raise written.error(respelled.origin(main.start), f"a consistent target ({error.message})") from None
    return TargetReading(
        value=target,
        text=written.text,
        result=draft.result,
        change=draft.change,
        change_since=draft.change_since,
        relative_to=main.relative_to,
        group=main.group,
        bound=draft.bound,
        per=per,
        scale=main.scale,
        upper=upper,
        not_bottom=main.not_bottom,
        notes=tuple(dict.fromkeys(notes)),
        repairs=tuple(sorted((*repaired, *words), key=lambda r: r.position)),
    )


class _Taken:
    """The stretches of text the hits so far cover, as a sorted union: whether a hit overlaps one, in log time.

    Filtering each new hit against a list of spans made a phrase of many
    values ("12,5% 12,5% …") quadratic; this keeps it n log n.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, hits: Iterable[_Hit]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(_spans(hits)):
            if self.ends and a < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, hit: _Hit) -> bool:
        """Whether ``hit`` shares a character with a stretch taken: starts before its end and ends after its start."""
        index = bisect_left(self.starts, hit.end)
        return index > 0 and self.ends[index - 1] > hit.start

    def add(self, hit: _Hit) -> None:
        """Take the stretch of ``hit``, which overlaps none taken."""
        index = bisect_right(self.starts, hit.start)
        self.starts.insert(index, hit.start)
        self.ends.insert(index, hit.end)


def _horizon(phrase: Phrase, found: re.Match[str]) -> date:
    """The day a target is set for ("(đến 31/12/2025)", "đến ngày 31 tháng 12 năm 2025")."""
    try:
        return read_date(found)
    except Failure as failure:
        raise phrase.error(failure.position, failure.expected) from None


def read_target(text: str, *, year: int | None = None) -> TargetReading:
    """The target a phrase sets, with what the phrase says beyond it, its doubts and a confidence.

    ``year`` is the plan's year, used for a baseline written as "so với năm
    trước" (without it that baseline is left unknown). Raises
    :class:`~parplan.errors.ParseError` when the phrase sets no target.

    >>> reading = read_target("Thu ngân sách vượt 7% kế hoạch")
    >>> reading.value.comparator.value, reading.value.value, reading.value.baseline.text, reading.relative_to
    ('increase', Decimal('7'), 'kế hoạch', 'plan')
    >>> reading = read_target("giữ vững vị trí trong nhóm dẫn đầu")
    >>> reading.value.comparator.value, reading.value.value, reading.group, reading.confidence
    ('maintain', None, 'dẫn đầu', 1.0)
    >>> reading = read_target("Chỉ số CCHC tăng 1,39% so với năm trước", year=2025)
    >>> [f.value for f in reading.flags], reading.confidence
    (['ambiguous'], 0.6)
    """
    if year is not None:
        check_year(year)
    reading = _read(text, year=year)
    several = _several(text, year=year, memo={text: reading})
    if several is not None and len(several) > 1:
        flags = tuple(sorted({*reading.flags, TargetFlag.AMBIGUOUS}, key=_FLAG_ORDER.__getitem__))
        note = f"the phrase sets {len(several)} targets (extract_targets reads each); the first is read"
        notes = (*(n for n in reading.notes if not n.startswith("the phrase holds")), note)
        reading = attrs.evolve(reading, value=attrs.evolve(reading.value, flags=flags), notes=notes)
    return reading


def parse_target(text: str, *, year: int | None = None) -> Target:
    """The target a phrase sets: comparator, value, unit, rank size, baseline, subject and milestones.

    ``year`` is the plan's year, used for a baseline written as "so với năm
    trước" (without it that baseline is left unknown). Money is in đồng
    ("3.773 triệu đồng" is 3,773,000,000). Raises
    :class:`~parplan.errors.ParseError` when the phrase sets no target.
    :func:`read_target` gives the same target with what the phrase says
    beyond it and a confidence.

    >>> target = parse_target("Tỷ lệ hồ sơ TTHC được xử lý trực tuyến phải đạt từ 60  trở lên")
    >>> target.comparator.value, target.value, target.unit.value, [f.value for f in target.flags]
    ('>=', Decimal('60'), '%', ['unit_inferred'])
    >>> target.subject
    'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến'
    >>> rank = parse_target("xếp thứ 4/25 toàn huyện")
    >>> rank.comparator.value, rank.value, rank.unit.value, rank.out_of
    ('=', Decimal('4'), 'rank', 25)
    >>> parse_target("Thu ngân sách đạt 3.773 triệu đồng").value
    Decimal('3773000000')
    """
    return read_target(text, year=year).value


def _reading(text: str, year: int | None, memo: dict[str, TargetReading | None]) -> TargetReading | None:
    """The reading of ``text``, or None when it sets no target: each text of a passage is read once."""
    if text in memo:
        return memo[text]
    try:
        reading: TargetReading | None = _read(text, year=year)
    except ParseError:
        reading = None
    memo[text] = reading
    return reading


def _several(
    text: str, *, year: int | None, memo: dict[str, TargetReading | None] | None = None
) -> list[TargetReading] | None:
    """The targets of a clause that joins several with "và" or a comma, or None when it sets one."""
    phrase = Phrase(text)
    s = phrase.folded
    if _AND.search(s, phrase.start, phrase.end) is None:
        return None
    if memo is None:
        memo = {}
    whole = _reading(text, year, memo)
    if whole is not None and (whole.value.milestones or whole.upper is not None):
        return None
    masked = _masked(s, phrase.start, phrase.end)
    cuts = [m.span() for m in _AND.finditer(masked, phrase.start, phrase.end)]
    position = phrase.start
    readings: list[TargetReading] = []
    pending = phrase.start
    for cut_start, cut_end in [*cuts, (phrase.end, phrase.end)]:
        part = phrase.text[pending:cut_start]
        reading = _reading(part, year, memo)
        if reading is None:
            continue  # the cut joins words of one target ("trước và đúng hạn"): read on to the next cut
        if reading.value.milestones:
            return None
        readings.append(reading)
        pending = cut_end
        position = cut_end
    if len(readings) < 2 or (position < phrase.end and phrase.text[position:].strip()):
        return None
    return readings


def extract_targets(text: str, *, year: int | None = None) -> list[Target]:
    """Every target of a passage, one per clause (clauses end at ";", a full stop or a new bullet).

    "75% văn bản QPPL … kịp thời; 100% văn bản được ban hành đảm bảo …" gives
    two targets, and so does a clause that joins two with "và" ("100% TTHC
    được công khai và 90% hồ sơ được số hóa"). Clauses that set no target are
    skipped.

    >>> [t.value for t in extract_targets("75% văn bản được thực hiện; 100% văn bản hợp pháp")]
    [Decimal('75'), Decimal('100')]
    >>> [t.value for t in extract_targets("100% TTHC được công khai và 90% hồ sơ được số hóa")]
    [Decimal('100'), Decimal('90')]
    """
    if year is not None:
        check_year(year)
    phrase = Phrase(text)
    targets: list[Target] = []
    position = phrase.start
    cuts = [m.span() for m in _SPLIT.finditer(phrase.folded, phrase.start, phrase.end)]
    cuts.append((phrase.end, phrase.end))
    for cut_start, cut_end in cuts:
        clause = phrase.text[position:cut_start]
        label = _LABEL.fullmatch(phrase.folded, position, cut_start)
        position = cut_end
        if not clause.strip() or label is not None:
            continue
        memo: dict[str, TargetReading | None] = {}
        several = _several(clause, year=year, memo=memo)
        if several is not None:
            targets.extend(reading.value for reading in several)
            continue
        reading = _reading(clause, year, memo)
        if reading is not None:
            targets.append(reading.value)
    return targets


_RESULT_YEAR = re.compile(r"(?<![a-z])nam\s*(?P<y>[0-9]{4})(?![0-9])", _X)


def read_index_result(text: str, *, year: int | None = None, framework: str = "par_index") -> IndexResult | None:
    """The published index result a sentence reports, or None when it reports no score and no place.

    "Chỉ số CCHC năm 2024 đạt 90,73 điểm, xếp thứ 4/25 (giảm 02 hạng)" gives
    the score, the place among how many and the signed change of place (−2).
    The year is the one the sentence names ("năm 2024"), else ``year``;
    without either :class:`~parplan.errors.ParseError` is raised. The
    sentence rarely says which index it is: ``framework`` names it.

    >>> result = read_index_result("tổng điểm đạt 90,73 điểm, xếp thứ 4/25 (giảm 02 hạng)", year=2020)
    >>> result.score, result.rank, result.out_of, result.rank_change
    (Decimal('90.73'), 4, 25, -2)
    >>> read_index_result("đứng thứ 9/27, tăng 3 bậc so với năm trước", year=2024).rank_change
    3
    >>> read_index_result("Ban hành kế hoạch", year=2024) is None
    True
    """
    if year is not None:
        check_year(year)
    written = Phrase(text)
    respelled = Respelled(written, _WORDS)
    phrase = respelled.phrase
    s = phrase.folded
    start, end = phrase.start, phrase.end
    ranks = [h for h in _ranks(s, start, end, phrase) if h.comparator is Comparator.EQ]
    steps = [h for h in _ranks(s, start, end, phrase) if h.comparator in _STEPS]
    taken = _Taken(ranks + steps)
    scores = [h for h in _scores(s, start, end, phrase) if not taken.overlaps(h)]
    taken = _Taken(ranks + steps + scores)
    scores += [
        h
        for h in _values(s, start, end, phrase)
        if h.unit in {Unit.POINTS, Unit.PERCENT} and h.comparator not in _STEPS and not taken.overlaps(h)
    ]
    if not ranks and not scores:
        return None
    named = [
        int(found["y"])
        for found in _RESULT_YEAR.finditer(s, start, end)
        if "so voi" not in s[max(start, found.start() - 12) : found.start()] and is_year(int(found["y"]))
    ]
    result_year = named[0] if named else year
    if result_year is None:
        raise written.error(written.end, "a year: the sentence names none, so pass year=")
    score = scores[0] if scores else None
    rank = ranks[0] if ranks else None
    change = None
    if rank is not None and steps:
        step = steps[0]
        change = int(step.value or 0) * (1 if step.comparator is Comparator.INCREASE else -1)
    try:
        return IndexResult(
            framework=framework,
            year=result_year,
            score=score.value if score is not None else None,
            unit=score.unit if score is not None and score.unit is not None else Unit.POINTS,
            rank=int(rank.value) if rank is not None and rank.value is not None else None,
            out_of=rank.out_of if rank is not None else None,
            rank_change=change,
            text=written.written(written.start, written.end),
        )
    except InvariantError as error:
        raise written.error(written.start, f"a consistent result ({error.message})") from None
