"""Crawl several sources side by side in one process (``python -m ocwatch.processes.crawl`` starts it).

Twisted's reactor cannot restart inside one interpreter, so every crawl is a
process of its own: Airflow runs one source a process (a mapped task each);
the ``ocwatch`` command gives each process a group of sources, crawled side
by side in one reactor, each with its own crawler, settings and part file,
so a night pays for starting Python, Scrapy and the known-URL index once a
group instead of once a source. One JSON outcome line per source goes to stdout.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from scrapy.settings import Settings

from ocwatch.lake.location import Lake
from ocwatch.spiders.registry import Source

log = logging.getLogger("ocwatch.spiders.run")


def crawl_settings(source: Source) -> Settings:
    """The polite defaults (spiders/settings.py) with the source's ``crawl:`` overrides on top."""
    s = Settings()
    s.setmodule("ocwatch.spiders.settings", priority="project")
    c = source.crawl
    if "delay" in c:
        s.set("DOWNLOAD_DELAY", c["delay"], priority="spider")
        s.set("AUTOTHROTTLE_START_DELAY", c["delay"], priority="spider")
        # A zero delay is a deliberate choice (demo, intranet): AutoThrottle would reintroduce one.
        s.set("AUTOTHROTTLE_ENABLED", bool(c["delay"]), priority="spider")
        # Likewise a short delay asks for short waits between retries, unless backoff is given.
        s.set("RETRY_BACKOFF_BASE", min(s.getfloat("RETRY_BACKOFF_BASE"), max(c["delay"], 0.05)),
              priority="spider")
    if "autothrottle" in c:
        s.set("AUTOTHROTTLE_ENABLED", c["autothrottle"], priority="spider")
    if "concurrency" in c:
        s.set("CONCURRENT_REQUESTS_PER_DOMAIN", max(1, c["concurrency"]), priority="spider")
        s.set("CONCURRENT_REQUESTS", max(16, c["concurrency"]), priority="spider")
    if "max_bytes" in c:
        s.set("DOWNLOAD_MAXSIZE", c["max_bytes"], priority="spider")
        s.set("DOWNLOAD_WARNSIZE", min(c["max_bytes"], s.getint("DOWNLOAD_WARNSIZE")), priority="spider")
    for key, setting in (("timeout", "DOWNLOAD_TIMEOUT"), ("retries", "RETRY_TIMES"),
                         ("backoff", "RETRY_BACKOFF_BASE"), ("workers", "EXTRACT_WORKERS"),
                         ("extract_timeout", "EXTRACT_TIMEOUT")):
        if key in c:
            s.set(setting, c[key], priority="spider")
    return s


def _stopping_process(settings: Settings) -> Any:
    """A CrawlerProcess whose first SIGTERM or SIGINT also stops the extraction workers a few
    seconds later: pages still being extracted then end as ``interrupted``, so the graceful stop
    closes the crawls within seconds and each writes what it fetched (LakePipeline)."""
    from scrapy.crawler import CrawlerProcess

    class StoppingCrawlerProcess(CrawlerProcess):
        def _signal_shutdown(self, signum: int, frame: Any) -> None:
            for crawler in list(self.crawlers):
                pool = getattr(getattr(crawler, "spider", None), "_extractor", None)
                if pool is not None:
                    pool.stop_soon()
            super()._signal_shutdown(signum, frame)

    return StoppingCrawlerProcess(settings)


def crawl_sources(sources: list[Source], date: dt.date, lake: Lake, raw: str,
                  on_done: Callable[[dict[str, Any]], None] | None = None) -> list[dict[str, Any]]:
    """Crawl several sources side by side in this process (once per process); an outcome each.

    ``on_done`` gets each outcome as soon as its crawl ends, so a process that
    dies later still has reported the sources it finished.
    """
    from scrapy.crawler import Crawler

    from ocwatch.spiders.history.lookup import load_history
    from ocwatch.spiders.spiders import SPIDERS

    started = time.perf_counter()
    history = load_history(lake, date)  # every source's known URLs, read once for the group
    outcomes: list[dict[str, Any]] = []
    process = _stopping_process(crawl_settings(sources[0]))
    for i, source in enumerate(sources):
        outcome: dict[str, Any] = {"source": source.id, "date": date.isoformat()}
        outcomes.append(outcome)
        # The first crawler installs the reactor its settings name; the others share it.
        crawler = Crawler(SPIDERS[source.kind], crawl_settings(source), init_reactor=i == 0)
        done = process.crawl(crawler, source=source, raw_root=raw, history=history, lake=lake,
                             run_date=date, outcome=outcome)
        done.addBoth(_finish, outcome, started, on_done)
    process.start()
    return outcomes


def _finish(result: Any, outcome: dict[str, Any], started: float,
            on_done: Callable[[dict[str, Any]], None] | None) -> Any:
    outcome["elapsed_s"] = round(time.perf_counter() - started, 3)
    if on_done is not None:
        on_done(outcome)
    return result
