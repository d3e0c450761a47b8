"""``parplan read``: its exit codes and what it writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

from parplan.cli import main
from read_scoring import REAL, SYNTHETIC


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_read_with_doubts_exits_1(tmp_path: Path) -> None:
    code, _, err = run("read", str(REAL / "son-chau-2022.txt"), "-o", str(tmp_path / "r.json"))
    assert code in {0, 1}
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["document"] == "reading"
    assert len(data["plan"]["tasks"]) == 90
    code, _, err = run("read", str(SYNTHETIC / "xa-2021-phan-cong.txt"), "-o", str(tmp_path / "x.json"))
    assert code == 1
    assert "KT." in err


def test_report_markdown_and_html(tmp_path: Path) -> None:
    report = tmp_path / "review.md"
    run("read", str(REAL / "son-giang-2021.txt"), "--out-dir", str(tmp_path), "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Kết quả đọc văn bản: son-giang-2021.txt")
    assert "`$.title`" in text
    assert (tmp_path / "son-giang-2021.reading.json").exists()
    html = tmp_path / "review.html"
    run("read", str(REAL / "son-giang-2021.txt"), "--out-dir", str(tmp_path), "--report", str(html), "--locale", "en")
    assert "<h2>Fields (least certain first)</h2>" in html.read_text(encoding="utf-8")


def test_cannot_be_read_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, _, err = run("read", str(missing))
    assert code == 2
    assert "missing.txt" in err
    not_plan = tmp_path / "note.txt"
    not_plan.write_text("Ghi chú: mua văn phòng phẩm.\n", encoding="utf-8")
    code, _, err = run("read", str(not_plan))
    assert code == 2
    assert "not read as a plan" in err


def test_one_output_for_several_files_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(
        "read", str(REAL / "son-giang-2021.txt"), str(REAL / "son-chau-2022.txt"), "-o", str(tmp_path / "x")
    )
    assert code == 2
    assert "--out-dir" in err
