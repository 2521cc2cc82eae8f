"""Run nightly_ingest for one date on a real Airflow: scheduler, dag-processor, api-server (and workers).

    python docker/airflow_e2e.py --home /tmp/af --date 2024-03-09            # LocalExecutor, SQLite
    python docker/airflow_e2e.py --home /tmp/af --date 2024-03-09 --celery   # CeleryExecutor: the
        # metadata DB and broker come from AIRFLOW__DATABASE__SQL_ALCHEMY_CONN and
        # AIRFLOW__CELERY__BROKER_URL (see docker/celery_e2e.sh), plus one `airflow celery worker`

Starts every component as its own process against a fresh AIRFLOW_HOME,
triggers the run through the CLI (`airflow dags trigger`), waits for its final
state, prints each component's log tail when the run fails, and stops every
process it started, whatever happens. Exit 0 when the run succeeded.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
AIRFLOW = str(Path(sys.executable).with_name("airflow"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def airflow_env(home: Path, port: int, celery: bool, extra: dict[str, str] | None = None) -> dict[str, str]:
    """One environment shared by every component: they must agree on the DB, the JWT secret and the API URL."""
    env = {**os.environ, "AIRFLOW_HOME": str(home),
           "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
           "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
           "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
           "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor" if celery else "LocalExecutor",
           "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
           "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
           "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
           # A throwaway home on 127.0.0.1: every user is an admin, so the REST API needs no token.
           "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
           "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
           # Only the triggered run: no cron run of "today" competing for max_active_runs=1.
           "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
           "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
           "PYTHONPATH": os.pathsep.join(p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH")) if p)}
    env.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{home}/airflow.db")
    env.setdefault("OCWATCH_HOME", str(home / "ocwatch"))
    env.update(extra or {})
    return env


def cli(env: dict[str, str], *args: str, timeout: int = 180) -> str:
    proc = subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"airflow {' '.join(args[:2])} failed: {proc.stderr[-2000:]}")
    return proc.stdout


@contextlib.contextmanager
def components(env: dict[str, str], port: int, celery: bool, logs: Path) -> Iterator[dict[str, Path]]:
    """Start the Airflow processes; stop each one (its whole process group) on the way out."""
    commands = {"api-server": ["api-server", "--port", str(port), "--host", "127.0.0.1"],
                "scheduler": ["scheduler"], "dag-processor": ["dag-processor"]}
    if celery:
        commands["celery-worker"] = ["celery", "worker", "--concurrency", "2"]
    logs.mkdir(parents=True, exist_ok=True)
    procs: list[subprocess.Popen] = []
    paths = {}
    try:
        for name, args in commands.items():
            paths[name] = logs / f"{name}.log"
            with open(paths[name], "wb") as out:
                procs.append(subprocess.Popen([AIRFLOW, *args], env=env, stdout=out,
                                              stderr=subprocess.STDOUT, start_new_session=True))
        yield paths
    finally:
        for proc in procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def api(port: int, method: str, path: str, body: dict | None = None) -> dict:
    """One call to the REST API (v2). The e2e home makes every user an admin, so no token is needed."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v2/{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"{}")


def wait_for_dag(port: int, dag_id: str, timeout: float) -> None:
    """The dag-processor must have serialized the DAG before it can be triggered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            api(port, "GET", f"dags/{dag_id}/details")
            return
        time.sleep(1)
    raise TimeoutError(f"{dag_id} was not parsed (or the API server did not start) within {timeout:.0f}s")


def trigger_and_wait(env: dict[str, str], port: int, dag_id: str, date: str,
                     timeout: float) -> tuple[str, float]:
    """Trigger through the CLI, as an operator would; follow the run through the REST API."""
    run_id = f"e2e__{date}"
    started = time.monotonic()
    cli(env, "dags", "trigger", dag_id, "--run-id", run_id, "--logical-date", f"{date}T00:00:00+00:00")
    state = "queued"
    while time.monotonic() - started < timeout:
        with contextlib.suppress(OSError, ValueError):
            state = api(port, "GET", f"dags/{dag_id}/dagRuns/{run_id}")["state"]
        if state in ("success", "failed"):
            break
        time.sleep(2)
    return state, time.monotonic() - started


def task_states(port: int, dag_id: str, run_id: str) -> str:
    with contextlib.suppress(OSError, ValueError):
        tis = api(port, "GET", f"dags/{dag_id}/dagRuns/{run_id}/taskInstances")["task_instances"]
        return "\n".join(f"  {t['task_id']}[{t['map_index']}]: {t['state']} (try {t['try_number']})"
                         for t in sorted(tis, key=lambda t: (t["task_id"], t["map_index"])))
    return "  (task states unavailable)"


def real_stages_ready() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("ocwatch.demo", "ocwatch.spiders.run", "ocwatch.nlp.stage"))


@contextlib.contextmanager
def stage_env(kind: str, home: Path) -> Iterator[tuple[dict[str, str], str | None]]:
    """Environment for the stages: the demo sources served locally, or the fakes (docker/e2e_fakes)."""
    if kind == "auto":
        kind = "demo" if real_stages_ready() else "fake"
    print(f"stages: {kind}", flush=True)
    if kind == "fake":
        fakes = str(Path(__file__).resolve().parent / "e2e_fakes")
        path = os.pathsep.join(p for p in (fakes, str(PROJECT_ROOT), os.environ.get("PYTHONPATH")) if p)
        yield {"PYTHONPATH": path, "OCWATCH_FAKE_STAGES": "1"}, None
        return
    from ocwatch.demo import DEMO_DATE, start_demo

    with start_demo(home / "demo-site") as demo:
        yield ({"OCWATCH_SOURCES": str(demo.sources_path), "OCWATCH_COMTRADE_URL": demo.comtrade_url},
               DEMO_DATE.isoformat())


def run(home: Path, date: str | None, celery: bool, timeout: float, extra_env: dict[str, str],
        stages: str = "auto") -> int:
    home.mkdir(parents=True, exist_ok=True)
    with stage_env(stages, home) as (env_for_stages, demo_date):
        return _run(home, date or demo_date or "2024-03-09", celery, timeout,
                    {**env_for_stages, **extra_env})


def _run(home: Path, date: str, celery: bool, timeout: float, extra_env: dict[str, str]) -> int:
    port = free_port()
    env = airflow_env(home, port, celery, extra_env)
    t0 = time.monotonic()
    cli(env, "db", "migrate", timeout=600)
    cli(env, "pools", "set", "warehouse_writer", "1", "one DuckDB writer: the warehouse build")
    print(f"metadata DB ready in {time.monotonic() - t0:.1f}s ({env['AIRFLOW__CORE__EXECUTOR']})", flush=True)
    with components(env, port, celery, home / "component-logs") as logs:
        wait_for_dag(port, "nightly_ingest", timeout=180)
        print(f"components up, DAGs parsed: {time.monotonic() - t0:.1f}s", flush=True)
        state, took = trigger_and_wait(env, port, "nightly_ingest", date, timeout)
        print(f"nightly_ingest {date}: {state} in {took:.1f}s", flush=True)
        print(task_states(port, "nightly_ingest", f"e2e__{date}"), flush=True)
        if state != "success":
            for name, path in logs.items():
                print(f"--- {name} (last lines) ---\n" + "\n".join(path.read_text(errors="replace").splitlines()[-40:]))
    return 0 if state == "success" else 1


def _stop_on_sigterm(signum: int, frame: object) -> None:
    # SystemExit unwinds through components(), which stops every process it started.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--home", type=Path, required=True, help="fresh AIRFLOW_HOME for this run")
    p.add_argument("--date", help="logical date YYYY-MM-DD (default: the demo's date)")
    p.add_argument("--stages", choices=["auto", "demo", "fake"], default="auto",
                   help="real stages on the demo sources, or stand-ins (auto: demo when present)")
    p.add_argument("--celery", action="store_true", help="CeleryExecutor plus one worker")
    p.add_argument("--timeout", type=float, default=600, help="seconds to wait for the run")
    p.add_argument("--env", action="append", default=[], metavar="K=V", help="extra environment")
    args = p.parse_args(argv)
    extra = dict(kv.split("=", 1) for kv in args.env)
    return run(args.home, args.date, args.celery, args.timeout, extra, args.stages)


if __name__ == "__main__":
    sys.exit(main())
