"""Downloader middlewares: address safety, off-site redirects, and retries that back off
(robots.txt has a room of its own: robots.py).

Each refusal raises an IgnoreRequest subclass whose ``kind`` becomes the
crawl_log error_kind, so the spider's errback can record it by name.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from ocwatch.spiders.resolver import PublicOnlyResolver
from ocwatch.spiders.urls import DEFAULT_PORTS, is_private_host, origin_port, site_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)
REDIRECT_CODES = (301, 302, 303, 307, 308)


class Refused(IgnoreRequest):
    kind = "refused"


class PrivateAddressRefused(Refused):
    kind = "private"


class OffsiteRedirect(Refused):
    kind = "offsite"


class SchemeRefused(Refused):
    kind = "scheme"


class RobotsUnavailable(Refused):
    # not "robots": a host that never answered is a failure of the night, not a rule kept
    kind = "robots_unavailable"


class BudgetSpent(Refused):
    kind = "budget"


ALLOWED_SCHEMES = ("http", "https")


class _WithCrawler:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _WithCrawler:
        return cls(crawler)


class PrivateAddressMiddleware(_WithCrawler):
    """Refuse loopback and private addresses unless the source allows them (demo, tests, intranets).

    Checked on every request, redirects included, so a public page cannot bounce the crawler inward;
    checked again on the address connected to by PublicOnlyResolver (resolver.py).
    """

    def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        # file://, data:, ftp:// and s3:// would read the worker's own disk or reach past the web:
        # no source needs them, so no source can allow them.
        if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
            raise SchemeRefused(f"{request.url}: only http(s) URLs with a host are fetched")
        source = getattr(self.crawler.spider, "source", None)
        host = parts.hostname
        if source is None or source.allow_private:
            PublicOnlyResolver.trust(host)  # the connection may then reach a private address too
            return
        if is_private_host(host):
            raise PrivateAddressRefused(f"{request.url}: {host} is a private or loopback address "
                                        f"and source {source.id!r} has allow_private: false")


class OffsiteRedirectMiddleware(_WithCrawler):
    """A redirect to another site is recorded as off-site instead of followed.

    Runs before RedirectMiddleware sees the response (higher order number).
    """

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in REDIRECT_CODES or b"Location" not in response.headers:
            return response
        target = urljoin(request.url, response.headers[b"Location"].decode("latin-1"))
        if urlsplit(target).scheme not in ALLOWED_SCHEMES:
            raise SchemeRefused(f"{request.url}: redirect to a non-http(s) URL ({target})")
        allowed = {site_of(request.url), *getattr(self.crawler.spider, "allowed_sites", ())}
        if site_of(target) not in allowed:
            raise OffsiteRedirect(f"{request.url}: redirect to another site ({target})")
        # Another port of the same host is another service (an admin panel, a database): only
        # the port asked for and the web's default ports (http -> https) are the same site.
        ports = {origin_port(request.url), *DEFAULT_PORTS.values()}
        if origin_port(target) not in ports:
            raise OffsiteRedirect(f"{request.url}: redirect to another port of the host ({target})")
        return response


class BudgetMiddleware(_WithCrawler):
    """A source's time budget (``crawl: budget_s``): once spent, every request still queued,
    retries included, is recorded as ``budget`` instead of made, and the source ends with what
    it has. Without it, a feed of never-answering links costs timeout x retries each."""

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        deadline = getattr(spider, "deadline", None)
        if deadline is not None and time.monotonic() > deadline:
            raise BudgetSpent(f"{request.url}: not fetched, source {spider.source.id!r} spent its "
                              f"time budget of {spider.budget_s:g} s (crawl: budget_s)")


class TimingMiddleware:
    """Stamp each attempt as it goes to the network, so crawl_log's elapsed_ms excludes queueing."""

    def process_request(self, request: Request) -> None:
        request.meta["ocw_t0"] = time.monotonic()


def backoff(base: float, cap: float, attempt: int) -> float:
    """Seconds to wait before retry ``attempt + 1``: doubled each time, never over ``cap``."""
    return min(base * 2 ** attempt, cap)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, with exponential backoff (and Retry-After on 429 and 503) between attempts.

    The one retry middleware of every crawl, the Comtrade pull included.
    """

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def _delay(self, request: Request, response: Response | None) -> float:
        delay = backoff(self.base, self.cap, request.meta.get("retry_times", 0))
        header = response.headers.get(b"Retry-After") if response is not None else None
        try:
            asked = float(header.strip()) if header else None
        except ValueError:
            asked = None  # an HTTP date or garbage: keep our own backoff
        if asked is not None and asked >= 0:
            delay = max(delay, asked)
        return min(delay, self.cap)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await sleep(self._delay(request, response))
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await sleep(self._delay(request, None))
        return retry
