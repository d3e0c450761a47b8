"""The head of a plan document and what is read around it.

The issuer and its unit, the kind, the title and the span, the plan a decision
carries in its Điều 1, the dates and symbols of the document and of its bases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

import attrs

from parplan.errors import InvariantError, ParseError
from parplan.legal import DocumentSymbol, LegalReference, SymbolForm
from parplan.org import OrgKind, UnitKind
from parplan.plan import PlanKind
from parplan.read.accents import vi_compile
from parplan.read.draft import fold
from parplan.read.layout import UNIT_WORDS, Tail, find_kind_line, title_case, unit_from_words
from parplan.read.lines import TextLine
from parplan.text import extract_references, parse_document_symbol
from parplan.text.normalize import fold_aligned, repair_ocr
from parplan.timeframes import OpenEnded, Span

_YEAR: Final = re.compile(r"(?<![0-9/])(?:19|20)[0-9]{2}(?![0-9])")
_SPAN: Final = vi_compile(
    r"(?:giai đoạn|nhiệm kỳ)\s+(?P<a>(?:19|20)[0-9]{2})\s*[-–]\s*(?P<b>(?:19|20)[0-9]{2})", re.IGNORECASE
)
_OPEN: Final = vi_compile(r"năm\s+(?P<y>(?:19|20)[0-9]{2})\s+và\s+(?:những|các)\s+năm\s+tiếp\s+theo", re.IGNORECASE)
_UNIT_IN_TEXT: Final = vi_compile(
    r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|ỦY BAN NHÂN DÂN|[UỦ]y ban nh[âa]n d[âa]n)\s+"
    r"(?P<unit>(?:xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh|XÃ|PHƯỜNG|HUYỆN|TỈNH"
    r"|xa|ph[uư]\S{0,2}ng|th[iị] tr[âấa]n|th[iị] x[aã]|huy[eéệ]n|t[iỉ]nh)"  # the kind as a scan leaves it
    r"\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"
)
_PARENT_IN_TEXT: Final = vi_compile(
    r"(?:UBND|Ủy ban nhân dân)\s+(?P<unit>(?:huyện|quận|thị xã|tỉnh|thành phố)\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"  # noqa: E501
)


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
    lines = _committee_pair(_wrapped_committees(_split_run_together(lines)))
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
    elif (under := _body_under_parent(lines, folded)) is not None:
        return under
    office = _local_office(lines)
    if office is not None:
        return office
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
    if parent is not None and folded_joined.startswith(_PUBLIC_UNIT_START):
        # "UBND XÃ HÒA VANG" over "TRƯỜNG MẦM NON HOA SỮA": a public service unit under its committee
        return _body_case(joined), None, parent, OrgKind.PUBLIC_SERVICE_UNIT
    if folded_joined.startswith(("so ", "ban ", "van phong", "phong ")):
        kind = OrgKind.DEPARTMENT if folded_joined.startswith(("so ", "ban ")) else OrgKind.OFFICE
        # "SỞ CÔNG THƯƠNG TỈNH LAI CHÂU" on its own: the body names its unit
        parent_unit = unit_from_words(_after_committee(parent)) if parent else _unit_in_parent(joined)
        name = joined[:1] + joined[1:].lower() if joined.isupper() else joined
        name = _department_name(joined)
        return name, parent_unit, parent, kind
    return title_case(joined), None, parent, OrgKind.OTHER


def _body_under_parent(
    lines: Sequence[str], folded: Sequence[str]
) -> tuple[str, tuple[UnitKind, str | None] | None, str, OrgKind] | None:
    """A body under its parent body ("VĂN PHÒNG UBND TỈNH X" or "SỞ Y (TỈNH X)" over "TRUNG TÂM …"), or None."""
    if not (
        len(lines) >= 2
        and folded[0].startswith(_BODY_START)
        and (_unit_in_parent(lines[0]) is not None or folded[0].startswith("so "))
        and (folded[1] + " ").startswith(_UNDER_BODY)
    ):
        return None
    parent = lines[0]
    joined = " ".join(lines[1:])
    category = OrgKind.PUBLIC_SERVICE_UNIT if fold(joined).startswith("trung tam") else OrgKind.OFFICE
    if fold(joined) in {"van phong", "thanh tra"}:
        joined = f"{joined} {parent}"  # "SỞ TÀI CHÍNH" over "VĂN PHÒNG": the department's office by its name
    return _department_name(joined), _unit_in_parent(parent), parent, category


_CENTRAL_AGENCY: Final = (
    *("bhxh ", "bao hiem xa hoi", "cuc thue ", "chi cuc thue", "kho bac nha nuoc", "kbnn ", "cuc thong ke"),
    *("chi cuc thong ke", "cuc hai quan", "chi cuc hai quan", "ngan hang chinh sach xa hoi", "nhcsxh "),
)
"""The local offices of central agencies, which stand outside the committees: social insurance, tax, treasury …"""


def _local_office(
    lines: Sequence[str],
) -> tuple[str, tuple[UnitKind, str | None] | None, str, OrgKind] | None:
    """A central agency's office under its province-level office ("BHXH TỈNH A" over "BẢO HIỂM XÃ HỘI" / "HUYỆN B").

    The first line names the province's office, the lines under it the office that issues the plan, its
    name over one line or two; the unit is the one the office's name ends with.

    >>> name, unit, parent, _ = _local_office(["BHXH TỈNH NGHỆ AN", "BẢO HIỂM XÃ HỘI", "HUYỆN YÊN THÀNH"])
    >>> name, unit, parent
    ('Bảo hiểm xã hội huyện Yên Thành', (<UnitKind.DISTRICT: 'huyen'>, 'Yên Thành'), 'BHXH TỈNH NGHỆ AN')
    >>> _local_office(["UBND TỈNH A", "SỞ NỘI VỤ"]) is None
    True
    """
    if len(lines) < 2 or not fold(lines[0]).startswith(_CENTRAL_AGENCY) or _unit_in_parent(lines[0]) is None:
        return None
    joined = " ".join(lines[1:])
    if not fold(joined).startswith(_CENTRAL_AGENCY):
        return None
    unit = _unit_in_parent(joined)
    name = joined
    if unit is not None and joined.isupper():
        kind_words = len(joined.split()) - len((unit[1] or "").split())
        words = joined.split()
        name = " ".join([*_department_name(" ".join(words[:kind_words])).lower().split(), unit[1] or ""]).strip()
        name = name[:1].upper() + name[1:]
    elif joined.isupper():
        name = _department_name(joined)
    return name, unit or _unit_in_parent(lines[0]), lines[0], OrgKind.OFFICE


_PUBLIC_UNIT_START: Final = ("benh vien", "truong ", "trung tam y te", "trung tam ", "vien ", "tram y te")


def _public_unit_under_parent(lines: Sequence[str]) -> tuple[str, str] | None:
    """A public service unit under the department it belongs to ("SỞ Y TẾ …" over "BỆNH VIỆN …"): it, its parent.

    A hospital's or a school's masthead names its managing department first and itself below;
    the issuer is the unit, the department only its parent. The name is title-cased here; the
    reader then takes it as the text writes it, when it does (:func:`_as_written`).

    >>> _public_unit_under_parent(["PHÒNG GDĐT ĐỨC TRỌNG", "TRƯỜNG THCS CHU VĂN AN"])
    ('Trường THCS Chu Văn An', 'PHÒNG GDĐT ĐỨC TRỌNG')
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
            return _body_case(" ".join(lines[index:])), parent
    return None


_VOWELS: Final = frozenset("aeiouy")


def _body_case(text: str) -> str:
    """A body's name from the masthead's capitals in title case, its abbreviations kept in capitals.

    A word without a vowel is no Vietnamese syllable but an abbreviation ("THPT", "PTDTNT", "GDNN-GDTX").

    >>> _body_case("TRƯỜNG THPT MƯỜNG ẢNG"), _body_case("BỆNH VIỆN PHỔI")
    ('Trường THPT Mường Ảng', 'Bệnh Viện Phổi')
    """
    return " ".join(
        written if not _VOWELS & set(fold(written)) else cased
        for written, cased in zip(text.split(), title_case(text).split(), strict=True)
    )


def _as_written(name: str, texts: Iterable[str]) -> str:
    """``name`` as the text writes it in lower and upper case ("Trường THCS Chu Văn An"), else as it is."""
    key = fold(name)
    for text in texts:
        folded = fold(text)
        at = folded.find(key)
        if at >= 0 and len(folded) == len(text) and (at == 0 or not folded[at - 1].isalnum()):
            written = text[at : at + len(key)]
            if written[:1].isupper() and not written.isupper():  # not the masthead's capitals
                return written
    return name


def _unit_after_issuer(issuer: str, texts: Iterable[str]) -> tuple[UnitKind, str | None] | None:
    """The unit the text writes after the issuer's name ("Bệnh viện Y dược cổ truyền tỉnh Hà Nam xây dựng …")."""
    after = re.compile(
        re.escape(fold(issuer)) + r"\s+(?P<unit>(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+\S+(?:\s+\S+)?)"
    )
    for text in (cell for line in texts for cell in line.split("\t")):  # a tab parts a masthead's two columns
        found = after.search(fold(text))
        if found is None:
            continue
        start, end = found.span("unit")
        words = (text[start:end] if len(fold(text)) == len(text) else found["unit"]).split()
        size = 2 if fold(" ".join(words[:2])) in {"thanh pho", "thi xa"} else 1  # the kind's words, then the name's
        unit = unit_from_words(" ".join(words[:size] + [w for w in words[size:] if w[:1].isupper()]))
        if unit is not None:
            return unit
    return None


_FIELDS: Final = tuple(
    sorted(
        {
            "y te",
            "gd dt",
            "gddt",
            "giao duc va dao tao",
            "giao duc dao tao",
            "giao duc",
            "noi vu",
            "tu phap",
            "tai chinh",
            "ke hoach va dau tu",
            "kh dt",
            "khdt",
            "tai chinh ke hoach",
            "tc kh",
            "cong thuong",
            "xay dung",
            "giao thong van tai",
            "gtvt",
            "tai nguyen va moi truong",
            "tn mt",
            "tnmt",
            "nong nghiep va phat trien nong thon",
            "nn ptnt",
            "nnptnt",
            "nong nghiep va moi truong",
            "lao dong thuong binh va xa hoi",
            "ld tb xh",
            "ldtbxh",
            "van hoa the thao va du lich",
            "vh tt dl",
            "vhttdl",
            "van hoa va the thao",
            "van hoa the thao",
            "van hoa va thong tin",
            "van hoa thong tin",
            "khoa hoc va cong nghe",
            "kh cn",
            "khcn",
            "thong tin va truyen thong",
            "tt tt",
            "tttt",
            "ngoai vu",
            "dan toc va ton giao",
            "dan toc",
            "kinh te",
            "kinh te ha tang",
            "kinh te va ha tang",
            "quan ly do thi",
            "du lich",
            "y te giao duc",
        },
        key=lambda field: -len(field.split()),
    )
)
"""The fields a province's departments (Sở) and a district's offices (Phòng) are named by, folded, without
punctuation ("GD&ĐT" -> "gd dt"): what follows the field in a masthead line is the unit's name."""
_BODY_LEVEL: Final = {"so": UnitKind.PROVINCE, "phong": UnitKind.DISTRICT}
_CENTRAL_CITIES: Final = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"})
"""The cities under the central government, whose departments are the city's ("SỞ Y TẾ HÀ NỘI")."""
_KIND_BEFORE: Final = re.compile(r"\b(?P<kind>tinh|thanh pho|huyen|quan|thi xa)\s+$")


@attrs.frozen
class BodyUnit:
    """The unit of a body that is not a People's Committee, and where it was read.

    ``source`` is "parent" (the masthead's line above the body, or the body's own line),
    "title" (the text names the body with its unit), "place" (the place line only) or
    "kind" (no line names the unit: it is named by its kind); ``factor`` scales the
    confidence of the reading; ``doubt`` says why it is less sure.
    """

    issuer: str
    unit: tuple[UnitKind, str | None]
    source: str
    factor: float = 1.0
    doubt: str | None = None


def _plain(text: str) -> str:
    """Folded, punctuation as spaces: "SỞ GD&ĐT QUẢNG TRỊ" -> "so gd dt quang tri"."""
    return " ".join(re.sub(r"[&,.;:()/\-–]+", " ", fold(text)).split())


def _named_after_field(line: str) -> tuple[UnitKind, str] | None:
    """The unit a department's or an office's line names after its field: "SỞ GD&ĐT QUẢNG TRỊ" -> tỉnh Quảng Trị.

    Only a field the reader knows is cut off; an unknown one names no unit.

    >>> _named_after_field("SỞ Y TẾ NINH BÌNH")
    (<UnitKind.PROVINCE: 'tinh'>, 'Ninh Bình')
    >>> _named_after_field("PHÒNG GD&ĐT NAM ĐÀN")
    (<UnitKind.DISTRICT: 'huyen'>, 'Nam Đàn')
    >>> _named_after_field("SỞ Y TẾ HÀ NỘI")
    (<UnitKind.CENTRAL_CITY: 'thanh_pho_truc_thuoc_trung_uong'>, 'Hà Nội')
    >>> _named_after_field("SỞ NỘI VỤ") is None, _named_after_field("SỞ ABC XYZ") is None
    (True, True)
    """
    words = re.sub(r"[&,.;:()/\-–]+", " ", line).split()
    plain = _plain(line).split()
    if len(words) != len(plain) or not plain or plain[0] not in _BODY_LEVEL:
        return None
    for field in _FIELDS:
        size = len(field.split())
        if plain[1 : 1 + size] != field.split():
            continue
        name = words[1 + size :]
        if not 1 <= len(name) <= 4 or not all(word[:1].isupper() for word in name):
            return None
        if unit_from_words(" ".join(name)) is not None:
            return None  # "… TỈNH HÀ NAM": the unit's own words, read by _unit_in_parent
        kind = _BODY_LEVEL[plain[0]]
        named = title_case(" ".join(name))
        if kind is UnitKind.PROVINCE and " ".join(plain[1 + size :]) in _CENTRAL_CITIES:
            kind = UnitKind.CENTRAL_CITY
        return kind, named
    return None


def _kind_written_before(name: str, texts: Sequence[str]) -> UnitKind | None:
    """The kind the text writes before ``name`` ("huyện Nam Đàn"), when it writes one kind only."""
    key = fold(name)
    kinds = set()
    for text in texts:
        folded = fold(text)
        at = folded.find(key)
        while at >= 0:
            before = _KIND_BEFORE.search(folded[:at])
            end = at + len(key)
            if before is not None and (end == len(folded) or not folded[end].isalnum()):
                found = unit_from_words(before["kind"])
                if found is not None:
                    kinds.add(found[0])
            at = folded.find(key, at + 1)
    return kinds.pop() if len(kinds) == 1 else None


def _unit_kind_ending(issuer: str) -> UnitKind | None:
    """The kind a body's name ends with, naming its unit by its kind: "Bệnh viện Đa khoa tỉnh" -> tỉnh."""
    folded = fold(issuer).split()
    for key, kind in UNIT_WORDS:
        size = len(key.split())
        if len(folded) > size and folded[-size:] == key.split() and kind.level.rank >= 1:
            return kind
    return None


def body_unit(  # noqa: C901, PLR0912 - one source after the other, each with its own confidence
    issuer: str, parent: str | None, own: Sequence[str], texts: Sequence[str], place: str | None
) -> BodyUnit:
    """The unit of a public service unit or a department, from its parent line, then the title, then the place.

    ``issuer`` is the body's name as read, ``parent`` the masthead's line above it (the managing
    department), ``own`` the body's own masthead lines, ``texts`` the lines of the document's head
    and body, ``place`` the place line's name. A department's line names its unit after its field
    ("SỞ Y TẾ NINH BÌNH"); a hospital named by the kind of its unit ("BỆNH VIỆN ĐA KHOA TỈNH") is
    named in full in the title ("… của Bệnh viện Đa khoa tỉnh Ninh Bình"); the place line names
    the town the body sits in, which is the unit's name only sometimes. The issuer's name is
    completed as the text writes it. When nothing names the unit or its kind, a province without a
    name stands for it (the model needs a unit), with a doubt; the caller tries the text first.
    """
    ending = _unit_kind_ending(issuer)
    in_text = _unit_after_issuer(issuer, texts)
    if ending is not None and in_text is None:
        # the body is named by its unit's kind: the text may write the name after it
        bare = " ".join(issuer.split()[: -len(ending.title_vi.split())])
        found = _unit_after_issuer(bare, texts)
        if found is not None and found[0] is ending and found[1] is not None:
            in_text = found
            issuer = _as_written(f"{bare} {_unit_words(found)}", texts)
    if ending is not None and in_text is not None and in_text[0] is ending and in_text[1] is not None:
        return BodyUnit(issuer, in_text, "title")  # "Trung tâm Y tế huyện Krông Nô": the body's own unit
    lines = [line for line in (parent, *own) if line]
    from_parent = None
    if parent and fold(parent).startswith(("ubnd ", "uy ban nhan dan ")):
        committee = unit_from_words(_after_committee(parent))  # "UBND XÃ HÒA VANG": the committee's unit
        if committee is not None and committee[1] is not None:
            return BodyUnit(issuer, committee, "parent")
    for line in lines:
        explicit = _unit_in_parent(line)
        if explicit is not None:
            return BodyUnit(issuer, explicit, "parent")
        from_parent = from_parent or _named_after_field(line)
    if from_parent is not None:
        kind, name = from_parent
        written = _kind_written_before(name, texts)
        if written is not None and written.level is kind.level:
            return BodyUnit(issuer, (written, name), "parent")  # the text writes the unit in full
        agrees = (in_text is not None and in_text[1] is not None and fold(in_text[1]) == fold(name)) or (
            place is not None and fold(place) == fold(name)
        )
        if agrees and written is None and kind is not UnitKind.DISTRICT:
            return BodyUnit(issuer, from_parent, "parent")
        return BodyUnit(
            issuer,
            from_parent,
            "parent",
            factor=0.85,
            doubt=f"the unit {_unit_words(from_parent)!r} was read from the masthead line {lines[0]!r}, "
            "whose kind of unit is not written",
        )
    if in_text is not None:
        return BodyUnit(issuer, in_text, "title")
    if ending is not None and place:
        return BodyUnit(
            issuer,
            (ending, place),
            "place",
            factor=0.7,
            doubt=f"the {ending.title_vi} of {issuer!r} was taken from the place line ({place!r}): no line names it",
        )
    named_by = ending
    if named_by is None:
        for line in lines:
            plain = _plain(line).split()
            if plain and plain[0] in _BODY_LEVEL:
                named_by = _BODY_LEVEL[plain[0]]
                break
    if named_by is not None:
        return BodyUnit(
            issuer,
            (named_by, None),
            "kind",
            factor=0.5,
            doubt=f"no line names the unit of {issuer!r}: it is read as a {named_by.title_vi} without a name",
        )
    # nothing tells even the kind of unit: the model needs one, so a province without a name stands for it
    return BodyUnit(
        issuer,
        (UnitKind.PROVINCE, None),
        "kind",
        factor=0.4,
        doubt=f"no line names the unit of {issuer!r} or its kind: a province without a name stands for it",
    )


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


_RUN_TOGETHER: Final = vi_compile(
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


def _wrapped_committees(lines: Sequence[str]) -> list[str]:
    """A masthead's committees each wrapped after its unit's kind, put back on their lines.

    "ỦY BAN NHÂN DÂN QUẬN" over "SƠN TRÀ", then "ỦY BAN NHÂN DÂN PHƯỜNG" over "AN HẢI BẮC": a parent and its
    body, each name wrapped in the narrow column. Only where another committee's line follows: a lone
    committee wrapped is read whole as it is.

    >>> _wrapped_committees(["ỦY BAN NHÂN DÂN QUẬN", "SƠN TRÀ", "ỦY BAN NHÂN DÂN PHƯỜNG", "AN HẢI BẮC"])
    ['ỦY BAN NHÂN DÂN QUẬN SƠN TRÀ', 'ỦY BAN NHÂN DÂN PHƯỜNG AN HẢI BẮC']
    >>> _wrapped_committees(["ỦY BAN NHÂN DÂN HUYỆN", "PHÙ NINH"])
    ['ỦY BAN NHÂN DÂN HUYỆN', 'PHÙ NINH']
    """
    committee = ("ubnd ", "uy ban nhan dan ")
    if sum(fold(line).startswith(committee) for line in lines) < 2:  # a parent and its body, at least
        return list(lines)
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (
            after is not None
            and fold(line).startswith(committee)
            and _unit_unnamed(line)
            and not fold(after).startswith(_BODY_START)
        ):
            result.append(f"{line} {after}")
            index += 2
            continue
        result.append(line)
        index += 1
    return result


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


_THEMES: Final = (
    "tuyen truyen",
    "kiem tra",
    "nang cao chi so",
    "sipas",
    "papi",
    "hai long",
    "kiem soat",
    "xac dinh chi so",
    "danh gia",
    "cham diem",
    "trong tam",
    "ra soat",
)
"""Folded words of a title naming one theme of reform rather than the whole year's reform: propaganda,
inspection, control of procedures, the index (determining, self-assessing, scoring, raising it), people's
satisfaction, review, the year's key tasks. A plan on one of them need not cover every area."""


def _plan_kind(title: str, kind: str | None) -> PlanKind:
    folded = fold(title)
    if "khac phuc" in folded:
        return PlanKind.REMEDIAL
    if kind == "CTR" or "giai doan" in folded:
        return PlanKind.PROGRAMME
    if any(word in folded for word in _THEMES):
        return PlanKind.THEMATIC
    if kind == "BC":
        return PlanKind.OTHER
    return PlanKind.ANNUAL


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


_ARTICLE_ONE: Final = vi_compile(
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
_ARTICLE: Final = vi_compile(r"^\s*Điều\s+(?P<n>[0-9]+)\s*[.:]")
_ARTICLE_FOLDED: Final = re.compile(r"^\s*dieu\s+(?P<n>[0-9]+)\s*[.:]")
_TITLE_SENTENCE: Final = vi_compile(
    r"(?:ban hành|xây dựng|triển khai)\s+(?:bản\s+)?Kế hoạch\s+(?!số\b)(?P<title>[^.;:]+?)"
    r"\s*(?:,?\s*(?:với|gồm) (?:các|những)? ?nội dung|,?\s+(?:với|nhằm)\s+mục tiêu|\s+như sau|\s+cụ thể|\s+trên địa bàn"
    r"|[.;:]|$)",
    re.IGNORECASE,
)
_TITLE_SENTENCE_FOLDED: Final = re.compile(
    r"(?:ban hanh|xay dung|trien khai)\s+(?:ban\s+)?ke hoach\s+(?!so\b)(?P<title>[^.;:]+?)"
    r"\s*(?:,?\s*(?:voi|gom) (?:cac|nhung)? ?noi dung|\s+nh\w{0,2} sau|\s+cu the|\s+tren dia ban|[.;:]|$)"
)
""":data:`_TITLE_SENTENCE` on folded text: a scan that lost its diacritics ("xay dung Ké hoach … nhw sau")."""
_DECISION_SENTENCE: Final = vi_compile(
    r"(?:ban hành\s+(?P<kind>Quyết định|Kế hoạch)|"
    r"^\s*(?=Kế hoạch\s+số\s*:?\s*\S+\s+ngày\s+[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
    r"(?:\s+của\s+[^.;:]{2,80})?\s*\.?\s*$)(?P<line_kind>Kế hoạch))"
    r"\s+số\s*:?\s*(?P<sym>[0-9]+[^\s,;]*)",
    re.IGNORECASE,
)
"""The plan's or its decision's number in a copy without masthead: "UBND xã X ban hành Kế hoạch số 45/KH-UBND …",
or a line of a portal's copy that opens with it ("Kế hoạch số 09/KH-SCT ngày 11/01/2023 của Sở Công Thương")."""
_YEARLESS_DAY: Final = vi_compile(r"\bngày\s+(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})\b(?!\s*/)", re.IGNORECASE)
_DECISION_SENTENCE_FOLDED: Final = re.compile(
    r"ban hanh\s+(?P<kind>quyet dinh|ke hoach)\s+s[o0-9]\s*:?\s*(?P<sym>[0-9]+[^\s,;]*)"
)
""":data:`_DECISION_SENTENCE` on folded text: a scan that lost its marks ("da ban hanh Quyét dinh so 57/QD-UBND")."""
_SENTENCE_DAY: Final = vi_compile(
    r"ng[àa]y\s+(?P<d>[0-9]{1,2})\s*(?:/|th[áa]ng)\s*(?P<m>[0-9]{1,2})\s*(?:/|n[ăa]m)\s*(?P<y>[0-9]{4})", re.IGNORECASE
)


_ALIAS: Final = vi_compile(r"\s*\((?:sau đây )?(?:gọi tắt là|gọi chung là|gọi là)[^()]*\)", re.IGNORECASE)


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


_NUMBERED_TITLE: Final = vi_compile(
    r"(?:ban hành|xây dựng)\s+Kế hoạch\s+số\s*:?\s*[0-9]+/\S+(?:\s+ngày\s+[0-9/]+)?\s+(?:về|về việc)\s+"
    r"(?P<title>[^.;:]+?)\s*(?:,?\s*(?:với|gồm) (?:các|những)? ?nội dung|,?\s+(?:với|nhằm)\s+mục tiêu|\s+như sau"
    r"|[.;:]|$)",
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
    headline = _headline([line for line in lines[:60] if line.text.strip()])
    if headline is not None:
        return headline.text.strip(), headline
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


_HEADLINE_WORDS: Final = 5
_OPENING_WORDS: Final = ("can cu", "thuc hien", "theo ", "nham ", "de ")


def _headline(opening: Sequence[TextLine]) -> TextLine | None:
    """A subject line in capitals with its year, standing alone before the plan's first sentence.

    A copy that lost the kind line ("KẾ HOẠCH") keeps the subject under the masthead ("KIỂM SOÁT THỦ TỤC HÀNH
    CHÍNH NĂM 2023 TRÊN ĐỊA BÀN TỈNH …"): the plan's title as written. A masthead's row, the motto, a part's
    heading and anything after the first sentence ("Căn cứ …", "Thực hiện …") are not one.
    """
    for line in opening:
        text = line.text.strip()
        folded = fold(text)
        if (text[:1].isupper() and folded.startswith(_OPENING_WORDS)) or re.match(r"^(?:[IVX]+|[0-9]+)\s*[.)]\s", text):
            return None  # the first sentence ("Thực hiện …"); a wrapped line going on in small letters is none
        if (
            in_capitals(text)
            and "|" not in text
            and len(text.split()) >= _HEADLINE_WORDS
            and _YEAR.search(text)
            and not _is_motto(text)
            and not folded.startswith(("so:", "so ", "uy ban", "ubnd", "cong hoa"))
            and _SYMBOL_IN.search(text) is None
        ):
            return line
    return None


_SMALL_I: Final = re.compile(r"(?<=[^\W\d_])i(?=[^\W\d_]*\b)")
"""An "i" after a letter in a word: OCR writes the capital "Í" as a small "i" ("CHiNH", "CHi")."""


def in_capitals(text: str) -> bool:
    """Whether a line is written in capitals, an "i" OCR made small inside a word of capitals ("CHiNH") counted so.

    >>> in_capitals("KIỂM SOÁT THỦ TỤC HÀNH CHiNH NĂM 2023"), in_capitals("Kiểm soát thủ tục hành chính")
    (True, False)
    >>> in_capitals("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), in_capitals("Mini KẾ HOẠCH")
    (True, False)
    """
    if text.isupper():
        return True
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    return bool(words) and all(word.isupper() if "i" not in word else _small_i_only(word) for word in words)


def _small_i_only(word: str) -> bool:
    """A word of capitals but for the small "i"s OCR wrote inside it ("CHiNH"), never one opening it."""
    return not word.startswith("i") and _SMALL_I.sub("I", word).isupper() and sum(c.isupper() for c in word) >= 2


_SYMBOL_IN: Final = re.compile(r"[0-9]+/[A-ZĐ]")
"""A document's number and symbol ("28/KH-UBND"): a masthead's line or a reference, not a subject."""


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


_ISSUING_KIND: Final = re.compile(
    r"(?:\b[uv]y ban nh[a-z]?n d[a-z]?n|\bubnd) (?P<kind>tinh|huyen|xa|phuong) (?:ban hanh|xay dung|trien khai)\b"
)
"""The sentence by which the committee issues the plan, folded; a vowel of its name OCR lost ("nhan dn") forgiven."""
_PLACE_KINDS: Final = tuple((word, dict(UNIT_WORDS)[word]) for word in ("xa", "phuong", "huyen", "tinh"))
