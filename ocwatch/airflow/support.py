"""What the Airflow DAG tasks share: settings with the Comtrade key, the run date, failure records.

The DAG files in dags/ only wire tasks together; everything they do at run
time is here or in ocwatch/stages.py. This module is imported while the DAG
processor parses the DAG files, so it imports nothing heavy at module level:
no airflow, no pyarrow, no stage code (those load inside the functions, in the
task's own process).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ocwatch.lake.dates import parse_date
from ocwatch.settings import Settings

log = logging.getLogger("ocwatch.airflow")

COMTRADE_CONN_ID = "comtrade_default"
WAREHOUSE_POOL = "warehouse_writer"

# Asset URIs: the lake datasets and the warehouse the DAGs produce and consume.
LAKE_DOCUMENTS = "ocwatch://lake/documents"
LAKE_MENTIONS = "ocwatch://lake/mentions"
LAKE_TRADE_FLOWS = "ocwatch://lake/trade_flows"
WAREHOUSE = "ocwatch://warehouse"

# Task ids the DAGs use, mapped to the stage names of the errors dataset.
_STAGE_OF_TASK = {"source_ids": "crawl", "crawl": "crawl", "dedup": "crawl", "pull": "trade",
                  "extract": "extract", "rescore": "rescore", "build": "build", "report": "report",
                  "reports": "report", "alerts": "alerts"}


class StageFailed(RuntimeError):
    """A stage function reported failure; raised so Airflow retries and records it."""


def default_args(**overrides: Any) -> dict[str, Any]:
    """Defaults every ocwatch task gets: a timeout, a retry, and the failure record."""
    args: dict[str, Any] = {
        "owner": "ocwatch",
        "retries": 1,
        "retry_delay": dt.timedelta(minutes=1),
        "execution_timeout": dt.timedelta(minutes=30),
        "on_failure_callback": record_failure,
        "on_success_callback": clear_failure,
    }
    args.update(overrides)
    return args


def network_retries(**overrides: Any) -> dict[str, Any]:
    """Task arguments for tasks that reach the network (crawls, Comtrade pulls): retry with backoff."""
    args: dict[str, Any] = {
        "retries": 3,
        "retry_delay": dt.timedelta(minutes=2),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": dt.timedelta(minutes=30),
    }
    args.update(overrides)
    return args


def comtrade_key(env: Mapping[str, str] | None = None) -> str | None:
    """The Comtrade key: the password of the `comtrade_default` connection, else $COMTRADE_API_KEY.

    Read at run time inside the task, never at parse time, and handed to the
    secrets masker so that no task log line can show it.
    """
    key = _connection_password(COMTRADE_CONN_ID)
    if not key:
        key = Settings.from_env(env).comtrade_key
    if key:
        _mask(key)
    return key


def _connection_password(conn_id: str) -> str | None:
    try:
        from airflow.sdk import Connection

        return Connection.get(conn_id).password or None
    except Exception as exc:  # no connection, or not inside a task: the environment decides
        log.debug("no %s connection (%s); using the environment", conn_id, type(exc).__name__)
        return None


def _mask(secret: str) -> None:
    try:
        from airflow.sdk.log import mask_secret

        mask_secret(secret)
    except Exception:  # outside Airflow there is no masker; Settings keeps it out of repr anyway
        log.debug("secrets masker unavailable")


def task_settings(with_key: bool = False) -> Settings:
    """Settings from the worker's environment; only tasks that call Comtrade ask for the key."""
    if not with_key:  # the key stays out of tasks that have no use for it
        return replace(Settings.from_env(), comtrade_key=None)
    return Settings.from_env(comtrade_key=comtrade_key())


def run_date(context: Mapping[str, Any]) -> dt.date:
    """The date a run works on: its logical date, never the wall clock; parsed here, once.

    Asset-triggered runs have no logical date: they take the date the upstream
    run recorded in its asset event, so a backfilled night triggers work on
    that night's date.
    """
    logical = context.get("logical_date")
    if logical is not None:
        return logical.date()
    dates = sorted(_event_dates(context.get("triggering_asset_events") or {}))
    if dates:
        return parse_date(dates[-1])
    dag_run = context.get("dag_run")
    run_after = getattr(dag_run, "run_after", None)
    if run_after is None:
        raise ValueError("run has neither a logical date nor a dated asset event")
    return run_after.date()


def _event_dates(events: Mapping[Any, Iterable[Any]]) -> list[str]:
    out = []
    for evs in events.values():
        for ev in evs:
            date = (getattr(ev, "extra", None) or {}).get("date")
            if isinstance(date, str):
                out.append(date)
    return out


def finish(result: Any, context: Mapping[str, Any], date: dt.date) -> dict[str, Any]:
    """Turn a StageResult into the task's outcome: raise when failed or degraded, else tag outlets and return paths.

    A degraded stage (a source that answered nothing, a pull without a key)
    fails its task too, so Airflow retries it and shows it red; the tasks
    downstream of the crawls run on `all_done`, so the night goes on with what was fetched.
    """
    if result.status != "ok":
        raise StageFailed(result.summary())
    outlet_events = context.get("outlet_events")
    task = context.get("task")
    if outlet_events is not None and task is not None:
        for outlet in getattr(task, "outlets", None) or []:
            # Downstream asset-triggered runs read the date from here (see run_date).
            outlet_events[outlet].extra = {"date": date.isoformat(), "stage": result.stage}
    log.info("%s", result.summary())
    return {"stage": result.stage, "date": date.isoformat(), "outputs": dict(result.outputs),
            "counts": dict(result.counts)}


def send_alerts(context: Mapping[str, Any]) -> dict[str, Any]:
    """The alerts task: the run date's digests, once the build is done (a retry resends only failures)."""
    from ocwatch import stages

    settings, date = task_settings(), run_date(context)
    if settings.smtp_password:
        _mask(settings.smtp_password)
    return finish(stages.alerts(settings, date), context, date)


def redact(text: str, secrets: Iterable[str | None]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def failure_part(task_id: str, key: str | int | None = None) -> str:
    """The errors part a task owns: `airflow-<task>`, plus the source id or map index of a mapped task.

    Keyed on the source id rather than the map index where there is one, so a
    source keeps its part when the registry's order changes.
    """
    name = task_id if key is None or key == -1 else f"{task_id}-{key}"
    return "airflow-" + (re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")[:90] or "task")


def _part_for(context: Mapping[str, Any]) -> str:
    ti = context.get("ti")
    source = _source_of(context)
    return failure_part(getattr(ti, "task_id", "task"), source or getattr(ti, "map_index", -1))


def _source_of(context: Mapping[str, Any]) -> str | None:
    source = (getattr(context.get("task"), "op_kwargs", None) or {}).get("source_id")
    return source if isinstance(source, str) else None


def failure_row(context: Mapping[str, Any], secrets: Iterable[str | None] = ()) -> dict[str, Any]:
    """One row of the `errors` dataset describing a failed task, with its input named."""
    ti = context.get("ti") or context.get("task_instance")
    task_id = getattr(ti, "task_id", "unknown")
    exc = context.get("exception")
    source = _source_of(context)
    dag_id = getattr(ti, "dag_id", "?")
    where = f"{dag_id}.{task_id}" + (f"[{ti.map_index}]" if getattr(ti, "map_index", -1) >= 0 else "")
    return {
        "stage": _STAGE_OF_TASK.get(task_id, task_id),
        "input": f"source:{source}" if source else f"airflow:{where}",
        "error_kind": f"airflow_{type(exc).__name__}" if exc else "airflow_task_failed",
        "error": redact(f"{where} failed after {getattr(ti, 'try_number', '?')} tries: {exc}", secrets),
        "occurred_at": dt.datetime.now(dt.UTC),
    }


def _secrets() -> list[str | None]:
    return [Settings.from_env().comtrade_key, _connection_password(COMTRADE_CONN_ID)]


def record_failure(context: Mapping[str, Any]) -> None:
    """Failure callback: log the failure and write it into the lake's `errors` dataset.

    The report's coverage section reads `errors`, so a night with a dead
    source or a failed pull says so instead of showing a quiet zero.
    A failure here must never hide the task's own failure: it is logged, not raised.
    """
    try:
        from ocwatch.lake.partitions import write_partition

        row = failure_row(context, _secrets())
        log.error("ocwatch task failed: %s", row["error"])
        path = write_partition(Settings.from_env().lake, "errors", run_date(context), [row],
                               part=_part_for(context))
        log.error("failure recorded in %s", path)
    except Exception:
        log.exception("could not record the task failure in the errors dataset")


def clear_failure(context: Mapping[str, Any]) -> None:
    """Success callback: a rerun that succeeds replaces the night's failure record with nothing."""
    try:
        from ocwatch.lake.partitions import list_parts, write_partition

        part = _part_for(context)
        lake, date = Settings.from_env().lake, run_date(context)
        if any(p.endswith(f"/{part}.parquet") for p in list_parts(lake, "errors", date)):
            write_partition(lake, "errors", date, [], part=part)
    except Exception:
        log.exception("could not clear an earlier failure record")


def report_languages(env: Mapping[str, str] | None = None) -> list[str]:
    """Languages publish_reports renders: $OCWATCH_REPORT_LANGS, comma-separated (default fr)."""
    return list(Settings.from_env(env).report_langs)


def source_ids() -> list[str]:
    """The registry's source ids, one mapped crawl task each."""
    from ocwatch import stages

    return stages.list_source_ids(task_settings())


def run_stage(stage: str, context: Mapping[str, Any], *, with_key: bool = False, **kwargs: Any) -> dict[str, Any]:
    """What a DAG task does: the named stage function for the run's date, its result made the task's outcome.

    Only tasks that call Comtrade ask for the key (``with_key``).
    """
    from ocwatch import stages

    date = run_date(context)
    return finish(getattr(stages, stage)(task_settings(with_key), date, **kwargs), context, date)


def run_reports(context: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The report in every language of ``report_languages`` for the run's date."""
    return [run_stage("report", context, lang=lang) for lang in report_languages()]
