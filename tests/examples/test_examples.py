"""The example plans in ``examples/``: real plans transcribed as written, defects included.

Every ``examples/*.json`` must load, be in canonical form, validate against the
JSON Schema and round-trip. The facts each source plan states are checked from
small tables below, so that a transcription slip fails a test:

* ``son-chau-2022.json`` — Kế hoạch 06/KH-UBND (08/01/2022) of xã Sơn Châu,
  huyện Hương Sơn, Hà Tĩnh: the CCHC plan for 2022 with its 34-row appendix.
  Task ids: ``pl-<TT>`` for appendix rows, ``III.<heading>.<bullet>`` for the
  prose of "III. NHIỆM VỤ VÀ GIẢI PHÁP" (``III.7.1.3`` is the third bullet
  under 7.1), ``V.<bullet>`` for "V. TỔ CHỨC THỰC HIỆN", and a letter for each
  "+" sub-item (``III.3.5.a``).
* ``son-giang-2021.json`` — the 2021 plan of xã Sơn Giang to remedy its 2020
  PAR Index result. Task ids: ``II.<area>.<letter>`` (``đ`` is written ``dd``)
  and ``III.<number>``.
"""

from __future__ import annotations

import functools
import importlib
import json
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parplan
from parplan import (
    CollectiveParty,
    JointParty,
    LegalReference,
    Official,
    Organisation,
    Plan,
    ReformArea,
    ReportingPeriod,
    SymbolForm,
    Task,
)
from parplan.targets import Comparator, Status, Target, TargetFlag, Unit
from parplan.timeframes import OnEvent, PerSchedule, Recurring, Timeframe, Within

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
SON_CHAU = EXAMPLES / "son-chau-2022.json"
SON_GIANG = EXAMPLES / "son-giang-2021.json"


@functools.cache
def _load(path: Path) -> Plan:
    return parplan.load(path)


@pytest.fixture(scope="module")
def son_chau() -> Plan:
    return _load(SON_CHAU)


@pytest.fixture(scope="module")
def son_giang() -> Plan:
    return _load(SON_GIANG)


def _task(plan: Plan, task_id: str) -> Task:
    task = plan.get_task(task_id)
    assert task is not None, task_id
    return task


def _references(plan: Plan) -> list[LegalReference]:
    refs = [*plan.legal_bases, *plan.implements]
    for task in plan.tasks:
        refs.extend(task.legal_bases)
    return refs


# --------------------------------------------------------------------------- every example file


def test_the_transcribed_examples_are_present() -> None:
    names = {path.name for path in EXAMPLE_FILES}
    assert {"son-chau-2022.json", "son-giang-2021.json"} <= names


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_is_canonical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parplan.dumps(parplan.loads(text)) == text


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_round_trips(path: Path) -> None:
    plan = _load(path)
    assert parplan.loads(parplan.dumps(plan)) == plan


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_validates_against_the_json_schema(path: Path) -> None:
    jsonschema: Any = importlib.import_module("jsonschema")
    validator = jsonschema.Draft202012Validator(parplan.json_schema(), format_checker=jsonschema.FormatChecker())
    errors = [
        f"{error.json_path}: {error.message}"
        for error in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))
    ]
    assert errors == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_task_ids_are_unique(path: Path) -> None:
    ids = [task.id for task in _load(path).tasks]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_keeps_the_raw_text_of_every_timeframe_and_target(path: Path) -> None:
    plan = _load(path)
    for task in plan.tasks:
        if task.timeframe is not None:
            assert task.timeframe.text, task.id
        for target in task.targets:
            assert target.text, task.id
    for owner, target in plan.targets():
        assert target.text, owner


@pytest.mark.parametrize("path", [SON_CHAU, SON_GIANG], ids=lambda p: p.name)
def test_prose_timeframes_and_targets_quote_their_task(path: Path) -> None:
    """Read from a prose item, a timeframe or target quotes that item word for word."""
    plan = _load(path)
    for task in plan.tasks:
        written = " ".join([task.title, *task.outputs])
        if task.timeframe is not None and not task.id.startswith("pl-"):
            assert task.timeframe.text is not None
            assert task.timeframe.text in written, task.id
        for target in task.targets:
            assert target.text is not None
            assert target.text in written, task.id
    for objective in plan.objectives:
        for target in objective.targets:
            assert target.text is not None
            assert target.text in objective.text, objective.id


# --------------------------------------------------------------------------- the bundled example


def test_bundled_example_is_the_son_chau_file() -> None:
    bundled = resources.files("parplan").joinpath("data", "son-chau-2022.json").read_bytes()
    assert bundled == SON_CHAU.read_bytes()
    assert parplan.load_example() == _load(SON_CHAU)


def test_every_bundled_name_has_its_example_file() -> None:
    for name in parplan.EXAMPLE_NAMES:
        assert (EXAMPLES / f"{name}.json").read_bytes() == (
            resources.files("parplan").joinpath("data", f"{name}.json").read_bytes()
        )


# --------------------------------------------------------------------------- Sơn Châu 2022: header


def test_son_chau_header(son_chau: Plan) -> None:
    assert son_chau.year == 2022
    assert son_chau.symbol is not None
    assert son_chau.symbol.as_written == "06/KH-UBND"
    assert son_chau.issued_on == date(2022, 1, 8)
    assert son_chau.issued_text is not None
    assert "Kế hoạch số:06/KH-UBND" in son_chau.issued_text  # no space after the colon, as written
    assert son_chau.place is None  # the text states none
    assert [unit.full_name for unit in son_chau.unit.chain()] == ["xã Sơn Châu", "huyện Hương Sơn", "tỉnh Hà Tĩnh"]
    assert son_chau.signature is not None
    assert (son_chau.signature.capacity, son_chau.signature.on_behalf_of) == (
        parplan.SigningCapacity.TM,
        "ỦY BAN NHÂN DÂN",
    )
    assert (son_chau.signature.position, son_chau.signature.name) == ("CHỦ TỊCH", "Hồ Phạm Tuấn")
    assert len(son_chau.purposes) == 4
    assert len(son_chau.requirements) == 6
    assert len(son_chau.funding) == 3
    assert len(son_chau.recipients) == 7
    assert son_chau.recipients[-1] == "Lưu: VP-UBND."


IMPLEMENTS = [
    # symbol as written, date, issuer as written
    ("520/KH-UBND", date(2021, 12, 24), "UBND tỉnh"),
    ("03/KH-UBND", date(2022, 1, 14), "UBND huyện Hương Sơn"),
]


def test_son_chau_implements_the_province_and_district_plans(son_chau: Plan) -> None:
    found = [(ref.symbol.as_written if ref.symbol else None, ref.date, ref.issuer_name) for ref in son_chau.implements]
    assert found == IMPLEMENTS


def test_son_chau_cites_a_district_plan_dated_after_itself(son_chau: Plan) -> None:
    """A defect of the source kept as written: 03/KH-UBND (14/01/2022) is later than the plan (08/01/2022)."""
    assert son_chau.issued_on is not None
    later = [ref for ref in son_chau.implements if ref.date is not None and ref.date > son_chau.issued_on]
    assert [ref.label for ref in later] == ["Kế hoạch số 03/KH-UBND"]


# --------------------------------------------------------------------------- Sơn Châu 2022: objectives


OBJECTIVE_TARGETS: list[tuple[str, str, Comparator, Decimal, Unit]] = [
    # objective id, target text contains, comparator, value, unit
    ("2", "ít nhất có 02 sáng kiến", Comparator.GE, Decimal(2), Unit.COUNT),
    ("4", "75% văn bản QPPL", Comparator.GE, Decimal(75), Unit.PERCENT),
    ("4", "100% văn bản được ban hành", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("5", "đạt tỷ lệ 35%", Comparator.GE, Decimal(35), Unit.PERCENT),
    ("6", "100% hồ sơ TTHC", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("6", "đạt từ 90% trở lên", Comparator.GE, Decimal(90), Unit.PERCENT),
    ("8", "100% cán bộ, công chức trong kế hoạch", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("8", "90% cán bộ, công chức xã có trình độ đại học trở lên", Comparator.GE, Decimal(90), Unit.PERCENT),
    ("9", "không có cán bộ, công chức vi phạm", Comparator.EQ, Decimal(0), Unit.COUNT),
    ("10", "100% TTHC được cập nhật công khai", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("10", "100% thủ tục hành chính", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("10", "đạt trên 50%", Comparator.GT, Decimal(50), Unit.PERCENT),
    ("11", "100% văn bản (trừ văn bản mật và tối mật)", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("12", "Đảm bảo 100% danh mục", Comparator.EQ, Decimal(100), Unit.PERCENT),
    ("13", "3.773 triệu đồng", Comparator.GE, Decimal(3_773_000_000), Unit.VND),
    ("13", "3.000 triệu đồng", Comparator.GE, Decimal(3_000_000_000), Unit.VND),
]


def test_son_chau_has_thirteen_numbered_objectives(son_chau: Plan) -> None:
    assert [objective.id for objective in son_chau.objectives] == [str(n) for n in range(1, 14)]


def test_son_chau_objective_targets(son_chau: Plan) -> None:
    found = [
        (objective.id, target.comparator, target.value, target.unit, target.text or "")
        for objective in son_chau.objectives
        for target in objective.targets
    ]
    assert len(found) == len(OBJECTIVE_TARGETS)
    for (owner, phrase, comparator, value, unit), (f_owner, f_comparator, f_value, f_unit, f_text) in zip(
        OBJECTIVE_TARGETS, found, strict=True
    ):
        assert (f_owner, f_comparator, f_value, f_unit) == (owner, comparator, value, unit), phrase
        assert phrase in f_text


def test_son_chau_shares_read_as_attainment(son_chau: Plan) -> None:
    """A share or amount with no comparator word ("75% văn bản …", "đạt 3.773 triệu đồng") is a floor to reach.

    Only the universal 100 % and the zero target are exact (DOMAIN §10.2), and no reading is flagged.
    """
    for _, target in son_chau.targets():
        if target.comparator is Comparator.EQ:
            assert target.value in (Decimal(0), Decimal(100)), target.text
        assert TargetFlag.AMBIGUOUS not in target.flags, target.text


def test_son_chau_keeps_the_typo_phan_dau(son_chau: Plan) -> None:
    assert son_chau.objectives[1].text.startswith("Phần đầu ít nhất có 02 sáng kiến")


# --------------------------------------------------------------------------- Sơn Châu 2022: appendix


def test_son_chau_appendix_has_34_rows_in_order(son_chau: Plan) -> None:
    appendix = [task.id for task in son_chau.tasks if task.id.startswith("pl-")]
    assert appendix == [f"pl-{n}" for n in range(1, 35)]
    for task in son_chau.tasks:
        if task.id.startswith("pl-"):
            assert task.source is not None
            assert (task.source.table, task.source.row) == ("Phụ lục", task.id.removeprefix("pl-"))


APPENDIX_AREAS = [
    # first row, last row, area (the table's groups I-VII)
    (1, 5, ReformArea.CHI_DAO_DIEU_HANH),
    (6, 8, ReformArea.THE_CHE),
    (9, 16, ReformArea.THU_TUC_HANH_CHINH),
    (17, 17, ReformArea.TO_CHUC_BO_MAY),
    (18, 22, ReformArea.CONG_VU),
    (23, 27, ReformArea.TAI_CHINH_CONG),
    (28, 34, ReformArea.CHINH_QUYEN_SO),
]


@pytest.mark.parametrize(("first", "last", "area"), APPENDIX_AREAS)
def test_son_chau_appendix_rows_by_area(son_chau: Plan, first: int, last: int, area: ReformArea) -> None:
    rows = [task.id for task in son_chau.tasks_in(area) if task.id.startswith("pl-")]
    assert rows == [f"pl-{n}" for n in range(first, last + 1)]


SUBAREAS = [
    ("pl-28", "Ứng dụng công nghệ thông tin trong hoạt động của đơn vị"),
    ("pl-32", "Ứng dụng công nghệ thông tin trong hoạt động của đơn vị"),
    ("pl-33", "Áp dụng ISO trong hoạt động của đơn vị"),
    ("pl-34", "Áp dụng ISO trong hoạt động của đơn vị"),
    ("III.7.1.1", "Ứng dụng công nghệ thông tin trong cơ quan nhà nước."),
    ("III.7.2.2", "Áp dụng ISO trong hoạt động cơ quan hành chính."),
    ("pl-27", None),
]


@pytest.mark.parametrize(("task_id", "subarea"), SUBAREAS)
def test_son_chau_subareas(son_chau: Plan, task_id: str, subarea: str | None) -> None:
    assert _task(son_chau, task_id).subarea == subarea


BUDGETS: dict[str, tuple[int | None, str]] = {
    # task id: (amount in đồng, cell as written) — "Kinh phí thực hiện (Triệu đồng)"
    "pl-19": (10_000_000, "10"),
    "pl-28": (150_000_000, "150"),
    "pl-30": (None, "Theo dự trù kinh phí riêng"),
    "pl-31": (40_000_000, "40"),
}


def test_son_chau_budgets(son_chau: Plan) -> None:
    found = {task.id: (task.budget.amount, task.budget.text) for task in son_chau.tasks if task.budget is not None}
    assert found == BUDGETS
    unquantified = [task.id for task in son_chau.tasks if task.budget is not None and not task.budget.is_quantified]
    assert unquantified == ["pl-30"]
    assert _task(son_chau, "pl-30").budget == parplan.Budget(
        note="Theo dự trù kinh phí riêng", text="Theo dự trù kinh phí riêng"
    )


TIMEFRAMES: list[tuple[str, type[Timeframe] | None, str | None, date | None, date | None]] = [
    # task id, kind, cell as written, earliest, latest
    ("pl-1", Within, "Tháng 01/2022", date(2022, 1, 1), date(2022, 1, 31)),
    ("pl-3", Recurring, "Thường xuyên", None, None),
    ("pl-4", Recurring, "Thường xuyên trong năm", date(2022, 1, 1), date(2022, 12, 31)),
    ("pl-6", None, None, None, None),
    ("pl-7", Within, "Trong năm", date(2022, 1, 1), date(2022, 12, 31)),
    ("pl-10", Recurring, "Thường xuyên năm 2022", date(2022, 1, 1), date(2022, 12, 31)),
    ("pl-11", Within, "Quý I, II, III/2022", date(2022, 1, 1), date(2022, 9, 30)),
    ("pl-13", Recurring, "Thường xuyên trong năm 2022", date(2022, 1, 1), date(2022, 12, 31)),
    ("pl-17", OnEvent, "Khi có hướng dẫn, chỉ đạo của cấp trên", None, None),
    ("pl-19", OnEvent, "Khi có thông báo của tỉnh, huyện", None, None),
    ("pl-20", OnEvent, "Khi có QĐ của huyện", None, None),
    ("pl-22", PerSchedule, "Trong năm (theo VB của huyện)", date(2022, 1, 1), date(2022, 12, 31)),
    ("pl-24", Within, "Tháng 01/2021", date(2021, 1, 1), date(2021, 1, 31)),
    ("pl-29", Within, "Tháng 1/2021", date(2021, 1, 1), date(2021, 1, 31)),
    ("pl-32", PerSchedule, "Theo kế hoạch của huyện", None, None),
    ("III.1.6", OnEvent, "khi có hướng dẫn, chỉ đạo của cấp trên", None, None),
    ("III.7.1.4", Within, "trong năm", date(2022, 1, 1), date(2022, 12, 31)),
]


@pytest.mark.parametrize("row", TIMEFRAMES, ids=lambda row: row[0])
def test_son_chau_timeframes(
    son_chau: Plan, row: tuple[str, type[Timeframe] | None, str | None, date | None, date | None]
) -> None:
    task_id, kind, text, earliest, latest = row
    timeframe = _task(son_chau, task_id).timeframe
    if kind is None:
        assert timeframe is None
        return
    assert isinstance(timeframe, kind)
    assert (timeframe.text, timeframe.earliest, timeframe.latest) == (text, earliest, latest)


def test_son_chau_rows_dated_2021_stay_2021(son_chau: Plan) -> None:
    """Two rows of the 2022 plan say "Tháng 01/2021" / "Tháng 1/2021"; they are kept, not corrected."""
    outside = [
        task.id
        for task in son_chau.tasks
        if task.timeframe is not None and task.timeframe.latest is not None and task.timeframe.latest.year != 2022
    ]
    assert outside == ["pl-24", "pl-29"]


RESPONSIBILITIES: list[tuple[str, str | None, list[str]]] = [
    # task id, lead as written, coordinating parties as written
    ("pl-1", "UBND xã", ["Văn phòng"]),
    ("pl-12", "Văn phòng UBND", ["Các bộ phận chuyên môn"]),
    ("pl-14", "Các công chức liên quan", ["Văn phòng xã"]),
    ("pl-16", "Văn phòng xã", ["Bộ phận Tiếp nhận và trả kết quả xã"]),
    ("pl-20", None, ["Cán bộ, công chức liên quan"]),
    ("pl-28", "Văn hóa - Thông tin", ["Văn phòng", "các ban ngành có liên quan"]),
    ("pl-30", "Văn hóa - Thông tin", ["Ban biên tập", "Các ban, ngành liên quan"]),
    ("pl-32", None, ["Cán bộ CNTT xã", "Ban biên tập xã"]),
    ("pl-34", "Văn phòng", ["Cán bộ, công chức"]),
]


@pytest.mark.parametrize(("task_id", "lead", "coordinating"), RESPONSIBILITIES)
def test_son_chau_responsibilities(son_chau: Plan, task_id: str, lead: str | None, coordinating: list[str]) -> None:
    responsibility = _task(son_chau, task_id).responsibility
    assert responsibility is not None
    assert (None if responsibility.lead is None else responsibility.lead.label) == lead
    assert [party.label for party in responsibility.coordinating] == coordinating


def test_son_chau_rows_without_a_lead(son_chau: Plan) -> None:
    no_lead = [task.id for task in son_chau.tasks if task.id.startswith("pl-") and task.lead is None]
    assert no_lead == ["pl-20", "pl-22", "pl-32"]
    assert _task(son_chau, "pl-22").responsibility is None


PARTY_KINDS: list[tuple[str, type[object]]] = [
    ("Các ban ngành liên quan", CollectiveParty),
    ("Cán bộ, công chức liên quan", CollectiveParty),
    ("Các ban, ngành liên quan", CollectiveParty),
    ("Cán bộ CNTT xã", Official),
    ("Ban biên tập xã", Organisation),
    ("Tư pháp – Hộ tịch", Organisation),
    ("Tài chính -KT", Organisation),
]


@pytest.mark.parametrize(("label", "kind"), PARTY_KINDS)
def test_son_chau_party_kinds(son_chau: Plan, label: str, kind: type[object]) -> None:
    parties = [
        party
        for task in son_chau.tasks
        if task.responsibility is not None
        for _, party in task.responsibility.assignments()
        if party.label == label
    ]
    assert parties
    assert all(type(party) is kind for party in parties)


def test_son_chau_joint_lead(son_chau: Plan) -> None:
    lead = _task(son_chau, "V.2").lead
    assert isinstance(lead, JointParty)
    assert lead.label == "Ủy ban Mặt trận Tổ quốc; tổ chức đoàn thể"


APPENDIX_TARGETS = [
    # task id, comparator, value, unit, text as written
    (
        "pl-10",
        Comparator.EQ,
        Decimal(100),
        Unit.PERCENT,
        "100% TTHC thuộc thẩm quyền được niêm yết công khai đúng quy định",
    ),
    ("pl-12", Comparator.GE, Decimal(35), Unit.PERCENT, "35% hồ sơ tiếp nhận"),
]


def test_son_chau_appendix_targets(son_chau: Plan) -> None:
    found = [
        (task.id, target.comparator, target.value, target.unit, target.text)
        for task in son_chau.tasks
        if task.id.startswith("pl-")
        for target in task.targets
    ]
    assert found == APPENDIX_TARGETS


# --------------------------------------------------------------------------- Sơn Châu 2022: prose


PROSE_BULLETS = [
    # prose heading, bullets (sub-items included), area
    ("III.1.", 8, ReformArea.CHI_DAO_DIEU_HANH),
    ("III.2.", 5, ReformArea.THE_CHE),
    ("III.3.", 11, ReformArea.THU_TUC_HANH_CHINH),
    ("III.4.", 1, ReformArea.TO_CHUC_BO_MAY),
    ("III.5.", 4, ReformArea.CONG_VU),
    ("III.6.", 5, ReformArea.TAI_CHINH_CONG),
    ("III.7.1.", 8, ReformArea.CHINH_QUYEN_SO),
    ("III.7.2.", 2, ReformArea.CHINH_QUYEN_SO),
    ("III.8.", 1, ReformArea.TAC_DONG),
    ("V.", 11, None),
]


@pytest.mark.parametrize(("prefix", "count", "area"), PROSE_BULLETS)
def test_son_chau_prose_tasks(son_chau: Plan, prefix: str, count: int, area: ReformArea | None) -> None:
    tasks = [task for task in son_chau.tasks if task.id.startswith(prefix)]
    assert len(tasks) == count
    if area is not None:
        assert {task.area for task in tasks} == {area}
    for task in tasks:
        assert task.source is not None
        assert task.source.section is not None
        assert f"{task.source.section}.{task.source.item}" == task.id


def test_son_chau_sections(son_chau: Plan) -> None:
    prose = [(s.label, s.area) for s in son_chau.sections if s.area is not None and s.source and not s.source.table]
    table = [(s.label, s.area) for s in son_chau.sections if s.area is not None and s.source and s.source.table]
    assert [label for label, _ in prose] == ["1", "2", "3", "4", "5", "6", "7", "7.1", "7.2", "8"]
    assert [label for label, _ in table] == ["I", "II", "III", "IV", "V", "VI", "VII", "A", "B"]
    assert {area for _, area in prose} == set(ReformArea)
    assert ReformArea.TAC_DONG not in {area for _, area in table}  # the appendix has no area 8


# --------------------------------------------------------------------------- Sơn Châu 2022: references


SYMBOLS = [
    # as written, form, number, year, doc_type, issuer
    ("01/2018/T-VPCP", SymbolForm.STATE, "01", 2018, "T", "VPCP"),
    ("01/TT-VPCP", SymbolForm.STATE, "01", None, "TT", "VPCP"),
    ("29 KL/TU", SymbolForm.PARTY, "29", None, "KL", "TU"),
    ("18-NQ/TW", SymbolForm.PARTY, "18", None, "NQ", "TW"),
    ("61/2018/NĐ-CP", SymbolForm.STATE, "61", 2018, "NĐ", "CP"),
    ("208/QĐ-UBND", SymbolForm.STATE, "208", None, "QĐ", "UBND"),
]


@pytest.mark.parametrize("row", SYMBOLS, ids=lambda row: row[0])
def test_son_chau_symbols_as_written(son_chau: Plan, row: tuple[str, SymbolForm, str, int | None, str, str]) -> None:
    written, form, number, year, doc_type, issuer = row
    symbols = [ref.symbol for ref in _references(son_chau) if ref.symbol and ref.symbol.as_written == written]
    assert symbols
    for symbol in symbols:
        assert (symbol.form, symbol.number, symbol.year, symbol.doc_type, symbol.issuer) == (
            form,
            number,
            year,
            doc_type,
            issuer,
        )


def test_son_chau_party_symbol_without_hyphen_keeps_its_text(son_chau: Plan) -> None:
    symbol = next(ref.symbol for ref in _references(son_chau) if ref.symbol and ref.symbol.number == "29")
    assert symbol is not None
    assert (symbol.text, str(symbol)) == ("29 KL/TU", "29-KL/TU")


# --------------------------------------------------------------------------- Sơn Châu 2022: reporting


REPORTING = [
    # period, data from, data to, estimate from, estimate to, due — as written, mistakes included
    ("2022Q1", date(2021, 12, 15), date(2022, 3, 14), None, None, None),
    ("2022S1", date(2022, 12, 15), date(2022, 6, 14), None, None, None),
    ("2022Q3", date(2022, 6, 15), date(2022, 9, 14), None, None, None),
    ("2022", date(2021, 12, 15), date(2022, 11, 30), date(2022, 12, 1), date(2022, 12, 14), date(2021, 12, 3)),
]


def test_son_chau_reporting_lines(son_chau: Plan) -> None:
    found = [
        (str(line.period), line.data_from, line.data_to, line.estimate_from, line.estimate_to, line.due)
        for line in son_chau.reporting
    ]
    assert found == REPORTING
    for line in son_chau.reporting:
        assert line.text is not None
        assert line.text.startswith("Báo cáo")


def test_son_chau_six_month_window_starts_after_it_ends(son_chau: Plan) -> None:
    line = next(line for line in son_chau.reporting if line.period == ReportingPeriod.half(2022, 1))
    assert line.data_from is not None
    assert line.data_to is not None
    assert line.data_from > line.data_to


# --------------------------------------------------------------------------- Sơn Giang 2021


def test_son_giang_header(son_giang: Plan) -> None:
    assert (son_giang.kind, son_giang.year) == (parplan.PlanKind.REMEDIAL, 2021)
    assert son_giang.symbol is None  # the text gives no number: none is invented
    assert (son_giang.place, son_giang.issued_on) == ("Sơn Giang", date(2021, 3, 19))
    assert son_giang.issued_text == "Sơn Giang, ngày 19 tháng 3 năm 2021"
    assert son_giang.signature is not None
    assert son_giang.signature.name == "Nguyễn Đức Thắng"
    assert len(son_giang.purposes) == 3
    assert len(son_giang.requirements) == 2
    assert son_giang.recipients[-1] == "Lưu: VP."


def test_son_giang_2020_index_result(son_giang: Plan) -> None:
    (result,) = son_giang.results
    assert (result.year, result.score, result.unit) == (2020, Decimal("90.73"), Unit.POINTS)
    assert (result.rank, result.out_of, result.rank_change) == (4, 25, -2)
    assert result.source is not None
    assert result.source.symbol is not None
    assert (result.source.symbol.as_written, result.source.date) == ("6478/QĐ-UBND", date(2020, 11, 25))
    assert result.text is not None
    assert "90,73 điểm" in result.text


SON_GIANG_AREAS = [
    # area heading number, lettered items, area
    ("1", "abcd", ReformArea.CHI_DAO_DIEU_HANH),
    ("2", "abc", ReformArea.THE_CHE),
    ("3", ["a", "b", "c", "d", "dd", "e"], ReformArea.THU_TUC_HANH_CHINH),
    ("4", "ab", ReformArea.TO_CHUC_BO_MAY),
    ("5", "ab", ReformArea.CONG_VU),
    ("6", "ab", ReformArea.TAI_CHINH_CONG),
    ("7", "abcd", ReformArea.CHINH_QUYEN_SO),
    ("8", "ab", ReformArea.TAC_DONG),
]


@pytest.mark.parametrize(("number", "letters", "area"), SON_GIANG_AREAS)
def test_son_giang_tasks_per_area(son_giang: Plan, number: str, letters: Any, area: ReformArea) -> None:
    ids = [task.id for task in son_giang.tasks if task.id.startswith(f"II.{number}.")]
    assert ids == [f"II.{number}.{letter}" for letter in letters]
    assert {_task(son_giang, task_id).area for task_id in ids} == {area}
    heading = next(s for s in son_giang.sections if s.label == number)
    assert heading.area is area


def test_son_giang_letter_dd_keeps_the_written_item(son_giang: Plan) -> None:
    source = _task(son_giang, "II.3.dd").source
    assert source is not None
    assert source.item == "đ"


def test_son_giang_implementation_roles(son_giang: Plan) -> None:
    chair = _task(son_giang, "III.1").lead
    assert isinstance(chair, Official)
    assert chair.position == "Chủ tịch UBND xã"
    assert isinstance(_task(son_giang, "III.2").lead, CollectiveParty)
    office = _task(son_giang, "III.3").responsibility
    assert office is not None
    assert office.lead is None
    assert [party.label for party in office.reporting] == ["Văn phòng UBND xã"]


def test_son_giang_legal_bases_of_tasks(son_giang: Plan) -> None:
    found = {
        task.id: [ref.symbol.as_written for ref in task.legal_bases if ref.symbol]
        for task in son_giang.tasks
        if task.legal_bases
    }
    assert found == {"II.3.a": ["54/2019/QĐ-UBND"], "II.6.a": ["16/2015/NĐ-CP"], "II.7.c": ["45/2016/QĐ-TTg"]}


def _rank_target(plan: Plan) -> Target:
    objective = next(o for o in plan.objectives if o.id == "I.1.c")
    (target,) = objective.targets
    return target


def test_son_giang_rank_target(son_giang: Plan) -> None:
    target = _rank_target(son_giang)
    assert (target.comparator, target.unit, target.value) == (Comparator.INCREASE, Unit.RANK, None)
    assert target.baseline is not None
    assert (target.baseline.value, target.baseline.out_of, target.baseline.year) == (Decimal(4), 25, 2020)


@given(st.integers(min_value=1, max_value=25))
def test_son_giang_rank_target_is_met_only_above_fourth_place(rank: int) -> None:
    target = _rank_target(_load(SON_GIANG))
    assert (target.evaluate(rank).status is Status.MET) == (rank < 4)


def test_son_giang_completion_target(son_giang: Plan) -> None:
    objective = next(o for o in son_giang.objectives if o.id == "II.1.d")
    (target,) = objective.targets
    assert (target.comparator, target.value, target.unit) == (Comparator.EQ, Decimal(100), Unit.PERCENT)
    assert _task(son_giang, "II.1.d").targets == (target,)
    assert target.evaluate(Decimal("99.9")).status is Status.NOT_MET
    assert target.evaluate(100).status is Status.MET
