"""The identity a page declares for itself: `<link rel="canonical">`, else `<meta property="og:url">`.

Used only when it names the same site as the page (host equal once a leading
www., m., mobile. or amp. is dropped; scheme and port may differ): a page
cannot claim another site's identity, and so cannot push an article of
another site out of the lake or take its place. Only the head of the page is
read (the first HEAD_BYTES), with a plain scan instead of a parser, so a
hostile page costs no more than that.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from ocwatch.spiders.urls import canonical_url

HEAD_BYTES = 256 * 1024
_TAG = re.compile(rb"<(link|meta)\b([^<>]{0,2000})>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_MIRROR_PREFIXES = ("www.", "m.", "mobile.", "amp.")


def site_key(url: str) -> str:
    """The host a site is known by: lower case, without a leading www., m., mobile. or amp."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    changed = True
    while changed:
        changed = False
        for prefix in _MIRROR_PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host, changed = host[len(prefix):], True
    return host


def _attrs(raw: bytes) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(raw):
        value = next(v for v in m.groups()[1:] if v is not None)
        out[m[1].decode("ascii", "replace").lower()] = html.unescape(value.decode("utf-8", "replace")).strip()
    return out


def _declared(head: bytes) -> tuple[str | None, str | None]:
    canonical = og_url = None
    for m in _TAG.finditer(head):
        attrs = _attrs(m[2])
        if m[1].lower() == b"link" and "canonical" in attrs.get("rel", "").lower().split():
            canonical = canonical or attrs.get("href")
        elif attrs.get("property", attrs.get("name", "")).lower() == "og:url":
            og_url = og_url or attrs.get("content")
    return canonical, og_url


def declared_identity(body: bytes, page_url: str) -> str | None:
    """The canonical URL the page gives for itself, when it is http(s) on the page's own site; else None."""
    for candidate in _declared(body[:HEAD_BYTES]):
        if not candidate:
            continue
        url = urljoin(page_url, candidate)
        if urlsplit(url).scheme not in ("http", "https") or site_key(url) != site_key(page_url):
            continue
        try:
            return canonical_url(url)
        except ValueError:
            continue
    return None
