"""The spider every source kind builds on: document requests, extraction, and one crawl_log row per outcome.

Subclasses only say how an index page (feed, sitemap, listing) yields document
URLs; fetching, incremental checks, raw storage, extraction and error
recording are here, so every kind behaves the same way.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.asyncio import is_asyncio_available
from twisted.python.failure import Failure

from ocwatch.lake.location import Lake
from ocwatch.spiders.documents.canonical import declared_identity
from ocwatch.spiders.documents.pagekind import LISTING
from ocwatch.spiders.documents.parse import ExtractionError, Hints
from ocwatch.spiders.documents.workers import ExtractorPool
from ocwatch.spiders.history.lookup import History, Known
from ocwatch.spiders.items import CrawlLogItem, DocumentItem
from ocwatch.spiders.middlewares import Refused
from ocwatch.spiders.rawstore import store_raw
from ocwatch.spiders.registry import Source
from ocwatch.spiders.resolver import PublicOnlyResolver
from ocwatch.spiders.urls import canonical_url, doc_id, site_of, strip_credentials

DEFAULT_MAX_PAGES = 2000  # documents per source and run: a runaway listing stops here
# Seconds a source may crawl (crawl: budget_s): under the crawl task's 45-minute Airflow
# timeout, so a source that never answers ends by itself and writes what it fetched.
DEFAULT_BUDGET_S = 1800.0


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _ignored_kind(message: str) -> str:
    # Scrapy says why it dropped a request only in words; these are its words (scrapy 2.13+).
    if "robots.txt" in message:
        return "robots"
    if "max redirections" in message:
        return "redirect_loop"
    if "DOWNLOAD_MAXSIZE" in message:  # a compressed body (gzip bomb) that inflates past the cap
        return "too_large"
    return "ignored"


def _rebound(failure: Failure) -> str | None:
    """Why a lookup failed, when it failed because the name turned private at connection time."""
    url = getattr(getattr(failure, "request", None), "url", "")
    if not isinstance(failure.value, CannotResolveHostError) or not url:
        return None
    address = PublicOnlyResolver.refusal(urlsplit(url).hostname)
    if address is None:
        return None
    return (f"{url}: resolved to the private address {address} when connecting, after a public one when "
            "checked (DNS rebinding?); the source has allow_private: false")


def classify_failure(failure: Failure) -> tuple[int | None, str, str, int | None]:
    """(status, error_kind, message, bytes) of a failed request, for crawl_log."""
    exc = failure.value
    if isinstance(exc, HttpError):
        resp = exc.response
        kind = "not_modified" if resp.status == 304 else "http_error"
        asked = getattr(getattr(failure, "request", None), "url", resp.url)
        where = f" (after redirects: {resp.url})" if resp.url != asked else ""
        return resp.status, kind, f"HTTP {resp.status}{where}", len(resp.body)
    if isinstance(exc, Refused):
        return None, exc.kind, str(exc), None
    if isinstance(exc, IgnoreRequest):
        return None, _ignored_kind(str(exc)), str(exc), None
    rebound = _rebound(failure)
    if rebound:
        return None, "private", rebound, None
    kinds = [(DownloadTimeoutError, "timeout"), (TimeoutError, "timeout"),
             (CannotResolveHostError, "dns"), (DownloadConnectionRefusedError, "refused"),
             (DownloadCancelledError, "too_large")]
    for cls, kind in kinds:
        if isinstance(exc, cls):
            return None, kind, f"{type(exc).__name__}: {exc}", None
    return None, "network", f"{type(exc).__name__}: {exc}", None


class SourceSpider(scrapy.Spider):
    """Crawls one registry source; subclasses implement ``parse_index``."""

    name = "source"
    # Feeds list an item again with a newer date when it changes; an undated known item has not.
    undated_known_is_unchanged = False
    index_kind: str | None = None  # crawl_log.page_kind of this kind's index pages

    def __init__(self, source: Source, raw_root: str, history: History | None = None,
                 lake: Lake | None = None, run_date: dt.date | None = None,
                 outcome: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(name=f"{self.name}-{source.id}", **kwargs)
        self.source = source
        self.raw_root = raw_root
        self.history = history or History()
        self.lake = lake
        self.run_date = run_date
        self.outcome = outcome if outcome is not None else {}
        self.allowed_sites = {site_of(source.url)}
        self.max_pages = int(source.crawl.get("max_pages", DEFAULT_MAX_PAGES))
        self.budget_s = float(source.crawl.get("budget_s", DEFAULT_BUDGET_S))
        self.deadline: float | None = None  # set when the crawl starts (BudgetMiddleware reads it)
        self.scheduled = 0
        self.seen: set[str] = set()
        self.kept: set[str] = set()  # doc ids yielded: a second address of one identity is a duplicate
        self.identity_of: dict[str, str] = {}  # canonical logged URL -> document identity, where they differ
        # crawl_log rows of index entries never requested: known and unchanged (most of a big
        # index on later nights) or past max_pages. They go straight to the lake writer (LakePipeline) instead of through
        # Scrapy's item machinery, which cost more per row than the whole decision.
        self.unchanged: list[dict[str, Any]] = []
        self._extractor: ExtractorPool | None = None

    async def start(self) -> AsyncIterator[Any]:
        self.deadline = time.monotonic() + self.budget_s
        if is_asyncio_available():
            self.extractor.prestart()  # the worker starts while robots.txt and the index are fetched
        for item in self.seed():
            yield item

    def seed(self) -> Iterator[Any]:
        yield self.index_request(self.source.url)

    def index_request(self, url: str, **meta: Any) -> Request:
        """A feed, sitemap or listing page: always fetched, never a document itself."""
        return Request(url, callback=self.parse_index, errback=self.on_error,
                       meta={"role": "index", **meta})

    def parse_index(self, response: Response) -> Iterator[Any]:
        raise NotImplementedError

    # --- documents -------------------------------------------------------------

    def log_row(self, url: str, status: int | None = None, kind: str | None = None,
                error: str | None = None, nbytes: int | None = None,
                elapsed_ms: float | None = None, page_kind: str | None = None) -> CrawlLogItem:
        # A URL's user and password (a feed can carry them) are never written down.
        return CrawlLogItem(url=strip_credentials(url), source_id=self.source.id, status=status,
                            error_kind=kind, error=strip_credentials(error) if error else error,
                            bytes=nbytes, elapsed_ms=elapsed_ms, fetched_at=now(), page_kind=page_kind)

    def _unchanged(self, known: Known | None, updated: dt.datetime | None) -> dict[str, str] | None:
        """None to fetch unconditionally, {} to skip without a request, else conditional-GET headers.

        The index's own date decides first: an entry dated no later than the
        known copy's fetch changed nothing since, so it costs no request at all
        (item 6 of docs/SCALE.md). Only entries the index dates later, or does
        not date, are asked again, with validators when the known copy had any.
        """
        if known is None:
            return None
        fetched = known.fetched_at if known.fetched_at.tzinfo else known.fetched_at.replace(tzinfo=dt.UTC)
        if updated is not None and updated.tzinfo is None:
            updated = updated.replace(tzinfo=dt.UTC)
        if updated is not None and updated <= fetched:
            return {}
        if updated is None and self.undated_known_is_unchanged:
            return {}
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        if headers:
            return headers
        return None if updated is not None else {}

    def doc_request(self, url: str, hints: Hints | None = None, updated: dt.datetime | None = None,
                    **meta: Any) -> Request | CrawlLogItem | None:
        """A request for a document, unless it is a repeat, over the page cap, or known and unchanged."""
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme not in ("http", "https"):  # javascript:, mailto:, tel:, urn: items are not pages
            return self.log_row(url, kind="scheme", error=f"{url[:500]}: not an http(s) link; not fetched")
        # A user and password in a feed's link are not ours to send on, nor to write down.
        url = strip_credentials(url)
        try:
            canon = canonical_url(url)
        except ValueError as exc:  # a bad port or IPv6 literal in one link must not sink the index
            return self.log_row(url, kind="bad_url", error=f"{url}: unusable URL: {exc}")
        if canon in self.seen:
            return None
        self.seen.add(canon)
        if self.scheduled >= self.max_pages:
            self.outcome["capped"] = self.outcome.get("capped", 0) + 1
            self.unchanged.append(dict(self.log_row(
                url, kind="max_pages", error=f"{url}: not fetched, source {self.source.id!r} reached "
                                             f"max_pages ({self.max_pages}) this run")))
            return None
        known = self.history.known.get(canon)  # one indexed lookup (ocwatch.spiders.history.known_urls)
        conditional = self._unchanged(known, updated)
        if conditional == {}:
            assert known is not None
            self.unchanged.append(dict(self.log_row(
                url, kind="not_modified", error=f"{url}: already fetched {known.fetched_at:%Y-%m-%d}, "
                                                "known and unchanged per the index (no request)")))
            return None
        self.scheduled += 1
        # dont_filter: ``seen`` already drops repeats by canonical URL, and Scrapy's filter would
        # drop the second visit of a redirect loop silently, leaving no crawl_log row at all.
        return Request(url, callback=self.parse_document, errback=self.on_error,
                       headers=conditional or None, dont_filter=True,
                       meta={"role": "document", "hints": hints or Hints(), "canon": canon, **meta})

    def _elapsed(self, request: Request) -> float | None:
        t0 = request.meta.get("ocw_t0")
        return round((time.monotonic() - t0) * 1000, 1) if t0 else None

    @property
    def extractor(self) -> ExtractorPool:
        if self._extractor is None:
            settings = self.crawler.settings
            self._extractor = ExtractorPool(settings.getint("EXTRACT_WORKERS", 1),
                                            settings.getfloat("EXTRACT_TIMEOUT", 20.0),
                                            settings.getint("EXTRACT_MEMORY_MB", 2048))
        return self._extractor

    def closed(self, reason: str) -> None:
        if self._extractor is not None:
            self._extractor.close()

    async def parse_document(self, response: Response) -> AsyncIterator[Any]:
        url = response.request.url if response.request else response.url
        canon = response.meta.get("canon") or canonical_url(url)
        elapsed = self._elapsed(response.request) if response.request else None
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        nbytes, fetched_at = len(response.body), now()
        try:
            sha, rel = store_raw(self.raw_root, response.body)
            out = await self.extractor.extract(response.body, ctype, response.url,
                                               self.source.language, response.meta.get("hints"),
                                               fetched_at)
        except ExtractionError as exc:
            yield self.log_row(url, response.status, exc.kind, f"{url}: {exc}", nbytes, elapsed)
            return
        if out.page_kind == LISTING:
            # Not an error and not a document: its teasers would otherwise count as stories
            # (the listing spider still follows its links).
            note = f"{url}: not a document; " + "; ".join(out.notes)
            yield self.log_row(url, response.status, None, note, nbytes, elapsed, page_kind=LISTING)
            return
        canon = self._identity(response, url, canon, ctype)
        if doc_id(canon) in self.kept:  # two addresses that declare one identity: counted once
            yield self.log_row(url, response.status, "duplicate",
                               f"{url}: same page as {canon} (its canonical link): counted once", nbytes, elapsed)
            return
        self.kept.add(doc_id(canon))
        header = response.headers.get
        yield DocumentItem(
            doc_id=doc_id(canon), url=canon, source_id=self.source.id, title=out.title,
            author=out.author, published_at=out.published_at, fetched_at=fetched_at,
            language=out.language, text=out.text, content_type=ctype, content_sha256=sha,
            raw_path=rel, near_dup_of=None,
            etag=(header(b"ETag") or b"").decode("latin-1") or None,
            last_modified=(header(b"Last-Modified") or b"").decode("latin-1") or None)
        # Kept, so error_kind stays NULL; what was doubted (a future date, a page cap) is still said.
        note = f"{url}: kept; " + "; ".join(out.notes) if out.notes else None
        yield self.log_row(url, response.status, None, note, nbytes, elapsed, page_kind=out.page_kind)

    def _identity(self, response: Response, url: str, canon: str, ctype: str | None) -> str:
        """The page's own canonical link or og:url when it names this site (spiders/documents/canonical.py), else ``canon``.

        Remembers which logged URL became which identity, so that the lake writer
        can find the crawl_log row of a document it drops as a repeat.
        """
        if "html" in (ctype or "text/html").lower():
            canon = declared_identity(response.body, response.url) or canon
        try:
            logged = canonical_url(url)
        except ValueError:
            return canon
        if logged != canon:
            self.identity_of[logged] = canon
        return canon

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        status, kind, message, nbytes = classify_failure(failure)
        # The row names the URL that was asked for (the feed's link), not where redirects ended.
        asked = (request.meta.get("redirect_urls") or [request.url])[0]
        if asked != request.url and request.url not in message:
            message = f"{message} (after redirects: {request.url})"
        if not message.startswith(asked):
            message = f"{asked}: {message}"
        yield self.log_row(asked, status, kind, message, nbytes, self._elapsed(request))

    def record_index(self, response: Response, error: Exception | None = None) -> CrawlLogItem:
        """Keep an index page's bytes for provenance and log its outcome."""
        store_raw(self.raw_root, response.body)
        kind = "parse_error" if error else None
        message = f"{response.url}: {error}" if error else None
        return self.log_row(response.url, response.status, kind, message, len(response.body),
                            self._elapsed(response.request) if response.request else None,
                            page_kind=None if error else self.index_kind)
