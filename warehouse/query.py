"""Read-only SQL on the warehouse, for analysts (``ocwatch query``) and for Python.

Read-only is DuckDB's to enforce, whatever the statement (EXPLAIN ANALYZE runs what it
explains): the file is opened read-only, external access is off with no path allowed at all
(DuckDB's allow-lists admit writes as well as reads, so an allowed lake could be overwritten),
nothing spills to a temp directory, and the configuration is locked before the analyst's SQL
runs. The views that read the lake (``documents_text``, every dataset of a ``lake_mode: views``
build) are served instead through read-only Arrow datasets over the same part files, opened
by this process for reading only (warehouse/lake_views.py).

Every query is bounded: ``timeout_s`` seconds (the connection is interrupted from a timer)
and ``memory_limit`` of DuckDB memory; either ends it with one plain line.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import threading
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.lake.location import Lake
from ocwatch.warehouse import tables
from ocwatch.warehouse.lake_views import LakeViews, lake_views

FORMATS = ("table", "csv", "json")
DEFAULT_TIMEOUT_S = 120.0  # a week's indicators over years of history answer in seconds
DEFAULT_MEMORY_LIMIT = "2GB"  # per query; the machine is shared with the crawls and the build


class QueryError(RuntimeError):
    """A query that could not run; the message is one line, fit for the command line."""


def connect_read_only(db_path: Path, memory_limit: str = DEFAULT_MEMORY_LIMIT,
                      sql: str | None = "from documents_text") -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse that can write nowhere; the lake views the query
    ``sql`` reads are served through Arrow (every one for None; see warehouse/lake_views.py)."""
    return connect_serving(db_path, memory_limit, sql)[0]


def connect_serving(db_path: Path, memory_limit: str = DEFAULT_MEMORY_LIMIT,
                    sql: str | None = "from documents_text") -> tuple[duckdb.DuckDBPyConnection, LakeViews]:
    """connect_read_only, and the lake views it serves, to serve again on its cursors."""
    path = Path(db_path)
    if not path.is_file():
        raise QueryError(f"no warehouse at {path}: run `ocwatch build` first")
    try:
        con = duckdb.connect(str(path), read_only=True, config={
            "enable_external_access": False, "temp_directory": "", "max_temp_directory_size": "0B",
            "memory_limit": memory_limit, "autoinstall_known_extensions": False,
            "autoload_known_extensions": False})
    except duckdb.Error as exc:
        raise QueryError(f"cannot open warehouse {path}: {_one_line(exc)}") from None
    try:
        lake = lake_views(con, sql)
        lake.serve(con)
        # A second connection to a file this process already opened shares its (locked) instance:
        # its settings are already fixed, so only a fresh one is set and locked here.
        if not con.execute("select current_setting('lock_configuration')").fetchone()[0]:
            con.execute("set enable_progress_bar = false")  # stderr is for the one-line answer
            con.execute("set lock_configuration = true")
    except (duckdb.Error, OSError, ValueError) as exc:
        con.close()
        raise QueryError(f"cannot open warehouse {path}: {_one_line(exc)}") from None
    return con, lake


def register_lake(con: duckdb.DuckDBPyConnection) -> str | None:
    """Let a warehouse connection read the lake its views name, wherever it lives; returns its URL."""
    lake = _viewed_lake(con)
    if lake:
        Lake.at(lake).register(con)
    return lake


def _viewed_lake(con: duckdb.DuckDBPyConnection) -> str | None:
    """The lake folder the warehouse's views read (all of it in views mode, documents' texts in a snapshot)."""
    try:
        rows = con.execute("select lake from build_info").fetchall()
    except duckdb.Error:
        return None
    return rows[0][0] if rows else None


def _timed(con: duckdb.DuckDBPyConnection, timeout_s: float) -> threading.Timer:
    timer = threading.Timer(timeout_s, con.interrupt)
    timer.daemon = True
    timer.start()
    return timer


def _failure(exc: duckdb.Error, timeout_s: float, memory_limit: str) -> QueryError:
    if isinstance(exc, duckdb.InterruptException):
        return QueryError(f"query stopped at its time limit of {timeout_s:g} s (--timeout)")
    if isinstance(exc, duckdb.OutOfMemoryException):
        return QueryError(f"query stopped at its memory limit of {memory_limit} (--memory-limit)")
    if isinstance(exc, duckdb.PermissionException):
        return QueryError(f"the warehouse is read-only here, no file can be written or read: {_one_line(exc)}")
    return QueryError(f"query failed: {_one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _json_value(v: Any) -> Any:
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, list | tuple):
        return [_json_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _json_value(x) for k, x in v.items()}
    return v


def _csv(cols: list[str], rows: list[tuple]) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows([["" if v is None else v for v in r] for r in rows])
    return buf.getvalue().rstrip("\n")


def run_query(db_path: Path, sql: str, fmt: str = "table", max_width: int = 60,
              timeout_s: float = DEFAULT_TIMEOUT_S, memory_limit: str = DEFAULT_MEMORY_LIMIT) -> str:
    """Run one read-only query and return its result as an aligned table, CSV or JSON records.

    The table wraps text longer than ``max_width`` (0: never) and writes numbers in full (warehouse/tables.py).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not sql or not sql.strip():
        raise QueryError("empty query")
    con = connect_read_only(db_path, memory_limit, sql)
    timer = _timed(con, timeout_s)
    try:
        cur = con.execute(sql)
        if cur is None:  # only comments: DuckDB runs nothing and returns no cursor
            raise QueryError("nothing to run: the query holds no statement")
        if cur.description is None:
            return ""
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        raise _failure(exc, timeout_s, memory_limit) from None
    finally:
        timer.cancel()
        con.close()
    if fmt == "json":
        return json.dumps([{c: _json_value(v) for c, v in zip(cols, r, strict=True)} for r in rows],
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        return _csv(cols, rows)
    return tables.render(cols, rows, max_width=max_width)
