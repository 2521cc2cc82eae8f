"""Writing a pull to the lake: a rerun of a date replaces what it re-asked, keeps the rest.

A query that succeeds replaces the rows it covers (so revised or withdrawn
records do not linger); a query that fails leaves the earlier good rows of the
same date in place, so a failed rerun never turns known trade into a gap.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pyarrow as pa

from ocwatch.lake.contracts import TRADE_FLOWS, TRADE_LOG
from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import read_partition, to_table, write_partition

KEY = ["period", "reporter_iso3", "partner_iso3", "flow", "hs_code"]


def covered_cells(outcomes: list[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    """(reporter, flow, period, hs_code) answered by a successful query (or bulk file)."""
    cells = set()
    for o in outcomes:
        if o.get("error_kind") is not None or not o.get("reporter_iso3"):
            continue
        for period in str(o["period"]).split(","):
            for code in str(o["hs_codes"]).split(","):
                cells.add((o["reporter_iso3"], o["flow"], period, code))
    return cells


def merge_flows(old: pa.Table, new_rows: list[dict[str, Any]],
                outcomes: list[dict[str, Any]]) -> pa.Table:
    """Old rows not covered by a successful new query, plus the new rows; one row a key, the latest."""
    old_df = old.to_pandas()
    cells = covered_cells(outcomes)
    if len(old_df) and cells:
        keys = zip(old_df["reporter_iso3"], old_df["flow"], old_df["period"], old_df["hs_code"],
                   strict=True)
        old_df = old_df[[k not in cells for k in keys]]
    new_df = to_table(TRADE_FLOWS, new_rows).to_pandas()
    frames = [f for f in (old_df, new_df) if len(f)]
    if not frames:
        return TRADE_FLOWS.schema.empty_table()
    merged = pd.concat(frames, ignore_index=True).sort_values("fetched_at", kind="stable")
    merged = merged.drop_duplicates(KEY, keep="last").sort_values(KEY, kind="stable")
    return to_table(TRADE_FLOWS, pa.Table.from_pandas(merged, preserve_index=False))


def merge_log(old: pa.Table, outcomes: list[dict[str, Any]]) -> pa.Table:
    """The new outcomes, plus earlier outcomes of the date for queries not asked again."""
    asked = {o["query"] for o in outcomes}
    kept = [r for r in old.to_pylist() if r["query"] not in asked]
    return to_table(TRADE_LOG, kept + outcomes)


def write_pull(lake: Lake, date: dt.date, part: str, rows: list[dict[str, Any]],
               outcomes: list[dict[str, Any]]) -> tuple[str, str]:
    """Merge with the date's earlier part and write both datasets; returns their paths."""
    flows = merge_flows(read_partition(lake, "trade_flows", date, part), rows, outcomes)
    log = merge_log(read_partition(lake, "trade_log", date, part), outcomes)
    # Flows first: a crash between the two leaves new data with an old log, never a log without data.
    flows_path = write_partition(lake, "trade_flows", date, flows, part)
    log_path = write_partition(lake, "trade_log", date, log, part)
    return flows_path, log_path
