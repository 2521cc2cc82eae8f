"""The warehouse's views over the lake, served read-only through Arrow.

A lake view (``documents_text``; every dataset of a ``lake_mode: views`` build) reads part files
with ``read_parquet``, which a connection with external access off refuses. Each is shadowed by a
temporary view of the same query in which every ``read_parquet(...)`` is an Arrow dataset of the
same files, opened by this process for reading only.

Queries and view bodies are read with DuckDB's own parser (``json_serialize_sql``) and rewritten
on its syntax tree (``json_deserialize_sql``): a view's name or ``read_parquet`` inside a string
literal or a longer identifier is never taken for one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

# DuckDB stores a view as "CREATE VIEW <name> AS <query>;": only the header is cut off here,
# anchored at the start, so nothing inside the query can match.
_VIEW_HEADER = re.compile(r"^\s*create\s+(?:or\s+replace\s+)?view\s+(?:\"(?:[^\"]|\"\")*\"|\S+)\s+as\s+(.*?);?\s*$",
                          re.I | re.S)


class _Unreadable(ValueError):
    """SQL that DuckDB cannot give as a syntax tree, or a read_parquet call whose files are not literals."""

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind  # DuckDB's error_type: "parser" for a syntax error, "not implemented" for a non-SELECT


def _tree(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, Any]:
    tree = json.loads(con.execute("select json_serialize_sql(?)", [sql]).fetchall()[0][0])
    if tree.get("error"):
        raise _Unreadable(tree.get("error_message", ""), tree.get("error_type", ""))
    return tree


def _nodes(node: Any, kind: str) -> Iterator[dict[str, Any]]:
    """Every node of the tree of the given type, outermost first."""
    if isinstance(node, dict):
        if node.get("type") == kind:
            yield node
        for child in node.values():
            yield from _nodes(child, kind)
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child, kind)


def _table_names(con: duckdb.DuckDBPyConnection, sql: str) -> set[str]:
    return {n["table_name"].lower() for n in _nodes(_tree(con, sql), "BASE_TABLE")}


def _reachable(con: duckdb.DuckDBPyConnection, sql: str | None, bodies: dict[str, str]) -> set[str]:
    """Names of the views a query reads, directly or through other views. All of them for None, or
    when DuckDB parses the query but gives no tree for it (EXPLAIN, PRAGMA...): serving too many only
    costs time. None for a syntax error: the query fails whatever is served, with DuckDB's message."""
    if sql is None:
        return set(bodies)
    by_name = {name.lower(): name for name in bodies}
    try:
        todo, names = _table_names(con, sql), set()
        while todo:
            name = by_name.get(todo.pop())
            if name is not None and name not in names:
                names.add(name)
                todo |= _table_names(con, bodies[name])
    except _Unreadable as exc:
        return set() if exc.kind == "parser" else set(bodies)
    return names


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


def _string(expr: dict[str, Any]) -> str:
    literal = expr.get("literal") if expr.get("class") == "CONSTANT" else None
    if not literal or literal.get("kind") not in ("STRING", "VARCHAR"):
        raise _Unreadable("read_parquet's files are not string literals")
    return literal["text"]


def _files(expr: dict[str, Any]) -> list[str]:
    """read_parquet's first argument: one file, or a list of them (DuckDB stores it as list_value)."""
    if expr.get("class") == "FUNCTION" and expr.get("function_name", "").lower() == "list_value":
        return [_string(a["expression"]) for a in expr["arguments"]]
    return [_string(expr)]


def _option(arguments: list[dict[str, Any]], name: str) -> str | None:
    """A named option's literal text, stored either as a named argument or as ``(name = value)``."""
    for arg in arguments[1:]:
        expr = arg["expression"]
        if expr.get("class") == "COMPARISON" and expr["left"].get("column_names") == [name]:
            expr = expr["right"]
        elif arg.get("name") != name:
            continue
        return str(expr.get("literal", {}).get("text", "")).lower()
    return None


def _as_table(node: dict[str, Any], alias: str) -> None:
    """Turn a table-function node into a reference to the table ``alias``, keeping the node's own alias."""
    own = node.get("alias", "")
    node.clear()
    node.update({"type": "BASE_TABLE", "alias": own, "sample": None, "query_location": 0,
                 "query_location_length": 0, "schema_name": "", "table_name": alias, "column_name_alias": [],
                 "catalog_name": "", "at_clause": None, "qualified_name": {"path": [alias]}})


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


def _over_arrow(con: duckdb.DuckDBPyConnection, body: str, prefix: str) -> tuple[str, dict[str, Any]] | None:
    """The view's query with each read_parquet an Arrow dataset, and the datasets by alias; None
    when it reads no part file."""
    tree = _tree(con, body)
    calls = [n for n in _nodes(tree, "TABLE_FUNCTION")
             if n["function"].get("function_name", "").lower() == "read_parquet"]
    if not calls:
        return None
    datasets = {}
    for i, node in enumerate(calls):
        arguments = node["function"]["arguments"]
        files = _files(arguments[0]["expression"])
        datasets[f"{prefix}_{i}"] = _arrow_dataset(files, _option(arguments, "hive_partitioning") == "true")
        _as_table(node, f"{prefix}_{i}")
    return con.execute("select json_deserialize_sql(?)", [json.dumps(tree)]).fetchall()[0][0], datasets


def lake_views(con: duckdb.DuckDBPyConnection, sql: str | None) -> LakeViews:
    """The views the query ``sql`` reads (every one for None) that read part files, each over Arrow
    datasets of them (only those: opening a dataset reads every part's footer)."""
    stored = con.execute("select view_name, sql from duckdb_views() where not internal "
                         "and not temporary and schema_name = 'main'").fetchall()
    queries = {name: m.group(1) for name, text in stored if (m := _VIEW_HEADER.match(text))}
    datasets: dict[str, Any] = {}
    bodies: dict[str, str] = {}
    for n, name in enumerate(sorted(_reachable(con, sql, queries))):
        try:
            served = _over_arrow(con, queries[name], f"__lake_{n}")
        except _Unreadable:
            served = None  # not one we can read: DuckDB's permission check refuses it
        if served is not None:
            bodies[name], more = served
            datasets.update(more)
    return LakeViews(datasets, bodies)


def serve_lake_views(con: duckdb.DuckDBPyConnection, sql: str | None) -> None:
    """Shadow each view the query may read that reads part files with a temporary one over Arrow
    datasets of them."""
    lake_views(con, sql).serve(con)
