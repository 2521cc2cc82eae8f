"""Airflow tasks more than one DAG runs: the warehouse build (one writer) and the report.

Declared once here so the nightly and the trade DAGs cannot drift apart in
pool, timeout or outlets. Imported at DAG parse time: only airflow.sdk here;
the stage code loads inside the tasks.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import Asset, task

from ocwatch.airflow import support as af


@task(outlets=[Asset(af.WAREHOUSE)], pool=af.WAREHOUSE_POOL, execution_timeout=dt.timedelta(hours=1))
def build(**context) -> dict:
    return af.run_stage("build", context)


@task(execution_timeout=dt.timedelta(minutes=20))
def report(**context) -> dict:
    return af.run_stage("report", context)
