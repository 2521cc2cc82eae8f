"""Crashes at each stage: a killed crawl, extraction or build leaves no partial output, and the
next run leaves the lake and the warehouse equal to those of a run that never crashed. A crawl
asked to stop (SIGTERM) keeps what it fetched, merged into the date's earlier part.

One clean run (crawl, extract, build) of a small fixture site is the reference. Each crash test
starts from the clean run's inputs for its stage, kills the stage's process at a chosen moment
(SIGKILL: no cleanup code runs), checks what is visible, reruns the stage and compares.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import duckdb
import pytest
from test_spiders_crawl import SITE, entry, registry

from ocwatch.demo.httpserver import LocalHTTPServer
from ocwatch.lake.partitions import list_parts, read_partition

ROOT = Path(__file__).resolve().parent.parent
DATE = "2026-06-10"  # as the command line spells it
DAY = dt.date(2026, 6, 10)
SOURCE = "kivu-rss"
HELD = "/news/wire-original.html"  # the page a crash test holds open to kill the crawl mid-way
# Columns that say when (or, for build_info.lake, where), not what: they differ between any two runs
# by design.
VOLATILE = {"fetched_at", "elapsed_ms", "occurred_at", "built_at", "model_seconds", "lake", "build_kind"}
# The manifest names the lake's files by path and modification time: where and when, not what.
BUILD_RECORDS = {"build_manifest"}
SOURCES = [{"id": SOURCE, "name": "Kivu", "kind": "feed", "url": "http://127.0.0.1/feed.xml",
            "language": "auto", "reliability": "B", "countries": ["COD"]}]

pytestmark = pytest.mark.slow


class Site:
    """The fixture site on 127.0.0.1; ``hold`` keeps one page's answer waiting until released."""

    def __init__(self) -> None:
        self.hold = threading.Event()
        self.release = threading.Event()
        self.waiting = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if path == HELD and site.hold.is_set():
                    site.waiting.set()
                    site.release.wait(60)
                file = SITE / path.lstrip("/")
                if not file.is_file() or ".." in path:
                    self.send_error(404)
                    return
                body = file.read_bytes()
                ctype = {".xml": "application/rss+xml", ".txt": "text/plain"}.get(file.suffix, "text/html")
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the crawler was killed while we answered
                    self.wfile.write(body)

        self.httpd = LocalHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture(scope="module")
def site():
    s = Site()
    yield s
    s.release.set()
    s.httpd.shutdown()
    s.httpd.server_close()


def crawl_args(reg: Path, home: Path, date: str = DATE) -> list[str]:
    return [sys.executable, "-m", "ocwatch.processes.crawl", "crawl", "--source", SOURCE, "--sources", str(reg),
            "--date", date, "--lake", str(home / "lake"), "--raw", str(home / "raw")]


def run_crawl(reg: Path, home: Path, date: str = DATE) -> None:
    proc = subprocess.run(crawl_args(reg, home, date), capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def make_registry(tmp: Path, site: Site) -> Path:
    # A long timeout: a held page must stay in flight until the test kills the crawl.
    return registry(tmp, entry(SOURCE, "feed", f"{site.url}/feed.xml").replace("timeout: 2}", "timeout: 30}"))


def _norm(value: object) -> object:
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.9g}")  # summation order may vary
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def lake_rows(home: Path, name: str, date: str = DATE) -> list[tuple]:
    table = read_partition(str(home / "lake"), name, dt.date.fromisoformat(date))
    cols = [c for c in table.column_names if c not in VOLATILE]
    return sorted((tuple(_norm(r[c]) for c in cols) for r in table.select(cols).to_pylist()), key=repr)


def warehouse_rows(db: Path) -> dict[str, list[tuple]]:
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for (name,) in con.execute("select table_name from information_schema.tables "
                                   "where table_schema = 'main' order by 1").fetchall():
            if name in BUILD_RECORDS:
                continue
            cols = [c for (c,) in con.execute(f"select column_name from information_schema.columns "
                                              f"where table_schema = 'main' and table_name = '{name}'").fetchall()
                    if c not in VOLATILE]
            rows = con.execute(f'select {", ".join(chr(34) + c + chr(34) for c in cols)} from "{name}"').fetchall()
            out[name] = sorted((tuple(_norm(v) for v in r) for r in rows), key=repr)
    return out


@pytest.fixture(scope="module")
def clean_crawl(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference crawl, which nobody interrupted."""
    home = tmp_path_factory.mktemp("clean")
    run_crawl(make_registry(home, site), home)
    return home


@pytest.fixture(scope="module")
def clean(clean_crawl: Path) -> Path:
    """The reference run: the clean crawl, extracted and built without interruption."""
    from ocwatch.nlp.stage import extract_partition
    from ocwatch.warehouse.build import build_warehouse

    home = clean_crawl
    extract_partition(str(home / "lake"), DAY)
    build_warehouse(str(home / "lake"), home / "warehouse.duckdb", dt.date.fromisoformat(DATE), SOURCES)
    return home


def _start_held_crawl(site: Site, reg: Path, home: Path) -> subprocess.Popen:
    site.release.clear()
    site.waiting.clear()
    site.hold.set()
    proc = subprocess.Popen(crawl_args(reg, home), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    assert site.waiting.wait(60), "the crawl never reached the held page"
    time.sleep(0.5)  # the other pages are fetched and extracted meanwhile
    return proc


def _end_hold(site: Site) -> None:
    site.hold.clear()
    site.release.set()


def test_killed_crawl_leaves_no_part_and_the_rerun_equals_a_clean_run(site, clean_crawl, tmp_path):
    reg = make_registry(tmp_path, site)
    home = tmp_path / "home"
    proc = _start_held_crawl(site, reg, home)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    _end_hold(site)
    for name in ("documents", "crawl_log"):
        assert list_parts(str(home / "lake"), name, DAY) == []  # nothing half-written is visible
    run_crawl(reg, home)
    for name in ("documents", "crawl_log"):
        assert lake_rows(home, name) == lake_rows(clean_crawl, name), name


def test_interrupted_rerun_keeps_the_good_part_byte_for_byte(site, clean_crawl, tmp_path):
    reg = make_registry(tmp_path, site)
    home = tmp_path / "home"
    run_crawl(reg, home)
    parts = [Path(p) for n in ("documents", "crawl_log") for p in list_parts(str(home / "lake"), n, DAY)]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in parts}
    proc = _start_held_crawl(site, reg, home)
    proc.send_signal(signal.SIGKILL)  # killed outright: no code runs, nothing is written
    _end_hold(site)
    assert proc.wait(60) != 0
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in parts} == before
    assert lake_rows(home, "documents") == lake_rows(clean_crawl, "documents")


def _interrupted_rows(home: Path) -> list[dict]:
    rows = read_partition(str(home / "lake"), "crawl_log", DAY).to_pylist()
    return [r for r in rows if r["error_kind"] == "interrupted"]


def _stopped_as_expected(site: Site, home: Path) -> bool:
    """crawl_log says the crawl was interrupted; any other such row is a page fetched but not extracted."""
    rows = _interrupted_rows(home)
    feed = [r for r in rows if r["url"] == f"{site.url}/feed.xml" and r["status"] is None]
    return len(feed) == 1 and all(r["status"] == 200 for r in rows if r not in feed)


def test_a_stopped_rerun_keeps_every_earlier_document_and_says_it_was_interrupted(site, clean_crawl, tmp_path):
    reg = make_registry(tmp_path, site)
    home = tmp_path / "home"
    run_crawl(reg, home)
    proc = _start_held_crawl(site, reg, home)
    proc.send_signal(signal.SIGTERM)  # asked to stop, Airflow's way: what was fetched is merged in
    time.sleep(1.0)  # a graceful stop waits for the pages in flight: let the held one finish
    _end_hold(site)
    assert proc.wait(60) == 1
    assert lake_rows(home, "documents") == lake_rows(clean_crawl, "documents")
    assert _stopped_as_expected(site, home), _interrupted_rows(home)


def test_a_stopped_first_crawl_writes_what_it_fetched_and_the_rerun_equals_a_clean_run(site, clean_crawl, tmp_path):
    reg = make_registry(tmp_path, site)
    home = tmp_path / "home"
    proc = _start_held_crawl(site, reg, home)
    time.sleep(3.0)  # the pages before the held one are extracted
    proc.send_signal(signal.SIGTERM)
    time.sleep(1.0)
    _end_hold(site)
    assert proc.wait(60) == 1
    kept = {r["url"] for r in read_partition(str(home / "lake"), "documents", DAY).to_pylist()}
    clean = {r["url"] for r in read_partition(str(clean_crawl / "lake"), "documents", DAY).to_pylist()}
    assert kept and kept <= clean  # the pages fetched before the stop
    assert _stopped_as_expected(site, home)
    run_crawl(reg, home)
    for name in ("documents", "crawl_log"):
        assert lake_rows(home, name) == lake_rows(clean_crawl, name), name


KILL_AFTER_FIRST_WRITE = """
import os, signal, sys
import ocwatch.nlp.stage as ex
real = ex.write_partition
def write_then_die(*args, **kwargs):
    real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)  # sentences written, mentions/links/errors not yet
ex.write_partition = write_then_die
ex.extract_partition(sys.argv[1], __import__("datetime").date.fromisoformat(sys.argv[2]))
"""


def _copy_documents(clean: Path, home: Path) -> None:
    for name in ("documents", "crawl_log"):
        shutil.copytree(clean / "lake" / name, home / "lake" / name)


def test_killed_extraction_rerun_equals_a_clean_run(clean, tmp_path):
    from ocwatch.nlp.stage import extract_partition

    home = tmp_path / "home"
    _copy_documents(clean, home)
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER_FIRST_WRITE, str(home / "lake"), DATE],
                          cwd=ROOT, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    written = [n for n in ("sentences", "mentions", "links") if list_parts(str(home / "lake"), n, DAY)]
    assert written == ["sentences"]  # the kill came between two datasets, each part whole
    assert lake_rows(home, "sentences") == lake_rows(clean, "sentences")
    extract_partition(str(home / "lake"), DAY)
    for name in ("sentences", "mentions", "links", "errors"):
        assert lake_rows(home, name) == lake_rows(clean, name), name


def _kill_build_midway(home: Path) -> int:
    sources = home / "sources.json"
    sources.write_text(json.dumps(SOURCES))
    proc = subprocess.Popen([sys.executable, "-m", "ocwatch.processes.build", "--lake", str(home / "lake"),
                             "--db", str(home / "warehouse.duckdb"), "--date", DATE,
                             "--sources-json", str(sources)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(home.glob(".warehouse.duckdb.*.building")) and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.2)  # into the models
    proc.send_signal(signal.SIGKILL)
    return proc.wait(30)


def test_killed_build_keeps_the_previous_warehouse_and_the_rerun_equals_a_clean_build(clean, tmp_path):
    from ocwatch.warehouse.build import build_warehouse
    from ocwatch.warehouse.query import run_query

    home = tmp_path / "home"
    shutil.copytree(clean / "lake", home / "lake")
    db = home / "warehouse.duckdb"
    build_warehouse(str(home / "lake"), db, dt.date(2026, 6, 1), SOURCES)  # yesterday's good build
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert _kill_build_midway(home) == -signal.SIGKILL
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert "2026-06-01" in run_query(db, "select as_of from build_info")  # analysts still read it
    build_warehouse(str(home / "lake"), db, dt.date.fromisoformat(DATE), SOURCES)
    assert warehouse_rows(db) == warehouse_rows(clean / "warehouse.duckdb")
    assert not list(home.glob(".warehouse.duckdb.*"))  # the killed build's temp file is gone too


KILL_BETWEEN_TEMP_AND_RENAME = """
import datetime as dt, os, signal, sys
from ocwatch.lake.partitions import write_partition
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = die  # the rename of lake/atomic.py
write_partition(sys.argv[1], "errors", dt.date(2026, 6, 10), [], part="crawl")
"""


def test_a_lake_write_killed_before_its_rename_leaves_the_old_part_whole(tmp_path):
    from ocwatch.lake.partitions import dataset_glob, write_partition

    lake = str(tmp_path / "lake")
    row = {"stage": "crawl", "input": "https://a.example/x", "error_kind": "http_error",
           "error": "https://a.example/x: HTTP 500", "occurred_at": dt.datetime(2026, 6, 10, tzinfo=dt.UTC)}
    path = Path(write_partition(lake, "errors", DAY, [row], part="crawl"))
    before = path.read_bytes()
    proc = subprocess.run([sys.executable, "-c", KILL_BETWEEN_TEMP_AND_RENAME, lake], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")]  # the temp file is there...
    assert read_partition(lake, "errors", DAY).to_pylist()[0]["input"] == "https://a.example/x"
    with duckdb.connect() as con:  # ...and invisible to the warehouse's glob as to the lake reader
        assert con.execute(f"select count(*) from read_parquet('{dataset_glob(lake, 'errors')}')").fetchone() == (1,)
