"""Sections of the report built from warehouse rows: markets, actors, geography, trade, coverage."""

from __future__ import annotations

import math
from collections import defaultdict

from ocwatch.report import charts
from ocwatch.report.data import Row
from ocwatch.report.i18n import STATUS, amount, num, t
from ocwatch.report.links import LinkGroup, RankedLink, group_links, is_precise
from ocwatch.report.model import Cell, Evidence, MarketBlock, Table, safe_href, squash
from ocwatch.report.names import Names

MAX_BLOCKS = 8
MAX_LINKS = 15
EVIDENCE_PER_BLOCK = 3
NAN = math.nan


def _f(value: object) -> float:
    return NAN if value is None else float(value)  # type: ignore[arg-type]


def series_for(history: list[Row], weeks: list[str]) -> charts.Series:
    """Chart series over ``weeks``; a week with no row after the first is zero, before it unknown."""
    by_week = {r["week"]: r for r in history}
    first = min(by_week) if by_week else None
    score, mean, std, gap = [], [], [], []
    for w in weeks:
        r = by_week.get(w)
        unknown = r is None and (first is None or w < first)
        is_gap = bool(r and r.get("is_gap"))
        score.append(NAN if unknown or is_gap else _f(r["score"]) if r else 0.0)
        mean.append(_f(r.get("baseline_mean")) if r else NAN)
        std.append(_f(r.get("baseline_std")) if r else NAN)
        gap.append(is_gap)
    return charts.Series(weeks, score, mean, std, gap)


def _evidence(rows: list[Row]) -> list[Evidence]:
    seen, out = set(), []
    for r in rows:
        text = squash(r.get("sentence"))
        if text in seen:  # wire copies repeat the same sentence
            continue
        seen.add(text)
        published = r.get("published_at")
        out.append(Evidence(text, squash(r.get("title") or r.get("url")), r.get("url") or "",
                            safe_href(r.get("url")), r.get("source_id") or "?",
                            r.get("reliability") or "?", published.date().isoformat() if published else ""))
    return out[:EVIDENCE_PER_BLOCK]


def market_blocks(week_rows: list[Row], history: list[Row], evidence: list[Row],
                  names: Names, weeks: list[str]) -> list[MarketBlock]:
    lang = names.lang
    active = [r for r in week_rows if (r.get("documents") or 0) > 0]
    active.sort(key=lambda r: (not r.get("is_spike"), -(r.get("z") or -1e9), -(r.get("score") or 0)))
    hist: dict[tuple, list[Row]] = defaultdict(list)
    for r in history:
        hist[(r["market"], r["country_iso3"])].append(r)
    ev: dict[tuple, list[Row]] = defaultdict(list)
    for r in evidence:
        ev[(r["market"], r["country_iso3"])].append(r)
    labels = {k: t(lang, k) for k in ("score", "baseline")}
    blocks = []
    for r in active[:MAX_BLOCKS]:
        key = (r["market"], r["country_iso3"])
        facts = [(t(lang, "score"), num(r["score"], lang)),
                 (t(lang, "baseline"), f"{num(r['baseline_mean'], lang)} ± {num(2 * (r['baseline_std'] or 0), lang)}"),
                 (t(lang, "z"), num(r["z"], lang)),
                 (t(lang, "documents"), str(r["documents"])),
                 (t(lang, "independent"), str(r["independent_sources"])),
                 (t(lang, "grades"), r.get("reliability_grades") or "?")]
        heading = f"{names.market(r['market'])} · {names.country(r['country_iso3'])}"
        chart = charts.score_chart(series_for(hist[key], weeks), labels)
        blocks.append(MarketBlock(r["market"], heading, facts, bool(r.get("is_spike")), chart,
                                  _evidence(ev[key])))
    return blocks


def _link_places(group: LinkGroup, names: Names) -> str:
    """'Rubaya, Masisi (Democratic Republic of the Congo)': each country named once."""
    by_country: dict[str, list[str]] = {}
    for r in group.places(limit=len(group.links)):
        places = by_country.setdefault(names.country(r.get("country_iso3")), [])
        if is_precise(r.get("place_id")) or str(r.get("place_id")).startswith("admin1:"):
            places.append(r.get("place_name") or "?")  # a whole country is named by the country alone
    return "; ".join(f"{', '.join(places)} ({country})" if places else country for country, places in by_country.items())


def actors_table(links: list[RankedLink], names: Names, limit: int = MAX_LINKS) -> Table:
    """One row per actor and market, with its new places and its single best sentence
    (links.sentence_key); the rest stay one query away in ``new_links``."""
    lang = names.lang
    table = Table([t(lang, k) for k in ("actor", "actor_type", "market", "place", "first_seen", "sources", "sentence")])
    groups = group_links(links)
    for group in groups[:limit]:
        r, best = group.row, group.best
        first = min((link.row["first_seen_at"] for link in group.links if link.row.get("first_seen_at")), default=None)
        commodity = f" ({names.commodity(r['commodity_id'])})" if r.get("commodity_id") else ""
        table.rows.append([
            Cell(r.get("actor_name") or r["actor_id"]), Cell(names.actor_type(r.get("actor_type"))),
            Cell(names.market(r["market"]) + commodity), Cell(_link_places(group, names)),
            Cell(first.date().isoformat() if first else ""),
            Cell.link(f"{group.sources} [{group.grades or '?'}] {best.get('source_id') or '?'}", best.get("url")),
            Cell(squash(best.get("sentence")))])
    table.more = max(0, len(groups) - limit)
    return table


def geography_table(week_rows: list[Row], signals: list[Row] | None, names: Names) -> Table:
    """Per country: markets active this week, documents, highest z, and the month's trade gap."""
    lang = names.lang
    table = Table([t(lang, k) for k in ("country", "active_markets", "documents", "z", "gap")])
    by_country: dict[str, list[Row]] = defaultdict(list)
    for r in week_rows:
        if (r.get("documents") or 0) > 0:
            by_country[r["country_iso3"]].append(r)
    gaps: dict[str, float] = defaultdict(float)
    for s in signals or []:
        gaps[s["country_iso3"]] += s.get("trade_gap_usd") or 0.0
    for iso3 in sorted(by_country, key=lambda c: -sum(r["documents"] for r in by_country[c])):
        rows = by_country[iso3]
        zs = [r["z"] for r in rows if r.get("z") is not None]
        table.rows.append([Cell(names.country(iso3)),
                           Cell(", ".join(sorted(names.market(r["market"]) for r in rows))),
                           Cell(str(sum(r["documents"] for r in rows))),
                           Cell(num(max(zs), lang) if zs else "n/a"),
                           Cell(num(gaps[iso3], lang, 0) if iso3 in gaps else "")])
    return table


def trade_gap_table(gaps: list[Row], names: Names) -> Table:
    lang = names.lang
    table = Table([t(lang, k) for k in ("commodity", "exporter", "importer", "period", "exports", "imports", "gap", "status")])
    for r in gaps:
        table.rows.append([Cell(f"{names.commodity(r.get('commodity_id'), r['hs_code'])} ({r['hs_code']})"),
                           Cell(names.country(r["exporter_iso3"])), Cell(names.country(r["importer_iso3"])),
                           Cell(r["period"]), Cell(num(r.get("exports_fob_usd"), lang, 0)),
                           Cell(num(r.get("imports_cif_usd"), lang, 0)), Cell(num(r.get("gap_usd"), lang, 0)),
                           Cell(STATUS[lang].get(r["status"], r["status"] or "?"))])
    return table


def trade_chart(gaps: list[Row], names: Names) -> bytes | None:
    known = [r for r in gaps if r.get("gap_usd") is not None]
    if not known:
        return None
    labels = [f"{r['hs_code']} {r['exporter_iso3']}→{r['importer_iso3']} {r['period']}" for r in known]
    return charts.bar_chart(labels, [r["gap_usd"] / 1e6 for r in known], t(names.lang, "chart_trade"))


def outlier_table(rows: list[Row], names: Names) -> Table:
    lang = names.lang
    table = Table([t(lang, k) for k in ("commodity", "reporter", "partner", "flow", "period", "unit_value", "median", "robust_z")])
    for r in rows:
        table.rows.append([Cell(f"{names.commodity(r.get('commodity_id'), r['hs_code'])} ({r['hs_code']})"),
                           Cell(names.country(r["reporter_iso3"])), Cell(names.country(r["partner_iso3"])),
                           Cell(r["flow"]), Cell(r["period"]), Cell(amount(r["unit_value_usd_per_kg"], lang)),
                           Cell(amount(r["median_unit_value"], lang)), Cell(num(r["robust_z"], lang))])
    return table
