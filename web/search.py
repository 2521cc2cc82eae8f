"""Full-text search over documents and sentences, in the SQLite FTS5 index beside the warehouse.

The nightly build writes the index (``ocwatch.warehouse.search_index``); the
workbench only reads it. It records the build it came from: when the warehouse
is newer, the pages keep answering from it and say it is stale; when there is
none, the pages that need it say so and name the command that builds it. It is
never built on a request's path (at a million documents that takes minutes).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from ocwatch.warehouse.search_index import index_path, index_stamp, indexed_build
from ocwatch.web.db import Warehouse
from ocwatch.web.search_query import parse

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks for matches, replaced after escaping
FACETS = ("market", "country", "actor", "source", "grade", "language")
BUILD_COMMAND = "ocwatch index"


class IndexMissing(RuntimeError):
    """The warehouse has no search index beside it: the pages that read one cannot answer."""


def index_state(wh: Warehouse) -> tuple[Path, str]:
    """The index's path and ``ok``, ``stale`` (from an earlier build or layout) or ``missing``."""
    path = index_path(wh.path)
    stamp = _stamp_of(path)
    if stamp is None:
        return path, "missing"
    return path, "ok" if stamp == index_stamp(wh.built_at()) else "stale"


_stamps: dict[Path, tuple[tuple[int, int], str | None]] = {}


def _stamp_of(path: Path) -> str | None:
    # read once per file version: the build replaces the file whole, so (inode, mtime) names it
    try:
        st = path.stat()
    except OSError:
        return None
    key = (st.st_ino, st.st_mtime_ns)
    cached = _stamps.get(path)
    if cached is None or cached[0] != key:
        cached = _stamps[path] = (key, indexed_build(path))
    return cached[1]


def current_index(wh: Warehouse) -> Path:
    """The index to read (a stale one too: better the last build's answers than none).
    Raises IndexMissing, naming the file and the command, when there is none."""
    path, state = index_state(wh)
    if state == "missing":
        raise IndexMissing(f"no search index at {path}: the nightly build writes it; "
                           f"run `{BUILD_COMMAND}` (or `ocwatch build`) to build it now")
    return path


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
