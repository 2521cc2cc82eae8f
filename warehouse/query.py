"""Read-only SQL on the warehouse, for analysts (``ocwatch query``) and for Python.

The file is opened read-only, so a query can never change the warehouse, and
with external access off, so a query cannot read or write other files: the
warehouse holds every table it needs (warehouse/views.py copies the lake in).
A warehouse built with lake_mode=views may read its lake folder, nothing else.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.lake.location import Lake

FORMATS = ("table", "csv", "json")


class QueryError(RuntimeError):
    """A query that could not run; the message is one line, fit for the command line."""


def connect_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse; the warehouse's tables only."""
    path = Path(db_path)
    if not path.is_file():
        raise QueryError(f"no warehouse at {path}: run `ocwatch build` first")
    try:
        con = duckdb.connect(str(path), read_only=True)
        lake = register_lake(con)
        if lake:  # the lake itself, and nothing else, stays readable: views and documents_text read it
            con.execute("set allowed_directories = [?]", [lake.rstrip("/") + "/"])
        con.execute("set enable_external_access = false")
        return con
    except duckdb.Error as exc:
        raise QueryError(f"cannot open warehouse {path}: {_one_line(exc)}") from None


# COPY, EXPORT, ATTACH, SET (profiling_output) and PRAGMA can write files; the lake stays
# readable for the views over it, so only statements that read may run.
_READING = {"SELECT", "EXPLAIN"}


def _only_reads(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        kinds = [s.type.name for s in con.extract_statements(sql)]
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    refused = sorted({k for k in kinds if k not in _READING})
    if refused:
        raise QueryError(f"the warehouse is read-only here, only queries run (SELECT, EXPLAIN): refused {', '.join(refused)} statement(s)")


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


def _cell(v: Any) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def _table(cols: list[str], rows: list[tuple]) -> str:
    cells = [[_cell(v).replace("\n", " ") for v in r] for r in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(cols)]
    def fmt(values: list[str]) -> str:
        return " | ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
    lines = [fmt(cols), "-+-".join("-" * w for w in widths)]
    lines += [fmt(r) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _csv(cols: list[str], rows: list[tuple]) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows([["" if v is None else v for v in r] for r in rows])
    return buf.getvalue().rstrip("\n")


def run_query(db_path: Path, sql: str, fmt: str = "table") -> str:
    """Run one read-only query and return its result as an aligned table, CSV or JSON records."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not sql or not sql.strip():
        raise QueryError("empty query")
    con = connect_read_only(db_path)
    try:
        _only_reads(con, sql)
        cur = con.execute(sql)
        if cur.description is None:
            return ""
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    finally:
        con.close()
    if fmt == "json":
        return json.dumps([{c: _json_value(v) for c, v in zip(cols, r, strict=True)} for r in rows],
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        return _csv(cols, rows)
    return _table(cols, rows)
