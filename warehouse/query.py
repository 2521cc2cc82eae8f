"""Read-only SQL on the warehouse, for analysts (``ocwatch query``) and for Python.

Read-only is DuckDB's to enforce, whatever the statement (EXPLAIN ANALYZE runs what it
explains): the file is opened read-only, external access is off with no path allowed at all
(DuckDB's allow-lists admit writes as well as reads, so an allowed lake could be overwritten),
nothing spills to a temp directory, and the configuration is locked before the analyst's SQL
runs. The views that read the lake (``documents_text``, every dataset of a ``lake_mode: views``
build) are served instead through read-only Arrow datasets over the same part files, opened
by this process for reading only.

Every query is bounded: ``timeout_s`` seconds (the connection is interrupted from a timer)
and ``memory_limit`` of DuckDB memory; either ends it with one plain line.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.lake.location import Lake
from ocwatch.warehouse import tables

FORMATS = ("table", "csv", "json")
DEFAULT_TIMEOUT_S = 120.0  # a week's indicators over years of history answer in seconds
DEFAULT_MEMORY_LIMIT = "2GB"  # per query; the machine is shared with the crawls and the build


class QueryError(RuntimeError):
    """A query that could not run; the message is one line, fit for the command line."""


def connect_read_only(db_path: Path, memory_limit: str = DEFAULT_MEMORY_LIMIT,
                      sql: str = "documents_text") -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse that can write nowhere; the lake views ``sql``
    may read are served through Arrow (pass the query, or every view name it needs)."""
    return connect_serving(db_path, memory_limit, sql)[0]


def connect_serving(db_path: Path, memory_limit: str = DEFAULT_MEMORY_LIMIT,
                    sql: str = "documents_text") -> tuple[duckdb.DuckDBPyConnection, LakeViews]:
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


# read_parquet(<files>, <options>) as DuckDB stores a lake view: files as list_value('a', ...), a
# list literal or one string; each option in parentheses, at most one call deep (struct_pack).
_STR = r"'(?:[^']|'')*'"
_READ_PARQUET = re.compile(
    rf"read_parquet\(\s*(list_value\((?:\s*{_STR}\s*,?)*\)|\[(?:\s*{_STR}\s*,?)*\]|{_STR})"
    r"((?:\s*,\s*\(?[^()]*(?:\([^()]*\))?[^()]*\)?)*)\s*\)", re.I)
_VIEW_BODY = re.compile(r"^\s*create\s+(?:or\s+replace\s+)?view\s+(?:\"(?:[^\"]|\"\")*\"|\S+)\s+as\s+(.*?);?\s*$",
                        re.I | re.S)


def _files(listing: str) -> list[str]:
    return [f.replace("''", "'") for f in re.findall(r"'((?:[^']|'')*)'", listing)]


def _arrow_dataset(files: list[str], hive: bool) -> Any:
    """The part files as one read-only Arrow dataset, read as ``read_parquet(..., union_by_name)`` does.

    The files are opened through fsspec by their URL (a local path, or s3://... for an object-store
    lake), for reading only."""
    import fsspec
    import pyarrow as pa
    import pyarrow.dataset as pds
    import pyarrow.parquet as pq

    fs, first = fsspec.core.url_to_fs(files[0])
    paths = [first] + [fsspec.core.url_to_fs(f)[1] for f in files[1:]]
    schema = pa.unify_schemas([pq.read_schema(p, filesystem=fs) for p in paths], promote_options="permissive")
    if not hive:
        return pds.dataset(paths, schema=schema, format="parquet", filesystem=fs)
    dated = pa.schema([("date", pa.date32())])
    base = os.path.commonpath([os.path.dirname(os.path.dirname(p)) for p in paths])
    return pds.dataset(paths, schema=pa.unify_schemas([schema, dated]), format="parquet", filesystem=fs,
                       partitioning=pds.partitioning(dated, flavor="hive"), partition_base_dir=base)


def _reachable(sql: str, views: dict[str, str]) -> set[str]:
    """Names of the views a query may read, directly or through other views (by name, generously)."""
    texts, names = [sql.lower()], set()
    while texts:
        text = texts.pop()
        for name, body in views.items():
            if name not in names and name.lower() in text:
                names.add(name)
                texts.append(body.lower())
    return names


@dataclass(frozen=True)
class LakeViews:
    """Temporary views over read-only Arrow datasets of the lake's part files, ready to serve on
    any connection to the same warehouse: opening the datasets (every part's footer) is the cost,
    so it is paid once and each connection only registers them."""

    datasets: dict[str, Any]  # alias -> Arrow dataset
    bodies: dict[str, str]  # view name -> its SELECT over the aliases

    def serve(self, con: duckdb.DuckDBPyConnection) -> None:
        for alias, dataset in self.datasets.items():
            con.register(alias, dataset)
        for name, body in self.bodies.items():
            quoted = name.replace('"', '""')
            con.execute(f'create temp view "{quoted}" as {body}')


def lake_views(con: duckdb.DuckDBPyConnection, sql: str) -> LakeViews:
    """The views the query may read that read part files, each over Arrow datasets of them (only
    those: opening a dataset reads every part's footer)."""
    views = dict(con.execute("select view_name, sql from duckdb_views() where not internal "
                             "and not temporary and schema_name = 'main'").fetchall())
    datasets: dict[str, Any] = {}
    bodies: dict[str, str] = {}
    for n, name in enumerate(sorted(_reachable(sql, views))):
        body = _VIEW_BODY.match(views[name])
        if body is None or "read_parquet(" not in views[name].lower():
            continue  # not a lake view, or not one we can read: DuckDB's permission check refuses it
        count = [0]

        def arrow(m: re.Match[str], n: int = n, count: list[int] = count) -> str:
            alias = f"__lake_{n}_{count[0]}"
            count[0] += 1
            hive = "hive_partitioning=true" in (m.group(2) or "").replace(" ", "").lower()
            datasets[alias] = _arrow_dataset(_files(m.group(1)), hive)
            return alias

        bodies[name] = _READ_PARQUET.sub(arrow, body.group(1))
    return LakeViews(datasets, bodies)


def serve_lake_views(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Shadow each view the query may read that reads part files with a temporary one over Arrow
    datasets of them."""
    lake_views(con, sql).serve(con)


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
