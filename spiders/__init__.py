"""Crawling: the sources registry, Scrapy spiders and the lake writers for documents and crawl_log."""
