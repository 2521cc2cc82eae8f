"""Weekly series for the trends page and the map.

Unfiltered, a series is market_activity_weekly itself (the indicator, its
baseline and its spikes). With a source, grade or language filter the series
is recomputed from the per-document facts with the indicator's own rules
(score = sum of the original documents' reliability weights; baseline = the
previous 12 weeks; z floor 0.5; spike = z >= 3 with 3 independent sources),
so an analyst can see how much of a rise one source or one grade carries.
"""

from __future__ import annotations

from ocwatch.web import lookup
from ocwatch.web.db import Table, Warehouse
from ocwatch.web.queries import Params, table
from ocwatch.web.search import IndexMissing, current_index

FILTERS = ("source", "grade", "language")


def _dates(p: Params) -> tuple[str, list]:
    where, params = [], []
    if p.get("from"):
        where.append("week_start >= cast(? as date)")
        params.append(p["from"])
    if p.get("to"):
        where.append("week_start <= cast(? as date)")
        params.append(p["to"])
    return "".join(f" and {w}" for w in where), params


def _place(p: Params) -> tuple[str, list]:
    if p.get("country"):
        return " and country_iso3 = ?", [p["country"]]
    return "", []


@table("series")
def series(wh: Warehouse, p: Params) -> Table:
    if not p.get("market") and p.get("country"):
        return _markets_of_country(wh, p)
    if any(p.get(f) for f in FILTERS):
        return _filtered_series(wh, p)
    dates, dparams = _dates(p)
    place, pparams = _place(p)
    return wh.query(
        f"""select market, country_iso3, week, week_start, score, baseline_mean, baseline_std, z,
                   is_spike, is_gap, documents, independent_sources, reliability_grades
            from market_activity_weekly where market = ?{place}{dates}
            order by country_iso3, week_start""", [p.get("market", ""), *pparams, *dparams])


def _markets_of_country(wh: Warehouse, p: Params) -> Table:
    """Every market's series in one country: the small multiples across markets."""
    dates, dparams = _dates(p)
    return wh.query(
        f"""select market, country_iso3, week, week_start, score, baseline_mean, baseline_std, z,
                   is_spike, is_gap, documents, independent_sources, reliability_grades
            from market_activity_weekly where country_iso3 = ?{dates}
            order by market, week_start""", [p["country"], *dparams])


def _filtered_series(wh: Warehouse, p: Params) -> Table:
    where, params = ["m.market = ?"], [p.get("market", "")]
    if p.get("country"):
        where.append("m.country_iso3 = ?")
        params.append(p["country"])
    if p.get("source"):
        where.append("f.source_id = ?")
        params.append(p["source"])
    if p.get("grade"):
        where.append("f.root_reliability = ?")
        params.append(p["grade"])
    if p.get("language"):
        where.append("f.doc_id in (select doc_id from documents where language = ?)")
        params.append(p["language"])
    dates, dparams = _dates(p)
    return wh.query(
        f"""with docs as (
              select m.market, m.country_iso3, f.week, f.week_start, f.root_doc_id, f.root_weight,
                     f.root_source_id, f.doc_id
              from fact_doc_market_country m join fact_documents f using (doc_id)
              where {' and '.join(where)}),
            weekly as (
              select market, country_iso3, any_value(week) as week, week_start, count(distinct doc_id) documents,
                     count(distinct root_source_id) independent_sources,
                     (select sum(w) from (select distinct d2.root_doc_id, d2.root_weight w from docs d2
                        where d2.market = docs.market and d2.country_iso3 = docs.country_iso3
                          and d2.week_start = docs.week_start)) score
              from docs group by market, country_iso3, week_start),
            based as (
              select *, avg(score) over w baseline_mean, stddev_samp(score) over w baseline_std,
                     count(*) over w baseline_weeks
              from weekly window w as (partition by market, country_iso3 order by week_start
                                       range between interval 84 day preceding and interval 1 day preceding))
            select market, country_iso3, week, week_start, score, baseline_mean, baseline_std,
                   case when baseline_weeks >= 4 then (score - baseline_mean) / greatest(coalesce(baseline_std, 0), 0.5) end z,
                   coalesce(z >= 3 and independent_sources >= 3, false) is_spike, false is_gap,
                   documents, independent_sources, null reliability_grades
            from based where true{dates} order by country_iso3, week_start""",
        [*params, *dparams])


@table("map_countries")
def map_countries(wh: Warehouse, p: Params) -> Table:
    dates, dparams = _dates(p)
    return wh.query(
        f"""select country_iso3, sum(score) score, sum(documents) documents, count(*) filter (where is_spike) spikes
            from market_activity_weekly where market = ?{dates}
            group by country_iso3 order by score desc""", [p.get("market", ""), *dparams])


@table("map_places")
def map_places(wh: Warehouse, p: Params) -> Table:
    dates, dparams = _dates(p)
    return wh.query(
        f"""select pl.place_id, pl.name, pl.kind, pl.country_iso3, pl.admin1, pl.lat, pl.lon,
                   count(distinct l.doc_id) documents
            from links l join fact_extractions x on x.doc_id = l.doc_id and x.partition_date = l.partition_date
            join fact_documents f on f.doc_id = l.doc_id join places pl on pl.place_id = l.place_id
            where l.market = ? and pl.lat is not null{dates.replace('week_start', 'f.week_start')}
            group by all order by documents desc limit 2000""", [p.get("market", ""), *dparams])


@table("map_admin1")
def map_admin1(wh: Warehouse, p: Params) -> Table:
    """Documents per first-level division for the map's market and period (from the index's weekly counts)."""
    try:
        return lookup.admin1_activity(current_index(wh), p.get("market", ""), p.get("from", ""), p.get("to", ""))
    except IndexMissing:  # the countries and places still show; the banner says the index is missing
        return Table(["country_iso3", "admin1", "documents"], [])
