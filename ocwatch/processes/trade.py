"""``python -m ocwatch.processes.trade``: pull the watch lists from the API, or import bulk files.

The key comes from the environment only (``COMTRADE_API_KEY``, read by
settings), so it never appears in a process list, a log line or trade_log.
Exit 0 when the pull ran, even if queries failed (they are rows in
trade_log); 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from ocwatch.lake.cache import use_cache_dir
from ocwatch.lake.dates import parse_date
from ocwatch.lake.location import Lake
from ocwatch.settings import Settings
from ocwatch.trade import watchlists
from ocwatch.trade.pull import MAX_RECORDS, PullRequest, run


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ocwatch.processes.trade", description=__doc__.split("\n")[0])
    p.add_argument("--date", required=True, type=_date, help="run date YYYY-MM-DD")
    p.add_argument("--lake", required=True, help="lake root: a folder or s3://bucket/prefix")
    p.add_argument("--raw", required=True, help="folder for raw answers")
    p.add_argument("--url", default=settings.comtrade_url, help="API base URL (default $OCWATCH_COMTRADE_URL or the real API)")
    p.add_argument("--periods", type=_periods, help="comma-separated YYYY or YYYY-MM (default: last 3 complete years)")
    p.add_argument("--bulk", type=Path, action="append", default=[], help="bulk file (.tsv.gz) to import instead of pulling")
    p.add_argument("--max-records", type=int, default=MAX_RECORDS, help=argparse.SUPPRESS)
    p.add_argument("--delay", type=float, default=settings.comtrade_delay,
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


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    args = build_parser(settings).parse_args(argv)  # exits 2 on bad arguments
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    use_cache_dir(settings.cache)
    request = PullRequest(
        date=args.date, lake=Lake.at(args.lake), raw=args.raw, url=args.url, periods=args.periods,
        bulk=args.bulk, max_records=args.max_records, delay=args.delay, backoff=args.backoff,
        hs_watchlist=args.hs_watchlist, country_watchlist=args.country_watchlist,
        api_key=settings.comtrade_key)
    counts = run(request)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
