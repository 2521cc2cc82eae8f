"""Vega-Lite specs for the pages (rendered in the browser by the vendored vega-embed)."""

from __future__ import annotations

from ocwatch.web.db import Table


def _values(t: Table, cols: list[str]) -> list[dict]:
    idx = [t.columns.index(c) for c in cols]
    return [{c: (r[i].isoformat() if hasattr(r[i], "isoformat") else r[i]) for c, i in zip(cols, idx, strict=True)}
            for r in t.rows]


def series_spec(t: Table, title: str, band_label: str) -> dict:
    """Score per week, the baseline band (mean ± 2 sd) behind it, spikes as red points."""
    values = _values(t, ["week_start", "week", "country_iso3", "score", "baseline_mean", "baseline_std",
                         "z", "is_spike", "documents"])
    for v in values:
        mean, sd = v["baseline_mean"], v["baseline_std"] or 0
        v["lo"] = None if mean is None else max(0.0, mean - 2 * sd)
        v["hi"] = None if mean is None else mean + 2 * sd
    x = {"field": "week_start", "type": "temporal", "title": None}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title, "width": "container", "height": 220, "data": {"values": values},
        "layer": [
            {"mark": {"type": "area", "opacity": 0.25, "color": "#888"},
             "encoding": {"x": x, "y": {"field": "lo", "type": "quantitative"}, "y2": {"field": "hi"},
                          "tooltip": [{"field": "week"}, {"field": "lo", "format": ".2f", "title": band_label},
                                      {"field": "hi", "format": ".2f"}]}},
            {"mark": {"type": "line", "point": True},
             "encoding": {"x": x, "y": {"field": "score", "type": "quantitative", "title": "score"},
                          "tooltip": [{"field": "week"}, {"field": "score", "format": ".2f"},
                                      {"field": "z", "format": ".2f"}, {"field": "documents"}]}},
            {"transform": [{"filter": "datum.is_spike"}],
             "mark": {"type": "point", "color": "#c00", "size": 120, "filled": True},
             "encoding": {"x": x, "y": {"field": "score", "type": "quantitative"}}},
        ],
    }


def multiples_spec(t: Table, facet: str) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": _values(t, ["week_start", facet, "score", "is_spike"])},
        "facet": {"field": facet, "type": "nominal", "title": None}, "columns": 3,
        "spec": {"width": 220, "height": 90, "layer": [
            {"mark": "line", "encoding": {"x": {"field": "week_start", "type": "temporal", "title": None},
                                          "y": {"field": "score", "type": "quantitative"}}},
            {"transform": [{"filter": "datum.is_spike"}], "mark": {"type": "point", "color": "#c00", "filled": True},
             "encoding": {"x": {"field": "week_start", "type": "temporal"},
                          "y": {"field": "score", "type": "quantitative"}}}]},
        "resolve": {"scale": {"y": "independent"}},
    }


def bars_spec(t: Table, x: str, y: str, color: str | None = None, title: str = "") -> dict:
    cols = [x, y] + ([color] if color else [])
    enc: dict = {"x": {"field": x, "type": "nominal", "sort": "-y"}, "y": {"field": y, "type": "quantitative"},
                 "tooltip": [{"field": c} for c in cols]}
    if color:
        enc["color"] = {"field": color, "type": "nominal"}
    return {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "title": title,
            "width": "container", "height": 200, "data": {"values": _values(t, cols)},
            "mark": "bar", "encoding": enc}


def timeline_spec(t: Table) -> dict:
    return {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "width": "container", "height": 160,
            "data": {"values": _values(t, ["week_start", "market", "documents"])},
            "mark": "bar", "encoding": {
                "x": {"field": "week_start", "type": "temporal", "timeUnit": "yearweek", "title": None},
                "y": {"field": "documents", "type": "quantitative", "stack": True},
                "color": {"field": "market", "type": "nominal"},
                "tooltip": [{"field": "week_start", "type": "temporal"}, {"field": "market"}, {"field": "documents"}]}}
