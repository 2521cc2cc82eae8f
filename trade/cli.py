"""``python -m ocwatch.trade``: pull the watch lists from the API, or import bulk files.

The key comes from the COMTRADE_API_KEY environment variable only, so it never
appears in a process list, a log line or trade_log. Exit 0 when the pull ran,
even if queries failed (they are rows in trade_log); 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ocwatch.lake.partitions import parse_date
from ocwatch.trade import watchlists

log = logging.getLogger("ocwatch.trade")
API_PART = "comtrade-api"
BULK_PART = "comtrade-bulk"
MAX_RECORDS = 250_000  # the keyed data API's row limit per call


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ocwatch.trade", description=__doc__.split("\n")[0])
    p.add_argument("--date", required=True, type=_date, help="run date YYYY-MM-DD")
    p.add_argument("--lake", required=True, help="lake root")
    p.add_argument("--raw", required=True, help="folder for raw answers")
    p.add_argument("--url", default=os.environ.get("OCWATCH_COMTRADE_URL") or "https://comtradeapi.un.org",
                   help="API base URL (default $OCWATCH_COMTRADE_URL or the real API)")
    p.add_argument("--periods", type=_periods, help="comma-separated YYYY or YYYY-MM (default: last 3 complete years)")
    p.add_argument("--bulk", type=Path, action="append", default=[], help="bulk file (.tsv.gz) to import instead of pulling")
    p.add_argument("--max-records", type=int, default=MAX_RECORDS, help=argparse.SUPPRESS)
    p.add_argument("--delay", type=float, default=None,
                   help="seconds between calls (default $OCWATCH_COMTRADE_DELAY, else 1.0; 0 for a loopback fake)")
    p.add_argument("--backoff", type=float, default=None, help="first retry wait in seconds, doubled each retry (default 1.0)")
    p.add_argument("--hs-watchlist", type=Path, default=watchlists.HS_WATCHLIST, help=argparse.SUPPRESS)
    p.add_argument("--country-watchlist", type=Path, default=watchlists.COUNTRY_WATCHLIST, help=argparse.SUPPRESS)
    return p


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _periods(text: str) -> list[str]:
    try:
        return watchlists.parse_periods(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def call_delay(given: float | None, url: str) -> float:
    """Seconds between calls: the real API allows about one a second; a local fake needs no pause."""
    if given is not None:
        return given
    if os.environ.get("OCWATCH_COMTRADE_DELAY"):
        return float(os.environ["OCWATCH_COMTRADE_DELAY"])
    host = urlsplit(url).hostname or ""
    return 0.0 if host in ("127.0.0.1", "localhost", "::1") else 1.0


def pull_api(args: argparse.Namespace, hs_codes: list[str], countries: list[str],
             api_key: str | None) -> tuple[list[dict], list[dict]]:
    """(flows, outcomes) of the API pull; with no key nothing is sent and every query is a gap."""
    from ocwatch.trade.outcomes import log_row

    periods = args.periods or watchlists.default_periods(args.date)
    queries = watchlists.plan_queries(countries, hs_codes, periods, args.max_records)
    if not api_key:
        error = "COMTRADE_API_KEY is not set: query not sent"
        return [], [log_row(q, args.url, None, "missing_key", error, None) for q in queries]
    from ocwatch.trade.spider import run_spider

    overrides: dict[str, Any] = {"DOWNLOAD_DELAY": call_delay(args.delay, args.url)}
    if args.backoff is not None:
        overrides["COMTRADE_BACKOFF_BASE"] = args.backoff
    return run_spider(queries, args.url, api_key, args.raw, overrides)


def import_files(paths: list[Path], hs_codes: list[str], countries: list[str]) -> tuple[list[dict], list[dict]]:
    from ocwatch.trade.bulk import import_bulk

    flows: list[dict] = []
    outcomes: list[dict] = []
    for path in paths:
        rows, logs = import_bulk(path, hs_codes, countries)
        flows.extend(rows)
        outcomes.extend(logs)
    return flows, outcomes


def run(args: argparse.Namespace, api_key: str | None) -> dict[str, Any]:
    from ocwatch.trade.store import write_pull

    hs_codes = watchlists.load_hs_codes(args.hs_watchlist)
    countries = watchlists.load_countries(args.country_watchlist)
    if args.bulk:
        part = BULK_PART
        flows, outcomes = import_files(args.bulk, hs_codes, countries)
    else:
        part = API_PART
        flows, outcomes = pull_api(args, hs_codes, countries, api_key)
    write_pull(args.lake, args.date, part, flows, outcomes)
    failed = sum(o.get("error_kind") not in (None, "truncated") for o in outcomes)
    return {"part": part, "rows": len(flows), "queries": len(outcomes), "failed": failed}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits 2 on bad arguments
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    counts = run(args, os.environ.get("COMTRADE_API_KEY") or None)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
