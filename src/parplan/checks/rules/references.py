"""Reference rules (PP4xx): document symbols and the documents a plan cites."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from parplan.checks._text import content_words, number_value
from parplan.checks.context import PlanContext
from parplan.checks.finding import Severity
from parplan.checks.registry import Localized, Report, rule
from parplan.legal import DOCUMENT_TYPES, DocumentSymbol, SymbolForm
from parplan.text.normalize import fold

__all__: list[str] = []

_KNOWN_TYPES = frozenset(fold(abbreviation) for abbreviation in DOCUMENT_TYPES)
"""Type abbreviations, folded: "QD" written without its Đ is still a known type."""

_NORMATIVE_TYPES = frozenset({"nd", "tt", "ttlt", "pl", "l"})
"""Types that are always legal normative documents and so always carry a year (folded)."""

_TYPE_OF_KIND = {fold(names[0]): abbreviation for abbreviation, names in DOCUMENT_TYPES.items()}
"""The type abbreviation each document kind takes: "kế hoạch" → "KH"."""


def _type_name(symbol: DocumentSymbol) -> str:
    doc_type = symbol.doc_type or ""
    for abbreviation, names in DOCUMENT_TYPES.items():
        if fold(abbreviation) == fold(doc_type):
            return names[0]
    return doc_type


@rule(
    "PP401",
    "normative-symbol-without-year",
    Severity.ERROR,
    en="Symbol {symbol!r} of a {kind} has no year: legal normative documents are numbered number/year/TYPE-ISSUER.",
    vi="Ký hiệu {symbol!r} của {kind} thiếu năm ban hành: văn bản quy phạm pháp luật có dạng số/năm/LOẠI-CƠ QUAN.",
)
def normative_symbol_without_year(context: PlanContext, report: Report) -> None:
    """A decree, circular, joint circular, ordinance or law cited without the year in its symbol.

    Legal normative documents carry the year: "61/2018/NĐ-CP". The plan of huyện Mang Yang 2021
    (``examples/mang-yang-2021.json``) cites "Nghị định số 106/NĐ-CP ngày 10/9/2020" (for
    106/2020/NĐ-CP) and xã Sơn Châu 2022 (``examples/son-chau-2022.json``) "Thông tư số
    01/TT-VPCP". Without the year the number is not unique.
    Decisions and resolutions may be individual acts without a year, so only
    the types that are always normative are checked.
    """
    for path, symbol, _ in context.symbols:
        if (
            symbol.form is SymbolForm.STATE
            and symbol.year is None
            and symbol.doc_type is not None
            and fold(symbol.doc_type) in _NORMATIVE_TYPES
        ):
            report(path, symbol=symbol.as_written, kind=_type_name(symbol))


@rule(
    "PP402",
    "unknown-document-type",
    Severity.ERROR,
    en="Symbol {symbol!r} has the document type {doc_type!r}, which is not a type abbreviation of Decree 30/2020.",
    vi="Ký hiệu {symbol!r} có loại văn bản {doc_type!r}, không phải chữ viết tắt tên loại văn bản theo "
    "Nghị định 30/2020.",
)
def unknown_document_type(context: PlanContext, report: Report) -> None:
    """A symbol whose type abbreviation is not one Decree 30/2020/NĐ-CP (or the normative types) knows.

    The plan of xã Sơn Châu 2022 (``examples/son-chau-2022.json``) cites "Thông tư
    số 01/2018/T-VPCP": "T" is not a type; a
    circular is "TT" (01/2018/TT-VPCP). Types written without diacritics
    ("QD" for "QĐ") are accepted.
    """
    for path, symbol, _ in context.symbols:
        doc_type = symbol.doc_type
        if doc_type is not None and fold(doc_type) not in _KNOWN_TYPES:
            report(f"{path}.doc_type", symbol=symbol.as_written, doc_type=doc_type)


_PARTY_HYPHEN = re.compile(r"\s*\d*[a-z]?\s*[-–‑]")


@rule(
    "PP403",
    "party-symbol-without-hyphen",
    Severity.ERROR,
    en="Party document symbol {symbol!r} lacks the hyphen after its number: write {expected!r}.",
    vi="Ký hiệu văn bản của Đảng {symbol!r} thiếu dấu gạch nối sau số: viết là {expected!r}.",
)
def party_symbol_without_hyphen(context: PlanContext, report: Report) -> None:
    """A Party document symbol written without the hyphen between number and type.

    Party documents are numbered "29-KL/TU", "18-NQ/TW"; xã Sơn Châu 2022
    (``examples/son-chau-2022.json``) writes
    "Kết luận số 29 KL/TU". Checked on the symbol as written.
    """
    for path, symbol, _ in context.symbols:
        text = symbol.text
        if symbol.form is SymbolForm.PARTY and text is not None and not _PARTY_HYPHEN.match(text):
            report(path, symbol=text, expected=str(symbol))


@rule(
    "PP404",
    "kind-symbol-mismatch",
    Severity.ERROR,
    en="A {kind} is cited as {symbol!r}, with the type {doc_type}; a {kind} is numbered …/{expected}-….",
    vi="Văn bản loại {kind} được trích dẫn là {symbol!r}, mang loại {doc_type}; {kind} phải có ký hiệu …/{expected}-….",
)
def kind_symbol_mismatch(context: PlanContext, report: Report) -> None:
    """A citation whose document kind and symbol type disagree.

    The plan of huyện Mang Yang 2021 (``examples/mang-yang-2021.json``) cites
    "kế hoạch số           /QĐ-UBND": a plan (kế hoạch) is
    numbered …/KH-…, a decision …/QĐ-…. Either the kind or the symbol is
    wrong. Unknown types are left to PP402.
    """
    for entry in context.references:
        ref = entry.reference
        symbol = ref.symbol
        if ref.kind is None or symbol is None or symbol.doc_type is None:
            continue
        expected = _TYPE_OF_KIND.get(fold(ref.kind))
        actual = fold(symbol.doc_type)
        if expected is not None and actual in _KNOWN_TYPES and fold(expected) != actual:
            report(
                f"{entry.path}.symbol",
                kind=ref.kind,
                symbol=symbol.as_written,
                doc_type=symbol.doc_type,
                expected=expected,
            )


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 1.0
    return len(first & second) / min(len(first), len(second))


@rule(
    "PP405",
    "document-cited-under-two-numbers",
    Severity.WARNING,
    en="{symbol!r} of {date} looks like the document cited as {other!r} at {first}: same type, issuer, "
    "date and subject, another number.",
    vi="{symbol!r} ngày {date} có vẻ là văn bản đã trích dẫn là {other!r} tại {first}: cùng loại, cơ quan "
    "ban hành, ngày và nội dung nhưng khác số.",
)
def document_cited_under_two_numbers(context: PlanContext, report: Report) -> None:
    """One document cited under two numbers.

    Citations with the same type, issuer and date but different numbers,
    whose subjects share at least half their words (``CheckConfig.same_subject``;
    citations without a subject are taken to match), are most likely one
    document with a mistyped number: huyện Mang Yang 2021
    (``examples/mang-yang-2021.json``) cites "Kế hoạch số 113/KH-UBND
    ngày 18/12/2019" and "Kế hoạch số 133/KH-UBND ngày 18/12/2019", both of the
    district's People's Committee, both on ISO 9001:2015.

    Left alone: the documents of one citation ("Căn cứ Quyết định số
    12/QĐ-UBND và số 15/QĐ-UBND ngày 05/01/2021 của UBND huyện về …",
    references marked :attr:`~parplan.LegalReference.with_previous`), which
    are several documents the plan names together, not one document under
    two numbers.
    """
    threshold = float(context.config.same_subject)
    groups: dict[tuple[str, str, date], list[tuple[str, frozenset[str], str, str, int]]] = {}
    for entry in context.references:
        ref = entry.reference
        symbol = ref.symbol
        if symbol is None or symbol.number is None or symbol.doc_type is None or ref.date is None:
            continue
        key = (fold(symbol.doc_type), fold(symbol.issuer), ref.date)
        number = number_value(symbol.number)
        words = frozenset(content_words(ref.title)) if ref.title is not None else frozenset()
        seen = groups.setdefault(key, [])
        clash = next(
            (
                item
                for item in seen
                if item[0] != number and item[4] != entry.citation and _overlap(item[1], words) >= threshold
            ),
            None,
        )
        if clash is not None:
            report(
                f"{entry.path}.symbol",
                symbol=symbol.as_written,
                date=ref.date,
                other=clash[3],
                first=clash[2],
            )
        if all(item[0] != number for item in seen):
            seen.append((number, words, f"{entry.path}.symbol", symbol.as_written, entry.citation))


@rule(
    "PP406",
    "unnumbered-reference",
    Severity.WARNING,
    en="{document} is cited without its number.",
    vi="{document} được trích dẫn mà không có số văn bản.",
)
def unnumbered_reference(context: PlanContext, report: Report) -> None:
    """A cited document whose number is blank.

    Drafts cite documents not yet numbered ("Căn cứ kế hoạch số           /QĐ-UBND
    ngày        /12/2020", huyện Mang Yang 2021, ``examples/mang-yang-2021.json``).
    A citation without a number cannot be
    found; fill it in before the plan is issued.
    """
    for entry in context.references:
        symbol = entry.reference.symbol
        if symbol is not None and symbol.is_blank:
            report(f"{entry.path}.symbol", document=entry.reference.label)


@rule(
    "PP407",
    "symbol-year-mismatch",
    Severity.WARNING,
    en="{document} carries the year {year} in its symbol but is dated {date}.",
    vi="{document} có năm {year} trong ký hiệu nhưng ban hành ngày {date}.",
)
def symbol_year_mismatch(context: PlanContext, report: Report) -> None:
    """A normative document whose symbol's year differs from the year of its date.

    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018": the year in the symbol is
    the year of issue. A mismatch means the number or the date is mistyped.
    """
    for entry in context.references:
        ref = entry.reference
        symbol = ref.symbol
        if symbol is not None and symbol.year is not None and ref.date is not None and symbol.year != ref.date.year:
            report(f"{entry.path}.date", document=ref.label, year=str(symbol.year), date=ref.date)


_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-"})


def _written_form(text: str) -> str:
    """A symbol as written, with spaces dropped, dashes made hyphens and a leading "Số:" removed."""
    core = "".join(text.split()).translate(_DASHES)
    for prefix in ("Số:", "số:", "Số", "số"):
        if core.startswith(prefix) and core[len(prefix) : len(prefix) + 1].isdigit():
            return core[len(prefix) :]
    return core


@rule(
    "PP408",
    "malformed-symbol",
    Severity.ERROR,
    en="Symbol {symbol!r} is malformed or truncated: {detail}; it reads as {expected!r}.",
    vi="Ký hiệu {symbol!r} sai dạng hoặc bị cắt cụt: {detail}; đọc ra là {expected!r}.",
)
def malformed_symbol(context: PlanContext, report: Report) -> None:
    """A document symbol written with a part missing, a separator lost or a wrong separator.

    "1281/-UBND" (the type is missing), "06/KH-" (the issuer is cut off),
    "61/2018/NĐCP" (the hyphen between type and issuer lost),
    "136/2001/QĐ.TTg" (a dot for the hyphen): the symbol as written
    (``DocumentSymbol.text``) is compared with the form its parts give
    (number[/year]/TYPE-ISSUER), spaces, dash styles and a leading "Số:"
    aside. Such a symbol cannot be found as written. Left alone: symbols
    written in their canonical form, those whose only fault is case
    ("101/QĐ-TTG"), a draft's blank number (PP406, PP110), a Party symbol
    that lacks only its hyphen (PP403), and symbols recorded without the
    text as written.
    """
    for path, symbol, _ in context.symbols:
        text = symbol.text
        if text is None or symbol.is_blank:
            continue
        written = _written_form(text)
        canonical = str(symbol)
        if written.casefold() == canonical.casefold():
            continue
        if symbol.form is SymbolForm.PARTY and not _PARTY_HYPHEN.match(text):
            continue
        detail = _malformation(written, symbol)
        report(path, symbol=text, detail=detail, expected=canonical)


def _malformation(written: str, symbol: DocumentSymbol) -> Localized:
    if "/-" in written or written.endswith(("-", "/")) or "//" in written or written.startswith(("/", "-")):
        return Localized(vi="thiếu một phần", en="a part is missing", key="missing-part")
    if len(written) < len(str(symbol)) and not any(ch in written for ch in ".,_"):
        return Localized(vi="thiếu dấu phân cách", en="a separator is missing", key="missing-separator")
    return Localized(vi="dấu phân cách sai", en="a wrong separator", key="wrong-separator")


class _Replaced(NamedTuple):
    """A document a plan may still cite though another replaced it, and what replaced it from when."""

    number: str
    year: int | None
    doc_type: str
    issuer: str
    since: date
    by: str


_REPLACED: tuple[_Replaced, ...] = (
    _Replaced("136", 2001, "QĐ", "TTg", date(2011, 11, 8), "Nghị quyết 30c/NQ-CP ngày 08/11/2011"),
    _Replaced("30c", None, "NQ", "CP", date(2021, 7, 15), "Nghị quyết 76/NQ-CP ngày 15/7/2021"),
    _Replaced("1149", None, "QĐ", "BNV", date(2022, 11, 10), "Quyết định 876/QĐ-BNV ngày 10/11/2022"),
    _Replaced("110", 2004, "NĐ", "CP", date(2020, 3, 5), "Nghị định 30/2020/NĐ-CP ngày 05/3/2020"),
    _Replaced("09", 2010, "NĐ", "CP", date(2020, 3, 5), "Nghị định 30/2020/NĐ-CP ngày 05/3/2020"),
)
"""The replaced documents PP409 knows: the master programmes of state administrative reform 2001–2010
(QĐ 136/2001/QĐ-TTg) and 2011–2020 (NQ 30c/NQ-CP), the index scheme of QĐ 1149/QĐ-BNV, and the decrees
on clerical work that Decree 30/2020/NĐ-CP ended (110/2004/NĐ-CP and 09/2010/NĐ-CP, which amended it)."""


def _replaced(symbol: DocumentSymbol) -> _Replaced | None:
    if symbol.number is None or symbol.doc_type is None:
        return None
    for known in _REPLACED:
        if (
            fold(symbol.number) == fold(known.number)
            and fold(symbol.doc_type) == fold(known.doc_type)
            and fold(symbol.issuer) == fold(known.issuer)
            and symbol.year in {known.year, None}
        ):
            return known
    return None


@rule(
    "PP409",
    "replaced-basis",
    Severity.WARNING,
    en="{symbol!r} was replaced by {by} from {since}; a plan of {issued} rests on the document in force.",
    vi="{symbol!r} đã được thay thế bởi {by} từ ngày {since}; kế hoạch ngày {issued} cần căn cứ văn bản còn hiệu lực.",
)
def replaced_basis(context: PlanContext, report: Report) -> None:
    """A legal basis or implemented document that had been replaced when the plan was issued.

    A plan of 2022 "căn cứ Nghị quyết số 30c/NQ-CP" (the master programme of state
    administrative reform 2011–2020) rests on a programme that Resolution 76/NQ-CP
    replaced on 15 July 2021; likewise the programme of 2001–2010 (QĐ 136/2001/QĐ-TTg)
    after 8 November 2011, the index scheme of QĐ 1149/QĐ-BNV after QĐ 876/QĐ-BNV
    (10 November 2022), and the decrees on clerical work (110/2004/NĐ-CP and its amending
    09/2010/NĐ-CP) after Decree 30/2020/NĐ-CP (5 March 2020). Cite the document in
    force. The plan's date is its date of issue, else the first day of its year or span.
    Left alone: citations that are no basis (the sources of last year's results, the
    adopting act), and plans issued before the replacement.
    """
    plan = context.plan
    issued = plan.issued_on
    if issued is None:
        first_year = plan.year if plan.year is not None else getattr(plan.span, "start_year", None)
        if first_year is None:
            first_year = getattr(plan.span, "from_year", None)
        if first_year is None:
            return
        issued = date(first_year, 1, 1)
    for entry in context.references:
        symbol = entry.reference.symbol
        if not entry.is_basis or symbol is None:
            continue
        known = _replaced(symbol)
        if known is not None and issued >= known.since:
            report(
                f"{entry.path}.symbol",
                symbol=symbol.as_written,
                by=known.by,
                since=known.since.strftime("%d/%m/%Y"),
                issued=issued.strftime("%d/%m/%Y"),
            )
