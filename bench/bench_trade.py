"""Trade figures: record mapping and the two indicator models, `python -m bench.bench_trade`.

Prints records a second for the Comtrade field mapping against a baseline that
only lower-cases the keys (the unavoidable cost of reading a record), and the
seconds to build fact_trade_watched, trade_mirror_gaps and trade_unit_values over a synthetic lake
against a baseline full scan of the same trade_flows view.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import duckdb

from ocwatch.lake.partitions import dataset_glob, write_partition
from ocwatch.trade.fields import lower_keys, to_flow_row
from ocwatch.warehouse.build import DEFAULT_PARAMS, _set_params
from ocwatch.warehouse.load import load_reference
from ocwatch.warehouse.models_runner import discover, run_models

ROOT = Path(__file__).resolve().parent.parent
T0 = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
CODES = ["7108", "4403", "2609", "2615", "0507", "9302"]
TRADE_MODELS = ("fact_trade_watched", "trade_mirror_gaps", "trade_unit_values")
COUNTRIES = [180, 784, 646, 800, 757, 344, 702, 140, 466, 728, 332, 156, 56, 710]


def records(n: int, rng: random.Random) -> list[dict]:
    return [{"period": str(2020 + i % 4), "reporterCode": rng.choice(COUNTRIES), "flowCode": rng.choice("XM"),
             "partnerCode": rng.choice(COUNTRIES), "cmdCode": rng.choice(CODES), "cifvalue": rng.random() * 1e6,
             "fobvalue": rng.random() * 1e6, "primaryValue": rng.random() * 1e6, "netWgt": rng.random() * 1e3,
             "qtyUnitAbbr": "kg", "partner2Code": 0, "motCode": 0, "customsCode": "C00"} for i in range(n)]


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def bench_mapping(recs: list[dict]) -> None:
    base = timed(lambda: [lower_keys(r) for r in recs])
    full = timed(lambda: [to_flow_row(r, "bench", T0) for r in recs])
    print(f"mapping: {len(recs) / full:,.0f} records/s; baseline lower-case keys {len(recs) / base:,.0f} records/s; "
          f"ratio {full / base:.2f}x baseline time")


def bench_models(recs: list[dict], lake: Path) -> None:
    rows = [r for r in (to_flow_row(x, "bench", T0) for x in recs) if r["reporter_iso3"] != r["partner_iso3"]]
    write_partition(str(lake), "trade_flows", dt.date(2024, 6, 1), rows, part="comtrade-api")
    write_partition(str(lake), "trade_log", dt.date(2024, 6, 1), [], part="comtrade-api")
    con = duckdb.connect()
    for name in ("trade_flows", "trade_log"):
        con.execute(f"CREATE VIEW {name} AS SELECT * EXCLUDE (date), CAST(date AS DATE) AS partition_date "
                    f"FROM read_parquet('{dataset_glob(str(lake), name)}', hive_partitioning = true)")
    load_reference(con)
    _set_params(con, T0.date(), DEFAULT_PARAMS)
    base = timed(lambda: con.execute("CREATE TABLE scan AS SELECT * FROM trade_flows"))
    # The shipped models, as the build runs them: the watched-records fact, then the two indicators.
    took = run_models(con, [m for m in discover() if m.name in TRADE_MODELS])
    for model, secs in took.items():
        n = con.execute(f"SELECT count(*) FROM {model}").fetchone()[0]
        print(f"{model}: {secs:.3f} s for {len(rows):,} flows -> {n:,} rows; "
              f"baseline full scan {base:.3f} s; ratio {secs / base:.2f}x")


def main() -> None:
    recs = records(200_000, random.Random(7))
    bench_mapping(recs)
    with tempfile.TemporaryDirectory() as tmp:
        bench_models(recs, Path(tmp) / "lake")


if __name__ == "__main__":
    main()
