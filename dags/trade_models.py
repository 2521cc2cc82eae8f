"""trade_models: when new trade flows land in the lake, rebuild the warehouse (and its trade models) and the report.

Triggered by the trade_flows asset, not by a clock: it runs after every
successful pull, on the date that pull recorded in its asset event.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, dag

from ocwatch.airflow import support as af
from ocwatch.airflow.tasks import build, report

TRADE_FLOWS = Asset(af.LAKE_TRADE_FLOWS)


@dag(
    dag_id="trade_models",
    schedule=[TRADE_FLOWS],
    start_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),  # backfills reach back to here
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=dt.timedelta(hours=3),
    default_args=af.default_args(),
    tags=["ocwatch", "trade", "warehouse"],
    doc_md=__doc__,
)
def trade_models() -> None:
    build() >> report()


trade_models()
