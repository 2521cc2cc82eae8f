"""Writing one crawl's parts (documents and crawl_log replaced atomically) and the per-date near-duplicate pass."""

from __future__ import annotations

import datetime as dt
import logging

from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import list_parts, read_partition, write_partition
from ocwatch.spiders.history.lookup import History
from ocwatch.spiders.history.near_dups import mark_date
from ocwatch.spiders.history.same_text import drop_repeats
from ocwatch.spiders.history.simhash import stored_simhash

log = logging.getLogger(__name__)
_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


def _order_key(doc: dict) -> tuple:
    # Oldest first, so the original keeps near_dup_of NULL and the copy points at it.
    when = doc.get("published_at")
    if isinstance(when, dt.datetime) and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (when or _FAR_FUTURE, doc["doc_id"])


def _merged(lake: Lake, date: dt.date, source_id: str, docs: list[dict],
            logs: list[dict]) -> tuple[list[dict], list[dict]]:
    """This crawl's rows over the earlier parts' rows: what a stopped crawl did not reach stays."""
    fresh = {d["doc_id"] for d in docs}
    old_docs = [d for d in read_partition(lake, "documents", date, part=source_id).to_pylist()
                if d["doc_id"] not in fresh]
    asked = {r["url"] for r in logs}
    old_logs = [r for r in read_partition(lake, "crawl_log", date, part=source_id).to_pylist()
                if r["url"] not in asked]
    return docs + old_docs, logs + old_logs


def write_crawl(lake: Lake, date: dt.date, source_id: str, docs: list[dict], logs: list[dict],
                history: History | None = None, merge: bool = False,
                aliases: dict[str, str] | None = None) -> dict[str, int]:
    """Replace this source's parts for the date; a run that got nothing keeps an earlier good part.

    A document whose text the source already gave under another address is not
    written again (ocwatch.spiders.history.same_text: its crawl_log row says ``duplicate``).
    ``merge`` (a stopped crawl) keeps the earlier parts' documents and crawl_log rows for every
    URL this crawl did not reach. Each document gets its SimHash stored here, once; near-duplicates
    are marked by the per-date pass (``remark_near_dups``) once every source of the date is written.
    """
    docs, logs, repeats = drop_repeats(source_id, docs, logs, (history or History()).same_text, aliases)
    counts = {"documents": len(docs), "log_rows": len(logs), "repeats": repeats,
              "errors": sum(1 for r in logs if r.get("error_kind") not in (None, "not_modified", "duplicate"))}
    if merge:
        docs, logs = _merged(lake, date, source_id, docs, logs)
    marked = sorted(({**d, "near_dup_of": None, "simhash": stored_simhash(d.get("text"))} for d in docs),
                    key=lambda d: d["url"])
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


def remark_near_dups(lake: Lake, date: dt.date) -> int:
    """Recompute near_dup_of over every source's part of a date, whatever order the crawls ran in.

    Run once all crawls of the date are done (parallel crawls cannot see each
    other's documents); rewrites only the parts that change. Returns the number of near-duplicates.
    """
    names = [p.rsplit("/", 1)[-1].removesuffix(".parquet") for p in list_parts(lake, "documents", date)]
    parts = {n: read_partition(lake, "documents", date, part=n).to_pylist() for n in names}
    unique = {d["doc_id"]: d for rows in parts.values() for d in rows}  # one row per identity
    docs = sorted(unique.values(), key=_order_key)
    marks, prints = mark_date(lake, date, docs)
    for part, rows in parts.items():
        new = [{**r, "near_dup_of": marks.get(r["doc_id"]), "simhash": prints.get(r["doc_id"])} for r in rows]
        if any((n["near_dup_of"], n["simhash"]) != (r["near_dup_of"], r["simhash"])
               for n, r in zip(new, rows, strict=True)):
            write_partition(lake, "documents", date, new, part=part)
    return sum(1 for v in marks.values() if v)
