"""Small hand-made lakes for tests and examples: a document is one call, the lake one write.

Each ``doc()`` makes what the crawler and the NLP stage would have written for
one article: its ``documents`` row, one sentence, a market mention, a place
mention and, when an actor is named, the actor mention and the link. Rows go
through ocwatch.lake.partitions.write_partition, so they obey the declared contracts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ocwatch.lake.partitions import write_partition

UTC = dt.UTC


def _ts(day: dt.date | dt.datetime, hour: int = 12) -> dt.datetime:
    if isinstance(day, dt.datetime):
        return day if day.tzinfo else day.replace(tzinfo=UTC)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass
class SampleLake:
    """Accumulates rows by dataset, partition date and part, then writes them all."""

    lake: str
    rows: dict[tuple[str, dt.date, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list))

    def _add(self, name: str, partition: dt.date, part: str, row: dict[str, Any]) -> None:
        self.rows[(name, partition, part)].append(row)

    def doc(self, doc_id: str, source_id: str, published: dt.date | dt.datetime | None, *,
            market: str = "non_renewable_resource_crimes", commodity: str | None = "gold",
            country: str = "COD", place_id: str | None = None, actor_id: str | None = None,
            near_dup_of: str | None = None, fetched: dt.date | None = None,
            partition: dt.date | None = None, text: str | None = None,
            market_mentions: int = 1, status: str | None = None, role: str | None = None,
            confidence: float | None = None) -> str:
        """One article that the NLP stage tied to a market and a place (and maybe an actor).

        ``status`` and ``role`` go on its mentions and link, ``confidence`` on its link (None: rows written
        before they existed)."""
        fetched_day = fetched or (published.date() if isinstance(published, dt.datetime) else published)
        part_day = partition or fetched_day
        assert fetched_day is not None and part_day is not None
        sentence = text or f"{doc_id}: {actor_id or 'someone'} trades {commodity or market} in {country}."
        place = place_id or f"country:{country}"
        self._add("documents", part_day, source_id, {
            "doc_id": doc_id, "url": f"https://{source_id}.example/{doc_id}", "source_id": source_id,
            "title": f"Title of {doc_id}", "published_at": _ts(published) if published else None,
            "fetched_at": _ts(fetched_day, 18), "language": "en", "text": sentence,
            "content_sha256": hashlib.sha256(sentence.encode()).hexdigest(),
            "raw_path": f"raw/{doc_id}.gz", "near_dup_of": near_dup_of})
        self._add("sentences", part_day, "part", {
            "doc_id": doc_id, "sent_idx": 0, "start_char": 0, "end_char": len(sentence), "text": sentence})
        base = {"doc_id": doc_id, "sent_idx": 0, "start_char": 0, "end_char": 1, "method": "ruler",
                "status": status}
        for _ in range(market_mentions):
            self._add("mentions", part_day, "part", {
                **base, "surface": commodity or market, "kind": "commodity",
                "entity_id": commodity or f"activity:{market}", "market": market})
        self._add("mentions", part_day, "part", {
            **base, "surface": place.split(":")[-1], "kind": "location", "entity_id": place,
            "country_iso3": country})
        if actor_id:
            self._add("mentions", part_day, "part", {
                **base, "surface": actor_id.upper(), "kind": "actor", "entity_id": actor_id})
            self._add("links", part_day, "part", {
                "doc_id": doc_id, "sent_idx": 0, "actor_id": actor_id, "market": market,
                "commodity_id": commodity, "place_id": place, "country_iso3": country, "status": status,
                "role": role, "confidence": confidence})
        return doc_id

    def crawl(self, source_id: str, day: dt.date, error_kind: str | None = None,
              requests: int = 1) -> None:
        """Crawl outcomes of one source on one run date (error_kind None = documents kept)."""
        for i in range(requests):
            self._add("crawl_log", day, source_id, {
                "url": f"https://{source_id}.example/feed?{i}", "source_id": source_id,
                "status": None if error_kind in ("timeout", "dns", "refused") else
                (200 if error_kind is None else 500), "error_kind": error_kind,
                "error": None if error_kind is None else f"{error_kind} on {source_id}",
                "bytes": 100, "elapsed_ms": 5.0, "fetched_at": _ts(day, 2)})

    def write(self) -> None:
        for (name, day, part), rows in self.rows.items():
            write_partition(self.lake, name, day, rows, part=part)
        self.rows.clear()
