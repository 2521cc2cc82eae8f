"""``python -m ocwatch.processes.crawl crawl|dedup|reparse``: one crawl process, or a date's after-crawl passes.

``crawl --source ID [--source ID ...] --sources FILE --date D --lake L --raw R``
crawls the sources side by side (ocwatch.spiders.run) and prints one JSON
outcome line per source as each ends. ``dedup`` marks near-duplicates across
every source of a date once all its crawls are done; ``reparse`` rebuilds a
date's documents from raw bytes without the network. Exit codes: 0 every
crawl ran (failed pages are in crawl_log), 1 one could not run at all, 2 bad
arguments.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from ocwatch.lake.cache import use_cache_dir
from ocwatch.lake.dates import parse_date
from ocwatch.lake.location import Lake
from ocwatch.settings import Settings

PROG = "python -m ocwatch.processes.crawl"


def _parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("crawl", help="crawl sources for a date, side by side in this process")
    p.add_argument("--source", required=True, action="append", dest="source_ids",
                   help="source id in the registry (repeat for several)")
    p.add_argument("--sources", default=str(settings.sources), help="sources registry (YAML)")
    p.add_argument("--date", required=True, help="run date YYYY-MM-DD")
    p.add_argument("--lake", required=True, help="lake root: a folder or s3://bucket/prefix")
    p.add_argument("--raw", required=True, help="raw bodies root")
    p = sub.add_parser("dedup", help="mark near-duplicates across every source of a date (after all crawls)")
    p.add_argument("--date", required=True)
    p.add_argument("--lake", required=True)
    p = sub.add_parser("reparse", help="rebuild a date's documents from raw bytes, without the network")
    p.add_argument("--date", required=True)
    p.add_argument("--lake", required=True)
    p.add_argument("--raw", required=True)
    return parser


def _crawl(args: argparse.Namespace, lake: Lake) -> int:
    from ocwatch.spiders.registry import RegistryError, get_source
    from ocwatch.spiders.run import crawl_sources

    try:
        sources = [get_source(args.sources, sid) for sid in dict.fromkeys(args.source_ids)]
    except RegistryError as exc:
        print(f"{PROG}: error: unusable registry: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"{PROG}: error: {exc.args[0]}", file=sys.stderr)
        return 2
    outcomes = crawl_sources(sources, args.date, lake, args.raw,
                             on_done=lambda o: print(json.dumps(o, default=str), flush=True))
    return 0 if all(o.get("written") and not o.get("interrupted") for o in outcomes) else 1


def _dedup(args: argparse.Namespace, lake: Lake) -> int:
    from ocwatch.spiders.history.known_urls import index_night
    from ocwatch.spiders.output import remark_near_dups

    print(json.dumps({"near_dups": remark_near_dups(lake, args.date),
                      "parts_indexed": index_night(lake, args.date)}))
    return 0


def _reparse(args: argparse.Namespace, lake: Lake) -> int:
    # Scrapy configures logging for crawls; reparse runs without it.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from ocwatch.spiders.documents.reparse import reparse_documents

    print(json.dumps({"reparsed": reparse_documents(lake, args.raw, args.date)}))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    settings = Settings.from_env()
    args = _parser(settings).parse_args(argv)  # exits 2 on bad arguments
    try:
        args.date = parse_date(args.date)
    except ValueError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    use_cache_dir(settings.cache)
    command = {"crawl": _crawl, "dedup": _dedup, "reparse": _reparse}[args.command]
    return command(args, Lake.at(args.lake))


if __name__ == "__main__":
    sys.exit(main())
