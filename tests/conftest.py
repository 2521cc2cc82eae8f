"""The one conftest: fixtures shared by every test module."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from ocwatch.demo.httpserver import LocalHTTPServer, RouteHandler
from ocwatch.lake import cache
from ocwatch.settings import Settings

# The test command must give the same verdict on every run, so by default hypothesis draws the
# same examples each time; `make fuzz` draws new ones, many more, to go looking for new faults.
hypothesis_settings.register_profile("default", derandomize=True, max_examples=150, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.register_profile("fuzz", derandomize=False, max_examples=3000, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session", autouse=True)
def disk_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests (and the processes they start) build their disk caches afresh, not in the user's."""
    folder = tmp_path_factory.mktemp("ocwatch-cache")
    before = os.environ.get("OCWATCH_CACHE")
    os.environ["OCWATCH_CACHE"] = str(folder)  # for the processes tests start
    cache.use_cache_dir(folder)  # for this one
    yield folder
    if before is None:
        os.environ.pop("OCWATCH_CACHE", None)
    else:
        os.environ["OCWATCH_CACHE"] = before


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared real-world corpus; tests that need it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose data root is a fresh temporary folder."""
    s = Settings.from_env(env={}, home=tmp_path / "home")
    s.ensure_dirs()
    return s


# A route answers a request: (status, headers, body), or a callable taking the
# handler and returning that triple (for counting requests, reading headers,
# sleeping to force a timeout...).
Response = tuple[int, dict[str, str], bytes]
Route = Response | Callable[[BaseHTTPRequestHandler], Response]


@dataclass
class LocalServer:
    """A threaded HTTP server on 127.0.0.1 serving a mutable route table."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    httpd: LocalHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def add(self, path: str, body: bytes | str, status: int = 200,
            content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, data)

    def add_dir(self, folder: Path, prefix: str = "/") -> None:
        """Serve every file below a folder, guessing content types from suffixes."""
        types = {".html": "text/html; charset=utf-8", ".xml": "application/xml",
                 ".json": "application/json", ".pdf": "application/pdf", ".txt": "text/plain"}
        for p in folder.rglob("*"):
            if p.is_file():
                rel = prefix.rstrip("/") + "/" + p.relative_to(folder).as_posix()
                self.add(rel, p.read_bytes(), content_type=types.get(p.suffix, "application/octet-stream"))


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(RouteHandler):
        def route(self) -> Response:
            server.hits.append(self.path)
            route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
            if route is None:
                return 404, {"Content-Type": "text/plain"}, b"not found"
            return route(self) if callable(route) else route

    return Handler


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A local HTTP server the test fills with routes; it stops when the test ends."""
    server = LocalServer()
    server.httpd = LocalHTTPServer(("127.0.0.1", 0), _handler_for(server))
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture(scope="session")
def airflow_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for Airflow subprocesses: a temporary AIRFLOW_HOME with a migrated
    SQLite metadata DB, the project's dags/ and the `warehouse_writer` pool.

    Airflow reads its configuration once per process, so tests run it in
    subprocesses with this environment instead of importing it here.
    """
    import os
    import subprocess
    import sys

    home = tmp_path_factory.mktemp("airflow_home")
    env = {**os.environ, "AIRFLOW_HOME": str(home),
           "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
           "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
           "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
           "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
           "PYTHONPATH": str(PROJECT_ROOT)}
    airflow = str(Path(sys.executable).with_name("airflow"))
    for cmd in (["db", "migrate"], ["pools", "set", "warehouse_writer", "1", "one DuckDB writer"]):
        subprocess.run([airflow, *cmd], env=env, check=True, capture_output=True, timeout=180)
    return env


@pytest.fixture(scope="session")
def report_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A constructed warehouse with every table the weekly report reads (warehouse/report/sample.py);
    its lake is the ``lake`` folder next to the DuckDB file."""
    from tests.support.report_sample import build_sample_warehouse

    root = tmp_path_factory.mktemp("report_warehouse")
    return build_sample_warehouse(root / "warehouse.duckdb", root / "lake")


@pytest.fixture(scope="module")
def s3_server() -> Iterator[object]:
    """A real S3-compatible server on loopback (tests/support/s3server.py), its credentials in the environment."""
    from tests.support.s3server import start_s3_server

    server = start_s3_server()
    saved = {k: os.environ.get(k) for k in server.env()}
    os.environ.update(server.env())
    try:
        yield server
    finally:
        server.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def web_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real build of a small hand-made lake with hostile strings (tests/support/web_sample.py)."""
    from tests.support.web_sample import build

    return build(tmp_path_factory.mktemp("web_warehouse"))


@pytest.fixture(scope="session")
def unknown_actor_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-document build whose actor ('unknown:M-23') the reference list does not hold."""
    from ocwatch.warehouse.build import build_warehouse
    from ocwatch.warehouse.search_index import build_search_index
    from tests.support.sample_lake import SampleLake
    from tests.support.web_sample import AS_OF, SOURCES

    root = tmp_path_factory.mktemp("unknown_actor")
    s = SampleLake(str(root / "lake"))
    s.doc("u1", "sa", AS_OF, partition=AS_OF, actor_id="unknown:M-23", place_id="domain:rubaya",
          text="The M-23 group taxed gold at Rubaya.")
    s.write()
    db = build_warehouse(str(root / "lake"), root / "warehouse.duckdb", AS_OF, SOURCES)
    build_search_index(db)  # as the build stage does
    return db
