"""XML sitemap sources: sitemap indexes are followed, every ``<url>`` is a document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from ocwatch.spiders.documents.parse import Hints
from ocwatch.spiders.feeds import FeedError, parse_sitemap
from ocwatch.spiders.spiders.base import SourceSpider
from ocwatch.spiders.urls import site_of

MAX_INDEX_DEPTH = 3  # a sitemap index of sitemap indexes, at most; deeper is a loop or a trap


class SitemapSpider(SourceSpider):
    name = "sitemap"
    index_kind = "sitemap"

    def parse_index(self, response: Response) -> Iterator[Any]:
        try:
            kind, entries = parse_sitemap(response.body)
        except FeedError as exc:
            yield self.record_index(response, exc)
            return
        yield self.record_index(response)
        level = response.meta.get("sitemap_level", 0)
        for e in entries:
            url = response.urljoin(e.url)
            if site_of(url) not in self.allowed_sites:
                # The sitemaps protocol only vouches for URLs on the sitemap's own site.
                yield self.log_row(url, kind="offsite",
                                   error=f"{url}: listed by sitemap {response.url} on another site")
                continue
            if kind == "sitemapindex":
                if level < MAX_INDEX_DEPTH:
                    yield self.index_request(url, sitemap_level=level + 1)
                continue
            req = self.doc_request(url, Hints(published_at=e.published_at),
                                   e.updated_at)
            if req is not None:
                yield req
