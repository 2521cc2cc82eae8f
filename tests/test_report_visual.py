"""Rendered pages looked at: the HTML in headless Chromium, the PDF turned into PNG pages.

Needs ``apt-get install -y chromium poppler-utils``; each test skips where its tool is absent.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

from ocwatch.report import build_report, render_report
from tests.support.report_sample import WEEK

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(report_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return render_report(report_warehouse, tmp_path_factory.mktemp("visual"), WEEK)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install -y chromium poppler-utils)")
    return path


def test_chromium_shows_the_findings_text(rendered: dict[str, Path], report_warehouse: Path,
                                          tmp_path: Path) -> None:
    chromium = _tool("chromium")
    # A profile folder of its own: parallel runs and root's home stay untouched.
    out = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          rendered["html"].resolve().as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    findings = build_report(report_warehouse, WEEK).findings
    assert findings
    shown = html.unescape(out)
    for f in findings:
        assert f.text in shown
    assert "<script>alert" not in out  # the hostile title stayed text after parsing


def test_pdf_pages_convert_to_png(rendered: dict[str, Path], tmp_path: Path) -> None:
    pdftoppm = _tool("pdftoppm")
    subprocess.run([pdftoppm, "-r", "50", "-png", str(rendered["pdf"]), str(tmp_path / "page")],
                   check=True, timeout=120, capture_output=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 5000 for p in pages)
