"""Reading targets (chỉ tiêu) as plans write them: "đạt từ 90% trở lên", "xếp thứ 4/25", "02 sáng kiến".

:func:`parse_target` returns a :class:`~parplan.targets.Target` with the
comparator, value, unit, rank size, baseline, subject, milestones, the
phrase as written and the doubts of the reading (``flags``).

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
"02 sáng kiến", "ít nhất có 02 sáng kiến"       ``= 2 count`` / ``>= 2 count``
"90,73 điểm"                                    ``>= 90.73 points``
"3.773 triệu đồng", "1,5 tỷ đồng"              ``>= 3773000000 VND``, money in đồng
"xếp thứ 4/25"                                  ``= 4 rank`` out of 25
"trong nhóm 5/25", "top 5"                      ``<= 5 rank`` (out of 25)
"tăng 2 bậc"                                    ``increase 2 rank``
"cao hơn năm 2020", "tăng so với năm 2020"      ``increase`` with ``baseline.year`` 2020
"giữ vững hoặc nâng cao"                        ``maintain``
"đến năm 2025 đạt 80%, đến năm 2030 đạt 90%"    ``>= 90 %`` with two milestones
=============================================== ====================================

A unit lost in text extraction ("đạt từ 60  trở lên", "đạt tỷ lệ 100 .") is
inferred as % and flagged ``unit_inferred``; a phrase holding several targets
gives the first and is flagged ``ambiguous``; damaged scanned text is
repaired and flagged ``ocr_repaired``. Aspiration verbs ("Phấn đấu", "phải",
"đảm bảo") are not comparators.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from parplan._values import check_year, is_year
from parplan.errors import InvariantError, ParseError
from parplan.targets import Baseline, Comparator, Milestone, Target, TargetFlag, Unit
from parplan.text._scan import Failure, Phrase
from parplan.text.dates import DAY_WORD, day_source, read_date
from parplan.text.numbers import decimal_from_token, scaled
from parplan.timeframes import Within

__all__ = ["extract_targets", "parse_target"]

_X = re.ASCII
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
_VERBS = r"hoan\s*thanh|thuc\s*hien|giai\s*quyet|to\s*chuc|ban\s*hanh|xay\s*dung|mo|cu"
_LEAD = (
    r"(?P<verb>(?:" + _VERBS + r")(?![a-z])\s*)?"
    r"(?P<lead>(?:(?:phai|se|duoc)\s*)?(?:dat|la|co|chiem|o\s*muc)?\s*(?:duoc\s*)?)"
)
_RATIO = r"(?P<ratio>(?:ty|ti)\s*le(?![a-z])\s*)?"
_RATIO_AFTER = r"(?P<ratio2>(?:ty|ti)\s*le(?![a-z])\s*)?"
_CMP = (
    r"(?P<cmp>tu(?![a-z])|toi\s*thieu(?:\s*la)?|it\s*nhat(?:\s*la)?|khong\s*(?:thap|it)\s*hon|khong\s*duoi"
    r"|tren\s*hoac\s*bang|bang\s*hoac\s*tren|khong\s*(?:vuot\s*)?qua|toi\s*da(?:\s*la)?|duoi\s*hoac\s*bang"
    r"|khong\s*(?:cao|nhieu)\s*hon|tren|hon|cao\s*hon|nhieu\s*hon|duoi|it\s*hon|thap\s*hon|bang"
    r"|tang(?!\s*cuong)(?:\s*them)?|giam\s*xuong\s*(?:con|muc)?|giam(?:\s*them)?|trong\s*(?:vong|thoi\s*gian)?)"
    r"(?![a-z])\s*(?:co\s*|muc\s*|la\s*)?"
)
_TAIL = r"(?P<tail>\s*tro\s*(?:len|xuong)(?![a-z]))?"
_VALUE_AT = re.compile(_NUM + _UNIT + _TAIL, _X)
_VALUE_LEAD = re.compile(r"(?<![a-z])" + _LEAD + _RATIO + r"(?:" + _CMP + _RATIO_AFTER + r")?\Z", _X)
_LEAD_WINDOW = 48
_RANK_AT = re.compile(
    r"(?:(?:xep|dung)\s*(?:hang\s*)?(?:(?P<rel>tren|duoi)\s*)?|o\s*)?"
    r"(?:thu|hang|vi\s*tri)(?![a-z])\s*(?:thu\s*)?(?P<pos>[0-9]+|nhat)(?![0-9])"
    r"(?:\s*(?:/|tren|trong\s*(?:so\s*)?|trong\s*tong\s*so)\s*(?P<of>[0-9]+))?",
    _X,
)
_RANK_TOP = re.compile(
    r"(?:(?:nam\s*|lot\s*)?(?:trong|thuoc|vao)\s*)?(?:nhom|top)\s*(?P<n>[0-9]+)(?![0-9])"
    r"(?:\s*(?:/|tren|trong\s*(?:so\s*)?)\s*(?P<of>[0-9]+))?",
    _X,
)
_RANK_GATE = re.compile(r"(?<![a-z])(?:thu|hang|vi\s*tri|nhom|top|bac|dan\s*dau)(?![a-z])", _X)
_RANK_LEAD = re.compile(r"dan\s*dau(?![a-z])", _X)
_RANK_STEP = re.compile(
    r"(?P<dir>tang|nang|giam|tut)(?:\s*(?:them|len|xuong))?\s*(?P<n>[0-9]+)\s*(?:bac|hang|vi\s*tri)(?![a-z])", _X
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
    r"|(?P<prev>nam\s*truoc|nam\s*ngoai|cung\s*ky))",
    _X,
)
_MAINTAIN_VALUE = re.compile(
    r"(?<![a-z])(?:giu\s*vung|duy\s*tri)(?:\s*(?:on\s*dinh|o))?(?![a-z])\s*(?:so\s*voi\s*)?(?:muc\s*)?" + _NUM + _UNIT,
    _X,
)
_HORIZON = re.compile(
    rf"\(?\s*(?:den|truoc|toi)\s*(?:het\s*)?(?:{DAY_WORD}\s*)?{day_source(year='required')}\s*\)?",
    _X,
)
_HORIZON_AFTER = re.compile(r"(?:(?=\()|(?<![\s(]))" + _HORIZON.pattern, _X)
_ZERO = re.compile(
    r"(?<![a-z])khong\s*(?:co|de\s*xay\s*ra|de\s*phat\s*sinh|de|con|phat\s*sinh|xay\s*ra)(?![a-z])\s*(?P<rest>\S)",
    _X,
)
_YEAR_AFTER = re.compile(r"[ \t]*(?:vao\s*|trong\s*)?nam\s*(?P<y>[0-9]{4})(?![0-9])", _X)
_YEAR_BEFORE = re.compile(
    r"(?<![a-z])(?:(?:den|toi|trong|vao|cuoi|het)\s*(?:het\s*)?)?nam\s*(?P<y>[0-9]{4})\s*(?:,\s*)?(?:thi\s*)?\Z", _X
)
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
    r"|tang|trong\s*nam(?:\s*nay)?|nam\s*nay)(?![a-z]))*",
    _X,
)
_NOUN_AFTER = re.compile(r"\s*[a-z]", _X)
_LABEL = re.compile(r"\s*(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]?\s*", _X)
_CLAUSE_END = re.compile(r";|\.(?=\s|\Z)", _X)
_LEADING_FILLER = re.compile(r"(?:\s|[,;:.]|cac(?![a-z])|co(?![a-z]))*", _X)
_SPLIT = re.compile(r";\s*|\.\s+(?=\S)|(?<!\s)[^\S\n]*\n\s*[-+*\u2022]\s*", _X)
"""Clause ends: a bullet's line break takes the spaces before it, so that a run of spaces is read once."""

_MONEY_SCALE = {"trieu": 6, "ty": 9, "ti": 9, "nghin": 3, "ngan": 3}
_HUNDRED = Decimal(100)
_STEPS = frozenset((Comparator.INCREASE, Comparator.DECREASE))
_FLAG_ORDER = {flag: index for index, flag in enumerate(TargetFlag)}
_EXPECTED = (
    "a target: a value such as 'đạt từ 90% trở lên' or '02 sáng kiến', a rank such as 'xếp thứ 4/25', "
    "or a direction such as 'tăng so với năm 2020'"
)


class _Hit:
    """One target construct found in the phrase."""

    __slots__ = ("baseline_value", "comparator", "end", "flags", "out_of", "start", "tier", "unit", "value", "year")

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
        self.flags: list[TargetFlag] = []
        self.year: int | None = None
        self.baseline_value: Decimal | None = None


def _number(token: str, phrase: Phrase, position: int) -> tuple[Decimal, bool]:
    read = decimal_from_token(token)
    if read is None:
        raise phrase.error(position, "a number such as '90,73' or '3.773'")
    value, note = read
    return value, note is not None


def _comparator(cmp: str | None, tail: str | None) -> Comparator | None:
    """The comparator of a construct; None for a bare attainment ("đạt 80%")."""
    if cmp is None:
        if tail is not None and "xuong" in tail:
            return Comparator.LE
        return Comparator.GE if tail is not None else None
    word = " ".join(cmp.split())
    if word.startswith(
        ("tu", "toi thieu", "it nhat", "khong thap", "khong it", "khong duoi", "tren hoac", "bang hoac")
    ):
        return Comparator.LE if tail is not None and "xuong" in tail else Comparator.GE
    if word.startswith(("khong qua", "khong vuot", "toi da", "duoi hoac", "khong cao", "khong nhieu", "giam xuong")):
        return Comparator.LE
    if word.startswith(("trong", "khong qua")):
        return Comparator.LE
    if word.startswith(("tren", "hon", "cao hon", "nhieu hon")):
        return Comparator.GT
    if word.startswith(("duoi", "it hon", "thap hon")):
        return Comparator.LT
    if word.startswith("tang"):
        return Comparator.INCREASE
    if word.startswith("giam"):
        return Comparator.DECREASE
    return Comparator.EQ


def _unit(  # noqa: PLR0913 - the parts of one construct
    written: str | None, value: Decimal, hit: _Hit, s: str, *, hinted: bool, padded: bool
) -> tuple[Unit | None, Decimal]:
    """The unit of a value and the value in that unit (money in đồng)."""
    word = " ".join(written.split()) if written else ""
    if word in {"%", "phan tram"}:
        return Unit.PERCENT, value
    if word == "diem":
        return Unit.POINTS, value
    if word.startswith("ngay"):
        return Unit.DAYS, value
    if word in {"bac", "hang"}:
        return Unit.RANK, value
    if word:
        head = word.split()[0]
        if head in _MONEY_SCALE:
            if word == head:
                hit.flags.append(TargetFlag.UNIT_INFERRED)
            return Unit.VND, scaled(value, _MONEY_SCALE[head])
        return Unit.VND, value
    # No unit written: a % lost in extraction leaves a gap ("60  trở lên", "100 ."), or a ratio names it.
    # Counts are written with a leading zero ("02 sáng kiến"), percentages never are.
    after = s[hit.end : hit.end + 3]
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
        comparator = _comparator(cmp, tail)
        written_unit = found["unit"]
        ratio = before["ratio"] is not None or before["ratio2"] is not None
        explicit = comparator is not None or has_lead or ratio
        if not explicit and not written_unit and not _count_position(s, start, found.start("num"), found.end()):
            continue
        if cmp is not None and cmp.startswith("trong") and not (written_unit and "ngay" in written_unit):
            continue
        first = before.start("lead")
        first += len(s[first : found.end()]) - len(s[first : found.end()].lstrip())
        hit = _Hit(first, found.end(), comparator=Comparator.GE, value=None, unit=None, tier=1)
        padded = len(found["num"]) > 1 and found["num"][0] == "0" and found["num"][1].isdigit()
        unit, value = _unit(written_unit, value, hit, s, hinted=ratio or tail is not None, padded=padded)
        if comparator is None:
            comparator = Comparator.EQ if unit is Unit.PERCENT and value == _HUNDRED else Comparator.GE
        if comparator in _STEPS and unit is None:
            continue
        hit.comparator, hit.value, hit.unit = comparator, value, unit
        hit.tier = 1 if (written_unit or comparator is not Comparator.EQ or has_lead) else 2
        if ambiguous:
            hit.flags.append(TargetFlag.AMBIGUOUS)
        hits.append(hit)
    return hits


def _count_position(s: str, start: int, position: int, end: int) -> bool:
    """True when a bare number opens the target and names something ("02 sáng kiến", "100  đơn vị …")."""
    head = _ASPIRATION.match(s, start)
    return head is not None and head.end() >= position and _NOUN_AFTER.match(s, end) is not None


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
    hits.extend(_rank_hit(found, int(found["n"]), Comparator.LE, phrase) for found in _RANK_TOP.finditer(s, start, end))
    for found in _RANK_STEP.finditer(s, start, end):
        comparator = Comparator.DECREASE if found["dir"] in {"giam", "tut"} else Comparator.INCREASE
        steps = int(found["n"])
        if steps < 1:
            raise phrase.error(found.start("n"), "a number of places of at least 1")
        hits.append(
            _Hit(found.start(), found.end(), comparator=comparator, value=Decimal(steps), unit=Unit.RANK, tier=1)
        )
    hits.extend(
        _Hit(found.start(), found.end(), comparator=Comparator.EQ, value=Decimal(1), unit=Unit.RANK, tier=3)
        for found in _RANK_LEAD.finditer(s, start, end)
    )
    return hits


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


def _year_of(s: str, hit: _Hit, lo: int, hi: int) -> int | None:
    """The year a value is set for when written right beside it: "80% năm 2025", "đến năm 2025 đạt 80%"."""
    after = _YEAR_AFTER.match(s, hit.end, hi)
    if after is not None:
        return int(after["y"])
    before = _YEAR_BEFORE.search(s, max(lo, hit.start - 40), hit.start)
    if before is not None:
        return int(before["y"])
    return None


def _subject(phrase: Phrase, masked: str, hit: _Hit, span: tuple[int, int], *, suffix: bool) -> str | None:
    """The thing the target is about: the words before the value, else the words after it."""
    s = masked
    start, end = span
    head = _ASPIRATION.match(s, start, hit.start)
    prefix_start = head.end() if head else start
    prefix_end = hit.start
    year = _YEAR_BEFORE.search(s, prefix_start, prefix_end)
    if year is not None:
        prefix_end = year.start()
    trailing = _leftmost(_TRAILING_ASPIRATION, _TRAILING_ASPIRATION_AFTER, s, prefix_start, prefix_end)
    if trailing is not None:
        prefix_end = trailing.start()
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
    clause_end = _CLAUSE_END.search(s, suffix_start, end)
    if clause_end is not None:
        end = clause_end.start()
    after = phrase.written(suffix_start, end).rstrip(" .,;:")
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
    hits = _ranks(masked, start, end, phrase) + _maintained(masked, start, end, phrase)
    taken = [(h.start, h.end) for h in hits]
    hits.extend(h for h in _values(masked, start, end, phrase) if not _overlaps(h, taken))
    if not hits:
        hits = _zero(masked, start, end)
    if not hits:
        hits = _relative(masked, start, end)
    if not hits:
        raise phrase.error(start, _EXPECTED)
    best = min(h.tier for h in hits)
    return sorted((h for h in hits if h.tier == best), key=lambda h: h.start)


def _milestones(s: str, chosen: list[_Hit], span: tuple[int, int]) -> list[_Hit] | None:
    """The hits ordered by year when each value is set for its own year, else None."""
    for hit in chosen:
        hit.year = _year_of(s, hit, *span)
    years = [h.year for h in chosen]
    if None in years or len({h.unit for h in chosen}) != 1 or len(set(years)) != len(years):
        return None
    return sorted(chosen, key=lambda h: h.year or 0)


def _steps(
    s: str, chosen: list[_Hit], span: tuple[int, int], flags: list[TargetFlag]
) -> tuple[_Hit, list[Milestone], date | None]:
    """The target kept, its dated milestones and its horizon; several undated values are ambiguous."""
    main = chosen[0]
    ordered = _milestones(s, chosen, span) if len(chosen) > 1 else None
    if ordered is not None:
        milestones = [Milestone(by=date(h.year or 0, 12, 31), value=h.value) for h in ordered if h.value is not None]
        main = ordered[-1]
        main.comparator = ordered[0].comparator
        return main, milestones, (milestones[-1].by if milestones else None)
    if len(chosen) > 1:
        flags.append(TargetFlag.AMBIGUOUS)
    elif main.value is not None and (hit_year := _year_of(s, main, *span)) is not None:
        return main, [], date(hit_year, 12, 31)
    return main, [], None


def _leftmost(pattern: re.Pattern[str], after: re.Pattern[str], s: str, start: int, end: int) -> re.Match[str] | None:
    """What ``pattern.search(s, start, end)`` finds, in time linear in the text.

    ``after`` is ``pattern`` kept from starting inside a run of the spaces or
    marks it begins with: a match there is never the first one, as one also
    starts where the run does. Only at ``start`` can the run begin earlier.
    """
    return pattern.match(s, start, end) or after.search(s, start, end)


def _read(text: str, *, year: int | None) -> Target:
    phrase = Phrase(text)
    start, end = phrase.start, phrase.end
    if start >= end:
        raise phrase.error(0, _EXPECTED + " (the text is empty)")
    s = phrase.folded
    main_end = end
    trong_do = _leftmost(_TRONG_DO, _TRONG_DO_AFTER, s, start, end)
    if trong_do is not None and trong_do.start() > start:
        main_end = trong_do.start()
    masked = _masked(s, start, main_end)
    chosen = _hits(phrase, masked, start, main_end)
    first = chosen[0]
    flags: list[TargetFlag] = []
    main, milestones, horizon = _steps(s, chosen, (start, main_end), flags)
    dated = _leftmost(_HORIZON, _HORIZON_AFTER, s, start, main_end)
    if horizon is None and dated is not None:
        horizon = _horizon(phrase, dated)
    for hit in chosen:
        flags.extend(f for f in hit.flags if f not in flags)
    if phrase.repairs_within(start, main_end):
        flags.append(TargetFlag.OCR_REPAIRED)
    baseline = _baseline(phrase, masked, (start, main_end), year)
    if main.baseline_value is not None:
        baseline = Baseline(value=main.baseline_value, year=baseline.year if baseline else None)
    subject_end = dated.start() if dated is not None and dated.start() > first.start else main_end
    try:
        return Target(
            comparator=main.comparator,
            value=main.value,
            unit=main.unit,
            out_of=main.out_of,
            baseline=baseline,
            subject=_subject(phrase, masked, first, (start, subject_end), suffix=not milestones),
            horizon=horizon,
            milestones=milestones,
            text=phrase.written(start, end),
            flags=sorted(set(flags), key=_FLAG_ORDER.__getitem__) if flags else (),
        )
    except InvariantError as error:
        raise phrase.error(main.start, f"a consistent target ({error.message})") from None


def _overlaps(hit: _Hit, spans: Iterable[tuple[int, int]]) -> bool:
    return any(hit.start < b and a < hit.end for a, b in spans)


def _baseline(phrase: Phrase, s: str, span: tuple[int, int], year: int | None) -> Baseline | None:
    """The reference written after "so với": a year, a period ("Quý I/2024"), or the year before the plan's."""
    found = _BASELINE.search(s, *span)
    if found is None:
        return None
    if found["y"]:
        value = int(found["y"])
        return Baseline(year=value) if is_year(value) else None
    if found["period"]:
        from parplan.text.timeframes import read_timeframe  # the period grammar lives with the deadlines

        try:
            reading = read_timeframe(phrase.text[found.start("period") : found.end("period")])
        except ParseError:
            return None
        read = reading.value
        return Baseline(period=read.periods[0]) if isinstance(read, Within) and len(read.periods) == 1 else None
    if year is not None and "cung ky" not in found["prev"]:
        return Baseline(year=year - 1)
    return None


def _horizon(phrase: Phrase, found: re.Match[str]) -> date:
    """The day a target is set for ("(đến 31/12/2025)", "đến ngày 31 tháng 12 năm 2025")."""
    try:
        return read_date(found)
    except Failure as failure:
        raise phrase.error(failure.position, failure.expected) from None


def parse_target(text: str, *, year: int | None = None) -> Target:
    """The target a phrase sets: comparator, value, unit, rank size, baseline, subject and milestones.

    ``year`` is the plan's year, used for a baseline written as "so với năm
    trước" (without it that baseline is left unknown). Money is in đồng
    ("3.773 triệu đồng" is 3,773,000,000). Raises
    :class:`~parplan.errors.ParseError` when the phrase sets no target.

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
    if year is not None:
        check_year(year)
    return _read(text, year=year)


def extract_targets(text: str, *, year: int | None = None) -> list[Target]:
    """Every target of a passage, one per clause (clauses end at ";", a full stop or a new bullet).

    "75% văn bản QPPL … kịp thời; 100% văn bản được ban hành đảm bảo …" gives
    two targets. Clauses that set no target are skipped.

    >>> [t.value for t in extract_targets("75% văn bản được thực hiện; 100% văn bản hợp pháp")]
    [Decimal('75'), Decimal('100')]
    """
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
        try:
            targets.append(parse_target(clause, year=year))
        except ParseError:
            continue
    return targets
