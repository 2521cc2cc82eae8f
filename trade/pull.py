"""One trade pull: the watch lists from the API, or bulk files instead, into the lake.

``ocwatch.processes.trade`` is the process that runs it (argv and settings
in). Queries that fail are rows in trade_log, not exceptions: the pull always
writes what it got and what it could not get.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ocwatch.lake.location import Lake
from ocwatch.trade import watchlists

log = logging.getLogger(__name__)
API_PART = "comtrade-api"
BULK_PART = "comtrade-bulk"
MAX_RECORDS = 250_000  # the keyed data API's row limit per call


@dataclass(frozen=True)
class PullRequest:
    """What one pull asks for; ``delay`` None means the API's pace (a local fake needs none)."""

    date: dt.date
    lake: Lake
    raw: str
    url: str
    periods: list[str] | None = None
    bulk: list[Path] = field(default_factory=list)
    max_records: int = MAX_RECORDS
    delay: float | None = None
    backoff: float | None = None
    hs_watchlist: Path = watchlists.HS_WATCHLIST
    country_watchlist: Path = watchlists.COUNTRY_WATCHLIST
    api_key: str | None = field(default=None, repr=False)  # never in a log line or a traceback


def call_delay(given: float | None, url: str) -> float:
    """Seconds between calls: the real API allows about one a second; a local fake needs no pause."""
    if given is not None:
        return given
    host = urlsplit(url).hostname or ""
    return 0.0 if host in ("127.0.0.1", "localhost", "::1") else 1.0


def pull_api(request: PullRequest, hs_codes: list[str], countries: list[str]) -> tuple[list[dict], list[dict]]:
    """(flows, outcomes) of the API pull; with no key nothing is sent and every query is a gap."""
    from ocwatch.trade.outcomes import log_row

    periods = request.periods or watchlists.default_periods(request.date)
    queries = watchlists.plan_queries(countries, hs_codes, periods, request.max_records)
    if not request.api_key:
        error = "COMTRADE_API_KEY is not set: query not sent"
        return [], [log_row(q, request.url, None, "missing_key", error, None) for q in queries]
    from ocwatch.trade.spider import run_spider

    overrides: dict[str, Any] = {"DOWNLOAD_DELAY": call_delay(request.delay, request.url)}
    if request.backoff is not None:
        overrides["RETRY_BACKOFF_BASE"] = request.backoff
    return run_spider(queries, request.url, request.api_key, request.raw, overrides)


def import_files(paths: list[Path], hs_codes: list[str], countries: list[str]) -> tuple[list[dict], list[dict]]:
    from ocwatch.trade.bulk import import_bulk

    flows: list[dict] = []
    outcomes: list[dict] = []
    for path in paths:
        rows, logs = import_bulk(path, hs_codes, countries)
        flows.extend(rows)
        outcomes.extend(logs)
    return flows, outcomes


def run(request: PullRequest) -> dict[str, Any]:
    from ocwatch.trade.store import write_pull

    hs_codes = watchlists.load_hs_codes(request.hs_watchlist)
    countries = watchlists.load_countries(request.country_watchlist)
    if request.bulk:
        part = BULK_PART
        flows, outcomes = import_files(request.bulk, hs_codes, countries)
    else:
        part = API_PART
        flows, outcomes = pull_api(request, hs_codes, countries)
    write_pull(request.lake, request.date, part, flows, outcomes)
    failed = sum(o.get("error_kind") not in (None, "truncated") for o in outcomes)
    return {"part": part, "rows": len(flows), "queries": len(outcomes), "failed": failed}
