"""Weekly series for the trends page and the map.

Unfiltered, a series is market_activity_weekly itself (the indicator, its
baseline and its spikes). With a source, grade or language filter the series
is recomputed from the per-document facts with the indicator's own rules
(score = sum of the original documents' reliability weights; baseline = the
previous 12 weeks; z floor 0.5; spike = z >= 3 with 3 independent sources),
so an analyst can see how much of a rise one source or one grade carries.
"""

from __future__ import annotations

from ocwatch.web import lookup, lookup_trends
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
    """Recounted from the documents that pass the filter, with the indicator's rules (lookup_trends)."""
    return lookup_trends.filtered_series(current_index(wh), dict(p))


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
            from links_reviewed l
            join fact_extractions x on x.doc_id = l.doc_id and x.partition_date = l.partition_date
            join fact_documents f on f.doc_id = l.doc_id join places pl on pl.place_id = l.place_id
            where l.market = ? and l.counts and pl.lat is not null{dates.replace('week_start', 'f.week_start')}
            group by all order by documents desc limit 2000""", [p.get("market", ""), *dparams])


@table("map_admin1")
def map_admin1(wh: Warehouse, p: Params) -> Table:
    """Documents per first-level division for the map's market and period (from the index's weekly counts)."""
    try:
        return lookup.admin1_activity(current_index(wh), p.get("market", ""), p.get("from", ""), p.get("to", ""))
    except IndexMissing:  # the countries and places still show; the banner says the index is missing
        return Table(["country_iso3", "admin1", "documents"], [])
