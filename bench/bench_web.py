"""Workbench page speed on a generated warehouse of N documents (default 1,000,000).

``python -m bench.bench_web [--docs N] [--workdir DIR] [--requests R]`` generates
a lake with bench/bench_warehouse.py's generator (52 weekly partitions, 10
mentions a document, 5% wire copies, 60 sources graded A..F), with sentences
and document texts drawn from a fixed vocabulary so that search has words to
find; builds the warehouse with the real build, builds the search index as the build stage does, then
serves the workbench with uvicorn on 127.0.0.1 and asks each page R times (with
varying parameters) over HTTP, logged in as an analyst. It prints p50/p95 per
page next to the same question asked through ``ocwatch query``'s function
(``run_query``, in process: the command adds Python's start-up, measured once).
Target: every page under 300 ms at p95.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import itertools
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import duckdb

from bench.bench_warehouse import AS_OF, COUNTRIES, MARKETS, START, _week_sql, sources
from ocwatch.lake.partitions import write_partition
from ocwatch.warehouse.build import build_warehouse
from ocwatch.warehouse.query import run_query

VOCAB = ["gold", "mine", "border", "smuggling", "trader", "convoy", "militia", "cattle", "charcoal", "fuel", "timber", "diamonds", "cobalt", "tin", "coltan", "arms", "weapons", "route", "checkpoint", "market", "village", "river", "port", "airport", "truck", "police", "army", "customs", "tax", "ransom", "kidnapping", "extortion", "cannabis", "cocaine", "heroin", "migrants", "boat", "desert", "camp", "road", "bridge", "province", "district", "council", "election", "court", "prison", "report", "panel", "witness", "farmer", "herder", "rainfall", "harvest", "school", "clinic", "water", "price", "salary", "bank", "mobile", "money", "network", "ally", "rebel"]
PASSWORD = "bench-password-1"


def _sentence_sql(n_docs: int, week: int) -> str:
    per = n_docs // 52
    lo, hi = week * per, (week + 1) * per
    words = " || ' ' || ".join(f"list_extract({VOCAB}, 1 + (hash(i, s, {k}) % {len(VOCAB)})::INT)" for k in range(12))
    return f"""select md5(i::VARCHAR) as doc_id, s::INT as sent_idx, 0 as start_char, 80 as end_char,
               {words} as text from range({lo}, {hi}) t(i), range(3) m(s)"""


def generate(lake: str, n_docs: int) -> None:
    con = duckdb.connect()
    for week in range(52):
        day = START + dt.timedelta(weeks=week, days=6)
        sents = con.sql(_sentence_sql(n_docs, week)).to_arrow_table()
        # sents is the Arrow table above, read by DuckDB's replacement scan
        docs = con.sql(f"""select d.* exclude (text), t.text from ({_docs_sql(n_docs, week)}) d
                           join (select doc_id, string_agg(text, '. ' order by sent_idx) as text
                                 from sents group by doc_id) t using (doc_id)""")
        write_partition(lake, "documents", day, docs.to_arrow_table())
        write_partition(lake, "sentences", day, sents)
        for kind in ("mentions", "links"):
            write_partition(lake, kind, day, con.sql(_week_sql(n_docs, week, kind)).to_arrow_table())


def _docs_sql(n_docs: int, week: int) -> str:
    return f"select *, null::VARCHAR as text from ({_week_sql(n_docs, week, 'documents')})"


class Client:
    """A logged-in analyst over HTTP (cookies, the login form's CSRF token)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        html = self.opener.open(f"{base}/login").read().decode()
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({"csrf": token, "user": "bench", "password": PASSWORD}).encode()
        self.opener.open(f"{base}/login", body)

    def get(self, path: str) -> float:
        t = time.perf_counter()
        with self.opener.open(self.base + path) as r:
            r.read()
            assert r.status == 200, path
        return time.perf_counter() - t


def pages(weeks: list[str]) -> dict[str, list[str]]:
    """Each page with the parameters it is asked with (cycled over the requests)."""
    m, c, w = MARKETS, COUNTRIES, weeks
    return {
        "home": [f"/?week={x}" for x in w],
        "trends (market, country)": [f"/trends?market={a}&country={b}" for a, b in zip(m, c, strict=False)],
        "trends (all countries)": [f"/trends?market={a}" for a in m],
        "trends (grade filter)": [f"/trends?market={a}&country={b}&grade=B" for a, b in zip(m, c, strict=False)],
        "map": [f"/map?market={a}" for a in m],
        "map (admin1 shapes, JSON)": [f"/map/admin1.json?market={a}" for a in m],
        "evidence": [f"/evidence?market={a}&country={b}&week={x}" for a, b, x in zip(m, c, w, strict=False)],
        "search (word)": [f"/search?q={v}" for v in VOCAB[:20]],
        "search (phrase, filter)": [f"/search?q=%22{a}+{b}%22&market={m[0]}" for a, b in itertools.pairwise(VOCAB)][:20],
        "actor": [f"/actor?id=a{i}" for i in range(20)],
        "market": [f"/market?id={a}" for a in m],
        "source": [f"/source?id=s{i:02d}" for i in range(20)],
        "trade": ["/trade"],
    }


# The question each page asks, through `ocwatch query` (run_query), for comparison.
QUERY_EQUIVALENT = {
    "home": "select * from market_activity_weekly where week = '{w}' and score > 0 order by z desc nulls last limit 100",
    "trends (market, country)": "select * from market_activity_weekly where market = '{m}' and country_iso3 = '{c}' order by week_start",
    "evidence": "select * from evidence where indicator = 'market_activity_weekly' and market = '{m}' and country_iso3 = '{c}' and week = '{w}' limit 500",
    "actor": "select market, count(distinct doc_id) from links where actor_id = 'a1' group by market",
    "search (word)": "select doc_id from sentences where text ilike '%smuggling%' limit 50",
}


def serve(db: Path, users: Path) -> tuple[str, object]:
    import socket

    import uvicorn

    from ocwatch.web import create_app

    app = create_app(db, users=users)
    app.state.store.add_user("bench", "analyst", PASSWORD)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))] * 1000


def measure(base: str, weeks: list[str], n: int) -> dict[str, list[float]]:
    client = Client(base)
    out = {}
    for name, paths in pages(weeks).items():
        client.get(paths[0])  # first request warms the caches, as an analyst's second click would
        out[name] = [client.get(paths[i % len(paths)]) for i in range(n)]
    return out


def query_times(db: Path, weeks: list[str], n: int) -> dict[str, list[float]]:
    out = {}
    for name, sql in QUERY_EQUIVALENT.items():
        times = []
        for i in range(n):
            q = sql.format(w=weeks[i % len(weeks)], m=MARKETS[i % len(MARKETS)], c=COUNTRIES[i % len(COUNTRIES)])
            t = time.perf_counter()
            run_query(db, q, fmt="csv")
            times.append(time.perf_counter() - t)
        out[name] = times
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_web", description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--workdir", type=Path, help="keep the data here (default: a temporary folder)")
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_web_"))
    lake, db = work / "lake", work / "warehouse.duckdb"
    figures = {}
    if not db.exists():
        t = time.perf_counter()
        generate(str(lake), args.docs)
        figures["generate_s"] = time.perf_counter() - t
        t = time.perf_counter()
        build_warehouse(str(lake), db, AS_OF, sources())
        figures["build_s"] = time.perf_counter() - t
    from ocwatch.warehouse.search_index import (
        build_search_index,
        index_path,
        index_stamp,
        indexed_build,
    )

    weeks = [r[0] for r in duckdb.connect(str(db), read_only=True).execute(
        "select distinct week from market_activity_weekly where documents > 0 order by week desc limit 20").fetchall()]
    # `ocwatch query` first: DuckDB shares one instance per file in a process, and
    # run_query cannot open its own while the web app holds the file.
    cli = query_times(db, weeks, args.requests)
    with duckdb.connect(str(db), read_only=True) as con:
        stamp = index_stamp(con.execute("select built_at from build_info").fetchone()[0])
    if indexed_build(index_path(db)) != stamp:  # built by an earlier run for this very build: kept
        t = time.perf_counter()
        build_search_index(db)  # what the build stage does after the models
        figures["search_index_s"] = time.perf_counter() - t
    base, server = serve(db, work / "users.sqlite")
    web = measure(base, weeks, args.requests)
    server.should_exit = True
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ocwatch.cli", "query", "--home", str(work), "select 1"],
                   check=True, capture_output=True)
    figures["ocwatch_query_process_s"] = time.perf_counter() - t
    report(args.docs, figures, web, cli)
    return 0


def report(n_docs: int, figures: dict, web: dict, cli: dict) -> None:
    print(f"documents={n_docs:,} " + " ".join(f"{k}={v:.1f}" for k, v in figures.items()))
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8}   {'ocwatch query p50':>18} {'p95':>8}")
    worst = 0.0
    for name, times in web.items():
        p95 = _pct(times, 0.95)
        worst = max(worst, p95)
        q = cli.get(name)
        qtxt = f"{_pct(q, 0.5):18.1f} {_pct(q, 0.95):8.1f}" if q else f"{'':18} {'':8}"
        print(f"{name:28} {_pct(times, 0.5):8.1f} {p95:8.1f}   {qtxt}")
    print(f"worst_page_p95_ms={worst:.1f} target=300 {'ok' if worst < 300 else 'MISSED'}")


if __name__ == "__main__":
    sys.exit(main())
