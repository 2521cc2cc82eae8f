"""trade_monthly: pull UN Comtrade data for the watch lists; the trade models follow on the asset.

The Comtrade key comes from the `comtrade_default` connection (its password)
or $COMTRADE_API_KEY, read inside the task and masked in its log.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, dag, task

from ocwatch.airflow import support as af

TRADE_FLOWS = Asset(af.LAKE_TRADE_FLOWS)


@dag(
    dag_id="trade_monthly",
    schedule="@monthly",
    start_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),  # backfills reach back to here
    catchup=False,
    max_active_runs=1,  # Comtrade's quota is per key: one pull at a time
    dagrun_timeout=dt.timedelta(hours=6),
    default_args=af.default_args(),
    tags=["ocwatch", "trade", "monthly"],
    doc_md=__doc__,
)
def trade_monthly() -> None:
    @task(outlets=[TRADE_FLOWS], execution_timeout=dt.timedelta(hours=2),
          **af.network_retries(retry_delay=dt.timedelta(minutes=5)))
    def pull(**context) -> dict:
        return af.run_stage("trade", context, with_key=True)

    pull()


trade_monthly()
