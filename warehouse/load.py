"""The warehouse's inputs: lake datasets, reference CSVs and the sources registry, loaded into a build.

Lake datasets are materialized as tables named after the dataset (not left as
views over the Parquet files): the warehouse then holds one consistent
snapshot, so an analyst's join of ``market_activity_weekly`` with ``mentions``
sees exactly the rows the indicator was built from even while the next night's
crawl rewrites the lake, the file can be copied to a laptop without the lake,
and queries never re-scan Parquet. Every table's columns derive from the
Arrow schema in ocwatch.lake.contracts, plus ``partition_date DATE``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ocwatch.lake.contracts import DATASETS, ERRORS, Dataset
from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import part_files
from ocwatch.reference import REFERENCE_DIR

log = logging.getLogger("ocwatch.warehouse")

# Files every build needs: without the taxonomy there is nothing to measure.
REQUIRED_REFERENCE = ("markets", "actor_types", "commodities")
# Files that may still be missing on a young deployment: an empty table with
# the columns the models read stands in, so a build never fails for them.
OPTIONAL_REFERENCE: dict[str, tuple[str, ...]] = {
    "actors": ("actor_id", "name", "aliases", "actor_type", "country_iso3", "kind"),
    # Added by analysts through feedback, curated by ocwatch.feedback.curate (reviewed like the rest).
    "actors_feedback": ("actor_id", "name", "aliases", "actor_type", "country_iso3", "kind", "origin", "act_id"),
    "aliases_feedback": ("actor_id", "alias", "origin", "act_id"),
    "activities": ("activity_id", "market", "commodity_id"),
    "places_domain": ("place_id", "name", "aliases", "kind", "country_iso3", "admin1", "lat", "lon"),
    "places_feedback": ("place_id", "name", "aliases", "kind", "country_iso3", "admin1", "lat", "lon", "origin",
                        "act_id"),
    "place_aliases_feedback": ("place_id", "alias", "origin", "act_id"),
    "hs_watchlist": ("hs_code", "commodity_id", "market", "description"),
    "countries_watchlist": ("iso3", "role", "mission"),
}
SOURCE_SCHEMA = pa.schema([
    ("source_id", pa.string()), ("name", pa.string()), ("kind", pa.string()),
    ("url", pa.string()), ("language", pa.string()), ("reliability", pa.string()),
    ("countries", pa.list_(pa.string())),
])


@dataclass
class LoadReport:
    """What was loaded, and which inputs were refused (recorded in the errors table)."""

    rows: dict[str, int] = field(default_factory=dict)
    bad_files: list[tuple[str, str]] = field(default_factory=list)
    changed: set[tuple[str, dt.date]] = field(default_factory=set)  # (dataset, date) reloaded by an incremental build


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _from_arrow(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table, select: str) -> None:
    """Create table `name` (an SQL identifier, quoted by the caller) from an Arrow table."""
    con.register("_arrow_in", table)
    try:
        con.execute(f"create or replace table {name} as {select} from _arrow_in")
    finally:
        con.unregister("_arrow_in")


def _listing(files: list[str]) -> str:
    """A DuckDB list literal of file paths, for read_parquet."""
    return "[" + ", ".join(_sql_str(f) for f in files) + "]"


def _contract_table(con: duckdb.DuckDBPyConnection, ds: Dataset) -> str:
    """``contracts.<name>``: an empty table of every declared column, the type of the views over the lake."""
    con.execute("create schema if not exists contracts")
    _from_arrow(con, f'contracts."{ds.name}"', ds.schema.empty_table(), "select *, NULL::DATE as partition_date")
    return f'contracts."{ds.name}"'


def _create_empty(con: duckdb.DuckDBPyConnection, ds: Dataset) -> None:
    # The DDL comes from the declared Arrow schema through DuckDB's own type
    # mapping: no column is spelled out twice.
    _from_arrow(con, f'"{ds.name}"', ds.snapshot_schema.empty_table(), "select *, NULL::DATE as partition_date")


def _readable(con: duckdb.DuckDBPyConnection, path: str) -> str | None:
    """None when DuckDB can read the file's footer, else the error (named with the file)."""
    try:
        con.execute(f"select count(*) from read_parquet({_sql_str(path)})").fetchall()
        return None
    except duckdb.Error as exc:
        return f"unreadable Parquet file {path}: {str(exc).splitlines()[0]}"


def _insert_files(con: duckdb.DuckDBPyConnection, ds: Dataset, files: list[str]) -> None:
    listing = _listing(files)
    present = {r[0] for r in con.execute(
        f"describe select * from read_parquet({listing}, union_by_name=true, "
        "hive_partitioning=false)").fetchall()}
    # Columns missing from old parts become NULL; extra and lake-only columns are left out.
    cols = [c for c in ds.snapshot_schema.names if c in present]
    select = ", ".join(f'"{c}"' for c in cols)
    quoted = ", ".join(f'"{c}"' for c in cols)
    con.execute(
        f'insert into "{ds.name}" ({quoted}, partition_date) '
        f"select {select}, \"date\" from read_parquet({listing}, union_by_name=true, "
        "hive_partitioning=true, hive_types={'date': DATE})")


def _view_files(con: duckdb.DuckDBPyConnection, ds: Dataset, files: list[str]) -> None:
    """A view over the part files that exist now, typed by the empty contract table."""
    listing = _listing(files)
    typed = _contract_table(con, ds)
    present = {r[0] for r in con.execute(
        f"describe select * from read_parquet({listing}, union_by_name=true, "
        "hive_partitioning=false)").fetchall()}
    select = ", ".join(f'"{c}"' for c in ds.columns if c in present)
    con.execute(
        f'create or replace view "{ds.name}" as select * from {typed} '
        f'union all by name select {select}, "date" as partition_date from read_parquet('
        f"{listing}, union_by_name=true, hive_partitioning=true, hive_types={{'date': DATE}})")
    con.execute(f'select count(*) from "{ds.name}"').fetchall()  # fail here, not in a model


def lake_only_view(ds: Dataset) -> str:
    """Name of the view over a dataset's lake-only columns: ``documents_text``."""
    return f"{ds.name}_{'_'.join(ds.lake_only)}"


def view_lake_only(con: duckdb.DuckDBPyConnection, files: dict[str, list[str]], refused: set[str],
                   mode: str = "snapshot") -> None:
    """``<dataset>_<columns>``: the identity, partition date and lake-only columns of each row, read from the lake.

    The one part of a snapshot that needs the lake to answer. Only the columns
    every part has are read, so the view binds on one file's footer, not on all of history.
    """
    for ds in DATASETS.values():
        if not ds.lake_only:
            continue
        cols = ", ".join(f'"{c}"' for c in (ds.columns[0], *ds.lake_only))  # every dataset's identity comes first
        name = lake_only_view(ds)
        good = [f for f in files.get(ds.name, []) if f not in refused]
        if mode == "views":
            body = f'select {cols}, partition_date from "{ds.name}"'
        elif good:
            listing = _listing(good)
            body = (f'select {cols}, "date" as partition_date from read_parquet({listing}, '
                    "hive_partitioning=true, hive_types={'date': DATE})")
        else:  # no part yet: typed by the empty contract table
            body = f"select {cols}, partition_date from {_contract_table(con, ds)}"
        con.execute(f'create or replace view "{name}" as {body}')


def load_files(con: duckdb.DuckDBPyConnection, ds: Dataset, files: list[str], report: LoadReport,
               mode: str = "snapshot") -> None:
    """Insert (or, mode 'views', view) part files; an unreadable one is refused and named, the rest load."""
    attach = _view_files if mode == "views" else _insert_files
    try:
        attach(con, ds, files)
        return
    except duckdb.Error:
        pass  # an INSERT fails whole: nothing of it is in the table
    # Rare path: find the bad files one by one so the good ones still load.
    good = []
    for f in files:
        err = _readable(con, f)
        if err:
            report.bad_files.append((f, err))
        else:
            good.append(f)
    if good:
        attach(con, ds, good)
    elif mode == "views":
        _create_empty(con, ds)


def load_dataset(con: duckdb.DuckDBPyConnection, lake: Lake, ds: Dataset, as_of: dt.date,
                 report: LoadReport, mode: str = "snapshot", files: list[str] | None = None) -> None:
    """Materialize one dataset (or view it, mode 'views') from its part files up to as_of."""
    _create_empty(con, ds)
    files = list(part_files(lake, ds.name, as_of)) if files is None else files
    if files:
        if mode == "views":
            con.execute(f'drop table "{ds.name}"')
        load_files(con, ds, files, report, mode)
    report.rows[ds.name] = con.execute(f'select count(*) from "{ds.name}"').fetchall()[0][0]


def errors_as_table(con: duckdb.DuckDBPyConnection) -> None:
    """In views mode the errors dataset becomes a table, so the build can add its own rows."""
    kind = con.execute("select table_type from information_schema.tables "
                       "where table_schema = 'main' and table_name = 'errors'").fetchall()
    if kind and kind[0][0] == "VIEW":
        con.execute("create table _errors_copy as select * from errors")
        con.execute("drop view errors")
        con.execute("alter table _errors_copy rename to errors")


def record_bad_files(con: duckdb.DuckDBPyConnection, report: LoadReport, now: dt.datetime) -> None:
    """Refused lake files become rows of the errors table (stage 'build'), never a silent loss."""
    rows = [{"stage": "build", "input": f, "error_kind": "bad_parquet", "error": e,
             "occurred_at": now} for f, e in report.bad_files]
    if not rows:
        return
    errors_as_table(con)
    con.register("_arrow_in", pa.Table.from_pylist(rows, schema=ERRORS.schema))
    try:
        con.execute("insert into errors by name select *, NULL::DATE as partition_date from _arrow_in")
    finally:
        con.unregister("_arrow_in")


def load_lake(con: duckdb.DuckDBPyConnection, lake: Lake, as_of: dt.date,
              mode: str = "snapshot", files: dict[str, list[str]] | None = None) -> LoadReport:
    """Every dataset as a table (mode 'snapshot', the default) or as a view over the lake ('views').

    Views keep the warehouse file small when the lake is huge or remote, at the
    price of the snapshot's guarantees: the view lists the part files that
    existed at build time (absolute paths), but a part rewritten since is read
    as it is now, and the warehouse needs the lake to answer.
    """
    if mode not in ("snapshot", "views"):
        raise ValueError(f"invalid lake_mode {mode!r}: use snapshot or views")
    report = LoadReport()
    lake = Lake.at(lake)
    for ds in DATASETS.values():
        load_dataset(con, lake, ds, as_of, report, mode, None if files is None else files.get(ds.name, []))
    for _path, err in report.bad_files:
        log.warning("build: %s", err)
    return report


def reference_key(folder: Path = REFERENCE_DIR) -> str:
    """Changes whenever a reference CSV does (curated feedback files included): part of the reuse key."""
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def load_reference(con: duckdb.DuckDBPyConnection, folder: Path = REFERENCE_DIR) -> dict[str, int]:
    """Every reference CSV as ``ref_<name>``, all columns text (HS codes like 0507 keep their zero)."""
    counts: dict[str, int] = {}
    for name in REQUIRED_REFERENCE:
        if not (folder / f"{name}.csv").is_file():
            raise FileNotFoundError(f"reference file {folder / name}.csv is missing: the build needs it")
    names = sorted({p.stem for p in folder.glob("*.csv")} | set(OPTIONAL_REFERENCE))
    for name in names:
        path = folder / f"{name}.csv"
        if path.is_file():
            con.execute(f"create or replace table ref_{name} as select * from read_csv("
                        f"{_sql_str(str(path))}, header=true, all_varchar=true)")
        else:
            cols = ", ".join(f'NULL::VARCHAR as "{c}"' for c in OPTIONAL_REFERENCE[name])
            con.execute(f"create or replace table ref_{name} as select {cols} limit 0")
        counts[f"ref_{name}"] = con.execute(f"select count(*) from ref_{name}").fetchall()[0][0]
    return counts


def _source_row(s: dict[str, Any]) -> dict[str, Any]:
    countries = s.get("countries") or []
    if isinstance(countries, str):
        countries = [c.strip() for c in countries.replace(";", ",").split(",") if c.strip()]
    return {"source_id": s.get("id") or s.get("source_id"), "name": s.get("name"),
            "kind": s.get("kind"), "url": s.get("url"), "language": s.get("language"),
            "reliability": (str(s.get("reliability") or "F")).strip().upper()[:1],
            "countries": [str(c).upper() for c in countries]}


def load_source_table(con: duckdb.DuckDBPyConnection, sources: list[dict[str, Any]]) -> int:
    """The registry as ``ref_sources``; the ``sources`` dimension model adds the weights."""
    table = pa.Table.from_pylist([_source_row(s) for s in sources], schema=SOURCE_SCHEMA)
    _from_arrow(con, "ref_sources", table, "select *")
    return len(sources)
