"""End-to-end crawls (one process a source, as in production) against a local server serving tests/fixtures/spiders/site."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from ocwatch.lake.dates import parse_date
from ocwatch.lake.partitions import read_partition

SITE = Path(__file__).parent / "fixtures" / "spiders" / "site"
ROOT = Path(__file__).resolve().parent.parent
FAST = "crawl: {delay: 0, concurrency: 8, backoff: 0.01, retries: 2, timeout: 2}"


def serve_site(server) -> None:
    server.add_dir(SITE)
    server.add("/listing.html?page=2", (SITE / "listing-2.html").read_bytes())


def registry(tmp_path: Path, entries: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n" + entries)
    return path


def entry(sid: str, kind: str, url: str, extra: str = "", private: bool = True) -> str:
    lines = [f"  - id: {sid}", f"    kind: {kind}", f"    url: {url}", "    reliability: B",
             f"    allow_private: {str(private).lower()}", f"    {FAST}"]
    return "\n".join(lines + ([f"    {extra}"] if extra else [])) + "\n"


def crawl(reg: Path, sid: str, home: Path, date: str | dt.date = "2026-06-10") -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "ocwatch.processes.crawl", "crawl", "--source", sid, "--sources", str(reg),
            "--date", str(date), "--lake", str(home / "lake"), "--raw", str(home / "raw")]
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120)


def docs(home: Path, sid: str, date: str | dt.date = "2026-06-10") -> list[dict]:
    return read_partition(str(home / "lake"), "documents", parse_date(date), part=sid).to_pylist()


def log(home: Path, sid: str, date: str | dt.date = "2026-06-10") -> dict[str, dict]:
    rows = read_partition(str(home / "lake"), "crawl_log", parse_date(date), part=sid).to_pylist()
    return {r["url"].rsplit("/", 1)[-1]: r for r in rows}


@pytest.mark.slow
def test_rss_feed_crawl_keeps_documents_raw_bytes_and_logs_every_outcome(http_server, tmp_path):
    serve_site(http_server)
    reg = registry(tmp_path, entry("kivu-rss", "feed", f"{http_server.url}/feed.xml"))
    proc = crawl(reg, "kivu-rss", tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = {d["url"].rsplit("/", 1)[-1]: d for d in docs(tmp_path, "kivu-rss")}
    assert set(rows) == {"gold-ituri.html", "charcoal-virunga.html", "wire-original.html"}
    gold = rows["gold-ituri.html"]  # the feed link carried utm_ parameters: identity drops them
    assert gold["title"] == "Gold smuggling networks expand in Ituri"
    assert gold["author"] == "Amani Kabila" and gold["language"] == "en"
    assert gold["published_at"].isoformat() == "2026-06-01T08:30:00+00:00"
    assert "Mongbwalu" in gold["text"] and "Copyright" not in gold["text"]
    raw = gzip.decompress((tmp_path / "raw" / gold["raw_path"]).read_bytes())
    assert raw == (SITE / "news" / "gold-ituri.html").read_bytes()
    outcomes = log(tmp_path, "kivu-rss")
    assert outcomes["missing.html"]["status"] == 404 and outcomes["missing.html"]["error_kind"] == "http_error"
    assert outcomes["secret.html"]["error_kind"] == "robots"
    assert "/private/secret.html" not in http_server.hits  # robots.txt obeyed, not just logged
    assert outcomes["feed.xml"]["error_kind"] is None


@pytest.mark.slow
def test_atom_json_feed_and_sitemap_index_sources_find_their_documents(http_server, tmp_path):
    serve_site(http_server)
    # workers: 2 runs extraction in a process pool; the other crawls run it inline.
    reg = registry(tmp_path, entry("atom", "feed", f"{http_server.url}/atom.xml", "").replace(
        "timeout: 2}", "timeout: 2, workers: 2}")
                   + entry("jsonf", "feed", f"{http_server.url}/feed.json")
                   + entry("smap", "sitemap", f"{http_server.url}/sitemap-index.xml")
                   + entry("capped", "sitemap", f"{http_server.url}/sitemap-index.xml", "").replace(
                       "timeout: 2}", "timeout: 2, max_pages: 2}"))
    for sid in ("atom", "jsonf", "smap", "capped"):
        assert crawl(reg, sid, tmp_path).returncode == 0
    atom = {d["url"].rsplit("/", 1)[-1]: d for d in docs(tmp_path, "atom")}
    assert set(atom) == {"fr-cassiterite.html", "football.html"}
    assert atom["fr-cassiterite.html"]["language"] == "fr"  # language: auto, detected from the text
    assert {d["url"].rsplit("/", 1)[-1] for d in docs(tmp_path, "jsonf")} == {"wire-copy.html", "related-story.html"}
    assert {d["url"].rsplit("/", 1)[-1] for d in docs(tmp_path, "smap")} == {
        "gold-ituri.html", "charcoal-virunga.html", "football.html"}
    capped = {d["url"].rsplit("/", 1)[-1] for d in docs(tmp_path, "capped")}
    assert len(capped) == 2 and capped < {"gold-ituri.html", "charcoal-virunga.html", "football.html"}


@pytest.mark.slow
def test_listing_follows_allow_rules_and_pagination_but_not_denied_or_offsite_links(http_server, tmp_path):
    serve_site(http_server)
    rules = "follow: {allow: ['/news/'], deny: ['/tag/', '/login'], max_depth: 1}"
    reg = registry(tmp_path, entry("listing", "listing", f"{http_server.url}/listing.html", rules))
    assert crawl(reg, "listing", tmp_path).returncode == 0
    found = {d["url"].rsplit("/", 1)[-1] for d in docs(tmp_path, "listing")}
    assert found == {"gold-ituri.html", "charcoal-virunga.html", "football.html"}  # football: page 2
    assert not [h for h in http_server.hits if h.startswith(("/tag/", "/login"))]
    assert "/news/related-story.html" not in http_server.hits  # two hops away, max_depth 1


def _pdf_bytes() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Final report of the Group of Experts")
    pdf.set_author("United Nations")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    text = ("The Group of Experts found that gold from artisanal mines in Ituri and South Kivu "
            "is smuggled to neighbouring countries, and that armed groups tax its transport. ") * 6
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


@pytest.mark.slow
def test_pdf_document_source_becomes_a_document_with_its_metadata(http_server, tmp_path):
    http_server.add("/report.pdf", _pdf_bytes(), content_type="application/pdf")
    reg = registry(tmp_path, entry("un-report", "document", f"{http_server.url}/report.pdf"))
    assert crawl(reg, "un-report", tmp_path).returncode == 0
    (doc,) = docs(tmp_path, "un-report")
    assert doc["title"] == "Final report of the Group of Experts"
    assert doc["author"] == "United Nations" and doc["content_type"] == "application/pdf"
    assert "armed groups tax its transport" in doc["text"]


def _flaky(fails: int, status: int, page: str = "football.html"):
    calls = []

    def route(handler: BaseHTTPRequestHandler):
        calls.append(1)
        if len(calls) <= fails:
            return status, {"Content-Type": "text/plain", "Retry-After": "0"}, b"try later"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, (SITE / "news" / page).read_bytes()
    return route


def _slow(handler: BaseHTTPRequestHandler):
    time.sleep(8)  # far beyond the 1.5 s timeout, so a busy machine cannot blur the two
    return 200, {"Content-Type": "text/html"}, b"<html><body>late</body></html>"


def _fault_routes(server) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow:\n", content_type="text/plain")
    server.routes["/flaky500.html"] = _flaky(2, 500)
    # another page: one text under two addresses would be stored once (duplicate)
    server.routes["/flaky429.html"] = _flaky(1, 429, "charcoal-virunga.html")
    server.add("/always500.html", "boom", status=500, content_type="text/plain")
    server.routes["/slow.html"] = _slow
    server.add("/offsite.html", "", status=302, Location="http://elsewhere.invalid/story.html")
    server.add("/image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, content_type="image/png")
    server.add("/big.html", "<html><body>" + "<p>word </p>" * 20000 + "</body></html>")
    french = "Les négociants évoquent la cassitérite, l'or et le coltan exportés à l'étranger. " * 20
    server.add("/latin.html", f"<html><body><article><p>{french}</p></article></body></html>".encode("latin-1"))
    server.add("/empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    items = "".join(f"<item><title>{n}</title><link>/{n}</link></item>" for n in (
        "flaky500.html", "flaky429.html", "always500.html", "slow.html", "offsite.html",
        "image.png", "big.html", "latin.html", "empty.html", "gone.html"))
    server.add("/faults.xml", f"<rss version='2.0'><channel><title>f</title>{items}</channel></rss>",
               content_type="application/rss+xml")


@pytest.mark.slow
def test_each_fault_is_recorded_in_crawl_log_and_never_fatal(http_server, tmp_path):
    _fault_routes(http_server)
    reg = registry(tmp_path, entry("faults", "feed", f"{http_server.url}/faults.xml",
                                   "").replace(
        "concurrency: 8, backoff: 0.01, retries: 2, timeout: 2}",
        # Four at a time: the test server's listen backlog is 5, and a dropped SYN costs a 1 s retransmit.
        "concurrency: 4, backoff: 0.01, retries: 2, timeout: 1.5, max_bytes: 50000}"))
    proc = crawl(reg, "faults", tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    kinds = {name: (r["status"], r["error_kind"]) for name, r in log(tmp_path, "faults").items()}
    assert kinds["flaky500.html"] == (200, None) and kinds["flaky429.html"] == (200, None)
    assert http_server.hits.count("/flaky500.html") == 3  # two retries with backoff, then success
    assert kinds["always500.html"] == (500, "http_error")
    assert http_server.hits.count("/always500.html") == 3
    assert kinds["slow.html"][1] == "timeout"
    assert kinds["offsite.html"] == (None, "offsite")
    assert kinds["image.png"] == (200, "binary")
    assert kinds["big.html"][1] == "too_large"
    assert kinds["latin.html"] == (200, "encoding")
    assert kinds["empty.html"] == (200, "empty")
    assert kinds["gone.html"] == (404, "http_error")
    assert all(r["error"] and "http://" in r["error"] for r in log(tmp_path, "faults").values()
               if r["error_kind"])  # every error names its input
    assert {d["url"].rsplit("/", 1)[-1] for d in docs(tmp_path, "faults")} == {"flaky500.html", "flaky429.html"}


@pytest.mark.slow
def test_private_address_is_refused_unless_the_source_allows_it(http_server, tmp_path):
    serve_site(http_server)
    reg = registry(tmp_path, entry("public-only", "feed", f"{http_server.url}/feed.xml", private=False))
    proc = crawl(reg, "public-only", tmp_path)
    assert proc.returncode == 0
    (row,) = log(tmp_path, "public-only").values()
    assert row["error_kind"] == "private" and "allow_private" in row["error"]
    assert http_server.hits == []  # not even robots.txt


def test_crawl_command_exit_codes_name_the_problem(tmp_path):
    reg = registry(tmp_path, entry("ok", "feed", "http://127.0.0.1:9/feed.xml"))
    bad_id = crawl(reg, "nope", tmp_path)
    assert bad_id.returncode == 2 and "nope" in bad_id.stderr
    bad_reg = tmp_path / "bad.yaml"
    bad_reg.write_text("sources: [{id: X}]")
    proc = crawl(bad_reg, "X", tmp_path)
    assert proc.returncode == 1 and "reliability" in proc.stderr
    bad_date = crawl(reg, "ok", tmp_path, date="2026-13-01")
    assert bad_date.returncode == 2
