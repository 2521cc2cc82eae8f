"""Single-document sources (a PDF report, one page): the source URL itself is the document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ocwatch.spiders.spiders.base import SourceSpider


class DocumentSpider(SourceSpider):
    name = "document"

    def seed(self) -> Iterator[Any]:
        req = self.doc_request(self.source.url)
        if req is not None:
            yield req
