"""Incremental builds: reuse the last warehouse and reload only the lake partitions that changed.

A full build copies the whole lake into the new file, which grows with months
of history; a night changes a few partitions. Each build records the part files
it loaded (``build_manifest``: dataset, path, partition date, stamp, refusal).
The next build copies the previous warehouse file, deletes the rows of every
(dataset, date) whose set of files or stamps differs, inserts those dates'
files again, and then runs every model from scratch, so the result is the
same as a full build (tests/test_warehouse_incremental.py compares them table by table).

It falls back to a full build whenever reuse could be wrong or wasteful: no
previous warehouse or manifest, another lake, lake_mode views, another DuckDB
version, changed dataset contracts, or a file more than half free blocks
(deleted rows leave free space that only a full build compacts).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ocwatch.lake.contracts import DATASETS
from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import part_files
from ocwatch.warehouse.incremental_facts import PREFIX
from ocwatch.warehouse.load import LoadReport, load_files

log = logging.getLogger("ocwatch.warehouse")

MANIFEST = "build_manifest"
MAX_FREE_SHARE = 0.5
MANIFEST_SCHEMA = pa.schema([("dataset", pa.string()), ("path", pa.string()),
                             ("partition_date", pa.date32()), ("stamp", pa.string()),
                             ("refused", pa.string())])


def contracts_fingerprint() -> str:
    """Changes whenever a dataset's declared schema does: old tables then no longer fit."""
    text = "\n".join(f"{name}: {ds.schema} lake_only={ds.lake_only}" for name, ds in sorted(DATASETS.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class LakeFile:
    dataset: str
    path: str
    partition_date: dt.date
    stamp: str


def lake_files(lake: Lake, as_of: dt.date) -> list[LakeFile]:
    """Every part file a build as of this date loads, with its stamp."""
    out = []
    for name in DATASETS:
        for path, stamp in part_files(lake, name, as_of).items():
            day = dt.date.fromisoformat(Path(path).parent.name.removeprefix("date="))
            out.append(LakeFile(name, path, day, stamp))
    return out


def by_dataset(files: list[LakeFile]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {name: [] for name in DATASETS}
    for f in files:
        grouped[f.dataset].append(f.path)
    return grouped


@dataclass
class Previous:
    """What the last build loaded: file stamps and refusals by (dataset, date)."""

    stamps: dict[tuple[str, dt.date], set[tuple[str, str]]]
    refused: dict[str, str]


def previous_build(db_path: Path, lake: Lake, mode: str) -> Previous | None:
    """The last build's manifest when its file can be reused for this build, else None (with the reason logged)."""
    if mode != "snapshot" or not db_path.is_file():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            info = con.execute("select lake, lake_mode, duckdb_version, contracts from build_info").fetchone()
            free = con.execute("select free_blocks, total_blocks from pragma_database_size()").fetchone()
            rows = con.execute(f"select dataset, path, partition_date, stamp, refused from {MANIFEST}").fetchall()
    except duckdb.Error as exc:  # an older warehouse without the manifest, or an unreadable file
        log.info("full build: previous warehouse not reusable (%s)", str(exc).splitlines()[0])
        return None
    wanted = (lake, "snapshot", duckdb.__version__, contracts_fingerprint())
    if info != wanted:
        log.info("full build: previous warehouse was built from %s, this build is %s", info, wanted)
        return None
    if free and free[1] and free[0] / free[1] > MAX_FREE_SHARE:
        log.info("full build: previous warehouse is %d%% free blocks, compacting", 100 * free[0] // free[1])
        return None
    stamps: dict[tuple[str, dt.date], set[tuple[str, str]]] = defaultdict(set)
    refused = {}
    for name, path, day, stamp, why in rows:
        stamps[(name, day)].add((path, stamp))
        if why:
            refused[path] = why
    return Previous(stamps, refused)


def refresh_lake(con: duckdb.DuckDBPyConnection, files: list[LakeFile], previous: Previous) -> LoadReport:
    """Bring the copied warehouse's lake tables to ``files``: reload each changed (dataset, date)."""
    now: dict[tuple[str, dt.date], set[tuple[str, str]]] = defaultdict(set)
    for f in files:
        now[(f.dataset, f.partition_date)].add((f.path, f.stamp))
    stale = {key for key in now.keys() | previous.stamps.keys() if now.get(key) != previous.stamps.get(key)}
    report = LoadReport(changed=stale)
    # Refusals of unchanged partitions still stand; changed ones are judged again on reload.
    report.bad_files = [(f.path, previous.refused[f.path]) for f in files
                        if f.path in previous.refused and (f.dataset, f.partition_date) not in stale]
    con.execute("delete from errors where stage = 'build' and partition_date is null")
    for name, ds in DATASETS.items():
        days = sorted(day for n, day in stale if n == name)
        if days:
            con.execute(f'delete from "{name}" where partition_date in (select unnest(?::DATE[]))', [days])
            reload = [f.path for f in files if f.dataset == name and f.partition_date in days]
            if reload:
                load_files(con, ds, reload, report)
        report.rows[name] = con.execute(f'select count(*) from "{name}"').fetchall()[0][0]
    log.info("incremental build: %d changed partitions reloaded", len(stale))
    return report


def drop_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Drop every table and view but the lake's: models, reference and build info are made anew."""
    keep = set(DATASETS) | {MANIFEST}
    for name, kind in con.execute("select table_name, table_type from information_schema.tables "
                                  "where table_schema = 'main'").fetchall():
        if name not in keep and not name.startswith(PREFIX):
            con.execute(f'drop {"view" if kind == "VIEW" else "table"} if exists "{name}" cascade')


def write_manifest(con: duckdb.DuckDBPyConnection, files: list[LakeFile], report: LoadReport) -> None:
    refused = dict(report.bad_files)
    table = pa.Table.from_pylist([{"dataset": f.dataset, "path": f.path, "partition_date": f.partition_date,
                                   "stamp": f.stamp, "refused": refused.get(f.path)} for f in files],
                                 schema=MANIFEST_SCHEMA)
    con.register("_manifest_in", table)
    try:
        con.execute(f"create or replace table {MANIFEST} as select * from _manifest_in")
    finally:
        con.unregister("_manifest_in")
