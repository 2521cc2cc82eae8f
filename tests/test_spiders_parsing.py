"""Pure parts of crawling: URL identity, feed and sitemap parsing, extraction, near-duplicates, raw storage, items."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocwatch.lake.contracts import CRAWL_LOG, DOCUMENTS
from ocwatch.spiders.documents.parse import (
    ExtractionError,
    extract_document,
    parse_when,
    sniff_kind,
)
from ocwatch.spiders.feeds import FeedError, parse_feed, parse_sitemap
from ocwatch.spiders.history.simhash import NearDupIndex, mark_near_dups
from ocwatch.spiders.items import CrawlLogItem, DocumentItem
from ocwatch.spiders.rawstore import load_raw, store_raw
from ocwatch.spiders.urls import canonical_url, doc_id, is_private_host

FEEDS = "feeds/the_deep/raw"


def test_canonical_url_drops_tracking_fragment_default_port_and_host_case():
    a = canonical_url("HTTPS://News.Example.ORG:443/a/b?utm_source=rss&id=7&fbclid=x&b=2#top")
    assert a == "https://news.example.org/a/b?b=2&id=7"
    assert doc_id("https://news.example.org/a/b?id=7&b=2&utm_medium=feed") == doc_id(a)
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"


@given(st.sampled_from(["http", "HTTPS"]), st.sampled_from(["Example.org", "news.example.org:8080"]),
       st.lists(st.sampled_from(["a", "b/", "%7Ex", "caf%C3%A9"]), max_size=3),
       st.lists(st.tuples(st.sampled_from(["id", "utm_source", "q", "fbclid"]), st.text("ab1 ", max_size=3)),
                max_size=4))
def test_canonical_url_is_idempotent_and_never_keeps_tracking(scheme, host, path, query):
    from urllib.parse import urlencode

    url = f"{scheme}://{host}/{'/'.join(path)}?{urlencode(query)}#frag"
    canon = canonical_url(url)
    assert canonical_url(canon) == canon
    assert "utm_" not in canon and "fbclid" not in canon and "#" not in canon


def test_private_hosts_are_recognised_and_public_ones_are_not():
    assert is_private_host("127.0.0.1") and is_private_host("10.1.2.3") and is_private_host("[::1]")
    assert is_private_host("169.254.169.254")  # cloud metadata endpoint
    assert not is_private_host("8.8.8.8")


def test_dates_from_pages_feeds_and_sitemaps_become_utc():
    assert parse_when("Mon, 01 Jun 2026 10:30:00 +0200") == dt.datetime(2026, 6, 1, 8, 30, tzinfo=dt.UTC)
    assert parse_when("2026-06-01") == dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    assert parse_when("not a date") is None


@pytest.mark.corpus
def test_rss_atom_and_json_feed_from_the_corpus_parse_to_entries(corpus):
    rss = parse_feed((corpus / FEEDS / "connector_content_mock_data__RSS_FEED_MOCK_DATA.xml").read_bytes())
    assert len(rss) == 20 and rss[0].url.startswith("https://reliefweb.int/report/")
    assert rss[0].published_at == dt.datetime(2020, 9, 17, 7, 24, 25, tzinfo=dt.UTC)
    atom = parse_feed((corpus / FEEDS / "atom_feed_mock_data__ATOM_FEED_MOCK_DATA_RAW.xml").read_bytes())
    assert len(atom) == 5 and all(e.url.startswith("https://") for e in atom)
    emm = parse_feed((corpus / FEEDS / "emm_mock_data__EMM_MOCK_DATA_RAW.xml").read_bytes())
    assert len(emm) == 3
    npr = parse_feed((corpus / "feeds" / "trafilatura_npr_feed.json").read_bytes(), "application/feed+json")
    assert len(npr) == 25 and npr[0].author == "Manoush Zomorodi" and npr[0].published_at is not None




def test_not_a_feed_or_sitemap_is_a_feed_error():
    with pytest.raises(FeedError):
        parse_feed(b"<html><body>Hello</body></html>")
    with pytest.raises(FeedError):
        parse_feed(b'{"items": []}')
    with pytest.raises(FeedError):
        parse_sitemap(b"<html><body>no</body></html>")


def test_gzipped_sitemap_index_and_urlset_parse():
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>https://x.org/s1.xml</loc></sitemap></sitemapindex>")
    kind, entries = parse_sitemap(gzip.compress(index))
    assert kind == "sitemapindex" and entries[0].url == "https://x.org/s1.xml"
    urlset = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.org/a</loc>'
              b"<lastmod>2026-06-01T10:00:00Z</lastmod></url></urlset>")
    kind, entries = parse_sitemap(urlset)
    assert kind == "urlset" and entries[0].published_at == dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC)


def test_body_kinds_are_sniffed_from_bytes_before_headers():
    assert sniff_kind(b"%PDF-1.7 ...", "application/octet-stream") == "pdf"
    assert sniff_kind(b"<!DOCTYPE html><html>", None) == "html"
    assert sniff_kind(b"\x89PNG\r\n\x1a\n", "image/png") == "binary"
    with pytest.raises(ExtractionError) as err:
        extract_document(b"\x89PNG\r\n\x1a\n" * 50, "image/png", "https://x.org/i.png")
    assert err.value.kind == "binary"


def test_feed_date_fills_in_when_the_page_has_none_and_refines_a_same_day_page_date():
    from ocwatch.spiders.documents.parse import Hints

    body = ("<html><body><article><p>" + "Armed groups tax the gold trade in Ituri. " * 10
            + "</p></article></body></html>").encode()
    hint = dt.datetime(2026, 6, 1, 8, 30, tzinfo=dt.UTC)
    out = extract_document(body, "text/html", "https://x.org/a", "en", Hints(published_at=hint, title="T"))
    assert out.published_at == hint and out.title == "T" and out.language == "en"


def _text(seed: int) -> str:
    import random

    rng = random.Random(seed)
    words = ["gold", "mine", "army", "road", "rain", "trade", "price", "ituri", "group", "said", "border", "tax", "fuel", "truck"]
    return " ".join(rng.choice(words) for _ in range(200))


def test_near_duplicates_point_at_the_earlier_copy_and_distinct_texts_do_not():
    original, other = _text(1), _text(2)
    copy = "GOMA (Agencies) - " + original[: int(len(original) * 0.9)]
    docs = [{"doc_id": "a", "text": original}, {"doc_id": "b", "text": other},
            {"doc_id": "c", "text": copy}, {"doc_id": "d", "text": "too short to judge"}]
    marked = {d["doc_id"]: d["near_dup_of"] for d in mark_near_dups(docs)}
    assert marked == {"a": None, "b": None, "c": "a", "d": None}
    index = NearDupIndex()
    index.add("old", original)
    assert index.match(copy) == "old"


def test_raw_bodies_are_content_addressed_and_round_trip(tmp_path):
    sha, rel = store_raw(str(tmp_path), b"<html>hello</html>")
    assert rel == f"{sha[:2]}/{sha}.gz" and store_raw(str(tmp_path), b"<html>hello</html>") == (sha, rel)
    assert load_raw(str(tmp_path), rel) == b"<html>hello</html>"
    (tmp_path / rel).write_bytes(gzip.compress(b"tampered"))
    with pytest.raises(ValueError):
        load_raw(str(tmp_path), rel)


def test_items_carry_exactly_the_contract_columns():
    assert list(DocumentItem.fields) == DOCUMENTS.columns
    assert list(CrawlLogItem.fields) == CRAWL_LOG.columns
    assert DocumentItem.fields["raw_path"]["doc"] == DOCUMENTS.doc_of("raw_path")
