"""What the demo was built to carry, so tests can check that the pipeline finds it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ocwatch.demo.outlets import DEMO_DATE, OUTLETS, SPIKE_WEEK_INDEX, WEEKS, iso_week, week_start
from ocwatch.demo.schedule import build_articles
from ocwatch.demo.site import DISPATCH_TRAPS
from ocwatch.demo.trade import CASES, PERIODS


def _utc_week(a: Any) -> str:
    return iso_week(a.published.astimezone(dt.UTC).date())


def _outlets(articles: tuple) -> dict[str, dict[str, Any]]:
    counts = Counter(a.outlet for a in articles if not a.broken)
    return {o.id: {"name": o.name, "reliability": o.reliability, "language": o.language, "kind": o.kind,
                   "route": o.route, "countries": list(o.countries),
                   "documents": 1 if o.route == "pdf" else counts[o.id]} for o in OUTLETS}


def _spike(articles: tuple) -> dict[str, Any]:
    week = iso_week(week_start(SPIKE_WEEK_INDEX))
    spike = [a for a in articles if a.story.theme == "gold_spike" and a.wire_of is None]
    baseline = Counter(_utc_week(a) for a in articles if a.story.theme == "gold_ituri" and a.wire_of is None)
    return {"week": week, "week_start": week_start(SPIKE_WEEK_INDEX).isoformat(),
            "market": "non_renewable_resource_crimes", "country_iso3": "COD", "commodity_id": "gold",
            "actors": ["codeco", "adf"], "places": ["Bunia", "Mongbwalu", "Mahagi", "Djugu"],
            "destinations": ["UGA", "ARE"], "articles": len(spike) + 1,  # + the panel's PDF
            "outlets": sorted({a.outlet for a in spike} | {"great-lakes-panel"}),
            "baseline_per_week": [min(baseline.values()), max(baseline.values())]}


def expected() -> dict[str, Any]:
    """Facts of the demo: counts, outlets, the spike, the new link, the trade cases, the broken URLs."""
    articles = build_articles()
    served = [a for a in articles if not a.broken]
    wazalendo = [a for a in articles if "Wazalendo" in " ".join(a.story.paragraphs)]
    return {
        "date": DEMO_DATE.isoformat(),
        "weeks": [iso_week(week_start(w)) for w in range(WEEKS)],
        # Documents a complete crawl keeps: served articles (wire copies included) plus the PDF.
        "article_count": len(served) + 1,
        "original_articles": sum(a.wire_of is None for a in served),
        "wire_copies": sum(a.wire_of is not None for a in served),
        "crime_articles": sum(a.story.crime for a in served),
        "languages": dict(sorted(Counter(a.language for a in served).items())),
        "outlets": _outlets(articles),
        "spike": _spike(articles),
        "new_link": {"actor_id": "wazalendo", "market": "non_renewable_resource_crimes",
                     "commodity_id": "coltan", "place_id": "domain:rubaya", "place_name": "Rubaya",
                     "country_iso3": "COD", "week": iso_week(week_start(SPIKE_WEEK_INDEX)),
                     "first_seen": min(a.published for a in wazalendo).isoformat()},
        "steady": {"m23_coltan_rubaya": "every week", "haiti_gangs": "HTI", "mali_fuel_jnim": "MLI",
                   "car_ivory": "CAF", "virunga_charcoal": "COD", "agadez_smuggling": "NER"},
        "broken": [{"outlet": a.outlet, "path": a.path, "status": 500} for a in articles if a.broken]
        + [{"outlet": "global-crime-dispatch", "path": DISPATCH_TRAPS[0][0], "status": 404}],
        "robots_disallowed": [{"outlet": "global-crime-dispatch", "path": DISPATCH_TRAPS[1][0]}],
        "trade_periods": list(PERIODS),
        "trade_cases": CASES,
    }
