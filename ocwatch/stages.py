"""The pipeline's stages for one run date; the CLI and the Airflow DAGs call these same functions.

Each stage resolves paths from Settings, calls into spiders/, nlp/ or
warehouse/, and returns a StageResult. Heavy imports stay inside the functions
so that importing this module (as the DAG files do at parse time) is cheap.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ocwatch.health import Health, crawl_source_health, health_row, status_of, trade_health
from ocwatch.lake.cache import use_cache_dir
from ocwatch.settings import Settings

log = logging.getLogger("ocwatch")
# Dates a night rescores at most after new link-confidence trees ship (newest first): a year of history
# takes about a week of nights, each a few seconds a date, and a night never grows by more than that.
STALE_DATES_PER_NIGHT = 60


@dataclass
class StageResult:
    stage: str
    ok: bool = True
    outputs: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # attempted, fetched, failed, skipped, and the inputs that failed with why
    health: Health = field(default_factory=Health)

    @property
    def status(self) -> str:
        """ok, degraded (finished, but some input gave nothing) or failed."""
        return status_of(self.ok, self.health.degraded)

    def summary(self) -> str:
        h = self.health
        numbers = {"attempted": h.attempted, "fetched": h.fetched, "failed": h.failed,
                   "skipped": h.skipped} if h.attempted else {}
        counts = ", ".join(f"{k}={v}" for k, v in {**numbers, **self.counts}.items())
        state = {"ok": "ok", "degraded": "DEGRADED"}.get(self.status) or f"FAILED ({'; '.join(self.errors[:3])})"
        lines = [f"{self.stage}: {state}" + (f" [{counts}]" if counts else "")]
        lines += [f"  failed: {line}" for line in h.failures]
        return "\n".join(lines)


def default_week(date: dt.date) -> str:
    """The report week for a run date: the ISO week of the last complete day."""
    year, week, _ = (date - dt.timedelta(days=1)).isocalendar()
    return f"{year}-W{week:02d}"


def source_dicts(settings: Settings) -> list[dict]:
    """The registry's sources as plain dicts: what the warehouse build is handed (it never imports spiders)."""
    from ocwatch.spiders.registry import load_sources

    return [s.as_dict() for s in load_sources(settings.sources)]


def list_source_ids(settings: Settings) -> list[str]:
    return [s["id"] for s in source_dicts(settings)]


def _run_child(args: list[str], settings: Settings, log_name: str,
               capture: bool = False) -> subprocess.CompletedProcess:
    """Run ``python <args>`` logging to logs/<log_name>; ``capture`` keeps stdout (also logged) for the caller."""
    settings.logs.mkdir(parents=True, exist_ok=True)
    with open(settings.logs / log_name, "ab") as logf:
        proc = subprocess.run([sys.executable, *args], stdout=subprocess.PIPE if capture else logf,
                              stderr=subprocess.STDOUT if not capture else logf,
                              env=settings.child_env(), check=False)
        if capture:
            logf.write(proc.stdout)
    return proc


def _crawl_args(settings: Settings, d: str, source_ids: list[str]) -> list[str]:
    return ["-m", "ocwatch.processes.crawl", "crawl", *(a for sid in source_ids for a in ("--source", sid)),
            "--sources", str(settings.sources), "--date", d, "--lake", settings.lake.url,
            "--raw", str(settings.raw)]


def _source_health(settings: Settings, date: dt.date, sid: str) -> Health:
    from ocwatch.lake.partitions import read_partition

    rows = read_partition(settings.lake, "crawl_log", date, part=sid).to_pylist()
    return crawl_source_health(rows, sid)


def _crawl_result(settings: Settings, date: dt.date, sid: str, ok: bool, why: str) -> StageResult:
    d = date.isoformat()
    result = StageResult(f"crawl[{sid}]", ok=ok, health=_source_health(settings, date, sid))
    if not ok:
        result.errors.append(f"crawl of source {sid!r} {why}; see {settings.logs}")
    result.outputs["documents"] = settings.lake.join("documents", f"date={d}", f"{sid}.parquet")
    return result


def crawl_one(settings: Settings, date: dt.date, source_id: str) -> StageResult:
    """Crawl one source in a process of its own (Airflow's mapped task)."""
    d = date.isoformat()
    proc = _run_child(_crawl_args(settings, d, [source_id]), settings, f"crawl-{d}-{source_id}.log")
    return _crawl_result(settings, date, source_id, proc.returncode == 0, f"exited {proc.returncode}")


def _outcomes(stdout: bytes) -> dict[str, dict]:
    found = {}
    for line in stdout.decode("utf-8", "replace").splitlines():
        with contextlib.suppress(ValueError):
            outcome = json.loads(line)
            if isinstance(outcome, dict) and "source" in outcome:
                found[str(outcome["source"])] = outcome
    return found


def crawl_group(settings: Settings, date: dt.date, source_ids: list[str]) -> list[StageResult]:
    """Crawl several sources side by side in one process.

    A source the process left without an outcome (it died, or refused the
    group's arguments) is crawled again in a process of its own, so one bad
    source costs only itself.
    """
    if len(source_ids) == 1:
        return [crawl_one(settings, date, source_ids[0])]
    d = date.isoformat()
    log_name = f"crawl-{d}-{source_ids[0]}-and-{len(source_ids) - 1}-more.log"
    proc = _run_child(_crawl_args(settings, d, source_ids), settings, log_name, capture=True)
    outcomes = _outcomes(proc.stdout)
    results = []
    for sid in source_ids:
        if sid not in outcomes:
            log.warning("crawl of %s left no outcome (group exited %s): crawling it alone", sid, proc.returncode)
            results.append(crawl_one(settings, date, sid))
        else:
            results.append(_crawl_result(settings, date, sid, bool(outcomes[sid].get("written")),
                                         "could not write its partition"))
    return results


def crawl(settings: Settings, date: dt.date, source_ids: list[str] | None = None,
          workers: int = 2) -> StageResult:
    """Crawl every source (or the named ones) in ``workers`` processes, then mark wire copies."""
    ids = source_ids or list_source_ids(settings)
    groups = [g for g in (ids[i::max(1, workers)] for i in range(max(1, workers))) if g]
    with ThreadPoolExecutor(max_workers=max(1, len(groups))) as pool:
        parts = [r for results in pool.map(lambda g: crawl_group(settings, date, g), groups) for r in results]
    result = StageResult("crawl", ok=all(p.ok for p in parts))
    result.counts["near_dups"] = dedup(settings, date, record_crawl=False).counts["near_dups"]
    result.counts["sources"] = len(ids)
    result.counts["failed_sources"] = sum(not p.ok or p.health.degraded for p in parts)
    for p in parts:
        result.errors.extend(p.errors)
        result.health.add(p.health)
    if not ids:  # nothing asked is nothing fetched: never "ok"
        result.health.degraded = True
        result.health.failures.append(f"no source to crawl in {settings.sources}")
    result.outputs["documents"] = settings.lake.join("documents", f"date={date.isoformat()}")
    return record(settings, date, result)


def crawl_health(settings: Settings, date: dt.date, source_ids: list[str] | None = None) -> StageResult:
    """The night's crawl told from its crawl_log, per source; recorded in run_health (Airflow's dedup task)."""
    result = StageResult("crawl")
    for sid in source_ids or list_source_ids(settings):
        result.health.add(_source_health(settings, date, sid))
    return record(settings, date, result)


def record(settings: Settings, date: dt.date, result: StageResult) -> StageResult:
    """Write the stage's run_health row for the night (its own part, so a rerun replaces it)."""
    from ocwatch.lake.partitions import write_partition

    row = health_row(result.stage, result.status, result.health, result.errors)
    write_partition(settings.lake, "run_health", date, [row], part=result.stage)
    return result


def dedup(settings: Settings, date: dt.date, record_crawl: bool = True) -> StageResult:
    """Mark wire copies across every source of the date, once all its crawls are done.

    Crawls run in parallel and cannot see each other's documents, so the
    marking each crawl does alone can miss a copy whose original arrived in a
    crawl that finished later. The night's parts are then final, so they go
    into the known-URL index here, and the next night's crawls start with it ready.
    ``record_crawl`` records the night's crawl health of every registered source
    in run_health (Airflow crawls one task a source; this is their one row). It
    never fails the dedup task: each crawl task that found nothing failed itself.
    """
    from ocwatch.spiders.history.known_urls import index_night
    from ocwatch.spiders.output import remark_near_dups

    use_cache_dir(settings.cache)  # a lake in object storage keeps its known-URL index there
    lake, day = settings.lake, date
    result = StageResult("dedup", counts={"near_dups": remark_near_dups(lake, day),
                                          "parts_indexed": index_night(lake, day)})
    if record_crawl:
        crawl_health(settings, day)
    return result


def trade(settings: Settings, date: dt.date, periods: list[str] | None = None,
          bulk: list[Path] | None = None) -> StageResult:
    """Pull Comtrade data for the watch lists (API), or import bulk files."""
    d = date.isoformat()
    args = ["-m", "ocwatch.processes.trade", "--date", d, "--lake", settings.lake.url,
            "--raw", str(settings.raw), "--url", settings.comtrade_url]
    if periods:
        args += ["--periods", ",".join(periods)]
    for path in bulk or []:
        args += ["--bulk", str(path)]
    started = dt.datetime.now(dt.UTC)
    proc = _run_child(args, settings, f"trade-{d}.log")
    result = StageResult("trade", ok=proc.returncode == 0, health=_trade_health(settings, date, started))
    if not result.ok:
        result.errors.append(f"trade pull exited {proc.returncode}; see {settings.logs}")
    result.outputs["trade_flows"] = settings.lake.join("trade_flows", f"date={d}")
    return record(settings, date, result)


def _trade_health(settings: Settings, date: dt.date, since: dt.datetime) -> Health:
    """This pull's outcomes: the date's trade_log rows recorded since it started (a rerun keeps older ones)."""
    from ocwatch.lake.partitions import read_partition

    rows = read_partition(settings.lake, "trade_log", date).to_pylist()
    return trade_health(r for r in rows if r["fetched_at"] >= since)


def extract(settings: Settings, date: dt.date, reparse: bool = False,
            workers: int = 1) -> StageResult:
    """Documents of the date in; sentences, mentions and links out."""
    d = date
    if reparse:
        from ocwatch.spiders.documents.reparse import reparse_documents

        reparse_documents(settings.lake, str(settings.raw), d)
    from ocwatch.nlp.stage import extract_partition

    counts = extract_partition(settings.lake, d, workers=workers, cache=settings.cache)
    failed, skipped = counts.get("errors", 0), counts.get("skipped", 0)
    health = Health(attempted=counts.get("documents", 0), failed=failed, skipped=skipped,
                    fetched=max(0, counts.get("documents", 0) - failed - skipped))
    if failed:
        health.failures.append(f"extract: {failed} document(s) could not be read; the errors dataset names each")
    result = StageResult("extract", counts=dict(counts), health=health)
    result.outputs["mentions"] = settings.lake.join("mentions", f"date={d.isoformat()}")
    return record(settings, d, result)


def _rescore(settings: Settings, dates: list[dt.date], result: StageResult) -> StageResult:
    """The shipped trees over these dates' links; a date that cannot be rescored is named and the others go on."""
    from ocwatch.nlp.rescore import rescore_partition

    for d in dates:
        try:
            for k, v in rescore_partition(settings.lake, d).items():
                result.counts[k] += v
        except Exception as exc:  # one date must not cost the others
            log.warning("%s %s failed", result.stage, d, exc_info=True)
            result.health.failures.append(f"{result.stage} {d}: {exc}")
    if result.counts["errors"]:
        result.health.failures.append(f"{result.stage}: {result.counts['errors']} document(s) kept their links as "
                                      "they were; the errors dataset (part rescore) names each and why")
    result.health.attempted, result.health.fetched = len(dates), result.counts["rescored"]
    result.health.degraded = bool(result.health.failures)
    return result


def rescore_links(settings: Settings, dates: list[dt.date] | None = None, stale: bool = False) -> StageResult:
    """The shipped link-confidence trees over the links of the given dates (default: every date in the lake;
    ``stale``: only those other trees, or none, scored). An operator's command after new trees ship: it leaves
    run health alone (the night's own pass is rescore_stale)."""
    from ocwatch.lake.partitions import partition_dates
    from ocwatch.nlp.rescore import stale_dates

    if stale:
        dates = [d for d in stale_dates(settings.lake) if not dates or d in dates]
    else:
        dates = sorted(set(dates or partition_dates(settings.lake, "links")))
    result = _rescore(settings, dates, StageResult("rescore-links", counts=_rescore_counts(len(dates))))
    if not result.counts["links"] and not (stale and not dates):
        result.ok = False
        result.errors.append("nothing rescored" if result.health.failures else
                             "no links in the lake for " + (", ".join(map(str, dates)) or "any date"))
    return result


def _rescore_counts(dates: int) -> dict[str, int]:
    return {"dates": dates, "links": 0, "rescored": 0, "kept": 0, "errors": 0}


def rescore_stale(settings: Settings, date: dt.date, limit: int = STALE_DATES_PER_NIGHT) -> StageResult:
    """The night's pass after extraction: the newest ``limit`` dates whose links other trees (or none) scored
    get the shipped trees' confidence, so that new trees take effect on the history the indicators read
    without an operator. Nothing stale is a quiet success; the rest waits for the next nights."""
    from ocwatch.nlp.rescore import stale_dates

    stale = stale_dates(settings.lake)
    batch = stale[:limit]
    result = _rescore(settings, batch, StageResult("rescore", counts=_rescore_counts(len(batch))))
    result.counts["stale_left"] = len(stale) - len(batch)
    if result.counts["stale_left"]:
        log.info("rescore: %d stale date(s) left for the next nights", result.counts["stale_left"])
    return record(settings, date, result)


def build(settings: Settings, date: dt.date, full: bool = False) -> StageResult:
    """Rebuild warehouse.duckdb from the lake (incremental unless ``full``); readers keep the old file until the swap."""
    from ocwatch.warehouse.build import build_warehouse
    from ocwatch.warehouse.search_index import build_search_index

    path = build_warehouse(settings.lake, settings.warehouse, date, source_dicts(settings),
                           full=full, feedback=settings.feedback_log)
    # The workbench reads the index and never builds it: the night writes it after the models.
    index = build_search_index(path)
    return record(settings, date, StageResult("build", outputs={"warehouse": str(path), "search_index": str(index)}))


def search_index(settings: Settings) -> StageResult:
    """The workbench's search index for the current warehouse, without building the warehouse again."""
    from ocwatch.warehouse.search_index import build_search_index

    if not settings.warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {settings.warehouse}: run `ocwatch build` first")
    return StageResult("index", outputs={"search_index": str(build_search_index(settings.warehouse))})


def report(settings: Settings, date: dt.date | None = None, week: str | None = None,
           lang: str = "en") -> StageResult:
    from ocwatch.report import render_report

    week = week or default_week(date or dt.date.today())
    paths = render_report(settings.warehouse, settings.reports, week, lang=lang)
    result = StageResult("report", outputs={k: str(v) for k, v in paths.items()})
    return record(settings, date, result) if date else result


def _guarded(settings: Settings, date: dt.date, stage: str, fn: Callable[[], StageResult]) -> StageResult:
    """A stage that raises is a failed stage, recorded; the night goes on with what the others did."""
    try:
        return fn()
    except Exception as exc:
        log.debug("%s failed", stage, exc_info=True)
        result = StageResult(stage, ok=False, errors=[" ".join(str(exc).split()) or type(exc).__name__])
        with contextlib.suppress(Exception):  # the lake itself may be what failed
            record(settings, date, result)
        return result


def alerts(settings: Settings, date: dt.date) -> StageResult:
    """After the build of a date: each watching user's digest, by email and webhook, sent once."""
    from ocwatch.feedback.alerts import send_alerts
    from ocwatch.feedback.deliver import SmtpConfig

    smtp = None
    if settings.smtp_host:
        smtp = SmtpConfig(settings.smtp_host, settings.smtp_port, settings.smtp_user, settings.smtp_password,
                          settings.smtp_from, settings.smtp_cafile)
    sent = send_alerts(settings.warehouse, settings.alerts_db, date, smtp=smtp,
                       workbench_url=settings.workbench_url)
    result = StageResult("alerts", ok=not sent.failed, counts={
        "digests": sent.digests, "sent": len(sent.sent), "failed": len(sent.failed), "skipped": len(sent.skipped)})
    result.errors += [f"digest for {who} failed (recorded in {settings.alerts_db})" for who in sent.failed]
    return result


def export_socta(settings: Settings, start: str, end: str, out: Path | None = None) -> StageResult:
    """A Frictionless Data Package of the period (ISO weeks or dates) for partners."""
    from ocwatch.report.socta import export_socta as _export
    from ocwatch.report.socta import parse_period
    from ocwatch.report.socta_tables import folder_name

    first, last = parse_period(start, end)
    folder = out or settings.exports / folder_name(start, end)
    path = _export(settings.warehouse, folder, first, last)
    return StageResult("export", outputs={"datapackage": str(path)})


def run(settings: Settings, date: dt.date, lang: str = "en") -> list[StageResult]:
    """The nightly pipeline: crawl, trade, extract, rescore (links other trees scored), build, report.

    A failed or degraded crawl or trade pull does not stop the night: what was
    fetched is extracted and built, run_health records each stage, and the
    report's coverage section shows the gap.
    """
    settings.ensure_dirs()
    steps: list[tuple[str, Callable[[], StageResult]]] = [
        ("crawl", lambda: crawl(settings, date)), ("trade", lambda: trade(settings, date)),
        ("extract", lambda: extract(settings, date)), ("rescore", lambda: rescore_stale(settings, date)),
        ("build", lambda: build(settings, date)),
        ("report", lambda: report(settings, date=date, lang=lang))]
    return [_guarded(settings, date, stage, fn) for stage, fn in steps]
