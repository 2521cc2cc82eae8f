"""The demo's outlets: who publishes, in which language, how far to trust them, and how they are crawled.

Each outlet exposes a different crawl route so that one demo run exercises
every spider: an RSS 2.0 feed, an Atom feed, a sitemap index, a paginated
listing to follow, and a single PDF report. Every outlet is fictional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The fixed run date of the demo (a Monday): articles cover the 26 ISO weeks before it.
DEMO_DATE = dt.date(2026, 11, 16)
FIRST_DAY = DEMO_DATE - dt.timedelta(weeks=26)  # 2026-05-18, Monday of 2026-W21
WEEKS = 26
SPIKE_WEEK_INDEX = WEEKS - 1  # 2026-W46: 2026-11-09 .. 2026-11-15


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    reliability: str
    language: str
    kind: str  # the registry kind: feed | sitemap | listing | document
    route: str  # how the outlet exposes its articles: rss | atom | sitemap | listing | pdf
    countries: tuple[str, ...]
    entry_path: str  # the path the registry's url points at
    tagline: str
    bylines: tuple[str, ...] = ()
    sections: tuple[str, ...] = ("Politics", "Economy", "Security", "Health", "Sport")
    robots_disallow: tuple[str, ...] = ("/private/", "/admin/")
    follow: dict = field(default_factory=dict)


OUTLETS: tuple[Outlet, ...] = (
    Outlet("kivu-monitor", "Kivu Monitor", "B", "en", "feed", "rss", ("COD",), "/feed.xml",
           "Independent news from North Kivu, South Kivu and Ituri",
           ("Grace Kahindo", "Patrick Muhindo", "Esther Nsimire")),
    Outlet("grands-lacs-info", "Grands Lacs Info", "C", "fr", "sitemap", "sitemap", ("COD",),
           "/sitemap_index.xml", "L'actualité de l'est de la RDC et de la région des Grands Lacs",
           ("Jean-Claude Bahati", "Aline Furaha", "Didier Kambale"),
           ("Politique", "Économie", "Sécurité", "Santé", "Sports")),
    Outlet("afrique-hebdo", "Afrique Hebdo", "B", "fr", "feed", "atom", ("MLI", "NER", "CAF", "COD"),
           "/atom.xml", "L'hebdomadaire du Sahel et de l'Afrique centrale",
           ("Mariam Traoré", "Ousmane Maïga", "Clarisse Yakité"),
           ("Politique", "Économie", "Sécurité", "Santé", "Sports")),
    Outlet("global-crime-dispatch", "Global Crime Dispatch", "D", "en", "listing", "listing",
           ("HTI", "CAF", "NER", "COD"), "/news/", "Crime, conflict and trafficking, worldwide",
           ("Daniel Reyes", "Fiona Clarke", "Samuel Okafor"),
           follow={"allow": ["/news/"], "deny": ["/tag/", "/login", "/account/"], "max_depth": 3}),
    Outlet("continental-wire", "Continental Wire Digest", "E", "en", "feed", "rss",
           ("COD", "HTI", "MLI", "CAF", "NER"), "/rss", "Syndicated wire copy from across the continent",
           ("Wire staff",)),
    Outlet("great-lakes-panel", "Great Lakes Resource Monitoring Panel", "A", "en", "document", "pdf",
           ("COD",), "/reports/2026/interim-report-november-2026.pdf",
           "Independent monitoring of natural resources and armed groups"),
)

BY_ID = {o.id: o for o in OUTLETS}
# Outlets that write their own stories; the wire outlet only republishes others' copy.
AUTHORING = tuple(o for o in OUTLETS if o.route not in ("pdf",) and o.id != "continental-wire")
WIRE = BY_ID["continental-wire"]
# The wire republishes this outlet's articles almost word for word.
WIRE_ORIGIN = "kivu-monitor"


def week_start(index: int) -> dt.date:
    """Monday of the demo's week `index` (0 = 2026-W21)."""
    return FIRST_DAY + dt.timedelta(weeks=index)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
