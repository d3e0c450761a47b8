"""Figures of the format readers, for ``bench_read.py``: milliseconds per plan for Word files, PDFs and web pages.

    python benchmarks/_read_formats.py            # Word and PDF
    python benchmarks/_read_formats.py --ocr      # and the scans (tens of seconds a page)

:func:`formats_figures` reads every document of ``tests/documents/formats`` (five synthetic
plans as Word files and as PDFs printed by LibreOffice, the example of xã Sơn Châu as a Word
file converted from HTML, the example of xã Sơn Giang printed by Chromium) ``repeat`` times
and returns, per format, the median milliseconds per plan and per page, with the sizes read.
The peer of the PDF reader is pdfplumber (the other library the choice was between), timed on
the same files extracting words and tables, when it is installed. Absolute times on a shared
machine are noise: compare the ratio measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "documents" / "formats"


def _median_ms(function: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _pdfplumber_ms(path: Path, repeat: int) -> float | None:
    try:
        import pdfplumber
    except ImportError:
        return None

    def run() -> None:
        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.extract_words()
                page.find_tables()

    return _median_ms(run, repeat)


def formats_figures(repeat: int = 5, *, ocr: bool = False) -> dict[str, Any]:
    """Median milliseconds per plan (and per page) of each format reader over the test documents."""
    from parplan.read.formats import load_source

    figures: dict[str, Any] = {}
    groups = {
        "docx": sorted(DOCUMENTS.glob("*.docx")),
        "pdf": sorted(DOCUMENTS.glob("*.pdf")),
    }
    groups["pdf"] = [path for path in groups["pdf"] if not path.name.startswith("scan-")]
    groups["html"] = sorted(path for path in DOCUMENTS.iterdir() if path.suffix in {".html", ".htm"})
    if ocr:
        groups["scan"] = sorted(DOCUMENTS.glob("scan-*"))
    for name, paths in groups.items():
        per_plan: list[float] = []
        per_page: list[float] = []
        peer: list[float] = []
        pages = 0
        for path in paths:
            document = load_source(path)  # warm: imports, fonts
            runs = 1 if name == "scan" else repeat
            milliseconds = _median_ms(lambda path=path: load_source(path), runs)
            per_plan.append(milliseconds)
            if document.pages:
                pages += document.pages
                per_page.append(milliseconds / document.pages)
            if name == "pdf":
                other = _pdfplumber_ms(path, max(1, repeat // 2))
                if other is not None:
                    peer.append(other / milliseconds)
        figures[name] = {
            "plans": len(paths),
            "pages": pages or None,
            "ms_per_plan": round(statistics.median(per_plan), 1),
            "ms_per_page": round(statistics.median(per_page), 1) if per_page else None,
        }
        if peer:
            figures[name]["pdfplumber_vs_parplan"] = round(statistics.median(peer), 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ocr", action="store_true", help="also read the scans (tens of seconds a page)")
    arguments = parser.parse_args(argv)
    figures = formats_figures(arguments.repeat, ocr=arguments.ocr)
    for name, values in figures.items():
        print(f"{name}: {values}", file=sys.stderr)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
