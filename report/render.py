"""``render_report``: the report stage. Reads the warehouse read-only, writes HTML and PDF atomically."""

from __future__ import annotations

from pathlib import Path

from ocwatch.lake.atomic import write_bytes_atomic
from ocwatch.report.assemble import build_report
from ocwatch.report.html import render_html
from ocwatch.report.i18n import check_lang
from ocwatch.report.pdf import render_pdf
from ocwatch.report.weeks import parse_week


def render_report(db_path: Path, out_dir: Path, week: str, lang: str = "en") -> dict[str, Path]:
    """Render the week's report to ``<out_dir>/<week>.<lang>.html`` and ``.pdf``.

    Both documents are rendered in memory before either file is written, so a
    failure leaves the previous good report in place.
    """
    parse_week(week)
    check_lang(lang)
    report = build_report(Path(db_path), week, lang)
    html = render_html(report).encode("utf-8")
    pdf = render_pdf(report)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"html": out / f"{week}.{lang}.html", "pdf": out / f"{week}.{lang}.pdf"}
    write_bytes_atomic(paths["html"], html)
    write_bytes_atomic(paths["pdf"], pdf)
    return paths
