r"""Reading document symbols and citations: "61/2018/NĐ-CP", "18-NQ/TW", "Nghị định số … ngày … của …".

:func:`parse_document_symbol` reads one symbol (with or without "Số:") into a
:class:`~parplan.legal.DocumentSymbol`; :func:`extract_references` finds every
citation in running text and returns :class:`~parplan.legal.LegalReference`
values with the kind as written ("Nghị định"), the symbol, the date
("ngày 23/4/2018"), the issuing body ("của Chính phủ") and the subject ("về …").

Symbols follow Decree 30/2020/NĐ-CP (DOMAIN §6.2): ``number[/year]/TYPE-ISSUER``
for state documents, ``number-TYPE/ISSUER`` for Party documents and
``number/ISSUER-UNIT`` for letters (công văn). Damaged forms are read and kept
as written in ``text``: the missing hyphen of "29 KL/TU", the typo
"01/2018/T-VPCP", text without diacritics ("ND-CP" is "NĐ-CP"), en dashes,
spaces and line breaks inside a symbol ("45/2016/QĐ-" and "TTg" on the next line), and the blank
number of a draft ("Số:            /QĐ-UBND"). A symbol carrying a year but no
type ("72/2025/QH15", laws of the National Assembly) has no place in the
model yet: :func:`parse_document_symbol` rejects it and
:func:`extract_references` keeps such a citation as text only.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from datetime import date

import attrs

from parplan._values import YEARS_EXPECTED, is_year
from parplan.errors import InvariantError, ParseError
from parplan.legal import DOCUMENT_TYPES, DocumentSymbol, LegalReference, SymbolForm
from parplan.text._scan import Failure, Phrase
from parplan.text.dates import DAY_WORD, day_source, read_date
from parplan.text.normalize import fold
from parplan.text.periods import MONTH_WORD, YEAR_WORD

__all__ = ["extract_references", "parse_document_symbol"]

_X = re.ASCII
_ISSUER_PART = r"[a-z0-9][a-z0-9&]*(?:\.[a-z0-9&]+)*"
_STATE = (
    # spaces before the slash are read from the start of their run only, so a long run is scanned once
    r"(?:(?P<num>(?<![0-9])[0-9]{1,6})[ \t]*|(?<![ \t])[ \t]+)?/"
    r"\s*(?:(?P<year>[0-9]{4})\s*/\s*)?(?P<type>[a-z]{1,5})\s*-\s*"
    r"(?P<issuer>" + _ISSUER_PART + r"(?:[ \t]*-[ \t]*" + _ISSUER_PART + r")*)(?![a-z0-9])"
)
_PARTY = (
    r"(?P<pnum>(?<![0-9/])[0-9]{1,6})\s*(?:-\s*|(?<=[ \t]))(?P<ptype>nq|kl|ct|qd|hd|tb|bc|qc|qyd|ctr|kh|da|tt|dt)"
    r"\s*/\s*(?P<pissuer>[a-z]{1,6}(?:-[a-z]{1,6})?)(?![a-z0-9])"
)
_SYMBOL = re.compile(r"(?:" + _STATE + r")|(?:" + _PARTY + r")", _X)
_ASSEMBLY = re.compile(
    r"(?P<anum>(?<![0-9])[0-9]{1,6})\s*/\s*(?P<ayear>[0-9]{4})\s*/\s*(?P<aissuer>(?:ubtv)?qh[0-9]{1,2})(?![a-z0-9])", _X
)
_PREFIX = re.compile(r"\s*(?:(?:so|s)\s*[:.]?\s*)?", _X)
_KINDS = (
    "thong tu lien tich",
    "nghi quyet",
    "quyet dinh",
    "ke hoach",
    "thong bao",
    "nghi dinh",
    "thong tu",
    "chi thi",
    "ket luan",
    "phap lenh",
    "cong van",
    "van ban",
    "huong dan",
    "chuong trinh",
    "de an",
    "bao cao",
    "to trinh",
    "quy dinh",
    "quy che",
    "cong dien",
    "luat",
    "lenh",
)
_KIND = r"(?<![a-z])(?P<kind>" + "|".join(k.replace(" ", r"\s+") for k in _KINDS) + r")(?![a-z])"
_KIND_AT = re.compile(_KIND, _X)
_KIND_BEFORE = re.compile(_KIND + r"\s*(?:(?:so|s)\s*[:.]?)?\s*\Z", _X)
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
_WORD = re.compile(r"\s*(?:\([^()\n]{1,40}\)|[^\s,;.()]+)", _X)
_STOP_ONE = frozenset(
    ("ve", "ngay", "theo", "nham", "de", "cho", "doi", "va", "trong", "den", "khi", "gui", "tren", "duoc", "nay", "voi")
)
_KNOWN_BODIES = re.compile(
    r"(?:thu\s+tuong\s+chinh\s+phu|van\s+phong\s+chinh\s+phu|chinh\s+phu|bo\s+chinh\s+tri|ban\s+bi\s+thu"
    r"|(?:uy\s+ban\s+thuong\s+vu\s+|ubtv\s*)?quoc\s+hoi)(?![a-z])(?:\s*\((?:khoa|nhiem\s*ky)[^()\n]{0,20}\))?",
    _X,
)
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
    )
)
_TITLE_END = re.compile(r";|\.(?=\s|\Z)", _X)
_TITLE_TAIL = re.compile(r"(?:[\s,;:]|(?<![a-z])(?:va|hoac|theo)(?![a-z]))+\Z", _X)
_TITLE_MAX = 400
_LAW = re.compile(r"(?<![a-z])luat(?![a-z])\s+(?!so(?![a-z]))", _X)
_LAW_END = re.compile(r"(?<!\s)\s+nam\s+[0-9]{4}(?![0-9])|;|,|\.(?=\s|\Z)|(?<!\s)\s+va\s+|\(", _X)

_TYPE_BY_FOLD: dict[str, list[str]] = {}
for _abbreviation in DOCUMENT_TYPES:
    _TYPE_BY_FOLD.setdefault(fold(_abbreviation), []).append(_abbreviation)
_TYPE_BY_UPPER = {abbreviation.upper(): abbreviation for abbreviation in DOCUMENT_TYPES}

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
_EXPECTED = "a document symbol such as '61/2018/NĐ-CP', '06/KH-UBND', '18-NQ/TW' or '581/BNV-CCHC'"


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


def _is_type(written: str) -> bool:
    return written in DOCUMENT_TYPES or written.upper() in _TYPE_BY_UPPER or bool(_TYPE_BY_FOLD.get(fold(written)))


def _symbol(phrase: Phrase, found: re.Match[str]) -> tuple[DocumentSymbol, int]:
    """The symbol a match holds and the position where it ends (a trailing issuer part may be dropped)."""
    text = phrase.text
    if found["ptype"] is not None:
        doc_type = _doc_type(text[found.start("ptype") : found.end("ptype")])
        issuer = _issuer(text[found.start("pissuer") : found.end("pissuer")])
        number: str | None = found["pnum"]
        year = None
        form = SymbolForm.PARTY
        end = found.end()
    else:
        number = found["num"]
        year = int(found["year"]) if found["year"] else None
        written_type = text[found.start("type") : found.end("type")]
        written_issuer = text[found.start("issuer") : found.end("issuer")]
        issuer = _issuer(written_issuer)
        end = found.start("issuer") + _issuer_span(written_issuer, issuer)
        if year is None and not _is_type(written_type):
            form, doc_type = SymbolForm.LETTER, None
            issuer = _issuer(f"{written_type}-{written_issuer}")
        else:
            form, doc_type = SymbolForm.STATE, _doc_type(written_type)
    if found["ptype"] is not None:
        start = found.start("pnum")
    elif number is not None:
        start = found.start("num")
    else:
        start = phrase.folded.index("/", found.start())
    written = text[start:end].strip()
    symbol = DocumentSymbol(number=number, year=year, doc_type=doc_type, issuer=issuer, form=form)
    if written != str(symbol) and written:
        symbol = DocumentSymbol(number=number, year=year, doc_type=doc_type, issuer=issuer, form=form, text=written)
    return symbol, end


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

    The number keeps its leading zero ("06"); a draft's blank number is
    ``None``. Damaged symbols are read and kept as written in ``text``
    ("29 KL/TU" is ``29-KL/TU``; "ND-CP" is ``NĐ-CP``). Raises
    :class:`~parplan.errors.ParseError` for anything else.

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
    prefix = _PREFIX.match(s, position, end)
    position = prefix.end() if prefix else position
    found = _SYMBOL.match(s, position, end)
    if found is None or found.end() != end:
        assembly = _ASSEMBLY.match(s, position, end)
        if assembly is not None and assembly.end() == end:
            return _assembly_symbol(phrase, assembly)
        far = found.end() if found is not None else position
        raise phrase.error(far, _EXPECTED)
    if found["year"] and not is_year(int(found["year"])):
        raise phrase.error(found.start("year"), YEARS_EXPECTED)
    try:
        symbol, symbol_end = _symbol(phrase, found)
    except InvariantError as error:
        raise phrase.error(found.start(), f"{_EXPECTED} ({error.message})") from None
    if symbol_end < end and phrase.text[symbol_end:end].strip():
        raise phrase.error(symbol_end, "the end of the symbol")
    return symbol


def _date_after(phrase: Phrase, position: int) -> tuple[date | None, int]:
    found = _DATE.match(phrase.folded, position)
    if found is None:
        return None, position
    if found["blank"] is not None:
        return None, found.end()
    try:
        return read_date(found), found.end()
    except Failure:  # not a day (month 13, a year out of bounds): the citation is read without it
        return None, position


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
    about = _ABOUT.match(phrase.folded, position, limit)
    if about is None:
        return None, position
    limit = min(limit, about.end() + _TITLE_MAX)
    end = _TITLE_END.search(phrase.folded, about.end(), limit)
    stop = end.start() if end else limit
    tail = _TITLE_TAIL.search(phrase.folded, about.end(), stop)
    if tail is not None:
        stop = tail.start()
    title = " ".join(phrase.written(about.end(), stop).split())
    if not title:
        return None, position
    return title, stop


def extract_references(text: str) -> list[LegalReference]:
    """Every document a passage cites, in order, each with its citation as written.

    Finds symbols with their kind ("Nghị định số …", also "Quyết định 208/QĐ-UBND"
    and bare "số 18-NQ/TW"), the date ("ngày 23/4/2018", "ngày 23 tháng 4 năm
    2018"; None for a draft's blank), the issuing body ("của Chính phủ") and
    the subject ("về …", up to the next citation or the end of the clause);
    laws cited by name ("Luật Tổ chức Chính quyền địa phương năm 2015") have no
    symbol. Text without diacritics and scanned damage are tolerated.

    >>> [ref] = extract_references("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa.")
    >>> str(ref.symbol), ref.kind, ref.date, ref.issuer_name, ref.title
    ('61/2018/NĐ-CP', 'Nghị định', datetime.date(2018, 4, 23), 'Chính phủ', 'cơ chế một cửa')
    """
    phrase = Phrase(text)
    s = phrase.folded
    found_symbols: list[tuple[int, int, re.Match[str] | None, int]] = []
    for found in _SYMBOL.finditer(s):
        if found["num"] is None and found["ptype"] is None and _so_before(s, found.start()) is None:
            continue
        if found["year"] and not is_year(int(found["year"])):
            continue
        begin = _citation_start(s, found.start())
        found_symbols.append((begin, found.start(), found, found.end()))
    assembly: list[tuple[int, int, re.Match[str] | None, int]] = [
        (_citation_start(s, found.start()), found.start(), found, found.end()) for found in _ASSEMBLY.finditer(s)
    ]
    inside = _Spans((begin, end) for begin, _, _, end in [*found_symbols, *assembly])
    assembly_begins = [begin for begin, _, _, _ in assembly]
    for found in _LAW.finditer(s):
        if inside(found.start()):
            continue
        if not (phrase.text[found.start()].isupper() and phrase.text[found.end() : found.end() + 1].isupper()):
            continue
        named = _named_law_symbol(s, found.end(), assembly_begins)
        if named is not None:  # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": one citation
            _, symbol_start, symbol_match, symbol_end = assembly[named]
            assembly[named] = (found.start(), symbol_start, symbol_match, symbol_end)
            continue
        found_symbols.append((found.start(), found.end(), None, -1))
    found_symbols.extend(assembly)
    found_symbols.sort(key=lambda item: item[0])
    references: list[LegalReference] = []
    for index, (begin, symbol_start, match, symbol_end) in enumerate(found_symbols):
        limit = found_symbols[index + 1][0] if index + 1 < len(found_symbols) else len(s)
        reference = _reference(phrase, (begin, symbol_start, symbol_end, limit), match)
        if reference is not None:
            references.append(reference)
    return references


def _named_law_symbol(s: str, name_start: int, assembly_begins: list[int]) -> int | None:
    """The index of the National Assembly symbol that a law's name runs into ("… số 72/2025/QH15"), if any."""
    index = bisect.bisect_left(assembly_begins, name_start)
    if index == len(assembly_begins):
        return None
    so = assembly_begins[index]
    if so - name_start > 120 or not s.startswith("s", so) or _LAW_END.search(s, name_start, so) is not None:
        return None
    return index


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


def _reference(phrase: Phrase, span: tuple[int, int, int, int], found: re.Match[str] | None) -> LegalReference | None:
    begin, symbol_start, symbol_end, limit = span
    s = phrase.folded
    kind_match = _KIND_AT.match(s, begin, symbol_start)
    kind = " ".join(phrase.text[kind_match.start() : kind_match.end()].split()) if kind_match else None
    symbol: DocumentSymbol | None = None
    if symbol_end < 0:  # a law by name
        end = _LAW_END.search(s, symbol_start, limit)
        stop = limit if end is None else end.end() if end.group().lstrip().startswith("nam") else end.start()
        name = " ".join(phrase.written(symbol_start, stop).rstrip(" ,;:").split())
        written = phrase.written(begin, stop)
        return LegalReference(kind="Luật", title=name or None, text=written) if written else None
    law_name: str | None = None
    if found is not None and found.re is _ASSEMBLY:
        try:
            symbol = _assembly_symbol(phrase, found)
        except ParseError:
            return None
        so = _so_before(s, symbol_start)
        if kind_match is not None and so is not None and so > kind_match.end():
            law_name = " ".join(phrase.written(kind_match.end(), so).split()) or None
    elif found is not None:
        try:
            symbol, symbol_end = _symbol(phrase, found)
        except InvariantError:
            return None
    position = symbol_end
    day, position = _date_after(phrase, position)
    issuer, position = _issuer_name(phrase, position, limit)
    if day is None:
        day, position = _date_after(phrase, position)
    title, position = _title(phrase, position, limit)
    written = phrase.written(begin, position).rstrip(" ,;:")
    return LegalReference(symbol=symbol, kind=kind, date=day, issuer_name=issuer, title=title or law_name, text=written)
