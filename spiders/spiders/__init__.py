"""One spider per source kind; ``SPIDERS`` maps a registry ``kind`` to its class."""

from __future__ import annotations

from ocwatch.spiders.spiders.base import SourceSpider
from ocwatch.spiders.spiders.document import DocumentSpider
from ocwatch.spiders.spiders.feed import FeedSpider
from ocwatch.spiders.spiders.listing import ListingSpider
from ocwatch.spiders.spiders.sitemap import SitemapSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    "feed": FeedSpider,
    "sitemap": SitemapSpider,
    "listing": ListingSpider,
    "document": DocumentSpider,
}

__all__ = ["SPIDERS", "DocumentSpider", "FeedSpider", "ListingSpider", "SitemapSpider", "SourceSpider"]
