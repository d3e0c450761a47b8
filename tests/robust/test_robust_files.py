"""Files: broken, unreadable and odd entries are reported one by one and never stop a batch or hang.

Tests may run as root, which reads any file whatever its permissions, so
unreadable files and folders are simulated where the operating system is asked
(``os.open``, ``os.scandir``), besides entries nobody can read: a FIFO with no
writer, a dangling link, a folder where a file is expected, a loop of links.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import parplan.cli
from parplan import ParplanError, Plan, PlanBatchError, PlanFileError, PlanFormatError, dump, load, load_many, loads
from robust_support import example_texts

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")


@pytest.fixture
def plan() -> Plan:
    return loads(example_texts()["son-giang-2021.json"])


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make the operating system refuse to open or list a path, as it does without permission (even for root)."""
    denied: set[str] = set()
    real_open, real_scandir = os.open, os.scandir

    def guarded_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) in denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    def guarded_scandir(path: Any = ".") -> Any:
        if os.fspath(path) in denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    return lambda path: denied.add(os.fspath(path))


# --- load ---------------------------------------------------------------------------------


def _file_error(path: Path) -> PlanFileError:
    with pytest.raises(PlanFileError) as caught:
        load(path)
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}: cannot be read or written: ")
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    assert _file_error(tmp_path / "missing.json").errno == errno.ENOENT


def test_a_folder_where_a_file_is_expected(tmp_path: Path) -> None:
    (tmp_path / "plan.json").mkdir()
    assert _file_error(tmp_path / "plan.json").errno == errno.EISDIR


def test_unreadable_file(tmp_path: Path, plan: Plan, refused: Callable[[Path], None]) -> None:
    path = tmp_path / "plan.json"
    dump(plan, path)
    refused(path)
    error = _file_error(path)
    assert error.errno == errno.EACCES
    assert str(error) == f"{path}: cannot be read or written: Permission denied"


@needs_links
def test_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "plan.json").symlink_to(tmp_path / "gone.json")
    assert _file_error(tmp_path / "plan.json").errno == errno.ENOENT


@needs_links
def test_loop_of_links(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert _file_error(tmp_path / "a.json").errno == errno.ELOOP


@needs_fifo
def test_a_fifo_without_a_writer_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(PlanFormatError) as caught:  # read as the empty document it is
        load(fifo)
    assert [p.path for p in caught.value.problems] == ["$"]
    assert caught.value.source == str(fifo)


@needs_fifo
def test_a_fifo_with_a_writer_is_read(tmp_path: Path, plan: Plan) -> None:
    """A pipe is read once its writer has opened it; a reader that came first reads nothing and tries again."""
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    data = parplan.dumps(plan).encode("utf-8")
    received = threading.Event()

    def write() -> None:
        while not received.is_set():
            descriptor = os.open(fifo, os.O_WRONLY)  # waits for a reader
            try:
                os.write(descriptor, data)
            except BrokenPipeError:  # that reader had read nothing and left
                pass
            finally:
                os.close(descriptor)

    writer = threading.Thread(target=write)
    writer.start()
    loaded: Plan | None = None
    while loaded is None:
        try:
            loaded = load(fifo)
        except PlanFormatError:  # opened before the writer: nothing to read yet
            continue
    received.set()
    last = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # lets a writer waiting for one more reader finish
    writer.join()
    os.close(last)
    assert loaded == plan


# --- load_many ----------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, plan: Plan) -> Path:
    root = tmp_path / "plans"
    (root / "2021" / "khối xã").mkdir(parents=True)
    (root / "2022").mkdir()
    dump(plan, root / "2021" / "a-good.json")
    dump(plan, root / "2021" / "khối xã" / "b-good.json")
    (root / "2021" / "c-broken.json").write_text('{"format_version": 1, "title": ', encoding="utf-8")
    (root / "2021" / "d-empty.toml").write_text("", encoding="utf-8")
    (root / "2021" / "e-folder.json").mkdir()  # a folder with a plan's name is searched, not read
    dump(plan, root / "2021" / "e-folder.json" / "f-inside.json")
    (root / "2021" / "notes.txt").write_text("không phải kế hoạch", encoding="utf-8")
    dump(plan, root / "2022" / "g-good.json")
    return root


def _batch(source: Any, **options: Any) -> tuple[list[str], list[tuple[str, ParplanError]]]:
    seen: list[str] = []
    with pytest.raises(PlanBatchError) as caught:
        seen.extend(path.name for path, _ in load_many(source, **options))
    return seen, list(caught.value.failures)


def test_load_many_streams_past_broken_files_and_reports_each(folder: Path) -> None:
    seen, failures = _batch(folder)
    assert seen == ["a-good.json", "f-inside.json", "b-good.json", "g-good.json"]
    assert [Path(path).name for path, _ in failures] == ["c-broken.json", "d-empty.toml"]
    for path, error in failures:
        assert isinstance(error, PlanFormatError)
        assert error.source == path
        assert error.problems


@needs_links
@needs_fifo
def test_load_many_reports_entries_that_cannot_be_read(
    folder: Path, plan: Plan, refused: Callable[[Path], None]
) -> None:
    year = folder / "2021"
    (year / "h-dangling.json").symlink_to(year / "nowhere.json")
    (year / "i-link.json").symlink_to(year / "a-good.json")
    (year / "j-loop").symlink_to(year)  # a loop of folders is not followed
    os.mkfifo(year / "k-fifo.json")
    dump(plan, year / "l-locked.json")
    refused(year / "l-locked.json")
    (folder / "2023").mkdir()
    dump(plan, folder / "2023" / "m-hidden.json")
    refused(folder / "2023")
    seen, failures = _batch(folder)
    assert seen == ["a-good.json", "f-inside.json", "i-link.json", "b-good.json", "g-good.json"]
    reported = {Path(path).name: error for path, error in failures}
    assert sorted(reported) == [
        "2023",
        "c-broken.json",
        "d-empty.toml",
        "h-dangling.json",
        "k-fifo.json",
        "l-locked.json",
    ]
    assert isinstance(reported["h-dangling.json"], PlanFileError)
    assert reported["h-dangling.json"].errno == errno.ENOENT
    assert isinstance(reported["l-locked.json"], PlanFileError)
    assert reported["l-locked.json"].errno == errno.EACCES
    assert isinstance(reported["2023"], PlanFileError)  # the folder that cannot be listed, in its place
    assert isinstance(reported["k-fifo.json"], PlanFormatError)
    lines = PlanBatchError(failures).describe().splitlines()
    assert lines
    assert all(line.startswith(str(folder)) for line in lines)


def test_load_many_with_a_callback(folder: Path, refused: Callable[[Path], None]) -> None:
    refused(folder / "2022")
    errors: list[tuple[Path, ParplanError]] = []
    plans = list(load_many(folder, on_error=lambda path, error: errors.append((path, error))))
    assert len(plans) == 3
    assert [path.name for path, _ in errors] == ["c-broken.json", "d-empty.toml", "2022"]


def test_load_many_over_missing_paths_and_files(folder: Path) -> None:
    sources = [folder / "missing", folder / "2022" / "g-good.json", folder / "2021" / "c-broken.json"]
    seen, failures = _batch(sources)
    assert seen == ["g-good.json"]
    assert [(Path(path).name, type(error).__name__) for path, error in failures] == [
        ("missing", "PlanFileError"),
        ("c-broken.json", "PlanFormatError"),
    ]


# --- the command line: one clear line, exit code 2, no traceback ----------------------------


def _run(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = parplan.cli.main(list(arguments), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def odd_paths(tmp_path: Path, plan: Plan, refused: Callable[[Path], None]) -> dict[str, tuple[Path, str]]:
    """Paths that cannot be read, with the reason each gives."""
    paths: dict[str, tuple[Path, str]] = {
        "missing": (tmp_path / "missing.json", "No such file or directory"),
        "folder": (tmp_path / "folder.json", "Is a directory"),
        "locked": (tmp_path / "locked.json", "Permission denied"),
    }
    (tmp_path / "folder.json").mkdir()
    dump(plan, tmp_path / "locked.json")
    refused(tmp_path / "locked.json")
    if sys.platform != "win32":
        (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
        paths["dangling"] = (tmp_path / "dangling.json", "No such file or directory")
    return paths


@pytest.mark.parametrize("kind", ["missing", "folder", "locked", "dangling"])
def test_check_and_render_say_it_in_one_line(kind: str, odd_paths: dict[str, tuple[Path, str]]) -> None:
    if kind not in odd_paths:
        pytest.skip("symbolic links need privileges on Windows")
    path, reason = odd_paths[kind]
    code, out, err = _run("check", str(path))
    assert (code, out) == (2, "")
    if kind == "folder":  # a folder is searched for plans by check
        assert err == f"{path}: no plan files (.json, .toml) in this folder\n"
    else:
        assert err == f"{path}: cannot be read: {reason}\n"
    code, out, err = _run("render", str(path))
    assert (code, out) == (2, "")
    assert err == f"parplan render: {path}: cannot be read or written: {reason}\n"


def test_check_reports_each_broken_file_and_checks_the_rest(folder: Path) -> None:
    code, out, err = _run("check", str(folder), "--output-format", "json")
    assert code == 2
    assert "Traceback" not in err
    broken = folder / "2021" / "c-broken.json"
    empty = folder / "2021" / "d-empty.toml"
    assert [line.split(": ")[0] for line in err.splitlines()] == [str(broken), str(broken), str(empty), str(empty)]
    files = {finding["file"] for finding in json.loads(out)}  # the plans that loaded were checked
    assert files == {str(path) for path in folder.rglob("*good.json")} | {
        str(folder / "2021/e-folder.json/f-inside.json")
    }


@pytest.mark.parametrize("command", ["check", "render"])
def test_no_traceback_from_the_real_command(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff\xfe not a plan")
    for path in (missing, broken):
        result = subprocess.run(  # noqa: S603 - the test's own interpreter running parplan
            [sys.executable, "-m", "parplan", command, str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") <= 2, result.stderr
        assert str(path) in result.stderr
