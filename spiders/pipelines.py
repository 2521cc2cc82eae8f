"""Item pipeline: collect the crawl's rows and write the lake parts once, when the spider closes.

A clean close replaces the source's parts. A stop that was asked for (SIGTERM, Airflow's task
timeout, or Ctrl-C: Scrapy's close reason ``shutdown``) keeps what was fetched: it is merged
into the earlier parts of the date, which it never shrinks, and crawl_log says the crawl was
``interrupted``. A crash or SIGKILL runs no code at all, so the earlier parts stay as they were.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from ocwatch.spiders.items import DocumentItem
from ocwatch.spiders.output import write_crawl

log = logging.getLogger(__name__)
# Close reasons after which the rows are complete enough to replace the previous parts.
CLEAN_REASONS = ("finished", "closespider_pagecount", "closespider_itemcount", "closespider_timeout")
# Close reasons of a stop that was asked for: what was fetched is kept, as a partial crawl.
STOP_REASONS = ("shutdown",)


class LakePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.docs: dict[str, dict[str, Any]] = {}
        self.logs: list[dict[str, Any]] = []
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LakePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, DocumentItem):
            self.docs[item["doc_id"]] = dict(item)  # one row per identity, even if reached twice
        else:
            self.logs.append(dict(item))
        return item

    def spider_closed(self, spider: Any, reason: str) -> None:
        outcome = spider.outcome
        outcome["reason"] = reason
        stopped = reason in STOP_REASONS
        if (reason not in CLEAN_REASONS and not stopped) or spider.lake is None:
            log.error("crawl of %s ended with %r: nothing written", spider.source.id, reason)
            outcome["written"] = False
            return
        logs = self.logs + getattr(spider, "unchanged", [])
        if stopped:
            # Half a crawl must not replace a good partition, nor be lost: it is merged in.
            log.error("crawl of %s was stopped (%s): keeping the %d documents fetched so far",
                      spider.source.id, reason, len(self.docs))
            logs.append(dict(spider.log_row(
                spider.source.url, kind="interrupted",
                error=f"crawl of source {spider.source.id!r} stopped ({reason}) before it finished: "
                      f"{len(self.docs)} documents fetched were kept, requests still queued were not made")))
            outcome["interrupted"] = True
        outcome["counts"] = write_crawl(spider.lake, spider.run_date, spider.source.id,
                                        list(self.docs.values()), logs, spider.history, merge=stopped,
                                        aliases=getattr(spider, "identity_of", None))
        outcome["written"] = True
