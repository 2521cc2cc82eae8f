"""First-level division boundaries joined to the warehouse's activity, for the map.

The shapes are data shipped in the package (static/geo/admin1.geojson, made
from Natural Earth by ``make web-vendor``; docs/WORKBENCH.md gives origin and
licence), keyed by the ISO 3166-2 codes the warehouse's ``admin1`` columns use.
Joined here rather than in the browser, so the map fetches only the divisions
that have activity, with their values.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ocwatch.web.db import Table

ADMIN1_FILE = Path(__file__).parent / "static" / "geo" / "admin1.geojson"


@cache
def _shapes() -> dict[str, list[dict]]:
    by_code: dict[str, list[dict]] = {}
    for f in json.loads(ADMIN1_FILE.read_text(encoding="utf-8"))["features"]:
        by_code.setdefault(f["properties"]["id"], []).append(f)  # Natural Earth splits a few in two
    return by_code


def has_shape(code: str | None) -> bool:
    return bool(code) and code in _shapes()


def admin1_features(activity: Table) -> dict:
    """A GeoJSON FeatureCollection: each division of ``activity`` (country_iso3, admin1, documents)
    that has a shape, with its documents; divisions without one are left to the page's table."""
    features = []
    for row in activity.dicts():
        for shape in _shapes().get(row["admin1"] or "", []):
            props = {**shape["properties"], "documents": row["documents"], "country_iso3": row["country_iso3"]}
            features.append({"type": "Feature", "geometry": shape["geometry"], "properties": props})
    return {"type": "FeatureCollection", "features": features}
