"""What a plan came wrapped in: a forwarded e-mail, a document system's signature stamp.

Offices pass plans on by e-mail and sign them in a document system; the copy a reader is given then
carries lines that are no part of the plan:

* **A forwarded e-mail**: the mail's headers ("From:", "Từ:", "Date:", "Ngày:", "Subject:", "Chủ
  đề:" …, two or more together, one naming the sender or the subject), a forwarding line
  ("---------- Forwarded message ---------", "-------- Thư chuyển tiếp --------", "Begin forwarded
  message:"), the sender's note before the plan and their signature after a "--" line; the plan
  itself often quoted, every line opening with "> " ("> > " when quoted twice), and rewrapped at the
  mail's width, a long line's last words pushed onto a short line of their own.
* **A digital-signature stamp**: the lines a document system prints where the document was signed
  ("Người ký: …", "Email: …", "Cơ quan: …", "Thời gian ký: 16.01.2026 15:42:08 +07:00", "Ký bởi: …"),
  before the masthead or inside the signature, often wrapped ("Người ký: Ủy ban nhân dân xã" over
  "Hòa Tiến").

:func:`unwrap` keeps the plan's lines (unquoted, a rewrapped line's tail joined back) and sets the
rest aside: the mail's dates and senders, and the stamp's signer, agency and time, are never the
plan's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from parplan.read.accents import vi_compile
from parplan.read.source import Line
from parplan.text import fold

__all__ = ["unwrap", "wrapping_marks"]

_MAIL_HEADER: Final = re.compile(
    r"^(?P<label>from|to|cc|bcc|date|sent|subject|reply-to|tu|nguoi gui|gui|den|toi|nguoi nhan|dong gui"
    r"|ngay|ngay gui|thoi gian gui|gui luc|chu de|tieu de)\s*:\s*\S"
)
"""A mail header's line, folded: "From: …", "Từ: …", "Ngày: …", "Chủ đề: …"."""
_SENDER_OR_SUBJECT: Final = frozenset({"from", "subject", "tu", "nguoi gui", "chu de", "tieu de"})
_SENDERS: Final = frozenset({"from", "tu", "nguoi gui"})
_SUBJECTS: Final = frozenset({"subject", "chu de", "tieu de"})
_DATES: Final = frozenset({"date", "sent", "ngay", "ngay gui", "thoi gian gui", "gui luc"})
_ADDRESS: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address, which a mail's sender or recipient header holds."""
_FORWARD_LINE: Final = re.compile(
    r"^(?:[-_=*>\s]{2,}\s*(?:forwarded message|forwarded message follows|original message|thu chuyen tiep"
    r"|thu da chuyen tiep|thu duoc chuyen tiep|tin nhan chuyen tiep|thu goc|chuyen tiep)\s*[-_=*\s]{2,}"
    r"|begin forwarded message\s*:|bat dau thu chuyen tiep\s*:)$"
)
"""The line a mail client writes over a forwarded message, folded."""
_SIGNATURE_DELIMITER: Final = re.compile(r"^--\s?$")
_QUOTE: Final = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
_STAMP_LABEL: Final = re.compile(
    r"^(?P<label>nguoi ky|ky boi|ky so boi|duoc ky boi|signed by|email|e-mail|co quan|to chuc|chuc vu"
    r"|thoi gian ky|ngay ky|ngay gio ky|signing time|ly do|reason|vi tri|location)\s*:"
)
"""A line of a digital-signature stamp, folded: "Người ký:", "Ký bởi:", "Email:", "Thời gian ký:" …"""
_STAMP_SURE: Final = frozenset({"ky boi", "ky so boi", "duoc ky boi", "signed by", "thoi gian ky", "signing time"})
"""Labels only a stamp writes: a block holding one of them (or a signer beside an e-mail) is a stamp."""
_SIGNING_TIME: Final = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{2}:?\d{2}|gmt|utc|ict))?$")
""""15:42:08 +07:00": a stamp's signing time wrapped onto a line of its own."""
_SENTENCE_END: Final = re.compile(r"[.;:!?)]\s*$")
_ITEM_START: Final = vi_compile(
    r"^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-–—•+*☐☑□✓]\s|Nơi nhận|TM\.|KT\.|TL\.|TUQ\.)"
)
_WIDE_GAP: Final = re.compile(r"\t| {3,}")
_FEWEST_QUOTED: Final = 8
"""The fewest non-blank quoted lines that hold a document (fewer are a reply's quotation)."""
_NOTE_LINES: Final = 20
"""How far after a mail's last headers the document must start for the lines before it to be a note."""


def unwrap(raw: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """The plan's lines out of a forwarded e-mail and without signature stamps, and the lines set aside.

    >>> mail = ["From: Văn thư <vt@x.gov.vn>", "Date: 9/1/2025", "Subject: KH", "", "Gửi anh chị.",
    ...         "> UBND TỈNH A", "> KẾ HOẠCH", "> Cải cách hành chính năm 2025", ">", "> I. NHIỆM VỤ",
    ...         "> 1. Rà soát", "> 2. Công khai", "> 3. Kiểm tra", "> Nguyễn Văn A", "--", "Văn thư"]
    >>> kept, aside = unwrap([Line(text=t, number=n) for n, t in enumerate(mail, start=1)])
    >>> [line.text for line in kept][:3], len(aside)
    (['UBND TỈNH A', 'KẾ HOẠCH', 'Cải cách hành chính năm 2025'], 7)
    """
    lines, aside = _mail(raw)
    covered = _cover_letter(lines)
    if covered is not None:  # "TỜ TRÌNH" and its letter before the draft plan it submits
        aside = [*aside, *lines[:covered]]
        lines = list(lines[covered:])
    copied = _copy_block(lines)
    if copied is not None:  # "SAO Y BẢN CHÍNH" and the copying office's masthead and signature after the plan
        aside = [*aside, *lines[copied:]]
        lines = list(lines[:copied])
    kept: list[Line] = []
    stamp = _stamp_lines(lines)
    for index, line in enumerate(lines):
        (aside if index in stamp else kept).append(line)
    return kept, aside


# -- a cover letter before the plan -----------------------------------------------------------------

_COVER_KIND: Final = re.compile(r"^(?:to trinh|cong van|phieu trinh)$")
_DRAFT_MARK: Final = re.compile(r"^\(?du thao(?: lan \w+)?\)?$")
_PLAN_KIND: Final = re.compile(r"^ke hoach$")
_COVER_HEAD: Final = 15
"""How far into the document a cover letter's kind line stands."""


def _cover_letter(lines: Sequence[Line]) -> int | None:
    """Where a plan starts after the letter that submits it ("TỜ TRÌNH" … "DỰ THẢO" … "KẾ HOẠCH"), or None.

    A department submits a draft plan to its committee with a letter of its own: masthead, "TỜ TRÌNH", the
    request, its signature, then the draft ("DỰ THẢO", the committee's masthead, "KẾ HOẠCH" …). The letter is
    no part of the plan; the plan starts after the draft mark, or at the masthead before its kind line.

    >>> texts = ["SỞ NỘI VỤ", "TỜ TRÌNH", "Về việc ban hành Kế hoạch", "GIÁM ĐỐC", "", "DỰ THẢO", "",
    ...          "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "KẾ HOẠCH", "Cải cách hành chính năm 2026"]
    >>> _cover_letter([Line(text=t, number=n) for n, t in enumerate(texts, start=1)])
    6
    """
    folded = [fold(line.text.strip()).strip(" .:") for line in lines]
    cover = next((i for i, text in enumerate(folded[:_COVER_HEAD]) if _COVER_KIND.match(text)), None)
    if cover is None:
        return None
    plan = next((i for i in range(cover + 1, len(folded)) if _PLAN_KIND.match(folded[i])), None)
    if plan is None:
        return None
    draft = next((i for i in range(cover + 1, plan) if _DRAFT_MARK.match(folded[i])), None)
    if draft is not None:
        return draft + 1  # the draft mark is set aside with the letter
    start = plan  # the plan's masthead: the lines right above its kind line, up to an empty line
    while start > cover + 1 and folded[start - 1]:
        start -= 1
    return start if start > cover + 1 else None


# -- a certified copy's block ---------------------------------------------------------------------

_COPY_MARK: Final = re.compile(r"^(?:sao y ban chinh|sao y|sao luc|trich sao|ban sao)$")


def wrapping_marks(lines: Sequence[Line]) -> tuple[bool, bool]:
    """Whether the lines set aside hold a draft's mark ("DỰ THẢO") and a copy's ("SAO Y BẢN CHÍNH")."""
    marks = [fold(line.text.strip()).strip(" .:") for line in lines]
    return any(_DRAFT_MARK.match(mark) for mark in marks), any(_COPY_MARK.match(mark) for mark in marks)


_COPY_SEARCH: Final = 8
"""How far above its mark a copy's block may start (its masthead, number and rule)."""


def _copy_block(lines: Sequence[Line]) -> int | None:
    """Where the block of an office that copied the plan starts ("SAO Y BẢN CHÍNH" in the last part), or None.

    An office that receives a plan and passes it on certifies the copy below the plan's signature: a
    rule, its own masthead, number ("Số: 04/SY-UBND"), the mark, the place and date, recipients and
    signature. None of it is the plan's. The block starts after the last empty line or rule above the mark.

    >>> texts = ["KẾ HOẠCH", "…", "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn A", "", "_____", "", "ỦY BAN NHÂN DÂN",
    ...          "XÃ TÂN LẬP", "Số: 04/SY-UBND", "SAO Y BẢN CHÍNH", "Tân Lập, ngày 16 tháng 01 năm 2024"]
    >>> _copy_block([Line(text=t, number=n) for n, t in enumerate(texts, start=1)])
    7
    >>> texts = ["KẾ HOẠCH", "…", "…", "…", "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn A", "_____", "ỦY BAN NHÂN DÂN",
    ...          "XÃ TÂN LẬP", "SAO Y BẢN CHÍNH"]
    >>> _copy_block([Line(text=t, number=n) for n, t in enumerate(texts, start=1)])
    6
    """
    half = len(lines) // 2
    for index in range(len(lines) - 1, half, -1):
        if _COPY_MARK.match(fold(lines[index].text.strip()).strip(" .:")) is None:
            continue
        start = index
        while start > max(half, index - _COPY_SEARCH) and (above := lines[start - 1].text.strip()):
            if _SIGNER_NAME.match(above):
                break  # the plan's signer, the copy's rule and masthead right under it: the name is the plan's
            start -= 1
            if _RULE.match(above):
                break  # the rule that opens the copy's block
        return start
    return None


_RULE: Final = re.compile(r"^[_\-–—=*.]{3,}$")
_SIGNER_NAME: Final = vi_compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,4}$")
"""A person's name as a signature closes with it ("Nguyễn Đình Lam"): words in title case, nothing else."""


# -- forwarded e-mails ------------------------------------------------------------------------------


def _is_header(text: str) -> str | None:
    found = _MAIL_HEADER.match(fold(text.strip()))
    return found["label"] if found else None


def _header_blocks(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Runs of mail headers (two or more, one naming the sender or the subject) and forwarding lines, as spans.

    Only those before the document's first line (its masthead, motto or kind line) count: a mail's headers
    come before what it forwards, and lines of the same shape inside a plan (a contact block) are the plan's.
    """
    spans: list[tuple[int, int]] = []
    index = 0
    first = next((i for i, line in enumerate(lines) if _opens_document(line.text.lstrip(" \t>"))), len(lines))
    while index < first:
        text = lines[index].text
        if _FORWARD_LINE.match(fold(text.strip())):
            end = index + 1
            while end < len(lines) and _is_header(lines[end].text):
                end += 1
            spans.append((index, end))
            index = end
            continue
        labels: list[str] = []
        end = index
        while end < len(lines) and (label := _is_header(lines[end].text)):
            labels.append(label)
            end += 1
        if _mail_headers(labels, [line.text for line in lines[index:end]]):
            spans.append((index, end))
            index = end
            continue
        index += 1
    return spans


def _mail_headers(labels: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether a run of "Label: value" lines is a mail's headers: an address in one, or sender, subject and date.

    "Từ: năm 2024 đến nay, …" over "Ngày: 15/3 …" is prose that opens with the same words.
    """
    if len(labels) < 2 or not _SENDER_OR_SUBJECT & set(labels):
        return False
    if any(_ADDRESS.search(text) for text in texts):
        return True
    found = set(labels)
    return bool(found & _SENDERS) and bool(found & _SUBJECTS) and bool(found & _DATES)


def _mail(raw: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """A mail's document (unquoted, its lines unwrapped) and its own lines; any other text as it is."""
    quoted = [(index, _QUOTE.match(line.text)) for index, line in enumerate(raw)]
    depths = [found[1].count(">") if found else 0 for _, found in quoted]
    blocks = _header_blocks(raw)
    filled = [i for i, line in enumerate(raw) if line.text.strip() and not _QUOTE.fullmatch(line.text.rstrip())]
    deep = [i for i in filled if depths[i]]
    if not blocks and len(deep) * 2 < len(filled):
        return list(raw), []
    if len(deep) >= _FEWEST_QUOTED:
        depth = _document_depth(raw, depths)
        inside: list[Line] = []
        aside: list[Line] = []
        last = max(i for i in range(len(raw)) if depths[i] >= depth)
        first = min(i for i in range(len(raw)) if depths[i] >= depth)
        for index, line in enumerate(raw):
            found = quoted[index][1]
            if not first <= index <= last:
                aside.append(line)
            elif depths[index] >= depth and found is not None:
                inside.append(attrs.evolve(line, text=_unquote(line.text, found, depth)))
            elif not line.text.strip(" \t>"):  # an empty line, quoted or not, parts the document's paragraphs
                inside.append(attrs.evolve(line, text=""))
            else:
                aside.append(line)
        kept, more = _inline(inside)
        return _rejoined(kept), aside + more
    if not blocks:
        return list(raw), []
    kept, aside = _inline(raw)
    return _rejoined(kept), aside


def _document_depth(raw: Sequence[Line], depths: Sequence[int]) -> int:
    """The quote depth holding the document: the one with its kind line ("KẾ HOẠCH"), else the fullest."""
    counts: dict[int, int] = {}
    for line, depth in zip(raw, depths, strict=True):
        if depth and line.text.strip(" \t>"):
            counts[depth] = counts.get(depth, 0) + 1
            body = line.text.lstrip(" \t>").strip()
            if fold(body) == "ke hoach":
                return depth
    return max(counts, key=lambda depth: (counts[depth], depth))


def _unquote(text: str, found: re.Match[str], depth: int) -> str:
    """``text`` without its first ``depth`` quote marks (a line quoted deeper keeps the marks past them)."""
    marks = found[1]
    cut = 0
    for _ in range(depth):
        position = marks.index(">", cut)
        cut = position + 1
        if cut < len(marks) and marks[cut] in " \t":
            cut += 1
    return text[found.start(1) + cut :]


def _inline(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """A mail's text not quoted: its headers, the note before the document and the signature after it set aside."""
    blocks = _header_blocks(lines)
    start = blocks[-1][1] if blocks else 0
    aside = [line for a, b in blocks for line in lines[a:b]]
    begin = start
    for index in range(start, min(len(lines), start + _NOTE_LINES)):
        if _opens_document(lines[index].text):
            begin = index
            break
    end = len(lines)
    for index in range(begin, len(lines)):
        if _SIGNATURE_DELIMITER.match(lines[index].text):
            end = index
            break
    inside = set(range(begin, end))
    spans = {i for a, b in blocks for i in range(a, b)}
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if index in inside:
            kept.append(line)
        elif index not in spans:
            aside.append(line)
    return kept, sorted(aside, key=lambda line: line.number)


def _opens_document(text: str) -> bool:
    """A masthead's first line, the motto or the kind line: a line in capitals (two words or more), or "Số:"."""
    body = text.strip()
    letters = [char for char in body if char.isalpha()]
    if len(letters) >= 4 and all(char.isupper() for char in letters) and " " in body:
        return True
    return fold(body).startswith(("so:", "so :"))


def _rejoined(lines: Sequence[Line]) -> list[Line]:
    """Lines a mail rewrapped put back: a long line's last words pushed onto a short line of their own rejoin it.

    A mail client wraps quoted text at its width (about 72 characters), so a line of the document a
    little longer than that leaves a tail of a word or two on the next line. A line is such a tail
    when the line before reaches the text's width without ending a sentence, and it is short (under
    a third of the width), opens no item and is not a line in capitals.
    """
    filled = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if len(filled) < _FEWEST_QUOTED:
        return list(lines)
    width = filled[int(len(filled) * 0.9)]
    result: list[Line] = []
    for line in lines:
        text = line.text.strip()
        before = result[-1].text.rstrip() if result else ""
        if (
            text
            and len(before.strip()) >= 0.8 * width
            and len(text) <= width // 3
            and not _SENTENCE_END.search(before)
            and not _WIDE_GAP.search(before.strip())
            and not _ITEM_START.match(text)
            and not text.isupper()
        ):
            result[-1] = attrs.evolve(result[-1], text=f"{before} {text}")
            continue
        result.append(line)
    return result


# -- signature stamps -------------------------------------------------------------------------------


def _stamp_label(text: str) -> str | None:
    found = _STAMP_LABEL.match(fold(text.strip()))
    return found["label"] if found else None


def _stamp_lines(lines: Sequence[Line]) -> set[int]:
    """The indexes of the lines of digital-signature stamps: label lines and what they wrapped onto."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        if _stamp_label(lines[index].text) is None:
            index += 1
            continue
        labels: list[str] = []
        members: list[int] = []
        end = index
        while end < len(lines):
            text = lines[end].text.strip()
            label = _stamp_label(text)
            if label is not None:
                labels.append(label)
            elif not _wrapped_value(lines, end, text, members):
                break
            members.append(end)
            end += 1
        if _STAMP_SURE & set(labels) or ("nguoi ky" in labels and {"email", "e-mail"} & set(labels)):
            found.update(members)
        index = max(end, index + 1)
    return found


def _wrapped_value(lines: Sequence[Line], index: int, text: str, members: Sequence[int]) -> bool:
    """A line a stamp's value wrapped onto: a time of day, or a short line between two of its label lines."""
    if not members or not text:
        return False
    if _SIGNING_TIME.match(fold(text)):
        return True
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    words = len(text.split())
    return words <= 5 and not text.isupper() and _stamp_label(following) is not None
