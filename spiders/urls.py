"""URL identity and address checks.

The canonical URL is a document's identity: the same article reached through a
feed with ``?utm_source=rss`` and through a sitemap must be one document.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Campaign and click identifiers: they name how a reader arrived, never what was read.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "_hs")
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ocid", "cmpid", "_ga",
    "_gl", "ito", "at_medium", "at_campaign", "xtor", "ns_mchannel", "ns_source",
    "ns_campaign", "ns_linkname", "ns_fee", "smid",
})
DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped, query sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal keeps its brackets
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _is_tracking(k)])
    return canonicalize_url(urlunsplit((scheme, netloc, parts.path or "/", query, "")))


def doc_id(url: str) -> str:
    """A document's identity: sha256 of its canonical URL."""
    return hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()


def site_of(url: str) -> str:
    """Host without a leading ``www.``: redirects within one site are not off-site."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


# user:password@ in an authority: the part of a URL that must never be written down.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s@]*@")


def strip_credentials(text: str) -> str:
    """``text`` with the user and password of every URL in it removed (for logs and crawl_log)."""
    return _USERINFO.sub(r"\1", text) if "@" in text else text


def origin_port(url: str) -> int | None:
    """The port a URL reaches (the scheme's default when none is written); None if unusable."""
    parts = urlsplit(url)
    try:
        return parts.port or DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None


def is_private_address(ip: str) -> bool:
    """True for a loopback, private, link-local, reserved or multicast address (an IP literal)."""
    addr = ipaddress.ip_address(ip)
    return not addr.is_global or addr.is_multicast


@lru_cache(maxsize=1024)
def is_private_host(host: str) -> bool:
    """True when the host is, or resolves to, a loopback, private, link-local or reserved address.

    Unresolvable names are not private: the download itself will then fail as a DNS error.
    """
    host = host.strip("[]")
    try:
        return is_private_address(host)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError:
        return False
    return any(is_private_address(info[4][0]) for info in infos)
