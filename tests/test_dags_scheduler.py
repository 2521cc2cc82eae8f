"""A real Airflow: scheduler, dag-processor and api-server on a temporary SQLite home run nightly_ingest.

docker/airflow_e2e.py starts the components, triggers the run with
`airflow dags trigger`, follows it over the REST API and stops every process
it started. Stand-in stages (docker/e2e_fakes) keep it near a minute: it
proves the scheduling, mapping, pool and executor path, while the real stages
on the demo sources run under dag.test() in test_dags_run.py and with
`python docker/airflow_e2e.py --stages demo` (2 to 7 minutes here).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_scheduler_runs_nightly_ingest_triggered_from_the_cli(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    home = tmp_path / "airflow"
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "docker" / "airflow_e2e.py"),
                           "--home", str(home), "--timeout", "420", "--stages", "fake"],
                          env=env, capture_output=True, text=True, timeout=600)
    out = proc.stdout
    assert proc.returncode == 0, out[-6000:] + proc.stderr[-3000:]
    m = re.search(r"nightly_ingest (\d{4}-\d{2}-\d{2}): success", out)
    assert m, out[-3000:]
    assert "crawl[0]: success" in out and "report[-1]: success" in out
    assert list((home / "ocwatch" / "lake" / "crawl_log" / f"date={m[1]}").glob("*.parquet"))
