"""Fault injection for the robots.txt deadline, run in a process of its own (it installs the
asyncio reactor): a downloader whose robots.txt download never ends, as a timer that never
fires would leave it. Prints one JSON line: what each request of the host was told, and
whether an answer arriving after the deadline changed the verdict."""

from __future__ import annotations

import asyncio
import json
import time

from scrapy.http import Request, TextResponse
from scrapy.utils.reactor import install_reactor
from scrapy.utils.test import get_crawler

SETTINGS = {"DOWNLOAD_TIMEOUT": 0.2, "RETRY_TIMES": 1, "RETRY_BACKOFF_BASE": 0.1, "ROBOTSTXT_OBEY": True}


class HangingEngine:
    """Holds every download until ``release`` gives it an answer."""

    def __init__(self) -> None:
        self.answer: asyncio.Future = asyncio.get_running_loop().create_future()

    async def download_async(self, request: Request) -> TextResponse:
        return await self.answer

    def release(self, url: str) -> None:
        self.answer.set_result(TextResponse(url, body=b"User-agent: *\nAllow: /\n", encoding="utf-8"))


async def verdicts() -> dict:
    from ocwatch.spiders.robots import StrictRobotsTxtMiddleware, probe_deadline

    crawler = get_crawler(settings_dict=SETTINGS)
    crawler.engine = HangingEngine()
    mw = StrictRobotsTxtMiddleware(crawler)
    started = time.monotonic()
    told = await asyncio.gather(*(_told(mw, f"http://slow.example/a{i}.html") for i in range(2)))
    waited = time.monotonic() - started
    crawler.engine.release("http://slow.example/robots.txt")
    await asyncio.sleep(0.05)
    late = await _told(mw, "http://slow.example/late.html")
    return {"told": told, "late": late, "waited_s": waited, "deadline_s": probe_deadline(crawler.settings)}


async def _told(mw, url: str) -> str:
    from ocwatch.spiders.middlewares import RobotsUnavailable

    try:
        await mw.process_request(Request(url))
    except RobotsUnavailable as refused:
        return str(refused)
    return "allowed"


if __name__ == "__main__":
    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    print(json.dumps(asyncio.run(verdicts())))
