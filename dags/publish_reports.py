"""publish_reports: whenever the warehouse is rebuilt, render the report in the other languages.

The nightly run renders the English report itself; this DAG, triggered by the
warehouse asset, adds the languages in $OCWATCH_REPORT_LANGS (default "fr")
for the date the build recorded.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, dag, task

from ocwatch.airflow import support as af

WAREHOUSE = Asset(af.WAREHOUSE)


@dag(
    dag_id="publish_reports",
    schedule=[WAREHOUSE],
    start_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),  # backfills reach back to here
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=dt.timedelta(hours=1),
    default_args=af.default_args(),
    tags=["ocwatch", "report"],
    doc_md=__doc__,
)
def publish_reports() -> None:
    @task(execution_timeout=dt.timedelta(minutes=30))
    def reports(**context) -> list[dict]:
        return af.run_reports(context)

    reports()


publish_reports()
