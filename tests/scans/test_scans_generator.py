"""The generator of the scanned corpus (tests/scans/make_corpus.py): its pure parts; printing when Chromium is here."""

from __future__ import annotations

import random
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from parplan import AdminUnit, UnitKind
from parplan.org import TWO_TIER_FROM

sys.path.insert(0, str(Path(__file__).parent))

import make_corpus
from make_corpus import Ageing, Scan, find_span, fit, plan_phrases, synthetic_plans, toml_table


def test_fit_aligns_the_whole_phrase() -> None:
    text = "abc quy 1/2o22 def"
    start, end = fit("quy i/2022", text)
    assert text[start:end] == "quy 1/2o22"


def test_find_span_keeps_what_ocr_wrote() -> None:
    span, score = find_span("Trước ngày 31/12/2020", "| Truéc ngay\n3l/12/2020.")
    assert span == "Truéc ngay\n3l/12/2020"
    assert 0.8 < score < 1.0
    assert find_span("Quý I/2022", "   ") == ("", 0.0)


def test_toml_tables_read_back() -> None:
    entry = {"kind": "target", "ocr": 'a "b"\n\tc \\ đ \x07', "lost": True, "score": 0.5, "expected": [{"k": 1}]}
    assert tomllib.loads(toml_table("phrase", entry)) == {"phrase": [entry]}


def test_synthetic_plans_are_seeded_and_read_right_when_clean() -> None:
    first, second = synthetic_plans(), synthetic_plans()
    assert [name for name, _ in first] == [name for name, _ in second]
    assert [plan for _, plan in first] == [plan for _, plan in second]
    assert len(first) >= 8
    kinds: set[str] = set()
    for name, plan in first:
        assert 20 <= len(plan.tasks) <= 60
        kept, dropped = plan_phrases(name, plan)
        assert not dropped, dropped
        kinds |= {phrase.kind for phrase in kept}
    assert kinds == {"timeframe", "target", "reference"}


def test_no_district_after_the_reform() -> None:
    for _, plan in synthetic_plans():
        if plan.issued_on is not None and plan.issued_on >= TWO_TIER_FROM:
            unit: AdminUnit | None = plan.unit
            while unit is not None:
                assert unit.kind is not UnitKind.DISTRICT, plan.unit
                unit = unit.parent


def test_ageing_is_seeded() -> None:
    draws = [Ageing.draw(random.Random("page")) for _ in range(2)]  # noqa: S311 - reproducible test noise
    assert draws[0] == draws[1]
    assert all(a.angle == 0 or 0.3 <= abs(a.angle) <= 1.5 for a in (Ageing.draw(random.Random(n)) for n in range(50)))  # noqa: S311


def test_boxes_follow_the_page_onto_the_scan() -> None:
    flat = Scan(1, Path("page.png"), (1000, 2000), Ageing(dpi=144))
    assert flat.place((10, 20, 30, 40)) == pytest.approx((20, 40, 60, 80))
    turned = Scan(1, Path("page.png"), (1000, 2000), Ageing(dpi=72, angle=90))
    x0, y0, x1, y1 = turned.place((600, 1000, 600, 1000))  # a point right of the centre turns below it
    assert (x0, y0) == pytest.approx((500, 1100))
    assert (x1, y1) == pytest.approx((500, 1100))


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("chromium", "pdftotext")), reason="needs chromium and pdftotext"
)
def test_printed_phrases_are_found_on_their_pages(tmp_path: Path) -> None:
    name, plan = synthetic_plans()[4]
    kept, _ = plan_phrases(name, plan)
    pages = make_corpus.printed_words(make_corpus.print_pdf(plan, tmp_path))
    found = {id(occurrence.phrase) for occurrence in make_corpus.locate(kept, pages)}
    assert len(found) >= 0.9 * len(kept)
