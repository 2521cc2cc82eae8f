"""The DAG files: they parse fast and clean, and carry tags, retries, timeouts, pools and assets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DAGS = PROJECT_ROOT / "dags"
HEAVY = ("scrapy", "spacy", "duckdb", "pandas", "pyarrow", "twisted", "trafilatura",
         "matplotlib", "spiders", "nlp", "warehouse", "ocwatch.stages")

# Runs in a fresh interpreter: Airflow's own import is paid first (the DAG
# processor has it loaded already), then each DAG file's import is timed alone
# and any heavy module it pulled in (beyond what Airflow itself loads) is named.
DESCRIBE = r"""
import importlib.util, json, sys, time
from pathlib import Path
import airflow.sdk
from airflow.dag_processing.dagbag import DagBag

dags_dir, heavy = Path(sys.argv[1]), sys.argv[2].split(",")
before = set(sys.modules)
timings = {}
for f in sorted(dags_dir.glob("*.py")):
    spec = importlib.util.spec_from_file_location(f"probe_{f.stem}", f)
    t = time.perf_counter()
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    timings[f.name] = time.perf_counter() - t
loaded = sorted(m for m in heavy if m in sys.modules and m not in before)
bag = DagBag(dag_folder=str(dags_dir), known_pools={"default_pool", "warehouse_writer"})
out = {"timings": timings, "heavy_loaded": loaded, "errors": {k: str(v) for k, v in bag.import_errors.items()}, "dags": {}}
for dag_id, dag in bag.dags.items():
    out["dags"][dag_id] = {
        "tags": sorted(dag.tags), "schedule": repr(dag.timetable), "catchup": dag.catchup,
        "dagrun_timeout": dag.dagrun_timeout.total_seconds() if dag.dagrun_timeout else None,
        "tasks": {t.task_id: {
            "retries": t.retries, "timeout": t.execution_timeout.total_seconds() if t.execution_timeout else None,
            "backoff": t.retry_exponential_backoff, "pool": t.pool, "trigger_rule": getattr(t.trigger_rule, "value", str(t.trigger_rule)),
            "mapped": any(c.__name__ == "MappedOperator" for c in type(t).__mro__),
            "upstream": sorted(t.upstream_task_ids),
            "outlets": [o.uri for o in t.outlets],
            "on_failure": bool(t.on_failure_callback),
        } for t in dag.tasks},
    }
print("JSON" + json.dumps(out))
"""


@pytest.fixture(scope="module")
def described() -> dict:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "AIRFLOW_HOME": home, "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
               "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS)}
        proc = subprocess.run([sys.executable, "-c", DESCRIBE, str(DAGS), ",".join(HEAVY)],
                              env=env, capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("JSON"))
    return json.loads(line[4:])


def test_every_dag_file_imports_without_errors(described: dict) -> None:
    assert described["errors"] == {}
    assert set(described["dags"]) == {"nightly_ingest", "trade_monthly", "trade_models", "publish_reports"}


def test_every_dag_file_imports_within_two_seconds(described: dict) -> None:
    slow = {f: t for f, t in described["timings"].items() if t >= 2.0}
    assert not slow, f"DAG files too slow to parse: {slow}"


def test_dag_files_import_nothing_heavy_at_parse_time(described: dict) -> None:
    assert described["heavy_loaded"] == []


def test_every_dag_has_tags_and_a_run_timeout(described: dict) -> None:
    for dag_id, dag in described["dags"].items():
        assert "ocwatch" in dag["tags"], dag_id
        assert dag["dagrun_timeout"], dag_id


def test_every_task_has_retries_a_timeout_and_a_failure_callback(described: dict) -> None:
    for dag_id, dag in described["dags"].items():
        for task_id, t in dag["tasks"].items():
            assert t["retries"] >= 1, f"{dag_id}.{task_id}"
            assert t["timeout"] and t["timeout"] <= 3 * 3600, f"{dag_id}.{task_id}"
            assert t["on_failure"], f"{dag_id}.{task_id}"


def test_nightly_ingest_maps_one_crawl_per_source_then_extract_rescore_build_report(described: dict) -> None:
    tasks = described["dags"]["nightly_ingest"]["tasks"]
    assert set(tasks) == {"source_ids", "crawl", "dedup", "extract", "rescore", "build", "report", "alerts"}
    assert tasks["crawl"]["mapped"] and tasks["crawl"]["upstream"] == ["source_ids"]
    assert tasks["dedup"]["upstream"] == ["crawl"]
    assert tasks["extract"]["upstream"] == ["dedup"]
    assert tasks["rescore"]["upstream"] == ["extract"]
    assert tasks["build"]["upstream"] == ["rescore"]
    assert tasks["report"]["upstream"] == ["build"]
    assert tasks["alerts"]["upstream"] == ["build"]
    # A dead source leaves a gap in coverage, not a lost night.
    assert tasks["dedup"]["trigger_rule"] == "all_done"


def test_network_tasks_retry_with_exponential_backoff(described: dict) -> None:
    crawl = described["dags"]["nightly_ingest"]["tasks"]["crawl"]
    pull = described["dags"]["trade_monthly"]["tasks"]["pull"]
    for t in (crawl, pull):
        assert t["retries"] >= 3 and t["backoff"] >= 2


def test_warehouse_builds_share_a_one_writer_pool(described: dict) -> None:
    builds = [d["tasks"]["build"] for d in described["dags"].values() if "build" in d["tasks"]]
    assert len(builds) == 2
    assert all(b["pool"] == "warehouse_writer" for b in builds)
    others = [t for d in described["dags"].values() for tid, t in d["tasks"].items() if tid != "build"]
    assert all(t["pool"] == "default_pool" for t in others)


def test_downstream_dags_are_triggered_by_assets_not_clocks(described: dict) -> None:
    dags = described["dags"]
    assert "ocwatch://lake/trade_flows" in dags["trade_monthly"]["tasks"]["pull"]["outlets"]
    assert "AssetTriggeredTimetable" in dags["trade_models"]["schedule"]
    assert "ocwatch://lake/trade_flows" in dags["trade_models"]["schedule"]
    assert "AssetTriggeredTimetable" in dags["publish_reports"]["schedule"]
    assert "ocwatch://warehouse" in dags["publish_reports"]["schedule"]
    nightly = dags["nightly_ingest"]["tasks"]
    assert nightly["crawl"]["outlets"] == ["ocwatch://lake/documents"]
    assert nightly["extract"]["outlets"] == ["ocwatch://lake/mentions"]
    assert nightly["build"]["outlets"] == ["ocwatch://warehouse/"]


def test_clock_scheduled_dags_do_not_catch_up_by_themselves(described: dict) -> None:
    # History is rebuilt on purpose with `airflow backfill create`, not by a surprise catch-up.
    for dag_id in ("nightly_ingest", "trade_monthly"):
        assert described["dags"][dag_id]["catchup"] is False
    assert "0 0 * * *" in described["dags"]["nightly_ingest"]["schedule"]
    assert "0 0 1 * *" in described["dags"]["trade_monthly"]["schedule"]
