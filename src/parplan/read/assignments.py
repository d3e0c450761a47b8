"""Who does a task and by when.

The lead and partners an item names ("Giao … chủ trì", brackets, group lines,
passives), the time it gives, cross-references to other items, and general duties.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from parplan.org import JointParty, Official, Party, SingleParty
from parplan.read.accents import vi_compile
from parplan.read.conventions import given_sentence
from parplan.read.draft import CLAUSE_VERB, _Node, _timeframe, _unique, fold
from parplan.read.items import _ROLE_WORDS_IN, _read_fields
from parplan.read.parties import (
    Assignment,
    parse_parties,
    party,
    read_assignment,
    split_marked,
    starts_party,
    subject_lead,
    subject_party,
)
from parplan.read.slots import (
    SlotAssignment,
    _label_role,
    _parties,
    given_line,
    leading_slot,
    read_slot,
)

_GROUP_ASSIGNMENT: Final = (
    "phan cong trach nhiem",
    "trach nhiem thuc hien",
    "phan cong thuc hien",
    "thoi gian:",
    "thoi gian thuc hien:",
)
_ITEMS_ABOVE: Final = (
    r"(?:các|những)\s+(?:nội dung|nhiệm vụ|công việc|việc)\s+(?:nêu\s+)?(?:trên|tại mục này|của mục này)"
)
"""The items above a line, named by where they stand: "các nội dung trên", "những nhiệm vụ nêu trên"."""
_ITEMS_BELOW: Final = r"(?:các|những)\s+(?:nội dung|nhiệm vụ|công việc|việc)\s+(?:sau(?:\s+đây)?|dưới đây)"
"""The items under a line: "các nội dung sau", "những nhiệm vụ sau đây", "các công việc dưới đây"."""
NAMES_ITEMS_ABOVE: Final = vi_compile(rf"\b{_ITEMS_ABOVE}\b")
""""… chủ trì, tham mưu thực hiện các nội dung trên …": a line that gives the items above it, not work of its own."""
_GIVEN_TO_GROUP: Final = vi_compile(
    # the items it is given for may open it: "Các nội dung trên giao Văn phòng … chủ trì thực hiện; thời gian: …"
    r"^(?:(?:Các|Những)\s+(?:nội dung|nhiệm vụ|công việc|việc)\s+(?:nêu\s+)?trên\s+(?=giao\s))?"
    r"(?P<given>[Gg]iao)\s+[^;:]{2,120}?\s+chủ trì(?:\s*,?\s*(?:[^;.]{0,80}\s)?phối hợp\b[^;.]{0,120})?"
    # a generic verb after "chủ trì" names no task of its own: "chủ trì tham mưu", "chủ trì tổ chức thực hiện"
    r"(?:\s*,?\s*(?:tham mưu|tổ chức thực hiện|triển khai thực hiện|thực hiện|theo dõi(?:, đôn đốc)?|đôn đốc"
    r"|hướng dẫn(?:, theo dõi)?)"
    r"(?:\s+(?:thực hiện|triển khai))?)?"
    # the items it is given for, named by where they stand: "các nội dung trên", "những nhiệm vụ sau (đây):"
    r"(?:\s+(?:" + _ITEMS_ABOVE + "|" + _ITEMS_BELOW + "))?"
    r"(?:\s*[;.,]\s*(?:[Tt]hời (?:gian|hạn)[^:]{0,20}:\s*[^;]{2,80}|[Hh]oàn thành\s[^;]{2,60}))?\s*[.;:]?\s*$"
)
_LEADS_NAMED_ITEMS: Final = vi_compile(
    r"^[A-ZĐÀ-Ỹ][^;:.]{2,120}?\s+chủ trì(?:\s*,?\s*(?:tham mưu|tổ chức|triển khai))?(?:\s+thực hiện)?\s+"
    rf"(?:{_ITEMS_ABOVE}|{_ITEMS_BELOW})"
    r"\s*[;.,]\s*[Tt]hời (?:gian|hạn)[^:]{0,20}:\s*[^;:]{2,80}?\s*[.;:]?\s*$"
)
""""<body> chủ trì thực hiện các nội dung trên / sau; thời gian: …": a body given an area's items and their time."""


def group_line(text: str) -> str | None:
    """The clause of a line that gives an area's items their lead and time, from its assignment on, or None.

    >>> group_line("Các nội dung trên giao Phòng Nội vụ chủ trì thực hiện; thời gian: quý II/2025.")
    'Giao Phòng Nội vụ chủ trì thực hiện; thời gian: quý II/2025.'
    >>> group_line("Văn phòng UBND chủ trì thực hiện các nội dung sau; thời gian: thường xuyên:")
    'Văn phòng UBND chủ trì thực hiện các nội dung sau; thời gian: thường xuyên'
    >>> group_line("Giao Phòng Nội vụ chủ trì tham mưu UBND ban hành Kế hoạch; thời gian: quý I/2025.") is None
    True
    """
    given = _GIVEN_TO_GROUP.match(text)
    if given is not None:
        return "G" + text[given.start("given") + 1 :].rstrip(" :")
    if _LEADS_NAMED_ITEMS.match(text) and starts_party(text):
        return text.rstrip(" :")
    return None


_LEADS_WHAT_FOLLOWS: Final = vi_compile(
    r"^[A-ZĐÀ-Ỹ][^;:.]{2,80}?\s+chủ trì"
    # its partners may stand between: "…chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện …"
    r"(?:\s*,\s*phối hợp(?:\s+với)?\s+[^;:.]{2,120}?(?=\s+(?:tổ chức\s+|triển khai\s+)?thực hiện\s))?"
    r"(?:\s*,?\s*(?:tổ chức\s+|triển khai\s+)?thực hiện)?\s+"
    r"(?:các|những)\s+(?:nội dung|nhiệm vụ|công việc)(?:\s+(?:sau|sau đây|dưới đây))\s*:$"
)
""""<body> chủ trì(, phối hợp với …) thực hiện các nội dung sau:" over a section's items: the body leads each."""
_GROUP_ONLY: Final = ("phan cong", "trach nhiem thuc hien", "giao")


def _inherited_lead(node: _Node) -> SingleParty | None:
    """The body an item above names ("- Văn phòng UBND: Chủ trì …" over its "+" items), sections aside."""
    current = node.parent
    while current is not None and not current.is_section:
        if current.lead is not None:
            return current.lead
        current = current.parent
    return None


_TIME_BRACKET: Final = re.compile(r"\s*\((?P<t>[^()]{3,60})\)\s*(?P<stop>[.;]?)\s*$")
_TIME_BRACKET_START: Final = (
    "hoan thanh",
    "truoc ngay",
    "truoc ",
    "cham nhat",
    "hang nam",
    "hang quy",
    "hang thang",
    "thuong xuyen",
    "quy ",
    "thang ",
    "nam 2",
    "trong quy",
    "trong thang",
    "ca nam",
    "trong nam 2",
    "6 thang",
    "giai doan ",
    "tu nam ",
    "tu thang ",
    "theo lich ",
    "theo lo trinh",
    "theo ke hoach",
    "theo quyet dinh",
)
_WITHIN_DAYS: Final = re.compile(r"^trong (?:vong )?[0-9]{1,3} ngay (?:lam viec )?(?:sau|ke tu)\b")


def _time_bracket(text: str, year: int | None) -> tuple[str, str | None]:
    """A bracket closing the title that is a time and nothing else ("(quý III/2023)", "(hằng năm)"): cut off.

    >>> _time_bracket("Rà soát quy chế làm việc (hoàn thành trước ngày 30/6/2024).", 2024)
    ('Rà soát quy chế làm việc.', 'hoàn thành trước ngày 30/6/2024')
    >>> _time_bracket("Rà soát quy chế (thủ tục nội bộ).", 2024)
    ('Rà soát quy chế (thủ tục nội bộ).', None)
    """
    found = _TIME_BRACKET.search(text)
    if not found or found.start() < 10:
        return text, None
    phrase = found["t"].strip(" ,.;")
    folded = fold(phrase)
    if not (folded.startswith(_TIME_BRACKET_START) or _WITHIN_DAYS.match(folded)) or re.search(
        r"chủ trì|phối hợp|báo cáo|qua ", phrase
    ):
        return text, None
    if folded.startswith("theo ") and re.search(r"[0-9]", phrase):
        return text, None  # "(theo Quyết định số 12/QĐ-UBND)": a citation, not a schedule
    timeframe, _, notes = _timeframe(phrase, year)
    if timeframe is None or any(not _PLAN_YEAR_NOTE.search(note) for note in notes):
        return text, None  # a bracket's time is taken when only its year comes from the plan ("(Cả năm)")
    return text[: found.start()].rstrip() + found["stop"], phrase


_PLAN_YEAR_NOTE: Final = re.compile(r"year_from_plan|comes from the plan")


_CROSS_REF: Final = vi_compile(
    r"(?:nhiệm vụ|nội dung|công việc)\s+(?:nêu\s+|quy định\s+)?(?:tại|ở)\s+(?P<refs>(?:(?:điểm|khoản|mục|tiểu mục|Mục|"
    r"Khoản|Điểm|phần|Phần)\s+[0-9A-Za-zđ.]+|[0-9]+(?:\.[0-9]+)+|[a-zđ](?![\wÀ-ỹ])|[,;]|và|các|\s)+)",
)
_REF_TOKEN: Final = vi_compile(
    r"(?P<kind>điểm|khoản|tiểu mục|mục|phần)\b|(?<![\wÀ-ỹ.])(?P<n>[0-9]+(?:\.[0-9]+)*|[IVX]+|[a-zđ])(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
_REF_RANK: Final = {"diem": 0, "khoan": 1, "tieu muc": 1, "muc": 2}


def _cross_reference(text: str) -> list[str]:  # noqa: C901, PLR0912 - one pass over the reference's words
    """The task ids an assignment addresses by the plan's numbering ("các nhiệm vụ tại khoản 1, điểm a khoản 3 Mục II").

    Points listed before their clause share it ("các điểm a, b khoản 3" is 3.a and 3.b); a
    part ("Mục II") closing the list holds every address before it.

    >>> _cross_reference("Phòng Nội vụ chủ trì thực hiện các nhiệm vụ tại khoản 1, điểm a khoản 3 Mục II.")
    ['II.1', 'II.3.a']
    >>> _cross_reference("Văn phòng chủ trì các nhiệm vụ tại mục 2.1, 2.3")
    ['2.1', '2.3']
    >>> _cross_reference("Văn phòng chủ trì các nhiệm vụ tại khoản 2, các điểm a, c khoản 4 và điểm b khoản 5 Mục III")
    ['III.2', 'III.4.a', 'III.4.c', 'III.5.b']
    """
    found = _CROSS_REF.search(text)
    if not found:
        return []
    part: str | None = None
    done: list[list[str]] = []
    pending: list[list[str]] = []  # paths, highest level first, still open to a parent named after them
    pending_rank = -1
    kind: str | None = None
    fresh = False  # whether a kind word came since the last number
    for token in _REF_TOKEN.finditer(found["refs"]):
        if token["kind"]:
            kind, fresh = fold(token["kind"]), True  # folded: a text without its marks names them too
            if kind == "phan":
                return []  # "Mục II phần B": a part's letters are not read yet
            continue
        value = token["n"]
        word = kind or "muc"
        if word == "muc" and value.isalpha():
            part = value  # "Mục II": the part every address belongs to
            done.extend(pending)
            pending, pending_rank, kind = [], -1, None
            continue
        if word == "diem" and not value.isalpha():
            return []
        if word != "diem" and value.isalpha():
            return []  # a letter where a number belongs: not read
        rank = _REF_RANK[word]
        if fresh and pending and rank > pending_rank:
            pending = [[value, *path] for path in pending]  # "điểm a, b khoản 3": the points of clause 3
            pending_rank = rank
        elif fresh or not pending:
            done.extend(pending)
            pending, pending_rank = [[value]], rank
        else:
            pending.append([value])  # "khoản 1, 2": another of the same kind
        fresh = False
    done.extend(pending)
    result: list[str] = []
    for path in done:
        if part and (not path or not path[0][0].isdigit() or "." not in path[0]):
            result.append(".".join([part, *path]))
        elif path:
            result.append(".".join(path))
    return _unique(result)


def _addresses(address: str, task_id: str) -> bool:
    """Whether ``address`` ("II.3.a", or "2.1" without its part) names the task or a section holding it."""
    if task_id == address or task_id.startswith(f"{address}."):
        return True
    return address[0].isdigit() and "." in address and f".{address}." in f".{task_id}."


_GENERIC_CLAUSE: Final = re.compile(
    r"^(?:(?:co trach nhiem|la co quan thuong truc|chu dong|kip thoi|thuong xuyen|dinh ky[^,]*|giup [^,]{3,40}?"
    r"|tham muu [^,]{3,40}?|ve [^,]{3,40}?|(?:truoc|cham nhat|trong|sau) [^,]{3,40}?)[, ]+)*"
    r"(?:can cu (?:ke hoach nay|nhiem vu duoc giao[^,]*?|chuc nang, nhiem vu(?: duoc giao)?)[, ]+"
    r"(?:(?:trien khai|to chuc)(?: trien khai)? (?:thuc hien|ke hoach nay)|xay dung ke hoach (?:cu the )?(?:de )?"
    r"(?:trien khai|to chuc) thuc hien)"
    r"|trien khai (?:thuc hien|ke hoach)|to chuc thuc hien|theo doi|don doc|tong hop|bao cao|gui bao cao"
    r"|chiu trach nhiem truoc [^,;]{3,60})"
)
_CARRY_OUT_ONLY: Final = re.compile(
    r"^[^,;]{3,80}(?:, [^,;]{3,60}){0,3} can cu (?:ke hoach nay|(?:nhiem vu|noi dung) duoc (?:giao|phan cong))[, ]+"
    r"(?:chu dong )?(?:(?:trien khai|to chuc)(?: trien khai)?|chu dong) thuc hien$"
)
_CARRY_OUT_FIRST: Final = re.compile(
    r"^can cu (?:ke hoach nay|nhiem vu duoc giao|chuc nang, nhiem vu)[^,;]{0,30}?,? (?:trien khai|to chuc)"
    r"(?: trien khai)? (?:thuc hien|ke hoach nay)$"
)
_CONCRETE_WORK: Final = re.compile(
    r"\b(?:xay dung|ban hanh|cham diem|ra soat|khao sat|tuyen truyen|dao tao|boi duong|kiem tra|niem yet"
    r"|bo tri kinh phi|tai lieu|ho so)\b"
)
_REPORT_SCHEDULE: Final = re.compile(
    r"theo quy dinh|dinh ky|hang (?:thang|quy|nam)|truoc ngay|cham nhat|theo huong dan|cung ky bao cao"
)
_RECURRING_REPORT: Final = re.compile(
    r"dinh ky|hang (?:thang|quy|nam|tuan)|thang cuoi (?:quy|ky)|theo quy dinh|theo huong dan|cung ky|6 thang"
)
_REPORT_TO: Final = vi_compile(
    r"báo cáo(?: kết quả| tình hình)?[^;()]{0,40}?\s(?:về|gửi|lên)?\s*"
    r"(?P<to>(?:UBND|Ủy ban nhân dân|Chủ tịch|Giám đốc|Sở|Phòng|Văn phòng|Ban)\s[^,;()]{1,40}?)"
    r"(?=\s*\(|\s+(?:trước|theo|định kỳ|hằng|hàng|kết quả|để)\b|[,;.]|$)"
)


def _general_duty_of(text: str) -> tuple[Party | None, Party | None, str | None] | None:
    """Who reports, to whom and when, for a generic duty with a scheduled report; None for anything else.

    >>> reporter, to, when = _general_duty_of(
    ...     "Các phòng, đơn vị căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về UBND huyện"
    ...     " (qua Phòng Nội vụ) hằng quý."
    ... )
    >>> to.label, when
    ('UBND huyện', 'hằng quý')
    >>> _general_duty_of("Văn phòng tổng hợp, báo cáo UBND huyện trước ngày 15/12/2024.")  # due once: a task
    >>> _general_duty_of("Các đơn vị căn cứ Kế hoạch này xây dựng kế hoạch; báo cáo UBND huyện theo quy định")
    >>> _general_duty_of("Văn phòng theo dõi, đôn đốc, kịp thời báo cáo UBND xã những phát sinh")
    """
    reporter = subject_lead(text)
    who = _subject_end(text)
    if reporter is None or who is None:
        return None
    rest = fold(text[who:]).strip(" .,/")
    clauses = [c.strip(" .,") for c in re.split(r";|\.\s", rest) if c.strip(" .,")]
    if not clauses or not all(_GENERIC_CLAUSE.match(c) for c in clauses):
        return None
    if any(_CONCRETE_WORK.search(c) for c in clauses if "bao cao" not in c):  # what is reported is no work
        return None
    if "bao cao" not in rest or not _REPORT_SCHEDULE.search(rest):
        return None
    when = _time_in_text(text, None)
    if when is not None and not _RECURRING_REPORT.search(rest) and not _CARRY_OUT_FIRST.match(clauses[0]):
        # a report due once, on its own day ("trước ngày 15/11/2024"): a task with its own time, unless the
        # duty is to carry the plan out and report its results ("căn cứ Kế hoạch này triển khai thực hiện; …")
        return None
    found = _REPORT_TO.search(text[who:])
    recipient = party(found["to"].strip()) if found else None
    return reporter, recipient, when


# "báo cáo" as the verb of a duty; a title alone ("Báo cáo kết quả rà soát") names neither whom to nor when
_REPORT_VERB: Final = re.compile(r"\bbao cao\b")
_OUTPUT_LABEL: Final = re.compile(r"(?:san pham|ket qua dau ra|hinh thuc|dau ra)[^:]{0,20}:\s*bao cao")
# "Báo cáo 6 tháng đầu năm 2024: Thời gian chốt số liệu …": a line of the reporting schedule, not a duty
_REPORT_LINE: Final = re.compile(r"^bao cao[^:;.]{0,60}:")
_AD_HOC: Final = re.compile(r"(?:(?:khi|neu) )?co (?:kho khan|vuong mac)|(?:khi|neu) co phat sinh")
_RECIPIENT_END: Final = vi_compile(
    r"\s+(?:trước|chậm nhất|theo|định kỳ|hằng|hàng|để|trong|khi|vào|kết quả|tình hình|những|về|việc|các"
    r"|xem xét|chỉ đạo|giải quyết)\b"
    r"|\s*\(|[,;.]|$"
)


def ad_hoc_event(text: str) -> str | None:
    """The event an ad hoc report waits for, as written: "khi có khó khăn, vướng mắc"."""
    found = re.search(
        r"(?:(?:khi|nếu) )?có (?:khó khăn|vướng mắc)[^;.()]*|(?:khi|nếu) có phát sinh[^;.()]*", text, re.IGNORECASE
    )
    return found[0].strip(" ,") if found else None


def reporting_duty_of(text: str) -> tuple[Party | None, Party | None, str | None, bool] | None:
    """Who reports, to whom, when, and whether ad hoc, for a sentence that puts a duty to report; None otherwise.

    The duty must name whom to report to or when ("định kỳ hằng quý", "trước ngày 15/6", "tháng cuối
    quý", "khi có khó khăn, vướng mắc"); the time is returned as written when the phrase parser reads it.

    >>> reporter, to, when, ad_hoc = reporting_duty_of(
    ...     "Các bộ phận chủ động triển khai; định kỳ hằng quý báo cáo kết quả về Văn phòng - Thống kê."
    ... )
    >>> to.label, when, ad_hoc
    ('Văn phòng - Thống kê', 'định kỳ hằng quý', False)
    >>> reporting_duty_of("Báo cáo kết quả rà soát văn bản quy phạm pháp luật")  # a title
    >>> reporting_duty_of("Sản phẩm: Báo cáo đánh giá gửi UBND huyện")  # a task's output
    """
    folded = fold(text)
    verb = _REPORT_VERB.search(folded)
    if verb is None or _OUTPUT_LABEL.search(folded) or _REPORT_LINE.match(folded):
        return None
    after = text[verb.start() :]
    found = re.search(
        r"báo cáo(?: kết quả| tình hình)?[^;()]{0,60}?\s(?:về|gửi|lên)?\s*"
        r"(?P<to>(?:UBND|Ủy ban nhân dân|Chủ tịch|Giám đốc|Sở|Phòng|Văn phòng|Ban|Trưởng phòng"
        r"|Hiệu trưởng|Trưởng|Bộ)\b[^;()]{0,60})",
        after,
    )
    recipient = None
    if found:
        name = found["to"]
        end = _RECIPIENT_END.search(name)  # it ends at the latest with the text
        name = (name[: end.start()] if end else name).strip()
        recipient = party(name) if name else None
    ad_hoc = _AD_HOC.search(folded) is not None
    when = _time_in_text(after, None) or _time_in_text(text, None)
    scheduled = _RECURRING_REPORT.search(folded) or _REPORT_SCHEDULE.search(folded) or ad_hoc or "dot xuat" in folded
    if recipient is None and not scheduled:
        return None
    return subject_lead(text), recipient, when, ad_hoc


def _subject_end(text: str) -> int | None:
    """Where the subject of a subject-led sentence ends (before its verb)."""
    lead = subject_lead(text)
    if lead is None:
        return None
    last = lead.members[-1].label if isinstance(lead, JointParty) else getattr(lead, "label", None)
    if not last:
        return None
    at = text.find(last)
    if at < 0:
        return None
    end = at + len(last)
    apposition = re.match(r",?\s+là\s+(?:cơ quan|đơn vị|bộ phận|đầu mối)?[^,]*,?", text[end:])
    return end + apposition.end() if apposition else end


def _under_organisation(node: _Node | None) -> bool:
    current = node
    while current is not None:
        if current.is_section and "to chuc thuc hien" in fold(current.text):
            return True
        current = current.parent
    return False


def _section_above(node: _Node) -> _Node | None:
    current: _Node | None = node
    while current is not None:
        if current.is_section:
            return current
        current = current.parent
    return None


_ASSIGN_TAIL: Final = vi_compile(
    r"(?:^|(?<=[.;]))\s*(?P<tail>(?:\(\s*)?(?:[A-ZĐÀ-Ỹ][^.;()]{0,90}?\s(?:chủ trì|phối hợp)|[Cc]hủ trì\s*:|[Tt]hời gian\s*:|"  # noqa: E501
    r"[Tt]rách nhiệm\s*:)[^()]*\)?)\s*$"
)


_TIME_AFTER_COLON: Final = vi_compile(
    r"^(?P<title>[^:;]{10,}?)(?<!ời gian)(?<![Hh]ạn)(?<!thực hiện)(?<!hoàn thành):\s*"
    r"(?P<time>(?:[Tt]rước|[Cc]hậm nhất|[Hh]oàn thành trước|[Tt]rong (?:quý|tháng|năm)|"
    r"[Qq]uý [IV]|[Tt]háng \d|[Tt]hường xuyên|[Hh][àằ]ng (?:tháng|quý|năm))[^:;]{0,60})$"
)


_PERIOD_WORD: Final = r"(?:tuần|tháng|quý|năm|6 tháng)"
_TIME_IN_TEXT: Final = (
    # a bracket closing the sentence: "(định kỳ hàng quý, 6 tháng và năm 2022)", "(khi có hướng dẫn …)"
    vi_compile(
        r"\((?P<t>(?:định kỳ|theo định kỳ|khi |thường xuyên|trước |chậm nhất|trong |h[àằ]ng |quý |tháng )[^()]{2,80})\)"
        r"\s*[.;]?\s*$",
        re.IGNORECASE,
    ),
    # a time opening the sentence before a comma: "Chậm nhất 10 ngày làm việc sau khi …, Phòng Nội vụ …"
    vi_compile(
        r"^(?P<t>(?:Chậm nhất|Trong vòng|Trong|Ngay sau khi|Sau|Trước ngày|Trước|Định kỳ|Đến hết|Đến|Từ|Kể từ"
        r"|Hằng|Hàng)\s[^,;]{3,70}),\s+(?=\S)"
    ),
    vi_compile(
        r"(?P<t>(?:hoàn thành )?(?:trước|chậm nhất) (?:ngày )?[0-9]{1,2}/[0-9]{1,2}(?:/(?:19|20)[0-9]{2})?)",
        re.IGNORECASE,
    ),
    # a due day of recurring work: "… trước ngày 05 hằng tháng", "chậm nhất ngày 20 của tháng cuối quý"
    vi_compile(
        r"(?P<t>(?:trước|chậm nhất|vào) (?:ngày )?[0-9]{1,2} (?:(?:của|trong) )?(?:h[àằ]ng|mỗi) (?:tháng|quý|năm))",
        re.IGNORECASE,
    ),
    vi_compile(
        r"(?<!đến )(?P<t>(?:(?<=; )hoàn thành )?"  # "…; hoàn thành trong Quý II/2022": the clause is the time
        r"trong (?:(?:[Qq]uý [IV]{1,3}|[Tt]háng [0-9]{1,2})(?:/[0-9]{4}| năm [0-9]{4})?"
        r"|năm [0-9]{4}"
        r"(?: và (?:những|các) năm tiếp theo)?))\b"
    ),
    vi_compile(r"(?:vào )?(?P<t>(?:tuần|tháng|quý) (?:đầu|cuối|giữa) (?:tháng|quý|năm) [0-9IV]{1,3}(?:/[0-9]{4})?)"),
    vi_compile(
        rf"(?P<t>(?:theo )?(?:định kỳ )?h[àằ]ng {_PERIOD_WORD}(?:,? (?:h[àằ]ng )?{_PERIOD_WORD})*"
        rf"(?: và (?:năm|{_PERIOD_WORD}))?)"
        r"(?=[\s.;,)]|$)",
        re.IGNORECASE,
    ),
    # a term in days from an event closing the sentence: "… trả lời trong vòng 10 ngày kể từ ngày nhận được."
    vi_compile(
        r"\s(?P<t>trong (?:vòng |thời hạn )?[0-9]{1,3} ngày(?: làm việc)? (?:kể từ|sau) (?:ngày|khi) [^,;.()]{2,50}?)"
        r"\s*[.;]?\s*$"
    ),
    # periods named after "vào" closing the sentence: "… kiểm tra vào quý II và quý IV năm 2024."
    vi_compile(
        r"\svào (?P<t>(?:quý [IV]{1,3}|tháng [0-9]{1,2})(?:(?:,| và) (?:quý [IV]{1,3}|tháng [0-9]{1,2}))*"
        r"(?:/(?:19|20)[0-9]{2}| năm (?:19|20)[0-9]{2})?)\s*[.;]?\s*$"
    ),
    vi_compile(r"(?P<t>theo (?:lộ trình|định kỳ|kế hoạch của)[^.;()]{0,60}?)\s*(?:[.;]|$)"),
    vi_compile(r"(?P<t>khi có [^.;,()]{3,40}?)\s*[.;]?\s*$"),
    vi_compile(r"^(?P<t>Thường xuyên)\b"),
    # a clause closing the sentence after a comma, its verb and its time: "…, thực hiện thường xuyên."
    vi_compile(
        r",\s+(?P<t>(?:thực hiện|triển khai)\s+(?:trong|thường xuyên|h[àằ]ng|định kỳ|từ|trước)[^,;.()]{0,50}?)"
        r"\s*[.;]?\s*$"
    ),
    # a term in days closing the sentence: "…, trả lời trong 10 ngày làm việc."
    vi_compile(
        r",\s+(?:[^\s,;.()]+\s+){0,3}?(?P<t>trong (?:vòng |thời hạn )?[0-9]{1,3} ngày(?: làm việc)?)\s*[.;]?\s*$"
    ),
    # a start closing the sentence: "… giải quyết TTHC từ tháng 8/2025."
    vi_compile(r"(?P<t>từ (?:tháng|quý|năm) [0-9IV]{1,4}(?:/[0-9]{4})?)\s*[.;]?\s*$"),
)


_OPENING_TIME: Final = vi_compile(
    r"^(?:Chậm nhất|Trong vòng|Trong|Ngay sau khi|Sau khi|Sau|Trước ngày|Trước|Định kỳ|Đến hết|Đến|Từ|Kể từ|Hằng|Hàng)"
    r"\s[^,;]{3,70},\s+(?=\S)"
)


_FORM_LABEL: Final = re.compile(r"^[^:;()]{3,80}:\s+(?=\S)")
""""Trên Cổng thông tin điện tử huyện: Văn phòng … cập nhật …": a form or place, then the body that acts."""
_INLINE_ITEM: Final = vi_compile(r"(?:^|(?<=[:;.])\s+)\((?P<label>[a-zđ])\)\s+")
""""(a) …; (b) …": lettered items run together in one paragraph."""


def _inline_items(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The lead-in and the lettered items of a paragraph "Hình thức: (a) <form>: <body> <action>; (b) …".

    Only items of that shape (a form, a colon, the body that acts) are read; two at least, lettered in order.

    >>> _inline_items("Hình thức: (a) Trên báo: Phòng Văn hóa đưa tin; (b) Qua loa: UBND các xã phát thanh.")[1]
    [('a', 'Trên báo: Phòng Văn hóa đưa tin'), ('b', 'Qua loa: UBND các xã phát thanh.')]
    >>> _inline_items("Nội dung gồm (a) kết quả năm trước; (b) nhiệm vụ năm nay.") is None
    True
    """
    found = list(_INLINE_ITEM.finditer(text))
    if len(found) < 2 or [m["label"] for m in found] != list("abcdeghiklmn"[: len(found)]):
        return None
    items = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        item = text[match.end() : end].strip().removesuffix(";").strip()
        form = _FORM_LABEL.match(item)
        if form is None or not starts_party(item[form.end() :][:1].upper() + item[form.end() + 1 :]):
            return None
        items.append((match["label"], item))
    return text[: found[0].start()].strip(), items


def _subject_of(text: str) -> Party | None:
    """The lead a sentence opens with, after an opening time clause ("Chậm nhất 10 ngày …, Phòng Nội vụ tham mưu …").

    >>> _subject_of("Trong 15 ngày kể từ ngày nhận Thông báo, các đơn vị báo cáo kết quả khắc phục").label
    'các đơn vị'
    >>> _subject_of("Tăng cường kiểm tra công vụ") is None
    True
    """
    subject = subject_lead(text)
    if subject is not None:
        return subject
    for opening in (_OPENING_TIME.match(text), _FORM_LABEL.match(text)):
        if opening is None:
            continue
        rest = text[opening.end() :]
        found = subject_lead(rest[:1].upper() + rest[1:])
        if found is None:
            continue
        if isinstance(found, SingleParty) and not rest[:1].isupper():
            return party(rest[: len(found.label)]) if fold(rest[: len(found.label)]) == fold(found.label) else found
        return found
    return None


def _time_in_text(text: str, year: int | None) -> str | None:
    """A time written inside a task's sentence, by the patterns plans use, when the parser reads it without doubt."""
    for pattern in _TIME_IN_TEXT:
        for found in pattern.finditer(text):
            phrase = found["t"].strip(" ,.;")
            timeframe, _, notes = _timeframe(phrase, year)
            if timeframe is not None and not any("could not" in note for note in notes):
                return phrase
    return None


def _split_assignment(text: str) -> tuple[str, Assignment | None]:
    """The task text without its slots (a time opening it as a label, an assignment closing it), and them.

    >>> title, given = _split_assignment("Hằng quý: Đưa nội dung CCHC vào họp thôn (Trưởng các thôn, bản).")
    >>> title, [p.label for p in given.lead], given.time
    ('Đưa nội dung CCHC vào họp thôn.', ['Trưởng các thôn, bản'], 'Hằng quý')
    """
    labelled = _content_labelled(text) or _colon_hand_over(text)
    if labelled is not None:
        return labelled
    opening = leading_slot(text)
    if opening is not None:
        first, rest = opening
        title, given = _split_closing(rest)
        if given is None:
            return title, first
        if not given.time and not (given.lead and first.lead):
            closing = given if isinstance(given, SlotAssignment) else None
            return title, SlotAssignment(
                lead=given.lead or first.lead,
                coordinating=given.coordinating,
                implementing=given.implementing,
                time=first.time,
                lead_labelled=(closing is None or closing.lead_labelled) if given.lead else first.lead_labelled,
                lead_sure=closing.lead_sure if closing is not None else True,
                time_labelled=first.time_labelled,
                segments=2,
            )
    return _split_closing(text)


_CLOSING_SLOT: Final = re.compile(r"\s*\((?P<inner>[^()]{3,200})\)\s*(?P<stop>[.;]?)\s*$")


def _split_closing(text: str) -> tuple[str, Assignment | None]:  # noqa: C901, PLR0912
    """The task text without a trailing assignment ("… Văn phòng Sở chủ trì; thời gian: quý II/2026."), and it."""
    paren = re.search(
        r"\((?P<inner>[^()]*(?:chủ trì|phối hợp|thời gian|thực hiện)[^()]*)\)\s*\.?\s*$", text, re.IGNORECASE
    )
    if paren and fold(paren["inner"]).startswith(("nhiem vu cu the", "chi tiet", "kem theo", "theo phu luc")):
        return text[: paren.start()].strip(), None  # "(Nhiệm vụ cụ thể … tại Phụ lục …)": a pointer, not the task
    bracket = _CLOSING_SLOT.search(text)
    bare = read_slot(bracket["inner"]) if bracket and bracket.start() >= 10 else None
    if (
        bracket
        and bare is not None
        and (
            bare.segments > 1
            or bare.lead_labelled
            or bare.time_labelled
            or (bare.lead and bare.time and bare.time_read)
        )
    ):
        return text[: bracket.start()].rstrip() + bracket["stop"], bare  # "(<body>; <time>)", "(Chủ trì: …)"
    closing = re.search(r"\s*\((?P<inner>[^()]{6,200})\)\s*(?P<stop>[.;]?)\s*$", text)
    fielded = _trailing_fields(closing["inner"]) if closing and closing.start() >= 10 else None
    if closing and fielded is not None and fielded.lead:
        return text[: closing.start()].rstrip() + closing["stop"], fielded  # "(Đơn vị tham mưu: …; Thời hạn: …)"
    if paren:
        assignment = read_assignment(paren["inner"])
        if assignment is not None:
            return text[: paren.start()].strip(), assignment
    pair = re.search(r"\s*\((?P<who>[^();]{2,120});\s*(?P<time>[^();]{2,80})\)\s*\.?\s*$", text)
    if pair and subject_party(pair["who"] + " chủ trì") is not None:
        who = parse_parties(pair["who"])
        if who:
            return text[: pair.start()].strip(), Assignment(lead=who, time=pair["time"].strip())
    slot = _TIME_AFTER_COLON.match(text)
    if slot:
        time = slot["time"].strip()
        reading, _, notes = _timeframe(time, None)
        if reading is not None and not notes:
            return slot["title"].strip(), Assignment(time=time)
    sentences = list(re.finditer(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ]|thời (?:gian|hạn)(?: hoàn thành| thực hiện)?\s*:)", text))
    for cut in sentences:
        tail = text[cut.end() :]
        given = given_sentence(tail) if tail.startswith("Giao ") else None
        if given is not None and len(text[: cut.start()].strip()) >= 10:
            return text[: cut.start()].strip(), given  # "…. Giao Phòng Tư pháp chủ trì thực hiện trong quý I."
        head = text[: cut.start()].strip()
        handed = _handed_over(tail) if len(head) >= 10 else None
        if handed is not None:
            return head, handed  # "…. Giao công chức Văn phòng tham mưu thực hiện. Thời gian thực hiện: …."
        fielded = _trailing_fields(tail) if len(head) >= 10 else None
        if fielded is not None:
            return head, fielded  # "…. Cơ quan thực hiện: …; thời gian hoàn thành: …."
        folded = fold(tail)
        if len(head) >= 10 and (" chu tri" in f" {folded}" or folded.startswith(_ASSIGNING_START)):
            assignment = read_assignment(tail)
            if assignment is not None and (assignment.lead or assignment.time):
                return head, _completed(assignment, tail)
        told = _assignment_sentences(tail) if len(head) >= 10 and text[cut.start() - 1] == "." else None
        if told is not None:
            return head, told  # "…. Phòng Nội vụ tham mưu thực hiện. Hoàn thành trong quý III/2023."
    dashed = _dashed_labelled(text) or _dashed_fields(text) or _dashed_slot(text)
    dashed = dashed or _separated_slot(text) or _tail_slot(text)
    if dashed is not None:
        return dashed
    bodies = _BODY_BRACKET.search(text)
    if bodies and bodies.start() >= 10 and (who := _bracket_bodies(bodies["who"])):
        return text[: bodies.start()].rstrip() + bodies["stop"], Assignment(lead=who)
    if bracket and bare is not None and bare.lead and not bare.time and all(_local_doer(p.label) for p in bare.lead):
        # "(công chức Văn phòng - Thống kê)", "(Trưởng các tổ dân phố, bản)": the doers, told by their names;
        # a bracket naming one body alone may qualify the title ("Đề án 06 (Bộ Công an)"): local doers only
        return text[: bracket.start()].rstrip() + bracket["stop"], bare
    return text, None


_ASSIGNING_START: Final = ("thoi gian", "chu tri", "trach nhiem", "giao:")


def _handed_over(tail: str) -> Assignment | None:
    """The assignment of sentences that hand a task over ("Giao <body> tham mưu thực hiện. Thời gian: …"), or None.

    The body the task is given to leads it, whatever verb follows its name.

    >>> a = _handed_over("Giao công chức Tư pháp - Hộ tịch tham mưu thực hiện. Thời gian thực hiện: Quý II/2022.")
    >>> [p.label for p in a.lead], a.time
    (['công chức Tư pháp - Hộ tịch'], 'Quý II/2022.')
    >>> _handed_over("Giao nhiệm vụ cho các thôn.") is None
    True
    """
    if not tail.startswith(("Giao ", "Phân công ")):
        return None
    assignment = read_assignment(tail)
    if assignment is None or not (assignment.lead or assignment.implementing):
        return None
    if not assignment.lead:
        assignment = attrs.evolve(assignment, lead=assignment.implementing, implementing=[])
    return _completed(assignment, tail)


def _completed(assignment: Assignment, tail: str) -> Assignment:
    """An assignment read from sentences after a task, with the partners and the time its clause left out.

    >>> a = _completed(Assignment(lead=[party("Phòng Nội vụ")]), "Phòng Nội vụ chủ trì thực hiện trong quý II/2026.")
    >>> a.time
    'trong quý II/2026'
    >>> _completed(Assignment(lead=[party("Thanh tra Sở")]), "Thanh tra Sở chủ trì, thực hiện thường xuyên.").time
    'thường xuyên'
    """
    time = assignment.time
    if time is None and assignment.lead:
        sentences = re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", tail.strip())
        timed = [found["t"].strip() for one in sentences[1:] if (found := _TIME_SENTENCE.match(one)) is not None]
        time = timed[0] if len(timed) == 1 and not _timeframe(timed[0], None)[2] else _time_in_text(tail, None)
        if time is not None:
            time = CLAUSE_VERB.sub("", time, count=1) or time  # "… chủ trì, thực hiện thường xuyên": the lead's clause
    partners = assignment.coordinating
    if not partners and assignment.lead and (found := _PARTNERS_IN.search(tail)) is not None:
        partners = parse_parties(found["who"])
    if time == assignment.time and partners == assignment.coordinating:
        return assignment
    return attrs.evolve(assignment, time=time, coordinating=partners)


# a sentence that gives only a task's time: "Hoàn thành trong quý III/2023.", "Thực hiện trước ngày 30/11."
_TIME_SENTENCE: Final = vi_compile(
    r"^(?:Hoàn thành|Thực hiện|Triển khai|Xong|(?:Thời gian|Thời hạn)(?: hoàn thành| thực hiện)?\s*:)"
    r"\s*(?P<t>[^.;:]{3,60}?)\s*\.?$"
)
# what a sentence naming a task's lead says the lead does: "… chủ trì, phối hợp … thực hiện."
_LEAD_VERB: Final = vi_compile(r"\b(?:chủ trì|tham mưu|thực hiện|triển khai|đảm nhận)\b")
_PARTNERS_IN: Final = vi_compile(r"\bphối hợp(?: với)?\s+(?P<who>.+?)\s+(?:thực hiện|triển khai|tổ chức)\b")


def _assignment_sentences(tail: str) -> Assignment | None:
    """The lead and the time of sentences closing a task, each a field of its own, or None.

    Plans write the task, who does it and by when as three sentences ("…. Phòng Nội vụ chủ trì, phối hợp
    các phòng thực hiện. Hoàn thành trong quý III/2023."). Every sentence of ``tail`` must be one of them:
    a sentence opening with a body that leads, carries out or advises, or one that only gives a time.

    >>> a = _assignment_sentences("Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp thực hiện. Xong trong quý III/2023")
    >>> [p.label for p in a.lead], [p.label for p in a.coordinating], a.time
    (['Phòng Nội vụ'], ['Phòng Tư pháp'], 'trong quý III/2023')
    >>> _assignment_sentences("UBND các xã đã triển khai tốt nội dung này. Thực hiện thường xuyên.") is None
    True
    """
    lead: list[SingleParty] = []
    partners: list[SingleParty] = []
    time: str | None = None
    for sentence in re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", tail.strip()):
        timed = _TIME_SENTENCE.match(sentence)
        if timed is not None and time is None:
            reading, _, notes = _timeframe(timed["t"].strip(), None)
            if reading is None or notes:
                return None
            time = timed["t"].strip()
            continue
        who = (subject_party(sentence) or subject_lead(sentence)) if not re.search(r"[:;]", sentence) else None
        if (
            who is None
            or isinstance(who, JointParty)
            or lead
            or not _LEAD_VERB.search(sentence)
            or _PAST_OR_DONE.search(sentence)
        ):
            return None
        lead = [who]
        if (found := _PARTNERS_IN.search(sentence)) is not None:
            partners = parse_parties(found["who"])
        time = time or _time_in_text(sentence, None)
    if not (lead or time):
        return None
    return Assignment(lead=lead, coordinating=partners, time=time)


# a sentence telling what was done, not who will do it: "UBND các xã đã triển khai tốt …"
_PAST_OR_DONE: Final = vi_compile(r"\b(?:đã|đang|được)\b")


# "<task> – <lead> – <time>.": en dashes (spaced) separate the fields; a lead may hold hyphens ("Tư pháp - Hộ tịch")
_DASHED: Final = re.compile(
    r"^(?P<title>.{10,}?)\s+[–—]\s+(?P<who>[^–—]{2,120}?)\s+[–—]\s+(?P<time>[^–—]{2,80}?)\s*[.;]?\s*$"
)
# a bracket closing the task that names bodies and nothing else: "… (Văn phòng Sở, Thanh tra Sở)."
_BODY_BRACKET: Final = re.compile(r"\s*\((?P<who>[^()]{3,160})\)\s*(?P<stop>[.;]?)\s*$")


_DASHED_LABEL: Final = vi_compile(
    r"\s+[–—-]\s+(?=(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:chủ trì|thực hiện)\s*:|Chủ trì\s*:|Trách nhiệm\s*:|Thực hiện\s*:)"
)


_CONTENT_LABEL: Final = vi_compile(
    r"^(?:Nội dung(?: công việc| nhiệm vụ)?|Tên nhiệm vụ|Nhiệm vụ|Công việc)\s*:\s*(?P<rest>\S.*)$", re.DOTALL
)
_NEXT_FIELD: Final = vi_compile(
    r"[;.]\s+(?=(?:(?:Cơ quan|Đơn vị|Bộ phận|cơ quan|đơn vị|bộ phận)\s+(?:chủ trì|thực hiện)|Chủ trì|chủ trì"
    r"|Trách nhiệm|trách nhiệm|Thực hiện|thực hiện|Người thực hiện|người thực hiện)\s*:)"
)


def _content_labelled(text: str) -> tuple[str, Assignment] | None:
    """A task written as one line of labelled fields ("Nội dung: <task>; Đơn vị thực hiện: …; Thời gian: …").

    >>> title, given = _content_labelled("Nội dung: Rà soát văn bản; Đơn vị thực hiện: Phòng Nội vụ; Thời gian: Quý II")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát văn bản', ['Phòng Nội vụ'], 'Quý II')
    """
    found = _CONTENT_LABEL.match(text.strip())
    if found is None:
        return None
    rest = found["rest"]
    cut = _NEXT_FIELD.search(rest)
    if cut is None or cut.start() < 10:
        return None
    given = _trailing_fields(rest[cut.end() :])
    if given is None or not given.lead:
        return None
    return rest[: cut.start()].strip(), given


_COLON_GIVEN: Final = vi_compile(r"^(?P<title>[^:]{10,}?):\s+(?P<tail>Giao\s.+)$", re.DOTALL)


def _colon_hand_over(text: str) -> tuple[str, Assignment] | None:
    """A task whose hand-over follows a colon ("<task>: Giao <body> chủ trì, …; <time>."), split.

    >>> title, given = _colon_hand_over("Rà soát văn bản của tỉnh: Giao Sở Tư pháp chủ trì; hoàn thành trong Quý 2.")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát văn bản của tỉnh', ['Sở Tư pháp'], 'hoàn thành trong Quý 2')
    """
    found = _COLON_GIVEN.match(text.strip())
    given = given_line(found["tail"]) if found is not None else None
    if found is None or given is None:
        return None
    time = given.time.strip(" .;") if given.time else None
    return found["title"].strip(), Assignment(lead=given.lead, coordinating=given.coordinating, time=time or None)


def _dashed_labelled(text: str) -> tuple[str, Assignment] | None:
    """A task closed by labelled fields after spaced dashes ("<task> - Cơ quan chủ trì: … - Thời gian: …."), split.

    >>> title, given = _dashed_labelled("Rà soát văn bản - Cơ quan chủ trì: Phòng Tư pháp - Thời gian: Quý II/2025.")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát văn bản', ['Phòng Tư pháp'], 'Quý II/2025')
    """
    found = _DASHED_LABEL.search(text)
    if found is None or found.start() < 10:
        return None
    given = _trailing_fields(text[found.end() :])
    if given is None or not given.lead:
        return None
    return text[: found.start()].strip(), given


def _dashed_fields(text: str) -> tuple[str, Assignment] | None:
    """A task written "<task> – <lead> – <time>." with spaced en dashes between its fields, split.

    >>> title, given = _dashed_fields("Rà soát văn bản – Công chức Tư pháp - Hộ tịch – Quý II/2024.")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát văn bản', ['Công chức Tư pháp - Hộ tịch'], 'Quý II/2024')
    >>> _dashed_fields("Cải cách thể chế – thủ tục – tổ chức bộ máy") is None
    True
    """
    found = _DASHED.match(text)
    if found is None:
        return None
    who = _bracket_bodies(found["who"])
    time = found["time"].strip()
    if not who or _bracket_bodies(time):
        return None
    timeframe, _, _ = _timeframe(time, None)
    if timeframe is None and not _TIMEISH_FIELD.match(time) and not fold(time).startswith("theo "):
        return None
    return found["title"].strip(), Assignment(lead=who, time=time)


def _local_doer(name: str) -> bool:
    """Whether a name opens with the words of a body or post that carries out a plan's tasks."""
    return (fold(name) + " ").startswith((*_HEADING_BODY_START, *_LOCAL_DOER_START))


_LOCAL_DOER_START: Final = (
    *("truong ", "hoi ", "to ", "cac ", "chi nhanh", "bao hiem", "dai ", "tram ", "khoa ", "hieu truong"),
    *("lanh dao", "nha truong"),
)


def _dashed_slot(text: str) -> tuple[str, Assignment] | None:
    """A task whose fields follow it after a spaced en dash, in any order or under labels, split.

    A time alone after the dash is the task's when it stands under its label ("…. – Hạn: quý II/2026.").

    >>> title, given = _dashed_slot("Rà soát quy chế làm việc – Quý II/2024 – Văn phòng UBND xã.")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát quy chế làm việc', ['Văn phòng UBND xã'], 'Quý II/2024')
    >>> _dashed_slot("Ký số văn bản đi của UBND xã. – Hạn: quý I/2026.")[0]
    'Ký số văn bản đi của UBND xã.'
    >>> _dashed_slot("Cải cách thể chế – thủ tục – tổ chức bộ máy") is None
    True
    """
    for cut in re.finditer(r"\s+[–—]\s+", text):
        if cut.start() < 10:
            continue
        slot = read_slot(text[cut.end() :])
        if slot is None:
            continue
        if (slot.lead and (slot.segments > 1 or slot.lead_labelled)) or (
            slot.time and slot.time_labelled and slot.segments == 1
        ):
            return text[: cut.start()].rstrip(), slot
    return None


_FIELD_SEPARATORS: Final = tuple(
    re.compile(pattern) for pattern in (" » ", r" \| ", " → ", " ⇒ ", " >> ", " // ", r"\s*(?:[.…]{4,}|…{2,})\s*")
)
"""What a checklist or a list copied from a form puts between a task and its fields, spaces around it; and
Word's tab leaders, which a PDF viewer or a text export prints as runs of dots ("<task> ..... <body> ..... <time>")."""
_ORDER_CUT: Final = re.compile(r"\s*(?:»|\||→|⇒|>>|//|[.…]{3,}|…{2,})\s*")
"""The marks a note puts between the parts it names ("nhiệm vụ » bộ phận phụ trách", "nội dung .... đơn vị")."""
_ABBREVIATED: Final = re.compile(r"(?<![\w/])(?P<abbr>[A-ZĐ]{2,4})\s*:")
"""An abbreviated label opening a field ("CT:", "PH:", "TG:"), read only as a note of the plan spells it out."""


def _expanded(part: str, abbreviations: Mapping[str, str]) -> str:
    """``part`` with the abbreviated labels a note spelled out written whole ("CT: …" → "Chủ trì: …")."""
    if not abbreviations:
        return part
    return _ABBREVIATED.sub(
        lambda found: f"{abbreviations[found['abbr']]}:" if found["abbr"] in abbreviations else found[0], part
    )


def _separated_slot(  # noqa: C901 - one pass over the parts
    text: str, order: Sequence[str] = (), abbreviations: Mapping[str, str] | None = None
) -> tuple[str, SlotAssignment] | None:
    """A task whose fields follow it apart by "»", "|", "→", "//" or dot leaders ("<task> » <body> » <time>"), split.

    Every part after the task must be one field the slot reader tells by its content (a body's name,
    or two parted by ";", a time) or its label, or a slot of labelled fields ("CT: …; TG: …"); else the
    line stays whole. ``order`` is the roles a note gives the parts ("Ghi theo thứ tự: nhiệm vụ » bộ
    phận phụ trách » phối hợp » thời hạn"): a body's name in a part the note calls the partners is a
    partner. ``abbreviations`` are the labels a note spells out ("Ghi chú: CT - cơ quan chủ trì; TG -
    thời gian"), each abbreviation with the label it stands for.

    >>> title, given = _separated_slot("Niêm yết quy tắc ứng xử  »  Bộ phận Một cửa  »  Tháng 01/2024")
    >>> title, [p.label for p in given.lead], given.time
    ('Niêm yết quy tắc ứng xử', ['Bộ phận Một cửa'], 'Tháng 01/2024')
    >>> order = ["task", "lead", "partners", "time"]
    >>> given = _separated_slot("Rà soát thủ tục | Tổ Kiểm tra | Tổ Thu | Quý I", order)[1]
    >>> [p.label for p in given.lead], [p.label for p in given.coordinating], given.time
    (['Tổ Kiểm tra'], ['Tổ Thu'], 'Quý I')
    >>> title, given = _separated_slot("Rà soát quy chế ............ Văn phòng UBND xã ............ Quý II/2025")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát quy chế', ['Văn phòng UBND xã'], 'Quý II/2025')
    >>> short = {"CT": "Chủ trì", "TG": "Thời gian"}
    >>> given = _separated_slot("Rà soát quy chế // CT: Phòng Nội vụ; TG: Quý I/2025", (), short)[1]
    >>> [p.label for p in given.lead], given.time, given.lead_labelled
    (['Phòng Nội vụ'], 'Quý I/2025', True)
    >>> _separated_slot("Rà soát quy chế // CT: Phòng Nội vụ; TG: Quý I/2025") is None
    True
    >>> _separated_slot("Tuyên truyền » hướng dẫn » hỗ trợ người dân") is None
    True
    """
    squeezed = re.sub(r"\s+", " ", text.strip())
    for separator in _FIELD_SEPARATORS:
        parts = [part.strip(" .;") for part in separator.split(squeezed)]
        parts[1:] = [_expanded(part, abbreviations or {}) for part in parts[1:]]
        if len(parts) < 2 or len(parts[0]) < 10 or not all(parts[1:]):
            continue
        if order and (len(order) != len(parts) or order[0] != "task"):
            order = ()  # the note is for another shape of line
        lead: list[SingleParty] = []
        partners: list[SingleParty] = []
        time: str | None = None
        time_labelled = True
        lead_labelled = True
        for position, part in enumerate(parts[1:], start=1):
            slot = read_slot(part)
            alone = _label_role(part) if slot is None else None
            if alone is not None and alone[0] == "partners" and (named := _parties(alone[1].strip(" .;,"))):
                partners.extend(named)  # "… // PH: Huyện đoàn // …": the partners alone in their part
                continue
            if slot is None or not slot.lead_sure or (slot.time is not None and not slot.time_read):
                return None
            role = order[position] if order else None
            if slot.time is not None and (time is not None or role in {"lead", "partners"}):
                return None
            if slot.time is not None:
                time, time_labelled = slot.time, slot.time_labelled or role == "time"
            if slot.lead and role == "time":
                return None
            (partners if role == "partners" else lead).extend(slot.lead)
            partners.extend(slot.coordinating)
            lead_labelled = lead_labelled and (not slot.lead or slot.lead_labelled)
        if not (lead or time):
            return None
        return parts[0], SlotAssignment(
            lead=lead,
            coordinating=partners,
            time=time,
            lead_labelled=bool(order) or (bool(lead) and lead_labelled),
            time_labelled=time_labelled and (bool(order) or time is not None),
            segments=len(parts) - 1,
        )
    return None


_ORDER_NOTE: Final = re.compile(
    r"^\(?[^():]{0,40}?\b(?:thu tu|moi dong|moi nhiem vu)\b[^():]{0,12}:\s*(?P<order>[^()]+?)\s*\)?\.?$"
)
"""A note giving the order of a task line's parts: "(Ghi theo thứ tự: …)", "Mỗi dòng ghi: …", folded."""
_ORDER_ROLES: Final = (
    (("nhiem vu", "noi dung", "cong viec", "ten nhiem vu"), "task"),
    (("phoi hop",), "partners"),
    (("thoi han", "thoi gian", "han", "tien do", "hoan thanh"), "time"),
    (("chu tri", "phu trach", "thuc hien", "dau moi", "tham muu"), "lead"),
)


def field_order(text: str) -> list[str] | None:
    """The roles a note says a task's parts come in ("Ghi theo thứ tự: nhiệm vụ » bộ phận phụ trách » thời hạn").

    >>> field_order("(Ghi theo thứ tự: nhiệm vụ » bộ phận phụ trách » thời hạn)")
    ['task', 'lead', 'time']
    >>> field_order("Mỗi dòng ghi theo thứ tự: nội dung | phòng chủ trì | phòng phối hợp | thời hạn.")
    ['task', 'lead', 'partners', 'time']
    >>> field_order("Thứ tự ưu tiên: cải cách thủ tục hành chính") is None
    True
    """
    found = _ORDER_NOTE.match(fold(text.strip()))
    if found is None:
        return None
    parts = _ORDER_CUT.split(found["order"])
    if len(parts) >= 2:
        roles = [
            next((role for words, role in _ORDER_ROLES if any(re.search(rf"\b{w}\b", part) for w in words)), None)
            for part in parts
        ]
        if roles[0] == "task" and all(role is not None for role in roles) and roles.count("task") == 1:
            return [role for role in roles if role is not None]
    return None


_ABBREVIATION_PAIR: Final = re.compile(
    r"(?P<abbr>[A-ZĐ]{2,4})\s*(?:[-–:=]|là)\s*(?P<meaning>[^;,.()\n]{3,60}?)\s*(?=[;,.)]|$)"
)
_ABBREVIATION_NOTE: Final = re.compile(r"^\(?\s*(?:[^\W\d][^:()]{0,30}:\s*)?(?P<pairs>.+?)\s*\)?\.?$", re.DOTALL)
_LABEL_OF_ROLE: Final = {"lead": "Chủ trì", "partners": "Phối hợp", "time": "Thời gian"}


def abbreviation_note(text: str) -> dict[str, str] | None:
    """The field labels a note spells out ("Ghi chú: CT - cơ quan chủ trì; PH - phối hợp; TG - thời gian").

    Each abbreviation with the whole label it stands for; None unless the note is made of two pairs
    or more, each naming a lead, partners or a time, and nothing else.

    >>> abbreviation_note("Ghi chú: CT - cơ quan chủ trì; PH - cơ quan phối hợp; TG - thời gian hoàn thành.")
    {'CT': 'Chủ trì', 'PH': 'Phối hợp', 'TG': 'Thời gian'}
    >>> abbreviation_note("(Viết tắt: TH: đơn vị thực hiện, TH = thời hạn)") is None
    True
    >>> abbreviation_note("Ghi chú: CCHC - cải cách hành chính; TTHC - thủ tục hành chính.") is None
    True
    """
    note = _ABBREVIATION_NOTE.match(text.strip())
    if note is None:
        return None
    pairs = list(_ABBREVIATION_PAIR.finditer(note["pairs"]))
    rest = _ABBREVIATION_PAIR.sub("", note["pairs"]).strip(" ;,.")
    if len(pairs) < 2 or rest:
        return None
    spelled: dict[str, str] = {}
    for pair in pairs:
        meaning = fold(pair["meaning"])
        role = next((role for words, role in _ORDER_ROLES if any(re.search(rf"\b{w}\b", meaning) for w in words)), None)
        if role not in _LABEL_OF_ROLE or pair["abbr"] in spelled:
            return None
        spelled[pair["abbr"]] = _LABEL_OF_ROLE[role]
    return spelled


def _tail_slot(text: str) -> tuple[str, Assignment] | None:
    """A task closed by its lead and time after a ";" or ",", no bracket, in any order, split.

    Every segment of the tail must be a field, and both a lead and a time must be read, so that a
    title listing its own works ("Rà soát văn bản; công khai thủ tục") keeps them.

    >>> title, given = _tail_slot("Rà soát văn bản; công khai thủ tục; Phòng Tư pháp; quý II/2024.")
    >>> title, [p.label for p in given.lead], given.time
    ('Rà soát văn bản; công khai thủ tục', ['Phòng Tư pháp'], 'quý II/2024')
    >>> _tail_slot("Tuyên truyền trên Đài Truyền thanh, Trang thông tin điện tử xã, hằng tuần.") is None
    True
    """
    for cut in re.finditer(r"\s*[;,]\s+", text):
        if cut.start() < 10:
            continue
        slot = read_slot(text[cut.end() :])
        if slot is not None and slot.lead and slot.time and slot.time_read and slot.segments > 1:
            return text[: cut.start()].rstrip(), slot
    return None


# what a bracket of bodies does not hold ("Xây dựng" may be part of a post's name: "Địa chính - Xây dựng")
_BRACKET_VERBS: Final = vi_compile(r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|trách nhiệm|triển khai)\b", re.IGNORECASE)


def _named_persons(value: str) -> list[SingleParty]:
    """The persons a field names by their names ("đ/c Lò Văn Hùng, công chức …"), when it names nothing else.

    >>> [p.label for p in _named_persons("đ/c Lò Văn Hùng, công chức Văn phòng - Thống kê")]
    ['đ/c Lò Văn Hùng, công chức Văn phòng - Thống kê']
    >>> _named_persons("theo phân công của Chủ tịch"), _named_persons("công chức Tư pháp")
    ([], [])
    """
    parties = parse_parties(value)
    if parties and all(isinstance(one, Official) and one.name for one in parties):
        return parties
    return []


def _bracket_bodies(value: str) -> list[SingleParty]:
    """The bodies a bracket or a field names when it names bodies and nothing else, else none.

    >>> [p.label for p in _bracket_bodies("Văn phòng Sở, Thanh tra Sở")]
    ['Văn phòng Sở', 'Thanh tra Sở']
    >>> _bracket_bodies("theo Quyết định số 12/QĐ-UBND")
    []
    >>> _bracket_bodies("Phòng Nội vụ chủ trì, phối hợp các đơn vị")
    []
    """
    words = value.strip().rstrip(".;").strip()
    folded = fold(words)
    if (
        not words[:1].isupper()
        or _BRACKET_VERBS.search(words)
        or re.search(r"[0-9]", words)
        or not (folded + " ").startswith(_HEADING_BODY_START)
        or folded.startswith(_NOT_A_BODY)
    ):
        return []
    parties = parse_parties(words)
    if not parties or any(not (fold(p.label) + " ").startswith(_HEADING_BODY_START) for p in parties):
        return []
    return parties


def _fields_assignment(fields: Sequence[tuple[str, str]]) -> tuple[Assignment | None, list[str]]:  # noqa: C901
    """The roles and the time fields state, and the outputs they name."""
    lead: list[SingleParty] = []
    coordinating: list[SingleParty] = []
    implementing: list[SingleParty] = []
    time: str | None = None
    outputs: list[str] = []
    for role, value in fields:
        if role == "time":
            time = time or value
        elif role == "output":
            outputs.append(value)
        elif role == "assignment" or (role in {"doers", "lead"} and _ROLE_WORDS_IN.search(value)):
            read = read_assignment(value)
            if role == "assignment" and (read is None or not (read.lead or read.coordinating or read.implementing)):
                lead.extend(_bare_bodies(value))  # "Trách nhiệm thực hiện: Công chức Tư pháp - Hộ tịch."
            if read is not None:
                lead.extend(read.lead)
                coordinating.extend(read.coordinating)
                implementing.extend(read.implementing)
                time = time or read.time
        elif role in {"lead_shape", "lead_loose"}:
            # by its label's shape ("Phụ trách: …", "Đơn vị tham mưu: …"): only bodies, or persons by their names
            bare = _without_bracket(value)
            lead.extend(_bracket_bodies(bare) or _named_persons(bare) or _posts(bare))
        elif role in {"lead", "doers"} and (slot := _timed_doers(value)) is not None:
            lead.extend(slot.lead)  # "Thực hiện: Công chức Tư pháp - Hộ tịch, quý II/2024.": the doer, then the time
            coordinating.extend(slot.coordinating)
            time = time or slot.time
        elif role in {"lead", "doers"}:
            lead.extend(parse_parties(_without_bracket(value)))  # "Thực hiện: A; B": the doers carry the task
        elif role == "partners":
            coordinating.extend(parse_parties(value))
    if not (lead or coordinating or implementing or time):
        return None, outputs
    lead, others = split_marked(lead)  # "Thực hiện: Phòng A (chủ trì), Phòng B": the marked leads
    coordinating[:0] = others
    if not lead and implementing:
        lead, implementing = implementing, []
    return Assignment(lead=lead, coordinating=coordinating, implementing=implementing, time=time), outputs


def _posts(value: str) -> list[SingleParty]:
    """The posts a field names ("Trưởng khoa Khám bệnh, Điều dưỡng trưởng"), or none when any part is no post.

    >>> [p.label for p in _posts("Phó Hiệu trưởng, Giáo viên chủ nhiệm")], _posts("rà soát hồ sơ")
    (['Phó Hiệu trưởng', 'Giáo viên chủ nhiệm'], [])
    """
    parties = parse_parties(value.strip().rstrip(".;"))
    return parties if parties and all(starts_party(p.label) for p in parties) else []


def _timed_doers(value: str) -> SlotAssignment | None:
    """A doers' field that closes with a time after a comma ("Công an xã, hằng quý"), read as a slot; else None.

    >>> s = _timed_doers("Công chức Tư pháp - Hộ tịch; Công an xã, hằng quý.")
    >>> [p.label for p in s.lead], s.time
    (['Công chức Tư pháp - Hộ tịch', 'Công an xã'], 'hằng quý')
    >>> _timed_doers("Phòng Kinh tế, Hạ tầng và Đô thị") is None
    True
    """
    slot = read_slot(value.strip().rstrip(".;").strip())
    if slot is None or not slot.lead or not slot.time or not slot.lead_sure:
        return None
    # a time by its first word only ("cả năm học"): the doers before it stand, the time is left to be doubted
    return slot


def _lead_by_shape(text: str) -> bool:
    """Whether a task's closing bracket names its lead under a label read only by its shape.

    >>> _lead_by_shape("Rà soát quy chế (Bộ phận phụ trách: Văn phòng - Thống kê; thời gian: Quý III/2021).")
    True
    >>> _lead_by_shape("Rà soát quy chế (Cơ quan chủ trì: Văn phòng; thời gian: Quý III/2021).")
    False
    """
    closing = re.search(r"\((?P<inner>[^()]{6,200})\)\s*[.;]?\s*$", text)
    fields = _read_fields(closing["inner"]) if closing else None
    return any(role == "lead_shape" for role, _ in fields or ())


def _fielded_task(text: str) -> bool:
    """Whether an item closes with fields giving both its lead and its time ("…. Thời gian: …; trách nhiệm: …")."""
    _, assignment = _split_assignment(text)
    return assignment is not None and bool(assignment.lead) and bool(assignment.time)


def _trailing_fields(tail: str) -> Assignment | None:
    """The lead and time that label-value fields closing a task's paragraph give, or None.

    Plans write them after the task's full stop in any order ("Thời gian: quý II; trách nhiệm: công chức
    Tư pháp.", "Chủ trì: Phòng Nội vụ. Phối hợp: …. Hoàn thành: …."). Every piece of ``tail`` must be such
    a field, and a lead or a time must be read, else None.

    >>> a = _trailing_fields("Thời gian: quý III/2021; trách nhiệm: công chức Tư pháp - Hộ tịch.")
    >>> [p.label for p in a.lead], a.time
    (['công chức Tư pháp - Hộ tịch'], 'quý III/2021')
    >>> _trailing_fields("Kết quả: 100% hồ sơ đúng hạn.") is None
    True
    """
    fields = _read_fields(tail)
    if not fields or any(role == "output" for role, _ in fields):
        return None
    assignment, _ = _fields_assignment(fields)
    if assignment is None or not (assignment.lead or assignment.time):
        return None
    time = assignment.time.strip(" .;") if assignment.time else None
    return attrs.evolve(assignment, time=time or None)


def _without_bracket(value: str) -> str:
    """A lead field's bodies without a bracket after a body's name ("Phòng Văn hóa - Xã hội (bộ phận tư pháp);").

    >>> _without_bracket("Phòng Văn hóa - Xã hội (bộ phận tư pháp);")
    'Phòng Văn hóa - Xã hội;'
    """
    return re.sub(r"\s*\((?!chủ trì\)|CT\))[^()]{2,60}\)(?=\s*(?:[;,.]|$))", "", value)  # a lead's mark kept


def _bare_bodies(value: str) -> list[SingleParty]:
    """The bodies a responsibility field names without a role word ("Trách nhiệm thực hiện: Phòng Nội vụ.").

    >>> [p.label for p in _bare_bodies("Công chức Văn phòng - Thống kê.")]
    ['Công chức Văn phòng - Thống kê']
    >>> [p.label for p in _bare_bodies("công chức Tư pháp - Hộ tịch.")]
    ['công chức Tư pháp - Hộ tịch']
    >>> _bare_bodies("theo kế hoạch")
    []
    """
    words = value.strip().rstrip(".;").strip()
    if not words or _TIMEISH_FIELD.match(words):
        return []
    if not words[:1].isupper() and subject_party(words[:1].upper() + words[1:] + " chủ trì") is None:
        return []  # "trách nhiệm: công chức Tư pháp - Hộ tịch" names a post in lower case; "theo kế hoạch" none
    return parse_parties(words)


_TIMEISH_FIELD: Final = vi_compile(r"^(?:Thường xuyên|Hằng|Hàng|Quý|Tháng|Năm|Trước|Trong|Cả năm|Định kỳ)\b")

# a name heading a group of duties: "1. Phòng Nội vụ:", "Trách nhiệm của các cơ quan, đơn vị:"
_HEADING_BODY_START: Final = (
    "phong ",
    "van phong",
    "ban ",
    "ubnd",
    "uy ban",
    "bo phan",
    "so ",
    "trung tam",
    "cong an",
    "cac co quan",
    "cac don vi",
    "cac phong",
    "cac ban",
    "cac xa",
    "cac to chuc",
    "cac hoi",
    "cac doan the",
    "cac so",
    "thu truong",
    "cong chuc",
    "can bo",
    "chu tich",
    "pho chu tich",
    "thanh tra",
    "mat tran",
    "ubmttq",
    "huyen doan",
    "doan thanh nien",
    "chi cuc",
    "kho bac",
    "dang uy",
    "hdnd",
    "truong phong",
    "chanh van phong",
    "giam doc",
    "hoi dong",
    "doan kiem tra",
    "to kiem tra",
    "to giup viec",
)
_NOT_A_BODY: Final = ("ban hanh", "ban giao", "can bo, cong chuc", "can bo cong chuc", "cong chuc, vien chuc")
_HEADING_BODY_PREFIX: Final = vi_compile(
    r"^(?:Trách nhiệm của|Nhiệm vụ của|Đối với|Trách nhiệm|TRÁCH NHIỆM CỦA|ĐỐI VỚI)\s+", re.IGNORECASE
)
_DUTY_VERB: Final = vi_compile(
    r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|chịu trách nhiệm|có trách nhiệm|triển khai|tổ chức|xây dựng)\b",
    re.IGNORECASE,
)


# "- Sở Tư pháp: Rà soát …": a body's name as the label of its task, a capital after the colon
_COLON_LEAD: Final = vi_compile(r"^(?P<who>[^:;()]{3,90}?)\s*:\s+(?P<task>[A-ZĐÀ-Ỹ].{9,})$", re.DOTALL)


def _colon_lead(text: str) -> tuple[SingleParty, str] | None:
    """The lead a task names as its label before a colon, and the task after it; None if the label is no body.

    >>> who, task = _colon_lead("Phòng Tư pháp: Rà soát các thủ tục hành chính (Quý III/2026).")
    >>> who.label, task
    ('Phòng Tư pháp', 'Rà soát các thủ tục hành chính (Quý III/2026).')
    >>> _colon_lead("Nội dung: Tuyên truyền về cải cách hành chính.") is None
    True
    >>> _colon_lead("Chủ trì: Phòng Nội vụ; thời gian: quý II.") is None
    True
    >>> _colon_lead("Văn phòng UBND: Chủ trì, phối hợp với các ban ngành xây dựng kế hoạch.") is None
    True
    """
    found = _COLON_LEAD.match(text.strip())
    if found is None:
        return None
    who = found["who"].strip()
    if _FIELD_ROLE_LABEL.match(fold(who)) or len(who.split()) > 12:
        return None
    lead = _heading_party(who)
    if lead is None or _bracket_bodies(who) != [lead] or _DUTY_OPENING.match(fold(found["task"])):
        return None  # "Văn phòng UBND: Chủ trì, phối hợp …; chịu trách nhiệm …": a body's duties, read elsewhere
    return lead, found["task"].strip()


_LEAD_BRACKET: Final = re.compile(r"^\[(?P<who>[^\[\]]{2,160})\]\s*(?P<task>[^\W\d_].{9,})$", re.DOTALL)


def _bracket_lead(text: str) -> tuple[SlotAssignment, str] | None:
    """The lead a task names in square brackets before it, and the task after it; None if the bracket is no slot.

    Some document systems and offices open each task with its lead in brackets ("[Phòng Kinh tế] Triển khai
    …"), two bodies parted by ";". The bracket is read as a slot: every part must be a body's name (a time
    too may stand there), else the bracket stays in the title.

    >>> slot, task = _bracket_lead("[Phòng Kinh tế; Trung tâm Phục vụ hành chính công] Hướng dẫn nộp hồ sơ.")
    >>> [p.label for p in slot.lead], task
    (['Phòng Kinh tế', 'Trung tâm Phục vụ hành chính công'], 'Hướng dẫn nộp hồ sơ.')
    >>> _bracket_lead("[1] Rà soát văn bản quy phạm pháp luật.") is None
    True
    >>> _bracket_lead("[theo Quyết định số 12/QĐ-UBND] Rà soát văn bản.") is None
    True
    """
    found = _LEAD_BRACKET.match(text.strip())
    if found is None:
        return None
    slot = read_slot(found["who"])
    if slot is None or not slot.lead or not slot.lead_sure:
        return None
    return slot, found["task"].strip()


_DUTY_OPENING: Final = re.compile(
    r"^(?:chu tri|phoi hop|chiu trach nhiem|co trach nhiem|tham muu|la dau moi|thuc hien cac nhiem vu)\b"
)


_FIELD_ROLE_LABEL: Final = re.compile(
    r"^(?:co quan|don vi|bo phan)?\s*(?:chu tri|phoi hop|thuc hien|dau moi|trach nhiem|phu trach|tham muu)\b"
)


def _heading_party(text: str) -> SingleParty | None:
    """The body a heading names ("Phòng Nội vụ:", "Trách nhiệm của các đơn vị được kiểm tra"), not an area.

    >>> _heading_party("Văn phòng HĐND và UBND huyện:").label
    'Văn phòng HĐND và UBND huyện'
    >>> _heading_party("Tài chính – ngân sách:") is None
    True
    >>> _heading_party("Sở Nội vụ (cơ quan thường trực Ban Chỉ đạo):").label
    'Sở Nội vụ'
    >>> _heading_party("Phòng Tổ chức cán bộ").label, _heading_party("Tổ Công nghệ thông tin").label
    ('Phòng Tổ chức cán bộ', 'Tổ Công nghệ thông tin')
    >>> _heading_party("Tổ chức thực hiện") is None, _heading_party("Phòng Nội vụ tổ chức tập huấn") is None
    (True, True)
    """
    name = _HEADING_BODY_PREFIX.sub("", text.strip().rstrip(":").strip(" *"), count=1).strip()
    name = re.sub(r"\s*\([^()]*\)$", "", name)  # "(cơ quan thường trực …)" after the body: its role, not its name
    folded = fold(name)
    verbs = [v for v in _DUTY_VERB.finditer(name) if v.start() == 0 or v.group(0)[:1].islower()]
    if (
        not name
        or len(name.split()) > 14
        or verbs  # a duty in a sentence; "Phòng Tổ chức cán bộ" names its field in capitals
        or folded.startswith((*_NOT_A_BODY, *_TOPIC_START))
        or not (folded + " ").startswith((*_HEADING_BODY_START, *_UNIT_HEADING_START))
    ):
        return None
    return party(name)


_UNIT_HEADING_START: Final = ("to ", "khoa ", "benh vien", "tram ", "truong ", "bo mon ", "doi ")
"""The units of a hospital, a school or a centre a heading names ("Tổ Công nghệ thông tin", "Khoa Khám bệnh")."""
_TOPIC_START: Final = ("to chuc", "khoa hoc", "truong hop", "doi moi", "doi voi", "doi ngu")
"""Topics that open like a unit ("Tổ chức thực hiện", "Khoa học, công nghệ", "Đổi mới …", "Đội ngũ …")."""
