"""The report model for one week, read from the warehouse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ocwatch.report import coverage as cov
from ocwatch.report import data, findings, sections
from ocwatch.report.data import Row, WarehouseReader
from ocwatch.report.i18n import TEXT, check_lang, t
from ocwatch.report.links import rank_links
from ocwatch.report.model import Report
from ocwatch.report.names import Names
from ocwatch.report.socta_section import socta_section
from ocwatch.report.weeks import parse_week, previous_weeks

CHART_WEEKS = 26
CRAWL_LAG = dt.timedelta(days=1)


def _header(db_path: Path, week: str, lang: str) -> Report:
    start, end = parse_week(week)
    return Report(lang=lang, week=week, title=t(lang, "title"),
                  subtitle=t(lang, "week", week=week, start=start.isoformat(), end=end.isoformat()),
                  built_from=t(lang, "built_from", db=Path(db_path).name), labels=dict(TEXT[lang]))


def build_report(db_path: Path, week: str, lang: str = "en") -> Report:
    """Everything the report says, as data; raises ValueError on a bad week or language."""
    check_lang(lang)
    start, end = parse_week(week)
    report = _header(db_path, week, lang)
    with WarehouseReader(Path(db_path)) as db:
        names = Names.load(db, lang)
        weeks = previous_weeks(week, CHART_WEEKS)
        history = data.activity(db, weeks[0], week)
        week_rows = [r for r in history or [] if r["week"] == week]
        links = data.new_links(db, week)
        ranked = rank_links(links or [], data.evidence(db, "new_links", week),
                            data.earlier_pairs(db, week))
        gaps = data.mirror_gaps(db, end)
        outliers = data.unit_value_outliers(db, end)
        _markets(report, db, names, week_rows, history, weeks)
        report.actors = None if links is None else sections.actors_table(ranked, names)
        _trade(report, names, gaps, outliers)
        report.findings = findings.select_findings({
            "spike": findings.spike_findings(week_rows, names, history, data.spike_subjects(db, week),
                                             data.spike_documents(db, week)),
            "link": findings.link_findings(ranked, names),
            "gap": findings.gap_findings(gaps or [], names),
            "uv": findings.uv_findings(outliers or [], names)})
        signals = data.market_signals(db, f"{end.year:04d}-{end.month:02d}")
        report.geography = None if history is None else sections.geography_table(week_rows, signals, names)
        _coverage(report, db, names, week_rows, start, end)
        report.socta = socta_section(db, week, names)
        report.problems = list(db.problems)
    report.method = cov.METHOD[lang]
    if not any((r.get("documents") or 0) > 0 for r in week_rows) and not links:
        report.empty_note = t(lang, "empty_week", week=week)
    return report


def _markets(report: Report, db: WarehouseReader, names: Names, week_rows: list[Row],
             history: list[Row] | None, weeks: list[str]) -> None:
    if history is None:
        return
    evidence = data.evidence(db, "market_activity_weekly", report.week) or []
    report.markets = sections.market_blocks(week_rows, history, evidence, names, weeks)
    active = sum(1 for r in week_rows if (r.get("documents") or 0) > 0)
    report.markets_more = max(0, active - len(report.markets))


def _trade(report: Report, names: Names, gaps: list[Row] | None, outliers: list[Row] | None) -> None:
    if gaps is not None:
        report.trade_gaps = sections.trade_gap_table(gaps, names)
        report.trade_chart = sections.trade_chart(gaps, names)
    if outliers is not None:
        report.trade_outliers = sections.outlier_table(outliers, names)


def _coverage(report: Report, db: WarehouseReader, names: Names, week_rows: list[Row],
              start: dt.date, end: dt.date) -> None:
    # A night's crawl collects the day before (stages.default_week): the crawls that covered
    # the week ran from its Tuesday to the next Monday, the day the report is made.
    start, end = start + CRAWL_LAG, end + CRAWL_LAG
    lang = names.lang
    report.coverage_window = t(lang, "coverage_window", start=start.isoformat(), end=end.isoformat())
    sources = data.coverage(db, start, end)
    report.coverage = None if sources is None else cov.sources_table(sources, lang)
    gaps = data.coverage_gaps(db, report.week)
    gap_weeks = [r for r in week_rows if r.get("is_gap")]
    if gaps is not None or gap_weeks:
        report.coverage_gaps = cov.gaps_table(gaps or [], gap_weeks, names)
    errors = data.stage_errors(db, start, end)
    health = data.run_health(db, start, end)  # a degraded night (no key, a dead source) says so here
    if errors is not None or health:
        report.stage_errors = cov.errors_table([*(health or []), *(errors or [])], lang)
