r"""Reading document symbols and citations: "61/2018/NĐ-CP", "18-NQ/TW", "Nghị định số … ngày … của …".

:func:`parse_document_symbol` reads one symbol (with or without "Số:") into a
:class:`~parplan.legal.DocumentSymbol`; :func:`read_references` finds every
citation in running text and returns a :class:`ReferenceReading` for each: the
:class:`~parplan.legal.LegalReference` (the kind as written, "Nghị định"; the
symbol; the date, "ngày 23/4/2018"; the issuing body, "của Chính phủ"; the
subject, "về …"; the part cited, "khoản 2 Điều 3"), what a citation says that
a reference has no field for (a date that cannot exist as written, a number
without a symbol, a short name), its doubts and a confidence.
:func:`extract_references` returns the references alone.

Symbols follow Decree 30/2020/NĐ-CP (DOMAIN §6.2): ``number[/year]/TYPE-ISSUER``
for state documents, ``number-TYPE/ISSUER`` for Party documents and
``number/ISSUER-UNIT`` for letters (công văn). Damaged forms are read and kept
as written in ``text``: the missing hyphen of "29 KL/TU", the typo
"01/2018/T-VPCP", text without diacritics ("ND-CP" is "NĐ-CP"), en dashes,
spaces and line breaks inside a symbol ("45/2016/QĐ-" and "TTg" on the next line), a letter after
the number ("30c/NQ-CP"), a dot for the hyphen ("136/2001/QĐ.TTg"), a dropped hyphen ("61/2018/NĐCP",
a doubt), a Party document written in the state form ("60/NQ-TW", a doubt), and the blank
number of a draft ("Số:            /QĐ-UBND"). A symbol carrying a year but no
type ("72/2025/QH15") is a law or resolution of the National Assembly.

One citation may name several documents: "Quyết định số 12/QĐ-UBND và số
15/QĐ-UBND ngày … của UBND tỉnh về …", "các Nghị định số 61/2018/NĐ-CP,
107/2021/NĐ-CP". Each is a reference of its own; those after the first have
``with_previous`` set, and each takes the kind, date, issuer and subject the
citation gives once. An amending law ("Luật sửa đổi, bổ sung một số điều của
Luật …") is one document whose title names the laws it amends.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

import attrs

from parplan._values import YEARS_EXPECTED, is_year
from parplan.errors import InvariantError, ParseError
from parplan.legal import DOCUMENT_TYPES, DocumentSymbol, LegalReference, Pinpoint, SymbolForm
from parplan.text._keywords import Respelled, Rules, tolerant, unread_words
from parplan.text._scan import Failure, Phrase
from parplan.text.dates import DAY_WORD, day_source, read_date
from parplan.text.normalize import Repair, fold
from parplan.text.periods import MONTH_WORD, YEAR_WORD

__all__ = ["ReferenceFlag", "ReferenceReading", "extract_references", "parse_document_symbol", "read_references"]


class ReferenceFlag(StrEnum):
    """Doubts recorded while reading a citation."""

    DATE_INVALID = "date_invalid"
    """The date cannot exist as written ("ngày 31/02/2020"): the citation is kept without it."""
    MALFORMED_SYMBOL = "malformed_symbol"
    """The symbol breaks the rules of its form (a dropped hyphen "61/2018/NĐCP", a Party document in the
    state form "60/NQ-TW"): it is read as the likely symbol and kept as written."""
    KIND_MISMATCH = "kind_mismatch"
    """The kind named disagrees with the symbol's type ("Kế hoạch số …/QĐ-UBND")."""
    OCR_REPAIRED = "ocr_repaired"
    """The text was damaged (scanned) and repaired before reading (see ``repairs``)."""
    UNREAD_WORDS = "unread_words"
    """Words of the citation could not be read (scanned text): its kind or date may be among them."""


_FLAG_ORDER = {flag: index for index, flag in enumerate(ReferenceFlag)}
_CONFIDENCE = {
    ReferenceFlag.DATE_INVALID: 0.7,
    ReferenceFlag.MALFORMED_SYMBOL: 0.85,
    ReferenceFlag.KIND_MISMATCH: 0.7,
    ReferenceFlag.OCR_REPAIRED: 0.85,
    ReferenceFlag.UNREAD_WORDS: 0.75,
}
"""How much each doubt lowers the confidence of a reading (see docs/parsing.md for how they were set)."""


@attrs.frozen(kw_only=True)
class ReferenceReading:
    """A citation read from text, with what it says beyond the reference and what made it less than certain.

    ``value`` is the reference; ``text`` the citation as written (its
    ``value.text``). ``date_written`` keeps a date that cannot exist
    ("31/02/2020"), left out of ``value.date``; ``number`` the number of a
    document cited without its symbol ("Nghị quyết 76"); ``alias`` the short
    name the text gives the document ("(sau đây gọi tắt là Đề án 876)").
    ``flags`` and ``notes`` are the doubts, ``repairs`` the damaged characters
    and words read as others; ``confidence`` is 1.0 for a clean reading and
    lower with each doubt.
    """

    value: LegalReference
    text: str
    date_written: str | None = None
    number: str | None = None
    alias: str | None = None
    flags: tuple[ReferenceFlag, ...] = ()
    notes: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()

    @property
    def confidence(self) -> float:
        """1.0 for a clean reading, multiplied down by each flag (0.7 for a date that cannot be)."""
        score = 1.0
        for flag in self.flags:
            score *= _CONFIDENCE[flag]
        return round(score, 4)


_X = re.ASCII
_ISSUER_PART = r"[a-z0-9][a-z0-9&]*(?:\.[a-z0-9&]+)*"
_STATE = (
    # spaces before the slash are read from the start of their run only, so a long run is scanned once
    r"(?:(?P<num>(?<![0-9])[0-9]{1,6}[a-z]?)[ \t]*|(?<![ \t])[ \t]+)?/"
    r"\s*(?:(?P<year>[0-9]{4})\s*/\s*)?(?P<type>[a-z][a-z01]{0,5})\s*(?P<sep>-|\.(?=[a-z]))\s*"
    r"(?P<issuer>" + _ISSUER_PART + r"(?:[ \t]*-[ \t]*" + _ISSUER_PART + r")*)(?![a-z0-9])"
)
_PARTY = (
    r"(?P<pnum>(?<![0-9/])[0-9]{1,6})\s*(?:-\s*|(?<=\s))"
    r"(?P<ptype>nq|kl|ct|qd|hd|tb|bc|qc|qyd|ctr|kh|da|tt|dt|cthd)"
    r"\s*/\s*(?P<pissuer>[a-z]{1,6}(?:-[a-z]{1,6})?)(?![a-z0-9])"
)
_GLUED = (
    r"(?P<gnum>(?<![0-9])[0-9]{1,6}[a-z]?)[ \t]*/\s*(?:(?P<gyear>[0-9]{4})\s*/\s*)?(?P<glued>[a-z]{3,12})"
    r"(?![a-z0-9/-])"
)
_SYMBOL = re.compile(r"(?:" + _STATE + r")|(?:" + _PARTY + r")|(?:" + _GLUED + r")", _X)
_ASSEMBLY = re.compile(
    r"(?P<anum>(?<![0-9])[0-9]{1,6})\s*/\s*(?P<ayear>[0-9]{4})\s*/\s*(?P<aissuer>(?:ubtv)?qh[0-9]{1,2})(?![a-z0-9])", _X
)
_PREFIX = re.compile(r"\s*(?:(?:so|s)\s*[:.]?\s*)?", _X)
_KIND_NAMES = {
    "thong tu lien tich": ("Thông tư liên tịch", "TTLT"),
    "nghi quyet": ("Nghị quyết", "NQ"),
    "quyet dinh": ("Quyết định", "QĐ"),
    "ke hoach": ("Kế hoạch", "KH"),
    "thong bao": ("Thông báo", "TB"),
    "nghi dinh": ("Nghị định", "NĐ"),
    "thong tu": ("Thông tư", "TT"),
    "chi thi": ("Chỉ thị", "CT"),
    "ket luan": ("Kết luận", "KL"),
    "phap lenh": ("Pháp lệnh", "PL"),
    "cong van": ("Công văn", None),
    "van ban": ("Văn bản", None),
    "huong dan": ("Hướng dẫn", "HD"),
    "chuong trinh": ("Chương trình", "CTr"),
    "de an": ("Đề án", "ĐA"),
    "bao cao": ("Báo cáo", "BC"),
    "to trinh": ("Tờ trình", "TTr"),
    "quy dinh": ("Quy định", "QyĐ"),
    "quy che": ("Quy chế", "QC"),
    "cong dien": ("Công điện", "CĐ"),
    "luat": ("Luật", None),
    "lenh": ("Lệnh", None),
}
"""The kinds of document a citation names (folded): their name and the type abbreviation of their symbol."""
_KINDS = tuple(_KIND_NAMES)
_KIND_BY_GLUED = {kind.replace(" ", ""): kind for kind in _KINDS}


def _kind_key(written: str) -> str | None:
    """The folded kind a kind as written names ("Kế  hoạch", "ketluan" after a repair), or None."""
    return _KIND_BY_GLUED.get("".join(fold(written).split()))


_KIND = r"(?<![a-z])(?P<kind>" + "|".join(k.replace(" ", r"\s*") for k in _KINDS) + r")(?![a-z])"
_KIND_AT = re.compile(_KIND, _X)
_KIND_WORDS = re.compile(r"(?:\s+[a-z]+){1,3}?(?=\s*(?:so|s)\s*[:.]?\s*[0-9/])", _X)
_KIND_BEFORE = re.compile(_KIND + r"(?:(?:\s+[a-z]+){1,2}\s+(?:so|s)\s*[:.]?|\s*(?:(?:so|s)\s*[:.]?)?)\s*\Z", _X)
"""A kind right before a symbol, perhaps with a word or two before "số" ("Báo cáo thẩm định số …")."""
_KIND_TYPES = {"CTHĐ": "CTr", "BCTĐ": "BC"}
"""Types built on another ("Chương trình hành động", "Báo cáo thẩm định"), for the kind they go with."""
_DATE = re.compile(
    rf"\s*(?:,\s*)?(?:ban\s*hanh\s*)?(?:{DAY_WORD}\s*(?::\s*)?)"
    rf"(?:{day_source(year='required')}"
    # a draft leaves the day blank: "ngày     /12/2020", "ngày    tháng 12 năm 2020"
    rf"|(?P<blank>/\s*(?:[0-9]{{1,2}}\s*)?/\s*[0-9]{{4}}|{MONTH_WORD}\s*[0-9]{{1,2}}\s*{YEAR_WORD}\s*[0-9]{{4}}))"
    r"(?![0-9])",
    _X,
)
_OF = re.compile(r"\s*(?:,\s*)?cua\s+", _X)
_ABOUT = re.compile(r"\s*(?:,\s*)?(?:ve\s*viec|v\s*/\s*v|ve)(?![a-z])\s*", _X)
_ACTION = re.compile(
    r"\s*(?:,\s*)?(?=(?:ban\s*hanh|quy\s*dinh|huong\s*dan|sua\s*doi|phe\s*duyet|cong\s*bo|thanh\s*lap"
    r"|quy\s*dinh|giao\s*chi\s*tieu|kien\s*toan)(?![a-z]))",
    _X,
)
"""A subject that starts with its verb, without "về": "… của Chính phủ ban hành Chương trình …"."""
_ALIAS = re.compile(
    r"\s*\(\s*(?:sau\s*day\s*)?(?:(?:duoc\s*)?goi\s*(?:tat|chung)?\s*la|viet\s*tat\s*la)\s*(?P<alias>[^()\n]{1,60}?)"
    r"\s*\)",
    _X,
)
_WORD = re.compile(r"\s*(?:\([^()\n]{1,40}\)|[^\s,;.()]+)", _X)
_STOP_ONE = frozenset(
    ("ve", "ngay", "theo", "nham", "de", "cho", "doi", "va", "trong", "den", "khi", "gui", "tren", "duoc", "nay", "voi")
)
_KNOWN_BODY = (
    r"(?:thu\s+tuong\s+chinh\s+phu|van\s+phong\s+chinh\s+phu|chinh\s+phu|bo\s+chinh\s+tri|ban\s+bi\s+thu"
    r"|(?:uy\s+ban\s+thuong\s+vu\s+|ubtv\s*)?quoc\s+hoi)(?![a-z])(?:\s*\((?:khoa|nhiem\s*ky)[^()\n]{0,20}\))?"
)
_KNOWN_BODIES = re.compile(_KNOWN_BODY + r"(?:\s*(?:,|va)\s*" + _KNOWN_BODY + r")*", _X)
_STOP_TWO = frozenset(
    (
        "ban hanh",
        "quy dinh",
        "huong dan",
        "sua doi",
        "bo sung",
        "trien khai",
        "phe duyet",
        "thuc hien",
        "cong bo",
        "ve viec",
        "xay dung",
        "giao chi",
        "thanh lap",
        "kien toan",
    )
)
_TITLE_END = re.compile(r";|\.(?=\s|\Z)|\((?=\s*(?:sau\s*day|goi\s*tat|viet\s*tat|duoc\s*goi))", _X)
_TITLE_TAIL = re.compile(r"(?:[\s,;:]|(?<![a-z])(?:va|hoac|theo)(?![a-z]))+\Z", _X)
_TITLE_TAIL_CUT = re.compile(r"(?:[\s,;:]|(?<![a-z])(?:va|hoac|theo|cua|tai|tai\s*cac|cac)(?![a-z]))+\Z", _X)
"""What ends a subject the next citation cut short: "… sửa đổi, bổ sung một số điều của" (Nghị định số …)."""
_TITLE_MAX = 400
_LAW = re.compile(r"(?<![a-z])(?<!phap )luat(?![a-z])\s+(?!so(?![a-z]))", _X)
"""A law cited by its name ("Luật Tổ chức …"); "pháp luật" (the law in general) is none."""
_LAW_END = re.compile(
    r"(?<!\s)\s+nam\s+[0-9]{4}(?![0-9])|(?<!\s)\s+(?=ngay\s*[0-9])|;|,|\.(?=\s|\Z)|(?<!\s)\s+va\s+"
    r"|\((?![^()]{1,16}\))",  # "(sửa đổi)" belongs to the name
    _X,
)
_AMENDING = re.compile(r"sua\s*doi(?![a-z])", _X)
_AMENDING_END = re.compile(r"(?<!\s)\s+nam\s+[0-9]{4}(?![0-9])|(?<!\s)\s+(?=ngay\s*[0-9])|;|\.(?=\s|\Z)", _X)
_NAME_GOES_ON = re.compile(r",\s*(?=[a-z][^,;()]{0,40}?\s(?:ngay\s*[0-9]|nam\s+[0-9]{4}|so\s))", _X)
_NUMBERED = re.compile(
    r"(?<![a-z])(?P<kind>nghi\s+quyet|nghi\s+dinh|quyet\s+dinh|chi\s+thi|ket\s+luan|thong\s+tu|de\s+an|chuong\s+trinh)"
    r"\s+(?:so\s+)?(?P<number>[0-9]{1,4}[a-z]?)(?![0-9a-z/.,-])(?!\s*[/-])",
    _X,
)
_PINPOINT = re.compile(
    r"(?:(?:diem\s+(?P<point>[a-z]{1,2}|[0-9]{1,2})\s+)?(?:khoan\s+(?P<clause>[0-9]{1,3})\s+)?"
    r"(?:dieu\s+(?P<article>[0-9]{1,3}[a-z]?)\s+)"
    r"|(?:diem\s+(?P<point2>[a-z]{1,2}|[0-9]{1,2})\s+)?khoan\s+(?P<clause2>[0-9]{1,3})\s+"
    r"|(?:muc|phan|chuong)\s+(?P<section>[ivxlc]{1,6}|[0-9]{1,2}(?:\.[0-9]{1,2})*)\s+)"
    r"(?:(?:cua|tai|theo)\s+)?(?:cac\s+)?\Z",
    _X,
)


def _in_brackets(s: str, position: int) -> bool:
    """True when ``position`` follows an opening bracket not closed yet, within 60 characters."""
    window = s[max(0, position - 60) : position]
    return window.rfind("(") > window.rfind(")")


_NAMED_AS = re.compile(r"(?:goi\s*(?:tat|chung)?\s*la|viet\s*tat\s*la)\s*\Z", _X)
_PLURAL = re.compile(r"(?<![a-z])cac\s*\Z", _X)
_JOINED = re.compile(r"\s*(?:,|va|;)?\s*(?:va\s*)?\Z", _X)
_PARTY_BODIES = frozenset(("TW", "TU", "HU", "ĐU", "QU", "ĐUK"))
_PARTY_TYPES = frozenset(("NQ", "KL", "CT", "QĐ", "HD", "TB", "BC", "QC", "QyĐ", "CTr", "KH", "ĐA", "TT", "CTHĐ"))

_TYPE_BY_FOLD: dict[str, list[str]] = {}
for _abbreviation in (*DOCUMENT_TYPES, "CTHĐ", "BCTĐ"):
    _TYPE_BY_FOLD.setdefault(fold(_abbreviation), []).append(_abbreviation)
_TYPE_BY_UPPER = {abbreviation.upper(): abbreviation for abbreviation in (*DOCUMENT_TYPES, "CTHĐ", "BCTĐ")}

_ISSUERS = {
    fold(name): name
    for name in (
        "CP",
        "TTg",
        "UBND",
        "HĐND",
        "BNV",
        "BTC",
        "BTP",
        "VPCP",
        "TW",
        "TU",
        "HU",
        "ĐU",
        "QU",
        "BCT",
        "BBT",
        "UBTVQH",
        "SNV",
        "BCA",
        "BQP",
        "BYT",
        "BGDĐT",
        "BLĐTBXH",
        "BKHĐT",
        "BTTTT",
        "BTNMT",
        "BNNPTNT",
        "BXD",
        "BGTVT",
        "BVHTTDL",
        "BKHCN",
        "TTCP",
        "NHNN",
        "UBDT",
        "TLĐLĐ",
        "CCHC",
        "VP",
        "KGVX",
        "UBMTTQ",
        "MTTQ",
        "TAND",
        "VKSND",
    )
}
_MIXED_CASE = frozenset(("TTg",))
_ISSUER_FOLDS = frozenset(_ISSUERS)
_TYPE_FOLDS = frozenset(_TYPE_BY_FOLD)
_EXPECTED = "a document symbol such as '61/2018/NĐ-CP', '06/KH-UBND', '18-NQ/TW' or '581/BNV-CCHC'"

# Scanned citations: the kinds and "số" as an English-trained OCR model writes them ("Théng tu sé",
# "Chi thj s6", "Nghi dinh 56"), and "năm" of a date in words ("ngay 08 thang 12 ndm 2023").
_SO_DAMAGED = r"(?:s[a-z0-9]{1,2}|5[0-9o]|0\))"
_AFTER_KIND = r"[\s']*(?:" + _SO_DAMAGED + r"\s*[:.]?\s*)?[0-9/]"
_WORDS = (
    Rules(
        [
            *[
                ("", f"(?:{tolerant(name)}|{name[0].lower()} {tolerant(name[1:])})", f"(?={_AFTER_KIND})", folded)
                for folded, (name, _) in _KIND_NAMES.items()
                if folded not in {"luat", "lenh"}
            ],
            ("", tolerant("năm"), r"(?=\s*[0-9]{4}(?![0-9]))", "nam"),
            ("", tolerant("ngày"), r"(?=\s*:?\s*[0-9/])", "ngay"),
            ("(?<=[0-9])\\s*", tolerant("tháng"), r"(?=\s*[0-9])", "thang"),
            ("", tolerant("luật"), r"(?=\s+[a-z])", "luat"),
            ("", r"c(?:ti|ii|[uita])a(?![a-z])", r"(?=\s+[a-z])", "cua"),
        ]
    ),
    Rules(
        [
            (
                r"(?:" + "|".join(k.replace(" ", r"\s*") for k in _KINDS) + r")[\s']*",
                _SO_DAMAGED + r"(?![a-z0-9])",
                r"(?=\s*[:.]?\s*[0-9])",
                "so",
            ),
            ("", _SO_DAMAGED + r"(?![a-z0-9])", r"(?=\s*[:.]?\s*[0-9]{1,6}[a-z]?\s*/)", "so"),
        ]
    ),
)

# Letters of a symbol a scan reads as others: Đ as B or P (or doubled), T as I, 1 or l.
_CONFUSABLE = (frozenset("dbp"), frozenset("til1"))


def _ocr_close(written: str, known: str) -> bool:
    """True when ``written`` is ``known`` with one letter a scan confuses, lost or added (folded, lower case)."""
    if len(written) == len(known):
        differ = [(a, b) for a, b in zip(written, known, strict=True) if a != b]
        return len(differ) == 1 and any(differ[0][0] in group and differ[0][1] in group for group in _CONFUSABLE)
    if len(written) == len(known) + 1:
        return any(written[:i] + written[i + 1 :] == known for i in range(len(written)))
    if len(written) + 1 == len(known):
        return any(known[:i] + known[i + 1 :] == written for i in range(len(known)))
    return False


def _closest(written: str, known: Iterable[str]) -> str | None:
    """The one folded ``known`` form ``written`` is a scan of, or None when none or several are."""
    found = [candidate for candidate in known if _ocr_close(written, candidate)]
    return found[0] if len(found) == 1 else None


def _doc_type(written: str) -> str:
    """The type abbreviation for a type as written: "NĐ" for "ND", "QĐ" for "Qđ"; unknown ones as written."""
    if written in DOCUMENT_TYPES:
        return written
    upper = written.upper()
    if upper in _TYPE_BY_UPPER:
        return _TYPE_BY_UPPER[upper]
    candidates = _TYPE_BY_FOLD.get(fold(written), [])
    if len(candidates) == 1:
        return candidates[0]
    for candidate in candidates:
        if candidate.upper() == upper:
            return candidate
    return upper if written.islower() else written


def _issuer_part(written: str) -> str:
    known = _ISSUERS.get(fold(written))
    if known is not None:
        return known
    return written.upper() if written.islower() else written


def _issuer(written: str) -> str:
    parts = [p.strip() for p in written.split("-")]
    kept = [parts[0]]
    for part in parts[1:]:
        if part != part.upper() and part not in _MIXED_CASE and not part.islower():
            break
        kept.append(part)
    return "-".join(_issuer_part(p) for p in kept)


def _known_type(written: str) -> bool:
    return written in DOCUMENT_TYPES or written.upper() in _TYPE_BY_UPPER or bool(_TYPE_BY_FOLD.get(fold(written)))


def _is_type(written: str) -> bool:
    """True for a type abbreviation: a known one, or one built on a known one ("BCTĐ", "CTHĐ") that is no issuer."""
    if _known_type(written):
        return True
    folded = fold(written)
    if folded in _ISSUER_FOLDS or len(folded) > 5:
        return False
    return any(folded.startswith(base) and 0 < len(folded) - len(base) <= 3 for base in _TYPE_FOLDS if len(base) >= 2)


class _Symbol:
    """A symbol read from a match: the symbol, where it ends, and its doubts."""

    __slots__ = ("end", "malformed", "symbol")

    def __init__(self, symbol: DocumentSymbol, end: int, malformed: str | None = None) -> None:
        self.symbol = symbol
        self.end = end
        self.malformed = malformed


def _make(  # noqa: PLR0913 - the parts of a symbol
    number: str | None, year: int | None, doc_type: str | None, issuer: str, form: SymbolForm, *, written: str
) -> DocumentSymbol:
    symbol = DocumentSymbol(number=number, year=year, doc_type=doc_type, issuer=issuer, form=form)
    return attrs.evolve(symbol, text=written) if written and written != str(symbol) else symbol


def _symbol(phrase: Phrase, found: re.Match[str]) -> _Symbol | None:
    """The symbol a match holds; None for letters glued together that name no type and issuer."""
    text = phrase.text
    doc_type: str | None
    if found["ptype"] is not None:
        doc_type = _doc_type(text[found.start("ptype") : found.end("ptype")])
        issuer = _issuer(text[found.start("pissuer") : found.end("pissuer")])
        written = text[found.start("pnum") : found.end()].strip()
        symbol = _make(found["pnum"], None, doc_type, issuer, SymbolForm.PARTY, written=written)
        between = phrase.folded[found.end("pnum") : found.start("ptype")]
        malformed = None if "-" in between else f"{written!r} has no hyphen after the number"
        return _Symbol(symbol, found.end(), malformed)
    if found["glued"] is not None:
        return _glued(phrase, found)
    number = found["num"]
    year = int(found["year"]) if found["year"] else None
    written_type = text[found.start("type") : found.end("type")]
    written_issuer = text[found.start("issuer") : found.end("issuer")]
    issuer = _issuer(written_issuer)
    end = found.start("issuer") + _issuer_span(written_issuer, issuer)
    start = found.start("num") if number is not None else phrase.folded.index("/", found.start())
    written = text[start:end].strip()
    malformed = None
    if year is None and not _is_type(written_type):
        form, doc_type = SymbolForm.LETTER, None
        issuer = _issuer(f"{written_type}-{written_issuer}")
    else:
        form, doc_type = SymbolForm.STATE, _doc_type(written_type)
        if found["sep"] == ".":
            malformed = f"{written!r} has a dot for the hyphen"
        if year is None and issuer in _PARTY_BODIES and doc_type in _PARTY_TYPES:
            form = SymbolForm.PARTY
            malformed = f"{written!r} is a Party document written in the state form"
    return _Symbol(_make(number, year, doc_type, issuer, form, written=written), end, malformed)


def _glued(phrase: Phrase, found: re.Match[str]) -> _Symbol | None:
    """A symbol whose hyphen was dropped: "61/2018/NĐCP", "2045/QĐUBND" (a known type, then a known issuer)."""
    glued = found["glued"]
    written_glued = phrase.text[found.start("glued") : found.end("glued")]
    for cut in range(1, len(glued)):
        if glued[:cut] in _TYPE_FOLDS and glued[cut:] in _ISSUER_FOLDS:
            doc_type = _doc_type(written_glued[:cut])
            issuer = _issuer_part(written_glued[cut:])
            year = int(found["gyear"]) if found["gyear"] else None
            written = phrase.text[found.start("gnum") : found.end()].strip()
            symbol = _make(found["gnum"], year, doc_type, issuer, SymbolForm.STATE, written=written)
            return _Symbol(symbol, found.end(), f"{written!r} has lost the hyphen between type and issuer")
    return None


def _assembly_symbol(phrase: Phrase, found: re.Match[str]) -> DocumentSymbol:
    """A law's or a National Assembly resolution's symbol: "72/2025/QH15", "76/2025/UBTVQH15"."""
    number = found["anum"]
    year = int(found["ayear"])
    if not is_year(year):
        raise phrase.error(found.start("ayear"), YEARS_EXPECTED)
    issuer = found["aissuer"].upper()
    symbol = DocumentSymbol(number=number, year=year, issuer=issuer, form=SymbolForm.ASSEMBLY)
    written = phrase.text[found.start() : found.end()].strip()
    return attrs.evolve(symbol, text=written) if written != str(symbol) else symbol


def _issuer_span(written: str, canonical: str) -> int:
    """How much of the written issuer the canonical issuer covers (parts dropped at the end are not)."""
    count = canonical.count("-") + 1
    parts = written.split("-")
    return len("-".join(parts[:count]).rstrip())


def parse_document_symbol(text: str) -> DocumentSymbol:
    """The document symbol ``text`` writes: "61/2018/NĐ-CP", "Số: 06/KH-UBND", "18-NQ/TW", "581/BNV-CCHC".

    The number keeps its leading zero ("06") and a letter after it ("30c");
    a draft's blank number is ``None``. Damaged symbols are read and kept as
    written in ``text`` ("29 KL/TU" is ``29-KL/TU``; "ND-CP" is ``NĐ-CP``;
    "61/2018/NĐCP" is ``61/2018/NĐ-CP``; "60/NQ-TW" is the Party document
    ``60-NQ/TW``). Raises :class:`~parplan.errors.ParseError` for anything else.

    >>> symbol = parse_document_symbol("Nghị định số 61/2018/NĐ-CP")
    >>> symbol.number, symbol.year, symbol.doc_type, symbol.issuer, symbol.form.value
    ('61', 2018, 'NĐ', 'CP', 'state')
    >>> str(parse_document_symbol("29 KL/TU")), parse_document_symbol("29 KL/TU").text
    ('29-KL/TU', '29 KL/TU')
    >>> parse_document_symbol("Số:            /QĐ-UBND").is_blank
    True
    """
    phrase = Phrase(text)
    s, start, end = phrase.folded, phrase.start, phrase.end
    while end > start and s[end - 1] in " \n.,;:":
        end -= 1
    kind = _KIND_AT.match(s, start, end)
    position = kind.end() if kind else start
    if kind is not None:  # "Báo cáo thẩm định số …", "Chương trình hành động số …": words before "số"
        named = _KIND_WORDS.match(s, position, end)
        position = named.end() if named else position
    prefix = _PREFIX.match(s, position, end)
    position = prefix.end() if prefix else position
    found = _SYMBOL.match(s, position, end)
    if found is None or found.end() != end:
        assembly = _ASSEMBLY.match(s, position, end)
        if assembly is not None and assembly.end() == end:
            return _assembly_symbol(phrase, assembly)
        far = found.end() if found is not None else position
        raise phrase.error(far, _EXPECTED)
    year = found["year"] or found["gyear"]
    if year and not is_year(int(year)):
        raise phrase.error(found.start("year" if found["year"] else "gyear"), YEARS_EXPECTED)
    try:
        read = _symbol(phrase, found)
    except InvariantError as error:
        raise phrase.error(found.start(), f"{_EXPECTED} ({error.message})") from None
    if read is None:
        raise phrase.error(position, _EXPECTED)
    if read.end < end and phrase.text[read.end : end].strip():
        raise phrase.error(read.end, "the end of the symbol")
    return read.symbol


# -- citations ------------------------------------------------------------------------------------------


def _date_after(phrase: Phrase, position: int) -> tuple[date | None, int, str | None]:
    """The date written at ``position`` ("ngày 23/4/2018"), where it ends, and the date as written when it cannot be."""
    found = _DATE.match(phrase.folded, position)
    if found is None:
        return None, position, None
    if found["blank"] is not None:
        return None, found.end(), None
    try:
        return read_date(found), found.end(), None
    except Failure:  # not a day ("31/02/2020", month 13): the citation is kept without it, with the doubt
        day = found.start("d") if found["d"] is not None else found.start("wd")
        return None, found.end(), " ".join(phrase.written(day, found.end()).split())


def _issuer_name(phrase: Phrase, position: int, limit: int) -> tuple[str | None, int]:
    """The body after "của": a known one ("Chính phủ"), else the words up to a verb or preposition."""
    of = _OF.match(phrase.folded, position, limit)
    if of is None:
        return None, position
    s = phrase.folded
    known = _KNOWN_BODIES.match(s, of.end(), limit)
    if known is not None:
        return " ".join(phrase.written(of.end(), known.end()).split()), known.end()
    cursor = last = of.end()
    count = 0
    ministry = s.startswith("bo ", of.end())
    while count < 14:
        word = _WORD.match(s, cursor, limit)
        if word is None:
            break
        token = word.group().strip()
        following = _WORD.match(s, word.end(), limit)
        pair = f"{token} {following.group().strip()}" if following else ""
        stop = count and (token in _STOP_ONE or pair in _STOP_TWO)
        if stop and not (ministry and following is not None and _joins_ministry_name(phrase, token, following)):
            break
        cursor = last = word.end()
        count += 1
    name = " ".join(phrase.written(of.end(), last).split())
    if not name:
        return None, position
    return name, last


def _joins_ministry_name(phrase: Phrase, token: str, following: re.Match[str]) -> bool:
    """True for the "và" inside a ministry's name ("Bộ Kế hoạch và Đầu tư"), not before another citation."""
    start = following.end() - len(following.group().strip())
    joins = token == "va"  # noqa: S105 - a word of the text, not a secret
    return joins and phrase.text[start].isupper() and _KIND_AT.match(phrase.folded, start) is None


def _title(phrase: Phrase, position: int, limit: int) -> tuple[str | None, int]:
    """The subject: after "về" ("về việc", "V/v"), or starting with its verb ("ban hành …", "quy định …")."""
    about = _ABOUT.match(phrase.folded, position, limit) or _ACTION.match(phrase.folded, position, limit)
    if about is None:
        return None, position
    limit = min(limit, about.end() + _TITLE_MAX)
    end = _TITLE_END.search(phrase.folded, about.end(), limit)
    stop = end.start() if end else limit
    tail = (_TITLE_TAIL if end else _TITLE_TAIL_CUT).search(phrase.folded, about.end(), stop)
    if tail is not None:
        stop = tail.start()
    title = " ".join(phrase.written(about.end(), stop).split())
    if not title:
        return None, position
    return title, stop


def _alias(phrase: Phrase, position: int, limit: int) -> tuple[str | None, int]:
    """The short name given after the citation: "(sau đây gọi tắt là Đề án 876)"."""
    found = _ALIAS.match(phrase.folded, position, limit)
    if found is None:
        return None, position
    return " ".join(phrase.written(found.start("alias"), found.end("alias")).split()), found.end()


class _Citation:
    """What is read of one citation before its reading is built."""

    __slots__ = (
        "alias",
        "begin",
        "date",
        "date_written",
        "end",
        "flags",
        "head_end",
        "issuer",
        "kind",
        "notes",
        "number",
        "pinpoint",
        "symbol",
        "symbol_start",
        "title",
        "with_previous",
    )

    def __init__(self, begin: int, symbol_start: int) -> None:
        self.begin = begin
        self.symbol_start = symbol_start
        self.end = symbol_start
        self.head_end = symbol_start
        self.kind: str | None = None
        self.symbol: DocumentSymbol | None = None
        self.date: date | None = None
        self.date_written: str | None = None
        self.issuer: str | None = None
        self.title: str | None = None
        self.alias: str | None = None
        self.number: str | None = None
        self.pinpoint: Pinpoint | None = None
        self.with_previous = False
        self.flags: list[ReferenceFlag] = []
        self.notes: list[str] = []


def _kind(phrase: Phrase, begin: int, symbol_start: int, citation: _Citation) -> str | None:
    """The kind named before the symbol, as written; its name when the scan damaged it ("Théng tu")."""
    found = _KIND_AT.match(phrase.folded, begin, symbol_start)
    if found is None:
        return None
    folded = _kind_key(found["kind"]) or ""
    written = " ".join(phrase.written(found.start(), found.end()).split())
    if fold(written) == folded:
        return written
    citation.flags.append(ReferenceFlag.OCR_REPAIRED)
    return _KIND_NAMES[folded][0]


def _read_symbol(phrase: Phrase, found: re.Match[str], citation: _Citation) -> int | None:
    """Read the symbol of a match into the citation, repairing what a scan did to its letters; where it ends."""
    try:
        read = _symbol(phrase, found)
    except InvariantError:
        read = None
    repaired = _repaired_symbol(phrase, found, citation)
    if repaired is not None:
        citation.symbol = repaired
        citation.flags.append(ReferenceFlag.OCR_REPAIRED)
        return found.end()
    if read is None:
        return None
    citation.symbol = read.symbol
    doc_type = read.symbol.doc_type
    if read.malformed is None and doc_type is not None and not _is_type(doc_type):
        read.malformed = f"{read.symbol.as_written!r} has a type no document has ({doc_type!r})"
    if read.malformed is not None:
        citation.flags.append(ReferenceFlag.MALFORMED_SYMBOL)
        citation.notes.append(read.malformed)
    return read.end


def _repaired_symbol(phrase: Phrase, found: re.Match[str], citation: _Citation) -> DocumentSymbol | None:
    """The symbol a scan damaged ("QB-UBND", "QĐÐ-UBND", "CI-TTg", "TI-VPCP", "CT-ITg"), or None when it is whole."""
    if found["type"] is None:
        return None
    s = phrase.folded
    written_type = phrase.text[found.start("type") : found.end("type")]
    parts = phrase.text[found.start("issuer") : found.end("issuer")].split("-")
    folded_type = s[found.start("type") : found.end("type")]
    folded_issuer = fold(parts[0].strip())
    kind_type = _KIND_NAMES.get(_kind_key(citation.kind) or "" if citation.kind else "", ("", None))[1]
    type_ok = _known_type(written_type) and folded_type == fold(_doc_type(written_type))
    issuer_ok = folded_issuer in _ISSUER_FOLDS
    if type_ok and issuer_ok:
        return None
    new_type = written_type if type_ok else _repair_type(folded_type, kind_type)
    new_issuer = parts[0].strip() if issuer_ok else _repair_issuer(folded_issuer)
    if new_type is None or new_issuer is None or (type_ok and issuer_ok):
        return None
    if not (type_ok or issuer_ok) and not (_known_type(new_type)):  # pragma: no cover - both damaged: refused
        return None
    year = int(found["year"]) if found["year"] else None
    if year is not None and not is_year(year):
        return None
    issuer = "-".join([_issuer_part(new_issuer), *[p.strip() for p in parts[1:] if p.strip().isupper()]])
    start = found.start("num") if found["num"] is not None else s.index("/", found.start())
    written = phrase.text[start : found.end()].strip()
    try:
        symbol = _make(found["num"], year, _doc_type(new_type), issuer, SymbolForm.STATE, written=written)
    except InvariantError:
        return None
    citation.notes.append(f"{written!r} read as {str(symbol)!r}")
    return symbol


def _repair_type(folded: str, kind_type: str | None) -> str | None:
    """The type a scan damaged: the kind's own type when close ("Thông tư số 01/TI-…"), else the one close type."""
    if kind_type is not None and _ocr_close(folded, fold(kind_type)):
        return kind_type
    closest = _closest(folded, _TYPE_FOLDS)
    if closest is None:
        return None
    candidates = _TYPE_BY_FOLD[closest]
    return candidates[0] if len(candidates) == 1 else None


def _repair_issuer(folded: str) -> str | None:
    closest = _closest(folded, _ISSUER_FOLDS)
    return None if closest is None else _ISSUERS[closest]


def _law(phrase: Phrase, citation: _Citation, limit: int) -> None:
    """A law cited by its name: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"."""
    s = phrase.folded
    start = citation.symbol_start
    amending = _AMENDING.match(s, start) is not None
    ends = _AMENDING_END if amending else _LAW_END
    position = start
    while True:
        end = ends.search(s, position, limit)
        if end is not None and end.group().startswith(",") and _NAME_GOES_ON.match(s, end.start(), limit):
            position = end.end()
            continue
        break
    if end is None:
        stop = limit
    elif end.group().lstrip().startswith("nam"):
        stop = end.end()
    else:
        stop = end.start()
    citation.title = " ".join(phrase.written(start, stop).rstrip(" ,;:").split()) or None
    citation.end = stop
    citation.kind = "Luật"
    citation.head_end = start
    day, after, written = _date_after(phrase, stop)
    if day is not None or written is not None:
        citation.date, citation.date_written, citation.end = day, written, after
        citation.head_end = after


def _read_tail(phrase: Phrase, citation: _Citation, position: int, limit: int) -> None:
    """The date, the issuer, the subject and the short name written after a symbol."""
    citation.head_end = position
    day, position, written = _date_after(phrase, position)
    if day is not None or written is not None:
        citation.head_end = position
    issuer, position = _issuer_name(phrase, position, limit)
    if day is None and written is None:
        day, after, written = _date_after(phrase, position)
        if day is not None or written is not None:
            citation.head_end = position = after
    title, position = _title(phrase, position, limit)
    alias, position = _alias(phrase, position, limit)
    citation.date, citation.date_written, citation.issuer = day, written, issuer
    citation.title = title or citation.title
    citation.alias = alias
    citation.end = position


def _pinpoint(phrase: Phrase, begin: int) -> Pinpoint | None:
    """The part of the document cited, written just before the citation: "khoản 2 Điều 12", "Mục II"."""
    found = _PINPOINT.search(phrase.folded, max(0, begin - 60), begin)
    if found is None:
        return None
    text = phrase.text

    def part(name: str) -> str | None:
        return text[found.start(name) : found.end(name)] if found[name] is not None else None

    written = " ".join(phrase.written(found.start(), found.end()).split())
    written = re.sub(r"\s+(?:của|tại|theo|cua|tai|các|cac)$", "", written, flags=re.IGNORECASE).strip()
    written = re.sub(r"\s+(?:của|tại|theo|cua|tai)$", "", written, flags=re.IGNORECASE).strip()
    return Pinpoint(
        article=part("article"),
        clause=part("clause") or part("clause2"),
        point=part("point") or part("point2"),
        section=part("section"),
        text=written,
    )


def _citation_start(s: str, symbol_start: int) -> int:
    window_start = max(0, symbol_start - 40)
    kind = _KIND_BEFORE.search(s, window_start, symbol_start)
    if kind is not None:
        return kind.start()
    so = _so_before(s, symbol_start)
    return so if so is not None and so >= window_start else symbol_start


_ASCII_SPACES = frozenset(" \t\n\r\f\v")


def _so_before(s: str, end: int) -> int | None:
    """Where "số" starts when ``s[:end]`` ends with it and then spaces and one ':' or '.' at most; else None.

    Reads backwards over the spaces, so that the time taken is that of the spaces.
    """
    while end and s[end - 1] in _ASCII_SPACES:
        end -= 1
    if end and s[end - 1] in ":.":
        end -= 1
        while end and s[end - 1] in _ASCII_SPACES:
            end -= 1
    for word in ("so", "s"):
        start = end - len(word)
        if start >= 0 and s.startswith(word, start) and not (start and "a" <= s[start - 1] <= "z"):
            return start
    return None


class _Spans:
    """Whether a position falls inside one of some spans, each ``(begin, end)`` with ``end`` excluded."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._begins = [begin for begin, _ in ordered]
        self._reach: list[int] = list(itertools.accumulate((end for _, end in ordered), max))

    def __call__(self, position: int) -> bool:
        index = bisect.bisect_right(self._begins, position)
        return index > 0 and self._reach[index - 1] > position


def _named_law_symbol(s: str, name_start: int, assembly_begins: list[int]) -> int | None:
    """The index of the National Assembly symbol that a law's name runs into ("… số 72/2025/QH15"), if any."""
    index = bisect.bisect_left(assembly_begins, name_start)
    if index == len(assembly_begins):
        return None
    so = assembly_begins[index]
    if so - name_start > 120 or not s.startswith("s", so) or _LAW_END.search(s, name_start, so) is not None:
        return None
    return index


_Found = tuple[int, int, "re.Match[str] | None", int, str]
"""A citation found: where it begins, where its symbol starts, the symbol's match, where it ends, its kind."""


def _found(phrase: Phrase) -> list[_Found]:  # noqa: C901 - one search per way a document is cited
    """Every citation of the phrase, in order: symbols, National Assembly symbols, laws by name, numbers."""
    s = phrase.folded
    found_symbols: list[_Found] = []
    for found in _SYMBOL.finditer(s):
        blank = found["num"] is None and found["ptype"] is None and found["glued"] is None
        if blank and _so_before(s, found.start()) is None:
            continue
        year = found["year"] or found["gyear"]
        if year and not is_year(int(year)):
            continue
        if found["glued"] is not None and _KIND_BEFORE.search(s, max(0, found.start() - 40), found.start()) is None:
            continue  # letters glued after a number read as a symbol only in a citation ("Nghị định số 61/2018/NĐCP")
        begin = _citation_start(s, found.start())
        found_symbols.append((begin, found.start(), found, found.end(), "symbol"))
    assembly: list[_Found] = [
        (_citation_start(s, found.start()), found.start(), found, found.end(), "assembly")
        for found in _ASSEMBLY.finditer(s)
    ]
    inside = _Spans((begin, end) for begin, _, _, end, _ in [*found_symbols, *assembly])
    assembly_begins = [begin for begin, _, _, _, _ in assembly]
    laws: list[_Found] = []
    for found in _LAW.finditer(s):
        if inside(found.start()):
            continue
        after = phrase.text[found.end() : found.end() + 1]
        amending = _AMENDING.match(s, found.end()) is not None
        if not (
            (phrase.text[found.start()].isupper() or phrase.source[phrase.source_position(found.start())] in "1|")
            and (after.isupper() or amending)
        ):
            continue
        named = _named_law_symbol(s, found.end(), assembly_begins)
        if named is not None:  # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": one citation
            _, symbol_start, symbol_match, symbol_end, what = assembly[named]
            assembly[named] = (found.start(), symbol_start, symbol_match, symbol_end, what)
            continue
        laws.append((found.start(), found.end(), None, -1, "law"))
    everything = sorted([*found_symbols, *assembly, *laws], key=lambda item: item[0])
    if laws:  # the laws an amending law names are part of its title
        everything = _without_amended(s, everything)
    taken = _Spans((begin, max(end, symbol_start + 1)) for begin, symbol_start, _, end, _ in everything)
    for found in _NUMBERED.finditer(s):
        number = int(found["number"].rstrip("abcdefghijklmnopqrstuvwxyz"))
        if inside(found.start()) or taken(found.start()) or is_year(number):
            continue
        if _NAMED_AS.search(s, max(0, found.start() - 24), found.start()) is not None or _in_brackets(s, found.start()):
            continue  # "(sau đây gọi tắt là Đề án 876)": a short name, not a citation
        everything.append((found.start(), found.start("number"), found, found.end(), "number"))
    return sorted(everything, key=lambda item: item[0])


def _without_amended(s: str, found: list[_Found]) -> list[_Found]:
    """The citations without the laws named inside an amending law ("Luật sửa đổi … của Luật A và Luật B")."""
    kept: list[_Found] = []
    reach = -1
    for item in found:
        begin, symbol_start, _, _, what = item
        if what == "law" and begin < reach:
            continue
        kept.append(item)
        if what == "law" and _AMENDING.match(s, symbol_start) is not None:
            end = _AMENDING_END.search(s, symbol_start)
            reach = end.start() if end is not None else len(s)
    return kept


def _citation(phrase: Phrase, item: _Found, limit: int) -> _Citation | None:
    begin, symbol_start, match, symbol_end, what = item
    citation = _Citation(begin, symbol_start)
    citation.kind = _kind(phrase, begin, symbol_start, citation)
    if what == "law":
        _law(phrase, citation, limit)
    elif what == "number":
        citation.number = match["number"] if match is not None else None
        _read_tail(phrase, citation, symbol_end, limit)
    elif what == "assembly" and match is not None:
        try:
            citation.symbol = _assembly_symbol(phrase, match)
        except ParseError:
            return None
        so = _so_before(phrase.folded, symbol_start)
        kind = _KIND_AT.match(phrase.folded, begin, symbol_start)
        if kind is not None and so is not None and so > kind.end():
            citation.title = " ".join(phrase.written(kind.end(), so).split()) or None
        _read_tail(phrase, citation, symbol_end, limit)
    elif match is not None:
        end = _read_symbol(phrase, match, citation)
        if end is None:
            return None
        _read_tail(phrase, citation, end, limit)
    if citation.date_written is not None:
        citation.flags.append(ReferenceFlag.DATE_INVALID)
        citation.notes.append(f"the date {citation.date_written!r} cannot be")
    citation.pinpoint = _pinpoint(phrase, begin)
    _check_kind(citation)
    return citation


def _check_kind(citation: _Citation) -> None:
    """A kind named that the symbol's type contradicts ("Kế hoạch số …/QĐ-UBND")."""
    symbol = citation.symbol
    if citation.kind is None or symbol is None or symbol.doc_type is None:
        return
    expected = _KIND_NAMES.get(_kind_key(citation.kind) or "", ("", None))[1]
    doc_type = _KIND_TYPES.get(symbol.doc_type, symbol.doc_type)
    if expected is not None and doc_type != expected:
        citation.flags.append(ReferenceFlag.KIND_MISMATCH)
        citation.notes.append(f"a {citation.kind} with the symbol of a {symbol.type_name or symbol.doc_type}")


def _share(phrase: Phrase, citations: list[_Citation]) -> None:
    """Documents named in one citation share the kind, date, issuer and subject written once for them all."""
    s = phrase.folded
    group: list[_Citation] = []
    for citation in [*citations, None]:
        joined = (
            citation is not None
            and group
            and _JOINED.fullmatch(s, group[-1].end, citation.begin) is not None
            and group[-1].issuer is None
            and group[-1].title is None
            and citation.symbol is not None
            and group[-1].symbol is not None
        )
        if joined and citation is not None:
            citation.with_previous = True
            group.append(citation)
            continue
        if len(group) > 1:
            _fill(group)
        group = [citation] if citation is not None else []


def _fill(group: list[_Citation]) -> None:
    last = group[-1]
    first = group[0]
    for member in group:
        member.kind = member.kind or first.kind
    for member in group[:-1]:
        member.issuer = member.issuer or last.issuer
        member.title = member.title or last.title
        if member.date is None and member.date_written is None and all(m.date is None for m in group[:-1]):
            member.date = last.date


def read_references(text: str) -> tuple[ReferenceReading, ...]:
    """Every document a passage cites, in order, each read with its doubts and a confidence.

    Finds symbols with their kind ("Nghị định số …", also "Quyết định 208/QĐ-UBND"
    and bare "số 18-NQ/TW"), the date ("ngày 23/4/2018", "ngày 23 tháng 4 năm
    2018"; None for a draft's blank or a date that cannot be, which is kept in
    ``date_written`` with the flag ``date_invalid``), the issuing body ("của
    Chính phủ", "của Bộ Chính trị, Ban Bí thư"), the subject ("về …", or
    starting with its verb: "ban hành …"), the part cited ("khoản 2 Điều 12")
    and a short name ("(sau đây gọi tắt là …)"); laws cited by name
    ("Luật Tổ chức Chính quyền địa phương ngày 19 tháng 6 năm 2015") and
    documents cited by number alone ("Nghị quyết 76") have no symbol. Text
    without diacritics and scanned damage are tolerated; what was repaired is
    flagged.

    >>> [reading] = read_references("Căn cứ Quyết định số 6478/QĐ-UBND ngày 31/02/2020 của UBND huyện về Chỉ số CCHC;")
    >>> str(reading.value.symbol), reading.value.date, reading.date_written, reading.value.issuer_name
    ('6478/QĐ-UBND', None, '31/02/2020', 'UBND huyện')
    >>> [f.value for f in reading.flags], reading.confidence
    (['date_invalid'], 0.7)
    >>> first, second = read_references("Quyết định số 12/QĐ-UBND và số 15/QĐ-UBND ngày 05/3/2024 của UBND tỉnh")
    >>> second.value.kind, second.value.with_previous, first.value.issuer_name
    ('Quyết định', True, 'UBND tỉnh')
    """
    respelled = Respelled(Phrase(text), _WORDS)
    phrase = respelled.phrase
    characters = phrase.repairs
    words = list(respelled.repairs)
    found = _found(phrase)
    citations: list[_Citation] = []
    for index, item in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else len(phrase.folded)
        citation = _citation(phrase, item, limit)
        if citation is not None:
            citations.append(citation)
    _share(phrase, citations)
    return tuple(
        reading for citation in citations if (reading := _reading(respelled, citation, characters, words)) is not None
    )


def _reading(
    respelled: Respelled, citation: _Citation, characters: tuple[Repair, ...], words: list[Repair]
) -> ReferenceReading | None:
    phrase = respelled.phrase
    written = respelled.original(citation.begin, citation.end).rstrip(" ,;:")
    if not written:
        return None
    head = (citation.begin, max(citation.head_end, citation.symbol_start + 1))
    repairs = tuple(r for r in (*characters, *words) if citation.begin <= r.position < citation.end)
    flags = list(citation.flags)
    notes = list(citation.notes)
    if any(head[0] <= r.position < head[1] + 30 for r in repairs) and ReferenceFlag.OCR_REPAIRED not in flags:
        flags.append(ReferenceFlag.OCR_REPAIRED)
    unread = unread_words(phrase.text, phrase.folded, *head)
    if unread:
        flags.append(ReferenceFlag.UNREAD_WORDS)
        notes.append("words not read: " + ", ".join(repr(w) for w in unread))
    try:
        value = LegalReference(
            symbol=citation.symbol,
            kind=citation.kind,
            date=citation.date,
            issuer_name=citation.issuer,
            title=citation.title,
            pinpoint=citation.pinpoint,
            with_previous=citation.with_previous,
            text=written,
        )
    except InvariantError:  # pragma: no cover - a reference always has its text
        return None
    return ReferenceReading(
        value=value,
        text=written,
        date_written=citation.date_written,
        number=citation.number,
        alias=citation.alias,
        flags=tuple(sorted(set(flags), key=_FLAG_ORDER.__getitem__)),
        notes=tuple(dict.fromkeys(notes)),
        repairs=tuple(sorted(repairs, key=lambda r: r.position)),
    )


def extract_references(text: str) -> list[LegalReference]:
    """Every document a passage cites, in order, each with its citation as written.

    The references of :func:`read_references`, without the doubts.

    >>> [ref] = extract_references("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa.")
    >>> str(ref.symbol), ref.kind, ref.date, ref.issuer_name, ref.title
    ('61/2018/NĐ-CP', 'Nghị định', datetime.date(2018, 4, 23), 'Chính phủ', 'cơ chế một cửa')
    """
    return [reading.value for reading in read_references(text)]
