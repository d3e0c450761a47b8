"""Security: no unsafe deserialization or code execution, escaped HTML, and paths in a plan never opened."""

from __future__ import annotations

import ast
import functools
import html
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import parplan
import parplan.cli
from parplan import Plan, SourceLocation, check, dumps, loads, render
from parplan.render import FORMATS, LOCALES
from robust_support import EXAMPLES, ROOT, hostile_texts, with_text_everywhere

SOURCE = ROOT / "src" / "parplan"

FORBIDDEN_MODULES = frozenset({"pickle", "cPickle", "_pickle", "marshal", "shelve", "subprocess", "yaml", "dill"})
FORBIDDEN_CALLS = frozenset({"eval", "exec", "compile", "__import__"})
FORBIDDEN_ATTRIBUTES = frozenset(
    {
        ("os", "system"),
        ("os", "popen"),
        ("os", "execv"),
        ("os", "execvp"),
        ("os", "execl"),
        ("os", "spawnv"),
        ("os", "spawnl"),
        ("os", "posix_spawn"),
        ("yaml", "load"),
        ("yaml", "unsafe_load"),
        ("pickle", "loads"),
        ("pickle", "load"),
        ("marshal", "loads"),
        ("importlib", "import_module"),
    }
)
GENERATED_CODE = {("io/converter.py", "_compile"), ("progress/_fast.py", "maker")}
"""The only places that run code: the converter's ``_compile``, called only by the functions that generate the
structuring and unstructuring code of a class from its definition (never from input), the technique attrs and
cattrs use themselves; and the progress services' ``maker``, which writes a function that fills the slots of a
result class from that class's own field names (never from input)."""
GENERATORS = {"_generate_structure", "_generate_unstructure"}
"""The functions that call ``_compile``: each takes a model class and nothing else."""
DYNAMIC_IMPORTS = {("_lazy.py", "__getattr__"), ("io/kinds.py", "cls"), ("read/formats/__init__.py", "load_source")}
"""The only places that import a module by name: names parplan exports (a constant table), the kinds of
document (registered by code, never read from a document) and the format modules (a constant table)."""


def _python_files() -> list[Path]:
    files = sorted(SOURCE.rglob("*.py"))
    assert len(files) > 30
    return files


class _Uses(ast.NodeVisitor):
    """Imports, calls of builtins and attribute calls that could run or load code."""

    def __init__(self) -> None:
        self.found: list[tuple[str, int, str]] = []
        self.function = "<module>"

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                self.found.append((self.function, node.lineno, f"import {alias.name}"))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = (node.module or "").split(".")[0]
        if module in FORBIDDEN_MODULES:
            self.found.append((self.function, node.lineno, f"from {node.module} import ..."))
        for alias in node.names:
            if alias.name in FORBIDDEN_CALLS and module == "builtins":
                self.found.append((self.function, node.lineno, f"from builtins import {alias.name}"))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
            self.found.append((self.function, node.lineno, f"{func.id}()"))
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if (func.value.id, func.attr) in FORBIDDEN_ATTRIBUTES:
                self.found.append((self.function, node.lineno, f"{func.value.id}.{func.attr}()"))
            if func.value.id == "builtins" and func.attr in FORBIDDEN_CALLS:
                self.found.append((self.function, node.lineno, f"builtins.{func.attr}()"))
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in {"eval", "exec", "__import__"} and isinstance(node.ctx, ast.Load):
            self.found.append((self.function, node.lineno, f"reference to {node.id}"))


def _uses() -> dict[str, list[tuple[str, int, str]]]:
    found: dict[str, list[tuple[str, int, str]]] = {}
    for path in _python_files():
        visitor = _Uses()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        if visitor.found:
            found[path.relative_to(SOURCE).as_posix()] = visitor.found
    return found


def test_no_pickle_eval_unsafe_yaml_marshal_shelve_or_subprocesses_in_the_source() -> None:
    allowed: list[tuple[str, str, str]] = []
    for name, uses in _uses().items():
        for function, line, what in uses:
            if (name, function) in GENERATED_CODE and what in {"exec()", "compile()", "reference to exec"}:
                allowed.append((name, function, what))
                continue
            if (name, function) in DYNAMIC_IMPORTS and what == "importlib.import_module()":
                continue
            pytest.fail(f"{name}:{line} in {function}: {what}")
    # exec(compile(...)) exactly once in each generating function, nowhere else
    assert sorted(allowed) == sorted(
        (name, function, what)
        for name, function in GENERATED_CODE
        for what in ("exec()", "compile()", "reference to exec")
    )


def test_the_generated_code_comes_from_class_definitions_only() -> None:
    """The compiled source is built from field names and constants of the model, never from a document."""
    tree = ast.parse((SOURCE / "io" / "converter.py").read_text(encoding="utf-8"))
    callers: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        calls = [c for c in ast.walk(node) if isinstance(c, ast.Call) and getattr(c.func, "id", None) == "_compile"]
        if node.name == "_compile":
            [call] = [c for c in ast.walk(node) if isinstance(c, ast.Call) and getattr(c.func, "id", None) == "compile"]
            assert isinstance(call.args[2], ast.Constant)
            assert call.args[2].value == "exec"
        elif calls:
            callers.add(node.name)
            assert [argument.arg for argument in node.args.args] == ["cls"], node.name  # a class, not data
            [call] = calls
            label = call.args[1]
            assert isinstance(label, ast.JoinedStr)  # f"structure {cls.__qualname__}"
    assert callers == GENERATORS


def test_names_imported_by_name_are_parplan_s_own() -> None:
    import parplan.text
    from parplan.io.kinds import kinds

    tables = [parplan._EXPORTS, parplan.text._EXPORTS]
    assert all(module.startswith("parplan.") for table in tables for module in table.values())
    assert all(kind.target.startswith("parplan.") for kind in kinds())


def test_the_scan_catches_what_it_looks_for() -> None:
    source = "import pickle\nfrom subprocess import run\nx = eval('1')\nos.system('ls')\nyaml.load(s)\n"
    visitor = _Uses()
    visitor.visit(ast.parse(source))
    assert [what for _, _, what in visitor.found] == [
        "import pickle",
        "from subprocess import ...",
        "eval()",
        "reference to eval",
        "os.system()",
        "yaml.load()",
    ]


# --- what happens while reading, checking and rendering -----------------------------------

_EVENTS: list[tuple[str, tuple[Any, ...]]] | None = None
"""Audit events recorded while a block below runs; None when not recording."""
_RISKY = ("exec", "compile", "pickle.", "marshal.", "subprocess.", "os.system", "os.exec", "os.spawn", "socket.")


def _audit(event: str, arguments: tuple[Any, ...]) -> None:
    if _EVENTS is not None and (event in {"open", "os.listdir", "os.scandir"} or event.startswith(_RISKY)):
        _EVENTS.append((event, arguments))


_hook_installed = False


@contextmanager
def _recording() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """Record file opens, listings and code execution (audit events, PEP 578) while the block runs."""
    global _EVENTS, _hook_installed  # noqa: PLW0603 - an audit hook cannot be removed, so it reads a switch
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    events: list[tuple[str, tuple[Any, ...]]] = []
    _EVENTS = events
    try:
        yield events
    finally:
        _EVENTS = None


def _with_paths(plan: Plan, marker: str) -> Plan:
    location = SourceLocation(file=f"/{marker}/kế-hoạch.docx", line=3)
    tasks = tuple(attrs.evolve(task, source=location) for task in plan.tasks)
    return attrs.evolve(plan, source_file=f"../../{marker}/plan.pdf", tasks=tasks)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_paths_in_a_plan_are_never_opened_and_no_code_runs(example: Path, tmp_path: Path) -> None:
    marker = f"never-opened-{example.stem}"
    text = dumps(_with_paths(loads(example.read_text(encoding="utf-8")), marker))
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(text, encoding="utf-8")
    warm = parplan.load_example()  # what babel and the rendering load once (locale data) is loaded before recording
    check(warm, as_of=date(2022, 12, 31))
    for output in FORMATS:
        for locale in LOCALES:
            render(warm, format=output, locale=locale)
    with _recording() as events:
        plan = parplan.load(plan_file)
        loads(text)
        check(plan, as_of=date(2022, 12, 31))
        for output in FORMATS:
            for locale in LOCALES:
                render(plan, format=output, locale=locale)
        dumps(plan)
    assert plan.source_file is not None
    assert marker in plan.source_file
    opened = [arguments[0] for event, arguments in events if event == "open"]
    assert str(plan_file) in [str(path) for path in opened]
    assert not [path for path in opened if marker in str(path)]  # the paths the plan names are never opened
    assert [str(path) for path in opened if not isinstance(path, int)] == [str(plan_file)]  # nor anything else
    assert not [event for event, _ in events if event != "open"]  # and no code is compiled, run or unpickled


def test_the_recorder_sees_opens_and_code() -> None:
    with _recording() as events:
        Path(__file__).read_bytes()
        exec("1", {})  # noqa: S102 - the positive control of the recorder
    assert ("open", (__file__, "r", 524288)) in events or any(
        event == "open" and str(arguments[0]) == __file__ for event, arguments in events
    )
    assert any(event == "exec" for event, _ in events)


# --- HTML output escapes hostile text in every field --------------------------------------


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _markup(page: str) -> _Markup:
    parser = _Markup()
    parser.feed(page)
    parser.close()
    return parser


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RAW_TAG = re.compile(r"(?<!\\)(?:\\\\)*<(?!br>)[A-Za-z/!?]")
"""A '<' that Markdown reads as the start of a tag: after an even number of backslashes (none included)."""
_RAW_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")
"""A '|' that Markdown reads as a table cell's edge."""


def _open_directions(text: str) -> list[str]:
    """The direction embeddings, overrides and isolates ``text`` leaves open (UAX #9 pairing)."""
    stack: list[str] = []
    for char in _DIRECTION.findall(text):
        if char in "\u202a\u202b\u202d\u202e":
            stack.append("embedding")
        elif char in "\u2066\u2067\u2068":
            stack.append("isolate")
        elif char == "\u202c":
            if stack and stack[-1] == "embedding":
                stack.pop()
        elif "isolate" in stack:
            del stack[len(stack) - 1 - stack[::-1].index("isolate") :]
    return stack


@functools.cache
def _example(name: str) -> Plan:
    return loads((ROOT / "examples" / name).read_text(encoding="utf-8"))


@functools.cache
def _hostile(name: str, text: str) -> Plan:
    plan: Plan = with_text_everywhere(_example(name), text)
    assert plan != _example(name)
    return plan


def _collapsed(text: str) -> str:
    return " ".join(text.split())


_TEXTS = hostile_texts()


def test_the_hostile_texts_reach_many_fields() -> None:
    plan = _hostile("son-chau-2022.json", "HOSTILE")
    document = dumps(plan)
    assert document.count('"HOSTILE"') > 200  # titles, outputs, parties, headings, notes ...
    page = render(plan, format="html", locale="vi")
    assert page.count("HOSTILE") > 150


@pytest.mark.parametrize("text", _TEXTS, ids=[f"{i:02d}" for i in range(len(_TEXTS))])
@pytest.mark.parametrize("locale", ["vi", "en"])
def test_hostile_text_in_every_field_is_shown_as_text_in_html(text: str, locale: str) -> None:
    name = "son-giang-2021.json"
    page = render(_hostile(name, text), format="html", locale=locale)  # type: ignore[call-overload]
    reference = _markup(render(_example(name), format="html", locale=locale))  # type: ignore[call-overload]
    got = _markup(page)
    assert set(got.tags) <= set(reference.tags)  # no element comes from the text ...
    assert {name for name, _ in got.attributes} <= {name for name, _ in reference.attributes}  # ... nor attribute
    assert got.comments == reference.comments
    assert not _CONTROLS.search(page)  # no NUL or escape reaches the page
    for node in got.text:
        assert not _open_directions(node), repr(node)  # a direction change stays within its text
    if html.escape(text, quote=True) != text:
        assert text not in page  # never raw ...
    shown = _collapsed("".join(got.text))
    for line in text.splitlines():
        expected = _collapsed(_CONTROLS.sub("\ufffd", unicodedata.normalize("NFC", line)))  # plans hold NFC
        if expected:
            assert shown.count(expected) >= 5, expected  # ... always as text, in many places


@pytest.mark.parametrize("text", _TEXTS, ids=[f"{i:02d}" for i in range(len(_TEXTS))])
def test_hostile_text_in_every_field_stays_text_in_markdown(text: str) -> None:
    page = render(_hostile("son-giang-2021.json", text), format="markdown", locale="vi")
    assert not _CONTROLS.search(page)
    for line in page.splitlines():
        assert not _open_directions(line), repr(line)
        assert not _RAW_TAG.search(line), line  # the only markup is the line break
    reference = render(_example("son-giang-2021.json"), format="markdown", locale="vi")
    cells = {len(_RAW_PIPE.findall(line)) for line in page.splitlines() if line.startswith("|")}
    assert cells <= {len(_RAW_PIPE.findall(line)) for line in reference.splitlines() if line.startswith("|")}


@pytest.mark.parametrize("text", _TEXTS, ids=[f"{i:02d}" for i in range(len(_TEXTS))])
def test_hostile_text_in_check_output_is_safe_for_a_terminal(text: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(dumps(_hostile("son-giang-2021.json", text)), encoding="utf-8")
    for output in ("text", "json", "sarif"):
        out, err = io.StringIO(), io.StringIO()
        code = parplan.cli.main(["check", str(path), "--output-format", output, "--locale", "vi"], out=out, err=err)
        assert code in {0, 1}, err.getvalue()
        assert err.getvalue() == ""
        if output == "text":  # one finding per line, nothing a terminal would act upon
            lines = out.getvalue().splitlines()
            assert not _CONTROLS.search(out.getvalue())
            assert all(re.match(rf"{re.escape(str(path))}:\d+:\d+: PP\d+ ", line) for line in lines[:-1])
        else:  # JSON escapes what is not text; the data stays as it is
            json.loads(out.getvalue())
            assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", out.getvalue())
