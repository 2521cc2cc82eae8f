"""The warehouse, read-only, for the pages; and the admin console's guarded queries.

One read-only DuckDB connection (``ocwatch.warehouse.query.connect_read_only``:
external access off, only the lake's folder readable for ``documents_text``),
reopened when the build swaps a new file in; each request reads through its own
cursor. The console runs in a connection of its own with a row limit and a timer
that interrupts it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.warehouse.query import QueryError, _only_reads, connect_read_only


@dataclass(frozen=True)
class Table:
    """A query's result: what the pages render and the exports write."""

    columns: list[str]
    rows: list[tuple]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """connect_read_only, also when this process already holds the same file open:
    DuckDB then shares one database instance, whose external access is already off
    (and its settings can no longer change), so a plain read-only connection to it
    is as closed as the first; checked, not assumed."""
    try:
        return connect_read_only(path)
    except QueryError as exc:
        if "enable_external_access is disabled" not in str(exc):
            raise
    con = duckdb.connect(str(path), read_only=True)
    if con.execute("select current_setting('enable_external_access')").fetchone()[0]:
        con.close()
        raise QueryError(f"cannot open warehouse {path} with external access off")
    return con


class Warehouse:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int]:
        st = self.path.stat()
        return (st.st_ino, st.st_mtime_ns)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        # The build replaces the file with os.replace: a new inode means a new build.
        with self._lock:
            stamp = self._stat()
            if self._con is None or stamp != self._stamp:
                if self._con is not None:
                    self._con.close()
                self._con = open_read_only(self.path)
                self._stamp = stamp
            return self._con

    def query(self, sql: str, params: list | tuple = ()) -> Table:
        cur = self._connection().cursor()
        try:
            res = cur.execute(sql, list(params))
            cols = [d[0] for d in res.description or []]
            return Table(cols, res.fetchall())
        finally:
            cur.close()

    def scalar(self, sql: str, params: list | tuple = ()) -> Any:
        rows = self.query(sql, params).rows
        return rows[0][0] if rows else None

    def built_at(self) -> str:
        try:
            return str(self.scalar("select built_at from build_info"))
        except duckdb.Error:
            return ""

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


def console_query(wh: Warehouse, sql: str, max_rows: int = 1000, seconds: float = 5.0) -> tuple[Table, bool]:
    """Run the admin console's SQL: reads only (SELECT, EXPLAIN), on a cursor of the
    read-only connection with external access off, at most ``max_rows`` rows (the
    flag says whether more existed), interrupted after ``seconds``. Raises
    QueryError with a one-line reason."""
    if not sql.strip():
        raise QueryError("empty query")
    cur = wh._connection().cursor()
    timer = threading.Timer(seconds, cur.interrupt)
    try:
        _only_reads(cur, sql)
        timer.start()
        res = cur.execute(sql)
        cols = [d[0] for d in res.description or []]
        rows = res.fetchmany(max_rows + 1)
    except duckdb.InterruptException:
        raise QueryError(f"query stopped after {seconds:g} s (the console's time limit)") from None
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    finally:
        timer.cancel()
        cur.close()
    return Table(cols, rows[:max_rows]), len(rows) > max_rows
