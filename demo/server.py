"""A small static HTTP server for one demo outlet, on 127.0.0.1, with ETags and deliberate faults.

One server per outlet, because robots.txt is per host. Routes are loaded
from the generated files (see site.py's manifest); a path listed as a fault
answers that status (the demo's broken feed item answers 500), anything
unknown answers 404 like a real site.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from ocwatch.demo.httpserver import LocalHTTPServer

NOT_FOUND = b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>404</h1></body></html>"
ERROR = b"<!DOCTYPE html><html><head><title>Server error</title></head><body><h1>500</h1></body></html>"


@dataclass
class Route:
    content_type: str
    body: bytes
    etag: str


@dataclass
class SiteServer:
    """A threaded HTTP server bound to a free port before its content exists."""

    routes: dict[str, Route] = field(default_factory=dict)
    faults: dict[str, int] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    httpd: LocalHTTPServer | None = None

    @property
    def origin(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> SiteServer:
        self.httpd = LocalHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self.httpd.serve_forever, name="demo-site", daemon=True).start()
        return self

    def load(self, folder: Path, manifest: dict) -> None:
        """Serve the files an outlet's manifest entry lists (replacing what was served)."""
        routes = {}
        for path, entry in manifest["routes"].items():
            body = (folder / entry["file"]).read_bytes()
            routes[path] = Route(entry["type"], body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
        self.routes, self.faults = routes, dict(manifest.get("faults", {}))

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def _handler(site: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "ocwatch-demo/1.0"

        def log_message(self, *args: object) -> None:  # the crawl_log is the record, not stderr
            pass

        def _send(self, status: int, ctype: str, body: bytes, with_body: bool, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def _answer(self, with_body: bool) -> None:
            path = urlsplit(self.path).path  # tracking parameters in feed links are ignored
            site.hits.append(path)
            if path in site.faults:
                self._send(site.faults[path], "text/html; charset=utf-8", ERROR, with_body)
                return
            route = site.routes.get(path)
            if route is None:
                self._send(404, "text/html; charset=utf-8", NOT_FOUND, with_body)
            elif self.headers.get("If-None-Match") == route.etag:
                self._send(304, route.content_type, b"", False, route.etag)
            else:
                self._send(200, route.content_type, route.body, with_body, route.etag)

        def do_GET(self) -> None:
            self._answer(True)

        def do_HEAD(self) -> None:
            self._answer(False)

    return Handler
