"""What earlier runs fetched: known URLs with their validators, and texts for near-duplicate checks.

Only partitions of dates before the run's date count as "already fetched", so
a rerun of a date reproduces that date's partition instead of emptying it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb

from warehouse.lake import list_parts, parse_date, partition_dates

NEAR_DUP_WINDOW_DAYS = 30  # wire copies appear within days; older texts cost memory for nothing


@dataclass(frozen=True)
class Known:
    doc_id: str
    url: str
    fetched_at: dt.datetime
    etag: str | None
    last_modified: str | None


@dataclass
class History:
    known: dict[str, Known] = field(default_factory=dict)  # by canonical URL
    earlier_texts: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, text), oldest first
    same_date: list[dict] = field(default_factory=list)  # other sources' documents of the run's date


def _files(lake: str, dates: list[dt.date]) -> list[str]:
    return [p for d in dates for p in list_parts(lake, "documents", d)]


def _query(files: list[str], sql: str) -> list[tuple]:
    if not files:
        return []
    with duckdb.connect() as con:
        con.execute("SET TimeZone='UTC'")
        rel = con.read_parquet(files, hive_partitioning=True)
        return rel.query("docs", sql).fetchall()


def load_history(lake: str, date: str | dt.date, source_id: str,
                 window_days: int = NEAR_DUP_WINDOW_DAYS) -> History:
    day = parse_date(date)
    dates = partition_dates(lake, "documents")
    earlier = [d for d in dates if d < day]
    history = History()
    rows = _query(_files(lake, earlier), """
        SELECT url, arg_max(doc_id, fetched_at), max(fetched_at),
               arg_max(etag, fetched_at), arg_max(last_modified, fetched_at)
        FROM docs GROUP BY url""")
    for url, did, fetched, etag, lm in rows:
        history.known[url] = Known(did, url, fetched, etag, lm)
    recent = [d for d in earlier if d >= day - dt.timedelta(days=window_days)]
    history.earlier_texts = [(r[0], r[1]) for r in _query(_files(lake, recent), """
        SELECT doc_id, text FROM docs WHERE text IS NOT NULL AND near_dup_of IS NULL
        ORDER BY date, published_at NULLS LAST, doc_id""")]
    others = [p for p in _files(lake, [day]) if not p.endswith(f"/{source_id}.parquet")]
    history.same_date = [{"doc_id": r[0], "text": r[1], "published_at": r[2]} for r in _query(others, """
        SELECT doc_id, text, published_at FROM docs WHERE text IS NOT NULL""")]
    return history
