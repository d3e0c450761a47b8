"""json_lines: the line of each finding's path in a plan's JSON file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import parplan
from checks_plans import clean_plan
from parplan.io.lines import json_lines
from strategies import examples, plans

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))


def _last_name(path: str) -> str | None:
    found = re.search(r"\.([A-Za-z_]\w*)$", path)
    return None if found is None else found.group(1)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_findings_of_the_examples_point_at_their_lines(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    findings = parplan.check(parplan.loads(text))
    lines = json_lines(text, [f.path for f in findings])
    rows = text.split("\n")
    assert set(lines) == {f.path for f in findings}
    for finding in findings:
        row = rows[lines[finding.path] - 1].strip()
        name = _last_name(finding.path)
        document = json.loads(text)
        if name is not None and _holds(document, finding.path):
            assert row.startswith(f'"{name}":'), (finding.path, row)
        else:
            assert row.endswith(("{", "[", ":")) or row.startswith('"'), (finding.path, row)


def _holds(document: object, path: str) -> bool:
    node = document
    for name, index in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path):
        if name:
            if not isinstance(node, dict) or name not in node:
                return False
            node = node[name]
        else:
            if not isinstance(node, list):
                return False
            node = node[int(index)]
    return True


def test_a_field_left_out_takes_the_line_of_its_object() -> None:
    text = '{\n  "a": [\n    {"b": 1},\n    {\n      "c": "x,\\"]}"\n    }\n  ]\n}\n'
    assert json_lines(text, ["$", "$.a", "$.a[0].b", "$.a[1].c", "$.a[1].d", "$.a[2]", "$.z.y"]) == {
        "$": 1,
        "$.a": 2,
        "$.a[0].b": 3,
        "$.a[1].c": 5,
        "$.a[1].d": 4,
        "$.a[2]": 2,
        "$.z.y": 1,
    }


def test_text_that_is_not_json_gives_what_was_found() -> None:
    assert json_lines("", ["$.a"]) == {}
    assert json_lines('{"a": 1, "b": [}', ["$.a", "$.b[0]"]) == {"$.a": 1, "$.b[0]": 1}
    assert json_lines("]]]", ["$.a"]) == {}


@settings(max_examples=examples(40))
@given(plan=plans(max_tasks=3))
def test_every_value_of_a_dumped_plan_is_found_on_its_line(plan: parplan.Plan) -> None:
    text = parplan.dumps(plan)
    document = json.loads(text)
    paths = list(_paths(document, "$"))
    lines = json_lines(text, paths)
    rows = text.split("\n")  # lines end at line feeds; JSON escapes every other control character in strings
    for path in paths:
        name = _last_name(path)
        if name is not None:
            assert rows[lines[path] - 1].strip().startswith(f'"{name}":'), path


def _paths(node: object, path: str) -> Iterator[str]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, f"{path}[{index}]")


def test_the_command_line_gives_lines_in_json_and_sarif(tmp_path: Path) -> None:
    import io

    from parplan.cli import main

    path = tmp_path / "plan.json"
    parplan.dump(clean_plan(), path)
    text = path.read_text(encoding="utf-8").replace('"issued_on": "2024-01-05",\n', "")
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert main(["check", str(path), "--output-format", "json"], out=out) == 0
    [item] = json.loads(out.getvalue())
    assert (item["code"], item["line"]) == ("PP111", 1)
    out = io.StringIO()
    main(["check", str(path), "--output-format", "sarif"], out=out)
    [result] = json.loads(out.getvalue())["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}
    toml = tmp_path / "plan.toml"
    toml.write_text(
        'format_version = 1\ntitle = "K"\nyear = 2024\n[issuer]\nname = "U"\n[unit]\nname = "T"\nkind = "xa"\n'
    )
    out = io.StringIO()
    main(["check", str(toml), "--output-format", "json", "--select", "PP101"], out=out)
    [item] = json.loads(out.getvalue())
    assert item["line"] is None
