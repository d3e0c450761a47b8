"""A plan document read into a typed draft: :func:`read_source`, :func:`read_text`.

The reader works from the conventions of Decree 30/2020/NĐ-CP and the ways real
plans vary (see ``docs/reading.md``): the head (masthead, kind, title), the
preamble of legal bases, the sections with the plan's own numbering, the items
under them, the appendix tables, the closing sentence, the recipients and the
signature. Every field it fills gets a :class:`~parplan.source.FieldSource` in
``plan.sources``; what it cannot place is returned as unplaced lines; what it
doubts is said, never guessed away.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from parplan.areas import ReformArea
from parplan.errors import InvariantError, ParseError
from parplan.legal import DocumentSymbol, LegalReference, SymbolForm
from parplan.org import (
    AdminUnit,
    JointParty,
    Official,
    Organisation,
    OrgKind,
    Party,
    Responsibility,
    SingleParty,
    UnitKind,
)
from parplan.plan import (
    Budget,
    IndexResult,
    Masthead,
    Objective,
    Plan,
    PlanKind,
    ReportingLine,
    ReportingObligation,
    Section,
    SectionKind,
    Signature,
    Task,
)
from parplan.read.aligned import aligned_table
from parplan.read.columns import rebuild
from parplan.read.confidence import (
    DocumentSigns,
    apply_document_factor,
    apply_field_signals,
    count_lead_words,
    document_factor,
)
from parplan.read.conventions import given_sentence, passive_doer
from parplan.read.layout import (
    UNIT_WORDS,
    Head,
    Tail,
    find_kind_line,
    is_tail_start,
    read_head,
    read_tail,
    title_case,
    unit_from_words,
)
from parplan.read.lines import Block, Grid, GridCell, Para, TextLine, blocks, clean_lines
from parplan.read.parties import (
    Assignment,
    lead_of,
    parse_parties,
    party,
    read_assignment,
    starts_party,
    subject_lead,
    subject_party,
)
from parplan.read.reading import Reading, UnplacedLine
from parplan.read.source import DocumentFormat, SourceDocument
from parplan.source import Certainty, FieldSource, SourceLocation
from parplan.text import extract_references, extract_targets, match_area, parse_document_symbol, read_timeframe
from parplan.text import fold as _fold_text
from parplan.text.normalize import fold_aligned, repair_ocr
from parplan.timeframes import OpenEnded, Span, Timeframe

fold = functools.lru_cache(maxsize=8192)(_fold_text)

__all__ = ["read_source", "read_text"]

# Confidence of each kind of reading before the parsers' own doubts; calibrated on the labelled
# documents of tests/documents (see docs/reading.md, "How sure the reader is").
_CONFIDENCE: Final = {
    "masthead": Decimal("0.97"),
    "inferred": Decimal("0.7"),
    "title": Decimal("0.95"),
    "item": Decimal("0.93"),
    "paragraph": Decimal("0.8"),
    "row": Decimal("0.96"),
    "cell": Decimal("0.96"),
    "rebuilt": Decimal("0.7"),  # a cell of a table rebuilt from columns of PDF text: often cut wrong
    "assignment": Decimal("0.9"),
    "subject": Decimal("0.75"),
    "signature": Decimal("0.95"),
    "reference": Decimal("0.9"),
}
_SCAN_PENALTY: Final = Decimal("0.8")
_SUBJECT_TITLE: Final = Decimal("0.9")
"""The factor on the title of an item that opens with its lead ("Phòng Tư pháp tham mưu …")."""


@attrs.define
class _Node:
    style: str
    label: str | None
    text: str
    para: Para | None
    parent: _Node | None = None
    children: list[_Node] = attrs.Factory(list)
    id: str | None = None
    zone: str | None = None
    is_section: bool = False
    section_index: int | None = None
    grid: Grid | None = None
    lead: SingleParty | None = None  # the body a heading or an item names, for the items under it


_MARK: Final = re.compile(
    r"""^\s*(?:
      (?P<phan>(?:Phần|PHẦN)\s+(?P<phann>thứ\s+\w+|THỨ\s+\w+|[IVX]+|\d+))\s*[.:]?\s*
     |(?P<dieu>Điều\s+(?P<dieun>\d+))\s*[.:]\s*
     |(?:[-–]\s*)?(?P<crit>(?:Tiêu\s+chí\s+thành\s+phần|Tiêu\s+chí|TCTP|TC)\s+(?P<code>\d+(?:\.\d+)*))\s*[.:]?\s*
     |(?P<lv>Lĩnh\s+vực\s+(?P<lvn>\d+))\s*[.:]\s*
     |(?P<roman>[IVX]{1,5})\s*[.:)]\s*(?=\S)
     |(?P<roman2>[IVX]{1,5})\s+(?=[A-ZĐÀ-Ỹ]{2})
     |(?P<dec>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[):]?\s+
     |(?P<num>\d{1,2})\s*[.)]\s+(?=\S)
     |(?P<letter>[a-zđ])\s*\)\s*
     |(?P<plus>(?:[-–]\s*)?\+)\s*
     |(?P<dash>[-–—•*·▪●◦➢Ø\uf000-\uf0ff])\s+  # Word's Symbol-font bullets come out as private-use characters
    )""",
    re.VERBOSE,
)
_ROMAN: Final = {"I": 1, "V": 5, "X": 10, "L": 50}
_ORDINALS: Final = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6}


def _roman(text: str) -> int:
    total = 0
    previous = 0
    for ch in reversed(text.upper()):
        value = _ROMAN.get(ch, 0)
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _marker(text: str) -> tuple[str, str | None, str]:
    """The numbering style, the label as written and the text after the mark."""
    found = _MARK.match(text)
    if not found:
        return "text", None, text.strip()
    rest = text[found.end() :].strip()
    for style in ("phan", "dieu", "crit", "lv", "roman", "roman2", "dec", "num", "letter", "plus", "dash"):
        value = found.group(style)
        if value is None:
            continue
        if style == "phan":
            raw = found["phann"]
            folded = fold(raw).replace("thu ", "")
            number = _ORDINALS.get(folded) or (int(raw) if raw.isdigit() else _roman(raw))
            return "phan", f"P{number}", rest
        if style == "dieu":
            return "dieu", found["dieun"], rest
        if style == "crit":
            code = found["code"]
            return f"crit{code.count('.')}", code, rest
        if style == "lv":
            return "lv", found["lvn"], rest
        if style in {"roman", "roman2"}:
            return "roman", value, rest
        if style == "dec":
            return f"dec{value.count('.')}", value, rest
        return style, value, rest
    return "text", None, text.strip()  # pragma: no cover - every alternative has a group


_ZONES: Final = (
    ("can cu phap ly", "legal"),
    ("muc dich", "purposes"),
    ("yeu cau", "requirements"),
    ("muc tieu", "objectives"),
    ("chi tieu", "objectives"),
    ("kinh phi", "funding"),
    ("che do bao cao", "reporting"),
    ("to chuc thuc hien", "tasks"),
    ("nhiem vu", "tasks"),
    ("giai phap", "tasks"),
    ("phan cong", "tasks"),
    ("trach nhiem", "tasks"),
    ("hinh thuc", "tasks"),
    ("phuong huong", "tasks"),
    ("ket qua", "results"),
    ("danh gia", "results"),
    ("ton tai", "results"),
    ("han che", "results"),
    ("de xuat", "other"),
    ("kien nghi", "other"),
    ("noi dung", "other"),
    ("doi tuong", "other"),
    ("thoi gian", "other"),
    ("thanh phan", "other"),
    ("don vi duoc", "other"),
)


def _zone_of_heading(heading: str) -> tuple[str | None, bool]:
    """The kind of content under a heading, and whether its words say so (not just an area's name)."""
    folded = fold(heading)
    if "nhiem vu" in folded or "giai phap" in folded or ("khac phuc" in folded and "ket qua" not in folded):
        return "tasks", True
    if "muc dich" in folded and "yeu cau" in folded:
        return "purposes", True
    for key, zone in _ZONES:
        if key in folded:
            return zone, True
    if match_area(heading) is not None:
        return "tasks", False
    return None, False


_HEADING_STYLES: Final = frozenset({"phan", "dieu", "lv", "roman", "num", "letter", "dec1", "dec2", "dec3"})
_APPENDIX_POINTER: Final = re.compile(
    r"^\(?(?:[^()]{0,80}\s)?(?:co|theo|tai) phu luc(?: chi tiet)? kem theo(?: ke hoach nay)?\)?\.?\)?$"
)
""""(Có Phụ lục chi tiết kèm theo)", "Các nhiệm vụ … có Phụ lục chi tiết kèm theo.": a pointer, not a task."""
_FUNDING_SENTENCE: Final = re.compile(
    r"^kinh phi\b[^;]{0,60}?\b(?:duoc bo tri|bo tri|duoc dam bao|dam bao|bao dam|tu nguon|trong du toan|do ngan sach)"
)
_CLOSING: Final = re.compile(r"tren day la|trong qua trinh (?:trien khai )?thuc hien,? neu|kho khan,? vuong mac")
_APPENDIX: Final = re.compile(r"^\s*(?:\*|#)*\s*PH[ỤU]\s*L[ỤU]C\b", re.IGNORECASE)
_RESULT_SCORE: Final = re.compile(r"(?P<score>[0-9]{1,3}(?:,[0-9]{1,2})?)\s*(?:điểm|%)")
_RESULT_RANK: Final = re.compile(r"x[ếe]p\s+(?:th[ứu]|h[ạa]ng)\s+(?P<rank>[0-9]{1,3})\s*/\s*(?P<of>[0-9]{1,3})")
_RESULT_CHANGE: Final = re.compile(r"(?P<dir>tăng|giảm)\s+(?P<n>[0-9]{1,2})\s+(?:hạng|bậc)")
_YEAR: Final = re.compile(r"(?<![0-9/])(?:19|20)[0-9]{2}(?![0-9])")
_SPAN: Final = re.compile(
    r"(?:giai đoạn|nhiệm kỳ)\s+(?P<a>(?:19|20)[0-9]{2})\s*[-–]\s*(?P<b>(?:19|20)[0-9]{2})", re.IGNORECASE
)
_OPEN: Final = re.compile(r"năm\s+(?P<y>(?:19|20)[0-9]{2})\s+và\s+(?:những|các)\s+năm\s+tiếp\s+theo", re.IGNORECASE)
_UNIT_IN_TEXT: Final = re.compile(
    r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|ỦY BAN NHÂN DÂN|[UỦ]y ban nh[âa]n d[âa]n)\s+"
    r"(?P<unit>(?:xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh|XÃ|PHƯỜNG|HUYỆN|TỈNH"
    r"|xa|ph[uư]\S{0,2}ng|th[iị] tr[âấa]n|th[iị] x[aã]|huy[eéệ]n|t[iỉ]nh)"  # the kind as a scan leaves it
    r"\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"
)
_PARENT_IN_TEXT: Final = re.compile(
    r"(?:UBND|Ủy ban nhân dân)\s+(?P<unit>(?:huyện|quận|thị xã|tỉnh|thành phố)\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"  # noqa: E501
)


@attrs.define
class _Builder:
    """Collects the plan's fields and their sources while the document is read."""

    file: str | None
    penalty: Decimal
    ocr: dict[int, int] = attrs.Factory(dict)  # line number -> the OCR engine's confidence in it (0..100), scans
    ocr_cells: dict[tuple[str, str | None, str | None], int] = attrs.Factory(dict)  # (table, row, column), scans
    sources: list[FieldSource] = attrs.Factory(list)
    doubts: list[str] = attrs.Factory(list)
    unplaced: list[UnplacedLine] = attrs.Factory(list)

    def source(  # noqa: PLR0913 - the parts of one source
        self,
        path: str,
        origin: SourceLocation | None,
        *,
        written: str | None = None,
        kind: str = "item",
        certainty: Certainty = Certainty.STATED,
        factor: float = 1.0,
        doubts: Iterable[str] = (),
    ) -> None:
        doubts = tuple(doubts)
        confidence = _CONFIDENCE[kind] * self.penalty * Decimal(str(round(factor, 4)))
        if self.ocr and origin is not None and origin.line is not None:
            # a field is as sure as the least sure line it was read from
            seen = [self.ocr[n] for n in range(origin.line, (origin.line_end or origin.line) + 1) if n in self.ocr]
            if seen:
                confidence *= Decimal(min(seen)) / 100
        elif self.ocr_cells and origin is not None and origin.table is not None:
            # a cell of a table rebuilt from a scan: as sure as its words (a row: its least sure cell)
            cell = self.ocr_cells.get((origin.table, origin.row, origin.column))
            if cell is not None:
                confidence *= Decimal(cell) / 100
        if doubts:
            confidence *= Decimal("0.8")
        if certainty is Certainty.UNCERTAIN:
            confidence = min(confidence, Decimal("0.6"))
        if origin is not None and self.file is not None and origin.file is None:
            origin = _in_file(origin, self.file)
        self.sources.append(
            FieldSource(
                path=path,
                origin=origin,
                written=written or None,
                certainty=certainty,
                confidence=min(Decimal(1), confidence).quantize(Decimal("0.001")),
                doubts=doubts,
            )
        )

    def place(self, para: Para) -> None:
        self.unplaced.append(UnplacedLine(text=para.text, origin=para.origin(self.file)))


def _line_origin(number: int | None, end: int | None = None, page: int | None = None) -> SourceLocation | None:
    if number is None:
        return None
    return SourceLocation(line=number, line_end=end if end and end > number else None, page=page)


@functools.lru_cache(maxsize=4096)
def _in_file(origin: SourceLocation, file: str) -> SourceLocation:
    """``origin`` in ``file``: several fields cite the same place, which is built once."""
    return attrs.evolve(origin, file=file)


def _timeframe(text: str, year: int | None) -> tuple[Timeframe | None, float, tuple[str, ...]]:
    cleaned = text.strip().rstrip(".;").strip()
    if not cleaned:
        return None, 1.0, ()
    try:
        reading = read_timeframe(cleaned, year=year)
    except ParseError as error:
        return None, 0.0, (f"the time {cleaned!r} could not be read: {error}",)
    except InvariantError as error:
        return None, 0.0, (f"the time {cleaned!r} could not be read: {error}",)
    notes = tuple(f"timeframe: {flag.value}" for flag in reading.flags) + tuple(reading.notes)
    return reading.value, reading.confidence, notes


# -- head --------------------------------------------------------------------------------------


def _symbol(text: str | None) -> tuple[DocumentSymbol | None, tuple[str, ...]]:
    if not text:
        return None, ()
    try:
        return parse_document_symbol(text), ()
    except (ParseError, InvariantError) as error:
        return None, (f"the number {text!r} could not be read: {error}",)


_KIND_NAMES: Final = {"KH": ("Kế hoạch", "KH"), "QD": ("Quyết định", "QĐ"), "BC": ("Báo cáo", "BC")}


def _scanned_type(
    symbol: DocumentSymbol | None, doubts: tuple[str, ...], text: str | None, kind: str | None
) -> tuple[DocumentSymbol | None, tuple[str, ...]]:
    """A scanned number whose type OCR damaged ("30/QB-SNV" on a decision) read with the document's own type.

    The number then reads as a letter's ("QB" taken for an issuer); read as the document's kind cites it,
    the damaged type is repaired only when it is one confusion away from the kind's own ("QB" for "QĐ").
    """
    if symbol is None or symbol.form is not SymbolForm.LETTER or kind not in _KIND_NAMES or not text:
        return symbol, doubts
    name, doc_type = _KIND_NAMES[kind]
    refs = _safe_refs(f"{name} số {text}")
    found = refs[0].symbol if len(refs) == 1 else None
    if found is None or found.form is not SymbolForm.STATE or found.doc_type != doc_type:
        return symbol, doubts
    return found, (*doubts, f"the number {text!r} was read as {str(found)!r}: a scan damaged its type")


def _issuer_and_unit(
    lines: Sequence[str],
) -> tuple[str | None, tuple[UnitKind, str | None] | None, str | None, OrgKind]:
    """The issuer's name, its unit, the parent line and the kind of body, from the masthead's left column."""
    if not lines:
        return None, None, None, OrgKind.PEOPLES_COMMITTEE
    lines = _committee_pair(_split_run_together(lines))
    folded = [fold(line) for line in lines]
    parent = None
    body_lines = list(lines)
    # a parent line above a body of its own ("UBND TỈNH …" over "SỞ …"; "UBND QUẬN …" over "UBND PHƯỜNG …")
    if len(lines) >= 2 and (
        folded[0].startswith(("ubnd ", "uy ban nhan dan "))
        and folded[0] not in {"ubnd", "uy ban nhan dan"}
        and not (_unit_unnamed(lines[0]) and not folded[1].startswith(_BODY_START))
    ):  # but "ỦY BAN NHÂN DÂN HUYỆN" over "PHÙ NINH" is one name wrapped, not a parent over its body
        parent = lines[0]
        body_lines = list(lines[1:])
    elif (
        len(lines) >= 2
        and folded[0].startswith(_BODY_START)
        and _unit_in_parent(lines[0]) is not None
        and folded[1].startswith(_UNDER_BODY)
    ):  # "VĂN PHÒNG UBND TỈNH X" or "SỞ Y TỈNH X" over "TRUNG TÂM …": a body under its parent body
        parent = lines[0]
        body_lines = list(lines[1:])
        joined = " ".join(body_lines)
        category = OrgKind.PUBLIC_SERVICE_UNIT if fold(joined).startswith("trung tam") else OrgKind.OFFICE
        return _department_name(joined), _unit_in_parent(parent), parent, category
    joined = " ".join(body_lines)
    folded_joined = fold(joined)
    kind = OrgKind.PEOPLES_COMMITTEE
    unit = None
    for prefix in ("uy ban nhan dan", "ubnd"):
        if folded_joined.startswith(prefix):
            size = len(prefix.split())
            rest = joined.split(maxsplit=size)
            remainder = rest[size] if len(rest) > size else ""
            unit = unit_from_words(remainder) if remainder else None
            name = f"Ủy ban nhân dân {_unit_words(unit)}".strip() if unit else "Ủy ban nhân dân"
            return name, unit, parent, kind
    public = _public_unit_under_parent(body_lines)
    if public is not None:
        return public[0], None, public[1], OrgKind.PUBLIC_SERVICE_UNIT
    if folded_joined.startswith(("so ", "ban ", "van phong", "phong ")):
        kind = OrgKind.DEPARTMENT if folded_joined.startswith(("so ", "ban ")) else OrgKind.OFFICE
        # "SỞ CÔNG THƯƠNG TỈNH LAI CHÂU" on its own: the body names its unit
        parent_unit = unit_from_words(_after_committee(parent)) if parent else _unit_in_parent(joined)
        name = joined[:1] + joined[1:].lower() if joined.isupper() else joined
        name = _department_name(joined)
        return name, parent_unit, parent, kind
    return title_case(joined), None, parent, OrgKind.OTHER


_PUBLIC_UNIT_START: Final = ("benh vien", "truong ", "trung tam y te", "trung tam ", "vien ", "tram y te")


def _public_unit_under_parent(lines: Sequence[str]) -> tuple[str, str] | None:
    """A public service unit under the department it belongs to ("SỞ Y TẾ …" over "BỆNH VIỆN …"): it, its parent.

    A hospital's or a school's masthead names its managing department first and itself below;
    the issuer is the unit, the department only its parent. The name is title-cased here; the
    reader then takes it as the text writes it, when it does (:func:`_as_written`).

    >>> _public_unit_under_parent(["PHÒNG GDĐT ĐỨC TRỌNG", "TRƯỜNG THCS CHU VĂN AN"])
    ('Trường Thcs Chu Văn An', 'PHÒNG GDĐT ĐỨC TRỌNG')
    >>> _public_unit_under_parent(["UBND HUYỆN A", "PHÒNG NỘI VỤ"]) is None
    True
    """
    if len(lines) < 2:
        return None
    for index in range(1, len(lines)):
        if fold(lines[index]).startswith(_PUBLIC_UNIT_START) and fold(lines[0]).startswith(
            ("so ", "phong ", "bo ", "ubnd", "uy ban")
        ):
            parent = " ".join(lines[:index])
            return title_case(" ".join(lines[index:])), parent
    return None


def _without_footnote_marks(text: str) -> str:
    """A paragraph without Word's footnote marks glued to its words ("… của Sở Y tế[3].").

    >>> _without_footnote_marks("Rà soát theo hướng dẫn của Sở Y tế[3].")
    'Rà soát theo hướng dẫn của Sở Y tế.'
    >>> _without_footnote_marks("Điểm [3] của mẫu")
    'Điểm [3] của mẫu'
    """
    return re.sub(r"(?<=[^\s\[])\[[0-9]{1,2}\](?=[\s.,;:)]|$)", "", text)


def _as_written(name: str, texts: Iterable[str]) -> str:
    """``name`` as the text writes it in lower and upper case ("Trường THCS Chu Văn An"), else as it is."""
    key = fold(name)
    for text in texts:
        folded = fold(text)
        at = folded.find(key)
        if at >= 0 and len(folded) == len(text) and (at == 0 or not folded[at - 1].isalnum()):
            written = text[at : at + len(key)]
            if written[:1].isupper():
                return written
    return name


def _unit_after_issuer(issuer: str, texts: Iterable[str]) -> tuple[UnitKind, str | None] | None:
    """The unit the text writes after the issuer's name ("Bệnh viện Y dược cổ truyền tỉnh Hà Nam xây dựng …")."""
    after = re.compile(
        re.escape(fold(issuer)) + r"\s+(?P<unit>(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+\S+(?:\s+\S+)?)"
    )
    for text in texts:
        found = after.search(fold(text))
        if found is None:
            continue
        start, end = found.span("unit")
        words = text[start:end] if len(fold(text)) == len(text) else found["unit"]
        unit = unit_from_words(" ".join(w for w in words.split() if w[:1].isupper() or w == words.split()[0]))
        if unit is not None:
            return unit
    return None


_BODY_START: Final = ("so ", "ban ", "van phong", "phong ", "ubnd", "uy ban", "thanh tra", "chi cuc")
_UNDER_BODY: Final = ("trung tam ", "chi cuc ", "phong ", "van phong ", "thanh tra ", "ban quan ly ")
"""How the second masthead line of a body under a parent body starts ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")."""
_PARENT_UNIT: Final = re.compile(r"\b(?:tinh|thanh pho|huyen|quan|thi xa)\s+\S")


def _unit_in_parent(line: str) -> tuple[UnitKind, str | None] | None:
    """The named unit at the end of a parent body's line: "VĂN PHÒNG UBND TỈNH HÀ GIANG" -> province Hà Giang.

    >>> _unit_in_parent("VĂN PHÒNG UBND TỈNH HÀ GIANG")
    (<UnitKind.PROVINCE: 'tinh'>, 'Hà Giang')
    >>> _unit_in_parent("VĂN PHÒNG HĐND VÀ UBND") is None
    True
    """
    folded = fold_aligned(line)
    found = None
    for found in _PARENT_UNIT.finditer(folded):  # noqa: B007 - the last one names the unit
        pass
    if found is None:
        return None
    unit = unit_from_words(line[found.start() :])
    return unit if unit is not None and unit[1] is not None else None


_RUN_TOGETHER: Final = re.compile(
    r"^(?P<parent>(?:UBND|ỦY BAN NHÂN DÂN)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)(?:\s+[A-ZĐÀ-Ỹ]+){1,3}?)"
    r"\s+(?P<body>(?:SỞ|BAN|VĂN PHÒNG|PHÒNG|CHI CỤC|THANH TRA)(?:\s+[A-ZĐÀ-Ỹ&-]+){1,8})$"
)


def _committee_pair(lines: list[str]) -> list[str]:
    """Of several committees' lines (a portal's name, then the masthead's parent and issuer), the issuer and its parent.

    The issuer is the committee of the lowest unit; its parent the committee of a higher unit written above it.

    >>> _committee_pair(["UBND PHƯỜNG AN HÒA - QUẬN NINH KIỀU", "ỦY BAN NHÂN DÂN QUẬN NINH KIỀU",
    ...                  "ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA"])
    ['ỦY BAN NHÂN DÂN QUẬN NINH KIỀU', 'ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA']
    >>> _committee_pair(["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"])
    ['ỦY BAN NHÂN DÂN', 'XÃ TÂN LẬP']
    """
    if len(lines) < 3:
        return lines
    committees: list[tuple[int, UnitKind]] = []
    for index, line in enumerate(lines):
        if not fold(line).startswith(("ubnd ", "uy ban nhan dan ")):
            continue
        unit = unit_from_words(_after_committee(line).split(" - ")[0])
        if unit is not None and unit[1] is not None:
            committees.append((index, unit[0]))
    if len(committees) < 2:
        return lines
    lowest = max(committees, key=lambda pair: (pair[1].level.rank, pair[0]))
    above = [pair for pair in committees if pair[0] < lowest[0] and pair[1].level.rank < lowest[1].level.rank]
    if not above:
        return [lines[lowest[0]]]
    return [lines[above[-1][0]], lines[lowest[0]]]


def _split_run_together(lines: Sequence[str]) -> list[str]:
    """A masthead's parent and body on one line ("UBND TỈNH BÌNH PHƯỚC SỞ NỘI VỤ"), as two lines.

    >>> _split_run_together(["UBND TỈNH BÌNH PHƯỚC SỞ NỘI VỤ"])
    ['UBND TỈNH BÌNH PHƯỚC', 'SỞ NỘI VỤ']
    >>> _split_run_together(["ỦY BAN NHÂN DÂN XÃ PHONG THẠNH"])
    ['ỦY BAN NHÂN DÂN XÃ PHONG THẠNH']
    """
    if len(lines) != 1:
        return list(lines)
    found = _RUN_TOGETHER.match(" ".join(lines[0].split()))
    if found is None:
        return list(lines)
    return [found["parent"], found["body"]]


def _unit_unnamed(line: str) -> bool:
    """True when a committee's line ends with the kind of its unit and no name ("ỦY BAN NHÂN DÂN HUYỆN")."""
    words = line.split()
    size = 4 if fold(line).startswith("uy ban nhan dan") else 1
    unit = unit_from_words(" ".join(words[size:])) if len(words) > size else None
    return unit is not None and unit[1] is None


def _department_name(text: str) -> str:
    words = text.split()
    if not text.isupper():
        return text
    first = words[0][:1] + words[0][1:].lower()
    rest = [w[:1] + w[1:].lower() for w in words[1:]]
    return " ".join([first, *rest])


def _unit_words(unit: tuple[UnitKind, str | None] | None) -> str:
    if unit is None:
        return ""
    kind, name = unit
    return kind.title_vi if name is None else f"{kind.title_vi} {name}"


def _plan_span(title: str) -> tuple[int | None, Span | OpenEnded | None]:
    opened = _OPEN.search(title)
    if opened:
        return None, OpenEnded(from_year=int(opened["y"]), text=opened.group(0))
    span = _SPAN.search(title)
    if span and int(span["a"]) < int(span["b"]):
        return None, Span(start_year=int(span["a"]), end_year=int(span["b"]), text=span.group(0))
    years = [int(y) for y in _YEAR.findall(title)]
    return (max(years) if years else None), None


def _plan_kind(title: str, kind: str | None) -> PlanKind:
    folded = fold(title)
    if "khac phuc" in folded:
        return PlanKind.REMEDIAL
    if kind == "CTR" or "giai doan" in folded:
        return PlanKind.PROGRAMME
    if any(
        word in folded for word in ("tuyen truyen", "kiem tra", "nang cao chi so", "sipas", "hai long", "kiem soat")
    ):
        return PlanKind.THEMATIC
    if kind == "BC":
        return PlanKind.OTHER
    return PlanKind.ANNUAL


# -- the reader --------------------------------------------------------------------------------


@attrs.define
class _Reader:
    document: SourceDocument
    build: _Builder
    year: int | None = None
    sections: list[Section] = attrs.Factory(list)
    section_nodes: list[_Node] = attrs.Factory(list)
    tasks: list[Task] = attrs.Factory(list)
    task_ids: set[str] = attrs.Factory(set)
    objectives: list[Objective] = attrs.Factory(list)
    purposes: list[str] = attrs.Factory(list)
    requirements: list[str] = attrs.Factory(list)
    funding: list[str] = attrs.Factory(list)
    legal_bases: list[LegalReference] = attrs.Factory(list)
    implements: list[LegalReference] = attrs.Factory(list)
    results: list[IndexResult] = attrs.Factory(list)
    reporting: list[ReportingLine] = attrs.Factory(list)
    obligations: list[ReportingObligation] = attrs.Factory(list)
    closing: str | None = None
    closing_origin: SourceLocation | None = None
    preamble: list[Para] = attrs.Factory(list)
    body_text: list[str] = attrs.Factory(list)
    used_cells: set[tuple[str | None, str | None]] = attrs.Factory(set)
    remedy_parent: _Node | None = None
    cross_references: list[tuple[_Node, SingleParty, list[str]]] = attrs.Factory(list)

    # -- tasks ----------------------------------------------------------------------------------

    def _unique(self, wanted: str) -> str:
        ident = re.sub(r"[^A-Za-z0-9._:/-]", "-", wanted.replace("đ", "dd").replace("Đ", "DD")).strip("-.") or "t"
        if not ident[0].isalnum():
            ident = f"t{ident}"
        candidate = ident
        count = 2
        while candidate in self.task_ids:
            candidate = f"{ident}-{count}"
            count += 1
        self.task_ids.add(candidate)
        return candidate

    def add_task(  # noqa: PLR0913 - the parts of one task
        self,
        *,
        wanted_id: str,
        title: str,
        origin: SourceLocation,
        kind: str,
        section: _Node | None,
        area: ReformArea | None,
        responsibility: Responsibility | None = None,
        responsibility_origin: SourceLocation | None = None,
        responsibility_kind: str = "assignment",
        timeframe_text: str | None = None,
        timeframe_origin: SourceLocation | None = None,
        timeframe_kind: str = "assignment",
        outputs: Sequence[str] = (),
        outputs_origin: SourceLocation | None = None,
        partners_origin: SourceLocation | None = None,
        budget: Budget | None = None,
        budget_origin: SourceLocation | None = None,
        budget_doubts: Sequence[str] = (),
        general_task: str | None = None,
        subarea: str | None = None,
        criteria: Sequence[str] = (),
    ) -> None:
        title = title.strip()
        if not title:
            return
        index = len(self.tasks)
        path = f"$.tasks[{index}]"
        timeframe = None
        if timeframe_text:
            timeframe, confidence, notes = _timeframe(timeframe_text, self.year)
            self.build.source(
                f"{path}.timeframe",
                timeframe_origin or origin,
                written=timeframe_text,
                kind="cell" if kind == "row" else timeframe_kind,
                factor=confidence,
                certainty=Certainty.UNCERTAIN if timeframe is None else Certainty.STATED,
                doubts=notes,
            )
        task = Task(
            id=self._unique(wanted_id),
            title=title,
            area=area,
            section=section.id if section is not None and section.is_section else None,
            criteria=tuple(criteria),
            general_task=general_task,
            subarea=subarea,
            outputs=tuple(outputs),
            responsibility=responsibility,
            timeframe=timeframe,
            budget=budget,
            source=_in_file(origin, self.build.file) if self.build.file else origin,
        )
        self.tasks.append(task)
        if responsibility_kind == "subject" and kind == "item":
            # "Phòng Tư pháp tham mưu …": the subject is the lead; whether the title keeps it is a convention
            # plans and their readers differ on, so the title's start is less sure than an item's
            self.build.source(f"{path}.title", origin, kind=kind, factor=float(_SUBJECT_TITLE))
        else:
            self.build.source(f"{path}.title", origin, kind=kind)
        if responsibility is not None:
            self.build.source(f"{path}.responsibility", responsibility_origin or origin, kind=responsibility_kind)
            if partners_origin is not None and responsibility.coordinating:
                self.build.source(f"{path}.responsibility.coordinating", partners_origin, kind=responsibility_kind)
        if outputs:
            self.build.source(
                f"{path}.outputs", outputs_origin or origin, kind="rebuilt" if kind == "rebuilt" else "cell"
            )
        if budget is not None:
            self.build.source(
                f"{path}.budget", budget_origin or origin, written=budget.text, kind="cell", doubts=budget_doubts
            )

    # -- body structure ---------------------------------------------------------------------

    def read_body(self, items: Sequence[Block]) -> None:  # noqa: C901, PLR0912
        root = _Node(style="root", label=None, text="", para=None)
        stack: list[_Node] = [root]
        for block in _join_part_headings(_restore_lost_numbering(items)):
            if isinstance(block, Grid):
                stack[-1].children.append(
                    _Node(style="grid", label=None, text="", para=None, parent=stack[-1], grid=block)
                )
                continue
            style, label, text = _marker(block.text)
            fields = _read_fields(block.text) if len(stack) > 1 else None
            if fields and (not fold(text).startswith(_GROUP_ONLY) or _own_field_line(fields)):
                # "Cơ quan chủ trì: …", "- Thời gian: …" after an item: the item's fields, or the group's
                owner = _indented_owner(stack, block) or _field_owner(stack, style)
                if owner is not None:
                    while stack[-1] is not owner:
                        stack.pop()
                    owner.children.append(_Node(style="text", label=None, text=block.text, para=block, parent=owner))
                    continue
                style, label, text = "text", None, block.text.strip().lstrip("-+•– ").strip()
                while len(stack) > 1 and _is_list_item(stack[-1]):
                    stack.pop()
            if style == "text":
                while len(stack) > 1 and stack[-1].style in {"dash", "plus"}:
                    stack.pop()
                if fold(text).startswith(_GROUP_ASSIGNMENT):
                    # "Trách nhiệm thực hiện: …" after a list of items is the group's, not the last item's
                    while len(stack) > 1 and not stack[-1].children and _is_list_item(stack[-1]):
                        stack.pop()
                node = _Node(style="text", label=None, text=text, para=block, parent=stack[-1])
                stack[-1].children.append(node)
                continue
            styles = [n.style for n in stack]
            if style in styles:
                while stack[-1].style != style:
                    stack.pop()
                stack.pop()
            elif style.startswith(("crit", "dec")):
                # a deeper code is a child, a shallower one closes the deeper ones
                depth = int(style[-1])
                while len(stack) > 1 and stack[-1].style[:-1] == style[:-1] and int(stack[-1].style[-1]) > depth:
                    stack.pop()
            node = _Node(style=style, label=label, text=text, para=block, parent=stack[-1])
            stack[-1].children.append(node)
            stack.append(node)
        self._walk(root, zone=None, area=None, prefix="")
        for node, lead, addresses in self.cross_references:
            self._apply_cross_reference(node, lead, addresses)

    def _node_id(self, node: _Node, prefix: str) -> str:
        label = node.label or ""
        if node.style.startswith(("dec", "crit")) or node.style == "lv":
            top = self._top_prefix(node)
            return f"{top}.{label}" if top else label
        if node.style == "phan":
            return label
        if node.style == "dieu":
            return f"QD.{label}"
        return f"{prefix}.{label}" if prefix else label

    @staticmethod
    def _top_prefix(node: _Node) -> str:
        current = node.parent
        while current is not None:
            if current.style in {"roman", "phan"}:
                return current.id or ""
            current = current.parent
        return ""

    def _is_heading(self, node: _Node) -> bool:
        if node.style in {"dash", "plus", "text", "grid", "dieu"}:
            return False
        if node.style in {"roman", "phan", "lv"}:
            return True
        if node.style.startswith("crit"):
            return bool(node.children)
        if not node.children or all(
            c.style == "text" and _CLOSING.search(fold(c.text)) for c in node.children
        ):  # an item followed by the closing sentence is no heading
            return False
        text = node.text.strip()
        if text.endswith(":"):
            return True
        sentences = re.sub(r"[0-9]+(?:\.[0-9]+)*\.\s", " ", text).count(
            ". "
        )  # "Tiêu chí 1.3. Công tác …" is one heading
        return len(text) <= 160 and not text.endswith(";") and sentences == 0

    def _walk(self, node: _Node, *, zone: str | None, area: ReformArea | None, prefix: str) -> None:  # noqa: C901, PLR0912, PLR0915
        dash_count = 0
        plus_count = 0
        group_tasks: range = range(0)  # the tasks read under the last "- Giải pháp:" label, for its "- Phân công:"
        text_tasks = [c for c in node.children if c.style == "text"]
        for child in node.children:
            if child.grid is not None:
                self.read_grid(child.grid, area=area, zone=zone)
                continue
            label_zone = _list_label_zone(child, zone)
            if label_zone is not None:
                # "Chỉ tiêu:" then outcomes, "Nhiệm vụ:" then tasks: a label line switches what follows it
                zone = label_zone
                text_tasks = [c for c in text_tasks if c is not child]
                if node.is_section:
                    self._section_text(node, child.text)
                continue
            if child.style == "dash":
                dash_count += 1
                child.label = str(dash_count)
            elif child.style == "plus":
                plus_count += 1
                child.label = "abcdefghiklmnopqrstuvxy"[min(plus_count - 1, 22)]
            child.id = self._node_id(child, prefix)
            if child.style == "text":
                self._text_paragraph(child, node, zone=zone, area=area, siblings=text_tasks)
                continue
            if (
                child.style in _FIELD_ITEM_STYLES
                and child.children
                and zone not in _NOT_TASK_ZONES
                and not child.text.endswith(":")
                and all(_read_fields(c.text) for c in child.children)
            ):
                # an item followed by its fields ("- Cơ quan chủ trì: …", "Thời gian: …"): one task
                self._task_from_text(child, node, child.id or "t", area=area, kind="item", fields=child.children)
                continue
            if child.children and zone not in _NOT_TASK_ZONES:
                child.lead = _heading_party(child.text) if child.style not in {"roman", "phan"} else None
            if self._is_heading(child):
                heading_zone, strong = _zone_of_heading(child.text)
                child_zone = zone
                if heading_zone is not None and (zone in {None, "other"} or (strong and zone != "tasks")):
                    child_zone = heading_zone
                elif zone == "tasks" and _objectives_label(child.text):
                    child_zone = "objectives"  # "1.1. Mục tiêu", "a) Mục tiêu:" inside an area: outcomes, not tasks
                if child_zone is None and child.style in {"roman", "phan"}:
                    child_zone = "other"
                child_area = match_area(child.text) if not fold(child.text).startswith(("muc", "yeu cau")) else None
                if child.style.startswith("crit") and child_area is None:
                    child_area = area
                if child_area is None:
                    child_area = area
                if child_zone is None and child_area is not None:
                    child_zone = "tasks"
                self._section(child, zone=child_zone, area=child_area)
                if child_zone == "tasks" and child.para is not None:
                    self._heading_fields(child)
                if child.lead is not None and child.para is not None:
                    # "1. Phòng Nội vụ:" heading duties: the body leads each of them
                    self._set_section(child, responsibility=Responsibility(lead=child.lead))
                    self.build.source(
                        f"$.sections[{child.section_index}].responsibility", child.para.origin(), kind="subject"
                    )
                self._walk(child, zone=child_zone, area=child_area, prefix=child.id or "")
            else:
                if group_tasks and self._group_field_line(child, group_tasks, zone=zone):
                    group_tasks = range(0)
                    continue
                before = len(self.tasks)
                consumed = self._item(child, node, zone=zone, area=area)
                if child.children and not consumed:
                    self._walk(child, zone=zone, area=area, prefix=child.id or "")
                group_tasks = range(before, len(self.tasks)) if child.text.endswith(":") else range(0)

    def _heading_fields(self, node: _Node) -> None:
        """A group heading's own lead or time: "Quý I/2024:" is its tasks' deadline, "… (X chủ trì)" their lead."""
        assert node.para is not None  # noqa: S101 - sections come from paragraphs
        text = node.text.rstrip(":").strip()
        if _TIMEISH_FIELD.match(text) and len(text.split()) <= 6:
            timeframe, _, notes = _timeframe(text, self.year)
            if timeframe is not None and not any("could not" in note for note in notes):
                self._set_section(node, timeframe=timeframe)
                self.build.source(f"$.sections[{node.section_index}].timeframe", node.para.origin(), kind="item")
            return
        if node.lead is not None:
            return
        bracket = _BODY_BRACKET.search(text)
        if bracket is None or bracket.start() < 5:
            return
        inner = bracket["who"].strip()
        folded = fold(inner)
        bodies = _bare_bodies(inner[: -len(" chủ trì")]) if folded.endswith(" chu tri") else _bracket_bodies(inner)
        if len(bodies) == 1:
            node.lead = bodies[0]

    def _section(self, node: _Node, *, zone: str | None, area: ReformArea | None) -> None:
        assert node.para is not None  # noqa: S101 - sections come from paragraphs
        node.is_section = True
        node.zone = zone
        kind = SectionKind.GROUP
        criterion = None
        if node.style in {"roman", "phan"}:
            kind = SectionKind.PART
        if node.style.startswith("crit"):
            kind = SectionKind.CRITERION
            criterion = node.label
        elif match_area(node.text) is not None and zone == "tasks":
            kind = SectionKind.AREA
        depth = 1
        parent = node.parent
        while parent is not None and parent.style != "root":
            depth += 1
            parent = parent.parent
        heading = node.text.rstrip(":").strip() or (node.label or "?")
        parent_id = node.parent.id if node.parent is not None and node.parent.is_section else None
        section = Section(
            heading=heading,
            id=_safe_id(node.id),
            label=node.label,
            level=min(depth, 8),
            parent=_safe_id(parent_id),
            kind=kind,
            area=area
            if kind in {SectionKind.AREA, SectionKind.CRITERION}
            else match_area(node.text)
            if zone == "tasks"
            else None,
            criterion=_safe_id(criterion),
            source=node.para.origin(),
        )
        node.section_index = len(self.sections)
        self.sections.append(section)
        self.section_nodes.append(node)
        self.build.source(f"$.sections[{node.section_index}]", node.para.origin(), kind="item")

    def _set_section(self, node: _Node, **changes: Any) -> None:
        if node.section_index is None:
            return
        self.sections[node.section_index] = attrs.evolve(self.sections[node.section_index], **changes)

    def _text_paragraph(  # noqa: PLR0915, C901, PLR0912
        self, child: _Node, parent: _Node, *, zone: str | None, area: ReformArea | None, siblings: list[_Node]
    ) -> None:
        assert child.para is not None  # noqa: S101
        text = child.text
        folded = fold(text)
        if _CLOSING.search(folded):
            self._closing(child.para)
            return
        if folded.startswith(("(kem theo", "(nhiem vu cu the", "(chi tiet")) or _APPENDIX_POINTER.search(folded):
            self._section_text(parent, text)
            return
        if _FUNDING_SENTENCE.match(folded):
            # "Kinh phí kiểm tra được bố trí trong dự toán …" closing the duties: how the plan is paid for
            self.funding.append(text)
            self.build.source(f"$.funding[{len(self.funding) - 1}]", child.para.origin(), kind="paragraph")
            return
        if parent.is_section and zone == "tasks" and _LEADS_WHAT_FOLLOWS.match(text) and starts_party(text):
            # "Văn phòng Sở chủ trì thực hiện các nội dung sau:": the body leads the section's items
            lead = subject_lead(text)
            if lead is not None:
                self._set_section(parent, responsibility=Responsibility(lead=lead))
                self.build.source(
                    f"$.sections[{parent.section_index}].responsibility", child.para.origin(), kind="assignment"
                )
                return
        group_fields = _read_fields(text) if parent.is_section else None
        if folded.startswith(_GROUP_ASSIGNMENT) or group_fields or _GIVEN_TO_GROUP.match(text):
            if group_fields and not folded.startswith(_GROUP_ASSIGNMENT):
                assignment, _ = _fields_assignment(group_fields)  # "Đơn vị thực hiện: …" for the group
            elif folded.startswith("giao "):
                assignment = read_assignment(text)  # "Giao Phòng Nội vụ chủ trì; thời gian thực hiện: …"
            else:
                body = re.sub(r"^[^:]*:\s*", "", text, count=1) if not folded.startswith("thoi gian") else text
                assignment = read_assignment(body)
            if assignment is not None and parent.is_section:
                changes: dict[str, Any] = {}
                responsibility = assignment.responsibility()
                if responsibility is not None:
                    changes["responsibility"] = responsibility
                if assignment.time:
                    timeframe, confidence, notes = _timeframe(assignment.time, self.year)
                    if timeframe is not None:
                        changes["timeframe"] = timeframe
                    self.build.source(
                        f"$.sections[{parent.section_index}].timeframe",
                        child.para.origin(),
                        written=assignment.time,
                        kind="assignment",
                        factor=confidence,
                        doubts=notes,
                        certainty=Certainty.UNCERTAIN if timeframe is None else Certainty.STATED,
                    )
                if changes:
                    for target in [parent, *self._shared_with(parent, text)]:
                        self._set_section(target, **changes)
                        if "responsibility" in changes:
                            self.build.source(
                                f"$.sections[{target.section_index}].responsibility",
                                child.para.origin(),
                                kind="assignment",
                            )
                return
        if zone in {"purposes", "requirements"}:
            self._purpose(parent, text, child.para, zone)
            return
        if zone == "objectives":
            self._objective(child, parent, area)
            return
        if zone == "funding":
            self.funding.append(text)
            self.build.source(f"$.funding[{len(self.funding) - 1}]", child.para.origin(), kind="paragraph")
            return
        if zone == "legal":
            self._references(child.para, "Căn cứ")
            return
        if zone == "results":
            self._result(child.para)
            self._section_text(parent, text)
            return
        if zone == "tasks" and parent.is_section and parent.style != "root" and self._looks_like_task(text):
            tasks = [
                s
                for s in siblings
                if self._looks_like_task(s.text)
                and not _CLOSING.search(fold(s.text))
                and not fold(s.text).startswith(("phan cong", "trach nhiem thuc hien", "(", "thoi gian"))
            ]
            number = tasks.index(child) + 1 if child in tasks else 1
            wanted = parent.id if len(tasks) == 1 else f"{parent.id}.{number}"
            self._task_from_text(child, parent, wanted or "t", area=area, kind="paragraph")
            return
        if parent.is_section:
            self._section_text(parent, text)
            return
        inline = _inline_items(text) if zone in {None, "tasks", "other"} else None
        if inline is not None:
            # a news item's "Hình thức: (a) <form>: <body> <action>; (b) …": each item a task, its body the lead
            _, items = inline
            for label, item in items:
                node = _Node(style="letter", label=label, text=item, para=child.para, parent=parent)
                node.id = f"{parent.id}.{label}" if parent.id else label
                self._task_from_text(node, parent, node.id, area=area, kind="paragraph")
            return
        if parent.style == "root":
            self.preamble.append(child.para)
            return
        self.build.place(child.para)

    def _shared_with(self, section: _Node, text: str) -> list[_Node]:
        """Other criteria a group assignment names ("Trách nhiệm thực hiện (chung cho Tiêu chí 3.2 và 3.3): …")."""
        shared = re.match(r"^[^:]*\(\s*chung cho[^()]*\)", text, re.IGNORECASE)
        if not shared:
            return []
        codes = set(re.findall(r"[0-9]+(?:\.[0-9]+)+", shared.group(0)))
        return [
            node
            for node in self.section_nodes
            if node is not section and node.style.startswith("crit") and node.label in codes
        ]

    @staticmethod
    def _looks_like_task(text: str) -> bool:
        return len(text) > 15 and not text.endswith(":")

    def _section_text(self, parent: _Node, text: str) -> None:
        if parent.section_index is None or not text.strip():
            return
        current = self.sections[parent.section_index].text
        self._set_section(parent, text=f"{current} {text}" if current else text)

    def _purpose(self, parent: _Node, text: str, para: Para, zone: str) -> None:
        heading = fold(parent.text)
        if "yeu cau" in heading and "muc dich" not in heading:
            zone = "requirements"
        elif "muc dich" in heading and "yeu cau" not in heading:
            zone = "purposes"
        target = self.requirements if zone == "requirements" else self.purposes
        target.append(text)
        self.build.source(f"$.{zone}[{len(target) - 1}]", para.origin(), kind="item")

    def _objective(self, node: _Node, parent: _Node, area: ReformArea | None) -> None:
        assert node.para is not None  # noqa: S101
        try:
            targets = extract_targets(node.text, year=self.year)
        except (ParseError, InvariantError):
            targets = []
        index = len(self.objectives)
        ident = _safe_id(node.id if node.style != "text" else f"{parent.id}.{index + 1}" if parent.id else None)
        if ident is not None and any(o.id == ident for o in self.objectives):
            ident = None
        numbered = [
            attrs.evolve(t, id=f"{ident or 'O' + str(index + 1)}.{k}") if t.id is None else t
            for k, t in enumerate(targets, start=1)
        ]
        try:
            objective = Objective(
                text=node.text,
                id=ident,
                area=area,
                targets=tuple(numbered),
                source=node.para.origin(),
                section=_safe_id(parent.id) if parent.is_section else None,
            )
        except InvariantError:
            objective = Objective(text=node.text, id=ident, area=area, source=node.para.origin())
        self.objectives.append(objective)
        self.build.source(f"$.objectives[{index}]", node.para.origin(), kind="item")

    def _item(self, node: _Node, parent: _Node, *, zone: str | None, area: ReformArea | None) -> bool:  # noqa: C901, PLR0912
        """Read one numbered item; True when its sub-items were read with it."""
        assert node.para is not None  # noqa: S101
        folded = fold(node.text)
        if zone in {"purposes", "requirements"}:
            self._purpose(parent, node.text, node.para, zone)
            return False
        if zone == "objectives":
            self._objective(node, parent, area)
            return False
        if zone == "funding":
            self.funding.append(node.text)
            self.build.source(f"$.funding[{len(self.funding) - 1}]", node.para.origin(), kind="item")
            return False
        if zone == "legal":
            self._references(node.para, None)
            return False
        if "chot so lieu" in folded or ("bao cao" in folded[:30] and node.style == "plus" and "tu ngay" in folded):
            self._reporting(node)
            return True
        if zone in {None, "other", "results"} and node.style in _FIELD_ITEM_STYLES and _fielded_task(node.text):
            # "Rà soát …. Thời gian: quý II; trách nhiệm: …": an item giving its own lead and time is a task
            self._task_from_text(node, parent, node.id or "t", area=area, kind="item")
            return False
        if zone == "results":
            self._result(node.para)
            self._section_text(parent, node.text)
            return False
        if node.style == "dieu":
            if "ban hanh kem theo" in folded or "co hieu luc" in folded:
                return False
            self._task_from_text(node, parent, node.id or "QD", area=area, kind="item")
            return False
        if zone == "tasks":
            if node.text.endswith(":") and node.children:
                return False
            if self._labelled_item(node, parent, area=area):
                return False
            self._task_from_text(node, parent, node.id or "t", area=area, kind="item")
            return False
        if parent.is_section:
            self._section_text(parent, node.text)
            return False
        self.build.place(node.para)
        return False

    def _group_field_line(self, node: _Node, tasks: range, *, zone: str | None) -> bool:
        """A "- Phân công: <body> chủ trì; …; thời gian: …" line after a label and its items: the items' lead and time.

        Plans list a group's items under a label ("- Giải pháp:", "+ …", "+ …") and close the group with one
        line that assigns all of them. Each item without a lead or time of its own takes the line's. True when
        ``node`` was such a line (and is consumed).
        """
        assert node.para is not None  # noqa: S101
        if zone in _NOT_TASK_ZONES or node.children:
            return False
        fields = _read_fields(node.text)
        if not fields or fields[0][0] not in {"assignment", "lead", "doers"}:
            return False
        assignment, _ = _fields_assignment(fields)
        if assignment is None or not assignment.lead:
            return False
        for index in tasks:
            self._give_task(index, assignment, node.para.origin())
        return True

    def _give_task(self, index: int, assignment: Assignment, origin: SourceLocation | None) -> None:
        """Give task ``index`` the lead and time of ``assignment`` that it does not state itself."""
        task = self.tasks[index]
        changes: dict[str, Any] = {}
        responsibility = assignment.responsibility()
        if task.responsibility is None and responsibility is not None:
            changes["responsibility"] = responsibility
            self.build.source(f"$.tasks[{index}].responsibility", origin, kind="assignment")
        if task.timeframe is None and assignment.time:
            timeframe, confidence, notes = _timeframe(assignment.time, self.year)
            if timeframe is not None:
                changes["timeframe"] = timeframe
            self.build.source(
                f"$.tasks[{index}].timeframe",
                origin,
                written=assignment.time,
                kind="assignment",
                factor=confidence,
                certainty=Certainty.UNCERTAIN if timeframe is None else Certainty.STATED,
                doubts=notes,
            )
        if changes:
            self.tasks[index] = attrs.evolve(task, **changes)

    def _labelled_item(self, node: _Node, parent: _Node, *, area: ReformArea | None) -> bool:
        """The parts of a remedial plan's item: "- Hạn chế: …", "- Giải pháp: …", "- Giao: …" make one task.

        The shortcoming is the section's text, the remedy the task, the assignment its
        responsibility and time. True when ``node`` was such a part.
        """
        assert node.para is not None  # noqa: S101
        found = _LABELLED_PART.match(node.text)
        if not found:
            return False
        label = fold(found["label"]).strip()
        rest = found["rest"].strip()
        if label in _SHORTCOMING_LABELS:
            self._section_text(parent, node.text)
            return True
        if label in _REMEDY_LABELS:
            remedy = _Node(style=node.style, label=node.label, text=rest, para=node.para, parent=parent, id=node.id)
            self._task_from_text(remedy, parent, node.id or "t", area=area, kind="item")
            self.remedy_parent = parent
            return True
        if label in _ASSIGN_LABELS:
            assignment = read_assignment(rest)
            last = len(self.tasks) - 1
            if assignment is None or last < 0 or self.remedy_parent is not parent:
                return False
            self._give_task(last, assignment, node.para.origin())
            self.remedy_parent = None
            return True
        return False

    def _task_from_text(  # noqa: PLR0915, C901, PLR0912, PLR0913 - the parts of one task
        self,
        node: _Node,
        parent: _Node,
        wanted: str,
        *,
        area: ReformArea | None,
        kind: str,
        fields: Sequence[_Node] = (),
    ) -> None:
        assert node.para is not None  # noqa: S101
        if (
            not fields
            and parent.is_section
            and "to chuc thuc hien" in fold(parent.text)
            and self._general_duty(node, parent)
        ):
            return
        addresses = _cross_reference(node.text)
        if addresses and (lead := subject_party(node.text)) is not None:
            # "Phòng Nội vụ chủ trì thực hiện các nhiệm vụ tại khoản 1, điểm a khoản 3 Mục II": an assignment
            self.cross_references.append((node, lead, addresses))
            return
        title, assignment = _split_assignment(_without_footnote_marks(node.text))
        if assignment is None:
            title, bracket = _time_bracket(title, self.year)
            if bracket is not None:
                assignment = Assignment(time=bracket)
        passive = False
        if assignment is None and not fields:
            assignment = passive_doer(
                title
            )  # "… do công chức Tư pháp thực hiện trong quý II.": the sentence stays whole
            passive = assignment is not None
        responsibility_origin: SourceLocation | None = None
        time_origin: SourceLocation | None = None
        outputs: list[str] = []
        outputs_origin: SourceLocation | None = None
        if fields:
            stated, outputs = _fields_assignment(
                [pair for child in fields for pair in (_read_fields(child.text) or [])]
            )
            lines = [child.para for child in fields if child.para is not None]
            origin_of = {role: line.origin() for line in reversed(lines) for role, _ in (_read_fields(line.text) or [])}
            if stated is not None:
                own = assignment or Assignment()
                assignment = Assignment(
                    lead=stated.lead or own.lead,
                    coordinating=stated.coordinating or own.coordinating,
                    implementing=stated.implementing or own.implementing,
                    time=stated.time or own.time,
                )
                responsibility_origin = next(
                    (origin_of[r] for r in ("lead", "doers", "assignment", "partners") if r in origin_of), None
                )
                time_origin = origin_of.get("time") or origin_of.get("assignment")
            outputs_origin = origin_of.get("output")
        responsibility = assignment.responsibility() if assignment is not None else None
        responsibility_kind = "subject" if passive else "assignment"
        if responsibility is None or responsibility.lead is None:
            subject = _subject_of(title)
            if subject is not None:
                responsibility = Responsibility(
                    lead=subject,
                    coordinating=responsibility.coordinating if responsibility else (),
                    implementing=responsibility.implementing if responsibility else (),
                )
                responsibility_kind = "subject"
        if responsibility is None or responsibility.lead is None:
            inherited = _inherited_lead(node)
            if inherited is not None:
                # "- Văn phòng UBND: Chủ trì …" then "+ Phối hợp …": the body named above leads
                responsibility = Responsibility(
                    lead=inherited,
                    coordinating=responsibility.coordinating if responsibility else (),
                    implementing=responsibility.implementing if responsibility else (),
                )
                responsibility_kind = "inferred"
                responsibility_origin = None
        if responsibility is not None and isinstance(responsibility.lead, SingleParty):
            node.lead = node.lead or responsibility.lead
        title = title.rstrip(" ;,") if title.rstrip().endswith((";", ",")) else title
        time_text = assignment.time if assignment is not None else None
        time_kind = "subject" if passive else "assignment"
        if not time_text:
            time_text = _time_in_text(title, self.year)
            time_kind = "subject"  # a phrase inside the sentence: its bounds are the reader's guess
        section = parent if parent.is_section else _section_above(parent)
        if kind == "item" and (node.style == "dieu" or _under_organisation(section)):
            kind = "paragraph"  # a duty in "Tổ chức thực hiện" or a decision's article: a task only perhaps
        criteria = [section.label] if section is not None and section.style.startswith("crit") and section.label else []
        if node.style.startswith("crit") and node.label:
            criteria = [node.label]
        self.add_task(
            wanted_id=wanted,
            title=title,
            origin=node.para.origin(),
            kind=kind,
            section=section,
            area=area,
            responsibility=responsibility,
            responsibility_origin=responsibility_origin,
            responsibility_kind=responsibility_kind,
            timeframe_text=time_text,
            timeframe_origin=time_origin,
            timeframe_kind=time_kind,
            outputs=outputs,
            outputs_origin=outputs_origin,
            criteria=[c for c in criteria if _safe_id(c)],
        )

    def _general_duty(self, node: _Node, parent: _Node) -> bool:
        """A duty of "Tổ chức thực hiện" that only carries the plan out and reports: an obligation, not a task.

        "Thủ trưởng các phòng … căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về UBND huyện
        (qua Phòng Nội vụ) trước ngày 15 tháng cuối quý", "Phòng Nội vụ giúp UBND huyện theo dõi, đôn đốc,
        tổng hợp báo cáo … theo quy định": every clause a generic duty (carry out, follow up, sum up, report)
        and a report with its schedule. A duty naming its own work ("xây dựng kế hoạch tuyên truyền …"),
        or a report without a schedule, stays a task. True when read so.
        """
        assert node.para is not None  # noqa: S101
        folded = fold(node.text).strip(" ./")
        if _CARRY_OUT_ONLY.match(folded) or (_CLOSING.search(folded) and "bao cao" in folded):
            # "… căn cứ Kế hoạch này triển khai thực hiện." or "Trong quá trình thực hiện, nếu có vướng mắc … báo cáo"
            if _CLOSING.search(folded):
                self.obligations.append(ReportingObligation(text=node.text, source=node.para.origin()))
                self.build.source(f"$.obligations[{len(self.obligations) - 1}]", node.para.origin(), kind="paragraph")
            self._section_text(parent, node.text)
            return True
        duty = _general_duty_of(node.text)
        if duty is None:
            return False
        reporter, recipient, when = duty
        timeframe = None
        doubts: tuple[str, ...] = ()
        if when is not None:
            timeframe, _, doubts = _timeframe(when, self.year)
        try:
            obligation = ReportingObligation(
                reporter=reporter, recipient=recipient, timeframe=timeframe, text=node.text, source=node.para.origin()
            )
        except InvariantError:  # pragma: no cover - the text is always there
            return False
        self.obligations.append(obligation)
        self.build.source(
            f"$.obligations[{len(self.obligations) - 1}]",
            node.para.origin(),
            written=when,
            kind="subject",
            doubts=doubts,
        )
        self._section_text(parent, node.text)
        return True

    def _apply_cross_reference(self, node: _Node, lead: SingleParty, addresses: list[str]) -> None:
        """The lead of the tasks the plan's own numbers address; a doubt for a number that addresses none."""
        assert node.para is not None  # noqa: S101
        for address in addresses:
            addressed = [index for index, task in enumerate(self.tasks) if _addresses(address, task.id)]
            hits = [i for i in addressed if (r := self.tasks[i].responsibility) is None or r.lead is None]
            if not addressed:
                self.build.doubts.append(
                    f"line {node.para.first}: the tasks at {address!r} that {lead.label!r} is given were not found"
                )
            for index in hits:
                task = self.tasks[index]
                own = task.responsibility
                self.tasks[index] = attrs.evolve(
                    task,
                    responsibility=Responsibility(
                        lead=lead,
                        coordinating=own.coordinating if own else (),
                        implementing=own.implementing if own else (),
                    ),
                )
                self.build.source(
                    f"$.tasks[{index}].responsibility",
                    node.para.origin(),
                    kind="inferred",
                    certainty=Certainty.INFERRED,
                    written=node.text,
                )

    # -- tables -----------------------------------------------------------------------------

    def read_grid(  # noqa: C901, PLR0912, PLR0915
        self,
        grid: Grid,
        *,
        area: ReformArea | None,
        zone: str | None,  # noqa: ARG002
        sheet: bool = False,
        rebuilt: bool = False,
    ) -> None:
        """The tasks of an appendix table; ``sheet`` for a spreadsheet's, whose cells keep their lines.

        In a sheet, each field's source is its own cell, outputs are the lines of
        their cell, and the cells that were read are noted in ``used_cells``.
        """
        columns, header_row, unit = _columns(grid)
        if "title" not in columns:
            for row in grid.rows:
                text = " | ".join(cell.text for cell in row if cell.text)
                if text:
                    origin = row[0].origin
                    self.build.unplaced.append(
                        UnplacedLine(text=text, origin=attrs.evolve(origin, file=self.build.file))
                    )
            if grid.rows:
                self.build.doubts.append(f"{grid.name} has no column of tasks: its rows are left unplaced")
            return
        group_area = area
        group_label: str | None = None
        subarea: str | None = None
        general: str | None = None
        numbers_seen: set[str] = set()
        restart = False
        rows = [row for row in grid.rows if row and row[0].row > header_row]
        header_cells = next((row for row in grid.rows if row and row[0].row == header_row), ())
        header_key = [fold(cell.text).strip() for cell in header_cells if cell.text.strip()]
        # the header printed again after a page break is not a task
        rows = [row for row in rows if [fold(cell.text).strip() for cell in row if cell.text.strip()] != header_key]
        # numbering that restarts in each group means ids need the group
        seen_numbers: list[str] = []
        previous_lead = ""
        for row in rows:
            number = _cell(row, columns.get("number"))
            if number and number.isdigit():
                if number in seen_numbers:
                    restart = True
                seen_numbers.append(number)
        if not sheet:
            rows = _join_continuation_rows(rows, columns)
        merged_period = _merged_period(rows, columns)
        for row_index, row in enumerate(rows):
            texts = [cell.text for cell in row]
            number = _cell(row, columns.get("number"))
            title = _cell(row, columns.get("title"))
            filled = [t for t in texts if t]
            if not filled:
                continue
            folded_all = fold(" ".join(filled))
            if (
                folded_all.startswith(("tong cong", "tong so"))
                or re.match(r"(?:Cộng|CỘNG)\b", " ".join(filled))  # "Cộng", not "Công bố …" (both fold to "cong")
                or (not number and "tong cong" in folded_all)
            ):
                continue
            group = _group_row(row, columns)
            if group is not None:
                self.used_cells.update((cell.origin.sheet, cell.origin.cell) for cell in row)
                label, heading = group
                group_area = match_area(heading) or group_area
                if label and len(label) == 1 and label.isalpha() and label.upper() in "ABCDEFGH" and group_label:
                    subarea = heading
                else:
                    group_label = label
                    subarea = None
                general = None
                continue
            general_cell = _cell(row, columns.get("general"))
            if general_cell:
                style, label, rest = _marker(general_cell)
                general = rest or general_cell
                if style == "roman" and label:
                    group_label = label
                group_area = match_area(general_cell) or group_area
            if not title:
                continue
            numbered = number if number and re.fullmatch(r"[0-9]{1,3}", number) else None
            if numbered is None:
                style, label, rest = _marker(title)
                if label and style in {"num", "dec1"}:
                    numbered, title = label, rest
            wanted = f"pl-{numbered}" if numbered else f"pl-r{row[0].row}"
            if restart and numbered and group_label:
                wanted = f"pl-{group_label}.{numbered}"
            numbers_seen.add(wanted)
            lead_text = _cell(row, columns.get("lead")).replace("<br>", "; ")
            partner_text = _cell(row, columns.get("partners")).replace("<br>", "; ")
            if _AS_ABOVE.fullmatch(lead_text):  # "-nt-", "nt", "như trên": the row above's
                lead_text = previous_lead
            previous_lead = lead_text
            lead = lead_of(_parties_of(lead_text, sheet=sheet)) if lead_text else None
            partners = _parties_of(partner_text, sheet=sheet) if partner_text else []
            responsibility = None
            if lead is not None or partners:
                implementing = partners if columns.get("partners_implement") else []
                try:
                    responsibility = Responsibility(
                        lead=lead,
                        coordinating=tuple(p for p in partners if lead is None or p.key not in lead.key.split("; ")),
                        implementing=tuple(implementing),
                    )
                except InvariantError:
                    responsibility = None
            budget: Budget | None = None
            budget_doubts: tuple[str, ...] = ()
            budget_text = _cell(row, columns.get("budget"))
            if budget_text:
                budget, budget_doubts = _budget(budget_text, unit, sheet=sheet)
            outputs_text = _cell(row, columns.get("output"))
            origin = attrs.evolve(row[0].origin, column=None)
            outputs = [outputs_text] if outputs_text else []
            if sheet:
                origin = _cell_origin(row, columns.get("title")) or origin
                outputs = [line for line in (_item_text(part) for part in outputs_text.split("\n")) if line]
                self.used_cells.update(
                    (cell.origin.sheet, cell.origin.cell)
                    for role in ("number", "title", "lead", "partners", "time", "budget", "output", "general")
                    if (cell := _grid_cell(row, columns.get(role))) is not None
                )
                title = " ".join(part.strip() for part in title.split("\n") if part.strip())
            self.add_task(
                wanted_id=wanted,
                title=title,
                origin=origin,
                kind="rebuilt" if rebuilt else "row",
                section=None,
                area=group_area,
                responsibility=responsibility,
                responsibility_origin=_cell_origin(row, columns.get("lead")) or origin,
                responsibility_kind="rebuilt" if rebuilt else "cell",
                timeframe_text=_cell(row, columns.get("time")) or merged_period.get(row_index, ""),
                timeframe_origin=_cell_origin(row, columns.get("time")),
                timeframe_kind="rebuilt" if rebuilt else "assignment",
                outputs=outputs,
                outputs_origin=_cell_origin(row, columns.get("output")) if sheet else None,
                partners_origin=_cell_origin(row, columns.get("partners")) if sheet else None,
                budget=budget,
                budget_origin=_cell_origin(row, columns.get("budget")),
                budget_doubts=budget_doubts,
                general_task=general,
                subarea=subarea,
            )

    # -- other parts ------------------------------------------------------------------------

    def _closing(self, para: Para) -> None:
        if self.closing is None:
            self.closing = para.text
            self.closing_origin = para.origin()
            self.build.source("$.closing", para.origin(), kind="paragraph")
        else:
            self.closing = f"{self.closing} {para.text}"
        if "bao cao" in fold(para.text) or "phan anh" in fold(para.text):
            self.obligations.append(ReportingObligation(text=para.text, source=para.origin()))
            self.build.source(f"$.obligations[{len(self.obligations) - 1}]", para.origin(), kind="paragraph")

    def _reporting(self, node: _Node) -> None:
        assert node.para is not None  # noqa: S101
        from parplan.text import parse_period_label

        text = node.text
        label = text.split(":", 1)[0]
        try:
            period = parse_period_label(label.replace("Báo cáo", "").replace("tổng hợp", "").strip(), locale="vi")
        except (ParseError, InvariantError, ValueError):
            for child in node.children:
                self._reporting(child)
            return
        days = [_day(m) for m in re.finditer(r"([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})", text)]
        days = [d for d in days if d is not None]
        folded = fold(text)
        data_from = data_to = estimate_from = estimate_to = due = None
        if "cham nhat" in folded or "thoi han" in folded:
            due, days = (days[0], days[1:]) if days else (None, days)
        if len(days) >= 2:
            data_from, data_to = days[0], days[1]
        if len(days) >= 4 and "uoc" in folded:
            estimate_from, estimate_to = days[2], days[3]
        try:
            line = ReportingLine(
                period=period,
                data_from=data_from,
                data_to=data_to,
                estimate_from=estimate_from,
                estimate_to=estimate_to,
                due=due,
                text=text,
            )
        except InvariantError:
            return
        doubts = []
        if data_from and data_to and data_from > data_to:
            doubts.append(f"the cut-off window starts on {data_from} after it ends on {data_to}")
        if due and data_to and due < data_to and not estimate_to:
            doubts.append(f"the report is due on {due}, before its data end on {data_to}")
        if due and period.year != due.year:
            doubts.append(f"the report for {period} is due in {due.year}")
        self.reporting.append(line)
        self.build.source(f"$.reporting[{len(self.reporting) - 1}]", node.para.origin(), kind="item", doubts=doubts)

    def _references(self, para: Para, introducer: str | None) -> None:
        try:
            references = extract_references(para.text)
        except (ParseError, InvariantError):
            references = []
        if not references:
            self.build.place(para)
            return
        folded = fold(para.text)
        for reference in references:
            target = (
                self.implements if reference.kind == "Kế hoạch" or folded.startswith("thuc hien") else self.legal_bases
            )
            name = "implements" if target is self.implements else "legal_bases"
            target.append(reference)
            self.build.source(f"$.{name}[{len(target) - 1}]", para.origin(), kind="reference")
        _ = introducer

    def _result(self, para: Para) -> None:
        text = para.text
        score = _RESULT_SCORE.search(text)
        rank = _RESULT_RANK.search(text)
        if not (score or rank):
            return
        years = [int(y) for y in _YEAR.findall(text)]
        if not years:
            return
        framework = "sipas" if "sipas" in fold(text) or "hai long" in fold(text) else "par_index"
        change = _RESULT_CHANGE.search(text)
        try:
            result = IndexResult(
                framework=framework,
                year=years[0] if framework == "sipas" or len(years) == 1 else min(years[1:], key=lambda y: -y),
                score=Decimal(score["score"].replace(",", ".")) if score else None,
                rank=int(rank["rank"]) if rank else None,
                out_of=int(rank["of"]) if rank else None,
                rank_change=(int(change["n"]) * (1 if change["dir"] == "tăng" else -1)) if change else None,
                text=text,
            )
        except InvariantError:
            return
        self.results.append(result)
        self.build.source(f"$.results[{len(self.results) - 1}]", para.origin(), kind="paragraph")


_LABELLED_PART: Final = re.compile(r"^(?P<label>[^\W\d][^:;.()]{1,30}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
_SHORTCOMING_LABELS: Final = frozenset(
    {"han che", "ton tai", "ton tai, han che", "han che, ton tai", "nguyen nhan", "thuc trang", "van de"}
)
_REMEDY_LABELS: Final = frozenset({"giai phap", "bien phap", "giai phap khac phuc", "bien phap khac phuc"})
_ASSIGN_LABELS: Final = frozenset({"giao", "phan cong", "trach nhiem", "to chuc thuc hien", "don vi thuc hien"})
_GROUP_ASSIGNMENT: Final = (
    "phan cong trach nhiem",
    "trach nhiem thuc hien",
    "phan cong thuc hien",
    "thoi gian:",
    "thoi gian thuc hien:",
)


_NOT_TASK_ZONES: Final = frozenset({"purposes", "requirements", "objectives", "funding", "legal", "results"})
_GIVEN_TO_GROUP: Final = re.compile(
    r"^Giao\s+[^;:]{2,120}?\s+chủ trì(?:\s*,?\s*(?:[^;.]{0,80}\s)?phối hợp\b[^;.]{0,120})?"
    # a generic verb after "chủ trì" names no task of its own: "chủ trì tham mưu", "chủ trì tổ chức thực hiện"
    r"(?:\s*,?\s*(?:tham mưu|tổ chức thực hiện|triển khai thực hiện|thực hiện|theo dõi(?:, đôn đốc)?|đôn đốc"
    r"|hướng dẫn(?:, theo dõi)?)"
    r"(?:\s+(?:thực hiện|triển khai))?)?"
    r"(?:\s*[;.,]\s*(?:[Tt]hời (?:gian|hạn)[^:]{0,20}:\s*[^;]{2,80}|[Hh]oàn thành\s[^;]{2,60}))?\s*[.;]?\s*$"
)
_LEADS_WHAT_FOLLOWS: Final = re.compile(
    r"^[A-ZĐÀ-Ỹ][^;:.]{2,80}?\s+chủ trì(?:\s*,?\s*(?:tổ chức\s+|triển khai\s+)?thực hiện)?\s+"
    r"(?:các|những)\s+(?:nội dung|nhiệm vụ|công việc)(?:\s+(?:sau|sau đây|dưới đây))\s*:$"
)
""""<body> chủ trì thực hiện các nội dung sau:" over a section's items: the body leads each of them."""
_GROUP_ONLY: Final = ("phan cong", "trach nhiem thuc hien", "giao")
_FIELD_ITEM_STYLES: Final = frozenset({"num", "letter", "dec1", "dec2", "dec3", "dash", "plus"})


_OBJECTIVES_LABEL: Final = re.compile(
    r"^(?:muc tieu|chi tieu)(?: cu the| chung| chu yeu| phan dau)?"
    r"(?:,? (?:va )?(?:chi tieu|muc tieu)(?: cu the)?)?\s*:?$"
)
_TASKS_LABEL: Final = re.compile(
    r"^(?:nhiem vu|giai phap|nhiem vu,? giai phap|nhiem vu va giai phap|cac nhiem vu,? giai phap)"
    r"(?: cu the| trong tam)?(?: thuc hien)?\s*:?$"
)


def _objectives_label(text: str) -> bool:
    """A heading that only says the list under it holds objectives ("Mục tiêu", "Chỉ tiêu:", "Mục tiêu cụ thể:").

    >>> _objectives_label("Mục tiêu cụ thể:"), _objectives_label("Mục tiêu, chỉ tiêu"), _objectives_label("Mục tiêu")
    (True, True, True)
    >>> _objectives_label("Mục tiêu nâng cao chỉ số hài lòng")
    False
    """
    return bool(_OBJECTIVES_LABEL.match(fold(text).strip(" .")))


def _list_label_zone(node: _Node, zone: str | None) -> str | None:
    """The zone a bare label line ("Chỉ tiêu:", "Nhiệm vụ:") opens for the items after it, inside a task part."""
    if node.style != "text" or node.children or zone not in {"tasks", "objectives"}:
        return None
    text = fold(node.text).strip(" .")
    if not node.text.rstrip().endswith(":"):
        return None
    if _OBJECTIVES_LABEL.match(text):
        return "objectives"
    if _TASKS_LABEL.match(text):
        return "tasks"
    return None


def _own_field_line(fields: Sequence[tuple[str, str]]) -> bool:
    """A "Trách nhiệm thực hiện: …. Thời gian hoàn thành: …." line: one item's own, when it follows that item.

    A "Trách nhiệm thực hiện: … chủ trì; … phối hợp" after a list of items is the group's; naming the doer
    bare with its time beside it on the same line, it is the line plans write after each item (see
    :func:`_field_owner` for whose it is).
    """
    roles = [role for role, _ in fields]
    return roles[:1] == ["assignment"] and "time" in roles and not _ROLE_WORDS_IN.search(fields[0][1])


def _indented_owner(stack: Sequence[_Node], block: Para) -> _Node | None:
    """The item a field line is indented under ("   * Ban hành …" then "      * Chủ trì: …; thời gian: …"), or None.

    Text downloaded from an online word processor marks every level with the same bullet and nests by
    indentation only: a field line indented deeper than the last item is that item's own.
    """
    last = stack[-1]
    if last.style not in _FIELD_ITEM_STYLES or last.para is None or last.parent is None:
        return None
    if block.indent <= last.para.indent or last.text.endswith(":"):
        return None
    return last


def _field_owner(stack: Sequence[_Node], style: str) -> _Node | None:
    """The item a field line belongs to: the last item, when it is alone or its siblings have fields of their own.

    A field line after a group of items that have none ("- …", "- …", "Thời gian: …") is the group's: None.
    """
    item: _Node | None = None
    styles = {node.style for node in stack}
    for node in reversed(stack):
        if node.style not in _FIELD_ITEM_STYLES:
            break
        if style in {"text", node.style} or style not in styles:
            item = node
            break
    if item is None or item.parent is None or (item.text.endswith(":") and item.style != "dash"):
        return None
    if item.children and not all(_read_fields(child.text) for child in item.children):
        return None
    siblings = [n for n in item.parent.children if n.style == item.style and n is not item]
    if not siblings or any(n.children and all(_read_fields(c.text) for c in n.children) for n in siblings):
        return item
    return None


def _is_list_item(node: _Node) -> bool:
    """A node that is one item of a list (a bullet, a sub-criterion, a lettered item), not a heading."""
    return node.style in {"dash", "plus", "letter"} or (node.style.startswith("crit") and node.style != "crit0")


_ROMAN_MARKS: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _lost_numbering_heading(text: str) -> bool:
    """An upper-case line naming a part of a plan ("NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN")."""
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and text.upper() == text
        and len(text.split()) <= 15
        and not text.rstrip().endswith((".", ";", ","))
        and _zone_of_heading(text)[1]
    )


def _restore_lost_numbering(items: Sequence[Block]) -> Sequence[Block]:
    """A body copied without its automatic numbering and bullets, given marks again; any other body as it is.

    Word's automatic numbers and bullets are lost when a plan is copied as plain text: the part
    headings stay in capitals ("NHIỆM VỤ, GIẢI PHÁP"), the areas are short lines without a stop and
    every task is a paragraph followed by its field line ("Chủ trì: …; phối hợp: …; lộ trình: …").
    Only a body with no numbering at all and two or more upper-case part headings is rewritten: the
    part headings become "I.", "II." …, a paragraph followed by a field line an item "- ", and a short
    line without a stop followed by such an item an area "1.", "2." ….
    """
    paras = [block for block in items if isinstance(block, Para)]
    if any(_marker(block.text)[0] != "text" for block in paras):
        return items
    if sum(_lost_numbering_heading(block.text) for block in paras) < 2:
        return items
    fields = [isinstance(block, Para) and _read_fields(block.text) is not None for block in items]
    if sum(fields) < 2:
        return items
    result: list[Block] = []
    part = area = 0
    for index, block in enumerate(items):
        if not isinstance(block, Para) or fields[index]:
            result.append(block)
            continue
        text = block.text.strip()
        next_is_field = index + 1 < len(items) and fields[index + 1]
        next_is_item = index + 2 < len(items) and not fields[index + 1] and fields[index + 2]
        if _lost_numbering_heading(text) and part < len(_ROMAN_MARKS):
            part, area = part + 1, 0
            text = f"{_ROMAN_MARKS[part - 1]}. {text}"
        elif next_is_field:
            text = f"- {text}"
        elif next_is_item and len(text.split()) <= 12 and not text.endswith((".", ";", ":", ",")):
            area += 1
            text = f"{area}. {text}"
        result.append(attrs.evolve(block, text=text))
    return result


def _join_part_headings(items: Sequence[Block]) -> list[Block]:
    """A "Phần III" alone on its line with its heading in capitals on the next: one heading."""
    joined: list[Block] = []
    for block in _split_group_assignments(items):
        previous = joined[-1] if joined else None
        if (
            isinstance(block, Para)
            and isinstance(previous, Para)
            and block.text.isupper()
            and len(block.text) < 200
            and _marker(block.text)[0] == "text"
            and _marker(previous.text)[0] in {"phan", "roman"}
            and not _marker(previous.text)[2]
        ):
            joined[-1] = Para(
                text=f"{previous.text} {block.text}", first=previous.first, last=block.last, page=previous.page
            )
            continue
        joined.append(block)
    return joined


_JOINED_ASSIGNMENT: Final = re.compile(r"(?<=[.;])\s+(?=(?:Trách nhiệm thực hiện|Phân công trách nhiệm)\b[^:]{0,60}:)")


def _split_group_assignments(items: Sequence[Block]) -> Iterable[Block]:
    """An item with the group's "Trách nhiệm thực hiện: …" run into its paragraph (a PDF line join): two blocks."""
    for block in items:
        if isinstance(block, Para) and (cut := _JOINED_ASSIGNMENT.search(block.text)) and cut.start() > 10:
            yield Para(text=block.text[: cut.start()].strip(), first=block.first, last=block.last, page=block.page)
            yield Para(text=block.text[cut.end() :].strip(), first=block.first, last=block.last, page=block.page)
        else:
            yield block


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
    if timeframe is None or notes:
        return text, None
    return text[: found.start()].rstrip() + found["stop"], phrase


_CROSS_REF: Final = re.compile(
    r"(?:nhiệm vụ|nội dung|công việc)\s+(?:nêu\s+|quy định\s+)?(?:tại|ở)\s+(?P<refs>(?:(?:điểm|khoản|mục|tiểu mục|Mục|"
    r"Khoản|Điểm|phần|Phần)\s+[0-9A-Za-zđ.]+|[0-9]+(?:\.[0-9]+)+|[a-zđ](?![\wÀ-ỹ])|[,;]|và|các|\s)+)",
)
_REF_TOKEN: Final = re.compile(
    r"(?P<kind>điểm|khoản|tiểu mục|mục|phần)\b|(?<![\wÀ-ỹ.])(?P<n>[0-9]+(?:\.[0-9]+)*|[IVX]+|[a-zđ])(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
_REF_RANK: Final = {"điểm": 0, "khoản": 1, "tiểu mục": 1, "mục": 2}


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
            kind, fresh = token["kind"].lower(), True
            if kind == "phần":
                return []  # "Mục II phần B": a part's letters are not read yet
            continue
        value = token["n"]
        word = kind or "mục"
        if word == "mục" and value.isalpha():
            part = value  # "Mục II": the part every address belongs to
            done.extend(pending)
            pending, pending_rank, kind = [], -1, None
            continue
        if word == "điểm" and not value.isalpha():
            return []
        if word != "điểm" and value.isalpha():
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
_REPORT_TO: Final = re.compile(
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


def _safe_id(value: str | None) -> str | None:
    if value is None:
        return None
    ident = re.sub(r"[^A-Za-z0-9._:/-]", "-", value.replace("đ", "dd").replace("Đ", "DD")).strip("-.")
    return ident if ident and ident[0].isalnum() else None


def _day(found: re.Match[str]) -> date | None:
    try:
        return date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None


_ASSIGN_TAIL: Final = re.compile(
    r"(?:^|(?<=[.;]))\s*(?P<tail>(?:\(\s*)?(?:[A-ZĐÀ-Ỹ][^.;()]{0,90}?\s(?:chủ trì|phối hợp)|[Cc]hủ trì\s*:|[Tt]hời gian\s*:|"  # noqa: E501
    r"[Tt]rách nhiệm\s*:)[^()]*\)?)\s*$"
)


_TIME_AFTER_COLON: Final = re.compile(
    r"^(?P<title>[^:;]{10,}?)(?<!ời gian)(?<!ời hạn)(?<!thực hiện)(?<!hoàn thành):\s*"
    r"(?P<time>(?:[Tt]rước|[Cc]hậm nhất|[Hh]oàn thành trước|[Tt]rong (?:quý|tháng|năm)|"
    r"[Qq]uý [IV]|[Tt]háng \d|[Tt]hường xuyên|[Hh][àằ]ng (?:tháng|quý|năm))[^:;]{0,60})$"
)


_PERIOD_WORD: Final = r"(?:tuần|tháng|quý|năm|6 tháng)"
_TIME_IN_TEXT: Final = (
    # a bracket closing the sentence: "(định kỳ hàng quý, 6 tháng và năm 2022)", "(khi có hướng dẫn …)"
    re.compile(
        r"\((?P<t>(?:định kỳ|theo định kỳ|khi |thường xuyên|trước |chậm nhất|trong |h[àằ]ng |quý |tháng )[^()]{2,80})\)"
        r"\s*[.;]?\s*$",
        re.IGNORECASE,
    ),
    # a time opening the sentence before a comma: "Chậm nhất 10 ngày làm việc sau khi …, Phòng Nội vụ …"
    re.compile(r"^(?P<t>(?:Chậm nhất|Trong vòng|Trong|Sau|Trước ngày|Định kỳ)\s[^,;]{3,70}),\s+(?=\S)"),
    re.compile(
        r"(?P<t>(?:hoàn thành )?(?:trước|chậm nhất) (?:ngày )?[0-9]{1,2}/[0-9]{1,2}(?:/(?:19|20)[0-9]{2})?)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<!đến )(?P<t>trong (?:(?:quý [IV]{1,3}|tháng [0-9]{1,2})(?:/[0-9]{4}| năm [0-9]{4})?|năm [0-9]{4}"
        r"(?: và (?:những|các) năm tiếp theo)?))\b"
    ),
    re.compile(r"(?:vào )?(?P<t>(?:tuần|tháng|quý) (?:đầu|cuối|giữa) (?:tháng|quý|năm) [0-9IV]{1,3}(?:/[0-9]{4})?)"),
    re.compile(
        rf"(?P<t>(?:theo )?(?:định kỳ )?h[àằ]ng {_PERIOD_WORD}(?:,? (?:h[àằ]ng )?{_PERIOD_WORD})*"
        rf"(?: và (?:năm|{_PERIOD_WORD}))?)"
        r"(?=[\s.;,)]|$)",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<t>theo (?:lộ trình|định kỳ|kế hoạch của)[^.;()]{0,60}?)\s*(?:[.;]|$)"),
    re.compile(r"(?P<t>khi có [^.;,()]{3,40}?)\s*[.;]?\s*$"),
    re.compile(r"^(?P<t>Thường xuyên)\b"),
    # a start closing the sentence: "… giải quyết TTHC từ tháng 8/2025."
    re.compile(r"(?P<t>từ (?:tháng|quý|năm) [0-9IV]{1,4}(?:/[0-9]{4})?)\s*[.;]?\s*$"),
)


_OPENING_TIME: Final = re.compile(
    r"^(?:Chậm nhất|Trong vòng|Trong|Sau khi|Sau|Trước ngày|Định kỳ)\s[^,;]{3,70},\s+(?=\S)"
)


_FORM_LABEL: Final = re.compile(r"^[^:;()]{3,80}:\s+(?=\S)")
""""Trên Cổng thông tin điện tử huyện: Văn phòng … cập nhật …": a form or place, then the body that acts."""
_INLINE_ITEM: Final = re.compile(r"(?:^|(?<=[:;.])\s+)\((?P<label>[a-zđ])\)\s+")
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


def _split_assignment(text: str) -> tuple[str, Assignment | None]:  # noqa: C901, PLR0912
    """The task text without a trailing assignment ("… Văn phòng Sở chủ trì; thời gian: quý II/2026."), and it."""
    paren = re.search(
        r"\((?P<inner>[^()]*(?:chủ trì|phối hợp|thời gian|thực hiện)[^()]*)\)\s*\.?\s*$", text, re.IGNORECASE
    )
    if paren and fold(paren["inner"]).startswith(("nhiem vu cu the", "chi tiet", "kem theo", "theo phu luc")):
        return text[: paren.start()].strip(), None  # "(Nhiệm vụ cụ thể … tại Phụ lục …)": a pointer, not the task
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
        fielded = _trailing_fields(tail) if len(head) >= 10 else None
        if fielded is not None:
            return head, fielded  # "…. Cơ quan thực hiện: …; thời gian hoàn thành: …."
        folded = fold(tail)
        if not (" chu tri" in f" {folded}" or folded.startswith(("thoi gian", "chu tri", "trach nhiem", "giao:"))):
            continue
        if len(head) < 10:
            continue
        assignment = read_assignment(tail)
        if assignment is not None and (assignment.lead or assignment.time):
            return head, assignment
    dashed = _dashed_fields(text)
    if dashed is not None:
        return dashed
    bodies = _BODY_BRACKET.search(text)
    if bodies and bodies.start() >= 10 and (who := _bracket_bodies(bodies["who"])):
        return text[: bodies.start()].rstrip() + bodies["stop"], Assignment(lead=who)
    return text, None


# "<task> – <lead> – <time>.": en dashes (spaced) separate the fields; a lead may hold hyphens ("Tư pháp - Hộ tịch")
_DASHED: Final = re.compile(
    r"^(?P<title>.{10,}?)\s+[–—]\s+(?P<who>[^–—]{2,120}?)\s+[–—]\s+(?P<time>[^–—]{2,80}?)\s*[.;]?\s*$"
)
# a bracket closing the task that names bodies and nothing else: "… (Văn phòng Sở, Thanh tra Sở)."
_BODY_BRACKET: Final = re.compile(r"\s*\((?P<who>[^()]{3,160})\)\s*(?P<stop>[.;]?)\s*$")


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


# what a bracket of bodies does not hold ("Xây dựng" may be part of a post's name: "Địa chính - Xây dựng")
_BRACKET_VERBS: Final = re.compile(r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|trách nhiệm|triển khai)\b", re.IGNORECASE)


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


_AS_ABOVE: Final = re.compile(r"\s*[-–]?\s*(?:nt|như trên|n\.t)\s*[-–.]?\s*", re.IGNORECASE)
_HEADER_WORDS: Final = (
    ("giai phap khac phuc", "remedy"),
    ("bien phap khac phuc", "remedy"),
    ("nhiem vu chung", "general"),
    ("nhiem vu cu the", "title"),
    ("noi dung nhiem vu", "title"),
    ("nhiem vu", "title"),
    ("noi dung", "title"),
    ("ten nhiem vu", "title"),
    ("hoat dong", "title"),
    ("cong viec", "title"),
    ("ket qua dau ra", "output"),
    ("san pham", "output"),
    ("chu tri", "lead"),
    ("phoi hop", "partners"),
    ("nguoi thuc hien", "lead"),
    ("don vi thuc hien", "lead"),
    ("co quan thuc hien", "lead"),
    ("phu trach", "lead"),
    ("thoi gian", "time"),
    ("thoi han", "time"),
    ("tien do", "time"),
    ("kinh phi", "budget"),
    ("du toan", "budget"),
    ("stt", "number"),
    ("tt", "number"),
    ("so tt", "number"),
)


_PERIOD_HEADERS: Final = frozenset({"thang", "quy", "tuan", "thang/nam", "quy/nam"})
"""A schedule's first column naming only its period ("Tháng"): the time of the rows beside it."""


def _merged_period(rows: Sequence[Sequence[GridCell]], columns: dict[str, int]) -> dict[int, str]:
    """The period cell of each row of a schedule whose first column is a period merged over its rows.

    A table copied from Word keeps a merged cell ("Tháng 01" spanning three rows) in its first row
    only: the rows below it, with that cell empty, are still in that period until the next one. Only
    a time column that is the table's first, before the tasks' column, is carried down so.
    """
    time, title = columns.get("time"), columns.get("title")
    first = min((cell.column for row in rows for cell in row), default=None)
    if time is None or title is None or time != first or time >= title:
        return {}
    carried: dict[int, str] = {}
    current = ""
    for index, row in enumerate(rows):
        written = _cell(row, time)
        if written:
            current = written
        elif _cell(row, title) and current:
            carried[index] = current
    return carried


def _columns(grid: Grid) -> tuple[dict[str, int], int, int]:  # noqa: C901, PLR0912
    """Which column holds what, by the header's wording; the header's row; the budget's unit in đồng."""
    for row in grid.rows[:4]:
        found: dict[str, int] = {}
        unit = 1_000_000
        for cell in row:
            folded = fold(cell.text).strip(" .:")
            if folded in _PERIOD_HEADERS and "time" not in found:
                found["time"] = cell.column  # "Tháng", "Quý": a schedule's period column
                continue
            for words, role in _HEADER_WORDS:
                if (
                    folded == words
                    or folded.startswith((words + " ", words + "/"))
                    or (role != "number" and words in folded and len(folded) < 80)
                ) and role not in found:
                    if role == "title" and "title" in found:
                        continue
                    found[role] = cell.column
                    if role == "partners" and "thuc hien" in folded:
                        found["partners_implement"] = cell.column
                    if role == "budget":
                        if "nghin dong" in folded or "ngan dong" in folded:
                            unit = 1_000
                        elif "ty dong" in folded:
                            unit = 1_000_000_000
                        elif "trieu" not in folded and "dong" in folded:
                            unit = 1
                    break
        if "remedy" in found:
            # a remedial table: "Nội dung bị trừ điểm" is what went wrong, "Giải pháp khắc phục" the task
            remedy = found.pop("remedy")
            shortcoming = next((fold(c.text) for c in row if c.column == found.get("title")), "")
            if "title" not in found or not any(w in shortcoming for w in ("nhiem vu", "cong viec", "hoat dong")):
                found["title"] = remedy
        if "title" in found and len(found) >= 3:
            return found, row[0].row if row else 0, unit
    return {}, 0, 1_000_000


def _cell(row: Sequence[GridCell], column: int | None) -> str:
    if column is None:
        return ""
    for cell in row:
        if cell.column <= column < cell.column + cell.columns:
            return cell.text.strip()
    return ""


def _grid_cell(row: Sequence[GridCell], column: int | None) -> GridCell | None:
    if column is None:
        return None
    return next((cell for cell in row if cell.column <= column < cell.column + cell.columns), None)


def _parties_of(text: str, *, sheet: bool) -> list[SingleParty]:
    """The parties a cell names; in a sheet, each line names one (a line "Cán bộ, công chức" is one group)."""
    if not sheet:
        return parse_parties(text)
    found: list[SingleParty] = []
    for line in map(_item_text, text.split("\n")):
        if not line:
            continue
        parties = parse_parties(line)
        whole = party(line)
        named = isinstance(whole, Official) and whole.honorific is not None  # "Đ/c Nguyễn Văn A, Công chức VP"
        if len(parties) > 1 and (named or all(one.label[:1].islower() for one in parties[1:])):
            parties = [whole]
        found.extend(one for one in parties if one.key not in {other.key for other in found})
    return found


def _item_text(line: str) -> str:
    """A line of a cell without the dash or bullet it starts with."""
    return re.sub(r"^\s*(?:[-+•*–]\s+)?", "", line).strip()


def _cell_origin(row: Sequence[GridCell], column: int | None) -> SourceLocation | None:
    if column is None:
        return None
    for cell in row:
        if cell.column <= column < cell.column + cell.columns:
            return cell.origin
    return None


def _join_continuation_rows(rows: list[tuple[GridCell, ...]], columns: dict[str, int]) -> list[tuple[GridCell, ...]]:
    """A task row's wrapped cells carried on in the rows under it ("| | phí, lệ phí … | | liên quan | |"), joined.

    A row continues the one above when its number cell is empty, the row above is numbered, and its task
    cell is empty or goes on in lower case; each of its cells is joined to the cell above it with one space.
    """
    number_column = columns.get("number")
    title_column = columns.get("title")
    if number_column is None or title_column is None:
        return rows
    joined: list[tuple[GridCell, ...]] = []
    numbered_above = False
    for row in rows:
        number = _cell(row, number_column)
        title = _cell(row, title_column)
        filled = [cell for cell in row if cell.text]
        continues = (
            joined
            and numbered_above
            and not number
            and filled
            and (not title or title[:1].islower() or _carried_on(row, joined[-1], columns))
            and len(row) == len(joined[-1])
            and all(cell.columns == 1 for cell in row)
        )
        if not continues:
            joined.append(row)
            numbered_above = bool(number)
            continue
        above = joined[-1]
        joined[-1] = tuple(
            attrs.evolve(top, text=f"{top.text} {cell.text}".strip()) if cell.text else top
            for top, cell in zip(above, row, strict=True)
        )
    return joined


def _carried_on(row: Sequence[GridCell], above: Sequence[GridCell], columns: dict[str, int]) -> bool:
    """Whether a row whose task cell opens in capitals still carries on the task of the row above.

    It has no lead nor time of its own, no item mark, and the task above stops without punctuation
    ("… thủ tục hành chính trên" then "Cổng …").
    """
    title = _cell(row, columns.get("title"))
    above_title = _cell(above, columns.get("title"))
    return (
        not _cell(row, columns.get("lead"))
        and not _cell(row, columns.get("time"))
        and not re.match(r"[-+•*]|[a-zđ0-9]{1,3}[.)]|(?:Tổng|TỔNG|Cộng|CỘNG)\b", title)
        and bool(above_title)
        and not above_title.rstrip().endswith((".", ";", ":", "!", "?"))
    )


def _group_row(row: Sequence[GridCell], columns: dict[str, int]) -> tuple[str | None, str] | None:  # noqa: ARG001
    """A row naming a group ("I | CHỈ ĐẠO ĐIỀU HÀNH", "A Ứng dụng …") rather than a task."""
    filled = [cell for cell in row if cell.text]
    if not filled or len(filled) > 2:
        return None
    if len(filled) == 1:
        style, label, rest = _marker(filled[0].text)
        letter = re.match(r"^(?P<l>[A-H])\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$", filled[0].text)
        if style == "roman":
            return label, rest
        if letter:
            return letter["l"], letter["rest"]
        if filled[0].columns > 1 or filled[0].text.isupper():
            return None, filled[0].text
        return None
    number, heading = filled[0].text, filled[1].text
    if re.fullmatch(r"[IVX]{1,5}\.?|[A-H]\.?", number):
        return number.rstrip("."), heading
    if re.fullmatch(r"[0-9]{1,2}\.?", number) and heading.isupper() and len(heading.split()) >= 2:
        return number.rstrip("."), heading  # "| 1 | CẢI CÁCH THỂ CHẾ | | |": a numbered group in capitals
    return None


def _budget(text: str, unit: int, *, sheet: bool = False) -> tuple[Budget | None, tuple[str, ...]]:
    """The budget a cell states, and the doubts about it.

    A point groups thousands, as Vietnamese writes ("1.500" is 1,500); in a sheet
    "12.345678" (a point not grouping thousands) is a decimal point, and a text cell
    such as "1.500", which a spreadsheet could mean either way, is read as 1,500 with a
    doubt. An amount that is not a whole number of đồng is kept as written, with a doubt.
    """
    cleaned = text.strip()
    if sheet and re.fullmatch(r"[0-9]+[.][0-9]+", cleaned) and not re.fullmatch(r"[0-9]{1,3}(?:[.][0-9]{3})+", cleaned):
        return _amount(Decimal(cleaned) * unit, cleaned)
    number = re.fullmatch(r"[0-9]{1,3}(?:[.][0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?", cleaned)
    if number:
        budget, doubts = _amount(Decimal(cleaned.replace(".", "").replace(",", ".")) * unit, cleaned)
        if sheet and re.fullmatch(r"[0-9]{1,3}[.][0-9]{3}", cleaned):
            grouped, decimal = cleaned.replace(".", ""), cleaned.replace(".", ",")
            doubts += (f"{cleaned!r} is read as {grouped} (a point grouping thousands); it may mean {decimal}",)
        return budget, doubts
    return Budget(note=cleaned, text=cleaned), ()


def _amount(exact: Decimal, written: str) -> tuple[Budget, tuple[str, ...]]:
    """A budget of ``exact`` đồng; the text as written, with a doubt, when that is not a whole number or too large."""
    if exact == exact.to_integral_value():
        try:
            return Budget(amount=int(exact), text=written), ()
        except InvariantError:
            return Budget(text=written), (f"the amount {written!r} is too large to keep: kept as written",)
    return Budget(text=written), (f"the amount {written!r} is not a whole number of đồng: kept as written",)


# -- the whole document ------------------------------------------------------------------------


def _split_regions(lines: list[TextLine], start: int) -> tuple[list[TextLine], list[TextLine], list[tuple[Tail, int]]]:
    """The body lines, the appendix lines, and the tails (recipients, signature) found, from ``start``."""
    body: list[TextLine] = []
    appendix: list[TextLine] = []
    tails: list[tuple[Tail, int]] = []
    index = start
    in_appendix = False
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if text and is_tail_start(text):
            tail, used = read_tail(lines[index:])
            if used:
                tails.append((tail, line.number))
                index += used
                continue
        if text and _APPENDIX.match(text) and (text.isupper() or len(text) <= 12):
            in_appendix = True
        (appendix if in_appendix else body).append(line)
        index += 1
    return body, appendix, tails


def read_source(document: SourceDocument) -> Reading:
    """The plan in ``document``, as far as it can be read, with each field's source and doubts.

    A document that is not a plan gives a :class:`Reading` without a plan whose
    doubts say why; so does a document whose parts contradict the model's rules
    in a way the reader did not foresee (the doubt names the rule). A workbook
    is read as a plan's appendix (:mod:`parplan.read.workbook`).
    """
    try:
        if document.format is DocumentFormat.XLSX:
            from parplan.read.workbook import read_workbook

            return read_workbook(document)
        return _read_source(document)
    except (InvariantError, ParseError) as error:
        no_doubts = _Builder(file=document.name, penalty=Decimal(1))
        return _no_plan(document, no_doubts, (f"the document could not be read into a plan: {error}",))


def _cell_confidences(document: SourceDocument) -> dict[tuple[str, str | None, str | None], int]:
    """The OCR engine's confidence in each cell of a scan's tables, and in each row (its least sure cell)."""
    result: dict[tuple[str, str | None, str | None], int] = {}
    for table in document.tables():
        for cell in table.cells:
            if cell.confidence is None:
                continue
            origin = table.origin(cell)
            name = origin.table or ""
            result[(name, origin.row, origin.column)] = cell.confidence
            row = (name, origin.row, None)
            result[row] = min(result.get(row, 100), cell.confidence)
    return result


def _read_source(document: SourceDocument) -> Reading:  # noqa: C901, PLR0912, PLR0915
    file = document.name
    lines, aside, notes = clean_lines(document)
    penalty = Decimal(1)
    if document.format is DocumentFormat.SCAN:
        penalty *= _SCAN_PENALTY
    build = _Builder(file=file, penalty=penalty)
    if document.format is DocumentFormat.SCAN:
        build.ocr = {line.number: line.confidence for line in document.lines() if line.confidence is not None}
        build.ocr_cells = _cell_confidences(document)
    build.doubts.extend(notes)
    for line in aside:
        build.unplaced.append(
            UnplacedLine(text=line.text, origin=SourceLocation(file=file, line=line.number, page=line.page))
        )
    head = read_head(lines)
    for line in head.aside:
        build.unplaced.append(
            UnplacedLine(text=line.text, origin=SourceLocation(file=file, line=line.number, page=line.page))
        )
    decision: Head | None = None
    plan_head = head
    start = head.body_start
    decision_lines: list[TextLine] = []
    carried_title: str | None = None
    if head.kind == "QD":
        later = _plan_kind_line(lines, head.body_start)
        if later is not None:
            decision = head
            sub = read_head(lines[later:])
            plan_head = attrs.evolve(sub, body_start=later + sub.body_start)
            decision_lines = lines[head.body_start : later]
            start = plan_head.body_start
        else:
            carried = _plan_in_article(lines, head.body_start)
            if carried is not None:
                # the decision carries the plan in its Điều 1: the plan's title from the article's words
                article, end, plan_title = carried
                carried_title = lines[article].text
                decision = head
                plan_head = attrs.evolve(
                    head,
                    kind="KH",
                    title=plan_title,
                    title_lines=(lines[article].number, lines[article].number),
                    body_start=article + 1,
                )
                decision_lines = lines[head.body_start : article] + lines[end:]
                lines = lines[:end] + [line for line in lines[end:] if line not in decision_lines]
                start = article + 1
    inferred_title: tuple[str, TextLine] | None = None
    if plan_head.title is None and head.title is None:
        inferred_title = _title_in_sentence(lines)
        if inferred_title is not None:
            plan_head = attrs.evolve(
                plan_head, title=inferred_title[0], title_lines=(inferred_title[1].number, inferred_title[1].number)
            )
            doubts_title = f"no kind line (KẾ HOẠCH …): the title was inferred from {inferred_title[1].text[:80]!r}"
            build.doubts.append(doubts_title)
    body_lines, appendix_lines, tails = _split_regions(lines, start)
    reader = _Reader(document=document, build=build)
    title = plan_head.title or head.title
    year, span = _plan_span(title or "")
    reader.year = year or (span.start_year if isinstance(span, Span) else span.from_year if span else None)
    # the decision's own text: its bases and articles
    decision_tails: list[tuple[Tail, int]] = []
    if decision_lines:
        d_body, _, decision_tails = _split_regions(decision_lines, 0)
        d_body = [line for line in d_body if not _is_motto(line.text)]
        for block in blocks(d_body):
            if isinstance(block, Para):
                style, label, text = _marker(block.text)
                if style == "dieu" and label:
                    node = _Node(style="dieu", label=label, text=text, para=block, id=f"QD.{label}")
                    reader._item(node, _Node(style="root", label=None, text="", para=None), zone="tasks", area=None)  # noqa: SLF001
                elif fold(block.text).startswith(("can cu", "theo de nghi", "xet de nghi")):
                    reader.preamble.append(block)
                else:
                    build.place(block)
    body_blocks = blocks(
        body_lines,
        [t for t in document.tables() if (t.line or 0) < (appendix_lines[0].number if appendix_lines else 10**9)],
    )
    reader.read_body(body_blocks)
    # preamble: legal bases, results, the issuer's sentence
    for para in reader.preamble:
        folded = fold(para.text)
        if folded.startswith(("can cu", "thuc hien", "theo ", "xet de nghi", "theo de nghi")):
            reader._references(para, para.text.split()[0])  # noqa: SLF001
            reader._result(para)  # noqa: SLF001
        else:
            reader._result(para)  # noqa: SLF001
            reader.body_text.append(para.text)
            if not _UNIT_IN_TEXT.search(para.text):
                build.place(para)
    # appendix
    appendix_title = None
    appendix_title_line: int | None = None
    issued_text = None
    guessed_lines = 0  # lines of rebuilt rows whose cells could not all be told apart
    if appendix_lines:
        app_tables = [t for t in document.tables() if (t.line or 0) >= appendix_lines[0].number]
        app_blocks = blocks(appendix_lines, app_tables)
        rebuilt = aligned = None
        if not any(isinstance(block, Grid) for block in app_blocks):
            aligned = aligned_table(appendix_lines, "appendix")
            rebuilt = aligned or rebuild(appendix_lines, "appendix")
        if rebuilt is not None and rebuilt.grid is not None:
            reader.read_grid(rebuilt.grid, area=None, zone="tasks", rebuilt=True)
            build.doubts.extend(rebuilt.doubts)
            guessed_lines += rebuilt.guessed
            build.doubts.append(
                "the appendix is a table printed as columns of text: its rows were rebuilt from their numbers"
            )
            before = rebuilt.grid.rows[1][0].line if len(rebuilt.grid.rows) > 1 else None
            if aligned is not None:  # the blocks before its header (the appendix's title) are read, not the header
                before = rebuilt.grid.first
            app_blocks = [b for b in app_blocks if isinstance(b, Para) and before is not None and b.first < before]
            for line in rebuilt.unplaced:
                build.unplaced.append(
                    UnplacedLine(text=line.text.strip(), origin=SourceLocation(line=line.number, page=line.page))
                )
        for block in app_blocks:
            if isinstance(block, Grid):
                reader.read_grid(block, area=None, zone="tasks")
                continue
            folded = fold(block.text)
            if folded.startswith("phu luc") and appendix_title is None:
                appendix_title = block.text
                continue
            if folded.startswith("(") and "kem theo" in folded:
                inside, closed, rest = block.text.partition(")")
                issued_text = inside.strip("()* ").strip()
                if closed and rest.strip(" *./"):  # lines the extraction ran on after the bracket are not its
                    build.unplaced.append(UnplacedLine(text=rest.strip(), origin=block.origin()))
                continue
            if appendix_title is not None and block.text.isupper() and len(block.text) < 200:
                appendix_title = f"{appendix_title} {block.text}"
                appendix_title_line = appendix_title_line or block.first
                continue
            build.place(block)
        if not any(t.source and t.source.table for t in reader.tasks):
            build.doubts.append(
                "the appendix holds no table the reader could read (PDF text in columns?): its lines are unplaced"
            )
    # the plan's tail: the last signature before the appendix
    plan_tail = _plan_tail(tails)
    signature: Signature | None = plan_tail.signature if plan_tail else None
    if plan_tail is None and decision_tails:
        plan_tail = _plan_tail(decision_tails)
        signature = plan_tail.signature if plan_tail else None
    recipients: tuple[str, ...] = ()
    for tail, _ in tails + decision_tails:
        if tail.recipients and not recipients:
            recipients = tail.recipients
            build.source("$.recipients", _line_origin(*(tail.recipient_lines or (None, None))), kind="signature")
    if plan_tail is not None and signature is not None:
        build.source(
            "$.signature",
            _line_origin(*(plan_tail.signature_lines or (None, None))),
            written=plan_tail.signature_written,
            kind="signature",
            doubts=plan_tail.doubts,
        )
        build.doubts.extend(plan_tail.doubts)
    # head fields
    issuer_name, unit_words, parent_line, org_kind = _issuer_and_unit(head.issuer_lines)
    issuer_certainty = Certainty.STATED
    unit: AdminUnit | None = None
    if unit_words is None and org_kind is OrgKind.PUBLIC_SERVICE_UNIT and issuer_name is not None:
        issuer_name = _as_written(issuer_name, (line.text for line in lines[:80]))
        unit_words = _unit_after_issuer(issuer_name, (line.text for line in lines[:80]))
    if unit_words is None:
        found = _find_unit(reader, head, lines)
        if found is not None:
            unit_words = found
            issuer_certainty = Certainty.INFERRED
            if issuer_name is None or org_kind is OrgKind.PEOPLES_COMMITTEE:
                issuer_name = f"Ủy ban nhân dân {_unit_words(found)}"
    if unit_words is not None:
        kind, name = unit_words
        if name is not None and head.place and fold(head.place) == fold(name):
            name = head.place
        parent_unit = _parent_unit(kind, parent_line, reader)
        try:
            unit = AdminUnit(name=name, kind=kind, parent=parent_unit)
        except InvariantError:
            unit = AdminUnit(name=name, kind=kind)
    doubts = build.doubts
    if title is None:
        doubts.append("no document kind and title (KẾ HOẠCH …) was found at the top")
    if issuer_name is None or unit is None:
        doubts.append("the issuing body and its unit could not be read (no masthead, and the text does not name them)")
    if reader.year is None:
        doubts.append("the plan's year or period could not be read from its title")
    is_plan = title is not None and (reader.tasks or reader.sections or plan_head.kind in {"KH", "CTR"})
    if title is not None and plan_head.kind not in {"KH", "CTR", "DA", "PA", None} and not reader.tasks:
        doubts.append(f"the document is a {plan_head.kind} without tasks, not a plan")
        is_plan = False
    if not is_plan or issuer_name is None or unit is None or reader.year is None or title is None:
        if not (title or reader.tasks):
            doubts.append("this does not look like a plan: no kind line, no title, no numbered tasks")
        return _no_plan(document, build, doubts)
    # sources of the head
    head_origin = _line_origin(plan_head.title_lines[0], plan_head.title_lines[1]) if plan_head.title_lines else None
    listed = _list_adopted(title, appendix_title) if head.kind == "QD" and decision is None else None
    if listed is not None:
        # "QUYẾT ĐỊNH Ban hành Danh mục nhiệm vụ …" with the list as its appendix: the plan is the list
        title = listed
        head_origin = _line_origin(appendix_title_line)
        build.source("$.title", head_origin, written=appendix_title, kind="title")
    elif inferred_title is not None:
        build.source(
            "$.title", head_origin, written=inferred_title[1].text, kind="inferred", certainty=Certainty.INFERRED
        )
    elif carried_title is not None:
        # no title line of its own: the plan's name as the decision's Điều 1 gives it, cut and capitalised here
        build.source("$.title", head_origin, written=carried_title, kind="inferred", certainty=Certainty.INFERRED)
    else:
        build.source("$.title", head_origin, kind="title")
    issuer_origin = (
        _line_origin(min(head.issuer_line_numbers), max(head.issuer_line_numbers)) if head.issuer_line_numbers else None
    )
    build.source(
        "$.issuer",
        issuer_origin,
        kind="masthead" if issuer_certainty is Certainty.STATED else "inferred",
        certainty=issuer_certainty,
        written=" / ".join(head.issuer_lines) or None,
    )
    build.source(
        "$.unit",
        issuer_origin,
        kind="masthead" if issuer_certainty is Certainty.STATED else "inferred",
        certainty=issuer_certainty,
    )
    symbol_text = (decision or head).number
    symbol, symbol_doubts = _symbol(symbol_text)
    if document.format is DocumentFormat.SCAN:
        symbol, symbol_doubts = _scanned_type(symbol, symbol_doubts, symbol_text, (decision or head).kind)
    adopted_by = None
    symbol_certainty = Certainty.STATED
    symbol_origin = _line_origin((decision or head).number_line)
    issued_on = (decision or head).issued_on
    if issued_text is not None and (symbol is None or issued_on is None):
        refs = _safe_refs(issued_text)
        if refs and refs[0].symbol is not None and symbol is None and refs[0].kind == "Kế hoạch":
            symbol = refs[0].symbol
            symbol_certainty = Certainty.INFERRED
            symbol_origin = _line_origin(appendix_lines[0].number if appendix_lines else None)
            if issued_on is None and refs[0].date is not None:
                issued_on = refs[0].date
                build.source(
                    "$.issued_on", symbol_origin, written=issued_text, kind="inferred", certainty=Certainty.INFERRED
                )
    if decision is None and symbol is None and (not head.issuer_lines or head.kind is None):
        adopting = _decision_in_sentence(lines, head.posted)
        if adopting is not None:
            adopted_by, adopting_line = adopting
            if adopted_by.kind == "Kế hoạch":
                # "UBND xã X ban hành Kế hoạch số 45/KH-UBND ngày …": the plan's own number and date
                symbol, issued_on, adopted_by = adopted_by.symbol, adopted_by.date, None
                symbol_certainty = Certainty.INFERRED
                symbol_origin = _line_origin(adopting_line.number)
                symbol_text = adopting_line.text
                if issued_on is not None:
                    build.source(
                        "$.issued_on", symbol_origin, written=symbol_text, kind="inferred", certainty=Certainty.INFERRED
                    )
                doubts.append(f"the plan's number was read from the sentence {adopting_line.text[:80]!r}")
            else:
                build.source(
                    "$.adopted_by",
                    _line_origin(adopting_line.number),
                    written=adopting_line.text,
                    kind="inferred",
                    certainty=Certainty.INFERRED,
                )
                doubts.append(f"the adopting decision was read from the sentence {adopting_line.text[:80]!r}")
    if decision is not None:
        adopted_by = LegalReference(
            symbol=symbol if symbol is not None else _blank_symbol(decision.number),
            kind="Quyết định",
            date=decision.issued_on,
            title=decision.title,
            text=" ".join(x for x in (decision.number_text, decision.place_date) if x) or decision.title,
        )
        build.source("$.adopted_by", _line_origin(decision.kind_line), kind="masthead")
        symbol = None
    if symbol is not None:
        build.source(
            "$.symbol",
            symbol_origin,
            written=symbol_text,
            kind="masthead" if symbol_certainty is Certainty.STATED else "inferred",
            certainty=symbol_certainty,
            doubts=symbol_doubts,
        )
    elif symbol_doubts:
        doubts.extend(symbol_doubts)
    if (decision or head).date_blank:
        doubts.append("the document's date is left blank (a draft)")
    if issued_on is not None and head.issued_on is not None:
        build.source("$.issued_on", _line_origin(head.place_line), written=head.place_date, kind="masthead")
    if head.place:
        build.source("$.place", _line_origin(head.place_line), written=head.place_date, kind="masthead")
    if year is not None and issued_on is not None and span is None and _remedies_last_year(title, year, issued_on):
        # "Khắc phục … Chỉ số CCHC năm 2021" issued in 2022: the plan is for the year it is issued in
        year = issued_on.year
        build.source("$.year", head_origin, written=title, kind="inferred", certainty=Certainty.INFERRED)
    elif year is not None:
        build.source("$.year", head_origin, written=title, kind="inferred" if inferred_title else "title")
    elif span is not None:
        build.source("$.span", head_origin, written=title, kind="inferred" if inferred_title else "title")
    masthead = None
    if head.issuer_lines:
        masthead = Masthead(
            parent=parent_line,
            issuer=" ".join(head.issuer_lines[1:] if parent_line else head.issuer_lines)
            .removeprefix(parent_line or "")
            .strip()
            or " ".join(head.issuer_lines),
            number=(decision or head).number_text,
            place_date=(decision or head).place_date,
        )
        build.source("$.masthead", issuer_origin, kind="masthead")
    try:
        plan = Plan(
            title=title,
            issuer=Organisation(name=issuer_name, level=unit.level, category=org_kind),
            unit=unit,
            kind=_plan_kind(title, plan_head.kind),
            year=year,
            span=span,
            symbol=symbol,
            place=head.place,
            issued_on=issued_on if decision is None else decision.issued_on,  # the adopting one's, if any
            issued_text=issued_text,
            masthead=masthead,
            signature=signature,
            adopted_by=adopted_by,
            legal_bases=tuple(reader.legal_bases),
            implements=tuple(reader.implements),
            purposes=tuple(reader.purposes),
            requirements=tuple(reader.requirements),
            results=tuple(reader.results),
            objectives=tuple(reader.objectives),
            sections=tuple(reader.sections),
            tasks=tuple(reader.tasks),
            reporting=tuple(reader.reporting),
            obligations=tuple(reader.obligations),
            funding=tuple(reader.funding),
            closing=reader.closing,
            recipients=recipients,
            sources=tuple(build.sources),
            source_file=file,
        )
    except InvariantError as error:
        doubts.append(f"the draft plan could not be built: {error}")
        return _no_plan(document, build, doubts)
    signs = DocumentSigns(
        lines=sum(1 for line in lines if line.text.strip()),
        unplaced=len(build.unplaced) + guessed_lines,
        leads_named=count_lead_words("\n".join(line.text for line in lines)),
        masthead=bool(head.issuer_lines),
        kind_line=head.kind is not None,
    )
    factor, reasons = document_factor(plan, signs)
    sources = apply_field_signals(apply_document_factor(plan.sources, plan, factor), plan)
    if sources != plan.sources:
        plan = attrs.evolve(plan, sources=sources)
    if factor < Decimal("0.9"):
        reason = "; ".join(reasons)
        doubts.append(f"the document does not follow the layouts the reader knows ({reason}): its tasks are less sure")
    confidences = [s.confidence for s in plan.sources if s.confidence is not None]
    confidence = (sum(confidences, Decimal(0)) / len(confidences)).quantize(Decimal("0.001")) if confidences else None
    if not plan.tasks:
        doubts.append("no task was found")
    return Reading(
        plan=plan,
        format=document.format,
        file=file,
        pages=document.pages,
        unplaced=tuple(build.unplaced),
        doubts=tuple(_unique(doubts)),
        confidence=confidence,
    )


def _after_committee(line: str) -> str:
    """The words after "Ủy ban nhân dân" / "UBND" in a parent line: "UBND TỈNH X" -> "TỈNH X"."""
    words = line.split()
    size = 1 if fold(line).startswith("ubnd") else 4 if fold(line).startswith(("uy ban nhan dan", "uy ban")) else 0
    return " ".join(words[size:])


def _named_words(unit: str) -> str:
    """A unit named in a sentence, without the lower-case words after its name ("xã Hòa Phú đã" -> "xã Hòa Phú")."""
    words = unit.split()
    kind_size = 2 if fold(" ".join(words[:2])) in {"thi tran", "thi xa", "thanh pho"} else 1
    kept = words[:kind_size]
    for word in words[kind_size:]:
        if not word[:1].isupper():
            break
        kept.append(word)
    return " ".join(kept)


_ARTICLE_ONE: Final = re.compile(
    r"^\s*Điều\s+1\s*[.:]\s*(?:Ban hành|Phê duyệt)\s+(?:kèm theo\s+Quyết định này\s+)?"
    r"(?:bản\s+)?[“\"]?Kế hoạch\s+(?P<title>.+?)\s*(?:,?\s*(?:với|gồm) (?:các|những) nội dung (?:sau|chính|như sau)|"
    r"\s+như sau|[.:;]?\s*$)",
    re.IGNORECASE,
)
_ARTICLE_ONE_FOLDED: Final = re.compile(
    r"^\s*dieu\s+1\s*[.:]\s*(?:ban hanh|phe duyet)\s+(?:kem theo\s+quyet dinh nay\s+)?(?:ban\s+)?[\"']?ke hoach\s+"
    r"(?P<title>.+?)\s*(?:,?\s*(?:voi|gom) (?:cac|nhung) n\w{1,2} dung (?:sau|chinh|nhu sau)"
    r"|\s+nh\w{0,2} sau|[.:;]?\s*$)"
)
""":data:`_ARTICLE_ONE` on folded text, OCR's digits read as letters: a scan without marks ("Diéu 1. Ban hanh …")."""
_ARTICLE: Final = re.compile(r"^\s*Điều\s+(?P<n>[0-9]+)\s*[.:]")
_ARTICLE_FOLDED: Final = re.compile(r"^\s*dieu\s+(?P<n>[0-9]+)\s*[.:]")
_TITLE_SENTENCE: Final = re.compile(
    r"(?:ban hành|xây dựng|triển khai)\s+(?:bản\s+)?Kế hoạch\s+(?!số\b)(?P<title>[^.;:]+?)"
    r"\s*(?:,?\s*(?:với|gồm) (?:các|những)? ?nội dung|\s+như sau|\s+cụ thể|\s+trên địa bàn|[.;:]|$)",
    re.IGNORECASE,
)
_TITLE_SENTENCE_FOLDED: Final = re.compile(
    r"(?:ban hanh|xay dung|trien khai)\s+(?:ban\s+)?ke hoach\s+(?!so\b)(?P<title>[^.;:]+?)"
    r"\s*(?:,?\s*(?:voi|gom) (?:cac|nhung)? ?noi dung|\s+nh\w{0,2} sau|\s+cu the|\s+tren dia ban|[.;:]|$)"
)
""":data:`_TITLE_SENTENCE` on folded text: a scan that lost its diacritics ("xay dung Ké hoach … nhw sau")."""
_DECISION_SENTENCE: Final = re.compile(
    r"(?:ban hành\s+(?P<kind>Quyết định|Kế hoạch)|"
    r"^\s*(?=Kế hoạch\s+số\s*:?\s*\S+\s+ngày\s+[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
    r"(?:\s+của\s+[^.;:]{2,80})?\s*\.?\s*$)(?P<line_kind>Kế hoạch))"
    r"\s+số\s*:?\s*(?P<sym>[0-9]+[^\s,;]*)",
    re.IGNORECASE,
)
"""The plan's or its decision's number in a copy without masthead: "UBND xã X ban hành Kế hoạch số 45/KH-UBND …",
or a line of a portal's copy that opens with it ("Kế hoạch số 09/KH-SCT ngày 11/01/2023 của Sở Công Thương")."""
_YEARLESS_DAY: Final = re.compile(r"\bngày\s+(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})\b(?!\s*/)", re.IGNORECASE)
_DECISION_SENTENCE_FOLDED: Final = re.compile(
    r"ban hanh\s+(?P<kind>quyet dinh|ke hoach)\s+s[o0-9]\s*:?\s*(?P<sym>[0-9]+[^\s,;]*)"
)
""":data:`_DECISION_SENTENCE` on folded text: a scan that lost its marks ("da ban hanh Quyét dinh so 57/QD-UBND")."""
_SENTENCE_DAY: Final = re.compile(
    r"ng[àa]y\s+(?P<d>[0-9]{1,2})\s*(?:/|th[áa]ng)\s*(?P<m>[0-9]{1,2})\s*(?:/|n[ăa]m)\s*(?P<y>[0-9]{4})", re.IGNORECASE
)


_ALIAS: Final = re.compile(r"\s*\((?:sau đây )?(?:gọi tắt là|gọi chung là|gọi là)[^()]*\)", re.IGNORECASE)


def _plan_in_article(lines: Sequence[TextLine], start: int) -> tuple[int, int, str] | None:
    """A plan carried in a decision's Điều 1: its line, the line of Điều 2 (or the end), the plan's title."""
    for index in range(start, min(len(lines), start + 60)):
        text = lines[index].text
        found = _ARTICLE_ONE.match(text) or _ARTICLE_ONE_FOLDED.match(repair_ocr(fold_aligned(text))[0])
        if found is None:
            continue
        title = _ALIAS.sub("", text[found.start("title") : found.end("title")]).strip(" ,.")
        if not _YEAR.search(title):
            return None
        end = next(
            (
                later
                for later in range(index + 1, len(lines))
                if (article := _ARTICLE.match(lines[later].text) or _ARTICLE_FOLDED.match(fold(lines[later].text)))
                and article["n"] != "1"
            ),
            len(lines),
        )
        return index, end, title[:1].upper() + title[1:]
    return None


_NUMBERED_TITLE: Final = re.compile(
    r"(?:ban hành|xây dựng)\s+Kế hoạch\s+số\s*:?\s*[0-9]+/\S+(?:\s+ngày\s+[0-9/]+)?\s+(?:về|về việc)\s+"
    r"(?P<title>[^.;:]+?)\s*(?:,?\s*(?:với|gồm) (?:các|những)? ?nội dung|\s+như sau|[.;:]|$)",
    re.IGNORECASE,
)
"""The issuing sentence of a news item: "UBND huyện X ban hành Kế hoạch số 27/KH-UBND về <title>."."""


def _title_in_sentence(lines: Sequence[TextLine]) -> tuple[str, TextLine] | None:
    """Without a kind line, the plan's title from a line that says what the document is.

    The issuing sentence that names the plan by its number and subject ("ban hành Kế hoạch số 27/KH-UBND về …")
    wins over a headline or a sentence without the number.
    """
    opening = [line for line in lines[:40] if line.text.strip()][:12]
    for line in opening:
        numbered = _NUMBERED_TITLE.search(line.text)
        if numbered and _YEAR.search(numbered["title"]):
            title = numbered["title"].strip(" ,")
            return title[:1].upper() + title[1:], line
    seen = 0
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        seen += 1
        if seen > 12 or _ARTICLE.match(text) or re.match(r"^(?:[IVX]+|[0-9]+)\s*[.)]\s", text):
            return None
        found = _TITLE_SENTENCE.search(text) or _TITLE_SENTENCE_FOLDED.search(fold_aligned(text))
        if found and _YEAR.search(found["title"]):
            title = text[found.start("title") : found.end("title")].strip(" ,")
            return title[:1].upper() + title[1:], line
    return None


def _decision_in_sentence(
    lines: Sequence[TextLine], posted: date | None = None
) -> tuple[LegalReference, TextLine] | None:
    """The adopting decision of a copy without masthead ("Ngày 18/7/2025, UBND xã X đã ban hành Quyết định số …").

    A news item gives the day without its year ("Ngày 22/02, UBND huyện … ban hành …"): the year is the posting
    day's (``posted``), or the one before when the day would fall after the posting.
    """
    for line in lines[:30]:
        found = _DECISION_SENTENCE.search(line.text) or _DECISION_SENTENCE_FOLDED.search(fold_aligned(line.text))
        if found is None:
            continue
        symbol, problems = _symbol(line.text[found.start("sym") : found.end("sym")].rstrip("."))
        if symbol is None or problems:
            continue
        # the day stands before the number ("Ngày 18/7/2025, … ban hành") or just after it ("… số 119/QĐ-UBND ngày …")
        before = list(_SENTENCE_DAY.finditer(line.text[: found.start()]))
        after = _SENTENCE_DAY.match(line.text[found.end() :].lstrip(" ,"))
        day_found = after or (before[-1] if before else None)
        day = None
        if day_found is not None:
            try:
                day = date(int(day_found["y"]), int(day_found["m"]), int(day_found["d"]))
            except ValueError:
                day = None
        elif posted is not None:
            yearless = [*_YEARLESS_DAY.finditer(line.text[: found.start()])]
            if yearless:
                day = _day_in_year(int(yearless[-1]["d"]), int(yearless[-1]["m"]), posted)
        written_kind = found.groupdict().get("kind") or found.groupdict().get("line_kind") or ""
        kind = "Quyết định" if fold(written_kind) == "quyet dinh" else "Kế hoạch"
        return LegalReference(symbol=symbol, kind=kind, date=day, text=line.text[found.start() : found.end()]), line
    return None


def _day_in_year(day: int, month: int, posted: date) -> date | None:
    """The day ``day``/``month`` written without a year, on or before the day it was posted.

    >>> _day_in_year(22, 2, date(2024, 2, 26))
    datetime.date(2024, 2, 22)
    >>> _day_in_year(28, 12, date(2024, 1, 5))
    datetime.date(2023, 12, 28)
    """
    try:
        found = date(posted.year, month, day)
        return found if found <= posted else date(posted.year - 1, month, day)
    except ValueError:
        return None


def _list_adopted(title: str | None, appendix_title: str | None) -> str | None:
    """The heading of the appendix a decision adopts as its list of tasks, when the decision's title names it.

    >>> _list_adopted("Ban hành Danh mục nhiệm vụ cải cách hành chính năm 2020 của huyện X",
    ...               "PHỤ LỤC DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2020")
    'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2020'
    >>> _list_adopted("Về việc công bố Chỉ số cải cách hành chính năm 2020", "PHỤ LỤC KẾT QUẢ CHỈ SỐ NĂM 2020") is None
    True
    """
    if not title or not appendix_title:
        return None
    heading = re.sub(
        r"^\s*PH[ỤU]\s*L[ỤU]C(?:\s+(?:[IVX]+|[0-9]+)\b)?[\s.:–-]*", "", appendix_title, flags=re.IGNORECASE
    )
    folded = fold(heading).strip(" .")
    if len(folded) < 15 or not _YEAR.search(heading) or not folded.startswith(("danh muc", "ke hoach", "chuong trinh")):
        return None
    return heading.strip() if folded in fold(title) else None


def _remedies_last_year(title: str, year: int, issued_on: date) -> bool:
    """Whether a remedial plan's title names only the index year it remedies, the year before its date."""
    return "khac phuc" in fold(title) and issued_on.year == year + 1 and len(set(_YEAR.findall(title))) == 1


def _no_plan(document: SourceDocument, build: _Builder, doubts: Iterable[str]) -> Reading:
    """A reading without a plan: what was set aside, and why there is no plan."""
    return Reading(
        plan=None,
        format=document.format,
        file=document.name,
        pages=document.pages,
        unplaced=tuple(build.unplaced),
        doubts=tuple(_unique(doubts)),
        confidence=None,
    )


def _plan_kind_line(lines: Sequence[TextLine], start: int) -> int | None:
    """The line "KẾ HOẠCH" that opens the plan a decision adopts."""
    index = start
    while True:
        found = find_kind_line(lines, start=index, limit=len(lines))
        if found is None:
            return None
        if fold(lines[found].text).startswith("ke hoach"):
            return found
        index = found + 1


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def _is_motto(text: str) -> bool:
    folded = fold(text)
    return "cong hoa xa hoi" in folded or ("doc lap" in folded and "hanh phuc" in folded)


def _plan_tail(tails: Sequence[tuple[Tail, int]]) -> Tail | None:
    signed = [tail for tail, _ in tails if tail.signature is not None]
    return signed[-1] if signed else (tails[-1][0] if tails else None)


def _safe_refs(text: str) -> list[LegalReference]:
    try:
        return extract_references(text)
    except (ParseError, InvariantError):
        return []


def _blank_symbol(number: str | None) -> DocumentSymbol | None:
    if not number:
        return None
    found = re.search(r"/\s*(?P<type>[A-ZĐa-z]+)\s*[-–]\s*(?P<issuer>[A-ZĐ][A-ZĐa-z0-9&]*)", number)
    if not found:
        return None
    try:
        return DocumentSymbol(doc_type=found["type"], issuer=found["issuer"], text=number)
    except InvariantError:
        return None


def _find_unit(reader: _Reader, head: Head, lines: Sequence[TextLine]) -> tuple[UnitKind, str | None] | None:  # noqa: C901, PLR0912
    """The issuing unit named in the text ("Ủy ban nhân dân xã Sơn Châu xây dựng kế hoạch …")."""
    texts = [*reader.body_text, *(p.text for p in reader.preamble)]
    if reader.closing:
        texts.append(reader.closing)
    texts.extend(line.text for line in lines[:80])
    place = fold(head.place) if head.place else None
    scores: dict[tuple[UnitKind, str | None], int] = {}
    for text in texts:
        folded = fold(text)
        issuing = any(
            word in folded for word in ("xay dung ke hoach", "ban hanh ke hoach", "tren day la", "ke hoach cai cach")
        )
        for found in _UNIT_IN_TEXT.finditer(text):
            unit = unit_from_words(_named_words(found["unit"]))
            if unit is not None and unit[0].level.rank >= 2:
                scores[unit] = scores.get(unit, 0) + (3 if issuing else 1) + unit[0].level.rank
    if place is not None:
        for unit in scores:
            if unit[1] and fold(unit[1]) == place:
                return unit
    if scores:
        return max(scores, key=lambda unit: scores[unit])
    if head.place:
        # "Ủy ban nhân dân tỉnh ban hành kế hoạch …": the unit named by its kind only, its name the place's
        sentences = (_ISSUING_KIND.search(fold(text)) for text in texts)
        issuing_kind = next((said["kind"] for said in sentences if said is not None), None)
        for text in texts:
            folded = fold(text)
            for word, kind in _PLACE_KINDS:
                if kind.level.rank < 2 and issuing_kind != word:
                    continue  # a province named in the text is the issuer's only when the issuer says so
                if f"{word} {place}" in folded:
                    return kind, head.place
    return None


_ISSUING_KIND: Final = re.compile(
    r"(?:uy ban nhan dan|ubnd) (?P<kind>tinh|huyen|xa|phuong) (?:ban hanh|xay dung|trien khai)\b"
)
_PLACE_KINDS: Final = tuple((word, dict(UNIT_WORDS)[word]) for word in ("xa", "phuong", "huyen", "tinh"))


def _parent_unit(kind: UnitKind, parent_line: str | None, reader: _Reader) -> AdminUnit | None:  # noqa: ARG001
    if parent_line:
        rest = _after_committee(parent_line)
        found = unit_from_words(rest) if rest else None
        if found is not None and found[0].level.rank < kind.level.rank:
            return AdminUnit(name=found[1], kind=found[0])
    return None


def read_text(text: str, *, name: str | None = None) -> Reading:
    r"""The plan in ``text`` (as copied from a Word file, a PDF or a web page), read as :func:`read_source` reads.

    >>> reading = read_text("KẾ HOẠCH\nCải cách hành chính năm 2026 của UBND xã Tân Lập\n", name="ke-hoach.txt")
    >>> reading.plan is not None and reading.plan.year
    2026
    """
    from parplan.read.formats.text import legacy_encoding, source_from_text

    legacy = legacy_encoding(text)
    if legacy is not None:
        return Reading(
            plan=None,
            format=DocumentFormat.TEXT,
            file=name,
            doubts=(f"the text is in the legacy {legacy} encoding, not Unicode: convert it first",),
        )
    return read_source(source_from_text(text, name=name))


# -- fields written on their own lines after an item ---------------------------------------

_FIELD_LABELS: Final = (
    # the label as folded, the role it gives
    ("co quan chu tri", "lead"),
    ("don vi chu tri", "lead"),
    ("bo phan chu tri", "lead"),
    ("chu tri thuc hien", "lead"),
    ("chu tri", "lead"),
    ("don vi dau moi", "lead"),
    ("dau moi", "lead"),
    ("co quan dau moi", "lead"),
    ("don vi thuc hien", "doers"),
    ("co quan thuc hien", "doers"),
    ("bo phan thuc hien", "doers"),
    ("nguoi thuc hien", "doers"),
    ("thuc hien", "doers"),
    ("co quan phoi hop", "partners"),
    ("don vi phoi hop", "partners"),
    ("phoi hop thuc hien", "partners"),
    ("phoi hop", "partners"),
    ("trach nhiem thuc hien", "assignment"),
    ("trach nhiem", "assignment"),
    ("phan cong", "assignment"),
    ("phan cong thuc hien", "assignment"),
    ("phan cong trach nhiem", "assignment"),
    ("thoi gian thuc hien", "time"),
    ("thoi gian hoan thanh", "time"),
    ("hoan thanh", "time"),
    ("thoi han hoan thanh", "time"),
    ("thoi gian", "time"),
    ("thoi han", "time"),
    ("tien do thuc hien", "time"),
    ("tien do", "time"),
    ("lo trinh thuc hien", "time"),
    ("lo trinh", "time"),
    ("san pham dau ra", "output"),
    ("san pham", "output"),
    ("ket qua dau ra", "output"),
)
_FIELD_START: Final = re.compile(
    r"^\s*(?:[-+•–*·▪●◦➢\uf000-\uf0ff]\s*)?(?P<label>[^\W\d][^:;.()]{1,28}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL
)
_FIELD_CUT: Final = re.compile(
    r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ][^:;.()]{1,28}?\s*:\s*\S)"
    # "Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: …": a second label after a semicolon, in lower case
    r"|(?<=;)\s+(?=(?:cơ quan|đơn vị|bộ phận|thời gian|thời hạn|sản phẩm|kinh phí|phối hợp|lộ trình|tiến độ"
    r"|trách nhiệm|chủ trì|đầu mối|hoàn thành|phân công)\b"
    r"[^:;.()]{0,20}?\s*:\s*\S)"
)


def _field_role(label: str) -> str | None:
    folded = fold(label).strip()
    return next((role for words, role in _FIELD_LABELS if folded == words), None)


def _read_fields(text: str) -> list[tuple[str, str]] | None:
    """The fields of a line ("- Cơ quan chủ trì: Phòng Nội vụ", "Thực hiện: …. Thời gian: …"); None if not one.

    >>> _read_fields("Thực hiện: Phòng Nội vụ chủ trì. Thời gian: quý II/2024.")
    [('doers', 'Phòng Nội vụ chủ trì.'), ('time', 'quý II/2024.')]
    >>> _read_fields("(Cơ quan chủ trì: Sở Tư pháp; thời gian: Quý I/2015)")
    [('lead', 'Sở Tư pháp;'), ('time', 'Quý I/2015')]
    >>> _read_fields("Trên Trang thông tin điện tử: duy trì chuyên mục") is None
    True
    """
    fields: list[tuple[str, str]] = []
    text = text.strip()
    bracket = re.fullmatch(r"\((?P<inner>[^()]+)\)\s*[.;]?", text)
    if bracket is not None:
        text = bracket["inner"].strip()  # "(Cơ quan chủ trì: …; thời gian: …)" on the line after an item
    for piece in _FIELD_CUT.split(text):
        found = _FIELD_START.match(piece)
        role = _field_role(found["label"]) if found else None
        if found is None or role is None:
            if not fields:
                return None
            label, value = fields[-1]
            fields[-1] = (label, f"{value} {piece}")
            continue
        fields.append((role, found["rest"].strip()))
    return fields or None


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
        elif role in {"lead", "doers"}:
            lead.extend(parse_parties(_without_bracket(value)))  # "Thực hiện: A; B": the doers carry the task
        elif role == "partners":
            coordinating.extend(parse_parties(value))
    if not (lead or coordinating or implementing or time):
        return None, outputs
    if not lead and implementing:
        lead, implementing = implementing, []
    return Assignment(lead=lead, coordinating=coordinating, implementing=implementing, time=time), outputs


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
    return re.sub(r"\s*\([^()]{2,60}\)(?=\s*(?:[;,.]|$))", "", value)


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


_TIMEISH_FIELD: Final = re.compile(r"^(?:Thường xuyên|Hằng|Hàng|Quý|Tháng|Năm|Trước|Trong|Cả năm|Định kỳ)\b")
_ROLE_WORDS_IN: Final = re.compile(r"\b(?:chủ trì|phối hợp|Chủ trì|Phối hợp)\b")

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
_HEADING_BODY_PREFIX: Final = re.compile(
    r"^(?:Trách nhiệm của|Nhiệm vụ của|Đối với|Trách nhiệm|TRÁCH NHIỆM CỦA|ĐỐI VỚI)\s+", re.IGNORECASE
)
_DUTY_VERB: Final = re.compile(
    r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|chịu trách nhiệm|có trách nhiệm|triển khai|tổ chức|xây dựng)\b",
    re.IGNORECASE,
)


def _heading_party(text: str) -> SingleParty | None:
    """The body a heading names ("Phòng Nội vụ:", "Trách nhiệm của các đơn vị được kiểm tra"), not an area.

    >>> _heading_party("Văn phòng HĐND và UBND huyện:").label
    'Văn phòng HĐND và UBND huyện'
    >>> _heading_party("Tài chính – ngân sách:") is None
    True
    >>> _heading_party("Sở Nội vụ (cơ quan thường trực Ban Chỉ đạo):").label
    'Sở Nội vụ'
    """
    name = _HEADING_BODY_PREFIX.sub("", text.strip().rstrip(":").strip(" *"), count=1).strip()
    name = re.sub(r"\s*\([^()]*\)$", "", name)  # "(cơ quan thường trực …)" after the body: its role, not its name
    folded = fold(name)
    if (
        not name
        or len(name.split()) > 14
        or _DUTY_VERB.search(name)
        or folded.startswith(_NOT_A_BODY)
        or not (folded + " ").startswith(_HEADING_BODY_START)
    ):
        return None
    return party(name)
