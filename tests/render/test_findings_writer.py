"""The streaming writer of findings gives exactly what ``json.dumps`` gives for the whole list or log."""

from __future__ import annotations

import json

import pytest

import parplan
from parplan.render.findings import FindingsWriter, finding_dict, format_json, format_sarif


def _results() -> list[tuple[str, list[parplan.Finding]]]:
    findings = parplan.check(parplan.load_example())
    assert findings
    return [("a.json", findings), ("empty.json", []), ("b\udcff.json", findings[:2])]


@pytest.mark.parametrize("results", [[], [("empty.json", [])], "examples"], ids=["none", "no findings", "several"])
def test_json_written_file_by_file_is_the_whole_list(results: object) -> None:
    files = _results() if results == "examples" else results
    assert isinstance(files, list)
    chunks: list[str] = []
    writer = FindingsWriter(chunks.append, "json", "en")
    for name, findings in files:
        writer.add(name, findings, None)
    writer.close()
    whole = [finding_dict(name, f, "en") for name, findings in files for f in findings]
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    written = "".join(chunks)
    assert written == expected.encode("utf-8", "backslashreplace").decode("utf-8")
    assert written == format_json(files, "en")
    assert len(chunks) == 1 + len(whole) + 1  # the opening, one piece per finding, the closing


def test_sarif_written_file_by_file_is_one_log() -> None:
    files = _results()
    chunks: list[str] = []
    writer = FindingsWriter(chunks.append, "sarif", "vi", version="9")
    for name, findings in files:
        writer.add(name, findings, {findings[0].path: (3, 5)} if findings else None)
    writer.close()
    log = json.loads("".join(chunks))
    results = log["runs"][0]["results"]
    assert len(results) == sum(len(findings) for _, findings in files)
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
    assert results[-1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b%FF.json"
    assert log["runs"][0]["tool"]["driver"]["version"] == "9"
    positions = {"a.json": {files[0][1][0].path: (3, 5)}, "b\udcff.json": {files[2][1][0].path: (3, 5)}}
    assert "".join(chunks) == format_sarif(files, "vi", version="9", positions=positions)
