"""The threaded HTTP server every local site uses: the demo, the Comtrade fake, tests and benchmarks."""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer sized for a crawler's concurrency.

    The standard library keeps only 5 pending connections; a crawl with 8 or
    16 requests in flight then sees refused connects, each costing a retry
    delay, which made timings and timeout tests flaky.
    """

    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A client that gave up (timeout, cancelled crawl) resets the connection while we answer:
        # that is the client's record to keep, not a server fault worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class RouteHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD with ``route()``'s (status, headers, body); logs nothing.

    Subclasses define ``route``; the request log stays quiet because the
    crawl_log is the record (and request lines can carry keys).
    """

    def route(self) -> tuple[int, dict[str, str], bytes]:
        raise NotImplementedError

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, with_body: bool) -> None:
        status, headers, body = self.route()
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body and body:
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)
