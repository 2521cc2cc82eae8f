"""Entity pages: actor, place, market, source, document."""

from __future__ import annotations

from ocwatch.web.db import Table, Warehouse
from ocwatch.web.queries import Params, table

# Links of the documents' current extraction only (a re-extracted document counts once).
_LINKS = """(select l.*, f.week, f.week_start, f.event_at, f.source_id, f.reliability from links l
             join fact_extractions x on x.doc_id = l.doc_id and x.partition_date = l.partition_date
             join fact_documents f on f.doc_id = l.doc_id)"""


def actor(wh: Warehouse, actor_id: str) -> dict | None:
    rows = wh.query("select a.*, t.label_en type_en, t.label_fr type_fr from actors a "
                    "left join actor_types t using (actor_type) where actor_id = ?", [actor_id]).dicts()
    return rows[0] if rows else None


@table("actor_markets")
def actor_markets(wh: Warehouse, p: Params) -> Table:
    return wh.query(f"""select market, count(distinct doc_id) documents, min(event_at) first_seen,
                              max(event_at) last_seen
                       from {_LINKS} where actor_id = ? group by market order by documents desc""",
                    [p.get("id", "")])


@table("actor_places")
def actor_places(wh: Warehouse, p: Params) -> Table:
    return wh.query(f"""select l.place_id, any_value(pl.name) name, any_value(l.country_iso3) country_iso3,
                              any_value(l.admin1) admin1, count(distinct l.doc_id) documents
                       from {_LINKS} l left join places pl using (place_id)
                       where l.actor_id = ? group by l.place_id order by documents desc limit 200""",
                    [p.get("id", "")])


@table("actor_timeline")
def actor_timeline(wh: Warehouse, p: Params) -> Table:
    return wh.query(f"""select week, week_start, market, count(distinct doc_id) documents
                       from {_LINKS} where actor_id = ? group by all order by week_start, market""",
                    [p.get("id", "")])


@table("actor_evidence")
def actor_evidence(wh: Warehouse, p: Params) -> Table:
    return wh.query(
        """select f.event_at, f.doc_id, s.sent_idx, f.title, f.url, f.source_id, f.reliability, s.text sentence
           from mentions m join fact_extractions x on x.doc_id = m.doc_id and x.partition_date = m.partition_date
           join sentences s on s.doc_id = m.doc_id and s.partition_date = m.partition_date and s.sent_idx = m.sent_idx
           join fact_documents f on f.doc_id = m.doc_id
           where m.kind = 'actor' and m.entity_id = ?
           group by all order by f.event_at desc, f.doc_id, s.sent_idx limit 200""", [p.get("id", "")])


def place(wh: Warehouse, place_id: str) -> dict | None:
    rows = wh.query("select * from places where place_id = ?", [place_id]).dicts()
    return rows[0] if rows else None


@table("place_links")
def place_links(wh: Warehouse, p: Params) -> Table:
    return wh.query(f"""select l.actor_id, any_value(a.name) actor_name, l.market,
                              count(distinct l.doc_id) documents, min(l.event_at) first_seen
                       from {_LINKS} l left join actors a using (actor_id)
                       where l.place_id = ? group by l.actor_id, l.market order by documents desc limit 200""",
                    [p.get("id", "")])


@table("place_evidence")
def place_evidence(wh: Warehouse, p: Params) -> Table:
    return wh.query(
        """select f.event_at, f.doc_id, s.sent_idx, f.title, f.url, f.source_id, f.reliability, s.text sentence
           from mentions m join fact_extractions x on x.doc_id = m.doc_id and x.partition_date = m.partition_date
           join sentences s on s.doc_id = m.doc_id and s.partition_date = m.partition_date and s.sent_idx = m.sent_idx
           join fact_documents f on f.doc_id = m.doc_id
           where m.kind = 'location' and m.entity_id = ?
           group by all order by f.event_at desc, f.doc_id, s.sent_idx limit 200""", [p.get("id", "")])


@table("market_countries")
def market_countries(wh: Warehouse, p: Params) -> Table:
    return wh.query("""select country_iso3, sum(documents) documents, round(sum(score), 2) score,
                              count(*) filter (where is_spike) spikes, max(week) filter (where is_spike) last_spike
                       from market_activity_weekly where market = ? group by country_iso3
                       order by score desc""", [p.get("id", "")])


@table("market_actors")
def market_actors(wh: Warehouse, p: Params) -> Table:
    return wh.query(f"""select l.actor_id, any_value(a.name) actor_name, count(distinct l.doc_id) documents
                       from {_LINKS} l left join actors a using (actor_id)
                       where l.market = ? and l.actor_id is not null
                       group by l.actor_id order by documents desc limit 50""", [p.get("id", "")])


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
    return wh.query("""select event_at, doc_id, title, url, is_original from fact_documents
                       where source_id = ? order by event_at desc limit 100""", [p.get("id", "")])


def document(wh: Warehouse, doc_id: str) -> dict | None:
    rows = wh.query("""select f.*, d.language, d.content_type, d.raw_path, d.author
                       from fact_documents f left join documents d
                         on d.doc_id = f.doc_id and d.partition_date = f.partition_date
                       where f.doc_id = ?""", [doc_id]).dicts()
    return rows[0] if rows else None


def document_text(wh: Warehouse, doc: dict) -> str | None:
    try:
        return wh.scalar("select text from documents_text where doc_id = ? and partition_date = ?",
                         [doc["doc_id"], doc["partition_date"]])
    except Exception:  # the lake may be absent where only the warehouse file was copied
        return None


@table("document_sentences")
def document_sentences(wh: Warehouse, p: Params) -> Table:
    return wh.query("""select s.sent_idx, s.text, string_agg(distinct m.kind || ':' || coalesce(m.entity_id, m.surface), ', ') entities
                       from sentences s join fact_extractions x on x.doc_id = s.doc_id and x.partition_date = s.partition_date
                       left join mentions m on m.doc_id = s.doc_id and m.partition_date = s.partition_date and m.sent_idx = s.sent_idx
                       where s.doc_id = ? group by s.sent_idx, s.text order by s.sent_idx""", [p.get("id", "")])
