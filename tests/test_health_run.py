"""A night that fetched nothing never says ok: exit 3, every failed input named, run_health and the report say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from ocwatch import stages
from ocwatch.cli import main
from ocwatch.health import EXIT_DEGRADED, crawl_source_health, exit_code, trade_health
from ocwatch.lake.partitions import read_partition
from ocwatch.settings import Settings

DATE = "2026-06-10"  # as the command line spells it
DAY = dt.date(2026, 6, 10)
FAST = "crawl: {delay: 0, concurrency: 4, backoff: 0.01, retries: 0, timeout: 2}"


def _registry(tmp_path: Path, *entries: tuple[str, str]) -> Path:
    lines = ["sources:"]
    for sid, url in entries:
        lines += [f"  - id: {sid}", "    kind: feed", f"    url: {url}", "    reliability: B",
                  "    allow_private: true", f"    {FAST}"]
    path = tmp_path / "sources.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def _dead_port() -> int:
    import socket

    with socket.socket() as s:  # bound and closed again: nothing listens there
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log(sid: str, kind: str | None, error: str | None = None) -> dict:
    return {"source_id": sid, "error_kind": kind, "error": error}


def test_a_source_that_answered_nothing_is_degraded_and_named_with_its_errors() -> None:
    h = crawl_source_health([_log("a", "dns", "DNS lookup failed for https://a.example/feed"),
                             _log("a", "robots")], "a")
    assert h.degraded and (h.attempted, h.fetched, h.failed, h.skipped) == (2, 0, 1, 1)
    assert h.failures == ["source a: answered nothing: dns:1 (e.g. DNS lookup failed for https://a.example/feed)"]


def test_a_source_with_no_request_logged_is_degraded() -> None:
    h = crawl_source_health([], "quiet")
    assert h.degraded and "quiet: answered nothing: no request was logged" in h.failures[0]


def test_a_source_that_answered_304_or_some_pages_is_not_degraded_but_its_failures_are_named() -> None:
    unchanged = crawl_source_health([_log("b", "not_modified")], "b")
    assert not unchanged.degraded and unchanged.failures == []
    partial = crawl_source_health([_log("c", None), _log("c", "http_error", "HTTP 500 on https://c.example/x")], "c")
    assert not partial.degraded and partial.failures == ["source c: http_error:1 (e.g. HTTP 500 on https://c.example/x)"]


def test_a_trade_pull_without_a_key_is_degraded_and_says_so_first() -> None:
    h = trade_health([{"error_kind": "missing_key", "error": "no key for COD X 7108"}] * 3)
    assert h.degraded and h.failed == 3 and h.failures[0].startswith("trade: no Comtrade key")
    answered = trade_health([{"error_kind": None}, {"error_kind": "http_error", "error": "HTTP 500"}])
    assert not answered.degraded


def test_exit_code_is_1_for_a_failed_stage_3_for_a_degraded_one_else_0() -> None:
    assert exit_code(["ok", "ok"]) == 0
    assert exit_code(["ok", "degraded"]) == EXIT_DEGRADED == 3
    assert exit_code(["degraded", "failed", "ok"]) == 1


def test_crawl_of_dead_sources_exits_degraded_names_each_and_records_run_health(tmp_path: Path, capsys,
                                                                                 monkeypatch) -> None:
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    reg = _registry(tmp_path, ("dead-one", f"http://127.0.0.1:{_dead_port()}/feed.xml"),
                    ("dead-two", f"http://127.0.0.1:{_dead_port()}/rss"))
    code = main(["crawl", "--date", DATE, "--home", str(tmp_path / "h"), "--sources", str(reg)])
    out = capsys.readouterr().out
    assert code == 3
    assert out.startswith("crawl: DEGRADED") and "crawl: ok" not in out
    for sid in ("dead-one", "dead-two"):
        # the first request of a dead host is its robots.txt, which never answers (RFC 9309: not crawled)
        assert f"failed: source {sid}: answered nothing: robots_unavailable" in out
    (row,) = read_partition(str(tmp_path / "h" / "lake"), "run_health", DAY).to_pylist()
    assert row["stage"] == "crawl" and row["status"] == "degraded"
    assert (row["attempted"], row["fetched"]) == (2, 0) and "dead-two" in row["detail"]


@pytest.mark.slow
def test_an_offline_night_exits_degraded_and_the_warehouse_and_report_say_why(tmp_path: Path, capsys,
                                                                             monkeypatch) -> None:
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    home = tmp_path / "h"
    reg = _registry(tmp_path, ("dead-one", f"http://127.0.0.1:{_dead_port()}/feed.xml"))
    code = main(["run", "--date", DATE, "--home", str(home), "--sources", str(reg),
                 "--comtrade-url", f"http://127.0.0.1:{_dead_port()}"])
    out = capsys.readouterr().out
    assert code == 3, out
    assert "crawl: DEGRADED" in out and "trade: DEGRADED" in out and "no Comtrade key" in out
    assert "dead-one: answered nothing" in out
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        rows = dict(con.execute("select stage, status from run_health where partition_date = ?",
                                [dt.date.fromisoformat(DATE)]).fetchall())
    assert rows["crawl"] == "degraded" and rows["trade"] == "degraded" and rows["extract"] == "ok"
    html = next((home / "reports").glob("*.html")).read_text()
    assert "no Comtrade key" in html and "dead-one" in html


def test_a_stage_that_raises_is_recorded_failed_and_the_night_goes_on(tmp_path: Path) -> None:
    s = Settings.from_env(env={"OCWATCH_HOME": str(tmp_path)})
    result = stages._guarded(s, DAY, "build", lambda: (_ for _ in ()).throw(OSError("disk full")))
    assert result.status == "failed" and result.errors == ["disk full"]
    (row,) = read_partition(str(s.lake), "run_health", DAY).to_pylist()
    assert (row["stage"], row["status"], row["detail"]) == ("build", "failed", "disk full")


def test_a_degraded_stage_fails_its_airflow_task_so_it_is_retried() -> None:
    from ocwatch.airflow import support as af
    from ocwatch.health import Health

    dead = stages.StageResult("crawl[x]", health=crawl_source_health([_log("x", "dns", "DNS lookup failed")], "x"))
    with pytest.raises(af.StageFailed, match="x: answered nothing: dns:1"):
        af.finish(dead, {}, DAY)
    no_key = stages.StageResult("trade", health=trade_health([{"error_kind": "missing_key", "error": "k"}]))
    with pytest.raises(af.StageFailed, match="no Comtrade key"):
        af.finish(no_key, {}, DAY)
    fine = stages.StageResult("crawl[y]", health=Health(attempted=3, fetched=2, failed=1))
    assert af.finish(fine, {}, DAY)["stage"] == "crawl[y]"


def test_airflows_dedup_step_records_the_nights_crawl_health_for_every_source(tmp_path: Path) -> None:
    from ocwatch.lake.partitions import write_partition

    reg = _registry(tmp_path, ("alive", "http://127.0.0.1:9/a"), ("dead", "http://127.0.0.1:9/d"))
    s = Settings.from_env(env={"OCWATCH_HOME": str(tmp_path / "h"), "OCWATCH_SOURCES": str(reg)})
    now = dt.datetime.now(dt.UTC)
    for sid, kind in (("alive", None), ("dead", "timeout")):
        write_partition(str(s.lake), "crawl_log", DAY, [{"url": f"http://127.0.0.1:9/{sid}", "source_id": sid,
                                                           "error_kind": kind, "error": kind and f"{kind} on {sid}",
                                                           "fetched_at": now}], part=sid)
    result = stages.dedup(s, DAY)
    assert result.status == "ok"  # each crawl task failed for itself; the night goes on
    (row,) = read_partition(str(s.lake), "run_health", DAY).to_pylist()
    assert (row["stage"], row["status"], row["attempted"], row["fetched"]) == ("crawl", "degraded", 2, 1)
    assert row["detail"] == "source dead: answered nothing: timeout:1 (e.g. timeout on dead)"
