"""Files: load and dump by path, the atomic replacement of ``dump``, and ``load_many`` over folders."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any, Self

import pytest

from builders import minimal_plan
from parplan import (
    ParplanError,
    Plan,
    PlanBatchError,
    PlanFileError,
    PlanFormatError,
    Task,
    dump,
    dumps,
    load,
    load_many,
)

make_plan = minimal_plan


OLD = make_plan(2021)
NEW = make_plan(2022, tasks=[Task(id="1", title="Ban hành các văn bản chỉ đạo")])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- dump and load ----------------------------------------------------------------------


def test_dump_then_load(tmp_path: Path) -> None:
    path = tmp_path / "son-chau-2022.json"
    dump(NEW, path)
    assert path.read_bytes() == dumps(NEW).encode("utf-8")
    assert load(path) == NEW
    assert load(str(path)) == NEW
    assert leftovers(tmp_path) == ["son-chau-2022.json"]


def test_dump_replaces_a_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    dump(OLD, path)
    path.chmod(0o640)
    dump(NEW, path)
    assert load(path) == NEW
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == ["plan.json"]


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        dump(NEW, tmp_path / "plan.json")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "plan.json").stat().st_mode) == 0o640


def _assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert load(path) == OLD
    assert leftovers(path.parent) == [path.name]


def test_a_failure_while_syncing_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.json"
    dump(OLD, path)
    before = path.read_bytes()

    def failing_fsync(_: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(PlanFileError) as caught:
        dump(NEW, path)
    assert (caught.value.path, caught.value.reason, caught.value.errno) == (str(path), "Input/output error", errno.EIO)
    assert str(caught.value) == f"{path}: cannot be read or written: Input/output error"
    _assert_untouched(path, before)


def test_a_failure_half_way_through_writing_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.json"
    dump(OLD, path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Self:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def half_fdopen(fd: int, *args: Any, **kwargs: Any) -> HalfWriter:
        return HalfWriter(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr(os, "fdopen", half_fdopen)
    with pytest.raises(PlanFileError) as caught:
        dump(NEW, path)
    assert caught.value.errno == errno.ENOSPC
    _assert_untouched(path, before)


def test_an_interruption_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.json"
    dump(OLD, path)
    before = path.read_bytes()

    def interrupted(_: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        dump(NEW, path)
    _assert_untouched(path, before)


def test_a_plan_that_cannot_be_written_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    dump(OLD, path)
    before = path.read_bytes()
    with pytest.raises(PlanFormatError):
        dump(make_plan(2022, notes="\udc80"), path)
    _assert_untouched(path, before)


def test_dump_into_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "plan.json"
    with pytest.raises(PlanFileError) as caught:
        dump(NEW, path)
    assert caught.value.errno == errno.ENOENT
    assert caught.value.path == str(path)
    assert leftovers(tmp_path) == []


def test_dump_onto_a_folder_leaves_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plan.json"
    folder.mkdir()
    with pytest.raises(PlanFileError) as caught:
        dump(NEW, folder)
    assert caught.value.errno in {errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST}
    assert folder.is_dir()
    assert leftovers(tmp_path) == ["plan.json"]


def test_dump_where_the_folder_refuses_new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # what an unwritable folder does, also when the tests run as root (who may write anywhere)
    path = tmp_path / "plan.json"
    dump(OLD, path)
    before = path.read_bytes()

    real_open = os.open

    def refuse(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PlanFileError) as caught:
        dump(NEW, path)
    assert (caught.value.errno, caught.value.reason) == (errno.EACCES, "Permission denied")
    _assert_untouched(path, before)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write into read-only folders")
def test_dump_into_a_read_only_folder(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    dump(OLD, path)
    before = path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(PlanFileError) as caught:
            dump(NEW, path)
    finally:
        tmp_path.chmod(0o700)
    assert caught.value.errno == errno.EACCES
    _assert_untouched(path, before)


def test_load_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(PlanFileError) as caught:
        load(missing)
    assert caught.value.errno == errno.ENOENT
    assert str(caught.value) == f"{missing}: cannot be read or written: No such file or directory"
    assert isinstance(caught.value, OSError)
    with pytest.raises(PlanFileError) as caught:
        load(tmp_path)
    assert caught.value.errno == errno.EISDIR


def test_load_names_the_file_in_problems(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format_version": 1, "title": "x"}', encoding="utf-8")
    with pytest.raises(PlanFormatError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert caught.value.describe() == "\n".join(
        f"{path}: $.{field}: required field is missing" for field in ("issuer", "unit")
    )


def test_load_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    dump(NEW, path)
    size = path.stat().st_size
    assert load(path, max_bytes=size) == NEW
    with pytest.raises(PlanFormatError) as caught:
        load(path, max_bytes=size - 1)
    assert [str(p) for p in caught.value.problems] == [
        f"$: file of {size} bytes is larger than the limit of {size - 1}"
    ]
    assert caught.value.source == str(path)


def test_load_reads_toml_by_suffix(tmp_path: Path) -> None:
    toml = (
        "format_version = 1\n"
        'title = "Kế hoạch CCHC năm 2021"\n'
        "year = 2021\n"
        '[issuer]\nname = "UBND xã Sơn Châu"\n'
        '[unit]\nname = "Sơn Châu"\nkind = "xa"\n'
    )
    for name in ("plan.toml", "PLAN.TOML"):
        (tmp_path / name).write_text(toml, encoding="utf-8")
        assert load(tmp_path / name) == OLD
    (tmp_path / "plan.txt").write_text(toml, encoding="utf-8")
    with pytest.raises(PlanFormatError):
        load(tmp_path / "plan.txt")  # anything but .toml is read as JSON


# --- load_many --------------------------------------------------------------------------


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "plans"
    (root / "2021").mkdir(parents=True)
    (root / "2022").mkdir()
    dump(OLD, root / "2021" / "son-chau.json")
    dump(NEW, root / "2022" / "son-chau.json")
    (root / "2022" / "broken.json").write_text('{"format_version": 1, "title": "x"}', encoding="utf-8")
    (root / "2022" / "notes.txt").write_text("không phải kế hoạch", encoding="utf-8")
    (root / "2022" / "empty.toml").write_text("", encoding="utf-8")
    return root


def test_load_many_streams_good_plans_then_reports_broken_files(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    seen: list[tuple[Path, Plan]] = []
    with pytest.raises(PlanBatchError) as caught:
        seen.extend(load_many(root))
    assert seen == [(root / "2021" / "son-chau.json", OLD), (root / "2022" / "son-chau.json", NEW)]
    failures = caught.value.failures
    assert [path for path, _ in failures] == [str(root / "2022" / "broken.json"), str(root / "2022" / "empty.toml")]
    assert all(isinstance(error, PlanFormatError) for _, error in failures)
    broken = root / "2022" / "broken.json"
    empty = root / "2022" / "empty.toml"
    assert str(caught.value) == f"2 files could not be loaded: {broken}; {empty}"
    assert caught.value.describe() == (
        f"{broken}: $.issuer: required field is missing\n"
        f"{broken}: $.unit: required field is missing\n"
        f"{empty}: $.format_version: required field is missing (this release writes 2)"
    )


def test_load_many_with_a_callback_keeps_going(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    errors: list[tuple[Path, ParplanError]] = []
    plans = list(load_many(root, on_error=lambda path, error: errors.append((path, error))))
    assert [plan for _, plan in plans] == [OLD, NEW]
    assert [path.name for path, _ in errors] == ["broken.json", "empty.toml"]


def test_load_many_over_a_list_of_files_and_folders(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    missing = root / "missing.json"
    sources: list[str | os.PathLike[str]] = [root / "2022" / "son-chau.json", str(root / "2021"), missing]
    loaded: list[Plan] = []
    with pytest.raises(PlanBatchError) as caught:
        loaded.extend(plan for _, plan in load_many(sources))
    assert loaded == [NEW, OLD]
    [(path, error)] = caught.value.failures
    assert path == str(missing)
    assert isinstance(error, PlanFileError)
    assert error.errno == errno.ENOENT


def test_load_many_over_a_clean_folder_raises_nothing(tmp_path: Path) -> None:
    dump(OLD, tmp_path / "a.json")
    dump(NEW, tmp_path / "b.JSON")
    assert [plan for _, plan in load_many(tmp_path)] == [OLD, NEW]
    assert list(load_many(tmp_path / "a.json")) == [(tmp_path / "a.json", OLD)]
    assert list(load_many([])) == []


def test_dumped_files_are_plain_json(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    dump(NEW, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["tasks"] == [{"id": "1", "title": "Ban hành các văn bản chỉ đạo"}]
