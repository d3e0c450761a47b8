"""The parts of a document that Decree 30/2020/NĐ-CP fixes: masthead, kind and title, signature, recipients.

Copies flatten the masthead's two columns in several ways (both columns on one
line, cells separated by tabs, ``|`` or wide gaps, every cell on its own lines,
column after column) or drop it; :func:`read_head` accepts them all by taking
the motto, the number and the place-and-date line out of the text wherever they
stand, and reading what is left of the upper-case lines as the issuer.
:func:`read_tail` reads the recipients and the signature block, side by side or
one after the other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date
from typing import Final

import attrs

from parplan.org import UnitKind
from parplan.plan import Authority, Signature, SigningCapacity
from parplan.read.lines import TextLine, split_cells
from parplan.text import fold as _fold_text

fold = functools.lru_cache(maxsize=8192)(_fold_text)

__all__ = ["UNIT_WORDS", "Head", "Tail", "find_kind_line", "read_head", "read_tail", "title_case", "unit_from_words"]

_KIND_WORDS: Final = {
    "ke hoach": "KH",
    "quyet dinh": "QD",
    "bao cao": "BC",
    "chuong trinh": "CTR",
    "de an": "DA",
    "phuong an": "PA",
}
_KIND_LINE: Final = re.compile(
    r"^\s*(?P<kind>K[ẾE]\s*HO[ẠA]CH|QUY[ẾE]T\s*[ĐD][ỊI]NH|B[ÁA]O\s*C[ÁA]O|CH[ƯU][ƠO]NG\s*TR[ÌI]NH|[ĐD][ỀE]\s*[ÁA]N|PH[ƯU][ƠO]NG\s*[ÁA]N)"
    r"\s*:?\s*(?P<rest>.*)$"
)
_MOTTO_1: Final = re.compile(
    r"c\s*o\s*n\s*g\s*h\s*o\s*a\s+x\s*a\s+h\s*o\s*i(?:\s+c\s*h\s*u\s+n\s*g\s*h\s*i\s*a\s+v\s*i\s*e\s*t\s+n\s*a\s*m)?"
)
_MOTTO_1B: Final = re.compile(r"chu\s*nghia\s*viet(?:\s*nam)?")
_MOTTO_CUT: Final = re.compile(r"chu\s*nghia\s*viet\s*$")
"""The motto's first line cut before its last word: the next fragment "NAM" is the motto's, not the issuer's."""
_MOTTO_2: Final = re.compile(r"doc\s*lap\s*[-–—\s]*\s*tu\s*do\s*[-–—\s]*\s*hanh\s*phuc")
_NUMBER: Final = re.compile(
    r"(?:S(?:[ốo]|[ốoóòôồổộ0O6é]{2}|[óòôồổộ06é])\s*:?|[§$][0-9oóô]{1,2}\s*:)\s*(?P<sym>(?:[0-9]{1,5}[a-z]?)?\s*(?:/\s*[0-9]{4})?\s*/\s*[A-ZĐ][A-ZĐa-z0-9&]*(?:\s*[-–.]\s*[A-ZĐ][A-ZĐa-z0-9&]*)*)"
)
_PLACE_DATE: Final = re.compile(
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'.]*\s+){0,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ'.]*)?\s*,?\s*ng[àa]y\s*(?P<d>[0-9]{1,2})?[\s.…_]*"
    r"th[áa]ng\s*(?P<m>[0-9]{1,2})?[\s.…_]*n[ăa]m\s*(?P<y>[0-9]{4})"
)
UNIT_WORDS: Final = (
    ("thanh pho truc thuoc trung uong", UnitKind.CENTRAL_CITY),
    ("thi tran", UnitKind.TOWNSHIP),
    ("thi xa", UnitKind.TOWN),
    ("dac khu", UnitKind.SPECIAL_ZONE),
    ("phuong", UnitKind.WARD),
    ("xa", UnitKind.COMMUNE),
    ("huyen", UnitKind.DISTRICT),
    ("quan", UnitKind.URBAN_DISTRICT),
    ("thanh pho", UnitKind.PROVINCIAL_CITY),
    ("tinh", UnitKind.PROVINCE),
    ("tp", UnitKind.PROVINCIAL_CITY),
)
"""The words that name a unit's kind (folded), each before the shorter words it holds, with the kind each names."""
_AGGREGATOR: Final = re.compile(r"so hieu|ngay ban hanh|loai van ban|co quan ban hanh|nguoi ky|linh vuc|tinh trang")


def title_case(text: str) -> str:
    """Upper-case words in title case, as place names are written: "XUÂN LÃNH" -> "Xuân Lãnh"."""
    return " ".join(word[:1] + word[1:].lower() if word.isupper() else word for word in text.split())


def unit_from_words(text: str) -> tuple[UnitKind, str | None] | None:
    """The kind and name of a unit written "xã Sơn Châu", "HUYỆN MANG YANG", "tỉnh Hà Tĩnh"."""
    words = text.strip(" ,.;:").split()
    folded = fold(text).strip(" ,.;:").split()
    for key, kind in UNIT_WORDS:
        size = len(key.split())
        if folded[:size] == key.split():
            name = " ".join(words[size:]).strip(" ,.;:")
            return kind, (title_case(name) if name else None)
    return None


@attrs.frozen
class Head:
    """What the head of a document says, as written, with the lines each part came from."""

    kind: str | None = None
    kind_line: int | None = None
    body_start: int = 0
    issuer_lines: tuple[str, ...] = ()
    issuer_line_numbers: tuple[int, ...] = ()
    number: str | None = None
    number_line: int | None = None
    number_text: str | None = None
    place: str | None = None
    issued_on: date | None = None
    place_date: str | None = None
    place_line: int | None = None
    date_blank: bool = False
    title: str | None = None
    title_lines: tuple[int, int] | None = None
    aside: tuple[TextLine, ...] = ()


def find_kind_line(lines: Sequence[TextLine], start: int = 0, limit: int = 60) -> int | None:
    """The index of the line naming the document's kind ("KẾ HOẠCH", "QUYẾT ĐỊNH"), upper case, near the top."""
    for index in range(start, min(len(lines), start + limit)):
        text = lines[index].text.strip()
        found = _KIND_LINE.match(text)
        if found and text[: found.end("kind")].isupper() and not found["rest"][:1].islower():
            rest = found["rest"]
            if not rest or rest[:1].isupper() or rest[:1] == "":
                return index
        if _lone_kind_word(lines, index):
            return index
    return None


def _lone_kind_word(lines: Sequence[TextLine], index: int) -> bool:
    """A kind word alone on its line in mixed case ("Quyết định") over an upper-case subject line.

    Styled headings copied from a portal lose their capitals; an aggregator's "Loại văn bản"
    value is the same word, but over another value ("Không xác định"), never over a subject.
    """
    text = lines[index].text.strip()
    if fold(text) not in _KIND_WORDS:
        return False
    following = next((line.text.strip() for line in lines[index + 1 : index + 3] if line.text.strip()), "")
    return len(following) > 10 and _upperish(following) and not following[:1].isdigit()


def _kind_code(text: str) -> str | None:
    folded = fold(text)
    for word, code in _KIND_WORDS.items():
        if folded.startswith(word):
            return code
    return None


def read_head(lines: Sequence[TextLine]) -> Head:  # noqa: C901
    """The masthead, kind and title at the top of ``lines``; ``body_start`` is the first line after them."""
    kind_index = find_kind_line(lines)
    aside: list[TextLine] = []
    masthead_end = kind_index if kind_index is not None else _masthead_guess(lines)
    start = 0
    # an aggregator's block of metadata before the masthead
    for index in range(masthead_end):
        text = lines[index].text
        if "|" in text and _AGGREGATOR.search(fold(text)):
            start = index + 1
    if start:
        aside.extend(line for line in lines[:start] if line.text.strip())
    fragments: list[tuple[str, int]] = []
    for line in lines[start:masthead_end]:
        if not line.text.strip():
            continue
        cells = split_cells(line.text) or [c for c in re.split(r"\s{3,}", line.text.strip()) if c]
        fragments.extend((cell.strip(), line.number) for cell in cells if cell.strip() and cell.strip() != "|")
    head = _read_masthead(fragments)
    if kind_index is None:
        return attrs.evolve(head, body_start=masthead_end, aside=tuple(aside))
    kind_text = lines[kind_index].text.strip()
    found = _KIND_LINE.match(kind_text)
    rest = found["rest"].strip() if found else ""
    title_parts: list[str] = [rest] if rest else []
    first = lines[kind_index].number
    last = first
    index = kind_index + 1
    while index < len(lines) and lines[index].text.strip() in {"", "|"} and not title_parts:
        index += 1
    while index < len(lines):
        text = lines[index].text.strip()
        if not text or text == "|":  # a lone "|": a cell border left by the copy, as good as a blank line
            nxt = next((line.text.strip() for line in lines[index + 1 : index + 3] if line.text.strip()), "")
            if nxt[:1].islower():
                index += 1
                continue
            break
        if _stops_title(text, title_parts):
            break
        title_parts.append(text)
        last = lines[index].number
        index += 1
        if len(title_parts) >= 5:
            break
    title = " ".join(" ".join(title_parts).split()) or None
    return attrs.evolve(
        head,
        kind=_kind_code(kind_text),
        kind_line=lines[kind_index].number,
        body_start=index,
        title=title,
        title_lines=(first, last) if title else None,
        aside=tuple(aside),
    )


def _masthead_guess(lines: Sequence[TextLine]) -> int:
    """Without a kind line, the masthead ends at the place-and-date line or the first long line."""
    for index, line in enumerate(lines[:15]):
        text = line.text.strip()
        if _PLACE_DATE.search(text):
            return index + 1
        if len(text) > 120 or text.startswith(("Căn cứ", "Thực hiện")):
            return index
    return 0


_STOP_TITLE: Final = re.compile(r"^(?:\(|Căn cứ|Xét |Kính gửi|[IVX]+\s*[.)]\s|Phần\s|PHẦN\s|Trên cơ sở|Ngày \d|Năm \d)")
_STOP_IF_CITING: Final = re.compile(r"^(?:Thực hiện|Theo )")


_SCANNED_CAN_CU: Final = re.compile(r"^c\S{0,2}n\s+c\S{0,3}\s")
""""Căn cứ" as OCR leaves it, folded: "cn ct", "c&n ct?", "can cif"."""
_ENDS_WITH_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}\s*[)]?$")
_AUTHORITY: Final = re.compile(
    r"(?:chu tich|pho chu tich|uy ban nhan dan|ubnd|giam doc|truong phong|truong ban|hieu truong|bo truong"
    r"|thu truong|chanh van phong|tong giam doc|vien truong|cuc truong)(?: |$)"
)
"""The issuing authority of a decision, on its own line under the title ("TRƯỞNG PHÒNG NỘI VỤ")."""


def _stops_title(text: str, parts: Sequence[str]) -> bool:
    if _STOP_TITLE.match(text) or len(text) > 220 or _SCANNED_CAN_CU.match(fold(text)):
        return True
    if _STOP_IF_CITING.match(text) and (
        len(text) > 120 or re.search(r"[0-9]+\s*/", text) or (parts and _ENDS_WITH_YEAR.search(parts[-1]))
    ):
        return True  # "Thực hiện …", "Theo …" after a title that ended with its year: the first sentence
    if parts and text.isupper() and (not parts[-1].isupper() or _AUTHORITY.match(fold(text))):
        return True  # "ỦY BAN NHÂN DÂN HUYỆN", "GIÁM ĐỐC SỞ …": the authority of a decision
    return bool(parts and parts[-1].rstrip().endswith((".", ":", ";")))


def _read_masthead(fragments: list[tuple[str, int]]) -> Head:  # noqa: C901, PLR0912
    joined = "\n".join(text for text, _ in fragments)
    numbers = [number for _, number in fragments]
    number = number_text = None
    number_line = place = place_date = None
    issued: date | None = None
    place_line: int | None = None
    date_blank = False
    remaining: list[tuple[str, int]] = []
    flat = " ".join(text for text, _ in fragments)
    found_number = _NUMBER.search(flat)
    if found_number:
        number = " ".join(found_number["sym"].split()).replace(" /", "/").replace("/ ", "/")
        number_text = " ".join(found_number.group(0).split())
        flat = flat[: found_number.start()] + " | " + flat[found_number.end() :]
    found_date = _PLACE_DATE.search(flat)
    if found_date:
        place = found_date["place"]
        dropped = 0
        if place:
            words = place.split()
            while words and (
                (words[0].isupper() and len(words[0]) > 1)
                or not words[0][:1].isupper()  # "…phúc Cam Lâm": the end of the motto is not the place
                or fold(words[0]) in {"so", "ngay"}
            ):
                words = words[1:]
                dropped += 1
            place = " ".join(words) or None
        place_date = " ".join(found_date.group(0).split()[dropped:])  # what was not the place is not its line
        if found_date["d"] and found_date["m"]:
            try:
                issued = date(int(found_date["y"]), int(found_date["m"]), int(found_date["d"]))
            except ValueError:
                issued = None
        else:
            date_blank = True
    motto_cut = False
    for text, line_number in fragments:
        folded = fold(text)
        if motto_cut and folded.strip(" .") == "nam":
            motto_cut = False
            continue  # "… CHỦ NGHĨA VIỆT" / "NAM": the motto wrapped in its column
        motto_cut = bool(_MOTTO_CUT.search(folded))
        if found_number and (text in found_number.group(0) or folded.startswith("so")) and number_line is None:
            number_line = line_number
        if found_date and place_line is None and (("ngay" in folded and "thang" in folded) or "nam" in folded):
            place_line = line_number
        cleaned = _strip_motto_and_facts(text)
        if cleaned and number and " ".join(cleaned.split()) == number:
            cleaned = ""  # the number on the line after "Số:" (a cell cut in two)
        if cleaned:
            remaining.append((cleaned, line_number))
    issuer_lines = tuple(text for text, _ in remaining if _upperish(text))
    issuer_numbers = tuple(n for text, n in remaining if _upperish(text))
    _ = joined, numbers
    return Head(
        issuer_lines=issuer_lines,
        issuer_line_numbers=issuer_numbers,
        number=number,
        number_line=number_line,
        number_text=number_text,
        place=place,
        issued_on=issued,
        place_date=place_date,
        place_line=place_line,
        date_blank=date_blank,
    )


def _upperish(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _strip_motto_and_facts(text: str) -> str:
    """The part of a masthead fragment that is neither the motto, the number nor the place and date."""
    folded = fold(text)
    for pattern in (_MOTTO_2, _MOTTO_1, _MOTTO_1B):
        found = pattern.search(folded)
        if found:
            text = (text[: found.start()] + " " + text[found.end() :]).strip()
            folded = fold(text)
    found_number = _NUMBER.search(text)
    if found_number:
        text = (text[: found_number.start()] + text[found_number.end() :]).strip()
    if fold(text).startswith(("so:", "so :")) or fold(text) in {"so", "so:"}:
        return ""
    found_date = _PLACE_DATE.search(text)
    if found_date:
        text = (text[: found_date.start()] + text[found_date.end() :]).strip()
    if re.fullmatch(r"[\W_]*", text):
        return ""
    return text.strip(" |-–")


# -- the tail: recipients and signature ----------------------------------------------------------

_CAPACITY: Final = re.compile(r"(?:^|(?<=\s))(?P<cap>TM|KT|Q|TL|TUQ|TƯQ)\s*\.\s*(?P<of>[A-ZĐÀ-Ỹ][^\n|]*)$")
_RECIPIENTS: Final = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_NAME: Final = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,5}$")  # "Y Thanh Niê"


@attrs.frozen
class Tail:
    """The recipients and signature found at the end of a document body."""

    recipients: tuple[str, ...] = ()
    archive: str | None = None
    recipient_lines: tuple[int, int] | None = None
    signature: Signature | None = None
    signature_lines: tuple[int, int] | None = None
    signature_written: str | None = None
    doubts: tuple[str, ...] = ()


def is_tail_start(text: str) -> bool:
    """Whether a line opens a recipients list or a signature block."""
    stripped = text.strip()
    return bool(_RECIPIENTS.match(stripped) or _CAPACITY.match(stripped))


def _undashed_recipient(piece: str, recipients: Sequence[str], *, in_recipients: bool) -> bool:
    """A recipient line without its dash: after "Nơi nhận:", closed by ";" or "." and opening a new entry.

    >>> _undashed_recipient("Sở Nội vụ;", [], in_recipients=True)
    True
    >>> _undashed_recipient("TM. ỦY BAN NHÂN DÂN", ["Sở Nội vụ;"], in_recipients=True)
    False
    """
    text = piece.strip()
    return (
        in_recipients
        and 0 < len(text) < 120
        and text.endswith((";", "."))
        and not _upperish(text)
        and (not recipients or recipients[-1].rstrip().endswith(";"))
    )


def read_tail(lines: Sequence[TextLine]) -> tuple[Tail, int]:  # noqa: C901, PLR0912, PLR0915
    """The recipients and signature in ``lines`` (which start at "Nơi nhận" or a capacity line).

    Returns the tail and how many lines it took.
    """
    recipients: list[str] = []
    rec_numbers: list[int] = []
    authorities: list[Authority] = []
    position: str | None = None
    name: str | None = None
    sig_numbers: list[int] = []
    sig_written: list[str] = []
    in_recipients = False
    used = 0
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            used = index + 1
            continue
        if fold(text).startswith("phu luc"):
            break  # the appendix starts: never a signer's post ("Q. CHỦ TỊCH" has none of its own)
        pieces = _tail_pieces(text)
        consumed = False
        for piece in pieces:
            rec = _RECIPIENTS.match(piece)
            if rec:
                in_recipients = True
                consumed = True
                if rec["rest"].strip():
                    pieces.extend(_tail_pieces(rec["rest"].strip()))
                continue
            capacity = _CAPACITY.match(piece)
            if capacity:
                cap = "TUQ" if capacity["cap"] == "TƯQ" else capacity["cap"]
                authorities.append(Authority(capacity=SigningCapacity(cap), of=capacity["of"].strip()))
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
            if piece.startswith(("-", "+", "•")) and in_recipients:
                recipients.append(piece.lstrip("-+• ").strip())
                rec_numbers.append(line.number)
                consumed = True
                continue
            if _undashed_recipient(piece, recipients, in_recipients=in_recipients and not authorities):
                # "Nơi nhận:" then "Sở Nội vụ;" … "Lưu: VT.": a copy that lost its dashes
                recipients.append(piece.strip())
                rec_numbers.append(line.number)
                consumed = True
                continue
            if authorities and position is None and _upperish(piece) and len(piece) < 80:
                position = piece
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
            if (authorities or position) and name is None and _NAME.match(piece):
                name = piece
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
            if (
                in_recipients
                and recipients
                and not recipients[-1].rstrip().endswith((";", "."))
                and not _upperish(piece)
            ):
                recipients[-1] = f"{recipients[-1]} {piece}"
                rec_numbers.append(line.number)
                consumed = True
                continue
            if not authorities and position is None and _upperish(piece) and _CAPACITY_LIKE.match(piece):
                position = piece
                sig_numbers.append(line.number)
                sig_written.append(piece)
                consumed = True
                continue
        if not consumed:
            break
        used = index + 1
        if name is not None and (position is not None) and (recipients or not in_recipients):
            # the block is complete once the signer's name is read and no recipient line follows
            following = next((x.text.strip() for x in lines[index + 1 : index + 3] if x.text.strip()), "")
            if not (following.startswith("-") and in_recipients) and not _RECIPIENTS.match(following):
                break
    archive = None
    cleaned: list[str] = []
    for recipient in recipients:
        written = recipient.strip()
        if fold(written).startswith("luu"):
            archive = written.rstrip(" .;")
        cleaned.append(written)
    signature = None
    doubts: list[str] = []
    if position is None and name is not None and authorities and authorities[-1].capacity is SigningCapacity.Q:
        # an acting head signs under "Q. CHỦ TỊCH" with no post line of their own
        position = f"Q. {authorities[-1].of}"
    if position is not None:
        signature = Signature(authorities=tuple(authorities), position=position, name=name)
        if authorities and authorities[0].capacity is SigningCapacity.KT:
            doubts.append(
                "the signature starts with KT. without a TM. line above it: a collective body's plan is signed TM."
            )
    tail = Tail(
        recipients=tuple(cleaned),
        archive=archive,
        recipient_lines=(min(rec_numbers), max(rec_numbers)) if rec_numbers else None,
        signature=signature,
        signature_lines=(min(sig_numbers), max(sig_numbers)) if sig_numbers else None,
        signature_written=" / ".join(sig_written) if sig_written else None,
        doubts=tuple(doubts),
    )
    return tail, used


_CAPACITY_LIKE: Final = re.compile(
    r"^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG"
    r"|PHÓ TRƯỞNG PHÒNG|CHI CỤC TRƯỞNG|CHÁNH THANH TRA)$"
)


def _tail_pieces(text: str) -> list[str]:
    """A tail line cut where recipients and signature stand side by side."""
    cells = split_cells(text)
    parts = cells if cells is not None else [text]
    pieces: list[str] = []
    if cells is None and (" | " in text or re.search(r"\S\s{3,}\S", text.strip())):
        # two columns side by side, cut by one "|" or a wide gap: recipients left, signature right
        parts = [part for part in re.split(r"\s+\|\s*|\s{3,}", text.strip()) if part.strip()]
    for part in parts:
        part = part.strip()  # noqa: PLW2901
        if not part:
            continue
        capacity = re.search(r"\s(?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐ]", part)
        if capacity and not part.startswith(("TM.", "KT.", "TL.", "TUQ.", "Q.")):
            pieces.extend([part[: capacity.start()].strip(), part[capacity.start() :].strip()])
            continue
        side = re.match(r"^(?P<rec>[-+•].*?[;.])\s+(?P<sig>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]{3,})$", part)
        if side:
            pieces.extend([side["rec"], side["sig"].strip()])
            continue
        pieces.append(part)
    return pieces
