"""Weekly report timings on the constructed warehouse, small and widened to many active markets.

Baseline (same process): reading every row the report needs with plain DuckDB
queries, no charts or rendering. The ratio says what the charts, HTML and PDF
cost on top of the data access.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from ocwatch.report import build_report, render_report
from ocwatch.report.html import render_html
from ocwatch.report.pdf import render_pdf
from ocwatch.report.sections import MAX_BLOCKS
from tests.support.report_sample import WEEK, build_sample_warehouse

TABLES = ("market_activity_weekly", "evidence", "new_links", "trade_mirror_gaps",
          "trade_unit_values", "coverage", "coverage_gaps", "market_signals")
REPEAT = 3


def _best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _read_all(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            con.execute(f"select * from {table}").fetchall()


def _widen(db: Path, countries: int) -> None:
    """Copy the Ituri gold series to more countries, so the market section is full."""
    with duckdb.connect(str(db)) as con:
        for i in range(countries):
            con.execute(f"""insert into market_activity_weekly select * replace ('X{i:02d}' as country_iso3)
                            from market_activity_weekly where country_iso3 = 'COD'""")
            con.execute(f"""insert into evidence select * replace ('X{i:02d}' as country_iso3)
                            from evidence where country_iso3 = 'COD'""")


def _measure(label: str, db: Path, out: Path) -> None:
    base = _best(lambda: _read_all(db))
    model = _best(lambda: build_report(db, WEEK))
    report = build_report(db, WEEK)
    html = _best(lambda: render_html(report))
    pdf = _best(lambda: render_pdf(report))
    full = _best(lambda: render_report(db, out, WEEK))
    size = {k: p.stat().st_size for k, p in render_report(db, out, WEEK).items()}
    print(f"{label}: blocks={len(report.markets or [])} read-all baseline {base * 1000:.0f} ms | "
          f"model+charts {model * 1000:.0f} ms, html {html * 1000:.0f} ms, pdf {pdf * 1000:.0f} ms, "
          f"render_report {full * 1000:.0f} ms (ratio to baseline {full / base:.0f}x) | "
          f"html {size['html'] // 1024} KiB, pdf {size['pdf'] // 1024} KiB")


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench_report_"))
    try:
        db = build_sample_warehouse(root / "w.duckdb", root / "lake")
        _measure("sample (4 active pairs)", db, root / "out")
        _widen(db, 40)
        _measure(f"widened (44 active pairs, {MAX_BLOCKS} shown)", db, root / "out")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
