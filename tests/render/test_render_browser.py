"""A rendered plan in a real browser: headless Chromium loads the page, dumps its DOM and takes a screenshot.

Needs Debian's ``chromium`` package (``.ci/run`` installs it); skipped, with the
reason, only where Chromium is not installed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections.abc import Sequence
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from parplan import render
from parplan.render import Locale
from render_samples import commune_plan

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed here (Debian package 'chromium'; .ci/run installs it with apt-get)",
)

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi


def _chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, check=True, timeout=180)  # noqa: S603 - fixed arguments


class _Dom(HTMLParser):
    """Task rows, area rows and the visible text of a dumped DOM."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.row_classes: list[str | None] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.row_classes.append(dict(attrs).get("class"))
        if tag in {"style", "script"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _paeth(left: int, up: int, up_left: int) -> int:
    estimate = left + up - up_left
    a, b, c = abs(estimate - left), abs(estimate - up), abs(estimate - up_left)
    if a <= b and a <= c:
        return left
    return up if b <= c else up_left


def _unfilter(kind: int, line: bytearray, previous: Sequence[int], size: int) -> None:
    for i, value in enumerate(line):
        left = line[i - size] if i >= size else 0
        up = previous[i]
        if kind == 1:
            line[i] = (value + left) & 0xFF
        elif kind == 2:
            line[i] = (value + up) & 0xFF
        elif kind == 3:
            line[i] = (value + (left + up) // 2) & 0xFF
        elif kind == 4:
            line[i] = (value + _paeth(left, up, previous[i - size] if i >= size else 0)) & 0xFF


def _png_gray(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of grey levels of an 8-bit RGB or RGBA PNG (a small reader, no dependency)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        chunk = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    assert colour in {2, 6}
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    rows: list[bytes] = []
    previous: Sequence[int] = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(raw[start], line, previous, size)
        rows.append(bytes((line[x] * 3 + line[x + 1] * 6 + line[x + 2]) // 10 for x in range(0, stride, size)))
        previous = line
    return width, height, rows


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_plan_in_chromium(tmp_path: Path, locale: Locale) -> None:
    plan = commune_plan(name="Sơn Châu", year=2023, issued_on=date(2023, 1, 6))
    page = tmp_path / "plan.html"
    page.write_text(render(plan, format="html", locale=locale), encoding="utf-8")

    dumped = _chromium(tmp_path / "profile-dom", "--dump-dom", page.as_uri())
    dom = _Dom()
    dom.feed(dumped.stdout.decode("utf-8"))
    assert dom.row_classes.count("task") == len(plan.tasks)
    assert dom.row_classes.count("area") == 7
    text = " ".join(" ".join(dom.text).split())
    assert "Xây dựng kế hoạch, tổ chức tuyên truyền CCHC năm 2023" in text
    assert "Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành" in text
    if locale == "vi":
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Kinh phí (triệu đồng)" in text
        assert "Sơn Châu, ngày 06 tháng 01 năm 2023" in text
    else:
        assert "SOCIALIST REPUBLIC OF VIET NAM" in text
        assert "Budget (million VND)" in text
        assert "Sơn Châu, 6 January 2023" in text

    shot = tmp_path / "plan.png"
    _chromium(tmp_path / "profile-shot", f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri())
    width, height, rows = _png_gray(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    pixels = width * height
    dark = sum(sum(1 for value in row if value < 100) for row in rows)
    white = sum(row.count(255) for row in rows)
    assert 0.002 < dark / pixels < 0.2  # text, not a blank or a black page
    assert white / pixels > 0.3  # the white sheet of paper
    # The masthead is at the top of the sheet: the top quarter holds text.
    assert sum(sum(1 for value in row if value < 100) for row in rows[: height // 4]) > 0.001 * pixels
