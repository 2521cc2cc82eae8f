"""The warehouse, read-only, for the pages; and the admin console's guarded queries.

One read-only DuckDB connection (``ocwatch.warehouse.query.connect_read_only``:
external access off, only the lake's folder readable for ``documents_text``),
reopened when the build swaps a new file in. Each request reads through a cursor
of its own, kept for the next request until the build changes: a cursor is a
connection, the lake views are served on each, and serving them costs more than
most pages' queries. The console runs in a fresh cursor with a row limit and a
timer that interrupts it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.warehouse.lake_views import LakeViews
from ocwatch.warehouse.query import QueryError, connect_serving

# The connection can write nowhere whatever the statement (DuckDB's own settings, see
# connect_read_only); the console also says plainly that it only reads.
_READING = {"SELECT", "EXPLAIN"}


def _only_reads(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        kinds = [s.type.name for s in con.extract_statements(sql)]
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    refused = sorted({k for k in kinds if k not in _READING})
    if refused:
        raise QueryError(f"the console only reads (SELECT, EXPLAIN): refused {', '.join(refused)} statement(s)")


@dataclass(frozen=True)
class Table:
    """A query's result: what the pages render and the exports write."""

    columns: list[str]
    rows: list[tuple]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


@dataclass
class _Build:
    """One warehouse file as the app reads it: its connection, its lake views (opened once) and
    the cursors that already serve them, idle between requests."""

    stamp: tuple[int, int]
    con: duckdb.DuckDBPyConnection
    lake: LakeViews
    idle: list[duckdb.DuckDBPyConnection] = field(default_factory=list)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        # a cursor is a connection of its own: the lake's temp views are served on it again
        cur = self.con.cursor()
        self.lake.serve(cur)
        return cur

    def close(self) -> None:
        for cur in self.idle:
            cur.close()
        self.idle.clear()
        self.con.close()


class Warehouse:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._build: _Build | None = None
        self._memo: tuple[tuple[int, int], dict[str, Any]] | None = None

    def _stat(self) -> tuple[int, int]:
        st = self.path.stat()
        return (st.st_ino, st.st_mtime_ns)

    def _current(self) -> _Build:
        # The build replaces the file with os.replace: a new inode means a new build. (Called under the lock.)
        stamp = self._stat()
        if self._build is None or stamp != self._build.stamp:
            if self._build is not None:
                self._build.close()
            self._build = _Build(stamp, *connect_serving(self.path, sql=None))
        return self._build

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor serving the lake views, the caller's to close (the console's, which it may interrupt)."""
        with self._lock:
            return self._current().cursor()

    @contextmanager
    def _reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request, taken from the build's idle ones (serving the lake views on a new
        one costs more than most pages' queries) and given back unless the query failed or a new build came."""
        with self._lock:
            build = self._current()
            cur = build.idle.pop() if build.idle else build.cursor()
        try:
            yield cur
        except BaseException:
            cur.close()
            raise
        with self._lock:
            if build is self._build:
                build.idle.append(cur)
            else:
                cur.close()

    def query(self, sql: str, params: list | tuple = ()) -> Table:
        with self._reading() as cur:
            res = cur.execute(sql, list(params))
            cols = [d[0] for d in res.description or []]
            return Table(cols, res.fetchall())

    def scalar(self, sql: str, params: list | tuple = ()) -> Any:
        rows = self.query(sql, params).rows
        return rows[0][0] if rows else None

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, asked once per build: lists every page shows (markets, options, the
        build's time) do not change until the build swaps a new file in."""
        stamp = self._stat()
        if self._memo is None or self._memo[0] != stamp:
            self._memo = (stamp, {})
        values = self._memo[1]
        if key not in values:
            values[key] = compute()
        return values[key]

    def built_at(self) -> str:
        """The build's ``built_at`` (every page checks the search index against it)."""
        try:
            return self.memo("built_at", lambda: str(self.scalar("select built_at from build_info")))
        except duckdb.Error:
            return ""

    def close(self) -> None:
        with self._lock:
            if self._build is not None:
                self._build.close()
                self._build = None


def console_query(wh: Warehouse, sql: str, max_rows: int = 1000, seconds: float = 5.0) -> tuple[Table, bool]:
    """Run the admin console's SQL: reads only (SELECT, EXPLAIN), on a cursor of the
    read-only connection with external access off, at most ``max_rows`` rows (the
    flag says whether more existed), interrupted after ``seconds``. Raises
    QueryError with a one-line reason."""
    if not sql.strip():
        raise QueryError("empty query")
    cur = wh.cursor()
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
