"""Reruns, conditional GET, near-duplicates and reparse from raw: crawls in their own process, as in production."""

from __future__ import annotations

import datetime as dt
from http.server import BaseHTTPRequestHandler

import pytest
from test_spiders_crawl import SITE, crawl, docs, entry, log, registry, serve_site

from ocwatch.lake.partitions import read_partition, write_partition
from ocwatch.processes.crawl import main
from ocwatch.spiders.documents.reparse import reparse_documents

D1, D2 = dt.date(2026, 6, 10), dt.date(2026, 6, 11)


def _etagged(handler: BaseHTTPRequestHandler):
    # An article that supports conditional GET: 304 when the client already has this version.
    if handler.headers.get("If-None-Match") == '"v1"':
        return 304, {"ETag": '"v1"'}, b""
    body = (SITE / "news" / "gold-ituri.html").read_bytes()
    return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'}, body


@pytest.mark.slow
def test_rerun_of_a_date_reproduces_its_partition_without_duplicates(http_server, tmp_path):
    serve_site(http_server)
    reg = registry(tmp_path, entry("kivu-rss", "feed", f"{http_server.url}/feed.xml"))
    assert crawl(reg, "kivu-rss", tmp_path, D1).returncode == 0
    first = sorted(d["doc_id"] for d in docs(tmp_path, "kivu-rss", D1))
    assert crawl(reg, "kivu-rss", tmp_path, D1).returncode == 0
    again = sorted(d["doc_id"] for d in docs(tmp_path, "kivu-rss", D1))
    assert first == again and len(first) == 3


@pytest.mark.slow
def test_next_day_asks_nothing_of_known_feed_items_without_a_newer_date(http_server, tmp_path):
    serve_site(http_server)
    http_server.routes["/news/gold-ituri.html"] = _etagged
    reg = registry(tmp_path, entry("kivu-rss", "feed", f"{http_server.url}/feed.xml"))
    assert crawl(reg, "kivu-rss", tmp_path, D1).returncode == 0
    assert len(docs(tmp_path, "kivu-rss", D1)) == 3
    http_server.hits.clear()
    assert crawl(reg, "kivu-rss", tmp_path, D2).returncode == 0
    assert docs(tmp_path, "kivu-rss", D2) == []  # nothing changed: nothing new
    outcomes = log(tmp_path, "kivu-rss", D2)
    # Known by canonical URL (the tracking parameters aside) and not dated later: no request at all,
    # not even a conditional one.
    assert not [h for h in http_server.hits if h.startswith("/news/") and "missing" not in h]
    for name in ("gold-ituri.html?utm_source=rss&utm_medium=feed", "charcoal-virunga.html"):
        assert (outcomes[name]["status"], outcomes[name]["error_kind"]) == (None, "not_modified")
        assert "no request" in outcomes[name]["error"]
    assert outcomes["missing.html"]["status"] == 404  # failures of earlier days are tried again


def _sitemap(*entries: tuple[str, str | None]) -> bytes:
    urls = "".join(f"<url><loc>{loc}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>" for loc, m in entries)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


@pytest.mark.slow
def test_next_day_sends_conditional_get_only_for_sitemap_entries_the_index_does_not_date_earlier(
        http_server, tmp_path):
    serve_site(http_server)
    http_server.routes["/news/gold-ituri.html"] = _etagged
    # gold-ituri: no lastmod, so only the server can say; charcoal: dated before the known copy's fetch.
    http_server.add("/sm.xml", _sitemap(("/news/gold-ituri.html", None),
                                        ("/news/charcoal-virunga.html", "2026-06-03")),
                    content_type="application/xml")
    reg = registry(tmp_path, entry("smap", "sitemap", f"{http_server.url}/sm.xml"))
    assert crawl(reg, "smap", tmp_path, D1).returncode == 0
    assert len(docs(tmp_path, "smap", D1)) == 2
    http_server.hits.clear()
    assert crawl(reg, "smap", tmp_path, D2).returncode == 0
    assert docs(tmp_path, "smap", D2) == []
    outcomes = log(tmp_path, "smap", D2)
    assert (outcomes["gold-ituri.html"]["status"], outcomes["gold-ituri.html"]["error_kind"]) == (304, "not_modified")
    assert "/news/charcoal-virunga.html" not in http_server.hits
    assert (outcomes["charcoal-virunga.html"]["status"], outcomes["charcoal-virunga.html"]["error_kind"]) == (
        None, "not_modified")


@pytest.mark.slow
def test_wire_copies_are_marked_near_dup_not_dropped_within_and_across_sources(http_server, tmp_path):
    serve_site(http_server)
    reg = registry(tmp_path, entry("kivu-rss", "feed", f"{http_server.url}/feed.xml")
                   + entry("wire-json", "feed", f"{http_server.url}/feed.json"))
    assert crawl(reg, "kivu-rss", tmp_path, D1).returncode == 0
    assert crawl(reg, "wire-json", tmp_path, D1).returncode == 0
    # Marking is the per-date pass after every crawl of the date (as stages.crawl and the DAG run it).
    assert main(["dedup", "--date", str(D1), "--lake", str(tmp_path / "lake")]) == 0
    original = next(d for d in docs(tmp_path, "kivu-rss", D1) if d["url"].endswith("wire-original.html"))
    copies = {d["url"].rsplit("/", 1)[-1]: d for d in docs(tmp_path, "wire-json", D1)}
    assert copies["wire-copy.html"]["near_dup_of"] == original["doc_id"]
    assert copies["related-story.html"]["near_dup_of"] is None
    assert original["near_dup_of"] is None


@pytest.mark.slow
def test_reparse_rebuilds_documents_from_raw_without_the_network(http_server, tmp_path):
    serve_site(http_server)
    reg = registry(tmp_path, entry("kivu-rss", "feed", f"{http_server.url}/feed.xml"))
    assert crawl(reg, "kivu-rss", tmp_path, D1).returncode == 0
    lake, raw = str(tmp_path / "lake"), str(tmp_path / "raw")
    good = sorted(docs(tmp_path, "kivu-rss", D1), key=lambda d: d["url"])
    damaged = [{**d, "text": None, "title": None} for d in good]
    write_partition(lake, "documents", D1, damaged, part="kivu-rss")
    http_server.httpd.shutdown()  # no network from here on
    assert reparse_documents(lake, raw, D1) == 3
    rebuilt = sorted(docs(tmp_path, "kivu-rss", D1), key=lambda d: d["url"])
    assert [(d["text"], d["title"], d["published_at"]) for d in rebuilt] == [
        (d["text"], d["title"], d["published_at"]) for d in good]


def test_reparse_keeps_a_row_whose_raw_body_is_gone_and_records_it(tmp_path):
    lake, raw = str(tmp_path / "lake"), str(tmp_path / "raw")
    row = {"doc_id": "a" * 64, "url": "https://example.org/x", "source_id": "s", "text": "kept",
           "fetched_at": dt.datetime(2026, 6, 10, tzinfo=dt.UTC), "content_sha256": "b" * 64,
           "raw_path": f"bb/{'b' * 64}.gz"}
    write_partition(lake, "documents", D1, [row], part="s")
    assert reparse_documents(lake, raw, D1) == 0
    assert read_partition(lake, "documents", D1).to_pylist()[0]["text"] == "kept"
    (err,) = read_partition(lake, "errors", D1).to_pylist()
    assert err["error_kind"] == "raw_missing" and "example.org/x" in err["error"]


def _doc(did: str, text: str, hour: int) -> dict:
    return {"doc_id": did * 64, "url": f"https://example.org/{did}", "source_id": "s", "text": text,
            "published_at": dt.datetime(2026, 6, 10, hour, tzinfo=dt.UTC),
            "fetched_at": dt.datetime(2026, 6, 10, 20, tzinfo=dt.UTC), "content_sha256": "0" * 64,
            "raw_path": "00/x.gz"}


def test_dedup_marks_copies_across_sources_whatever_order_the_crawls_ran_in(tmp_path):
    story = " ".join(f"word{i % 37} trade{i % 11} gold{i % 5}" for i in range(80))
    lake = str(tmp_path / "lake")
    # The wire outlet's part was written first and knew nothing of the original.
    write_partition(lake, "documents", D1, [_doc("b", "WIRE - " + story, 13)], part="wire")
    write_partition(lake, "documents", D1, [_doc("a", story, 9), _doc("c", "other " * 60, 8)],
                    part="outlet")
    assert main(["dedup", "--date", str(D1), "--lake", lake]) == 0
    marks = {r["doc_id"][0]: r["near_dup_of"] for r in read_partition(lake, "documents", D1).to_pylist()}
    assert marks == {"a": None, "b": "a" * 64, "c": None}


FETCHED = dt.datetime(2026, 6, 10, 20, tzinfo=dt.UTC)
BEFORE, AFTER = FETCHED - dt.timedelta(days=1), FETCHED + dt.timedelta(hours=1)


def _decision(kind: str, updated: dt.datetime | None, etag: str | None = '"v1"') -> str:
    from ocwatch.spiders.history.lookup import History, Known
    from ocwatch.spiders.registry import Source
    from ocwatch.spiders.spiders import SPIDERS

    url = "https://example.org/a"
    history = History(known={url: Known("d", url, FETCHED, etag, None)})
    spider = SPIDERS[kind](source=Source("s", kind, "https://example.org/index"), raw_root="/nonexistent",
                           history=history)
    headers = spider._unchanged(history.known.get(url), updated)
    return "fetch" if headers is None else "no request" if headers == {} else "conditional"


@pytest.mark.parametrize(("kind", "updated", "etag", "expected"), [
    ("sitemap", BEFORE, '"v1"', "no request"),  # lastmod not after the known fetch
    ("sitemap", FETCHED, '"v1"', "no request"),
    ("sitemap", AFTER, '"v1"', "conditional"),  # changed since, per the index: the server decides
    ("sitemap", None, '"v1"', "conditional"),  # no lastmod: only the server can say
    ("sitemap", AFTER, None, "fetch"),  # changed and no validators to ask with
    ("sitemap", None, None, "no request"),
    ("feed", None, '"v1"', "no request"),  # a known item with no date: nothing newer
    ("feed", BEFORE, '"v1"', "no request"),
    ("feed", AFTER, '"v1"', "conditional"),
    ("listing", None, '"v1"', "conditional"),  # a listing link carries no date
])
def test_known_url_costs_a_request_only_when_the_index_does_not_date_it_before_the_fetch(
        kind: str, updated: dt.datetime | None, etag: str | None, expected: str) -> None:
    assert _decision(kind, updated, etag) == expected
