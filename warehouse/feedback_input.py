"""Analysts' feedback as build input: the log loaded as the table ``feedback_acts``.

The models apply it (dims/feedback_active, mentions_reviewed, links_reviewed);
the lake is never edited, so undoing an act and building again brings back
exactly what the machine found. The log's hash is part of the reuse key
(warehouse/incremental_facts.py): any change to it makes the next build
compute every fact again instead of keeping the previous build's rows, which
is always correct and costs one full model run on the nights feedback changed.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ocwatch.lake.feedback_log import content_hash, read_table


def load_feedback(con: duckdb.DuckDBPyConnection, path: Path | None) -> int:
    """``feedback_acts`` from the log at ``path`` (empty when None or absent); returns its rows."""
    table = read_table(path)
    con.register("_feedback_in", table)
    try:
        con.execute("create or replace table feedback_acts as select * from _feedback_in")
    finally:
        con.unregister("_feedback_in")
    return table.num_rows


def feedback_key(path: Path | None) -> str:
    return content_hash(path)
