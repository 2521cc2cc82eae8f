"""Feed and sitemap parsing into plain entries: RSS 2.0 and Atom (feedparser), JSON Feed, XML sitemaps."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import zlib
from dataclasses import dataclass
from typing import Any

import feedparser
from scrapy.utils.sitemap import Sitemap

from ocwatch.spiders.documents.parse import parse_when

# The sitemaps protocol caps a sitemap at 50 MB uncompressed; more from a small .gz is a bomb.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class FeedError(ValueError):
    """A body that is not a readable feed or sitemap."""


@dataclass(frozen=True)
class Entry:
    """One item of a feed or sitemap: where the document is and what the index said about it."""

    url: str
    title: str | None = None
    author: str | None = None
    published_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


def _struct(value: Any) -> dt.datetime | None:
    # feedparser normalises every date format it knows to a UTC struct_time.
    return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC) if value else None


def _json_author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
    return ", ".join(names) or None


def parse_json_feed(body: bytes) -> list[Entry]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise FeedError(f"not JSON: {exc}") from None
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise FeedError("JSON without a jsonfeed.org version")
    items = data.get("items") or []
    if not isinstance(items, list):  # e.g. "items": Infinity (found by fuzzing)
        raise FeedError(f"JSON Feed 'items' is a {type(items).__name__}, not a list")
    entries = []
    for item in items:
        url = item.get("url") or item.get("external_url") if isinstance(item, dict) else None
        if isinstance(url, str) and url:
            entries.append(Entry(url, item.get("title") or None, _json_author(item),
                                 parse_when(item.get("date_published")), parse_when(item.get("date_modified"))))
    return entries


def parse_xml_feed(body: bytes) -> list[Entry]:
    try:
        parsed = feedparser.parse(body)  # bytes, never a URL: feedparser must not fetch anything itself
    except Exception as exc:  # its loose parser has raised odd types on fuzzed input
        raise FeedError(f"unreadable feed: {type(exc).__name__}: {exc}") from None
    # .get, not attributes: an empty body leaves no 'version' key at all (found by fuzzing).
    if not parsed.get("version") and not parsed.get("entries"):
        raise FeedError(f"not an RSS or Atom feed ({parsed.get('bozo_exception', 'unknown format')})")
    entries = []
    for e in parsed.entries:
        url = e.get("link") or (e.get("id") if str(e.get("id", "")).startswith("http") else None)
        if url:
            entries.append(Entry(url, e.get("title") or None, e.get("author") or None,
                                 _struct(e.get("published_parsed")) or _struct(e.get("updated_parsed")),
                                 _struct(e.get("updated_parsed"))))
    return entries


def parse_feed(body: bytes, content_type: str | None = None) -> list[Entry]:
    """Entries of an RSS 2.0, Atom or JSON Feed body; FeedError when it is none of them."""
    if body.lstrip()[:1] == b"{" or "json" in (content_type or ""):
        return parse_json_feed(body)
    return parse_xml_feed(body)


def gunzip_bounded(body: bytes, max_size: int = MAX_SITEMAP_BYTES) -> bytes:
    """A gzip body inflated to at most max_size bytes; FeedError beyond that or when broken."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(body, max_size + 1)
    except zlib.error as exc:
        raise FeedError(f"broken gzip sitemap: {exc}") from None
    if len(out) > max_size:
        raise FeedError(f"gzip sitemap inflates beyond {max_size} bytes: refused (gzip bomb)")
    return out


def parse_sitemap(body: bytes, max_size: int = MAX_SITEMAP_BYTES) -> tuple[str, list[Entry]]:
    """('urlset' | 'sitemapindex', entries) of an XML sitemap, gzipped or not."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip_bounded(body, max_size)
    try:
        sitemap = Sitemap(body)
    except Exception as exc:  # lxml raises several types on non-XML bodies
        raise FeedError(f"not an XML sitemap: {exc}") from None
    if sitemap.type not in ("urlset", "sitemapindex"):
        raise FeedError(f"not an XML sitemap (root element {sitemap.type!r})")
    entries = [Entry(d["loc"], published_at=parse_when(d.get("lastmod")),
                     updated_at=parse_when(d.get("lastmod"))) for d in sitemap if d.get("loc")]
    return sitemap.type, entries
