"""Document symbols ("61/2018/NĐ-CP", "06/KH-UBND", "18-NQ/TW") and legal references.

Decree 30/2020/NĐ-CP fixes the form of a symbol: the number, then for legal
normative documents the year, then the type and issuer abbreviations joined by
a hyphen ("61/2018/NĐ-CP"); individual acts carry no year ("876/QĐ-BNV");
letters (công văn) carry no type ("581/BNV-CCHC"); Party documents put a hyphen
after the number ("18-NQ/TW"). Symbols are kept as written beside the parts read
from them, so malformed ones ("29 KL/TU", "01/2018/T-VPCP") survive for checks.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any

import attrs

from parplan._values import field_name, nfc, nfc_or_none, non_empty_or_none, typed_fields, year_range_or_none
from parplan.errors import NO_VALUE, InvariantError

__all__ = ["DOCUMENT_TYPES", "DocumentSymbol", "LegalReference", "Pinpoint", "SymbolForm"]


class SymbolForm(StrEnum):
    """The three shapes of a document symbol."""

    STATE = "state"
    """``number[/year]/TYPE-ISSUER``: "61/2018/NĐ-CP", "06/KH-UBND"."""
    PARTY = "party"
    """``number-TYPE/ISSUER``: "18-NQ/TW", "29-KL/TU"."""
    LETTER = "letter"
    """``number/ISSUER-UNIT`` with no type: "581/BNV-CCHC"."""
    ASSEMBLY = "assembly"
    """``number/year/ISSUER`` with no type: laws and resolutions of the National Assembly and its
    Standing Committee, "72/2025/QH15", "76/2025/UBTVQH15"."""


DOCUMENT_TYPES: dict[str, tuple[str, str]] = {
    "L": ("Luật", "Law"),
    "PL": ("Pháp lệnh", "Ordinance"),
    "NQ": ("Nghị quyết", "Resolution"),
    "NĐ": ("Nghị định", "Decree"),
    "QĐ": ("Quyết định", "Decision"),
    "CT": ("Chỉ thị", "Directive"),
    "TT": ("Thông tư", "Circular"),
    "TTLT": ("Thông tư liên tịch", "Joint circular"),
    "QC": ("Quy chế", "Regulation"),
    "QyĐ": ("Quy định", "Rules"),
    "TC": ("Thông cáo", "Communiqué"),
    "TB": ("Thông báo", "Notice"),
    "HD": ("Hướng dẫn", "Guidance"),
    "CTr": ("Chương trình", "Programme"),
    "KH": ("Kế hoạch", "Plan"),
    "PA": ("Phương án", "Scheme"),
    "ĐA": ("Đề án", "Project"),
    "DA": ("Dự án", "Investment project"),
    "BC": ("Báo cáo", "Report"),
    "BB": ("Biên bản", "Minutes"),
    "TTr": ("Tờ trình", "Submission"),
    "HĐ": ("Hợp đồng", "Contract"),
    "CĐ": ("Công điện", "Official telegram"),
    "BGN": ("Bản ghi nhớ", "Memorandum"),
    "BTT": ("Bản thỏa thuận", "Agreement"),
    "GUQ": ("Giấy ủy quyền", "Power of attorney"),
    "GM": ("Giấy mời", "Invitation"),
    "GGT": ("Giấy giới thiệu", "Letter of introduction"),
    "GNP": ("Giấy nghỉ phép", "Leave permit"),
    "PG": ("Phiếu gửi", "Dispatch slip"),
    "PC": ("Phiếu chuyển", "Transfer slip"),
    "PB": ("Phiếu báo", "Notification slip"),
    "KL": ("Kết luận", "Conclusion"),
}
"""Document type abbreviations (Decree 30/2020/NĐ-CP, Phụ lục III, plus normative types): vi and en names."""

_FORM_NAMES = {
    SymbolForm.PARTY: "a Party document",
    SymbolForm.LETTER: "a letter (công văn)",
    SymbolForm.ASSEMBLY: "a document of the National Assembly (number/year/QH…)",
}

_NUMBER = re.compile(r"\d{1,6}[a-z]?\Z", re.ASCII)
_ABBREVIATION = re.compile(r"[A-ZĐ][A-Za-zĐđ0-9&]*\Z")
_ISSUER = re.compile(r"[A-ZĐ0-9][A-Za-zĐđ0-9&.]*(?:-[A-Za-zĐđ0-9&.]+)*\Z")


def _check_number(instance: DocumentSymbol, attribute: Any, value: str | None) -> None:
    if value is not None and not _NUMBER.match(value):
        raise InvariantError(
            field_name(instance, attribute), value, "must be digits as written (e.g. '06'), or absent for a blank draft"
        )


def _check_doc_type(instance: DocumentSymbol, attribute: Any, value: str | None) -> None:
    if value is not None and not _ABBREVIATION.match(value):
        raise InvariantError(
            field_name(instance, attribute), value, "must be a type abbreviation such as 'NĐ', 'QĐ' or 'KH'"
        )


def _check_issuer(instance: DocumentSymbol, attribute: Any, value: str) -> None:
    if not _ISSUER.match(value):
        raise InvariantError(
            field_name(instance, attribute), value, "must be an issuer abbreviation such as 'CP', 'UBND' or 'BNV-CCHC'"
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DocumentSymbol:
    """The number and symbol (số, ký hiệu) of a document.

    ``number`` is kept as written ("06", leading zero included) and is ``None``
    for a draft's blank ("Số:            /QĐ-UBND"). ``year`` is present for
    legal normative documents. ``text`` keeps the symbol as written when it
    differs from the canonical ``str(symbol)``.
    """

    number: str | None = attrs.field(default=None, validator=_check_number)
    year: int | None = attrs.field(default=None, validator=year_range_or_none)
    doc_type: str | None = attrs.field(default=None, converter=nfc_or_none, validator=_check_doc_type)
    issuer: str = attrs.field(converter=nfc, validator=_check_issuer)
    form: SymbolForm = SymbolForm.STATE
    text: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        form = self.form
        if form is SymbolForm.LETTER or form is SymbolForm.ASSEMBLY:
            if self.doc_type is not None:
                raise InvariantError(
                    "DocumentSymbol.doc_type", self.doc_type, f"must be absent for {_FORM_NAMES[form]}"
                )
        elif self.doc_type is None:
            raise InvariantError("DocumentSymbol.doc_type", None, f"is required for a {form.value} document")
        if form is SymbolForm.ASSEMBLY:
            if self.year is None:
                raise InvariantError("DocumentSymbol.year", None, f"is required for {_FORM_NAMES[form]}")
        elif self.year is not None and form is not SymbolForm.STATE:
            raise InvariantError("DocumentSymbol.year", self.year, f"must be absent for {_FORM_NAMES[form]}")

    def __str__(self) -> str:
        number = self.number or ""
        if self.form is SymbolForm.PARTY:
            return f"{number}-{self.doc_type}/{self.issuer}"
        if self.form is SymbolForm.LETTER:
            return f"{number}/{self.issuer}"
        if self.form is SymbolForm.ASSEMBLY:
            return f"{number}/{self.year}/{self.issuer}"
        year = f"{self.year}/" if self.year is not None else ""
        return f"{number}/{year}{self.doc_type}-{self.issuer}"

    @property
    def is_blank(self) -> bool:
        """True for a draft whose number is not filled in yet."""
        return self.number is None

    @property
    def is_normative(self) -> bool:
        """True when the symbol carries a year (a legal normative document)."""
        return self.year is not None

    @property
    def type_name(self) -> str | None:
        """Vietnamese name of the document type ("Nghị định"), when known."""
        if self.doc_type is None:
            return "Công văn" if self.form is SymbolForm.LETTER else None
        entry = DOCUMENT_TYPES.get(self.doc_type)
        return entry[0] if entry else None

    @property
    def as_written(self) -> str:
        """The symbol as the document wrote it (``text``), else the canonical form."""
        return self.text if self.text is not None else str(self)


def _part() -> Any:
    return attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Pinpoint:
    """The part of a document a citation points at: "khoản 2 Điều 3", "điểm a khoản 1 Điều 5", "Mục II".

    Each part is kept as written ("3", "2", "a", "II"); ``text`` is the
    pinpoint as written.
    """

    article: str | None = _part()
    """Điều."""
    clause: str | None = _part()
    """Khoản."""
    point: str | None = _part()
    """Điểm."""
    section: str | None = _part()
    """Mục, Phần or Chương."""
    text: str | None = _part()

    def __attrs_post_init__(self) -> None:
        if self.article is None and self.clause is None and self.point is None and self.section is None:
            raise InvariantError("Pinpoint", NO_VALUE, "needs an article, a clause, a point or a section")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LegalReference:
    """A document a plan cites: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về …".

    ``kind`` is the document type as written ("Nghị định", "Kế hoạch"),
    ``issuer_name`` the body as written ("Chính phủ", "UBND tỉnh"), ``title``
    the subject ("về thực hiện cơ chế một cửa …") and ``text`` the whole
    citation as written. Laws cited by name alone have no symbol.
    ``pinpoint`` is the part of the document cited ("khoản 2 Điều 3").

    One citation may name several documents ("Quyết định số 12/QĐ-UBND và số
    15/QĐ-UBND ngày …"): each is a reference of its own, and every one after
    the first has ``with_previous`` set, so that they are shown as the plan
    wrote them and counted as the documents they are.
    """

    symbol: DocumentSymbol | None = None
    kind: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    date: dt.date | None = None
    issuer_name: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    title: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)
    pinpoint: Pinpoint | None = None
    with_previous: bool = False
    text: str | None = attrs.field(default=None, converter=nfc_or_none, validator=non_empty_or_none)

    def __attrs_post_init__(self) -> None:
        if self.symbol is None and self.title is None and self.text is None:
            raise InvariantError("LegalReference", NO_VALUE, "needs a symbol, a title or the text as written")

    @property
    def label(self) -> str:
        """A short citation: kind and symbol, else the title or text."""
        if self.symbol is not None:
            return f"{self.kind} số {self.symbol.as_written}" if self.kind else self.symbol.as_written
        return self.title or self.text or ""
