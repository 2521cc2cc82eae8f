"""Extraction off the reactor: a small process pool, so parsing one page overlaps fetching the next.

Extraction is CPU-bound (trafilatura, pypdf, language id) and would otherwise
stall Twisted's single thread. A worker that dies on a hostile page costs that
page (recorded as ``parse_error``), never the crawl: the pool is rebuilt.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.utils.asyncio import is_asyncio_available

from ocwatch.spiders.documents.parse import Extracted, ExtractionError, Hints, extract_document

log = logging.getLogger(__name__)


class ExtractorPool:
    """``await pool.extract(...)``: extract_document in a worker process, or inline with 0 workers."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver, not fork: forking a process that runs a reactor and threads is unsafe.
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["ocwatch.spiders.documents.parse"])
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx)
        return self._pool

    async def extract(self, body: bytes, content_type: str | None, url: str, language: str,
                      hints: Hints | None, not_after: dt.datetime | None = None) -> Extracted:
        if self.workers <= 0 or not is_asyncio_available():
            return extract_document(body, content_type, url, language, hints, not_after)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor(), extract_document, body, content_type,
                                              url, language, hints, not_after)
        except BrokenProcessPool:
            log.error("extraction worker died on %s; restarting the pool", url)
            self.close()
            raise ExtractionError("parse_error", "the extraction worker crashed on this page") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
