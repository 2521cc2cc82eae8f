"""The address checked is the address connected to.

PrivateAddressMiddleware resolves a request's host before the download, and the download
resolves it again to connect. A name that answers a public address the first time and a
private one the second (DNS rebinding) would pass the check and reach inside. This resolver,
the one the reactor connects with, refuses a private answer too, unless a source that allows
private addresses asked for that name (demo, tests, intranets). It is one per process, shared
by the sources crawled side by side, so "allowed" is kept per name, not per source; the
middleware's own check still applies per source first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from ocwatch.spiders.urls import is_private_address


class PublicOnlyResolver(CachingThreadedResolver):
    trusted: ClassVar[set[str]] = set()  # names a source with allow_private: true asked for
    refused: ClassVar[dict[str, str]] = {}  # name -> the private address it answered when connecting

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        return super().getHostByName(name, timeout).addCallback(self._public, name)

    def _public(self, address: str, name: str) -> str:
        key = name.lower()
        if key in self.trusted or not is_private_address(address):
            return address
        self.refused[key] = address
        raise DNSLookupError(f"{name} resolved to the private address {address} when connecting")

    @classmethod
    def trust(cls, host: str) -> None:
        cls.trusted.add(host.lower())

    @classmethod
    def refusal(cls, host: str | None) -> str | None:
        """The private address ``host`` answered when connecting, if that is why it failed."""
        return cls.refused.get(host.lower()) if host else None
