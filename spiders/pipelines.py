"""Item pipeline: collect the crawl's rows and write the lake parts once, when the spider closes cleanly."""

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
        if reason not in CLEAN_REASONS or spider.lake is None:
            # An interrupted crawl must not replace a good partition with half of one.
            log.error("crawl of %s ended with %r: nothing written", spider.source.id, reason)
            outcome["written"] = False
            return
        logs = self.logs + getattr(spider, "unchanged", [])
        outcome["counts"] = write_crawl(spider.lake, spider.run_date, spider.source.id,
                                        list(self.docs.values()), logs, spider.history,
                                        aliases=getattr(spider, "identity_of", None))
        outcome["written"] = True
