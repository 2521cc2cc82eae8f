"""The extract stage: one date's documents in; sentences, mentions, links and errors out.

Idempotent: each output is one part (``part``, errors ``extract``) replaced
atomically, so a rerun replaces the date. Incremental: a document whose
doc_id and content_sha256 already has mentions in an earlier partition is
skipped (its rows stay in that partition; nothing is counted twice).

Memory is flat in the night's size: texts are read from the documents parts
in batches, a few chunks are in flight at a time, and each chunk's rows are
written as they arrive (``ocwatch.lake.partitions.partition_writer``), so the parent
holds ids and the night's error rows, not its texts or rows.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TypeVar

import pyarrow.parquet as pq

from ocwatch.lake.cache import use_cache_dir
from ocwatch.lake.location import Lake
from ocwatch.lake.locks import partition_lock
from ocwatch.lake.partitions import (
    PartWriter,
    list_parts,
    partition_writer,
    write_partition,
)
from ocwatch.nlp.analyze import MAX_TEXT_CHARS, DocInput, DocResult, analyze
from ocwatch.nlp.done import already_done

log = logging.getLogger(__name__)
CHUNK = 200  # documents a worker takes at a time: big enough to batch, small enough to share
IN_FLIGHT = 2  # chunks queued per worker: keeps workers busy without holding the night's texts
_INPUT_COLUMNS = ("doc_id", "text", "language", "content_sha256")
_ROWS = ("sentences", "mentions", "links")
T = TypeVar("T")


def _tonight(lake: Lake, day: dt.date) -> dict[str, str]:
    """doc_id -> content_sha256 of each document's first copy (a document crawled by two sources is read once)."""
    keys: dict[str, str] = {}
    for path in list_parts(lake, "documents", day):
        table = pq.read_table(lake.fs_path(path), columns=["doc_id", "content_sha256"], filesystem=lake.fs)
        for doc_id, sha in zip(*table.to_pydict().values(), strict=True):
            if doc_id is not None and doc_id not in keys:
                keys[doc_id] = sha
    return keys


def _inputs(lake: Lake, day: dt.date, todo: set[str]) -> Iterator[DocInput]:
    """The first copy of each document in ``todo``, texts read a batch at a time."""
    left = set(todo)
    for path in list_parts(lake, "documents", day):
        with pq.ParquetFile(lake.fs_path(path), filesystem=lake.fs) as pf:
            # Parts written before a column existed lack it: read what is there.
            cols = [c for c in _INPUT_COLUMNS if c in pf.schema_arrow.names]
            for batch in pf.iter_batches(batch_size=CHUNK, columns=cols):
                for d in batch.to_pylist():
                    if d["doc_id"] in left:
                        left.discard(d["doc_id"])
                        yield DocInput(d["doc_id"], d.get("text"), d.get("language"))


def chunks(items: Iterable[T], n: int | None = None) -> Iterator[list[T]]:
    """The items in lists of ``n`` (CHUNK, read at call time, by default), in order."""
    it = iter(items)
    while chunk := list(islice(it, n or CHUNK)):
        yield chunk


def _run_chunk(items: list[DocInput]) -> list[DocResult]:
    return list(analyze(items))


def _results(chunks: Iterator[list[DocInput]], workers: int,
             cache: Path | None = None) -> Iterator[list[DocResult]]:
    """Each chunk's results, in order; at most IN_FLIGHT chunks per worker are read ahead."""
    if workers <= 1:
        yield from (_run_chunk(chunk) for chunk in chunks)
        return
    # Each worker process loads the models once (ocwatch.nlp.pipeline caches them) and takes chunks in turn.
    # Workers fork from a lean server process, not from this one: a crawl's near-duplicate
    # pass or a benchmark's web server may have left it gigabytes large, and every forked
    # worker would hold those pages. No preload: with one, the server would also run the
    # caller's __main__ module, which an unguarded script or a task runner cannot afford.
    ctx = multiprocessing.get_context("forkserver")
    # Workers start fresh: they are told where this process keeps its disk cache.
    init = (use_cache_dir, (cache,)) if cache is not None else (None, ())
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init[0], initargs=init[1]) as pool:
        pending: deque[Future[list[DocResult]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= workers * IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _write_chunk(results: list[DocResult], writers: dict[str, PartWriter], errors: list[dict],
                 now: dt.datetime) -> int:
    """Write one chunk's rows; returns how many of its documents were relevant."""
    rows: dict[str, list[dict]] = {name: [] for name in _ROWS}
    relevant = 0
    for r in results:
        relevant += r.relevant and not r.error_kind
        if r.error_kind:
            errors.append({"stage": "extract", "input": r.doc_id, "error_kind": r.error_kind,
                           "error": r.error, "occurred_at": now})
        if r.cut:  # recorded, not a failure: the text's first MAX_TEXT_CHARS were read
            errors.append({"stage": "extract", "input": r.doc_id, "error_kind": "text_cut",
                           "error": f"document {r.doc_id}: only the first {MAX_TEXT_CHARS} of its "
                                    f"{r.cut} characters were read", "occurred_at": now})
        rows["sentences"] += [{"doc_id": r.doc_id, **s} for s in r.sentences]
        rows["mentions"] += [{"doc_id": r.doc_id, "model_version": r.model_version, **m} for m in r.mentions]
        rows["links"] += [{"doc_id": r.doc_id, **link} for link in r.links]
    for name in _ROWS:
        writers[name].write(rows[name])
    return relevant


def extract_partition(lake: Lake, date: dt.date, workers: int = 1, cache: Path | None = None) -> dict[str, int]:
    """Extract one date; returns counts of documents, relevant, skipped, sentences, mentions, links, errors."""
    lake, day = Lake.at(lake), date
    keys = _tonight(lake, day)
    done = already_done(lake, day, keys)
    todo = {d for d, sha in keys.items() if (d, sha) not in done}
    parallel = workers if math.ceil(len(todo) / CHUNK) > 1 else 1
    errors: list[dict] = []
    relevant, now = 0, dt.datetime.now(dt.UTC)
    # Mentions are what marks a document done for later nights, so they are renamed into place
    # last: a run killed earlier leaves tonight's documents to be extracted again, never lost.
    # the links' lock keeps `ocwatch rescore-links` from writing the date's links at the same time
    with partition_lock(lake, "links", day), partition_writer(lake, "mentions", day) as mentions, \
            partition_writer(lake, "links", day) as links:
        with partition_writer(lake, "sentences", day) as sentences:
            writers = {"sentences": sentences, "mentions": mentions, "links": links}
            for results in _results(chunks(_inputs(lake, day, todo)), parallel, cache):
                relevant += _write_chunk(results, writers, errors, now)
        write_partition(lake, "errors", day, errors, part="extract")
    counts = {"documents": len(keys), "relevant": relevant, "skipped": len(keys) - len(todo),
              **{name: writers[name].rows for name in _ROWS},
              "errors": sum(1 for e in errors if e["error_kind"] != "text_cut"),
              "text_cut": sum(1 for e in errors if e["error_kind"] == "text_cut")}
    log.info("extract %s: %s", day, counts)
    return counts
