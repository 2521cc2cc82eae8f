"""Several sources crawled side by side in one process: the same partitions as one process a source."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ocwatch import stages
from ocwatch.settings import Settings
from tests.test_spiders_crawl import ROOT, docs, entry, registry, serve_site

pytestmark = pytest.mark.slow
DATE = "2026-06-10"
DAY = dt.date.fromisoformat(DATE)


def _sources(url: str) -> str:
    return (entry("rss", "feed", f"{url}/feed.xml") + entry("atom", "feed", f"{url}/atom.xml")
            + entry("smap", "sitemap", f"{url}/sitemap-index.xml")
            + entry("listing", "listing", f"{url}/listing.html", "follow: {allow: ['/news/']}"))


def _names(home: Path, sid: str) -> set[str]:
    return {d["url"].rsplit("/", 1)[-1] for d in docs(home, sid)}


def _settings(home: Path, reg: Path) -> Settings:
    s = Settings.from_env(env={}, home=home, sources=reg)
    s.ensure_dirs()
    return s


def test_one_process_crawls_several_sources_each_into_its_own_part(http_server, tmp_path: Path) -> None:
    serve_site(http_server)
    reg = registry(tmp_path, _sources(http_server.url))
    apart, together = tmp_path / "apart", tmp_path / "together"
    for sid in ("rss", "atom", "smap", "listing"):
        assert stages.crawl_one(_settings(apart, reg), DAY, sid).ok
    args = [sys.executable, "-m", "ocwatch.processes.crawl", "crawl", "--source", "rss", "--source", "atom",
            "--source", "smap", "--source", "listing", "--sources", str(reg), "--date", DATE,
            "--lake", str(together / "lake"), "--raw", str(together / "raw")]
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    outcomes = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(o["source"] for o in outcomes) == ["atom", "listing", "rss", "smap"]
    assert all(o["written"] for o in outcomes)
    for sid in ("rss", "atom", "smap", "listing"):
        assert _names(together, sid) == _names(apart, sid) != set()


def test_crawl_stage_splits_sources_over_its_workers(http_server, tmp_path: Path) -> None:
    serve_site(http_server)
    reg = registry(tmp_path, _sources(http_server.url))
    s = _settings(tmp_path / "home", reg)
    result = stages.crawl(s, DAY, workers=2)
    assert result.ok, result.errors
    assert result.counts["sources"] == 4 and result.counts["failed_sources"] == 0
    logs = sorted(p.name for p in s.logs.iterdir())
    assert logs == [f"crawl-{DATE}-atom-and-1-more.log", f"crawl-{DATE}-rss-and-1-more.log"]
    assert _names(tmp_path / "home", "listing")


def test_a_source_the_group_cannot_run_is_retried_alone_and_costs_only_itself(http_server, tmp_path: Path) -> None:
    serve_site(http_server)
    reg = registry(tmp_path, _sources(http_server.url))
    s = _settings(tmp_path / "home", reg)
    # An id the registry lacks makes the group's process refuse its arguments: no source ran.
    result = stages.crawl(s, dt.date.fromisoformat(DATE), ["rss", "missing", "atom"], workers=1)
    assert not result.ok and result.counts["failed_sources"] == 1
    assert any("'missing'" in e for e in result.errors)
    assert _names(tmp_path / "home", "rss") and _names(tmp_path / "home", "atom")
    assert (s.logs / f"crawl-{DATE}-missing.log").is_file()  # its own process, its own log
