"""A crawl whose one host answers DNS like a rebinding attacker: a public address to the first
lookup (the private-address check), the loopback address to every later one (the connection).

Fault injection at the socket layer only; Scrapy, Twisted and ocwatch run as shipped. Run as
``python -m tests.support.rebinding_crawl NAME <crawl arguments>``.
"""

from __future__ import annotations

import socket
import sys

PUBLIC = "93.184.216.34"  # a global address, never connected to: the second answer is the one used


def rebind(name: str) -> None:
    real_getaddrinfo, real_gethostbyname = socket.getaddrinfo, socket.gethostbyname

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host == name:
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (PUBLIC, 0))]
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host: str) -> str:
        return "127.0.0.1" if host == name else real_gethostbyname(host)

    socket.getaddrinfo, socket.gethostbyname = getaddrinfo, gethostbyname


if __name__ == "__main__":
    rebind(sys.argv[1])
    from ocwatch.processes.crawl import main

    sys.exit(main(sys.argv[2:]))
