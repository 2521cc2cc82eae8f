"""ocwatch.airflow.support: run dates, failure records and secrets, without starting Airflow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from ocwatch.airflow import support as af
from ocwatch.lake.partitions import list_parts, read_partition
from ocwatch.stages import StageResult


@pytest.fixture(autouse=True)
def no_airflow_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # Outside a task there is no connection to read; tests decide the environment.
    monkeypatch.setattr(af, "_connection_password", lambda conn_id: None)


def _ti(task_id: str = "crawl", map_index: int = -1) -> SimpleNamespace:
    return SimpleNamespace(task_id=task_id, dag_id="nightly_ingest", map_index=map_index, try_number=4)


def test_run_date_is_the_logical_date_not_the_clock() -> None:
    ctx = {"logical_date": dt.datetime(2024, 3, 9, tzinfo=dt.UTC)}
    assert af.run_date(ctx) == dt.date(2024, 3, 9)


def test_asset_triggered_run_takes_the_date_of_its_latest_event() -> None:
    events = {"ocwatch://lake/trade_flows": [SimpleNamespace(extra={"date": "2024-02-01"}),
                                             SimpleNamespace(extra={"date": "2024-03-01"})]}
    ctx = {"logical_date": None, "triggering_asset_events": events,
           "dag_run": SimpleNamespace(run_after=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))}
    assert af.run_date(ctx) == dt.date(2024, 3, 1)


def test_asset_triggered_run_without_dated_events_falls_back_to_run_after() -> None:
    ctx = {"logical_date": None, "triggering_asset_events": {"x": [SimpleNamespace(extra={})]},
           "dag_run": SimpleNamespace(run_after=dt.datetime(2024, 5, 6, 7, tzinfo=dt.UTC))}
    assert af.run_date(ctx) == dt.date(2024, 5, 6)


def test_failure_part_is_a_valid_lake_part_name_keyed_on_the_source() -> None:
    assert af.failure_part("crawl", "ReliefWeb.Int/DRC") == "airflow-crawl-reliefweb-int-drc"
    assert af.failure_part("extract", -1) == "airflow-extract"
    assert af.failure_part("crawl", 3) == "airflow-crawl-3"


def test_failed_stage_raises_so_airflow_retries() -> None:
    with pytest.raises(af.StageFailed, match="source 'x'"):
        af.finish(StageResult("crawl[x]", ok=False, errors=["source 'x' exited 1"]), {}, dt.date(2024, 1, 1))


def test_finish_returns_paths_and_dates_outlet_events() -> None:
    outlet = "ocwatch://lake/documents"
    events = {outlet: SimpleNamespace(extra={})}
    ctx = {"outlet_events": events, "task": SimpleNamespace(outlets=[outlet])}
    out = af.finish(StageResult("crawl[a]", outputs={"documents": "/l/d.parquet"}), ctx, dt.date(2024, 1, 2))
    assert out["outputs"] == {"documents": "/l/d.parquet"} and out["date"] == "2024-01-02"
    assert events[outlet].extra == {"date": "2024-01-02", "stage": "crawl[a]"}


def test_failure_callback_records_the_failure_in_the_errors_dataset(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCWATCH_HOME", str(tmp_path))
    monkeypatch.setenv("COMTRADE_API_KEY", "s3cret-comtrade-key")
    ctx = {"ti": _ti("crawl", 2), "task": SimpleNamespace(op_kwargs={"source_id": "radio-okapi"}),
           "logical_date": dt.datetime(2024, 3, 9, tzinfo=dt.UTC),
           "exception": RuntimeError("GET https://x/?key=s3cret-comtrade-key refused")}
    af.record_failure(ctx)
    rows = read_partition(str(tmp_path / "lake"), "errors", dt.date(2024, 3, 9)).to_pylist()
    assert len(rows) == 1
    row = rows[0]
    assert row["stage"] == "crawl" and row["input"] == "source:radio-okapi"
    assert row["error_kind"] == "airflow_RuntimeError"
    assert "s3cret-comtrade-key" not in row["error"] and "***" in row["error"]
    assert list_parts(str(tmp_path / "lake"), "errors", dt.date(2024, 3, 9))[0].endswith(
        "/airflow-crawl-radio-okapi.parquet")


def test_success_after_a_failure_replaces_the_failure_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCWATCH_HOME", str(tmp_path))
    ctx = {"ti": _ti("build"), "logical_date": dt.datetime(2024, 3, 9, tzinfo=dt.UTC),
           "exception": OSError("disk full")}
    af.record_failure(ctx)
    assert read_partition(str(tmp_path / "lake"), "errors", dt.date(2024, 3, 9)).num_rows == 1
    af.clear_failure({k: v for k, v in ctx.items() if k != "exception"})
    assert read_partition(str(tmp_path / "lake"), "errors", dt.date(2024, 3, 9)).num_rows == 0


def test_failure_callback_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    # No date anywhere: recording is impossible, but the callback must not mask the task's own error.
    af.record_failure({"ti": _ti(), "logical_date": None})


def test_comtrade_key_comes_from_the_environment_when_there_is_no_connection() -> None:
    assert af.comtrade_key({"COMTRADE_API_KEY": "abc123456"}) == "abc123456"
    assert af.comtrade_key({}) is None


def test_comtrade_key_prefers_the_airflow_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(af, "_connection_password", lambda conn_id: f"from-{conn_id}")
    assert af.comtrade_key({"COMTRADE_API_KEY": "env"}) == "from-comtrade_default"


def test_settings_for_a_task_never_show_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMTRADE_API_KEY", "very-secret-key-42")
    with_key = af.task_settings(with_key=True)
    assert with_key.comtrade_key == "very-secret-key-42"
    assert "very-secret-key-42" not in repr(with_key)
    assert af.task_settings().comtrade_key is None


def test_report_languages_default_to_french() -> None:
    assert af.report_languages({}) == ["fr"]
    assert af.report_languages({"OCWATCH_REPORT_LANGS": "fr, en"}) == ["fr", "en"]


def test_default_args_give_every_task_a_timeout_a_retry_and_the_failure_record() -> None:
    args = af.default_args()
    assert args["execution_timeout"] > dt.timedelta(0) and args["retries"] >= 1
    assert args["on_failure_callback"] is af.record_failure
    assert af.network_retries()["retry_exponential_backoff"] >= 2
