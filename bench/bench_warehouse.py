"""Warehouse build on a generated lake of 10 million mentions, against the same indicator in pandas.

``python -m bench.bench_warehouse [--mentions N] [--workdir DIR]`` generates a
lake (52 weekly partitions, 1 document in 10 mentions, 5% wire copies, 60
sources graded A..F), times ``build_warehouse`` (the whole build: snapshot,
every model, evidence) in both lake modes, then computes ``market_activity_weekly`` in pandas
from the same Parquet files in the same process, checks both agree, and
prints the figures and the pandas/DuckDB ratio. Target: build under 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from ocwatch.lake.contracts import DATASETS
from ocwatch.lake.partitions import dataset_glob, write_partition
from ocwatch.warehouse.build import DEFAULT_PARAMS, _set_params, build_warehouse
from ocwatch.warehouse.feedback_input import load_feedback
from ocwatch.warehouse.incremental_facts import after_model, scope_documents
from ocwatch.warehouse.load import load_reference, load_source_table
from ocwatch.warehouse.models_runner import discover, run_models

AS_OF = dt.date(2026, 11, 16)
START = AS_OF - dt.timedelta(weeks=52)
GRADES = "ABCDEF"
WEIGHTS = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.3, "F": 0.2}
N_SOURCES = 60
MARKETS = ["human_trafficking", "human_smuggling", "extortion_and_protection_racketeering",
           "arms_trafficking", "trade_in_counterfeit_goods", "illicit_trade_in_excise_goods",
           "flora_crimes", "fauna_crimes", "non_renewable_resource_crimes", "heroin_trade",
           "cocaine_trade", "cannabis_trade", "synthetic_drug_trade", "cyber_dependent_crimes",
           "financial_crimes"]
COUNTRIES = ["COD", "CAF", "MLI", "HTI", "SSD", "SDN", "NER", "BFA", "UGA", "RWA", "BDI", "TCD",
             "CMR", "NGA", "SOM", "LBY", "MOZ", "ETH", "KEN", "TZA"]


def sources() -> list[dict]:
    return [{"id": f"s{i:02d}", "name": f"Source {i}", "kind": "feed", "url": f"https://s{i}.example",
             "language": "en", "reliability": GRADES[i % 6], "countries": []} for i in range(N_SOURCES)]


def _week_sql(n_docs: int, week: int, kind: str) -> str:
    """SQL for one week's rows of one dataset; documents are numbered globally, ~n_docs/52 a week."""
    per = n_docs // 52
    lo, hi = week * per, (week + 1) * per
    docs = f"(select i, md5(i::VARCHAR) as doc_id from range({lo}, {hi}) t(i))"
    if kind == "documents":
        return f"""select doc_id, 'https://s' || lpad((i % {N_SOURCES})::VARCHAR, 2, '0') || '.example/' || i as url,
            's' || lpad((i % {N_SOURCES})::VARCHAR, 2, '0') as source_id, 'title ' || i as title,
            (TIMESTAMPTZ '{START}T00:00:00Z' + to_seconds(({week} * 7 * 86400) + (hash(i) % 604800)::BIGINT)) as published_at,
            (TIMESTAMPTZ '{START}T00:00:00Z' + to_seconds(({week} * 7 + 6) * 86400)) as fetched_at,
            'en' as language, md5(i::VARCHAR) as content_sha256, 'raw/x' as raw_path,
            case when i % 20 = 0 and i >= {lo} + 10 then md5((i - 7)::VARCHAR) end as near_dup_of
            from {docs}"""
    if kind == "mentions":
        return f"""select doc_id, (j // 4)::INT as sent_idx, 0 as start_char, 1 as end_char, 'x' as surface,
            case when j < 4 then 'commodity' when j < 8 then 'location' else 'actor' end as kind,
            case when j < 4 then 'c' when j < 8 then 'country:' || list_extract({COUNTRIES}, 1 + (hash(i, j // 2) % {len(COUNTRIES)})::INT)
                 else 'a' || (hash(i, j) % 500) end as entity_id,
            case when j < 4 then list_extract({MARKETS}, 1 + (hash(i, j // 2) % {len(MARKETS)})::INT) end as market,
            case when j between 4 and 7 then list_extract({COUNTRIES}, 1 + (hash(i, j // 2) % {len(COUNTRIES)})::INT) end as country_iso3
            from {docs}, range(10) m(j)"""
    if kind == "sentences":
        return f"select doc_id, s::INT as sent_idx, 0 as start_char, 10 as end_char, 'sentence ' || i || ' ' || s as text from {docs}, range(3) m(s)"
    return f"""select doc_id, 0::INT as sent_idx, 'a' || (hash(i) % 500) as actor_id,
        list_extract({MARKETS}, 1 + (hash(i, 0) % {len(MARKETS)})::INT) as market, 'c' as commodity_id,
        'country:' || list_extract({COUNTRIES}, 1 + (hash(i, 2) % {len(COUNTRIES)})::INT) as place_id,
        list_extract({COUNTRIES}, 1 + (hash(i, 2) % {len(COUNTRIES)})::INT) as country_iso3 from {docs}"""


def generate(lake: str, n_mentions: int) -> None:
    con = duckdb.connect()
    n_docs = n_mentions // 10
    for week in range(52):
        day = START + dt.timedelta(weeks=week, days=6)
        for kind in ("documents", "mentions", "sentences", "links"):
            write_partition(lake, kind, day, con.sql(_week_sql(n_docs, week, kind)).to_arrow_table())


def _roots(docs: pd.DataFrame) -> pd.Series:
    """Root document of each near-duplicate chain (same rule as fact_documents)."""
    parent = docs.set_index("doc_id")["near_dup_of"]
    parent = parent.where(parent.isin(parent.index))
    root = pd.Series(parent.index, index=parent.index)
    cur = parent.copy()
    for _ in range(50):
        has = cur.notna()
        if not has.any():
            break
        root[has] = cur[has]
        cur = parent.reindex(cur[has]).set_axis(cur[has].index).reindex(cur.index)
    return root


def pandas_weekly(lake: str) -> pd.DataFrame:
    """market_activity_weekly (no crawl gaps in this lake) from the Parquet files, in pandas."""
    def read(name: str, cols: list[str]) -> pd.DataFrame:
        return pd.concat([pd.read_parquet(p, columns=cols) for p in sorted(glob.glob(dataset_glob(lake, name)))])

    docs = read("documents", ["doc_id", "source_id", "published_at", "fetched_at", "near_dup_of"])
    docs = docs.drop_duplicates("doc_id", keep="last")
    docs["root"] = docs["doc_id"].map(_roots(docs))
    weight = {s["id"]: WEIGHTS[s["reliability"]] for s in sources()}
    src = docs.set_index("doc_id")["source_id"]
    docs["root_source"] = docs["root"].map(src)
    docs["root_weight"] = docs["root_source"].map(weight)
    ts = docs["published_at"].fillna(docs["fetched_at"]).dt.tz_convert("UTC").dt.tz_localize(None)
    docs["week_start"] = (ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")).dt.normalize()
    m = read("mentions", ["doc_id", "sent_idx", "kind", "market", "country_iso3"])
    links = read("links", ["doc_id", "market", "country_iso3"])
    mm = m[m["market"].notna()].groupby(["doc_id", "market"]).size().rename("mentions").reset_index()
    # A document counts for a country where a sentence locates the market there: the market and a
    # place in one sentence, or a link (fact_located_sentences).
    places = m.loc[(m["kind"] == "location") & m["country_iso3"].notna(), ["doc_id", "sent_idx", "country_iso3"]]
    by_mention = m.loc[m["market"].notna(), ["doc_id", "sent_idx", "market"]].merge(places, on=["doc_id", "sent_idx"])
    located = pd.concat([by_mention[["doc_id", "market", "country_iso3"]],
                         links.loc[links["country_iso3"].notna(), ["doc_id", "market", "country_iso3"]]])
    f = mm.merge(located.drop_duplicates(), on=["doc_id", "market"]).merge(docs, on="doc_id")
    keys = ["market", "country_iso3", "week_start"]
    obs = f.groupby(keys).agg(documents=("doc_id", "nunique"), independent_sources=("root_source", "nunique"))
    score = f.drop_duplicates([*keys, "root"]).groupby(keys)["root_weight"].sum().rename("score")
    obs = obs.join(score).reset_index()
    last = pd.Timestamp(AS_OF) - pd.Timedelta(days=AS_OF.weekday())
    out = []
    for (mk, c), g in obs.groupby(["market", "country_iso3"]):
        weeks = pd.date_range(g["week_start"].min(), last, freq="7D")
        s = g.set_index("week_start")["score"].reindex(weeks, fill_value=0.0)
        prev = s.shift(1).rolling(12, min_periods=1)
        mean, std, n = prev.mean(), prev.std(), prev.count()
        z = ((s - mean) / np.maximum(std.fillna(0), 0.5)).where(n >= 4)
        out.append(pd.DataFrame({"market": mk, "country_iso3": c, "week_start": weeks,
                                 "score": s.values, "z": z.values}))
    return pd.concat(out, ignore_index=True)


INDICATOR_MODELS = ("sources", "feedback_active", "feedback_actor_map", "feedback_place_map",
                    "mentions_reviewed", "links_reviewed", "fact_documents", "fact_extractions", "fact_located_sentences", "fact_doc_market_country",
                    "fact_market_weeks", "coverage", "source_weeks", "country_week_gaps",
                    "market_activity_weekly")


def duckdb_weekly(lake: str) -> int:
    """The same single indicator in DuckDB straight from the Parquet files (views, in memory)."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    _set_params(con, AS_OF, DEFAULT_PARAMS)
    for name in DATASETS:
        files = sorted(glob.glob(dataset_glob(lake, name)))
        if files:
            con.execute(f"create view {name} as select * exclude (date), date as partition_date "
                        f"from read_parquet({files!r}, hive_partitioning=true, union_by_name=true, "
                        "hive_types={'date': DATE})")
        else:
            con.register(f"_{name}", DATASETS[name].schema.empty_table())
            con.execute(f"create view {name} as select *, NULL::DATE as partition_date from _{name}")
    load_reference(con)
    load_source_table(con, sources())
    load_feedback(con, None)  # no analyst feedback: the reviewed views equal the lake's rows
    scope_documents(con, None, {}, AS_OF)  # a full build's scope: every document
    run_models(con, [m for m in discover() if m.name in INDICATOR_MODELS], after_model)
    return con.execute("select count(*) from market_activity_weekly").fetchall()[0][0]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_warehouse", description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=10_000_000)
    ap.add_argument("--workdir", type=Path, default=None, help="keep the lake here (default: temp)")
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-wh-"))
    lake = str(work / "lake")
    try:
        if not Path(lake, "mentions").exists():
            t0 = time.perf_counter()
            generate(lake, args.mentions)
            print(f"generated lake: {args.mentions:,} mentions in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        build_warehouse(lake, work / "views.duckdb", AS_OF, sources(), params={"lake_mode": "views"})
        t_views = time.perf_counter() - t0
        t0 = time.perf_counter()
        db = build_warehouse(lake, work / "warehouse.duckdb", AS_OF, sources())
        t_build = time.perf_counter() - t0
        with duckdb.connect(str(db), read_only=True) as con:
            counts = {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in
                      ("mentions", "documents", "market_activity_weekly", "new_links", "evidence")}
            duck = con.execute("select market, country_iso3, week_start, score, z "
                               "from market_activity_weekly").df()
        t0 = time.perf_counter()
        n_duck = duckdb_weekly(lake)
        t_duck_one = time.perf_counter() - t0
        t0 = time.perf_counter()
        pdf = pandas_weekly(lake)
        t_pandas = time.perf_counter() - t0
        _check(duck, pdf)
        # other work on the machine slows every figure alike; the ratios are the comparable part
        print(f"machine: {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.1f}")
        print(f"rows: {counts}")
        print(f"duckdb build (whole warehouse): {t_build:8.2f} s  (target < 60 s; lake copied in, "
              f"{(work / 'warehouse.duckdb').stat().st_size / 2**20:,.0f} MB)")
        print(f"duckdb build, lake_mode=views:  {t_views:8.2f} s  (lake read in place, "
              f"{(work / 'views.duckdb').stat().st_size / 2**20:,.0f} MB)")
        print(f"duckdb market_activity_weekly:  {t_duck_one:8.2f} s  ({n_duck:,} rows, from Parquet)")
        print(f"pandas market_activity_weekly:  {t_pandas:8.2f} s")
        print(f"ratio pandas / duckdb, same indicator: {t_pandas / t_duck_one:8.2f}x")
        print(f"ratio pandas one indicator / duckdb whole build: {t_pandas / t_build:8.2f}x "
              f"(views mode {t_pandas / t_views:.2f}x)")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def _check(duck: pd.DataFrame, pdf: pd.DataFrame) -> None:
    """Both engines must give the same scores and z, or the comparison means nothing."""
    duck = duck.assign(week_start=pd.to_datetime(duck["week_start"]))
    j = duck.merge(pdf, on=["market", "country_iso3", "week_start"], suffixes=("_d", "_p"))
    assert len(j) == len(duck) == len(pdf), (len(j), len(duck), len(pdf))
    assert np.allclose(j["score_d"], j["score_p"])
    assert np.allclose(j["z_d"].astype(float), j["z_p"].astype(float), equal_nan=True)
    print(f"check: duckdb and pandas agree on {len(j):,} weekly rows")


if __name__ == "__main__":
    main()
