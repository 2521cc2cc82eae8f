"""Full-text search over documents and sentences: an SQLite FTS5 index beside the warehouse.

DuckDB's fts extension is downloaded at run time, which an offline mission
cannot do; Python's sqlite3 has FTS5 built in. The index is derived from the
warehouse (``fact_documents``, ``documents_text``, ``sentences``, the market,
country and actor of each document) and records the build it came from
(``build_info.built_at``): ``ensure_index`` builds it again, into a new file
swapped in whole, when the warehouse is newer.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from ocwatch.web import lookup
from ocwatch.web.db import Warehouse
from ocwatch.web.search_query import parse

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks for matches, replaced after escaping
FACETS = ("market", "country", "actor", "source", "grade", "language")
_BATCH = 5000
INDEX_VERSION = "4"  # bumped when the index's layout or order changes, so old files are rebuilt

_SCHEMA = """
create table meta (key text primary key, value text);
create table docs (id integer primary key, doc_id text unique, title text, url text,
  source_id text, grade text, language text, day text, week text, week_start text, event_at text,
  published_at text, is_original integer, fetched_at text, root_doc_id text, partition_date text,
  raw_path text, author text, content_type text);
create table tags (id integer, facet text, value text);
create table sents (id integer primary key, doc integer, sent_idx integer);
create virtual table docs_fts using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
create virtual table sents_fts using fts5(text, tokenize = 'unicode61 remove_diacritics 2');
"""
_INDEXES = """
create index tags_facet on tags(facet, value, id);
create index tags_id on tags(id);
create index docs_day on docs(day);
"""


def index_path(warehouse_path: Path) -> Path:
    return Path(warehouse_path).with_name("search.sqlite")


def _indexed_build(path: Path) -> str | None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("select value from meta where key = 'built_at'").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None


_lock = threading.Lock()
_rebuilding: set[Path] = set()


def ensure_index(wh: Warehouse, wait: bool = False) -> Path:
    """The index for the warehouse's current build. Built here when there is none;
    when the warehouse is newer than an existing index, that index keeps answering
    while a background thread builds the new one (at a million documents a build
    takes minutes, and pages should not wait for it), unless ``wait``."""
    path = index_path(wh.path)
    built = f"{wh.built_at()}|v{INDEX_VERSION}"
    if _indexed_build(path) == built:
        return path
    if path.exists() and not wait:
        with _lock:
            if path not in _rebuilding:
                _rebuilding.add(path)
                threading.Thread(target=_rebuild, args=(wh, path), daemon=True).start()
        return path
    with _lock:
        if _indexed_build(path) != built:
            build_index(wh, path, built)
    return path


def _rebuild(wh: Warehouse, path: Path) -> None:
    try:
        with _lock:
            built = f"{wh.built_at()}|v{INDEX_VERSION}"
            if _indexed_build(path) != built:
                build_index(wh, path, built)
    finally:
        _rebuilding.discard(path)


def build_index(wh: Warehouse, path: Path, built_at: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        ids = _load_docs(wh, db)
        _load_tags(wh, db, ids)
        _load_sentences(wh, db, ids)
        lookup.load(wh, db, ids, _stream)
        db.executescript(_INDEXES)
        db.executescript(lookup.INDEXES)
        db.execute("insert into meta values ('built_at', ?)", (built_at,))
        db.commit()
        db.execute("insert into docs_fts(docs_fts) values ('optimize')")
        db.execute("insert into sents_fts(sents_fts) values ('optimize')")
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)


def _stream(wh: Warehouse, sql: str):
    cur = wh._connection().cursor()
    try:
        cur.execute(sql)
        while rows := cur.fetchmany(_BATCH):
            yield rows
    finally:
        cur.close()


def _load_docs(wh: Warehouse, db: sqlite3.Connection) -> dict[str, int]:
    ids: dict[str, int] = {}
    sql = """select f.doc_id, f.title, f.url, f.source_id, f.reliability, d.language,
                    strftime(f.event_at, '%Y-%m-%d'), f.week, f.week_start::VARCHAR,
                    strftime(f.event_at, '%Y-%m-%d %H:%M'), strftime(f.published_at, '%Y-%m-%d %H:%M'),
                    f.is_original::INT, strftime(f.fetched_at, '%Y-%m-%d %H:%M'), f.root_doc_id,
                    f.partition_date::VARCHAR, d.raw_path, d.author, d.content_type, t.text
             from fact_documents f
             left join documents d on d.doc_id = f.doc_id and d.partition_date = f.partition_date
             left join documents_text t on t.doc_id = f.doc_id and t.partition_date = f.partition_date
             order by f.event_at, f.doc_id"""
    for rows in _stream(wh, sql):
        start = len(ids) + 1
        batch = []
        for i, r in enumerate(rows, start):
            ids[r[0]] = i
            batch.append((i, *r[:18]))
        db.executemany(f"insert into docs values ({', '.join('?' * 19)})", batch)
        db.executemany("insert into docs_fts(rowid, title, body) values (?, ?, ?)",
                       [(i, r[1] or "", r[18] or "") for i, r in enumerate(rows, start)])
        for facet, col in (("source", 3), ("grade", 4), ("language", 5)):
            db.executemany("insert into tags values (?, ?, ?)",
                           [(i, facet, r[col]) for i, r in enumerate(rows, start) if r[col]])
    return ids


def _load_tags(wh: Warehouse, db: sqlite3.Connection, ids: dict[str, int]) -> None:
    queries = {
        "market": "select distinct doc_id, market from fact_doc_market_country",
        "country": "select distinct doc_id, country_iso3 from fact_doc_market_country",
        "actor": """select distinct m.doc_id, m.entity_id from mentions m
                    join fact_extractions x on x.doc_id = m.doc_id and x.partition_date = m.partition_date
                    where m.kind = 'actor' and m.entity_id is not null""",
    }
    for facet, sql in queries.items():
        for rows in _stream(wh, sql):
            db.executemany("insert into tags values (?, ?, ?)",
                           [(ids[d], facet, v) for d, v in rows if d in ids])


def _load_sentences(wh: Warehouse, db: sqlite3.Connection, ids: dict[str, int]) -> None:
    # in the documents' order (oldest first), so rowid order is time order here too
    sql = """select s.doc_id, s.sent_idx, s.text from sentences s
             join fact_extractions x on x.doc_id = s.doc_id and x.partition_date = s.partition_date
             join fact_documents f on f.doc_id = s.doc_id
             order by f.event_at, f.doc_id, s.sent_idx"""
    n = 0
    for rows in _stream(wh, sql):
        kept = [(ids[d], i, t) for d, i, t in rows if d in ids]
        batch = [(n + k + 1, doc, idx) for k, (doc, idx, _) in enumerate(kept)]
        db.executemany("insert into sents values (?, ?, ?)", batch)
        db.executemany("insert into sents_fts(rowid, text) values (?, ?)",
                       [(b[0], k[2]) for b, k in zip(batch, kept, strict=True)])
        n += len(kept)


def highlight(snippet: str | None) -> Markup:
    """Escape a snippet, then turn the match marks into <mark>: the text itself never becomes markup."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>"))


_DOC_COLUMNS = {"source": "source_id", "grade": "grade", "language": "language"}


@dataclass
class Filters:
    market: str = ""
    country: str = ""
    actor: str = ""
    source: str = ""
    grade: str = ""
    language: str = ""
    date_from: str = ""
    date_to: str = ""

    def clauses(self) -> tuple[list[str], list[str]]:
        where, params = [], []
        for facet in FACETS:
            value = getattr(self, facet)
            if value and facet in _DOC_COLUMNS:  # a column of the document itself
                where.append(f"d.{_DOC_COLUMNS[facet]} = ?")
                params.append(value)
            elif value:
                where.append("exists (select 1 from tags t where t.id = d.id and t.facet = ? and t.value = ?)")
                params += [facet, value]
        if self.date_from:
            where.append("d.day >= ?")
            params.append(self.date_from)
        if self.date_to:
            where.append("d.day <= ?")
            params.append(self.date_to)
        return where, params


@dataclass
class Results:
    expression: str
    documents: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    total: int = 0


FACET_SAMPLE = 1000  # facets count the first matches up to this many, so a common word stays fast


def search(index: Path, query: str, filters: Filters, limit: int = 50, sort: str = "newest") -> Results:
    """Matching documents and sentences, newest first (rowid order is time order:
    FTS5 walks it without scoring every match, so a common word stays fast), or by
    BM25 relevance with ``sort="relevance"``."""
    expr = parse(query)
    relevance = sort == "relevance"
    where, params = filters.clauses()
    extra = "".join(f" and {w}" for w in where)
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        res = Results(expr)
        ids = _ids(db, "docs_fts", "docs d on d.id = m.id", expr, extra, params, relevance, limit)
        rows = {r[0]: r[1:] for r in db.execute(
            f"""select docs_fts.rowid, d.doc_id, d.title, d.url, d.source_id, d.grade, d.language, d.day,
                       snippet(docs_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 24),
                       highlight(docs_fts, 0, '{_OPEN}', '{_CLOSE}')
                from docs_fts join docs d on d.id = docs_fts.rowid
                where docs_fts match ? and docs_fts.rowid in ({",".join(map(str, ids)) or "null"})""", [expr])}
        cols = ("doc_id", "title", "url", "source_id", "grade", "language", "day", "snippet", "title_hl")
        res.documents = [dict(zip(cols, rows[i], strict=True)) for i in ids if i in rows]
        ids = _ids(db, "sents_fts", "sents s on s.id = m.id join docs d on d.id = s.doc", expr, extra, params,
                   relevance, limit)
        rows = {r[0]: r[1:] for r in db.execute(
            f"""select sents_fts.rowid, d.doc_id, s.sent_idx, d.title, d.url, d.source_id, d.grade, d.day,
                       highlight(sents_fts, 0, '{_OPEN}', '{_CLOSE}')
                from sents_fts join sents s on s.id = sents_fts.rowid join docs d on d.id = s.doc
                where sents_fts match ? and sents_fts.rowid in ({",".join(map(str, ids)) or "null"})""", [expr])}
        scols = ("doc_id", "sent_idx", "title", "url", "source_id", "grade", "day", "sentence")
        res.sentences = [dict(zip(scols, rows[i], strict=True)) for i in ids if i in rows]
        hits = _ids(db, "docs_fts", "docs d on d.id = m.id", expr, extra, params, relevance, FACET_SAMPLE)
        res.total, res.facets = len(hits), _facets(db, hits)
    return res


def _ids(db: sqlite3.Connection, fts: str, join: str, expr: str, extra: str, params: list,
         relevance: bool, limit: int) -> list[int]:
    """Rowids of the first matches, in page order. FTS5 always drives: the matches are
    found once, then filtered; left to itself SQLite may walk a filter's ids (a market's
    hundred thousand documents) and evaluate the query again for each."""
    if not extra and not relevance:  # walk the index newest first and stop at the limit
        sql = f"select rowid from {fts} where {fts} match ? order by rowid desc limit ?"
        return [r[0] for r in db.execute(sql, [expr, limit])]
    rank = ", rank as r" if relevance else ""
    sql = f"""with m as materialized (select rowid as id{rank} from {fts} where {fts} match ?)
              select m.id from m join {join} where true{extra}
              order by {"m.r" if relevance else "m.id desc"} limit ?"""
    return [r[0] for r in db.execute(sql, [expr, *params, limit])]


def _facets(db: sqlite3.Connection, hits: list[int]) -> dict[str, list[tuple[str, int]]]:
    db.execute("create temp table hits (id integer primary key)")
    db.executemany("insert into hits values (?)", [(i,) for i in hits])
    facets: dict[str, list[tuple[str, int]]] = {}
    for facet in FACETS:
        facets[facet] = db.execute(
            # hits first (CROSS JOIN fixes the order), then each hit's tags by id: left to
            # itself SQLite walks every tag of the facet (millions) and probes the hits.
            "select t.value, count(*) n from hits h cross join tags t indexed by tags_id on t.id = h.id "
            "where t.facet = ? "
            "group by t.value order by n desc, t.value limit 12", [facet]).fetchall()
    return facets
