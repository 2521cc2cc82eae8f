"""Idempotence: the same date run twice gives the same rows; a backfilled range run twice, the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_reliability_crash import (
    SOURCES,
    lake_rows,
    make_registry,
    run_crawl,
    site,
    warehouse_rows,
)

from ocwatch.lake.partitions import list_parts

DATES = ["2026-06-08", "2026-06-09", "2026-06-10"]
DATASETS = ("documents", "crawl_log", "sentences", "mentions", "links", "errors")

__all__ = ["site"]  # the fixture, shared with the crash tests


def _backfill(home: Path, reg: Path) -> None:
    from ocwatch.nlp.stage import extract_partition
    from ocwatch.warehouse.build import build_warehouse

    for day in DATES:
        run_crawl(reg, home, day)
        extract_partition(str(home / "lake"), dt.date.fromisoformat(day))
    build_warehouse(str(home / "lake"), home / "warehouse.duckdb", dt.date.fromisoformat(DATES[-1]), SOURCES)


def _snapshot(home: Path) -> dict:
    lake = {(n, d): lake_rows(home, n, d) for n in DATASETS for d in DATES}
    parts = {(n, d): [p.rsplit("/", 1)[1] for p in list_parts(str(home / "lake"), n, dt.date.fromisoformat(d))]
             for n in DATASETS for d in DATES}
    return {"lake": lake, "parts": parts, "warehouse": warehouse_rows(home / "warehouse.duckdb")}


@pytest.mark.slow
def test_backfilling_a_range_twice_gives_the_same_lake_and_warehouse(site, tmp_path):
    home = tmp_path / "home"
    reg = make_registry(tmp_path, site)
    _backfill(home, reg)
    first = _snapshot(home)
    assert first["lake"][("documents", DATES[0])]  # the first night found the articles...
    assert not first["lake"][("documents", DATES[1])]  # ...later nights knew them already
    _backfill(home, reg)  # the whole range again, oldest first, as Airflow's backfill runs it
    assert _snapshot(home) == first
    run_crawl(reg, home, DATES[0])  # and one date alone, in the middle of the history
    assert lake_rows(home, "documents", DATES[0]) == first["lake"][("documents", DATES[0])]
