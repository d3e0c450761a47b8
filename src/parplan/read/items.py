"""The numbering of a plan's body and the field lines of its items.

Item marks and the zones their headings open, labelled items, lost numbering, and
the field lines (``Chủ trì: …``, ``Thời gian: …``) that describe an item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Final

import attrs

from parplan.read.accents import any_marks, vi_compile
from parplan.read.draft import _Node, fold
from parplan.read.lines import Block, Para, glyph_bullet
from parplan.text import match_area

_MARK: Final = vi_compile(
    r"""^\s*(?:
      (?P<phan>(?:Phần|PHẦN)\s+(?P<phann>thứ\s+\w+|THỨ\s+\w+|[IVX]+|\d+))\s*[.:]?\s*
     |(?P<dieu>Điều\s+(?P<dieun>\d+))\s*[.:]\s*
     # "A. MỤC ĐÍCH, YÊU CẦU", "B. NHIỆM VỤ TRỌNG TÂM": the plan's parts lettered in capitals, above its Roman numerals
     |(?P<part>[A-H])\s*[.)]\s+(?=[A-ZĐÀ-Ỹ]{2,}(?:[\s,]|$))
     |(?:[-–]\s*)?(?P<crit>(?:Tiêu\s+chí\s+thành\s+phần|Tiêu\s+chí|TCTP|TC)\s+(?P<code>\d+(?:\.\d+)*))\s*[.:]?\s*
     |(?P<lv>Lĩnh\s+vực\s+(?P<lvn>\d+))\s*[.:]\s*
     |(?P<roman>[IVX]{1,5})\s*(?:[.:)]|/(?=\s))\s*(?=\S)  # "II." and "II/ NHIỆM VỤ"
     |(?P<roman2>[IVX]{1,5})\s+(?=[A-ZĐÀ-Ỹ]{2})
     |(?P<dec>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*(?:[):]|/(?=\s))?\s+  # "1.2.", "1.2)", "1.2/ Rà soát …"
     |(?P<num>\d{1,2})\s*(?:[.)]|/(?=\s))\s+(?=\S)  # "1." and "1/ Cải cách thể chế" (not a date "1/2025")
     |\((?P<paren>\d{1,2})\)\s+(?=[A-ZĐÀ-Ỹ])  # "(1) Ban hành …": items numbered in brackets, under "1." areas
     # "Bước 1:", "Nhiệm vụ 2:", "Nội dung 3:" for "1."
     |(?:Bước|BƯỚC|Nhiệm\s+vụ|NHIỆM\s+VỤ|Nội\s+dung|NỘI\s+DUNG)\s+(?P<step>\d{1,2})\s*[:.]\s+(?=\S)
     |(?P<letter>[a-zđ])\s*\)\s*
     |(?P<letterdot>[a-zđ])[./]\s+(?=[A-ZĐÀ-Ỹ])  # "a. Tổ chức …", "a/ Rà soát …": lettered with a stop or a slash
     |(?P<plus>(?:[-–]\s*)?\+)\s*
     |(?P<dash>[-–—•*·▪●◦➢Ø→➔⇒►\uf000-\uf0ff])\s+  # Word's Symbol-font bullets come out as private-use characters
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


_STYLES: Final = (
    *("phan", "part", "dieu", "crit", "lv", "roman", "roman2", "dec", "num", "paren", "step"),
    *("letter", "letterdot", "plus", "dash"),
)


_CHECKBOX: Final = re.compile(r"^\[[ xX✓✔]\]\s+(?=\S)")
""""[ ]", "[x]": a checklist's box (a Markdown task list's, after its "- " or alone), a bullet of its own."""


def _marker(text: str) -> tuple[str, str | None, str]:  # noqa: C901, PLR0912 - one branch a style
    """The numbering style, the label as written and the text after the mark.

    >>> _marker("- [ ] Rà soát thủ tục"), _marker("[x] Công khai thủ tục")
    (('dash', '-', 'Rà soát thủ tục'), ('dash', None, 'Công khai thủ tục'))
    >>> _marker("B. NHIỆM VỤ TRỌNG TÂM"), _marker("A. Nguyễn Văn Bình")[0]
    (('phan', 'B', 'NHIỆM VỤ TRỌNG TÂM'), 'text')
    >>> _marker("a. Rà soát văn bản"), _marker("v.v. và các nội dung khác")[0]
    (('letter', 'a', 'Rà soát văn bản'), 'text')
    """
    if box := _CHECKBOX.match(text.lstrip()):
        return "dash", None, text.lstrip()[box.end() :].strip()
    found = _MARK.match(text)
    if not found:
        return _glyph_marker(text)
    rest = text[found.end() :].strip()
    if found.group("dash") is not None and (box := _CHECKBOX.match(rest)):
        rest = rest[box.end() :].strip()
    for style in _STYLES:
        value = found.group(style)
        if value is None:
            continue
        if style == "phan":
            raw = found["phann"]
            folded = fold(raw).replace("thu ", "")
            number = _ORDINALS.get(folded) or (int(raw) if raw.isdigit() else _roman(raw))
            return "phan", f"P{number}", rest
        if style == "part":
            return "phan", value, rest  # a part by its letter: "B." as "Phần B"
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
        if style == "letterdot":
            return "letter", value, rest
        if style == "step":
            return "step", value, rest  # "Nhiệm vụ 3.": numbered like "3." but a level of its own, under "3. <area>"
        return style.removesuffix("dot"), value, rest  # "a." as "a)"
    return "text", None, text.strip()  # pragma: no cover - every alternative has a group


_KEYCAP: Final = re.compile(r"^\s*(?P<number>\d{1,2})\ufe0f?\u20e3\s*(?=\S)")


def _glyph_marker(text: str) -> tuple[str, str | None, str]:
    r"""A line opening with a bullet of any glyph: an item; with a keycap number ("1️⃣ …"): a numbered one.

    A glyph before a numbering mark ("🔹 2. VỀ CẢI CÁCH TTHC") only decorates it: the number is the mark.

    >>> _glyph_marker("o\tChủ trì: Văn phòng"), _glyph_marker("🔹 2. VỀ CẢI CÁCH TTHC"), _glyph_marker("1️⃣ Rà soát")
    (('dash', None, 'Chủ trì: Văn phòng'), ('num', '2', 'VỀ CẢI CÁCH TTHC'), ('num', '1', 'Rà soát'))
    """
    if keycap := _KEYCAP.match(text):
        return "num", keycap["number"], text[keycap.end() :].strip()
    glyph = glyph_bullet(text)
    if glyph is None:
        return "text", None, text.strip()
    inner = _marker(glyph[1])
    if inner[0] not in {"text", "dash", "plus"}:
        return inner
    return "dash", None, glyph[1]


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


_HEADING_STYLES: Final = frozenset(
    {"phan", "dieu", "lv", "roman", "num", "step", "paren", "letter", "dec1", "dec2", "dec3"}
)


def _without_footnote_marks(text: str) -> str:
    """A paragraph without Word's footnote marks glued to its words ("… của Sở Y tế[3].").

    >>> _without_footnote_marks("Rà soát theo hướng dẫn của Sở Y tế[3].")
    'Rà soát theo hướng dẫn của Sở Y tế.'
    >>> _without_footnote_marks("Điểm [3] của mẫu")
    'Điểm [3] của mẫu'
    """
    return re.sub(r"(?<=[^\s\[])\[[0-9]{1,2}\](?=[\s.,;:)]|$)", "", text)


_LABELLED_PART: Final = re.compile(r"^(?P<label>[^\W\d][^:;.()]{1,30}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
_SHORTCOMING_LABELS: Final = frozenset(
    {"han che", "ton tai", "ton tai, han che", "han che, ton tai", "nguyen nhan", "thuc trang", "van de"}
)
_REMEDY_LABELS: Final = frozenset({"giai phap", "bien phap", "giai phap khac phuc", "bien phap khac phuc"})
_ASSIGN_LABELS: Final = frozenset({"giao", "phan cong", "trach nhiem", "to chuc thuc hien", "don vi thuc hien"})


_NOT_TASK_ZONES: Final = frozenset({"purposes", "requirements", "objectives", "funding", "legal", "results"})
_FIELD_ITEM_STYLES: Final = frozenset({"num", "step", "paren", "letter", "dec1", "dec2", "dec3", "dash", "plus"})


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


def _field_owner(
    stack: Sequence[_Node],
    style: str,
    roles: Sequence[str] = (),
    given: Callable[[str], bool] | None = None,
    each: Collection[str] = (),
) -> _Node | None:
    """The item a field line belongs to: the last item, when it is alone or its siblings have fields of their own.

    A field line after a group of items that have none ("- …", "- …", "Thời gian: …") is the group's: None.
    A line that says nothing of who or when (``roles`` only a measure, an output or a budget: "Chỉ tiêu: …",
    "Kết quả: …", "Kinh phí: …") is the last item's too when the items name their lead and time on their own
    line ("- Nội dung: …; Đơn vị thực hiện: …; Thời gian: …", "<task> - Cơ quan chủ trì: … - Thời gian: …"), as
    ``given`` tells of an item's text (the assignments' reader, above this module). In a plan that writes a line
    after each item of a style (``each``, from :func:`lines_each`), a line after such an item is the item's.
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
    if item.children and not item.steps and not all(_read_fields(child.text) for child in item.children):
        return None
    siblings = [n for n in item.parent.children if n.style == item.style and n is not item]
    if not siblings or any(n.steps or (n.children and all(_read_fields(c.text) for c in n.children)) for n in siblings):
        return item
    if item.style in each or _lines_each(stack[0], item.style):
        return item  # the plan writes a line after each item: this one has its own, the bare ones before it none
    if (
        given is not None
        and roles
        and set(roles) <= _WHAT_ONLY
        and given(item.text)
        and any(given(n.text) for n in siblings)
    ):
        return item
    return None


def lines_each(blocks: Sequence[Block]) -> frozenset[str]:
    """The item styles a plan writes a field line after, item by item: two items in a row, each with its own.

    Such a plan writes "- <task>", "Chủ trì: …; thời gian: …" for every task: wherever in the plan a line follows
    an item whose group-mates have none, it is that item's (a task the plan gives no lead stands bare before it).
    """
    found: set[str] = set()
    last: str | None = None  # the style of the last item whose own field line was seen
    item: str | None = None  # the style of the item just read, before its field lines
    fielded = False
    for block in blocks:
        if not isinstance(block, Para):
            last = item = None
            continue
        style = _marker(block.text)[0]
        if _read_fields(block.text) and not fold(block.text).lstrip("-+•– ").startswith(_GROUP_WORDS):
            fielded = item is not None
            continue
        if fielded and item is not None:
            if last == item:
                found.add(item)
            last = item
        elif item is not None:
            last = None  # a bare item breaks the run
        item, fielded = (style if style in _FIELD_ITEM_STYLES else None), False
    if fielded and item is not None and last == item:
        found.add(item)
    return frozenset(found)


_GROUP_WORDS: Final = ("giao ", "phan cong", "trach nhiem thuc hien")
"""What a group's line opens with ("Giao … chủ trì …", "Phân công: …"): no item's own line."""


def _lines_each(node: _Node, style: str) -> bool:
    """Whether a group read so far under ``node`` gives each of its items of ``style`` (two or more) its own line.

    :func:`lines_each` tells it from the lines ahead; here the lines the walk gave an item (a "Giao …" sentence
    after it among them) tell it too.
    """
    items = [child for child in node.children if child.style == style]
    if len(items) >= 2 and all(  # a group of two items or more, each with its line
        child.children and all(_read_fields(line.text) for line in child.children) for child in items
    ):
        return True
    return any(_lines_each(child, style) for child in node.children if child.style != style)


def _stepped_owner(stack: Sequence[_Node], following: Sequence[Block], roles: Sequence[str]) -> _Node | None:
    """The item whose steps a field line closes ("a) <task>", "+ <step>", "+ <step>", "Trách nhiệm: …"), or None.

    Plans break a task into its steps with bullets of another kind and write the task's own lead and time on
    one line after the last step, at the task's level. The line is the task's (and the bullets its steps, not
    tasks) when it says who or when, the item is no area heading ("1. Cải cách thủ tục hành chính"), no bullet
    of the steps' kind has a field line of its own anywhere, and the plan gives its items their own lines: an
    earlier item of its kind has its own field line, or the item is a sentence and the next line its next
    sibling. Otherwise the line stays the group's.
    """
    if len(stack) < 3 or not set(roles) & {"lead", "doers", "assignment", "time", "lead_shape"}:
        return None
    step = stack[-1]
    item = step.parent
    if (
        step.style not in {"plus", "dash"}
        or item is None
        or item.parent is None
        or item.style not in _FIELD_ITEM_STYLES
        or item.style in {"plus", step.style}
        or item.text.endswith(":")
        or any(child.style != step.style or child.children for child in item.children)
    ):
        return None
    sentence = item.text.rstrip().endswith(".")
    if (match_area(item.text) is not None and not sentence) or _owns_field_lines(stack[0], step.style, beside=True):
        return None
    after = following[0] if following else None
    if sentence and isinstance(after, Para) and _marker(after.text)[0] == item.style:
        return item
    return item if _owns_field_lines(stack[0], item.style) else None


def _owns_field_lines(node: _Node, style: str, *, beside: bool = False) -> bool:
    """Whether an item of ``style`` under ``node`` has its own field line under it (``beside``: or after it)."""
    if beside and node.steps:
        return False  # the steps of a task, its field line after them
    for position, child in enumerate(node.children):
        if child.style != style:
            if _owns_field_lines(child, style, beside=beside):
                return True
            continue
        last = child.children[-1] if child.children else None
        after = node.children[position + 1] if beside and position + 1 < len(node.children) else None
        if child.steps or any(
            line is not None and line.style == "text" and _read_fields(line.text) for line in (last, after)
        ):
            return True
        if _owns_field_lines(child, style, beside=beside):
            return True
    return False


_WHAT_ONLY: Final = frozenset({"measure", "output", "budget"})
"""Field roles that say what a task yields or costs, nothing of who does it or when: never a group's assignment."""


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


_GROUP_HEADING_WORDS: Final = 20
"""The most words a numbered group heading runs to ("1. Cải cách thủ tục hành chính")."""


def _restarted_groups(
    numbers: Sequence[tuple[int, int, str]], position: int = 0, heading: int = 0
) -> dict[int, tuple[int, int]] | None:
    """For a run of "1." items numbered again from 1 under each heading: each child's heading and own number.

    A heading's tasks run as long as they count on; where a task's number could be the next heading's
    ("2. …", "1. …", "2. …", "3. <heading>", "1. …"), the shorter run that lets the rest be read is taken.
    """
    if position == len(numbers):
        return {} if heading >= 2 else None
    _, number, text = numbers[position]
    if number != heading + 1 or len(text.split()) > _GROUP_HEADING_WORDS or text.rstrip().endswith((".", ";")):
        return None
    count = 0
    while position + 1 + count < len(numbers) and numbers[position + 1 + count][1] == count + 1:
        count += 1
    for children in range(count, 0, -1):
        rest = _restarted_groups(numbers, position + 1 + children, number)
        if rest is not None:
            own = {numbers[position + 1 + k][0]: (number, k + 1) for k in range(children)}
            return {**own, **rest}
    return None


def _nest_restarted_numbering(items: Sequence[Block]) -> Sequence[Block]:
    """A part whose "1." list is numbered again from 1 under each of its short "1." headings, nested.

    A plan copied from a PDF or Word may number its groups and their tasks alike: "1. Cải cách thủ
    tục hành chính", then "1. <task>", "2. <task>", then "2. Cải cách tổ chức bộ máy", "1. <task>" ….
    When a part's whole run of "1." items reads so (two groups at least, each heading short and without
    a final stop, each followed by its tasks numbered from 1), the tasks are numbered "1.1.", "1.2." ….
    """
    result = list(items)
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        nested = _restarted_groups(run) if run else None
        for index, (heading, child) in (nested or {}).items():
            block = result[index]
            assert isinstance(block, Para)  # noqa: S101 - only paragraphs are numbered
            result[index] = attrs.evolve(block, text=f"{heading}.{child}. {_marker(block.text)[2]}")
        run.clear()

    for index, block in enumerate(items):
        if not isinstance(block, Para):
            continue
        style, label, rest = _marker(block.text)
        if style == "num" and label is not None and label.isdigit():
            run.append((index, int(label), rest))
        elif style in {"roman", "phan"}:
            close()
    close()
    return result


_TITLE_LABEL: Final = vi_compile(
    r"^(?:[-–+•*]\s*)?(?:Nội dung(?: công việc| nhiệm vụ)?|Tên (?:nhiệm vụ|công việc)|Nhiệm vụ|Công việc)"
    r"\s*:\s*(?P<title>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _titled_item(text: str, following: Sequence[Block]) -> str | None:
    """The task a "Nội dung: <task>" line names, when field lines follow it ("Chủ trì: …"); None otherwise.

    Legal-database copies of provincial plans write each task as a block of labelled lines: "- Nội dung: …",
    then "- Chủ trì: …", "- Phối hợp: …", "- Thời gian: …" in any order; the title is the "Nội dung" value.

    >>> field = Para(text="- Chủ trì: Sở Tư pháp", first=2, last=2)
    >>> _titled_item("- Nội dung: Rà soát TTHC lĩnh vực hộ tịch.", [field])
    'Rà soát TTHC lĩnh vực hộ tịch.'
    >>> _titled_item("Nội dung: Rà soát TTHC lĩnh vực hộ tịch.", []) is None
    True
    """
    found = _TITLE_LABEL.match(text.strip())
    if found is None or not following or not isinstance(following[0], Para):
        return None
    if _labelled_fields(following[0].text) is None:
        return None
    return found["title"].strip()


def _label_only(text: str) -> tuple[str | None, str | None]:
    """The glyph and field label of a line that is a label alone ("o Phối hợp:", "- Chủ trì:"); (None, None) if not."""
    glyph = glyph_bullet(text)
    if glyph is None and _marker(text)[0] != "text":
        return None, None  # "4. Trách nhiệm thực hiện:" is a heading over duties, not a field's label
    inner = glyph[1] if glyph is not None else text
    found = re.fullmatch(r"(?P<label>[^\W\d][^:;.()]{1,28}?)\s*:", inner.strip())
    if found is None or _field_role(found["label"]) not in {"lead", "partners", "doers"}:
        return None, None
    return (glyph[0] if glyph is not None else ""), found["label"]


_LISTED_VALUE_WORDS: Final = 15
"""A body's name listed under a label is short; a longer item is a sentence, not a value."""


def _join_listed_field_values(items: Sequence[Block]) -> list[Block]:
    """A field label alone on its line with its values as items of a deeper bullet under it: one field line.

    Word's lists put the bodies of a "Chủ trì:", "Phối hợp:" one level down ("o Phối hợp:" then "§ Phòng A",
    "§ Phòng B"): the items under the label are its value, joined by "; ". Items with the label's own bullet,
    items holding a colon or a sentence, and paragraphs without a bullet end the list; a numbered line
    ("4. Trách nhiệm thực hiện:") is a heading, never such a label.
    """
    result: list[Block] = []
    index = 0
    while index < len(items):
        block = items[index]
        index += 1
        glyph, _label = _label_only(block.text) if isinstance(block, Para) else (None, None)
        values: list[str] = []
        last = block
        while glyph is not None and index < len(items):
            following = items[index]
            item = glyph_bullet(following.text) if isinstance(following, Para) else None
            if item is None or item[0] == glyph or ":" in item[1] or len(item[1].split()) > _LISTED_VALUE_WORDS:
                break  # an item of the label's own level, a field or a sentence ends the list of values
            values.append(item[1].rstrip(" ;,."))
            last = following
            index += 1
        if values and isinstance(block, Para) and isinstance(last, Para):
            block = attrs.evolve(block, text=f"{block.text.rstrip()} {'; '.join(values)}", last=last.last)
        result.append(block)
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


_JOINED_ASSIGNMENT: Final = vi_compile(r"(?<=[.;])\s+(?=(?:Trách nhiệm thực hiện|Phân công trách nhiệm)\b[^:]{0,60}:)")


def _split_group_assignments(items: Sequence[Block]) -> Iterable[Block]:
    """An item with the group's "Trách nhiệm thực hiện: …" run into its paragraph (a PDF line join): two blocks."""
    for block in items:
        if isinstance(block, Para) and (cut := _JOINED_ASSIGNMENT.search(block.text)) and cut.start() > 10:
            yield Para(text=block.text[: cut.start()].strip(), first=block.first, last=block.last, page=block.page)
            yield Para(text=block.text[cut.end() :].strip(), first=block.first, last=block.last, page=block.page)
        else:
            yield block


def _safe_id(value: str | None) -> str | None:
    if value is None:
        return None
    ident = re.sub(r"[^A-Za-z0-9._:/-]", "-", value.replace("đ", "dd").replace("Đ", "DD")).strip("-.")
    return ident if ident and ident[0].isalnum() else None


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
    ("tham muu thuc hien", "lead"),
    ("don vi tham muu", "lead"),
    ("don vi tham muu thuc hien", "lead"),
    ("co quan tham muu", "lead"),
    ("co quan tham muu thuc hien", "lead"),
    ("bo phan tham muu", "lead"),
    ("bo phan tham muu thuc hien", "lead"),
    ("trach nhiem thuc hien", "assignment"),
    ("trach nhiem chinh", "lead"),
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
    ("han", "time"),
    ("han hoan thanh", "time"),
    ("tien do thuc hien", "time"),
    ("tien do", "time"),
    ("lo trinh thuc hien", "time"),
    ("lo trinh", "time"),
    ("san pham dau ra", "output"),
    ("san pham", "output"),
    ("ket qua dau ra", "output"),
    ("ket qua", "output"),
    ("ket qua can dat", "output"),
    ("ket qua du kien", "output"),
    ("kinh phi", "budget"),
    ("kinh phi thuc hien", "budget"),
    ("du toan kinh phi", "budget"),
    ("nguon kinh phi", "budget"),
    ("kinh phi du kien", "budget"),
    ("du kien kinh phi", "budget"),
    ("san pham du kien", "output"),
    # what the task is measured by, on a line of its own after it ("Chỉ tiêu: 100% hồ sơ đúng hạn.")
    ("chi tieu", "measure"),
    ("chi tieu danh gia", "measure"),
    ("chi tieu phan dau", "measure"),
)
_FIELD_START: Final = re.compile(
    r"^\s*(?:[-+•–*·▪●◦➢→➔⇒►\uf000-\uf0ff]\s*)?(?P<label>[^\W\d][^:;.()]{1,28}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL
)
_SECOND_LABELS: Final = (
    "cơ quan",
    "đơn vị",
    "bộ phận",
    "thời gian",
    "thời hạn",
    "sản phẩm",
    "kinh phí",
    "phối hợp",
    "lộ trình",
    "tiến độ",
    "trách nhiệm",
    "chủ trì",
    "đầu mối",
    "hoàn thành",
    "phân công",
    "phụ trách",
)
"""The words a field's label opens with after a semicolon, in lower case: "…; thời gian: …", "…; phối hợp: …"."""
_FIELD_CUT: Final = vi_compile(
    r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ][^:;.()]{1,28}?\s*:\s*\S)"
    # "Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: …": a second label after a semicolon, in lower case
    # (its words under any marks: "…; thơi gian hoàn thành: …", a mark lost by the copy, is still a label)
    r"|(?<=;)\s+(?=(?:" + "|".join(map(any_marks, _SECOND_LABELS)) + r")\b"
    r"[^:;.()]{0,20}?\s*:\s*\S)"
    # "…; công chức tham mưu: …", "…; khoa/phòng phối hợp: …": a label in lower case ending in a role word
    r"|(?<=;)\s+(?=[a-zđà-ỹ][\w/,]*(?:\s[\w/,]+){0,3}?\s(?:chủ trì|phối hợp|tham mưu|phụ trách|thực hiện|chỉ đạo"
    r"|theo dõi)\s*:\s*\S)"
    # "Trách nhiệm: Văn phòng Sở – Thời hạn: …": a spaced dash before a known label ("Kế hoạch - Tài chính" is none)
    r"|\s+[–—-]\s+(?=(?i:cơ quan|đơn vị|bộ phận|thời gian|thời hạn|phối hợp|lộ trình|tiến độ|trách nhiệm|chủ trì"
    r"|đầu mối|hoàn thành|tham mưu|người thực hiện|sản phẩm)[^:;.()–—]{0,20}?\s*:\s*\S)"
    # "Chủ trì: Văn phòng Ban        Thời hạn: Quý I/2025": fields apart by spaces only, the next label capitalised
    r"|(?<=[\w.,)])\s+(?=(?:Cơ quan|Đơn vị|Bộ phận|Thời gian|Thời hạn|Phối hợp|Lộ trình|Tiến độ|Trách nhiệm"
    r"|Chủ trì|Đầu mối|Hoàn thành|Hạn|Sản phẩm)(?:\s[^\W\d][^:;.()–—\s]*){0,3}\s*:\s*\S)"
)


# a label naming who by its shape: "Đơn vị tham mưu", "Bộ phận phụ trách", "Người phụ trách"
_LEAD_LABEL_SHAPE: Final = re.compile(
    r"^(?:(?:co quan|don vi|bo phan|nguoi|can bo|cong chuc)(?: [a-z]+){1,2}|phu trach|tham muu)$"
)
_LOOSE_LEAD_LABEL: Final = re.compile(
    # a label of who carries the task in words the reader has none for: "Cán bộ đầu mối", "Người chịu trách
    # nhiệm", "Bộ phận tham mưu chính": its value leads, read with a doubt
    r"^(?:(?:co quan|don vi|bo phan|nguoi|can bo|cong chuc)(?: [a-z]+){3}"
    r"|(?:[a-z]+ ){0,2}(?:phu trach|tham muu|dau moi|trach nhiem)(?: [a-z]+){0,2})$"
)
_NOT_LEAD_LABEL: Final = re.compile(r"\b(?:phoi hop|theo doi|giam sat|chi dao|don doc|ket qua|san pham|kinh phi)\b")
"""A label naming who takes part, follows, supervises, or what comes out: no lead, whatever its shape."""


_UNIT_KINDS: Final = (
    r"(?:khoa|phong|ban|to|nhom|co quan|don vi|bo phan|ca nhan|can bo|cong chuc|vien chuc|phong ban|khoa phong"
    r"|truong|dia phuong|nguoi)(?: chuyen mon)?"
)
_UNIT_ROLE_LABEL: Final = re.compile(
    # "Khoa/phòng chủ trì", "Cơ quan, đơn vị phối hợp", "Phòng chủ trì", "Tổ/nhóm thực hiện", "Khoa, phòng phụ
    # trách": the kinds of body a unit assigns its tasks to, one or several parted by "/" or ",", then the role
    rf"^{_UNIT_KINDS}(?:\s*[/,]\s*{_UNIT_KINDS})*\s+(?P<role>chu tri|phoi hop|thuc hien|tham muu|phu trach)"
    r"(?: thuc hien)?$"
)
_UNIT_ROLES: Final = {
    "chu tri": "lead",
    "phoi hop": "partners",
    "thuc hien": "doers",
    "tham muu": "lead",
    "phu trach": "lead",
}
_OVERSIGHT_LABEL: Final = re.compile(
    # "Lãnh đạo chỉ đạo", "Lãnh đạo phụ trách", "Lãnh đạo UBND theo dõi", "Người theo dõi", "Đồng chí chỉ đạo":
    # the leader who directs or follows the task up, beside the one who carries it out: no lead
    r"^(?:(?:dong chi )?lanh dao(?: [a-z]+){0,2} (?:chi dao|phu trach|theo doi|giam sat)(?: chung| chi dao| thuc hien)?"
    r"|(?:nguoi|can bo|dong chi|dong chi lanh dao) (?:chi dao|theo doi|giam sat)(?: thuc hien)?"
    r"|chi dao(?: thuc hien)?|phu trach chi dao|theo doi(?:, giam sat)?|giam sat)$"
)


def _field_role(label: str) -> str | None:
    """The role of a field's label, as folded ("Cơ quan chủ trì" leads, "Thời gian" times), or None.

    >>> _field_role("Khoa/phòng chủ trì"), _field_role("Cơ quan/đơn vị phối hợp"), _field_role("Thời gian/thời hạn")
    ('lead', 'partners', 'time')
    >>> _field_role("Lãnh đạo chỉ đạo"), _field_role("Người theo dõi"), _field_role("Nội dung")
    ('oversight', 'oversight', None)
    """
    folded = fold(label).strip()
    role = next((role for words, role in _FIELD_LABELS if folded == words), None)
    if role is None and "/" in folded:
        # "Thời gian/thời hạn", "Đơn vị/bộ phận chủ trì": the label after the slash, as its own words say
        last = re.sub(r"^.*/\s*", "", folded)
        role = next((role for words, role in _FIELD_LABELS if last == words), None)
    unit = _UNIT_ROLE_LABEL.match(folded) if role is None else None
    if unit is not None and (unit["role"] != "phu trach" or re.search(r"[/,]", folded)):
        # "Khoa, phòng phụ trách" lists kinds of body; "Bộ phận phụ trách" alone is read by its shape
        role = _UNIT_ROLES[unit["role"]]
    if role is None and _OVERSIGHT_LABEL.match(folded):
        role = "oversight"
    return role


def _read_fields(text: str) -> list[tuple[str, str]] | None:
    """The fields of a line ("- Cơ quan chủ trì: Phòng Nội vụ", "Thực hiện: …. Thời gian: …"); None if not one.

    A line of labelled fields, or a line that is a whole slot without labels ("(Phòng Nội vụ; quý II/2024)",
    read by :func:`parplan.read.slots.slot_line_fields`).
    """
    fields = _labelled_fields(text)
    if fields is None:
        from parplan.read.slots import given_line_fields, slot_line_fields

        style = _marker(text)[0]
        if style not in {"text", "dash", "plus"}:
            return None  # "1.2. Trước ngày 15/11/2025, Phòng Nội vụ …": a numbered line is an item, never a slot line
        unmarked = style == "text"  # "- Giao Sở Tư pháp chủ trì …" is an item, a task given in its words
        return slot_line_fields(text) or (given_line_fields(text) if unmarked else None)
    return fields


def _labelled_fields(text: str) -> list[tuple[str, str]] | None:
    """The labelled fields of a line; None if it has none.

    >>> _labelled_fields("Thực hiện: Phòng Nội vụ chủ trì. Thời gian: quý II/2024.")
    [('doers', 'Phòng Nội vụ chủ trì.'), ('time', 'quý II/2024.')]
    >>> _labelled_fields("(Cơ quan chủ trì: Sở Tư pháp; thời gian: Quý I/2015)")
    [('lead', 'Sở Tư pháp;'), ('time', 'Quý I/2015')]
    >>> _labelled_fields("Trên Trang thông tin điện tử: duy trì chuyên mục") is None
    True
    """
    fields: list[tuple[str, str]] = []
    text = text.strip()
    if (glyph := glyph_bullet(text)) is not None and glyph[0] not in "-+•–*·▪●◦➢→➔⇒►":
        text = glyph[1]  # "o Chủ trì: …", "📌 Thời gian: …": a bullet of Word's levels or a chat app's before the label
    bracket = re.fullmatch(r"\((?P<inner>[^()]+)\)\s*[.;]?", text)
    if bracket is not None:
        text = bracket["inner"].strip()  # "(Cơ quan chủ trì: …; thời gian: …)" on the line after an item
    for piece in _FIELD_CUT.split(text):
        found = _FIELD_START.match(piece)
        role = _field_role(found["label"]) if found else None
        # "Bộ phận/công chức phụ trách": a label with a slash is known by its shape from the words after it
        label = re.sub(r"^.*/\s*", "", fold(found["label"]).strip()) if found is not None else ""
        if found is not None and role is None and not _NOT_LEAD_LABEL.search(label):
            if _LEAD_LABEL_SHAPE.match(label):
                role = "lead_shape"  # "Bộ phận phụ trách: Phòng Tư pháp": a label unknown, its value perhaps a body
            elif _LOOSE_LEAD_LABEL.match(label):
                role = "lead_loose"
        if found is None or role is None:
            if not fields:
                return None
            label, value = fields[-1]
            fields[-1] = (label, f"{value} {piece}")
            continue
        fields.append((role, found["rest"].strip()))
    return fields or None


_ROLE_WORDS_IN: Final = vi_compile(r"\b(?:chủ trì|phối hợp|Chủ trì|Phối hợp)\b")
