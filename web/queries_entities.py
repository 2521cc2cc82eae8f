"""Entity pages: actor, place, market, source, document."""

from __future__ import annotations

from ocwatch.web import lookup
from ocwatch.web.db import Table, Warehouse
from ocwatch.web.queries import Params, table
from ocwatch.web.search import current_index


def actor(wh: Warehouse, actor_id: str) -> dict | None:
    rows = wh.query("select a.*, t.label_en type_en, t.label_fr type_fr from actors a "
                    "left join actor_types t using (actor_type) where actor_id = ?", [actor_id]).dicts()
    return rows[0] if rows else None


@table("actor_markets")
def actor_markets(wh: Warehouse, p: Params) -> Table:
    return lookup.entity_markets(current_index(wh), p.get("id", ""))


@table("actor_places")
def actor_places(wh: Warehouse, p: Params) -> Table:
    return lookup.actor_places(current_index(wh), p.get("id", ""))


@table("actor_timeline")
def actor_timeline(wh: Warehouse, p: Params) -> Table:
    return lookup.actor_timeline(current_index(wh), p.get("id", ""))


@table("actor_evidence")
def actor_evidence(wh: Warehouse, p: Params) -> Table:
    return lookup.mention_evidence(current_index(wh), "actor", p.get("id", ""))


def place(wh: Warehouse, place_id: str) -> dict | None:
    rows = wh.query("select * from places where place_id = ?", [place_id]).dicts()
    return rows[0] if rows else None


@table("place_links")
def place_links(wh: Warehouse, p: Params) -> Table:
    return lookup.place_links(current_index(wh), p.get("id", ""))


@table("place_evidence")
def place_evidence(wh: Warehouse, p: Params) -> Table:
    return lookup.mention_evidence(current_index(wh), "location", p.get("id", ""))


@table("market_countries")
def market_countries(wh: Warehouse, p: Params) -> Table:
    return wh.query("""select country_iso3, sum(documents) documents, round(sum(score), 2) score,
                              count(*) filter (where is_spike) spikes, max(week) filter (where is_spike) last_spike
                       from market_activity_weekly where market = ? group by country_iso3
                       order by score desc""", [p.get("id", "")])


@table("market_actors")
def market_actors(wh: Warehouse, p: Params) -> Table:
    return lookup.market_actors(current_index(wh), p.get("id", ""))


def source(wh: Warehouse, source_id: str) -> dict | None:
    rows = wh.query("select * from sources where source_id = ?", [source_id]).dicts()
    return rows[0] if rows else None


@table("source_health")
def source_health(wh: Warehouse, p: Params) -> Table:
    return wh.query("""select date, requests, ok, failed, not_modified,
                              round(failed / nullif(requests, 0), 3) failed_share, error_kinds
                       from coverage where source_id = ? order by date desc""", [p.get("id", "")])


@table("source_documents")
def source_documents(wh: Warehouse, p: Params) -> Table:
    return lookup.source_documents(current_index(wh), p.get("id", ""))


@table("document_sentences")
def document_sentences(wh: Warehouse, p: Params) -> Table:
    return lookup.document_sentences(current_index(wh), p.get("id", ""))
