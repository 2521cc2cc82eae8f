"""Two warehouses compared table by table, as an analyst would read them.

``python -m tests.support.warehouse_diff A.duckdb B.duckdb`` prints one line a
table and exits 1 when any differs. Two demo runs serve the same stories on
new ports, so URLs, the doc_ids hashed from them and the raw bytes that embed
them differ by construction: each URL origin is replaced by the source that
owns it and each doc_id by its normalised URL before rows are compared as
multisets. Columns that record when something happened are left out.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

# When something happened, or bytes that embed the serving port.
IGNORED = {"fetched_at", "elapsed_ms", "occurred_at", "built_at", "model_seconds", "lake",
           "content_sha256", "raw_path", "etag", "last_modified", "stamp", "mtime", "size",
           "path", "reuse_key"}
_ORIGIN = re.compile(r"https?://(?:127\.0\.0\.1|localhost|\[::1\]):\d+")


class Normaliser:
    """Port-free spellings of one warehouse's URLs and doc_ids."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.origins: dict[str, str] = {}
        for url, source in con.execute("select url, source_id from sources").fetchall():
            m = _ORIGIN.match(url or "")
            if m:
                self.origins[m.group(0)] = f"<{source}>"
        self.docs = {doc: self.text(url) for doc, url in con.execute("select doc_id, url from documents").fetchall()}

    def text(self, value: str) -> str:
        return _ORIGIN.sub(lambda m: self.origins.get(m.group(0), "<origin>"), value)

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.docs.get(value) or self.text(value)
        if isinstance(value, float):
            return round(value, 9)
        if isinstance(value, list | tuple):
            return tuple(self.value(v) for v in value)
        if isinstance(value, dict):
            return tuple(sorted((k, self.value(v)) for k, v in value.items()))
        return value


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]


def rows(con: duckdb.DuckDBPyConnection, table: str, norm: Normaliser) -> Counter:
    cols = [r[0] for r in con.execute(f'describe "{table}"').fetchall() if r[0] not in IGNORED]
    select = ", ".join(f'"{c}"' for c in cols)
    return Counter(tuple(norm.value(v) for v in row)
                   for row in con.execute(f'select {select} from "{table}"').fetchall())


def compare(a: Path, b: Path) -> dict[str, str]:
    """Table name to 'equal' or what differs."""
    ca, cb = duckdb.connect(str(a), read_only=True), duckdb.connect(str(b), read_only=True)
    na, nb = Normaliser(ca), Normaliser(cb)
    out: dict[str, str] = {}
    for table in sorted(set(tables(ca)) | set(tables(cb))):
        if table not in tables(ca) or table not in tables(cb):
            out[table] = "only in one warehouse"
            continue
        ra, rb = rows(ca, table, na), rows(cb, table, nb)
        out[table] = "equal" if ra == rb else (
            f"{sum((ra - rb).values())} rows only in A, {sum((rb - ra).values())} only in B")
    return out


def main(argv: list[str]) -> int:
    result = compare(Path(argv[0]), Path(argv[1]))
    for table, verdict in result.items():
        print(f"{table}: {verdict}")
    return 0 if all(v == "equal" for v in result.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
