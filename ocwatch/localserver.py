"""The threaded HTTP server every local site uses: the demo, the Comtrade fake, tests and benchmarks."""

from __future__ import annotations

from http.server import ThreadingHTTPServer


class LocalHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer sized for a crawler's concurrency.

    The standard library keeps only 5 pending connections; a crawl with 8 or
    16 requests in flight then sees refused connects, each costing a retry
    delay, which made timings and timeout tests flaky.
    """

    request_queue_size = 128
    daemon_threads = True
