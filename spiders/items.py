"""Scrapy items derived from the dataset contracts: one Field per declared column, never redeclared."""

from __future__ import annotations

import scrapy

from ocwatch.lake.contracts import CRAWL_LOG, DOCUMENTS, Dataset


def item_class(ds: Dataset, name: str) -> type[scrapy.Item]:
    """A scrapy.Item subclass whose fields are the dataset's columns, each carrying its doc."""
    fields = {col: scrapy.Field(doc=ds.doc_of(col)) for col in ds.columns}
    return type(name, (scrapy.Item,), {"__doc__": ds.doc, "__module__": __name__, **fields})


DocumentItem = item_class(DOCUMENTS, "DocumentItem")
CrawlLogItem = item_class(CRAWL_LOG, "CrawlLogItem")
