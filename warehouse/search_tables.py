"""The lookup tables of the workbench's index: the rows behind the evidence and entity pages, by key.

The links behind them are those that count (``links_reviewed.counts``: asserted, a participant or
no actor, trusted by the link-confidence model or marked right, not marked wrong), as in the
indicators: a victim, a police force that seized, a negation or a set-aside reading makes no actor's
market or place. Copied once a build into B-tree-indexed SQLite tables beside the search tables
(``search_index.py``): the pages then read a few hundred rows by key instead of
scanning a column of a million. Rows are inserted in key order, so one key's
rows share a few pages even when the file is not in memory, and carry the
document's date, so an entity's newest rows are found without visiting ``docs``. They hold keys only (ids, sentence indexes,
flags); titles come from ``docs`` and sentence texts from the search index's own
copy, so nothing is stored twice. Read by ``ocwatch.web.lookup``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import duckdb

SCHEMA = """
create table ev (indicator text, market text, country text, week text, doc integer, sent_idx integer,
  actor text, place text, in_country integer);
create table lk (doc integer, actor text, market text, place text, country text, admin1 text, event_at text,
  week text, week_start text);
create table ment (kind text, entity text, doc integer, sent_idx integer, event_at text);
create table names (kind text, id text, name text, primary key (kind, id));
create table adm_weeks (market text, country text, admin1 text, week_start text, documents integer);
create table mkt_actors (market text, actor text, documents integer);
create table mdocs (market text, country text, week_start text, week text, doc integer, root_doc text,
  root_weight real, root_source text, source text, grade text, language text);
"""
INDEXES = """
create index ev_key on ev(indicator, market, country, week);
create index ev_actor on ev(indicator, actor);
create index lk_actor on lk(actor);
create index lk_place on lk(place);
create index ment_entity on ment(kind, entity, event_at);
create index ment_doc on ment(doc);
create index sents_key on sents(doc, sent_idx);
create index adm_weeks_key on adm_weeks(week_start);
create index adm_weeks_market on adm_weeks(market, week_start);
create index mkt_actors_key on mkt_actors(market, documents);
create index mdocs_key on mdocs(market, country, week_start);
"""

_LOADS = {
    "ev": """select indicator, market, country_iso3, week, doc_id, sent_idx, actor_id, place_id, in_country::INT
             from evidence order by indicator, market, country_iso3, week""",
    "lk": """select l.doc_id, l.actor_id, l.market, l.place_id, l.country_iso3, l.admin1,
                    strftime(f.event_at, '%Y-%m-%d %H:%M'), f.week, f.week_start::VARCHAR
             from links_reviewed l
             join fact_extractions x on x.doc_id = l.doc_id and x.partition_date = l.partition_date
             join fact_documents f on f.doc_id = l.doc_id where l.counts order by l.actor_id, f.event_at""",
    "ment": """select distinct m.kind, m.entity_id, m.doc_id, m.sent_idx, strftime(f.event_at, '%Y-%m-%d %H:%M') e
               from mentions m
               join fact_extractions x on x.doc_id = m.doc_id and x.partition_date = m.partition_date
               join fact_documents f on f.doc_id = m.doc_id
               where m.kind in ('actor', 'location') and m.entity_id is not null
               order by m.kind, m.entity_id, e""",
    # the per-document facts a trend is recounted from under a source, grade or language filter
    "mdocs": """select m.market, m.country_iso3, f.week_start::VARCHAR, f.week, m.doc_id, f.root_doc_id,
                       f.root_weight, f.root_source_id, f.source_id, f.root_reliability, d.language
                from fact_doc_market_country m join fact_documents f using (doc_id)
                left join documents d on d.doc_id = f.doc_id and d.partition_date = f.partition_date
                order by m.market, m.country_iso3, f.week_start""",
}
_DOC_COLUMN = {"ev": 4, "lk": 0, "ment": 2, "mdocs": 4}
_ADMIN1_WEEKS = """select l.market, l.country_iso3, l.admin1, f.week_start::VARCHAR, count(distinct l.doc_id)
                   from links_reviewed l
                   join fact_extractions x on x.doc_id = l.doc_id and x.partition_date = l.partition_date
                   join fact_documents f on f.doc_id = l.doc_id where l.admin1 is not null and l.counts group by all"""

# Documents per market and actor: a market page's actors, counted once a build instead of a scan of links.
_MARKET_ACTORS = """select l.market, l.actor_id, count(distinct l.doc_id) from links_reviewed l
                    join fact_extractions x on x.doc_id = l.doc_id and x.partition_date = l.partition_date
                    join fact_documents f on f.doc_id = l.doc_id
                    where l.actor_id is not null and l.market is not null and l.counts group by all"""

Stream = Callable[[duckdb.DuckDBPyConnection, str], Iterator[list[tuple]]]


def load_lookups(con: duckdb.DuckDBPyConnection, db: sqlite3.Connection, ids: dict[str, int],
                 stream: Stream) -> None:
    """Fill the lookup tables (``ids``: each document's row id in ``docs``); indexes come after the rows."""
    db.executescript(SCHEMA)
    for table, sql in _LOADS.items():
        col = _DOC_COLUMN[table]
        for rows in stream(con, sql):
            kept = [(*r[:col], ids[r[col]], *r[col + 1:]) for r in rows if r[col] in ids]
            db.executemany(f"insert into {table} values ({', '.join('?' * len(rows[0]))})", kept)
    for table, sql in (("adm_weeks", _ADMIN1_WEEKS), ("mkt_actors", _MARKET_ACTORS)):
        for rows in stream(con, sql):
            db.executemany(f"insert into {table} values ({', '.join('?' * len(rows[0]))})", rows)
    for kind, sql in (("actor", "select actor_id, name from actors"), ("place", "select place_id, name from places")):
        db.executemany("insert or ignore into names values (?, ?, ?)", [(kind, *r) for r in con.execute(sql).fetchall()])
