"""Turning one API answer (or failure) into trade_flows rows and a trade_log row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ocwatch.trade.fields import RecordError, is_breakdown, to_flow_row
from ocwatch.trade.watchlists import Query

SOURCE = "comtrade-api"


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def status_kind(status: int) -> str | None:
    """The trade_log error_kind for an HTTP status; None when the answer can be used."""
    if status == 200:
        return None
    if status in (401, 403):
        return "unauthorized"
    if status == 429:
        return "rate_limited"
    if status >= 500:
        return "server_error"
    return "http_error"


def log_row(query: Query, base_url: str, status: int | None, error_kind: str | None,
            error: str | None, rows: int | None) -> dict[str, Any]:
    # The key travels in a header, so the URL written here never holds it.
    return {
        "query": base_url.rstrip("/") + query.path_and_query(),
        "reporter_iso3": query.reporter_iso3,
        "flow": query.flow,
        "hs_codes": ",".join(query.hs_codes),
        "period": ",".join(query.periods),
        "status": status,
        "error_kind": error_kind,
        "error": error,
        "rows": rows,
        "fetched_at": now(),
    }


def parse_body(body: bytes) -> tuple[list[dict[str, Any]] | None, str | None, str | None]:
    """(records, error_kind, error) from a 200 answer's body."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        return None, "malformed", f"answer is not JSON: {exc}"
    if not isinstance(payload, dict) or not isinstance(payload.get("data", []), list | None):
        return None, "malformed", "answer has no data list"
    if payload.get("error"):
        return None, "api_error", f"API error: {payload['error']}"
    data = payload.get("data") or []
    if not all(isinstance(r, dict) for r in data):
        return None, "malformed", "data holds something other than records"
    return data, None, None


def records_to_rows(records: list[dict[str, Any]], fetched_at: dt.datetime,
                    source: str = SOURCE) -> tuple[list[dict[str, Any]], list[str]]:
    """trade_flows rows from records (breakdown rows dropped) and messages for the bad ones."""
    rows, bad = [], []
    for i, record in enumerate(records):
        if is_breakdown(record):
            continue
        try:
            rows.append(to_flow_row(record, source, fetched_at))
        except RecordError as exc:
            bad.append(f"record {i}: {exc}")
    return rows, bad


def save_raw(raw_dir: str | Path, body: bytes) -> str:
    """Keep the answer's bytes (the crawlers' content-addressed store), so it can be re-read without re-pulling."""
    from ocwatch.spiders.rawstore import store_raw

    return store_raw(str(raw_dir), body)[1]
