"""A real Airflow: scheduler, dag-processor and api-server on a temporary SQLite home run nightly_ingest.

docker/airflow_e2e.py starts the components, triggers the run with
`airflow dags trigger` and waits for it. The real stages run on the demo
sources where ocwatch.demo and the crawler are present; otherwise the stage
functions are replaced by fakes in every Airflow process (a sitecustomize on
PYTHONPATH), which still proves the scheduling, mapping, pool and executor path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent

FAKES = r'''
import os
if os.environ.get("OCWATCH_FAKE_STAGES") == "1":
    import datetime as dt
    from ocwatch import stages
    from ocwatch.stages import StageResult

    def _crawl_one(settings, date, source_id):
        from warehouse.lake import write_partition
        row = {"url": f"http://127.0.0.1/{source_id}", "source_id": source_id, "status": 200,
               "fetched_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}
        path = write_partition(str(settings.lake), "crawl_log", date, [row], part=source_id)
        return StageResult(f"crawl[{source_id}]", outputs={"crawl_log": path})

    def _stage(name):
        def run(settings, date=None, **kw):
            settings.home.mkdir(parents=True, exist_ok=True)
            (settings.home / f"{name}-{date}.txt").write_text(name)
            return StageResult(name)
        return run

    stages.list_source_ids = lambda settings: ["alpha", "beta"]
    stages.crawl_one = _crawl_one
    stages.extract, stages.build, stages.report = _stage("extract"), _stage("build"), _stage("report")
'''


def _real_stages_ready() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("ocwatch.demo", "spiders.run", "nlp.extract"))


@pytest.mark.slow
def test_scheduler_runs_nightly_ingest_triggered_from_the_cli(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    home = tmp_path / "airflow"
    cmd = [sys.executable, str(PROJECT_ROOT / "docker" / "airflow_e2e.py"), "--home", str(home),
           "--timeout", "420"]
    if _real_stages_ready():
        from ocwatch.demo import DEMO_DATE, start_demo

        with start_demo(tmp_path / "demo-site") as demo:
            cmd += ["--date", DEMO_DATE.isoformat(), "--env", f"OCWATCH_SOURCES={demo.sources_path}",
                    "--env", f"OCWATCH_COMTRADE_URL={demo.comtrade_url}"]
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        date = DEMO_DATE.isoformat()
    else:
        (tmp_path / "fakes").mkdir()
        (tmp_path / "fakes" / "sitecustomize.py").write_text(FAKES)
        env.update(PYTHONPATH=str(tmp_path / "fakes"), OCWATCH_FAKE_STAGES="1")
        date = "2024-03-09"
        proc = subprocess.run([*cmd, "--date", date], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    assert f"nightly_ingest {date}: success" in proc.stdout
    lake = home / "ocwatch" / "lake"
    assert list((lake / "crawl_log" / f"date={date}").glob("*.parquet"))
