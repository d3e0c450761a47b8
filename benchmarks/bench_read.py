"""How long the plan reader takes: milliseconds per plan, per format.

Run: ``python benchmarks/bench_read.py``. Prints the time to read a generated plan
of 100 tasks (50 numbered items in the body with their lead and time, 50 appendix
rows) from text, and each labelled real plan. The goal is 50 ms per plan of 100
tasks from text. Formats other than text are added by their readers.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
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


def measure(label: str, text: str, repeat: int) -> float:
    """Milliseconds per reading of ``text``, the median of ``repeat`` runs (after one warm-up)."""
    parplan.read_text(text)
    times = []
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            reading = parplan.read_text(text)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        gc.enable()
    tasks = len(reading.plan.tasks) if reading.plan else 0
    median = statistics.median(times)
    print(f"{label:42s} {tasks:4d} tasks {median:8.1f} ms per plan  ({median / max(tasks, 1):.2f} ms per task)")
    return median


def main() -> int:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print("format: text")
    measure("generated plan, 100 tasks", plan_of(100), repeat)
    for path in sorted((ROOT / "tests" / "documents" / "real").glob("*.txt")):
        measure(path.name, path.read_text(encoding="utf-8"), repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
