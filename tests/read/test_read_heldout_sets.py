"""The reader measured on the held-out sets of plan documents, ``tests/documents/unseen``, ``heldout``, ``heldout3`` …

Each set is ten labelled plans written in the patterns of public plans to measure the reader, not to tune it
(how each was made, and whether it has since been used to direct work on the reader, is in its README). For
each set the figures are printed (``pytest -s``), held to floors a little under what the reader reaches so that
a change that reads worse fails, and the project's goals (95 % of tasks exact, every header field right, 98 %
of the fields read with confidence >= 0.9 right) are tests: strict xfails carrying the measured figures while
a goal is not met on that set. The newest set whose README does not say it was released is the project's
estimate of how the reader does on plans nobody here has seen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import parplan
from read_scoring import (
    HEADER_FIELDS,
    HELDOUT,
    HELDOUT3,
    HELDOUT4,
    HELDOUT5,
    HELDOUT6,
    HELDOUT7,
    HELDOUT8,
    HELDOUT9,
    HELDOUT10,
    HELDOUT11,
    HELDOUT12,
    HELDOUT13,
    HELDOUT14,
    HELDOUT15,
    HELDOUT16,
    HELDOUT17,
    HELDOUT18,
    HELDOUT19,
    HELDOUT20,
    HELDOUT21,
    HELDOUT22,
    HELDOUT23,
    HELDOUT24,
    HELDOUT25,
    HELDOUT26,
    UNSEEN,
    Expected,
    Score,
    check_labels,
    figures,
    heldout,
    heldout3,
    heldout4,
    heldout5,
    heldout6,
    heldout7,
    heldout8,
    heldout9,
    heldout10,
    heldout11,
    heldout12,
    heldout13,
    heldout14,
    heldout15,
    heldout16,
    heldout17,
    heldout18,
    heldout19,
    heldout20,
    heldout21,
    heldout22,
    heldout23,
    heldout24,
    heldout25,
    heldout26,
    labelled,
    score,
    top_band,
    totals,
    unseen,
)


@dataclass(frozen=True)
class HeldOutSet:
    """A held-out set: where it is, its floors (with the figures they stand under) and its unmet goals."""

    load: Callable[[], list[Expected]]
    folder: Path
    found: float
    exact: float
    header: float
    top: float
    unmet: dict[str, str] = field(default_factory=dict)
    """For each goal not met on the set ("tasks", "header", "calibration"), the measured figures."""


SETS: dict[str, HeldOutSet] = {
    # found 88/88, exact 87/88, header 78/80, top band 176/176 (50, 29, 62/80, 131/178 when made)
    "unseen": HeldOutSet(
        unseen,
        UNSEEN,
        found=0.95,
        exact=0.95,
        header=0.95,
        top=0.98,
        unmet={
            "header": "78 of 80: two titles (a plan named only in a sentence, read with its words, labelled empty;"
            " a plan named in Điều 1, capitalised, labelled in lower case)",
        },
    ),
    # found 75/80, exact 67/80, header 80/80, top band 181/181 (29, 22, 54/80, 120/125 when it was still blind)
    "heldout": HeldOutSet(
        heldout,
        HELDOUT,
        found=0.93,
        exact=0.82,
        header=0.975,
        top=0.98,
        unmet={
            "tasks": "67 of 80 (84%), 75 found: general duties of 'Tổ chức thực hiện' labelled as tasks (read as"
            " reporting obligations, as the other labelled plans have them), phases ('giai đoạn 2021 - 2025') in a"
            " closing bracket, times counted from an event, a task cut by a page break",
        },
    ),
    # found 84/96, exact 81/96, header 71/80, top band 191/191 (36, 2, 58/80, 72/77 when measured blind)
    "heldout3": HeldOutSet(
        heldout3,
        HELDOUT3,
        found=0.85,
        exact=0.82,
        header=0.85,
        top=0.98,
        unmet={
            "tasks": "81 of 96 (84%), 84 found; 2 of 96 when measured blind",
            "header": "71 of 80 (one document gives no plan; 58 when measured blind)",
        },
    ),
    # found 73/81, exact 67/81, header 76/80, top band 229/229 (41, 10, 75/80, 115/122 when measured blind; 64 found
    # and 57 exact before the rows of tab tables that run over lines were joined, 66 before texts without
    # diacritics were read with tolerant patterns)
    "heldout4": HeldOutSet(
        heldout4,
        HELDOUT4,
        found=0.85,
        exact=0.78,
        header=0.9,
        top=0.98,
        unmet={
            "tasks": "67 of 81 (83%), 73 found; 10 of 81 when measured blind: a portal page in run-on paragraphs,"
            " duties without diacritics given by the subjects of sentences, two leads on two lines of a cell",
            "header": "76 of 80 (a portal page gives no plan, a Markdown signature table is misread)",
        },
    ),
    # found 76/76, exact 73/76, header 79/80, top band 243/243 (33, 16, 77/80, 137/169 when measured blind; 66 exact
    # before "Phụ trách: đ/c <name>, <post>" field lines were read)
    "heldout5": HeldOutSet(
        heldout5,
        HELDOUT5,
        found=0.95,
        exact=0.93,
        header=0.95,
        top=0.98,
        unmet={
            "header": "79 of 80 (one title wrong)",
        },
    ),
    # found 65/74, exact 62/74, header 80/80, top band 177/179 (50, 37, 79/80, 162/178 when measured blind;
    # released to direct the field signals of parplan.read.confidence, which took the 16 wrong titles under 0.9,
    # then to show the conventions of tables, leads and times taught with synthetic documents of their own); found
    # 71, exact 69, top band 195/196 once a task handed over in a sentence of its own ("Giao …") and a time clause
    # after a comma ("…, thực hiện thường xuyên") were read
    "heldout6": HeldOutSet(
        heldout6,
        HELDOUT6,
        found=0.9,
        exact=0.88,
        header=0.97,
        top=0.98,
        unmet={
            "tasks": "70 of 74 (94.6%), 71 found; 37 of 74 when measured blind: 'Giao <post> chỉ"
            " đạo, <post> theo dõi' naming two roles",
        },
    ),
    # found 34/75, exact 20/75, header 65/80, top band 95/104 when measured blind (released on 4 December 2026);
    # 95/98 once the field signals (written without seeing this set) were merged; the same 20/34/65 after the
    # conventions taught from the sixth set (tables one cell a line, grids, colon leads, three-sentence tasks);
    # found 50/75, exact 34/75, header 80/80, top band 143/145 once the units of public service units, single-head
    # signatures, leads per section and a document system's block before the masthead were taught from its misses
    # with synthetic plans and tests of their own (the bands under 0.9: 0.8-0.9 right 29 of 58, 0.6-0.8 13 of 21);
    # with task tables' columns known by one lexicon of headings and its field slots (brackets in any order, a
    # leading time, a field line after a paragraph) read by one slot reader, merged the same day: found 73, exact 69,
    # top band 205/206 (not blind figures); found 74, exact 70 once list items of any glyph were read; found 75,
    # exact 72 (96%), top band 208/208 once rates ("6 tháng/lần") were read as times and a doer's verb ("Giao X tham
    # mưu thực hiện") was kept out of its name
    "heldout7": HeldOutSet(
        heldout7,
        HELDOUT7,
        found=0.93,
        exact=0.88,
        header=0.98,
        top=0.98,
    ),
    # found 21/78, exact 12/78, header 66/80, top band 74/81 when measured blind (written later than the seventh, in
    # other shapes: a CSV appendix, a converter's plain-text table, a CT/PH matrix, a social-network post …);
    # released on 4 December 2026 and its shapes taught as general mechanisms (delimited and plain-text tables,
    # matrices, bullets of any glyph, task headings, labelled blocks, hard-wrapped rows, run-together metadata,
    # adjustment plans): found 70, exact 66, header 80/80, top band 227/227 (not blind figures); found 78, exact 75
    # (96%) once a table of procedures to review ("Tên thủ tục hành chính") gave a task a procedure
    "heldout8": HeldOutSet(
        heldout8,
        HELDOUT8,
        found=0.95,
        exact=0.93,
        header=0.98,
        top=0.98,
    ),
    # found 23/79, exact 0/79, header 62/80, top band 84/106 when measured blind on the reader of that afternoon
    # (written later than the eighth, in other shapes: a box-drawn table, a digital-signature stamp, a table read
    # column by column, a forwarded e-mail, quarter marks, definition lists, an assignment table by task number, a
    # CMS's HTML source, a checklist …). Measured again, totals only, after the eighth set's shapes were taught (the
    # reader's developers never saw its documents): found 22, exact 0, header 62/80, top band 75/104 — the new
    # mechanisms read more of these unknown shapes, wrongly and with confidence (bullets of any glyph took a
    # box-drawn table's rows for tasks until box-drawing characters were excluded, a fix made after seeing these
    # totals, so the calibration figure is no longer wholly blind). Then a plan whose tasks mostly name neither a
    # lead nor a time was read less surely whatever its words (designed on replays of the seventh and eighth sets'
    # blind readings, then measured here once): top band 67/81. Released on 4 December 2026; the title-shape
    # signals of parplan.read.confidence were designed on replays of its blind readings and those of the third
    # to eighth sets (top band 67/68, not a blind figure). Its conventions other than its task
    # tables taught (signature stamps, forwarded mails, a page's source as text, definition lists, checklists,
    # bracketed leads, fields apart by spaces, a central agency's office): found 54, exact 38, header 80/80, top
    # band 193/197; 193/193 with the title-shape signals (the four wrong were leads read from quarter columns).
    # Its table conventions taught too (period marks, combined assignment cells, assignment tables keyed by task
    # numbers, box-drawn tables, a table extracted column by column): found 79, exact 78, header 80/80, top band
    # 226/226 (not blind figures; 0 exact and 23 found when the set was made)
    "heldout9": HeldOutSet(
        heldout9,
        HELDOUT9,
        found=0.97,
        exact=0.95,
        header=0.98,
        top=0.98,
    ),
    # found 63/80, exact 32/80, header 77/80, top band 181/196 when measured blind on the reader of commit c4dba09
    # (written later than the ninth, in other shapes: tab leaders printed as dots, merged spreadsheet cells printed
    # once, abbreviated field labels, leads assigned by body in a later part, lead marks "(*)" and bold, a text
    # browser's numbered links, a two-row table header, tables after the text, the time column first …); the same
    # 63 found and 32 exact again, totals only, on the reader of 4 December 2026 before it was released; then its
    # conventions taught as general mechanisms with synthetic cases of their own: found 80, exact 80, header 80/80,
    # top band 284/284 (not blind figures)
    "heldout10": HeldOutSet(
        heldout10,
        HELDOUT10,
        found=0.97,
        exact=0.95,
        header=0.98,
        top=0.98,
    ),
    # found 71/80, exact 54/80, header 78/80, top band 201/214 when measured blind on the reader of commit 397944c
    # (written later than the tenth, weighted toward the ordinary shapes of 2023-2027 plans: a small table per
    # area, an appendix column saying who leads and who takes part in a clause, the lead and time closing the
    # task's sentence after a semicolon, a gazette's running heads, text in decomposed Unicode, a "Chỉ tiêu"
    # line between a task and its fields, lettered rows, two tables of different columns …); measured again, totals
    # only, on the reader of the end of 4 December 2026 (after the seventh to tenth sets were taught): the same found
    # 71, exact 54 and header 78/80, top band 201/217; then released on 4 December 2026 and its conventions taught as
    # general mechanisms with synthetic cases of their own: found 80, exact 80, header 80/80, top band 240/240 (not
    # blind figures)
    "heldout11": HeldOutSet(
        heldout11,
        HELDOUT11,
        found=0.97,
        exact=0.95,
        header=0.98,
        top=0.98,
    ),
    # found 72/80, exact 53/80, header 78/80, top band 227/239 when measured blind on the reader of commit 251e607
    # (written later than the eleventh, again weighted toward the ordinary shapes of 2023-2027 plans: numeric dates
    # and money columns in an appendix, lettered "a." tasks with a "Phân công:" line, a PDF layout table with a
    # product column, an advising team in brackets in the lead cell, lettered group rows, two fields parted by a
    # tab stop, times opening the sentence, a certified-copy block after the plan, groups on two levels, one field
    # holding doer and time …); measured again, totals only, on the reader of the end of 4 December 2026 (after the
    # tenth set was taught) and again after the eleventh was taught: the same found 72, exact 53, header 78/80 and
    # top band 227/239; then released and its conventions taught as general mechanisms with synthetic cases of
    # their own: found 80, exact 79, header 80/80, top band 266/266 (not blind figures)
    "heldout12": HeldOutSet(
        heldout12,
        HELDOUT12,
        found=0.97,
        exact=0.95,
        header=0.98,
        top=0.98,
    ),
    # found 41/80, exact 24/80, header 77/80, top band 178/197 when measured blind on the reader of commit be2860e
    # (written later than the twelfth, again weighted toward the ordinary shapes of 2023-2027 plans: slash numbering
    # "1/" and "a/", a partners column before the lead column, group rows kept as one cell, a PDF layout table whose
    # short cells stand vertically centred in their row, three-level "1.1.1." numbering with the time closing the
    # sentence, a "(chủ trì)" mark among the bodies of one cell, "<task>: Giao <body> chủ trì …" lines, quarters in
    # Arabic numbers, abbreviated civil servants' titles, table cells ended by a tab, a draft plan after a
    # submission …); the same figures again, totals only, after the eleventh and twelfth sets were taught; then
    # released and its conventions taught as general mechanisms: found 79, exact 75, header 80/80, top band 277/277
    # (not blind figures); 79 of 80 exact since deadlines are compared without the verb a clause gives them ("hoàn
    # thành trước ngày 30/6" is "trước ngày 30/6"), which its labels drop and other sets' keep
    "heldout13": HeldOutSet(heldout13, HELDOUT13, found=0.95, exact=0.95, header=0.98, top=0.98),
    # found 50/77, exact 28/77, header 78/80, top band 143/157 when measured blind on the reader of commit b564d85
    # (written later than the thirteenth, again weighted toward the ordinary shapes of 2023-2026 plans: numbers
    # without a closing stop, a "(chủ trì)" mark in a prose line, an area column merged over its rows beside the
    # task column, a layout table's group row wrapped and a task row cut by a page break, a time inside the sentence
    # with a bracket naming only the doer, an area column repeated on every row, labels with a slash, "+ " steps
    # before the responsibility line, date windows, a directing leader beside the advising civil servant, leads on
    # the group rows …); the same totals, measured five more times, after the eleventh to thirteenth sets were taught;
    # then released and its conventions taught as general mechanisms with synthetic cases of their own (the tables:
    # a column grouping the tasks before theirs, group rows naming their tasks' lead, a body's parts pointing to the
    # appendix lowering no table; in prose: a "(chủ trì)" mark among the doers, labels with a slash, "+ " steps, a
    # directing leader): found 77/77, exact 77/77, header 80/80, top band 275/275 (not blind figures)
    "heldout14": HeldOutSet(heldout14, HELDOUT14, found=0.95, exact=0.95, header=0.95, top=0.98),
    # found 78/78, exact 68/78, header 76/80, top band 230/230 when measured blind on the reader of commit 24de127
    # (a fair sample of real plans rather than novelties: the shapes and the ways of stating leads and times chosen by
    # how often the public plans read for it use them - Decree 30 mastheads in column order, legal-database "|" rows
    # that lost the unit's line, a portal page of a PDF's text, Roman parts, "1." areas, field lines after "- " or "a)"
    # tasks, a closing bracket, a "Giao … chủ trì" sentence, tab and "|" task tables with Roman group rows …);
    # released and taught: found 78/78, exact 78/78, header 80/80, top band 257/257 (not blind)
    "heldout15": HeldOutSet(heldout15, HELDOUT15, found=0.95, exact=0.95, header=0.95, top=0.98),
    # found 76/76, exact 76/76, header 79/80, top band 256/256 when measured blind on the reader of commit 24de127
    # (a fair sample rather than novelties: source forms, layouts, numbering and the ways leads and times are
    # written chosen by how often real 2025-2026 plans use them: appendix tables with group rows, field lines or
    # brackets after the items, a "Giao … chủ trì" sentence, legal-database and portal copies, a decision carrying
    # its plan, two public service units); still held out: header 80/80, top band 257/257 after the fifteenth set was
    # taught (totals only)
    "heldout16": HeldOutSet(heldout16, HELDOUT16, found=0.95, exact=0.95, header=0.95, top=0.98),
    # found 71/78, exact 64/78, header 78/80, top band 225/227 when measured blind on the reader of commit ed8659f
    # (a fair sample of real plans with the irregularities real plans carry: tasks with and without their own field
    # line in one plan, a label written two ways, a time in the sentence or in a field, a number skipped or given
    # twice, lines broken mid-sentence by the copy, a missing diacritic in a label or a body's name, a stray page
    # number, an area's tasks assigned by one line after them, tasks naming no lead or no time)
    # released and taught (its broken rows, skipped numbers, portal names, an area's closing assignment, labels that
    # lost a mark; three labels corrected by the rules, see its README): found 78/78, exact 77/78, header 80/80, top
    # band 277/277 (not blind figures)
    "heldout17": HeldOutSet(heldout17, HELDOUT17, found=0.95, exact=0.95, header=0.95, top=0.98),
    # found 72/78, exact 69/78, header 79/80, top band 254/257 when measured blind on the reader of commit 2edde47
    # (a fair sample of real plans with their irregularities, the conventions chosen by how often the public plans read
    # for it use them: appendix tables with a row number skipped or given twice, a cell broken by the copy, an empty
    # lead or time cell; field lines, brackets and "Giao … chủ trì" sentences with a label written two ways, a label or
    # body's name without its diacritic, a time only in the sentence, tasks naming no lead or time; a PDF's text broken
    # at the page's width with a page number); still held out, totals only: 73 of 78 exact, 78 found, once the
    # seventeenth set's broken rows and skipped numbers were taught; 75 of 78 with deadlines compared without the
    # verb a clause gives them (the goal's 95% met), header 79/80, top band 256/257
    "heldout18": HeldOutSet(
        heldout18,
        HELDOUT18,
        found=0.95,
        exact=0.9,
        header=0.95,
        top=0.98,
        unmet={
            "header": "79 of 80 when measured blind, and after",
        },
    ),
    # found 70/78, exact 66/78, header 72/80, top band 252/252 when measured blind on the reader of commit 5b0de73
    # (a fair sample of real plans of 2022-2024, half of them communes, wards and a town, with their irregularities:
    # field lines, brackets and "Giao … chủ trì" sentences with a label written two ways, a task with no line, a
    # time only in the sentence, a number skipped or given twice, a table cell broken by the copy, an empty time
    # cell, a name without its diacritic, a PDF's text broken at the page's width with a page number); the same after
    # the seventeenth set's prose was taught; then released and taught (a subject line in capitals past a database's
    # metadata block, a due day of monthly work in the sentence, an empty time cell beside a task naming its date; one
    # label corrected by the rules, see its README): found 78/78, exact 78/78, header 80/80, top band 257/257 (not
    # blind figures)
    "heldout19": HeldOutSet(heldout19, HELDOUT19, found=0.95, exact=0.95, header=0.95, top=0.98),
    # found 78/78, exact 75/78, header 78/80, top band 259/259 when measured blind on the reader of commit e10cac5
    # (a fair sample of real plans of 2023-2026 with their irregularities, half of them communes, wards and a town:
    # field lines, brackets and "Giao … chủ trì" sentences with a label written two ways, tasks with no line or no
    # time, a time in the sentence and another in the field, a number skipped or given twice, a line or a table cell
    # broken by the copy, a page number inside a task, a name without its diacritic, a portal page with no masthead)
    "heldout20": HeldOutSet(
        heldout20,
        HELDOUT20,
        found=0.95,
        exact=0.95,
        header=0.95,
        top=0.98,
        unmet={
            "header": "78 of 80 when measured blind",
        },
    ),
    # found 76/78, exact 75/78, header 80/80, top band 277/277 when measured blind on the reader of commit bc497dd
    # (a fair sample of real plans of 2022 to mid-2025, half of them communes, a ward and a town, with their
    # irregularities: field lines, "- " lines, brackets and "Giao … chủ trì" sentences with a label written two ways,
    # tasks with no line or no time, a time in the sentence or in a closing "Hoàn thành …" sentence, a number skipped
    # or given twice, a line or a table cell broken by the copy, a page number inside a task, a name without its
    # diacritic, a database copy that lost its first Roman heading)
    "heldout21": HeldOutSet(heldout21, HELDOUT21, found=0.95, exact=0.95, header=0.95, top=0.98),
    # found 68/77, exact 66/77, header 71/80, top band 202/203 when measured blind on the reader of commit bc497dd
    # (a fair sample of two-tier plans of the second half of 2025 and 2026 - provinces formed by the mergers, new
    # communes and wards, a department, a province's office, a school - with the irregularities real plans carry:
    # field lines, brackets and "Giao … chủ trì" sentences with a label written two ways, tasks with no line or no
    # time, a number skipped or given twice, a line or a table cell broken by the copy, a PDF's text broken at the
    # page's width with a page number and a stray ")", a name without its diacritic, a portal page with no masthead);
    # released on 4 December 2026 and taught (a capital title going on after a line that opens with an index's
    # bracketed name, a committee's own office named after its committee, a committee wrapped over two lines above
    # its body, the cities run by the centre, a line ending on a word no sentence ends with, a term in days closing
    # a task's sentence): found 77/77, exact 76/77, header 80/80, top band 233/233 (not blind figures)
    "heldout22": HeldOutSet(heldout22, HELDOUT22, found=0.97, exact=0.95, header=0.97, top=0.98),
    # found 78/78, exact 77/78, header 79/80, top band 241/242 when measured blind on the reader of commit 4da5fee
    # (a second fair sample of two-tier plans of the second half of 2025 and 2026 - provinces formed by the mergers,
    # new communes and wards, a department, an economic zone authority, a school - with the irregularities real plans
    # carry: field lines, "- " lines and brackets with a label written two ways, tasks with no line or no time, a
    # number skipped or given twice, a line or a table cell broken by the copy, a PDF's text broken at the page's
    # width with a page number, a name without its diacritic, a portal page with no masthead)
    "heldout23": HeldOutSet(
        heldout23,
        HELDOUT23,
        found=0.95,
        exact=0.95,
        header=0.95,
        top=0.98,
        unmet={
            "header": "79 of 80 when measured blind",
        },
    ),
    # found 75/77, exact 68/77, header 80/80, top band 279/279 when measured blind on the reader of commit 3d0f2bb
    # (a fair sample of real plans of 2022-2026 - communes, a town and a ward before and after the 2025 reform, two
    # districts, a province, a department, a health centre - with the irregularities real plans carry: field lines,
    # brackets and "Giao … chủ trì" sentences with a label written two ways, tasks with no line or no time, a time in
    # the sentence, a number skipped or given twice, a line, a bracket or a table cell broken by the copy, a PDF's
    # text broken at the page's width with a page number, a name without its diacritic, legal-database copies);
    # released on 4 December 2026 and taught (an area's line naming its lead with partners over the items below,
    # "Khoa, phòng phụ trách" labels and a "phụ trách" field after the time, two posts joined by "và", a term from
    # an event or periods after "vào" closing a task's sentence): found 77/77, exact 76/77, header 80/80, top band
    # 287/287 (not blind figures)
    "heldout24": HeldOutSet(heldout24, HELDOUT24, found=0.97, exact=0.97, header=0.97, top=0.98),
    # found 79/79, exact 79/79, header 77/80, top band 293/295 when measured blind on the reader of commit 149dc20
    # (a fair sample of real plans of 2022-2026 - communes, wards and a town before and after the 2025 reform, two
    # districts, a province, a department, a centre for disease control - with the slips real plans carry: field
    # lines and brackets with a label written two ways, tasks with no line or no time, a time in the sentence, a
    # number skipped or given twice, a line or a table cell broken by the copy, a PDF's text with page numbers, a
    # label or a body's name without its diacritic, an area assigned by one line, a portal copy, a legal database's)
    "heldout25": HeldOutSet(
        heldout25,
        HELDOUT25,
        found=0.95,
        exact=0.95,
        header=0.93,
        top=0.98,
        unmet={
            "header": "77 of 80 header fields right when measured blind",
        },
    ),
    # found 75/78, exact 74/78, header 80/80, top band 271/271 when measured blind on the reader of commit a9b1197
    # (a fair sample of real plans of 2022-2026 - communes, a ward and a town before and after the 2025 reform, two
    # districts, a province, a department, a health centre - with the slips real plans carry: field lines, brackets and
    # "Giao … chủ trì" sentences with a label written two ways, tasks with no line or no time, a time in the sentence, a
    # number skipped or given twice, a line, a bracket or a table cell broken by the copy, a PDF's text with a page
    # number, a label or a body's name without its diacritic, legal-database and portal copies)
    "heldout26": HeldOutSet(
        heldout26,
        HELDOUT26,
        found=0.95,
        exact=0.93,
        header=0.97,
        top=0.98,
        unmet={
            "tasks": "74 of 78 exact when measured blind",
        },
    ),
}

_SCORES: dict[str, dict[str, Score]] = {}


def _scores(name: str) -> dict[str, Score]:
    """Each document of set ``name`` read and scored, once per session."""
    if name not in _SCORES:
        _SCORES[name] = {e.name: score(parplan.read(e.text_path), e) for e in SETS[name].load()}
    return _SCORES[name]


def _goal(goal: str, wording: str) -> list[object]:
    """A parameter per set, a strict xfail carrying the set's figures where ``goal`` is not met on it."""
    return [
        pytest.param(
            name,
            id=name,
            marks=(
                [pytest.mark.xfail(reason=f"goal: {wording}; on {name}: {held.unmet[goal]}", strict=True)]
                if goal in held.unmet
                else []
            ),
        )
        for name, held in SETS.items()
    ]


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_ten_labelled_documents(name: str) -> None:
    documents = SETS[name].load()
    assert len(documents) == 10
    check_labels(documents, SETS[name].folder)


@pytest.mark.parametrize("name", SETS)
def test_print_figures(name: str) -> None:
    scores = _scores(name)
    print(name)  # noqa: T201
    for line in figures(scores):
        print(line)  # noqa: T201
    assert totals(scores)[0] > 0


@pytest.mark.parametrize("name", SETS)
def test_floors(name: str) -> None:
    held = SETS[name]
    tasks, found, exact, header_right, header_all = totals(_scores(name))
    top = top_band(_scores(name))
    assert top
    assert found / tasks >= held.found
    assert exact / tasks >= held.exact
    assert header_right / header_all >= held.header
    assert sum(top) / len(top) >= held.top


@pytest.mark.parametrize("name", _goal("tasks", "95% of tasks exact on clean text"))
def test_goal_tasks_exact(name: str) -> None:
    tasks, _, exact, _, _ = totals(_scores(name))
    assert exact / tasks >= 0.95


@pytest.mark.parametrize("name", _goal("header", "every header field right"))
def test_goal_header(name: str) -> None:
    _, _, _, header_right, header_all = totals(_scores(name))
    assert header_right == header_all


@pytest.mark.parametrize("name", _goal("calibration", "fields read with confidence >= 0.9 right 98% of the time"))
def test_goal_calibration(name: str) -> None:
    top = top_band(_scores(name))
    assert sum(top) / len(top) >= 0.98


@pytest.mark.parametrize("name", SETS)
def test_expected_form_is_the_scorers(name: str) -> None:
    """Every label is scored: one score per document, with every header field judged."""
    scores = _scores(name)
    assert set(scores) == {expected.name for expected in SETS[name].load()}
    for s in scores.values():
        assert set(s.header) == set(HEADER_FIELDS)


def test_no_document_is_in_two_corpora() -> None:
    """The held-out sets share no document with each other or with the labelled documents the reader is tuned on."""
    seen: dict[str, str] = {expected.name: "labelled" for expected in labelled()}
    for name, held in SETS.items():
        for expected in held.load():
            assert expected.name not in seen, (expected.name, name, seen.get(expected.name))
            seen[expected.name] = name
