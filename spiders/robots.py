"""robots.txt kept strictly (RFC 9309): a host whose robots.txt answers 5xx or never answers
is not crawled, and "never" has a deadline of its own.

Scrapy allows a host whose robots.txt could not be fetched, and leaves the wait to the
downloader's timeout. Here an unreachable robots.txt disallows the host, and the probe is
also bounded by a deadline computed from the source's own settings (timeout x attempts plus
the backoff between them), so an answer that arrives after it cannot open the host for the
night, whatever the downloader's timers do in a process crawling several sources at once.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from ocwatch.spiders.middlewares import PrivateAddressRefused, Refused, RobotsUnavailable, backoff
from ocwatch.spiders.resolver import PublicOnlyResolver

log = logging.getLogger(__name__)
SLACK_S = 1.0  # scheduling slack on top of the sum of attempts and backoffs


class Unreachable:
    """The robots.txt of a host that answered 5xx or never answered: nothing is allowed."""

    def __init__(self, why: str, refusal: type[Refused] = RobotsUnavailable) -> None:
        self.why = why
        self.refusal = refusal

    def allowed(self, url: str, user_agent: str | bytes) -> bool:
        return False


def probe_deadline(settings: BaseSettings) -> float:
    """Seconds a robots.txt probe may take in all: every attempt timing out, with the backoff
    waits between attempts (as BackoffRetryMiddleware spaces them)."""
    timeout = settings.getfloat("DOWNLOAD_TIMEOUT")
    retries = settings.getint("RETRY_TIMES") if settings.getbool("RETRY_ENABLED", True) else 0
    base, cap = settings.getfloat("RETRY_BACKOFF_BASE", 1.0), settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
    waits = sum(backoff(base, cap, attempt) for attempt in range(retries))
    return timeout * (retries + 1) + waits + SLACK_S


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt handling, except that a robots.txt that answers 5xx, never answers,
    or has not answered by ``probe_deadline`` disallows the whole host (RFC 9309, 2.3.1.4)
    instead of allowing it; 4xx still allows all. Each request refused so is recorded as
    ``robots_unavailable``, saying why."""

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            # Every request of the host, the first included, waits on the verdict, not on the
            # download: the deadline can then settle it while the download still hangs.
            self._parsers[netloc] = Deferred()
            deadline = probe_deadline(self.crawler.settings)
            timer = call_later(deadline, self._expire, netloc, deadline)
            deferred_from_coro(self._probe(request, netloc)).addBoth(lambda _: timer.cancel())
        if self._pending(netloc):
            # Read the verdict from the table, not from the Deferred's result: its first waiter's
            # callback passes None down the chain, and None means "allowed" to every later waiter.
            await maybe_deferred_to_future(self._parsers[netloc])
        return self._parsers[netloc]

    async def _probe(self, request: Request, netloc: str) -> None:
        robots = Request(f"{urlparse_cached(request).scheme}://{netloc}/robots.txt", priority=self.DOWNLOAD_PRIORITY,
                         meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)
        try:
            await self._parse_robots(await self.crawler.engine.download_async(robots), netloc, request)
        except Exception as exc:  # every failure is a verdict on the host, recorded with each refusal
            log.info("robots.txt of %s: %s", netloc, exc)
            self._robots_error(exc, netloc)
        self._stats.inc_value("robotstxt/request_count")

    def _expire(self, netloc: str, deadline: float) -> None:
        if self._pending(netloc):
            self._settle(netloc, Unreachable(f"did not answer within {deadline:g} s"))

    def _pending(self, netloc: str) -> bool:
        return isinstance(self._parsers.get(netloc), Deferred)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if not self._pending(netloc):
            return  # answered after the deadline: the host stays refused for this crawl
        if response.status >= 500:
            self._settle(netloc, Unreachable(f"answered HTTP {response.status}"))
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if not self._pending(netloc):
            return
        if isinstance(exc, IgnoreRequest):  # refused by our own rules (a redirect elsewhere): as Scrapy does
            super()._robots_error(exc, netloc)
            return
        rebound = PublicOnlyResolver.refusal(urlsplit(f"//{netloc}").hostname)
        if rebound:  # the host itself is refused: say so, not that robots.txt was silent
            self._settle(netloc, Unreachable(f"resolved to the private address {rebound} when connecting, after a "
                                             "public one when checked (DNS rebinding?)", PrivateAddressRefused))
            return
        self._settle(netloc, Unreachable(f"did not answer ({type(exc).__name__})"))

    def _settle(self, netloc: str, parser: Unreachable) -> None:
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser  # type: ignore[assignment]
        waiting.callback(parser)  # type: ignore[union-attr]

    def process_request_2(self, rp: object, request: Request) -> None:
        if isinstance(rp, Unreachable):
            parts = urlsplit(request.url)
            if rp.refusal is not RobotsUnavailable:
                raise rp.refusal(f"{request.url}: {parts.hostname} {rp.why}")
            raise RobotsUnavailable(f"{request.url}: robots.txt of {parts.hostname}:{parts.port or 'default port'} "
                                    f"{rp.why}: the host is not crawled (RFC 9309)")
        super().process_request_2(rp, request)  # type: ignore[arg-type]
