"""Hostile and broken input from the open web: each one recorded with the input named, none fatal.

One crawl process (as in production) meets a feed whose items are every kind of
trap; the parser-level traps (entity expansion, external entities, gzip bombs,
broken PDFs) are also checked on the pure functions, which is fast and exact.
Big bodies (100 MB page, gzip bombs) are generated here at test time, never committed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfWriter
from test_spiders_crawl import SITE, crawl, docs, entry, registry

from ocwatch.lake.partitions import list_parts, read_partition
from ocwatch.spiders.documents.parse import ExtractionError, extract_document, extract_pdf
from ocwatch.spiders.feeds import FeedError, parse_feed, parse_sitemap

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
DATE = "2026-06-10"
DAY = dt.date.fromisoformat(DATE)
MB = 1024 * 1024


def gzip_bomb(inflated: int) -> bytes:
    """A gzip body of a few hundred KB that inflates to ``inflated`` bytes of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MB)
    return b"".join(packer.compress(chunk) for _ in range(inflated // MB)) + packer.flush()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("user-password", "owner-password", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    """A tiny PDF whose page tree names one page ``pages`` times: a page-count bomb."""
    kids = " ".join(["3 0 R"] * pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- parsers, directly ------------------------------------------------------------------------


def test_billion_laughs_feed_is_refused_or_flattened_quickly_without_expanding():
    body = (FIXTURES / "billion-laughs.xml").read_bytes()
    started = time.perf_counter()
    try:
        entries = parse_feed(body)
    except FeedError:
        entries = []
    assert time.perf_counter() - started < 5
    assert all(len(e.title or "") < 10_000 for e in entries)  # 10^9 "lol"s were never built


def test_external_entities_in_a_feed_are_never_resolved(http_server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    body = (FIXTURES / "xxe-feed.xml").read_text().replace("{FILE}", secret.as_uri()).replace(
        "{URL}", f"{http_server.url}/xxe")
    entries = parse_feed(body.encode())
    assert "TOP-SECRET-MARKER" not in repr(entries)
    assert http_server.hits == []  # nor fetched over the network
    assert [e.url for e in entries] == ["https://example.org/news/1"]


def test_external_entities_in_a_sitemap_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://attacker.example/TOP-SECRET-MARKER")
    body = (FIXTURES / "xxe-sitemap.xml").read_text().replace("{FILE}", secret.as_uri())
    try:
        _, entries = parse_sitemap(body.encode())
    except FeedError:
        entries = []
    assert "TOP-SECRET-MARKER" not in repr(entries)


def test_gzip_bomb_sitemap_is_a_feed_error_not_gigabytes_of_memory():
    bomb = gzip_bomb(200 * MB)
    assert len(bomb) < 1 * MB
    with pytest.raises(FeedError, match="gzip bomb"):
        parse_sitemap(bomb, max_size=50 * MB)
    with pytest.raises(FeedError, match="broken gzip"):
        parse_sitemap(bomb[:100] + b"garbage")
    ok = gzip.compress(b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                       b"<url><loc>https://a.example/x</loc></url></urlset>")
    assert parse_sitemap(ok)[1][0].url == "https://a.example/x"


@pytest.mark.parametrize(("body", "kind"), [
    (encrypted_pdf(), "encrypted"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R", "parse_error"),
    (b"%PDF-1.4\n" + bytes(range(256)) * 50, "parse_error"),
])
def test_broken_and_encrypted_pdfs_are_named_extraction_errors(body: bytes, kind: str):
    with pytest.raises(ExtractionError) as err:
        extract_pdf(body)
    assert err.value.kind == kind and str(err.value)


def test_a_pdf_declaring_a_hundred_thousand_pages_is_read_in_bounded_time():
    body = many_pages_pdf(100_000)
    assert len(body) < 1 * MB
    started = time.perf_counter()
    out = extract_pdf(body)
    assert time.perf_counter() - started < 30
    assert out.notes and "100000 pages" in out.notes[0]


def test_script_and_event_handlers_never_reach_the_document_text():
    out = extract_document((FIXTURES / "script-page.html").read_bytes(), "text/html", "https://a.example/x")
    assert "Mongbwalu" in out.text
    for trap in ("alert(", "onerror", "onload", "document.cookie", "<script", "javascript:"):
        assert trap not in out.text
    assert "<" not in (out.title or "")


def test_future_dates_from_page_or_index_are_not_believed():
    from ocwatch.spiders.documents.parse import Hints

    html = (FIXTURES / "script-page.html").read_bytes()
    fetched = dt.datetime(2026, 6, 10, 12, tzinfo=dt.UTC)
    future = Hints(published_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC))
    out = extract_document(html, "text/html", "https://a.example/x", hints=future, not_after=fetched)
    assert out.published_at is None or out.published_at <= fetched + dt.timedelta(days=1)
    assert any("2099" in n for n in out.notes)
    near = Hints(published_at=fetched + dt.timedelta(hours=3))  # clocks differ: a few hours is fine
    assert extract_document(html, "text/html", "u", hints=near, not_after=fetched).published_at == near.published_at


# --- one crawl of a hostile site ----------------------------------------------------------------


class _Streamer(BaseHTTPRequestHandler):
    """Sends 100 MB with no Content-Length (close-delimited), so only counting can stop it."""

    protocol_version = "HTTP/1.0"
    sent = 0

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * (MB - 7) + b"</p>\n"
        try:
            for _ in range(100):
                self.wfile.write(chunk)
                type(self).sent += len(chunk)
        except OSError:
            pass  # the crawler hung up: what we want


@pytest.fixture
def streamer():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Streamer)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _hostile_site(server, stream_url: str, secret: Path) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow:\n", content_type="text/plain")
    server.add("/h/script.html", (FIXTURES / "script-page.html").read_bytes())
    server.add("/h/huge.html", b"<html><body>" + b"a" * (100 * MB) + b"</body></html>")
    server.add("/h/bomb.html", gzip_bomb(200 * MB), **{"Content-Encoding": "gzip"})
    server.add("/h/broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", content_type="application/pdf")
    server.add("/h/encrypted.pdf", encrypted_pdf(), content_type="application/pdf")
    server.add("/h/loop-a.html", "", status=302, Location="/h/loop-b.html")
    server.add("/h/loop-b.html", "", status=302, Location="/h/loop-a.html")
    server.add("/h/to-file.html", "", status=302, Location=secret.as_uri())
    good = (SITE / "news" / "gold-ituri.html").read_bytes()
    server.add("/h/bad-utf8.html", good.replace(b"Mongbwalu", b"Mongbwalu \xff\xfe\xc3", 1))
    server.add("/h/future.html", (SITE / "news" / "charcoal-virunga.html").read_bytes())
    server.add("/h/undated.html", (SITE / "news" / "football.html").read_bytes())
    links = {"script.html": "", "huge.html": "", "bomb.html": "", "broken.pdf": "", "encrypted.pdf": "",
             "loop-a.html": "", "to-file.html": "", "bad-utf8.html": "",
             "future.html": "<pubDate>Fri, 01 Jan 2099 00:00:00 GMT</pubDate>",
             "undated.html": "<pubDate>not a date at all</pubDate>"}
    items = [f"<item><title>{n}</title><link>/h/{n}</link>{extra}</item>" for n, extra in links.items()]
    items += [f"<item><title>x</title><link>{u}</link></item>" for u in (
        f"{stream_url}/stream.html", secret.as_uri(), "data:text/html,<p>hi</p>", "http://127.0.0.1:99999/x")]
    server.add("/feed.xml", f"<rss version='2.0'><channel><title>h</title>{''.join(items)}</channel></rss>",
               content_type="application/rss+xml")


@pytest.mark.slow
def test_hostile_site_is_crawled_with_every_trap_logged_by_name(http_server, streamer, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><p>" + "TOP-SECRET-MARKER " * 50 + "</p></body></html>")
    _hostile_site(http_server, streamer, secret)
    reg = registry(tmp_path, entry("hostile", "feed", f"{http_server.url}/feed.xml").replace(
        "timeout: 2}", "timeout: 10}"))
    proc = crawl(reg, "hostile", tmp_path, DATE)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = read_partition(str(tmp_path / "lake"), "crawl_log", DAY, part="hostile").to_pylist()
    by_url = {r["url"]: r for r in rows}
    kinds = {u.rsplit("/", 1)[-1]: r["error_kind"] for u, r in by_url.items()}
    assert kinds["huge.html"] == "too_large" and kinds["bomb.html"] == "too_large"
    assert kinds["stream.html"] == "too_large" and _Streamer.sent < 60 * MB  # cut off, not read to the end
    assert kinds["broken.pdf"] == "parse_error" and kinds["encrypted.pdf"] == "encrypted"
    assert kinds["loop-a.html"] == "redirect_loop"
    assert kinds["to-file.html"] == "scheme" and kinds[secret.name] == "scheme"
    assert by_url["http://127.0.0.1:99999/x"]["error_kind"] == "bad_url"
    assert [r["error_kind"] for u, r in by_url.items() if u.startswith("data:")] == ["scheme"]
    for r in rows:  # every failure names its input
        assert r["error_kind"] is None or (r["error"] and r["url"].split("?")[0][:40] in r["error"])
    kept = {d["url"].rsplit("/", 1)[-1]: d for d in docs(tmp_path, "hostile", DATE)}
    assert set(kept) == {"script.html", "bad-utf8.html", "future.html", "undated.html"}
    assert "alert(" not in kept["script.html"]["text"] and "Mongbwalu" in kept["bad-utf8.html"]["text"]
    assert kept["future.html"]["published_at"].year < 2099
    assert "2099" in by_url[kept["future.html"]["url"]]["error"]  # kept, and the doubt is said
    lake_text = repr(read_partition(str(tmp_path / "lake"), "documents", DAY).to_pylist())
    assert "TOP-SECRET-MARKER" not in lake_text
    raw = b"".join(gzip.decompress(p.read_bytes()) for p in (tmp_path / "raw").rglob("*.gz"))
    assert b"TOP-SECRET-MARKER" not in raw
    assert all("/." not in p for p in list_parts(str(tmp_path / "lake"), "documents", DAY))


@pytest.mark.slow
def test_sitemap_entries_on_other_hosts_are_logged_offsite_and_never_fetched(http_server, tmp_path):
    http_server.add("/robots.txt", "User-agent: *\nDisallow:\n", content_type="text/plain")
    http_server.add("/news/gold.html", (SITE / "news" / "gold-ituri.html").read_bytes())
    port = http_server.url.rsplit(":", 1)[1]
    locs = [f"{http_server.url}/news/gold.html", f"http://localhost:{port}/elsewhere.html",
            "https://attacker.example/planted.html"]
    urlset = "".join(f"<url><loc>{u}</loc></url>" for u in locs)
    http_server.add("/sitemap.xml", f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urlset}"
                    "</urlset>", content_type="application/xml")
    http_server.add("/index.xml", "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    f"<sitemap><loc>{http_server.url}/sitemap.xml</loc></sitemap>"
                    f"<sitemap><loc>{http_server.url}/bomb.xml.gz</loc></sitemap>"
                    f"<sitemap><loc>http://localhost:{port}/other-sitemap.xml</loc></sitemap></sitemapindex>",
                    content_type="application/xml")
    http_server.add("/bomb.xml.gz", gzip_bomb(200 * MB), content_type="application/gzip")
    reg = registry(tmp_path, entry("smap", "sitemap", f"{http_server.url}/index.xml"))
    proc = crawl(reg, "smap", tmp_path, DATE)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = {r["url"]: r for r in read_partition(str(tmp_path / "lake"), "crawl_log", DAY).to_pylist()}
    for url in (locs[1], locs[2], f"http://localhost:{port}/other-sitemap.xml"):
        assert rows[url]["error_kind"] == "offsite" and url in rows[url]["error"]
    assert not [h for h in http_server.hits if h in ("/elsewhere.html", "/other-sitemap.xml")]
    assert rows[f"{http_server.url}/bomb.xml.gz"]["error_kind"] == "parse_error"
    assert "gzip bomb" in rows[f"{http_server.url}/bomb.xml.gz"]["error"]
    assert [d["url"].rsplit("/", 1)[-1] for d in docs(tmp_path, "smap", DATE)] == ["gold.html"]
