"""Analysts' feedback as build input: the log loaded as the table ``feedback_acts``.

The models apply it (dims/feedback_active, mentions_reviewed, links_reviewed);
the lake is never edited, so undoing an act and building again brings back
exactly what the machine found. The log's hash is part of the reuse key
(warehouse/incremental_facts.py): any change to it makes the next build
compute every fact again instead of keeping the previous build's rows, which
is always correct and costs one full model run on the nights feedback changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from ocwatch.lake.feedback_log import content_hash, read_table
from ocwatch.warehouse.load import errors_as_table

log = logging.getLogger("ocwatch.warehouse")


def load_feedback(con: duckdb.DuckDBPyConnection, path: Path | None) -> int:
    """``feedback_acts`` from the log at ``path`` (empty when None or absent); returns its rows."""
    bad: list[str] = []
    table = read_table(path, bad)
    con.register("_feedback_in", table)
    try:
        con.execute("create or replace table feedback_acts as select * from _feedback_in")
    finally:
        con.unregister("_feedback_in")
    if bad:
        errors_as_table(con)
    for message in bad:  # a damaged line costs only itself: named in the errors table
        log.warning("build: %s", message)
        con.execute("insert into errors by name select 'build' as stage, ? as input, 'bad_feedback' as error_kind, "
                    "? as error, current_timestamp as occurred_at", [str(path), message])
    return table.num_rows


def feedback_key(path: Path | None) -> str:
    return content_hash(path)
