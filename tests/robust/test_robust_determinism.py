"""Determinism: the same bytes from dumps, check and render whatever the hash seed, locale, time zone or order.

Each environment runs in a fresh interpreter that computes the outputs for the
example plans (and a plan with hostile text in every field) in its own order
and prints their digests; all must agree with each other and with this process.
Another fresh interpreter forbids the clock and then loads, checks and renders:
nothing reads the date unless it is given (``as_of``).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from robust_support import EXAMPLES, ROOT

OUTPUTS = textwrap.dedent(
    """
    import hashlib, io, json, os, random, sys
    if os.environ.get("BLOCK_ORJSON"):
        sys.modules["orjson"] = None  # as if orjson were not installed
    sys.path.insert(0, os.path.join(sys.argv[1], "tests"))
    import parplan, parplan.cli
    from parplan.render import FORMATS, LOCALES
    from robust_support import with_text_everywhere

    examples = sys.argv[2:]

    def digest(text):  # Word and Excel files are bytes, the other outputs text
        return hashlib.sha256(text if isinstance(text, bytes) else text.encode("utf-8")).hexdigest()

    def dumps(path):
        return parplan.dumps(parplan.load(path))

    def check(path, output, locale):
        out, err = io.StringIO(), io.StringIO()
        code = parplan.cli.main(["check", path, "--output-format", output, "--locale", locale], out=out, err=err)
        return f"{code}\\n{out.getvalue()}{err.getvalue()}"

    def render(path, output, locale, hostile):
        plan = parplan.load(path)
        if hostile:
            plan = with_text_everywhere(plan, "<b>\\u202e\\x00 & Ð</b>")
        return parplan.render(plan, format=output, locale=locale)

    jobs = []
    for path in examples:
        name = os.path.basename(path)
        jobs.append((f"dumps {name}", lambda path=path: dumps(path)))
        for output in ("text", "json", "sarif"):
            for locale in ("vi", "en"):
                jobs.append((f"check {output} {locale} {name}", lambda p=path, o=output, l=locale: check(p, o, l)))
        for output in FORMATS:
            for locale in LOCALES:
                for hostile in (False, True):
                    key = f"render {output} {locale} {'hostile ' if hostile else ''}{name}"
                    jobs.append((key, lambda p=path, o=output, l=locale, h=hostile: render(p, o, l, h)))
    jobs.append(("load_many", lambda: "\\n".join(str(p) for p, _ in parplan.load_many(os.path.dirname(examples[0])))))
    order = os.environ.get("ORDER", "forward")
    if order == "reverse":
        jobs.reverse()
    elif order != "forward":
        random.Random(order).shuffle(jobs)
    print(json.dumps({key: digest(job()) for key, job in jobs}, sort_keys=True))
    """
)

ENVIRONMENTS: dict[str, dict[str, str]] = {
    "C locale, UTC": {"PYTHONHASHSEED": "0", "LANG": "C", "LC_ALL": "C", "TZ": "UTC", "ORDER": "forward"},
    "Vietnamese, Hà Nội": {
        "PYTHONHASHSEED": "4242",
        "LANG": "vi_VN.UTF-8",
        "LC_ALL": "vi_VN.UTF-8",
        "TZ": "Asia/Ho_Chi_Minh",
        "ORDER": "reverse",
    },
    "Turkish, UTC+14, no orjson": {
        "PYTHONHASHSEED": "1",
        "LANG": "tr_TR.UTF-8",
        "LC_ALL": "tr_TR.UTF-8",
        "TZ": "Pacific/Kiritimati",
        "ORDER": "shuffled 1",
        "BLOCK_ORJSON": "1",
    },
    "random hash seed, UTC-8, no orjson": {
        "PYTHONHASHSEED": "random",
        "LANG": "en_US.UTF-8",
        "TZ": "America/Los_Angeles",
        "ORDER": "shuffled 2",
        "BLOCK_ORJSON": "1",
    },
}


def _environment(changes: dict[str, str]) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON")) and k != "LANG"}
    environment.update(changes)
    return environment


def _outputs(changes: dict[str, str]) -> dict[str, str]:
    result = subprocess.run(  # noqa: S603 - the test's own interpreter running the script above
        [sys.executable, "-c", OUTPUTS, str(ROOT), *map(str, EXAMPLES)],
        capture_output=True,
        text=True,
        check=False,
        env=_environment(changes),
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    outputs: dict[str, str] = json.loads(result.stdout)
    return outputs


@pytest.fixture(scope="module")
def reference() -> dict[str, str]:
    return _outputs({"PYTHONHASHSEED": "123", "ORDER": "forward"})


def test_the_outputs_cover_every_example_command_and_format(reference: dict[str, str]) -> None:
    from parplan.render import FORMATS, LOCALES

    renders = len(FORMATS) * len(LOCALES) * 2  # plain and hostile text
    assert len(reference) == len(EXAMPLES) * (1 + 6 + renders) + 1
    assert len(set(reference.values())) == len(reference)  # each output is different from the others


@pytest.mark.parametrize("name", sorted(ENVIRONMENTS))
def test_the_same_bytes_in_every_environment(name: str, reference: dict[str, str]) -> None:
    outputs = _outputs(ENVIRONMENTS[name])
    assert outputs.keys() == reference.keys()
    assert {key for key in outputs if outputs[key] != reference[key]} == set()


def test_the_same_bytes_as_in_this_process(reference: dict[str, str]) -> None:
    import parplan

    for path in EXAMPLES:
        text = parplan.dumps(parplan.load(path))
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == reference[f"dumps {path.name}"]
        page = parplan.render(parplan.load(path), format="html", locale="vi")
        assert hashlib.sha256(page.encode("utf-8")).hexdigest() == reference[f"render html vi {path.name}"]


NO_CLOCK = textwrap.dedent(
    """
    import sys
    sys.modules["_datetime"] = None  # the pure-Python datetime, which asks the time module for the date
    sys.modules["orjson"] = sys.modules["_zoneinfo"] = None  # C extensions that need the C datetime
    import datetime, time
    import parplan, parplan.cli
    from parplan.render import FORMATS, LOCALES

    def forbidden(*args, **kwargs):
        raise AssertionError("the clock was read")

    for name in ("time", "time_ns", "localtime", "gmtime", "ctime", "asctime", "strftime"):
        setattr(time, name, forbidden)
    try:
        datetime.date.today()
    except AssertionError:
        pass
    else:
        raise SystemExit("the clock could still be read")
    for path in sys.argv[1:]:
        plan = parplan.load(path)
        parplan.loads(parplan.dumps(plan))
        parplan.check(plan)
        parplan.check(plan, as_of=datetime.date(2022, 6, 30))
        for output in FORMATS:
            for locale in LOCALES:
                parplan.render(plan, format=output, locale=locale)
        code = parplan.cli.main(["check", path], out=open(__import__("os").devnull, "w"))
        assert code in (0, 1), code
    print("ok")
    """
)


def test_nothing_reads_the_clock_unless_asked() -> None:
    result = subprocess.run(  # noqa: S603 - the test's own interpreter running the script above
        [sys.executable, "-c", NO_CLOCK, *map(str, EXAMPLES)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr


def test_overdue_tasks_only_on_a_date_given() -> None:
    """Whether a task is overdue depends on a date; without one, the findings are the same on any day."""
    import parplan

    plan = parplan.load(ROOT / "examples" / "son-chau-2022.json")
    without = parplan.check(plan)
    assert "PP208" not in {finding.code for finding in without}
    assert "PP208" in {finding.code for finding in parplan.check(plan, as_of=date(2030, 1, 1))}
    assert "PP208" not in {finding.code for finding in parplan.check(plan, as_of=date(2021, 1, 1))}
