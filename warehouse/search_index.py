"""The workbench's index (``search.sqlite``), built by the nightly build beside the warehouse.

SQLite, because DuckDB's fts extension is downloaded at run time, which an
offline mission cannot do, and Python's sqlite3 has FTS5 built in; and because
the evidence and entity pages ask for a few rows by key, which a B-tree answers
in milliseconds where a columnar scan of a million documents takes seconds
(docs/WORKBENCH.md). It is derived from the warehouse only, stamped with the
build it came from (``build_info.built_at``) and the layout (``INDEX_VERSION``),
written to a temp file and renamed over the old one, so a reader sees one whole
index. The workbench only reads it (``ocwatch.web.search``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ocwatch.warehouse.build import build_lock
from ocwatch.warehouse.query import connect_read_only
from ocwatch.warehouse.search_tables import INDEXES as LOOKUP_INDEXES
from ocwatch.warehouse.search_tables import load_lookups

log = logging.getLogger("ocwatch.warehouse")

INDEX_FILE = "search.sqlite"
INDEX_VERSION = "9"  # bumped when the layout or order changes: the workbench then calls the index stale
_BATCH = 5000

FACETS = ("market", "country", "actor", "source", "grade", "language")

# Each document's facet values are also words of its FTS rows (column ``tags``), so a filtered
# search is one FTS5 query: FTS5 intersects the filter's short doclist with the words' long ones
# instead of SQLite checking every match against the filter.
_SCHEMA = """
create table meta (key text primary key, value text);
create table docs (id integer primary key, doc_id text unique, title text, url text,
  source_id text, grade text, language text, day text, week text, week_start text, event_at text,
  published_at text, is_original integer, fetched_at text, root_doc_id text, partition_date text,
  raw_path text, author text, content_type text);
create table tags (id integer, facet text, value text);
create table sents (id integer primary key, doc integer, sent_idx integer);
create virtual table docs_fts using fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2');
create virtual table sents_fts using fts5(text, tags, tokenize = 'unicode61 remove_diacritics 2');
"""
# tags_cover holds every column: a document's tags are adjacent entries, read without the table
_INDEXES = """
create index tags_cover on tags(id, facet, value);
create index docs_day on docs(day);
create index docs_source on docs(source_id, event_at);
"""


def filter_token(facet: str, value: str) -> str:
    """The word standing for a facet value in the ``tags`` column: letters and digits only,
    so no tokenizer splits it, and no analyst's word can equal it."""
    return f"{facet[0]}{value.encode().hex()}x"


def index_path(warehouse_path: Path) -> Path:
    return Path(warehouse_path).with_name(INDEX_FILE)


def index_stamp(built_at: object) -> str:
    """What an index records of its build: the warehouse's ``built_at`` and the index layout."""
    return f"{built_at}|v{INDEX_VERSION}"


def indexed_build(path: Path) -> str | None:
    """The stamp an index file records, or None when there is no readable index."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("select value from meta where key = 'built_at'").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None


def build_search_index(warehouse_path: Path) -> Path:
    """Build the index of the warehouse at ``warehouse_path`` beside it (a new file, then a
    rename), under the build lock so no build swaps the warehouse away meanwhile; returns its path."""
    warehouse_path = Path(warehouse_path).resolve()
    path = index_path(warehouse_path)
    with build_lock(warehouse_path):
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a killed build
            stale.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            _write(warehouse_path, tmp)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    log.info("search index built at %s", path)
    return path


def _write(warehouse_path: Path, tmp: Path) -> None:
    # every view that may read the lake (documents_text; every dataset of a views-mode build)
    con = connect_read_only(warehouse_path, sql=None)  # every view over the lake
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        ids, words = _load_docs(con, db)
        _load_sentences(con, db, ids, words)
        load_lookups(con, db, ids, stream)
        db.executescript(_INDEXES)
        db.executescript(LOOKUP_INDEXES)
        built_at = con.execute("select built_at from build_info").fetchone()[0]
        db.execute("insert into meta values ('built_at', ?)", (index_stamp(built_at),))
        db.commit()
        db.execute("insert into docs_fts(docs_fts) values ('optimize')")
        db.execute("insert into sents_fts(sents_fts) values ('optimize')")
        db.commit()
    finally:
        db.close()
        con.close()


def stream(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[list[tuple]]:
    res = con.execute(sql)
    while rows := res.fetchmany(_BATCH):
        yield rows


def _load_docs(con: duckdb.DuckDBPyConnection, db: sqlite3.Connection) -> tuple[dict[str, int], list[str]]:
    """Documents with their texts and facets; returns each doc_id's row id (rowids in time order,
    oldest first: search walks them backwards, newest first) and each row's tag words."""
    order = con.execute("select doc_id from fact_documents order by event_at, doc_id").fetchall()
    ids = {doc_id: i for i, (doc_id,) in enumerate(order, 1)}
    found = _found_facets(con, db, ids)
    words = [""] * (len(ids) + 1)
    # Facets apart from the texts: one query holding both, sorted, outgrew DuckDB's memory at a million.
    for rows in stream(con, _DOCS):
        docs, fts, tags = [], [], []
        for r in rows:
            i = ids[r[0]]
            docs.append((i, *r[:18]))
            own = [(f, v) for f, v in (("source", r[3]), ("grade", r[4]), ("language", r[5])) if v]
            tags += [(i, f, v) for f, v in own]
            words[i] = " ".join([*(filter_token(f, v) for f, v in own), found.get(i, "")]).strip()
            fts.append((i, r[1] or "", r[18] or "", words[i]))
        db.executemany(f"insert into docs values ({', '.join('?' * 19)})", docs)
        db.executemany("insert into docs_fts(rowid, title, body, tags) values (?, ?, ?, ?)", fts)
        db.executemany("insert into tags values (?, ?, ?)", tags)
    return ids, words


def _found_facets(con: duckdb.DuckDBPyConnection, db: sqlite3.Connection,
                  ids: dict[str, int]) -> dict[int, str]:
    """Market, country and actor of each document (what the NLP found), into ``tags``; returned as
    each row id's tag words (one string a document: a million documents' lists would take gigabytes)."""
    found: dict[int, str] = {}
    for rows in stream(con, _FOUND):
        kept = [(ids[d], f, v) for d, f, v in rows if d in ids]
        db.executemany("insert into tags values (?, ?, ?)", kept)
        for i, f, v in kept:
            found[i] = f"{found.get(i, '')} {filter_token(f, v)}"
    return found


_FOUND = """
    select distinct doc_id, 'market', market from fact_doc_market_country
    union all select distinct doc_id, 'country', country_iso3 from fact_doc_market_country
    union all select distinct m.doc_id, 'actor', m.entity_id from mentions m
      join fact_extractions x on x.doc_id = m.doc_id and x.partition_date = m.partition_date
      where m.kind = 'actor' and m.entity_id is not null"""
_DOCS = """
    select f.doc_id, f.title, f.url, f.source_id, f.reliability, d.language,
           strftime(f.event_at, '%Y-%m-%d'), f.week, f.week_start::VARCHAR,
           strftime(f.event_at, '%Y-%m-%d %H:%M'), strftime(f.published_at, '%Y-%m-%d %H:%M'),
           f.is_original::INT, strftime(f.fetched_at, '%Y-%m-%d %H:%M'), f.root_doc_id,
           f.partition_date::VARCHAR, d.raw_path, d.author, d.content_type, t.text
    from fact_documents f
    left join documents d on d.doc_id = f.doc_id and d.partition_date = f.partition_date
    left join documents_text t on t.doc_id = f.doc_id and t.partition_date = f.partition_date
    order by f.event_at, f.doc_id"""


def _load_sentences(con: duckdb.DuckDBPyConnection, db: sqlite3.Connection, ids: dict[str, int],
                    words: list[str]) -> None:
    # in the documents' order (oldest first), so rowid order is time order here too
    sql = """select s.doc_id, s.sent_idx, s.text from sentences s
             join fact_extractions x on x.doc_id = s.doc_id and x.partition_date = s.partition_date
             join fact_documents f on f.doc_id = s.doc_id
             order by f.event_at, f.doc_id, s.sent_idx"""
    n = 0
    for rows in stream(con, sql):
        kept = [(ids[d], i, t) for d, i, t in rows if d in ids]
        batch = [(n + k + 1, doc, idx) for k, (doc, idx, _) in enumerate(kept)]
        db.executemany("insert into sents values (?, ?, ?)", batch)
        db.executemany("insert into sents_fts(rowid, text, tags) values (?, ?, ?)",
                       [(b[0], k[2], words[k[0]]) for b, k in zip(batch, kept, strict=True)])
        n += len(kept)
