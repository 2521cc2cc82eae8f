"""Full-text search over documents and sentences, in the SQLite FTS5 index beside the warehouse.

The nightly build writes the index (``ocwatch.warehouse.search_index``); the
workbench only reads it. It records the build it came from: when the warehouse
is newer, the pages keep answering from it and say it is stale; when there is
none, the pages that need it say so and name the command that builds it. It is
never built on a request's path (at a million documents that takes minutes).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from ocwatch.warehouse.search_index import (
    FACETS,
    filter_token,
    index_path,
    index_stamp,
    indexed_build,
)
from ocwatch.web.db import Warehouse
from ocwatch.web.search_query import parse

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks for matches, replaced after escaping
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

    def match(self, expr: str, columns: str) -> str:
        """The FTS5 expression: the analyst's terms in the text ``columns``, each filter a tag word."""
        terms = [f"{{{columns}}} : ({expr})"]
        terms += [f'tags : "{filter_token(f, getattr(self, f))}"' for f in FACETS if getattr(self, f)]
        return " AND ".join(terms)

    def rowids(self, db: sqlite3.Connection) -> tuple[tuple[int, int], tuple[int, int]]:
        """The dates as ranges of rowids, of docs and of sents (both are numbered in time order)."""
        lo = hi = None
        if self.date_from:
            lo = _one(db, "select id from docs where day >= ? order by day, id limit 1", self.date_from, 1 << 62)
        if self.date_to:
            hi = _one(db, "select id from docs where day <= ? order by day desc, id desc limit 1", self.date_to, 0)
        docs = (lo or 0, hi if hi is not None else 1 << 62)
        slo = _one(db, "select id from sents where doc >= ? order by doc, sent_idx limit 1", docs[0], 1 << 62)
        shi = _one(db, "select id from sents where doc <= ? order by doc desc, sent_idx desc limit 1", docs[1], 0)
        return docs, (slo, shi)


def _one(db: sqlite3.Connection, sql: str, value: object, default: int) -> int:
    row = db.execute(sql, [value]).fetchone()
    return row[0] if row else default


@dataclass
class Results:
    expression: str
    documents: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    total: int = 0
    complete: bool = True  # False when counting stopped at its time budget before FACET_SAMPLE matches


FACET_SAMPLE = 1000  # facets count the newest matches up to this many, so a common word stays fast
COUNT_BUDGET_S = 0.1  # ... and stop earlier on a rare phrase of common words, which FTS5 must check everywhere
_DOC_COLS = ("doc_id", "title", "url", "source_id", "grade", "language", "day", "snippet", "title_hl")
_SENT_COLS = ("doc_id", "sent_idx", "title", "url", "source_id", "grade", "day", "sentence")


def search(index: Path, query: str, filters: Filters, limit: int = 50, sort: str = "newest") -> Results:
    """Matching documents and sentences, newest first (rowid order is time order: FTS5
    walks it backwards and stops at the limit), or by BM25 relevance with ``sort="relevance"``.
    Filters are words of the FTS rows and dates are rowid ranges, so FTS5 alone finds the page."""
    res = Results(parse(query))
    relevance = sort == "relevance"
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        drange, srange = filters.rowids(db)
        dmatch, smatch = filters.match(res.expression, "title body"), filters.match(res.expression, "text")
        ids = _ids(db, "docs_fts", dmatch, drange, relevance, limit)
        rows = _rows(db, f"""select docs_fts.rowid, d.doc_id, d.title, d.url, d.source_id, d.grade, d.language,
                                    d.day, snippet(docs_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 24),
                                    highlight(docs_fts, 0, '{_OPEN}', '{_CLOSE}')
                             from docs_fts join docs d on d.id = docs_fts.rowid""", "docs_fts", dmatch, ids)
        res.documents = [dict(zip(_DOC_COLS, rows[i], strict=True)) for i in ids if i in rows]
        ids = _ids(db, "sents_fts", smatch, srange, relevance, limit)
        rows = _rows(db, f"""select sents_fts.rowid, d.doc_id, s.sent_idx, d.title, d.url, d.source_id, d.grade,
                                    d.day, highlight(sents_fts, 0, '{_OPEN}', '{_CLOSE}')
                             from sents_fts join sents s on s.id = sents_fts.rowid
                             join docs d on d.id = s.doc""", "sents_fts", smatch, ids)
        res.sentences = [dict(zip(_SENT_COLS, rows[i], strict=True)) for i in ids if i in rows]
        hits, res.complete = _newest(db, dmatch, drange)
        res.total, res.facets = len(hits), _facets(db, hits)
    return res


def _ids(db: sqlite3.Connection, fts: str, match: str, rowids: tuple[int, int], relevance: bool,
         limit: int) -> list[int]:
    order = "rank" if relevance else "rowid desc"
    sql = f"select rowid from {fts} where {fts} match ? and rowid between ? and ? order by {order} limit ?"
    return [r[0] for r in db.execute(sql, [match, *rowids, limit])]


def _rows(db: sqlite3.Connection, select: str, fts: str, match: str, ids: list[int]) -> dict[int, tuple]:
    """The page's rows by rowid (highlights and snippets need the match expression again)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    cur = db.execute(f"{select} where {fts} match ? and {fts}.rowid in ({marks})", [match, *ids])
    return {r[0]: r[1:] for r in cur}


def _newest(db: sqlite3.Connection, match: str, rowids: tuple[int, int]) -> tuple[list[int], bool]:
    """Up to FACET_SAMPLE newest matching documents, found within COUNT_BUDGET_S; and whether the
    budget left them all found (a rare phrase of common words makes FTS5 read every document's
    positions of both words, which at a million documents takes seconds)."""
    deadline = time.perf_counter() + COUNT_BUDGET_S
    cur = db.execute("select rowid from docs_fts where docs_fts match ? and rowid between ? and ? "
                     "order by rowid desc limit ?", [match, *rowids, FACET_SAMPLE])
    hits = []
    for (rowid,) in cur:
        hits.append(rowid)
        if time.perf_counter() > deadline:
            return hits, False
    return hits, True


def _facets(db: sqlite3.Connection, hits: list[int]) -> dict[str, list[tuple[str, int]]]:
    db.execute("create temp table hits (id integer primary key)")
    db.executemany("insert into hits values (?)", [(i,) for i in hits])
    counts = db.execute(
        # hits first (CROSS JOIN fixes the order), then each hit's tags, adjacent in the covering index
        "select t.facet, t.value, count(*) n from hits h cross join tags t indexed by tags_cover on t.id = h.id "
        "group by t.facet, t.value order by n desc, t.value").fetchall()
    facets: dict[str, list[tuple[str, int]]] = {f: [] for f in FACETS}
    for facet, value, n in counts:
        if len(facets[facet]) < 12:
            facets[facet].append((value, n))
    return facets
