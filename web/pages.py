"""Home ("this week"), trends, map, trade and evidence pages."""

from __future__ import annotations

import pycountry
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ocwatch.web import charts, geo, queries, queries_trends
from ocwatch.web.auth import requires
from ocwatch.web.db import Table
from ocwatch.web.render import lang_of, page


def wh(request: Request):
    return request.app.state.warehouse


def _markets(request: Request) -> dict[str, str]:
    return queries.labels(wh(request), lang_of(request))


@requires("viewer")
def home(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    week = queries.current_week(w, p)
    p["week"] = week
    return page(request, "home.html", week=week, weeks=queries.weeks(w), markets=_markets(request),
                rising=queries.rising(w, p), admin1=queries.admin1(w, p), links=queries.new_links(w, p),
                gaps=queries.trade_gaps(w, {}), uv=queries.trade_uv(w, {}),
                coverage=queries.coverage_gaps(w, p), tp={"week": week})


def _options(request: Request) -> dict[str, list]:
    w = wh(request)
    return w.memo("trend_options", lambda: {  # a scan of every document: once a build
        "countries": [r[0] for r in w.query("select distinct country_iso3 from market_activity_weekly order by 1").rows],
        "sources": [r[0] for r in w.query("select source_id from sources order by 1").rows],
        "grades": ["A", "B", "C", "D", "E", "F"],
        "languages": [r[0] for r in w.query("select distinct language from documents where language is not null order by 1").rows],
    })


@requires("viewer")
def trends(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    markets = _markets(request)
    if "market" not in p or (not p["market"] and not p.get("country")):
        p["market"] = next(iter(markets), "")
    t = queries_trends.series(w, p)
    title = f"{markets.get(p['market'], p['market'])} — {p.get('country') or '*'}"
    if not p["market"]:  # one country, every market
        spec = charts.multiples_spec(t, "market")
    elif p.get("country"):
        spec = charts.series_spec(t, title, "baseline ± 2 sd")
    else:
        spec = charts.multiples_spec(t, "country_iso3")
    rows = _table_rows(t)
    return page(request, "trends.html", markets=markets, series=t, rows=rows[:TREND_TABLE_ROWS],
                cut=len(rows) > TREND_TABLE_ROWS, spec=spec, tp=p, **_options(request))


TREND_TABLE_ROWS = 300  # small multiples over every country hold a thousand weeks: the chart shows them all


def _table_rows(t: Table) -> list[dict]:
    """The weeks with documents, for the table under the chart: spikes first, then newest first."""
    rows = [r for r in t.dicts() if r["documents"]]
    return sorted(rows, key=lambda r: (bool(r["is_spike"]), r["week_start"]), reverse=True)


def _numeric(iso3: str) -> str | None:
    c = pycountry.countries.get(alpha_3=iso3)
    return c.numeric if c else None


@requires("viewer")
def map_page(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    markets = _markets(request)
    p.setdefault("market", next(iter(markets), ""))
    countries = queries_trends.map_countries(w, p)
    places = queries_trends.map_places(w, p)
    admin1 = queries_trends.map_admin1(w, p)
    data = {"countries": {_numeric(r["country_iso3"]) or r["country_iso3"]: r for r in countries.dicts()},
            "places": places.dicts(), "market": p["market"]}
    return page(request, "map.html", markets=markets, countries=countries, places=places, data=data, tp=p,
                admin1=admin1, has_shape=geo.has_shape)


@requires("viewer")
def map_admin1(request: Request) -> Response:
    """The map's first-level divisions with activity, as GeoJSON (shapes shipped with the package)."""
    return JSONResponse(geo.admin1_features(queries_trends.map_admin1(wh(request), request.query_params)))


@requires("viewer")
def trade(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    gaps, uv = queries.trade_gaps(w, p), queries.trade_uv(w, p)
    records = queries.trade_records(w, p) if p.get("hs") and p.get("period") else None
    commodities = [r[0] for r in w.query("select distinct commodity_id from trade_mirror_gaps order by 1").rows]
    spec_gaps = charts.bars_spec(_top(gaps, 20), "pair", "gap_usd", "commodity_id") if gaps.rows else None
    return page(request, "trade.html", gaps=gaps, uv=uv, records=records, commodities=commodities,
                spec_gaps=spec_gaps, tp=p)


def _top(t: Table, n: int) -> Table:
    """The first n mirror gaps, each with a label naming its pair and period, for the chart."""
    cols = [*t.columns, "pair"]
    i, j = t.columns.index("exporter_iso3"), t.columns.index("importer_iso3")
    return Table(cols, [(*r, f"{r[i]}→{r[j]} {r[5]}") for r in t.rows[:n]])


@requires("viewer")
def evidence(request: Request) -> Response:
    w, p = wh(request), dict(request.query_params)
    return page(request, "evidence.html", rows=queries.evidence(w, p), markets=_markets(request), tp=p)
