"""The Comtrade pull end to end: the CLI, in its own process, against the local fake API."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ocwatch.lake.partitions import read_partition
from ocwatch.processes.trade import main
from ocwatch.warehouse.build import build_warehouse
from tests.support.comtrade_faults import serve

ROOT = Path(__file__).resolve().parent.parent
KEY = "s3cret-key-value"
DATE = "2024-06-01"
DAY = dt.date.fromisoformat(DATE)


def rec(reporter: int, flow: str, partner: int, value: float, kg: float, cmd: str = "7108",
        period: str = "2023", **extra: object) -> dict:
    value_field = "fobvalue" if flow == "X" else "cifvalue"
    return {"typeCode": "C", "freqCode": "A", "period": period, "refYear": int(period[:4]),
            "reporterCode": reporter, "flowCode": flow, "partnerCode": partner, "partner2Code": 0,
            "cmdCode": cmd, "motCode": 0, "customsCode": "C00", "netWgt": kg,
            value_field: value, "primaryValue": value, **extra}


COD, ARE, RWA, UGA, CHE = 180, 784, 646, 800, 757
RECORDS = [
    rec(COD, "X", ARE, 1_000_000, 50), rec(ARE, "M", COD, 2_120_000, 100),
    rec(ARE, "M", RWA, 1_060_000, 40), rec(COD, "X", UGA, 500_000, 10),
    rec(COD, "X", CHE, 300_000, 6), rec(COD, "X", 0, 9_000_000, 900),
    rec(COD, "X", ARE, 5, 5, motCode=1000),  # a breakdown row: never counted twice
]


def watchlists(tmp_path: Path, countries: str = "COD,ARE,RWA,UGA,CHE") -> list[str]:
    hs = tmp_path / "hs.csv"
    hs.write_text("hs_code,commodity_id,market,description\n7108,gold,non_renewable_resource_crimes,g\n"
                  "4403,timber,flora_crimes,t\n")
    cc = tmp_path / "countries.csv"
    cc.write_text("iso3,role,mission\n" + "".join(f"{c},mission,X\n" for c in countries.split(",")))
    return ["--hs-watchlist", str(hs), "--country-watchlist", str(cc)]


def pull(tmp_path: Path, url: str, *extra: str, key: str | None = KEY,
         countries: str = "COD,ARE,RWA,UGA,CHE") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "COMTRADE_API_KEY"}
    env["PYTHONPATH"] = str(ROOT)
    if key:
        env["COMTRADE_API_KEY"] = key
    args = [sys.executable, "-m", "ocwatch.processes.trade", "--date", DATE, "--lake", str(tmp_path / "lake"),
            "--raw", str(tmp_path / "raw"), "--url", url, "--delay", "0", "--backoff", "0.01",
            *watchlists(tmp_path, countries), *extra]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)


def log_by_query(tmp_path: Path) -> dict[tuple[str, str], dict]:
    rows = read_partition(str(tmp_path / "lake"), "trade_log", DAY, "comtrade-api").to_pylist()
    return {(r["reporter_iso3"], r["flow"]): r for r in rows}


def mirror_statuses(lake: Path) -> dict[tuple[str, str], str]:
    """Statuses of the mirror-gap indicator, from the real warehouse build over the pulled lake."""
    db = build_warehouse(str(lake), lake.parent / "warehouse.duckdb", dt.date(2100, 1, 1), sources=[])
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT exporter_iso3, importer_iso3, status FROM trade_mirror_gaps").fetchall()
    return {(e, i): s for e, i, s in rows}


@pytest.mark.slow
def test_pull_records_every_outcome_and_mirror_gaps_see_failures_as_gaps(tmp_path: Path) -> None:
    faults = {"429": {"times": 2, "retry_after": 0}, "500": {"reporterCode": UGA, "flowCode": "M"},
              "malformed": {"reporterCode": CHE, "flowCode": "M"}, "empty": {"reporterCode": RWA, "flowCode": "X"}}
    server, url = serve(RECORDS, api_key=KEY, faults=faults)
    try:
        proc = pull(tmp_path, url, "--periods", "2023")
    finally:
        server.stop()
    assert proc.returncode == 0, proc.stderr[-2000:]
    log = log_by_query(tmp_path)
    assert len(log) == 10
    assert {k: r["error_kind"] for k, r in log.items() if r["error_kind"]} == {
        ("UGA", "M"): "server_error", ("CHE", "M"): "malformed"}
    assert log[("UGA", "M")]["status"] == 500 and "reporter UGA flow M" in log[("UGA", "M")]["error"]
    assert log[("RWA", "X")]["rows"] == 0
    # 10 queries + 2 answered 429 + 4 retries of the failing 5xx
    assert len(server.fake.requests) == 16 and all(r["had_key"] for r in server.fake.requests)
    flows = read_partition(str(tmp_path / "lake"), "trade_flows", DAY, "comtrade-api").to_pylist()
    assert sorted((f["reporter_iso3"], f["partner_iso3"], f["value_usd"]) for f in flows) == [
        ("ARE", "COD", 2_120_000), ("ARE", "RWA", 1_060_000), ("COD", "ARE", 1_000_000),
        ("COD", "CHE", 300_000), ("COD", "UGA", 500_000), ("COD", "WLD", 9_000_000)]
    assert KEY not in proc.stdout + proc.stderr
    assert not any(KEY in str(r) for r in log.values())
    assert list((tmp_path / "raw").rglob("*.gz"))
    assert mirror_statuses(tmp_path / "lake") == {
        ("COD", "ARE"): "both_reported", ("RWA", "ARE"): "exports_unreported",
        ("COD", "UGA"): "query_failed", ("COD", "CHE"): "query_failed"}


@pytest.mark.slow
def test_pull_without_key_sends_nothing_and_logs_every_query(tmp_path: Path) -> None:
    server, url = serve(RECORDS, api_key=KEY)
    try:
        proc = pull(tmp_path, url, "--periods", "2023", key=None)
    finally:
        server.stop()
    assert proc.returncode == 0
    assert server.fake.requests == []
    assert {r["error_kind"] for r in log_by_query(tmp_path).values()} == {"missing_key"}
    assert read_partition(str(tmp_path / "lake"), "trade_flows", DAY).num_rows == 0


@pytest.mark.slow
def test_pull_with_wrong_key_is_unauthorized_and_not_retried(tmp_path: Path) -> None:
    server, url = serve(RECORDS, api_key=KEY)
    try:
        proc = pull(tmp_path, url, "--periods", "2023", key="wrong", countries="COD")
    finally:
        server.stop()
    assert proc.returncode == 0 and "wrong" not in proc.stderr
    assert len(server.fake.requests) == 2
    assert {(r["status"], r["error_kind"]) for r in log_by_query(tmp_path).values()} == {(401, "unauthorized")}


@pytest.mark.slow
def test_answer_at_row_limit_is_split_until_complete(tmp_path: Path) -> None:
    records = [rec(COD, "X", ARE, 10 * i, 1, period=str(2021 + i)) for i in range(3)]
    server, url = serve(records, api_key=KEY)
    try:
        proc = pull(tmp_path, url, "--periods", "2021,2022,2023", "--max-records", "2", countries="COD")
    finally:
        server.stop()
    assert proc.returncode == 0, proc.stderr[-2000:]
    flows = read_partition(str(tmp_path / "lake"), "trade_flows", DAY).to_pylist()
    assert sorted(f["period"] for f in flows) == ["2021", "2022", "2023"]
    log = read_partition(str(tmp_path / "lake"), "trade_log", DAY).to_pylist()
    x_log = [(r["hs_codes"], r["period"], r["error_kind"]) for r in log if r["flow"] == "X"]
    # 7108 over 3 years hits the limit (2 rows), splits by period; 2022-2023 hits it again.
    assert ("7108", "2021,2022,2023", "truncated") in x_log
    assert ("7108", "2022,2023", "truncated") in x_log
    assert {("7108", p, None) for p in ("2021", "2022", "2023")} <= set(x_log)


@pytest.mark.slow
def test_rerun_replaces_the_date_but_a_failed_query_keeps_earlier_rows(tmp_path: Path) -> None:
    server, url = serve(RECORDS, api_key=KEY)
    try:
        assert pull(tmp_path, url, "--periods", "2023", countries="COD,ARE").returncode == 0
        first = read_partition(str(tmp_path / "lake"), "trade_flows", DAY).num_rows
        assert pull(tmp_path, url, "--periods", "2023", countries="COD,ARE").returncode == 0
        assert read_partition(str(tmp_path / "lake"), "trade_flows", DAY).num_rows == first
    finally:
        server.stop()
    server, url = serve(RECORDS, api_key=KEY, faults={"503": {"reporterCode": COD, "flowCode": "X"}})
    try:
        assert pull(tmp_path, url, "--periods", "2023", countries="COD,ARE").returncode == 0
    finally:
        server.stop()
    flows = read_partition(str(tmp_path / "lake"), "trade_flows", DAY).to_pylist()
    assert len(flows) == first and sum(f["reporter_iso3"] == "COD" for f in flows) == 4
    assert log_by_query(tmp_path)[("COD", "X")]["error_kind"] == "server_error"
    assert len(log_by_query(tmp_path)) == 4


BULK_HEADER = ("typeCode\tfreqCode\trefPeriodId\trefYear\trefMonth\tperiod\treporterCode\tflowCode\tpartnerCode\t"
               "partner2Code\tclassificationCode\tcmdCode\tcustomsCode\tmosCode\tmotCode\tqtyUnitCode\tqty\t"
               "netWgt\tgrossWgt\tcifvalue\tfobvalue\tprimaryValue\n")


def bulk_line(reporter: int, flow: str, partner: int, cmd: str, value: float, mot: int = 0) -> str:
    return (f"C\tA\t20230101\t2023\t52\t2023\t{reporter}\t{flow}\t{partner}\t0\tH6\t{cmd}\tC00\t0\t{mot}\t8\t\t"
            f"25.0\t\t\t{value}\t{value}\n")


@pytest.mark.slow
def test_bulk_files_import_watched_rows_and_log_a_broken_file(tmp_path: Path) -> None:
    good = tmp_path / "COD_2023.tsv.gz"
    good.write_bytes(gzip.compress((BULK_HEADER + bulk_line(COD, "X", ARE, "7108", 1e6)
                                    + bulk_line(COD, "X", ARE, "7108", 5, mot=1000)
                                    + bulk_line(COD, "X", ARE, "0101", 7)
                                    + bulk_line(COD, "X", ARE, "4403", 2e3)).encode()))
    broken = tmp_path / "broken.tsv.gz"
    broken.write_bytes(b"this is not gzip")
    proc = pull(tmp_path, "http://127.0.0.1:9", "--bulk", str(good), "--bulk", str(broken))
    assert proc.returncode == 0, proc.stderr[-2000:]
    flows = read_partition(str(tmp_path / "lake"), "trade_flows", DAY, "comtrade-bulk").to_pylist()
    assert sorted((f["hs_code"], f["value_usd"], f["source"]) for f in flows) == [
        ("4403", 2e3, "comtrade-bulk"), ("7108", 1e6, "comtrade-bulk")]
    assert flows[0]["reporter_iso3"] == "COD" and flows[0]["partner_iso3"] == "ARE" and flows[0]["net_kg"] == 25.0
    log = read_partition(str(tmp_path / "lake"), "trade_log", DAY, "comtrade-bulk").to_pylist()
    assert {(r["query"], r["reporter_iso3"], r["flow"], r["error_kind"]) for r in log} == {
        ("bulk:COD_2023.tsv.gz", "COD", "X", None), ("bulk:COD_2023.tsv.gz", "COD", "M", None),
        ("bulk:broken.tsv.gz", None, None, "bad_file")}


@pytest.mark.parametrize("argv", [
    ["--date", "2024-13-01", "--lake", "l", "--raw", "r"],
    ["--date", "2024-06-01", "--lake", "l", "--raw", "r", "--periods", "June"],
    ["--lake", "l", "--raw", "r"],
])
def test_bad_arguments_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_backoff_waits_for_retry_after_else_doubles() -> None:
    from scrapy import Request
    from scrapy.http import Response
    from scrapy.settings import Settings

    from ocwatch.spiders.middlewares import BackoffRetryMiddleware
    from ocwatch.trade.spider import SETTINGS

    # The pull shares the crawl's one retry middleware, with the API's backoff settings.
    assert SETTINGS["DOWNLOADER_MIDDLEWARES"]["ocwatch.spiders.middlewares.BackoffRetryMiddleware"]
    mw = BackoffRetryMiddleware(Settings({**SETTINGS, "RETRY_BACKOFF_BASE": 2.0}))
    req = Request("http://127.0.0.1/x", meta={"retry_times": 1})
    assert mw._delay(req, Response(req.url, status=429, headers={"Retry-After": "7"})) == 7.0
    assert mw._delay(req, Response(req.url, status=500)) == 4.0
    assert mw._delay(req, Response(req.url, status=429, headers={"Retry-After": "3600"})) == 60.0


@pytest.mark.slow
def test_unreachable_api_is_logged_as_connection_failure(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = pull(tmp_path, f"http://127.0.0.1:{port}", "--periods", "2023", countries="COD")
    assert proc.returncode == 0
    assert {r["error_kind"] for r in log_by_query(tmp_path).values()} == {"connection"}
