"""One spider per source kind; ``SPIDERS`` maps a registry ``kind`` to its class."""

from __future__ import annotations

from spiders.spiders.base import SourceSpider
from spiders.spiders.document import DocumentSpider
from spiders.spiders.feed import FeedSpider
from spiders.spiders.listing import ListingSpider
from spiders.spiders.sitemap import SitemapSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    "feed": FeedSpider,
    "sitemap": SitemapSpider,
    "listing": ListingSpider,
    "document": DocumentSpider,
}

__all__ = ["SPIDERS", "DocumentSpider", "FeedSpider", "ListingSpider", "SitemapSpider", "SourceSpider"]
