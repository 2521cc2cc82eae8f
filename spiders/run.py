"""``python -m spiders.run crawl --source ID --sources FILE --date D --lake L --raw R``: one source, one process.

Twisted's reactor cannot restart inside one interpreter, so every crawl is its
own process; Airflow and the ``ocwatch`` command run many side by side.
Exit codes: 0 the crawl ran (failed pages are in crawl_log), 1 it could not
run at all, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Sequence
from typing import Any

from scrapy.settings import Settings

from spiders.registry import RegistryError, Source, get_source

log = logging.getLogger("spiders.run")


def crawl_settings(source: Source) -> Settings:
    """The polite defaults (spiders/settings.py) with the source's ``crawl:`` overrides on top."""
    s = Settings()
    s.setmodule("spiders.settings", priority="project")
    c = source.crawl
    if "delay" in c:
        s.set("DOWNLOAD_DELAY", c["delay"], priority="spider")
        s.set("AUTOTHROTTLE_START_DELAY", c["delay"], priority="spider")
        # A zero delay is a deliberate choice (demo, intranet): AutoThrottle would reintroduce one.
        s.set("AUTOTHROTTLE_ENABLED", bool(c["delay"]), priority="spider")
        # Likewise a short delay asks for short waits between retries, unless backoff is given.
        s.set("RETRY_BACKOFF_BASE", min(s.getfloat("RETRY_BACKOFF_BASE"), max(c["delay"], 0.05)),
              priority="spider")
    if "autothrottle" in c:
        s.set("AUTOTHROTTLE_ENABLED", c["autothrottle"], priority="spider")
    if "concurrency" in c:
        s.set("CONCURRENT_REQUESTS_PER_DOMAIN", max(1, c["concurrency"]), priority="spider")
        s.set("CONCURRENT_REQUESTS", max(16, c["concurrency"]), priority="spider")
    if "max_bytes" in c:
        s.set("DOWNLOAD_MAXSIZE", c["max_bytes"], priority="spider")
        s.set("DOWNLOAD_WARNSIZE", min(c["max_bytes"], s.getint("DOWNLOAD_WARNSIZE")), priority="spider")
    for key, setting in (("timeout", "DOWNLOAD_TIMEOUT"), ("retries", "RETRY_TIMES"),
                         ("backoff", "RETRY_BACKOFF_BASE"), ("workers", "EXTRACT_WORKERS")):
        if key in c:
            s.set(setting, c[key], priority="spider")
    return s


def crawl_source(source: Source, date: dt.date, lake: str, raw: str) -> dict[str, Any]:
    """Run the crawl of one source in this process (once per process) and return its outcome."""
    from scrapy.crawler import CrawlerProcess

    from spiders.history import load_history
    from spiders.spiders import SPIDERS

    started = time.perf_counter()
    history = load_history(lake, date, source.id)
    outcome: dict[str, Any] = {"source": source.id, "date": date.isoformat()}
    process = CrawlerProcess(crawl_settings(source))
    process.crawl(SPIDERS[source.kind], source=source, raw_root=raw, history=history,
                  lake=lake, run_date=date, outcome=outcome)
    process.start()
    outcome["elapsed_s"] = round(time.perf_counter() - started, 3)
    return outcome


def _parser() -> argparse.ArgumentParser:
    from ocwatch.settings import DEFAULT_SOURCES

    parser = argparse.ArgumentParser(prog="python -m spiders.run", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("crawl", help="crawl one source for a date")
    p.add_argument("--source", required=True, help="source id in the registry")
    p.add_argument("--sources", default=str(DEFAULT_SOURCES), help="sources registry (YAML)")
    p.add_argument("--date", required=True, help="run date YYYY-MM-DD")
    p.add_argument("--lake", required=True, help="lake root")
    p.add_argument("--raw", required=True, help="raw bodies root")
    p = sub.add_parser("dedup", help="mark near-duplicates across every source of a date (after all crawls)")
    p.add_argument("--date", required=True)
    p.add_argument("--lake", required=True)
    p = sub.add_parser("reparse", help="rebuild a date's documents from raw bytes, without the network")
    p.add_argument("--date", required=True)
    p.add_argument("--lake", required=True)
    p.add_argument("--raw", required=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from warehouse.lake import parse_date

    args = _parser().parse_args(argv)  # exits 2 on bad arguments
    try:
        date = parse_date(args.date)
    except ValueError as exc:
        print(f"spiders.run: error: {exc}", file=sys.stderr)
        return 2
    if args.command == "dedup":
        from spiders.output import remark_near_dups

        print(json.dumps({"near_dups": remark_near_dups(args.lake, date)}))
        return 0
    if args.command == "reparse":
        # Scrapy configures logging for crawls; reparse runs without it.
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        from spiders.reparse import reparse_documents

        print(json.dumps({"reparsed": reparse_documents(args.lake, args.raw, date)}))
        return 0
    try:
        source = get_source(args.sources, args.source)
    except RegistryError as exc:
        print(f"spiders.run: error: unusable registry: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"spiders.run: error: {exc.args[0]}", file=sys.stderr)
        return 2
    outcome = crawl_source(source, date, args.lake, args.raw)
    print(json.dumps(outcome, default=str))
    return 0 if outcome.get("written") else 1


if __name__ == "__main__":
    sys.exit(main())
