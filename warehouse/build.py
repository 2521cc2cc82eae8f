"""Build warehouse.duckdb from the lake: a new file, then one atomic swap.

The build writes a fresh DuckDB file next to the target, runs every model in
it, checkpoints and closes it, and only then ``os.replace``s it over the old
warehouse. A reader that opened the old file keeps reading it (the inode
lives until it closes); a reader that opens after the swap sees the new build
whole; a build that fails removes its temp file and leaves the old warehouse.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ocwatch.lake.location import Lake
from ocwatch.warehouse.feedback_input import feedback_key, load_feedback
from ocwatch.warehouse.incremental import (
    Previous,
    by_dataset,
    contracts_fingerprint,
    drop_derived,
    lake_files,
    previous_build,
    refresh_lake,
    write_manifest,
)
from ocwatch.warehouse.incremental_facts import (
    PreviousFacts,
    after_model,
    drop_scope,
    reuse_key,
    scope_documents,
    stash,
)
from ocwatch.warehouse.load import (
    REFERENCE_DIR,
    LoadReport,
    load_lake,
    load_reference,
    load_source_table,
    record_bad_files,
    reference_key,
    view_lake_only,
)
from ocwatch.warehouse.models_runner import MODELS_DIR, discover, run_models

log = logging.getLogger("ocwatch.warehouse")

# Every tunable of the indicators, with its default; docs/INDICATORS.md explains each.
DEFAULT_PARAMS: dict[str, float | int] = {
    "cif_fob_factor": 1.06,      # CIF value / FOB value (GFI mirror-statistics convention)
    "uv_z_threshold": 3.5,       # robust z beyond which a unit value is an outlier
    "baseline_weeks": 12,        # weeks before the current one that make the baseline
    "min_baseline_weeks": 4,     # fewer non-gap baseline weeks than this: no z
    "z_std_floor": 0.5,          # smallest std used for z (half an A-grade document)
    "spike_z": 3.0,              # z at or above which a week can be a spike
    "spike_min_sources": 3,      # ... if it has at least this many independent sources
}
# How lake datasets enter the warehouse: copied ("snapshot") or viewed in place ("views").
DEFAULT_LAKE_MODE = "snapshot"


class BuildError(RuntimeError):
    """The build could not finish; the previous warehouse is untouched."""


def _set_params(con: duckdb.DuckDBPyConnection, as_of: dt.date, params: dict[str, Any]) -> None:
    con.execute("set variable as_of = ?::DATE", [as_of.isoformat()])
    for key, value in params.items():
        if not key.isidentifier():
            raise BuildError(f"invalid build parameter name {key!r}")
        con.execute(f"set variable {key} = ?", [value])


@contextlib.contextmanager
def build_lock(db_path: Path) -> Iterator[None]:
    # One writer at a time: two overlapping builds (a manual one during the
    # nightly run) would otherwise race to the swap.
    with open(db_path.with_name(db_path.name + ".lock"), "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass(frozen=True)
class BuildPlan:
    """One build's inputs and choices, decided once and handed to every step."""

    lake: Lake
    db_path: Path
    as_of: dt.date
    sources: list[dict]
    params: dict[str, Any]  # model variables (lake_mode taken out)
    mode: str  # "snapshot" or "views"
    models_dir: Path = MODELS_DIR
    reference_dir: Path = REFERENCE_DIR
    feedback: Path | None = None  # the analysts' feedback log (ocwatch.lake.feedback_log) the models apply


def _write_build_info(con: duckdb.DuckDBPyConnection, plan: BuildPlan, kind: str,
                      counts: dict[str, int], timings: dict[str, float], key: str) -> None:
    con.execute(
        "create or replace table build_info as select ?::DATE as as_of, "
        "current_timestamp::TIMESTAMP as built_at, ? as lake, ? as duckdb_version, "
        "? as row_counts, ? as model_seconds, ? as lake_mode, ? as build_kind, ? as contracts, "
        "? as reuse_key",
        [plan.as_of.isoformat(), plan.lake.url, duckdb.__version__, json.dumps(counts, sort_keys=True),
         json.dumps({k: round(v, 3) for k, v in timings.items()}), plan.mode, kind, contracts_fingerprint(),
         key])


def _load(con: duckdb.DuckDBPyConnection, plan: BuildPlan, previous: Previous | None, key: str,
          incremental: list[str]) -> tuple[LoadReport, PreviousFacts | None]:
    """The lake's tables: reloaded where they changed (previous build reused), else loaded whole.

    With a previous build, its incremental models' tables are kept aside first when they can be reused.
    """
    if plan.mode != "snapshot":
        report = load_lake(con, plan.lake, plan.as_of, plan.mode)
        view_lake_only(con, {}, set(), plan.mode)
        return report, None
    files = lake_files(plan.lake, plan.as_of)
    facts = None
    if previous is not None:
        facts = stash(con, key, incremental)
        drop_derived(con)
        report = refresh_lake(con, files, previous)
    else:
        report = load_lake(con, plan.lake, plan.as_of, plan.mode, by_dataset(files))
    view_lake_only(con, by_dataset(files), {f for f, _ in report.bad_files})
    write_manifest(con, files, report)
    return report, facts


def _populate(con: duckdb.DuckDBPyConnection, plan: BuildPlan, previous: Previous | None = None) -> None:
    con.execute("set TimeZone = 'UTC'")  # ISO weeks are UTC weeks, whatever the machine says
    # Models that need an order say ORDER BY; the rest may be written in any order (faster).
    con.execute("set preserve_insertion_order = false")
    plan.lake.register(con)  # views and documents_text may read a lake in object storage
    _set_params(con, plan.as_of, plan.params)
    # Feedback and the reference lists (curated feedback among them) change what every fact
    # holds: a change to either recomputes them all (no reuse).
    key = reuse_key(plan.models_dir, plan.sources, {**plan.params, "feedback": feedback_key(plan.feedback),
                                                    "reference": reference_key(plan.reference_dir)})
    models = discover(plan.models_dir)
    report, facts = _load(con, plan, previous, key, [m.name for m in models if m.materialized == "incremental"])
    record_bad_files(con, report, dt.datetime.now(dt.UTC))
    counts = dict(report.rows)
    counts.update(load_reference(con, plan.reference_dir))
    counts["ref_sources"] = load_source_table(con, plan.sources)
    counts["feedback_acts"] = load_feedback(con, plan.feedback)
    changed: dict[str, list[dt.date]] = {}
    for name, day in sorted(report.changed):
        changed.setdefault(name, []).append(day)
    counts["documents_in_scope"] = scope_documents(con, facts, changed, plan.as_of)
    timings = run_models(con, models, after_model)
    drop_scope(con)
    _write_build_info(con, plan, "incremental" if previous else "full", counts, timings, key)


def _swap_in(plan: BuildPlan, full: bool) -> None:
    """Build into a temp file beside the warehouse, then replace it (under the build lock)."""
    db_path = plan.db_path
    tmp = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex}.building")
    # Under the lock no other build runs: any temp file left is from a killed build.
    for stale in db_path.parent.glob(f".{db_path.name}.*.building*"):
        stale.unlink(missing_ok=True)
    try:
        previous = None if full else previous_build(db_path, plan.lake.url, plan.mode)
        if previous is not None:
            shutil.copyfile(db_path, tmp)  # copy_file_range: a reflink where the filesystem has them
        with duckdb.connect(str(tmp)) as con:
            _populate(con, plan, previous)
            con.execute("checkpoint")
        # A write-ahead log left by a crashed writer would be replayed onto
        # the new file: we are the only writer, so it is stale by definition.
        Path(str(db_path) + ".wal").unlink(missing_ok=True)
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)


def build_warehouse(lake: Lake, db_path: Path, as_of: dt.date, sources: list[dict],
                    params: dict | None = None, *, models_dir: Path = MODELS_DIR,
                    reference_dir: Path = REFERENCE_DIR, full: bool = False,
                    feedback: Path | None = None) -> Path:
    """Rebuild the warehouse at db_path from the lake as of a date; return db_path.

    Incremental unless ``full``: a copy of the previous warehouse gets only the
    changed lake partitions (warehouse/incremental.py), then every model runs.
    ``feedback`` is the analysts' feedback log (ocwatch.lake.feedback_log) the models apply.
    Raises BuildError (naming the model or input) when the build cannot
    finish; the previous warehouse file is then left exactly as it was.
    """
    merged = {**DEFAULT_PARAMS, **(params or {})}
    # lake_mode says how the lake enters the build; every other parameter is a model variable.
    mode = str(merged.pop("lake_mode", DEFAULT_LAKE_MODE))
    plan = BuildPlan(Lake.at(lake), Path(db_path).resolve(), as_of, sources, merged, mode,
                     models_dir, reference_dir, feedback)
    plan.db_path.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(plan.db_path):
        try:
            _swap_in(plan, full)
        except Exception as exc:
            raise BuildError(f"warehouse build for {as_of} failed, previous warehouse kept: "
                             f"{exc}") from exc
    log.info("warehouse built at %s as of %s", plan.db_path, as_of)
    return plan.db_path
