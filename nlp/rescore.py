"""`ocwatch rescore-links`: the shipped link-confidence trees over links already in the lake.

New trees (a retrained model.json) change what counts only in partitions
extracted after them; parts written before the trees have no confidence at
all (and count). Rescoring gives every link of a date the shipped trees'
``confidence`` and ``confidence_model`` from the rows the lake already holds
(the document's text, its sentences and mentions, the link's surfaces):
nothing is parsed again, and a link's status, role and method stay as
extracted. Parts written before links kept their surfaces get them back from
the mentions, so their confidences may differ slightly from a new extraction.

Each links part is rewritten whole and atomically, so a failure leaves it as
it was. Links of a language the pipeline reads without a parser (es, pt)
never had a confidence and keep none. A link whose document text is gone
keeps its old confidence, and the document is recorded in the date's errors
(part ``rescore``, replaced on each run).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

import pyarrow.parquet as pq

from ocwatch.lake.contracts import dataset
from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import list_parts, read_partition, to_table, write_partition
from ocwatch.nlp.analyze import bounded
from ocwatch.nlp.links.confidence import with_confidence
from ocwatch.nlp.links.confidence.forest import Forest, load
from ocwatch.nlp.pipeline import get_parser

log = logging.getLogger(__name__)
Row = dict[str, Any]


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        out[r.pop("doc_id")].append(r)
    return out


def _texts(lake: Lake, day: dt.date, wanted: set[str]) -> dict[str, str]:
    """The first copy's text of each wanted document, as extraction read it."""
    out: dict[str, str] = {}
    for path in list_parts(lake, "documents", day):
        table = pq.read_table(lake.fs_path(path), columns=["doc_id", "text"], filesystem=lake.fs)
        for doc_id, text in zip(*table.to_pydict().values(), strict=True):
            if doc_id in wanted and doc_id not in out and text:
                out[doc_id] = bounded(text)
    return out


def _with_surfaces(links: list[Row], mentions: list[Row]) -> list[Row]:
    """Links of parts written before surfaces were kept get their actor's and place's words back: the
    entity's mention in the link's sentence, else the nearest one before it, else the first after."""
    spots: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in mentions:
        spots[m["entity_id"]].append((m["sent_idx"], m["surface"]))

    def surface(entity_id: str | None, sent_idx: int) -> str | None:
        found = sorted(spots.get(entity_id or "", []), key=lambda p: (p[0] > sent_idx, abs(p[0] - sent_idx)))
        return found[0][1] if found else None

    return [{**x, "actor_surface": x.get("actor_surface") or surface(x["actor_id"], x["sent_idx"]),
             "place_surface": x.get("place_surface") or surface(x["place_id"], x["sent_idx"])} for x in links]


def _lang(mentions: list[Row]) -> str | None:
    """The language the document was read in: the prefix of its model's name ('en_core_web_sm-3.8.0')."""
    version = next((m.get("model_version") for m in mentions if m.get("model_version")), None)
    return version.split("_", 1)[0] if version else None


class _Rescorer:
    """One date's documents, rows and the errors met rescoring them."""

    def __init__(self, lake: Lake, day: dt.date, doc_ids: set[str], model: Forest) -> None:
        self.model, self.day, self.errors = model, day, []
        self.texts = _texts(lake, day, doc_ids)
        self.sentences = _by_doc(read_partition(lake, "sentences", day).to_pylist())
        self.mentions = _by_doc(read_partition(lake, "mentions", day).to_pylist())

    def doc(self, doc_id: str, links: list[Row]) -> list[Row] | None:
        """The document's links with the trees' confidence; None when they stay as they were."""
        lang, text = _lang(self.mentions.get(doc_id, [])), self.texts.get(doc_id)
        if lang is None or get_parser(lang) is None:  # es, pt: rules only, never a confidence
            return None
        if text is None:
            self.errors.append({"stage": "rescore", "input": doc_id, "error_kind": "not_rescored",
                                "error": f"document {doc_id} ({self.day}): its text is not in the documents "
                                         f"of that date; its {len(links)} links are kept as they were",
                                "occurred_at": dt.datetime.now(dt.UTC)})
            return None
        mentions = self.mentions.get(doc_id, [])
        return with_confidence(text, self.sentences.get(doc_id, []), mentions, _with_surfaces(links, mentions),
                               lang, self.model)


def rescore_partition(lake: Lake | str, day: dt.date, model: Forest | None = None) -> dict[str, int]:
    """Give one date's links the trees' confidence; returns counts of links, rescored and kept ones (rules-only
    languages and lost texts), and errors (documents whose text was lost)."""
    lake, model = Lake.at(lake), model or load()
    links = read_partition(lake, "links", day)
    if links.num_rows == 0:
        return {"links": 0, "rescored": 0, "kept": 0, "errors": 0}
    rescorer = _Rescorer(lake, day, set(links.column("doc_id").to_pylist()), model)
    rescored = kept = 0
    for path in list_parts(lake, "links", day):
        part = path.rsplit("/", 1)[-1].removesuffix(".parquet")
        rows = to_table(dataset("links"), pq.read_table(lake.fs_path(path), filesystem=lake.fs)).to_pylist()
        out: list[Row] = []
        for doc_id, doc_links in _by_doc(rows).items():
            new = rescorer.doc(doc_id, doc_links)
            rescored += len(new or [])
            kept += len(doc_links) if new is None else 0
            out += [{"doc_id": doc_id, **x} for x in new or doc_links]
        write_partition(lake, "links", day, out, part=part)
    # written even when empty: a later clean rescore replaces an earlier run's errors
    write_partition(lake, "errors", day, rescorer.errors, part="rescore")
    counts = {"links": links.num_rows, "rescored": rescored, "kept": kept, "errors": len(rescorer.errors)}
    log.info("rescore %s: %s", day, counts)
    return counts
