"""SQL models: one SELECT a file, materialized as a table named after the file.

Layers build in order (dims, facts, indicators, marts); inside a layer a model
names the models it reads in a first-line comment ``-- depends: a, b`` and
the layer is sorted topologically. A model whose header says
``-- materialized: view`` becomes a view instead (for wide rows that are cheap
to join at read time but costly to store); ``-- materialized: incremental``
deletes the rows its ``-- incremental_delete: <predicate>`` line names and
inserts its own when the build kept the table from the previous build
(warehouse/incremental_facts.py), and creates the table otherwise. Header comments ``-- col <name>: <doc>``
document the output columns; warehouse/dictionary.py turns them into
docs/DATA_DICTIONARY.md.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb

MODELS_DIR = Path(__file__).resolve().parent / "models"
LAYERS = ("dims", "facts", "indicators", "marts")
_DEPENDS_RE = re.compile(r"^--\s*depends:\s*(.*)$", re.IGNORECASE)
_MAT_RE = re.compile(r"^--\s*materialized:\s*(table|view|incremental)\s*$", re.IGNORECASE)
_DELETE_RE = re.compile(r"^--\s*incremental_delete:\s*(.+)$", re.IGNORECASE)
_COL_RE = re.compile(r"^--\s*col\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class ModelError(RuntimeError):
    """A model that could not be read, ordered or run; the message names its file."""


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    path: Path
    sql: str
    depends: tuple[str, ...]
    description: str
    column_docs: dict[str, str] = field(default_factory=dict)
    materialized: str = "table"
    incremental_delete: str | None = None  # the rows an incremental run recomputes


def _parse_header(lines: list[str]) -> tuple[tuple[str, ...], str, dict[str, str], str, str | None]:
    depends: tuple[str, ...] = ()
    materialized, delete = "table", None
    desc: list[str] = []
    cols: dict[str, str] = {}
    for line in lines:
        if not line.startswith("--"):
            break
        if m := _DEPENDS_RE.match(line):
            depends = tuple(d.strip() for d in m.group(1).split(",") if d.strip())
        elif m := _MAT_RE.match(line):
            materialized = m.group(1).lower()
        elif m := _DELETE_RE.match(line):
            delete = m.group(1).strip()
        elif m := _COL_RE.match(line):
            cols[m.group(1)] = m.group(2).strip()
        elif not cols:  # prose before the column docs is the model's description
            desc.append(line[2:].strip())
    return depends, " ".join(d for d in desc if d), cols, materialized, delete


def read_model(path: Path, layer: str) -> Model:
    name = path.stem
    if not _NAME_RE.match(name):
        raise ModelError(f"model file {path}: name must be [a-z][a-z0-9_]*")
    sql = path.read_text(encoding="utf-8")
    depends, desc, cols, materialized, delete = _parse_header(sql.splitlines())
    body = sql.strip().rstrip(";").strip()
    if not body or ";" in _strip_comments(body):
        raise ModelError(f"model file {path}: must hold exactly one SELECT statement")
    if (materialized == "incremental") != (delete is not None):
        raise ModelError(f"model file {path}: an incremental model names the rows it recomputes "
                         "(-- incremental_delete: <predicate>), and only an incremental one")
    return Model(name, layer, path, body, depends, desc, cols, materialized, delete)


def _strip_comments(sql: str) -> str:
    no_lines = re.sub(r"--[^\n]*", "", sql)
    return re.sub(r"'(?:[^']|'')*'", "''", no_lines)


def discover(models_dir: Path = MODELS_DIR) -> list[Model]:
    """Every model in build order: layer by layer, dependencies first inside a layer."""
    ordered: list[Model] = []
    seen: set[str] = set()
    for layer in LAYERS:
        models = {p.stem: read_model(p, layer) for p in sorted((models_dir / layer).glob("*.sql"))}
        dupes = seen & set(models)
        if dupes:
            raise ModelError(f"model name(s) {sorted(dupes)} defined in more than one layer")
        graph: dict[str, set[str]] = {}
        for m in models.values():
            unknown = [d for d in m.depends if d not in models and d not in seen]
            if unknown:
                raise ModelError(f"model file {m.path}: depends on {unknown}, which is not a model "
                                 f"of this layer or an earlier one")
            graph[m.name] = {d for d in m.depends if d in models}
        try:
            order = list(TopologicalSorter(graph).static_order())
        except CycleError as exc:
            raise ModelError(f"models in {models_dir / layer} depend on each other in a cycle: "
                             f"{exc.args[1]}") from None
        ordered.extend(models[n] for n in order)
        seen |= set(models)
    return ordered


def _statements(con: duckdb.DuckDBPyConnection, m: Model) -> list[str]:
    if m.materialized == "incremental" and con.execute(
            "select 1 from information_schema.tables where table_schema = 'main' and table_name = ?",
            [m.name]).fetchall():
        return [f'delete from "{m.name}" where {m.incremental_delete}', f'insert into "{m.name}" by name\n{m.sql}']
    kind = "table" if m.materialized == "incremental" else m.materialized
    return [f'create or replace {kind} "{m.name}" as\n{m.sql}']


def run_models(con: duckdb.DuckDBPyConnection, models: list[Model],
               after: Callable[[duckdb.DuckDBPyConnection, str], None] | None = None) -> dict[str, float]:
    """Materialize each model as a table; the first failure stops the build, naming the file.

    ``after`` runs once each model is made (the build's incremental scope uses it).
    """
    timings: dict[str, float] = {}
    for m in models:
        t0 = time.perf_counter()
        try:
            for statement in _statements(con, m):
                con.execute(statement)
            if after is not None:
                after(con, m.name)
        except duckdb.Error as exc:
            raise ModelError(f"model {m.layer}/{m.name}.sql failed: {str(exc).strip()}") from exc
        timings[m.name] = time.perf_counter() - t0
    return timings
