"""nightly_ingest: crawl every source (one mapped task a source), mark wire copies, then extract, rescore, build,
report and alerts.

Wiring only: each task calls the stage function the `ocwatch` command calls,
for the run's logical date, inside the task (nothing heavy at parse time).
A dead source does not stop the night: extraction runs on what was fetched
and the failure is recorded for the report's coverage section.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, dag, task

from ocwatch.airflow import support as af
from ocwatch.airflow.tasks import build, report

DOCUMENTS = Asset(af.LAKE_DOCUMENTS)
MENTIONS = Asset(af.LAKE_MENTIONS)


@dag(
    dag_id="nightly_ingest",
    schedule="@daily",
    start_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),  # backfills reach back to here
    catchup=False,  # history is rebuilt on purpose, with `airflow backfill create`
    max_active_runs=1,  # one night at a time: nights share the warehouse file
    dagrun_timeout=dt.timedelta(hours=8),
    default_args=af.default_args(),
    tags=["ocwatch", "ingest", "nightly"],
    doc_md=__doc__,
)
def nightly_ingest() -> None:
    @task(execution_timeout=dt.timedelta(minutes=5))
    def source_ids() -> list[str]:
        return af.source_ids()

    @task(outlets=[DOCUMENTS], execution_timeout=dt.timedelta(minutes=45),
          max_active_tis_per_dagrun=8, **af.network_retries())
    def crawl(source_id: str, **context) -> dict:
        return af.run_stage("crawl_one", context, source_id=source_id)

    # all_done: a source that failed all its retries leaves a gap, not a lost night.
    # Parallel crawls cannot see each other's documents: wire copies are marked
    # across sources once they are all done.
    @task(outlets=[DOCUMENTS], trigger_rule="all_done", execution_timeout=dt.timedelta(minutes=30))
    def dedup(**context) -> dict:
        return af.run_stage("dedup", context)

    @task(outlets=[MENTIONS], execution_timeout=dt.timedelta(hours=2))
    def extract(**context) -> dict:
        return af.run_stage("extract", context)

    # Links of earlier nights that other link-confidence trees scored get the shipped trees' verdicts
    # before the build reads them (a bounded number of dates a night).
    @task(execution_timeout=dt.timedelta(minutes=30))
    def rescore(**context) -> dict:
        return af.run_stage("rescore_stale", context)

    # After the build, beside the report: each watching analyst's digest of what the night brought.
    @task(execution_timeout=dt.timedelta(minutes=30), **af.network_retries())
    def alerts(**context) -> dict:
        return af.send_alerts(context)

    crawls = crawl.expand(source_id=source_ids())
    built = build()
    crawls >> dedup() >> extract() >> rescore() >> built >> report()
    built >> alerts()


nightly_ingest()
