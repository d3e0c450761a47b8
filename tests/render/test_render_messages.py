"""The vi/en message catalogue: complete, consistent, and every entry in use."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from parplan import Frequency, InvariantError, SigningCapacity, UnitKind
from parplan.render.messages import CATALOGUE, LOCALES, check_locale, message

RENDER_SOURCES = sorted(
    path
    for path in (Path(__file__).parents[2] / "src" / "parplan" / "render").glob("*.py")
    if path.name != "messages.py"
)


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_as_well_formed_templates(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LOCALES)
    vi, en = entry["vi"], entry["en"]
    assert vi == vi.strip()
    assert en == en.strip()
    if key != "doc.english_note":  # a note only the English rendering needs
        assert vi
    assert en
    # Both wordings are well-formed templates that the same values fill.
    values: dict[str, object] = dict.fromkeys(_fields(vi) | _fields(en), "X")
    values["month"] = 1  # months are numbers, written with two digits
    assert "{" not in vi.format(**values)
    assert "{" not in en.format(**values)


@pytest.mark.parametrize(
    ("prefix", "members"),
    [
        ("frequency.", [f.value for f in Frequency]),
        ("capacity.", [c.value for c in SigningCapacity]),
        ("admin.", [k.value for k in UnitKind]),
    ],
)
def test_every_member_of_an_enum_has_its_message(prefix: str, members: list[str]) -> None:
    keys = {key.removeprefix(prefix) for key in CATALOGUE if key.startswith(prefix)}
    assert keys == set(members)


# Keys built from a value: f"frequency.{f.value}", f"column.{name}", "period.month" + ".in" …
_DYNAMIC = (
    "frequency.",
    "capacity.",
    "admin.",
    "title.",
    "target.",
    "rank.",
    "period.",
    "quantity.",
    "column.",
    "timeframe.part.",
    # the words of progress, by the value of an enum member (tests/progress/test_render_progress.py holds them)
    "progress.period.",
    "task_state.",
    "task_status.",
    "target_state.",
    "timeliness.",
)


def test_every_entry_is_used() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in RENDER_SOURCES)
    literals = set(re.findall(r'"([a-z_]+(?:\.[a-z_0-9 ]+)+)"', source))
    unused = sorted(key for key in CATALOGUE if key not in literals and not key.startswith(_DYNAMIC))
    assert unused == []


def test_message_fills_values() -> None:
    assert message("doc.number", "vi", symbol="06/KH-UBND") == "Số: 06/KH-UBND"
    assert message("doc.number", "en", symbol="06/KH-UBND") == "No.: 06/KH-UBND"


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_check_locale_accepts(locale: str) -> None:
    assert check_locale(locale) == locale


@pytest.mark.parametrize("locale", ["fr-VN", "vie", "", None, "fr"])
def test_check_locale_refuses(locale: object) -> None:
    with pytest.raises(InvariantError) as caught:
        check_locale(locale, "render.locale")
    assert caught.value.field == "render.locale"
    assert caught.value.value == locale
