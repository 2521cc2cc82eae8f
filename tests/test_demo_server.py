"""The running demo: each outlet's route, robots.txt, deliberate faults, the registry and the trade fake."""

from __future__ import annotations

import io
import json
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import defusedxml.ElementTree as ET
import feedparser
import pypdf
import pytest
import yaml

from ocwatch.demo import DemoHandle, expected, start_demo

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoHandle]:
    with start_demo(tmp_path_factory.mktemp("demo")) as handle:
        yield handle


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_rss_feed_lists_every_article_with_its_date(demo: DemoHandle) -> None:
    status, headers, body = _get(demo.site_urls["kivu-monitor"] + "/feed.xml")
    assert status == 200 and "rss" in headers["Content-Type"]
    feed = feedparser.parse(body)
    assert feed.version == "rss20" and not feed.bozo
    assert len(feed.entries) == expected()["outlets"]["kivu-monitor"]["documents"] + 1  # + the 500 item
    assert all(e.get("published_parsed") for e in feed.entries)


def test_atom_feed_is_valid_and_french(demo: DemoHandle) -> None:
    feed = feedparser.parse(_get(demo.site_urls["afrique-hebdo"] + "/atom.xml")[2])
    assert feed.version == "atom10" and not feed.bozo
    assert feed.feed.get("language") == "fr" and len(feed.entries) >= 20


def test_sitemap_index_leads_to_every_article_with_lastmod(demo: DemoHandle) -> None:
    base = demo.site_urls["grands-lacs-info"]
    index = ET.fromstring(_get(base + "/sitemap_index.xml")[2])
    urls = []
    for loc in index.iter(SM + "loc"):
        urlset = ET.fromstring(_get(loc.text)[2])
        urls += [(u.find(SM + "loc").text, u.find(SM + "lastmod").text) for u in urlset.iter(SM + "url")]
    assert len(urls) == expected()["outlets"]["grands-lacs-info"]["documents"]
    assert all(lastmod for _, lastmod in urls)
    assert _get(urls[0][0])[0] == 200


def test_listing_paginates_and_links_traps(demo: DemoHandle) -> None:
    base = demo.site_urls["global-crime-dispatch"]
    first = _get(base + "/news/")[2].decode()
    assert "/news/page/2/" in first and "/tag/haiti/" in first and "/login" in first
    assert "/private/editor-notes.html" in first
    assert _get(base + "/news/removed-story-port-au-prince-1999.html")[0] == 404


def test_pdf_report_has_metadata_and_text(demo: DemoHandle) -> None:
    url = next(s["url"] for s in yaml.safe_load(demo.sources_path.read_text())["sources"]
               if s["kind"] == "document")
    status, headers, body = _get(url)
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(body))
    assert len(reader.pages) >= 3 and "natural resources" in reader.metadata.title
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Wazalendo" in text and "CODECO" in text and "Dubai" in text


def test_each_host_has_its_own_robots_txt(demo: DemoHandle) -> None:
    for url in demo.site_urls.values():
        status, _, body = _get(url + "/robots.txt")
        assert status == 200 and b"Disallow: /private/" in body


def test_broken_feed_item_answers_500_and_etag_gives_304(demo: DemoHandle) -> None:
    broken = next(b for b in expected()["broken"] if b["status"] == 500)
    assert _get(demo.site_urls[broken["outlet"]] + broken["path"] + "?utm_source=rss")[0] == 500
    headers = _get(demo.site_urls["kivu-monitor"] + "/feed.xml")[1]
    again = _get(demo.site_urls["kivu-monitor"] + "/feed.xml", {"If-None-Match": headers["ETag"]})
    assert again[0] == 304 and again[2] == b""


def test_sources_registry_points_at_the_live_sites(demo: DemoHandle) -> None:
    from ocwatch.spiders.registry import check_sources

    assert check_sources(demo.sources_path) == []
    entries = yaml.safe_load(demo.sources_path.read_text())["sources"]
    assert {e["id"] for e in entries} == set(demo.site_urls)
    for e in entries:
        assert e["allow_private"] is True and e["crawl"] == {"delay": 0, "concurrency": 8}
        assert e["url"].startswith(demo.site_urls[e["id"]])
    assert next(e for e in entries if e["kind"] == "listing")["follow"]["deny"]


def test_trade_fake_needs_the_key_and_serves_both_sides(demo: DemoHandle) -> None:
    query = "/data/v1/get/C/A/HS?reporterCode=784&flowCode=M&cmdCode=7108&period=2024"
    assert _get(demo.comtrade_url + query)[0] == 401
    status, _, body = _get(demo.comtrade_url + query, {"Ocp-Apim-Subscription-Key": demo.comtrade_key})
    rows = json.loads(body)["data"]
    assert status == 200 and {r["partnerISO"] for r in rows} >= {"COD", "UGA"}


def test_stop_releases_every_port(tmp_path: Path) -> None:
    handle = start_demo(tmp_path)
    ports = [urlsplit(u).port for u in [*handle.site_urls.values(), handle.comtrade_url]]
    handle.stop()
    for port in ports:
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0
