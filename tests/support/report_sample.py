"""A small constructed warehouse with every table of the report contract.

Used by the report's tests, its benchmark and the page-one image in docs/:
a spike, a new link, trade gaps, a failing source and a hostile page title,
so every section of the report has something to show. The lake datasets are
written through ocwatch.lake.partitions, so evidence links point at real lake rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from pathlib import Path

import duckdb

from ocwatch.lake.partitions import dataset_glob, write_partition
from ocwatch.reference import REFERENCE_DIR
from ocwatch.report.weeks import parse_week, week_of

REFERENCE = REFERENCE_DIR
WEEK = "2026-W07"
HOSTILE_TITLE = '<script>alert("x")</script>Gold <b>rush</b> & "smuggling"'
HOSTILE_SENTENCE = 'Gold from Mongbwalu <img src=x onerror=alert(1)> was flown to Entebbe by the Lumbu Brigade.'

# The report's tables; their columns come from the real build (see _real_schema), never declared here.
TABLES = ("market_activity_weekly", "new_links", "market_signals", "evidence", "trade_mirror_gaps",
          "trade_unit_values", "coverage", "coverage_gaps", "sources", "actors", "places")
TRADE_TABLES = ("trade_mirror_gaps", "trade_unit_values", "market_signals")

SOURCES = [
    ("un-panel", "UN Group of Experts", "pdf", "http://127.0.0.1/un", "en", "A", 1.0, "COD"),
    ("radio-ituri", "Radio Ituri", "news", "http://127.0.0.1/ri", "fr", "B", 0.8, "COD"),
    ("kivu-blog", "Kivu Watch blog", "feed", "http://127.0.0.1/kw", "fr", "C", 0.6, "COD,RWA"),
    ("lakes-news", "Great Lakes News", "news", "http://127.0.0.1/gl", "en", "B", 0.8, "RWA,UGA"),
    ("border-wire", "Border Wire", "sitemap", "http://127.0.0.1/bw", "en", "D", 0.4, "UGA"),
]


def _doc(n: int, source: str, title: str, day: dt.date) -> dict:
    url = f"http://127.0.0.1:8000/{source}/article-{n}.html"
    return {"doc_id": f"{n:064x}", "url": url, "source_id": source, "title": title,
            "published_at": dt.datetime(day.year, day.month, day.day, 8, tzinfo=dt.UTC),
            "fetched_at": dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC),
            "language": "en", "text": "...", "content_sha256": f"{n:064x}", "raw_path": f"raw/{n}.gz"}


SENTENCES = [
    ("un-panel", "Artisanal gold trade", "Traders in Bunia said gold output from the Mongbwalu pits doubled since January."),
    ("radio-ituri", HOSTILE_TITLE, HOSTILE_SENTENCE),
    ("kivu-blog", "Or de l'Ituri", "Des négociants ont acheminé de l'or de Mongbwalu vers Kampala sans documents."),
    ("un-panel", "Gold exports", "The Group found that gold from Ituri is exported through Uganda with false certificates."),
]


def _lake(lake: Path, week: str) -> list[dict]:
    start, _ = parse_week(week)
    day = start + dt.timedelta(days=2)
    docs = [_doc(i + 1, s, title, day) for i, (s, title, _) in enumerate(SENTENCES)]
    write_partition(str(lake), "documents", day, docs, part="sample")
    write_partition(str(lake), "crawl_log", day, [
        {"url": d["url"], "source_id": d["source_id"], "status": 200, "bytes": 1000, "elapsed_ms": 5.0,
         "fetched_at": d["fetched_at"]} for d in docs], part="sample")
    write_partition(str(lake), "errors", day, [
        {"stage": "extract", "input": "http://127.0.0.1:8000/kivu-blog/broken.pdf", "error_kind": "parse_error",
         "error": "PDF has no text layer", "occurred_at": docs[0]["fetched_at"]}], part="sample")
    return docs


def _views(con: duckdb.DuckDBPyConnection, lake: Path) -> None:
    for name in ("documents", "crawl_log", "errors"):
        con.execute(f"""create view {name} as select * exclude ("date"), "date"::DATE as partition_date
                        from read_parquet('{dataset_glob(str(lake), name)}', hive_partitioning = true)""")


def _dims(con: duckdb.DuckDBPyConnection) -> None:
    for name in ("markets", "actor_types", "commodities"):
        con.execute(f"create table {name} as select * from read_csv('{REFERENCE / (name + '.csv')}', header = true, all_varchar = true)")
    _insert(con, "sources", [(*s[:-1], s[-1].split(",")) for s in SOURCES])
    _insert(con, "actors", [("lumbu-brigade", "Lumbu Brigade", "criminal_networks", "COD", "LB")])
    _insert(con, "places", [
        ("mongbwalu", "Mongbwalu", "mine_site", "COD", "CD-IT", 1.95, 30.03),
        ("bunia", "Bunia", "city", "COD", "CD-IT", 1.56, 30.25)])


def _week_row(market: str, iso3: str, week: str, score: float, mean: float, std: float, n: int,
              grades: str = "A,B,C", gap: bool = False) -> tuple:
    z = None if gap or std == 0 else round((score - mean) / std, 2)
    docs = 0 if gap else max(1, round(score))
    return (market, iso3, week, parse_week(week)[0], docs, docs * 2, min(docs, 3), min(docs, 3),
            None if gap else score, mean, std, n, z, bool(z is not None and z >= 3), gap,
            None if gap else grades)


def _activity(week: str, weeks: int = 20) -> list[tuple]:
    """Twenty quiet weeks, then a gold spike in Ituri; a gap for Rwanda this week."""
    start, _ = parse_week(week)
    rows = []
    for i in range(weeks, 0, -1):
        w = week_of(start - dt.timedelta(weeks=i))
        rows.append(_week_row("non_renewable_resource_crimes", "COD", w, 3.0 + (i % 3) * 0.5, 3.4, 0.8, 12))
        rows.append(_week_row("arms_trafficking", "COD", w, 2.0 + (i % 2) * 0.6, 2.3, 0.5, 12, "B,C"))
        rows.append(_week_row("human_smuggling", "UGA", w, 1.0, 1.1, 0.4, 12, "B", gap=(i == 5)))
    rows.append(_week_row("non_renewable_resource_crimes", "COD", week, 9.4, 3.4, 0.8, 12, "A,B,C"))
    rows.append(_week_row("arms_trafficking", "COD", week, 2.4, 2.3, 0.5, 12, "B,C"))
    rows.append(_week_row("human_smuggling", "UGA", week, 1.2, 1.1, 0.4, 12, "B,D"))
    rows.append(_week_row("non_renewable_resource_crimes", "RWA", week, 0.0, 1.0, 0.5, 12, gap=True))
    return rows


def _evidence_and_links(week: str, docs: list[dict]) -> tuple[list[tuple], list[tuple]]:
    start, _ = parse_week(week)
    grade = {s[0]: s[5] for s in SOURCES}
    evidence = [("market_activity_weekly", "non_renewable_resource_crimes", "COD", week, d["doc_id"], 3,
                 d["url"], d["title"], d["source_id"], grade[d["source_id"]],
                 d["published_at"].replace(tzinfo=None), sentence)
                for d, (_, _, sentence) in zip(docs, SENTENCES, strict=True)]
    links = [(week, start, "lumbu-brigade", "Lumbu Brigade", "criminal_networks",
              "non_renewable_resource_crimes", "gold", "mongbwalu", "Mongbwalu", "COD",
              d["published_at"].replace(tzinfo=None), d["doc_id"], d["url"], d["source_id"],
              grade[d["source_id"]], HOSTILE_SENTENCE) for d in docs[1:2]]
    return evidence, links


def _trade(month: str) -> dict[str, list[tuple]]:
    gm = "non_renewable_resource_crimes"
    return {
        "trade_mirror_gaps": [
            ("7108", "gold", gm, "COD", "ARE", "2025", 42e6, 310e6, 300e6, 258e6, 6.14, 800, 5200, 4400, "both_reported"),
            ("7108", "gold", gm, "UGA", "ARE", "2025", 900e6, 1020e6, 990e6, 90e6, 0.1, 15000, 16500, 1500, "both_reported"),
            ("2609", "cassiterite", gm, "RWA", "MYS", "2025", None, 38e6, 37e6, 37e6, None, None, 2e6, 2e6, "exports_unreported"),
            ("7102", "diamonds", gm, "COD", "BEL", "2025", 120e6, None, None, None, None, 0, None, None, "query_failed")],
        "trade_unit_values": [
            ("7108", "gold", gm, "UGA", "ARE", "X", "2025", 60e6, 10000, 6000, 62000, -7.4, True),
            ("7108", "gold", gm, "RWA", "ARE", "X", "2025", 62e6, 1000, 62000, 61000, 0.1, False)],
        "market_signals": [(gm, "COD", month, 14, 44.0, 258e6, 1, 0), (gm, "UGA", month, 2, 3.0, 90e6, 1, 1)],
    }


def _coverage(week: str) -> tuple[list[tuple], list[tuple]]:
    start, _ = parse_week(week)
    rows = []
    for i in range(1, 8):  # Tuesday to the next Monday: the nights that collected the week
        day = start + dt.timedelta(days=i)
        rows += [(day, "un-panel", 2, 2, 0, 0, ""), (day, "radio-ituri", 10, 9, 0, 1, ""),
                 (day, "kivu-blog", 5, 4, 1, 0, "parse_error"),
                 (day, "lakes-news", 6, 0, 6, 0, "timeout")]
    gaps = [(week, "lakes-news", "RWA", "all requests failed (timeout)"),
            (week, "border-wire", "UGA", "source not crawled this week")]
    return rows, gaps


@functools.cache
def _real_schema() -> Path:
    """An empty warehouse from the real build, whose tables the sample copies the shape of."""
    from ocwatch.warehouse.build import build_warehouse

    folder = Path(tempfile.mkdtemp(prefix="ocwatch-schema-"))
    return build_warehouse(str(folder / "lake"), folder / "schema.duckdb", dt.date(2026, 1, 1), sources=[])


def _create_tables(con: duckdb.DuckDBPyConnection, with_trade: bool) -> None:
    con.execute(f"attach '{_real_schema()}' as real (read_only)")
    for name in TABLES:
        if with_trade or name not in TRADE_TABLES:
            con.execute(f"create table {name} as select * from real.{name} limit 0")
    con.execute("detach real")


def _insert(con: duckdb.DuckDBPyConnection, name: str, rows: list[tuple]) -> None:
    # Sample rows fill the contract's leading columns; columns the build adds after them stay NULL.
    cols = [r[0] for r in con.execute(f"describe {name}").fetchall()][: len(rows[0])]
    names = ", ".join(f'"{c}"' for c in cols)
    con.executemany(f"insert into {name} ({names}) values ({', '.join('?' * len(cols))})", rows)


def build_sample_warehouse(db_path: Path, lake: Path, week: str = WEEK, with_trade: bool = True) -> Path:
    """Write the sample lake under ``lake`` and the warehouse at ``db_path``; returns db_path."""
    _, end = parse_week(week)
    docs = _lake(Path(lake), week)
    Path(db_path).unlink(missing_ok=True)
    with duckdb.connect(str(db_path)) as con:
        _create_tables(con, with_trade)
        _views(con, Path(lake))
        _dims(con)
        evidence, links = _evidence_and_links(week, docs)
        cov, gaps = _coverage(week)
        tables = {"market_activity_weekly": _activity(week), "evidence": evidence, "new_links": links,
                  "coverage": cov, "coverage_gaps": gaps}
        if with_trade:
            tables.update(_trade(f"{end.year:04d}-{end.month:02d}"))
        for name, rows in tables.items():
            _insert(con, name, rows)
    return Path(db_path)
