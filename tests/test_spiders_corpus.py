"""Crawls of real pages and feeds from ../shared/corpus, served by a local server (nothing leaves 127.0.0.1)."""

from __future__ import annotations

import gzip
import json
import statistics

import pytest
from test_spiders_crawl import crawl, docs, entry, log, registry
from test_spiders_quality import token_f1

pytestmark = [pytest.mark.corpus, pytest.mark.slow]
AEB_PAGES = 60


@pytest.fixture
def aeb(corpus):
    root = corpus / "news_html" / "scrapinghub_aeb"
    truth = json.loads((root / "ground-truth.json").read_text())
    keys = sorted(truth)[:AEB_PAGES]
    return root, {k: truth[k] for k in keys}


def test_real_pages_through_a_sitemap_crawl_keep_extraction_quality(http_server, tmp_path, aeb):
    root, truth = aeb
    urls = []
    for key in truth:
        http_server.add(f"/a/{key}.html", gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()),
                        content_type="text/html")
        urls.append(f"<url><loc>{http_server.url}/a/{key}.html</loc></url>")
    http_server.add("/sitemap.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    + "".join(urls) + "</urlset>", content_type="application/xml")
    reg = registry(tmp_path, entry("aeb", "sitemap", f"{http_server.url}/sitemap.xml")
                   .replace("concurrency: 8", "concurrency: 4"))
    assert crawl(reg, "aeb", tmp_path).returncode == 0
    by_key = {d["url"].rsplit("/", 1)[-1].removesuffix(".html"): d for d in docs(tmp_path, "aeb")}
    scores = [token_f1((by_key.get(k) or {}).get("text") or "", t["articleBody"]) for k, t in truth.items()]
    assert statistics.median(scores) >= 0.93
    assert len(by_key) >= AEB_PAGES - 2  # a page or two may legitimately be too short to keep


def test_real_reliefweb_feed_is_crawled_with_missing_pages_logged(http_server, tmp_path, corpus):
    feed = (corpus / "feeds" / "the_deep" / "raw" / "connector_content_mock_data__RSS_FEED_MOCK_DATA.xml")
    body = feed.read_text().replace("https://reliefweb.int", http_server.url)
    http_server.add("/feed.xml", body, content_type="application/rss+xml")
    pages = sorted((corpus / "news_html" / "trafilatura").glob("*.html"))
    from ocwatch.spiders.feeds import parse_feed

    links = [e.url.removeprefix(http_server.url) for e in parse_feed(body.encode())]
    served = dict(zip(links, pages, strict=False))  # 20 items, 18 real pages: two links answer 404
    for path, page in served.items():
        http_server.add(path, page.read_bytes())
    reg = registry(tmp_path, entry("rw", "feed", f"{http_server.url}/feed.xml"))
    assert crawl(reg, "rw", tmp_path).returncode == 0
    kinds = [r["error_kind"] for r in log(tmp_path, "rw").values()]
    assert kinds.count("http_error") == len(links) - len(served)
    kept = docs(tmp_path, "rw")
    assert len(kept) + kinds.count("empty") == len(served)
    assert len(kept) >= len(served) - 3
    assert all(d["published_at"] is not None and d["language"] for d in kept)
    assert {d["language"] for d in kept} >= {"en", "de"}
