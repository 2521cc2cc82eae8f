"""Listing-page sources: links are followed by the source's allow/deny rules to ``max_depth`` hops.

Pagination pages (``follow.listing`` patterns) are indexes: they are followed
without counting a hop and are not documents; every other page reached is a
document candidate (an empty extraction is logged as ``empty``).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from ocwatch.spiders.spiders.base import SourceSpider
from ocwatch.spiders.urls import site_of


class ListingSpider(SourceSpider):
    name = "listing"
    index_kind = "listing"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rules = self.source.follow
        self.listing_res = [re.compile(p) for p in rules.listing]
        # No allow rules means every on-site link; with rules, pagination must still get through.
        allow = [*rules.allow, *rules.listing] if rules.allow else []
        self.links = LinkExtractor(allow=allow,
                                       deny=list(rules.deny))

    def is_listing(self, url: str) -> bool:
        return any(r.search(url) for r in self.listing_res)

    def follow_links(self, response: Response, hops: int) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            return
        for link in self.links.extract_links(response):
            if site_of(link.url) not in self.allowed_sites:
                continue  # by site, not by host:port: LinkExtractor's allow_domains rejects ports
            if self.is_listing(link.url):
                yield self.index_request(link.url, hops=hops)
            elif hops < self.source.follow.max_depth:
                req = self.doc_request(link.url, hops=hops + 1)
                if req is not None:
                    yield req

    def parse_index(self, response: Response) -> Iterator[Any]:
        yield self.record_index(response)
        yield from self.follow_links(response, response.meta.get("hops", 0))

    async def parse_document(self, response: Response) -> AsyncIterator[Any]:
        async for item in super().parse_document(response):
            yield item
        for item in self.follow_links(response, response.meta.get("hops", 1)):
            yield item
