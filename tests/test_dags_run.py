"""`dag.test()` runs of the DAGs against a temporary SQLite Airflow home.

The wiring tests replace the stage functions with small fakes inside the
Airflow process (the DAG tasks look them up at run time), so they check what
the DAGs themselves promise: one task a source, failures recorded and the
night carried on, asset events dated with the run's logical date, reruns
replacing the night's records, and the Comtrade key kept out of logs, XComs
and rendered fields. The last test runs the real stages on the demo sources.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ocwatch.lake.partitions import list_parts, read_partition

PROJECT_ROOT = Path(__file__).resolve().parent.parent

HARNESS = r"""
import datetime as dt, json, os, sys
from ocwatch import stages
from ocwatch.stages import StageResult
from ocwatch.lake.partitions import write_partition

def fake_list(settings):
    return ["alpha", "broken"]

def fake_crawl_one(settings, date, source_id):
    if source_id == "broken" and os.environ.get("FAKE_BROKEN") == "1":
        return StageResult(f"crawl[{source_id}]", ok=False, errors=[f"source {source_id!r} refused"])
    row = {"url": f"http://127.0.0.1/{source_id}", "source_id": source_id, "status": 200,
           "error": os.environ.get("FAKE_TAG", ""), "fetched_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}
    path = write_partition(str(settings.lake), "crawl_log", date, [row], part=source_id)
    return StageResult(f"crawl[{source_id}]", outputs={"crawl_log": path})

def fake_trade(settings, date, **kw):
    # Proves the key arrived without ever writing it anywhere.
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "key-seen").write_text(str(settings.comtrade_key == os.environ["EXPECT_KEY"]))
    return StageResult("trade", outputs={"trade_flows": settings.lake.join("trade_flows")})

def fake_stage(name):
    def run(settings, date=None, **kw):
        settings.home.mkdir(parents=True, exist_ok=True)
        (settings.home / f"{name}-{date}.txt").write_text(name)
        return StageResult(name, outputs={name: str(settings.home / f"{name}-{date}.txt")})
    return run

if os.environ.get("FAKE_STAGES") == "1":
    stages.list_source_ids, stages.crawl_one, stages.trade = fake_list, fake_crawl_one, fake_trade
    stages.extract, stages.build, stages.report = fake_stage("extract"), fake_stage("build"), fake_stage("report")
    stages.dedup, stages.rescore_stale = fake_stage("dedup"), fake_stage("rescore")

from airflow.dag_processing.dagbag import DagBag
from airflow.models.asset import AssetDagRunQueue, AssetEvent
from airflow.utils.session import create_session

dag = DagBag(dag_folder=os.environ["AIRFLOW__CORE__DAGS_FOLDER"]).dags[sys.argv[1]]
for t in dag.tasks:
    t.retries = 0  # dag.test would sit out the real retry delays
dr = dag.test(logical_date=dt.datetime.fromisoformat(sys.argv[2]).replace(tzinfo=dt.UTC))
with create_session() as s:
    events = [[e.asset.uri, e.extra] for e in s.query(AssetEvent).filter(AssetEvent.source_run_id == dr.run_id)]
    queued = sorted({q.target_dag_id for q in s.query(AssetDagRunQueue)})
tis = {f"{ti.task_id}[{ti.map_index}]": str(ti.state) for ti in dr.get_task_instances()}
print("RESULT" + json.dumps({"state": str(dr.state), "tis": tis, "events": events, "queued": queued}))
"""


def _dag_test(airflow_env: dict[str, str], tmp_path: Path, dag_id: str, date: str,
              timeout: int = 600, **env: str) -> tuple[dict, str]:
    script = tmp_path / "harness.py"
    script.write_text(HARNESS)
    full_env = {**airflow_env, "OCWATCH_HOME": str(tmp_path / "home"), **env}
    proc = subprocess.run([sys.executable, str(script), dag_id, date], env=full_env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=timeout)
    output = proc.stdout + proc.stderr
    lines = [x for x in proc.stdout.splitlines() if x.startswith("RESULT")]
    assert proc.returncode == 0 and lines, output[-4000:]
    return json.loads(lines[-1][6:]), output


def test_nightly_ingest_runs_one_crawl_per_source_and_survives_a_dead_one(
        airflow_env: dict[str, str], tmp_path: Path) -> None:
    result, output = _dag_test(airflow_env, tmp_path, "nightly_ingest", "2024-03-09",
                               FAKE_STAGES="1", FAKE_BROKEN="1")
    assert "crawl[0]" in result["tis"], (result, output[-3000:])
    assert result["tis"]["crawl[0]"] == "success" and result["tis"]["crawl[1]"] == "failed"
    for task_id in ("extract", "rescore", "build", "report"):
        assert result["tis"][f"{task_id}[-1]"] == "success"
    lake = str(tmp_path / "home" / "lake")
    errors = read_partition(lake, "errors", dt.date(2024, 3, 9)).to_pylist()
    assert [(e["stage"], e["input"]) for e in errors] == [("crawl", "source:broken")]
    assert "refused" in errors[0]["error"]
    assert "ocwatch task failed" in output  # and the task log says so too
    assert (tmp_path / "home" / "report-2024-03-09.txt").exists()


def test_nightly_ingest_asset_events_carry_the_logical_date(
        airflow_env: dict[str, str], tmp_path: Path) -> None:
    result, _ = _dag_test(airflow_env, tmp_path, "nightly_ingest", "2023-11-05", FAKE_STAGES="1")
    uris = {uri for uri, _ in result["events"]}
    assert uris == {"ocwatch://lake/documents", "ocwatch://lake/mentions", "ocwatch://warehouse/"}
    assert {extra["date"] for _, extra in result["events"]} == {"2023-11-05"}
    assert "publish_reports" in result["queued"]  # the warehouse asset queued the downstream DAG


def test_rerunning_a_night_replaces_its_partitions_and_clears_its_failures(
        airflow_env: dict[str, str], tmp_path: Path) -> None:
    _dag_test(airflow_env, tmp_path, "nightly_ingest", "2024-04-01",
              FAKE_STAGES="1", FAKE_BROKEN="1", FAKE_TAG="first")
    _dag_test(airflow_env, tmp_path, "nightly_ingest", "2024-04-01", FAKE_STAGES="1", FAKE_TAG="second")
    lake = str(tmp_path / "home" / "lake")
    log = read_partition(lake, "crawl_log", dt.date(2024, 4, 1)).to_pylist()
    assert sorted((r["source_id"], r["error"]) for r in log) == [("alpha", "second"), ("broken", "second")]
    assert [p.rsplit("/", 1)[1] for p in list_parts(lake, "crawl_log", dt.date(2024, 4, 1))] == [
        "alpha.parquet", "broken.parquet"]
    assert read_partition(lake, "errors", dt.date(2024, 4, 1)).num_rows == 0


def test_comtrade_key_from_the_connection_stays_out_of_logs_xcoms_and_rendered_fields(
        airflow_env: dict[str, str], tmp_path: Path) -> None:
    key = "ct-key-6f1d0c2e9a8b4f37"
    conn = json.dumps({"conn_type": "generic", "password": key})
    env = {k: v for k, v in airflow_env.items() if k != "COMTRADE_API_KEY"}
    result, output = _dag_test(env, tmp_path, "trade_monthly", "2024-02-01", FAKE_STAGES="1",
                               AIRFLOW_CONN_COMTRADE_DEFAULT=conn, EXPECT_KEY=key)
    assert result["tis"] == {"pull[-1]": "success"}, output[-5000:]
    assert (tmp_path / "home" / "key-seen").read_text() == "True"
    assert result["events"] == [["ocwatch://lake/trade_flows", {"date": "2024-02-01", "stage": "trade"}]]
    assert "trade_models" in result["queued"]
    assert key not in output
    home = Path(airflow_env["AIRFLOW_HOME"])
    for path in home.joinpath("logs").rglob("*"):
        assert not path.is_file() or key.encode() not in path.read_bytes(), path
    with sqlite3.connect(home / "airflow.db") as db:
        for table in ("xcom", "rendered_task_instance_fields", "serialized_dag"):
            dump = "\n".join(repr(row) for row in db.execute(f"select * from {table}"))
            assert key not in dump, table


def _demo_available() -> bool:
    try:
        from ocwatch.demo import start_demo  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.slow
def test_nightly_ingest_on_the_demo_sources_writes_partitions_and_the_report(
        airflow_env: dict[str, str], tmp_path: Path) -> None:
    if not _demo_available():
        pytest.skip("ocwatch.demo is not there yet")
    from ocwatch.demo import DEMO_DATE, start_demo

    with start_demo(tmp_path / "demo-site") as demo:
        env = {"OCWATCH_SOURCES": str(demo.sources_path), "OCWATCH_COMTRADE_URL": demo.comtrade_url}
        result, output = _dag_test(airflow_env, tmp_path, "nightly_ingest", DEMO_DATE.isoformat(),
                                   timeout=900, **env)
    assert result["state"].endswith("success"), output[-4000:]
    assert all(state.endswith("success") for state in result["tis"].values()), result["tis"]
    lake = str(tmp_path / "home" / "lake")
    for name in ("documents", "crawl_log", "mentions"):
        assert list_parts(lake, name, DEMO_DATE), f"no {name} partition"
    assert (tmp_path / "home" / "warehouse.duckdb").exists()
    assert list((tmp_path / "home" / "reports").glob("*.html")), "no report"


def test_harness_environment_is_isolated(airflow_env: dict[str, str]) -> None:
    # The fixture's Airflow home is a temporary folder, never the user's ~/airflow.
    assert airflow_env["AIRFLOW_HOME"] != os.path.expanduser("~/airflow")
    assert Path(airflow_env["AIRFLOW_HOME"], "airflow.db").exists()
