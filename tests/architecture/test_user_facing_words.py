"""User-facing text names the example plans by place and file, never by internal corpus names.

The example plans are xã Sơn Châu 2022 (``examples/son-chau-2022.json``), huyện
Mang Yang 2021 (``examples/mang-yang-2021.json``) and xã Sơn Giang 2021
(``examples/son-giang-2021.json``). The numbers and folders of the corpus they were
transcribed from, and the files of that corpus, are not shipped: a reader of the
docs, of ``docs/rules.md`` (generated from the rules' docstrings), of a message or
of an example plan cannot look them up. Tests may keep such names; what ships may not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SHIPPED = ("src", "docs", "examples", "benchmarks", "README.md", "CHANGELOG.md")
"""What users read: the package (docstrings, comments, messages, data), the docs, the examples, the benchmarks."""

TEXT_SUFFIXES = frozenset({".py", ".pyi", ".md", ".json", ".toml", ".txt", ".html", ".css", ".js", ".csv", ".yaml"})

FORBIDDEN = re.compile(
    r"seed[ _-]?0"  # "seed 004", "Seed 001's", "seed0", "seed_000"
    r"|seeds?/"  # "seeds/004.txt"
    r"|\.\./shared/"  # the team's notes beside the repository
    r"|\b\d{3}_[0-9a-f]{16}\.txt\b",  # the corpus's text files, "001_a471a71f268e914a.txt"
    re.IGNORECASE,
)


def _files() -> list[Path]:
    found: list[Path] = []
    for name in SHIPPED:
        path = ROOT / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(
                file
                for file in sorted(path.rglob("*"))
                if file.is_file() and file.suffix in TEXT_SUFFIXES and "__pycache__" not in file.parts
            )
    return found


def test_there_is_text_to_search() -> None:
    names = {path.relative_to(ROOT).parts[0] for path in _files()}
    assert {"src", "docs", "examples", "README.md"} <= names


@pytest.mark.parametrize(
    "text",
    [
        "Seed 004 leaves the cell of row 6 empty",
        "as seed 001 does",
        "seed0",
        "SEED_000",
        "see ../shared/DOMAIN.md",
        "transcribed from seeds/004.txt",
        '"source_file": "001_a471a71f268e914a.txt"',
    ],
)
def test_the_pattern_catches_internal_names(text: str) -> None:
    assert FORBIDDEN.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "xã Sơn Châu 2022 (examples/son-chau-2022.json)",
        "random inputs are seeded",
        "--seed 7",
        "PYTHONHASHSEED=0",
        "tests/documents/real/mang-yang-2021.txt",
    ],
)
def test_the_pattern_leaves_ordinary_words_alone(text: str) -> None:
    assert FORBIDDEN.search(text) is None


def test_no_internal_corpus_names_in_what_ships() -> None:
    hits = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()[:100]}"
        for path in _files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if FORBIDDEN.search(line)
    ]
    assert hits == [], "name the example plans by place and file instead:\n" + "\n".join(hits)
