"""Facts of ``examples/mang-yang-2021.json``: the 2021 CCHC plan of huyện Mang Yang (Gia Lai).

The plan is an unsigned draft, adopted by a Quyết định whose number and day are
blank, with a prose section and a 34-row appendix (Phụ lục) whose text lost
every "%" sign in extraction. Each table below states what the source says, so
that a slip in the transcription fails a test. Task ids: ``QD.<article>``,
``II.<heading>.<letter>`` (``đ`` is written ``dd``), ``IV.<number>`` and
``IV.2.<bullet>``, ``pl-<group>.<number>`` for appendix rows.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parplan
from parplan import (
    AdminLevel,
    CollectiveParty,
    JointParty,
    Organisation,
    Plan,
    ReformArea,
    SingleParty,
    SymbolForm,
    Task,
)
from parplan.targets import Comparator, Status, TargetFlag, Unit
from parplan.timeframes import Before, Compound, OnEvent, PerSchedule, Recurring, Timeframe, Within

PATH = Path(__file__).resolve().parents[2] / "examples" / "mang-yang-2021.json"


@functools.cache
def _plan() -> Plan:
    return parplan.load(PATH)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return _plan()


def _task(plan: Plan, task_id: str) -> Task:
    task = plan.get_task(task_id)
    assert task is not None, task_id
    return task


# --------------------------------------------------------------------------- header


def test_header(plan: Plan) -> None:
    assert (plan.kind, plan.year, plan.level) == (parplan.PlanKind.ANNUAL, 2021, AdminLevel.DISTRICT)
    assert [unit.full_name for unit in plan.unit.chain()] == ["huyện Mang Yang", "tỉnh Gia Lai"]
    assert plan.issuer.name == "Ủy ban nhân dân huyện Mang Yang"
    assert plan.symbol is None  # the plan itself has no number: it is attached to the Quyết định
    assert plan.place == "Mang Yang"
    assert plan.signature is not None
    assert (plan.signature.capacity, plan.signature.on_behalf_of, plan.signature.position, plan.signature.name) == (
        parplan.SigningCapacity.TM,
        "ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Trọng",
    )
    assert len(plan.purposes) == 9
    assert plan.purposes[4].startswith("Rà soát, sắp xếp bộ máy, tinh giản biên chế")


def test_draft_date_is_blank_and_kept_as_written(plan: Plan) -> None:
    assert plan.issued_on is None
    assert plan.issued_text == "Mang Yang, ngày          tháng 12 năm 2020"


def test_adopting_decision_has_a_blank_number(plan: Plan) -> None:
    decision = plan.adopted_by
    assert decision is not None
    assert decision.symbol is not None
    assert decision.symbol.is_blank
    assert (str(decision.symbol), decision.kind, decision.date) == ("/QĐ-UBND", "Quyết định", None)
    assert decision.title == "Ban hành Kế hoạch cải cách hành chính năm 2021 của huyện Mang Yang"
    assert decision.text == "Quyết định số:         /QĐ-UBND ngày       /12/2020 của UBND huyện"


def test_provincial_plan_is_cited_with_a_decision_symbol(plan: Plan) -> None:
    """'kế hoạch số           /QĐ-UBND': a Kế hoạch cited with a QĐ symbol and no number, as written."""
    (provincial,) = plan.implements
    assert provincial in plan.legal_bases
    assert provincial.symbol is not None
    assert provincial.symbol.is_blank
    assert (provincial.kind, provincial.symbol.doc_type, provincial.issuer_name, provincial.date) == (
        "kế hoạch",
        "QĐ",
        "UBND tỉnh Gia Lai",
        None,
    )
    assert provincial.text is not None
    assert provincial.text.startswith("kế hoạch số           /QĐ-UBND ngày        /12/2020 của UBND tỉnh Gia Lai")


def test_laws_cited_by_name_have_no_symbol(plan: Plan) -> None:
    laws = [ref for ref in plan.legal_bases if ref.symbol is None]
    assert [(ref.kind, ref.label) for ref in laws] == [
        ("Luật", "Luật Tổ chức Chính quyền địa phương năm 2015"),
        (
            "Luật",
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức Chính quyền địa phương "
                "năm 2019"
            ),
        ),
    ]


def test_purposes_state_no_measurable_objective(plan: Plan) -> None:
    assert plan.objectives == ()


# --------------------------------------------------------------------------- sections and areas

AREA_ORDER = [
    ReformArea.THE_CHE,
    ReformArea.THU_TUC_HANH_CHINH,
    ReformArea.TO_CHUC_BO_MAY,
    ReformArea.CONG_VU,
    ReformArea.TAI_CHINH_CONG,
    ReformArea.CHINH_QUYEN_SO,
    ReformArea.CHI_DAO_DIEU_HANH,  # steering comes last in this plan
]


def test_sections_put_steering_last_and_have_no_area_8(plan: Plan) -> None:
    prose = [(s.label, s.area) for s in plan.sections if s.area is not None and s.source and not s.source.table]
    table = [(s.label, s.area) for s in plan.sections if s.area is not None and s.source and s.source.table]
    assert prose == list(zip(["1", "2", "3", "4", "5", "6", "7"], AREA_ORDER, strict=True))
    assert table == list(zip(["I", "II", "III", "IV", "V", "VI", "VII"], AREA_ORDER, strict=True))
    assert ReformArea.TAC_DONG not in plan.areas
    assert len(plan.areas) == 7


HEADINGS = [
    # label, heading as written, table?
    ("3", "Cải cách tổ chức bộ máy", False),
    ("7", "Công tác chỉ đạo, điều hành, thông tin, tuyên truyền về cải cách hành chính", False),
    ("III", "Cải cách tổ chức bộ máy hành chính nhà nước", True),
    ("VII", "Công tác chỉ đạo, điều hành cải cách hành chính", True),
    ("IV", "TỔ CHỨC THỰC HIỆN", False),
]


@pytest.mark.parametrize(("label", "heading", "in_table"), HEADINGS)
def test_headings_as_written(plan: Plan, label: str, heading: str, in_table: bool) -> None:
    found = [s.heading for s in plan.sections if s.label == label and bool(s.source and s.source.table) == in_table]
    assert found == [heading]


# --------------------------------------------------------------------------- tasks

APPENDIX_ROWS = {"I": 3, "II": 2, "III": 3, "IV": 6, "V": 3, "VI": 11, "VII": 6}


def test_appendix_rows_follow_the_table_numbering(plan: Plan) -> None:
    expected = [f"pl-{group}.{n}" for group, count in APPENDIX_ROWS.items() for n in range(1, count + 1)]
    assert [task.id for task in plan.tasks if task.id.startswith("pl-")] == expected
    assert len(expected) == 34


@pytest.mark.parametrize(("group", "area"), list(zip(APPENDIX_ROWS, AREA_ORDER, strict=True)))
def test_appendix_rows_carry_their_group(plan: Plan, group: str, area: ReformArea) -> None:
    heading = next(s.heading for s in plan.sections if s.label == group and s.source and s.source.table)
    rows = [task for task in plan.tasks if task.id.startswith(f"pl-{group}.")]
    assert len(rows) == APPENDIX_ROWS[group]
    for task in rows:
        assert (task.area, task.general_task) == (area, heading)
        assert task.source is not None
        assert (task.source.table, task.source.row) == ("Phụ lục", task.id.removeprefix("pl-"))
        assert task.outputs, task.id
        assert task.responsibility is not None, task.id
        assert task.timeframe is not None, task.id


PROSE_ITEMS = [
    # heading number, letters (đ written dd), area
    ("1", ["a", "b", "c", "d", "dd"], ReformArea.THE_CHE),
    ("2", ["a", "b", "c", "d"], ReformArea.THU_TUC_HANH_CHINH),
    ("3", ["a", "b", "c", "d", "dd"], ReformArea.TO_CHUC_BO_MAY),
    ("4", ["a", "b", "c", "d", "dd"], ReformArea.CONG_VU),
    ("5", ["a", "b", "c", "d", "dd", "e"], ReformArea.TAI_CHINH_CONG),
    ("6", ["a", "b", "c", "d", "dd", "e", "g", "h", "i"], ReformArea.CHINH_QUYEN_SO),
    ("7", ["a", "b", "c", "d", "dd"], ReformArea.CHI_DAO_DIEU_HANH),
]


@pytest.mark.parametrize(("number", "letters", "area"), PROSE_ITEMS)
def test_prose_items(plan: Plan, number: str, letters: list[str], area: ReformArea) -> None:
    tasks = [task for task in plan.tasks if task.id.startswith(f"II.{number}.")]
    assert [task.id for task in tasks] == [f"II.{number}.{letter}" for letter in letters]
    for task in tasks:
        assert task.area is area
        assert task.source is not None
        letter = "đ" if task.id.endswith(".dd") else task.id.rsplit(".", 1)[1]
        assert (task.source.section, task.source.item) == (f"II.{number}", letter)


def test_other_tasks(plan: Plan) -> None:
    others = [task.id for task in plan.tasks if not task.id.startswith(("pl-", "II."))]
    assert others == ["QD.2", "QD.3", "IV.1", "IV.2.1", "IV.2.2", "IV.3"]
    assert {_task(plan, task_id).area for task_id in others} == {None}


def test_source_lines_increase_in_document_order(plan: Plan) -> None:
    lines = [task.source.line for task in plan.tasks if task.source is not None and task.source.line is not None]
    assert len(lines) == len(plan.tasks)
    assert lines == sorted(lines)
    assert len(set(lines)) == len(lines)


OUTPUT_COUNTS = {
    "pl-I.1": 2,
    "pl-I.2": 3,
    "pl-I.3": 3,
    "pl-III.2": 2,
    "pl-IV.2": 2,
    "pl-IV.3": 2,
    "pl-IV.5": 2,
    "pl-V.2": 2,
    "pl-VI.6": 2,
    "pl-VI.7": 3,
    "pl-VI.9": 2,
    "pl-VII.1": 2,
    "pl-VII.4": 2,
}


def test_product_cells_split_into_their_items(plan: Plan) -> None:
    found = {task.id: len(task.outputs) for task in plan.tasks if len(task.outputs) > 1}
    assert found == OUTPUT_COUNTS
    for task in plan.tasks:
        for output in task.outputs:
            assert not output.startswith(("- ", "1.", "2.", "3.")), task.id  # list markers are not part of items


TITLES = [
    # task id, title as written (typos kept)
    ("pl-III.1", "Sắp xếp, kiện toàn các phòng, đơn vị sự nghiệp công lập thuộc thuộc UBND huyện"),
    ("pl-VI.9", "Tình hình triển khai Kế hoạch số 113/KH-UBND ngày 18/12/2019"),
    ("pl-VI.9", "Quyết định số 19/2014/QĐ – TTg"),
    ("IV.1", "Sau khi bàn hành Kế hoạch CCHC, các cơ quan, đơn vị, UBND các xã, thi trấn"),
    ("QD.3", "Chánh Văn phòng HDND - UBND huyện"),
    ("pl-I.3", "hoàn thành 100  Kế hoạch"),
]


@pytest.mark.parametrize(("task_id", "phrase"), TITLES)
def test_titles_keep_the_text_as_written(plan: Plan, task_id: str, phrase: str) -> None:
    assert phrase in _task(plan, task_id).title


# --------------------------------------------------------------------------- timeframes

TIMEFRAMES: list[tuple[str, type[Timeframe], str, date | None, date | None]] = [
    # task id, kind, cell as written, earliest, latest
    ("pl-I.1", OnEvent, "Sau khi có văn bản của cấp trên", None, None),
    ("pl-II.1", Before, "Trước ngày 31/12/2020", None, date(2020, 12, 31)),
    ("pl-II.2", PerSchedule, "Theo kế hoạch", None, None),
    ("pl-III.1", Within, "Trong năm 2021", date(2021, 1, 1), date(2021, 12, 31)),
    ("pl-III.3", Within, "Báo cáo trong quý IV năm 2021", date(2021, 10, 1), date(2021, 12, 31)),
    ("pl-IV.1", Recurring, "Thường xuyên trong năm", date(2021, 1, 1), date(2021, 12, 31)),
    ("pl-IV.4", Within, "Ban hành văn bản trong tháng 12/2021", date(2021, 12, 1), date(2021, 12, 31)),
    ("pl-IV.6", PerSchedule, "Theo Kế hoạch của cấp trên", None, None),
    ("pl-V.1", Within, "Quý I/2022", date(2022, 1, 1), date(2022, 3, 31)),
    ("pl-V.3", Before, "Trước ngày 28/02/2022", None, date(2022, 2, 28)),
    ("pl-VI.10", PerSchedule, "Theo kế hoạch của cấp trên", None, None),
    ("pl-VII.1", Before, "Ban hành kế hoạch trước 31/12/2020", None, date(2020, 12, 31)),
    ("pl-VII.2", Within, "Trong tháng 11/2021", date(2021, 11, 1), date(2021, 11, 30)),
    ("pl-VII.3", PerSchedule, "Theo thời gian quy định của Sở Nội vụ.", None, None),
    ("pl-VII.4", Within, "Ban hành kế hoạch trong Quý I/2021.", date(2021, 1, 1), date(2021, 3, 31)),
    ("pl-VII.5", OnEvent, "Sau khi UBND tỉnh ban hành và theo thời gian quy định của Sở Nội vụ", None, None),
    ("pl-VII.6", Recurring, "Thường xuyên trong năm", date(2021, 1, 1), date(2021, 12, 31)),
    ("IV.2.2", PerSchedule, "theo định kỳ hoặc đột xuất theo yêu cầu", None, None),
]


@pytest.mark.parametrize("row", TIMEFRAMES, ids=lambda row: row[0])
def test_timeframes(plan: Plan, row: tuple[str, type[Timeframe], str, date | None, date | None]) -> None:
    task_id, kind, text, earliest, latest = row
    timeframe = _task(plan, task_id).timeframe
    assert isinstance(timeframe, kind)
    assert (timeframe.text, timeframe.earliest, timeframe.latest) == (text, earliest, latest)


COMPOUND_STEPS: list[tuple[str, list[tuple[str, str, date | None, date | None]]]] = [
    # task id, steps: action, time as written, earliest, latest
    (
        "pl-I.2",
        [
            ("Ban hành Kế hoạch", "trong tháng 01/2021", date(2021, 1, 1), date(2021, 1, 31)),
            ("Báo cáo kết quả thực hiện Kế hoạch", "trong  quý IV năm 2021", date(2021, 10, 1), date(2021, 12, 31)),
        ],
    ),
    (
        "pl-I.3",
        [
            ("Ban hành Kế hoạch", "trong tháng 01/2021", date(2021, 1, 1), date(2021, 1, 31)),
            ("Báo cáo kết quả thực hiện", "trong Quý IV năm 2021", date(2021, 10, 1), date(2021, 12, 31)),
        ],
    ),
    (
        "pl-III.2",
        [
            ("Ban hành kế hoạch", "trong Quý I/2021", date(2021, 1, 1), date(2021, 3, 31)),
            ("Báo cáo kết quả thực hiện", "trong Quý IV năm 2021", date(2021, 10, 1), date(2021, 12, 31)),
        ],
    ),
    (
        "pl-IV.5",
        [
            ("Ban hành kế hoạch", "trong quý I/2021", date(2021, 1, 1), date(2021, 3, 31)),
            ("Báo cáo", "trong quý IV năm 2021", date(2021, 10, 1), date(2021, 12, 31)),
        ],
    ),
    (
        "pl-VI.9",
        [
            ("Ban hành Kế hoạch", "trong Quý I/2021", date(2021, 1, 1), date(2021, 3, 31)),
            ("Báo cáo", "định kỳ hàng quý trong năm", date(2021, 1, 1), date(2021, 12, 31)),
        ],
    ),
]


@pytest.mark.parametrize(("task_id", "steps"), COMPOUND_STEPS, ids=[row[0] for row in COMPOUND_STEPS])
def test_compound_cells_have_one_step_per_line(
    plan: Plan, task_id: str, steps: list[tuple[str, str, date | None, date | None]]
) -> None:
    timeframe = _task(plan, task_id).timeframe
    assert isinstance(timeframe, Compound)
    found = [(s.action, s.timeframe.text, s.timeframe.earliest, s.timeframe.latest) for s in timeframe.steps]
    assert found == steps
    assert timeframe.text is not None
    assert timeframe.text.startswith("- ")
    assert timeframe.text.count("- ") == len(steps)


def test_only_compound_cells_are_compound(plan: Plan) -> None:
    compound = [task.id for task in plan.tasks if isinstance(task.timeframe, Compound)]
    assert compound == [task_id for task_id, _ in COMPOUND_STEPS]


def test_the_quarterly_iso_report_recurs(plan: Plan) -> None:
    timeframe = _task(plan, "pl-VI.9").timeframe
    assert isinstance(timeframe, Compound)
    report = timeframe.steps[1].timeframe
    assert isinstance(report, Recurring)
    assert report.frequencies == (parplan.Frequency.QUARTERLY,)


def test_rows_due_outside_the_plan_year_stay_so(plan: Plan) -> None:
    """Two rows are due in December 2020 (before the plan year) and three in 2022 (after it), as written."""
    outside = {
        task.id: task.timeframe.latest.year
        for task in plan.tasks
        if task.timeframe is not None and task.timeframe.latest is not None and task.timeframe.latest.year != 2021
    }
    assert outside == {"pl-II.1": 2020, "pl-V.1": 2022, "pl-V.2": 2022, "pl-V.3": 2022, "pl-VII.1": 2020}


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2023, 12, 31)))
def test_overdue_rows_on_any_day(day: date) -> None:
    plan = _plan()
    overdue = {task.id for task in plan.tasks if task.timeframe is not None and task.timeframe.is_overdue(day)}
    assert ("pl-II.1" in overdue) == (day > date(2020, 12, 31))
    assert ("pl-V.3" in overdue) == (day > date(2022, 2, 28))
    assert ("pl-I.1" in overdue) is False  # waits for an event: never overdue by date
    assert ("pl-VII.2" in overdue) == (day > date(2021, 11, 30))


# --------------------------------------------------------------------------- responsibilities

RESPONSIBILITIES: list[tuple[str, str | None, list[str], list[str]]] = [
    # task id, lead as written, coordinating as written, implementing as written
    ("pl-I.1", "Phòng Tư pháp", ["Văn phòng HĐND – UBND huyện", "Các cơ quan, đơn vị có liên quan"], []),
    (
        "pl-I.2",
        "Phòng Tư pháp",
        ["Văn phòng HĐND - UBND huyện", "Các cơ quan, đơn vị có liên quan", "UBND các xã, thị trấn"],
        [],
    ),
    ("pl-II.1", "Văn phòng HDNĐ - UBND huyện", ["Các cơ quan, đơn vị liên quan", "UBND cấp xã"], []),
    ("pl-III.1", "Các cơ quan, đơn vị; UBND cấp xã", ["Phòng Nội vụ"], []),
    ("pl-IV.2", "Phòng Nội vụ", ["Các cơ quan, đơn vị liên quan"], []),
    ("pl-IV.3", "Phòng Nội vụ; Phòng Giáo dục – Đào tạo", ["Các cơ quan, đơn vị liên quan"], []),
    ("pl-V.1", "Phòng Tài chính – Kế hoạch", ["Các cơ quan, đơn vị liên quan", "UBND cấp xã"], []),
    ("pl-VI.3", "Trung tâm Văn hóa Thông tin và Thể thao", ["Các cơ quan, đơn vị liên quan", "UBND cấp xã"], []),
    (
        "pl-VI.5",
        "Phòng Văn hóa – Thông tin; Văn phòng HĐND – UBND huyện",
        ["Các cơ quan, đơn vị liên quan", "UBND cấp xã"],
        [],
    ),
    ("pl-VI.6", "Các cơ quan, đơn vị; UBND cấp xã", ["Bưu điện huyện"], []),
    ("pl-VI.7", "Phòng Văn hóa – Thông tin", ["Các cơ quan, đơn vị", "UBND cấp xã", "Bưu điện huyện"], []),
    ("pl-VI.9", "Phòng Kinh tế - Hạ tầng", ["Các cơ quan, đơn vị", "UBND cấp xã"], []),
    ("pl-VII.2", "Phòng Nội vụ", [], ["Các cơ quan, đơn vị", "UBND cấp xã"]),
    ("pl-VII.3", "Phòng Nội vụ", [], ["Các cơ quan, đơn vị", "UBND cấp xã"]),
    (
        "pl-VII.4",
        "Phòng Nội vụ",
        ["Tư pháp", "Tài nguyên và Môi trường", "Văn phòng HĐND – UBND huyện", "các cơ quan, đơn vị có liên quan"],
        [],
    ),
    ("IV.2.1", "Phòng Nội vụ", ["Phòng Tài chính – Kế hoạch", "cơ quan liên quan"], []),
    ("IV.3", None, [], ["Mặt trận và các đoàn thể huyện", "các tổ chức cơ sở đảng"]),
]


@pytest.mark.parametrize("row", RESPONSIBILITIES, ids=lambda row: row[0])
def test_responsibilities(plan: Plan, row: tuple[str, str | None, list[str], list[str]]) -> None:
    task_id, lead, coordinating, implementing = row
    responsibility = _task(plan, task_id).responsibility
    assert responsibility is not None
    assert (None if responsibility.lead is None else responsibility.lead.label) == lead
    assert [party.label for party in responsibility.coordinating] == coordinating
    assert [party.label for party in responsibility.implementing] == implementing


def test_joint_leads(plan: Plan) -> None:
    joint = [task.id for task in plan.tasks if isinstance(task.lead, JointParty)]
    assert joint == ["pl-III.1", "pl-IV.3", "pl-VI.5", "pl-VI.6"]


def test_the_office_typo_leads_the_procedure_rows(plan: Plan) -> None:
    typo = [
        task.id for task in plan.tasks if task.lead is not None and task.lead.label == "Văn phòng HDNĐ - UBND huyện"
    ]
    assert typo == ["pl-II.1", "pl-II.2"]


PARTY_KINDS: list[tuple[str, type[object], AdminLevel | None]] = [
    # label, class, level (organisations only)
    ("UBND cấp xã", Organisation, AdminLevel.COMMUNE),
    ("Phòng Nội vụ", Organisation, AdminLevel.DISTRICT),
    ("Bưu điện huyện", Organisation, AdminLevel.DISTRICT),
    ("UBND các xã, thị trấn", CollectiveParty, None),
    ("Các cơ quan, đơn vị liên quan", CollectiveParty, None),
    ("Các cơ quan, đơn vị có liên quan", CollectiveParty, None),
    ("Các cơ quan, đơn vị", CollectiveParty, None),
]


@pytest.mark.parametrize(("label", "kind", "level"), PARTY_KINDS)
def test_party_kinds(plan: Plan, label: str, kind: type[object], level: AdminLevel | None) -> None:
    parties: list[SingleParty] = []
    for task in plan.tasks:
        if task.responsibility is None:
            continue
        for _, party in task.responsibility.assignments():
            members = party.members if isinstance(party, JointParty) else (party,)
            parties.extend(member for member in members if member.label == label)
    assert parties
    for party in parties:
        assert type(party) is kind
        if isinstance(party, Organisation):
            assert party.level is level


# --------------------------------------------------------------------------- targets

TARGETS: list[tuple[str, Comparator, Decimal | None, Unit, bool, str]] = [
    # task id, comparator, value, unit, unit inferred (the % sign was lost), text as written
    (
        "II.6.c",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        (
            "Tăng cường trao đổi văn bản dưới dạng điện tử (trừ văn bản “Mật”) (phải được ký số) giữa các cơ quan hành "
            "chính nhà nước đạt tỷ lệ 100 ."
        ),
    ),
    (
        "II.6.c",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        (
            "Tiếp tục xử lý văn bản, hồ sơ công việc trên môi trường mạng (trên hệ thống Quản lý văn bản và điều hành, "
            "hệ thống Một cửa điện tử…) đạt 100 ."
        ),
    ),
    (
        "II.6.d",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        "Hệ thống một cửa điện tử liên thông từ cấp tỉnh đến 100  cấp xã",
    ),
    (
        "pl-I.2",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        False,
        "hoàn thành 100% Kế hoạch theo dõi tình hình thi hành pháp luật của huyện",
    ),
    (
        "pl-I.3",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        "hoàn thành 100  Kế hoạch triển khai công tác pháp chế và công tác văn bản QPPL",
    ),
    (
        "pl-V.2",
        Comparator.INCREASE,
        None,
        Unit.PERCENT,
        False,
        (
            "Nâng cao tỷ lệ các đơn vị sự nghiệp công lập thuộc huyện triển khai thực hiện cơ chế tự chủ, tự chịu "
            "trách nhiệm"
        ),
    ),
    (
        "pl-V.2",
        Comparator.INCREASE,
        None,
        Unit.COUNT,
        False,
        "Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên tăng hơn so với năm trước",
    ),
    (
        "pl-V.2",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        (
            "100  đơn vị sự nghiệp công lập thực hiện đúng quy định về việc phân phối kết quả tài chính hoặc sử dụng "
            "kinh phí tiết kiệm chi thường xuyên trong năm tài chính."
        ),
    ),
    (
        "pl-VI.5",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        "100  văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử",
    ),
    (
        "pl-VI.5",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        "100  đơn vị kết nối, liên thông hệ thống phần mềm quản lý văn bản và điều hành từ cấp tỉnh đến cấp xã",
    ),
    (
        "pl-VI.5",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        (
            "Tiếp tục thực hiện gửi, nhận văn bản điện tử với các cơ quan, đơn vị trên Trục liên thông văn bản quốc "
            "gia đạt tỉ lệ 100 ."
        ),
    ),
    (
        "pl-VI.5",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        True,
        (
            "Tiếp tục xử lý văn bản, hồ sơ công việc trên môi trường mạng (trên hệ thống Quản lý văn bản và điều hành, "
            "hệ thống Một cửa điện tử) đạt 100 ."
        ),
    ),
    (
        "pl-VI.6",
        Comparator.GE,
        Decimal(60),
        Unit.PERCENT,
        True,
        "Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm phải đạt từ 60  trở lên",
    ),
    (
        "pl-VI.6",
        Comparator.GE,
        Decimal(25),
        Unit.PERCENT,
        True,
        "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4 phải đạt từ 25  trở lên",
    ),
    (
        "pl-VI.7",
        Comparator.GE,
        Decimal(50),
        Unit.PERCENT,
        True,
        (
            "Tỷ lệ TTHC đã triển khai có phát sinh hồ sơ tiếp nhận hoặc trả kết quả giải quyết qua dịch vụ BCCI phải "
            "đạt từ 50  trở lên"
        ),
    ),
    (
        "pl-VI.7",
        Comparator.GE,
        Decimal(10),
        Unit.PERCENT,
        True,
        "Tỷ lệ hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI phải đạt từ 10  trở lên",
    ),
    (
        "pl-VI.7",
        Comparator.GE,
        Decimal(20),
        Unit.PERCENT,
        True,
        "Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI phải đạt từ 20  trở lên",
    ),
]


def test_targets(plan: Plan) -> None:
    found = [
        (owner.removeprefix("task:"), t.comparator, t.value, t.unit, TargetFlag.UNIT_INFERRED in t.flags, t.text)
        for owner, t in plan.targets()
    ]
    assert found == TARGETS


def test_targets_quote_their_task(plan: Plan) -> None:
    for task in plan.tasks:
        written = " ".join([task.title, task.description or "", *task.outputs])
        for target in task.targets:
            assert target.text is not None
            assert target.text in written, task.id
            assert target.subject, task.id


def test_a_unit_is_inferred_exactly_where_the_percent_sign_is_missing(plan: Plan) -> None:
    for _, target in plan.targets():
        assert target.text is not None
        if target.value is None:
            assert TargetFlag.UNIT_INFERRED not in target.flags
            continue
        assert (TargetFlag.UNIT_INFERRED in target.flags) == ("%" not in target.text), target.text
        assert f"{target.value}  " in target.text or f"{target.value} ." in target.text or "%" in target.text


def test_the_relative_target_is_measured_against_the_previous_year(plan: Plan) -> None:
    target = _task(plan, "pl-V.2").targets[1]
    assert target.baseline is not None
    assert (target.baseline.year, target.baseline.value, target.baseline.text) == (2020, None, "so với năm trước")
    assert target.evaluate(12).status is Status.NOT_MEASURABLE  # the 2020 count is not stated


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_online_procedure_share_is_met_from_sixty_percent(share: Decimal) -> None:
    target = _task(_plan(), "pl-VI.6").targets[0]
    evaluation = target.evaluate(share)
    assert evaluation.met == (share >= 60)
    assert evaluation.gap == share - 60


@given(st.decimals(min_value=0, max_value=100, places=1))
def test_all_units_target_is_met_only_at_one_hundred(share: Decimal) -> None:
    target = _task(_plan(), "pl-V.2").targets[2]
    assert target.evaluate(share).met == (share == 100)


# --------------------------------------------------------------------------- references

SYMBOLS = [
    # as written, canonical, form, year, doc_type, issuer
    ("106/NĐ-CP", "106/NĐ-CP", SymbolForm.STATE, None, "NĐ", "CP"),  # the year is missing in the source
    ("113/KH-UBND", "113/KH-UBND", SymbolForm.STATE, None, "KH", "UBND"),
    ("133/KH-UBND", "133/KH-UBND", SymbolForm.STATE, None, "KH", "UBND"),
    ("19/2014/QĐ – TTg", "19/2014/QĐ-TTg", SymbolForm.STATE, 2014, "QĐ", "TTg"),
    ("18-NQ/TW", "18-NQ/TW", SymbolForm.PARTY, None, "NQ", "TW"),
    ("39-NQ/TW", "39-NQ/TW", SymbolForm.PARTY, None, "NQ", "TW"),
    ("108/2020/NĐ-CP", "108/2020/NĐ-CP", SymbolForm.STATE, 2020, "NĐ", "CP"),
]


@pytest.mark.parametrize("row", SYMBOLS, ids=lambda row: row[0])
def test_symbols_as_written(plan: Plan, row: tuple[str, str, SymbolForm, int | None, str, str]) -> None:
    written, canonical, form, year, doc_type, issuer = row
    symbols = [ref.symbol for task in plan.tasks for ref in task.legal_bases if ref.symbol is not None]
    matching = [symbol for symbol in symbols if symbol.as_written == written]
    assert matching
    for symbol in matching:
        assert (str(symbol), symbol.form, symbol.year, symbol.doc_type, symbol.issuer) == (
            canonical,
            form,
            year,
            doc_type,
            issuer,
        )


def test_the_iso_plan_is_cited_under_two_numbers(plan: Plan) -> None:
    """The same district plan of 18/12/2019 is 133/KH-UBND in the prose and 113/KH-UBND in the appendix."""
    cited = {
        (task.id, ref.symbol.number, ref.date)
        for task in plan.tasks
        for ref in task.legal_bases
        if ref.symbol is not None and ref.symbol.doc_type == "KH"
    }
    assert cited == {("II.6.i", "133", date(2019, 12, 18)), ("pl-VI.9", "113", date(2019, 12, 18))}
