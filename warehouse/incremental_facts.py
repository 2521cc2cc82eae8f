"""fact_documents recomputed only for the documents a build changes.

fact_documents has a row per document of the whole history; rebuilding it was
most of an incremental build's model time, growing with every night (1.3 s of
2.5 s after a month at 10,000 documents a night). A row depends on the
document's versions (its latest crawl wins), the build date (documents dated
after it are left out), the sources dimension, and its near-duplicate chain.
So when the previous build had the same models, sources and parameters, the
build keeps the previous rows of every document none of those touched and
recomputes the rest (the *scope*):

- documents with a row in a lake partition the build reloaded (new, rewritten or removed);
- documents whose previous row came from such a partition;
- documents whose time lies between the previous and this build date (they enter or leave the window);
- and every document whose near-duplicate chain passes through one of those (its root may change).

The previous rows of the scope are deleted and the table is kept, so the
model (``-- materialized: incremental``) inserts the scope's new rows only:
rewriting the whole table cost more than computing it. The model reads the
scope, and the kept rows' roots, from two temporary objects this module
makes; a full build scopes every document and keeps none, so there is one
SQL for both (tests/test_warehouse_incremental.py compares the two table by table).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

PREV = "_prev_fact_documents"
SCOPE = "_fact_documents_scope"
KEPT = "_fact_documents_kept"


def reuse_key(models_dir: Path, sources: list[dict[str, Any]], params: dict[str, Any]) -> str:
    """Changes whenever a model file, the sources registry or a model parameter does."""
    h = hashlib.sha256()
    for path in sorted(models_dir.rglob("*.sql")):
        h.update(str(path.relative_to(models_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(json.dumps([sources, params], sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class PreviousFacts:
    as_of: dt.date


def stash(con: duckdb.DuckDBPyConnection, key: str) -> PreviousFacts | None:
    """Before the derived tables go: keep the previous fact_documents if it was built as this build would."""
    try:
        prev_as_of, prev_key = con.execute("select as_of, reuse_key from build_info").fetchone()
        con.execute("select 1 from fact_documents limit 0")
    except duckdb.Error:  # a warehouse from before reuse keys, or without the table
        return None
    if prev_key != key:
        return None
    con.execute(f"alter table fact_documents rename to {PREV}")
    return PreviousFacts(prev_as_of)


def _all_in_scope(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create or replace temp table {SCOPE} as select distinct doc_id from documents")
    # The columns the model reads from kept rows; no rows.
    con.execute(f"create or replace temp view {KEPT} as select NULL::VARCHAR as doc_id, "
                "NULL::VARCHAR as root_doc_id, NULL::VARCHAR as source_id limit 0")


def scope_documents(con: duckdb.DuckDBPyConnection, previous: PreviousFacts | None,
                    changed_dates: list[dt.date], as_of: dt.date) -> int:
    """Make the scope and kept-rows tables fact_documents reads; returns the documents in scope."""
    if previous is None:
        _all_in_scope(con)
    else:
        lo, hi = sorted([previous.as_of, as_of])
        con.execute(f"""
            create or replace temp table {SCOPE} as
            with recursive touched as (
                select doc_id from documents where partition_date in (select unnest(?::DATE[]))
                union
                select doc_id from {PREV} where partition_date in (select unnest(?::DATE[]))
                union
                select doc_id from documents
                where timezone('UTC', coalesce(published_at, fetched_at)) >= ?::DATE + interval 1 day
                  and timezone('UTC', coalesce(published_at, fetched_at)) < ?::DATE + interval 1 day
            ),
            downstream(doc_id) as (  -- union, not union all: a cycle of copies ends
                select doc_id from touched
                union
                select p.doc_id from {PREV} p join downstream d on p.near_dup_of = d.doc_id
            )
            select doc_id from downstream""", [changed_dates, changed_dates, lo, hi])
        con.execute(f"delete from {PREV} where doc_id in (select doc_id from {SCOPE})")
        con.execute(f"alter table {PREV} rename to fact_documents")
        # Read when the model runs: the kept rows, before its own insert.
        con.execute(f"create or replace temp view {KEPT} as select doc_id, root_doc_id, source_id from fact_documents")
    return con.execute(f"select count(*) from {SCOPE}").fetchone()[0]


def drop_previous(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"drop table if exists {PREV}")
    con.execute(f"drop view if exists {KEPT}")
    con.execute(f"drop table if exists {SCOPE}")
