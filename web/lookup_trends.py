"""A trend recounted under a source, grade or language filter, from the index's per-document rows.

The indicator's own rules (docs/INDICATORS.md): score = the sum of the original
documents' reliability weights; baseline = the weeks with documents among the 12
before; z floor 0.5 and at least 4 baseline weeks; spike = z >= 3 with 3
independent sources. DuckDB took 0.2 s at a million documents to find one
market's documents of a grade (a scan of every document's id); the index holds
them in (market, country, week) order, and the baseline of a few hundred weeks
is computed here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
from itertools import groupby
from pathlib import Path

from ocwatch.web.db import Table

COLUMNS = ["market", "country_iso3", "week", "week_start", "score", "baseline_mean", "baseline_std", "z",
           "is_spike", "is_gap", "documents", "independent_sources", "reliability_grades"]
_FILTERS = {"country": "country", "source": "source", "grade": "grade", "language": "language"}


def filtered_series(index: Path, p: dict) -> Table:
    where, params = ["market = ?"], [p.get("market", "")]
    for key, col in _FILTERS.items():
        if p.get(key):
            where.append(f"{col} = ?")
            params.append(p[key])
    sql = f"""with d as (select * from mdocs where {' and '.join(where)}),
                   roots as (select market, country, week_start, sum(root_weight) score from
                             (select distinct market, country, week_start, root_doc, root_weight from d)
                             group by market, country, week_start)
              select d.market, d.country, max(d.week), d.week_start, r.score, count(distinct d.doc),
                     count(distinct d.root_source)
              from d join roots r using (market, country, week_start)
              group by d.market, d.country, d.week_start order by d.country, d.week_start"""
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        weekly = db.execute(sql, params).fetchall()
    lo, hi = p.get("from") or "0000", p.get("to") or "9999"
    rows = [r for r in _with_baseline(weekly) if lo <= r[3].isoformat() <= hi]
    return Table(COLUMNS, rows)


def _with_baseline(weekly: list[tuple]) -> list[tuple]:
    out = []
    for _key, series in groupby(weekly, key=lambda r: (r[0], r[1])):
        series = [(*r[:3], dt.date.fromisoformat(r[3]), *r[4:]) for r in series]
        for market, country, week, start, score, documents, independent in series:
            before = [s[4] for s in series if start - dt.timedelta(days=84) <= s[3] < start]
            mean = statistics.fmean(before) if before else None
            std = statistics.stdev(before) if len(before) >= 2 else None
            z = (score - mean) / max(std or 0.0, 0.5) if len(before) >= 4 else None
            spike = z is not None and z >= 3 and independent >= 3
            out.append((market, country, week, start, score, mean, std, z, spike, False, documents, independent, None))
    return out
