"""What the SOCTA partner package holds for a period, declared once.

The export (``ocwatch.report.socta``) writes these tables, and the weekly
report's SOCTA section (``ocwatch.report.socta_section``) reads the same rows
for its week, so the report points to exactly what the package carries.
"""

from __future__ import annotations

import datetime as dt

# The ISO weeks of the period, as the warehouse names them ('2026-W46').
PERIOD_WEEKS = ("select strftime(w, '%G-W%V') from generate_series($first::DATE, $last::DATE, "
                "interval 7 day) t(w)")
# resource -> (warehouse table or view, SQL filter on the period, order)
TABLES: dict[str, tuple[str, str, str]] = {
    "market_activity": ("market_activity_weekly", "week_start between $first and $last",
                        "market, country_iso3, week_start"),
    "new_links": ("new_links", "week_start between $first and $last", "week_start, market, actor_id, place_id"),
    # The sentences behind each new link and each spike of the period.
    "evidence": ("evidence", f"week in ({PERIOD_WEEKS}) and (indicator = 'new_links' or exists ("
                 "select 1 from market_activity_weekly s where s.is_spike and s.market = evidence.market "
                 "and s.country_iso3 = evidence.country_iso3 and s.week = evidence.week))",
                 "indicator, market, country_iso3, week, doc_id, sent_idx"),
    "coverage_gaps": ("coverage_gaps", "week_start between $first and $last", "week_start, country_iso3"),
    "sources": ("sources", "true", "source_id"),
    "markets": ("markets", "true", "market"),
    "actor_types": ("actor_types", "true", "actor_type"),
    "commodities": ("commodities", "true", "commodity_id"),
    "actors": ("actors", "is_known", "actor_id"),
}


FINDINGS_AT = 2  # the report's findings come after the indicators and links they speak of


def resource_names() -> list[str]:
    """Every resource of the package, in its order: the tables, the findings, the method text."""
    names = list(TABLES)
    names.insert(FINDINGS_AT, "findings")
    return [*names, "method"]


def period_filter(name: str, first: dt.date, last: dt.date) -> tuple[str, str, str]:
    """(table, WHERE, ORDER BY) of resource ``name`` for the weeks from ``first`` to ``last`` (Mondays)."""
    table, where, order = TABLES[name]
    return table, where.replace("$first", f"DATE '{first}'").replace("$last", f"DATE '{last}'"), order


def package_name(first: dt.date, last: dt.date) -> str:
    """The name in datapackage.json of the package for the weeks from ``first`` to ``last``."""
    return f"ocwatch-socta-{first}-{last}"


def folder_name(start: str, end: str) -> str:
    """The folder under the data root's exports/ that ``ocwatch export socta --period START..END`` writes."""
    return f"socta-{start}..{end}"
