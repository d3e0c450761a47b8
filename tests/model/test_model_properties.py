"""Properties every model class shares: frozen, slotted, keyword-only values, NFC text, picklable."""

from __future__ import annotations

import copy
import pickle
import typing
import unicodedata
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parplan
import strategies as s
from parplan._values import nfc, nfc_or_none, nfc_text, nfc_texts, nfc_tuple
from progress import strategies as ps

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    parplan.AdminUnit: s.admin_units(),
    parplan.AreaScore: s.area_scores(),
    parplan.Authority: s.signatures().filter(lambda sig: bool(sig.authorities)).map(lambda sig: sig.authorities[0]),
    parplan.FieldSource: s.field_sources(),
    parplan.Masthead: s.mastheads(),
    parplan.PartOf: s.part_ofs(),
    parplan.Pinpoint: s.pinpoints(),
    parplan.ReportingObligation: s.reporting_obligations(),
    parplan.Since: s.sinces(),
    parplan.Baseline: s.baselines(),
    parplan.Before: s.befores(),
    parplan.Between: s.betweens(),
    parplan.Budget: s.budgets(),
    parplan.BudgetLine: s.budget_lines(),
    parplan.CollectiveParty: s.collective_parties(),
    parplan.Compound: s.compounds(),
    parplan.DocumentSymbol: s.document_symbols(),
    parplan.Evaluation: s.evaluations(),
    parplan.IndexFramework: s.index_frameworks(),
    parplan.IndexGroup: s.index_groups(),
    parplan.IndexNode: s.index_nodes(),
    parplan.IndexResult: s.index_results(),
    parplan.Indicator: s.indicators(),
    parplan.JointParty: s.joint_parties(),
    parplan.LegalReference: s.legal_references(),
    parplan.Milestone: s.milestones(),
    parplan.Objective: s.objectives(),
    parplan.Official: s.officials(),
    parplan.OnDate: s.on_dates(),
    parplan.OnEvent: s.on_events(),
    parplan.OpenEnded: s.open_endeds(),
    parplan.Organisation: s.organisations(),
    parplan.PerSchedule: s.per_schedules(),
    parplan.SchoolTerm: s.school_terms(),
    parplan.Plan: s.plans(max_tasks=1),
    parplan.Problem: st.builds(parplan.Problem, path=st.just("$.tasks[0].id"), message=s.texts()),
    parplan.Recurring: s.recurrings(),
    parplan.ReportingLine: s.reporting_lines(),
    parplan.ReportingPeriod: s.reporting_periods(),
    parplan.Responsibility: s.responsibilities(),
    parplan.Section: s.sections(),
    parplan.Signature: s.signatures(),
    parplan.SourceLocation: s.source_locations(),
    parplan.Span: s.spans(),
    parplan.Step: s.steps(),
    parplan.Target: s.targets(),
    parplan.Task: s.tasks(),
    parplan.Within: s.withins(),
    parplan.WithinWorkingDays: s.within_working_days(),
    # progress reports and score sheets (tests/progress/strategies.py)
    parplan.DataWindow: ps.reports().map(lambda report: report.data_window),
    parplan.Evidence: ps.evidence(),
    parplan.PlanReference: ps.reports().map(lambda report: report.plan),
    parplan.ProgressReport: ps.reports(),
    parplan.ScoreSheet: ps.sheets(),
    parplan.SheetEntry: ps.sheets().filter(lambda sheet: bool(sheet.entries)).map(lambda sheet: sheet.entries[0]),
    parplan.TaskUpdate: ps.updates(),
    parplan.ValueUpdate: ps.values(),
}


def _reachable(tp: Any, found: set[type]) -> None:
    if isinstance(tp, type) and attrs.has(tp):
        if tp in found:
            return
        found.add(tp)
        attrs.resolve_types(tp)
        for field in attrs.fields(tp):
            _reachable(field.type, found)
    for arg in typing.get_args(tp):
        _reachable(arg, found)


def _model_classes() -> list[type]:
    found: set[type] = {parplan.Evaluation, parplan.Problem}
    for root in (parplan.Plan, parplan.IndexFramework, parplan.Indicator, parplan.ProgressReport, parplan.ScoreSheet):
        _reachable(root, found)
    return sorted(found, key=lambda cls: cls.__name__)


MODEL_CLASSES = _model_classes()
"""The classes of the document format (everything a plan, a framework, an indicator, a progress report or a score
sheet holds), and the records."""


def test_every_model_class_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(MODEL_CLASSES)
    assert all(name in parplan.__all__ for name in (cls.__name__ for cls in MODEL_CLASSES))


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_model_classes_are_frozen_slotted_and_keyword_only(cls: type) -> None:
    fields = attrs.fields(cls)
    assert all(field.kw_only for field in fields)
    assert hasattr(cls, "__slots__")
    assert cls.__doc__
    assert getattr(cls, "__setattr__", None) is not object.__setattr__


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_values_are_immutable_equal_hashable_and_picklable(cls: type) -> None:
    @settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[cls])
    def check(value: Any) -> None:
        made: type = value.__class__
        assert made is cls
        first = attrs.fields(cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, first, getattr(value, first))
        assert not hasattr(value, "__dict__")
        assert attrs.evolve(value) == value
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own data
        assert copy.deepcopy(value) == value
        assert hash(attrs.evolve(value)) == hash(value)
        assert repr(value).startswith(f"{cls.__name__}(")

    check()


NFC_CONVERTERS: tuple[object, ...] = (nfc, nfc_or_none, nfc_tuple, nfc_text, nfc_texts)


def _is_nfc(converter: object) -> bool:
    return any(converter is known for known in NFC_CONVERTERS)


def _text_fields() -> list[tuple[type, str]]:
    found: list[tuple[type, str]] = []
    for cls in MODEL_CLASSES:
        found.extend((cls, field.name) for field in attrs.fields(cls) if _is_nfc(field.converter))
    return found


TEXT_FIELDS = _text_fields()


def test_text_fields_are_found() -> None:
    # a sample of the fields that hold Vietnamese text as written
    for expected in [
        (parplan.Plan, "title"),
        (parplan.Plan, "purposes"),
        (parplan.Task, "outputs"),
        (parplan.Organisation, "name"),
        (parplan.Target, "text"),
        (parplan.OnEvent, "event"),
        (parplan.DocumentSymbol, "issuer"),
    ]:
        assert expected in TEXT_FIELDS


@pytest.mark.parametrize(("cls", "name"), TEXT_FIELDS, ids=[f"{c.__name__}.{n}" for c, n in TEXT_FIELDS])
def test_nfd_input_becomes_nfc_in_every_text_field(cls: type, name: str) -> None:
    # replace a value that is present, so that rules tying fields together still hold
    present = STRATEGIES[cls].filter(lambda value: getattr(value, name) is not None)

    @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(present)
    def check(value: Any) -> None:
        written = "Ủy" if cls is not parplan.DocumentSymbol else "ĐUBND"
        decomposed = unicodedata.normalize("NFD", written)
        many = typing.get_origin(attrs.fields_dict(cls)[name].type) is tuple
        if name == "doc_type" and value.doc_type is None:
            return
        changed = attrs.evolve(value, **{name: (decomposed,) if many else decomposed})
        assert getattr(changed, name) == ((written,) if many else written)

    check()


def _is_text_type(tp: Any) -> bool:
    if tp is str:
        return True
    args = typing.get_args(tp)
    return bool(args) and all(arg is str or arg is type(None) or arg is Ellipsis for arg in args) and str in args


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_text_field_is_nfc_or_an_ascii_code(cls: type) -> None:
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        if not _is_text_type(field.type) or _is_nfc(field.converter):
            continue
        # the remaining text fields are codes: they refuse anything but ASCII
        value: object = ("é",) if typing.get_origin(field.type) is tuple else "é"
        sample = _sample(cls)
        if sample is None:
            continue
        with pytest.raises(parplan.InvariantError):
            attrs.evolve(sample, **{field.name: value})


def _sample(cls: type) -> Any:
    samples: dict[type, Any] = {
        parplan.Indicator: parplan.Indicator(code="x", name="Tỷ lệ", kind=parplan.MeasureKind.COUNT),
        parplan.IndexNode: parplan.IndexNode(code="1", name="Chỉ đạo"),
        parplan.IndexFramework: parplan.IndexFramework(code="x", name="Chỉ số", scope=parplan.FrameworkScope.PROVINCE),
        parplan.Target: parplan.Target(comparator=parplan.Comparator.INCREASE),
        parplan.Task: parplan.Task(id="t", title="Ban hành"),
        parplan.Objective: parplan.Objective(text="Phấn đấu"),
        parplan.IndexResult: parplan.IndexResult(framework="par", year=2022),
        parplan.DocumentSymbol: parplan.DocumentSymbol(number="06", doc_type="KH", issuer="UBND"),
        parplan.SourceLocation: parplan.SourceLocation(),
        parplan.Section: parplan.Section(heading="Cải cách thể chế"),
        parplan.FieldSource: parplan.FieldSource(path="$.title"),
        parplan.TaskUpdate: parplan.TaskUpdate(task="t1", status=parplan.TaskStatus.DONE),
        parplan.ValueUpdate: parplan.ValueUpdate(target="t", indicator="i", value=Decimal(1)),
        parplan.PlanReference: parplan.PlanReference(id="kh-2026"),
        parplan.SheetEntry: parplan.SheetEntry(node="1.1"),
        parplan.ScoreSheet: parplan.ScoreSheet(
            framework="vi-du", unit=parplan.AdminUnit(name="Hương Đô", kind=parplan.UnitKind.COMMUNE), year=2026
        ),
    }
    if cls in samples:
        return samples[cls]
    if cls in {parplan.Problem, parplan.Evaluation}:
        # records, not model text: a problem's path and message are parplan's own words
        return None
    message = f"{cls.__name__} has a text field that is neither NFC-converted nor a checked code"
    raise AssertionError(message)
