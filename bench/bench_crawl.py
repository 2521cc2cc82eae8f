"""Crawl throughput, `python -m bench.bench_crawl`: pages a second through the whole crawl
(fetch, extract, raw store, near-dup marking, lake write) against a bare Scrapy spider that
only fetches the same pages with the same concurrency, both from a local server.

Pages: the 181 real pages of ../shared/corpus/news_html/scrapinghub_aeb when present,
else copies of the project's own fixture articles.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AEB = ROOT.parent / "shared" / "corpus" / "news_html" / "scrapinghub_aeb" / "html"
FIXTURES = ROOT / "tests" / "fixtures" / "spiders" / "site" / "news"
CONCURRENCY = 8
WORKERS = 2


def pages() -> dict[str, bytes]:
    if AEB.is_dir():
        return {f"/a/{p.name.removesuffix('.gz')}": gzip.decompress(p.read_bytes())
                for p in sorted(AEB.glob("*.html.gz"))}
    base = [p.read_bytes() for p in sorted(FIXTURES.glob("*.html"))]
    return {f"/a/{i}.html": base[i % len(base)].replace(b"</h1>", f" {i}</h1>".encode())
            for i in range(180)}


class Server(ThreadingHTTPServer):
    request_queue_size = 256  # a burst of connections must not wait on SYN retransmits
    daemon_threads = True


def serve(routes: dict[str, bytes]) -> Server:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = routes.get(self.path)
            ctype = "application/xml" if self.path.endswith(".xml") else "text/html"
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", ctype if body is not None else "text/plain")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def bare(sitemap_url: str) -> None:
    """Child process: a Scrapy spider that reads the sitemap and only fetches, printing its seconds."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class Bare(scrapy.spiders.SitemapSpider):
        name = "bare"
        sitemap_urls = (sitemap_url,)

        def parse(self, response):  # type: ignore[no-untyped-def]
            return None

    started = time.perf_counter()
    process = CrawlerProcess({"LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 0,
                              "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY, "TELNETCONSOLE_ENABLED": False})
    process.crawl(Bare)
    process.start()
    print(json.dumps({"elapsed_s": time.perf_counter() - started}))


def full_crawl(url: str, workers: int) -> dict:
    """The whole crawl (fetch, extract, raw store, near-dups, lake write) in its own process."""
    with tempfile.TemporaryDirectory() as tmp:
        reg = Path(tmp) / "sources.yaml"
        reg.write_text(f"sources:\n  - {{id: bench, kind: sitemap, url: '{url}/sitemap.xml', reliability: C, "
                       f"allow_private: true, crawl: {{delay: 0, concurrency: {CONCURRENCY}, "
                       f"workers: {workers}}}}}\n")
        return run_child(["-m", "ocwatch.processes.crawl", "crawl", "--source", "bench", "--sources", str(reg),
                          "--date", "2026-06-10", "--lake", f"{tmp}/lake", "--raw", f"{tmp}/raw"])


def run_child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    routes = pages()
    server = serve(routes)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    routes["/sitemap.xml"] = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(
        f"<url><loc>{url}{p}</loc></url>" for p in routes) + "</urlset>").encode()
    n = len(routes) - 1
    base = run_child(["-m", "bench.bench_crawl", "--bare", f"{url}/sitemap.xml"])
    full = {w: full_crawl(url, w) for w in (0, WORKERS)}
    server.shutdown()
    docs = full[WORKERS].get("counts", {}).get("documents", 0)
    print(f"pages: {n} ({'AEB corpus' if AEB.is_dir() else 'fixture copies'}), documents kept: {docs}, "
          f"concurrency {CONCURRENCY}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    base_rate = n / base["elapsed_s"]
    print(f"bare Scrapy, fetch only        : {base['elapsed_s']:6.2f} s {base_rate:7.1f} pages/s")
    for w, out in full.items():
        rate = n / out["elapsed_s"]
        print(f"ocwatch crawl, {w} extract worker(s): {out['elapsed_s']:6.2f} s {rate:7.1f} pages/s"
              f"   ratio to bare {rate / base_rate:.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--bare":
        bare(sys.argv[2])
    else:
        main()
