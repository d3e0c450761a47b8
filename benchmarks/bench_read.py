"""How long the plan reader takes: milliseconds per plan, per format.

Run: ``python benchmarks/bench_read.py [REPEAT] [--cold]``. Prints the time to read a
generated plan of 100 tasks (50 numbered items in the body with their lead and time,
50 appendix rows) from text, each labelled real plan from text, the Word files,
PDFs and saved web pages of ``tests/documents/formats`` and the three example plans
rendered as HTML, through ``parplan.read`` (format reader and plan reader together).
The goal is 50 ms per plan of 100 tasks from text.

Times are the process's CPU time (``time.process_time``), not wall-clock time: the
machine may be shared, and waiting for the processor is not work. Each document is
read once to warm up, then ``REPEAT`` times (20 by default) with the collector paused;
the median and the fastest run are printed, with the load average before and after.
``--cold`` empties the reader's caches of values read before (timeframe phrases, places,
names) before every run, as for a plan never seen.
"""

from __future__ import annotations

import functools
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import parplan

ROOT = Path(__file__).resolve().parent.parent
AREAS = (
    "Công tác chỉ đạo, điều hành",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy",
    "Cải cách chế độ công vụ",
)
TIMES = ("Quý I/2024", "trước ngày 30/6/2024", "Thường xuyên", "Tháng 01/2024", "Trong năm")


def plan_of(tasks: int = 100) -> str:
    """A plan text with ``tasks`` tasks, half in the body, half in the appendix."""
    lines = [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN BÌNH\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-UBND\tAn Bình, ngày 05 tháng 01 năm 2024",
        "",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
        "",
        "Căn cứ Kế hoạch số 210/KH-UBND ngày 20/12/2023 của UBND huyện Đông Sơn về cải cách hành chính năm 2024;",
        "I. NHIỆM VỤ",
    ]
    body = tasks // 2
    for index in range(body):
        if index % 10 == 0:
            lines.append(f"{index // 10 + 1}. {AREAS[(index // 10) % len(AREAS)]}")
        letter = "abcdeghikl"[index % 10]
        lines.append(
            f"{letter}) Rà soát, cập nhật hồ sơ số {index + 1} tại Bộ phận Một cửa. Văn phòng - Thống kê chủ trì, "
            f"Tư pháp - Hộ tịch phối hợp; thời gian: {TIMES[index % len(TIMES)]}."
        )
    lines += [
        "",
        "Nơi nhận:",
        "- Phòng Nội vụ huyện;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "",
        "Trần Văn Nam",
        "",
    ]
    lines += ["PHỤ LỤC", "TT\tNhiệm vụ\tSản phẩm\tChủ trì\tPhối hợp\tThời gian\tKinh phí (triệu đồng)"]
    for index in range(tasks - body):
        if index % 10 == 0:
            lines.append(
                f"{['I', 'II', 'III', 'IV', 'V', 'VI'][index // 10 % 6]}\t{AREAS[(index // 10) % len(AREAS)].upper()}\t\t\t\t\t"  # noqa: E501
            )
        lines.append(
            f"{index + 1}\tTổ chức thực hiện nhiệm vụ số {index + 1}\tBáo cáo\tVăn phòng - Thống kê\t"
            f"Các công chức liên quan\t{TIMES[index % len(TIMES)]}\t{index % 7 + 1}"
        )
    return "\n".join(lines) + "\n"


_READING = ("parplan.read", "parplan.text", "parplan.org")
"""The modules whose caches keep values read before (phrases, places, names), emptied by ``--cold``; the
caches of constants (the calendar of working days, locales) are kept, as for any plan after the first."""


def _clear_caches() -> None:
    """Empty the caches of values read before, as for a plan never seen."""
    for name, module in list(sys.modules.items()):
        if name.startswith(_READING):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", "").startswith(_READING):
                    clear()


def measure(label: str, read: Callable[[], parplan.Reading], repeat: int, *, cold: bool = False) -> float:
    """CPU milliseconds per reading, the median of ``repeat`` runs (after one warm-up); prints the figures."""
    reading = read()
    times = []
    for _ in range(repeat):
        if cold:
            _clear_caches()
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            read()
            times.append((time.process_time() - start) * 1000)
        finally:
            gc.enable()
    tasks = len(reading.plan.tasks) if reading.plan else 0
    median = statistics.median(times)
    per_hundred = f"{median * 100 / tasks:7.1f} ms per 100 tasks" if tasks >= 20 else ""
    print(f"{label:36s} {tasks:4d} tasks {median:7.1f} ms per plan (fastest {min(times):6.1f})  {per_hundred}")
    return median


def main() -> int:
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    cold = "--cold" in sys.argv[1:]
    repeat = int(arguments[0]) if arguments else 20
    print(f"CPU time, {repeat} runs each{', caches emptied before each run' if cold else ''}")
    print("load average: " + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    print("format: text")
    generated = plan_of(100)
    measure("generated plan, 100 tasks", functools.partial(parplan.read_text, generated), repeat, cold=cold)
    for path in sorted((ROOT / "tests" / "documents" / "real").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        measure(path.name, functools.partial(parplan.read_text, text), repeat, cold=cold)
    documents = ROOT / "tests" / "documents" / "formats"
    for suffix, extra in (("docx", "python-docx"), ("pdf", "pypdfium2")):
        print(f"format: {suffix} (parplan.read: the format reader and the plan reader)")
        paths = [path for path in sorted(documents.glob(f"*.{suffix}")) if not path.name.startswith("scan-")]
        try:
            medians = [measure(path.name, functools.partial(parplan.read, path), repeat, cold=cold) for path in paths]
        except parplan.ReadError as error:
            print(f"  skipped ({extra} is not installed?): {error}")
            continue
        print(f"{'median of the plans':36s}            {statistics.median(medians):7.1f} ms per plan")
    _measure_html(documents, repeat, cold=cold)
    print("load average: " + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    return 0


def _measure_html(documents: Path, repeat: int, *, cold: bool) -> None:
    """The saved web pages of the test documents, and the example plans as parplan renders them in HTML."""
    print("format: html (parplan.read: the format reader and the plan reader)")
    paths = sorted(path for path in documents.iterdir() if path.suffix in {".html", ".htm"})
    with tempfile.TemporaryDirectory() as folder:
        for name in ("son-chau-2022", "mang-yang-2021", "son-giang-2021"):
            page = Path(folder) / f"{name}.rendered.html"
            page.write_text(parplan.render(parplan.load_example(name), format="html", locale="vi"), encoding="utf-8")
            paths.append(page)
        medians = [measure(path.name, functools.partial(parplan.read, path), repeat, cold=cold) for path in paths]
    print(f"{'median of the plans':36s}            {statistics.median(medians):7.1f} ms per plan")


if __name__ == "__main__":
    raise SystemExit(main())
