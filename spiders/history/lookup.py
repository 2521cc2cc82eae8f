"""What earlier runs fetched: known URLs with their validators, and fingerprints for near-duplicate checks.

Only partitions of dates before the run's date count as "already fetched", so
a rerun of a date reproduces that date's partition instead of emptying it.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import list_parts, partition_dates
from ocwatch.spiders.history.known import Known
from ocwatch.spiders.history.text_key import text_key

log = logging.getLogger(__name__)

NEAR_DUP_WINDOW_DAYS = 30  # wire copies appear within days; older texts cost memory for nothing


def _no_text(source_id: str, key: str) -> Known | None:
    return None


@dataclass
class History:
    known: Mapping[str, Known] = field(default_factory=dict)  # by canonical URL
    # (source_id, text key) -> a stored document of that source with that text, whole history
    same_text: Callable[[str, str], Known | None] = _no_text


def _files(lake: Lake, dates: list[dt.date]) -> list[str]:
    return [p for d in dates for p in list_parts(lake, "documents", d)]


@contextmanager
def _docs(lake: Lake, files: list[str]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection with the view ``docs`` over the given documents parts."""
    with Lake.at(lake).duckdb() as con:
        # union_by_name: partitions written before a column existed (simhash) read it as NULL.
        rel = con.read_parquet(files, hive_partitioning=True, union_by_name=True)
        if "simhash" not in rel.columns:
            rel = rel.project("*, NULL::BIGINT AS simhash")
        rel.create_view("docs")
        yield con


def _query(lake: Lake, files: list[str], sql: str, params: list | None = None) -> list[tuple]:
    if not files:
        return []
    with _docs(lake, files) as con:
        return con.execute(sql, params or []).fetchall()


def load_history(lake: Lake, date: dt.date) -> History:
    """Known URLs with their validators, from the partitions of dates before ``date``.

    Looked up in the known-URL index (``ocwatch.spiders.history.known_urls``), refreshed first;
    an index that cannot be had costs a scan of the lake instead. Near-duplicates
    are marked by the per-date pass (``ocwatch.spiders.output.remark_near_dups``), so no texts are loaded here.
    """
    from ocwatch.spiders.history.known_urls import index_path, open_known

    try:
        known = open_known(lake, date)
        return History(known=known, same_text=known.same_text)
    except (sqlite3.Error, OSError, duckdb.Error) as exc:
        log.warning("known-URL index %s unusable (%s): scanning the lake's history instead",
                    index_path(lake), exc)
        return History(known=scan_known(lake, date), same_text=scan_texts(lake, date))


def scan_texts(lake: Lake, date: dt.date) -> Callable[[str, str], Known | None]:
    """The index's fallback for texts: the text key of every other night's documents, read once, on the first lookup."""
    day = date
    earlier = [d for d in partition_dates(lake, "documents") if d != day]
    found: dict[tuple[str, str], Known] | None = None

    def lookup(source_id: str, key: str) -> Known | None:
        nonlocal found
        if found is None:
            found = {}
            rows = _query(lake, _files(lake, earlier), """
                SELECT source_id, text, doc_id, url, fetched_at FROM docs
                WHERE text IS NOT NULL ORDER BY fetched_at, doc_id""")
            for sid, text, did, url, fetched in rows:
                k = text_key(text)
                if k:
                    found.setdefault((sid, k), Known(did, url, fetched, None, None))
        return found.get((source_id, key))

    return lookup


def scan_known(lake: Lake, date: dt.date) -> dict[str, Known]:
    """Known URLs read from every earlier documents partition: the index's fallback, and its reference."""
    day = date
    earlier = [d for d in partition_dates(lake, "documents") if d < day]
    rows = _query(lake, _files(lake, earlier), """
        SELECT url, arg_max(doc_id, fetched_at), max(fetched_at),
               arg_max(etag, fetched_at), arg_max(last_modified, fetched_at)
        FROM docs GROUP BY url""")
    return {url: Known(did, url, fetched, etag, lm) for url, did, fetched, etag, lm in rows}


def window_dates(lake: Lake, date: dt.date, window_days: int = NEAR_DUP_WINDOW_DAYS) -> list[dt.date]:
    """Dates before ``date`` whose documents count as earlier originals for near-duplicates."""
    day = date
    return [d for d in partition_dates(lake, "documents")
            if day - dt.timedelta(days=window_days) <= d < day]


def window_prints(lake: Lake, dates: list[dt.date]) -> pa.Table:
    """doc_id, date, stored simhash and text of the originals of ``dates``, in index order (oldest first).

    Text is read only where no simhash is stored (partitions written before the
    column existed): those are hashed once from it by the caller. Texts too
    short to judge have no simhash either and come back with their (short) text.
    An Arrow table, not Python tuples: a month of 100,000-document nights is three million rows.
    """
    files = _files(lake, dates)
    if not files:
        return pa.table({"doc_id": pa.array([], pa.string()), "date": pa.array([], pa.date32()),
                         "simhash": pa.array([], pa.int64()), "text": pa.array([], pa.string())})
    with _docs(lake, files) as con:
        return con.sql("""
            SELECT doc_id, date, simhash, NULL::VARCHAR AS text, published_at FROM docs
            WHERE simhash IS NOT NULL AND near_dup_of IS NULL
            UNION ALL
            SELECT doc_id, date, NULL::BIGINT, text, published_at FROM docs
            WHERE simhash IS NULL AND text IS NOT NULL AND near_dup_of IS NULL
            ORDER BY date, published_at NULLS LAST, doc_id""").to_arrow_table().drop_columns(["published_at"])


def texts_of(lake: Lake, wanted: set[tuple[str, dt.date]]) -> dict[tuple[str, dt.date], str]:
    """Texts of the given (doc_id, date) documents: the candidates within the Hamming radius."""
    if not wanted:
        return {}
    dates = sorted({d for _, d in wanted})
    rows = _query(lake, _files(lake, dates), "SELECT doc_id, date, text FROM docs WHERE doc_id IN (SELECT unnest(?))",
                  [sorted({i for i, _ in wanted})])
    return {(did, day): text for did, day, text in rows if text is not None and (did, day) in wanted}
