"""Where a write goes: links are followed, FIFOs and devices written through, regular files replaced atomically."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

import parplan
from builders import minimal_plan
from parplan.errors import PlanFileError
from parplan.io.files import write_atomic

PLAN = minimal_plan()
TEXT = parplan.dumps(PLAN).encode()


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.json"
    link.symlink_to(target)
    parplan.dump(PLAN, link)
    assert link.is_symlink()
    assert link.readlink() == target
    assert target.read_bytes() == TEXT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "real.json"]


def test_a_chain_of_links_and_a_dangling_link(tmp_path: Path) -> None:
    final = tmp_path / "final.json"
    middle = tmp_path / "middle.json"
    middle.symlink_to(final)  # dangling until written
    first = tmp_path / "plan.json"
    first.symlink_to(middle)
    parplan.dump(PLAN, first)
    assert first.is_symlink()
    assert middle.is_symlink()
    assert final.read_bytes() == TEXT


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    parplan.dump(PLAN, fifo)
    reader.join(timeout=30)
    assert received == [TEXT]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_character_device_is_written_through() -> None:
    devnull = Path(os.devnull)
    before = devnull.stat()
    parplan.dump(PLAN, devnull)
    after = devnull.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_dash_is_standard_output(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    write_atomic("-", b"hello\n")
    assert capfdbinary.readouterr().out == b"hello\n"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="Is a directory"):
        write_atomic(tmp_path, b"x")


def test_a_255_byte_name_works(tmp_path: Path) -> None:
    name = "k" * 250 + ".json"
    assert len(name.encode()) == 255
    parplan.dump(PLAN, tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    vietnamese = ("kế-hoạch-" * 40)[:200] + ".json"
    while len(vietnamese.encode()) > 255:
        vietnamese = vietnamese[1:]
    parplan.dump(PLAN, tmp_path / vietnamese)
    assert (tmp_path / vietnamese).read_bytes() == TEXT


def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    parplan.dump(PLAN, path)
    umask = _umask()
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    path.chmod(0o640)
    parplan.dump(PLAN, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _umask() -> int:
    """The process's umask, read from /proc where possible (reading it with os.umask sets it)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)  # pragma: no cover - not Linux
    os.umask(current)
    return current


def test_a_write_does_not_touch_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_: int) -> int:
        raise AssertionError("os.umask changes process-wide state")

    monkeypatch.setattr(os, "umask", refuse)
    parplan.dump(PLAN, tmp_path / "plan.json")


def test_a_failed_write_leaves_nothing_and_a_killed_one_is_cleaned_later(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    parplan.dump(PLAN, path)
    stale = tmp_path / ".plan.json.parplan-0123456789ab.tmp"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".plan.json.parplan-ba9876543210.tmp"
    fresh.write_bytes(b"being written")
    parplan.dump(PLAN, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "plan.json"]


def test_a_temporary_name_is_parplan_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = Path.replace

    def watch(self: Path, target: Path) -> Path:
        seen.append(self.name)
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", watch)
    parplan.dump(PLAN, tmp_path / "plan.json")
    [name] = seen
    assert name.startswith(".plan.json.parplan-")
    assert name.endswith(".tmp")
