"""The questions the pages ask the warehouse, one function a table.

Every table a page shows comes from a function here, registered by name in
TABLES, so the export route can write the same rows as CSV, JSON or Parquet
from the same query-string parameters. Values always travel as bound
parameters, never in the SQL text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from ocwatch.web import lookup
from ocwatch.web.db import Table, Warehouse
from ocwatch.web.search import IndexMissing, current_index

Params = Mapping[str, str]
TABLES: dict[str, Callable[[Warehouse, Params], Table]] = {}


def table(name: str):
    def register(fn: Callable[[Warehouse, Params], Table]) -> Callable[[Warehouse, Params], Table]:
        TABLES[name] = fn
        return fn
    return register


def weeks(wh: Warehouse) -> list[str]:
    return [r[0] for r in wh.query("select distinct week from market_activity_weekly order by week desc").rows]


def current_week(wh: Warehouse, p: Params) -> str:
    week = p.get("week", "")
    if week:
        return week
    return wh.scalar("select max(week) from market_activity_weekly where documents > 0") or ""


def labels(wh: Warehouse, lang: str) -> dict[str, str]:
    col = "label_fr" if lang == "fr" else "label_en"
    return wh.memo(f"labels_{col}", lambda: dict(wh.query(f"select market, {col} from markets").rows))


@table("rising")
def rising(wh: Warehouse, p: Params) -> Table:
    return wh.query(
        """select market, country_iso3, week, score, baseline_mean, baseline_std, z, is_spike, is_gap,
                  documents, independent_sources, reliability_grades
           from market_activity_weekly where week = ? and coalesce(score, 0) > 0
           order by is_spike desc, z desc nulls last, score desc limit 100""", [current_week(wh, p)])


@table("admin1")
def admin1(wh: Warehouse, p: Params) -> Table:
    """Documents per market, country and first-level division in the week, beside
    their weekly mean over the 12 weeks before (from the indexed weekly counts)."""
    week = current_week(wh, p)
    nothing = Table(["market", "country_iso3", "admin1", "documents", "weekly_mean_before"], [])
    try:
        year, wk = week.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(wk), 1)
        return lookup.admin1_week(current_index(wh), monday.isoformat())
    except ValueError:
        return nothing
    except IndexMissing:  # the rest of the home page still answers; the banner says the index is missing
        return nothing


@table("new_links")
def new_links(wh: Warehouse, p: Params) -> Table:
    return wh.query(
        """select week, actor_id, actor_name, actor_type, market, commodity_id, place_id, place_name,
                  country_iso3, first_seen_at, doc_id, url, source_id, reliability, sentence, sent_idx
           from new_links where week = ? order by first_seen_at limit 200""", [current_week(wh, p)])


@table("coverage_gaps")
def coverage_gaps(wh: Warehouse, p: Params) -> Table:
    return wh.query(
        """select week, source_id, country_iso3, reason, country_gap from coverage_gaps
           where week = ? order by country_gap desc, source_id limit 200""", [current_week(wh, p)])


def _trade_filter(p: Params, cols: dict[str, str]) -> tuple[str, list]:
    where, params = [], []
    for key, col in cols.items():
        if p.get(key):
            where.append(f"{col} = ?")
            params.append(p[key])
    return (" and " + " and ".join(where)) if where else "", params


@table("trade_gaps")
def trade_gaps(wh: Warehouse, p: Params) -> Table:
    extra, params = _trade_filter(p, {"commodity": "commodity_id", "exporter": "exporter_iso3",
                                      "importer": "importer_iso3", "hs": "hs_code", "period": "period"})
    return wh.query(
        f"""select hs_code, commodity_id, market, exporter_iso3, importer_iso3, period, exports_fob_usd,
                   imports_fob_usd, gap_usd, gap_ratio, status
            from trade_mirror_gaps where true{extra}
            order by abs(gap_usd) desc nulls last limit 200""", params)


@table("trade_uv")
def trade_uv(wh: Warehouse, p: Params) -> Table:
    extra, params = _trade_filter(p, {"commodity": "commodity_id", "reporter": "reporter_iso3",
                                      "partner": "partner_iso3", "hs": "hs_code", "period": "period"})
    only = "" if p.get("all_uv") else " and is_outlier"
    return wh.query(
        f"""select hs_code, commodity_id, market, reporter_iso3, partner_iso3, flow, period, value_usd,
                   net_kg, unit_value_usd_per_kg, median_unit_value, robust_z, is_outlier
            from trade_unit_values where true{only}{extra}
            order by abs(robust_z) desc nulls last limit 200""", params)


@table("trade_records")
def trade_records(wh: Warehouse, p: Params) -> Table:
    """The declarations behind a mirror gap or a unit value: both sides of the pair."""
    a, b = p.get("exporter") or p.get("reporter", ""), p.get("importer") or p.get("partner", "")
    return wh.query(
        """select period, reporter_iso3, partner_iso3, flow, hs_code, value_usd, cif_usd, fob_usd, net_kg,
                  commodity_id, market
           from fact_trade_watched
           where hs_code = ? and period = ?
             and ((reporter_iso3 = ? and partner_iso3 = ?) or (reporter_iso3 = ? and partner_iso3 = ?))
           order by reporter_iso3, flow""", [p.get("hs", ""), p.get("period", ""), a, b, b, a])


@table("evidence")
def evidence(wh: Warehouse, p: Params) -> Table:
    """The sentences behind an indicator row (market, country, week; for a new link also
    actor and place): the warehouse's ``evidence`` view, read from its indexed copy."""
    return lookup.evidence(current_index(wh), dict(p))
