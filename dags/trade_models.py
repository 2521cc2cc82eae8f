"""trade_models: when new trade flows land in the lake, rebuild the warehouse (and its trade models) and the report.

Triggered by the trade_flows asset, not by a clock: it runs after every
successful pull, on the date that pull recorded in its asset event.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, dag, task

from ocwatch import airflow_support as af

TRADE_FLOWS = Asset(af.LAKE_TRADE_FLOWS)
WAREHOUSE = Asset(af.WAREHOUSE)


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
    @task(outlets=[WAREHOUSE], pool=af.WAREHOUSE_POOL, execution_timeout=dt.timedelta(hours=1))
    def build(**context) -> dict:
        from ocwatch import stages

        date = af.run_date(context)
        return af.finish(stages.build(af.task_settings(), date), context, date)

    @task(execution_timeout=dt.timedelta(minutes=20))
    def report(**context) -> dict:
        from ocwatch import stages

        date = af.run_date(context)
        return af.finish(stages.report(af.task_settings(), date=date), context, date)

    build() >> report()


trade_models()
