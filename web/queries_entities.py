"""Entity pages' questions: actor, place, market, source, document, each described once.

Every kind is found by the ``id`` in the query string and shows a few tables; each
table is registered in queries.TABLES as ``<kind>_<table>`` so the page's export
links write the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocwatch.web import lookup
from ocwatch.web.db import Table, Warehouse
from ocwatch.web.queries import TABLES, Params
from ocwatch.web.search import current_index

Fetch = Callable[[Warehouse, str], Any]  # (warehouse, entity id) -> the entity's row or one of its tables


def _row(sql: str) -> Fetch:
    """The entity's one row from the warehouse (None when the id names none)."""
    def fetch(wh: Warehouse, entity_id: str) -> dict | None:
        rows = wh.query(sql, [entity_id]).dicts()
        return rows[0] if rows else None
    return fetch


def _sql(sql: str) -> Fetch:
    return lambda wh, entity_id: wh.query(sql, [entity_id])


def _indexed(read: Callable[[Path, str], Any]) -> Fetch:
    """A question the search index answers (mentions and documents live there, not in the warehouse)."""
    return lambda wh, entity_id: read(current_index(wh), entity_id)


def _mentions(kind: str) -> Fetch:
    return _indexed(lambda index, entity_id: lookup.mention_evidence(index, kind, entity_id))


@dataclass(frozen=True)
class Entity:
    kind: str
    find: Fetch  # the entity's row, None for an unknown id (the page answers 404)
    tables: Mapping[str, Fetch]

    def row(self, wh: Warehouse, p: Params) -> dict | None:
        return self.find(wh, p.get("id", ""))

    def table(self, wh: Warehouse, name: str, p: Params) -> Table:
        return self.tables[name](wh, p.get("id", ""))

    def all_tables(self, wh: Warehouse, p: Params) -> dict[str, Table]:
        return {name: self.table(wh, name, p) for name in self.tables}


ACTOR = Entity("actor", _row("select a.*, t.label_en type_en, t.label_fr type_fr from actors a "
                             "left join actor_types t using (actor_type) where actor_id = ?"), {
    "markets": _indexed(lookup.entity_markets),
    "places": _indexed(lookup.actor_places),
    "timeline": _indexed(lookup.actor_timeline),
    "evidence": _mentions("actor"),
})
PLACE = Entity("place", _row("select * from places where place_id = ?"), {
    "links": _indexed(lookup.place_links),
    "evidence": _mentions("location"),
})
MARKET = Entity("market", _row("select * from markets where market = ?"), {
    "countries": _sql("""select country_iso3, sum(documents) documents, round(sum(score), 2) score,
                                count(*) filter (where is_spike) spikes, max(week) filter (where is_spike) last_spike
                         from market_activity_weekly where market = ? group by country_iso3
                         order by score desc"""),
    "actors": _indexed(lookup.market_actors),
})
SOURCE = Entity("source", _row("select * from sources where source_id = ?"), {
    "health": _sql("""select date, requests, ok, failed, not_modified,
                             round(failed / nullif(requests, 0), 3) failed_share, error_kinds
                      from coverage where source_id = ? order by date desc"""),
    "documents": _indexed(lookup.source_documents),
})
DOCUMENT = Entity("document", _indexed(lookup.document), {
    "sentences": _indexed(lookup.document_sentences),
    # every link read in the document, the set-aside ones too, so that an analyst can mark one right
    # (three digits: the threshold is 0.25, and 0.2496 must not read "0.25, set aside")
    "links": _sql("""select doc_id, sent_idx, actor_id, market, place_id, status, role, method,
                            round(confidence, 3) confidence, counts
                     from links_reviewed where doc_id = ?
                     order by sent_idx, actor_id nulls first, market, place_id limit 500"""),
})
ENTITIES = (ACTOR, PLACE, MARKET, SOURCE, DOCUMENT)


def _export(entity: Entity, name: str) -> Callable[[Warehouse, Params], Table]:
    return lambda wh, p: entity.table(wh, name, p)


for _entity in ENTITIES:
    for _name in _entity.tables:
        TABLES[f"{_entity.kind}_{_name}"] = _export(_entity, _name)
