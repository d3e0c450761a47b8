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

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from parplan.errors import InvariantError, ParseError
from parplan.legal import LegalReference
from parplan.org import AdminUnit, Organisation, OrgKind, UnitKind
from parplan.plan import Masthead, Plan, Signature
from parplan.read.accents import accents_lost, unaccented, vi_compile
from parplan.read.aligned import aligned_table
from parplan.read.body import _Reader
from parplan.read.columns import by_columns, rebuild
from parplan.read.confidence import (
    DocumentSigns,
    apply_document_factor,
    apply_field_signals,
    count_lead_words,
    document_factor,
)
from parplan.read.draft import _SCAN_PENALTY, _Builder, _line_origin, _Node, _unique, fold
from parplan.read.head import (
    _ISSUING_KIND,
    _PLACE_KINDS,
    _UNIT_IN_TEXT,
    BodyUnit,
    _after_committee,
    _as_written,
    _blank_symbol,
    _decision_in_sentence,
    _is_motto,
    _issuer_and_unit,
    _list_adopted,
    _named_words,
    _plan_in_article,
    _plan_kind,
    _plan_kind_line,
    _plan_span,
    _plan_tail,
    _remedies_last_year,
    _safe_refs,
    _scanned_type,
    _symbol,
    _title_in_sentence,
    _unit_words,
    body_unit,
    damaged_head,
)
from parplan.read.items import _marker
from parplan.read.layout import (
    LONE_POST_DOUBT,
    Head,
    Tail,
    is_tail_start,
    lone_post_start,
    masthead_printed_after,
    read_head,
    read_tail,
    unit_from_words,
)
from parplan.read.lines import Grid, Para, TextLine, blocks, clean_lines
from parplan.read.reading import Reading, UnplacedLine
from parplan.read.repeats import merge_restated
from parplan.read.source import DocumentFormat, SourceDocument
from parplan.source import Certainty, SourceLocation
from parplan.timeframes import Span

__all__ = ["read_source", "read_text"]
_APPENDIX: Final = vi_compile(r"^\s*(?:\*|#)*\s*PH[ỤU]\s*L[ỤU]C\b", re.IGNORECASE)


# -- the whole document ------------------------------------------------------------------------


_SCHOOL_YEAR: Final = re.compile(r"nam hoc (?P<a>[0-9]{4}) ?[-\u2013/] ?(?P<b>[0-9]{4})(?![0-9])")
"""A school year in a folded title ("năm học 2025-2026"): a plan of a school or an education office."""
_SCHOOL_YEAR_FACTOR: Final = 0.85
"""The calendar year of a school year's plan is a convention of the model, not what the plan says: under 0.9."""


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
        if text and lone_post_start(lines, index):  # "HIỆU TRƯỞNG" over a name: a signature without TM./KT.
            tail, used = read_tail(lines[index:])
            if used and tail.signature is not None:
                tails.append((attrs.evolve(tail, doubts=(*tail.doubts, LONE_POST_DOUBT)), line.number))
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
    lost = False
    try:
        if document.format is DocumentFormat.XLSX:
            from parplan.read.workbook import read_workbook

            return read_workbook(document)
        lost = unaccented("\n".join(line.text for line in document.lines()))
        with accents_lost(lost=lost):
            reading = _read_source(document)
    except (InvariantError, ParseError) as error:
        no_doubts = _Builder(file=document.name, penalty=Decimal(1))
        return _no_plan(document, no_doubts, (f"the document could not be read into a plan: {error}",))
    # the words were read without their marks: said, and no field is read as sure
    return _without_marks(reading) if lost else reading


_PLACES: Final = Decimal("0.001")
_LOST_MARKS: Final = Decimal("0.85")
"""Every field of a text without diacritics: its words were matched without the marks that tell some apart."""


def _without_marks(reading: Reading) -> Reading:
    """``reading`` of a text without diacritics: said in a doubt, every field's confidence lowered."""
    doubt = "the text has no diacritics (a copy that lost them): its words were read without their marks"
    doubts = (*reading.doubts, doubt)
    confidence = None if reading.confidence is None else (reading.confidence * _LOST_MARKS).quantize(_PLACES)
    if reading.plan is None:
        return attrs.evolve(reading, doubts=doubts, confidence=confidence)
    sources = tuple(
        source
        if source.confidence is None
        else attrs.evolve(source, confidence=(source.confidence * _LOST_MARKS).quantize(_PLACES))
        for source in reading.plan.sources
    )
    plan = attrs.evolve(reading.plan, sources=sources)
    return attrs.evolve(reading, plan=plan, doubts=doubts, confidence=confidence)


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
    lines, moved = masthead_printed_after(lines)
    if moved is not None:
        build.doubts.append(
            f"the masthead stands after the text (line {moved.number}), as a table printed after the paragraphs:"
            " read there"
        )
    head = read_head(lines)
    if document.format is DocumentFormat.SCAN:
        raw = {line.number: line.text for line in document.lines()}
        damaged = damaged_head(raw, lines, head)
        if damaged is not None:
            build.doubts.append(damaged)
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
    dated = (decision or head).issued_on
    if year is not None and dated is not None and span is None and _remedies_last_year(title or "", year, dated):
        # a plan remedying last year's index is for the year it is issued in: "Cả năm" in its table is that year
        reader.year = dated.year
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
            rebuilt = aligned or by_columns(appendix_lines, "appendix") or rebuild(appendix_lines, "appendix")
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
        if not any(t.source and t.source.table for t in reader.tasks) and not reader.keyed:
            build.doubts.append(
                "the appendix holds no table the reader could read (PDF text in columns?): its lines are unplaced"
            )
    reader.give_keyed()  # assignment tables keyed by the tasks' numbers, once every task is read
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
    of_body: BodyUnit | None = None
    if unit_words is None and org_kind is not OrgKind.PEOPLES_COMMITTEE and issuer_name is not None:
        # a public service unit's or a department's unit: its parent line, the title, the place line
        head_texts = [line.text for line in lines[:80]]
        issuer_name = _as_written(issuer_name, head_texts)
        own = head.issuer_lines[1:] if parent_line else head.issuer_lines
        of_body = body_unit(issuer_name, parent_line, own, head_texts, head.place)
        if of_body is not None and of_body.source in {"parent", "title"}:
            issuer_name, unit_words = of_body.issuer, of_body.unit
    if unit_words is None:
        found = _find_unit(reader, head, lines)
        if found is not None:
            unit_words = found
            issuer_certainty = Certainty.INFERRED
            if issuer_name is None or org_kind is OrgKind.PEOPLES_COMMITTEE:
                issuer_name = f"Ủy ban nhân dân {_unit_words(found)}"
            of_body = None
    if unit_words is None and of_body is not None:
        # nothing but the place line, or nothing at all, names the unit: a draft with its doubt
        issuer_name, unit_words = of_body.issuer, of_body.unit
    if unit_words is not None:
        kind, name = unit_words
        if name is not None and head.place and fold(head.place) == fold(name):
            name = head.place
        elif name is not None and head.place and document.format is DocumentFormat.SCAN:
            head = _place_as_unit(head, name, build)
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
    if of_body is not None and unit_words == of_body.unit and (of_body.source != "parent" or of_body.doubt):
        build.source(
            "$.unit",
            _line_origin(head.place_line) if of_body.source == "place" else issuer_origin,
            kind="masthead" if of_body.source == "parent" else "inferred" if of_body.source != "title" else "title",
            certainty=Certainty.UNCERTAIN if of_body.source in {"place", "kind"} else Certainty.INFERRED,
            factor=of_body.factor,
            doubts=(of_body.doubt,) if of_body.doubt else (),
        )
        if of_body.doubt:
            doubts.append(of_body.doubt)
    else:
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
        school = _SCHOOL_YEAR.search(fold(title or ""))
        school_doubts: tuple[str, ...] = ()
        if school is not None and int(school["b"]) == int(school["a"]) + 1 == year:
            years = f"{school['a']}-{school['b']}"
            school_doubts = (f"the plan is for the school year {years}: its year is the one the school year closes in",)
        build.source(
            "$.year",
            head_origin,
            written=title,
            kind="inferred" if inferred_title else "title",
            factor=_SCHOOL_YEAR_FACTOR if school_doubts else 1.0,
            doubts=school_doubts,
        )
    elif span is not None:
        build.source("$.span", head_origin, written=title, kind="inferred" if inferred_title else "title")
    masthead = None
    if head.issuer_lines:
        masthead = Masthead(
            parent=parent_line,
            issuer=_masthead_issuer(head.issuer_lines, parent_line),
            number=(decision or head).number_text,
            place_date=(decision or head).place_date,
        )
        build.source("$.masthead", issuer_origin, kind="masthead")
    tasks, merged_sources = merge_restated(reader.tasks, build.sources)
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
            tasks=tuple(tasks),
            reporting=tuple(reader.reporting),
            obligations=tuple(reader.obligations),
            funding=tuple(reader.funding),
            closing=reader.closing,
            recipients=recipients,
            sources=tuple(merged_sources),
            source_file=file,
        )
    except InvariantError as error:
        doubts.append(f"the draft plan could not be built: {error}")
        return _no_plan(document, build, doubts)
    signs = DocumentSigns(
        lines=sum(1 for line in lines if line.text.strip()),
        # the lines set aside as a portal's or a legal database's, an e-mail's or a stamp's, not the document's,
        # are placed
        unplaced=len(build.unplaced) - len(head.aside) - sum(line.wrapping for line in aside) + guessed_lines,
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


def _place_as_unit(head: Head, name: str, build: _Builder) -> Head:
    """A scan's place that OCR damaged a letter of in each word ("Dong Phi" under "HUYỆN DONG PHU"): the unit's name.

    The masthead's capitals are read better than the place line's small letters; the place is the unit's
    name when each word is one letter away from the name's, with a doubt. Any other place is kept.
    """
    place = head.place or ""
    written, named = fold(place).split(), fold(name).split()
    if len(written) != len(named) or written == named:
        return head
    for one, two in zip(written, named, strict=True):
        if len(one) != len(two) or sum(a != b for a, b in zip(one, two, strict=True)) > 1:
            return head
    build.doubts.append(f"the place {place!r} was read as the unit's name {name!r}: the scan damaged its letters")
    return attrs.evolve(head, place=name)


def _parent_unit(kind: UnitKind, parent_line: str | None, reader: _Reader) -> AdminUnit | None:  # noqa: ARG001
    if parent_line:
        rest = _after_committee(parent_line)
        found = unit_from_words(rest) if rest else None
        if found is not None and found[0].level.rank < kind.level.rank:
            return AdminUnit(name=found[1], kind=found[0])
    return None


def read_text(text: str, *, name: str | None = None) -> Reading:
    r"""The plan in ``text`` (as copied from a Word file, a PDF or a web page), read as :func:`read_source` reads.

    A page's HTML source pasted as text (``<p>``, ``<table>`` … a line) is read as the page shows it.

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
    from parplan.read.formats.html import looks_like_html_source, source_from_html

    if looks_like_html_source(text):  # a page's source pasted as text: read as the page shows it
        return read_source(source_from_html(text, name=name or "<html>"))
    return read_source(source_from_text(text, name=name))


def _masthead_issuer(lines: Sequence[str], parent: str | None) -> str:
    """The issuer's lines of the masthead without its parent's, which may span lines ("SỞ … / TỈNH …")."""
    joined = " ".join(lines)
    if parent and joined.startswith(parent) and joined[len(parent) :].strip():
        return joined[len(parent) :].strip()
    return " ".join(lines[1:] if parent else lines).removeprefix(parent or "").strip() or joined
