"""The extract stage: one date's documents in; sentences, mentions, links and errors out.

Idempotent: each output is one part (``part``, errors ``extract``) replaced
atomically, so a rerun replaces the date. Incremental: a document whose
doc_id and content_sha256 already has mentions in an earlier partition is
skipped (its rows stay in that partition; nothing is counted twice).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from nlp.analyze import DocInput, DocResult, analyze
from warehouse.lake import parse_date, partition_dates, read_partition, write_partition

log = logging.getLogger(__name__)
CHUNK = 200  # documents a worker takes at a time: big enough to batch, small enough to share


def _already_done(lake: str, date: dt.date) -> set[tuple[str, str]]:
    """(doc_id, content_sha256) pairs that have mentions in an earlier partition."""
    done: set[tuple[str, str]] = set()
    for earlier in partition_dates(lake, "mentions"):
        if earlier >= date:
            continue
        with_mentions = set(read_partition(lake, "mentions", earlier).column("doc_id").to_pylist())
        docs = read_partition(lake, "documents", earlier).select(["doc_id", "content_sha256"])
        done |= {(d, h) for d, h in zip(*docs.to_pydict().values(), strict=True) if d in with_mentions}
    return done


def _inputs(table: pa.Table, skip: set[tuple[str, str]]) -> tuple[list[DocInput], int]:
    # A document crawled twice in one date (two sources) is read once.
    table = table.filter(pc.invert(pc.is_null(table["doc_id"])))
    seen, out, skipped = set(), [], 0
    for d in table.select(["doc_id", "text", "language", "content_sha256"]).to_pylist():
        if d["doc_id"] in seen:
            continue
        seen.add(d["doc_id"])
        if (d["doc_id"], d["content_sha256"]) in skip:
            skipped += 1
            continue
        out.append(DocInput(d["doc_id"], d["text"], d["language"]))
    return out, skipped


def _run_chunk(items: list[DocInput]) -> list[DocResult]:
    return list(analyze(items))


def _results(items: list[DocInput], workers: int) -> Iterable[DocResult]:
    chunks = [items[i: i + CHUNK] for i in range(0, len(items), CHUNK)]
    if workers <= 1 or len(chunks) <= 1:
        return (r for chunk in chunks for r in _run_chunk(chunk))
    # Each worker process loads the models once (nlp.pipeline caches them) and takes chunks in turn.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [r for chunk in pool.map(_run_chunk, chunks) for r in chunk]


def _collect(results: Iterable[DocResult], now: dt.datetime) -> tuple[dict[str, list[dict[str, Any]]], int]:
    out: dict[str, list[dict[str, Any]]] = {"sentences": [], "mentions": [], "links": [], "errors": []}
    relevant = 0
    for r in results:
        relevant += r.relevant and not r.error_kind
        if r.error_kind:
            out["errors"].append({"stage": "extract", "input": r.doc_id, "error_kind": r.error_kind,
                                  "error": r.error, "occurred_at": now})
        out["sentences"] += [{"doc_id": r.doc_id, **s} for s in r.sentences]
        out["mentions"] += [{"doc_id": r.doc_id, "model_version": r.model_version, **m} for m in r.mentions]
        out["links"] += [{"doc_id": r.doc_id, **link} for link in r.links]
    return out, relevant


def extract_partition(lake: str, date: str | dt.date, workers: int = 1) -> dict[str, int]:
    """Extract one date; returns counts of documents, relevant, skipped, sentences, mentions, links, errors."""
    day = parse_date(date)
    documents = read_partition(lake, "documents", day)
    items, skipped = _inputs(documents, _already_done(lake, day))
    rows, relevant = _collect(_results(items, workers), dt.datetime.now(dt.UTC))
    for name in ("sentences", "mentions", "links"):
        write_partition(lake, name, day, rows[name], part="part")
    write_partition(lake, "errors", day, rows["errors"], part="extract")
    counts = {"documents": len(items) + skipped, "relevant": relevant,
              "skipped": skipped, **{k: len(rows[k]) for k in ("sentences", "mentions", "links", "errors")}}
    log.info("extract %s: %s", day, counts)
    return counts
