"""Security: read-only analyst queries, no path escapes, no secret in any output, no inward crawling.

Report escaping of web text is tested in tests/test_report_render.py (hostile titles, any title,
script URLs) and tests/test_report_corpus.py (real feed markup); readers during a build in
tests/test_warehouse_build.py. docs/GUARANTEES.md lists which test proves which guarantee.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest
from scrapy.http import Request

from ocwatch.cli import main as ocwatch
from ocwatch.spiders.middlewares import (
    PrivateAddressMiddleware,
    PrivateAddressRefused,
    SchemeRefused,
)
from ocwatch.spiders.rawstore import load_raw
from ocwatch.spiders.registry import Source
from ocwatch.warehouse.build import build_warehouse
from tests.support.sample_lake import SampleLake

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 16)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sec")
    s = SampleLake(str(root / "lake"))
    s.doc("d1", "sa", dt.date(2026, 11, 11), actor_id="m23", place_id="domain:rubaya", commodity="coltan",
          text="M23 taxes coltan at Rubaya.")
    s.write()
    build_warehouse(str(root / "lake"), root / "warehouse.duckdb", AS_OF,
                    [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example", "language": "en",
                      "reliability": "A", "countries": ["COD"]}])
    return root


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("sql", [
    "insert into documents (doc_id) values ('x')",
    "delete from documents",
    "update documents set title = 'x'",
    "create table t (a int)",
    "drop table documents",
    "alter table documents add column z int",
    "attach '{out}/other.duckdb' as o",
    "copy documents to '{out}/leak.csv'",
    "copy (select 1) to '{out}/leak.parquet' (format parquet)",
    "export database '{out}/dump'",
    "select * from read_csv('/etc/passwd')",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "checkpoint",
    "select 1; drop table documents",
])
def test_query_command_cannot_change_the_warehouse_or_touch_files(home, tmp_path, sql, capsys):
    db = home / "warehouse.duckdb"
    before = _digest(db)
    code = ocwatch(["query", sql.format(out=tmp_path), "--home", str(home)])
    if sql != "checkpoint":  # a checkpoint of a read-only file is a harmless no-op; the rest fail
        assert code == 1 and "error" in capsys.readouterr().err
    assert _digest(db) == before
    assert list(tmp_path.iterdir()) == []
    assert ocwatch(["query", "select count(*) as n from documents", "--home", str(home)]) == 0


@pytest.mark.parametrize("argv", [
    ["crawl", "--date", "../../etc"],
    ["crawl", "--date", "2026-06-10/../../x"],
    ["report", "--week", "../../../tmp/x"],
    ["extract", "--date", "2026-13-01"],
    ["build", "--date", "..%2f..%2fx"],
])
def test_dates_and_weeks_that_could_climb_out_of_the_data_root_are_refused(argv, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        ocwatch([*argv, "--home", str(tmp_path / "home")])
    assert exc.value.code == 2
    assert not (tmp_path / "home").exists()


def test_source_ids_cannot_name_paths(tmp_path):
    from ocwatch.spiders.registry import RegistryError, load_sources

    for bad in ("../evil", "a/b", "..", "UPPER", "x" * 65, "/abs"):
        reg = tmp_path / "sources.yaml"
        reg.write_text(f"sources:\n  - id: '{bad}'\n    kind: feed\n    url: https://a.example/f\n    reliability: B\n")
        with pytest.raises(RegistryError, match="id"):
            load_sources(reg)
    args = [sys.executable, "-m", "ocwatch.processes.crawl", "crawl", "--source", "../../evil", "--sources", str(reg),
            "--date", "2026-06-10", "--lake", str(tmp_path / "lake"), "--raw", str(tmp_path / "raw")]
    assert subprocess.run(args, cwd=ROOT, capture_output=True, timeout=60).returncode in (1, 2)
    assert not (tmp_path / "lake").exists()


@pytest.mark.parametrize("relpath", ["../../etc/passwd", "/etc/passwd", "ab/../../x.gz", f"00/{'a' * 64}.gz"])
def test_raw_paths_from_the_lake_cannot_leave_the_raw_store(relpath, tmp_path):
    with pytest.raises(ValueError, match="raw store address"):
        load_raw(str(tmp_path), relpath)


def _middleware(allow_private: bool) -> PrivateAddressMiddleware:
    source = Source(id="s", kind="feed", url="https://a.example/f", reliability="B", allow_private=allow_private)
    return PrivateAddressMiddleware(SimpleNamespace(spider=SimpleNamespace(source=source)))


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/", "http://2130706433/", "http://0x7f000001/",
])
def test_private_loopback_and_metadata_addresses_are_refused_unless_allowed(url):
    with pytest.raises(PrivateAddressRefused, match="allow_private"):
        _middleware(False).process_request(Request(url))
    assert _middleware(True).process_request(Request(url)) is None


# "http:///nohost" is no longer hostless by the time a middleware sees it: w3lib 2.6 (Scrapy's URL cleaning)
# turns it into "http://nohost/". These stay without a host after the cleaning.
@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://a.example/x", "s3://bucket/key",
                                 "data:text/html,<p>x</p>", "http://", "https:///", "http://:80/x"])
def test_only_http_with_a_host_is_ever_fetched_even_where_private_is_allowed(url):
    with pytest.raises(SchemeRefused):
        _middleware(True).process_request(Request(url))


def test_crawl_settings_have_no_handler_for_local_files():
    from ocwatch.spiders.registry import Source as Src
    from ocwatch.spiders.run import crawl_settings

    handlers = crawl_settings(Src(id="s", kind="feed", url="https://a.example", reliability="B")).getdict(
        "DOWNLOAD_HANDLERS")
    assert all(handlers.get(s, "missing") is None for s in ("file", "data", "ftp", "s3"))


# --- secrets ------------------------------------------------------------------------------------

KEY = "ct-secret-4b9d1e77c0a2"


def _texts_under(root: Path) -> str:
    """Everything written under the data root, decoded: Parquet read back, gzip inflated."""
    out = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".parquet":
            out.append(repr(pq.read_table(path).to_pylist()))
        elif path.suffix == ".gz":
            out.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        else:
            out.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(out)


@pytest.mark.slow
def test_comtrade_key_never_reaches_the_lake_raw_store_or_logs_even_when_queries_fail(tmp_path):
    from ocwatch import stages
    from ocwatch.settings import Settings
    from tests.support.comtrade_faults import serve

    rec = {"typeCode": "C", "freqCode": "A", "period": "2023", "reporterCode": 180, "flowCode": "X",
           "partnerCode": 784, "partner2Code": 0, "cmdCode": "7108", "motCode": 0, "customsCode": "C00",
           "primaryValue": 1000.0, "netWgt": 2.0}
    server, url = serve([rec], api_key=KEY, faults={"500": {"reporterCode": "800"}, "malformed": 2})
    try:
        s = Settings.from_env(env={"COMTRADE_API_KEY": KEY, "OCWATCH_COMTRADE_DELAY": "0"},
                              home=tmp_path / "home", comtrade_url=url)
        assert KEY not in repr(s)
        os.environ["OCWATCH_COMTRADE_DELAY"] = "0"
        result = stages.trade(s, dt.date(2024, 6, 1), periods=["2023"])
    finally:
        os.environ.pop("OCWATCH_COMTRADE_DELAY", None)
        server.stop()
    assert result.ok and server.fake.requests
    assert KEY not in repr(result)
    written = _texts_under(tmp_path / "home")
    assert "comtrade-api" in written and "7108" in written  # the pull wrote its rows and logs
    assert KEY not in written


# --- Comtrade answers cut short -----------------------------------------------------------------


class _Truncating(BaseHTTPRequestHandler):
    """Promises 5000 bytes of JSON, sends 60, hangs up: a proxy or a network that dropped it."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.write(b'{"elapsedTime":"0.1 secs","count":1,"data":[{"typeCode":"C",')
        self.wfile.flush()
        self.close_connection = True


@pytest.mark.slow
def test_truncated_comtrade_answer_is_a_logged_failure_naming_the_query(tmp_path):
    from test_trade_pull import pull

    from ocwatch.lake.partitions import read_partition

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Truncating)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        proc = pull(tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}", "--periods", "2023",
                    countries="COD")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert proc.returncode == 0, proc.stderr[-2000:]
    log = read_partition(str(tmp_path / "lake"), "trade_log", dt.date(2024, 6, 1)).to_pylist()
    assert log and all(r["error_kind"] in ("network", "malformed") for r in log)
    assert all("reporter COD" in r["error"] for r in log)
    assert read_partition(str(tmp_path / "lake"), "trade_flows", dt.date(2024, 6, 1)).num_rows == 0
