"""RSS 2.0, Atom and JSON Feed sources: every item's link is a document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from scrapy.http import Response

from ocwatch.spiders.documents.parse import Hints
from ocwatch.spiders.feeds import FeedError, parse_feed
from ocwatch.spiders.spiders.base import SourceSpider


class FeedSpider(SourceSpider):
    name = "feed"
    index_kind = "feed"
    undated_known_is_unchanged = True

    def parse_index(self, response: Response) -> Iterator[Any]:
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1")
        try:
            entries = parse_feed(response.body, ctype)
        except FeedError as exc:
            yield self.record_index(response, exc)
            return
        yield self.record_index(response)
        for e in entries:
            hints = Hints(title=e.title, author=e.author, published_at=e.published_at)
            try:
                url = urljoin(response.url, e.url)
                # The item's latest date, whichever the feed gives, says whether it changed since.
                req = self.doc_request(url, hints, e.updated_at or e.published_at)
            except ValueError as exc:  # one unusable item costs itself, never the items after it
                req = self.log_row(e.url, kind="bad_url", error=f"{e.url[:500]}: unusable link: {exc}")
            if req is not None:
                yield req
