"""The `ocwatch` command: one subcommand per stage, plus run, demo, query, sources and eval.

Exit codes (README.md has the table): 0 done, 1 the work failed, 2 the command
line was wrong (a bad option, a missing input file), 3 done but degraded (some
source answered nothing, the trade pull had no key: the lines after the
summary name each failed input and why).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ocwatch import stages
from ocwatch.settings import Settings

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments give one line naming the problem, and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def date_arg(value: str) -> dt.date:
    from ocwatch.lake.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def week_arg(value: str) -> str:
    m = WEEK_RE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"invalid week {value!r}: expected YYYY-Www")
    try:
        dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid week {value!r}: no such ISO week") from None
    return value


def width_arg(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        width = -1
    if width < 0:
        raise argparse.ArgumentTypeError(f"invalid width {value!r}: use 0 (never wrap) or a positive number")
    return width


def existing_file(value: str) -> Path:
    path = Path(value)
    if value == "-":  # stdin or stdout, where the command takes it
        return path
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such file: {value}")
    return path


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", help="data root (default: $OCWATCH_HOME or ./data)")
    common.add_argument("--sources", type=existing_file,
                        help="sources registry (default: $OCWATCH_SOURCES or spiders/sources.yaml)")
    common.add_argument("--comtrade-url", help="Comtrade API base URL (default: $OCWATCH_COMTRADE_URL)")
    common.add_argument("-v", "--verbose", action="store_true", help="log more")
    return common


def _add(sub: argparse._SubParsersAction, name: str, help_: str,
         handler: Callable[[argparse.Namespace, Settings], int]) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_, description=help_, parents=[_common()])
    p.set_defaults(handler=handler)
    return p


def build_parser() -> OneLineParser:
    parser = OneLineParser(prog="ocwatch", description="Evidence of criminal-market trends from open sources and trade data.")
    from ocwatch import __version__

    parser.add_argument("--version", action="version", version=f"ocwatch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _add(sub, "run", "the nightly pipeline for a date: crawl, trade, extract, build, report", cmd_run)
    p.add_argument("--date", type=date_arg, required=True, help="run date YYYY-MM-DD")
    p.add_argument("--lang", choices=["en", "fr"], default="en", help="report language")

    p = _add(sub, "crawl", "crawl every source (or the named ones) for a date", cmd_crawl)
    p.add_argument("--date", type=date_arg, required=True, help="run date YYYY-MM-DD")
    p.add_argument("--source", action="append", dest="source_ids", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--workers", type=int, default=2, help="crawl processes, each crawling a group of the sources (default 2)")

    p = _add(sub, "trade", "pull Comtrade data for the watch lists, or import bulk files", cmd_trade)
    p.add_argument("--date", type=date_arg, required=True, help="run date YYYY-MM-DD")
    p.add_argument("--periods", help="comma-separated periods, YYYY or YYYY-MM (default: last 3 years)")
    p.add_argument("--bulk", type=existing_file, action="append", help="Comtrade bulk file (.tsv.gz) to import")

    p = _add(sub, "extract", "find actors, commodities, markets and places in a date's documents", cmd_extract)
    p.add_argument("--date", type=date_arg, required=True, help="run date YYYY-MM-DD")
    p.add_argument("--reparse", action="store_true", help="rebuild the documents from raw bytes first (no network)")
    p.add_argument("--workers", type=int, default=1, help="NLP processes (default 1)")

    p = _add(sub, "extract-text", "ad-hoc extraction: JSON Lines in, one mention or link a line out",
             cmd_extract_text)
    p.add_argument("input_file", nargs="?", type=existing_file, default=None, metavar="INPUT",
                   help="JSON Lines file of {id, text, lang?} (same as --input)")
    p.add_argument("--input", type=existing_file, default=None,
                   help="JSON Lines file of {id, text, lang?} (default stdin)")
    p.add_argument("--output", default="-", help="output file (default stdout)")

    p = _add(sub, "rescore-links", "give links already in the lake the shipped link-confidence trees' confidence",
             cmd_rescore_links)
    p.add_argument("--date", type=date_arg, action="append", dest="dates", metavar="DATE",
                   help="a lake date YYYY-MM-DD (repeatable; default: every date with links)")
    p.add_argument("--stale", action="store_true",
                   help="only dates whose links other trees (or none) scored, newest first")

    p = _add(sub, "build", "rebuild warehouse.duckdb from the lake", cmd_build)
    p.add_argument("--date", type=date_arg, required=True, help="as-of date YYYY-MM-DD")
    p.add_argument("--full", action="store_true",
                   help="load the whole lake again (default: reload only the partitions that changed)")

    _add(sub, "index", "rebuild the workbench's search index for the current warehouse (the build also writes it)",
         cmd_index)

    p = _add(sub, "report", "render the weekly trend report (HTML and PDF)", cmd_report)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--week", type=week_arg, help="ISO week YYYY-Www")
    group.add_argument("--date", type=date_arg, help="run date: reports the week of the day before")
    p.add_argument("--lang", choices=["en", "fr"], default="en", help="report language")

    p = _add(sub, "demo", "serve the bundled demo sources locally and run the whole pipeline on them", cmd_demo)
    p.add_argument("--date", type=date_arg, help="run date (default: the demo's own date)")
    p.add_argument("--serve", action="store_true",
                   help="only serve the demo sources (for Airflow to crawl) until interrupted")

    p = _add(sub, "query", "run read-only SQL on the warehouse and print the result", cmd_query)
    p.add_argument("sql", help="SQL to run")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--timeout", type=float, help="seconds before the query is stopped "
                   "(default: $OCWATCH_QUERY_TIMEOUT or 120)")
    p.add_argument("--memory-limit", help="DuckDB memory for the query, e.g. 2GB "
                   "(default: $OCWATCH_QUERY_MEMORY or 2GB)")
    p.add_argument("--max-width", type=width_arg, default=60, metavar="N",
                   help="wrap table cells longer than N characters onto more lines (0: never wrap; default 60)")

    p = _add(sub, "serve", "serve the analyst workbench (web pages over the warehouse, read-only)", cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--trust-header", metavar="NAME",
                   help="trust this header from an authenticating reverse proxy as the user name (default: off)")

    p = _add(sub, "users", "workbench accounts: add a user or reset a password (read from a prompt or stdin)", cmd_users)
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("name", nargs="?", help="user name (for add)")
    p.add_argument("--role", choices=["viewer", "analyst", "admin"], default="viewer")

    p = _add(sub, "sources", "work with the sources registry", cmd_sources)
    p.add_argument("action", choices=["check", "list"], help="check: validate the registry; list: print its ids")

    p = _add(sub, "eval", "precision and recall of extraction on a gold set", cmd_eval)
    p.add_argument("--gold", default="tests/gold", help="gold set (file or folder) or 're3d'")

    from ocwatch.cli_feedback import add_parsers  # feedback, alerts, export (issue 17)

    add_parsers(sub, _common, date_arg)
    return parser


def _print_results(results: Sequence[stages.StageResult]) -> int:
    from ocwatch.health import exit_code

    for r in results:
        print(r.summary())
    return exit_code([r.status for r in results])


def cmd_run(args: argparse.Namespace, s: Settings) -> int:
    return _print_results(stages.run(s, args.date, lang=args.lang))


def cmd_crawl(args: argparse.Namespace, s: Settings) -> int:
    return _print_results([stages.crawl(s, args.date, args.source_ids, workers=args.workers)])


def cmd_trade(args: argparse.Namespace, s: Settings) -> int:
    periods = [p.strip() for p in args.periods.split(",")] if args.periods else None
    return _print_results([stages.trade(s, args.date, periods=periods, bulk=args.bulk)])


def cmd_extract(args: argparse.Namespace, s: Settings) -> int:
    return _print_results([stages.extract(s, args.date, reparse=args.reparse, workers=args.workers)])


def cmd_extract_text(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.nlp.extract_text import run

    if args.input_file and args.input and args.input_file != args.input:
        print(f"extract-text: two inputs given ({args.input_file!r} and --input {args.input!r}); give one",
              file=sys.stderr)
        return 2
    return run(str(args.input_file or args.input or "-"), args.output)


def cmd_rescore_links(args: argparse.Namespace, s: Settings) -> int:
    return _print_results([stages.rescore_links(s, args.dates, stale=args.stale)])


def cmd_build(args: argparse.Namespace, s: Settings) -> int:
    return _print_results([stages.build(s, args.date, full=args.full)])


def cmd_index(args: argparse.Namespace, s: Settings) -> int:
    return _print_results([stages.search_index(s)])


def cmd_report(args: argparse.Namespace, s: Settings) -> int:
    result = stages.report(s, date=args.date, week=args.week, lang=args.lang)
    for kind, path in result.outputs.items():
        print(f"{kind}: {path}")
    return 0


def cmd_demo(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.demo_run import run_demo, serve_demo

    return serve_demo(s) if args.serve else run_demo(s, args.date)


def cmd_query(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.warehouse.query import QueryError, run_query

    if not s.warehouse.exists():
        raise QueryError(f"no warehouse at {s.warehouse}: run `ocwatch build` or `ocwatch demo` first")
    print(run_query(s.warehouse, args.sql, fmt=args.format, max_width=args.max_width,
                    timeout_s=args.timeout or s.query_timeout_s,
                    memory_limit=args.memory_limit or s.query_memory_limit))
    return 0


def cmd_serve(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.web.serve import serve

    return serve(s.warehouse, host=args.host, port=args.port, trust_header=args.trust_header,
                 feedback_log=s.feedback_log, alerts_db=s.alerts_db)


def cmd_users(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.web.serve import users_command

    return users_command(s.warehouse, args.action, args.name, args.role)


def cmd_sources(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.spiders.registry import check_sources, load_sources

    if args.action == "list":
        for src in load_sources(s.sources):
            print(f"{src.id}\t{src.kind}\t{src.reliability}\t{src.url}")
        return 0
    problems = check_sources(s.sources)
    for problem in problems:
        print(f"{s.sources}: {problem}")
    print(f"{s.sources}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


def cmd_eval(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.nlp.evaluate import evaluate, format_table

    print(format_table(evaluate(args.gold)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    settings = Settings.from_env(home=args.home, sources=args.sources, comtrade_url=args.comtrade_url)
    try:
        return args.handler(args, settings)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the command's one-line answer; the traceback is for --verbose
        logging.getLogger("ocwatch").debug("failed", exc_info=True)
        print(f"ocwatch {args.command}: error: {error_line(exc)}", file=sys.stderr)
        return 1


def error_line(exc: BaseException) -> str:
    """One plain line for the person at the terminal: what failed and on which input, no Python class names."""
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.strerror or 'cannot use the file'}: {exc.filename}"
    text = " ".join(str(exc).split())
    if isinstance(exc, KeyError) and len(exc.args) == 1:  # str() of a KeyError is the key, quoted
        text = " ".join(str(exc.args[0]).split())
    return text or f"unexpected failure ({type(exc).__name__}); rerun with --verbose for details"


if __name__ == "__main__":
    sys.exit(main())
