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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ocwatch.lake.cache import use_cache_dir
from ocwatch.settings import Settings

log = logging.getLogger("ocwatch")


@dataclass
class StageResult:
    stage: str
    ok: bool = True
    outputs: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.counts.items())
        state = "ok" if self.ok else f"FAILED ({'; '.join(self.errors[:3])})"
        return f"{self.stage}: {state}" + (f" [{counts}]" if counts else "")


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


def _crawl_result(settings: Settings, d: str, sid: str, ok: bool, why: str) -> StageResult:
    result = StageResult(f"crawl[{sid}]", ok=ok)
    if not ok:
        result.errors.append(f"crawl of source {sid!r} {why}; see {settings.logs}")
    result.outputs["documents"] = settings.lake.join("documents", f"date={d}", f"{sid}.parquet")
    return result


def crawl_one(settings: Settings, date: dt.date, source_id: str) -> StageResult:
    """Crawl one source in a process of its own (Airflow's mapped task)."""
    d = date.isoformat()
    proc = _run_child(_crawl_args(settings, d, [source_id]), settings, f"crawl-{d}-{source_id}.log")
    return _crawl_result(settings, d, source_id, proc.returncode == 0, f"exited {proc.returncode}")


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
            results.append(_crawl_result(settings, d, sid, bool(outcomes[sid].get("written")),
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
    result.counts["near_dups"] = dedup(settings, date).counts["near_dups"]
    result.counts["sources"] = len(ids)
    result.counts["failed_sources"] = sum(not p.ok for p in parts)
    for p in parts:
        result.errors.extend(p.errors)
    result.outputs["documents"] = settings.lake.join("documents", f"date={date.isoformat()}")
    return result


def dedup(settings: Settings, date: dt.date) -> StageResult:
    """Mark wire copies across every source of the date, once all its crawls are done.

    Crawls run in parallel and cannot see each other's documents, so the
    marking each crawl does alone can miss a copy whose original arrived in a
    crawl that finished later. The night's parts are then final, so they go
    into the known-URL index here, and the next night's crawls start with it ready.
    """
    from ocwatch.spiders.history.known_urls import index_night
    from ocwatch.spiders.output import remark_near_dups

    use_cache_dir(settings.cache)  # a lake in object storage keeps its known-URL index there
    return StageResult("dedup", counts={"near_dups": remark_near_dups(settings.lake, date),
                                        "parts_indexed": index_night(settings.lake, date)})


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
    proc = _run_child(args, settings, f"trade-{d}.log")
    result = StageResult("trade", ok=proc.returncode == 0)
    if not result.ok:
        result.errors.append(f"trade pull exited {proc.returncode}; see {settings.logs}")
    result.outputs["trade_flows"] = settings.lake.join("trade_flows", f"date={d}")
    return result


def extract(settings: Settings, date: dt.date, reparse: bool = False,
            workers: int = 1) -> StageResult:
    """Documents of the date in; sentences, mentions and links out."""
    d = date
    use_cache_dir(settings.cache)
    if reparse:
        from ocwatch.spiders.documents.reparse import reparse_documents

        reparse_documents(settings.lake, str(settings.raw), d)
    from ocwatch.nlp.stage import extract_partition

    counts = extract_partition(settings.lake, d, workers=workers, cache=settings.cache)
    result = StageResult("extract", counts=dict(counts))
    result.outputs["mentions"] = settings.lake.join("mentions", f"date={d.isoformat()}")
    return result


def build(settings: Settings, date: dt.date, full: bool = False) -> StageResult:
    """Rebuild warehouse.duckdb from the lake (incremental unless ``full``); readers keep the old file until the swap."""
    from ocwatch.warehouse.build import build_warehouse

    path = build_warehouse(settings.lake, settings.warehouse, date, source_dicts(settings),
                           full=full, feedback=settings.feedback_log)
    return StageResult("build", outputs={"warehouse": str(path)})


def report(settings: Settings, date: dt.date | None = None, week: str | None = None,
           lang: str = "en") -> StageResult:
    from ocwatch.report import render_report

    week = week or default_week(date or dt.date.today())
    paths = render_report(settings.warehouse, settings.reports, week, lang=lang)
    return StageResult("report", outputs={k: str(v) for k, v in paths.items()})


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

    first, last = parse_period(start, end)
    folder = out or settings.exports / f"socta-{start}..{end}"
    path = _export(settings.warehouse, folder, first, last)
    return StageResult("export", outputs={"datapackage": str(path)})


def run(settings: Settings, date: dt.date, lang: str = "en") -> list[StageResult]:
    """The nightly pipeline: crawl, trade, extract, build, report.

    A failed crawl or trade pull does not stop the night: what was fetched is
    extracted and built, and the report's coverage section shows the gap.
    """
    settings.ensure_dirs()
    results = [crawl(settings, date), trade(settings, date)]
    results.append(extract(settings, date))
    results.append(build(settings, date))
    results.append(report(settings, date=date, lang=lang))
    return results
