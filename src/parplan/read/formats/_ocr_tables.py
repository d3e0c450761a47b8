"""Tables of a scan rebuilt from the places of the words tesseract read.

Tesseract gives each word its box but no table: it reads a ruled table as lines that run
across the columns, or as blocks of cells, and reads the rules themselves as ``|``, ``[`` or
not at all. A page's table is rebuilt as a reader of the page sees it:

* **Skew.** A scanned page stands askew by up to a degree or so, which over a table's width
  moves a row's last column by a line's height. The page's skew is the median slope of its
  text lines; the words are turned back about the page's centre before anything is measured.
* **The header.** A table of a plan opens with a row of column names (STT, Nhiệm vụ, Chủ trì,
  Phối hợp, Thời gian …): a row of print where three of them are found, read through OCR's
  confusions ("Chitri", "Thoi gian"), is a table's header, its names read with the line under
  them where they wrap in their cells ("Cơ quan" over "chủ trì"); the rows as close under it
  as a cell's lines that hold nothing in its first column are the header's wrapped names. A
  header alone at a page's foot heads the rows at the top of the next.
* **Columns.** The columns are the runs of the table's width that no word crosses: the gaps
  between columns are where no word of any row stands. A run under no column name is part of
  the column on its left.
* **Rows.** With a number column (STT), a row starts where that column holds a mark (its
  number, however OCR read it: "i" for "7", "Il" for "II"; the column numbers the rows when most
  of its lines are a mark each); without one, where a line of print
  stands further below the one before than the lines of a cell do. A line that runs across the
  columns as a paragraph does, or a wide gap, ends the table; a line of full cells word space
  apart with a rule OCR read at a column's edge is a row, and a word OCR ran across a rule
  ("hanh_|UBND") is parted.
* **Pages.** A table that runs to the foot of a page goes on at the top of the next with the
  same columns (the header is not repeated), and is made one table by the layout.

Each cell keeps the mean confidence of its words. Cells are left as OCR read them; the
header's names are read as the names they are closest to within OCR's confusions, and a row
number OCR damaged is read from its neighbours' when the sequence leaves no doubt.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Final

from parplan.read.formats._layout import ITEM_START, Boxed, PageTable, join
from parplan.text import fold

__all__ = ["Word", "find_tables", "parted_at_rules", "skew"]

_HEADINGS: Final = (
    "STT",
    "TT",
    "Nhiệm vụ",
    "Nội dung",
    "Nội dung nhiệm vụ",
    "Nội dung công việc",
    "Tên nhiệm vụ",
    "Nhóm nhiệm vụ",
    "Nhiệm vụ cụ thể",
    "Nhiệm vụ chung",
    "Lĩnh vực",
    "Hoạt động",
    "Sản phẩm",
    "Kết quả",
    "Kết quả/sản phẩm",
    "Chủ trì",
    "Phối hợp",
    "Người thực hiện",
    "Đơn vị thực hiện",
    "Cơ quan thực hiện",
    "Đơn vị chủ trì",
    "Cơ quan chủ trì",
    "Đơn vị phối hợp",
    "Cơ quan phối hợp",
    "Phụ trách",
    "Bộ phận",
    "Cá nhân",
    "Bộ phận chủ trì",
    "Bộ phận phối hợp",
    "Bộ phận thực hiện",
    "Thời gian",
    "Thời hạn",
    "Thời gian hoàn thành",
    "Thời gian thực hiện",
    "Tiến độ",
    "Kinh phí",
    "Dự toán",
    "Ghi chú",
    "Đơn vị",
    "Thành phần",
    # the bodies a column names with their role: "Khoa, phòng chủ trì", "Phòng, Chi nhánh thực hiện"
    *(
        f"{bodies} {role}"
        for bodies in ("Khoa, phòng", "Phòng, Chi nhánh", "Lãnh đạo")
        for role in ("thực hiện", "chủ trì", "phối hợp", "phụ trách")
    ),
)
_OCR_FOLD: Final = str.maketrans({"0": "o", "6": "o", "1": "i", "l": "i", "|": "i", "!": "i", "5": "s", "8": "b"})
_MARK_CHARS: Final = "|[]{}_=~‘’'`\"»«—"
_NUMBER_MARK: Final = re.compile(r"^(?:[0-9]{1,3}|[IVXivx]{1,5}|[Il1|!]{1,4}|[Tl1|][VX]|[A-Ha-h])[.,)]?$")
"""A row's number as OCR reads it: its digits, a Roman numeral with its strokes read "l", "1", "|" or, before a
"V" or an "X", "T" ("TV" for "IV"), a letter."""
_ROMAN: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
_HEADER_SIMILARITY: Final = 0.74


@dataclass(slots=True)
class Word(Boxed):
    """A word tesseract read: its text, box (points, from the page's top-left corner), confidence and line."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float
    line: tuple[int, int, int] = (0, 0, 0)


def _key(text: str) -> str:
    """Text as OCR cannot be blamed for changing it: folded, look-alike characters made one, marks dropped."""
    folded = fold(text).translate(_OCR_FOLD)
    return " ".join(re.sub(r"[^a-z0-9/ ]+", " ", folded).split())


_HEADING_KEYS: Final = tuple((heading, _key(heading)) for heading in _HEADINGS)
_HEADING_WORDS: Final = frozenset(word for _, key in _HEADING_KEYS for word in key.split())
"""The words of the column names: a header has two of them as printed, at least."""


def skew(lines: list[list[Word]]) -> float:
    """The page's skew: the median slope (down per across) of its lines of three words or more."""
    slopes = []
    for words in lines:
        if len(words) < 3:
            continue
        ordered = sorted(words, key=lambda word: word.x0)
        first, last = ordered[0], ordered[-1]
        span = last.cx - first.cx
        if span < 100:
            continue
        slopes.append((last.bottom - first.bottom) / span)
    return statistics.median(slopes) if len(slopes) >= 3 else 0.0


def _straightened(words: list[Word], slope: float, centre: tuple[float, float]) -> list[Word]:
    """The words turned back by ``slope`` about ``centre``: lines level, columns upright."""
    cx, cy = centre
    result = []
    for word in words:
        dx = slope * (word.cy - cy)
        dy = -slope * (word.cx - cx)
        result.append(
            Word(word.text, word.x0 + dx, word.x1 + dx, word.top + dy, word.bottom + dy, word.confidence, word.line)
        )
    return result


@dataclass
class _Row:
    words: list[Word]
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return min(word.x0 for word in self.words)

    @property
    def x1(self) -> float:
        return max(word.x1 for word in self.words)


def _visual_rows(words: list[Word]) -> list[_Row]:
    """Straightened words grouped into rows of print, top to bottom, each left to right."""
    if not words:
        return []
    height = statistics.median(word.bottom - word.top for word in words)
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: w.cy):
        if rows and abs(word.cy - (rows[-1].top + rows[-1].bottom) / 2) < 0.5 * height:
            row = rows[-1]
            row.words.append(word)
            row.top = statistics.median(w.top for w in row.words)
            row.bottom = statistics.median(w.bottom for w in row.words)
            continue
        rows.append(_Row([word], word.top, word.bottom))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
    return rows


def _clean(text: str) -> str:
    """A word without the rules and marks OCR glued to it ("|Chitri", "Kéhoach_", "=|")."""
    return text.strip(_MARK_CHARS)


def _alike(one: str, other: str, least: float = _HEADER_SIMILARITY) -> bool:
    if 2 * min(len(one), len(other)) < least * (len(one) + len(other)):
        return False  # the ratio cannot reach ``least``
    matcher = _matcher(other)
    matcher.set_seq1(one)
    return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least and matcher.ratio() >= least


@functools.lru_cache(maxsize=256)
def _matcher(name: str) -> SequenceMatcher[str]:
    """A matcher against ``name``, kept: what it learns of the name is learnt once."""
    return SequenceMatcher(None, "", name, autojunk=False)


def _word_keys(words: list[Word]) -> list[tuple[Word, str]]:
    """The words of a row that hold letters or digits, each with its :func:`_key` (rules and marks dropped)."""
    keyed = [(word, _key(_clean(word.text))) for word in words]
    return [(word, key) for word, key in keyed if key]


def _headings(keys: list[str]) -> list[tuple[int, int, str]]:
    """The column names found in a row's words (spans of ``keys``, name), read through OCR's confusions."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    # the short names first (read whole), then the longest: "STT Nhiệm vụ" is two names, not "Tên nhiệm vụ"
    for heading, key in sorted(_HEADING_KEYS, key=lambda item: (len(item[1]) > 3, -len(item[1]))):
        size = len(key.split())
        for start in range(len(keys)):
            for width in sorted({size, size - 1} - {0}, reverse=True):
                span = range(start, min(start + width, len(keys)))
                if not span or taken.intersection(span):
                    continue
                candidate = " ".join(keys[i] for i in span)
                if len(key) <= 3:
                    same = candidate == key
                else:
                    parts, names = candidate.split(), key.split()
                    if len(parts) == len(names):
                        same = _alike(candidate, key) and all(
                            _alike(a, b, 0.5) for a, b in zip(parts, names, strict=True)
                        )
                    else:  # words OCR ran together ("Chitri"): the name's first and last letters kept
                        same = candidate[0] == key[0] and candidate[-1] == key[-1] and _alike(candidate, key)
                if same:
                    found.append((span.start, span.stop, heading))
                    taken.update(span)
                    break
    return found


def _is_header(row: _Row) -> bool:
    """Whether a row of print names a table's columns: three names or more, and little else.

    The names stand apart, in cells: a line whose words are all parted by word spaces is a
    sentence naming the roles ("Xác định rõ đơn vị chủ trì, phối hợp và thời gian hoàn thành").
    """
    keyed = _word_keys(row.words)
    keys = [key for _, key in keyed]
    if not 3 <= len(keys) <= 24 or len(_HEADING_WORDS.intersection(keys)) < 2:
        return False
    if not _apart([word for word, _ in keyed]):
        return False
    found = _headings(keys)
    names = {heading for _, _, heading in found}
    covered = sum(stop - start for start, stop, _ in found)
    return len(names) >= 3 and covered >= 0.7 * len(keys)


def _wrapped_names(rows: list[_Row], index: int) -> _Row:
    """A row of print with the next one under it, their words read column by column: names wrapped in their cells.

    "Cơ quan | Cơ quan" over "chủ trì | phối hợp" reads "Cơ quan chủ trì | Cơ quan phối hợp": each word of the
    second line follows the stretch of the first line it stands under. Without a next line close under it, the
    row alone.
    """
    row = rows[index]
    if index + 1 >= len(rows) or rows[index + 1].top - row.bottom > 1.5 * (row.bottom - row.top):
        return row
    stretches = _stretches([row])

    def place(word: Word, line: int) -> tuple[int, int, float]:
        under = [n for n, (x0, _) in enumerate(stretches) if x0 <= word.cx]
        return (under[-1] if under else -1, line, word.x0)

    words = sorted(
        [(place(w, 0), w) for w in row.words] + [(place(w, 1), w) for w in rows[index + 1].words],
        key=lambda item: item[0],
    )
    return _Row([word for _, word in words], row.top, rows[index + 1].bottom)


def _heads_wrapped(rows: list[_Row], index: int) -> bool:
    """Whether a row of cells apart is a header whose names wrap onto the line under it (not itself a header)."""
    if index + 1 >= len(rows) or _is_header(rows[index + 1]):
        return False  # a line above a header (the sentence announcing the table) is none of it
    words = [word for word, _ in _word_keys(rows[index].words)]
    return len(words) >= 2 and _apart(words) and _is_header(_wrapped_names(rows, index))


def _named_spans(header: list[_Row]) -> list[tuple[float, float]]:
    """The stretches of the header each column name covers (a name of two words is one stretch)."""
    spans = []
    for row in header:
        keyed = _word_keys(row.words)
        for start, stop, _ in _headings([key for _, key in keyed]):
            words = [word for word, _ in keyed[start:stop]]
            if not _one_stretch(words) or _ruled_between(words, row.words):
                continue  # words of two columns that happen to spell a name ("hợp" | "hoàn" …)
            spans.append((min(w.x0 for w in words), max(w.x1 for w in words)))
    return spans


def _stretches(rows: list[_Row]) -> list[tuple[float, float]]:
    """The stretches of print of rows of cells: words a word space apart, no rule between them, are one stretch."""
    spans: list[tuple[float, float]] = []
    for row in rows:
        words = [word for word in row.words if any(c.isalnum() for c in word.text)]
        run: list[Word] = []
        for word in words:
            if run and not (_one_stretch([run[-1], word]) and not _ruled_between([run[-1], word], row.words)):
                spans.append((_inked(run[0])[0], _inked(run[-1])[1]))
                run = []
            run.append(word)
        if run:
            spans.append((_inked(run[0])[0], _inked(run[-1])[1]))
    return spans


def _apart(words: list[Word]) -> bool:
    """Whether some words of a row stand a cell's gap apart: wider than the words' usual height."""
    size = statistics.median(word.bottom - word.top for word in words)
    inked = [_inked(word) for word in words]
    return any(after[0] - before[1] > size for before, after in itertools.pairwise(inked))


def _ruled_between(words: list[Word], row: list[Word]) -> bool:
    """Whether a rule OCR read ("|", "[") stands between two of ``words``, alone or glued to one of them."""
    rules = [word.cx for word in row if not any(c.isalnum() for c in word.text) and set(word.text) & set("|[]")]
    for before, after in itertools.pairwise(words):
        if before.text.endswith(("|", "[", "]")) or after.text.startswith(("|", "[", "]")):
            return True
        if any(before.cx < x < after.cx for x in rules):
            return True
    return False


def _one_stretch(words: list[Word]) -> bool:
    """Whether words stand as one name does: parted by word spaces, none as wide as the tallest word's height.

    A word space is a quarter of an em; the gap between two ruled cells, their paddings and the
    rule, is an em or more.
    """
    size = max(word.bottom - word.top for word in words)
    return all(b.x0 - a.x1 <= 0.8 * size for a, b in itertools.pairwise(words))


def _heading_of(text: str) -> str:
    """A header cell read as the column name it is closest to, or as OCR read it."""
    key = _key(text)
    best, score = None, 0.0
    for heading, heading_key in _HEADING_KEYS:
        if len(heading_key) <= 3:
            continue
        ratio = SequenceMatcher(None, key, heading_key, autojunk=False).ratio()
        if ratio > score:
            best, score = heading, ratio
    return best if best is not None and score >= _HEADER_SIMILARITY else text


@dataclass
class Columns:
    """A table's columns: the edges between them (straightened points) and whether the first numbers the rows."""

    edges: list[float]
    numbered: bool
    left: float
    right: float
    names: list[str] = field(default_factory=list)
    waiting: list[_Row] = field(default_factory=list)
    """The header of a table that stood alone at the foot of the page before: its rows are on this page, the first
    may be a group's title in one column, and the columns are measured again with them."""
    measured_over: list[_Row] = field(default_factory=list)
    """The header of a table that ran on from the foot of the page before over fewer rows than a line pitch needs
    (a group's title across the row, say): the columns are measured again with this page's rows under it."""

    def of(self, word: Word) -> int:
        """The column (from 0) a word stands in."""
        return sum(1 for edge in self.edges if word.cx > edge)

    @property
    def count(self) -> int:
        return len(self.edges) + 1


def _columns(header: list[_Row], body: list[_Row], *, bare: bool = False) -> Columns | None:
    """The columns of a table: the runs of its width no word crosses, each under a column name.

    ``bare``: the header stands alone at the foot of a page, its rows on the next; the columns are
    its names' and the first numbers the rows when it is named so (STT, TT) and narrow.
    """
    named = [word for row in header for word in row.words if any(c.isalnum() for c in word.text)]
    # a group's title across the row (a merged row, in capitals) crosses the gaps between the columns under it
    cells = [row for row in body if not (_in_capitals(row) and _one_line_of_print(row))] or body
    words = named + [word for row in cells for word in row.words if any(c.isalnum() for c in word.text)]
    if not named or (not body and not bare):
        return None
    left = min(word.x0 for word in words)
    right = max(word.x1 for word in words)
    spans = sorted([_inked(word) for word in words] + _named_spans(header) + (_stretches(header) if bare else []))
    runs: list[list[float]] = []
    for x0, x1 in spans:
        if runs and x0 <= runs[-1][1] + 1.0:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    # a run under no column name belongs to the column on its left
    kept: list[list[float]] = []
    for run in runs:
        has_name = any(run[0] - 0.5 <= word.cx <= run[1] + 0.5 for word in named)
        if kept and not has_name:
            kept[-1][1] = run[1]
        else:
            kept.append(run)
    if len(kept) >= 2 and not any(kept[0][0] - 0.5 <= word.cx <= kept[0][1] + 0.5 for word in named):
        kept[1][0] = kept[0][0]
        kept.pop(0)
    kept = _names_kept_whole(kept, header, body)
    if len(kept) < 3:
        return None
    edges = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(kept)]
    # the first column numbers the rows when most of its lines are a mark each, narrow: a row's words that ran into
    # it (a row printed out of its columns) do not undo that
    first = [[word for word in row.words if word.cx < edges[0] and _key(_clean(word.text))] for row in body]
    lines = [words for words in first if words]
    marks = [words[0] for words in lines if len(words) == 1 and _NUMBER_MARK.match(_clean(words[0].text) or "-")]
    numbered = (
        bool(lines)
        and len(marks) >= 0.7 * len(lines)
        and max(word.x1 for word in marks) - min(word.x0 for word in marks) < 40
    )
    if bare:
        names = [_key(_clean(word.text)) for word in named if word.cx < edges[0]]
        numbered = names in (["stt"], ["tt"]) and kept[0][1] - kept[0][0] < 40
    return Columns(edges=edges, numbered=numbered, left=left, right=right)


def _names_kept_whole(runs: list[list[float]], header: list[_Row], body: list[_Row]) -> list[list[float]]:
    """The runs of a table's width with two made one where a column's name was printed across both.

    A cell set justified spreads its lines to its edges ("Khoa,      phòng" over "chủ trì"), and the cells
    under it do the same ("Phòng      Công" over "nghệ thông tin"): a gap no word crosses runs down the
    column. Two runs are one column when the words of the header over the right one name nothing alone
    and, read line by line with those over the left one, make one column's name, and no line of the rows
    holds words in the right one alone (a justified line spreads from the cell's left edge).
    """

    def keys(words: list[Word]) -> list[str]:
        return [key for _, key in _word_keys(words)]

    def named(run: list[float], row: _Row) -> list[Word]:
        return [word for word in row.words if run[0] - 0.5 <= word.cx <= run[1] + 0.5]

    result = [list(run) for run in runs]
    index = 0
    while index + 1 < len(result):
        left, right = result[index], result[index + 1]
        alone = [key for row in header for key in keys(named(right, row))]
        both = [key for row in header for key in keys(named(left, row) + named(right, row))]
        found = _headings(both) if alone and len(both) > len(alone) else []
        whole = len(found) == 1 and found[0][:2] == (0, len(both))
        spread = all(keys(named(left, row)) for row in body if keys(named(right, row)))
        if whole and spread and sum(stop - start for start, stop, _ in _headings(alone)) < len(alone):
            left[1] = right[1]
            result.pop(index + 1)
            continue
        index += 1
    return result


_GLUED: Final = "|[]{}_=~—-"
"""What OCR reads of a rule and glues to a word; quotes ('"Thực hiện:') are the word's own and stand in its box."""


def _inked(word: Word) -> tuple[float, float]:
    """The stretch of a word's letters: a rule OCR glued to it ("chuyên_|-", "|Văn") left out of its box.

    The box is cut in proportion to the characters: a rule stands in the gap between two columns,
    and a word whose box takes it in would seem to cross that gap.
    """
    text = word.text
    lead = len(text) - len(text.lstrip(_GLUED))
    trail = len(text) - len(text.rstrip(_GLUED))
    if (not lead and not trail) or lead + trail >= len(text):
        return word.x0, word.x1
    share = (word.x1 - word.x0) / len(text)
    return word.x0 + lead * share, word.x1 - trail * share


_INNER_RULE: Final = re.compile(r"[_~=\-—‘’`']*[|\[\]][_~=\-—|\[\]‘’`']*")


def _word_end(char: str) -> bool:
    return char.isalnum() or char in ".,;:)"


def parted_at_rules(word: Word) -> list[Word]:
    """A word OCR ran together across a table's rule, parted: the words on either side and the rule between.

    "hanh_~=|UBND" is the last word of one cell and the first of the next, read as one word across
    the rule between them: its box crosses the gap between the columns, its letters do not. The
    boxes are cut in proportion to the characters. Any other word is returned as it is.
    """
    text = word.text
    rules = [m for m in _INNER_RULE.finditer(text) if m.start() > 0 and m.end() < len(text)]
    # a word's letters, or its closing stop or comma, on either side ("hanh_~=|UBND", "b6._|nganh")
    rules = [m for m in rules if _word_end(text[m.start() - 1]) and (text[m.end()].isalnum() or text[m.end()] == "(")]
    if not rules:
        return [word]
    share = (word.x1 - word.x0) / len(text)
    parts: list[Word] = []
    start = 0
    for rule in rules:
        for begin, end in ((start, rule.start()), (rule.start(), rule.end())):
            piece = text[begin:end] if begin < rule.start() else "|"
            box = (word.x0 + begin * share, word.x0 + end * share)
            parts.append(Word(piece, *box, word.top, word.bottom, word.confidence, word.line))
        start = rule.end()
    parts.append(
        Word(text[start:], word.x0 + start * share, word.x1, word.top, word.bottom, word.confidence, word.line)
    )
    return parts


def _is_prose(row: _Row, columns: Columns) -> bool:
    """A line of running text: it reaches across most of the table with word gaps only, or starts left of it."""
    words = [word for word in row.words if any(c.isalnum() for c in word.text)]
    if not words:
        return False
    size = statistics.median(word.bottom - word.top for word in words)
    if words[0].x0 < columns.left - 2 * size:
        return True
    if len(words) < 6 or _ruled_at_edge(row.words, columns, size):
        return False
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    if max(gaps) > 1.2 * size:
        return False
    return words[-1].x1 - words[0].x0 > 0.6 * (columns.right - columns.left)


def _ruled_at_edge(words: list[Word], columns: Columns, size: float) -> bool:
    """Whether a rule OCR read ("|", "—_|", "|Văn") stands at an edge between columns, with words on both sides.

    A paragraph holds no rule; a row of cells filled to their edges may stand word space apart
    and still be cells, parted by the rules OCR read between them.
    """
    rules: list[float] = []
    for word in words:
        text = word.text
        if not set(text) & set("|[]"):
            continue
        if not any(c.isalnum() for c in text):
            rules.append(word.cx)
        elif text.startswith(("|", "[", "]")):
            rules.append(word.x0)
        elif text.endswith(("|", "[", "]")):
            rules.append(word.x1)
    inked = [word for word in words if any(c.isalnum() for c in word.text)]
    return any(
        any(abs(x - edge) < 1.5 * size for edge in columns.edges)
        and any(word.x1 <= x + size / 2 for word in inked)
        and any(word.x0 >= x - size / 2 for word in inked)
        for x in rules
    )


@dataclass
class _Table:
    columns: Columns
    header: list[_Row]
    body: list[_Row]
    goes_on: bool = False
    """The first row is the rest of the last row of the page before."""
    header_before: bool = False
    """The header stood alone at the foot of the page before."""
    measured_again: bool = False
    """The columns of the table on the page before, measured again with this page's rows."""


def _extent(rows: list[_Row], start: int, columns_of: Columns | None) -> tuple[list[_Row], list[_Row], int] | None:
    """The header rows, body rows and the index after the table, for a table whose header is ``rows[start]``.

    With ``columns_of`` (a table going on from the page before) there is no header.
    """
    header = [] if columns_of is not None else [rows[start]]
    index = start if columns_of is not None else start + 1
    if columns_of is None:
        first = rows[start]
        first_x1 = min(word.x1 for word in first.words)
        while index < len(rows) and rows[index].top - rows[index - 1].bottom < 0.8 * (first.bottom - first.top):
            if any(word.cx < first_x1 + 2 and any(c.isalnum() for c in word.text) for word in rows[index].words):
                break
            header.append(rows[index])
            index += 1
    size = statistics.median(row.bottom - row.top for row in rows[start : start + 3])
    body: list[_Row] = []
    columns = columns_of
    while index < len(rows):
        row = rows[index]
        previous = body[-1] if body else (header[-1] if header else None)
        if previous is not None and row.top - previous.bottom > 3.0 * size:
            break
        if body and _next_table(rows, index):
            break
        if columns is not None and _is_prose(row, columns) and not _title_over_rows(rows, index, columns):
            break
        body.append(row)
        if columns_of is None and len(body) >= 2:
            columns = _columns(header, body)
        index += 1
    if not body and (columns_of is not None or index < len(rows)):
        return None  # a header with no row under it, unless it stands at the page's foot
    return header, body, index


def _title_over_rows(rows: list[_Row], index: int, columns: Columns) -> bool:
    """Whether ``rows[index]``, a line across the table, is a group's title in capitals over a row of its cells.

    A section's heading after the table ("III. TỔ CHỨC THỰC HIỆN") stands over prose, and ends it.
    """
    return _in_capitals(rows[index]) and index + 1 < len(rows) and _fits(rows[index + 1], columns)


def _next_table(rows: list[_Row], index: int) -> bool:
    """Whether ``rows[index]``, under a table's rows, opens the next table: its header, or a heading over it."""
    if _is_header(rows[index]) or _heads_wrapped(rows, index):
        return True
    # a heading over the next table's header ("2. Cải cách thủ tục hành chính"): a line of text, not cells
    return index + 1 < len(rows) and _is_header(rows[index + 1]) and _one_line_of_print(rows[index])


def _one_line_of_print(row: _Row) -> bool:
    """Whether a row of print is one stretch of words (a heading, a line of text), not cells apart."""
    words = [word for word in row.words if any(c.isalnum() for c in word.text)]
    return bool(words) and _one_stretch(words) and not _ruled_between(words, row.words)


_PITCHES: Final = 5
"""Rows of print a table needs for its line pitch to be measured."""
_ROW_STEP: Final = 1.25
"""How much further down than a cell's next line a table's next row starts, at least (its cells' padding and the
rule between): on the committed scans, a cell's lines stood at most 1.21 line pitches apart, the rows whose number
OCR lost 1.29 or more."""


def _records(body: list[_Row], columns: Columns) -> list[list[_Row]]:
    """The body's rows of print grouped into the table's rows."""
    records: list[list[_Row]] = []
    pitches = [b.top - a.top for a, b in itertools.pairwise(body)]
    usual = statistics.median(pitches) if pitches else 0.0
    line = sorted(pitches)[len(pitches) // 5] if len(pitches) >= _PITCHES else 0.0  # a cell's lines, one under another
    for index, row in enumerate(body):
        step = row.top - body[index - 1].top if index else 0.0
        spaced = usual > 0 and step > 1.3 * usual
        marked = any(
            columns.of(word) == 0 and (_NUMBER_MARK.match(_clean(word.text)) or (spaced and _key(_clean(word.text))))
            for word in row.words
        )
        # a row whose number OCR lost: further below the line before than a cell's lines go (the cells' padding
        # and rule between), in two columns at once, or with the mark OCR kept where it lost the column's others
        apart = line > 0 and step > _ROW_STEP * line
        unmarked = apart and len({columns.of(word) for word in row.words if _key(_clean(word.text))}) >= 2
        # a group's title in capitals after a row in lower case, a little below it (capitals' boxes stand higher)
        titled = line > 0 and step > _TITLE_STEP * line and _in_capitals(row) and not _in_capitals(body[index - 1])
        # a group's title of one line, apart from the rows above and below it: it starts a row, and the next one too
        alone = _alone(body, index, line)
        unmarked = unmarked or titled or alone or (index > 0 and _alone(body, index - 1, line))
        starts = (marked or unmarked) if columns.numbered else (spaced or unmarked or (apart and marked) or index == 0)
        if starts or not records:
            records.append([row])
        else:
            records[-1].append(row)
    return records


def _alone(body: list[_Row], index: int, line: float) -> bool:
    """Whether a row of print stands apart from the lines above and below it: a row of one line (a group's title)."""
    if line <= 0 or not 0 < index < len(body) - 1:
        return False
    before = body[index].top - body[index - 1].top
    after = body[index + 1].top - body[index].top
    return min(before, after) > _ALONE_STEP * line


_ALONE_STEP: Final = 1.2
"""How much further than a cell's next line a row of one line stands from the lines on both sides of it, at least:
one gap a cell's lines may reach by OCR's boxes, not two about one line."""
_TITLE_STEP: Final = 1.1
"""How much further down than a cell's next line a group's title in capitals starts, at least."""
_CAPITALS: Final = 6
"""Letters a line needs for its capitals to say it is a group's title ("CẢI CÁCH TÀI CHÍNH CÔNG"), not a name."""


def _in_capitals(row: _Row) -> bool:
    """Whether a row of print is written in capitals: a group's title across the table, as plans head their groups."""
    letters = [c for word in row.words for c in word.text if c.isalpha()]
    return len(letters) >= _CAPITALS and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _cell_text(rows: list[list[Word]]) -> tuple[str, float | None, int]:
    text = ""
    last = ""
    confidences: list[float] = []
    for words in rows:
        parts = [_clean(word.text) for word in words]
        line = " ".join(part for part in parts if part)
        confidences.extend(word.confidence for word, part in zip(words, parts, strict=True) if part)
        if not line:
            continue
        if not text:
            text = line
        elif ITEM_START.match(line) or _bodies_apart(last, line):
            text += "\n" + line
        else:
            text = join(text, line)
        last = line
    return text, (statistics.fmean(confidences) if confidences else None), len(confidences)


_BODY_LINE: Final = re.compile(r"^(?:phong|so|van phong|ubnd|trung tam|cong an|chi cuc|thanh tra|khoa|doan) [a-z]")
"""A cell's line opening with a body's name, folded ("Phòng Tài nguyên …", "Sở Nội vụ …")."""
_GOES_ON: Final = re.compile(r"(?:\b(?:va|cua|voi|thuoc|hop|hgp|tri)|[,;&(-])$")
"""A cell's line ending where the name or the sentence goes on, folded ("Văn phòng HĐND và" / "UBND huyện",
"… chủ trì, phối hợp" / "Trung tâm …")."""


def _bodies_apart(last: str, line: str) -> bool:
    """Whether a cell's line names a body of its own under a line naming one: two bodies one a line, no comma."""
    before, after = fold(last), fold(line)
    return bool(_BODY_LINE.match(before) and _BODY_LINE.match(after) and not _GOES_ON.search(before))


def _roman_value(mark: str) -> int | None:
    return _ROMAN.index(mark) + 1 if mark in _ROMAN else None


_TO_ROMAN: Final = str.maketrans({"l": "I", "|": "I", "1": "I", "!": "I", "i": "I", "v": "V", "x": "X", "T": "I"})


def _as_roman(mark: str) -> str:
    """A row mark of Roman strokes OCR read as other letters ("Il", "Iv.") as the numeral, else as read."""
    cleaned = mark.rstrip(".,)")
    if cleaned.isdigit() or not cleaned or not set(cleaned) & set("IVX"):
        return mark
    roman = cleaned.translate(_TO_ROMAN)
    return roman if roman in _ROMAN else mark


def _repaired_marks(marks: list[str]) -> list[str]:
    """The row numbers of a number column with those OCR damaged read from the sequence around them.

    Arabic and Roman numbers count on separately ("I", "1", "2", "II", "3" …); a mark that is
    neither ("i", "Il", "|") is the number that falls between its neighbours of one kind when
    exactly one does, else left as read.
    """
    marks = [_as_roman(mark) for mark in marks]
    result = list(marks)
    arabic: list[tuple[int, int]] = []
    roman: list[tuple[int, int]] = []
    for index, mark in enumerate(marks):
        cleaned = mark.rstrip(".,)")
        if cleaned.isdigit():
            arabic.append((index, int(cleaned)))
        elif _roman_value(cleaned) is not None:
            roman.append((index, _roman_value(cleaned) or 0))
    for index, mark in enumerate(marks):
        cleaned = mark.rstrip(".,)")
        if (
            not cleaned
            or cleaned.isdigit()
            or (_roman_value(cleaned) is not None and not _doubtful_roman(index, roman))
        ):
            continue
        for kind, known in (("arabic", arabic), ("roman", roman)):
            before = [value for at, value in known if at < index]
            after = [value for at, value in known if at > index]
            if before and after and after[0] - before[-1] == 2:
                value = before[-1] + 1
                result[index] = str(value) if kind == "arabic" else _ROMAN[value - 1]
                break
    return result


def _doubtful_roman(index: int, roman: list[tuple[int, int]]) -> bool:
    """A Roman number that breaks the sequence of its neighbours ("I" read for "III" between II and IV)."""
    position = next((i for i, (at, _) in enumerate(roman) if at == index), None)
    if position is None or position == 0 or position == len(roman) - 1:
        return False
    before, value, after = roman[position - 1][1], roman[position][1], roman[position + 1][1]
    return after - before == 2 and value != before + 1


def _page_table(table: _Table, page: int) -> PageTable:  # noqa: C901 - header, rows, marks, cells
    columns = table.columns
    cells: list[tuple[int, int, int, int, str]] = []
    confidence: dict[tuple[int, int], float] = {}
    row_number = 0
    if table.header:
        row_number = 1
        for column in range(columns.count):
            lines = [[w for w in row.words if columns.of(w) == column] for row in table.header]
            text, mean, _ = _cell_text(lines)
            if column == 0 and columns.numbered and len(_key(text)) <= 3:
                text = "STT"  # the column of row numbers, whatever OCR made of its name
            else:
                text = _heading_of(text) if text else text
            cells.append((1, column + 1, 1, 1, text))
            if mean is not None:
                confidence[(1, column + 1)] = mean
    records = _records(table.body, columns)
    marks = []
    texts: list[list[tuple[str, float | None]]] = []
    for record in records:
        row_cells = []
        for column in range(columns.count):
            lines = [[w for w in row.words if columns.of(w) == column] for row in record]
            text, mean, _ = _cell_text(lines)
            row_cells.append((text, mean))
        texts.append(row_cells)
        marks.append(row_cells[0][0] if columns.numbered else "")
    if columns.numbered:
        marks = _repaired_marks(marks)
    for index, row_cells in enumerate(texts):
        row_number += 1
        for column, (text, mean) in enumerate(row_cells):
            value = marks[index] if column == 0 and columns.numbered else text
            cells.append((row_number, column + 1, 1, 1, value))
            if mean is not None:
                confidence[(row_number, column + 1)] = mean
    rows = table.body if table.header_before else table.header + table.body
    return PageTable(
        cells=cells,
        columns=[columns.left, *columns.edges, columns.right],
        top=min(row.top for row in rows),
        bottom=max(row.bottom for row in rows),
        page=page,
        confidence=confidence,
        goes_on=table.goes_on,
        measured_again=table.measured_again,
    )


@dataclass
class Found:
    """The tables of one page, the words left for its text, and the columns of a table running on to the next page."""

    tables: list[PageTable]
    rest: set[int]
    running: Columns | None
    straight: list[Word]
    """The page's words turned back by its skew (lines level), in the order given."""


def find_tables(words: list[Word], size: tuple[float, float], page: int, running: Columns | None = None) -> Found:
    """The tables of a page of ``words`` (its size in points); ``running``: the columns of a table from the page before.

    Returns the tables with each cell's mean word confidence, the indexes of the words that
    stand outside them, and the columns of the last table when it runs to the page's foot.
    """
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    slope = skew(list(lines.values()))
    centre = (size[0] / 2, size[1] / 2)
    straight = _straightened(words, slope, centre)
    index_of = {id(word): index for index, word in enumerate(straight)}
    rows = _visual_rows(straight)
    tables: list[_Table] = []
    position = 0
    carry = running
    waiting: Columns | None = None
    while position < len(rows):
        columns: Columns | None = None
        goes_on = header_before = measured_again = False
        if carry is not None:
            columns, carry = carry, None
            found = _extent(rows, position, columns)
            if found is None or not (
                _fits(found[1][0], columns)
                or (goes_on := _goes_on(found[1], columns))
                or (columns.waiting and any(_fits(row, columns) for row in found[1][:3]))
            ):
                continue
            columns, measured_again = _measured_again(columns, found[1])
            if columns.waiting:  # the header of the page before, over these rows: the columns measured with them
                header, header_before = columns.waiting, True
                columns = _columns(header, found[1]) or replace(columns, waiting=[])
                found = (header, found[1], found[2])
        elif _is_header(rows[position]) or _heads_wrapped(rows, position):
            found = _extent(rows, position, None)
            columns = _columns(found[0], found[1], bare=not found[1]) if found is not None else None
        else:
            found = None
        if found is None or columns is None:
            position += 1
            continue
        header, body, end = found
        position = end
        if not body:  # a header alone at the page's foot: its table is made on the next page
            waiting = replace(columns, waiting=header)
            continue
        tables.append(_Table(columns, header, body, goes_on, header_before, measured_again))
    # a header waiting for its rows stays in the page's text too: the next page may not go on with it
    inside = {
        index_of[id(word)] for t in tables for row in t.header + t.body for word in row.words if id(word) in index_of
    }
    rest = set(range(len(words))) - inside
    last_running = waiting if waiting is not None else _running_on(tables, rows)
    return Found([_page_table(table, page) for table in tables], rest, last_running, straight)


def _running_on(tables: list[_Table], rows: list[_Row]) -> Columns | None:
    """The columns of the page's last table when it runs to the page's foot (none of the page's rows under it).

    Measured over fewer rows than a line pitch needs (a header and a group's title across the row, say), they
    keep the header, to be measured again with the next page's rows.
    """
    if not tables:
        return None
    last = tables[-1]
    if any(row.top > (last.header + last.body)[-1].bottom for row in rows):
        return None
    if len(last.body) < _PITCHES and last.header and not last.goes_on:
        return replace(last.columns, measured_over=last.header)
    return last.columns


def _measured_again(columns: Columns, body: list[_Row]) -> tuple[Columns, bool]:
    """Columns measured over a few rows on the page before, measured again with the header and ``body``.

    The new columns are taken when they are as many; returns the columns and whether they were measured again.
    """
    if not columns.measured_over:
        return columns, False
    again = _columns(columns.measured_over, body)
    if again is None or again.count != columns.count or columns.waiting:
        return replace(columns, measured_over=[]), False
    return again, True


def _goes_on(body: list[_Row], columns: Columns) -> bool:
    """Whether the first row at the top of a page is the rest of a cell of the table on the page before.

    Its words stand in one column, inside the table, over a row that stands in its columns.
    """
    pitch = min((b.top - a.top for a, b in itertools.pairwise(body[:4])), default=0.0)  # a cell's next line
    rest = 0  # the cell's last lines: one column, the same, inside the table, at a cell's pitch (few lines)
    while rest < min(len(body), _CELL_REST) and not _fits(body[rest], columns) and not _is_prose(body[rest], columns):
        words = [word for word in body[rest].words if any(c.isalnum() for c in word.text)]
        if not words or columns.left - 5 > words[0].x0 or len({columns.of(word) for word in words}) != 1:
            return False
        if rest and columns.of(words[0]) != columns.of(body[0].words[0]):
            return False
        if rest and body[rest].top - body[rest - 1].top > _ROW_STEP * pitch:
            return any(_fits(row, columns) for row in body[rest : rest + 2])  # a group's title after the rest
        rest += 1
    return 0 < rest < len(body) and _fits(body[rest], columns)


_CELL_REST: Final = 3
"""The most lines of a cell a table's row leaves at the top of the next page that are read as going on."""


def _fits(row: _Row, columns: Columns) -> bool:
    """Whether a row at the top of a page stands in a table's columns (words in two columns or more, not prose)."""
    used = {columns.of(word) for word in row.words if any(c.isalnum() for c in word.text)}
    return len(used) >= 2 and not _is_prose(row, columns)
