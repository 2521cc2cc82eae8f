"""The Scrapy spider for the UN Comtrade v1 data API.

Scrapy gives the pull the same throttling, retry and timeout machinery as the
crawlers. The spider collects rows and outcomes in memory (a pull is a few
hundred calls at most); the CLI writes them to the lake when the crawl ends.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from ocwatch.trade.outcomes import (
    log_row,
    now,
    parse_body,
    records_to_rows,
    save_raw,
    status_kind,
)
from ocwatch.trade.watchlists import Query

KEY_HEADER = "Ocp-Apim-Subscription-Key"


SETTINGS: dict[str, Any] = {
    "ROBOTSTXT_OBEY": False,  # an API, not a site: the key holder's terms apply
    "CONCURRENT_REQUESTS": 1,
    "DOWNLOAD_DELAY": 1.0,  # the keyed API allows about one call a second
    "RANDOMIZE_DOWNLOAD_DELAY": False,
    "DOWNLOAD_TIMEOUT": 120,
    "RETRY_TIMES": 4,
    "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 408],
    "RETRY_BACKOFF_BASE": 1.0,
    "RETRY_BACKOFF_MAX": 60.0,
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "ocwatch.spiders.middlewares.BackoffRetryMiddleware": 550,
    },
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "USER_AGENT": "ocwatch (+trade statistics for peace operations)",
}


class ComtradeSpider(scrapy.Spider):
    name = "comtrade"

    def __init__(self, queries: list[Query], base_url: str, api_key: str, raw_dir: str,
                 flows: list[dict], outcomes: list[dict], **kwargs: Any):
        super().__init__(**kwargs)
        self.queries = queries
        self.base_url = base_url.rstrip("/")
        self._key = api_key  # used in a header only; never logged or stored
        self.raw_dir = raw_dir
        self.flows = flows
        self.outcomes = outcomes

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for query in self.queries:
            yield self._request(query)

    def _request(self, query: Query) -> scrapy.Request:
        return scrapy.Request(
            self.base_url + query.path_and_query(), headers={KEY_HEADER: self._key},
            callback=self.parse, errback=self.failed, dont_filter=True,
            meta={"query": query, "handle_httpstatus_all": True},
        )

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        query: Query = response.meta["query"]
        kind = status_kind(response.status)
        if kind is not None:
            self._log(query, response.status, kind, f"HTTP {response.status} from {self._where(query)}")
            return
        records, kind, error = parse_body(response.body)
        if records is None:
            self._log(query, 200, kind, f"{error} ({self._where(query)})")
            return
        save_raw(self.raw_dir, response.body)
        rows, bad = records_to_rows(records, now())
        self.flows.extend(rows)
        if len(records) >= query.max_records:
            yield from self._split(query, len(records))
            return
        skipped = f"{len(bad)} records skipped: {'; '.join(bad[:3])}" if bad else None
        self._log(query, 200, None, skipped, len(records))

    def _split(self, query: Query, received: int) -> Iterator[scrapy.Request]:
        parts = query.split()
        note = f"{received} records reached the row limit of {self._where(query)}"
        if not parts:
            self._log(query, 200, "truncated", note + "; cannot split further", received)
            return
        # Logged as truncated first; the smaller queries' outcomes come later and supersede it.
        self._log(query, 200, "truncated", note + f"; split into {len(parts)} queries", received)
        for part in parts:
            yield self._request(part)

    def failed(self, failure: Failure) -> None:
        query: Query = failure.request.meta["query"]
        name = type(failure.value).__name__
        kind = "timeout" if "Timeout" in name else "connection" if "Connect" in name or "DNS" in name else "network"
        self._log(query, None, kind, f"{name}: {failure.getErrorMessage()} ({self._where(query)})")

    def _where(self, query: Query) -> str:
        return (f"reporter {query.reporter_iso3} flow {query.flow} periods {','.join(query.periods)}"
                f" codes {','.join(query.hs_codes)}")

    def _log(self, query: Query, status: int | None, kind: str | None, error: str | None,
             rows: int | None = None) -> None:
        self.outcomes.append(log_row(query, self.base_url, status, kind, error, rows))


def run_spider(queries: list[Query], base_url: str, api_key: str, raw_dir: str,
               settings: dict[str, Any] | None = None) -> tuple[list[dict], list[dict]]:
    """Run the pull in this process (once: Twisted's reactor does not restart); (flows, outcomes)."""
    from scrapy.crawler import CrawlerProcess

    flows: list[dict] = []
    outcomes: list[dict] = []
    process = CrawlerProcess({**SETTINGS, **(settings or {})}, install_root_handler=False)
    process.crawl(ComtradeSpider, queries=queries, base_url=base_url, api_key=api_key,
                  raw_dir=raw_dir, flows=flows, outcomes=outcomes)
    process.start()
    return flows, outcomes

