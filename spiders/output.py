"""Writing one crawl's parts: near-duplicates marked, documents and crawl_log replaced atomically."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from spiders.history import History
from spiders.neardup import NearDupIndex
from warehouse.lake import read_partition, write_partition

log = logging.getLogger(__name__)
_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


def _order_key(doc: dict) -> tuple:
    # Oldest first, so the original keeps near_dup_of NULL and the copy points at it.
    when = doc.get("published_at")
    if isinstance(when, dt.datetime) and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (when or _FAR_FUTURE, doc["doc_id"])


def mark_against_history(docs: Iterable[dict], history: History) -> list[dict]:
    """Mark this run's wire copies against earlier dates, then this date's other sources and this run."""
    index = NearDupIndex()
    for did, text in history.earlier_texts:
        index.add(did, text)
    own = {d["doc_id"]: dict(d) for d in docs}
    merged = [*own.values(), *(o for o in history.same_date if o["doc_id"] not in own)]
    for doc in sorted(merged, key=_order_key):
        if doc["doc_id"] in own:
            match = index.match(doc.get("text") or "")
            own[doc["doc_id"]]["near_dup_of"] = match if match != doc["doc_id"] else None
        index.add(doc["doc_id"], doc.get("text") or "")
    return sorted(own.values(), key=lambda d: d["url"])


def write_crawl(lake: str, date: dt.date, source_id: str, docs: list[dict], logs: list[dict],
                history: History) -> dict[str, int]:
    """Replace this source's parts for the date; a run that got nothing keeps an earlier good part."""
    counts = {"documents": len(docs), "log_rows": len(logs),
              "errors": sum(1 for r in logs if r.get("error_kind") not in (None, "not_modified"))}
    marked = mark_against_history(docs, history)
    counts["near_dups"] = sum(1 for d in marked if d.get("near_dup_of"))
    existing = read_partition(lake, "documents", date, part=source_id).num_rows
    if marked or not existing:
        write_partition(lake, "documents", date, marked, part=source_id)
    else:
        log.warning("source %s fetched no documents; keeping the %d already in documents/date=%s",
                    source_id, existing, date)
        counts["kept_previous"] = existing
    logs = sorted(logs, key=lambda r: (r["url"], r["fetched_at"]))
    write_partition(lake, "crawl_log", date, logs, part=source_id)
    return counts


def remark_near_dups(lake: str, date: dt.date) -> int:
    """Recompute near_dup_of over every source's part of a date, whatever order the crawls ran in.

    Run once all crawls of the date are done (parallel crawls cannot see each
    other's documents); rewrites only the parts that change. Returns the number of near-duplicates.
    """
    from spiders.history import load_history
    from warehouse.lake import list_parts

    history = load_history(lake, date, source_id="")
    history.same_date = []
    names = [p.rsplit("/", 1)[-1].removesuffix(".parquet") for p in list_parts(lake, "documents", date)]
    parts = {n: read_partition(lake, "documents", date, part=n).to_pylist() for n in names}
    marked = {d["doc_id"]: d["near_dup_of"] for d in mark_against_history(
        [d for rows in parts.values() for d in rows], history)}
    for part, rows in parts.items():
        new = [{**r, "near_dup_of": marked.get(r["doc_id"])} for r in rows]
        if any(n["near_dup_of"] != r["near_dup_of"] for n, r in zip(new, rows, strict=True)):
            write_partition(lake, "documents", date, new, part=part)
    return sum(1 for v in marked.values() if v)
