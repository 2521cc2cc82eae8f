"""Facts over all of history recomputed only for the documents (and weeks) a build changes.

The fact models with a row (or rows) per document over the whole history
(``fact_documents``, ``fact_extractions``, ``fact_doc_market_country``,
``fact_market_sentences``, ``fact_place_sentences``) made most of an
incremental build's model time, growing every night (1.8 s of 2.5 s after a
month at 10,000 documents a night). A document's rows depend on its own
versions (its latest crawl wins) and NLP output, the build date (documents
dated after it are left out), the sources dimension, and its near-duplicate
chain. So when the previous build had the same models, sources and
parameters, the build keeps the previous rows of every document none of
those touched and recomputes the rest (the *scope*):

- documents with a row in a lake partition the build reloaded (new, rewritten or removed), of
  ``documents`` or of the NLP datasets;
- documents whose previous row came from such a partition;
- documents whose time lies between the previous and this build date (they enter or leave the window);
- and every document whose near-duplicate chain passes through one of those (its root may change).

Each incremental model (``-- materialized: incremental``) names the rows it
recomputes (``-- incremental_delete: <predicate>``): the runner deletes them
and inserts the model's rows, so a kept table is never rewritten whole
(writing it back cost more than computing it). The per-document facts
delete the scope's documents (``_doc_scope``); the activity aggregates
(``fact_market_weeks``, ``fact_market_months``) delete the weeks and months a
scope document was in before or is in now (``_touched_weeks``,
``_touched_months``, views made once ``fact_documents`` is). ``fact_documents``
reads the kept rows' roots from ``_fact_documents_kept``. A full build
scopes every document and keeps nothing, so there is one SQL for both
(tests/test_warehouse_incremental.py compares the two table by table).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

PREFIX = "_prev_"
SCOPE = "_doc_scope"
KEPT = "_fact_documents_kept"
WAS = "_scope_periods_before"
TOUCHED_WEEKS = "_touched_weeks"
TOUCHED_MONTHS = "_touched_months"
NLP_DATASETS = ("mentions", "links", "sentences")


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
    tables: tuple[str, ...]


def stash(con: duckdb.DuckDBPyConnection, key: str, names: list[str]) -> PreviousFacts | None:
    """Before the derived tables go: keep the previous incremental tables if they were built as this build would."""
    try:
        prev_as_of, prev_key = con.execute("select as_of, reuse_key from build_info").fetchone()
    except duckdb.Error:  # a warehouse from before reuse keys
        return None
    present = {r[0] for r in con.execute("select table_name from information_schema.tables "
                                         "where table_schema = 'main'").fetchall()}
    if prev_key != key or not set(names) <= present:
        return None
    for name in names:
        con.execute(f'alter table "{name}" rename to "{PREFIX}{name}"')
    return PreviousFacts(prev_as_of, tuple(names))


def _all_in_scope(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create or replace temp table {SCOPE} as select distinct doc_id from documents")
    con.execute(f"create or replace temp table {WAS} as select NULL::DATE as week_start, NULL::VARCHAR as month limit 0")
    # The columns fact_documents reads from kept rows; no rows.
    con.execute(f"create or replace temp view {KEPT} as select NULL::VARCHAR as doc_id, "
                "NULL::VARCHAR as root_doc_id, NULL::VARCHAR as source_id limit 0")


def _touched_sql(changed: dict[str, list[dt.date]]) -> tuple[str, list[Any]]:
    """Documents with a row in a reloaded partition, now or in the previous build."""
    parts = ["select doc_id from documents where partition_date in (select unnest(?::DATE[]))",
             f"select doc_id from {PREFIX}fact_documents where partition_date in (select unnest(?::DATE[]))"]
    params: list[Any] = [changed.get("documents", []), changed.get("documents", [])]
    for name in NLP_DATASETS:
        parts.append(f"select doc_id from {name} where partition_date in (select unnest(?::DATE[]))")
        params.append(changed.get(name, []))
    parts.append(f"select doc_id from {PREFIX}fact_extractions where partition_date in (select unnest(?::DATE[]))")
    params.append(sorted({d for n in NLP_DATASETS for d in changed.get(n, [])}))
    return "\nunion\n".join(parts), params


def scope_documents(con: duckdb.DuckDBPyConnection, previous: PreviousFacts | None,
                    changed: dict[str, list[dt.date]], as_of: dt.date) -> int:
    """Make the scope the incremental models read and put their kept tables back in place; returns its size."""
    if previous is None:
        _all_in_scope(con)
    else:
        _scope_touched(con, previous, changed, as_of)
    return con.execute(f"select count(*) from {SCOPE}").fetchone()[0]


def _scope_touched(con: duckdb.DuckDBPyConnection, previous: PreviousFacts,
                   changed: dict[str, list[dt.date]], as_of: dt.date) -> None:
    """The documents an incremental build touched, and the periods they were in; the kept tables put back."""
    lo, hi = sorted([previous.as_of, as_of])
    touched, params = _touched_sql(changed)
    con.execute(f"""
        create or replace temp table {SCOPE} as
        with recursive touched as (
            {touched}
            union
            select doc_id from documents  -- entering or leaving the window
            where timezone('UTC', coalesce(published_at, fetched_at)) >= ?::DATE + interval 1 day
              and timezone('UTC', coalesce(published_at, fetched_at)) < ?::DATE + interval 1 day
        ),
        downstream(doc_id) as (  -- union, not union all: a cycle of copies ends
            select doc_id from touched
            union
            select p.doc_id from {PREFIX}fact_documents p join downstream d on p.near_dup_of = d.doc_id
        )
        select doc_id from downstream""", [*params, lo, hi])
    # The weeks and months the scope's documents were in: their aggregates are computed again too.
    con.execute(f"create or replace temp table {WAS} as select distinct week_start, month "
                f"from {PREFIX}fact_documents where doc_id in (select doc_id from {SCOPE})")
    for name in previous.tables:  # each model deletes its scope's rows itself, then inserts them
        con.execute(f'alter table "{PREFIX}{name}" rename to "{name}"')
    # Read when fact_documents runs: the kept rows, after its delete and before its insert.
    con.execute(f"create or replace temp view {KEPT} as select doc_id, root_doc_id, source_id from fact_documents")


def after_model(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Once fact_documents is made: the weeks and months holding a scope document, before or after."""
    if name != "fact_documents":
        return
    for period, view in (("week_start", TOUCHED_WEEKS), ("month", TOUCHED_MONTHS)):
        con.execute(f"create or replace temp view {view} as select {period} from {WAS} union "
                    f"select {period} from fact_documents where doc_id in (select doc_id from {SCOPE})")


def drop_scope(con: duckdb.DuckDBPyConnection) -> None:
    for view in (KEPT, TOUCHED_WEEKS, TOUCHED_MONTHS):
        con.execute(f"drop view if exists {view}")
    con.execute(f"drop table if exists {SCOPE}")
    con.execute(f"drop table if exists {WAS}")
