"""`ocwatch rescore-links`: the shipped link-confidence trees over links already in the lake.

New trees (a retrained model.json) change what counts only in partitions
extracted after them; parts written before the trees have no confidence at
all (and count). Rescoring gives every link of a date the shipped trees'
``confidence`` and ``confidence_model`` from the rows the lake already holds
(the document's text, its sentences and mentions, the link's surfaces):
nothing is parsed again, and every other column stays as extracted.

Kept as they were, and counted as kept: links of a language the pipeline reads
without a parser (es, pt), and links written before statuses and methods
existed (co-occurrence rows the trees never saw). Kept, and named in the
date's errors (part ``rescore``, replaced on each run) so the command says
DEGRADED: a document whose text, sentences or mentions are gone, or whose text
changed since extraction (its sentences no longer sit at their offsets). Parts
written before links kept their surfaces are scored with surfaces taken from
the mentions (a guess for a back-reference), which are not written back.

Each links part is rewritten whole and atomically, documents a chunk at a
time (their texts, sentences and mentions read for that chunk only), under the
partition's lock, which extraction takes too.

``stale_dates`` names the dates whose links another version of the trees (or
none) scored: what the night rescores before it builds (stages.rescore_stale),
so that counts never mix two versions' verdicts for long. It reads each part's
footer first: a part whose ``confidence_model`` statistics are the shipped
version with no nulls is current without reading a row.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ocwatch.lake.contracts import dataset
from ocwatch.lake.location import Lake
from ocwatch.lake.locks import partition_lock
from ocwatch.lake.partitions import (
    list_parts,
    partition_dates,
    partition_writer,
    to_table,
    write_partition,
)
from ocwatch.nlp import config
from ocwatch.nlp.analyze import bounded
from ocwatch.nlp.links.confidence import with_confidence
from ocwatch.nlp.links.confidence.forest import Forest, load
from ocwatch.nlp.pipeline import lang_of_model_version
from ocwatch.nlp.stage import chunks

log = logging.getLogger(__name__)
Row = dict[str, Any]
CHUNK_DOCS = 500  # documents whose texts and rows are held at once
_SCORED = ("confidence", "confidence_model")


def _read(lake: Lake, name: str, day: dt.date, columns: list[str] | None, ids: list[str]) -> list[Row]:
    """The rows of these documents in every part of one partition, in part order."""
    out: list[Row] = []
    for path in list_parts(lake, name, day):
        table = pq.read_table(lake.fs_path(path), columns=columns, filesystem=lake.fs, filters=[("doc_id", "in", ids)])
        out += table.to_pylist()
    return out


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        out[r.pop("doc_id")].append(r)
    return out


def _with_surfaces(links: list[Row], mentions: list[Row]) -> list[Row]:
    """Links of a part written before surfaces were kept, with their actor's and place's words: the
    entity's mention in the link's sentence, else the nearest one before it, else the first after. A place
    put in the document's country by default has no words, as at extraction."""
    spots: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in mentions:
        spots[m["entity_id"]].append((m["sent_idx"], m["surface"]))

    def surface(entity_id: str | None, sent_idx: int) -> str | None:
        found = sorted(spots.get(entity_id or "", []), key=lambda p: (p[0] > sent_idx, abs(p[0] - sent_idx)))
        return found[0][1] if found else None

    return [{**x, "actor_surface": surface(x["actor_id"], x["sent_idx"]),
             "place_surface": None if (x.get("method") or "").endswith("document_country")
             else surface(x["place_id"], x["sent_idx"])} for x in links]


def _lang(mentions: list[Row]) -> str | None:
    """The language the document was read in, from its mentions' model version."""
    return lang_of_model_version(next((m.get("model_version") for m in mentions if m.get("model_version")), None))


def _moved(text: str, sentences: list[Row]) -> bool:
    return any(text[s["start_char"]: s["end_char"]] != s["text"] for s in sentences)


class _Rescorer:
    """Scores documents a chunk at a time; keeps the counts and the errors met."""

    def __init__(self, lake: Lake, day: dt.date, model: Forest, has_surfaces: bool) -> None:
        self.lake, self.day, self.model, self.has_surfaces = lake, day, model, has_surfaces
        self.errors: list[Row] = []
        self.rescored = self.kept = 0

    def chunk(self, links: list[Row], ids: list[str]) -> list[Row]:
        texts: dict[str, str] = {}
        for d in _read(self.lake, "documents", self.day, ["doc_id", "text"], ids):
            if d["text"] and d["doc_id"] not in texts:  # a document crawled by two sources: its first copy
                texts[d["doc_id"]] = bounded(d["text"])
        sentences = _by_doc(_read(self.lake, "sentences", self.day, None, ids))
        mentions = _by_doc(_read(self.lake, "mentions", self.day, None, ids))
        out: list[Row] = []
        for doc_id, doc_links in _by_doc(links).items():
            new = self.doc(doc_id, doc_links, texts.get(doc_id), sentences.get(doc_id, []), mentions.get(doc_id, []))
            out += [{"doc_id": doc_id, **x} for x in new]
        return out

    def doc(self, doc_id: str, links: list[Row], text: str | None, sentences: list[Row],
            mentions: list[Row]) -> list[Row]:
        """The document's links with the trees' confidence, or as they were."""
        lang = _lang(mentions)
        if (lang is not None and lang not in config.MODELS) or any(x["status"] is None or x["method"] is None
                                                                  for x in links):
            self.kept += len(links)  # rules only (es, pt), or rows written before statuses: never scored
            return links
        why = ("its text is not in the documents of that date" if text is None
               else "its sentences or mentions are not in the lake" if not sentences or not mentions
               else "its text changed since it was extracted (its sentences no longer sit at their offsets)"
               if _moved(text, sentences) else None)
        if why is not None:
            self.kept += len(links)
            self.errors.append({"stage": "rescore", "input": doc_id, "error_kind": "not_rescored",
                                "error": f"document {doc_id} ({self.day}): {why}; its {len(links)} links are "
                                         "kept as they were", "occurred_at": dt.datetime.now(dt.UTC)})
            return links
        read = links if self.has_surfaces else _with_surfaces(links, mentions)
        scored = with_confidence(text, sentences, mentions, [{k: v for k, v in x.items() if k not in _SCORED}
                                                              for x in read], lang or "en", self.model)
        self.rescored += len(links)
        return [{**x, **{k: s[k] for k in _SCORED}} for x, s in zip(links, scored, strict=True)]


def _rescore_part(lake: Lake, day: dt.date, path: str, model: Forest) -> _Rescorer:
    stored = pq.read_table(lake.fs_path(path), filesystem=lake.fs)
    rescorer = _Rescorer(lake, day, model, has_surfaces="actor_surface" in stored.column_names)
    table = to_table(dataset("links"), stored)
    docs = list(dict.fromkeys(table.column("doc_id").to_pylist()))  # first-seen order keeps the rows' order
    part = path.rsplit("/", 1)[-1].removesuffix(".parquet")
    with partition_writer(lake, "links", day, part=part) as out:
        for ids in chunks(docs, CHUNK_DOCS):
            rows = table.filter(pc.is_in(table["doc_id"], value_set=pa.array(ids))).to_pylist()
            out.write(rescorer.chunk(rows, ids))
    return rescorer


def rescore_partition(lake: Lake | str, day: dt.date, model: Forest | None = None) -> dict[str, int]:
    """Give one date's links the trees' confidence; returns counts of links, rescored and kept ones, and
    errors (documents kept because their rows are gone or changed). PartitionBusy while an extraction of
    the date runs."""
    lake, model = Lake.at(lake), model or load()
    counts = {"links": 0, "rescored": 0, "kept": 0, "errors": 0}
    errors: list[Row] = []
    with partition_lock(lake, "links", day, wait=False):
        for path in list_parts(lake, "links", day):
            r = _rescore_part(lake, day, path, model)
            counts["rescored"] += r.rescored
            counts["kept"] += r.kept
            errors += r.errors
        counts["links"] = counts["rescored"] + counts["kept"]
        counts["errors"] = len(errors)
        # written even when empty: a later clean rescore replaces an earlier run's errors
        write_partition(lake, "errors", day, errors, part="rescore")
    log.info("rescore %s: %s", day, counts)
    return counts


def _footer_current(meta: pq.FileMetaData, version: str) -> bool:
    """Every row group's confidence_model statistics say: the shipped version in every row."""
    names = meta.schema.names
    if "confidence_model" not in names:
        return meta.num_rows == 0
    col = names.index("confidence_model")
    for g in range(meta.num_row_groups):
        stats = meta.row_group(g).column(col).statistics
        if stats is None or not stats.has_min_max or stats.null_count or stats.min != version or stats.max != version:
            return False
    return True


def _part_stale(lake: Lake, path: str, version: str) -> bool:
    """Rows of a parsed language scored by other trees or by none (rules-only and pre-status rows never are)."""
    with lake.fs.open(lake.fs_path(path), "rb") as fh:
        meta = pq.ParquetFile(fh).metadata
    if _footer_current(meta, version):
        return False
    columns = [c for c in ("method", "status", "confidence_model") if c in meta.schema.names]
    if "method" not in columns or "status" not in columns:
        return False  # written before statuses and methods: kept as they are
    rows = pq.read_table(lake.fs_path(path), columns=columns, filesystem=lake.fs)
    scorable = pc.and_(pc.and_(pc.is_valid(rows["status"]), pc.is_valid(rows["method"])),
                       pc.not_equal(rows["method"], "cooccurrence"))
    if "confidence_model" not in columns:  # written before the trees
        return bool(pc.any(scorable).as_py())
    other = pc.or_kleene(pc.is_null(rows["confidence_model"]), pc.not_equal(rows["confidence_model"], version))
    return bool(pc.any(pc.and_kleene(scorable, other)).as_py())


def stale_dates(lake: Lake | str, model: Forest | None = None) -> list[dt.date]:
    """Dates (newest first) whose links hold rows the shipped trees did not score."""
    lake, version = Lake.at(lake), (model or load()).version
    return [d for d in reversed(partition_dates(lake, "links"))
            if any(_part_stale(lake, p, version) for p in list_parts(lake, "links", d))]
