"""Nightly pipeline at scale: `python -m bench.bench_scale --docs N` (`make bench-scale N=...`).

Serves a synthetic corpus of N news pages (bench/scale_corpus.py) from
127.0.0.1, runs crawl, extract, build and report through ocwatch/stages.py for
night 1, then night 2 over the same corpus plus 2% new pages, and prints per
stage documents per second, peak memory of the whole process tree (crawls run
in child processes) and seconds. Night 1's total is the baseline night 2 is
measured against: the last line is exactly
``total_docs_per_s=<float> peak_rss_mb=<int> second_night_cost_ratio=<float>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil
import pyarrow as pa
import pyarrow.compute as pc

from bench.scale_corpus import ScaleCorpus, ScaleServer
from ocwatch.settings import Settings

STAGES = ("crawl", "extract", "build", "report")
OUT = Path(__file__).resolve().parent / "out"


class RssSampler:
    """Samples the resident memory of this process and all its descendants in a thread.

    Summing the tree matters: crawls are child processes and extraction may
    fork workers, so this process's own peak would hide most of the memory.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self.stage_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._me = psutil.Process(os.getpid())

    def _tree_rss(self) -> int:
        total = 0
        for p in [self._me, *self._me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                continue  # a child that just ended
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        rss = self._tree_rss()
        self.peak = max(self.peak, rss)
        self.stage_peak = max(self.stage_peak, rss)

    def reset_stage(self) -> None:
        self.stage_peak = self._tree_rss()

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class StageFigure:
    night: int
    stage: str
    seconds: float
    docs: int
    peak_rss_mb: int
    ok: bool
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        state = "ok" if self.ok else f"FAILED {self.detail.get('error', '')}"
        return (f"night {self.night}  {self.stage:<8} docs={self.docs:<7} secs={self.seconds:9.2f} "
                f"docs_per_s={self.docs_per_s:9.1f} peak_rss_mb={self.peak_rss_mb:<6} {state}")


def night_documents(settings: Settings, date: dt.date) -> int:
    """Rows in the night's documents partition, from Parquet footers (no data read)."""
    import pyarrow.parquet as pq

    from ocwatch.lake.partitions import list_parts

    return sum(pq.ParquetFile(p).metadata.num_rows
               for p in list_parts(str(settings.lake), "documents", date))


def stage_calls(settings: Settings, date: dt.date, workers: int) -> dict[str, Callable[[], object]]:
    from ocwatch import stages

    return {
        "crawl": lambda: stages.crawl(settings, date, workers=workers),
        "extract": lambda: stages.extract(settings, date, workers=workers),
        "build": lambda: stages.build(settings, date),
        "report": lambda: stages.report(settings, date=date),
    }


def run_stage(name: str, call: Callable[[], object], sampler: RssSampler) -> tuple[float, dict]:
    """Run one stage, timing it; a failing stage is reported, not fatal to the benchmark."""
    sampler.reset_stage()
    me = psutil.Process()
    cpu0 = sum(me.cpu_times()[:2])
    start = time.perf_counter()
    detail: dict[str, object] = {}
    try:
        result = call()
        ok = getattr(result, "ok", True)
        detail.update(getattr(result, "counts", {}) or {})
        if not ok:
            detail["error"] = "; ".join(getattr(result, "errors", [])[:2])
    except Exception as exc:  # the benchmark reports the stage as failed and goes on
        ok = False
        detail["error"] = f"{type(exc).__name__}: {exc}"[:300]
    seconds = time.perf_counter() - start
    # CPU of this process: during crawl it is the corpus server's share of the 2 cores.
    detail["in_process_cpu_s"] = round(sum(me.cpu_times()[:2]) - cpu0, 1)
    sampler.sample()
    detail["ok"] = ok
    return seconds, detail


def run_night(night: int, settings: Settings, date: dt.date, server: ScaleServer,
              sampler: RssSampler, workers: int) -> list[StageFigure]:
    figures = []
    docs = 0
    for name, call in stage_calls(settings, date, workers).items():
        seconds, detail = run_stage(name, call, sampler)
        if name == "crawl":
            docs = night_documents(settings, date)
            detail["served"] = dict(server.counts)
            server.counts.clear()
        fig = StageFigure(night, name, seconds, docs, sampler.stage_peak // 2**20,
                          bool(detail.pop("ok")), detail)
        print(fig.line(), flush=True)
        if detail:
            print(f"          {json.dumps(detail, default=str)[:400]}", flush=True)
        figures.append(fig)
    return figures


def _shifted(table: pa.Table, h: int) -> pa.Table:
    """A copy of a night's rows as if fetched h days earlier, under other ids and URLs."""
    suffix = f"-h{h}"
    for col in ("doc_id", "near_dup_of"):
        if col in table.column_names:
            i = table.column_names.index(col)
            table = table.set_column(i, col, pc.binary_join_element_wise(table[col], suffix, ""))
    if "url" in table.column_names:
        i = table.column_names.index("url")
        table = table.set_column(i, "url", pc.binary_join_element_wise(table["url"], f"?hist={h}", ""))
    for col in ("published_at", "fetched_at"):
        if col in table.column_names:
            i = table.column_names.index(col)
            table = table.set_column(i, col, pc.subtract(table[col], pa.scalar(dt.timedelta(days=h))))
    return table


def seed_history(settings: Settings, date: dt.date, nights: int, share: float = 1.0) -> int:
    """Copy night 1 into ``nights`` earlier dates, so night 2 runs over months of history.

    ``share`` < 1 copies only that share of night 1's documents into each date (with
    their NLP rows): a lake that grew by its new pages only, not by a first crawl a night.
    """
    from ocwatch.lake.partitions import list_parts, read_partition, write_partition

    lake = str(settings.lake)
    kept_ids = None
    if share < 1:
        ids = read_partition(lake, "documents", date)["doc_id"]
        kept_ids = ids.slice(0, max(1, round(share * len(ids))))
    for name in ("documents", "sentences", "mentions", "links"):
        parts = [p.rsplit("/", 1)[-1].removesuffix(".parquet") for p in list_parts(lake, name, date)]
        for part in parts:
            table = read_partition(lake, name, date, part=part)
            if kept_ids is not None:
                table = table.filter(pc.is_in(table["doc_id"], kept_ids))
            for h in range(1, nights + 1):
                write_partition(lake, name, date - dt.timedelta(days=h), _shifted(table, h), part=part)
    return nights


def _total(figures: list[StageFigure]) -> float:
    return sum(f.seconds for f in figures)


def summarize(n1: list[StageFigure], n2: list[StageFigure], peak_mb: int) -> str:
    t1, t2 = _total(n1), _total(n2)
    docs1 = n1[0].docs if n1 else 0
    print(f"night 1  total    docs={docs1:<7} secs={t1:9.2f} docs_per_s={docs1 / t1 if t1 else 0:9.1f}")
    print(f"night 2  total    docs={n2[0].docs if n2 else 0:<7} secs={t2:9.2f} "
          f"(cost ratio to night 1: {t2 / t1 if t1 else 0:.4f})")
    return (f"total_docs_per_s={docs1 / t1 if t1 else 0.0:.2f} peak_rss_mb={peak_mb} "
            f"second_night_cost_ratio={t2 / t1 if t1 else 0.0:.4f}")


def machine() -> str:
    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores, {mem:.0f} GB RAM, {sys.platform}, Python {sys.version.split()[0]}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_scale", description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents on night 1 (default 100000)")
    ap.add_argument("--new-share", type=float, default=0.02, help="new documents on night 2, as a share")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="crawl and extract workers")
    ap.add_argument("--date", default="2026-03-02", help="night 1's run date (YYYY-MM-DD)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--history", type=int, default=0,
                    help="before night 2, copy night 1 into this many earlier dates (months of history)")
    ap.add_argument("--history-share", type=float, default=1.0,
                    help="share of night 1's documents copied into each earlier date (0.02: nights of new pages only)")
    ap.add_argument("--home", type=Path, help="keep the data root here instead of a temp folder")
    args = ap.parse_args(argv)
    if args.docs < 1:
        ap.error(f"--docs must be at least 1, got {args.docs}")
    if not 0 < args.history_share <= 1:
        ap.error(f"--history-share must be in (0, 1], got {args.history_share}")
    return args


def bench(args: argparse.Namespace, home: Path) -> tuple[list[StageFigure], list[StageFigure], int]:
    date1 = dt.date.fromisoformat(args.date)
    corpus = ScaleCorpus(docs=args.docs, night_date=date1, seed=args.seed, new_share=args.new_share)
    with ScaleServer(corpus) as server, RssSampler() as sampler:
        home.mkdir(parents=True, exist_ok=True)
        (home / "sources.yaml").write_text(corpus.sources_yaml(server.url), encoding="utf-8")
        settings = Settings.from_env(env={}, home=home, sources=home / "sources.yaml")
        settings.ensure_dirs()
        print(f"corpus: {args.docs} documents, {corpus.sources} sources at {server.url}; "
              f"machine: {machine()}", flush=True)
        night1 = run_night(1, settings, date1, server, sampler, args.workers)
        if args.history:
            # Months of history change what night 2 costs when any stage reads all of it.
            seed_history(settings, date1, args.history, args.history_share)
            # Those nights' own builds and dedup steps would have loaded their partitions: load them now,
            # untimed, so night 2's build pays for night 2's changes as it would in service.
            from ocwatch import stages
            from ocwatch.spiders.history.known_urls import index_night

            stages.build(settings, date1, full=True)
            index_night(str(settings.lake), date1)  # each of those nights' dedup step would have
            print(f"history: {args.history_share:.0%} of night 1 copied into {args.history} earlier dates, "
                  "warehouse built and known URLs indexed (untimed)", flush=True)
        corpus.night = 2
        night2 = run_night(2, settings, date1 + dt.timedelta(days=1), server, sampler, args.workers)
        return night1, night2, sampler.peak // 2**20


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ocwatch-scale-") as tmp:
        home = args.home or Path(tmp) / "home"
        night1, night2, peak = bench(args, home)
        if not all(f.ok for f in night1 + night2) and not args.home:
            # The data root goes with the temp folder; the stage logs say why a stage failed.
            shutil.copytree(home / "logs", OUT / f"scale-{args.docs}-logs", dirs_exist_ok=True)
            print(f"stage logs kept in {OUT / f'scale-{args.docs}-logs'}", flush=True)
    last = summarize(night1, night2, peak)
    OUT.mkdir(exist_ok=True)
    record = {"docs": args.docs, "history": args.history, "history_share": args.history_share, "workers": args.workers, "machine": machine(),
              "stages": [asdict(f) | {"docs_per_s": f.docs_per_s} for f in night1 + night2],
              "summary": last}
    (OUT / f"scale-{args.docs}{f'-h{args.history}-{args.history_share:g}' if args.history else ''}.json").write_text(json.dumps(record, indent=1, default=str))
    print(last, flush=True)
    return 0 if all(f.ok for f in night1 + night2) else 1


if __name__ == "__main__":
    sys.exit(main())
