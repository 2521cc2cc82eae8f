"""Point lookups for the evidence and entity pages, from the workbench's SQLite index.

DuckDB scans: at a million documents, the sentences behind one indicator row
(the ``evidence`` view), or every mention of one actor, took seconds, because a
columnar scan reads every row to find a few hundred. The same rows, copied once
per build into B-tree-indexed SQLite tables beside the search index
(``search.sqlite``, written by the build: ``ocwatch.warehouse.search_tables``),
answer in milliseconds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ocwatch.web.db import Table


def _query(index: Path, sql: str, params: list | dict) -> Table:
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        cur = db.execute(sql, params)
        return Table([d[0] for d in cur.description], cur.fetchall())


_SENTENCE = "(select text from sents_fts where rowid = s.id)"


def evidence(index: Path, p: dict) -> Table:
    where, params = ["e.indicator = ?"], [p.get("indicator") or "market_activity_weekly"]
    for key, col in (("market", "market"), ("country", "country"), ("week", "week"),
                     ("actor", "actor"), ("place", "place")):
        if p.get(key):
            where.append(f"e.{col} = ?")
            params.append(p[key])
    return _query(index, f"""
        select e.week, e.market, e.country as country_iso3, d.doc_id, e.sent_idx, d.title, d.url, d.source_id,
               d.grade as reliability, d.published_at, {_SENTENCE} as sentence, d.is_original, e.in_country,
               e.actor as actor_id, e.place as place_id
        from ev e join docs d on d.id = e.doc left join sents s on s.doc = e.doc and s.sent_idx = e.sent_idx
        where {' and '.join(where)}
        order by e.in_country desc, d.is_original desc, d.published_at desc nulls last, d.doc_id, e.sent_idx
        limit 500""", params)


def entity_markets(index: Path, actor: str) -> Table:
    return _query(index, """select l.market, count(distinct l.doc) documents, min(l.event_at) first_seen,
                                   max(l.event_at) last_seen
                            from lk l where l.actor = ?
                            group by l.market order by documents desc""", [actor])


def actor_places(index: Path, actor: str) -> Table:
    return _query(index, """select l.place as place_id, n.name, max(l.country) country_iso3, max(l.admin1) admin1,
                                   count(distinct l.doc) documents
                            from lk l left join names n on n.kind = 'place' and n.id = l.place
                            where l.actor = ? group by l.place order by documents desc limit 200""", [actor])


def actor_timeline(index: Path, actor: str) -> Table:
    return _query(index, """select l.week, l.week_start, l.market, count(distinct l.doc) documents
                            from lk l where l.actor = ?
                            group by l.week, l.week_start, l.market order by l.week_start, l.market""", [actor])


def place_links(index: Path, place: str) -> Table:
    return _query(index, """select l.actor as actor_id, n.name as actor_name, l.market,
                                   count(distinct l.doc) documents, min(l.event_at) first_seen
                            from lk l
                            left join names n on n.kind = 'actor' and n.id = l.actor
                            where l.place = ? group by l.actor, l.market order by documents desc limit 200""",
                  [place])


def mention_evidence(index: Path, kind: str, entity: str) -> Table:
    # the newest 200 by the index on (kind, entity, event_at), then their documents and sentences
    return _query(index, f"""with m as materialized (
                               select doc, sent_idx, event_at from ment where kind = ? and entity = ?
                               order by event_at desc limit 200)
                             select d.event_at, d.doc_id, m.sent_idx, d.title, d.url, d.source_id,
                                    d.grade as reliability, {_SENTENCE} as sentence
                             from m join docs d on d.id = m.doc
                             left join sents s on s.doc = m.doc and s.sent_idx = m.sent_idx
                             order by d.event_at desc, d.doc_id, m.sent_idx""", [kind, entity])


def document_sentences(index: Path, doc_id: str) -> Table:
    return _query(index, f"""select s.sent_idx, {_SENTENCE} as text,
                                    (select group_concat(distinct m.kind || ':' || m.entity) from ment m
                                     where m.doc = s.doc and m.sent_idx = s.sent_idx) as entities
                             from sents s where s.doc = (select id from docs where doc_id = ?)
                             order by s.sent_idx""", [doc_id])


def admin1_week(index: Path, week_start: str, weeks_before: int = 12) -> Table:
    """Documents per market, country and first-level division in the week, beside
    their weekly mean over the ``weeks_before`` weeks before."""
    return _query(index, f"""
        select market, country as country_iso3, admin1,
               sum(documents) filter (where week_start = :ws) documents,
               round(coalesce(sum(documents) filter (where week_start < :ws), 0) / {float(weeks_before)}, 2)
                 as weekly_mean_before
        from adm_weeks where week_start between date(:ws, '-{7 * weeks_before} days') and :ws
        group by market, country, admin1
        having sum(documents) filter (where week_start = :ws) > 0 order by 4 desc limit 50""",
                  {"ws": week_start})


def document(index: Path, doc_id: str) -> dict | None:
    """A document's metadata and stored text (the search index keeps the text it indexed)."""
    t = _query(index, """select d.doc_id, d.title, d.url, d.source_id, d.grade as reliability, d.language,
                                d.published_at, d.fetched_at, d.event_at, d.is_original, d.root_doc_id,
                                d.partition_date, d.raw_path, d.author, d.content_type, f.body as text
                         from docs d join docs_fts f on f.rowid = d.id where d.doc_id = ?""", [doc_id])
    return t.dicts()[0] if t.rows else None


def admin1_activity(index: Path, market: str, date_from: str = "", date_to: str = "") -> Table:
    """Documents per first-level division for a market over a period (weeks starting in it)."""
    return _query(index, """select country as country_iso3, admin1, sum(documents) documents from adm_weeks
                            where market = :m and week_start >= :lo and week_start <= :hi
                            group by country, admin1 order by documents desc""",
                  {"m": market, "lo": date_from or "0000", "hi": date_to or "9999"})


def market_actors(index: Path, market: str) -> Table:
    return _query(index, """select m.actor as actor_id, n.name as actor_name, m.documents from mkt_actors m
                            left join names n on n.kind = 'actor' and n.id = m.actor
                            where m.market = ? order by m.documents desc, m.actor limit 50""", [market])


def source_documents(index: Path, source_id: str) -> Table:
    return _query(index, """select event_at, doc_id, title, url, is_original from docs
                            where source_id = ? order by event_at desc, doc_id limit 100""", [source_id])
