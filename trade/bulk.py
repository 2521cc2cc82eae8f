"""Import of Comtrade bulk files (gzipped TSV, as downloaded from the bulk API) for the watch lists.

Bulk "final" files carry numeric country codes but no ISO fields, every
aggregation level and every breakdown: rows are kept when their cmdCode is
watched, they are totals, and the reporter or the partner is watched. A file
that cannot be read whole is logged and contributes nothing, so a broken
download never replaces good rows.
"""

from __future__ import annotations

import datetime as dt
import gzip
import zlib
from pathlib import Path
from typing import Any

import pandas as pd

from ocwatch.trade.countries import resolve
from ocwatch.trade.fields import RecordError, parse_period
from ocwatch.trade.outcomes import now, records_to_rows

SOURCE = "comtrade-bulk"
REQUIRED = {"reportercode", "partnercode", "flowcode", "cmdcode"}
CHUNK_ROWS = 200_000


class BulkFileError(ValueError):
    """A bulk file that cannot be used; the message names the file."""


def _chunks(path: Path) -> pd.io.parsers.TextFileReader:
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, compression="gzip",
                       chunksize=CHUNK_ROWS, encoding="utf-8", encoding_errors="replace")


def _check_columns(chunk: pd.DataFrame, path: Path) -> None:
    missing = REQUIRED - set(chunk.columns)
    if "period" not in chunk.columns and "refperiodid" not in chunk.columns:
        missing.add("period")
    if missing:
        raise BulkFileError(f"{path.name}: not a Comtrade bulk file, missing {sorted(missing)}")


def _covered(chunk: pd.DataFrame) -> set[tuple[str, str]]:
    """(reporter ISO3, period) pairs the file reports on, whatever the commodity."""
    column = "period" if "period" in chunk.columns else "refperiodid"
    pairs = set()
    for code, period in set(zip(chunk["reportercode"], chunk[column], strict=True)):
        try:
            iso = resolve(code, None)
            if iso:
                pairs.add((iso, parse_period(period)))
        except RecordError:
            continue
    return pairs


def read_bulk(path: Path, hs_codes: list[str], countries: list[str],
              fetched_at: dt.datetime) -> tuple[list[dict[str, Any]], set[tuple[str, str]], int]:
    """(watched rows, covered reporter-periods, bad records) of one file; BulkFileError if unreadable."""
    watched = set(hs_codes)
    rows: list[dict[str, Any]] = []
    covered: set[tuple[str, str]] = set()
    bad = 0
    try:
        for chunk in _chunks(path):
            chunk.columns = [str(c).strip().lower() for c in chunk.columns]
            _check_columns(chunk, path)
            covered |= _covered(chunk)
            wanted = chunk[chunk["cmdcode"].str.strip().isin(watched)]
            new, errors = records_to_rows(wanted.to_dict("records"), fetched_at, SOURCE)
            bad += len(errors)
            rows.extend(r for r in new if r["reporter_iso3"] in countries or r["partner_iso3"] in countries)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeError,
            pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise BulkFileError(f"{path.name}: cannot read: {exc}") from exc
    return rows, covered, bad


def import_bulk(path: Path, hs_codes: list[str], countries: list[str]) -> tuple[list[dict], list[dict]]:
    """(trade_flows rows, trade_log rows) for one bulk file; a bad file gives one failed log row."""
    fetched_at = now()
    base = {"query": f"bulk:{path.name}", "hs_codes": ",".join(hs_codes), "fetched_at": fetched_at}
    try:
        rows, covered, bad = read_bulk(path, hs_codes, countries, fetched_at)
    except BulkFileError as exc:
        return [], [{**base, "error_kind": "bad_file", "error": str(exc), "rows": 0}]
    note = f"{path.name}: {bad} records skipped (no period, flow or country)" if bad else None
    log = []
    # One outcome per reporter, flow and period the file covers, so a watched code absent
    # from the file reads as "not reported", not as "never asked".
    for iso, period in sorted(covered):
        for flow in ("X", "M"):
            kept = sum(1 for r in rows if r["reporter_iso3"] == iso and r["period"] == period and r["flow"] == flow)
            log.append({**base, "reporter_iso3": iso, "flow": flow, "period": period,
                        "error": note, "rows": kept})
    if not log:
        log.append({**base, "error_kind": "empty", "error": f"{path.name}: no records", "rows": 0})
    return rows, log
