"""Extraction off the reactor: worker processes with a time and a memory bound per page.

Extraction is CPU-bound (trafilatura, pypdf, language id) and on the reactor thread a
hostile page stalls every fetch and every source of the process, and SIGTERM with them.
Here each page goes to a worker process through a pipe, waited for on a thread:

- a page that takes longer than ``timeout`` seconds costs itself (``timeout``): its worker
  is killed and the next page gets a new one;
- a worker's address space is capped (``memory_mb``): a page that needs more is ``too_large``;
- ``stop_soon()`` (the crawl was asked to stop) gives the pages already fetched a few
  seconds, then kills the workers, so the pages still being extracted end as ``interrupted``
  and the crawl closes and writes what it has;
- a worker whose crawl process dies (SIGKILL) notices within a second and exits: no orphans.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from scrapy.utils.asyncio import is_asyncio_available

from ocwatch.spiders.documents.parse import Extracted, ExtractionError, Hints, extract_document

log = logging.getLogger(__name__)
EXTRACT_TIMEOUT_S = 20.0  # seconds one page may take; a news article takes well under one
EXTRACT_MEMORY_MB = 2048  # address space of one worker; its imports take about 300 MB of it
STOP_GRACE_S = 5.0  # after a stop is asked, pages already fetched get this long to be extracted
START_TIMEOUT_S = 120.0  # a worker's start (the fork server's imports) on a loaded machine


def _watch_parent(parent: int) -> None:
    # The worker's parent is the forkserver, not the crawl: watch the crawl's pid itself.
    while True:
        time.sleep(0.5)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(3)
        except PermissionError:  # the pid was reused by another user's process: ours is gone
            os._exit(3)


def _extract_one(args: tuple) -> tuple[str, Any]:
    try:
        return "ok", extract_document(*args)
    except ExtractionError as exc:
        return "error", exc
    except MemoryError:
        return "error", ExtractionError("too_large", "extraction needed more than the worker's memory bound")
    except RecursionError:
        return "error", ExtractionError("parse_error", "page structure nested too deeply to read")
    except Exception as exc:  # a parser bug on one hostile page costs that page only
        return "error", ExtractionError("parse_error", f"extraction failed: {type(exc).__name__}: {exc}")


def _serve(conn: Connection, parent: int, memory_mb: int) -> None:
    """Worker main loop: a page in, (status, Extracted or ExtractionError) out, until EOF."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send(("ready", None))
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_extract_one(args))


class _Worker:
    def __init__(self, ctx: Any, memory_mb: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, os.getpid(), memory_mb), daemon=True,
                                name="ocwatch-extract")
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        """Wait for the worker's start (not counted in a page's time); ExtractionError if it fails."""
        if self.ready:
            return
        try:
            started = self.conn.poll(START_TIMEOUT_S) and self.conn.recv()
        except (EOFError, OSError):
            started = False
        if not started:
            self.kill()
            raise ExtractionError("parse_error", "the extraction worker did not start")
        self.ready = True

    def call(self, args: tuple, timeout: float, url: str) -> Extracted:
        """Runs on a thread: send the page, wait for the answer at most ``timeout`` seconds."""
        self.wait_ready()
        self.conn.send(args)
        if not self.conn.poll(timeout):
            self.kill()
            raise ExtractionError("timeout", f"extraction took more than {timeout:g} s: page abandoned")
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise ExtractionError("parse_error", "the extraction worker died on this page") from None
        if status == "ok":
            return value
        raise value

    @property
    def alive(self) -> bool:
        return self.proc.is_alive()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class ExtractorPool:
    """``await pool.extract(...)``: extract_document in one of ``workers`` processes (at least one)."""

    def __init__(self, workers: int, timeout: float = EXTRACT_TIMEOUT_S,
                 memory_mb: int = EXTRACT_MEMORY_MB) -> None:
        self.workers = max(1, workers)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.stopped = False
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._threads: ThreadPoolExecutor | None = None

    def _ctx(self) -> Any:
        # forkserver, not fork: forking a process that runs a reactor and threads is unsafe.
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["ocwatch.spiders.documents.warm"])
        return ctx

    def _take(self) -> _Worker:
        with self._lock:
            if self.stopped:  # no new worker once the crawl is stopping or closed
                raise ExtractionError("interrupted", "the crawl was stopped before this page was extracted")
            while self._idle:
                worker = self._idle.pop()
                if worker.alive:
                    return worker
                self._all.discard(worker)
            worker = _Worker(self._ctx(), self.memory_mb)
            self._all.add(worker)
            return worker

    def _warm_one(self) -> None:
        try:
            worker = self._take()
        except ExtractionError:
            return
        try:
            worker.wait_ready()
        except ExtractionError as exc:
            log.error("extraction worker: %s", exc)
        self._give_back(worker)

    def prestart(self) -> None:
        """Start a worker now, on a thread, so its start overlaps the first fetches."""
        self._executor().submit(self._warm_one)

    def _executor(self) -> ThreadPoolExecutor:
        if self._threads is None:
            self._threads = ThreadPoolExecutor(self.workers, thread_name_prefix="ocwatch-extract")
        return self._threads

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if worker.alive and not self.stopped:
                self._idle.append(worker)
            else:
                self._all.discard(worker)
                worker.kill()

    def _run(self, args: tuple, url: str) -> Extracted:
        if self.stopped:
            raise ExtractionError("interrupted", "the crawl was stopped before this page was extracted")
        worker = self._take()
        try:
            return worker.call(args, self.timeout, url)
        except ExtractionError:
            if self.stopped:
                raise ExtractionError("interrupted", "the crawl was stopped while this page was "
                                                     "being extracted") from None
            raise
        finally:
            self._give_back(worker)

    async def extract(self, body: bytes, content_type: str | None, url: str, language: str,
                      hints: Hints | None, not_after: dt.datetime | None = None) -> Extracted:
        args = (body, content_type, url, language, hints, not_after)
        if not is_asyncio_available():  # no event loop to wait on: only reparse-like callers
            return extract_document(*args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor(), self._run, args, url)

    def stop_soon(self, grace: float = STOP_GRACE_S) -> None:
        """``stop()`` in ``grace`` seconds: quick pages finish, a slow one does not hold the stop."""
        timer = threading.Timer(grace, self.stop)
        timer.daemon = True
        timer.start()

    def stop(self) -> None:
        """Kill every worker now: pages being extracted end as ``interrupted``."""
        self.stopped = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
        for worker in workers:
            if worker.alive:
                worker.proc.kill()

    def close(self) -> None:
        self.stop()
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)
            self._threads = None
